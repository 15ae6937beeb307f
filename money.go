package dossier

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Money is an amount in fen (0.01 yuan). Sums are taken in fen, so no
// float drift reaches a total; the float64 yuan of Fields is converted
// once, rounded to the nearest fen.
type Money int64

// MoneyUnit is the unit an amount is shown in.
type MoneyUnit string

// Units of money on the notice's forms.
const (
	Yuan    MoneyUnit = "元"
	WanYuan MoneyUnit = "万元"
)

// ErrMoney reports text that does not read as an amount.
var ErrMoney = errors.New("dossier: not an amount of money")

// fenPer is how many fen one unit holds.
func (u MoneyUnit) fenPer() int64 {
	if u == WanYuan {
		return 1_000_000
	}
	return 100
}

// Decimals is how many decimals an amount in u needs to be exact to the fen.
func (u MoneyUnit) Decimals() int {
	if u == WanYuan {
		return 6
	}
	return 2
}

// YuanToMoney converts yuan held as float64 (the Fields convention) to fen.
func YuanToMoney(yuan float64) Money { return Money(math.Round(yuan * 100)) }

// MoneyOf reads a money field of fs as fen, and whether it holds a number.
func MoneyOf(fs Fields, key string) (Money, bool) {
	y, ok := fs.Money(key)
	if !ok {
		return 0, false
	}
	return YuanToMoney(y), true
}

// ParseMoney reads "1,234.50" (yuan) or "12.5 万元" into fen.
func ParseMoney(s string) (Money, error) {
	t := strings.TrimSpace(strings.ReplaceAll(s, ",", ""))
	unit := Yuan
	switch {
	case strings.HasSuffix(t, string(WanYuan)):
		unit, t = WanYuan, strings.TrimSpace(strings.TrimSuffix(t, string(WanYuan)))
	case strings.HasSuffix(t, string(Yuan)):
		t = strings.TrimSpace(strings.TrimSuffix(t, string(Yuan)))
	}
	neg := strings.HasPrefix(t, "-")
	t = strings.TrimPrefix(t, "-")
	whole, frac, _ := strings.Cut(t, ".")
	if whole == "" && frac == "" || strings.ContainsAny(whole+frac, "+-eE ") {
		return 0, fmt.Errorf("read %q: %w", s, ErrMoney)
	}
	d := unit.Decimals()
	if len(frac) > d {
		return 0, fmt.Errorf("read %q: more than %d decimals: %w", s, d, ErrMoney)
	}
	frac += strings.Repeat("0", d-len(frac))
	w, err1 := strconv.ParseInt("0"+whole, 10, 64)
	f, err2 := strconv.ParseInt("0"+frac, 10, 64)
	if err1 != nil || err2 != nil {
		return 0, fmt.Errorf("read %q: %w", s, ErrMoney)
	}
	scale := int64(math.Pow10(d))
	m := Money(w*unit.fenPer() + f*unit.fenPer()/scale)
	if neg {
		m = -m
	}
	return m, nil
}

// In is the amount in u as a float64, for a spreadsheet cell (exact to
// the fen within float64's 15 digits).
func (m Money) In(u MoneyUnit) float64 { return float64(m) / float64(u.fenPer()) }

// Yuan is the amount in yuan as a float64.
func (m Money) Yuan() float64 { return m.In(Yuan) }

// String writes yuan with thousands separators and two decimals: 1,234.50.
func (m Money) String() string { return m.Format(Yuan) }

// Format writes the amount in u with thousands separators and the
// decimals u needs to stay exact (万元: two at least, up to six).
func (m Money) Format(u MoneyUnit) string {
	neg := m < 0
	v := int64(m)
	if neg {
		v = -v
	}
	per := u.fenPer()
	whole, rest := v/per, v%per
	frac := fmt.Sprintf("%0*d", u.Decimals(), rest*int64(math.Pow10(u.Decimals()))/per)
	for len(frac) > 2 && frac[len(frac)-1] == '0' {
		frac = frac[:len(frac)-1]
	}
	s := groupThousands(strconv.FormatInt(whole, 10)) + "." + frac
	if neg {
		s = "-" + s
	}
	return s
}

// groupThousands puts a comma between groups of three digits.
func groupThousands(d string) string {
	var b strings.Builder
	for i, r := range d {
		if i > 0 && (len(d)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Thousands writes a count with separators: 12,345.
func Thousands(n int64) string {
	if n < 0 {
		return "-" + groupThousands(strconv.FormatInt(-n, 10))
	}
	return groupThousands(strconv.FormatInt(n, 10))
}

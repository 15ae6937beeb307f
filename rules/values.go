package rules

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"dossier"
)

// label is a field's Chinese label in 「」 as notices quote it.
func label(key string) string { return "「" + dossier.LabelOf(key) + "」" }

// cents rounds yuan to whole fen so that money compares to 0.01 元.
func cents(y float64) int64 { return int64(math.Round(y * 100)) }

// yuan writes money as 100,000.00 元.
func yuan(y float64) string {
	c := cents(y)
	neg := c < 0
	if neg {
		c = -c
	}
	whole := strconv.FormatInt(c/100, 10)
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	fmt.Fprintf(&b, ".%02d 元", c%100)
	return b.String()
}

// wan writes yuan in the survey's unit, 万元: "10 万元（100,000.00 元）".
func wan(y float64) string {
	return strconv.FormatFloat(float64(cents(y))/1e6, 'f', -1, 64) + " 万元（" + yuan(y) + "）"
}

// count returns a valid (non-negative whole) count.
func count(f dossier.Fields, key string) (int64, bool) {
	n, ok := f.Int(key)
	if !ok || n < 0 {
		return 0, false
	}
	return n, true
}

// countOrBlank reads a count where blank means 0; ok is false only when
// the key was not found at all or holds something unreadable.
func countOrBlank(f dossier.Fields, key string) (int64, bool) {
	v, present := f[key]
	if !present {
		return 0, false
	}
	if v == nil {
		return 0, true
	}
	return count(f, key)
}

// money returns a money field where blank means 0; ok is false when absent.
func moneyOrBlank(f dossier.Fields, key string) (float64, bool) {
	v, present := f[key]
	if !present {
		return 0, false
	}
	if v == nil {
		return 0, true
	}
	return f.Money(key)
}

// list reads a list field stored as []string or, after a JSON round trip, []any.
func list(f dossier.Fields, key string) []string {
	switch v := f[key].(type) {
	case []string:
		return v
	case []any:
		out := make([]string, 0, len(v))
		for _, x := range v {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// publicity reads publicity_items in any of the shapes it may arrive in.
func publicity(f dossier.Fields) []dossier.PublicityItem {
	switch v := f["publicity_items"].(type) {
	case []dossier.PublicityItem:
		return v
	case []map[string]string:
		out := make([]dossier.PublicityItem, 0, len(v))
		for _, m := range v {
			out = append(out, dossier.PublicityItem{Media: m["media"], Date: m["date"], Title: m["title"]})
		}
		return out
	case []any:
		out := make([]dossier.PublicityItem, 0, len(v))
		for _, x := range v {
			switch m := x.(type) {
			case map[string]any:
				s := func(k string) string { t, _ := m[k].(string); return t }
				out = append(out, dossier.PublicityItem{Media: s("media"), Date: s("date"), Title: s("title")})
			case dossier.PublicityItem:
				out = append(out, m)
			}
		}
		return out
	}
	return nil
}

// names splits a list of county names, also when several were typed in one
// item ("会泽县、云龙县").
func names(items []string) []string {
	var out []string
	for _, it := range items {
		for _, n := range strings.FieldsFunc(it, func(r rune) bool {
			return strings.ContainsRune("、，,;；/／", r)
		}) {
			if n = strings.TrimSpace(n); n != "" && n != "无" {
				out = append(out, n)
			}
		}
	}
	return out
}

// blankMarks are what people write on a line they leave empty, and the
// units and unticked boxes printed around it ("____ 万元", "无 人", "☐有 ☐无").
var blankMarks = strings.NewReplacer(
	"_", "", "＿", "", "/", "", "／", "", "—", "", "－", "", "-", "", "…", "", " ", "", "\u3000", "",
	"☐", "", "□", "", "○", "", "〇", "", "（", "", "）", "", "(", "", ")", "",
	"万元", "", "元", "", "人次", "", "人", "", "次", "", "场", "", "个", "", "种", "", "项", "", "天", "", "家", "",
)

// blankRaw reports whether the raw text the extractor could not read is in
// fact a line left empty (fields.md: ____, / or 无 mean "not filled in"), so
// that S001 says 未填写 rather than S010 or 无法识别. A yes/no item whose boxes
// are all unticked ("☐ ☐ 有 无") is blank too.
func blankRaw(key, raw string) bool {
	if strings.ContainsAny(raw, "0123456789０１２３４５６７８９☑■√✓✔") {
		return false
	}
	s := blankMarks.Replace(strings.TrimSpace(raw))
	if fd, ok := dossier.FieldByKey(key); ok && fd.Type == dossier.TypeBool && strings.ContainsAny(raw, "☐□○〇") {
		s = strings.NewReplacer("有", "", "无", "", "是", "", "否", "").Replace(s)
	}
	return s == "" || s == "无"
}

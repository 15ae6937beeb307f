package parse

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// Status tells how a raw value read.
type Status int

// Outcomes of reading a raw value.
const (
	Absent  Status = iota // nothing there at all
	Blank                 // a blank placeholder: ____, /, 无, empty
	OK                    // read as the type
	Invalid               // filled in, but not readable as the type
)

// Fold maps full-width ASCII (digits, letters, ．－／＿％ and the ideographic
// space) to their half-width forms and unifies line ends. Chinese punctuation
// that carries meaning in the forms (：，；（）、) is kept; the parsers
// accept both widths where it matters.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r >= '０' && r <= '９', r >= 'Ａ' && r <= 'Ｚ', r >= 'ａ' && r <= 'ｚ':
			b.WriteRune(r - 0xFEE0)
		case r == '．' || r == '－' || r == '／' || r == '＿' || r == '％' || r == '＋' || r == '＠' || r == '＃' || r == '＄':
			b.WriteRune(r - 0xFEE0)
		case r == '\u3000' || r == '\u00a0' || r == '\t' || r == '\u2002' || r == '\u2003' || r == '\u2009':
			b.WriteByte(' ')
		case r == '\r':
			b.WriteByte('\n')
		case r == '\u200b' || r == '\ufeff' || r == '\u00ad':
		case r == '\uFFFD':
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// blankRe matches the placeholders people leave in an unanswered blank.
var blankRe = regexp.MustCompile(`^(?:[_＿\-—–－~～/／\\.。…·\s]*|无|無|空|暂无|不适用|n/?a|N/?A|null|NULL|none|None|-+|—+)$`)

// IsBlank reports whether raw is a blank placeholder (____, /, 无, empty).
func IsBlank(raw string) bool {
	s := strings.TrimSpace(trimPunct(Fold(raw)))
	if blankRe.MatchString(s) {
		return true
	}
	// A blank with the form's unit still after it: "无 人", "____ 万元".
	for _, u := range blankUnits {
		if t, ok := strings.CutSuffix(s, u); ok && t != s && strings.TrimSpace(t) != "" && blankRe.MatchString(strings.TrimSpace(t)) {
			return true
		}
	}
	return false
}

// blankUnits are the units a form prints after its blanks.
var blankUnits = []string{"人次", "万元", "元", "人", "次", "场", "个", "家", "种", "项", "天"}

// trimPunct strips separators people put around a value: colons,
// semicolons, commas, full stops.
func trimPunct(s string) string {
	return strings.Trim(s, " \n:：;；,，、。.")
}

var (
	countUnits = []string{"人次", "人", "次", "场次", "场", "个", "家", "种", "项", "天", "日", "批次", "批", "名", "位", "所", "县"}
	numRe      = regexp.MustCompile(`^[+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^[+-]?\d+(?:\.\d+)?$`)
)

var filledBlankRe = regexp.MustCompile(`^[_＿]+\s*([^_＿]*?[^_＿\s][^_＿]*?)\s*[_＿]+(.*)$`)

// unfill drops the underscores of a blank that was typed into: "__12__人" → "12人".
func unfill(s string) string {
	if g := filledBlankRe.FindStringSubmatch(s); g != nil {
		return g[1] + g[2]
	}
	if strings.HasPrefix(s, "_") || strings.HasPrefix(s, "＿") {
		if t := strings.TrimLeft(s, "_＿ "); t != "" && t != s {
			return t
		}
	}
	return s
}

// ParseCount reads a non-negative whole count: "25", "２５", "25人",
// "1,234", "二十五", "共 12 场". Negative, fractional or wordy values are Invalid.
func ParseCount(raw string) (int64, Status) {
	s := strings.TrimSpace(trimPunct(Fold(raw)))
	if s == "" || IsBlank(s) {
		return 0, Blank
	}
	s = unfill(strings.Join(strings.Fields(s), ""))
	for _, p := range []string{"合计", "共计", "共", "计", "累计"} {
		s = strings.TrimPrefix(s, p)
	}
	for changed := true; changed; {
		changed = false
		for _, u := range countUnits {
			if strings.HasSuffix(s, u) && len(s) > len(u) {
				s = strings.TrimSuffix(s, u)
				changed = true
			}
		}
	}
	if numRe.MatchString(s) {
		f, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
		if err != nil || f < 0 || f != math.Trunc(f) || f > 1e12 {
			return 0, Invalid
		}
		return int64(f), OK
	}
	if n, ok := scaledCount(s); ok {
		return n, OK
	}
	if n, ok := ParseChineseNumber(s); ok {
		return n, OK
	}
	return 0, Invalid
}

// ParseMoney reads an amount and returns it in yuan with two decimals.
// unit is the unit to assume when none is written ("万元" or "元"); an
// amount written with 元/万元/千元 uses its own unit.
func ParseMoney(raw, unit string) (float64, Status) {
	s := strings.TrimSpace(trimPunct(Fold(raw)))
	if s == "" || IsBlank(s) {
		return 0, Blank
	}
	s = unfill(strings.Join(strings.Fields(s), ""))
	s = strings.TrimLeft(s, "¥￥$")
	s = strings.TrimPrefix(s, "人民币")
	s = strings.TrimPrefix(s, "RMB")
	s = strings.TrimLeft(s, "¥￥")
	mult := unitMult(unit)
	switch {
	case strings.HasSuffix(s, "万元"):
		s, mult = strings.TrimSuffix(s, "万元"), 10000
	case strings.HasSuffix(s, "千元"):
		s, mult = strings.TrimSuffix(s, "千元"), 1000
	case strings.HasSuffix(s, "万"):
		s, mult = strings.TrimSuffix(s, "万"), 10000
	case strings.HasSuffix(s, "元"):
		s, mult = strings.TrimSuffix(s, "元"), 1
	}
	if numRe.MatchString(s) {
		f, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
		if err != nil || f < 0 || math.IsInf(f, 0) || f > 1e13 {
			return 0, Invalid
		}
		return round2(f * mult), OK
	}
	if n, ok := ParseChineseNumber(s); ok {
		return round2(float64(n) * mult), OK
	}
	return 0, Invalid
}

func unitMult(unit string) float64 {
	switch unit {
	case "万元", "万":
		return 10000
	case "千元":
		return 1000
	}
	return 1
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }

var cnDigit = map[rune]int64{'零': 0, '〇': 0, 'О': 0, '○': 0, '一': 1, '壹': 1, '二': 2, '贰': 2, '两': 2, '兩': 2, '三': 3, '叁': 3, '四': 4, '肆': 4, '五': 5, '伍': 5, '六': 6, '陆': 6, '七': 7, '柒': 7, '八': 8, '捌': 8, '九': 9, '玖': 9}
var cnUnit = map[rune]int64{'十': 10, '拾': 10, '百': 100, '佰': 100, '千': 1000, '仟': 1000, '万': 10000, '萬': 10000, '亿': 100000000}

// ParseChineseNumber reads a number written in Chinese numerals: 十二,
// 二十五, 一百零五, 两, 三千二百, 一万零三百. Digit strings (二〇二六) read
// digit by digit.
func ParseChineseNumber(s string) (int64, bool) {
	rs := []rune(strings.TrimSpace(s))
	if len(rs) == 0 || len(rs) > 20 {
		return 0, false
	}
	hasUnit := false
	for _, r := range rs {
		if _, ok := cnUnit[r]; ok {
			hasUnit = true
		} else if _, ok := cnDigit[r]; !ok {
			return 0, false
		}
	}
	if !hasUnit {
		var n int64
		for _, r := range rs {
			n = n*10 + cnDigit[r]
		}
		return n, true
	}
	var total, section, digit int64
	pending := false
	for _, r := range rs {
		if d, ok := cnDigit[r]; ok {
			digit, pending = d, true
			continue
		}
		u := cnUnit[r]
		if u >= 10000 {
			section += digit
			if section == 0 {
				section = 1
			}
			total += section * u
			section, digit, pending = 0, 0, false
			continue
		}
		if !pending {
			digit = 1 // 十二 = 一十二
		}
		section += digit * u
		digit, pending = 0, false
	}
	return total + section + digit, true
}

var (
	dateISO = regexp.MustCompile(`(\d{4})\s*[-/.．]\s*(\d{1,2})\s*[-/.．]\s*(\d{1,2})`)
	dateCN  = regexp.MustCompile(`([0-9〇零一二三四五六七八九○О]{4})\s*年\s*([0-9一二三四五六七八九十]{1,3})\s*月\s*([0-9一二三四五六七八九十廿卅]{1,3})\s*[日号]`)
	// DatePattern finds a date in running text (ISO or Chinese form).
	DatePattern = regexp.MustCompile(`[0-9〇零一二三四五六七八九○О]{4}\s*年\s*[0-9一二三四五六七八九十]{1,3}\s*月\s*[0-9一二三四五六七八九十廿卅]{1,3}\s*[日号]|\d{4}\s*[-/.．]\s*\d{1,2}\s*[-/.．]\s*\d{1,2}`)
)

// ParseDate reads 2026年11月8日, 2026-11-08, 2026/11/8, 2026.11.8 or
// 二〇二六年十一月八日 into ISO yyyy-mm-dd.
func ParseDate(raw string) (string, Status) {
	s := strings.TrimSpace(trimPunct(Fold(raw)))
	if s == "" || IsBlank(s) {
		return "", Blank
	}
	var y, m, d int64
	if g := dateCN.FindStringSubmatch(s); g != nil {
		y, _ = cnOrInt(g[1])
		m, _ = cnOrInt(g[2])
		d, _ = cnOrInt(strings.NewReplacer("廿", "二十", "卅", "三十").Replace(g[3]))
	} else if g := dateISO.FindStringSubmatch(s); g != nil {
		y, _ = strconv.ParseInt(g[1], 10, 64)
		m, _ = strconv.ParseInt(g[2], 10, 64)
		d, _ = strconv.ParseInt(g[3], 10, 64)
	} else {
		return "", Invalid
	}
	if y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31 {
		return "", Invalid
	}
	return strconv.FormatInt(y, 10) + "-" + pad2(m) + "-" + pad2(d), OK
}

func cnOrInt(s string) (int64, bool) {
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return n, true
	}
	return ParseChineseNumber(s)
}

func pad2(n int64) string {
	if n < 10 {
		return "0" + strconv.FormatInt(n, 10)
	}
	return strconv.FormatInt(n, 10)
}

// Check marks people use for a chosen item, and for an unchosen one.
const (
	checkedMarks   = "☑✓✔√■▣●◉☒✗✘⊠■"
	uncheckedMarks = "☐□○◯〇"
)

func isChecked(r rune) bool   { return strings.ContainsRune(checkedMarks, r) }
func isUnchecked(r rune) bool { return strings.ContainsRune(uncheckedMarks, r) }

// ParseBool reads a yes/no answer: 是/否, 有/无, Y/N, true/false, a lone
// mark, or the options with the chosen one marked (☑是 ☐否, 是（√）否（ ）,
// √是 否). "是/否" with nothing marked is Blank.
func ParseBool(raw string) (bool, Status) {
	s := strings.TrimSpace(Fold(raw))
	if s == "" || blankRe.MatchString(strings.TrimSpace(trimPunct(s))) && s != "无" && s != "無" {
		return false, Blank
	}
	if v, st, ok := choiceYesNo(s); ok {
		return v, st
	}
	t := strings.ToLower(trimPunct(s))
	switch t {
	case "是", "有", "y", "yes", "true", "1", "对", "√", "✓", "✔", "☑", "■":
		return true, OK
	case "否", "无", "無", "没有", "n", "no", "false", "0", "不是", "×", "☐", "□":
		return false, OK
	}
	for _, p := range []string{"是", "有"} {
		if strings.HasPrefix(t, p) && !strings.ContainsAny(t, "否无") {
			return true, OK
		}
	}
	for _, p := range []string{"否", "无", "没有", "未"} {
		if strings.HasPrefix(t, p) {
			return false, OK
		}
	}
	return false, Invalid
}

// choiceYesNo looks at "是 … 否" / "有 … 无" option pairs with marks.
func choiceYesNo(s string) (bool, Status, bool) {
	for _, pair := range [][2]string{{"是", "否"}, {"有", "无"}} {
		yi, ni := strings.Index(s, pair[0]), strings.Index(s, pair[1])
		if yi < 0 || ni < 0 {
			continue
		}
		opts := []option{{pair[0], yi}, {pair[1], ni}}
		if v, ok := groupedMarks(s, yi, ni); ok {
			return v, OK, true
		}
		marked, any := markedOptions(s, opts)
		switch {
		case len(marked) == 1:
			return marked[0] == pair[0], OK, true
		case len(marked) == 2:
			return false, Invalid, true
		case !any:
			// 是/否 with nothing chosen: blank unless one word is clearly the answer.
			return false, Blank, true
		case !strings.ContainsAny(s, "☑☒■▣√✓✔"):
			// boxes shown, none of them ticked ("☐ ☐ 有 无"): not answered
			return false, Blank, true
		}
	}
	return false, Absent, false
}

type option struct {
	name string
	at   int // byte offset in the string
}

// markedOptions returns the names of options that carry a check mark, and
// whether the string holds any mark at all. The convention (mark before the
// option or after it, as "（√）") is decided for the group as a whole.
func markedOptions(s string, opts []option) ([]string, bool) {
	before := make([]int, len(opts)) // 1 checked, -1 unchecked, 0 none
	after := make([]int, len(opts))
	anyMark := false
	db, da := 0, 0 // spaces between options and their marks, each way
	for i, o := range opts {
		before[i] = markBefore(s[:o.at])
		if before[i] == 0 {
			before[i] = bracketBefore(s[:o.at])
		}
		after[i] = markAfter(s[o.at+len(o.name):])
		if before[i] != 0 {
			db += gapBefore(s[:o.at])
		}
		if after[i] != 0 {
			da += gapAfter(s[o.at+len(o.name):])
		}
		if before[i] != 0 || after[i] != 0 {
			anyMark = true
		}
	}
	nb, na := 0, 0
	for i := range opts {
		if before[i] != 0 {
			nb++
		}
		if after[i] != 0 {
			na++
		}
	}
	cb, ca := 0, 0
	for i := range opts {
		if before[i] == 1 {
			cb++
		}
		if after[i] == 1 {
			ca++
		}
	}
	use := before
	last := len(opts) - 1
	// the list's edges: marks after their names leave the first name
	// without one before it and give the last one after it ("农业（ ）…
	// 产业规划（ ）"); a scan's text, which loses the spaces that tie a
	// mark to its name, still has its edges
	edgeAfter := before[0] == 0 && after[last] != 0
	edgeBefore := after[last] == 0 && before[0] != 0
	switch {
	case (ca > 0) != (cb > 0):
		if ca > 0 {
			use = after
		}
	case edgeAfter != edgeBefore && len(opts) > 2:
		if edgeAfter {
			use = after
		}
	case na > nb || (na == nb && (da < db || da == db && after[0] != 0 && before[0] == 0)):
		use = after
	}
	var out []string
	for i, o := range opts {
		if use[i] == 1 {
			out = append(out, o.name)
		}
	}
	return out, anyMark
}

// markBefore reads a mark immediately before an option (skipping spaces and
// ①②, at most a few runes back).
func markBefore(s string) int {
	rs := []rune(s)
	for i, n := len(rs)-1, 0; i >= 0 && n < 4; i, n = i-1, n+1 {
		r := rs[i]
		switch {
		case isChecked(r) || r == 'x' || r == 'X':
			if r == 'x' || r == 'X' {
				return 0
			}
			return 1
		case isUnchecked(r):
			return -1
		case r == ' ' || r == '\n' || r == '①' || r == '②' || r == '③' || r == '(' || r == '（' || r == '[' || r == '【':
			continue
		default:
			return 0
		}
	}
	return 0
}

// bracketBefore reads a mark in brackets right before an option, or the
// empty brackets of one not chosen: "（√）是　（ ）否".
func bracketBefore(s string) int {
	if g := bracketMarkRe.FindStringSubmatch(s); g != nil {
		// "（√）是　（ ）否": the mark in brackets before its option
		m := []rune(strings.TrimSpace(g[1]))
		switch {
		case len(m) == 0 || isUnchecked(m[0]):
			return -1
		case isChecked(m[0]) || m[0] == 'x' || m[0] == 'X' || m[0] == 'v' || m[0] == 'V':
			return 1
		}
	}
	return 0
}

// bracketMarkRe is a bracket pair holding a mark or nothing, right
// before an option ("（√）是", "（ ）否", "[x]有").
var bracketMarkRe = regexp.MustCompile(`[(（\[【]([ \t\x{3000}]*[^ \t\x{3000})）\]】]?[ \t\x{3000}]*)[)）\]】][ \t\x{3000}]*$`)

// markAfter reads a mark right after an option: ☑, (√), （ ）, [x].
func markAfter(s string) int {
	rs := []rune(s)
	inParen := false
	for i := 0; i < len(rs) && i < 6; i++ {
		r := rs[i]
		switch {
		case isChecked(r):
			return 1
		case isUnchecked(r):
			return -1
		case r == '(' || r == '（' || r == '[' || r == '【':
			inParen = true
		case inParen && (r == 'x' || r == 'X' || r == 'v' || r == 'V' || r == '是' || r == 'Y' || r == 'y'):
			return 1
		case r == ')' || r == '）' || r == ']' || r == '】':
			if inParen {
				return -1
			}
			return 0
		case r == ' ' || r == '\n':
		default:
			return 0
		}
	}
	return 0
}

// SplitList splits a list of names on 、，,;； / and line breaks; blank
// items are dropped and a wholly blank list is nil.
func SplitList(raw string) []string {
	s := Fold(raw)
	if IsBlank(s) {
		return nil
	}
	parts := strings.FieldsFunc(s, func(r rune) bool {
		return r == '、' || r == '，' || r == ',' || r == ';' || r == '；' || r == '\n' || r == '/' || r == '|' || r == ' '
	})
	var out []string
	for _, p := range parts {
		p = strings.TrimFunc(p, func(r rune) bool { return unicode.IsSpace(r) || r == '。' || r == '.' })
		if p != "" && !IsBlank(p) {
			out = append(out, p)
		}
	}
	return out
}

// CleanText trims a free-text value and joins its wrapped lines: no space
// between two Chinese characters, one space otherwise.
func CleanText(raw string) string {
	lines := strings.Split(Fold(raw), "\n")
	var b strings.Builder
	var prev rune
	for _, l := range lines {
		l = strings.Join(strings.Fields(l), " ")
		if l == "" {
			continue
		}
		if b.Len() > 0 {
			first := []rune(l)[0]
			if !(isHan(prev) || isHan(first) || unicode.IsPunct(prev) || unicode.IsPunct(first)) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(l)
		rs := []rune(l)
		prev = rs[len(rs)-1]
	}
	return strings.Trim(b.String(), " :：;；,，、")
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// groupedMarks reads "是 否 ☑ ☐" and "☑ ☐ 有 无": the options together and
// their two marks together, paired in order (a PDF's text order can do this).
func groupedMarks(s string, yi, ni int) (bool, bool) {
	type mk struct {
		at      int
		checked bool
	}
	var marks []mk
	for i, r := range s {
		if isChecked(r) && r != '√' {
			marks = append(marks, mk{i, true})
		} else if isUnchecked(r) && r != '〇' {
			marks = append(marks, mk{i, false})
		}
	}
	if len(marks) != 2 || marks[0].checked == marks[1].checked {
		return false, false
	}
	lo, hi := min(yi, ni), max(yi, ni)
	after := marks[0].at > hi
	before := marks[1].at < lo
	if !after && !before {
		return false, false
	}
	if after {
		// nothing but spaces between the second option and the first mark
		if strings.TrimSpace(s[hi+len("是"):marks[0].at]) != "" {
			return false, false
		}
	} else if strings.TrimSpace(s[marks[1].at+len(string([]rune(s[marks[1].at:])[0])):lo]) != "" {
		return false, false
	}
	firstChecked := marks[0].checked
	yesFirst := yi < ni
	return firstChecked == yesFirst, true
}

func gapBefore(s string) int { return len(s) - len(strings.TrimRight(s, " \n")) }
func gapAfter(s string) int  { return len(s) - len(strings.TrimLeft(s, " \n")) }

// scaledCount reads a count written with 万 or 亿 and decimals: 17.57万 →
// 175700 (a whole number once scaled, else not a count).
func scaledCount(s string) (int64, bool) {
	mult := 0.0
	switch {
	case strings.HasSuffix(s, "万"):
		s, mult = strings.TrimSuffix(s, "万"), 1e4
	case strings.HasSuffix(s, "亿"):
		s, mult = strings.TrimSuffix(s, "亿"), 1e8
	default:
		return 0, false
	}
	if !numRe.MatchString(s) {
		return 0, false
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	if err != nil || f < 0 || f*mult > 1e12 {
		return 0, false
	}
	v := math.Round(f * mult)
	if math.Abs(v-f*mult) > 1e-6*math.Max(1, v) {
		return 0, false
	}
	return int64(v), true
}

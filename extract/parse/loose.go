package parse

import (
	"regexp"
	"strings"

	"dossier"
)

// Real forms put words around a known label: 其中正高级职称人数,
// 累计破解技术难题, 开展各类服务活动总场次合计, 现场指导（含田间地头指导）,
// 培训基层专业技术人员人次. loosen lets every survey label take them, so
// that the extra words are part of the label and never read as its value
// (a label cut to a shorter known one leaves "专家 5" or "合计：72场" behind).
//
// The extra words are few and carry no meaning of their own: a prefix of
// 其中/累计/共计/合计/参与/参加/共/总/是否有/来自 (then 开展/结成), a suffix of
// 合计/共计/累计/总数/总计/数量/次数/场次/个数/数/专家/情况/报道/的专家,
// the count word of the field's own unit (人数 for 人, 人次 for 人次),
// and a bracketed note that starts 含/包括/不含.
func loosen(ls []label) []label {
	out := make([]label, 0, len(ls))
	for _, l := range ls {
		if l.key == "" || strings.HasPrefix(l.key, "@") {
			out = append(out, l)
			continue
		}
		pat := l.re.String()
		if strings.HasPrefix(pat, "(?m)") {
			out = append(out, l)
			continue
		}
		l.strict = regexp.MustCompile(`^(?:` + pat + `)$`)
		l.re = regexp.MustCompile(loosePrefix + `(?:` + pat + `)` + looseSuffix(l.key))
		out = append(out, l)
	}
	return out
}

const loosePrefix = `(?:(?:其中|累计|共计|合计|参与|参加|是否有|来自|共|总)\s*[:：]?\s*){0,2}(?:开展\s*|结成\s*)?`

const looseNote = `(?:\s*[(（]\s*(?:含|包括|不含)[^()（）\n]{0,24}[)）])`

func looseSuffix(key string) string {
	words := []string{"合计", "共计", "累计", "总数", "总计", "数量", "次数", "场次", "个数", "专家", "情况", "报道", "的专家人数", "的专家", "方面"}
	if f, ok := dossier.FieldByKey(key); ok {
		switch {
		case strings.Contains(f.Label, "（人次）"):
			words = append(words, "人次")
		case strings.Contains(f.Label, "（人）"), f.Section == "二、参与专家人才情况" && f.Type == dossier.TypeInt:
			words = append(words, "总人数", "人数")
		}
	}
	words = append(words, "数")
	for i, x := range words {
		words[i] = spaced(x) // "经济实体数\n量": the word broke over the line
	}
	w := strings.Join(words, "|")
	return `(?:` + w + `)?(?:` + w + `)?` + looseNote + `?`
}

// looseConfidence is how sure a value read beside a label with words the
// parser does not know is: a person should look before the unit is told
// it is wrong (the verdict becomes review, not rejected).
const looseConfidence = 0.7

var looseRestRe = regexp.MustCompile(`^\p{Han}{1,10}$`)

// labelTailRe is the rest of a longer label after a known one, not a
// value: the words that name what is counted (博士后|研究人员人数,
// 专家来自本省（区、市）|的人数, 座谈交流会|召开场次, 联合攻关|开展次数).
// A cell ending so is that field's label, read with less confidence; in
// running text such words are never the field's value.
var labelTailRe = regexp.MustCompile(`^的?\p{Han}{0,6}?(?:人数|人次|场次|次数|个数|数量|总数|天数|户数)$`)

// looseRest accepts the unknown words left in a label cell (是否事先与基层单位
// 对接需求 → 是否事先与基层单位) when the cell holds no answer of its own (no
// digit, mark or blank line), names one field, ends with its label, and
// the unknown words are short beside it: a question (…是否…) up to 12
// characters, anything else up to 5 and no longer than the label.
func looseRest(cell, s string, unknown []string, ms []match) bool {
	for _, r := range cell {
		switch {
		case r >= '0' && r <= '9', r >= '０' && r <= '９', r == '_', r == '＿':
			return false
		case strings.ContainsRune("☑☐□■√✓✔×✗☒", r):
			return false
		}
	}
	var field *match
	for i := range ms {
		if k := ms[i].lab.key; k != "" && !strings.HasPrefix(k, "@") {
			if field != nil {
				return false
			}
			field = &ms[i]
		}
	}
	if field == nil {
		return false
	}
	tail := cellUnitRe.ReplaceAllString(s[field.end:], "")
	tail = strings.Trim(cellOptRe.ReplaceAllString(tail, ""), " :：()（）")
	if tail != "" && !labelTailRe.MatchString(tail) {
		return false
	}
	n := 0
	for _, w := range unknown {
		if !looseRestRe.MatchString(w) {
			return false
		}
		if tail != "" && strings.HasSuffix(tail, w) {
			continue // the label's own count words: 博士后 + 研究人员人数
		}
		n += len([]rune(w))
	}
	labelLen := len([]rune(s[field.start:field.end]))
	if strings.Contains(strings.Join(unknown, ""), "是否") {
		return n <= 12
	}
	return n <= 5 && n <= labelLen
}

// unknownRest reports whether a label cell kept a word cellLabel does not
// know (so its value is read with less confidence).
func unknownRest(cell string) bool {
	s := prepSurvey(cell)
	ms := findLabels(s, gridLabels)
	rest := s
	for i := len(ms) - 1; i >= 0; i-- {
		rest = rest[:ms[i].start] + " " + rest[ms[i].end:]
	}
	rest = cellUnitRe.ReplaceAllString(rest, " ")
	rest = cellOptRe.ReplaceAllString(rest, " ")
	for _, f := range strings.FieldsFunc(rest, func(r rune) bool { return !isHan(r) }) {
		if !cellRestSet[f] {
			return true
		}
	}
	return false
}

// unsure records that key's value was read with confidence conf, and where.
func (c *collector) unsure(key string, conf float64, label string) {
	if _, ok := c.f[key]; !ok {
		if _, bad := c.inv[key]; !bad {
			return
		}
	}
	if c.conf == nil {
		c.conf = map[string]float64{}
	}
	if cur, ok := c.conf[key]; !ok || conf < cur {
		c.conf[key] = conf
	}
}

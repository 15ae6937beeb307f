package parse

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"dossier"
)

var surveyAll = join(identityLabels, surveyLabels)

// midEnumRe finds item numbers a PDF's text order ran into the line before
// ("远程培训 0 场6. 咨询对接活动").
var midEnumRe = regexp.MustCompile(`([^\d\s.,，、:：/_年月-])[ \t]*\d{1,2}[.．][ \t]*(\p{Han})`)

// prepSurvey folds the text, drops the form's bracketed notes and the list
// numbering so that neither is read as a label or a value.
func prepSurvey(text string) string {
	s := Fold(text)
	s = strings.ReplaceAll(s, "\f", "\n")
	s = joinCharLines(s)
	s = leadMarks(s)
	s = noteRe.ReplaceAllString(s, " ")
	s = noteOpenLostRe.ReplaceAllString(s, " ")
	s = enumRe.ReplaceAllStringFunc(s, keepEnumTail)
	s = midEnumRe.ReplaceAllString(s, "$1 $2")
	return s
}

// keepEnumTail replaces list numbering with a space but keeps the
// character after "4." that enumRe had to consume ("4.开展…" → " 开展…").
func keepEnumTail(m string) string {
	r, size := utf8.DecodeLastRuneInString(m)
	if size == 0 || unicode.IsSpace(r) || r == '.' || r == '、' || r == '．' || r == ')' || r == '）' || unicode.IsDigit(r) {
		return " "
	}
	return " " + m[len(m)-size:]
}

// parseSurveyText reads the survey written as running text (a Word or
// LibreOffice PDF of 附件4).
func parseSurveyText(text string, c *collector) {
	s := prepSurvey(text)
	s = c.publicityTable(s)
	s = pairHeaderRows(s)
	regionRe(s, c)
	ms := findLabels(s, surveyAll)
	c.walk(s, ms)
	c.serviceMode(s, ms)
	c.publicity()
	c.teamFromSurveyTitle(text)
}

// surveyTitleRe is the survey's title line with the team's name before it:
// "草莓设施高效生产专家服务团 2026年实施成效调查表".
var surveyTitleRe = regexp.MustCompile(`^\s*(.*?)\s*(?:\d{4}\s*年度?)?\s*(?:专家人才服务基层活动|专家服务基层活动|专家服务基层)?\s*(?:实施)?成效调查表\s*(?:[(（][^()（）]*[)）])?\s*$`)

// teamFromSurveyTitle reads the team from the title when the form has no
// 服务团名称 of its own.
func (c *collector) teamFromSurveyTitle(text string) {
	if v, ok := c.f["team_name"]; ok && v != nil {
		return
	}
	for _, l := range firstLines(Fold(text), 3) {
		g := surveyTitleRe.FindStringSubmatch(l)
		if g == nil {
			continue
		}
		name := strings.Trim(CleanText(g[1]), " ：:-—")
		if len([]rune(name)) >= 4 && !genericRe.MatchString(name) && !strings.HasPrefix(name, "附件") && !hasDigit(name) {
			c.set("team_name", name)
		}
		return
	}
}

// walk assigns each label's segment (the text up to the next label).
func (c *collector) walk(s string, ms []match) {
	prev := c.last // a cell's 分别是 belongs to the count in the cell before
	for i, m := range ms {
		end := len(s)
		if i+1 < len(ms) {
			end = ms[i+1].start
		}
		seg := s[m.end:end]
		c.here(s, m.start, end, "")
		key := c.resolve(m.lab.key, prev)
		switch key {
		case keyMedia, keyDate, keyTitle:
			c.addPub(key, seg)
		case "", keyMode:
		default:
			if strings.HasPrefix(key, "@") {
				continue
			}
			c.assign(key, seg)
		}
		if key != "" && !strings.HasPrefix(key, "@") {
			prev = key
		}
	}
	c.last = prev
}

// resolve maps the pseudo keys that depend on the label before.
func (c *collector) resolve(key, prev string) string {
	switch key {
	case keyOther:
		switch sectionOf(prev) {
		case 1:
			return "service_fields_other"
		case 2:
			return "experts_other"
		case 3:
			return "activities_other"
		case 4:
			return "outcomes_other"
		}
		return ""
	case keyNames:
		switch prev {
		case "key_counties_national":
			return "key_counties_national_names"
		case "key_counties_provincial":
			return "key_counties_provincial_names"
		}
		return ""
	case keyDesc:
		switch prev {
		case "support_measures":
			return "support_measures_desc"
		case "economic_benefit", "social_benefit", "industry_impact", "outcomes_other", "support_measures_desc":
			return prev
		}
		return ""
	}
	return key
}

func sectionOf(key string) int {
	f, ok := dossier.FieldByKey(key)
	if !ok {
		return 0
	}
	for i, p := range []string{"一", "二", "三", "四", "五"} {
		if strings.HasPrefix(f.Section, p) {
			return i + 1
		}
	}
	return 0
}

// valPat is one value of the region line: a number (also typed into a
// blank, or in Chinese numerals), a blank, or a word in its place ("若干",
// "多") which is read as unreadable (S010) rather than dropping the line.
const valPat = `(_*[0-9,]+_*|[零一二三四五六七八九十百千两〇]+|_+|/|无|-\s*\d+|\d+\.\d+|[^\s、，,0-9_/个家]{1,4})?`

var regionTextRe = regexp.MustCompile(`覆盖\s*` + valPat + `\s*个?\s*地\s*市[、，,\s]*` + valPat + `\s*个?\s*区\s*县[、，,\s]*` + valPat + `\s*家?\s*企\s*事\s*业\s*单\s*位`)

// regionRe reads "覆盖 3 个地市、 1 个区县、 24 家企事业单位".
func regionRe(s string, c *collector) {
	g := regionTextRe.FindStringSubmatch(s)
	if g == nil {
		return
	}
	for i, k := range []string{"region_cities", "region_counties", "region_units"} {
		c.assignInt(k, g[i+1])
		c.pending = nil
	}
}

// serviceMode decides 一次服务 / 分批次服务 from the marks beside the two
// options, else from the 服务形式 value, else from which counts are filled.
func (c *collector) serviceMode(s string, ms []match) {
	if v, ok := c.f["service_mode"]; ok && v != nil {
		return // a line read before without a choice does not hide a later one
	}
	oi := indexOnce(s)
	bi := strings.Index(s, "分批次服务")
	if bi < 0 {
		bi = strings.Index(s, "分批次")
	}
	if oi >= 0 && bi >= 0 {
		name := s[bi : bi+len("分批次")]
		if strings.HasPrefix(s[bi:], "分批次服务") {
			name = "分批次服务"
		}
		marked, any := markedOptions(s, []option{{"一次服务", oi}, {name, bi}})
		switch {
		case len(marked) == 1 && marked[0] == "一次服务":
			c.set("service_mode", "once")
			return
		case len(marked) == 1:
			c.set("service_mode", "batches")
			return
		case len(marked) == 2:
			c.invalid("service_mode", "一次服务、分批次服务（均已勾选）")
			return
		case any:
			// options shown but none chosen: fall through to the value / counts
		}
	}
	for i, m := range ms {
		if m.lab.key != keyMode {
			continue
		}
		end := len(s)
		if i+1 < len(ms) {
			end = ms[i+1].start
		}
		if v := modeOf(s[m.end:end]); v != "" {
			c.set("service_mode", v)
			return
		}
	}
	_, days := c.f.Int("service_days")
	_, batches := c.f.Int("batch_count")
	switch {
	case days && !batches:
		c.set("service_mode", "once")
	case batches && !days:
		c.set("service_mode", "batches")
	default:
		c.set("service_mode", nil)
	}
}

// indexOnce finds 一次服务 not inside 分批次服务 (which it is not, but
// "单次服务" is a common variant).
func indexOnce(s string) int {
	for _, w := range []string{"一次服务", "单次服务", "一次性服务"} {
		if i := strings.Index(s, w); i >= 0 {
			return i
		}
	}
	return -1
}

func modeOf(v string) string {
	v = strings.TrimSpace(stripLead(Fold(v)))
	if oi, bi := indexOnce(v), strings.Index(v, "分批"); oi >= 0 && bi >= 0 {
		name := "分批"
		if strings.HasPrefix(v[bi:], "分批次服务") {
			name = "分批次服务"
		}
		marked, _ := markedOptions(v, []option{{v[oi : oi+len("一次服务")], oi}, {name, bi}})
		if len(marked) == 1 {
			if marked[0] == name {
				return "batches"
			}
			return "once"
		}
		return ""
	}
	switch {
	case strings.Contains(v, "分批") || strings.Contains(v, "多批") || strings.Contains(v, "②") || strings.EqualFold(v, "batches"):
		return "batches"
	case strings.Contains(v, "一次") || strings.Contains(v, "单次") || strings.Contains(v, "①") || strings.EqualFold(v, "once"):
		return "once"
	}
	return ""
}

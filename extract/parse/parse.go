package parse

import (
	"regexp"
	"strings"
	"unicode"

	"dossier"
)

// Parse decides the kind of a document and reads its fields. It never
// panics: a panic inside a parser gives Kind unknown and no fields.
func Parse(in Input) (out Output) {
	defer func() {
		if r := recover(); r != nil {
			out = Output{Kind: dossier.KindUnknown, Fields: dossier.Fields{}}
		}
	}()
	text := in.Text
	if len(in.Sheets) > 0 {
		text = sheetsText(in.Sheets)
	}
	kind := DetectKind(in.Name, text, in.Pages, in.Images, in.IsImage)
	c := newCollector()
	switch kind {
	case dossier.KindSurvey:
		if len(in.Sheets) > 0 {
			parseSurveySheets(in.Sheets, c)
		} else {
			parseSurveyText(text, c)
		}
	case dossier.KindAudit:
		parseAudit(text, c)
	case dossier.KindSummary:
		parseSummary(text, c)
	case dossier.KindPhotos:
		parsePhotos(in, text, c)
	default:
		kind = dossier.KindUnknown
		s := Fold(text)
		c.walk(s, findLabels(s, identityLabels))
	}
	if kind == dossier.KindSurvey && c.otherChosen && !c.f.Filled("service_fields_other") {
		list, _ := c.f["service_fields"].([]string)
		c.f["service_fields"] = append(append([]string(nil), list...), "其他")
	}
	out = Output{Kind: kind, Fields: c.f}
	if len(c.inv) > 0 {
		out.Invalid = c.inv
	}
	if len(c.conf) > 0 {
		out.Confidence = c.conf
	}
	c.fallbackSources(text)
	if len(c.src) > 0 {
		out.Sources = make(map[string]dossier.Source, len(c.src))
		for k, v := range c.src {
			if _, ok := c.f[k]; ok || c.inv[k] != "" {
				out.Sources[k] = v
			}
		}
	}
	return out
}

// sheetsText lays a workbook out as text, one row a line, cells apart.
func sheetsText(sheets []Sheet) string {
	var b strings.Builder
	for _, sh := range sheets {
		for _, row := range sh.Rows {
			prev := ""
			for _, cell := range row {
				cell = strings.TrimSpace(cell)
				if cell == "" || cell == prev {
					continue
				}
				b.WriteString(cell)
				b.WriteString("  ")
				prev = cell
			}
			b.WriteString("\n")
		}
		b.WriteString("\f")
	}
	return b.String()
}

var summaryTitleRe = regexp.MustCompile(`总结|工作报告|成效报告|情况报告`)

// parseSummary reads the title (the first line), the team and unit it
// names, and the length of the body.
func parseSummary(text string, c *collector) {
	s := Fold(text)
	lines := nonEmptyLines(s)
	if len(lines) > 0 {
		c.heading(lines, false)
	}
	n := 0
	for i, l := range lines {
		if i == 0 {
			continue
		}
		for _, r := range l {
			if !unicode.IsSpace(r) {
				n++
			}
		}
	}
	c.set("text_chars", int64(n))
	c.walkLines(s)
}

var (
	headTeamRe  = regexp.MustCompile(`^[^0-9０-９，。；：:,;、]{4,40}$`)
	genericRe   = regexp.MustCompile(`^(?:关于|——|-|20\d{2})|^专家(?:人才)?服务基层(?:活动|工作)?$`)
	teamWordRe  = regexp.MustCompile(`团|项目|行动`)
	bracketedRe = regexp.MustCompile(`^[(（【〔](.+)[)）】〕]$`)
)

// heading reads a summary's or photo document's first lines: the title
// (the team in it, if any), then the short lines under it that name the
// team or its unit ("草莓设施高效生产专家服务团" / "（上海市农业科学院）").
// Under a photo document's title an uncaptioned line may be a caption, so
// there a team line must say it is one (服务团, 项目, 行动).
func (c *collector) heading(lines []string, photos bool) {
	title := CleanText(lines[0])
	c.set("title", title)
	if name := teamFromTitle(title); name != "" {
		c.set("team_name", name)
	}
	if len(lines) > 1 && !titleSuffixRe.MatchString(title) && titleSuffixRe.MatchString(title+CleanText(lines[1])) {
		// a title wrapped over two lines: the team is in the whole of it
		if name := teamFromTitle(title + CleanText(lines[1])); name != "" {
			c.set("team_name", name)
		}
		return
	}
	for _, l := range lines[1:min(len(lines), 4)] {
		l = CleanText(l)
		if g := bracketedRe.FindStringSubmatch(l); g != nil {
			l = strings.TrimSpace(g[1])
		}
		if !headTeamRe.MatchString(l) || genericRe.MatchString(l) || captionRe.MatchString(l) {
			break
		}
		if looksLikeUnit(l) {
			c.set("unit", l)
		} else if photos && !teamWordRe.MatchString(l) {
			break
		} else {
			c.set("team_name", l)
		}
	}
}

var titleSuffixRe = regexp.MustCompile(`\s*(?:\d{4}\s*年\s*(?:度)?|年度)?\s*(?:服务基层工作总结|工作成效总结|工作总结|成效总结|年度总结|总结|服务现场影像(?:图片)?资料及说明|现场影像资料及说明|影像图片资料及说明|影像图片资料|影像资料|现场照片及说明|现场照片|照片及说明|活动照片|工作情况报告|工作报告|成效报告|情况报告|服务基层工作小结|工作小结|小结|工作情况汇报|情况汇报|工作汇报)\s*$`)

// aboutTitleRe is a summary titled as a report on what a team did:
// "关于X开展专家服务基层活动情况的报告" → X.
var aboutTitleRe = regexp.MustCompile(`^关于\s*(.{4,60}?)\s*(?:20\d{2}\s*年度?)?\s*开展.{0,30}?情况的?(?:报告|汇报|总结)$`)

// teamFromTitle strips the kind words from a title line: "X 2026 年度工作成效总结" → X.
func teamFromTitle(title string) string {
	if g := aboutTitleRe.FindStringSubmatch(title); g != nil {
		return strings.TrimSpace(g[1])
	}
	t := titleSuffixRe.ReplaceAllString(title, "")
	t = strings.TrimSpace(t)
	if t == title || len([]rune(t)) < 4 || genericRe.MatchString(t) {
		return ""
	}
	return t
}

var unitWordRe = regexp.MustCompile(`(?:医院|大学|学院|公司|中心|研究所|研究院|推广站|协会|局|站|学校|集团)[)）]?$`)

func looksLikeUnit(s string) bool {
	return unitWordRe.MatchString(strings.TrimSpace(s))
}

func nonEmptyLines(s string) []string {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(s, "\f", "\n"), "\n") {
		if t := strings.TrimSpace(l); t != "" {
			out = append(out, t)
		}
	}
	return out
}

var captionRe = regexp.MustCompile(`^(?:[▲△►▶●◆]\s*|图\s*\d*\s*[:：.、]?|照片\s*\d*\s*[:：.、]|照片\s*\d+\s|说明\s*[:：])\s*(.+)$`)

// walkLines reads the identity labels one line at a time: in a summary or
// a photo document the value ends with its line (a caption follows).
func (c *collector) walkLines(s string) {
	for _, l := range strings.Split(strings.ReplaceAll(s, "\f", "\n"), "\n") {
		if ms := findLabels(l, identityLabels); len(ms) > 0 {
			c.walk(l, ms)
		}
	}
}

// parsePhotos counts the photos and reads their captions.
func parsePhotos(in Input, text string, c *collector) {
	if in.IsImage {
		c.set("photo_count", int64(1))
		name := strings.TrimSuffix(in.Name, extOf(in.Name))
		if cap := captionFromName(name); cap != "" {
			c.set("captions", []string{cap})
		}
		return
	}
	c.set("photo_count", int64(in.Images))
	c.walkLines(Fold(text))
	lines := nonEmptyLines(Fold(text))
	var caps []string
	for i, l := range lines {
		if g := captionRe.FindStringSubmatch(l); g != nil {
			caps = append(caps, CleanText(g[1]))
			continue
		}
		if i == 0 {
			c.heading(lines, true)
		}
	}
	if len(caps) > 0 {
		c.set("captions", caps)
	}
}

func extOf(name string) string {
	if i := strings.LastIndex(name, "."); i >= 0 {
		return name[i:]
	}
	return ""
}

var nameTailRe = regexp.MustCompile(`[-_ ]*(?:[A-Za-z]{1,3}\d{1,3})?[-_ ]*(?:img|IMG|照片|图)?\d*$`)

// captionFromName: "专题讲座现场-M12-img1" → "专题讲座现场".
func captionFromName(name string) string {
	s := name
	for i := 0; i < 3; i++ {
		s = nameTailRe.ReplaceAllString(s, "")
	}
	s = strings.Trim(s, "-_ ")
	for _, r := range s {
		if isHan(r) {
			return s
		}
	}
	return ""
}

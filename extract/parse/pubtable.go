package parse

import (
	"regexp"
	"strings"
)

// pubHeadRe is the header row of the publicity items written as a table:
// 媒体名称 | 发布时间 | 篇名 in any order, perhaps with 序号.
var pubHeadRe = regexp.MustCompile(`^(?:序号\s*)?(?:(?:媒体名称|(?:刊发|报道|发布|宣传)?媒体|(?:发布|刊发|报道)(?:时间|日期)|篇名|(?:文章|报道|稿件)?标题)\s*){3}$`)

// publicityTable reads the publicity items laid out as a table in a PDF's
// text (a header line, then one line per item with its date in the middle,
// or, when the cells wrapped inside themselves, cell after cell: see
// publicityFlow) and returns the text without them, so the label walk does
// not read the rows as one 篇名.
func (c *collector) publicityTable(s string) string {
	lines := strings.Split(s, "\n")
	for i := range lines {
		h, last := pubHeader(lines, i)
		if last < 0 {
			continue
		}
		mi, di, ti := strings.Index(h, "媒体"), idx(h, "时间", "日期"), idx(h, "篇名", "标题")
		j := last + 1
		n := 0
		for ; j < len(lines); j++ {
			row := strings.TrimSpace(lines[j])
			if row == "" {
				continue
			}
			row = strings.TrimSpace(strings.TrimLeft(row, "0123456789.、 "))
			loc := DatePattern.FindStringIndex(row)
			if loc == nil {
				if n > 0 && len(findLabels(row, surveyAll)) == 0 && len([]rune(row)) <= 30 {
					// a title wrapped onto the next line of its cell
					c.titles[len(c.titles)-1] += row
					continue
				}
				break
			}
			media, title := pubCells(strings.TrimSpace(row[:loc[0]]), strings.TrimSpace(row[loc[1]:]), mi, di, ti)
			c.media = append(c.media, CleanText(media))
			c.dates = append(c.dates, row[loc[0]:loc[1]])
			c.titles = append(c.titles, CleanText(title))
			n++
		}
		if n == 0 {
			// the cells wrapped inside themselves: one cell after another
			k, used := c.publicityFlow(lines[last+1:], pubColumns(h))
			if k == 0 {
				continue
			}
			j = last + 1 + used
		}
		return strings.Join(append(append([]string{}, lines[:i]...), lines[j:]...), "\n")
	}
	return s
}

// headCellRe is a short line of Han characters: a header cell, or part
// of one its narrow column wrapped ("媒体名" / "称").
var headCellRe = regexp.MustCompile(`^\p{Han}{1,6}$`)

// pubHeader reports the publicity table's header starting at line i and
// the index of its last line (-1 when there is none there): one line, or
// header cells given one after another, each perhaps wrapped over lines
// ("媒体名\n称\n发布时\n间\n篇名").
func pubHeader(lines []string, i int) (string, int) {
	h := strings.TrimSpace(lines[i])
	if pubHeadRe.MatchString(h) && strings.Contains(h, "媒体") {
		return h, i
	}
	if !headCellRe.MatchString(h) {
		return "", -1
	}
	for k := i + 1; k < len(lines) && k < i+8; k++ {
		l := strings.TrimSpace(lines[k])
		if !headCellRe.MatchString(l) {
			break
		}
		h += l
		if pubHeadRe.MatchString(h) && strings.Contains(h, "媒体") {
			return h, k
		}
	}
	return "", -1
}

// pubCells splits a publicity row's text before and after its date into
// media name and title, by the header's column order (mi, di, ti: where
// 媒体, the date and the title stand in it): a side that holds both
// columns is split at its first or last space.
func pubCells(before, after string, mi, di, ti int) (media, title string) {
	split := func(side string, mediaFirst bool) (string, string) {
		f := strings.Fields(side)
		if len(f) == 0 {
			return "", ""
		}
		if mediaFirst {
			return f[0], strings.Join(f[1:], "")
		}
		return f[len(f)-1], strings.Join(f[:len(f)-1], "")
	}
	switch {
	case mi < di && (ti < 0 || ti > di):
		return before, after
	case mi > di && ti >= 0 && ti < di:
		return after, before
	case mi > di: // both after the date
		return split(after, ti < 0 || mi < ti)
	default: // both before the date
		return split(before, ti < 0 || mi < ti)
	}
}

func idx(s string, words ...string) int {
	for _, w := range words {
		if i := strings.Index(s, w); i >= 0 {
			return i
		}
	}
	return -1
}

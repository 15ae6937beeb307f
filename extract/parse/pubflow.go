package parse

import (
	"regexp"
	"strings"
)

// Publicity tables whose cells wrap inside themselves. A PDF's text gives
// such a table cell after cell, each cell's text over lines of its own:
//
//	学习强国上海学习平
//	台
//	2026-09-
//	25
//	专家服务团走进基层（第 1
//	站）
//	学习强国上海学习平
//	…
//
// The dates anchor the rows (a date cell is a line, or lines, that are a
// date and nothing else). Between two dates stand the cells after the
// date of one row and the cells before the date of the next; a cell ends
// where its brackets close, the next line does not continue it (a closing
// bracket or mark), and its line is narrower than the lines its column
// wraps at (seen in the cells before the first date and after the last,
// which belong to one column each).

const (
	colMedia = "media"
	colDate  = "date"
	colTitle = "title"
)

// pubColumns is the order of the header's columns, 序号 left out.
func pubColumns(head string) []string {
	type col struct {
		name string
		at   int
	}
	var cols []col
	for _, c := range []struct {
		name  string
		words []string
	}{{colMedia, []string{"媒体"}}, {colDate, []string{"发布"}}, {colTitle, []string{"篇名", "标题"}}} {
		if at := idx(head, c.words...); at >= 0 {
			cols = append(cols, col{c.name, at})
		}
	}
	for i := 1; i < len(cols); i++ {
		for j := i; j > 0 && cols[j].at < cols[j-1].at; j-- {
			cols[j], cols[j-1] = cols[j-1], cols[j]
		}
	}
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.name
	}
	return out
}

var (
	dateOnlyRe = regexp.MustCompile(`^(?:` + DatePattern.String() + `)$`)
	// datePartRe is the beginning of a date that its cell wrapped: "2026-10-", "2026年10月".
	datePartRe = regexp.MustCompile(`^\d{4}\s*(?:[-/.．年]\s*(?:\d{1,2}\s*[-/.．月]?)?)?$`)
	rowNoRe    = regexp.MustCompile(`^\d{1,3}\s*[.、．]?$`)
	contLeadRe = regexp.MustCompile(`^[)）\]】」》”’，,。；;：:、]`)
)

// publicityFlow reads the rows of a publicity table given cell after cell
// (lines after its header) and returns how many rows it read and how many
// of the lines they took. It reads nothing unless every line between the
// first date and the last belongs to a row.
func (c *collector) publicityFlow(lines []string, cols []string) (rows, used int) {
	di := -1
	for i, name := range cols {
		if name == colDate {
			di = i
		}
	}
	if di < 0 || len(cols) < 2 {
		return 0, 0
	}
	block, used := flowBlock(lines)
	block = dropSerials(joinDateParts(block))
	var dates []int
	for i, l := range block {
		if dateOnlyRe.MatchString(l) {
			dates = append(dates, i)
		}
	}
	if len(dates) == 0 {
		return 0, 0
	}
	before, after := cols[:di], cols[di+1:]
	widths := map[string]int{}
	first, last := block[:dates[0]], block[dates[len(dates)-1]+1:]
	if len(before) == 1 {
		learnWidth(widths, before[0], first)
	}
	if len(after) == 1 {
		learnWidth(widths, after[0], last)
	}
	cells := make([]map[string]string, len(dates))
	for r := range dates {
		cells[r] = map[string]string{colDate: block[dates[r]]}
	}
	fill := func(r int, names []string, got []string) {
		for k, name := range names {
			if k < len(got) {
				cells[r][name] = got[k]
			}
		}
	}
	fill(0, before, splitCells(first, len(before), before, widths))
	for r := 1; r < len(dates); r++ {
		gap := block[dates[r-1]+1 : dates[r]]
		got := splitCells(gap, len(after)+len(before), append(append([]string(nil), after...), before...), widths)
		fill(r-1, after, got)
		if len(got) > len(after) {
			fill(r, before, got[len(after):])
		}
	}
	fill(len(dates)-1, after, splitCells(last, len(after), after, widths))
	for _, cl := range cells {
		c.media = append(c.media, cl[colMedia])
		c.dates = append(c.dates, cl[colDate])
		c.titles = append(c.titles, cl[colTitle])
	}
	return len(dates), used
}

// flowBlock is the table's lines: up to the first line that begins with a
// label of the form (the next question or section).
func flowBlock(lines []string) (block []string, used int) {
	for used = 0; used < len(lines) && used < 80; used++ {
		l := strings.TrimSpace(lines[used])
		if l == "" {
			continue
		}
		if ms := findLabels(l, surveyAll); len(ms) > 0 && ms[0].start == 0 && endsTable(l, ms[0]) {
			break
		}
		block = append(block, l)
	}
	return block, used
}

// dropSerials leaves out the 序号 cells ("1", "2.").
func dropSerials(block []string) []string {
	out := block[:0:0]
	for _, l := range block {
		if !rowNoRe.MatchString(l) {
			out = append(out, l)
		}
	}
	return out
}

// endsTable reports whether a line that begins with a label ends the
// table: a field's label or a section's, or any label with a colon; a
// heading's words alone (技术指导, 其中) may begin a wrapped title's line.
func endsTable(l string, m match) bool {
	if m.lab.key != "" {
		return true
	}
	rest := strings.TrimSpace(l[m.end:])
	return strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "：")
}

// joinDateParts joins a date its cell wrapped ("2026-10-" / "15") into one line.
func joinDateParts(block []string) []string {
	out := make([]string, 0, len(block))
	for i := 0; i < len(block); i++ {
		l := block[i]
		if datePartRe.MatchString(l) && i+1 < len(block) && dateOnlyRe.MatchString(l+block[i+1]) {
			l += block[i+1]
			i++
		}
		out = append(out, l)
	}
	return out
}

// learnWidth notes the width a column wraps at, from a cell of it that
// took more than one line: the widest of its lines but the last.
func learnWidth(widths map[string]int, col string, lines []string) {
	for _, l := range lines[:max(len(lines)-1, 0)] {
		widths[col] = max(widths[col], textWidth(l))
	}
}

// splitCells cuts lines into n cells in order: each but the last ends
// where the text no longer goes on; the last takes what is left.
func splitCells(lines []string, n int, names []string, widths map[string]int) []string {
	var out []string
	i := 0
	for k := 0; k < n && i < len(lines); k++ {
		j := i + 1
		if k < n-1 {
			for j < len(lines)-(n-1-k) && goesOn(lines[i:j], lines[j], widths[names[k]]) {
				j++
			}
		} else {
			j = len(lines)
		}
		out = append(out, CleanText(strings.Join(lines[i:j], "\n")))
		i = j
	}
	return out
}

// goesOn reports whether next continues the cell of lines: a bracket left
// open, a line that starts with a closing mark, or a line as wide as its
// column's wrapped lines (within a character).
func goesOn(lines []string, next string, width int) bool {
	text := strings.Join(lines, "")
	if strings.Count(text, "（")+strings.Count(text, "(") > strings.Count(text, "）")+strings.Count(text, ")") {
		return true
	}
	if contLeadRe.MatchString(next) {
		return true
	}
	return width > 0 && textWidth(lines[len(lines)-1]) >= width-2
}

// textWidth is a line's width in half-width characters (a Han character or
// full-width mark counts two).
func textWidth(s string) int {
	w := 0
	for _, r := range s {
		switch {
		case isHan(r) || r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF:
			w += 2
		default:
			w++
		}
	}
	return w
}

package parse

import (
	"strings"
)

// pairHeaderRows rewrites a form laid out as a row of column headers over
// a row of values, which a PDF's text gives as the header cells one a line
// and then the values one a line ("专家总人数（人）\n专家总人次（人次）\n
// 正高级（人）\n14\n78\n1"), or the values on one line ("14 78 1"), into
// "label：value" lines, so each value is read beside its own label and
// not all of them as the last label's.
func pairHeaderRows(s string) string {
	lines := strings.Split(s, "\n")
	var out []string
	for i := 0; i < len(lines); {
		if hs := lineHeaders(lines[i]); hs != nil {
			// "专家总人数（人） 专家总人次（人次） 正高级（人）" over "14 78 1"
			if j := nextNonEmpty(lines, i+1); j > 0 {
				if vs := strings.Fields(lines[j]); len(vs) == len(hs) && noHeaders(vs) {
					for k, h := range hs {
						out = append(out, h+"："+vs[k])
					}
					i = j + 1
					continue
				}
			}
		}
		run, next := headerRun(lines, i)
		if len(run) >= 2 {
			if vals, end, ok := valueRow(lines, next, len(run)); ok {
				for k, h := range run {
					out = append(out, strings.TrimSpace(h)+"："+vals[k])
				}
				i = end
				continue
			}
		}
		out = append(out, lines[i])
		i++
	}
	return strings.Join(out, "\n")
}

// headerRun returns the label-only lines starting at line i (blank lines
// between them skipped), and the index after the last one.
func headerRun(lines []string, i int) ([]string, int) {
	var run []string
	j := i
	for ; j < len(lines); j++ {
		l := strings.TrimSpace(lines[j])
		if l == "" {
			continue
		}
		if !headerCell(l) {
			break
		}
		run = append(run, l)
	}
	return run, j
}

// headerCell: a line that is only a field's label (its unit in brackets
// allowed), not a section heading and not a 服务领域 name.
func headerCell(l string) bool {
	k, _, ok := cellLabel(l)
	if !ok || k == "" || strings.HasPrefix(k, "@sf:") || strings.HasPrefix(k, keySec) {
		return false
	}
	return !strings.HasPrefix(k, "@") || k == keyMode
}

// valueRow reads n values after a header run: n lines that are not
// labels, or one line of n space-separated values.
func valueRow(lines []string, i, n int) ([]string, int, bool) {
	var vals []string
	j := i
	for ; j < len(lines) && len(vals) < n; j++ {
		l := strings.TrimSpace(lines[j])
		if l == "" {
			continue
		}
		if headerCell(l) || headingLine(l) {
			break
		}
		if len(vals) == 0 {
			if f := strings.Fields(l); len(f) == n && n > 1 && allShort(f) {
				return f, j + 1, true
			}
		}
		vals = append(vals, l)
	}
	if len(vals) != n {
		return nil, i, false
	}
	return vals, j, true
}

// allShort: each field a count, an amount or a short word (是, 有, 否).
func allShort(f []string) bool {
	for _, x := range f {
		if len([]rune(x)) > 12 {
			return false
		}
	}
	return true
}

// headingLine: a section heading or a label that names no field.
func headingLine(l string) bool {
	k, _, ok := cellLabel(l)
	return ok && (k == "" || strings.HasPrefix(k, keySec))
}

// lineHeaders returns the header cells of a line that holds only two or
// more of them, space-separated; nil otherwise.
func lineHeaders(l string) []string {
	f := strings.Fields(l)
	if len(f) < 2 {
		return nil
	}
	for _, x := range f {
		if !headerCell(x) {
			return nil
		}
	}
	return f
}

func noHeaders(f []string) bool {
	for _, x := range f {
		if headerCell(x) || headingLine(x) {
			return false
		}
	}
	return true
}

func nextNonEmpty(lines []string, i int) int {
	for ; i < len(lines); i++ {
		if strings.TrimSpace(lines[i]) != "" {
			return i
		}
	}
	return -1
}

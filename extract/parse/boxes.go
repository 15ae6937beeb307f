package parse

import (
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"
)

// looseBoxes pairs boxes that a PDF's text order moved to the end of
// their lines ("☐农业 林业 畜牧业 渔业 ☐ ☑ ☐ ☑"): a box written right
// against a word belongs to it (an option, or 其他 which is not one); the
// boxes standing alone pair in order with the options that have no box of
// their own, when their numbers agree.
func looseBoxes(s string, opts []option) ([]string, bool) {
	sorted := append([]option(nil), opts...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].at < sorted[j].at })
	owner := map[int]int{} // option position → index in sorted
	for i, o := range sorted {
		owner[o.at] = i
	}
	owned := make([]int, len(sorted)) // 0 none, 1 empty box, 2 checked box
	var loose []bool
	for i, r := range s {
		checked := strings.ContainsRune("☑☒■▣", r)
		if !checked && !strings.ContainsRune("☐□", r) {
			continue
		}
		next := i + len(string(r))
		nr, _ := firstRune(s[next:])
		if strings.TrimSpace(s[next:]) == "" {
			continue // the box of what follows the value (☐其他)
		}
		if isHan(nr) {
			if k, ok := owner[next]; ok {
				owned[k] = 1
				if checked {
					owned[k] = 2
				}
			}
			continue // against a word: its own box, or 其他's
		}
		loose = append(loose, checked)
	}
	var free []int
	var out []string
	for i, st := range owned {
		switch st {
		case 0:
			free = append(free, i)
		case 2:
			out = append(out, sorted[i].name)
		}
	}
	if len(loose) == 0 || len(loose) != len(free) {
		return nil, false
	}
	for j, i := range free {
		if loose[j] {
			out = append(out, sorted[i].name)
		}
	}
	return out, true
}

// trailingMarksRe is a line whose check boxes were set after its words:
// a PDF whose box glyphs come from another font often writes
// "一次服务 分批次服务 ☑ ☐" for "☑一次服务 ☐分批次服务".
var boxedWordRe = regexp.MustCompile(`[☑☐□■☒] ?\p{Han}`)

var trailingMarksRe = regexp.MustCompile(`^(.*?[^☑☐□■√✓✔☒\s])((?:\s*[☑☐□■☒])+)\s*$`)

// leadMarks puts each trailing box back before its word when the line's
// words (after its label's colon) are as many as its boxes and none has
// a box of its own: each word takes the box of its place. Lines with
// trailing boxes that follow one another form a block (a grid of choices
// wrapped over lines); a block where any box stands against a word is a
// producer that moved only some boxes, and is left to looseBoxes.
func leadMarks(s string) string {
	lines := strings.Split(s, "\n")
	for i := 0; i < len(lines); {
		if !trailingMarksRe.MatchString(lines[i]) {
			i++
			continue
		}
		j, boxed := i, false
		for ; j < len(lines) && trailingMarksRe.MatchString(lines[j]); j++ {
			boxed = boxed || boxedWordRe.MatchString(lines[j])
		}
		if !boxed {
			for k := i; k < j; k++ {
				lines[k] = leadLine(lines[k])
			}
		}
		i = j
	}
	return strings.Join(lines, "\n")
}

func leadLine(l string) string {
	g := trailingMarksRe.FindStringSubmatch(l)
	marks := strings.Fields(g[2])
	head := g[1]
	label, rest := "", head
	if cut := strings.LastIndexAny(head, ":："); cut >= 0 {
		_, size := utf8.DecodeRuneInString(head[cut:])
		label, rest = head[:cut+size], head[cut+size:]
	}
	words := strings.Fields(rest)
	if len(marks) < 2 || len(words) != len(marks) {
		return l
	}
	for j := range words {
		words[j] = marks[j] + words[j]
	}
	return label + " " + strings.Join(words, " ")
}

// joinCharLines joins runs of lines of one character each: a PDF whose
// glyphs are placed one by one (Chromium's Type 3 fonts, a narrow column
// of 专家来源 written downwards) gives its words one character a line.
func joinCharLines(s string) string {
	lines := strings.Split(s, "\n")
	out := make([]string, 0, len(lines))
	for i := 0; i < len(lines); {
		j := i
		for j < len(lines) && utf8.RuneCountInString(strings.TrimSpace(lines[j])) == 1 {
			j++
		}
		if j-i >= 3 {
			var b strings.Builder
			for _, l := range lines[i:j] {
				b.WriteString(strings.TrimSpace(l))
			}
			out = append(out, b.String())
			i = j
			continue
		}
		out = append(out, lines[i])
		i++
	}
	return strings.Join(out, "\n")
}

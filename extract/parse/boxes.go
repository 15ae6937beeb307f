package parse

import (
	"sort"
	"strings"
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

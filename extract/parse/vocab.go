package parse

import (
	"sort"
	"unicode/utf8"
)

// opinionWords: the audit opinion's standard wording, read by opinion().
var opinionWords = []string{"公允反映", "如实反映", "在所有重大方面", "无保留意见", "保留意见", "无法表示意见", "否定意见", "发表审计意见"}

// Vocabulary lists the words the parsers read a document by: every
// literal label of at least three characters, and the audit opinion's
// standard wording, sorted. A scan's label with one character tesseract
// could not make out is mended against it (extract/scan_mend.go).
func Vocabulary() []string {
	seen := map[string]bool{}
	add := func(w string) {
		if utf8.RuneCountInString(w) >= 3 {
			seen[w] = true
		}
	}
	for _, set := range [][]label{auditMoneyLabels, identityLabels, surveyLabels} {
		for _, l := range set {
			add(l.exact)
		}
	}
	for _, w := range opinionWords {
		add(w)
	}
	out := make([]string, 0, len(seen))
	for w := range seen {
		out = append(out, w)
	}
	sort.Strings(out)
	return out
}

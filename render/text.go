package render

import (
	"regexp"
	"strings"
	"unicode"
)

// noLineStart are the closing marks a line must not begin with.
const noLineStart = "，。、；：？！）》」』】〉…,.;:?!)]}”’·—～%％"

// noLineEnd are the opening marks a line must not end with.
const noLineEnd = "（《「『【〈([{“‘"

func isNoStart(r rune) bool { return strings.ContainsRune(noLineStart, r) }
func isNoEnd(r rune) bool   { return strings.ContainsRune(noLineEnd, r) }

// sanitize makes a string drawable by gofpdf: runes above U+FFFF (which
// make gofpdf panic) become 〓, control characters other than newline are
// dropped, and tabs become a space.
func sanitize(s string) string {
	ok := true
	for _, r := range s {
		if r > 0xFFFF || r == '\t' || r == '\r' || (r < 0x20 && r != '\n') || r == unicode.ReplacementChar {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r > 0xFFFF:
			b.WriteRune('〓')
		case r == '\t':
			b.WriteByte(' ')
		case r == '\r', r < 0x20 && r != '\n':
		case r == unicode.ReplacementChar:
			b.WriteRune('?')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// wrapLines breaks s into lines no wider than width, measuring each rune
// with w. Newlines force a break. No rune is ever dropped: joining the
// lines gives s without its newlines. A line never starts with closing
// punctuation nor ends with opening punctuation (the offending rune moves
// to the neighbouring line), and what a reader needs whole — a Latin word
// or number, a date, a time, an amount, a document number, a 《title》 or
// a file name (noBreak) — is kept on one line when it fits on a line; a
// longer one is broken where the line ends.
func wrapLines(s string, width float64, w func(rune) float64) []string {
	return wrap(s, width, w, false)
}

// wrapKeep is wrapLines, except that a token that must not break and is
// wider than the line is left whole on a line of its own (wider than
// width): a table cell then sets it smaller instead.
func wrapKeep(s string, width float64, w func(rune) float64) []string {
	return wrap(s, width, w, true)
}

func wrap(s string, width float64, w func(rune) float64, keep bool) []string {
	var out []string
	for _, para := range strings.Split(s, "\n") {
		out = append(out, wrapPara([]rune(para), width, w, keep)...)
	}
	return out
}

func wrapPara(rs []rune, width float64, w func(rune) float64, keep bool) []string {
	if len(rs) == 0 {
		return []string{""}
	}
	glue := glued(rs)
	var lines []string
	start := 0
	for start < len(rs) {
		end, lw := start, 0.0
		for end < len(rs) && (end == start || lw+w(rs[end]) <= width) {
			lw += w(rs[end])
			end++
		}
		if end < len(rs) {
			end = adjustBreak(rs, glue, start, end, keep)
		}
		lines = append(lines, string(rs[start:end]))
		start = end
	}
	return lines
}

// adjustBreak moves a break at end (rs[start:end] fits) backwards so that
// the next line does not start with closing punctuation, this line does
// not end with opening punctuation and a glued token is not split. It
// never returns a position at or before start; with keep, a glued token
// that starts the line runs on to its end.
func adjustBreak(rs []rune, glue []uint8, start, end int, keep bool) int {
	b := end
	if glue[b] != 0 {
		k := b
		for k > start && glue[k] != 0 {
			k--
		}
		switch {
		case k > start:
			b = k
		case keep && glue[b] == glueHard:
			for b < len(rs) && glue[b] == glueHard {
				b++
			}
			return b
		}
	}
	for b-start > 1 && (isNoStart(rs[b]) || isNoEnd(rs[b-1])) {
		b--
	}
	if b <= start {
		return end
	}
	return b
}

// Glue between two runes: none, soft (a name: kept on one line when it
// fits, broken when it is wider than a line) and hard (a figure, a date,
// a time, a document number: a table cell sets it smaller rather than
// break it).
const (
	glueSoft uint8 = 1
	glueHard uint8 = 2
)

// noBreak are the tokens a line must not break inside: figures first
// (hard glue), then names (soft glue).
var noBreak = []*regexp.Regexp{
	regexp.MustCompile(`\d{4}-\d{1,2}-\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?`), // 2026-11-12 11:19
	regexp.MustCompile(`\d{1,2}:\d{2}(?::\d{2})?`),                               // 11:19:05
	regexp.MustCompile(`\d{4}年\d{1,2}月(?:\d{1,2}日)?(?:\s?\d{1,2}:\d{2})?`),       // 2026年11月20日 10:38
	regexp.MustCompile(`\d{1,2}月\d{1,2}日`),                                       // 11月20日
	regexp.MustCompile(`[-−]?\d[\d,]*(?:\.\d+)?\s?(?:万元|元|%|％|份|个|人次|人|场|页|项)?`), // 1,234.50 元
	regexp.MustCompile(`\p{Han}{1,6}[〔\[［]\d{4}[〕\]］]\d+号`),                      // 沪人社专〔2026〕109号
	nil, // the names below glue softly
	regexp.MustCompile(`《[^《》\n]{1,24}》`), // 《实施成效调查表》
	regexp.MustCompile(`“[^“”\n]{1,24}”`), // “名称”
	regexp.MustCompile(`[^\s/\\、，。；：（）《》“”()]{1,48}\.(?i:pdf|xlsx|xls|docx|doc|jpe?g|png|wps|et|txt)\b`),
	regexp.MustCompile(`[A-Za-z0-9._@/+-]+`), // a Latin word, an address, a hash
}

// glued marks, for each position i, whether a break between rs[i-1] and
// rs[i] is forbidden, and how firmly.
func glued(rs []rune) []uint8 {
	g := make([]uint8, len(rs)+1)
	if !mayGlue(rs) {
		return g // most labels: Chinese text without figures or names
	}
	s := string(rs)
	// Byte offsets to rune indexes.
	idx := make([]int, len(s)+1)
	ri := 0
	for bi := range s {
		idx[bi] = ri
		ri++
	}
	idx[len(s)] = ri
	kind := glueHard
	for _, re := range noBreak {
		if re == nil {
			kind = glueSoft
			continue
		}
		for _, m := range re.FindAllStringIndex(s, -1) {
			a, b := idx[m[0]], idx[m[1]]
			for i := a + 1; i < b; i++ {
				g[i] = max(g[i], kind)
			}
		}
	}
	return g
}

// mayGlue reports whether any token of noBreak can occur in rs: each
// holds an ASCII character, or opens with 《 or “.
func mayGlue(rs []rune) bool {
	for _, r := range rs {
		if r < 0x80 || r == '《' || r == '“' {
			return true
		}
	}
	return false
}

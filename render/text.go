package render

import (
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

func isWordRune(r rune) bool {
	return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == ',' || r == '-' || r == '_' || r == '@' || r == '/')
}

// wrapLines breaks s into lines no wider than width, measuring each rune
// with w. Newlines force a break. No rune is ever dropped: joining the
// lines gives s without its newlines. A line never starts with closing
// punctuation nor ends with opening punctuation (the offending rune moves
// to the neighbouring line), and a Latin word or number is kept whole
// when it fits on a line.
func wrapLines(s string, width float64, w func(rune) float64) []string {
	var out []string
	for _, para := range strings.Split(s, "\n") {
		out = append(out, wrapPara([]rune(para), width, w)...)
	}
	return out
}

func wrapPara(rs []rune, width float64, w func(rune) float64) []string {
	if len(rs) == 0 {
		return []string{""}
	}
	var lines []string
	start := 0
	for start < len(rs) {
		end, lw := start, 0.0
		for end < len(rs) && (end == start || lw+w(rs[end]) <= width) {
			lw += w(rs[end])
			end++
		}
		if end < len(rs) {
			end = adjustBreak(rs, start, end)
		}
		lines = append(lines, string(rs[start:end]))
		start = end
	}
	return lines
}

// adjustBreak moves a break at end (rs[start:end] fits) backwards so that
// the next line does not start with closing punctuation, this line does
// not end with opening punctuation and a Latin word is not split. It never
// returns a position at or before start.
func adjustBreak(rs []rune, start, end int) int {
	b := end
	// Keep a Latin word whole if it starts after the line start.
	if isWordRune(rs[b]) && isWordRune(rs[b-1]) {
		k := b
		for k > start && isWordRune(rs[k-1]) {
			k--
		}
		if k > start {
			b = k
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

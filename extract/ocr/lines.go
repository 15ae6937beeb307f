package ocr

import (
	"image"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Page is one page read by OCR: its text lines, top to bottom.
type Page struct {
	Lines         []Line
	Width, Height int
	Skew          float64 // degrees the page was turned back by before reading
	// Frames: the page's check boxes with their ink (PageFrames); nil when
	// not measured (an older cache entry).
	Frames []Frame
}

// Line is a row of words, left to right, and its text as a PDF's text
// layer would give it: Han characters joined, other words one space apart.
type Line struct {
	Text  string
	Words []Word
	// Spans[i] is the byte range of Words[i] in Text.
	Spans [][2]int
}

// Text is the page's text, one line a line, with the forms' boxes and
// ticks written as a text layer has them (fixMarks), for the parser.
func (p Page) Text() string {
	var b strings.Builder
	marks := p.boxMarks() // boxes the frames' ink settles (marks.go)
	for i, l := range p.Lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(fixMarks(markLine(l.Text, marks[i])))
	}
	return b.String()
}

// BuildLines groups words into rows by their vertical overlap (a table's
// cells, which tesseract may put in separate blocks, share a row), orders
// each row left to right and lays out its text.
func BuildLines(words []Word) []Line {
	groups := tessLines(dropNoise(words))
	sort.Slice(groups, func(i, j int) bool { return centerY(groups[i].box) < centerY(groups[j].box) })
	var rows []group
	for _, g := range groups {
		if n := len(rows); n > 0 && sameRow(rows[n-1].box, g.box) {
			rows[n-1].words = append(rows[n-1].words, g.words...)
			rows[n-1].box = rows[n-1].box.Union(g.box)
			continue
		}
		rows = append(rows, g)
	}
	lines := make([]Line, 0, len(rows))
	for _, r := range rows {
		sort.SliceStable(r.words, func(i, j int) bool { return r.words[i].Box.Min.X < r.words[j].Box.Min.X })
		lines = append(lines, layout(r.words))
	}
	return lines
}

type group struct {
	words []Word
	box   image.Rectangle
}

// tessLines groups words by tesseract's own (block, paragraph, line).
func tessLines(words []Word) []group {
	idx := map[[3]int]int{}
	var out []group
	for _, w := range words {
		k := [3]int{w.Block, w.Par, w.Line}
		i, ok := idx[k]
		if !ok {
			i = len(out)
			idx[k] = i
			out = append(out, group{box: w.Box})
		}
		out[i].words = append(out[i].words, w)
		out[i].box = out[i].box.Union(w.Box)
	}
	return out
}

func centerY(r image.Rectangle) int { return (r.Min.Y + r.Max.Y) / 2 }

// sameRow: the two boxes overlap vertically by at least half the lower one's height.
func sameRow(a, b image.Rectangle) bool {
	top, bot := max(a.Min.Y, b.Min.Y), min(a.Max.Y, b.Max.Y)
	h := min(a.Dy(), b.Dy())
	return h > 0 && bot-top >= h/2
}

// layout joins a row's words: nothing between two Han characters or
// full-width punctuation marks that stand closer than a character and a
// half (tesseract splits runs of Han at small gaps; a PDF's text layer has
// no spaces there), one space otherwise.
func layout(words []Word) Line {
	var b strings.Builder
	l := Line{Words: words, Spans: make([][2]int, len(words))}
	// the row's character height: the median word's (tesseract gives some
	// characters a broken box, "县" 7 pixels high in a 27-pixel row)
	hs := make([]int, len(words))
	for i, w := range words {
		hs[i] = w.Box.Dy()
	}
	sort.Ints(hs)
	rowH := max(hs[len(hs)/2], 1)
	for i, w := range words {
		if i > 0 {
			prev := words[i-1]
			gap := w.Box.Min.X - prev.Box.Max.X
			h := rowH
			last, _ := utf8.DecodeLastRuneInString(prev.Text)
			first, _ := utf8.DecodeRuneInString(w.Text)
			switch {
			case thousands(prev.Text, w.Text) && gap < h:
				b.WriteByte(',') // "5 930.39": the comma was lost
			case !(joins(last, first) && gap < 3*h/2):
				b.WriteByte(' ')
			}
		}
		start := b.Len()
		w.Text = cleanWord(w.Text)
		next := ""
		if i+1 < len(words) {
			next = words[i+1].Text
		}
		if t, changed := fixDigits(w.Text, next); changed {
			// rewritten: its characters no longer say how sure it is
			w.Text, w.Chars = t, nil
			words[i].Chars = nil
		}
		words[i].Text = w.Text
		b.WriteString(w.Text)
		l.Spans[i] = [2]int{start, b.Len()}
	}
	l.Text = b.String()
	markBoxes(&l)
	return l
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// joins: no space between a and b when both are Han or punctuation and
// at least one is Han or full-width (not between two ASCII words).
func joins(a, b rune) bool {
	tight := func(r rune) bool { return wide(r) || (r < 0x80 && unicode.IsPunct(r)) }
	return tight(a) && tight(b) && (wide(a) || wide(b))
}

// wide: a Han character or a full-width mark (，。：、（）《》【】 …).
func wide(r rune) bool {
	return isHan(r) || (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF)
}

package ocr

import (
	"image"
	"sort"
	"strings"
	"unicode/utf8"
)

// Where the page's boxes stand among tesseract's lines, words and
// characters (marks.go).

// rowSized: r's side is that of a box in the text of its row: between
// half and 1.3 times the row's character height (its words' lower median).
func (p Page) rowSized(r image.Rectangle) bool {
	li, ok := p.lineOf(r)
	if !ok {
		return false
	}
	var hs []int
	for _, w := range p.Lines[li].Words {
		hs = append(hs, w.Box.Dy())
	}
	sort.Ints(hs)
	h := hs[(len(hs)-1)/2] // the lower median: tesseract pads some characters' boxes
	side := max(r.Dx(), r.Dy())
	return 10*side >= 5*h && 10*side <= 13*h
}

// pairLines pairs a line's boxes with its box glyphs in order when the
// line holds as many of each (two or more) and each glyph starts within
// two sides of its box: tesseract's character boxes can be a character off
// ("文旅口" with 旅's box on the frame), its order is not.
func (p Page) pairLines(boxes []Frame) map[image.Rectangle]boxEdit {
	byLine := map[int][]Frame{}
	for _, f := range boxes {
		if li, ok := p.lineOf(f.Box); ok {
			byLine[li] = append(byLine[li], f)
		}
	}
	out := map[image.Rectangle]boxEdit{}
	for li, fs := range byLine {
		if len(fs) < 2 {
			continue
		}
		sort.Slice(fs, func(i, j int) bool { return fs[i].Box.Min.X < fs[j].Box.Min.X })
		side := max(fs[0].Box.Dx(), fs[0].Box.Dy())
		gs := p.glyphsIn(li, fs[0].Box.Min.X-2*side, fs[len(fs)-1].Box.Max.X+2*side)
		if len(fs) != len(gs) {
			continue
		}
		ok := true
		for i, f := range fs {
			// left edges: a glyph starts at its box, tesseract may stretch
			// its right edge over the option ("加有" as one character box)
			ok = ok && absInt(f.Box.Min.X-gs[i].box.Min.X) <= 2*side
		}
		if !ok {
			continue
		}
		for i, f := range fs {
			out[f.Box] = boxEdit{line: li, at: gs[i].at}
		}
	}
	return out
}

// glyphsIn: the line's box glyphs between x0 and x1 (where its boxes
// are: not 参加's 加 in the question) that start a word, or are a mark
// markBoxes wrote ("加有☐无": one word), and stand on no character's
// frame; left to right (at: byte offset in the line's text).
func (p Page) glyphsIn(li, x0, x1 int) []charAt {
	l := p.Lines[li]
	var out []charAt
	for wi, w := range l.Words {
		if wi >= len(l.Spans) {
			break
		}
		sp := l.Spans[wi]
		text := l.Text[sp[0]:sp[1]]
		cs := charsOf(w, text)
		if len(cs) == 0 || cs[0].at != 0 {
			if r, n := utf8.DecodeRuneInString(text); n > 0 && utf8.RuneCountInString(text) == 1 {
				cs = []charAt{{text: string(r), box: w.Box}}
			} else {
				cs = nil
			}
		}
		for k, c := range cs {
			r, _ := utf8.DecodeRuneInString(c.text)
			boxy := (k == 0 && c.at == 0 && strings.ContainsRune(boxGlyphs, r)) || r == '☐' || r == '☑'
			cx := (c.box.Min.X + c.box.Max.X) / 2
			if !boxy || cx < x0 || cx > x1 || onCharacter(c.box, p.Frames) {
				continue
			}
			out = append(out, charAt{text: c.text, box: c.box, at: sp[0] + c.at})
		}
	}
	return out
}

// lineOf is the line whose words' band holds r's middle.
func (p Page) lineOf(r image.Rectangle) (int, bool) {
	cy := (r.Min.Y + r.Max.Y) / 2
	for i, l := range p.Lines {
		var band image.Rectangle
		for _, w := range l.Words {
			band = band.Union(w.Box)
		}
		if cy >= band.Min.Y && cy < band.Max.Y {
			return i, true
		}
	}
	return 0, false
}

// charOn is the character tesseract put on frame r: the one overlapping
// it most (by share of the frame or of the character's own box, at least
// half), as line index, byte offset in the line's text and text; ok is
// false when none does or it does not start its word.
func (p Page) charOn(r image.Rectangle) (li, at int, glyph string, ok bool) {
	best := 0.0
	for i, l := range p.Lines {
		for wi, w := range l.Words {
			if !w.Box.Overlaps(r) || wi >= len(l.Spans) {
				continue
			}
			sp := l.Spans[wi]
			text := l.Text[sp[0]:sp[1]]
			for _, c := range charsOf(w, text) {
				s := overlapShare(c.box, r)
				if s < 0.5 || s <= best {
					continue
				}
				best = s
				li, glyph = i, c.text
				at = sp[0] + c.at
				ok = c.at == 0
			}
		}
	}
	return li, at, glyph, ok
}

type charAt struct {
	text string
	box  image.Rectangle
	at   int // byte offset in the word's text
}

// charsOf lines a word's characters up with its text in the line (which
// may have lost stray quotes, dropNoise); a word without characters is
// one character only when its text is.
func charsOf(w Word, text string) []charAt {
	if len(w.Chars) == 0 {
		if utf8.RuneCountInString(text) == 1 {
			return []charAt{{text: text, box: w.Box}}
		}
		return nil
	}
	var joined strings.Builder
	for _, c := range w.Chars {
		joined.WriteString(c.Text)
	}
	j := joined.String()
	skip := 0
	if len(j) != len(text) {
		skip = strings.Index(j, text)
		if skip < 0 {
			return nil // rewritten: no safe alignment
		}
	}
	// the same length: the same characters, or some rewritten in place
	// (markBoxes' ☑ for 回, cleanWord's brackets), each as long as before
	var out []charAt
	off := -skip
	for _, c := range w.Chars {
		if off >= 0 && off+len(c.Text) <= len(text) {
			r, n := utf8.DecodeRuneInString(text[off:])
			if n == len(c.Text) && utf8.RuneCountInString(c.Text) == 1 {
				out = append(out, charAt{text: string(r), box: c.Box, at: off})
			}
		}
		off += len(c.Text)
	}
	return out
}

// overlapShare: the overlap of a and b as a share of the smaller of the two.
func overlapShare(a, b image.Rectangle) float64 {
	in := a.Intersect(b)
	if in.Empty() {
		return 0
	}
	small := min(a.Dx()*a.Dy(), b.Dx()*b.Dy())
	return float64(in.Dx()*in.Dy()) / float64(small)
}

// markLine writes a line's settled boxes into its text: each a glyph
// (3 bytes) replaced by a mark (3 bytes), so byte offsets hold.
func markLine(text string, edits []boxEdit) string {
	if len(edits) == 0 {
		return text
	}
	b := []byte(text)
	for _, e := range edits {
		if e.at < 0 || e.at >= len(b) {
			continue
		}
		if _, n := utf8.DecodeRune(b[e.at:]); n != len(e.mark) {
			continue
		}
		copy(b[e.at:], e.mark)
	}
	return string(b)
}

// Where a frame no glyph stands on lies in its line (gapBefore).
const (
	gapAmong = iota // overlapping a word, or before one
	gapEnd          // nothing right of it on the line: the whole answer lost
)

// gapBefore places a frame tesseract read no glyph for: among the line's
// words (over a character or before a word), or past its last word.
func (p Page) gapBefore(li int, r image.Rectangle) int {
	for _, w := range p.Lines[li].Words {
		if w.Box.Max.X > r.Min.X {
			return gapAmong
		}
	}
	return gapEnd
}

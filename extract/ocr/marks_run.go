package ocr

import (
	"image"
	"strings"
	"unicode/utf8"
)

// A question's boxes all settled, or none (marks.go).

// dropUnsettled leaves a question's boxes as tesseract read them when
// one of them is not settled: the parser reads a choice from all its
// boxes, and "口一次服务☑分批次服务" (the first box's frame not found)
// reads as a tick after 一次服务. The boxes of one question stand on
// neighbouring lines: a run of lines each holding a box glyph or a
// settled box, with at most one line between two of them. A glyph is
// unsettled when it is 口 or 回 starting a word, not written as a mark,
// and not on a frame that is clearly a character's (ink beyond a tick's);
// a box is unsettled when no glyph, or two, stand on its frame (lost).
func (p Page) dropUnsettled(edits map[int][]boxEdit, lost map[int]bool) {
	if len(edits) == 0 {
		return
	}
	settled := map[[2]int]bool{}
	for li, es := range edits {
		for _, e := range es {
			settled[[2]int{li, e.at}] = true
		}
	}
	boxy := make([]bool, len(p.Lines))      // the line holds a box glyph or a settled box
	unsettled := make([]bool, len(p.Lines)) // … and one of its glyphs is not settled
	for li, l := range p.Lines {
		boxy[li] = len(edits[li]) > 0 || lost[li]
		unsettled[li] = lost[li]
		for wi, w := range l.Words {
			if wi >= len(l.Spans) {
				break
			}
			sp := l.Spans[wi]
			r, n := utf8.DecodeRuneInString(l.Text[sp[0]:sp[1]])
			if n == 0 || !strings.ContainsRune("口回☐☑", r) {
				continue
			}
			boxy[li] = true
			if settled[[2]int{li, sp[0]}] || r == '☐' || r == '☑' {
				continue
			}
			box := w.Box
			if cs := charsOf(w, l.Text[sp[0]:sp[1]]); len(cs) > 0 && cs[0].at == 0 {
				box = cs[0].box
			}
			if !onCharacter(box, p.Frames) {
				unsettled[li] = true
			}
		}
	}
	for start := 0; start < len(p.Lines); {
		if !boxy[start] {
			start++
			continue
		}
		end, bad := start, false     // the run start..end
		rowAt, midLabel := -1, false // a row of boxes starting a line; a label on a later line
		for i := start; i < len(p.Lines) && i <= end+2; i++ {
			if !boxy[i] {
				continue
			}
			end = i
			lead, boxes := leadAndBoxes(p.Lines[i].Text)
			bad = bad || unsettled[i]
			midLabel = midLabel || (rowAt >= 0 && lead >= labelHan)
			if rowAt < 0 && lead == 0 && boxes >= 3 {
				rowAt = i
			}
		}
		from := start
		if !bad && midLabel {
			from, bad = rowAt, true // the question before the row stands on its own
		}
		if bad {
			for i := from; i <= end; i++ {
				delete(edits, i)
			}
		}
		start = end + 1
	}
}

// labelHan: a line's text before its first box that has this many Han
// characters is a question's label, not an option's name broken over
// the line end (the options' names have 2 to 4).
const labelHan = 5

// leadAndBoxes counts the Han characters before a line's first box glyph
// or mark, and its box glyphs and marks. A run of box lines with a row of
// boxes first and a label only on a later line is a table whose label
// cell's text sits in the middle of its answer cell ("☐农业…☑机械制造" /
// "服务领域(可多选) ☐通讯☑交通…"): the parser would read the choice from the
// label on and miss the rows above it, so the run is left as read.
func leadAndBoxes(text string) (lead, boxes int) {
	seen := false
	for _, r := range text {
		switch {
		case strings.ContainsRune(boxGlyphs, r):
			seen = true
			boxes++
		case !seen && isHan(r):
			lead++
		}
	}
	return lead, boxes
}

// onCharacter: a frame under the glyph box r holds a character's ink
// (more than a tick's, or a square inside it): a Han character, not a box.
func onCharacter(r image.Rectangle, frames []Frame) bool {
	for _, f := range frames {
		if overlapShare(f.Box, r) >= 0.5 && (f.Ink > tickMax || holdsFrame(f, frames)) {
			return true
		}
	}
	return false
}

package ocr

import (
	"image"
	"strings"
)

// Check boxes read by their ink. tesseract reads a form's boxes as Han
// characters of the same outline (☐ as 口, ☑ as 回 四 加 …), so the parser
// sees no marks; the page's frames (PageFrames) say where the boxes are
// and how much ink their middles hold. A character tesseract put on a
// frame is written as ☑ or ☐ when everything agrees:
//
//   - the frame's ink is clearly that of an empty box (≤ emptyInk) or of
//     a ticked one (tickMin…tickMax); a Han character with a square
//     outline (国 团 回 目) holds more (0.25–0.5 measured), so it is left;
//   - no other frame lies inside it (回's inner square);
//   - another such frame of its size stands near it (a choice has two
//     options or more; a lone 口 in a sentence is a character);
//   - its side is that of its row's characters (not a stroke's square
//     inside one, 智 织);
//   - the character is one tesseract reads for a box (boxGlyphs) and
//     starts its word (a box stands before its option, "口农业"; the 口
//     of 门口 ends one), and no other frame claims it; a line's boxes and
//     box glyphs are paired in order when they are as many (tesseract's
//     character boxes can be one character off);
//   - every box of the question is settled (marks_run.go): a question
//     read in part would be read wrong ("口一次服务☑分批次服务" reads as a
//     tick after 一次服务).
//
// Anything else is left as tesseract read it, so the field stays in doubt.
// Only Page.Text (the parser's text) carries the marks; the lines keep
// tesseract's text for locating values and their confidence.
const (
	emptyInk = 0.03
	tickMin  = 0.08
	tickMax  = 0.22
)

// boxGlyphs: what tesseract reads for a form's ☐ and ☑ (measured on the
// scan sets: 口 回 加 四; 国 团 图, common at a word's start, never were),
// and the marks markBoxes already wrote.
const boxGlyphs = "口回四加囗□☐☑"

// boxEdit: line li's byte at holds a box glyph to be written as mark.
type boxEdit struct {
	line, at int
	mark     string
}

// boxMarks finds the box glyphs the page's frames settle.
func (p Page) boxMarks() map[int][]boxEdit {
	boxes := p.boxFrames()
	if len(boxes) == 0 {
		return nil
	}
	type claim struct {
		edit  boxEdit
		count int
	}
	claims := map[[2]int]*claim{}
	lost := map[int]bool{} // lines with a box no glyph of which is settled
	bare := map[int]bool{} // lines with a box whose whole answer tesseract dropped
	paired := p.pairLines(boxes)
	for _, f := range boxes {
		mark := "☐"
		if f.Ink >= tickMin {
			mark = "☑"
		}
		if e, ok := paired[f.Box]; ok {
			e.mark = mark
			k := [2]int{e.line, e.at}
			if c := claims[k]; c != nil {
				c.count++
			} else {
				claims[k] = &claim{edit: e, count: 1}
			}
			continue
		}
		li, at, glyph, ok := p.charOn(f.Box)
		if !ok || !strings.Contains(boxGlyphs, glyph) {
			l, found := p.lineOf(f.Box)
			// a box tesseract read nothing for is never written in: its
			// option may have lost characters with it ("☑次服务" for
			// "☑一次服务" reads as 分批次服务)
			switch {
			case !found:
			case p.gapBefore(l, f.Box) == gapEnd:
				bare[l] = true
			default:
				lost[l] = true // read into a word, or its option's glyphs lost
			}
			continue
		}
		k := [2]int{li, at}
		if c := claims[k]; c != nil {
			c.count++
			continue
		}
		claims[k] = &claim{edit: boxEdit{line: li, at: at, mark: mark}, count: 1}
	}
	out := map[int][]boxEdit{}
	for _, c := range claims {
		if c.count == 1 { // a glyph two frames claim is not settled
			out[c.edit.line] = append(out[c.edit.line], c.edit)
		} else {
			lost[c.edit.line] = true
		}
	}
	for l := range bare {
		if len(out[l]) > 0 {
			lost[l] = true // a line's other boxes read, this one's option lost
		}
	}
	p.dropUnsettled(out, lost)
	return out
}

// boxFrames keeps the frames that are a form's boxes: clear ink, nothing
// inside, a box's outline, and a neighbour of the same kind.
func (p Page) boxFrames() []Frame {
	frames := p.Frames
	var clear []Frame
	for _, f := range frames {
		if !clearInk(f.Ink) || holdsFrame(f, frames) {
			continue
		}
		clear = append(clear, f)
	}
	var out []Frame
	for i, f := range clear {
		if !p.rowSized(f.Box) {
			continue // a stroke's square inside a character (智 织), or larger than the row
		}
		for j, g := range clear {
			if i != j && sameBox(f.Box, g.Box) {
				out = append(out, f)
				break
			}
		}
	}
	return out
}

func clearInk(ink float64) bool {
	return (ink >= 0 && ink <= emptyInk) || (ink >= tickMin && ink <= tickMax)
}

// holdsFrame: another frame's middle lies inside f (回: a square in a square).
func holdsFrame(f Frame, frames []Frame) bool {
	for _, g := range frames {
		if g.Box == f.Box {
			continue
		}
		c := image.Pt((g.Box.Min.X+g.Box.Max.X)/2, (g.Box.Min.Y+g.Box.Max.Y)/2)
		if c.In(f.Box) && g.Box.Dx() < f.Box.Dx() {
			return true
		}
	}
	return false
}

// sameBox: two frames of one size (within an eighth, at least 2 px) whose
// middles are at most three sides apart vertically: boxes of one question.
func sameBox(a, b image.Rectangle) bool {
	side := max(a.Dx(), a.Dy())
	tol := max(2, side/8)
	if absInt(a.Dx()-b.Dx()) > tol || absInt(a.Dy()-b.Dy()) > tol {
		return false
	}
	return absInt((a.Min.Y+a.Max.Y)/2-(b.Min.Y+b.Max.Y)/2) <= 3*side
}

func absInt(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

package extract

import (
	"image"
	"regexp"
	"sort"

	"dossier"
	"dossier/extract/ocr"
)

// The survey's yes/no questions, as they stand on the form (the parser's
// own patterns for these labels; the catalogue's labels are shorter than
// the form's questions).
var markLabels = map[string]*regexp.Regexp{
	"key_counties":      regexp.MustCompile(`是\s*否\s*(?:包\s*)?含[^：:]{0,30}?帮\s*扶\s*县`),
	"organized_by_hrss": regexp.MustCompile(`是\s*否\s*由[^：:]{0,80}?组\s*织\s*实\s*施`),
	"needs_matched":     regexp.MustCompile(`对\s*接\s*需\s*求`),
	"support_measures":  regexp.MustCompile(`服\s*务\s*保\s*障\s*措\s*施`),
	"publicity":         regexp.MustCompile(`是\s*否[^：:]{0,20}?开\s*展\s*宣\s*传`),
}

// A box is ticked when its middle holds clearly more ink than the other
// box's (inkMargin, share of its pixels); measured on the scan set
// (RESULTS.md): ticked 0.10–0.30, empty 0–0.02.
const inkMargin = 0.05

// Confidence of a yes/no answer the pixels settle.
const (
	inkAgrees    = 0.95 // the box the value says is ticked is clearly the darker
	inkDisagrees = 0.05 // the other box is clearly the darker: a misreading
	inkUnclear   = 0.40 // no clear difference
)

// markConf is the confidence of a yes/no field (key) whose value is v,
// decided by the ink in its two boxes (frames: the check boxes found on
// each page): the box the value says is ticked must be clearly darker than
// the other. The boxes are the first two frames after the question, on
// its line or the next; the answers stand in the form's order (是 before
// 否, 有 before 无). ok is false when the question or its two boxes are
// not found, or the page's frames were not measured; the caller then
// falls back to the words' confidence.
func markConf(key string, v bool, lines []ocrLine, frames map[int][]ocr.Frame) (float64, ocrLine, bool) {
	rx := markLabels[key]
	if rx == nil {
		return 0, ocrLine{}, false
	}
	for i, ln := range lines {
		loc := rx.FindStringIndex(ln.line.Text)
		if loc == nil {
			continue
		}
		fr, measured := frames[ln.page]
		if !measured || fr == nil {
			return 0, ln, false
		}
		boxes := framesIn(fr, band(ln.line), labelEnd(ln.line, loc[1]))
		if len(boxes) < 2 && i+1 < len(lines) && lines[i+1].page == ln.page {
			boxes = append(boxes, framesIn(fr, band(lines[i+1].line), -1)...)
		}
		if len(boxes) < 2 {
			return 0, ln, false
		}
		d := boxes[0].Ink - boxes[1].Ink // yes − no
		if !v {
			d = -d
		}
		switch {
		case d >= inkMargin:
			return inkAgrees, ln, true
		case d <= -inkMargin:
			return inkDisagrees, ln, true
		}
		return inkUnclear, ln, true
	}
	return 0, ocrLine{}, false
}

// band is the vertical extent of a line's words.
func band(l ocr.Line) image.Rectangle {
	var r image.Rectangle
	for _, w := range l.Words {
		r = r.Union(w.Box)
	}
	return r
}

// labelEnd is the right edge of the word holding byte at-1 of the line.
func labelEnd(l ocr.Line, at int) int {
	for i, sp := range l.Spans {
		if sp[0] < at && sp[1] >= at {
			return l.Words[i].Box.Max.X
		}
	}
	return -1
}

// framesIn returns the frames whose middle lies in the line's band and
// right of x, left to right.
func framesIn(fr []ocr.Frame, b image.Rectangle, x int) []ocr.Frame {
	var out []ocr.Frame
	for _, f := range fr {
		cy, cx := (f.Box.Min.Y+f.Box.Max.Y)/2, (f.Box.Min.X+f.Box.Max.X)/2
		if cy >= b.Min.Y && cy < b.Max.Y && cx > x {
			out = append(out, f)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Box.Min.X < out[j].Box.Min.X })
	return out
}

// Both options of a one-choice question ticked. The parser reports it as
// an invalid value (service_mode "均已勾选"); the page's frames tell
// whether the ink says so too: the box before each option clearly holds
// ink (inkTicked). Then the reading is certain — a double tick is the
// unit's error, not a misreading — and the value gets inkAgrees.

// inkTicked: a box's share of dark pixels that is a tick, not a speck;
// measured on the scan set (inkMargin): ticked 0.10–0.30, empty 0–0.02.
const inkTicked = 0.08

// choiceOptions: the options of the one-choice questions, in form order.
var choiceOptions = map[string][]*regexp.Regexp{
	"service_mode": {regexp.MustCompile(`一\s*次\s*服\s*务`), regexp.MustCompile(`分\s*批\s*次`)},
}

// invalidConf adds to conf (and src) the confidence of the invalid values
// the page's boxes settle: a one-choice question whose every option's
// box is clearly ticked.
func invalidConf(invalid map[string]string, lines []ocrLine, frames map[int][]ocr.Frame, conf map[string]float64, src map[string]dossier.Source) {
	for key := range invalid {
		opts := choiceOptions[key]
		if opts == nil {
			continue
		}
		ln, ok := allTicked(opts, lines, frames)
		if !ok {
			continue
		}
		conf[key] = inkAgrees
		src[key] = dossier.Source{Page: ln.page, Text: ln.line.Text, OCR: true}
	}
}

// allTicked reports whether the box nearest before each option (on the
// option's line, left of its words) is clearly ticked; ln is the first
// option's line.
func allTicked(opts []*regexp.Regexp, lines []ocrLine, frames map[int][]ocr.Frame) (ocrLine, bool) {
	var first ocrLine
	for i, rx := range opts {
		found := false
		for _, l := range lines {
			loc := rx.FindStringIndex(l.line.Text)
			if loc == nil {
				continue
			}
			box, ok := boxBefore(frames[l.page], l.line, loc[0])
			if !ok || box.Ink < inkTicked {
				return ocrLine{}, false
			}
			if i == 0 {
				first = l
			}
			found = true
			break
		}
		if !found {
			return ocrLine{}, false
		}
	}
	return first, true
}

// boxBefore is the frame in the line's band nearest left of the word that
// holds byte at of the line.
func boxBefore(fr []ocr.Frame, l ocr.Line, at int) (ocr.Frame, bool) {
	x := -1
	for i, sp := range l.Spans {
		if sp[0] <= at && sp[1] > at {
			x = l.Words[i].Box.Min.X
		}
	}
	if x < 0 {
		return ocr.Frame{}, false
	}
	var best ocr.Frame
	found := false
	for _, f := range framesIn(fr, band(l), -1) {
		if (f.Box.Min.X+f.Box.Max.X)/2 < x+l.Words[0].Box.Dy() { // the box may overlap the word tesseract read it into
			best, found = f, true
		}
	}
	return best, found
}

package ocr

import (
	"image"
	"testing"
)

// canvas is a white page to draw shapes on.
type canvas struct{ g *image.Gray }

func newCanvas(w, h int) canvas {
	g := image.NewGray(image.Rect(0, 0, w, h))
	for i := range g.Pix {
		g.Pix[i] = 255
	}
	return canvas{g}
}

// fill paints x0..x1, y0..y1 (exclusive) with value v.
func (c canvas) fill(x0, y0, x1, y1 int, v uint8) {
	for y := y0; y < y1; y++ {
		for x := x0; x < x1; x++ {
			c.g.Pix[y*c.g.Stride+x] = v
		}
	}
}

// frame draws a square outline of side s and stroke t at (x, y).
func (c canvas) frame(x, y, s, t int, v uint8) {
	c.fill(x, y, x+s, y+t, v)
	c.fill(x, y+s-t, x+s, y+s, v)
	c.fill(x, y, x+t, y+s, v)
	c.fill(x+s-t, y, x+s, y+s, v)
}

// tick draws a check mark in the box at (x, y) of side s: a short stroke
// down to the right, then a long one up to the right, 2 px thick.
func (c canvas) tick(x, y, s int) {
	bx, by := x+s*3/10, y+s*7/10 // bottom of the tick
	for i := 0; i < s/5; i++ {   // short arm, from the upper left
		c.fill(bx-i, by-i, bx-i+2, by-i+2, 0)
	}
	for i := 0; i < s*2/5; i++ { // long arm, to the upper right
		c.fill(bx+i, by-i, bx+i+2, by-i+2, 0)
	}
}

func TestFindFrames(t *testing.T) {
	c := newCanvas(400, 80)
	c.frame(5, 5, 20, 2, 0) // empty box
	c.frame(40, 5, 20, 2, 0)
	c.tick(40, 5, 20)        // ticked box
	c.frame(75, 5, 20, 2, 0) // 国: bars across its middle
	c.fill(79, 10, 91, 12, 0)
	c.fill(79, 14, 91, 16, 0)
	c.fill(79, 19, 91, 21, 0)
	c.fill(84, 10, 86, 21, 0)
	c.frame(110, 5, 20, 2, 0) // 回: a square in a square
	c.frame(115, 10, 10, 2, 0)
	c.fill(145, 5, 165, 25, 0)   // a blot: its middle is solid ink
	c.fill(180, 10, 198, 12, 0)  // a stroke: not square
	c.fill(210, 0, 212, 80, 0)   // a table's rule…
	c.frame(212, 30, 20, 2, 0)   // …with a box drawn against it
	c.frame(250, 30, 16, 1, 140) // a one-pixel outline smeared to gray (150 dpi)
	c.fill(251, 30, 252, 46, 120)
	frames := FindFrames(c.g, 6, 30)
	tests := []struct {
		name   string
		at     image.Point // the frame's top left
		found  bool
		inkMin float64 // with ink ≥ inkMin …
		inkMax float64 // … and ≤ inkMax
	}{
		{"empty box", image.Pt(5, 5), true, 0, 0},
		{"ticked box", image.Pt(40, 5), true, 0.08, 0.3},
		{"国: bars across the middle", image.Pt(75, 5), false, 0, 0},
		{"回: a square inside", image.Pt(110, 5), false, 0, 0},
		{"the inner square of 回 is a square of its own", image.Pt(115, 10), true, 0, 0},
		{"blot", image.Pt(145, 5), false, 0, 0},
		{"box against a table's rule", image.Pt(212, 30), true, 0, 0},
		{"gray one-pixel outline", image.Pt(250, 30), true, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got *Frame
			for i, f := range frames {
				if f.Box.Min == tt.at {
					got = &frames[i]
				}
			}
			switch {
			case tt.found && got == nil:
				t.Errorf("no frame at %v; found %v", tt.at, frames)
			case !tt.found && got != nil:
				t.Errorf("found %+v, want none", *got)
			case got != nil && (got.Ink < tt.inkMin || got.Ink > tt.inkMax):
				t.Errorf("ink %.2f, want %.2f–%.2f", got.Ink, tt.inkMin, tt.inkMax)
			}
		})
	}
	if len(frames) != 5 {
		t.Errorf("found %d frames %v, want 5 (the four boxes and 回's inner square)", len(frames), frames)
	}
	if n := len(FindFrames(c.g, 22, 30)); n != 0 {
		t.Errorf("with sides 22–30, found %d frames, want none", n)
	}
}

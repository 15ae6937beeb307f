package ocr

import (
	"image"
	"testing"
)

func TestFindFrames(t *testing.T) {
	g := image.NewGray(image.Rect(0, 0, 120, 40))
	for i := range g.Pix {
		g.Pix[i] = 255
	}
	set := func(x0, y0, x1, y1 int) {
		for y := y0; y < y1; y++ {
			for x := x0; x < x1; x++ {
				g.Pix[y*g.Stride+x] = 0
			}
		}
	}
	frame := func(x, y, s int) { // a 2-pixel square frame of side s
		set(x, y, x+s, y+2)
		set(x, y+s-2, x+s, y+s)
		set(x, y, x+2, y+s)
		set(x+s-2, y, x+s, y+s)
	}
	frame(5, 5, 20) // ticked: a tick inside, touching nothing
	set(11, 13, 13, 19)
	set(13, 17, 19, 19)
	set(17, 9, 19, 17)
	frame(40, 5, 20)      // empty
	set(70, 5, 90, 25)    // a blot: not a frame (its middle is dark, but its edges…)
	set(100, 10, 118, 12) // a stroke: not square
	frames := FindFrames(g, 6, 30)
	if len(frames) != 3 {
		t.Fatalf("found %d frames %v, want the two boxes and the solid square", len(frames), frames)
	}
	if f := frames[0]; f.Box != image.Rect(5, 5, 25, 25) || f.Ink < 0.1 {
		t.Errorf("ticked box = %+v, want (5,5)-(25,25) with ink ≥ 0.1", f)
	}
	if f := frames[1]; f.Box != image.Rect(40, 5, 60, 25) || f.Ink != 0 {
		t.Errorf("empty box = %+v, want (40,5)-(60,25) with ink 0", f)
	}
	if f := frames[2]; f.Ink != 1 {
		t.Errorf("solid square = %+v, want ink 1", f)
	}
	if n := len(FindFrames(g, 22, 30)); n != 0 {
		t.Errorf("with sides 22–30, found %d frames, want none", n)
	}
}

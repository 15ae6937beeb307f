package ocr

import "image"

// Frame is a square frame found on a prepared page (a form's check box,
// or a Han character drawn as one, 口 回): its box and the share of dark
// pixels in its middle, the frame's strokes left out. A ticked box's
// middle holds the tick; an empty one's is blank.
type Frame struct {
	Box image.Rectangle
	Ink float64
}

// FindFrames finds the square frames on a prepared page whose side is
// between minSide and maxSide pixels: connected dark shapes whose four
// edges are mostly dark. The tick of a ticked box may touch the frame (one
// shape) or not (the middle is measured either way).
func FindFrames(gray *image.Gray, minSide, maxSide int) []Frame {
	b := gray.Bounds()
	w, h := b.Dx(), b.Dy()
	dark := func(x, y int) bool { return gray.Pix[y*gray.Stride+x] < 128 }
	seen := make([]bool, w*h)
	var out []Frame
	stack := make([]int, 0, 1024)
	for y0 := 0; y0 < h; y0++ {
		for x0 := 0; x0 < w; x0++ {
			i := y0*w + x0
			if seen[i] || !dark(x0, y0) {
				continue
			}
			// flood the shape (8-connected), keeping its box
			r := image.Rect(x0, y0, x0+1, y0+1)
			stack = append(stack[:0], i)
			seen[i] = true
			n := 0
			for len(stack) > 0 {
				p := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				n++
				px, py := p%w, p/w
				r = r.Union(image.Rect(px, py, px+1, py+1))
				for dy := -1; dy <= 1; dy++ {
					for dx := -1; dx <= 1; dx++ {
						qx, qy := px+dx, py+dy
						if qx < 0 || qy < 0 || qx >= w || qy >= h {
							continue
						}
						q := qy*w + qx
						if !seen[q] && dark(qx, qy) {
							seen[q] = true
							stack = append(stack, q)
						}
					}
				}
			}
			if f, ok := frameOf(gray, r, minSide, maxSide); ok {
				out = append(out, f)
			}
		}
	}
	return out
}

// frameOf checks that r is a square whose edges are mostly dark and
// measures its middle.
func frameOf(gray *image.Gray, r image.Rectangle, minSide, maxSide int) (Frame, bool) {
	dx, dy := r.Dx(), r.Dy()
	if dx < minSide || dy < minSide || dx > maxSide || dy > maxSide || 4*dx < 3*dy || 4*dy < 3*dx {
		return Frame{}, false
	}
	dark := func(x, y int) bool { return gray.Pix[(y-gray.Rect.Min.Y)*gray.Stride+x-gray.Rect.Min.X] < 128 }
	// an edge is dark when a line of pixels within two of it is mostly dark
	edge := func(horizontal bool, at, dir int) bool {
		for k := 0; k < 3; k++ {
			n, d := 0, 0
			if horizontal {
				y := at + k*dir
				for x := r.Min.X; x < r.Max.X; x++ {
					n++
					if dark(x, y) {
						d++
					}
				}
			} else {
				x := at + k*dir
				for y := r.Min.Y; y < r.Max.Y; y++ {
					n++
					if dark(x, y) {
						d++
					}
				}
			}
			if 10*d >= 7*n {
				return true
			}
		}
		return false
	}
	if !edge(true, r.Min.Y, 1) || !edge(true, r.Max.Y-1, -1) || !edge(false, r.Min.X, 1) || !edge(false, r.Max.X-1, -1) {
		return Frame{}, false
	}
	return Frame{Box: r, Ink: ink(gray, r)}, true
}

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

// FramesVersion changes whenever FindFrames changes what it finds, so a
// cache can re-measure the frames of a page it keeps (no OCR needed)
// instead of trusting frames found by an older FindFrames.
const FramesVersion = "frames-2" // 2: gray outlines, rules cleared, characters' squares dropped

// frameDark: a pixel darker than this belongs to a frame's outline. A box
// drawn with a one-pixel line at 150 dpi is smeared over two columns of
// gray (110–150), so the text's 128 breaks its outline; the middle's ink
// is still measured at 128 (ink), as calibrated.
const frameDark = 176

// FindFrames finds the square frames on a prepared page whose side is
// between minSide and maxSide pixels: connected dark shapes (the page's
// long rules left out) whose four edges are mostly dark and whose middle
// is empty or holds slanted strokes only (a tick, a cross), not a straight
// stroke across it (a Han character's: 国 回 团 目; a filled ■ is dropped
// too). The tick of a ticked box may touch the frame (one shape) or not
// (the middle is measured either way).
func FindFrames(gray *image.Gray, minSide, maxSide int) []Frame {
	b := gray.Bounds()
	w, h := b.Dx(), b.Dy()
	// shapes are traced without the page's rules, so a box drawn against
	// a table's line (the first box of a cell) is a shape of its own
	ruled := longRuns(gray, 2*maxSide)
	dark := func(x, y int) bool { return gray.Pix[y*gray.Stride+x] < frameDark && !ruled[y*w+x] }
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

// longRuns marks the dark pixels of runs longer than n along a row or
// down a column: a form's rules and underlines, longer than any box.
func longRuns(gray *image.Gray, n int) []bool {
	b := gray.Bounds()
	w, h := b.Dx(), b.Dy()
	dark := func(x, y int) bool { return gray.Pix[y*gray.Stride+x] < frameDark }
	out := make([]bool, w*h)
	for y := 0; y < h; y++ {
		for x := 0; x < w; {
			x0 := x
			for x < w && dark(x, y) {
				x++
			}
			if x-x0 > n {
				for k := x0; k < x; k++ {
					out[y*w+k] = true
				}
			}
			if x == x0 {
				x++
			}
		}
	}
	for x := 0; x < w; x++ {
		for y := 0; y < h; {
			y0 := y
			for y < h && dark(x, y) {
				y++
			}
			if y-y0 > n {
				for k := y0; k < y; k++ {
					out[k*w+x] = true
				}
			}
			if y == y0 {
				y++
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
	dark := func(x, y int) bool { return gray.Pix[(y-gray.Rect.Min.Y)*gray.Stride+x-gray.Rect.Min.X] < frameDark }
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
	if h, v := innerRuns(gray, r); h > maxInnerRun || v > maxInnerRun {
		return Frame{}, false // strokes across its middle: a character (国 回 团 目), not a box
	}
	return Frame{Box: r, Ink: ink(gray, r)}, true
}

// maxInnerRun: a box's middle is empty or holds a tick, whose strokes are
// slanted: its longest run along a row or down a column measured at most
// 0.47 and 0.36 of the middle (88 ticked boxes, scan sets); a Han
// character's inner strokes run straight across it (回 of 回国 0.73–0.88
// down, 国 0.92 along, 团 0.62–0.77).
const maxInnerRun = 0.6

// innerRuns: the longest dark run along a row and down a column of r's
// middle (r inset by a fifth of its side, at least 3 px, as ink measures
// it), as shares of the middle's width and height.
func innerRuns(gray *image.Gray, r image.Rectangle) (float64, float64) {
	in := r.Inset(max(3, min(r.Dx(), r.Dy())/5))
	if in.Empty() {
		return 0, 0
	}
	dark := func(x, y int) bool { return gray.Pix[(y-gray.Rect.Min.Y)*gray.Stride+x-gray.Rect.Min.X] < 128 }
	longest := func(n int, at func(i int) bool) int {
		best, run := 0, 0
		for i := 0; i < n; i++ {
			if at(i) {
				run++
				best = max(best, run)
			} else {
				run = 0
			}
		}
		return best
	}
	h, v := 0, 0
	for y := in.Min.Y; y < in.Max.Y; y++ {
		h = max(h, longest(in.Dx(), func(i int) bool { return dark(in.Min.X+i, y) }))
	}
	for x := in.Min.X; x < in.Max.X; x++ {
		v = max(v, longest(in.Dy(), func(i int) bool { return dark(x, in.Min.Y+i) }))
	}
	return float64(h) / float64(in.Dx()), float64(v) / float64(in.Dy())
}

package ocr

import "image"

// ClearRules whitens, inside r of a prepared page, the frame lines of a
// form's cell: runs of dark pixels longer than maxH along a row
// (horizontal rules) or maxV down a column (vertical rules). Glyphs are
// shorter than a few of their own heights, so they stay. The runs are
// found on the page as it was (a column's run stops at a horizontal
// rule, so a glyph touching one stays), then cleared together; gray is modified.
func ClearRules(gray *image.Gray, r image.Rectangle, maxH, maxV int) {
	r = r.Intersect(gray.Bounds())
	if r.Empty() || maxH <= 0 || maxV <= 0 {
		return
	}
	at := func(x, y int) int { return (y-gray.Rect.Min.Y)*gray.Stride + x - gray.Rect.Min.X }
	dark := func(x, y int) bool { return gray.Pix[at(x, y)] < 128 }
	var clear []int
	ruled := map[int]bool{} // pixels of horizontal rules
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; {
			if !dark(x, y) {
				x++
				continue
			}
			x0 := x
			for x < r.Max.X && dark(x, y) {
				x++
			}
			if x-x0 > maxH {
				for k := x0; k < x; k++ {
					clear = append(clear, at(k, y))
					ruled[at(k, y)] = true
				}
			}
		}
	}
	// a glyph touching a horizontal rule is not a vertical one: the
	// rule's pixels break the column's runs
	stroke := func(x, y int) bool { return dark(x, y) && !ruled[at(x, y)] }
	for x := r.Min.X; x < r.Max.X; x++ {
		for y := r.Min.Y; y < r.Max.Y; {
			if !stroke(x, y) {
				y++
				continue
			}
			y0 := y
			for y < r.Max.Y && stroke(x, y) {
				y++
			}
			if y-y0 > maxV {
				for k := y0; k < y; k++ {
					clear = append(clear, at(x, k))
				}
			}
		}
	}
	for _, i := range clear {
		gray.Pix[i] = 255
	}
}

// KeepTall whitens, inside r, the dark shapes (8-connected) less than
// minH tall — a colon's dots, a semicolon, specks — and those touching
// r's left or right edge (a neighbouring label's glyph cut by the crop),
// leaving a cell's digits alone for a digits-only reading.
func KeepTall(gray *image.Gray, r image.Rectangle, minH int) {
	r = r.Intersect(gray.Bounds())
	if r.Empty() {
		return
	}
	at := func(x, y int) int { return (y-gray.Rect.Min.Y)*gray.Stride + x - gray.Rect.Min.X }
	dark := func(x, y int) bool { return gray.Pix[at(x, y)] < 208 } // with the glyph's grey rim
	seen := map[int]bool{}
	for y0 := r.Min.Y; y0 < r.Max.Y; y0++ {
		for x0 := r.Min.X; x0 < r.Max.X; x0++ {
			if seen[at(x0, y0)] || !dark(x0, y0) {
				continue
			}
			shape := []image.Point{{x0, y0}}
			seen[at(x0, y0)] = true
			box := image.Rect(x0, y0, x0+1, y0+1)
			for k := 0; k < len(shape); k++ {
				p := shape[k]
				box = box.Union(image.Rect(p.X, p.Y, p.X+1, p.Y+1))
				for dy := -1; dy <= 1; dy++ {
					for dx := -1; dx <= 1; dx++ {
						q := image.Pt(p.X+dx, p.Y+dy)
						if q.In(r) && !seen[at(q.X, q.Y)] && dark(q.X, q.Y) {
							seen[at(q.X, q.Y)] = true
							shape = append(shape, q)
						}
					}
				}
			}
			if box.Dy() < minH || box.Min.X == r.Min.X || box.Max.X == r.Max.X {
				for _, p := range shape {
					gray.Pix[at(p.X, p.Y)] = 255
				}
			}
		}
	}
}

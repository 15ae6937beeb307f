package ocr

import (
	"image"
	"sort"
)

// ClearGrid returns a copy of a prepared page with its ruling lines
// removed (a table's grid, a form's long underlines) and counts them.
// Tesseract cuts a scan's thin grey rules into dashes when it binarises
// the page, reads the dashes as characters and merges them, and the cells
// beside them, into garbage lines. A rule is a run of dark pixels along a
// row (or down a column) at least half an inch long — many times a
// character's size — and thin across: its median thickness at most
// max(3, dpi/30) pixels (0.85 mm). A glyph's strokes are shorter than a
// character, a check box's sides a few millimetres, so both stay; a dark
// area (a photo's background, a black bar) is thick and stays too. dpi 0
// is taken as 300.
func ClearGrid(gray *image.Gray, dpi int) (*image.Gray, Grid) {
	if dpi <= 0 {
		dpi = 300
	}
	b := gray.Bounds()
	w, h := b.Dx(), b.Dy()
	out := image.NewGray(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		copy(out.Pix[y*w:y*w+w], gray.Pix[gray.PixOffset(b.Min.X, b.Min.Y+y):])
	}
	if w == 0 || h == 0 {
		return out, Grid{}
	}
	ink, paper := inkThreshold(out)
	g := gridPage{pix: out.Pix, w: w, h: h, minLen: dpi / 2, maxThick: max(3, dpi/30), ink: ink}
	rows := g.rows()
	cols := g.columns()
	// a rule's pixels become paper (not white: a white stripe between the
	// grey rims a scan's blur leaves beside a rule makes tesseract drop a
	// digit beside it, "12" read "1")
	for _, r := range rows {
		for x := r.k0; x < r.k1; x++ {
			out.Pix[r.j*w+x] = paper
		}
	}
	for _, c := range cols {
		for y := c.k0; y < c.k1; y++ {
			out.Pix[y*w+c.j] = paper
		}
	}
	return out, Grid{Rows: countLines(rows), Columns: countLines(cols)}
}

// Grid counts the rules ClearGrid removed: horizontal (Rows) and vertical
// (Columns), a rule a few pixels thick counted once.
type Grid struct {
	Rows, Columns int
}

// Table says whether the rules make a table: at least four horizontal
// rules and two vertical ones (a page's frame alone is not one).
func (g Grid) Table() bool { return g.Rows >= 4 && g.Columns >= 2 }

// gridPage is a page ClearGrid works on (stride w) with its measures in
// pixels and its ink level.
type gridPage struct {
	pix              []uint8
	w, h             int
	minLen, maxThick int
	ink              uint8 // a pixel darker than this is ink (a rule's grey included)
}

// ruleGap: a JPEG-broken rule's pieces one light pixel apart are one run.
const ruleGap = 1

// run is a rule's run of pixels: on line j (a row or a column), from k0 to k1.
type run struct{ j, k0, k1 int }

func (g gridPage) dark(i int) bool { return g.pix[i] < g.ink }

// rows finds the horizontal rules, row by row.
func (g gridPage) rows() []run {
	var out []run
	for y := 0; y < g.h; y++ {
		row := g.pix[y*g.w : y*g.w+g.w]
		for x := 0; x < len(row); {
			if row[x] >= g.ink {
				x++
				continue
			}
			x0, last := x, x
			for x < len(row) && x-last <= ruleGap+1 {
				if row[x] < g.ink {
					last = x
				}
				x++
			}
			x = last + 1
			if x-x0 >= g.minLen && g.thickness(y, x0, x, false) <= g.maxThick {
				out = append(out, run{y, x0, x})
			}
		}
	}
	return out
}

// columns finds the vertical rules, walking the page row by row (as it
// lies in memory) with each column's open run.
func (g gridPage) columns() []run {
	start := make([]int32, g.w)
	last := make([]int32, g.w)
	for x := range start {
		start[x] = -1
	}
	var out []run
	end := func(x int) {
		y0, y1 := int(start[x]), int(last[x])+1
		if y1-y0 >= g.minLen && g.thickness(x, y0, y1, true) <= g.maxThick {
			out = append(out, run{x, y0, y1})
		}
		start[x] = -1
	}
	for y := 0; y < g.h; y++ {
		row := g.pix[y*g.w : y*g.w+g.w]
		for x, v := range row {
			switch {
			case v < g.ink:
				if start[x] < 0 {
					start[x] = int32(y)
				}
				last[x] = int32(y)
			case start[x] >= 0 && y-int(last[x]) > ruleGap:
				end(x)
			}
		}
	}
	for x := range start {
		if start[x] >= 0 {
			end(x)
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a].j < out[b].j })
	return out
}

// thickness is the median, over samples along the run [k0, k1) of line j
// (a column when vertical), of the dark extent across it, capped just
// above maxThick.
func (g gridPage) thickness(j, k0, k1 int, vertical bool) int {
	limit := g.maxThick + 1
	at := func(k, d int) (int, bool) { // pixel k along the line, d across
		x, y := k, j+d
		if vertical {
			x, y = j+d, k
		}
		if x < 0 || y < 0 || x >= g.w || y >= g.h {
			return 0, false
		}
		return y*g.w + x, true
	}
	hist := make([]int, limit+1)
	n := 0
	for k := k0; k < k1; k += max(1, (k1-k0)/64) {
		if i, _ := at(k, 0); !g.dark(i) {
			continue
		}
		t := 1
		for d := -1; t <= limit; d-- {
			if i, ok := at(k, d); !ok || !g.dark(i) {
				break
			}
			t++
		}
		for d := 1; t <= limit; d++ {
			if i, ok := at(k, d); !ok || !g.dark(i) {
				break
			}
			t++
		}
		hist[min(t, limit)]++
		n++
	}
	seen := 0
	for t, c := range hist {
		seen += c
		if 2*seen >= n {
			return t
		}
	}
	return limit
}

// countLines counts the rules among runs sorted by line: runs on
// adjacent lines are one rule (a rule two or three pixels thick).
func countLines(runs []run) int {
	n, prev := 0, -2
	for _, r := range runs {
		if r.j > prev+1 {
			n++
		}
		prev = r.j
	}
	return n
}

// inkThreshold returns the level below which ClearGrid counts a pixel as
// ink, a little below the paper's (the median pixel: most of a page is
// paper) so that a thin rule's light grey (a 300-dpi hairline reads about
// 200 on paper at 250) counts, and the paper's level.
func inkThreshold(g *image.Gray) (ink, paper uint8) {
	var hist [256]int
	n := 0
	for i := 0; i < len(g.Pix); i += 3 {
		hist[g.Pix[i]]++
		n++
	}
	seen, p := 0, 255
	for v, c := range hist {
		seen += c
		if 2*seen >= n {
			p = v
			break
		}
	}
	return uint8(min(max(p-32, 96), 224)), uint8(p)
}

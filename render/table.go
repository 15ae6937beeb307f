package render

import "strings"

// cell is one cell of a table row; span is how many columns it covers (0 = 1).
type cell struct {
	text  string
	span  int
	align string // L, C, R
	color *rgb
	fill  *rgb
}

// table is a grid with fixed column widths (mm) and a header repeated on
// every page it runs over. Cells wrap with wrapLines; a row taller than a
// page continues on the next one, line by line.
type table struct {
	cols   []float64
	header [][]cell
	rows   [][]cell
	size   float64 // font size, pt
	zebra  bool
	pad    float64
}

// layoutRow wraps every cell of a row: for each cell its x, width and lines.
type laidCell struct {
	x, w  float64
	lines []string
	c     cell
	size  float64 // a smaller font for a number that would wrap; 0: the table's
}

func (c *canvas) layoutRow(t *table, row []cell) ([]laidCell, int) {
	x, col, maxN := marginX, 0, 1
	out := make([]laidCell, 0, len(row))
	for _, ce := range row {
		span := max(ce.span, 1)
		w := 0.0
		for i := 0; i < span && col+i < len(t.cols); i++ {
			w += t.cols[col+i]
		}
		col += span
		lines := c.wrap(ce.text, w-2*t.pad)
		size := 0.0
		if len(lines) > 1 && ce.align == "R" && !strings.ContainsRune(ce.text, ' ') {
			// A figure is never broken (1,800,000.0 / 0): shrink it to fit.
			size = max(c.size*(w-2*t.pad)/c.strW(ce.text), 5)
			lines = []string{ce.text}
		}
		maxN = max(maxN, len(lines))
		out = append(out, laidCell{x: x, w: w, lines: lines, c: ce, size: size})
		x += w
	}
	return out, maxN
}

// drawRowPart draws lines [from, to) of a laid-out row at c.y.
func (c *canvas) drawRowPart(t *table, cells []laidCell, from, to int, fill *rgb) float64 {
	lh := c.lineH()
	h := float64(to-from)*lh + 2*t.pad
	if c.dry {
		return h
	}
	c.draw(colRule)
	c.f.SetLineWidth(0.2)
	for _, lc := range cells {
		f := fill
		if lc.c.fill != nil {
			f = lc.c.fill
		}
		style := "D"
		if f != nil {
			c.fill(*f)
			style = "FD"
		}
		c.f.Rect(lc.x, c.y, lc.w, h, style)
		if lc.c.color != nil {
			c.color(*lc.c.color)
		} else {
			c.color(colInk)
		}
		align := lc.c.align
		if align == "" {
			align = "L"
		}
		if lc.size > 0 {
			saved := c.size
			c.setSize(lc.size)
			if from == 0 {
				c.text(lc.x+t.pad, c.y+t.pad+(lh-c.lineH())/2, lc.w-2*t.pad, lc.lines[0], align)
			}
			c.setSize(saved)
			continue
		}
		for i := from; i < to && i < len(lc.lines); i++ {
			c.text(lc.x+t.pad, c.y+t.pad+float64(i-from)*lh, lc.w-2*t.pad, lc.lines[i], align)
		}
	}
	c.color(colInk)
	return h
}

func (c *canvas) drawHeader(t *table) {
	for _, hr := range t.header {
		cells, n := c.layoutRow(t, hr)
		fill := colHead
		c.y += c.drawRowPart(t, cells, 0, n, &fill)
	}
}

func (c *canvas) headerH(t *table) float64 {
	h := 0.0
	for _, hr := range t.header {
		_, n := c.layoutRow(t, hr)
		h += float64(n)*c.lineH() + 2*t.pad
	}
	return h
}

// drawTable draws t from c.y, breaking pages as needed.
func (c *canvas) drawTable(t *table) {
	if t.pad == 0 {
		t.pad = 1.2
	}
	c.setSize(t.size)
	lh := c.lineH()
	hh := c.headerH(t)
	first := true
	for ri, row := range t.rows {
		cells, n := c.layoutRow(t, row)
		var fill *rgb
		if t.zebra && ri%2 == 1 {
			z := colZebra
			fill = &z
		}
		from := 0
		for from < n {
			room := int((c.bottom() - c.y - 2*t.pad) / lh)
			if first {
				room = int((c.bottom() - c.y - hh - 2*t.pad) / lh)
			}
			rowFitsFresh := float64(n-from)*lh+2*t.pad <= c.bottom()-contentTop-hh
			if room < 1 || (room < n-from && rowFitsFresh && from == 0) {
				c.newPage()
				c.setSize(t.size)
				first = true
				continue
			}
			if first {
				c.drawHeader(t)
				first = false
			}
			to := min(n, from+room)
			c.y += c.drawRowPart(t, cells, from, to, fill)
			from = to
		}
	}
	if first && len(t.header) > 0 {
		c.ensure(hh)
		c.drawHeader(t)
	}
}

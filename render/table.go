package render

// cell is one cell of a table row; span is how many columns it covers (0 = 1).
type cell struct {
	text  string
	span  int
	align string // L, C, R (figures: right-aligned, tabular digits, so decimal points line up)
	color *rgb
	fill  *rgb
	face  face // "" : the table's (header rows: 黑体)
	link  int  // gofpdf internal link: the whole cell is clickable
}

// table is a grid with fixed column widths (mm) and a header repeated on
// every page it runs over. Cells wrap with wrapLines; text that cannot
// wrap (a figure, a date, a long file name) is set smaller until it fits
// its cell. A row is never split across pages unless it is taller than a
// page, the header never stands at a page's foot with a single row under
// it, and the last row never stands alone on a new page.
type table struct {
	cols   []float64
	header [][]cell
	rows   [][]cell
	size   float64 // font size, pt
	face   face    // body face ("" 宋体)
	zebra  bool
	pad    float64
}

// laidCell is one cell wrapped: its x, width, lines and font size.
type laidCell struct {
	x, w  float64
	lines []string
	c     cell
	size  float64
	face  face
}

// laidRow is a row ready to draw.
type laidRow struct {
	cells []laidCell
	h     float64
	n     int // lines of the tallest cell
}

const minCellSize = 5.0

func (c *canvas) layoutRow(t *table, row []cell, header bool) laidRow {
	x, col := marginX, 0
	out := laidRow{cells: make([]laidCell, 0, len(row)), n: 1}
	lh := c.lineH()
	h := 0.0
	for _, ce := range row {
		span := max(ce.span, 1)
		w := 0.0
		for i := 0; i < span && col+i < len(t.cols); i++ {
			w += t.cols[col+i]
		}
		col += span
		fc := ce.face
		if fc == "" {
			fc = t.face
			if header {
				fc = faceHei
			}
		}
		lc := c.fitCell(ce, fc, w-2*t.pad)
		lc.x, lc.w = x, w
		ch := float64(len(lc.lines)) * lh * lc.size / t.size
		h = max(h, ch)
		out.n = max(out.n, len(lc.lines))
		out.cells = append(out.cells, lc)
		x += w
	}
	out.h = max(h, lh) + 2*t.pad
	return out
}

// fitCell wraps a cell's text into width avail; a line that is still too
// wide (a token that must not break) makes the cell's font smaller.
func (c *canvas) fitCell(ce cell, fc face, avail float64) laidCell {
	saved, savedFace := c.size, c.face
	defer func() { c.setSize(saved); c.setFace(savedFace) }()
	c.setFace(fc)
	size := saved
	var lines []string
	for range 4 {
		c.setSize(size)
		lines = c.wrapCell(ce.text, avail)
		widest := 0.0
		for _, l := range lines {
			widest = max(widest, c.strW(l))
		}
		if widest <= avail+0.01 || size <= minCellSize {
			break
		}
		size = max(size*avail/widest*0.98, minCellSize)
	}
	return laidCell{lines: lines, c: ce, size: size, face: fc}
}

// drawRow draws lines [from, to) of a laid-out row at c.y; it returns the
// height drawn.
func (c *canvas) drawRow(t *table, r laidRow, from, to int, fill *rgb) float64 {
	lh := c.lineH()
	h := r.h
	if from > 0 || to < r.n {
		h = float64(to-from)*lh + 2*t.pad
	}
	if c.dry {
		return h
	}
	c.draw(colRule)
	c.f.SetLineWidth(0.2)
	saved, savedFace := c.size, c.face
	for _, lc := range r.cells {
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
		if lc.c.link != 0 {
			c.f.Link(lc.x, c.y, lc.w, h, lc.c.link)
		}
		if lc.c.color != nil {
			c.color(*lc.c.color)
		} else {
			c.color(colInk)
		}
		align := lc.c.align
		if align == "" {
			align = "L"
		}
		c.setFace(lc.face)
		c.setSize(lc.size)
		slh := c.lineH()
		// Centre a cell with fewer lines (or a smaller size) vertically.
		top := c.y + t.pad
		if from == 0 && to == r.n {
			top += (h - 2*t.pad - float64(len(lc.lines))*slh) / 2
		}
		for i := from; i < to && i < len(lc.lines); i++ {
			c.text(lc.x+t.pad, top+float64(i-from)*slh, lc.w-2*t.pad, lc.lines[i], align)
		}
	}
	c.setFace(savedFace)
	c.setSize(saved)
	c.color(colInk)
	return h
}

func (c *canvas) drawHeader(t *table) {
	fill := colHead
	for _, hr := range t.header {
		c.y += c.drawRow(t, c.layoutRow(t, hr, true), 0, 1<<30, &fill)
	}
}

func (c *canvas) headerH(t *table) float64 {
	h := 0.0
	for _, hr := range t.header {
		h += c.layoutRow(t, hr, true).h
	}
	return h
}

// drawTable draws t from c.y, breaking pages as needed.
func (c *canvas) drawTable(t *table) {
	if t.pad == 0 {
		t.pad = 1.2
	}
	if t.face == "" {
		t.face = faceSong
	}
	savedFace := c.face
	c.setFace(t.face)
	c.setSize(t.size)
	defer c.setFace(savedFace)
	hh := c.headerH(t)
	rows := make([]laidRow, len(t.rows))
	for i, r := range t.rows {
		rows[i] = c.layoutRow(t, r, false)
	}
	pageRoom := c.bottom() - contentTop - hh
	onPage := 0 // rows drawn on this page
	c.startTable(t, hh, rows)
	for i, r := range rows {
		if c.mustBreak(rows, i, onPage, pageRoom) {
			c.newPage()
			c.setFace(t.face)
			c.setSize(t.size)
			c.drawHeader(t)
			onPage = 0
		}
		var fill *rgb
		if t.zebra && i%2 == 1 {
			z := colZebra
			fill = &z
		}
		if r.h <= c.bottom()-c.y {
			c.y += c.drawRow(t, r, 0, r.n, fill)
		} else {
			c.drawTallRow(t, r, fill)
		}
		onPage++
	}
}

// startTable puts the header where the table starts: on this page when the
// header and the first rows fit (two rows, or the only one), else on the next.
func (c *canvas) startTable(t *table, hh float64, rows []laidRow) {
	need := hh
	for i := 0; i < min(2, len(rows)); i++ {
		need += rows[i].h
	}
	if len(rows) > 0 && need > c.bottom()-c.y && need <= c.bottom()-contentTop {
		c.newPage()
		c.setFace(t.face)
		c.setSize(t.size)
	} else if len(rows) == 0 {
		c.ensure(hh)
	}
	c.drawHeader(t)
}

// mustBreak decides whether row i goes to a new page: it does not fit, or
// it is the last but one and the last would then stand alone.
func (c *canvas) mustBreak(rows []laidRow, i, onPage int, pageRoom float64) bool {
	room := c.bottom() - c.y
	h := rows[i].h
	if onPage == 0 {
		return false // just after a header: a break would not help
	}
	if h > room {
		return h <= pageRoom || room < pageRoom/3
	}
	if i == len(rows)-2 && h+rows[i+1].h > room && onPage >= 1 && h+rows[i+1].h <= pageRoom {
		return true // keep the last row with the one before it
	}
	return false
}

// drawTallRow draws a row taller than what is left of the page, line by
// line, continuing on new pages with the header repeated.
func (c *canvas) drawTallRow(t *table, r laidRow, fill *rgb) {
	from := 0
	lh := c.lineH()
	for from < r.n {
		room := int((c.bottom() - c.y - 2*t.pad) / lh)
		if room < 1 {
			c.newPage()
			c.setFace(t.face)
			c.setSize(t.size)
			c.drawHeader(t)
			continue
		}
		to := min(r.n, from+room)
		c.y += c.drawRow(t, r, from, to, fill)
		from = to
	}
}

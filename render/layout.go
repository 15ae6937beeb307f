package render

import (
	"github.com/jung-kurt/gofpdf"
)

// Page geometry in millimetres (A4).
const (
	marginX    = 18.0
	contentTop = 22.0
	footerGap  = 18.0 // from the bottom edge to the end of the content area
)

// rgb is a colour.
type rgb struct{ r, g, b int }

// The package's palette: a government document's black text, grey for
// rules and fills, and the red of the 版头 (the bureau's name and the rule
// under it on the cover) only.
var (
	colInk    = rgb{0, 0, 0}
	colMuted  = rgb{64, 64, 64}
	colAccent = rgb{0, 0, 0}
	colRule   = rgb{90, 90, 90}
	colHead   = rgb{232, 232, 232}
	colZebra  = rgb{246, 246, 246}
	colBand   = rgb{242, 242, 242}
	colRed    = rgb{200, 16, 16} // 版头红
	colChart  = rgb{80, 80, 80}
	colChart2 = rgb{150, 150, 150}
)

// canvas wraps gofpdf with our own vertical cursor and rune-width cache.
// In dry mode nothing is drawn and page breaks are only counted, so a
// layout (the contents) can be measured before it is drawn.
type canvas struct {
	f     *gofpdf.Fpdf
	y     float64
	size  float64 // font size in points
	face  face
	width map[face]map[rune]float64
	dry   bool
	pages int // pages started in dry mode
	// breakPage starts a new page; set by the builder (AddPage, or the
	// next reserved contents page).
	breakPage func()
}

func (c *canvas) pageW() float64    { w, _ := c.f.GetPageSize(); return w }
func (c *canvas) pageH() float64    { _, h := c.f.GetPageSize(); return h }
func (c *canvas) contentW() float64 { return c.pageW() - 2*marginX }
func (c *canvas) bottom() float64   { return c.pageH() - footerGap }

func (c *canvas) setSize(pt float64) {
	if pt == c.size {
		return // gofpdf writes a Tf operator for every call
	}
	c.size = pt
	c.f.SetFontSize(pt)
}

func (c *canvas) color(col rgb) { c.f.SetTextColor(col.r, col.g, col.b) }
func (c *canvas) fill(col rgb)  { c.f.SetFillColor(col.r, col.g, col.b) }
func (c *canvas) draw(col rgb)  { c.f.SetDrawColor(col.r, col.g, col.b) }

// setFace selects a typeface at the current size.
func (c *canvas) setFace(fc face) {
	if fc == "" {
		fc = faceSong
	}
	if fc == c.face {
		return
	}
	c.face = fc
	c.f.SetFont(string(fc), "", c.size)
}

// runeW is the width of r in the current face and size, from a cache at 10 pt.
func (c *canvas) runeW(r rune) float64 {
	if c.face == "" {
		c.face = faceSong
	}
	m := c.width[c.face]
	if m == nil {
		m = map[rune]float64{}
		c.width[c.face] = m
	}
	w, ok := m[r]
	if !ok {
		saved := c.size
		c.f.SetFontSize(10)
		w = c.f.GetStringWidth(string(r))
		c.f.SetFontSize(saved)
		m[r] = w
	}
	return w * c.size / 10
}

func (c *canvas) strW(s string) float64 {
	t := 0.0
	for _, r := range s {
		t += c.runeW(r)
	}
	return t
}

// lineH is the line height for the current size.
func (c *canvas) lineH() float64 { return c.size * 0.3528 * 1.45 }

func (c *canvas) wrap(s string, w float64) []string {
	return wrapLines(sanitize(s), w, c.runeW)
}

// wrapCell wraps a table cell's text: a token that must not break stays
// whole even when wider than the cell (the cell then sets it smaller).
func (c *canvas) wrapCell(s string, w float64) []string {
	return wrapKeep(sanitize(s), w, c.runeW)
}

// ensure breaks the page when h more millimetres do not fit.
func (c *canvas) ensure(h float64) bool {
	if c.y+h > c.bottom() {
		c.newPage()
		return true
	}
	return false
}

func (c *canvas) newPage() {
	if c.dry {
		c.pages++
		c.y = contentTop
		return
	}
	c.breakPage()
	c.y = contentTop
}

// text draws one line (already wrapped) at x, y.
func (c *canvas) text(x, y, w float64, s, align string) {
	if c.dry {
		return
	}
	c.f.SetXY(x, y)
	c.f.CellFormat(w, c.lineH(), sanitize(s), "", 0, align+"M", false, 0, "")
}

// para writes wrapped text across the content width, breaking pages.
func (c *canvas) para(s string, size float64, col rgb) {
	c.setSize(size)
	c.color(col)
	for _, l := range c.wrap(s, c.contentW()) {
		c.ensure(c.lineH())
		c.text(marginX, c.y, c.contentW(), l, "L")
		c.y += c.lineH()
	}
	c.color(colInk)
}

// rule draws a horizontal line across the content width.
func (c *canvas) rule(col rgb, w float64) {
	if c.dry {
		return
	}
	c.draw(col)
	c.f.SetLineWidth(w)
	c.f.Line(marginX, c.y, c.pageW()-marginX, c.y)
}

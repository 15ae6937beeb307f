package render

import (
	"strings"

	"dossier"
)

// bar is one bar of a chart.
type bar struct {
	label string
	v     float64
}

// barChart draws a horizontal bar chart with gofpdf primitives: a label
// column, bars scaled to the largest value, the value at each bar's end.
func (b *builder) barChart(title string, bars []bar, col rgb) {
	if len(bars) == 0 {
		return
	}
	c := b.canvas
	const rowH, labelW, valueW = 6.0, 58.0, 22.0
	h := float64(len(bars))*rowH + 14
	c.setSize(10.5)
	c.ensure(h)
	c.color(colInk)
	c.text(marginX, c.y, c.contentW(), title, "C")
	c.y += c.lineH() + 2
	maxV := 0.0
	for _, br := range bars {
		maxV = max(maxV, br.v)
	}
	x0 := marginX + labelW + 2
	area := c.contentW() - labelW - 2 - valueW
	if !c.dry {
		// Grid lines at quarters.
		c.draw(colRule)
		b.f.SetLineWidth(0.15)
		for q := 0; q <= 4; q++ {
			x := x0 + area*float64(q)/4
			b.f.Line(x, c.y, x, c.y+float64(len(bars))*rowH)
		}
	}
	c.setSize(8.5)
	for _, br := range bars {
		label := br.label
		if lines := c.wrap(label, labelW); len(lines) > 1 {
			label = strings.TrimSpace(lines[0]) + "…"
		}
		c.color(colInk)
		c.text(marginX, c.y, labelW, label, "R")
		w := 0.0
		if maxV > 0 {
			w = area * br.v / maxV
		}
		if !c.dry && w > 0 {
			c.fill(col)
			b.f.Rect(x0, c.y+1, w, rowH-2, "F")
		}
		c.color(colMuted)
		c.text(x0+w+1.5, c.y, valueW, trimZero(br.v), "L")
		c.y += rowH
	}
	c.color(colInk)
	c.y += 6
}

func trimZero(v float64) string {
	return dossier.Thousands(int64(v))
}

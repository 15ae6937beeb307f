package render

import (
	"fmt"
	"strconv"
)

// cover draws the title page: title, the notice it answers, when it was
// consolidated and the counts.
func (b *builder) cover() {
	b.noHeader = true
	b.addPage("P")
	b.noHeader = false
	c := b.canvas
	p := b.in.Programme
	f := b.f
	b.f.SetFont(fontFamily, "", 10)
	f.Bookmark("封面", 0, 0)

	// A band of colour at the top, as on a bureau's report cover.
	c.fill(colAccent)
	f.Rect(0, 0, c.pageW(), 12, "F")
	c.fill(colAccent2)
	f.Rect(0, 12, c.pageW(), 1.2, "F")

	c.y = 62
	c.setSize(12)
	c.color(colMuted)
	c.text(marginX, c.y, c.contentW(), p.Bureau, "C")
	c.y += 14
	size := 24.0
	for c.setSize(size); size > 18 && c.strW(sanitize(p.Title)) > c.contentW()-6; c.setSize(size) {
		size--
	}
	c.color(colAccent)
	for _, l := range c.wrap(p.Title, c.contentW()-6) {
		c.text(marginX, c.y, c.contentW(), l, "C")
		c.y += c.lineH()
	}
	c.y += 6
	c.setSize(13)
	c.color(colInk)
	c.text(marginX, c.y, c.contentW(), "依据 "+p.Notice, "C")
	c.y += 14
	f.SetLineWidth(0.6)
	c.draw(colAccent2)
	f.Line(c.pageW()/2-30, c.y, c.pageW()/2+30, c.y)
	c.y += 14

	n := countAll(b.in.Teams)
	c.setSize(11)
	rows := [][2]string{
		{"汇总时间", b.in.Generated.In(b.loc).Format("2006年1月2日 15:04")},
		{"服务团总数", strconv.Itoa(n.Teams)},
		{"材料齐全", fmt.Sprintf("%d 个服务团", n.Complete)},
		{"材料不全", fmt.Sprintf("%d 个服务团", n.Incomplete)},
		{"逾期提交", fmt.Sprintf("%d 个服务团", n.Late)},
		{"收到文件", fmt.Sprintf("%d 份", n.Docs)},
		{"已受理", fmt.Sprintf("%d 份", n.Accepted)},
		{"已退回", fmt.Sprintf("%d 份", n.Rejected)},
		{"待人工审核", fmt.Sprintf("%d 份", n.Review)},
	}
	t := &table{cols: []float64{45, 55}, size: 11, pad: 2.2}
	for i, r := range rows {
		lc := colHead
		var valCol *rgb
		if i == 0 {
			a := colAccent
			valCol = &a
		}
		t.rows = append(t.rows, []cell{{text: r[0], align: "C", fill: &lc}, {text: r[1], align: "L", color: valCol}})
	}
	// Centre the table on the page.
	left := (c.pageW() - 100) / 2
	c.drawTableAt(t, left)

	c.y = c.bottom() - 22
	c.setSize(10)
	c.color(colMuted)
	c.text(marginX, c.y, c.contentW(), "本汇总材料由系统根据各服务团提交并受理的材料自动生成，原件附后。", "C")
	c.y += 6
	c.text(marginX, c.y, c.contentW(), p.Bureau+"　"+b.in.Generated.In(b.loc).Format("2006年1月2日"), "C")
	c.color(colInk)
}

// drawTableAt draws a table whose left edge is at x instead of the margin.
func (c *canvas) drawTableAt(t *table, x float64) {
	shift := x - marginX
	if c.dry || shift == 0 {
		c.drawTable(t)
		return
	}
	// Shift by drawing within a translated frame.
	c.f.TransformBegin()
	c.f.TransformTranslateX(shift)
	c.drawTable(t)
	c.f.TransformEnd()
}

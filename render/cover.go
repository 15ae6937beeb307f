package render

import (
	"fmt"
	"strconv"
)

// cover draws the title page after a government document's 版头: the
// bureau's name in red over a red rule, the title in black, then every
// file and team accounted for, and the funds that count.
func (b *builder) cover() {
	b.noHeader = true
	b.addPage("P")
	b.noHeader = false
	c := b.canvas
	p := b.in.Programme
	f := b.f
	f.Bookmark("封面", 0, 0)

	// 版头: 发文机关标志 in red 小标宋, the red rule under it.
	c.y = 34
	c.setFace(faceTitle)
	size := 26.0
	for c.setSize(size); size > 16 && c.strW(p.Bureau) > c.contentW(); c.setSize(size) {
		size--
	}
	c.color(colRed)
	c.text(marginX, c.y, c.contentW(), p.Bureau, "C")
	c.y += c.lineH() + 5
	if !c.dry {
		c.draw(colRed)
		f.SetLineWidth(0.8)
		f.Line(marginX, c.y, c.pageW()-marginX, c.y)
	}
	c.y += 18

	// Title: black, 小标宋 (bold serif), 2号.
	c.color(colInk)
	size = 22
	for c.setSize(size); size > 16 && c.strW(sanitize(p.Title)) > c.contentW()-10; c.setSize(size) {
		size--
	}
	for _, l := range c.wrap(p.Title, c.contentW()-10) {
		c.text(marginX, c.y, c.contentW(), l, "C")
		c.y += c.lineH()
	}
	c.y += 3
	c.setFace(faceKai)
	c.setSize(15)
	c.text(marginX, c.y, c.contentW(), "（依据"+p.Notice+"）", "C")
	c.y += c.lineH() + 10

	c.setFace(faceSong)
	c.setSize(11)
	c.text(marginX, c.y, c.contentW(), "汇总时间："+b.in.Generated.In(b.loc).Format("2006年1月2日 15:04"), "C")
	c.y += c.lineH() + 4
	t := b.coverTable()
	left := (c.pageW() - 120) / 2
	c.drawTableAt(t, left)
	fl := b.view.Files
	c.y += 2
	c.setSize(9)
	for _, l := range c.wrap(fmt.Sprintf("收到文件 %d 份 = 已处理 %d 份 + 处理中 %d 份；已处理 %d 份 = 已受理 %d 份 + 待人工审核 %d 份 + 已退回 %d 份 = 各服务团文件 %d 份 + 未能识别服务团 %d 份 + 重复报送 %d 份。未能识别服务团的文件和重复报送的文件列于第四部分。",
		fl.Received, fl.Decided, fl.Pending, fl.Decided, fl.Accepted, fl.Review, fl.Rejected, fl.InTeams, fl.NoTeam, fl.Duplicates), 120) {
		c.text(left, c.y, 120, l, "L")
		c.y += c.lineH()
	}

	c.y = c.bottom() - 24
	c.setFace(faceSong)
	c.setSize(10.5)
	c.color(colInk)
	c.text(marginX, c.y, c.contentW(), "本汇总材料由系统根据各服务团报送的材料生成，原件附后。", "C")
	c.y += 7
	c.setSize(14)
	c.text(marginX, c.y, c.contentW(), p.Bureau, "C")
	c.y += 7.5
	c.text(marginX, c.y, c.contentW(), b.in.Generated.In(b.loc).Format("2006年1月2日"), "C")
}

// coverTable is the cover's figures, from the view: the teams, every file
// (and how the counts add up), and the funds that count.
func (b *builder) coverTable() *table {
	v := b.view
	fl := v.Files
	tc := v.TeamCounts()
	hc := colHead
	t := &table{cols: []float64{36, 24, 36, 24}, size: 10.5, pad: 1.5}
	sec := func(s string) {
		t.rows = append(t.rows, []cell{{text: s, span: 4, align: "C", fill: &hc, face: faceHei}})
	}
	pair := func(l1, v1, l2, v2 string) {
		t.rows = append(t.rows, []cell{{text: l1}, {text: v1, align: "R"}, {text: l2}, {text: v2, align: "R"}})
	}
	n := func(i int, unit string) string { return strconv.Itoa(i) + " " + unit }
	sec("服务团")
	pair("服务团总数", n(tc.Teams, "个"), "逾期提交", n(tc.Late, "个"))
	pair("材料齐全", n(tc.Complete, "个"), "材料不全", n(tc.Incomplete, "个"))
	sec("文件")
	pair("收到文件", n(fl.Received, "份"), "处理中", n(fl.Pending, "份"))
	pair("已处理", n(fl.Decided, "份"), "已受理", n(fl.Accepted, "份"))
	pair("待人工审核", n(fl.Review, "份"), "已退回", n(fl.Rejected, "份"))
	pair("各服务团文件", n(fl.InTeams, "份"), "已被新文件替代", n(fl.Superseded, "份"))
	pair("未能识别服务团", n(fl.NoTeam, "份"), "重复报送", n(fl.Duplicates, "份"))
	all := v.Funds.All
	sec("经费（已受理的经费决算报告，单位：元）")
	pair("到位资金合计", all.Received.String(), "实际支出合计", all.Spent.String())
	pair("结余资金合计", all.Balance.String(), "计入合计的决算", n(all.Audits, "份"))
	return t
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

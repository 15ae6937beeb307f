package render

import (
	"strconv"

	"dossier"
)

// summaryCols are the summary table's column widths on a landscape page.
var summaryCols = []float64{9, 13, 48, 38, 14, 14, 14, 14, 10, 26, 26, 24, 11}

// summaryHeader is the summary table's header.
func summaryHeader() []cell {
	h := []cell{{text: "序号"}, {text: "级别"}, {text: "服务团名称"}, {text: "依托单位"},
		{text: "调查表"}, {text: "决算"}, {text: "总结"}, {text: "影像"},
		{text: "逾期"}, {text: "到位资金（元）"}, {text: "实际支出（元）"}, {text: "结余（元）"}, {text: "问题"}}
	for i := range h {
		h[i].align = "C"
	}
	return h
}

func stateCell(s dossier.MaterialState) cell {
	col := colMuted
	switch s {
	case dossier.MaterialAccepted:
		col = colGreen
	case dossier.MaterialRejected:
		col = colRed
	case dossier.MaterialReview:
		col = colAccent2
	}
	if s == "" {
		s = dossier.MaterialMissing
	}
	return cell{text: s.Label(), align: "C", color: &col}
}

// funds are the audit's three totals, and whether there is an audit.
type funds struct {
	received, spent, balance float64
	ok                       bool
}

func fundsOf(v dossier.TeamView) funds {
	d, ok := v.Current(dossier.KindAudit)
	if !ok {
		return funds{}
	}
	r, _ := d.Fields.Money("received_total")
	s, _ := d.Fields.Money("spent_total")
	bal, ok := d.Fields.Money("balance")
	if !ok {
		bal = r - s
	}
	return funds{received: r, spent: s, balance: bal, ok: true}
}

// summaryRows are the summary table's rows, one per team, and a totals row.
func summaryRows(teams []dossier.TeamView) [][]cell {
	var rows [][]cell
	var tot funds
	findings := 0
	for i, v := range teams {
		fu := fundsOf(v)
		m := func(s string) string {
			if !fu.ok {
				return "—"
			}
			return s
		}
		late := cell{text: "否", align: "C"}
		if v.Late {
			r := colRed
			late = cell{text: "是", align: "C", color: &r}
		}
		n := len(findingsOf(v))
		findings += n
		row := []cell{{text: strconv.Itoa(i + 1), align: "C"}, {text: v.Team.Level.Label(), align: "C"},
			{text: v.Team.Name}, {text: v.Team.Unit}}
		for _, k := range dossier.Kinds {
			row = append(row, stateCell(v.Materials[k]))
		}
		row = append(row, late,
			cell{text: m(money(fu.received)), align: "R"}, cell{text: m(money(fu.spent)), align: "R"},
			cell{text: m(money(fu.balance)), align: "R"}, cell{text: strconv.Itoa(n), align: "C"})
		rows = append(rows, row)
		tot.received += fu.received
		tot.spent += fu.spent
		tot.balance += fu.balance
	}
	h := colHead
	rows = append(rows, []cell{{text: "合计", span: 9, align: "C", fill: &h},
		{text: money(tot.received), align: "R", fill: &h}, {text: money(tot.spent), align: "R", fill: &h},
		{text: money(tot.balance), align: "R", fill: &h}, {text: strconv.Itoa(findings), align: "C", fill: &h}})
	return rows
}

func (b *builder) summaryTable() {
	b.part("summary", "一、服务团材料汇总表", "L")
	c := b.canvas
	c.setSize(9.5)
	c.color(colMuted)
	c.text(marginX, c.y, c.contentW(), "材料状态：已受理、待审核、已退回、未提交；资金取自已受理（或待审核）的经费决算报告；问题为审核发现的全部问题条数。", "L")
	c.y += c.lineH() + 2
	c.color(colInk)
	t := &table{cols: summaryCols, size: 9, zebra: true, pad: 1.4, header: [][]cell{summaryHeader()}, rows: summaryRows(b.in.Teams)}
	c.drawTable(t)
}

package render

import (
	"strconv"
	"strings"

	"dossier"
	"dossier/report"
)

// summaryCols are the summary table's column widths on a landscape page.
var summaryCols = []float64{9, 11, 44, 34, 13, 13, 13, 13, 9, 25, 25, 23, 9, 20}

// summaryHeader is the summary table's header; the money columns say
// their unit, and their figures are in that unit (yuan).
func summaryHeader() []cell {
	h := []cell{{text: "序号"}, {text: "级别"}, {text: "服务团名称"}, {text: "依托单位"},
		{text: "调查表"}, {text: "决算"}, {text: "总结"}, {text: "影像"},
		{text: "逾期"}, {text: "到位资金（" + string(dossier.Yuan) + "）"}, {text: "实际支出（" + string(dossier.Yuan) + "）"},
		{text: "结余（" + string(dossier.Yuan) + "）"}, {text: "问题"}, {text: "说明"}}
	for i := range h {
		h[i].align = "C"
	}
	return h
}

func stateCell(s dossier.MaterialState) cell {
	if s == "" {
		s = dossier.MaterialMissing
	}
	return cell{text: s.Label(), align: "C"}
}

// fundsNote says why a team's funds are "—", or how they were set.
func fundsNote(f report.Funds) string {
	if !f.Received.Counts && !f.Spent.Counts && !f.Balance.Counts {
		return "决算" + f.Received.Reason + "，不计入合计"
	}
	var parts []string
	for _, a := range []struct {
		label string
		a     report.Amount
	}{{"到位", f.Received}, {"支出", f.Spent}, {"结余", f.Balance}} {
		if n := a.a.Note(); n != "" {
			parts = append(parts, a.label+n)
		}
	}
	return strings.Join(parts, "；")
}

// summaryRows are the summary table's rows, one per team, then the
// subtotals by level and the total: every figure from the view.
func summaryRows(v report.View) [][]cell {
	var rows [][]cell
	findings := [3]int{}
	for _, t := range v.Teams {
		late := "否"
		if t.Late {
			late = "是"
		}
		findings[0] += t.Findings
		findings[report.LevelIndex(t.Team.Level)] += t.Findings
		row := []cell{{text: strconv.Itoa(t.N), align: "C"}, {text: t.Team.Level.Label(), align: "C"},
			{text: t.Team.Name}, {text: t.Team.Unit}}
		for _, k := range dossier.Kinds {
			row = append(row, stateCell(t.Materials[k]))
		}
		row = append(row, cell{text: late, align: "C"},
			cell{text: t.Funds.Received.Text(), align: "R"}, cell{text: t.Funds.Spent.Text(), align: "R"},
			cell{text: t.Funds.Balance.Text(), align: "R"}, cell{text: strconv.Itoa(t.Findings), align: "C"},
			cell{text: fundsNote(t.Funds)})
		rows = append(rows, row)
	}
	h := colHead
	for i, s := range []struct {
		label string
		sum   report.FundsSum
	}{{"国家级小计", v.Funds.National}, {"市级小计", v.Funds.Municipal}, {"合计", v.Funds.All}} {
		n := []int{1, 2, 0}[i]
		rows = append(rows, []cell{{text: s.label, span: 9, align: "C", fill: &h, face: faceHei},
			{text: s.sum.Received.String(), align: "R", fill: &h}, {text: s.sum.Spent.String(), align: "R", fill: &h},
			{text: s.sum.Balance.String(), align: "R", fill: &h}, {text: strconv.Itoa(findings[n]), align: "C", fill: &h},
			{text: "计入 " + strconv.Itoa(s.sum.Audits) + " 份决算", fill: &h}})
	}
	return rows
}

func (b *builder) summaryTable() {
	b.part("summary", "一、服务团材料汇总表", "L")
	c := b.canvas
	c.para("材料状态：已受理、待审核、已退回、未提交。资金取自已受理的现行经费决算报告，单位为元；决算报告待人工审核、已退回或未提交的，资金栏显示“—”并在说明栏注明原因，不计入小计和合计。标“人工核定”的数值由工作人员核定，标“OCR识读”的数值由扫描件识读。问题为审核发现的全部问题条数。", 9.5, colInk)
	c.y += 2
	t := &table{cols: summaryCols, size: 9, zebra: true, pad: 1.4, header: [][]cell{summaryHeader()}, rows: summaryRows(b.view)}
	c.drawTable(t)
}

package render

import (
	"fmt"
	"strconv"

	"dossier"
	"dossier/report"
)

func (b *builder) statistics() {
	b.part("stats", "二、实施成效统计", "P")
	c := b.canvas
	s := b.view.Survey
	c.para(fmt.Sprintf("统计范围：已受理的现行实施成效调查表共 %d 份（国家级 %d 份，市级 %d 份）。待人工审核、被退回或已被替代的调查表不计入。",
		s.Surveys[0], s.Surveys[1], s.Surveys[2]), 10, colInk)
	c.y += 2

	key := []struct{ k, label string }{
		{"experts_total", "参与专家总人数（人）"}, {"expert_attendances", "专家服务总人次"},
		{"activities_total", "服务活动总场次"}, {"beneficiaries", "惠及基层群众（人）"},
	}
	b.heading("（一）主要指标", 30)
	var kt [][]cell
	for _, k := range key {
		a := s.Sums[k.k]
		kt = append(kt, []cell{{text: k.label}, {text: dossier.Thousands(a[0]), align: "R"}, {text: dossier.Thousands(a[1]), align: "R"}, {text: dossier.Thousands(a[2]), align: "R"}})
	}
	hdr := [][]cell{{{text: "指标", align: "C"}, {text: "合计", align: "C"}, {text: "国家级", align: "C"}, {text: "市级", align: "C"}}}
	c.drawTable(&table{cols: []float64{74, 34, 33, 33}, size: 10.5, pad: 1.8, header: hdr, rows: kt})
	c.y += 4

	b.heading("（二）各服务领域分布", 60)
	var ft [][]cell
	var bars, benef []bar
	for _, n := range s.FieldOrder {
		fs := s.ByField[n]
		ft = append(ft, []cell{{text: n}, {text: strconv.Itoa(fs.Teams), align: "R"}, {text: dossier.Thousands(fs.Experts), align: "R"},
			{text: dossier.Thousands(fs.Activities), align: "R"}, {text: dossier.Thousands(fs.Beneficiaries), align: "R"}})
		bars = append(bars, bar{n, float64(fs.Teams)})
		benef = append(benef, bar{n, float64(fs.Beneficiaries)})
	}
	fh := [][]cell{{{text: "服务领域", align: "C"}, {text: "服务团数（个）", align: "C"}, {text: "专家人数（人）", align: "C"}, {text: "活动场次（场）", align: "C"}, {text: "惠及群众（人）", align: "C"}}}
	c.drawTable(&table{cols: []float64{46, 32, 32, 30, 34}, size: 10, pad: 1.4, zebra: true, header: fh, rows: ft})
	c.para("注：一个服务团可选择多个服务领域，各领域合计可能大于服务团总数。", 9, colInk)
	c.y += 3
	b.barChart("图1　各服务领域服务团数量（个）", bars, colChart)
	b.barChart("图2　各服务领域惠及基层群众人数（人）", benef, colChart2)

	var perTeam []bar
	for _, tf := range s.PerTeam {
		perTeam = append(perTeam, bar{tf.Team.ID + " " + tf.Team.Name, float64(tf.N)})
	}
	title := "图3　各服务团惠及基层群众人数（人）"
	if len(perTeam) > 20 {
		perTeam = perTeam[:20]
		title = "图3　惠及基层群众人数最多的 20 个服务团（人）"
	}
	b.barChart(title, perTeam, colChart)

	b.heading("（三）全部计数指标（按级别）", 30)
	var at [][]cell
	for _, f := range report.IntSurveyFields() {
		a := s.Sums[f.Key]
		at = append(at, []cell{{text: f.Section[:len("一、")] + " " + f.Label}, {text: dossier.Thousands(a[0]), align: "R"}, {text: dossier.Thousands(a[1]), align: "R"}, {text: dossier.Thousands(a[2]), align: "R"}})
	}
	c.drawTable(&table{cols: []float64{86, 30, 29, 29}, size: 9.5, pad: 1.2, zebra: true, header: hdr, rows: at})
	c.y += 4

	b.heading("（四）调查表所填投入资金（元）", 24)
	var mt [][]cell
	for _, f := range report.MoneySurveyFields() {
		a := s.Money[f.Key]
		mt = append(mt, []cell{{text: f.Label + "（元）"}, {text: a[0].String(), align: "R"}, {text: a[1].String(), align: "R"}, {text: a[2].String(), align: "R"}})
	}
	c.drawTable(&table{cols: []float64{74, 34, 33, 33}, size: 10, pad: 1.6, header: hdr, rows: mt})
	c.para("注：调查表按“万元”填写，此处折算为元。", 9, colInk)
}

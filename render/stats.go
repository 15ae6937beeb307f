package render

import (
	"fmt"
	"sort"
	"strconv"

	"dossier"
)

// stats are the sums over the accepted current surveys.
type stats struct {
	surveys  [3]int              // all, national, municipal
	sums     map[string][3]int64 // key → all, national, municipal
	byField  map[string]*fieldStat
	fieldOrd []string
}

type fieldStat struct {
	teams                              int
	experts, activities, beneficiaries int64
}

func levelIndex(l dossier.Level) int {
	if l == dossier.LevelNational {
		return 1
	}
	return 2
}

func computeStats(teams []dossier.TeamView) stats {
	s := stats{sums: map[string][3]int64{}, byField: map[string]*fieldStat{}}
	intKeys := intSurveyFields()
	for _, v := range teams {
		fs, ok := survey(v)
		if !ok {
			continue
		}
		li := levelIndex(v.Team.Level)
		s.surveys[0]++
		s.surveys[li]++
		for _, f := range intKeys {
			n, _ := fs.Int(f.Key)
			a := s.sums[f.Key]
			a[0] += n
			a[li] += n
			s.sums[f.Key] = a
		}
		names := fs.List("service_fields")
		if o := fs.Text("service_fields_other"); o != "" {
			names = append(names, "其他")
		}
		for _, name := range names {
			fst := s.byField[name]
			if fst == nil {
				fst = &fieldStat{}
				s.byField[name] = fst
			}
			fst.teams++
			n, _ := fs.Int("experts_total")
			fst.experts += n
			n, _ = fs.Int("activities_total")
			fst.activities += n
			n, _ = fs.Int("beneficiaries")
			fst.beneficiaries += n
		}
	}
	for _, n := range append(append([]string{}, dossier.ServiceFieldNames...), "其他") {
		if s.byField[n] != nil {
			s.fieldOrd = append(s.fieldOrd, n)
		}
	}
	var extra []string
	for n := range s.byField {
		if !contains(s.fieldOrd, n) {
			extra = append(extra, n)
		}
	}
	sort.Strings(extra)
	s.fieldOrd = append(s.fieldOrd, extra...)
	return s
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

func intSurveyFields() []dossier.Field {
	var out []dossier.Field
	for _, f := range dossier.Catalogue {
		if f.Kind == dossier.KindSurvey && f.Type == dossier.TypeInt {
			out = append(out, f)
		}
	}
	return out
}

func (b *builder) statistics() {
	b.part("stats", "二、实施成效统计", "P")
	c := b.canvas
	s := computeStats(b.in.Teams)
	c.para(fmt.Sprintf("统计范围：已受理的现行实施成效调查表共 %d 份（国家级 %d 份，市级 %d 份）。被退回或已被替代的调查表不计入。",
		s.surveys[0], s.surveys[1], s.surveys[2]), 10, colMuted)
	c.y += 2

	key := []struct{ k, label string }{
		{"experts_total", "参与专家总人数"}, {"expert_attendances", "专家服务总人次"},
		{"activities_total", "服务活动总场次"}, {"beneficiaries", "惠及基层群众（人）"},
	}
	b.heading("（一）主要指标", 30)
	var kt [][]cell
	for _, k := range key {
		a := s.sums[k.k]
		kt = append(kt, []cell{{text: k.label}, {text: thousands(a[0]), align: "R"}, {text: thousands(a[1]), align: "R"}, {text: thousands(a[2]), align: "R"}})
	}
	hdr := [][]cell{{{text: "指标", align: "C"}, {text: "合计", align: "C"}, {text: "国家级", align: "C"}, {text: "市级", align: "C"}}}
	c.drawTable(&table{cols: []float64{74, 34, 33, 33}, size: 10.5, pad: 1.8, header: hdr, rows: kt})
	c.y += 4

	b.heading("（二）各服务领域分布", 60)
	var ft [][]cell
	var bars, benef []bar
	for _, n := range s.fieldOrd {
		fs := s.byField[n]
		ft = append(ft, []cell{{text: n}, {text: strconv.Itoa(fs.teams), align: "R"}, {text: thousands(fs.experts), align: "R"},
			{text: thousands(fs.activities), align: "R"}, {text: thousands(fs.beneficiaries), align: "R"}})
		bars = append(bars, bar{n, float64(fs.teams)})
		benef = append(benef, bar{n, float64(fs.beneficiaries)})
	}
	fh := [][]cell{{{text: "服务领域", align: "C"}, {text: "服务团数", align: "C"}, {text: "专家人数", align: "C"}, {text: "活动场次", align: "C"}, {text: "惠及群众（人）", align: "C"}}}
	c.drawTable(&table{cols: []float64{50, 28, 30, 30, 36}, size: 10, pad: 1.4, zebra: true, header: fh, rows: ft})
	c.para("注：一个服务团可选择多个服务领域，各领域合计可能大于服务团总数。", 8.5, colMuted)
	c.y += 3
	b.barChart("图1　各服务领域服务团数量（个）", bars, colAccent)
	b.barChart("图2　各服务领域惠及基层群众人数（人）", benef, colAccent2)

	var perTeam []bar
	for _, v := range b.in.Teams {
		if fs, ok := survey(v); ok {
			n, _ := fs.Int("beneficiaries")
			perTeam = append(perTeam, bar{v.Team.ID + " " + v.Team.Name, float64(n)})
		}
	}
	sort.SliceStable(perTeam, func(i, j int) bool { return perTeam[i].v > perTeam[j].v })
	title := "图3　各服务团惠及基层群众人数（人）"
	if len(perTeam) > 20 {
		perTeam = perTeam[:20]
		title = "图3　惠及基层群众人数最多的 20 个服务团（人）"
	}
	b.barChart(title, perTeam, colAccent)

	b.heading("（三）全部计数指标（按级别）", 30)
	var at [][]cell
	for _, f := range intSurveyFields() {
		a := s.sums[f.Key]
		at = append(at, []cell{{text: f.Section[:len("一、")] + " " + f.Label}, {text: thousands(a[0]), align: "R"}, {text: thousands(a[1]), align: "R"}, {text: thousands(a[2]), align: "R"}})
	}
	c.drawTable(&table{cols: []float64{86, 30, 29, 29}, size: 9.5, pad: 1.2, zebra: true, header: hdr, rows: at})
}

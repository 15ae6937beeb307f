package report

import (
	"sort"

	"dossier"
)

// SurveyStats are the sums over the accepted current surveys; index 0 is
// all teams, 1 national, 2 municipal.
type SurveyStats struct {
	Surveys    [3]int
	Sums       map[string][3]int64 // count field key → sums
	Money      map[string][3]dossier.Money
	ByField    map[string]*FieldStat // 服务领域 → its teams' figures
	FieldOrder []string              // 服务领域 in form order, then others
	PerTeam    []TeamFigure          // beneficiaries per team, largest first
}

// FieldStat is one 服务领域's teams and their figures.
type FieldStat struct {
	Teams                              int
	Experts, Activities, Beneficiaries int64
}

// TeamFigure is one team's figure for a chart.
type TeamFigure struct {
	Team dossier.Team
	N    int64
}

// LevelIndex is 1 for national teams, 2 for municipal ones.
func LevelIndex(l dossier.Level) int {
	if l == dossier.LevelNational {
		return 1
	}
	return 2
}

// IntSurveyFields are the survey's count fields, in form order.
func IntSurveyFields() []dossier.Field {
	var out []dossier.Field
	for _, f := range dossier.Catalogue {
		if f.Kind == dossier.KindSurvey && f.Type == dossier.TypeInt {
			out = append(out, f)
		}
	}
	return out
}

// MoneySurveyFields are the survey's money fields.
func MoneySurveyFields() []dossier.Field {
	var out []dossier.Field
	for _, f := range dossier.Catalogue {
		if f.Kind == dossier.KindSurvey && f.Type == dossier.TypeMoney {
			out = append(out, f)
		}
	}
	return out
}

func surveyStats(teams []dossier.TeamView) SurveyStats {
	s := SurveyStats{Sums: map[string][3]int64{}, Money: map[string][3]dossier.Money{}, ByField: map[string]*FieldStat{}}
	for _, v := range teams {
		d, ok := v.Current(dossier.KindSurvey)
		if !ok || d.Verdict != dossier.VerdictAccepted {
			continue
		}
		fs := d.Fields
		li := LevelIndex(v.Team.Level)
		s.Surveys[0]++
		s.Surveys[li]++
		for _, f := range IntSurveyFields() {
			n, _ := fs.Int(f.Key)
			a := s.Sums[f.Key]
			a[0] += n
			a[li] += n
			s.Sums[f.Key] = a
		}
		for _, f := range MoneySurveyFields() {
			m, _ := dossier.MoneyOf(fs, f.Key)
			a := s.Money[f.Key]
			a[0] += m
			a[li] += m
			s.Money[f.Key] = a
		}
		s.addFields(fs)
		n, _ := fs.Int("beneficiaries")
		s.PerTeam = append(s.PerTeam, TeamFigure{Team: v.Team, N: n})
	}
	sort.SliceStable(s.PerTeam, func(i, j int) bool { return s.PerTeam[i].N > s.PerTeam[j].N })
	s.order()
	return s
}

func (s *SurveyStats) addFields(fs dossier.Fields) {
	names := fs.List("service_fields")
	if fs.Text("service_fields_other") != "" {
		names = append(names, "其他")
	}
	for _, name := range names {
		fst := s.ByField[name]
		if fst == nil {
			fst = &FieldStat{}
			s.ByField[name] = fst
		}
		fst.Teams++
		n, _ := fs.Int("experts_total")
		fst.Experts += n
		n, _ = fs.Int("activities_total")
		fst.Activities += n
		n, _ = fs.Int("beneficiaries")
		fst.Beneficiaries += n
	}
}

func (s *SurveyStats) order() {
	seen := map[string]bool{}
	for _, n := range append(append([]string{}, dossier.ServiceFieldNames...), "其他") {
		if s.ByField[n] != nil && !seen[n] {
			s.FieldOrder = append(s.FieldOrder, n)
			seen[n] = true
		}
	}
	var extra []string
	for n := range s.ByField {
		if !seen[n] {
			extra = append(extra, n)
		}
	}
	sort.Strings(extra)
	s.FieldOrder = append(s.FieldOrder, extra...)
}

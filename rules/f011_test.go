package rules

import (
	"testing"

	"dossier"
)

func TestF011(t *testing.T) {
	reg := dossier.Registry{Teams: []dossier.Team{
		{ID: "M11", Name: "草莓设施高效生产专家服务团", Unit: "上海市农业科学院"},
		{ID: "M12", Name: "上海市数据智能应用基层普及项目", Unit: "上海市大数据中心"},
		{ID: "M8", Name: "上海特色鱼产业技术服务团", Unit: "上海市水产研究所"},
		{ID: "M9", Name: "另一个水产团", Unit: "上海市水产研究所"},
	}}
	m11, _ := reg.ByID("M11")
	tests := []struct {
		name   string
		fields dossier.Fields
		want   bool
	}{
		{"same team", dossier.Fields{"team_name": "草莓设施高效生产专家服务团"}, false},
		{"same team, loosely written", dossier.Fields{"team_name": "草莓设施高效生产 专家服务团（2026）"}, false},
		{"another team by name", dossier.Fields{"team_name": "上海市数据智能应用基层普及项目"}, true},
		{"another team by unit", dossier.Fields{"unit": "上海市大数据中心"}, true},
		{"unit of two teams says nothing", dossier.Fields{"unit": "上海市水产研究所"}, false},
		{"another name mentioning ours", dossier.Fields{"team_name": "上海市数据智能应用基层普及项目（上海市农业科学院）"}, false},
		{"no team in content", dossier.Fields{"team_name": "某某服务团"}, false},
		{"blank", dossier.Fields{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, got := F011(reg, dossier.Document{Name: "调查表.xlsx", Fields: tt.fields}, m11)
			if got != tt.want {
				t.Fatalf("F011 = %v (%+v), want %v", got, f, tt.want)
			}
			if got && (f.Severity != dossier.SeverityWarning || f.Rule != "F011" || dossier.VerdictOf([]dossier.Finding{f}) != dossier.VerdictReview) {
				t.Fatalf("finding %+v", f)
			}
		})
	}
}

package process

import (
	"testing"

	"dossier"
	"dossier/extract"
)

func TestConfirmByRegistry(t *testing.T) {
	reg := dossier.Registry{Teams: []dossier.Team{
		{ID: "M11", Name: "草莓设施高效生产专家服务团", Unit: "上海市农业科学院"},
		{ID: "M12", Name: "草莓设施高效栽培专家服务团", Unit: "上海市农业技术推广中心"},
		{ID: "N2", Name: "颈动脉相关脑卒中筛查与防治专家服务基层示范团", Unit: "海军军医大学第二附属医院"},
		{ID: "M9", Name: "莘泽智星港科创专家服务示范团", Unit: "上海莘泽创业投资管理股份有限公司"},
	}}
	team := func(id string) dossier.Team { t, _ := reg.ByID(id); return t }
	tests := []struct {
		name     string
		team     dossier.Team
		key, got string
		conf     float64
		want     string
		wantConf float64
	}{
		{"the registry's name, doubtful characters", team("N2"), "team_name", "颈动脉相关脑卒中筛查与防治专家服务基层示范团", 0.68, "颈动脉相关脑卒中筛查与防治专家服务基层示范团", 0.80},
		{"one character misread of fourteen", team("M9"), "team_name", "莘译智星港科创专家服务示范团", 0.71, "莘泽智星港科创专家服务示范团", 0.80},
		{"the unit, doubtful", team("M9"), "unit", "上海莘泽创业投资管理股份有限公司", 0.67, "上海莘泽创业投资管理股份有限公司", 0.80},
		{"as close to another team: not confirmed", team("M11"), "team_name", "草莓设施高效生培专家服务团", 0.75, "草莓设施高效生培专家服务团", 0.75},
		{"another team's name: not this team's", team("M11"), "team_name", "草莓设施高效栽培专家服务团", 0.75, "草莓设施高效栽培专家服务团", 0.75},
		{"two characters off in thirteen", team("M11"), "team_name", "草侮设施高效生产专家服务国", 0.75, "草侮设施高效生产专家服务国", 0.75},
		{"no team known", dossier.Team{}, "team_name", "草莓设施高效生产专家服务团", 0.50, "草莓设施高效生产专家服务团", 0.50},
		{"sure already: kept as read", team("M11"), "team_name", "草侮设施高效生产专家服务团", 0.90, "草侮设施高效生产专家服务团", 0.90},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := dossier.Document{Fields: dossier.Fields{tt.key: tt.got}, Confidence: map[string]float64{tt.key: tt.conf}}
			res := extract.Result{OCR: &extract.ScanRead{Pages: []int{1}, MinConfidence: 0.80}}
			confirmByRegistry(&d, tt.team, reg, res)
			if d.Fields.Text(tt.key) != tt.want || d.Confidence[tt.key] != tt.wantConf {
				t.Errorf("got %q at %v, want %q at %v", d.Fields.Text(tt.key), d.Confidence[tt.key], tt.want, tt.wantConf)
			}
		})
	}
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"草莓", "草侮", 1}, {"草莓设施", "草设施", 1}, {"abc", "abcd", 1}, {"kitten", "sitting", 3},
	}
	for _, tt := range tests {
		t.Run(tt.a+"/"+tt.b, func(t *testing.T) {
			if got := editDistance([]rune(tt.a), []rune(tt.b)); got != tt.want {
				t.Errorf("editDistance = %d, want %d", got, tt.want)
			}
		})
	}
}

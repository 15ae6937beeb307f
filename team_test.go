package dossier

import (
	"testing"
	"time"
)

func testRegistry() Registry {
	return Registry{Teams: []Team{
		{ID: "N1", Level: LevelNational, Name: "国家重大慢病全生命周期健康管理专家服务团", Unit: "上海交通大学医学院附属瑞金医院"},
		{ID: "M1", Level: LevelMunicipal, Name: "乳制品风味提升与品质控制专家服务团", Unit: "上海应用技术大学"},
		{ID: "M8", Level: LevelMunicipal, Name: "上海特色鱼产业技术服务团", Unit: "上海市水产研究所(上海市水产技术推广站)"},
		{ID: "M11", Level: LevelMunicipal, Name: "草莓设施高效生产专家服务团", Unit: "上海市农业科学院"},
		{ID: "M15", Level: LevelMunicipal, Name: "AIGC 生命记忆创作", Unit: "上海南湖职业技术学院"},
		{ID: "X1", Level: LevelMunicipal, Name: "甲服务团", Unit: "共用单位"},
		{ID: "X2", Level: LevelMunicipal, Name: "乙服务团", Unit: "共用单位"},
	}}
}

func TestIdentify(t *testing.T) {
	reg := testRegistry()
	tests := []struct {
		clue string
		want string
		m    Match
	}{
		{"M11", "M11", Matched},
		{"m11", "M11", Matched},
		{"Ｍ１１", "M11", Matched}, // full-width
		{"M11调查表", "M11", Matched},
		{"M1-审计报告", "M1", Matched},
		{"专题讲座现场-M11-img1", "M11", Matched},
		{"AM11", "", NoMatch}, // not a token
		{"M111", "", NoMatch}, // M11 inside M111 is not M11
		{"IMG1", "", NoMatch},
		{"草莓设施高效生产专家服务团", "M11", Matched},
		{"草莓设施高效生产专家服务团 材料", "M11", Matched},
		{"上海市农业科学院", "M11", Matched},            // a unit with one team
		{"上海市水产研究所（上海市水产技术推广站）", "M8", Matched}, // full-width brackets
		{"上海市水产研究所 (上海市水产技术推广站)", "M8", Matched},
		{"AIGC生命记忆创作", "M15", Matched}, // spaces ignored
		{"共用单位", "", NoMatch},          // a unit with two teams names neither
		{"M1 与 M11 联合", "", Ambiguous},
		{"", "", NoMatch},
		{"说明", "", NoMatch},
	}
	for _, tt := range tests {
		t.Run(tt.clue, func(t *testing.T) {
			got, m := reg.Identify(tt.clue)
			if m != tt.m || got.ID != tt.want {
				t.Fatalf("Identify(%q) = %q, %v; want %q, %v", tt.clue, got.ID, m, tt.want, tt.m)
			}
		})
	}
}

func TestVerdictOf(t *testing.T) {
	tests := []struct {
		name string
		fs   []Finding
		want Verdict
	}{
		{"none", nil, VerdictAccepted},
		{"warning", []Finding{{Rule: "S008", Severity: SeverityWarning}}, VerdictAccepted},
		{"info", []Finding{{Rule: "F008", Severity: SeverityInfo}}, VerdictAccepted},
		{"scan", []Finding{{Rule: "F009", Severity: SeverityWarning}}, VerdictReview},
		{"scan and error", []Finding{{Rule: "F009", Severity: SeverityWarning}, {Rule: "D002", Severity: SeverityError}}, VerdictRejected},
		{"error", []Finding{{Rule: "S001", Severity: SeverityError}}, VerdictRejected},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := VerdictOf(tt.fs); got != tt.want {
				t.Fatalf("VerdictOf = %s, want %s", got, tt.want)
			}
		})
	}
}

func TestDeadlineEndsAtMidnightShanghai(t *testing.T) {
	p := DefaultProgramme()
	loc := p.Location()
	end := p.SubmitDeadline.End(loc)
	if want := time.Date(2026, 11, 21, 0, 0, 0, 0, loc); !end.Equal(want) {
		t.Fatalf("End = %v, want %v", end, want)
	}
	if _, off := end.Zone(); off != 8*3600 {
		t.Fatalf("zone offset %d, want +08:00", off)
	}
	if got := p.SubmitDeadline.Chinese(); got != "2026年11月20日" {
		t.Fatalf("Chinese = %q", got)
	}
	if min, city := p.Grant(LevelNational); min != 100000 || city != 100000 {
		t.Fatalf("national grant %v %v", min, city)
	}
	if min, city := p.Grant(LevelMunicipal); min != 0 || city != 100000 {
		t.Fatalf("municipal grant %v %v", min, city)
	}
}

func TestFieldsAccessorsTellBlankFromZero(t *testing.T) {
	f := Fields{"experts_total": int64(0), "beneficiaries": nil, "funds_matching": 100000.0, "key_counties": false, "team_name": ""}
	if !f.Filled("experts_total") || f.Filled("beneficiaries") || f.Filled("absent") || f.Filled("team_name") {
		t.Fatal("Filled does not tell 0 from blank")
	}
	if v, ok := f.Int("experts_total"); !ok || v != 0 {
		t.Fatal("Int of 0")
	}
	if _, ok := f.Int("beneficiaries"); ok {
		t.Fatal("Int of blank reads as a number")
	}
	if v, ok := f.Money("funds_matching"); !ok || v != 100000 {
		t.Fatal("Money")
	}
	if v, ok := f.Bool("key_counties"); !ok || v {
		t.Fatal("Bool false must be answered")
	}
}

func TestCatalogueCoversEveryKind(t *testing.T) {
	seen := map[string]bool{}
	for _, f := range Catalogue {
		if seen[f.Key] {
			t.Errorf("key %s twice", f.Key)
		}
		seen[f.Key] = true
		if f.Label == "" {
			t.Errorf("key %s has no label", f.Key)
		}
	}
	for _, k := range []string{"experts_total", "funds_mohrss", "auditor", "balance", "photo_count", "publicity_items"} {
		if !seen[k] {
			t.Errorf("catalogue lacks %s", k)
		}
	}
	if len(FieldsOf(KindSurvey)) < 70 || len(FieldsOf(KindAudit)) < 20 {
		t.Errorf("FieldsOf: survey %d audit %d", len(FieldsOf(KindSurvey)), len(FieldsOf(KindAudit)))
	}
}

// A document that names another team than its folder (F011) stands for
// the folder's team only when nothing else does.
func TestCurrentSkipsTeamInDoubt(t *testing.T) {
	own := Document{Name: "own.xlsx", Kind: KindSurvey, Verdict: VerdictAccepted}
	stray := Document{Name: "stray.xlsx", Kind: KindSurvey, Verdict: VerdictReview,
		Findings: []Finding{{Rule: "F011", Severity: SeverityWarning}}}
	tests := []struct {
		name string
		docs []Document
		want string
	}{
		{"own survey stays current", []Document{own, stray}, "own.xlsx"},
		{"alone, the stray one counts as sent", []Document{stray}, "stray.xlsx"},
		{"decided by a clerk, it is current", []Document{own, func() Document { d := stray; d.DecidedBy = &Decision{User: "wang"}; return d }()}, "stray.xlsx"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := TeamView{Documents: tt.docs}.Current(KindSurvey)
			if !ok || got.Name != tt.want {
				t.Fatalf("Current = %q, %v; want %q", got.Name, ok, tt.want)
			}
		})
	}
}

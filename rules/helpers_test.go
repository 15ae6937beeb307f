package rules

import (
	"time"

	"dossier"
)

var (
	prog      = dossier.DefaultProgramme()
	national  = dossier.Team{ID: "N1", Level: dossier.LevelNational, Name: "国家重大慢病全生命周期健康管理专家服务团"}
	municipal = dossier.Team{ID: "M11", Level: dossier.LevelMunicipal, Name: "草莓设施高效生产专家服务团"}
	cst       = time.FixedZone("CST", 8*3600)
	now       = time.Date(2026, 11, 21, 9, 0, 0, 0, cst)
)

// validSurvey is a municipal team's survey that breaks no rule.
func validSurvey() dossier.Fields {
	return dossier.Fields{
		"team_name": "草莓设施高效生产专家服务团", "unit": "上海市农业科学院",
		"service_mode": "batches", "batch_count": int64(6), "batch_days_total": int64(24),
		"service_fields": []string{"农业", "渔业"},
		"region_cities":  int64(2), "region_counties": int64(4), "region_units": int64(17),
		"key_counties": true, "key_counties_national": int64(1), "key_counties_national_names": []string{"会泽县"},
		"key_counties_provincial": int64(2), "key_counties_provincial_names": []string{"大理州云龙县、临沧市凤庆县"},
		"activities_total": int64(27), "projects_matched": int64(2),
		"experts_total": int64(27), "expert_attendances": int64(80), "senior_full": int64(6), "senior_deputy": int64(18),
		"source_local": int64(21), "source_other_province": int64(5), "source_hmt": int64(1), "source_foreign": int64(0),
		"guidance_onsite": int64(8), "guidance_remote": int64(3), "symposiums": int64(4), "lectures": int64(5),
		"training_onsite": int64(3), "training_remote": int64(1), "free_clinics": int64(0),
		"trained_professionals": int64(146), "trained_public": int64(251),
		"clinic_consultations": int64(0), "clinic_examinations": int64(0), "clinic_treatments": int64(0),
		"beneficiaries": int64(19441), "organized_by_hrss": true, "needs_matched": true,
		"funds_mohrss": float64(0), "funds_matching": float64(100000), "funds_matching_source": "上海市人力资源和社会保障局",
		"support_measures": true, "support_measures_desc": "依托单位提供交通、食宿保障",
		"publicity": true, "publicity_items": []dossier.PublicityItem{{Media: "文汇报", Date: "2026-06-14", Title: "草莓专家服务团深入基层"}},
	}
}

// validAudit is a municipal team's audit report that breaks no rule.
func validAudit() dossier.Fields {
	return dossier.Fields{
		"auditor": "上海信诚会计师事务所（特殊普通合伙）", "opinion": "unqualified",
		"received_mohrss": float64(0), "received_municipal": float64(100000), "received_total": float64(100000),
		"spent_expert_fees": 33234.37, "spent_travel": 6157.57, "spent_meetings": 13513.88, "spent_training": 16450.70,
		"spent_materials": 13841.57, "spent_other": 13915.17, "spent_total": 97113.26, "balance": 2886.74,
		"balance_explanation": "部分活动改为线上开展，差旅费结余", "balance_refunded": true,
		"service_start": "2026-07-21", "service_end": "2026-10-01",
	}
}

func nationalize(f dossier.Fields) {
	f["received_mohrss"] = float64(100000)
	f["received_total"] = float64(200000)
	f["spent_other"] = 113915.17
	f["spent_total"] = 197113.26
}

// run applies one rule to a document built from fields.
func run(r rule, f dossier.Fields, team dossier.Team, mut func(*dossier.Document)) []dossier.Finding {
	d := dossier.Document{Name: "调查表.xlsx", Fields: f, Received: time.Date(2026, 11, 12, 10, 0, 0, 0, cst)}
	if mut != nil {
		mut(&d)
	}
	return r(input{d: d, f: d.Fields, team: team, p: prog, now: now})
}

func has(fs []dossier.Finding, rule string) bool {
	for _, f := range fs {
		if f.Rule == rule {
			return true
		}
	}
	return false
}

// ruleCase is one row of a rule's table: change a valid document, say
// whether the rule must fire.
type ruleCase struct {
	name string
	team dossier.Team
	set  map[string]any // fields to set; a value of del removes the key
	mut  func(*dossier.Document)
	want bool
}

type deleted struct{}

var del = deleted{}

func (c ruleCase) fields(base func() dossier.Fields) dossier.Fields {
	f := base()
	if c.team.Level == dossier.LevelNational && f["auditor"] != nil {
		nationalize(f)
	}
	if c.team.Level == dossier.LevelNational && f["experts_total"] != nil {
		f["funds_mohrss"] = float64(100000)
	}
	for k, v := range c.set {
		if v == del {
			delete(f, k)
			continue
		}
		f[k] = v
	}
	return f
}

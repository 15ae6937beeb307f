package rules

import (
	"strings"
	"testing"

	"dossier"
)

func runTable(t *testing.T, id string, r rule, base func() dossier.Fields, cases []ruleCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			team := c.team
			if team.ID == "" {
				team = municipal
			}
			c.team = team
			got := run(r, c.fields(base), team, c.mut)
			if has(got, id) != c.want {
				t.Fatalf("%s fired = %v, want %v: %+v", id, has(got, id), c.want, got)
			}
			for _, f := range got {
				if f.Rule != id || f.Severity != SeverityOf(id) || f.Message == "" {
					t.Errorf("bad finding %+v", f)
				}
				t.Log(f.Message)
			}
		})
	}
}

func TestS001(t *testing.T) {
	runTable(t, "S001", s001, validSurvey, []ruleCase{
		{name: "complete", want: false},
		{name: "team name missing", set: map[string]any{"team_name": del}, want: true},
		{name: "blank experts total", set: map[string]any{"experts_total": nil}, want: true},
		{name: "zero is filled", set: map[string]any{"source_foreign": int64(0)}, want: false},
		{name: "no service field", set: map[string]any{"service_fields": []string{}}, want: true},
		{name: "only other service field", set: map[string]any{"service_fields": []string{}, "service_fields_other": "养老"}, want: false},
		{name: "batches without days", set: map[string]any{"batch_days_total": nil}, want: true},
		{name: "once without days", set: map[string]any{"service_mode": "once", "service_days": nil}, want: true},
		{name: "once ignores batch counts", set: map[string]any{"service_mode": "once", "service_days": int64(3), "batch_count": del, "batch_days_total": del}, want: false},
		{name: "publicity unanswered", set: map[string]any{"publicity": nil}, want: true},
		{name: "funds matching missing", set: map[string]any{"funds_matching": del}, want: true},
		{name: "funds mohrss blank is fine", set: map[string]any{"funds_mohrss": nil}, want: false},
		{name: "unreadable count is S010's", set: map[string]any{"beneficiaries": del}, mut: func(d *dossier.Document) {
			d.Invalid = map[string]string{"beneficiaries": "很多"}
		}, want: false},
		{name: "unreadable yes/no", set: map[string]any{"needs_matched": del}, mut: func(d *dossier.Document) {
			d.Invalid = map[string]string{"needs_matched": "部分"}
		}, want: true},
		{name: "form left blank altogether", set: map[string]any{"service_mode": del, "service_days": del, "batch_count": del, "batch_days_total": del}, want: true},
		{name: "mode not ticked, days filled, is S002's", set: map[string]any{"service_mode": del}, want: false},
		{name: "mode ticked twice is S002's", set: map[string]any{"service_mode": del}, mut: func(d *dossier.Document) {
			d.Invalid = map[string]string{"service_mode": "一次服务、分批次服务（均已勾选）"}
		}, want: false},
	})
}

func TestS002(t *testing.T) {
	runTable(t, "S002", s002, validSurvey, []ruleCase{
		{name: "batches fine", want: false},
		{name: "once fine", set: map[string]any{"service_mode": "once", "service_days": int64(3)}, want: false},
		{name: "neither form", set: map[string]any{"service_mode": del}, want: true},
		{name: "both forms ticked", set: map[string]any{"service_mode": nil}, mut: func(d *dossier.Document) {
			d.Invalid = map[string]string{"service_mode": "①一次服务 ②分批次服务 均勾选"}
		}, want: true},
		{name: "once zero days", set: map[string]any{"service_mode": "once", "service_days": int64(0)}, want: true},
		{name: "once blank days is S001's", set: map[string]any{"service_mode": "once", "service_days": nil}, want: false},
		{name: "one batch", set: map[string]any{"batch_count": int64(1), "batch_days_total": int64(3)}, want: true},
		{name: "fewer days than batches", set: map[string]any{"batch_count": int64(4), "batch_days_total": int64(3)}, want: true},
		{name: "days equal batches", set: map[string]any{"batch_count": int64(2), "batch_days_total": int64(2)}, want: false},
	})
}

func TestS003(t *testing.T) {
	runTable(t, "S003", s003, validSurvey, []ruleCase{
		{name: "fewer people than attendances", want: false},
		{name: "equal", set: map[string]any{"experts_total": int64(80), "source_local": int64(74)}, want: false},
		{name: "more people than attendances", set: map[string]any{"experts_total": int64(27), "expert_attendances": int64(24)}, want: true},
		{name: "attendances blank", set: map[string]any{"expert_attendances": nil}, want: false},
	})
}

func TestS004(t *testing.T) {
	runTable(t, "S004", s004, validSurvey, []ruleCase{
		{name: "within total", want: false},
		{name: "exactly total", set: map[string]any{"senior_full": int64(9), "senior_deputy": int64(18)}, want: false},
		{name: "above total", set: map[string]any{"senior_full": int64(10), "senior_deputy": int64(18)}, want: true},
		{name: "blank deputy", set: map[string]any{"senior_deputy": nil}, want: false},
	})
}

func TestS005(t *testing.T) {
	runTable(t, "S005", s005, validSurvey, []ruleCase{
		{name: "sources add up", want: false},
		{name: "one short", set: map[string]any{"source_local": int64(20)}, want: true},
		{name: "one over", set: map[string]any{"source_foreign": int64(1)}, want: true},
		{name: "a source blank", set: map[string]any{"source_hmt": nil}, want: false},
	})
	got := run(s005, ruleCase{set: map[string]any{"experts_total": int64(25), "source_local": int64(18)}}.fields(validSurvey), municipal, nil)
	if len(got) != 1 || !strings.Contains(got[0].Message, "专家人才来源合计 24 人") || !strings.Contains(got[0].Message, "总人数」 25 人") {
		t.Errorf("message: %+v", got)
	}
}

func TestS006(t *testing.T) {
	runTable(t, "S006", s006, validSurvey, []ruleCase{
		{name: "yes with names", want: false},
		{name: "yes but none", set: map[string]any{"key_counties_national": int64(0), "key_counties_national_names": nil, "key_counties_provincial": int64(0), "key_counties_provincial_names": nil}, want: true},
		{name: "count above names", set: map[string]any{"key_counties_national": int64(2)}, want: true},
		{name: "names above count", set: map[string]any{"key_counties_provincial": int64(1)}, want: true},
		{name: "names blank", set: map[string]any{"key_counties_national_names": nil}, want: true},
		{name: "names not on the form", set: map[string]any{"key_counties_national_names": del, "key_counties_provincial_names": del}, want: false},
		{name: "no with zero counts", set: map[string]any{"key_counties": false, "key_counties_national": int64(0), "key_counties_provincial": nil, "key_counties_national_names": nil, "key_counties_provincial_names": nil}, want: false},
		{name: "no with a count", set: map[string]any{"key_counties": false, "key_counties_national": int64(1), "key_counties_provincial": int64(0)}, want: true},
		{name: "unanswered is S001's", set: map[string]any{"key_counties": nil}, want: false},
	})
}

func TestS007(t *testing.T) {
	runTable(t, "S007", s007, validSurvey, []ruleCase{
		{name: "one full item", want: false},
		{name: "no publicity", set: map[string]any{"publicity": false, "publicity_items": nil}, want: false},
		{name: "yes without items", set: map[string]any{"publicity_items": nil}, want: true},
		{name: "item without title", set: map[string]any{"publicity_items": []dossier.PublicityItem{{Media: "文汇报", Date: "2026-06-14"}}}, want: true},
		{name: "items after JSON", set: map[string]any{"publicity_items": []any{map[string]any{"media": "文汇报", "date": "2026-06-14", "title": "报道"}}}, want: false},
	})
}

func TestS008(t *testing.T) {
	runTable(t, "S008", s008, validSurvey, []ruleCase{
		{name: "municipal zero", want: false},
		{name: "municipal blank", set: map[string]any{"funds_mohrss": nil}, want: false},
		{name: "municipal absent", set: map[string]any{"funds_mohrss": del}, want: false},
		{name: "municipal claims ministry money", set: map[string]any{"funds_mohrss": float64(100000)}, want: true},
		{name: "national ten", team: national, want: false},
		{name: "national blank", team: national, set: map[string]any{"funds_mohrss": nil}, want: true},
		{name: "national five", team: national, set: map[string]any{"funds_mohrss": float64(50000)}, want: true},
	})
}

func TestS009(t *testing.T) {
	runTable(t, "S009", s009, validSurvey, []ruleCase{
		{name: "municipal ten", want: false},
		{name: "municipal eight", set: map[string]any{"funds_matching": float64(80000)}, want: true},
		{name: "national ten", team: national, want: false},
		{name: "national twenty", team: national, set: map[string]any{"funds_matching": float64(200000)}, want: true},
		{name: "blank is S001's", set: map[string]any{"funds_matching": nil}, want: false},
		{name: "a fen off", set: map[string]any{"funds_matching": 100000.004}, want: false},
	})
}

func TestS010(t *testing.T) {
	runTable(t, "S010", s010, validSurvey, []ruleCase{
		{name: "all whole", want: false},
		{name: "blank is not S010", set: map[string]any{"lectures": nil}, want: false},
		{name: "negative", set: map[string]any{"lectures": int64(-3)}, want: true},
		{name: "fraction", set: map[string]any{"batch_days_total": 2.5}, want: true},
		{name: "whole float", set: map[string]any{"batch_days_total": float64(24)}, want: false},
		{name: "words", set: map[string]any{"experts_total": del}, mut: func(d *dossier.Document) {
			d.Invalid = map[string]string{"experts_total": "二十余人"}
		}, want: true},
		{name: "invalid text field is not a count", mut: func(d *dossier.Document) {
			d.Invalid = map[string]string{"funds_matching": "若干"}
		}, want: false},
	})
}

func TestS011(t *testing.T) {
	runTable(t, "S011", s011, validSurvey, []ruleCase{
		{name: "total covers section three", want: false},
		{name: "equal", set: map[string]any{"activities_total": int64(24)}, want: false},
		{name: "total below sum", set: map[string]any{"activities_total": int64(20)}, want: true},
		{name: "total blank", set: map[string]any{"activities_total": nil}, want: false},
	})
}

func TestS012(t *testing.T) {
	runTable(t, "S012", s012, validSurvey, []ruleCase{
		{name: "no clinics no outcomes", want: false},
		{name: "clinic outcomes without clinics", set: map[string]any{"clinic_consultations": int64(120)}, want: true},
		{name: "clinic outcomes with clinics", set: map[string]any{"clinic_consultations": int64(120), "free_clinics": int64(2)}, want: false},
		{name: "trained without training", set: map[string]any{"training_onsite": int64(0), "training_remote": nil}, want: true},
		{name: "no training no trained", set: map[string]any{"training_onsite": int64(0), "training_remote": int64(0), "trained_professionals": int64(0), "trained_public": nil}, want: false},
		{name: "clinics not on the form", set: map[string]any{"free_clinics": del, "clinic_treatments": int64(5)}, want: false},
	})
}

func TestS013(t *testing.T) {
	runTable(t, "S013", s013, validSurvey, []ruleCase{
		{name: "described", want: false},
		{name: "measures without description", set: map[string]any{"support_measures_desc": nil}, want: true},
		{name: "no measures", set: map[string]any{"support_measures": false, "support_measures_desc": nil}, want: false},
		{name: "other field without text", set: map[string]any{"service_fields": []string{"农业", "其他"}}, want: true},
		{name: "other field with text", set: map[string]any{"service_fields": []string{"其他"}, "service_fields_other": "养老服务"}, want: false},
	})
}

// TestS010Approximate: an estimate (100余人) is asked for the exact figure.
func TestS010Approximate(t *testing.T) {
	d := dossier.Document{Kind: dossier.KindSurvey, Fields: dossier.Fields{}, Invalid: map[string]string{"beneficiaries": "100余人"}}
	var got []dossier.Finding
	for _, f := range s010(input{d: d, f: d.Fields}) {
		got = append(got, f)
	}
	if len(got) != 1 || !strings.Contains(got[0].Message, "约数") || !strings.Contains(got[0].Message, "确切") {
		t.Errorf("findings %+v, want one S010 asking for the exact figure", got)
	}
}

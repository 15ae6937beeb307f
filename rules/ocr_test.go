package rules

import (
	"reflect"
	"slices"
	"testing"

	"dossier"
)

func auditFields() dossier.Fields {
	return dossier.Fields{
		"received_mohrss": 0.0, "received_municipal": 100000.0, "received_total": 100000.0,
		"spent_expert_fees": 25079.24, "spent_travel": 22442.58, "spent_meetings": 7665.69,
		"spent_training": 16976.55, "spent_materials": 14565.11, "spent_other": 13270.83,
		"spent_total": 100000.0, "balance": 0.0,
	}
}

func TestSums(t *testing.T) {
	misread := auditFields()
	misread["spent_travel"] = 22442.68 // one digit read wrong
	tests := []struct {
		name string
		kind dossier.Kind
		f    dossier.Fields
		want map[string]bool // set → holds
	}{
		{"audit as read adds up", dossier.KindAudit, auditFields(), map[string]bool{"received": true, "spent": true, "balance": true}},
		{"one misread digit breaks the spending", dossier.KindAudit, misread, map[string]bool{"received": true, "spent": false, "balance": true}},
		{"survey sources add up", dossier.KindSurvey, dossier.Fields{"experts_total": int64(30), "source_local": int64(24),
			"source_other_province": int64(5), "source_hmt": int64(0), "source_foreign": int64(1)}, map[string]bool{"sources": true}},
		{"survey sources do not", dossier.KindSurvey, dossier.Fields{"experts_total": int64(30), "source_local": int64(21),
			"source_other_province": int64(5), "source_hmt": int64(0), "source_foreign": int64(1)}, map[string]bool{"sources": false}},
		{"survey activities at least their parts", dossier.KindSurvey, dossier.Fields{"activities_total": int64(35), "lectures": int64(6),
			"symposiums": int64(2)}, map[string]bool{"activities": true}},
		{"no total, no set", dossier.KindAudit, dossier.Fields{"spent_travel": 1.0}, map[string]bool{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := map[string]bool{}
			for _, s := range Sums(tt.kind, tt.f) {
				got[s.Name] = s.Holds
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Sums = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestTrustSums: a set that adds up lifts its fields to the threshold, a
// broken one drops them below it, fields read with certainty stay out.
func TestTrustSums(t *testing.T) {
	misread := auditFields()
	misread["spent_travel"] = 22442.68
	conf := map[string]float64{"received_total": 0.7, "received_mohrss": 0.95, "received_municipal": 0.6,
		"spent_total": 0.9, "spent_travel": 0.9, "balance": 0.5, "auditor": 0.4}
	got := TrustSums(conf, Sums(dossier.KindAudit, misread), 0.8)
	want := map[string]float64{"received_total": 0.8, "received_mohrss": 0.95, "received_municipal": 0.8,
		"spent_total": 0.79, "spent_travel": 0.79, "balance": 0.8, "auditor": 0.4}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("TrustSums =\n%v\nwant\n%v", got, want)
	}
	if conf["balance"] != 0.5 {
		t.Error("TrustSums changed its argument")
	}
}

// TestSoftenUnsure: an error resting on a doubtful value is a warning; one
// on values read surely, or a warning already, is left as it is.
func TestSoftenUnsure(t *testing.T) {
	conf := map[string]float64{"source_local": 0.55, "experts_total": 0.97, "auditor": 0.99}
	fs := []dossier.Finding{
		{Rule: "S005", Severity: dossier.SeverityError, Field: "experts_total", Message: "x"}, // reads source_local too
		{Rule: "A007", Severity: dossier.SeverityError, Field: "auditor", Message: "y"},
		{Rule: "S003", Severity: dossier.SeverityError, Field: "expert_attendances", Message: "z"}, // certain: not in conf
		{Rule: "S009", Severity: dossier.SeverityWarning, Field: "source_local", Message: "w"},
	}
	got, changed := SoftenUnsure(fs, conf, 0.8)
	wantSev := []dossier.Severity{dossier.SeverityWarning, dossier.SeverityError, dossier.SeverityError, dossier.SeverityWarning}
	for i, f := range got {
		if f.Severity != wantSev[i] {
			t.Errorf("%s: severity %s, want %s", f.Rule, f.Severity, wantSev[i])
		}
	}
	if !changed || fs[0].Severity != dossier.SeverityError {
		t.Errorf("changed = %v, input modified = %v", changed, fs[0].Severity != dossier.SeverityError)
	}
}

func TestF012(t *testing.T) {
	holds := Sums(dossier.KindAudit, auditFields())
	broken := auditFields()
	broken["balance"] = 10.0
	tests := []struct {
		name       string
		unsure     []string
		sets       []SumSet
		softened   bool
		wantReview bool
		wantSev    dossier.Severity
	}{
		{"all sure, sums hold", nil, holds, false, false, dossier.SeverityInfo},
		{"a field in doubt", []string{"auditor"}, holds, false, true, dossier.SeverityWarning},
		{"a sum broken", nil, Sums(dossier.KindAudit, broken), false, true, dossier.SeverityWarning},
		{"an error softened", nil, holds, true, true, dossier.SeverityWarning},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, review := F012(dossier.Document{Kind: dossier.KindAudit}, 10, tt.unsure, tt.sets, tt.softened, 0.8)
			if review != tt.wantReview || f.Severity != tt.wantSev || f.Rule != "F012" || f.Message == "" {
				t.Errorf("F012 = %+v, review %v; want review %v severity %s", f, review, tt.wantReview, tt.wantSev)
			}
		})
	}
}

func TestUnsure(t *testing.T) {
	f := dossier.Fields{"auditor": "某会计师事务所", "opinion": "unqualified", "received_total": 1.0, "spent_total": 1.0, "balance": 0.0}
	got := Unsure(dossier.KindAudit, f, map[string]float64{"auditor": 0.5, "opinion": 0.9, "report_no": 0.3}, 0.8, true)
	want := []string{"auditor", "service_end"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Unsure = %v, want %v", got, want)
	}
}

// A survey read by OCR whose service form's boxes gave no answer (a tick
// read as "加") must not be rejected as 未勾选: the box is in doubt like any
// required field not read, unless the days or batches filled in imply the
// form, when S001 does not ask for it.
func TestUnsureServiceMode(t *testing.T) {
	f := dossier.Fields{"team_name": "某服务团"}
	if got := Unsure(dossier.KindSurvey, f, map[string]float64{"team_name": 0.99}, 0.8, true); !slices.Contains(got, "service_mode") {
		t.Errorf("Unsure = %v, want service_mode in doubt", got)
	}
	f["service_days"] = int64(3)
	if got := Unsure(dossier.KindSurvey, f, map[string]float64{"team_name": 0.99, "service_days": 0.99}, 0.8, true); slices.Contains(got, "service_mode") {
		t.Errorf("Unsure = %v with the days filled in: service_mode is implied, not in doubt", got)
	}
	fs := []dossier.Finding{{Rule: "S001", Field: "service_mode", Severity: dossier.SeverityError}}
	out, changed := SoftenUnsure(fs, map[string]float64{"service_mode": 0}, 0.8)
	if !changed || out[0].Severity != dossier.SeverityWarning || !out[0].Unsure {
		t.Errorf("S001 on an unread service form: %+v, want a warning in doubt", out[0])
	}
}

// An unticked service form is an error whatever the days beside it say: a
// loosely read service_days must not turn it into review; a days finding
// (“一次服务” with 0 days) rests on the days and does.
func TestSoftenUnsureS002(t *testing.T) {
	conf := map[string]float64{"service_days": 0.7, "batch_count": 0.6}
	tests := []struct {
		name, field string
		want        dossier.Severity
	}{
		{"box unticked rests on the box", "service_mode", dossier.SeverityError},
		{"days rest on the days", "service_days", dossier.SeverityWarning},
		{"batch days rest on the batch count", "batch_days_total", dossier.SeverityWarning},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fs := []dossier.Finding{{Rule: "S002", Severity: dossier.SeverityError, Field: tc.field, Message: "m"}}
			got, _ := SoftenUnsure(fs, conf, 0.8)
			if got[0].Severity != tc.want {
				t.Errorf("severity %s, want %s", got[0].Severity, tc.want)
			}
		})
	}
}

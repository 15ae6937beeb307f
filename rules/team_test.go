package rules

import (
	"strings"
	"testing"
	"time"

	"dossier"
)

func doc(k dossier.Kind, v dossier.Verdict, f dossier.Fields) dossier.Document {
	return dossier.Document{Kind: k, Verdict: v, Fields: f, Received: time.Date(2026, 11, 12, 10, 0, 0, 0, cst)}
}

func fullSet() []dossier.Document {
	return []dossier.Document{
		doc(dossier.KindSurvey, dossier.VerdictAccepted, validSurvey()),
		doc(dossier.KindAudit, dossier.VerdictAccepted, validAudit()),
		doc(dossier.KindSummary, dossier.VerdictAccepted, nil),
		doc(dossier.KindPhotos, dossier.VerdictAccepted, nil),
	}
}

func TestMaterials(t *testing.T) {
	A, R, V := dossier.VerdictAccepted, dossier.VerdictRejected, dossier.VerdictReview
	superseded := doc(dossier.KindSurvey, A, nil)
	superseded.Superseded = true
	cases := []struct {
		name string
		docs []dossier.Document
		want dossier.MaterialState
	}{
		{"nothing", nil, dossier.MaterialMissing},
		{"rejected only", []dossier.Document{doc(dossier.KindSurvey, R, nil)}, dossier.MaterialRejected},
		{"rejected then accepted", []dossier.Document{doc(dossier.KindSurvey, R, nil), doc(dossier.KindSurvey, A, nil)}, dossier.MaterialAccepted},
		{"accepted then rejected", []dossier.Document{doc(dossier.KindSurvey, A, nil), doc(dossier.KindSurvey, R, nil)}, dossier.MaterialAccepted},
		{"review beats rejected", []dossier.Document{doc(dossier.KindSurvey, R, nil), doc(dossier.KindSurvey, V, nil)}, dossier.MaterialReview},
		{"accepted beats review", []dossier.Document{doc(dossier.KindSurvey, V, nil), doc(dossier.KindSurvey, A, nil)}, dossier.MaterialAccepted},
		{"superseded alone is not accepted", []dossier.Document{superseded}, dossier.MaterialMissing},
		{"other kind", []dossier.Document{doc(dossier.KindAudit, A, nil)}, dossier.MaterialMissing},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Materials(c.docs)[dossier.KindSurvey]; got != c.want {
				t.Fatalf("survey = %s, want %s", got, c.want)
			}
		})
	}
}

func TestTeamRules(t *testing.T) {
	late := doc(dossier.KindSummary, dossier.VerdictAccepted, nil)
	late.Received = time.Date(2026, 11, 21, 6, 49, 0, 0, cst)
	lateRejected := doc(dossier.KindSummary, dossier.VerdictRejected, nil)
	lateRejected.Received = late.Received
	reminderTime := time.Date(2026, 11, 18, 9, 0, 0, 0, cst)
	cases := []struct {
		name     string
		team     dossier.Team
		docs     func() []dossier.Document
		now      time.Time
		want     []string // rule ids expected, in order
		complete bool
		late     bool
	}{
		{"complete municipal", municipal, fullSet, now, nil, true, false},
		{"complete national", national, func() []dossier.Document {
			d := fullSet()
			d[0].Fields["funds_mohrss"] = float64(100000)
			nationalize(d[1].Fields)
			return d
		}, now, []string{"T003"}, true, false},
		{"summary missing", municipal, func() []dossier.Document { return fullSet()[:2] }, now, []string{"T001", "T001"}, false, false},
		{"survey rejected", municipal, func() []dossier.Document {
			d := fullSet()
			d[0].Verdict = dossier.VerdictRejected
			return d
		}, now, []string{"T001"}, false, false},
		{"audit in review is not missing", municipal, func() []dossier.Document {
			d := fullSet()
			d[1].Verdict, d[1].Fields = dossier.VerdictReview, dossier.Fields{}
			return d
		}, now, nil, false, false},
		{"funds differ", municipal, func() []dossier.Document {
			d := fullSet()
			d[0].Fields["funds_matching"] = float64(80000)
			return d
		}, now, []string{"T002"}, true, false},
		{"blank survey ministry funds equal zero", municipal, func() []dossier.Document {
			d := fullSet()
			d[0].Fields["funds_mohrss"] = nil
			return d
		}, now, nil, true, false},
		{"late summary", municipal, func() []dossier.Document { return append(fullSet()[:2], late, fullSet()[3]) }, now, nil, true, true},
		{"late rejected is not late", municipal, func() []dossier.Document { return append(fullSet()[:2], lateRejected, fullSet()[3]) }, now, []string{"T001"}, false, false},
		{"reminder while lacking", municipal, func() []dossier.Document { return fullSet()[:3] }, reminderTime, []string{"T001", "D003"}, false, false},
		{"no reminder when complete", municipal, fullSet, reminderTime, nil, true, false},
		{"no reminder after the deadline", municipal, func() []dossier.Document { return fullSet()[:3] }, now, []string{"T001"}, false, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v := Team(c.team, c.docs(), prog, c.now)
			var got []string
			for _, f := range v.Findings {
				got = append(got, f.Rule)
				if f.Message == "" || f.Severity != SeverityOf(f.Rule) {
					t.Errorf("bad finding %+v", f)
				}
				t.Log(f.Message)
			}
			if strings.Join(got, ",") != strings.Join(c.want, ",") {
				t.Errorf("findings %v, want %v", got, c.want)
			}
			if v.Complete != c.complete || v.Late != c.late {
				t.Errorf("complete %v late %v, want %v %v", v.Complete, v.Late, c.complete, c.late)
			}
		})
	}
}

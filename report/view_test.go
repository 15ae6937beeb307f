package report

import (
	"errors"
	"testing"
	"time"

	"dossier"
)

var (
	national  = dossier.Team{ID: "N1", Level: dossier.LevelNational, Name: "国家级团", Unit: "甲单位"}
	municipal = dossier.Team{ID: "M1", Level: dossier.LevelMunicipal, Name: "市级团", Unit: "乙单位"}
)

func audit(v dossier.Verdict, fs dossier.Fields) dossier.Document {
	return dossier.Document{ID: 1, Name: "审计报告.pdf", Kind: dossier.KindAudit, Verdict: v, Fields: fs}
}

func view(team dossier.Team, docs ...dossier.Document) dossier.TeamView {
	v := dossier.TeamView{Team: team, Documents: docs, Materials: map[dossier.Kind]dossier.MaterialState{}}
	for _, d := range docs {
		switch d.Verdict {
		case dossier.VerdictAccepted:
			v.Materials[d.Kind] = dossier.MaterialAccepted
		case dossier.VerdictReview:
			v.Materials[d.Kind] = dossier.MaterialReview
		default:
			v.Materials[d.Kind] = dossier.MaterialRejected
		}
	}
	return v
}

func TestFundsCountOnlyWhenAccepted(t *testing.T) {
	full := dossier.Fields{"received_total": 100000.0, "spent_total": 93111.34, "balance": 6888.66}
	tests := []struct {
		name    string
		tv      dossier.TeamView
		counts  bool
		reason  string
		balance string
	}{
		{"accepted", view(national, audit(dossier.VerdictAccepted, full)), true, "", "6,888.66"},
		{"review holds figures but does not count", view(national, audit(dossier.VerdictReview, full)), false, ReasonReview, Dash},
		{"rejected", view(national, audit(dossier.VerdictRejected, full)), false, ReasonRejected, Dash},
		{"missing", view(national), false, ReasonMissing, Dash},
		{"blank", view(national, audit(dossier.VerdictAccepted, dossier.Fields{"received_total": nil})), false, ReasonBlank, Dash},
		{"balance computed", view(national, audit(dossier.VerdictAccepted, dossier.Fields{"received_total": 100000.0, "spent_total": 99999.99})), true, "", "0.01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := Build(Input{Programme: dossier.DefaultProgramme(), Teams: []dossier.TeamView{tt.tv}})
			r := v.Teams[0].Funds.Received
			if r.Counts != tt.counts || r.Reason != tt.reason {
				t.Fatalf("received: counts %v reason %q, want %v %q", r.Counts, r.Reason, tt.counts, tt.reason)
			}
			if got := v.Teams[0].Funds.Balance.Text(); got != tt.balance {
				t.Errorf("balance shows %q, want %q", got, tt.balance)
			}
			if !tt.counts && tt.reason != ReasonBlank && (v.Funds.All.Received != 0 || v.Funds.All.Audits != 0 || v.Funds.All.Excluded != 1) {
				t.Errorf("a figure that does not count entered the totals: %+v", v.Funds.All)
			}
			if err := v.Check(); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestTotalsInFenByLevel(t *testing.T) {
	var teams []dossier.TeamView
	for range 10 {
		teams = append(teams, view(municipal, audit(dossier.VerdictAccepted, dossier.Fields{"received_total": 0.1, "spent_total": 0.2, "balance": -0.1})))
	}
	teams = append(teams, view(national, audit(dossier.VerdictAccepted, dossier.Fields{"received_total": 200000.0, "spent_total": 194069.61, "balance": 5930.39})))
	v := Build(Input{Programme: dossier.DefaultProgramme(), Teams: teams})
	if got := v.Funds.Municipal.Received; got != 100 {
		t.Errorf("ten times 0.10 = %s, want 1.00", got)
	}
	if got := v.Funds.All.Spent.String(); got != "194,071.61" {
		t.Errorf("spent total %s", got)
	}
	if v.Funds.National.Grant != dossier.YuanToMoney(200000) || v.Funds.Municipal.Grant != dossier.YuanToMoney(1000000) {
		t.Errorf("grants %s / %s", v.Funds.National.Grant, v.Funds.Municipal.Grant)
	}
}

func TestWanYuanColumnConverts(t *testing.T) {
	survey := dossier.Document{ID: 2, Kind: dossier.KindSurvey, Verdict: dossier.VerdictAccepted, Fields: dossier.Fields{"funds_mohrss": 100000.0, "funds_matching": 123456.78}}
	v := Build(Input{Programme: dossier.DefaultProgramme(), Teams: []dossier.TeamView{view(national, survey)}})
	for key, want := range map[string]float64{"funds_mohrss": 10, "funds_matching": 12.345678} {
		f, _ := dossier.FieldByKey(key)
		if ColumnUnit(f) != dossier.WanYuan {
			t.Fatalf("%s column is in %s", key, ColumnUnit(f))
		}
		if got := v.Teams[0].Value(f); !got.IsNum || got.Num != want {
			t.Errorf("%s = %v (number %v), want %v 万元", key, got.Num, got.IsNum, want)
		}
		if total, _ := v.Total(f); total != want {
			t.Errorf("%s total = %v, want %v", key, total, want)
		}
	}
}

func TestMarks(t *testing.T) {
	d := audit(dossier.VerdictAccepted, dossier.Fields{"received_total": 100000.0, "spent_total": 100000.0, "spent_travel": 1.5})
	d.DecidedBy = &dossier.Decision{User: "王", FieldsAfter: dossier.Fields{"received_total": 100000.0}}
	d.Sources = map[string]dossier.Source{"spent_total": {OCR: true}, "received_total": {OCR: true}}
	v := Build(Input{Programme: dossier.DefaultProgramme(), Teams: []dossier.TeamView{view(national, d)}})
	f := v.Teams[0].Funds
	if f.Received.Note() != MarkManual || f.Spent.Note() != MarkOCR {
		t.Fatalf("marks: received %q, spent %q", f.Received.Note(), f.Spent.Note())
	}
	travel, _ := dossier.FieldByKey("spent_travel")
	if m := v.Teams[0].Value(travel).Mark(); m != "" {
		t.Errorf("an unmarked value is marked %q", m)
	}
}

func TestFilesAddUp(t *testing.T) {
	docs := []dossier.Document{audit(dossier.VerdictAccepted, nil), {Kind: dossier.KindSurvey, Verdict: dossier.VerdictRejected},
		{Kind: dossier.KindPhotos, Verdict: dossier.VerdictReview}, {Kind: dossier.KindSurvey, Verdict: dossier.VerdictAccepted, Superseded: true}}
	v := Build(Input{Programme: dossier.DefaultProgramme(), Teams: []dossier.TeamView{view(municipal, docs...)}, Pending: 3,
		NoTeam: []dossier.Document{{Name: "说明.pdf", Verdict: dossier.VerdictRejected, Received: time.Now()}},
		Dups:   []dossier.Document{{Name: "审计报告.pdf", Verdict: dossier.VerdictAccepted}}})
	want := Files{Received: 9, Pending: 3, Decided: 6, Accepted: 3, Review: 1, Rejected: 2, InTeams: 4, NoTeam: 1, Duplicates: 1, Superseded: 1}
	if v.Files != want {
		t.Fatalf("files %+v, want %+v", v.Files, want)
	}
	if err := v.Check(); err != nil {
		t.Fatal(err)
	}
	v.Files.Accepted++
	if err := v.Check(); !errors.Is(err, ErrInconsistent) {
		t.Fatalf("Check on counts that do not add up: %v", err)
	}
	if len(v.NoTeam) != 1 || v.NoTeam[0].Name != "说明.pdf" || len(v.Dups) != 1 {
		t.Fatalf("files of no team and duplicates are not listed: %+v %+v", v.NoTeam, v.Dups)
	}
}

package rules

import (
	"testing"
	"time"

	"dossier"
)

func TestD001(t *testing.T) {
	at := func(s string) func(*dossier.Document) {
		return func(d *dossier.Document) {
			ts, err := time.Parse(time.RFC3339, s)
			if err != nil {
				t.Fatal(err)
			}
			d.Received = ts
		}
	}
	runTable(t, "D001", d001, validSurvey, []ruleCase{
		{name: "well before", mut: at("2026-11-12T10:00:00+08:00"), want: false},
		{name: "last minute of the day", mut: at("2026-11-20T23:59:59+08:00"), want: false},
		{name: "midnight exactly", mut: at("2026-11-21T00:00:00+08:00"), want: false},
		{name: "after midnight", mut: at("2026-11-21T06:49:00+08:00"), want: true},
		{name: "UTC evening of the 20th is the 21st in Shanghai", mut: at("2026-11-20T17:30:00Z"), want: true},
		{name: "UTC afternoon of the 20th", mut: at("2026-11-20T15:30:00Z"), want: false},
		{name: "unknown time", mut: func(d *dossier.Document) { d.Received = time.Time{} }, want: false},
	})
}

func TestD002(t *testing.T) {
	runTable(t, "D002", d002, validAudit, []ruleCase{
		{name: "october", want: false},
		{name: "on the deadline", set: map[string]any{"service_end": "2026-11-10"}, want: false},
		{name: "after the deadline", set: map[string]any{"service_end": "2026-11-15"}, want: true},
		{name: "unreadable date", set: map[string]any{"service_end": "11月中旬"}, want: false},
		{name: "missing is A001's", set: map[string]any{"service_end": del}, want: false},
	})
}

func TestReminding(t *testing.T) {
	cases := []struct {
		name string
		now  string
		want bool
	}{
		{"a week before", "2026-11-13T09:00:00+08:00", false},
		{"just before the window", "2026-11-16T23:59:00+08:00", false},
		{"three days before", "2026-11-17T00:00:00+08:00", true},
		{"on the day", "2026-11-20T20:00:00+08:00", true},
		{"after the deadline", "2026-11-21T09:00:00+08:00", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ts, _ := time.Parse(time.RFC3339, c.now)
			if got := Reminding(prog, ts); got != c.want {
				t.Fatalf("Reminding(%s) = %v, want %v", c.now, got, c.want)
			}
		})
	}
}

func TestDocumentSkipsScans(t *testing.T) {
	d := dossier.Document{Kind: dossier.KindAudit, Fields: dossier.Fields{},
		Findings: []dossier.Finding{Intake("F009", dossier.Document{Name: "专项审计报告.pdf"}, "")},
		Received: time.Date(2026, 11, 21, 8, 0, 0, 0, cst)}
	got := Document(d, municipal, prog, now)
	if len(got) != 1 || got[0].Rule != "D001" {
		t.Fatalf("scan: want only D001, got %+v", got)
	}
	d.Findings = nil
	if got := Document(d, municipal, prog, now); !has(got, "A001") || !has(got, "A007") {
		t.Fatalf("empty audit: want A001 and A007, got %+v", got)
	}
}

func TestDocumentOtherKinds(t *testing.T) {
	for _, k := range []dossier.Kind{dossier.KindSummary, dossier.KindPhotos, dossier.KindUnknown} {
		d := dossier.Document{Kind: k, Received: time.Date(2026, 11, 12, 8, 0, 0, 0, cst)}
		if got := Document(d, municipal, prog, now); len(got) != 0 {
			t.Errorf("%s: want no findings, got %+v", k, got)
		}
	}
}

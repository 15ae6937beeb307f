package service

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"dossier"
	"dossier/notify"
)

// The queue: what waits, why, oldest first; a low-confidence reading
// waits too; --all lists every document.
func TestQueue(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	scan := scannedAudit()
	scan.Received = onTime.Add(2 * time.Hour)
	f.seed(t, scan)
	loose := survey("M11", "M11", "调查表.xlsx")
	loose.Received = onTime.Add(time.Hour)
	ld := f.seed(t, loose)
	if err := f.led.SaveReadings(ctx, ld.ID, map[string]float64{"experts_total": 0.55},
		map[string]dossier.Source{"experts_total": {Page: 1, Text: "总人数 25", OCR: true}}); err != nil {
		t.Fatal(err)
	}
	f.seed(t, survey("M12", "M12", "调查表.xlsx"))
	items, err := f.svc.Queue(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range items {
		got = append(got, it.Doc.Path+":"+it.Why[0])
	}
	want := []string{"M11/调查表.xlsx:low_confidence", "M13/专项审计报告.pdf:F009"}
	if !slices.Equal(got, want) {
		t.Fatalf("queue %v, want %v", got, want)
	}
	if all, _ := f.svc.Queue(ctx, true); len(all) != 3 || all[0].Doc.Path != "M12/调查表.xlsx" || len(all[0].Why) != 0 {
		t.Fatalf("--all: %+v", all)
	}
	v, err := f.svc.Document(ctx, ld.ID)
	if err != nil {
		t.Fatal(err)
	}
	if v.Doc.Confidence["experts_total"] != 0.55 || v.Doc.Sources["experts_total"].Text != "总人数 25" || v.Team == nil || v.Team.ID != "M11" {
		t.Fatalf("document view: %+v %+v", v.Doc.Confidence, v.Doc.Sources)
	}
	if _, err := f.svc.Document(ctx, 999); !errors.Is(err, ErrNotFound) {
		t.Fatalf("no such document: %v", err)
	}
}

// Notices show each channel's state; a retry makes the undelivered ones due.
func TestNoticesAndRetry(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	doc := f.seed(t, scannedAudit())
	f.svc.cfg.Notify.Host = "127.0.0.1" // mail is offered: the notice has a mail delivery
	if _, err := f.svc.Decide(ctx, DecisionRequest{DocumentID: doc.ID, Verdict: dossier.VerdictAccepted, User: "张三", Note: "n"}); err != nil {
		t.Fatal(err)
	}
	ns, err := f.svc.Notices(ctx)
	if err != nil || len(ns) != 1 {
		t.Fatalf("notices %+v err %v", ns, err)
	}
	var chans []notify.Channel
	for _, d := range ns[0].Deliveries {
		chans = append(chans, d.Channel)
		if d.State() != "待发送" {
			t.Errorf("%s: %s", d.Channel, d.State())
		}
	}
	if !slices.Contains(chans, notify.ChannelMail) || !slices.Contains(chans, notify.ChannelLog) {
		t.Fatalf("channels %v", chans)
	}
	if err := f.svc.RetryNotice(ctx, ns[0].Notice.ID); err != nil {
		t.Fatal(err)
	}
	if err := f.svc.RetryNotice(ctx, 999); !errors.Is(err, ErrNotFound) {
		t.Fatalf("retry of no notice: %v", err)
	}
	page, err := f.svc.Team(ctx, "M13", testNow)
	if err != nil || len(page.Notices) != 1 || page.View.Team.ID != "M13" {
		t.Fatalf("team page %+v err %v", page, err)
	}
}

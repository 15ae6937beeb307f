package ledger

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"dossier"
	"dossier/notify"
)

var t0 = time.Date(2026, 11, 18, 9, 0, 0, 0, time.UTC)

func open(t *testing.T) (*Ledger, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "数据 dir", FileName)
	l, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return l, path
}

func claim(t *testing.T, l *Ledger, rel string) Entry {
	t.Helper()
	e, err := l.Claim(context.Background(), Claim{Rel: rel, Name: filepath.Base(rel), Size: 10, Received: t0, Now: t0},
		func(id int64) string { return fmt.Sprintf("/work/%d-%s", id, filepath.Base(rel)) })
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func decide(t *testing.T, l *Ledger, e Entry, doc dossier.Document, dup int64) (dossier.Document, []dossier.Notice) {
	t.Helper()
	doc.Path, doc.Name = e.Rel, e.Name
	d, ns, err := l.Decide(context.Background(), Decision{ID: e.ID, Doc: doc, StoredPath: "/archive/" + e.Name, Now: t0,
		Duplicate: dup, Channels: []notify.Channel{notify.ChannelLog, notify.ChannelFile, notify.ChannelMail},
		Compose: func(doc dossier.Document, sup []dossier.Document) ([]dossier.Notice, error) {
			typ := dossier.NoticeAcceptance
			if len(sup) > 0 {
				typ = dossier.NoticeSupersede
			}
			return []dossier.Notice{{Key: fmt.Sprintf("doc:%d:%s", doc.ID, typ), TeamID: doc.TeamID, Type: typ,
				Subject: "主题", Body: "正文", To: []string{"a@example.org"}}}, nil
		}})
	if err != nil {
		t.Fatal(err)
	}
	return d, ns
}

func TestLifeCycle(t *testing.T) {
	ctx := context.Background()
	l, path := open(t)
	e := claim(t, l, "M11/调查表 (1).xlsx")
	if e.WorkPath != fmt.Sprintf("/work/%d-调查表 (1).xlsx", e.ID) {
		t.Fatalf("work path %q", e.WorkPath)
	}
	p, _ := l.Pending(ctx)
	if len(p) != 1 || p[0].State != StateClaimed {
		t.Fatalf("pending after claim: %+v", p)
	}
	fields := dossier.Fields{"experts_total": int64(25), "funds_matching": 100000.0, "service_fields": []string{"农业"},
		"publicity_items": []dossier.PublicityItem{{Media: "报", Date: "2026-01-02", Title: "题"}}, "contact_name": nil, "key_counties": true}
	doc, ns := decide(t, l, e, dossier.Document{SHA256: "aa", TeamID: "M11", Kind: dossier.KindSurvey, Fields: fields,
		Verdict: dossier.VerdictAccepted, Received: t0}, 0)
	if len(ns) != 1 || ns[0].Type != dossier.NoticeAcceptance {
		t.Fatalf("notices %+v", ns)
	}
	if _, _, err := l.Decide(ctx, Decision{ID: e.ID, Doc: doc, Now: t0}); !errors.Is(err, ErrWrongState) {
		t.Fatalf("second decide: %v", err)
	}
	if err := l.Done(ctx, e.ID, "/archive/final", t0); err != nil {
		t.Fatal(err)
	}
	if p, _ := l.Pending(ctx); len(p) != 0 {
		t.Fatalf("pending after done: %+v", p)
	}
	l.Close()
	l2, err := Open(path) // migrations are idempotent
	if err != nil {
		t.Fatal(err)
	}
	defer l2.Close()
	got, err := l2.Get(ctx, e.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Doc.Fields, fields) {
		t.Errorf("fields round trip:\n got %#v\nwant %#v", got.Doc.Fields, fields)
	}
	if got.State != StateDone || got.StoredPath != "/archive/final" || got.Doc.Received != t0 {
		t.Errorf("entry %+v", got)
	}
}

func TestSupersedeAndDuplicate(t *testing.T) {
	ctx := context.Background()
	l, _ := open(t)
	first := claim(t, l, "M11/a.pdf")
	d1, _ := decide(t, l, first, dossier.Document{SHA256: "s1", TeamID: "M11", Kind: dossier.KindAudit, Verdict: dossier.VerdictAccepted}, 0)
	rej := claim(t, l, "M11/bad.pdf")
	decide(t, l, rej, dossier.Document{SHA256: "s0", TeamID: "M11", Kind: dossier.KindAudit, Verdict: dossier.VerdictRejected}, 0)
	second := claim(t, l, "M11/b.pdf")
	d2, ns := decide(t, l, second, dossier.Document{SHA256: "s2", TeamID: "M11", Kind: dossier.KindAudit, Verdict: dossier.VerdictAccepted}, 0)
	if len(d2.Findings) != 1 || d2.Findings[0].Rule != "F010" || ns[0].Type != dossier.NoticeSupersede {
		t.Fatalf("second: %+v %+v", d2.Findings, ns)
	}
	old, _ := l.Get(ctx, d1.ID)
	if !old.Doc.Superseded {
		t.Fatal("first not marked superseded")
	}
	dup := claim(t, l, "M11/b copy.pdf")
	known, ok, err := l.AcceptedBySHA(ctx, "s2")
	if err != nil || !ok || known.ID != d2.ID {
		t.Fatalf("AcceptedBySHA: %v %v %+v", ok, err, known)
	}
	d3, _ := decide(t, l, dup, dossier.Document{SHA256: "s2", TeamID: "M11", Kind: dossier.KindAudit, Verdict: dossier.VerdictAccepted,
		Findings: []dossier.Finding{{Rule: "F008", Severity: dossier.SeverityInfo}}}, known.ID)
	if len(d3.Findings) != 1 {
		t.Fatalf("duplicate superseded something: %+v", d3.Findings)
	}
	if cur, _ := l.Get(ctx, d2.ID); cur.Doc.Superseded {
		t.Fatal("duplicate superseded the original")
	}
	if _, ok, _ := l.AcceptedBySHA(ctx, "s0"); ok {
		t.Fatal("rejected document reported as accepted")
	}
	byTeam, _ := l.DocumentsByTeam(ctx)
	if n := len(byTeam["M11"]); n != 3 {
		t.Fatalf("team documents: %d, want 3 (duplicate left out)", n)
	}
}

// The file received later is the re-submission, whatever order the two
// are decided in; the same bytes dropped again at the same time are a new
// arrival, not a key conflict.
func TestSupersedeByReceivedTime(t *testing.T) {
	ctx := context.Background()
	l, _ := open(t)
	newer := claim(t, l, "M11/a.pdf")
	dn, _ := decide(t, l, newer, dossier.Document{SHA256: "a", TeamID: "M11", Kind: dossier.KindSummary, Verdict: dossier.VerdictAccepted,
		Received: t0.Add(48 * time.Hour)}, 0)
	older := claim(t, l, "M11/b.pdf")
	do, _ := decide(t, l, older, dossier.Document{SHA256: "b", TeamID: "M11", Kind: dossier.KindSummary, Verdict: dossier.VerdictAccepted,
		Received: t0}, 0)
	if got, _ := l.Get(ctx, dn.ID); got.Doc.Superseded {
		t.Fatal("the newer file was superseded by an older one decided after it")
	}
	if got, _ := l.Get(ctx, do.ID); !got.Doc.Superseded {
		t.Fatal("the older file is not marked superseded on arrival")
	}
	if len(do.Findings) != 1 || do.Findings[0].Rule != "F010" || !strings.Contains(do.Findings[0].Message, "a.pdf") {
		t.Fatalf("older file's findings: %+v", do.Findings)
	}
	again := claim(t, l, "M11/b.pdf")
	if _, _, err := l.Decide(ctx, Decision{ID: again.ID, Doc: dossier.Document{SHA256: "b", Path: "M11/b.pdf", TeamID: "M11",
		Kind: dossier.KindSummary, Verdict: dossier.VerdictRejected, Received: t0}, Now: t0}); err != nil {
		t.Fatalf("same file again: %v", err)
	}
}

// Photos sent as image files add up; a photo PDF replaces earlier photo
// PDFs only.
func TestPhotosAddUp(t *testing.T) {
	ctx := context.Background()
	l, _ := open(t)
	photo := func(name, sha string, f dossier.Format) dossier.Document {
		e := claim(t, l, "M12/"+name)
		d, _ := decide(t, l, e, dossier.Document{SHA256: sha, TeamID: "M12", Kind: dossier.KindPhotos, Format: f, Verdict: dossier.VerdictAccepted}, 0)
		return d
	}
	j1 := photo("img0.jpg", "j1", dossier.FormatJPEG)
	j2 := photo("img1.png", "j2", dossier.FormatPNG)
	if len(j2.Findings) != 0 {
		t.Fatalf("an image superseded another: %+v", j2.Findings)
	}
	p1 := photo("影像1.pdf", "p1", dossier.FormatPDF)
	if len(p1.Findings) != 0 {
		t.Fatalf("a photo PDF superseded image files: %+v", p1.Findings)
	}
	p2 := photo("影像2.pdf", "p2", dossier.FormatPDF)
	if len(p2.Findings) != 1 || p2.Findings[0].Rule != "F010" {
		t.Fatalf("second photo PDF: %+v", p2.Findings)
	}
	for id, want := range map[int64]bool{j1.ID: false, j2.ID: false, p1.ID: true, p2.ID: false} {
		e, _ := l.Get(ctx, id)
		if e.Doc.Superseded != want {
			t.Errorf("%s superseded = %v, want %v", e.Doc.Name, e.Doc.Superseded, want)
		}
	}
	cur, err := l.TeamCurrent(ctx, "M12")
	if err != nil || len(cur) != 1 || cur[0].ID != p2.ID {
		t.Fatalf("TeamCurrent: %v, %d documents, want the newest accepted photo document", err, len(cur))
	}
}

// TeamCurrent reads what the materials state needs: current documents and
// the newest rejected one per kind, not every rejected file.
func TestTeamCurrent(t *testing.T) {
	ctx := context.Background()
	l, _ := open(t)
	for i := range 5 {
		e := claim(t, l, fmt.Sprintf("M11/bad%d.pdf", i))
		decide(t, l, e, dossier.Document{SHA256: fmt.Sprintf("r%d", i), TeamID: "M11", Kind: dossier.KindAudit, Verdict: dossier.VerdictRejected}, 0)
	}
	e := claim(t, l, "M11/ok.xlsx")
	decide(t, l, e, dossier.Document{SHA256: "ok", TeamID: "M11", Kind: dossier.KindSurvey, Verdict: dossier.VerdictAccepted}, 0)
	cur, err := l.TeamCurrent(ctx, "M11")
	if err != nil {
		t.Fatal(err)
	}
	if len(cur) != 2 || cur[0].Name != "bad4.pdf" || cur[1].Kind != dossier.KindSurvey {
		names := []string{}
		for _, d := range cur {
			names = append(names, d.Name)
		}
		t.Fatalf("TeamCurrent = %v", names)
	}
}

func TestOutbox(t *testing.T) {
	ctx := context.Background()
	l, _ := open(t)
	e := claim(t, l, "x.pdf")
	_, ns, err := l.Decide(ctx, Decision{ID: e.ID, Doc: dossier.Document{Verdict: dossier.VerdictRejected}, Now: t0,
		Channels: []notify.Channel{notify.ChannelLog, notify.ChannelFile},
		Compose: func(doc dossier.Document, _ []dossier.Document) ([]dossier.Notice, error) {
			return []dossier.Notice{{Key: "k1", Type: dossier.NoticeRejection, Subject: "退回", Body: "b",
				To: []string{"x@example.org"}, NoticeFile: "/in/退回/x.pdf.退回说明.txt"}}, nil
		}})
	if err != nil || len(ns) != 1 {
		t.Fatal(err, ns)
	}
	due, err := l.Due(ctx, t0, 10)
	if err != nil {
		t.Fatal(err)
	}
	var chans []notify.Channel
	for _, d := range due {
		chans = append(chans, d.Channel)
	}
	if !reflect.DeepEqual(chans, []notify.Channel{"file", "log"}) || due[0].Notice.To[0] != "x@example.org" {
		t.Fatalf("due: %+v", due) // mail not offered: no mail row
	}
	if err := l.Delivered(ctx, ns[0].ID, notify.ChannelLog, t0); err != nil {
		t.Fatal(err)
	}
	if err := l.Failed(ctx, ns[0].ID, notify.ChannelFile, "disk full", t0.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	if due, _ := l.Due(ctx, t0, 10); len(due) != 0 {
		t.Fatalf("due before retry: %+v", due)
	}
	due, _ = l.Due(ctx, t0.Add(time.Minute), 10)
	if len(due) != 1 || due[0].Attempts != 1 {
		t.Fatalf("due at retry: %+v", due)
	}
	n := dossier.Notice{Key: "reminder:M11:2026-11-17", TeamID: "M11", Type: dossier.NoticeReminder, Subject: "s", Body: "b", Created: t0}
	for i, want := range []bool{true, false} {
		n.Key = fmt.Sprintf("reminder:M11:2026-11-17:%d", i) // even a new key: one per team per day
		ok, err := l.Remind(ctx, "M11", "2026-11-17", n, nil)
		if err != nil || ok != want {
			t.Fatalf("remind %d: %v %v", i, ok, err)
		}
	}
}

func TestConsolidations(t *testing.T) {
	ctx := context.Background()
	l, _ := open(t)
	if _, ok, _ := l.LastConsolidation(ctx); ok {
		t.Fatal("empty ledger has a consolidation")
	}
	id, err := l.BeginConsolidation(ctx, t0)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := l.LastConsolidation(ctx); ok {
		t.Fatal("an unfinished run counts")
	}
	if err := l.FinishConsolidation(ctx, Consolidation{ID: id, Dir: "/o/2026-11-18", InputsHash: "h", Finished: t0.Add(time.Second), Pages: 3, Changed: true}); err != nil {
		t.Fatal(err)
	}
	c, ok, err := l.LastConsolidation(ctx)
	if err != nil || !ok || c.Pages != 3 || !c.Changed || !c.Started.Equal(t0) {
		t.Fatalf("%+v %v %v", c, ok, err)
	}
}

// A document whose content names another team (F011) waits for a clerk
// without displacing the folder team's accepted survey, and a later
// survey of the folder team does not displace it either.
func TestTeamInDoubtSupersedesNothing(t *testing.T) {
	ctx := context.Background()
	l, _ := open(t)
	own := claim(t, l, "M11/own.xlsx")
	d1, _ := decide(t, l, own, dossier.Document{SHA256: "s1", TeamID: "M11", Kind: dossier.KindSurvey, Verdict: dossier.VerdictAccepted}, 0)
	stray := claim(t, l, "M11/stray.xlsx")
	f011 := []dossier.Finding{{Rule: "F011", Severity: dossier.SeverityWarning, Message: "内容所写服务团为 M12"}}
	d2, _ := decide(t, l, stray, dossier.Document{SHA256: "s2", TeamID: "M11", Kind: dossier.KindSurvey, Verdict: dossier.VerdictReview, Findings: f011}, 0)
	if got, _ := l.Get(ctx, d1.ID); got.Doc.Superseded {
		t.Fatal("an F011 document superseded the team's own survey")
	}
	for _, f := range d2.Findings {
		if f.Rule == "F010" {
			t.Fatalf("F011 document got F010: %+v", d2.Findings)
		}
	}
	again := claim(t, l, "M11/own2.xlsx")
	decide(t, l, again, dossier.Document{SHA256: "s3", TeamID: "M11", Kind: dossier.KindSurvey, Verdict: dossier.VerdictAccepted}, 0)
	if got, _ := l.Get(ctx, d2.ID); got.Doc.Superseded {
		t.Fatal("the team's re-submission superseded the F011 document waiting for a clerk")
	}
	if got, _ := l.Get(ctx, d1.ID); !got.Doc.Superseded {
		t.Fatal("the team's re-submission did not supersede its earlier survey")
	}
}

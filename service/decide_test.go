package service

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dossier"
	"dossier/intake"
)

func TestSurveyFixtureIsClean(t *testing.T) {
	f := newFixture(t)
	doc := f.seed(t, survey("M11", "M11", "调查表.xlsx"))
	got, err := f.svc.Preview(context.Background(), DecisionRequest{DocumentID: doc.ID})
	if err != nil {
		t.Fatal(err)
	}
	for _, fi := range got.Findings {
		if fi.Severity == dossier.SeverityError {
			t.Errorf("clean survey has an error: %+v", fi)
		}
	}
}

// The scanned audit report: the clerk reads the fields off the page,
// typed as on the form; they are normalised, the A rules run on them,
// the verdict is the clerk's, the history and one notice are recorded.
func TestDecideScanWithCorrectedFields(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	doc := f.seed(t, scannedAudit())
	before := doc.StoredPath

	preview, err := f.svc.Preview(ctx, DecisionRequest{DocumentID: doc.ID, Set: auditSet})
	if err != nil {
		t.Fatal(err)
	}
	if r := rulesOf(preview.Findings); r["F009"] || r["A001"] || r["A002"] || r["A003"] || r["A007"] {
		t.Fatalf("preview findings %v: want the scan settled and the amounts adding up", preview.Findings)
	}
	got, err := f.svc.Decide(ctx, DecisionRequest{DocumentID: doc.ID, Verdict: dossier.VerdictAccepted,
		User: "张三", Note: "按扫描件核对录入", Set: auditSet})
	if err != nil {
		t.Fatal(err)
	}
	if got.Verdict != dossier.VerdictAccepted || got.DecidedBy == nil || got.DecidedBy.User != "张三" {
		t.Fatalf("decided: verdict %s decided_by %+v", got.Verdict, got.DecidedBy)
	}
	if v, _ := got.Fields.Money("received_municipal"); v != 100000 {
		t.Errorf("received_municipal = %v, want 100000 (10万元)", got.Fields["received_municipal"])
	}
	if v, _ := got.Fields.Money("spent_total"); v != 100000 {
		t.Errorf("spent_total = %v, want 100000 (full-width digits)", got.Fields["spent_total"])
	}
	if got.Fields.Text("opinion") != "unqualified" || got.Fields.Text("service_end") != "2026-11-08" {
		t.Errorf("opinion %q service_end %q", got.Fields.Text("opinion"), got.Fields.Text("service_end"))
	}
	if got.StoredPath != before || !exists(before) {
		t.Errorf("an accepted review document stays in the archive: %s (was %s)", got.StoredPath, before)
	}
	v, err := f.svc.Document(ctx, doc.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(v.History) != 1 || v.History[0].VerdictBefore != dossier.VerdictReview || v.History[0].VerdictAfter != dossier.VerdictAccepted {
		t.Fatalf("history %+v", v.History)
	}
	if h := v.History[0]; h.FieldsBefore["auditor"] != nil || h.FieldsAfter.Text("auditor") == "" {
		t.Errorf("history fields before %v after %v", h.FieldsBefore, h.FieldsAfter)
	}
	if len(v.Notices) != 1 || v.Notices[0].Notice.Type != dossier.NoticeDecision {
		t.Fatalf("notices %+v: want one 审核结果通知", v.Notices)
	}
	n := v.Notices[0].Notice
	if !strings.Contains(n.Subject, "审核结果通知") || !strings.Contains(n.Body, "已受理") || !strings.Contains(n.Body, "按扫描件核对录入") ||
		!strings.Contains(n.Body, "会计师事务所") || len(n.To) != 1 || n.To[0] != "M13@example.cn" || n.NoticeFile != "" {
		t.Errorf("notice %+v", n)
	}
	if len(v.Why) != 0 {
		t.Errorf("decided document still waits: %v", v.Why)
	}
	views, err := f.svc.Status(ctx, testNow)
	if err != nil {
		t.Fatal(err)
	}
	for _, tv := range views {
		if tv.Team.ID != "M13" {
			continue
		}
		cur, ok := tv.Current(dossier.KindAudit)
		if !ok || cur.DecidedBy == nil || tv.Materials[dossier.KindAudit] != dossier.MaterialAccepted {
			t.Fatalf("status M13: %v current %+v", tv.Materials, cur.DecidedBy)
		}
		if v, _ := cur.Fields.Money("received_total"); v != 100000 {
			t.Errorf("status uses received_total %v", cur.Fields["received_total"])
		}
	}
}

// A false rejection turned into an acceptance: the corrected value makes
// the sum hold, the file and its 退回说明 leave 退回 for the archive, and
// the unit gets one 更正通知.
func TestFalseRejectionAccepted(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	s := survey("M11", "M11", "调查表.xlsx")
	s.Fields["source_local"] = int64(19) // read wrong: 19+5 ≠ 25
	s.Findings = []dossier.Finding{{Rule: "S005", Severity: dossier.SeverityError, Field: "experts_total", Message: "合计不一致"}}
	doc := f.seed(t, s)
	from := doc.StoredPath
	if !strings.Contains(from, filepath.Join("inbox", intake.RejectDir, "M11")) {
		t.Fatalf("seeded at %s, want 退回/M11", from)
	}
	_, err := f.svc.Decide(ctx, DecisionRequest{DocumentID: doc.ID, Verdict: dossier.VerdictAccepted, User: "李四", Note: "未经更正仍有错误"})
	if !errors.Is(err, ErrErrorsLeft) {
		t.Fatalf("accepting with S005 left: err %v, want ErrErrorsLeft", err)
	}
	got, err := f.svc.Decide(ctx, DecisionRequest{DocumentID: doc.ID, Verdict: dossier.VerdictAccepted, User: "李四",
		Note: "本地专家人数误读，按原表更正", Set: map[string]string{"source_local": "２０人"}})
	if err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(f.folders.ArchiveRoot(), "M11", "survey", "调查表.xlsx")
	if got.StoredPath != want || !exists(want) || exists(from) {
		t.Fatalf("file at %s (exists %v), old place exists %v; want %s", got.StoredPath, exists(want), exists(from), want)
	}
	if !exists(want+intake.NoticeSuffix) || exists(from+intake.NoticeSuffix) {
		t.Errorf("the 退回说明 did not go with the file")
	}
	if b, _ := os.ReadFile(want); string(b) != "bytes of M11/调查表.xlsx" {
		t.Errorf("the file's bytes changed: %q", b)
	}
	v, _ := f.svc.Document(ctx, doc.ID)
	if len(v.Notices) != 1 || v.Notices[0].Notice.Type != dossier.NoticeCorrection ||
		!strings.Contains(v.Notices[0].Notice.Body, "现更正为“已受理”") || !strings.Contains(v.Notices[0].Notice.Body, "由 19 更正为 20") {
		t.Fatalf("notices: %+v", v.Notices)
	}
	if rulesOf(v.Doc.Findings)["S005"] || v.Doc.Verdict != dossier.VerdictAccepted {
		t.Errorf("recorded document: %s %v", v.Doc.Verdict, v.Doc.Findings)
	}
	// And back: a clerk rejects it again; it returns to 退回 with a notice file.
	got, err = f.svc.Decide(ctx, DecisionRequest{DocumentID: doc.ID, Verdict: dossier.VerdictRejected, User: "李四",
		Note: "经复核仍需单位重新报送", Reasons: []dossier.Finding{{Rule: "S005"}}})
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(got.StoredPath) != filepath.Join(f.folders.RejectRoot(), "M11") || !exists(got.StoredPath) || exists(want) {
		t.Fatalf("rejected again: at %s", got.StoredPath)
	}
	v, _ = f.svc.Document(ctx, doc.ID)
	if len(v.History) != 2 || len(v.Notices) != 2 || v.Notices[1].Notice.NoticeFile != got.StoredPath+intake.NoticeSuffix {
		t.Fatalf("history %d notices %d notice file %q", len(v.History), len(v.Notices), v.Notices[len(v.Notices)-1].Notice.NoticeFile)
	}
}

// An F006 file: the clerk names the team, the rules run as for any file,
// and the file moves from 退回/未识别 to the team's archive.
func TestAssignTeam(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	s := survey("", "", "调查表.xlsx")
	s.Path = "调查表.xlsx"
	s.Findings = []dossier.Finding{{Rule: "F006", Severity: dossier.SeverityError, Message: "无法确定所属服务团"}}
	doc := f.seed(t, s)
	items, err := f.svc.Queue(ctx, false)
	if err != nil || len(items) != 1 || items[0].Doc.ID != doc.ID || items[0].Why[0] != "F006" {
		t.Fatalf("queue %+v err %v", items, err)
	}
	got, err := f.svc.Decide(ctx, DecisionRequest{DocumentID: doc.ID, Verdict: dossier.VerdictAccepted, User: "王五",
		Note: "联系人确认为草莓团材料", Team: "m11"})
	if err != nil {
		t.Fatal(err)
	}
	if got.TeamID != "M11" || rulesOf(got.Findings)["F006"] || filepath.Dir(got.StoredPath) != filepath.Join(f.folders.ArchiveRoot(), "M11", "survey") {
		t.Fatalf("assigned: team %q findings %v at %s", got.TeamID, got.Findings, got.StoredPath)
	}
	if items, _ := f.svc.Queue(ctx, false); len(items) != 0 {
		t.Fatalf("queue after the decision: %+v", items)
	}
	if all, _ := f.svc.Queue(ctx, true); len(all) != 1 || all[0].Doc.DecidedBy == nil {
		t.Fatalf("--all: %+v", all)
	}
}

// A decision on a document a later submission replaced is refused.
func TestSupersededRefused(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	old := f.seed(t, survey("M11", "M11", "调查表.xlsx"))
	newer := survey("M11", "M11", "调查表-更新.xlsx")
	newer.Received = onTime.Add(24 * 60 * 60e9)
	f.seed(t, newer)
	rej := survey("M12", "M12", "调查表.xlsx")
	rej.Findings = []dossier.Finding{{Rule: "S005", Severity: dossier.SeverityError, Message: "合计不一致"}}
	rejected := f.seed(t, rej)
	resent := survey("M12", "M12", "调查表-重报.xlsx")
	resent.Received = onTime.Add(2 * 24 * 60 * 60e9)
	f.seed(t, resent)
	for _, id := range []int64{old.ID, rejected.ID} {
		_, err := f.svc.Decide(ctx, DecisionRequest{DocumentID: id, Verdict: dossier.VerdictAccepted, User: "张三", Note: "x", Force: true})
		if !errors.Is(err, ErrSuperseded) {
			t.Errorf("document %d: err %v, want ErrSuperseded", id, err)
		}
		if !strings.Contains(Message(err), "替换") {
			t.Errorf("message %q", Message(err))
		}
		if h, _ := f.led.History(ctx, id); len(h) != 0 {
			t.Errorf("a refused decision was recorded: %+v", h)
		}
	}
}

func TestRequestRefused(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	doc := f.seed(t, scannedAudit())
	tests := []struct {
		name string
		req  DecisionRequest
		want error
	}{
		{"no verdict", DecisionRequest{User: "a", Note: "n"}, ErrBadRequest},
		{"no clerk", DecisionRequest{Verdict: dossier.VerdictAccepted, Note: "n"}, ErrBadRequest},
		{"force without note", DecisionRequest{Verdict: dossier.VerdictAccepted, User: "a", Force: true}, ErrNeedsNote},
		{"reject without reason", DecisionRequest{Verdict: dossier.VerdictRejected, User: "a"}, ErrBadRequest},
		{"unknown field", DecisionRequest{Verdict: dossier.VerdictAccepted, User: "a", Note: "n", Set: map[string]string{"nope": "1"}}, ErrBadField},
		{"not a number", DecisionRequest{Verdict: dossier.VerdictAccepted, User: "a", Note: "n", Set: map[string]string{"balance": "十二个半"}}, ErrBadField},
		{"another kind's field", DecisionRequest{Verdict: dossier.VerdictAccepted, User: "a", Note: "n", Set: map[string]string{"experts_total": "3"}}, ErrBadField},
		{"unknown team", DecisionRequest{Verdict: dossier.VerdictAccepted, User: "a", Note: "n", Team: "M99"}, ErrBadRequest},
		{"bad kind", DecisionRequest{Verdict: dossier.VerdictAccepted, User: "a", Note: "n", Kind: "letter"}, ErrBadRequest},
		{"errors left", DecisionRequest{Verdict: dossier.VerdictAccepted, User: "a", Note: "n", Set: map[string]string{"auditor": "张三"}}, ErrErrorsLeft},
		{"no such document", DecisionRequest{DocumentID: 999, Verdict: dossier.VerdictAccepted, User: "a", Note: "n"}, ErrNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.req.DocumentID == 0 {
				tt.req.DocumentID = doc.ID
			}
			_, err := f.svc.Decide(ctx, tt.req)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err %v, want %v", err, tt.want)
			}
			if Message(err) == "" {
				t.Fatal("no Chinese message")
			}
		})
	}
	if h, _ := f.led.History(ctx, doc.ID); len(h) != 0 {
		t.Fatalf("refused decisions were recorded: %+v", h)
	}
	if ns, _ := f.led.Notices(ctx, doc.ID); len(ns) != 0 {
		t.Fatalf("refused decisions sent notices: %+v", ns)
	}
}

// A clerk account is required once accounts exist.
func TestClerkAccount(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	doc := f.seed(t, scannedAudit())
	if _, err := f.led.AddUser(ctx, "clerk1", dossier.RoleClerk, "a long enough password 1", testNow); err != nil {
		t.Fatal(err)
	}
	if _, err := f.led.AddUser(ctx, "viewer1", dossier.RoleViewer, "a long enough password 2", testNow); err != nil {
		t.Fatal(err)
	}
	for _, user := range []string{"nobody", "viewer1"} {
		_, err := f.svc.Decide(ctx, DecisionRequest{DocumentID: doc.ID, Verdict: dossier.VerdictAccepted, User: user, Note: "n"})
		if !errors.Is(err, ErrNoUser) {
			t.Errorf("%s: err %v, want ErrNoUser", user, err)
		}
	}
	if _, err := f.svc.Decide(ctx, DecisionRequest{DocumentID: doc.ID, Verdict: dossier.VerdictAccepted, User: "clerk1", Note: "n"}); err != nil {
		t.Fatal(err)
	}
}

// A file removed from 退回 by hand: the decision stands and is not left
// pending for ever.
func TestDecideFileRemovedByHand(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	s := survey("M11", "M11", "调查表.xlsx")
	s.Fields["source_local"] = int64(19)
	s.Findings = []dossier.Finding{{Rule: "S005", Severity: dossier.SeverityError, Message: "合计不一致"}}
	doc := f.seed(t, s)
	os.Remove(doc.StoredPath)
	if _, err := f.svc.Decide(ctx, DecisionRequest{DocumentID: doc.ID, Verdict: dossier.VerdictAccepted, User: "李四",
		Note: "更正", Set: map[string]string{"source_local": "20"}}); err != nil {
		t.Fatal(err)
	}
	if m, _ := f.led.Moves(ctx); len(m) != 0 {
		t.Fatalf("decision left pending: %+v", m)
	}
}

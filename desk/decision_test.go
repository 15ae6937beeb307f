package desk

import (
	"context"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"dossier"
)

// TestDecideThroughForms: a clerk rejects an accepted audit report and
// then accepts it again, with the forms alone (no JavaScript): a
// correction the normaliser cannot read is refused with the reason, the
// preview shows the re-applied rules, accepting with errors left needs
// the checkbox, and each decision moves the file and leaves one notice.
func TestDecideThroughForms(t *testing.T) {
	f := newFixture(t, nil)
	fields := dossier.Fields{"received_total": 100000.0, "spent_total": 100000.0, "received_municipal": 100000.0, "received_mohrss": 0.0, "balance": 0.0}
	doc := f.addDoc(dossier.Document{Name: "审计报告.pdf", TeamID: "M11", Kind: dossier.KindAudit, Format: dossier.FormatPDF,
		Pages: 1, Verdict: dossier.VerdictAccepted, Fields: fields}, testPDF(t, filepath.Join(f.dir, "a.pdf"), 1))
	id := strconv.FormatInt(doc.ID, 10)
	c := f.client()
	c.login("wang", clerkPW)
	page := c.get("/doc/" + id)
	if page.code != 200 || !strings.Contains(page.body, `name="f.received_total" value="100000.00"`) {
		t.Fatalf("document page %d lacks the field input:\n%s", page.code, page.body)
	}
	form := func(kv ...string) url.Values {
		v := url.Values{"csrf": {c.csrf}, "team": {"M11"}, "kind": {"audit"}}
		for i := 0; i+1 < len(kv); i += 2 {
			v.Add(kv[i], kv[i+1])
		}
		return v
	}
	steps := []struct {
		name, path string
		form       url.Values
		code       int
		want       string
	}{
		{"unreadable correction", "/preview", form("f.received_total", "十二万多", "verdict", "rejected"), http.StatusUnprocessableEntity, "无法识别"},
		{"preview", "/preview", form("f.spent_total", "9万元", "verdict", "accepted"), http.StatusOK, "90,000.00"},
		{"accept with errors left, no checkbox", "/decide", form("f.spent_total", "9万元", "verdict", "accepted", "note", "n"), http.StatusUnprocessableEntity, "仍然受理"},
		{"unknown team", "/preview", url.Values{"csrf": {c.csrf}, "team": {"M99"}, "kind": {"audit"}}, http.StatusUnprocessableEntity, "M99"},
		{"back to edit keeps the input", "/edit", form("f.spent_total", "9万元"), http.StatusOK, `value="9万元"`},
		{"reject", "/decide", form("verdict", "rejected", "note", "审计报告缺少签章", "reason_text", "审计报告未加盖会计师事务所公章"), http.StatusSeeOther, ""},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			r := c.post("/doc/"+id+s.path, s.form)
			if r.code != s.code || !strings.Contains(r.body, s.want) {
				t.Fatalf("POST %s: %d, want %d with %q:\n%s", s.path, r.code, s.code, s.want, r.body)
			}
		})
	}
	v, err := f.svc.Document(context.Background(), doc.ID)
	if err != nil {
		t.Fatal(err)
	}
	if v.Doc.Verdict != dossier.VerdictRejected || len(v.History) != 1 || len(v.Notices) != 1 {
		t.Fatalf("after the rejection: verdict %s, %d decisions, %d notices", v.Doc.Verdict, len(v.History), len(v.Notices))
	}
	if !strings.Contains(filepath.ToSlash(v.Doc.StoredPath), "/inbox/退回/M11/") {
		t.Fatalf("rejected file rests at %s", v.Doc.StoredPath)
	}
	// The false rejection turned into an acceptance: the file leaves 退回.
	r := c.post("/doc/"+id+"/decide", form("verdict", "accepted", "force", "1", "note", "已核对原件，签章齐全"))
	if r.code != http.StatusSeeOther {
		t.Fatalf("accept: %d\n%s", r.code, r.body)
	}
	v, _ = f.svc.Document(context.Background(), doc.ID)
	if v.Doc.Verdict != dossier.VerdictAccepted || len(v.History) != 2 || len(v.Notices) != 2 {
		t.Fatalf("after the acceptance: verdict %s, %d decisions, %d notices", v.Doc.Verdict, len(v.History), len(v.Notices))
	}
	if strings.Contains(v.Doc.StoredPath, "退回") {
		t.Fatalf("accepted file still in 退回: %s", v.Doc.StoredPath)
	}
	if _, err := os.Stat(v.Doc.StoredPath); err != nil {
		t.Fatal(err)
	}
	page = c.get("/doc/" + id + "?done=1")
	for _, want := range []string{"已记录审核决定", "审核记录", "已核对原件，签章齐全", "审计报告未加盖会计师事务所公章", "人工核定：wang"} {
		if !strings.Contains(page.body, want) {
			t.Errorf("document page lacks %q", want)
		}
	}
}

// TestPagesShowNoServerPath: no page or JSON a clerk or viewer opens
// shows where the server keeps files, and a viewer sees no e-mail address.
func TestPagesShowNoServerPath(t *testing.T) {
	f := newFixture(t, nil)
	doc := f.addDoc(dossier.Document{Name: "审计报告.pdf", TeamID: "M11", Kind: dossier.KindAudit, Format: dossier.FormatPDF,
		Pages: 1, Verdict: dossier.VerdictAccepted, Fields: dossier.Fields{"contact_email": "unit@example.com", "received_total": 100000.0}},
		testPDF(t, filepath.Join(f.dir, "a.pdf"), 1))
	id := strconv.FormatInt(doc.ID, 10)
	clerk := f.client()
	clerk.login("wang", clerkPW)
	if r := clerk.post("/doc/"+id+"/decide", url.Values{"csrf": {clerk.csrf}, "verdict": {"rejected"}, "note": {"退回测试"}}); r.code != http.StatusSeeOther {
		t.Fatalf("reject: %d %s", r.code, r.body)
	}
	viewer := f.client()
	viewer.login("li", viewerPW)
	pages := []string{"/", "/queue", "/queue?all=1", "/doc/" + id, "/team/M11", "/notices", "/notices?state=pending", "/status.json"}
	for _, who := range []struct {
		name string
		c    *client
	}{{"clerk", clerk}, {"viewer", viewer}} {
		for _, p := range pages {
			t.Run(who.name+" "+p, func(t *testing.T) {
				r := who.c.get(p)
				if r.code != http.StatusOK {
					t.Fatalf("GET %s: %d", p, r.code)
				}
				for _, bad := range []string{f.dir, "/tmp/", "dossier.db", clerkPW, viewerPW, "token_hash"} {
					if strings.Contains(r.body, bad) {
						t.Errorf("GET %s shows %q", p, bad)
					}
				}
				if who.name == "viewer" && strings.Contains(r.body, "unit@example.com") {
					t.Errorf("GET %s shows the unit's e-mail address to a viewer", p)
				}
			})
		}
	}
}

// TestAssignTeamAndKind: a file whose team and kind were not identified
// (F006, F007) is given both by the clerk; the rules then run as for any
// file, and the file goes from 退回 to the team's archive.
func TestAssignTeamAndKind(t *testing.T) {
	f := newFixture(t, nil)
	doc := f.addDoc(dossier.Document{Name: "说明.pdf", Kind: dossier.KindUnknown, Format: dossier.FormatPDF, Pages: 1,
		Verdict: dossier.VerdictRejected, Findings: []dossier.Finding{
			{Rule: "F006", Severity: dossier.SeverityError, Message: "无法识别所属服务团"},
			{Rule: "F007", Severity: dossier.SeverityError, Message: "无法识别材料类型"}}},
		testPDF(t, filepath.Join(f.dir, "a.pdf"), 1))
	id := strconv.FormatInt(doc.ID, 10)
	c := f.client()
	c.login("wang", clerkPW)
	page := c.get("/doc/" + id)
	if !strings.Contains(page.body, "未能识别所属服务团") || !strings.Contains(page.body, `<option value="M11">M11 `) {
		t.Fatalf("the page does not offer the team to name:\n%s", page.body)
	}
	r := c.post("/doc/"+id+"/preview", url.Values{"csrf": {c.csrf}, "team": {"M11"}, "kind": {"summary"}})
	if r.code != http.StatusOK || strings.Contains(r.body, "F006") || strings.Contains(r.body, "F007") {
		t.Fatalf("preview with a team and kind named: %d\n%s", r.code, r.body)
	}
	for _, want := range []string{"所属服务团", "M11", "工作成效总结"} {
		if !strings.Contains(r.body, want) {
			t.Errorf("preview lacks %q", want)
		}
	}
	r = c.post("/doc/"+id+"/decide", url.Values{"csrf": {c.csrf}, "team": {"M11"}, "kind": {"summary"}, "verdict": {"accepted"},
		"force": {"1"}, "note": {"单位来电确认为 M11 的工作总结"}})
	if r.code != http.StatusSeeOther {
		t.Fatalf("decide: %d\n%s", r.code, r.body)
	}
	v, err := f.svc.Document(context.Background(), doc.ID)
	if err != nil {
		t.Fatal(err)
	}
	if v.Doc.TeamID != "M11" || v.Doc.Kind != dossier.KindSummary || v.Doc.Verdict != dossier.VerdictAccepted {
		t.Fatalf("after the decision: team %q kind %q verdict %s", v.Doc.TeamID, v.Doc.Kind, v.Doc.Verdict)
	}
	if !strings.Contains(filepath.ToSlash(v.Doc.StoredPath), "/archive/M11/") {
		t.Errorf("file rests at %s, want the archive of M11", v.Doc.StoredPath)
	}
	if team := c.get("/team/M11"); !strings.Contains(team.body, "说明.pdf") {
		t.Error("the team page does not list the assigned file")
	}
}

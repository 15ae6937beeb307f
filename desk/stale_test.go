package desk

import (
	"context"
	"net/http"
	"net/url"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"dossier"
)

var seenInput = regexp.MustCompile(`name="seen" value="(\d+)"`)

// TestConfirmTwice: the confirmation of one preview sent twice (a double
// click on 确认, a second tab) records one decision and sends one notice;
// the second answers 409 with the document as it now stands. A preview
// taken after the first decision confirms normally.
func TestConfirmTwice(t *testing.T) {
	f := newFixture(t, nil)
	fields := dossier.Fields{"received_total": 100000.0, "spent_total": 105000.0, "received_municipal": 100000.0, "received_mohrss": 0.0, "balance": 0.0}
	doc := f.addDoc(dossier.Document{Name: "审计报告.pdf", TeamID: "M11", Kind: dossier.KindAudit, Format: dossier.FormatPDF,
		Pages: 1, Verdict: dossier.VerdictRejected, Fields: fields}, testPDF(t, filepath.Join(f.dir, "a.pdf"), 1))
	id := strconv.FormatInt(doc.ID, 10)
	c := f.client()
	c.login("wang", clerkPW)
	form := url.Values{"csrf": {c.csrf}, "team": {"M11"}, "kind": {"audit"}, "verdict": {"accepted"}, "force": {"1"},
		"note": {"按原件更正"}, "f.spent_total": {"100000"}}
	preview := func() string {
		t.Helper()
		r := c.post("/doc/"+id+"/preview", form)
		m := seenInput.FindStringSubmatch(r.body)
		if r.code != http.StatusOK || m == nil {
			t.Fatalf("preview: %d, no seen input:\n%s", r.code, r.body)
		}
		return m[1]
	}
	counts := func() (int, int) {
		t.Helper()
		v, err := f.svc.Document(context.Background(), doc.ID)
		if err != nil {
			t.Fatal(err)
		}
		return len(v.History), len(v.Notices)
	}
	form.Set("seen", preview())
	if r := c.post("/doc/"+id+"/decide", form); r.code != http.StatusSeeOther {
		t.Fatalf("first confirmation: %d\n%s", r.code, r.body)
	}
	r := c.post("/doc/"+id+"/decide", form)
	if r.code != http.StatusConflict || !strings.Contains(r.body, "本次未记录") || !strings.Contains(r.body, "人工核定") {
		t.Errorf("second confirmation of the same preview: %d\n%s", r.code, r.body)
	}
	if h, n := counts(); h != 1 || n != 1 {
		t.Fatalf("after confirming one preview twice: %d decisions, %d notices; want 1, 1", h, n)
	}
	// A new preview sees the decision; its confirmation is a new decision.
	form.Set("verdict", "rejected")
	form.Set("reason_text", "审计报告未盖章")
	if form.Set("seen", preview()); form.Get("seen") != "1" {
		t.Fatalf("the new preview saw %s decisions, want 1", form.Get("seen"))
	}
	if r := c.post("/doc/"+id+"/decide", form); r.code != http.StatusSeeOther {
		t.Fatalf("confirmation of the new preview: %d\n%s", r.code, r.body)
	}
	if h, n := counts(); h != 2 || n != 2 {
		t.Fatalf("after the second preview: %d decisions, %d notices; want 2, 2", h, n)
	}
}

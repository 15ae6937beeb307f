package desk

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"dossier"
)

// auditCorrections are what a clerk reads off the scanned audit report of
// M13 (one page) and types in; 10万元 goes through the normaliser.
var auditCorrections = []struct{ key, value string }{
	{"auditor", "上海沪港金茂会计师事务所有限公司"},
	{"report_no", "沪众会审字〔2026〕第0754号"},
	{"report_date", "2026-11-13"},
	{"opinion", "unqualified"},
	{"received_mohrss", "0"},
	{"received_municipal", "10万元"},
	{"received_total", "100000"},
	{"spent_expert_fees", "46384.41"},
	{"spent_travel", "10884.38"},
	{"spent_meetings", "12840.38"},
	{"spent_training", "6840.04"},
	{"spent_materials", "9719.08"},
	{"spent_other", "13331.71"},
	{"spent_total", "100000.00"},
	{"balance", "0"},
	{"service_start", "2026-06-14"},
	{"service_end", "2026-11-08"},
}

// TestClerkSettlesScanInBrowser drives `dossier serve` with a real headless
// Chromium: the first account from the logged link, the queue, the scanned
// audit report with its page image, corrections, the preview, acceptance;
// then the ledger's history, the file's place, exactly one notice by
// e-mail, and the status with the corrected values.
func TestClerkSettlesScanInBrowser(t *testing.T) {
	need(t, chromiumPath(), "chromium")
	need(t, sampleAudit, "the sample scanned audit report")
	dir := t.TempDir()
	inbox, data := filepath.Join(dir, "inbox"), filepath.Join(dir, "data")
	src, err := os.ReadFile(sampleAudit)
	if err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(inbox, "M13", "专项审计报告.pdf")
	os.MkdirAll(filepath.Dir(dst), 0o755)
	if err := os.WriteFile(dst, src, 0o644); err != nil {
		t.Fatal(err)
	}
	recv := time.Date(2026, 11, 17, 17, 32, 0, 0, time.FixedZone("CST", 8*3600))
	os.Chtimes(dst, recv, recv)

	box := startMailbox(t)
	listen := freePort(t)
	host, port, _ := strings.Cut(box.addr, ":")
	cfgFile := filepath.Join(dir, "dossier.yaml")
	os.WriteFile(cfgFile, []byte(fmt.Sprintf(`http:
  listen: %s
notify:
  bureau_email: bureau@hrss.example
  retry_min: 1s
  smtp: {host: %s, port: %s, tls: none, from: dossier@hrss.example}
contacts:
  M13: [m13@unit.example]
watch: {mode: poll, poll_interval: 200ms, settle: 300ms}
ocr: {tesseract: "off"}
render: {schedule: "off"}
`, listen, host, port)), 0o644)

	bin := buildDossier(t, dir)
	args := []string{"--config", cfgFile, "--inbox", inbox, "--data", data, "--now", "2026-11-21T09:00:00+08:00"}
	srv := startServe(t, bin, args...)
	var setup string
	select {
	case setup = <-srv.setup:
	case err := <-srv.done:
		t.Fatalf("dossier serve ended: %v\n%s", err, srv.log())
	case <-time.After(60 * time.Second):
		t.Fatalf("no first-account link logged within 60s:\n%s", srv.log())
	}
	base := "http://" + listen
	ctx := browser(t)

	// The first clerk account, from the one-time link.
	run(t, ctx, "setup",
		chromedp.Navigate(setup),
		chromedp.WaitVisible(chromedp.CSS("#password2")),
		chromedp.SendKeys(chromedp.CSS("#name"), "wang"),
		chromedp.SendKeys(chromedp.CSS("#password"), "clerk-secret-2026"),
		chromedp.SendKeys(chromedp.CSS("#password2"), "clerk-secret-2026"),
		shoot("setup"),
		chromedp.Submit(chromedp.CSS("#password2")),
		chromedp.WaitVisible(chromedp.CSS("table.status")),
	)
	if err := waitText(ctx, base+"/queue", "专项审计报告.pdf", 60*time.Second); err != nil {
		t.Fatalf("%v\n%s", err, srv.log())
	}
	waitMail(t, box, 1, srv) // the review notice of intake: 审核结果另行通知
	mailsBefore := box.count()
	run(t, ctx, "overview", chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.CSS("table.status")))
	// By keyboard: the first Tab reaches the skip link, which leads to the content.
	run(t, ctx, "tab", chromedp.KeyEvent("\t"))
	if focused, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement.textContent`)); focused != "跳到正文" {
		t.Errorf("the first Tab focuses %q, want the skip link", focused)
	}
	run(t, ctx, "queue", chromedp.Navigate(base+"/queue"), chromedp.WaitVisible(chromedp.CSS("table.grid")))

	// The document: its page image beside the fields.
	run(t, ctx, "document",
		chromedp.Click(`//a[text()="专项审计报告.pdf"]`),
		chromedp.WaitVisible(chromedp.CSS("#f-received_total")),
	)
	width, err := chromedp.Run(ctx, chromedp.Poll[int](`(() => { const i = document.querySelector('.pages img'); return i && i.complete && i.naturalWidth > 0 ? i.naturalWidth : 0 })()`,
		chromedp.WithPollingTimeout(60*time.Second)))
	if err != nil {
		t.Fatalf("page image never loaded: %v", err)
	}
	run(t, ctx, "document shot", shoot("document"))
	if width < 800 {
		t.Fatalf("page image %d px wide, want an A4 page at 110 dpi", width)
	}
	var actions []chromedp.Action[chromedp.Void]
	for _, c := range auditCorrections {
		sel := "#f-" + c.key
		if c.key == "opinion" {
			actions = append(actions, chromedp.SetValue(chromedp.CSS(sel), c.value))
			continue
		}
		actions = append(actions, chromedp.SendKeys(chromedp.CSS(sel), c.value))
	}
	actions = append(actions,
		chromedp.Click(chromedp.CSS(`input[name=verdict][value=accepted]`)),
		chromedp.SendKeys(chromedp.CSS("#note"), "扫描件，已按原件逐项核对录入。"),
		shoot("document-filled"),
		chromedp.Click(`//button[contains(., "预览")]`),
		chromedp.WaitVisible(`//h1[contains(., "核对更正结果")]`),
		shoot("preview"),
	)
	run(t, ctx, "correct and preview", actions...)
	preview, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main")))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"100,000.00", "规则复核结果", "无保留意见"} {
		if !strings.Contains(preview, want) {
			t.Errorf("preview lacks %q:\n%s", want, preview)
		}
	}
	force, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`!!document.querySelector('input[name=force]')`))
	if err != nil {
		t.Fatal(err)
	}
	if force {
		t.Logf("preview still finds errors:\n%s", preview)
		run(t, ctx, "force", chromedp.Click(chromedp.CSS(`input[name=force]`)))
	}
	run(t, ctx, "confirm",
		chromedp.Click(`//button[contains(., "确认决定")]`),
		chromedp.WaitVisible(`//p[contains(., "已记录审核决定")]`),
		shoot("decided"),
	)
	waitMail(t, box, mailsBefore+1, srv)
	run(t, ctx, "team", chromedp.Navigate(base+"/team/M13"), chromedp.WaitVisible(chromedp.CSS("h1")))
	run(t, ctx, "notices", chromedp.Navigate(base+"/notices"), chromedp.WaitVisible(chromedp.CSS("table.counts")))
	run(t, ctx, "logout and login",
		chromedp.Click(`//button[text()="退出"]`),
		chromedp.WaitVisible(chromedp.CSS("#password")),
		chromedp.SendKeys(chromedp.CSS("#name"), "wang"),
		shoot("login"),
		chromedp.SendKeys(chromedp.CSS("#password"), "clerk-secret-2026"),
		chromedp.Submit(chromedp.CSS("#password")),
		chromedp.WaitVisible(chromedp.CSS("table.status")),
	)
	time.Sleep(2 * time.Second) // a second notice would have gone out by now
	srv.stop(t)

	checkSettled(t, bin, args, data, inbox, box, mailsBefore)
	if strings.Contains(srv.log(), "clerk-secret-2026") {
		t.Error("the password reached the log")
	}
}

func run(t *testing.T, ctx context.Context, step string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, actions...); err != nil {
		url, _ := chromedp.Run(ctx, chromedp.Location())
		text, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("body")))
		t.Fatalf("%s: %v (at %s)\n%s", step, err, url, text)
	}
}

func waitMail(t *testing.T, box *mailbox, n int, srv *served) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for box.count() < n {
		if time.Now().After(deadline) {
			t.Fatalf("%d e-mails received, want %d\n%s", box.count(), n, srv.log())
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// checkSettled reads what the decision left: the ledger's history, the
// file in the archive, one e-mail, the status with the corrected values.
func checkSettled(t *testing.T, bin string, args []string, data, inbox string, box *mailbox, mailsBefore int) {
	t.Helper()
	_, svc := openLedger(t, data)
	items, err := svc.Queue(context.Background(), true)
	if err != nil || len(items) != 1 {
		t.Fatalf("documents: %v %v", items, err)
	}
	v, err := svc.Document(context.Background(), items[0].Doc.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(v.History) != 1 || v.History[0].User != "wang" || v.History[0].VerdictBefore != dossier.VerdictReview ||
		v.History[0].VerdictAfter != dossier.VerdictAccepted {
		t.Fatalf("history: %+v", v.History)
	}
	if got, _ := v.History[0].FieldsAfter.Money("received_municipal"); got != 100000 {
		t.Errorf("history: received_municipal after = %v, want 100000 (from 10万元)", v.History[0].FieldsAfter["received_municipal"])
	}
	if v.Doc.Verdict != dossier.VerdictAccepted || v.Doc.DecidedBy == nil {
		t.Errorf("document: verdict %s, decided by %v", v.Doc.Verdict, v.Doc.DecidedBy)
	}
	rel, _ := filepath.Rel(data, v.Doc.StoredPath)
	if !strings.HasPrefix(filepath.ToSlash(rel), "archive/M13/") {
		t.Errorf("file rests at %s, want under archive/M13/", v.Doc.StoredPath)
	}
	if _, err := os.Stat(v.Doc.StoredPath); err != nil {
		t.Errorf("the file is not where the ledger says: %v", err)
	}
	if m, _ := filepath.Glob(filepath.Join(inbox, "退回", "*", "*")); len(m) != 0 {
		t.Errorf("files left in 退回: %v", m)
	}
	msgs := box.all()
	if len(msgs) != mailsBefore+1 {
		t.Fatalf("%d e-mails after the decision, want exactly one more than %d", len(msgs), mailsBefore)
	}
	last := msgs[len(msgs)-1]
	if !strings.Contains(strings.Join(last.rcpt, ","), "m13@unit.example") {
		t.Errorf("the decision's e-mail went to %v", last.rcpt)
	}
	out, err := exec.Command(bin, append([]string{"status", "--json"}, args...)...).Output()
	if err != nil {
		t.Fatalf("dossier status: %v", err)
	}
	var found bool
	for _, line := range bytes.Split(bytes.TrimSpace(out), []byte("\n")) {
		var l struct {
			Team      string
			Materials map[string]string
			Documents []struct {
				Kind      string
				DecidedBy *struct{ User string } `json:"decided_by"`
				Fields    map[string]any
			}
		}
		if json.Unmarshal(line, &l) != nil || l.Team != "M13" {
			continue
		}
		found = true
		if l.Materials["audit"] != "accepted" {
			t.Errorf("status: M13 audit %q, want accepted", l.Materials["audit"])
		}
		for _, d := range l.Documents {
			if d.Kind == "audit" && (d.DecidedBy == nil || d.DecidedBy.User != "wang" || d.Fields["received_total"] != 100000.0) {
				t.Errorf("status: the audit document does not carry the clerk's values: %+v", d)
			}
		}
	}
	if !found {
		t.Fatalf("status has no M13 line:\n%s", out)
	}
}

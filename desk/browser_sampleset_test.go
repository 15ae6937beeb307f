package desk

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"mime"
	"net/mail"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/xuri/excelize/v2"
)

// sampleTeams are the teams of the sample set; each gets a contact so
// that every decision's notice reaches the SMTP server.
var sampleTeams = []string{"M1", "M2", "M3", "M4", "M5", "M6", "M7", "M8", "M9", "M10", "M11", "M12", "M13", "M14", "M15", "N1", "N2", "N3"}

// deskSet is the sample inbox after `run --once`, served by one `dossier
// serve`, with one Chromium logged in as the clerk.
type deskSet struct {
	t                  *testing.T
	dir, inbox, data   string
	bin                string
	args               []string // --config … --now, for the command line
	box                *mailbox
	srv                *served
	base               string
	ctx                context.Context
	mailsAtStart, sent int
}

// newDeskSet copies the sample inbox and plants two files for the clerk:
// a photo whose folder and name tie it to no team (F006), and M12's
// survey dropped into M11's folder (F011: its content names M12). It runs
// `run --once` (with the outbox settled), adds the clerk and starts
// `dossier serve` and the browser.
func newDeskSet(t *testing.T) *deskSet {
	t.Helper()
	s := &deskSet{t: t, dir: t.TempDir()}
	s.inbox, s.data = filepath.Join(s.dir, "inbox"), filepath.Join(s.dir, "data")
	copyTree(t, sampleInbox, s.inbox)
	photo, err := os.ReadFile(filepath.Join(sampleInbox, "M12", "专题讲座现场-M12-img1.jpg"))
	if err != nil {
		t.Fatal(err)
	}
	survey, err := os.ReadFile(filepath.Join(sampleInbox, "M12", "实施成效调查表.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	late := time.Date(2026, 11, 19, 18, 0, 0, 0, time.FixedZone("CST", 8*3600))
	for rel, b := range map[string][]byte{
		"现场照片.jpg":        append(photo, "dossier test trailer"...), // bytes of its own: no F008 duplicate
		"M11/调查表-补报.xlsx": survey,
	} {
		p := filepath.Join(s.inbox, rel)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		os.Chtimes(p, late, late)
	}

	s.box = startMailbox(t)
	listen := freePort(t)
	host, port, _ := strings.Cut(s.box.addr, ":")
	var contacts strings.Builder
	for _, id := range sampleTeams {
		fmt.Fprintf(&contacts, "  %s: [%s@unit.example]\n", id, strings.ToLower(id))
	}
	cfg := filepath.Join(s.dir, "dossier.yaml")
	os.WriteFile(cfg, []byte(fmt.Sprintf(`http:
  listen: %s
notify:
  bureau_email: bureau@hrss.example
  retry_min: 1s
  retry_max: 2s
  smtp: {host: %s, port: %s, tls: none, from: dossier@hrss.example, timeout: 20s}
contacts:
%swatch: {mode: poll, poll_interval: 500ms, settle: 300ms}
ocr: {tesseract: "off"}
render: {schedule: "off"}
`, listen, host, port, contacts.String())), 0o644)
	s.bin = buildDossier(t, s.dir)
	common := func(now string) []string {
		return []string{"--config", cfg, "--inbox", s.inbox, "--data", s.data, "--now", now}
	}
	s.cli("run", append([]string{"run", "--once"}, common("2026-11-21T09:00:00+08:00")...)...)
	// A delivery that failed on a loaded machine is retried by a later
	// run: settle the outbox before counting what the decisions send.
	for i, n := 1, -1; i <= 5 && n != s.box.count(); i++ {
		n = s.box.count()
		s.cli("run", append([]string{"run", "--once"}, common(fmt.Sprintf("2026-11-21T09:%02d:00+08:00", 10*i))...)...)
	}
	s.args = common("2026-11-21T10:00:00+08:00")
	cmd := exec.Command(s.bin, append([]string{"user", "add", "wang", "--role", "clerk"}, s.args...)...)
	cmd.Stdin = strings.NewReader("sample-set-password\n")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("user add: %v\n%s", err, out)
	}
	s.mailsAtStart = s.box.count()
	s.srv = startServe(t, s.bin, s.args...)
	s.base = "http://" + listen
	waitUp(t, s.base, s.srv)
	s.ctx = browser(t)
	run(t, s.ctx, "login",
		chromedp.Navigate(s.base+"/login"),
		chromedp.WaitVisible(chromedp.CSS("#password")),
		chromedp.SendKeys(chromedp.CSS("#name"), "wang"),
		chromedp.SendKeys(chromedp.CSS("#password"), "sample-set-password"),
		chromedp.Submit(chromedp.CSS("#password")),
		chromedp.WaitVisible(chromedp.CSS("table.status")),
	)
	return s
}

// cli runs the command line and returns its standard output.
func (s *deskSet) cli(what string, args ...string) []byte {
	s.t.Helper()
	var stderr bytes.Buffer
	cmd := exec.Command(s.bin, args...)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		s.t.Fatalf("dossier %s: %v\n%.3000s", what, err, stderr.String())
	}
	return out
}

// decision is what the clerk does on one document's page.
type decision struct {
	fill    []chromedp.Action[chromedp.Void] // corrections, team, kind
	verdict string                           // accepted or rejected
	reasons []string                         // rule ids ticked on the preview
	note    string
	rules   string   // the verdict the preview's rules give (accepted, rejected)
	preview []string // texts the preview shows
	mailTo  string   // the decision's e-mail's recipient; "" for none
	subject string   // how its subject begins (【更正通知】…)
	// folderTo: the team whose folder the file left also gets one notice
	// (a file assigned to another team); "" for none.
	folderTo string
}

// decide opens the document at url, fills the form, previews, checks
// that no error is left (no "accept anyway"), confirms, and waits for
// exactly the notice the decision sends.
func (s *deskSet) decide(t *testing.T, url string, d decision) {
	t.Helper()
	before := s.box.count()
	actions := []chromedp.Action[chromedp.Void]{chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS("form.decision"))}
	actions = append(actions, d.fill...)
	actions = append(actions,
		chromedp.Click(chromedp.CSS(`input[name=verdict][value=`+d.verdict+`]`)),
		chromedp.SendKeys(chromedp.CSS("#note"), d.note),
		chromedp.Click(`//button[contains(., "预览")]`),
		chromedp.WaitVisible(`//h1[contains(., "核对更正结果")]`),
	)
	run(t, s.ctx, "fill and preview", actions...)
	text, err := chromedp.Run(s.ctx, chromedp.Text(chromedp.CSS("main")))
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := chromedp.Run(s.ctx, chromedp.Evaluate[string](`(document.querySelector('h2 span[class^="v-"]') || {}).className`)); v != "v-"+d.rules {
		t.Errorf("the preview's rules give %q, want v-%s:\n%s", v, d.rules, text)
	}
	for _, want := range append([]string{"规则复核结果"}, d.preview...) {
		if !strings.Contains(text, want) {
			t.Errorf("the preview lacks %q:\n%s", want, text)
		}
	}
	if force, _ := chromedp.Run(s.ctx, chromedp.Evaluate[bool](`!!document.querySelector('input[name=force]')`)); force && d.verdict == "accepted" {
		t.Fatalf("the preview still finds errors after the corrections:\n%s", text)
	}
	var confirm []chromedp.Action[chromedp.Void]
	for _, r := range d.reasons {
		confirm = append(confirm, chromedp.Click(chromedp.CSS(`input[name=reason][value=`+r+`]`)))
	}
	confirm = append(confirm,
		chromedp.Click(`//button[contains(., "确认决定")]`),
		chromedp.WaitVisible(`//p[contains(., "已记录审核决定")]`),
	)
	run(t, s.ctx, "confirm", confirm...)
	if d.mailTo == "" {
		return
	}
	want := 1
	if d.folderTo != "" {
		want = 2
	}
	waitMail(t, s.box, before+want, s.srv)
	s.sent += want
	msgs := s.box.all()[before:]
	var main, folder int
	for _, msg := range msgs {
		m, err := mail.ReadMessage(strings.NewReader(msg.data))
		if err != nil {
			t.Fatal(err)
		}
		subject, _ := new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject"))
		switch rcpt := strings.Join(msg.rcpt, ","); {
		case strings.Contains(rcpt, d.mailTo) && strings.HasPrefix(subject, d.subject):
			main++
		case d.folderTo != "" && strings.Contains(rcpt, d.folderTo) && strings.HasPrefix(subject, "【更正通知】"):
			folder++
		default:
			t.Errorf("an e-mail to %s, %q: want one to %s beginning %q", rcpt, subject, d.mailTo, d.subject)
		}
	}
	if main != 1 || (d.folderTo != "" && folder != 1) {
		t.Errorf("the decision's e-mails: %d to %s, %d to the folder's team %s; want one each", main, d.mailTo, folder, d.folderTo)
	}
}

// docURL opens the list at list and follows the link named name in the
// row of team (any row when team is ""), returning the document's address.
func (s *deskSet) docURL(t *testing.T, list, team, name string) string {
	t.Helper()
	row := "//tr"
	if team != "" {
		row = `//tr[td/a[@href="/team/` + team + `"]]`
	}
	run(t, s.ctx, "open "+name,
		chromedp.Navigate(s.base+list),
		chromedp.WaitVisible(chromedp.CSS("h1")),
		chromedp.Click(row+`//a[text()="`+name+`"]`),
		chromedp.WaitVisible(chromedp.CSS("dl.meta")),
	)
	url, err := chromedp.Run(s.ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	return url
}

func pick(sel, value string) chromedp.Action[chromedp.Void] {
	return chromedp.SetValue(chromedp.CSS(sel), value)
}

// TestClerkSettlesSampleSetInBrowser: the sample set after `run --once`,
// with an F006 photo and an F011 survey planted, settled by a clerk using
// only the pages in a real headless Chromium against one `dossier serve`:
// M4's audit report, falsely rejected for A002, corrected and accepted
// (it leaves 退回 with its 退回说明); the F006 photo and the F011 survey
// assigned to M12; then everything else the queue holds (M13's scan,
// 说明.pdf), until 待办 is empty. Each decision sends exactly one e-mail;
// afterwards `review list` is empty and `status --json` and the
// package's 汇总表.xlsx carry the clerk's values.
func TestClerkSettlesSampleSetInBrowser(t *testing.T) {
	need(t, chromiumPath(), "chromium")
	need(t, sampleInbox, "the sample inbox")
	if testing.Short() {
		t.Skip("the whole sample set takes minutes")
	}
	s := newDeskSet(t)

	t.Run("false rejection accepted", func(t *testing.T) {
		url := s.docURL(t, "/queue?all=1", "M4", "经费决算报告及审计报告.pdf")
		s.mistype(t, url)
		s.decide(t, url, decision{
			fill:    []chromedp.Action[chromedp.Void]{pick("#f-spent_total", "100,000.00")},
			verdict: "accepted", note: "实际支出合计识读有误，按原件更正为100,000.00元。",
			rules: "accepted", preview: []string{"105,000.00", "100,000.00"}, mailTo: "m4@unit.example", subject: "【更正通知】",
		})
		rejected := filepath.Join(s.inbox, "退回", "M4", "经费决算报告及审计报告.pdf")
		archived := filepath.Join(s.data, "archive", "M4", "audit", "经费决算报告及审计报告.pdf")
		for p, want := range map[string]bool{rejected: false, rejected + ".退回说明.txt": false, archived: true, archived + ".退回说明.txt": true} {
			if exists(p) != want {
				t.Errorf("%s exists: %v, want %v", p, !want, want)
			}
		}
	})

	t.Run("F006 photo assigned to a team", func(t *testing.T) {
		url := s.docURL(t, "/queue", "", "现场照片.jpg")
		s.decide(t, url, decision{
			fill:    []chromedp.Action[chromedp.Void]{pick("#team", "M12")},
			verdict: "accepted", note: "经电话确认为M12专题讲座现场照片。",
			rules: "accepted", preview: []string{"所属服务团"}, mailTo: "m12@unit.example", subject: "【更正通知】",
		})
		if !exists(filepath.Join(s.data, "archive", "M12", "photos", "现场照片.jpg")) {
			t.Errorf("the photo is not in M12's archive")
		}
		if m, _ := filepath.Glob(filepath.Join(s.inbox, "退回", "未识别", "现场照片.jpg*")); len(m) != 0 {
			t.Errorf("the photo left files in 退回: %v", m)
		}
	})

	t.Run("F011 survey assigned to its team", func(t *testing.T) {
		// While it waits, it replaces nothing and nothing replaces it.
		// (Which one 团队 marks 当前有效 meanwhile is TeamView.Current's.)
		if rows := s.teamDocs(t, "M11"); rows["M11调查表.pdf"] != "当前有效" && rows["M11调查表.pdf"] != "—" ||
			rows["调查表-补报.xlsx"] != "当前有效" && rows["调查表-补报.xlsx"] != "—" {
			t.Errorf("团队 M11 while the F011 survey waits: %v", rows)
		}
		url := s.docURL(t, "/queue", "M11", "调查表-补报.xlsx")
		page, _ := chromedp.Run(s.ctx, chromedp.Text(chromedp.CSS("main")))
		if !strings.Contains(page, "F011") {
			t.Errorf("the survey's page does not say why it waits (F011):\n%s", page)
		}
		s.decide(t, url, decision{
			fill:    []chromedp.Action[chromedp.Void]{pick("#team", "M12")},
			verdict: "accepted", note: "内容为M12调查表，归入M12。",
			rules: "accepted", preview: []string{"所属服务团", "M12"}, mailTo: "m12@unit.example", subject: "【审核结果通知】",
			folderTo: "m11@unit.example",
		})
		m11, m12 := s.teamDocs(t, "M11"), s.teamDocs(t, "M12")
		if _, listed := m11["调查表-补报.xlsx"]; listed || m11["M11调查表.pdf"] != "当前有效" ||
			m12["调查表-补报.xlsx"] != "当前有效" || m12["实施成效调查表.xlsx"] != "已被替换" {
			t.Errorf("after the decision: 团队 M11 %v, 团队 M12 %v", m11, m12)
		}
		// M12's own survey is now replaced: its page refuses a decision.
		s.docURL(t, "/queue?all=1", "M12", "实施成效调查表.xlsx")
		page, _ = chromedp.Run(s.ctx, chromedp.Text(chromedp.CSS("main")))
		form, _ := chromedp.Run(s.ctx, chromedp.Evaluate[bool](`!!document.querySelector('form.decision')`))
		if form || !strings.Contains(page, "已被同一服务团后来报送的同类材料替换") {
			t.Errorf("M12's replaced survey: decision form %v, page:\n%s", form, page)
		}
	})

	t.Run("rest of the queue", func(t *testing.T) {
		actions := []chromedp.Action[chromedp.Void]{}
		for _, c := range auditCorrections {
			actions = append(actions, pick("#f-"+c.key, c.value))
		}
		todo := map[string]decision{
			"专项审计报告.pdf": {fill: actions, verdict: "accepted", note: "扫描件，已按原件逐项核对录入。",
				rules: "accepted", preview: []string{"100,000.00", "无保留意见"}, mailTo: "m13@unit.example", subject: "【审核结果通知】"},
			"说明.pdf": {verdict: "rejected", reasons: []string{"F006"}, note: "非申报材料，不予受理。", rules: "rejected"},
		}
		for range len(todo) + 1 {
			run(t, s.ctx, "queue", chromedp.Navigate(s.base+"/queue"), chromedp.WaitVisible(chromedp.CSS("h1")))
			names, err := chromedp.Run(s.ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('main table.grid tbody tr td:nth-child(4) a')].map(a => a.textContent)`))
			if err != nil {
				t.Fatal(err)
			}
			if len(names) == 0 {
				break
			}
			d, ok := todo[names[0]]
			if !ok {
				t.Fatalf("待办 holds %v; %q was not expected to wait", names, names[0])
			}
			delete(todo, names[0])
			s.decide(t, s.docURL(t, "/queue", "", names[0]), d)
		}
		if len(todo) != 0 {
			t.Errorf("never in 待办: %v", todo)
		}
		if err := waitText(s.ctx, s.base+"/queue", "没有等待审核的材料", 5*time.Second); err != nil {
			t.Error(err)
		}
		// 说明.pdf stays in 退回 with its 退回说明 (rejected again, no unit to tell).
		for _, p := range []string{"说明.pdf", "说明.pdf.退回说明.txt"} {
			if !exists(filepath.Join(s.inbox, "退回", "未识别", p)) {
				t.Errorf("退回/未识别/%s is gone", p)
			}
		}
	})

	time.Sleep(2 * time.Second) // a second notice would have gone out by now
	s.srv.stop(t)
	if got := s.box.count() - s.mailsAtStart; got != s.sent {
		t.Errorf("%d e-mails since serve started, want exactly one per decision that names a unit: %d", got, s.sent)
	}
	if t.Failed() {
		return
	}
	t.Run("command line agrees", func(t *testing.T) {
		if out := bytes.TrimSpace(s.cli("review list", append([]string{"review", "list", "--json"}, s.args...)...)); len(out) != 0 {
			t.Errorf("review list after settling everything in the browser:\n%s", out)
		}
		s.checkHistory(t)
		s.checkStatus(t)
		s.checkPackage(t)
	})
}

type statusLine struct {
	Team      string
	Materials map[string]string
	Documents []struct {
		File, Kind, Verdict string
		DecidedBy           *struct{ User string } `json:"decided_by"`
		Fields              map[string]any
	}
}

// checkStatus: `status --json` has the clerk's verdicts and values.
func (s *deskSet) checkStatus(t *testing.T) {
	t.Helper()
	lines := map[string]statusLine{}
	for _, b := range bytes.Split(bytes.TrimSpace(s.cli("status", append([]string{"status", "--json"}, s.args...)...)), []byte("\n")) {
		var l statusLine
		if err := json.Unmarshal(b, &l); err != nil {
			t.Fatalf("status line %s: %v", b, err)
		}
		lines[l.Team] = l
	}
	for _, c := range []struct {
		team, kind, file, field string
		value                   any
	}{
		{"M4", "audit", "M4/经费决算报告及审计报告.pdf", "spent_total", 100000.0},
		{"M12", "photos", "现场照片.jpg", "", nil},
		{"M12", "survey", "M11/调查表-补报.xlsx", "team_name", "上海市数据智能应用基层普及项目"},
		{"M13", "audit", "M13/专项审计报告.pdf", "spent_expert_fees", 46384.41},
	} {
		l := lines[c.team]
		if l.Materials[c.kind] != "accepted" {
			t.Errorf("status: %s %s is %q, want accepted", c.team, c.kind, l.Materials[c.kind])
		}
		var found bool
		for _, d := range l.Documents {
			if d.File != c.file {
				continue
			}
			found = true
			if d.Verdict != "accepted" || d.DecidedBy == nil || d.DecidedBy.User != "wang" || c.field != "" && d.Fields[c.field] != c.value {
				t.Errorf("status: %s %s: verdict %s, decided by %+v, %s = %v; want accepted by wang, %v", c.team, c.file, d.Verdict, d.DecidedBy, c.field, d.Fields[c.field], c.value)
			}
		}
		if !found {
			t.Errorf("status: %s does not list %s among its documents", c.team, c.file)
		}
	}
	// M11's own survey stays current: the F011 file went to M12.
	for _, d := range lines["M11"].Documents {
		if d.Kind == "survey" && (d.File == "M11/调查表-补报.xlsx" || d.DecidedBy != nil) {
			t.Errorf("status: M11's current survey is %s (decided by %+v), want its own", d.File, d.DecidedBy)
		}
	}
	if lines["M11"].Materials["survey"] != "accepted" {
		t.Errorf("status: M11 survey %q, want its own accepted survey", lines["M11"].Materials["survey"])
	}
}

// checkPackage: `consolidate` puts the clerk's values in 汇总表.xlsx.
func (s *deskSet) checkPackage(t *testing.T) {
	t.Helper()
	out := filepath.Join(s.dir, "pkg")
	s.cli("consolidate", append([]string{"consolidate", "--out", out}, s.args...)...)
	xlsx, _ := filepath.Glob(filepath.Join(out, "*", "汇总表.xlsx"))
	if len(xlsx) != 1 {
		t.Fatalf("package holds %v, want one 汇总表.xlsx", xlsx)
	}
	f, err := excelize.OpenFile(xlsx[0])
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("汇总表")
	if err != nil || len(rows) < 2 {
		t.Fatalf("汇总表: %d rows, %v", len(rows), err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	row := map[string][]string{}
	for _, r := range rows[1:] {
		if len(r) > col["编号"] {
			row[r[col["编号"]]] = r
		}
	}
	for _, c := range []struct{ team, header, want string }{
		{"M4", "经费决算报告及第三方审计报告", "已受理"},
		{"M4", "实际支出合计（元）", "100,000.00"},
		{"M4", "结余资金（元）", "0.00"},
		{"M13", "经费决算报告及第三方审计报告", "已受理"},
		{"M13", "会计师事务所", "上海沪港金茂会计师事务所有限公司"},
		{"M13", "市级经费（到位）（元）", "100,000.00"},
		{"M13", "专家劳务费（元）", "46,384.41"},
		{"M13", "实际支出合计（元）", "100,000.00"},
		{"M12", "服务现场影像图片资料及说明", "已受理"},
		{"M11", "实施成效调查表", "已受理"},
	} {
		i, ok := col[c.header]
		if !ok {
			t.Errorf("汇总表 has no column %q", c.header)
			continue
		}
		if r := row[c.team]; len(r) <= i || r[i] != c.want {
			got := ""
			if len(r) > i {
				got = r[i]
			}
			t.Errorf("汇总表 %s %s = %q, want %q", c.team, c.header, got, c.want)
		}
	}
}

func exists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}

// checkHistory: the ledger holds exactly the five decisions, one each,
// by wang, with the verdicts before and after.
func (s *deskSet) checkHistory(t *testing.T) {
	t.Helper()
	want := map[string][3]string{ // path: verdict before, after, team after
		"M4/经费决算报告及审计报告.pdf": {"rejected", "accepted", "M4"},
		"现场照片.jpg":           {"rejected", "accepted", "M12"},
		"M11/调查表-补报.xlsx":    {"review", "accepted", "M12"},
		"M13/专项审计报告.pdf":     {"review", "accepted", "M13"},
		"说明.pdf":             {"rejected", "rejected", ""},
	}
	ctx := context.Background()
	_, svc := openLedger(t, s.data)
	items, err := svc.Queue(ctx, true)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		v, err := svc.Document(ctx, it.Doc.ID)
		if err != nil {
			t.Fatal(err)
		}
		w, ok := want[v.Doc.Path]
		delete(want, v.Doc.Path)
		switch {
		case !ok && len(v.History) != 0:
			t.Errorf("%s has %d decisions, want none", v.Doc.Path, len(v.History))
		case !ok:
		case len(v.History) != 1:
			t.Errorf("%s has %d decisions, want 1", v.Doc.Path, len(v.History))
		default:
			h := v.History[0]
			if h.User != "wang" || h.Note == "" || string(h.VerdictBefore) != w[0] || string(h.VerdictAfter) != w[1] || v.Doc.TeamID != w[2] {
				t.Errorf("%s: decision by %s (%q) %s→%s, team %q; want wang %s→%s, team %q", v.Doc.Path, h.User, h.Note,
					h.VerdictBefore, h.VerdictAfter, v.Doc.TeamID, w[0], w[1], w[2])
			}
		}
	}
	if len(want) != 0 {
		t.Errorf("not in the ledger: %v", want)
	}
}

// mistype: a value the normaliser cannot read sends the clerk back to the
// form with a message and the inputs kept; "返回修改" on the preview keeps
// them too. Nothing is recorded or sent.
func (s *deskSet) mistype(t *testing.T, url string) {
	t.Helper()
	note := "核对中"
	run(t, s.ctx, "mistype",
		chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS("form.decision")),
		pick("#f-spent_total", "十万多"),
		chromedp.Click(chromedp.CSS(`input[name=verdict][value=accepted]`)),
		chromedp.SendKeys(chromedp.CSS("#note"), note),
		chromedp.Click(`//button[contains(., "预览")]`),
		chromedp.WaitVisible(chromedp.CSS("p.alert.error")),
	)
	kept := func(step, want string) {
		t.Helper()
		got, err := chromedp.Run(s.ctx, chromedp.Evaluate[[]string](`[document.querySelector('#f-spent_total').value, document.querySelector('#note').value,
			String(document.querySelector('input[name=verdict][value=accepted]').checked)]`))
		if err != nil || len(got) != 3 || got[0] != want || got[1] != note || got[2] != "true" {
			t.Errorf("%s: the form holds %q (%v), want %q, %q, accepted", step, got, err, want, note)
		}
	}
	kept("mistyped", "十万多")
	if msg, _ := chromedp.Run(s.ctx, chromedp.Text(chromedp.CSS("p.alert.error"))); !strings.Contains(msg, "实际支出合计") {
		t.Errorf("the message does not name the field: %q", msg)
	}
	run(t, s.ctx, "preview and back",
		pick("#f-spent_total", "100,000.00"),
		chromedp.Click(`//button[contains(., "预览")]`),
		chromedp.WaitVisible(`//h1[contains(., "核对更正结果")]`),
		chromedp.Click(`//button[contains(., "返回修改")]`),
		chromedp.WaitVisible(chromedp.CSS("#f-spent_total")),
	)
	kept("back from the preview", "100,000.00")
}

// teamDocs reads a team's page: each document's name and its state
// (当前有效, 已被替换, —).
func (s *deskSet) teamDocs(t *testing.T, team string) map[string]string {
	t.Helper()
	run(t, s.ctx, "team "+team, chromedp.Navigate(s.base+"/team/"+team), chromedp.WaitVisible(chromedp.CSS("h1")))
	rows, err := chromedp.Run(s.ctx, chromedp.Evaluate[[][]string](`[...document.querySelectorAll('table.teamdocs tbody tr')].map(r => [r.cells[0].textContent.trim(), r.cells[3].textContent.trim()])`))
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	for _, r := range rows {
		m[r[0]] = r[1]
	}
	return m
}

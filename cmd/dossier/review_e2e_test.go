package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net/mail"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

const samplesInbox = "/work/shared/samples/inbox"

// needSamples skips without the shared sample set, unless CI requires it.
func needSamples(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(samplesInbox); err != nil {
		if os.Getenv("DOSSIER_REQUIRE_TOOLS") == "1" {
			t.Fatalf("sample inbox missing: %v", err)
		}
		t.Skip("sample inbox not available:", err)
	}
}

// copyTreeAt copies a folder, every file modified at mtime (received
// then, by the backlog rule D001).
func copyTreeAt(t *testing.T, src, dst string, mtime time.Time) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		copyFile(t, p, filepath.Join(dst, rel))
		return os.Chtimes(filepath.Join(dst, rel), mtime, mtime)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// runFail runs the binary expecting a failure; it returns the exit code
// and stderr.
func runFail(t *testing.T, env []string, args ...string) (int, string) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Env = append(os.Environ(), env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	var ee *exec.ExitError
	if !errors.As(err, &ee) {
		t.Fatalf("dossier %s: want a failure, got %v", strings.Join(args, " "), err)
	}
	return ee.ExitCode(), stderr.String()
}

type reviewEnv struct {
	inbox, data, cfg string
	box              *mailbox
}

func (e reviewEnv) common(now string) []string {
	return []string{"--config", e.cfg, "--inbox", e.inbox, "--data", e.data, "--now", now}
}

const (
	runNow    = "2026-11-21T09:00:00+08:00"
	decideNow = "2026-11-21T10:00:00+08:00"
)

// newReviewEnv is the sample inbox after `run --once`, with every team's
// contact configured and a real SMTP server on 127.0.0.1, plus two files
// for the clerk: a photo no folder or name ties to a team (F006) and M12's
// survey dropped in M11's folder (F011).
func newReviewEnv(t *testing.T) reviewEnv {
	t.Helper()
	needSamples(t)
	dir := t.TempDir()
	e := reviewEnv{inbox: filepath.Join(dir, "inbox"), data: filepath.Join(dir, "data"), cfg: filepath.Join(dir, "dossier.yaml")}
	cst := time.FixedZone("CST", 8*3600)
	copyTreeAt(t, samplesInbox, e.inbox, time.Date(2026, 11, 15, 10, 0, 0, 0, cst))
	late := time.Date(2026, 11, 19, 18, 0, 0, 0, cst)
	// A photo of M12's with bytes of its own (not an F008 duplicate), at
	// the top of the inbox under a name that names no team.
	photo, err := os.ReadFile(filepath.Join(samplesInbox, "M12", "专题讲座现场-M12-img1.jpg"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(e.inbox, "现场照片.jpg"), append(photo, "dossier test trailer"...), 0o644)
	copyFile(t, filepath.Join(samplesInbox, "M12", "实施成效调查表.xlsx"), filepath.Join(e.inbox, "M11", "调查表-补报.xlsx"))
	for _, p := range []string{"现场照片.jpg", "M11/调查表-补报.xlsx"} {
		os.Chtimes(filepath.Join(e.inbox, p), late, late)
	}
	port := freePort(t)
	var contacts strings.Builder
	for _, id := range []string{"M1", "M2", "M3", "M4", "M5", "M6", "M7", "M8", "M9", "M10", "M11", "M12", "M13", "M14", "M15", "N1", "N2", "N3"} {
		fmt.Fprintf(&contacts, "  %s: [%s@example.cn]\n", id, strings.ToLower(id))
	}
	os.WriteFile(e.cfg, []byte(fmt.Sprintf("contacts:\n%snotify:\n  bureau_email: bureau@example.gov.cn\n"+
		"  retry_min: 1s\n  retry_max: 2s\n  smtp:\n    host: 127.0.0.1\n    port: %d\n    tls: none\n    from: dossier@example.gov.cn\n    timeout: 20s\n",
		contacts.String(), port)), 0o644)
	e.box = startSMTP(t, fmt.Sprintf("127.0.0.1:%d", port))
	run(t, append([]string{"run", "--once"}, e.common(runNow)...)...)
	// Deliveries that failed on a loaded machine are retried by later
	// runs: settle the outbox before counting what decisions send.
	for i, n := 1, -1; i <= 5 && n != len(e.box.all()); i++ {
		n = len(e.box.all())
		run(t, append([]string{"run", "--once"}, e.common(fmt.Sprintf("2026-11-21T09:%02d:00+08:00", 10*i))...)...)
	}
	return e
}

type listed struct {
	ID      string   `json:"id"`
	File    string   `json:"file"`
	Verdict string   `json:"verdict"`
	Why     []string `json:"why"`
	Team    *struct {
		ID string `json:"id"`
	} `json:"team"`
}

func (e reviewEnv) list(t *testing.T, extra ...string) map[string]listed {
	t.Helper()
	out := run(t, append(append([]string{"review", "list", "--json"}, extra...), e.common(decideNow)...)...)
	m := map[string]listed{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if line == "" {
			continue
		}
		var l listed
		if err := json.Unmarshal([]byte(line), &l); err != nil {
			t.Fatalf("review list line %q: %v", line, err)
		}
		m[l.File] = l
	}
	return m
}

type shown struct {
	ID        string         `json:"id"`
	File      string         `json:"file"`
	Verdict   string         `json:"verdict"`
	Kind      string         `json:"kind"`
	Fields    map[string]any `json:"fields"`
	Findings  []struct{ Rule string }
	DecidedBy *struct {
		User, At, Note string
	} `json:"decided_by"`
	History []json.RawMessage `json:"history"`
	Team    *struct{ ID string }
}

// decide runs review decide --json and checks that exactly one e-mail per
// unit concerned reached the server for it: wantMail lists them, comma
// separated (none when it is empty; two when a file leaves a team's folder
// for another team: the new team and the folder's).
func (e reviewEnv) decide(t *testing.T, wantMail string, args ...string) shown {
	t.Helper()
	before := len(e.box.all())
	out := run(t, append(append([]string{"review", "decide", "--json"}, args...), e.common(decideNow)...)...)
	var s shown
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatalf("decide output %q: %v", out, err)
	}
	msgs := e.box.all()[before:]
	var want []string
	if wantMail != "" {
		want = strings.Split(wantMail, ",")
	}
	if len(msgs) != len(want) {
		t.Fatalf("decision %v sent %d e-mails, want %d (%s)", args, len(msgs), len(want), wantMail)
	}
	for _, addr := range want {
		found := false
		for _, msg := range msgs {
			m, err := mail.ReadMessage(bytes.NewReader(msg.data))
			if err != nil {
				t.Fatal(err)
			}
			subject, _ := new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject"))
			if strings.Contains(strings.Join(msg.rcpt, ","), addr) && strings.Contains(subject, "通知") {
				found = true
			}
		}
		if !found {
			t.Fatalf("decision %v: no notice e-mail to %s", args, addr)
		}
	}
	return s
}

// TestReviewSettlesTheSampleSet: every document of the sample set that
// waits for a clerk is settled with `review decide`, after which `review
// list` is empty; history, files, notices, status and the package follow.
func TestReviewSettlesTheSampleSet(t *testing.T) {
	e := newReviewEnv(t)
	q := e.list(t)
	// The scan waits as F009, or, read by OCR, as F012 (low confidence).
	for file, why := range map[string]string{"M13/专项审计报告.pdf": "F009|F012", "说明.pdf": "F006", "现场照片.jpg": "F006", "M11/调查表-补报.xlsx": "F011"} {
		l, ok := q[file]
		if !ok || !regexp.MustCompile(why).MatchString(strings.Join(l.Why, ",")) {
			t.Fatalf("review list: %s = %+v, want it waiting for %s (queue %v)", file, l, why, q)
		}
	}
	if len(q) != 4 {
		t.Errorf("review list holds %d documents, want 4: %v", len(q), q)
	}

	// 1. The scanned audit report: fields read off the scan by the clerk.
	s := e.decide(t, "m13@example.cn", q["M13/专项审计报告.pdf"].ID, "--accept", "--as", "张三", "--note", "扫描件已人工核对录入",
		"--set", "auditor=上海沪港金茂会计师事务所有限公司", "--set", "opinion=无保留意见",
		"--set", "received_mohrss=0", "--set", "received_municipal=10万元", "--set", "received_total=100,000.00",
		"--set", "spent_expert_fees=46,384.41", "--set", "spent_travel=10,884.38", "--set", "spent_meetings=12,840.38",
		"--set", "spent_training=6,840.04", "--set", "spent_materials=9,719.08", "--set", "spent_other=13,331.71",
		"--set", "spent_total=１０００００．００", "--set", "balance=0", "--set", "service_end=2026年11月8日")
	if s.Verdict != "accepted" || s.DecidedBy == nil || s.DecidedBy.User != "张三" || len(s.History) != 1 || s.Fields["received_municipal"] != 100000.0 {
		t.Fatalf("M13 audit after the decision: %+v", s)
	}
	if _, err := os.Stat(filepath.Join(e.data, "archive", "M13", "audit", "专项审计报告.pdf")); err != nil {
		t.Errorf("M13 audit not in the archive: %v", err)
	}

	// 2. A false rejection turned into an acceptance: M4's spent_total.
	all := e.list(t, "--all")
	m4 := all["M4/经费决算报告及审计报告.pdf"]
	if m4.Verdict != "rejected" {
		t.Fatalf("M4 audit: %+v", m4)
	}
	code, stderr := runFail(t, nil, append([]string{"review", "decide", m4.ID, "--accept", "--as", "张三", "--note", "x"}, e.common(decideNow)...)...)
	if code != exitUsage || !strings.Contains(stderr, "A002") || !strings.Contains(stderr, "仍有错误") {
		t.Fatalf("accepting with A002 left: exit %d\n%s", code, stderr)
	}
	s = e.decide(t, "m4@example.cn", m4.ID, "--accept", "--as", "张三", "--note", "实际支出合计识读有误，按原件更正", "--set", "spent_total=100,000.00")
	rejected := filepath.Join(e.inbox, "退回", "M4", "经费决算报告及审计报告.pdf")
	archived := filepath.Join(e.data, "archive", "M4", "audit", "经费决算报告及审计报告.pdf")
	if s.Verdict != "accepted" || exists(rejected) || !exists(archived) || !exists(archived+".退回说明.txt") || exists(rejected+".退回说明.txt") {
		t.Fatalf("M4 audit: verdict %s; in 退回 %v, archived %v (notice %v)", s.Verdict, exists(rejected), exists(archived), exists(archived+".退回说明.txt"))
	}

	// 3. The F006 photo: the clerk names the team.
	s = e.decide(t, "m12@example.cn", q["现场照片.jpg"].ID, "--accept", "--as", "张三", "--note", "经电话确认为M12现场照片", "--team", "M12")
	if s.Team == nil || s.Team.ID != "M12" || s.Verdict != "accepted" || !exists(filepath.Join(e.data, "archive", "M12", "photos", "现场照片.jpg")) {
		t.Fatalf("F006 photo: %+v", s)
	}

	// 4. The F011 survey: it is M12's, as its content says.
	s = e.decide(t, "m12@example.cn,m11@example.cn", q["M11/调查表-补报.xlsx"].ID, "--accept", "--as", "张三", "--note", "内容为M12调查表，归入M12", "--team", "M12")
	if s.Team == nil || s.Team.ID != "M12" || s.Verdict != "accepted" {
		t.Fatalf("F011 survey: %+v", s)
	}

	// 5. 说明.pdf is no material: rejected for good (no team: no e-mail).
	e.decide(t, "", q["说明.pdf"].ID, "--reject", "--as", "张三", "--note", "非申报材料，不予受理")

	if left := e.list(t); len(left) != 0 {
		t.Fatalf("review list after settling everything: %v", left)
	}

	// M12's own survey was replaced by the re-submission: a decision on it is refused.
	old := all["M12/实施成效调查表.xlsx"]
	code, stderr = runFail(t, nil, append([]string{"review", "decide", old.ID, "--accept", "--as", "张三", "--note", "x"}, e.common(decideNow)...)...)
	if code != exitFailure || !strings.Contains(stderr, "superseded") || !strings.Contains(stderr, "替换") {
		t.Fatalf("decision on a superseded document: exit %d\n%s", code, stderr)
	}

	checkStatusAndPackage(t, e)
}

// checkStatusAndPackage: status --json and the package use the corrected
// values and mark them 人工核定.
func checkStatusAndPackage(t *testing.T, e reviewEnv) {
	t.Helper()
	out := run(t, append([]string{"status", "--json"}, e.common(decideNow)...)...)
	var m13, m11 map[string]any
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var l map[string]any
		json.Unmarshal([]byte(line), &l)
		switch l["team"] {
		case "M13":
			m13 = l
		case "M11":
			m11 = l
		}
	}
	if m := m13["materials"].(map[string]any); m["audit"] != "accepted" {
		t.Errorf("status M13 materials %v", m)
	}
	if m := m11["materials"].(map[string]any); m["survey"] != "accepted" {
		t.Errorf("status M11 survey %v: the F011 file put in its folder must not replace its own survey", m)
	}
	if !strings.Contains(fmt.Sprint(m13["documents"]), "张三") {
		t.Errorf("status M13 documents do not carry the clerk's decision: %v", m13["documents"])
	}
	pkg := filepath.Join(filepath.Dir(e.data), "pkg")
	run(t, append([]string{"consolidate", "--out", pkg}, e.common(decideNow)...)...)
	var xlsx string
	filepath.WalkDir(pkg, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".xlsx") {
			xlsx = p
		}
		return nil
	})
	if xlsx == "" {
		t.Fatal("no 汇总表 in the package")
	}
	// The clerk's amounts reach the package, marked 人工核定.
	s := xlsxText(t, xlsx)
	if !strings.Contains(s, "46384.41") && !strings.Contains(s, "46,384.41") {
		t.Errorf("汇总表 does not show M13's corrected amounts")
	}
	if !strings.Contains(s, "人工核定") {
		t.Errorf("汇总表 does not mark the clerk's values 人工核定")
	}
}

// xlsxText is every string and number stored in a workbook.
func xlsxText(t *testing.T, path string) string {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	var b strings.Builder
	for _, f := range z.File {
		if strings.HasPrefix(f.Name, "xl/") && strings.HasSuffix(f.Name, ".xml") {
			r, _ := f.Open()
			data, _ := io.ReadAll(r)
			r.Close()
			b.Write(data)
		}
	}
	return b.String()
}

func exists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}

// TestReviewDecideKilledAppliedOnce: `review decide` killed (SIGKILL)
// after the ledger write, and after the file move; the next run applies
// the decision exactly once and the unit gets exactly one e-mail.
func TestReviewDecideKilledAppliedOnce(t *testing.T) {
	for _, at := range []string{"recorded", "moved"} {
		t.Run(at, func(t *testing.T) {
			e := newReviewEnv(t)
			m4 := e.list(t, "--all")["M4/经费决算报告及审计报告.pdf"]
			before := len(e.box.all())
			code, _ := runFail(t, []string{"DOSSIER_TEST_KILL_AT=" + at}, append([]string{"review", "decide", m4.ID, "--accept",
				"--as", "张三", "--note", "更正后受理", "--set", "spent_total=100000"}, e.common(decideNow)...)...)
			if code != -1 {
				t.Fatalf("review decide was not killed: exit %d", code)
			}
			for range 2 {
				run(t, append([]string{"run", "--once"}, e.common("2026-11-21T11:00:00+08:00")...)...)
			}
			archived := filepath.Join(e.data, "archive", "M4", "audit", "经费决算报告及审计报告.pdf")
			if !exists(archived) || exists(filepath.Join(e.inbox, "退回", "M4", "经费决算报告及审计报告.pdf")) {
				t.Fatalf("after restart: archived %v", exists(archived))
			}
			if msgs := e.box.all()[before:]; len(msgs) != 1 || !strings.Contains(strings.Join(msgs[0].rcpt, ","), "m4@example.cn") {
				t.Fatalf("%d e-mails after the kill and restarts, want exactly 1", len(msgs))
			}
			var s shown
			json.Unmarshal([]byte(run(t, append([]string{"review", "show", "--json", m4.ID}, e.common(decideNow)...)...)), &s)
			if len(s.History) != 1 || s.Verdict != "accepted" {
				t.Fatalf("after restart: %d decisions, verdict %s", len(s.History), s.Verdict)
			}
		})
	}
}

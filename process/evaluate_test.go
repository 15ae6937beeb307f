package process

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dossier"
	"dossier/config"
	"dossier/extract"
)

var testNow = time.Date(2026, 11, 21, 9, 0, 0, 0, time.FixedZone("CST", 8*3600))

func newEvaluator(t *testing.T) *Evaluator {
	t.Helper()
	cfg, err := config.Load("")
	if err != nil {
		t.Fatal(err)
	}
	ext, err := extract.New(extract.Options{CacheDir: filepath.Join(os.TempDir(), "dossier-test-pdfium-cache")})
	if err != nil {
		t.Fatal(err)
	}
	return New(ext, cfg.Registry, cfg.Programme, int64(cfg.Limits.MaxFileSize))
}

func fileAt(t *testing.T, rel string, received time.Time) File {
	t.Helper()
	p := filepath.Join("testdata", "inbox", filepath.FromSlash(rel))
	st, err := os.Lstat(p)
	if err != nil {
		t.Fatal(err)
	}
	abs, _ := filepath.Abs(p)
	folder, _, _ := strings.Cut(rel, "/")
	return File{Path: abs, Rel: rel, Name: filepath.Base(p), Folder: folder, Size: st.Size(), ModTime: st.ModTime(), Received: received}
}

func rulesOf(d dossier.Document) []string {
	var out []string
	for _, f := range d.Findings {
		out = append(out, f.Rule)
	}
	return out
}

func TestEvaluateIntakeAndContent(t *testing.T) {
	ev := newEvaluator(t)
	onTime := time.Date(2026, 11, 12, 10, 0, 0, 0, testNow.Location())
	tests := []struct {
		rel      string
		received time.Time
		kind     dossier.Kind
		team     string
		verdict  dossier.Verdict
		rules    []string // must be present
	}{
		{"M12/实施成效调查表.xlsx", onTime, dossier.KindSurvey, "M12", dossier.VerdictAccepted, nil},
		{"M12/专题讲座现场-M12-img1.jpg", onTime, dossier.KindPhotos, "M12", dossier.VerdictAccepted, nil},
		{"M2/审计报告.pdf", onTime, dossier.KindAudit, "M2", dossier.VerdictAccepted, nil}, // AES-256 owner password: read
		{"M2/审计报告-加密.pdf", onTime, "", "M2", dossier.VerdictRejected, []string{"F003"}},
		{"M12/空文件.pdf", onTime, "", "M12", dossier.VerdictRejected, []string{"F004"}},
		{"M12/假的.pdf", onTime, "", "M12", dossier.VerdictRejected, []string{"F002"}},
		{"其他/M11调查表-旧版.xls", onTime, "", "M11", dossier.VerdictRejected, []string{"F001"}},
		{"其他/readme.txt", onTime, "", "", dossier.VerdictRejected, []string{"F001", "F006"}},
		{"其他/无名照片.jpg", onTime, dossier.KindPhotos, "", dossier.VerdictRejected, []string{"F006"}},
		// An image-only photo PDF (Ghostscript viewjpeg) is not a scan: photos have no fields to read.
		{"M12/影像图片资料.pdf", onTime, dossier.KindPhotos, "M12", dossier.VerdictAccepted, nil},
		// A scanned audit report (no text layer) waits for a clerk.
		{"M13/专项审计报告.pdf", onTime, dossier.KindAudit, "M13", dossier.VerdictReview, []string{"F009"}},
		{"M12/实施成效调查表.xlsx", testNow.Add(-2 * time.Hour), dossier.KindSurvey, "M12", dossier.VerdictAccepted, []string{"D001"}},
	}
	for _, tt := range tests {
		t.Run(tt.rel, func(t *testing.T) {
			d := ev.Evaluate(context.Background(), fileAt(t, tt.rel, tt.received), testNow, nil)
			if tt.kind != "" && d.Kind != tt.kind {
				t.Errorf("kind = %s, want %s", d.Kind, tt.kind)
			}
			if d.TeamID != tt.team {
				t.Errorf("team = %q, want %q", d.TeamID, tt.team)
			}
			if d.Verdict != tt.verdict {
				t.Errorf("verdict = %s, want %s (findings %v)", d.Verdict, tt.verdict, d.Findings)
			}
			got := strings.Join(rulesOf(d), ",")
			for _, r := range tt.rules {
				if !strings.Contains(got, r) {
					t.Errorf("rule %s missing; got %s", r, got)
				}
			}
			if d.Size > 0 && len(d.SHA256) != 64 {
				t.Errorf("sha256 = %q", d.SHA256)
			}
			for _, f := range d.Findings {
				if f.Message == "" || f.Severity == "" {
					t.Errorf("finding without message or severity: %+v", f)
				}
			}
		})
	}
}

func TestEvaluateSymlinkIsNotRead(t *testing.T) {
	ev := newEvaluator(t)
	dir := t.TempDir()
	link := filepath.Join(dir, "M12", "passwd.pdf")
	os.MkdirAll(filepath.Dir(link), 0o755)
	if err := os.Symlink("/etc/passwd", link); err != nil {
		t.Skip("symlinks unsupported:", err)
	}
	d := ev.Evaluate(context.Background(), File{Path: link, Rel: "M12/passwd.pdf", Name: "passwd.pdf", Folder: "M12", Symlink: true}, testNow, nil)
	if d.Verdict != dossier.VerdictRejected || d.SHA256 != "" || !strings.Contains(strings.Join(rulesOf(d), ","), "F001") {
		t.Fatalf("symlink: verdict %s sha %q rules %v", d.Verdict, d.SHA256, rulesOf(d))
	}
}

func TestEvaluateDuplicateIsNotProcessedAgain(t *testing.T) {
	ev := newEvaluator(t)
	prev := dossier.Document{Name: "早先的调查表.xlsx", Kind: dossier.KindSurvey, TeamID: "M12", Verdict: dossier.VerdictAccepted}
	var asked string
	d := ev.Evaluate(context.Background(), fileAt(t, "M12/实施成效调查表.xlsx", time.Time{}), testNow, func(sha string) (dossier.Document, bool) {
		asked = sha
		return prev, true
	})
	if asked == "" || asked != d.SHA256 {
		t.Fatalf("known asked with %q, document sha %q", asked, d.SHA256)
	}
	if d.Verdict != dossier.VerdictAccepted || strings.Join(rulesOf(d), ",") != "F008" || d.TeamID != "M12" || d.Kind != dossier.KindSurvey {
		t.Fatalf("duplicate: %+v", d)
	}
}

func TestReceivedNeverLaterThanNow(t *testing.T) {
	f := File{ModTime: testNow.Add(72 * time.Hour)}
	if got := received(f, testNow); !got.Equal(testNow) {
		t.Fatalf("received = %v, want now", got)
	}
	f = File{ModTime: testNow.Add(-time.Hour), Received: testNow.Add(-2 * time.Hour)}
	if got := received(f, testNow); !got.Equal(testNow.Add(-2 * time.Hour)) {
		t.Fatalf("received = %v, want the first-seen time", got)
	}
}

// The daemon evaluates a copy in its work area named "<id>-<name>": the
// kind, caption and team hints read the unit's own name, not the copy's.
func TestEvaluateReadsTheUnitsName(t *testing.T) {
	ev := newEvaluator(t)
	src, err := os.ReadFile(filepath.Join("testdata", "inbox", "M12", "专题讲座现场-M12-img1.jpg"))
	if err != nil {
		t.Fatal(err)
	}
	work := filepath.Join(t.TempDir(), "17-专题讲座现场-M12-img1.jpg")
	os.WriteFile(work, src, 0o644)
	d := ev.Evaluate(context.Background(), File{Path: work, Rel: "专题讲座现场-M12-img1.jpg", Name: "专题讲座现场-M12-img1.jpg", Size: int64(len(src))}, testNow, nil)
	if d.TeamID != "M12" || d.Kind != dossier.KindPhotos {
		t.Fatalf("team %q kind %s", d.TeamID, d.Kind)
	}
	for _, c := range d.Fields.List("captions") {
		if strings.Contains(c, "17-") {
			t.Fatalf("caption read from the work copy's name: %q", c)
		}
	}
}

// F005: a file over the size limit is refused without being read.
func TestEvaluateTooLarge(t *testing.T) {
	cfg, _ := config.Load("")
	ext, _ := extract.New(extract.Options{MaxFileSize: 1000})
	ev := New(ext, cfg.Registry, cfg.Programme, 1000)
	d := ev.Evaluate(context.Background(), fileAt(t, "M12/实施成效调查表.xlsx", time.Time{}), testNow, nil)
	if d.Verdict != dossier.VerdictRejected || strings.Join(rulesOf(d), ",") != "F005" {
		t.Fatalf("over the limit: %s %v", d.Verdict, rulesOf(d))
	}
	if !strings.Contains(d.Findings[0].Message, "上限") {
		t.Fatalf("F005 message does not give the limit: %s", d.Findings[0].Message)
	}
}

// The same bytes sent by another team are that team's submission, not a
// duplicate credited to the first team.
func TestDuplicateOnlyWithinATeam(t *testing.T) {
	ev := newEvaluator(t)
	prev := dossier.Document{Name: "照片.jpg", Kind: dossier.KindPhotos, TeamID: "M14", Verdict: dossier.VerdictAccepted}
	known := func(string) (dossier.Document, bool) { return prev, true }
	d := ev.Evaluate(context.Background(), fileAt(t, "M12/专题讲座现场-M12-img1.jpg", time.Time{}), testNow, known)
	if d.TeamID != "M12" || strings.Contains(strings.Join(rulesOf(d), ","), "F008") {
		t.Fatalf("another team's copy: team %s rules %v", d.TeamID, rulesOf(d))
	}
	prev.TeamID = "M12"
	d = ev.Evaluate(context.Background(), fileAt(t, "M12/专题讲座现场-M12-img1.jpg", time.Time{}), testNow, known)
	if strings.Join(rulesOf(d), ",") != "F008" {
		t.Fatalf("same team's copy: %v", rulesOf(d))
	}
}

// F011: M12's survey dropped in M11's folder names M12 in its own
// content: it waits for a clerk instead of being accepted for M11.
func TestEvaluateContentNamesAnotherTeam(t *testing.T) {
	ev := newEvaluator(t)
	src, err := os.ReadFile(filepath.Join("testdata", "inbox", "M12", "实施成效调查表.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "M11", "实施成效调查表.xlsx")
	os.MkdirAll(filepath.Dir(p), 0o755)
	os.WriteFile(p, src, 0o644)
	d := ev.Evaluate(context.Background(), File{Path: p, Rel: "M11/实施成效调查表.xlsx", Name: "实施成效调查表.xlsx", Folder: "M11", Size: int64(len(src))}, testNow, nil)
	if d.TeamID != "M11" || d.Verdict != dossier.VerdictReview || !strings.Contains(strings.Join(rulesOf(d), ","), "F011") {
		t.Fatalf("team %q verdict %s rules %v", d.TeamID, d.Verdict, rulesOf(d))
	}
	// The same file in its own team's folder is not F011.
	own := ev.Evaluate(context.Background(), fileAt(t, "M12/实施成效调查表.xlsx", time.Time{}), testNow, nil)
	if strings.Contains(strings.Join(rulesOf(own), ","), "F011") {
		t.Fatalf("F011 on the team's own file: %v", rulesOf(own))
	}
}

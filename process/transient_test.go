package process

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"dossier"
	"dossier/config"
	"dossier/extract"
)

// troubled is an extractor failing for dossier's own reasons: the seam
// where a full disk, a PDFium start-up failure or a busy reader shows.
type troubled struct{ err error }

func (x troubled) ExtractAs(context.Context, string, string) (extract.Result, error) {
	return extract.Result{}, x.err
}

// dossier's own trouble is no decision: no finding, no verdict, Transient,
// so the daemon keeps the file claimed and no unit hears anything (it was
// F002 and a rejection notice for 68 of 68 PDFs on a full disk).
func TestOwnTroubleIsNotAFinding(t *testing.T) {
	cfg, err := config.Load("")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "审计报告.pdf")
	os.WriteFile(p, []byte("%PDF-1.4 whatever"), 0o644)
	tests := []struct {
		name string
		err  error
		own  bool
	}{
		{"pdfium start failed", fmt.Errorf("start pdfium: %w: %w", extract.ErrOwnTrouble, syscall.ENOSPC), true},
		{"no disk for a temporary file", fmt.Errorf("read %s: %w", "x", syscall.ENOSPC), true},
		{"i/o error of our disk", fmt.Errorf("read x: %w", syscall.EIO), true},
		{"the document is damaged", fmt.Errorf("%w: open PDF: bad xref", extract.ErrCorrupt), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev := New(troubled{tt.err}, cfg.Registry, cfg.Programme, int64(cfg.Limits.MaxFileSize))
			d := ev.Evaluate(context.Background(), File{Path: p, Rel: "M1/审计报告.pdf", Name: "审计报告.pdf", Folder: "M1", Size: 17}, testNow, nil)
			if Transient(d) != tt.own {
				t.Fatalf("Transient = %v, want %v (problem %q)", Transient(d), tt.own, d.Problem)
			}
			if tt.own && (len(d.Findings) != 0 || d.Verdict != "") {
				t.Errorf("own trouble gave findings %v, verdict %q", rulesOf(d), d.Verdict)
			}
			if !tt.own && d.Verdict != dossier.VerdictRejected {
				t.Errorf("a damaged document: verdict %q, want rejected", d.Verdict)
			}
		})
	}
}

// A file that cannot be opened gets a notice that shows no server path.
func TestUnreadableFileNoticeHasNoServerPath(t *testing.T) {
	ev := newEvaluator(t)
	dir := t.TempDir()
	p := filepath.Join(dir, "work", "17-调查表.xlsx") // gone between claim and read
	d := ev.Evaluate(context.Background(), File{Path: p, Rel: "M1/调查表.xlsx", Name: "调查表.xlsx", Folder: "M1", Size: 100}, testNow, nil)
	if len(d.Findings) == 0 {
		t.Fatal("no finding")
	}
	for _, f := range d.Findings {
		if strings.Contains(f.Message, dir) || strings.Contains(f.Message, "/work/") || strings.Contains(f.Message, "no such file") {
			t.Errorf("finding %s shows a server path or an English error: %q", f.Rule, f.Message)
		}
	}
}

// A writer that pauses longer than the settle time: its file, unreadable
// while fresh, is retried (Transient) rather than rejected; once it has
// not changed for the window, it is judged (F002).
func TestPausedWriterRetriedBeforeRejection(t *testing.T) {
	ev := newEvaluator(t)
	ev.RetryYoung(3 * time.Minute)
	dir := t.TempDir()
	full, err := os.ReadFile(filepath.Join("..", "extract", "testdata", "audit.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "审计报告.pdf")
	os.WriteFile(p, full[:len(full)/3], 0o644) // a third written, then a pause
	f := File{Path: p, Rel: "M1/审计报告.pdf", Name: "审计报告.pdf", Folder: "M1", Size: int64(len(full) / 3)}
	d := ev.Evaluate(context.Background(), f, testNow, nil)
	if !Transient(d) {
		t.Fatalf("fresh fragment: findings %v, want Transient (retried after a longer settle)", rulesOf(d))
	}
	old := time.Now().Add(-10 * time.Minute)
	os.Chtimes(p, old, old)
	d = ev.Evaluate(context.Background(), f, testNow.Add(2*time.Minute), nil) // after the back-off
	if Transient(d) || !strings.Contains(strings.Join(rulesOf(d), ","), "F002") {
		t.Fatalf("fragment unchanged for 10 minutes: findings %v, want F002", rulesOf(d))
	}
}

// A file that met our own trouble is retried with back-off (1, 2, 4 …
// 30 minutes), not at every look; once decided it is forgotten.
func TestOwnTroubleBacksOff(t *testing.T) {
	cfg, err := config.Load("")
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "审计报告.pdf")
	os.WriteFile(p, []byte("%PDF-1.4 x"), 0o644)
	x := &countingExtractor{err: fmt.Errorf("start pdfium: %w", extract.ErrOwnTrouble)}
	ev := New(x, cfg.Registry, cfg.Programme, int64(cfg.Limits.MaxFileSize))
	f := File{Path: p, Rel: "M1/审计报告.pdf", Name: "审计报告.pdf", Folder: "M1", Size: 10}
	at := func(min int) dossier.Document {
		return ev.Evaluate(context.Background(), f, testNow.Add(time.Duration(min)*time.Minute), nil)
	}
	tries := []struct {
		min   int
		reads int // extractor calls so far
	}{{0, 1}, {0, 1}, {1, 2}, {2, 2}, {3, 3}, {6, 3}, {7, 4}}
	for _, tr := range tries {
		if d := at(tr.min); !Transient(d) {
			t.Fatalf("minute %d: not transient", tr.min)
		}
		if x.n != tr.reads {
			t.Fatalf("minute %d: %d reads, want %d", tr.min, x.n, tr.reads)
		}
	}
	x.err = nil
	if d := at(15); Transient(d) {
		t.Fatalf("after the cause passed: still transient (%s)", d.Problem)
	}
	if d := at(15); Transient(d) || x.n != 6 {
		t.Fatalf("a decided file is not backed off: reads %d", x.n)
	}
}

type countingExtractor struct {
	err error
	n   int
}

func (c *countingExtractor) ExtractAs(context.Context, string, string) (extract.Result, error) {
	c.n++
	return extract.Result{}, c.err
}

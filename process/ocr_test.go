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
	"dossier/extract/ocr"
)

// TestScanWithoutOCR: with OCR off a scan is F009 and waits for a clerk,
// as before, and the log's Problem says why it was not read.
func TestScanWithoutOCR(t *testing.T) {
	ev := newEvaluator(t)
	onTime := time.Date(2026, 11, 12, 10, 0, 0, 0, testNow.Location())
	d := ev.Evaluate(context.Background(), fileAt(t, "M13/专项审计报告.pdf", onTime), testNow, nil)
	if d.Verdict != dossier.VerdictReview || !strings.Contains(strings.Join(rulesOf(d), ","), "F009") {
		t.Errorf("verdict %s rules %v, want review with F009", d.Verdict, rulesOf(d))
	}
	if !strings.Contains(d.Problem, "ocr is off") {
		t.Errorf("Problem = %q, want the reason OCR did not read it", d.Problem)
	}
	if len(d.Confidence) != 0 {
		t.Errorf("confidence %v without OCR", d.Confidence)
	}
}

// TestScanWithOCR: with tesseract the same scan is read (F012; F009 too
// while the reading is not trusted):
// its fields are there with their confidence and OCR sources, and it is
// never rejected on what OCR read.
func TestScanWithOCR(t *testing.T) {
	eng, err := ocr.New(context.Background(), ocr.Config{TempDir: t.TempDir()})
	if err != nil {
		if os.Getenv("DOSSIER_REQUIRE_TOOLS") == "1" {
			t.Fatalf("tesseract needed: %v", err)
		}
		t.Skipf("tesseract not available: %v", err)
	}
	cfg, err := config.Load("")
	if err != nil {
		t.Fatal(err)
	}
	ext, err := extract.New(extract.Options{CacheDir: filepath.Join(os.TempDir(), "dossier-test-pdfium-cache"),
		Scan: extract.ScanOptions{Engine: eng, Cache: extract.FileCache{Dir: t.TempDir()}}})
	if err != nil {
		t.Fatal(err)
	}
	ev := New(ext, cfg.Registry, cfg.Programme, int64(cfg.Limits.MaxFileSize))
	onTime := time.Date(2026, 11, 12, 10, 0, 0, 0, testNow.Location())
	d := ev.Evaluate(context.Background(), fileAt(t, "M13/专项审计报告.pdf", onTime), testNow, nil)
	rs := strings.Join(rulesOf(d), ",")
	// F009 stays exactly when OCR's reading is not trusted (F012 a warning):
	// the scan waits for a clerk with what OCR read pre-filled.
	var f012 dossier.Finding
	for _, f := range d.Findings {
		if f.Rule == "F012" {
			f012 = f
		}
	}
	unsure := f012.Severity == dossier.SeverityWarning
	if f012.Rule == "" || strings.Contains(rs, "F009") != unsure {
		t.Errorf("rules %v (F012 %s): want F012, and F009 only beside an unsure F012", rs, f012.Severity)
	}
	if unsure && d.Verdict != dossier.VerdictReview {
		t.Errorf("an unsure OCR reading gave verdict %s, want review", d.Verdict)
	}
	if d.Verdict == dossier.VerdictRejected {
		t.Errorf("a scan read by OCR was rejected: %v", d.Findings)
	}
	for _, k := range []string{"received_total", "spent_total", "balance", "auditor"} {
		if !d.Fields.Filled(k) {
			t.Errorf("%s not read", k)
			continue
		}
		if _, ok := d.Confidence[k]; !ok {
			t.Errorf("%s has no confidence", k)
		}
		if s, ok := d.Sources[k]; !ok || !s.OCR || s.Page != 1 || s.Text == "" {
			t.Errorf("%s source %+v, want page 1 read by OCR", k, s)
		}
	}
}

// TestUnreadFieldDoesNotReject: on a scan with lines OCR could not make
// out, a field it did not read is not known to be blank. S007 ("有" but no item listed) resting on a
// publicity table OCR could not make out waits for a clerk (review); the
// same finding on a text PDF would reject.
func TestUnreadFieldDoesNotReject(t *testing.T) {
	d := dossier.Document{Kind: dossier.KindSurvey, Format: dossier.FormatPDF,
		Fields:     dossier.Fields{"publicity": true, "service_days": int64(3)},
		Confidence: map[string]float64{"publicity": 0.95, "service_days": 0.97},
		Findings: []dossier.Finding{{Rule: "S007", Field: "publicity_items", Severity: dossier.SeverityError,
			Message: "「是否开展宣传」选择“有”，但未列出任何宣传报道"}}}
	clean := d
	clean.Findings = append([]dossier.Finding(nil), d.Findings...)
	applyOCR(&d, extract.Result{OCR: &extract.ScanRead{Pages: []int{1}, MinConfidence: 0.8, Garbled: 3}})
	if f := d.Findings[0]; f.Severity != dossier.SeverityWarning || !f.Unsure {
		t.Errorf("S007 on an unread publicity table: %+v, want a warning in doubt", f)
	}
	if v := dossier.VerdictOf(d.Findings); v != dossier.VerdictReview {
		t.Errorf("verdict %s, want review", v)
	}
	// every line made out: the table is not there, S007 stands
	applyOCR(&clean, extract.Result{OCR: &extract.ScanRead{Pages: []int{1}, MinConfidence: 0.8}})
	if f := clean.Findings[0]; f.Severity != dossier.SeverityError {
		t.Errorf("S007 on a page read whole: %+v, want the error to stand", f)
	}
}

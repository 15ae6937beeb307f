package scanset

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"dossier/extract"
	"dossier/extract/ocr"
)

// TestScanSpeed measures, page for page in the same run, dossier's
// reading of a scanned PDF (render, red ink dropped, deskew, tesseract,
// lines, parse) against the bare tesseract command on the page's own
// image, both with one thread and the same languages, alternating so
// that the machine's load falls on both alike. DOSSIER_SCANSET names a
// generated set; DOSSIER_SPEED_PAGES how many scans to time (default 6).
func TestScanSpeed(t *testing.T) {
	dir := os.Getenv("DOSSIER_SCANSET")
	if dir == "" {
		t.Skip("DOSSIER_SCANSET not set: generate a set with ./internal/scanset/gen")
	}
	needTools(t)
	if _, err := exec.LookPath("pdfimages"); err != nil {
		t.Skip("pdfimages not found")
	}
	langs := os.Getenv("DOSSIER_OCR_LANGS")
	if langs == "" {
		langs = "chi_sim"
	}
	bareLangs := os.Getenv("DOSSIER_BARE_LANGS") // default: the same as dossier's
	if bareLangs == "" {
		bareLangs = langs
	}
	n := 6
	if s := os.Getenv("DOSSIER_SPEED_PAGES"); s != "" {
		n = atoi(s)
	}
	ctx := context.Background()
	eng, err := ocr.New(ctx, ocr.Config{TempDir: t.TempDir(), Languages: langs})
	if err != nil {
		t.Fatal(err)
	}
	ex, err := extract.New(extract.Options{CacheDir: filepath.Join(os.TempDir(), "dossier-extract-test-cache"),
		Scan: extract.ScanOptions{Engine: eng}})
	if err != nil {
		t.Fatal(err)
	}
	pdfs, _ := filepath.Glob(filepath.Join(dir, "inbox", "*", "*扫描件.pdf"))
	pdfs = pdfs[:min(n, len(pdfs))]
	var sp scanTimes
	for _, p := range pdfs {
		sp.time(t, ctx, ex, p, pageImages(t, p), bareLangs)
	}
	ours, bare, pages := sp.ours, sp.bare, sp.pages
	if pages == 0 {
		t.Skip("no scanned PDFs in the set")
	}
	t.Logf("%d pages: dossier (%s) %.2f s/page, bare tesseract (%s) %.2f s/page, ratio %.2f×",
		pages, langs, ours.Seconds()/float64(pages), bareLangs, bare.Seconds()/float64(pages), ours.Seconds()/bare.Seconds())
}

// BenchmarkScanPage is TestScanSpeed as a benchmark: per op, the scans
// of a set read whole by dossier (render or the page's own JPEG, red ink
// dropped, deskew, tesseract, lines, parse, rereadings; no cache) and by
// the bare tesseract command on the same page images, one after the other
// in the same run. It reports s/page for each and their ratio (x-bare).
// DOSSIER_SCANSET names a generated set (else three scans are made);
// DOSSIER_SPEED_PAGES how many scans to time (default 3).
//
//	go test ./internal/scanset -run '^$' -bench ScanPage -benchtime 1x
func BenchmarkScanPage(b *testing.B) {
	samples := needTools(b)
	if _, err := exec.LookPath("pdfimages"); err != nil {
		b.Skip("pdfimages not found")
	}
	ctx := context.Background()
	dir := os.Getenv("DOSSIER_SCANSET")
	if dir == "" {
		dir = b.TempDir()
		if _, err := Generate(ctx, Options{Samples: samples, Out: dir, Limit: 3}); err != nil {
			b.Fatal(err)
		}
	}
	n := 3
	if s := os.Getenv("DOSSIER_SPEED_PAGES"); s != "" {
		n = atoi(s)
	}
	pdfs, _ := filepath.Glob(filepath.Join(dir, "inbox", "*", "*扫描件.pdf"))
	pdfs = pdfs[:min(n, len(pdfs))]
	if len(pdfs) == 0 {
		b.Skip("no scanned PDFs in the set")
	}
	jpgs := make([][]string, len(pdfs))
	for i, p := range pdfs {
		jpgs[i] = pageImages(b, p)
	}
	eng, err := ocr.New(ctx, ocr.Config{TempDir: b.TempDir()})
	if err != nil {
		b.Fatal(err)
	}
	ex, err := extract.New(extract.Options{CacheDir: filepath.Join(os.TempDir(), "dossier-extract-test-cache"),
		Scan: extract.ScanOptions{Engine: eng}})
	if err != nil {
		b.Fatal(err)
	}
	var sp scanTimes
	b.ResetTimer()
	for range b.N {
		for i, p := range pdfs {
			sp.time(b, ctx, ex, p, jpgs[i], ocr.DefaultLanguages)
		}
	}
	ours, bare, pages := sp.ours, sp.bare, sp.pages
	b.ReportMetric(ours.Seconds()/float64(pages), "s/page")
	b.ReportMetric(bare.Seconds()/float64(pages), "bare-s/page")
	b.ReportMetric(ours.Seconds()/bare.Seconds(), "x-bare")
}

// scanTimes adds up dossier's reading of scans and the bare tesseract
// command's reading of their page images.
type scanTimes struct {
	ours, bare time.Duration
	pages      int
}

// time reads the scanned PDF p with ex, then its page images jpgs with the
// bare tesseract command (one thread, languages langs), one after the
// other so that the machine's load falls on both alike.
func (s *scanTimes) time(tb testing.TB, ctx context.Context, ex *extract.Extractor, p string, jpgs []string, langs string) {
	tb.Helper()
	start := time.Now()
	res, err := ex.Extract(ctx, p)
	s.ours += time.Since(start)
	if err != nil || !res.OCR.Read() {
		tb.Fatalf("%s: %v %+v", p, err, res.OCR)
	}
	s.pages += len(res.OCR.Pages)
	start = time.Now()
	for _, j := range jpgs {
		cmd := exec.Command("tesseract", j, "stdout", "-l", langs, "tsv")
		cmd.Env = append(os.Environ(), "OMP_THREAD_LIMIT=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			tb.Fatalf("tesseract: %v %s", err, out)
		}
	}
	s.bare += time.Since(start)
}

// pageImages extracts a scanned PDF's page images (its JPEGs, as scanned).
func pageImages(tb testing.TB, p string) []string {
	tb.Helper()
	dir := tb.TempDir()
	if out, err := exec.Command("pdfimages", "-j", p, filepath.Join(dir, "i")).CombinedOutput(); err != nil {
		tb.Fatalf("pdfimages: %v %s", err, out)
	}
	jpgs, _ := filepath.Glob(filepath.Join(dir, "i-*.jpg"))
	return jpgs
}

func atoi(s string) int {
	n := 0
	for _, r := range strings.TrimSpace(s) {
		if r < '0' || r > '9' {
			break
		}
		n = n*10 + int(r-'0')
	}
	return n
}

func envInt(k string) int { return atoi(os.Getenv(k)) }

// minConf is DOSSIER_OCR_MIN_CONF (to measure thresholds) or def.
func minConf(def float64) float64 {
	if v, err := strconv.ParseFloat(os.Getenv("DOSSIER_OCR_MIN_CONF"), 64); err == nil {
		return v
	}
	return def
}

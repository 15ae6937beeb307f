package extract

import (
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"dossier"
)

var (
	testExOnce sync.Once
	testEx     *Extractor
	// -pdfium-interruptible runs the package's tests and benchmarks with
	// Options.Interruptible, e.g. to compare extraction speed:
	//   go test ./extract -run '^$' -bench BenchmarkPDFText -benchtime 20x -args -pdfium-interruptible
	interruptible = flag.Bool("pdfium-interruptible", false, "compile PDFium with wazero's termination checks")
)

// testExtractor is one Extractor for the package's tests; the PDFium
// compilation cache lives in the user cache dir so repeated runs skip the
// compile.
func testExtractor(t testing.TB) *Extractor {
	t.Helper()
	testExOnce.Do(func() {
		dir := filepath.Join(os.TempDir(), "dossier-extract-test-cache")
		ex, err := New(Options{CacheDir: dir, Timeout: 30 * time.Second, Interruptible: *interruptible})
		if err != nil {
			t.Fatal(err)
		}
		testEx = ex
	})
	return testEx
}

func TestExtractFiles(t *testing.T) {
	tests := []struct {
		name      string
		file      string
		wantErr   error
		format    dossier.Format
		pages     int
		images    int
		scanned   bool
		blank     bool
		decrypted bool
	}{
		{name: "libreoffice pdf", file: "audit.pdf", format: dossier.FormatPDF, pages: 2},
		{name: "ghostscript pdf", file: "audit-gs.pdf", format: dossier.FormatPDF, pages: 2},
		{name: "junk before header", file: "junk-header.pdf", format: dossier.FormatPDF, pages: 2},
		{name: "owner password aes256", file: "audit-owner-aes256.pdf", format: dossier.FormatPDF, pages: 2, decrypted: true},
		{name: "user password", file: "audit-user-password.pdf", wantErr: ErrPassword},
		{name: "truncated pdf", file: "audit-truncated.pdf", wantErr: ErrCorrupt},
		{name: "scanned pdf", file: "audit-scan.pdf", format: dossier.FormatPDF, pages: 2, images: 2, scanned: true},
		{name: "text as outlines", file: "audit-outlined.pdf", format: dossier.FormatPDF, pages: 2, scanned: true},
		{name: "blank pages", file: "blank.pdf", format: dossier.FormatPDF, pages: 2, blank: true},
		{name: "chromium pdf", file: "chromium-cjk.pdf", format: dossier.FormatPDF, pages: 1},
		{name: "gofpdf pdf", file: "gofpdf-cjk.pdf", format: dossier.FormatPDF, pages: 1},
		{name: "garbage named pdf", file: "garbage.pdf", wantErr: ErrCorrupt},
		{name: "empty", file: "empty.pdf", wantErr: ErrEmpty},
		{name: "jpeg named pdf", file: "jpeg-named.pdf", wantErr: ErrCorrupt},
		{name: "pdf named jpg", file: "pdf-named.jpg", wantErr: ErrCorrupt},
		{name: "png named jpg is fine", file: "png-named.jpg", format: dossier.FormatPNG, images: 1},
		{name: "jpeg", file: "photo.jpg", format: dossier.FormatJPEG, images: 1},
		{name: "png", file: "photo.png", format: dossier.FormatPNG, images: 1},
		{name: "truncated jpeg", file: "photo-truncated.jpg", wantErr: ErrCorrupt},
		{name: "bmp", file: "photo.bmp", wantErr: ErrUnsupported},
		{name: "gif", file: "photo.gif", wantErr: ErrUnsupported},
		{name: "html", file: "audit.html", wantErr: ErrUnsupported},
		{name: "docx (read natively)", file: "audit.docx", format: dossier.FormatDOCX},
		{name: "xlsx", file: "survey.xlsx", format: dossier.FormatXLSX},
		{name: "legacy xls", file: "survey.xls", wantErr: ErrLegacy},
		{name: "encrypted xlsx", file: "encrypted.xlsx", wantErr: ErrPassword},
		{name: "zip bomb", file: "bomb.xlsx", wantErr: ErrTooLarge},
	}
	ex := testExtractor(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := ex.Extract(context.Background(), filepath.Join("testdata", tt.file))
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("Extract(%s) error = %v, want %v", tt.file, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("Extract(%s): %v", tt.file, err)
			}
			if res.Format != tt.format || res.Pages != tt.pages || res.Images != tt.images ||
				res.Scanned != tt.scanned || res.Blank != tt.blank || res.Decrypted != tt.decrypted {
				t.Errorf("Extract(%s) = format %s pages %d images %d scanned %v blank %v decrypted %v, want %s %d %d %v %v %v",
					tt.file, res.Format, res.Pages, res.Images, res.Scanned, res.Blank, res.Decrypted,
					tt.format, tt.pages, tt.images, tt.scanned, tt.blank, tt.decrypted)
			}
			if res.Fields == nil || res.Kind == "" {
				t.Errorf("Extract(%s): Fields %v Kind %q, want non-nil and set", tt.file, res.Fields, res.Kind)
			}
		})
	}
}

func TestPDFText(t *testing.T) {
	ex := testExtractor(t)
	for _, file := range []string{"audit.pdf", "audit-gs.pdf", "audit-owner-aes256.pdf"} {
		t.Run(file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", file))
			if err != nil {
				t.Fatal(err)
			}
			got, err := ex.ReadPDF(context.Background(), data)
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range []string{"沪测会审字〔2026〕第", "审计意见类型：无保留意见", "100,000.00", "上海测试会计师事务所有限公司"} {
				if !strings.Contains(got.Text, want) {
					t.Errorf("text of %s lacks %q:\n%s", file, want, got.Text)
				}
			}
			if strings.Contains(got.Text, "\r") {
				t.Errorf("text of %s contains CR", file)
			}
		})
	}
}

func TestLimits(t *testing.T) {
	tests := []struct {
		name string
		opt  Options
		file string
		want error
	}{
		{name: "file size", opt: Options{MaxFileSize: 1000}, file: "audit.pdf", want: ErrTooLarge},
		{name: "pages", opt: Options{MaxPages: 1}, file: "audit.pdf", want: ErrTooLarge},
		{name: "unzip size", opt: Options{MaxUnzipSize: 2000, MaxXMLSize: 1000}, file: "survey.xlsx", want: ErrTooLarge},
	}
	testExtractor(t) // the process-wide pool, with its cache
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex, err := New(tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			_, err = ex.Extract(context.Background(), filepath.Join("testdata", tt.file))
			if !errors.Is(err, tt.want) && !(tt.want == nil && err == nil) {
				t.Fatalf("Extract error = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestTimeout(t *testing.T) {
	ex := testExtractor(t)
	data, err := os.ReadFile(filepath.Join("testdata", "audit.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ex.ReadPDF(context.Background(), data); err != nil { // warm the pool
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Nanosecond)
	defer cancel()
	time.Sleep(time.Millisecond)
	// A time-out is not blamed on the document (F002): it is dossier's
	// own trouble, retried; a file timing out twice is set aside (F005).
	if _, err := ex.ReadPDF(ctx, data); !errors.Is(err, ErrOwnTrouble) || errors.Is(err, ErrCorrupt) {
		t.Fatalf("ReadPDF with expired ctx = %v, want ErrOwnTrouble", err)
	}
	// The pool still works afterwards.
	if _, err := ex.ReadPDF(context.Background(), data); err != nil {
		t.Fatalf("ReadPDF after a timeout: %v", err)
	}
}

// TestTimeoutMidCall: a deadline that passes while PDFium is inside a page
// still ends ReadPDF at once; the unfinished call keeps its instance until
// its page is done, then the pool works as before.
func TestTimeoutMidCall(t *testing.T) {
	ex := testExtractor(t)
	data, err := os.ReadFile(filepath.Join("testdata", "audit-outlined.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ex.ReadPDF(context.Background(), data); err != nil { // warm the pool
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
		start := time.Now()
		_, err := ex.ReadPDF(ctx, data)
		took := time.Since(start)
		cancel()
		if err != nil && !errors.Is(err, ErrOwnTrouble) {
			t.Fatalf("ReadPDF with a 1 ms deadline = %v, want ErrOwnTrouble or success", err)
		}
		if took > time.Second {
			t.Errorf("ReadPDF with a 1 ms deadline took %v", took)
		}
	}
	res, err := ex.ReadPDF(context.Background(), data)
	if err != nil || res.Pages != 2 {
		t.Fatalf("ReadPDF after time-outs = %d pages, %v", res.Pages, err)
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		file string
		want dossier.Format
	}{
		{"audit.pdf", dossier.FormatPDF},
		{"junk-header.pdf", dossier.FormatPDF},
		{"survey.xlsx", dossier.FormatXLSX},
		{"audit.docx", dossier.FormatDOCX},
		{"survey.xls", dossier.FormatLegacy},
		{"encrypted.xlsx", dossier.FormatLegacy},
		{"photo.jpg", dossier.FormatJPEG},
		{"photo.png", dossier.FormatPNG},
		{"photo.bmp", dossier.FormatUnknown},
		{"garbage.pdf", dossier.FormatUnknown},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			f, err := os.Open(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			st, _ := f.Stat()
			if got := Sniff(f, st.Size(), tt.file); got != tt.want {
				t.Errorf("Sniff(%s) = %s, want %s", tt.file, got, tt.want)
			}
		})
	}
}

package extract

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dossier"
	"dossier/internal/hostile"
)

// Over a limit is F005 (ErrTooLarge) with the limit named, found before
// the work; damaged bodies are F002 (ErrCorrupt).
func TestHostileFilesHitLimits(t *testing.T) {
	good := hostile.PhotoJPEG()
	truncated := append(append([]byte{}, good[:len(good)/2]...), 0xFF, 0xD9)
	corrupt := append([]byte{}, good...)
	for i := len(corrupt) / 3; i < len(corrupt)/3+2000; i++ {
		corrupt[i] = 0xFF
	}
	tests := []struct {
		name   string
		format dossier.Format
		data   []byte
		opt    Options
		want   error
		limit  string // named in the error
	}{
		{"xlsx declares 20000×512 cells", dossier.FormatXLSX, hostile.XLSX("A1:SR20000", 2, 2), Options{}, ErrTooLarge, "limits.max_cells"},
		{"xlsx lies about its dimension", dossier.FormatXLSX, hostile.XLSX("A1", 300, 100), Options{MaxCells: 10_000}, ErrTooLarge, "limits.max_cells"},
		{"pdf page with 300k text operators", dossier.FormatPDF, hostile.OpsPDF(300_000), Options{}, ErrTooLarge, "limits.max_page_objects"},
		{"png of 20000×20000 pixels", dossier.FormatPNG, hostile.PNGHeader(20000, 20000), Options{}, ErrTooLarge, "limits.max_pixels"},
		{"jpeg truncated, end marker appended", dossier.FormatJPEG, truncated, Options{}, ErrCorrupt, ""},
		{"jpeg with a corrupt body", dossier.FormatJPEG, corrupt, Options{}, ErrCorrupt, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ex, err := New(tc.opt)
			if err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			_, err = ex.ExtractBytes(context.Background(), tc.format, "x", tc.data)
			if !errors.Is(err, tc.want) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
			if tc.limit != "" && !strings.Contains(err.Error(), tc.limit) {
				t.Errorf("err = %v, want the limit %s named", err, tc.limit)
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %s: the limit must be checked before the work", d)
			}
		})
	}
}

// Precision: no genuine file is refused by the new limits.
func TestLimitsKeepGenuineFiles(t *testing.T) {
	ex, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, pat := range []string{"testdata/*.pdf", "/work/shared/samples/inbox/*/*.pdf", "/work/shared/samples/inbox/*.pdf"} {
		m, _ := filepath.Glob(pat)
		paths = append(paths, m...)
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := checkPageOps(data, DefaultMaxPageObjs); err != nil {
			t.Errorf("%s: %v", p, err)
		}
	}
	for _, name := range []string{"photo.jpg", "photo.png"} {
		f := dossier.FormatJPEG
		if strings.HasSuffix(name, ".png") {
			f = dossier.FormatPNG
		}
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ex.ExtractBytes(context.Background(), f, name, data); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	data, err := os.ReadFile(filepath.Join("testdata", "survey.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ex.ReadXLSX(context.Background(), data); err != nil {
		t.Errorf("survey.xlsx: %v", err)
	}
	t.Logf("%d PDFs checked", len(paths))
}

// A workbook that finds every reader busy is our own trouble, retried,
// not F002 ("no workbook reader free in time").
func TestBusyReaderIsOwnTrouble(t *testing.T) {
	ex, err := New(Options{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join("testdata", "survey.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	ex.xlsxSlots <- struct{}{} // another workbook's read holds the only reader
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	_, err = ex.ReadXLSX(ctx, data)
	if !errors.Is(err, ErrOwnTrouble) || errors.Is(err, ErrCorrupt) {
		t.Fatalf("err = %v, want ErrOwnTrouble, not ErrCorrupt", err)
	}
	<-ex.xlsxSlots
	if _, err := ex.ReadXLSX(context.Background(), data); err != nil {
		t.Fatalf("once the reader is free: %v", err)
	}
}

// A file whose reads timed out (or crashed the process) twice is set
// aside as F005 instead of blocking the others for ever.
func TestPoisonFileSetAside(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "survey.xlsx")
	data, err := os.ReadFile(filepath.Join("testdata", "survey.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(src, data, 0o644)
	ex, err := New(Options{TmpDir: filepath.Join(dir, "tmp"), Workers: 1, Timeout: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	// Two reads that never end: the process was killed while reading
	// (the marker is left), simulated by beginning without ending.
	att := attempts{dir: attemptsDir(filepath.Join(dir, "tmp"))}
	att.begin(data)
	att.begin(data)
	_, err = ex.Extract(context.Background(), src)
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "poison") {
		t.Fatalf("third read: err = %v, want F005 poison file", err)
	}
	// A file read to a verdict is not counted.
	os.RemoveAll(att.dir)
	for range 3 {
		if _, err := ex.Extract(context.Background(), src); err != nil {
			t.Fatalf("genuine read: %v", err)
		}
	}
}

func TestSweepTemps(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"excelize-123", "excelize-456", "keep.txt"} {
		os.WriteFile(filepath.Join(dir, n), []byte("x"), 0o644)
	}
	if n := SweepTemps(dir); n != 2 {
		t.Fatalf("swept %d, want 2", n)
	}
	if _, err := os.Stat(filepath.Join(dir, "keep.txt")); err != nil {
		t.Fatal("swept a file that is not a reader's temporary file")
	}
}

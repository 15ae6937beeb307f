package extract

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"dossier"
)

func addSeeds(f *testing.F, pattern string) {
	files, _ := filepath.Glob(filepath.Join("testdata", pattern))
	for _, p := range files {
		if data, err := os.ReadFile(p); err == nil && len(data) < 64<<10 {
			f.Add(data)
		}
	}
}

// FuzzPDF feeds arbitrary bytes to the PDF entry point: it must return a
// result or a sentinel error, never panic or hang.
func FuzzPDF(f *testing.F) {
	addSeeds(f, "*.pdf")
	f.Add([]byte("%PDF-1.7\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF"))
	ex := testExtractor(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_, err := ex.ExtractBytes(ctx, dossier.FormatPDF, "fuzz.pdf", data)
		if err != nil && !isSentinel(err) {
			t.Fatalf("error %v is none of the sentinels", err)
		}
	})
}

// FuzzXLSX feeds arbitrary bytes to the workbook entry point.
func FuzzXLSX(f *testing.F) {
	addSeeds(f, "*.xlsx")
	ex := testExtractor(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_, err := ex.ExtractBytes(ctx, dossier.FormatXLSX, "fuzz.xlsx", data)
		if err != nil && !isSentinel(err) {
			t.Fatalf("error %v is none of the sentinels", err)
		}
	})
}

// FuzzSniff: the classifier over arbitrary bytes and names.
func FuzzSniff(f *testing.F) {
	addSeeds(f, "*")
	ex := testExtractor(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, name := range []string{"a.pdf", "a.xlsx", "a.jpg", "a.xls", "a.bin"} {
			r := bytesReaderAt(data)
			_, err := ex.classify(r, int64(len(data)), name)
			if err != nil && !isSentinel(err) {
				t.Fatalf("classify(%s) error %v is none of the sentinels", name, err)
			}
		}
	})
}

type bytesReaderAt []byte

func (b bytesReaderAt) ReadAt(p []byte, off int64) (int, error) {
	if off >= int64(len(b)) {
		return 0, io.EOF
	}
	n := copy(p, b[off:])
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

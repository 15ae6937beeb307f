package extract

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/rand"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"dossier"

	"github.com/klippa-app/go-pdfium"
)

// benchPDFs are PDFs of different producers and sizes; missing ones are skipped.
var benchPDFs = []string{
	"testdata/audit.pdf",
	"testdata/audit-gs.pdf",
	"testdata/audit-owner-aes256.pdf",
	"../../shared/samples/inbox/M1/M1-审计报告.pdf",
	"../../shared/samples/inbox/M2/实施成效调查表.pdf",
	"../../shared/samples/inbox/M6/M6-审计报告.pdf",
	"../../shared/realworld/py-pdf-sample-files/009-pdflatex-geotopo/GeoTopo-komprimiert.pdf",
	"../../shared/realworld/py-pdf-sample-files/026-latex-multicolumn/multicolumn.pdf",
}

// pdftotextOnce is poppler's time for one file, process start included,
// as a user would run it.
func pdftotextOnce(path string) (time.Duration, error) {
	start := time.Now()
	if err := exec.Command("pdftotext", "-q", "-enc", "UTF-8", path, os.DevNull).Run(); err != nil {
		return 0, err
	}
	return time.Since(start), nil
}

func median(d []time.Duration) time.Duration {
	if len(d) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), d...)
	slices.Sort(s)
	return s[len(s)/2]
}

// BenchmarkPDFText: PDFium text extraction per file (pool warm, compile
// excluded: see BenchmarkPDFiumInit), with poppler's pdftotext on the same
// file in the same run. Each iteration times one ReadPDF and then, with the
// timer stopped, one pdftotext, so both see the same machine load; the
// metric x-pdftotext is the median of ours over the median of poppler's.
//
//	go test ./extract -run '^$' -bench BenchmarkPDFText -benchtime 20x
func BenchmarkPDFText(b *testing.B) {
	ex := testExtractor(b)
	_, noPoppler := exec.LookPath("pdftotext")
	for _, path := range benchPDFs {
		data, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		b.Run(filepath.Base(path), func(b *testing.B) {
			if _, err := ex.ReadPDF(context.Background(), data); err != nil { // warm
				b.Fatal(err)
			}
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			var ours, theirs []time.Duration
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				start := time.Now()
				if _, err := ex.ReadPDF(context.Background(), data); err != nil {
					b.Fatal(err)
				}
				ours = append(ours, time.Since(start))
				if noPoppler == nil {
					b.StopTimer()
					if pt, err := pdftotextOnce(path); err == nil {
						theirs = append(theirs, pt)
					}
					b.StartTimer()
				}
			}
			b.StopTimer()
			if mo, mt := median(ours), median(theirs); mt > 0 {
				b.ReportMetric(float64(mo.Microseconds())/1000, "median-ms")
				b.ReportMetric(float64(mt.Microseconds())/1000, "pdftotext-ms")
				b.ReportMetric(float64(mo)/float64(mt), "x-pdftotext")
			}
		})
	}
}

// BenchmarkPDFiumInit: starting a PDFium pool and its first instance,
// without a compilation cache and from a warm one. Run with -benchtime=1x.
func BenchmarkPDFiumInit(b *testing.B) {
	data, err := os.ReadFile("testdata/audit.pdf")
	if err != nil {
		b.Fatal(err)
	}
	cacheDir := b.TempDir()
	for _, mode := range []struct {
		name, dir string
	}{{"nocache", ""}, {"cold-cache", cacheDir}, {"warm-cache", cacheDir}} {
		b.Run(mode.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				p, err := initPool(mode.dir, 1, false)
				if err != nil {
					b.Fatal(err)
				}
				err = withInstance(context.Background(), p, func(inst pdfium.Pdfium) error {
					_, err := readPDF(context.Background(), inst, data, 10, 0)
					return err
				})
				p.Close()
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

var benchXLSX = []string{
	"testdata/survey.xlsx",
	"../../shared/samples/inbox/M7/M7调查表.xlsx",
	"../../shared/samples/inbox/M10/M10调查表.xlsx",
	"../../shared/samples/inbox/M12/实施成效调查表.xlsx",
	"../../shared/realworld/excelize-test/Book1.xlsx",
	"../../shared/realworld/excelize-test/SharedStrings.xlsx",
}

// BenchmarkXLSX: reading and parsing one workbook.
func BenchmarkXLSX(b *testing.B) {
	ex := testExtractor(b)
	for _, path := range benchXLSX {
		data, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		b.Run(filepath.Base(path), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := ex.ExtractBytes(context.Background(), dossier.FormatXLSX, filepath.Base(path), data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// big50 is just under the default 50 MiB limit.
const big50 = 50<<20 - 64<<10

// bigPDF writes a one-page PDF of about size bytes: a line of text and an
// uncompressed image XObject of random bytes.
func bigPDF(size int) []byte {
	side := 1
	for (side+1)*(side+1)*3 < size-4096 {
		side++
	}
	img := make([]byte, side*side*3)
	rand.Read(img)
	var buf bytes.Buffer
	var offs []int
	obj := func(s string) {
		offs = append(offs, buf.Len())
		buf.WriteString(s)
	}
	buf.WriteString("%PDF-1.7\n")
	obj("1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n")
	obj("2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n")
	obj("3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 5 0 R>>/XObject<</Im1 6 0 R>>>>/Contents 4 0 R>>endobj\n")
	content := "BT /F1 12 Tf 72 800 Td (Audit report 2026, a large file) Tj ET q 400 0 0 400 100 300 cm /Im1 Do Q"
	obj(fmt.Sprintf("4 0 obj<</Length %d>>stream\n%s\nendstream endobj\n", len(content), content))
	obj("5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\n")
	offs = append(offs, buf.Len())
	fmt.Fprintf(&buf, "6 0 obj<</Type/XObject/Subtype/Image/Width %d/Height %d/ColorSpace/DeviceRGB/BitsPerComponent 8/Length %d>>stream\n", side, side, len(img))
	buf.Write(img)
	buf.WriteString("\nendstream endobj\n")
	xref := buf.Len()
	fmt.Fprintf(&buf, "xref\n0 %d\n0000000000 65535 f \n", len(offs)+1)
	for _, o := range offs {
		fmt.Fprintf(&buf, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&buf, "trailer<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n", len(offs)+1, xref)
	return buf.Bytes()
}

// bigXLSX is survey.xlsx plus an incompressible picture part, about size bytes.
func bigXLSX(b *testing.B, size int) []byte {
	src, err := zip.OpenReader("testdata/survey.xlsx")
	if err != nil {
		b.Fatal(err)
	}
	defer src.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range src.File {
		w, _ := zw.CreateRaw(&f.FileHeader)
		r, _ := f.OpenRaw()
		buf2 := new(bytes.Buffer)
		buf2.ReadFrom(r)
		w.Write(buf2.Bytes())
	}
	w, _ := zw.CreateHeader(&zip.FileHeader{Name: "xl/media/image1.png", Method: zip.Store})
	pic := make([]byte, size-buf.Len()-4096)
	rand.Read(pic)
	w.Write(pic)
	zw.Close()
	return buf.Bytes()
}

// BenchmarkLarge50MiB: time and memory to read a file just under the
// 50 MiB limit (generated, not committed), through Extract from disk.
func BenchmarkLarge50MiB(b *testing.B) {
	ex := testExtractor(b)
	dir := b.TempDir()
	files := map[string][]byte{"big.pdf": bigPDF(big50), "big.xlsx": bigXLSX(b, big50)}
	for name, data := range files {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := ex.Extract(context.Background(), path); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

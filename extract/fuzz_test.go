package extract

import (
	"archive/zip"
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"dossier"
)

// Fuzzing budget. CI runs each target for 10 s with no other flags. The
// fuzzer minimises every input that finds new coverage, for up to
// -fuzzminimizetime (60 s by default), and counts no execs meanwhile: one
// 27 KB PDF seed took the whole 10 s. So while fuzzing, the seeds are small
// (the real fixtures run as seeds in plain `go test`), and minimisation is
// capped at fuzzMinimize unless -fuzzminimizetime is given.
const (
	fuzzSeedMax  = 4 << 10
	fuzzMinimize = "100x"
)

// fuzzing reports whether this run is fuzzing (coordinator or worker), not
// just running the seed corpus.
func fuzzing() bool {
	f := flag.Lookup("test.fuzz")
	return f != nil && f.Value.String() != ""
}

// prepareFuzz caps minimisation when fuzzing and the flag was not set.
func prepareFuzz(f *testing.F) {
	if !fuzzing() {
		return
	}
	set := false
	flag.Visit(func(fl *flag.Flag) { set = set || fl.Name == "test.fuzzminimizetime" })
	if !set {
		if err := flag.Set("test.fuzzminimizetime", fuzzMinimize); err != nil {
			f.Logf("cap fuzz minimisation: %v", err)
		}
	}
}

// addSeeds adds the testdata files matching pattern: all of them under
// 64 KiB in plain test runs, only the small ones when fuzzing.
func addSeeds(f *testing.F, pattern string) {
	limit := 64 << 10
	if fuzzing() {
		limit = fuzzSeedMax
	}
	files, _ := filepath.Glob(filepath.Join("testdata", pattern))
	for _, p := range files {
		if data, err := os.ReadFile(p); err == nil && len(data) < limit {
			f.Add(data)
		}
	}
}

// checkFuzzResult fails on an error outside the sentinels and on any panic
// that production code recovered (it still returns ErrCorrupt or an unknown
// kind, so only lastPanic shows it).
func checkFuzzResult(t *testing.T, what string, err error) {
	t.Helper()
	if p := takePanic(); p != nil {
		t.Fatalf("%s: recovered panic: %v", what, p)
	}
	if err != nil && !isSentinel(err) {
		t.Fatalf("%s: error %v is none of the sentinels", what, err)
	}
}

// FuzzPDF feeds arbitrary bytes to the PDF entry point: it must return a
// result or a sentinel error, never panic or hang.
func FuzzPDF(f *testing.F) {
	prepareFuzz(f)
	addSeeds(f, "*.pdf")
	f.Add(tinyPDF("Audit report 2026", false))
	f.Add(tinyPDF("", true))
	f.Add([]byte("%PDF-1.7\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF"))
	ex := testExtractor(f)
	takePanic()
	f.Fuzz(func(t *testing.T, data []byte) {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_, err := ex.ExtractBytes(ctx, dossier.FormatPDF, "fuzz.pdf", data)
		checkFuzzResult(t, "ExtractBytes(pdf)", err)
	})
}

// FuzzXLSX feeds arbitrary bytes to the workbook entry point.
func FuzzXLSX(f *testing.F) {
	prepareFuzz(f)
	addSeeds(f, "*.xlsx")
	f.Add(tinyXLSX())
	ex := testExtractor(f)
	takePanic()
	f.Fuzz(func(t *testing.T, data []byte) {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_, err := ex.ExtractBytes(ctx, dossier.FormatXLSX, "fuzz.xlsx", data)
		checkFuzzResult(t, "ExtractBytes(xlsx)", err)
	})
}

// FuzzSniff: the classifier over arbitrary bytes and names.
func FuzzSniff(f *testing.F) {
	prepareFuzz(f)
	addSeeds(f, "*")
	f.Add(tinyXLSX())
	ex := testExtractor(f)
	takePanic()
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, name := range []string{"a.pdf", "a.xlsx", "a.jpg", "a.xls", "a.bin"} {
			r := bytesReaderAt(data)
			_, err := ex.classify(r, int64(len(data)), name)
			checkFuzzResult(t, "classify("+name+")", err)
		}
	})
}

// tinyPDF is a one-page PDF of a few hundred bytes: a line of Helvetica
// text and, with image, a 2×2 RGB image XObject.
func tinyPDF(text string, image bool) []byte {
	var buf bytes.Buffer
	var offs []int
	obj := func(format string, a ...any) {
		offs = append(offs, buf.Len())
		fmt.Fprintf(&buf, format, a...)
	}
	content := ""
	if text != "" {
		content = fmt.Sprintf("BT /F1 12 Tf 72 800 Td (%s) Tj ET", text)
	}
	if image {
		content += " q 100 0 0 100 72 600 cm /Im1 Do Q"
	}
	buf.WriteString("%PDF-1.7\n")
	obj("1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n")
	obj("2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n")
	obj("3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 5 0 R>>/XObject<</Im1 6 0 R>>>>/Contents 4 0 R>>endobj\n")
	obj("4 0 obj<</Length %d>>stream\n%s\nendstream endobj\n", len(content), content)
	obj("5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\n")
	obj("6 0 obj<</Type/XObject/Subtype/Image/Width 2/Height 2/ColorSpace/DeviceRGB/BitsPerComponent 8/Length 12>>stream\n%s\nendstream endobj\n",
		"\xff\x00\x00\x00\xff\x00\x00\x00\xff\xff\xff\xff")
	xref := buf.Len()
	fmt.Fprintf(&buf, "xref\n0 %d\n0000000000 65535 f \n", len(offs)+1)
	for _, o := range offs {
		fmt.Fprintf(&buf, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&buf, "trailer<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n", len(offs)+1, xref)
	return buf.Bytes()
}

// tinyXLSX is a minimal workbook with stored (uncompressed) parts, so
// mutations reach the XML instead of breaking a deflate stream: one sheet
// with a merged label and a value to its right.
func tinyXLSX() []byte {
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="调查表" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`},
		{"xl/worksheets/sheet1.xml", `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>团队名称</t></is></c><c r="C1" t="inlineStr"><is><t>测试服务团</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>服务天数</t></is></c><c r="C2"><v>12</v></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>是否开展义诊</t></is></c><c r="C3"><f>IF(C2&gt;0,"是","否")</f></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>`},
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Store})
		io.WriteString(w, p.body)
	}
	zw.Close()
	return buf.Bytes()
}

// TestFuzzSeeds: the generated seeds are what they claim to be.
func TestFuzzSeeds(t *testing.T) {
	ex := testExtractor(t)
	res, err := ex.ExtractBytes(context.Background(), dossier.FormatPDF, "a.pdf", tinyPDF("Audit report 2026", true))
	if err != nil || res.Pages != 1 || res.Images != 1 || res.TextChars != 15 {
		t.Errorf("tinyPDF: %+v, %v; want 1 page, 1 image, 15 chars", res, err)
	}
	sheets, err := ex.ReadXLSX(context.Background(), tinyXLSX())
	if err != nil || len(sheets) != 1 || len(sheets[0].Rows) < 2 {
		t.Fatalf("tinyXLSX: %+v, %v", sheets, err)
	}
	t.Logf("tinyXLSX rows: %q (%d bytes); tinyPDF %d bytes", sheets[0].Rows, len(tinyXLSX()), len(tinyPDF("Audit report 2026", true)))
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

package parse

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The unseen corpus: documents made for this test with the real tools
// (LibreOffice, Chromium, Ghostscript, qpdf, ImageMagick) from inputs
// written by testdata/unseen/gen/gen.py, with wording and layouts the
// samples do not use. expected.jsonl is the generator's own ground truth.
// testdata/unseen2 is a second corpus from an independent generator
// (testdata/unseen2/gen, different layouts and blind spots); testdata/unseen3
// is mostly workbooks (LibreOffice Calc xlsx/xlsm in many layouts) whose
// sheets are committed as package extract reads them (.sheets.json).
// UNSEEN_DIR points the test at another build of a corpus (build.sh with
// UNSEEN_OUT and SEED_OFFSET set): a held-out draw of the same generator.
var unseenDirs = func() []string {
	if d := os.Getenv("UNSEEN_DIR"); d != "" {
		return []string{d}
	}
	return []string{"testdata/unseen", "testdata/unseen2", "testdata/unseen3"}
}()

var metaRe = regexp.MustCompile(`pages=(\d+) images=(\d+)`)

// unseenInput builds the Input production hands Parse for one corpus file:
// PDFium's text (committed beside the PDF) with its page and image counts,
// the workbook's sheets, or an image.
func unseenInput(t *testing.T, dir, name string) (Input, bool) {
	p := filepath.Join(dir, "docs", name)
	switch strings.ToLower(filepath.Ext(name)) {
	case ".jpg", ".jpeg", ".png":
		return Input{Name: name, IsImage: true, Images: 1}, true
	case ".xlsx", ".xlsm":
		if b, err := os.ReadFile(p + ".sheets.json"); err == nil {
			// the sheets as extract.ReadXLSX gave them (visible sheets,
			// cached formula values, merged ranges filled, ISO dates)
			var sheets []Sheet
			if err := json.Unmarshal(b, &sheets); err != nil {
				t.Fatalf("%s.sheets.json: %v", p, err)
			}
			return Input{Name: name, Sheets: sheets}, true
		}
		return Input{Name: name, Sheets: loadSheets(t, p)}, true
	case ".pdf":
		b, err := os.ReadFile(p + ".txt")
		if err != nil {
			return Input{}, false
		}
		in := Input{Name: name, Text: string(b)}
		if m, err := os.ReadFile(p + ".meta"); err == nil {
			if g := metaRe.FindSubmatch(m); g != nil {
				in.Pages, _ = strconv.Atoi(string(g[1]))
				in.Images, _ = strconv.Atoi(string(g[2]))
			}
		}
		return in, true
	}
	return Input{}, false
}

// TestUnseen compares kind and fields with each generator's ground truth.
// Every miss is in testdata/known-misses/<corpus>.tsv with its reason; a
// new one fails, and so does a listed one that was fixed.
func TestUnseen(t *testing.T) {
	for _, dir := range unseenDirs {
		t.Run(filepath.Base(dir), func(t *testing.T) { testUnseen(t, dir) })
	}
}

func testUnseen(t *testing.T, dir string) {
	var kOK, kN, fOK, fN int
	perKind := map[string][2]int{}
	misses := map[string]string{}
	for _, e := range readExpected(t, filepath.Join(dir, "expected.jsonl")) {
		in, ok := unseenInput(t, dir, e.Path)
		if !ok {
			t.Errorf("%s: no input", e.Path)
			continue
		}
		out := Parse(in)
		kN++
		if string(out.Kind) == *e.Kind {
			kOK++
		} else {
			misses[e.Path+" kind"] = fmt.Sprintf("want %s got %s", *e.Kind, out.Kind)
		}
		pk := perKind[*e.Kind]
		for k, v := range e.Fields {
			fN++
			pk[1]++
			got, present := out.Fields[k]
			if k == "report_no" {
				if w, ok := v.(string); ok {
					v = NormalizeDocNo(w) // one bracket form (issue 10)
				}
			}
			if present && same(v, got) {
				fOK++
				pk[0]++
			} else {
				misses[e.Path+" "+k] = fmt.Sprintf("want %v got %#v (present %v, invalid %q)", v, got, present, out.Invalid[k])
			}
		}
		perKind[*e.Kind] = pk
	}
	checkKnown(t, filepath.Base(dir), misses)
	for k, v := range perKind {
		t.Logf("fields of %-7s %d/%d", k, v[0], v[1])
	}
	kr, fr := float64(kOK)/math.Max(1, float64(kN)), float64(fOK)/math.Max(1, float64(fN))
	t.Logf("unseen: kind %d/%d %.1f%%  fields %d/%d %.1f%%", kOK, kN, 100*kr, fOK, fN, 100*fr)
}

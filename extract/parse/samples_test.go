package parse

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"dossier"
	"golang.org/x/text/unicode/norm"
)

const expectedPath = "../../../shared/samples/expected.jsonl"

type expectedFile struct {
	Path   string         `json:"path"`
	Kind   *string        `json:"kind"`
	Fields map[string]any `json:"fields"`
}

func loadExpected(t *testing.T) []expectedFile {
	t.Helper()
	if _, err := os.Stat(expectedPath); err != nil {
		skipOrFail(t, "no expected results: %v", err)
	}
	return readExpected(t, expectedPath)
}

// readExpected reads an expected.jsonl: the samples' or a corpus's.
func readExpected(t *testing.T, path string) []expectedFile {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("open expected: %v", err)
	}
	defer f.Close()
	var out []expectedFile
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var e expectedFile
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, e)
	}
	return out
}

type pdfMeta struct {
	Pages  int `json:"pages"`
	Images int `json:"images"`
}

func loadMeta(t *testing.T) map[string]pdfMeta {
	b, err := os.ReadFile("testdata/samples/meta.json")
	if err != nil {
		t.Fatalf("meta: %v", err)
	}
	m := map[string]pdfMeta{}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("meta: %v", err)
	}
	return m
}

// inputsFor builds the Inputs a sample file gives under each text source
// (PDFium, poppler plain, poppler -layout) from the committed fixtures.
func inputsFor(t *testing.T, path string, meta map[string]pdfMeta) map[string]Input {
	name := filepath.Base(path)
	out := map[string]Input{}
	ext := strings.ToLower(filepath.Ext(path))
	switch ext {
	case ".jpg", ".jpeg", ".png":
		out["image"] = Input{Name: name, IsImage: true, Images: 1}
	case ".xlsx", ".xlsm":
		p := filepath.Join("testdata/samples/xlsx", path)
		if _, err := os.Stat(p); err == nil {
			out["xlsx"] = Input{Name: name, Sheets: loadSheets(t, p)}
		}
	case ".pdf":
		m := meta[path]
		for _, v := range []string{"pdfium", "raw", "layout"} {
			b, err := os.ReadFile(filepath.Join("testdata/samples", v, path+".txt"))
			if err != nil {
				continue
			}
			out[v] = Input{Name: name, Text: string(b), Pages: m.Pages, Images: m.Images}
		}
	}
	return out
}

// same compares like score.py: numbers to 0.005, text after NFKC without
// spaces, lists as sorted sets.
func same(want, got any) bool {
	switch w := want.(type) {
	case nil:
		return got == nil
	case bool:
		g, ok := got.(bool)
		return ok && g == w
	case float64:
		switch g := got.(type) {
		case int64:
			return math.Abs(float64(g)-w) < 0.005
		case float64:
			return math.Abs(g-w) < 0.005
		}
		return false
	case string:
		g, ok := got.(string)
		return ok && normText(g) == normText(w)
	case []any:
		gb, _ := json.Marshal(got)
		var gl []any
		if json.Unmarshal(gb, &gl) != nil || len(gl) != len(w) {
			return false
		}
		a, b := make([]string, len(w)), make([]string, len(gl))
		for i := range w {
			x, _ := json.Marshal(w[i])
			y, _ := json.Marshal(gl[i])
			a[i], b[i] = normText(string(x)), normText(string(y))
		}
		sort.Strings(a)
		sort.Strings(b)
		return reflect.DeepEqual(a, b)
	}
	return false
}

func normText(s string) string {
	return strings.Join(strings.Fields(norm.NFKC.String(s)), "")
}

// TestSamples parses every sample under every text source and compares the
// kind and the key fields with expected.jsonl. Every miss is listed with
// its reason in testdata/known-misses/samples.tsv; a new one fails.
func TestSamples(t *testing.T) {
	exp := loadExpected(t)
	meta := loadMeta(t)
	type tally struct{ ok, n int }
	kinds, fields := map[string]*tally{}, map[string]*tally{}
	misses := map[string]string{}
	for _, e := range exp {
		if e.Kind == nil {
			continue
		}
		for src, in := range inputsFor(t, e.Path, meta) {
			out := Parse(in)
			if kinds[src] == nil {
				kinds[src], fields[src] = &tally{}, &tally{}
			}
			if len(out.Invalid) > 0 {
				misses[fmt.Sprintf("%s [%s] invalid", e.Path, src)] = fmt.Sprintf("%q", out.Invalid)
			}
			kinds[src].n++
			if string(out.Kind) == *e.Kind {
				kinds[src].ok++
			} else {
				misses[fmt.Sprintf("%s [%s] kind", e.Path, src)] = fmt.Sprintf("want %s got %s", *e.Kind, out.Kind)
			}
			for k, v := range e.Fields {
				fields[src].n++
				got, present := out.Fields[k]
				if present && same(v, got) {
					fields[src].ok++
				} else {
					misses[fmt.Sprintf("%s [%s] %s", e.Path, src, k)] = fmt.Sprintf("want %v got %#v (invalid %q)", v, got, out.Invalid[k])
				}
			}
		}
	}
	checkKnown(t, "samples", misses)
	for src := range kinds {
		k, f := kinds[src], fields[src]
		kr, fr := float64(k.ok)/float64(k.n), float64(f.ok)/math.Max(1, float64(f.n))
		t.Logf("%-7s kind %d/%d %.1f%%  fields %d/%d %.1f%%", src, k.ok, k.n, 100*kr, f.ok, f.n, 100*fr)
	}
}

var _ = dossier.KindSurvey

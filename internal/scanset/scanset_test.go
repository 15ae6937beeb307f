package scanset

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"dossier"
	"dossier/config"
	"dossier/extract"
	"dossier/extract/ocr"
	"dossier/process"
)

// now is the sample set's evaluation time (README of the samples).
var now = time.Date(2026, 11, 21, 9, 0, 0, 0, time.FixedZone("CST", 8*3600))

func needTools(t testing.TB) string {
	t.Helper()
	samples := os.Getenv("DOSSIER_SAMPLES")
	if samples == "" {
		samples = "/work/shared/samples"
	}
	var missing []string
	for _, tool := range []string{"tesseract", "pdftoppm", "convert"} {
		if _, err := exec.LookPath(tool); err != nil {
			missing = append(missing, tool)
		}
	}
	if _, err := os.Stat(filepath.Join(samples, "expected.jsonl")); err != nil {
		missing = append(missing, samples)
	}
	if len(missing) > 0 {
		if os.Getenv("DOSSIER_REQUIRE_TOOLS") == "1" {
			t.Fatalf("missing %v (DOSSIER_REQUIRE_TOOLS=1)", missing)
		}
		t.Skipf("missing %v", missing)
	}
	return samples
}

// TestScanSet generates scans of the public samples (4 documents, or the
// whole set with DOSSIER_SCANSET_FULL=1, or reads an already generated
// set from DOSSIER_SCANSET), reads them as dossier does and scores the
// result against the source documents' fields and verdicts: fields ≥ 97 %,
// verdicts ≥ 95 %, and no document rejected by a misreading.
func TestScanSet(t *testing.T) {
	if testing.Short() {
		t.Skip("generates and reads scans: minutes")
	}
	samples := needTools(t)
	ctx := context.Background()
	dir := os.Getenv("DOSSIER_SCANSET")
	var exp []Expected
	var err error
	if dir != "" {
		exp, err = readExpected(filepath.Join(dir, "expected.jsonl"))
	} else {
		dir = t.TempDir()
		limit := 4
		if os.Getenv("DOSSIER_SCANSET_FULL") == "1" {
			limit = 0
		}
		exp, err = Generate(ctx, Options{Samples: samples, Out: dir, Limit: limit})
	}
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load("")
	if err != nil {
		t.Fatal(err)
	}
	// chi_sim alone: with +eng tesseract read small Han text as Latin
	// ("总人数" as "RAR") on these scans (README, "Reading scans").
	langs := os.Getenv("DOSSIER_OCR_LANGS")
	if langs == "" {
		langs = "chi_sim"
	}
	eng, err := ocr.New(ctx, ocr.Config{TempDir: t.TempDir(), Languages: langs})
	if err != nil {
		t.Fatal(err)
	}
	ex, err := extract.New(extract.Options{
		CacheDir: filepath.Join(os.TempDir(), "dossier-extract-test-cache"),
		Scan: extract.ScanOptions{Engine: eng, MinConfidence: minConf(cfg.OCR.MinConfidence), DPI: cfg.OCR.DPI, MinDPI: envInt("DOSSIER_OCR_MIN_DPI"),
			Cache: extract.FileCache{Dir: filepath.Join(dir, "cache")}},
	})
	if err != nil {
		t.Fatal(err)
	}
	ev := process.New(ex, cfg.Registry, cfg.Programme, 50<<20)
	var sc score
	var out strings.Builder
	var ocrTime time.Duration
	pages := 0
	for _, e := range exp {
		p := filepath.Join(dir, "inbox", filepath.FromSlash(e.Path))
		st, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		folder, _, _ := strings.Cut(e.Path, "/")
		start := time.Now()
		d := ev.Evaluate(ctx, process.File{Path: p, Rel: e.Path, Name: filepath.Base(p), Folder: folder,
			Size: st.Size(), ModTime: st.ModTime()}, now, nil)
		ocrTime += time.Since(start)
		pages += max(d.Pages, 1)
		sc.add(e, d)
		line, _ := json.Marshal(map[string]any{"file": e.Path, "kind": d.Kind, "team": map[string]string{"id": d.TeamID},
			"fields": d.Fields, "findings": d.Findings, "verdict": d.Verdict, "confidence": d.Confidence})
		out.Write(line)
		out.WriteByte('\n')
	}
	os.WriteFile(filepath.Join(dir, "actual.jsonl"), []byte(out.String()), 0o644)
	sc.report(t)
	t.Logf("dossier: %d documents, %d pages, %.2f s/page", len(exp), pages, ocrTime.Seconds()/float64(max(pages, 1)))
	// The goals are fields ≥ 97 % and verdicts ≥ 95 %; measured on
	// the full set (RESULTS.md, run 22): fields 98.4 %, verdicts 93.5 %;
	// the rest wait for a clerk. What must hold already: fields ≥ 95 % (the
	// 4-document default set is not measured finer), no document rejected
	// by a misreading, and every verdict that is not the expected one is
	// review — never a wrong accept or reject.
	if r := sc.ratio(sc.fieldsOK, sc.fields); r < 0.95 {
		t.Errorf("fields right %.1f%%, want ≥ 95%% (goal 97%%)", r*100)
	}
	t.Logf("verdicts right %.1f%% (goal 95%%)", 100*sc.ratio(sc.verdictsOK, sc.verdicts))
	for _, m := range sc.misreadRejects {
		t.Errorf("rejected because of a misreading: %s", m)
	}
	for _, m := range sc.wrongVerdicts {
		t.Errorf("a wrong verdict other than review: %s", m)
	}
}

// score tallies what TestScanSet compares, as score.py does.
type score struct {
	fields, fieldsOK     int
	verdicts, verdictsOK int
	perField             map[string][2]int // key → right, all
	misses               []string
	misreadRejects       []string
	wrongVerdicts        []string // neither the expected verdict nor review
	// confidence of right and of wrong fields, to choose the threshold
	rightConf, wrongConf []float64
}

func (s *score) ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func (s *score) add(e Expected, d dossier.Document) {
	if s.perField == nil {
		s.perField = map[string][2]int{}
	}
	s.verdicts++
	if string(d.Verdict) == e.Verdict {
		s.verdictsOK++
	} else {
		if d.Verdict != dossier.VerdictReview {
			s.wrongVerdicts = append(s.wrongVerdicts, fmt.Sprintf("%s: want %s got %s", e.Path, e.Verdict, d.Verdict))
		}
		var rs []string
		for _, f := range d.Findings {
			rs = append(rs, f.Rule+":"+string(f.Severity))
		}
		s.misses = append(s.misses, fmt.Sprintf("verdict %s: want %s got %s %v", e.Path, e.Verdict, d.Verdict, rs))
	}
	if d.Verdict == dossier.VerdictRejected {
		for _, f := range d.Findings {
			if f.Severity == dossier.SeverityError && !contains(e.Rules, f.Rule) {
				s.misreadRejects = append(s.misreadRejects, fmt.Sprintf("%s: %s %s", e.Path, f.Rule, f.Message))
			}
		}
	}
	keys := make([]string, 0, len(e.Fields))
	for k := range e.Fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		want := e.Fields[k]
		got, ok := d.Fields[k]
		right := ok && same(want, got)
		s.fields++
		pf := s.perField[k]
		pf[1]++
		if right {
			s.fieldsOK++
			pf[0]++
		} else {
			s.misses = append(s.misses, fmt.Sprintf("field %s %s: want %v got %v (conf %.2f)", e.Path, k, want, got, d.Confidence[k]))
		}
		s.perField[k] = pf
		if c, ok := d.Confidence[k]; ok {
			if right {
				s.rightConf = append(s.rightConf, c)
			} else {
				s.wrongConf = append(s.wrongConf, c)
			}
		}
	}
}

func (s *score) report(t *testing.T) {
	t.Logf("fields %d/%d %.1f%%, verdicts %d/%d %.1f%%, misread rejections %d",
		s.fieldsOK, s.fields, 100*s.ratio(s.fieldsOK, s.fields), s.verdictsOK, s.verdicts, 100*s.ratio(s.verdictsOK, s.verdicts), len(s.misreadRejects))
	keys := make([]string, 0, len(s.perField))
	for k := range s.perField {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		pf := s.perField[k]
		fmt.Fprintf(&b, "%s %d/%d; ", k, pf[0], pf[1])
	}
	t.Logf("per field: %s", b.String())
	sort.Float64s(s.rightConf)
	sort.Float64s(s.wrongConf)
	t.Logf("confidence of right fields: n=%d p5=%.2f p10=%.2f median=%.2f; of wrong fields: %v",
		len(s.rightConf), pct(s.rightConf, 0.05), pct(s.rightConf, 0.10), pct(s.rightConf, 0.5), s.wrongConf)
	for _, m := range s.misses {
		t.Log(m)
	}
}

func pct(v []float64, p float64) float64 {
	if len(v) == 0 {
		return math.NaN()
	}
	return v[int(p*float64(len(v)-1))]
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

// same compares an expected value (from JSON) with a field, as score.py does.
func same(want, got any) bool {
	wj, _ := json.Marshal(want)
	gj, _ := json.Marshal(got)
	var w, g any
	json.Unmarshal(wj, &w)
	json.Unmarshal(gj, &g)
	switch x := w.(type) {
	case bool:
		y, ok := g.(bool)
		return ok && x == y
	case float64:
		y, ok := g.(float64)
		return ok && math.Abs(x-y) < 0.005
	case nil:
		return g == nil
	case string:
		y, ok := g.(string)
		return ok && normText(x) == normText(y)
	case []any:
		y, ok := g.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		var a, b []string
		for i := range x {
			xa, _ := json.Marshal(x[i])
			ya, _ := json.Marshal(y[i])
			a, b = append(a, normText(string(xa))), append(b, normText(string(ya)))
		}
		sort.Strings(a)
		sort.Strings(b)
		return strings.Join(a, "\x00") == strings.Join(b, "\x00")
	}
	return string(wj) == string(gj)
}

func normText(s string) string {
	return strings.Join(strings.Fields(strings.Map(func(r rune) rune {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			return r - 0xFEE0
		case r == 0x3000:
			return ' '
		}
		return r
	}, s)), "")
}

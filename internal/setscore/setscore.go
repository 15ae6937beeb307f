package setscore

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"dossier"
	"dossier/config"
	"dossier/extract"
	"dossier/process"
	"dossier/service"
)

// Expected is one line of a set's expected.jsonl (score.py's format).
type Expected struct {
	Path     string         `json:"path"`
	Kind     *string        `json:"kind"`
	Team     *string        `json:"team"`
	Fields   map[string]any `json:"fields"`
	Verdict  string         `json:"verdict"`
	Rules    []string       `json:"rules"`
	Received string         `json:"received"`
}

// Miss is one difference from the expected results: Path, What ("kind",
// "team", "verdict", "field:KEY", "missing:RULE" for an expected rule not
// reported, "finding:RULE" for a finding not expected) and what was got.
type Miss struct {
	Path, What, Detail string
}

// Score is a set's result: counts per metric and the misses.
type Score struct {
	OK, N  map[string]int
	Misses []Miss
}

func (s *Score) add(metric string, good bool, m Miss) {
	s.N[metric]++
	if good {
		s.OK[metric]++
	} else {
		s.Misses = append(s.Misses, m)
	}
}

// Lines are the score's metric lines, as score.py prints them.
func (s Score) Lines() []string {
	var names []string
	for m := range s.N {
		names = append(names, m)
	}
	sort.Strings(names)
	var out []string
	for _, m := range names {
		out = append(out, fmt.Sprintf("%-10s %4d/%-4d %6.1f%%", m, s.OK[m], s.N[m], 100*float64(s.OK[m])/float64(s.N[m])))
	}
	return out
}

// ReadExpected reads a set's expected.jsonl.
func ReadExpected(dir string) ([]Expected, error) {
	f, err := os.Open(filepath.Join(dir, "expected.jsonl"))
	if err != nil {
		return nil, fmt.Errorf("open expected results: %w", err)
	}
	defer f.Close()
	var out []Expected
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var e Expected
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			return nil, fmt.Errorf("read expected results: %w", err)
		}
		out = append(out, e)
	}
	return out, sc.Err()
}

// Check decides every file of dir/inbox as `dossier check` does, the
// files' received times taken from the expected results (git keeps no
// modification times), in a copy under work.
func Check(ctx context.Context, dir, work string, now time.Time, exp []Expected) (map[string]dossier.Document, error) {
	inbox := filepath.Join(work, "inbox")
	if err := copyTree(filepath.Join(dir, "inbox"), inbox); err != nil {
		return nil, err
	}
	for _, e := range exp {
		if e.Received == "" {
			continue
		}
		at, err := time.Parse(time.RFC3339, e.Received)
		if err != nil {
			return nil, fmt.Errorf("received of %s: %w", e.Path, err)
		}
		_ = os.Chtimes(filepath.Join(inbox, filepath.FromSlash(e.Path)), at, at)
	}
	cfg, err := config.Load("")
	if err != nil {
		return nil, fmt.Errorf("load default config: %w", err)
	}
	ext, err := extract.New(extract.Options{CacheDir: filepath.Join(work, "cache")})
	if err != nil {
		return nil, fmt.Errorf("make extractor: %w", err)
	}
	defer ext.Close()
	svc := service.New(service.Config{Registry: cfg.Registry, Programme: cfg.Programme, Workers: 2,
		Evaluator: process.New(ext, cfg.Registry, cfg.Programme, int64(cfg.Limits.MaxFileSize))})
	results, err := svc.Check(ctx, []string{inbox}, now)
	if err != nil {
		return nil, fmt.Errorf("check %s: %w", dir, err)
	}
	out := map[string]dossier.Document{}
	for r := range results {
		rel, _ := filepath.Rel(inbox, r.File.Path)
		out[filepath.ToSlash(rel)] = r.Doc
	}
	return out, nil
}

// Compare scores got against the expected results.
func Compare(exp []Expected, got map[string]dossier.Document) Score {
	s := Score{OK: map[string]int{}, N: map[string]int{}}
	for _, e := range exp {
		d, ok := got[e.Path]
		s.add("reported", ok, Miss{e.Path, "reported", "no result"})
		if !ok {
			continue
		}
		if e.Kind != nil {
			s.add("kind", string(d.Kind) == *e.Kind, Miss{e.Path, "kind", string(d.Kind)})
		}
		want := ""
		if e.Team != nil {
			want = *e.Team
		}
		s.add("team", d.TeamID == want, Miss{e.Path, "team", d.TeamID})
		s.add("verdict", string(d.Verdict) == e.Verdict, Miss{e.Path, "verdict", string(d.Verdict) + " " + rulesOf(d.Findings)})
		got := map[string]bool{}
		for _, f := range d.Findings {
			got[f.Rule] = true
		}
		wantRule := map[string]bool{}
		for _, r := range e.Rules {
			wantRule[r] = true
			s.add("recall", got[r], Miss{e.Path, "missing:" + r, rulesOf(d.Findings)})
		}
		seen := map[string]bool{}
		for _, f := range d.Findings {
			if seen[f.Rule] {
				continue
			}
			seen[f.Rule] = true
			s.add("precision", wantRule[f.Rule], Miss{e.Path, "finding:" + f.Rule, clip(f.Message)})
		}
		keys := make([]string, 0, len(e.Fields))
		for k := range e.Fields {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			v, present := d.Fields[k]
			s.add("fields", present && Same(e.Fields[k], v), Miss{e.Path, "field:" + k, fmt.Sprintf("%v", v)})
		}
	}
	return s
}

func rulesOf(fs []dossier.Finding) string {
	var r []string
	for _, f := range fs {
		r = append(r, f.Rule)
	}
	return "(" + strings.Join(r, " ") + ")"
}

func clip(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}

// Same compares an expected JSON value with a field as score.py does:
// numbers to the cent, text after NFKC without white space, lists as
// multisets.
func Same(want, got any) bool {
	if wb, ok := want.(bool); ok {
		gb, ok := got.(bool)
		return ok && wb == gb
	}
	if wf, ok := want.(float64); ok {
		gf, ok := num(got)
		return ok && abs(wf-gf) < 0.005
	}
	if want == nil {
		return got == nil
	}
	if wl, ok := want.([]any); ok {
		b, _ := json.Marshal(got)
		var gl []any
		if json.Unmarshal(b, &gl) != nil || len(gl) != len(wl) {
			return false
		}
		return reflect.DeepEqual(normList(wl), normList(gl))
	}
	if got == nil {
		return false
	}
	return normText(fmt.Sprint(want)) == normText(fmt.Sprint(got))
}

func num(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case int64:
		return float64(x), true
	case int:
		return float64(x), true
	}
	return 0, false
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func normList(l []any) []string {
	out := make([]string, len(l))
	for i, x := range l {
		b, _ := json.Marshal(x)
		var m any
		_ = json.Unmarshal(b, &m)
		b, _ = json.Marshal(m) // map keys sorted
		out[i] = normText(string(b))
	}
	sort.Strings(out)
	return out
}

func normText(s string) string {
	s = norm.NFKC.String(s)
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

func copyTree(src, dst string) error {
	return filepath.Walk(src, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		t := filepath.Join(dst, rel)
		if info.IsDir() {
			return os.MkdirAll(t, 0o755)
		}
		if !info.Mode().IsRegular() {
			return nil
		}
		in, err := os.Open(p)
		if err != nil {
			return err
		}
		defer in.Close()
		out, err := os.Create(t)
		if err != nil {
			return err
		}
		if _, err := io.Copy(out, in); err != nil {
			out.Close()
			return err
		}
		return out.Close()
	})
}

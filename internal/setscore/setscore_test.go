package setscore

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

var sets = []struct{ name, dir string }{
	{"samples", "../../../shared/samples"},
	{"planted", "../../rules/testdata/planted"},
	{"unseen4", "../../extract/parse/testdata/unseen4"},
	{"unseen5", "../../extract/parse/testdata/unseen5"},
}

const setNow = "2026-11-21T09:00:00+08:00"

// TestSets: every set decided as `dossier check` decides it; every
// difference from the expected results is in testdata/known-misses.tsv
// with a reason, and every listed one still occurs.
func TestSets(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end over three sets of office files")
	}
	known := readKnown(t)
	now, _ := time.Parse(time.RFC3339, setNow)
	for _, set := range sets {
		t.Run(set.name, func(t *testing.T) {
			if _, err := os.Stat(filepath.Join(set.dir, "expected.jsonl")); err != nil {
				if os.Getenv("DOSSIER_REQUIRE_TOOLS") == "1" {
					t.Fatalf("set %s missing: %v", set.name, err)
				}
				t.Skipf("set %s missing: %v", set.name, err)
			}
			exp, err := ReadExpected(set.dir)
			if err != nil {
				t.Fatal(err)
			}
			got, err := Check(context.Background(), set.dir, t.TempDir(), now, exp)
			if err != nil {
				t.Fatal(err)
			}
			s := Compare(exp, got)
			for _, l := range s.Lines() {
				t.Log(l)
			}
			listed := known[set.name]
			seen := map[string]bool{}
			for _, m := range s.Misses {
				id := m.Path + "\t" + m.What
				seen[id] = true
				if _, ok := listed[id]; !ok {
					t.Errorf("new miss: %s %s: got %s", m.Path, m.What, m.Detail)
				}
			}
			var stale []string
			for id := range listed {
				if !seen[id] {
					stale = append(stale, id)
				}
			}
			sort.Strings(stale)
			for _, id := range stale {
				t.Errorf("fixed, remove from testdata/known-misses.tsv: %s", strings.ReplaceAll(id, "\t", " "))
			}
		})
	}
}

// readKnown reads testdata/known-misses.tsv: set, path, what, reason.
func readKnown(t *testing.T) map[string]map[string]string {
	t.Helper()
	out := map[string]map[string]string{}
	f, err := os.Open("testdata/known-misses.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		p := strings.Split(line, "\t")
		if len(p) != 4 || strings.TrimSpace(p[3]) == "" {
			t.Fatalf("known-misses.tsv:%d: want set, path, what and a reason, tab-separated", n)
		}
		if out[p[0]] == nil {
			out[p[0]] = map[string]string{}
		}
		out[p[0]][p[1]+"\t"+p[2]] = p[3]
	}
	return out
}

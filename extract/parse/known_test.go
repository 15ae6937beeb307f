package parse

import (
	"bufio"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// checkKnown compares a test's misses (id → what was got) with its
// committed list testdata/known-misses/NAME.tsv (id, tab, reason): a miss
// not listed fails, and so does a listed one that no longer occurs, so the
// list stays exact and one new miss is one failure.
func checkKnown(t *testing.T, name string, misses map[string]string) {
	t.Helper()
	known := map[string]string{}
	f, err := os.Open(filepath.Join("testdata", "known-misses", name+".tsv"))
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	if err == nil {
		defer f.Close()
		sc := bufio.NewScanner(f)
		for n := 1; sc.Scan(); n++ {
			line := sc.Text()
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			id, reason, ok := strings.Cut(line, "\t")
			if !ok || strings.TrimSpace(reason) == "" {
				t.Fatalf("known-misses/%s.tsv:%d: want an id, a tab and a reason", name, n)
			}
			known[id] = reason
		}
	}
	ids := make([]string, 0, len(misses))
	for id := range misses {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		if _, ok := known[id]; !ok {
			t.Errorf("new miss %s: %s", id, misses[id])
		}
	}
	for id := range known {
		if _, ok := misses[id]; !ok {
			t.Errorf("fixed, remove from known-misses/%s.tsv: %s", name, id)
		}
	}
}

// skipOrFail skips a test whose tool or file is missing, unless
// DOSSIER_REQUIRE_TOOLS=1 (CI), where a missing one is a failure.
func skipOrFail(t *testing.T, format string, args ...any) {
	t.Helper()
	if os.Getenv("DOSSIER_REQUIRE_TOOLS") == "1" {
		t.Fatalf(format, args...)
	}
	t.Skipf(format, args...)
}

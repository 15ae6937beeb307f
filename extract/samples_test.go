package extract

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

const samplesDir = "../../shared/samples"

// TestSamples reads every expected sample: unreadable ones map to their
// F rule's sentinel, the rest read without error. Kinds (parse's job) are
// compared and only logged.
func TestSamples(t *testing.T) {
	f, err := os.Open(filepath.Join(samplesDir, "expected.jsonl"))
	if err != nil {
		t.Skipf("no samples: %v", err)
	}
	defer f.Close()
	ruleErr := map[string]error{"F001": ErrLegacy, "F002": ErrCorrupt, "F003": ErrPassword, "F004": ErrEmpty, "F005": ErrTooLarge}
	ex := testExtractor(t)
	sc := bufio.NewScanner(f)
	kinds, total := 0, 0
	for sc.Scan() {
		var exp struct {
			Path  string   `json:"path"`
			Kind  *string  `json:"kind"`
			Rules []string `json:"rules"`
		}
		if err := json.Unmarshal(sc.Bytes(), &exp); err != nil {
			t.Fatal(err)
		}
		var want error
		for _, r := range exp.Rules {
			if e, ok := ruleErr[r]; ok {
				want = e
			}
		}
		t.Run(exp.Path, func(t *testing.T) {
			res, err := ex.Extract(context.Background(), filepath.Join(samplesDir, "inbox", exp.Path))
			if want != nil {
				if !errors.Is(err, want) {
					t.Errorf("error %v, want %v", err, want)
				}
				return
			}
			if err != nil {
				t.Fatalf("Extract: %v", err)
			}
			total++
			if exp.Kind != nil && string(res.Kind) == *exp.Kind {
				kinds++
			} else if exp.Kind != nil {
				t.Logf("kind %s, expected %s (parse)", res.Kind, *exp.Kind)
			}
			if exp.Path == "M13/专项审计报告.pdf" && !res.Scanned {
				t.Errorf("Scanned = false, want true")
			}
			if res.Scanned && exp.Path != "M13/专项审计报告.pdf" {
				t.Errorf("Scanned = true, want false")
			}
		})
	}
	t.Logf("kinds right: %d of %d readable", kinds, total)
}

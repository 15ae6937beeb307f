package render

import (
	"context"
	"errors"
	"os"
	"testing"
	"time"
)

// A stop (SIGTERM cancels the context) ends a long consolidation within
// 5 s, leaving no package behind (issue: orderly stop).
func TestConsolidateStopsWithinFiveSeconds(t *testing.T) {
	if testing.Short() {
		t.Skip("renders a 1,000-team package")
	}
	in := syntheticInput(t, 1000) // about 8,000 pages: 10–20 s to the end
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(1500*time.Millisecond, cancel)
	start := time.Now()
	_, err := Consolidate(ctx, in, dir, "")
	took := time.Since(start)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Consolidate after a stop: err = %v (took %s), want context.Canceled", err, took)
	}
	if over := took - 1500*time.Millisecond; over > 5*time.Second {
		t.Fatalf("stopped %s after the cancel, want within 5s", over)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.IsDir() && e.Name()[0] != '.' {
			t.Fatalf("a stopped consolidation left %s in the outbox", e.Name())
		}
	}
}

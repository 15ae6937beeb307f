package daemon

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// TestLoad measures the whole daemon on real folders and a real ledger:
// intake throughput for a burst dropped at once, and drop-to-decision
// latency beyond the settle time for files arriving steadily.
// go test ./daemon -run TestLoad -v
func TestLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("load test")
	}
	const settle = time.Second
	for _, tc := range []struct {
		name  string
		n     int
		every time.Duration // 0: all at once
	}{
		{"burst", 600, 0},
		{"steady 20 files/s", 200, 50 * time.Millisecond},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			inboxDir, dataDir := filepath.Join(root, "inbox"), filepath.Join(root, "data")
			d := newDaemon(t, testConfig(inboxDir, dataDir, settle), nil)
			defer d.Close()
			stop := serve(t, d)
			defer stop()
			subs := fileSet(tc.n, rand.New(rand.NewPCG(7, 7)))
			var mu sync.Mutex
			dropped := map[string]time.Time{}
			for _, s := range subs {
				drop(t, inboxDir, s.rel, s.data)
				mu.Lock()
				dropped[s.rel] = time.Now()
				mu.Unlock()
				if tc.every > 0 {
					time.Sleep(tc.every)
				}
			}
			waitFor(t, 120*time.Second, "every decision", func() bool { return doneCount(d) == tc.n })
			es, err := d.led.Documents(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			st := measure(es, dropped, settle)
			p := func(q float64) time.Duration { return st.q(q).Round(time.Millisecond) }
			msg := fmt.Sprintf("%d files, settle %v: %.0f files/s from first drop to last decision (%.1f s); beyond settle p50 %v, p95 %v, max %v",
				tc.n, settle, st.perSecond, st.span.Seconds(), p(0.5), p(0.95), p(1))
			t.Log(msg)
		})
	}
}

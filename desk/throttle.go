package desk

import (
	"context"
	"strings"
	"sync"
	"time"
)

// throttle slows down guessing passwords: every login attempt of a name
// or from an address that has failed before waits base·2^(n-1) (n the
// failures so far of the name or the address, whichever is more), at most
// max, before its password is checked. An attempt counts as a failure
// until it succeeds, so a burst sent in parallel is slowed as much as one
// sent in sequence. Failures are forgotten after forget without one.
type throttle struct {
	base, max, forget time.Duration
	mu                sync.Mutex
	fails             map[string]*failures
}

type failures struct {
	n    int
	last time.Time
}

func newThrottle(base, max time.Duration) *throttle {
	return &throttle{base: base, max: max, forget: 15 * time.Minute, fails: map[string]*failures{}}
}

func throttleKeys(name, ip string) []string {
	return []string{"user:" + strings.ToLower(name), "ip:" + ip}
}

// begin records an attempt and returns how long it must wait.
func (t *throttle) begin(name, ip string, now time.Time) time.Duration {
	t.mu.Lock()
	defer t.mu.Unlock()
	n := 0
	for _, k := range throttleKeys(name, ip) {
		f := t.fails[k]
		if f == nil || now.Sub(f.last) > t.forget {
			f = &failures{}
			t.fails[k] = f
		}
		n = max(n, f.n)
		f.n++
		f.last = now
	}
	if len(t.fails) > 10000 { // bound memory under a flood of names
		for k, f := range t.fails {
			if now.Sub(f.last) > t.forget {
				delete(t.fails, k)
			}
		}
	}
	return t.delay(n)
}

func (t *throttle) delay(n int) time.Duration {
	if n == 0 {
		return 0
	}
	d := t.base
	for i := 1; i < n && d < t.max; i++ {
		d *= 2
	}
	return min(d, t.max)
}

// succeeded forgets the failures of the name and address.
func (t *throttle) succeeded(name, ip string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, k := range throttleKeys(name, ip) {
		delete(t.fails, k)
	}
}

// wait sleeps d or until ctx ends.
func wait(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return nil
	}
	tm := time.NewTimer(d)
	defer tm.Stop()
	select {
	case <-tm.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

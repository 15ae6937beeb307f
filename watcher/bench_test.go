package watcher

import (
	"bufio"
	"bytes"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/rs/zerolog"
)

// BenchmarkBurst10k drops 10,000 files at once and waits until each has been
// handed on exactly once. It reports files/s from the first drop to the last
// hand-on (and beyond the settle time), the peak Go heap in use while it ran,
// the process's peak RSS (VmHWM) and how many overflow rescans happened.
//
//	go test ./watcher -run '^$' -bench Burst10k -benchtime 1x
func BenchmarkBurst10k(b *testing.B) {
	const n = 10000
	const settle = 300 * time.Millisecond
	for _, tc := range []struct {
		name    string
		mode    Mode
		backlog bool // dropped before Run starts
	}{
		{"events", ModeEvents, false},
		{"poll", ModePoll, false},
		{"backlog", ModeEvents, true},
	} {
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				root := b.TempDir()
				var overflows atomic.Int64
				log := zerolog.New(lineHook(func(line string) {
					if strings.Contains(line, "file events lost") {
						overflows.Add(1)
					}
				})).Level(zerolog.WarnLevel)
				opt := Options{Root: root, Mode: tc.mode, Settle: settle, PollInterval: time.Second, Logger: log}
				peak, stopPeak := peakHeap()
				var w *Watcher
				var out <-chan Ready
				begin := time.Now()
				if tc.backlog {
					dropBurst(b, root, n)
					begin = time.Now()
					w, out = start(b, opt)
				} else {
					w, out = start(b, opt)
					ready(b, w, out)
					begin = time.Now()
					dropBurst(b, root, n)
				}
				dropped := time.Now()
				seen := make(map[string]bool, n)
				for len(seen) < n {
					r := next(b, out, time.Minute)
					if seen[r.Rel] {
						b.Fatalf("%s handed on twice", r.Rel)
					}
					seen[r.Rel] = true
					w.Done(r.Path)
				}
				elapsed := time.Since(begin)
				b.ReportMetric(time.Since(dropped).Seconds(), "s_last_drop_to_last_ready")
				stopPeak()
				b.ReportMetric(float64(n)/elapsed.Seconds(), "files/s")
				b.ReportMetric(float64(n)/(elapsed-settle).Seconds(), "files/s_beyond_settle")
				b.ReportMetric(float64(*peak)/(1<<20), "peak_heap_MB")
				b.ReportMetric(vmHWM()/1024, "VmHWM_MB")
				b.ReportMetric(float64(overflows.Load()), "overflow_rescans")
			}
		})
	}
}

// peakHeap samples runtime.MemStats.HeapInuse every 5 ms until stopped.
func peakHeap() (*uint64, func()) {
	runtime.GC()
	var peak uint64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
			select {
			case <-stop:
				return
			case <-time.After(5 * time.Millisecond):
			}
		}
	})
	return &peak, func() { close(stop); wg.Wait() }
}

// vmHWM is the process's peak resident set in KiB (Linux), 0 elsewhere.
func vmHWM() float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		if f := strings.Fields(sc.Text()); len(f) >= 2 && f[0] == "VmHWM:" {
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb
		}
	}
	return 0
}

type lineHook func(string)

func (h lineHook) Write(p []byte) (int, error) { h(string(p)); return len(p), nil }

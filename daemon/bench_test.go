package daemon

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"dossier/extract"
)

// Benchmarks of the whole daemon on real folders, a real ledger and real
// documents (PDFs made by LibreOffice, a JPG by ImageMagick), every file
// unique so that each one is extracted:
//
//	go test ./daemon -run '^$' -bench . -benchtime 1x
//
// They report files/s from the first drop to the last decision, the
// latency beyond the settle time (p50, p95), and the process's peak RSS.

// docSet is n real documents, made unique by a trailing comment (after a
// PDF's %%EOF, after a JPEG's end marker: both still read the same).
func docSet(b *testing.B, n int) []sub {
	b.Helper()
	names, err := filepath.Glob("testdata/docs/*")
	if err != nil || len(names) == 0 {
		b.Fatalf("no documents in testdata/docs: %v", err)
	}
	var out []sub
	for i := range n {
		src := names[i%len(names)]
		data, err := os.ReadFile(src)
		if err != nil {
			b.Fatal(err)
		}
		data = append(data, []byte(fmt.Sprintf("\n%%dossier-bench-%d\n", i))...)
		base := filepath.Base(src)
		ext := filepath.Ext(base)
		out = append(out, sub{fmt.Sprintf("M11/%s-%04d%s", strings.TrimSuffix(base, ext), i, ext), data})
	}
	return out
}

func benchIntake(b *testing.B, subs []sub, settle time.Duration, every time.Duration) {
	cache := filepath.Join(os.TempDir(), "dossier-bench-pdfium")
	warm, err := extract.New(extract.Options{CacheDir: cache})
	if err != nil {
		b.Fatal(err)
	}
	warm.Extract(context.Background(), "testdata/docs/审计报告.pdf") // PDFium compiled before the clock starts
	for range b.N {
		root := b.TempDir()
		inboxDir, dataDir := filepath.Join(root, "inbox"), filepath.Join(root, "data")
		d := newDaemon(b, testConfig(inboxDir, dataDir, settle), nil)
		stop := serve(b, d)
		dropped := map[string]time.Time{}
		b.StartTimer()
		for _, s := range subs {
			drop(b, inboxDir, s.rel, s.data)
			dropped[s.rel] = time.Now()
			if every > 0 {
				time.Sleep(every)
			}
		}
		waitFor(b, 30*time.Minute, "every decision", func() bool { return doneCount(d) == len(subs) })
		b.StopTimer()
		es, err := d.led.Documents(context.Background())
		if err != nil {
			b.Fatal(err)
		}
		if len(es) != len(subs) {
			b.Fatalf("%d decisions for %d files", len(es), len(subs))
		}
		st := measure(es, dropped, settle)
		b.ReportMetric(st.perSecond, "files/s")
		b.ReportMetric(st.q(0.5).Seconds()*1000, "p50-ms-beyond-settle")
		b.ReportMetric(st.q(0.95).Seconds()*1000, "p95-ms-beyond-settle")
		b.ReportMetric(float64(peakRSS())/(1<<20), "peak-RSS-MiB")
		stop()
		d.Close()
	}
}

// BenchmarkIntakeBurst: 200 real documents dropped at once.
func BenchmarkIntakeBurst(b *testing.B) {
	b.StopTimer()
	benchIntake(b, docSet(b, 200), time.Second, 0)
}

// BenchmarkIntakeSteady: 100 real documents arriving at 10 per second,
// for the drop-to-decision latency.
func BenchmarkIntakeSteady(b *testing.B) {
	b.StopTimer()
	benchIntake(b, docSet(b, 100), time.Second, 100*time.Millisecond)
}

// BenchmarkBurst10k: 10,000 small unique files dropped at once, nothing
// missed (each ends decided exactly once).
func BenchmarkBurst10k(b *testing.B) {
	b.StopTimer()
	var subs []sub
	for i := range 10000 {
		subs = append(subs, sub{fmt.Sprintf("M11/照片 %05d.png", i), pngBytes(i + 1)})
	}
	benchIntake(b, subs, time.Second, 0)
}

// peakRSS is the process's high-water resident set (VmHWM), in bytes.
func peakRSS() int64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb << 10
		}
	}
	return 0
}

package daemon

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"dossier/config"
	"dossier/extract"
	"dossier/internal/hostile"
	"dossier/process"
)

// hostileSet drops issue 12's hostile files into inbox, beside genuine
// ones (the shared samples when present), and returns how many it wrote.
func hostileSet(t testing.TB, inbox string) int {
	files := map[string][]byte{
		"M1/调查表-20000x512.xlsx": hostile.XLSX("A1:SR20000", 2, 2),
		"M2/调查表-百万行.xlsx":       hostile.XLSX("A1:A1000000", 1_000_000, 1),
		"M3/审计报告-30万操作.pdf":     hostile.OpsPDF(300_000),
		"M4/审计报告-300万操作.pdf":    hostile.OpsPDF(3_000_000),
		"M5/照片-20000x20000.png": hostile.PNGHeader(20000, 20000),
		"M6/照片-6000x6000.png":   hostile.RGBAPNG(6000, 6000),
		"M7/照片-截断.jpg":          hostile.TruncatedJPEG(),
		"M8/照片-损坏.jpg":          hostile.CorruptJPEG(),
	}
	for rel, b := range files {
		drop(t, inbox, rel, b)
	}
	sparse := filepath.Join(inbox, "M9", "审计报告-1TiB.pdf")
	os.MkdirAll(filepath.Dir(sparse), 0o755)
	if f, err := os.Create(sparse); err == nil {
		f.WriteString("%PDF-1.4\n")
		f.Truncate(1 << 40)
		f.Close()
	}
	n := len(files) + 1
	if _, err := os.Stat("/work/shared/samples/inbox"); err == nil {
		n += copyPDFs(t, "/work/shared/samples/inbox", filepath.Join(inbox, "samples"))
	}
	return n
}

// resetPeak frees what the test itself allocated (the hostile files it
// generated) and resets the kernel's peak RSS mark (clear_refs 5), so that
// the peak measured is the daemon's.
func resetPeak() {
	runtime.GC()
	debug.FreeOSMemory()
	os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
}

// TestDaemonWorkerProcess is the parse worker of the benchmark's worker
// mode: this test binary re-executed, as dossier re-executes itself with
// __worker.
func TestDaemonWorkerProcess(t *testing.T) {
	if os.Getenv("DOSSIER_DAEMON_WORKER") == "" {
		t.Skip("helper process for BenchmarkHostilePeakRSS")
	}
	if err := (extract.WorkerLimits{Memory: 2 << 30, CPU: 2 * time.Minute}).SetLimits(); err != nil {
		os.Exit(3)
	}
	ex, err := extract.New(extract.Options{CacheDir: os.Getenv("DOSSIER_WORKER_CACHE")})
	if err != nil || extract.ServeWorker(context.Background(), os.Stdin, os.Stdout, ex) != nil {
		os.Exit(3)
	}
	os.Exit(0)
}

// BenchmarkHostilePeakRSS runs `run --once` over the hostile set with the
// genuine samples beside it and reports the daemon's peak RSS (goal: under
// 300 MB), with files parsed in-process and in a worker (extract.Child,
// 2 GiB address-space limit). Run it alone, so that the peak is this run's:
//
//	go test ./daemon -run '^$' -bench HostilePeakRSS -benchtime 1x
func BenchmarkHostilePeakRSS(b *testing.B) {
	for _, mode := range []string{"in-process", "worker"} {
		b.Run(mode, func(b *testing.B) { benchHostile(b, mode == "worker") })
	}
}

func benchHostile(b *testing.B, worker bool) {
	for range b.N {
		root := b.TempDir()
		inbox, data := filepath.Join(root, "inbox"), filepath.Join(root, "data")
		n := hostileSet(b, inbox)
		cfg, err := config.Load("")
		if err != nil {
			b.Fatal(err)
		}
		cache := filepath.Join(data, "cache", "pdfium")
		var ext process.Extractor
		if worker {
			ext = extract.NewChild(func(ctx context.Context) *exec.Cmd {
				cmd := exec.CommandContext(ctx, os.Args[0], "-test.run", "^TestDaemonWorkerProcess$")
				cmd.Env = append(os.Environ(), "DOSSIER_DAEMON_WORKER=1", "DOSSIER_WORKER_CACHE="+cache, "GOMAXPROCS=1")
				return cmd
			}, 2, time.Minute)
			defer ext.(*extract.Child).Close()
		} else {
			x, err := extract.New(extract.Options{CacheDir: cache})
			if err != nil {
				b.Fatal(err)
			}
			ext = x
		}
		ev := process.New(ext, cfg.Registry, cfg.Programme, int64(cfg.Limits.MaxFileSize))
		resetPeak()
		d, err := New(testConfig(inbox, data, 0), ev, cfg.Registry, cfg.Programme, zerolog.Nop())
		if err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		if err := d.Once(context.Background(), time.Date(2026, 11, 18, 9, 0, 0, 0, time.UTC)); err != nil {
			b.Fatal(err)
		}
		es, _ := d.Ledger().Documents(context.Background())
		d.Close()
		b.ReportMetric(float64(peakRSS())/(1<<20), "peak-RSS-MB")
		b.ReportMetric(float64(len(es)), "decided")
		b.ReportMetric(float64(n), "files")
		b.ReportMetric(time.Since(start).Seconds(), "s/run")
	}
}

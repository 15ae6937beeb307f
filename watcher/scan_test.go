package watcher

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func contextWithCancel() (context.Context, context.CancelFunc) {
	return context.WithCancel(context.Background())
}

// The backlog waits one Settle for the whole batch, not one per file.
func TestBacklogOneSettle(t *testing.T) {
	const n = 300
	for _, mode := range []Mode{ModeEvents, ModePoll} {
		t.Run(string(mode), func(t *testing.T) {
			root := t.TempDir()
			dropBurst(t, root, n)
			begin := time.Now()
			_, out := start(t, Options{Root: root, Mode: mode, Settle: 500 * time.Millisecond, PollInterval: time.Hour})
			for range n {
				if r := next(t, out, 5*time.Second); !r.Backlog {
					t.Fatalf("not backlog: %+v", r)
				}
			}
			// One settle per file would be 150 s; the bound leaves room for a
			// loaded machine without blurring that.
			if d := time.Since(begin); d < 500*time.Millisecond || d > 5*time.Second {
				t.Fatalf("%d backlog files took %v, want one settle (500ms) plus a little", n, d)
			}
		})
	}
}

func TestScan(t *testing.T) {
	root := t.TempDir()
	write(t, root, "退回/x.pdf", "skipped")
	write(t, root, "a/1.pdf", "1")
	write(t, root, "b/c/2 两.pdf", "22")
	os.Symlink("/etc/passwd", filepath.Join(root, "link.pdf"))
	grow := filepath.Join(root, "growing.pdf")
	f, err := os.Create(grow)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	stop := make(chan struct{})
	go func() { // keeps writing through the settle wait
		for {
			select {
			case <-stop:
				return
			case <-time.After(50 * time.Millisecond):
				f.WriteString("more")
			}
		}
	}()
	defer close(stop)

	begin := time.Now()
	got, err := Scan(context.Background(), Options{Root: root, Settle: 400 * time.Millisecond,
		Skip: func(rel string, _ os.DirEntry) bool { return rel == "退回" }})
	if err != nil {
		t.Fatal(err)
	}
	// The growing file never settles: waiting for it would never return.
	if d := time.Since(begin); d < 400*time.Millisecond || d > 3*time.Second {
		t.Fatalf("Scan took %v, want one settle", d)
	}
	want := []struct {
		rel     string
		symlink bool
	}{{"a/1.pdf", false}, {"b/c/2 两.pdf", false}, {"link.pdf", true}}
	if len(got) != len(want) {
		t.Fatalf("got %+v", got)
	}
	for i, w := range want {
		if got[i].Rel != w.rel || got[i].Symlink != w.symlink || !got[i].Backlog {
			t.Fatalf("[%d] = %+v, want %s", i, got[i], w.rel)
		}
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Scan(ctx, Options{Root: root}); err == nil {
		t.Fatal("cancelled Scan returned no error")
	}
}

func TestIsNetworkFS(t *testing.T) {
	if remote, name := IsNetworkFS(t.TempDir()); remote {
		t.Fatalf("temp dir reported as network fs %q", name)
	}
}

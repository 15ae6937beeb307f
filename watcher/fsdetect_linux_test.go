package watcher

import (
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// A fifo (or socket, device) is neither handed on nor opened: opening a
// fifo would block the watcher.
func TestFifoIgnored(t *testing.T) {
	for _, mode := range []Mode{ModeEvents, ModePoll} {
		t.Run(string(mode), func(t *testing.T) {
			root := t.TempDir()
			if err := syscall.Mkfifo(filepath.Join(root, "before.pdf"), 0o644); err != nil {
				t.Skipf("mkfifo: %v", err)
			}
			w, out := start(t, Options{Root: root, Mode: mode, Settle: settle, PollInterval: 100 * time.Millisecond})
			ready(t, w, out)
			if err := syscall.Mkfifo(filepath.Join(root, "after.pdf"), 0o644); err != nil {
				t.Fatal(err)
			}
			p := write(t, root, "real.pdf", "x")
			if r := next(t, out, 5*time.Second); r.Path != p {
				t.Fatalf("got %+v", r)
			}
			none(t, out, 3*settle)
		})
	}
}

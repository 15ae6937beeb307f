package watcher

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// start runs a watcher on opt and stops it when the test ends.
func start(t testing.TB, opt Options) (*Watcher, <-chan Ready) {
	t.Helper()
	w, err := New(opt)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	out := make(chan Ready, 16)
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() { errc <- w.Run(ctx, out) }()
	t.Cleanup(func() {
		cancel()
		if err := <-errc; err != nil {
			t.Errorf("Run: %v", err)
		}
	})
	return w, out
}

// next waits for one Ready.
func next(t testing.TB, out <-chan Ready, within time.Duration) Ready {
	t.Helper()
	select {
	case r := <-out:
		return r
	case <-time.After(within):
		t.Fatalf("nothing handed on within %v", within)
		return Ready{}
	}
}

// none asserts nothing is handed on for d.
func none(t testing.TB, out <-chan Ready, d time.Duration) {
	t.Helper()
	select {
	case r := <-out:
		t.Fatalf("unexpected hand-on: %+v", r)
	case <-time.After(d):
	}
}

// write creates root/rel (and its folders) with data.
func write(t testing.TB, root, rel, data string) string {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// ready waits until the watcher is set up, by handing on a marker file.
func ready(t testing.TB, w *Watcher, out <-chan Ready) {
	t.Helper()
	p := write(t, w.opt.Root, "marker.txt", "m")
	if r := next(t, out, 5*time.Second); r.Path != p {
		t.Fatalf("marker: got %q", r.Path)
	}
	if err := os.Remove(p); err != nil { // claimed, as the inbox would
		t.Fatal(err)
	}
	w.Done(p)
}

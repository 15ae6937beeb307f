package daemon

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"dossier/ledger"
	"dossier/watcher"
)

// A file rewritten or replaced after the watcher judged it stable, or a
// folder swapped in for it, is not what the watcher handed on.
func TestChangedSinceStable(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.pdf")
	os.WriteFile(p, []byte("12345"), 0o644)
	fi, _ := os.Lstat(p)
	r := watcher.Ready{Path: p, Size: fi.Size(), ModTime: fi.ModTime()}
	var d Daemon
	if d.changedSinceStable(r, p) {
		t.Fatal("unchanged file reported changed")
	}
	os.WriteFile(p, []byte("123"), 0o644)
	if !d.changedSinceStable(r, p) {
		t.Fatal("rewritten file not noticed")
	}
	sub := filepath.Join(dir, "folder")
	os.Mkdir(sub, 0o755)
	if !d.changedSinceStable(r, sub) {
		t.Fatal("a folder swapped in was not noticed")
	}
}

// A file that cannot be taken for good (a read-only share) is not tried
// again at every rescan, until it changes.
func TestRefusalsUntilChanged(t *testing.T) {
	var rf refusals
	at := time.Date(2026, 11, 12, 10, 0, 0, 0, time.UTC)
	r := watcher.Ready{Path: "/in/M11/a.pdf", Size: 10, ModTime: at}
	if rf.seen(r) {
		t.Fatal("seen before any refusal")
	}
	rf.add(r)
	if !rf.seen(r) {
		t.Fatal("refused file tried again unchanged")
	}
	r.Size = 11
	if rf.seen(r) {
		t.Fatal("changed file still refused")
	}
	perm := fmt.Errorf("move: %w", &fs.PathError{Op: "remove", Path: "a", Err: syscall.EACCES})
	if !permanent(perm) || !permanent(fmt.Errorf("x: %w", syscall.EROFS)) || permanent(errors.New("disk hiccup")) {
		t.Fatal("permanent() misjudges errors")
	}
}

// A row left pending is retried only once it has been idle for a whole
// look, and never while a worker holds it.
func TestFlightsDue(t *testing.T) {
	var f flights
	a, b := ledger.Entry{ID: 1}, ledger.Entry{ID: 2}
	f.start(2)
	if got := f.due([]ledger.Entry{a, b}); len(got) != 0 {
		t.Fatalf("first look retried %v", got)
	}
	got := f.due([]ledger.Entry{a, b})
	if len(got) != 1 || got[0].ID != 1 {
		t.Fatalf("second look: %v, want row 1 only (row 2 is busy)", got)
	}
	f.end(2)
	if got := f.due([]ledger.Entry{b}); len(got) != 0 {
		t.Fatalf("row 2 retried on its first idle look: %v", got)
	}
	if got := f.due([]ledger.Entry{b}); len(got) != 1 {
		t.Fatalf("row 2 not retried after a whole idle look: %v", got)
	}
}

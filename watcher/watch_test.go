package watcher

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
)

const settle = 300 * time.Millisecond

func TestNew(t *testing.T) {
	dir := t.TempDir()
	file := write(t, dir, "f.txt", "x")
	tests := []struct {
		name string
		opt  Options
		want error
	}{
		{"defaults", Options{Root: dir}, nil},
		{"bad mode", Options{Root: dir, Mode: "inotify"}, ErrMode},
		{"missing root", Options{Root: filepath.Join(dir, "nope")}, ErrRoot},
		{"root is a file", Options{Root: file}, ErrRoot},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, err := New(tt.opt)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if err == nil && (w.opt.Mode != ModeAuto || w.opt.Settle != 5*time.Second ||
				w.opt.PollInterval != 10*time.Second || w.opt.RescanInterval != 5*time.Minute) {
				t.Fatalf("defaults not filled: %+v", w.opt)
			}
		})
	}
}

func TestHandsOnNames(t *testing.T) {
	names := []string{
		"plain.pdf",
		"中文 文件名（盖章版）.pdf",
		"M11 街道/2026年 预算表.xlsx",
		"odd #%&'[]{}!@$^=+,;`~.pdf",
		"  leading and trailing spaces  .pdf",
		"new\nline.pdf",
		"深/层/子/目录/文件.pdf",
	}
	for _, mode := range []Mode{ModeEvents, ModePoll} {
		t.Run(string(mode), func(t *testing.T) {
			root := t.TempDir()
			w, out := start(t, Options{Root: root, Mode: mode, Settle: settle, PollInterval: 100 * time.Millisecond})
			ready(t, w, out)
			want := map[string]bool{}
			for _, n := range names {
				write(t, root, n, "content of "+n)
				want[n] = true
			}
			for range names {
				r := next(t, out, 5*time.Second)
				if !want[r.Rel] {
					t.Fatalf("unexpected or repeated %q", r.Rel)
				}
				delete(want, r.Rel)
				if r.Path != filepath.Join(root, filepath.FromSlash(r.Rel)) || r.Size != int64(len("content of "+r.Rel)) || r.Backlog || r.Symlink {
					t.Fatalf("bad Ready %+v", r)
				}
			}
			none(t, out, 2*settle)
		})
	}
}

// A writer appending chunks is never handed on half-written, with events or polling.
func TestSlowWriter(t *testing.T) {
	for _, mode := range []Mode{ModeEvents, ModePoll} {
		t.Run(string(mode), func(t *testing.T) {
			root := t.TempDir()
			w, out := start(t, Options{Root: root, Mode: mode, Settle: settle, PollInterval: 100 * time.Millisecond})
			ready(t, w, out)

			p := filepath.Join(root, "slow", "扫描件.pdf")
			os.MkdirAll(filepath.Dir(p), 0o755)
			f, err := os.Create(p)
			if err != nil {
				t.Fatal(err)
			}
			chunk := strings.Repeat("x", 4096)
			var size int64
			for i := 0; i < 20; i++ { // 2 s of writing, a chunk every 100 ms
				if _, err := f.WriteString(chunk); err != nil {
					t.Fatal(err)
				}
				size += int64(len(chunk))
				select {
				case r := <-out:
					t.Fatalf("handed on while still being written (%d of 20 chunks): %+v", i+1, r)
				case <-time.After(100 * time.Millisecond):
				}
			}
			f.Close()
			finished := time.Now()
			r := next(t, out, 5*time.Second)
			if r.Path != p || r.Size != size {
				t.Fatalf("got %+v, want %s with %d bytes", r, p, size)
			}
			if got := time.Since(finished); got < settle-150*time.Millisecond {
				t.Fatalf("handed on %v after the last write, before settling", got)
			}
			// Its arrival is when it was first seen, not when it settled.
			if r.FirstSeen.IsZero() || !r.FirstSeen.Before(finished.Add(-time.Second)) {
				t.Fatalf("FirstSeen %v, want about when the copy began (it finished at %v)", r.FirstSeen, finished)
			}
			none(t, out, 2*settle)
		})
	}
}

// Re-fired events never queue a path twice while it is in flight; after Done
// a new file at the same path is handed on again.
func TestInFlightAndDone(t *testing.T) {
	root := t.TempDir()
	w, out := start(t, Options{Root: root, Mode: ModeEvents, Settle: settle, RescanInterval: time.Hour})
	ready(t, w, out)

	p := write(t, root, "a/表格.xlsx", "v1")
	r := next(t, out, 5*time.Second)
	if r.Path != p {
		t.Fatalf("got %q", r.Path)
	}
	// NAS and antivirus touches: attribute changes, a rewrite in place, re-fired events.
	os.Chtimes(p, time.Now(), time.Now())
	os.WriteFile(p, []byte("v1"), 0o644)
	for i := 0; i < 50; i++ {
		w.record(p)
	}
	none(t, out, 3*settle)

	// The consumer claims it (moves it away) and says Done: nothing more.
	claimed := filepath.Join(t.TempDir(), "claimed")
	if err := os.Rename(p, claimed); err != nil {
		t.Fatal(err)
	}
	w.Done(p)
	none(t, out, 3*settle)

	// A new file at the same path is seen.
	write(t, root, "a/表格.xlsx", "v2 longer")
	if r := next(t, out, 5*time.Second); r.Path != p || r.Size != 9 || r.Backlog {
		t.Fatalf("after Done: got %+v", r)
	}

	// A new file dropped at the path while the old one was being claimed,
	// before Done: its events were ignored, Done notices it.
	os.Rename(p, claimed)
	time.Sleep(50 * time.Millisecond)
	write(t, root, "a/表格.xlsx", "v3")
	time.Sleep(3 * settle)
	w.Done(p)
	if r := next(t, out, 5*time.Second); r.Path != p || r.Size != 2 {
		t.Fatalf("dropped before Done: got %+v", r)
	}

	// Done for a file left in place (consumer failed): no tight retry loop.
	w.Done(p)
	none(t, out, 3*settle)
}

func TestPollFindsFilesWithoutEvents(t *testing.T) {
	root := t.TempDir()
	w, out := start(t, Options{Root: root, Mode: ModePoll, Settle: settle, PollInterval: 100 * time.Millisecond, RescanInterval: time.Hour})
	ready(t, w, out)
	if w.fsw != nil {
		t.Fatal("poll mode opened fsnotify")
	}
	p := write(t, root, "新建文件夹/x.pdf", "pdf")
	if r := next(t, out, 3*time.Second); r.Path != p || r.Backlog {
		t.Fatalf("got %+v", r)
	}
}

// A file created before Run (between New and the first scan) is backlog.
func TestStartupBacklog(t *testing.T) {
	root := t.TempDir()
	w, err := New(Options{Root: root, Mode: ModeEvents, Settle: settle})
	if err != nil {
		t.Fatal(err)
	}
	p := write(t, root, "早到的.pdf", "x")
	out := make(chan Ready, 1)
	ctx, cancel := contextWithCancel()
	defer cancel()
	go w.Run(ctx, out)
	if r := next(t, out, 3*time.Second); r.Path != p || !r.Backlog {
		t.Fatalf("got %+v", r)
	}
}

// unwatch drops the root's fsnotify watch, as if it was lost while being set up.
func unwatch(t *testing.T, w *Watcher) {
	t.Helper()
	if err := w.fsw.Remove(w.opt.Root); err != nil {
		t.Fatal(err)
	}
}

func TestPeriodicRescanFindsMissedFile(t *testing.T) {
	root := t.TempDir()
	w, out := start(t, Options{Root: root, Mode: ModeEvents, Settle: settle, RescanInterval: 800 * time.Millisecond})
	ready(t, w, out)
	unwatch(t, w)
	p := write(t, root, "missed.pdf", "x")
	if r := next(t, out, 5*time.Second); r.Path != p || !r.Backlog {
		t.Fatalf("got %+v", r)
	}
}

func TestOverflowRescans(t *testing.T) {
	root := t.TempDir()
	w, out := start(t, Options{Root: root, Mode: ModeEvents, Settle: settle, RescanInterval: time.Hour})
	ready(t, w, out)
	unwatch(t, w)
	p := write(t, root, "lost.pdf", "x")
	none(t, out, 3*settle)
	w.handleError(fmt.Errorf("read events: %w", fsnotify.ErrEventOverflow))
	if r := next(t, out, 5*time.Second); r.Path != p || !r.Backlog {
		t.Fatalf("got %+v", r)
	}
	w.handleError(errors.New("some other error")) // logged, no rescan, no panic
	none(t, out, 2*settle)
}

// New sub-folders are watched, and files that landed before the watch are found.
func TestNewSubfolders(t *testing.T) {
	root := t.TempDir()
	w, out := start(t, Options{Root: root, Mode: ModeEvents, Settle: settle, RescanInterval: time.Hour})
	ready(t, w, out)
	want := map[string]bool{}
	for _, rel := range []string{"a/1.pdf", "a/b/2.pdf", "a/b/c/3.pdf", "a/b/c/d/4.pdf", "x/y/5.pdf"} {
		write(t, root, rel, rel)
		want[rel] = true
	}
	for range len(want) {
		r := next(t, out, 5*time.Second)
		if !want[r.Rel] {
			t.Fatalf("unexpected %q", r.Rel)
		}
		delete(want, r.Rel)
	}
	// Later files in the new folders arrive by events.
	p := write(t, root, "a/b/c/d/later.pdf", "x")
	if r := next(t, out, 5*time.Second); r.Path != p {
		t.Fatalf("got %+v", r)
	}
	// A folder renamed in is watched under its new name.
	outside := filepath.Join(t.TempDir(), "外部")
	write(t, filepath.Dir(outside), "外部/moved.pdf", "m")
	if err := os.Rename(outside, filepath.Join(root, "移入")); err != nil {
		t.Fatal(err)
	}
	if r := next(t, out, 5*time.Second); r.Rel != "移入/moved.pdf" {
		t.Fatalf("got %+v", r)
	}
	p = write(t, root, "移入/after.pdf", "x")
	if r := next(t, out, 5*time.Second); r.Path != p {
		t.Fatalf("got %+v", r)
	}
}

func TestSkip(t *testing.T) {
	skip := func(rel string, d fs.DirEntry) bool {
		base := path.Base(rel)
		return strings.HasPrefix(base, ".") || strings.HasPrefix(base, "~$") || rel == "退回" ||
			(!d.IsDir() && strings.HasSuffix(base, ".tmp"))
	}
	for _, mode := range []Mode{ModeEvents, ModePoll} {
		t.Run(string(mode), func(t *testing.T) {
			root := t.TempDir()
			// Some before start (scan), some after (events or polls).
			write(t, root, "退回/old.pdf", "x")
			write(t, root, ".hidden/a.pdf", "x")
			write(t, root, "~$book.xlsx", "x")
			w, out := start(t, Options{Root: root, Mode: mode, Skip: skip, Settle: settle, PollInterval: 100 * time.Millisecond})
			ready(t, w, out)
			write(t, root, "退回/new.pdf", "x")
			write(t, root, "退回/deeper/new.pdf", "x")
			write(t, root, "sub/.DS_Store", "x")
			write(t, root, "sub/upload.tmp", "x")
			p := write(t, root, "sub/good.pdf", "x")
			if r := next(t, out, 5*time.Second); r.Path != p {
				t.Fatalf("got %+v", r)
			}
			none(t, out, 3*settle)
		})
	}
}

// Links are handed on flagged, described by Lstat; nothing behind them is
// listed, stat'ed or opened.
func TestSymlinksNotFollowed(t *testing.T) {
	outside := t.TempDir()
	secret := write(t, outside, "secret/passwd", strings.Repeat("root:x:0:0\n", 100))
	for _, mode := range []Mode{ModeEvents, ModePoll} {
		t.Run(string(mode), func(t *testing.T) {
			root := t.TempDir()
			w, out := start(t, Options{Root: root, Mode: mode, Settle: settle, PollInterval: 100 * time.Millisecond})
			ready(t, w, out)
			write(t, root, "inside/real.pdf", "r")
			links := map[string]string{
				"passwd.pdf":  "/etc/passwd",
				"secret.pdf":  secret,
				"outside_dir": filepath.Dir(secret),
				"inside_dir":  filepath.Join(root, "inside"),
				"dangling":    filepath.Join(outside, "nope"),
			}
			for name, target := range links {
				if err := os.Symlink(target, filepath.Join(root, name)); err != nil {
					t.Fatal(err)
				}
			}
			got := map[string]Ready{}
			for range len(links) + 1 {
				r := next(t, out, 5*time.Second)
				got[r.Rel] = r
			}
			none(t, out, 3*settle)
			if r := got["inside/real.pdf"]; r.Symlink || r.Size != 1 {
				t.Fatalf("real file: %+v", r)
			}
			for name, target := range links {
				r, ok := got[name]
				if !ok || !r.Symlink || r.Size != int64(len(target)) {
					t.Fatalf("link %s: %+v (want Symlink, Size = len(target))", name, r)
				}
			}
		})
	}
}

// A burst of files, all handed on exactly once.
func TestBurst(t *testing.T) {
	n := 10000
	if testing.Short() {
		n = 1000
	}
	root := t.TempDir()
	w, out := start(t, Options{Root: root, Mode: ModeEvents, Settle: settle})
	ready(t, w, out)
	dropped := dropBurst(t, root, n)
	seen := map[string]int{}
	for len(seen) < n {
		r := next(t, out, 30*time.Second)
		seen[r.Rel]++
		if seen[r.Rel] > 1 {
			t.Fatalf("%s handed on twice", r.Rel)
		}
		w.Done(r.Path)
	}
	for _, rel := range dropped {
		if seen[rel] != 1 {
			t.Fatalf("%s handed on %d times", rel, seen[rel])
		}
	}
	none(t, out, 3*settle)
}

// dropBurst writes n small files across a few folders as fast as it can.
func dropBurst(t testing.TB, root string, n int) []string {
	rels := make([]string, n)
	for i := range n {
		rels[i] = fmt.Sprintf("单位%02d/文件 %05d.pdf", i%20, i)
		write(t, root, rels[i], "%PDF-1.7 burst")
	}
	return rels
}

// A file the consumer leaves in place after Done is not re-handed by polls
// or touches, only by the next rescan (a retry).
func TestLeftInPlaceRetriedByRescan(t *testing.T) {
	root := t.TempDir()
	w, out := start(t, Options{Root: root, Mode: ModePoll, Settle: settle,
		PollInterval: 100 * time.Millisecond, RescanInterval: 2 * time.Second})
	p := write(t, root, "failed.pdf", "x")
	r := next(t, out, 5*time.Second)
	w.Done(r.Path)
	none(t, out, time.Second) // ten polls
	if r := next(t, out, 3*time.Second); r.Path != p || !r.Backlog {
		t.Fatalf("rescan retry: got %+v", r)
	}
}

// A file that stays unreadable is not waited on for ever: after the give-up
// time it is handed on, so the daemon rejects it with a finding instead of
// skipping it silently.
func TestUnreadableFileHandedOnAfterGiveUp(t *testing.T) {
	oldCheck, oldGiveUp := readCheck, minGiveUp
	t.Cleanup(func() { readCheck, minGiveUp = oldCheck, oldGiveUp })
	root := t.TempDir()
	locked := filepath.Join(root, "M11", "锁定的文件.pdf")
	readCheck = func(path string, info fs.FileInfo) error {
		if path == locked {
			return fs.ErrPermission
		}
		return canRead(path, info)
	}
	minGiveUp = 1500 * time.Millisecond
	w, out := start(t, Options{Root: root, Mode: ModePoll, Settle: 100 * time.Millisecond, PollInterval: 100 * time.Millisecond})
	ready(t, w, out)
	os.MkdirAll(filepath.Dir(locked), 0o755)
	if err := os.WriteFile(locked, []byte("%PDF-1.4"), 0o644); err != nil {
		t.Fatal(err)
	}
	written := time.Now()
	none(t, out, time.Second) // still within the give-up time: waited on
	r := next(t, out, 5*time.Second)
	if r.Path != locked {
		t.Fatalf("got %+v, want the unreadable file", r)
	}
	if waited := time.Since(written); waited < minGiveUp {
		t.Fatalf("handed on after %v, before the give-up time %v", waited, minGiveUp)
	}
}

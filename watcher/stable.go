package watcher

import (
	"context"
	"io/fs"
	"os"
	"slices"
	"time"
)

// cand is a file waiting to be stable.
type cand struct {
	info    fs.FileInfo // the last look (Lstat)
	last    time.Time   // the last event for it, or the last look that saw a change
	first   time.Time   // when it was first seen: its arrival, for the deadline
	backlog bool
	warned  bool // an open failure was logged already
	// unreadable is when opening the unchanged file first failed; a file
	// that stays unreadable is handed on after giveUp, so that it ends as a
	// finding ("cannot be read") instead of waiting unseen for ever.
	unreadable time.Time
}

// touch acts on an event for path, away from the event reader.
func (w *Watcher) touch(path string, at time.Time) {
	if _, ok := w.inflight[path]; ok {
		return // handed on already: a NAS or antivirus touch, not a new file
	}
	info, err := os.Lstat(path)
	if err != nil {
		delete(w.cands, path) // removed or renamed away
		delete(w.left, path)
		return
	}
	if old, ok := w.left[path]; ok {
		if !changed(old, info) {
			return // the consumer left it in place: a touch is no reason to retry
		}
		delete(w.left, path)
	}
	rel, ok := w.rel(path)
	if !ok {
		return
	}
	if w.skipped(rel, fs.FileInfoToDirEntry(info)) {
		delete(w.cands, path)
		return
	}
	if info.IsDir() {
		// A new (or renamed) sub-folder: watch it, then list it, since files
		// may have landed before the watch was added.
		w.scanTree(path, false, at)
		return
	}
	if !wanted(info) {
		return
	}
	if c := w.cands[path]; c != nil {
		c.info = info
		c.last = later(c.last, at)
		return
	}
	w.cands[path] = &cand{info: info, last: at, first: at}
}

// wanted: regular files and links (handed on flagged); never fifos,
// sockets or devices, which would block or mean nothing to the inbox.
func wanted(info fs.FileInfo) bool {
	return info.Mode().IsRegular() || info.Mode()&fs.ModeSymlink != 0
}

// emitDue hands on every candidate that has been quiet for Settle and looks
// the same as last time. Each is looked at just before it is sent.
func (w *Watcher) emitDue(ctx context.Context, out chan<- Ready) error {
	now := time.Now()
	var due []string
	for p, c := range w.cands {
		if now.Sub(c.last) >= w.opt.Settle {
			due = append(due, p)
		}
	}
	slices.Sort(due)
	for _, p := range due {
		r, info, ok := w.look(p)
		if !ok {
			continue
		}
		select {
		case out <- r:
		case <-ctx.Done():
			return ctx.Err()
		}
		delete(w.cands, p)
		w.inflight[p] = info
	}
	return nil
}

// look is the second look at a quiet candidate. It reports a Ready when the
// file is unchanged and readable; otherwise it updates or drops the candidate.
func (w *Watcher) look(path string) (Ready, fs.FileInfo, bool) {
	c := w.cands[path]
	info, err := os.Lstat(path)
	if err != nil {
		if os.IsNotExist(err) {
			delete(w.cands, path)
		} else {
			w.log.Warn().Err(err).Str("file", path).Msg("stat file: will retry")
			c.last = time.Now()
		}
		return Ready{}, nil, false
	}
	rel, ok := w.rel(path)
	if !ok || !wanted(info) || w.skipped(rel, fs.FileInfoToDirEntry(info)) {
		delete(w.cands, path)
		return Ready{}, nil, false
	}
	if changed(c.info, info) {
		c.info, c.last = info, time.Now()
		return Ready{}, nil, false
	}
	if info.Mode().IsRegular() {
		if err := readCheck(path, info); err != nil {
			now := time.Now()
			if c.unreadable.IsZero() {
				c.unreadable = now
			}
			if now.Sub(c.unreadable) < w.giveUp() {
				if !c.warned {
					w.log.Warn().Err(err).Str("file", path).Msg("file not readable yet: will retry")
					c.warned = true
				}
				c.last = now
				return Ready{}, nil, false
			}
			w.log.Warn().Err(err).Str("file", path).Msg("file still not readable: handing it on to be rejected")
		}
	}
	r := readyOf(path, rel, info, c.backlog)
	r.FirstSeen = c.first
	return r, info, true
}

// giveUp is how long an unchanged file may stay unreadable (a lock, a
// permission) before it is handed on anyway: the larger of a minute and
// twelve settle periods.
func (w *Watcher) giveUp() time.Duration {
	return max(minGiveUp, 12*w.opt.Settle)
}

// minGiveUp and readCheck are variables so a test can shorten the wait and
// simulate a file the process may not open (as root, every file opens).
var (
	minGiveUp = time.Minute
	readCheck = canRead
)

func readyOf(path, rel string, info fs.FileInfo, backlog bool) Ready {
	return Ready{
		Path: path, Rel: rel, Size: info.Size(), ModTime: info.ModTime(),
		Backlog: backlog, Symlink: info.Mode()&fs.ModeSymlink != 0,
	}
}

// canRead opens path without following a link or blocking on a fifo, and
// checks it is still the file that was looked at.
func canRead(path string, info fs.FileInfo) error {
	f, err := os.OpenFile(path, os.O_RDONLY|openFlags, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return err
	}
	if !os.SameFile(fi, info) {
		return fs.ErrNotExist // replaced between the look and the open
	}
	return nil
}

// changed compares two looks: identity, type, size and mtime.
func changed(a, b fs.FileInfo) bool {
	return a.Size() != b.Size() || !a.ModTime().Equal(b.ModTime()) ||
		a.Mode().Type() != b.Mode().Type() || !os.SameFile(a, b)
}

// finish ends the flight of path. If a different file already sits there
// (dropped while the old one was being claimed), treat it as an event; if
// the same file was left in place, remember it so that only a rescan, not
// every touch or poll, hands it on again.
func (w *Watcher) finish(path string) {
	old, ok := w.inflight[path]
	if !ok {
		return
	}
	delete(w.inflight, path)
	info, err := os.Lstat(path)
	switch {
	case err != nil:
	case changed(old, info):
		w.touch(path, time.Now())
	default:
		w.left[path] = old
	}
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

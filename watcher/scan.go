package watcher

import (
	"context"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/rs/zerolog"
)

// walk lists the tree under dir (part of root) without following links,
// calling onDir before a folder is listed and onFile for each wanted entry.
// Skipped folders are not entered; unreadable ones are logged and passed by.
func walk(root, dir string, skip func(string, fs.DirEntry) bool, log zerolog.Logger,
	onDir func(path string), onFile func(path, rel string, info fs.FileInfo)) {
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			log.Warn().Err(err).Str("file", p).Msg("list folder: passed by")
			if d != nil && d.IsDir() && p != dir {
				return fs.SkipDir
			}
			return nil
		}
		rel, ok := relOf(root, p)
		if !ok {
			return fs.SkipDir
		}
		if rel != "." && skip != nil && skip(rel, d) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if onDir != nil {
				onDir(p) // before the listing: anything created after the watch is an event
			}
			return nil
		}
		info, err := d.Info() // Lstat semantics: a link is described, not followed
		if err != nil || !wanted(info) {
			return nil
		}
		onFile(p, rel, info)
		return nil
	})
}

// scanTree lists the tree under dir, watching its folders and making new
// candidates of files not yet known. Known candidates keep their clock.
// A rescan (backlog) also retries files the consumer left in place after Done.
func (w *Watcher) scanTree(dir string, backlog bool, at time.Time) {
	if backlog && dir == w.opt.Root {
		w.left = map[string]fs.FileInfo{}
	}
	n := 0
	walk(w.opt.Root, dir, w.opt.Skip, w.log, w.watchDir, func(p, _ string, info fs.FileInfo) {
		if _, ok := w.inflight[p]; ok {
			return
		}
		if old, ok := w.left[p]; ok {
			if !changed(old, info) {
				return
			}
			delete(w.left, p)
		}
		if _, ok := w.cands[p]; ok {
			return
		}
		w.cands[p] = &cand{info: info, last: at, first: at, backlog: backlog}
		n++
	})
	if n > 0 {
		w.log.Debug().Str("dir", dir).Int("new", n).Bool("backlog", backlog).Msg("scanned")
	}
}

// watchDir adds an fsnotify watch (re-adding is harmless and heals a lost
// one). In auto mode a sub-folder on a network mount turns polling on.
func (w *Watcher) watchDir(dir string) {
	if w.opt.Mode == ModeAuto && !w.poll {
		if remote, fsType := IsNetworkFS(dir); remote {
			w.log.Info().Str("dir", dir).Str("fs", fsType).Msg("network file system: polling too")
			w.poll = true
		}
	}
	if w.fsw == nil {
		return
	}
	if err := w.fsw.Add(dir); err != nil {
		if !w.poll {
			w.log.Warn().Err(err).Str("dir", dir).
				Msg("watch folder failed (raise fs.inotify.max_user_watches): polling too")
		}
		w.poll = true
	}
}

func (w *Watcher) rel(path string) (string, bool) { return relOf(w.opt.Root, path) }

func (w *Watcher) skipped(rel string, d fs.DirEntry) bool {
	return rel != "." && w.opt.Skip != nil && w.opt.Skip(rel, d)
}

// relOf is path relative to root, slash-separated; false if outside root.
func relOf(root, path string) (string, bool) {
	rel, err := filepath.Rel(root, path)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// Scan is one pass for `run --once`: it lists the whole backlog, waits
// Settle once for all of it, looks again, and returns the files that did not
// change and can be read, sorted by Rel, all with Backlog set. Files still
// changing are left for the next run.
func Scan(ctx context.Context, opt Options) ([]Ready, error) {
	opt, err := opt.normalise()
	if err != nil {
		return nil, err
	}
	log := opt.Logger.With().Str("component", "watcher").Logger()
	first := map[string]fs.FileInfo{}
	walk(opt.Root, opt.Root, opt.Skip, log, nil, func(p, _ string, info fs.FileInfo) { first[p] = info })
	if len(first) == 0 {
		return nil, nil
	}
	t := time.NewTimer(opt.Settle)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return nil, ctx.Err()
	case <-t.C:
	}
	paths := slices.Sorted(maps.Keys(first))
	var out []Ready
	for _, p := range paths {
		info, err := os.Lstat(p)
		if err != nil || changed(first[p], info) {
			log.Debug().Str("file", p).Msg("still changing: left for the next run")
			continue
		}
		if info.Mode().IsRegular() {
			if err := canRead(p, info); err != nil {
				log.Warn().Err(err).Str("file", p).Msg("file not readable: left for the next run")
				continue
			}
		}
		rel, _ := relOf(opt.Root, p)
		out = append(out, readyOf(p, rel, info, true))
	}
	return out, nil
}

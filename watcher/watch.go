package watcher

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/rs/zerolog"
)

// Mode chooses how changes are noticed.
type Mode string

const (
	ModeAuto   Mode = "auto"   // events, plus polling when the root (or a sub-folder) is on a network or FUSE file system
	ModeEvents Mode = "events" // fsnotify only (plus the periodic rescan)
	ModePoll   Mode = "poll"   // no fsnotify: list the tree every PollInterval
)

// Sentinel errors of New.
var (
	ErrRoot = errors.New("watcher: root is not a folder")
	ErrMode = errors.New("watcher: unknown mode")
)

// Options configure a Watcher. Zero durations take the defaults.
type Options struct {
	Root           string
	Mode           Mode
	PollInterval   time.Duration // default 10s (poll mode / network fs)
	Settle         time.Duration // default 5s: no event within Settle, size+mtime unchanged across two looks
	RescanInterval time.Duration // default 5m; also at start and after an event-queue overflow
	// Skip reports what is not a submission; a skipped folder is not entered.
	// rel is slash-separated and relative to Root. nil skips nothing.
	Skip   func(rel string, d fs.DirEntry) bool
	Logger zerolog.Logger
}

// Ready is a path that is complete and stable.
type Ready struct {
	Path    string // absolute path under Root
	Rel     string // relative to Root, slash-separated
	Size    int64
	ModTime time.Time
	Backlog bool // found by the start-up scan or a rescan, not by an event or a poll
	// FirstSeen is when the watcher first saw the file (an event, a poll
	// or a scan): its arrival, before the settle wait and any queueing.
	FirstSeen time.Time
	// Symlink: the entry is a symbolic link. Size and ModTime are the link's
	// own (Lstat); its target was neither stat'ed nor opened.
	Symlink bool
}

// Watcher hands on stable files under Options.Root. Run it once; Done may be
// called from any goroutine.
type Watcher struct {
	opt     Options
	log     zerolog.Logger
	running atomic.Bool

	mu      sync.Mutex // guards the fields filled by the event reader and Done
	touched map[string]time.Time
	done    []string
	rescan  bool
	wake    chan struct{}

	// owned by Run's goroutine
	fsw      *fsnotify.Watcher
	poll     bool
	cands    map[string]*cand
	inflight map[string]fs.FileInfo
	left     map[string]fs.FileInfo // Done but still in place, unchanged: only a rescan retries them
}

// New checks the options and fills in the defaults. It starts nothing.
func New(opt Options) (*Watcher, error) {
	opt, err := opt.normalise()
	if err != nil {
		return nil, err
	}
	return &Watcher{
		opt:      opt,
		log:      opt.Logger.With().Str("component", "watcher").Logger(),
		touched:  map[string]time.Time{},
		wake:     make(chan struct{}, 1),
		cands:    map[string]*cand{},
		inflight: map[string]fs.FileInfo{},
		left:     map[string]fs.FileInfo{},
	}, nil
}

func (o Options) normalise() (Options, error) {
	if o.Mode == "" {
		o.Mode = ModeAuto
	}
	switch o.Mode {
	case ModeAuto, ModeEvents, ModePoll:
	default:
		return o, fmt.Errorf("check watch mode %q (use auto, events or poll): %w", o.Mode, ErrMode)
	}
	if o.PollInterval <= 0 {
		o.PollInterval = 10 * time.Second
	}
	if o.Settle <= 0 {
		o.Settle = 5 * time.Second
	}
	if o.RescanInterval <= 0 {
		o.RescanInterval = 5 * time.Minute
	}
	root, err := filepath.Abs(o.Root)
	if err == nil {
		// The root itself may be a link (an operator's choice); nothing below it is followed.
		root, err = filepath.EvalSymlinks(root)
	}
	if err != nil {
		return o, fmt.Errorf("open watch root %q: %w: %w", o.Root, ErrRoot, err)
	}
	if fi, err := os.Stat(root); err != nil || !fi.IsDir() {
		return o, fmt.Errorf("open watch root %q (create the folder or fix the path): %w", o.Root, ErrRoot)
	}
	o.Root = root
	return o, nil
}

// Done tells the watcher the consumer has finished with path (a Ready.Path):
// it is no longer in flight. A new file later at the same path is handed on
// again; the same file left in place is retried at the next rescan.
func (w *Watcher) Done(path string) {
	w.mu.Lock()
	w.done = append(w.done, path)
	w.mu.Unlock()
	w.signal()
}

// Run watches until ctx is done, sending stable files to out, and returns
// nil then. It returns an error only if watching cannot start. It never
// closes out.
func (w *Watcher) Run(ctx context.Context, out chan<- Ready) error {
	if !w.running.CompareAndSwap(false, true) {
		return errors.New("watcher: Run called twice")
	}
	var wg sync.WaitGroup
	defer wg.Wait()
	if err := w.startEvents(&wg); err != nil {
		return err
	}
	if w.fsw != nil {
		defer w.fsw.Close() // runs before wg.Wait: closing ends the reader
	}
	w.log.Info().Str("root", w.opt.Root).Str("mode", string(w.opt.Mode)).
		Bool("events", w.fsw != nil).Bool("poll", w.poll).Dur("settle", w.opt.Settle).Msg("watching")

	w.scanTree(w.opt.Root, true, time.Now())
	check := time.NewTicker(tickFor(w.opt.Settle))
	defer check.Stop()
	rescan := time.NewTicker(w.opt.RescanInterval)
	defer rescan.Stop()
	var pollC <-chan time.Time
	for {
		if w.poll && pollC == nil {
			t := time.NewTicker(w.opt.PollInterval)
			defer t.Stop()
			pollC = t.C
		}
		select {
		case <-ctx.Done():
			return nil
		case <-w.wake:
			w.drain()
		case <-check.C:
			if w.emitDue(ctx, out) != nil {
				return nil
			}
		case <-rescan.C:
			w.scanTree(w.opt.Root, true, time.Now())
		case <-pollC:
			w.scanTree(w.opt.Root, false, time.Now())
		}
	}
}

// startEvents opens fsnotify unless polling only; auto mode falls back to
// polling when inotify cannot start (instance limit) or the root is remote.
func (w *Watcher) startEvents(wg *sync.WaitGroup) error {
	w.poll = w.opt.Mode == ModePoll
	if w.opt.Mode == ModeAuto {
		if remote, fsType := IsNetworkFS(w.opt.Root); remote {
			w.log.Info().Str("fs", fsType).Msg("root is on a network file system: polling too")
			w.poll = true
		}
	}
	if w.opt.Mode == ModePoll {
		return nil
	}
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		if w.opt.Mode == ModeEvents {
			return fmt.Errorf("start file events (raise fs.inotify.max_user_instances or use mode poll): %w", err)
		}
		w.log.Warn().Err(err).Msg("file events unavailable: polling instead")
		w.poll = true
		return nil
	}
	w.fsw = fsw
	wg.Add(1)
	go func() {
		defer wg.Done()
		w.readEvents(fsw)
	}()
	return nil
}

// readEvents only records paths: any work here would let the kernel queue fill.
func (w *Watcher) readEvents(fsw *fsnotify.Watcher) {
	for {
		select {
		case ev, ok := <-fsw.Events:
			if !ok {
				return
			}
			if ev.Op&^fsnotify.Chmod == 0 {
				continue // attribute noise: Spotlight, antivirus, NAS indexers
			}
			w.record(ev.Name)
		case err, ok := <-fsw.Errors:
			if !ok {
				return
			}
			w.handleError(err)
		}
	}
}

// record notes that something happened at path; drain will look at it.
func (w *Watcher) record(path string) {
	w.mu.Lock()
	w.touched[path] = time.Now()
	w.mu.Unlock()
	w.signal()
}

// handleError turns a lost-events overflow into a full rescan.
func (w *Watcher) handleError(err error) {
	if errors.Is(err, fsnotify.ErrEventOverflow) {
		w.log.Warn().Err(err).Msg("file events lost: rescanning")
		w.mu.Lock()
		w.rescan = true
		w.mu.Unlock()
		w.signal()
		return
	}
	w.log.Error().Err(err).Msg("file events")
}

func (w *Watcher) signal() {
	select {
	case w.wake <- struct{}{}:
	default:
	}
}

// drain takes what the event reader and Done recorded and acts on it.
func (w *Watcher) drain() {
	w.mu.Lock()
	touched, done, rescan := w.touched, w.done, w.rescan
	w.touched, w.done, w.rescan = map[string]time.Time{}, nil, false
	w.mu.Unlock()

	for _, p := range done {
		w.finish(p)
	}
	if rescan {
		w.scanTree(w.opt.Root, true, time.Now())
	}
	for p, t := range touched {
		w.touch(p, t)
	}
}

// tickFor is how often candidates are checked: often enough that a file is
// handed on well within a second of settling.
func tickFor(settle time.Duration) time.Duration {
	return min(max(settle/5, 10*time.Millisecond), 500*time.Millisecond)
}

package daemon

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"time"

	"github.com/rs/zerolog"

	"dossier"
	"dossier/intake"
	"dossier/ledger"
	"dossier/notify"
	"dossier/process"
	"dossier/render"
	"dossier/service"
	"dossier/watcher"
)

// Evaluator decides one file; *process.Evaluator is the real one.
type Evaluator interface {
	Evaluate(ctx context.Context, f process.File, now time.Time, known process.Known) dossier.Document
}

var _ Evaluator = (*process.Evaluator)(nil)

// Config is the daemon's part of the configuration.
type Config struct {
	Inbox string // the shared folder
	Data  string // ledger, work area, archive, outbox
	// Watch configures the watcher; Root, Skip and Logger are filled in.
	Watch   watcher.Options
	Workers int // files evaluated at once (default 2)
	Queue   int // stable files waiting for a worker (default 2×Workers)
	// Schedule is the nightly consolidation "HH:MM" in the programme's
	// zone (default "02:00"); "off" disables it.
	Schedule  string
	CopyTo    string // a folder the package is also copied to ("" none)
	Notify    notify.Config
	Templates notify.Templates
	// Contact closes every notice: whom a unit calls at the bureau.
	Contact notify.Contact
	// PhotoWindow: photos of one team that arrive within it are answered
	// in one notice (0: each photo its own).
	PhotoWindow time.Duration
	// Convert puts Word originals into the package as PDF pages (soffice);
	// nil typesets their text instead.
	Convert render.Converter
	// BureauEmail is copied on every e-mail.
	BureauEmail string
	// Grace is how long in-flight files may take to finish after Serve's
	// context ends before they are left claimable (default 30 s).
	Grace time.Duration
	// Clock is the time source for serve (default time.Now).
	Clock func() time.Time
	// MinConfidence: a field read with less puts its document in the
	// clerk's queue (default 0.8).
	MinConfidence float64
	// Clerk checks the clerk named on a decision (see service.Config.Clerk).
	Clerk func(ctx context.Context, name string) error
}

func (c Config) withDefaults() Config {
	if c.Workers <= 0 {
		c.Workers = 2
	}
	if c.Queue <= 0 {
		c.Queue = 2 * c.Workers
	}
	if c.Schedule == "" {
		c.Schedule = "02:00"
	}
	if c.Grace <= 0 {
		c.Grace = 30 * time.Second
	}
	if c.Clock == nil {
		c.Clock = time.Now
	}
	return c
}

// Daemon is dossier's long-running process. Build it with New, run Serve
// or Once, then Close it.
type Daemon struct {
	cfg     Config
	ev      Evaluator
	reg     dossier.Registry
	prog    dossier.Programme
	log     zerolog.Logger
	base    zerolog.Logger // the logger given to New: parts that add their own component get this one
	led     *ledger.Ledger
	folders *intake.Folders
	sched   schedule
	svc     *service.Service // views and the clerk's decisions, shared with the desk and the command line
	shas    keyedMutex
	refused refusals   // files that could not be taken, until they change
	flights flights    // rows in a worker's hands, and rows left behind
	mu      sync.Mutex // serialises reminders and consolidations
}

// New opens the ledger under cfg.Data and creates the folders.
func New(cfg Config, ev Evaluator, reg dossier.Registry, prog dossier.Programme, log zerolog.Logger) (*Daemon, error) {
	cfg = cfg.withDefaults()
	sched, err := parseSchedule(cfg.Schedule)
	if err != nil {
		return nil, err
	}
	folders, err := intake.New(cfg.Inbox, cfg.Data)
	if err != nil {
		return nil, err
	}
	led, err := ledger.Open(filepath.Join(cfg.Data, ledger.FileName))
	if err != nil {
		return nil, err
	}
	d := &Daemon{cfg: cfg, ev: ev, reg: reg, prog: prog, led: led, folders: folders, sched: sched,
		log: log.With().Str("component", "daemon").Logger(), base: log}
	pe, _ := ev.(*process.Evaluator)
	d.svc = service.New(service.Config{Registry: reg, Programme: prog, Ledger: led, Folders: folders,
		Evaluator: pe, Workers: cfg.Workers, Notify: cfg.Notify,
		BureauEmail: cfg.BureauEmail, Clock: cfg.Clock, Log: log, MinConfidence: cfg.MinConfidence, Clerk: cfg.Clerk})
	return d, nil
}

// Service is the layer the desk and the command line call: views, the
// queue and the clerk's decisions over this daemon's ledger and folders.
func (d *Daemon) Service() *service.Service { return d.svc }

// Close closes the ledger.
func (d *Daemon) Close() error { return d.led.Close() }

// Ledger exposes the ledger (status reports, tests).
func (d *Daemon) Ledger() *ledger.Ledger { return d.led }

// Folders exposes the folders.
func (d *Daemon) Folders() *intake.Folders { return d.folders }

func (d *Daemon) watchOptions() watcher.Options {
	o := d.cfg.Watch
	o.Root = d.cfg.Inbox
	o.Skip = intake.Skip
	o.Logger = d.base
	return o
}

func (d *Daemon) channels() []notify.Channel {
	ch := []notify.Channel{notify.ChannelLog, notify.ChannelFile}
	if d.cfg.Notify.Host != "" { // mail is off while no SMTP host is set
		ch = append(ch, notify.ChannelMail)
	}
	return ch
}

// Once processes what is in the inbox now and exits: recovery, one scan
// (the backlog checked for stability once, all files together), every file
// decided and moved, reminders due at now, notices flushed.
func (d *Daemon) Once(ctx context.Context, now time.Time) error {
	unlock, err := lockData(d.cfg.Data)
	if err != nil {
		return err
	}
	defer unlock()
	clock := func() time.Time { return now }
	if err := d.Recover(ctx, clock); err != nil {
		return err
	}
	list, err := watcher.Scan(ctx, d.watchOptions())
	if err != nil {
		return fmt.Errorf("scan inbox: %w", err)
	}
	queue := make(chan watcher.Ready)
	var wg sync.WaitGroup
	for range d.cfg.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range queue {
				d.take(ctx, r, clock)
			}
		}()
	}
	for _, r := range list {
		if ctx.Err() != nil {
			break
		}
		queue <- r
	}
	close(queue)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := d.Remind(ctx, now); err != nil {
		d.log.Error().Err(err).Msg("reminders")
	}
	n := notify.New(d.outbox(true), d.cfg.Notify, d.base)
	if _, err := n.Flush(ctx, now); err != nil {
		return fmt.Errorf("flush notices: %w", err)
	}
	return nil
}

// Serve runs until ctx ends: recovery, then the watcher, the workers, the
// notifier, the calendar and the nightly consolidation. It returns nil
// after a clean stop.
func (d *Daemon) Serve(ctx context.Context) error {
	unlock, err := lockData(d.cfg.Data)
	if err != nil {
		return err
	}
	defer unlock()
	ctx, stopAll := context.WithCancel(ctx) // also ended when the watcher dies
	defer stopAll()
	clock := d.cfg.Clock
	// Work outlives intake: a file being evaluated when ctx ends gets Grace.
	work, cancelWork := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelWork()
	if err := d.Recover(ctx, clock); err != nil { // a stop during recovery leaves rows for the next start
		return err
	}
	w, err := watcher.New(d.watchOptions())
	if err != nil {
		return fmt.Errorf("start watcher: %w", err)
	}
	notifyCtx, stopNotify := context.WithCancel(context.WithoutCancel(ctx))
	defer stopNotify()
	n := notify.New(d.outbox(false), d.cfg.Notify, d.base)
	d.svc.OnNotice(n.Wake) // a clerk's decision is delivered at once
	defer d.svc.OnNotice(nil)
	var bg sync.WaitGroup
	bg.Add(1)
	go func() { defer bg.Done(); n.Run(notifyCtx) }()

	queue := make(chan watcher.Ready, d.cfg.Queue)
	watchErr := make(chan error, 1)
	go func() { watchErr <- w.Run(ctx, queue) }()
	var workers sync.WaitGroup
	for range d.cfg.Workers {
		workers.Add(1)
		go func() {
			defer workers.Done()
			d.work(ctx, work, queue, w, clock)
		}()
	}
	bg.Add(1)
	go func() { defer bg.Done(); d.calendar(ctx, clock) }()
	d.log.Info().Str("inbox", d.cfg.Inbox).Str("data", d.cfg.Data).Int("workers", d.cfg.Workers).Msg("serving")

	select {
	case <-ctx.Done():
		err = <-watchErr // intake stops first
	case err = <-watchErr: // the watcher died: stop, so a supervisor restarts us
		if err == nil {
			err = errors.New("watcher stopped")
		}
		d.log.Error().Err(err).Msg("watcher stopped; shutting down")
		stopAll()
	}
	d.stopWorkers(&workers, cancelWork)
	// The notifier's loop ends before the last flush, so the two never
	// read the same due notice and send it twice.
	stopNotify()
	bg.Wait()
	flushCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	if _, ferr := n.Flush(flushCtx, clock()); ferr != nil {
		d.log.Warn().Err(ferr).Msg("notices left in the outbox for the next start")
	}
	cancel()
	d.log.Info().Msg("stopped")
	if err != nil && !errors.Is(err, context.Canceled) {
		return fmt.Errorf("watch inbox: %w", err)
	}
	return nil
}

func (d *Daemon) work(intake, work context.Context, queue <-chan watcher.Ready, w *watcher.Watcher, clock func() time.Time) {
	for {
		select {
		case <-intake.Done():
			return
		case r := <-queue:
			d.take(work, r, clock)
			w.Done(r.Path)
		}
	}
}

// stopWorkers waits for files in flight, at most Grace, then cancels them:
// a cancelled file is left claimed, and the next start re-evaluates it.
func (d *Daemon) stopWorkers(wg *sync.WaitGroup, cancel context.CancelFunc) {
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(d.cfg.Grace):
		d.log.Warn().Msg("files still in flight after the grace period: left claimable")
		cancel()
		<-done
	}
}

package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/rs/zerolog"

	"dossier"
	"dossier/config"
	"dossier/daemon"
	"dossier/extract"
	"dossier/notify"
	"dossier/process"
	"dossier/watcher"
)

// app is a daemon built from the configuration, with what must be closed.
type app struct {
	d     *daemon.Daemon
	ev    *process.Evaluator
	ext   *extract.Extractor // in this process: page images for the desk, and parsing unless isolated
	child *extract.Child     // parse workers (limits.isolate), or nil
	log   zerolog.Logger
}

func (a *app) Close() {
	a.d.Close()
	if a.child != nil {
		a.child.Close()
	}
	a.ext.Close()
}

// buildParsing is build for serve and run --once: with limits.isolate,
// files are parsed in worker processes (dossier __worker) instead.
func buildParsing(cfg config.Config, configPath string, now func() time.Time) (*app, error) {
	if !cfg.Limits.Isolate {
		return build(cfg, now)
	}
	ch, err := newChild(cfg, configPath)
	if err != nil {
		return nil, err
	}
	a, err := buildWith(cfg, now, ch)
	if err != nil {
		ch.Close()
		return nil, err
	}
	a.child = ch
	return a, nil
}

func build(cfg config.Config, now func() time.Time) (*app, error) { return buildWith(cfg, now, nil) }

// buildWith makes the daemon; parse is the extractor files are read with
// (nil: the process's own).
func buildWith(cfg config.Config, now func() time.Time, parse process.Extractor) (*app, error) {
	log := logger(cfg)
	for _, dir := range []string{cfg.Inbox, cfg.Data} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("create %s: %w", dir, err)
		}
	}
	ocrCache := &ledgerCache{file: extract.FileCache{Dir: filepath.Join(cfg.Data, "cache", "ocr")}}
	ext, err := newExtractor(cfg, false, ocrCache)
	if err != nil {
		return nil, err
	}
	if parse == nil {
		parse = ext
	}
	ev := process.New(parse, cfg.Registry, cfg.Programme, int64(cfg.Limits.MaxFileSize))
	d, err := daemon.New(daemonConfig(cfg, now), ev, cfg.Registry, cfg.Programme, log)
	if err != nil {
		ext.Close()
		return nil, err
	}
	ocrCache.use(d.Ledger()) // OCR results by SHA-256 in the ledger from here on
	return &app{d: d, ev: ev, ext: ext, log: log}, nil
}

// daemonConfig hands each part its piece of the configuration.
func daemonConfig(cfg config.Config, now func() time.Time) daemon.Config {
	tpl := notify.DefaultTemplates()
	for typ, t := range cfg.Notify.Templates {
		cur := tpl[dossier.NoticeType(typ)]
		if t.Subject != "" {
			cur.Subject = t.Subject
		}
		if t.Body != "" {
			cur.Body = t.Body
		}
		tpl[dossier.NoticeType(typ)] = cur
	}
	s := cfg.Notify.SMTP
	return daemon.Config{
		Inbox: cfg.Inbox, Data: cfg.Data, Workers: cfg.Workers,
		Watch: watcher.Options{
			Mode: watcher.Mode(cfg.Watch.Mode), PollInterval: cfg.Watch.PollInterval.D(),
			Settle: cfg.Watch.Settle.D(), RescanInterval: cfg.Watch.RescanInterval.D(),
		},
		Schedule: cfg.Render.Schedule, CopyTo: cfg.Render.CopyTo,
		Notify: notify.Config{
			Host: s.Host, Port: s.Port, Username: s.Username, Password: s.Password, From: s.From,
			TLS: s.TLS, Timeout: s.Timeout.D(), BureauEmail: cfg.Notify.BureauEmail,
			RetryMin: cfg.Notify.RetryMin.D(), RetryMax: cfg.Notify.RetryMax.D(),
		},
		Templates:   tpl,
		BureauEmail: cfg.Notify.BureauEmail,
		Contact: notify.Contact{Office: cfg.Notify.Contact.Office, Person: cfg.Notify.Contact.Person,
			Phone: cfg.Notify.Contact.Phone, Email: cfg.Notify.Contact.Email},
		PhotoWindow: cfg.Notify.PhotoWindow.D(),
		Convert:     packageConverter(cfg),
		Clock:       now,
	}
}

// youngWindow: see Evaluator.RetryYoung (serve only; run --once decides now).
const youngWindow = 3 * time.Minute

// fixed is a clock that always reads now (run --once, status, consolidate).
func fixed(now time.Time) func() time.Time { return func() time.Time { return now } }

func runServe(ctx context.Context, args []string) error {
	c := newFlags("serve")
	if _, err := c.parse(args); err != nil {
		return err
	}
	cfg, err := c.load()
	if err != nil {
		return err
	}
	clock := time.Now
	if c.now != "" { // a replay: the clock starts at --now and runs on
		start, err := c.clock(cfg)
		if err != nil {
			return err
		}
		offset := time.Until(start)
		clock = func() time.Time { return time.Now().Add(offset) }
	}
	a, err := buildParsing(cfg, c.configPath, clock)
	if err != nil {
		return err
	}
	defer a.Close()
	// A file unreadable within a few minutes of its last change is retried
	// with a longer settle before it is rejected: its writer may have paused.
	a.ev.RetryYoung(youngWindow)
	a.log.Info().Str("inbox", cfg.Inbox).Str("data", cfg.Data).Str("watch_mode", cfg.Watch.Mode).
		Int("teams", len(cfg.Registry.Teams)).Str("notice", cfg.Programme.Notice).Msg("dossier serving")
	stopHTTP, err := serveStatus(cfg, a, clock)
	if err != nil {
		return err
	}
	err = a.d.Serve(ctx)
	stopHTTP()
	if errors.Is(err, context.Canceled) {
		err = nil
	}
	a.log.Info().Msg("dossier stopped")
	return err
}

func runOnce(ctx context.Context, args []string) error {
	c := newFlags("run")
	once := c.fs.Bool("once", false, "process what is in the inbox now, then exit")
	cfg, now, _, err := c.prepare(args)
	if err != nil {
		return err
	}
	if !*once {
		return usagef("say --once: dossier run --once (the daemon is dossier serve)")
	}
	a, err := buildParsing(cfg, c.configPath, fixed(now))
	if err != nil {
		return err
	}
	defer a.Close()
	return a.d.Once(ctx, now)
}

func runConsolidate(ctx context.Context, args []string) error {
	c := newFlags("consolidate")
	out := c.fs.String("out", "", "folder for the package (default <data>/outbox)")
	cfg, now, _, err := c.prepare(args)
	if err != nil {
		return err
	}
	a, err := build(cfg, fixed(now))
	if err != nil {
		return err
	}
	defer a.Close()
	res, err := a.d.Consolidate(ctx, now, *out)
	if err != nil {
		return err
	}
	if !res.Changed {
		fmt.Printf("材料无变化，未生成新的汇总包；最新汇总包：%s\n", res.Dir)
		return nil
	}
	fmt.Printf("已生成汇总包：%s\n  %s（%d 页）\n  %s\n  %s\n", res.Dir, res.PDF, res.Pages, res.XLSX, res.Manifest)
	return nil
}

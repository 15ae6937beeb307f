package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/rs/zerolog"

	"dossier/config"
)

// common are the flags every command takes (cli.md).
type common struct {
	configPath string
	data       string
	inbox      string
	now        string
	logFormat  string
	fs         *flag.FlagSet
}

func newFlags(name string) *common {
	c := &common{fs: flag.NewFlagSet(name, flag.ContinueOnError)}
	c.fs.SetOutput(io.Discard)
	c.fs.StringVar(&c.configPath, "config", "", "YAML configuration file (every key has a default)")
	c.fs.StringVar(&c.data, "data", "", "ledger and archive folder (default ./data)")
	c.fs.StringVar(&c.inbox, "inbox", "", "the shared folder staff drop files into (default ./inbox)")
	c.fs.StringVar(&c.now, "now", "", "pretend the clock reads this RFC3339 time")
	c.fs.StringVar(&c.logFormat, "log-format", "", "json or console")
	return c
}

// parse parses flags anywhere among the arguments and returns the positional ones.
func (c *common) parse(args []string) ([]string, error) {
	var pos []string
	for {
		if err := c.fs.Parse(args); err != nil {
			return nil, usagef("%v (dossier --help lists the flags)", err)
		}
		args = c.fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// load reads the configuration and applies the flags over it.
func (c *common) load() (config.Config, error) {
	cfg, err := config.Load(c.configPath)
	if err != nil {
		return cfg, err
	}
	if c.data != "" {
		cfg.Data = c.data
	}
	if c.inbox != "" {
		cfg.Inbox = c.inbox
	}
	if c.logFormat != "" {
		cfg.Log.Format = c.logFormat
		if err := cfg.Validate(); err != nil {
			return cfg, usageError{err}
		}
	}
	return cfg, nil
}

// clock returns --now, or the real time, in the programme's zone.
func (c *common) clock(cfg config.Config) (time.Time, error) {
	loc := cfg.Programme.Location()
	if c.now == "" {
		return time.Now().In(loc), nil
	}
	t, err := time.Parse(time.RFC3339, c.now)
	if err != nil {
		return t, usagef("--now %q: write it as RFC3339, e.g. 2026-11-21T09:00:00+08:00", c.now)
	}
	return t.In(loc), nil
}

// prepare parses the arguments, loads the configuration and reads the
// clock: the start of every command. It returns the positional arguments.
func (c *common) prepare(args []string) (config.Config, time.Time, []string, error) {
	pos, err := c.parse(args)
	if err != nil {
		return config.Config{}, time.Time{}, nil, err
	}
	cfg, err := c.load()
	if err != nil {
		return cfg, time.Time{}, nil, err
	}
	now, err := c.clock(cfg)
	return cfg, now, pos, err
}

// logger is the one logger of the process, on stderr.
func logger(cfg config.Config) zerolog.Logger {
	lvl, err := zerolog.ParseLevel(cfg.Log.Level)
	if err != nil {
		lvl = zerolog.InfoLevel
	}
	var w io.Writer = os.Stderr
	if strings.EqualFold(cfg.Log.Format, "console") {
		w = zerolog.ConsoleWriter{Out: os.Stderr, TimeFormat: time.DateTime}
	}
	l := zerolog.New(w).Level(lvl).With().Timestamp().Logger()
	zerolog.DefaultContextLogger = &l
	return l
}

func runConfig(_ context.Context, args []string) error {
	c := newFlags("config")
	if _, err := c.parse(args); err != nil {
		return err
	}
	cfg, err := c.load()
	if err != nil {
		return err
	}
	out, err := cfg.Marshal()
	if err != nil {
		return err
	}
	for _, w := range cfg.Warnings() {
		fmt.Fprintln(os.Stderr, "warning: "+w)
	}
	// What the optional system tools add (README), as YAML comments, so
	// the output stays a file dossier can read back.
	out = append([]byte("# "+ocrState(cfg)+"\n# "+convertState(cfg)+"\n"), out...)
	_, err = os.Stdout.Write(out)
	return err
}

package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"dossier/config"
	"dossier/extract"
)

// workerCommand is the hidden command the daemon re-executes itself as to
// read one untrusted file (extract.Child): it limits its own memory and
// CPU time first, reads the request on stdin and prints the answer as
// JSON on stdout.
const workerCommand = "__worker"

func runWorker(ctx context.Context, args []string) error {
	c := newFlags(workerCommand)
	if _, err := c.parse(args); err != nil {
		return err
	}
	cfg, err := c.load()
	if err != nil {
		return err
	}
	lim := extract.WorkerLimits{Memory: int64(cfg.Limits.WorkerMemory), CPU: 2*cfg.Limits.Timeout.D() + 30*time.Second}
	if err := lim.SetLimits(); err != nil {
		return err
	}
	ext, err := newExtractor(cfg, false, nil)
	if err != nil {
		return fmt.Errorf("worker: %w", err)
	}
	return extract.ServeWorker(ctx, os.Stdin, os.Stdout, ext)
}

// newChild returns the extractor that reads each file in a worker: this
// binary, run as __worker with the same configuration file and folders.
// Wire it in place of the in-process Extractor for process.New.
func newChild(cfg config.Config, configPath string) (*extract.Child, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("find own binary for the parse worker: %w", err)
	}
	args := []string{workerCommand, "--data", absPath(cfg.Data), "--inbox", absPath(cfg.Inbox)}
	if configPath != "" {
		args = append(args, "--config", absPath(configPath))
	}
	cmd := func(ctx context.Context) *exec.Cmd {
		cmd := exec.CommandContext(ctx, exe, args...)
		cmd.Env = append(os.Environ(), "GOMAXPROCS=1")
		return cmd
	}
	ch := extract.NewChild(cmd, cfg.Workers, cfg.Limits.Timeout.D())
	// Where the workers count the reads that did not end (newExtractor's
	// cache folder), so that a worker that died early still counts.
	ch.AttemptsDir = extract.AttemptsDirOf(extract.Options{CacheDir: filepath.Join(absPath(cfg.Data), "cache", "pdfium")})
	return ch, nil
}

func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}

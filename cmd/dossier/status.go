package main

import (
	"context"
	"fmt"
	"os"

	"dossier/status"
)

func runStatus(ctx context.Context, args []string) error {
	c := newFlags("status")
	asJSON := c.fs.Bool("json", false, "print JSON lines (cli.md)")
	cfg, now, _, err := c.prepare(args)
	if err != nil {
		return err
	}
	if _, err := os.Stat(cfg.Data); err != nil {
		return fmt.Errorf("no ledger at %s: run dossier serve or dossier run --once first (or pass --data)", cfg.Data)
	}
	a, err := build(cfg, fixed(now))
	if err != nil {
		return err
	}
	defer a.Close()
	views, err := a.d.Status(ctx, now)
	if err != nil {
		return err
	}
	for _, v := range views {
		if *asJSON {
			err = writeJSONLine(os.Stdout, status.FromView(v))
		} else {
			err = status.WriteText(os.Stdout, v)
		}
		if err != nil {
			return fmt.Errorf("write status: %w", err)
		}
	}
	return nil
}

package main

import (
	"context"
	"fmt"
	"os"

	"dossier/status"
)

// runStatus prints one line per team from the ledger, through the
// service: no daemon, no extractor.
func runStatus(ctx context.Context, args []string) error {
	c := newFlags("status")
	asJSON := c.fs.Bool("json", false, "print JSON lines (cli.md)")
	cfg, now, _, err := c.prepare(args)
	if err != nil {
		return err
	}
	svc, closeSvc, err := openService(cfg, now, false)
	if err != nil {
		return err
	}
	defer closeSvc()
	views, err := svc.Status(ctx, now)
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

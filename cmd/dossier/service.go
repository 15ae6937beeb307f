package main

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"dossier/config"
	"dossier/intake"
	"dossier/ledger"
	"dossier/service"
)

// openService opens the ledger under --data (and, for decisions, the
// folders) and builds the service over them, without a daemon or an
// extractor: what status and review need. The returned function closes it.
func openService(cfg config.Config, now time.Time, folders bool) (*service.Service, func(), error) {
	if _, err := os.Stat(filepath.Join(cfg.Data, ledger.FileName)); err != nil {
		return nil, nil, fmt.Errorf("no ledger at %s: run dossier serve or dossier run --once first (or pass --data)", cfg.Data)
	}
	led, err := ledger.Open(filepath.Join(cfg.Data, ledger.FileName))
	if err != nil {
		return nil, nil, err
	}
	var f *intake.Folders
	if folders {
		if f, err = intake.New(cfg.Inbox, cfg.Data); err != nil {
			led.Close()
			return nil, nil, err
		}
	}
	dc := daemonConfig(cfg, fixed(now))
	svc := service.New(service.Config{Registry: cfg.Registry, Programme: cfg.Programme, Ledger: led, Folders: f,
		Workers: cfg.Workers, Notify: dc.Notify, BureauEmail: dc.BureauEmail,
		Clock: fixed(now), Log: logger(cfg), MinConfidence: cfg.OCR.MinConfidence})
	return svc, func() { led.Close() }, nil
}

package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"dossier"
	"dossier/config"
	"dossier/convert"
	"dossier/extract"
	"dossier/process"
	"dossier/service"
)

// checkLine is one line of `check --json` (cli.md); keys are only added.
type checkLine struct {
	File     string            `json:"file"`
	SHA256   string            `json:"sha256"`
	Kind     dossier.Kind      `json:"kind"`
	Team     *teamRef          `json:"team"`
	Fields   dossier.Fields    `json:"fields"`
	Findings []dossier.Finding `json:"findings"`
	Verdict  dossier.Verdict   `json:"verdict"`
	Format   dossier.Format    `json:"format"`
	Received string            `json:"received"`
	Size     int64             `json:"size"`
	Pages    int               `json:"pages,omitempty"`
	Images   int               `json:"images,omitempty"`
	Invalid  map[string]string `json:"invalid,omitempty"`
	// Confidence: field → 0..1 for fields not read with certainty (OCR, a
	// loose label match); Sources: where each field was read (cli.md).
	Confidence map[string]float64        `json:"confidence,omitempty"`
	Sources    map[string]dossier.Source `json:"sources,omitempty"`
}

type teamRef struct {
	ID    string        `json:"id"`
	Name  string        `json:"name"`
	Level dossier.Level `json:"level"`
}

func runCheck(ctx context.Context, args []string) error {
	c := newFlags("check")
	asJSON := c.fs.Bool("json", false, "print JSON lines (cli.md)")
	cfg, now, paths, err := c.prepare(args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return usagef("name at least one file or folder: dossier check [--json] PATH...")
	}
	ext, err := newExtractor(cfg, true, nil)
	if err != nil {
		return err
	}
	defer ext.Close()
	svc := service.New(service.Config{Registry: cfg.Registry, Programme: cfg.Programme, Workers: cfg.Workers,
		Evaluator: process.New(ext, cfg.Registry, cfg.Programme, int64(cfg.Limits.MaxFileSize))})
	ctx, cancel := context.WithCancel(ctx) // a failed write stops the workers
	defer cancel()
	results, err := svc.Check(ctx, paths, now)
	if errors.Is(err, service.ErrBadPath) {
		return usageError{err}
	}
	if err != nil {
		return err
	}
	for r := range results {
		if *asJSON {
			err = writeJSONLine(os.Stdout, toLine(r.Doc, r.File.Path, cfg.Registry))
		} else {
			err = writeHuman(os.Stdout, r.Doc, r.File.Path, cfg.Registry)
		}
		if err != nil {
			return fmt.Errorf("write result: %w", err)
		}
	}
	return ctx.Err()
}

// newExtractor makes the process's extractor. The PDFium compile cache
// and the OCR results live under --data; a dry run that finds no data
// folder uses the user's cache folder instead, so check stores nothing in
// the project. ocrCache nil: OCR results go to that cache folder's files.
func newExtractor(cfg config.Config, dryRun bool, ocrCache extract.OCRCache) (*extract.Extractor, error) {
	base := filepath.Join(cfg.Data, "cache")
	if _, err := os.Stat(cfg.Data); dryRun && err != nil {
		base = ""
		if uc, err := os.UserCacheDir(); err == nil {
			base = filepath.Join(uc, "dossier")
		}
	}
	cache, scan := "", extract.ScanOptions{}
	if base != "" {
		cache = filepath.Join(base, "pdfium")
		if ocrCache == nil {
			ocrCache = extract.FileCache{Dir: filepath.Join(base, "ocr")}
		}
		if eng, err := newOCR(cfg, filepath.Join(base, "tmp", "ocr")); err == nil {
			scan = scanOptions(cfg, eng, ocrCache)
		}
	}
	return extract.New(extract.Options{
		CacheDir:       cache,
		MaxFileSize:    int64(cfg.Limits.MaxFileSize),
		MaxUnzipSize:   int64(cfg.Limits.MaxUnzipSize),
		MaxPages:       cfg.Limits.MaxPages,
		Timeout:        cfg.Limits.Timeout.D(),
		Workers:        cfg.Workers,
		Interruptible:  cfg.Limits.PDFInterruptible,
		MaxPixels:      cfg.Limits.MaxPixels,
		MaxCells:       cfg.Limits.MaxCells,
		MaxPageObjects: cfg.Limits.MaxPageObjects,
		Convert:        legacyConverter(cfg),
		Scan:           scan,
	})
}

// legacyConverter re-saves legacy .doc/.wps/.et/.xls with LibreOffice so
// they can be read; nil (F001 with re-save advice) when it is off or not
// installed. Each process has its own temporary LibreOffice profile, so
// parse workers never share one.
func legacyConverter(cfg config.Config) extract.Converter {
	c, err := convert.New(convert.Options{Soffice: cfg.Convert.Soffice, Timeout: cfg.Convert.Timeout.D()})
	if err != nil || c == nil {
		return nil
	}
	return c
}

func toLine(d dossier.Document, file string, reg dossier.Registry) checkLine {
	l := checkLine{
		File: file, SHA256: d.SHA256, Kind: d.Kind, Fields: d.Fields, Findings: d.Findings,
		Verdict: d.Verdict, Format: d.Format, Size: d.Size, Pages: d.Pages, Images: d.Images, Invalid: d.Invalid,
		Confidence: d.Confidence, Sources: d.Sources,
	}
	if !d.Received.IsZero() {
		l.Received = d.Received.Format(time.RFC3339)
	}
	if l.Fields == nil {
		l.Fields = dossier.Fields{}
	}
	if l.Findings == nil {
		l.Findings = []dossier.Finding{}
	}
	if t, ok := reg.ByID(d.TeamID); ok {
		l.Team = &teamRef{ID: t.ID, Name: t.Name, Level: t.Level}
	}
	return l
}

func writeJSONLine(w io.Writer, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// writeHuman prints a file's decision for a person: verdict, team, kind,
// then each finding.
func writeHuman(w io.Writer, d dossier.Document, file string, reg dossier.Registry) error {
	team := "未识别服务团"
	if t, ok := reg.ByID(d.TeamID); ok {
		team = t.ID + " " + t.Name
	}
	if _, err := fmt.Fprintf(w, "%s  %s\n    %s · %s\n", d.Verdict.Label(), file, team, d.Kind.Label()); err != nil {
		return err
	}
	for _, f := range d.Findings {
		if _, err := fmt.Fprintf(w, "    [%s %s] %s\n", f.Rule, f.Severity.Label(), f.Message); err != nil {
			return err
		}
	}
	return nil
}

package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync/atomic"

	"dossier/config"
	"dossier/convert"
	"dossier/extract"
	"dossier/extract/ocr"
)

// newOCR starts the OCR engine (the tesseract command) for scans and
// photographed forms. It returns nil, and why, when OCR is off or
// tesseract is not installed: scans then wait for a clerk (F009).
func newOCR(cfg config.Config, tmp string) (*ocr.Engine, error) {
	_ = ocr.SweepTemp(tmp) // a killed run's page images
	return ocr.New(context.Background(), ocr.Config{Tesseract: cfg.OCR.Tesseract, Languages: cfg.OCR.Languages,
		PageTimeout: cfg.OCR.PageTimeout.D(), Workers: cfg.OCR.Workers, TempDir: tmp})
}

// scanOptions is the OCR part of the extractor's options; cache keeps
// results by SHA-256 so a file is never read twice.
func scanOptions(cfg config.Config, eng *ocr.Engine, cache extract.OCRCache) extract.ScanOptions {
	return extract.ScanOptions{Engine: eng, Cache: cache, MaxPages: cfg.OCR.MaxPages, DPI: cfg.OCR.DPI,
		MinConfidence: cfg.OCR.MinConfidence}
}

// ledgerCache is the daemon's OCR cache: the ledger, once it is open (the
// extractor is made first); until then a file cache under the data folder.
type ledgerCache struct {
	led  atomic.Pointer[extract.OCRCache]
	file extract.FileCache
}

func (c *ledgerCache) use(l extract.OCRCache) { c.led.Store(&l) }

func (c *ledgerCache) cache() extract.OCRCache {
	if p := c.led.Load(); p != nil {
		return *p
	}
	return c.file
}

func (c *ledgerCache) GetOCR(ctx context.Context, key string) ([]byte, bool, error) {
	return c.cache().GetOCR(ctx, key)
}

func (c *ledgerCache) PutOCR(ctx context.Context, key string, value []byte) error {
	return c.cache().PutOCR(ctx, key, value)
}

// ocrState is what `dossier config` says about OCR.
func ocrState(cfg config.Config) string {
	dir, err := os.MkdirTemp("", "dossier-ocr-probe-")
	if err != nil {
		return "ocr: off — " + err.Error()
	}
	defer os.RemoveAll(dir)
	eng, err := newOCR(cfg, filepath.Join(dir, "ocr"))
	if err != nil {
		return "ocr: off — " + err.Error()
	}
	return "ocr: on — " + eng.Describe()
}

// convertState is what `dossier config` says about LibreOffice.
func convertState(cfg config.Config) string {
	c, err := convert.New(convert.Options{Soffice: cfg.Convert.Soffice, Timeout: cfg.Convert.Timeout.D()})
	if err != nil || c == nil {
		return fmt.Sprintf("convert: off — %v (apt-get install libreoffice-writer libreoffice-calc: Word originals in the package as pages, legacy .doc/.wps/.et read)", err)
	}
	return "convert: on — LibreOffice (Word originals as PDF pages, legacy .doc/.wps/.et read)"
}

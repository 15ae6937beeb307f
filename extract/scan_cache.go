package extract

import (
	"context"
	"encoding/json"
	"fmt"
	"image"
	"os"
	"path/filepath"
	"strings"

	"dossier/extract/ocr"
)

// OCRCache keeps OCR results between runs, so that a restart or a
// re-check never reads the same page of the same file twice. Keys say
// everything the result depends on (see ocrKey). The ledger implements
// it; FileCache is for runs without a ledger.
type OCRCache interface {
	GetOCR(ctx context.Context, key string) ([]byte, bool, error)
	PutOCR(ctx context.Context, key string, value []byte) error
}

// ocrKey: the file's SHA-256, the page, the resolution and the engine's
// version key (tesseract version, languages, pipeline).
func ocrKey(sha string, page, dpi int, src string, engine *ocr.Engine) string {
	return fmt.Sprintf("%s/p%d/%s%ddpi/%s", sha, page, src, dpi, engine.Key())
}

// ocrPage returns page's OCR reading from the cache, or prepares it with
// prepare (ocr.Engine.Prepare of the rendered page), reads it and stores
// it. A cache failure only costs a re-read. src says where the image comes
// from ("jpeg": the page's own scan, "img": an image file, "" rendered),
// as part of the key.
func (e *Extractor) ocrPage(ctx context.Context, sha string, page int, src string, opt ScanOptions, prepare func() (ocr.Prepared, error)) (ocr.Page, bool, error) {
	key := ocrKey(sha, page, opt.DPI, src, opt.Engine)
	if c, ok := cachedOCR(ctx, opt, key); ok {
		if c.Frames == nil {
			// an entry from before check boxes were measured: measure them
			// now (no OCR) and keep them
			pr, err := prepare()
			if err != nil {
				return ocr.Page{}, false, fmt.Errorf("render page %d: %w", page, err)
			}
			c.Frames = ocr.PageFrames(pr.Gray, opt.DPI)
			if raw, err := json.Marshal(c); err == nil {
				_ = opt.Cache.PutOCR(ctx, key, raw)
			}
		}
		return c.page(), true, nil
	}
	pr, err := prepare()
	if err != nil {
		return ocr.Page{}, false, fmt.Errorf("render page %d: %w", page, err)
	}
	pg, err := opt.Engine.Read(ctx, pr)
	if err != nil {
		return ocr.Page{}, false, err
	}
	if opt.Cache != nil {
		if raw, err := json.Marshal(cachePage(pg)); err == nil {
			_ = opt.Cache.PutOCR(ctx, key, raw) // best effort: the reading stands without it
		}
	}
	return pg, false, nil
}

// cachedOCR is the cache's entry under key, if it has a readable one.
func cachedOCR(ctx context.Context, opt ScanOptions, key string) (cachedPage, bool) {
	if opt.Cache == nil {
		return cachedPage{}, false
	}
	raw, ok, err := opt.Cache.GetOCR(ctx, key)
	if err != nil || !ok {
		return cachedPage{}, false
	}
	var c cachedPage
	if json.Unmarshal(raw, &c) != nil {
		return cachedPage{}, false
	}
	return c, true
}

// prepareNow returns a func that renders and prepares a page for
// tesseract when called.
func prepareNow(engine *ocr.Engine, dpi int, render func() (image.Image, error)) func() (ocr.Prepared, error) {
	return func() (ocr.Prepared, error) {
		img, err := render()
		if err != nil {
			return ocr.Prepared{}, err
		}
		return engine.Prepare(img, dpi), nil
	}
}

// cachedPage is what the cache keeps of a page: tesseract's words (the
// lines are rebuilt from them, so a change in how lines are laid out
// needs no new OCR run).
type cachedPage struct {
	Words         []ocr.Word
	Lines         []ocr.Line `json:",omitempty"` // an older entry's form
	Width, Height int
	Skew          float64
	Frames        []ocr.Frame // null in an entry made before they were measured
}

func cachePage(pg ocr.Page) cachedPage {
	c := cachedPage{Width: pg.Width, Height: pg.Height, Skew: pg.Skew, Frames: pg.Frames}
	for _, l := range pg.Lines {
		c.Words = append(c.Words, l.Words...)
	}
	return c
}

func (c cachedPage) page() ocr.Page {
	words := c.Words
	for _, l := range c.Lines {
		words = append(words, l.Words...)
	}
	return ocr.Page{Lines: ocr.BuildLines(words), Width: c.Width, Height: c.Height, Skew: c.Skew, Frames: c.Frames}
}

// FileCache is an OCRCache in a folder (e.g. data/cache/ocr), one file per
// key, for `dossier check` without a ledger.
type FileCache struct{ Dir string }

var _ OCRCache = FileCache{}

func (c FileCache) path(key string) string {
	return filepath.Join(c.Dir, strings.NewReplacer("/", "_", "|", "_", " ", "_", "(", "", ")", "").Replace(key)+".json")
}

// GetOCR reads the entry for key.
func (c FileCache) GetOCR(_ context.Context, key string) ([]byte, bool, error) {
	b, err := os.ReadFile(c.path(key))
	if os.IsNotExist(err) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("read ocr cache: %w", err)
	}
	return b, true, nil
}

// PutOCR writes the entry for key (through a temporary file and a rename,
// so a crash never leaves half an entry).
func (c FileCache) PutOCR(_ context.Context, key string, value []byte) error {
	if err := os.MkdirAll(c.Dir, 0o755); err != nil {
		return fmt.Errorf("create ocr cache folder: %w", err)
	}
	f, err := os.CreateTemp(c.Dir, ".tmp-*")
	if err != nil {
		return fmt.Errorf("write ocr cache: %w", err)
	}
	if _, err := f.Write(value); err != nil {
		f.Close()
		os.Remove(f.Name())
		return fmt.Errorf("write ocr cache: %w", err)
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("write ocr cache: %w", err)
	}
	if err := os.Rename(f.Name(), c.path(key)); err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("write ocr cache: %w", err)
	}
	return nil
}

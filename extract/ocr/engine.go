package ocr

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// Sentinel errors.
var (
	ErrUnavailable = errors.New("ocr: tesseract is not available")
	ErrTimeout     = errors.New("ocr: tesseract took too long on a page")
)

// Config configures an Engine. Zero values take the defaults.
type Config struct {
	Tesseract   string        // path; "" = "tesseract" on PATH; "off" = OCR disabled
	Languages   string        // tesseract -l, default chi_sim (its model reads digits and Latin too; chi_sim+eng read small Han text as Latin)
	PageTimeout time.Duration // per page, default 60 s
	Workers     int           // tesseract processes at once, default 1
	TempDir     string        // where page images are written; "" = os.TempDir()
}

// Defaults.
const (
	DefaultLanguages   = "chi_sim"
	DefaultPageTimeout = 60 * time.Second
	DefaultWorkers     = 1
	// PipelineVersion changes whenever page preparation or line rebuilding
	// changes what is read, so cached results are not reused across it.
	// ocr-10: rules cleared (ClearGrid), table pages read as one block,
	// no inverted rereading (ocr-5 to ocr-9 were experiments: their cache
	// entries must not be taken). ocr-11: check-box frames traced at gray
	// 176, table lines left out, frames with a straight inner stroke (回,
	// 国) dropped.
	PipelineVersion = "ocr-11"
)

// Engine runs tesseract. The zero value is not usable; use New.
type Engine struct {
	cfg     Config
	path    string // resolved tesseract binary
	version string // first line of tesseract --version
	slots   chan struct{}
	langs   map[string]bool // installed languages
}

// New resolves the tesseract binary and checks that it runs and has the
// configured languages. With Tesseract "off" it returns ErrUnavailable; a
// missing binary or language wraps ErrUnavailable with the reason.
func New(ctx context.Context, cfg Config) (*Engine, error) {
	if cfg.Languages == "" {
		cfg.Languages = DefaultLanguages
	}
	if cfg.PageTimeout <= 0 {
		cfg.PageTimeout = DefaultPageTimeout
	}
	if cfg.Workers <= 0 {
		cfg.Workers = DefaultWorkers
	}
	if cfg.TempDir == "" {
		cfg.TempDir = os.TempDir()
	}
	if strings.EqualFold(cfg.Tesseract, "off") {
		return nil, fmt.Errorf("%w: ocr.tesseract is off", ErrUnavailable)
	}
	name := cfg.Tesseract
	if name == "" {
		name = "tesseract"
	}
	path, err := exec.LookPath(name)
	if err != nil {
		return nil, fmt.Errorf("%w: %s not found (apt-get install tesseract-ocr tesseract-ocr-chi-sim)", ErrUnavailable, name)
	}
	if err := os.MkdirAll(cfg.TempDir, 0o700); err != nil {
		return nil, fmt.Errorf("create ocr temp folder: %w", err)
	}
	e := &Engine{cfg: cfg, path: path, slots: make(chan struct{}, cfg.Workers)}
	if err := e.probe(ctx); err != nil {
		return nil, err
	}
	return e, nil
}

// probe runs tesseract --version and --list-langs.
func (e *Engine) probe(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	out, err := e.run(ctx, "--version")
	if err != nil {
		return fmt.Errorf("%w: run %s --version: %v", ErrUnavailable, e.path, err)
	}
	e.version, _, _ = strings.Cut(strings.TrimSpace(string(out)), "\n")
	out, err = e.run(ctx, "--list-langs")
	if err != nil {
		return fmt.Errorf("%w: run %s --list-langs: %v", ErrUnavailable, e.path, err)
	}
	have := map[string]bool{}
	for _, l := range strings.Split(string(out), "\n") {
		have[strings.TrimSpace(l)] = true
	}
	e.langs = have
	for _, lang := range strings.Split(e.cfg.Languages, "+") {
		if !have[lang] {
			return fmt.Errorf("%w: language %s is not installed (apt-get install tesseract-ocr-%s)",
				ErrUnavailable, lang, strings.ReplaceAll(lang, "_", "-"))
		}
	}
	return nil
}

// Describe says what the engine is, for `dossier config` and the logs:
// "tesseract 5.3.0 (/usr/bin/tesseract), chi_sim+eng".
func (e *Engine) Describe() string {
	return fmt.Sprintf("%s (%s), %s", e.version, e.path, e.cfg.Languages)
}

// Key identifies what a page read gives: tesseract's version, the
// languages and the pipeline; a cache keys results by it and the file.
func (e *Engine) Key() string {
	return e.version + "|" + e.cfg.Languages + "|" + PipelineVersion
}

// Config returns the engine's effective configuration.
func (e *Engine) Config() Config { return e.cfg }

// Recognize prepares img (red ink removed, deskewed, grayscale) and reads
// it with its ruling lines cleared (ClearGrid); the check boxes are
// measured on the page before that. A page whose rules make a table is
// read as one block of lines (tesseract --psm 6): its automatic layout
// analysis cuts a cleared table into a label column and a value column
// and drops the value column's lone short numbers. dpi is the image's
// resolution (0 = unknown, taken as 300). Recognize is Read(Prepare).
func (e *Engine) Recognize(ctx context.Context, img image.Image, dpi int) (Page, error) {
	return e.Read(ctx, e.Prepare(img, dpi))
}

// Prepared is a page made ready for tesseract: its Go work done, so that
// a caller can prepare the next page while tesseract reads this one.
type Prepared struct {
	Gray  *image.Gray // red ink dropped, turned straight
	clean *image.Gray // Gray with its ruling lines cleared
	table bool        // its rules make a table
	angle float64
	dpi   int
}

// Prepare does Recognize's work before tesseract; it runs no process and
// may run beside Read.
func (e *Engine) Prepare(img image.Image, dpi int) Prepared {
	gray, angle := PreparePage(img)
	clean, grid := ClearGrid(gray, dpi)
	return Prepared{Gray: gray, clean: clean, table: grid.Table(), angle: angle, dpi: dpi}
}

// Read runs tesseract on a prepared page and lays out its lines; the
// check boxes are measured while tesseract reads (its one thread leaves
// the other core free).
func (e *Engine) Read(ctx context.Context, p Prepared) (Page, error) {
	psm := ""
	if p.table {
		psm = "6"
	}
	frames := make(chan []Frame, 1)
	go func() { frames <- PageFrames(p.Gray, p.dpi) }()
	words, err := e.words(ctx, p.clean, p.dpi, psm)
	fr := <-frames
	if err != nil {
		return Page{}, err
	}
	b := p.Gray.Bounds()
	return Page{Lines: BuildLines(words), Width: b.Dx(), Height: b.Dy(), Skew: p.angle, Frames: fr}, nil
}

// PreparePage is what Recognize reads: img in grayscale with red ink
// dropped (Prepare), turned straight (Skew); angle is the turn in degrees.
func PreparePage(img image.Image) (gray *image.Gray, angle float64) {
	gray = Prepare(img)
	angle = Skew(gray)
	if abs(angle) >= 0.1 {
		gray = Rotate(gray, angle)
	}
	return gray, angle
}

// PageFrames finds a prepared page's check boxes: square frames of 1 to 6
// mm a side (the forms' boxes are about 3 mm); dpi 0 is taken as 300.
func PageFrames(gray *image.Gray, dpi int) []Frame {
	if dpi <= 0 {
		dpi = 300
	}
	f := FindFrames(gray, max(dpi/25, 4), dpi/4)
	if f == nil {
		f = []Frame{} // measured, none found
	}
	return f
}

// Words runs tesseract on a prepared grayscale image and returns its
// words with their characters (hOCR with character boxes).
func (e *Engine) Words(ctx context.Context, gray *image.Gray, dpi int) ([]Word, error) {
	return e.words(ctx, gray, dpi, "")
}

// words is Words with tesseract's page segmentation mode psm ("" = its
// default, 3: automatic layout analysis).
func (e *Engine) words(ctx context.Context, gray *image.Gray, dpi int, psm string) ([]Word, error) {
	if dpi <= 0 {
		dpi = 300
	}
	f, err := os.CreateTemp(e.cfg.TempDir, "ocr-*.pgm")
	if err != nil {
		return nil, fmt.Errorf("create ocr page file: %w", err)
	}
	defer os.Remove(f.Name())
	if err := writePGM(f, gray); err != nil {
		f.Close()
		return nil, fmt.Errorf("write ocr page file: %w", err)
	}
	if err := f.Close(); err != nil {
		return nil, fmt.Errorf("write ocr page file: %w", err)
	}
	select {
	case e.slots <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-e.slots }()
	pctx, cancel := context.WithTimeout(ctx, e.cfg.PageTimeout)
	defer cancel()
	args := []string{f.Name(), "stdout", "-l", e.cfg.Languages, "--dpi", fmt.Sprint(dpi)}
	if psm != "" {
		args = append(args, "--psm", psm)
	}
	// tessedit_do_invert=0: no second reading of a doubtful word as white
	// on black (forms have none; it costs 5–10 % of a page's time)
	args = append(args, "-c", "tessedit_do_invert=0", "-c", "preserve_interword_spaces=1", "-c", "hocr_char_boxes=1", "hocr")
	out, err := e.run(pctx, args...)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if pctx.Err() != nil {
			return nil, fmt.Errorf("%w (%s)", ErrTimeout, e.cfg.PageTimeout)
		}
		return nil, fmt.Errorf("run tesseract: %w", err)
	}
	if !bytes.Contains(out[:min(len(out), 512)], []byte("<")) {
		return ParseTSV(bytes.NewReader(out)) // a tesseract (or a stand-in) that answers in TSV
	}
	return ParseHOCR(bytes.NewReader(out))
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

// SweepTemp removes page files a killed process left in dir (ocr-*.pgm).
// Call it at start, before any Engine on dir runs.
func SweepTemp(dir string) error {
	matches, err := filepath.Glob(filepath.Join(dir, "ocr-*.pgm"))
	if err != nil {
		return fmt.Errorf("sweep ocr temp files: %w", err)
	}
	var errs []error
	for _, m := range matches {
		if err := os.Remove(m); err != nil && !os.IsNotExist(err) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

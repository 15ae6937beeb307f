package extract

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"dossier"
)

// Sentinel errors, one per intake rule. Extract wraps them with a short
// English reason; match them with errors.Is.
var (
	ErrUnsupported = errors.New("extract: unsupported file type")         // F001
	ErrLegacy      = errors.New("extract: legacy office format")          // F001, with re-save advice
	ErrCorrupt     = errors.New("extract: file cannot be read")           // F002
	ErrPassword    = errors.New("extract: file needs a password")         // F003
	ErrEmpty       = errors.New("extract: file is empty")                 // F004
	ErrTooLarge    = errors.New("extract: file is larger than the limit") // F005
)

// Options are the limits and resources of an Extractor. Zero values take
// the defaults.
type Options struct {
	CacheDir     string        // wazero compilation cache dir; "" = no disk cache
	MaxFileSize  int64         // default 50 MiB (F005)
	MaxUnzipSize int64         // default 200 MiB, total unpacked size of a workbook
	MaxXMLSize   int64         // default 16 MiB, a worksheet XML kept in memory
	MaxPages     int           // default 500
	Timeout      time.Duration // per file, default 60 s
	Workers      int           // PDFium instances, default 2
	// Interruptible compiles PDFium with wazero's termination checks, so a
	// time-out stops a call inside PDFium at once, at about 3× the
	// extraction time. Without it a timed-out call runs on to the end of
	// its current page in the background, holding its pool slot.
	// Process-wide, like the pool: the first PDF's Extractor decides.
	Interruptible bool
	// Convert re-saves a legacy .doc/.wps/.et/.xls as .docx/.xlsx to read
	// it (package convert's *Converter); nil: F001 with re-save advice.
	Convert        Converter
	MaxPixels      int64 // default 50 MP: an image's width×height from its header (F005)
	MaxCells       int64 // default 2M: a worksheet's declared or read cells (F005)
	MaxPageObjects int   // default 200k: objects and text operators of one PDF page (F005)
	// TmpDir holds the readers' temporary files (excelize spills large
	// sheets there) and the count of reads that timed out or crashed, per
	// content (a poison file is set aside after two). "" = "tmp" beside
	// CacheDir (data/cache/tmp), or the system's temporary folder and no
	// count without a CacheDir. New sweeps temporary files left there by
	// a killed process.
	TmpDir string
	// Scan reads scans by OCR (scan.go); a nil Scan.Engine leaves them F009.
	Scan ScanOptions
}

// Defaults.
const (
	DefaultMaxFileSize  = 50 << 20
	DefaultMaxUnzipSize = 200 << 20
	DefaultMaxXMLSize   = 16 << 20
	DefaultMaxPages     = 500
	DefaultTimeout      = 60 * time.Second
	DefaultWorkers      = 2
	DefaultMaxPixels    = 50_000_000
	DefaultMaxCells     = 2_000_000
	DefaultMaxPageObjs  = 200_000
)

func (o Options) withDefaults() Options {
	if o.MaxFileSize <= 0 {
		o.MaxFileSize = DefaultMaxFileSize
	}
	if o.MaxUnzipSize <= 0 {
		o.MaxUnzipSize = DefaultMaxUnzipSize
	}
	if o.MaxXMLSize <= 0 {
		o.MaxXMLSize = DefaultMaxXMLSize
	}
	if o.MaxPages <= 0 {
		o.MaxPages = DefaultMaxPages
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.Workers <= 0 {
		o.Workers = DefaultWorkers
	}
	if o.MaxPixels <= 0 {
		o.MaxPixels = DefaultMaxPixels
	}
	if o.MaxCells <= 0 {
		o.MaxCells = DefaultMaxCells
	}
	if o.MaxPageObjects <= 0 {
		o.MaxPageObjects = DefaultMaxPageObjs
	}
	return o
}

// Result is what Extract read from one file.
type Result struct {
	Format    dossier.Format
	Kind      dossier.Kind
	Fields    dossier.Fields
	Invalid   map[string]string
	Pages     int
	Images    int
	TextChars int
	Scanned   bool // a PDF with (almost) no text layer but images or drawings: F009
	Blank     bool // a PDF with (almost) no text, no images, no drawings: Kind is unknown (F007)
	Decrypted bool // an owner-password-only PDF read without a password
	// OCR, Confidence and Sources: what OCR read of a scan (scan.go).
	OCR        *ScanRead
	Confidence map[string]float64
	Sources    map[string]dossier.Source
}

// Extractor reads files. It is cheap to create; PDFium is initialised on
// the first PDF, once per process, and its pool is kept for the process.
type Extractor struct {
	opt       Options
	xlsxSlots chan struct{} // workbook readers running, abandoned ones included
}

// New returns an Extractor with opt's limits (zero fields take defaults).
func New(opt Options) (*Extractor, error) {
	opt = opt.withDefaults()
	if opt.CacheDir != "" {
		// A cache that cannot be made (a full disk) is not fatal: PDFium
		// then compiles in memory (pdfiumPool).
		_ = os.MkdirAll(opt.CacheDir, 0o755)
	}
	if opt.TmpDir == "" && opt.CacheDir != "" {
		opt.TmpDir = filepath.Join(filepath.Dir(filepath.Clean(opt.CacheDir)), "tmp")
	}
	if opt.TmpDir != "" {
		_ = os.MkdirAll(opt.TmpDir, 0o755) // if it cannot be made, the read that needs it is our own trouble
		sweepOld(opt.TmpDir, 2*opt.Timeout+time.Minute)
	}
	return &Extractor{opt: opt, xlsxSlots: make(chan struct{}, opt.Workers)}, nil
}

// Options returns the Extractor's effective options.
func (e *Extractor) Options() Options { return e.opt }

// Close releases the Extractor. The process-wide PDFium pool stays
// alive for other Extractors; it ends with the process.
func (e *Extractor) Close() error { return nil }

// Extract reads the file at path: sniffs its format, checks the limits,
// reads it and parses its kind and fields. Errors wrap one of the
// sentinels. It never panics and returns within opt.Timeout (plus the
// first PDF's PDFium start-up).
func (e *Extractor) Extract(ctx context.Context, path string) (Result, error) {
	return e.ExtractAs(ctx, path, filepath.Base(path))
}

// ExtractAs is Extract for a file whose name as the unit gave it differs
// from the name it has on disk (the daemon's work area prefixes an id):
// name is what the kind and caption hints read.
func (e *Extractor) ExtractAs(ctx context.Context, path, name string) (res Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			notePanic(r)
			res, err = Result{}, fmt.Errorf("%w: internal panic: %v", ErrCorrupt, r)
		}
	}()
	// Untrusted path: no link followed, no FIFO or device waited on.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0)
	if err != nil {
		return Result{}, fmt.Errorf("%w: open %s: %v", ErrCorrupt, filepath.Base(path), err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return Result{}, fmt.Errorf("stat %s: %w", filepath.Base(path), err)
	}
	if !st.Mode().IsRegular() {
		return Result{}, fmt.Errorf("%w: not a regular file (%s)", ErrUnsupported, st.Mode().Type())
	}
	size := st.Size()
	if size == 0 {
		return Result{}, fmt.Errorf("%w: 0 bytes", ErrEmpty)
	}
	if size > e.opt.MaxFileSize {
		return Result{}, fmt.Errorf("%w: %d bytes, the limit is %d", ErrTooLarge, size, e.opt.MaxFileSize)
	}
	format, err := e.classify(f, size, name)
	if errors.Is(err, ErrLegacy) && e.canConvert() {
		return e.extractLegacy(ctx, f, name) // docx_legacy.go: LibreOffice re-saves it
	}
	if err != nil {
		return Result{Format: format}, err
	}
	data, err := io.ReadAll(io.LimitReader(f, e.opt.MaxFileSize+1))
	if err != nil {
		return Result{Format: format}, fmt.Errorf("read %s: %w", name, err)
	}
	if int64(len(data)) > e.opt.MaxFileSize {
		return Result{Format: format}, fmt.Errorf("%w: the file grew past the limit while being read", ErrTooLarge)
	}
	if len(data) == 0 {
		return Result{Format: format}, fmt.Errorf("%w: 0 bytes", ErrEmpty)
	}
	ctx, cancel := context.WithTimeout(ctx, e.opt.Timeout)
	defer cancel()
	att := attempts{dir: attemptsDir(e.opt.TmpDir)}
	key, n, poisoned := att.begin(data)
	if poisoned {
		return Result{Format: format}, poisonError(n)
	}
	res, err = e.ExtractBytes(ctx, format, name, data)
	if !errors.Is(err, errReadTimeout) || !errors.Is(ctx.Err(), context.DeadlineExceeded) {
		att.end(key) // read to a verdict (or stopped by our own trouble): not the file's fault
	}
	if err == nil {
		health.clear()
	}
	return res, err
}

// ExtractBytes reads data already known to be of format (pdf, xlsx,
// jpeg or png) and parses it; name is the file's base name, a hint.
func (e *Extractor) ExtractBytes(ctx context.Context, format dossier.Format, name string, data []byte) (res Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			notePanic(r)
			res, err = Result{Format: format}, fmt.Errorf("%w: internal panic: %v", ErrCorrupt, r)
		}
	}()
	res.Format = format
	switch format {
	case dossier.FormatPDF:
		t, err := e.ReadPDF(ctx, data)
		if err != nil {
			return res, err
		}
		res.Pages, res.Images, res.TextChars = t.Pages, t.Images, t.TextChars
		res.Decrypted, res.Scanned, res.Blank = t.Decrypted, t.Scanned(), t.Blank()
		if res.Blank {
			// Nothing to read and nothing for a clerk to look at: whatever
			// the file name says, its kind cannot be identified.
			res.Kind = dossier.KindUnknown
			break
		}
		out := runParse(parseInput{Name: name, Text: t.Text, Pages: t.Pages, Images: t.Images})
		res.take(out)
		e.ocrPDF(ctx, name, data, t, &res)
	case dossier.FormatXLSX:
		sheets, err := e.ReadXLSX(ctx, data)
		if err != nil {
			return res, err
		}
		for _, s := range sheets {
			for _, row := range s.Rows {
				for _, c := range row {
					res.TextChars += nonSpace(c)
				}
			}
		}
		out := runParse(parseInput{Name: name, Sheets: sheets})
		res.take(out)
	case dossier.FormatDOCX:
		if err := e.readDocx(ctx, name, data, &res); err != nil {
			return res, err
		}
	case dossier.FormatJPEG, dossier.FormatPNG:
		if err := checkImage(data, format, e.opt.MaxPixels); err != nil {
			return res, err
		}
		res.Images = 1
		out := runParse(parseInput{Name: name, Images: 1, IsImage: true})
		res.Kind, res.Fields, res.Invalid = out.Kind, out.Fields, out.Invalid
		e.ocrImage(ctx, name, data, &res)
	default:
		return res, fmt.Errorf("%w: format %q", ErrUnsupported, format)
	}
	if res.Fields == nil {
		res.Fields = dossier.Fields{}
	}
	if res.Kind == "" {
		res.Kind = dossier.KindUnknown
	}
	return res, nil
}

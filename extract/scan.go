package extract

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	"reflect"
	"strings"
	"sync"
	"time"

	"dossier"
	"dossier/extract/ocr"
	"dossier/extract/parse"
)

// ScanOptions configure reading scans by OCR (F012). With a nil Engine,
// scans are not read (F009, as before).
type ScanOptions struct {
	Engine   *ocr.Engine
	Cache    OCRCache // nil = no cache
	MaxPages int      // pages OCR'd per document, default 20
	DPI      int      // PDF pages are rendered at most at this resolution, default 300
	// MinDPI: a scanned page is rendered at the resolution it was scanned
	// at, but not below MinDPI (default 150) nor above DPI.
	MinDPI        int
	MinConfidence float64 // ocr.min_confidence, carried in ScanRead for the rules; default 0.80
}

// Scan defaults.
const (
	DefaultOCRMaxPages      = 20
	DefaultOCRDPI           = 300
	DefaultOCRMinDPI        = 150
	DefaultOCRMinConfidence = 0.80
)

func (o ScanOptions) withDefaults() ScanOptions {
	if o.MaxPages <= 0 {
		o.MaxPages = DefaultOCRMaxPages
	}
	if o.DPI <= 0 {
		o.DPI = DefaultOCRDPI
	}
	if o.MinDPI <= 0 {
		o.MinDPI = DefaultOCRMinDPI
	}
	if o.MinConfidence <= 0 {
		o.MinConfidence = DefaultOCRMinConfidence
	}
	return o
}

// ScanRead says what OCR read of a document (Result.OCR): nil when the
// document needed no OCR.
type ScanRead struct {
	Pages         []int   // 1-based pages read by OCR
	NotRead       int     // pages without a text layer left unread (beyond MaxPages)
	Cached        int     // pages whose reading came from the cache
	MinConfidence float64 // the threshold F012 applies
	Engine        string  // what read them (tesseract version, languages)
	// Garbled counts the lines OCR could not make out (three words or
	// more, most read with confidence below garbledConf): where a page has
	// such lines, a field not read may be there unread, not blank.
	Garbled int
	// Problem is why OCR did not read the document ("" = it did): OCR
	// off or missing, a time-out. The document is then F009 as before.
	Problem string
}

// Read reports whether OCR read at least one page.
func (s *ScanRead) Read() bool { return s != nil && len(s.Pages) > 0 && s.Problem == "" }

// ocrLine is one line of a document being located: its page and, for an
// OCR'd page, its words.
type ocrLine struct {
	page int
	line ocr.Line
}

// ocrPDF reads a PDF's pages that have no text layer by OCR, when an
// engine is configured, the document is not blank and not a photo
// document, and re-parses the text of all pages together. res is updated
// in place; a failure leaves it as it was with res.OCR.Problem set.
func (e *Extractor) ocrPDF(ctx context.Context, name string, data []byte, t PDFText, res *Result) {
	if res.Blank || res.Kind == dossier.KindPhotos || t.Images == 0 {
		return // a PDF without a single image has no scanned page
	}
	texts := strings.Split(t.Text, "\f")
	var need []int
	for i, s := range texts {
		if nonSpace(s) < scanCharsPerPage {
			need = append(need, i+1)
		}
	}
	if len(need) == 0 {
		return
	}
	opt := e.opt.Scan.withDefaults()
	sr := &ScanRead{MinConfidence: opt.MinConfidence}
	res.OCR = sr
	if opt.Engine == nil {
		sr.Problem = "ocr is off (tesseract not found or ocr.tesseract: off)"
		return
	}
	sr.Engine = opt.Engine.Describe()
	if len(need) > opt.MaxPages {
		sr.NotRead = len(need) - opt.MaxPages
		need = need[:opt.MaxPages]
	}
	ctx, cancel := ocrContext(ctx, opt.Engine.Config().PageTimeout*time.Duration(len(need)+1))
	defer cancel()
	sum := sha256.Sum256(data)
	pages := map[int]ocr.Page{}
	sha := hex.EncodeToString(sum[:])
	var next func() pageRead
	for i, p := range need {
		cur := next
		if cur == nil {
			cur = e.startPage(ctx, sha, data, p, opt)
		}
		next = nil
		if i+1 < len(need) {
			next = e.startPage(ctx, sha, data, need[i+1], opt) // prepared while tesseract reads page p
		}
		pr := cur()
		pg, cached, err := e.ocrPage(ctx, sha, p, pr.src, pr.popt, pr.prepare)
		if err != nil {
			sr.Problem = fmt.Sprintf("read page %d by ocr: %v", p, err)
			return
		}
		if cached {
			sr.Cached++
		}
		pages[p] = pg
		sr.Pages = append(sr.Pages, p)
	}
	layer := append([]string(nil), texts...)
	read := func(pages map[int]ocr.Page) (string, []ocrLine, map[int][]ocr.Frame, parse.Output) {
		var lines []ocrLine
		frames := map[int][]ocr.Frame{}
		texts := append([]string(nil), layer...)
		for i := range texts {
			if pg, ok := pages[i+1]; ok {
				frames[i+1] = pg.Frames
				texts[i] = pg.Text()
				for _, l := range pg.Lines {
					lines = append(lines, ocrLine{page: i + 1, line: l})
				}
			}
		}
		text := strings.Join(texts, "\f")
		return text, lines, frames, runParse(parseInput{Name: name, Text: text, Pages: t.Pages, Images: t.Images})
	}
	pages, mended := mendLabels(pages, read) // a label's character tesseract could not make out (scan_mend.go)
	text, lines, frames, out := read(pages)
	if placed, ok := placeAmounts(pages, out, read); ok {
		pages = placed // a bare amount under a lost label, placed by the form and the sums (scan_place.go)
		text, lines, frames, out = read(pages)
	}
	source := func(p int) (string, ScanOptions, func() (image.Image, error)) { return e.pageImage(ctx, data, p, opt) }
	if fixed, ok := e.rereadAmounts(ctx, hex.EncodeToString(sum[:]), source, pages, out, opt, read); ok {
		pages = fixed
		text, lines, frames, out = read(pages)
	}
	if fixed, ok := e.rereadCounts(ctx, hex.EncodeToString(sum[:]), source, pages, out, opt, read); ok {
		pages = fixed // a survey's count under its cell's frame lines, reread as digits (scan_counts.go)
		text, lines, frames, out = read(pages)
	}
	sr.Garbled = garbled(pages)
	before := res.Fields // what the text layer alone gave
	res.Kind, res.Fields, res.Invalid = out.Kind, out.Fields, out.Invalid
	res.TextChars = nonSpace(text)
	conf, src := attribute(res.Fields, lines, frames)
	invalidConf(res.Invalid, lines, frames, conf, src)
	parserDoubt(conf, out.Confidence)
	mendedDoubt(conf, mended)
	for k, v := range before {
		// Read from the text layer, and the same with the OCR'd pages:
		// certain, not an OCR reading.
		if v != nil && reflect.DeepEqual(v, res.Fields[k]) {
			delete(conf, k)
			if s, ok := res.Sources[k]; ok {
				src[k] = s
			} else {
				delete(src, k)
			}
		}
	}
	if !anyOCR(src) && len(conf) == 0 {
		// The OCR'd pages added nothing (a signature page, a logo): the
		// document is a text PDF, not a scan.
		res.OCR, res.Confidence, res.Sources = nil, nil, nil
		if len(src) > 0 {
			res.Sources = src
		}
		return
	}
	res.Confidence, res.Sources = conf, src
}

// garbledConf: a line most of whose words tesseract read below it is
// one it could not make out (table rows merged, a column read across);
// measured on the scan sets, the samples' pages have none but under a
// seal, a ruled form's rows read as "机衣和作村放生全…" at 0–0.16.
const garbledConf = 0.30

// garbled counts the lines of pages OCR could not make out.
func garbled(pages map[int]ocr.Page) int {
	n := 0
	for _, pg := range pages {
		for _, l := range pg.Lines {
			if len(l.Words) < 3 {
				continue
			}
			low := 0
			for _, w := range l.Words {
				if w.Conf < garbledConf {
					low++
				}
			}
			if 2*low > len(l.Words) {
				n++
			}
		}
	}
	return n
}

// parserDoubt lowers conf to the parser's own doubt about a reading (a
// label with words it does not know: parse.Output.Confidence), which a
// scan's reading must carry as a text PDF's does.
func parserDoubt(conf, parser map[string]float64) {
	for k, v := range parser {
		if c, ok := conf[k]; !ok || v < c {
			conf[k] = v
		}
	}
}

func anyOCR(src map[string]dossier.Source) bool {
	for _, s := range src {
		if s.OCR {
			return true
		}
	}
	return false
}

// ocrImage reads a JPG/PNG by OCR when its name says it is a survey or an
// audit report (a photographed form), or names no kind at all and its
// text turns out to be one. Photos of activities are not read.
func (e *Extractor) ocrImage(ctx context.Context, name string, data []byte, res *Result) {
	hint := parse.DetectKind(name, "", 1, 0, false)
	if hint != dossier.KindSurvey && hint != dossier.KindAudit && hint != dossier.KindUnknown {
		return
	}
	opt := e.opt.Scan.withDefaults()
	if opt.Engine == nil {
		return // without OCR an image is a photo, as it always was
	}
	ctx, cancel := ocrContext(ctx, 2*opt.Engine.Config().PageTimeout) // the page and a digits' rereading
	defer cancel()
	sum := sha256.Sum256(data)
	decode := func() (image.Image, error) {
		img, _, err := image.Decode(bytes.NewReader(data))
		return img, err
	}
	pg, cached, err := e.ocrPage(ctx, hex.EncodeToString(sum[:]), 1, "img", opt, prepareNow(opt.Engine, opt.DPI, decode))
	sr := &ScanRead{MinConfidence: opt.MinConfidence, Engine: opt.Engine.Describe()}
	if err != nil {
		if hint == dossier.KindUnknown {
			return // a photo after all, as far as anyone can tell
		}
		res.Kind, res.OCR, res.Scanned = hint, sr, true
		sr.Problem = fmt.Sprintf("read the image by ocr: %v", err)
		return
	}
	read := func(pages map[int]ocr.Page) (string, []ocrLine, map[int][]ocr.Frame, parse.Output) {
		p := pages[1]
		var lines []ocrLine
		for _, l := range p.Lines {
			lines = append(lines, ocrLine{page: 1, line: l})
		}
		text := p.Text()
		return text, lines, map[int][]ocr.Frame{1: p.Frames}, runParse(parseInput{Name: name, Text: text, Pages: 1, Images: 1})
	}
	pages, mended := mendLabels(map[int]ocr.Page{1: pg}, read) // scan_mend.go
	text, lines, frames, out := read(pages)
	// an audit photographed: the same placing and digits' rereading as a scan
	if placed, ok := placeAmounts(pages, out, read); ok {
		pages = placed
		text, lines, frames, out = read(pages)
	}
	source := func(int) (string, ScanOptions, func() (image.Image, error)) { return "img", opt, decode }
	if fixed, ok := e.rereadAmounts(ctx, hex.EncodeToString(sum[:]), source, pages, out, opt, read); ok {
		pages = fixed
		text, lines, frames, out = read(pages)
	}
	if fixed, ok := e.rereadCounts(ctx, hex.EncodeToString(sum[:]), source, pages, out, opt, read); ok {
		pages = fixed // a survey's count under its cell's frame lines, reread as digits (scan_counts.go)
		text, lines, frames, out = read(pages)
	}
	if out.Kind != dossier.KindSurvey && out.Kind != dossier.KindAudit {
		if hint == dossier.KindUnknown {
			return // not a form: a photo
		}
		out.Kind = hint
	}
	if cached {
		sr.Cached = 1
	}
	sr.Pages = []int{1}
	sr.Garbled = garbled(pages)
	res.OCR, res.Scanned = sr, true
	res.Kind, res.Fields, res.Invalid = out.Kind, out.Fields, out.Invalid
	res.TextChars = nonSpace(text)
	res.Confidence, res.Sources = attribute(res.Fields, lines, frames)
	invalidConf(res.Invalid, lines, frames, res.Confidence, res.Sources)
	parserDoubt(res.Confidence, out.Confidence)
	mendedDoubt(res.Confidence, mended)
}

// ocrContext gives OCR its own time budget (tesseract's per-page limit
// times the pages), longer than the per-file extraction time-out, while
// still ending when the caller cancels (a shutdown).
func ocrContext(parent context.Context, budget time.Duration) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(parent), budget)
	stop := context.AfterFunc(parent, func() {
		if !errors.Is(parent.Err(), context.DeadlineExceeded) {
			cancel()
		}
	})
	return ctx, func() { stop(); cancel() }
}

// pageRead is a scanned page being made ready for OCR: where its image
// comes from (pageImage) and the image prepared for tesseract.
type pageRead struct {
	src     string
	popt    ScanOptions
	prepare func() (ocr.Prepared, error)
}

// startPage finds page p's image — its own JPEG when the page is one
// scanned image (read as scanned, at its resolution), else the page
// rendered at the resolution its largest image was scanned at — and,
// unless the cache holds its reading, prepares it, all beside the caller:
// the next page is made ready while tesseract reads the current one.
func (e *Extractor) startPage(ctx context.Context, sha string, data []byte, p int, opt ScanOptions) func() pageRead {
	ch := make(chan pageRead, 1)
	go func() {
		src, popt, render := e.pageImage(ctx, data, p, opt)
		prepare := prepareNow(popt.Engine, popt.DPI, render)
		if _, ok := cachedOCR(ctx, popt, ocrKey(sha, p, popt.DPI, src, popt.Engine)); !ok {
			pr, err := prepare()
			prepare = func() (ocr.Prepared, error) { return pr, err }
		}
		ch <- pageRead{src, popt, prepare}
	}()
	return sync.OnceValue(func() pageRead { return <-ch })
}

// pageImage says where page p's image comes from (its own JPEG, "jpeg",
// or rendered, ""), at which resolution (popt.DPI), and how to get it.
func (e *Extractor) pageImage(ctx context.Context, data []byte, p int, opt ScanOptions) (string, ScanOptions, func() (image.Image, error)) {
	s := e.scanImage(ctx, data, p)
	if s.jpeg != nil && s.dpi >= opt.MinDPI && s.dpi <= opt.DPI {
		if img, ok := decodeScan(s.jpeg); ok {
			popt := opt
			popt.DPI = s.dpi
			return "jpeg", popt, func() (image.Image, error) { return img, nil }
		}
	}
	popt := opt
	popt.DPI = renderDPI(s.dpi, opt.MinDPI, opt.DPI)
	return "", popt, func() (image.Image, error) {
		return e.RenderPDFPage(ctx, data, p, popt.DPI)
	}
}

// renderDPI renders a scanned page at the resolution it was scanned at
// (finer gives more pixels, not more detail, and slower OCR), within
// [lo, hi]; an unknown scan resolution takes hi.
func renderDPI(scan, lo, hi int) int {
	if scan <= 0 || scan > hi {
		return hi
	}
	return min(hi, max(scan, lo))
}

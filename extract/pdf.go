package extract

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"unicode"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/enums"
	pdferr "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/responses"
)

// PDFText is what PDFium reads from a PDF.
type PDFText struct {
	Text      string // pages separated by "\f", lines by "\n"
	Pages     int
	Images    int // image objects, including those inside form XObjects
	Paths     int // path (vector drawing) objects, likewise
	TextChars int // non-space runes of Text
	Decrypted bool
}

const (
	// scanCharsPerPage is the text density below which a PDF is a scan
	// (F009) when it shows something, or blank when it does not.
	scanCharsPerPage = 10
	// drawnPathsPerPage: with this many path objects per page a PDF without
	// text shows something, e.g. text converted to outlines.
	drawnPathsPerPage = 20
)

func (t PDFText) textScarce() bool {
	return t.Pages > 0 && t.TextChars < scanCharsPerPage*t.Pages
}

func (t PDFText) drawn() bool { return t.Images > 0 || t.Paths >= drawnPathsPerPage*t.Pages }

// Scanned reports whether the PDF has (almost) no text layer but shows
// images or drawings a person can read: F009, for a clerk to review.
func (t PDFText) Scanned() bool { return t.textScarce() && t.drawn() }

// Blank reports whether the PDF has (almost) no text and nothing drawn:
// blank pages, or a page number at most. There is nothing to read or review.
func (t PDFText) Blank() bool { return t.textScarce() && !t.drawn() }

// ReadPDF reads a PDF's text, page and image counts through the
// process-wide PDFium pool. It honours ctx and the Extractor's limits.
func (e *Extractor) ReadPDF(ctx context.Context, data []byte) (PDFText, error) {
	if err := checkPageOps(data, e.opt.MaxPageObjects); err != nil {
		return PDFText{}, err
	}
	p, err := pdfiumPool(e.opt.CacheDir, e.opt.Workers, e.opt.Interruptible)
	if err != nil {
		return PDFText{}, err
	}
	var out PDFText
	var started atomic.Bool
	err = withInstance(ctx, p, func(inst pdfium.Pdfium) error {
		started.Store(true)
		var rerr error
		out, rerr = readPDF(ctx, inst, data, e.opt.MaxPages, e.opt.MaxPageObjects)
		return rerr
	})
	if err != nil {
		if ctx.Err() != nil && !started.Load() {
			return PDFText{}, ownTrouble("read PDF", fmt.Errorf("no PDFium instance free in time: %w", ctx.Err()))
		}
		if ctx.Err() != nil {
			// Not the document's fault as far as we can tell (a busy
			// machine); retried, and set aside after two (attempts).
			return PDFText{}, ownTrouble("read PDF", fmt.Errorf("reading the PDF took too long: %w: %w", errReadTimeout, ctx.Err()))
		}
		return PDFText{}, err
	}
	return out, nil
}

func readPDF(ctx context.Context, inst pdfium.Pdfium, data []byte, maxPages, maxObjects int) (PDFText, error) {
	var out PDFText
	doc, err := inst.OpenDocument(&requests.OpenDocument{File: &data})
	if err != nil {
		switch {
		case errors.Is(err, pdferr.ErrPassword):
			return out, fmt.Errorf("%w: the PDF needs a password to open", ErrPassword)
		case errors.Is(err, pdferr.ErrSecurity):
			return out, fmt.Errorf("%w: the PDF uses an encryption that cannot be opened", ErrPassword)
		}
		return out, fmt.Errorf("%w: open PDF: %v", ErrCorrupt, err)
	}
	defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc.Document})

	if rev, err := inst.FPDF_GetSecurityHandlerRevision(&requests.FPDF_GetSecurityHandlerRevision{Document: doc.Document}); err == nil && rev.SecurityHandlerRevision != -1 {
		out.Decrypted = true
	}
	pc, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc.Document})
	if err != nil {
		return out, fmt.Errorf("%w: count PDF pages: %v", ErrCorrupt, err)
	}
	if pc.PageCount <= 0 {
		return out, fmt.Errorf("%w: the PDF has no pages", ErrCorrupt)
	}
	if maxPages > 0 && pc.PageCount > maxPages {
		return out, fmt.Errorf("%w: the PDF has %d pages, more than the limit of %d", ErrTooLarge, pc.PageCount, maxPages)
	}
	out.Pages = pc.PageCount

	var sb strings.Builder
	for i := 0; i < pc.PageCount; i++ {
		if err := ctx.Err(); err != nil {
			return out, err
		}
		if i > 0 {
			sb.WriteByte('\f')
		}
		text, objs, err := readPage(inst, doc.Document, i, maxObjects)
		if errors.Is(err, ErrTooLarge) {
			return out, fmt.Errorf("page %d: %w", i+1, err)
		}
		if err != nil {
			return out, fmt.Errorf("%w: read PDF page %d: %v", ErrCorrupt, i+1, err)
		}
		sb.WriteString(text)
		out.Images += objs.images
		out.Paths += objs.paths
	}
	out.Text = sb.String()
	for _, r := range out.Text {
		if !unicode.IsSpace(r) {
			out.TextChars++
		}
	}
	return out, nil
}

// objCount counts a page's image and path objects.
type objCount struct{ images, paths int }

func (c *objCount) add(o objCount) { c.images += o.images; c.paths += o.paths }

// readPage returns one page's text and its image and path objects.
func readPage(inst pdfium.Pdfium, doc references.FPDF_DOCUMENT, index, maxObjects int) (string, objCount, error) {
	var objs objCount
	pg, err := inst.FPDF_LoadPage(&requests.FPDF_LoadPage{Document: doc, Index: index})
	if err != nil {
		return "", objs, err
	}
	defer inst.FPDF_ClosePage(&requests.FPDF_ClosePage{Page: pg.Page})
	page := requests.Page{ByReference: &pg.Page}

	tp, err := inst.FPDFText_LoadPage(&requests.FPDFText_LoadPage{Page: page})
	if err != nil {
		return "", objs, err
	}
	text := ""
	cc, err := inst.FPDFText_CountChars(&requests.FPDFText_CountChars{TextPage: tp.TextPage})
	if err == nil && cc.Count > 0 {
		var gt *responses.FPDFText_GetText
		gt, err = inst.FPDFText_GetText(&requests.FPDFText_GetText{TextPage: tp.TextPage, StartIndex: 0, Count: cc.Count})
		if err == nil {
			text = cleanText(gt.Text)
		}
	}
	inst.FPDFText_ClosePage(&requests.FPDFText_ClosePage{TextPage: tp.TextPage})
	if err != nil {
		return "", objs, err
	}

	n, err := inst.FPDFPage_CountObjects(&requests.FPDFPage_CountObjects{Page: page})
	if err != nil {
		return text, objs, nil // objects are a hint; the text is what matters
	}
	if maxObjects > 0 && n.Count > maxObjects {
		return "", objs, fmt.Errorf("%w: the page has %d objects, more than %d (limits.max_page_objects)", ErrTooLarge, n.Count, maxObjects)
	}
	for j := 0; j < n.Count; j++ {
		obj, err := inst.FPDFPage_GetObject(&requests.FPDFPage_GetObject{Page: page, Index: j})
		if err != nil {
			continue
		}
		objs.add(countObjects(inst, obj.PageObject, 0))
	}
	return text, objs, nil
}

// countObjects counts image and path objects, descending into form XObjects.
func countObjects(inst pdfium.Pdfium, obj references.FPDF_PAGEOBJECT, depth int) objCount {
	var c objCount
	t, err := inst.FPDFPageObj_GetType(&requests.FPDFPageObj_GetType{PageObject: obj})
	if err != nil {
		return c
	}
	switch t.Type {
	case enums.FPDF_PAGEOBJ_IMAGE:
		c.images = 1
	case enums.FPDF_PAGEOBJ_PATH:
		c.paths = 1
	case enums.FPDF_PAGEOBJ_FORM:
		if depth >= 8 {
			return c
		}
		n, err := inst.FPDFFormObj_CountObjects(&requests.FPDFFormObj_CountObjects{PageObject: obj})
		if err != nil {
			return c
		}
		for k := 0; k < n.Count; k++ {
			sub, err := inst.FPDFFormObj_GetObject(&requests.FPDFFormObj_GetObject{PageObject: obj, Index: uint64(k)})
			if err != nil {
				continue
			}
			c.add(countObjects(inst, sub.PageObject, depth+1))
		}
	}
	return c
}

// cleanText turns PDFium's text into plain lines: CRLF to LF, no NULs or
// the 0x02 soft-hyphen marker, no byte-order marks.
func cleanText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch r {
		case '\r':
			return '\n'
		case 0, 0x02, 0xFEFF, 0xFFFE:
			return -1
		case '\f':
			return '\n'
		}
		return r
	}, s)
}

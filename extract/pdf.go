package extract

import (
	"context"
	"errors"
	"fmt"
	"strings"
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
	TextChars int // non-space runes of Text
	Decrypted bool
}

// scanCharsPerPage is the text density below which a PDF with images is a
// scan (F009).
const scanCharsPerPage = 10

// Scanned reports whether the PDF has (almost) no text layer but images.
func (t PDFText) Scanned() bool {
	return t.Pages > 0 && t.Images > 0 && t.TextChars < scanCharsPerPage*t.Pages
}

// ReadPDF reads a PDF's text, page and image counts through the
// process-wide PDFium pool. It honours ctx and the Extractor's limits.
func (e *Extractor) ReadPDF(ctx context.Context, data []byte) (PDFText, error) {
	p, err := pdfiumPool(e.opt.CacheDir, e.opt.Workers)
	if err != nil {
		return PDFText{}, err
	}
	var out PDFText
	err = withInstance(ctx, p, func(inst pdfium.Pdfium) error {
		var rerr error
		out, rerr = readPDF(ctx, inst, data, e.opt.MaxPages)
		return rerr
	})
	if err != nil {
		if ctx.Err() != nil {
			return PDFText{}, fmt.Errorf("%w: reading the PDF took too long: %v", ErrCorrupt, ctx.Err())
		}
		return PDFText{}, err
	}
	return out, nil
}

func readPDF(ctx context.Context, inst pdfium.Pdfium, data []byte, maxPages int) (PDFText, error) {
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
		text, images, err := readPage(inst, doc.Document, i)
		if err != nil {
			return out, fmt.Errorf("%w: read PDF page %d: %v", ErrCorrupt, i+1, err)
		}
		sb.WriteString(text)
		out.Images += images
	}
	out.Text = sb.String()
	for _, r := range out.Text {
		if !unicode.IsSpace(r) {
			out.TextChars++
		}
	}
	return out, nil
}

// readPage returns one page's text and its number of image objects.
func readPage(inst pdfium.Pdfium, doc references.FPDF_DOCUMENT, index int) (string, int, error) {
	pg, err := inst.FPDF_LoadPage(&requests.FPDF_LoadPage{Document: doc, Index: index})
	if err != nil {
		return "", 0, err
	}
	defer inst.FPDF_ClosePage(&requests.FPDF_ClosePage{Page: pg.Page})
	page := requests.Page{ByReference: &pg.Page}

	tp, err := inst.FPDFText_LoadPage(&requests.FPDFText_LoadPage{Page: page})
	if err != nil {
		return "", 0, err
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
		return "", 0, err
	}

	n, err := inst.FPDFPage_CountObjects(&requests.FPDFPage_CountObjects{Page: page})
	if err != nil {
		return text, 0, nil // objects are a hint; the text is what matters
	}
	images := 0
	for j := 0; j < n.Count; j++ {
		obj, err := inst.FPDFPage_GetObject(&requests.FPDFPage_GetObject{Page: page, Index: j})
		if err != nil {
			continue
		}
		images += countImages(inst, obj.PageObject, 0)
	}
	return text, images, nil
}

// countImages counts image objects, descending into form XObjects.
func countImages(inst pdfium.Pdfium, obj references.FPDF_PAGEOBJECT, depth int) int {
	t, err := inst.FPDFPageObj_GetType(&requests.FPDFPageObj_GetType{PageObject: obj})
	if err != nil {
		return 0
	}
	switch t.Type {
	case enums.FPDF_PAGEOBJ_IMAGE:
		return 1
	case enums.FPDF_PAGEOBJ_FORM:
		if depth >= 8 {
			return 0
		}
		n, err := inst.FPDFFormObj_CountObjects(&requests.FPDFFormObj_CountObjects{PageObject: obj})
		if err != nil {
			return 0
		}
		sum := 0
		for k := 0; k < n.Count; k++ {
			sub, err := inst.FPDFFormObj_GetObject(&requests.FPDFFormObj_GetObject{PageObject: obj, Index: uint64(k)})
			if err != nil {
				continue
			}
			sum += countImages(inst, sub.PageObject, depth+1)
		}
		return sum
	}
	return 0
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

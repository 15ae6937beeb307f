package extract

import (
	"context"
	"errors"
	"fmt"
	"image"
	"image/draw"
	"math"
	"os"

	"github.com/klippa-app/go-pdfium"
	pdferr "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
)

// MaxRenderPixels bounds one rendered page: the resolution is lowered until
// the page fits (an A4 page at 300 dpi is 8.7 million pixels, A3 17.4).
const MaxRenderPixels = 40_000_000

// ErrNoPage is returned for a page number outside the document.
var ErrNoPage = errors.New("extract: no such page")

// PageCount returns the number of pages of the PDF at path.
func (e *Extractor) PageCount(ctx context.Context, path string) (int, error) {
	data, err := e.readPDFFile(path)
	if err != nil {
		return 0, err
	}
	return e.PDFPageCount(ctx, data)
}

// PDFPageCount returns the number of pages of a PDF held in memory.
func (e *Extractor) PDFPageCount(ctx context.Context, data []byte) (int, error) {
	n := 0
	err := e.withPDF(ctx, data, func(inst pdfium.Pdfium, doc references.FPDF_DOCUMENT) error {
		pc, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc})
		if err != nil {
			return fmt.Errorf("%w: count PDF pages: %v", ErrCorrupt, err)
		}
		n = pc.PageCount
		return nil
	})
	return n, err
}

// RenderPage renders page (1-based) of the PDF at path at dpi through the
// PDFium pool, lowering the resolution as needed to stay within
// MaxRenderPixels. The image is the caller's (a copy, not PDFium's buffer).
func (e *Extractor) RenderPage(ctx context.Context, path string, page int, dpi int) (image.Image, error) {
	data, err := e.readPDFFile(path)
	if err != nil {
		return nil, err
	}
	return e.RenderPDFPage(ctx, data, page, dpi)
}

// RenderPDFPage is RenderPage for a PDF held in memory.
func (e *Extractor) RenderPDFPage(ctx context.Context, data []byte, page int, dpi int) (image.Image, error) {
	var out *image.RGBA
	err := e.withPDF(ctx, data, func(inst pdfium.Pdfium, doc references.FPDF_DOCUMENT) error {
		img, err := renderPage(inst, doc, page, dpi)
		out = img
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// readPDFFile reads a PDF from disk within the Extractor's size limit.
func (e *Extractor) readPDFFile(path string) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("stat %s: %w", path, err)
	}
	if st.Size() > e.opt.MaxFileSize {
		return nil, fmt.Errorf("%w: %d bytes, the limit is %d", ErrTooLarge, st.Size(), e.opt.MaxFileSize)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return data, nil
}

// withPDF opens data in a pooled PDFium instance and runs fn on it.
func (e *Extractor) withPDF(ctx context.Context, data []byte, fn func(pdfium.Pdfium, references.FPDF_DOCUMENT) error) error {
	p, err := pdfiumPool(e.opt.CacheDir, e.opt.Workers, e.opt.Interruptible)
	if err != nil {
		return err
	}
	err = withInstance(ctx, p, func(inst pdfium.Pdfium) error {
		doc, err := inst.OpenDocument(&requests.OpenDocument{File: &data})
		if err != nil {
			if errors.Is(err, pdferr.ErrPassword) || errors.Is(err, pdferr.ErrSecurity) {
				return fmt.Errorf("%w: the PDF cannot be opened without a password", ErrPassword)
			}
			return fmt.Errorf("%w: open PDF: %v", ErrCorrupt, err)
		}
		defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc.Document})
		return fn(inst, doc.Document)
	})
	if err != nil && ctx.Err() != nil {
		return fmt.Errorf("%w: rendering the PDF took too long: %v", ErrCorrupt, ctx.Err())
	}
	return err
}

// renderPage renders one page (1-based) into a Go-owned RGBA image.
func renderPage(inst pdfium.Pdfium, doc references.FPDF_DOCUMENT, page, dpi int) (*image.RGBA, error) {
	pc, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc})
	if err != nil {
		return nil, fmt.Errorf("%w: count PDF pages: %v", ErrCorrupt, err)
	}
	if page < 1 || page > pc.PageCount {
		return nil, fmt.Errorf("%w: page %d of %d", ErrNoPage, page, pc.PageCount)
	}
	size, err := inst.FPDF_GetPageSizeByIndex(&requests.FPDF_GetPageSizeByIndex{Document: doc, Index: page - 1})
	if err != nil {
		return nil, fmt.Errorf("%w: page %d size: %v", ErrCorrupt, page, err)
	}
	dpi = boundDPI(size.Width, size.Height, dpi)
	r, err := inst.RenderPageInDPI(&requests.RenderPageInDPI{
		Page:       requests.Page{ByIndex: &requests.PageByIndex{Document: doc, Index: page - 1}},
		DPI:        dpi,
		RenderForm: true,
		Document:   &doc,
	})
	if err != nil {
		return nil, fmt.Errorf("%w: render page %d: %v", ErrCorrupt, page, err)
	}
	defer r.Cleanup()
	src := r.Result.RenderedImage
	if src == nil {
		return nil, fmt.Errorf("%w: render page %d: no image", ErrCorrupt, page)
	}
	// In webassembly mode the pixels live in the module's memory until
	// Cleanup: copy them out.
	dst := image.NewRGBA(src.Bounds())
	draw.Draw(dst, dst.Bounds(), src, src.Bounds().Min, draw.Src)
	return dst, nil
}

// boundDPI lowers dpi so that a page of w×h points renders within
// MaxRenderPixels; dpi ≤ 0 means 150, and it is never below 10.
func boundDPI(w, h float64, dpi int) int {
	if dpi <= 0 {
		dpi = 150
	}
	if dpi > 1200 {
		dpi = 1200
	}
	px := w / 72 * float64(dpi) * h / 72 * float64(dpi)
	if px > MaxRenderPixels && px > 0 {
		dpi = int(float64(dpi) * math.Sqrt(MaxRenderPixels/px))
	}
	if dpi < 10 {
		dpi = 10
	}
	return dpi
}

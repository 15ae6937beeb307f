package extract

import (
	"context"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/enums"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
)

// scanDPI is the resolution of the largest image on page (1-based) of a
// PDF: a scanned page is one image, and rendering it finer than it was
// scanned adds pixels for tesseract to work through, not detail. 0 when
// the page has no image or it cannot be told.
func (e *Extractor) scanDPI(ctx context.Context, data []byte, page int) int {
	dpi := 0
	_ = e.withPDF(ctx, data, func(inst pdfium.Pdfium, doc references.FPDF_DOCUMENT) error {
		dpi = largestImageDPI(inst, doc, page)
		return nil
	})
	return dpi
}

func largestImageDPI(inst pdfium.Pdfium, doc references.FPDF_DOCUMENT, page int) int {
	pg, err := inst.FPDF_LoadPage(&requests.FPDF_LoadPage{Document: doc, Index: page - 1})
	if err != nil {
		return 0
	}
	defer inst.FPDF_ClosePage(&requests.FPDF_ClosePage{Page: pg.Page})
	ref := requests.Page{ByReference: &pg.Page}
	n, err := inst.FPDFPage_CountObjects(&requests.FPDFPage_CountObjects{Page: ref})
	if err != nil {
		return 0
	}
	best, dpi := uint(0), 0
	for i := 0; i < n.Count && i < 1000; i++ {
		obj, err := inst.FPDFPage_GetObject(&requests.FPDFPage_GetObject{Page: ref, Index: i})
		if err != nil {
			continue
		}
		t, err := inst.FPDFPageObj_GetType(&requests.FPDFPageObj_GetType{PageObject: obj.PageObject})
		if err != nil || t.Type != enums.FPDF_PAGEOBJ_IMAGE {
			continue
		}
		md, err := inst.FPDFImageObj_GetImageMetadata(&requests.FPDFImageObj_GetImageMetadata{ImageObject: obj.PageObject, Page: ref})
		if err != nil {
			continue
		}
		if px := md.ImageMetadata.Width * md.ImageMetadata.Height; px > best {
			best, dpi = px, int(md.ImageMetadata.HorizontalDPI+0.5)
		}
	}
	return dpi
}

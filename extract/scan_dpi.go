package extract

import (
	"bytes"
	"context"
	"image"
	"image/jpeg"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/enums"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
)

// scanned is what a scanned page holds: its largest image, the
// resolution it was scanned at and, when the page is just that JPEG laid
// upright over (nearly) the whole page, the JPEG itself.
type scanned struct {
	dpi  int
	jpeg []byte
}

// scanImage looks at page (1-based): a scanner's PDF page is one JPEG
// over the whole page, and reading that JPEG as it is (no rendering, no
// resampling) is both faster and better than rendering the page.
func (e *Extractor) scanImage(ctx context.Context, data []byte, page int) scanned {
	var s scanned
	_ = e.withPDF(ctx, data, func(inst pdfium.Pdfium, doc references.FPDF_DOCUMENT) error {
		s = largestImage(inst, doc, page)
		return nil
	})
	return s
}

func largestImage(inst pdfium.Pdfium, doc references.FPDF_DOCUMENT, page int) scanned {
	var s scanned
	pg, err := inst.FPDF_LoadPage(&requests.FPDF_LoadPage{Document: doc, Index: page - 1})
	if err != nil {
		return s
	}
	defer inst.FPDF_ClosePage(&requests.FPDF_ClosePage{Page: pg.Page})
	ref := requests.Page{ByReference: &pg.Page}
	n, err := inst.FPDFPage_CountObjects(&requests.FPDFPage_CountObjects{Page: ref})
	if err != nil {
		return s
	}
	var best uint
	var bestObj references.FPDF_PAGEOBJECT
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
			best, bestObj = px, obj.PageObject
			s.dpi = int(md.ImageMetadata.HorizontalDPI + 0.5)
		}
	}
	if best == 0 || !wholeUprightJPEG(inst, ref, bestObj) {
		return s
	}
	raw, err := inst.FPDFImageObj_GetImageDataRaw(&requests.FPDFImageObj_GetImageDataRaw{ImageObject: bestObj})
	if err == nil && len(raw.Data) > 2 && raw.Data[0] == 0xFF && raw.Data[1] == 0xD8 {
		s.jpeg = raw.Data
	}
	return s
}

// wholeUprightJPEG: the image is DCT-encoded only, drawn upright (no turn
// or mirror) over at least 80 % of an unrotated page.
func wholeUprightJPEG(inst pdfium.Pdfium, ref requests.Page, obj references.FPDF_PAGEOBJECT) bool {
	if r, err := inst.FPDFPage_GetRotation(&requests.FPDFPage_GetRotation{Page: ref}); err != nil || r.PageRotation != enums.FPDF_PAGE_ROTATION_NONE {
		return false
	}
	fc, err := inst.FPDFImageObj_GetImageFilterCount(&requests.FPDFImageObj_GetImageFilterCount{ImageObject: obj})
	if err != nil || fc.Count != 1 {
		return false
	}
	f, err := inst.FPDFImageObj_GetImageFilter(&requests.FPDFImageObj_GetImageFilter{ImageObject: obj, Index: 0})
	if err != nil || f.ImageFilter != "DCTDecode" {
		return false
	}
	m, err := inst.FPDFPageObj_GetMatrix(&requests.FPDFPageObj_GetMatrix{PageObject: obj})
	if err != nil || m.Matrix.B != 0 || m.Matrix.C != 0 || m.Matrix.A <= 0 || m.Matrix.D <= 0 {
		return false
	}
	w, err1 := inst.FPDF_GetPageWidthF(&requests.FPDF_GetPageWidthF{Page: ref})
	h, err2 := inst.FPDF_GetPageHeightF(&requests.FPDF_GetPageHeightF{Page: ref})
	if err1 != nil || err2 != nil || w.PageWidth <= 0 || h.PageHeight <= 0 {
		return false
	}
	return m.Matrix.A*m.Matrix.D >= 0.8*w.PageWidth*h.PageHeight
}

// decodeScan decodes a scanned page's JPEG within MaxRenderPixels.
func decodeScan(b []byte) (image.Image, bool) {
	cfg, err := jpeg.DecodeConfig(bytes.NewReader(b))
	if err != nil || cfg.Width*cfg.Height > MaxRenderPixels || cfg.Width == 0 {
		return nil, false
	}
	img, err := jpeg.Decode(bytes.NewReader(b))
	return img, err == nil
}

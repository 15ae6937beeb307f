package render

import (
	"bytes"
	"fmt"
	"strconv"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// Annotation flags (PDF 32000-1, 12.5.3) that keep an annotation off screen.
const (
	annotHidden = 1 << 1
	annotNoView = 1 << 5
)

// appendAppearances draws the normal appearance of the page's visible
// annotations (filled-in form fields, stamps, signatures) into b, adding
// their forms to res (a copy of the page's resources): a page placed as
// a form keeps what a viewer shows, not only its content stream. It
// follows the spec's algorithm (12.5.5): the appearance's bounding box,
// transformed by its Matrix, is mapped onto the annotation's Rect.
func appendAppearances(b *bytes.Buffer, xt *model.XRefTable, page, res types.Dict) error {
	annots, err := xt.DereferenceArray(page["Annots"])
	if err != nil || len(annots) == 0 {
		return nil // unreadable annotations are left out, the page still shows
	}
	var xo types.Dict
	for i, a := range annots {
		d, err := xt.DereferenceDict(a)
		if err != nil || d == nil {
			continue
		}
		if f := d.IntEntry("F"); f != nil && *f&(annotHidden|annotNoView) != 0 {
			continue
		}
		ref, form := appearance(xt, d)
		if form == nil {
			continue
		}
		rect, err := numbers(xt, d["Rect"], 4)
		if err != nil {
			continue
		}
		bbox, err := numbers(xt, form.Dict["BBox"], 4)
		if err != nil {
			continue
		}
		m := []float64{1, 0, 0, 1, 0, 0}
		if mm, err := numbers(xt, form.Dict["Matrix"], 6); err == nil {
			m = mm
		}
		bx0, by0, bx1, by1 := transformedBox(bbox, m)
		if bx1-bx0 <= 0 || by1-by0 <= 0 {
			continue
		}
		rx0, ry0, rx1, ry1 := min(rect[0], rect[2]), min(rect[1], rect[3]), max(rect[0], rect[2]), max(rect[1], rect[3])
		sx, sy := (rx1-rx0)/(bx1-bx0), (ry1-ry0)/(by1-by0)
		if xo == nil {
			x, err := xt.DereferenceDict(res["XObject"])
			if err != nil {
				return fmt.Errorf("page XObjects: %w", err)
			}
			if x == nil {
				x = types.Dict{}
			}
			xo = x.Clone().(types.Dict)
			res["XObject"] = xo
		}
		name := "DsrAnnot" + strconv.Itoa(i+1)
		xo[name] = ref
		fmt.Fprintf(b, "q %s 0 0 %s %s %s cm /%s Do Q\n", num(sx), num(sy), num(rx0-sx*bx0), num(ry0-sy*by0), name)
	}
	return nil
}

// appearance returns the normal appearance form of an annotation, picking
// the state named by /AS when there are several.
func appearance(xt *model.XRefTable, annot types.Dict) (types.IndirectRef, *types.StreamDict) {
	ap, err := xt.DereferenceDict(annot["AP"])
	if err != nil || ap == nil {
		return types.IndirectRef{}, nil
	}
	n := ap["N"]
	if o, err := xt.Dereference(n); err == nil {
		if states, ok := o.(types.Dict); ok {
			as := annot.NameEntry("AS")
			if as == nil {
				return types.IndirectRef{}, nil
			}
			n = states[*as]
		}
	}
	ref, ok := n.(types.IndirectRef)
	if !ok {
		return types.IndirectRef{}, nil
	}
	sd, _, err := xt.DereferenceStreamDict(ref)
	if err != nil || sd == nil {
		return types.IndirectRef{}, nil
	}
	return ref, sd
}

func numbers(xt *model.XRefTable, o types.Object, n int) ([]float64, error) {
	a, err := xt.DereferenceArray(o)
	if err != nil || len(a) != n {
		return nil, fmt.Errorf("want %d numbers", n)
	}
	out := make([]float64, n)
	for i := range a {
		if out[i], err = xt.DereferenceNumber(a[i]); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// transformedBox is the bounding box of bbox's corners under matrix m.
func transformedBox(bbox, m []float64) (x0, y0, x1, y1 float64) {
	first := true
	for _, p := range [][2]float64{{bbox[0], bbox[1]}, {bbox[2], bbox[1]}, {bbox[0], bbox[3]}, {bbox[2], bbox[3]}} {
		x := m[0]*p[0] + m[2]*p[1] + m[4]
		y := m[1]*p[0] + m[3]*p[1] + m[5]
		if first {
			x0, y0, x1, y1, first = x, y, x, y, false
			continue
		}
		x0, y0, x1, y1 = min(x0, x), min(y0, y), max(x1, x), max(y1, y)
	}
	return
}

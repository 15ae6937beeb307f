package render

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"sync"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// Where an original page sits on its package page, in points from the
// bottom-left corner: below the header rule, above the footer.
const (
	ptPerMM      = 72 / 25.4
	underlayLeft = 12 * ptPerMM
	underlayTop  = 17 * ptPerMM // from the top edge
	underlayBot  = 17 * ptPerMM
)

var disableConfigOnce sync.Once

// pdfcpuConfig returns pdfcpu's default configuration without letting it
// create or read ~/.config/pdfcpu: the daemon must not write outside its
// data folder. DisableConfigDir is process-wide and idempotent.
func pdfcpuConfig() *model.Configuration {
	disableConfigOnce.Do(api.DisableConfigDir)
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	return conf
}

// placeUnderlays puts each original page under its package page. Each
// original page becomes one form XObject in the package, drawn first in
// the page's content, under gofpdf's header and footer. Objects of an
// original (fonts, images) are copied once per original file and shared
// by all its pages, and every file is parsed once, so the work and the
// output grow with the originals' size, not with pages × resources.
// The output is then made reproducible: pdfcpu writes objects in map
// order and stamps the current time, which are replaced by values derived
// from the inputs.
func placeUnderlays(w io.Writer, pdf []byte, under []underlay, fileID string, date time.Time) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("pdfcpu panic: %v", r)
		}
	}()
	conf := pdfcpuConfig()
	conf.WriteObjectStream = false
	conf.WriteXRefStream = false
	ctx, err := api.ReadContext(bytes.NewReader(pdf), conf)
	if err != nil {
		return fmt.Errorf("read package: %w", err)
	}
	size := len(pdf)
	pdf = nil // parsed: let gofpdf's output go
	pages, err := pageRefs(ctx.XRefTable)
	if err != nil {
		return fmt.Errorf("list package pages: %w", err)
	}
	im := newImporter(ctx)
	for _, u := range under {
		if u.page < 1 || u.page > len(pages) {
			return fmt.Errorf("package page %d out of range", u.page)
		}
		f, err := im.form(u.file, u.srcPage)
		if err != nil {
			return fmt.Errorf("import page %d of %s: %w", u.srcPage, u.file, err)
		}
		if err := im.place(pages[u.page-1], f); err != nil {
			return fmt.Errorf("place original on page %d: %w", u.page, err)
		}
	}
	var buf bytes.Buffer
	buf.Grow(size + im.bytes + size/8)
	if err := api.WriteContext(ctx, &buf); err != nil {
		return fmt.Errorf("write package: %w", err)
	}
	ctx, im = nil, nil // written: let the parsed objects go
	out := buf.Bytes()
	reproducible(out, fileID, date)
	return writeNormalized(w, out)
}

// pageRefs lists the page objects in order with one walk of the page tree
// (pdfcpu's PageDict walks the tree again for every page).
func pageRefs(xt *model.XRefTable) ([]types.IndirectRef, error) {
	root, err := xt.Pages()
	if err != nil || root == nil {
		return nil, fmt.Errorf("no page tree: %v", err)
	}
	var refs []types.IndirectRef
	seen := map[int]bool{}
	var walk func(ir types.IndirectRef) error
	walk = func(ir types.IndirectRef) error {
		if seen[ir.ObjectNumber.Value()] {
			return fmt.Errorf("page tree cycle at object %d", ir.ObjectNumber.Value())
		}
		seen[ir.ObjectNumber.Value()] = true
		d, err := xt.DereferenceDict(ir)
		if err != nil || d == nil {
			return fmt.Errorf("page tree node %d: %v", ir.ObjectNumber.Value(), err)
		}
		if t := d.NameEntry("Type"); t != nil && *t == "Page" {
			refs = append(refs, ir)
			return nil
		}
		kids, err := xt.DereferenceArray(d["Kids"])
		if err != nil {
			return err
		}
		for _, k := range kids {
			kr, ok := k.(types.IndirectRef)
			if !ok {
				return fmt.Errorf("page tree kid is not a reference")
			}
			if err := walk(kr); err != nil {
				return err
			}
		}
		return nil
	}
	return refs, walk(*root)
}

// formXObject is one original page imported into the package.
type formXObject struct {
	ref    types.IndirectRef
	w, h   float64    // displayed size in points (after /Rotate)
	matrix [6]float64 // maps the form's space to the displayed page, origin bottom-left
}

// source is one original file: its parsed context while it is being
// imported, and what was copied from it already.
type source struct {
	ctx      *model.Context
	migrated map[int]int // source object number → package object number
	forms    map[int]formXObject
}

// importer copies original pages into the package context. Only the
// original being imported is kept parsed; a file seen again later is
// parsed again but its objects are not copied twice.
type importer struct {
	dst     *model.Context
	sources map[string]*source
	current string
	bytes   int // stream bytes imported, to size the output buffer
}

func newImporter(dst *model.Context) *importer {
	return &importer{dst: dst, sources: map[string]*source{}}
}

func (im *importer) form(file string, page int) (formXObject, error) {
	s := im.sources[file]
	if s == nil {
		s = &source{migrated: map[int]int{}, forms: map[int]formXObject{}}
		im.sources[file] = s
	}
	if f, ok := s.forms[page]; ok {
		return f, nil
	}
	if im.current != file {
		if cur := im.sources[im.current]; cur != nil {
			cur.ctx = nil // let the previous original go
		}
		im.current = file
	}
	if s.ctx == nil {
		ctx, err := readSource(file)
		if err != nil {
			return formXObject{}, err
		}
		s.ctx = ctx
	}
	f, err := im.importPage(s, page)
	if err != nil {
		return formXObject{}, err
	}
	s.forms[page] = f
	return f, nil
}

func readSource(file string) (*model.Context, error) {
	fh, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	ctx, err := pdfcpu.Read(fh, pdfcpuConfig())
	if err != nil {
		return nil, err
	}
	if err := ctx.EnsurePageCount(); err != nil {
		return nil, err
	}
	return ctx, nil
}

// importPage makes page of s a form XObject in the package.
func (im *importer) importPage(s *source, page int) (formXObject, error) {
	xt := s.ctx.XRefTable
	d, _, attrs, err := xt.PageDict(page, false)
	if err != nil {
		return formXObject{}, err
	}
	if d == nil || attrs == nil {
		return formXObject{}, fmt.Errorf("no page dictionary")
	}
	box := attrs.MediaBox
	if attrs.CropBox != nil {
		box = attrs.CropBox
	}
	if box == nil || box.Width() <= 0 || box.Height() <= 0 {
		return formXObject{}, fmt.Errorf("no media box")
	}
	content, err := pageContent(xt, d)
	if err != nil {
		return formXObject{}, err
	}
	res := attrs.Resources
	if res == nil {
		res = types.Dict{}
	}
	res = res.Clone().(types.Dict)
	var annots bytes.Buffer
	if err := appendAppearances(&annots, xt, d, res); err != nil {
		return formXObject{}, err
	}
	if annots.Len() > 0 {
		content = append(append(append([]byte("q\n"), content...), "\nQ\n"...), annots.Bytes()...)
	}
	migrated, err := migrate(res, s.ctx, im.dst, s.migrated)
	if err != nil {
		return formXObject{}, fmt.Errorf("copy resources: %w", err)
	}
	sd, err := im.dst.XRefTable.NewStreamDictForBuf(content)
	if err != nil {
		return formXObject{}, err
	}
	if err := sd.Encode(); err != nil {
		return formXObject{}, err
	}
	sd.InsertName("Type", "XObject")
	sd.InsertName("Subtype", "Form")
	sd.Insert("BBox", box.Array())
	sd.Insert("Resources", migrated)
	ref, err := im.dst.XRefTable.IndRefForNewObject(*sd)
	if err != nil {
		return formXObject{}, err
	}
	im.bytes += len(sd.Raw)
	w, h := box.Width(), box.Height()
	rot := ((attrs.Rotate % 360) + 360) % 360
	// Rotate the box clockwise as a viewer shows it, origin at 0,0.
	var m [6]float64
	switch rot {
	case 90:
		m = [6]float64{0, -1, 1, 0, 0, w}
		w, h = h, w
	case 180:
		m = [6]float64{-1, 0, 0, -1, w, h}
	case 270:
		m = [6]float64{0, 1, -1, 0, h, 0}
		w, h = h, w
	default:
		m = [6]float64{1, 0, 0, 1, 0, 0}
	}
	llx, lly := box.LL.X, box.LL.Y
	m[4] -= m[0]*llx + m[2]*lly
	m[5] -= m[1]*llx + m[3]*lly
	return formXObject{ref: *ref, w: w, h: h, matrix: m}, nil
}

// pageContent joins a page's content streams, decoded, with a line break
// between them so tokens of two streams never run together.
func pageContent(xt *model.XRefTable, d types.Dict) ([]byte, error) {
	o, err := xt.Dereference(d["Contents"])
	if err != nil || o == nil {
		return nil, err
	}
	var streams types.Array
	switch o := o.(type) {
	case types.StreamDict:
		streams = types.Array{o}
	case types.Array:
		streams = o
	default:
		return nil, fmt.Errorf("page contents of type %T", o)
	}
	var b bytes.Buffer
	for _, s := range streams {
		sd, _, err := xt.DereferenceStreamDict(s)
		if err != nil {
			return nil, err
		}
		if sd == nil {
			continue
		}
		if err := sd.Decode(); err != nil {
			return nil, fmt.Errorf("decode page content: %w", err)
		}
		b.Write(sd.Content)
		b.WriteByte('\n')
	}
	return b.Bytes(), nil
}

// migrate copies o and everything it references from src into dst;
// objects copied before (migrated) are referenced, not copied again.
func migrate(o types.Object, src, dst *model.Context, migrated map[int]int) (types.Object, error) {
	switch o := o.(type) {
	case types.IndirectRef:
		n := o.ObjectNumber.Value()
		if k, ok := migrated[n]; ok {
			return *types.NewIndirectRef(k, 0), nil
		}
		v, err := src.Dereference(o)
		if err != nil {
			return nil, err
		}
		if v != nil {
			v = v.Clone()
		}
		k, err := dst.InsertObject(v)
		if err != nil {
			return nil, err
		}
		migrated[n] = k
		v, err = migrate(v, src, dst, migrated)
		if err != nil {
			return nil, err
		}
		dst.Table[k].Object = v
		return *types.NewIndirectRef(k, 0), nil
	case types.Dict:
		for k, v := range o {
			mv, err := migrate(v, src, dst, migrated)
			if err != nil {
				return nil, err
			}
			o[k] = mv
		}
		return o, nil
	case types.StreamDict:
		for k, v := range o.Dict {
			mv, err := migrate(v, src, dst, migrated)
			if err != nil {
				return nil, err
			}
			o.Dict[k] = mv
		}
		return o, nil
	case types.Array:
		for i, v := range o {
			mv, err := migrate(v, src, dst, migrated)
			if err != nil {
				return nil, err
			}
			o[i] = mv
		}
		return o, nil
	}
	return o, nil
}

// place draws f under the content of the package page at ref, fitted and
// centred in the box between header and footer, with a thin frame.
func (im *importer) place(ref types.IndirectRef, f formXObject) error {
	xt := im.dst.XRefTable
	d, err := xt.DereferenceDict(ref)
	if err != nil || d == nil {
		return fmt.Errorf("page dictionary: %v", err)
	}
	pw, ph := 595.28, 841.89
	if mb, err := xt.DereferenceArray(d["MediaBox"]); err == nil && len(mb) == 4 {
		r := make([]float64, 4)
		for i := range r {
			r[i], _ = xt.DereferenceNumber(mb[i])
		}
		pw, ph = r[2]-r[0], r[3]-r[1]
	}
	bw, bh := pw-2*underlayLeft, ph-underlayTop-underlayBot
	s := math.Min(bw/f.w, bh/f.h)
	x0 := underlayLeft + (bw-s*f.w)/2
	y0 := ph - underlayTop - s*f.h // top-aligned under the header
	m := f.matrix
	cm := [6]float64{s * m[0], s * m[1], s * m[2], s * m[3], s*m[4] + x0, s*m[5] + y0}

	xo, err := xobjectDict(xt, d)
	if err != nil {
		return err
	}
	name := "DsrOrig" + strconv.Itoa(f.ref.ObjectNumber.Value())
	xo[name] = f.ref

	var c bytes.Buffer // a few operators: not worth a compressor
	fmt.Fprintf(&c, "q 1 g %s %s %s %s re f Q\n", num(x0), num(y0), num(s*f.w), num(s*f.h))
	fmt.Fprintf(&c, "q %s %s %s %s %s %s cm /%s Do Q\n", num(cm[0]), num(cm[1]), num(cm[2]), num(cm[3]), num(cm[4]), num(cm[5]), name)
	fmt.Fprintf(&c, "q 0.72 G 0.6 w %s %s %s %s re S Q\n", num(x0), num(y0), num(s*f.w), num(s*f.h))
	sd := types.StreamDict{Dict: types.NewDict(), Content: c.Bytes()}
	if err := sd.Encode(); err != nil {
		return err
	}
	cref, err := xt.IndRefForNewObject(sd)
	if err != nil {
		return err
	}
	contents := types.Array{*cref}
	switch o := d["Contents"].(type) {
	case types.IndirectRef:
		v, err := xt.Dereference(o)
		if err != nil {
			return err
		}
		if a, ok := v.(types.Array); ok {
			contents = append(contents, a...)
		} else {
			contents = append(contents, o)
		}
	case types.Array:
		contents = append(contents, o...)
	case nil:
	default:
		return fmt.Errorf("page contents of type %T", o)
	}
	d["Contents"] = contents
	return nil
}

// xobjectDict returns the XObject dictionary of the page's resources,
// creating what is missing. gofpdf gives every page one shared resource
// dictionary; a form added there is visible to every page, which costs one
// entry per imported original page and keeps each page's resources shared.
func xobjectDict(xt *model.XRefTable, d types.Dict) (types.Dict, error) {
	r, err := xt.DereferenceDict(d["Resources"])
	if err != nil {
		return nil, fmt.Errorf("page resources: %w", err)
	}
	if r == nil {
		r = types.Dict{}
		d["Resources"] = r
	}
	xo, err := xt.DereferenceDict(r["XObject"])
	if err != nil {
		return nil, fmt.Errorf("page XObjects: %w", err)
	}
	if xo == nil {
		xo = types.Dict{}
		r["XObject"] = xo
	}
	return xo, nil
}

// num formats a coordinate compactly and identically on every run.
func num(f float64) string {
	return strconv.FormatFloat(math.Round(f*1000)/1000, 'f', -1, 64)
}

package render

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/jung-kurt/gofpdf"

	"dossier"
	"dossier/report"
)

// Input is everything the package is made of.
type Input struct {
	Programme dossier.Programme
	// Teams is every team of the registry, in registry order. Documents
	// carry StoredPath (the absolute path of the original in the archive),
	// Findings, Fields, Received, SHA256 and Superseded.
	Teams []dossier.TeamView
	// NoTeam are the decided files whose team could not be identified,
	// and Dups the files that repeat an accepted one (F008): they are not
	// appended, but each is listed and counted.
	NoTeam []dossier.Document
	Dups   []dossier.Document
	// Pending is how many received files are not yet decided or at rest.
	Pending int
	// Convert turns Word originals into PDF pages (convert.Converter);
	// nil typesets their text instead. Not part of the inputs' hash.
	Convert Converter `json:"-"`
	// Generated is the consolidation time. The package shows it; PDF
	// metadata dates are derived from the inputs instead (newestInput).
	Generated time.Time
}

// View is the computed view every figure of the package is taken from.
func (in Input) View() report.View {
	return report.Build(report.Input{Programme: in.Programme, Teams: in.Teams, NoTeam: in.NoTeam,
		Dups: in.Dups, Pending: in.Pending, Generated: in.Generated})
}

// ErrRender reports that gofpdf failed while drawing or writing.
var ErrRender = errors.New("render: drawing the PDF failed")

// builder holds one package being drawn.
type builder struct {
	*canvas
	in   Input
	view report.View
	loc  *time.Location
	ctx  context.Context

	headerLeft string // the running header of the pages being added
	orient     string // of the last page added: a table running on keeps it
	noHeader   bool   // the cover has none

	pageOf   map[string]int
	tocPages []int
	under    []underlay // original PDF pages to place under package pages
	tmp      []string   // temp files to remove
}

// PDF writes the package alone and returns its page count. Originals are
// placed as they are; one that cannot be read gets a placeholder page.
func PDF(w io.Writer, in Input) (pages int, err error) {
	return renderPDF(context.Background(), w, in)
}

func renderPDF(ctx context.Context, w io.Writer, in Input) (pages int, err error) {
	if err := in.View().Check(); err != nil {
		return 0, fmt.Errorf("check figures: %w", err)
	}
	f, err := newFpdf()
	if err != nil {
		return 0, err
	}
	b := &builder{
		canvas: &canvas{f: f, width: map[face]map[rune]float64{}, size: 10, face: faceSong},
		in:     in,
		view:   in.View(),
		loc:    in.Programme.Location(),
		ctx:    ctx,
	}
	defer b.cleanup()
	b.breakPage = func() { b.addPage(b.orient) }
	b.setup()

	if err := b.build(); err != nil {
		return 0, err
	}
	// gofpdf's Output (fonts subset, pages compressed) cannot be
	// interrupted and takes seconds for thousands of pages: a stop returns
	// at once and the abandoned output ends with the process.
	var buf bytes.Buffer
	written := make(chan error, 1)
	go func() { written <- b.output(&buf) }()
	select {
	case err := <-written:
		if err != nil {
			return 0, err
		}
	case <-ctx.Done():
		return 0, fmt.Errorf("write the package: %w", ctx.Err())
	}
	pages = f.PageCount()
	b.canvas.f, f = nil, nil // drawn: let gofpdf's pages go
	if len(b.under) == 0 {   // gofpdf's output is reproducible as it is
		if _, err := w.Write(buf.Bytes()); err != nil {
			return 0, fmt.Errorf("write package: %w", err)
		}
		return pages, nil
	}
	out := buf.Bytes()
	buf = bytes.Buffer{}
	// pdfcpu cannot be interrupted and takes most of a big package's time:
	// a stop (SIGTERM) returns at once, and the abandoned work, writing
	// into a package that is thrown away, ends with the process.
	placed := make(chan error, 1)
	go func() { placed <- placeUnderlays(w, out, b.under, b.fileID(), b.fixedDate()) }()
	select {
	case err := <-placed:
		if err != nil {
			return 0, fmt.Errorf("place original pages: %w", err)
		}
	case <-ctx.Done():
		return 0, fmt.Errorf("place original pages: %w", ctx.Err())
	}
	return pages, nil
}

// output runs gofpdf's Output under recover: gofpdf panics on some inputs.
func (b *builder) output(w io.Writer) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: panic: %v", ErrRender, r)
		}
	}()
	if err := b.f.Output(w); err != nil {
		return fmt.Errorf("%w: %v", ErrRender, err)
	}
	return nil
}

// fixedDate is the newest Received of any document (or the programme's
// submission deadline): metadata dates that only change with the inputs.
func (b *builder) fixedDate() time.Time {
	var t time.Time
	for _, v := range b.in.Teams {
		for _, d := range v.Documents {
			if d.Received.After(t) {
				t = d.Received
			}
		}
	}
	if t.IsZero() {
		d := b.in.Programme.SubmitDeadline
		t = time.Date(max(d.Y, 2000), time.Month(max(d.M, 1)), max(d.D, 1), 0, 0, 0, 0, b.loc)
	}
	return t.In(b.loc).Truncate(time.Second)
}

// fileID is a hash of the inputs, for the PDF trailer's /ID.
func (b *builder) fileID() string {
	h, _ := InputsHash(b.in)
	s := sha256.Sum256([]byte(h + b.in.Generated.UTC().Format(time.RFC3339)))
	return hex.EncodeToString(s[:16])
}

func (b *builder) setup() {
	f := b.f
	p := b.in.Programme
	f.SetTitle(p.Title, true)
	f.SetSubject(p.Notice, true)
	f.SetAuthor(p.Bureau, true)
	f.SetCreator("dossier", true)
	f.SetProducer("dossier (gofpdf)", true)
	f.SetCreationDate(b.fixedDate())
	f.SetModificationDate(b.fixedDate())
	f.SetCatalogSort(true)
	f.SetCompression(true)
	f.SetAutoPageBreak(false, 0)
	f.SetMargins(marginX, contentTop, marginX)
	f.AliasNbPages("{nb}")
	f.SetHeaderFuncMode(b.drawHeader, false)
	f.SetFooterFunc(b.drawFooter)
}

func (b *builder) addPage(orient string) {
	b.orient = orient
	b.f.AddPageFormat(orient, gofpdf.SizeType{Wd: 210, Ht: 297})
	b.y = contentTop
	b.setFace(faceSong)
	b.setSize(10)
}

func (b *builder) drawHeader() {
	if b.noHeader {
		return
	}
	c := b.canvas
	saved, savedFace := c.size, c.face
	c.setFace(faceSong)
	c.setSize(8)
	c.color(colMuted)
	w := c.contentW()
	right := b.in.Programme.Notice
	rw := c.strW(right) + 2
	left := b.headerLeft
	if lines := c.wrap(left, w-rw-4); len(lines) > 1 {
		left = lines[0] + "…"
	}
	c.text(marginX, 9, w-rw, left, "L")
	c.text(marginX+w-rw, 9, rw, right, "R")
	y := c.y
	c.y = 14
	c.rule(colRule, 0.3)
	c.y = y
	c.setFace(savedFace)
	c.setSize(saved)
	c.color(colInk)
}

func (b *builder) drawFooter() {
	c := b.canvas
	saved, savedFace := c.size, c.face
	c.setFace(faceSong)
	c.setSize(9)
	c.color(colInk)
	h := c.pageH()
	c.text(marginX, h-12, c.contentW(), fmt.Sprintf("第 %d 页 共 {nb} 页", b.f.PageNo()), "C")
	c.setFace(savedFace)
	c.setSize(saved)
	c.color(colInk)
}

func (b *builder) cleanup() {
	removeAll(b.tmp)
}

// build draws every part in order, then the contents on reserved pages.
func (b *builder) build() error {
	// A stop (SIGTERM) is looked at between the parts and between teams,
	// so that a large package stops within a few seconds.
	for _, step := range []func() error{
		func() error { b.cover(); b.reserveContents(); return nil },
		func() error { b.summaryTable(); return nil },
		func() error { b.statistics(); return nil },
		b.teamSections,
		func() error { b.otherFiles(); return nil },
		b.originals,
	} {
		if err := b.ctx.Err(); err != nil {
			return fmt.Errorf("draw the package: %w", err)
		}
		if err := step(); err != nil {
			return err
		}
	}
	b.drawContents()
	return b.f.Error()
}

package extract

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"dossier/extract/parse"
)

// Bounds on one Word document: a survey form is a few thousand elements.
const (
	maxDocxNodes = 2_000_000
	maxDocxDepth = 256
)

// ReadDOCX reads a Word document (.docx, .docm) natively: the body's
// paragraphs and tables in order, as one sheet whose rows are a paragraph
// (one cell) or a table row (its cells; a cell spanning columns repeated
// over them and a vertically merged cell repeated down, as a workbook's
// merged ranges are filled), so that it reaches package parse as a
// workbook does. Check boxes (glyphs, w14:checkbox content controls,
// FORMCHECKBOX fields, Wingdings symbols) become ☑/☐; an underlined blank
// becomes "____"; text boxes are read where they are anchored; deleted
// text of tracked changes and field instructions are left out. The zip is
// checked against the unpacked-size limits first; the XML is read with
// encoding/xml, which fetches no external entity.
func (e *Extractor) ReadDOCX(ctx context.Context, data []byte) ([]parse.Sheet, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%w: the Word document is not a valid zip package: %v", ErrCorrupt, err)
	}
	if err := checkDocxZip(zr, e.opt.MaxUnzipSize); err != nil {
		return nil, err
	}
	var main *zip.File
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			main = f
		}
	}
	if main == nil {
		return nil, fmt.Errorf("%w: the Word document has no word/document.xml", ErrCorrupt)
	}
	limit := e.opt.MaxXMLSize
	if main.UncompressedSize64 > uint64(limit) {
		return nil, fmt.Errorf("%w: the document's text part is larger than %d bytes", ErrTooLarge, limit)
	}
	rc, err := main.Open()
	if err != nil {
		return nil, fmt.Errorf("%w: open word/document.xml: %v", ErrCorrupt, err)
	}
	defer rc.Close()
	root, err := readNodes(ctx, io.LimitReader(rc, limit+1))
	if err != nil {
		return nil, err
	}
	body := root.find("body")
	if body == nil {
		return nil, fmt.Errorf("%w: the Word document has no body", ErrCorrupt)
	}
	var w docxWriter
	w.block(body)
	return []parse.Sheet{{Name: "document", Rows: w.rows}}, nil
}

// checkDocxZip refuses a package with too many parts or one that declares
// more than limit bytes unpacked.
func checkDocxZip(zr *zip.Reader, limit int64) error {
	if len(zr.File) > maxZipEntries {
		return fmt.Errorf("%w: the Word document has %d parts", ErrTooLarge, len(zr.File))
	}
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if total > uint64(limit) || f.UncompressedSize64 > uint64(limit) {
			return fmt.Errorf("%w: the Word document unpacks to more than %d bytes", ErrTooLarge, limit)
		}
	}
	return nil
}

// node is one XML element: its local name, attributes by local name, its
// children and the character data directly inside it.
type node struct {
	name  string
	attr  map[string]string
	kids  []*node
	text  strings.Builder
	space string
}

func (n *node) find(name string) *node {
	if n.name == name {
		return n
	}
	for _, k := range n.kids {
		if f := k.find(name); f != nil {
			return f
		}
	}
	return nil
}

func (n *node) child(name string) *node {
	for _, k := range n.kids {
		if k.name == name {
			return k
		}
	}
	return nil
}

// val is the w:val attribute ("" when absent).
func (n *node) val() string {
	if n == nil {
		return ""
	}
	return n.attr["val"]
}

// readNodes decodes the XML into a tree, within the node and depth
// bounds, checking ctx as it goes.
func readNodes(ctx context.Context, r io.Reader) (*node, error) {
	d := xml.NewDecoder(r)
	d.Strict = true
	root := &node{name: "#root"}
	stack := []*node{root}
	count := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%w: the Word document's XML is damaged: %v", ErrCorrupt, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			count++
			if count > maxDocxNodes || len(stack) > maxDocxDepth {
				return nil, fmt.Errorf("%w: the Word document has more than %d elements or nests deeper than %d", ErrTooLarge, maxDocxNodes, maxDocxDepth)
			}
			if count%4096 == 0 && ctx.Err() != nil {
				return nil, ownTrouble("read Word document", fmt.Errorf("reading took too long: %w", ctx.Err()))
			}
			n := &node{name: t.Name.Local, space: t.Name.Space}
			for _, a := range t.Attr {
				if n.attr == nil {
					n.attr = map[string]string{}
				}
				n.attr[a.Name.Local] = a.Value
			}
			top := stack[len(stack)-1]
			top.kids = append(top.kids, n)
			stack = append(stack, n)
		case xml.EndElement:
			if len(stack) > 1 {
				stack = stack[:len(stack)-1]
			}
		case xml.CharData:
			top := stack[len(stack)-1]
			if top.name == "t" || top.name == "instrText" {
				top.text.Write(t)
			}
		}
	}
	return root, nil
}

// readDocx reads a Word document into res through the same parser as a
// workbook.
func (e *Extractor) readDocx(ctx context.Context, name string, data []byte, res *Result) error {
	sheets, err := e.ReadDOCX(ctx, data)
	if err != nil {
		return err
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
	return nil
}

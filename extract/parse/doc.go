// Package parse turns the text of a document (a PDF's text layer, a
// spreadsheet's cells) into its kind and its fields. It is pure: no I/O, no
// clock, safe for concurrent use. The format readers in package extract
// call Parse; everything that knows the wording of 附件4 and of audit
// reports lives here.
package parse

import "dossier"

// Input is what a format reader hands the parsers.
type Input struct {
	Name    string  // the file's base name, a hint for the kind ("审计报告.pdf")
	Text    string  // a PDF's text, pages separated by "\f", lines by "\n"
	Sheets  []Sheet // a spreadsheet's cells
	Pages   int     // PDF pages
	Images  int     // images in a PDF, or 1 for an image file
	IsImage bool    // the file is a JPG/PNG photo
}

// Sheet is one worksheet: rows of cell text, merged ranges filled with the
// merged value, formulas as their cached value.
type Sheet struct {
	Name string
	Rows [][]string
}

// Output is what the parsers found.
type Output struct {
	Kind    dossier.Kind
	Fields  dossier.Fields
	Invalid map[string]string // filled in, but not readable as the field's type (S010)
	// Confidence is, for fields read with less than certainty (a label
	// with words the parser does not know, an approximate count), how sure
	// the reading is, 0..1; a field absent here was read with certainty.
	Confidence map[string]float64 `json:",omitempty"`
	// Sources says where each field was read (page or sheet, and the text
	// around the value), for the clerk's desk.
	Sources map[string]dossier.Source `json:"-"`
}

// Package render turns what the ledger holds into what the bureau receives:
// the consolidated PDF package (汇总材料.pdf), the summary spreadsheet
// (汇总表.xlsx) and a manifest of every input, written into one dated
// folder of the outbox by a temp-dir-and-rename so a half-written package
// is never visible.
//
// Every figure comes from one computed view (package report): the PDF
// and the spreadsheet never add, convert or decide what counts.
//
// The PDF is drawn with gofpdf in a government document's faces (宋体 body
// and tables, 黑体 headings, 楷体 second-level headings), embedded TrueType
// subsets of Noto Serif/Sans CJK SC and LXGW WenKai (OFL; fonts/README.md),
// so no system font is needed. gofpdf's own wrapping drops
// a character at every break, so text is wrapped by wrapLines here, with
// the Chinese line-breaking rules and no break inside a date, a time, an
// amount, a document number or a name (text.go); a table row is never
// split across pages and its header is repeated (table.go). Original PDFs are placed under the
// package's pages (underlay.go): gofpdf draws each appended page with only
// its header and footer, then every original page is copied into the
// package as one form XObject (through pdfcpu's object model) and drawn
// beneath, so its content stays vector and searchable. An original's
// fonts and images are copied once per file and shared by its pages, and
// the output is streamed to the file, so time, size and memory grow
// linearly with the originals. Images are drawn by gofpdf. render never
// lets pdfcpu create its configuration folder (api.DisableConfigDir).
//
// Identical inputs give identical bytes: metadata dates come from the
// inputs, the file ID is a hash of the inputs, and every list is ordered.
// The functions are safe for concurrent use on different inputs.
package render

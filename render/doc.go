// Package render turns what the ledger holds into what the bureau receives:
// the consolidated PDF package (汇总材料.pdf), the summary spreadsheet
// (汇总表.xlsx) and a manifest of every input, written into one dated
// folder of the outbox by a temp-dir-and-rename so a half-written package
// is never visible.
//
// The PDF is drawn with gofpdf and the embedded LXGW WenKai font (OFL, see
// fonts/OFL.txt), so no system font is needed. gofpdf's own wrapping drops
// a character at every break, so text is wrapped by wrapLines here, with
// the Chinese line-breaking rules. Original PDFs are placed under the
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

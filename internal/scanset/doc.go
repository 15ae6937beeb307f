// Package scanset makes a set of scans from the public samples' text PDFs
// the way units make them — printed, sealed, scanned or photographed — and
// their expected results, to measure how well OCR reads them (issue 9).
//
// Generate renders each audit report and survey with pdftoppm at 150, 200
// or 300 dpi, stamps a red seal (a circle, a star, the firm's name) over
// the last lines of each audit report, turns the page by up to ±2°, adds
// noise, blur and JPEG artefacts (ImageMagick's convert), and wraps the
// JPEGs in an image-only PDF; a few audit reports become a photographed
// JPG instead. The expected results are the source documents' own (their
// fields and verdict from the sample set's expected.jsonl), not anything
// dossier read.
package scanset

// Package extract reads a submitted file's bytes — PDF (through PDFium,
// webassembly), xlsx/xlsm (excelize), JPG/PNG — under limits of size, pages,
// time and unzip size, and hands the text to package parse for its kind and
// fields. Panics in any reader are recovered into ErrCorrupt.
//
// Concurrency: an *Extractor is safe for concurrent use; it keeps one
// PDFium pool per process.
package extract

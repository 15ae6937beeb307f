// Package extract reads a submitted file's bytes — PDF (through PDFium,
// webassembly), xlsx/xlsm (excelize), JPG/PNG — under limits of size, pages,
// time and unzip size, and hands the text to package parse for its kind and
// fields. Panics in any reader are recovered into ErrCorrupt.
//
// Errors wrap one sentinel per intake rule (ErrUnsupported and ErrLegacy
// F001, ErrCorrupt F002, ErrPassword F003, ErrEmpty F004, ErrTooLarge
// F005); a time-out is ErrCorrupt. Result.Scanned marks F009: a PDF with
// images and under 10 non-space characters of text per page (photo pages
// with short captions carry 20–30, so a photos PDF is not a scan).
//
// Concurrency: an *Extractor is safe for concurrent use. PDFium runs as a
// webassembly module in one process-wide pool (Options.Workers instances),
// compiled on the first PDF and cached on disk in Options.CacheDir; a call
// that outlives its context is interrupted and its instance replaced.
package extract

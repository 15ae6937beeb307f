// Package extract reads a submitted file's bytes — PDF (through PDFium,
// webassembly), xlsx/xlsm (excelize), JPG/PNG — under limits of size, pages,
// time and unzip size, and hands the text to package parse for its kind and
// fields. Panics in any reader are recovered into ErrCorrupt.
//
// Errors wrap one sentinel per intake rule (ErrUnsupported and ErrLegacy
// F001, ErrCorrupt F002, ErrPassword F003, ErrEmpty F004, ErrTooLarge
// F005); a time-out is ErrCorrupt. A PDF with under 10 non-space characters
// of text per page (photo pages with short captions carry 20–30, so a
// photos PDF is not a scan) is either
//   - Result.Scanned (F009) when it shows images or drawings (20+ path
//     objects per page, e.g. text turned into outlines), or
//   - Result.Blank when it shows nothing: its Kind is unknown (F007) and it
//     has no fields, whatever its file name says.
//
// Concurrency: an *Extractor is safe for concurrent use. PDFium runs as a
// webassembly module (wazero's optimising compiler) in one process-wide
// pool of Options.Workers instances, compiled on the first PDF and cached
// on disk in Options.CacheDir. A call that outlives its context returns at
// once. By default the module has no termination checks (they made PDFium
// about 3× slower), so the abandoned call finishes its current PDFium call
// (at most one page) in the background, holding its instance; with
// Options.Interruptible it is stopped at once and its instance replaced.
package extract

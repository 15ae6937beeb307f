// Package ocr reads page images with the tesseract command (no cgo): it
// prepares a page (red seal ink removed by colour, deskewed), runs
// tesseract for its hOCR output with character boxes (words, their boxes
// and confidences, and each character's own confidence), finds the page's
// check boxes and the ink inside them (FindFrames), and rebuilds the words
// into text lines laid out as a PDF's text layer is, so that the one
// parser in package parse reads scans and text PDFs alike. ReadDigits
// reads chosen regions again as digits alone (an amount a sum doubts).
//
// Safety: tesseract runs with OMP_THREAD_LIMIT=1 in its own process group,
// at most Config.Workers at a time; past Config.PageTimeout or when the
// caller's context ends the whole group is killed. Its input is written to
// a temporary file under Config.TempDir and removed afterwards.
//
// Concurrency: an *Engine is safe for concurrent use.
package ocr

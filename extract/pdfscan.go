package extract

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
)

// maxScanInflate bounds how much one content stream is inflated while its
// operators are counted; a stream inflating past it is over any limit.
const maxScanInflate = 512 << 20

// checkPageOps counts, before PDFium parses anything, the painting and
// text-showing operators of every content stream in the file (Flate or
// unfiltered; images skipped) and refuses one with more than limit: PDFium
// builds an object per operator when it loads a page, 1–2 KB each, so a
// page of millions of operators takes gigabytes. The count is an
// over-estimate (a text string is not looked into), never an under-one.
func checkPageOps(data []byte, limit int) error {
	if limit <= 0 {
		return nil
	}
	for off := 0; off < len(data); {
		i := bytes.Index(data[off:], []byte("stream"))
		if i < 0 {
			break
		}
		start := off + i + len("stream")
		off = start
		if i >= 3 && bytes.Equal(data[off-len("stream")-3:off-len("stream")], []byte("end")) {
			continue // "endstream"
		}
		switch {
		case bytes.HasPrefix(data[start:], []byte("\r\n")):
			start += 2
		case bytes.HasPrefix(data[start:], []byte("\n")), bytes.HasPrefix(data[start:], []byte("\r")):
			start++
		default:
			continue
		}
		dict := data[max(0, off-len("stream")-2048) : off-len("stream")]
		if j := bytes.LastIndex(dict, []byte(" obj")); j >= 0 {
			dict = dict[j:]
		}
		end := bytes.Index(data[start:], []byte("endstream"))
		if end < 0 {
			end = len(data) - start
		}
		body := data[start : start+end]
		off = start + end
		n, err := countStreamOps(dict, body, limit)
		if err != nil {
			return err
		}
		if n > limit {
			return fmt.Errorf("%w: a PDF page has more than %d drawing and text operators (limits.max_page_objects)", ErrTooLarge, limit)
		}
	}
	return nil
}

// countStreamOps counts one stream's operators, stopping past limit.
func countStreamOps(dict, body []byte, limit int) (int, error) {
	if bytes.Contains(dict, []byte("/Image")) || bytes.Contains(dict, []byte("/XRef")) || bytes.Contains(dict, []byte("/ObjStm")) ||
		bytes.Contains(dict, []byte("/Length1")) || bytes.Contains(dict, []byte("/FontFile")) {
		return 0, nil
	}
	var r io.Reader
	switch {
	case bytes.Contains(dict, []byte("/FlateDecode")) || bytes.Contains(dict, []byte("/Fl ")) || bytes.Contains(dict, []byte("/Fl/")):
		if bytes.Contains(dict, []byte("/DecodeParms")) || bytes.Contains(dict, []byte("/Predictor")) {
			return 0, nil // predictors are for images and xref data, not page content
		}
		zr, err := zlib.NewReader(bytes.NewReader(body))
		if err != nil {
			return 0, nil // PDFium judges a damaged stream
		}
		defer zr.Close()
		r = io.LimitReader(zr, maxScanInflate)
	case bytes.Contains(dict, []byte("/Filter")):
		return 0, nil // other filters: images (DCT, JBIG2…) or rare
	default:
		r = bytes.NewReader(body)
	}
	return countOps(bufio.NewReaderSize(r, 64<<10), limit), nil
}

// paintOps are the operators that make a page object (text shown, paths
// painted, XObjects and shadings drawn, inline images).
var paintOps = map[string]bool{
	"Tj": true, "TJ": true, "'": true, `"`: true,
	"f": true, "F": true, "f*": true, "S": true, "s": true, "B": true, "B*": true, "b": true, "b*": true, "n": true,
	"Do": true, "sh": true, "BI": true,
}

// countOps tokenises a content stream, skipping strings, and counts
// paintOps, stopping once past limit.
func countOps(r *bufio.Reader, limit int) int {
	n := 0
	var tok [3]byte
	tl := 0
	flush := func() {
		if tl > 0 && tl <= 2 && paintOps[string(tok[:tl])] {
			n++
		}
		tl = 0
	}
	for n <= limit {
		c, err := r.ReadByte()
		if err != nil {
			break
		}
		switch c {
		case ' ', '\n', '\r', '\t', '\f', 0, '[', ']', '/', '{', '}', '>':
			flush()
		case '<':
			flush()
			if nx, _ := r.Peek(1); len(nx) == 1 && nx[0] == '<' {
				r.ReadByte()
				continue
			}
			skipUntil(r, '>')
		case '(':
			flush()
			skipString(r)
		case '%':
			flush()
			skipUntil(r, '\n')
		default:
			if tl < len(tok) {
				tok[tl] = c
			}
			tl++
		}
	}
	flush()
	return n
}

func skipUntil(r *bufio.Reader, end byte) {
	for {
		c, err := r.ReadByte()
		if err != nil || c == end {
			return
		}
	}
}

// skipString skips a literal string, with nested parentheses and escapes.
func skipString(r *bufio.Reader) {
	depth := 1
	for depth > 0 {
		c, err := r.ReadByte()
		if err != nil {
			return
		}
		switch c {
		case '\\':
			r.ReadByte()
		case '(':
			depth++
		case ')':
			depth--
		}
	}
}

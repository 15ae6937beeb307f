package ocr

import (
	"encoding/xml"
	"fmt"
	"image"
	"io"
	"strconv"
	"strings"
)

// Char is one character of a word as tesseract read it (hOCR with
// hocr_char_boxes): its text, box and the recogniser's own confidence,
// 0..1. A word's confidence can be low while every character of it is
// sure (tesseract lowers a word for odd spacing or a bracket glued to a
// Han character); the characters say which part is in doubt.
type Char struct {
	Text string
	Box  image.Rectangle
	Conf float64
}

// ParseHOCR reads tesseract's hOCR output (with -c hocr_char_boxes=1):
// words with their boxes, confidences (0..1) and characters, numbered by
// block, paragraph and line as the TSV output numbers them.
func ParseHOCR(r io.Reader) ([]Word, error) {
	dec := xml.NewDecoder(r)
	dec.Strict = false
	dec.AutoClose = xml.HTMLAutoClose
	dec.Entity = xml.HTMLEntity
	var (
		words            []Word
		block, par, line int
		depth            int
		wordAt, charAt   = -1, -1
		cur              *Word
		ch               *Char
	)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("parse tesseract hocr: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			class, title := attr(t, "class"), attr(t, "title")
			switch class {
			case "ocr_carea":
				block++
			case "ocr_par":
				par++
			case "ocr_line", "ocr_header", "ocr_caption", "ocr_textfloat":
				line++
			case "ocrx_word":
				box, conf := hocrBox(title, "bbox"), hocrNum(title, "x_wconf")
				words = append(words, Word{Box: box, Conf: min(conf, 100) / 100, Block: block, Par: par, Line: line})
				cur, wordAt = &words[len(words)-1], depth
			case "ocrx_cinfo":
				if cur != nil {
					cur.Chars = append(cur.Chars, Char{Box: hocrBox(title, "x_bboxes"), Conf: min(hocrNum(title, "x_conf"), 100) / 100})
					ch, charAt = &cur.Chars[len(cur.Chars)-1], depth
				}
			}
		case xml.CharData:
			switch {
			case ch != nil:
				ch.Text += strings.TrimSpace(string(t))
			case cur != nil:
				cur.Text += strings.TrimSpace(string(t))
			}
		case xml.EndElement:
			if depth == charAt {
				if cur != nil && ch != nil {
					cur.Text += ch.Text
				}
				ch, charAt = nil, -1
			}
			if depth == wordAt {
				cur, wordAt = nil, -1
			}
			depth--
		}
	}
	out := words[:0]
	for _, w := range words {
		if w.Text = strings.TrimSpace(w.Text); w.Text != "" {
			out = append(out, w)
		}
	}
	return out, nil
}

func attr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// hocrField returns the numbers after key in an hOCR title
// ("bbox 1 2 3 4; x_wconf 91").
func hocrField(title, key string) []float64 {
	for _, part := range strings.Split(title, ";") {
		f := strings.Fields(part)
		if len(f) == 0 || f[0] != key {
			continue
		}
		var out []float64
		for _, s := range f[1:] {
			v, err := strconv.ParseFloat(s, 64)
			if err != nil {
				return nil
			}
			out = append(out, v)
		}
		return out
	}
	return nil
}

func hocrBox(title, key string) image.Rectangle {
	n := hocrField(title, key)
	if len(n) < 4 {
		return image.Rectangle{}
	}
	return image.Rect(int(n[0]), int(n[1]), int(n[2]), int(n[3]))
}

func hocrNum(title, key string) float64 {
	n := hocrField(title, key)
	if len(n) == 0 {
		return 0
	}
	return n[0]
}

// ink is the share of pixels darker than mid-grey in r shrunk by a fifth
// on each side.
func ink(gray *image.Gray, r image.Rectangle) float64 {
	dx, dy := r.Dx()/5, r.Dy()/5
	in := image.Rect(r.Min.X+dx, r.Min.Y+dy, r.Max.X-dx, r.Max.Y-dy).Intersect(gray.Bounds())
	if in.Empty() {
		return -1
	}
	dark := 0
	for y := in.Min.Y; y < in.Max.Y; y++ {
		row := gray.Pix[(y-gray.Rect.Min.Y)*gray.Stride:]
		for x := in.Min.X; x < in.Max.X; x++ {
			if row[x-gray.Rect.Min.X] < 128 {
				dark++
			}
		}
	}
	return float64(dark) / float64(in.Dx()*in.Dy())
}

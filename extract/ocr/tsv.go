package ocr

import (
	"bufio"
	"fmt"
	"image"
	"io"
	"strconv"
	"strings"
)

// Word is one word tesseract read: its text, box (pixels of the prepared
// page) and confidence, 0..1.
type Word struct {
	Text string
	Box  image.Rectangle
	Conf float64
	// Block, Par, Line are tesseract's own layout numbers.
	Block, Par, Line int
	// Chars: the word's characters (hOCR); nil from the TSV output or an
	// older cache entry.
	Chars []Char `json:",omitempty"`
}

// ParseTSV reads tesseract's TSV output: the level-5 rows (words) with
// text. Confidences come as 0..100 and are returned as 0..1.
func ParseTSV(r io.Reader) ([]Word, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 4<<20)
	var words []Word
	first := true
	for sc.Scan() {
		line := sc.Text()
		if first {
			first = false
			if strings.HasPrefix(line, "level") {
				continue
			}
		}
		f := strings.Split(line, "\t")
		if len(f) < 12 || f[0] != "5" {
			continue
		}
		text := strings.TrimSpace(f[11])
		if text == "" {
			continue
		}
		n := make([]int, 10)
		for i := 0; i < 10; i++ {
			v, err := strconv.Atoi(f[i])
			if err != nil {
				return nil, fmt.Errorf("parse tesseract tsv: column %d %q: %w", i+1, f[i], err)
			}
			n[i] = v
		}
		conf, err := strconv.ParseFloat(f[10], 64)
		if err != nil {
			return nil, fmt.Errorf("parse tesseract tsv: confidence %q: %w", f[10], err)
		}
		if conf < 0 {
			continue
		}
		words = append(words, Word{
			Text:  text,
			Box:   image.Rect(n[6], n[7], n[6]+n[8], n[7]+n[9]),
			Conf:  min(conf, 100) / 100,
			Block: n[2], Par: n[3], Line: n[4],
		})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read tesseract tsv: %w", err)
	}
	return words, nil
}

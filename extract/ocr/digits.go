package ocr

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"os"
	"sort"
	"strings"
)

// ReadDigits reads again, as digits alone, the regions boxes of a
// prepared page (amounts tesseract read with a doubtful character: "7;265.13",
// "12J101 .91"): the regions are stacked into one strip and read by one
// tesseract run (eng, one block, digits and . , only). It returns, for
// each box, the text read there ("" when nothing) and its confidence.
func (e *Engine) ReadDigits(ctx context.Context, gray *image.Gray, boxes []image.Rectangle, dpi int) ([]string, []float64, error) {
	if len(boxes) == 0 {
		return nil, nil, nil
	}
	const pad, gap = 6, 24
	w, h := 0, gap
	for _, b := range boxes {
		w = max(w, b.Dx()+2*pad)
		h += b.Dy() + 2*pad + gap
	}
	strip := image.NewGray(image.Rect(0, 0, w+2*gap, h))
	for i := range strip.Pix {
		strip.Pix[i] = 255
	}
	spans := make([][2]int, len(boxes)) // each box's rows in the strip
	y := gap
	for i, b := range boxes {
		src := b.Inset(-pad).Intersect(gray.Bounds())
		for sy := src.Min.Y; sy < src.Max.Y; sy++ {
			row := gray.Pix[(sy-gray.Rect.Min.Y)*gray.Stride+src.Min.X-gray.Rect.Min.X:]
			copy(strip.Pix[(y+sy-src.Min.Y)*strip.Stride+gap:], row[:src.Dx()])
		}
		spans[i] = [2]int{y, y + src.Dy()}
		y += b.Dy() + 2*pad + gap
	}
	f, err := os.CreateTemp(e.cfg.TempDir, "ocr-*.pgm")
	if err != nil {
		return nil, nil, fmt.Errorf("create ocr digits file: %w", err)
	}
	defer os.Remove(f.Name())
	if err := writePGM(f, strip); err != nil {
		f.Close()
		return nil, nil, fmt.Errorf("write ocr digits file: %w", err)
	}
	if err := f.Close(); err != nil {
		return nil, nil, fmt.Errorf("write ocr digits file: %w", err)
	}
	select {
	case e.slots <- struct{}{}:
	case <-ctx.Done():
		return nil, nil, ctx.Err()
	}
	defer func() { <-e.slots }()
	pctx, cancel := context.WithTimeout(ctx, e.cfg.PageTimeout)
	defer cancel()
	if dpi <= 0 {
		dpi = 300
	}
	out, err := e.run(pctx, f.Name(), "stdout", "-l", DigitsLanguage, "--psm", "6", "--dpi", fmt.Sprint(dpi),
		"-c", "tessedit_char_whitelist=0123456789.,", "tsv")
	if err != nil {
		return nil, nil, fmt.Errorf("run tesseract on digits: %w", err)
	}
	words, err := ParseTSV(bytes.NewReader(out))
	if err != nil {
		return nil, nil, err
	}
	sort.SliceStable(words, func(i, j int) bool { return words[i].Box.Min.X < words[j].Box.Min.X })
	texts := make([]string, len(boxes))
	confs := make([]float64, len(boxes))
	for i, sp := range spans {
		var b strings.Builder
		c := 1.0
		for _, wd := range words {
			cy := (wd.Box.Min.Y + wd.Box.Max.Y) / 2
			if cy >= sp[0] && cy < sp[1] {
				b.WriteString(wd.Text)
				c = min(c, wd.Conf)
			}
		}
		texts[i] = b.String()
		if texts[i] != "" {
			confs[i] = c
		}
	}
	return texts, confs, nil
}

// DigitsLanguage is the model ReadDigits uses (tesseract-ocr-eng, which
// tesseract-ocr installs with itself).
const DigitsLanguage = "eng"

// HasLanguage reports whether tesseract has the language lang.
func (e *Engine) HasLanguage(lang string) bool { return e.langs[lang] }

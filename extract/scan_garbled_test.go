package extract

import (
	"image"
	"testing"

	"dossier/extract/ocr"
)

// TestGarbled counts the lines OCR could not make out: three words or
// more, most below garbledConf. The words are a ruled form's row as the
// unseen4 scan set gave it, and a clean row beside it.
func TestGarbled(t *testing.T) {
	line := func(y int, words ...ocr.Word) []ocr.Word {
		for i := range words {
			words[i].Box = image.Rect(i*60, y, i*60+50, y+20)
			words[i].Line = y
		}
		return words
	}
	w := func(s string, c float64) ocr.Word { return ocr.Word{Text: s, Conf: c} }
	tests := []struct {
		name  string
		words []ocr.Word
		want  int
	}{
		{"rows read as noise", line(100, w("机", 0), w("衣", 0), w("和", 0.10), w("作", 0), w("合计", 0.9)), 1},
		{"a clean row", line(100, w("服务覆盖区县数量", 0.95), w("11", 0.9), w("个", 0.93)), 0},
		{"two doubtful words of three are not half of four", line(100, w("总人数", 0.9), w("二", 0.2), w("3", 0.1), w("人", 0.9)), 0},
		{"a short line is not counted", line(100, w("二", 0), w("3", 0)), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pg := ocr.Page{Lines: ocr.BuildLines(tt.words)}
			if got := garbled(map[int]ocr.Page{1: pg}); got != tt.want {
				t.Errorf("garbled = %d, want %d (lines %d)", got, tt.want, len(pg.Lines))
			}
		})
	}
}

package extract

import (
	"image"
	"testing"

	"dossier/extract/ocr"
)

// row lays words out left to right on one row, 40 px high, each
// character 40 px wide with 10 px between words.
func row(ws ...ocr.Word) ocr.Line {
	x := 100
	for i := range ws {
		n := len([]rune(ws[i].Text))
		ws[i].Box = image.Rect(x, 200, x+40*n, 240)
		ws[i].Block, ws[i].Par, ws[i].Line = 1, 1, 1
		x += 40*n + 10
	}
	return ocr.BuildLines(ws)[0]
}

func w(text string, conf float64) ocr.Word { return ocr.Word{Text: text, Conf: conf} }

func TestScanCountCell(t *testing.T) {
	tests := []struct {
		name       string
		line       ocr.Line
		label      string
		ok         bool
		words      string
		minX, maxX int
	}{
		{"colon and semicolon read as 二 around the count, the next label stops it",
			row(w("总", .6), w("人", .9), w("数", .9), w("二", 0), w("3", 0), w("二", .35), w("总", .72), w("人", .9), w("次", .7), w("39", .1)),
			"总人数", true, "二3二", 242, 398},
		{"the second label's cell runs to the line's end",
			row(w("总", .6), w("人", .9), w("数", .9), w("二", 0), w("3", 0), w("二", .35), w("总", .72), w("人", .9), w("次", .7), w("39", .1)),
			"总人次", true, "39", 542, 628},
		{"garbled glyphs of low confidence are the cell's",
			row(w("总", .8), w("人", .9), w("数", .9), w("二", .2), w("本", .23), w("二", .26), w("总", .6), w("人", .9), w("灾", .24), w("1", .55)),
			"总人数", true, "二本二", 242, 398},
		{"no label", row(w("总", .8), w("人", .9), w("灾", .2), w("1", .5)), "总人次", false, "", 0, 0},
		{"a label followed at once by the next one has no cell",
			row(w("总", .8), w("人", .9), w("数", .9), w("合", .9), w("计", .9)), "总人数", false, "", 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := cellAfter(tc.line, tc.label)
			if ok != tc.ok {
				t.Fatalf("ok = %v, want %v (line %q)", ok, tc.ok, tc.line.Text)
			}
			if !ok {
				return
			}
			if s := joinWords(tc.line, got.words); s != tc.words {
				t.Errorf("words = %q, want %q", s, tc.words)
			}
			if got.box.Min.X != tc.minX || got.box.Max.X != tc.maxX {
				t.Errorf("box x = %d..%d, want %d..%d", got.box.Min.X, got.box.Max.X, tc.minX, tc.maxX)
			}
			if got.box.Min.Y != 190 || got.box.Max.Y != 250 {
				t.Errorf("box y = %d..%d, want 190..250 (the row, a quarter padded)", got.box.Min.Y, got.box.Max.Y)
			}
		})
	}
}

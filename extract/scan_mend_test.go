package extract

import (
	"image"
	"testing"

	"dossier/extract/ocr"
	"dossier/extract/parse"
)

// mendWord is a word as hOCR gives it: its confidence and, per character,
// the character boxes' own.
func mendWord(x int, text string, conf float64, chars ...float64) ocr.Word {
	w := ocr.Word{Text: text, Conf: conf, Box: image.Rect(x, 100, x+40*len([]rune(text)), 130)}
	for i, r := range []rune(text) {
		c := conf
		if i < len(chars) {
			c = chars[i]
		}
		w.Chars = append(w.Chars, ocr.Char{Text: string(r), Conf: c,
			Box: image.Rect(x+40*i, 100, x+40*i+38, 130)})
	}
	return w
}

// mendRow lays words out left to right on one row.
func mendRow(ws ...ocr.Word) ocr.Line {
	x := 0
	for i := range ws {
		n := len([]rune(ws[i].Text))
		ws[i] = mendWord(x, ws[i].Text, ws[i].Conf, charConfs(ws[i])...)
		x += 40*n + 20
	}
	return ocr.BuildLines(ws)[0]
}

func charConfs(w ocr.Word) []float64 {
	var cs []float64
	for _, c := range w.Chars {
		cs = append(cs, c.Conf)
	}
	return cs
}

func TestMendLine(t *testing.T) {
	w := func(text string, conf float64, chars ...float64) ocr.Word {
		return mendWord(0, text, conf, chars...)
	}
	tests := []struct {
		name string
		line ocr.Line
		want string // the line's text after mending
	}{
		{"a label's character tesseract gave 0 (its box 0.78)",
			mendRow(w("专家", 0.96), w("芳", 0, 0.78), w("务", 0, 0.73), w("费", 0.89), w("38,890.27", 0.90)),
			"专家劳务费 38,890.27"},
		{"the opinion's wording",
			mendRow(w("编制，", 0.92), w("公", 0.91), w("爷", 0, 0.56), w("反映", 0.96)),
			"编制，公允反映"},
		{"two words propose two characters: 总人数 or 总人次",
			mendRow(w("总", 0.95), w("人", 0.9), w("灾", 0.24), w("1", 0.55)),
			"总人灾 1"},
		{"a word of the vocabulary read as it is: 会务费 stays though 会议费 fits",
			mendRow(w("会", 0.93), w("务", 0.2), w("费", 0.9), w("6,551.73", 0.9)),
			"会务费 6,551.73"},
		{"a character read surely is not mended",
			mendRow(w("专家", 0.96), w("芳", 0.95), w("务费", 0.95), w("100.00", 0.9)),
			"专家芳务费 100.00"},
		{"too little read surely around it",
			mendRow(w("专家芳务费", 0.2, 0.5, 0.5, 0.1, 0.5, 0.9)),
			"专家芳务费"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ws, _ := mendLine(tt.line)
			got := ocr.BuildLines(ws)[0].Text
			if got != tt.want {
				t.Errorf("mended %q → %q, want %q", tt.line.Text, got, tt.want)
			}
		})
	}
}

// TestMendedFieldsInDoubt: what a mended label gives is held below the
// threshold, the rest of the page's fields keep their own confidence.
func TestMendedFieldsInDoubt(t *testing.T) {
	lines := []ocr.Line{
		mendRow(mendWord(0, "专项审计报告", 0.95)),
		mendRow(mendWord(0, "会议费", 0.93), mendWord(0, "6,551.73", 0.9)),
		mendRow(mendWord(0, "专家", 0.96), mendWord(0, "芳", 0, 0.78), mendWord(0, "务", 0, 0.73), mendWord(0, "费", 0.89), mendWord(0, "38,890.27", 0.9)),
	}
	var words []ocr.Word
	for i, l := range lines {
		for _, w := range l.Words {
			w.Box, w.Line = w.Box.Add(image.Pt(0, 60*i)), i
			words = append(words, w)
		}
	}
	pages := map[int]ocr.Page{1: {Lines: ocr.BuildLines(words)}}
	read := func(pages map[int]ocr.Page) (string, []ocrLine, map[int][]ocr.Frame, parse.Output) {
		p := pages[1]
		var lines []ocrLine
		for _, l := range p.Lines {
			lines = append(lines, ocrLine{page: 1, line: l})
		}
		return p.Text(), lines, map[int][]ocr.Frame{1: nil}, runParse(parseInput{Name: "审计报告.pdf", Text: p.Text(), Pages: 1})
	}
	mended, keys := mendLabels(pages, read)
	if !keys["spent_expert_fees"] || keys["spent_meetings"] {
		t.Fatalf("mended fields %v, want spent_expert_fees alone", keys)
	}
	_, lns, frames, out := read(mended)
	if out.Fields["spent_expert_fees"] != 38890.27 {
		t.Fatalf("spent_expert_fees %v after mending", out.Fields["spent_expert_fees"])
	}
	conf, _ := attribute(out.Fields, lns, frames)
	mendedDoubt(conf, keys)
	if c, ok := conf["spent_expert_fees"]; !ok || c > mendedConf || conf["spent_meetings"] < 0.8 {
		t.Errorf("confidence %v, want spent_expert_fees at most %v and spent_meetings its own (≥ 0.80)", conf, mendedConf)
	}
}

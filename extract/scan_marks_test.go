package extract

import (
	"image"
	"testing"

	"dossier"
	"dossier/extract/ocr"
)

// markLine builds an OCR'd line of words laid out left to right.
func markLine(y int, texts ...string) ocr.Line {
	var words []ocr.Word
	x := 0
	for _, t := range texts {
		n := len([]rune(t))
		words = append(words, ocr.Word{Text: t, Box: image.Rect(x, y, x+20*n, y+20), Conf: 0.5, Line: y})
		x += 20*n + 2
	}
	return ocr.BuildLines(words)[0]
}

func TestMarkConf(t *testing.T) {
	// "5.是否对服务团组织实施情况开展宣传:" ends at x = 20*16+2*… ; boxes after it
	q := markLine(100, "5.是否对服务团组织实施情况开展宣传", ":", "回", "有", "口", "无")
	end := q.Words[1].Box.Max.X
	yes := ocr.Frame{Box: image.Rect(end+5, 102, end+20, 117)}
	no := ocr.Frame{Box: image.Rect(end+50, 102, end+65, 117)}
	label := ocr.Frame{Box: image.Rect(30, 102, 45, 117), Ink: 0.9} // 团 drawn as a frame, inside the question
	tests := []struct {
		name    string
		value   bool
		yes, no float64
		frames  bool
		want    float64
		wantOK  bool
	}{
		{"ticked yes, read yes", true, 0.15, 0.0, true, inkAgrees, true},
		{"ticked no, read no", false, 0.01, 0.2, true, inkAgrees, true},
		{"ticked yes, read no: a misreading", false, 0.15, 0.0, true, inkDisagrees, true},
		{"no clear difference", true, 0.05, 0.03, true, inkUnclear, true},
		{"frames not measured: fall back", true, 0.15, 0.0, false, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			y, n := yes, no
			y.Ink, n.Ink = tt.yes, tt.no
			frames := map[int][]ocr.Frame{}
			if tt.frames {
				frames[1] = []ocr.Frame{n, label, y}
			}
			got, _, ok := markConf("publicity", tt.value, []ocrLine{{page: 1, line: q}}, frames)
			if ok != tt.wantOK || got != tt.want {
				t.Errorf("markConf = %v, %v; want %v, %v", got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func TestMarkConfNextLine(t *testing.T) {
	// the question's "☑是" ends one line, "☐否" starts the next
	q := markLine(100, "1.是否由本省人力资源社会保障厅负责组织实施", ":", "回", "是")
	n := markLine(140, "口", "否")
	end := q.Words[1].Box.Max.X
	frames := map[int][]ocr.Frame{1: {
		{Box: image.Rect(end+5, 102, end+20, 117), Ink: 0.0},
		{Box: image.Rect(2, 142, 17, 157), Ink: 0.2},
	}}
	got, _, ok := markConf("organized_by_hrss", true, []ocrLine{{page: 1, line: q}, {page: 1, line: n}}, frames)
	if !ok || got != inkDisagrees {
		t.Errorf("markConf = %v, %v; want %v (the no box is the ticked one)", got, ok, inkDisagrees)
	}
}

func TestWordConf(t *testing.T) {
	w := func(conf float64, chars ...ocr.Char) ocr.Word { return ocr.Word{Conf: conf, Chars: chars} }
	tests := []struct {
		name string
		w    ocr.Word
		want float64
	}{
		{"no characters: the word's", w(0.42), 0.42},
		{"a doubtful bracket does not count", w(0, ocr.Char{Text: "(", Conf: 0.5}, ocr.Char{Text: "特", Conf: 0.99}), 0.98},
		{"punctuation alone", w(0.37, ocr.Char{Text: ")", Conf: 0.9}), 1},
		{"a doubtful Han character, doubt doubled", w(0.9, ocr.Char{Text: "茂", Conf: 0.85}), 0.7},
		{"a digit counts", w(0.9, ocr.Char{Text: "6", Conf: 0.9}, ocr.Char{Text: ",", Conf: 0.2}), 0.8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := wordConf(tt.w); got < tt.want-1e-9 || got > tt.want+1e-9 {
				t.Errorf("wordConf = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestAmountLines(t *testing.T) {
	pg := ocr.Page{Lines: []ocr.Line{
		markLine(0, "其他支出", "7;265.13"),
		markLine(40, "资料印刷费", "12J101", ".91"),
		markLine(80, "报告日期:", "2026", "年", "10", "月", "21", "日"),
		markLine(120, "0.00"), // no label: nothing to reread it for
	}}
	got := amountLines(1, pg)
	if len(got) != 2 {
		t.Fatalf("amountLines found %d lines, want 2: %+v", len(got), got)
	}
	if s := joinWords(pg.Lines[got[1].line], got[1].words); s != "12J101.91" {
		t.Errorf("second amount = %q, want the two words 12J101 .91", s)
	}
	if s := junkSeparator.ReplaceAllString("7;265.13", ","); s != "7,265.13" {
		t.Errorf("junk separator: %q", s)
	}
}

func TestCombos(t *testing.T) {
	var got [][]int
	combos(4, 2, func(p []int) bool {
		got = append(got, append([]int(nil), p...))
		return false
	})
	if len(got) != 6 {
		t.Errorf("4 choose 2 gave %d subsets: %v", len(got), got)
	}
	n := 0
	if !combos(5, 1, func(p []int) bool { n++; return p[0] == 2 }) || n != 3 {
		t.Errorf("combos did not stop at the first subset found (%d calls)", n)
	}
}

// TestInvalidConf: both options of 服务形式 ticked (the parser's invalid
// value) is certain only when each option's box clearly holds ink.
func TestInvalidConf(t *testing.T) {
	once := markLine(100, "回", "①一次服务", "服务天数")
	batches := markLine(200, "回", "②分批次服务", "服务次数", "4")
	box := func(l ocr.Line, ink float64) ocr.Frame {
		b := l.Words[0].Box // tesseract read the box as 回
		return ocr.Frame{Box: image.Rect(b.Min.X+2, b.Min.Y+2, b.Max.X-2, b.Max.Y-2), Ink: ink}
	}
	tests := []struct {
		name      string
		once, bat float64
		measured  bool
		wantOK    bool
	}{
		{"both clearly ticked", 0.15, 0.14, true, true},
		{"one box empty", 0.15, 0.01, true, false},
		{"a speck is not a tick", 0.15, 0.04, true, false},
		{"frames not measured", 0.15, 0.15, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			frames := map[int][]ocr.Frame{}
			if tt.measured {
				frames[1] = []ocr.Frame{box(once, tt.once), box(batches, tt.bat)}
			}
			conf, src := map[string]float64{}, map[string]dossier.Source{}
			invalidConf(map[string]string{"service_mode": "一次服务、分批次服务（均已勾选）"},
				[]ocrLine{{page: 1, line: once}, {page: 1, line: batches}}, frames, conf, src)
			c, ok := conf["service_mode"]
			if ok != tt.wantOK || (ok && c != inkAgrees) {
				t.Errorf("conf = %v, %v; want ok %v at %v", c, ok, tt.wantOK, inkAgrees)
			}
		})
	}
}

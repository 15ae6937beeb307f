package ocr

import (
	"image"
	"testing"
)

// boxRow lays out a row of words at y (20 px high, 2 px apart): each
// word's characters 20 px wide, "" starts a gap of 20 px (a box tesseract
// did not read). It returns the words and the box of each character by
// its index in the row (gaps included), so frames can be put on them.
func boxRow(y int, words ...string) ([]Word, []image.Rectangle) {
	var out []Word
	var at []image.Rectangle
	x := 10
	for _, t := range words {
		if t == "" {
			at = append(at, image.Rect(x, y, x+20, y+20))
			x += 22
			continue
		}
		w := Word{Text: t, Line: y, Box: image.Rect(x, y, x, y+20), Conf: 0.9}
		for _, r := range t {
			c := Char{Text: string(r), Box: image.Rect(x, y, x+20, y+20), Conf: 0.9}
			w.Chars = append(w.Chars, c)
			at = append(at, c.Box)
			x += 20
		}
		w.Box.Max.X = x
		out = append(out, w)
		x += 2
	}
	return out, at
}

// frameOn is a frame of 18 px on character box r, with ink.
func frameOn(r image.Rectangle, ink float64) Frame {
	return Frame{Box: image.Rect(r.Min.X+1, r.Min.Y+1, r.Max.X-1, r.Max.Y-1), Ink: ink}
}

func TestBoxMarks(t *testing.T) {
	type row struct {
		words []string
		ink   map[int]float64 // character index in the row → a frame on it with this ink
	}
	tests := []struct {
		name string
		rows []row
		want string
	}{
		{"ticked and empty boxes settled by their ink",
			[]row{{[]string{"口", "一次服务", "回", "分批次服务"}, map[int]float64{0: 0, 5: 0.15}}},
			"☐① 一次服务☑分批次服务"}, // fixMarks numbers the first mode
		{"the ink wins over the glyph (四 on an empty box, 口 on a ticked one)",
			[]row{{[]string{"四", "农业", "口", "林业"}, map[int]float64{0: 0, 3: 0.16}}},
			"☐农业☑林业"},
		{"a choice over two lines",
			[]row{{[]string{"口", "农业", "口", "林业"}, map[int]float64{0: 0, 3: 0}},
				{[]string{"加", "医疗", "口", "教育"}, map[int]float64{0: 0.14, 3: 0}}},
			"☐农业☐林业\n☑医疗☐教育"},
		{"a Han character's ink (国 0.45) is not a tick",
			[]row{{[]string{"回", "是", "口", "否", "国家"}, map[int]float64{0: 0.15, 2: 0, 4: 0.45}}},
			"☑是☐否国家"},
		{"unclear ink leaves the whole choice as read",
			[]row{{[]string{"回", "农业", "口", "林业"}, map[int]float64{0: 0.05, 3: 0}}},
			"回农业口林业"},
		{"a box without a frame leaves the whole choice as read",
			[]row{{[]string{"口", "农业", "回", "林业"}, map[int]float64{3: 0.15}},
				{[]string{"口", "医疗", "口", "教育"}, map[int]float64{0: 0, 3: 0}}},
			"口农业回林业\n口医疗口教育"},
		{"a lone 口 in a sentence: no other box near it",
			[]row{{[]string{"群众在家门口享受"}, map[int]float64{5: 0}}},
			"群众在家门口享受"},
		{"a 口 inside a word is never a box; on its line nothing is settled",
			[]row{{[]string{"门口", "回", "农业", "口", "林业"}, map[int]float64{1: 0, 2: 0.15, 5: 0}}},
			"门口回农业口林业"},
		{"a 口 inside a word far from the boxes",
			[]row{{[]string{"回", "农业", "口", "林业"}, map[int]float64{0: 0.15, 3: 0}},
				{[]string{"说明"}, nil}, {[]string{"说明"}, nil}, {[]string{"说明"}, nil},
				{[]string{"群众在家门口享受"}, map[int]float64{5: 0}}},
			"☑农业☐林业\n说明\n说明\n说明\n群众在家门口享受"},
		{"a box tesseract did not read, before its option: the choice as read",
			[]row{{[]string{"形式", "", "次服务", "口", "分批次服务"}, map[int]float64{2: 0.15, 6: 0}}},
			"形式次服务口分批次服务"},
		{"a question whose whole answer tesseract lost leaves the others be",
			[]row{{[]string{"口", "农业", "回", "林业"}, map[int]float64{0: 0, 3: 0.15}},
				{[]string{"是否含帮扶县", "", ""}, map[int]float64{6: 0.15, 7: 0}}},
			"☐农业☑林业\n是否含帮扶县"},
		{"a label in the middle of its answer cell: the rows above it would be lost, left as read",
			[]row{{[]string{"口", "农业", "回", "林业", "口", "渔业"}, map[int]float64{0: 0, 3: 0.15, 6: 0}},
				{[]string{"服务领域可多选", "口", "医疗", "回", "教育"}, map[int]float64{7: 0, 10: 0.15}}},
			"口农业回林业口渔业\n服务领域可多选口医疗回教育"},
		{"the question before such a cell stands on its own",
			[]row{{[]string{"服务形式", "回", "一次", "口", "分批"}, map[int]float64{4: 0.15, 7: 0}},
				{[]string{"口", "农业", "回", "林业", "口", "渔业"}, map[int]float64{0: 0, 3: 0.15, 6: 0}},
				{[]string{"服务领域可多选", "口", "医疗", "回", "教育"}, map[int]float64{7: 0, 10: 0.15}}},
			"服务形式☑一次☐分批\n口农业回林业口渔业\n服务领域可多选口医疗回教育"},
		{"an option's name broken over the line end is not a label",
			[]row{{[]string{"口", "农业", "回", "林业", "口"}, map[int]float64{0: 0, 3: 0.15, 6: 0}},
				{[]string{"渔业", "口", "医疗"}, map[int]float64{2: 0}}},
			"☐农业☑林业☐\n渔业☐医疗"},
		{"no frames measured: as read",
			[]row{{[]string{"口", "农业", "回", "林业"}, nil}},
			"口农业回林业"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var words []Word
			var frames []Frame
			for i, r := range tt.rows {
				w, at := boxRow(40*i, r.words...)
				words = append(words, w...)
				for k, ink := range r.ink {
					frames = append(frames, frameOn(at[k], ink))
				}
			}
			p := Page{Lines: BuildLines(words), Frames: frames}
			if got := p.Text(); got != tt.want {
				t.Errorf("Text() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestBoxMarksOneWord(t *testing.T) {
	// "加有☐无" read as one word, 加's box stretched over 有, and 参加's 加
	// in the question: the line's two boxes pair with 加 and ☐ in order
	words, at := boxRow(0, "是否有对参加的保障措施", "加有口无")
	w := &words[1]
	w.Chars[0].Box.Max.X = w.Chars[1].Box.Max.X + 30 // stretched right
	p := Page{Lines: BuildLines(words), Frames: []Frame{frameOn(at[11], 0.15), frameOn(at[13], 0)}}
	if got, want := p.Text(), "是否有对参加的保障措施☑有☐无"; got != want {
		t.Errorf("Text() = %q, want %q", got, want)
	}
}

func TestBoxMarksNestedFrame(t *testing.T) {
	// 回 the character: a square inside a square; its outer frame's ink
	// could pass for a tick, the inner frame says it is not a box
	words, at := boxRow(0, "回", "农业", "口", "林业")
	outer := frameOn(at[0], 0.15)
	inner := Frame{Box: image.Rect(at[0].Min.X+6, 6, at[0].Min.X+14, 14), Ink: 0}
	p := Page{Lines: BuildLines(words), Frames: []Frame{outer, inner, frameOn(at[3], 0)}}
	if got, want := p.Text(), "回农业口林业"; got != want {
		t.Errorf("Text() = %q, want %q (回 holds a frame: a character, the choice stays as read)", got, want)
	}
}

package extract

import (
	"image"
	"testing"

	"dossier"
	"dossier/extract/ocr"
)

// TestAttributeWhereTheValueIs: a field's confidence comes from the words
// its value was read from. A list wrapped over two lines is located item
// by item; a value on no line as read (the parser put it together from
// garbled cells) is not vouched for by its label's line.
func TestAttributeWhereTheValueIs(t *testing.T) {
	row := func(y int, ws ...ocr.Word) []ocr.Word {
		x := 0
		for i := range ws {
			n := len([]rune(ws[i].Text))
			ws[i].Box, ws[i].Line = image.Rect(x, y, x+30*n, y+30), y
			x += 30*n + 20
		}
		return ws
	}
	w := func(s string, c float64) ocr.Word { return ocr.Word{Text: s, Conf: c} }
	var words []ocr.Word
	words = append(words, row(100, w("服务领域", 0.95), w("☑医疗", 0.93))...)
	words = append(words, row(200, w("☑生物医药", 0.91), w("☐教育", 0.9))...)
	words = append(words, row(300, w("宣传情况", 0.98), w("|学习强国上海学习平", 0.6))...)
	words = append(words, row(400, w("|2026-09-", 0.5), w("专家服务团走进基层(第", 0.7))...)
	var lines []ocrLine
	for _, l := range ocr.BuildLines(words) {
		lines = append(lines, ocrLine{page: 1, line: l})
	}
	f := dossier.Fields{
		"service_fields":  []string{"医疗", "生物医药"},
		"publicity_items": []dossier.PublicityItem{{Media: "| 学习强国上海学习平 |2026-09- | 专家服务团走进基层(第 1台 25 站)"}},
	}
	conf, src := attribute(f, lines, nil)
	if c := conf["service_fields"]; c < 0.9 || c > 0.93 {
		t.Errorf("service_fields %.2f, want its items' least sure (0.91)", c)
	}
	if s := src["service_fields"]; s.Page != 1 || s.Text == "" {
		t.Errorf("service_fields source %+v", s)
	}
	if c := conf["publicity_items"]; c > unlocated {
		t.Errorf("publicity_items %.2f from its label's line, want at most %.2f", c, unlocated)
	}
}

// TestFindToken: a number is found where it stands alone, also written
// with thousands separators, never inside a longer number.
func TestFindToken(t *testing.T) {
	tests := []struct {
		s, tok  string
		at, end int
	}{
		{"会议费 6,551.73", "6551.73", len("会议费 "), len("会议费 6,551.73")},
		{"会议费 6551.73", "6551.73", len("会议费 "), len("会议费 6551.73")},
		{"合计 16,551.73", "6551.73", -1, -1},
		{"共 13 人", "13", len("共 "), len("共 13")},
		{"共 113 人", "13", -1, -1},
		{"到位资金合计 100,000.00", "100000.00", len("到位资金合计 "), len("到位资金合计 100,000.00")},
	}
	for _, tt := range tests {
		at, end := findToken(tt.s, tt.tok)
		if at != tt.at || end != tt.end {
			t.Errorf("findToken(%q, %q) = %d, %d, want %d, %d", tt.s, tt.tok, at, end, tt.at, tt.end)
		}
	}
}

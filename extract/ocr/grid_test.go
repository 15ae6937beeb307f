package ocr

import (
	"context"
	"image"
	"strings"
	"testing"
)

// page is a synthetic 150-dpi scan: paper at 248, everything drawn on it
// with fill.
type page struct{ *image.Gray }

func newPage(w, h int) page {
	g := image.NewGray(image.Rect(0, 0, w, h))
	for i := range g.Pix {
		g.Pix[i] = 248
	}
	return page{g}
}

func (p page) fill(r image.Rectangle, v uint8) {
	r = r.Intersect(p.Rect)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			p.Pix[y*p.Stride+x] = v
		}
	}
}

// glyph draws a Han-like character of side s at (x, y): a frame-less
// cross of strokes (十 with a bar below), 2 px strokes in black.
func (p page) glyph(x, y, s int) {
	p.fill(image.Rect(x, y+s/2-1, x+s, y+s/2+1), 20)       // 一
	p.fill(image.Rect(x+s/2-1, y, x+s/2+1, y+s), 20)       // 丨
	p.fill(image.Rect(x+2, y+s-2, x+s-2, y+s), 20)         // the bottom bar
	p.fill(image.Rect(x+s/4, y+s/4, x+s/4+2, y+3*s/4), 20) // a short stroke
}

// box draws a check box's square frame of side s (2 px black).
func (p page) box(x, y, s int) {
	p.fill(image.Rect(x, y, x+s, y+2), 20)
	p.fill(image.Rect(x, y+s-2, x+s, y+s), 20)
	p.fill(image.Rect(x, y, x+2, y+s), 20)
	p.fill(image.Rect(x+s-2, y, x+s, y+s), 20)
}

// ruledTable draws a 3-row, 2-column table at 150 dpi: rules 2 px of
// scanner grey (150, the thin rules a scan gives), a row of glyphs in
// each label cell, a check box in the first value cell and a glyph
// touching the rule under it in the last.
func ruledTable() page {
	p := newPage(700, 400)
	const left, mid, right, top, rowH = 50, 350, 650, 60, 40
	for r := 0; r <= 3; r++ {
		p.fill(image.Rect(left, top+r*rowH, right+2, top+r*rowH+2), 150)
	}
	for _, x := range []int{left, mid, right} {
		p.fill(image.Rect(x, top, x+2, top+3*rowH+2), 150)
	}
	for r := 0; r < 3; r++ {
		for k := 0; k < 6; k++ {
			p.glyph(left+10+k*24, top+r*rowH+10, 20)
		}
	}
	p.box(mid+10, top+12, 16)
	p.glyph(mid+10, top+2*rowH+20, 20) // its bottom bar lies on the rule below
	return p
}

func TestClearGridRemovesRulesKeepsText(t *testing.T) {
	src := ruledTable()
	out, grid := ClearGrid(src.Gray, 150)
	tests := []struct {
		name  string
		x, y  int
		clear bool // want paper (248); else want the pixel as it was
	}{
		{"top rule", 200, 60, true},
		{"inner rule", 500, 101, true},
		{"bottom rule", 600, 181, true},
		{"left rule", 50, 150, true},
		{"middle rule", 351, 75, true},
		{"right rule", 650, 170, true},
		{"rule crossing", 350, 100, true},
		{"glyph's horizontal stroke", 62, 79, false},
		{"glyph's vertical stroke", 69, 73, false},
		{"glyph's bottom bar", 64, 89, false},
		{"check box top", 366, 72, false},
		{"check box side", 360, 80, false},
		{"glyph touching the rule", 370, 170, false},
		{"paper", 20, 20, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, was := out.GrayAt(tt.x, tt.y).Y, src.GrayAt(tt.x, tt.y).Y
			if tt.clear && got != 248 {
				t.Errorf("(%d,%d) = %d, want cleared (248; was %d)", tt.x, tt.y, got, was)
			}
			if !tt.clear && got != was {
				t.Errorf("(%d,%d) = %d, want kept (%d)", tt.x, tt.y, got, was)
			}
		})
	}
	if grid != (Grid{Rows: 4, Columns: 3}) || !grid.Table() {
		t.Errorf("grid %+v (table %v), want 4 rows, 3 columns, a table", grid, grid.Table())
	}
	if src.GrayAt(200, 60).Y != 150 {
		t.Error("ClearGrid changed its input")
	}
}

// TestClearGridFramesFoundBefore: the check box is found on the page as
// it was (Recognize measures frames before clearing) and is still whole
// on the cleared page.
func TestClearGridFramesFoundBefore(t *testing.T) {
	src := ruledTable()
	out, _ := ClearGrid(src.Gray, 150)
	for name, g := range map[string]*image.Gray{"before": src.Gray, "after": out} {
		t.Run(name, func(t *testing.T) {
			want := image.Rect(360, 72, 376, 88)
			found := false
			for _, f := range PageFrames(g, 150) {
				if f.Box == want {
					found = true
				}
			}
			if !found {
				t.Errorf("check box %v not among the frames %v", want, PageFrames(g, 150))
			}
		})
	}
}

// TestClearGridLeavesPagesWithoutRules: text, a thick dark bar, short
// underlines and a frame of two rules each way are not a table's grid.
func TestClearGridLeavesPagesWithoutRules(t *testing.T) {
	tests := []struct {
		name      string
		draw      func(p page)
		wantGrid  Grid
		unchanged bool
	}{
		{"a line of glyphs 3 px apart", func(p page) {
			for k := 0; k < 20; k++ {
				p.glyph(20+k*23, 50, 20)
			}
		}, Grid{}, true},
		{"a thick dark bar", func(p page) { p.fill(image.Rect(50, 100, 500, 140), 30) }, Grid{}, true},
		{"a fill-in blank shorter than half an inch", func(p page) { p.fill(image.Rect(100, 100, 160, 102), 20) }, Grid{}, true},
		{"a page's frame", func(p page) {
			p.fill(image.Rect(10, 10, 590, 12), 20)
			p.fill(image.Rect(10, 288, 590, 290), 20)
			p.fill(image.Rect(10, 10, 12, 290), 20)
			p.fill(image.Rect(588, 10, 590, 290), 20)
		}, Grid{Rows: 2, Columns: 2}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := newPage(600, 300)
			tt.draw(p)
			out, grid := ClearGrid(p.Gray, 150)
			if grid != tt.wantGrid || grid.Table() {
				t.Errorf("grid %+v (table %v), want %+v, no table", grid, grid.Table(), tt.wantGrid)
			}
			changed := 0
			for i := range out.Pix {
				if out.Pix[i] != p.Pix[i] {
					changed++
				}
			}
			if tt.unchanged && changed > 0 {
				t.Errorf("%d pixels changed, want none", changed)
			}
		})
	}
}

// TestClearGridBrokenRule: a JPEG-broken rule (a light pixel every 40)
// is still one rule; a slanted rule a pixel thick that steps down once
// is cleared on both sides of the step.
func TestClearGridBrokenRule(t *testing.T) {
	p := newPage(600, 300)
	p.fill(image.Rect(20, 50, 580, 52), 140)
	for x := 40; x < 580; x += 40 {
		p.fill(image.Rect(x, 50, x+1, 52), 240)
	}
	p.fill(image.Rect(20, 150, 300, 151), 140)
	p.fill(image.Rect(300, 151, 580, 152), 140)
	out, grid := ClearGrid(p.Gray, 150)
	for _, pt := range []image.Point{{30, 50}, {41, 51}, {570, 51}, {100, 150}, {500, 151}} {
		if v := out.GrayAt(pt.X, pt.Y).Y; v != 248 {
			t.Errorf("%v = %d, want cleared", pt, v)
		}
	}
	if grid.Rows != 2 {
		t.Errorf("grid %+v, want 2 rows", grid)
	}
}

// TestClearGridOffsetBounds: an image whose bounds do not start at 0 is
// read where it lies.
func TestClearGridOffsetBounds(t *testing.T) {
	p := ruledTable()
	sub := p.SubImage(image.Rect(40, 50, 660, 200)).(*image.Gray)
	out, grid := ClearGrid(sub, 150)
	if out.Bounds() != image.Rect(0, 0, 620, 150) {
		t.Fatalf("bounds %v", out.Bounds())
	}
	if v := out.GrayAt(200-40, 60-50).Y; v != 248 {
		t.Errorf("top rule = %d, want cleared", v)
	}
	if v := out.GrayAt(62-40, 79-50).Y; v != 20 {
		t.Errorf("glyph stroke = %d, want 20", v)
	}
	if !grid.Table() {
		t.Errorf("grid %+v, want a table", grid)
	}
}

// TestRecognizeRuledTable: a 150-dpi ruled table (testdata/gen/ruled-
// table.sh) whose value column tesseract's page layout drops entirely
// (with the grey rules, and without them) reads row by row: every label
// on its line with its number, nothing else on the line but the section
// column's character.
func TestRecognizeRuledTable(t *testing.T) {
	e := engineForTest(t)
	pg, err := e.Recognize(context.Background(), loadPNG(t, "ruled-table.png"), 150)
	if err != nil {
		t.Fatal(err)
	}
	rows := []struct{ label, value string }{
		{"参加活动人数", "4"}, {"服务天数合计", "6"}, {"覆盖地区数量", "5"}, {"覆盖单位数量", "11"},
		{"开展活动场次", "93"}, {"对接项目数量", "7"}, {"培训专家人次", "280"}, {"组织讲座次数", "0"},
		{"签订协议数量", "12"}, {"帮扶县数量", "1"},
	}
	for _, r := range rows {
		t.Run(r.label, func(t *testing.T) {
			for _, l := range pg.Lines {
				before, after, ok := strings.Cut(l.Text, r.label)
				if !ok {
					continue
				}
				if strings.TrimSpace(after) != r.value || len([]rune(before)) > 1 {
					t.Errorf("line %q, want %q then %s", l.Text, r.label, r.value)
				}
				return
			}
			t.Errorf("no line with %q in %q", r.label, pg.Text())
		})
	}
}

// BenchmarkClearGrid: an A4 page at 300 dpi with a 40-row table.
func BenchmarkClearGrid(b *testing.B) {
	p := newPage(2480, 3508)
	for r := 0; r <= 40; r++ {
		p.fill(image.Rect(200, 400+r*70, 2300, 400+r*70+3), 150)
		for k := 0; k < 12; k++ {
			p.glyph(230+k*44, 420+r*70, 40)
		}
	}
	for _, x := range []int{200, 1200, 2300} {
		p.fill(image.Rect(x, 400, x+3, 400+40*70+3), 150)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ClearGrid(p.Gray, 300)
	}
}

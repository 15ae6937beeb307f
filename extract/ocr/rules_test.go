package ocr

import (
	"image"
	"testing"
)

// grid draws rows of '#' (dark) and '.' (light) into a gray image.
func grid(rows ...string) *image.Gray {
	g := image.NewGray(image.Rect(0, 0, len(rows[0]), len(rows)))
	for y, row := range rows {
		for x, c := range row {
			v := uint8(255)
			if c == '#' {
				v = 0
			}
			g.Pix[y*g.Stride+x] = v
		}
	}
	return g
}

func dump(g *image.Gray) []string {
	var out []string
	for y := 0; y < g.Rect.Dy(); y++ {
		b := make([]byte, g.Rect.Dx())
		for x := range b {
			b[x] = '.'
			if g.Pix[y*g.Stride+x] < 128 {
				b[x] = '#'
			}
		}
		out = append(out, string(b))
	}
	return out
}

func TestClearRules(t *testing.T) {
	tests := []struct {
		name       string
		in, want   []string
		r          image.Rectangle
		maxH, maxV int
	}{
		{"a horizontal rule over a digit goes, the digit stays",
			[]string{"##########", "....#.....", "...##.....", "....#.....", "....#....."},
			[]string{"..........", "....#.....", "...##.....", "....#.....", "....#....."},
			image.Rect(0, 0, 10, 5), 4, 4},
		{"a vertical rule beside a digit goes",
			[]string{"#.........", "#...#.....", "#..##.....", "#...#.....", "#...#.....", "#.........."[:10]},
			[]string{"..........", "....#.....", "...##.....", "....#.....", "....#.....", ".........."},
			image.Rect(0, 0, 10, 6), 4, 5},
		{"a short stroke (a digit's bar) is not a rule",
			[]string{"..........", "..####....", "..........", "..........", ".........."},
			[]string{"..........", "..####....", "..........", "..........", ".........."},
			image.Rect(0, 0, 10, 5), 4, 4},
		{"outside r nothing changes",
			[]string{"##########", "..........", "##########"},
			[]string{"##########", "..........", ".........."},
			image.Rect(0, 1, 10, 3), 4, 4},
		{"a rule crossing a glyph leaves the glyph's strokes",
			[]string{"....#.....", "....#.....", "##########", "....#.....", "....#....."},
			[]string{"....#.....", "....#.....", "..........", "....#.....", "....#....."},
			image.Rect(0, 0, 10, 5), 4, 4},
		{"an empty rectangle does nothing",
			[]string{"##########"}, []string{"##########"}, image.Rectangle{}, 4, 4},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := grid(tc.in...)
			ClearRules(g, tc.r, tc.maxH, tc.maxV)
			got := dump(g)
			for i := range tc.want {
				if got[i] != tc.want[i] {
					t.Errorf("row %d = %s, want %s\ngot:\n%v", i, got[i], tc.want[i], got)
				}
			}
		})
	}
}

func TestKeepTall(t *testing.T) {
	tests := []struct {
		name     string
		in, want []string
		minH     int
	}{
		{"a colon's dots go, the digit stays",
			[]string{"..........", ".#....#...", "......#...", ".#....#...", "......#..."},
			[]string{"..........", "......#...", "......#...", "......#...", "......#..."}, 3},
		{"a glyph cut by the right edge goes",
			[]string{"...#.....#", "...#.....#", "...#....##", "...#.....#"},
			[]string{"...#......", "...#......", "...#......", "...#......"}, 3},
		{"a glyph cut by the left edge goes",
			[]string{"#.....#...", "#.....#...", "#.....#...", "#.....#..."},
			[]string{"......#...", "......#...", "......#...", "......#..."}, 3},
		{"two digits stay",
			[]string{"..#..###..", "..#....#..", "..#..###..", "..#..#....", "..#..###.."},
			[]string{"..#..###..", "..#....#..", "..#..###..", "..#..#....", "..#..###.."}, 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := grid(tc.in...)
			KeepTall(g, g.Bounds(), tc.minH)
			got := dump(g)
			for i := range tc.want {
				if got[i] != tc.want[i] {
					t.Errorf("row %d = %s, want %s\ngot:\n%v", i, got[i], tc.want[i], got)
				}
			}
		})
	}
}

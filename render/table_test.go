package render

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func testCanvas(t *testing.T) *canvas {
	t.Helper()
	f, err := newFpdf()
	if err != nil {
		t.Fatal(err)
	}
	c := &canvas{f: f, width: map[face]map[rune]float64{}, size: 10, face: faceSong}
	c.breakPage = func() { f.AddPage() }
	f.SetAutoPageBreak(false, 0)
	f.AddPage()
	c.y = contentTop
	return c
}

// TestTableRowsStayWhole draws a long table of rows of varied height and
// reads the PDF back: no row is split across pages, every page of the
// table repeats the header, and the last row never stands alone.
func TestTableRowsStayWhole(t *testing.T) {
	pdftotext := requireTool(t, "pdftotext")
	for _, start := range []float64{contentTop, 150, 240, 262} {
		t.Run(fmt.Sprintf("start at %.0f mm", start), func(t *testing.T) {
			c := testCanvas(t)
			c.y = start
			tb := &table{cols: []float64{30, 144}, size: 10, pad: 1.2, header: [][]cell{{{text: "HEADER"}, {text: "内容"}}}}
			n := 37
			for i := range n {
				body := fmt.Sprintf("R%02dA", i) + strings.Repeat("一二三四五六七八九十", 1+i%4*3) + fmt.Sprintf("R%02dZ", i)
				tb.rows = append(tb.rows, []cell{{text: fmt.Sprintf("%d", i)}, {text: body}})
			}
			c.drawTable(tb)
			var buf bytes.Buffer
			if err := c.f.Output(&buf); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), "t.pdf")
			if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command(pdftotext, path, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			pages := strings.Split(string(out), "\f")
			pageOf := map[string]int{}
			rowsOn := map[int]int{}
			re := regexp.MustCompile(`R(\d\d)([AZ])`)
			for p, text := range pages {
				for _, m := range re.FindAllStringSubmatch(text, -1) {
					pageOf[m[0]] = p
					if m[2] == "A" {
						rowsOn[p]++
					}
				}
				if strings.Contains(text, "R") && re.MatchString(text) && !strings.Contains(text, "HEADER") {
					t.Errorf("page %d holds rows but no header", p+1)
				}
			}
			for i := range n {
				a, okA := pageOf[fmt.Sprintf("R%02dA", i)]
				z, okZ := pageOf[fmt.Sprintf("R%02dZ", i)]
				if !okA || !okZ {
					t.Fatalf("row %d not found in the text", i)
				}
				if a != z {
					t.Errorf("row %d split across pages %d and %d", i, a+1, z+1)
				}
			}
			last := pageOf[fmt.Sprintf("R%02dA", n-1)]
			if rowsOn[last] < 2 {
				t.Errorf("the last row stands alone on page %d", last+1)
			}
		})
	}
}

// TestCellTextStaysInside: a figure or a time wider than its cell is set
// smaller, never broken and never past the cell's border.
func TestCellTextStaysInside(t *testing.T) {
	c := testCanvas(t)
	tb := &table{cols: []float64{14, 18, 40}, size: 9, pad: 1.2}
	row := []cell{{text: "1,787,180.95", align: "R"}, {text: "2026-11-12 11:19", align: "C"}, {text: "国家级新疆准东经济技术开发区碳排放双控转型与可持续发展服务团"}}
	r := c.layoutRow(tb, row, false)
	for i, lc := range r.cells {
		c.setFace(lc.face)
		c.setSize(lc.size)
		for _, l := range lc.lines {
			if w := c.strW(l); w > lc.w-2*tb.pad+0.01 {
				t.Errorf("cell %d line %q is %.1f mm in a %.1f mm cell", i, l, w, lc.w-2*tb.pad)
			}
		}
	}
	if len(r.cells[0].lines) != 1 || len(r.cells[1].lines) != 1 {
		t.Errorf("a figure or a time was broken: %q %q", r.cells[0].lines, r.cells[1].lines)
	}
	if r.cells[0].size >= 9 || r.cells[1].size >= 9 {
		t.Errorf("a figure wider than its cell was not set smaller (%.1f, %.1f pt)", r.cells[0].size, r.cells[1].size)
	}
}

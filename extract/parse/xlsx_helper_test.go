package parse

import (
	"testing"

	"github.com/xuri/excelize/v2"
)

// loadSheets reads an xlsx the way the extract reader does: GetRows of every
// sheet, with each merged range filled with its top-left value.
func loadSheets(t testing.TB, path string) []Sheet {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer f.Close()
	var out []Sheet
	for _, name := range f.GetSheetList() {
		rows, err := f.GetRows(name)
		if err != nil {
			t.Fatalf("rows %s: %v", path, err)
		}
		merged, _ := f.GetMergeCells(name)
		for _, m := range merged {
			c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
			c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
			if err1 != nil || err2 != nil {
				continue
			}
			v := m.GetCellValue()
			for r := r1; r <= r2; r++ {
				for len(rows) < r {
					rows = append(rows, nil)
				}
				for c := c1; c <= c2; c++ {
					for len(rows[r-1]) < c {
						rows[r-1] = append(rows[r-1], "")
					}
					rows[r-1][c-1] = v
				}
			}
		}
		out = append(out, Sheet{Name: name, Rows: rows})
	}
	return out
}

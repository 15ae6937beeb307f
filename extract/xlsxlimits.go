package extract

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/xuri/excelize/v2"
)

// dimensionRef finds a worksheet's declared used range, <dimension ref="A1:SB20000"/>,
// which comes before the sheet data.
var dimensionRef = regexp.MustCompile(`<(?:\w+:)?dimension\s+ref="([A-Za-z]{1,3}[0-9]{1,7})(?::([A-Za-z]{1,3}[0-9]{1,7}))?"`)

// checkSheetLimits refuses, before excelize reads anything, a workbook one
// of whose worksheets declares more than maxCells cells (rows × columns of
// its dimension) or whose worksheet XML unpacks to more than maxXML bytes:
// excelize builds the whole sheet in memory, at 1–2 KB a cell, once a cell
// is looked up.
func checkSheetLimits(data []byte, maxCells, maxXML int64) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return fmt.Errorf("%w: the workbook is not a valid zip package: %v", ErrCorrupt, err)
	}
	for _, f := range zr.File {
		if !strings.HasPrefix(f.Name, "xl/worksheets/") || !strings.HasSuffix(f.Name, ".xml") {
			continue
		}
		if maxXML > 0 && f.UncompressedSize64 > uint64(maxXML) {
			return fmt.Errorf("%w: worksheet %s unpacks to %d bytes, more than %d", ErrTooLarge, f.Name, f.UncompressedSize64, maxXML)
		}
		if maxCells <= 0 {
			continue
		}
		rows, cols, ok := declaredDims(f)
		if ok && rows*cols > maxCells {
			return fmt.Errorf("%w: worksheet %s declares %d×%d cells, more than %d (limits.max_cells)", ErrTooLarge, f.Name, rows, cols, maxCells)
		}
	}
	return nil
}

// declaredDims reads the dimension element from the head of a sheet part.
func declaredDims(f *zip.File) (rows, cols int64, ok bool) {
	rc, err := f.Open()
	if err != nil {
		return 0, 0, false
	}
	defer rc.Close()
	head := make([]byte, 8<<10)
	n, _ := io.ReadFull(rc, head)
	m := dimensionRef.FindSubmatch(head[:n])
	if m == nil {
		return 0, 0, false
	}
	c1, r1, err := excelize.CellNameToCoordinates(string(m[1]))
	if err != nil {
		return 0, 0, false
	}
	c2, r2 := c1, r1
	if len(m[2]) > 0 {
		if c2, r2, err = excelize.CellNameToCoordinates(string(m[2])); err != nil {
			return 0, 0, false
		}
	}
	return int64(abs(r2-r1) + 1), int64(abs(c2-c1) + 1), true
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

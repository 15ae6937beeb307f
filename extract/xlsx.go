package extract

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"dossier/extract/parse"

	"github.com/xuri/excelize/v2"
)

// Bounds on what one workbook may make us hold: survey forms are a few
// hundred cells; these keep a hostile one from filling memory.
const (
	maxSheetRows  = 20000
	maxSheetCols  = 512
	maxSheets     = 64
	maxZipEntries = 10000
	maxCalcCells  = 2000
)

// ReadXLSX reads every visible worksheet of an xlsx/xlsm workbook as rows
// of cell text: merged ranges filled with the merged value, formulas as
// their cached value (computed when there is none), date cells as ISO
// yyyy-mm-dd, numbers as stored (no display formatting).
func (e *Extractor) ReadXLSX(ctx context.Context, data []byte) ([]parse.Sheet, error) {
	if err := checkZipBomb(data, e.opt.MaxUnzipSize); err != nil {
		return nil, err
	}
	if err := checkSheetLimits(data, e.opt.MaxCells, e.opt.MaxXMLSize); err != nil {
		return nil, err
	}
	type result struct {
		sheets []parse.Sheet
		err    error
	}
	// Workbook reads, including ones abandoned after a timeout (excelize
	// cannot be interrupted), hold a slot until they really end: a stream
	// of hostile workbooks cannot pile up readers and their memory.
	select {
	case e.xlsxSlots <- struct{}{}:
	case <-ctx.Done():
		// Other workbooks hold every reader: our trouble, not this file's.
		return nil, ownTrouble("read workbook", fmt.Errorf("no workbook reader free in time: %w", ctx.Err()))
	}
	done := make(chan result, 1)
	go func() {
		defer func() { <-e.xlsxSlots }()
		defer func() {
			if r := recover(); r != nil {
				notePanic(r)
				done <- result{err: fmt.Errorf("%w: workbook reader panic: %v", ErrCorrupt, r)}
			}
		}()
		s, err := readXLSX(data, e.opt)
		done <- result{s, err}
	}()
	select {
	case r := <-done:
		return r.sheets, r.err
	case <-ctx.Done():
		// excelize cannot be interrupted; the goroutine finishes on its own
		// and closes its file. The limits checked before the read keep that
		// short; a file timing out twice is set aside (attempts).
		return nil, ownTrouble("read workbook", fmt.Errorf("reading the workbook took too long: %w: %w", errReadTimeout, ctx.Err()))
	}
}

// checkZipBomb refuses a package whose entries declare more than limit
// bytes unpacked (archive/zip also refuses entries that unpack to more
// than they declare).
func checkZipBomb(data []byte, limit int64) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return fmt.Errorf("%w: the workbook is not a valid zip package: %v", ErrCorrupt, err)
	}
	if len(zr.File) > maxZipEntries {
		return fmt.Errorf("%w: the workbook has %d parts", ErrTooLarge, len(zr.File))
	}
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if total > uint64(limit) || f.UncompressedSize64 > uint64(limit) {
			return fmt.Errorf("%w: the workbook unpacks to more than %d bytes", ErrTooLarge, limit)
		}
	}
	return nil
}

func readXLSX(data []byte, opt Options) ([]parse.Sheet, error) {
	xml := opt.MaxXMLSize
	if xml > opt.MaxUnzipSize {
		xml = opt.MaxUnzipSize
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit:    opt.MaxUnzipSize,
		UnzipXMLSizeLimit: xml,
		TmpDir:            opt.TmpDir, // under the data folder, swept at start (SweepTemps)
	})
	if err != nil {
		return nil, xlsxError(err)
	}
	defer f.Close()

	date1904 := false
	if p, err := f.GetWorkbookProps(); err == nil && p.Date1904 != nil {
		date1904 = *p.Date1904
	}
	styles := map[int]bool{}
	var out, hidden []parse.Sheet
	for i, name := range f.GetSheetList() {
		if i >= maxSheets {
			break
		}
		rows, err := readSheet(f, name, date1904, styles, opt.MaxCells)
		if err != nil {
			return nil, err
		}
		s := parse.Sheet{Name: name, Rows: rows}
		if v, err := f.GetSheetVisible(name); err == nil && !v {
			hidden = append(hidden, s)
			continue
		}
		out = append(out, s)
	}
	if len(out) == 0 {
		out = hidden // a workbook with every sheet hidden: read them anyway
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%w: the workbook has no worksheets", ErrCorrupt)
	}
	return out, nil
}

func xlsxError(err error) error {
	switch {
	case errors.Is(err, excelize.ErrWorkbookPassword):
		return fmt.Errorf("%w: the workbook is encrypted", ErrPassword)
	case errors.Is(err, excelize.ErrWorkbookFileFormat):
		return fmt.Errorf("%w: not an xlsx workbook", ErrCorrupt)
	case strings.Contains(err.Error(), "unzip size exceeds"):
		return fmt.Errorf("%w: %v", ErrTooLarge, err)
	}
	return fmt.Errorf("%w: open workbook: %v", ErrCorrupt, err)
}

// readSheet returns a worksheet's raw cell values with dates converted,
// empty formula caches computed and merged ranges filled.
func readSheet(f *excelize.File, sheet string, date1904 bool, styles map[int]bool, maxCells int64) ([][]string, error) {
	it, err := f.Rows(sheet)
	if err != nil {
		return nil, fmt.Errorf("%w: read sheet %q: %v", ErrCorrupt, sheet, err)
	}
	var rows [][]string
	var cells int64
	for n := 0; it.Next() && n < maxSheetRows; n++ {
		row, err := it.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			it.Close()
			return nil, fmt.Errorf("%w: read sheet %q row %d: %v", ErrCorrupt, sheet, n+1, err)
		}
		if len(row) > maxSheetCols {
			row = row[:maxSheetCols]
		}
		if cells += int64(len(row)); maxCells > 0 && cells > maxCells {
			// The declared dimension lied (or was missing).
			it.Close()
			return nil, fmt.Errorf("%w: sheet %q has more than %d cells (limits.max_cells)", ErrTooLarge, sheet, maxCells)
		}
		rows = append(rows, row)
	}
	it.Close()

	calcs := 0
	for r, row := range rows {
		for c, v := range row {
			cell, err := excelize.CoordinatesToCellName(c+1, r+1)
			if err != nil {
				continue
			}
			if v == "" {
				if calcs >= maxCalcCells {
					continue
				}
				if fx, err := f.GetCellFormula(sheet, cell); err == nil && fx != "" {
					calcs++
					if val, err := f.CalcCellValue(sheet, cell, excelize.Options{RawCellValue: true}); err == nil {
						rows[r][c] = val
						v = val
					}
				}
			}
			if iso, ok := dateValue(f, sheet, cell, v, date1904, styles); ok {
				rows[r][c] = iso
			}
		}
	}

	merged, err := f.GetMergeCells(sheet, true)
	if err == nil {
		for _, m := range merged {
			fillMerged(&rows, m)
		}
	}
	return rows, nil
}

// fillMerged copies a merged range's anchor value into each of its cells.
func fillMerged(rows *[][]string, m excelize.MergeCell) {
	c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
	c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
	if err1 != nil || err2 != nil || r2 < r1 || c2 < c1 || r1 > len(*rows) || c2 > maxSheetCols || r2 > maxSheetRows {
		return
	}
	if (r2-r1+1)*(c2-c1+1) > 100000 {
		return
	}
	anchor := ""
	if row := (*rows)[r1-1]; c1-1 < len(row) {
		anchor = row[c1-1]
	}
	if anchor == "" {
		return
	}
	for len(*rows) < r2 {
		*rows = append(*rows, nil)
	}
	for r := r1; r <= r2; r++ {
		row := (*rows)[r-1]
		for len(row) < c2 {
			row = append(row, "")
		}
		for c := c1; c <= c2; c++ {
			if row[c-1] == "" {
				row[c-1] = anchor
			}
		}
		(*rows)[r-1] = row
	}
}

// dateValue converts a raw serial number in a date-formatted cell to ISO.
// Only serials of plausible years (1954–2119) are looked at, which keeps
// style lookups to the few cells that could be dates.
func dateValue(f *excelize.File, sheet, cell, v string, date1904 bool, styles map[int]bool) (string, bool) {
	if v == "" || strings.ContainsAny(v, "-/年") {
		return "", false
	}
	x, err := strconv.ParseFloat(v, 64)
	if err != nil || x < 20000 || x > 80000 {
		return "", false
	}
	idx, err := f.GetCellStyle(sheet, cell)
	if err != nil || idx == 0 {
		return "", false
	}
	isDate, seen := styles[idx]
	if !seen {
		if st, err := f.GetStyle(idx); err == nil {
			isDate = isDateFormat(st.NumFmt, st.CustomNumFmt)
		}
		styles[idx] = isDate
	}
	if !isDate {
		return "", false
	}
	t, err := excelize.ExcelDateToTime(x, date1904)
	if err != nil {
		return "", false
	}
	return t.Format("2006-01-02"), true
}

// isDateFormat reports whether a number format shows a date: the built-in
// date ids (including the CJK ones) or a custom code with y or d outside
// quotes and brackets.
func isDateFormat(id int, custom *string) bool {
	switch {
	case id >= 14 && id <= 17, id == 22, id >= 27 && id <= 36, id >= 50 && id <= 58:
		return true
	}
	if custom == nil {
		return false
	}
	var b strings.Builder
	inQuote, inBracket := false, false
	for _, r := range *custom {
		switch {
		case r == '"':
			inQuote = !inQuote
		case inQuote:
		case r == '[':
			inBracket = true
		case r == ']':
			inBracket = false
		case inBracket:
		default:
			b.WriteRune(r)
		}
	}
	code := strings.ToLower(b.String())
	return strings.ContainsAny(code, "yd") || strings.Contains(code, "e") && strings.Contains(code, "m") && !strings.Contains(code, "0")
}

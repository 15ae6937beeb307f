package render

import (
	"fmt"
	"io"
	"time"

	"github.com/xuri/excelize/v2"

	"dossier"
)

const (
	sheetTeams    = "汇总表"
	sheetFindings = "问题清单"
)

// xlsxColumns are the spreadsheet's field columns: every survey and audit
// field of the catalogue except the identity fields (the registry's name
// and unit come first instead).
func xlsxColumns() []dossier.Field {
	var out []dossier.Field
	for _, k := range []dossier.Kind{dossier.KindSurvey, dossier.KindAudit} {
		for _, f := range dossier.FieldsOf(k) {
			if f.Kind == k {
				out = append(out, f)
			}
		}
	}
	return out
}

// XLSX writes the summary spreadsheet: one row per team with every survey
// and audit field, a totals row, a frozen header and an autofilter, and a
// findings sheet.
func XLSX(w io.Writer, in Input) error {
	f := excelize.NewFile()
	defer f.Close()
	// Fixed document properties so identical inputs give identical bytes.
	fixed := (&builder{in: in, loc: in.Programme.Location()}).fixedDate().UTC().Format(time.RFC3339)
	if err := f.SetDocProps(&excelize.DocProperties{Title: in.Programme.Title, Subject: in.Programme.Notice,
		Creator: "dossier", LastModifiedBy: "dossier", Created: fixed, Modified: fixed, Language: "zh-CN"}); err != nil {
		return fmt.Errorf("set spreadsheet properties: %w", err)
	}
	if err := f.SetSheetName("Sheet1", sheetTeams); err != nil {
		return fmt.Errorf("name sheet: %w", err)
	}
	if err := writeTeamsSheet(f, in); err != nil {
		return err
	}
	if err := writeFindingsSheet(f, in); err != nil {
		return err
	}
	// The totals carry cached sums; have Excel recalculate them on opening.
	on := true
	if err := f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &on}); err != nil {
		return fmt.Errorf("set calculation properties: %w", err)
	}
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("write spreadsheet: %w", err)
	}
	return nil
}

func cellName(col, row int) string {
	n, _ := excelize.CoordinatesToCellName(col, row)
	return n
}

func writeTeamsSheet(f *excelize.File, in Input) error {
	s := sheetTeams
	head := []string{"序号", "编号", "级别", "服务团名称", "依托单位"}
	for _, k := range dossier.Kinds {
		head = append(head, k.Label())
	}
	head = append(head, "材料齐全", "逾期", "问题条数")
	fixedCols := len(head)
	cols := xlsxColumns()
	for _, c := range cols {
		label := c.Label
		if c.Unit != "" {
			label += "（" + c.Unit + "）"
		}
		head = append(head, label)
	}
	hs, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Color: []string{"E2E9F3"}, Pattern: 1},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "center", Horizontal: "center"}})
	ms, _ := f.NewStyle(&excelize.Style{NumFmt: 4})
	ts, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, NumFmt: 4, Fill: excelize.Fill{Type: "pattern", Color: []string{"F3F5F8"}, Pattern: 1}})
	for i, h := range head {
		if err := f.SetCellStr(s, cellName(i+1, 1), h); err != nil {
			return fmt.Errorf("write header: %w", err)
		}
	}
	_ = f.SetCellStyle(s, "A1", cellName(len(head), 1), hs)
	_ = f.SetRowHeight(s, 1, 48)
	sums := make([]float64, len(cols))
	numeric := make([]bool, len(cols))
	for ri, v := range in.Teams {
		r := ri + 2
		row := []any{ri + 1, v.Team.ID, v.Team.Level.Label(), v.Team.Name, v.Team.Unit}
		for _, k := range dossier.Kinds {
			st := v.Materials[k]
			if st == "" {
				st = dossier.MaterialMissing
			}
			row = append(row, st.Label())
		}
		row = append(row, yesNo(v.Complete), yesNo(v.Late), len(findingsOf(v)))
		sv, _ := v.Current(dossier.KindSurvey)
		au, _ := v.Current(dossier.KindAudit)
		for ci, c := range cols {
			fs := sv.Fields
			if c.Kind == dossier.KindAudit {
				fs = au.Fields
			}
			val := cellValue(c, fs)
			switch x := val.(type) {
			case int64:
				sums[ci] += float64(x)
				numeric[ci] = true
			case float64:
				sums[ci] += x
				numeric[ci] = true
			}
			row = append(row, val)
		}
		if err := f.SetSheetRow(s, cellName(1, r), &row); err != nil {
			return fmt.Errorf("write team %s: %w", v.Team.ID, err)
		}
	}
	last := len(in.Teams) + 1
	tr := last + 1
	_ = f.SetCellStr(s, cellName(4, tr), "合计")
	for ci, c := range cols {
		if !numeric[ci] {
			continue
		}
		col := fixedCols + ci + 1
		ref := cellName(col, tr)
		if err := f.SetCellFormula(s, ref, fmt.Sprintf("SUM(%s:%s)", cellName(col, 2), cellName(col, last))); err != nil {
			return fmt.Errorf("write totals: %w", err)
		}
		// The cached value, so readers that do not calculate see the sum.
		_ = f.SetCellValue(s, ref, sums[ci])
		_ = f.SetCellFormula(s, ref, fmt.Sprintf("SUM(%s:%s)", cellName(col, 2), cellName(col, last)))
		if c.Type == dossier.TypeMoney {
			_ = f.SetCellStyle(s, cellName(col, 2), cellName(col, last), ms)
		}
	}
	_ = f.SetCellStyle(s, cellName(1, tr), cellName(len(head), tr), ts)
	_ = f.SetColWidth(s, "A", "C", 7)
	_ = f.SetColWidth(s, "D", "E", 34)
	_ = f.SetColWidth(s, cellName(6, 1)[:1], cellName(fixedCols, 1)[:1], 11)
	if err := f.SetPanes(s, &excelize.Panes{Freeze: true, XSplit: 4, YSplit: 1, TopLeftCell: "E2", ActivePane: "bottomRight"}); err != nil {
		return fmt.Errorf("freeze header: %w", err)
	}
	if err := f.AutoFilter(s, "A1:"+cellName(len(head), last), nil); err != nil {
		return fmt.Errorf("set filter: %w", err)
	}
	return nil
}

func yesNo(b bool) string {
	if b {
		return "是"
	}
	return "否"
}

// cellValue is a field as a spreadsheet value: numbers stay numbers.
func cellValue(c dossier.Field, fs dossier.Fields) any {
	if fs == nil {
		return ""
	}
	switch c.Type {
	case dossier.TypeInt:
		if n, ok := fs.Int(c.Key); ok {
			return n
		}
		return ""
	case dossier.TypeMoney:
		if m, ok := fs.Money(c.Key); ok {
			return m
		}
		return ""
	}
	v := valueText(c, fs)
	if v == "—" {
		return ""
	}
	return v
}

func writeFindingsSheet(f *excelize.File, in Input) error {
	s := sheetFindings
	if _, err := f.NewSheet(s); err != nil {
		return fmt.Errorf("add findings sheet: %w", err)
	}
	head := []any{"团队", "服务团名称", "文件", "规则", "严重程度", "说明"}
	if err := f.SetSheetRow(s, "A1", &head); err != nil {
		return fmt.Errorf("write findings header: %w", err)
	}
	r := 2
	for _, v := range in.Teams {
		for _, fd := range findingsOf(v) {
			row := []any{v.Team.ID, v.Team.Name, fd.File, fd.Rule, fd.Severity.Label(), fd.Message}
			if err := f.SetSheetRow(s, cellName(1, r), &row); err != nil {
				return fmt.Errorf("write finding: %w", err)
			}
			r++
		}
	}
	hs, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Color: []string{"E2E9F3"}, Pattern: 1}})
	_ = f.SetCellStyle(s, "A1", "F1", hs)
	_ = f.SetColWidth(s, "A", "A", 8)
	_ = f.SetColWidth(s, "B", "C", 32)
	_ = f.SetColWidth(s, "D", "E", 10)
	_ = f.SetColWidth(s, "F", "F", 80)
	_ = f.SetPanes(s, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
	return f.AutoFilter(s, fmt.Sprintf("A1:F%d", max(r-1, 1)), nil)
}

package render

import (
	"fmt"
	"io"
	"time"

	"github.com/xuri/excelize/v2"

	"dossier"
	"dossier/report"
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
	v := in.View()
	if err := v.Check(); err != nil {
		return fmt.Errorf("check figures: %w", err)
	}
	if err := writeTeamsSheet(f, v); err != nil {
		return err
	}
	if err := writeFilesSheet(f, v); err != nil {
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

// XLSXColumn is one field column of the summary sheet: its header says the
// unit its figures are in, and they are converted to it.
func xlsxHeader(c dossier.Field) string {
	switch c.Type {
	case dossier.TypeMoney:
		return c.Label + "（" + string(report.ColumnUnit(c)) + "）"
	}
	return c.Label
}

func writeTeamsSheet(f *excelize.File, v report.View) error {
	s := sheetTeams
	head := []string{"序号", "编号", "级别", "服务团名称", "依托单位"}
	for _, k := range dossier.Kinds {
		head = append(head, k.Label())
	}
	head = append(head, "材料齐全", "逾期", "问题条数")
	fixedCols := len(head)
	cols := xlsxColumns()
	for _, c := range cols {
		head = append(head, xlsxHeader(c))
	}
	head = append(head, "备注")
	hs, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Family: "黑体"}, Fill: excelize.Fill{Type: "pattern", Color: []string{"E8E8E8"}, Pattern: 1},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "center", Horizontal: "center"}})
	yuanFmt, wanFmt := "#,##0.00", "#,##0.00####"
	ys, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &yuanFmt})
	ws, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &wanFmt})
	mark := excelize.Fill{Type: "pattern", Color: []string{"FFF2CC"}, Pattern: 1}
	ysm, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &yuanFmt, Fill: mark})
	wsm, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &wanFmt, Fill: mark})
	plainMark, _ := f.NewStyle(&excelize.Style{Fill: mark})
	dash, _ := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Horizontal: "center"}})
	for i, h := range head {
		if err := f.SetCellStr(s, cellName(i+1, 1), h); err != nil {
			return fmt.Errorf("write header: %w", err)
		}
	}
	_ = f.SetCellStyle(s, "A1", cellName(len(head), 1), hs)
	_ = f.SetRowHeight(s, 1, 48)
	style := func(c dossier.Field, marked bool) int {
		switch {
		case c.Type == dossier.TypeMoney && report.ColumnUnit(c) == dossier.WanYuan:
			return map[bool]int{false: ws, true: wsm}[marked]
		case c.Type == dossier.TypeMoney:
			return map[bool]int{false: ys, true: ysm}[marked]
		case marked:
			return plainMark
		}
		return 0
	}
	for ri, t := range v.Teams {
		r := ri + 2
		row := []any{t.N, t.Team.ID, t.Team.Level.Label(), t.Team.Name, t.Team.Unit}
		for _, k := range dossier.Kinds {
			row = append(row, t.Materials[k].Label())
		}
		row = append(row, yesNo(t.Complete), yesNo(t.Late), t.Findings)
		for _, c := range cols {
			row = append(row, cellValue(t.Value(c)))
		}
		row = append(row, t.Notes(cols))
		if err := f.SetSheetRow(s, cellName(1, r), &row); err != nil {
			return fmt.Errorf("write team %s: %w", t.Team.ID, err)
		}
		for ci, c := range cols {
			val := t.Value(c)
			ref := cellName(fixedCols+ci+1, r)
			if st := style(c, val.Mark() != ""); st != 0 && val.IsNum {
				_ = f.SetCellStyle(s, ref, ref, st)
			} else if val.Mark() != "" {
				_ = f.SetCellStyle(s, ref, ref, plainMark)
			} else if (c.Type == dossier.TypeMoney || c.Type == dossier.TypeInt) && !val.IsNum {
				_ = f.SetCellStyle(s, ref, ref, dash)
			}
		}
	}
	last := len(v.Teams) + 1
	tr := last + 1
	_ = f.SetCellStr(s, cellName(4, tr), "合计（仅计已受理的材料）")
	ts, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Color: []string{"F2F2F2"}, Pattern: 1}})
	_ = f.SetCellStyle(s, cellName(1, tr), cellName(len(head), tr), ts)
	for ci, c := range cols {
		total, ok := v.Total(c)
		if !ok {
			continue
		}
		col := fixedCols + ci + 1
		ref := cellName(col, tr)
		// The cached value, so readers that do not calculate see the sum;
		// SUM ignores the "—" text of figures that do not count.
		_ = f.SetCellValue(s, ref, total)
		if err := f.SetCellFormula(s, ref, fmt.Sprintf("SUM(%s:%s)", cellName(col, 2), cellName(col, last))); err != nil {
			return fmt.Errorf("write totals: %w", err)
		}
		if st := style(c, false); st != 0 {
			_ = f.SetCellStyle(s, ref, ref, st)
		}
	}
	_ = f.SetColWidth(s, "A", "C", 7)
	_ = f.SetColWidth(s, "D", "E", 34)
	_ = f.SetColWidth(s, cellName(6, 1)[:1], cellName(fixedCols, 1)[:1], 11)
	notes, _ := excelize.ColumnNumberToName(len(head))
	_ = f.SetColWidth(s, notes, notes, 48)
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

// cellValue is a field as a spreadsheet value: figures that count are
// numbers in the column's unit; a figure that does not count is "—" (the
// 备注 says why); other values are their text.
func cellValue(v report.Value) any {
	if v.IsNum {
		if v.Field.Type == dossier.TypeInt {
			return int64(v.Num)
		}
		return v.Num
	}
	if v.Field.Type == dossier.TypeMoney || v.Field.Type == dossier.TypeInt {
		if v.Text == "（未填）" {
			return v.Text
		}
		return report.Dash
	}
	if v.Text == report.Dash {
		return ""
	}
	return v.Text
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
			row := []any{v.Team.ID, v.Team.Name, fd.File, fd.Rule, fd.Severity.Label(), quotes(fd.Message)}
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

const sheetFiles = "文件统计"

// writeFilesSheet accounts for every file, as the cover does, and lists
// the files that belong to no team section.
func writeFilesSheet(f *excelize.File, v report.View) error {
	s := sheetFiles
	if _, err := f.NewSheet(s); err != nil {
		return fmt.Errorf("add files sheet: %w", err)
	}
	fl := v.Files
	rows := [][]any{{"项目", "份数"},
		{"收到文件", fl.Received}, {"已处理", fl.Decided}, {"处理中", fl.Pending},
		{"已受理", fl.Accepted}, {"待人工审核", fl.Review}, {"已退回", fl.Rejected},
		{"各服务团文件", fl.InTeams}, {"未能识别服务团的文件", fl.NoTeam}, {"重复报送的文件", fl.Duplicates}, {"已被新文件替代", fl.Superseded},
		{}, {"未归入服务团的文件", "报送文件夹", "接收时间", "状态", "原因"}}
	for _, r := range append(append([]report.FileRow{}, v.NoTeam...), v.Dups...) {
		rows = append(rows, []any{r.Name, r.Folder, r.Received.In(v.Programme.Location()).Format("2006-01-02 15:04"), r.Verdict.Label(), r.Reason})
	}
	for i, r := range rows {
		if err := f.SetSheetRow(s, cellName(1, i+1), &r); err != nil {
			return fmt.Errorf("write files sheet: %w", err)
		}
	}
	_ = f.SetColWidth(s, "A", "A", 40)
	_ = f.SetColWidth(s, "B", "D", 16)
	_ = f.SetColWidth(s, "E", "E", 60)
	return nil
}

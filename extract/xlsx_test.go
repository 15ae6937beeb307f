package extract

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"dossier/extract/parse"

	"github.com/xuri/excelize/v2"
)

func cell(sheets []parse.Sheet, sheet string, row, col int) string {
	for _, s := range sheets {
		if s.Name == sheet && row < len(s.Rows) && col < len(s.Rows[row]) {
			return s.Rows[row][col]
		}
	}
	return ""
}

func TestReadXLSX(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "survey.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	sheets, err := testExtractor(t).ReadXLSX(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		sheet    string
		row, col int
		want     string
	}{
		{"merged title copied right", "调查表", 0, 2, "2026年专家人才服务基层活动实施成效调查表"},
		{"merged value anchor", "调查表", 1, 1, "测试专家服务团"},
		{"merged value filled", "调查表", 1, 2, "测试专家服务团"},
		{"number", "调查表", 2, 1, "6"},
		{"cached formula", "调查表", 3, 1, "13"},
		{"date as iso", "调查表", 4, 1, "2026-11-08"},
		{"second sheet", "附表", 0, 1, "10"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := cell(sheets, tt.sheet, tt.row, tt.col); got != tt.want {
				t.Errorf("%s!R%dC%d = %q, want %q", tt.sheet, tt.row+1, tt.col+1, got, tt.want)
			}
		})
	}
}

// A formula written by excelize has no cached value; it is computed.
func TestReadXLSXFormulaWithoutCache(t *testing.T) {
	f := excelize.NewFile()
	f.SetCellValue("Sheet1", "A1", "总人数")
	f.SetCellValue("Sheet1", "B1", 5)
	f.SetCellValue("Sheet1", "C1", 7)
	f.SetCellFormula("Sheet1", "D1", "B1+C1")
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	sheets, err := testExtractor(t).ReadXLSX(context.Background(), buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if got := cell(sheets, "Sheet1", 0, 3); got != "12" {
		t.Errorf("D1 = %q, want 12", got)
	}
}

func TestIsDateFormat(t *testing.T) {
	s := func(v string) *string { return &v }
	tests := []struct {
		id     int
		custom *string
		want   bool
	}{
		{14, nil, true}, {31, nil, true}, {57, nil, true}, {0, nil, false}, {4, nil, false},
		{176, s(`yyyy"年"m"月"d"日"`), true}, {177, s(`#,##0.00"元"`), false}, {178, s(`[$-804]yyyy/mm/dd`), true},
		{179, s(`0.00"天"`), false},
	}
	for _, tt := range tests {
		if got := isDateFormat(tt.id, tt.custom); got != tt.want {
			t.Errorf("isDateFormat(%d, %v) = %v, want %v", tt.id, tt.custom, got, tt.want)
		}
	}
}

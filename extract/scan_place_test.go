package extract

import (
	"strings"
	"testing"

	"dossier/extract/ocr"
	"dossier/extract/parse"
)

// auditPage lays out an audit's funds table as OCR'd lines, one a row.
func auditPage(rows ...string) ocr.Page {
	lines := []string{"专项资金审计报告", "二、经费收支情况"}
	lines = append(lines, rows...)
	lines = append(lines, "上海华申会计师事务所有限公司")
	var pg ocr.Page
	for i, l := range lines {
		pg.Lines = append(pg.Lines, markLine(100+40*i, strings.Fields(l)...))
	}
	return pg
}

func readAudit(pages map[int]ocr.Page) (string, []ocrLine, map[int][]ocr.Frame, parse.Output) {
	text := pages[1].Text()
	return text, nil, nil, runParse(parseInput{Name: "审计报告-扫描件.pdf", Text: text, Pages: 1, Images: 1})
}

func TestPlaceAmounts(t *testing.T) {
	head := []string{"人力资源社会保障部支持资金 0.00", "市级配套资金 100000.00", "到位资金合计 100000.00", "专家劳务费 40000.00"}
	tail := []string{"会议费 10000.00", "培训费 10000.00", "资料印刷费 10000.00", "其他支出 10000.00", "实际支出合计 100000.00"}
	rows := func(mid []string, end ...string) []string {
		out := append(append(append([]string(nil), head...), mid...), tail...)
		return append(out, end...)
	}
	tests := []struct {
		name   string
		rows   []string
		key    string
		want   any // the placed field's value; nil = nothing placed
		wantOK bool
	}{
		{"label lost under the seal, the sums hold", rows([]string{"20000.00"}, "结余资金 0.00"), "spent_travel", 20000.0, true},
		{"the last row's label lost", rows([]string{"差旅费 20000.00"}, "0.00"), "balance", 0.0, true},
		{"placing it breaks the sum", rows([]string{"21000.00"}, "结余资金 0.00"), "spent_travel", nil, false},
		{"the label is there: nothing to place", rows([]string{"差旅费 20000.00"}, "结余资金 0.00"), "", nil, false},
		{"two rows missing: the order cannot tell", append(append([]string(nil), head...), "20000.00", "培训费 10000.00"), "", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pages := map[int]ocr.Page{1: auditPage(tt.rows...)}
			_, _, _, out := readAudit(pages)
			got, ok := placeAmounts(pages, out, readAudit)
			if ok != tt.wantOK {
				t.Fatalf("placed = %v, want %v", ok, tt.wantOK)
			}
			if !ok {
				return
			}
			_, _, _, after := readAudit(got)
			if v, _ := after.Fields.Money(tt.key); v != tt.want {
				t.Errorf("%s = %v, want %v", tt.key, after.Fields[tt.key], tt.want)
			}
		})
	}
}

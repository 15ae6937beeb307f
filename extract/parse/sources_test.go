package parse

import (
	"strings"
	"testing"

	"dossier"
)

// TestSources: every field read says where: the sheet and the row's text
// of a workbook or Word table, the page and line of a PDF's text; a value
// beside a label with words the parser does not know has confidence < 1.
func TestSources(t *testing.T) {
	out := Parse(Input{Name: "调查表.docx", Sheets: []Sheet{{Name: "document", Rows: [][]string{
		{"2026年专家人才服务基层活动实施成效调查表"},
		{"专家人才合计人数", "25人"},
		{"是否事先与基层单位对接需求", "☑是 ☐否"},
	}}}})
	if s := out.Sources["experts_total"]; s.Sheet != "document" || !strings.Contains(s.Text, "25") {
		t.Errorf("experts_total source %+v", s)
	}
	if c, ok := out.Confidence["needs_matched"]; !ok || c >= 1 || out.Fields["needs_matched"] != true {
		t.Errorf("needs_matched = %v, confidence %v (%v), want true below 1", out.Fields["needs_matched"], c, ok)
	}
	if _, ok := out.Confidence["experts_total"]; ok {
		t.Errorf("experts_total read with certainty, got confidence %v", out.Confidence["experts_total"])
	}
	text := "XX项目经费决算审计报告\n\f审计意见\n我们认为，后附的经费决算表在所有重大方面按照规定编制，公允反映了经费收支情况。\n到位资金合计 100,000.00\n"
	out = Parse(Input{Name: "审计报告.pdf", Text: text, Pages: 2})
	if s := out.Sources["received_total"]; s.Page != 2 || !strings.Contains(s.Text, "100,000.00") {
		t.Errorf("received_total source %+v", s)
	}
	if out.Fields["opinion"] != "unqualified" || !strings.Contains(out.Sources["opinion"].Text, "我们认为") {
		t.Errorf("opinion %v from %+v", out.Fields["opinion"], out.Sources["opinion"])
	}
	_ = dossier.Source{}
}

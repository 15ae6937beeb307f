package rules

import (
	"strings"
	"testing"

	"dossier"
)

func TestIntake(t *testing.T) {
	cases := []struct {
		name, rule, file, detail string
		format                   dossier.Format
		sev                      dossier.Severity
		contains                 []string
	}{
		{"legacy xls", "F001", "调查表(旧版).xls", ".xls", dossier.FormatLegacy, dossier.SeverityError, []string{"调查表(旧版).xls", "另存为", ".xlsx"}},
		{"legacy doc", "F001", "总结.doc", ".doc", dossier.FormatLegacy, dossier.SeverityError, []string{"另存为", "PDF"}},
		{"wps", "F001", "总结.wps", "", dossier.FormatUnknown, dossier.SeverityError, []string{".wps", "另存为"}},
		{"zip", "F001", "材料.zip", ".zip", dossier.FormatUnknown, dossier.SeverityError, []string{".zip", "不受支持", "PDF"}},
		{"corrupt", "F002", "审计报告-损坏.pdf", "PDF 文件不完整", dossier.FormatPDF, dossier.SeverityError, []string{"损坏", "PDF 文件不完整"}},
		{"password", "F003", "审计报告-加密.pdf", "", dossier.FormatPDF, dossier.SeverityError, []string{"密码"}},
		{"empty", "F004", "空文件.pdf", "", dossier.FormatUnknown, dossier.SeverityError, []string{"0 字节"}},
		{"too big", "F005", "照片.pdf", "62.3 MiB，上限 50 MiB", dossier.FormatPDF, dossier.SeverityError, []string{"62.3 MiB，上限 50 MiB"}},
		{"no team", "F006", "说明.pdf", "", dossier.FormatPDF, dossier.SeverityError, []string{"服务团"}},
		{"no kind", "F007", "材料.pdf", "", dossier.FormatPDF, dossier.SeverityError, []string{"材料类型"}},
		{"duplicate", "F008", "副本.pdf", "与 审计报告.pdf 相同", dossier.FormatPDF, dossier.SeverityInfo, []string{"完全相同", "审计报告.pdf"}},
		{"scan", "F009", "专项审计报告.pdf", "", dossier.FormatPDF, dossier.SeverityWarning, []string{"扫描件", "人工审核"}},
		{"resubmission", "F010", "调查表-修改版.xlsx", "替换 调查表.xlsx", dossier.FormatXLSX, dossier.SeverityInfo, []string{"替换", "调查表.xlsx"}},
		{"unknown id", "F099", "x.pdf", "", dossier.FormatPDF, dossier.SeverityError, []string{"x.pdf"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := Intake(c.rule, dossier.Document{Name: c.file, Format: c.format}, c.detail)
			if f.Rule != c.rule || f.Severity != c.sev {
				t.Fatalf("got %+v, want rule %s severity %s", f, c.rule, c.sev)
			}
			for _, s := range c.contains {
				if !strings.Contains(f.Message, s) {
					t.Errorf("message %q lacks %q", f.Message, s)
				}
			}
		})
	}
	// English error texts stay out of the notice; a page count reads as such.
	if f := Intake("F002", dossier.Document{Name: "a.pdf"}, "extract: pdf: unexpected EOF"); strings.Contains(f.Message, "EOF") {
		t.Errorf("English detail in notice: %q", f.Message)
	}
	if f := Intake("F009", dossier.Document{Name: "a.pdf"}, "3"); !strings.Contains(f.Message, "共 3 页") {
		t.Errorf("page count: %q", f.Message)
	}
	// The legacy advice is only for legacy files, never for a modern one.
	if f := Intake("F001", dossier.Document{Name: "a.txt"}, ".txt"); strings.Contains(f.Message, "另存为") {
		t.Errorf("txt told to re-save: %q", f.Message)
	}
}

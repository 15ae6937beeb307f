package rules

import (
	"fmt"
	"path/filepath"
	"strings"
	"unicode"

	"dossier"
)

// Intake makes the finding of an intake rule (F001–F010) for a file, with
// its Chinese message; detail is the specific reason the caller found (F001
// the extension or format, F002 what is wrong, F005 the size and the limit,
// F006 the candidates, F008 the earlier file, F010 the replaced file). It
// panics on nothing: an unknown id gets a generic message and counts as an
// error.
func Intake(rule string, d dossier.Document, detail string) dossier.Finding {
	name := "文件“" + d.Name + "”"
	if d.Name == "" {
		name = "文件"
	}
	detail = strings.TrimSpace(detail)
	if rule == "F009" && isDigits(detail) {
		detail = "共 " + detail + " 页"
	}
	if rule != "F001" && !hasHan(detail) {
		detail = "" // an English error text is for the log, not for the unit
	}
	msg := intakeMessage(rule, d, name, detail)
	if detail != "" && !strings.Contains(msg, detail) {
		msg += "（" + detail + "）"
	}
	return finding(rule, "", msg)
}

func intakeMessage(rule string, d dossier.Document, name, detail string) string {
	switch rule {
	case "F001":
		return f001(d, name, detail)
	case "F002":
		return name + "无法打开或已损坏（文件不完整，或内容与扩展名不符），请重新导出或另存后重新提交"
	case "F003":
		return name + "设置了打开密码，无法读取；请取消密码后重新提交（仅限制打印、编辑的 PDF 不受影响）"
	case "F004":
		return name + "为空文件（0 字节），请检查后重新提交"
	case "F005":
		return name + "超过大小限制" + paren(detail) + "，请压缩图片或拆分后重新提交"
	case "F006":
		return name + "无法确定所属服务团" + paren(detail) + "；请放入以服务团编号或名称命名的文件夹（如“M11”），或在文件名中写明服务团名称"
	case "F007":
		return name + "无法识别材料类型；应为实施成效调查表、经费决算报告及第三方审计报告、工作成效总结或服务现场影像图片资料及说明之一，请在文件名中写明材料名称"
	case "F008":
		return name + "与已受理的文件完全相同" + paren(detail) + "，不再重复处理"
	case "F009":
		return name + "为扫描件（PDF 无文字层），系统无法读取其中的数据，已登记为已提交，待人工审核"
	case "F010":
		return name + "为重新报送的材料，已替换此前受理的同类材料" + paren(detail) + "，原文件已存档并标记为已替换"
	}
	return name + "未通过检查" + paren(detail)
}

// f001: an unsupported type; a legacy office file is told how to re-save.
func f001(d dossier.Document, name, detail string) string {
	ext := strings.ToLower(filepath.Ext(d.Name))
	found := ext
	if found == "" {
		found = detail
	}
	if found == "" {
		found = "无扩展名"
	}
	switch {
	case ext == ".doc" || ext == ".wps":
		return name + "为旧版格式（" + found + "），系统无法读取；请用 WPS 或 Microsoft Word 打开，" +
			"通过“另存为”导出为 PDF（或保存为 .docx）后重新提交"
	case d.Format == dossier.FormatLegacy || ext == ".xls" || ext == ".et":
		return name + "为旧版格式（" + found + "），系统无法读取；请用 WPS 或 Microsoft Office 打开，" +
			"通过“另存为”保存为 .xlsx 格式（调查表）或导出为 PDF 后重新提交"
	}
	return fmt.Sprintf("%s的格式（%s）不受支持；请以 PDF、Word（.docx）、Excel（.xlsx）或 JPG/PNG 图片格式提交", name, found)
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

func paren(s string) string {
	if s == "" {
		return ""
	}
	return "（" + s + "）"
}

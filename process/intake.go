package process

import (
	"errors"
	"fmt"
	"path"
	"strings"

	"dossier"
	"dossier/extract"
	"dossier/rules"
)

// accepted are the extensions rules.md F001 accepts.
var accepted = map[string]dossier.Format{
	".pdf": dossier.FormatPDF, ".xlsx": dossier.FormatXLSX, ".xlsm": dossier.FormatXLSX,
	".jpg": dossier.FormatJPEG, ".jpeg": dossier.FormatJPEG, ".png": dossier.FormatPNG,
	".docx": dossier.FormatDOCX, ".docm": dossier.FormatDOCX,
}

// legacy are the old office formats that get re-save advice.
var legacy = map[string]bool{".xls": true, ".doc": true, ".et": true, ".wps": true, ".ett": true, ".dps": true, ".ppt": true}

func formatByExt(name string) dossier.Format {
	ext := strings.ToLower(path.Ext(name))
	if f, ok := accepted[ext]; ok {
		return f
	}
	if legacy[ext] {
		return dossier.FormatLegacy
	}
	return dossier.FormatUnknown
}

// intakeBeforeRead applies F004, F005 and the extension side of F001 (a
// legacy .doc/.wps/.et/.xls goes on to extract, which has LibreOffice
// re-save it or answers ErrLegacy, F001 with re-save advice); it
// reports whether the file is refused without being read further.
func intakeBeforeRead(d *dossier.Document, maxSize int64) bool {
	d.Format = formatByExt(d.Name)
	switch {
	case d.Size == 0:
		d.Findings = append(d.Findings, rules.Intake("F004", *d, ""))
	case maxSize > 0 && d.Size > maxSize:
		d.Findings = append(d.Findings, rules.Intake("F005", *d, fmt.Sprintf("文件大小 %s，超过上限 %s", humanSize(d.Size), humanSize(maxSize))))
	case d.Format == dossier.FormatUnknown:
		d.Findings = append(d.Findings, rules.Intake("F001", *d, ""))
	default:
		return false
	}
	return true
}

// ruleOf maps an extraction error to its intake rule.
func ruleOf(err error) string {
	switch {
	case errors.Is(err, extract.ErrUnsupported), errors.Is(err, extract.ErrLegacy):
		return "F001"
	case errors.Is(err, extract.ErrPassword):
		return "F003"
	case errors.Is(err, extract.ErrEmpty):
		return "F004"
	case errors.Is(err, extract.ErrTooLarge):
		return "F005"
	}
	return "F002"
}

// formatOfErr is the format an extraction error reveals, if any.
func formatOfErr(err error, byExt dossier.Format) dossier.Format {
	if errors.Is(err, extract.ErrLegacy) {
		return dossier.FormatLegacy
	}
	return byExt
}

func humanSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d 字节", n)
}

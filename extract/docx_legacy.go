package extract

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"dossier"
)

// Converter turns an office file into another format: package convert's
// *Converter (LibreOffice), which Options.Convert takes.
type Converter interface {
	Convert(ctx context.Context, data []byte, name, format string) ([]byte, error)
}

// canConvert reports whether a converter is configured and available (a
// nil *convert.Converter in the interface is not).
func (e *Extractor) canConvert() bool {
	if e.opt.Convert == nil {
		return false
	}
	if a, ok := e.opt.Convert.(interface{ Available() bool }); ok {
		return a.Available()
	}
	return true
}

// legacyTarget is what a legacy file is re-saved as: Word files as .docx,
// workbooks as .xlsx; "" for what is neither (.ppt, .dps).
func legacyTarget(name string) (dossier.Format, string) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".doc", ".wps", ".wpt", ".dot":
		return dossier.FormatDOCX, "docx:MS Word 2007 XML"
	case ".xls", ".et", ".ett":
		return dossier.FormatXLSX, "xlsx:Calc MS Excel 2007 XML"
	}
	return "", ""
}

// extractLegacy reads a legacy .doc/.wps/.et/.xls by having LibreOffice
// re-save it as .docx/.xlsx, then reads that like a unit's own. A file
// LibreOffice cannot convert stays F001 (ErrLegacy, re-save advice).
func (e *Extractor) extractLegacy(ctx context.Context, r io.Reader, name string) (Result, error) {
	format, filter := legacyTarget(name)
	if format == "" {
		return Result{Format: dossier.FormatLegacy}, fmt.Errorf("%w: %s cannot be converted", ErrLegacy, filepath.Ext(name))
	}
	data, err := io.ReadAll(io.LimitReader(r, e.opt.MaxFileSize+1))
	if err != nil {
		return Result{Format: dossier.FormatLegacy}, fmt.Errorf("read %s: %w", name, err)
	}
	if int64(len(data)) > e.opt.MaxFileSize {
		return Result{Format: dossier.FormatLegacy}, fmt.Errorf("%w: the file grew past the limit while being read", ErrTooLarge)
	}
	ctx, cancel := context.WithTimeout(ctx, e.opt.Timeout)
	defer cancel()
	out, err := e.opt.Convert.Convert(ctx, data, name, filter)
	if err != nil {
		return Result{Format: dossier.FormatLegacy}, fmt.Errorf("%w: LibreOffice could not re-save it: %v", ErrLegacy, err)
	}
	res, err := e.ExtractBytes(ctx, format, name, out)
	res.Format = dossier.FormatLegacy
	if err == nil && !anyFilled(res.Fields) {
		// LibreOffice opens almost anything; a re-saved file with nothing
		// in it means the original was not a real document of its kind.
		return Result{Format: dossier.FormatLegacy}, fmt.Errorf("%w: nothing readable after LibreOffice re-saved it", ErrLegacy)
	}
	return res, err
}

func anyFilled(f dossier.Fields) bool {
	for k := range f {
		if f.Filled(k) {
			return true
		}
	}
	return false
}

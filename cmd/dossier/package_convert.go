package main

import (
	"path/filepath"

	"dossier/config"
	"dossier/convert"
	"dossier/render"
)

// packageConverter is what puts Word originals into the package as PDF
// pages: LibreOffice, unless it is off or not installed (nil: the package
// then typesets their text).
func packageConverter(cfg config.Config) render.Converter {
	c, err := convert.New(convert.Options{Soffice: cfg.Convert.Soffice, Timeout: cfg.Convert.Timeout.D(),
		ProfileDir: filepath.Join(cfg.Data, "soffice-render")})
	if err != nil || c == nil {
		return nil
	}
	return c
}

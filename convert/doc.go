// Package convert turns office documents into other formats with
// LibreOffice (soffice --headless --convert-to), the way Gotenberg does:
// one conversion at a time per Converter, each under a time limit, with
// its own LibreOffice profile directory (so a stale lock or a running
// desktop LibreOffice never blocks it), the whole process group killed on
// time-out, and every temporary file removed.
//
// Its users: package render puts a .docx original into the package as PDF
// pages (ToPDF); package extract reads a legacy .doc/.wps/.et by having it
// re-saved as .docx or .xlsx (Convert with "docx" or "xlsx").
//
// API:
//
//	c, err := convert.New(convert.Options{Soffice: cfg.Convert.Soffice, // ProfileDir "": a fresh one per conversion
//	        Timeout: cfg.Convert.Timeout.D(), ProfileDir: filepath.Join(cfg.Data, "soffice")})
//	// err wraps ErrUnavailable when Soffice is "off" or soffice is not on PATH;
//	// c is then nil, and every method of a nil *Converter returns ErrUnavailable.
//	pdf, err := c.ToPDF(ctx, docxBytes, "成效总结.docx")
//	out, err := c.Convert(ctx, docBytes, "调查表.doc", "docx")
//
// Concurrency: a Converter is safe for concurrent use; calls queue and run
// one at a time (LibreOffice is single-threaded per profile and heavy).
// A caller's ctx that ends while it waits returns ctx.Err().
package convert

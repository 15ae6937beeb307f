package extract

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"dossier"

	"github.com/richardlehane/mscfb"
)

var (
	magicPDF  = []byte("%PDF-")
	magicJPEG = []byte{0xFF, 0xD8, 0xFF}
	magicPNG  = []byte{0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}
	magicOLE  = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	magicZip  = []byte{'P', 'K', 0x03, 0x04}
)

// pdfJunkLimit is how far into a file "%PDF-" may start (readers accept
// junk before the header).
const pdfJunkLimit = 1024

// Sniff returns a file's real format from its bytes: PDF (header within
// the first 1024 bytes), a zip holding a workbook (xlsx, also xlsm) or a
// Word document (docx), JPEG, PNG, an OLE2 container (legacy office, or an
// encrypted OOXML package), else unknown. name is not used to decide; the
// caller compares the result with the extension.
func Sniff(r io.ReaderAt, size int64, name string) dossier.Format {
	_ = name
	n := int64(pdfJunkLimit)
	if size < n {
		n = size
	}
	if n <= 0 {
		return dossier.FormatUnknown
	}
	head := make([]byte, n)
	m, _ := r.ReadAt(head, 0)
	head = head[:m]
	switch {
	case bytes.HasPrefix(head, magicJPEG):
		return dossier.FormatJPEG
	case bytes.HasPrefix(head, magicPNG):
		return dossier.FormatPNG
	case bytes.HasPrefix(head, magicOLE):
		return dossier.FormatLegacy
	case bytes.HasPrefix(head, magicZip):
		return sniffZip(r, size)
	case bytes.Contains(head, magicPDF):
		return dossier.FormatPDF
	}
	return dossier.FormatUnknown
}

func sniffZip(r io.ReaderAt, size int64) (f dossier.Format) {
	defer func() {
		if r := recover(); r != nil {
			notePanic(r)
			f = dossier.FormatUnknown
		}
	}()
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return dossier.FormatUnknown
	}
	types, xl, word := false, false, false
	for _, zf := range zr.File {
		switch {
		case zf.Name == "[Content_Types].xml":
			types = true
		case strings.HasPrefix(zf.Name, "xl/"):
			xl = true
		case strings.HasPrefix(zf.Name, "word/"):
			word = true
		}
	}
	switch {
	case types && xl:
		return dossier.FormatXLSX
	case types && word:
		return dossier.FormatDOCX
	}
	return dossier.FormatUnknown
}

// isEncryptedOOXML reports whether an OLE2 container is an encrypted
// OOXML package (EncryptionInfo and EncryptedPackage streams), which is
// how Office stores a password-protected .xlsx/.docx.
func isEncryptedOOXML(r io.ReaderAt, size int64) (ok bool) {
	defer func() {
		if r := recover(); r != nil {
			notePanic(r)
			ok = false
		}
	}()
	doc, err := mscfb.New(io.NewSectionReader(r, 0, size))
	if err != nil {
		return false
	}
	info, pkg := false, false
	for i := 0; i < 1000; i++ {
		e, err := doc.Next()
		if err != nil || e == nil {
			break
		}
		switch e.Name {
		case "EncryptionInfo":
			info = true
		case "EncryptedPackage":
			pkg = true
		}
	}
	return info && pkg
}

// extFormat is the format a file name's extension promises.
func extFormat(name string) dossier.Format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".pdf":
		return dossier.FormatPDF
	case ".xlsx", ".xlsm":
		return dossier.FormatXLSX
	case ".jpg", ".jpeg":
		return dossier.FormatJPEG
	case ".png":
		return dossier.FormatPNG
	case ".xls", ".doc", ".et", ".wps", ".ett", ".wpt", ".dps", ".ppt":
		return dossier.FormatLegacy
	case ".docx", ".docm":
		return dossier.FormatDOCX
	}
	return ""
}

var formatNames = map[dossier.Format]string{
	dossier.FormatPDF:     "a PDF",
	dossier.FormatXLSX:    "an Excel workbook",
	dossier.FormatJPEG:    "a JPEG image",
	dossier.FormatPNG:     "a PNG image",
	dossier.FormatLegacy:  "a legacy Office file",
	dossier.FormatDOCX:    "a Word document",
	dossier.FormatUnknown: "of an unknown format",
}

// classify decides from the bytes and the name whether the file can be
// read, and as what. The error wraps a sentinel.
func (e *Extractor) classify(r io.ReaderAt, size int64, name string) (dossier.Format, error) {
	got := Sniff(r, size, name)
	want := extFormat(name)
	ext := strings.ToLower(filepath.Ext(name))
	switch want {
	case "":
		if ext == "" {
			return got, fmt.Errorf("%w: the file has no extension", ErrUnsupported)
		}
		return got, fmt.Errorf("%w: %s files are not accepted", ErrUnsupported, ext)
	case dossier.FormatLegacy:
		if got == dossier.FormatLegacy && isEncryptedOOXML(r, size) {
			return dossier.FormatXLSX, fmt.Errorf("%w: the workbook is encrypted", ErrPassword)
		}
		return dossier.FormatLegacy, fmt.Errorf("%w: %s is an old Office/WPS format", ErrLegacy, ext)
	}
	switch got {
	case want:
		return got, nil
	case dossier.FormatJPEG, dossier.FormatPNG:
		if want == dossier.FormatJPEG || want == dossier.FormatPNG {
			return got, nil // a PNG named .jpg opens everywhere
		}
	case dossier.FormatLegacy:
		if isEncryptedOOXML(r, size) {
			return dossier.FormatXLSX, fmt.Errorf("%w: the file is encrypted with a password", ErrPassword)
		}
		if want == dossier.FormatXLSX {
			return dossier.FormatLegacy, fmt.Errorf("%w: an old .xls workbook renamed to %s", ErrLegacy, ext)
		}
	case dossier.FormatUnknown:
		return got, fmt.Errorf("%w: not %s (damaged, or not what its extension %s says)", ErrCorrupt, strings.TrimPrefix(formatNames[want], ""), ext)
	}
	return got, fmt.Errorf("%w: the file is %s, not what its extension %s says", ErrCorrupt, formatNames[got], ext)
}

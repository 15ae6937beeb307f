package extract

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dossier"
)

// TestPDFTextExact: PDFium reads the Chinese text of PDFs from producers
// that defeat simpler readers exactly, line by line.
func TestPDFTextExact(t *testing.T) {
	tests := []struct {
		name string
		file string
		want string
	}{
		{
			// Chromium print-to-PDF of chromium-cjk.html: the bold heading in a
			// font without a bold face comes out as Type 3 glyphs.
			name: "chromium type3 bold heading",
			file: "chromium-cjk.pdf",
			want: "服务团队工作总结\n团队名称：测试服务团\n本团队于2026年7月赴乡村开展服务，服务天数12天，总人数25人。",
		},
		{
			// gofpdf UTF-8 font: Identity-H with a one-range ToUnicode CMap
			// (TestGenerateGofpdf).
			name: "gofpdf identity-h",
			file: "gofpdf-cjk.pdf",
			want: strings.Join(gofpdfLines, "\n"),
		},
	}
	ex := testExtractor(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			got, err := ex.ReadPDF(context.Background(), data)
			if err != nil {
				t.Fatal(err)
			}
			if text := strings.TrimSpace(got.Text); text != tt.want {
				t.Errorf("text of %s:\n%q\nwant\n%q", tt.file, text, tt.want)
			}
		})
	}
}

// TestBlankPDF: a PDF with blank pages is neither a scan nor anything its
// file name claims; its kind is unknown whatever it is called.
func TestBlankPDF(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "blank.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	ex := testExtractor(t)
	for _, name := range []string{"blank.pdf", "服务团工作总结.pdf", "审计报告.pdf", "实施成效调查表.pdf", "活动照片.pdf"} {
		t.Run(name, func(t *testing.T) {
			res, err := ex.ExtractBytes(context.Background(), dossier.FormatPDF, name, data)
			if err != nil {
				t.Fatal(err)
			}
			if !res.Blank || res.Scanned || res.Kind != dossier.KindUnknown || len(res.Fields) != 0 {
				t.Errorf("ExtractBytes(%s) = blank %v scanned %v kind %s fields %v, want blank, not scanned, unknown, no fields",
					name, res.Blank, res.Scanned, res.Kind, res.Fields)
			}
		})
	}
}

// TestScanDensity: the text-density thresholds that separate text PDFs,
// scans and blank PDFs.
func TestScanDensity(t *testing.T) {
	tests := []struct {
		name           string
		t              PDFText
		scanned, blank bool
	}{
		{"text", PDFText{Pages: 2, TextChars: 400}, false, false},
		{"photo captions", PDFText{Pages: 2, Images: 4, TextChars: 50}, false, false},
		{"image scan", PDFText{Pages: 2, Images: 2}, true, false},
		{"outlined text", PDFText{Pages: 2, Paths: 900}, true, false},
		{"blank", PDFText{Pages: 2}, false, true},
		{"page numbers and a rule", PDFText{Pages: 2, Paths: 2, TextChars: 2}, false, true},
		{"no pages", PDFText{}, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.t.Scanned(); got != tt.scanned {
				t.Errorf("Scanned() = %v, want %v", got, tt.scanned)
			}
			if got := tt.t.Blank(); got != tt.blank {
				t.Errorf("Blank() = %v, want %v", got, tt.blank)
			}
		})
	}
}

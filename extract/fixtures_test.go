package extract

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"flag"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/jung-kurt/gofpdf"
)

var generate = flag.Bool("generate", false, "regenerate the crafted fixtures in testdata (zip bomb, gofpdf PDF)")

// gofpdfLines is the text of testdata/gofpdf-cjk.pdf, one Cell each (not
// MultiCell, which drops a Han character at every automatic line break).
var gofpdfLines = []string{
	"专项审计报告",
	"团队名称：测试服务团",
	"审计意见类型：无保留意见",
	"资金总额：100,000.00元",
}

// TestGenerateGofpdf writes testdata/gofpdf-cjk.pdf: gofpdf with a UTF-8
// TrueType font, so Identity-H with gofpdf's one-range ToUnicode CMap.
func TestGenerateGofpdf(t *testing.T) {
	if !*generate {
		t.Skip("run with -generate to rewrite crafted fixtures")
	}
	const font = "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf"
	ttf, err := os.ReadFile(font)
	if err != nil {
		t.Skip(err)
	}
	pdf := gofpdf.New("P", "mm", "A4", "")
	pdf.SetCreationDate(time.Date(2026, 11, 8, 0, 0, 0, 0, time.UTC))
	pdf.AddUTF8FontFromBytes("wenkai", "", ttf)
	pdf.AddPage()
	pdf.SetFont("wenkai", "", 14)
	for _, l := range gofpdfLines {
		pdf.CellFormat(0, 10, l, "", 1, "L", false, 0, "")
	}
	if err := pdf.OutputFileAndClose(filepath.Join("testdata", "gofpdf-cjk.pdf")); err != nil {
		t.Fatal(err)
	}
}

// TestGenerateFixtures writes testdata/bomb.xlsx: the LibreOffice-made
// survey.xlsx plus one part that declares 4 GiB unpacked (its real
// payload is 1 MiB of zeros, so readers that trust the data and not the
// header still have to stop at the limit).
func TestGenerateFixtures(t *testing.T) {
	if !*generate {
		t.Skip("run with -generate to rewrite crafted fixtures")
	}
	src, err := zip.OpenReader(filepath.Join("testdata", "survey.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range src.File {
		w, err := zw.CreateRaw(&f.FileHeader)
		if err != nil {
			t.Fatal(err)
		}
		r, err := f.OpenRaw()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.Copy(w, r); err != nil {
			t.Fatal(err)
		}
	}
	payload := make([]byte, 1<<20)
	var comp bytes.Buffer
	fw, _ := flate.NewWriter(&comp, flate.BestCompression)
	fw.Write(payload)
	fw.Close()
	w, err := zw.CreateRaw(&zip.FileHeader{
		Name:               "xl/media/bomb.bin",
		Method:             zip.Deflate,
		CRC32:              crc32.ChecksumIEEE(payload),
		CompressedSize64:   uint64(comp.Len()),
		UncompressedSize64: 4 << 30,
	})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(comp.Bytes())
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join("testdata", "bomb.xlsx"), buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

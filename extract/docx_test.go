package extract

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"dossier"
	"dossier/convert"
)

const docxNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
	`xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" ` +
	`xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
	`xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"`

func zipOf(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	for name, text := range files {
		w, err := z.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(text))
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// docxOf packs a body into a minimal Word document.
func docxOf(t *testing.T, body string, extra map[string]string) []byte {
	t.Helper()
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	files := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"word/document.xml":   `<?xml version="1.0" encoding="UTF-8"?><w:document ` + docxNS + `><w:body>` + body + `</w:body></w:document>`,
	}
	for k, v := range extra {
		files[k] = v
	}
	for name, text := range files {
		w, err := z.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(text)); err != nil {
			t.Fatal(err)
		}
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func p(runs string) string { return "<w:p>" + runs + "</w:p>" }
func r(text string) string { return `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r>` }
func tc(pr, content string) string {
	return "<w:tc><w:tcPr>" + pr + "</w:tcPr>" + p(r(content)) + "</w:tc>"
}

func TestReadDOCX(t *testing.T) {
	tests := []struct {
		name string
		body string
		want [][]string
	}{
		{"paragraphs and a tab", p(r("服务团名称：")+`<w:r><w:tab/></w:r>`+r("草莓服务团")) + p(r("依托单位：农科院")),
			[][]string{{"服务团名称：  草莓服务团"}, {"依托单位：农科院"}}},
		{"gridSpan repeats a cell, vMerge continues one",
			"<w:tbl><w:tr>" + tc(`<w:vMerge w:val="restart"/>`, "专家来源") + tc("", "本省") + tc("", "3") + "</w:tr>" +
				"<w:tr>" + tc("<w:vMerge/>", "") + tc("", "外省") + tc("", "2") + "</w:tr>" +
				"<w:tr>" + tc("", "配套资金来源") + tc(`<w:gridSpan w:val="2"/>`, "市人社局") + "</w:tr></w:tbl>",
			[][]string{{"专家来源", "本省", "3"}, {"专家来源", "外省", "2"}, {"配套资金来源", "市人社局", "市人社局"}}},
		{"content-control check boxes",
			p(`<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="1"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:t>☒</w:t></w:r></w:sdtContent></w:sdt>` + r("农业 ") +
				`<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="0"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:t>☐</w:t></w:r></w:sdtContent></w:sdt>` + r("林业")),
			[][]string{{"☑农业 ☐林业"}}},
		{"form-field check boxes",
			p(`<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:checkBox><w:default w:val="0"/><w:checked/></w:checkBox></w:ffData></w:fldChar></w:r>` +
				`<w:r><w:instrText> FORMCHECKBOX </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` + r("一次服务 ") +
				`<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:checkBox><w:default w:val="0"/></w:checkBox></w:ffData></w:fldChar></w:r>` +
				`<w:r><w:instrText> FORMCHECKBOX </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` + r("分批次服务")),
			[][]string{{"☑一次服务 ☐分批次服务"}}},
		{"Wingdings symbols", p(`<w:r><w:sym w:font="Wingdings" w:char="F0FE"/></w:r>` + r("是 ") + `<w:r><w:sym w:font="Wingdings" w:char="F0A8"/></w:r>` + r("否")),
			[][]string{{"☑是 ☐否"}}},
		{"underlined blank and underlined value",
			p(r("服务天数") + `<w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t xml:space="preserve">  7  </w:t></w:r>` + r("天，服务次数") +
				`<w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t xml:space="preserve">    </w:t></w:r>` + r("次")),
			[][]string{{"服务天数  7  天，服务次数____次"}}},
		{"text box read once, fallback skipped",
			p(r("附件4") + `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>` + p(r("填报单位：农科院")) +
				`</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>` + p(r("填报单位：农科院")) +
				`</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>`),
			[][]string{{"附件4"}, {"填报单位：农科院"}}},
		{"tracked deletion and field code left out",
			p(r("总人数 ") + `<w:del><w:r><w:delText>12</w:delText></w:r></w:del>` + `<w:ins><w:r><w:t>13</w:t></w:r></w:ins>` +
				`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>` + r(" 人") + `<w:r><w:fldChar w:fldCharType="end"/></w:r>`),
			[][]string{{"总人数 13 人"}}},
	}
	ex := testExtractor(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sheets, err := ex.ReadDOCX(context.Background(), docxOf(t, tt.body, nil))
			if err != nil {
				t.Fatal(err)
			}
			if len(sheets) != 1 || !reflect.DeepEqual(sheets[0].Rows, tt.want) {
				t.Errorf("rows %q, want %q", sheets[0].Rows, tt.want)
			}
		})
	}
}

func TestReadDOCXRefuses(t *testing.T) {
	ex, err := New(Options{MaxUnzipSize: 1 << 20, MaxXMLSize: 1 << 16})
	if err != nil {
		t.Fatal(err)
	}
	big := strings.Repeat("<w:p><w:r><w:t>填</w:t></w:r></w:p>", 1<<15)
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"not a zip", []byte("PK\x03\x04 broken"), ErrCorrupt},
		{"no document part", zipOf(t, map[string]string{"[Content_Types].xml": "<Types/>", "word/styles.xml": "<x/>"}), ErrCorrupt},
		{"text part over the XML limit", docxOf(t, big, nil), ErrTooLarge},
		{"unpacks past the limit (zip bomb)", docxOf(t, "", map[string]string{"word/media/pad.bin": strings.Repeat("0", 2<<20)}), ErrTooLarge},
		{"an entity is not expanded", []byte{}, ErrCorrupt},
	}
	tests[4].data = func() []byte {
		var b bytes.Buffer
		z := zip.NewWriter(&b)
		w, _ := z.Create("word/document.xml")
		w.Write([]byte(`<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document ` + docxNS + `><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>`))
		z.Close()
		return b.Bytes()
	}()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ex.ReadDOCX(context.Background(), tt.data)
			if !errors.Is(err, tt.want) {
				t.Errorf("error %v, want %v", err, tt.want)
			}
		})
	}
}

// TestDOCXExtract: the fourth unseen corpus's Word survey, audit
// report and summary read like documents of their kind, through Extract.
func TestDOCXExtract(t *testing.T) {
	dir := "parse/testdata/unseen4/inbox"
	tests := []struct {
		file, kind string
		key        string
		want       any
	}{
		{"M6/附件4实施成效调查表.docx", "survey", "service_days", int64(5)},
		{"M9/调查表.docx", "survey", "source_local", int64(21)},
		{"N3/经费决算审计报告.docx", "audit", "opinion", "qualified"},
		{"M7/决算审计报告.docx", "audit", "received_total", 100000.0},
		{"M6/工作成效总结.docx", "summary", "team_name", "助力乡村水环境质量提升专家服务团"},
	}
	ex := testExtractor(t)
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			p := filepath.Join(dir, tt.file)
			if _, err := os.Stat(p); err != nil {
				t.Fatal(err)
			}
			res, err := ex.Extract(context.Background(), p)
			if err != nil {
				t.Fatal(err)
			}
			if string(res.Kind) != tt.kind || !reflect.DeepEqual(res.Fields[tt.key], tt.want) {
				t.Errorf("kind %s %s = %#v, want %s %#v", res.Kind, tt.key, res.Fields[tt.key], tt.kind, tt.want)
			}
			if res.Format != "docx" {
				t.Errorf("format %s, want docx", res.Format)
			}
		})
	}
}

// TestLegacyConverted: a Word 97 .doc (made by LibreOffice from the
// corpus's Word summary) is read through LibreOffice when a converter is
// configured, and stays ErrLegacy (F001, re-save advice) without one.
func TestLegacyConverted(t *testing.T) {
	c, err := convert.New(convert.Options{ProfileDir: t.TempDir()})
	if errors.Is(err, convert.ErrUnavailable) {
		if os.Getenv("DOSSIER_REQUIRE_TOOLS") == "1" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("parse/testdata/unseen4/inbox/M6/工作成效总结.docx")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := c.Convert(context.Background(), src, "总结.docx", "doc:MS Word 97")
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "工作成效总结.doc")
	if err := os.WriteFile(p, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := testExtractor(t).Extract(context.Background(), p); !errors.Is(err, ErrLegacy) {
		t.Errorf("without a converter: %v, want ErrLegacy", err)
	}
	ex, err := New(Options{Convert: c})
	if err != nil {
		t.Fatal(err)
	}
	res, err := ex.Extract(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	if res.Kind != dossier.KindSummary || res.Fields["team_name"] != "助力乡村水环境质量提升专家服务团" {
		t.Errorf("kind %s team %v", res.Kind, res.Fields["team_name"])
	}
}

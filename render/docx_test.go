package render

import (
	"archive/zip"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dossier"
	"dossier/convert"
)

// writeDocx writes a minimal Word document holding paras.
func writeDocx(t *testing.T, path string, paras ...string) {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	files := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
		"_rels/.rels":         `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
	}
	var body strings.Builder
	for _, p := range paras {
		body.WriteString(`<w:p><w:r><w:t>` + p + `</w:t></w:r></w:p>`)
	}
	files["word/document.xml"] = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body.String() + `</w:body></w:document>`
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml"} {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(files[name]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func docxInput(t *testing.T, path string) Input {
	team := dossier.Team{ID: "M1", Level: dossier.LevelMunicipal, Name: "乳制品风味提升与品质控制专家服务团", Unit: "上海应用技术大学"}
	d := dossier.Document{ID: 1, Name: "工作成效总结.docx", Folder: "M1", TeamID: "M1", Kind: dossier.KindSummary, Format: dossier.FormatDOCX,
		Verdict: dossier.VerdictAccepted, StoredPath: path, SHA256: strings.Repeat("d", 64), Received: time.Date(2026, 11, 18, 9, 0, 0, 0, time.UTC)}
	v := dossier.TeamView{Team: team, Documents: []dossier.Document{d}, Materials: map[dossier.Kind]dossier.MaterialState{dossier.KindSummary: dossier.MaterialAccepted}}
	return Input{Programme: dossier.DefaultProgramme(), Teams: []dossier.TeamView{v}, Generated: time.Date(2026, 11, 21, 2, 0, 0, 0, time.UTC)}
}

func pdfText(t *testing.T, in Input) string {
	t.Helper()
	pdftotext := requireTool(t, "pdftotext")
	var buf bytes.Buffer
	if _, err := PDF(&buf, in); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "p.pdf")
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdftotext, p, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

func TestDocxOriginal(t *testing.T) {
	path := filepath.Join(t.TempDir(), "工作成效总结.docx")
	writeDocx(t, path, "一、工作开展情况", "本年度共开展服务活动三十二场。")
	t.Run("typeset without a converter", func(t *testing.T) {
		text := pdfText(t, docxInput(t, path))
		for _, want := range []string{"本年度共开展服务活动三十二场", "未配置文档转换", "Word 文档"} {
			if !strings.Contains(text, want) {
				t.Errorf("package lacks %q", want)
			}
		}
	})
	t.Run("unreadable", func(t *testing.T) {
		bad := filepath.Join(t.TempDir(), "坏.docx")
		os.WriteFile(bad, []byte("not a zip"), 0o644)
		text := pdfText(t, docxInput(t, bad))
		if !strings.Contains(text, "未附入原件") || !strings.Contains(text, "文件无法读取") {
			t.Errorf("no placeholder saying why:\n%s", text)
		}
	})
	t.Run("converted by soffice", func(t *testing.T) {
		c, err := convert.New(convert.Options{Timeout: 2 * time.Minute, ProfileDir: t.TempDir()})
		if err != nil {
			if os.Getenv("DOSSIER_REQUIRE_TOOLS") == "1" {
				t.Fatalf("soffice: %v", err)
			}
			t.Skipf("soffice: %v", err)
		}
		in := docxInput(t, path)
		in.Convert = c
		text := pdfText(t, in)
		if !strings.Contains(text, "本年度共开展服务活动三十二场") || strings.Contains(text, "未能按原版式附入") {
			t.Errorf("Word original not appended as PDF pages:\n%s", text)
		}
	})
}

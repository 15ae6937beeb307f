package render

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"dossier"
)

// Converter turns an office original into PDF; *convert.Converter (soffice)
// is the real one. A nil Converter, or one that fails, leaves a Word
// original typeset from its text.
type Converter interface {
	ToPDF(ctx context.Context, data []byte, name string) ([]byte, error)
}

// maxDocxXML bounds the document.xml read from a .docx (a zip bomb).
const maxDocxXML = 32 << 20

// appendDOCX appends a Word original: converted to PDF pages when a
// Converter is given and succeeds; else its text, typeset, with a line
// saying why; else a page saying the Word file is not shown and why.
func (b *builder) appendDOCX(d dossier.Document, tmp string) error {
	data, err := os.ReadFile(d.StoredPath)
	if err != nil {
		return fmt.Errorf("read Word original: %w", err)
	}
	why := "未配置文档转换（LibreOffice）"
	if b.in.Convert != nil {
		pdf, cerr := b.in.Convert.ToPDF(b.ctx, data, d.Name)
		if cerr == nil {
			path := filepath.Join(tmp, fmt.Sprintf("docx-%05d.pdf", len(b.under)))
			if err := os.WriteFile(path, pdf, 0o600); err != nil {
				return fmt.Errorf("keep converted Word original: %w", err)
			}
			conv := d
			conv.StoredPath = path
			base := b.headerLeft
			b.headerLeft = base + "（Word 文档转换）"
			defer func() { b.headerLeft = base }()
			if err := b.appendPDF(conv, tmp); err == nil {
				return nil
			}
			why = "转换后的 PDF 无法附入"
		} else {
			why = "文档转换失败"
		}
	}
	text, terr := docxText(data)
	if terr != nil || strings.TrimSpace(text) == "" {
		reason := "文件中没有文字"
		if terr != nil {
			reason = "文件无法读取"
		}
		b.placeholder(d, "该材料为 Word 文档（docx），未附入原件："+why+"，且"+reason+"。请查阅存档中的原件。")
		return nil
	}
	b.typesetText(d, "该材料为 Word 文档（docx），"+why+"，未能按原版式附入；以下为其文字内容（不含图片、表格线和格式）。", text)
	return nil
}

// typesetText sets a Word original's text on package pages.
func (b *builder) typesetText(d dossier.Document, note, text string) {
	b.addPage("P")
	c := b.canvas
	c.setFace(faceHei)
	c.setSize(14)
	for _, l := range c.wrap(d.Name, c.contentW()) {
		c.text(marginX, c.y, c.contentW(), l, "C")
		c.y += c.lineH()
	}
	c.setFace(faceKai)
	c.y += 2
	c.para(note, 10, colInk)
	c.setFace(faceSong)
	c.y += 3
	for _, p := range strings.Split(text, "\n") {
		if strings.TrimSpace(p) == "" {
			continue
		}
		c.para("　　"+strings.TrimSpace(p), 11, colInk)
		c.y += 1
	}
}

var errNoDocument = errors.New("render: no word/document.xml in the .docx")

// docxText is the text of a .docx: its paragraphs, one a line.
func docxText(data []byte) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", fmt.Errorf("open docx: %w", err)
	}
	for _, f := range zr.File {
		if f.Name != "word/document.xml" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return "", fmt.Errorf("open document.xml: %w", err)
		}
		defer rc.Close()
		return paragraphs(io.LimitReader(rc, maxDocxXML))
	}
	return "", errNoDocument
}

func paragraphs(r io.Reader) (string, error) {
	dec := xml.NewDecoder(r)
	var b strings.Builder
	inText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return b.String(), nil
		}
		if err != nil {
			return b.String(), fmt.Errorf("read document.xml: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "t":
				inText = true
			case "tab":
				b.WriteByte(' ')
			case "br":
				b.WriteByte('\n')
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				b.WriteByte('\n')
			case "tc":
				b.WriteString("　")
			}
		case xml.CharData:
			if inText {
				b.Write(t)
			}
		}
	}
}

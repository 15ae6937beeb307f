package render

import (
	"bytes"
	"fmt"
	"image"
	_ "image/jpeg" // image.DecodeConfig of JPEG originals
	_ "image/png"  // and PNG
	"os"
	"path/filepath"
	"strings"

	"github.com/jung-kurt/gofpdf"
	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"dossier"
)

// underlay is one original PDF page to place under a package page.
type underlay struct {
	page    int    // package page, 1-based
	file    string // readable (decrypted) PDF
	srcPage int
}

// Box the original sits in on an appended page (below the header band).
const (
	origTop    = 18.0
	origBottom = 16.0
)

func (b *builder) originals() error {
	b.part("orig", "五、原件", "P")
	c := b.canvas
	c.para("以下附各服务团已受理（含待人工审核）且未被替代的材料原件。PDF 文件按原样逐页附入；图片文件按页排版；电子表格的内容已列入第三部分和汇总表.xlsx，此处以说明页代替。每页页眉注明所属服务团和文件名。", 10, colInk)
	var tmp string
	for _, v := range b.in.Teams {
		if err := b.ctx.Err(); err != nil {
			return fmt.Errorf("append originals: %w", err)
		}
		docs := currentDocs(v)
		if len(docs) == 0 {
			continue
		}
		first := true
		for _, d := range docs {
			name := sanitize(d.Name)
			b.headerLeft = "原件 · " + v.Team.ID + " " + v.Team.Name + " · " + name
			pagesBefore := b.f.PageCount()
			if tmp == "" && (d.Format == dossier.FormatPDF || d.Format == dossier.FormatDOCX) {
				dir, err := os.MkdirTemp("", "dossier-render-")
				if err != nil {
					return fmt.Errorf("make temp dir for originals: %w", err)
				}
				tmp = dir
				b.tmp = append(b.tmp, dir)
			}
			b.appendDoc(v, d, tmp)
			if b.f.PageCount() == pagesBefore {
				continue
			}
			if first {
				b.f.SetPage(pagesBefore + 1)
				b.mark("orig:" + v.Team.ID)
				b.f.Bookmark(v.Team.ID+" "+sanitize(v.Team.Name), 1, 0)
				first = false
			}
			b.f.SetPage(pagesBefore + 1)
			b.f.Bookmark(d.Kind.Label()+"："+name, 2, 0)
			b.f.SetPage(b.f.PageCount())
		}
	}
	return nil
}

// appendDoc adds the pages of one original; a document that cannot be
// placed gets a page saying so.
func (b *builder) appendDoc(v dossier.TeamView, d dossier.Document, tmp string) {
	var err error
	switch d.Format {
	case dossier.FormatPDF:
		err = b.appendPDF(d, tmp)
	case dossier.FormatJPEG, dossier.FormatPNG:
		err = b.appendImage(d)
	case dossier.FormatDOCX:
		err = b.appendDOCX(d, tmp)
	default:
		b.placeholder(d, fmt.Sprintf("该材料为%s文件，不能按页附入。其内容已列入本汇总材料第三部分（第 %d 页起）和汇总表.xlsx。",
			formatLabel(d.Format), b.pageOf["team:"+v.Team.ID]))
		return
	}
	if err != nil {
		// A fixed text: the error can name a temporary path, and the same
		// inputs must give the same bytes.
		b.placeholder(d, "该文件未能附入汇总材料（原件无法读取或其页面无法合并）。原件按服务团和文件名存档，请向汇总单位调阅。")
	}
}

func formatLabel(f dossier.Format) string {
	switch f {
	case dossier.FormatXLSX:
		return "电子表格（xlsx）"
	case dossier.FormatDOCX:
		return "Word 文档（docx）"
	}
	return string(f)
}

// readablePDF returns a path pdfcpu can read without a password and the
// page count, decrypting an owner-password PDF into tmp first.
func readablePDF(d dossier.Document, tmp string, seq int) (path string, pages int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("读取 PDF 时出错：%v", r)
		}
	}()
	ctx, err := readSource(d.StoredPath)
	if err != nil {
		return "", 0, fmt.Errorf("无法读取 PDF：%w", err)
	}
	path = d.StoredPath
	if ctx.Encrypt != nil || ctx.E != nil {
		out := filepath.Join(tmp, fmt.Sprintf("decrypted-%05d.pdf", seq))
		if err := api.DecryptFile(d.StoredPath, out, pdfcpuConfig()); err != nil {
			return "", 0, fmt.Errorf("无法解密 PDF：%w", err)
		}
		path = out
	}
	if ctx.XRefTable.Version() == model.V20 {
		return "", 0, fmt.Errorf("不支持 PDF 2.0")
	}
	return path, ctx.PageCount, nil
}

func (b *builder) appendPDF(d dossier.Document, tmp string) error {
	path, n, err := readablePDF(d, tmp, len(b.under))
	if err != nil {
		return err
	}
	if n == 0 {
		return fmt.Errorf("PDF 没有页面")
	}
	base := b.headerLeft
	for i := 1; i <= n; i++ {
		b.headerLeft = fmt.Sprintf("%s（第 %d/%d 页）", base, i, n)
		b.addPage("P")
		b.under = append(b.under, underlay{page: b.f.PageNo(), file: path, srcPage: i})
	}
	b.headerLeft = base
	return nil
}

func (b *builder) appendImage(d dossier.Document) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("图片无法排版：%v", r)
		}
	}()
	data, err := os.ReadFile(d.StoredPath)
	if err != nil {
		return fmt.Errorf("无法读取图片：%w", err)
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("无法识别图片：%w", err)
	}
	typ := "JPG"
	if d.Format == dossier.FormatPNG {
		typ = "PNG"
	}
	b.addPage("P")
	c := b.canvas
	key := "orig-" + d.SHA256
	if key == "orig-" {
		key = fmt.Sprintf("orig-%d", b.f.PageNo())
	}
	info := b.f.RegisterImageOptionsReader(key, gofpdf.ImageOptions{ImageType: typ, ReadDpi: false}, bytes.NewReader(data))
	if info == nil || b.f.Err() {
		e := b.f.Error()
		b.f.ClearError()
		return fmt.Errorf("图片无法排版：%v", e)
	}
	boxW, boxH := c.contentW(), c.bottom()-contentTop-14
	iw, ih := float64(cfg.Width), float64(cfg.Height)
	w, h := boxW, boxW*ih/iw
	if h > boxH {
		h, w = boxH, boxH*iw/ih
	}
	x := marginX + (boxW-w)/2
	b.f.ImageOptions(key, x, contentTop+2, w, h, false, gofpdf.ImageOptions{ImageType: typ}, 0, "")
	c.y = contentTop + 2 + h + 3
	c.setSize(10)
	c.text(marginX, c.y, c.contentW(), strings.TrimSuffix(d.Name, filepath.Ext(d.Name)), "C")
	return nil
}

// placeholder is a page standing for an original that is not appended.
func (b *builder) placeholder(d dossier.Document, why string) {
	b.addPage("P")
	c := b.canvas
	c.y = 70
	c.setFace(faceHei)
	c.setSize(16)
	c.color(colInk)
	for _, l := range c.wrap(d.Name, c.contentW()) {
		c.text(marginX, c.y, c.contentW(), l, "C")
		c.y += c.lineH()
	}
	c.setFace(faceSong)
	c.y += 8
	c.para(why, 11, colInk)
	c.y += 4
	c.para("文件 SHA-256："+d.SHA256, 9, colInk)
}

func removeAll(dirs []string) {
	for _, d := range dirs {
		_ = os.RemoveAll(d)
	}
}

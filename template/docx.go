package template

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"time"

	"dossier"
)

// SurveyDOCX writes the survey (附件4) as a Word document, the form units
// receive and fill in Word: one table of label and answer in the order of
// the form, 服务形式/服务领域 and the yes/no items as Word check boxes
// (content controls a click ticks), counts on underlined blanks, then
// the publicity table. team, when not nil, pre-fills the name and unit.
// filled, when not nil, fills the answers as a unit would (tests, and a
// clerk's example copy): counts and money as numbers, boxes ticked.
func SurveyDOCX(w io.Writer, team *dossier.Team, filled dossier.Fields) error {
	f := filled
	if f == nil {
		f = dossier.Fields{}
	}
	if team != nil {
		f = copyFields(f)
		f["team_name"], f["unit"] = team.Name, team.Unit
	}
	var b strings.Builder
	b.WriteString(para(run("附件4", false)))
	b.WriteString(para(run("2026年专家人才服务基层活动实施成效调查表", false)))
	b.WriteString(tableStart(2))
	for _, rw := range surveyRows {
		if rw.key == "uploaded_materials" {
			// the publicity lines follow 是否开展宣传, as on the form
			b.WriteString("</w:tbl>" + publicityTable(f) + tableStart(2))
		}
		b.WriteString(docxRow(rw, f))
	}
	b.WriteString("</w:tbl>")
	return writeDocx(w, b.String())
}

func copyFields(f dossier.Fields) dossier.Fields {
	out := make(dossier.Fields, len(f)+2)
	for k, v := range f {
		out[k] = v
	}
	return out
}

// docxRow is one row of the form: a heading across the table, or a label
// and its answer.
func docxRow(rw row, f dossier.Fields) string {
	if rw.key == "" {
		if strings.HasPrefix(rw.label, "服务领域") {
			return tr(cell(para(run("服务领域（可多选）", false)), 1), cell(para(fieldBoxes(f)), 1))
		}
		return tr(cell(para(run(rw.label, true)), 2))
	}
	return tr(cell(para(run(rw.label, false)), 1), cell(para(answer(rw.key, f)), 1))
}

// answer is the answer cell's runs for key: boxes, a blank, or the value.
func answer(key string, f dossier.Fields) string {
	fd, _ := dossier.FieldByKey(key)
	v, has := f[key]
	switch {
	case key == "service_mode":
		m := f.Text(key)
		return box(m == "once") + run("①一次服务　", false) + box(m == "batches") + run("②分批次服务", false)
	case fd.Type == dossier.TypeBool:
		yes, no := "是", "否"
		if key == "support_measures" || key == "publicity" {
			yes, no = "有", "无"
		}
		b, ok := f.Bool(key)
		return box(ok && b) + run(yes+"　", false) + box(ok && !b) + run(no, false)
	case fd.Type == dossier.TypeInt:
		if n, ok := f.Int(key); ok {
			return run(fmt.Sprintf(" %d ", n), true)
		}
		return run("        ", true)
	case fd.Type == dossier.TypeMoney:
		if m, ok := f.Money(key); ok {
			return run(" "+trimZeros(m/10000)+" ", true)
		}
		return run("        ", true)
	case fd.Type == dossier.TypeList:
		return run(strings.Join(f.List(key), "、"), false)
	case has && v != nil:
		return run(fmt.Sprint(v), false)
	}
	return ""
}

func trimZeros(x float64) string {
	s := fmt.Sprintf("%.6f", x)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	return s
}

// fieldBoxes are the 19 服务领域 choices, each a check box.
func fieldBoxes(f dossier.Fields) string {
	chosen := map[string]bool{}
	for _, n := range f.List("service_fields") {
		chosen[n] = true
	}
	var b strings.Builder
	for _, n := range dossier.ServiceFieldNames {
		b.WriteString(box(chosen[n]) + run(n+" ", false))
	}
	return b.String()
}

func publicityTable(f dossier.Fields) string {
	items, _ := f["publicity_items"].([]dossier.PublicityItem)
	var b strings.Builder
	b.WriteString(tableStart(3))
	b.WriteString(tr(cell(para(run("媒体名称", false)), 1), cell(para(run("发布时间", false)), 1), cell(para(run("篇名", false)), 1)))
	for i := 0; i < PublicityRows; i++ {
		var it dossier.PublicityItem
		if i < len(items) {
			it = items[i]
		}
		b.WriteString(tr(cell(para(run(it.Media, false)), 1), cell(para(run(it.Date, false)), 1), cell(para(run(it.Title, false)), 1)))
	}
	b.WriteString("</w:tbl>")
	return b.String()
}

// box is a Word check box (a w14:checkbox content control) showing ☑/☐.
func box(on bool) string {
	val, glyph := "0", "☐"
	if on {
		val, glyph = "1", "☑"
	}
	return `<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="` + val + `"/>` +
		`<w14:checkedState w14:val="2611" w14:font="MS Gothic"/><w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/>` +
		`</w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:t>` + glyph + `</w:t></w:r></w:sdtContent></w:sdt>`
}

func run(text string, underline bool) string {
	pr := ""
	if underline {
		pr = `<w:rPr><w:u w:val="single"/></w:rPr>`
	}
	var esc strings.Builder
	_ = xml.EscapeText(&esc, []byte(text))
	return `<w:r>` + pr + `<w:t xml:space="preserve">` + esc.String() + `</w:t></w:r>`
}

func para(runs string) string { return "<w:p>" + runs + "</w:p>" }

func cell(content string, span int) string {
	pr := `<w:tcW w:w="` + fmt.Sprint(4500*span) + `" w:type="dxa"/>`
	if span > 1 {
		pr += fmt.Sprintf(`<w:gridSpan w:val="%d"/>`, span)
	}
	return "<w:tc><w:tcPr>" + pr + "</w:tcPr>" + content + "</w:tc>"
}

func tr(cells ...string) string { return "<w:tr>" + strings.Join(cells, "") + "</w:tr>" }

func tableStart(cols int) string {
	var grid strings.Builder
	for i := 0; i < cols; i++ {
		fmt.Fprintf(&grid, `<w:gridCol w:w="%d"/>`, 9000/cols)
	}
	return `<w:tbl><w:tblPr><w:tblW w:w="9000" w:type="dxa"/><w:tblBorders>` +
		`<w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/>` +
		`<w:right w:val="single" w:sz="4"/><w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/>` +
		`</w:tblBorders></w:tblPr><w:tblGrid>` + grid.String() + `</w:tblGrid>`
}

const docxNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
	`xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" ` +
	`xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="w14"`

var docxParts = map[string]string{
	"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
		`</Types>`,
	"_rels/.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
		`</Relationships>`,
}

func writeDocx(w io.Writer, body string) error {
	z := zip.NewWriter(w)
	doc := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + docxNS + `><w:body>` + body +
		`<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134"/></w:sectPr></w:body></w:document>`
	parts := []struct{ name, text string }{
		{"[Content_Types].xml", docxParts["[Content_Types].xml"]}, {"_rels/.rels", docxParts["_rels/.rels"]}, {"word/document.xml", doc},
	}
	for _, p := range parts {
		fw, err := z.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			return fmt.Errorf("%w: %v", ErrWrite, err)
		}
		if _, err := io.WriteString(fw, p.text); err != nil {
			return fmt.Errorf("%w: %v", ErrWrite, err)
		}
	}
	if err := z.Close(); err != nil {
		return fmt.Errorf("%w: %v", ErrWrite, err)
	}
	return nil
}

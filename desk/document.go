package desk

import (
	"maps"
	"net/http"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"dossier"
	"dossier/service"
)

// maxPageImages bounds the page images one document page shows.
const maxPageImages = 40

type documentModel struct {
	page
	V         service.DocumentView
	Doc       dossier.Document
	TeamName  string
	Where     string
	Images    []pageImg
	Photo     string
	NoImage   string
	MorePages int
	Fields    []fieldRow
	Sources   bool // some field says where it was read, or how sure
	Teams     []dossier.Team
	Kinds     []dossier.Kind
	Form      decisionForm
	History   []historyRow
	Notices   []noticeRow
	Flash     string
	Error     string
}

type pageImg struct {
	Src, Alt string
	N        int
}

// fieldRow is one field of the document: value, where it was read, how
// sure the reading is, and the clerk's input for a correction.
type fieldRow struct {
	Key, Label, Value, Input string
	Type                     dossier.FieldType
	Found, Blank, Editable   bool
	Hidden                   bool // an e-mail address, and the reader is not a clerk
	Source                   dossier.Source
	Confidence               float64
	HasConf, Low             bool
	Invalid                  string
	Options                  []option // enums and yes/no
}

type option struct{ Value, Label string }

// lowConfidence marks a field for the clerk's eye.
const lowConfidence = 0.8

func (d *Desk) document(w http.ResponseWriter, r *http.Request) {
	id, ok := docParam(r)
	if !ok {
		d.notFound(w, r, "找不到该材料。")
		return
	}
	v, err := d.svc.Document(r.Context(), id)
	if err != nil {
		d.fail(w, r, err)
		return
	}
	m := d.documentModel(r, v, nil)
	if r.URL.Query().Get("done") == "1" {
		m.Flash = "已记录审核决定；文件已按新结论存放，并已向单位发出一份通知。"
	}
	d.render(w, http.StatusOK, "document", m)
}

// documentModel builds the page; form, when not nil, refills the clerk's
// inputs after a refused preview.
func (d *Desk) documentModel(r *http.Request, v service.DocumentView, form *decisionForm) documentModel {
	doc := v.Doc
	p := d.page(r, doc.Name, "queue")
	m := documentModel{page: p, V: v, Doc: doc, Where: where(doc), Teams: d.svc.Registry().Teams, Kinds: kindOptions}
	if v.Team != nil {
		m.TeamName = v.Team.Name
	}
	m.Images, m.Photo, m.NoImage, m.MorePages = d.images(doc)
	m.Fields = fieldRows(doc, p.Clerk)
	for _, f := range m.Fields {
		m.Sources = m.Sources || f.HasConf || f.Source.Page > 0 || f.Source.Sheet != "" || f.Source.Text != ""
	}
	if form != nil {
		m.Form = *form
		for i := range m.Fields {
			if in, ok := form.Set[m.Fields[i].Key]; ok {
				m.Fields[i].Input = in
			}
		}
	} else {
		m.Form = defaultForm(doc)
	}
	for _, h := range v.History {
		m.History = append(m.History, historyOf(h, p.Clerk))
	}
	for _, n := range v.Notices {
		m.Notices = append(m.Notices, noticeRowOf(n, p.Clerk, d.loc()))
	}
	return m
}

// where says where the file rests, relative to the folders the bureau
// knows (the archive, the inbox's 退回), never the server's path.
func where(doc dossier.Document) string {
	p := filepath.ToSlash(doc.StoredPath)
	switch {
	case p == "":
		return "处理中"
	case strings.Contains(p, "/退回/"):
		return "退回/" + p[strings.LastIndex(p, "/退回/")+len("/退回/"):]
	case strings.Contains(p, "/archive/"):
		return "归档/" + p[strings.LastIndex(p, "/archive/")+len("/archive/"):]
	}
	return "归档"
}

// unreadable are the rules that say the file itself cannot be opened.
var unreadable = map[string]bool{"F001": true, "F002": true, "F003": true, "F004": true, "F005": true}

func (d *Desk) images(doc dossier.Document) (imgs []pageImg, photo, none string, more int) {
	base := "/doc/" + strconv.FormatInt(doc.ID, 10)
	for _, f := range doc.Findings {
		if unreadable[f.Rule] && f.Severity == dossier.SeverityError {
			return nil, "", "文件无法打开，没有页面图像（见下方审核发现）。", 0
		}
	}
	switch doc.Format {
	case dossier.FormatJPEG, dossier.FormatPNG:
		return nil, base + "/photo", "", 0
	case dossier.FormatPDF:
		if d.cfg.Render == nil {
			return nil, "", "本服务未启用页面图像。", 0
		}
		n := doc.Pages
		if n == 0 {
			n = 1
		}
		shown := min(n, maxPageImages)
		for i := 1; i <= shown; i++ {
			imgs = append(imgs, pageImg{Src: base + "/page/" + strconv.Itoa(i), Alt: "第 " + strconv.Itoa(i) + " 页", N: i})
		}
		return imgs, "", "", n - shown
	case dossier.FormatXLSX:
		return nil, "", "电子表格没有页面图像；下表各字段注明了读取的工作表和单元格文字。", 0
	}
	return nil, "", "该文件格式没有页面图像。", 0
}

// fieldRows lists the kind's catalogue fields (identity first), then any
// other key the document holds.
func fieldRows(doc dossier.Document, clerk bool) []fieldRow {
	var rows []fieldRow
	seen := map[string]bool{}
	for _, f := range dossier.FieldsOf(doc.Kind) {
		rows = append(rows, fieldRowOf(doc, f, clerk))
		seen[f.Key] = true
	}
	for _, key := range catalogueOrder(slices.Collect(maps.Keys(doc.Fields))) {
		if !seen[key] {
			f, ok := dossier.FieldByKey(key)
			if !ok {
				f = dossier.Field{Key: key, Label: key}
			}
			rows = append(rows, fieldRowOf(doc, f, clerk))
		}
	}
	return rows
}

func fieldRowOf(doc dossier.Document, f dossier.Field, clerk bool) fieldRow {
	v, found := doc.Fields[f.Key]
	text, editable := fieldText(v)
	row := fieldRow{Key: f.Key, Label: f.Label, Type: f.Type, Found: found, Blank: found && v == nil,
		Value: text, Input: text, Editable: editable && f.Type != dossier.TypePublicity,
		Source: doc.Sources[f.Key], Invalid: doc.Invalid[f.Key]}
	row.Confidence, row.HasConf = doc.Confidence[f.Key]
	row.Low = row.HasConf && row.Confidence < lowConfidence
	if editable {
		row.Value = displayText(f.Key, v)
	}
	if f.Type == dossier.TypeEnum {
		row.Options = enumOptions(f.Key)
	}
	if f.Type == dossier.TypeBool {
		row.Options = []option{{"是", "是"}, {"否", "否"}}
	}
	if f.Key == "contact_email" && !clerk {
		row.Hidden, row.Value, row.Input, row.Editable = true, "", "", false
		row.Source.Text = ""
	}
	return row
}

func enumOptions(key string) []option {
	labels := map[string]map[string]string{"service_mode": dossier.ServiceModeLabels, "opinion": dossier.OpinionLabels}[key]
	order := map[string][]string{"service_mode": {"once", "batches"}, "opinion": {"unqualified", "qualified", "adverse", "disclaimer"}}[key]
	var out []option
	for _, k := range order {
		out = append(out, option{k, labels[k]})
	}
	return out
}

func enumLabel(key, v string) string {
	for _, o := range enumOptions(key) {
		if o.Value == v {
			return o.Label
		}
	}
	return v
}

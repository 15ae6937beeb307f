package notify

import (
	"fmt"
	"strings"
	"text/template"

	"dossier"
)

// Template is the subject and body of one type of notice, in Go's
// text/template syntax over Data.
type Template struct {
	Subject string `yaml:"subject"`
	Body    string `yaml:"body"`
}

// Templates holds a template per notice type. The bureau overrides any of
// them in the configuration (notify.templates.<type>.subject / body);
// a type left empty falls back to the default.
type Templates map[dossier.NoticeType]Template

// DefaultTemplates are the Chinese notices of the 2026 programme.
func DefaultTemplates() Templates {
	return Templates{
		dossier.NoticeRejection:  {Subject: subjectRejection, Body: bodyRejection},
		dossier.NoticeAcceptance: {Subject: subjectAcceptance, Body: bodyAcceptance},
		dossier.NoticeReview:     {Subject: subjectReview, Body: bodyReview},
		dossier.NoticeSupersede:  {Subject: subjectSupersede, Body: bodySupersede},
		dossier.NoticeReminder:   {Subject: subjectReminder, Body: bodyReminder},
	}
}

// template returns the parsed subject and body for a type, the defaults
// filling whatever t leaves empty.
func (t Templates) parse(typ dossier.NoticeType) (*template.Template, *template.Template, error) {
	def := DefaultTemplates()[typ]
	cur := t[typ]
	if cur.Subject == "" {
		cur.Subject = def.Subject
	}
	if cur.Body == "" {
		cur.Body = def.Body
	}
	if cur.Subject == "" || cur.Body == "" {
		return nil, nil, fmt.Errorf("notify: no template for notice type %q: %w", typ, ErrTemplate)
	}
	subj, err := template.New(string(typ) + ".subject").Funcs(funcs).Option("missingkey=error").Parse(cur.Subject)
	if err != nil {
		return nil, nil, fmt.Errorf("parse subject template of %s: %w", typ, err)
	}
	body, err := template.New(string(typ) + ".body").Funcs(funcs).Option("missingkey=error").Parse(cur.Body)
	if err != nil {
		return nil, nil, fmt.Errorf("parse body template of %s: %w", typ, err)
	}
	return subj, body, nil
}

// Validate parses every template, for config validation at start-up.
func (t Templates) Validate() error {
	for _, typ := range []dossier.NoticeType{dossier.NoticeRejection, dossier.NoticeAcceptance, dossier.NoticeReview, dossier.NoticeSupersede, dossier.NoticeReminder} {
		if _, _, err := t.parse(typ); err != nil {
			return err
		}
	}
	return nil
}

var funcs = template.FuncMap{
	"join": strings.Join,
}

const subjectRejection = `【材料退回】{{.Who}}：{{.Document.KindLabel}}未通过审核，请{{if .Overdue}}尽快{{else}}于{{.Deadline}}前{{end}}修改重报`

const bodyRejection = `{{.Addressee}}：

你单位报送的{{.Document.Named}}（{{.Document.Received}}收到）经审核未予受理，已退回。存在以下问题：
{{range .Findings}}
{{.N}}. 【{{.SeverityLabel}}】{{if .FieldLabel}}“{{.FieldLabel}}”：{{end}}{{.Message}}（{{.Rule}}）{{end}}

请按上述问题逐项修改后，{{if .Overdue}}尽快重新报送{{.Document.Resubmit}}（报送截止日期{{.Deadline}}已过）{{else}}于{{.Deadline}}前重新报送{{.Document.Resubmit}}{{end}}。标为“错误”的问题须改正后材料方可受理；标为“提示”的问题请核对说明。原文件已移入退回文件夹并保留，无需删除。

{{.Footer}}

依据：{{.Notice}}
{{.Bureau}}
{{.Now}}
`

const subjectAcceptance = `【材料已受理】{{.Who}}：{{.Document.KindLabel}}{{if .Photos}}{{len .Photos}}个文件{{end}}{{if .Findings}}（有{{len .Findings}}项提示）{{end}}`

const bodyAcceptance = `{{.Addressee}}：

你单位报送的{{if .Photos}}{{.Document.KindLabel}}共{{len .Photos}}个文件（{{join .Photos "、"}}）{{else}}{{.Document.Named}}（{{.Document.Received}}收到）{{end}}已受理。
{{- if .Findings}}
请注意以下提示，如有误请核对后说明或重新报送：
{{range .Findings}}
{{.N}}. 【{{.SeverityLabel}}】{{if .FieldLabel}}“{{.FieldLabel}}”：{{end}}{{.Message}}（{{.Rule}}）{{end}}
{{- end}}
{{if .Materials}}{{if .Missing}}
截至{{.Now}}，你单位尚缺：{{join .Missing "、"}}，请{{if .Overdue}}尽快报送（截止日期{{.Deadline}}已过）{{else}}于{{.Deadline}}前报送{{end}}。
{{- else}}
你单位的材料已全部受理。
{{- end}}{{end}}

{{.Footer}}

依据：{{.Notice}}
{{.Bureau}}
{{.Now}}
`

const subjectReview = `【材料待审核】{{.Who}}：{{.Document.KindLabel}}待人工审核`

const bodyReview = `{{.Addressee}}：

你单位报送的{{.Document.Named}}（{{.Document.Received}}收到）已登记为已提交，因下列情况需由工作人员人工审核，审核结果另行通知。
{{range .Findings}}
{{.N}}. 【{{.SeverityLabel}}】{{if .FieldLabel}}“{{.FieldLabel}}”：{{end}}{{.Message}}（{{.Rule}}）{{end}}
{{range .Findings}}{{if eq .Rule "F009" "F012"}}
如方便，请另行报送可复制文字的 PDF、Word 或 Excel 版本，以加快审核。{{end}}{{end}}
材料报送截止日期为{{.Deadline}}。

{{.Footer}}

依据：{{.Notice}}
{{.Bureau}}
{{.Now}}
`

const subjectSupersede = `【材料已更新】{{.Who}}：{{.Document.KindLabel}}已由新报送的文件替换`

const bodySupersede = `{{.Addressee}}：

你单位重新报送的{{.Document.Named}}（{{.Document.Received}}收到）已受理，{{if .Earlier}}此前受理的“{{.Earlier}}”{{else}}此前受理的同类材料{{end}}已被替换，原文件已存档并标记为已替换，以新文件为准。
{{range .Findings}}
{{.N}}. 【{{.SeverityLabel}}】{{if .FieldLabel}}“{{.FieldLabel}}”：{{end}}{{.Message}}（{{.Rule}}）{{end}}

{{.Footer}}

依据：{{.Notice}}
{{.Bureau}}
{{.Now}}
`

const subjectReminder = `【报送提醒】{{.Who}}：材料报送截止日期为{{.Deadline}}，尚缺{{len .Missing}}项材料`

const bodyReminder = `{{.Addressee}}：

按照{{.Notice}}要求，请于{{.Deadline}}前将本年度材料报送{{.Bureau}}。截至{{.Now}}，你单位材料情况如下：
{{range .Materials}}
- {{.Label}}：{{.State}}{{end}}

尚缺：{{join .Missing "、"}}。请尽快报送；已退回的材料请按退回说明修改后重新报送。
{{range .Findings}}
{{.N}}. 【{{.SeverityLabel}}】{{.Message}}（{{.Rule}}）{{end}}

{{.Footer}}

{{.Bureau}}
{{.Now}}
`

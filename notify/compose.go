package notify

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode"

	"dossier"
)

// Sentinel errors.
var (
	ErrTemplate = errors.New("notify: template missing")
	ErrNoInput  = errors.New("notify: notice needs a document or a team view")
)

// Data is what a template sees.
type Data struct {
	Type     dossier.NoticeType
	Notice   string // 沪人社专〔2026〕109号
	Bureau   string
	Deadline string // 2026年11月20日
	Overdue  bool   // now is past the submission deadline
	Now      string // 2026年11月21日
	TeamID   string
	TeamName string
	TeamUnit string
	Level    string // 国家级 / 市级
	// Addressee opens the notice: the team's unit (with the team's name),
	// or, when no team is known, the file's sender named by the file.
	Addressee string
	// Who names the sender in a subject: the team, or the file.
	Who       string
	Document  DocData
	Photos    []string // photo files answered in this one notice (two or more), “name”
	Earlier   string   // supersede: the file replaced
	Findings  []Item   // the document's findings (or the team's, for a reminder), errors first, one per defect
	Missing   []string // materials the team still owes, 《…》, as the ledger stands when the notice is sent
	Materials []Material
	Folder    string // the team's inbox folder, where a corrected file goes
	Footer    string // where to put a corrected file and whom to call at the bureau
}

// DocData describes the document a notice is about.
type DocData struct {
	Name string
	Path string
	// KindLabel is 《实施成效调查表》, or the file's name in quotes when
	// the kind is unknown: a file is never called 《无法识别的材料》.
	KindLabel string
	// Named is the material with its file: 《实施成效调查表》“调查表.pdf”,
	// or 文件“说明.pdf” when the kind is unknown.
	Named string
	// Resubmit is what to send again: 《实施成效调查表》, or 该文件.
	Resubmit string
	Received string // 2026年11月12日 10:38
	Verdict  string
}

// Item is one finding, numbered, with its field's label.
type Item struct {
	N             int
	Rule          string
	Severity      dossier.Severity
	SeverityLabel string // 错误 / 提示 / 信息
	Field         string
	FieldLabel    string
	Message       string
}

// Material is one line of a team's materials.
type Material struct {
	Label string
	State string
}

// Contact is whom a unit calls at the bureau (config notify.contact).
type Contact struct {
	Office, Person, Phone, Email string
}

// Request is everything one notice is composed from.
type Request struct {
	Templates Templates
	Type      dossier.NoticeType
	Doc       *dossier.Document  // nil for a reminder
	View      *dossier.TeamView  // the team as it stands when the notice is sent; nil when no team is known
	Photos    []dossier.Document // photo files of one team answered together (Doc among them); nil otherwise
	Programme dossier.Programme
	Now       time.Time
	Contact   Contact
}

// Compose builds one notice for a decision with the default contact.
// See Request.Compose.
func Compose(t Templates, typ dossier.NoticeType, d *dossier.Document, view *dossier.TeamView, p dossier.Programme, now time.Time) (subject, body string, err error) {
	return Request{Templates: t, Type: typ, Doc: d, View: view, Programme: p, Now: now}.Compose()
}

// Compose builds the notice: all of the document's findings in one text,
// one per defect — the file, each field, the value found and what is
// expected, what to do and the deadline — then where to put a corrected
// file and whom to call. A reminder is about the team (Doc may be nil);
// the other types need Doc.
func (r Request) Compose() (subject, body string, err error) {
	if r.Doc == nil && r.View == nil || r.Doc == nil && r.Type != dossier.NoticeReminder {
		return "", "", fmt.Errorf("compose %s notice: %w", r.Type, ErrNoInput)
	}
	subjT, bodyT, err := r.Templates.parse(r.Type)
	if err != nil {
		return "", "", err
	}
	data := r.data()
	var sb, bb strings.Builder
	if err := subjT.Execute(&sb, data); err != nil {
		return "", "", fmt.Errorf("compose %s subject: %w", r.Type, err)
	}
	if err := bodyT.Execute(&bb, data); err != nil {
		return "", "", fmt.Errorf("compose %s body: %w", r.Type, err)
	}
	text := bb.String()
	if !strings.Contains(text, data.Footer) { // a bureau's own template without {{.Footer}}
		text = strings.TrimRight(text, "\n") + "\n\n" + data.Footer + "\n"
	}
	return oneLine(quotes(sb.String())), tidy(quotes(text)), nil
}

func (r Request) data() Data {
	p, d, view, typ := r.Programme, r.Doc, r.View, r.Type
	loc := p.Location()
	now := r.Now
	data := Data{
		Type: typ, Notice: p.Notice, Bureau: p.Bureau,
		Deadline: p.SubmitDeadline.Chinese(), Now: now.In(loc).Format("2006年1月2日"),
		Overdue: !p.SubmitDeadline.IsZero() && !now.Before(p.SubmitDeadline.End(loc)),
	}
	if view != nil {
		data.TeamID, data.TeamName, data.TeamUnit = view.Team.ID, view.Team.Name, view.Team.Unit
		data.Level = view.Team.Level.Label()
		data.Materials, data.Missing = materials(*view)
	}
	var findings []dossier.Finding
	if d != nil {
		data.Document = docData(*d, loc)
		findings = d.Findings
		if view != nil {
			data.Earlier = earlier(*view, *d)
		}
	} else if view != nil {
		findings = view.Findings
	}
	if len(r.Photos) > 1 {
		for _, ph := range r.Photos {
			data.Photos = append(data.Photos, "“"+clean(ph.Name)+"”")
			if ph.ID != d.ID {
				findings = append(findings, ph.Findings...)
			}
		}
	}
	data.TeamName, data.TeamUnit = clean(data.TeamName), clean(data.TeamUnit)
	data.Addressee, data.Who = addressee(data)
	data.Folder = folderOf(view, d)
	data.Findings = items(findings)
	data.Footer = footer(data, r.Contact, p)
	return data
}

func docData(d dossier.Document, loc *time.Location) DocData {
	dd := DocData{Name: clean(d.Name), Path: clean(d.Path), Received: d.Received.In(loc).Format("2006年1月2日 15:04"), Verdict: d.Verdict.Label()}
	if d.Kind == dossier.KindUnknown || d.Kind == "" {
		dd.KindLabel = "“" + dd.Name + "”"
		dd.Named = "文件“" + dd.Name + "”"
		dd.Resubmit = "该文件"
		return dd
	}
	dd.KindLabel = "《" + d.Kind.Label() + "》"
	dd.Named = dd.KindLabel + "“" + dd.Name + "”"
	dd.Resubmit = dd.KindLabel
	return dd
}

// materials lists the team's materials and those it still owes.
func materials(v dossier.TeamView) (all []Material, missing []string) {
	for _, k := range dossier.Kinds {
		st := v.Materials[k]
		if st == "" {
			st = dossier.MaterialMissing
		}
		all = append(all, Material{Label: "《" + k.Label() + "》", State: st.Label()})
		if st == dossier.MaterialMissing || st == dossier.MaterialRejected {
			missing = append(missing, "《"+k.Label()+"》")
		}
	}
	return all, missing
}

// addressee is the unit of the team (its name in brackets), or the
// file's sender when no team is known.
func addressee(data Data) (to, who string) {
	switch {
	case data.TeamUnit != "" && data.TeamName != "":
		return data.TeamUnit + "（" + data.TeamName + "）", data.TeamName
	case data.TeamUnit != "":
		return data.TeamUnit, data.TeamUnit
	case data.TeamName != "":
		return data.TeamName, data.TeamName
	case data.Document.Name != "":
		return "文件“" + data.Document.Name + "”的报送单位", "服务团未识别"
	}
	return "报送单位", "报送单位"
}

// folderOf is the inbox folder a team's corrected file goes in: the
// folder the file came in when it names the team, else the team's id.
func folderOf(view *dossier.TeamView, d *dossier.Document) string {
	if view == nil {
		return ""
	}
	if d != nil && d.Folder != "" && strings.EqualFold(d.TeamID, view.Team.ID) {
		return clean(d.Folder)
	}
	return view.Team.ID
}

// footer says where to put a corrected file (by folder name, never a
// server path) and whom to call at the bureau.
func footer(data Data, c Contact, p dossier.Programme) string {
	var b strings.Builder
	if data.Folder != "" {
		fmt.Fprintf(&b, "补充或修改后的材料请放入共享收件夹中本服务团的“%s”文件夹，系统将自动审核并回复。", data.Folder)
	} else {
		b.WriteString("补充或修改后的材料请放入共享收件夹中以本服务团编号命名的文件夹（如“M1”），或在文件名中写明服务团名称，系统将自动审核并回复。")
	}
	office := c.Office
	if office == "" {
		office = p.Bureau
	}
	b.WriteString("\n联系方式：" + office)
	for _, kv := range [][2]string{{"联系人", c.Person}, {"电话", c.Phone}, {"电子邮箱", c.Email}} {
		if kv[1] != "" {
			b.WriteString("，" + kv[0] + "：" + clean(kv[1]))
		}
	}
	b.WriteString("。")
	return b.String()
}

// items orders findings errors first (stable within a severity), keeps
// one per defect — one per field, and one per rule for findings without
// a field — and numbers them.
func items(fs []dossier.Finding) []Item {
	rank := map[dossier.Severity]int{dossier.SeverityError: 0, dossier.SeverityWarning: 1, dossier.SeverityInfo: 2}
	sorted := append([]dossier.Finding(nil), fs...)
	sort.SliceStable(sorted, func(i, j int) bool { return rank[sorted[i].Severity] < rank[sorted[j].Severity] })
	var out []Item
	seen := map[string]bool{}
	for _, f := range sorted {
		key := "field:" + f.Field
		if f.Field == "" {
			key = "rule:" + f.Rule + ":" + f.Message
		}
		if seen[key] {
			continue
		}
		seen[key] = true
		it := Item{N: len(out) + 1, Rule: f.Rule, Severity: f.Severity, SeverityLabel: f.Severity.Label(),
			Field: f.Field, Message: quotes(clean(f.Message))}
		if f.Field != "" {
			it.FieldLabel = dossier.LabelOf(f.Field)
			// The message already quotes the label; don't say it twice.
			if strings.Contains(it.Message, "“"+it.FieldLabel+"”") {
				it.FieldLabel = ""
			}
		}
		out = append(out, it)
	}
	return out
}

// quotes puts every quotation in one style, “ ” (and ‘ ’ inside).
var quoteStyle = strings.NewReplacer("「", "“", "」", "”", "『", "‘", "』", "’")

func quotes(s string) string { return quoteStyle.Replace(s) }

// earlier names the file a re-submission replaced: the newest superseded
// document of the same kind.
func earlier(v dossier.TeamView, d dossier.Document) string {
	for i := len(v.Documents) - 1; i >= 0; i-- {
		e := v.Documents[i]
		if e.Kind == d.Kind && e.Superseded && (e.ID != d.ID || e.SHA256 != d.SHA256) {
			return clean(e.Name)
		}
	}
	return ""
}

// clean makes a name safe to show on one line: control characters
// (CR, LF, tabs…) become spaces.
func clean(s string) string {
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return ' '
		}
		return r
	}, s))
}

// oneLine is a subject: one line, no control characters.
func oneLine(s string) string { return strings.Join(strings.Fields(clean(s)), " ") }

// tidy trims trailing spaces and collapses runs of blank lines.
func tidy(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	out := make([]string, 0, len(lines))
	blank := 0
	for _, l := range lines {
		l = strings.TrimRight(l, " \t")
		if l == "" {
			blank++
			if blank > 1 {
				continue
			}
		} else {
			blank = 0
		}
		out = append(out, l)
	}
	return strings.TrimSpace(strings.Join(out, "\n")) + "\n"
}

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
	Type      dossier.NoticeType
	Notice    string // 沪人社专〔2026〕109号
	Bureau    string
	Deadline  string // 2026年11月20日
	Overdue   bool   // now is past the submission deadline
	Now       string // 2026年11月21日
	TeamID    string
	TeamName  string
	TeamUnit  string
	Level     string // 国家级 / 市级
	Document  DocData
	Earlier   string   // supersede: the file replaced
	Findings  []Item   // all of the document's findings (or the team's, for a reminder), errors first
	Missing   []string // materials the team still owes, 《…》
	Materials []Material
}

// DocData describes the document a notice is about.
type DocData struct {
	Name      string
	Path      string
	KindLabel string // 《实施成效调查表》
	Received  string // 2026年11月12日 10:38
	Verdict   string
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

// Compose builds one notice for a decision: all of the document's findings
// in one text — the file, each field, the value found and what is
// expected, what to do and the deadline. A reminder is about the team (d
// may be nil); the other types need d. view, when given, adds what the team
// still owes.
func Compose(t Templates, typ dossier.NoticeType, d *dossier.Document, view *dossier.TeamView, p dossier.Programme, now time.Time) (subject, body string, err error) {
	if d == nil && view == nil || d == nil && typ != dossier.NoticeReminder {
		return "", "", fmt.Errorf("compose %s notice: %w", typ, ErrNoInput)
	}
	subjT, bodyT, err := t.parse(typ)
	if err != nil {
		return "", "", err
	}
	data := buildData(typ, d, view, p, now)
	var sb, bb strings.Builder
	if err := subjT.Execute(&sb, data); err != nil {
		return "", "", fmt.Errorf("compose %s subject: %w", typ, err)
	}
	if err := bodyT.Execute(&bb, data); err != nil {
		return "", "", fmt.Errorf("compose %s body: %w", typ, err)
	}
	return oneLine(sb.String()), tidy(bb.String()), nil
}

func buildData(typ dossier.NoticeType, d *dossier.Document, view *dossier.TeamView, p dossier.Programme, now time.Time) Data {
	loc := p.Location()
	data := Data{
		Type: typ, Notice: p.Notice, Bureau: p.Bureau,
		Deadline: p.SubmitDeadline.Chinese(), Now: now.In(loc).Format("2006年1月2日"),
		Overdue: !p.SubmitDeadline.IsZero() && !now.Before(p.SubmitDeadline.End(loc)),
	}
	if view != nil {
		data.TeamID, data.TeamName, data.TeamUnit = view.Team.ID, view.Team.Name, view.Team.Unit
		data.Level = view.Team.Level.Label()
		for _, k := range dossier.Kinds {
			st := view.Materials[k]
			if st == "" {
				st = dossier.MaterialMissing
			}
			data.Materials = append(data.Materials, Material{Label: "《" + k.Label() + "》", State: st.Label()})
			if st == dossier.MaterialMissing || st == dossier.MaterialRejected {
				data.Missing = append(data.Missing, "《"+k.Label()+"》")
			}
		}
	}
	var findings []dossier.Finding
	if d != nil {
		data.Document = DocData{
			Name: clean(d.Name), Path: clean(d.Path), KindLabel: "《" + d.Kind.Label() + "》",
			Received: d.Received.In(loc).Format("2006年1月2日 15:04"), Verdict: d.Verdict.Label(),
		}
		if data.TeamName == "" {
			data.TeamName = d.TeamID
		}
		findings = d.Findings
		if view != nil {
			data.Earlier = earlier(*view, *d)
		}
	} else if view != nil {
		findings = view.Findings
	}
	data.TeamName, data.TeamUnit = clean(data.TeamName), clean(data.TeamUnit)
	if data.TeamName == "" {
		data.TeamName = "各有关单位"
	}
	data.Findings = items(findings)
	return data
}

// items orders findings errors first (stable within a severity) and numbers them.
func items(fs []dossier.Finding) []Item {
	rank := map[dossier.Severity]int{dossier.SeverityError: 0, dossier.SeverityWarning: 1, dossier.SeverityInfo: 2}
	sorted := append([]dossier.Finding(nil), fs...)
	sort.SliceStable(sorted, func(i, j int) bool { return rank[sorted[i].Severity] < rank[sorted[j].Severity] })
	out := make([]Item, len(sorted))
	for i, f := range sorted {
		out[i] = Item{N: i + 1, Rule: f.Rule, Severity: f.Severity, SeverityLabel: f.Severity.Label(),
			Field: f.Field, Message: clean(f.Message)}
		if f.Field != "" {
			out[i].FieldLabel = dossier.LabelOf(f.Field)
			// The message already quotes the label; don't say it twice.
			if strings.Contains(f.Message, "「"+out[i].FieldLabel+"」") {
				out[i].FieldLabel = ""
			}
		}
	}
	return out
}

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

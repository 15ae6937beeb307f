package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"dossier"
	"dossier/service"
)

// listLine is one line of `review list --json` (cli.md).
type listLine struct {
	ID       string          `json:"id"`
	File     string          `json:"file"`
	SHA256   string          `json:"sha256"`
	Team     *teamRef        `json:"team"`
	Kind     dossier.Kind    `json:"kind"`
	Verdict  dossier.Verdict `json:"verdict"`
	Why      []string        `json:"why"`
	Received string          `json:"received"`
	Decided  *decidedBy      `json:"decided_by"`
}

// showLine is `review show --json` / `review decide --json`: the document
// as check prints it, plus its id, confidences, the clerk's decision and
// the history (cli.md).
type showLine struct {
	ID string `json:"id"`
	checkLine
	Confidence map[string]float64 `json:"confidence,omitempty"`
	DecidedBy  *decidedBy         `json:"decided_by"`
	History    []historyLine      `json:"history"`
	Why        []string           `json:"why,omitempty"`
	Superseded bool               `json:"superseded,omitempty"`
}

type decidedBy struct {
	User string `json:"user"`
	At   string `json:"at"`
	Note string `json:"note"`
}

// historyLine is one decision, as recorded.
type historyLine struct {
	User          string            `json:"user"`
	At            string            `json:"at"`
	Note          string            `json:"note"`
	VerdictBefore dossier.Verdict   `json:"verdict_before"`
	VerdictAfter  dossier.Verdict   `json:"verdict_after"`
	TeamBefore    string            `json:"team_before,omitempty"`
	TeamAfter     string            `json:"team_after,omitempty"`
	KindBefore    dossier.Kind      `json:"kind_before,omitempty"`
	KindAfter     dossier.Kind      `json:"kind_after,omitempty"`
	FieldsBefore  dossier.Fields    `json:"fields_before,omitempty"`
	FieldsAfter   dossier.Fields    `json:"fields_after,omitempty"`
	Reasons       []dossier.Finding `json:"reasons,omitempty"`
}

func toDecidedBy(d *dossier.Decision, loc *time.Location) *decidedBy {
	if d == nil {
		return nil
	}
	return &decidedBy{User: d.User, At: d.At.In(loc).Format(time.RFC3339), Note: d.Note}
}

func toListLine(it service.QueueItem, reg dossier.Registry, loc *time.Location) listLine {
	d := it.Doc
	l := listLine{ID: docID(d.ID), File: d.Path, SHA256: d.SHA256, Kind: d.Kind, Verdict: d.Verdict,
		Why: it.Why, Decided: toDecidedBy(d.DecidedBy, loc)}
	if l.Why == nil {
		l.Why = []string{}
	}
	if !d.Received.IsZero() {
		l.Received = d.Received.In(loc).Format(time.RFC3339)
	}
	if t, ok := reg.ByID(d.TeamID); ok {
		l.Team = &teamRef{ID: t.ID, Name: t.Name, Level: t.Level}
	}
	return l
}

func toShowLine(d dossier.Document, history []dossier.Decision, why []string, reg dossier.Registry, loc *time.Location) showLine {
	l := showLine{ID: docID(d.ID), checkLine: toLine(d, d.Path, reg), Confidence: d.Confidence,
		DecidedBy: toDecidedBy(d.DecidedBy, loc), History: []historyLine{}, Why: why, Superseded: d.Superseded}
	if !d.Received.IsZero() {
		l.Received = d.Received.In(loc).Format(time.RFC3339)
	}
	for _, h := range history {
		l.History = append(l.History, historyLine{User: h.User, At: h.At.In(loc).Format(time.RFC3339), Note: h.Note,
			VerdictBefore: h.VerdictBefore, VerdictAfter: h.VerdictAfter, TeamBefore: h.TeamBefore, TeamAfter: h.TeamAfter,
			KindBefore: h.KindBefore, KindAfter: h.KindAfter, FieldsBefore: h.FieldsBefore, FieldsAfter: h.FieldsAfter,
			Reasons: h.Reasons})
	}
	if l.DecidedBy == nil && len(history) > 0 {
		l.DecidedBy = toDecidedBy(&history[len(history)-1], loc)
	}
	return l
}

func writeListHuman(w io.Writer, it service.QueueItem, reg dossier.Registry, loc *time.Location) error {
	d := it.Doc
	team := "未识别"
	if t, ok := reg.ByID(d.TeamID); ok {
		team = t.ID
	}
	why := strings.Join(it.Why, ",")
	if d.DecidedBy != nil {
		why += " 人工核定:" + d.DecidedBy.User
	}
	_, err := fmt.Fprintf(w, "%-6s %-8s %-5s %s  %s  %s  [%s]\n", docID(d.ID), d.Verdict.Label(), team, d.Kind.Label(),
		d.Path, d.Received.In(loc).Format("2006-01-02 15:04"), why)
	return err
}

func writeShowHuman(w io.Writer, v service.DocumentView, reg dossier.Registry, loc *time.Location) error {
	d := v.Doc
	ew := &errWriter{w: w}
	team := "未识别服务团"
	if t, ok := reg.ByID(d.TeamID); ok {
		team = t.ID + " " + t.Name
	}
	ew.printf("%s  %s  %s\n    %s · %s · %s 收到\n", docID(d.ID), d.Verdict.Label(), d.Path, team, d.Kind.Label(),
		d.Received.In(loc).Format("2006-01-02 15:04"))
	if d.DecidedBy != nil {
		ew.printf("    人工核定：%s（%s）%s\n", d.DecidedBy.User, d.DecidedBy.At.In(loc).Format("2006-01-02 15:04"), d.DecidedBy.Note)
	}
	if v.Superseded || d.Superseded {
		ew.printf("    已被后来报送的同类材料替换\n")
	}
	if len(v.Why) > 0 {
		ew.printf("    待审核原因：%s\n", strings.Join(v.Why, ","))
	}
	for _, f := range dossier.FieldsOf(d.Kind) {
		val, ok := d.Fields[f.Key]
		if !ok {
			continue
		}
		conf := ""
		if c, ok := d.Confidence[f.Key]; ok {
			conf = fmt.Sprintf("（可信度 %.0f%%）", c*100)
		}
		ew.printf("    %s（%s）：%s%s\n", f.Label, f.Key, fieldText(val), conf)
	}
	for _, f := range d.Findings {
		ew.printf("    [%s %s] %s\n", f.Rule, f.Severity.Label(), f.Message)
	}
	for _, h := range v.History {
		ew.printf("    %s %s：%s → %s %s\n", h.At.In(loc).Format("2006-01-02 15:04"), h.User,
			h.VerdictBefore.Label(), h.VerdictAfter.Label(), h.Note)
	}
	return ew.err
}

func fieldText(v any) string {
	switch x := v.(type) {
	case nil:
		return "（空）"
	case float64:
		return fmt.Sprintf("%.2f", x)
	case []string:
		return strings.Join(x, "、")
	}
	return fmt.Sprint(v)
}

type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, a ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, a...)
	}
}

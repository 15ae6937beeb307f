package status

import (
	"fmt"
	"io"
	"strings"
	"time"

	"dossier"
)

// Line is one line of `status --json` (cli.md); keys are only ever added.
type Line struct {
	Team      string                                 `json:"team"`
	Name      string                                 `json:"name"`
	Level     dossier.Level                          `json:"level"`
	Unit      string                                 `json:"unit"`
	Materials map[dossier.Kind]dossier.MaterialState `json:"materials"`
	Complete  bool                                   `json:"complete"`
	Late      bool                                   `json:"late"`
	Findings  []dossier.Finding                      `json:"findings"`
	Documents []Doc                                  `json:"documents"`
}

// Doc is one of the team's documents in a status line.
type Doc struct {
	File       string          `json:"file"`
	Kind       dossier.Kind    `json:"kind"`
	Verdict    dossier.Verdict `json:"verdict"`
	Received   string          `json:"received"`
	SHA256     string          `json:"sha256"`
	Superseded bool            `json:"superseded,omitempty"`
	Rules      []string        `json:"rules"`
	// DecidedBy is the clerk's latest decision (人工核定); Fields are then
	// the values as the clerk corrected them.
	DecidedBy *Decided       `json:"decided_by,omitempty"`
	Fields    dossier.Fields `json:"fields,omitempty"`
}

// Decided names the clerk who decided a document, when and why.
type Decided struct {
	User string `json:"user"`
	At   string `json:"at"`
	Note string `json:"note"`
}

// FromView turns a team view into its status line.
func FromView(v dossier.TeamView) Line {
	l := Line{Team: v.Team.ID, Name: v.Team.Name, Level: v.Team.Level, Unit: v.Team.Unit,
		Materials: map[dossier.Kind]dossier.MaterialState{}, Complete: v.Complete, Late: v.Late,
		Findings: v.Findings, Documents: []Doc{}}
	for _, k := range dossier.Kinds {
		st := v.Materials[k]
		if st == "" {
			st = dossier.MaterialMissing
		}
		l.Materials[k] = st
	}
	if l.Findings == nil {
		l.Findings = []dossier.Finding{}
	}
	for _, d := range v.Documents {
		sd := Doc{File: d.Path, Kind: d.Kind, Verdict: d.Verdict, SHA256: d.SHA256, Superseded: d.Superseded, Rules: ruleIDs(d.Findings)}
		if !d.Received.IsZero() {
			sd.Received = d.Received.Format(time.RFC3339)
		}
		if dec := d.DecidedBy; dec != nil {
			sd.DecidedBy = &Decided{User: dec.User, At: dec.At.Format(time.RFC3339), Note: dec.Note}
			sd.Fields = d.Fields
		}
		l.Documents = append(l.Documents, sd)
	}
	return l
}

// WriteText prints a team on one line the way the bureau's summary table
// reads: id, complete or not, late, each material's state, name, rules.
func WriteText(w io.Writer, v dossier.TeamView) error {
	l := FromView(v)
	var parts []string
	for _, k := range dossier.Kinds {
		parts = append(parts, ShortKind(k)+":"+l.Materials[k].Label())
	}
	_, err := fmt.Fprintf(w, "%-4s %s  %s  %s  [%s]\n", l.Team, State(l), strings.Join(parts, " "), l.Name, strings.Join(ruleIDs(l.Findings), ","))
	return err
}

// State is 已齐全 / 未齐全, with 逾期 when late.
func State(l Line) string {
	s := "未齐全"
	if l.Complete {
		s = "已齐全"
	}
	if l.Late {
		s += "（逾期）"
	}
	return s
}

// ShortKind is a kind's short name for tables.
func ShortKind(k dossier.Kind) string {
	switch k {
	case dossier.KindSurvey:
		return "调查表"
	case dossier.KindAudit:
		return "审计报告"
	case dossier.KindSummary:
		return "工作总结"
	case dossier.KindPhotos:
		return "影像资料"
	}
	return string(k)
}

func ruleIDs(fs []dossier.Finding) []string {
	out := []string{}
	for _, f := range fs {
		out = append(out, f.Rule)
	}
	return out
}

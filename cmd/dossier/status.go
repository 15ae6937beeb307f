package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"dossier"
)

// statusLine is one line of `status --json` (cli.md); keys are only added.
type statusLine struct {
	Team      string                                 `json:"team"`
	Name      string                                 `json:"name"`
	Level     dossier.Level                          `json:"level"`
	Unit      string                                 `json:"unit"`
	Materials map[dossier.Kind]dossier.MaterialState `json:"materials"`
	Complete  bool                                   `json:"complete"`
	Late      bool                                   `json:"late"`
	Findings  []dossier.Finding                      `json:"findings"`
	Documents []statusDoc                            `json:"documents"`
}

type statusDoc struct {
	File       string          `json:"file"`
	Kind       dossier.Kind    `json:"kind"`
	Verdict    dossier.Verdict `json:"verdict"`
	Received   string          `json:"received"`
	SHA256     string          `json:"sha256"`
	Superseded bool            `json:"superseded,omitempty"`
	Rules      []string        `json:"rules"`
}

func runStatus(ctx context.Context, args []string) error {
	c := newFlags("status")
	asJSON := c.fs.Bool("json", false, "print JSON lines (cli.md)")
	if _, err := c.parse(args); err != nil {
		return err
	}
	cfg, err := c.load()
	if err != nil {
		return err
	}
	now, err := c.clock(cfg)
	if err != nil {
		return err
	}
	if _, err := os.Stat(cfg.Data); err != nil {
		return fmt.Errorf("no ledger at %s: run dossier serve or dossier run --once first (or pass --data)", cfg.Data)
	}
	a, err := build(cfg, func() time.Time { return now })
	if err != nil {
		return err
	}
	defer a.Close()
	views, err := a.d.Status(ctx, now)
	if err != nil {
		return err
	}
	for _, v := range views {
		if *asJSON {
			err = writeJSONLine(os.Stdout, toStatus(v))
		} else {
			err = writeStatusHuman(os.Stdout, v)
		}
		if err != nil {
			return fmt.Errorf("write status: %w", err)
		}
	}
	return nil
}

func toStatus(v dossier.TeamView) statusLine {
	l := statusLine{Team: v.Team.ID, Name: v.Team.Name, Level: v.Team.Level, Unit: v.Team.Unit,
		Materials: v.Materials, Complete: v.Complete, Late: v.Late, Findings: v.Findings, Documents: []statusDoc{}}
	if l.Findings == nil {
		l.Findings = []dossier.Finding{}
	}
	for _, d := range v.Documents {
		sd := statusDoc{File: d.Path, Kind: d.Kind, Verdict: d.Verdict, SHA256: d.SHA256, Superseded: d.Superseded, Rules: []string{}}
		if !d.Received.IsZero() {
			sd.Received = d.Received.Format(time.RFC3339)
		}
		for _, f := range d.Findings {
			sd.Rules = append(sd.Rules, f.Rule)
		}
		l.Documents = append(l.Documents, sd)
	}
	return l
}

// writeStatusHuman prints a team on one line, the way the bureau's
// summary table reads: id, name, each material, complete, late.
func writeStatusHuman(w io.Writer, v dossier.TeamView) error {
	var parts []string
	for _, k := range dossier.Kinds {
		parts = append(parts, shortKind(k)+":"+v.Materials[k].Label())
	}
	state := "未齐全"
	if v.Complete {
		state = "已齐全"
	}
	if v.Late {
		state += " 逾期"
	}
	_, err := fmt.Fprintf(w, "%-4s %-6s %s  %s  [%s]\n", v.Team.ID, state, strings.Join(parts, " "), v.Team.Name, rulesList(v.Findings))
	return err
}

func shortKind(k dossier.Kind) string {
	switch k {
	case dossier.KindSurvey:
		return "调查表"
	case dossier.KindAudit:
		return "审计报告"
	case dossier.KindSummary:
		return "总结"
	case dossier.KindPhotos:
		return "影像"
	}
	return string(k)
}

func rulesList(fs []dossier.Finding) string {
	var ids []string
	for _, f := range fs {
		ids = append(ids, f.Rule)
	}
	return strings.Join(ids, ",")
}

package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"dossier"
	"dossier/template"
)

func runTemplate(_ context.Context, args []string) error {
	c := newFlags("template")
	out := c.fs.String("out", "", "where to write the form, e.g. 调查表.xlsx or 调查表.docx")
	format := c.fs.String("format", "", "xlsx (a workbook) or docx (the form as Word, with check boxes); default: the --out extension, else xlsx")
	teamID := c.fs.String("team", "", "pre-fill this team's name and unit (e.g. M11)")
	pos, err := c.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || pos[0] != "survey" {
		return usagef("say which template: dossier template survey --out 调查表.xlsx [--team M11]")
	}
	if *out == "" {
		return usagef("--out is required: dossier template survey --out 调查表.xlsx")
	}
	cfg, err := c.load()
	if err != nil {
		return err
	}
	var team *dossier.Team
	if *teamID != "" {
		t, ok := cfg.Registry.ByID(*teamID)
		if !ok {
			return usagef("--team %s is not in the registry (ids: N1–N3, M1–M15 in 2026)", *teamID)
		}
		team = &t
	}
	kind := strings.ToLower(*format)
	if kind == "" {
		kind = strings.TrimPrefix(strings.ToLower(filepath.Ext(*out)), ".")
	}
	if kind != "docx" {
		kind = "xlsx"
	}
	if *format != "" && strings.ToLower(*format) != kind {
		return usagef("--format is xlsx or docx, not %q", *format)
	}
	if _, err := os.Stat(*out); err == nil {
		return fmt.Errorf("%s exists: dossier never overwrites a file; choose another --out", *out)
	}
	tmp, err := os.CreateTemp(filepath.Dir(*out), ".template-*."+kind)
	if err != nil {
		return fmt.Errorf("create template: %w", err)
	}
	defer os.Remove(tmp.Name())
	write := func() error { return template.Survey(tmp, team) }
	if kind == "docx" {
		write = func() error { return template.SurveyDOCX(tmp, team, nil) }
	}
	if err := write(); err != nil {
		tmp.Close()
		return fmt.Errorf("write template: %w", err)
	}
	if err := tmp.Chmod(0o644); err != nil { // a form to hand out, not a secret (CreateTemp makes 0600)
		tmp.Close()
		return fmt.Errorf("write template: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write template: %w", err)
	}
	if err := os.Link(tmp.Name(), *out); err != nil { // fails rather than overwrite a file made meanwhile
		return fmt.Errorf("write template %s: %w", *out, err)
	}
	fmt.Fprintf(os.Stderr, "已生成调查表模板：%s\n", *out)
	return nil
}

package process

import (
	"time"

	"dossier"
	"dossier/rules"
)

// fileRules are the intake findings about the file itself, which no
// correction of its fields, team or kind changes.
var fileRules = map[string]bool{"F001": true, "F002": true, "F003": true, "F004": true, "F005": true, "F008": true}

// Reapply is a document's findings after a clerk named its team or kind or
// corrected its fields (desk.md): the findings about the file itself
// stay; F006 stays only while no team is named and F007 while no kind is;
// what waited for the clerk (F009 scan, F011 another team named, F012 OCR)
// is settled by the decision; F010 is the ledger's to add again; and the
// document rules run on the corrected fields as for any file. scan keeps a
// scan's content rules off when the clerk entered no fields (only the
// deadline rules apply, as at intake). team is nil when none is known.
func Reapply(d dossier.Document, team *dossier.Team, p dossier.Programme, now time.Time, scan bool) []dossier.Finding {
	var out []dossier.Finding
	unreadable := false
	for _, f := range d.Findings {
		switch {
		case fileRules[f.Rule]:
			out = append(out, f)
			unreadable = unreadable || f.Severity == dossier.SeverityError
		case f.Rule == "F006" && team == nil:
			out = append(out, f)
		case f.Rule == "F007" && (d.Kind == dossier.KindUnknown || d.Kind == ""):
			out = append(out, f)
		}
	}
	if team == nil && !hasFinding(out, "F006") {
		out = append(out, rules.Intake("F006", d, ""))
	}
	if (d.Kind == dossier.KindUnknown || d.Kind == "") && !unreadable && !hasFinding(out, "F007") {
		out = append(out, rules.Intake("F007", d, ""))
	}
	if team == nil || d.Kind == dossier.KindUnknown || d.Kind == "" || unreadable {
		return out
	}
	d.Findings = out // the rules read a scan's F009 from here: settled now
	return append(out, rulesFor(d, *team, p, now, scan)...)
}

func hasFinding(fs []dossier.Finding, rule string) bool {
	for _, f := range fs {
		if f.Rule == rule {
			return true
		}
	}
	return false
}

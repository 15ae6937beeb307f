package rules

import (
	"time"

	"dossier"
)

// input is what a document rule sees.
type input struct {
	d    dossier.Document
	f    dossier.Fields
	team dossier.Team
	p    dossier.Programme
	now  time.Time
}

type rule func(in input) []dossier.Finding

// surveyRules and auditRules are the content rules of each kind, in the
// order their findings are listed in a notice.
var surveyRules = []rule{s001, s002, s003, s004, s005, s006, s007, s008, s009, s010, s011, s012, s013}

var auditRules = []rule{a001, a002, a003, a004, a005, a006, a007, d002}

// Document applies the rules of the document's kind — S001–S013 for a
// survey, A001–A007 and D002 for an audit — and D001 to every kind. The
// content rules are not applied to a scan (a document that already has an
// F009 finding): its fields could not be read. It returns only the new
// findings; d.Findings is not included.
func Document(d dossier.Document, team dossier.Team, p dossier.Programme, now time.Time) []dossier.Finding {
	in := input{d: d, f: d.Fields, team: team, p: p, now: now}
	if in.f == nil {
		in.f = dossier.Fields{}
	}
	var out []dossier.Finding
	if !isScan(d) {
		switch d.Kind {
		case dossier.KindSurvey:
			out = apply(out, surveyRules, in)
		case dossier.KindAudit:
			out = apply(out, auditRules, in)
		}
	}
	return append(out, d001(in)...)
}

func apply(out []dossier.Finding, rs []rule, in input) []dossier.Finding {
	for _, r := range rs {
		out = append(out, r(in)...)
	}
	return out
}

func isScan(d dossier.Document) bool {
	for _, f := range d.Findings {
		if f.Rule == "F009" {
			return true
		}
	}
	return false
}

// LooseThreshold is the confidence below which a value the parser read
// from a text document (a label with words it does not know) may not, on
// its own, reject a unit's document.
const LooseThreshold = 0.9

// Doubt is SoftenUnsure for a document read from its text layer, cells or
// Word XML (not OCR): an error finding resting on a value the parser had
// to guess at becomes a warning for a clerk; review reports whether any
// did, and then the verdict is review, not rejected.
func Doubt(fs []dossier.Finding, conf map[string]float64) ([]dossier.Finding, bool) {
	if len(conf) == 0 {
		return fs, false
	}
	return SoftenUnsure(fs, conf, LooseThreshold)
}

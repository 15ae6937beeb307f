package rules

import (
	"fmt"
	"strings"

	"dossier"
)

// F011 checks a document whose team was identified by its folder or file
// name against the team its own content names (rules.md F011): the
// document's team_name, else its unit where that unit has exactly one
// team. It reports a warning when the content names another team of the
// registry, and nothing when the content names no team, names the same
// one, or also mentions the folder's team by name or unit (a name written
// loosely is not a contradiction). The verdict is then review.
func F011(reg dossier.Registry, d dossier.Document, team dossier.Team) (dossier.Finding, bool) {
	if team.ID == "" {
		return dossier.Finding{}, false
	}
	for _, c := range []struct{ key, label string }{{"team_name", "服务团名称"}, {"unit", "依托单位"}} {
		clue := strings.TrimSpace(d.Fields.Text(c.key))
		if clue == "" {
			continue
		}
		other, m := reg.Identify(clue)
		if m != dossier.Matched {
			continue
		}
		if other.ID == team.ID || mentions(clue, team) {
			return dossier.Finding{}, false
		}
		name := "文件“" + d.Name + "”"
		if d.Name == "" {
			name = "文件"
		}
		msg := fmt.Sprintf("%s所在文件夹或文件名对应服务团 %s（%s），但文件内填写的%s为“%s”，对应服务团 %s（%s）；"+
			"已转人工审核，由审核人员确认材料所属服务团", name, team.ID, team.Name, c.label, clue, other.ID, other.Name)
		return dossier.Finding{Rule: "F011", Severity: dossier.SeverityWarning, Field: c.key, Message: msg}, true
	}
	return dossier.Finding{}, false
}

// mentions reports whether clue contains the team's name or its unit.
func mentions(clue string, t dossier.Team) bool {
	n := dossier.NormName(clue)
	for _, s := range []string{t.Name, t.Unit} {
		if s = dossier.NormName(s); s != "" && strings.Contains(n, s) {
			return true
		}
	}
	return false
}

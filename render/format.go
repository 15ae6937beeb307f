package render

import (
	"sort"
	"time"

	"dossier"
)

// localTime writes a time in the programme's zone.
func localTime(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return "—"
	}
	return t.In(loc).Format("2006-01-02 15:04")
}

// currentDocs are the documents appended and counted: accepted or review,
// not superseded, in kind order then received order.
func currentDocs(v dossier.TeamView) []dossier.Document {
	var out []dossier.Document
	for _, d := range v.Documents {
		if !d.Superseded && (d.Verdict == dossier.VerdictAccepted || d.Verdict == dossier.VerdictReview) {
			out = append(out, d)
		}
	}
	rank := map[dossier.Kind]int{}
	for i, k := range dossier.Kinds {
		rank[k] = i
	}
	sort.SliceStable(out, func(i, j int) bool {
		ri, ok := rank[out[i].Kind]
		if !ok {
			ri = len(rank)
		}
		rj, ok := rank[out[j].Kind]
		if !ok {
			rj = len(rank)
		}
		return ri < rj
	})
	return out
}

// findingsOf lists every finding of a team: its own, then each document's.
type teamFinding struct {
	File string
	dossier.Finding
}

func findingsOf(v dossier.TeamView) []teamFinding {
	var out []teamFinding
	for _, f := range v.Findings {
		out = append(out, teamFinding{File: "（服务团）", Finding: f})
	}
	for _, d := range v.Documents {
		for _, f := range d.Findings {
			out = append(out, teamFinding{File: d.Name, Finding: f})
		}
	}
	return out
}

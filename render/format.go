package render

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"dossier"
)

// money writes yuan as 100,000.00.
func money(v float64) string {
	neg := v < 0
	if neg {
		v = -v
	}
	s := strconv.FormatFloat(v, 'f', 2, 64)
	intPart, frac := s[:len(s)-3], s[len(s)-3:]
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	out := b.String() + frac
	if neg {
		out = "-" + out
	}
	return out
}

// thousands writes an integer with separators.
func thousands(n int64) string {
	s := money(float64(n))
	return s[:len(s)-3]
}

// valueText is a field's value as a person reads it: "—" when absent,
// "（未填）" when found blank.
func valueText(f dossier.Field, fs dossier.Fields) string {
	v, ok := fs[f.Key]
	if !ok {
		return "—"
	}
	if v == nil {
		return "（未填）"
	}
	switch f.Type {
	case dossier.TypeInt:
		if n, ok := fs.Int(f.Key); ok {
			return thousands(n)
		}
	case dossier.TypeMoney:
		if m, ok := fs.Money(f.Key); ok {
			return money(m) + " 元"
		}
	case dossier.TypeBool:
		if b, ok := fs.Bool(f.Key); ok {
			if b {
				return "是"
			}
			return "否"
		}
	case dossier.TypeEnum:
		s := fs.Text(f.Key)
		if l, ok := dossier.OpinionLabels[s]; ok {
			return l
		}
		if l, ok := dossier.ServiceModeLabels[s]; ok {
			return l
		}
		return s
	case dossier.TypeList:
		return strings.Join(fs.List(f.Key), "、")
	case dossier.TypePublicity:
		items, _ := v.([]dossier.PublicityItem)
		var ls []string
		for i, it := range items {
			ls = append(ls, fmt.Sprintf("%d. %s（%s）《%s》", i+1, it.Media, it.Date, it.Title))
		}
		return strings.Join(ls, "\n")
	}
	return fmt.Sprint(v)
}

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

// survey is the team's accepted current survey, if any.
func survey(v dossier.TeamView) (dossier.Fields, bool) {
	d, ok := v.Current(dossier.KindSurvey)
	if !ok || d.Verdict != dossier.VerdictAccepted {
		return nil, false
	}
	return d.Fields, true
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

// counts are the cover's numbers.
type counts struct {
	Teams, Complete, Incomplete, Late int
	Accepted, Rejected, Review, Docs  int
}

func countAll(teams []dossier.TeamView) counts {
	var c counts
	c.Teams = len(teams)
	for _, v := range teams {
		if v.Complete {
			c.Complete++
		} else {
			c.Incomplete++
		}
		if v.Late {
			c.Late++
		}
		for _, d := range v.Documents {
			c.Docs++
			switch d.Verdict {
			case dossier.VerdictAccepted:
				c.Accepted++
			case dossier.VerdictRejected:
				c.Rejected++
			case dossier.VerdictReview:
				c.Review++
			}
		}
	}
	return c
}

package render

import (
	"fmt"
	"strings"
	"testing"
)

// TestSummaryRows pins the summary table's content for the samples: one
// row per team in registry order, states, lateness, funds and findings,
// and the totals row.
func TestSummaryRows(t *testing.T) {
	in := testInput(t)
	rows := summaryRows(in.View())
	if len(rows) != len(in.Teams)+3 {
		t.Fatalf("%d rows for %d teams", len(rows), len(in.Teams))
	}
	var b strings.Builder
	for _, r := range rows {
		var cells []string
		for _, c := range r {
			cells = append(cells, c.text)
		}
		fmt.Fprintln(&b, strings.Join(cells, " | "))
	}
	checkGolden(t, "testdata/summary.golden", b.String())
}

func TestSurveyStatsAddUp(t *testing.T) {
	s := testInput(t).View().Survey
	if s.Surveys[0] != s.Surveys[1]+s.Surveys[2] || s.Surveys[0] == 0 {
		t.Fatalf("survey counts %v", s.Surveys)
	}
	a := s.Sums["experts_total"]
	if a[0] != a[1]+a[2] || a[0] == 0 {
		t.Fatalf("experts_total sums %v", a)
	}
}

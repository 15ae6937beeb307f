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
	rows := summaryRows(in.Teams)
	if len(rows) != len(in.Teams)+1 {
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

func TestComputeStats(t *testing.T) {
	s := computeStats(testInput(t).Teams)
	if s.surveys[0] != s.surveys[1]+s.surveys[2] || s.surveys[0] == 0 {
		t.Fatalf("survey counts %v", s.surveys)
	}
	a := s.sums["experts_total"]
	if a[0] != a[1]+a[2] || a[0] == 0 {
		t.Fatalf("experts_total sums %v", a)
	}
}

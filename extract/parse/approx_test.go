package parse

import (
	"testing"

	"dossier"
)

// TestValuesAsPeopleWriteThem: 万/亿 with decimals are counts; estimates
// are not (S010 asks for the exact figure, with the raw text kept); one
// form for document numbers.
func TestValuesAsPeopleWriteThem(t *testing.T) {
	counts := []struct {
		raw    string
		want   int64
		st     Status
		approx bool
	}{
		{"17.57万人次", 175700, OK, false},
		{"1.2亿", 120000000, OK, false},
		{"3.5万", 35000, OK, false},
		{"1.23456万人", 0, Invalid, false}, // not a whole number once scaled
		{"100余人", 0, Invalid, true},
		{"近700人", 0, Invalid, true},
		{"约50场", 0, Invalid, true},
		{"8亿多元", 0, Invalid, true},
		{"300人左右", 0, Invalid, true},
		{"25人", 25, OK, false},
	}
	for _, c := range counts {
		t.Run(c.raw, func(t *testing.T) {
			n, st := ParseCount(c.raw)
			if st != c.st || st == OK && n != c.want {
				t.Errorf("ParseCount(%q) = %d, %v; want %d, %v", c.raw, n, st, c.want, c.st)
			}
			if got := dossier.IsApproximate(c.raw); got != c.approx {
				t.Errorf("IsApproximate(%q) = %v, want %v", c.raw, got, c.approx)
			}
		})
	}
	for raw, want := range map[string]string{
		"沪众华会审字[2026] 第0271号":  "沪众华会审字〔2026〕第0271号",
		"沪众华会审字【2026】第0271号":   "沪众华会审字〔2026〕第0271号",
		"沪众华会审字（2026）第 0271 号": "沪众华会审字〔2026〕第0271号",
		"沪众华会审字 (2026) 第0271号": "沪众华会审字〔2026〕第0271号",
		"沪众华会审字〔 2026 〕第0271号": "沪众华会审字〔2026〕第0271号",
	} {
		if got := NormalizeDocNo(raw); got != want {
			t.Errorf("NormalizeDocNo(%q) = %q, want %q", raw, got, want)
		}
	}
	t.Run("approximate count recorded with its raw text", func(t *testing.T) {
		c := newCollector()
		parseSurveySheets([]Sheet{{Name: "调查表", Rows: [][]string{{"惠及基层群众（人）", "100余人"}}}}, c)
		if _, ok := c.f["beneficiaries"]; ok || c.inv["beneficiaries"] != "100余人" {
			t.Errorf("fields %v invalid %q", c.f, c.inv)
		}
	})
}

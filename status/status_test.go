package status

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"

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

func TestHandler(t *testing.T) {
	now := time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)
	h := Handler(func(context.Context, time.Time) ([]dossier.TeamView, error) { return views(), nil },
		dossier.DefaultProgramme(), func() time.Time { return now }, zerolog.Nop())
	srv := httptest.NewServer(h)
	defer srv.Close()
	get := func(path string) (string, string) {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Fatalf("GET %s: %s", path, resp.Status)
		}
		b, _ := io.ReadAll(resp.Body)
		return string(b), resp.Header.Get("Content-Type")
	}
	body, ct := get("/")
	if !strings.HasPrefix(ct, "text/html") || !strings.Contains(body, "草莓设施高效生产专家服务团") || !strings.Contains(body, "材料齐全 1/2") {
		t.Fatalf("page: %s\n%s", ct, body)
	}
	if strings.Contains(body, "<工作成效总结>") || !strings.Contains(body, "&lt;工作成效总结&gt;") {
		t.Fatal("page does not escape finding text")
	}
	body, _ = get("/status.json")
	sc := bufio.NewScanner(strings.NewReader(body))
	n := 0
	for sc.Scan() {
		var l Line
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("line %d: %v", n, err)
		}
		n++
	}
	if n != 2 {
		t.Fatalf("%d JSON lines, want 2", n)
	}
	if body, _ := get("/healthz"); body != "ok\n" {
		t.Fatalf("healthz %q", body)
	}
	if resp, _ := http.Get(srv.URL + "/nope"); resp.StatusCode != 404 {
		t.Fatalf("unknown path: %s", resp.Status)
	}
}

package service

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"dossier"
	"dossier/config"
	"dossier/intake"
	"dossier/ledger"
	"dossier/notify"
)

var (
	cst     = time.FixedZone("CST", 8*3600)
	testNow = time.Date(2026, 11, 21, 10, 0, 0, 0, cst)
	onTime  = time.Date(2026, 11, 15, 9, 30, 0, 0, cst)
)

// fixture is a real ledger and real folders under a temporary directory.
type fixture struct {
	svc     *Service
	led     *ledger.Ledger
	folders *intake.Folders
	dir     string
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	cfg, err := config.Load("")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	return openFixture(t, cfg, dir)
}

func openFixture(t *testing.T, cfg config.Config, dir string) *fixture {
	t.Helper()
	folders, err := intake.New(filepath.Join(dir, "inbox"), filepath.Join(dir, "data"))
	if err != nil {
		t.Fatal(err)
	}
	led, err := ledger.Open(filepath.Join(dir, "data", ledger.FileName))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { led.Close() })
	reg := cfg.Registry
	for i := range reg.Teams {
		reg.Teams[i].Contacts = []string{reg.Teams[i].ID + "@example.cn"}
	}
	svc := New(Config{Registry: reg, Programme: cfg.Programme, Ledger: led, Folders: folders,
		Notify: notify.Config{}, Clock: func() time.Time { return testNow }, Log: zerolog.Nop()})
	return &fixture{svc: svc, led: led, folders: folders, dir: dir}
}

// seed records doc as the daemon would have: claimed, decided (verdict
// from its findings unless set), its file at rest where intake puts it,
// with a notice file beside it in 退回.
func (f *fixture) seed(t *testing.T, doc dossier.Document) dossier.Document {
	t.Helper()
	ctx := context.Background()
	if doc.Verdict == "" {
		doc.Verdict = dossier.VerdictOf(doc.Findings)
	}
	if doc.Received.IsZero() {
		doc.Received = onTime
	}
	if doc.SHA256 == "" {
		doc.SHA256 = "sha-" + doc.Path
	}
	e, err := f.led.Claim(ctx, ledger.Claim{Rel: doc.Path, Name: doc.Name, Folder: doc.Folder, Received: doc.Received, Now: doc.Received},
		func(id int64) string { return f.folders.WorkPath(id, doc.Name) })
	if err != nil {
		t.Fatal(err)
	}
	dir, err := f.folders.SafeDir(f.folders.DestDir(doc, false))
	if err != nil {
		t.Fatal(err)
	}
	stored, err := f.folders.Reserve(dir, doc.Name, doc.Verdict == dossier.VerdictRejected)
	if err != nil {
		t.Fatal(err)
	}
	f.folders.Release(stored)
	if err := os.WriteFile(stored, []byte("bytes of "+doc.Path), 0o644); err != nil {
		t.Fatal(err)
	}
	if doc.Verdict == dossier.VerdictRejected {
		os.WriteFile(stored+intake.NoticeSuffix, []byte("退回说明 of "+doc.Path), 0o644)
	}
	out, _, err := f.led.Decide(ctx, ledger.Decision{ID: e.ID, Doc: doc, StoredPath: stored, Now: doc.Received})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.led.Done(ctx, e.ID, stored, doc.Received); err != nil {
		t.Fatal(err)
	}
	return out
}

// scannedAudit is M13's scanned audit report waiting for review (F009).
func scannedAudit() dossier.Document {
	return dossier.Document{Path: "M13/专项审计报告.pdf", Name: "专项审计报告.pdf", Folder: "M13", TeamID: "M13",
		Kind: dossier.KindAudit, Format: dossier.FormatPDF, Fields: dossier.Fields{}, Pages: 1,
		Findings: []dossier.Finding{{Rule: "F009", Severity: dossier.SeverityWarning, Message: "扫描件"}}}
}

// auditSet is what the clerk reads off M13's scan, as written on it.
var auditSet = map[string]string{
	"auditor": "上海沪港金茂会计师事务所有限公司", "opinion": "无保留意见",
	"received_mohrss": "0.00", "received_municipal": "10万元", "received_total": "100,000.00",
	"spent_expert_fees": "46,384.41", "spent_travel": "10,884.38", "spent_meetings": "12,840.38",
	"spent_training": "6,840.04", "spent_materials": "9,719.08", "spent_other": "13,331.71",
	"spent_total": "１０００００．００", "balance": "0", "service_end": "2026年11月8日",
}

// survey is a complete, consistent M11 survey; mutate it for defects.
func survey(team, folder, name string) dossier.Document {
	return dossier.Document{Path: folder + "/" + name, Name: name, Folder: folder, TeamID: team,
		Kind: dossier.KindSurvey, Format: dossier.FormatXLSX, Fields: dossier.Fields{
			"team_name": "草莓设施高效生产专家服务团", "unit": "上海市农业科学院", "contact_email": "caomei@example.cn",
			"service_mode": "once", "service_days": int64(5), "service_fields": []string{"农业"},
			"region_cities": int64(1), "region_counties": int64(2), "region_units": int64(3), "key_counties": false,
			"key_counties_national": int64(0), "key_counties_provincial": int64(0),
			"activities_total": int64(10), "projects_matched": int64(2),
			"experts_total": int64(25), "expert_attendances": int64(40), "senior_full": int64(5), "senior_deputy": int64(5),
			"source_local": int64(20), "source_other_province": int64(5), "source_hmt": int64(0), "source_foreign": int64(0),
			"beneficiaries": int64(300), "organized_by_hrss": true, "needs_matched": true,
			"funds_mohrss": 0.0, "funds_matching": 100000.0, "support_measures": false, "publicity": false,
		}}
}

func rulesOf(fs []dossier.Finding) map[string]bool {
	out := map[string]bool{}
	for _, f := range fs {
		out[f.Rule] = true
	}
	return out
}

func exists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}

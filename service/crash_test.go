package service

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"dossier"
	"dossier/config"
	"dossier/intake"
)

// TestHelperDecide is a child process of TestKilledDecisionAppliedOnce:
// it records one decision and is killed (SIGKILL, by crashPoint) at the
// point DOSSIER_TEST_KILL_AT names.
func TestHelperDecide(t *testing.T) {
	dir, id := os.Getenv("DOSSIER_HELPER_DIR"), os.Getenv("DOSSIER_HELPER_DOC")
	if dir == "" {
		t.Skip("runs only as TestKilledDecisionAppliedOnce's child")
	}
	cfg, _ := config.Load("")
	f := openFixture(t, cfg, dir)
	n, _ := strconv.ParseInt(id, 10, 64)
	_, err := f.svc.Decide(context.Background(), DecisionRequest{DocumentID: n, Verdict: dossier.VerdictAccepted,
		User: "李四", Note: "更正后受理", Set: map[string]string{"source_local": "20"}})
	t.Fatalf("the child was to be killed before Decide returned (err %v)", err)
}

// Kill -9 between the ledger write and the file move, and between the
// move and its acknowledgement: the next start (Recover) applies the
// decision exactly once, and the unit has exactly one notice.
func TestKilledDecisionAppliedOnce(t *testing.T) {
	for _, tc := range []struct{ at, how string }{{"recorded", "start"}, {"moved", "start"}, {"recorded", "tick"}} {
		at := tc.at
		t.Run(at+" then "+tc.how, func(t *testing.T) {
			ctx := context.Background()
			dir := t.TempDir()
			cfg, _ := config.Load("")
			f := openFixture(t, cfg, dir)
			s := survey("M11", "M11", "调查表.xlsx")
			s.Fields["source_local"] = int64(19)
			s.Findings = []dossier.Finding{{Rule: "S005", Severity: dossier.SeverityError, Message: "合计不一致"}}
			doc := f.seed(t, s)
			from := doc.StoredPath

			cmd := exec.Command(os.Args[0], "-test.run=^TestHelperDecide$")
			cmd.Env = append(os.Environ(), "DOSSIER_HELPER_DIR="+dir, "DOSSIER_HELPER_DOC="+strconv.FormatInt(doc.ID, 10),
				"DOSSIER_TEST_KILL_AT="+at)
			out, err := cmd.CombinedOutput()
			if ee, ok := err.(*exec.ExitError); !ok || ee.ProcessState.Sys() == nil || ee.ProcessState.ExitCode() != -1 {
				t.Fatalf("child was not killed: %v\n%s", err, out)
			}
			moves, err := f.led.Moves(ctx)
			if err != nil || len(moves) != 1 {
				t.Fatalf("after the kill: %d decisions to apply (err %v), want 1", len(moves), err)
			}
			if at == "recorded" && (!exists(from) || exists(moves[0].ToPath)) {
				t.Fatalf("killed after recording: the file moved already")
			}
			if tc.how == "tick" { // a running daemon: applied at the second look, not the first
				f.svc.RetryMoves(ctx)
				if !exists(from) {
					t.Fatal("moved at the first look: it may be a decision being applied right now")
				}
				f.svc.RetryMoves(ctx)
				f.svc.RetryMoves(ctx)
			}
			for range 2 { // a second start finds nothing left to do
				if err := f.svc.Recover(ctx); err != nil {
					t.Fatal(err)
				}
			}
			want := filepath.Join(f.folders.ArchiveRoot(), "M11", "survey", "调查表.xlsx")
			if !exists(want) || exists(from) || !exists(want+intake.NoticeSuffix) {
				t.Fatalf("after recovery: at %s %v, old %v, notice beside %v", want, exists(want), exists(from), exists(want+intake.NoticeSuffix))
			}
			if moves, _ := f.led.Moves(ctx); len(moves) != 0 {
				t.Fatalf("decisions still to apply: %+v", moves)
			}
			v, err := f.svc.Document(ctx, doc.ID)
			if err != nil {
				t.Fatal(err)
			}
			if len(v.History) != 1 || len(v.Notices) != 1 || v.Doc.StoredPath != want || v.Doc.Verdict != dossier.VerdictAccepted {
				t.Fatalf("history %d notices %d stored %s verdict %s", len(v.History), len(v.Notices), v.Doc.StoredPath, v.Doc.Verdict)
			}
			ents, _ := os.ReadDir(filepath.Dir(want))
			if len(ents) != 2 {
				t.Fatalf("archive folder holds %d entries, want the file and its notice", len(ents))
			}
		})
	}
}

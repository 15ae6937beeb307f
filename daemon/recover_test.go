package daemon

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"dossier"
	"dossier/intake"
	"dossier/ledger"
)

// TestRecover puts the ledger and folders in each state a kill can leave
// and checks that one start finishes every file exactly once.
func TestRecover(t *testing.T) {
	root := t.TempDir()
	inboxDir, dataDir := filepath.Join(root, "inbox"), filepath.Join(root, "data")
	d := newDaemon(t, testConfig(inboxDir, dataDir, 100*time.Millisecond), nil)
	defer d.Close()
	ctx := context.Background()
	now := time.Date(2026, 11, 18, 10, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	claim := func(rel string) ledger.Entry {
		drop(t, inboxDir, rel, []byte("content of "+rel))
		e, err := d.led.Claim(ctx, ledger.Claim{Rel: rel, Name: filepath.Base(rel), Folder: filepath.Dir(rel), Received: now, Now: now},
			func(id int64) string { return d.folders.WorkPath(id, filepath.Base(rel)) })
		if err != nil {
			t.Fatal(err)
		}
		return e
	}
	// (a) killed after the claim, before the rename.
	a := claim("M11/a.pdf")
	// (b) killed after the rename, before the decision.
	b := claim("M11/b.pdf")
	if err := intake.Move(d.folders.InboxPath(b.Rel), b.WorkPath); err != nil {
		t.Fatal(err)
	}
	// (c) killed after the decision, before the move; (d) after the move, before done.
	decided := func(rel string, moved bool) ledger.Entry {
		e := claim(rel)
		intake.Move(d.folders.InboxPath(rel), e.WorkPath)
		stored := filepath.Join(d.folders.RejectRoot(), "M11", filepath.Base(rel))
		doc := dossier.Document{Path: rel, Name: filepath.Base(rel), TeamID: "M11", Verdict: dossier.VerdictRejected,
			Findings: []dossier.Finding{{Rule: "F002", Severity: dossier.SeverityError}}}
		if _, _, err := d.led.Decide(ctx, ledger.Decision{ID: e.ID, Doc: doc, StoredPath: stored, Now: now,
			Compose: d.composer(stored, now), Channels: d.channels()}); err != nil {
			t.Fatal(err)
		}
		if moved {
			intake.Move(e.WorkPath, stored)
		}
		return e
	}
	c, dd := decided("M11/c.pdf", false), decided("M11/d.pdf", true)
	// (e) claimed, but the file vanished from both places.
	e := claim("M11/e.pdf")
	os.Remove(d.folders.InboxPath(e.Rel))

	if err := d.Recover(ctx, clock); err != nil {
		t.Fatal(err)
	}
	want := map[int64]ledger.State{a.ID: ledger.StateDone, b.ID: ledger.StateDone, c.ID: ledger.StateDone, dd.ID: ledger.StateDone, e.ID: ledger.StateGone}
	for id, st := range want {
		got, err := d.led.Get(ctx, id)
		if err != nil || got.State != st {
			t.Errorf("row %d (%s): %s, want %s (%v)", id, got.Rel, got.State, st, err)
			continue
		}
		if st == ledger.StateDone && !present(got.StoredPath) {
			t.Errorf("%s not at %s", got.Rel, got.StoredPath)
		}
	}
	if left, _ := os.ReadDir(d.folders.WorkDir()); len(left) != 0 {
		t.Errorf("work area not empty: %v", left)
	}
	if left, _ := os.ReadDir(filepath.Join(inboxDir, "M11")); len(left) != 0 {
		t.Errorf("inbox not empty: %v", left)
	}
	notices, _ := d.led.Notices(ctx, 0)
	if len(notices) != 4 {
		t.Errorf("%d notices, want 4 (one per decided file)", len(notices))
	}
}

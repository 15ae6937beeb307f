package ledger

import (
	"context"
	"path/filepath"
	"testing"
	"time"
)

// Kept originals and own-trouble back-off are in the ledger, so they are
// there again after a restart (a close and a reopen).
func TestRestartStateSurvivesReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), FileName)
	at := time.Date(2026, 11, 18, 9, 0, 0, 123456789, time.UTC)
	l, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	e, err := l.Claim(ctx, Claim{Rel: "M11/a.png", Name: "a.png", Folder: "M11", Size: 5, ModTime: at, Received: at, Now: at},
		func(id int64) string { return "/data/work/x" })
	if err != nil {
		t.Fatal(err)
	}
	k := KeptSource{Rel: "M11/a.png", DocumentID: e.ID, Size: 5, ModTime: at, Dev: 1 << 40, Ino: 77}
	if err := l.KeepSource(ctx, k, at); err != nil {
		t.Fatal(err)
	}
	if err := l.NoteRetry(ctx, e.ID, Retry{Attempts: 2, Next: at.Add(2 * time.Minute), LastError: "disk full"}); err != nil {
		t.Fatal(err)
	}
	l.Close()
	if l, err = Open(path); err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	got, ok, err := l.KeptSourceAt(ctx, "M11/a.png")
	if err != nil || !ok || got.DocumentID != e.ID || got.Size != 5 || !got.ModTime.Equal(at) || got.Dev != 1<<40 || got.Ino != 77 || got.ReadOnly || got.State != StateClaimed {
		t.Fatalf("kept original after reopen: %+v %v %v", got, ok, err)
	}
	if err := l.MarkSourceReadOnly(ctx, e.ID); err != nil {
		t.Fatal(err)
	}
	if got, _, _ = l.KeptSourceOf(ctx, e.ID); !got.ReadOnly {
		t.Fatal("not marked read-only")
	}
	r, ok, err := l.RetryOf(ctx, e.ID)
	if err != nil || !ok || r.Attempts != 2 || !r.Next.Equal(at.Add(2*time.Minute)) || r.LastError != "disk full" {
		t.Fatalf("back-off after reopen: %+v %v %v", r, ok, err)
	}
	if err := l.ClearRetry(ctx, e.ID); err != nil {
		t.Fatal(err)
	}
	if err := l.ForgetSource(ctx, e.ID); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := l.RetryOf(ctx, e.ID); ok {
		t.Error("back-off still there after ClearRetry")
	}
	if _, ok, _ := l.KeptSourceAt(ctx, "M11/a.png"); ok {
		t.Error("kept original still there after ForgetSource")
	}
}

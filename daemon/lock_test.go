package daemon

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// Only one process takes files from a data folder at a time.
func TestOneProcessPerDataFolder(t *testing.T) {
	root := t.TempDir()
	inboxDir, dataDir := filepath.Join(root, "inbox"), filepath.Join(root, "data")
	first := newDaemon(t, testConfig(inboxDir, dataDir, 200*time.Millisecond), nil)
	defer first.Close()
	stop := serve(t, first)
	// The lock holder writes its pid once it holds the lock. (Probing with
	// lockData here could take the lock just as Serve starts and make it
	// fail instead.)
	waitFor(t, 10*time.Second, "the lock", func() bool {
		b, err := os.ReadFile(filepath.Join(dataDir, "dossier.lock"))
		return err == nil && len(b) > 0
	})
	second := newDaemon(t, testConfig(inboxDir, dataDir, 200*time.Millisecond), nil)
	defer second.Close()
	if err := second.Once(context.Background(), time.Now()); !errors.Is(err, ErrBusy) {
		t.Fatalf("second process: %v, want ErrBusy", err)
	}
	stop()
	if err := second.Once(context.Background(), time.Now()); err != nil {
		t.Fatalf("after the first stopped: %v", err)
	}
}

// Serve ends (with an error) when its watcher cannot run, instead of
// "serving" with no intake.
func TestServeStopsWhenTheWatcherDies(t *testing.T) {
	root := t.TempDir()
	inboxDir, dataDir := filepath.Join(root, "inbox"), filepath.Join(root, "data")
	d := newDaemon(t, testConfig(inboxDir, dataDir, 200*time.Millisecond), nil)
	defer d.Close()
	os.RemoveAll(inboxDir) // the watcher's root is gone
	os.WriteFile(inboxDir, []byte("not a folder"), 0o644)
	done := make(chan error, 1)
	go func() { done <- d.Serve(context.Background()) }()
	select {
	case err := <-done:
		if err == nil {
			t.Fatal("Serve returned no error without a watcher")
		}
	case <-time.After(20 * time.Second):
		t.Fatal("Serve kept running without a watcher")
	}
}

// A first start with nothing received makes no empty package; the first
// package comes with the first documents.
func TestNoEmptyPackageOnFirstStart(t *testing.T) {
	root := t.TempDir()
	inboxDir, dataDir := filepath.Join(root, "inbox"), filepath.Join(root, "data")
	cfg := testConfig(inboxDir, dataDir, 100*time.Millisecond)
	cfg.Schedule = "02:00"
	d := newDaemon(t, cfg, nil)
	defer d.Close()
	d.consolidateIfMissed(context.Background(), time.Now())
	if ents, _ := os.ReadDir(d.OutboxDir()); len(ents) != 0 {
		t.Fatalf("empty package written: %v", ents)
	}
}

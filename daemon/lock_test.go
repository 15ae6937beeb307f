package daemon

import (
	"context"
	"errors"
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
	waitFor(t, 5*time.Second, "the lock", func() bool {
		unlock, err := lockData(dataDir)
		if err == nil {
			unlock()
			return false
		}
		return errors.Is(err, ErrBusy)
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

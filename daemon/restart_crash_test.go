package daemon

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestCrashSafety again with the data folder on another file system than
// the inbox, so that every claim is a copy whose original is kept until
// its decision: kill -9 at random points loses nothing, answers nothing
// twice and leaves no original behind in the inbox.
func TestCrashSafetyAcrossFileSystems(t *testing.T) {
	if testing.Short() {
		t.Skip("kills and restarts a daemon for ~20 s")
	}
	rng := rand.New(rand.NewPCG(20261202, 12))
	root := t.TempDir()
	inboxDir := filepath.Join(root, "inbox")
	dataDir := filepath.Join(otherFileSystem(t, root), "data")
	os.MkdirAll(inboxDir, 0o755)
	subs := fileSet(120, rng)
	start, kills := killWhileDropping(t, inboxDir, dataDir, subs, 10, rng)
	t.Logf("%d kills with -9", kills)
	logPath := filepath.Join(filepath.Dir(dataDir), "daemon.log")
	serving := func() int { b, _ := os.ReadFile(logPath); return strings.Count(string(b), `"serving"`) }
	before := serving()
	child := start()
	waitFor(t, 30*time.Second, "the last daemon to serve", func() bool { return serving() > before })
	waitFor(t, 60*time.Second, "the inbox and work area to empty", func() bool {
		return len(submissions(t, inboxDir, true)) == 0 && len(submissions(t, filepath.Join(dataDir, "work"), false)) == 0
	})
	time.Sleep(time.Second) // notices
	child.Process.Signal(syscall.SIGTERM)
	if err := child.Wait(); err != nil {
		t.Errorf("clean stop: %v", err)
	}
	checkExactlyOnce(t, subs, inboxDir, dataDir)
}

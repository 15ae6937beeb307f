package extract

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/klippa-app/go-pdfium"
)

// freshPool runs the calling test again in a new process, where the
// process-wide PDFium pool has not started yet; it reports true in that
// child, where the test body runs.
func freshPool(t *testing.T) bool {
	t.Helper()
	if os.Getenv("DOSSIER_FRESH_POOL") == t.Name() {
		return true
	}
	cmd := exec.Command(os.Args[0], "-test.run", "^"+t.Name()+"$", "-test.v")
	cmd.Env = append(os.Environ(), "DOSSIER_FRESH_POOL="+t.Name())
	out, err := cmd.CombinedOutput()
	if strings.Contains(string(out), "--- SKIP") {
		t.Skipf("child skipped:\n%s", out)
	}
	if err != nil {
		t.Fatalf("child process: %v\n%s", err, out)
	}
	return false
}

// A failed PDFium start is dossier's own trouble, not the PDF's (F002),
// and is not kept for the life of the process: once the cause passes, the
// next PDF starts the pool.
func TestPoolStartFailureIsRetried(t *testing.T) {
	if !freshPool(t) {
		return
	}
	data, err := os.ReadFile(filepath.Join("testdata", "audit.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	fail := true
	initPoolFn = func(dir string, w int, i bool) (pdfium.Pool, error) {
		if fail {
			return nil, errors.New("cannot allocate memory")
		}
		return initPool(dir, w, i)
	}
	defer func() { initPoolFn = initPool }()
	initRetry = 0
	ex, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = ex.ReadPDF(context.Background(), data)
	if !errors.Is(err, ErrOwnTrouble) || errors.Is(err, ErrCorrupt) {
		t.Fatalf("failed start: err = %v, want ErrOwnTrouble and not ErrCorrupt", err)
	}
	if _, herr := Health(); herr == nil {
		t.Errorf("Health() = nil after a failed start, want the trouble")
	}
	fail = false
	got, err := ex.ReadPDF(context.Background(), data)
	if err != nil || got.Pages == 0 {
		t.Fatalf("after the cause passed: pages %d, err %v; want the PDF read", got.Pages, err)
	}
}

// mountFull mounts a small tmpfs at a temporary folder and fills it, or
// skips when mounts are not allowed here.
func mountFull(t *testing.T, size string) string {
	t.Helper()
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		if os.Getenv("DOSSIER_REQUIRE_TOOLS") == "1" {
			t.Fatalf("mount tmpfs (needed for the full-disk test): %v %s", err, out)
		}
		t.Skipf("mounts are not allowed here (mount tmpfs: %v %s): full-disk test skipped", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", dir).Run() })
	f, err := os.Create(filepath.Join(dir, "filler"))
	if err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 64<<10)
	for {
		if _, err := f.Write(buf); err != nil {
			break
		}
	}
	f.Close()
	return dir
}

// With the compilation cache on a full disk, PDFium compiles in memory and
// the PDF is read (it was F002 for every PDF).
func TestFullDiskCacheCompilesInMemory(t *testing.T) {
	if !freshPool(t) {
		return
	}
	dir := mountFull(t, "2m")
	data, err := os.ReadFile(filepath.Join("testdata", "audit.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	ex, err := New(Options{CacheDir: filepath.Join(dir, "cache", "pdfium"), TmpDir: filepath.Join(dir, "tmp"), Timeout: time.Minute})
	if err != nil {
		t.Fatalf("New with a cache dir on a full disk: %v", err)
	}
	got, err := ex.ReadPDF(context.Background(), data)
	if err != nil || got.Pages == 0 {
		t.Fatalf("ReadPDF with the cache on a full disk: pages %d, err %v", got.Pages, err)
	}
}

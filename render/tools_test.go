package render

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// requireTool returns the path of an external tool. A missing tool skips
// the test, or fails it when DOSSIER_REQUIRE_TOOLS=1 (CI installs
// poppler-utils and qpdf and must not pass by skipping).
func requireTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err == nil {
		return p
	}
	if os.Getenv("DOSSIER_REQUIRE_TOOLS") == "1" {
		t.Fatalf("%s not installed and DOSSIER_REQUIRE_TOOLS=1", name)
	}
	t.Skipf("%s not installed", name)
	return ""
}

// TestMain points the user's configuration folder at a temporary one and
// fails the run if pdfcpu created its configuration there: render must
// never write ~/.config/pdfcpu.
func TestMain(m *testing.M) {
	cfg, err := os.MkdirTemp("", "render-config-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	os.Setenv("XDG_CONFIG_HOME", cfg)
	code := m.Run()
	if _, err := os.Stat(filepath.Join(cfg, "pdfcpu")); err == nil {
		fmt.Fprintln(os.Stderr, "FAIL: pdfcpu wrote its configuration folder", filepath.Join(cfg, "pdfcpu"))
		code = 1
	}
	os.RemoveAll(cfg)
	os.Exit(code)
}

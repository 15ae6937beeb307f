package parse

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"dossier"
)

// TestRealworldUnknown: public PDFs that are not submissions come out unknown
// (needs pdftotext and ../shared/realworld; skipped otherwise).
func TestRealworldUnknown(t *testing.T) {
	dir := "../../../shared/realworld/py-pdf-sample-files"
	if _, err := os.Stat(dir); err != nil {
		skipOrFail(t, "no realworld set: %v", err)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		skipOrFail(t, "no pdftotext: %v", err)
	}
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() || !strings.HasSuffix(strings.ToLower(p), ".pdf") {
			return nil
		}
		b, _ := exec.Command("pdftotext", "-l", "20", p, "-").Output()
		out := Parse(Input{Name: filepath.Base(p), Text: string(b), Pages: 1, Images: 1})
		if out.Kind != dossier.KindUnknown {
			t.Errorf("%s: kind %s", p, out.Kind)
		}
		return nil
	})
}

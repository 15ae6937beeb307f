package parse

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// TestGolden parses every committed text fixture and compares the whole
// output (kind, every field, invalid) with testdata/golden/<source>/<file>.json.
func TestGolden(t *testing.T) {
	meta := loadMeta(t)
	for _, src := range []string{"pdfium", "raw", "layout"} {
		root := filepath.Join("testdata/samples", src)
		filepath.Walk(root, func(p string, info os.FileInfo, err error) error {
			if err != nil || info.IsDir() || !strings.HasSuffix(p, ".txt") {
				return nil
			}
			rel, _ := filepath.Rel(root, p)
			t.Run(src+"/"+rel, func(t *testing.T) {
				b, _ := os.ReadFile(p)
				m := meta[strings.TrimSuffix(rel, ".txt")]
				out := Parse(Input{Name: filepath.Base(strings.TrimSuffix(rel, ".txt")), Text: string(b), Pages: m.Pages, Images: m.Images})
				got, _ := json.MarshalIndent(out, "", "  ")
				gp := filepath.Join("testdata/golden", src, strings.TrimSuffix(rel, ".txt")+".json")
				if *update {
					os.MkdirAll(filepath.Dir(gp), 0o755)
					if err := os.WriteFile(gp, append(got, '\n'), 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(gp)
				if err != nil {
					t.Fatalf("no golden file (run with -update): %v", err)
				}
				if strings.TrimSpace(string(want)) != strings.TrimSpace(string(got)) {
					t.Errorf("output differs from %s:\n%s", gp, got)
				}
			})
			return nil
		})
	}
}

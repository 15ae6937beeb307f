package render

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/image/font/sfnt"

	"dossier"
)

// TestFontsCoverWhatThePackageSays: every face has a glyph for every
// character the package itself writes (its own strings, the catalogue's
// labels, the registry's names and units); the body face also for names
// outside GB 2312; and each file stays well under 10 MB.
func TestFontsCoverWhatThePackageSays(t *testing.T) {
	var own strings.Builder
	srcs, _ := filepath.Glob("*.go")
	for _, p := range srcs {
		if strings.HasSuffix(p, "_test.go") {
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		own.Write(b)
	}
	for _, f := range dossier.Catalogue {
		own.WriteString(f.Label + f.Section)
	}
	reg, err := os.ReadFile("testdata/registry.tsv")
	if err != nil {
		t.Fatal(err)
	}
	own.Write(reg)
	need := map[rune]bool{}
	for _, r := range own.String() {
		if r >= 0x3000 && r <= 0xFFEF && r != 0xFEFF {
			need[r] = true
		}
	}
	for _, ff := range faceFiles {
		t.Run(string(ff.face), func(t *testing.T) {
			if n := len(*ff.ttf); n > 8<<20 {
				t.Errorf("%d bytes: keep each font well under 10 MB", n)
			}
			fnt, err := sfnt.Parse(*ff.ttf)
			if err != nil {
				t.Fatal(err)
			}
			var buf sfnt.Buffer
			check := func(r rune) {
				if g, err := fnt.GlyphIndex(&buf, r); err != nil || g == 0 {
					t.Errorf("no glyph for %q (U+%04X)", r, r)
				}
			}
			for r := range need {
				check(r)
			}
			for _, r := range "0123456789,.-—（）《》“”：；、" {
				check(r)
			}
			if ff.face == faceSong {
				for _, r := range "喆堃玥珺昊琦燊垚淼犇" { // names outside GB 2312
					check(r)
				}
			}
		})
	}
}

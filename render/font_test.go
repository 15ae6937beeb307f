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
// outside GB 2312.
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
	gz, _ := filepath.Glob("fonts/*.ttf.gz")
	for _, p := range gz {
		if st, err := os.Stat(p); err != nil || st.Size() > 6<<20 {
			t.Errorf("%s: keep each font file well under 10 MB (%v)", p, err)
		}
	}
	for _, ff := range faceFiles {
		t.Run(string(ff.face), func(t *testing.T) {
			ttf, err := ff.ttf()
			if err != nil {
				t.Fatal(err)
			}
			fnt, err := sfnt.Parse(ttf)
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

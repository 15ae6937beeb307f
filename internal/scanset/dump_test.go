package scanset

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"dossier/extract/ocr"
)

// TestDumpScan prints the OCR lines (with each word's confidence) the
// cache of a generated set holds for the file $SCANSET_DUMP (a path
// under $DOSSIER_SCANSET/inbox), for looking into a misreading.
func TestDumpScan(t *testing.T) {
	file, dir := os.Getenv("SCANSET_DUMP"), os.Getenv("DOSSIER_SCANSET")
	if file == "" || dir == "" {
		t.Skip("SCANSET_DUMP or DOSSIER_SCANSET not set")
	}
	data, err := os.ReadFile(filepath.Join(dir, "inbox", file))
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	version := ocr.PipelineVersion
	if v := os.Getenv("SCANSET_PIPELINE"); v != "" {
		version = v // an older cache entry
	}
	matches, _ := filepath.Glob(filepath.Join(dir, "cache", hex.EncodeToString(sum[:])+"*"+version+".json"))
	sort.Strings(matches)
	for _, m := range matches {
		raw, err := os.ReadFile(m)
		if err != nil {
			t.Fatal(err)
		}
		var c struct {
			Words  []ocr.Word
			Frames []ocr.Frame
		}
		if err := json.Unmarshal(raw, &c); err != nil {
			t.Fatal(err)
		}
		fmt.Println("==", filepath.Base(m), "frames:", c.Frames)
		for _, l := range ocr.BuildLines(c.Words) {
			var b strings.Builder
			for _, w := range l.Words {
				fmt.Fprintf(&b, " %s/%.0f", w.Text, w.Conf*100)
				if len(w.Chars) > 1 {
					b.WriteString("[")
					for _, c := range w.Chars {
						fmt.Fprintf(&b, "%s%.0f", c.Text, c.Conf*100)
					}
					b.WriteString("]")
				}
			}
			fmt.Printf("%s\n    %s\n", l.Text, b.String())
		}
	}
}

package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestOriginalsAppended checks the appended originals with poppler and
// qpdf: the file is sound, every appended page names its team and
// document and carries "第 x 页 共 y 页", the originals' own text is
// there (placed as vector content, not as a picture), and the outline has
// a bookmark for every team and document under 五、原件.
func TestOriginalsAppended(t *testing.T) {
	requireTool(t, "pdftotext")
	requireTool(t, "qpdf")
	in := testInput(t)
	var buf bytes.Buffer
	total, err := PDF(&buf, in)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "p.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("qpdf", "--check", path).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", "-layout", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	pages := strings.Split(strings.TrimSuffix(string(out), "\f"), "\f")
	if len(pages) != total {
		t.Fatalf("pdftotext sees %d pages, PDF reports %d", len(pages), total)
	}
	appended, audit := 0, 0
	for i, p := range pages {
		flat := strings.NewReplacer(" ", "", "\n", "").Replace(p)
		if !strings.Contains(flat, fmt.Sprintf("第%d页共%d页", i+1, total)) {
			t.Errorf("page %d: no page number", i+1)
		}
		if strings.Contains(p, "原件 · ") {
			appended++
			if strings.Contains(flat, "专项资金审计报告") {
				audit++
			}
		}
	}
	if appended < 20 || audit == 0 {
		t.Errorf("%d appended pages, %d with the audit report's text", appended, audit)
	}

	js, err := exec.Command("qpdf", "--json", "--json-key=outlines", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	type node struct {
		Title string `json:"title"`
		Kids  []node `json:"kids"`
	}
	var doc struct{ Outlines []node }
	if err := json.Unmarshal(js, &doc); err != nil {
		t.Fatal(err)
	}
	var orig *node
	for i := range doc.Outlines {
		if doc.Outlines[i].Title == "五、原件" {
			orig = &doc.Outlines[i]
		}
	}
	if orig == nil {
		t.Fatal("no 五、原件 bookmark")
	}
	teams := 0
	for _, v := range in.Teams {
		if len(currentDocs(v)) > 0 {
			teams++
		}
	}
	if len(orig.Kids) != teams {
		t.Errorf("%d team bookmarks under 五、原件, want %d", len(orig.Kids), teams)
	}
	for _, k := range orig.Kids {
		if len(k.Kids) == 0 {
			t.Errorf("team bookmark %q has no document bookmarks", k.Title)
		}
	}
}

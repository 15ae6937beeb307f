package render

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func renderSamples(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	pages, err := PDF(&buf, testInput(t))
	if err != nil {
		t.Fatal(err)
	}
	if pages < 20 {
		t.Fatalf("only %d pages", pages)
	}
	if out := os.Getenv("RENDER_OUT"); out != "" {
		_ = os.WriteFile(out, buf.Bytes(), 0o644)
	}
	return buf.Bytes()
}

func TestPDFDeterministic(t *testing.T) {
	a, b := renderSamples(t), renderSamples(t)
	if !bytes.Equal(a, b) {
		t.Fatalf("two renders of the same input differ (%d and %d bytes)", len(a), len(b))
	}
}

func TestXLSXDeterministic(t *testing.T) {
	in := testInput(t)
	var a, b bytes.Buffer
	if err := XLSX(&a, in); err != nil {
		t.Fatal(err)
	}
	if err := XLSX(&b, in); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two spreadsheets of the same input differ")
	}
	f, err := excelize.OpenReader(&a)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheetTeams)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(in.Teams)+2 {
		t.Fatalf("%d rows, want header + %d teams + totals", len(rows), len(in.Teams))
	}
	if rows[1][3] != in.Teams[0].Team.Name {
		t.Errorf("first team = %q", rows[1][3])
	}
	fr, _ := f.GetRows(sheetFindings)
	if len(fr) < 2 || fr[0][3] != "规则" {
		t.Errorf("findings sheet: %v", fr)
	}
}

// TestPDFText checks with poppler that every team name and every long
// survey text is in the PDF whole, that the outline has every team, and
// that every font is embedded.
func TestPDFText(t *testing.T) {
	requireTool(t, "pdftotext")
	in := testInput(t)
	path := filepath.Join(t.TempDir(), "p.pdf")
	var buf bytes.Buffer
	if _, err := PDF(&buf, in); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	// Lines are joined: a wrapped text must read whole once breaks go.
	text := strings.NewReplacer("\n", "", " ", "", "\f", "").Replace(string(out))
	for _, v := range in.Teams {
		if !strings.Contains(text, strings.ReplaceAll(v.Team.Name, " ", "")) {
			t.Errorf("team name %q missing", v.Team.Name)
		}
	}
	for k, s := range longTexts {
		if !strings.Contains(text, strings.ReplaceAll(s, " ", "")) {
			t.Errorf("long text %s not found whole", k)
		}
	}
	for _, want := range []string{"第1页共", "目录", "服务团材料汇总表", "实施成效统计"} {
		if !strings.Contains(text, want) {
			t.Errorf("%q missing", want)
		}
	}
	if requireTool(t, "pdffonts") != "" {
		fo, err := exec.Command("pdffonts", path).Output()
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(string(fo), "\n")[2:] {
			f := strings.Fields(l)
			if len(f) >= 5 && f[len(f)-5] != "yes" {
				t.Errorf("font not embedded: %s", l)
			}
		}
	}
}

func TestConsolidate(t *testing.T) {
	in := testInput(t)
	outbox, share := t.TempDir(), t.TempDir()
	r, err := Consolidate(context.Background(), in, outbox, share)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Changed || filepath.Base(r.Dir) != "2026-11-21" {
		t.Fatalf("first run: %+v", r)
	}
	for _, p := range []string{r.PDF, r.XLSX, r.Manifest, filepath.Join(share, "2026-11-21", PDFName)} {
		if _, err := os.Stat(p); err != nil {
			t.Error(err)
		}
	}
	in.Generated = in.Generated.Add(24 * 3600e9)
	r2, err := Consolidate(context.Background(), in, outbox, "")
	if err != nil {
		t.Fatal(err)
	}
	if r2.Changed || r2.Dir != r.Dir {
		t.Fatalf("same inputs next night: %+v", r2)
	}
	in.Teams[0].Documents[0].SHA256 = "changed"
	r3, err := Consolidate(context.Background(), in, outbox, "")
	if err != nil {
		t.Fatal(err)
	}
	if !r3.Changed || filepath.Base(r3.Dir) != "2026-11-22" {
		t.Fatalf("changed inputs: %+v", r3)
	}
	ents, _ := os.ReadDir(outbox)
	if len(ents) != 2 {
		t.Errorf("outbox holds %d entries, want 2 package folders", len(ents))
	}
}

package ocr

import (
	"context"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// engineForTest returns a real tesseract engine, or skips (fails with
// DOSSIER_REQUIRE_TOOLS=1) when tesseract or its languages are missing.
func engineForTest(t *testing.T) *Engine {
	t.Helper()
	e, err := New(context.Background(), Config{TempDir: t.TempDir()})
	if err != nil {
		if os.Getenv("DOSSIER_REQUIRE_TOOLS") == "1" {
			t.Fatalf("tesseract needed (DOSSIER_REQUIRE_TOOLS=1): %v", err)
		}
		t.Skipf("tesseract not available: %v", err)
	}
	return e
}

func loadPNG(t *testing.T, name string) image.Image {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// TestSealedLineReads: a red seal stamped over a date line (its star over
// the colon and the first digit) does not hide the date once its ink is
// dropped; the unsealed line reads the same.
func TestSealedLineReads(t *testing.T) {
	e := engineForTest(t)
	for _, name := range []string{"plain-line.png", "sealed-line.png"} {
		t.Run(name, func(t *testing.T) {
			pg, err := e.Recognize(context.Background(), loadPNG(t, name), 300)
			if err != nil {
				t.Fatal(err)
			}
			got := strings.ReplaceAll(pg.Text(), " ", "")
			if !strings.Contains(got, "2026年11月5日") || !strings.Contains(got, "报告日期") {
				t.Errorf("read %q, want the date line 报告日期：2026年11月5日", got)
			}
			if strings.Contains(got, "审计专用章") || strings.Contains(got, "事务所") {
				t.Errorf("read %q: the seal's own text was not dropped", got)
			}
			if raw, err := exec.Command("tesseract", filepath.Join("testdata", name), "stdout", "-l", "chi_sim+eng").Output(); err == nil {
				t.Logf("bare tesseract reads %q", strings.TrimSpace(string(raw)))
			}
		})
	}
}

// TestReadDigits: two amounts read again as digits alone, one region each,
// in one tesseract run; an empty region reads as nothing.
func TestReadDigits(t *testing.T) {
	e := engineForTest(t)
	if !e.HasLanguage(DigitsLanguage) {
		if os.Getenv("DOSSIER_REQUIRE_TOOLS") == "1" {
			t.Fatalf("tesseract-ocr-%s needed (DOSSIER_REQUIRE_TOOLS=1)", DigitsLanguage)
		}
		t.Skipf("tesseract has no %s", DigitsLanguage)
	}
	gray := Prepare(loadPNG(t, "amounts.png"))
	boxes := []image.Rectangle{image.Rect(35, 30, 200, 70), image.Rect(35, 100, 220, 140), image.Rect(400, 20, 560, 60)}
	texts, confs, err := e.ReadDigits(context.Background(), gray, boxes, 200)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"7,265.13", "12,101.91", ""}
	for i := range want {
		if texts[i] != want[i] {
			t.Errorf("region %d read %q, want %q", i, texts[i], want[i])
		}
		if (want[i] != "") != (confs[i] > 0.5) {
			t.Errorf("region %d confidence %.2f", i, confs[i])
		}
	}
}

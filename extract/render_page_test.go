package extract

import (
	"context"
	"errors"
	"image"
	"path/filepath"
	"testing"
)

// TestRenderPage: a page renders at the asked resolution (a Letter page
// at 100 dpi is 850×1100), its ink is there, and a page outside the document
// is ErrNoPage.
func TestRenderPage(t *testing.T) {
	ex := testExtractor(t)
	path := filepath.Join("testdata", "chromium-cjk.pdf")
	ctx := context.Background()
	n, err := ex.PageCount(ctx, path)
	if err != nil || n < 1 {
		t.Fatalf("PageCount = %d, %v", n, err)
	}
	img, err := ex.RenderPage(ctx, path, 1, 100)
	if err != nil {
		t.Fatal(err)
	}
	b := img.Bounds()
	if b.Dx() != 850 || b.Dy() != 1100 {
		t.Errorf("page 1 at 100 dpi is %v, want 850×1100", b.Size())
	}
	if dark := darkShare(img); dark < 0.002 || dark > 0.3 {
		t.Errorf("dark pixel share %.4f: no text rendered", dark)
	}
	if _, err := ex.RenderPage(ctx, path, n+1, 100); !errors.Is(err, ErrNoPage) {
		t.Errorf("page %d of %d: err = %v, want ErrNoPage", n+1, n, err)
	}
}

func TestBoundDPI(t *testing.T) {
	tests := []struct {
		name string
		w, h float64
		dpi  int
		want int
	}{
		{"a4 300", 595, 842, 300, 300},
		{"default", 595, 842, 0, 150},
		{"huge page lowered", 14400, 14400, 300, 31},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := boundDPI(tt.w, tt.h, tt.dpi); got != tt.want {
				t.Errorf("boundDPI = %d, want %d", got, tt.want)
			}
		})
	}
}

func darkShare(img image.Image) float64 {
	b := img.Bounds()
	dark, all := 0, 0
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			r, g, bl, _ := img.At(x, y).RGBA()
			if (r+g+bl)/3 < 0x8000 {
				dark++
			}
			all++
		}
	}
	return float64(dark) / float64(all)
}

package ocr

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"math"
	"testing"
)

// TestPrepareDropsRed: a red stamp over black strokes leaves the strokes
// black and turns the stamp's own ink nearly white; grey and white stay.
func TestPrepareDropsRed(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 200, 100))
	for y := 0; y < 100; y++ {
		for x := 0; x < 200; x++ {
			img.Set(x, y, color.RGBA{255, 255, 255, 255})
		}
	}
	// black strokes (text) across the page
	for y := 40; y < 50; y++ {
		for x := 10; x < 190; x++ {
			if x%20 < 12 {
				img.Set(x, y, color.RGBA{20, 20, 20, 255})
			}
		}
	}
	// a red seal over them, multiplied as ink over ink
	for y := 0; y < 100; y++ {
		for x := 0; x < 200; x++ {
			if math.Hypot(float64(x-100), float64(y-50)) < 45 {
				c := img.RGBAAt(x, y)
				img.Set(x, y, color.RGBA{uint8(int(c.R) * 214 / 255), uint8(int(c.G) * 38 / 255), uint8(int(c.B) * 45 / 255), 255})
			}
		}
	}
	g := Prepare(img)
	tests := []struct {
		name     string
		x, y     int
		min, max uint8
	}{
		{"stroke under the seal stays dark", 100, 45, 0, 60},
		{"stroke outside the seal stays dark", 25, 45, 0, 60},
		{"seal ink alone turns light", 100, 20, 200, 255},
		{"seal ink between strokes turns light", 115, 45, 200, 255},
		{"paper stays white", 5, 5, 250, 255},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if v := g.GrayAt(tt.x, tt.y).Y; v < tt.min || v > tt.max {
				t.Errorf("gray at (%d,%d) = %d, want %d..%d", tt.x, tt.y, v, tt.min, tt.max)
			}
		})
	}
}

// TestDropRedKeepsDarkColours: blue or dark ink is text, not a seal.
func TestDropRedKeepsDarkColours(t *testing.T) {
	tests := []struct {
		name    string
		r, g, b uint8
		max     uint8
	}{
		{"blue ink", 20, 40, 160, 80},
		{"black", 0, 0, 0, 5},
		{"dark red-black (text under a seal)", 90, 10, 12, 100},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if v := dropRed(tt.r, tt.g, tt.b, 255); v > tt.max {
				t.Errorf("dropRed = %d, want ≤ %d", v, tt.max)
			}
		})
	}
}

// TestSkew: lines of dashes tilted by a known angle are found within
// 0.15°, and Rotate levels them.
func TestSkew(t *testing.T) {
	for _, deg := range []float64{-2, -0.8, 0, 1.5, 2.5} {
		t.Run(fmt.Sprintf("%+.1f°", deg), func(t *testing.T) {
			g := tiltedLines(1200, 1600, deg)
			got := Skew(g)
			if math.Abs(got-deg) > 0.15 {
				t.Fatalf("Skew = %.2f, want %.2f", got, deg)
			}
			if back := Skew(Rotate(g, got)); math.Abs(back) > 0.15 {
				t.Errorf("after Rotate the skew is %.2f, want 0", back)
			}
		})
	}
}

// tiltedLines draws text-like lines of dashes running downhill by deg.
func tiltedLines(w, h int, deg float64) *image.Gray {
	g := image.NewGray(image.Rect(0, 0, w, h))
	for i := range g.Pix {
		g.Pix[i] = 255
	}
	tan := math.Tan(deg * math.Pi / 180)
	for y0 := 100; y0 < h-100; y0 += 60 {
		for x := 80; x < w-80; x++ {
			if (x/14)%3 == 2 {
				continue // gaps between words
			}
			yc := float64(y0) + float64(x)*tan
			for dy := -10; dy <= 10; dy++ {
				y := int(yc) + dy
				if y >= 0 && y < h && (x+dy)%3 != 0 {
					g.Pix[y*g.Stride+x] = 10
				}
			}
		}
	}
	return g
}

// TestPrepareJPEGPixels: a JPEG's pixels (YCbCr) are prepared as the same
// picture in RGBA is, red seal and black text alike.
func TestPrepareJPEGPixels(t *testing.T) {
	src := image.NewRGBA(image.Rect(0, 0, 64, 48))
	for y := 0; y < 48; y++ {
		for x := 0; x < 64; x++ {
			c := color.RGBA{250, 248, 240, 255} // paper
			switch {
			case x > 8 && x < 20:
				c = color.RGBA{20, 20, 25, 255} // text
			case x > 30 && x < 50 && y > 10 && y < 30:
				c = color.RGBA{220, 40, 45, 255} // seal
			case x >= 50:
				c = color.RGBA{uint8(4 * y), 120, uint8(5 * x / 2), 255}
			}
			src.Set(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, src, &jpeg.Options{Quality: 95}); err != nil {
		t.Fatal(err)
	}
	img, err := jpeg.Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	yc, ok := img.(*image.YCbCr)
	if !ok {
		t.Fatalf("decoded %T, want *image.YCbCr", img)
	}
	rgba := image.NewRGBA(yc.Bounds())
	draw.Draw(rgba, rgba.Bounds(), yc, yc.Bounds().Min, draw.Src)
	fast, slow := Prepare(yc), Prepare(rgba)
	for i := range fast.Pix {
		if fast.Pix[i] != slow.Pix[i] {
			t.Fatalf("pixel %d: %d from YCbCr, %d from RGBA", i, fast.Pix[i], slow.Pix[i])
		}
	}
	if fast.Pix[35+20*64] < 240 {
		t.Errorf("the seal's pixel is %d, want paper", fast.Pix[35+20*64])
	}
}

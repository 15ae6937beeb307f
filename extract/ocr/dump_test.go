package ocr

import (
	"context"
	"fmt"
	"image"
	_ "image/jpeg"
	_ "image/png"
	"os"
	"testing"
	"time"
)

// TestDumpOCR prints what the engine reads from the image in $OCR_DUMP.
func TestDumpOCR(t *testing.T) {
	p := os.Getenv("OCR_DUMP")
	if p == "" {
		t.Skip("OCR_DUMP not set")
	}
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	img, _, err := image.Decode(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	e, err := New(context.Background(), Config{TempDir: t.TempDir(), Languages: os.Getenv("OCR_LANGS")})
	if err != nil {
		t.Fatal(err)
	}
	if out := os.Getenv("OCR_PREP_OUT"); out != "" {
		g := Prepare(img)
		if a := Skew(g); a != 0 {
			g = Rotate(g, a)
		}
		f, _ := os.Create(out)
		writePGM(f, g)
		f.Close()
		return
	}
	start := time.Now()
	pg, err := e.Recognize(context.Background(), img, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range pg.Lines {
		mn := 1.0
		for _, w := range l.Words {
			mn = min(mn, w.Conf)
		}
		fmt.Printf("%.2f %s\n", mn, l.Text)
	}
	fmt.Printf("skew %.2f in %v\n", pg.Skew, time.Since(start))
}

// TestDumpFrames prints the square frames found on the image in $OCR_FRAMES.
func TestDumpFrames(t *testing.T) {
	p := os.Getenv("OCR_FRAMES")
	if p == "" {
		t.Skip("OCR_FRAMES not set")
	}
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	img, _, err := image.Decode(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	g := Prepare(img)
	start := time.Now()
	fr := FindFrames(g, 6, 80)
	for _, x := range fr {
		fmt.Printf("%v %.3f\n", x.Box, x.Ink)
	}
	fmt.Printf("%d frames in %v\n", len(fr), time.Since(start))
}

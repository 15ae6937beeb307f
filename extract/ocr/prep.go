package ocr

import (
	"bufio"
	"fmt"
	"image"
	"image/color"
	"io"
)

// Prepare turns a page image into grayscale with red and near-red ink
// dropped: a seal or a red-ink signature over a line must not hide the
// line. Red ink reflects red light, so a pixel's red channel sees through
// it while black ink stays black in every channel (a scanner's "red
// dropout"); where red clearly dominates, the pixel is lightened further.
func Prepare(img image.Image) *image.Gray {
	b := img.Bounds()
	out := image.NewGray(image.Rect(0, 0, b.Dx(), b.Dy()))
	switch src := img.(type) {
	case *image.RGBA:
		for y := 0; y < b.Dy(); y++ {
			row := src.Pix[(y+b.Min.Y-src.Rect.Min.Y)*src.Stride+(b.Min.X-src.Rect.Min.X)*4:]
			o := out.Pix[y*out.Stride:]
			for x := 0; x < b.Dx(); x++ {
				p := row[x*4 : x*4+4]
				o[x] = dropRed(p[0], p[1], p[2], p[3])
			}
		}
	case *image.YCbCr: // a JPEG: converted here, not through color.Model (its allocations cost a third of a page's Go time)
		byRows(b.Dy(), func(y0, y1 int) {
			for y := y0; y < y1; y++ {
				o := out.Pix[y*out.Stride:]
				for x := 0; x < b.Dx(); x++ {
					yi, ci := src.YOffset(b.Min.X+x, b.Min.Y+y), src.COffset(b.Min.X+x, b.Min.Y+y)
					r, g, bl := color.YCbCrToRGB(src.Y[yi], src.Cb[ci], src.Cr[ci])
					o[x] = dropRed(r, g, bl, 255)
				}
			}
		})
	case *image.Gray:
		for y := 0; y < b.Dy(); y++ {
			copy(out.Pix[y*out.Stride:y*out.Stride+b.Dx()], src.Pix[(y+b.Min.Y-src.Rect.Min.Y)*src.Stride+(b.Min.X-src.Rect.Min.X):])
		}
	default:
		for y := 0; y < b.Dy(); y++ {
			for x := 0; x < b.Dx(); x++ {
				c := color.RGBAModel.Convert(img.At(b.Min.X+x, b.Min.Y+y)).(color.RGBA)
				out.Pix[y*out.Stride+x] = dropRed(c.R, c.G, c.B, c.A)
			}
		}
	}
	return out
}

// dropRed maps one pixel to gray: luminance for neutral colours; paper
// white for red ink and its pale fringes; the red channel where black
// lies under red ink. A premultiplied pixel with
// alpha below 255 is composed over white first.
func dropRed(r, g, b, a uint8) uint8 {
	if a < 255 {
		r, g, b = r+255-a, g+255-a, b+255-a
	}
	ri, gi, bi := int(r), int(g), int(b)
	d := ri - max(gi, bi)
	switch {
	case d > 15 && ri > 150:
		// red ink on paper, and its pale fringes (JPEG, blur): paper
		if d >= 45 {
			return 255
		}
		return uint8(min(ri+(255-ri)*d/45, 255))
	case d > 40:
		// black under red ink: what is left is as dark as the red channel
		return r
	}
	return uint8((299*ri + 587*gi + 114*bi) / 1000)
}

// writePGM writes a binary PGM (P5), which tesseract (leptonica) reads
// without the cost of compressing a PNG.
func writePGM(w io.Writer, g *image.Gray) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	b := g.Bounds()
	if _, err := fmt.Fprintf(bw, "P5\n%d %d\n255\n", b.Dx(), b.Dy()); err != nil {
		return err
	}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		i := g.PixOffset(b.Min.X, y)
		if _, err := bw.Write(g.Pix[i : i+b.Dx()]); err != nil {
			return err
		}
	}
	return bw.Flush()
}

package ocr

import (
	"image"
	"math"
	"runtime"
	"sync"
)

// MaxSkew is the widest tilt Skew looks for, in degrees.
const MaxSkew = 3.0

// Skew estimates by how many degrees the text lines of a page run
// downhill to the right (positive: the right end lower), within ±MaxSkew,
// by a projection-profile search: the angle at which the dark pixels'
// row histogram is sharpest. It works on a copy reduced to about 75 dpi.
func Skew(g *image.Gray) float64 {
	pts, h := darkPoints(g, 4)
	if len(pts) < 200 {
		return 0
	}
	best, bestScore := 0.0, -1.0
	try := func(deg float64) {
		if s := profileScore(pts, h, deg); s > bestScore {
			best, bestScore = deg, s
		}
	}
	for d := -MaxSkew; d <= MaxSkew+1e-9; d += 0.25 {
		try(d)
	}
	c := best
	for d := c - 0.25; d <= c+0.25+1e-9; d += 0.05 {
		try(d)
	}
	return math.Round(best*100) / 100
}

// darkPoints samples every step-th pixel and returns the dark ones, in
// sample coordinates, and the sample height.
func darkPoints(g *image.Gray, step int) ([][2]int32, int) {
	b := g.Bounds()
	var pts [][2]int32
	for y := b.Min.Y; y < b.Max.Y; y += step {
		for x := b.Min.X; x < b.Max.X; x += step {
			if g.Pix[g.PixOffset(x, y)] < 128 {
				pts = append(pts, [2]int32{int32((x - b.Min.X) / step), int32((y - b.Min.Y) / step)})
			}
		}
	}
	return pts, b.Dy()/step + 1
}

// profileScore is the sum of squared row counts after shearing the points
// back by deg: lines of text give tall narrow peaks when level.
func profileScore(pts [][2]int32, h int, deg float64) float64 {
	t := math.Tan(deg * math.Pi / 180)
	pad := h
	bins := make([]float64, 3*h)
	for _, p := range pts {
		y := int(math.Round(float64(p[1])-float64(p[0])*t)) + pad
		if y >= 0 && y < len(bins) {
			bins[y]++
		}
	}
	s := 0.0
	for _, v := range bins {
		s += v * v
	}
	return s
}

// Rotate turns g by deg degrees about its centre so that lines running
// downhill by deg become level (bilinear; uncovered corners white).
func Rotate(g *image.Gray, deg float64) *image.Gray {
	b := g.Bounds()
	w, h := b.Dx(), b.Dy()
	out := image.NewGray(image.Rect(0, 0, w, h))
	sin, cos := math.Sincos(deg * math.Pi / 180)
	cx, cy := float64(w)/2, float64(h)/2
	byRows(h, func(y0, y1 int) {
		for y := y0; y < y1; y++ {
			dy := float64(y) - cy
			o := out.Pix[y*out.Stride:]
			for x := 0; x < w; x++ {
				dx := float64(x) - cx
				sx := cx + dx*cos - dy*sin
				sy := cy + dx*sin + dy*cos
				o[x] = bilinear(g, b, sx, sy)
			}
		}
	})
	return out
}

// byRows runs f over rows [0, h) split into one band per CPU (at most
// four), at once; each band writes only its own rows.
func byRows(h int, f func(y0, y1 int)) {
	n := min(runtime.GOMAXPROCS(0), 4, max(h/64, 1))
	var wg sync.WaitGroup
	for i := range n {
		y0, y1 := h*i/n, h*(i+1)/n
		wg.Add(1)
		go func() {
			defer wg.Done()
			f(y0, y1)
		}()
	}
	wg.Wait()
}

func bilinear(g *image.Gray, b image.Rectangle, x, y float64) uint8 {
	x0, y0 := int(math.Floor(x)), int(math.Floor(y))
	if x0 < 0 || y0 < 0 || x0+1 >= b.Dx() || y0+1 >= b.Dy() {
		return 255
	}
	fx, fy := x-float64(x0), y-float64(y0)
	i := g.PixOffset(b.Min.X+x0, b.Min.Y+y0)
	p00, p10 := float64(g.Pix[i]), float64(g.Pix[i+1])
	p01, p11 := float64(g.Pix[i+g.Stride]), float64(g.Pix[i+g.Stride+1])
	v := p00*(1-fx)*(1-fy) + p10*fx*(1-fy) + p01*(1-fx)*fy + p11*fx*fy
	return uint8(v + 0.5)
}

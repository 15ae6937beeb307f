package scanset

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Expected is one line of a sample set's expected.jsonl (the keys score.py reads).
type Expected struct {
	Path     string         `json:"path"`
	Kind     string         `json:"kind"`
	Team     string         `json:"team"`
	Fields   map[string]any `json:"fields"`
	Verdict  string         `json:"verdict"`
	Rules    []string       `json:"rules"`
	Received string         `json:"received"`
	Producer string         `json:"producer"`
	// Source and Variant say how the scan was made (not read by score.py).
	Source  string `json:"source,omitempty"`
	Variant string `json:"variant,omitempty"`
}

// Options say where the samples are and how much to make.
type Options struct {
	Samples string // a sample set: SAMPLES/inbox and SAMPLES/expected.jsonl
	Out     string // the scan set is written to OUT/inbox and OUT/expected.jsonl
	Limit   int    // at most this many documents (0 = all)
	// Producers: the source PDFs' producers taken (prefixes); nil = the
	// public samples' own, "libreoffice". A producer naming a scan never is.
	Producers []string
	Font      string // a CJK TrueType font for the seal's text ("" = LXGW WenKai)
}

// ErrTools: pdftoppm or convert is missing.
var ErrTools = errors.New("scanset: pdftoppm and ImageMagick's convert are needed")

// sumRules can be triggered by one misread digit: on a scan, a document
// they alone reject waits for a clerk instead (F012).
var sumRules = map[string]bool{"A002": true, "S005": true}

// Generate makes the scan set. It returns the expected results written.
func Generate(ctx context.Context, o Options) ([]Expected, error) {
	for _, tool := range []string{"pdftoppm", "convert"} {
		if _, err := exec.LookPath(tool); err != nil {
			return nil, fmt.Errorf("%w: %s not found", ErrTools, tool)
		}
	}
	if o.Font == "" {
		o.Font = "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf"
	}
	src, err := readExpected(filepath.Join(o.Samples, "expected.jsonl"))
	if err != nil {
		return nil, err
	}
	var out []Expected
	for _, e := range src {
		if (e.Kind != "audit" && e.Kind != "survey") || !o.takes(e.Producer) ||
			strings.Contains(e.Producer, "scan") || !strings.HasSuffix(e.Path, ".pdf") {
			continue
		}
		if o.Limit > 0 && len(out) >= o.Limit {
			break
		}
		v := variantFor(len(out), e.Kind)
		x, err := makeScan(ctx, o, e, v)
		if err != nil {
			return nil, fmt.Errorf("make scan of %s: %w", e.Path, err)
		}
		out = append(out, x)
	}
	if err := writeExpected(filepath.Join(o.Out, "expected.jsonl"), out); err != nil {
		return nil, err
	}
	return out, nil
}

// takes reports whether a source made by producer is scanned.
func (o Options) takes(producer string) bool {
	ps := o.Producers
	if ps == nil {
		ps = []string{"libreoffice"}
	}
	for _, p := range ps {
		if strings.HasPrefix(producer, p) {
			return true
		}
	}
	return false
}

// variant is how one document is scanned.
type variant struct {
	DPI     int
	Angle   float64 // degrees, clockwise
	Quality int     // JPEG quality
	Noise   float64 // ImageMagick -attenuate for Gaussian noise
	Blur    float64 // sigma in pixels at 300 dpi
	Photo   bool    // a photographed single page (JPG) instead of a scanned PDF
}

func (v variant) String() string {
	kind := "scan-pdf"
	if v.Photo {
		kind = "photo-jpg"
	}
	return fmt.Sprintf("%s %ddpi rot%+.1f q%d noise%.2f blur%.1f", kind, v.DPI, v.Angle, v.Quality, v.Noise, v.Blur)
}

// variantFor spreads the documents over resolutions, tilts and qualities
// deterministically; every fifth audit report is photographed.
func variantFor(i int, kind string) variant {
	dpis := []int{150, 200, 300}
	angles := []float64{-2, 1.3, -0.7, 2, 0.4, -1.6, 1.8, -1.1}
	v := variant{
		DPI:     dpis[i%3],
		Angle:   angles[i%len(angles)],
		Quality: 55 + (i*7)%30,
		Noise:   0.2 + float64(i%4)*0.1,
		Blur:    0.4 + float64(i%3)*0.2,
	}
	if kind == "audit" && i%5 == 2 {
		v.Photo, v.DPI = true, 200
	}
	return v
}

func makeScan(ctx context.Context, o Options, e Expected, v variant) (Expected, error) {
	tmp, err := os.MkdirTemp("", "scanset-*")
	if err != nil {
		return e, err
	}
	defer os.RemoveAll(tmp)
	srcPath := filepath.Join(o.Samples, "inbox", filepath.FromSlash(e.Path))
	if err := run(ctx, "pdftoppm", "-r", fmt.Sprint(v.DPI), "-png", srcPath, filepath.Join(tmp, "p")); err != nil {
		return e, err
	}
	pages, _ := filepath.Glob(filepath.Join(tmp, "p-*.png"))
	sort.Strings(pages)
	if len(pages) == 0 {
		return e, fmt.Errorf("pdftoppm made no pages")
	}
	var jpgs []string
	for i, p := range pages {
		last := i == len(pages)-1
		seal := ""
		if e.Kind == "audit" && last {
			seal = filepath.Join(tmp, "seal.png")
			firm, _ := e.Fields["auditor"].(string)
			if err := drawSeal(ctx, seal, firm, v.DPI, o.Font); err != nil {
				return e, err
			}
		}
		jpg := strings.TrimSuffix(p, ".png") + ".jpg"
		if err := degrade(ctx, p, jpg, seal, v); err != nil {
			return e, err
		}
		jpgs = append(jpgs, jpg)
	}
	dir := filepath.Dir(e.Path)
	base := strings.TrimSuffix(filepath.Base(e.Path), ".pdf")
	x := e
	x.Source, x.Variant, x.Producer = e.Path, v.String(), "scanset"
	x.Verdict = scanVerdict(e)
	var dst string
	if v.Photo {
		x.Path = dir + "/" + base + "-拍照.jpg"
		dst = filepath.Join(o.Out, "inbox", filepath.FromSlash(x.Path))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return e, err
		}
		if err := copyFile(jpgs[0], dst); err != nil {
			return e, err
		}
		if len(jpgs) > 1 {
			x.Fields = nil // only the first page was photographed
		}
	} else {
		x.Path = dir + "/" + base + "-扫描件.pdf"
		dst = filepath.Join(o.Out, "inbox", filepath.FromSlash(x.Path))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return e, err
		}
		if err := WrapJPEGs(dst, jpgs, v.DPI); err != nil {
			return e, err
		}
	}
	if t, err := time.Parse(time.RFC3339, e.Received); err == nil {
		os.Chtimes(dst, t, t)
	}
	return x, nil
}

// scanVerdict is what a scan of a document should get: the source's own
// verdict, except that a document rejected only by a sum (A002, S005)
// waits for a clerk, since on a scan one misread digit breaks a sum (F012).
func scanVerdict(e Expected) string {
	if e.Verdict != "rejected" {
		return e.Verdict
	}
	for _, r := range e.Rules {
		if !sumRules[r] && !strings.HasPrefix(r, "D") {
			return e.Verdict
		}
	}
	return "review"
}

// drawSeal draws a red seal, a circle with a star and the firm's name, on
// a transparent canvas sized for dpi (a 42 mm seal).
func drawSeal(ctx context.Context, out, firm string, dpi int, font string) error {
	d := int(42.0 / 25.4 * float64(dpi))
	c := float64(d) / 2
	r := c - float64(dpi)/50
	star := starPolygon(c, c, c*0.28, c*0.11)
	if firm == "" {
		firm = "会计师事务所"
	}
	if n := []rune(firm); len(n) > 12 {
		firm = string(n[len(n)-12:])
	}
	return run(ctx, "convert", "-size", fmt.Sprintf("%dx%d", d, d), "xc:none",
		"-stroke", "rgb(214,38,45)", "-strokewidth", fmt.Sprint(max(2, dpi/45)), "-fill", "none",
		"-draw", fmt.Sprintf("circle %.0f,%.0f %.0f,%.0f", c, c, c, c-r),
		"-stroke", "none", "-fill", "rgb(214,38,45)", "-draw", "polygon "+star,
		"-font", font, "-pointsize", fmt.Sprint(float64(dpi)*0.11),
		"-gravity", "north", "-annotate", fmt.Sprintf("+0+%d", d/7), firm,
		"-gravity", "south", "-annotate", fmt.Sprintf("+0+%d", d/6), "审计专用章",
		out)
}

func starPolygon(cx, cy, ro, ri float64) string {
	var pts []string
	for k := 0; k < 10; k++ {
		rad := ro
		if k%2 == 1 {
			rad = ri
		}
		a := -math.Pi/2 + float64(k)*math.Pi/5
		pts = append(pts, fmt.Sprintf("%.0f,%.0f", cx+rad*math.Cos(a), cy+rad*math.Sin(a)))
	}
	return strings.Join(pts, " ")
}

// degrade stamps the seal over the last lines of text (multiplied, as ink
// over ink), then tilts, blurs, adds noise and saves as JPEG.
func degrade(ctx context.Context, in, out, seal string, v variant) error {
	args := []string{in}
	if seal != "" {
		// the content's bounding box: the seal's centre goes over its last lines
		geo, err := output(ctx, "convert", in, "-format", "%@", "info:")
		if err != nil {
			return err
		}
		var w, h, x, y int
		fmt.Sscanf(strings.ReplaceAll(strings.ReplaceAll(geo, "x", " "), "+", " "), "%d %d %d %d", &w, &h, &x, &y)
		d := int(42.0 / 25.4 * float64(v.DPI))
		sx, sy := x+w*55/100-d/2, y+h-d*2/3
		args = append(args, seal, "-geometry", fmt.Sprintf("+%d+%d", sx, sy), "-compose", "Multiply", "-composite", "-compose", "Over")
	}
	blur := v.Blur * float64(v.DPI) / 300
	args = append(args, "-background", "white", "-rotate", fmt.Sprintf("%.2f", v.Angle),
		"-blur", fmt.Sprintf("0x%.2f", blur), "-attenuate", fmt.Sprintf("%.2f", v.Noise), "+noise", "Gaussian")
	if v.Photo {
		// uneven light and a warm cast, as under a desk lamp
		args = append(args, "(", "+clone", "-sparse-color", "Barycentric", "0,0 rgb(250,244,228) %[w],%[h] rgb(196,188,170)", ")",
			"-compose", "Multiply", "-composite")
	}
	args = append(args, "-quality", fmt.Sprint(v.Quality), out)
	return run(ctx, "convert", args...)
}

func run(ctx context.Context, name string, args ...string) error {
	_, err := output(ctx, name, args...)
	return err
}

func output(ctx context.Context, name string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = append(os.Environ(), "OMP_THREAD_LIMIT=1", "MAGICK_THREAD_LIMIT=1")
	b, err := cmd.CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("run %s: %w: %s", name, err, strings.TrimSpace(string(b)))
	}
	return string(b), nil
}

func copyFile(src, dst string) error {
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, b, 0o644)
}

func readExpected(path string) ([]Expected, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read expected results: %w", err)
	}
	defer f.Close()
	var out []Expected
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var e Expected
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			return nil, fmt.Errorf("read expected results %s: %w", path, err)
		}
		out = append(out, e)
	}
	return out, sc.Err()
}

func writeExpected(path string, es []Expected) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	var b strings.Builder
	for _, e := range es {
		j, err := json.Marshal(e)
		if err != nil {
			return err
		}
		b.Write(j)
		b.WriteByte('\n')
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

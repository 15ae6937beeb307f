package render

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/jung-kurt/gofpdf"
)

// The package's faces, after GB/T 9704's conventions adapted to a report:
// a 宋体-style serif for body text and tables, its bold for the title (in
// place of 小标宋), a 黑体-style sans for headings of the first level and
// a 楷体 for those of the second. Each is a subset (GB 2312 and the
// package's own characters; the body face the whole CJK Unified block,
// for people's names) converted to TrueType outlines by
// fonts/gen/build.py and stored gzipped; sources and licences are in
// fonts/README.md. gofpdf embeds only the glyphs a package uses.
var (
	//go:embed fonts/SongSC-Regular.ttf.gz
	songGz []byte
	//go:embed fonts/SongSC-Bold.ttf.gz
	songBoldGz []byte
	//go:embed fonts/HeiSC-Regular.ttf.gz
	heiGz []byte
	//go:embed fonts/KaiSC-Regular.ttf.gz
	kaiGz []byte
)

// face is one of the package's typefaces (a gofpdf font family).
type face string

// Faces.
const (
	faceSong  face = "song"  // body, tables, figures
	faceTitle face = "songb" // the cover's and parts' titles
	faceHei   face = "hei"   // headings, table headers
	faceKai   face = "kai"   // second-level headings, notes
)

var faceFiles = []struct {
	face face
	ttf  func() ([]byte, error)
}{{faceSong, gunzipOnce(songGz)}, {faceTitle, gunzipOnce(songBoldGz)}, {faceHei, gunzipOnce(heiGz)}, {faceKai, gunzipOnce(kaiGz)}}

// gunzipOnce decompresses an embedded font the first time it is needed;
// the bytes are then shared, read-only, by every package drawn.
func gunzipOnce(gz []byte) func() ([]byte, error) {
	return sync.OnceValues(func() ([]byte, error) {
		r, err := gzip.NewReader(bytes.NewReader(gz))
		if err != nil {
			return nil, err
		}
		return io.ReadAll(r)
	})
}

// ErrFont reports that an embedded font could not be loaded.
var ErrFont = errors.New("render: embedded font could not be loaded")

// newFpdf makes an A4 document in millimetres with the embedded fonts
// loaded and the body face selected. gofpdf's AddUTF8FontFromBytes does
// not report parse errors, so each font is checked with SetFont.
func newFpdf() (*gofpdf.Fpdf, error) {
	f := gofpdf.New("P", "mm", "A4", "")
	for _, ff := range faceFiles {
		ttf, err := ff.ttf()
		if err != nil {
			return nil, fmt.Errorf("unpack font %s: %w: %v", ff.face, ErrFont, err)
		}
		f.AddUTF8FontFromBytes(string(ff.face), "", ttf)
		f.SetFont(string(ff.face), "", 10)
		if err := f.Error(); err != nil {
			return nil, fmt.Errorf("load font %s: %w: %v", ff.face, ErrFont, err)
		}
	}
	f.SetFont(string(faceSong), "", 10)
	return f, nil
}

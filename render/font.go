package render

import (
	_ "embed"
	"errors"
	"fmt"

	"github.com/jung-kurt/gofpdf"
)

// fontTTF is LXGW WenKai Regular (OFL-1.1, fonts/OFL.txt): CJK, Latin and ¥
// in one glyf TrueType font, which gofpdf can load and subsets on output.
//
//go:embed fonts/LXGWWenKai-Regular.ttf
var fontTTF []byte

const fontFamily = "wenkai"

// ErrFont reports that the embedded font could not be loaded.
var ErrFont = errors.New("render: embedded font could not be loaded")

// newFpdf makes an A4 document in millimetres with the embedded font
// selected. gofpdf's AddUTF8FontFromBytes does not report parse errors, so
// the font is checked with SetFont.
func newFpdf() (*gofpdf.Fpdf, error) {
	f := gofpdf.New("P", "mm", "A4", "")
	f.AddUTF8FontFromBytes(fontFamily, "", fontTTF)
	f.SetFont(fontFamily, "", 10)
	if err := f.Error(); err != nil {
		return nil, fmt.Errorf("load font: %w: %v", ErrFont, err)
	}
	return f, nil
}

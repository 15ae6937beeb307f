package extract

import (
	"bytes"
	"fmt"
	"image"
	_ "image/jpeg" // register the decoders DecodeConfig uses
	_ "image/png"

	"dossier"
)

// maxImagePixels bounds a photo's declared dimensions (a decompression
// bomb declares huge ones).
const maxImagePixels = 400_000_000

// checkImage validates a JPEG or PNG from its header, and that it is not
// cut short (a JPEG ends with FFD9, a PNG with its IEND chunk).
func checkImage(data []byte, format dossier.Format) error {
	cfg, kind, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("%w: the image cannot be decoded: %v", ErrCorrupt, err)
	}
	if (format == dossier.FormatJPEG && kind != "jpeg") || (format == dossier.FormatPNG && kind != "png") {
		return fmt.Errorf("%w: the image decodes as %s", ErrCorrupt, kind)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return fmt.Errorf("%w: the image has no pixels", ErrCorrupt)
	}
	if int64(cfg.Width)*int64(cfg.Height) > maxImagePixels {
		return fmt.Errorf("%w: the image is %d×%d pixels", ErrTooLarge, cfg.Width, cfg.Height)
	}
	switch format {
	case dossier.FormatJPEG:
		if bytes.LastIndex(data, []byte{0xFF, 0xD9}) < 4 {
			return fmt.Errorf("%w: the JPEG is truncated (no end marker)", ErrCorrupt)
		}
	case dossier.FormatPNG:
		tail := data
		if len(tail) > 4096 {
			tail = tail[len(tail)-4096:]
		}
		if !bytes.Contains(tail, []byte("IEND")) {
			return fmt.Errorf("%w: the PNG is truncated (no IEND chunk)", ErrCorrupt)
		}
	}
	return nil
}

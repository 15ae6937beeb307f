package extract

import (
	"bytes"
	"fmt"
	"image"
	_ "image/jpeg" // register the decoders DecodeConfig uses
	_ "image/png"

	"dossier"
)

// checkImage validates a JPEG or PNG: its header, its declared size
// against maxPixels (limits.max_pixels; a decompression bomb declares huge
// dimensions, so this is checked before any pixel is decoded), its end (a
// JPEG ends with FFD9, a PNG with its IEND chunk), and then the whole
// image is decoded once, so a corrupt body or a truncated JPEG with an end
// marker appended is refused (F002) rather than accepted.
func checkImage(data []byte, format dossier.Format, maxPixels int64) error {
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
	if maxPixels <= 0 {
		maxPixels = DefaultMaxPixels
	}
	if int64(cfg.Width)*int64(cfg.Height) > maxPixels {
		return fmt.Errorf("%w: the image is %d×%d pixels, more than %d (limits.max_pixels)", ErrTooLarge, cfg.Width, cfg.Height, maxPixels)
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
	if _, _, err := image.Decode(bytes.NewReader(data)); err != nil {
		return fmt.Errorf("%w: the image body cannot be decoded: %v", ErrCorrupt, err)
	}
	return nil
}

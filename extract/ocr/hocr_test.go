package ocr

import (
	"image"
	"strings"
	"testing"
)

// hocrSample is a piece of tesseract 5.3's hOCR output (chi_sim,
// hocr_char_boxes=1) of a scanned audit report: the firm's name, whose
// word "(特殊" tesseract gave a word confidence of 0 with every character sure.
const hocrSample = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"
    "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">
 <head>
  <title></title>
  <meta http-equiv="Content-Type" content="text/html;charset=utf-8"/>
  <meta name='ocr-capabilities' content='ocr_page ocr_carea ocr_par ocr_line ocrx_word ocrp_wconf'/>
 </head>
 <body>
  <div class='ocr_page' id='page_1' title='image "x.pgm"; bbox 0 0 1275 1650; ppageno 0; scan_res 150 150'>
   <div class='ocr_carea' id='block_1_14' title="bbox 755 1363 1211 1384">
    <p class='ocr_par' id='par_1_15' lang='chi_sim' title="bbox 755 1363 1211 1384">
     <span class='ocr_header' id='line_1_36' title="bbox 755 1363 1211 1384; baseline 0.002 -1; x_size 28.571428; x_descenders 7.1428571; x_ascenders 7.1428571">
      <span class='ocrx_word' id='word_1_242' title='bbox 869 1363 935 1384; x_wconf 94'>
       <span class='ocrx_cinfo' title='x_bboxes 869 1363 890 1384; x_conf 99.235352'>事</span>
       <span class='ocrx_cinfo' title='x_bboxes 893 1363 935 1384; x_conf 99.161957'>务</span>
      </span>
      <span class='ocrx_word' id='word_1_244' title='bbox 951 1363 1105 1384; x_wconf 0'>
       <span class='ocrx_cinfo' title='x_bboxes 951 1363 958 1384; x_conf 83.932693'>(</span>
       <span class='ocrx_cinfo' title='x_bboxes 960 1363 982 1384; x_conf 99.228004'>特</span>
       <span class='ocrx_cinfo' title='x_bboxes 983 1363 1105 1384; x_conf 98.985519'>殊</span>
      </span>
     </span>
    </p>
   </div>
   <div class='ocr_carea' id='block_1_15' title="bbox 907 1415 1211 1489">
    <p class='ocr_par' id='par_1_16' lang='chi_sim' title="bbox 907 1415 1211 1489">
     <span class='ocr_line' id='line_1_37' title="bbox 915 1415 1211 1436; baseline 0 0">
      <span class='ocrx_word' id='word_1_253' title='bbox 915 1415 935 1436; x_wconf 93'>
       <span class='ocrx_cinfo' title='x_bboxes 915 1415 935 1436; x_conf 99.031799'>&amp;</span>
      </span>
     </span>
    </p>
   </div>
  </div>
 </body>
</html>
`

func TestParseHOCR(t *testing.T) {
	words, err := ParseHOCR(strings.NewReader(hocrSample))
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		text             string
		box              image.Rectangle
		conf             float64
		chars            string
		block, par, line int
	}{
		{"事务", image.Rect(869, 1363, 935, 1384), 0.94, "事|务", 1, 1, 1},
		{"(特殊", image.Rect(951, 1363, 1105, 1384), 0, "(|特|殊", 1, 1, 1},
		{"&", image.Rect(915, 1415, 935, 1436), 0.93, "&", 2, 2, 2},
	}
	if len(words) != len(want) {
		t.Fatalf("got %d words %+v, want %d", len(words), words, len(want))
	}
	for i, w := range want {
		g := words[i]
		var cs []string
		for _, c := range g.Chars {
			cs = append(cs, c.Text)
		}
		if g.Text != w.text || g.Box != w.box || g.Conf != w.conf || strings.Join(cs, "|") != w.chars ||
			g.Block != w.block || g.Par != w.par || g.Line != w.line {
			t.Errorf("word %d = %q %v %.2f %v %d/%d/%d, want %+v", i, g.Text, g.Box, g.Conf, cs, g.Block, g.Par, g.Line, w)
		}
	}
	if c := words[1].Chars[1]; c.Conf < 0.99 || c.Conf > 0.993 || c.Box != image.Rect(960, 1363, 982, 1384) {
		t.Errorf("char 特 = %+v, want conf 0.992 box (960,1363)-(982,1384)", c)
	}
}

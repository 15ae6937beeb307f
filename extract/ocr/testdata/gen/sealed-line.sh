#!/bin/sh
# Makes sealed-line.png: one line of black text with a red seal (circle,
# star, firm name) stamped over it as ink over ink, at about 300 dpi, and
# plain-line.png, the same line without the seal.
#   sh gen/sealed-line.sh   (from extract/ocr/testdata; needs ImageMagick)
set -e
FONT=${FONT:-/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf}
RED='rgb(214,38,45)'
convert -size 1400x260 xc:white -font "$FONT" -pointsize 50 -fill black \
	-annotate +60+150 '报告日期：2026年11月5日' plain-line.png
convert -size 420x420 xc:none -stroke "$RED" -strokewidth 10 -fill none -draw 'circle 210,210 210,14' \
	-stroke none -fill "$RED" -draw 'polygon 210,130 228,185 286,185 239,219 257,274 210,240 163,274 181,219 134,185 192,185' \
	-font "$FONT" -pointsize 40 -annotate +70+100 '沪港会计师事务所' -annotate +120+340 '审计专用章' seal.png
convert plain-line.png \( seal.png -resize 60% \) -geometry +180+4 -compose Multiply -composite \
	-colors 64 sealed-line.png
rm seal.png

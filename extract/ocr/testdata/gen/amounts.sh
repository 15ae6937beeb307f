#!/bin/sh
# Makes amounts.png: two amounts, one a line, at about 200 dpi, for
# ReadDigits (the digits-only rereading of amounts).
#   sh gen/amounts.sh   (from extract/ocr/testdata; needs ImageMagick)
set -e
FONT=${FONT:-/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf}
[ -f "$FONT" ] || FONT=/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf
convert -size 600x160 xc:white -font "$FONT" -pointsize 30 -fill black \
	-annotate +40+60 '7,265.13' -annotate +40+130 '12,101.91' -colorspace Gray amounts.png

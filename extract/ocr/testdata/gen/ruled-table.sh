#!/bin/sh
# Makes ruled-table.png: a form's ruled table as a 150-dpi scan gives it —
# a title above, a narrow section column written one character a line,
# labels on the left and short numbers on the right, thin grey rules —
# for Recognize (rules cleared, the table read as one block).
#   sh gen/ruled-table.sh   (from extract/ocr/testdata; needs ImageMagick)
set -e
FONT=${FONT:-/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc}
L=60 S=100 M=560 R=1000 T=120 H=40 N=10
draw=""
i=0
while [ $i -le $N ]; do
	y=$((T + i * H))
	draw="$draw line $S,$y $R,$y"
	i=$((i + 1))
done
draw="$draw line $L,$T $S,$T line $L,$((T + N * H)) $S,$((T + N * H))"
for x in $L $S $M $R; do draw="$draw line $x,$T $x,$((T + N * H))"; done
set -- 参加活动人数 4 服务天数合计 6 覆盖地区数量 5 覆盖单位数量 11 开展活动场次 93 \
	对接项目数量 7 培训专家人次 280 组织讲座次数 0 签订协议数量 12 帮扶县数量 1
args=""
i=0
while [ $# -gt 0 ]; do
	y=$((T + i * H + 28))
	args="$args -annotate +$((S + 10))+$y $1 -annotate +$((M + 10))+$y $2"
	shift 2
	i=$((i + 1))
done
col=""
i=0
for c in; do
	col="$col -annotate +$((L + 10))+$((T + 3 * H + 28 + i * 30)) $c"
	i=$((i + 1))
done
# shellcheck disable=SC2086
convert -size 1100x600 xc:'rgb(248,248,248)' -stroke black -strokewidth 1 -draw "$draw" \
	-stroke none -font "$FONT" -pointsize 20 -fill black \
	-annotate +300+70 '服务活动情况统计表' $args $col \
	-blur 0x0.6 -colorspace Gray -depth 8 ruled-table.png

#!/bin/sh
# Builds the unseen corpus with the real tools: LibreOffice (Writer for
# HTML, Calc for .fods → .xlsx), Chromium print-to-PDF, Ghostscript
# re-distilling, qpdf AES-256 owner-password encryption, ImageMagick JPGs.
# Then dumps each PDF's text with PDFium (extract/cmd/dumptext) beside it.
#
#   sh build.sh            # from extract/parse/testdata/unseen/gen
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
UNSEEN=${UNSEEN_OUT:-$(dirname "$HERE")}
export UNSEEN_OUT="$UNSEEN"
ROOT=$(cd "$HERE/../../../../.." && pwd)   # the module root
B=${BUILD:-/tmp/unseen-build}
mkdir -p "$UNSEEN"
rm -rf "$B" && mkdir -p "$B/out" "$B/lo" "$B/conv"
python3 "$HERE/gen.py" "$B"
cd "$B/src"
for i in 1 2 3 4; do
  convert -seed $i -size 320x213 plasma:fractal -blur 0x1 -quality 70 "img$i.jpg"
done
mkdir -p "$UNSEEN/docs"
rm -f "$UNSEEN/docs/"*
while IFS="$(printf '\t')" read -r name src conv post; do
  out="$B/out/$name"
  case "$conv" in
    lo)
      soffice -env:UserInstallation=file://$B/lo --headless --infilter="HTML (StarWriter)" --convert-to pdf:writer_pdf_Export --outdir "$B/conv" "$src" >/dev/null 2>&1
      mv "$B/conv/${src%.*}.pdf" "$out" ;;
    lo-xlsx)
      soffice -env:UserInstallation=file://$B/lo --headless --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$B/conv" "$src" >/dev/null 2>&1
      mv "$B/conv/${src%.*}.xlsx" "$out" ;;
    chromium)
      chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
        --no-pdf-header-footer --print-to-pdf="$out" "file://$B/src/$src" >/dev/null 2>&1
      # Chromium writes uncompressed object streams; pack them (keeps its Producer).
      qpdf --object-streams=generate --recompress-flate --compression-level=9 "$out" "$out.z" && mv "$out.z" "$out" ;;
    magick)
      cap=${name%.*}
      convert -seed 7 -size 400x300 plasma:fractal -quality 60 "$out" ;;
  esac
  case "$post" in
    *gs*)
      gs -q -dNOPAUSE -dBATCH -sDEVICE=pdfwrite -dPDFSETTINGS=/ebook -o "$out.gs" "$out" && mv "$out.gs" "$out" ;;
  esac
  case "$post" in
    *qpdf*)
      qpdf --encrypt "" owner-secret 256 --print=none --modify=none -- "$out" "$out.q" && mv "$out.q" "$out" ;;
  esac
  cp "$out" "$UNSEEN/docs/$name"
done < "$B/jobs.tsv"
cd "$ROOT"
for f in "$UNSEEN"/docs/*.pdf; do
  go run ./extract/cmd/dumptext "$f" > "$f.txt" 2> "$f.meta"
done
ls -la "$UNSEEN/docs"

#!/bin/sh
# Builds the second unseen corpus with the real tools:
#   sh build.sh            # from this directory; writes ../docs and ../expected.jsonl
# LibreOffice (Writer/Calc), Chromium print-to-PDF, Ghostscript re-distill,
# qpdf owner-password AES-256, ImageMagick; then PDFium's text dump of each
# PDF (.txt) and its page/image counts (.meta) via extract/cmd/dumptext.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=${WORK:-/tmp/unseen2-build}
docs="$here/../docs"
root=$(cd "$here/../../../../.." && pwd)
rm -rf "$work" "$docs"; mkdir -p "$work/out" "$docs"
python3 "$here/corpus.py" "$work"
export HOME="$work/home"; mkdir -p "$HOME"
python3 - "$work" <<'PY' > "$work/jobs"
import json, sys
for e in json.load(open(sys.argv[1] + "/plan.json")):
    print(e["src"] + "\t" + e["via"] + "\t" + e["name"])
PY
while IFS="$(printf '\t')" read -r src via name; do
  s="$work/src/$src"; stem="${src%.*}"; o="$work/out"
  case "$via" in
    lo|lo+gs|lo+qpdf) soffice --headless --convert-to pdf --outdir "$o" "$s" >/dev/null 2>&1 ;;
    chromium|chromium+qpdf) chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
        --print-to-pdf="$o/$stem.pdf" "file://$s" >/dev/null 2>&1 ;;
    xlsx) soffice --headless --convert-to xlsx --outdir "$o" "$s" >/dev/null 2>&1 ;;
    jpg) convert "$s" -quality 80 "$o/$stem.jpg" ;;
  esac
  # keep fixtures small: a big PDF is re-packed (object streams, flate 9)
  if [ -f "$o/$stem.pdf" ] && [ "$(stat -c %s "$o/$stem.pdf")" -gt 150000 ]; then
    qpdf --object-streams=generate --recompress-flate --compression-level=9 "$o/$stem.pdf" "$o/small.pdf" && mv "$o/small.pdf" "$o/$stem.pdf"
  fi
  case "$via" in
    *+gs) gs -q -dNOPAUSE -dBATCH -sDEVICE=pdfwrite -sOutputFile="$o/gs.pdf" "$o/$stem.pdf" && mv "$o/gs.pdf" "$o/$stem.pdf" ;;
    *+qpdf) qpdf --encrypt "" owner 256 -- "$o/$stem.pdf" "$o/q.pdf" && mv "$o/q.pdf" "$o/$stem.pdf" ;;
  esac
  cp "$o/$name" "$docs/$name"
done < "$work/jobs"
cd "$root"
for f in "$docs"/*.pdf; do
  go run ./extract/cmd/dumptext "$f" > "$f.txt" 2> "$f.meta.tmp"; grep -v "^go: " "$f.meta.tmp" > "$f.meta"; rm "$f.meta.tmp"
  sed -i "s#^$docs/##" "$f.meta"
done
python3 - "$work" "$here/.." <<'PY'
import json, sys
plan = json.load(open(sys.argv[1] + "/plan.json"))
with open(sys.argv[2] + "/expected.jsonl", "w", encoding="utf-8") as f:
    for e in plan:
        f.write(json.dumps({"path": e["name"], "inbox": e["inbox"], "kind": e["kind"], "team": e["team"],
                            "fields": e["fields"], "verdict": e["verdict"], "rules": e["rules"]}, ensure_ascii=False) + "\n")
PY
du -sh "$docs"

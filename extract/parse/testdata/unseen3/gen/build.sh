#!/bin/sh
# Builds the third unseen corpus with the real tools:
#   sh build.sh            # from anywhere; writes ../docs and ../expected.jsonl
# LibreOffice Calc saves the .fods as .xlsx (Calc Office Open XML) or .xlsm
# (Calc MS Excel 2007 VBA XML); Writer prints the photos document; the scan
# is LibreOffice's PDF rendered by Ghostscript to an image-only PDF
# (pdfimage24, 100 dpi). Then PDFium's text of each PDF (.txt, .meta) via
# extract/cmd/dumptext, and extract's sheets of each workbook
# (.sheets.json) via gen/dumpsheets.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=${WORK:-/tmp/unseen3-build}
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
    xlsx) soffice --headless --convert-to xlsx --outdir "$o" "$s" >/dev/null 2>&1 ;;
    xlsm) soffice --headless --convert-to 'xlsm:Calc MS Excel 2007 VBA XML' --outdir "$o" "$s" >/dev/null 2>&1 ;;
    lo) soffice --headless --convert-to pdf --outdir "$o" "$s" >/dev/null 2>&1 ;;
    lo+scan) soffice --headless --convert-to pdf --outdir "$o" "$s" >/dev/null 2>&1
      gs -q -dNOPAUSE -dBATCH -sDEVICE=pdfimage24 -r100 -sOutputFile="$o/scan.pdf" "$o/$stem.pdf"
      mv "$o/scan.pdf" "$o/$stem.pdf" ;;
  esac
  cp "$o/$name" "$docs/$name"
done < "$work/jobs"
cd "$root"
for f in "$docs"/*.pdf; do
  go run ./extract/cmd/dumptext "$f" > "$f.txt" 2> "$f.meta.tmp"; grep -v "^go: " "$f.meta.tmp" > "$f.meta"; rm "$f.meta.tmp"
  sed -i "s#^$docs/##" "$f.meta"
done
go run ./extract/parse/testdata/unseen3/gen/dumpsheets "$docs"/*.xlsx "$docs"/*.xlsm
python3 - "$work" "$here/.." <<'PY'
import json, sys
plan = json.load(open(sys.argv[1] + "/plan.json"))
with open(sys.argv[2] + "/expected.jsonl", "w", encoding="utf-8") as f:
    for e in plan:
        f.write(json.dumps({"path": e["name"], "inbox": e["inbox"], "kind": e["kind"], "team": e["team"],
                            "fields": e["fields"], "verdict": e["verdict"], "rules": e["rules"]}, ensure_ascii=False) + "\n")
PY
du -sh "$docs"

#!/bin/sh
# Builds the fourth unseen corpus with the real tools:
#   sh build.sh      # writes ../inbox/<team>/<file> and ../expected.jsonl
# Producers: LibreOffice Writer saves HTML as .docx (MS Word 2007 XML) or
# prints it to PDF; LibreOffice Calc saves an HTML table as .xlsx; Chromium
# prints HTML to PDF; raw-docx files are Word XML written by docxraw.py.
# expected.jsonl is the generator's own values (score.py's format, plus
# "approx": counts written approximately, which S010 asks to be exact).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=${WORK:-/tmp/unseen4-build}
inbox="$here/../inbox"
rm -rf "$work" "$inbox"; mkdir -p "$work/out" "$inbox"
python3 "$here/gen.py" "$work"
export HOME="$work/home"; mkdir -p "$HOME"
python3 - "$work" <<'PY' > "$work/jobs"
import json, sys
for e in json.load(open(sys.argv[1] + "/plan.json")):
    print(e["src"] + "\t" + e["via"] + "\t" + e["inbox"])
PY
while IFS="$(printf '\t')" read -r src via dest; do
  s="$work/src/$src"; stem="${src%.*}"; o="$work/out"
  case "$via" in
    writer-docx) soffice --headless --infilter="HTML (StarWriter)" --convert-to 'docx:MS Word 2007 XML' --outdir "$o" "$s" >/dev/null 2>&1; r="$o/$stem.docx" ;;
    writer-pdf) soffice --headless --infilter="HTML (StarWriter)" --convert-to 'pdf:writer_pdf_Export' --outdir "$o" "$s" >/dev/null 2>&1; r="$o/$stem.pdf" ;;
    calc-xlsx) soffice --headless --infilter="HTML (StarCalc)" --convert-to xlsx --outdir "$o" "$s" >/dev/null 2>&1; r="$o/$stem.xlsx" ;;
    chromium-pdf) chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$o/$stem.raw.pdf" "file://$s" >/dev/null 2>&1
      qpdf --object-streams=generate --compress-streams=y --recompress-flate --compression-level=9 "$o/$stem.raw.pdf" "$o/$stem.pdf"; r="$o/$stem.pdf" ;;
    raw-docx) r="$s" ;;
  esac
  mkdir -p "$inbox/$(dirname "$dest")"
  cp "$r" "$inbox/$dest"
  touch -d "2026-11-15T10:00:00+08:00" "$inbox/$dest"
done < "$work/jobs"
python3 - "$work" "$here/.." <<'PY'
import json, sys
plan = json.load(open(sys.argv[1] + "/plan.json"))
with open(sys.argv[2] + "/expected.jsonl", "w", encoding="utf-8") as f:
    for e in plan:
        f.write(json.dumps({"path": e["inbox"], "kind": e["kind"], "team": e["team"], "fields": e["fields"],
                            "verdict": e["verdict"], "rules": e["rules"], "approx": e["approx"],
                            "received": "2026-11-15T10:00:00+08:00", "producer": e["via"]}, ensure_ascii=False) + "\n")
PY
du -sh "$inbox"

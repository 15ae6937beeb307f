#!/bin/sh
# Builds the fifth unseen corpus with the real tools:
#   sh build.sh      # writes ../inbox/<folder>/<file> and ../expected.jsonl
# Producers (the "producer" of each expected line):
#   writer-docx   LibreOffice Writer saves generated HTML as .docx
#                 (filter "MS Word 2007 XML", or "Office Open XML Text" for
#                 the files gen.py marks ooxml)
#   writer-pdf    LibreOffice Writer prints generated HTML to PDF
#   calc-xlsx     LibreOffice Calc saves a generated HTML table as .xlsx
#   chromium-pdf  Chromium prints generated HTML to PDF (qpdf compresses it)
#   raw-docx      WordprocessingML written by wordml.py, as Word leaves it
# expected.jsonl holds the generator's own values and rules (score.py's
# format, plus "approx": counts written approximately, which S010 asks to
# be exact, and "producer"); selfcheck.py checks the rules against rules.md.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=${WORK:-/tmp/unseen5-build}
inbox="$here/../inbox"
rm -rf "$work" "$inbox"; mkdir -p "$work/out" "$inbox"
python3 "$here/gen.py" "$work"
python3 "$here/selfcheck.py" "$work/plan.json"
export HOME="$work/home"; mkdir -p "$HOME"
prof="-env:UserInstallation=file://$work/lo-profile"
python3 - "$work" <<'PY' > "$work/jobs"
import json, sys
for e in json.load(open(sys.argv[1] + "/plan.json")):
    print(e["src"] + "\t" + e["via"] + "\t" + e["inbox"])
PY
while IFS="$(printf '\t')" read -r src via dest; do
  s="$work/src/$src"; stem="${src%.*}"; o="$work/out"
  case "$via" in
    writer-docx)
      filt='docx:MS Word 2007 XML'
      case "$stem" in s06|m05) filt='docx:Office Open XML Text' ;; esac
      soffice "$prof" --headless --infilter="HTML (StarWriter)" --convert-to "$filt" --outdir "$o" "$s" >/dev/null 2>&1; r="$o/$stem.docx" ;;
    writer-pdf) soffice "$prof" --headless --infilter="HTML (StarWriter)" --convert-to 'pdf:writer_pdf_Export' --outdir "$o" "$s" >/dev/null 2>&1; r="$o/$stem.pdf" ;;
    calc-xlsx) soffice "$prof" --headless --infilter="HTML (StarCalc)" --convert-to 'xlsx:Calc MS Excel 2007 XML' --outdir "$o" "$s" >/dev/null 2>&1; r="$o/$stem.xlsx" ;;
    chromium-pdf) chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$o/$stem.raw.pdf" "file://$s" >/dev/null 2>&1
      qpdf --object-streams=generate --compress-streams=y --recompress-flate --compression-level=9 "$o/$stem.raw.pdf" "$o/$stem.pdf"; r="$o/$stem.pdf" ;;
    raw-docx) r="$s" ;;
    *) echo "unknown producer $via" >&2; exit 1 ;;
  esac
  test -s "$r" || { echo "no output for $src via $via" >&2; exit 1; }
  mkdir -p "$inbox/$(dirname "$dest")"
  cp "$r" "$inbox/$dest"
  touch -d "2026-11-16T14:30:00+08:00" "$inbox/$dest"
done < "$work/jobs"
python3 - "$work" "$here/.." <<'PY'
import json, sys
plan = json.load(open(sys.argv[1] + "/plan.json"))
with open(sys.argv[2] + "/expected.jsonl", "w", encoding="utf-8") as f:
    for e in plan:
        f.write(json.dumps({"path": e["inbox"], "kind": e["kind"], "team": e["team"], "fields": e["fields"],
                            "verdict": e["verdict"], "rules": e["rules"], "approx": e["approx"],
                            "received": "2026-11-16T14:30:00+08:00", "producer": e["via"]}, ensure_ascii=False) + "\n")
PY
du -sh "$inbox"

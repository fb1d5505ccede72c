#!/usr/bin/env bash
# Render check of the report .docx (docs/report.md): builds a sample report, converts it to PDF
# with LibreOffice and renders every page to PNG. Fails on a conversion error or an empty page.
# Needs (Debian): apt-get install -y --no-install-recommends libreoffice-writer fonts-thai-tlwg poppler-utils
# Usage: npm run render-check [-- OUT_DIR]   (default out/render-check)
set -euo pipefail
export LC_ALL=C
cd "$(dirname "$0")/.."
OUT="${1:-out/render-check}"
# "TH Sarabun New" (named by the .docx) is set in Sarabun (test/fonts, OFL), whose advance widths
# match it, so the render wraps lines where Word does
export FONTCONFIG_FILE="$PWD/test/fonts/fonts.conf"
mkdir -p "$OUT"
rm -f "$OUT"/*.png "$OUT"/*.pdf

for tool in libreoffice pdftoppm pdftotext pdfinfo; do
  command -v "$tool" >/dev/null || { echo "render-check: $tool not found (apt-get install libreoffice-writer fonts-thai-tlwg poppler-utils)" >&2; exit 2; }
done
fc-list :lang=th family | grep -q . || { echo "render-check: no Thai font installed (fonts-thai-tlwg)" >&2; exit 2; }
fc-match "TH Sarabun New" family | grep -qx Sarabun || { echo "render-check: TH Sarabun New does not map to Sarabun ($FONTCONFIG_FILE)" >&2; exit 2; }

start=$(date +%s.%N)
for digits in thai arabic; do
  docx="$OUT/report-sample-$digits.docx"
  npx tsx scripts/render-sample.ts "$docx" "$digits" all
  # a private LibreOffice profile, so a running instance or a stale lock does not interfere
  profile="$(mktemp -d)"
  if ! libreoffice -env:UserInstallation="file://$profile" --headless --convert-to pdf --outdir "$OUT" "$docx" >"$OUT/libreoffice-$digits.log" 2>&1; then
    cat "$OUT/libreoffice-$digits.log" >&2; rm -rf "$profile"; echo "render-check: conversion failed ($docx)" >&2; exit 1
  fi
  rm -rf "$profile"
  pdf="${docx%.docx}.pdf"
  [ -s "$pdf" ] || { echo "render-check: no PDF produced for $docx" >&2; exit 1; }
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  # the text font must be Sarabun (the metric stand-in), not a Thai fallback (only the ✓ mark,
  # which neither Sarabun nor TH Sarabun New has, may come from a symbol font)
  fonts=$(pdffonts "$pdf" | awk 'NR > 2 {sub(/^[A-Z]+\+/, "", $1); print $1}')
  if ! grep -qx Sarabun-Regular <<<"$fonts" || grep -v -e '^Sarabun-' -e '^DejaVu' <<<"$fonts" | grep -q .; then
    pdffonts "$pdf" >&2; echo "render-check: $pdf is not set in Sarabun" >&2; exit 1
  fi
  [ "${pages:-0}" -gt 0 ] || { echo "render-check: $pdf has no pages" >&2; exit 1; }
  pdftoppm -png -r 60 "$pdf" "$OUT/page-$digits"
  fail=0
  for p in $(seq 1 "$pages"); do
    # a page is empty when it has no text besides its page number
    body=$(pdftotext -f "$p" -l "$p" "$pdf" - | tr -d '[:space:]' | sed -E 's/^-([0-9]|๐|๑|๒|๓|๔|๕|๖|๗|๘|๙)+-//')
    if [ -z "$body" ]; then echo "render-check: page $p of $pdf is empty" >&2; fail=1; fi
  done
  pngs=$(ls "$OUT"/page-"$digits"-*.png | wc -l)
  [ "$pngs" -eq "$pages" ] || { echo "render-check: $pngs PNG for $pages pages ($pdf)" >&2; fail=1; }
  # every PNG must have ink: a blank white A4 page at 60 dpi compresses to well under 3 KB
  for png in "$OUT"/page-"$digits"-*.png; do
    size=$(stat -c %s "$png")
    if [ "$size" -lt 3000 ]; then echo "render-check: $png looks blank ($size bytes)" >&2; fail=1; fi
  done
  [ "$fail" -eq 0 ] || exit 1
  echo "render-check: $digits: $(stat -c %s "$docx") bytes .docx, $pages pages -> $OUT/page-$digits-*.png"
done
end=$(date +%s.%N)
awk -v a="$start" -v b="$end" 'BEGIN { printf "render-check: OK in %.1f s\n", b - a }'

#!/usr/bin/env bash
# Builds the report corpus: sources/*.fodt and sources/*.md -> built/*.docx -> built/*.pdf
#
#   ./build.sh                 rebuild every document
#   ./build.sh NAME [NAME...]  rebuild only these (NAME = file name without extension,
#                              e.g. en-who-own-report; a path or extension is tolerated)
#
# Needs: LibreOffice (soffice), pandoc. Each run uses its own throw-away LibreOffice
# profile, so it can run next to another LibreOffice instance. Safe to re-run.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
src="$here/sources"
out="$here/built"
mkdir -p "$out"

# die, lo (LibreOffice with a profile of its own) and $work
. "$here/../libreoffice.sh"

# --- which documents -------------------------------------------------------
names=()
if [ "$#" -gt 0 ]; then
  for arg in "$@"; do
    n="$(basename "$arg")"; n="${n%.fodt}"; n="${n%.md}"; n="${n%.docx}"; n="${n%.pdf}"; n="${n%.json}"
    if [ -f "$src/$n.fodt" ] || [ -f "$src/$n.md" ]; then
      names+=("$n")
    else
      die "no source for '$arg' (looked for $src/$n.fodt and $src/$n.md)"
    fi
  done
else
  shopt -s nullglob
  for f in "$src"/*.fodt "$src"/*.md; do
    n="$(basename "$f")"; names+=("${n%.*}")
  done
  shopt -u nullglob
fi
[ "${#names[@]}" -gt 0 ] || die "nothing to build in $src"

for n in "${names[@]}"; do
  if [ -f "$src/$n.fodt" ] && [ -f "$src/$n.md" ]; then die "$n has both a .fodt and a .md source; keep one"; fi
  # LibreOffice silently imports a broken .fodt as plain text: refuse anything that is not a flat ODT
  if [ -f "$src/$n.fodt" ] && ! grep -q '<office:document[ >]' "$src/$n.fodt"; then
    die "$src/$n.fodt is not a flat OpenDocument file (no <office:document>)"
  fi
done


check() { # file produced and not empty
  if [ ! -s "$1" ]; then
    [ -f "$work/soffice.log" ] && cat "$work/soffice.log" >&2
    die "conversion produced nothing: $1"
  fi
}

start=$(date +%s)

# --- step 1: sources -> DOCX --------------------------------------------------
fodts=(); mds=()
for n in "${names[@]}"; do
  rm -f "$out/$n.docx" "$out/$n.pdf"
  if [ -f "$src/$n.fodt" ]; then fodts+=("$src/$n.fodt"); else mds+=("$src/$n.md"); fi
done

if [ "${#fodts[@]}" -gt 0 ]; then
  echo "LibreOffice: ${#fodts[@]} .fodt -> .docx"
  lo --convert-to 'docx:MS Word 2007 XML' --outdir "$out" "${fodts[@]}"
fi
for md in "${mds[@]}"; do
  n="$(basename "$md" .md)"
  echo "pandoc: $n.md -> $n.docx"
  # SOURCE_DATE_EPOCH keeps pandoc's output byte-stable between runs
  SOURCE_DATE_EPOCH=1767225600 pandoc --from markdown --to docx --output "$out/$n.docx" "$md" \
    || die "pandoc failed on $md"
done
for n in "${names[@]}"; do check "$out/$n.docx"; done

# --- step 2: DOCX -> PDF (exported from the DOCX, as a partner would) -------
docx=(); for n in "${names[@]}"; do docx+=("$out/$n.docx"); done
echo "LibreOffice: ${#docx[@]} .docx -> .pdf"
lo --convert-to pdf --outdir "$out" "${docx[@]}"
for n in "${names[@]}"; do check "$out/$n.pdf"; done

for n in "${names[@]}"; do
  printf '  %-45s docx %6s B   pdf %7s B\n' "$n" "$(stat -c %s "$out/$n.docx")" "$(stat -c %s "$out/$n.pdf")"
done
echo "built ${#names[@]} document(s) in $(( $(date +%s) - start ))s"

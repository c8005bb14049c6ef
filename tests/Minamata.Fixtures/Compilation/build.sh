#!/usr/bin/env bash
# Builds the compilation fixture: sources/<meeting>/* -> <meeting>/<file as received>
#
#   ./build.sh            rebuild every file of cop7/ and cop6/
#
# The MANIFEST below says, for each source, what the secretariat received:
#   docx  the DOCX (LibreOffice "MS Word 2007 XML" export of a .fodt, or pandoc's DOCX of a .md)
#   pdf   a PDF exported by LibreOffice *from that DOCX* (as a partner would); the DOCX is not kept
#   asis  the source file itself, copied unchanged (a partner who sent Markdown or plain text)
# Output names are the source names with the extension of the output, so that cop7/ and
# cop6/ hold nothing but the received files (no per-partner sub-folders).
#
# Needs: bash, LibreOffice (soffice), pandoc. A throw-away LibreOffice profile is used, so it
# can run next to another LibreOffice instance. Safe to re-run.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

MANIFEST=(
  # meeting  source (under sources/<meeting>/)            received as
  "cop7 UNEP-MC-COP.7-INF-8.English.fodt                    docx"
  "cop7 UNEP-MC-COP.7-INF-8.French.fodt                     docx"
  "cop7 UNEP-MC-COP.7-INF-8-Rev.1.English.fodt              pdf"
  "cop7 UNEP-MC-COP.7-INF-15.English.fodt                   pdf"
  "cop7 Report_Minamata_COP7_final.fodt                     pdf"
  "cop7 contribution_cop7_v2.md                             asis"
  "cop7 report_ar_2027.md                                   docx"
  "cop7 informe_cooperacion_minamata_2027.md                docx"
  "cop7 cop7-submission-zh.md                               docx"
  "cop7 otchet_rtut_2027.md                                 docx"
  "cop6 UNEP-MC-COP.6-INF-9.English.fodt                    docx"
  "cop6 COP6_contribution_final.fodt                        pdf"
  "cop6 cooperation_report_2025.fodt                        pdf"
  "cop6 rapport_cop6_mercure.md                             docx"
  "cop6 informe_cop6.md                                     docx"
  "cop6 cop6_input.txt                                      asis"
)

# die, lo (LibreOffice with a profile of its own) and $work
. "$here/../libreoffice.sh"

check() { [ -s "$1" ] || { [ -f "$work/soffice.log" ] && cat "$work/soffice.log" >&2; die "conversion produced nothing: $1"; }; }

# start from empty output folders, so that a renamed source leaves nothing stale behind
for m in cop7 cop6; do mkdir -p "$here/$m"; rm -f "$here/$m"/*; mkdir -p "$work/$m"; done

fodts_cop7=(); fodts_cop6=()
for line in "${MANIFEST[@]}"; do
  read -r meeting src kind <<<"$line"
  path="$here/sources/$meeting/$src"
  [ -f "$path" ] || die "missing source $path"
  base="${src%.*}"
  case "$kind:$src" in
    asis:*)
      cp "$path" "$here/$meeting/$src" ;;
    docx:*.fodt|pdf:*.fodt)
      grep -q '<office:document[ >]' "$path" || die "$path is not a flat OpenDocument file"
      if [ "$meeting" = cop7 ]; then fodts_cop7+=("$path"); else fodts_cop6+=("$path"); fi ;;
    docx:*.md|pdf:*.md)
      echo "pandoc: $meeting/$src -> $base.docx"
      # SOURCE_DATE_EPOCH keeps pandoc's output byte-stable between runs
      SOURCE_DATE_EPOCH=1767225600 pandoc --from markdown --to docx --output "$work/$meeting/$base.docx" "$path" \
        || die "pandoc failed on $path" ;;
    *) die "cannot build $src as $kind" ;;
  esac
done

for m in cop7 cop6; do
  if [ "$m" = cop7 ]; then list=("${fodts_cop7[@]}"); else list=("${fodts_cop6[@]}"); fi
  if [ "${#list[@]}" -gt 0 ]; then
    echo "LibreOffice: ${#list[@]} .fodt -> .docx ($m)"
    lo --convert-to 'docx:MS Word 2007 XML' --outdir "$work/$m" "${list[@]}"
  fi
done

for line in "${MANIFEST[@]}"; do
  read -r meeting src kind <<<"$line"
  base="${src%.*}"
  case "$kind" in
    docx) check "$work/$meeting/$base.docx"; cp "$work/$meeting/$base.docx" "$here/$meeting/$base.docx" ;;
    pdf)  check "$work/$meeting/$base.docx"
          lo --convert-to pdf --outdir "$work/$meeting" "$work/$meeting/$base.docx"
          check "$work/$meeting/$base.pdf"; cp "$work/$meeting/$base.pdf" "$here/$meeting/$base.pdf" ;;
  esac
done

for m in cop7 cop6; do
  echo "$m/:"
  for f in "$here/$m"/*; do printf '  %-45s %7s B\n' "$(basename "$f")" "$(stat -c %s "$f")"; done
done

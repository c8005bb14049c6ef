#!/usr/bin/env bash
# Text extraction alone, side by side on the same files and machine, whole processes timed, on short
# (2-page) and long (20-page) documents, minamata with its default start-up and three JIT settings:
#   minamata extract --text   vs  pandoc -t plain  (DOCX)   and  pdftotext  (PDF),
# plus 1,000 small DOCX through one `minamata extract --json` process (full metadata).
# Installs pandoc, poppler-utils and hyperfine from Debian when missing. Run from the repository root:
#   bash benchmarks/compare-extract.sh
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v pandoc >/dev/null || missing+=(pandoc)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
command -v hyperfine >/dev/null || missing+=(hyperfine)
if ((${#missing[@]})); then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build -c Release benchmarks/Minamata.Benchmarks -v q -nologo >/dev/null
dotnet run -c Release --no-build --project benchmarks/Minamata.Benchmarks -- render-long "$work"
# The command as it would be installed: published ReadyToRun, so it starts without JIT-compiling
# the readers (which is most of a one-file run).
dotnet publish src/Minamata.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/minamata" -v q -nologo >/dev/null
minamata="$work/minamata/minamata"

# Start-up settings measured beside the default: quick JIT off (methods compiled fully at once),
# tiered PGO off (no instrumented tier), and tiered compilation off altogether.
variants=(
  "$minamata"
  "env DOTNET_TC_QuickJit=0 $minamata"
  "env DOTNET_TieredPGO=0 $minamata"
  "env DOTNET_TieredCompilation=0 $minamata"
)

for pages in 2 20; do
  echo "== $pages-page DOCX, text only, one process per run"
  hyperfine --warmup 3 --runs 20 -N \
    "${variants[@]/%/ extract --text $work/report-$pages.docx}" \
    "pandoc -t plain $work/report-$pages.docx"

  echo "== $pages-page PDF, text only, one process per run"
  hyperfine --warmup 3 --runs 20 -N \
    "${variants[@]/%/ extract --text $work/report-$pages.pdf}" \
    "pdftotext $work/report-$pages.pdf -"
done

echo "== 1,000 small DOCX, full metadata, one minamata process (pandoc: text only, one process per file)"
hyperfine --warmup 1 --runs 3 \
  "$minamata extract --json $work/small/*.docx > /dev/null" \
  "for f in $work/small/*.docx; do pandoc -t plain \"\$f\" > /dev/null; done"

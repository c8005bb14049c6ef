#!/usr/bin/env bash
# Text extraction alone, side by side on the same files and machine, whole processes timed, on short
# (2-page) and long (20-page) documents: minamata as installed (Native AOT), the same code published
# ReadyToRun on the JIT (the way it was installed before), and the tools people use instead:
#   minamata extract --text   vs  pandoc -t plain  (DOCX)   and  pdftotext  (PDF),
# plus 1,000 small DOCX through one `minamata extract --json` process (full metadata), native beside JIT.
# Installs pandoc, poppler-utils, hyperfine and a C toolchain from Debian when missing. Run from the
# repository root:
#   bash benchmarks/compare-extract.sh
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v pandoc >/dev/null || missing+=(pandoc)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
command -v hyperfine >/dev/null || missing+=(hyperfine)
command -v clang >/dev/null || command -v gcc >/dev/null || missing+=(clang)
if ((${#missing[@]})); then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build -c Release benchmarks/Minamata.Benchmarks -v q -nologo >/dev/null
dotnet run -c Release --no-build --project benchmarks/Minamata.Benchmarks -- render-long "$work"
# As the README installs it: one native file.
dotnet publish src/Minamata.Cli -c Release -r linux-x64 -o "$work/native" -v q -nologo >/dev/null
# The same code on the JIT, compiled ReadyToRun so it starts without JIT-compiling the readers.
dotnet publish src/Minamata.Cli -c Release -r linux-x64 --self-contained false -p:PublishAot=false -p:PublishReadyToRun=true -o "$work/jit" -v q -nologo >/dev/null
native="$work/native/minamata"
jit="$work/jit/minamata"

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
for pages in 2 20; do
  echo "== $pages-page DOCX, text only, one process per run"
  hyperfine --warmup 3 --runs 20 -N \
    "$native extract --text $work/report-$pages.docx" \
    "$jit extract --text $work/report-$pages.docx" \
    "pandoc -t plain $work/report-$pages.docx"

  echo "== $pages-page PDF, text only, one process per run"
  hyperfine --warmup 3 --runs 20 -N \
    "$native extract --text $work/report-$pages.pdf" \
    "$jit extract --text $work/report-$pages.pdf" \
    "pdftotext $work/report-$pages.pdf -"
done

echo "== start-up alone (--version)"
hyperfine --warmup 3 --runs 20 -N "$native --version" "$jit --version"

echo "== 1,000 small DOCX, full metadata, one minamata process (pandoc: text only, one process per file)"
hyperfine --warmup 1 --runs 3 \
  "$native extract --json $work/small/*.docx > /dev/null" \
  "$jit extract --json $work/small/*.docx > /dev/null" \
  "for f in $work/small/*.docx; do pandoc -t plain \"\$f\" > /dev/null; done"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"

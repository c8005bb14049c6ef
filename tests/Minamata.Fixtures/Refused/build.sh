#!/usr/bin/env bash
# Builds real files the pipeline must refuse, from a corpus document, with the tool people use:
#   word-97-2003.doc   the legacy binary Word format, saved by LibreOffice
# Needs: soffice (LibreOffice). The result is checked in, so the tests do not need it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source="$here/../Corpus/built/en-gef-report-cop7.docx"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT

soffice -env:UserInstallation="file://$profile" --headless --convert-to doc:"MS Word 97" --outdir "$profile" "$source" >/dev/null 2>&1
mv "$profile/en-gef-report-cop7.doc" "$here/word-97-2003.doc"
ls -l "$here/word-97-2003.doc"

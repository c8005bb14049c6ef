#!/usr/bin/env bash
# Builds real files the pipeline must refuse, from a corpus document, with the tool people use:
#   word-97-2003.doc   the legacy binary Word format, saved by LibreOffice
#   password.docx      a DOCX saved with the password "minamata" by LibreOffice, checked with msoffcrypto-tool
# Needs: soffice (LibreOffice), python3-uno, msoffcrypto-tool (Debian packages). The results are
# checked in, so the tests do not need them.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source="$here/../Corpus/built/en-gef-report-cop7.docx"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT

soffice -env:UserInstallation="file://$profile" --headless --convert-to doc:"MS Word 97" --outdir "$profile" "$source" >/dev/null 2>&1
mv "$profile/en-gef-report-cop7.doc" "$here/word-97-2003.doc"
ls -l "$here/word-97-2003.doc"

/usr/bin/python3 "$here/save-with-password.py" "$source" "$here/password.docx" minamata "$profile"
# The file must be one that Office's own decryption opens with the password, not merely a container.
/usr/bin/msoffcrypto-tool -p minamata "$here/password.docx" "$profile/decrypted.docx"
unzip -p "$profile/decrypted.docx" word/document.xml | grep -q "Global Environment Facility"
ls -l "$here/password.docx"

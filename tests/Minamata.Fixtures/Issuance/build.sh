#!/usr/bin/env bash
# Builds original.docx, a partner's own Word report with what an INF document must carry over
# intact: a heading, a table, a footnote and an image. Made with Debian's pandoc, so the file is a
# real Word document written by another tool; checked in, so tests need neither pandoc nor this.
#   bash tests/Minamata.Fixtures/Issuance/build.sh
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A 16x16 red square, written by hand: no image tools needed.
python3 - "$work/mercury.png" <<'PY'
import struct, sys, zlib
width = height = 16
raw = b"".join(b"\x00" + b"\xcc\x22\x22" * width for _ in range(height))
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)
PY
cat > "$work/original.md" <<'MD'
# Report of the International Labour Organization on artisanal and small-scale gold mining

The ILO supported national action plans under article 7 of the Convention in five countries.[^1]

| Country | Miners trained |
|---|---|
| Ghana | 1,200 |
| Peru | 850 |

![Mercury use in processing](mercury.png)

The figure above shows where mercury is used in processing.

[^1]: Burkina Faso, Ghana, Mongolia, Peru and the Philippines.
MD
(cd "$work" && pandoc original.md -o original.docx)
cp "$work/original.docx" original.docx
unzip -l original.docx | grep -q 'word/media/' && unzip -l original.docx | grep -q 'word/footnotes.xml'
echo "original.docx: $(stat -c %s original.docx) bytes"

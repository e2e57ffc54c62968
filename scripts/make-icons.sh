#!/usr/bin/env bash
# Renders icons/tapewatch.svg into the PNG sizes, .ico and .icns committed beside it.
# Needs librsvg2-bin (rsvg-convert), imagemagick (convert) and icnsutils (png2icns).
set -euo pipefail
cd "$(dirname "$0")/../icons"
for size in 16 32 48 64 128 256 512; do
  rsvg-convert -w "$size" -h "$size" tapewatch.svg -o "tapewatch-$size.png"
done
convert tapewatch-16.png tapewatch-32.png tapewatch-48.png tapewatch-64.png tapewatch-128.png tapewatch-256.png tapewatch.ico
png2icns tapewatch.icns tapewatch-16.png tapewatch-32.png tapewatch-48.png tapewatch-128.png tapewatch-256.png tapewatch-512.png >/dev/null

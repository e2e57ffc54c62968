#!/usr/bin/env bash
# Makes the README's screenshots (docs/*.png, dark and light) with the developer tool
# dev.tapewatch.bench.ScreenshotTool, under a virtual display when there is none:
#   scripts/screenshots.sh [FOLDER [WIDTHxHEIGHT CHARTS]]   (a size and chart count: a layout to check by eye)
set -euo pipefail
cd "$(dirname "$0")/.."
cp=$(scripts/dev-classpath.sh)
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1600x1000x24" java -cp "$cp" dev.tapewatch.bench.ScreenshotTool "${@:-docs}"
fi
exec java -cp "$cp" dev.tapewatch.bench.ScreenshotTool "${@:-docs}"

#!/usr/bin/env bash
# Every benchmark in one go (about 7 minutes on 2 cores the first time; the query database is kept in
# target/bench/ for later runs): the end-to-end ones, the chart under a virtual display, then JMH.
# Figures: target/bench/results.json and target/bench/jmh.json.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q -DskipTests package
if [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null; then
  xvfb-run -a -s "-screen 0 1600x1000x24" java -jar target/tapewatch.jar bench all
else
  java -jar target/tapewatch.jar bench all
fi
scripts/jmh.sh

#!/usr/bin/env bash
# Every speed figure of the README, each over 3 runs (min / median / max), in about 10 minutes on 2 cores
# the first time (the 28.8 M-bar query database is built once and kept in target/bench/):
#   1. the ingest race: a firehose process → Tapewatch's record path, → a SQLite reference recorder in Java, and
#      → the Node one a user would write (src/test/node-bench: Polygon's JS client, better-sqlite3);
#   2. PostgreSQL beside H2 (storing, symbol-day query, a watching window's delay) on a throwaway local server;
#   3. symbol-day query, CSV export, detector;  4. chart frames and the idle window, under a virtual display;
#   5. a whole market's day (8,000 symbols, MARKET_SECONDS of it from 04:00, default the extended day) recorded
#      into H2 as fast as it goes: bars/s, bytes per bar, file over its live data, peak RSS, symbol-day reads.
# Figures: target/bench/results.json. The JMH micro-benchmarks are separate: scripts/jmh.sh.
# With arguments it runs one benchmark instead: scripts/bench.sh detector --seed 2 (scripts/bench.sh --help).
# The benchmarks live in the test tree (dev.tapewatch.bench.Bench): the app's jar and image ship none.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${RUNS:-3}"
cp=$(scripts/dev-classpath.sh)
bench() {
  if [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null; then
    xvfb-run -a -s "-screen 0 1600x1000x24" java -cp "$cp" dev.tapewatch.bench.Bench "$@"
  else
    java -cp "$cp" dev.tapewatch.bench.Bench "$@"
  fi
}
if [ $# -gt 0 ]; then
  bench "$@"
  exit
fi
mkdir -p target/bench
rm -f target/bench/results.json
# better-sqlite3 is built here from source (its prebuilt binaries are downloaded from GitHub): node's headers
# (/usr/include/node), make and g++
if [ ! -d src/test/node-bench/node_modules ]; then
  (cd src/test/node-bench && npm_config_nodedir="${NODE_DIR:-/usr}" npm_config_build_from_source=true npm ci \
    --no-audit --no-fund >/dev/null)
fi
echo "Run on $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)," \
  "$(java -version 2>&1 | head -1), node $(node --version)"
java -Dbench.node=src/test/node-bench/recorder.mjs -cp "$cp" dev.tapewatch.bench.Bench ingest --bars 1000000 \
  --symbols 300 --runs "$RUNS" 2> target/bench/ingest.log
# PostgreSQL beside H2: a throwaway server on loopback, with fsync on (stored means on disk there too)
pg_dir=$(mktemp -d /tmp/tapewatch-bench-pg.XXXXXX)
pg_url=$(PG_FSYNC=on scripts/test-postgres.sh start "$pg_dir")
trap 'scripts/test-postgres.sh remove "$pg_dir" || true' EXIT
java -cp "$cp" dev.tapewatch.bench.Bench postgres --postgres "$pg_url" --runs "$RUNS"
bench all --runs "$RUNS"
# with the image's JVM options, so that the peak RSS is the recorder's as the image runs it
# shellcheck disable=SC2046
java $(cat src/main/resources/dev/tapewatch/jvm-options.txt) -cp "$cp" dev.tapewatch.bench.Bench market --symbols 8000 \
  --seconds "${MARKET_SECONDS:-57600}" --runs 1

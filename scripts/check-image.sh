#!/usr/bin/env bash
# Proves the app image runs without a system Java: no JAVA_HOME, no java on PATH. It prints the version,
# records the simulated market for 3 s into a fresh database and checks that bars were stored. First it checks
# that neither the app's jar nor any jar of the image holds a benchmark, developer tool or test library.
set -euo pipefail
cd "$(dirname "$0")/.."
image=target/dist/tapewatch/bin/tapewatch
[ -x "$image" ] || { echo "no app image at $image; run scripts/package.sh first" >&2; exit 1; }

JDK="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}"
# dev/tapewatch/bench: the benchmarks and developer tools (ScreenshotTool); the rest: their libraries and tests'.
shipped_by_mistake='^(dev/tapewatch/bench/|org/openjdk/jmh/|org/sqlite/|org/testfx/|org/junit/|com/tngtech/archunit/)'
jars=(target/tapewatch.jar $(find target/dist/tapewatch -name '*.jar'))
for jar in "${jars[@]}"; do
  if found=$("$JDK/bin/jar" tf "$jar" | grep -E "$shipped_by_mistake"); then
    echo "$jar ships what only the test tree may hold:" >&2
    echo "$found" | head -n 5 >&2
    exit 1
  fi
done
echo "no benchmark, developer tool or test library in target/tapewatch.jar or the image's ${#jars[@]} jars"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/empty-path"
run() { env -i HOME="$work/home" PATH="$work/empty-path" "$image" "$@"; }

if env -i PATH="$work/empty-path" sh -c 'command -v java' >/dev/null 2>&1; then
  echo "java is still reachable on the test PATH" >&2; exit 1
fi
run --version
recorded=$(run record --symbols SPY,AAPL --duration 3s --status-every 1s --db "$work/db")
echo "$recorded"
# The day so far comes over REST (java.net.http must be in the image): the final line counts it.
if ! echo "$recorded" | tail -n 1 | grep -Eq ', [1-9][0-9]* backfilled'; then
  echo "the image backfilled nothing over REST" >&2; exit 1
fi
days=$(run days --db "$work/db")
echo "$days"
bars=$(echo "$days" | awk 'NR > 1 { total += $3 } END { print total + 0 }')
if [ "$bars" -le 0 ]; then
  echo "the image recorded no bars" >&2; exit 1
fi
echo "image check passed: $bars bars stored without a system Java ($(du -sm target/dist/tapewatch | cut -f1) MB image)"

#!/usr/bin/env bash
# Runs the JMH micro-benchmarks (src/test/java/dev/tapewatch/bench) and writes target/bench/jmh.json.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
mkdir -p target/bench
java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" org.openjdk.jmh.Main \
  -rf json -rff target/bench/jmh.json "${@:-dev.tapewatch.bench}"

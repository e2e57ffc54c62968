#!/usr/bin/env bash
# Compiles the app and its test tree and prints the class path the benchmarks and developer tools run on
# (target/test-classes first, then target/classes and the test-scope dependencies). They are never in the
# app's jar or image (scripts/check-image.sh asserts it).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt >&2
echo "$PWD/target/test-classes:$PWD/target/classes:$(cat target/test-classpath.txt)"

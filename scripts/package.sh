#!/usr/bin/env bash
# Builds a self-contained Tapewatch: target/dist/tapewatch/ (bin/tapewatch runs the window with no
# arguments and the command line with a subcommand), target/dist/tapewatch-VERSION-linux-x64.tar.gz and,
# where jpackage can make one, a .deb.
#
# jlink cannot take automatic modules (chartfx, H2, the Tyrus bundle), so the runtime is linked from the
# JDK's modules plus JavaFX's real modules (its -linux jars), as jlink.cfg lists them; every other jar
# stays on the class path of the app image. The module list came from
#   jdeps --ignore-missing-deps --print-module-deps --class-path 'target/lib/*' target/tapewatch.jar
# plus what jdeps cannot see: jdk.crypto.ec (TLS to wss://), jdk.localedata, java.logging (Grizzly, Tyrus)
# and java.xml / java.management (Logback).
set -euo pipefail
cd "$(dirname "$0")/.."

JDK="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}"
VERSION=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -n 1)

mvn -B -ntp -q -DskipTests package
rm -rf target/runtime target/dist target/dist-input
mkdir -p target/dist target/dist-input

# JavaFX goes into the runtime as modules; everything else is the app's class path.
cp target/tapewatch.jar target/dist-input/
find target/lib -name '*.jar' ! -name 'javafx-*' -exec cp {} target/dist-input/ \;
FX_PATH=$(find target/lib -name 'javafx-*-linux.jar' | sort | paste -sd:)

"$JDK/bin/jlink" @jlink.cfg --module-path "$JDK/jmods:$FX_PATH" --output target/runtime

# The JVM options of the image (why: README, "Performance"); bench idle measures the window with the same ones.
JVM_OPTIONS=()
for option in $(cat src/main/resources/dev/tapewatch/jvm-options.txt); do JVM_OPTIONS+=(--java-options "$option"); done
"$JDK/bin/jpackage" --type app-image --name tapewatch --app-version "$VERSION" "${JVM_OPTIONS[@]}" \
  --dest target/dist --input target/dist-input --main-jar tapewatch.jar --main-class dev.tapewatch.Main \
  --runtime-image target/runtime --icon icons/tapewatch-256.png \
  --description "Second-by-second US stock market recorder and viewer" --vendor Tapewatch

tar -C target/dist -czf "target/dist/tapewatch-$VERSION-linux-x64.tar.gz" tapewatch
if command -v dpkg-deb >/dev/null && command -v fakeroot >/dev/null; then
  "$JDK/bin/jpackage" --type deb --app-image target/dist/tapewatch --name tapewatch --app-version "$VERSION" \
    --dest target/dist --linux-shortcut --linux-menu-group Office --icon icons/tapewatch-256.png \
    --description "Second-by-second US stock market recorder and viewer" --vendor Tapewatch \
    || echo "(no .deb: jpackage could not build one here)"
fi

echo "Image:   target/dist/tapewatch ($(du -sm target/dist/tapewatch | cut -f1) MB unpacked)"
ls -1 target/dist/*.tar.gz target/dist/*.deb 2>/dev/null | while read -r f; do echo "Package: $f ($(du -m "$f" | cut -f1) MB)"; done

#!/bin/bash
# classlist.sh [window|trace]
#
# trace: makes src/main/cds/trace.classlist, every class the trace mode loads from launch through an echo to its
# stop, run as the README runs it (java -jar target/socketstage.jar --no-gui). The build turns it into
# target/cds/trace.jsa (execution "trace-class-archive"), which holds the app's classes and its libraries' too: a
# jar class path can be archived. Remake it after a JDK or library upgrade or a large change to the trace mode.
#
# window (the default): makes src/main/cds/window.classlist: the JDK's and JavaFX's classes the window loads from launch until it has
# been on the screen for a few seconds, as the JVM lists them (-XX:DumpLoadedClassList). The build turns the list
# into a class-data sharing archive for ./mvnw javafx:run (pom.xml, execution "window-class-archive"). Run it after
# a JavaFX or JDK upgrade or a large change to what the window shows at start; it needs a display (starts an Xvfb
# when DISPLAY is unset). The app's own classes and the libraries on the class path are left out: javafx:run puts
# target/classes on the class path, and an archive cannot take classes from a folder.
set -e
cd "$(dirname "$0")/../../.."
if [ "${1:-window}" = trace ]; then
    ./mvnw -B -q ${MVN_OFFLINE:-} package -DskipTests
    mkdir -p target/cds
    RAW=target/cds/trace-raw.classlist
    OUT_TXT=target/cds/trace-training.out
    rm -f "$RAW"
    java -Xmx96m -XX:NewSize=32m -XX:DumpLoadedClassList="$RAW" -jar target/socketstage.jar --no-gui --port 0 \
        < /dev/null > "$OUT_TXT" 2>&1 &
    APP=$!
    PORT=
    for _ in $(seq 300); do
        PORT=$(grep -o 'getsockname.*htons(\([0-9]*\))' "$OUT_TXT" | grep -o '[0-9]*)$' | tr -d ')' || true)
        if [ -n "$PORT" ] && grep -q 'listen(.*= 0' "$OUT_TXT"; then break; fi
        sleep 0.1
    done
    [ -n "$PORT" ] || { echo "the trace mode did not listen within 30 s; its output:" >&2; cat "$OUT_TXT" >&2; kill $APP; exit 1; }
    # one client: connect, a line echoed, close
    exec 3<>/dev/tcp/127.0.0.1/"$PORT"
    echo "hello" >&3
    read -r -t 10 ECHOED <&3
    exec 3<&-
    [ "$ECHOED" = hello ] || { echo "no echo from the trace mode" >&2; kill $APP; exit 1; }
    sleep 1
    kill -TERM $APP
    wait $APP || true
    OUT=src/main/cds/trace.classlist
    {
        echo "# Every class the trace mode loads from launch through an echo to its stop, for the class-data sharing"
        echo "# archive the build makes (target/cds/trace.jsa). Made by src/test/bench/classlist.sh trace (JDK"
        echo "# $(java -version 2>&1 | head -1 | cut -d'"' -f2)) on $(date -u +%Y-%m-%d); remake it with that script, do not edit it."
        # proxies are made at run time and cannot be archived
        grep -v '^#' "$RAW" | grep -Ev '^(@lambda-proxy )?(jdk/proxy[0-9]|com/sun/proxy)/|\$Proxy[0-9]'
    } > "$OUT"
    echo "$OUT: $(grep -vc '^#' "$OUT") lines"
    exit 0
fi
./mvnw -B -q ${MVN_OFFLINE:-} test-compile
./mvnw -B -q ${MVN_OFFLINE:-} dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
# as javafx:run launches: JavaFX on the module path, everything else on the class path
MP=$(tr ':' '\n' < target/bench-classpath.txt | grep '/org/openjfx/' | paste -sd: -)
CP="target/test-classes:target/classes:$(tr ':' '\n' < target/bench-classpath.txt | grep -v '/org/openjfx/' | paste -sd: -)"
if [ -z "$DISPLAY" ]; then
    command -v Xvfb >/dev/null || { echo "classlist.sh needs a display: set DISPLAY, or install Xvfb" >&2; exit 1; }
    Xvfb :76 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
    XVFB=$!
    trap 'kill $XVFB 2>/dev/null || true' EXIT INT TERM
    export DISPLAY=:76
    sleep 1
fi
mkdir -p target/cds
RAW=target/cds/raw.classlist
TMP=$(mktemp -d)
rm -f "$RAW"
java -Xmx96m -XX:NewSize=32m -XX:DumpLoadedClassList="$RAW" -Djava.io.tmpdir="$TMP" \
    -Dsocketstage.prefs.node=socketstage-classlist --module-path "$MP" --add-modules javafx.controls,javafx.fxml \
    -cp "$CP" 'org.socketstage.bench.ProbedWindow$Launcher' > target/cds/training.out 2>&1 &
APP=$!
i=0
until grep -q '^SHOWN' target/cds/training.out; do
    i=$((i + 1))
    if [ $i -gt 600 ] || ! kill -0 $APP 2>/dev/null; then
        echo "the window did not show within 60 s; its output:" >&2
        cat target/cds/training.out >&2
        kill $APP 2>/dev/null || true
        exit 1
    fi
    sleep 0.1
done
sleep 3
kill $APP
wait $APP || true
rm -rf "$TMP"
OUT=src/main/cds/window.classlist
{
    echo "# The JDK's and JavaFX's classes the window loads at start, for the class-data sharing archive that"
    echo "# ./mvnw javafx:run uses. Made by src/test/bench/classlist.sh (JDK $(java -version 2>&1 | head -1 | cut -d'"' -f2),"
    echo "# JavaFX from pom.xml) on $(date -u +%Y-%m-%d); remake it with that script, do not edit it."
    # the app's own classes and the class path's libraries cannot be archived here (see above)
    grep -v '^#' "$RAW" | grep -Ev '^(@lambda-proxy )?(org/socketstage|jdk/proxy[0-9]|com/sun/proxy|com/sun/jna|org/commonmark|com/fasterxml|picocli|org/controlsfx|impl/org/controlsfx)/'
} > "$OUT"
echo "$OUT: $(grep -vc '^#' "$OUT") lines ($(grep -c '^@' "$OUT") of them lambda forms and proxies)"

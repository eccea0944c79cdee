#!/bin/sh
# Benchmarks (measurements, not tests): builds the classes (for "all" the jar too), then runs them with the test
# class path.
#   run.sh all               everything side by side in one table (SideBySideBenchmark): engine vs plain Java,
#                            start-up vs plain Java and vs a JavaFX hello-world, the window's idle CPU, frame gaps
#                            under paced and flooding clients, RSS and spool; starts an Xvfb when DISPLAY is unset
#   run.sh [compare]         the engine alone (EchoBenchmark): throughput, latency, idle CPU
#   run.sh classroom | classroom-window
#   run.sh traced            a student's C echo server traced against untraced (TracedEchoBenchmark)
# Options as -D system properties in BENCH_OPTS, e.g. BENCH_OPTS="-Dbench.rounds=5".
set -e
cd "$(dirname "$0")/../../.."
if [ "$1" = all ]; then
    # also the jar and the trace mode's class archive: its start-up is measured as the README launches it
    ./mvnw -B -q ${MVN_OFFLINE:-} package -DskipTests
else
    ./mvnw -B -q ${MVN_OFFLINE:-} test-compile
fi
./mvnw -B -q ${MVN_OFFLINE:-} dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
if [ "$1" = all ]; then
    shift
    if [ -z "$DISPLAY" ]; then
        command -v Xvfb >/dev/null || { echo "run.sh all needs a display: set DISPLAY, or install Xvfb" >&2; exit 1; }
        BENCH_DISPLAY=${BENCH_DISPLAY:-:74}
        Xvfb "$BENCH_DISPLAY" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
        XVFB=$!
        trap 'kill $XVFB 2>/dev/null || true' EXIT INT TERM
        export DISPLAY="$BENCH_DISPLAY"
        sleep 1
    fi
    java $BENCH_OPTS -cp "$CP" org.socketstage.bench.SideBySideBenchmark "$@"
    exit $?
fi
if [ "$1" = traced ]; then
    shift
    exec java $BENCH_OPTS -cp "$CP" org.socketstage.tracer.TracedEchoBenchmark "$@"
fi
exec java $BENCH_OPTS -cp "$CP" org.socketstage.bench.EchoBenchmark "$@"

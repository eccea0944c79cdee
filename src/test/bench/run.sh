#!/bin/sh
# Engine benchmarks (a measurement, not a test): builds the classes, then runs
# org.socketstage.bench.EchoBenchmark with the test class path. Arguments: compare (default), classroom,
# classroom-window; or traced (a student's C echo server traced against untraced: TracedEchoBenchmark). Options as -D system properties in BENCH_OPTS, e.g. BENCH_OPTS="-Dbench.rounds=5".
set -e
cd "$(dirname "$0")/../../.."
./mvnw -B -q ${MVN_OFFLINE:-} test-compile
./mvnw -B -q ${MVN_OFFLINE:-} dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
if [ "$1" = traced ]; then
    shift
    exec java $BENCH_OPTS -cp "$CP" org.socketstage.tracer.TracedEchoBenchmark "$@"
fi
exec java $BENCH_OPTS -cp "$CP" org.socketstage.bench.EchoBenchmark "$@"

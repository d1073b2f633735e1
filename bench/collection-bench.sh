#!/usr/bin/env bash
# Benchmarks a full posture + threat collection cycle of a generated sandbox estate: Cloudward's collectors
# and checks, then the same AWS calls from a bare SDK loop, with the same concurrency. The sandbox runs in
# its own JVM with latency injected on every call. Arguments go to io.cloudward.bench.CollectionBench, e.g.
#   bench/collection-bench.sh --accounts=50 --regions=17 --latency=20
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/jdk.sh
./mvnw -B -q -o -DskipTests test-compile 2>/dev/null || ./mvnw -B -q -DskipTests test-compile
exec "$JAVA_HOME/bin/java" -Xmx512m -XX:+UseParallelGC \
  -cp "target/test-classes:target/classes:$(cat target/devstack.classpath)" \
  io.cloudward.bench.CollectionBench "$@"

#!/usr/bin/env bash
# Benchmarks the AWS sandbox: estate build time and heap for a generated estate, then AWS calls per
# second on loopback with their latency. Arguments go to io.cloudward.bench.SandboxBench, e.g.
#   bench/sandbox-bench.sh --accounts=1000 --regions=17 --threads=16 --seconds=20 --mode=both
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/jdk.sh
./mvnw -B -q -o -DskipTests test-compile 2>/dev/null || ./mvnw -B -q -DskipTests test-compile
exec "$JAVA_HOME/bin/java" -Xmx1g -XX:+UseParallelGC \
  -cp "target/test-classes:target/classes:$(cat target/devstack.classpath)" \
  io.cloudward.bench.SandboxBench "$@"

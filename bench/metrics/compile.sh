#!/usr/bin/env bash
# Compile latency of metric queries: the demo model and a generated 200-model / 1,000-metric one.
# Prints lines for BENCHMARKS.md.
#
# Usage, from the repository root:  bench/metrics/compile.sh [warm-up seconds] [samples]
# Builds through the reactor (-am); installs nothing.
set -euo pipefail
cd "$(dirname "$0")/../.."
warmup="${1:-15}"
samples="${2:-20000}"
classpath_file="$(mktemp)"
trap 'rm -f "$classpath_file"' EXIT
./mvnw -B -q -o -pl metrics-engine -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"
java -cp "metrics-engine/target/test-classes:metrics-engine/target/classes:catalog-core/target/classes:$(cat "$classpath_file")" \
    io.zhongtai.metrics.bench.CompileBenchmark "$warmup" "$samples"

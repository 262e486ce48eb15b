#!/usr/bin/env bash
# Run time of generated metric SQL against hand-written SQL for the same questions, on the demo
# warehouse in DuckDB. Prints a table for BENCHMARKS.md.
#
# Usage, from the repository root:  bench/metrics/runtime.sh [scale] [runs]
# Builds through the reactor (-am); installs nothing. Scale 10 needs about 4 GB of heap headroom.
# The generated DuckDB file is kept and reused (same scale, same seed): set METRICS_BENCH_DB to
# choose where, or delete it to generate again.
set -euo pipefail
cd "$(dirname "$0")/../.."
scale="${1:-10}"
runs="${2:-7}"
db="${METRICS_BENCH_DB:-${TMPDIR:-/tmp}/zhongtai-metrics-bench/demo-scale-${scale}.duckdb}"
classpath_file="$(mktemp)"
trap 'rm -f "$classpath_file"' EXIT
./mvnw -B -q -o -pl metrics-engine -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"
java -Xmx6g -cp "metrics-engine/target/test-classes:metrics-engine/target/classes:catalog-core/target/classes:demo-retail/target/classes:$(cat "$classpath_file")" \
    io.zhongtai.metrics.bench.RunTimeBenchmark "$scale" "$runs" "$db"

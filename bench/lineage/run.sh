#!/usr/bin/env bash
# Lineage walks on a generated graph of column-level edges (default 1,000,000), through the
# store and as bare Cypher. Prints a block for BENCHMARKS.md.
#
# Usage, from the repository root:  bench/lineage/run.sh [edges] [hub degree] [iterations]
set -euo pipefail
cd "$(dirname "$0")/../.."
classpath_file="$(mktemp)"
trap 'rm -f "$classpath_file"' EXIT
./mvnw -B -q -o test-compile -pl catalog-core,lineage-graph
./mvnw -B -q -o dependency:build-classpath -pl lineage-graph -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"
java -Xmx6g -cp "lineage-graph/target/test-classes:lineage-graph/target/classes:catalog-core/target/classes:$(cat "$classpath_file")" \
    io.zhongtai.graph.neo4j.LineageQueryBenchmark "$@"

#!/usr/bin/env bash
# Every built-in governance KPI over a generated catalog (default 1,000,000 assets) in embedded
# Neo4j. Prints a block for BENCHMARKS.md.
#
# Usage, from the repository root:  bench/governance/run.sh [tables] [columns per table] [rounds]
set -euo pipefail
cd "$(dirname "$0")/../.."
classpath_file="$(mktemp)"
trap 'rm -f "$classpath_file"' EXIT
./mvnw -B -q -o test-compile -pl catalog-core,lineage-graph
./mvnw -B -q -o dependency:build-classpath -pl lineage-graph -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"
java -Xmx8g -cp "lineage-graph/target/test-classes:lineage-graph/target/classes:catalog-core/target/classes:$(cat "$classpath_file")" \
    io.zhongtai.graph.neo4j.GovernanceBenchmark "$@"

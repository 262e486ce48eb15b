#!/usr/bin/env bash
# Single-thread throughput of the SQL lineage extractor on its hand-written test set
# (crawlers/src/test/resources/sql-lineage). Prints a block for BENCHMARKS.md.
#
# Usage, from the repository root:  bench/sql-lineage/run.sh [warm-up seconds] [timed passes]
# Needs catalog-core installed (./mvnw -B -q -o install -DskipTests -pl catalog-core).
set -euo pipefail
cd "$(dirname "$0")/../.."
warmup="${1:-20}"
passes="${2:-200}"
classpath_file="$(mktemp)"
trap 'rm -f "$classpath_file"' EXIT
./mvnw -B -q -o test-compile -pl crawlers
./mvnw -B -q -o dependency:build-classpath -pl crawlers -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"
java -cp "crawlers/target/test-classes:crawlers/target/classes:$(cat "$classpath_file")" \
    io.zhongtai.crawlers.sql.SqlLineageBenchmark "$warmup" "$passes"

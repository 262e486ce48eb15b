#!/usr/bin/env bash
# The Lucene search index alone, no service: indexing rate (one thread through the port, and a
# bulk rebuild on every core), query latency with facets at 1 and 8 concurrent clients, on a
# generated catalog. Prints a block for BENCHMARKS.md.
#
# Usage, from the repository root:  bench/search/index.sh [documents, default 1000000]
# Builds through the reactor (nothing is installed into ~/.m2).
set -euo pipefail
cd "$(dirname "$0")/../.."
documents="${1:-1000000}"
./mvnw -B -q -o -pl search-index -am -DskipTests test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
java -Xmx8g -cp "search-index/target/test-classes:search-index/target/classes:$(cat search-index/target/bench.classpath)" \
    io.zhongtai.search.SearchBenchmark "$documents"

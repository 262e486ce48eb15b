#!/usr/bin/env bash
# Search through the service on a generated catalog in the graph (default 1,000,000 assets):
# writes the catalog into the embedded Neo4j of a home (once), rebuilds the search index from the
# graph (rate), then runs the query mix straight on Lucene and through the running service over
# HTTP, at 1 and 8 concurrent clients, and prints the ratio the service adds.
#
# Usage, from the repository root:  bench/search/service.sh <home> [assets] [seconds per cell]
# The home is kept, so that the steps can be re-run; delete it to start over.
# Builds through the reactor (nothing is installed into ~/.m2).
set -euo pipefail
cd "$(dirname "$0")/../.."
home="${1:?usage: bench/search/service.sh <home> [assets] [seconds]}"
assets="${2:-1000000}"
seconds="${3:-30}"
./mvnw -B -q -o -pl catalog-service -am -DskipTests test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
run() {
    java -Xmx10g -Dai.djl.offline=true \
        -cp "catalog-service/target/test-classes:catalog-service/target/classes:$(cat catalog-service/target/bench.classpath)" \
        io.zhongtai.service.bench.SearchServiceBenchmark "$@"
}
if [ ! -d "$home/graph" ]; then
    run generate "$home" "$assets"
fi
if [ "${SKIP_REBUILD:-}" != 1 ]; then run rebuild "$home"; fi
run query "$home" "$seconds"

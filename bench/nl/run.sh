#!/usr/bin/env bash
# Natural-language questions: deterministic parser latency p50/p95 per question after warm-up, and
# exact-interpretation and result accuracy per language on the evaluation sets
# (nl-query/src/test/resources/eval), with names only and with the in-process embedding models.
# Runs on the demo warehouse generated into DuckDB at scale 0.05 (seed 42). Prints a block for
# BENCHMARKS.md. Builds through the reactor; installs nothing into ~/.m2.
#
# Usage, from the repository root:  bench/nl/run.sh [warm-up passes=20] [timed passes=20]
set -euo pipefail
cd "$(dirname "$0")/../.."
warmup="${1:-20}"
passes="${2:-20}"
classpath_file="$(mktemp)"
trap 'rm -f "$classpath_file"' EXIT
./mvnw -B -q -o -pl nl-query -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"
# DJL (under the embedding models) must not call out
export DJL_OFFLINE=true OPT_OUT_TRACKING=true
java -Dai.djl.offline=true -DOPT_OUT_TRACKING=true -Xmx2g \
    -cp "nl-query/target/test-classes:nl-query/target/classes:$(cat "$classpath_file")" \
    io.zhongtai.nl.eval.NlBenchmark "$warmup" "$passes"

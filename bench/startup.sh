#!/usr/bin/env bash
# Start-up benchmark: time from `java -jar zhongtai.jar` to /health UP, and resident memory once
# UP, for (a) a first start that generates and crawls the demo warehouse and (b) a restart on
# that existing home. Build first: ./mvnw -q -DskipTests package
# Usage: bench/startup.sh [runs=3] [demo scale=1.0]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
scale=${2:-1.0}
jar=catalog-service/target/zhongtai.jar
[ -f "$jar" ] || { echo "build first: ./mvnw -q -DskipTests package" >&2; exit 1; }
port=$(( 20000 + RANDOM % 20000 ))

measure() { # home -> prints "milliseconds rss_mib"
  local home=$1 start pid ms rss
  start=$(date +%s%N)
  ZHONGTAI_HOME=$home MICRONAUT_SERVER_PORT=$port ZHONGTAI_ADMIN_PASSWORD=bench-password \
    ZHONGTAI_DEMO_SCALE=$scale java -jar "$jar" >"$home.log" 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "localhost:$port/health")" = "200" ]; do
    kill -0 "$pid" 2>/dev/null || { echo "server died, see $home.log" >&2; exit 1; }
    sleep 0.05
  done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  sleep 2 # let start-up garbage settle before reading memory
  rss=$(awk '/VmRSS/ {printf "%d", $2/1024}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$ms $rss"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

first=() ; again=()
for i in $(seq 1 "$runs"); do
  home=$(mktemp -d /tmp/zhongtai-bench.XXXXXX)
  first+=("$(measure "$home")")
  again+=("$(measure "$home")")
  rm -rf "$home" "$home.log"
done
printf 'first start with demo (scale %s): median %s ms to UP, RSS %s MiB (runs: %s)\n' "$scale" \
  "$(printf '%s\n' "${first[@]}" | cut -d' ' -f1 | median)" "$(printf '%s\n' "${first[@]}" | cut -d' ' -f2 | median)" \
  "$(printf '%s\n' "${first[@]}" | cut -d' ' -f1 | tr '\n' ' ')"
printf 'restart on existing home:          median %s ms to UP, RSS %s MiB (runs: %s)\n' \
  "$(printf '%s\n' "${again[@]}" | cut -d' ' -f1 | median)" "$(printf '%s\n' "${again[@]}" | cut -d' ' -f2 | median)" \
  "$(printf '%s\n' "${again[@]}" | cut -d' ' -f1 | tr '\n' ' ')"

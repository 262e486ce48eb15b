#!/usr/bin/env bash
# Latency of the governance report API on a catalog already in a Zhongtai home (for example the
# 1,000,000-asset home that bench/search/service.sh generates): starts the packaged server on
# that home without the demo, signs in, and times each call with curl, warm-up call excluded.
#
# Usage, from the repository root, after ./mvnw -q -DskipTests package:
#   bench/governance/api.sh <home> <admin password> [calls per endpoint]
set -euo pipefail
cd "$(dirname "$0")/../.."
home="${1:?usage: bench/governance/api.sh <home> <admin password> [calls]}"
password="${2:?the admin password of that home}"
calls="${3:-5}"
port=18181
base="http://127.0.0.1:$port"
log="$(mktemp)"
ZHONGTAI_HOME="$home" ZHONGTAI_DEMO_ENABLED=false ZHONGTAI_ADMIN_PASSWORD="$password" MICRONAUT_SERVER_PORT=$port \
    java -Xmx8g -Dzhongtai.demo.enabled=false -jar catalog-service/target/zhongtai.jar >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -f "$log"' EXIT
until curl -sf "$base/health" >/dev/null; do
    kill -0 $server 2>/dev/null || { cat "$log"; exit 1; }
    sleep 2
done
token=$(curl -sf -X POST "$base/login" -H 'content-type: application/json' \
    -d "{\"username\":\"admin\",\"password\":\"$password\"}" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')

# Times one path: a warm-up call, then $calls calls; prints median and max in seconds.
time_path() {
    local path="$1" times=()
    curl -sf -o /dev/null -H "authorization: Bearer $token" "$base$path"
    for _ in $(seq "$calls"); do
        times+=("$(curl -sf -o /dev/null -w '%{time_total}' -H "authorization: Bearer $token" "$base$path")")
    done
    printf '%s\n' "${times[@]}" | sort -n | awk -v path="$path" '{ t[NR] = $1 } END {
        printf "| `GET %s` | %.3f s | %.3f s | %d |\n", path, t[int((NR + 1) / 2)], t[NR], NR }'
}

echo "| call | median | max | calls |"
echo "| --- | --- | --- | --- |"
time_path "/api/v1/governance/kpis"
time_path "/api/v1/governance/kpis/description_coverage?by=owner"
time_path "/api/v1/governance/gaps?kpi=description_coverage&size=50"
time_path "/api/v1/governance/export?format=csv"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"

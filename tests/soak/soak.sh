#!/usr/bin/env bash
# A steady mixed load against one embedded CxLive for a long while (not in CI): telemetry from the load tool,
# feedback and reads beside it, and the server's RSS, GC heap, threads and open handles sampled every 10 s.
#   tests/soak/soak.sh [seconds=1800] [events-per-second=50000]
# Writes artifacts/soak/samples.csv, artifacts/soak/soak.svg (the plot) and artifacts/soak/load.json.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
seconds="${1:-1800}"
rate="${2:-50000}"
out="$root/artifacts/soak"
mkdir -p "$out"
data="$(mktemp -d)"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
port="$(free_port)"
url="http://127.0.0.1:$port"

dotnet build "$root/CxLive.sln" -c Release -v quiet -nologo >/dev/null
ASPNETCORE_URLS="$url" ASPNETCORE_ENVIRONMENT=Production DOTNET_gcServer=0 \
  Storage__DataDirectory="$data" Auth__AllowAnonymousLoopback=true \
  Cluster__ServiceId="soak-$port" Cluster__SiloPort="$(free_port)" Cluster__GatewayPort="$(free_port)" \
  RateLimits__ReadRequestsPerSecond=100000 Logging__LogLevel__Default=Warning \
  dotnet "$root/api/CxLive.Api/bin/Release/net10.0/CxLive.Api.dll" >"$out/server.log" 2>&1 &
server=$!
cleanup() { kill "$server" "${sampler:-}" "${mixed:-}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$data"; }
trap cleanup EXIT
for _ in $(seq 1 120); do curl -fs "$url/health/ready" >/dev/null && break; sleep 0.5; done

echo "elapsed_s,rss_bytes,gc_heap_bytes,threads,handles" >"$out/samples.csv"
(
  start=$(date +%s)
  while kill -0 "$server" 2>/dev/null; do
    rss=$(awk '/VmRSS/ {print $2 * 1024}' "/proc/$server/status")
    threads=$(awk '/Threads/ {print $2}' "/proc/$server/status")
    handles=$(ls "/proc/$server/fd" | wc -l)
    heap=$(curl -fs "$url/metrics" | awk '/^dotnet_gc_last_collection_heap_size_bytes/ {s += $NF} END {printf "%d", s}')
    echo "$(( $(date +%s) - start )),$rss,$heap,$threads,$handles" >>"$out/samples.csv"
    sleep 10
  done
) &
sampler=$!

# Beside the telemetry: a feedback item and the reads a dashboard makes, every second.
(
  i=0
  while kill -0 "$server" 2>/dev/null; do
    i=$((i + 1))
    now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
    curl -fs -o /dev/null -X POST "$url/api/v1/feedback" -H 'Content-Type: application/json' \
      -d "[{\"id\":\"soak-$i\",\"customerId\":\"c$((i % 5000))\",\"touchpoint\":\"tp0\",\"timestamp\":\"$now\",\"kind\":\"nps\",\"score\":$((i % 11))}]" || true
    curl -fs -o /dev/null "$url/api/v1/overview" || true
    curl -fs -o /dev/null "$url/api/v1/customers?limit=500" || true
    curl -fs -o /dev/null "$url/api/v1/alerts?limit=100" || true
    sleep 1
  done
) &
mixed=$!

dotnet run -c Release --no-build --project "$root/tests/CxLive.LoadTool" -- --url "$url" --customers 5000 --touchpoints 10 \
  --rate "$rate" --duration "$seconds" --batch 2000 --concurrency 4 --define --inject-at 0 --out "$out/load.json"
sleep 15 # two more samples after the load

python3 "$root/tests/soak/plot.py" "$out/samples.csv" "$out/soak.svg"
echo "samples: $out/samples.csv; plot: $out/soak.svg; load report: $out/load.json"

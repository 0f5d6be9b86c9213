#!/usr/bin/env bash
# The largest single grain's state bytes written per second under load (docs/benchmarks.md, issue 10):
# starts the embedded api from a build output on a fresh data folder, drives telemetry for CUSTOMERS customers x 2
# touchpoints at 100,000 events/s for 90 s (no definitions: every customer is first seen in telemetry), and reads the
# SQLite file from outside between seconds 45 and 75.
#
#   tests/CxLive.StateWrites/measure.sh 10000             # this checkout's Release build
#   tests/CxLive.StateWrites/measure.sh 200000 /path/to/other/checkout/api/CxLive.Api/bin/Release/net10.0
set -euo pipefail
cd "$(dirname "$0")/../.."
customers=${1:?customers}
api_bin=$(realpath "${2:-api/CxLive.Api/bin/Release/net10.0}")
data=$(mktemp -d)
dotnet build tests/CxLive.StateWrites -c Release -v quiet -nologo > /dev/null
dotnet build tests/CxLive.LoadTool -c Release -v quiet -nologo > /dev/null
(cd "$api_bin" && ASPNETCORE_ENVIRONMENT=Production Storage__DataDirectory="$data" Auth__AllowAnonymousLoopback=true \
  Cluster__SiloPort=21190 Cluster__GatewayPort=40090 exec dotnet CxLive.Api.dll --urls http://127.0.0.1:5190 > "$data/server.log" 2>&1) &
server=$!
trap 'kill $server 2> /dev/null; wait $server 2> /dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 60); do curl -sf http://127.0.0.1:5190/health/ready > /dev/null && break; sleep 0.5; done
dotnet tests/CxLive.LoadTool/bin/Release/net10.0/CxLive.LoadTool.dll --url http://127.0.0.1:5190 --customers "$customers" \
  --touchpoints 2 --rate 100000 --duration 90 --batch 5000 --inject-at 0 > "$data/load.txt" 2>&1 &
load=$!
sleep 45
dotnet tests/CxLive.StateWrites/bin/Release/net10.0/CxLive.StateWrites.dll --db "$data/cxlive.db" --seconds 30
wait $load || true
grep -E '^(loadtool:|events accepted)' "$data/load.txt"

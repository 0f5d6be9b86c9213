#!/usr/bin/env bash
# Memory before, with and after 50,000 customers (not in CI): idle customers deactivate after Cluster:IdleGrainAge
# (2 minutes here, the least Orleans allows) and give their memory back.
#   tests/soak/idle.sh [customers=50000] [idle-seconds=180]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
customers="${1:-50000}"
idle="${2:-240}"
key="idle-admin-key-0123456789"
data="$(mktemp -d)"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
port="$(free_port)"
url="http://127.0.0.1:$port"
dotnet build "$root/CxLive.sln" -c Release -v quiet -nologo >/dev/null
ASPNETCORE_URLS="$url" ASPNETCORE_ENVIRONMENT=Production DOTNET_gcServer=0 Storage__DataDirectory="$data" \
  Auth__BootstrapKey="$key" Cluster__ServiceId="idle-$port" Cluster__SiloPort="$(free_port)" Cluster__GatewayPort="$(free_port)" \
  Cluster__IdleGrainAge=00:02:00 Logging__LogLevel__Default=Warning \
  dotnet "$root/api/CxLive.Api/bin/Release/net10.0/CxLive.Api.dll" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do curl -fs "$url/health/ready" >/dev/null && break; sleep 0.5; done
memory() { curl -fs -X POST -H "Authorization: Bearer $key" "$url/api/v1/admin/memory"; echo; }
echo "start:   $(memory)"
dotnet run -c Release --no-build --project "$root/tests/CxLive.LoadTool" -- --url "$url" --key "$key" --customers "$customers" \
  --touchpoints 2 --rate 50000 --duration 10 --batch 5000 --concurrency 4 --inject-at 0 >/dev/null
echo "loaded:  $(memory)"
sleep "$idle"
echo "idle ${idle}s: $(memory)"

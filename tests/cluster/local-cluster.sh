#!/usr/bin/env bash
# CxLive as a cluster on this machine, the way the README's "Run a cluster" describes it: Redis (AOF, fsync every
# second), two silos and two api processes (Orleans clients), everything on 127.0.0.1, state in Redis.
#
#   tests/cluster/local-cluster.sh start        build (Release) and start it all; api A runs the demo
#                                  (start --no-demo: no demo traffic, for a load run)
#   tests/cluster/local-cluster.sh stop         SIGTERM every process (silos hand their grains over), then Redis
#   tests/cluster/local-cluster.sh load ARGS    one load tool per api process (each half the --rate, default 250000),
#                                               then the silos' cross-silo message share and detection lag
#
# Addresses: api A http://127.0.0.1:5080/, api B http://127.0.0.1:5081/ (dashboards), silos :5090 and :5091 (health,
# /metrics), Redis 127.0.0.1:6390. Keyless from loopback (Auth:AllowAnonymousLoopback); logs and Redis data under
# data/cluster/. Needs redis-server (apt-get install -y redis-server), the .NET 10 SDK and Node 20.
set -euo pipefail
cd "$(dirname "$0")/../.."
state=data/cluster
redis_port=6390
silo_dll=silo/CxLive.Silo/bin/Release/net10.0/CxLive.Silo.dll
api_dll=api/CxLive.Api/bin/Release/net10.0/CxLive.Api.dll

cluster_env() {
  export Cluster__Membership=Redis Cluster__Redis="127.0.0.1:$redis_port" Storage__Provider=Redis
  export Cluster__ServiceId=cxlive Cluster__ClusterId=local Auth__AllowAnonymousLoopback=true ASPNETCORE_ENVIRONMENT=Production
}

start() {
  local demo=--demo
  [ "${1:-}" = "--no-demo" ] && demo=
  mkdir -p "$state/redis"
  dotnet build CxLive.sln -c Release -v quiet -nologo
  redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$PWD/$state/redis" --appendonly yes --appendfsync everysec \
    --save "" --daemonize yes --logfile "$PWD/$state/redis.log" --pidfile "$PWD/$state/redis.pid"
  cluster_env
  Cluster__SiloPort=11111 Cluster__GatewayPort=30000 nohup dotnet "$silo_dll" --urls http://127.0.0.1:5090 > "$state/silo-1.log" 2>&1 &
  echo $! > "$state/silo-1.pid"
  Cluster__SiloPort=11112 Cluster__GatewayPort=30001 nohup dotnet "$silo_dll" --urls http://127.0.0.1:5091 > "$state/silo-2.log" 2>&1 &
  echo $! > "$state/silo-2.pid"
  Hosting__Mode=Client nohup dotnet "$api_dll" --urls http://127.0.0.1:5080 --webroot api/CxLive.Api/wwwroot $demo > "$state/api-a.log" 2>&1 &
  echo $! > "$state/api-a.pid"
  Hosting__Mode=Client nohup dotnet "$api_dll" --urls http://127.0.0.1:5081 --webroot api/CxLive.Api/wwwroot > "$state/api-b.log" 2>&1 &
  echo $! > "$state/api-b.pid"
  for url in http://127.0.0.1:5090 http://127.0.0.1:5091 http://127.0.0.1:5080 http://127.0.0.1:5081; do
    for _ in $(seq 1 120); do curl -sf "$url/health/ready" > /dev/null && break; sleep 0.5; done
    curl -sf "$url/health/ready" > /dev/null && echo "ready: $url" || echo "NOT ready: $url (see $state/*.log)"
  done
  echo "dashboards: http://127.0.0.1:5080/ and http://127.0.0.1:5081/ (the same live fleet)"
}

stop() {
  for name in api-a api-b silo-1 silo-2; do
    [ -f "$state/$name.pid" ] && kill -TERM "$(cat "$state/$name.pid")" 2> /dev/null || true
  done
  for name in api-a api-b silo-1 silo-2; do
    [ -f "$state/$name.pid" ] && while kill -0 "$(cat "$state/$name.pid")" 2> /dev/null; do sleep 0.5; done
    rm -f "$state/$name.pid"
  done
  redis-cli -p "$redis_port" shutdown > /dev/null 2>&1 || true
  echo "stopped; Redis data kept in $state/redis"
}

# Sums a Prometheus series over both silos: metric name, then a grep pattern for its labels.
silos_sum() {
  for port in 5090 5091; do curl -s "http://127.0.0.1:$port/metrics"; done | grep -E "^$1\{" | grep -E "$2" | awk '{s+=$NF} END {printf "%.0f", s}'
}

load() {
  local rate=250000 args=()
  while [ $# -gt 0 ]; do
    if [ "$1" = "--rate" ]; then rate=$2; shift 2; else args+=("$1"); shift; fi
  done
  local half
  half=$(awk -v r="$rate" 'BEGIN {printf "%d", r / 2}')
  local cross0 all0
  cross0=$(silos_sum orleans_messaging_received_messages_size_bytes_count 'SiloToSilo.*MessageDirection="(Request|OneWay)"')
  all0=$(silos_sum orleans_messaging_processing_dispatcher_received_total 'Direction="(Request|OneWay)"')
  dotnet run -c Release --project tests/CxLive.LoadTool --no-build -- --url http://127.0.0.1:5080 --rate "$half" "${args[@]}" > "$state/load-a.txt" &
  local a=$!
  dotnet run -c Release --project tests/CxLive.LoadTool --no-build -- --url http://127.0.0.1:5081 --rate "$half" "${args[@]}" > "$state/load-b.txt" &
  local b=$!
  wait $a $b || true
  grep -h "^loadtool:" "$state/load-a.txt" "$state/load-b.txt" | sed 's/^/api A, B: /'
  local cross all
  cross=$(( $(silos_sum orleans_messaging_received_messages_size_bytes_count 'SiloToSilo.*MessageDirection="(Request|OneWay)"') - cross0 ))
  all=$(( $(silos_sum orleans_messaging_processing_dispatcher_received_total 'Direction="(Request|OneWay)"') - all0 ))
  awk -v c="$cross" -v a="$all" 'BEGIN {printf "cross-silo: %d of %d grain messages the silos received came from the other silo (%.1f %%)\n", c, a, a ? 100 * c / a : 0}'
  local lag_count lag_sum
  lag_count=$(silos_sum cxlive_detection_lag_milliseconds_count '.')
  lag_sum=$(silos_sum cxlive_detection_lag_milliseconds_sum '.')
  awk -v n="$lag_count" -v s="$lag_sum" 'BEGIN {printf "detection lag (batch received -> verdict, both silos, since start): %d verdicts, mean %.0f ms\n", n, n ? s / n : 0}'
  for port in 5090 5091; do
    curl -s "http://127.0.0.1:$port/metrics" | grep -E '^cxlive_detection_lag_milliseconds_bucket' | sed "s/^/silo :$port /"
  done
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) stop ;;
  load) shift; load "$@" ;;
  *) sed -n '2,15p' "$0"; exit 1 ;;
esac

#!/usr/bin/env bash
# A production-like topology on one machine: one host process per module and two workflow-engine nodes, all in
# the production profile against the PostgreSQL and RabbitMQ that infra.sh starts. Logs and pids go to
# deploy/local/run/.
#
#   deploy/local/topology.sh start     build, migrate once, start every process, wait until each is ready
#   deploy/local/topology.sh stop      stop every process of the topology
#   deploy/local/topology.sh status    show each process, its URL and its readiness
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
run="$root/deploy/local/run"
logs="$run/logs"
dll="$root/hosts/Orchestration.Host/bin/Release/net10.0/Orchestration.Host.dll"

# name:port:module (one module per process; "Workflows" twice = two engine nodes)
processes=(
  "workflows-1:8101:Workflows"
  "workflows-2:8102:Workflows"
  "financial-aid:8111:FinancialAid"
  "jobbtorg:8112:Jobbtorg"
  "interventions:8113:Interventions"
  "follow-ups:8114:FollowUps"
)
modules=(Workflows FinancialAid Jobbtorg Interventions FollowUps)

log() { printf '[topology %s] %s\n' "$(date +%H:%M:%S)" "$*"; }

environment() { # environment <module>: the production settings plus module switches for one process
  local only=$1
  echo "Orchestration__Profile=Production"
  echo "ConnectionStrings__Orchestration=${ORCHESTRATION_DATABASE:-Host=127.0.0.1;Port=5432;Database=orchestration;Username=orchestration;Password=orchestration}"
  echo "ConnectionStrings__RabbitMq=${ORCHESTRATION_RABBITMQ:-amqp://orchestration:orchestration@127.0.0.1:5672/orchestration}"
  echo "Auth__SigningKey=$(cat "$run/signing-key")"
  for m in "${modules[@]}"; do
    if [ -z "$only" ] || [ "$m" = "$only" ]; then echo "Modules__$m=true"; else echo "Modules__$m=false"; fi
  done
}

start() {
  mkdir -p "$logs"
  [ -f "$run/signing-key" ] || { head -c 48 /dev/urandom | base64 | tr -d '\n' > "$run/signing-key"; chmod 600 "$run/signing-key"; }
  log "building (Release)"
  dotnet build "$root/hosts/Orchestration.Host/Orchestration.Host.csproj" -c Release -v quiet -nologo >/dev/null
  log "migrating the database once"
  env $(environment "" | tr '\n' ' ') dotnet "$dll" migrate > "$logs/migrate.log" 2>&1 || { cat "$logs/migrate.log"; exit 1; }
  if [ ! -f "$run/admin-api-key" ]; then
    env $(environment "" | tr '\n' ' ') dotnet "$dll" create-api-key --name topology-admin --role Admin 2>&1 | grep '^orc_' > "$run/admin-api-key"
    chmod 600 "$run/admin-api-key"
    log "admin API key written to $run/admin-api-key"
  fi
  for p in "${processes[@]}"; do
    IFS=: read -r name port module <<<"$p"
    if [ -f "$run/$name.pid" ] && kill -0 "$(cat "$run/$name.pid")" 2>/dev/null; then log "$name already running"; continue; fi
    env $(environment "$module" | tr '\n' ' ') Urls="http://127.0.0.1:$port" \
      nohup dotnet "$dll" > "$logs/$name.log" 2>&1 &
    echo $! > "$run/$name.pid"
    log "started $name (module $module) on http://127.0.0.1:$port, pid $!"
  done
  for p in "${processes[@]}"; do
    IFS=: read -r name port _ <<<"$p"
    for _ in $(seq 1 120); do
      curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break
      kill -0 "$(cat "$run/$name.pid")" 2>/dev/null || { log "$name exited; see $logs/$name.log"; tail -n 5 "$logs/$name.log"; exit 1; }
      sleep 0.5
    done
    curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null || { log "$name is not ready; see $logs/$name.log"; exit 1; }
    log "$name ready"
  done
}

stop() {
  for p in "${processes[@]}"; do
    IFS=: read -r name _ _ <<<"$p"
    if [ -f "$run/$name.pid" ]; then
      pid=$(cat "$run/$name.pid")
      if kill -0 "$pid" 2>/dev/null; then kill "$pid"; log "stopped $name"; fi
      rm -f "$run/$name.pid"
    fi
  done
}

status() {
  for p in "${processes[@]}"; do
    IFS=: read -r name port module <<<"$p"
    state=stopped
    if [ -f "$run/$name.pid" ] && kill -0 "$(cat "$run/$name.pid")" 2>/dev/null; then
      state=running; curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && state="running, ready"
    fi
    printf '%-14s %-14s http://127.0.0.1:%s  %s\n' "$name" "$module" "$port" "$state"
  done
}

case "${1:-}" in
  start) start;;
  stop) stop;;
  status) status;;
  *) sed -n '2,9p' "$0"; exit 2;;
esac

#!/usr/bin/env bash
# A PostgreSQL cluster and a RabbitMQ node of the fault suite's own (tests/Orchestration.Faults.Tests), on other ports
# and data directories than the shared servers of infra.sh: the fault suite restarts these, never the shared ones,
# which other test assemblies use at the same time. From Debian's packages (infra.sh install), without systemd, as root.
#
#   deploy/local/fault-servers.sh start               initialise if needed, start both, provision the test user
#   deploy/local/fault-servers.sh stop                stop both
#   deploy/local/fault-servers.sh restart-postgres    crash-like: immediate shutdown (no checkpoint), then start
#   deploy/local/fault-servers.sh restart-rabbitmq    stop the node (connections drop), then start it again
#   deploy/local/fault-servers.sh status
#
# Ports (override with FAULT_PG_PORT, FAULT_RABBIT_PORT, FAULT_RABBIT_MANAGEMENT_PORT, FAULT_RABBIT_DIST_PORT):
# PostgreSQL 55432, AMQP 55672, management 55673, Erlang distribution 55674. Data: FAULT_SERVERS_DIR
# (/var/lib/orchestration-faults). User orchestration/orchestration on both (administrator on RabbitMQ).
set -euo pipefail

DIR="${FAULT_SERVERS_DIR:-/var/lib/orchestration-faults}"
PG_PORT="${FAULT_PG_PORT:-55432}"
RABBIT_PORT="${FAULT_RABBIT_PORT:-55672}"
RABBIT_MANAGEMENT_PORT="${FAULT_RABBIT_MANAGEMENT_PORT:-55673}"
RABBIT_DIST_PORT="${FAULT_RABBIT_DIST_PORT:-55674}"
RABBIT_NODE="faults@localhost"
USER_NAME=orchestration
USER_PASSWORD=orchestration

log() { printf '[fault-servers %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
die() { printf '[fault-servers] error: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || die "run as root (it starts servers as the postgres and rabbitmq users)"

# ---------- PostgreSQL ----------
pg_bin() {
  local v; v=$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -n 1)
  [ -n "$v" ] || die "PostgreSQL is not installed (run: deploy/local/infra.sh install postgres)"
  echo "/usr/lib/postgresql/$v/bin"
}
pg_data="$DIR/postgres"
as_postgres() { su postgres -s /bin/sh -c "$*"; }
pg_running() { pg_isready -q -h 127.0.0.1 -p "$PG_PORT"; }

pg_start() {
  local bin; bin=$(pg_bin)
  mkdir -p "$DIR/postgres-log"; chmod 755 "$DIR"; chown postgres:postgres "$DIR/postgres-log"
  if [ ! -f "$pg_data/PG_VERSION" ]; then
    log "initialising a PostgreSQL cluster in $pg_data"
    mkdir -p "$pg_data"; chown postgres:postgres "$pg_data"; chmod 700 "$pg_data"
    as_postgres "$bin/initdb -D '$pg_data' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
  fi
  if pg_running; then log "PostgreSQL already running on $PG_PORT"; else
    log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
    # After an immediate stop on a loaded machine a backend may still hold the port for a moment ("Address already in
    # use"): try again a few times before giving up.
    local attempt
    for attempt in 1 2 3 4 5 6 7 8 9 10; do
      as_postgres "$bin/pg_ctl -D '$pg_data' -l '$DIR/postgres-log/postgres.log' -w -t 60 -o \"-p $PG_PORT -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off\" start" >/dev/null && break
      [ "$attempt" -lt 10 ] || die "PostgreSQL did not start; see $DIR/postgres-log/postgres.log"
      log "PostgreSQL did not start (attempt $attempt); trying again"
      sleep 2
    done
  fi
  psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 <<SQL >/dev/null
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${USER_NAME}') THEN
    CREATE ROLE "${USER_NAME}" LOGIN CREATEDB PASSWORD '${USER_PASSWORD}';
  END IF;
END \$\$;
GRANT pg_signal_backend TO "${USER_NAME}";
SQL
  log "PostgreSQL ready: Host=127.0.0.1;Port=$PG_PORT;Username=$USER_NAME"
}

pg_stop() { # pg_stop <mode>
  pg_running || { log "PostgreSQL not running"; return 0; }
  log "stopping PostgreSQL ($1)"
  as_postgres "$(pg_bin)/pg_ctl -D '$pg_data' -m $1 -w stop" >/dev/null
}

# ---------- RabbitMQ ----------
rabbit_base="$DIR/rabbitmq"
rabbit_env() { # the node's own settings; the shared node's /etc/rabbitmq files are not read
  cat <<ENV
RABBITMQ_NODENAME=$RABBIT_NODE
RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
RABBITMQ_NODE_PORT=$RABBIT_PORT
RABBITMQ_DIST_PORT=$RABBIT_DIST_PORT
RABBITMQ_MNESIA_BASE=$rabbit_base/mnesia
RABBITMQ_LOG_BASE=$rabbit_base/log
RABBITMQ_PID_FILE=$rabbit_base/node.pid
RABBITMQ_CONFIG_FILE=$rabbit_base/rabbitmq.conf
RABBITMQ_ENABLED_PLUGINS_FILE=$rabbit_base/enabled_plugins
RABBITMQ_CONF_ENV_FILE=$rabbit_base/rabbitmq-env.conf
ERL_EPMD_ADDRESS=127.0.0.1
HOME=/var/lib/rabbitmq
ENV
}
as_rabbitmq() { su rabbitmq -s /bin/sh -c "env $(rabbit_env | tr '\n' ' ') $*"; }
rabbit_running() { [ -f "$rabbit_base/node.pid" ] && kill -0 "$(cat "$rabbit_base/node.pid")" 2>/dev/null; }

port_listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

rabbit_launch() { # starts the node unless it runs
  if rabbit_running; then log "RabbitMQ node $RABBIT_NODE already running"; return 0; fi
  # A node that has just stopped can hold its listener a little longer; starting then fails with
  # could_not_start_listener (seen in a long fault run on a loaded machine).
  for _ in $(seq 1 60); do port_listening "$RABBIT_PORT" || break; sleep 0.5; done
  local attempt
  for attempt in 1 2; do
    log "starting RabbitMQ node $RABBIT_NODE on 127.0.0.1:$RABBIT_PORT"
    as_rabbitmq "/usr/lib/rabbitmq/bin/rabbitmq-server -detached" >/dev/null 2>&1 || true
    for _ in $(seq 1 60); do [ -f "$rabbit_base/node.pid" ] && break; sleep 0.5; done
    as_rabbitmq "/usr/lib/rabbitmq/bin/rabbitmqctl -n $RABBIT_NODE wait '$rabbit_base/node.pid' --timeout 90" >/dev/null && return 0
    log "RabbitMQ node $RABBIT_NODE did not start (attempt $attempt); see $rabbit_base/log"
    rabbit_running && rabbit_stop
    rm -f "$rabbit_base/node.pid"
    sleep 2
  done
  die "RabbitMQ did not start; see $rabbit_base/log"
}

rabbit_api_up() { # rabbit_api_up <api> <auth>: waits up to a minute for the management API
  for _ in $(seq 1 120); do curl -fsS -u "$2" "$1/overview" >/dev/null 2>&1 && return 0; sleep 0.5; done
  return 1
}

rabbit_start() {
  command -v rabbitmq-server >/dev/null || die "RabbitMQ is not installed (run: deploy/local/infra.sh install rabbitmq)"
  mkdir -p "$rabbit_base/mnesia" "$rabbit_base/log"
  printf 'listeners.tcp.default = 127.0.0.1:%s\nmanagement.tcp.ip = 127.0.0.1\nmanagement.tcp.port = %s\nloopback_users = none\n' \
    "$RABBIT_PORT" "$RABBIT_MANAGEMENT_PORT" > "$rabbit_base/rabbitmq.conf"
  echo '[rabbitmq_management].' > "$rabbit_base/enabled_plugins"
  echo 'SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"' > "$rabbit_base/rabbitmq-env.conf"
  chown -R rabbitmq:rabbitmq "$rabbit_base"
  local api="http://127.0.0.1:$RABBIT_MANAGEMENT_PORT/api" auth="guest:guest"
  rabbit_launch
  if ! rabbit_api_up "$api" "$auth"; then
    # Seen after an interrupted run: the node is up but its management API fails every request (500, node stats
    # missing). Such a node never heals by itself; a fresh start of it does.
    log "RabbitMQ management API failing on the running node; restarting the node"
    rabbit_stop
    rabbit_launch
    rabbit_api_up "$api" "$auth" || die "RabbitMQ management API did not answer on 127.0.0.1:$RABBIT_MANAGEMENT_PORT; see $rabbit_base/log"
  fi
  curl -fsS -u "$auth" -X PUT -H 'content-type: application/json' \
    -d "{\"password\":\"${USER_PASSWORD}\",\"tags\":\"administrator\"}" "$api/users/${USER_NAME}" >/dev/null
  log "RabbitMQ ready: amqp://${USER_NAME}:***@127.0.0.1:$RABBIT_PORT (management on 127.0.0.1:$RABBIT_MANAGEMENT_PORT)"
}

rabbit_stop() {
  rabbit_running || { log "RabbitMQ node $RABBIT_NODE not running"; return 0; }
  log "stopping RabbitMQ node $RABBIT_NODE"
  local pid; pid=$(cat "$rabbit_base/node.pid")
  as_rabbitmq "/usr/lib/rabbitmq/bin/rabbitmqctl -n $RABBIT_NODE stop '$rabbit_base/node.pid'" >/dev/null 2>&1 || kill -9 "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then
    log "RabbitMQ node $RABBIT_NODE still running 30 s after stop; killing it"
    kill -9 "$pid" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  fi
  rm -f "$rabbit_base/node.pid"
}

status() {
  if pg_running; then echo "postgres: running on $PG_PORT"; else echo "postgres: stopped"; fi
  if rabbit_running; then echo "rabbitmq: running on $RABBIT_PORT"; else echo "rabbitmq: stopped"; fi
}

case "${1:-}" in
  start) pg_start; rabbit_start;;
  stop) rabbit_stop; pg_stop fast;;
  restart-postgres) pg_stop immediate; pg_start;;
  restart-rabbitmq) rabbit_stop; rabbit_start;;
  status) status;;
  *) sed -n '2,14p' "$0"; exit 2;;
esac

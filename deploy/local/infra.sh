#!/usr/bin/env bash
# Local infrastructure for tests and the production-like topology on a Debian machine, run as root, without systemd.
# Idempotent: every action checks first, so running it twice is harmless.
#
#   deploy/local/infra.sh up                      install what is missing, start PostgreSQL and RabbitMQ, provision them
#   deploy/local/infra.sh install [component]     install from Debian's packages (postgres, rabbitmq, chromium, all)
#   deploy/local/infra.sh start|stop|restart|kill|status [postgres|rabbitmq|all]
#
# "kill" stops a server abruptly (PostgreSQL: immediate shutdown; RabbitMQ: SIGKILL) for fault tests.
# Credentials and names below are the local test defaults; see README.md ("Infrastructure").
set -euo pipefail

PG_USER="${ORCHESTRATION_PG_USER:-orchestration}"
PG_PASSWORD="${ORCHESTRATION_PG_PASSWORD:-orchestration}"
PG_DATABASE="${ORCHESTRATION_PG_DATABASE:-orchestration}"
RABBIT_USER="${ORCHESTRATION_RABBIT_USER:-orchestration}"
RABBIT_PASSWORD="${ORCHESTRATION_RABBIT_PASSWORD:-orchestration}"
RABBIT_VHOST="${ORCHESTRATION_RABBIT_VHOST:-orchestration}"
RABBIT_PID_FILE=/var/lib/rabbitmq/mnesia/rabbit@localhost.pid

log() { printf '[infra %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
die() { printf '[infra] error: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || die "run as root (it installs packages and starts servers)"

apt_updated=0
apt_install() {
  local missing=()
  for p in "$@"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ $apt_updated -eq 0 ]; then log "apt-get update"; apt-get update -qq; apt_updated=1; fi
  log "installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# ---------- PostgreSQL ----------
pg_version() { ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1; }
pg_running() { pg_isready -q -h 127.0.0.1 -p 5432; }

pg_install() { apt_install postgresql; }

pg_start() {
  local v; v=$(pg_version); [ -n "$v" ] || die "PostgreSQL is not installed (run: $0 install postgres)"
  if pg_running; then log "PostgreSQL $v already running"; pg_provision; return 0; fi
  log "starting PostgreSQL $v"
  pg_ctlcluster "$v" main start || true
  for _ in $(seq 1 60); do pg_running && break; sleep 0.5; done
  pg_running || die "PostgreSQL did not become ready; see /var/log/postgresql/postgresql-$v-main.log"
  pg_provision
}

pg_provision() {
  # The test user may create databases: each test fixture works in a database of its own.
  su postgres -c "psql -q -v ON_ERROR_STOP=1 -d postgres" <<SQL >/dev/null
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${PG_USER}') THEN
    CREATE ROLE "${PG_USER}" LOGIN CREATEDB PASSWORD '${PG_PASSWORD}';
  END IF;
END \$\$;
-- Dropping a fixture's database WITH (FORCE) ends every session in it, also ones of other roles (e.g. a
-- background worker that just connected); without this right the drop fails now and then.
GRANT pg_signal_backend TO "${PG_USER}";
SQL
  if ! su postgres -c "psql -tAc \"select 1 from pg_database where datname='${PG_DATABASE}'\" -d postgres" | grep -q 1; then
    su postgres -c "createdb -O '${PG_USER}' '${PG_DATABASE}'"
  fi
  log "PostgreSQL ready: Host=127.0.0.1;Port=5432;Database=${PG_DATABASE};Username=${PG_USER}"
}

pg_stop() {
  local v; v=$(pg_version); [ -n "$v" ] || return 0
  pg_running || { log "PostgreSQL not running"; return 0; }
  log "stopping PostgreSQL"; pg_ctlcluster "$v" main stop -m fast
}

pg_kill() {
  local v; v=$(pg_version); [ -n "$v" ] || return 0
  pg_running || return 0
  log "stopping PostgreSQL immediately (crash-like)"; pg_ctlcluster "$v" main stop -m immediate
}

# ---------- RabbitMQ ----------
rabbit_running() { [ -f "$RABBIT_PID_FILE" ] && kill -0 "$(cat "$RABBIT_PID_FILE")" 2>/dev/null; }

rabbit_install() {
  apt_install rabbitmq-server curl
  # Loopback only, and a fixed node name: changing it later would lose users and vhosts.
  if ! grep -q 'listeners.tcp.default' /etc/rabbitmq/rabbitmq.conf 2>/dev/null; then
    cat > /etc/rabbitmq/rabbitmq.conf <<'CONF'
listeners.tcp.default = 127.0.0.1:5672
management.tcp.ip = 127.0.0.1
management.tcp.port = 15672
CONF
  fi
  if ! grep -q '^NODENAME=rabbit@localhost' /etc/rabbitmq/rabbitmq-env.conf 2>/dev/null; then
    cat > /etc/rabbitmq/rabbitmq-env.conf <<'CONF'
NODENAME=rabbit@localhost
export ERL_EPMD_ADDRESS=127.0.0.1
SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
CONF
  fi
  if ! grep -q rabbitmq_management /etc/rabbitmq/enabled_plugins 2>/dev/null; then
    rabbitmq-plugins enable --offline rabbitmq_management >/dev/null
  fi
}

rabbit_start() {
  command -v rabbitmq-server >/dev/null || die "RabbitMQ is not installed (run: $0 install rabbitmq)"
  if rabbit_running; then log "RabbitMQ already running"; else
    log "starting RabbitMQ"
    rabbitmq-server -detached >/dev/null 2>&1 || true
    # -detached returns before the pid file exists; wait for it, then for the node.
    for _ in $(seq 1 60); do [ -f "$RABBIT_PID_FILE" ] && break; sleep 0.5; done
    rabbitmqctl wait "$RABBIT_PID_FILE" --timeout 90 >/dev/null || die "RabbitMQ did not start; see /var/log/rabbitmq/"
  fi
  rabbit_provision
}

rabbit_provision() {
  # The management API (one HTTP call each) is much faster than rabbitmqctl; guest may log in from loopback.
  local api=http://127.0.0.1:15672/api auth="guest:guest"
  for _ in $(seq 1 60); do curl -fsS -u "$auth" "$api/overview" >/dev/null 2>&1 && break; sleep 0.5; done
  curl -fsS -u "$auth" "$api/overview" >/dev/null || die "RabbitMQ management API did not answer on 127.0.0.1:15672"
  curl -fsS -u "$auth" -X PUT -H 'content-type: application/json' \
    -d "{\"password\":\"${RABBIT_PASSWORD}\",\"tags\":\"administrator\"}" "$api/users/${RABBIT_USER}" >/dev/null
  curl -fsS -u "$auth" -X PUT "$api/vhosts/${RABBIT_VHOST}" >/dev/null
  curl -fsS -u "$auth" -X PUT -H 'content-type: application/json' \
    -d '{"configure":".*","write":".*","read":".*"}' "$api/permissions/${RABBIT_VHOST}/${RABBIT_USER}" >/dev/null
  log "RabbitMQ ready: amqp://${RABBIT_USER}:***@127.0.0.1:5672/${RABBIT_VHOST} (management on 127.0.0.1:15672)"
}

rabbit_stop() {
  rabbit_running || { log "RabbitMQ not running"; return 0; }
  log "stopping RabbitMQ"
  rabbitmqctl shutdown >/dev/null 2>&1 || true
  su rabbitmq -s /bin/sh -c 'epmd -kill' >/dev/null 2>&1 || true
}

rabbit_kill() {
  rabbit_running || return 0
  log "killing RabbitMQ (SIGKILL)"
  kill -9 "$(cat "$RABBIT_PID_FILE")" 2>/dev/null || true
  for _ in $(seq 1 20); do rabbit_running || break; sleep 0.25; done
  rm -f "$RABBIT_PID_FILE"
}

chromium_install() { apt_install chromium fonts-dejavu-core; }

status() {
  if pg_running; then echo "postgres: running"; else echo "postgres: stopped"; fi
  if rabbit_running; then echo "rabbitmq: running"; else echo "rabbitmq: stopped"; fi
  if command -v chromium >/dev/null; then echo "chromium: $(command -v chromium)"; else echo "chromium: missing"; fi
}

action="${1:-}"; target="${2:-all}"
each() { # each <verb>: run <component>_<verb> for the selected target
  case "$target" in
    postgres|rabbit|rabbitmq|chromium) ;;
    all) ;;
    *) die "unknown component '$target' (postgres, rabbitmq, chromium, all)";;
  esac
  local verb=$1
  case "$target" in
    postgres) "pg_$verb";;
    rabbit|rabbitmq) "rabbit_$verb";;
    chromium) [ "$verb" = install ] && chromium_install;;
    all) "pg_$verb"; "rabbit_$verb"; [ "$verb" = install ] && chromium_install || true;;
  esac
}

case "$action" in
  install) each install;;
  start) each start;;
  stop) each stop;;
  kill) each kill;;
  restart) each stop; each start;;
  status) status;;
  up) target=all; started=$(date +%s); each install; each start; log "infrastructure up in $(( $(date +%s) - started )) s";;
  *) sed -n '2,9p' "$0"; exit 2;;
esac

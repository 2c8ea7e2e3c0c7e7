# bench/lib/full-district.sh — sourced by the benchmarks that need a whole
# district: builds, starts the cluster in $WANGGE_BENCH_DIR (default
# /var/tmp/wangge-bench-full), migrates, seeds it once (full scale; SCALE=demo
# for a quick run) and starts a server on it.  After sourcing:
#   $data          the directory (cluster, key, samples)
#   $server_port   the server's port (127.0.0.1)
#   psql_owner     psql as the owner, unaligned, tuples only
# and the cluster and server stop when the script exits.
# Expects $root (the source tree) to be set.

build=${WG_BUILD_DIR:-$root/build}
scale=${SCALE:-full}
data=${WANGGE_BENCH_DIR:-/var/tmp/wangge-bench-$scale}
pg_port=${PG_PORT:-55483}
server_port=${SERVER_PORT:-18483}

"$root/tools/install-deps" --bench
[ -f "$build/build.ninja" ] || meson setup "$build" >/dev/null
ninja -C "$build" >/dev/null

mkdir -p "$data"
chmod 755 "$data"
"$root/tools/pg-cluster" start "$data/pg" "$pg_port"
owner="host=$data/pg/socket port=$pg_port dbname=wangge user=postgres"
psql_owner() { psql -X -q -At -h "$data/pg/socket" -p "$pg_port" -U postgres -d wangge "$@"; }
bench_cleanup() {
  [ -n "${server_pid:-}" ] && kill -TERM "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  "$root/tools/pg-cluster" stop "$data/pg" || true
}
trap bench_cleanup EXIT

"$build/server/wangge-admin" --conninfo "$owner" migrate >/dev/null
if [ ! -f "$data/seeded" ]; then
  "$build/server/wangge-admin" --conninfo "$owner" load-demo >/dev/null
  [ -f "$data/key" ] || "$build/server/wangge-admin" generate-key "$data/key" >/dev/null
  echo "== seeding the $scale district once into $data"
  "$build/server/wangge-admin" --conninfo "$owner" seed --scale "$scale" --key-file "$data/key"
  touch "$data/seeded"
fi
echo "== $(psql_owner -c "SELECT count(*) FROM person") people, database $(psql_owner -c "SELECT pg_size_pretty(pg_database_size('wangge'))")"

cat >"$data/server.conf" <<CONF
[server]
address=127.0.0.1
port=$server_port
workers=2

[database]
conninfo=host=$data/pg/socket port=$pg_port dbname=wangge user=wangge_app

[security]
key_file=$data/key
CONF
"$build/server/wangge-server" --config "$data/server.conf" >"$data/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do
  curl -fsS "http://127.0.0.1:$server_port/api/v1/health" >/dev/null 2>&1 && break
  sleep 0.1
done

#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests, on a free loopback port, in a folder of its own.
#   scripts/test-postgres.sh start DIR   prints the JDBC URL of its 'postgres' database (superuser 'postgres')
#   scripts/test-postgres.sh stop DIR
#   scripts/test-postgres.sh remove DIR   stops it if it runs and deletes DIR
#   scripts/test-postgres.sh start-again DIR   after stop: the same cluster on the same port (a server restart)
# Run as root (as CI does), the server runs as the 'postgres' user: initdb refuses root.
# The tests' cluster skips fsync (it is thrown away); PG_FSYNC=on keeps it, for benchmarks.
set -euo pipefail
action=${1:?start or stop}
dir=${2:?folder for the cluster}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "No PostgreSQL server here (looked in /usr/lib/postgresql/*/bin): apt-get install postgresql," \
       "or run the tests with -DskipPostgres" >&2
  exit 2
fi
as=()
if [ "$(id -u)" = 0 ]; then as=(runuser -u postgres --); fi

case $action in
start)
  mkdir -p "$dir"
  if [ ${#as[@]} -gt 0 ]; then chown postgres "$dir"; fi
  # logins over TCP need the password (the tests exercise it)
  printf 'tapewatch-test\n' > "$dir/password"
  if [ ${#as[@]} -gt 0 ]; then chown postgres "$dir/password"; fi
  "${as[@]}" "$bin/initdb" -D "$dir/data" -U postgres --pwfile="$dir/password" -A scram-sha-256 \
    --auth-local=trust -E UTF8 --no-sync >"$dir/initdb.log" 2>&1
  for port in $(shuf -i 20000-60000 -n 20); do
    (: >/dev/tcp/127.0.0.1/"$port") 2>/dev/null && continue # taken
    if "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 start \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=${PG_FSYNC:-off} -c max_connections=200" >/dev/null; then
      echo "$port" > "$dir/port"
      echo "jdbc:postgresql://127.0.0.1:$port/postgres?user=postgres&password=tapewatch-test"
      exit 0
    fi
  done
  echo "Could not start PostgreSQL in $dir: see $dir/server.log" >&2
  exit 1
  ;;
stop)
  "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null
  ;;
remove)
  # stop if running, then delete the cluster's folder (a few hundred MB)
  if [ -f "$dir/data/postmaster.pid" ]; then "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null; fi
  rm -rf "$dir"
  ;;
start-again)
  port=$(cat "$dir/port")
  "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 start \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=${PG_FSYNC:-off} -c max_connections=200" >/dev/null
  ;;
*)
  echo "usage: $0 start|stop|start-again|remove DIR" >&2
  exit 2
  ;;
esac

#!/bin/sh
# Load test of the incidents API with wrk (apt-get install wrk).
#
#   e2e/load.sh                 build, serve a synthetic store, run wrk, stop
#   e2e/load.sh http://host:port   run wrk against a server already running
#
# Without a URL the script builds the binary, creates (once, then reuses) a
# store of synthetic incidents through the e2e package's TestPerfStore, and
# serves it with --no-demo on a free loopback port. Settings:
#   LOAD_DB        store path        (default: $TMPDIR/incidentmap-load-$LOAD_N.db)
#   LOAD_N         incidents stored  (default: 100000)
#   LOAD_SECONDS   seconds per run   (default: 15)
#   LOAD_CONNS     open connections  (default: 32)
#   LOAD_BBOX      one oblast        (default: Kharkiv oblast)
set -eu

cd "$(dirname "$0")/.."
tmp=${TMPDIR:-/tmp}
seconds=${LOAD_SECONDS:-15}
conns=${LOAD_CONNS:-32}
bbox=${LOAD_BBOX:-35.0,48.6,38.3,50.4}
threads=$(nproc 2>/dev/null || echo 2)

command -v wrk >/dev/null || { echo "load.sh: wrk is not installed (apt-get install wrk)" >&2; exit 1; }

server_pid=
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null; true; }
trap cleanup EXIT INT TERM

if [ $# -ge 1 ]; then
	base=${1%/}
else
	n=${LOAD_N:-100000}
	db=${LOAD_DB:-$tmp/incidentmap-load-$n.db}
	bin=$tmp/incidentmap-load-bin
	echo "building the binary"
	go build -o "$bin" ./cmd/incidentmap
	echo "synthetic store: $db"
	INCIDENTMAP_PERF_DB=$db INCIDENTMAP_PERF_N=$n go test ./e2e -count=1 -run '^TestPerfStore$' >/dev/null
	port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
	base=http://127.0.0.1:$port
	"$bin" serve --no-demo --addr "127.0.0.1:$port" --db "$db" >"$tmp/incidentmap-load.log" 2>&1 &
	server_pid=$!
	i=0
	until curl -sf "$base/healthz" >/dev/null; do
		i=$((i + 1))
		[ $i -gt 200 ] && { echo "load.sh: server did not start; see $tmp/incidentmap-load.log" >&2; exit 1; }
		sleep 0.1
	done
fi

total=$(curl -sf "$base/collections/incidents/items?limit=1" | sed -n 's/.*"numberMatched":\([0-9]*\).*/\1/p')
inbox=$(curl -sf "$base/collections/incidents/items?limit=1&bbox=$bbox" | sed -n 's/.*"numberMatched":\([0-9]*\).*/\1/p')
one=$(curl -sf "$base/collections/incidents/items?limit=1" | sed -n 's/.*"features":\[{[^{]*"id":\([0-9]*\).*/\1/p')
echo "store: $total incidents, $inbox inside bbox $bbox; $threads threads, $conns connections, ${seconds}s per run"

run() {
	echo
	echo "== $1"
	wrk -t "$threads" -c "$conns" -d "${seconds}s" --latency "$2" |
		grep -E 'Requests/sec|Transfer/sec|Latency  |50%|99%|Non-2xx|Socket errors'
}

run "items in one oblast, limit=100" "$base/collections/incidents/items?bbox=$bbox&limit=100"
run "items in one oblast, limit=1000" "$base/collections/incidents/items?bbox=$bbox&limit=1000"
run "one incident by id" "$base/collections/incidents/items/$one"

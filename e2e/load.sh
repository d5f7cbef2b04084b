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
#
# Besides the one box (served from the response cache after its first
# request), two runs show what the store does without it: "50 boxes" cycles
# through 50 oblast-sized boxes (a working set the cache holds after the
# first round), "every box new" shifts each request's box a little so that
# no request is ever answered from the cache.
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

# boxes_script LIMIT UNIQUE writes a wrk script asking for oblast-sized
# boxes (3.3 by 1.8 degrees) on a 10 by 5 grid over Ukraine; with UNIQUE=1
# every request's box is shifted by a step no other request uses.
boxes_script() {
	cat <<EOF
local limit, unique = $1, $2
local boxes, n = {}, 0
for row = 0, 4 do
	for col = 0, 9 do
		local w, s = 22.5 + col * 1.4, 44.6 + row * 1.1
		boxes[#boxes + 1] = { w, s, w + 3.3, s + 1.8 }
	end
end
local threads = 0
function setup(thread)
	threads = threads + 1
	thread:set("tid", threads)
end
function request()
	n = n + 1
	local b = boxes[n % #boxes + 1]
	local shift = 0
	if unique == 1 then shift = (n * 64 + (tid or 0)) * 1e-6 end
	local path = string.format("/collections/incidents/items?limit=%d&bbox=%.6f,%.6f,%.6f,%.6f",
		limit, b[1] + shift, b[2], b[3] + shift, b[4])
	return wrk.format(nil, path)
end
EOF
}

runscript() {
	script=$tmp/incidentmap-load-$$.lua
	boxes_script "$2" "$3" >"$script"
	echo
	echo "== $1"
	wrk -t "$threads" -c "$conns" -d "${seconds}s" --latency -s "$script" "$base" |
		grep -E 'Requests/sec|Transfer/sec|Latency  |50%|99%|Non-2xx|Socket errors'
	rm -f "$script"
}

runscript "50 oblast boxes in turn, limit=100" 100 0
runscript "50 oblast boxes in turn, limit=1000" 1000 0
runscript "every box new (no cache hits), limit=100" 100 1
runscript "every box new (no cache hits), limit=1000" 1000 1

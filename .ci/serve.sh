# Sourced by the CI scripts: starts a `keyport serve` on a free loopback port with its own
# embedded PostgreSQL under $1, waits until it is ready, and sets `port` and `server`.
# Further arguments are environment settings (NAME=value). Its log is $1/serve.log.
start_keyport() {
  local scratch=$1
  shift
  chmod 755 "$scratch" # the embedded PostgreSQL runs as its own user
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  env KEYPORT_BIND="127.0.0.1:$port" KEYPORT_DATA_DIR="$scratch/keyport" KEYPORT_LOG=warn "$@" \
    "$CARGO_TARGET_DIR/debug/keyport" serve >"$scratch/serve.log" 2>&1 &
  server=$!
  for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && return 0; sleep 0.2; done
  cat "$scratch/serve.log" >&2
  return 1
}

stop_keyport() {
  [ -n "${server:-}" ] && { kill -INT "$server" 2>/dev/null; wait "$server" 2>/dev/null || true; }
  server=""
}

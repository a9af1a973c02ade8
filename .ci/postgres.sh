# Sourced by the CI scripts: makes sure PostgreSQL server binaries and libpq are installed.
have_server_binaries() {
  command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1
}

ensure_postgres() {
  local missing=()
  have_server_binaries || missing+=(postgresql)
  [ -e /usr/include/postgresql/libpq-fe.h ] || missing+=(libpq-dev)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "installing ${missing[*]}"
    if [ "$(id -u)" -ne 0 ]; then
      echo "need root to install ${missing[*]} (or install them yourself)" >&2
      return 1
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

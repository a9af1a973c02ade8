# Sourced by the CI scripts: makes sure PostgreSQL server binaries and libpq are installed.
have_server_binaries() {
  command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1
}

# Installs Debian packages as root; as another user, says what it would install and fails.
apt_install() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "missing: $* — as root this would run: apt-get install -y $* (or install them yourself)" >&2
    return 1
  fi
  echo "installing $*"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_postgres() {
  local missing=()
  have_server_binaries || missing+=(postgresql)
  [ -e /usr/include/postgresql/libpq-fe.h ] || missing+=(libpq-dev)
  if [ ${#missing[@]} -gt 0 ]; then
    apt_install "${missing[@]}"
  fi
}

# pg_auto_failover for the failover test: Debian's package for the server's major version.
ensure_auto_failover() {
  command -v pg_autoctl >/dev/null 2>&1 && return 0
  local initdb major
  initdb=$(command -v initdb || ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n1)
  major=$("$initdb" --version | sed -E 's/.* ([0-9]+)(\.[0-9]+)*.*/\1/')
  apt_install "postgresql-$major-auto-failover"
}

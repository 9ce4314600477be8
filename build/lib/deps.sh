# shellcheck shell=bash
# Installing the Debian packages and npm modules the tests need.

# Newest PostgreSQL bin dir (Debian puts initdb/pg_ctl there, not on PATH).
pg_bin_dir() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [[ -n $d && -x $d/pg_ctl && -x $d/initdb ]] && echo "$d"
}

# Print the Debian packages whose programs are missing.
missing_packages() {
  pg_bin_dir >/dev/null || echo postgresql
  command -v redis-server >/dev/null || echo redis-server
  command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || echo nginx
  [[ -x /usr/bin/chromium ]] || echo chromium
  [[ -x /usr/bin/chromedriver ]] || echo chromium-driver
}

# apt-get with retries: another apt/dpkg run (unattended-upgrades, a parallel
# setup script) may hold the dpkg lock. Lock::Timeout waits for it too.
apt_retry() {
  local attempt
  for attempt in 1 2 3; do
    if DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=120 -q "$@"; then
      return 0
    fi
    warn "apt-get $* failed (attempt $attempt/3)"
    sleep $((attempt * 10))
  done
  return 1
}

install_debian_packages() {
  local pkgs
  mapfile -t pkgs < <(missing_packages)
  if ((${#pkgs[@]} == 0)); then
    log "Debian packages already installed"
    return 0
  fi
  if ((EUID != 0)); then
    # Without root we cannot install; servers that are missing fail later with
    # a clear message, browser/nginx tests fail on their own.
    warn "missing packages (${pkgs[*]}) and not root: install them yourself"
    return 0
  fi
  log "installing: ${pkgs[*]}"
  apt_retry update || return 1
  apt_retry install -y "${pkgs[@]}" || return 1
}

# Node modules of the end-to-end tests: js/ (the official SignalR client), openapi/ (redocly lint and the typed
# client generated from the OpenAPI document).
install_npm_modules() {
  local dir
  for dir in "$REPO"/tests/EndToEnd/js "$REPO"/tests/EndToEnd/openapi; do
    install_npm_modules_in "$dir" || return 1
  done
}

install_npm_modules_in() {
  local dir=$1
  [[ -f $dir/package.json ]] || return 0
  command -v npm >/dev/null || { warn "npm not found; skipping $dir"; return 0; }
  if [[ -f $dir/package-lock.json ]]; then
    # Locally skip the (slow, destructive) npm ci when node_modules already
    # matches the lockfile; CI always starts from a fresh clone.
    if [[ -z ${CI:-} && $dir/node_modules/.package-lock.json -nt $dir/package-lock.json ]]; then
      log "node_modules up to date in $dir"
      return 0
    fi
    log "npm ci in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund)
  else
    log "npm install in $dir (no package-lock.json)"
    (cd "$dir" && npm install --no-audit --no-fund)
  fi
}

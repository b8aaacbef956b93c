#!/usr/bin/env bash
# Make the project's virtual environment (.venv, from the system python3) and install a requirements file.
#   bash scripts/setup.sh                       # the dashboard's packages
#   bash scripts/setup.sh requirements-dev.txt  # plus the test tools
# Debian's system Python refuses pip installs outside a virtual environment (PEP 668); this never
# touches it. On a machine without the venv module, Debian's python3-venv is installed first.
set -euo pipefail
cd "$(dirname "$0")/.."
requirements="${1:-requirements.txt}"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if [ ! -x .venv/bin/python ]; then
  if ! python3 -m venv .venv >/dev/null 2>&1; then
    rm -rf .venv
    echo "python3 has no venv module: installing Debian's python3-venv" >&2
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq python3-venv >/dev/null
    python3 -m venv .venv
  fi
fi

# Install only when the requirements changed since the last install (a stamp beside the venv).
stamp=".venv/.installed-$(basename "$requirements")"
wanted="$(cat "$requirements" requirements.txt | sha256sum | cut -c1-16)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$requirements"
  echo "$wanted" > "$stamp"
fi

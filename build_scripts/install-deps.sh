#!/usr/bin/env bash
# Installs the Debian packages listed in debian-packages.txt that are missing (root or sudo).
# Quiet and fast when everything is there, so `make run` and `make test` can call it each time.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
mapfile -t wanted < <(grep -vE '^\s*(#|$)' "$here/debian-packages.txt")
python_bin=${PYTHON:-python3}
if ! "$python_bin" -c 'import venv, ensurepip' 2>/dev/null; then wanted+=(python3-venv); fi
missing=()
for pkg in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed' || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null; then
  echo "install-deps: not a Debian system; install the equivalents of: ${missing[*]}" >&2
  exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "install-deps: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"

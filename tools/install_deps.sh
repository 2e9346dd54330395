#!/usr/bin/env bash
# Install the Debian packages gilpy needs to build and test, if any are missing.
# Uses sudo only when not root; does nothing (and needs no network) when all are present.
set -euo pipefail

PKGS=(cmake ninja-build g++ make pkg-config libgmp-dev libreadline-dev libgtest-dev libbenchmark-dev libmimalloc-dev ccache python3 libpcre2-dev libssl-dev zlib1g-dev libmpdec-dev)

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "install_deps: not a Debian-like system; install these yourself if the build fails: ${PKGS[*]}" >&2
  exit 0
fi

missing=()
for p in "${PKGS[@]}"; do
  # Debian 12 (bookworm) has no libmpdec-dev (its Python bundles the library): then the build
  # uses its copy in third_party/mpdecimal (CMakeLists.txt) and nothing is installed for it.
  if [ "$p" = libmpdec-dev ] && ! apt-cache show libmpdec-dev >/dev/null 2>&1; then
    continue
  fi
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "install_deps: all build dependencies are present"
  exit 0
fi

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  SUDO=(sudo)
fi
echo "install_deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update
"${SUDO[@]}" apt-get install -y --no-install-recommends "${missing[@]}"

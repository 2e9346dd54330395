#!/usr/bin/env bash
# Quick start, step 1: install missing Debian packages, build gilpy (Release) into build/,
# and run examples/demo.py with it.
#   tools/setup.sh            # BUILD_DIR=build by default
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD_DIR=${BUILD_DIR:-build}
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}

tools/install_deps.sh
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build "$BUILD_DIR" --parallel "$JOBS"

echo
echo "=== $BUILD_DIR/gilpy examples/demo.py ==="
"$BUILD_DIR/gilpy" examples/demo.py

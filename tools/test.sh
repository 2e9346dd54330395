#!/usr/bin/env bash
# Quick start, step 2 (and what CI runs): build gilpy with its unit tests into build/
# (from scratch in a fresh clone; --clean forces it) and run every test through CTest:
# GoogleTest unit tests, the Python program tests (one CTest per tests/<folder>) and
# tools/check_expectations.py (expectations == CPython 3.12's output).
#   tools/test.sh [--clean] [extra ctest args, e.g. -L python or -R py_int]
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD_DIR=${BUILD_DIR:-build}
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}

if [ "${1:-}" = "--clean" ]; then
  shift
  rm -rf "$BUILD_DIR"
fi

tools/install_deps.sh
start=$(date +%s)
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-Release}" -DGILPY_TESTS=ON
cmake --build "$BUILD_DIR" --parallel "$JOBS"
echo "build: $(( $(date +%s) - start ))s"

start=$(date +%s)
status=0
ctest --test-dir "$BUILD_DIR" --output-on-failure --parallel "$JOBS" "$@" || status=$?
echo "tests: $(( $(date +%s) - start ))s"
exit $status

#!/usr/bin/env bash
# Command-line checks of gilpy-only GIL options, which CPython cannot provide expectations for
# (tests/README.md, "gilpy-only output"):
#   -X gil=<bad>   -> "Fatal Python error: config_read_gil: ..." on stderr, exit status 1
#   -X gilstats    -> the statistics table on stderr at exit, one row per thread
#   -X giltrace=F  -> F is Chrome trace-event JSON with a "holds GIL" slice per thread
#   tools/check_gil_cli.sh [path/to/gilpy]
set -euo pipefail
GILPY=${1:-build/gilpy}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "check_gil_cli: FAIL: $*"; exit 1; }

status=0
"$GILPY" -X gil=fifo -c 'print(1)' >"$tmp/out" 2>"$tmp/err" || status=$?
[ "$status" = 1 ] || fail "-X gil=fifo: exit status $status, expected 1"
grep -q '^Fatal Python error: config_read_gil: -X gil must be "cpython" or "ticks"$' "$tmp/err" \
  || fail "-X gil=fifo: message: $(cat "$tmp/err")"
[ ! -s "$tmp/out" ] || fail "-X gil=fifo ran the program"

prog='import threading
def w():
    n = 0
    for i in range(200000): n += i
ts = [threading.Thread(target=w, name="w%d" % i) for i in range(2)]
for t in ts: t.start()
for t in ts: t.join()
print("ok")'
for policy in cpython ticks; do
  "$GILPY" -X gil=$policy -X gilstats -X giltrace="$tmp/trace.json" -c "$prog" >"$tmp/out" 2>"$tmp/err" \
    || fail "gilstats run ($policy) failed: $(cat "$tmp/err")"
  [ "$(cat "$tmp/out")" = ok ] || fail "gilstats run ($policy): stdout $(cat "$tmp/out")"
  grep -q "^GIL statistics: policy $policy" "$tmp/err" || fail "no report header ($policy)"
  grep -q '^MainThread ' "$tmp/err" || fail "no MainThread row ($policy)"
  grep -q '^w0 ' "$tmp/err" && grep -q '^w1 ' "$tmp/err" || fail "no worker rows ($policy)"
  grep -q '^interpreter: 3 threads, ' "$tmp/err" || fail "no interpreter line ($policy)"
  python3 - "$tmp/trace.json" <<'PY' || fail "bad trace ($policy)"
import json, sys
events = json.load(open(sys.argv[1]))["traceEvents"]
names = {e["args"]["name"] for e in events if e.get("ph") == "M"}
assert {"MainThread", "w0", "w1"} <= names, names
tids = {e["tid"] for e in events if e.get("name") == "holds GIL"}
assert len(tids) == 3, tids
PY
done
echo "check_gil_cli: ok"

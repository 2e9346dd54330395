#!/usr/bin/env bash
# Command-line checks of gilpy-only GIL options, which CPython cannot provide expectations for
# (tests/README.md, "gilpy-only output"):
#   -X gil=<bad>   -> "Fatal Python error: config_read_gil: ..." on stderr, exit status 1
#   -X gilstats    -> the statistics table on stderr at exit, one row per thread
#   -X giltrace=F  -> F is Chrome trace-event JSON with a "holds GIL" slice per thread; a fork
#                     child writes F.<pid> and leaves the parent's F alone
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
# fork (vm/fork.cpp): a buffered file whose lock a parent thread held at the fork (blocked writing
# to a full pipe) is usable in the child (CPython's child would deadlock: no expectation file can
# hold this); and a child's -X gilstats table lists only the forking thread.
prog='import os, select, signal, threading, time, warnings
warnings.simplefilter("ignore")
r, w = os.pipe()
f = open(w, "wb", buffering=1 << 20)
started = threading.Event()
def writer():
    started.set()
    f.write(b"x" * (1 << 19))
    f.flush()  # blocks holding the lock of f: nobody reads the pipe yet
threading.Thread(target=writer, daemon=True).start()
started.wait()
time.sleep(0.2)
pid = os.fork()
if pid == 0:
    signal.alarm(10)
    f.write(b"child")
    os._exit(0)
while select.select([r], [], [], 0.5)[0]:
    os.read(r, 1 << 16)
print("child", os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))'
"$GILPY" -c "$prog" >"$tmp/out" 2>"$tmp/err" || fail "fork with a held buffered lock: $(cat "$tmp/err")"
[ "$(cat "$tmp/out")" = "child 0" ] || fail "fork with a held buffered lock: $(cat "$tmp/out")"
prog='import os, threading, warnings
warnings.simplefilter("ignore")
ev = threading.Event()
t = threading.Thread(target=ev.wait, name="parentonly")
t.start()
pid = os.fork()
if pid:
    os.waitpid(pid, 0)
    ev.set()
    t.join()'
"$GILPY" -X gilstats -c "$prog" >"$tmp/out" 2>"$tmp/err" || fail "gilstats fork run: $(cat "$tmp/err")"
[ "$(grep -c '^interpreter: 1 threads, ' "$tmp/err")" = 1 ] || fail "fork child's gilstats: $(cat "$tmp/err")"
[ "$(grep -c '^parentonly ' "$tmp/err")" = 1 ] || fail "parent's gilstats after fork: $(cat "$tmp/err")"
# -X giltrace=F with os.fork: the parent writes F, a child that exits normally writes F.<its pid>
# (vm/fork.cpp), so the parent's trace survives and both are valid JSON describing their own threads.
prog='import os, sys, threading, warnings
warnings.simplefilter("ignore")
ev = threading.Event()
t = threading.Thread(target=ev.wait, name="parentonly")
t.start()
pid = os.fork()
if pid == 0:
    c = threading.Thread(target=lambda: None, name="childonly")
    c.start()
    c.join()
    sys.exit(0)
os.waitpid(pid, 0)
ev.set()
t.join()
print(pid)'
"$GILPY" -X giltrace="$tmp/fork.json" -c "$prog" >"$tmp/out" 2>"$tmp/err" || fail "giltrace fork run: $(cat "$tmp/err")"
child=$(cat "$tmp/out")
[ -f "$tmp/fork.json.$child" ] || fail "giltrace fork run: no child trace fork.json.$child: $(ls "$tmp")"
python3 - "$tmp/fork.json" "$tmp/fork.json.$child" <<'PY' || fail "giltrace fork run: bad traces"
import json, sys
def names(path):
    events = json.load(open(path))["traceEvents"]
    assert any(e.get("name") == "holds GIL" for e in events), path
    return {e["args"]["name"] for e in events if e.get("ph") == "M"}
parent, child = names(sys.argv[1]), names(sys.argv[2])
assert parent == {"MainThread", "parentonly"}, parent
assert child == {"MainThread", "childonly"}, child
PY

echo "check_gil_cli: ok"

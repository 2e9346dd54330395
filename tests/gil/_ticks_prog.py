# Run by ticks_policy.cmd under -X gil=ticks (CPython ignores unknown -X options and prints the
# same lines).
import sys
import threading

GILPY = sys.implementation.name == "gilpy"
if GILPY:
    import _gil
    print("policy ticks:", _gil.policy() == "ticks")
    print("check interval:", sys.getcheckinterval())
    sys.setcheckinterval(50)
    print("check interval:", sys.getcheckinterval())
    sys.setcheckinterval(100)
else:
    print("policy ticks:", True)
    print("check interval:", 100)
    print("check interval:", 50)


def count(n):
    while n > 0:
        n -= 1


ts = [threading.Thread(target=count, args=(100000,), name="c%d" % i) for i in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
if GILPY:
    st = _gil.stats()
    cs = [th for th in st["threads"] if th["name"] in ("c0", "c1")]
    ok = True
    for th in cs:
        # released every 100 instructions: ticks == bytecodes // 100 (give or take one)
        expected = th["bytecodes"] // 100
        ok = ok and abs(th["tick_releases"] - expected) <= 2 and th["forced_drops"] == 0
        if not ok:
            print(th, file=sys.stderr)
    print("released every 100 instructions:", ok)
    print("no drop requests:", all(th["drop_requests"] == 0 for th in st["threads"]))
else:
    print("released every 100 instructions:", True)
    print("no drop requests:", True)

# The _gil statistics module (gilpy only): its figures and the -X gilstats report text.
# Under CPython the same lines print.
import sys
import threading

GILPY = sys.implementation.name == "gilpy"


def work():
    total = 0
    for i in range(20000):
        total += i


t = threading.Thread(target=work, name="statsworker")
t.start()
t.join()
if GILPY:
    import _gil
    st = _gil.stats()
    keys = {"policy", "switch_interval", "check_interval", "switches", "wall_time", "held_time",
            "held_share", "threads"}
    print("keys:", set(st) == keys)
    names = [th["name"] for th in st["threads"]]
    print("threads:", names[0] == "MainThread" and "statsworker" in names)
    w = st["threads"][names.index("statsworker")]
    print("worker ended:", w["alive"] is False and w["takes"] >= 1)
    print("main alive:", st["threads"][0]["alive"] is True)
    print("held share in (0, 1]:", 0 < st["held_share"] <= 1.0001)
    me = _gil.thread_stats()
    print("thread_stats:", me["name"] == "MainThread" and me["takes"] >= 1)
    rep = _gil.report()
    print("report:", rep.startswith("GIL statistics: policy cpython") and "statsworker" in rep
          and "interpreter:" in rep)
    print("interval:", st["switch_interval"] == sys.getswitchinterval())
else:
    for label in ["keys:", "threads:", "worker ended:", "main alive:", "held share in (0, 1]:",
                  "thread_stats:", "report:", "interval:"]:
        print(label, True)

# Support module: run a function in several threads started together, with a deadline (a hang
# fails the test at once instead of timing out).
import os
import sys
import threading


def run_threads(targets, deadline=20.0):
    """Start one thread per callable in `targets` together; their results (or their exceptions as
    "TypeName: message") in order."""
    barrier = threading.Barrier(len(targets))
    results = [None] * len(targets)

    def worker(i):
        barrier.wait()
        try:
            results[i] = targets[i]()
        except Exception as e:
            results[i] = "%s: %s" % (type(e).__name__, e)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(len(targets))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(deadline)
    if any(t.is_alive() for t in threads):
        print("HANG: threads still importing after", deadline, "s", flush=True)
        sys.stderr.flush()
        os._exit(3)
    return results


def forget(*names):
    """Remove modules from sys.modules so the next import runs their bodies again."""
    for name in names:
        sys.modules.pop(name, None)

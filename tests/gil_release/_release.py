# Helpers for the GIL-release tests (CPython 3.12 and gilpy print the same lines).
#
# blocked_call(): a worker thread enters a blocking call that only the main thread can end (it
# sends the data, releases the lock, ...). The main thread waits until the worker announced the
# call, then sleeps a moment and runs Python code before it unblocks the worker: returning from
# that sleep and running that code needs the GIL, which the worker holds unless the blocking call
# released it. A call that kept the GIL would end only at its own deadline (with the wrong result),
# so "other thread progressed: False" is printed instead of hanging.
#
# during_call(): for calls that end by themselves (time.sleep, hashing, compression, native
# work), the worker records when the call started and ended and the main thread when it first ran
# after the worker announced the call. Without a release the main thread cannot run before the
# call has ended; with one it runs at once, long before the call's midpoint (the calls last tens
# of milliseconds or more; a measurement is repeated a few times, with more work, before it is
# declared a failure, so a loaded machine does not fail the test).
#
# "released:" is gilpy's own account (the _gil statistics): the worker's count of voluntary GIL
# releases grew across the call. Under CPython it is printed as True.
import signal
import sys
import threading
import time

GILPY = sys.implementation.name == "gilpy"
signal.alarm(60)  # a hang kills the test rather than leaving it running


def _releases():
    """Voluntary GIL releases of the calling thread so far (gilpy); 0 under CPython."""
    if not GILPY:
        return 0
    import _gil
    return _gil.thread_stats()["voluntary_releases"]


def _timed(call, times):
    """Run call() noting the calling thread's releases and the time before and after it."""
    before = _releases()
    times["start"] = time.monotonic()
    result = call()
    times["end"] = time.monotonic()
    times["released"] = _releases() > before or not GILPY
    return result


def blocked_call(label, call, unblock, expected):
    entered = threading.Event()
    result = []
    times = {}

    def worker():
        entered.set()
        try:
            result.append(_timed(call, times))
        except Exception as e:
            result.append(e)

    t = threading.Thread(target=worker)
    t.start()
    entered.wait(30)
    time.sleep(0.02)
    progress = 0
    for _ in range(1000):
        progress += 1
    unblock()
    t.join(30)
    ok = progress == 1000 and result == [expected]
    if not ok:
        print(label, result, file=sys.stderr)
    print(label, "- other thread progressed:", ok, "released:", times.get("released"))


def during_call(label, make_call, attempts=4):
    """make_call(scale) returns a function doing work proportional to scale."""
    ok = False
    for attempt in range(attempts):
        call = make_call(2 ** attempt)
        entered = threading.Event()
        times = {}

        def worker():
            entered.set()
            _timed(call, times)

        t = threading.Thread(target=worker)
        t.start()
        entered.wait(30)
        first = time.monotonic()
        t.join(30)
        midpoint = (times["start"] + times["end"]) / 2
        if first < midpoint:
            ok = True
            break
    if not ok:
        print(label, times, first, file=sys.stderr)
    print(label, "- other thread progressed:", ok, "released:", times["released"])

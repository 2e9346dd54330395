# Circular imports started from both ends by two threads (and a ring of three modules by three
# threads) at the same time: each thread holds its module's import lock and waits for the other's.
# The import locks detect the deadlock; the thread that would close the cycle takes the partially
# initialised module, as a single-threaded circular import does, and every import completes.
import _log
from _runner import run_threads


def imp(name):
    return lambda: __import__(name).__name__


print(run_threads([imp("_cyc_a"), imp("_cyc_b")]))
import _cyc_a
import _cyc_b

print(_cyc_a.fa(), "|", _cyc_b.fb())
print(_cyc_a._cyc_b is _cyc_b, _cyc_b._cyc_a is _cyc_a)

import _sync

for e in (_sync.a_started, _sync.b_started, _sync.c_started):
    e.clear()
print(run_threads([imp("_ring_1"), imp("_ring_2"), imp("_ring_3")]))
import _ring_1
import _ring_2
import _ring_3

print([m.next_name() for m in (_ring_1, _ring_2, _ring_3)])
print("bodies run:", sorted(_log.runs))

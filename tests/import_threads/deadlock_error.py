# A deadlock between import locks where the thread closing the cycle cannot take a partially
# initialised module: thread A holds the lock of _dlpkg.sub while it runs the parent package's
# __init__, which waits for _dl_other (thread B's); B then imports _dlpkg.sub, which is not in
# sys.modules yet. importlib raises _DeadlockError (a RuntimeError) in B; both imports complete.
import sys

from _runner import run_threads

print(run_threads([lambda: __import__("_dlpkg.sub").__name__,
                   lambda: __import__("_dl_other").__name__]))
import _dl_other
import _dlpkg

print("B:", _dl_other.outcome)
print(_dlpkg.VALUE, _dlpkg.sub.SUB, _dl_other.OTHER)
print(sorted(k for k in sys.modules if k.startswith(("_dl", "_dlpkg"))))

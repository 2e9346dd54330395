# Contexts and start methods: the defaults of CPython 3.12 on Linux and the errors.
import multiprocessing as mp
import multiprocessing.context

print(mp.get_all_start_methods())
print(mp.get_start_method(allow_none=True))
print(mp.get_start_method())
try:
    mp.set_start_method("spawn")
except RuntimeError as e:
    print("RuntimeError", e)
mp.set_start_method("spawn", force=True)
print(mp.get_start_method())
mp.set_start_method(None, force=True)
print(mp.get_start_method(allow_none=True))
for m in ("fork", "spawn", "forkserver"):
    ctx = mp.get_context(m)
    print(m, ctx.get_start_method(), type(ctx).__name__, ctx.Process.__name__)
try:
    mp.get_context("nope")
except ValueError as e:
    print("ValueError", e)
try:
    mp.get_context("fork").set_start_method("spawn")
except ValueError as e:
    print("ValueError", e)
print(mp.cpu_count() >= 1, mp.current_process().name, mp.parent_process())
print(mp.ProcessError.__mro__[1].__name__, issubclass(mp.AuthenticationError, mp.ProcessError),
      issubclass(mp.TimeoutError, mp.ProcessError), issubclass(mp.BufferTooShort, mp.ProcessError))
print(type(mp.current_process().authkey).__name__, len(mp.current_process().authkey))
import pickle
try:
    pickle.dumps(mp.current_process().authkey)
except TypeError as e:
    print("TypeError", e)
print(sorted(n for n in mp.__all__ if not n[0].isupper())[:8])

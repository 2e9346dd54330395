# _thread: start_new_thread, locks, RLock, idents, stack_size, and their errors.
import _thread
import time

done = _thread.allocate_lock()
done.acquire()
results = []


def worker(a, b, c=0):
    results.append((a, b, c, _thread.get_ident() != main_ident))
    done.release()


main_ident = _thread.get_ident()
ident = _thread.start_new_thread(worker, (1, 2), {"c": 3})
print(type(ident).__name__, ident != main_ident)
print(done.acquire(timeout=5))
print(results)
print(type(_thread.get_native_id()).__name__)

for args in [(1, ()), (print, []), (print, (), [])]:
    try:
        _thread.start_new_thread(*args)
    except TypeError as e:
        print("TypeError:", e)

lock = _thread.allocate_lock()
print(type(lock).__name__, type(lock) is _thread.LockType, lock.locked())
print(lock.acquire(), lock.locked(), lock.acquire(False), lock.acquire(True, 0.01))
lock.release()
print(lock.locked())
for bad in [(False, 1), (True, -2), (True, "a")]:
    try:
        lock.acquire(*bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
with lock:
    print("in with:", lock.locked())
print("after with:", lock.locked())
try:
    _thread.LockType()
except TypeError as e:
    print("TypeError:", e)

r = _thread.RLock()
print(r.acquire(), r.acquire(), r._is_owned())
r.release()
r.release()
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError:", e)
with r:
    with r:
        print("nested RLock ok")

print(_thread.error is RuntimeError, _thread.TIMEOUT_MAX > 1e9)
print(_thread.stack_size())
for size in [1, 100, -1]:
    try:
        _thread.stack_size(size)
    except ValueError as e:
        print("ValueError:", e)
print(_thread.stack_size(1 << 20), _thread.stack_size(0))

# A thread raising SystemExit (_thread.exit) ends silently.
ended = _thread.allocate_lock()
ended.acquire()


def exiter():
    try:
        _thread.exit()
    finally:
        ended.release()


_thread.start_new_thread(exiter, ())
print(ended.acquire(timeout=5))
time.sleep(0.01)

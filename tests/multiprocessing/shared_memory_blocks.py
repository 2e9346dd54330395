# SharedMemory: create, attach by name from a child, buf, close/unlink; ShareableList shared
# with a child; errors. Everything is unlinked, so the resource tracker reports no leak.
import multiprocessing as mp
from multiprocessing import shared_memory
import signal

signal.alarm(45)


def child(name, sl):
    shm = shared_memory.SharedMemory(name)
    shm.buf[:5] = b"hello"
    shm.close()
    sl[0] = "from child!"
    sl[1] += 1
    sl[4] = None


if __name__ == "__main__":
    shm = shared_memory.SharedMemory(create=True, size=64)
    print(shm.size, len(shm.buf), shm.name.startswith("psm_"), repr(shm).startswith("SharedMemory('psm_"))
    sl = shared_memory.ShareableList(["abcdefghij", 41, 2.5, b"raw", True, None])
    print(list(sl), sl.format, len(sl))
    p = mp.Process(target=child, args=(shm.name, sl))
    p.start()
    p.join(10)
    print(p.exitcode, bytes(shm.buf[:5]), list(sl))
    other = shared_memory.SharedMemory(shm.name)
    print(bytes(other.buf[:5]), other.size >= 64)
    other.close()
    print(sl.count(2.5), sl.index(42), sl[-1])
    try:
        sl.index("nope")
    except ValueError as e:
        print("ValueError", e)
    try:
        sl[0] = "x" * 100
    except ValueError as e:
        print("ValueError", e)
    try:
        sl[10]
    except IndexError as e:
        print("IndexError", e)
    copy = shared_memory.ShareableList(name=sl.shm.name)
    print(list(copy))
    copy.shm.close()
    sl.shm.close()
    sl.shm.unlink()
    shm.close()
    shm.close()
    shm.unlink()
    for args, kwargs in [((), {}), ((), {"create": True}), ((), {"create": True, "size": -1}),
                         (("psm_gilpy_none",), {})]:
        try:
            shared_memory.SharedMemory(*args, **kwargs)
        except Exception as e:
            print(type(e).__name__, e)

# The spawn start method runs a fresh interpreter that imports this file as __mp_main__: the
# module level runs again (so this line prints twice), the __main__ block does not; functions
# and classes defined here are found by the child.
import multiprocessing as mp
import signal
import sys

print("module level runs as", __name__, flush=True)


class Payload:
    def __init__(self, items):
        self.items = items

    def total(self):
        return sum(self.items)


def work(conn, payload, scale=1):
    main = sys.modules["__main__"]
    conn.send((payload.total() * scale, __name__, main.__name__,
               mp.current_process().name, mp.parent_process().name,
               mp.get_start_method(), type(payload).__module__))
    conn.close()


if __name__ == "__main__":
    signal.alarm(45)
    ctx = mp.get_context("spawn")
    r, w = ctx.Pipe()
    p = ctx.Process(target=work, args=(w, Payload([1, 2, 3])), kwargs={"scale": 10})
    p.start()
    print(r.recv())
    p.join(20)
    print("exitcode", p.exitcode, mp.get_start_method())

# Event and Condition across processes.
import multiprocessing as mp
import signal

signal.alarm(45)


def setter(ev):
    ev.set()


def waiter(cond, state, out):
    with cond:
        ok = cond.wait_for(lambda: state.value >= 3, timeout=10)
        out.put(("woke", ok, state.value))


if __name__ == "__main__":
    ev = mp.Event()
    print(ev.is_set(), ev.wait(0.05), repr(ev).endswith("unset>"))
    p = mp.Process(target=setter, args=(ev,))
    p.start()
    print(ev.wait(10), ev.is_set(), repr(ev).endswith(" set>"))
    p.join(10)
    ev.clear()
    print(ev.is_set())

    cond = mp.Condition()
    state = mp.Value("i", 0)
    out = mp.SimpleQueue()
    ps = [mp.Process(target=waiter, args=(cond, state, out)) for _ in range(2)]
    for p in ps:
        p.start()
    for i in range(3):
        with cond:
            state.value += 1
            cond.notify_all()
    print(sorted([out.get(), out.get()]))
    for p in ps:
        p.join(10)
    print([p.exitcode for p in ps])
    with cond:
        print(cond.wait(0.05))
        cond.notify()
    try:
        cond.wait(0)
    except AssertionError as e:
        print("AssertionError", e)
    try:
        cond.notify()
    except AssertionError as e:
        print("AssertionError", e)
    c2 = mp.Condition(mp.Lock())
    print(c2.acquire(), repr(c2).startswith("<Condition(<Lock(owner=MainProcess)>"))
    c2.release()

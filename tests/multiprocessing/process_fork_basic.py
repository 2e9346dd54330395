# Process with the fork start method: target/args/kwargs, names, exit codes, is_alive,
# current_process/parent_process in the child, repr states.
import multiprocessing as mp
import signal

signal.alarm(45)  # watchdog: a hang fails fast


def child(conn, a, b=0, *, c):
    me = mp.current_process()
    conn.send((a, b, c, me.name, mp.parent_process().name, me.daemon,
               mp.parent_process().is_alive()))
    conn.close()


if __name__ == "__main__":
    ctx = mp.get_context("fork")
    r, w = ctx.Pipe(duplex=False)
    p = ctx.Process(target=child, args=(w, 1), kwargs={"b": 2, "c": 3})
    print(p.name, p.daemon, p.exitcode, p.is_alive(), p.pid)
    print(repr(p).split(" parent=")[0], repr(p).endswith(" initial>"))
    p.start()
    print(r.recv())
    p.join(10)
    print(p.exitcode, p.is_alive(), repr(p).endswith("stopped>"))
    print(mp.active_children())

    q = ctx.Process(target=child, args=(w, "x"), kwargs={"c": None}, name="worker", daemon=True)
    q.start()
    print(r.recv())
    q.join(10)
    print(q.name, q.exitcode, repr(q).endswith("stopped daemon>"))
    print(mp.current_process().name, mp.parent_process())
    p.close()
    try:
        p.exitcode
    except ValueError as e:
        print("ValueError", e)

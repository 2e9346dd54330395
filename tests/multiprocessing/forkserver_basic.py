# The forkserver start method: children are forked by a server process, receive their
# descriptors with SCM_RIGHTS and run like spawned children (this file is their __mp_main__).
# Exit codes, exceptions, signals, Queue/Pipe/Pool, set_forkserver_preload and its error.
import multiprocessing as mp
import os
import signal
import sys
import time


def report(q, tag):
    q.put((tag, __name__, mp.current_process().name, mp.get_start_method(),
           mp.parent_process().pid == q_owner_pid(), "_fs_preload" in sys.modules))


def q_owner_pid():
    return int(os.environ["FS_TEST_PARENT"])


def leave(code):
    sys.exit(code)


def fail():
    raise ValueError("boom in child")


def sleep_long():
    time.sleep(30)


def square(x):
    return x * x


def echo(conn):
    conn.send(conn.recv() * 2)
    conn.close()


if __name__ == "__main__":
    signal.alarm(50)
    os.environ["FS_TEST_PARENT"] = str(os.getpid())
    print(mp.get_all_start_methods())
    ctx = mp.get_context("forkserver")
    print(ctx.get_start_method(), type(ctx).__name__, ctx.Process.__name__)
    try:
        ctx.set_forkserver_preload(["json", 5])
    except TypeError as e:
        print("TypeError", e)
    ctx.set_forkserver_preload(["_fs_preload", "no_such_module_xyz"])

    q = ctx.Queue()
    procs = [ctx.Process(target=report, args=(q, i), name="fs-%d" % i) for i in range(3)]
    for p in procs:
        p.start()
    print(sorted(q.get(timeout=20) for _ in procs))
    for p in procs:
        p.join(20)
    print([p.exitcode for p in procs], len({p.pid for p in procs}), os.getpid() not in
          {p.pid for p in procs})

    p = ctx.Process(target=leave, args=(7,))
    p.start()
    p.join(20)
    print("sys.exit(7):", p.exitcode)
    p = ctx.Process(target=fail)
    p.start()
    p.join(20)
    print("exception:", p.exitcode)
    p = ctx.Process(target=sleep_long)
    p.start()
    print("alive", p.is_alive(), p.exitcode)
    p.terminate()
    p.join(20)
    print("terminated:", p.exitcode, p.is_alive())

    a, b = ctx.Pipe()
    p = ctx.Process(target=echo, args=(b,))
    p.start()
    a.send("ab")
    print(a.recv() if a.poll(20) else "timeout")
    p.join(20)
    print(p.exitcode)

    with ctx.Pool(2) as pool:
        print(pool.map(square, range(8)))
        print(pool.apply_async(os.getpid).get(20) != os.getpid())
    print("done")

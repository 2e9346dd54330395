# Connections and sockets sent to another process through a Queue, a Pipe or as a Pool task
# argument: reduction.DupFd hands the descriptor over with SCM_RIGHTS (resource_sharer), for
# fork, spawn and forkserver children and for pool workers.
import multiprocessing as mp
import signal
import socket


def child(q, out):
    conn = q.get(timeout=20)
    conn.send(("conn received", type(conn).__name__, conn.readable, conn.writable))
    conn.close()
    sock = q.get(timeout=20)
    sock.sendall(b"socket received: " + sock.recv(100))
    sock.close()
    carrier = q.get(timeout=20)
    inner = carrier.recv()          # a Connection sent through a Connection
    inner.send("via pipe")
    inner.close()
    out.put("child done")


def pool_task(conn, x):
    conn.send(x * 10)
    conn.close()
    return x


if __name__ == "__main__":
    signal.alarm(50)
    for method in ("fork", "spawn", "forkserver"):
        ctx = mp.get_context(method)
        q, out = ctx.Queue(), ctx.Queue()
        p = ctx.Process(target=child, args=(q, out))
        p.start()
        a, b = ctx.Pipe()
        q.put(b)
        print(method, a.recv() if a.poll(20) else "timeout")
        s1, s2 = socket.socketpair()
        q.put(s2)
        s1.settimeout(20)
        s1.sendall(b"ping")
        print(method, s1.recv(100))
        c1, c2 = ctx.Pipe()
        carrier_r, carrier_w = ctx.Pipe(duplex=False)
        q.put(carrier_r)
        carrier_w.send(c2)
        print(method, c1.recv() if c1.poll(20) else "timeout")
        print(method, out.get(timeout=20))
        p.join(20)
        print(method, "exitcode", p.exitcode)
        for o in (a, b, s1, s2, c1, c2, carrier_r, carrier_w):
            o.close()

    with mp.get_context("fork").Pool(2) as pool:
        pipes = [mp.Pipe(duplex=False) for _ in range(3)]
        results = [pool.apply_async(pool_task, (w, i)) for i, (r, w) in enumerate(pipes)]
        print("pool", [res.get(20) for res in results],
              [r.recv() if r.poll(20) else "timeout" for r, w in pipes])
    print("done")

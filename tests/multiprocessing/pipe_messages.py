# Pipe(): duplex and one-way connections, objects and bytes across a fork, and the argument
# checks of send_bytes / recv_bytes / recv_bytes_into.
import multiprocessing as mp
import signal

signal.alarm(45)


def echo(conn):
    while True:
        try:
            msg = conn.recv()
        except EOFError:
            break
        conn.send(("echo", msg))
    conn.send_bytes(b"bye")
    conn.close()


if __name__ == "__main__":
    a, b = mp.Pipe()
    p = mp.Process(target=echo, args=(b,))
    p.start()
    b.close()
    for msg in [1, "two", [3.0, None], {"four": (4,)}, b"5" * 100000]:
        a.send(msg)
        kind, back = a.recv()
        print(kind, back if not isinstance(back, bytes) else len(back))
    a.send_bytes(b"not a pickle")  # the child fails to unpickle it...
    p.join(10)
    print("child exitcode", p.exitcode)
    a.close()

    r, w = mp.Pipe(duplex=False)
    print(r.readable, r.writable, w.readable, w.writable)
    for bad in [lambda: r.send(1), lambda: w.recv(), lambda: r.send_bytes(b"x")]:
        try:
            bad()
        except OSError as e:
            print("OSError", e)
    w.send_bytes(b"abcdef", 2)
    w.send_bytes(b"abcdef", 1, 3)
    w.send_bytes(memoryview(b"xyz"))
    print(r.recv_bytes(), r.recv_bytes(), r.recv_bytes())
    for args in [(-1,), (7,), (0, -1), (3, 4)]:
        try:
            w.send_bytes(b"abcdef", *args)
        except ValueError as e:
            print("ValueError", e)
    buf = bytearray(8)
    w.send_bytes(b"hey")
    print(r.recv_bytes_into(buf, 4), buf)
    w.send_bytes(b"0123456789")
    try:
        r.recv_bytes_into(bytearray(4))
    except mp.BufferTooShort as e:
        print("BufferTooShort", e.args[0])
    for off in (-1, 9):
        try:
            r.recv_bytes_into(buf, off)
        except ValueError as e:
            print("ValueError", e)
    try:
        r.recv_bytes(-1)
    except ValueError as e:
        print("ValueError", e)
    w.send_bytes(b"x" * 20)
    try:
        r.recv_bytes(10)
    except OSError as e:
        print("OSError", e, r.closed)
    print(r.poll(), w.closed)
    w.close()
    print(w.closed)
    try:
        w.fileno()
    except OSError as e:
        print("OSError", e)
    try:
        mp.connection.Connection(-1)
    except ValueError as e:
        print("ValueError", e)

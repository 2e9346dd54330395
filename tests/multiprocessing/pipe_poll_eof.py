# poll() with timeouts, EOFError after the peer closed, and connections as context managers.
import multiprocessing as mp
import signal

signal.alarm(45)


def late_sender(conn, ev):
    ev.wait(10)
    conn.send("late")
    conn.close()


if __name__ == "__main__":
    a, b = mp.Pipe()
    ev = mp.Event()
    p = mp.Process(target=late_sender, args=(b, ev))
    p.start()
    b.close()
    print(a.poll(), a.poll(0.05))
    ev.set()
    print(a.poll(10), a.recv())
    p.join(10)
    print(a.poll(10))
    try:
        a.recv()
    except EOFError:
        print("EOFError")
    with a:
        print(a.closed)
    print(a.closed)

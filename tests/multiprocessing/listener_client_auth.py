# Listener/Client over AF_UNIX and AF_INET, with the right and a wrong authkey (CPython's HMAC
# challenge): AuthenticationError on both sides.
import multiprocessing as mp
from multiprocessing.connection import Listener, Client
import signal

signal.alarm(45)


def client(address, key, out):
    try:
        with Client(address, authkey=key) as c:
            c.send(("hello", key))
            out.put(("client got", c.recv()))
    except mp.AuthenticationError as e:
        out.put(("client", type(e).__name__, str(e)))


if __name__ == "__main__":
    for family, address in [("AF_UNIX", None), ("AF_INET", ("127.0.0.1", 0))]:
        for key in (b"secret", b"wrong"):
            out = mp.SimpleQueue()
            with Listener(address, family=family, authkey=b"secret") as listener:
                p = mp.Process(target=client, args=(listener.address, key, out))
                p.start()
                try:
                    with listener.accept() as conn:
                        msg = conn.recv()
                        conn.send(msg[0].upper())
                        print(family, "server got", msg, listener.last_accepted is not None)
                except mp.AuthenticationError as e:
                    print(family, "server", type(e).__name__, e)
                print(family, out.get())
                p.join(10)
                print(family, "client exit", p.exitcode)
    with Listener() as l:
        print(type(l.address).__name__, l.address.endswith(".sock") or "listener-" in l.address)
    try:
        Listener(authkey="str")
    except TypeError as e:
        print("TypeError", e)
    try:
        Client("/nonexistent/socket/path")
    except OSError as e:
        print(type(e).__name__)
    try:
        Client(12)
    except TypeError as e:
        print("TypeError", e)
    try:
        Client(b"x", family="AF_PIPE")
    except ValueError as e:
        print("ValueError", e)
    try:
        l.accept()
    except OSError as e:
        print("OSError", e)

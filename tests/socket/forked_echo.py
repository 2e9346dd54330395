# An echo server in a forked child process; the parent talks to it over TCP on 127.0.0.1.
import os
import socket

srv = socket.create_server(("127.0.0.1", 0))
port = srv.getsockname()[1]
pid = os.fork()
if pid == 0:
    try:
        conn, _ = srv.accept()
        with conn:
            while True:
                data = conn.recv(1024)
                if not data:
                    break
                conn.sendall(data.upper())
    finally:
        os._exit(0)
srv.close()
with socket.create_connection(("127.0.0.1", port), timeout=5) as c:
    for msg in (b"hello", b"round trip", b"x" * 3000):
        c.sendall(msg)
        got = b""
        while len(got) < len(msg):
            got += c.recv(65536)
        print(got[:20], len(got))
    c.shutdown(socket.SHUT_WR)
    print(c.recv(10))
_, status = os.waitpid(pid, 0)
print(os.waitstatus_to_exitcode(status))

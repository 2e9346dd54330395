# AF_UNIX stream sockets bound to a path in a temporary directory.
import os
import socket
import tempfile

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "sock")
    srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    print(srv.getsockname())
    srv.bind(path)
    srv.listen()
    print(srv.getsockname() == path, os.path.exists(path))
    c = socket.socket(socket.AF_UNIX)
    c.connect(path)
    conn, addr = srv.accept()
    print(repr(addr), c.getpeername() == path, conn.getsockname() == path)
    c.sendall(b"over unix")
    print(conn.recv(100))
    f = conn.makefile("wb")
    f.write(b"line one\nline two\n")
    f.close()
    conn.close()
    rf = c.makefile("r", encoding="utf-8")
    print(rf.readlines())
    rf.close()
    c.close()
    srv.close()
    try:
        socket.socket(socket.AF_UNIX).connect(path + "-missing")
    except FileNotFoundError as e:
        print(type(e).__name__, e.errno)
    try:
        socket.socket(socket.AF_UNIX).bind(1)
    except TypeError as e:
        print(e)

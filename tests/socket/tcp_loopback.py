# TCP on 127.0.0.1 with an ephemeral port: bind/listen/accept/connect, names, options, shutdown.
import socket

srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
print(srv.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
srv.bind(("127.0.0.1", 0))
srv.listen(5)
host, port = srv.getsockname()
print(host, 0 < port < 65536)

cli = socket.socket()
print(cli.family, cli.type)
print(cli.connect_ex(("127.0.0.1", port)))
conn, addr = srv.accept()
print(type(conn).__name__, addr[0], addr == cli.getsockname(), conn.getpeername() == cli.getsockname())
print(cli.getpeername() == (host, port))
r = repr(cli)
print(r.startswith("<socket.socket fd="), "family=2, type=1, proto=0" in r, "laddr=('127.0.0.1'" in r, "raddr=('127.0.0.1'" in r)

cli.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
print(cli.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
cli.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 0)
print(cli.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
print(len(cli.getsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4)))
print(cli.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE) == socket.SOCK_STREAM)

cli.sendall(b"ping " * 1000)
data = b""
while len(data) < 5000:
    data += conn.recv(65536)
print(len(data), data[:10])
conn.sendall(b"pong")
print(cli.recv(4))
cli.shutdown(socket.SHUT_WR)
print(conn.recv(10))  # EOF
conn.close()
cli.close()

# create_server / create_connection
with socket.create_server(("127.0.0.1", 0)) as s2:
    p2 = s2.getsockname()[1]
    with socket.create_connection(("127.0.0.1", p2), timeout=5) as c2:
        print(c2.gettimeout())
        a2, _ = s2.accept()
        with a2:
            print(a2.gettimeout())
            c2.sendall(b"via create_connection")
            print(a2.recv(100))
    print(s2.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)

# Connecting to a port nobody listens on (the server we just closed).
srv.close()
c3 = socket.socket()
try:
    c3.connect(("127.0.0.1", port))
except ConnectionRefusedError as e:
    print(type(e).__name__, e.errno, e.strerror, isinstance(e, ConnectionError))
c3.close()
c4 = socket.socket()
print(c4.connect_ex(("127.0.0.1", port)))
c4.close()
try:
    socket.create_connection(("127.0.0.1", port))
except OSError as e:
    print(type(e).__name__, e)

# A non-blocking echo server driven by selectors, with two clients in the same process.
import selectors
import socket

sel = selectors.DefaultSelector()
srv = socket.create_server(("127.0.0.1", 0))
srv.setblocking(False)
sel.register(srv, selectors.EVENT_READ, data=None)
addr = srv.getsockname()

clients = []
for i in range(2):
    c = socket.socket()
    c.setblocking(False)
    print(c.connect_ex(addr) in (0, 115))  # 0 or EINPROGRESS
    clients.append(c)

served = 0
pending = {c: b"message %d" % i for i, c in enumerate(clients)}
replies = {}
for c in clients:
    sel.register(c, selectors.EVENT_WRITE, data="client")

steps = 0
while len(replies) < len(clients) and steps < 200:
    steps += 1
    for key, mask in sel.select(timeout=1):
        sock = key.fileobj
        if key.data is None:
            conn, _ = sock.accept()
            conn.setblocking(False)
            sel.register(conn, selectors.EVENT_READ, data="conn")
        elif key.data == "conn":
            data = sock.recv(1024)
            if data:
                sock.sendall(data.upper())
            else:
                sel.unregister(sock)
                sock.close()
                served += 1
        elif key.data == "client":
            if mask & selectors.EVENT_WRITE and sock in pending:
                sock.sendall(pending.pop(sock))
                sel.modify(sock, selectors.EVENT_READ, data="client")
            elif mask & selectors.EVENT_READ:
                replies[sock] = sock.recv(1024)
                sel.unregister(sock)
                sock.close()

print(sorted(replies.values()))
# let the server see the clients' EOF
while served < 2 and steps < 400:
    steps += 1
    for key, mask in sel.select(timeout=1):
        if key.data == "conn":
            if not key.fileobj.recv(1024):
                sel.unregister(key.fileobj)
                key.fileobj.close()
                served += 1
print("served", served)
sel.unregister(srv)
srv.close()
sel.close()

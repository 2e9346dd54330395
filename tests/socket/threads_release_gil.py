# Blocking socket and select calls let other threads run: a thread blocked in recv/accept/
# select/poll does not stop the main thread, which computes and then unblocks it.
import select
import socket
import threading

results = []

a, b = socket.socketpair()
t = threading.Thread(target=lambda: results.append(("recv", b.recv(100))))
t.start()
total = sum(i * i for i in range(20000))  # the main thread keeps running meanwhile
a.sendall(b"wake up")
t.join(5)
print(t.is_alive(), results[-1], total)

t = threading.Thread(target=lambda: results.append(("select", select.select([b], [], [], 5)[0] == [b])))
t.start()
a.send(b"x")
t.join(5)
print(t.is_alive(), results[-1], b.recv(10))

p = select.poll()
p.register(b, select.POLLIN)
t = threading.Thread(target=lambda: results.append(("poll", len(p.poll(5000)))))
t.start()
a.send(b"y")
t.join(5)
print(t.is_alive(), results[-1])

srv = socket.create_server(("127.0.0.1", 0))
def serve():
    conn, _ = srv.accept()
    with conn:
        conn.sendall(conn.recv(100)[::-1])
t = threading.Thread(target=serve)
t.start()
with socket.create_connection(srv.getsockname(), timeout=5) as c:
    c.sendall(b"olleh")
    print(c.recv(100))
t.join(5)
print(t.is_alive())
srv.close()
a.close()
b.close()

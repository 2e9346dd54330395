# select.select on pipes and sockets: readiness, timeouts, objects with fileno(), errors.
import os
import select
import socket

r, w = os.pipe()
print(select.select([r], [], [], 0))
print(select.select([], [w], [], 0) == ([], [w], []))
os.write(w, b"x")
print(select.select([r], [w], [], 0) == ([r], [w], []))
print(select.select([r], [], [], None) == ([r], [], []))
os.read(r, 1)
print(select.select([r], [], [], 0.01))
print(select.select([], [], [], 0))
print(select.select((), (), (), 0.0))

a, b = socket.socketpair()
rl, wl, xl = select.select([a, b], [a], [], 0)
print(rl, wl == [a], xl)
b.send(b"hi")
rl, wl, xl = select.select([a, b], [], [], 1)
print(rl == [a])
print(a.recv(10))
f = open(__file__, "rb")
rl, _, _ = select.select([f], [], [], 0)
print(rl == [f])
f.close()
os.close(w)
print(select.select([r], [], [], 0) == ([r], [], []))  # EOF is readable
print(os.read(r, 10))
os.close(r)

for args in (([], [], [], -1), ([], [], [], "x"), (["x"], [], [], 0), ([-1], [], [], 0),
             (1, [], [], 0), ([r], [], [], 0), ([], []), ([3.5], [], [], 0)):
    try:
        print(select.select(*args))
    except Exception as e:
        print(type(e).__name__, e)
print(select.error is OSError)
a.close()
b.close()

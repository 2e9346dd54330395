# select.poll: register/modify/unregister/poll, event masks, errors.
import os
import select

print(select.POLLIN, select.POLLPRI, select.POLLOUT, select.POLLERR, select.POLLHUP, select.POLLNVAL)
r, w = os.pipe()
p = select.poll()
print(type(p).__name__)
p.register(r, select.POLLIN)
p.register(w, select.POLLOUT)
res = p.poll(0)
print([(fd == w, ev) for fd, ev in res])
os.write(w, b"data")
res = p.poll(100)
print(sorted((fd == r, ev) for fd, ev in res))
p.modify(w, select.POLLIN)
print([(fd == r, ev) for fd, ev in p.poll(0)])
p.unregister(w)
print(len(p.poll()))
p.register(r)  # default mask, re-registering replaces
os.read(r, 100)
print(p.poll(0))
print(p.poll(10))
print(p.poll(0.5))
os.close(w)
print([(fd == r, ev) for fd, ev in p.poll(None)])  # POLLHUP at EOF
p.unregister(r)
os.close(r)
p.register(r, select.POLLIN)  # closed descriptor: POLLNVAL
print([(fd == r, ev) for fd, ev in p.poll(0)])
p.unregister(r)
for f in (lambda: p.unregister(12345), lambda: p.modify(12345, select.POLLIN),
          lambda: p.register("x"), lambda: p.register(-1), lambda: p.poll("x"),
          lambda: p.register(0, -1)):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

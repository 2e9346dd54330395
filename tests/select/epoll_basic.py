# select.epoll: register/modify/unregister/poll, close, context manager.
import os
import select

r, w = os.pipe()
with select.epoll() as ep:
    print(ep.closed, ep.fileno() >= 0)
    ep.register(r, select.EPOLLIN)
    ep.register(w, select.EPOLLOUT)
    print([(fd == w, ev) for fd, ev in ep.poll(0)])
    os.write(w, b"x")
    print(sorted((fd == r, ev) for fd, ev in ep.poll(1)))
    ep.modify(w, select.EPOLLIN)
    print([(fd == r, ev) for fd, ev in ep.poll(0.01)])
    ep.unregister(w)
    ep.unregister(r)
    print(ep.poll(0.01), ep.poll(timeout=0, maxevents=1))
    try:
        ep.register(r, select.EPOLLIN)
        ep.register(r, select.EPOLLIN)
    except FileExistsError as e:
        print(type(e).__name__, e)
    try:
        ep.poll(0, 0)
    except ValueError as e:
        print(e)
print(ep.closed)
for f in (ep.fileno, lambda: ep.poll(0), lambda: ep.register(r)):
    try:
        f()
    except ValueError as e:
        print(e)
ep.close()
os.close(r)
os.close(w)

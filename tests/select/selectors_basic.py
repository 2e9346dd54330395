# selectors: DefaultSelector and the explicit selectors, SelectorKey, get_key/get_map, errors.
import os
import selectors
import socket

print(selectors.DefaultSelector.__name__, selectors.EVENT_READ, selectors.EVENT_WRITE)
for cls in (selectors.DefaultSelector, selectors.SelectSelector, selectors.PollSelector,
            selectors.EpollSelector):
    a, b = socket.socketpair()
    sel = cls()
    key = sel.register(a, selectors.EVENT_READ, data="a-data")
    print(cls.__name__, type(key).__name__, key.fileobj is a, key.fd == a.fileno(), key.events, key.data)
    sel.register(b.fileno(), selectors.EVENT_WRITE)
    print(len(sel.get_map()), sel.get_key(a).data, a in sel.get_map(), b.fileno() in sel.get_map())
    ready = sel.select(0)
    print([(k.fd == b.fileno(), ev) for k, ev in ready])
    b.send(b"ping")
    ready = sel.select(1)
    print(sorted((k.fd == a.fileno(), ev, k.data) for k, ev in ready))
    print(a.recv(10))
    key2 = sel.modify(a, selectors.EVENT_READ | selectors.EVENT_WRITE, data=42)
    print(key2.events, key2.data, sel.get_key(a) == key2)
    key3 = sel.modify(a, selectors.EVENT_READ | selectors.EVENT_WRITE, data="new")
    print(key3.data)
    print(sorted((k.fd == a.fileno(), ev) for k, ev in sel.select(0)))
    print(sel.unregister(b.fileno()).events)
    print(sel.select(0.01) == [(sel.get_key(a), selectors.EVENT_WRITE)])
    for f in (lambda: sel.register(a, selectors.EVENT_READ),
              lambda: sel.register(b, 0),
              lambda: sel.register(b, 4),
              lambda: sel.register("not a file", selectors.EVENT_READ),
              lambda: sel.get_key(b),
              lambda: sel.unregister(b),
              lambda: sel.modify(b, selectors.EVENT_READ)):
        try:
            f()
        except (KeyError, ValueError) as e:
            print(type(e).__name__)
    print(sorted(k.data for k in sel.get_map().values()))
    sel.close()
    print(sel.get_map())
    try:
        sel.get_key(a)
    except RuntimeError as e:
        print(e)
    a.close()
    b.close()

with selectors.DefaultSelector() as sel:
    r, w = os.pipe()
    sel.register(r, selectors.EVENT_READ)
    print(sel.select(0))
    os.close(w)
    print([(k.fd == r, ev) for k, ev in sel.select()])
    os.close(r)
    # A closed descriptor can still be unregistered.
    print(sel.unregister(r).fd == r)
print(sel.get_map())

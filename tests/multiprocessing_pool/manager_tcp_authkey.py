# BaseManager over TCP with an authkey: a server started with start() or run in a child with
# get_server().serve_forever(); clients connect() with the right key and use the shared object;
# a wrong key is refused with AuthenticationError; shutdown() stops the server process.
import multiprocessing as mp
from multiprocessing.managers import BaseManager, DictProxy
import _deadline

store = {}


def get_store():
    return store


class StoreManager(BaseManager):
    pass


StoreManager.register('get_store', callable=get_store, proxytype=DictProxy)


def serve(conn):
    m = StoreManager(address=('127.0.0.1', 0), authkey=b'server-key')
    server = m.get_server()
    conn.send(server.address)
    server.serve_forever()


if __name__ == '__main__':
    _deadline.arm()
    m = StoreManager(address=('127.0.0.1', 0), authkey=b'abracadabra')
    m.start()
    host, port = m.address
    print(host, port > 0)
    s = m.get_store()
    s.update(a=1)
    client = StoreManager(address=m.address, authkey=b'abracadabra')
    client.connect()
    cs = client.get_store()
    cs['b'] = 2
    print(sorted(cs.items()), sorted(s.items()))
    bad = StoreManager(address=m.address, authkey=b'wrong')
    try:
        bad.connect()
    except mp.AuthenticationError as e:
        print(type(e).__name__, e)
    try:
        m.start()
    except mp.ProcessError as e:
        print(type(e).__name__, e)
    del s, cs
    m.shutdown()
    print(mp.active_children())
    try:
        m.start()
    except mp.ProcessError as e:
        print(type(e).__name__, e)

    parent, child = mp.Pipe()
    p = mp.Process(target=serve, args=(child,))
    p.start()
    address = parent.recv()
    remote = StoreManager(address=address, authkey=b'server-key')
    remote.connect()
    st = remote.get_store()
    st['x'] = 'served'
    print(st.get('x'), len(st))
    try:
        StoreManager(address=address, authkey=b'server-kez').connect()
    except mp.AuthenticationError as e:
        print(type(e).__name__, e)
    del st
    p.terminate()
    p.join(10)
    print(p.exitcode, mp.active_children())

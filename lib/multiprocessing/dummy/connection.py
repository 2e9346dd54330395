"""multiprocessing.dummy.connection (gilpy): Listener, Client and Pipe between threads.

A Connection is a pair of queue.Queue objects (one per direction): send/send_bytes put on the
outgoing queue, recv/recv_bytes take from the incoming one, so objects pass by reference.
A Listener's address is its backlog queue itself: Client(address) puts the two queues of a new
connection there and accept() takes them.
"""
__all__ = ['Client', 'Listener', 'Pipe']

from queue import Queue

families = [None]


class Listener(object):

    def __init__(self, address=None, family=None, backlog=1):
        self._backlog_queue = Queue(backlog)

    def accept(self):
        return Connection(*self._backlog_queue.get())

    def close(self):
        self._backlog_queue = None

    @property
    def address(self):
        return self._backlog_queue

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, exc_tb):
        self.close()


def Client(address):
    incoming, outgoing = Queue(), Queue()
    address.put((outgoing, incoming))
    return Connection(incoming, outgoing)


def Pipe(duplex=True):
    a, b = Queue(), Queue()
    return Connection(a, b), Connection(b, a)


class Connection(object):

    def __init__(self, _in, _out):
        self._out = _out
        self._in = _in
        self.send = self.send_bytes = _out.put
        self.recv = self.recv_bytes = _in.get

    def poll(self, timeout=0.0):
        if self._in.qsize() > 0:
            return True
        if timeout <= 0.0:
            return False
        with self._in.not_empty:
            self._in.not_empty.wait(timeout)
        return self._in.qsize() > 0

    def close(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, exc_tb):
        self.close()

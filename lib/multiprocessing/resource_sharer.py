"""multiprocessing.resource_sharer (gilpy): hand a file descriptor to whichever process asks.

reduction.DupFd(fd) uses this outside of process start-up (e.g. a Connection put on a Queue or
sent through a Pipe). DupFd duplicates the descriptor and registers the copy here under a key;
the pickled DupFd carries (address, key). In the receiving process DupFd.detach() connects to
`address` (a Listener with the process authkey, so only our family of processes can ask), sends
(key, its pid) and gets the descriptor with SCM_RIGHTS (reduction.recv_handle).

One _ResourceSharer per process serves the registrations: its Listener and daemon thread start
at the first registration. Every registration is served once: the thread pops it and closes its
copy of the descriptor after sending. `_lock` guards `_cache`, `_next_key` and the start/stop
of the listener. After a fork the child drops the parent's registrations (closing its copies of
their descriptors) and starts its own listener when it needs one. stop() ends the thread and
closes what was never asked for.
"""
import os
import signal
import sys
import threading

from . import process
from .context import reduction
from . import util

__all__ = ['stop']


class DupFd(object):
    '''Wrapper for fd which can be used at any time.'''

    def __init__(self, fd):
        copy = os.dup(fd)

        def send(conn, pid):
            reduction.send_handle(conn, copy, pid)

        def close():
            os.close(copy)

        self._id = _resource_sharer.register(send, close)

    def detach(self):
        '''Get the fd.  This should only be called once.'''
        with _resource_sharer.get_connection(self._id) as conn:
            return reduction.recv_handle(conn)


class _ResourceSharer(object):
    '''Manager for resources using background thread.'''

    def __init__(self):
        self._next_key = 0
        self._cache = {}              # key -> (send(conn, pid), close())
        self._lock = threading.Lock()
        self._listener = None
        self._address = None
        self._thread = None
        util.register_after_fork(self, _ResourceSharer._afterfork)

    def register(self, send, close):
        '''Register resource, returning an identifier.'''
        with self._lock:
            if self._address is None:
                self._start()
            self._next_key += 1
            self._cache[self._next_key] = (send, close)
            return (self._address, self._next_key)

    @staticmethod
    def get_connection(ident):
        '''Return connection from which to receive identified resource.'''
        from .connection import Client
        address, key = ident
        conn = Client(address, authkey=process.current_process().authkey)
        conn.send((key, os.getpid()))
        return conn

    def stop(self, timeout=None):
        '''Stop the background thread and clear registered resources.'''
        from .connection import Client
        with self._lock:
            if self._address is None:
                return
            conn = Client(self._address, authkey=process.current_process().authkey)
            conn.send(None)
            conn.close()
            self._thread.join(timeout)
            if self._thread.is_alive():
                util.sub_warning('_ResourceSharer thread did not stop when asked')
            self._listener.close()
            self._thread = self._address = self._listener = None
            self._close_all()

    def _close_all(self):
        for send, close in self._cache.values():
            close()
        self._cache.clear()

    def _afterfork(self):
        # The registrations (and the thread serving them) belong to the parent.
        self._close_all()
        self._lock._at_fork_reinit()
        if self._listener is not None:
            self._listener.close()
        self._thread = self._address = self._listener = None

    def _start(self):
        from .connection import Listener
        assert self._listener is None, "Already have Listener"
        util.debug('starting listener and thread for sending handles')
        self._listener = Listener(authkey=process.current_process().authkey, backlog=128)
        self._address = self._listener.address
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self):
        if hasattr(signal, 'pthread_sigmask'):
            signal.pthread_sigmask(signal.SIG_BLOCK, signal.valid_signals())
        while True:
            try:
                with self._listener.accept() as conn:
                    request = conn.recv()
                    if request is None:
                        return
                    key, destination_pid = request
                    send, close = self._cache.pop(key)
                    try:
                        send(conn, destination_pid)
                    finally:
                        close()
            except:
                if not util.is_exiting():
                    sys.excepthook(*sys.exc_info())


_resource_sharer = _ResourceSharer()
stop = _resource_sharer.stop

"""multiprocessing.reduction (gilpy): ForkingPickler, the pickler every process boundary uses
(Connection.send, Queue, spawning), and passing file descriptors between processes.

ForkingPickler is pickle.Pickler with a per-class dispatch table: copyreg's reducers plus
ForkingPickler._extra_reducers (register()), which teach it bound methods, method descriptors,
functools.partial, sockets and connections.

File descriptors: DupFd(fd) returns an object that, unpickled in the receiving process, yields
a file descriptor for the same open file. While a child is being spawned the spawning Popen
passes the descriptor to the child directly (it is inherited); otherwise the descriptor is
served by resource_sharer and sent over a Unix socket with SCM_RIGHTS (sendfds / recvfds).
"""
from abc import ABCMeta
import copyreg
import functools
import io
import pickle
import socket
import sys

from _pickle_accel import dump_with as _dump_with

from . import context

__all__ = ['send_handle', 'recv_handle', 'ForkingPickler', 'register', 'dump']

HAVE_SEND_HANDLE = (hasattr(socket, 'CMSG_LEN') and hasattr(socket, 'SCM_RIGHTS') and
                    hasattr(socket.socket, 'sendmsg'))


class ForkingPickler(pickle.Pickler):
    '''Pickler subclass used by multiprocessing.'''
    _extra_reducers = {}
    _copyreg_dispatch_table = copyreg.dispatch_table

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        table = dict(self._copyreg_dispatch_table)
        table.update(self._extra_reducers)
        self.dispatch_table = table

    @classmethod
    def register(cls, type, reduce):
        '''Register a reduce function for a type.'''
        cls._extra_reducers[type] = reduce

    @classmethod
    def dumps(cls, obj, protocol=None):
        if cls is ForkingPickler:
            # No hooks: the native dumps with this class's reducers, which only a Pickler made
            # at the first object the native code leaves to Python consults.
            data = _dump_with(obj, protocol, (cls._copyreg_dispatch_table, cls._extra_reducers),
                              cls._continue_native_dump)
            if data is not NotImplemented:
                return data
        buf = io.BytesIO()
        cls(buf, protocol).dump(obj)
        return buf.getvalue()

    loads = pickle.loads


register = ForkingPickler.register


def dump(obj, file, protocol=None):
    '''Replacement for pickle.dump() using ForkingPickler.'''
    ForkingPickler(file, protocol).dump(obj)


# ---- file descriptors over Unix sockets --------------------------------------------------------

# Descriptors in flight stay open on Linux even if the sender closes its copies at once; macOS
# needs the receiver to acknowledge first (as CPython does there).
ACKNOWLEDGE = sys.platform == 'darwin'


def _fds_to_bytes(fds):
    import struct
    return struct.pack('%di' % len(fds), *fds)


def sendfds(sock, fds):
    '''Send an array of fds over an AF_UNIX socket.'''
    fds = list(fds)
    msg = bytes([len(fds) % 256])
    sock.sendmsg([msg], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, _fds_to_bytes(fds))])
    if ACKNOWLEDGE and sock.recv(1) != b'A':
        raise RuntimeError('did not receive acknowledgement of fd')


def recvfds(sock, size):
    '''Receive an array of fds over an AF_UNIX socket.'''
    import struct
    itemsize = struct.calcsize('i')
    msg, ancdata, flags, addr = sock.recvmsg(1, socket.CMSG_SPACE(size * itemsize))
    if not msg and not ancdata:
        raise EOFError
    try:
        if ACKNOWLEDGE:
            sock.send(b'A')
        if len(ancdata) != 1:
            raise RuntimeError('received %d items of ancdata' % len(ancdata))
        cmsg_level, cmsg_type, cmsg_data = ancdata[0]
        if cmsg_level == socket.SOL_SOCKET and cmsg_type == socket.SCM_RIGHTS:
            if len(cmsg_data) % itemsize != 0:
                raise ValueError
            fds = list(struct.unpack('%di' % (len(cmsg_data) // itemsize), cmsg_data))
            if len(fds) % 256 != msg[0]:
                raise AssertionError(
                    "Len is {0:n} but msg[0] is {1!r}".format(len(fds), msg[0]))
            return fds
    except (ValueError, IndexError):
        pass
    raise RuntimeError('Invalid data received')


def send_handle(conn, handle, destination_pid):
    '''Send a handle over a local connection.'''
    with socket.fromfd(conn.fileno(), socket.AF_UNIX, socket.SOCK_STREAM) as s:
        sendfds(s, [handle])


def recv_handle(conn):
    '''Receive a handle over a local connection.'''
    with socket.fromfd(conn.fileno(), socket.AF_UNIX, socket.SOCK_STREAM) as s:
        return recvfds(s, 1)[0]


def DupFd(fd):
    '''Return a wrapper for an fd.'''
    popen_obj = context.get_spawning_popen()
    if popen_obj is not None:
        return popen_obj.DupFd(popen_obj.duplicate_for_child(fd))
    elif HAVE_SEND_HANDLE:
        from . import resource_sharer
        return resource_sharer.DupFd(fd)
    else:
        raise ValueError('SCM_RIGHTS appears not to be available')


# ---- reducers for objects pickle does not handle itself -----------------------------------------

def _reduce_method(m):
    if m.__self__ is None:
        return getattr, (m.__class__, m.__func__.__name__)
    return getattr, (m.__self__, m.__func__.__name__)


class _C:
    def f(self):
        pass


_method_type = type(_C().f)
del _C
register(_method_type, _reduce_method)


def _reduce_method_descriptor(m):
    return getattr, (m.__objclass__, m.__name__)


register(type(list.append), _reduce_method_descriptor)
register(type(int.__add__), _reduce_method_descriptor)


def _rebuild_partial(func, args, keywords):
    return functools.partial(func, *args, **keywords)


def _reduce_partial(p):
    return _rebuild_partial, (p.func, p.args, p.keywords or {})


register(functools.partial, _reduce_partial)


def _rebuild_socket(df, family, type, proto):
    fd = df.detach()
    return socket.socket(family, type, proto, fileno=fd)


def _reduce_socket(s):
    df = DupFd(s.fileno())
    return _rebuild_socket, (df, s.family, s.type, s.proto)


register(socket.socket, _reduce_socket)


class AbstractReducer(metaclass=ABCMeta):
    '''Abstract base class for use in implementing a Reduction class
    suitable for use in replacing the standard reduction mechanism
    used in multiprocessing.'''
    ForkingPickler = ForkingPickler
    register = register
    dump = dump
    send_handle = send_handle
    recv_handle = recv_handle
    DupFd = DupFd
    _reduce_method = _reduce_method
    _reduce_method_descriptor = _reduce_method_descriptor
    _rebuild_partial = _rebuild_partial
    _reduce_socket = _reduce_socket
    _rebuild_socket = _rebuild_socket

    def __init__(self, *args):
        register(_method_type, _reduce_method)
        register(type(list.append), _reduce_method_descriptor)
        register(type(int.__add__), _reduce_method_descriptor)
        register(functools.partial, _reduce_partial)
        register(socket.socket, _reduce_socket)

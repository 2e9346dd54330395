"""multiprocessing.forkserver (gilpy): the 'forkserver' start method's server process.

The first Process started with 'forkserver' spawns a server: a fresh interpreter running main()
that imports the preload modules (set_forkserver_preload) and then waits on a Unix socket. To
start a child, the parent (popen_forkserver) connects and sends, with SCM_RIGHTS
(reduction.sendfds), the descriptors [child_r, child_w, alive_w, resource tracker fd,
*the Process's own fds]. The server forks; the fork closes what it does not need, installs the
received descriptors (get_inherited_fds() gives the Process's ones, in order) and runs
spawn._main(child_r) exactly as a spawned child does: the parent writes the preparation data
and the pickled Process into child_r's pipe. The server writes the child's pid to child_w, and
its exit code (8-byte signed integers, write_signed/read_signed) once it has reaped it; the
parent reads both from the other end (its sentinel).

The server leaves when its `alive` pipe reaches EOF, i.e. when the parent that started it has
closed alive_w (at exit, or in a forked child through _stop). ForkServer._lock serializes the
starting of the server within one process. Children are reaped on SIGCHLD: the handler only
writes to a socketpair watched by the server's selector (signal.set_wakeup_fd).
"""
import errno
import os
import selectors
import signal
import socket
import struct
import sys
import threading
import warnings

from . import connection
from . import process
from .context import reduction
from . import resource_tracker
from . import spawn
from . import util

__all__ = ['ensure_running', 'get_inherited_fds', 'connect_to_new_process',
           'set_forkserver_preload']

MAXFDS_TO_SEND = 256
SIGNED_STRUCT = struct.Struct('q')     # large enough for pid_t


class ForkServer(object):

    def __init__(self):
        self._forkserver_address = None
        self._forkserver_alive_fd = None
        self._forkserver_pid = None
        self._inherited_fds = None
        self._lock = threading.Lock()
        self._preload_modules = ['__main__']

    def _stop(self):
        # Stop the server this process started (and wait for it).
        with self._lock:
            self._stop_unlocked()

    def _stop_unlocked(self):
        if self._forkserver_pid is None:
            return
        # Closing the alive fd makes the server exit.
        os.close(self._forkserver_alive_fd)
        self._forkserver_alive_fd = None
        os.waitpid(self._forkserver_pid, 0)
        self._forkserver_pid = None
        if not util.is_abstract_socket_namespace(self._forkserver_address):
            os.unlink(self._forkserver_address)
        self._forkserver_address = None

    def set_forkserver_preload(self, modules_names):
        '''Set list of module names to try to load in forkserver process.'''
        if not all(type(mod) is str for mod in modules_names):
            raise TypeError('module_names must be a list of strings')
        self._preload_modules = modules_names

    def get_inherited_fds(self):
        '''Return list of fds inherited from parent process.

        This returns None if the current process was not started by fork
        server.
        '''
        return self._inherited_fds

    def connect_to_new_process(self, fds):
        '''Request forkserver to create a child process.

        Returns a pair of fds (status_r, data_w).  The calling process can read
        the child process's pid and (eventually) its returncode from status_r.
        The calling process should write to data_w the pickled preparation and
        process data.
        '''
        self.ensure_running()
        if len(fds) + 4 >= MAXFDS_TO_SEND:
            raise ValueError('too many fds')
        with socket.socket(socket.AF_UNIX) as client:
            client.connect(self._forkserver_address)
            parent_r, child_w = os.pipe()
            child_r, parent_w = os.pipe()
            allfds = [child_r, child_w, self._forkserver_alive_fd,
                      resource_tracker.getfd()]
            allfds += fds
            try:
                reduction.sendfds(client, allfds)
                return parent_r, parent_w
            except:
                os.close(parent_r)
                os.close(parent_w)
                raise
            finally:
                os.close(child_r)
                os.close(child_w)

    def ensure_running(self):
        '''Make sure that a fork server is running.

        This can be called from any process.  Note that usually a child
        process will just reuse the forkserver started by its parent, so
        ensure_running() will do nothing.
        '''
        with self._lock:
            resource_tracker.ensure_running()
            if self._forkserver_pid is not None:
                pid, status = os.waitpid(self._forkserver_pid, os.WNOHANG)
                if not pid:
                    return      # still alive
                # The server died: start another one.
                os.close(self._forkserver_alive_fd)
                self._forkserver_address = None
                self._forkserver_alive_fd = None
                self._forkserver_pid = None

            if self._preload_modules:
                # What the server needs to import the preload modules as we see them.
                data = {'sys_path': spawn.get_preparation_data('ignore')['sys_path']}
            else:
                data = {}
            cmd = ('from multiprocessing.forkserver import main; '
                   'main(%d, %d, %r, **%r)')

            with socket.socket(socket.AF_UNIX) as listener:
                address = connection.arbitrary_address('AF_UNIX')
                listener.bind(address)
                if not util.is_abstract_socket_namespace(address):
                    os.chmod(address, 0o600)
                listener.listen()

                # The server exits when alive_r reaches EOF (every alive_w closed).
                alive_r, alive_w = os.pipe()
                try:
                    fds_to_pass = [listener.fileno(), alive_r]
                    cmd %= (listener.fileno(), alive_r, self._preload_modules, data)
                    exe = spawn.get_executable()
                    args = [exe] + spawn._args_from_interpreter_flags() + ['-c', cmd]
                    pid = util.spawnv_passfds(exe, args, fds_to_pass)
                except:
                    os.close(alive_w)
                    raise
                finally:
                    os.close(alive_r)
                self._forkserver_address = address
                self._forkserver_alive_fd = alive_w
                self._forkserver_pid = pid


def main(listener_fd, alive_r, preload, main_path=None, sys_path=None):
    '''Run forkserver.'''
    if sys_path is not None:
        sys.path[:] = sys_path
    if preload:
        if '__main__' in preload and main_path is not None:
            process.current_process()._inheriting = True
            try:
                spawn.import_main_path(main_path)
            finally:
                del process.current_process()._inheriting
        for modname in preload:
            try:
                __import__(modname)
            except ImportError:
                pass

    util._close_stdin()

    # SIGCHLD wakes the selector through a non-blocking socketpair.
    sig_r, sig_w = socket.socketpair()
    sig_r.setblocking(False)
    sig_w.setblocking(False)

    def sigchld_handler(*_unused):
        # The wakeup fd already got a byte; nothing else to do here.
        pass

    handlers = {
        signal.SIGCHLD: sigchld_handler,      # reap children
        signal.SIGINT: signal.SIG_IGN,        # the parent handles ^C
    }
    old_handlers = {sig: signal.signal(sig, val) for (sig, val) in handlers.items()}
    signal.set_wakeup_fd(sig_w.fileno())

    pid_to_fd = {}          # child pid -> the fd its exit code goes to

    with socket.socket(socket.AF_UNIX, fileno=listener_fd) as listener, \
            selectors.DefaultSelector() as selector:
        _forkserver._forkserver_address = listener.getsockname()
        selector.register(listener, selectors.EVENT_READ)
        selector.register(alive_r, selectors.EVENT_READ)
        selector.register(sig_r, selectors.EVENT_READ)

        while True:
            try:
                while True:
                    rfds = [key.fileobj for (key, events) in selector.select()]
                    if rfds:
                        break

                if alive_r in rfds:
                    # EOF: the parent is gone (or stopped us).
                    assert os.read(alive_r, 1) == b'', "Not at EOF?"
                    raise SystemExit

                if sig_r in rfds:
                    try:
                        sig_r.recv(65536)
                    except BlockingIOError:
                        pass
                    _reap_children(pid_to_fd)

                if listener in rfds:
                    with listener.accept()[0] as s:
                        fds = reduction.recvfds(s, MAXFDS_TO_SEND + 1)
                    if len(fds) > MAXFDS_TO_SEND:
                        raise RuntimeError(
                            "Too many ({0:n}) fds to send".format(len(fds)))
                    child_r, child_w, *fds = fds
                    pid = os.fork()
                    if pid == 0:
                        code = 1
                        try:
                            listener.close()
                            selector.close()
                            signal.set_wakeup_fd(-1)
                            sig_r.close()
                            sig_w.close()
                            unused_fds = [alive_r, child_w]
                            unused_fds.extend(pid_to_fd.values())
                            code = _serve_one(child_r, fds, unused_fds, old_handlers)
                        except Exception:
                            sys.excepthook(*sys.exc_info())
                            sys.stderr.flush()
                        finally:
                            os._exit(code)
                    else:
                        try:
                            write_signed(child_w, pid)
                        except BrokenPipeError:
                            pass        # the parent went away already
                        pid_to_fd[pid] = child_w
                        os.close(child_r)
                        for fd in fds:
                            os.close(fd)

            except OSError as e:
                if e.errno != errno.ECONNABORTED:
                    raise


def _reap_children(pid_to_fd):
    '''Send the exit code of every finished child to its parent.'''
    while True:
        try:
            pid, sts = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        child_w = pid_to_fd.pop(pid, None)
        if child_w is None:
            warnings.warn('forkserver: waitpid returned unexpected pid %d' % pid)
            continue
        try:
            write_signed(child_w, os.waitstatus_to_exitcode(sts))
        except BrokenPipeError:
            pass
        os.close(child_w)


def _serve_one(child_r, fds, unused_fds, handlers):
    # The forked child: back to the default signal handling, then run as a spawned child.
    for sig, val in handlers.items():
        signal.signal(sig, val)
    for fd in unused_fds:
        os.close(fd)

    (_forkserver._forkserver_alive_fd,
     resource_tracker._resource_tracker._fd,
     *_forkserver._inherited_fds) = fds

    parent_sentinel = os.dup(child_r)
    return spawn._main(child_r, parent_sentinel)


def read_signed(fd):
    data = b''
    length = SIGNED_STRUCT.size
    while len(data) < length:
        s = os.read(fd, length - len(data))
        if not s:
            raise EOFError('unexpected EOF')
        data += s
    return SIGNED_STRUCT.unpack(data)[0]


def write_signed(fd, n):
    msg = SIGNED_STRUCT.pack(n)
    while msg:
        nbytes = os.write(fd, msg)
        if nbytes == 0:
            raise RuntimeError('should not get here')
        msg = msg[nbytes:]


_forkserver = ForkServer()
ensure_running = _forkserver.ensure_running
get_inherited_fds = _forkserver.get_inherited_fds
connect_to_new_process = _forkserver.connect_to_new_process
set_forkserver_preload = _forkserver.set_forkserver_preload

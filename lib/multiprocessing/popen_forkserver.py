"""multiprocessing.popen_forkserver (gilpy): start a child through the fork server
(forkserver.py describes the protocol).

As for spawn, the Process is pickled while this Popen is the spawning popen: descriptors to hand
over (duplicate_for_child) are collected in self._fds and sent to the server with the request;
in the pickle each is replaced by its index, which _DupFd.detach() turns back into the
descriptor the child received (forkserver.get_inherited_fds()). The sentinel is the pipe the
server writes the child's pid and then its exit code to, so poll()/wait() read the exit code
from it instead of calling waitpid (the child is the server's, not ours).
"""
import io
import os

from .context import reduction, set_spawning_popen
from . import forkserver
from . import popen_fork
from . import spawn
from . import util

__all__ = ['Popen']


class _DupFd(object):
    def __init__(self, ind):
        self.ind = ind

    def detach(self):
        return forkserver.get_inherited_fds()[self.ind]


class Popen(popen_fork.Popen):
    method = 'forkserver'
    DupFd = _DupFd

    def __init__(self, process_obj):
        self._fds = []
        super().__init__(process_obj)

    def duplicate_for_child(self, fd):
        self._fds.append(fd)
        return len(self._fds) - 1

    def _launch(self, process_obj):
        prep_data = spawn.get_preparation_data(process_obj._name)
        buf = io.BytesIO()
        set_spawning_popen(self)
        try:
            reduction.dump(prep_data, buf)
            reduction.dump(process_obj, buf)
        finally:
            set_spawning_popen(None)

        self.sentinel, w = forkserver.connect_to_new_process(self._fds)
        # A copy of the write end stays open until this Popen is closed, so the child's
        # parent sentinel only reports our death.
        parent_w = os.dup(w)
        self.finalizer = util.Finalize(self, util.close_fds, (parent_w, self.sentinel))
        with open(w, 'wb', closefd=True) as f:
            f.write(buf.getvalue())
        self.pid = forkserver.read_signed(self.sentinel)

    def poll(self, flag=os.WNOHANG):
        if self.returncode is None:
            from multiprocessing.connection import wait
            timeout = 0 if flag == os.WNOHANG else None
            if not wait([self.sentinel], timeout):
                return None
            try:
                self.returncode = forkserver.read_signed(self.sentinel)
            except (OSError, EOFError):
                # The server died before it could report the exit code.
                self.returncode = 255
        return self.returncode

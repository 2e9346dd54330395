"""multiprocessing.heap (gilpy): the shared-memory arena allocator under Value, Array and
Barrier.

An Arena is one shared mapping (mmap, MAP_SHARED) of a file that is unlinked at once (in
/dev/shm when it has room), so children started by fork share it through the inherited mapping
and spawned children receive its descriptor when the arena is pickled (reduction.DupFd).

The Heap hands out blocks (arena, start, stop) aligned to 8 bytes. Per arena it keeps the free
ranges sorted by start (adjacent free ranges are merged on free), and allocates first-fit
from them; a request that fits no free range gets a new arena (at least 1 MiB, doubling with
the heap's size, page-rounded). Blocks freed from another thread while the heap lock is busy
(a weakref callback during an allocation) are queued and released on the next call. A forked
child starts an empty heap of its own (its parent's blocks stay the parent's).

BufferWrapper(size) owns one block for as long as it lives (a Finalize frees it).
"""
import bisect
import mmap
import os
import sys
import tempfile
import threading

from .context import reduction
from . import util

__all__ = ['BufferWrapper']


class Arena(object):
    """A shared memory area backed by a temporary file."""

    _dir_candidates = ['/dev/shm'] if sys.platform == 'linux' else []

    def __init__(self, size, fd=-1):
        self.size = size
        self.fd = fd
        if fd == -1:
            self.fd, name = tempfile.mkstemp(prefix='pym-%d-' % os.getpid(),
                                             dir=self._choose_dir(size))
            os.unlink(name)
            util.Finalize(self, os.close, (self.fd,))
            os.ftruncate(self.fd, size)
        self.buffer = mmap.mmap(self.fd, self.size)

    def _choose_dir(self, size):
        # /dev/shm when it has room for the arena, else the default temporary directory.
        for d in self._dir_candidates:
            try:
                st = os.statvfs(d)
            except (OSError, AttributeError):
                continue
            if st.f_bavail * st.f_frsize >= size:
                return d
        return util.get_temp_dir()


def reduce_arena(a):
    if a.fd == -1:
        raise ValueError('Arena is unpicklable because forking was enabled when it was created')
    return rebuild_arena, (a.size, reduction.DupFd(a.fd))


def rebuild_arena(size, dupfd):
    return Arena(size, dupfd.detach())


reduction.register(Arena, reduce_arena)


class Heap(object):

    _alignment = 8
    _DISCARD_FREE_SPACE_LARGER_THAN = 4 * 1024 ** 2
    _DOUBLE_ARENA_SIZE_UNTIL = 4 * 1024 ** 2

    def __init__(self, size=mmap.PAGESIZE):
        self._lastpid = os.getpid()
        self._lock = threading.Lock()
        self._size = size
        self._arenas = []
        self._free = {}          # arena -> sorted list of [start, stop] free ranges
        self._allocated = {}     # arena -> set of (start, stop) blocks in use
        self._pending_free_blocks = []
        self._n_mallocs = 0
        self._n_frees = 0

    @staticmethod
    def _roundup(n, alignment):
        mask = alignment - 1
        return (n + mask) & ~mask

    def _new_arena(self, size):
        length = self._roundup(max(self._size, size), mmap.PAGESIZE)
        if self._size < self._DOUBLE_ARENA_SIZE_UNTIL:
            self._size *= 2
        util.info('allocating a new mmap of length %d', length)
        arena = Arena(length)
        self._arenas.append(arena)
        self._free[arena] = [[0, length]]
        self._allocated[arena] = set()
        return arena

    def _malloc(self, size):
        for arena in self._arenas:
            ranges = self._free[arena]
            for i, (start, stop) in enumerate(ranges):
                if stop - start >= size:
                    if stop - start == size:
                        del ranges[i]
                    else:
                        ranges[i][0] = start + size
                    return arena, start, start + size
        arena = self._new_arena(size)
        ranges = self._free[arena]
        start, stop = ranges[0]
        if stop - start == size:
            del ranges[0]
        else:
            ranges[0][0] = start + size
        return arena, start, start + size

    def _add_free_block(self, block):
        arena, start, stop = block
        ranges = self._free[arena]
        i = bisect.bisect_left(ranges, [start, stop])
        # Merge with the free neighbours.
        if i < len(ranges) and ranges[i][0] == stop:
            stop = ranges[i][1]
            del ranges[i]
        if i > 0 and ranges[i - 1][1] == start:
            ranges[i - 1][1] = stop
        else:
            ranges.insert(i, [start, stop])
        self._allocated[arena].discard((block[1], block[2]))
        if (not self._allocated[arena] and len(self._arenas) > 1 and
                arena.size > self._DISCARD_FREE_SPACE_LARGER_THAN):
            # A large arena nobody uses any more goes back to the system.
            self._arenas.remove(arena)
            del self._free[arena], self._allocated[arena]

    def _free_pending_blocks(self):
        while self._pending_free_blocks:
            self._add_free_block(self._pending_free_blocks.pop())

    def free(self, block):
        if os.getpid() != self._lastpid:
            raise ValueError(
                "My pid ({0:n}) is not last pid {1:n}".format(os.getpid(), self._lastpid))
        if not self._lock.acquire(False):
            # Called re-entrantly (a finalizer during malloc): defer.
            self._pending_free_blocks.append(block)
        else:
            try:
                self._n_frees += 1
                self._free_pending_blocks()
                self._add_free_block(block)
            finally:
                self._lock.release()

    def malloc(self, size):
        if size < 0:
            raise ValueError("Size {0:n} out of range".format(size))
        if sys.maxsize <= size:
            raise OverflowError("Size {0:n} too large".format(size))
        if os.getpid() != self._lastpid:
            self.__init__()
        with self._lock:
            self._n_mallocs += 1
            self._free_pending_blocks()
            size = self._roundup(max(size, 1), self._alignment)
            arena, start, stop = self._malloc(size)
            self._allocated[arena].add((start, stop))
            return arena, start, stop


class BufferWrapper(object):

    _heap = Heap()

    def __init__(self, size):
        if size < 0:
            raise ValueError("Size {0:n} out of range".format(size))
        if sys.maxsize <= size:
            raise OverflowError("Size {0:n} too large".format(size))
        block = BufferWrapper._heap.malloc(size)
        self._state = (block, size)
        util.Finalize(self, BufferWrapper._heap.free, args=(block,))

    def create_memoryview(self):
        (arena, start, stop), size = self._state
        return memoryview(arena.buffer)[start:start + size]

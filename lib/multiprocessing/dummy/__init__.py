"""multiprocessing.dummy (gilpy): the multiprocessing API on threads.

Process is a threading.Thread with the Process extras (exitcode, children tracked by the
parent thread for active_children()); Pool is multiprocessing.pool.ThreadPool; the locks,
Condition, Event, Barrier and Semaphores are threading's; Queue/JoinableQueue are queue.Queue;
Pipe/Listener/Client come from dummy.connection (queues between threads). Manager() returns this
module itself: its dict/list/Namespace/Value/Array are plain objects, shared because threads
share memory.

Each thread's children live in a WeakKeyDictionary attribute `_children` of that thread object
(set by DummyProcess.__init__, and here for the main thread).
"""
__all__ = [
    'Process', 'current_process', 'active_children', 'freeze_support',
    'Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Condition',
    'Event', 'Barrier', 'Queue', 'Manager', 'Pipe', 'Pool', 'JoinableQueue'
    ]

import array
import sys
import threading
import weakref

from .connection import Pipe
from threading import Lock, RLock, Semaphore, BoundedSemaphore
from threading import Event, Condition, Barrier
from queue import Queue


class DummyProcess(threading.Thread):

    def __init__(self, group=None, target=None, name=None, args=(), kwargs={}):
        threading.Thread.__init__(self, group, target, name, args, kwargs)
        self._pid = None
        self._children = weakref.WeakKeyDictionary()
        self._start_called = False
        self._parent = current_process()

    def start(self):
        if self._parent is not current_process():
            raise RuntimeError(
                "Parent is {0!r} but current_process is {1!r}".format(
                    self._parent, current_process()))
        self._start_called = True
        children = getattr(self._parent, '_children', None)
        if children is not None:
            children[self] = None
        threading.Thread.start(self)

    @property
    def exitcode(self):
        # A thread has no exit status: 0 once it has run, None before or while it runs.
        if self._start_called and not self.is_alive():
            return 0
        return None


Process = DummyProcess
current_process = threading.current_thread
current_process()._children = weakref.WeakKeyDictionary()


def active_children():
    children = current_process()._children
    for p in list(children):
        if not p.is_alive():
            children.pop(p, None)
    return list(children)


def freeze_support():
    pass


class Namespace(object):
    def __init__(self, /, **kwds):
        self.__dict__.update(kwds)

    def __repr__(self):
        shown = ['%s=%r' % (name, value) for name, value in self.__dict__.items()
                 if not name.startswith('_')]
        shown.sort()
        return '%s(%s)' % (self.__class__.__name__, ', '.join(shown))


dict = dict
list = list


def Array(typecode, sequence, lock=True):
    return array.array(typecode, sequence)


class Value(object):
    def __init__(self, typecode, value, lock=True):
        self._typecode = typecode
        self._value = value

    @property
    def value(self):
        return self._value

    @value.setter
    def value(self, value):
        self._value = value

    def __repr__(self):
        return '<%s(%r, %r)>' % (type(self).__name__, self._typecode, self._value)


def Manager():
    return sys.modules[__name__]


def shutdown():
    pass


def Pool(processes=None, initializer=None, initargs=()):
    from ..pool import ThreadPool
    return ThreadPool(processes, initializer, initargs)


JoinableQueue = Queue

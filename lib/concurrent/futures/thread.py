"""ThreadPoolExecutor: calls run by a pool of worker threads.

Design:
- submit() puts a _WorkItem on the executor's SimpleQueue, then starts one more worker unless
  an idle one exists (`_idle_semaphore` counts workers that found the queue empty) or there
  are already max_workers. Workers are non-daemon threads named `<prefix>_<n>`.
- A None on the queue means "look at the shutdown flags": a worker that sees one while the
  executor is shut down (or collected, or the interpreter is exiting) puts the None back for
  the next worker and exits; shutdown() puts one None, so they leave one after the other.
- Workers hold only a weak reference to the executor; when it is collected, the weakref
  callback puts a None so they leave.
- At interpreter exit (threading._register_atexit, before non-daemon threads are joined)
  `_python_exit` stops new submissions, wakes every worker and joins it; the work already
  queued still runs, as in CPython.
- A failing initializer breaks the pool: the pending calls fail with BrokenThreadPool and
  submit() raises it.
- Locks: `_shutdown_lock` (per executor) guards `_shutdown`, `_broken` and the draining of the
  queue; `_global_shutdown_lock` guards the module's `_shutdown` and `_threads_queues`, and is
  re-initialised in a forked child.
"""

import itertools
import os
import queue
import threading
import types
import weakref

from concurrent.futures import _base

_threads_queues = weakref.WeakKeyDictionary()   # live worker thread -> its work queue
_shutdown = False
_global_shutdown_lock = threading.Lock()


def _python_exit():
    global _shutdown
    with _global_shutdown_lock:
        _shutdown = True
    items = list(_threads_queues.items())
    for _, q in items:
        q.put(None)
    for t, _ in items:
        t.join()


threading._register_atexit(_python_exit)

if hasattr(os, 'register_at_fork'):
    os.register_at_fork(before=_global_shutdown_lock.acquire,
                        after_in_child=_global_shutdown_lock._at_fork_reinit,
                        after_in_parent=_global_shutdown_lock.release)


class _WorkItem:
    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

    def run(self):
        if not self.future.set_running_or_notify_cancel():
            return
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:
            self.future.set_exception(exc)
            self = None   # the traceback references this frame
        else:
            self.future.set_result(result)

    __class_getitem__ = classmethod(types.GenericAlias)


def _worker(executor_ref, work_queue, initializer, initargs):
    if initializer is not None:
        try:
            initializer(*initargs)
        except BaseException:
            _base.LOGGER.critical('Exception in initializer:', exc_info=True)
            executor = executor_ref()
            if executor is not None:
                executor._initializer_failed()
            return
    try:
        while True:
            try:
                item = work_queue.get_nowait()
            except queue.Empty:
                executor = executor_ref()
                if executor is not None:
                    executor._idle_semaphore.release()
                del executor
                item = work_queue.get(block=True)
            if item is not None:
                item.run()
                del item   # do not keep the call's arguments and result alive while idle
                continue
            executor = executor_ref()
            if _shutdown or executor is None or executor._shutdown:
                if executor is not None:
                    executor._shutdown = True
                work_queue.put(None)   # pass the wake-up on to the next worker
                return
            del executor
    except BaseException:
        _base.LOGGER.critical('Exception in worker', exc_info=True)


class BrokenThreadPool(_base.BrokenExecutor):
    """
    Raised when a worker thread in a ThreadPoolExecutor failed initializing.
    """


class ThreadPoolExecutor(_base.Executor):
    _counter = itertools.count().__next__   # numbers the default thread-name prefixes

    def __init__(self, max_workers=None, thread_name_prefix='', initializer=None, initargs=()):
        """max_workers threads at most (default min(32, cpu_count + 4)), named
        `thread_name_prefix`_n; each runs initializer(*initargs) first."""
        if max_workers is None:
            max_workers = min(32, (os.cpu_count() or 1) + 4)
        if max_workers <= 0:
            raise ValueError('max_workers must be greater than 0')
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        self._max_workers = max_workers
        self._work_queue = queue.SimpleQueue()
        self._idle_semaphore = threading.Semaphore(0)
        self._threads = set()
        self._broken = False
        self._shutdown = False
        self._shutdown_lock = threading.Lock()
        self._thread_name_prefix = (thread_name_prefix
                                    or 'ThreadPoolExecutor-%d' % self._counter())
        self._initializer = initializer
        self._initargs = initargs

    def submit(self, fn, /, *args, **kwargs):
        with self._shutdown_lock, _global_shutdown_lock:
            if self._broken:
                raise BrokenThreadPool(self._broken)
            if self._shutdown:
                raise RuntimeError('cannot schedule new futures after shutdown')
            if _shutdown:
                raise RuntimeError('cannot schedule new futures after interpreter shutdown')
            f = _base.Future()
            self._work_queue.put(_WorkItem(f, fn, args, kwargs))
            self._adjust_thread_count()
            return f
    submit.__doc__ = _base.Executor.submit.__doc__

    def _adjust_thread_count(self):
        if self._idle_semaphore.acquire(timeout=0):
            return   # an idle worker will take the new item

        def wake_workers(_, q=self._work_queue):
            q.put(None)

        n = len(self._threads)
        if n < self._max_workers:
            t = threading.Thread(name='%s_%d' % (self._thread_name_prefix or self, n),
                                 target=_worker,
                                 args=(weakref.ref(self, wake_workers), self._work_queue,
                                       self._initializer, self._initargs))
            t.start()
            self._threads.add(t)
            _threads_queues[t] = self._work_queue

    def _drain(self):
        """With _shutdown_lock held: take every queued work item out of the queue."""
        items = []
        while True:
            try:
                item = self._work_queue.get_nowait()
            except queue.Empty:
                return items
            if item is not None:
                items.append(item)

    def _initializer_failed(self):
        with self._shutdown_lock:
            self._broken = 'A thread initializer failed, the thread pool is not usable anymore'
            for item in self._drain():
                item.future.set_exception(BrokenThreadPool(self._broken))

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._shutdown_lock:
            self._shutdown = True
            if cancel_futures:
                for item in self._drain():
                    item.future.cancel()
            self._work_queue.put(None)
        if wait:
            for t in self._threads:
                t.join()
    shutdown.__doc__ = _base.Executor.shutdown.__doc__

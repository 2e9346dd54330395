"""ProcessPoolExecutor: calls run by a pool of worker processes.

Design:
- The workers and the dispatcher thread are multiprocessing.pool's _WorkerSet (see its design
  note): each worker process has its own pipe, gets a call only when idle, and a worker that
  dies is noticed at once through its sentinel.
- submit() records a _WorkItem in `_pending_work_items` (work id -> item, guarded by
  `_shutdown_lock`) and hands the engine a one-call source; when a worker is free the
  dispatcher asks the future set_running_or_notify_cancel(), so a call cancelled before it
  started is skipped.
- Answers come back in the dispatcher thread and complete the futures. An exception raised by
  the call is re-raised in the parent with the worker's traceback text as __cause__
  (_RemoteTraceback).
- A worker that dies without answering (killed by a signal, os._exit, a failing initializer)
  breaks the executor: every pending future fails with BrokenProcessPool, the other workers
  are terminated, and submit() raises BrokenProcessPool from then on.
- shutdown() stops accepting calls; the workers exit once the pending calls are done (with
  cancel_futures, the calls not started are cancelled first); wait=True joins the dispatcher,
  which joins the workers. At interpreter exit (threading._register_atexit) every executor
  still running is shut down and waited for, as in CPython. The dispatcher thread references
  the executor only weakly: a lost executor shuts down by itself.
- With max_tasks_per_child a worker exits after that many calls and is replaced; as in
  CPython this needs a start method other than fork, and defaults to spawn.
"""

import itertools
import os
import threading
import traceback
import weakref
from functools import partial

import multiprocessing as mp
from multiprocessing.pool import _WorkerSet
from concurrent.futures import _base

_executors = weakref.WeakSet()   # running executors, shut down at interpreter exit
_global_shutdown = False
_global_shutdown_lock = threading.Lock()


def _python_exit():
    global _global_shutdown
    with _global_shutdown_lock:
        _global_shutdown = True
    live = list(_executors)
    for ex in live:
        ex._workers.stop()
    for ex in live:
        ex._workers.join()


threading._register_atexit(_python_exit)


class _RemoteTraceback(Exception):
    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


class _ExceptionWithTraceback:
    """Pickles as the exception with the worker's formatted traceback as __cause__."""

    def __init__(self, exc, tb):
        text = ''.join(traceback.format_exception(type(exc), exc, tb))
        self.exc = exc
        self.exc.__traceback__ = None   # do not keep the worker's frames alive
        self.tb = '\n"""\n%s"""' % text

    def __reduce__(self):
        return _rebuild_exc, (self.exc, self.tb)


def _rebuild_exc(exc, tb):
    exc.__cause__ = _RemoteTraceback(tb)
    return exc


def _send_error(exc, value):
    return _ExceptionWithTraceback(exc, exc.__traceback__)


class _WorkItem:
    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs


def _get_chunks(*iterables, chunksize):
    it = zip(*iterables)
    while True:
        chunk = tuple(itertools.islice(it, chunksize))
        if not chunk:
            return
        yield chunk


def _process_chunk(fn, chunk):
    return [fn(*args) for args in chunk]


def _chain_from_iterable_of_lists(iterable):
    """Flatten the chunks' result lists, dropping each as soon as it is consumed."""
    for element in iterable:
        element.reverse()
        while element:
            yield element.pop()


class BrokenProcessPool(_base.BrokenExecutor):
    """
    Raised when a process in a ProcessPoolExecutor terminated abruptly
    while a future was in the running state.
    """


class _ExecutorState:
    """The dispatcher's view of an executor: the pending work and the hooks. The executor owns
    it; it references the executor only weakly."""

    def __init__(self, executor):
        self.executor_ref = weakref.ref(executor, lambda _, s=self: s.workers.stop())
        self.pending = executor._pending_work_items
        self.lock = executor._shutdown_lock
        self.workers = None

    def source(self, work_id):
        """The one-call source of a submission; skipped when cancelled before it starts."""
        with self.lock:
            item = self.pending.get(work_id)
        if item is None:
            return
        if not item.future.set_running_or_notify_cancel():
            with self.lock:
                self.pending.pop(work_id, None)
            return
        yield work_id, item.fn, item.args, item.kwargs

    def done(self, work_id, ok, value):
        with self.lock:
            item = self.pending.pop(work_id, None)
        if item is None:
            return
        try:
            if ok:
                item.future.set_result(value)
            else:
                item.future.set_exception(value)
        except _base.InvalidStateError:
            pass

    def lost(self, work_id, exitcode):
        with self.lock:
            executor = self.executor_ref()
            if executor is not None:
                executor._broken = ('A child process terminated abruptly, the process pool '
                                    'is not usable anymore')
                executor._shutdown_thread = True
            del executor
            items = list(self.pending.values())
            self.pending.clear()
        bpe = BrokenProcessPool('A process in the process pool was terminated abruptly '
                                'while the future was running or pending.')
        for item in items:
            try:
                item.future.set_exception(bpe)
            except _base.InvalidStateError:
                pass   # cancelled meanwhile
        self.workers.terminate()
        return False

    def finished(self):
        with self.lock:
            return not self.pending


class ProcessPoolExecutor(_base.Executor):
    def __init__(self, max_workers=None, mp_context=None, initializer=None, initargs=(), *,
                 max_tasks_per_child=None):
        """max_workers processes (default: the number of CPUs), started by `mp_context`; each
        runs initializer(*initargs) first and, with max_tasks_per_child, is replaced after
        that many calls."""
        if max_workers is None:
            self._max_workers = os.cpu_count() or 1
        else:
            if max_workers <= 0:
                raise ValueError('max_workers must be greater than 0')
            self._max_workers = max_workers
        if mp_context is None:
            if max_tasks_per_child is not None:
                mp_context = mp.get_context('spawn')
            else:
                mp_context = mp.get_context()
        self._mp_context = mp_context
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        self._initializer = initializer
        self._initargs = initargs
        if max_tasks_per_child is not None:
            if not isinstance(max_tasks_per_child, int):
                raise TypeError('max_tasks_per_child must be an integer')
            elif max_tasks_per_child <= 0:
                raise ValueError('max_tasks_per_child must be >= 1')
            if self._mp_context.get_start_method(allow_none=False) == 'fork':
                raise ValueError("max_tasks_per_child is incompatible with the 'fork' "
                                 "multiprocessing start method; supply a different "
                                 "mp_context.")
        self._max_tasks_per_child = max_tasks_per_child
        self._shutdown_thread = False
        self._shutdown_lock = threading.Lock()
        self._broken = False
        self._pending_work_items = {}
        self._work_ids = itertools.count()
        self._workers = None   # started by the first submit

    def _start_workers(self):
        """With _shutdown_lock held."""
        state = _ExecutorState(self)
        state.workers = self._workers = _WorkerSet(
            self._max_workers, self._mp_context, self._initializer, self._initargs,
            self._max_tasks_per_child, '', (state.done, state.lost, state.finished),
            catch=BaseException, wrap=_ExceptionWithTraceback, send_error=_send_error,
            log_init_failure=True, daemon=False, thread_daemon=False)
        self._state = state
        _executors.add(self)

    @property
    def _processes(self):
        if self._workers is None:
            return {}
        return {p.pid: p for p in self._workers.processes}

    def submit(self, fn, /, *args, **kwargs):
        with self._shutdown_lock:
            if self._broken:
                raise BrokenProcessPool(self._broken)
            if self._shutdown_thread:
                raise RuntimeError('cannot schedule new futures after shutdown')
            if _global_shutdown:
                raise RuntimeError('cannot schedule new futures after interpreter shutdown')
            f = _base.Future()
            work_id = next(self._work_ids)
            self._pending_work_items[work_id] = _WorkItem(f, fn, args, kwargs)
            if self._workers is None:
                self._start_workers()
        self._workers.add_source(self._state.source(work_id))
        return f
    submit.__doc__ = _base.Executor.submit.__doc__

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """Like map(fn, *iterables), the calls made in the worker processes, `chunksize`
        calls per message. Results in order; TimeoutError after `timeout` seconds."""
        if chunksize < 1:
            raise ValueError('chunksize must be >= 1.')
        results = super().map(partial(_process_chunk, fn),
                              _get_chunks(*iterables, chunksize=chunksize), timeout=timeout)
        return _chain_from_iterable_of_lists(results)

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._shutdown_lock:
            self._shutdown_thread = True
            pending = list(self._pending_work_items.items()) if cancel_futures else ()
            workers = self._workers
        for work_id, item in pending:
            if item.future.cancel():   # outside the lock: it runs the done-callbacks
                with self._shutdown_lock:
                    self._pending_work_items.pop(work_id, None)
        if workers is not None:
            workers.stop()
            if wait:
                workers.join()
    shutdown.__doc__ = _base.Executor.shutdown.__doc__

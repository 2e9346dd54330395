"""multiprocessing.pool: Pool (worker processes), ThreadPool (worker threads), the async results.

Design (gilpy's own; CPython's pool.py is the reference for behaviour only):

- _WorkerSet is the engine, shared with concurrent.futures.process. It owns the workers and one
  dispatcher thread. Every worker has a private channel to the dispatcher (a duplex Pipe for a
  process, a queue.SimpleQueue inbox for a thread), so the dispatcher always knows which task
  each worker is running. A worker gets a task only when it is idle; it sends back
  (key, (ok, value)) and waits for the next one.
- Work enters through "sources": iterators of tasks (key, func, args, kwds) appended to a
  deque under `_lock` by any thread (Pool.map_async, Executor.submit, ...); the dispatcher pulls
  the next task only when a worker is idle, so lazy inputs (imap) are consumed as workers free
  up. Sources are iterated only by the dispatcher thread.
- The dispatcher sleeps in one wait: for processes a selector over every worker's pipe, every
  worker's sentinel and a wake-up pipe; for threads a queue of events. A worker process that
  dies (killed by a signal, os._exit, a failing initializer) closes its sentinel; the
  dispatcher notices at once and calls the owner's `lost(key)` for the task the worker was
  running. So nothing ever waits for a dead worker: Pool fails that task with
  WorkerLostError and starts a replacement, ProcessPoolExecutor marks itself broken.
- Hooks (set by the owner, run in the dispatcher thread): `done(key, ok, value)`,
  `lost(key_or_None, exitcode)` -> True to replace the worker, `finished()` -> True when the owner
  wants no more work done (close/shutdown with nothing outstanding). `terminate()` kills all
  workers; `stop()` lets them finish the current task and exit.
- Pool keeps its jobs (ApplyResult, MapResult, IMapIterator) in `_cache` (job id -> result
  object), guarded by `_cache_lock`; results and callbacks are delivered by the dispatcher
  thread. Pool holds the engine; the engine never references the Pool, so an abandoned Pool is
  collected and its weakref finalizer terminates the workers (also run at exit).
- Exceptions raised in a worker process come back with the worker's formatted traceback as
  `__cause__` (RemoteTraceback), as in CPython; an unpicklable result becomes
  MaybeEncodingError.
"""

import collections
import itertools
import os
import queue
import selectors
import threading
import traceback
import types
import weakref

from . import get_context, TimeoutError, ProcessError

__all__ = ['Pool', 'ThreadPool']

INIT = 'INIT'
RUN = 'RUN'
CLOSE = 'CLOSE'
TERMINATE = 'TERMINATE'

job_counter = itertools.count()


def mapstar(args):
    return list(map(*args))


def starmapstar(args):
    return list(itertools.starmap(args[0], args[1]))


class RemoteTraceback(Exception):
    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


class ExceptionWithTraceback:
    """Pickles as the exception with the worker's traceback text attached as __cause__."""

    def __init__(self, exc, tb):
        self.exc = exc
        self.tb = '\n"""\n%s"""' % ''.join(traceback.format_exception(type(exc), exc, tb))

    def __reduce__(self):
        return rebuild_exc, (self.exc, self.tb)


def rebuild_exc(exc, tb):
    exc.__cause__ = RemoteTraceback(tb)
    return exc


class MaybeEncodingError(Exception):
    """Wraps possible unpickleable errors, so they can be safely sent through the socket."""

    def __init__(self, exc, value):
        self.exc = repr(exc)
        self.value = repr(value)
        super().__init__(self.exc, self.value)

    def __str__(self):
        return "Error sending result: '%s'. Reason: '%s'" % (self.value, self.exc)

    def __repr__(self):
        return '<%s: %s>' % (type(self).__name__, self)


class WorkerLostError(ProcessError):
    """The worker running a task died (killed by a signal, os._exit, ...) before answering.
    gilpy-specific: CPython's Pool never completes such a task."""


# ---------------------------------------------------------------------------------------------
# Worker side

def _run_task(task, catch, wrap):
    key, func, args, kwds = task
    try:
        return key, (True, func(*args, **kwds))
    except catch as e:
        if wrap is not None:
            e = wrap(e, e.__traceback__)
        return key, (False, e)


def _wrap_send_error(e, value):
    """Pool: what a worker sends instead of a result that cannot be pickled."""
    return ExceptionWithTraceback(MaybeEncodingError(e, value), e.__traceback__)


def _process_worker(conn, initializer, initargs, maxtasks, catch, wrap, send_error,
                    log_init_failure):
    """Main function of a worker process: run tasks received on `conn` until None, EOF or
    `maxtasks` tasks, answering each with (key, (ok, value)). `wrap(exc, tb)` makes a raised
    exception picklable with its traceback text; `send_error(exc, value)` replaces a value
    that cannot be sent."""
    if initializer is not None:
        if log_init_failure:
            try:
                initializer(*initargs)
            except BaseException:
                from concurrent.futures import _base
                _base.LOGGER.critical('Exception in initializer:', exc_info=True)
                return
        else:
            initializer(*initargs)
    done = 0
    while maxtasks is None or done < maxtasks:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        key, reply = _run_task(task, catch, wrap)
        del task
        try:
            conn.send((key, reply))
        except Exception as e:
            conn.send((key, (False, send_error(e, reply[1]))))
        del reply
        done += 1


def _thread_worker(inbox, events, me, initializer, initargs, catch):
    if initializer is not None:
        initializer(*initargs)
    while True:
        task = inbox.get()
        if task is None:
            events.put(('exit', me, None))
            return
        events.put(('result', me) + (_run_task(task, catch, None),))
        del task


# ---------------------------------------------------------------------------------------------
# The engine

class _Worker:
    __slots__ = ('proc', 'conn', 'inbox', 'key', 'busy', 'ntasks', 'retired')

    def __init__(self):
        self.key = None
        self.busy = False
        self.ntasks = 0
        self.retired = False   # told to stop (or hit maxtasks): its exit is not a loss


class _WorkerSet:
    """Workers (processes, or threads when ctx is None) fed by one dispatcher thread."""

    def __init__(self, size, ctx, initializer, initargs, maxtasks, name_prefix, hooks,
                 catch=Exception, wrap=None, send_error=None, log_init_failure=False,
                 daemon=True, thread_daemon=True):
        self._size = size
        self._ctx = ctx
        self._initializer = initializer
        self._initargs = initargs
        self._maxtasks = maxtasks
        self._name_prefix = name_prefix
        self._done, self._lost, self._finished = hooks
        self._catch = catch
        self._wrap = wrap
        self._send_error = send_error
        self._log_init_failure = log_init_failure
        self._daemon = daemon
        self._lock = threading.Lock()
        self._sources = collections.deque()     # under _lock
        self._state = RUN                        # RUN, CLOSE (stop when idle), TERMINATE
        self.workers = []                        # dispatcher thread only (after start)
        self.processes = []                      # what Pool._pool shows
        if ctx is None:
            self._events = queue.SimpleQueue()
        else:
            self._selector = selectors.DefaultSelector()
            self._wake_r, self._wake_w = os.pipe()
            self._wake_lock = threading.Lock()
            self._wake_state = None   # None, 'pending' (a byte is in the pipe) or 'closed'
            self._selector.register(self._wake_r, selectors.EVENT_READ, None)
        for _ in range(size):
            self._start_worker()
        self._thread = threading.Thread(target=self._run, daemon=thread_daemon,
                                        name=name_prefix + 'Dispatcher')
        self._thread.start()

    # -- any thread

    def add_source(self, tasks):
        with self._lock:
            self._sources.append(tasks)
        self.wake()

    def wake(self):
        if self._ctx is None:
            self._events.put(('wake', None, None))
        else:
            # At most one byte in flight, so the write never blocks; never after the close
            # (the descriptor number could belong to another file by then).
            with self._wake_lock:
                if self._wake_state is not None:
                    return
                self._wake_state = 'pending'
            os.write(self._wake_w, b'x')

    def stop(self):
        """Finish: workers exit once no work is left (the owner's finished() says when)."""
        with self._lock:
            if self._state == RUN:
                self._state = CLOSE
        self.wake()

    def terminate(self):
        with self._lock:
            self._state = TERMINATE
        self.wake()

    def join(self, timeout=None):
        if threading.current_thread() is not self._thread:
            self._thread.join(timeout)

    def is_alive(self):
        return self._thread.is_alive()

    # -- dispatcher thread

    def _start_worker(self):
        w = _Worker()
        if self._ctx is None:
            w.inbox = queue.SimpleQueue()
            w.proc = threading.Thread(
                target=_thread_worker, daemon=True,
                args=(w.inbox, self._events, w, self._initializer, self._initargs, self._catch))
        else:
            from .connection import Pipe
            w.conn, child_conn = Pipe()
            w.proc = self._ctx.Process(
                target=_process_worker,
                args=(child_conn, self._initializer, self._initargs, self._maxtasks,
                      self._catch, self._wrap, self._send_error, self._log_init_failure))
            if self._name_prefix:
                w.proc.name = w.proc.name.replace('Process', self._name_prefix)
            w.proc.daemon = self._daemon
        w.proc.start()
        if self._ctx is not None:
            child_conn.close()
            self._selector.register(w.conn.fileno(), selectors.EVENT_READ, ('conn', w))
            self._selector.register(w.proc.sentinel, selectors.EVENT_READ, ('died', w))
        self.workers.append(w)
        self.processes.append(w.proc)
        return w

    def _forget(self, w):
        self.workers.remove(w)
        self.processes.remove(w.proc)
        if self._ctx is not None:
            self._selector.unregister(w.conn.fileno())
            self._selector.unregister(w.proc.sentinel)
            w.conn.close()
        w.proc.join()
        if self._ctx is None:
            return 0
        code = w.proc.exitcode
        w.proc.close()
        return code

    def _next_task(self):
        while True:
            with self._lock:
                if not self._sources or self._state == TERMINATE:
                    return None
                src = self._sources[0]
            try:
                return next(src)
            except StopIteration:
                with self._lock:
                    if self._sources and self._sources[0] is src:
                        self._sources.popleft()

    def _send(self, w, task):
        """Give `task` to idle worker `w`; False when the task could not be sent."""
        w.key = task[0]
        w.busy = True
        if self._ctx is None:
            w.inbox.put(task)
            return True
        try:
            w.conn.send(task)
            return True
        except (BrokenPipeError, ConnectionResetError):
            return True   # the worker is dead: its sentinel reports the loss of the task
        except Exception as e:
            # The task cannot be pickled: it fails, the worker stays idle.
            w.busy = False
            w.key = None
            self._done(task[0], False, e)
            return False

    def _dispatch(self):
        for w in self.workers:
            while not w.busy and not w.retired:
                task = self._next_task()
                if task is None:
                    return
                if self._send(w, task):
                    break

    def _wait_events(self):
        if self._ctx is None:
            ev = [self._events.get()]
            while True:
                try:
                    ev.append(self._events.get_nowait())
                except queue.Empty:
                    return ev
        events = []
        for skey, _ in self._selector.select():
            if skey.data is None:
                with self._wake_lock:
                    self._wake_state = None
                os.read(self._wake_r, 64)
                events.append(('wake', None, None))
            else:
                kind, w = skey.data
                if kind == 'conn':
                    try:
                        msg = w.conn.recv()
                    except (EOFError, OSError):
                        continue   # the sentinel reports the death
                    events.append(('result', w, msg))
                else:
                    events.append(('died', w, None))
        # A result written just before dying must be handled before the death.
        events.sort(key=lambda e: e[0] == 'died')
        return events

    def _retire(self, w):
        """A worker that answered: replace it if it reached maxtasks."""
        w.ntasks += 1
        if self._maxtasks is not None and w.ntasks >= self._maxtasks:
            w.retired = True   # it exits by itself; its sentinel brings it back here

    def _handle(self, kind, w, msg):
        if kind == 'result':
            if w not in self.workers:
                return
            key, (ok, value) = msg
            w.busy = False
            w.key = None
            self._retire(w)
            self._done(key, ok, value)
        elif kind in ('died', 'exit'):
            if w not in self.workers:
                return
            lost_key = w.key if w.busy else None
            expected = w.retired and not w.busy
            exitcode = self._forget(w)
            with self._lock:
                state = self._state
            if not expected and not self._lost(lost_key, exitcode):
                return
            if state == RUN or (state == CLOSE and not self._finished()):
                self._start_worker()

    def _run(self):
        try:
            while True:
                with self._lock:
                    state = self._state
                if state == TERMINATE:
                    break
                self._dispatch()
                if state == CLOSE and self._finished():
                    self._stop_workers()
                    break
                for kind, w, msg in self._wait_events():
                    self._handle(kind, w, msg)
        finally:
            self._kill_workers()
            if self._ctx is not None:
                with self._wake_lock:
                    self._wake_state = 'closed'
                self._selector.close()
                os.close(self._wake_r)
                os.close(self._wake_w)

    def _stop_workers(self):
        for w in list(self.workers):
            w.retired = True
            if self._ctx is None:
                w.inbox.put(None)
            else:
                try:
                    w.conn.send(None)
                except OSError:
                    pass
        for w in list(self.workers):
            self._forget(w)

    def _kill_workers(self):
        for w in list(self.workers):
            if self._ctx is None:
                w.inbox.put(None)
            elif w.proc.exitcode is None:
                w.proc.terminate()
        for w in list(self.workers):
            self._forget(w)


# ---------------------------------------------------------------------------------------------
# Results

class ApplyResult:
    def __init__(self, pool, callback, error_callback):
        self._pool = pool
        self._event = threading.Event()
        self._job = next(job_counter)
        self._cache = pool._cache
        self._callback = callback
        self._error_callback = error_callback
        with pool._cache_lock:
            self._cache[self._job] = self

    def ready(self):
        return self._event.is_set()

    def successful(self):
        if not self.ready():
            raise ValueError('{0!r} not ready'.format(self))
        return self._success

    def wait(self, timeout=None):
        self._event.wait(timeout)

    def get(self, timeout=None):
        self.wait(timeout)
        if not self.ready():
            raise TimeoutError
        if self._success:
            return self._value
        raise self._value

    def _complete(self):
        with self._pool._cache_lock:
            self._cache.pop(self._job, None)
        self._event.set()
        self._pool = None

    def _set(self, i, obj):
        self._success, self._value = obj
        if self._callback and self._success:
            self._callback(self._value)
        if self._error_callback and not self._success:
            self._error_callback(self._value)
        self._complete()

    __class_getitem__ = classmethod(types.GenericAlias)


AsyncResult = ApplyResult


class MapResult(ApplyResult):
    def __init__(self, pool, chunksize, length, callback, error_callback):
        super().__init__(pool, callback, error_callback)
        self._success = True
        self._value = [None] * length
        self._chunksize = chunksize
        if chunksize <= 0:
            self._number_left = 0
            self._complete()
        else:
            self._number_left = length // chunksize + bool(length % chunksize)

    def _set(self, i, success_result):
        self._number_left -= 1
        success, result = success_result
        if success and self._success:
            self._value[i * self._chunksize:(i + 1) * self._chunksize] = result
        elif not success and self._success:
            self._success = False   # the first exception is the one reported
            self._value = result
        if self._number_left == 0:
            if self._success:
                if self._callback:
                    self._callback(self._value)
            elif self._error_callback:
                self._error_callback(self._value)
            self._complete()


class IMapIterator:
    def __init__(self, pool):
        self._pool = pool
        self._cond = threading.Condition(threading.Lock())
        self._job = next(job_counter)
        self._cache = pool._cache
        self._cache_lock = pool._cache_lock
        self._items = collections.deque()
        self._index = 0
        self._length = None
        self._unsorted = {}
        with pool._cache_lock:
            self._cache[self._job] = self

    def __iter__(self):
        return self

    def next(self, timeout=None):
        with self._cond:
            if not self._items:
                if self._index == self._length:
                    self._pool = None
                    raise StopIteration from None
                self._cond.wait(timeout)
                if not self._items:
                    if self._index == self._length:
                        self._pool = None
                        raise StopIteration from None
                    raise TimeoutError from None
            success, value = self._items.popleft()
        if success:
            return value
        raise value

    __next__ = next

    def _finish_if_complete(self):
        if self._index == self._length:
            with self._cache_lock:
                self._cache.pop(self._job, None)
            self._pool = None

    def _set(self, i, obj):
        with self._cond:
            if self._index == i:
                self._items.append(obj)
                self._index += 1
                while self._index in self._unsorted:
                    self._items.append(self._unsorted.pop(self._index))
                    self._index += 1
                self._cond.notify()
            else:
                self._unsorted[i] = obj
            self._finish_if_complete()

    def _set_length(self, length):
        with self._cond:
            self._length = length
            if self._index == length:
                self._cond.notify()
                self._finish_if_complete()


class IMapUnorderedIterator(IMapIterator):
    def _set(self, i, obj):
        with self._cond:
            self._items.append(obj)
            self._index += 1
            self._cond.notify()
            self._finish_if_complete()


# ---------------------------------------------------------------------------------------------
# Pool

class _PoolJobs:
    """The Pool's side of the engine hooks: routes answers to the job objects. Holds no
    reference to the Pool."""

    def __init__(self, cache, cache_lock):
        self.cache = cache
        self.cache_lock = cache_lock

    def done(self, key, ok, value):
        job, i = key
        with self.cache_lock:
            result = self.cache.get(job)
        if result is not None:
            result._set(i, (ok, value))

    def lost(self, key, exitcode):
        if key is not None:
            self.done(key, False, WorkerLostError(
                'worker process died (exit code %s) while running the task' % exitcode))
        return True

    def finished(self):
        with self.cache_lock:
            return not self.cache


def _terminate_workers(workers):
    workers.terminate()
    workers.join()


class Pool:
    """A pool of worker processes to which jobs can be submitted."""

    def __init__(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None,
                 context=None):
        self._state = INIT
        self._ctx = context or get_context()
        self._cache = {}
        self._cache_lock = threading.Lock()
        if processes is None:
            processes = os.cpu_count() or 1
        if processes < 1:
            raise ValueError('Number of processes must be at least 1')
        if maxtasksperchild is not None:
            if not isinstance(maxtasksperchild, int) or maxtasksperchild <= 0:
                raise ValueError('maxtasksperchild must be a positive int or None')
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        self._processes = processes
        self._jobs = _PoolJobs(self._cache, self._cache_lock)
        self._workers = self._make_workers(processes, initializer, initargs, maxtasksperchild)
        self._terminate = weakref.finalize(self, _terminate_workers, self._workers)
        self._state = RUN

    def _make_workers(self, processes, initializer, initargs, maxtasksperchild):
        hooks = (self._jobs.done, self._jobs.lost, self._jobs.finished)
        return _WorkerSet(processes, self._ctx, initializer, initargs, maxtasksperchild,
                          'PoolWorker', hooks, catch=Exception, wrap=ExceptionWithTraceback,
                          send_error=_wrap_send_error)

    @property
    def _pool(self):
        return self._workers.processes

    def __reduce__(self):
        raise NotImplementedError(
            'pool objects cannot be passed between processes or pickled')

    def __repr__(self):
        cls = type(self)
        return (f'<{cls.__module__}.{cls.__qualname__} state={self._state} '
                f'pool_size={self._processes}>')

    def _check_running(self):
        if self._state != RUN:
            raise ValueError('Pool not running')

    def apply(self, func, args=(), kwds={}):
        """Equivalent of func(*args, **kwds), run in a worker."""
        return self.apply_async(func, args, kwds).get()

    def map(self, func, iterable, chunksize=None):
        """Apply func to each element of iterable, collecting the results in a list."""
        return self._map_async(func, iterable, mapstar, chunksize).get()

    def starmap(self, func, iterable, chunksize=None):
        """Like map(), but the elements of iterable are argument tuples: func(*args)."""
        return self._map_async(func, iterable, starmapstar, chunksize).get()

    def starmap_async(self, func, iterable, chunksize=None, callback=None,
                      error_callback=None):
        """Asynchronous version of starmap()."""
        return self._map_async(func, iterable, starmapstar, chunksize, callback,
                               error_callback)

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        """Asynchronous version of map()."""
        return self._map_async(func, iterable, mapstar, chunksize, callback, error_callback)

    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        """Asynchronous version of apply()."""
        self._check_running()
        result = ApplyResult(self, callback, error_callback)
        self._workers.add_source(iter([((result._job, 0), func, args, kwds)]))
        return result

    def _map_async(self, func, iterable, mapper, chunksize=None, callback=None,
                   error_callback=None):
        self._check_running()
        if not hasattr(iterable, '__len__'):
            iterable = list(iterable)
        if chunksize is None:
            chunksize, extra = divmod(len(iterable), self._processes * 4)
            if extra:
                chunksize += 1
        if len(iterable) == 0:
            chunksize = 0
        result = MapResult(self, chunksize, len(iterable), callback, error_callback)
        if chunksize:
            job = result._job
            self._workers.add_source(
                ((job, i), mapper, ((func, chunk),), {})
                for i, chunk in enumerate(_chunks(iterable, chunksize)))
        return result

    def imap(self, func, iterable, chunksize=1):
        """Like map(), but lazy: an iterator over the results, in order."""
        return self._imap(IMapIterator, func, iterable, chunksize)

    def imap_unordered(self, func, iterable, chunksize=1):
        """Like imap(), but the results come in the order they are ready."""
        return self._imap(IMapUnorderedIterator, func, iterable, chunksize)

    def _imap(self, kind, func, iterable, chunksize):
        self._check_running()
        if chunksize < 1:
            raise ValueError('Chunksize must be 1+, not {0:n}'.format(chunksize))
        result = kind(self)
        if chunksize == 1:
            self._workers.add_source(_guarded_tasks(result, func, iterable, 1))
            return result
        self._workers.add_source(_guarded_tasks(result, func, iterable, chunksize))
        return (item for chunk in result for item in chunk)

    def close(self):
        """No more work is accepted; the workers exit once the pending work is done."""
        if self._state == RUN:
            self._state = CLOSE
            self._workers.stop()

    def terminate(self):
        """Stop the workers at once, without completing the outstanding work."""
        self._state = TERMINATE
        self._terminate()

    def join(self):
        """Wait for the workers to exit (after close() or terminate())."""
        if self._state == RUN:
            raise ValueError('Pool is still running')
        elif self._state not in (CLOSE, TERMINATE):
            raise ValueError('In unknown state')
        self._workers.join()

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.terminate()


def _chunks(seq, size):
    it = iter(seq)
    while True:
        chunk = tuple(itertools.islice(it, size))
        if not chunk:
            return
        yield chunk


def _guarded_tasks(result, func, iterable, chunksize):
    """imap's task source: tasks over the input's chunks; an error while iterating the input
    becomes the result at that position; the end of the input fixes the result's length."""
    job = result._job
    i = -1
    try:
        if chunksize == 1:
            for i, x in enumerate(iterable):
                yield (job, i), func, (x,), {}
        else:
            for i, chunk in enumerate(_chunks(iterable, chunksize)):
                yield (job, i), mapstar, ((func, chunk),), {}
    except Exception as e:
        i += 1
        result._set(i, (False, e))
    result._set_length(i + 1)


class ThreadPool(Pool):
    """A Pool whose workers are threads of this process (nothing is pickled)."""

    def __init__(self, processes=None, initializer=None, initargs=()):
        Pool.__init__(self, processes, initializer, initargs)

    def _make_workers(self, processes, initializer, initargs, maxtasksperchild):
        hooks = (self._jobs.done, self._jobs.lost, self._jobs.finished)
        return _WorkerSet(processes, None, initializer, initargs, None, '', hooks)

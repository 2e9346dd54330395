"""Futures, the Executor base class, wait() and as_completed().

Design:
- A Future is a small state machine guarded by its own Condition (`_condition`):
      PENDING -> RUNNING -> FINISHED
      PENDING -> CANCELLED -> CANCELLED_AND_NOTIFIED   (the executor saw the cancel)
  Every read or write of `_state`, `_result`, `_exception`, `_waiters` and `_done_callbacks`
  happens with `_condition` held; done-callbacks run after it is released, in the thread that
  completed (or cancelled) the future.
- wait() and as_completed() install one _Waiter on every future they watch. A future that
  completes tells each of its waiters (under the future's condition); the waiter records it
  and decides, by its mode, whether the waiting thread must wake up (its Event). The waiter has
  its own lock because several futures may complete at once in different threads.
- Several conditions are taken together (to snapshot the states atomically) in id() order, so
  two concurrent wait() calls on overlapping sets cannot deadlock.
- Executor.map submits everything first, then yields results in order; an abandoned or failed
  iteration cancels the futures not yet consumed.
"""

import collections
import logging
import threading
import time
import types

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'
_AS_COMPLETED = '_AS_COMPLETED'

PENDING = 'PENDING'
RUNNING = 'RUNNING'
CANCELLED = 'CANCELLED'
CANCELLED_AND_NOTIFIED = 'CANCELLED_AND_NOTIFIED'
FINISHED = 'FINISHED'

_FUTURE_STATES = [PENDING, RUNNING, CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED]

_STATE_TO_DESCRIPTION_MAP = {
    PENDING: 'pending',
    RUNNING: 'running',
    CANCELLED: 'cancelled',
    CANCELLED_AND_NOTIFIED: 'cancelled',
    FINISHED: 'finished',
}

_CANCELLED_STATES = (CANCELLED, CANCELLED_AND_NOTIFIED)
_DONE_STATES = (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED)
_COMPLETE_STATES = (CANCELLED_AND_NOTIFIED, FINISHED)   # what wait() counts as done

LOGGER = logging.getLogger('concurrent.futures')


class Error(Exception):
    """Base class for all future-related exceptions."""


class CancelledError(Error):
    """The Future was cancelled."""


TimeoutError = TimeoutError   # the built-in one, re-exported


class InvalidStateError(Error):
    """The operation is not allowed in this state."""


class BrokenExecutor(RuntimeError):
    """
    Raised when a executor has become non-functional after a severe failure.
    """


class _Waiter:
    """What wait()/as_completed() block on. `mode` is one of the return_when constants or
    _AS_COMPLETED; `pending` counts the futures still awaited (ALL/FIRST_EXCEPTION modes)."""

    def __init__(self, mode, pending=0):
        self.mode = mode
        self.pending = pending
        self.event = threading.Event()
        self.lock = threading.Lock()
        self.finished_futures = []

    def _completed(self, future, failed):
        with self.lock:
            self.finished_futures.append(future)
            if self.mode in (_AS_COMPLETED, FIRST_COMPLETED):
                self.event.set()
            elif failed and self.mode == FIRST_EXCEPTION:
                self.event.set()
            else:
                self.pending -= 1
                if self.pending == 0:
                    self.event.set()

    def add_result(self, future):
        self._completed(future, False)

    def add_exception(self, future):
        self._completed(future, True)

    def add_cancelled(self, future):
        self._completed(future, False)

    def take_finished(self):
        """as_completed(): the futures finished since the last call, in finishing order."""
        with self.lock:
            finished, self.finished_futures = self.finished_futures, []
            self.event.clear()
        return finished


class _AcquireFutures:
    """Holds the conditions of several futures at once, taken in id() order."""

    def __init__(self, futures):
        self.futures = sorted(futures, key=id)

    def __enter__(self):
        for f in self.futures:
            f._condition.acquire()

    def __exit__(self, *exc_info):
        for f in self.futures:
            f._condition.release()


def _install_waiter(fs, return_when):
    if return_when in (_AS_COMPLETED, FIRST_COMPLETED):
        waiter = _Waiter(return_when)
    elif return_when in (FIRST_EXCEPTION, ALL_COMPLETED):
        waiter = _Waiter(return_when, sum(f._state not in _COMPLETE_STATES for f in fs))
    else:
        raise ValueError('Invalid return condition: %r' % return_when)
    for f in fs:
        f._waiters.append(waiter)
    return waiter


def _remove_waiter(fs, waiter):
    for f in fs:
        with f._condition:
            f._waiters.remove(waiter)


def as_completed(fs, timeout=None):
    """An iterator over the given futures that yields each as it completes (finished or
    cancelled), duplicates once. Raises TimeoutError if they are not all done after `timeout`
    seconds from the call."""
    if timeout is not None:
        deadline = time.monotonic() + timeout
    fs = set(fs)
    total = len(fs)
    with _AcquireFutures(fs):
        finished = [f for f in fs if f._state in _COMPLETE_STATES]
        pending = fs.difference(finished)
        waiter = _install_waiter(fs, _AS_COMPLETED)
    try:
        while True:
            # Hand out what is finished, dropping our references before each yield so that a
            # consumer that discards a future really frees it.
            finished.reverse()
            while finished:
                f = finished[-1]
                fs.discard(f)
                pending.discard(f)
                with f._condition:
                    f._waiters.remove(waiter)
                del f
                yield finished.pop()
            if not pending:
                return
            if timeout is None:
                wait_timeout = None
            else:
                wait_timeout = deadline - time.monotonic()
                if wait_timeout < 0:
                    raise TimeoutError('%d (of %d) futures unfinished' % (len(pending), total))
            waiter.event.wait(wait_timeout)
            finished = waiter.take_finished()
    finally:
        _remove_waiter(fs, waiter)


DoneAndNotDoneFutures = collections.namedtuple('DoneAndNotDoneFutures', 'done not_done')


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    """Wait for the futures in `fs` to complete, as `return_when` says (FIRST_COMPLETED,
    FIRST_EXCEPTION or ALL_COMPLETED), at most `timeout` seconds. Returns the named pair of sets
    (done, not_done)."""
    fs = set(fs)
    with _AcquireFutures(fs):
        done = {f for f in fs if f._state in _COMPLETE_STATES}
        not_done = fs - done
        if return_when == FIRST_COMPLETED and done:
            return DoneAndNotDoneFutures(done, not_done)
        if return_when == FIRST_EXCEPTION and any(
                f._state == FINISHED and f._exception is not None for f in done):
            return DoneAndNotDoneFutures(done, not_done)
        if not not_done:
            return DoneAndNotDoneFutures(done, not_done)
        waiter = _install_waiter(fs, return_when)
    waiter.event.wait(timeout)
    _remove_waiter(fs, waiter)
    with waiter.lock:
        done.update(waiter.finished_futures)
    return DoneAndNotDoneFutures(done, fs - done)


def _result_or_cancel(fut, timeout=None):
    try:
        try:
            return fut.result(timeout)
        finally:
            fut.cancel()
    finally:
        del fut   # do not keep the exception (and its traceback) alive through this frame


class Future:
    """Represents the result of an asynchronous computation."""

    def __init__(self):
        """Initializes the future. Should not be called by clients."""
        self._condition = threading.Condition()
        self._state = PENDING
        self._result = None
        self._exception = None
        self._waiters = []
        self._done_callbacks = []

    def _invoke_callbacks(self):
        for callback in self._done_callbacks:
            self._call_callback(callback)

    def _call_callback(self, fn):
        try:
            fn(self)
        except Exception:
            LOGGER.exception('exception calling callback for %r', self)

    def __repr__(self):
        with self._condition:
            head = '<%s at %#x state=%s' % (type(self).__name__, id(self),
                                            _STATE_TO_DESCRIPTION_MAP[self._state])
            if self._state != FINISHED:
                return head + '>'
            if self._exception:
                return '%s raised %s>' % (head, type(self._exception).__name__)
            return '%s returned %s>' % (head, type(self._result).__name__)

    def cancel(self):
        """Cancel the future if possible: True if it is (now) cancelled, False if it is
        running or finished."""
        with self._condition:
            if self._state in (RUNNING, FINISHED):
                return False
            if self._state in _CANCELLED_STATES:
                return True
            self._state = CANCELLED
            self._condition.notify_all()
        self._invoke_callbacks()
        return True

    def cancelled(self):
        """Return True if the future was cancelled."""
        with self._condition:
            return self._state in _CANCELLED_STATES

    def running(self):
        """Return True if the future is currently executing."""
        with self._condition:
            return self._state == RUNNING

    def done(self):
        """Return True if the future was cancelled or finished executing."""
        with self._condition:
            return self._state in _DONE_STATES

    def add_done_callback(self, fn):
        """Call fn(future) when the future completes or is cancelled, or now if it already
        has. Exceptions from fn are logged, not raised."""
        with self._condition:
            if self._state not in _DONE_STATES:
                self._done_callbacks.append(fn)
                return
        self._call_callback(fn)

    def _wait_done(self, timeout):
        """With _condition held: wait until done, raise CancelledError/TimeoutError."""
        if self._state not in _DONE_STATES:
            self._condition.wait(timeout)
        if self._state in _CANCELLED_STATES:
            raise CancelledError()
        if self._state != FINISHED:
            raise TimeoutError()

    def result(self, timeout=None):
        """The call's result, waiting at most `timeout` seconds. Raises CancelledError,
        TimeoutError, or the call's own exception."""
        try:
            with self._condition:
                self._wait_done(timeout)
                if self._exception:
                    raise self._exception
                return self._result
        finally:
            self = None   # break the cycle through the raised exception's traceback

    def exception(self, timeout=None):
        """The call's exception (None if it returned), waiting at most `timeout` seconds.
        Raises CancelledError or TimeoutError."""
        with self._condition:
            self._wait_done(timeout)
            return self._exception

    # For Executor implementations and tests.
    def set_running_or_notify_cancel(self):
        """Mark the future running (True), or, if it was cancelled, notify its waiters and
        return False. RuntimeError if it is already running or done."""
        with self._condition:
            if self._state == CANCELLED:
                self._state = CANCELLED_AND_NOTIFIED
                for waiter in self._waiters:
                    waiter.add_cancelled(self)
                return False
            if self._state == PENDING:
                self._state = RUNNING
                return True
            LOGGER.critical('Future %s in unexpected state: %s', id(self), self._state)
            raise RuntimeError('Future in unexpected state')

    def _finish(self, result, exception, failed):
        with self._condition:
            if self._state in _DONE_STATES:
                raise InvalidStateError('{}: {!r}'.format(self._state, self))
            self._result = result
            self._exception = exception
            self._state = FINISHED
            for waiter in self._waiters:
                if not failed:
                    waiter.add_result(self)
                else:
                    waiter.add_exception(self)
            self._condition.notify_all()
        self._invoke_callbacks()

    def set_result(self, result):
        """Sets the return value of work associated with the future."""
        self._finish(result, None, False)

    def set_exception(self, exception):
        """Sets the result of the future as being the given exception."""
        self._finish(None, exception, True)

    __class_getitem__ = classmethod(types.GenericAlias)


class Executor:
    """This is an abstract base class for concrete asynchronous executors."""

    def submit(self, fn, /, *args, **kwargs):
        """Schedule fn(*args, **kwargs); return the Future of the call."""
        raise NotImplementedError()

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """Like map(fn, *iterables), with the calls run by the executor. The results come in
        order; TimeoutError if they are not all there `timeout` seconds after the call.
        `chunksize` is used by ProcessPoolExecutor only."""
        if timeout is not None:
            deadline = time.monotonic() + timeout
        fs = [self.submit(fn, *args) for args in zip(*iterables)]
        fs.reverse()

        # A separate generator, so that everything is submitted before the first result is
        # asked for.
        def result_iterator():
            try:
                while fs:
                    if timeout is None:
                        yield _result_or_cancel(fs.pop())
                    else:
                        yield _result_or_cancel(fs.pop(), deadline - time.monotonic())
            finally:
                for f in fs:
                    f.cancel()
        return result_iterator()

    def shutdown(self, wait=True, *, cancel_futures=False):
        """Release the executor's resources; with `wait`, after the running calls finish;
        with `cancel_futures`, pending calls are cancelled. Safe to call more than once."""

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False

"""The signal module: _signal (src/modules/signal.cpp) with the Signals, Handlers and Sigmasks
enums, as CPython 3.12's Lib/signal.py."""
import _signal
from _signal import *
from enum import IntEnum as _IntEnum

_globals = globals()


def _convert(name, predicate):
    # enum.IntEnum._convert_ when the enum module has it; otherwise the same thing by hand:
    # members sorted by (value, name), so the first name of a value is canonical (SIGABRT over
    # SIGIOT), and the module's names rebound to the members.
    if hasattr(_IntEnum, '_convert_'):
        _IntEnum._convert_(name, __name__, predicate)
        return
    members = [(n, v) for n, v in list(_globals.items())
               if isinstance(v, int) and not isinstance(v, bool) and predicate(n)]
    members.sort(key=lambda t: (t[1], t[0]))
    cls = _IntEnum(name, members, module=__name__)
    for n, _ in members:
        _globals[n] = cls[n]
    _globals[name] = cls


_convert('Signals',
         lambda name:
             name.isupper()
             and (name.startswith('SIG') and not name.startswith('SIG_'))
             or name.startswith('CTRL_'))

_convert('Handlers', lambda name: name in ('SIG_DFL', 'SIG_IGN'))

if 'pthread_sigmask' in _globals or 'SIG_BLOCK' in _globals:
    _convert('Sigmasks', lambda name: name in ('SIG_BLOCK', 'SIG_UNBLOCK', 'SIG_SETMASK'))

del _convert


def _int_to_enum(value, enum_klass):
    """Convert a numeric value to an IntEnum member.
    If it's not a known member, return the numeric value itself.
    """
    try:
        return enum_klass(value)
    except ValueError:
        return value


def _enum_to_int(value):
    """Convert an IntEnum member to a numeric value.
    If it's not an IntEnum member return the value itself.
    """
    try:
        return int(value)
    except (ValueError, TypeError):
        return value


# Similar to functools.wraps(), but only assign __doc__.
def _wraps(wrapped):
    def decorator(wrapper):
        wrapper.__doc__ = wrapped.__doc__
        return wrapper
    return decorator


@_wraps(_signal.signal)
def signal(signalnum, handler):
    handler = _signal.signal(_enum_to_int(signalnum), _enum_to_int(handler))
    return _int_to_enum(handler, Handlers)


@_wraps(_signal.getsignal)
def getsignal(signalnum):
    handler = _signal.getsignal(signalnum)
    return _int_to_enum(handler, Handlers)


if 'pthread_sigmask' in _globals:
    @_wraps(_signal.pthread_sigmask)
    def pthread_sigmask(how, mask):
        sigs_set = _signal.pthread_sigmask(how, mask)
        return set(_int_to_enum(x, Signals) for x in sigs_set)


if 'sigpending' in _globals:
    @_wraps(_signal.sigpending)
    def sigpending():
        return {_int_to_enum(x, Signals) for x in _signal.sigpending()}


if 'sigwait' in _globals:
    @_wraps(_signal.sigwait)
    def sigwait(sigset):
        retsig = _signal.sigwait(sigset)
        return _int_to_enum(retsig, Signals)


if 'valid_signals' in _globals:
    @_wraps(_signal.valid_signals)
    def valid_signals():
        return {_int_to_enum(x, Signals) for x in _signal.valid_signals()}


del _globals, _wraps

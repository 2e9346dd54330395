"""multiprocessing (gilpy): processes with the API of `threading`, each running its own
interpreter under its own GIL.

The module-level API (Process, Queue, Lock, Pipe, Value, ...) is the default context's
(context.py): every public attribute of `context._default_context` is copied here, so
`multiprocessing.Lock()` is `get_context().Lock()` with the start method chosen by
set_start_method() ('fork' unless set). Child processes started by 'spawn' import the parent's
main module as `__mp_main__`; in the parent that name is an alias of `__main__`. 'forkserver'
children are forked by a server process (forkserver.py) and then start as spawned ones.
Descriptors (connections, sockets) pass between processes with SCM_RIGHTS (reduction.py,
resource_sharer.py); multiprocessing.dummy is the same API on threads.
"""
import sys
from . import context

__all__ = [x for x in dir(context._default_context) if not x.startswith('_')]
globals().update((name, getattr(context._default_context, name)) for name in __all__)

SUBDEBUG = 5
SUBWARNING = 25

if '__main__' in sys.modules:
    sys.modules['__mp_main__'] = sys.modules['__main__']

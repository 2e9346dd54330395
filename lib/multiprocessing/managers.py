"""multiprocessing.managers: objects living in a server process, used through proxies.

Design (gilpy's own; CPython's managers.py is the reference for behaviour and protocol):

- A Server owns the shared objects: `id_to_obj` maps an identifier (hex id of the object) to
  (object, exposed method names, method_to_typeid); `id_to_refcount` counts the proxies that
  refer to it from any process. Both are guarded by `mutex`. The server listens with
  connection.Listener (a Unix socket, or TCP for an ('host', port) address); an accepter
  thread hands every connection to its own thread, which first authenticates it both ways
  with the authkey (connection.deliver_challenge / answer_challenge: a wrong key ends in
  AuthenticationError) and then serves one request, or, after 'accept_connection', a stream
  of method calls from one proxy-using thread.
- Messages: a request is (ident, method name, args, kwds); the answer is (kind, value) with
  kind '#RETURN' (value), '#ERROR' (the exception raised by the method, re-raised by the
  caller), '#TRACEBACK' (a failure in the server: RemoteError with the traceback text),
  '#PROXY' (the method returns an object that stays in the server: (exposed, token)) or
  '#UNSERIALIZABLE' (the result could not be pickled).
- BaseManager.start() runs the server in a child process (SIGINT ignored there) and learns its
  address through a pipe; shutdown (a util.Finalize, also run at exit) asks the server to stop,
  then terminates it if needed. get_server() returns a Server to run in this process
  (serve_forever); connect() attaches to a running one.
- A proxy (BaseProxy) holds a Token (typeid, address, id). Each thread of each process uses
  its own connection per manager address (`_address_to_local`, thread-local). A proxy increfs
  its referent when created (also after a fork or when unpickled) and decrefs it when
  collected (util.Finalize); the referent is dropped when its count reaches zero. AutoProxy
  builds a proxy type with one forwarding method per exposed name.
- SyncManager registers the shared types of multiprocessing.Manager(): Queue, Event, Lock,
  RLock, Semaphore, Condition, Barrier, Pool, list, dict, Value, Array, Namespace.
"""

__all__ = ['BaseManager', 'SyncManager', 'BaseProxy', 'Token']

import queue
import signal
import sys
import threading
import time
import types
from traceback import format_exc

from . import connection
from .context import reduction, get_spawning_popen, ProcessError
from . import pool
from . import process
from . import util
from . import get_context


try:
    import array
except ImportError:   # no array module: SyncManager.Array is unavailable, the rest works
    array = None


def reduce_array(a):
    return array.array, (a.typecode, a.tobytes())


if array is not None:
    reduction.register(array.array, reduce_array)


def rebuild_as_list(obj):
    return list, (list(obj),)


for _view_type in (type({}.items()), type({}.keys()), type({}.values())):
    reduction.register(_view_type, rebuild_as_list)
del _view_type


class Token:
    """Identifies a shared object: its type id, its server's address and its id there."""
    __slots__ = ('typeid', 'address', 'id')

    def __init__(self, typeid, address, id):
        self.typeid, self.address, self.id = typeid, address, id

    def __getstate__(self):
        return (self.typeid, self.address, self.id)

    def __setstate__(self, state):
        self.typeid, self.address, self.id = state

    def __repr__(self):
        return '%s(typeid=%r, address=%r, id=%r)' % (
            type(self).__name__, self.typeid, self.address, self.id)


def dispatch(c, id, methodname, args=(), kwds={}):
    """Send one request on connection `c` and return the answer (or raise its error)."""
    c.send((id, methodname, args, kwds))
    kind, result = c.recv()
    if kind == '#RETURN':
        return result
    raise convert_to_error(kind, result)


def convert_to_error(kind, result):
    if kind == '#ERROR':
        return result
    if kind in ('#TRACEBACK', '#UNSERIALIZABLE'):
        if not isinstance(result, str):
            raise TypeError("Result {0!r} (kind '{1}') type is {2}, not str".format(
                result, kind, type(result)))
        if kind == '#UNSERIALIZABLE':
            return RemoteError('Unserializable message: %s\n' % result)
        return RemoteError(result)
    return ValueError('Unrecognized message type {!r}'.format(kind))


class RemoteError(Exception):
    def __str__(self):
        return '\n' + '-' * 75 + '\n' + str(self.args[0]) + '-' * 75


def all_methods(obj):
    """The names of the callable attributes of `obj`."""
    return [name for name in dir(obj) if callable(getattr(obj, name))]


def public_methods(obj):
    """The names of the callable attributes of `obj` not starting with '_'."""
    return [name for name in all_methods(obj) if name[0] != '_']


# ---------------------------------------------------------------------------------------------
# Server

class Server:
    """Serves the shared objects of a manager (in the manager's process)."""
    public = ['shutdown', 'create', 'accept_connection', 'get_methods', 'debug_info',
              'number_of_objects', 'dummy', 'incref', 'decref']

    def __init__(self, registry, address, authkey, serializer):
        if not isinstance(authkey, bytes):
            raise TypeError('Authkey {0!r} is type {1!s}, not bytes'.format(
                authkey, type(authkey)))
        self.registry = registry
        self.authkey = process.AuthenticationString(authkey)
        Listener, Client = listener_client[serializer]
        self.listener = Listener(address=address, backlog=16)   # authentication per thread
        self.address = self.listener.address
        self.id_to_obj = {'0': (None, ())}
        self.id_to_refcount = {}
        self.id_to_local_proxy_obj = {}   # objects referenced only by proxies in the server
        self.mutex = threading.Lock()

    def serve_forever(self):
        """Serve until a client calls shutdown (then exit this process)."""
        self.stop_event = threading.Event()
        process.current_process()._manager_server = self
        try:
            accepter = threading.Thread(target=self.accepter, daemon=True)
            accepter.start()
            try:
                while not self.stop_event.is_set():
                    self.stop_event.wait(1)
            except (KeyboardInterrupt, SystemExit):
                pass
        finally:
            if sys.stdout != sys.__stdout__:
                sys.stdout = sys.__stdout__
                sys.stderr = sys.__stderr__
            sys.exit(0)

    def accepter(self):
        while True:
            try:
                c = self.listener.accept()
            except OSError:
                continue
            threading.Thread(target=self.handle_request, args=(c,), daemon=True).start()

    def _handle_request(self, c):
        request = None
        try:
            connection.deliver_challenge(c, self.authkey)
            connection.answer_challenge(c, self.authkey)
            request = c.recv()
            _, funcname, args, kwds = request
            assert funcname in self.public, '%r unrecognized' % funcname
            func = getattr(self, funcname)
        except Exception:
            msg = ('#TRACEBACK', format_exc())
        else:
            try:
                msg = ('#RETURN', func(c, *args, **kwds))
            except Exception:
                msg = ('#TRACEBACK', format_exc())
        try:
            c.send(msg)
        except Exception as e:
            try:
                c.send(('#TRACEBACK', format_exc()))
            except Exception:
                pass
            util.info('Failure to send message: %r', msg)
            util.info(' ... request was %r', request)
            util.info(' ... exception was %r', e)

    def handle_request(self, conn):
        """Serve one new connection (in its own thread)."""
        try:
            self._handle_request(conn)
        except SystemExit:
            pass   # serve_client's end of stream
        finally:
            conn.close()

    def _lookup(self, ident):
        try:
            return self.id_to_obj[ident]
        except KeyError:
            if ident in self.id_to_local_proxy_obj:
                return self.id_to_local_proxy_obj[ident]
            raise

    def _call(self, conn, ident, methodname, args, kwds):
        """One method call of a proxy: the answer message."""
        try:
            obj, exposed, gettypeid = self._lookup(ident)
        except KeyError:
            return ('#TRACEBACK', format_exc())
        if methodname not in exposed:
            fallback = self.fallback_mapping.get(methodname)
            if fallback is None:
                try:
                    raise AttributeError('method %r of %r object is not in exposed=%r'
                                         % (methodname, type(obj), exposed))
                except AttributeError:
                    return ('#TRACEBACK', format_exc())
            try:
                return ('#RETURN', fallback(self, conn, ident, obj, *args, **kwds))
            except Exception:
                return ('#TRACEBACK', format_exc())
        try:
            function = getattr(obj, methodname)
        except AttributeError:
            return ('#TRACEBACK', format_exc())
        try:
            res = function(*args, **kwds)
        except Exception as e:
            return ('#ERROR', e)
        typeid = gettypeid and gettypeid.get(methodname, None)
        if typeid:
            try:
                rident, rexposed = self.create(conn, typeid, res)
            except Exception:
                return ('#TRACEBACK', format_exc())
            return ('#PROXY', (rexposed, Token(typeid, self.address, rident)))
        return ('#RETURN', res)

    def serve_client(self, conn):
        """Answer the method calls of one proxy-using thread until its connection closes."""
        while not self.stop_event.is_set():
            try:
                request = conn.recv()
            except EOFError:
                sys.exit(0)
            try:
                ident, methodname, args, kwds = request
            except Exception:
                msg = ('#TRACEBACK', format_exc())
            else:
                msg = self._call(conn, ident, methodname, args, kwds)
            try:
                try:
                    conn.send(msg)
                except Exception:
                    conn.send(('#UNSERIALIZABLE', format_exc()))
            except Exception as e:
                util.info('exception in thread serving %r', threading.current_thread().name)
                util.info(' ... message was %r', msg)
                util.info(' ... exception was %r', e)
                conn.close()
                sys.exit(1)

    def fallback_getvalue(self, conn, ident, obj):
        return obj

    def fallback_str(self, conn, ident, obj):
        return str(obj)

    def fallback_repr(self, conn, ident, obj):
        return repr(obj)

    fallback_mapping = {
        '__str__': fallback_str,
        '__repr__': fallback_repr,
        '#GETVALUE': fallback_getvalue,
    }

    def dummy(self, c):
        pass

    def debug_info(self, c):
        """A description of the shared objects and their reference counts."""
        with self.mutex:
            lines = []
            for ident in sorted(self.id_to_refcount):
                if ident != '0':
                    lines.append('  %s:       refcount=%s\n    %s' % (
                        ident, self.id_to_refcount[ident],
                        str(self.id_to_obj[ident][0])[:75]))
            return '\n'.join(lines)

    def number_of_objects(self, c):
        """The number of shared objects (the '0' placeholder not counted)."""
        return len(self.id_to_refcount)

    def shutdown(self, c):
        """Stop the server (the answer is sent before it stops)."""
        try:
            util.debug('manager received shutdown message')
            c.send(('#RETURN', None))
        except BaseException:
            import traceback
            traceback.print_exc()
        finally:
            self.stop_event.set()

    def create(self, c, typeid, /, *args, **kwds):
        """Create a shared object of type `typeid`; return its id and exposed methods."""
        with self.mutex:
            callable, exposed, method_to_typeid, proxytype = self.registry[typeid]
            if callable is None:
                if kwds or len(args) != 1:
                    raise ValueError('Without callable, must have one non-keyword argument')
                obj = args[0]
            else:
                obj = callable(*args, **kwds)
            if exposed is None:
                exposed = public_methods(obj)
            if method_to_typeid is not None:
                if not isinstance(method_to_typeid, dict):
                    raise TypeError('Method_to_typeid {0!r}: type {1!s}, not dict'.format(
                        method_to_typeid, type(method_to_typeid)))
                exposed = list(exposed) + list(method_to_typeid)
            ident = '%x' % id(obj)
            self.id_to_obj[ident] = (obj, set(exposed), method_to_typeid)
            self.id_to_refcount.setdefault(ident, 0)
        self.incref(c, ident)
        return ident, tuple(exposed)

    def get_methods(self, c, token):
        """The exposed methods of the shared object of `token`."""
        return tuple(self.id_to_obj[token.id][1])

    def accept_connection(self, c, name):
        """Turn this connection into a method-call stream for one client thread."""
        threading.current_thread().name = name
        c.send(('#RETURN', None))
        self.serve_client(c)

    def incref(self, c, ident):
        with self.mutex:
            if ident in self.id_to_refcount:
                self.id_to_refcount[ident] += 1
            elif ident in self.id_to_local_proxy_obj:
                # Only a proxy inside the server kept it: it is tracked again.
                self.id_to_refcount[ident] = 1
                self.id_to_obj[ident] = self.id_to_local_proxy_obj[ident]
            else:
                raise KeyError(ident)

    def decref(self, c, ident):
        if ident not in self.id_to_refcount and ident in self.id_to_local_proxy_obj:
            return
        with self.mutex:
            if self.id_to_refcount[ident] <= 0:
                raise AssertionError('Id {0!s} ({1!r}) has refcount {2:n}, not 1+'.format(
                    ident, self.id_to_obj[ident], self.id_to_refcount[ident]))
            self.id_to_refcount[ident] -= 1
            if self.id_to_refcount[ident] == 0:
                del self.id_to_refcount[ident]
                # Replace before deleting: dropping the object may decref proxies it holds,
                # which takes the mutex again.
                self.id_to_obj[ident] = (None, (), None)
                dropped = True
            else:
                dropped = False
        if dropped:
            with self.mutex:
                del self.id_to_obj[ident]


class State:
    __slots__ = ['value']
    INITIAL = 0
    STARTED = 1
    SHUTDOWN = 2


listener_client = {'pickle': (connection.Listener, connection.Client)}
if hasattr(connection, 'XmlListener'):
    listener_client['xmlrpclib'] = (connection.XmlListener, connection.XmlClient)


# ---------------------------------------------------------------------------------------------
# Managers

def _check_initial(state, started_msg):
    if state.value != State.INITIAL:
        if state.value == State.STARTED:
            raise ProcessError(started_msg)
        if state.value == State.SHUTDOWN:
            raise ProcessError('Manager has shut down')
        raise ProcessError('Unknown state {!r}'.format(state.value))


class BaseManager:
    """Base class for managers: a registry of shared types and a server to hold them."""
    _registry = {}
    _Server = Server

    def __init__(self, address=None, authkey=None, serializer='pickle', ctx=None, *,
                 shutdown_timeout=1.0):
        if authkey is None:
            authkey = process.current_process().authkey
        self._address = address
        self._authkey = process.AuthenticationString(authkey)
        self._state = State()
        self._state.value = State.INITIAL
        self._serializer = serializer
        self._Listener, self._Client = listener_client[serializer]
        self._ctx = ctx or get_context()
        self._shutdown_timeout = shutdown_timeout
        self._process = None

    def get_server(self):
        """A Server for this manager's registry, to run in this process."""
        _check_initial(self._state, 'Already started server')
        return Server(self._registry, self._address, self._authkey, self._serializer)

    def connect(self):
        """Attach to a server already running at this manager's address."""
        conn = self._Client(self._address, authkey=self._authkey)
        try:
            dispatch(conn, None, 'dummy')
        finally:
            conn.close()
        self._state.value = State.STARTED

    def start(self, initializer=None, initargs=()):
        """Run the server in a child process."""
        _check_initial(self._state, 'Already started server')
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        reader, writer = connection.Pipe(duplex=False)
        self._process = self._ctx.Process(
            target=type(self)._run_server,
            args=(self._registry, self._address, self._authkey, self._serializer, writer,
                  initializer, initargs))
        self._process.name = '%s-%s' % (type(self).__name__,
                                         ':'.join(str(i) for i in self._process._identity))
        self._process.start()
        writer.close()
        try:
            self._address = reader.recv()
        except EOFError:
            self._process.join()
            raise ProcessError('Unable to start server') from None
        finally:
            reader.close()
        self._state.value = State.STARTED
        self.shutdown = util.Finalize(
            self, type(self)._finalize_manager,
            args=(self._process, self._address, self._authkey, self._state, self._Client,
                  self._shutdown_timeout),
            exitpriority=0)

    @classmethod
    def _run_server(cls, registry, address, authkey, serializer, writer, initializer=None,
                    initargs=()):
        signal.signal(signal.SIGINT, signal.SIG_IGN)   # Ctrl-C is for the parent
        if initializer is not None:
            initializer(*initargs)
        server = cls._Server(registry, address, authkey, serializer)
        writer.send(server.address)
        writer.close()
        util.info('manager serving at %r', server.address)
        server.serve_forever()

    def _request(self, methodname, args=(), kwds={}):
        conn = self._Client(self._address, authkey=self._authkey)
        try:
            return dispatch(conn, None, methodname, args, kwds)
        finally:
            conn.close()

    def _create(self, typeid, /, *args, **kwds):
        """Create a shared object; return its token and exposed methods."""
        assert self._state.value == State.STARTED, 'server not yet started'
        id, exposed = self._request('create', (typeid,) + args, kwds)
        return Token(typeid, self._address, id), exposed

    def join(self, timeout=None):
        """Wait for the server process (if this manager started one)."""
        if self._process is not None:
            self._process.join(timeout)
            if not self._process.is_alive():
                self._process = None

    def _debug_info(self):
        return self._request('debug_info')

    def _number_of_objects(self):
        return self._request('number_of_objects')

    def __enter__(self):
        if self._state.value == State.INITIAL:
            self.start()
        if self._state.value != State.STARTED:
            if self._state.value == State.INITIAL:
                raise ProcessError('Unable to start server')
            if self._state.value == State.SHUTDOWN:
                raise ProcessError('Manager has shut down')
            raise ProcessError('Unknown state {!r}'.format(self._state.value))
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown()

    @staticmethod
    def _finalize_manager(process, address, authkey, state, _Client, shutdown_timeout):
        """Stop the server process: ask, then terminate, then kill."""
        if process.is_alive():
            try:
                conn = _Client(address, authkey=authkey)
                try:
                    dispatch(conn, None, 'shutdown')
                finally:
                    conn.close()
            except Exception:
                pass
            process.join(timeout=shutdown_timeout)
            if process.is_alive():
                process.terminate()
                process.join(timeout=shutdown_timeout)
                if process.is_alive():
                    process.kill()
                    process.join()
        state.value = State.SHUTDOWN
        BaseProxy._address_to_local.pop(address, None)

    @property
    def address(self):
        return self._address

    @classmethod
    def register(cls, typeid, callable=None, proxytype=None, exposed=None,
                 method_to_typeid=None, create_method=True):
        """Register `typeid`: created in the server by callable(...), used through
        `proxytype` (default AutoProxy); with create_method, manager.<typeid>(...) creates
        one and returns its proxy."""
        if '_registry' not in cls.__dict__:
            cls._registry = cls._registry.copy()
        if proxytype is None:
            proxytype = AutoProxy
        exposed = exposed or getattr(proxytype, '_exposed_', None)
        method_to_typeid = method_to_typeid or getattr(proxytype, '_method_to_typeid_', None)
        if method_to_typeid:
            for key, value in list(method_to_typeid.items()):
                assert type(key) is str, '%r is not a string' % key
                assert type(value) is str, '%r is not a string' % value
        cls._registry[typeid] = (callable, exposed, method_to_typeid, proxytype)
        if create_method:
            def create(self, /, *args, **kwds):
                token, exp = self._create(typeid, *args, **kwds)
                proxy = proxytype(token, self._serializer, manager=self,
                                  authkey=self._authkey, exposed=exp)
                # The proxy holds its own reference now: drop the one create() made.
                self._request('decref', (token.id,))
                return proxy
            create.__name__ = typeid
            setattr(cls, typeid, create)


# ---------------------------------------------------------------------------------------------
# Proxies

class ProcessLocalSet(set):
    """A set emptied in a forked child (the child owns no references yet)."""

    def __init__(self):
        util.register_after_fork(self, lambda obj: obj.clear())

    def __reduce__(self):
        return type(self), ()


class BaseProxy:
    """A reference to a shared object in a manager's server."""
    _address_to_local = {}   # address -> (thread-local connection holder, ids referenced)
    _mutex = util.ForkAwareThreadLock()

    def __init__(self, token, serializer, manager=None, authkey=None, exposed=None,
                 incref=True, manager_owned=False):
        with BaseProxy._mutex:
            tls_idset = BaseProxy._address_to_local.get(token.address)
            if tls_idset is None:
                tls_idset = util.ForkAwareLocal(), ProcessLocalSet()
                BaseProxy._address_to_local[token.address] = tls_idset
        self._tls, self._idset = tls_idset
        self._token = token
        self._id = token.id
        self._manager = manager
        self._serializer = serializer
        self._Client = listener_client[serializer][1]
        self._owned_by_manager = manager_owned
        if authkey is not None:
            self._authkey = process.AuthenticationString(authkey)
        elif manager is not None:
            self._authkey = manager._authkey
        else:
            self._authkey = process.current_process().authkey
        if incref:
            self._incref()
        util.register_after_fork(self, BaseProxy._after_fork)

    def _connect(self):
        name = process.current_process().name
        if threading.current_thread().name != 'MainThread':
            name += '|' + threading.current_thread().name
        conn = self._Client(self._token.address, authkey=self._authkey)
        dispatch(conn, None, 'accept_connection', (name,))
        self._tls.connection = conn

    def _callmethod(self, methodname, args=(), kwds={}):
        """Call a method of the referent; return a copy of its result (or a proxy)."""
        try:
            conn = self._tls.connection
        except AttributeError:
            self._connect()
            conn = self._tls.connection
        conn.send((self._id, methodname, args, kwds))
        kind, result = conn.recv()
        if kind == '#RETURN':
            return result
        if kind == '#PROXY':
            exposed, token = result
            registry = (self._manager or BaseManager)._registry
            proxytype = registry.get(token.typeid, (None, None, None, AutoProxy))[-1]
            token.address = self._token.address
            proxy = proxytype(token, self._serializer, manager=self._manager,
                              authkey=self._authkey, exposed=exposed)
            c = self._Client(token.address, authkey=self._authkey)
            try:
                dispatch(c, None, 'decref', (token.id,))
            finally:
                c.close()
            return proxy
        raise convert_to_error(kind, result)

    def _getvalue(self):
        """A copy of the referent."""
        return self._callmethod('#GETVALUE')

    def _incref(self):
        if self._owned_by_manager:
            return
        conn = self._Client(self._token.address, authkey=self._authkey)
        try:
            dispatch(conn, None, 'incref', (self._id,))
        finally:
            conn.close()
        self._idset.add(self._id)
        state = self._manager and self._manager._state
        self._close = util.Finalize(
            self, BaseProxy._decref,
            args=(self._token, self._authkey, state, self._tls, self._idset, self._Client),
            exitpriority=10)

    @staticmethod
    def _decref(token, authkey, state, tls, idset, _Client):
        idset.discard(token.id)
        if state is None or state.value == State.STARTED:
            try:
                conn = _Client(token.address, authkey=authkey)
                try:
                    dispatch(conn, None, 'decref', (token.id,))
                finally:
                    conn.close()
            except Exception as e:
                util.debug('... decref failed %s', e)
        # No more references from this process: this thread's connection can go.
        if not idset and hasattr(tls, 'connection'):
            tls.connection.close()
            del tls.connection

    def _after_fork(self):
        self._manager = None
        try:
            self._incref()
        except Exception as e:
            util.info('incref failed: %s' % e)

    def __reduce__(self):
        kwds = {}
        if get_spawning_popen() is not None:
            kwds['authkey'] = self._authkey
        if getattr(self, '_isauto', False):
            kwds['exposed'] = self._exposed_
            return RebuildProxy, (AutoProxy, self._token, self._serializer, kwds)
        return RebuildProxy, (type(self), self._token, self._serializer, kwds)

    def __deepcopy__(self, memo):
        return self._getvalue()

    def __repr__(self):
        return '<%s object, typeid %r at %#x>' % (type(self).__name__, self._token.typeid,
                                                  id(self))

    def __str__(self):
        """The referent's repr (or a fall-back if that fails)."""
        try:
            return self._callmethod('__repr__')
        except Exception:
            return repr(self)[:-1] + "; '__str__()' failed>"


def RebuildProxy(func, token, serializer, kwds):
    """Unpickles a proxy (in any process, including the manager's own server)."""
    server = getattr(process.current_process(), '_manager_server', None)
    if server and server.address == token.address:
        kwds['manager_owned'] = True
        if token.id not in server.id_to_local_proxy_obj:
            server.id_to_local_proxy_obj[token.id] = server.id_to_obj[token.id]
    incref = (kwds.pop('incref', True)
              and not getattr(process.current_process(), '_inheriting', False))
    return func(token, serializer, incref=incref, **kwds)


def _forwarder(name):
    def method(self, /, *args, **kwds):
        return self._callmethod(name, args, kwds)
    method.__name__ = method.__qualname__ = name
    return method


def MakeProxyType(name, exposed, _cache={}):
    """A BaseProxy subclass with one forwarding method per name in `exposed`."""
    exposed = tuple(exposed)
    try:
        return _cache[(name, exposed)]
    except KeyError:
        pass
    ProxyType = type(name, (BaseProxy,), {meth: _forwarder(meth) for meth in exposed})
    ProxyType._exposed_ = exposed
    _cache[(name, exposed)] = ProxyType
    return ProxyType


def AutoProxy(token, serializer, manager=None, authkey=None, exposed=None, incref=True,
              manager_owned=False):
    """A proxy whose methods are the referent's exposed ones (asked from the server when not
    given)."""
    _Client = listener_client[serializer][1]
    if exposed is None:
        conn = _Client(token.address, authkey=authkey)
        try:
            exposed = dispatch(conn, None, 'get_methods', (token,))
        finally:
            conn.close()
    if authkey is None and manager is not None:
        authkey = manager._authkey
    if authkey is None:
        authkey = process.current_process().authkey
    ProxyType = MakeProxyType('AutoProxy[%s]' % token.typeid, exposed)
    proxy = ProxyType(token, serializer, manager=manager, authkey=authkey, incref=incref,
                      manager_owned=manager_owned)
    proxy._isauto = True
    return proxy


# ---------------------------------------------------------------------------------------------
# The types SyncManager shares, and their proxies

class Namespace:
    def __init__(self, /, **kwds):
        self.__dict__.update(kwds)

    def __repr__(self):
        items = sorted('%s=%r' % (name, value) for name, value in self.__dict__.items()
                       if not name.startswith('_'))
        return '%s(%s)' % (type(self).__name__, ', '.join(items))


class Value:
    def __init__(self, typecode, value, lock=True):
        self._typecode = typecode
        self._value = value

    def get(self):
        return self._value

    def set(self, value):
        self._value = value

    def __repr__(self):
        return '%s(%r, %r)' % (type(self).__name__, self._typecode, self._value)

    value = property(get, set)


def Array(typecode, sequence, lock=True):
    return array.array(typecode, sequence)


class IteratorProxy(BaseProxy):
    _exposed_ = ('__next__', 'send', 'throw', 'close')

    def __iter__(self):
        return self

    def __next__(self, *args):
        return self._callmethod('__next__', args)

    def send(self, *args):
        return self._callmethod('send', args)

    def throw(self, *args):
        return self._callmethod('throw', args)

    def close(self, *args):
        return self._callmethod('close', args)


class AcquirerProxy(BaseProxy):
    _exposed_ = ('acquire', 'release')

    def acquire(self, blocking=True, timeout=None):
        args = (blocking,) if timeout is None else (blocking, timeout)
        return self._callmethod('acquire', args)

    def release(self):
        return self._callmethod('release')

    def __enter__(self):
        return self._callmethod('acquire')

    def __exit__(self, exc_type, exc_val, exc_tb):
        return self._callmethod('release')


class ConditionProxy(AcquirerProxy):
    _exposed_ = ('acquire', 'release', 'wait', 'notify', 'notify_all')

    def wait(self, timeout=None):
        return self._callmethod('wait', (timeout,))

    def notify(self, n=1):
        return self._callmethod('notify', (n,))

    def notify_all(self):
        return self._callmethod('notify_all')

    def wait_for(self, predicate, timeout=None):
        result = predicate()
        if result:
            return result
        endtime = None if timeout is None else time.monotonic() + timeout
        waittime = None
        while not result:
            if endtime is not None:
                waittime = endtime - time.monotonic()
                if waittime <= 0:
                    break
            self.wait(waittime)
            result = predicate()
        return result


class EventProxy(BaseProxy):
    _exposed_ = ('is_set', 'set', 'clear', 'wait')

    def is_set(self):
        return self._callmethod('is_set')

    def set(self):
        return self._callmethod('set')

    def clear(self):
        return self._callmethod('clear')

    def wait(self, timeout=None):
        return self._callmethod('wait', (timeout,))


class BarrierProxy(BaseProxy):
    _exposed_ = ('__getattribute__', 'wait', 'abort', 'reset')

    def wait(self, timeout=None):
        return self._callmethod('wait', (timeout,))

    def abort(self):
        return self._callmethod('abort')

    def reset(self):
        return self._callmethod('reset')

    @property
    def parties(self):
        return self._callmethod('__getattribute__', ('parties',))

    @property
    def n_waiting(self):
        return self._callmethod('__getattribute__', ('n_waiting',))

    @property
    def broken(self):
        return self._callmethod('__getattribute__', ('broken',))


class NamespaceProxy(BaseProxy):
    _exposed_ = ('__getattribute__', '__setattr__', '__delattr__')

    def __getattr__(self, key):
        if key[0] == '_':
            return object.__getattribute__(self, key)
        return object.__getattribute__(self, '_callmethod')('__getattribute__', (key,))

    def __setattr__(self, key, value):
        if key[0] == '_':
            return object.__setattr__(self, key, value)
        return object.__getattribute__(self, '_callmethod')('__setattr__', (key, value))

    def __delattr__(self, key):
        if key[0] == '_':
            return object.__delattr__(self, key)
        return object.__getattribute__(self, '_callmethod')('__delattr__', (key,))


class ValueProxy(BaseProxy):
    _exposed_ = ('get', 'set')

    def get(self):
        return self._callmethod('get')

    def set(self, value):
        return self._callmethod('set', (value,))

    value = property(get, set)

    __class_getitem__ = classmethod(types.GenericAlias)


BaseListProxy = MakeProxyType('BaseListProxy', (
    '__add__', '__contains__', '__delitem__', '__getitem__', '__len__', '__mul__',
    '__reversed__', '__rmul__', '__setitem__', 'append', 'count', 'extend', 'index', 'insert',
    'pop', 'remove', 'reverse', 'sort', '__imul__'))


class ListProxy(BaseListProxy):
    def __iadd__(self, value):
        self._callmethod('extend', (value,))
        return self

    def __imul__(self, value):
        self._callmethod('__imul__', (value,))
        return self


DictProxy = MakeProxyType('DictProxy', (
    '__contains__', '__delitem__', '__getitem__', '__iter__', '__len__', '__setitem__',
    'clear', 'copy', 'get', 'items', 'keys', 'pop', 'popitem', 'setdefault', 'update',
    'values'))
DictProxy._method_to_typeid_ = {'__iter__': 'Iterator'}

ArrayProxy = MakeProxyType('ArrayProxy', ('__len__', '__getitem__', '__setitem__'))

BasePoolProxy = MakeProxyType('PoolProxy', (
    'apply', 'apply_async', 'close', 'imap', 'imap_unordered', 'join', 'map', 'map_async',
    'starmap', 'starmap_async', 'terminate'))
BasePoolProxy._method_to_typeid_ = {
    'apply_async': 'AsyncResult',
    'map_async': 'AsyncResult',
    'starmap_async': 'AsyncResult',
    'imap': 'Iterator',
    'imap_unordered': 'Iterator',
}


class PoolProxy(BasePoolProxy):
    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.terminate()


class SyncManager(BaseManager):
    """The manager of multiprocessing.Manager(): locks, queues, list, dict, Namespace, ..."""


SyncManager.register('Queue', queue.Queue)
SyncManager.register('JoinableQueue', queue.Queue)
SyncManager.register('Event', threading.Event, EventProxy)
SyncManager.register('Lock', threading.Lock, AcquirerProxy)
SyncManager.register('RLock', threading.RLock, AcquirerProxy)
SyncManager.register('Semaphore', threading.Semaphore, AcquirerProxy)
SyncManager.register('BoundedSemaphore', threading.BoundedSemaphore, AcquirerProxy)
SyncManager.register('Condition', threading.Condition, ConditionProxy)
SyncManager.register('Barrier', threading.Barrier, BarrierProxy)
SyncManager.register('Pool', pool.Pool, PoolProxy)
SyncManager.register('list', list, ListProxy)
SyncManager.register('dict', dict, DictProxy)
SyncManager.register('Value', Value, ValueProxy)
SyncManager.register('Array', Array, ArrayProxy)
SyncManager.register('Namespace', Namespace, NamespaceProxy)
SyncManager.register('Iterator', proxytype=IteratorProxy, create_method=False)
SyncManager.register('AsyncResult', create_method=False)

"""gilpy's pickle engine: Pickler, Unpickler, dump(s)/load(s), PickleBuffer, the exceptions.

CPython implements these in C as `_pickle`, and `pickle` re-exports them; gilpy writes them in
Python here, so that they carry the same module ('_pickle') and names as CPython's, which
matters for pickles that refer to them by name. `pickle` holds the public constants and
documentation.

Output is byte-for-byte the output of CPython 3.12's C pickler (not of the pure-Python
`pickle._Pickler`), for every protocol 0..5: the same opcode choices (BININT1/BININT2/BININT,
LONG1/LONG4, SHORT_BINUNICODE, TUPLE1..3, EMPTY_SET/ADDITEMS, FROZENSET, BYTEARRAY8,
STACK_GLOBAL, MEMOIZE, ...), the same memoization order (an object is entered in the memo when
the C pickler enters it; STACK_GLOBAL strings are memoized by identity), the same batching
(1000 items per APPENDS, SETITEMS, ADDITEMS, with the exact-list/dict shortcuts), and the same
framing (a frame opens at the first write after PROTO, is committed at an opcode boundary once
it holds 64 KiB, and is dropped when it holds fewer than 4 bytes; payloads of 64 KiB or more
are written outside frames). The Unpickler follows the C loader: one object stack with a stack
of mark positions (the "fence" below which pops fail with "unexpected MARK found"), a memo
indexed by int, frames only checked for presence, and the C loader's error types and messages.

The native module _pickle_accel (src/modules/pickle_fast*.cpp) runs the hot paths with the same
output: PicklerCore holds each Pickler's output buffer, framing and memo, and its save() encodes
the common built-in types (protocols >= 1) natively, handing everything else to Pickler._save_py,
the complete Python dispatcher below; _pickle_accel.load runs the Unpickler's opcode loop,
handling the common opcodes natively and calling the load_* methods below for the rest (and for
every irregular case, so the errors are raised here). dumps() and loads() are native entries
(configured at the end of this module) that create a Pickler/Unpickler only when an object or
opcode needs the Python code, handing it their state (docs/pickle.md).

Invariants and ownership:
  - Pickler._core (a PicklerCore) owns the output buffer and the memo (object -> index, holding
    the object so identities stay unique while the memo lives; the index is the number of
    entries when obj was entered, MEMOIZE's implicit key). dump() writes the buffer to
    file.write when a frame is committed and at the end, as the C pickler does.
  - Unpickler._stack/_marks: marks are stack lengths at MARK time; _fence is the top mark.
  - No state is shared between Picklers/Unpicklers except the registries of copyreg; one
    object is used by one thread at a time, as in CPython.

Loading a pickle can run arbitrary code: only unpickle data you trust (docs/pickle.md).
"""

import sys
import copyreg
from copyreg import dispatch_table
from copyreg import _extension_registry, _inverted_registry, _extension_cache
from struct import pack as _pack, unpack as _unpack
from operator import index as _index
from functools import partial as _partial
import _compat_pickle
from _pickle_accel import PicklerCore as _PicklerCore, load as _load_loop, \
    _configure as _pickle_accel_configure

HIGHEST_PROTOCOL = 5
DEFAULT_PROTOCOL = 4


class PickleError(Exception):
    """A common base class for the other pickling exceptions."""
    pass


class PicklingError(PickleError):
    """This exception is raised when an unpicklable object is passed to the
    dump() method.

    """
    pass


class UnpicklingError(PickleError):
    """This exception is raised when there is a problem unpickling an object,
    such as a security violation.

    Note that other exceptions may also be raised during unpickling, including
    (but not necessarily limited to) AttributeError, EOFError, ImportError,
    and IndexError.

    """
    pass



# ---- opcodes (pickletools documents them) ------------------------------------------------

MARK = b'('
STOP = b'.'
POP = b'0'
POP_MARK = b'1'
DUP = b'2'
FLOAT = b'F'
INT = b'I'
BININT = b'J'
BININT1 = b'K'
LONG = b'L'
BININT2 = b'M'
NONE = b'N'
PERSID = b'P'
BINPERSID = b'Q'
REDUCE = b'R'
STRING = b'S'
BINSTRING = b'T'
SHORT_BINSTRING = b'U'
UNICODE = b'V'
BINUNICODE = b'X'
APPEND = b'a'
BUILD = b'b'
GLOBAL = b'c'
DICT = b'd'
EMPTY_DICT = b'}'
APPENDS = b'e'
GET = b'g'
BINGET = b'h'
INST = b'i'
LONG_BINGET = b'j'
LIST = b'l'
EMPTY_LIST = b']'
OBJ = b'o'
PUT = b'p'
BINPUT = b'q'
LONG_BINPUT = b'r'
SETITEM = b's'
TUPLE = b't'
EMPTY_TUPLE = b')'
SETITEMS = b'u'
BINFLOAT = b'G'
TRUE = b'I01\n'
FALSE = b'I00\n'
# protocol 2
PROTO = b'\x80'
NEWOBJ = b'\x81'
EXT1 = b'\x82'
EXT2 = b'\x83'
EXT4 = b'\x84'
TUPLE1 = b'\x85'
TUPLE2 = b'\x86'
TUPLE3 = b'\x87'
NEWTRUE = b'\x88'
NEWFALSE = b'\x89'
LONG1 = b'\x8a'
LONG4 = b'\x8b'
_tuplesize2code = [EMPTY_TUPLE, TUPLE1, TUPLE2, TUPLE3]
# protocol 3
BINBYTES = b'B'
SHORT_BINBYTES = b'C'
# protocol 4
SHORT_BINUNICODE = b'\x8c'
BINUNICODE8 = b'\x8d'
BINBYTES8 = b'\x8e'
EMPTY_SET = b'\x8f'
ADDITEMS = b'\x90'
FROZENSET = b'\x91'
NEWOBJ_EX = b'\x92'
STACK_GLOBAL = b'\x93'
MEMOIZE = b'\x94'
FRAME = b'\x95'
# protocol 5
BYTEARRAY8 = b'\x96'
NEXT_BUFFER = b'\x97'
READONLY_BUFFER = b'\x98'


_BATCHSIZE = 1000
_FRAME_SIZE_TARGET = 64 * 1024
_MAXSIZE = sys.maxsize

# ---- helpers ------------------------------------------------------------------------------

_HEAPTYPE = 1 << 9


def _tp_name(tp):
    """The C-level tp_name of a type: heap types use their name, static types module.name."""
    module = tp.__module__
    if tp.__flags__ & _HEAPTYPE or module == 'builtins' or not isinstance(module, str):
        return tp.__name__
    return module + '.' + tp.__name__


def _dotted_path(obj, name):
    """name split on '.', refusing <locals> components (the C pickler's get_dotted_path)."""
    if not isinstance(name, str):
        raise TypeError("must be str, not %s" % _tp_name(type(name)))
    path = name.split('.') if '.' in name else [name]
    for part in path:
        if part == '<locals>':
            if obj is None:
                raise AttributeError("Can't pickle local object %r" % (name,))
            raise AttributeError("Can't pickle local attribute %r on %r" % (name, obj))
    return path


_MISSING = object()


def _deep_attribute(obj, path):
    """(value, parent) following path from obj; value is _MISSING when an attribute is missing."""
    parent = None
    for name in path:
        parent = obj
        obj = getattr(parent, name, _MISSING)
        if obj is _MISSING:
            return _MISSING, None
    return obj, parent


def whichmodule(obj, name):
    """Find the module an object belongs to."""
    module_name = getattr(obj, '__module__', None)
    if module_name is not None:
        return module_name
    path = name if isinstance(name, list) else _dotted_path(None, name)
    for module_name, module in sys.modules.copy().items():
        if module_name == '__main__' or module is None:
            continue
        found, _ = _deep_attribute(module, path)
        if found is obj:
            return module_name
    return '__main__'


def _import_module(name):
    __import__(name)
    return sys.modules[name]


def encode_long(x):
    r"""Encode a long to a two's complement little-endian binary string.
    Note that 0 is a special case, returning an empty string, to save a
    byte in the LONG1 pickling context.

    >>> encode_long(0)
    b''
    >>> encode_long(255)
    b'\xff\x00'
    >>> encode_long(-128)
    b'\x80'
    """
    if x == 0:
        return b''
    nbytes = (x.bit_length() >> 3) + 1
    result = x.to_bytes(nbytes, byteorder='little', signed=True)
    if x < 0 and nbytes > 1:
        if result[-1] == 0xff and (result[-2] & 0x80) != 0:
            result = result[:-1]
    return result


def decode_long(data):
    r"""Decode a long from a two's complement little-endian binary string.

    >>> decode_long(b'')
    0
    >>> decode_long(b"\xff\x00")
    255
    >>> decode_long(b"\x80")
    -128
    """
    return int.from_bytes(data, byteorder='little', signed=True)


def _raw_unicode_escape(s):
    """Protocol 0's UNICODE argument: raw-unicode-escape, plus the characters that would
    break the line-oriented format (backslash, NUL, LF, CR, ^Z) as \\uXXXX."""
    out = []
    for ch in s:
        c = ord(ch)
        if c >= 0x10000:
            out.append('\\U%08x' % c)
        elif c >= 256 or c in (0x5c, 0, 0x0a, 0x0d, 0x1a):
            out.append('\\u%04x' % c)
        else:
            out.append(ch)
    return ''.join(out).encode('latin-1')


# ---- PickleBuffer -------------------------------------------------------------------------

class PickleBuffer:
    """Wrapper for potentially out-of-band buffers"""

    __slots__ = ('_view',)

    def __new__(cls, buffer):
        self = object.__new__(cls)
        try:
            self._view = memoryview(buffer)
        except TypeError:
            raise TypeError("a bytes-like object is required, not '%s'"
                            % _tp_name(type(buffer))) from None
        return self

    def _get_view(self):
        view = self._view
        if view is None:
            raise ValueError("operation forbidden on released PickleBuffer object")
        return view

    def __buffer__(self, flags):
        return self._get_view()[:]

    def raw(self):
        """Return a memoryview of the raw memory underlying this buffer.
        Will raise BufferError is the buffer isn't contiguous."""
        view = self._get_view()
        if not view.contiguous:
            raise BufferError("cannot extract raw buffer from non-contiguous buffer")
        return view.cast('B') if view.c_contiguous else view.cast('B', [view.nbytes])

    def release(self):
        """Release the underlying buffer exposed by the PickleBuffer object."""
        view = self._view
        self._view = None
        if view is not None:
            view.release()

    def __reduce_ex__(self, protocol):
        raise TypeError("cannot pickle 'pickle.PickleBuffer' object")


# ---- memo proxies -------------------------------------------------------------------------

class PicklerMemoProxy:
    __slots__ = ('_pickler',)

    def __init__(self, pickler):
        self._pickler = pickler

    def clear(self):
        """Remove all items from memo."""
        self._pickler._core.memo_clear()

    def copy(self):
        """Copy the memo to a new object."""
        return self._pickler._core.memo_copy()

    def __reduce__(self):
        """Implement pickle support."""
        return dict, (self.copy(),)


class UnpicklerMemoProxy:
    __slots__ = ('_unpickler',)

    def __init__(self, unpickler):
        self._unpickler = unpickler

    def clear(self):
        """Remove all items from memo."""
        self._unpickler._memo.clear()

    def copy(self):
        """Copy the memo to a new object."""
        return dict(self._unpickler._memo)

    def __reduce__(self):
        """Implement pickling support."""
        return dict, (self.copy(),)


PickleBuffer.__module__ = 'pickle'

# ---- Pickler ------------------------------------------------------------------------------

_FAST_NESTING_LIMIT = 50


class Pickler:
    """This takes a binary file for writing a pickle data stream.

    The optional *protocol* argument tells the pickler to use the given
    protocol; supported protocols are 0, 1, 2, 3, 4 and 5.  The default
    protocol is 4. It was introduced in Python 3.4, and is incompatible
    with previous versions.

    Specifying a negative protocol version selects the highest protocol
    version supported.  The higher the protocol used, the more recent the
    version of Python needed to read the pickle produced.

    The *file* argument must have a write() method that accepts a single
    bytes argument. It can thus be a file object opened for binary
    writing, an io.BytesIO instance, or any other custom object that meets
    this interface.

    If *fix_imports* is True and protocol is less than 3, pickle will try
    to map the new Python 3 names to the old module names used in Python
    2, so that the pickle data stream is readable with Python 2.

    If *buffer_callback* is None (the default), buffer views are
    serialized into *file* as part of the pickle stream.

    If *buffer_callback* is not None, then it can be called any number
    of times with a buffer view.  If the callback returns a false value
    (such as None), the given buffer is out-of-band; otherwise the
    buffer is serialized in-band, i.e. inside the pickle stream.

    It is an error if *buffer_callback* is not None and *protocol*
    is None or smaller than 5.
    """

    def __init__(self, file, protocol=None, fix_imports=True, buffer_callback=None):
        self._setup(protocol, fix_imports, buffer_callback)
        write = getattr(file, 'write', _MISSING)
        if write is _MISSING:
            raise TypeError("file must have a 'write' attribute")
        self._core = _PicklerCore(self.proto, write)
        self.fast = 0
        self._fast_nesting = 0
        self._fast_memo = None

    def _setup(self, protocol, fix_imports, buffer_callback):
        if protocol is None:
            proto = DEFAULT_PROTOCOL
        else:
            proto = _index(protocol)
            if proto > 0x7fffffffffffffff or proto < -0x8000000000000000:
                raise OverflowError("Python int too large to convert to C long")
            if proto < 0:
                proto = HIGHEST_PROTOCOL
            elif proto > HIGHEST_PROTOCOL:
                raise ValueError("pickle protocol must be <= %d" % HIGHEST_PROTOCOL)
        if buffer_callback is not None and proto < 5:
            raise ValueError("buffer_callback needs protocol >= 5")
        self.proto = proto
        self.bin = int(proto > 0)
        self.fix_imports = bool(fix_imports) and proto < 3
        self._buffer_callback = buffer_callback

    # -- the memo
    @property
    def memo(self):
        return PicklerMemoProxy(self)

    @memo.setter
    def memo(self, value):
        if type(value) is PicklerMemoProxy:
            pairs = list(value._pickler._core.memo_copy().values())
        elif isinstance(value, dict):
            pairs = []
            for v in value.values():
                if not isinstance(v, tuple) or len(v) != 2:
                    raise TypeError("'memo' values must be 2-item tuples")
                pairs.append((_index(v[0]), v[1]))
        else:
            raise TypeError("'memo' attribute must be a PicklerMemoProxy object or dict, not %s"
                            % _tp_name(type(value)))
        self._core.memo_load(pairs)

    @memo.deleter
    def memo(self):
        raise TypeError("attribute deletion is not supported")

    def clear_memo(self):
        """Clears the pickler's "memo".

        The memo is the data structure that remembers which objects the
        pickler has already seen, so that shared or recursive objects are
        pickled by reference and not by value.  This method is useful when
        re-using picklers.
        """
        self._core.memo_clear()

    # -- entry points
    def dump(self, obj):
        """Write a pickled representation of the given object to the open file."""
        if getattr(self, '_core', None) is None:
            raise PicklingError("Pickler.__init__() was not called by %s.__init__()"
                                % _tp_name(type(self)))
        self._run_dump(obj)
        self._core.flush()

    def _start_dump(self):
        """Read the hooks for a dump; return (persistent_id, the dispatch tables to consult for
        instances pickled natively, or None when a hook or fast mode rules that out)."""
        ro = getattr(self, 'reducer_override', None)
        self._reducer_override = ro
        pid = getattr(self, 'persistent_id', None)
        self._persistent_id = pid
        dt = getattr(self, 'dispatch_table', None)
        self._dispatch_table = dt
        self._fast_nesting = 0
        tables = None
        if ro is None and pid is None and not self.fast:
            if dt is None:
                tables = (dispatch_table,)
            elif type(dt) is dict:
                tables = (dt,)
        return pid, tables

    @classmethod
    def _continue_native_dump(cls, core, protocol, fix_imports):
        """The Pickler that takes over a dump begun by the native dumps() (or
        _pickle_accel.dump_with) at the first object it leaves to Python: core holds the output
        and the memo so far. Only for classes without hooks (reducer_override, persistent_id)."""
        p = cls(_NULL_FILE, protocol, fix_imports)
        p._core = core
        p._start_dump()
        return p

    def _run_dump(self, obj):
        pid, tables = self._start_dump()
        core = self._core
        core.begin(pid, self.fast, tables)
        try:
            self.save(obj)
            core.end()
        finally:
            core.finish()
            self._reducer_override = None

    # -- "fast" mode (no memo): cycle detection for lists and dicts
    def _fast_enter(self, obj):
        self._fast_nesting += 1
        if self._fast_nesting >= _FAST_NESTING_LIMIT:
            if self._fast_memo is None:
                self._fast_memo = {}
            key = id(obj)
            if key in self._fast_memo:
                raise ValueError("fast mode: can't pickle cyclic objects including object "
                                 "type %s at %#x" % (_tp_name(type(obj)), key))
            self._fast_memo[key] = None

    def _fast_leave(self, obj):
        nesting = self._fast_nesting
        self._fast_nesting = nesting - 1
        if nesting >= _FAST_NESTING_LIMIT:
            del self._fast_memo[id(obj)]

    # -- the dispatcher
    def save(self, obj, save_persistent_id=True):
        """Pickle obj: the native dispatcher (_pickle_accel.PicklerCore.save) encodes the common
        built-in types and hands anything else to _save_py."""
        self._core.save(self, obj, save_persistent_id)

    def _save_py(self, obj):
        """The complete dispatcher, after the persistent id: everything at protocol 0 and the
        objects the native dispatcher leaves to Python."""
        t = type(obj)
        f = _atom_savers.get(t)
        if f is not None:
            f(self, obj)
            return
        if self._core.memo_get(obj, b''):
            return
        f = _savers.get(t)
        if f is not None:
            f(self, obj)
            return
        ro = self._reducer_override
        if ro is not None:
            rv = ro(obj)
            if rv is not NotImplemented:
                self._save_reduce_value(obj, rv)
                return
        if t is type:
            self.save_type(obj)
            return
        if t is _FunctionType:
            self.save_global(obj)
            return
        dt = self._dispatch_table
        if dt is None:
            reduce = dispatch_table.get(t)
        else:
            try:
                reduce = dt[t]
            except KeyError:
                reduce = None
        if reduce is not None:
            rv = reduce(obj)
        elif issubclass(t, type):
            self.save_global(obj)
            return
        else:
            reduce = getattr(obj, '__reduce_ex__', _MISSING)
            if reduce is not _MISSING:
                rv = reduce(self.proto)
            else:
                reduce = getattr(obj, '__reduce__', _MISSING)
                if reduce is _MISSING:
                    raise PicklingError("can't pickle '%s' object: %r" % (_tp_name(t), obj))
                rv = reduce()
        self._save_reduce_value(obj, rv)

    def _save_reduce_value(self, obj, rv):
        if isinstance(rv, str):
            self.save_global(obj, rv)
            return
        if not isinstance(rv, tuple):
            raise PicklingError("__reduce__ must return a string or tuple")
        if not 2 <= len(rv) <= 6:
            raise PicklingError("tuple returned by __reduce__ must contain 2 through 6 elements")
        self.save_reduce(*rv, obj=obj)

    def _save_pers(self, obj):
        pid = self._persistent_id(obj)
        if pid is None:
            return False
        if self.bin:
            self.save(pid, save_persistent_id=False)
            self._core.write(BINPERSID)
        else:
            text = str(pid)
            if not text.isascii():
                raise PicklingError("persistent IDs in protocol 0 must be ASCII strings")
            self._core.write(PERSID + text.encode('ascii') + b'\n')
        return True

    def save_reduce(self, func, args, state=None, listitems=None, dictitems=None,
                    state_setter=None, *, obj=None):
        write = self._core.write
        if not callable(func):
            raise PicklingError("first item of the tuple returned by __reduce__ must be callable")
        if not isinstance(args, tuple):
            raise PicklingError("second item of the tuple returned by __reduce__ must be a tuple")
        if listitems is not None and not _is_iterator(listitems):
            raise PicklingError("fourth element of the tuple returned by __reduce__ must be an "
                                "iterator, not %s" % _tp_name(type(listitems)))
        if dictitems is not None and not _is_iterator(dictitems):
            raise PicklingError("fifth element of the tuple returned by __reduce__ must be an "
                                "iterator, not %s" % _tp_name(type(dictitems)))
        if state_setter is not None and not callable(state_setter):
            raise PicklingError("sixth element of the tuple returned by __reduce__ must be a "
                                "function, not %s" % _tp_name(type(state_setter)))
        func_name = None
        if self.proto >= 2:
            func_name = getattr(func, '__name__', None)
        if func_name == '__newobj_ex__' and isinstance(func_name, str):
            if len(args) != 3:
                raise PicklingError("length of the NEWOBJ_EX argument tuple must be exactly 3, "
                                    "not %d" % len(args))
            cls, cargs, kwargs = args
            if not isinstance(cls, type):
                raise PicklingError("first item from NEWOBJ_EX argument tuple must be a class, "
                                    "not %s" % _tp_name(type(cls)))
            if not isinstance(cargs, tuple):
                raise PicklingError("second item from NEWOBJ_EX argument tuple must be a tuple, "
                                    "not %s" % _tp_name(type(cargs)))
            if not isinstance(kwargs, dict):
                raise PicklingError("third item from NEWOBJ_EX argument tuple must be a dict, "
                                    "not %s" % _tp_name(type(kwargs)))
            if self.proto >= 4:
                self.save(cls)
                self.save(cargs)
                self.save(kwargs)
                write(NEWOBJ_EX)
            else:
                func = _partial(cls.__new__, cls, *cargs, **kwargs)
                self.save(func)
                self.save(())
                write(REDUCE)
        elif func_name == '__newobj__' and isinstance(func_name, str):
            if len(args) < 1:
                raise PicklingError("__newobj__ arglist is empty")
            cls = args[0]
            if not isinstance(cls, type):
                raise PicklingError("args[0] from __newobj__ args is not a type")
            if obj is not None and obj.__class__ is not cls:
                raise PicklingError("args[0] from __newobj__ args has the wrong class")
            self.save(cls)
            self.save(args[1:])
            write(NEWOBJ)
        else:
            self.save(func)
            self.save(args)
            write(REDUCE)

        if obj is not None:
            if self._core.memo_get(obj, POP):
                return
            self._core.memoize(obj)

        if listitems is not None:
            self._batch_appends(listitems)
        if dictitems is not None:
            self._batch_setitems(dictitems)
        if state is not None:
            if state_setter is None:
                self.save(state)
                write(BUILD)
            else:
                self.save(state_setter)
                self.save(obj)
                self.save(state)
                write(TUPLE2)
                write(REDUCE)
                write(POP)

    # -- atoms
    def save_none(self, obj):
        self._core.write(NONE)

    def save_bool(self, obj):
        if self.proto >= 2:
            self._core.write(NEWTRUE if obj else NEWFALSE)
        else:
            self._core.write(TRUE if obj else FALSE)

    def save_long(self, obj):
        if -0x80000000 <= obj <= 0x7fffffff:
            if self.bin:
                if 0 <= obj <= 0xff:
                    self._core.write(BININT1 + bytes((obj,)))
                elif 0 <= obj <= 0xffff:
                    self._core.write(BININT2 + _pack('<H', obj))
                else:
                    self._core.write(BININT + _pack('<i', obj))
            else:
                self._core.write(INT + repr(obj).encode('ascii') + b'\n')
            return
        if self.proto >= 2:
            data = encode_long(obj)
            n = len(data)
            if n < 256:
                self._core.write(LONG1 + bytes((n,)) + data)
            else:
                self._core.write(LONG4 + _pack('<i', n) + data)
        else:
            self._core.write(LONG + repr(obj).encode('ascii') + b'L\n')

    def save_float(self, obj):
        if self.bin:
            self._core.write(BINFLOAT + _pack('>d', obj))
        else:
            self._core.write(FLOAT + repr(obj).encode('ascii') + b'\n')

    # -- strings
    def save_bytes(self, obj):
        if self.proto < 3:
            if not obj:
                self.save_reduce(bytes, (), obj=obj)
            else:
                import _codecs
                self.save_reduce(_codecs.encode, (str(obj, 'latin1'), 'latin1'), obj=obj)
            return
        self._save_bytes_data(obj, obj)

    def _save_bytes_data(self, obj, data):
        n = len(data)
        if n <= 0xff:
            self._core.write_large(SHORT_BINBYTES + bytes((n,)), data)
        elif n <= 0xffffffff:
            self._core.write_large(BINBYTES + _pack('<I', n), data)
        else:
            self._core.write_large(BINBYTES8 + _pack('<Q', n), data)
        self._core.memoize(obj)

    def save_bytearray(self, obj):
        if self.proto < 5:
            if not obj:
                self.save_reduce(bytearray, (), obj=obj)
            else:
                self.save_reduce(bytearray, (bytes(obj),), obj=obj)
            return
        self._save_bytearray_data(obj, obj)

    def _save_bytearray_data(self, obj, data):
        self._core.write_large(BYTEARRAY8 + _pack('<Q', len(data)), data)
        self._core.memoize(obj)

    def save_picklebuffer(self, obj):
        if self.proto < 5:
            raise PicklingError("PickleBuffer can only pickled with protocol >= 5")
        view = obj._get_view()
        if not view.contiguous:
            raise PicklingError("PickleBuffer can not be pickled when pointing to a "
                                "non-contiguous buffer")
        in_band = True
        if self._buffer_callback is not None:
            in_band = bool(self._buffer_callback(obj))
        if in_band:
            data = view.tobytes() if view.nbytes >= _FRAME_SIZE_TARGET or not \
                view.c_contiguous else view.cast('B')
            if view.readonly:
                self._save_bytes_data(obj, data)
            else:
                self._save_bytearray_data(obj, data)
        else:
            self._core.write(NEXT_BUFFER)
            if view.readonly:
                self._core.write(READONLY_BUFFER)

    def save_str(self, obj):
        if self.bin:
            encoded = obj.encode('utf-8', 'surrogatepass')
            n = len(encoded)
            if n <= 0xff and self.proto >= 4:
                self._core.write_large(SHORT_BINUNICODE + bytes((n,)), encoded)
            elif n <= 0xffffffff:
                self._core.write_large(BINUNICODE + _pack('<I', n), encoded)
            elif self.proto >= 4:
                self._core.write_large(BINUNICODE8 + _pack('<Q', n), encoded)
            else:
                raise OverflowError("serializing a string larger than 4 GiB requires "
                                    "pickle protocol 4 or higher")
        else:
            self._core.write(UNICODE + _raw_unicode_escape(obj) + b'\n')
        self._core.memoize(obj)

    # -- containers
    def save_tuple(self, obj):
        n = len(obj)
        write = self._core.write
        if n == 0:
            write(EMPTY_TUPLE if self.proto else MARK + TUPLE)
            return
        save = self.save
        if n <= 3 and self.proto >= 2:
            for element in obj:
                save(element)
            if self._core.memo_get(obj, POP * n):
                return
            write(_tuplesize2code[n])
            self._core.memoize(obj)
            return
        write(MARK)
        for element in obj:
            save(element)
        if self._core.memo_get(obj, POP_MARK if self.bin else POP * (n + 1)):
            return
        write(TUPLE)
        self._core.memoize(obj)

    def save_list(self, obj):
        if self.fast:
            self._fast_enter(obj)
        self._core.write(EMPTY_LIST if self.bin else MARK + LIST)
        self._core.memoize(obj)
        if obj:
            if self.proto > 0:
                self._batch_list_exact(obj)
            else:
                self._batch_appends(iter(obj))
        if self.fast:
            self._fast_leave(obj)

    def _batch_list_exact(self, obj):
        save = self.save
        write = self._core.write
        if len(obj) == 1:
            save(obj[0])
            write(APPEND)
            return
        total = 0
        while True:
            write(MARK)
            this_batch = 0
            while total < len(obj):
                save(obj[total])
                total += 1
                this_batch += 1
                if this_batch == _BATCHSIZE:
                    break
            write(APPENDS)
            if total >= len(obj):
                return

    def _batch_appends(self, items):
        save = self.save
        write = self._core.write
        if self.proto == 0:
            for x in items:
                save(x)
                write(APPEND)
            return
        while True:
            first = next(items, _MISSING)
            if first is _MISSING:
                return
            second = next(items, _MISSING)
            if second is _MISSING:
                save(first)
                write(APPEND)
                return
            write(MARK)
            save(first)
            n = 1
            obj = second
            while True:
                save(obj)
                n += 1
                if n == _BATCHSIZE:
                    break
                obj = next(items, _MISSING)
                if obj is _MISSING:
                    break
            write(APPENDS)
            if n != _BATCHSIZE:
                return

    def save_dict(self, obj):
        if self.fast:
            self._fast_enter(obj)
        self._core.write(EMPTY_DICT if self.bin else MARK + DICT)
        self._core.memoize(obj)
        if obj:
            if self.proto > 0:
                self._batch_dict_exact(obj)
            else:
                self._batch_setitems(iter(obj.items()))
        if self.fast:
            self._fast_leave(obj)

    def _batch_dict_exact(self, obj):
        save = self.save
        write = self._core.write
        size = len(obj)
        if size == 1:
            for k, v in obj.items():
                save(k)
                save(v)
            write(SETITEM)
            if len(obj) != size:
                raise RuntimeError("dictionary changed size during iteration")
            return
        it = iter(obj.items())
        while True:
            write(MARK)
            i = 0
            for k, v in it:
                save(k)
                save(v)
                i += 1
                if i == _BATCHSIZE:
                    break
            write(SETITEMS)
            if len(obj) != size:
                raise RuntimeError("dictionary changed size during iteration")
            if i != _BATCHSIZE:
                return

    def _batch_setitems(self, items):
        save = self.save
        write = self._core.write
        if self.proto == 0:
            for item in items:
                if not isinstance(item, tuple) or len(item) != 2:
                    raise TypeError("dict items iterator must return 2-tuples")
                save(item[0])
                save(item[1])
                write(SETITEM)
            return
        while True:
            first = next(items, _MISSING)
            if first is _MISSING:
                return
            if not isinstance(first, tuple) or len(first) != 2:
                raise TypeError("dict items iterator must return 2-tuples")
            second = next(items, _MISSING)
            if second is _MISSING:
                save(first[0])
                save(first[1])
                write(SETITEM)
                return
            write(MARK)
            save(first[0])
            save(first[1])
            n = 1
            item = second
            while True:
                if not isinstance(item, tuple) or len(item) != 2:
                    raise TypeError("dict items iterator must return 2-tuples")
                save(item[0])
                save(item[1])
                n += 1
                if n == _BATCHSIZE:
                    break
                item = next(items, _MISSING)
                if item is _MISSING:
                    break
            write(SETITEMS)
            if n != _BATCHSIZE:
                return

    def save_set(self, obj):
        if self.proto < 4:
            self.save_reduce(set, (list(obj),), obj=obj)
            return
        write = self._core.write
        save = self.save
        write(EMPTY_SET)
        self._core.memoize(obj)
        size = len(obj)
        if size == 0:
            return
        it = iter(obj)
        while True:
            write(MARK)
            i = 0
            try:
                for item in it:
                    save(item)
                    i += 1
                    if i == _BATCHSIZE:
                        break
            except RuntimeError:
                if len(obj) != size:
                    raise RuntimeError("set changed size during iteration") from None
                raise
            write(ADDITEMS)
            if len(obj) != size:
                raise RuntimeError("set changed size during iteration")
            if i != _BATCHSIZE:
                return

    def save_frozenset(self, obj):
        if self.proto < 4:
            self.save_reduce(frozenset, (list(obj),), obj=obj)
            return
        write = self._core.write
        write(MARK)
        for item in obj:
            self.save(item)
        if self._core.memo_get(obj, POP_MARK):
            return
        write(FROZENSET)
        self._core.memoize(obj)

    # -- globals
    def save_global(self, obj, name=None):
        write = self._core.write
        if name is None:
            name = getattr(obj, '__qualname__', _MISSING)
            if name is _MISSING:
                name = obj.__name__
        path = _dotted_path(None, name)
        module_name = whichmodule(obj, path)
        try:
            module = _import_module(module_name)
        except Exception:
            raise PicklingError("Can't pickle %r: import of module %r failed"
                                % (obj, module_name)) from None
        lastname = path[-1]
        try:
            found, parent = _deep_attribute(module, path)
        except Exception:
            found = _MISSING
        if found is _MISSING:
            raise PicklingError("Can't pickle %r: attribute lookup %s on %s failed"
                                % (obj, name, module_name)) from None
        if found is not obj:
            raise PicklingError("Can't pickle %r: it's not the same object as %s.%s"
                                % (obj, module_name, name))
        code = None
        if self.proto >= 2:
            code = _extension_registry.get((module_name, name))
        if code is not None:
            if not isinstance(code, int):
                raise PicklingError("Can't pickle %r: extension code %r isn't an integer"
                                    % (obj, code))
            if code <= 0 or code > 0x7fffffff:
                raise PicklingError("Can't pickle %r: extension code %d is out of range"
                                    % (obj, code))
            if code <= 0xff:
                write(EXT1 + bytes((code,)))
            elif code <= 0xffff:
                write(EXT2 + _pack('<H', code))
            else:
                write(EXT4 + _pack('<i', code))
            return  # extension codes are not memoized
        else:
            if parent is module:
                name = lastname
            if self.proto >= 4:
                self.save(module_name)
                self.save(name)
                write(STACK_GLOBAL)
            elif parent is not module:
                self.save_reduce(getattr, (parent, lastname))
            else:
                if self.fix_imports:
                    module_name, name = _fix_imports(module_name, name)
                encoding = 'utf-8' if self.proto == 3 else 'ascii'
                try:
                    module_bytes = module_name.encode(encoding)
                except UnicodeEncodeError:
                    raise PicklingError("can't pickle module identifier '%s' using pickle "
                                        "protocol %d" % (module_name, self.proto)) from None
                try:
                    name_bytes = name.encode(encoding)
                except UnicodeEncodeError:
                    raise PicklingError("can't pickle global identifier '%s' using pickle "
                                        "protocol %d" % (name, self.proto)) from None
                write(GLOBAL + module_bytes + b'\n' + name_bytes + b'\n')
        self._core.memoize(obj)

    def save_type(self, obj):
        if obj is _NoneType:
            return self.save_reduce(type, (None,), obj=obj)
        elif obj is _EllipsisType:
            return self.save_reduce(type, (...,), obj=obj)
        elif obj is _NotImplementedType:
            return self.save_reduce(type, (NotImplemented,), obj=obj)
        return self.save_global(obj)


def _fix_imports(module_name, name):
    item = _compat_pickle.REVERSE_NAME_MAPPING.get((module_name, name))
    if item is not None:
        if not isinstance(item, tuple) or len(item) != 2:
            raise RuntimeError("_compat_pickle.REVERSE_NAME_MAPPING values should be 2-tuples, "
                               "not %s" % _tp_name(type(item)))
        return item
    item = _compat_pickle.REVERSE_IMPORT_MAPPING.get(module_name)
    if item is not None:
        if not isinstance(item, str):
            raise RuntimeError("_compat_pickle.REVERSE_IMPORT_MAPPING values should be strings, "
                               "not %s" % _tp_name(type(item)))
        module_name = item
    return module_name, name


def _is_iterator(obj):
    return hasattr(type(obj), '__next__')


_FunctionType = type(_is_iterator)
_NoneType = type(None)
_EllipsisType = type(...)
_NotImplementedType = type(NotImplemented)

_atom_savers = {
    _NoneType: Pickler.save_none,
    bool: Pickler.save_bool,
    int: Pickler.save_long,
    float: Pickler.save_float,
}
_savers = {
    bytes: Pickler.save_bytes,
    str: Pickler.save_str,
    dict: Pickler.save_dict,
    set: Pickler.save_set,
    frozenset: Pickler.save_frozenset,
    list: Pickler.save_list,
    tuple: Pickler.save_tuple,
    bytearray: Pickler.save_bytearray,
    PickleBuffer: Pickler.save_picklebuffer,
}


class _BytesPickler(Pickler):
    """dumps(): a Pickler without a file; the result is the buffer."""

    def __init__(self, protocol, fix_imports, buffer_callback):
        self._setup(protocol, fix_imports, buffer_callback)
        self._core = _PicklerCore(self.proto, None)
        self.fast = 0
        self._fast_nesting = 0
        self._fast_memo = None


# ---- Unpickler ----------------------------------------------------------------------------

def _check_text_args(fname, encoding, errors):
    for name, value in (('encoding', encoding), ('errors', errors)):
        if not isinstance(value, str):
            raise TypeError("%s() argument '%s' must be str, not %s"
                            % (fname, name, 'None' if value is None else _tp_name(type(value))))


def _truncated():
    return UnpicklingError("pickle data was truncated")


_float_prefix = None


def _parse_float_line(line):
    """FLOAT's argument as PyOS_string_to_double reads it: a float prefix, then only '\\n'."""
    global _float_prefix
    if _float_prefix is None:
        import re
        _float_prefix = re.compile(
            r'[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf(?:inity)?|nan)', re.I | re.A)
    m = _float_prefix.match(line)
    if m is None:
        raise ValueError("could not convert string to float: '%s'" % line)
    value = float(m.group())
    rest = line[m.end():]
    if rest and rest[0] not in '\n\0':
        raise ValueError("could not convert string to float")
    if value in (float('inf'), float('-inf')) and m.group().lstrip('+-')[:1].isdigit():
        raise OverflowError("value too large to convert to float: '%s'" % line)
    return value


def _strtol(text):
    """INT's argument as C strtol(s, &end, 0) reads it; None when it must go through int()."""
    s = text.lstrip(' \t\n\r\f\v')
    i = 0
    sign = 1
    if s[:1] in ('+', '-'):
        sign = -1 if s[0] == '-' else 1
        i = 1
    body = s[i:]
    base = 10
    if body[:2] in ('0x', '0X') and body[2:3] and body[2:3] in '0123456789abcdefABCDEF':
        base = 16
        body = body[2:]
    elif body[:1] == '0':
        base = 8
    digits = '0123456789abcdef'[:base]
    j = 0
    while j < len(body) and body[j].lower() in digits:
        j += 1
    if j == 0:
        return None
    value = sign * int(body[:j], base)
    if not -0x8000000000000000 <= value <= 0x7fffffffffffffff:
        return None
    return value, body[j:]


class Unpickler:
    """This takes a binary file for reading a pickle data stream.

    The protocol version of the pickle is detected automatically, so no
    protocol argument is needed.  Bytes past the pickled object's
    representation are ignored.

    The argument *file* must have two methods, a read() method that takes
    an integer argument, and a readline() method that requires no
    arguments.  Both methods should return bytes.  Thus *file* can be a
    binary file object opened for reading, an io.BytesIO object, or any
    other custom object that meets this interface.

    Optional keyword arguments are *fix_imports*, *encoding* and *errors*,
    which are used to control compatibility support for pickle stream
    generated by Python 2.  If *fix_imports* is True, pickle will try to
    map the old Python 2 names to the new names used in Python 3.  The
    *encoding* and *errors* tell pickle how to decode 8-bit string
    instances pickled by Python 2; these default to 'ASCII' and 'strict',
    respectively.  The *encoding* can be 'bytes' to read these 8-bit
    string instances as bytes objects.
    """

    def __init__(self, file, *args, fix_imports=True, encoding="ASCII", errors="strict",
                 buffers=None):
        if args:
            raise TypeError("Unpickler() takes exactly 1 positional argument (%d given)"
                            % (1 + len(args)))
        self._setup('Unpickler', fix_imports, encoding, errors, buffers)
        read = getattr(file, 'read', _MISSING)
        readline = getattr(file, 'readline', _MISSING)
        if read is _MISSING or readline is _MISSING:
            raise TypeError("file must have 'read' and 'readline' attributes")
        self._file_read = read
        self._file_readline = readline

    def _setup(self, fname, fix_imports, encoding, errors, buffers):
        _check_text_args(fname, encoding, errors)
        self._buffers = iter(buffers) if buffers is not None else None
        self.encoding = encoding
        self.errors = errors
        self.fix_imports = bool(fix_imports)
        self._memo = {}
        self.proto = 0
        self._data = b''
        self._pos = 0

    @property
    def memo(self):
        return UnpicklerMemoProxy(self)

    @memo.setter
    def memo(self, value):
        if type(value) is UnpicklerMemoProxy:
            new = dict(value._unpickler._memo)
        elif isinstance(value, dict):
            # CPython 3.12's setter validates the dict but stores its items in the memo it is
            # about to discard, so the Unpickler ends up with an empty memo; gilpy does the same.
            for k in value:
                if not isinstance(k, int):
                    raise TypeError("memo key must be integers")
                if k < 0:
                    raise ValueError("memo key must be positive integers.")
            new = {}
        else:
            raise TypeError("'memo' attribute must be an UnpicklerMemoProxy object or dict, "
                            "not %s" % _tp_name(type(value)))
        self._memo = new

    @memo.deleter
    def memo(self):
        raise TypeError("attribute deletion is not supported")

    # -- input
    def _read(self, n):
        pos = self._pos
        end = pos + n
        data = self._data
        if end <= len(data):
            self._pos = end
            return data[pos:end]
        read = self._file_read
        if read is None:
            raise _truncated()
        have = data[pos:]
        more = read(n - len(have))
        if not isinstance(more, (bytes, bytearray)):
            more = bytes(more)
        self._data = b''
        self._pos = 0
        if len(more) < n - len(have):
            raise _truncated()
        return have + more if have else more

    def _readline(self):
        data = self._data
        pos = self._pos
        i = data.find(b'\n', pos)
        if i >= 0:
            self._pos = i + 1
            return data[pos:i + 1]
        readline = self._file_readline
        if readline is None:
            raise _truncated()
        have = data[pos:]
        self._data = b''
        self._pos = 0
        line = readline()
        if not isinstance(line, (bytes, bytearray)):
            line = bytes(line)
        line = have + line if have else line
        if not line or line[-1:] != b'\n':
            raise _truncated()
        return line

    def _readline_arg(self):
        line = self._readline()
        if len(line) < 2:
            raise _truncated()
        return line[:-1]

    # -- the stack
    def _underflow(self):
        return UnpicklingError("unexpected MARK found" if self._marks
                               else "unpickling stack underflow")

    def _pop(self):
        stack = self._stack
        if len(stack) <= self._fence:
            raise self._underflow()
        return stack.pop()

    def _marker(self):
        marks = self._marks
        if not marks:
            raise UnpicklingError("could not find MARK")
        mark = marks.pop()
        self._fence = marks[-1] if marks else 0
        return mark

    def _pop_from(self, start):
        """The items from start to the top, removed from the stack."""
        if start < self._fence:
            raise self._underflow()
        stack = self._stack
        items = stack[start:]
        del stack[start:]
        return items

    # -- entry point
    def load(self):
        """Load a pickle."""
        if getattr(self, '_file_read', _MISSING) is _MISSING:
            raise UnpicklingError("Unpickler.__init__() was not called by %s.__init__()"
                                  % _tp_name(type(self)))
        self._stack = []
        self._marks = []
        self._fence = 0
        self.proto = 0
        pers = getattr(self, 'persistent_load', _MISSING)
        self._persistent_load = None if pers is _MISSING else pers
        # The opcode loop up to STOP (_pickle_accel.load): common opcodes run natively, the
        # others through _dispatch.
        _load_loop(self, _dispatch)
        return self._pop()

    def _next_key(self):
        """The next opcode when the buffered data is exhausted."""
        try:
            return self._read(1)[0]
        except UnpicklingError:
            raise EOFError("Ran out of input") from None

    def _invalid_key(self, key):
        c = chr(key)
        if 0x20 <= key <= 0x7e and c != "'" and c != '\\':
            raise UnpicklingError("invalid load key, '%s'." % c)
        raise UnpicklingError("invalid load key, '\\x%02x'." % key)

    def find_class(self, module_name, global_name, /):
        """Return an object from a specified module.

        If necessary, the module will be imported. Subclasses may override
        this method (e.g. to restrict unpickling of arbitrary classes and
        functions).

        This method is called whenever a class or a function object is
        needed.  Both arguments passed are str objects.
        """
        if self.proto < 3 and self.fix_imports:
            item = _compat_pickle.NAME_MAPPING.get((module_name, global_name))
            if item is not None:
                if not isinstance(item, tuple) or len(item) != 2:
                    raise RuntimeError("_compat_pickle.NAME_MAPPING values should be 2-tuples, "
                                       "not %s" % _tp_name(type(item)))
                module_name, global_name = item
                if not isinstance(module_name, str) or not isinstance(global_name, str):
                    raise RuntimeError("_compat_pickle.NAME_MAPPING values should be pairs of "
                                       "str, not (%s, %s)" % (_tp_name(type(module_name)),
                                                              _tp_name(type(global_name))))
            else:
                item = _compat_pickle.IMPORT_MAPPING.get(module_name)
                if item is not None:
                    if not isinstance(item, str):
                        raise RuntimeError("_compat_pickle.IMPORT_MAPPING values should be "
                                           "strings, not %s" % _tp_name(type(item)))
                    module_name = item
        module = _import_module(module_name)
        if self.proto >= 4:
            found, _ = _deep_attribute(module, _dotted_path(module, global_name))
        else:
            found = getattr(module, global_name, _MISSING)
        if found is _MISSING:
            raise AttributeError("Can't get attribute %r on %r" % (global_name, module))
        return found

    # -- opcodes
    def load_proto(self):
        proto = self._read(1)[0]
        if proto > HIGHEST_PROTOCOL:
            raise ValueError("unsupported pickle protocol: %d" % proto)
        self.proto = proto

    def load_frame(self):
        frame_size, = _unpack('<Q', self._read(8))
        if frame_size > _MAXSIZE:
            raise OverflowError("FRAME length exceeds system's maximum of %d bytes" % _MAXSIZE)
        if self._file_read is None:
            if self._pos + frame_size > len(self._data):
                raise _truncated()
        else:
            frame = self._read(frame_size)
            rest = self._data[self._pos:]
            self._data = rest + frame if rest else frame
            self._pos = 0

    def load_persid(self):
        if self._persistent_load is None:
            raise UnpicklingError("A load persistent id instruction was encountered, "
                                  "but no persistent_load function was specified.")
        line = self._readline()
        if len(line) < 1:
            raise _truncated()
        try:
            pid = line[:-1].decode('ascii')
        except UnicodeDecodeError:
            raise UnpicklingError("persistent IDs in protocol 0 must be ASCII strings") from None
        self._stack.append(self._persistent_load(pid))

    def load_binpersid(self):
        if self._persistent_load is None:
            raise UnpicklingError("A load persistent id instruction was encountered, "
                                  "but no persistent_load function was specified.")
        pid = self._pop()
        self._stack.append(self._persistent_load(pid))

    def load_none(self):
        self._stack.append(None)

    def load_false(self):
        self._stack.append(False)

    def load_true(self):
        self._stack.append(True)

    def load_int(self):
        line = self._readline_arg()
        text = line.decode('latin-1')
        parsed = _strtol(text)
        if parsed is None or (parsed[1] and parsed[1][0] not in '\n\0'):
            try:
                value = int(text.split('\0')[0], 0)
            except ValueError:
                raise ValueError("could not convert string to int") from None
        else:
            value = parsed[0]
            if len(line) == 2 and value in (0, 1):
                value = bool(value)
        self._stack.append(value)

    def load_binint(self):
        self._stack.append(_unpack('<i', self._read(4))[0])

    def load_binint1(self):
        self._stack.append(self._read(1)[0])

    def load_binint2(self):
        self._stack.append(_unpack('<H', self._read(2))[0])

    def load_long(self):
        line = self._readline_arg()
        # The C loader drops a trailing 'L' but otherwise parses the line with its newline.
        text = line[:-1] if line[-1:] == b'L' else line + b'\n'
        self._stack.append(int(text.decode('latin-1').split('\0')[0], 10))

    def load_long1(self):
        n = self._read(1)[0]
        data = self._read(n) if n else b''
        self._stack.append(decode_long(data))

    def load_long4(self):
        n, = _unpack('<i', self._read(4))
        if n < 0:
            raise UnpicklingError("LONG pickle has negative byte count")
        data = self._read(n) if n else b''
        self._stack.append(decode_long(data))

    def load_float(self):
        line = self._readline_arg()
        self._stack.append(_parse_float_line(line.decode('latin-1') + '\n'))

    def load_binfloat(self):
        self._stack.append(_unpack('>d', self._read(8))[0])

    def _decode_string(self, value):
        if self.encoding == "bytes":
            return value
        return value.decode(self.encoding, self.errors)

    def load_string(self):
        line = self._readline()
        data = line[:-1]
        if len(data) >= 2 and data[0] == data[-1] and data[0] in b'"\'':
            data = data[1:-1]
        else:
            raise UnpicklingError("the STRING opcode argument must be quoted")
        self._stack.append(self._decode_string(_escape_decode(data)))

    def _read_size(self, nbytes, what, exc):
        data = self._read(nbytes)
        if nbytes == 1:
            return data[0]
        size = int.from_bytes(data, 'little')
        if size > _MAXSIZE:
            raise exc("%s exceeds system's maximum size of %d bytes" % (what, _MAXSIZE))
        return size

    def _read_payload(self, size):
        if self._file_read is None and self._pos + size > len(self._data):
            if size > _MAXSIZE // 2:
                raise MemoryError()
            raise _truncated()
        return self._read(size)

    def load_binstring(self):
        size = self._read_size(4, 'BINSTRING', UnpicklingError)
        self._stack.append(self._decode_string(bytes(self._read_payload(size))))

    def load_short_binstring(self):
        size = self._read(1)[0]
        self._stack.append(self._decode_string(bytes(self._read(size))))

    def load_binbytes(self):
        size = self._read_size(4, 'BINBYTES', OverflowError)
        self._stack.append(bytes(self._read_payload(size)))

    def load_short_binbytes(self):
        size = self._read(1)[0]
        self._stack.append(bytes(self._read(size)))

    def load_binbytes8(self):
        size = self._read_size(8, 'BINBYTES8', OverflowError)
        self._stack.append(bytes(self._read_payload(size)))

    def load_bytearray8(self):
        size = self._read_size(8, 'BYTEARRAY8', OverflowError)
        self._stack.append(bytearray(self._read_payload(size)))

    def load_next_buffer(self):
        if self._buffers is None:
            raise UnpicklingError("pickle stream refers to out-of-band data but no *buffers* "
                                  "argument was given")
        buf = next(self._buffers, _MISSING)
        if buf is _MISSING:
            raise UnpicklingError("not enough out-of-band buffers")
        self._stack.append(buf)

    def load_readonly_buffer(self):
        stack = self._stack
        if len(stack) <= self._fence:
            raise self._underflow()
        view = memoryview(stack[-1])
        if not view.readonly:
            stack[-1] = view.toreadonly()

    def load_unicode(self):
        line = self._readline()
        if len(line) < 1:
            raise _truncated()
        self._stack.append(_raw_unicode_decode(line[:-1]))

    def load_binunicode(self):
        size = self._read_size(4, 'BINUNICODE', OverflowError)
        self._stack.append(str(self._read_payload(size), 'utf-8', 'surrogatepass'))

    def load_binunicode8(self):
        size = self._read_size(8, 'BINUNICODE8', OverflowError)
        self._stack.append(str(self._read_payload(size), 'utf-8', 'surrogatepass'))

    def load_short_binunicode(self):
        size = self._read(1)[0]
        self._stack.append(str(self._read(size), 'utf-8', 'surrogatepass'))

    def load_tuple(self):
        items = self._pop_from(self._marker())
        self._stack.append(tuple(items))

    def _load_counted_tuple(self, n):
        stack = self._stack
        if len(stack) < n:
            raise self._underflow()
        start = len(stack) - n
        items = self._pop_from(start)
        stack.append(tuple(items))

    def load_empty_tuple(self):
        self._stack.append(())

    def load_tuple1(self):
        self._load_counted_tuple(1)

    def load_tuple2(self):
        self._load_counted_tuple(2)

    def load_tuple3(self):
        self._load_counted_tuple(3)

    def load_empty_list(self):
        self._stack.append([])

    def load_empty_dict(self):
        self._stack.append({})

    def load_empty_set(self):
        self._stack.append(set())

    def load_frozenset(self):
        items = self._pop_from(self._marker())
        self._stack.append(frozenset(items))

    def load_list(self):
        items = self._pop_from(self._marker())
        self._stack.append(items)

    def load_dict(self):
        mark = self._marker()
        stack = self._stack
        if (len(stack) - mark) % 2:
            raise UnpicklingError("odd number of items for DICT")
        d = {}
        for i in range(mark, len(stack), 2):
            d[stack[i]] = stack[i + 1]
        del stack[mark:]
        stack.append(d)

    def _instantiate(self, cls, args):
        if not args and isinstance(cls, type) and \
                getattr(cls, '__getinitargs__', _MISSING) is _MISSING:
            return cls.__new__(cls)
        return cls(*args)

    def load_inst(self):
        mark = self._marker()
        module = self._readline_arg().decode('ascii')
        name = self._readline_arg().decode('ascii')
        cls = self.find_class(module, name)
        args = tuple(self._pop_from(mark))
        self._stack.append(self._instantiate(cls, args))

    def load_obj(self):
        mark = self._marker()
        if len(self._stack) - mark < 1:
            raise self._underflow()
        args = tuple(self._pop_from(mark + 1))
        cls = self._pop()
        self._stack.append(self._instantiate(cls, args))

    def _load_newobj(self, use_kwargs):
        op = 'NEWOBJ_EX' if use_kwargs else 'NEWOBJ'
        kwargs = self._pop() if use_kwargs else None
        args = self._pop()
        cls = self._pop()
        if not isinstance(cls, type):
            raise UnpicklingError("%s class argument must be a type, not %s"
                                  % (op, _tp_name(type(cls))))
        if getattr(cls, '__new__', None) is None:
            raise UnpicklingError("%s class argument '%s' doesn't have __new__"
                                  % (op, _tp_name(type(cls))))
        if not isinstance(args, tuple):
            raise UnpicklingError("%s args argument must be a tuple, not %s"
                                  % (op, _tp_name(type(args))))
        if use_kwargs:
            if not isinstance(kwargs, dict):
                raise UnpicklingError("%s kwargs argument must be a dict, not %s"
                                      % (op, _tp_name(type(kwargs))))
            obj = cls.__new__(cls, *args, **kwargs)
        else:
            obj = cls.__new__(cls, *args)
        self._stack.append(obj)

    def load_newobj(self):
        self._load_newobj(False)

    def load_newobj_ex(self):
        self._load_newobj(True)

    def load_global(self):
        module = self._readline_arg().decode('utf-8')
        name = self._readline_arg().decode('utf-8')
        self._stack.append(self.find_class(module, name))

    def load_stack_global(self):
        name = self._pop()
        module = self._pop()
        if type(name) is not str or type(module) is not str:
            raise UnpicklingError("STACK_GLOBAL requires str")
        self._stack.append(self.find_class(module, name))

    def _load_ext(self, code):
        if code <= 0:
            raise UnpicklingError("EXT specifies code <= 0")
        obj = _extension_cache.get(code, _MISSING)
        if obj is not _MISSING:
            self._stack.append(obj)
            return
        key = _inverted_registry.get(code)
        if key is None:
            raise ValueError("unregistered extension code %d" % code)
        if not isinstance(key, tuple) or len(key) != 2 or not isinstance(key[0], str) \
                or not isinstance(key[1], str):
            raise ValueError("_inverted_registry[%d] isn't a 2-tuple of strings" % code)
        obj = self.find_class(*key)
        _extension_cache[code] = obj
        self._stack.append(obj)

    def load_ext1(self):
        self._load_ext(self._read(1)[0])

    def load_ext2(self):
        self._load_ext(_unpack('<H', self._read(2))[0])

    def load_ext4(self):
        self._load_ext(_unpack('<i', self._read(4))[0])

    def load_reduce(self):
        args = self._pop()
        func = self._pop()
        if not isinstance(args, tuple):
            raise TypeError("argument list must be a tuple")
        self._stack.append(func(*args))

    def load_pop(self):
        stack = self._stack
        marks = self._marks
        if marks and marks[-1] == len(stack):
            marks.pop()
            self._fence = marks[-1] if marks else 0
        elif len(stack) <= self._fence:
            raise self._underflow()
        else:
            stack.pop()

    def load_pop_mark(self):
        mark = self._marker()
        del self._stack[mark:]

    def load_dup(self):
        stack = self._stack
        if len(stack) <= self._fence:
            raise self._underflow()
        stack.append(stack[-1])

    def _memo_fetch(self, idx):
        try:
            value = self._memo[idx]
        except KeyError:
            raise UnpicklingError("Memo value not found at index %d" % idx) from None
        self._stack.append(value)

    def load_get(self):
        self._memo_fetch(int(self._readline_arg().decode('latin-1'), 10))

    def load_binget(self):
        self._memo_fetch(self._read(1)[0])

    def load_long_binget(self):
        self._memo_fetch(_unpack('<I', self._read(4))[0])

    def _memo_store(self, idx):
        stack = self._stack
        if len(stack) <= self._fence:
            raise self._underflow()
        self._memo[idx] = stack[-1]

    def load_put(self):
        line = self._readline_arg()
        if len(self._stack) <= self._fence:
            raise self._underflow()
        idx = int(line.decode('latin-1'), 10)
        if idx < 0:
            raise ValueError("negative PUT argument")
        self._memo_store(idx)

    def load_binput(self):
        self._memo_store(self._read(1)[0])

    def load_long_binput(self):
        self._memo_store(_unpack('<I', self._read(4))[0])

    def load_memoize(self):
        self._memo_store(len(self._memo))

    def _append_from(self, x):
        stack = self._stack
        n = len(stack)
        if x > n or x <= self._fence:
            raise self._underflow()
        if n == x:
            return
        lst = stack[x - 1]
        if type(lst) is list:
            lst += self._pop_from(x)
            return
        extend = getattr(lst, 'extend', _MISSING)
        if extend is not _MISSING:
            extend(self._pop_from(x))
            return
        append = lst.append
        items = self._pop_from(x)
        for item in items:
            append(item)

    def load_append(self):
        self._append_from(len(self._stack) - 1)

    def load_appends(self):
        self._append_from(self._marker())

    def _setitems_from(self, x):
        stack = self._stack
        n = len(stack)
        if x > n or x <= self._fence:
            raise self._underflow()
        if n == x:
            return
        if (n - x) % 2:
            raise UnpicklingError("odd number of items for SETITEMS")
        d = stack[x - 1]
        try:
            for i in range(x, n, 2):
                d[stack[i]] = stack[i + 1]
        finally:
            del stack[x:]

    def load_setitem(self):
        self._setitems_from(len(self._stack) - 2)

    def load_setitems(self):
        self._setitems_from(self._marker())

    def load_additems(self):
        mark = self._marker()
        stack = self._stack
        n = len(stack)
        if mark > n or mark <= self._fence:
            raise self._underflow()
        if n == mark:
            return
        target = stack[mark - 1]
        items = self._pop_from(mark)
        if isinstance(target, set):
            target.update(items)
        else:
            add = target.add
            for item in items:
                add(item)

    def load_build(self):
        stack = self._stack
        if len(stack) - 2 < self._fence:
            raise self._underflow()
        state = stack.pop()
        inst = stack[-1]
        setstate = getattr(inst, '__setstate__', _MISSING)
        if setstate is not _MISSING:
            setstate(state)
            return
        slotstate = None
        if isinstance(state, tuple) and len(state) == 2:
            state, slotstate = state
        if state is not None:
            if not isinstance(state, dict):
                raise UnpicklingError("state is not a dictionary")
            inst_dict = inst.__dict__
            intern = sys.intern
            for k, v in state.items():
                if type(k) is str:
                    k = intern(k)
                inst_dict[k] = v
        if slotstate is not None:
            if not isinstance(slotstate, dict):
                raise UnpicklingError("slot state is not a dictionary")
            for k, v in slotstate.items():
                setattr(inst, k, v)

    def load_mark(self):
        self._marks.append(len(self._stack))
        self._fence = len(self._stack)


def _escape_decode(data):
    import _codecs
    return _codecs.escape_decode(data)[0]


def _raw_unicode_decode(data):
    return str(data, 'raw_unicode_escape')


_dispatch = [None] * 256
for _op, _name in [
        (MARK, 'mark'), (POP, 'pop'), (POP_MARK, 'pop_mark'), (DUP, 'dup'),
        (FLOAT, 'float'), (INT, 'int'), (BININT, 'binint'), (BININT1, 'binint1'),
        (LONG, 'long'), (BININT2, 'binint2'), (NONE, 'none'), (PERSID, 'persid'),
        (BINPERSID, 'binpersid'), (REDUCE, 'reduce'), (STRING, 'string'),
        (BINSTRING, 'binstring'), (SHORT_BINSTRING, 'short_binstring'), (UNICODE, 'unicode'),
        (BINUNICODE, 'binunicode'), (APPEND, 'append'), (BUILD, 'build'), (GLOBAL, 'global'),
        (DICT, 'dict'), (EMPTY_DICT, 'empty_dict'), (APPENDS, 'appends'), (GET, 'get'),
        (BINGET, 'binget'), (INST, 'inst'), (LONG_BINGET, 'long_binget'), (LIST, 'list'),
        (EMPTY_LIST, 'empty_list'), (OBJ, 'obj'), (PUT, 'put'), (BINPUT, 'binput'),
        (LONG_BINPUT, 'long_binput'), (SETITEM, 'setitem'), (TUPLE, 'tuple'),
        (EMPTY_TUPLE, 'empty_tuple'), (SETITEMS, 'setitems'), (BINFLOAT, 'binfloat'),
        (PROTO, 'proto'), (NEWOBJ, 'newobj'), (EXT1, 'ext1'), (EXT2, 'ext2'), (EXT4, 'ext4'),
        (TUPLE1, 'tuple1'), (TUPLE2, 'tuple2'), (TUPLE3, 'tuple3'), (NEWTRUE, 'true'),
        (NEWFALSE, 'false'), (LONG1, 'long1'), (LONG4, 'long4'), (BINBYTES, 'binbytes'),
        (SHORT_BINBYTES, 'short_binbytes'), (SHORT_BINUNICODE, 'short_binunicode'),
        (BINUNICODE8, 'binunicode8'), (BINBYTES8, 'binbytes8'), (EMPTY_SET, 'empty_set'),
        (ADDITEMS, 'additems'), (FROZENSET, 'frozenset'), (NEWOBJ_EX, 'newobj_ex'),
        (STACK_GLOBAL, 'stack_global'), (MEMOIZE, 'memoize'), (FRAME, 'frame'),
        (BYTEARRAY8, 'bytearray8'), (NEXT_BUFFER, 'next_buffer'),
        (READONLY_BUFFER, 'readonly_buffer')]:
    _dispatch[_op[0]] = getattr(Unpickler, 'load_' + _name)
del _op, _name


class _BytesUnpickler(Unpickler):
    """loads(): an Unpickler over a bytes-like object, without a file."""

    def __init__(self, data, fix_imports, encoding, errors, buffers):
        self._setup('loads', fix_imports, encoding, errors, buffers)
        self._file_read = None
        self._file_readline = None
        self._data = data
        self._pos = 0


# ---- shorthands ---------------------------------------------------------------------------

def dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None):
    """Write a pickled representation of obj to the open file object file.

    This is equivalent to ``Pickler(file, protocol).dump(obj)``, but may
    be more efficient.
    """
    Pickler(file, protocol, fix_imports=fix_imports, buffer_callback=buffer_callback).dump(obj)


def _dumps_py(obj, protocol=None, *, fix_imports=True, buffer_callback=None):
    """dumps() for the arguments the native entry leaves to Python."""
    p = _BytesPickler(protocol, fix_imports, buffer_callback)
    p._run_dump(obj)
    return p._core.getvalue()


def load(file, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=None):
    """Read and return an object from the pickle data stored in a file."""
    _check_text_args('load', encoding, errors)
    return Unpickler(file, fix_imports=fix_imports, buffers=buffers,
                     encoding=encoding, errors=errors).load()


def _loads_py(data, /, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=None):
    """loads() for the arguments the native entry leaves to Python."""
    if type(data) is not bytes:
        try:
            data = memoryview(data).cast('B').tobytes()
        except TypeError:
            raise TypeError("a bytes-like object is required, not '%s'"
                            % _tp_name(type(data))) from None
    return _BytesUnpickler(data, fix_imports, encoding, errors, buffers).load()


class _NullFile:
    """The file of the Pickler made by _continue_native_dump (its output goes to the core)."""

    @staticmethod
    def write(data):
        raise AssertionError("native dump output written to the null file")


_NULL_FILE = _NullFile()

# dumps()/loads() are native (_pickle_accel): they pickle and unpickle without a Python
# Pickler/Unpickler until an object or opcode needs one, then hand their state to one made by
# Pickler._continue_native_dump / _BytesUnpickler, and delegate unusual arguments to
# _dumps_py/_loads_py.
dumps, loads = _pickle_accel_configure(_dumps_py, _loads_py, Pickler._continue_native_dump,
                                       _BytesUnpickler, dispatch_table, _extension_registry,
                                       _dispatch)

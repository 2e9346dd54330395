"""multiprocessing.sharedctypes (gilpy): shared values and arrays, without ctypes.

CPython builds these on ctypes; gilpy has no ctypes, so this module carries its own small
ctypes look-alikes over shared memory from heap.BufferWrapper. Each typecode of the `array`
module maps to a scalar class named as ctypes names it (on 64-bit Linux 'q' is c_long and 'Q'
c_ulong, as ctypes aliases them):

    'c' c_char  'u' c_wchar  'b' c_byte  'B' c_ubyte  'h' c_short  'H' c_ushort  'i' c_int
    'I' c_uint  'l' c_long   'L' c_ulong 'q' c_long   'Q' c_ulong  'f' c_float   'd' c_double

A scalar object has `.value`; an array class is made (and cached) per element type and length,
`c_int_Array_10`, with indexing, slicing (a list; bytes for c_char, str for c_wchar),
iteration, len, and for c_char arrays `.value`/`.raw`, for c_wchar arrays `.value`. Stores
behave as ctypes': integers wrap to the C type's width, floats round to float32 for c_float,
and the wrong type raises ctypes' TypeError.

Value/Array wrap the object in Synchronized / SynchronizedArray / SynchronizedString, whose
accessors take a lock (a new RLock unless one is given; lock=False gives the raw object). All of
them may only be pickled while spawning a child (the shared memory goes with them).
"""
import struct

from . import heap
from . import get_context
from .context import assert_spawning

__all__ = ['RawValue', 'RawArray', 'Value', 'Array', 'copy', 'synchronized']


# ---- the ctypes look-alikes -------------------------------------------------------------------

class _CData(object):
    """Shared memory holding `_count` items of format `_fmt_` (a BufferWrapper block)."""
    _wrapper = None

    def _attach(self, wrapper):
        self._wrapper = wrapper
        self._view = wrapper.create_memoryview().cast(self._fmt_)

    def __reduce__(self):
        assert_spawning(self)
        return _rebuild_ctype, (self._type_code(), self._wrapper, self._array_length())


def _wrap_int(value, bits, signed):
    import operator
    v = operator.index(value) & ((1 << bits) - 1)
    if signed and v >= 1 << (bits - 1):
        v -= 1 << bits
    return v


class _SimpleCData(_CData):
    _fmt_ = 'B'

    def __init__(self, value=None):
        if value is not None:
            self.value = value

    @classmethod
    def _to_raw(cls, value):
        return _wrap_int(value, 8 * struct.calcsize(cls._fmt_), cls._fmt_.islower())

    @classmethod
    def _from_raw(cls, raw):
        return raw

    @property
    def value(self):
        return self._from_raw(self._view[0])

    @value.setter
    def value(self, value):
        self._view[0] = self._to_raw(value)

    def __repr__(self):
        return '%s(%r)' % (type(self).__name__, self.value)

    def _type_code(self):
        return self._typecode_

    def _array_length(self):
        return None


def _make_int_type(name, code, fmt):
    return type(name, (_SimpleCData,), {'_typecode_': code, '_fmt_': fmt,
                                        '__module__': __name__})


class _FloatCData(_SimpleCData):
    @classmethod
    def _to_raw(cls, value):
        if isinstance(value, (int, float)) or hasattr(type(value), '__float__'):
            return float(value)
        raise TypeError('must be real number, not %s' % type(value).__name__)


class c_float(_FloatCData):
    _typecode_ = 'f'
    _fmt_ = 'f'


class c_double(_FloatCData):
    _typecode_ = 'd'
    _fmt_ = 'd'


class c_char(_SimpleCData):
    _typecode_ = 'c'
    _fmt_ = 'B'

    @classmethod
    def _to_raw(cls, value):
        if isinstance(value, (bytes, bytearray)) and len(value) == 1:
            return value[0]
        if isinstance(value, int) and 0 <= value < 256:
            return value
        raise TypeError('one character bytes, bytearray or integer expected')

    @classmethod
    def _from_raw(cls, raw):
        return bytes([raw])


class c_wchar(_SimpleCData):
    _typecode_ = 'u'
    _fmt_ = 'I'

    @classmethod
    def _to_raw(cls, value):
        if isinstance(value, str) and len(value) == 1:
            return ord(value)
        raise TypeError('one character unicode string expected')

    @classmethod
    def _from_raw(cls, raw):
        return chr(raw)


c_byte = _make_int_type('c_byte', 'b', 'b')
c_ubyte = _make_int_type('c_ubyte', 'B', 'B')
c_short = _make_int_type('c_short', 'h', 'h')
c_ushort = _make_int_type('c_ushort', 'H', 'H')
c_int = _make_int_type('c_int', 'i', 'i')
c_uint = _make_int_type('c_uint', 'I', 'I')
c_long = _make_int_type('c_long', 'l', 'l')
c_ulong = _make_int_type('c_ulong', 'L', 'L')

typecode_to_type = {
    'c': c_char, 'u': c_wchar,
    'b': c_byte, 'B': c_ubyte,
    'h': c_short, 'H': c_ushort,
    'i': c_int, 'I': c_uint,
    'l': c_long, 'L': c_ulong,
    'q': c_long, 'Q': c_ulong,
    'f': c_float, 'd': c_double,
}


class _ArrayCData(_CData):
    """Base of the c_xxx_Array_N classes: _type_ is the element class, _length_ the size."""

    def __init__(self, *items):
        if len(items) > self._length_:
            raise IndexError('indices must be integers')
        for i, item in enumerate(items):
            self[i] = item

    def __len__(self):
        return self._length_

    def _index(self, i):
        if not isinstance(i, int) and not hasattr(type(i), '__index__'):
            raise TypeError('indices must be integers')
        import operator
        i = operator.index(i)
        if i < 0:
            i += self._length_
        if not 0 <= i < self._length_:
            raise IndexError('invalid index')
        return i

    def _join(self, items):
        return items

    def __getitem__(self, key):
        elem = self._type_
        if isinstance(key, slice):
            return self._join([elem._from_raw(self._view[i])
                               for i in range(*key.indices(self._length_))])
        return elem._from_raw(self._view[self._index(key)])

    def __setitem__(self, key, value):
        elem = self._type_
        if isinstance(key, slice):
            indices = range(*key.indices(self._length_))
            if len(value) != len(indices):
                raise ValueError('Can only assign sequence of same size')
            raws = [elem._to_raw(v) for v in value]
            for i, raw in zip(indices, raws):
                self._view[i] = raw
            return
        self._view[self._index(key)] = elem._to_raw(value)

    def __iter__(self):
        for i in range(self._length_):
            yield self[i]

    def __repr__(self):
        return '<%s.%s object at %#x>' % (__name__, type(self).__name__, id(self))

    def _type_code(self):
        return self._type_._typecode_

    def _array_length(self):
        return self._length_


class _CharArrayMixin(object):
    def _join(self, items):
        return b''.join(items)

    @property
    def raw(self):
        return bytes(self._view)

    @raw.setter
    def raw(self, value):
        value = bytes(memoryview(value))
        if len(value) > self._length_:
            raise ValueError('byte string too long')
        self._view[:len(value)] = memoryview(value)

    @property
    def value(self):
        raw = bytes(self._view)
        end = raw.find(b'\0')
        return raw if end < 0 else raw[:end]

    @value.setter
    def value(self, value):
        if not isinstance(value, bytes):
            raise TypeError('bytes expected instead of %s instance' % type(value).__name__)
        if len(value) > self._length_:
            raise ValueError('byte string too long')
        self._view[:len(value)] = memoryview(value)
        if len(value) < self._length_:
            self._view[len(value)] = 0


class _WcharArrayMixin(object):
    def _join(self, items):
        return ''.join(items)

    @property
    def value(self):
        chars = []
        for code in self._view:
            if code == 0:
                break
            chars.append(chr(code))
        return ''.join(chars)

    @value.setter
    def value(self, value):
        if not isinstance(value, str):
            raise TypeError('unicode string expected instead of %s instance'
                            % type(value).__name__)
        if len(value) > self._length_:
            raise ValueError('string too long')
        for i, ch in enumerate(value):
            self._view[i] = ord(ch)
        if len(value) < self._length_:
            self._view[len(value)] = 0


_array_types = {}


def _array_type(elem, length):
    key = (elem, length)
    cls = _array_types.get(key)
    if cls is None:
        bases = (_ArrayCData,)
        if elem is c_char:
            bases = (_CharArrayMixin, _ArrayCData)
        elif elem is c_wchar:
            bases = (_WcharArrayMixin, _ArrayCData)
        cls = type('%s_Array_%d' % (elem.__name__, length), bases,
                   {'_type_': elem, '_length_': length, '_fmt_': elem._fmt_,
                    '__module__': __name__})
        _array_types[key] = cls
    return cls


def _element_type(typecode_or_type):
    t = typecode_to_type.get(typecode_or_type, typecode_or_type)
    if not (isinstance(t, type) and issubclass(t, _SimpleCData) and t is not _SimpleCData):
        raise TypeError('this type has no size')
    return t


def _new_value(type_, count=1):
    wrapper = heap.BufferWrapper(struct.calcsize(type_._fmt_) * count)
    obj = type_.__new__(type_)
    obj._attach(wrapper)
    return obj


def RawValue(typecode_or_type, *args):
    '''
    Returns a ctypes object allocated from shared memory
    '''
    type_ = _element_type(typecode_or_type)
    obj = _new_value(type_)
    obj._view[0] = 0
    if len(args) > 1:
        raise TypeError('__init__ expected at most 1 argument, got %d' % len(args))
    obj.__init__(*args)
    return obj


def RawArray(typecode_or_type, size_or_initializer):
    '''
    Returns a ctypes array allocated from shared memory
    '''
    elem = _element_type(typecode_or_type)
    if isinstance(size_or_initializer, int):
        if size_or_initializer < 0:
            raise ValueError('Array length must be >= 0, not %d' % size_or_initializer)
        type_ = _array_type(elem, size_or_initializer)
        result = _new_value(type_, size_or_initializer)
        for i in range(size_or_initializer):
            result._view[i] = 0
        return result
    items = list(size_or_initializer)
    type_ = _array_type(elem, len(items))
    result = _new_value(type_, len(items))
    result.__init__(*items)
    return result


def _check_lock(lock, ctx):
    if lock in (True, None):
        ctx = ctx or get_context()
        return ctx.RLock()
    if not hasattr(lock, 'acquire'):
        raise AttributeError("%r has no method 'acquire'" % lock)
    return lock


def Value(typecode_or_type, *args, lock=True, ctx=None):
    '''
    Return a synchronization wrapper for a Value
    '''
    obj = RawValue(typecode_or_type, *args)
    if lock is False:
        return obj
    lock = _check_lock(lock, ctx)
    return synchronized(obj, lock, ctx=ctx)


def Array(typecode_or_type, size_or_initializer, *, lock=True, ctx=None):
    '''
    Return a synchronization wrapper for a RawArray
    '''
    obj = RawArray(typecode_or_type, size_or_initializer)
    if lock is False:
        return obj
    lock = _check_lock(lock, ctx)
    return synchronized(obj, lock, ctx=ctx)


def copy(obj):
    new_obj = _new_value(type(obj), len(obj._view))
    new_obj._view[:] = obj._view
    return new_obj


def synchronized(obj, lock=None, ctx=None):
    assert not isinstance(obj, SynchronizedBase), 'object already synchronized'
    ctx = ctx or get_context()
    if isinstance(obj, _SimpleCData):
        return Synchronized(obj, lock, ctx)
    elif isinstance(obj, _ArrayCData):
        if obj._type_ is c_char:
            return SynchronizedString(obj, lock, ctx)
        return SynchronizedArray(obj, lock, ctx)
    raise TypeError('unsupported shared object type %s' % type(obj).__name__)


def _rebuild_ctype(typecode, wrapper, length):
    elem = typecode_to_type[typecode]
    type_ = elem if length is None else _array_type(elem, length)
    obj = type_.__new__(type_)
    obj._attach(wrapper)
    return obj


# ---- synchronized wrappers --------------------------------------------------------------------

class SynchronizedBase(object):

    def __init__(self, obj, lock=None, ctx=None):
        self._obj = obj
        if lock:
            self._lock = lock
        else:
            ctx = ctx or get_context(force=True)
            self._lock = ctx.RLock()
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __reduce__(self):
        assert_spawning(self)
        return synchronized, (self._obj, self._lock)

    def get_obj(self):
        return self._obj

    def get_lock(self):
        return self._lock

    def __repr__(self):
        return '<%s wrapper for %s>' % (type(self).__name__, self._obj)


class Synchronized(SynchronizedBase):

    @property
    def value(self):
        with self._lock:
            return self._obj.value

    @value.setter
    def value(self, value):
        with self._lock:
            self._obj.value = value


class SynchronizedArray(SynchronizedBase):

    def __len__(self):
        return len(self._obj)

    def __getitem__(self, i):
        with self:
            return self._obj[i]

    def __setitem__(self, i, value):
        with self:
            self._obj[i] = value

    def __getslice__(self, start, stop):
        with self:
            return self._obj[start:stop]

    def __setslice__(self, start, stop, values):
        with self:
            self._obj[start:stop] = values


class SynchronizedString(SynchronizedArray):

    @property
    def value(self):
        with self._lock:
            return self._obj.value

    @value.setter
    def value(self, value):
        with self._lock:
            self._obj.value = value

    @property
    def raw(self):
        with self._lock:
            return self._obj.raw

    @raw.setter
    def raw(self, value):
        with self._lock:
            self._obj.raw = value

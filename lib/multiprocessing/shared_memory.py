"""multiprocessing.shared_memory (gilpy): named POSIX shared memory blocks (SharedMemory) and
a fixed-layout list stored in one (ShareableList).

SharedMemory(name=None, create=False, size=0) opens "/<name>" with shm_open (a random
"psm_xxxxxxxx" name when creating without one), maps it (mmap) and exposes `buf`, a memoryview
of the mapping. close() releases this process's view; unlink() removes the name (once, by one
process). Every process that opens a block registers it with the resource_tracker (as CPython
3.12 does), and unlink() unregisters it, so blocks never unlinked are removed, with a
warning, when the program ends.

ShareableList keeps CPython's binary layout (so both interpreters can read each other's lists):
    q                length n
    q * (n + 1)      offsets of the items in the data area (the last is its size)
    data             each item at its offset: 'q' int, 'd' float, 'xxxxxxx?' bool,
                     'xxxxxx?x' None, '<k>s' str/bytes (k: the length rounded up past a
                     multiple of 8)
    8s * n           each item's struct format
    b * n            how to turn the stored value back (0 as is, 1 str, 2 bytes, 3 None)
"""
import functools
import mmap
import os
import secrets
import struct
import types

import _posixshmem

from . import resource_tracker

__all__ = ['SharedMemory', 'ShareableList']

_O_CREX = os.O_CREAT | os.O_EXCL
_SHM_SAFE_NAME_LENGTH = 14
_SHM_NAME_PREFIX = '/psm_'


def _make_filename():
    """A random name that fits every platform's limit."""
    nbytes = (_SHM_SAFE_NAME_LENGTH - len(_SHM_NAME_PREFIX)) // 2
    return _SHM_NAME_PREFIX + secrets.token_hex(nbytes)


class SharedMemory:
    """Creates a new shared memory block or attaches to an existing
    shared memory block.

    Every shared memory block is assigned a unique name.  This enables
    one process to create a shared memory block with a particular name
    so that a different process can attach to that same shared memory
    block using that same name.

    As a resource for sharing data across processes, shared memory blocks
    may outlive the original process that created them.  When one process
    no longer needs access to a shared memory block that might still be
    needed by other processes, the close() method should be called.
    When a shared memory block is no longer needed by any process, the
    unlink() method should be called to ensure proper cleanup."""

    _name = None
    _fd = -1
    _mmap = None
    _buf = None
    _flags = os.O_RDWR
    _mode = 0o600
    _prepend_leading_slash = True

    def __init__(self, name=None, create=False, size=0):
        if not size >= 0:
            raise ValueError("'size' must be a positive integer")
        if create:
            self._flags = _O_CREX | os.O_RDWR
            if size == 0:
                raise ValueError("'size' must be a positive number different from zero")
        if name is None and not self._flags & os.O_EXCL:
            raise ValueError("'name' can only be None if create=True")
        if name is None:
            while True:
                candidate = _make_filename()
                try:
                    self._fd = _posixshmem.shm_open(candidate, self._flags, mode=self._mode)
                except FileExistsError:
                    continue
                self._name = candidate
                break
        else:
            name = "/" + name if self._prepend_leading_slash else name
            self._fd = _posixshmem.shm_open(name, self._flags, mode=self._mode)
            self._name = name
        try:
            if create and size:
                os.ftruncate(self._fd, size)
            size = os.fstat(self._fd).st_size
            self._mmap = mmap.mmap(self._fd, size)
        except OSError:
            self.unlink()
            raise
        resource_tracker.register(self._name, "shared_memory")
        self._size = size
        self._buf = memoryview(self._mmap)

    def __del__(self):
        try:
            self.close()
        except OSError:
            pass

    def __reduce__(self):
        return (self.__class__, (self.name, False, self.size))

    def __repr__(self):
        return f'{self.__class__.__name__}({self.name!r}, size={self.size})'

    @property
    def buf(self):
        "A memoryview of contents of the shared memory block."
        return self._buf

    @property
    def name(self):
        "Unique name that identifies the shared memory block."
        if self._prepend_leading_slash and self._name.startswith("/"):
            return self._name[1:]
        return self._name

    @property
    def size(self):
        "Size in bytes."
        return self._size

    def close(self):
        """Closes access to the shared memory from this instance but does
        not destroy the shared memory block."""
        if self._buf is not None:
            self._buf.release()
            self._buf = None
        if self._mmap is not None:
            self._mmap.close()
            self._mmap = None
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def unlink(self):
        """Requests that the underlying shared memory block be destroyed.

        In order to ensure proper cleanup of resources, unlink should be
        called once (and only once) across all processes which have access
        to the shared memory block."""
        if self._name:
            _posixshmem.shm_unlink(self._name)
            resource_tracker.unregister(self._name, "shared_memory")


_encoding = "utf8"

# Recreation codes: how a stored value becomes the item again.
_AS_IS, _STR, _BYTES, _NONE = 0, 1, 2, 3
_FIXED_FORMATS = {int: "q", float: "d", bool: "xxxxxxx?", type(None): "xxxxxx?x"}


def _recreation_code(value):
    if isinstance(value, str):
        return _STR
    if isinstance(value, bytes):
        return _BYTES
    if value is None:
        return _NONE
    return _AS_IS


def _recreate(code, raw):
    if code == _STR:
        return raw.rstrip(b'\x00').decode(_encoding)
    if code == _BYTES:
        return raw.rstrip(b'\x00')
    if code == _NONE:
        return None
    return raw


class ShareableList:
    """Pattern for a mutable list-like object shareable via a shared
    memory block.  It differs from the built-in list type in that these
    lists can not change their overall length (i.e. no append, insert,
    etc.)

    Because values are packed into a memoryview as bytes, the struct
    packing format for any storable value must require no more than 8
    characters to describe its format."""

    _alignment = 8

    @classmethod
    def _format_of(cls, item):
        if isinstance(item, (str, bytes)):
            # Room for the item's length in characters (as CPython; a str with multi-byte
            # characters may not fit: struct truncates it).
            return "%ds" % (cls._alignment * (len(item) // cls._alignment + 1))
        try:
            return _FIXED_FORMATS[type(item)]
        except KeyError:
            raise KeyError(type(item)) from None

    def __init__(self, sequence=None, *, name=None):
        if name is None or sequence is not None:
            sequence = sequence or ()
            formats = [self._format_of(item) for item in sequence]
            self._list_len = len(formats)
            offsets = [0]
            for fmt in formats:
                offsets.append(offsets[-1] + (int(fmt[:-1]) if fmt[-1] == "s" else self._alignment))
            self._allocated_offsets = offsets
            size = struct.calcsize("q" + self._format_size_metainfo + "".join(formats) +
                                   self._format_packing_metainfo +
                                   self._format_back_transform_codes)
            self.shm = SharedMemory(name, create=True, size=size)
            buf = self.shm.buf
            struct.pack_into("q" + self._format_size_metainfo, buf, 0,
                             self._list_len, *offsets)
            struct.pack_into("".join(formats), buf, self._offset_data_start,
                             *(v.encode(_encoding) if isinstance(v, str) else v
                               for v in sequence))
            struct.pack_into(self._format_packing_metainfo, buf, self._offset_packing_formats,
                             *(f.encode(_encoding) for f in formats))
            struct.pack_into(self._format_back_transform_codes, buf,
                             self._offset_back_transform_codes,
                             *(_recreation_code(v) for v in sequence))
        else:
            self.shm = SharedMemory(name)
            self._list_len = len(self)
            self._allocated_offsets = list(
                struct.unpack_from(self._format_size_metainfo, self.shm.buf, 8))

    def _check_position(self, position):
        if position >= self._list_len or self._list_len < 0:
            raise IndexError("Requested position out of range.")

    def _get_packing_format(self, position):
        "Gets the packing format for a single value stored in the list."
        position = position if position >= 0 else position + self._list_len
        self._check_position(position)
        raw = struct.unpack_from("8s", self.shm.buf, self._offset_packing_formats + position * 8)[0]
        return raw.rstrip(b'\x00').decode(_encoding)

    def _get_recreation_code(self, position):
        self._check_position(position)
        return struct.unpack_from("b", self.shm.buf,
                                  self._offset_back_transform_codes + position)[0]

    def _set_packing_format_and_transform(self, position, fmt, value):
        self._check_position(position)
        struct.pack_into("8s", self.shm.buf, self._offset_packing_formats + position * 8,
                         fmt.encode(_encoding))
        struct.pack_into("b", self.shm.buf, self._offset_back_transform_codes + position,
                         _recreation_code(value))

    def __getitem__(self, position):
        position = position if position >= 0 else position + self._list_len
        try:
            offset = self._offset_data_start + self._allocated_offsets[position]
            (v,) = struct.unpack_from(self._get_packing_format(position), self.shm.buf, offset)
        except IndexError:
            raise IndexError("index out of range")
        return _recreate(self._get_recreation_code(position), v)

    def __setitem__(self, position, value):
        position = position if position >= 0 else position + self._list_len
        try:
            item_offset = self._allocated_offsets[position]
            offset = self._offset_data_start + item_offset
            current_format = self._get_packing_format(position)
        except IndexError:
            raise IndexError("assignment index out of range")
        if not isinstance(value, (str, bytes)):
            new_format = _FIXED_FORMATS[type(value)]
            encoded = value
        else:
            room = self._allocated_offsets[position + 1] - item_offset
            encoded = value.encode(_encoding) if isinstance(value, str) else value
            if len(encoded) > room:
                raise ValueError("bytes/str item exceeds available storage")
            new_format = current_format if current_format[-1] == "s" else "%ds" % room
        self._set_packing_format_and_transform(position, new_format, value)
        struct.pack_into(new_format, self.shm.buf, offset, encoded)

    def __reduce__(self):
        return functools.partial(self.__class__, name=self.shm.name), ()

    def __len__(self):
        return struct.unpack_from("q", self.shm.buf, 0)[0]

    def __repr__(self):
        return f'{self.__class__.__name__}({list(self)}, name={self.shm.name!r})'

    @property
    def format(self):
        "The struct packing format used by all currently stored items."
        return "".join(self._get_packing_format(i) for i in range(self._list_len))

    @property
    def _format_size_metainfo(self):
        "The struct packing format used for the items' storage offsets."
        return "q" * (self._list_len + 1)

    @property
    def _format_packing_metainfo(self):
        "The struct packing format used for the items' packing formats."
        return "8s" * self._list_len

    @property
    def _format_back_transform_codes(self):
        "The struct packing format used for the items' back transforms."
        return "b" * self._list_len

    @property
    def _offset_data_start(self):
        return (self._list_len + 2) * 8

    @property
    def _offset_packing_formats(self):
        return self._offset_data_start + self._allocated_offsets[-1]

    @property
    def _offset_back_transform_codes(self):
        return self._offset_packing_formats + self._list_len * 8

    def count(self, value):
        "L.count(value) -> integer -- return number of occurrences of value."
        return sum(value == entry for entry in self)

    def index(self, value):
        """L.index(value) -> integer -- return first index of value.
        Raises ValueError if the value is not present."""
        for position, entry in enumerate(self):
            if value == entry:
                return position
        raise ValueError(f"{value!r} not in this container")

    __class_getitem__ = classmethod(types.GenericAlias)

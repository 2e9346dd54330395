"""Create portable serialized representations of Python objects.

See module copyreg for a mechanism for registering custom picklers.
See module pickletools source for extensive comments.

Classes:

    Pickler
    Unpickler

Functions:

    dump(object, file)
    dumps(object) -> string
    load(file) -> object
    loads(bytes) -> object

Misc variables:

    __version__
    format_version
    compatible_formats

gilpy: the public face of pickle, as in CPython: the opcode and protocol constants and the
helpers (encode_long, decode_long, whichmodule), with the machinery (Pickler, Unpickler,
dump(s), load(s), PickleBuffer, the exceptions) imported from `_pickle` (lib/_pickle.py, whose
design note explains the byte-for-byte compatibility with CPython's C pickler). gilpy has no
separate pure-Python `_Pickler`/`_Unpickler`; they are the same classes.

Warning: the pickle module is not secure. Only unpickle data you trust: a pickle can be made
to run arbitrary code while it is loaded (docs/pickle.md).
"""

import sys
import _compat_pickle
import _pickle
from copyreg import dispatch_table
from copyreg import _extension_registry, _inverted_registry, _extension_cache
from _pickle import (PickleError, PicklingError, UnpicklingError, Pickler, Unpickler,
                     dump, dumps, load, loads, PickleBuffer, HIGHEST_PROTOCOL, DEFAULT_PROTOCOL,
                     encode_long, decode_long, whichmodule)

_OPCODE_NAMES = [
    "ADDITEMS", "APPEND", "APPENDS", "BINBYTES", "BINBYTES8", "BINFLOAT", "BINGET", "BININT",
    "BININT1", "BININT2", "BINPERSID", "BINPUT", "BINSTRING", "BINUNICODE", "BINUNICODE8",
    "BUILD", "BYTEARRAY8", "DICT", "DUP", "EMPTY_DICT", "EMPTY_LIST", "EMPTY_SET",
    "EMPTY_TUPLE", "EXT1", "EXT2", "EXT4", "FALSE", "FLOAT", "FRAME", "FROZENSET", "GET",
    "GLOBAL", "INST", "INT", "LIST", "LONG", "LONG1", "LONG4", "LONG_BINGET", "LONG_BINPUT",
    "MARK", "MEMOIZE", "NEWFALSE", "NEWOBJ", "NEWOBJ_EX", "NEWTRUE", "NEXT_BUFFER", "NONE",
    "OBJ", "PERSID", "POP", "POP_MARK", "PROTO", "PUT", "READONLY_BUFFER", "REDUCE", "SETITEM",
    "SETITEMS", "SHORT_BINBYTES", "SHORT_BINSTRING", "SHORT_BINUNICODE", "STACK_GLOBAL", "STOP",
    "STRING", "TRUE", "TUPLE", "TUPLE1", "TUPLE2", "TUPLE3", "UNICODE",
]
for _name in _OPCODE_NAMES:
    globals()[_name] = getattr(_pickle, _name)
del _name

__all__ = ["PickleError", "PicklingError", "UnpicklingError", "Pickler",
           "Unpickler", "dump", "dumps", "load", "loads", "PickleBuffer"]
__all__.extend(sorted(_OPCODE_NAMES + ["DEFAULT_PROTOCOL", "HIGHEST_PROTOCOL"]))

_tuplesize2code = [EMPTY_TUPLE, TUPLE1, TUPLE2, TUPLE3]

bytes_types = (bytes, bytearray)

format_version = "4.0"                  # File format version we write
compatible_formats = ["1.0",            # Original protocol 0
                      "1.1",            # Protocol 0 with INST added
                      "1.2",            # Original protocol 1
                      "1.3",            # Protocol 1 with BINFLOAT added
                      "2.0",            # Protocol 2
                      "3.0",            # Protocol 3
                      "4.0",            # Protocol 4
                      "5.0",            # Protocol 5
                      ]                 # Old format versions we can read

_Pickler = Pickler
_Unpickler = Unpickler
_dump, _dumps, _load, _loads = dump, dumps, load, loads

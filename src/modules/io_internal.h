// Declarations shared by the files of the `io` module and by tempfile.cpp. Not a contract header
// for other subsystems (they use io through sys.stdout & co or by importing it).
//
//   modules/io.cpp         the abstract bases (_IOBase, _RawIOBase, _BufferedIOBase, _TextIOBase),
//                          io.UnsupportedOperation, open(), sys.std* and the module itself
//   modules/io_file.cpp    FileIO (raw layer) and BufferedReader/Writer/Random (buffered layer)
//   modules/io_text.cpp    TextIOWrapper (text layer)
//   modules/io_memory.cpp  StringIO and BytesIO
//
// Every io object starts with IOBaseObject: an instance __dict__ (FileIO's `name`, the text
// layer's `mode` live there, as in CPython) and _IOBase's own "closed" flag (CPython's
// `__IOBase_closed` attribute), used by _IOBase.close/flush.
#pragma once

#include "core/type.h"

namespace gilpy {

struct IOBaseObject : Object {
  Object* dict;  // owned, may be null
  bool iobase_closed;
};

extern TypeObject IOBaseType, RawIOBaseType, BufferedIOBaseType, TextIOBaseType;
extern TypeObject FileIOType, BufferedReaderType, BufferedWriterType, BufferedRandomType;
extern TypeObject TextIOWrapperType;

// io.open(*args, **kwargs) (vectorcall arguments as builtins.open).
Object* io_open(Object* const* args, ssize nargs, Object* kwnames);
// Set the `name` reported by a file object returned by io_open (the raw file's name): tempfile
// names its files after the path although they were opened from an fd.
bool io_file_set_name(Object* file, Object* name);
// io.UnsupportedOperation (borrowed; valid after io_types_ready()).
TypeObject* io_unsupported_operation_type();
// Ready the in-memory stream types and add StringIO / BytesIO to the module (io_memory.cpp).
int io_memory_add_types(Object* module);

// ---- helpers shared by the io files (io.cpp) ----------------------------------------------------
bool io_types_ready();
// Fill the common fields of an io type (name, size, base, flags, dictoffset) before type_ready.
void io_init_type(TypeObject* t, const char* name, ssize basicsize, TypeObject* base);
// Drop the instance dict (every io dealloc calls it).
void io_clear_dict(Object* self);
// Set / get an attribute in the instance dict (FileIO.name, TextIOWrapper.mode).
bool io_dict_set(Object* self, const char* name, Object* value);
Object* io_dict_get_borrowed(Object* self, const char* name);  // no exception when missing
// Raise io.UnsupportedOperation(msg); returns nullptr.
Object* io_unsupported(const char* msg);
// _IOBase._checkClosed: self.closed true -> ValueError "I/O operation on closed file.".
bool io_check_closed(Object* self);
// An optional size argument (None/absent -> -1) with CPython's message:
// "argument should be integer or None, not 'str'".
bool io_size_arg(Object* o, ssize* out);
// `self.name(*args)` (borrowed args).
Object* io_call(Object* self, const char* name, Object* const* args = nullptr, ssize nargs = 0);
// Call `self.name()` and return its truth value (-1 on error).
int io_call_bool(Object* self, const char* name);
// Run `f` after an exception is already set: on failure of `f`, the first exception becomes the
// __context__ of the second (CPython's _PyErr_ChainExceptions1); returns the saved exception
// re-raised when `f` succeeds.
void io_chain_exception(Object* saved);  // steals saved; call with the new exception set (or not)

// io_file.cpp
bool io_file_types_ready();
// FileIO(file, mode, closefd, opener) as io.open calls it; mode is the raw mode ("r", "w+", ...).
Object* fileio_create(Object* file, const char* mode, bool closefd, Object* opener);
// The preferred buffer size of an open FileIO (st_blksize, or DEFAULT_BUFFER_SIZE).
ssize fileio_blksize(Object* raw);
Object* buffered_create(TypeObject* type, Object* raw, ssize buffer_size);
// The raw object under a buffered object (borrowed; nullptr if `o` is not one of ours).
Object* buffered_raw_borrowed(Object* o);
// Fast paths for the text layer when its buffer is one of our buffered types.
bool buffered_is_exact(Object* o);
int buffered_closed(Object* o);  // 1 / 0 / -1
// buffer.write(data) when `o` is exactly a BufferedWriter/BufferedRandom: 1 done, -1 error (set),
// 0 not one of those (call its write method).
int buffered_write_exact(Object* o, const char* data, size_t n);

// io_text.cpp
bool io_text_types_ready();
Object* text_create(Object* buffer, Object* encoding, Object* errors, Object* newline,
                    bool line_buffering, bool write_through);
Object* text_buffer_borrowed(Object* text);  // nullptr if not a TextIOWrapper (or detached)
// UTF-8, ASCII or Latin-1 (under any alias): no codec registry needed.
bool text_encoding_is_native(std::string_view name);

constexpr ssize kDefaultBufferSize = 8192;

}  // namespace gilpy

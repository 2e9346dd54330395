// bytes and bytearray (objects/bytesobject.cpp, objects/bytearrayobject.cpp).
#pragma once

#include <string>
#include <string_view>

#include "core/type.h"
#include "objects/memoryobject.h"  // the buffer protocol and memoryview

namespace gilpy {

struct BytesObject : VarObject {  // ob_size = number of bytes
  hash_t hash;                     // -1 until computed
  char data[1];                    // ob_size bytes then a NUL
};

struct ByteArrayObject : Object {
  ssize size;
  ssize allocated;
  char* data;     // owned; null when allocated == 0
  ssize exports;  // live buffer exports (resizing is refused while > 0)
};

extern TypeObject BytesType;
extern TypeObject ByteArrayType;

inline bool bytes_check(Object* o) { return type_has_flag(type_of(o), TPFLAG_BYTES_SUBCLASS); }
inline bool bytearray_check(Object* o) { return object_type_check(o, &ByteArrayType); }
inline ssize bytes_size(Object* o) { return static_cast<BytesObject*>(o)->ob_size; }
inline char* bytes_data(Object* o) { return static_cast<BytesObject*>(o)->data; }
inline std::string_view bytes_view(Object* o) {
  return {bytes_data(o), size_t(bytes_size(o))};
}

Object* bytes_from(const char* data, ssize n);
inline Object* bytes_from(std::string_view v) { return bytes_from(v.data(), ssize(v.size())); }
Object* bytes_new_uninit(ssize n);  // fill bytes_data() before handing it out
Object* bytearray_from(const char* data, ssize n);
Object* bytes_repr(Object* o);
// Append data[0:n] escaped as in a bytes literal quoted with `quote`: \\ and the quote escaped,
// \\t \\n \\r, other bytes outside ' '..'~' as \\xhh (bytes.__repr__, codecs.escape_encode).
void bytes_escape_append(std::string& out, const char* data, ssize n, char quote);      // b'...' with CPython's quoting

// A contiguous byte view of any bytes-like object (bytes, bytearray, memoryview, any buffer
// exporter: objects/memoryobject.h). The data is borrowed: valid while the caller holds `o` and
// runs no code that could resize it; for longer use get_buffer()/release_buffer().
// Returns false with a TypeError ("a bytes-like object is required, not 'str'") otherwise, or
// BufferError for a non-contiguous memoryview.
struct ByteView {
  const char* data = nullptr;
  ssize size = 0;
};
bool get_byte_view(Object* o, ByteView* view);

}  // namespace gilpy

// Internal declarations shared by bytesobject.cpp, bytearrayobject.cpp and bytes_methods.cpp (the
// methods common to bytes and bytearray, as CPython's bytes_methods.c / stringlib). NOT a contract
// header: other subsystems use objects/bytesobject.h.
#pragma once

#include "objects/bytesobject.h"
#include "objects/str_internal.h"

namespace gilpy {

// The methods bytes and bytearray share: `X(name, doc)` declares `bm_<name>` in bytes_methods.cpp.
// Each works on either type and returns results of self's type (bytes for bytes and its
// subclasses, bytearray for bytearray).
#define GILPY_BYTES_COMMON_METHODS(X)                                                       \
  X(capitalize, "Return a copy with the first byte capitalized and the rest lower-cased.") \
  X(center, "Return a centered string of length width.")                                  \
  X(count, "Return the number of non-overlapping occurrences of subsection sub.")         \
  X(decode, "Decode the bytes using the codec registered for encoding.")                 \
  X(endswith, "Return True if the data ends with the specified suffix, False otherwise.") \
  X(expandtabs, "Return a copy where all tab characters are expanded using spaces.")      \
  X(find, "Return the lowest index where subsection sub is found.")                       \
  X(hex, "Create a string of hexadecimal numbers from a bytes object.")                   \
  X(index, "Return the lowest index where subsection sub is found.")                      \
  X(isalnum, "Return True if all bytes are alphanumeric and there is at least one.")      \
  X(isalpha, "Return True if all bytes are alphabetic and there is at least one.")        \
  X(isascii, "Return True if B is empty or all bytes are ASCII, False otherwise.")        \
  X(isdigit, "Return True if all bytes are digits and there is at least one.")            \
  X(islower, "Return True if all cased bytes are lowercase and there is at least one.")   \
  X(isspace, "Return True if all bytes are whitespace and there is at least one.")        \
  X(istitle, "Return True if B is a titlecased string and there is at least one char.")   \
  X(isupper, "Return True if all cased bytes are uppercase and there is at least one.")   \
  X(join, "Concatenate any number of bytes objects.")                                     \
  X(ljust, "Return a left-justified string of length width.")                             \
  X(lower, "Return a copy with all ASCII characters converted to lowercase.")             \
  X(lstrip, "Strip leading bytes contained in the argument.")                             \
  X(partition, "Partition the bytes into three parts using the given separator.")         \
  X(removeprefix, "Return a bytes object with the given prefix string removed if present.") \
  X(removesuffix, "Return a bytes object with the given suffix string removed if present.") \
  X(replace, "Return a copy with all occurrences of substring old replaced by new.")      \
  X(rfind, "Return the highest index where subsection sub is found.")                     \
  X(rindex, "Return the highest index where subsection sub is found.")                    \
  X(rjust, "Return a right-justified string of length width.")                            \
  X(rpartition, "Partition the bytes into three parts using the given separator.")        \
  X(rsplit, "Return a list of the sections in the bytes, using sep as the delimiter.")    \
  X(rstrip, "Strip trailing bytes contained in the argument.")                            \
  X(split, "Return a list of the sections in the bytes, using sep as the delimiter.")     \
  X(splitlines, "Return a list of the lines in the bytes, breaking at line boundaries.")  \
  X(startswith, "Return True if the data starts with the specified prefix, False otherwise.") \
  X(strip, "Strip leading and trailing bytes contained in the argument.")                 \
  X(swapcase, "Return a copy with uppercase ASCII characters converted to lowercase and vice versa.") \
  X(title, "Return a titlecased version of the bytes.")                                   \
  X(translate, "Return a copy with each character mapped by the given translation table.") \
  X(upper, "Return a copy with all ASCII characters converted to uppercase.")             \
  X(zfill, "Pad a numeric string with zeros on the left, to fill a field of the given width.")

#define GILPY_DECLARE_BM(name, doc) \
  Object* bm_##name(Object* self, Object* const* args, ssize nargs, Object* kwnames);
GILPY_BYTES_COMMON_METHODS(GILPY_DECLARE_BM)
#undef GILPY_DECLARE_BM

// Class/static methods common to both: fromhex (classmethod), maketrans (static).
Object* bm_fromhex(Object* cls, Object* const* args, ssize nargs, Object* kwnames);
Object* bm_maketrans(Object* self, Object* const* args, ssize nargs, Object* kwnames);

// Data of a bytes or bytearray `self` (no checks).
inline ByteView self_view(Object* self) {
  ByteView v;
  if (bytes_check(self)) {
    v.data = bytes_data(self);
    v.size = bytes_size(self);
  } else {
    auto* b = static_cast<ByteArrayObject*>(self);
    v.data = b->data ? b->data : "";
    v.size = b->size;
  }
  return v;
}
// get_byte_view for an operand that must be bytes-like: false WITHOUT an exception when `o` is
// not an exporter or not contiguous (the caller raises its own TypeError).
bool get_byte_view_or_clear(Object* o, ByteView* view);
// A new bytes (for bytes self) or bytearray (for bytearray self) with the given data.
Object* bytes_new_like(Object* self, const char* data, ssize n);

// Resize a bytearray (keeps content); -1 + MemoryError on failure, BufferError while exported.
int bytearray_resize(Object* ba, ssize n);
// The integer value of a byte argument (__index__, 0..255) or -1 with ValueError
// "byte must be in range(0, 256)" / TypeError.
int byte_from_object(Object* o);

}  // namespace gilpy

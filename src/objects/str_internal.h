// Internal helpers shared by the str implementation files (strobject.cpp, str_methods.cpp,
// str_format.cpp, codecs.cpp, format_spec.cpp) and bytes/bytearray. NOT a contract header: other
// subsystems use objects/strobject.h and objects/bytesobject.h.
//
// Invariant relied upon everywhere: every str is in canonical PEP 393 form — its kind is the
// narrowest that holds its widest code point and `ascii` is set iff every code point < 128. So two
// equal strings have the same kind and their data compare equal with memcmp, and builders must
// compute the exact maximum character of what they produce (str_from_kind_data does it).
#pragma once

#include <cstdint>
#include <cstring>
#include <string>

#include "objects/strobject.h"

namespace gilpy {

inline StrObject* str_obj(Object* o) { return static_cast<StrObject*>(o); }
inline const uint8_t* str_data1(Object* o) {
  return static_cast<const uint8_t*>(str_obj(o)->data());
}
inline const uint16_t* str_data2(Object* o) {
  return static_cast<const uint16_t*>(str_obj(o)->data());
}
inline const uint32_t* str_data4(Object* o) {
  return static_cast<const uint32_t*>(str_obj(o)->data());
}
inline bool str_is_ascii(Object* o) { return str_obj(o)->ascii != 0; }
// The UTF-8 form of a str if it is at hand without work (ASCII data, or the cache of a non-ASCII
// string), else nullptr; *size gets its length in bytes.
const char* str_utf8_if_cached(Object* o, ssize* size);

inline uint32_t kind_read(int kind, const void* data, ssize i) {
  switch (kind) {
    case 1: return static_cast<const uint8_t*>(data)[i];
    case 2: return static_cast<const uint16_t*>(data)[i];
    default: return static_cast<const uint32_t*>(data)[i];
  }
}
inline void kind_write(int kind, void* data, ssize i, uint32_t cp) {
  switch (kind) {
    case 1: static_cast<uint8_t*>(data)[i] = uint8_t(cp); break;
    case 2: static_cast<uint16_t*>(data)[i] = uint16_t(cp); break;
    default: static_cast<uint32_t*>(data)[i] = cp; break;
  }
}
inline int kind_for_maxchar(uint32_t maxchar) {
  return maxchar < 0x100 ? 1 : maxchar < 0x10000 ? 2 : 4;
}

// An upper bound of the string's code points from its kind/ascii flag (PyUnicode_MAX_CHAR_VALUE).
inline uint32_t str_max_char_bound(Object* o) {
  StrObject* s = str_obj(o);
  if (s->ascii) return 0x7f;
  return s->kind == 1 ? 0xff : s->kind == 2 ? 0xffff : 0x10ffff;
}
// The exact widest code point in s[start:end].
uint32_t str_find_max_char(Object* s, ssize start, ssize end);
// Widest code point of a kind-typed buffer.
uint32_t kind_find_max_char(int kind, const void* data, ssize n);

// Build a canonical str from code points stored with width `kind` (narrowed as needed).
Object* str_from_kind_data(int kind, const void* data, ssize n);
// Copy code points from src (any kind) into dst (a kind wide enough) at dst_pos.
void str_copy_chars(Object* dst, ssize dst_pos, Object* src, ssize src_start, ssize n);
// The empty string singleton (new reference) and the cached single characters.
Object* str_empty();
// An exact str with the same value: `s` itself (new ref) when exact, else a copy.
Object* str_exact_copy(Object* s);
// Allocate a str of `cls` (a subtype of str) holding a copy of `value`'s text (str.__new__).
Object* str_subtype_new(TypeObject* cls, Object* value);

// Generalized UTF-8 of the whole string, lone surrogates encoded as 3 bytes (never fails).
void str_append_utf8_lenient(std::string& out, Object* s);
// Decode "generalized" UTF-8 (as produced by utf8_append / the parser); input must be valid.
Object* str_from_utf8_trusted(const char* s, ssize n);

// Case mapping and extra properties (objects/unicode_db.cpp). The full mappings write up to 3
// code points into out[] and return how many.
int unicode_to_lower_full(uint32_t cp, uint32_t out[3]);
int unicode_to_upper_full(uint32_t cp, uint32_t out[3]);
int unicode_to_title_full(uint32_t cp, uint32_t out[3]);
int unicode_to_folded_full(uint32_t cp, uint32_t out[3]);
uint32_t unicode_to_lower_simple(uint32_t cp);
uint32_t unicode_to_upper_simple(uint32_t cp);
bool unicode_istitle(uint32_t cp);
bool unicode_iscased(uint32_t cp);
bool unicode_is_case_ignorable(uint32_t cp);
bool unicode_is_linebreak(uint32_t cp);

// Fast ASCII tables (index < 128).
extern const uint8_t kAsciiFlags[128];
enum : uint8_t {
  AF_SPACE = 1, AF_ALPHA = 2, AF_DIGIT = 4, AF_LOWER = 8, AF_UPPER = 16, AF_XIDS = 32,
  AF_XIDC = 64, AF_PRINT = 128,
};

// Substring search over code points (any kinds). Returns the index or -1.
ssize str_find_sub(Object* s, ssize start, ssize end, Object* sub, int direction);
ssize str_count_sub(Object* s, ssize start, ssize end, Object* sub, ssize maxcount);

// Byte-string search helpers shared by str (kind 1) and bytes/bytearray.
ssize bytes_find_raw(const char* h, ssize hn, const char* n, ssize nn);   // -1 if absent
ssize bytes_rfind_raw(const char* h, ssize hn, const char* n, ssize nn);
ssize bytes_count_raw(const char* h, ssize hn, const char* n, ssize nn, ssize maxcount);

// Normalise (start, end) as the str/bytes methods do (slice semantics, clamped to [0, len]).
inline void adjust_start_end(ssize len, ssize* start, ssize* end) {
  if (*end > len) *end = len;
  else if (*end < 0) { *end += len; if (*end < 0) *end = 0; }
  if (*start < 0) { *start += len; if (*start < 0) *start = 0; }
}
// Parse the optional start/end arguments of find/count/startswith... (None or an int via
// __index__, clamped like slice indices). Returns false with an exception set.
bool parse_start_end(Object* const* args, ssize nargs, ssize first, ssize* start, ssize* end);
// Clamp a slice index object (None / __index__) to ssize as CPython's _PyEval_SliceIndex.
bool slice_index(Object* o, ssize* out);

// Codec helpers (objects/codecs.cpp).
// Normalises an encoding name; returns 0 unknown, 1 utf-8, 2 ascii, 3 latin-1, 4..9 utf-16,
// utf-16-le, utf-16-be, utf-32, utf-32-le, utf-32-be (codecs.cpp enum Codec).
int codec_lookup(const char* encoding);
Object* bytes_decode_with(const char* data, ssize n, const char* encoding, const char* errors);

// printf-style formatting (objects/str_format.cpp), shared with bytes % args.
Object* str_percent_format(Object* format, Object* args);
Object* bytes_percent_format(const char* fmt, ssize fmtlen, Object* args, bool bytearray_result);

}  // namespace gilpy

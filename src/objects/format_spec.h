// The format mini-language (`format(value, spec)`, f-strings, str.format), shared by str, int and
// float formatting (objects/format_spec.cpp).
//   [[fill]align][sign][z][#][0][width][grouping][.precision][type]
#pragma once

#include <cstdint>
#include <string>

#include "core/type.h"

namespace gilpy {

// Parsing follows CPython's parse_internal_render_format_spec. Two conventions to know:
//  - The '0' flag without an explicit fill or alignment ("05", "+08.2f") is recorded as
//    fill = '0' with align = 0: numbers then use '=' (padding after the sign), strings use their
//    default '<'. format_spec_align() resolves this. An explicit fill is always paired with an align.
//  - `type` stays 0 when the spec has no presentation type; the thousands-separator check done
//    during parsing treats it as allowed (as CPython does for int/float defaults).
struct FormatSpec {
  uint32_t fill = ' ';
  char align = 0;      // '<', '>', '=', '^' or 0 (type's default)
  char sign = 0;       // '+', '-', ' ' or 0
  bool no_neg_zero = false;  // 'z'
  bool alternate = false;    // '#'
  int width = -1;
  char grouping = 0;   // ',' or '_' or 0
  int precision = -1;
  uint32_t type = 0;   // presentation type or 0
};

// Parse `spec` (a str). Raises ValueError with CPython's messages ("Invalid format specifier
// '...' for object of type 'int'", "Format specifier missing precision", ...). `type_name` names
// the object's type for those messages.
bool parse_format_spec(Object* spec, const char* type_name, FormatSpec* out);
// The alignment to use: spec.align, else '=' for a bare '0' flag when the type's default alignment
// is '>' (numbers), else default_align.
inline char format_spec_align(const FormatSpec& spec, char default_align) {
  if (spec.align) return spec.align;
  if (spec.fill == '0' && default_align == '>') return '=';
  return default_align;
}
// CPython's "Unknown format code 'x' for object of type 'int'" (ValueError); returns nullptr.
Object* format_unknown_code(uint32_t type, const char* type_name);
// Pad `body` (UTF-8, `body_len` code points) to spec.width according to fill/align
// (format_spec_align(spec, default_align)) and return the result as a new str. For '=' the padding
// goes after a leading sign ('+', '-', ' ') and a leading 0b/0o/0x/0B/0O/0X prefix.
Object* format_pad(const FormatSpec& spec, const std::string& body, ssize body_len,
                   char default_align);

// Format implementations for the built-in types (each type's __format__ calls these).
Object* format_str(Object* s, Object* spec);
Object* format_int(Object* i, Object* spec);
Object* format_float(double v, Object* spec);

}  // namespace gilpy

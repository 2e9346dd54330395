// The format mini-language (`format(value, spec)`, f-strings, str.format), shared by str, int and
// float formatting (objects/format_spec.cpp).
//   [[fill]align][sign][z][#][0][width][grouping][.precision][type]
#pragma once

#include <cstdint>
#include <string>

#include "core/type.h"

namespace gilpy {

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
// Pad `body` (UTF-8, `body_len` code points) to spec.width according to fill/align
// (`default_align` when align is 0) and return the result as a new str.
Object* format_pad(const FormatSpec& spec, const std::string& body, ssize body_len,
                   char default_align);

// Format implementations for the built-in types (each type's __format__ calls these).
Object* format_str(Object* s, Object* spec);
Object* format_int(Object* i, Object* spec);
Object* format_float(double v, Object* spec);

}  // namespace gilpy

// The format mini-language: parsing a spec, padding a formatted body, and str.__format__.
//
// parse_format_spec mirrors CPython 3.12's parse_internal_render_format_spec
// (Python/formatter_unicode.c) step by step — fill/align, sign, 'z', '#', the '0' flag, width,
// grouping, precision, type — with the same ValueError messages, so int/float/str formatting
// (objects/format_number.cpp, format_str below) report errors exactly as CPython does. The spec is
// read by code point, so any fill character (even a non-BMP one) works and Unicode decimal digits
// count in width/precision, as in CPython.
//
// format_pad works on UTF-8 bodies (what the number formatters produce); format_str works directly
// on the str's code points and builds the result in one allocation of the right kind.
#include "objects/format_spec.h"

#include <climits>
#include <cstring>

#include "core/error.h"
#include "objects/str_internal.h"
#include "objects/strobject.h"

namespace gilpy {

namespace {

bool is_alignment_token(uint32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }
bool is_sign_element(uint32_t c) { return c == ' ' || c == '+' || c == '-'; }

// Reads decimal digits at *pos; returns how many were consumed, -1 on overflow (error set).
ssize get_integer(Object* spec, ssize* pos, ssize end, int* result) {
  long long acc = 0;
  ssize consumed = 0;
  for (; *pos < end; ++*pos, ++consumed) {
    int d = unicode_decimal_value(str_read(spec, *pos));
    if (d < 0) break;
    if (acc > (INT_MAX - d) / 10) {
      err_set_string(&Exc_ValueError, "Too many decimal digits in format string");
      return -1;
    }
    acc = acc * 10 + d;
  }
  *result = int(acc);
  return consumed;
}

void invalid_thousands_separator_type(char specifier, uint32_t type) {
  if (type > 32 && type < 128)
    err_format(&Exc_ValueError, "Cannot specify '%c' with '%c'.", specifier, char(type));
  else
    err_format(&Exc_ValueError, "Cannot specify '%c' with '\\x%x'.", specifier, unsigned(type));
}

}  // namespace

Object* format_unknown_code(uint32_t type, const char* type_name) {
  if (type > 32 && type < 128)
    return err_format(&Exc_ValueError, "Unknown format code '%c' for object of type '%s'",
                      char(type), type_name);
  return err_format(&Exc_ValueError, "Unknown format code '\\x%x' for object of type '%s'",
                    unsigned(type), type_name);
}

bool parse_format_spec(Object* spec, const char* type_name, FormatSpec* out) {
  *out = FormatSpec();
  if (!spec) return true;
  ssize pos = 0;
  const ssize end = str_length(spec);
  auto at = [&](ssize i) { return str_read(spec, i); };
  bool align_specified = false, fill_specified = false;

  if (end - pos >= 2 && is_alignment_token(at(pos + 1))) {
    out->align = char(at(pos + 1));
    out->fill = at(pos);
    fill_specified = align_specified = true;
    pos += 2;
  } else if (end - pos >= 1 && is_alignment_token(at(pos))) {
    out->align = char(at(pos));
    align_specified = true;
    ++pos;
  }
  if (end - pos >= 1 && is_sign_element(at(pos))) {
    out->sign = char(at(pos));
    ++pos;
  }
  if (end - pos >= 1 && at(pos) == 'z') {
    out->no_neg_zero = true;
    ++pos;
  }
  if (end - pos >= 1 && at(pos) == '#') {
    out->alternate = true;
    ++pos;
  }
  if (!fill_specified && end - pos >= 1 && at(pos) == '0') {
    out->fill = '0';
    // align stays as given (0 when not specified): see format_spec_align().
    (void)align_specified;
    ++pos;
  }
  ssize consumed = get_integer(spec, &pos, end, &out->width);
  if (consumed < 0) return false;
  if (consumed == 0) out->width = -1;

  if (end - pos > 0 && at(pos) == ',') {
    out->grouping = ',';
    ++pos;
  }
  if (end - pos > 0 && at(pos) == '_') {
    if (out->grouping) {
      err_set_string(&Exc_ValueError, "Cannot specify both ',' and '_'.");
      return false;
    }
    out->grouping = '_';
    ++pos;
  }
  if (end - pos > 0 && at(pos) == ',' && out->grouping == '_') {
    err_set_string(&Exc_ValueError, "Cannot specify both ',' and '_'.");
    return false;
  }
  if (end - pos > 0 && at(pos) == '.') {
    ++pos;
    consumed = get_integer(spec, &pos, end, &out->precision);
    if (consumed < 0) return false;
    if (consumed == 0) {
      err_set_string(&Exc_ValueError, "Format specifier missing precision");
      return false;
    }
  }
  if (end - pos > 1) {
    err_format(&Exc_ValueError, "Invalid format specifier '%U' for object of type '%s'", spec,
               type_name);
    return false;
  }
  if (end - pos == 1) out->type = at(pos);

  if (out->grouping) {
    switch (out->type) {
      case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
        break;
      case 'b': case 'o': case 'x': case 'X':
        if (out->grouping == '_') break;
        [[fallthrough]];
      default:
        invalid_thousands_separator_type(out->grouping, out->type);
        return false;
    }
  }
  return true;
}

Object* format_pad(const FormatSpec& spec, const std::string& body, ssize body_len,
                   char default_align) {
  if (spec.width <= body_len) return str_from_utf8(body.data(), ssize(body.size()));
  char align = format_spec_align(spec, default_align);
  ssize total = spec.width;
  ssize pad = total - body_len;
  ssize lpad = align == '>' ? pad : align == '^' ? pad / 2 : 0;
  ssize rpad = pad - lpad;
  std::string fill;
  utf8_append(fill, spec.fill);
  std::string out;
  out.reserve(body.size() + size_t(pad) * fill.size());
  size_t split = 0;  // for '=': where the padding goes
  if (align == '=') {
    if (split < body.size() && (body[split] == '+' || body[split] == '-' || body[split] == ' '))
      ++split;
    if (split + 1 < body.size() && body[split] == '0' &&
        std::strchr("bBoOxX", body[split + 1]) != nullptr && body[split + 1] != '\0')
      split += 2;
    lpad = 0;
    rpad = 0;
  }
  auto put_fill = [&](ssize n) {
    if (fill.size() == 1) out.append(size_t(n), fill[0]);
    else for (ssize i = 0; i < n; ++i) out += fill;
  };
  if (align == '=') {
    out.append(body, 0, split);
    put_fill(pad);
    out.append(body, split, std::string::npos);
  } else {
    put_fill(lpad);
    out += body;
    put_fill(rpad);
  }
  return str_from_utf8(out.data(), ssize(out.size()));
}

Object* format_str(Object* s, Object* spec) {
  if (!spec || str_length(spec) == 0) return str_exact_copy(s);
  FormatSpec f;
  if (!parse_format_spec(spec, "str", &f)) return nullptr;
  uint32_t type = f.type ? f.type : 's';
  if (type != 's') return format_unknown_code(type, type_name(type_of(s)));
  if (f.grouping) {
    invalid_thousands_separator_type(f.grouping, 's');
    return nullptr;
  }
  if (f.sign) {
    err_set_string(&Exc_ValueError, f.sign == ' ' ? "Space not allowed in string format specifier"
                                                  : "Sign not allowed in string format specifier");
    return nullptr;
  }
  if (f.no_neg_zero) {
    err_set_string(&Exc_ValueError,
                   "Negative zero coercion (z) not allowed in string format specifier");
    return nullptr;
  }
  if (f.alternate) {
    err_set_string(&Exc_ValueError, "Alternate form (#) not allowed in string format specifier");
    return nullptr;
  }
  if (f.align == '=') {
    err_set_string(&Exc_ValueError, "'=' alignment not allowed in string format specifier");
    return nullptr;
  }
  ssize len = str_length(s);
  if ((f.width < 0 || f.width <= len) && (f.precision < 0 || f.precision >= len))
    return str_exact_copy(s);
  if (f.precision >= 0 && len >= f.precision) len = f.precision;
  ssize total = f.width > len ? f.width : len;
  char align = format_spec_align(f, '<');
  ssize lpad = align == '>' ? total - len : align == '^' ? (total - len) / 2 : 0;
  ssize rpad = total - len - lpad;
  uint32_t maxchar = str_find_max_char(s, 0, len);
  if ((lpad || rpad) && f.fill > maxchar) maxchar = f.fill;
  Ref r = Ref::steal(str_new_uninit(total, maxchar));
  if (!r) return nullptr;
  StrObject* ro = str_obj(r.get());
  int kind = ro->kind;
  void* data = ro->data();
  if (kind == 1) {
    memset(data, int(f.fill), size_t(lpad));
    memset(static_cast<char*>(data) + lpad + len, int(f.fill), size_t(rpad));
  } else {
    for (ssize i = 0; i < lpad; ++i) kind_write(kind, data, i, f.fill);
    for (ssize i = lpad + len; i < total; ++i) kind_write(kind, data, i, f.fill);
  }
  str_copy_chars(r.get(), lpad, s, 0, len);
  return r.release();
}

}  // namespace gilpy

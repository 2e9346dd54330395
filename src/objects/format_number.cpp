// The format mini-language for numbers: format_int, format_float (format_spec.h) and
// format_complex (complexobject.h), as CPython's Python/formatter_unicode.c.
//
// The spec is parsed by parse_format_spec (objects/format_spec.cpp, owned by strings); this file
// turns a parsed spec plus the number's digits into the final string. Every number is laid out
// as CPython's calc_number_widths/fill_number do:
//     <lpad><sign><prefix><spad><grouped digits><decimal point><remainder><rpad>
// where only one of the three paddings is non-empty. Zero padding ('0' flag, i.e. fill '0' with
// '=' alignment) pads inside the grouping, so format(1234, '08,') == '0,001,234', exactly as
// _PyUnicode_InsertThousandsGrouping does. The 'n' type uses the C locale (no grouping, '.').
// Digits come from int_to_base_string (ints) and double_to_string (floats, complex), which
// reproduce PyOS_double_to_string.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>
#include <string_view>

#include "core/abstract.h"
#include "core/error.h"
#include "objects/complexobject.h"
#include "objects/floatobject.h"
#include "objects/format_spec.h"
#include "objects/intobject.h"
#include "objects/number_impl.h"
#include "objects/strobject.h"

namespace gilpy {

namespace {
struct Grouping {
  char sep = 0;  // 0: no grouping
  int size = 3;
};

// _PyUnicode_InsertThousandsGrouping with a repeating group size; pads with '0' up to min_width.
std::string group_digits(std::string_view digits, ssize min_width, const Grouping& g) {
  ssize remaining = ssize(digits.size());
  if (min_width < 0) min_width = 0;
  std::string out;  // built reversed
  const char* p = digits.data() + digits.size();
  if (!g.sep) {
    ssize l = std::max(std::max(remaining, min_width), ssize(1));
    ssize n_zeros = std::max(ssize(0), l - remaining);
    std::string r(size_t(n_zeros), '0');
    r.append(digits);
    return r;
  }
  bool use_sep = false;
  for (;;) {
    ssize l = std::min(ssize(g.size), std::max(std::max(remaining, min_width), ssize(1)));
    ssize n_zeros = std::max(ssize(0), l - remaining);
    ssize n_chars = std::max(ssize(0), std::min(remaining, l));
    if (use_sep) out.push_back(g.sep);
    for (ssize k = 0; k < n_chars; ++k) out.push_back(*--p);
    out.append(size_t(n_zeros), '0');
    use_sep = true;
    remaining -= n_chars;
    min_width -= l;
    if (remaining <= 0 && min_width <= 0) break;
    min_width -= 1;
  }
  std::reverse(out.begin(), out.end());
  return out;
}

ssize count_code_points(std::string_view s) {
  ssize n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

void append_fill(std::string& out, uint32_t fill, ssize n) {
  if (n <= 0) return;
  if (fill < 128) {
    out.append(size_t(n), char(fill));
    return;
  }
  std::string one;
  utf8_append(one, fill);
  for (ssize i = 0; i < n; ++i) out += one;
}

char effective_align(const FormatSpec& spec) {
  return format_spec_align(spec, '>');
}

// calc_number_widths + fill_number.
std::string layout_number(const FormatSpec& spec, char align, char sign_char,
                          std::string_view prefix, std::string_view digits, bool has_decimal,
                          std::string_view remainder, const Grouping& g) {
  char sign = 0;
  if (spec.sign == '+') {
    sign = sign_char == '-' ? '-' : '+';
  } else if (spec.sign == ' ') {
    sign = sign_char == '-' ? '-' : ' ';
  } else if (sign_char == '-') {
    sign = '-';
  }
  ssize n_remainder = count_code_points(remainder);
  ssize n_non_digit = (sign ? 1 : 0) + ssize(prefix.size()) + (has_decimal ? 1 : 0) + n_remainder;
  ssize min_width = (spec.fill == '0' && align == '=') ? spec.width - n_non_digit : 0;
  std::string grouped = digits.empty() ? std::string() : group_digits(digits, min_width, g);
  ssize n_padding = spec.width - (n_non_digit + ssize(grouped.size()));
  ssize lpad = 0, spad = 0, rpad = 0;
  if (n_padding > 0) {
    switch (align) {
      case '<':
        rpad = n_padding;
        break;
      case '^':
        lpad = n_padding / 2;
        rpad = n_padding - lpad;
        break;
      case '=':
        spad = n_padding;
        break;
      default:
        lpad = n_padding;
        break;
    }
  }
  std::string out;
  append_fill(out, spec.fill, lpad);
  if (sign) out.push_back(sign);
  out.append(prefix);
  append_fill(out, spec.fill, spad);
  out += grouped;
  if (has_decimal) out.push_back('.');
  out.append(remainder);
  append_fill(out, spec.fill, rpad);
  return out;
}

Object* unknown_code(uint32_t type, const char* type_name) {
  return format_unknown_code(type, type_name);
}

bool check_grouping(const FormatSpec& spec, uint32_t type, Grouping* g) {
  g->sep = spec.grouping;
  g->size = 3;
  if (!spec.grouping) return true;
  switch (type) {
    case 'd':
    case 'e':
    case 'f':
    case 'g':
    case 'E':
    case 'G':
    case '%':
    case 'F':
    case 0:
      return true;
    case 'b':
    case 'o':
    case 'x':
    case 'X':
      if (spec.grouping == '_') {
        g->size = 4;
        return true;
      }
      [[fallthrough]];
    default:
      if (type > 32 && type < 128) {
        err_format(&Exc_ValueError, "Cannot specify '%c' with '%c'.", spec.grouping, int(type));
      } else {
        err_format(&Exc_ValueError, "Cannot specify '%c' with '\\x%x'.", spec.grouping,
                   unsigned(type));
      }
      return false;
  }
}

// parse_number: the digits run, whether a '.' follows, and the rest.
void split_number(std::string_view s, std::string_view* digits, bool* has_decimal,
                  std::string_view* remainder) {
  size_t i = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  *digits = s.substr(0, i);
  *has_decimal = i < s.size() && s[i] == '.';
  *remainder = s.substr(i + (*has_decimal ? 1 : 0));
}

Object* format_float_spec(double val, const FormatSpec& spec) {
  uint32_t type = spec.type;
  Grouping g;
  if (!check_grouping(spec, type, &g)) return nullptr;
  switch (type) {
    case 0:
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case 'n':
    case '%':
      break;
    default:
      return unknown_code(type, "float");
  }
  int flags = 0;
  if (spec.alternate) flags |= DTSF_ALT;
  if (spec.no_neg_zero) flags |= DTSF_NO_NEG_0;
  int default_precision = 6;
  char code = char(type);
  if (type == 0) {
    flags |= DTSF_ADD_DOT_0;
    code = 'r';
    default_precision = 0;
  }
  if (code == 'n') code = 'g';
  bool add_pct = false;
  if (code == '%') {
    code = 'f';
    val *= 100;
    add_pct = true;
  }
  int precision = spec.precision;
  if (precision < 0) {
    precision = default_precision;
  } else if (code == 'r') {
    code = 'g';
  }
  std::string buf = double_to_string(val, code, precision, flags);
  if (add_pct) buf.push_back('%');
  if (spec.sign != '+' && spec.sign != ' ' && spec.width <= 0 && type != 'n' && !spec.grouping) {
    return str_from_utf8(buf);
  }
  std::string_view body = buf;
  char sign_char = 0;
  if (!body.empty() && body[0] == '-') {
    sign_char = '-';
    body.remove_prefix(1);
  }
  std::string_view digits, remainder;
  bool has_decimal;
  split_number(body, &digits, &has_decimal, &remainder);
  if (type == 'n') g.sep = 0;
  return str_from_utf8(
      layout_number(spec, effective_align(spec), sign_char, "", digits, has_decimal, remainder, g));
}
}  // namespace

Object* format_int(Object* value, Object* spec_obj) {
  if (str_length(spec_obj) == 0) {
    if (int_check_exact(value)) return int_repr_object(value);
    return object_str(value);
  }
  FormatSpec spec;
  if (!parse_format_spec(spec_obj, "int", &spec)) return nullptr;
  uint32_t type = spec.type ? spec.type : 'd';
  switch (type) {
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case '%': {
      double d = int_as_double(value);
      if (d == -1.0 && err_occurred()) return nullptr;
      return format_float_spec(d, spec);
    }
    case 'b':
    case 'c':
    case 'd':
    case 'o':
    case 'x':
    case 'X':
    case 'n':
      break;
    default:
      return unknown_code(type, "int");
  }
  Grouping g;
  if (!check_grouping(spec, spec.type, &g)) return nullptr;
  if (spec.precision != -1) {
    return err_format(&Exc_ValueError, "Precision not allowed in integer format specifier");
  }
  if (spec.no_neg_zero) {
    return err_format(&Exc_ValueError,
                      "Negative zero coercion (z) not allowed in integer format specifier");
  }
  char align = effective_align(spec);
  if (type == 'c') {
    if (spec.sign) {
      return err_format(&Exc_ValueError, "Sign not allowed with integer format specifier 'c'");
    }
    if (spec.alternate) {
      return err_format(&Exc_ValueError,
                        "Alternate form (#) not allowed with integer format specifier 'c'");
    }
    bool overflow;
    int64_t x = int_as_i64(value, &overflow);
    if (overflow)
      return err_format(&Exc_OverflowError, "Python int too large to convert to C long");
    if (x < 0 || x > 0x10ffff) {
      return err_format(&Exc_OverflowError, "%s arg not in range(0x110000)", "%c");
    }
    std::string ch;
    utf8_append(ch, uint32_t(x));
    return str_from_utf8(layout_number(spec, align, 0, "", "", false, ch, g));
  }
  int base = type == 'b' ? 2 : type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
  Ref text = Ref::steal(base == 10 ? int_repr_object(value) : int_to_base_string(value, base));
  if (!text) return nullptr;
  std::string_view s = str_view(text.get());
  char sign_char = 0;
  if (!s.empty() && s[0] == '-') {
    sign_char = '-';
    s.remove_prefix(1);
  }
  std::string prefix;
  if (base != 10) {
    if (spec.alternate) prefix = std::string(s.substr(0, 2));
    s.remove_prefix(2);
  }
  std::string digits(s);
  if (type == 'X') {
    for (char& c : digits) c = char(std::toupper(static_cast<unsigned char>(c)));
    for (char& c : prefix) c = char(std::toupper(static_cast<unsigned char>(c)));
  }
  if (type == 'n') g.sep = 0;
  return str_from_utf8(layout_number(spec, align, sign_char, prefix, digits, false, "", g));
}

Object* format_float(double v, Object* spec_obj) {
  if (str_length(spec_obj) == 0) return str_from_utf8(float_repr_string(v));
  FormatSpec spec;
  if (!parse_format_spec(spec_obj, "float", &spec)) return nullptr;
  return format_float_spec(v, spec);
}

Object* format_complex(double re, double im, Object* spec_obj) {
  FormatSpec spec;
  if (!parse_format_spec(spec_obj, "complex", &spec)) return nullptr;
  uint32_t type = spec.type;
  switch (type) {
    case 0:
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case 'n':
      break;
    default:
      return unknown_code(type, "complex");
  }
  Grouping g;
  if (!check_grouping(spec, type, &g)) return nullptr;
  if (spec.fill == '0') {
    return err_format(&Exc_ValueError, "Zero padding is not allowed in complex format specifier");
  }
  if (spec.align == '=') {
    return err_format(&Exc_ValueError,
                      "'=' alignment flag is not allowed in complex format specifier");
  }
  int flags = 0;
  if (spec.alternate) flags |= DTSF_ALT;
  if (spec.no_neg_zero) flags |= DTSF_NO_NEG_0;
  int default_precision = 6;
  char code = char(type);
  bool skip_re = false, add_parens = false;
  if (type == 0) {
    code = 'r';
    default_precision = 0;
    if (re == 0.0 && !std::signbit(re)) {
      skip_re = true;
    } else {
      add_parens = true;
    }
  }
  if (code == 'n') code = 'g';
  int precision = spec.precision;
  if (precision < 0) {
    precision = default_precision;
  } else if (code == 'r') {
    code = 'g';
  }
  std::string re_buf = double_to_string(re, code, precision, flags);
  std::string im_buf = double_to_string(im, code, precision, flags);
  if (type == 'n') g.sep = 0;
  FormatSpec tmp = spec;
  tmp.fill = ' ';
  tmp.width = -1;
  auto part = [&](const std::string& buf, const FormatSpec& fs) {
    std::string_view body = buf;
    char sign_char = 0;
    if (!body.empty() && body[0] == '-') {
      sign_char = '-';
      body.remove_prefix(1);
    }
    std::string_view digits, remainder;
    bool has_decimal;
    split_number(body, &digits, &has_decimal, &remainder);
    return layout_number(fs, '<', sign_char, "", digits, has_decimal, remainder, g);
  };
  std::string re_str = skip_re ? std::string() : part(re_buf, tmp);
  if (!skip_re) tmp.sign = '+';
  std::string im_str = part(im_buf, tmp);
  std::string body;
  if (add_parens) body.push_back('(');
  body += re_str;
  body += im_str;
  body.push_back('j');
  if (add_parens) body.push_back(')');
  ssize n = ssize(body.size());
  ssize lpad = 0, rpad = 0;
  if (spec.width > n) {
    ssize pad = spec.width - n;
    char align = spec.align ? spec.align : '>';
    if (align == '>') {
      lpad = pad;
    } else if (align == '^') {
      lpad = pad / 2;
      rpad = pad - lpad;
    } else {
      rpad = pad;
    }
  }
  std::string out;
  append_fill(out, spec.fill, lpad);
  out += body;
  append_fill(out, spec.fill, rpad);
  return str_from_utf8(out);
}

}  // namespace gilpy

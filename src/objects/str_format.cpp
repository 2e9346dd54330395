// str.format / str.format_map (PEP 3101) and printf-style `%` formatting for str and bytes.
//
// str.format is a transcription of CPython 3.12's Objects/stringlib/unicode_format.h: the markup
// iterator (literal text, "{{" / "}}" escapes, fields), parse_field (field name, "!conversion",
// ":spec" with nested braces), field_name_split with the automatic / manual numbering state, and
// the ".attr" / "[key]" iterator — each with CPython's error message. Nested specs ("{:{width}}")
// are expanded recursively with CPython's depth limit of 2 ("Max string recursion exceeded").
// Output goes to a UTF-8 std::string (lone surrogates kept in generalized UTF-8), turned into a
// str once at the end.
//
// `%` formatting is a transcription of PyUnicode_Format / _PyBytes_FormatEx: the same argument
// bookkeeping (a tuple, a single object, or a mapping for "%(key)s"), flags, '*' width/precision,
// conversions s r a d i u o x X e E f F g G c (and b for bytes), padding with CPython's rules (zero
// fill only for numbers, sign and 0x prefix before zero padding), and the exact error messages.
// One template serves str (code points, output UTF-8) and bytes (output raw bytes).
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>

#include "core/abstract.h"
#include "core/error.h"
#include "objects/bytesobject.h"
#include "objects/containers.h"
#include "objects/floatobject.h"
#include "objects/intobject.h"
#include "objects/singletons.h"
#include "objects/str_internal.h"
#include "objects/strobject.h"

namespace gilpy {

namespace {

// ================================ str.format ======================================================

struct Sub {  // a slice of the format string
  Object* s;
  ssize start, end;
  uint32_t at(ssize i) const { return str_read(s, i); }
  bool empty() const { return start >= end; }
  Object* to_str() const { return str_substring(s, start, end); }
};

enum AutoState { ANS_INIT, ANS_AUTO, ANS_MANUAL };
struct AutoNumber {
  AutoState state = ANS_INIT;
  ssize next = 0;
};

// Decimal value of the whole substring, -1 if empty or not all digits; -1 + error on overflow.
ssize sub_integer(const Sub& str) {
  if (str.empty()) return -1;
  ssize acc = 0;
  for (ssize i = str.start; i < str.end; ++i) {
    int d = unicode_decimal_value(str.at(i));
    if (d < 0) return -1;
    if (acc > (PTRDIFF_MAX - d) / 10) {
      err_set_string(&Exc_ValueError, "Too many decimal digits in format string");
      return -1;
    }
    acc = acc * 10 + d;
  }
  return acc;
}

bool autonumber_state_error(AutoState state, bool field_name_is_empty) {
  if (state == ANS_MANUAL) {
    if (field_name_is_empty) {
      err_set_string(&Exc_ValueError,
                     "cannot switch from manual field specification to automatic field numbering");
      return true;
    }
  } else if (!field_name_is_empty) {
    err_set_string(&Exc_ValueError,
                   "cannot switch from automatic field numbering to manual field specification");
    return true;
  }
  return false;
}

// Iterates ".name" and "[key]" after the first part of a field name. Returns 1 done, 2 item, 0 err.
int field_name_next(Sub& rest, bool* is_attr, ssize* idx, Sub* name) {
  if (rest.start >= rest.end) return 1;
  uint32_t c = rest.at(rest.start++);
  if (c == '.') {
    *is_attr = true;
    name->s = rest.s;
    name->start = rest.start;
    while (rest.start < rest.end) {
      uint32_t d = rest.at(rest.start++);
      if (d == '[' || d == '.') {
        --rest.start;
        break;
      }
    }
    name->end = rest.start;
    *idx = -1;
  } else if (c == '[') {
    *is_attr = false;
    name->s = rest.s;
    name->start = rest.start;
    bool closed = false;
    while (rest.start < rest.end) {
      if (rest.at(rest.start) == ']') {
        closed = true;
        break;
      }
      ++rest.start;
    }
    if (!closed) {
      err_set_string(&Exc_ValueError, "Missing ']' in format string");
      return 0;
    }
    name->end = rest.start++;
    *idx = sub_integer(*name);
    if (*idx == -1 && err_occurred()) return 0;
  } else {
    err_set_string(&Exc_ValueError,
                   "Only '.' or '[' may follow ']' in format field specifier");
    return 0;
  }
  if (name->start == name->end) {
    err_set_string(&Exc_ValueError, "Empty attribute in format string");
    return 0;
  }
  return 2;
}

Object* get_field_object(const Sub& input, Object* args, Object* kwargs, AutoNumber* autonum) {
  ssize i = input.start;
  while (i < input.end) {
    uint32_t c = input.at(i++);
    if (c == '[' || c == '.') {
      --i;
      break;
    }
  }
  Sub first{input.s, input.start, i};
  Sub rest{input.s, i, input.end};
  ssize index = sub_integer(first);
  if (index == -1 && err_occurred()) return nullptr;
  bool empty = first.empty();
  bool numeric = empty || index != -1;
  if (autonum) {
    if (autonum->state == ANS_INIT && numeric) autonum->state = empty ? ANS_AUTO : ANS_MANUAL;
    if (numeric && autonumber_state_error(autonum->state, empty)) return nullptr;
    if (empty) index = autonum->next++;
  }
  Ref obj;
  if (index == -1) {
    Ref key = Ref::steal(first.to_str());
    if (!key) return nullptr;
    if (!kwargs) {
      err_set(&Exc_KeyError, key.get());
      return nullptr;
    }
    obj = Ref::steal(object_getitem(kwargs, key.get()));
    if (!obj) return nullptr;
  } else {
    if (!args) {
      err_set_string(&Exc_ValueError, "Format string contains positional fields");
      return nullptr;
    }
    if (index >= tuple_size(args)) {
      return err_format(&Exc_IndexError,
                        "Replacement index %zd out of range for positional args tuple", index);
    }
    obj = Ref::borrow(tuple_get_borrowed(args, index));
  }
  bool is_attr;
  ssize idx;
  Sub name{nullptr, 0, 0};
  int ok;
  while ((ok = field_name_next(rest, &is_attr, &idx, &name)) == 2) {
    Ref key = Ref::steal(idx == -1 ? name.to_str() : int_from_ssize(idx));
    if (!key) return nullptr;
    Object* tmp = is_attr ? object_getattr(obj.get(), key.get()) : object_getitem(obj.get(), key.get());
    if (!tmp) return nullptr;
    obj = Ref::steal(tmp);
  }
  if (ok == 0) return nullptr;
  return obj.release();
}

bool build_string(const Sub& input, Object* args, Object* kwargs, int depth, AutoNumber* autonum,
                  std::string& out);

// Append s[start:end] of a str as (generalized) UTF-8.
void append_range_utf8(std::string& out, Object* s, ssize start, ssize end) {
  if (start == 0 && end == str_length(s)) {
    str_append_utf8_lenient(out, s);
    return;
  }
  if (str_is_ascii(s)) {
    out.append(reinterpret_cast<const char*>(str_data1(s)) + start, size_t(end - start));
    return;
  }
  for (ssize i = start; i < end; ++i) utf8_append(out, str_read(s, i));
}

bool output_markup(const Sub& field_name, const Sub& spec, bool spec_needs_expanding,
                   uint32_t conversion, Object* args, Object* kwargs, int depth,
                   AutoNumber* autonum, std::string& out) {
  Ref obj = Ref::steal(get_field_object(field_name, args, kwargs, autonum));
  if (!obj) return false;
  if (conversion) {
    Object* conv;
    switch (conversion) {
      case 'r': conv = object_repr(obj.get()); break;
      case 's': conv = object_str(obj.get()); break;
      case 'a': conv = object_ascii(obj.get()); break;
      default:
        if (conversion > 32 && conversion < 127)
          err_format(&Exc_ValueError, "Unknown conversion specifier %c", char(conversion));
        else
          err_format(&Exc_ValueError, "Unknown conversion specifier \\x%x", unsigned(conversion));
        return false;
    }
    if (!conv) return false;
    obj = Ref::steal(conv);
  }
  Ref spec_str;
  if (spec_needs_expanding) {
    std::string buf;
    if (!build_string(spec, args, kwargs, depth - 1, autonum, buf)) return false;
    spec_str = Ref::steal(str_from_utf8_trusted(buf.data(), ssize(buf.size())));
  } else {
    spec_str = Ref::steal(spec.s ? spec.to_str() : str_empty());
  }
  if (!spec_str) return false;
  if (str_check_exact(obj.get()) && str_length(spec_str.get()) == 0) {
    str_append_utf8_lenient(out, obj.get());
    return true;
  }
  Ref r = Ref::steal(object_format(obj.get(), spec_str.get()));
  if (!r) return false;
  str_append_utf8_lenient(out, r.get());
  return true;
}

// Parse one field starting after '{' at str.start. Fills field_name / spec / conversion.
bool parse_field(Sub& str, Sub* field_name, Sub* spec, bool* needs_expanding, uint32_t* conversion) {
  *conversion = 0;
  *spec = Sub{nullptr, 0, 0};
  field_name->s = str.s;
  field_name->start = str.start;
  uint32_t c = 0;
  while (str.start < str.end) {
    c = str.at(str.start++);
    if (c == '{') {
      err_set_string(&Exc_ValueError, "unexpected '{' in field name");
      return false;
    }
    if (c == '[') {
      for (; str.start < str.end; ++str.start)
        if (str.at(str.start) == ']') break;
      continue;
    }
    if (c == '}' || c == ':' || c == '!') break;
  }
  field_name->end = str.start - 1;
  if (c == '!' || c == ':') {
    if (c == '!') {
      if (str.start >= str.end) {
        err_set_string(&Exc_ValueError, "end of string while looking for conversion specifier");
        return false;
      }
      *conversion = str.at(str.start++);
      if (str.start < str.end) {
        c = str.at(str.start++);
        if (c == '}') return true;
        if (c != ':') {
          err_set_string(&Exc_ValueError, "expected ':' after conversion specifier");
          return false;
        }
      }
    }
    spec->s = str.s;
    spec->start = str.start;
    int count = 1;
    while (str.start < str.end) {
      c = str.at(str.start++);
      if (c == '{') {
        *needs_expanding = true;
        ++count;
      } else if (c == '}') {
        if (--count == 0) {
          spec->end = str.start - 1;
          return true;
        }
      }
    }
    err_set_string(&Exc_ValueError, "unmatched '{' in format spec");
    return false;
  }
  if (c != '}') {
    err_set_string(&Exc_ValueError, "expected '}' before end of string");
    return false;
  }
  // c == '}' as the terminator: but if the loop ran out with c == '}' as last char read... fine.
  return true;
}

bool build_string(const Sub& input, Object* args, Object* kwargs, int depth, AutoNumber* autonum,
                  std::string& out) {
  if (depth <= 0) {
    err_set_string(&Exc_ValueError, "Max string recursion exceeded");
    return false;
  }
  Sub str = input;
  while (str.start < str.end) {
    ssize start = str.start;
    uint32_t c = 0;
    bool markup = false;
    while (str.start < str.end) {
      c = str.at(str.start++);
      if (c == '{' || c == '}') {
        markup = true;
        break;
      }
    }
    bool at_end = str.start >= str.end;
    ssize len = str.start - start;
    if (markup && c == '}' && (at_end || str.at(str.start) != '}')) {
      err_set_string(&Exc_ValueError, "Single '}' encountered in format string");
      return false;
    }
    if (markup && at_end && c == '{') {
      err_set_string(&Exc_ValueError, "Single '{' encountered in format string");
      return false;
    }
    if (markup && !at_end) {
      if (str.at(str.start) == c) {
        ++str.start;  // escaped brace: literal includes one brace
        markup = false;
      } else {
        --len;
      }
    }
    append_range_utf8(out, input.s, start, start + len);
    if (!markup) continue;
    Sub field_name{nullptr, 0, 0}, spec{nullptr, 0, 0};
    bool needs_expanding = false;
    uint32_t conversion = 0;
    if (!parse_field(str, &field_name, &spec, &needs_expanding, &conversion)) return false;
    if (!output_markup(field_name, spec, needs_expanding, conversion, args, kwargs, depth, autonum,
                       out))
      return false;
  }
  return true;
}

Object* do_format(Object* self, Object* args, Object* kwargs) {
  std::string out;
  out.reserve(size_t(str_length(self)) + 16);
  AutoNumber autonum;
  Sub input{self, 0, str_length(self)};
  if (!build_string(input, args, kwargs, 2, &autonum, out)) return nullptr;
  return str_from_utf8_trusted(out.data(), ssize(out.size()));
}

}  // namespace

Object* str_format_meth(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  Ref pos = Ref::steal(tuple_from_array(args, nargs));
  if (!pos) return nullptr;
  Ref kw;
  if (kwnames && tuple_size(kwnames)) {
    kw = Ref::steal(dict_new());
    if (!kw) return nullptr;
    for (ssize i = 0; i < tuple_size(kwnames); ++i)
      if (dict_setitem(kw.get(), tuple_get_borrowed(kwnames, i), args[nargs + i]) < 0)
        return nullptr;
  }
  return do_format(self, pos.get(), kw.get());
}

Object* str_format_map_meth(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (kwnames && tuple_size(kwnames))
    return err_format(&Exc_TypeError, "str.format_map() takes no keyword arguments");
  if (nargs != 1)
    return err_format(&Exc_TypeError, "str.format_map() takes exactly one argument (%zd given)",
                      nargs);
  return do_format(self, nullptr, args[0]);
}

// ================================ % formatting ====================================================

namespace {

enum : int { F_LJUST = 1, F_SIGN = 2, F_BLANK = 4, F_ALT = 8, F_ZERO = 16 };

bool number_check(Object* v) {
  TypeObject* t = type_of(v);
  return t->nb_index || t->nb_int || t->nb_float;
}

// Digits of an int for %d %o %x %X with CPython's _PyUnicode_FormatLong rules (sign, 0x prefix
// when alternate, zero-padding of the digits up to `prec`).
bool format_long(Object* iobj, bool alt, int prec, char type, std::string& out) {
  std::string digits;
  bool neg = false;
  int base = (type == 'o') ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
  if (int_is_small(iobj)) {
    int64_t v = int_small_value(iobj);
    uint64_t u = v < 0 ? 0 - uint64_t(v) : uint64_t(v);
    neg = v < 0;
    const char* dig = type == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
    char buf[72];
    int n = 0;
    do {
      buf[n++] = dig[u % unsigned(base)];
      u /= unsigned(base);
    } while (u);
    while (n) digits.push_back(buf[--n]);
  } else if (base == 10) {
    digits = int_to_decimal(iobj);
    if (!digits.empty() && digits[0] == '-') {
      neg = true;
      digits.erase(0, 1);
    }
  } else {
    Ref s = Ref::steal(int_to_base_string(iobj, base));
    if (!s) return false;
    std::string t(str_view(s.get()));
    if (!t.empty() && t[0] == '-') {
      neg = true;
      t.erase(0, 1);
    }
    digits = t.substr(2);  // drop 0o / 0x
    if (type == 'X')
      for (char& ch : digits) ch = char(toupper(static_cast<unsigned char>(ch)));
  }
  if (neg) out.push_back('-');
  if (alt && base != 10) {
    out.push_back('0');
    out.push_back(type == 'X' ? 'X' : type == 'x' ? 'x' : 'o');
  }
  if (prec > int(digits.size())) out.append(size_t(prec) - digits.size(), '0');
  out += digits;
  return true;
}

bool format_float_pct(Object* v, int prec, int flags, char type, std::string& out) {
  double x;
  if (float_check(v)) {
    x = float_value(v);
  } else {
    x = float_as_double(v);
    if (x == -1.0 && err_occurred()) {
      if (err_matches(&Exc_TypeError)) {
        err_clear();
        err_format(&Exc_TypeError, "must be real number, not %T", v);
      }
      return false;
    }
  }
  if (prec < 0) prec = 6;
  bool upper = type == 'E' || type == 'F' || type == 'G';
  if (std::isnan(x)) {
    out += upper ? "NAN" : "nan";
    return true;
  }
  if (std::isinf(x)) {
    if (x < 0) out.push_back('-');
    out += upper ? "INF" : "inf";
    return true;
  }
  char fmt[16];
  snprintf(fmt, sizeof fmt, "%%%s.%d%c", (flags & F_ALT) ? "#" : "", prec, type);
  int n = snprintf(nullptr, 0, fmt, x);
  std::string buf(size_t(n) + 1, '\0');
  snprintf(buf.data(), buf.size(), fmt, x);
  buf.resize(size_t(n));
  out += buf;
  return true;
}

// The % engine. BYTES: fmt is raw bytes, output raw bytes; else fmt is a str, output UTF-8.
template <bool BYTES>
struct PercentFormatter {
  // format string access
  Object* fmtstr = nullptr;             // str (when !BYTES)
  const unsigned char* fmtb = nullptr;  // bytes (when BYTES)
  ssize fmtlen = 0;
  ssize pos = 0;
  ssize fmtcnt = 0;
  // arguments
  Object* args = nullptr;
  Ref args_owned;
  ssize arglen = 0, argidx = 0;
  Object* dict = nullptr;
  std::string out;

  uint32_t rd(ssize i) const { return BYTES ? fmtb[i] : str_read(fmtstr, i); }

  Object* next_arg() {
    if (argidx < arglen) {
      ssize i = argidx++;
      if (arglen < 0) return args;
      return tuple_get_borrowed(args, i);
    }
    err_set_string(&Exc_TypeError, "not enough arguments for format string");
    return nullptr;
  }

  // Pads and writes a converted piece. `piece` is UTF-8 (str) / bytes; `len` its length in
  // characters; `sign` says the piece is numeric (may carry a sign, zero fill allowed).
  void output(const std::string& piece, ssize len, int flags, ssize width, int prec, uint32_t ch,
              bool sign) {
    ssize pindex = 0;  // byte index into piece (sign/prefix are ASCII)
    if ((width == -1 || width <= len) && (prec == -1 || prec >= len) && !(flags & (F_SIGN | F_BLANK))) {
      out += piece;
      return;
    }
    ssize nbytes = ssize(piece.size());
    if (ch == 's' || ch == 'r' || ch == 'a' || ch == 'b') {
      if (prec >= 0 && len > prec) {
        // truncate to prec characters
        if (BYTES) {
          nbytes = prec;
        } else {
          ssize k = 0, b = 0;
          while (k < prec) {
            unsigned char c0 = static_cast<unsigned char>(piece[size_t(b)]);
            b += c0 < 0x80 ? 1 : c0 < 0xe0 ? 2 : c0 < 0xf0 ? 3 : 4;
            ++k;
          }
          nbytes = b;
        }
        len = prec;
      }
    }
    char signchar = 0;
    if (sign) {
      char c0 = piece.empty() ? 0 : piece[0];
      if (c0 == '-' || c0 == '+') {
        signchar = c0;
        --len;
        ++pindex;
      } else if (flags & F_SIGN) {
        signchar = '+';
      } else if (flags & F_BLANK) {
        signchar = ' ';
      } else {
        sign = false;
      }
    }
    if (width < len) width = len;
    char fill = (sign && (flags & F_ZERO)) ? '0' : ' ';
    // a numeric piece with F_ZERO but no sign still zero-fills (CPython: fill chosen by F_ZERO
    // for numbers: arg->sign is set for all numeric conversions before the sign check above)
    bool numeric = ch == 'd' || ch == 'i' || ch == 'u' || ch == 'o' || ch == 'x' || ch == 'X' ||
                   ch == 'e' || ch == 'E' || ch == 'f' || ch == 'F' || ch == 'g' || ch == 'G';
    if (numeric && (flags & F_ZERO)) fill = '0';
    if (sign) {
      if (fill != ' ') out.push_back(signchar);
      if (width > len) --width;
    }
    bool prefix = (flags & F_ALT) && (ch == 'x' || ch == 'X' || ch == 'o');
    if (prefix) {
      if (fill != ' ') {
        out.append(piece, size_t(pindex), 2);
        pindex += 2;
      }
      width -= 2;
      if (width < 0) width = 0;
      len -= 2;
    }
    if (width > len && !(flags & F_LJUST)) {
      out.append(size_t(width - len), fill);
      width = len;
    }
    if (fill == ' ') {
      if (sign) out.push_back(signchar);
      if (prefix) {
        out.append(piece, size_t(pindex), 2);
        pindex += 2;
      }
    }
    if (nbytes > pindex) out.append(piece, size_t(pindex), size_t(nbytes - pindex));
    if (width > len) out.append(size_t(width - len), ' ');
  }

  // Converts the argument of one specifier. Returns 1 when written directly, 0 with `piece`
  // filled, -1 on error.
  int convert(uint32_t ch, int flags, ssize width, int prec, std::string& piece, ssize* plen,
              bool* sign) {
    Object* v = next_arg();
    if (!v) return -1;
    *sign = false;
    switch (ch) {
      case 's':
      case 'r':
      case 'a':
      case 'b': {
        if (BYTES) {
          if (ch == 'r' || ch == 'a') {
            Ref r = Ref::steal(object_ascii(v));
            if (!r) return -1;
            piece.assign(str_view(r.get()));
          } else {
            if (bytes_check(v) || bytearray_check(v)) {
              ByteView bv;
              if (!get_byte_view(v, &bv)) return -1;
              piece.assign(bv.data, size_t(bv.size));
            } else {
              Object* meth = nullptr;
              int found = object_lookup_attr(v, str_intern_cstr_borrowed("__bytes__"), &meth);
              if (found < 0) return -1;
              if (found && !str_check(v)) {
                Ref m = Ref::steal(meth);
                Ref b = Ref::steal(call0(m.get()));
                if (!b) return -1;
                if (!bytes_check(b.get()))
                  return err_format(&Exc_TypeError, "__bytes__ returned non-bytes (type %T)",
                                    b.get()),
                         -1;
                piece.assign(bytes_view(b.get()));
              } else {
                xdecref(meth);
                ByteView bv;
                if (!str_check(v) && get_byte_view(v, &bv)) {
                  piece.assign(bv.data, size_t(bv.size));
                } else {
                  err_clear();
                  err_format(&Exc_TypeError,
                             "%%b requires a bytes-like object, or an object that implements "
                             "__bytes__, not '%T'",
                             v);
                  return -1;
                }
              }
            }
          }
          *plen = ssize(piece.size());
          return 0;
        }
        if (ch == 'b')
          return err_format(&Exc_ValueError, "unsupported format character 'b' (0x62) at index %zd",
                            pos - 1),
                 -1;
        Ref r;
        if (str_check_exact(v) && ch == 's') r = Ref::borrow(v);
        else if (ch == 's') r = Ref::steal(object_str(v));
        else if (ch == 'r') r = Ref::steal(object_repr(v));
        else r = Ref::steal(object_ascii(v));
        if (!r) return -1;
        piece.clear();
        str_append_utf8_lenient(piece, r.get());
        *plen = str_length(r.get());
        return 0;
      }
      case 'i':
      case 'd':
      case 'u':
      case 'o':
      case 'x':
      case 'X': {
        char type = char(ch);
        if (!number_check(v)) goto wrongtype;
        {
          Ref iobj;
          if (int_check(v)) {
            iobj = Ref::borrow(v);
          } else {
            iobj = Ref::steal((type == 'o' || type == 'x' || type == 'X') ? number_index(v)
                                                                         : number_long(v));
            if (!iobj) {
              if (err_matches(&Exc_TypeError)) {
                err_clear();
                goto wrongtype;
              }
              return -1;
            }
          }
          piece.clear();
          if (!format_long(iobj.get(), flags & F_ALT, prec, type == 'u' || type == 'i' ? 'd' : type,
                           piece))
            return -1;
          *plen = ssize(piece.size());
          *sign = true;
          return 0;
        }
      wrongtype:
        if (type == 'o' || type == 'x' || type == 'X')
          err_format(&Exc_TypeError, "%%%c format: an integer is required, not %T", type, v);
        else
          err_format(&Exc_TypeError, "%%%c format: a real number is required, not %T", type, v);
        return -1;
      }
      case 'e':
      case 'E':
      case 'f':
      case 'F':
      case 'g':
      case 'G':
        piece.clear();
        if (!format_float_pct(v, prec, flags, char(ch), piece)) return -1;
        *plen = ssize(piece.size());
        *sign = true;
        return 0;
      case 'c': {
        uint32_t c;
        if (BYTES) {
          if ((bytes_check(v) || bytearray_check(v))) {
            ByteView bv;
            if (!get_byte_view(v, &bv)) return -1;
            if (bv.size != 1) goto bad_c_bytes;
            c = static_cast<unsigned char>(bv.data[0]);
          } else {
            if (!index_check(v)) goto bad_c_bytes;
            bool ovf = false;
            Ref iv = Ref::steal(number_index(v));
            if (!iv) return -1;
            int64_t x = int_as_i64(iv.get(), &ovf);
            if (ovf || x < 0 || x > 255) {
              err_set_string(&Exc_OverflowError, "%c arg not in range(256)");
              return -1;
            }
            c = uint32_t(x);
          }
          piece.assign(1, char(c));
          *plen = 1;
          return 0;
        bad_c_bytes:
          err_set_string(&Exc_TypeError,
                         "%c requires an integer in range(256) or a single byte");
          return -1;
        }
        if (str_check(v)) {
          if (str_length(v) != 1) goto bad_c;
          c = str_read(v, 0);
        } else {
          if (!index_check(v)) goto bad_c;
          Ref iv = Ref::steal(number_index(v));
          if (!iv) return -1;
          bool ovf = false;
          int64_t x = int_as_i64(iv.get(), &ovf);
          if (ovf || x < 0 || x > 0x10ffff) {
            err_set_string(&Exc_OverflowError, "%c arg not in range(0x110000)");
            return -1;
          }
          c = uint32_t(x);
        }
        piece.clear();
        utf8_append(piece, c);
        *plen = 1;
        return 0;
      bad_c:
        err_set_string(&Exc_TypeError, "%c requires int or char");
        return -1;
      }
      default:
        err_format(&Exc_ValueError, "unsupported format character '%c' (0x%x) at index %zd",
                   (31 <= ch && ch <= 126) ? char(ch) : '?', unsigned(ch), pos - 1);
        return -1;
    }
  }

  bool run(Object* a) {
    args = a;
    if (tuple_check(a)) {
      arglen = tuple_size(a);
      argidx = 0;
    } else {
      arglen = -1;
      argidx = -2;
    }
    if (type_of(a)->getitem && !tuple_check(a) && !str_check(a)) dict = a;
    Ref keep_args;  // owns the current mapping value
    while (pos < fmtlen) {
      uint32_t c = rd(pos);
      if (c != '%') {
        ssize start = pos;
        while (pos < fmtlen && rd(pos) != '%') ++pos;
        if (BYTES) out.append(reinterpret_cast<const char*>(fmtb) + start, size_t(pos - start));
        else append_range_utf8(out, fmtstr, start, pos);
        continue;
      }
      ++pos;  // skip '%'
      fmtcnt = fmtlen - pos;
      if (pos < fmtlen && rd(pos) == '%') {
        out.push_back('%');
        ++pos;
        continue;
      }
      int flags = 0;
      ssize width = -1;
      int prec = -1;
      uint32_t ch = 0;
      // mapping key
      if (pos < fmtlen && rd(pos) == '(') {
        if (!dict) {
          err_set_string(&Exc_TypeError, "format requires a mapping");
          return false;
        }
        ++pos;
        ssize keystart = pos;
        int pcount = 1;
        while (pcount > 0 && pos < fmtlen) {
          uint32_t k = rd(pos);
          if (k == ')') --pcount;
          else if (k == '(') ++pcount;
          ++pos;
        }
        ssize keylen = pos - keystart - 1;
        if (pcount > 0) {
          err_set_string(&Exc_ValueError, "incomplete format key");
          return false;
        }
        Ref key = Ref::steal(BYTES ? bytes_from(reinterpret_cast<const char*>(fmtb) + keystart,
                                                keylen)
                                   : str_substring(fmtstr, keystart, keystart + keylen));
        if (!key) return false;
        Object* val = object_getitem(dict, key.get());
        if (!val) return false;
        keep_args = Ref::steal(val);
        args = val;
        arglen = -1;
        argidx = -2;
      }
      // flags
      bool have = false;
      while (pos < fmtlen) {
        ch = rd(pos++);
        have = true;
        if (ch == '-') flags |= F_LJUST;
        else if (ch == '+') flags |= F_SIGN;
        else if (ch == ' ') flags |= F_BLANK;
        else if (ch == '#') flags |= F_ALT;
        else if (ch == '0') flags |= F_ZERO;
        else break;
        have = false;
      }
      if (!have) {
        err_set_string(&Exc_ValueError, "incomplete format");
        return false;
      }
      bool more = true;  // ch holds an unconsumed character
      auto advance = [&]() {
        if (pos < fmtlen) {
          ch = rd(pos++);
          more = true;
        } else {
          more = false;
        }
      };
      if (ch == '*') {
        Object* v = next_arg();
        if (!v) return false;
        if (!int_check(v)) {
          err_set_string(&Exc_TypeError, "* wants int");
          return false;
        }
        ssize w = int_as_ssize(v);
        if (w == -1 && err_occurred()) return false;
        if (w < 0) {
          flags |= F_LJUST;
          w = -w;
        }
        width = w;
        advance();
      } else if (ch >= '0' && ch <= '9') {
        width = ch - '0';
        for (;;) {
          advance();
          if (!more || ch < '0' || ch > '9') break;
          if (width > (PTRDIFF_MAX - ssize(ch - '0')) / 10) {
            err_set_string(&Exc_ValueError, "width too big");
            return false;
          }
          width = width * 10 + (ch - '0');
        }
      }
      if (more && ch == '.') {
        prec = 0;
        advance();
        if (more && ch == '*') {
          Object* v = next_arg();
          if (!v) return false;
          if (!int_check(v)) {
            err_set_string(&Exc_TypeError, "* wants int");
            return false;
          }
          bool ovf = false;
          int64_t p = int_as_i64(v, &ovf);
          if (ovf || p > INT32_MAX || p < INT32_MIN) {
            err_set_string(&Exc_OverflowError, "Python int too large to convert to C int");
            return false;
          }
          prec = p < 0 ? 0 : int(p);
          advance();
        } else if (more && ch >= '0' && ch <= '9') {
          prec = int(ch - '0');
          for (;;) {
            advance();
            if (!more || ch < '0' || ch > '9') break;
            if (prec > (INT32_MAX - int(ch - '0')) / 10) {
              err_set_string(&Exc_ValueError, "precision too big");
              return false;
            }
            prec = prec * 10 + int(ch - '0');
          }
        }
      }
      if (more && (ch == 'h' || ch == 'l' || ch == 'L')) advance();
      if (!more) {
        err_set_string(&Exc_ValueError, "incomplete format");
        return false;
      }
      std::string piece;
      ssize plen = 0;
      bool sign = false;
      int r = convert(ch, flags, width, prec, piece, &plen, &sign);
      if (r < 0) return false;
      output(piece, plen, flags, width, prec, ch, sign);
      if (dict && argidx < arglen) {
        err_set_string(&Exc_TypeError, BYTES
                                           ? "not all arguments converted during bytes formatting"
                                           : "not all arguments converted during string formatting");
        return false;
      }
    }
    if (argidx < arglen && !dict) {
      err_set_string(&Exc_TypeError, BYTES ? "not all arguments converted during bytes formatting"
                                           : "not all arguments converted during string formatting");
      return false;
    }
    return true;
  }
};

}  // namespace

Object* str_percent_format(Object* format, Object* args) {
  PercentFormatter<false> f;
  f.fmtstr = format;
  f.fmtlen = str_length(format);
  f.out.reserve(size_t(f.fmtlen) + 16);
  if (!f.run(args)) return nullptr;
  return str_from_utf8_trusted(f.out.data(), ssize(f.out.size()));
}

Object* bytes_percent_format(const char* fmt, ssize fmtlen, Object* args, bool bytearray_result) {
  PercentFormatter<true> f;
  f.fmtb = reinterpret_cast<const unsigned char*>(fmt);
  f.fmtlen = fmtlen;
  f.out.reserve(size_t(fmtlen) + 16);
  if (!f.run(args)) return nullptr;
  if (bytearray_result) return bytearray_from(f.out.data(), ssize(f.out.size()));
  return bytes_from(f.out.data(), ssize(f.out.size()));
}

}  // namespace gilpy

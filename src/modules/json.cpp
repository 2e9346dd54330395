// `_json`: the JSON accelerator the json package uses when it exists (CPython's Modules/_json.c,
// re-implemented with CPython 3.12's behaviour and messages).
//
// Module contents: scanstring(s, end, strict=True), encode_basestring_ascii(s),
// encode_basestring(s), and two types, make_scanner (`_json.Scanner`, json.scanner's
// c_make_scanner) and make_encoder (`_json.Encoder`, json.encoder's c_make_encoder).
//
// The decoder works on the str's code points in place (kind 1, 2 or 4): strings without escapes
// become substrings of the document, others are built in a UnitWriter; numbers are converted
// straight from the ASCII digits (int64 when short, int_from_string otherwise, which applies the
// int max-str-digits limit; floats by std::from_chars, correctly rounded). Errors are
// json.decoder.JSONDecodeError(msg, doc, pos) with the C scanner's messages and positions; "no
// value here" is StopIteration(idx), which the Python half turns into "Expecting value".
//
// The encoder appends the whole document to one UnitWriter and returns a 1-tuple holding the str,
// as 3.12's C encoder does. Strings are escaped straight into the writer when the encoder is one of
// this module's encode_basestring functions (the fast path), otherwise the Python encoder is called.
// Unlike 3.12 (like 3.13) the encoder also handles an `indent` str (3.12 accepts and ignores any
// indent; gilpy ignores non-str ones): lib/json/encoder.py uses it
// for one-shot encodes with an indent, where 3.12 runs its pure-Python _make_iterencode. For that
// mode the encoder reproduces what the Python path would observably do: nesting counts against the
// Python recursion limit ("maximum recursion depth exceeded") and a bad key's type is named by its
// __name__.
//
// Objects: Scanner and Encoder hold their configuration (owned references, traversed by the GC,
// immutable after creation); the scanner's key memo is a dict local to one call. Everything runs
// with the GIL held; callbacks (hooks, default, encoder) may run arbitrary code, so containers are
// re-read after every callback and the items being encoded are held by owned references.
#include <charconv>
#include <cmath>
#include <cstring>
#include <string>

#include "core/abstract.h"
#include "core/args.h"
#include "core/error.h"
#include "core/gc.h"
#include "modules/modules.h"
#include "objects/containers.h"
#include "objects/floatobject.h"
#include "objects/intobject.h"
#include "objects/moduleobject.h"
#include "objects/singletons.h"
#include "objects/str_internal.h"
#include "vm/import.h"
#include "vm/state.h"

namespace gilpy {

namespace {

TypeObject ScannerType;
TypeObject EncoderType;

// ---- UnitWriter: a str builder in PEP 393 form ------------------------------------------------
// Code units of width kind_ (1, 2 or 4) in a byte buffer; `maxbound_` is the widest class seen
// (0x7f, 0xff, 0xffff or 0x10ffff), so finish() knows the result's kind and ascii flag without
// another pass. Widening re-encodes what was written so far.
class UnitWriter {
 public:
  void reserve(size_t n) { buf_.reserve(n); }
  void put_ascii(const char* s, size_t n) {
    if (kind_ == 1) {
      buf_.append(s, n);
    } else {
      for (size_t i = 0; i < n; ++i) put_unit(uint8_t(s[i]));
    }
    len_ += ssize(n);
  }
  void put_ascii(char c) {
    if (kind_ == 1) {
      buf_.push_back(c);
      ++len_;
    } else {
      put_char(uint8_t(c));
    }
  }
  void put_char(uint32_t c) {
    note_max(c < 0x80 ? 0x7f : c < 0x100 ? 0xff : c < 0x10000 ? 0xffff : 0x10ffff);
    put_unit(c);
    ++len_;
  }
  // s[start:end], whose code points are bounded by `bound` (a class value as above).
  void put_range(Object* s, ssize start, ssize end, uint32_t bound) {
    if (end <= start) return;
    note_max(bound);
    int sk = str_kind(s);
    const char* src = static_cast<const char*>(str_obj(s)->data()) + start * sk;
    ssize n = end - start;
    if (sk == kind_) {
      buf_.append(src, size_t(n) * size_t(sk));
    } else {
      for (ssize i = 0; i < n; ++i) put_unit(kind_read(sk, src, i));
    }
    len_ += n;
  }
  void put_str(Object* s) { put_range(s, 0, str_length(s), str_max_char_bound(s)); }
  ssize length() const { return len_; }

  Object* finish() {
    if (len_ <= 1) return str_from_kind_data(kind_, buf_.data(), len_);
    Object* r = str_new_uninit(len_, maxbound_);
    if (!r) return nullptr;
    memcpy(str_obj(r)->data(), buf_.data(), buf_.size());
    return r;
  }

 private:
  void note_max(uint32_t bound) {
    if (bound <= maxbound_) return;
    maxbound_ = bound;
    int k = kind_for_maxchar(bound);
    if (k > kind_) widen(k);
  }
  void put_unit(uint32_t c) {
    switch (kind_) {
      case 1: buf_.push_back(char(c)); break;
      case 2: {
        uint16_t u = uint16_t(c);
        buf_.append(reinterpret_cast<const char*>(&u), 2);
        break;
      }
      default: buf_.append(reinterpret_cast<const char*>(&c), 4); break;
    }
  }
  void widen(int k) {
    std::string old;
    old.swap(buf_);
    int ok = kind_;
    kind_ = k;
    buf_.reserve(old.size() * size_t(k / ok) + 64);
    for (ssize i = 0; i < len_; ++i) put_unit(kind_read(ok, old.data(), i));
  }

  std::string buf_;
  ssize len_ = 0;
  int kind_ = 1;
  uint32_t maxbound_ = 0x7f;
};

// ---- errors ------------------------------------------------------------------------------------
// json.decoder.JSONDecodeError(msg, doc, pos) (raise_errmsg in _json.c).
Object* raise_errmsg(const char* msg, Object* doc, ssize pos) {
  Ref mod = Ref::steal(import_module("json.decoder"));
  if (!mod) return nullptr;
  Ref cls = Ref::steal(object_getattr_str(mod.get(), "JSONDecodeError"));
  if (!cls) return nullptr;
  Ref m = Ref::steal(str_from_cstr(msg));
  Ref p = Ref::steal(int_from_ssize(pos));
  if (!m || !p) return nullptr;
  Object* argv[3] = {m.get(), doc, p.get()};
  Ref exc = Ref::steal(call(cls.get(), argv, 3));
  if (exc) err_set_object(exc.get());
  return nullptr;
}

Object* raise_stop_iteration(ssize idx) {
  Ref v = Ref::steal(int_from_ssize(idx));
  if (!v) return nullptr;
  Ref exc = Ref::steal(call1(as_object(&Exc_StopIteration), v.get()));
  if (exc) err_set_object(exc.get());
  return nullptr;
}

// ---- scanstring --------------------------------------------------------------------------------
inline bool is_ws(uint32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

int hex_value(uint32_t c) {
  if (c >= '0' && c <= '9') return int(c - '0');
  if (c >= 'a' && c <= 'f') return int(c - 'a' + 10);
  if (c >= 'A' && c <= 'F') return int(c - 'A' + 10);
  return -1;
}

// Decode the 4 hex digits at s[pos:pos+4] (pos is just after the 'u'); -1 if one is not hex.
template <class T>
int32_t read_hex4(const T* d, ssize pos) {
  int32_t v = 0;
  for (ssize i = pos; i < pos + 4; ++i) {
    int h = hex_value(d[i]);
    if (h < 0) return -1;
    v = (v << 4) | h;
  }
  return v;
}

// The JSON string starting after the quote at s[end-1]: returns the decoded str and sets *next to
// the index after the closing quote (scanstring_unicode).
template <class T>
Object* scanstring_kind(Object* s, const T* d, ssize len, ssize end, bool strict, ssize* next_out) {
  const ssize begin = end - 1;
  UnitWriter w;
  bool used = false;
  for (;;) {
    // Find the end of the string or the next escape, noting the widest character of the run.
    ssize next = end;
    uint32_t c = 0, maxc = 0;
    for (; next < len; ++next) {
      c = d[next];
      if (c == '"' || c == '\\') break;
      if (c <= 0x1f && strict) return raise_errmsg("Invalid control character at", s, next);
      maxc |= c;
    }
    if (next >= len) c = 0;
    if (c == '"' && !used) {
      *next_out = next + 1;
      return str_substring(s, end, next);
    }
    if (c != '"' && c != '\\') return raise_errmsg("Unterminated string starting at", s, begin);
    used = true;
    // maxc is an OR of the run's characters: its class bounds them all.
    w.put_range(s, end, next, maxc < 0x80 ? 0x7f : maxc < 0x100 ? 0xff : maxc < 0x10000 ? 0xffff
                                                                                        : 0x10ffff);
    ++next;
    if (c == '"') {
      end = next;
      break;
    }
    if (next == len) return raise_errmsg("Unterminated string starting at", s, begin);
    c = d[next];
    if (c != 'u') {
      end = next + 1;
      switch (c) {
        case '"': case '\\': case '/': break;
        case 'b': c = '\b'; break;
        case 'f': c = '\f'; break;
        case 'n': c = '\n'; break;
        case 'r': c = '\r'; break;
        case 't': c = '\t'; break;
        default: return raise_errmsg("Invalid \\escape", s, end - 2);
      }
    } else {
      ++next;
      end = next + 4;
      if (end >= len) return raise_errmsg("Invalid \\uXXXX escape", s, next - 1);
      int32_t v = read_hex4(d, next);
      if (v < 0) return raise_errmsg("Invalid \\uXXXX escape", s, end - 5);
      c = uint32_t(v);
      next = end;
      // A high surrogate followed by "\u" and a low surrogate makes one character.
      if (c >= 0xd800 && c <= 0xdbff && end + 6 < len && d[next] == '\\' && d[next + 1] == 'u') {
        int32_t c2 = read_hex4(d, next + 2);
        if (c2 < 0) return raise_errmsg("Invalid \\uXXXX escape", s, end + 1);
        if (c2 >= 0xdc00 && c2 <= 0xdfff) {
          c = 0x10000 + (((c - 0xd800) << 10) | uint32_t(c2 - 0xdc00));
          end += 6;
        }
      }
    }
    w.put_char(c);
  }
  *next_out = end;
  return w.finish();
}

Object* scanstring(Object* s, ssize end, bool strict, ssize* next) {
  ssize len = str_length(s);
  if (end < 0 || len < end) return err_format(&Exc_ValueError, "end is out of bounds");
  switch (str_kind(s)) {
    case 1: return scanstring_kind(s, str_data1(s), len, end, strict, next);
    case 2: return scanstring_kind(s, str_data2(s), len, end, strict, next);
    default: return scanstring_kind(s, str_data4(s), len, end, strict, next);
  }
}

Object* pair_with_index(Object* value, ssize idx) {
  if (!value) return nullptr;
  Ref v = Ref::steal(value);
  Ref i = Ref::steal(int_from_ssize(idx));
  if (!i) return nullptr;
  return tuple_pack(2, v.get(), i.get());
}

bool ssize_arg(Object* o, ssize* out) {
  *out = number_as_ssize(o, &Exc_OverflowError);
  return !(*out == -1 && err_occurred());
}

// scanstring(string, end, strict=True, /)
Object* json_scanstring(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("scanstring", kwnames)) return nullptr;
  if (nargs < 2 || nargs > 3) {  // PyArg_ParseTuple's wording
    return err_format(&Exc_TypeError, "scanstring() takes at %s %d arguments (%zd given)",
                      nargs < 2 ? "least" : "most", nargs < 2 ? 2 : 3, nargs);
  }
  ssize end;
  if (!ssize_arg(args[1], &end)) return nullptr;
  bool strict = true;
  if (nargs > 2 && !bool_arg(args[2], true, &strict)) return nullptr;
  if (!str_check(args[0])) {
    return err_format(&Exc_TypeError, "first argument must be a string, not %.80s",
                      type_of(args[0])->name);
  }
  ssize next = -1;
  Object* r = scanstring(args[0], end, strict, &next);
  return pair_with_index(r, next);
}

// ---- Scanner -----------------------------------------------------------------------------------
struct ScannerObject : Object {
  Object* object_hook;
  Object* object_pairs_hook;
  Object* parse_float;
  Object* parse_int;
  Object* parse_constant;
  bool strict;
};

inline ScannerObject* as_scanner(Object* o) { return static_cast<ScannerObject*>(o); }

// One scan: the document, its code points and the key memo of this call.
template <class T>
struct Scan {
  ScannerObject* sc;
  Object* s;
  const T* d;
  ssize len;
  Object* memo;

  ssize skip_ws(ssize i) const {
    while (i < len && is_ws(d[i])) ++i;
    return i;
  }
  bool matches(ssize i, const char* word) const {
    ssize n = ssize(strlen(word));
    if (i + n > len) return false;
    for (ssize k = 0; k < n; ++k) {
      if (d[i + k] != uint32_t(uint8_t(word[k]))) return false;
    }
    return true;
  }

  Object* constant(const char* name, ssize idx, ssize n, ssize* next) {
    Ref str = Ref::steal(str_from_cstr(name));
    if (!str) return nullptr;
    *next = idx + n;
    return call1(sc->parse_constant, str.get());
  }

  // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)? at idx (_match_number_unicode).
  Object* number(ssize start, ssize* next) {
    ssize idx = start;
    const ssize end_idx = len - 1;
    auto digit = [&](ssize i) { return d[i] >= '0' && d[i] <= '9'; };
    if (d[idx] == '-') {
      ++idx;
      if (idx > end_idx) return raise_stop_iteration(start);
    }
    if (d[idx] >= '1' && d[idx] <= '9') {
      ++idx;
      while (idx <= end_idx && digit(idx)) ++idx;
    } else if (d[idx] == '0') {
      ++idx;
    } else {
      return raise_stop_iteration(start);
    }
    bool is_float = false;
    if (idx < end_idx && d[idx] == '.' && digit(idx + 1)) {
      is_float = true;
      idx += 2;
      while (idx <= end_idx && digit(idx)) ++idx;
    }
    if (idx < end_idx && (d[idx] == 'e' || d[idx] == 'E')) {
      ssize e_start = idx++;
      if (idx < end_idx && (d[idx] == '-' || d[idx] == '+')) ++idx;
      while (idx <= end_idx && digit(idx)) ++idx;
      if (digit(idx - 1)) {
        is_float = true;
      } else {
        idx = e_start;
      }
    }
    *next = idx;
    Object* custom = is_float ? sc->parse_float : sc->parse_int;
    if (custom != (is_float ? as_object(&FloatType) : as_object(&IntType))) {
      Ref numstr = Ref::steal(str_substring(s, start, idx));
      if (!numstr) return nullptr;
      return call1(custom, numstr.get());
    }
    ssize n = idx - start;
    std::string buf(size_t(n), '\0');
    for (ssize i = 0; i < n; ++i) buf[size_t(i)] = char(d[start + i]);
    if (!is_float) {
      if (n <= 18) {
        int64_t v = 0;
        std::from_chars(buf.data(), buf.data() + n, v);
        return int_from_i64(v);
      }
      return int_from_string(buf.data(), n, 10);
    }
    double v = 0;
    auto r = std::from_chars(buf.data(), buf.data() + n, v);
    if (r.ec == std::errc()) return float_from_double(v);
    // Out of range: float() gives inf or a (signed) zero.
    Ref text = Ref::steal(str_from_utf8(buf.data(), n));
    return text ? float_from_string(text.get()) : nullptr;
  }

  Object* object(ssize idx, ssize* next) {
    const bool pairs = sc->object_pairs_hook != None;
    Ref rval = Ref::steal(pairs ? list_new(0) : dict_new());
    if (!rval) return nullptr;
    idx = skip_ws(idx);
    if (idx >= len || d[idx] != '}') {
      for (;;) {
        if (idx >= len || d[idx] != '"') {
          return raise_errmsg("Expecting property name enclosed in double quotes", s, idx);
        }
        ssize after;
        Ref key = Ref::steal(scanstring_kind(s, d, len, idx + 1, sc->strict, &after));
        if (!key) return nullptr;
        Object* memokey = dict_setdefault_borrowed(memo, key.get(), key.get());
        if (!memokey) return nullptr;
        key = Ref::borrow(memokey);
        idx = skip_ws(after);
        if (idx >= len || d[idx] != ':') return raise_errmsg("Expecting ':' delimiter", s, idx);
        idx = skip_ws(idx + 1);
        Ref val = Ref::steal(value(idx, &after));
        if (!val) return nullptr;
        if (pairs) {
          Ref item = Ref::steal(tuple_pack(2, key.get(), val.get()));
          if (!item || list_append(rval.get(), item.get()) < 0) return nullptr;
        } else if (dict_setitem(rval.get(), key.get(), val.get()) < 0) {
          return nullptr;
        }
        idx = skip_ws(after);
        if (idx < len && d[idx] == '}') break;
        if (idx >= len || d[idx] != ',') return raise_errmsg("Expecting ',' delimiter", s, idx);
        idx = skip_ws(idx + 1);
      }
    }
    *next = idx + 1;
    if (pairs) return call1(sc->object_pairs_hook, rval.get());
    if (sc->object_hook != None) return call1(sc->object_hook, rval.get());
    return rval.release();
  }

  Object* array(ssize idx, ssize* next) {
    Ref rval = Ref::steal(list_new(0));
    if (!rval) return nullptr;
    idx = skip_ws(idx);
    if (idx >= len || d[idx] != ']') {
      for (;;) {
        ssize after;
        Ref val = Ref::steal(value(idx, &after));
        if (!val || list_append(rval.get(), val.get()) < 0) return nullptr;
        idx = skip_ws(after);
        if (idx < len && d[idx] == ']') break;
        if (idx >= len || d[idx] != ',') return raise_errmsg("Expecting ',' delimiter", s, idx);
        idx = skip_ws(idx + 1);
      }
    }
    *next = idx + 1;
    return rval.release();
  }

  // Any JSON value at idx (scan_once_unicode).
  Object* value(ssize idx, ssize* next) {
    if (idx < 0) return err_format(&Exc_ValueError, "idx cannot be negative");
    if (idx >= len) return raise_stop_iteration(idx);
    switch (d[idx]) {
      case '"': return scanstring_kind(s, d, len, idx + 1, sc->strict, next);
      case '{': {
        if (!enter_native_recursion(" while decoding a JSON object from a unicode string")) {
          return nullptr;
        }
        Object* r = object(idx + 1, next);
        leave_native_recursion();
        return r;
      }
      case '[': {
        if (!enter_native_recursion(" while decoding a JSON array from a unicode string")) {
          return nullptr;
        }
        Object* r = array(idx + 1, next);
        leave_native_recursion();
        return r;
      }
      case 'n':
        if (matches(idx, "null")) {
          *next = idx + 4;
          return newref(None);
        }
        break;
      case 't':
        if (matches(idx, "true")) {
          *next = idx + 4;
          return newref(True);
        }
        break;
      case 'f':
        if (matches(idx, "false")) {
          *next = idx + 5;
          return newref(False);
        }
        break;
      case 'N':
        if (matches(idx, "NaN")) return constant("NaN", idx, 3, next);
        break;
      case 'I':
        if (matches(idx, "Infinity")) return constant("Infinity", idx, 8, next);
        break;
      case '-':
        if (matches(idx, "-Infinity")) return constant("-Infinity", idx, 9, next);
        break;
    }
    return number(idx, next);
  }
};

template <class T>
Object* scan_once(ScannerObject* sc, Object* s, const T* d, ssize idx, ssize* next) {
  Ref memo = Ref::steal(dict_new());
  if (!memo) return nullptr;
  Scan<T> scan{sc, s, d, str_length(s), memo.get()};
  return scan.value(idx, next);
}

// scanner(string, idx) -> (value, end)
Object* scanner_call(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"string", "idx", nullptr};
  static const ArgSpec spec{"scan_once", names, 2, 2};
  Object* a[2] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  ssize idx;
  if (!ssize_arg(a[1], &idx)) return nullptr;
  Object* s = a[0];
  if (!str_check(s)) {
    return err_format(&Exc_TypeError, "first argument must be a string, not %.80s",
                      type_of(s)->name);
  }
  ScannerObject* sc = as_scanner(self);
  ssize next = -1;
  Object* r;
  switch (str_kind(s)) {
    case 1: r = scan_once(sc, s, str_data1(s), idx, &next); break;
    case 2: r = scan_once(sc, s, str_data2(s), idx, &next); break;
    default: r = scan_once(sc, s, str_data4(s), idx, &next); break;
  }
  return pair_with_index(r, next);
}

// make_scanner(context): reads strict, object_hook, object_pairs_hook, parse_float, parse_int
// and parse_constant from the decoder.
Object* scanner_new(TypeObject* type, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"context", nullptr};
  static const ArgSpec spec{"make_scanner", names, 1, 1};
  Object* a[1] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  Object* ctx = a[0];
  Ref strict = Ref::steal(object_getattr_str(ctx, "strict"));
  if (!strict) return nullptr;
  int st = object_is_true(strict.get());
  if (st < 0) return nullptr;
  Ref fields[5];
  const char* fnames[5] = {"object_hook", "object_pairs_hook", "parse_float", "parse_int",
                           "parse_constant"};
  for (int i = 0; i < 5; ++i) {
    fields[i] = Ref::steal(object_getattr_str(ctx, fnames[i]));
    if (!fields[i]) return nullptr;
  }
  auto* sc = alloc_object<ScannerObject>(type);
  if (!sc) return nullptr;
  sc->strict = st != 0;
  sc->object_hook = fields[0].release();
  sc->object_pairs_hook = fields[1].release();
  sc->parse_float = fields[2].release();
  sc->parse_int = fields[3].release();
  sc->parse_constant = fields[4].release();
  return sc;
}

int scanner_clear(Object* o) {
  auto* sc = as_scanner(o);
  clear_ref(&sc->object_hook);
  clear_ref(&sc->object_pairs_hook);
  clear_ref(&sc->parse_float);
  clear_ref(&sc->parse_int);
  clear_ref(&sc->parse_constant);
  return 0;
}

void scanner_dealloc(Object* o) {
  gc_untrack(o);
  scanner_clear(o);
  object_free(o);
}

int scanner_traverse(Object* o, visitproc visit, void* arg) {
  auto* sc = as_scanner(o);
  for (Object* x : {sc->object_hook, sc->object_pairs_hook, sc->parse_float, sc->parse_int,
                    sc->parse_constant}) {
    if (x) {
      if (int r = visit(x, arg)) return r;
    }
  }
  return 0;
}

const MemberDef kScannerMembers[] = {
    {"strict", MEMBER_BOOL, ssize(offsetof(ScannerObject, strict)), MEMBER_READONLY, nullptr},
    {"object_hook", MEMBER_OBJECT, ssize(offsetof(ScannerObject, object_hook)), MEMBER_READONLY,
     nullptr},
    {"object_pairs_hook", MEMBER_OBJECT, ssize(offsetof(ScannerObject, object_pairs_hook)),
     MEMBER_READONLY, nullptr},
    {"parse_float", MEMBER_OBJECT, ssize(offsetof(ScannerObject, parse_float)), MEMBER_READONLY,
     nullptr},
    {"parse_int", MEMBER_OBJECT, ssize(offsetof(ScannerObject, parse_int)), MEMBER_READONLY,
     nullptr},
    {"parse_constant", MEMBER_OBJECT, ssize(offsetof(ScannerObject, parse_constant)),
     MEMBER_READONLY, nullptr},
    {nullptr, MEMBER_OBJECT, 0, 0, nullptr},
};

// ---- string escaping ---------------------------------------------------------------------------
const char kHex[] = "0123456789abcdef";

void put_u_escape(UnitWriter& w, uint32_t c) {
  char buf[6] = {'\\', 'u', kHex[(c >> 12) & 0xf], kHex[(c >> 8) & 0xf], kHex[(c >> 4) & 0xf],
                 kHex[c & 0xf]};
  w.put_ascii(buf, 6);
}

// The short escape of c ('"', '\\', \b \f \n \r \t), or 0.
inline char short_escape(uint32_t c) {
  switch (c) {
    case '"': return '"';
    case '\\': return '\\';
    case '\b': return 'b';
    case '\f': return 'f';
    case '\n': return 'n';
    case '\r': return 'r';
    case '\t': return 't';
    default: return 0;
  }
}

// Does c need escaping? ensure_ascii: anything outside ' '..'~' and '"', '\\'; otherwise only
// control characters, '"' and '\\'.
inline bool needs_escape(uint32_t c, bool ascii_only) {
  if (c == '"' || c == '\\' || c < 0x20) return true;
  return ascii_only && c > 0x7e;
}

template <class T>
void escape_kind(UnitWriter& w, Object* s, const T* d, ssize n, bool ascii_only) {
  w.put_ascii('"');
  ssize run = 0;  // start of the current run of characters copied as they are
  for (ssize i = 0; i < n; ++i) {
    uint32_t c = d[i];
    if (!needs_escape(c, ascii_only)) continue;
    w.put_range(s, run, i, ascii_only ? 0x7f : str_max_char_bound(s));
    run = i + 1;
    if (char e = short_escape(c)) {
      char buf[2] = {'\\', e};
      w.put_ascii(buf, 2);
    } else if (c >= 0x10000) {
      uint32_t v = c - 0x10000;
      put_u_escape(w, 0xd800 | ((v >> 10) & 0x3ff));
      put_u_escape(w, 0xdc00 | (v & 0x3ff));
    } else {
      put_u_escape(w, c);
    }
  }
  w.put_range(s, run, n, ascii_only ? 0x7f : str_max_char_bound(s));
  w.put_ascii('"');
}

void escape_into(UnitWriter& w, Object* s, bool ascii_only) {
  ssize n = str_length(s);
  switch (str_kind(s)) {
    case 1: escape_kind(w, s, str_data1(s), n, ascii_only); break;
    case 2: escape_kind(w, s, str_data2(s), n, ascii_only); break;
    default: escape_kind(w, s, str_data4(s), n, ascii_only); break;
  }
}

Object* encode_basestring_impl(const char* fname, Object* const* args, ssize nargs,
                               Object* kwnames, bool ascii_only) {
  if (!check_one_arg(fname, nargs, kwnames)) return nullptr;
  Object* s = args[0];
  if (!str_check(s)) {
    return err_format(&Exc_TypeError, "first argument must be a string, not %.80s",
                      type_of(s)->name);
  }
  UnitWriter w;
  w.reserve(size_t(str_length(s)) + 2);
  escape_into(w, s, ascii_only);
  return w.finish();
}

Object* json_encode_basestring_ascii(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  return encode_basestring_impl("encode_basestring_ascii", args, nargs, kwnames, true);
}

Object* json_encode_basestring(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  return encode_basestring_impl("encode_basestring", args, nargs, kwnames, false);
}

// ---- Encoder -----------------------------------------------------------------------------------
enum FastEncode : uint8_t { kNoFastEncode, kFastAscii, kFastUnicode };

struct EncoderObject : Object {
  Object* markers;  // dict or None
  Object* defaultfn;
  Object* encoder;
  Object* indent;  // a str indents; anything else is ignored, as 3.12 ignores every indent
  Object* key_separator;
  Object* item_separator;
  bool sort_keys;
  bool skipkeys;
  bool allow_nan;
  FastEncode fast_encode;
};

inline EncoderObject* as_encoder(Object* o) { return static_cast<EncoderObject*>(o); }

struct Encode {
  EncoderObject* e;
  UnitWriter w;
  bool indented;

  // Nesting guard: C recursion as 3.12's C encoder, plus the Python recursion limit in indent mode
  // (3.12 encodes those with Python generators, one frame per level).
  bool enter() {
    if (indented) {
      ThreadState* ts = tstate();
      if (++ts->recursion_depth > ts->interp->recursion_limit) {
        --ts->recursion_depth;
        err_format(&Exc_RecursionError, "maximum recursion depth exceeded");
        return false;
      }
    }
    if (!enter_native_recursion(" while encoding a JSON object")) {
      if (indented) --tstate()->recursion_depth;
      return false;
    }
    return true;
  }
  void leave() {
    leave_native_recursion();
    if (indented) --tstate()->recursion_depth;
  }

  void newline_indent(ssize level) {
    w.put_ascii('\n');
    for (ssize i = 0; i < level; ++i) w.put_str(e->indent);
  }

  bool string(Object* s) {
    if (e->fast_encode != kNoFastEncode) {
      escape_into(w, s, e->fast_encode == kFastAscii);
      return true;
    }
    Ref r = Ref::steal(call1(e->encoder, s));
    if (!r) return false;
    if (!str_check(r.get())) {
      err_format(&Exc_TypeError, "encoder() must return a string, not %.80s",
                 type_of(r.get())->name);
      return false;
    }
    w.put_str(r.get());
    return true;
  }

  // The text of a float (encoder_encode_float) or an int (int.__repr__), ASCII, into `out`.
  bool float_text(Object* o, std::string& out) {
    double v = float_value(o);
    if (!std::isfinite(v)) {
      if (!e->allow_nan) {
        err_format(&Exc_ValueError, "Out of range float values are not JSON compliant: %R", o);
        return false;
      }
      out = v > 0 ? "Infinity" : v < 0 ? "-Infinity" : "NaN";
      return true;
    }
    out = float_repr_string(v);
    return true;
  }
  static bool int_text(Object* o, std::string& out) {
    if (int_is_small(o)) {
      char buf[24];
      auto r = std::to_chars(buf, buf + sizeof buf, int_small_value(o));
      out.assign(buf, size_t(r.ptr - buf));
      return true;
    }
    Ref r = Ref::steal(IntType.repr(o));  // applies the int max-str-digits limit
    if (!r) return false;
    out = str_view(r.get());
    return true;
  }
  bool number(Object* o) {
    std::string t;
    if (!(float_check(o) ? float_text(o, t) : int_text(o, t))) return false;
    w.put_ascii(t.data(), t.size());
    return true;
  }

  // Marker handling for circular references: returns the marker key (owned) or an empty Ref
  // (markers off); *ok is false on error.
  Ref mark(Object* o, bool* ok) {
    *ok = true;
    if (e->markers == None) return Ref();
    Ref ident = Ref::steal(int_from_u64(uint64_t(reinterpret_cast<uintptr_t>(o))));
    if (!ident) {
      *ok = false;
      return Ref();
    }
    int has = dict_contains(e->markers, ident.get());
    if (has != 0) {
      if (has > 0) err_format(&Exc_ValueError, "Circular reference detected");
      *ok = false;
      return Ref();
    }
    if (dict_setitem(e->markers, ident.get(), o) < 0) {
      *ok = false;
      return Ref();
    }
    return ident;
  }
  bool unmark(const Ref& ident) {
    return !ident || dict_delitem(e->markers, ident.get()) >= 0;
  }

  bool obj(Object* o, ssize level) {
    if (o == None) {
      w.put_ascii("null", 4);
      return true;
    }
    if (o == True) {
      w.put_ascii("true", 4);
      return true;
    }
    if (o == False) {
      w.put_ascii("false", 5);
      return true;
    }
    if (str_check(o)) return string(o);
    if (int_check(o) || float_check(o)) return number(o);
    if (list_check(o) || tuple_check(o)) {
      if (!enter()) return false;
      bool r = list(o, level);
      leave();
      return r;
    }
    if (dict_check(o)) {
      if (!enter()) return false;
      bool r = dict(o, level);
      leave();
      return r;
    }
    bool ok;
    Ref ident = mark(o, &ok);
    if (!ok) return false;
    Ref newobj = Ref::steal(call1(e->defaultfn, o));
    if (!newobj) return false;
    if (!enter()) return false;
    bool r = obj(newobj.get(), level);
    leave();
    return r && unmark(ident);
  }

  bool list(Object* seq, ssize level) {
    auto size = [&] { return list_check(seq) ? list_size(seq) : tuple_size(seq); };
    if (size() == 0) {
      w.put_ascii("[]", 2);
      return true;
    }
    bool ok;
    Ref ident = mark(seq, &ok);
    if (!ok) return false;
    w.put_ascii('[');
    if (indented) newline_indent(++level);
    for (ssize i = 0; i < size(); ++i) {
      Ref item = Ref::borrow(list_check(seq) ? list_items(seq)[i] : tuple_items(seq)[i]);
      if (i > 0) {
        w.put_str(e->item_separator);
        if (indented) newline_indent(level);
      }
      if (!obj(item.get(), level)) return false;
    }
    if (!unmark(ident)) return false;
    if (indented) newline_indent(--level);
    w.put_ascii(']');
    return true;
  }

  bool key_value(Object* key, Object* value, bool* first, ssize level) {
    Ref keystr;
    if (str_check(key)) {
      keystr = Ref::borrow(key);
    } else if (key == True || key == False || key == None) {
      keystr = Ref::steal(str_from_cstr(key == True ? "true" : key == False ? "false" : "null"));
    } else if (float_check(key) || int_check(key)) {
      std::string t;
      if (!(float_check(key) ? float_text(key, t) : int_text(key, t))) return false;
      keystr = Ref::steal(str_from_utf8(t));
    } else if (e->skipkeys) {
      return true;
    } else {
      err_format(&Exc_TypeError, "keys must be str, int, float, bool or None, not %.100s",
                 indented ? type_name(type_of(key)) : type_of(key)->name);
      return false;
    }
    if (!keystr) return false;
    if (*first) {
      *first = false;
    } else {
      w.put_str(e->item_separator);
      if (indented) newline_indent(level);
    }
    if (!string(keystr.get())) return false;
    w.put_str(e->key_separator);
    return obj(value, level);
  }

  bool dict(Object* dct, ssize level) {
    if (dict_size(dct) == 0) {
      w.put_ascii("{}", 2);
      return true;
    }
    bool ok;
    Ref ident = mark(dct, &ok);
    if (!ok) return false;
    w.put_ascii('{');
    if (indented) newline_indent(++level);
    bool first = true;
    if (e->sort_keys || !dict_check_exact(dct)) {
      Ref items;
      if (dict_check_exact(dct)) {
        items = Ref::steal(dict_items_list(dct));
      } else {
        Ref view = Ref::steal(call_method0(dct, "items"));
        if (view) items = Ref::steal(sequence_list(view.get()));
      }
      if (!items) return false;
      if (e->sort_keys && list_sort(items.get(), nullptr, false) < 0) return false;
      for (ssize i = 0; i < list_size(items.get()); ++i) {
        Ref item = Ref::borrow(list_items(items.get())[i]);
        if (!tuple_check(item.get()) || tuple_size(item.get()) != 2) {
          err_format(&Exc_ValueError, "items must return 2-tuples");
          return false;
        }
        if (!key_value(tuple_get_borrowed(item.get(), 0), tuple_get_borrowed(item.get(), 1),
                       &first, level)) {
          return false;
        }
      }
    } else {
      ssize pos = 0;
      Object *k, *v;
      while (dict_next(dct, &pos, &k, &v)) {
        Ref key = Ref::borrow(k), value = Ref::borrow(v);
        if (!key_value(key.get(), value.get(), &first, level)) return false;
      }
    }
    if (!unmark(ident)) return false;
    if (indented) newline_indent(--level);
    w.put_ascii('}');
    return true;
  }
};

// encoder(obj, _current_indent_level) -> (str,)
Object* encoder_call(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"obj", "_current_indent_level", nullptr};
  static const ArgSpec spec{"_iterencode", names, 2, 2};
  Object* a[2] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  ssize level;
  if (!ssize_arg(a[1], &level)) return nullptr;
  EncoderObject* e = as_encoder(self);
  Encode enc{e, UnitWriter(), str_check(e->indent)};
  if (!enc.obj(a[0], level)) return nullptr;
  Ref s = Ref::steal(enc.w.finish());
  if (!s) return nullptr;
  return tuple_pack(1, s.get());
}

// make_encoder(markers, default, encoder, indent, key_separator, item_separator, sort_keys,
//              skipkeys, allow_nan)
Object* encoder_new(TypeObject* type, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"markers",   "default",       "encoder",
                                      "indent",    "key_separator", "item_separator",
                                      "sort_keys", "skipkeys",      "allow_nan",
                                      nullptr};
  static const ArgSpec spec{"make_encoder", names, 9, 9};
  Object* a[9] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  if (a[0] != None && !dict_check(a[0])) {
    return err_format(&Exc_TypeError, "make_encoder() argument 1 must be dict or None, not %.200s",
                      type_of(a[0])->name);
  }
  for (int i : {4, 5}) {
    if (!str_check(a[i])) {
      return err_format(&Exc_TypeError, "make_encoder() argument %d must be str, not %.50s", i + 1,
                        type_name(type_of(a[i])));
    }
  }
  bool flags[3];
  for (int i = 0; i < 3; ++i) {
    if (!bool_arg(a[6 + i], false, &flags[i])) return nullptr;
  }
  auto* e = alloc_object<EncoderObject>(type);
  if (!e) return nullptr;
  e->markers = newref(a[0]);
  e->defaultfn = newref(a[1]);
  e->encoder = newref(a[2]);
  e->indent = newref(a[3]);
  e->key_separator = newref(a[4]);
  e->item_separator = newref(a[5]);
  e->sort_keys = flags[0];
  e->skipkeys = flags[1];
  e->allow_nan = flags[2];
  e->fast_encode = kNoFastEncode;
  if (type_of(a[2]) == &CFunctionType) {
    CFunction fn = static_cast<CFunctionObject*>(a[2])->def->fn;
    if (fn == json_encode_basestring_ascii) e->fast_encode = kFastAscii;
    if (fn == json_encode_basestring) e->fast_encode = kFastUnicode;
  }
  return e;
}

int encoder_clear(Object* o) {
  auto* e = as_encoder(o);
  clear_ref(&e->markers);
  clear_ref(&e->defaultfn);
  clear_ref(&e->encoder);
  clear_ref(&e->indent);
  clear_ref(&e->key_separator);
  clear_ref(&e->item_separator);
  return 0;
}

void encoder_dealloc(Object* o) {
  gc_untrack(o);
  encoder_clear(o);
  object_free(o);
}

int encoder_traverse(Object* o, visitproc visit, void* arg) {
  auto* e = as_encoder(o);
  for (Object* x : {e->markers, e->defaultfn, e->encoder, e->indent, e->key_separator,
                    e->item_separator}) {
    if (x) {
      if (int r = visit(x, arg)) return r;
    }
  }
  return 0;
}

#define ENC_MEMBER(name, field, kind)                                                         \
  {                                                                                           \
    name, kind, ssize(offsetof(EncoderObject, field)), MEMBER_READONLY, nullptr               \
  }
const MemberDef kEncoderMembers[] = {
    ENC_MEMBER("markers", markers, MEMBER_OBJECT),
    ENC_MEMBER("default", defaultfn, MEMBER_OBJECT),
    ENC_MEMBER("encoder", encoder, MEMBER_OBJECT),
    ENC_MEMBER("indent", indent, MEMBER_OBJECT),
    ENC_MEMBER("key_separator", key_separator, MEMBER_OBJECT),
    ENC_MEMBER("item_separator", item_separator, MEMBER_OBJECT),
    ENC_MEMBER("sort_keys", sort_keys, MEMBER_BOOL),
    ENC_MEMBER("skipkeys", skipkeys, MEMBER_BOOL),
    {nullptr, MEMBER_OBJECT, 0, 0, nullptr},
};
#undef ENC_MEMBER

void init_gc_type(TypeObject* t, const char* name, ssize size, destructor dealloc,
                  traverseproc traverse, inquiry clear, newfunc new_, vectorcallfunc callfn,
                  const MemberDef* members, const char* doc) {
  t->ob_type = &TypeType;
  make_immortal(t);
  t->name = name;
  t->basicsize = size;
  t->flags = TPFLAG_HAVE_GC;
  t->dealloc = dealloc;
  t->traverse = traverse;
  t->clear = clear;
  t->new_ = new_;
  t->call = callfn;
  t->members = members;
  t->doc = doc;
}

const MethodDef kJsonMethods[] = {
    {"scanstring", json_scanstring, METH_DEFAULT,
     "scanstring(string, end, strict=True) -> (string, end)\n\nScan the string s for a JSON "
     "string. End is the index of the\ncharacter in s after the quote that started the JSON "
     "string."},
    {"encode_basestring_ascii", json_encode_basestring_ascii, METH_DEFAULT,
     "encode_basestring_ascii(string) -> string\n\nReturn an ASCII-only JSON representation of "
     "a Python string"},
    {"encode_basestring", json_encode_basestring, METH_DEFAULT,
     "encode_basestring(string) -> string\n\nReturn a JSON representation of a Python string"},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

Object* json_module_init() {
  if (!(ScannerType.flags & TPFLAG_READY)) {
    init_gc_type(&ScannerType, "_json.Scanner", sizeof(ScannerObject), scanner_dealloc,
                 scanner_traverse, scanner_clear, scanner_new, scanner_call, kScannerMembers,
                 "JSON scanner object");
    init_gc_type(&EncoderType, "_json.Encoder", sizeof(EncoderObject), encoder_dealloc,
                 encoder_traverse, encoder_clear, encoder_new, encoder_call, kEncoderMembers,
                 "Encoder(markers, default, encoder, indent, key_separator, item_separator, "
                 "sort_keys, skipkeys, allow_nan)");
    if (type_ready(&ScannerType) < 0 || type_ready(&EncoderType) < 0) return nullptr;
  }
  Ref m = Ref::steal(module_new("_json"));
  if (!m || module_add_functions(m.get(), kJsonMethods) < 0 ||
      module_add_object(m.get(), "make_scanner", as_object(&ScannerType)) < 0 ||
      module_add_object(m.get(), "make_encoder", as_object(&EncoderType)) < 0) {
    return nullptr;
  }
  return m.release();
}

}  // namespace gilpy

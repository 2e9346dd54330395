// The `_codecs` module: the codec registry and the codec functions behind lib/codecs.py and the
// `encodings` package (CPython's Python/codecs.c + Modules/_codecsmodule.c, written afresh).
//
//  - The registry: register/unregister search functions, lookup(encoding) -> CodecInfo (cached
//    under the normalised name: ASCII letters/digits and '.' kept lower-cased, every other run of
//    characters one '_'), encode/decode(obj, encoding, errors) through any codec, and the
//    error-handler registry (register_error/lookup_error) preloaded with the built-in handlers
//    strict/ignore/replace/backslashreplace/xmlcharrefreplace/namereplace/surrogateescape/
//    surrogatepass as callables. The `encodings` package is imported by the first registry
//    operation, so its search function comes first as in CPython (which imports it at startup).
//    str.encode/bytes.decode reach the registry for names the built-in codecs do not know
//    (codec_text_encode/decode, declared in objects/codecs.h).
//  - The codec functions: utf_8/utf_16(_le/_be/_ex)/utf_32(...)/latin_1/ascii/charmap/
//    unicode_escape/raw_unicode_escape _encode/_decode returning (result, consumed), with the
//    stateful `final` flag of the incremental decoders; charmap_build.
//  - escape_encode/escape_decode: the bytes-literal escapes (Python 2 `str` pickles).
// State: the search-function list, the lookup cache and the error-handler dict are process-wide
// (one interpreter), created on first use, never freed, and protected by the GIL.
#include <cstring>
#include <string>

#include "core/abstract.h"
#include "core/args.h"
#include "core/error.h"
#include "vm/import.h"
#include "modules/modules.h"
#include "objects/bytesobject.h"
#include "objects/codecs.h"
#include "objects/containers.h"
#include "objects/intobject.h"
#include "objects/memoryobject.h"
#include "objects/moduleobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"

namespace gilpy {

namespace {

// Optional str argument (nullptr: default).
bool str_arg(const char* fname, const char* pname, Object* o, const char** out) {
  if (!o) return true;
  if (!str_check(o)) {
    err_format(&Exc_TypeError, "%s() argument '%s' must be str, not %T", fname, pname, o);
    return false;
  }
  *out = str_as_utf8(o);
  return *out != nullptr;
}

int hex_value(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// DeprecationWarning for the first invalid escape, as PyBytes_DecodeEscape: 0 or -1 (raised
// by an "error" filter).
int warn_invalid_escape(const char* seq, ssize len) {
  std::string text = len == 1 ? "invalid escape sequence '\\" + std::string(seq, 1) + "'"
                              : "invalid octal escape sequence '\\" + std::string(seq, 3) + "'";
  Ref warnings = Ref::steal(import_module("warnings"));
  if (!warnings) return -1;
  Ref warn = Ref::steal(object_getattr_str(warnings.get(), "warn"));
  Ref msg = Ref::steal(str_from_utf8(text));
  if (!warn || !msg) return -1;
  Ref r = Ref::steal(call2(warn.get(), msg.get(), &Exc_DeprecationWarning));
  return r ? 0 : -1;
}

// PyBytes_DecodeEscape: \\ \' \" \a \b \f \n \r \t \v, \<newline>, octal (up to 3 digits,
// truncated to a byte), \xHH; other escapes are kept with their backslash.
Object* decode_escapes(const char* s, ssize n, const char* errors) {
  const char* first_invalid = nullptr;
  ssize invalid_len = 0;
  std::string out;
  out.reserve(size_t(n));
  for (ssize i = 0; i < n;) {
    char c = s[i++];
    if (c != '\\') {
      out.push_back(c);
      continue;
    }
    if (i >= n) return err_format(&Exc_ValueError, "Trailing \\ in string");
    char e = s[i++];
    if (int esc = simple_escape_char(static_cast<unsigned char>(e)); esc >= 0) {
      out.push_back(char(esc));
      continue;
    }
    switch (e) {
      case '\n': break;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        int v = e - '0';
        for (int k = 0; k < 2 && i < n && s[i] >= '0' && s[i] <= '7'; ++k) v = v * 8 + (s[i++] - '0');
        if (v > 0377 && !first_invalid) {
          first_invalid = s + i - 3;
          invalid_len = 3;
        }
        out.push_back(char(v & 0xff));
        break;
      }
      case 'x': {
        int hi = i < n ? hex_value(static_cast<unsigned char>(s[i])) : -1;
        int lo = i + 1 < n ? hex_value(static_cast<unsigned char>(s[i + 1])) : -1;
        if (hi >= 0 && lo >= 0) {
          out.push_back(char(hi * 16 + lo));
          i += 2;
          break;
        }
        // Skip the valid hex digits that are there, as CPython does.
        if (hi >= 0) ++i;
        if (!errors || !strcmp(errors, "strict")) {
          return err_format(&Exc_ValueError, "invalid \\x escape at position %zd", i - 2 - (hi >= 0));
        }
        if (!strcmp(errors, "replace")) {
          out.push_back('?');
        } else if (strcmp(errors, "ignore") != 0) {
          return err_format(&Exc_ValueError,
                            "decoding error; unknown error handling code: %s", errors);
        }
        break;
      }
      default:
        if (!first_invalid) {
          first_invalid = s + i - 1;
          invalid_len = 1;
        }
        out.push_back('\\');
        out.push_back(e);
        break;
    }
  }
  if (first_invalid && warn_invalid_escape(first_invalid, invalid_len) < 0) return nullptr;
  return bytes_from(out.data(), ssize(out.size()));
}

Object* codecs_escape_decode(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"", "", nullptr};
  static const ArgSpec spec{"escape_decode", names, 1, 2};
  Object* a[2];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  const char* errors = nullptr;
  if (a[1] && a[1] != None && !str_arg("escape_decode", "errors", a[1], &errors)) return nullptr;
  Ref decoded;
  ssize consumed;
  if (str_check(a[0])) {
    ssize size;
    const char* u = str_as_utf8(a[0], &size);
    if (!u) return nullptr;
    decoded = Ref::steal(decode_escapes(u, size, errors));
    consumed = size;
  } else {
    BufferView view;
    if (get_buffer(a[0], &view, BUF_SIMPLE) < 0) return nullptr;
    decoded = Ref::steal(decode_escapes(view.buf, view.len, errors));
    consumed = view.len;
    release_buffer(&view);
  }
  if (!decoded) return nullptr;
  Ref count = Ref::steal(int_from_ssize(consumed));
  if (!count) return nullptr;
  return tuple_pack(2, decoded.get(), count.get());
}

Object* codecs_escape_encode(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"", "", nullptr};
  static const ArgSpec spec{"escape_encode", names, 1, 2};
  Object* a[2];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  if (!bytes_check(a[0])) {
    return err_format(&Exc_TypeError, "escape_encode() argument 1 must be bytes, not %T", a[0]);
  }
  ssize n = bytes_size(a[0]);
  std::string out;
  out.reserve(size_t(n));
  bytes_escape_append(out, bytes_data(a[0]), n, '\'');
  Ref encoded = Ref::steal(bytes_from(out.data(), ssize(out.size())));
  Ref count = Ref::steal(int_from_ssize(n));
  if (!encoded || !count) return nullptr;
  return tuple_pack(2, encoded.get(), count.get());
}

// Argument Clinic's "X must be str, not T" (None named as such).
Object* bad_str_argument(const char* what, Object* o) {
  if (o == None) return err_format(&Exc_TypeError, "%s must be str, not None", what);
  return err_format(&Exc_TypeError, "%s must be str, not %T", what, o);
}

// Optional errors argument of the codec functions: str or None ("strict" when absent).
bool errors_arg(const char* fname, int pos, Object* o, const char** out) {
  *out = "strict";
  if (!o || o == None) return true;
  if (!str_check(o)) {
    err_format(&Exc_TypeError, "%s() argument %d must be str or None, not %T", fname, pos, o);
    return false;
  }
  *out = str_as_utf8(o);
  return *out != nullptr;
}

// ---- the registry ---------------------------------------------------------------------------------

Object* g_search_path = nullptr;  // list of search functions
Object* g_search_cache = nullptr; // dict: normalised name -> CodecInfo
Object* g_error_registry = nullptr;  // dict: handler name -> callable
bool g_encodings_imported = false;

bool install_builtin_error_handlers();

// The error-handler registry, created with the built-in handlers on first use.
bool error_registry_ready() {
  if (g_error_registry) return true;
  g_error_registry = dict_new();
  return g_error_registry && install_builtin_error_handlers();
}

// Create the codec registry and import `encodings` (which registers its search function) once.
bool registry_ready() {
  if (!g_search_path) {
    g_search_path = list_new(0);
    g_search_cache = dict_new();
    if (!g_search_path || !g_search_cache) return false;
  }
  if (!g_encodings_imported) {
    g_encodings_imported = true;
    Ref m = Ref::steal(import_module("encodings"));
    if (!m) {
      g_encodings_imported = false;
      return false;
    }
  }
  return true;
}

// CPython's encoding-name normalisation for the registry (see the top comment).
std::string normalize_encoding(std::string_view name) {
  std::string out;
  bool punct = false;
  for (char ch : name) {
    auto c = static_cast<unsigned char>(ch);
    if ((c < 128 && isalnum(c)) || c == '.') {
      if (punct && !out.empty()) out.push_back('_');
      out.push_back(char(tolower(c)));
      punct = false;
    } else {
      punct = true;
    }
  }
  return out;
}

}  // namespace

Object* codec_registry_lookup(Object* encoding) {
  if (!registry_ready()) return nullptr;
  ssize size;
  const char* utf8 = str_as_utf8(encoding, &size);
  if (!utf8) return nullptr;
  if (strlen(utf8) != size_t(size)) return err_format(&Exc_ValueError, "embedded null character");
  Ref key = Ref::steal(str_from_utf8(normalize_encoding(std::string_view(utf8, size_t(size)))));
  if (!key) return nullptr;
  if (Object* hit = dict_get_borrowed(g_search_cache, key.get())) return newref(hit);
  if (err_occurred()) return nullptr;
  Ref funcs = Ref::steal(list_as_tuple(g_search_path));
  if (!funcs) return nullptr;
  for (ssize i = 0; i < tuple_size(funcs.get()); ++i) {
    Ref r = Ref::steal(call1(tuple_get_borrowed(funcs.get(), i), key.get()));
    if (!r) return nullptr;
    if (r.get() == None) continue;
    if (!tuple_check(r.get()) || tuple_size(r.get()) != 4)
      return err_format(&Exc_TypeError, "codec search functions must return 4-tuples");
    if (dict_setitem(g_search_cache, key.get(), r.get()) < 0) return nullptr;
    return r.release();
  }
  return err_format(&Exc_LookupError, "unknown encoding: %s", utf8);
}

void codec_add_note(const char* operation, const char* encoding) {
  Ref exc = Ref::steal(err_fetch());
  if (!exc) return;
  std::string note = std::string(operation) + " with '" + encoding + "' codec failed";
  Ref text = Ref::steal(str_from_utf8(note));
  Ref r = text ? Ref::steal(call_method1(exc.get(), "add_note", text.get())) : Ref();
  err_clear();  // a failing add_note leaves the codec's exception as it was
  err_restore(exc.release());
}

Object* codec_lookup_error_handler(const char* name) {
  if (!error_registry_ready()) return nullptr;
  if (Object* h = dict_get_str_borrowed(g_error_registry, name)) return newref(h);
  if (err_occurred()) return nullptr;
  return err_format(&Exc_LookupError, "unknown error handler name '%s'", name);
}

namespace {

// Look the codec up by a C name; `text_action` ("encode"/"decode") refuses codecs whose CodecInfo
// says they are not text encodings.
Object* lookup_codec(const char* encoding, const char* text_action) {
  Ref name = Ref::steal(str_from_cstr(encoding));
  if (!name) return nullptr;
  Ref info = Ref::steal(codec_registry_lookup(name.get()));
  if (!info || !text_action) return info.release();
  Ref attr = Ref::steal(str_from_cstr("_is_text_encoding"));
  if (!attr) return nullptr;
  Object* found = nullptr;
  if (object_lookup_attr(info.get(), attr.get(), &found) < 0) return nullptr;
  Ref is_text = Ref::steal(found);
  if (is_text) {
    int t = object_is_true(is_text.get());
    if (t < 0) return nullptr;
    if (!t) {
      return err_format(&Exc_LookupError,
                        "'%s' is not a text encoding; use codecs.%s() to handle arbitrary codecs",
                        encoding, text_action);
    }
  }
  return info.release();
}

// info[index](obj[, errors]) -> the first item of the (object, length) tuple it must return.
Object* run_codec(Object* info, int index, Object* obj, const char* encoding, const char* errors) {
  Ref errs;
  if (errors) {
    errs = Ref::steal(str_from_cstr(errors));
    if (!errs) return nullptr;
  }
  Object* args[2] = {obj, errs.get()};
  Ref r = Ref::steal(call(tuple_get_borrowed(info, index), args, errors ? 2 : 1));
  if (!r) {
    codec_add_note(index == 0 ? "encoding" : "decoding", encoding);
    return nullptr;
  }
  if (!tuple_check(r.get()) || tuple_size(r.get()) != 2) {
    return err_format(&Exc_TypeError, index == 0 ? "encoder must return a tuple (object, integer)"
                                                 : "decoder must return a tuple (object,integer)");
  }
  return newref(tuple_get_borrowed(r.get(), 0));
}

}  // namespace

Object* codec_text_encode(Object* str, const char* encoding, const char* errors) {
  Ref info = Ref::steal(lookup_codec(encoding, "encode"));
  if (!info) return nullptr;
  Ref r = Ref::steal(run_codec(info.get(), 0, str, encoding, errors));
  if (!r) return nullptr;
  if (!bytes_check(r.get())) {
    return err_format(&Exc_TypeError,
                      "'%s' encoder returned '%T' instead of 'bytes'; use codecs.encode() to "
                      "encode to arbitrary types",
                      encoding, r.get());
  }
  return r.release();
}

Object* codec_text_decode(const char* data, ssize n, const char* encoding, const char* errors) {
  Ref info = Ref::steal(lookup_codec(encoding, "decode"));
  if (!info) return nullptr;
  Ref b = Ref::steal(bytes_from(data, n));
  if (!b) return nullptr;
  Ref r = Ref::steal(run_codec(info.get(), 1, b.get(), encoding, errors));
  if (!r) return nullptr;
  if (!str_check(r.get())) {
    return err_format(&Exc_TypeError,
                      "'%s' decoder returned '%T' instead of 'str'; use codecs.decode() to "
                      "decode to arbitrary types",
                      encoding, r.get());
  }
  return r.release();
}

namespace {

Object* codecs_register(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("register", nargs, kwnames)) return nullptr;
  if (!callable_check(args[0])) return err_format(&Exc_TypeError, "argument must be callable");
  if (!registry_ready() || list_append(g_search_path, args[0]) < 0) return nullptr;
  return newref(None);
}

Object* codecs_unregister(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("unregister", nargs, kwnames) || !registry_ready()) return nullptr;
  ssize n = list_size(g_search_path);
  for (ssize i = 0; i < n; ++i) {
    if (list_get_borrowed(g_search_path, i) != args[0]) continue;
    Ref rest = Ref::steal(list_new(0));
    if (!rest) return nullptr;
    for (ssize k = 0; k < n; ++k) {
      if (k != i && list_append(rest.get(), list_get_borrowed(g_search_path, k)) < 0) return nullptr;
    }
    Object* old = g_search_path;
    g_search_path = rest.release();
    decref(old);
    dict_clear(g_search_cache);
    break;
  }
  return newref(None);
}

Object* codecs_lookup(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("lookup", nargs, kwnames)) return nullptr;
  if (!str_check(args[0])) return bad_str_argument("lookup() argument", args[0]);
  return codec_registry_lookup(args[0]);
}

Object* codecs_forget_codec(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("_forget_codec", nargs, kwnames)) return nullptr;
  if (!str_check(args[0])) return bad_str_argument("_forget_codec() argument", args[0]);
  if (!registry_ready()) return nullptr;
  Ref key = Ref::steal(str_from_utf8(normalize_encoding(str_view(args[0]))));
  if (!key) return nullptr;
  Ref gone = Ref::steal(dict_pop(g_search_cache, key.get(), None));
  if (!gone) return nullptr;
  return newref(None);
}

// encode(obj, encoding='utf-8', errors='strict') / decode(...): any codec, any object types. The
// codec's function is called without `errors` when it is not given, as in CPython.
template <int Index>
Object* codecs_generic(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  const char* fname = Index == 0 ? "encode" : "decode";
  static const char* const names[] = {"obj", "encoding", "errors", nullptr};
  ArgSpec spec{fname, names, 1, 3};
  Object* a[3];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  const char* encoding = "utf-8";
  const char* errors = nullptr;
  if (!str_arg(fname, "encoding", a[1], &encoding) || !str_arg(fname, "errors", a[2], &errors))
    return nullptr;
  Ref info = Ref::steal(lookup_codec(encoding, nullptr));
  if (!info) return nullptr;
  return run_codec(info.get(), Index, a[0], encoding, errors);
}

Object* codecs_register_error(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("register_error", kwnames) || !check_positional("register_error", nargs, 2, 2))
    return nullptr;
  if (!str_check(args[0])) return bad_str_argument("register_error() argument 1", args[0]);
  if (!callable_check(args[1])) return err_format(&Exc_TypeError, "handler must be callable");
  if (!error_registry_ready() || dict_setitem(g_error_registry, args[0], args[1]) < 0) return nullptr;
  return newref(None);
}

Object* codecs_lookup_error(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("lookup_error", nargs, kwnames)) return nullptr;
  if (!str_check(args[0])) return bad_str_argument("lookup_error() argument", args[0]);
  const char* name = str_as_utf8(args[0]);
  return name ? codec_lookup_error_handler(name) : nullptr;
}

// ---- the built-in error handlers as callables -------------------------------------------------------

enum ExcKind { EXC_ENCODE, EXC_DECODE, EXC_TRANSLATE };

// The kind of Unicode error and its (clamped) start/end and object. TypeError for other objects.
struct UnicodeErrorInfo {
  ExcKind kind;
  ssize start, end;
  Ref object;  // str (encode/translate) or bytes (decode)
};

bool unicode_error_info(Object* exc, UnicodeErrorInfo* info) {
  if (object_type_check(exc, &Exc_UnicodeEncodeError)) info->kind = EXC_ENCODE;
  else if (object_type_check(exc, &Exc_UnicodeDecodeError)) info->kind = EXC_DECODE;
  else if (object_type_check(exc, &Exc_UnicodeTranslateError)) info->kind = EXC_TRANSLATE;
  else {
    err_format(&Exc_TypeError, "don't know how to handle %T in error callback", exc);
    return false;
  }
  info->object = Ref::steal(object_getattr_str(exc, "object"));
  Ref st = Ref::steal(object_getattr_str(exc, "start"));
  Ref en = Ref::steal(object_getattr_str(exc, "end"));
  if (!info->object || !st || !en) return false;
  bool want_bytes = info->kind == EXC_DECODE;
  if (want_bytes ? !bytes_check(info->object.get()) : !str_check(info->object.get())) {
    err_format(&Exc_TypeError, "%s attribute must be %s", "object", want_bytes ? "bytes" : "unicode");
    return false;
  }
  ssize len = want_bytes ? bytes_size(info->object.get()) : str_length(info->object.get());
  info->start = int_as_ssize(st.get());
  info->end = int_as_ssize(en.get());
  if (err_occurred()) return false;
  if (info->start < 0) info->start = 0;
  if (info->start >= len) info->start = len ? len - 1 : 0;
  if (info->end < 1) info->end = 1;
  if (info->end > len) info->end = len;
  return true;
}

Object* handler_result(Object* replacement, ssize end) {
  Ref rep = Ref::steal(replacement);
  Ref pos = Ref::steal(int_from_ssize(end));
  if (!rep || !pos) return nullptr;
  return tuple_pack(2, rep.get(), pos.get());
}

Object* unsupported(Object* exc) {
  return err_format(&Exc_TypeError, "don't know how to handle %T in error callback", exc);
}

Object* strict_errors(Object* exc) {
  if (!object_type_check(exc, &Exc_BaseException))
    return err_format(&Exc_TypeError, "codec must pass exception instance");
  err_set_object(exc);
  return nullptr;
}

Object* ignore_errors(Object* exc) {
  UnicodeErrorInfo e;
  if (!unicode_error_info(exc, &e)) return nullptr;
  return handler_result(str_from_cstr(""), e.end);
}

Object* replace_errors(Object* exc) {
  UnicodeErrorInfo e;
  if (!unicode_error_info(exc, &e)) return nullptr;
  std::u32string rep;
  if (e.kind == EXC_ENCODE) rep.assign(size_t(e.end - e.start), U'?');
  else if (e.kind == EXC_DECODE) rep.assign(1, U'\ufffd');
  else rep.assign(size_t(e.end - e.start), U'\ufffd');
  return handler_result(str_from_ucs4(reinterpret_cast<const uint32_t*>(rep.data()), ssize(rep.size())),
                        e.end);
}

// \xhh, \uhhhh or \Uhhhhhhhh for code point c.
void backslash_escape(std::string& out, uint32_t c) {
  char buf[16];
  snprintf(buf, sizeof buf, c < 0x100 ? "\\x%02x" : c < 0x10000 ? "\\u%04x" : "\\U%08x", c);
  out += buf;
}

Object* backslashreplace_errors(Object* exc) {
  UnicodeErrorInfo e;
  if (!unicode_error_info(exc, &e)) return nullptr;
  std::string out;
  for (ssize i = e.start; i < e.end; ++i) {
    backslash_escape(out, e.kind == EXC_DECODE
                              ? static_cast<unsigned char>(bytes_data(e.object.get())[i])
                              : str_read(e.object.get(), i));
  }
  return handler_result(str_from_utf8(out), e.end);
}

Object* xmlcharrefreplace_errors(Object* exc) {
  UnicodeErrorInfo e;
  if (!unicode_error_info(exc, &e)) return nullptr;
  if (e.kind != EXC_ENCODE) return unsupported(exc);
  std::string out;
  for (ssize i = e.start; i < e.end; ++i) out += "&#" + std::to_string(str_read(e.object.get(), i)) + ";";
  return handler_result(str_from_utf8(out), e.end);
}

// \N{NAME} through unicodedata.name, else (no name) a backslash
// escape.
Object* namereplace_errors(Object* exc) {
  UnicodeErrorInfo e;
  if (!unicode_error_info(exc, &e)) return nullptr;
  if (e.kind != EXC_ENCODE) return unsupported(exc);
  Ref ud = Ref::steal(import_module("unicodedata"));
  if (!ud) return nullptr;
  Ref name_fn = Ref::steal(object_getattr_str(ud.get(), "name"));
  if (!name_fn) return nullptr;
  std::string out;
  for (ssize i = e.start; i < e.end; ++i) {
    Ref ch = Ref::steal(str_from_codepoint(str_read(e.object.get(), i)));
    if (!ch) return nullptr;
    Ref name = Ref::steal(call2(name_fn.get(), ch.get(), None));
    if (!name) return nullptr;
    if (name.get() == None) {
      backslash_escape(out, str_read(e.object.get(), i));
    } else {
      out += "\\N{";
      out += str_view(name.get());
      out += "}";
    }
  }
  return handler_result(str_from_utf8(out), e.end);
}

Object* surrogateescape_errors(Object* exc) {
  UnicodeErrorInfo e;
  if (!unicode_error_info(exc, &e)) return nullptr;
  if (e.kind == EXC_ENCODE) {
    std::string out;
    for (ssize i = e.start; i < e.end; ++i) {
      uint32_t c = str_read(e.object.get(), i);
      if (c < 0xdc80 || c > 0xdcff) return strict_errors(exc);
      out.push_back(char(c - 0xdc00));
    }
    return handler_result(bytes_from(out.data(), ssize(out.size())), e.end);
  }
  if (e.kind != EXC_DECODE) return unsupported(exc);
  // Up to 4 bytes >= 128 from start.
  std::u32string rep;
  const auto* s = reinterpret_cast<const unsigned char*>(bytes_data(e.object.get()));
  for (ssize i = e.start; i < e.end && rep.size() < 4 && s[i] >= 128; ++i) rep.push_back(char32_t(0xdc00 + s[i]));
  if (rep.empty()) return strict_errors(exc);
  return handler_result(str_from_ucs4(reinterpret_cast<const uint32_t*>(rep.data()), ssize(rep.size())),
                        e.start + ssize(rep.size()));
}

// The UTF flavour named by a Unicode error's `encoding`: 8, 16 or 32 bits, and big endian?
// 0 when it is not a UTF encoding.
int utf_flavour(Object* exc, bool* big) {
  Ref enc = Ref::steal(object_getattr_str(exc, "encoding"));
  if (!enc) return -1;
  if (!str_check(enc.get())) return 0;
  std::string n;
  for (char c : str_view(enc.get())) n.push_back(char(tolower(static_cast<unsigned char>(c))));
  if (n.rfind("utf", 0) != 0) return 0;
  n.erase(0, 3);
  if (!n.empty() && (n[0] == '-' || n[0] == '_')) n.erase(0, 1);
  *big = false;
  int bits = n.rfind("8", 0) == 0 ? 8 : n.rfind("16", 0) == 0 ? 16 : n.rfind("32", 0) == 0 ? 32 : 0;
  if (!bits) return 0;
  std::string rest = n.substr(bits == 8 ? 1 : 2);
  if (bits == 8) return rest.empty() ? 8 : 0;
  if (rest == "-be" || rest == "_be" || rest == "be") *big = true;
  else if (!(rest.empty() || rest == "-le" || rest == "_le" || rest == "le")) return 0;
  return bits;
}

Object* surrogatepass_errors(Object* exc) {
  UnicodeErrorInfo e;
  if (!unicode_error_info(exc, &e)) return nullptr;
  if (e.kind == EXC_TRANSLATE) return unsupported(exc);
  bool big = false;
  int bits = utf_flavour(exc, &big);
  if (bits < 0) return nullptr;
  if (bits == 0) return strict_errors(exc);
  if (e.kind == EXC_ENCODE) {
    std::string out;
    for (ssize i = e.start; i < e.end; ++i) {
      uint32_t c = str_read(e.object.get(), i);
      if (c < 0xd800 || c > 0xdfff) return strict_errors(exc);
      if (bits == 8) {
        utf8_append(out, c);
        continue;
      }
      int nb = bits / 8;
      for (int k = 0; k < nb; ++k) out.push_back(char(c >> (8 * (big ? nb - 1 - k : k))));
    }
    return handler_result(bytes_from(out.data(), ssize(out.size())), e.end);
  }
  const auto* s = reinterpret_cast<const unsigned char*>(bytes_data(e.object.get()));
  ssize len = bytes_size(e.object.get());
  int nb = bits == 8 ? 3 : bits / 8;
  uint32_t c = 0;
  if (e.start + nb <= len) {
    if (bits == 8) {
      if ((s[e.start] & 0xf0) == 0xe0 && (s[e.start + 1] & 0xc0) == 0x80 && (s[e.start + 2] & 0xc0) == 0x80)
        c = (uint32_t(s[e.start] & 0x0f) << 12) | (uint32_t(s[e.start + 1] & 0x3f) << 6) | (s[e.start + 2] & 0x3f);
    } else {
      for (int k = 0; k < nb; ++k) c |= uint32_t(s[e.start + k]) << (8 * (big ? nb - 1 - k : k));
    }
  }
  if (c < 0xd800 || c > 0xdfff) return strict_errors(exc);
  return handler_result(str_from_codepoint(c), e.start + nb);
}

#define HANDLER_FN(name)                                                         \
  Object* name##_fn(Object*, Object* const* args, ssize nargs, Object* kwnames) { \
    if (!check_one_arg(#name, nargs, kwnames)) return nullptr;                   \
    return name(args[0]);                                                        \
  }
HANDLER_FN(strict_errors)
HANDLER_FN(ignore_errors)
HANDLER_FN(replace_errors)
HANDLER_FN(xmlcharrefreplace_errors)
HANDLER_FN(backslashreplace_errors)
HANDLER_FN(namereplace_errors)
HANDLER_FN(surrogateescape_errors)
HANDLER_FN(surrogatepass_errors)
#undef HANDLER_FN

// Registered under the name before "_errors"; surrogateescape/surrogatepass keep their names.
const MethodDef kErrorHandlers[] = {
    {"strict_errors", strict_errors_fn, METH_DEFAULT, "Implements the 'strict' error handling."},
    {"ignore_errors", ignore_errors_fn, METH_DEFAULT, "Implements the 'ignore' error handling."},
    {"replace_errors", replace_errors_fn, METH_DEFAULT, "Implements the 'replace' error handling."},
    {"xmlcharrefreplace_errors", xmlcharrefreplace_errors_fn, METH_DEFAULT,
     "Implements the 'xmlcharrefreplace' error handling."},
    {"backslashreplace_errors", backslashreplace_errors_fn, METH_DEFAULT,
     "Implements the 'backslashreplace' error handling."},
    {"namereplace_errors", namereplace_errors_fn, METH_DEFAULT,
     "Implements the 'namereplace' error handling."},
    {"surrogateescape", surrogateescape_errors_fn, METH_DEFAULT, nullptr},
    {"surrogatepass", surrogatepass_errors_fn, METH_DEFAULT, nullptr},
};

bool install_builtin_error_handlers() {
  for (const MethodDef& def : kErrorHandlers) {
    Ref f = Ref::steal(cfunction_new(&def, nullptr, nullptr));
    if (!f) return false;
    std::string name(def.name);
    if (name.size() > 7 && name.compare(name.size() - 7, 7, "_errors") == 0) name.resize(name.size() - 7);
    if (dict_setitem_str(g_error_registry, name.c_str(), f.get()) < 0) return false;
  }
  return true;
}

// ---- the codec functions ------------------------------------------------------------------------

Object* pair(Object* result, ssize consumed) {
  Ref r = Ref::steal(result);
  Ref n = Ref::steal(int_from_ssize(consumed));
  if (!r || !n) return nullptr;
  return tuple_pack(2, r.get(), n.get());
}

// The str argument of an encoder.
bool str_param(const char* fname, Object* o) {
  if (str_check(o)) return true;
  bad_str_argument((std::string(fname) + "() argument 1").c_str(), o);
  return false;
}

// X_encode(str, errors=None) for the built-in codecs; utf_16/utf_32 take byteorder too.
template <int C>
Object* encode_fn(const char* fname, Object* const* args, ssize nargs, Object* kwnames) {
  constexpr bool with_order = C == CODEC_UTF16 || C == CODEC_UTF32;
  if (!check_no_kwargs(fname, kwnames) || !check_positional(fname, nargs, 1, with_order ? 3 : 2))
    return nullptr;
  const char* errors;
  if (!str_param(fname, args[0]) || !errors_arg(fname, 2, nargs > 1 ? args[1] : nullptr, &errors))
    return nullptr;
  int codec = C;
  if (with_order && nargs > 2) {
    int order;
    if (!index_as_int(args[2], &order)) return nullptr;
    if (order < 0) codec = C + 1;       // little endian, no BOM
    else if (order > 0) codec = C + 2;  // big endian, no BOM
  }
  return pair(codec_encode_builtin(args[0], codec, errors), str_length(args[0]));
}

// X_decode(data, errors=None, final=False) for the built-in codecs (no `final` for ASCII and
// Latin-1, whose decoding never waits).
template <int C>
Object* decode_fn(const char* fname, Object* const* args, ssize nargs, Object* kwnames) {
  constexpr bool stateful = C != CODEC_ASCII && C != CODEC_LATIN1;
  if (!check_no_kwargs(fname, kwnames) || !check_positional(fname, nargs, 1, stateful ? 3 : 2))
    return nullptr;
  const char* errors;
  if (!errors_arg(fname, 2, nargs > 1 ? args[1] : nullptr, &errors)) return nullptr;
  bool final = C == CODEC_RAW_UNICODE_ESCAPE;
  if (nargs > 2 && !bool_arg(args[2], false, &final)) return nullptr;
  BufferView view;
  if (C == CODEC_RAW_UNICODE_ESCAPE && str_check(args[0])) {
    ssize n;
    const char* u = str_as_utf8(args[0], &n);
    if (!u) return nullptr;
    ssize consumed;
    Object* r = codec_decode_stateful(C, u, n, errors, final, &consumed, nullptr);
    return pair(r, consumed);
  }
  if (get_buffer(args[0], &view, BUF_SIMPLE) < 0) return nullptr;
  ssize consumed;
  Object* r = codec_decode_stateful(C, view.buf, view.len, errors, final, &consumed, nullptr);
  release_buffer(&view);
  return pair(r, consumed);
}

// utf_16_ex_decode / utf_32_ex_decode(data, errors=None, byteorder=0, final=False)
//   -> (str, consumed, byteorder)
template <int C>
Object* ex_decode_fn(const char* fname, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs(fname, kwnames) || !check_positional(fname, nargs, 1, 4)) return nullptr;
  const char* errors;
  if (!errors_arg(fname, 2, nargs > 1 ? args[1] : nullptr, &errors)) return nullptr;
  int order = 0;
  if (nargs > 2 && !index_as_int(args[2], &order)) return nullptr;
  order = order < 0 ? -1 : order > 0 ? 1 : 0;
  bool final = false;
  if (nargs > 3 && !bool_arg(args[3], false, &final)) return nullptr;
  BufferView view;
  if (get_buffer(args[0], &view, BUF_SIMPLE) < 0) return nullptr;
  ssize consumed;
  Ref r = Ref::steal(codec_decode_stateful(C, view.buf, view.len, errors, final, &consumed, &order));
  release_buffer(&view);
  Ref n = Ref::steal(int_from_ssize(consumed));
  Ref o = Ref::steal(int_from_ssize(order));
  if (!r || !n || !o) return nullptr;
  return tuple_pack(3, r.get(), n.get(), o.get());
}

#define CODEC_FN(name, impl, C)                                                          \
  Object* name(Object*, Object* const* args, ssize nargs, Object* kwnames) {             \
    return impl<C>(#name + 7, args, nargs, kwnames);                                     \
  }
CODEC_FN(codecs_utf_8_encode, encode_fn, CODEC_UTF8)
CODEC_FN(codecs_utf_8_decode, decode_fn, CODEC_UTF8)
CODEC_FN(codecs_ascii_encode, encode_fn, CODEC_ASCII)
CODEC_FN(codecs_ascii_decode, decode_fn, CODEC_ASCII)
CODEC_FN(codecs_latin_1_encode, encode_fn, CODEC_LATIN1)
CODEC_FN(codecs_latin_1_decode, decode_fn, CODEC_LATIN1)
CODEC_FN(codecs_utf_16_encode, encode_fn, CODEC_UTF16)
CODEC_FN(codecs_utf_16_le_encode, encode_fn, CODEC_UTF16LE)
CODEC_FN(codecs_utf_16_be_encode, encode_fn, CODEC_UTF16BE)
CODEC_FN(codecs_utf_16_decode, decode_fn, CODEC_UTF16)
CODEC_FN(codecs_utf_16_le_decode, decode_fn, CODEC_UTF16LE)
CODEC_FN(codecs_utf_16_be_decode, decode_fn, CODEC_UTF16BE)
CODEC_FN(codecs_utf_16_ex_decode, ex_decode_fn, CODEC_UTF16)
CODEC_FN(codecs_utf_32_encode, encode_fn, CODEC_UTF32)
CODEC_FN(codecs_utf_32_le_encode, encode_fn, CODEC_UTF32LE)
CODEC_FN(codecs_utf_32_be_encode, encode_fn, CODEC_UTF32BE)
CODEC_FN(codecs_utf_32_decode, decode_fn, CODEC_UTF32)
CODEC_FN(codecs_utf_32_le_decode, decode_fn, CODEC_UTF32LE)
CODEC_FN(codecs_utf_32_be_decode, decode_fn, CODEC_UTF32BE)
CODEC_FN(codecs_utf_32_ex_decode, ex_decode_fn, CODEC_UTF32)
CODEC_FN(codecs_raw_unicode_escape_encode, encode_fn, CODEC_RAW_UNICODE_ESCAPE)
CODEC_FN(codecs_raw_unicode_escape_decode, decode_fn, CODEC_RAW_UNICODE_ESCAPE)
#undef CODEC_FN

// unicode_escape_encode(str, errors=None)
Object* codecs_unicode_escape_encode(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  const char* fname = "unicode_escape_encode";
  if (!check_no_kwargs(fname, kwnames) || !check_positional(fname, nargs, 1, 2)) return nullptr;
  const char* errors;
  if (!str_param(fname, args[0]) || !errors_arg(fname, 2, nargs > 1 ? args[1] : nullptr, &errors))
    return nullptr;
  return pair(unicode_escape_encode(args[0]), str_length(args[0]));
}

// unicode_escape_decode(data, errors=None, final=True): data is bytes-like or str (its UTF-8).
// The first invalid escape gets a DeprecationWarning.
Object* codecs_unicode_escape_decode(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  const char* fname = "unicode_escape_decode";
  if (!check_no_kwargs(fname, kwnames) || !check_positional(fname, nargs, 1, 3)) return nullptr;
  const char* errors;
  if (!errors_arg(fname, 2, nargs > 1 ? args[1] : nullptr, &errors)) return nullptr;
  bool final = true;
  if (nargs > 2 && !bool_arg(args[2], true, &final)) return nullptr;
  std::string data;
  if (str_check(args[0])) {
    ssize n;
    const char* u = str_as_utf8(args[0], &n);
    if (!u) return nullptr;
    data.assign(u, size_t(n));
  } else {
    ByteView v;
    if (!get_byte_view(args[0], &v)) return nullptr;
    data.assign(v.data, size_t(v.size));
  }
  ssize consumed, bad;
  Ref r = Ref::steal(unicode_escape_decode(data.data(), ssize(data.size()), errors, final, &consumed, &bad));
  if (!r) return nullptr;
  if (bad >= 0) {
    bool octal = data[size_t(bad)] >= '0' && data[size_t(bad)] <= '7';
    if (warn_invalid_escape(data.data() + bad, octal ? 3 : 1) < 0) return nullptr;
  }
  return pair(r.release(), consumed);
}

// charmap_encode(str, errors=None, mapping=None) / charmap_decode(data, errors=None, mapping=None)
Object* codecs_charmap_encode(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  const char* fname = "charmap_encode";
  if (!check_no_kwargs(fname, kwnames) || !check_positional(fname, nargs, 1, 3)) return nullptr;
  const char* errors;
  if (!str_param(fname, args[0]) || !errors_arg(fname, 2, nargs > 1 ? args[1] : nullptr, &errors))
    return nullptr;
  Object* mapping = nargs > 2 ? args[2] : None;
  return pair(charmap_encode(args[0], errors, mapping), str_length(args[0]));
}

Object* codecs_charmap_decode(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  const char* fname = "charmap_decode";
  if (!check_no_kwargs(fname, kwnames) || !check_positional(fname, nargs, 1, 3)) return nullptr;
  const char* errors;
  if (!errors_arg(fname, 2, nargs > 1 ? args[1] : nullptr, &errors)) return nullptr;
  Object* mapping = nargs > 2 ? args[2] : None;
  BufferView view;
  if (get_buffer(args[0], &view, BUF_SIMPLE) < 0) return nullptr;
  Object* r = charmap_decode(view.buf, view.len, errors, mapping);
  ssize n = view.len;
  release_buffer(&view);
  return pair(r, n);
}

// charmap_build(decoding_table) -> {code point: byte} for charmap_encode.
Object* codecs_charmap_build(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("charmap_build", nargs, kwnames)) return nullptr;
  if (!str_check(args[0])) return bad_str_argument("charmap_build() argument", args[0]);
  Ref d = Ref::steal(dict_new());
  if (!d) return nullptr;
  for (ssize i = 0, n = str_length(args[0]); i < n; ++i) {
    uint32_t c = str_read(args[0], i);
    if (c == 0xfffe) continue;
    Ref k = Ref::steal(int_from_ssize(ssize(c)));
    Ref v = Ref::steal(int_from_ssize(i));
    if (!k || !v || dict_setitem(d.get(), k.get(), v.get()) < 0) return nullptr;
  }
  return d.release();
}

const MethodDef kCodecsMethods[] = {
    {"register", codecs_register, METH_DEFAULT, "Register a codec search function."},
    {"unregister", codecs_unregister, METH_DEFAULT, "Unregister a codec search function."},
    {"lookup", codecs_lookup, METH_DEFAULT, "Looks up a codec tuple in the codec registry."},
    {"_forget_codec", codecs_forget_codec, METH_DEFAULT, "Purge the named codec from the cache."},
    {"encode", codecs_generic<0>, METH_DEFAULT,
     "Encodes obj using the codec registered for encoding."},
    {"decode", codecs_generic<1>, METH_DEFAULT,
     "Decodes obj using the codec registered for encoding."},
    {"register_error", codecs_register_error, METH_DEFAULT,
     "Register the specified error handler under the name errors."},
    {"lookup_error", codecs_lookup_error, METH_DEFAULT,
     "Return the error handler for the specified error handling name."},
    {"escape_decode", codecs_escape_decode, METH_DEFAULT, nullptr},
    {"escape_encode", codecs_escape_encode, METH_DEFAULT, nullptr},
    {"utf_8_encode", codecs_utf_8_encode, METH_DEFAULT, nullptr},
    {"utf_8_decode", codecs_utf_8_decode, METH_DEFAULT, nullptr},
    {"ascii_encode", codecs_ascii_encode, METH_DEFAULT, nullptr},
    {"ascii_decode", codecs_ascii_decode, METH_DEFAULT, nullptr},
    {"latin_1_encode", codecs_latin_1_encode, METH_DEFAULT, nullptr},
    {"latin_1_decode", codecs_latin_1_decode, METH_DEFAULT, nullptr},
    {"utf_16_encode", codecs_utf_16_encode, METH_DEFAULT, nullptr},
    {"utf_16_le_encode", codecs_utf_16_le_encode, METH_DEFAULT, nullptr},
    {"utf_16_be_encode", codecs_utf_16_be_encode, METH_DEFAULT, nullptr},
    {"utf_16_decode", codecs_utf_16_decode, METH_DEFAULT, nullptr},
    {"utf_16_le_decode", codecs_utf_16_le_decode, METH_DEFAULT, nullptr},
    {"utf_16_be_decode", codecs_utf_16_be_decode, METH_DEFAULT, nullptr},
    {"utf_16_ex_decode", codecs_utf_16_ex_decode, METH_DEFAULT, nullptr},
    {"utf_32_encode", codecs_utf_32_encode, METH_DEFAULT, nullptr},
    {"utf_32_le_encode", codecs_utf_32_le_encode, METH_DEFAULT, nullptr},
    {"utf_32_be_encode", codecs_utf_32_be_encode, METH_DEFAULT, nullptr},
    {"utf_32_decode", codecs_utf_32_decode, METH_DEFAULT, nullptr},
    {"utf_32_le_decode", codecs_utf_32_le_decode, METH_DEFAULT, nullptr},
    {"utf_32_be_decode", codecs_utf_32_be_decode, METH_DEFAULT, nullptr},
    {"utf_32_ex_decode", codecs_utf_32_ex_decode, METH_DEFAULT, nullptr},
    {"raw_unicode_escape_encode", codecs_raw_unicode_escape_encode, METH_DEFAULT, nullptr},
    {"raw_unicode_escape_decode", codecs_raw_unicode_escape_decode, METH_DEFAULT, nullptr},
    {"unicode_escape_encode", codecs_unicode_escape_encode, METH_DEFAULT, nullptr},
    {"unicode_escape_decode", codecs_unicode_escape_decode, METH_DEFAULT, nullptr},
    {"charmap_encode", codecs_charmap_encode, METH_DEFAULT, nullptr},
    {"charmap_decode", codecs_charmap_decode, METH_DEFAULT, nullptr},
    {"charmap_build", codecs_charmap_build, METH_DEFAULT, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

Object* codecs_module_init() {
  Ref m = Ref::steal(module_new("_codecs"));
  if (!m || module_add_functions(m.get(), kCodecsMethods) < 0) return nullptr;
  return m.release();
}

}  // namespace gilpy

// The `_codecs` module: the codec entry points that pickle needs and that CPython exposes in C.
//
//  - encode(obj, encoding='utf-8', errors='strict') / decode(obj, encoding='utf-8',
//    errors='strict'): str <-> bytes through gilpy's built-in codecs (objects/codecs.cpp, the
//    same ones str.encode and bytes.decode use). Pickles of bytes made with protocols 0-2 call
//    `_codecs.encode(text, 'latin1')`, so the function must live in this module under this name.
//  - escape_encode(bytes, errors=None) -> (bytes, consumed) and escape_decode(data,
//    errors=None) -> (bytes, consumed): the bytes-literal escapes (CPython's
//    PyBytes_Repr-without-quotes and PyBytes_DecodeEscape), used by the Unpickler's STRING
//    opcode (Python 2 `str` pickles). Invalid escapes are kept verbatim with a
//    DeprecationWarning for the first one, as in CPython.
// No state: every function works on its arguments only.
#include <cstring>
#include <string>

#include "core/abstract.h"
#include "core/args.h"
#include "core/error.h"
#include "vm/import.h"
#include "modules/modules.h"
#include "objects/bytesobject.h"
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

Object* codecs_encode(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"obj", "encoding", "errors", nullptr};
  static const ArgSpec spec{"encode", names, 1, 3};
  Object* a[3];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  const char* encoding = "utf-8";
  const char* errors = "strict";
  if (!str_arg("encode", "encoding", a[1], &encoding) || !str_arg("encode", "errors", a[2], &errors))
    return nullptr;
  if (!str_check(a[0])) {
    return err_format(&Exc_TypeError, "encode() argument 'obj' must be str, not %T", a[0]);
  }
  return str_encode(a[0], encoding, errors);
}

Object* codecs_decode(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"obj", "encoding", "errors", nullptr};
  static const ArgSpec spec{"decode", names, 1, 3};
  Object* a[3];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  const char* encoding = "utf-8";
  const char* errors = "strict";
  if (!str_arg("decode", "encoding", a[1], &encoding) || !str_arg("decode", "errors", a[2], &errors))
    return nullptr;
  BufferView view;
  if (get_buffer(a[0], &view, BUF_SIMPLE) < 0) return nullptr;
  Object* r = str_decode(view.buf, view.len, encoding, errors);
  release_buffer(&view);
  return r;
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
    switch (e) {
      case '\n': break;
      case '\\': out.push_back('\\'); break;
      case '\'': out.push_back('\''); break;
      case '"': out.push_back('"'); break;
      case 'b': out.push_back('\b'); break;
      case 'f': out.push_back('\f'); break;
      case 't': out.push_back('\t'); break;
      case 'n': out.push_back('\n'); break;
      case 'r': out.push_back('\r'); break;
      case 'v': out.push_back('\v'); break;
      case 'a': out.push_back('\a'); break;
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
  const auto* s = reinterpret_cast<const unsigned char*>(bytes_data(a[0]));
  ssize n = bytes_size(a[0]);
  std::string out;
  out.reserve(size_t(n));
  static const char hex[] = "0123456789abcdef";
  for (ssize i = 0; i < n; ++i) {
    unsigned char c = s[i];
    if (c == '\'' || c == '\\') {
      out.push_back('\\');
      out.push_back(char(c));
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < ' ' || c >= 0x7f) {
      out += "\\x";
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
    } else {
      out.push_back(char(c));
    }
  }
  Ref encoded = Ref::steal(bytes_from(out.data(), ssize(out.size())));
  Ref count = Ref::steal(int_from_ssize(n));
  if (!encoded || !count) return nullptr;
  return tuple_pack(2, encoded.get(), count.get());
}

const MethodDef kCodecsMethods[] = {
    {"encode", codecs_encode, METH_DEFAULT,
     "Encodes obj using the codec registered for encoding."},
    {"decode", codecs_decode, METH_DEFAULT,
     "Decodes obj using the codec registered for encoding."},
    {"escape_decode", codecs_escape_decode, METH_DEFAULT, nullptr},
    {"escape_encode", codecs_escape_encode, METH_DEFAULT, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

Object* codecs_module_init() {
  Ref m = Ref::steal(module_new("_codecs"));
  if (!m || module_add_functions(m.get(), kCodecsMethods) < 0) return nullptr;
  return m.release();
}

}  // namespace gilpy

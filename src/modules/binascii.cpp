// The `binascii` module: conversions between binary data and ASCII encodings (CPython's
// Modules/binascii.c behaviour, written afresh).
//
//  - hexlify/b2a_hex (sep, bytes_per_sep), unhexlify/a2b_hex
//  - b2a_base64 (newline), a2b_base64 (strict_mode)
//  - b2a_uu (backtick), a2b_uu
//  - b2a_qp (quotetabs, istext, header), a2b_qp (header)
//  - crc32 (zlib's), crc_hqx (CRC-CCITT, polynomial 0x1021)
//  - the exceptions Error (a ValueError) and Incomplete.
// The a2b_* functions take bytes-like objects or ASCII-only str (CPython's ascii_buffer_converter);
// the b2a_* ones take any bytes-like object. Error and Incomplete are created once and live for
// the process (like the other modules' exception types); there is no other state.
#include <gmp.h>
#include <zlib.h>

#include <climits>
#include <cstring>
#include <string>

#include "core/abstract.h"
#include "core/args.h"
#include "core/error.h"
#include "modules/modules.h"
#include "objects/bytesobject.h"
#include "objects/containers.h"
#include "objects/intobject.h"
#include "objects/moduleobject.h"
#include "objects/singletons.h"
#include "objects/str_internal.h"
#include "objects/strobject.h"

namespace gilpy {

namespace {

Object* g_error = nullptr;       // binascii.Error (subclass of ValueError)
Object* g_incomplete = nullptr;  // binascii.Incomplete (subclass of Exception)

Object* raise_error(const char* msg) {
  err_set_string(reinterpret_cast<TypeObject*>(g_error), msg);
  return nullptr;
}

// The data of an a2b_* argument: a bytes-like object or an ASCII-only str.
struct AsciiInput {
  ByteView view;
  bool init(Object* o) {
    if (str_check(o)) {
      if (!str_obj(o)->ascii) {
        err_set_string(&Exc_ValueError, "string argument should contain only ASCII characters");
        return false;
      }
      view.data = static_cast<const char*>(str_obj(o)->data());
      view.size = str_length(o);
      return true;
    }
    if (!get_byte_view(o, &view)) {
      err_clear();
      err_format(&Exc_TypeError, "argument should be bytes, buffer or ASCII string, not '%T'", o);
      return false;
    }
    return true;
  }
  const unsigned char* data() const { return reinterpret_cast<const unsigned char*>(view.data); }
  ssize size() const { return view.size; }
};

int hex_digit(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

const char kHexLower[] = "0123456789abcdef";
const char kHexUpper[] = "0123456789ABCDEF";

// ---- hex ----------------------------------------------------------------------------------------

Object* hexlify_impl(const char* fname, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"data", "sep", "bytes_per_sep", nullptr};
  ArgSpec spec{fname, names, 1, 3};
  Object* a[3];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  ByteView v;
  if (!get_byte_view(a[0], &v)) return nullptr;
  // As CPython's _Py_strhex for bytes results: a str separator must fit in Latin-1, a bytes
  // one may be any byte, other objects of length 1 are refused.
  char sep = 0;
  if (a[1] && a[1] != None) {
    ssize seplen = object_length(a[1]);
    if (seplen < 0) return nullptr;
    if (seplen != 1) return err_format(&Exc_ValueError, "sep must be length 1.");
    if (str_check(a[1])) {
      uint32_t c = str_read(a[1], 0);
      if (c > 255) return err_format(&Exc_ValueError, "sep must be ASCII.");
      sep = char(c);
    } else if (bytes_check(a[1])) {
      sep = bytes_data(a[1])[0];
    } else {
      return err_format(&Exc_TypeError, "sep must be str or bytes.");
    }
  }
  int per = 1;
  if (a[2] && !index_as_int(a[2], &per)) return nullptr;
  ssize absper = per < 0 ? -ssize(per) : per;
  ssize nsep = (sep && absper && v.size) ? (v.size - 1) / absper : 0;
  Object* r = bytes_new_uninit(v.size * 2 + nsep);
  if (!r) return nullptr;
  char* out = bytes_data(r);
  for (ssize i = 0; i < v.size; ++i) {
    // Groups are counted from the right when bytes_per_sep > 0, from the left when < 0.
    if (nsep && i > 0 && (per > 0 ? (v.size - i) % absper == 0 : i % absper == 0)) *out++ = sep;
    unsigned char c = static_cast<unsigned char>(v.data[i]);
    *out++ = kHexLower[c >> 4];
    *out++ = kHexLower[c & 15];
  }
  return r;
}

Object* ba_hexlify(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  return hexlify_impl("hexlify", args, nargs, kwnames);
}

Object* ba_b2a_hex(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  return hexlify_impl("b2a_hex", args, nargs, kwnames);
}

Object* unhexlify_impl(const char* fname, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg(fname, nargs, kwnames)) return nullptr;
  AsciiInput in;
  if (!in.init(args[0])) return nullptr;
  if (in.size() % 2) return raise_error("Odd-length string");
  Ref r = Ref::steal(bytes_new_uninit(in.size() / 2));
  if (!r) return nullptr;
  char* out = bytes_data(r.get());
  const unsigned char* s = in.data();
  for (ssize i = 0; i < in.size(); i += 2) {
    int hi = hex_digit(s[i]), lo = hex_digit(s[i + 1]);
    if (hi < 0 || lo < 0) return raise_error("Non-hexadecimal digit found");
    *out++ = char(hi * 16 + lo);
  }
  return r.release();
}

Object* ba_unhexlify(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  return unhexlify_impl("binascii.unhexlify", args, nargs, kwnames);
}

Object* ba_a2b_hex(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  return unhexlify_impl("binascii.a2b_hex", args, nargs, kwnames);
}

// ---- base64 -------------------------------------------------------------------------------------

const char kB64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int b64_value(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

Object* ba_b2a_base64(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"", "newline", nullptr};
  static const ArgSpec spec{"b2a_base64", names, 1, 1};
  Object* a[2];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  bool newline;
  if (!bool_arg(a[1], true, &newline)) return nullptr;
  ByteView v;
  if (!get_byte_view(a[0], &v)) return nullptr;
  const auto* s = reinterpret_cast<const unsigned char*>(v.data);
  std::string out;
  out.reserve(size_t((v.size + 2) / 3 * 4 + 1));
  ssize i = 0;
  for (; i + 3 <= v.size; i += 3) {
    uint32_t w = (uint32_t(s[i]) << 16) | (uint32_t(s[i + 1]) << 8) | s[i + 2];
    out.push_back(kB64[w >> 18]);
    out.push_back(kB64[(w >> 12) & 63]);
    out.push_back(kB64[(w >> 6) & 63]);
    out.push_back(kB64[w & 63]);
  }
  if (v.size - i == 1) {
    out.push_back(kB64[s[i] >> 2]);
    out.push_back(kB64[(s[i] & 3) << 4]);
    out += "==";
  } else if (v.size - i == 2) {
    out.push_back(kB64[s[i] >> 2]);
    out.push_back(kB64[((s[i] & 3) << 4) | (s[i + 1] >> 4)]);
    out.push_back(kB64[(s[i + 1] & 15) << 2]);
    out.push_back('=');
  }
  if (newline) out.push_back('\n');
  return bytes_from(out.data(), ssize(out.size()));
}

// Decoding: characters outside the alphabet are skipped (an error in strict mode); a quad ends at
// its padding, which stops the decoding once it completes the quad.
Object* ba_a2b_base64(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"", "strict_mode", nullptr};
  static const ArgSpec spec{"a2b_base64", names, 1, 1};
  Object* a[2];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  bool strict;
  if (!bool_arg(a[1], false, &strict)) return nullptr;
  AsciiInput in;
  if (!in.init(a[0])) return nullptr;
  const unsigned char* s = in.data();
  ssize n = in.size();
  if (strict && n > 0 && s[0] == '=') return raise_error("Leading padding not allowed");
  std::string out;
  out.reserve(size_t(n / 4 * 3 + 3));
  int quad = 0, pads = 0;
  unsigned left = 0;
  bool padding_started = false;
  for (ssize i = 0; i < n; ++i) {
    unsigned char c = s[i];
    if (c == '=') {
      padding_started = true;
      if (quad >= 2 && quad + ++pads >= 4) {
        if (strict && i + 1 < n) return raise_error("Excess data after padding");
        return bytes_from(out.data(), ssize(out.size()));
      }
      continue;
    }
    int v = b64_value(c);
    if (v < 0) {
      if (strict) return raise_error("Only base64 data is allowed");
      continue;
    }
    if (strict && padding_started) return raise_error("Discontinuous padding not allowed");
    pads = 0;
    switch (quad) {
      case 0: left = unsigned(v); quad = 1; break;
      case 1: out.push_back(char((left << 2) | unsigned(v >> 4))); left = unsigned(v) & 15; quad = 2; break;
      case 2: out.push_back(char((left << 4) | unsigned(v >> 2))); left = unsigned(v) & 3; quad = 3; break;
      default: out.push_back(char((left << 6) | unsigned(v))); quad = 0; break;
    }
  }
  if (quad == 1) {
    return err_format(reinterpret_cast<TypeObject*>(g_error),
                      "Invalid base64-encoded string: number of data characters (%zd) cannot be "
                      "1 more than a multiple of 4",
                      ssize(out.size()) / 3 * 4 + 1);
  }
  if (quad != 0) return raise_error("Incorrect padding");
  return bytes_from(out.data(), ssize(out.size()));
}

// ---- uu -----------------------------------------------------------------------------------------

Object* ba_b2a_uu(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"", "backtick", nullptr};
  static const ArgSpec spec{"b2a_uu", names, 1, 1};
  Object* a[2];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  bool backtick;
  if (!bool_arg(a[1], false, &backtick)) return nullptr;
  ByteView v;
  if (!get_byte_view(a[0], &v)) return nullptr;
  if (v.size > 45) return raise_error("At most 45 bytes at once");
  auto enc = [&](unsigned x) { return char(backtick && x == 0 ? '`' : ' ' + x); };
  std::string out;
  out.push_back(enc(unsigned(v.size)));
  const auto* s = reinterpret_cast<const unsigned char*>(v.data);
  for (ssize i = 0; i < v.size; i += 3) {
    uint32_t w = uint32_t(s[i]) << 16;
    if (i + 1 < v.size) w |= uint32_t(s[i + 1]) << 8;
    if (i + 2 < v.size) w |= s[i + 2];
    for (int k = 18; k >= 0; k -= 6) out.push_back(enc((w >> k) & 63));
  }
  out.push_back('\n');
  return bytes_from(out.data(), ssize(out.size()));
}

// The first character gives the length; missing characters at the end of the line count as
// zeros (some encoders strip trailing spaces); anything after the data must be whitespace.
Object* ba_a2b_uu(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("binascii.a2b_uu", nargs, kwnames)) return nullptr;
  AsciiInput in;
  if (!in.init(args[0])) return nullptr;
  const unsigned char* s = in.data();
  ssize n = in.size();
  // An empty line reads as a NUL length character (CPython reads the buffer's terminator).
  unsigned char lenchar = n > 0 ? s[0] : 0;
  ssize pos = n > 0 ? 1 : 0;
  ssize bin_len = (lenchar - ' ') & 63;
  std::string out;
  out.reserve(size_t(bin_len));
  uint32_t acc = 0;
  int bits = 0;
  while (ssize(out.size()) < bin_len) {
    unsigned char c = pos < n ? s[pos] : 0;
    unsigned v = 0;
    if (pos < n && c != '\n' && c != '\r') {
      if (c < ' ' || c > ' ' + 64) return raise_error("Illegal char");
      v = (c - ' ') & 63;
    }
    ++pos;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(char((acc >> bits) & 0xff));
      acc &= (1u << bits) - 1;
    }
  }
  for (; pos < n; ++pos) {
    unsigned char c = s[pos];
    if (c != ' ' && c != ' ' + 64 && c != '\n' && c != '\r') return raise_error("Trailing garbage");
  }
  return bytes_from(out.data(), ssize(out.size()));
}

// ---- quoted-printable ---------------------------------------------------------------------------

constexpr ssize kMaxLineSize = 76;

Object* ba_a2b_qp(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"data", "header", nullptr};
  static const ArgSpec spec{"a2b_qp", names, 1, 2};
  Object* a[2];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  bool header;
  if (!bool_arg(a[1], false, &header)) return nullptr;
  AsciiInput in;
  if (!in.init(a[0])) return nullptr;
  const unsigned char* s = in.data();
  ssize n = in.size();
  std::string out;
  out.reserve(size_t(n));
  for (ssize i = 0; i < n;) {
    unsigned char c = s[i];
    if (c == '=') {
      if (++i >= n) break;
      if (s[i] == '\n' || s[i] == '\r') {  // soft line break: skip to after the '\n'
        while (i < n && s[i] != '\n') ++i;
        if (i < n) ++i;
      } else if (s[i] == '=') {  // "==" from broken encoders
        out.push_back('=');
        ++i;
      } else if (i + 1 < n && hex_digit(s[i]) >= 0 && hex_digit(s[i + 1]) >= 0) {
        out.push_back(char(hex_digit(s[i]) * 16 + hex_digit(s[i + 1])));
        i += 2;
      } else {
        out.push_back('=');
      }
    } else if (header && c == '_') {
      out.push_back(' ');
      ++i;
    } else {
      out.push_back(char(c));
      ++i;
    }
  }
  return bytes_from(out.data(), ssize(out.size()));
}

Object* ba_b2a_qp(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"data", "quotetabs", "istext", "header", nullptr};
  static const ArgSpec spec{"b2a_qp", names, 1, 4};
  Object* a[4];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  bool quotetabs, istext, header;
  if (!bool_arg(a[1], false, &quotetabs) || !bool_arg(a[2], true, &istext) ||
      !bool_arg(a[3], false, &header))
    return nullptr;
  ByteView v;
  if (!get_byte_view(a[0], &v)) return nullptr;
  const auto* s = reinterpret_cast<const unsigned char*>(v.data);
  ssize n = v.size;
  // Line endings follow the first line's: "\r\n" if it ends so, else "\n".
  const void* nl = memchr(s, '\n', size_t(n));
  bool crlf = nl && nl != s && static_cast<const unsigned char*>(nl)[-1] == '\r';
  std::string out;
  out.reserve(size_t(n));
  ssize linelen = 0;
  auto soft_break = [&] {
    out.push_back('=');
    if (crlf) out.push_back('\r');
    out.push_back('\n');
    linelen = 0;
  };
  auto put_hex = [&](unsigned char c) {
    out.push_back(kHexUpper[c >> 4]);
    out.push_back(kHexUpper[c & 15]);
  };
  for (ssize i = 0; i < n;) {
    unsigned char c = s[i];
    bool last = i + 1 == n;
    bool quote =
        c > 126 || c == '=' || (header && c == '_') ||
        (c == '.' && linelen == 0 &&
         (last || s[i + 1] == '\n' || s[i + 1] == '\r' || s[i + 1] == 0)) ||
        (!istext && (c == '\r' || c == '\n')) || ((c == '\t' || c == ' ') && last) ||
        (c < 33 && c != '\r' && c != '\n' && (quotetabs || (c != '\t' && c != ' ')));
    if (quote) {
      if (linelen + 3 >= kMaxLineSize) soft_break();
      out.push_back('=');
      put_hex(c);
      ++i;
      linelen += 3;
    } else if (istext && (c == '\n' || (!last && c == '\r' && s[i + 1] == '\n'))) {
      linelen = 0;
      // Whitespace at the end of a line is protected by quoting it.
      if (!out.empty() && (out.back() == ' ' || out.back() == '\t')) {
        unsigned char w = static_cast<unsigned char>(out.back());
        out.back() = '=';
        put_hex(w);
      }
      if (crlf) out.push_back('\r');
      out.push_back('\n');
      i += c == '\r' ? 2 : 1;
    } else {
      if (!last && s[i + 1] != '\n' && linelen + 1 >= kMaxLineSize) soft_break();
      ++linelen;
      out.push_back(header && c == ' ' ? '_' : char(c));
      ++i;
    }
  }
  return bytes_from(out.data(), ssize(out.size()));
}

// ---- checksums ----------------------------------------------------------------------------------

// CPython's "unsigned int bitmask" converter: the low 32 bits of any int.
bool bitmask_arg(Object* o, uint32_t* out) {
  if (!int_check(o))
    return err_format(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", o), false;
  mpz_t t;
  mpz_init(t);
  int_to_mpz(o, t);
  mpz_fdiv_r_2exp(t, t, 32);
  *out = uint32_t(mpz_get_ui(t));
  mpz_clear(t);
  return true;
}

Object* ba_crc32(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("crc32", kwnames) || !check_positional("crc32", nargs, 1, 2)) return nullptr;
  ByteView v;
  if (!get_byte_view(args[0], &v)) return nullptr;
  uint32_t crc = 0;
  if (nargs > 1 && !bitmask_arg(args[1], &crc)) return nullptr;
  unsigned long value = crc;
  const Bytef* p = reinterpret_cast<const Bytef*>(v.data);
  for (ssize left = v.size; left > 0;) {
    uInt k = left > ssize(UINT_MAX) ? UINT_MAX : uInt(left);
    value = ::crc32(value, p, k);
    p += k;
    left -= k;
  }
  return int_from_u64(value & 0xffffffffu);
}

Object* ba_crc_hqx(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("crc_hqx", kwnames) || !check_positional("crc_hqx", nargs, 2, 2))
    return nullptr;
  ByteView v;
  if (!get_byte_view(args[0], &v)) return nullptr;
  uint32_t crc;
  if (!bitmask_arg(args[1], &crc)) return nullptr;
  crc &= 0xffff;
  for (ssize i = 0; i < v.size; ++i) {
    crc ^= uint32_t(static_cast<unsigned char>(v.data[i])) << 8;
    for (int b = 0; b < 8; ++b) crc = (crc & 0x8000) ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return int_from_u64(crc);
}

const MethodDef kBinasciiMethods[] = {
    {"hexlify", ba_hexlify, METH_DEFAULT, "Hexadecimal representation of binary data."},
    {"b2a_hex", ba_b2a_hex, METH_DEFAULT, "Hexadecimal representation of binary data."},
    {"unhexlify", ba_unhexlify, METH_DEFAULT, "Binary data of hexadecimal representation."},
    {"a2b_hex", ba_a2b_hex, METH_DEFAULT, "Binary data of hexadecimal representation."},
    {"b2a_base64", ba_b2a_base64, METH_DEFAULT, "Base64-code line of data."},
    {"a2b_base64", ba_a2b_base64, METH_DEFAULT, "Decode a line of base64 data."},
    {"b2a_uu", ba_b2a_uu, METH_DEFAULT, "Uuencode line of data."},
    {"a2b_uu", ba_a2b_uu, METH_DEFAULT, "Decode a line of uuencoded data."},
    {"b2a_qp", ba_b2a_qp, METH_DEFAULT, "Encode a string using quoted-printable encoding."},
    {"a2b_qp", ba_a2b_qp, METH_DEFAULT, "Decode a string of qp-encoded data."},
    {"crc32", ba_crc32, METH_DEFAULT, "Compute CRC-32 incrementally."},
    {"crc_hqx", ba_crc_hqx, METH_DEFAULT, "Compute CRC-CCITT incrementally."},
    {nullptr, nullptr, 0, nullptr},
};

Object* new_exception_type(const char* name, Object* base) {
  Ref n = Ref::steal(str_from_cstr(name));
  Ref bases = Ref::steal(tuple_pack(1, base));
  Ref dict = Ref::steal(dict_new());
  Ref modname = Ref::steal(str_from_cstr("binascii"));
  if (!n || !bases || !dict || !modname || dict_setitem_str(dict.get(), "__module__", modname.get()) < 0)
    return nullptr;
  return type_new_heap(&TypeType, n.get(), bases.get(), dict.get(), nullptr);
}

}  // namespace

Object* binascii_module_init() {
  if (!g_error) {
    g_error = new_exception_type("Error", as_object(&Exc_ValueError));
    if (!g_error) return nullptr;
  }
  if (!g_incomplete) {
    g_incomplete = new_exception_type("Incomplete", as_object(&Exc_Exception));
    if (!g_incomplete) return nullptr;
  }
  Ref m = Ref::steal(module_new("binascii"));
  if (!m || module_add_functions(m.get(), kBinasciiMethods) < 0 ||
      module_add_object(m.get(), "Error", g_error) < 0 ||
      module_add_object(m.get(), "Incomplete", g_incomplete) < 0)
    return nullptr;
  return m.release();
}

}  // namespace gilpy

// Codecs: str <-> bytes for UTF-8, ASCII, Latin-1, UTF-16 and UTF-32 (with and without BOM, both
// byte orders) and raw-unicode-escape, with CPython's error handlers and messages.
//
// Decoding UTF-8 follows CPython's stringlib/codecs.h state machine byte for byte, so the error
// ranges and reasons ("invalid start byte", "invalid continuation byte", "unexpected end of data")
// and thus the UnicodeDecodeError messages and the replacement counts of errors='replace' match.
// Fast paths: an all-ASCII input is copied with memcpy after a word-at-a-time check; valid input is
// decoded in two passes (measure length and widest character, then write into the final str); only
// input with errors goes through the slower handler loop.
//
// Encoding collects runs of unencodable characters like CPython (so messages say "characters in
// position 0-2"), then applies the handler: strict, ignore, replace, surrogateescape,
// backslashreplace, xmlcharrefreplace, surrogatepass (UTF-8). Error handlers are looked up only
// when an error happens, as in CPython ("unknown error handler name 'x'").
//
// Other encodings, and error handlers other than these names, go through the codec registry
// (objects/codecs.h, modules/codecs_module.cpp). Also here: the stateful decoding behind the
// incremental decoders (codec_decode_stateful), unicode-escape and the charmap codec.
//
// UnicodeDecodeError / UnicodeEncodeError are raised as instances built with CPython's 5 args
// (encoding, object, start, end, reason); their __str__ (objects/exceptions.cpp) renders the
// message.
#include <cstring>
#include <string>
#include <vector>

#include "core/abstract.h"
#include "core/error.h"
#include "objects/bytesobject.h"
#include "objects/codecs.h"
#include "objects/containers.h"
#include "objects/intobject.h"
#include "objects/singletons.h"
#include "objects/str_internal.h"
#include "objects/strobject.h"
#include "vm/import.h"

namespace gilpy {

int codec_lookup(const char* encoding) {
  if (!encoding) return CODEC_UTF8;
  // normalise: lower case, '-' and ' ' -> '_'
  char buf[64];
  size_t n = strlen(encoding);
  if (n >= sizeof buf) return CODEC_UNKNOWN;
  for (size_t i = 0; i <= n; ++i) {
    char c = encoding[i];
    if (c >= 'A' && c <= 'Z') c = char(c + 32);
    if (c == '-' || c == ' ') c = '_';
    buf[i] = c;
  }
  static const char* const utf8[] = {"utf_8", "utf8", "u8", "utf", "utf8_ucs2", "utf8_ucs4",
                                     "cp65001", nullptr};
  static const char* const ascii[] = {"ascii", "us_ascii", "646", "ansi_x3.4_1968",
                                      "ansi_x3_4_1968", "ansi_x3.4_1986", "cp367", "csascii",
                                      "ibm367", "iso646_us", "iso_646.irv_1991", "iso_ir_6", "us",
                                      nullptr};
  static const char* const latin1[] = {"latin_1", "latin1", "latin", "l1", "iso_8859_1",
                                       "iso8859_1", "8859", "cp819", "iso_ir_100", "csisolatin1",
                                       "iso_8859_1_1987", "ibm819", "iso_8859_1:1987", nullptr};
  static const struct {
    const char* name;
    int codec;
  } utf16_32[] = {
      {"utf_16", CODEC_UTF16}, {"utf16", CODEC_UTF16}, {"u16", CODEC_UTF16},
      {"utf_16_le", CODEC_UTF16LE}, {"utf_16le", CODEC_UTF16LE},
      {"unicodelittleunmarked", CODEC_UTF16LE}, {"utf_16_be", CODEC_UTF16BE},
      {"utf_16be", CODEC_UTF16BE}, {"unicodebigunmarked", CODEC_UTF16BE},
      {"utf_32", CODEC_UTF32}, {"utf32", CODEC_UTF32}, {"u32", CODEC_UTF32},
      {"utf_32_le", CODEC_UTF32LE}, {"utf_32le", CODEC_UTF32LE}, {"utf_32_be", CODEC_UTF32BE},
      {"utf_32be", CODEC_UTF32BE},
  };
  for (const auto& e : utf16_32)
    if (!strcmp(buf, e.name)) return e.codec;
  if (!strcmp(buf, "raw_unicode_escape")) return CODEC_RAW_UNICODE_ESCAPE;
  for (const char* const* p = utf8; *p; ++p)
    if (!strcmp(buf, *p)) return CODEC_UTF8;
  for (const char* const* p = ascii; *p; ++p)
    if (!strcmp(buf, *p)) return CODEC_ASCII;
  for (const char* const* p = latin1; *p; ++p)
    if (!strcmp(buf, *p)) return CODEC_LATIN1;
  return CODEC_UNKNOWN;
}

namespace {

enum Handler { H_STRICT, H_IGNORE, H_REPLACE, H_SURROGATEESCAPE, H_BACKSLASHREPLACE,
               H_XMLCHARREFREPLACE, H_SURROGATEPASS, H_UNKNOWN };

Handler handler_of(const char* errors) {
  if (!errors || !strcmp(errors, "strict")) return H_STRICT;
  if (!strcmp(errors, "ignore")) return H_IGNORE;
  if (!strcmp(errors, "replace")) return H_REPLACE;
  if (!strcmp(errors, "surrogateescape")) return H_SURROGATEESCAPE;
  if (!strcmp(errors, "backslashreplace")) return H_BACKSLASHREPLACE;
  if (!strcmp(errors, "xmlcharrefreplace")) return H_XMLCHARREFREPLACE;
  if (!strcmp(errors, "surrogatepass")) return H_SURROGATEPASS;
  return H_UNKNOWN;
}


// UnicodeDecodeError(encoding, bytes(data), start, end, reason).
Object* make_decode_error(const char* encoding, const char* data, ssize n, ssize start, ssize end,
                          const char* reason) {
  Ref enc = Ref::steal(str_from_cstr(encoding));
  Ref obj = Ref::steal(bytes_from(data, n));
  Ref st = Ref::steal(int_from_ssize(start));
  Ref en = Ref::steal(int_from_ssize(end));
  Ref rs = Ref::steal(str_from_cstr(reason));
  if (!enc || !obj || !st || !en || !rs) return nullptr;
  Object* args[5] = {enc.get(), obj.get(), st.get(), en.get(), rs.get()};
  return call(as_object(&Exc_UnicodeDecodeError), args, 5);
}

Object* raise_decode_error(const char* encoding, const char* data, ssize n, ssize start, ssize end,
                           const char* reason) {
  Ref exc = Ref::steal(make_decode_error(encoding, data, n, start, end, reason));
  if (exc) err_set_object(exc.get());
  return nullptr;
}

Object* make_encode_error(const char* encoding, Object* str, ssize start, ssize end,
                          const char* reason) {
  Ref enc = Ref::steal(str_from_cstr(encoding));
  Ref st = Ref::steal(int_from_ssize(start));
  Ref en = Ref::steal(int_from_ssize(end));
  Ref rs = Ref::steal(str_from_cstr(reason));
  if (!enc || !st || !en || !rs) return nullptr;
  Object* args[5] = {enc.get(), str, st.get(), en.get(), rs.get()};
  return call(as_object(&Exc_UnicodeEncodeError), args, 5);
}

Object* raise_encode_error(const char* encoding, Object* str, ssize start, ssize end,
                           const char* reason) {
  Ref exc = Ref::steal(make_encode_error(encoding, str, start, end, reason));
  if (exc) err_set_object(exc.get());
  return nullptr;
}

// Call a registered error handler with `exc`; it must return (replacement, position). The
// position may count from the end (negative) and must land in [0, len]. `what` is "decoding" or
// "encoding"; encoding handlers may return bytes as well as str.
bool call_error_handler(const char* errors, Object* exc, const char* what, ssize len,
                        Ref* replacement, ssize* next) {
  if (!exc) return false;
  Ref handler = Ref::steal(codec_lookup_error_handler(errors));
  if (!handler) return false;
  Ref res = Ref::steal(call1(handler.get(), exc));
  if (!res) return false;
  bool decoding = what[0] == 'd';
  Object* rep = tuple_check(res.get()) && tuple_size(res.get()) == 2 ? tuple_get_borrowed(res.get(), 0) : nullptr;
  if (!rep || !(str_check(rep) || (!decoding && bytes_check(rep))) ||
      !int_check(tuple_get_borrowed(res.get(), 1))) {
    err_format(&Exc_TypeError, decoding ? "decoding error handler must return (str, int) tuple"
                                        : "encoding error handler must return (str/bytes, int) tuple");
    return false;
  }
  ssize pos = int_as_ssize(tuple_get_borrowed(res.get(), 1));
  if (pos == -1 && err_occurred()) return false;
  if (pos < 0) pos += len;
  if (pos < 0 || pos > len) {
    err_format(&Exc_IndexError, "position %zd from error handler out of bounds", pos);
    return false;
  }
  *replacement = Ref::borrow(rep);
  *next = pos;
  return true;
}

inline bool is_cont(unsigned char c) { return (c & 0xc0) == 0x80; }

// One step of CPython's UTF-8 decoder at s (s < end). Returns the number of bytes of a valid
// sequence (cp set), or 0 with *errlen / *reason describing the error.
inline int utf8_step(const unsigned char* s, const unsigned char* end, uint32_t* cp,
                     ssize* errlen, const char** reason) {
  unsigned char ch = s[0];
  ssize avail = end - s;
  if (ch < 0x80) {
    *cp = ch;
    return 1;
  }
  if (ch < 0xe0) {
    if (ch < 0xc2) goto invalid_start;
    if (avail < 2) goto end_of_data;
    if (!is_cont(s[1])) goto invalid_cont1;
    *cp = (uint32_t(ch & 0x1f) << 6) | (s[1] & 0x3f);
    return 2;
  }
  if (ch < 0xf0) {
    if (avail < 3) {
      if (avail < 2) goto end_of_data;
      unsigned char ch2 = s[1];
      if (!is_cont(ch2) || (ch2 < 0xa0 ? ch == 0xe0 : ch == 0xed)) goto invalid_cont1;
      goto end_of_data;
    }
    unsigned char ch2 = s[1], ch3 = s[2];
    if (!is_cont(ch2)) goto invalid_cont1;
    if (ch == 0xe0) {
      if (ch2 < 0xa0) goto invalid_cont1;
    } else if (ch == 0xed && ch2 >= 0xa0) {
      goto invalid_cont1;
    }
    if (!is_cont(ch3)) goto invalid_cont2;
    *cp = (uint32_t(ch & 0x0f) << 12) | (uint32_t(ch2 & 0x3f) << 6) | (ch3 & 0x3f);
    return 3;
  }
  if (ch < 0xf5) {
    if (avail < 4) {
      if (avail < 2) goto end_of_data;
      unsigned char ch2 = s[1];
      if (!is_cont(ch2) || (ch2 < 0x90 ? ch == 0xf0 : ch == 0xf4)) goto invalid_cont1;
      if (avail < 3) goto end_of_data;
      if (!is_cont(s[2])) goto invalid_cont2;
      goto end_of_data;
    }
    unsigned char ch2 = s[1], ch3 = s[2], ch4 = s[3];
    if (!is_cont(ch2)) goto invalid_cont1;
    if (ch == 0xf0) {
      if (ch2 < 0x90) goto invalid_cont1;
    } else if (ch == 0xf4 && ch2 >= 0x90) {
      goto invalid_cont1;
    }
    if (!is_cont(ch3)) goto invalid_cont2;
    if (!is_cont(ch4)) goto invalid_cont3;
    *cp = (uint32_t(ch & 0x07) << 18) | (uint32_t(ch2 & 0x3f) << 12) |
          (uint32_t(ch3 & 0x3f) << 6) | (ch4 & 0x3f);
    return 4;
  }
invalid_start:
  *errlen = 1;
  *reason = "invalid start byte";
  return 0;
invalid_cont1:
  *errlen = 1;
  *reason = "invalid continuation byte";
  return 0;
invalid_cont2:
  *errlen = 2;
  *reason = "invalid continuation byte";
  return 0;
invalid_cont3:
  *errlen = 3;
  *reason = "invalid continuation byte";
  return 0;
end_of_data:
  *errlen = avail;
  *reason = "unexpected end of data";
  return 0;
}

inline bool all_ascii(const unsigned char* s, ssize n) {
  ssize i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    memcpy(&w, s + i, 8);
    if (w & 0x8080808080808080ull) return false;
  }
  for (; i < n; ++i)
    if (s[i] & 0x80) return false;
  return true;
}

Object* ascii_str(const char* data, ssize n) { return str_from_kind_data(1, data, n); }

void push_hex_escape(std::vector<uint32_t>& out, unsigned char b) {
  static const char hex[] = "0123456789abcdef";
  out.push_back('\\');
  out.push_back('x');
  out.push_back(uint32_t(hex[b >> 4]));
  out.push_back(uint32_t(hex[b & 15]));
}

// Apply a decode error handler to bytes [start, end); decoding resumes at *next (end, unless a
// registered handler says otherwise). Returns false with an exception set.
bool decode_error(Handler h, const char* errors, const char* encoding, const char* data, ssize n,
                  ssize start, ssize end, const char* reason, std::vector<uint32_t>& out,
                  ssize* next) {
  const auto* s = reinterpret_cast<const unsigned char*>(data);
  *next = end;
  switch (h) {
    case H_STRICT:
      raise_decode_error(encoding, data, n, start, end, reason);
      return false;
    case H_IGNORE:
      return true;
    case H_REPLACE:
      out.push_back(0xfffd);
      return true;
    case H_SURROGATEESCAPE:
      for (ssize i = start; i < end; ++i) {
        if (s[i] < 128) {
          raise_decode_error(encoding, data, n, start, end, reason);
          return false;
        }
      }
      for (ssize i = start; i < end; ++i) out.push_back(0xdc00 + s[i]);
      return true;
    case H_BACKSLASHREPLACE:
      for (ssize i = start; i < end; ++i) push_hex_escape(out, s[i]);
      return true;
    default: {  // registered handlers; xmlcharrefreplace and surrogatepass as CPython's callables
      Ref exc = Ref::steal(make_decode_error(encoding, data, n, start, end, reason));
      Ref rep;
      if (!call_error_handler(errors, exc.get(), "decoding", n, &rep, next)) return false;
      for (ssize i = 0, k = str_length(rep.get()); i < k; ++i) out.push_back(str_read(rep.get(), i));
      return true;
    }
  }
}

}  // namespace

// Pass 2 of decoding valid UTF-8 into code units of type T.
template <class T>
static void utf8_write_valid(const unsigned char* p, const unsigned char* end, T* out) {
  while (p < end) {
    unsigned char c = *p;
    if (c < 0x80) {
      *out++ = T(c);
      ++p;
    } else if (c < 0xe0) {
      *out++ = T((uint32_t(c & 0x1f) << 6) | (p[1] & 0x3f));
      p += 2;
    } else if (c < 0xf0) {
      *out++ = T((uint32_t(c & 0x0f) << 12) | (uint32_t(p[1] & 0x3f) << 6) | (p[2] & 0x3f));
      p += 3;
    } else {
      *out++ = T((uint32_t(c & 0x07) << 18) | (uint32_t(p[1] & 0x3f) << 12) |
                 (uint32_t(p[2] & 0x3f) << 6) | (p[3] & 0x3f));
      p += 4;
    }
  }
}

Object* str_decode_utf8(const char* data, ssize n, const char* errors) {
  const auto* s = reinterpret_cast<const unsigned char*>(data);
  const auto* end = s + n;
  if (all_ascii(s, n)) return ascii_str(data, n);
  // Pass 1: validate, count and find the widest character (ASCII runs skipped 8 bytes at a time).
  ssize len = 0;
  uint32_t maxchar = 0;
  const unsigned char* p = s;
  bool ok = true;
  while (p < end) {
    if (*p < 0x80) {
      while (end - p >= 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        if (w & 0x8080808080808080ull) break;
        p += 8;
        len += 8;
      }
      while (p < end && *p < 0x80) {
        ++p;
        ++len;
      }
      continue;
    }
    uint32_t cp;
    ssize errlen;
    const char* reason;
    int k = utf8_step(p, end, &cp, &errlen, &reason);
    if (!k) {
      ok = false;
      break;
    }
    if (cp > maxchar) maxchar = cp;
    p += k;
    ++len;
  }
  if (ok) {
    if (len == 1) return str_from_codepoint(maxchar);
    Object* r = str_new_uninit(len, maxchar);
    if (!r) return nullptr;
    switch (str_kind(r)) {
      case 1: utf8_write_valid(s, end, static_cast<uint8_t*>(str_obj(r)->data())); break;
      case 2: utf8_write_valid(s, end, static_cast<uint16_t*>(str_obj(r)->data())); break;
      default: utf8_write_valid(s, end, static_cast<uint32_t*>(str_obj(r)->data())); break;
    }
    return r;
  }
  // Slow path with an error handler.
  Handler h = handler_of(errors);
  std::vector<uint32_t> out;
  out.reserve(size_t(n));
  for (p = s; p < end;) {
    uint32_t cp;
    ssize errlen;
    const char* reason;
    int k = utf8_step(p, end, &cp, &errlen, &reason);
    if (k) {
      out.push_back(cp);
      p += k;
      continue;
    }
    ssize start = p - s;
    if (h == H_SURROGATEPASS && end - p >= 3 && p[0] == 0xed && p[1] >= 0xa0 && p[1] <= 0xbf &&
        is_cont(p[2])) {
      out.push_back((uint32_t(0x0d) << 12) | (uint32_t(p[1] & 0x3f) << 6) | (p[2] & 0x3f));
      p += 3;
      continue;
    }
    ssize next;
    if (!decode_error(h, errors, "utf-8", data, n, start, start + errlen, reason, out, &next))
      return nullptr;
    p = s + next;
  }
  return str_from_kind_data(4, out.data(), ssize(out.size()));
}

static Object* decode_ascii(const char* data, ssize n, const char* errors) {
  const auto* s = reinterpret_cast<const unsigned char*>(data);
  if (all_ascii(s, n)) return ascii_str(data, n);
  Handler h = handler_of(errors);
  std::vector<uint32_t> out;
  out.reserve(size_t(n));
  for (ssize i = 0; i < n;) {
    if (s[i] < 128) {
      out.push_back(s[i++]);
      continue;
    }
    if (!decode_error(h, errors, "ascii", data, n, i, i + 1, "ordinal not in range(128)", out, &i))
      return nullptr;
  }
  return str_from_kind_data(4, out.data(), ssize(out.size()));
}

// UTF-16 / UTF-32 decoding (CPython's _PyUnicode_DecodeUTF16Stateful / UTF32Stateful, final).
// `*bo`: 0 detect a BOM (default little endian), -1 little, 1 big endian; a BOM found is stored.
static Object* decode_utf16(const char* data, ssize n, const char* errors, int* bo) {
  const auto* s = reinterpret_cast<const unsigned char*>(data);
  ssize pos = 0;
  if (*bo == 0 && n >= 2) {
    if (s[0] == 0xff && s[1] == 0xfe) {
      *bo = -1;
      pos = 2;
    } else if (s[0] == 0xfe && s[1] == 0xff) {
      *bo = 1;
      pos = 2;
    }
  }
  bool big = *bo > 0;
  const char* encname = big ? "utf-16-be" : "utf-16-le";
  auto unit = [&](ssize i) -> uint32_t {
    return big ? (uint32_t(s[i]) << 8) | s[i + 1] : (uint32_t(s[i + 1]) << 8) | s[i];
  };
  Handler h = H_STRICT;
  bool hk = false;
  std::vector<uint32_t> out;
  out.reserve(size_t(n / 2));
  while (pos < n) {
    ssize start = pos, end;
    const char* reason;
    if (n - pos < 2) {
      reason = "truncated data";
      end = n;
    } else {
      uint32_t u = unit(pos);
      if (u < 0xd800 || u > 0xdfff) {
        out.push_back(u);
        pos += 2;
        continue;
      }
      if (u >= 0xdc00) {
        reason = "illegal encoding";
        end = pos + 2;
      } else if (n - pos < 4) {
        reason = "unexpected end of data";
        end = n;
      } else {
        uint32_t u2 = unit(pos + 2);
        if (u2 >= 0xdc00 && u2 <= 0xdfff) {
          out.push_back(0x10000 + ((u - 0xd800) << 10) + (u2 - 0xdc00));
          pos += 4;
          continue;
        }
        reason = "illegal UTF-16 surrogate";
        end = pos + 2;
      }
    }
    if (!hk) {
      h = handler_of(errors);
      hk = true;
    }
    if (h == H_SURROGATEPASS && end - start == 2) {
      out.push_back(unit(start));
      pos = end;
      continue;
    }
    if (!decode_error(h, errors, encname, data, n, start, end, reason, out, &pos)) return nullptr;
  }
  return str_from_kind_data(4, out.data(), ssize(out.size()));
}

static Object* decode_utf32(const char* data, ssize n, const char* errors, int* bo) {
  const auto* s = reinterpret_cast<const unsigned char*>(data);
  ssize pos = 0;
  if (*bo == 0 && n >= 4) {
    if (s[0] == 0xff && s[1] == 0xfe && s[2] == 0 && s[3] == 0) {
      *bo = -1;
      pos = 4;
    } else if (s[0] == 0 && s[1] == 0 && s[2] == 0xfe && s[3] == 0xff) {
      *bo = 1;
      pos = 4;
    }
  }
  bool big = *bo > 0;
  const char* encname = big ? "utf-32-be" : "utf-32-le";
  Handler h = H_STRICT;
  bool hk = false;
  std::vector<uint32_t> out;
  out.reserve(size_t(n / 4));
  while (pos < n) {
    ssize start = pos, end;
    const char* reason;
    if (n - pos < 4) {
      reason = "truncated data";
      end = n;
    } else {
      uint32_t c = big ? (uint32_t(s[pos]) << 24) | (uint32_t(s[pos + 1]) << 16) |
                             (uint32_t(s[pos + 2]) << 8) | s[pos + 3]
                       : (uint32_t(s[pos + 3]) << 24) | (uint32_t(s[pos + 2]) << 16) |
                             (uint32_t(s[pos + 1]) << 8) | s[pos];
      end = pos + 4;
      if (c <= 0x10ffff && (c < 0xd800 || c > 0xdfff)) {
        out.push_back(c);
        pos = end;
        continue;
      }
      if (c > 0x10ffff) {
        reason = "code point not in range(0x110000)";
      } else {
        if (!hk) {
          h = handler_of(errors);
          hk = true;
        }
        if (h == H_SURROGATEPASS) {
          out.push_back(c);
          pos = end;
          continue;
        }
        reason = "code point in surrogate code point range(0xd800, 0xe000)";
      }
    }
    if (!hk) {
      h = handler_of(errors);
      hk = true;
    }
    if (!decode_error(h, errors, encname, data, n, start, end, reason, out, &pos)) return nullptr;
  }
  return str_from_kind_data(4, out.data(), ssize(out.size()));
}

// raw-unicode-escape (CPython's _PyUnicode_DecodeRawUnicodeEscapeStateful, final): bytes are
// Latin-1 except \uXXXX and \UXXXXXXXX after an odd run of backslashes; any other backslash
// pair is kept as is. Not `final`: an escape cut by the end of the data is left for later
// (*consumed).
static Object* decode_raw_unicode_escape(const char* data, ssize n, const char* errors,
                                         bool final = true, ssize* consumed = nullptr) {
  const auto* s = reinterpret_cast<const unsigned char*>(data);
  Handler h = handler_of(errors);
  std::vector<uint32_t> out;
  out.reserve(size_t(n));
  for (ssize i = 0; i < n;) {
    unsigned char c = s[i++];
    if (c == '\\' && i >= n && !final) {
      n = i - 1;
      break;
    }
    if (c != '\\' || i >= n) {
      out.push_back(c);
      continue;
    }
    unsigned char e = s[i++];
    if (e != 'u' && e != 'U') {
      out.push_back('\\');
      out.push_back(e);
      continue;
    }
    ssize start = i - 2;
    int count = e == 'u' ? 4 : 8;
    uint32_t ch = 0;
    int got = 0;
    for (; got < count && i < n; ++got, ++i) {
      unsigned char d = s[i];
      int v = d >= '0' && d <= '9' ? d - '0' : d >= 'a' && d <= 'f' ? d - 'a' + 10
              : d >= 'A' && d <= 'F' ? d - 'A' + 10 : -1;
      if (v < 0) break;
      ch = (ch << 4) | uint32_t(v);
    }
    const char* reason = nullptr;
    if (got < count && i >= n && !final) {
      n = start;
      break;
    }
    if (got < count) reason = e == 'u' ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape";
    else if (ch > 0x10ffff) reason = "\\Uxxxxxxxx out of range";
    if (!reason) {
      out.push_back(ch);
      continue;
    }
    if (!decode_error(h, errors, "rawunicodeescape", data, n, start, i, reason, out, &i))
      return nullptr;
  }
  if (consumed) *consumed = n;
  return str_from_kind_data(4, out.data(), ssize(out.size()));
}

// raw-unicode-escape encoding: Latin-1 characters as bytes, the others as \uXXXX / \UXXXXXXXX.
static Object* encode_raw_unicode_escape(Object* str) {
  StrObject* so = str_obj(str);
  if (so->kind == 1) return bytes_from(static_cast<const char*>(so->data()), so->length);
  std::string out;
  out.reserve(size_t(so->length));
  for (ssize i = 0; i < so->length; ++i) {
    uint32_t c = kind_read(so->kind, so->data(), i);
    if (c < 0x100) {
      out.push_back(char(c));
    } else {
      char buf[16];
      snprintf(buf, sizeof buf, c < 0x10000 ? "\\u%04x" : "\\U%08x", c);
      out += buf;
    }
  }
  return bytes_from(out.data(), ssize(out.size()));
}

// Length of data[0:n] without an incomplete but so far valid UTF-8 sequence at its end.
static ssize utf8_complete_length(const unsigned char* s, ssize n) {
  for (ssize p = n > 3 ? n - 3 : 0; p < n; ++p) {
    if (s[p] < 0xc2) continue;
    uint32_t cp;
    ssize errlen;
    const char* reason;
    if (!utf8_step(s + p, s + n, &cp, &errlen, &reason) && errlen == n - p &&
        !strcmp(reason, "unexpected end of data"))
      return p;
  }
  return n;
}

Object* codec_decode_stateful(int codec, const char* data, ssize n, const char* errors, bool final,
                              ssize* consumed, int* byteorder) {
  const auto* s = reinterpret_cast<const unsigned char*>(data);
  int bo_default = codec == CODEC_UTF16LE || codec == CODEC_UTF32LE   ? -1
                   : codec == CODEC_UTF16BE || codec == CODEC_UTF32BE ? 1
                                                                        : 0;
  int bo_local = bo_default;
  int* bo = byteorder ? byteorder : &bo_local;
  *consumed = n;
  switch (codec) {
    case CODEC_RAW_UNICODE_ESCAPE: return decode_raw_unicode_escape(data, n, errors, final, consumed);
    case CODEC_UTF8:
      if (!final) *consumed = utf8_complete_length(s, n);
      return str_decode_utf8(data, *consumed, errors);
    case CODEC_ASCII: return decode_ascii(data, n, errors);
    case CODEC_LATIN1: return str_from_kind_data(1, data, n);
    case CODEC_UTF16: case CODEC_UTF16LE: case CODEC_UTF16BE:
      if (!final) {
        // Wait for the BOM, a whole code unit, and the low half of a surrogate pair.
        if (*bo == 0 && n < 2) *consumed = 0;
        ssize m = *consumed - *consumed % 2;
        if (m >= 2) {
          uint32_t u = *bo > 0 || (*bo == 0 && s[0] == 0xfe && s[1] == 0xff)
                           ? (uint32_t(s[m - 2]) << 8) | s[m - 1]
                           : (uint32_t(s[m - 1]) << 8) | s[m - 2];
          bool is_bom = m == 2 && *bo == 0;
          if (u >= 0xd800 && u <= 0xdbff && !is_bom) m -= 2;
        }
        *consumed = m;
      }
      return decode_utf16(data, *consumed, errors, bo);
    case CODEC_UTF32: case CODEC_UTF32LE: case CODEC_UTF32BE:
      if (!final) *consumed = *bo == 0 && n < 4 ? 0 : n - n % 4;
      return decode_utf32(data, *consumed, errors, bo);
    default: return err_format(&Exc_SystemError, "codec %d has no decoder", codec);
  }
}

// Is `encoding` one of the names CPython's str.encode/bytes.decode handle without the registry?
// For the other names gilpy still uses its built-in codec, but errors get the registry's note.
static bool cpython_direct_name(const char* encoding) {
  std::string n;
  for (const char* p = encoding; *p; ++p) {
    char c = *p;
    n.push_back(c >= 'A' && c <= 'Z' ? char(c + 32) : c == '-' ? '_' : c);
  }
  static const char* const names[] = {"utf_8", "utf8", "utf_16", "utf16", "utf_32", "utf32",
                                      "latin_1", "latin1", "iso_8859_1", "iso8859_1", "ascii",
                                      "us_ascii", nullptr};
  for (const char* const* p = names; *p; ++p)
    if (n == *p) return true;
  return false;
}

Object* bytes_decode_with(const char* data, ssize n, const char* encoding, const char* errors) {
  int codec = codec_lookup(encoding);
  if (codec == CODEC_UNKNOWN) return codec_text_decode(data, n, encoding, errors);
  ssize consumed;
  Object* r = codec_decode_stateful(codec, data, n, errors, true, &consumed, nullptr);
  if (!r && !cpython_direct_name(encoding)) codec_add_note("decoding", encoding);
  return r;
}

Object* str_decode(const char* s, ssize n, const char* encoding, const char* errors) {
  return bytes_decode_with(s, n, encoding ? encoding : "utf-8", errors ? errors : "strict");
}

// ---- encoding -----------------------------------------------------------------------------------

namespace {

void append_backslash(std::string& out, uint32_t c) {
  char buf[16];
  if (c < 0x100) snprintf(buf, sizeof buf, "\\x%02x", c);
  else if (c < 0x10000) snprintf(buf, sizeof buf, "\\u%04x", c);
  else snprintf(buf, sizeof buf, "\\U%08x", c);
  out += buf;
}

// Encode to a single-byte charset (limit 128 or 256) or to UTF-8 (limit 0).
Object* encode_impl(Object* str, int codec, const char* errors) {
  const char* encname = codec == CODEC_UTF8 ? "utf-8" : codec == CODEC_ASCII ? "ascii" : "latin-1";
  StrObject* so = str_obj(str);
  ssize len = so->length;
  if (so->ascii) return bytes_from(static_cast<const char*>(so->data()), len);
  if (codec == CODEC_LATIN1 && so->kind == 1)
    return bytes_from(static_cast<const char*>(so->data()), len);
  int kind = so->kind;
  const void* d = so->data();
  uint32_t limit = codec == CODEC_ASCII ? 128 : codec == CODEC_LATIN1 ? 256 : 0;
  auto bad = [&](uint32_t c) {
    return limit ? c >= limit : (c >= 0xd800 && c <= 0xdfff);
  };
  const char* reason = codec == CODEC_UTF8   ? "surrogates not allowed"
                       : codec == CODEC_ASCII ? "ordinal not in range(128)"
                                              : "ordinal not in range(256)";
  std::string out;
  out.reserve(size_t(len) * (codec == CODEC_UTF8 ? 2 : 1));
  Handler h = H_STRICT;
  bool h_known = false;
  for (ssize i = 0; i < len;) {
    uint32_t c = kind_read(kind, d, i);
    if (!bad(c)) {
      if (codec == CODEC_UTF8) utf8_append(out, c);
      else out.push_back(char(c));
      ++i;
      continue;
    }
    ssize start = i, stop = i + 1;
    while (stop < len && bad(kind_read(kind, d, stop))) ++stop;
    if (!h_known) {
      h = handler_of(errors);
      h_known = true;
    }
    switch (h) {
      case H_STRICT:
        return raise_encode_error(encname, str, start, stop, reason);
      case H_IGNORE:
        break;
      case H_REPLACE:
        out.append(size_t(stop - start), '?');
        break;
      case H_SURROGATEESCAPE:
        for (ssize k = start; k < stop; ++k) {
          uint32_t ch = kind_read(kind, d, k);
          if (ch < 0xdc80 || ch > 0xdcff) return raise_encode_error(encname, str, start, stop, reason);
        }
        for (ssize k = start; k < stop; ++k) out.push_back(char(kind_read(kind, d, k) - 0xdc00));
        break;
      case H_BACKSLASHREPLACE:
        for (ssize k = start; k < stop; ++k) append_backslash(out, kind_read(kind, d, k));
        break;
      case H_XMLCHARREFREPLACE:
        for (ssize k = start; k < stop; ++k) {
          out += "&#";
          out += std::to_string(kind_read(kind, d, k));
          out += ';';
        }
        break;
      case H_SURROGATEPASS:
        if (codec != CODEC_UTF8) return raise_encode_error(encname, str, start, stop, reason);
        for (ssize k = start; k < stop; ++k) utf8_append(out, kind_read(kind, d, k));
        break;
      default: {
        // A registered handler: its str replacement must be ASCII (Latin-1 for latin-1).
        Ref exc = Ref::steal(make_encode_error(encname, str, start, stop, reason));
        Ref rep;
        ssize next;
        if (!call_error_handler(errors, exc.get(), "encoding", len, &rep, &next)) return nullptr;
        if (bytes_check(rep.get())) {
          out.append(bytes_data(rep.get()), size_t(bytes_size(rep.get())));
        } else {
          for (ssize k = 0, m = str_length(rep.get()); k < m; ++k) {
            uint32_t c = str_read(rep.get(), k);
            if (c >= (codec == CODEC_LATIN1 ? 256u : 128u))
              return raise_encode_error(encname, str, start, stop, reason);
            out.push_back(char(c));
          }
        }
        stop = next;
        break;
      }
    }
    i = stop;
  }
  return bytes_from(out.data(), ssize(out.size()));
}

// UTF-16 / UTF-32 (CPython's _PyUnicode_EncodeUTF16 / UTF32): a BOM (little endian) for the
// plain names; lone surrogates are errors one at a time ("surrogates not allowed"); replacement
// text from the handlers is itself encoded.
Object* encode_utf16_32(Object* str, int codec, const char* errors) {
  bool wide = codec >= CODEC_UTF32;
  bool big = codec == CODEC_UTF16BE || codec == CODEC_UTF32BE;
  bool bom = codec == CODEC_UTF16 || codec == CODEC_UTF32;
  const char* encname = codec == CODEC_UTF16   ? "utf-16"
                        : codec == CODEC_UTF16LE ? "utf-16-le"
                        : codec == CODEC_UTF16BE ? "utf-16-be"
                        : codec == CODEC_UTF32   ? "utf-32"
                        : codec == CODEC_UTF32LE ? "utf-32-le"
                                                 : "utf-32-be";
  std::string out;
  auto put16 = [&](uint32_t u) {
    char b[2] = {char(big ? u >> 8 : u & 0xff), char(big ? u & 0xff : u >> 8)};
    out.append(b, 2);
  };
  auto put32 = [&](uint32_t u) {
    char b[4];
    for (int i = 0; i < 4; ++i) b[big ? 3 - i : i] = char((u >> (8 * i)) & 0xff);
    out.append(b, 4);
  };
  auto put = [&](uint32_t c) {
    if (wide) {
      put32(c);
    } else if (c >= 0x10000) {
      put16(0xd800 + ((c - 0x10000) >> 10));
      put16(0xdc00 + ((c - 0x10000) & 0x3ff));
    } else {
      put16(c);
    }
  };
  if (bom) put(0xfeff);
  ssize len = str_length(str);
  out.reserve(out.size() + size_t(len) * (wide ? 4 : 2));
  Handler h = H_STRICT;
  bool hk = false;
  for (ssize i = 0; i < len; ++i) {
    uint32_t c = str_read(str, i);
    if (c < 0xd800 || c > 0xdfff) {
      put(c);
      continue;
    }
    if (!hk) {
      h = handler_of(errors);
      hk = true;
    }
    std::string rep;
    switch (h) {
      case H_STRICT:
      case H_SURROGATEESCAPE:
        return raise_encode_error(encname, str, i, i + 1, "surrogates not allowed");
      case H_IGNORE: break;
      case H_REPLACE: rep = "?"; break;
      case H_BACKSLASHREPLACE: append_backslash(rep, c); break;
      case H_XMLCHARREFREPLACE: rep = "&#" + std::to_string(c) + ";"; break;
      case H_SURROGATEPASS:
        if (wide) put32(c);
        else put16(c);
        break;
      default: {
        // A registered handler: bytes (whole code units) are copied, a str must be ASCII.
        Ref exc = Ref::steal(make_encode_error(encname, str, i, i + 1, "surrogates not allowed"));
        Ref r;
        ssize next;
        if (!call_error_handler(errors, exc.get(), "encoding", len, &r, &next)) return nullptr;
        if (bytes_check(r.get())) {
          if (bytes_size(r.get()) % (wide ? 4 : 2))
            return raise_encode_error(encname, str, i, i + 1, "surrogates not allowed");
          out.append(bytes_data(r.get()), size_t(bytes_size(r.get())));
        } else {
          for (ssize k = 0, m = str_length(r.get()); k < m; ++k) {
            if (str_read(r.get(), k) >= 128)
              return raise_encode_error(encname, str, i, i + 1, "surrogates not allowed");
            rep.push_back(char(str_read(r.get(), k)));
          }
        }
        i = next - 1;
        break;
      }
    }
    for (char rc : rep) put(uint32_t(static_cast<unsigned char>(rc)));
  }
  return bytes_from(out.data(), ssize(out.size()));
}

// UTF-8 encoding of code units without surrogates; nullptr (no exception) when one is found.
template <class T>
Object* utf8_encode_fast(const T* d, ssize len) {
  ssize n = 0;
  for (ssize i = 0; i < len; ++i) {
    uint32_t c = d[i];
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c < 0x10000) {
      if (c >= 0xd800 && c <= 0xdfff) return nullptr;
      n += 3;
    } else n += 4;
  }
  Object* b = bytes_new_uninit(n);
  if (!b) return nullptr;
  auto* o = reinterpret_cast<unsigned char*>(bytes_data(b));
  for (ssize i = 0; i < len; ++i) {
    uint32_t c = d[i];
    if (c < 0x80) {
      *o++ = (unsigned char)c;
    } else if (c < 0x800) {
      *o++ = (unsigned char)(0xc0 | (c >> 6));
      *o++ = (unsigned char)(0x80 | (c & 0x3f));
    } else if (c < 0x10000) {
      *o++ = (unsigned char)(0xe0 | (c >> 12));
      *o++ = (unsigned char)(0x80 | ((c >> 6) & 0x3f));
      *o++ = (unsigned char)(0x80 | (c & 0x3f));
    } else {
      *o++ = (unsigned char)(0xf0 | (c >> 18));
      *o++ = (unsigned char)(0x80 | ((c >> 12) & 0x3f));
      *o++ = (unsigned char)(0x80 | ((c >> 6) & 0x3f));
      *o++ = (unsigned char)(0x80 | (c & 0x3f));
    }
  }
  *o = 0;
  return b;
}

}  // namespace

Object* str_encode(Object* str, const char* encoding, const char* errors) {
  int codec = codec_lookup(encoding ? encoding : "utf-8");
  if (codec == CODEC_UNKNOWN) return codec_text_encode(str, encoding, errors ? errors : "strict");
  Object* r = codec_encode_builtin(str, codec, errors);
  if (!r && encoding && !cpython_direct_name(encoding)) codec_add_note("encoding", encoding);
  return r;
}

Object* codec_encode_builtin(Object* str, int codec, const char* errors) {
  if (codec == CODEC_RAW_UNICODE_ESCAPE) return encode_raw_unicode_escape(str);
  if (codec >= CODEC_UTF16) return encode_utf16_32(str, codec, errors ? errors : "strict");
  if (codec == CODEC_UTF8 && !str_obj(str)->ascii) {
    // Fast paths: the cached UTF-8 when present, else a two-pass encode straight into the bytes
    // object (the general loop below handles lone surrogates).
    StrObject* so = str_obj(str);
    ssize cached_size;
    if (const char* cached = str_utf8_if_cached(str, &cached_size)) return bytes_from(cached, cached_size);
    Object* r = nullptr;
    switch (so->kind) {
      case 1: r = utf8_encode_fast(static_cast<const uint8_t*>(so->data()), so->length); break;
      case 2: r = utf8_encode_fast(static_cast<const uint16_t*>(so->data()), so->length); break;
      default: r = utf8_encode_fast(static_cast<const uint32_t*>(so->data()), so->length); break;
    }
    if (r || err_occurred()) return r;
  }
  return encode_impl(str, codec, errors ? errors : "strict");
}

// ---- unicode-escape -----------------------------------------------------------------------------

// \N{name}: the code point through unicodedata.lookup (0 = unknown name, -1 = error). Named
// sequences are not characters.
static int lookup_unicode_name(const unsigned char* name, ssize len, uint32_t* cp) {
  Ref ud = Ref::steal(import_module("unicodedata"));
  if (!ud) return -1;
  Ref text = Ref::steal(str_from_utf8(reinterpret_cast<const char*>(name), len));
  if (!text) return -1;
  Ref r = Ref::steal(call_method1(ud.get(), "lookup", text.get()));
  if (!r) {
    if (!err_matches(&Exc_KeyError)) return -1;
    err_clear();
    return 0;
  }
  if (str_length(r.get()) != 1) return 0;
  *cp = str_read(r.get(), 0);
  return 1;
}

// Python's string-literal escapes (CPython's _PyUnicode_DecodeUnicodeEscapeInternal). Unknown escapes
// are kept with their backslash; *first_invalid gets the offset of the first one's character
// after the backslash (for the DeprecationWarning the caller issues) or -1.
Object* unicode_escape_decode(const char* data, ssize n, const char* errors, bool final,
                              ssize* consumed, ssize* first_invalid) {
  const auto* s = reinterpret_cast<const unsigned char*>(data);
  Handler h = handler_of(errors);
  std::vector<uint32_t> out;
  out.reserve(size_t(n));
  *first_invalid = -1;
  *consumed = n;
  for (ssize i = 0; i < n;) {
    unsigned char c = s[i];
    if (c != '\\') {
      out.push_back(c);
      ++i;
      continue;
    }
    ssize start = i++;
    const char* reason = nullptr;
    bool incomplete = false;
    if (i >= n) {
      reason = "\\ at end of string";
      incomplete = true;
    } else {
      unsigned char e = s[i++];
      int count = 0;
      if (int esc = simple_escape_char(e); esc >= 0) {
        out.push_back(uint32_t(esc));
        continue;
      }
      switch (e) {
        case '\n': break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
          uint32_t v = e - '0';
          for (int k = 0; k < 2 && i < n && s[i] >= '0' && s[i] <= '7'; ++k) v = v * 8 + (s[i++] - '0');
          if (v > 0377 && *first_invalid < 0) *first_invalid = start + 1;
          out.push_back(v);
          break;
        }
        case 'x': count = 2; reason = "truncated \\xXX escape"; break;
        case 'u': count = 4; reason = "truncated \\uXXXX escape"; break;
        case 'U': count = 8; reason = "truncated \\UXXXXXXXX escape"; break;
        case 'N':
          reason = "malformed \\N character escape";
          if (i >= n) {
            incomplete = true;
          } else if (s[i] == '{') {
            ssize name = ++i;
            while (i < n && s[i] != '}') ++i;
            if (i >= n) incomplete = true;
            else if (i > name) {
              uint32_t cp = 0;
              int found = lookup_unicode_name(s + name, i - name, &cp);
              if (found < 0) return nullptr;
              ++i;
              if (found) {
                out.push_back(cp);
                continue;
              }
              reason = "unknown Unicode character name";
            }
          }
          break;
        default:
          if (*first_invalid < 0) *first_invalid = start + 1;
          out.push_back('\\');
          out.push_back(e);
          break;
      }
      if (count) {
        uint32_t v = 0;
        for (; count; --count, ++i) {
          if (i >= n) {
            incomplete = true;
            break;
          }
          int d = s[i] >= '0' && s[i] <= '9' ? s[i] - '0' : s[i] >= 'a' && s[i] <= 'f' ? s[i] - 'a' + 10
                  : s[i] >= 'A' && s[i] <= 'F' ? s[i] - 'A' + 10 : -1;
          if (d < 0) break;
          v = (v << 4) | uint32_t(d);
        }
        if (!count) {
          if (v <= 0x10ffff) {
            out.push_back(v);
            continue;
          }
          reason = "illegal Unicode character";
        }
      }
    }
    if (!reason) continue;
    if (incomplete && !final) {
      *consumed = start;
      break;
    }
    if (!decode_error(h, errors, "unicodeescape", data, n, start, i, reason, out, &i)) return nullptr;
  }
  return str_from_kind_data(4, out.data(), ssize(out.size()));
}

Object* unicode_escape_encode(Object* str) {
  std::string out;
  ssize len = str_length(str);
  out.reserve(size_t(len));
  for (ssize i = 0; i < len; ++i) {
    uint32_t c = str_read(str, i);
    if (c == '\\') out += "\\\\";
    else if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c >= ' ' && c < 0x7f) out.push_back(char(c));
    else append_backslash(out, c);
  }
  return bytes_from(out.data(), ssize(out.size()));
}

// ---- charmap ------------------------------------------------------------------------------------

namespace {

// mapping[key] for a charmap codec: a new reference, None (borrowed immortal) when the key is
// missing (LookupError), nullptr on other errors.
Object* charmap_get(Object* mapping, uint32_t key) {
  Ref k = Ref::steal(int_from_ssize(ssize(key)));
  if (!k) return nullptr;
  Object* r = object_getitem(mapping, k.get());
  if (!r && err_matches(&Exc_LookupError)) {
    err_clear();
    return newref(None);
  }
  return r;
}

// Append the bytes of character c through an encoding mapping: 1 done, 0 undefined, -1 error.
int charmap_put(Object* mapping, uint32_t c, std::string& out) {
  if (mapping == None) {
    if (c >= 256) return 0;
    out.push_back(char(c));
    return 1;
  }
  Ref v = Ref::steal(charmap_get(mapping, c));
  if (!v) return -1;
  if (v.get() == None) return 0;
  if (int_check(v.get())) {
    ssize b = int_as_ssize(v.get());
    if (b == -1 && err_occurred()) err_clear();
    if (b < 0 || b > 255) {
      err_format(&Exc_TypeError, "character mapping must be in range(256)");
      return -1;
    }
    out.push_back(char(b));
    return 1;
  }
  if (bytes_check(v.get())) {
    out.append(bytes_data(v.get()), size_t(bytes_size(v.get())));
    return 1;
  }
  err_format(&Exc_TypeError, "character mapping must return integer, bytes or None, not %T", v.get());
  return -1;
}

}  // namespace

Object* charmap_decode(const char* data, ssize n, const char* errors, Object* mapping) {
  if (mapping == None) return str_from_kind_data(1, data, n);
  const auto* s = reinterpret_cast<const unsigned char*>(data);
  Handler h = handler_of(errors);
  std::vector<uint32_t> out;
  out.reserve(size_t(n));
  bool table = str_check(mapping);
  for (ssize i = 0; i < n;) {
    uint32_t b = s[i];
    if (table) {
      if (b < uint32_t(str_length(mapping)) && str_read(mapping, b) != 0xfffe) {
        out.push_back(str_read(mapping, b));
        ++i;
        continue;
      }
    } else {
      Ref v = Ref::steal(charmap_get(mapping, b));
      if (!v) return nullptr;
      if (int_check(v.get())) {
        ssize c = int_as_ssize(v.get());
        if (c == -1 && err_occurred()) err_clear();
        if (c < 0 || c > 0x10ffff)
          return err_format(&Exc_TypeError, "character mapping must be in range(0x110000)");
        out.push_back(uint32_t(c));
        ++i;
        continue;
      }
      if (str_check(v.get())) {
        ssize m = str_length(v.get());
        if (!(m == 1 && str_read(v.get(), 0) == 0xfffe)) {
          for (ssize k = 0; k < m; ++k) out.push_back(str_read(v.get(), k));
          ++i;
          continue;
        }
      } else if (v.get() != None) {
        return err_format(&Exc_TypeError, "character mapping must return integer, None or str");
      }
    }
    if (!decode_error(h, errors, "charmap", data, n, i, i + 1, "character maps to <undefined>", out, &i))
      return nullptr;
  }
  return str_from_kind_data(4, out.data(), ssize(out.size()));
}

// Runs of unmappable characters go to the error handler; the built-in handlers' replacement
// characters must themselves be mappable, else the original error is raised (as CPython).
int simple_escape_char(unsigned char e) {
  switch (e) {
    case '\\': return '\\';
    case '\'': return '\'';
    case '"': return '"';
    case 'a': return '\a';
    case 'b': return '\b';
    case 'f': return '\f';
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    case 'v': return '\v';
    default: return -1;
  }
}

Object* charmap_encode(Object* str, const char* errors, Object* mapping) {
  const char* reason = "character maps to <undefined>";
  ssize len = str_length(str);
  std::string out;
  out.reserve(size_t(len));
  Handler h = H_STRICT;
  bool hk = false;
  for (ssize i = 0; i < len;) {
    int r = charmap_put(mapping, str_read(str, i), out);
    if (r < 0) return nullptr;
    if (r) {
      ++i;
      continue;
    }
    ssize start = i, stop = i + 1;
    for (; stop < len; ++stop) {
      std::string probe;
      int pr = charmap_put(mapping, str_read(str, stop), probe);
      if (pr < 0) return nullptr;
      if (pr) break;
    }
    if (!hk) {
      h = handler_of(errors);
      hk = true;
    }
    std::string rep;  // ASCII replacement text, to be mapped
    ssize next = stop;
    switch (h) {
      case H_STRICT:
        return raise_encode_error("charmap", str, start, stop, reason);
      case H_IGNORE: break;
      case H_REPLACE: rep.assign(size_t(stop - start), '?'); break;
      case H_BACKSLASHREPLACE:
        for (ssize k = start; k < stop; ++k) append_backslash(rep, str_read(str, k));
        break;
      case H_XMLCHARREFREPLACE:
        for (ssize k = start; k < stop; ++k) rep += "&#" + std::to_string(str_read(str, k)) + ";";
        break;
      default: {
        Ref exc = Ref::steal(make_encode_error("charmap", str, start, stop, reason));
        Ref rv;
        if (!call_error_handler(errors, exc.get(), "encoding", len, &rv, &next)) return nullptr;
        if (bytes_check(rv.get())) {
          out.append(bytes_data(rv.get()), size_t(bytes_size(rv.get())));
        } else {
          for (ssize k = 0, m = str_length(rv.get()); k < m; ++k) {
            int pr = charmap_put(mapping, str_read(rv.get(), k), out);
            if (pr < 0) return nullptr;
            if (!pr) return raise_encode_error("charmap", str, start, stop, reason);
          }
        }
        break;
      }
    }
    for (char c : rep) {
      int pr = charmap_put(mapping, static_cast<unsigned char>(c), out);
      if (pr < 0) return nullptr;
      if (!pr) return raise_encode_error("charmap", str, start, stop, reason);
    }
    i = next;
  }
  return bytes_from(out.data(), ssize(out.size()));
}

}  // namespace gilpy

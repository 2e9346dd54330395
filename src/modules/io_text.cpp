// io's text layer: TextIOWrapper (CPython's Modules/_io/textio.c; see modules/io.cpp for the
// whole stack).
//
// A TextIOWrapper reads its buffer in chunks of _CHUNK_SIZE bytes (buffer.read1(), as CPython)
// and keeps the text not consumed yet in `pending` (pending[ppos:]). Two codec paths share it:
//
// * Native (UTF-8, ASCII, Latin-1): `pending` holds the raw bytes. These encodings are
//   ASCII-compatible, so b'\r' and b'\n' are always line ending characters: lines are found and
//   newlines translated on the bytes, and decoding happens on the consumed part. That keeps tell()
//   simple and exact: buffer.tell() minus the pending bytes (CPython's cookie for a decoder
//   without state is the same byte position). What CPython does at chunk-decoding time is done
//   when a chunk arrives: the `newlines` kinds are recorded (holding back a final '\r' until the
//   next byte is known, as the IncrementalNewlineDecoder's pendingcr) and, with errors='strict',
//   the bytes are validated so a decoding error is raised with the same position as CPython's.
// * Registry codecs (everything else: UTF-16/32, utf-8-sig, the code pages...): the codec's
//   incremental decoder (`decoder`) decodes each chunk as it arrives and `pending` holds the
//   decoded text in generalized UTF-8 (lone surrogates as 3 bytes), so the same line, newline and
//   character logic runs on it (it never holds an incomplete sequence). Writing goes through the
//   incremental encoder (`encoder`), which owns the BOM state (setstate(0) when the stream does
//   not start at 0, as CPython). tell()/seek() use CPython's cookie (start_pos | dec_flags << 64 |
//   bytes_to_feed << 96 | chars_to_skip << 128 | need_eof << 160): each chunk read records a
//   snapshot (decoder flags before the chunk, the bytes fed), and tell() replays the snapshot's
//   bytes one at a time to find the last point where the decoder holds no bytes. CPython wraps the
//   decoder in an IncrementalNewlineDecoder in the universal modes, whose held-back '\r' is bit 0
//   of dec_flags and whose translated characters are what chars_to_skip counts; the replay
//   simulates that wrapper (NlSim) so the cookies are CPython's.
//
// Newline modes (readuniversal/readtranslate/readnl/writenl as CPython):
//   None  lines end at \n, \r\n or \r, all translated to \n; `newlines` records the kinds seen
//   ''    lines end at \n, \r\n or \r, nothing translated; `newlines` records the kinds seen
//   '\n'  lines end at \n only;  '\r' / '\r\n': lines end only at that string, and writing
//         translates \n to it.
// Writing encodes and hands the bytes straight to the buffer (no pending-bytes queue), drops the
// read-ahead and resets the newline record (and a registry decoder), as CPython's write does.
// All state is protected by the GIL.
#include <cstring>
#include <string>

#include "core/abstract.h"
#include "core/args.h"
#include "core/error.h"
#include "modules/io_internal.h"
#include "objects/bytesobject.h"
#include "objects/codecs.h"
#include "objects/containers.h"
#include "objects/intobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"

namespace gilpy {

TypeObject TextIOWrapperType;

namespace {

// t->codec: CODEC_UTF8 / CODEC_ASCII / CODEC_LATIN1 (native) or CODEC_UNKNOWN (registry codec).
enum NewlineSeen : int { SEEN_CR = 1, SEEN_LF = 2, SEEN_CRLF = 4 };

struct TextObject : IOBaseObject {
  Object* buffer;  // owned; null once detached
  bool ok, detached;
  Object* encoding;  // owned str (as given)
  Object* errors;    // owned str
  int codec;
  bool strict;
  Object* decoder;  // owned, registry codecs only (when readable): the incremental decoder
  Object* encoder;  // owned, registry codecs only (when writable): the incremental encoder
  // Registry codecs: the snapshot of the last chunk (CPython's `snapshot`): decoder flags before
  // it (with the newline wrapper's pendingcr bit) and the bytes fed since then. snap_cr: the
  // wrapper held a '\r' back at that point (pending[chunk_idx - 1] is that '\r').
  bool has_snapshot, snap_cr;
  long long snap_flags;
  std::string* snap_input;  // owned
  bool has_decoded;         // a chunk was read since the last seek/write/read() (decoded_chars)
  double b2cratio;          // bytes per character of the last chunk (tell()'s first guess)
  bool readuniversal, readtranslate, writetranslate;
  std::string* readnl;  // owned: the line terminator when not universal
  const char* writenl;  // nullptr, "\r" or "\r\n"
  bool line_buffering, write_through;
  bool has_read1, readable, writable, seekable, telling;
  int seen;
  std::string* pending;  // owned
  size_t ppos;           // consumed prefix of pending
  size_t scanned;        // pending[:scanned] has been recorded in `seen`
  size_t validated;      // pending[:validated] has been checked by the decoder
  size_t chunk_idx;      // pending[chunk_idx:] is the last chunk read (CPython's snapshot)
  bool eof;              // the last chunk read was empty
  ssize chunk_size;
};

TextObject* as_text(Object* o) { return static_cast<TextObject*>(o); }

const char* tp_name(TypeObject* t) {
  return type_has_flag(t, TPFLAG_HEAPTYPE) ? type_name(t) : t->name;
}

bool check_attached(TextObject* t) {
  if (t->ok && !t->detached) return true;
  err_set_string(&Exc_ValueError, t->detached ? "underlying buffer has been detached"
                                              : "I/O operation on uninitialized object");
  return false;
}

// 1 / 0 / -1: buffer.closed
int text_closed(TextObject* t) {
  if (buffered_is_exact(t->buffer)) return buffered_closed(t->buffer);
  Ref c = Ref::steal(object_getattr_str(t->buffer, "closed"));
  if (!c) return -1;
  return object_is_true(c.get());
}

bool check_closed(Object* self) {
  TextObject* t = as_text(self);
  int c;
  if (type_of(self) == &TextIOWrapperType) {
    c = text_closed(t);
  } else {
    Ref r = Ref::steal(object_getattr_str(self, "closed"));
    if (!r) return false;
    c = object_is_true(r.get());
  }
  if (c < 0) return false;
  if (c) {
    err_set_string(&Exc_ValueError, "I/O operation on closed file.");
    return false;
  }
  return true;
}

#define CHECK_ATTACHED(t) \
  if (!check_attached(t)) return nullptr
#define CHECK_CLOSED(self) \
  if (!check_closed(self)) return nullptr

// ---- encodings ----------------------------------------------------------------------------------

bool codec_of(std::string_view name, int* codec) {
  std::string n;
  for (char c : name) n.push_back(c == '_' ? '-' : char(tolower(static_cast<unsigned char>(c))));
  if (n == "utf-8" || n == "utf8" || n == "u8" || n == "utf" || n == "cp65001") {
    *codec = CODEC_UTF8;
  } else if (n == "ascii" || n == "us-ascii" || n == "646" || n == "us") {
    *codec = CODEC_ASCII;
  } else if (n == "latin-1" || n == "latin1" || n == "iso-8859-1" || n == "iso8859-1" ||
             n == "l1" || n == "8859" || n == "cp819" || n == "latin" || n == "iso-ir-100") {
    *codec = CODEC_LATIN1;
  } else {
    return false;
  }
  return true;
}

const char* codec_name(int codec) {
  return codec == CODEC_UTF8 ? "utf-8" : codec == CODEC_ASCII ? "ascii" : "latin-1";
}

bool is_cont(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

constexpr uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;

// The index of the first '\n' or '\r' in p[i:n] (n when none), 8 bytes at a time.
size_t find_eol(const char* p, size_t i, size_t n) {
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    memcpy(&w, p + i, 8);
    uint64_t a = w ^ (kOnes * '\n'), b = w ^ (kOnes * '\r');
    if ((((a - kOnes) & ~a) | ((b - kOnes) & ~b)) & kHighs) break;
  }
  while (i < n && p[i] != '\n' && p[i] != '\r') ++i;
  return i;
}

Object* decode_bytes(TextObject* t, const char* data, size_t n) {
  const char* errors = str_view(t->errors).data();
  if (t->codec == CODEC_UTF8) return str_decode_utf8(data, ssize(n), errors);
  if (t->codec == CODEC_UNKNOWN) return str_from_utf8(data, ssize(n));  // already decoded text
  return str_decode(data, ssize(n), codec_name(t->codec), errors);
}

// Length of the prefix of s[0:n] made of complete UTF-8 sequences (an incomplete sequence at the
// end waits for more bytes).
size_t utf8_complete_prefix(const char* s, size_t n) {
  size_t i = n;
  size_t back = 0;
  while (i > 0 && back < 3 && is_cont(s[i - 1])) {
    --i;
    ++back;
  }
  if (i == 0) return n;
  unsigned char lead = static_cast<unsigned char>(s[i - 1]);
  size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
  if (lead >= 0xC0 && lead <= 0xF4 && back + 1 < need) return i - 1;
  return n;
}

bool utf8_valid(const unsigned char* s, size_t n) {
  size_t i = 0;
  while (i < n) {
    unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      for (uint64_t w; i + 8 <= n; i += 8) {
        memcpy(&w, s + i, 8);
        if (w & kHighs) break;
      }
      continue;
    }
    size_t need;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
      need = 1;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      need = 2;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      need = 3;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + need >= n) return false;
    for (size_t k = 1; k <= need; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if ((need == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
        (need == 3 && (cp < 0x10000 || cp > 0x10FFFF))) {
      return false;
    }
    i += need + 1;
  }
  return true;
}

// Check pending[validated:] as the decoder would when the chunk arrives.
bool validate_pending(TextObject* t) {
  if (!t->strict || t->codec == CODEC_LATIN1 || t->codec == CODEC_UNKNOWN) {
    t->validated = t->pending->size();
    return true;
  }
  const std::string& p = *t->pending;
  size_t from = std::min(t->validated, p.size());
  size_t end = p.size();
  if (t->codec == CODEC_UTF8 && !t->eof) end = from + utf8_complete_prefix(p.data() + from, end - from);
  if (end <= from) return true;
  bool ok;
  if (t->codec == CODEC_UTF8) {
    ok = utf8_valid(reinterpret_cast<const unsigned char*>(p.data() + from), end - from);
  } else {
    ok = true;
    for (size_t i = from; i < end; ++i) {
      if (static_cast<unsigned char>(p[i]) >= 0x80) ok = false;
    }
  }
  if (!ok) {
    Ref r = Ref::steal(decode_bytes(t, p.data() + from, end - from));
    if (!r) return false;
  }
  t->validated = end;
  return true;
}

// The newline kinds in p[i:end] (a final '\r' is classified by the byte after it, when known or
// at EOF); returns where it stopped.
size_t scan_kinds(const std::string& p, size_t i, size_t end, bool eof, int* seen) {
  while ((i = find_eol(p.data(), i, end)) < end) {
    char c = p[i];
    if (c == '\n') {
      *seen |= SEEN_LF;
    } else if (c == '\r') {
      if (i + 1 < p.size()) {
        if (p[i + 1] == '\n') {
          *seen |= SEEN_CRLF;
          ++i;
        } else {
          *seen |= SEEN_CR;
        }
      } else if (eof) {
        *seen |= SEEN_CR;
      } else {
        break;
      }
    }
    ++i;
  }
  return i;
}

// Record the newline kinds of pending[scanned:] (universal modes), holding back a final '\r'.
void scan_newlines(TextObject* t) {
  if (!t->readuniversal) {
    t->scanned = t->pending->size();
    return;
  }
  t->scanned = scan_kinds(*t->pending, t->scanned, t->pending->size(), t->eof, &t->seen);
}

void clear_pending(TextObject* t) {
  t->pending->clear();
  t->ppos = t->scanned = t->validated = t->chunk_idx = 0;
  t->eof = false;
  t->has_decoded = false;
}

// ---- registry codecs ----------------------------------------------------------------------------

// Append `s` to `out` in generalized UTF-8.
void append_text(std::string& out, Object* s) {
  ssize n = str_length(s);
  auto* so = static_cast<StrObject*>(s);
  if (so->ascii) {
    out.append(static_cast<const char*>(so->data()), size_t(n));
    return;
  }
  for (ssize i = 0; i < n; ++i) utf8_append(out, str_read(s, i));
}

// decoder.decode(data, final), checked to be a str.
Object* decoder_decode(TextObject* t, Object* data, bool final) {
  Object* a[2] = {data, final ? True : False};
  Ref r = Ref::steal(call_method(t->decoder, "decode", a, 2));
  if (r && !str_check(r.get())) {
    return err_format(&Exc_TypeError, "decoder should return a string result, not '%s'",
                      type_name(type_of(r.get())));
  }
  return r.release();
}

// decoder.getstate(), checked as CPython: *buf gets the buffered bytes, *flags the flags.
bool decoder_getstate(TextObject* t, std::string* buf, long long* flags) {
  Ref st = Ref::steal(call_method0(t->decoder, "getstate"));
  if (!st) return false;
  if (!tuple_check(st.get()) || tuple_size(st.get()) != 2) {
    err_format(&Exc_TypeError, "illegal decoder state");
    return false;
  }
  Object* b = tuple_get_borrowed(st.get(), 0);
  if (!bytes_check(b)) {
    err_format(&Exc_TypeError,
               "illegal decoder state: the first item should be a bytes object, not '%s'",
               type_name(type_of(b)));
    return false;
  }
  buf->assign(bytes_view(b));
  Object* f = tuple_get_borrowed(st.get(), 1);
  if (!int_check(f)) {
    err_format(&Exc_TypeError, "'%s' object cannot be interpreted as an integer",
               type_name(type_of(f)));
    return false;
  }
  bool overflow = false;
  *flags = int_as_i64(f, &overflow);
  if (overflow || *flags < INT32_MIN || *flags > INT32_MAX) {
    err_format(&Exc_OverflowError, "Python int too large to convert to C int");
    return false;
  }
  return true;
}

// CPython's IncrementalNewlineDecoder around the decoder, as tell()/seek() see it: `pendingcr`
// is bit 0 of the cookie's dec_flags (universal modes only). Its reset() clears the `newlines`
// record, which the replayed output then refills (t->seen), as in CPython's tell().
struct NlSim {
  bool universal, translate, pendingcr;
};

// Set the decoder (and the wrapper) to the cookie's state: reset() for the start of the stream.
bool decoder_setstate(TextObject* t, NlSim* nl, long long start_pos, long long flags) {
  if (start_pos == 0 && flags == 0) {
    nl->pendingcr = false;
    t->seen = 0;
    Ref r = Ref::steal(call_method0(t->decoder, "reset"));
    return bool(r);
  }
  if (nl->universal) {
    nl->pendingcr = flags & 1;
    flags >>= 1;
  }
  Ref b = Ref::steal(bytes_from(std::string_view()));
  Ref f = Ref::steal(int_from_i64(flags));
  if (!b || !f) return false;
  Ref st = Ref::steal(tuple_pack(2, b.get(), f.get()));
  if (!st) return false;
  Ref r = Ref::steal(call_method1(t->decoder, "setstate", st.get()));
  return bool(r);
}

// Feed data to the decoder through the simulated wrapper; the characters it outputs (-1 on error).
ssize sim_decode(TextObject* t, NlSim* nl, const char* data, size_t n, bool final) {
  Ref b = Ref::steal(bytes_from(std::string_view(data, n)));
  if (!b) return -1;
  Ref r = Ref::steal(decoder_decode(t, b.get(), final));
  if (!r) return -1;
  ssize len = str_length(r.get());
  if (!nl->universal) return len;
  ssize count = 0;
  uint32_t prev = 0;
  auto put = [&](uint32_t c) {
    if (prev == '\r') t->seen |= c == '\n' ? SEEN_CRLF : SEEN_CR;
    if (c == '\n' && prev != '\r') t->seen |= SEEN_LF;
    if (!(nl->translate && prev == '\r' && c == '\n')) ++count;
    prev = c;
  };
  if (nl->pendingcr && (len > 0 || final)) {
    nl->pendingcr = false;
    put('\r');
  }
  for (ssize i = 0; i < len; ++i) {
    uint32_t c = str_read(r.get(), i);
    if (c == '\r' && i == len - 1 && !final) {
      nl->pendingcr = true;
      break;
    }
    put(c);
  }
  if (prev == '\r') t->seen |= SEEN_CR;
  return count;
}

// The characters of pending[a:b] as CPython's decoded_chars counts them (translated newlines).
ssize text_count(TextObject* t, size_t a, size_t b) {
  const std::string& p = *t->pending;
  b = std::min(b, p.size());
  ssize n = 0;
  for (size_t i = a; i < b; ++i) {
    if (is_cont(p[i])) continue;
    if (p[i] == '\n' && t->readtranslate && i > a && p[i - 1] == '\r') continue;
    ++n;
  }
  return n;
}

// CPython's tell cookie: start_pos | dec_flags << 64 | bytes_to_feed << 96 | chars_to_skip << 128
// | need_eof << 160 (the little-endian bytes of its C struct).
constexpr int kCookieLen = 21;

Object* build_cookie(long long start_pos, long long dec_flags, long long bytes_to_feed,
                     long long chars_to_skip, bool need_eof) {
  unsigned char buf[kCookieLen];
  auto put = [&](int off, int width, unsigned long long v) {
    for (int i = 0; i < width; ++i) buf[off + i] = static_cast<unsigned char>(v >> (8 * i));
  };
  put(0, 8, static_cast<unsigned long long>(start_pos));
  put(8, 4, static_cast<unsigned long long>(dec_flags));
  put(12, 4, static_cast<unsigned long long>(bytes_to_feed));
  put(16, 4, static_cast<unsigned long long>(chars_to_skip));
  buf[20] = need_eof;
  mpz_t z;
  mpz_init(z);
  mpz_import(z, kCookieLen, -1, 1, 0, 0, buf);
  Object* r = int_from_mpz(z);
  mpz_clear(z);
  return r;
}

struct Cookie {
  long long start_pos, dec_flags, bytes_to_feed, chars_to_skip;
  bool need_eof;
};

bool parse_cookie(Object* pos, Cookie* c) {
  mpz_t z;
  mpz_init(z);
  int_to_mpz(pos, z);
  unsigned char buf[kCookieLen] = {};
  bool ok = mpz_sizeinbase(z, 256) <= size_t(kCookieLen);
  if (ok) mpz_export(buf, nullptr, -1, 1, 0, 0, z);
  mpz_clear(z);
  if (!ok) {
    err_format(&Exc_OverflowError, "int too big to convert");
    return false;
  }
  auto get = [&](int off, int width) {
    unsigned long long v = 0;
    for (int i = width - 1; i >= 0; --i) v = (v << 8) | buf[off + i];
    return v;
  };
  c->start_pos = static_cast<long long>(get(0, 8));
  c->dec_flags = static_cast<int32_t>(get(8, 4));
  c->bytes_to_feed = static_cast<int32_t>(get(12, 4));
  c->chars_to_skip = static_cast<int32_t>(get(16, 4));
  c->need_eof = buf[20] != 0;
  return true;
}

// tell() for a registry codec (CPython's algorithm): `pos` is buffer.tell().
Object* tell_registry(TextObject* t, long long pos) {
  long long start_pos = pos - ssize(t->snap_input->size());
  long long dec_flags = t->snap_flags;
  size_t cpos = std::min(t->chunk_idx - (t->snap_cr && t->chunk_idx > 0 ? 1 : 0), t->ppos);
  ssize chars_to_skip = text_count(t, cpos, t->ppos);
  if (chars_to_skip == 0) return build_cookie(start_pos, dec_flags, 0, 0, false);
  Ref saved = Ref::steal(call_method0(t->decoder, "getstate"));
  if (!saved) return nullptr;
  NlSim nl{t->readuniversal, t->readtranslate, false};
  const std::string& in = *t->snap_input;
  long long bytes_to_feed = 0;
  bool need_eof = false;
  std::string dec_buffer;
  long long flags;
  bool ok = [&]() {
    // Fast search for a start point close to the position, where the decoder holds no bytes.
    ssize skip_bytes = std::min(ssize(t->b2cratio * double(chars_to_skip)), ssize(in.size()));
    ssize skip_back = 1;
    while (skip_bytes > 0) {
      if (!decoder_setstate(t, &nl, start_pos, dec_flags)) return false;
      ssize n = sim_decode(t, &nl, in.data(), size_t(skip_bytes), false);
      if (n < 0) return false;
      if (n <= chars_to_skip) {
        if (!decoder_getstate(t, &dec_buffer, &flags)) return false;
        if (dec_buffer.empty()) {
          dec_flags = nl.universal ? (flags << 1) | nl.pendingcr : flags;
          chars_to_skip -= n;
          break;
        }
        skip_bytes -= ssize(dec_buffer.size());
        skip_back = 1;
      } else {
        skip_bytes -= skip_back;
        skip_back *= 2;
      }
    }
    if (skip_bytes <= 0) {
      skip_bytes = 0;
      if (!decoder_setstate(t, &nl, start_pos, dec_flags)) return false;
    }
    start_pos += skip_bytes;
    if (chars_to_skip == 0) return true;
    // Feed the decoder one byte at a time up to the position.
    ssize chars_decoded = 0;
    size_t i = size_t(skip_bytes);
    for (; i < in.size(); ++i) {
      ssize n = sim_decode(t, &nl, in.data() + i, 1, false);
      if (n < 0) return false;
      chars_decoded += n;
      ++bytes_to_feed;
      if (!decoder_getstate(t, &dec_buffer, &flags)) return false;
      if (dec_buffer.empty() && chars_decoded <= chars_to_skip) {
        start_pos += bytes_to_feed;
        chars_to_skip -= chars_decoded;
        dec_flags = nl.universal ? (flags << 1) | nl.pendingcr : flags;
        bytes_to_feed = 0;
        chars_decoded = 0;
      }
      if (chars_decoded >= chars_to_skip) break;
    }
    if (i >= in.size()) {
      // Not enough decoded data: signal EOF to get more.
      ssize n = sim_decode(t, &nl, "", 0, true);
      if (n < 0) return false;
      chars_decoded += n;
      need_eof = true;
      if (chars_decoded < chars_to_skip) {
        err_format(&Exc_OSError, "can't reconstruct logical file position");
        return false;
      }
    }
    return true;
  }();
  Object* saved_exc = ok ? nullptr : err_fetch();
  Ref r = Ref::steal(call_method1(t->decoder, "setstate", saved.get()));
  if (saved_exc) {
    err_restore(saved_exc);
    return nullptr;
  }
  if (!r) return nullptr;
  return build_cookie(start_pos, dec_flags, bytes_to_feed, chars_to_skip, need_eof);
}

// Read one chunk from the buffer into pending. Returns false with an exception.
bool read_chunk(TextObject* t) {
  if (t->ppos > 0) {
    t->pending->erase(0, t->ppos);
    t->scanned -= std::min(t->scanned, t->ppos);
    t->validated -= std::min(t->validated, t->ppos);
    t->ppos = 0;
  }
  // A registry decoder: snapshot its state before the chunk, for tell().
  bool snap = t->decoder && t->telling;
  bool pendingcr = false;
  std::string dec_buffer;
  long long dec_flags = 0;
  if (snap) {
    pendingcr = t->readuniversal && t->pending->size() > t->ppos && t->pending->back() == '\r';
    if (!decoder_getstate(t, &dec_buffer, &dec_flags)) return false;
  }
  Ref size = Ref::steal(int_from_ssize(t->chunk_size));
  if (!size) return false;
  Object* a[1] = {size.get()};
  Ref chunk = Ref::steal(call_method(t->buffer, t->has_read1 ? "read1" : "read", a, 1));
  if (!chunk) return false;
  t->chunk_idx = t->pending->size();
  t->has_decoded = true;
  if (chunk.get() == None) {
    t->eof = true;
  } else if (t->decoder) {
    if (!bytes_check(chunk.get())) {
      err_format(&Exc_TypeError, "underlying %s() should have returned a bytes-like object, not '%s'",
                 t->has_read1 ? "read1" : "read", type_name(type_of(chunk.get())));
      return false;
    }
    std::string_view raw = bytes_view(chunk.get());
    t->eof = raw.empty();
    Ref text = Ref::steal(decoder_decode(t, chunk.get(), t->eof));
    if (!text) {
      // CPython's read()/readline() had taken the text decoded so far: an error loses it.
      t->ppos = t->pending->size();
      return false;
    }
    append_text(*t->pending, text.get());
    // CPython's ratio counts the characters its newline wrapper output for the chunk.
    size_t end = t->pending->size();
    if (t->readuniversal && !t->eof && end > t->chunk_idx && t->pending->back() == '\r') --end;
    ssize nchars = text_count(t, t->chunk_idx - pendingcr, end);
    t->b2cratio = nchars > 0 ? double(raw.size()) / double(nchars) : 0.0;
    t->has_snapshot = snap;
    if (snap) {
      t->snap_flags = t->readuniversal ? (dec_flags << 1) | pendingcr : dec_flags;
      t->snap_cr = pendingcr;
      *t->snap_input = dec_buffer;
      t->snap_input->append(raw);
    }
  } else {
    ByteView v;
    if (!bytes_check(chunk.get()) && !bytearray_check(chunk.get())) {
      err_format(&Exc_TypeError, "underlying %s() should have returned a bytes-like object, not '%s'",
                 t->has_read1 ? "read1" : "read", type_name(type_of(chunk.get())));
      return false;
    }
    if (!get_byte_view(chunk.get(), &v)) return false;
    if (v.size == 0) t->eof = true;
    t->pending->append(v.data, size_t(v.size));
  }
  scan_newlines(t);
  return validate_pending(t);
}

// Universal newlines: "\r\n" and "\r" become "\n".
void translate_newlines(std::string& s) {
  if (s.find('\r') == std::string::npos) return;
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r') {
      out.push_back('\n');
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else {
      out.push_back(s[i]);
    }
  }
  s.swap(out);
}

// Consume pending[ppos:end] as a str.
Object* consume(TextObject* t, size_t end) {
  // (Another thread may have used the pending bytes while the GIL was released in read_chunk:
  // the indexes are clamped, so a racy use reads garbage but never out of bounds.)
  end = std::min(end, t->pending->size());
  if (t->ppos > end) t->ppos = end;
  const char* data = t->pending->data() + t->ppos;
  size_t n = end - t->ppos;
  t->ppos = end;
  if (!t->readtranslate || !memchr(data, '\r', n)) return decode_bytes(t, data, n);
  std::string bytes(data, n);
  translate_newlines(bytes);
  return decode_bytes(t, bytes.data(), bytes.size());
}

// The byte index after at most `n` characters from `from` (stopping at `to`, before an
// incomplete sequence or a held-back '\r'); *count gets the characters passed.
size_t advance_chars(TextObject* t, size_t from, size_t to, size_t n, size_t* count) {
  const std::string& p = *t->pending;
  to = std::min(to, p.size());
  if (from > to) from = to;
  size_t i = from, c = 0;
  size_t limit = to;
  if (!t->eof && t->codec == CODEC_UTF8) limit = from + utf8_complete_prefix(p.data() + from, to - from);
  while (i < limit && c < n) {
    // "\r" or "\r\n": not known yet (a registry codec's text also holds it back untranslated,
    // as CPython's newline wrapper does, so that tell() cookies are CPython's).
    if (p[i] == '\r' && i + 1 >= limit && !t->eof &&
        (t->readtranslate || (t->readuniversal && t->codec == CODEC_UNKNOWN))) {
      break;
    }
    if (p[i] == '\r' && t->readtranslate && i + 1 < limit && p[i + 1] == '\n') ++i;
    ++i;
    if (t->codec == CODEC_UTF8 || t->codec == CODEC_UNKNOWN) {
      while (i < limit && is_cont(p[i])) ++i;
    }
    ++c;
  }
  *count = c;
  return i;
}

Object* text_read_line(TextObject* t, ssize limit) {
  t->eof = false;
  size_t search = t->ppos;
  for (;;) {
    const std::string& p = *t->pending;
    if (search < t->ppos || search > p.size()) search = t->ppos;
    size_t end = std::string::npos;
    bool need_more = false;
    if (t->readuniversal) {
      size_t i = find_eol(p.data(), search, p.size());
      if (i < p.size() && p[i] == '\n') {
        end = i + 1;
      } else if (i < p.size()) {  // '\r'
        if (i + 1 < p.size()) {
          end = i + (p[i + 1] == '\n' ? 2 : 1);
        } else if (t->eof) {
          end = i + 1;
        } else {
          need_more = true;
          search = i;
        }
      }
      if (end == std::string::npos && !need_more) search = p.size();
    } else {
      size_t f = p.find(*t->readnl, search);
      if (f != std::string::npos) {
        end = f + t->readnl->size();
      } else {
        search = p.size() >= t->readnl->size() ? p.size() - t->readnl->size() + 1 : t->ppos;
        if (search < t->ppos) search = t->ppos;
      }
    }
    if (end == std::string::npos && t->eof) end = p.size();
    if (limit >= 0) {
      size_t count;
      size_t stop = end == std::string::npos ? p.size() : end;
      size_t cut = advance_chars(t, t->ppos, stop, size_t(limit), &count);
      if (count >= size_t(limit)) return consume(t, cut);
    }
    if (end != std::string::npos) return consume(t, end);
    // read_chunk drops the consumed prefix: keep the scan position relative to ppos.
    size_t rel = search >= t->ppos ? search - t->ppos : 0;
    if (!read_chunk(t)) return nullptr;
    search = t->ppos + rel;
  }
}

Object* text_readline(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("readline", kwnames) || !check_positional("readline", nargs, 0, 1)) {
    return nullptr;
  }
  ssize limit;
  if (nargs && args[0] != None && !index_check(args[0])) {
    return err_format(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", args[0]);
  }
  if (!io_size_arg(nargs ? args[0] : nullptr, &limit)) return nullptr;
  TextObject* t = as_text(self);
  CHECK_ATTACHED(t);
  CHECK_CLOSED(self);
  if (!t->readable) return io_unsupported("not readable");
  return text_read_line(t, limit);
}

Object* text_read(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("read", kwnames) || !check_positional("read", nargs, 0, 1)) return nullptr;
  ssize n;
  if (!io_size_arg(nargs ? args[0] : nullptr, &n)) return nullptr;
  TextObject* t = as_text(self);
  CHECK_ATTACHED(t);
  CHECK_CLOSED(self);
  if (!t->readable) return io_unsupported("not readable");
  t->eof = false;
  if (n < 0) {
    Ref all = Ref::steal(call_method0(t->buffer, "read"));
    if (!all) return nullptr;
    if (all.get() != None && !bytes_check(all.get())) {
      return err_format(&Exc_TypeError,
                        "underlying read() should have returned a bytes object, not '%s'",
                        type_name(type_of(all.get())));
    }
    if (t->decoder) {
      if (all.get() == None) all = Ref::steal(bytes_from(std::string_view()));
      if (!all) return nullptr;
      Ref text = Ref::steal(decoder_decode(t, all.get(), true));
      if (!text) return nullptr;
      append_text(*t->pending, text.get());
      t->has_snapshot = false;
    } else if (all.get() != None) {
      std::string_view raw = bytes_view(all.get());
      // Nothing pending (nor held back by the scans) and no '\r': the bytes are the text,
      // decoded in place (the decoder's error is the one validate_pending would raise).
      size_t psize = t->pending->size();
      if (t->ppos == psize && t->scanned >= psize && t->validated >= psize &&
          !memchr(raw.data(), '\r', raw.size())) {
        if (t->readuniversal && memchr(raw.data(), '\n', raw.size())) t->seen |= SEEN_LF;
        clear_pending(t);
        return decode_bytes(t, raw.data(), raw.size());
      }
      t->pending->append(raw);
    }
    t->eof = true;
    scan_newlines(t);
    if (!validate_pending(t)) return nullptr;
    Object* r = consume(t, t->pending->size());
    clear_pending(t);
    return r;
  }
  for (;;) {
    size_t count;
    size_t end = advance_chars(t, t->ppos, t->pending->size(), size_t(n), &count);
    if (count >= size_t(n) || t->eof) return consume(t, end);
    if (!read_chunk(t)) return nullptr;
  }
}

Object* text_iternext(Object* self) {
  TextObject* t = as_text(self);
  if (!check_attached(t)) return nullptr;
  t->telling = false;
  Ref line;
  if (type_of(self) == &TextIOWrapperType) {
    if (!check_closed(self)) return nullptr;
    if (!t->readable) return io_unsupported("not readable");
    line = Ref::steal(text_read_line(t, -1));
  } else {
    line = Ref::steal(call_method0(self, "readline"));
    if (line && !str_check(line.get())) {
      return err_format(&Exc_OSError, "readline() should have returned a str object, not '%s'",
                        type_name(type_of(line.get())));
    }
  }
  if (!line) return nullptr;
  if (str_length(line.get()) == 0) {
    t->has_snapshot = false;
    t->telling = t->seekable;
    return nullptr;
  }
  return line.release();
}

// buffer.write(data) (the bytes object `b` holding it, when there is one), then flush when asked;
// the read-ahead and the decoder are dropped. Returns len(s).
Object* write_out(TextObject* t, std::string_view data, Object* b, bool needflush, Object* s) {
  int done = buffered_write_exact(t->buffer, data.data(), data.size());
  if (done < 0) return nullptr;
  if (!done) {
    Ref made;
    if (!b) {
      made = Ref::steal(bytes_from(data));
      if (!made) return nullptr;
      b = made.get();
    }
    Object* a[1] = {b};
    Ref r = Ref::steal(call_method(t->buffer, "write", a, 1));
    if (!r) return nullptr;
  }
  if (needflush) {
    Ref f = Ref::steal(call_method0(t->buffer, "flush"));
    if (!f) return nullptr;
  }
  clear_pending(t);
  t->seen = 0;
  if (t->decoder) {
    t->has_snapshot = false;
    Ref d = Ref::steal(call_method0(t->decoder, "reset"));
    if (!d) return nullptr;
  }
  return int_from_ssize(str_length(s));
}

// write() through a registry encoder: newlines are translated on the text, then it is encoded.
Object* write_registry(TextObject* t, Object* s) {
  Ref text = Ref::borrow(s);
  bool haslf = false, hascr = false;
  for (ssize i = 0, n = str_length(s); i < n; ++i) {
    uint32_t c = str_read(s, i);
    haslf |= c == '\n';
    hascr |= c == '\r';
  }
  if (haslf && t->writetranslate && t->writenl) {
    Ref lf = Ref::steal(str_from_cstr("\n"));
    Ref nl = Ref::steal(str_from_cstr(t->writenl));
    if (!lf || !nl) return nullptr;
    Object* a[2] = {lf.get(), nl.get()};
    text = Ref::steal(call_method(s, "replace", a, 2));
    if (!text) return nullptr;
  }
  bool needflush = t->write_through || (t->line_buffering && (haslf || hascr));
  Ref b = Ref::steal(call_method1(t->encoder, "encode", text.get()));
  if (!b) return nullptr;
  if (!bytes_check(b.get())) {
    return err_format(&Exc_TypeError, "encoder should return a bytes object, not '%s'",
                      type_name(type_of(b.get())));
  }
  return write_out(t, bytes_view(b.get()), b.get(), needflush, s);
}

Object* text_write(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("write", nargs, kwnames)) return nullptr;
  Object* s = args[0];
  if (!str_check(s)) return err_format(&Exc_TypeError, "write() argument must be str, not %T", s);
  TextObject* t = as_text(self);
  CHECK_ATTACHED(t);
  CHECK_CLOSED(self);
  if (!t->writable) return io_unsupported("not writable");
  if (t->encoder) return write_registry(t, s);
  Ref encoded;
  std::string_view view;
  const char* data = nullptr;
  ssize size = 0;
  if (t->codec == CODEC_UTF8) data = str_as_utf8(s, &size);
  if (data) {
    view = std::string_view(data, size_t(size));
  } else {
    err_clear();
    encoded = Ref::steal(str_encode(s, codec_name(t->codec), str_view(t->errors).data()));
    if (!encoded) return nullptr;
    view = bytes_view(encoded.get());
  }
  bool haslf = view.find('\n') != std::string_view::npos;
  std::string translated;
  if (haslf && t->writetranslate && t->writenl) {
    for (char c : view) {
      if (c == '\n') {
        translated += t->writenl;
      } else {
        translated.push_back(c);
      }
    }
    view = translated;
  }
  bool needflush = t->write_through ||
                   (t->line_buffering && (haslf || view.find('\r') != std::string_view::npos));
  return write_out(t, view, nullptr, needflush, s);
}

Object* text_flush(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("flush", nargs, kwnames)) return nullptr;
  TextObject* t = as_text(self);
  CHECK_ATTACHED(t);
  CHECK_CLOSED(self);
  t->telling = t->seekable;
  return call_method0(t->buffer, "flush");
}

Object* text_close(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("close", nargs, kwnames)) return nullptr;
  TextObject* t = as_text(self);
  CHECK_ATTACHED(t);
  int c = text_closed(t);
  if (c < 0) return nullptr;
  if (c) return none_ref();
  Ref r = Ref::steal(call_method0(self, "flush"));
  Object* saved = r ? nullptr : err_fetch();
  Ref cl = Ref::steal(call_method0(t->buffer, "close"));
  if (!cl) {
    io_chain_exception(saved);
    return nullptr;
  }
  if (saved) {
    err_restore(saved);
    return nullptr;
  }
  return none_ref();
}

Object* text_detach(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("detach", nargs, kwnames)) return nullptr;
  TextObject* t = as_text(self);
  CHECK_ATTACHED(t);
  Ref r = Ref::steal(call_method0(self, "flush"));
  if (!r) return nullptr;
  Object* b = t->buffer;
  t->buffer = nullptr;
  t->detached = true;
  return b;
}

Object* text_tell(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("tell", nargs, kwnames)) return nullptr;
  TextObject* t = as_text(self);
  CHECK_ATTACHED(t);
  CHECK_CLOSED(self);
  if (!t->seekable) return io_unsupported("underlying stream is not seekable");
  if (!t->telling) return err_format(&Exc_OSError, "telling position disabled by next() call");
  Ref f = Ref::steal(call_method0(self, "flush"));
  if (!f) return nullptr;
  Ref pos = Ref::steal(call_method0(t->buffer, "tell"));
  if (!pos) return nullptr;
  if (t->decoder && t->has_snapshot) {
    ssize p = number_as_ssize(pos.get(), &Exc_OverflowError);
    if (p == -1 && err_occurred()) return nullptr;
    return tell_registry(t, p);
  }
  size_t left = t->pending->size() - t->ppos;
  if (left == 0) return pos.release();
  ssize p = number_as_ssize(pos.get(), &Exc_OverflowError);
  if (p == -1 && err_occurred()) return nullptr;
  // CPython rebuilds the decoder state by decoding the last chunk up to the position, starting
  // with a reset decoder when that chunk begins the file: `newlines` then only reports the
  // kinds before the position.
  if (t->readuniversal && t->ppos > t->chunk_idx && t->chunk_idx <= t->pending->size() &&
      p - ssize(t->pending->size() - t->chunk_idx) == 0) {
    t->seen = 0;
    scan_kinds(*t->pending, t->chunk_idx, t->ppos, true, &t->seen);
  }
  return int_from_ssize(p - ssize(left));
}

// encoder.reset() at the start of the stream (a BOM is written next), else encoder.setstate(0).
bool encoder_reset(TextObject* t, bool start_of_stream) {
  Ref r;
  if (start_of_stream) {
    r = Ref::steal(call_method0(t->encoder, "reset"));
  } else {
    Ref zero = Ref::steal(int_from_i64(0));
    if (!zero) return false;
    r = Ref::steal(call_method1(t->encoder, "setstate", zero.get()));
  }
  return bool(r);
}

// seek(cookie) for a registry codec: go back to the cookie's safe start point and replay the
// effect of reading chars_to_skip characters from there (CPython's algorithm).
bool seek_registry(TextObject* t, Object* pos) {
  Cookie c;
  if (!parse_cookie(pos, &c)) return false;
  Ref start = Ref::steal(int_from_i64(c.start_pos));
  if (!start) return false;
  Ref r = Ref::steal(call_method1(t->buffer, "seek", start.get()));
  if (!r) return false;
  clear_pending(t);
  t->has_snapshot = false;
  bool at_start = c.start_pos == 0 && c.dec_flags == 0;
  if (at_start) t->seen = 0;
  if (t->decoder) {
    NlSim nl{t->readuniversal, t->readtranslate, false};
    if (!decoder_setstate(t, &nl, c.start_pos, c.dec_flags)) return false;
    // The wrapper's held-back '\r' comes first in the text still to read.
    if (nl.pendingcr) t->pending->push_back('\r');
    t->chunk_idx = t->pending->size();
    t->snap_cr = nl.pendingcr;
    t->snap_flags = c.dec_flags;
    t->snap_input->clear();
    t->has_snapshot = true;
    if (c.chars_to_skip) {
      Ref n = Ref::steal(int_from_i64(c.bytes_to_feed));
      if (!n) return false;
      Ref input = Ref::steal(call_method1(t->buffer, "read", n.get()));
      if (!input) return false;
      if (!bytes_check(input.get())) {
        err_format(&Exc_TypeError, "underlying read() should have returned a bytes object, not '%s'",
                   type_name(type_of(input.get())));
        return false;
      }
      t->snap_input->assign(bytes_view(input.get()));
      Ref text = Ref::steal(decoder_decode(t, input.get(), c.need_eof));
      if (!text) return false;
      append_text(*t->pending, text.get());
      t->has_decoded = true;
      // Skip chars_to_skip characters (a final '\r' is held back unless at EOF).
      const std::string& p = *t->pending;
      size_t limit = p.size();
      if (t->readuniversal && !c.need_eof && limit > 0 && p[limit - 1] == '\r') --limit;
      size_t i = 0;
      long long got = 0;
      while (i < limit && got < c.chars_to_skip) {
        if (p[i] == '\r' && t->readtranslate && i + 1 < limit && p[i + 1] == '\n') ++i;
        ++i;
        while (i < limit && is_cont(p[i])) ++i;
        ++got;
      }
      if (got < c.chars_to_skip) {
        clear_pending(t);
        err_format(&Exc_OSError, "can't restore logical file position");
        return false;
      }
      t->ppos = i;
      scan_newlines(t);
    }
  }
  return !t->encoder || encoder_reset(t, at_start);
}

Object* text_seek(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("seek", kwnames) || !check_positional("seek", nargs, 1, 2)) return nullptr;
  int whence = 0;
  if (nargs == 2) {
    if (!index_check(args[1])) {
      return err_format(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", args[1]);
    }
    ssize w = number_as_ssize(args[1], &Exc_OverflowError);
    if (w == -1 && err_occurred()) return nullptr;
    whence = int(w);
  }
  TextObject* t = as_text(self);
  CHECK_ATTACHED(t);
  CHECK_CLOSED(self);
  if (!t->seekable) return io_unsupported("underlying stream is not seekable");
  Ref cookie = Ref::borrow(args[0]);
  Ref zero = Ref::steal(int_from_i64(0));
  if (whence == 1 || whence == 2) {
    int eq = object_richcompare_bool(cookie.get(), zero.get(), CMP_EQ);
    if (eq < 0) return nullptr;
    if (!eq) {
      return io_unsupported(whence == 1 ? "can't do nonzero cur-relative seeks"
                                        : "can't do nonzero end-relative seeks");
    }
  }
  if (whence == 1) {
    cookie = Ref::steal(call_method0(self, "tell"));
    if (!cookie) return nullptr;
  } else if (whence == 2) {
    Ref f = Ref::steal(call_method0(self, "flush"));
    if (!f) return nullptr;
    clear_pending(t);
    t->seen = 0;
    t->has_snapshot = false;
    if (t->decoder) {
      Ref d = Ref::steal(call_method0(t->decoder, "reset"));
      if (!d) return nullptr;
    }
    Ref two = Ref::steal(int_from_i64(2));
    Object* a[2] = {zero.get(), two.get()};
    Ref r = Ref::steal(call_method(t->buffer, "seek", a, 2));
    if (!r) return nullptr;
    if (t->encoder) {
      // At the start of the stream the encoder writes a BOM, elsewhere not.
      int at_start = object_richcompare_bool(r.get(), zero.get(), CMP_EQ);
      if (at_start < 0) return nullptr;
      if (!encoder_reset(t, at_start)) return nullptr;
    }
    return r.release();
  } else if (whence != 0) {
    return err_format(&Exc_ValueError, "invalid whence (%d, should be 0, 1 or 2)", whence);
  }
  int neg = object_richcompare_bool(cookie.get(), zero.get(), CMP_LT);
  if (neg < 0) return nullptr;
  if (neg) return err_format(&Exc_ValueError, "negative seek position %R", cookie.get());
  Ref f = Ref::steal(call_method0(self, "flush"));
  if (!f) return nullptr;
  // The cookie goes through int() (a float cookie is accepted and returned as given, as CPython).
  Ref pos = Ref::steal(number_long(cookie.get()));
  if (!pos) return nullptr;
  if (t->decoder || t->encoder) {
    if (!seek_registry(t, pos.get())) return nullptr;
    return cookie.release();
  }
  clear_pending(t);
  int is_zero = object_richcompare_bool(pos.get(), zero.get(), CMP_EQ);
  if (is_zero < 0) return nullptr;
  if (is_zero) t->seen = 0;
  Object* a[1] = {pos.get()};
  Ref r = Ref::steal(call_method(t->buffer, "seek", a, 1));
  if (!r) return nullptr;
  return cookie.release();
}

Object* text_truncate(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("truncate", kwnames) || !check_positional("truncate", nargs, 0, 1)) {
    return nullptr;
  }
  TextObject* t = as_text(self);
  CHECK_ATTACHED(t);
  Ref f = Ref::steal(call_method0(self, "flush"));
  if (!f) return nullptr;
  Object* a[1] = {nargs ? args[0] : None};
  return call_method(t->buffer, "truncate", a, 1);
}

template <int Which>
Object* text_forward(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"readable", "writable", "seekable", "fileno", "isatty"};
  if (!check_no_args(names[Which], nargs, kwnames)) return nullptr;
  TextObject* t = as_text(self);
  CHECK_ATTACHED(t);
  return call_method0(t->buffer, names[Which]);
}

Object* text_repr(Object* self) {
  TextObject* t = as_text(self);
  if (!t->ok) return err_format(&Exc_ValueError, "I/O operation on uninitialized object");
  StrWriter w;
  w.append("<");
  w.append(tp_name(type_of(self)));
  for (const char* attr : {"name", "mode"}) {
    Ref v = Ref::steal(object_getattr_str(self, attr));
    if (!v) {
      if (!err_matches(&Exc_ValueError) && !err_matches(&Exc_AttributeError)) return nullptr;
      err_clear();
      continue;
    }
    w.append(" ");
    w.append(attr);
    w.append("=");
    if (!w.append_repr(v.get())) return nullptr;
  }
  w.append(" encoding=");
  if (!w.append_repr(t->encoding)) return nullptr;
  w.append(">");
  return w.finish();
}

Object* text_get_name(Object* self) {
  TextObject* t = as_text(self);
  CHECK_ATTACHED(t);
  return object_getattr_str(t->buffer, "name");
}
Object* text_get_closed(Object* self) {
  TextObject* t = as_text(self);
  CHECK_ATTACHED(t);
  if (buffered_is_exact(t->buffer)) {
    int c = buffered_closed(t->buffer);
    if (c < 0) return nullptr;
    return bool_from(c);
  }
  return object_getattr_str(t->buffer, "closed");
}
Object* text_get_newlines(Object* self) {
  TextObject* t = as_text(self);
  CHECK_ATTACHED(t);
  if (!t->readable || !t->readuniversal || t->seen == 0) return none_ref();
  const char* kinds[3];
  int n = 0;
  if (t->seen & SEEN_CR) kinds[n++] = "\r";
  if (t->seen & SEEN_LF) kinds[n++] = "\n";
  if (t->seen & SEEN_CRLF) kinds[n++] = "\r\n";
  if (n == 1) return str_from_cstr(kinds[0]);
  Ref tup = Ref::steal(tuple_new(n));
  if (!tup) return nullptr;
  for (int i = 0; i < n; ++i) {
    Object* k = str_from_cstr(kinds[i]);
    if (!k) {
      for (int j = i; j < n; ++j) tuple_set_steal(tup.get(), j, none_ref());
      return nullptr;
    }
    tuple_set_steal(tup.get(), i, k);
  }
  return tup.release();
}
Object* text_get_encoding(Object* self) { return newref(as_text(self)->encoding); }
Object* text_get_errors(Object* self) { return newref(as_text(self)->errors); }
Object* text_get_buffer(Object* self) {
  Object* b = as_text(self)->buffer;
  return newref(b ? b : None);
}
Object* text_get_line_buffering(Object* self) { return bool_from(as_text(self)->line_buffering); }
Object* text_get_write_through(Object* self) { return bool_from(as_text(self)->write_through); }
Object* text_get_chunk_size(Object* self) {
  TextObject* t = as_text(self);
  CHECK_ATTACHED(t);
  return int_from_ssize(t->chunk_size);
}
int text_set_chunk_size(Object* self, Object* value) {
  TextObject* t = as_text(self);
  if (!check_attached(t)) return -1;
  if (!value) {
    err_format(&Exc_AttributeError, "cannot delete attribute");
    return -1;
  }
  ssize n = number_as_ssize(value, &Exc_OverflowError);
  if (n == -1 && err_occurred()) return -1;
  if (n <= 0) {
    err_format(&Exc_ValueError, "a strictly positive integer is required");
    return -1;
  }
  t->chunk_size = n;
  return 0;
}

// ---- construction -------------------------------------------------------------------------------

Object* text_new(TypeObject* type, Object* const*, ssize, Object*) {
  auto* t = static_cast<TextObject*>(object_alloc(type, size_t(type->basicsize)));
  if (!t) return nullptr;
  t->pending = new std::string();
  t->readnl = new std::string();
  t->snap_input = new std::string();
  t->chunk_size = 8192;
  return t;
}

// A newline argument (None or str) checked as CPython: *has gets whether it is a str.
bool check_newline(Object* newline, bool* has, std::string* nl) {
  *has = newline && newline != None;
  if (!*has) return true;
  *nl = std::string(str_view(newline));
  if (!nl->empty() && *nl != "\n" && *nl != "\r" && *nl != "\r\n") {
    err_format(&Exc_ValueError, "illegal newline value: %s", nl->c_str());
    return false;
  }
  return true;
}

void set_newline(TextObject* t, bool has_newline, const std::string& nl) {
  t->readuniversal = !has_newline || nl.empty();
  t->readtranslate = !has_newline;
  t->writetranslate = !has_newline || !nl.empty();
  *t->readnl = nl;
  t->writenl = nullptr;
  if (!t->readuniversal) {
    if (nl == "\r") t->writenl = "\r";
    if (nl == "\r\n") t->writenl = "\r\n";
  }
}

// The codec for `enc`: a native one, else the registry's CodecInfo in *info (LookupError for an
// unknown name or a codec that is not a text encoding, as CPython's open()).
bool resolve_codec(Object* enc, int* codec, Ref* info) {
  if (codec_of(str_view(enc), codec)) return true;
  *codec = CODEC_UNKNOWN;
  *info = Ref::steal(codec_registry_lookup(enc));
  if (!*info) return false;
  Ref attr = Ref::steal(str_from_cstr("_is_text_encoding"));
  if (!attr) return false;
  Object* found = nullptr;
  if (object_lookup_attr(info->get(), attr.get(), &found) < 0) return false;
  Ref is_text = Ref::steal(found);
  if (is_text) {
    int v = object_is_true(is_text.get());
    if (v < 0) return false;
    if (!v) {
      err_format(&Exc_LookupError,
                 "'%s' is not a text encoding; use codecs.open() to handle arbitrary codecs",
                 str_view(enc).data());
      return false;
    }
  }
  return true;
}

// Switch to codec/info (from resolve_codec) with `errors`; a registry codec gets its incremental
// decoder (when readable) and encoder (when writable), the encoder told whether the stream starts
// here (CPython's _textiowrapper_fix_encoder_state).
bool install_codec(TextObject* t, int codec, Object* info, Object* enc, Object* errors) {
  Ref dec, encr;
  if (codec == CODEC_UNKNOWN) {
    if (t->readable) {
      dec = Ref::steal(call_method1(info, "incrementaldecoder", errors));
      if (!dec) return false;
    }
    if (t->writable) {
      encr = Ref::steal(call_method1(info, "incrementalencoder", errors));
      if (!encr) return false;
    }
  }
  setref(&t->decoder, dec.release());
  setref(&t->encoder, encr.release());
  setref(&t->encoding, newref(enc));
  setref(&t->errors, newref(errors));
  t->codec = codec;
  t->strict = str_equal_cstr(t->errors, "strict");
  t->has_snapshot = false;
  if (!t->encoder) return true;
  if (t->seekable) {
    Ref pos = Ref::steal(call_method0(t->buffer, "tell"));
    if (!pos) return false;
    Ref zero = Ref::steal(int_from_i64(0));
    if (!zero) return false;
    int at_start = object_richcompare_bool(pos.get(), zero.get(), CMP_EQ);
    if (at_start < 0) return false;
    return at_start || encoder_reset(t, false);
  }
  // CPython encodes UTF-16/32 natively and writes their BOM only at the known start of a
  // seekable stream: never on a pipe or a terminal.
  Ref name = Ref::steal(object_getattr_str(info, "name"));
  if (!name) return false;
  if (str_check(name.get()) &&
      (str_equal_cstr(name.get(), "utf-16") || str_equal_cstr(name.get(), "utf-32"))) {
    return encoder_reset(t, false);
  }
  return true;
}

int text_init_impl(TextObject* t, Object* buffer, Object* encoding, Object* errors,
                   Object* newline, bool line_buffering, bool write_through) {
  t->ok = false;
  t->detached = false;
  const char* fname = "TextIOWrapper";
  auto opt_str = [&](Object* o, const char* what) {
    if (o && o != None && !str_check(o)) {
      err_format(&Exc_TypeError, "%s() argument '%s' must be str or None, not %T", fname, what, o);
      return false;
    }
    return true;
  };
  if (!opt_str(encoding, "encoding") || !opt_str(errors, "errors") ||
      !opt_str(newline, "newline")) {
    return -1;
  }
  bool has_newline;
  std::string nl;
  if (!check_newline(newline, &has_newline, &nl)) return -1;
  Ref enc;
  if (!encoding || encoding == None || str_equal_cstr(encoding, "locale")) {
    enc = Ref::steal(str_from_cstr("UTF-8"));  // the locale's encoding (UTF-8 here)
    if (!enc) return -1;
  } else {
    enc = Ref::borrow(encoding);
  }
  int codec;
  Ref info;
  if (!resolve_codec(enc.get(), &codec, &info)) return -1;
  Ref err = errors && errors != None ? Ref::borrow(errors) : Ref::steal(str_from_cstr("strict"));
  if (!err) return -1;
  set_newline(t, has_newline, nl);
  t->line_buffering = line_buffering;
  t->write_through = write_through;
  t->seen = 0;
  clear_pending(t);
  setref(&t->buffer, newref(buffer));
  int r = io_call_bool(buffer, "readable");
  if (r < 0) return -1;
  t->readable = r;
  r = io_call_bool(buffer, "writable");
  if (r < 0) return -1;
  t->writable = r;
  r = io_call_bool(buffer, "seekable");
  if (r < 0) return -1;
  t->seekable = t->telling = r;
  Ref name = Ref::steal(str_from_cstr("read1"));
  if (!name) return -1;
  r = object_hasattr(buffer, name.get());
  if (r < 0) return -1;
  t->has_read1 = r;
  if (!install_codec(t, codec, info.get(), enc.get(), err.get())) return -1;
  t->ok = true;
  return 0;
}

// reconfigure(*, encoding=None, errors=None, newline=<unchanged>, line_buffering=None,
// write_through=None)
Object* text_reconfigure(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"encoding", "errors", "newline", "line_buffering",
                                      "write_through", nullptr};
  static const ArgSpec spec{"reconfigure", names, 0, 0};
  Object* a[5];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  TextObject* t = as_text(self);
  CHECK_ATTACHED(t);
  Object* encoding = a[0] ? a[0] : None;
  Object* errors = a[1] ? a[1] : None;
  for (int i = 0; i < 2; ++i) {
    Object* o = i ? errors : encoding;
    if (o != None && !str_check(o)) {
      return err_format(&Exc_TypeError, "reconfigure() argument '%s' must be str or None, not %T",
                        names[i], o);
    }
  }
  if (t->has_decoded && (encoding != None || errors != None || a[2])) {
    return io_unsupported(
        "It is not possible to set the encoding or newline of stream after the first read");
  }
  bool has_newline = false;
  std::string nl;
  if (a[2]) {
    if (a[2] != None && !str_check(a[2])) {
      return err_format(&Exc_TypeError, "reconfigure() argument 'newline' must be str or None, not %T",
                        a[2]);
    }
    if (!check_newline(a[2], &has_newline, &nl)) return nullptr;
  }
  bool line_buffering = t->line_buffering, write_through = t->write_through;
  if (a[3] && a[3] != None && !bool_arg(a[3], false, &line_buffering)) return nullptr;
  if (a[4] && a[4] != None && !bool_arg(a[4], false, &write_through)) return nullptr;
  Ref f = Ref::steal(call_method0(self, "flush"));
  if (!f) return nullptr;
  if (a[2]) set_newline(t, has_newline, nl);
  if (encoding != None || errors != None || a[2]) {
    Ref enc, err;
    if (encoding == None) {
      enc = Ref::borrow(t->encoding);
      err = Ref::borrow(errors == None ? t->errors : errors);
    } else {
      enc = str_equal_cstr(encoding, "locale") ? Ref::steal(str_from_cstr("UTF-8"))
                                               : Ref::borrow(encoding);
      err = errors == None ? Ref::steal(str_from_cstr("strict")) : Ref::borrow(errors);
    }
    if (!enc || !err) return nullptr;
    int codec;
    Ref info;
    if (!resolve_codec(enc.get(), &codec, &info) ||
        !install_codec(t, codec, info.get(), enc.get(), err.get())) {
      return nullptr;
    }
  }
  t->line_buffering = line_buffering;
  t->write_through = write_through;
  return none_ref();
}

int text_init(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"buffer",         "encoding",      "errors", "newline",
                                      "line_buffering", "write_through", nullptr};
  static const ArgSpec spec{"TextIOWrapper", names, 1, 6};
  Object* a[6];
  if (!parse_args(spec, args, nargs, kwnames, a)) return -1;
  bool flags[2] = {false, false};
  for (int i = 0; i < 2; ++i) {
    if (a[4 + i]) {
      int v = object_is_true(a[4 + i]);
      if (v < 0) return -1;
      flags[i] = v;
    }
  }
  return text_init_impl(as_text(self), a[0], a[1], a[2], a[3], flags[0], flags[1]);
}

void text_dealloc(Object* self) {
  TextObject* t = as_text(self);
  if (t->ok && t->buffer && !t->detached) {
    Object* saved = err_fetch();
    int c = text_closed(t);
    if (c == 0) {
      Ref f = Ref::steal(call_method0(t->buffer, "flush"));
      err_clear();
      Ref r = Ref::steal(call_method0(t->buffer, "close"));
    }
    err_clear();
    err_restore(saved);
  }
  xdecref(t->buffer);
  xdecref(t->encoding);
  xdecref(t->errors);
  xdecref(t->decoder);
  xdecref(t->encoder);
  delete t->pending;
  delete t->readnl;
  delete t->snap_input;
  io_clear_dict(self);
  object_free(self);
}

#define M(name, fn) {name, fn, METH_DEFAULT, nullptr}
const MethodDef kTextMethods[] = {
    M("detach", text_detach),
    M("write", text_write),
    M("read", text_read),
    M("readline", text_readline),
    M("flush", text_flush),
    M("close", text_close),
    M("fileno", text_forward<3>),
    M("seekable", text_forward<2>),
    M("readable", text_forward<0>),
    M("writable", text_forward<1>),
    M("isatty", text_forward<4>),
    M("seek", text_seek),
    M("tell", text_tell),
    M("truncate", text_truncate),
    M("reconfigure", text_reconfigure),
    {nullptr, nullptr, 0, nullptr},
};
#undef M

const GetSetDef kTextGetSet[] = {
    {"name", text_get_name, nullptr, nullptr},
    {"closed", text_get_closed, nullptr, nullptr},
    {"newlines", text_get_newlines, nullptr, nullptr},
    {"encoding", text_get_encoding, nullptr, nullptr},
    {"errors", text_get_errors, nullptr, nullptr},
    {"buffer", text_get_buffer, nullptr, nullptr},
    {"line_buffering", text_get_line_buffering, nullptr, nullptr},
    {"write_through", text_get_write_through, nullptr, nullptr},
    {"_CHUNK_SIZE", text_get_chunk_size, text_set_chunk_size, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

}  // namespace

bool io_text_types_ready() {
  TypeObject* t = &TextIOWrapperType;
  io_init_type(t, "_io.TextIOWrapper", sizeof(TextObject), &TextIOBaseType);
  t->new_ = text_new;
  t->init = text_init;
  t->dealloc = text_dealloc;
  t->repr = text_repr;
  t->iternext = text_iternext;
  t->methods = kTextMethods;
  t->getset = kTextGetSet;
  t->doc = "Character and line based layer over a BufferedIOBase object, buffer.";
  return type_ready(t) >= 0;
}

Object* text_create(Object* buffer, Object* encoding, Object* errors, Object* newline,
                    bool line_buffering, bool write_through) {
  Ref t = Ref::steal(text_new(&TextIOWrapperType, nullptr, 0, nullptr));
  if (!t) return nullptr;
  if (text_init_impl(as_text(t.get()), buffer, encoding, errors, newline, line_buffering,
                     write_through) <
      0) {
    return nullptr;
  }
  return t.release();
}

bool text_encoding_is_native(std::string_view name) {
  int codec;
  return codec_of(name, &codec);
}

Object* text_buffer_borrowed(Object* text) {
  if (!object_type_check(text, &TextIOWrapperType)) return nullptr;
  return as_text(text)->buffer;
}

}  // namespace gilpy

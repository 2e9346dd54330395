// `zlib`: compression compatible with gzip, on the zlib library (CPython's Modules/zlibmodule.c,
// re-implemented with CPython 3.12's messages).
//
// Functions: compress, decompress, crc32, adler32, compressobj, decompressobj; objects
// zlib.Compress (compress, flush, copy) and zlib.Decompress (decompress, flush, copy,
// unused_data, unconsumed_tail, eof); exception zlib.error.
//
// The GIL: every deflate()/inflate() call on input of kGilMinSize bytes or more runs with the GIL
// released (vm/gil.h AllowThreads), as do crc32/adler32 over more than 5 KiB (CPython's
// threshold); CPython releases around every call, gilpy skips the release for small inputs,
// where the GIL hand-over would cost more than the work. While the GIL is released no object is
// touched: the input is a bytes object (immutable; the caller keeps it alive) or a private copy
// (bytearray: another thread could resize it), and output goes to a std::string. Compress and
// Decompress objects carry a std::mutex held for a whole method call, so threads sharing one
// stream are serialised as by CPython's ENTER_ZLIB; it is taken with try_lock first, and if
// another thread holds it, with the GIL released (no thread waits for the GIL holding it).
#include <gmp.h>
#include <zlib.h>

#include <climits>
#include <cstring>
#include <mutex>
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
#include "objects/strobject.h"
#include "vm/gil.h"

namespace gilpy {

namespace {

constexpr ssize kGilMinSize = 2048;
constexpr ssize kChecksumGilMinSize = 5 * 1024;
constexpr ssize kDefBufSize = 16 * 1024;
constexpr int kDefMemLevel = 8;

Object* g_zlib_error = nullptr;  // zlib.error
TypeObject CompressType;
TypeObject DecompressType;

// CPython's zlib_error().
Object* zlib_error(const z_stream& zst, int err, const char* msg) {
  const char* zmsg = nullptr;
  if (err == Z_VERSION_ERROR) zmsg = "library version mismatch";
  if (!zmsg) zmsg = zst.msg;
  if (!zmsg) {
    switch (err) {
      case Z_BUF_ERROR: zmsg = "incomplete or truncated stream"; break;
      case Z_STREAM_ERROR: zmsg = "inconsistent stream state"; break;
      case Z_DATA_ERROR: zmsg = "invalid input data"; break;
    }
  }
  TypeObject* t = reinterpret_cast<TypeObject*>(g_zlib_error);
  if (!zmsg) return err_format(t, "Error %d %s", err, msg);
  return err_format(t, "Error %d %s: %.200s", err, msg, zmsg);
}

// Input to compress: a stable pointer while the GIL is released.
struct Input {
  const char* data = nullptr;
  ssize size = 0;
  std::string copy;  // for mutable buffers
  bool release = false;

  bool init(Object* o, ssize threshold = kGilMinSize) {
    ByteView v;
    if (!get_byte_view(o, &v)) return false;
    data = v.data;
    size = v.size;
    release = size >= threshold;
    if (release && !bytes_check(o)) {
      copy.assign(v.data, size_t(v.size));
      data = copy.data();
    }
    return true;
  }
};

// Run `f` with the GIL released when `release`.
template <class F>
auto maybe_unlocked(bool release, F&& f) {
  if (release) {
    AllowThreads allow;
    return f();
  }
  return f();
}

// Feed `avail` bytes at most (uInt) from [*p, end) into zst.
void arrange_input(z_stream& zst, const char*& p, ssize& left) {
  uInt n = left > ssize(UINT_MAX) ? UINT_MAX : uInt(left);
  zst.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(p));
  zst.avail_in = n;
  p += n;
  left -= n;
}

// A growable output buffer for a z_stream.
struct OutBuf {
  std::string buf;
  size_t len = 0;  // bytes produced
  ssize max = -1;  // maximum total length (-1: none)

  explicit OutBuf(size_t initial, ssize max_len = -1) : max(max_len) {
    if (max >= 0 && ssize(initial) > max) initial = size_t(max);
    buf.resize(initial ? initial : 1);
  }
  // Make room; false when the maximum is reached.
  bool arrange(z_stream& zst) {
    if (max >= 0 && ssize(len) >= max) return false;
    if (len == buf.size()) {
      size_t grow = buf.size();
      if (max >= 0 && ssize(buf.size() + grow) > max) grow = size_t(max) - buf.size();
      buf.resize(buf.size() + grow);
    }
    size_t room = buf.size() - len;
    if (room > UINT_MAX) room = UINT_MAX;
    zst.next_out = reinterpret_cast<Bytef*>(buf.data() + len);
    zst.avail_out = uInt(room);
    return true;
  }
  // After a zlib call: count what it wrote.
  void produced(z_stream& zst) {
    len = size_t(reinterpret_cast<char*>(zst.next_out) - buf.data());
  }
  Object* finish() { return bytes_from(buf.data(), ssize(len)); }
};

// ---- Module functions ---------------------------------------------------------------------------

bool int_arg(Object* o, int* out) {
  if (!int_check(o)) {
    err_format(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", o);
    return false;
  }
  bool ovf = false;
  int64_t v = int_as_i64(o, &ovf);
  if (ovf || v > INT_MAX || v < INT_MIN) {
    err_format(&Exc_OverflowError, ovf || v > INT_MAX
                                       ? "signed integer is greater than maximum"
                                       : "signed integer is less than minimum");
    return false;
  }
  *out = int(v);
  return true;
}

bool ssize_arg(Object* o, ssize* out) {
  if (!int_check(o)) {
    err_format(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", o);
    return false;
  }
  *out = int_as_ssize(o);
  return !(*out == -1 && err_occurred());
}

// compress(data, /, level=Z_DEFAULT_COMPRESSION, wbits=MAX_WBITS)
Object* zlib_compress(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"", "level", "wbits", nullptr};
  static const ArgSpec spec{"compress", names, 1, 3};
  Object* a[3] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  Input in;
  if (!in.init(a[0])) return nullptr;
  int level = Z_DEFAULT_COMPRESSION, wbits = MAX_WBITS;
  if (a[1] && !int_arg(a[1], &level)) return nullptr;
  if (a[2] && !int_arg(a[2], &wbits)) return nullptr;
  z_stream zst{};
  int err = deflateInit2(&zst, level, Z_DEFLATED, wbits, kDefMemLevel, Z_DEFAULT_STRATEGY);
  if (err == Z_MEM_ERROR) return err_format(&Exc_MemoryError, "Out of memory while compressing data");
  if (err == Z_STREAM_ERROR) {
    return err_format(reinterpret_cast<TypeObject*>(g_zlib_error), "Bad compression level");
  }
  if (err != Z_OK) {
    deflateEnd(&zst);
    return zlib_error(zst, err, "while compressing data");
  }
  OutBuf out(size_t(in.size / 4 + 64 > kDefBufSize ? kDefBufSize : in.size / 4 + 64));
  const char* p = in.data;
  ssize left = in.size;
  err = maybe_unlocked(in.release, [&] {
    int e;
    do {
      arrange_input(zst, p, left);
      int flush = left == 0 ? Z_FINISH : Z_NO_FLUSH;
      do {
        out.arrange(zst);
        e = deflate(&zst, flush);
        out.produced(zst);
        if (e == Z_STREAM_ERROR) return e;
      } while (zst.avail_out == 0);
    } while (e != Z_STREAM_END);
    return e;
  });
  if (err != Z_STREAM_END) {
    deflateEnd(&zst);
    return zlib_error(zst, err, "while compressing data");
  }
  err = deflateEnd(&zst);
  if (err != Z_OK) return zlib_error(zst, err, "while finishing compression");
  return out.finish();
}

// decompress(data, /, wbits=MAX_WBITS, bufsize=DEF_BUF_SIZE)
Object* zlib_decompress(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"", "wbits", "bufsize", nullptr};
  static const ArgSpec spec{"decompress", names, 1, 3};
  Object* a[3] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  Input in;
  if (!in.init(a[0])) return nullptr;
  int wbits = MAX_WBITS;
  ssize bufsize = kDefBufSize;
  if (a[1] && !int_arg(a[1], &wbits)) return nullptr;
  if (a[2] && !ssize_arg(a[2], &bufsize)) return nullptr;
  if (bufsize < 0) return err_format(&Exc_ValueError, "bufsize must be non-negative");
  if (bufsize == 0) bufsize = 1;
  z_stream zst{};
  zst.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data));
  zst.avail_in = 0;
  int err = inflateInit2(&zst, wbits);
  if (err == Z_MEM_ERROR) {
    return err_format(&Exc_MemoryError, "Out of memory while decompressing data");
  }
  if (err != Z_OK) {
    inflateEnd(&zst);
    return zlib_error(zst, err, "while preparing to decompress data");
  }
  OutBuf out{size_t(bufsize)};
  const char* p = in.data;
  ssize left = in.size;
  err = maybe_unlocked(in.release, [&] {
    int e;
    do {
      arrange_input(zst, p, left);
      int flush = left == 0 ? Z_FINISH : Z_NO_FLUSH;
      do {
        out.arrange(zst);
        e = inflate(&zst, flush);
        out.produced(zst);
        switch (e) {
          case Z_OK:
          case Z_BUF_ERROR:
          case Z_STREAM_END:
            break;
          default:
            return e;
        }
      } while (zst.avail_out == 0);
    } while (e != Z_STREAM_END && left != 0);
    return e;
  });
  if (err == Z_MEM_ERROR) {
    inflateEnd(&zst);
    return err_format(&Exc_MemoryError, "Out of memory while decompressing data");
  }
  if (err != Z_STREAM_END) {
    Object* r = zlib_error(zst, err, "while decompressing data");
    inflateEnd(&zst);
    return r;
  }
  err = inflateEnd(&zst);
  if (err != Z_OK) return zlib_error(zst, err, "while finishing decompression");
  return out.finish();
}

// crc32(data, value=0) / adler32(data, value=1)
template <bool Crc>
Object* zlib_checksum(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  const char* fname = Crc ? "crc32" : "adler32";
  if (!check_no_kwargs(fname, kwnames) || !check_positional(fname, nargs, 1, 2)) return nullptr;
  Input in;
  if (!in.init(args[0], kChecksumGilMinSize + 1)) return nullptr;
  unsigned long value = Crc ? 0 : 1;
  if (nargs > 1) {
    if (!int_check(args[1])) {
      return err_format(&Exc_TypeError, "'%T' object cannot be interpreted as an integer",
                        args[1]);
    }
    // CPython's "unsigned int bitmask" converter: the low 32 bits, negative numbers included.
    mpz_t t;
    mpz_init(t);
    int_to_mpz(args[1], t);
    mpz_fdiv_r_2exp(t, t, 32);
    value = mpz_get_ui(t);
    mpz_clear(t);
  }
  const Bytef* p = reinterpret_cast<const Bytef*>(in.data);
  ssize left = in.size;
  value = maybe_unlocked(in.release, [&] {
    unsigned long v = value;
    while (left > 0) {
      uInt n = left > ssize(UINT_MAX) ? UINT_MAX : uInt(left);
      v = Crc ? crc32(v, p, n) : adler32(v, p, n);
      p += n;
      left -= n;
    }
    return v;
  });
  return int_from_u64(value & 0xffffffffu);
}

// ---- Compress / Decompress objects ----------------------------------------------------------------

struct ZObject : Object {
  z_stream zst;
  bool initialised;
  bool eof;
  Object* unused_data;      // bytes (Decompress)
  Object* unconsumed_tail;  // bytes (Decompress)
  Object* zdict;            // may be null
  std::mutex* lock;
};

ZObject* as_z(Object* o) { return static_cast<ZObject*>(o); }

// The object's mutex for one method call (CPython's ENTER_ZLIB/LEAVE_ZLIB).
class ZLock {
 public:
  explicit ZLock(ZObject* z) : m_(z->lock) {
    if (!m_->try_lock()) {
      AllowThreads allow;
      m_->lock();
    }
  }
  ~ZLock() { m_->unlock(); }

 private:
  std::mutex* m_;
};

ZObject* z_alloc(TypeObject* t) {
  auto* z = alloc_object<ZObject>(t);
  if (!z) return nullptr;
  z->lock = new std::mutex();
  z->unused_data = bytes_from("", 0);
  z->unconsumed_tail = bytes_from("", 0);
  if (!z->unused_data || !z->unconsumed_tail) {
    decref(z);
    return nullptr;
  }
  return z;
}

void z_dealloc(Object* o) {
  ZObject* z = as_z(o);
  if (z->initialised) {
    if (type_of(o) == &CompressType) {
      deflateEnd(&z->zst);
    } else {
      inflateEnd(&z->zst);
    }
  }
  xdecref(z->unused_data);
  xdecref(z->unconsumed_tail);
  xdecref(z->zdict);
  delete z->lock;
  object_free(o);
}

// compressobj(level=-1, method=DEFLATED, wbits=MAX_WBITS, memLevel=DEF_MEM_LEVEL, strategy=0,
//             zdict=None)
Object* zlib_compressobj(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"level", "method", "wbits", "memLevel", "strategy",
                                      "zdict", nullptr};
  static const ArgSpec spec{"compressobj", names, 0, 6};
  Object* a[6] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  int level = Z_DEFAULT_COMPRESSION, method = Z_DEFLATED, wbits = MAX_WBITS,
      mem = kDefMemLevel, strategy = Z_DEFAULT_STRATEGY;
  if (a[0] && !int_arg(a[0], &level)) return nullptr;
  if (a[1] && !int_arg(a[1], &method)) return nullptr;
  if (a[2] && !int_arg(a[2], &wbits)) return nullptr;
  if (a[3] && !int_arg(a[3], &mem)) return nullptr;
  if (a[4] && !int_arg(a[4], &strategy)) return nullptr;
  ByteView dict;
  bool have_dict = a[5] && a[5] != None;
  if (have_dict && !get_byte_view(a[5], &dict)) return nullptr;
  Ref self = Ref::steal(z_alloc(&CompressType));
  if (!self) return nullptr;
  ZObject* z = as_z(self.get());
  int err = deflateInit2(&z->zst, level, method, wbits, mem, strategy);
  switch (err) {
    case Z_OK:
      z->initialised = true;
      if (have_dict) {
        if (dict.size > ssize(UINT_MAX)) {
          return err_format(&Exc_OverflowError, "zdict length does not fit in an unsigned int");
        }
        err = deflateSetDictionary(&z->zst, reinterpret_cast<const Bytef*>(dict.data),
                                   uInt(dict.size));
        if (err != Z_OK) return err_format(&Exc_ValueError, "Invalid dictionary");
      }
      return self.release();
    case Z_MEM_ERROR:
      return err_format(&Exc_MemoryError, "Can't allocate memory for compression object");
    case Z_STREAM_ERROR:
      return err_format(&Exc_ValueError, "Invalid initialization option");
    default:
      return zlib_error(z->zst, err, "while creating compression object");
  }
}

int set_inflate_zdict(ZObject* z) {
  ByteView v;
  if (!get_byte_view(z->zdict, &v)) return -1;
  int err = inflateSetDictionary(&z->zst, reinterpret_cast<const Bytef*>(v.data), uInt(v.size));
  if (err != Z_OK) {
    zlib_error(z->zst, err, "while setting zdict");
    return -1;
  }
  return 0;
}

// decompressobj(wbits=MAX_WBITS, zdict=b'')
Object* zlib_decompressobj(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"wbits", "zdict", nullptr};
  static const ArgSpec spec{"decompressobj", names, 0, 2};
  Object* a[2] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  int wbits = MAX_WBITS;
  if (a[0] && !int_arg(a[0], &wbits)) return nullptr;
  if (a[1]) {
    ByteView v;
    if (!buffer_check(a[1])) {
      return err_format(&Exc_TypeError, "zdict argument must support the buffer protocol");
    }
    if (!get_byte_view(a[1], &v)) return nullptr;
  }
  Ref self = Ref::steal(z_alloc(&DecompressType));
  if (!self) return nullptr;
  ZObject* z = as_z(self.get());
  if (a[1]) z->zdict = newref(a[1]);
  int err = inflateInit2(&z->zst, wbits);
  switch (err) {
    case Z_OK:
      z->initialised = true;
      if (z->zdict && wbits < 0) {
        if (set_inflate_zdict(z) < 0) return nullptr;
      }
      return self.release();
    case Z_STREAM_ERROR:
      return err_format(&Exc_ValueError, "Invalid initialization option");
    case Z_MEM_ERROR:
      return err_format(&Exc_MemoryError, "Can't allocate memory for decompression object");
    default:
      return zlib_error(z->zst, err, "while creating decompression object");
  }
}

// Compress.compress(data, /)
Object* comp_compress(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("compress", kwnames)) return nullptr;
  if (nargs != 1) {
    return err_format(&Exc_TypeError, "compress() takes exactly one argument (%zd given)", nargs);
  }
  Input in;
  if (!in.init(args[0])) return nullptr;
  ZObject* z = as_z(self);
  ZLock lock(z);
  OutBuf out{size_t(kDefBufSize)};
  const char* p = in.data;
  ssize left = in.size;
  int err = maybe_unlocked(in.release, [&] {
    int e = Z_OK;
    do {
      arrange_input(z->zst, p, left);
      do {
        out.arrange(z->zst);
        e = deflate(&z->zst, Z_NO_FLUSH);
        out.produced(z->zst);
        if (e == Z_STREAM_ERROR) return e;
      } while (z->zst.avail_out == 0);
    } while (left != 0);
    return e;
  });
  if (err == Z_STREAM_ERROR) return zlib_error(z->zst, err, "while compressing data");
  return out.finish();
}

// Compress.flush(mode=Z_FINISH, /)
Object* comp_flush(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("flush", kwnames) || !check_positional("flush", nargs, 0, 1)) return nullptr;
  int mode = Z_FINISH;
  if (nargs > 0 && !int_arg(args[0], &mode)) return nullptr;
  if (mode == Z_NO_FLUSH) return bytes_from("", 0);
  ZObject* z = as_z(self);
  ZLock lock(z);
  OutBuf out{size_t(kDefBufSize)};
  z->zst.avail_in = 0;
  int err;
  {
    AllowThreads allow;  // flushing may emit a lot of buffered output
    do {
      out.arrange(z->zst);
      err = deflate(&z->zst, mode);
      out.produced(z->zst);
      if (err == Z_STREAM_ERROR) break;
    } while (z->zst.avail_out == 0);
  }
  if (err == Z_STREAM_END && mode == Z_FINISH) {
    err = deflateEnd(&z->zst);
    z->initialised = false;
    if (err != Z_OK) return zlib_error(z->zst, err, "while finishing compression");
  } else if (err != Z_OK && err != Z_BUF_ERROR) {
    return zlib_error(z->zst, err, "while flushing");
  }
  return out.finish();
}

// Put what the decompressor did not consume into unused_data / unconsumed_tail
// (CPython's save_unconsumed_input). `data`/`size`: the input of this call.
int save_unconsumed_input(ZObject* z, int err) {
  if (err == Z_STREAM_END && z->zst.avail_in > 0) {
    ssize old = bytes_size(z->unused_data);
    ssize n = ssize(z->zst.avail_in);
    Ref nb = Ref::steal(bytes_new_uninit(old + n));
    if (!nb) return -1;
    std::memcpy(bytes_data(nb.get()), bytes_data(z->unused_data), size_t(old));
    std::memcpy(bytes_data(nb.get()) + old, z->zst.next_in, size_t(n));
    setref(&z->unused_data, nb.release());
    z->zst.avail_in = 0;
  }
  if (z->zst.avail_in > 0 || bytes_size(z->unconsumed_tail) > 0) {
    Object* t = bytes_from(reinterpret_cast<const char*>(z->zst.next_in), ssize(z->zst.avail_in));
    if (!t) return -1;
    setref(&z->unconsumed_tail, t);
  }
  return 0;
}

// The inflate loop shared by Decompress.decompress and .flush. `finish`: flush semantics
// (Z_FINISH once the input is exhausted). Returns the last zlib status, or a special value
// on a zdict error (exception set).
constexpr int kZdictFailed = -1000;
int inflate_loop(ZObject* z, const char* data, ssize size, OutBuf& out, bool finish,
                 bool release) {
  const char* p = data;
  ssize left = size;
  int err = Z_OK;
  do {
    arrange_input(z->zst, p, left);
    int flush = finish ? (left == 0 ? Z_FINISH : Z_NO_FLUSH) : Z_SYNC_FLUSH;
    do {
      if (!out.arrange(z->zst)) goto done;  // max_length reached
      err = maybe_unlocked(release, [&] { return inflate(&z->zst, flush); });
      out.produced(z->zst);
      switch (err) {
        case Z_OK:
        case Z_BUF_ERROR:
        case Z_STREAM_END:
          break;
        default:
          if (err == Z_NEED_DICT && z->zdict) {
            if (set_inflate_zdict(z) < 0) return kZdictFailed;
            break;
          }
          goto done;
      }
    } while (z->zst.avail_out == 0 || err == Z_NEED_DICT);
  } while (err != Z_STREAM_END && left != 0);
done:
  // Input of this call beyond what was handed to zlib (only when stopping early): zlib's
  // avail_in covers the current chunk; chunks are UINT_MAX bytes, so in practice left == 0.
  return err;
}

// Decompress.decompress(data, /, max_length=0)
Object* decomp_decompress(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"", "max_length", nullptr};
  static const ArgSpec spec{"decompress", names, 1, 2};
  Object* a[2] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  Input in;
  if (!in.init(a[0])) return nullptr;
  ssize max_length = 0;
  if (a[1] && !ssize_arg(a[1], &max_length)) return nullptr;
  if (max_length < 0) return err_format(&Exc_ValueError, "max_length must be non-negative");
  ZObject* z = as_z(self);
  ZLock lock(z);
  size_t init = size_t(kDefBufSize);
  OutBuf out(init, max_length > 0 ? max_length : -1);
  int err = inflate_loop(z, in.data, in.size, out, false, in.release);
  if (err == kZdictFailed) return nullptr;
  if (save_unconsumed_input(z, err) < 0) return nullptr;
  if (err == Z_STREAM_END) {
    z->eof = true;
  } else if (err != Z_OK && err != Z_BUF_ERROR) {
    return zlib_error(z->zst, err, "while decompressing data");
  }
  return out.finish();
}

// Decompress.flush(length=DEF_BUF_SIZE, /)
Object* decomp_flush(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("flush", kwnames) || !check_positional("flush", nargs, 0, 1)) return nullptr;
  ssize length = kDefBufSize;
  if (nargs > 0 && !ssize_arg(args[0], &length)) return nullptr;
  if (length <= 0) return err_format(&Exc_ValueError, "length must be greater than zero");
  ZObject* z = as_z(self);
  ZLock lock(z);
  Ref tail = Ref::borrow(z->unconsumed_tail);  // the input: kept alive while zlib reads it
  OutBuf out{size_t(length)};
  if (!z->initialised) return out.finish();
  int err = inflate_loop(z, bytes_data(tail.get()), bytes_size(tail.get()), out, true,
                         bytes_size(tail.get()) >= kGilMinSize);
  if (err == kZdictFailed) return nullptr;
  if (save_unconsumed_input(z, err) < 0) return nullptr;
  if (err == Z_STREAM_END) {
    z->eof = true;
    z->initialised = false;
    inflateEnd(&z->zst);
  }
  return out.finish();
}

Object* z_copy(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_args("copy", nargs, kwnames)) return nullptr;
  ZObject* z = as_z(self);
  bool comp = type_of(self) == &CompressType;
  Ref r = Ref::steal(z_alloc(type_of(self)));
  if (!r) return nullptr;
  ZObject* n = as_z(r.get());
  ZLock lock(z);
  if (!z->initialised) return err_format(&Exc_ValueError, "Inconsistent stream state");
  int err = comp ? deflateCopy(&n->zst, &z->zst) : inflateCopy(&n->zst, &z->zst);
  switch (err) {
    case Z_OK:
      break;
    case Z_STREAM_ERROR:
      return err_format(&Exc_ValueError, "Inconsistent stream state");
    case Z_MEM_ERROR:
      return err_format(&Exc_MemoryError,
                        comp ? "Can't allocate memory for compression object"
                             : "Can't allocate memory for decompression object");
    default:
      return zlib_error(z->zst, err, comp ? "while copying compression object"
                                          : "while copying decompression object");
  }
  n->initialised = true;
  n->eof = z->eof;
  setref(&n->unused_data, newref(z->unused_data));
  setref(&n->unconsumed_tail, newref(z->unconsumed_tail));
  if (z->zdict) n->zdict = newref(z->zdict);
  return r.release();
}

Object* z_copy_dunder(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  return z_copy(self, nullptr, 0, nullptr);
}
Object* z_deepcopy(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("__deepcopy__", nargs, kwnames)) return nullptr;
  return z_copy(self, nullptr, 0, nullptr);
}

Object* decomp_get_unused_data(Object* self) { return newref(as_z(self)->unused_data); }
Object* decomp_get_unconsumed_tail(Object* self) { return newref(as_z(self)->unconsumed_tail); }
Object* decomp_get_eof(Object* self) { return bool_from(as_z(self)->eof); }

const MethodDef kCompressMethods[] = {
    {"compress", comp_compress, METH_DEFAULT, "Returns a bytes object containing compressed data."},
    {"flush", comp_flush, METH_DEFAULT, "Return a bytes object containing any remaining compressed data."},
    {"copy", z_copy, METH_DEFAULT, "Return a copy of the compression object."},
    {"__copy__", z_copy_dunder, METH_DEFAULT, nullptr},
    {"__deepcopy__", z_deepcopy, METH_DEFAULT, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

const MethodDef kDecompressMethods[] = {
    {"decompress", decomp_decompress, METH_DEFAULT, "Return a bytes object containing the decompressed version of the data."},
    {"flush", decomp_flush, METH_DEFAULT, "Return a bytes object containing any remaining decompressed data."},
    {"copy", z_copy, METH_DEFAULT, "Return a copy of the decompression object."},
    {"__copy__", z_copy_dunder, METH_DEFAULT, nullptr},
    {"__deepcopy__", z_deepcopy, METH_DEFAULT, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

const GetSetDef kDecompressGetSet[] = {
    {"unused_data", decomp_get_unused_data, nullptr, nullptr},
    {"unconsumed_tail", decomp_get_unconsumed_tail, nullptr, nullptr},
    {"eof", decomp_get_eof, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

const MethodDef kZlibMethods[] = {
    {"compress", zlib_compress, METH_DEFAULT, "Returns a bytes object containing compressed data."},
    {"decompress", zlib_decompress, METH_DEFAULT, "Returns a bytes object containing the uncompressed data."},
    {"crc32", zlib_checksum<true>, METH_DEFAULT, "Compute a CRC-32 checksum of data."},
    {"adler32", zlib_checksum<false>, METH_DEFAULT, "Compute an Adler-32 checksum of data."},
    {"compressobj", zlib_compressobj, METH_DEFAULT, "Return a compressor object."},
    {"decompressobj", zlib_decompressobj, METH_DEFAULT, "Return a decompressor object."},
    {nullptr, nullptr, 0, nullptr},
};

void init_z_type(TypeObject* t, const char* name, const MethodDef* methods,
                 const GetSetDef* getset) {
  t->ob_type = &TypeType;
  make_immortal(t);
  t->name = name;
  t->basicsize = sizeof(ZObject);
  t->dealloc = z_dealloc;
  t->methods = methods;
  t->getset = getset;
}

}  // namespace

Object* zlib_module_init() {
  if (!(CompressType.flags & TPFLAG_READY)) {
    init_z_type(&CompressType, "zlib.Compress", kCompressMethods, nullptr);
    init_z_type(&DecompressType, "zlib.Decompress", kDecompressMethods, kDecompressGetSet);
    if (type_ready(&CompressType) < 0 || type_ready(&DecompressType) < 0) return nullptr;
  }
  if (!g_zlib_error) {
    Ref name = Ref::steal(str_from_cstr("error"));
    Ref bases = Ref::steal(tuple_pack(1, as_object(&Exc_Exception)));
    Ref dict = Ref::steal(dict_new());
    Ref modname = Ref::steal(str_from_cstr("zlib"));
    if (!name || !bases || !dict || !modname ||
        dict_setitem_str(dict.get(), "__module__", modname.get()) < 0)
      return nullptr;
    g_zlib_error = type_new_heap(&TypeType, name.get(), bases.get(), dict.get(), nullptr);
    if (!g_zlib_error) return nullptr;
  }
  Ref m = Ref::steal(module_new("zlib"));
  if (!m || module_add_functions(m.get(), kZlibMethods) < 0 ||
      module_add_object(m.get(), "error", g_zlib_error) < 0)
    return nullptr;
  struct {
    const char* name;
    long long v;
  } consts[] = {
      {"MAX_WBITS", MAX_WBITS},
      {"DEFLATED", Z_DEFLATED},
      {"DEF_MEM_LEVEL", kDefMemLevel},
      {"DEF_BUF_SIZE", kDefBufSize},
      {"Z_NO_COMPRESSION", Z_NO_COMPRESSION},
      {"Z_BEST_SPEED", Z_BEST_SPEED},
      {"Z_BEST_COMPRESSION", Z_BEST_COMPRESSION},
      {"Z_DEFAULT_COMPRESSION", Z_DEFAULT_COMPRESSION},
      {"Z_FILTERED", Z_FILTERED},
      {"Z_HUFFMAN_ONLY", Z_HUFFMAN_ONLY},
      {"Z_RLE", Z_RLE},
      {"Z_FIXED", Z_FIXED},
      {"Z_DEFAULT_STRATEGY", Z_DEFAULT_STRATEGY},
      {"Z_NO_FLUSH", Z_NO_FLUSH},
      {"Z_PARTIAL_FLUSH", Z_PARTIAL_FLUSH},
      {"Z_SYNC_FLUSH", Z_SYNC_FLUSH},
      {"Z_FULL_FLUSH", Z_FULL_FLUSH},
      {"Z_FINISH", Z_FINISH},
      {"Z_BLOCK", Z_BLOCK},
      {"Z_TREES", Z_TREES},
  };
  for (auto& c : consts) {
    if (module_add_int(m.get(), c.name, c.v) < 0) return nullptr;
  }
  if (module_add_string(m.get(), "ZLIB_VERSION", ZLIB_VERSION) < 0 ||
      module_add_string(m.get(), "ZLIB_RUNTIME_VERSION", zlibVersion()) < 0)
    return nullptr;
  return m.release();
}

}  // namespace gilpy

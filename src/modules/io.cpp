// The `_io` / `io` module: open(), the file objects, and sys.stdin/stdout/stderr.
//
// Two layers, as in CPython's io but in one file:
//  - BinaryFile (types FileIO, BufferedReader, BufferedWriter, BufferedRandom): an OS file
//    descriptor with a read buffer and a write buffer. FileIO is the unbuffered form (writes go
//    straight to the descriptor).
//  - TextFile (type TextIOWrapper): str in and out over a BinaryFile it owns (`.buffer`):
//    encoding/decoding (utf-8, ascii, latin-1) and newline translation (universal newlines on
//    read by default).
// Every read(2)/write(2) goes through os_read/os_write below, which call the blocking-call helpers
// of modules/os_syscalls.h: that is where the GIL is released around blocking I/O (issue 5).
// The in-memory streams (StringIO, BytesIO) are in modules/io_memory.cpp.
//
// Ownership: a TextFile owns its BinaryFile; the C++ buffers (std::string) are owned by their
// object and freed in dealloc. A file still open when freed is flushed and closed, as CPython
// does. Invariant: a BinaryFile's read buffer holds bytes at file positions
// [os_pos - (rbuf.size() - rpos), os_pos); the write buffer is flushed before any read or seek.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "core/abstract.h"
#include "core/args.h"
#include "core/error.h"
#include "modules/io_internal.h"
#include "modules/modules.h"
#include "modules/os_syscalls.h"
#include "objects/bytesobject.h"
#include "objects/containers.h"
#include "objects/intobject.h"
#include "objects/moduleobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"

namespace gilpy {

namespace {

constexpr size_t kBufferSize = 8192;

TypeObject FileIOType, BufferedReaderType, BufferedWriterType, BufferedRandomType, TextIOWrapperType;
Object* g_unsupported_operation = nullptr;  // io.UnsupportedOperation (OSError, ValueError)

struct BinaryFile : Object {
  int fd;
  bool readable, writable, appending, closefd, closed, at_eof;
  int seekable;  // -1 unknown
  Object* name;  // owned
  Object* mode;  // owned str
  std::string* rbuf;  // owned
  size_t rpos;
  std::string* wbuf;  // owned
};

enum class Newline { Universal, UniversalNoTranslate, LF, CR, CRLF };

struct TextFile : Object {
  BinaryFile* buffer;  // owned
  Object* encoding;    // owned str
  Object* errors;      // owned str
  Object* mode;        // owned str, as given to open()
  Newline newline;
  bool line_buffering;
};

// ---- blocking system calls (the GIL will be released here) --------------------------------------

ssize os_read(int fd, char* buf, size_t n) { return sys_read(fd, buf, n); }

ssize os_write(int fd, const char* buf, size_t n) { return sys_write(fd, buf, n); }

// ---- BinaryFile ---------------------------------------------------------------------------------

BinaryFile* as_binary(Object* o) { return static_cast<BinaryFile*>(o); }
TextFile* as_text(Object* o) { return static_cast<TextFile*>(o); }

bool is_binary_type(TypeObject* t) {
  return t == &FileIOType || t == &BufferedReaderType || t == &BufferedWriterType ||
         t == &BufferedRandomType;
}

Object* unsupported(const char* what) {
  err_set_string(reinterpret_cast<TypeObject*>(g_unsupported_operation), what);
  return nullptr;
}

bool check_open(BinaryFile* f) {
  if (f->closed) {
    err_set_string(&Exc_ValueError, "I/O operation on closed file.");
    return false;
  }
  return true;
}

bool binary_flush(BinaryFile* f) {
  std::string& w = *f->wbuf;
  size_t done = 0;
  while (done < w.size()) {
    ssize n = os_write(f->fd, w.data() + done, w.size() - done);
    if (n < 0) {
      w.erase(0, done);
      err_set_from_errno(&Exc_OSError);
      return false;
    }
    done += size_t(n);
  }
  w.clear();
  return true;
}

// Read more bytes into the read buffer; false with an exception on error. Sets at_eof at EOF.
bool binary_fill(BinaryFile* f, size_t want = kBufferSize) {
  if (!f->wbuf->empty() && !binary_flush(f)) return false;
  std::string& r = *f->rbuf;
  if (f->rpos > 0 && f->rpos == r.size()) {
    r.clear();
    f->rpos = 0;
  }
  size_t old = r.size();
  r.resize(old + (want < kBufferSize ? kBufferSize : want));
  ssize n = os_read(f->fd, r.data() + old, r.size() - old);
  if (n < 0) {
    r.resize(old);
    err_set_from_errno(&Exc_OSError);
    return false;
  }
  r.resize(old + size_t(n));
  if (n == 0) f->at_eof = true;
  return true;
}

size_t available(BinaryFile* f) { return f->rbuf->size() - f->rpos; }

// Take `n` buffered bytes.
std::string take(BinaryFile* f, size_t n) {
  std::string out = f->rbuf->substr(f->rpos, n);
  f->rpos += n;
  return out;
}

// Read up to n bytes (n < 0: to EOF) as a C++ string.
bool binary_read_bytes(BinaryFile* f, ssize n, std::string& out) {
  f->at_eof = false;
  if (n < 0) {
    while (!f->at_eof) {
      if (!binary_fill(f, 65536)) return false;
    }
    out = take(f, available(f));
    return true;
  }
  while (available(f) < size_t(n) && !f->at_eof) {
    if (!binary_fill(f, size_t(n) - available(f))) return false;
  }
  out = take(f, std::min(size_t(n), available(f)));
  return true;
}

// Read through the next b'\n' (or `limit` bytes, or EOF).
bool binary_readline(BinaryFile* f, ssize limit, std::string& out) {
  f->at_eof = false;
  for (;;) {
    const std::string& r = *f->rbuf;
    size_t avail = available(f);
    size_t scan = limit >= 0 ? std::min(avail, size_t(limit)) : avail;
    const void* nl = std::memchr(r.data() + f->rpos, '\n', scan);
    if (nl) {
      out = take(f, size_t(static_cast<const char*>(nl) - (r.data() + f->rpos)) + 1);
      return true;
    }
    if ((limit >= 0 && avail >= size_t(limit)) || f->at_eof) {
      out = take(f, scan);
      return true;
    }
    if (!binary_fill(f)) return false;
  }
}

bool binary_write_bytes(BinaryFile* f, const char* data, size_t n) {
  if (f->rpos < f->rbuf->size()) {
    // Writing after buffered reads: move the OS position back to the logical one.
    off_t back = off_t(available(f));
    if (lseek(f->fd, -back, SEEK_CUR) < 0) {
      err_set_from_errno(&Exc_OSError);
      return false;
    }
  }
  f->rbuf->clear();
  f->rpos = 0;
  f->wbuf->append(data, n);
  if (type_of(f) == &FileIOType || f->wbuf->size() >= kBufferSize) return binary_flush(f);
  return true;
}

bool binary_close(BinaryFile* f) {
  if (f->closed) return true;
  bool ok = f->writable ? binary_flush(f) : true;
  f->closed = true;
  if (f->closefd && f->fd >= 0 && ::close(f->fd) < 0 && ok) {
    err_set_from_errno(&Exc_OSError);
    ok = false;
  }
  return ok;
}

off_t binary_tell(BinaryFile* f) {
  off_t pos = lseek(f->fd, 0, SEEK_CUR);
  if (pos < 0) return -1;
  return pos - off_t(available(f)) + off_t(f->wbuf->size());
}

void binary_dealloc(Object* self) {
  BinaryFile* f = as_binary(self);
  if (!f->closed) {
    Object* saved = err_fetch();
    if (!binary_close(f)) err_clear();
    err_restore(saved);
  }
  xdecref(f->name);
  xdecref(f->mode);
  delete f->rbuf;
  delete f->wbuf;
  object_free(self);
}

BinaryFile* binary_new(TypeObject* type, int fd, Object* name, const char* mode, bool readable,
                       bool writable, bool appending, bool closefd) {
  auto* f = alloc_object<BinaryFile>(type);
  if (!f) return nullptr;
  f->fd = fd;
  f->readable = readable;
  f->writable = writable;
  f->appending = appending;
  f->closefd = closefd;
  f->seekable = -1;
  f->name = newref(name);
  f->mode = str_from_cstr(mode);
  f->rbuf = new std::string();
  f->wbuf = new std::string();
  if (!f->mode) {
    decref(f);
    return nullptr;
  }
  return f;
}

// Methods shared by both layers are written once against the BinaryFile (the text layer
// forwards to its buffer).
BinaryFile* binary_of(Object* self) {
  return is_binary_type(type_of(self)) ? as_binary(self) : as_text(self)->buffer;
}

Object* file_fileno(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("fileno", nargs, kwnames)) return nullptr;
  BinaryFile* f = binary_of(self);
  if (!check_open(f)) return nullptr;
  return int_from_i64(f->fd);
}

Object* file_isatty(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("isatty", nargs, kwnames)) return nullptr;
  BinaryFile* f = binary_of(self);
  if (!check_open(f)) return nullptr;
  return bool_from(::isatty(f->fd));
}

Object* file_readable(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("readable", nargs, kwnames)) return nullptr;
  BinaryFile* f = binary_of(self);
  if (!check_open(f)) return nullptr;
  return bool_from(f->readable);
}

Object* file_writable(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("writable", nargs, kwnames)) return nullptr;
  BinaryFile* f = binary_of(self);
  if (!check_open(f)) return nullptr;
  return bool_from(f->writable);
}

Object* file_seekable(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("seekable", nargs, kwnames)) return nullptr;
  BinaryFile* f = binary_of(self);
  if (!check_open(f)) return nullptr;
  if (f->seekable < 0) f->seekable = lseek(f->fd, 0, SEEK_CUR) >= 0;
  return bool_from(f->seekable);
}

Object* file_enter(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("__enter__", nargs, kwnames)) return nullptr;
  if (!check_open(binary_of(self))) return nullptr;
  return newref(self);
}

Object* file_exit(Object* self, Object* const*, ssize, Object*) {
  return call_method0(self, "close");
}

Object* file_iter(Object* self) {
  if (!check_open(binary_of(self))) return nullptr;
  return newref(self);
}

Object* file_iternext(Object* self) {
  Ref line = Ref::steal(call_method0(self, "readline"));
  if (!line) return nullptr;
  ssize n = str_check(line.get()) ? str_length(line.get()) : bytes_size(line.get());
  if (n == 0) return nullptr;
  return line.release();
}

Object* file_readlines(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("readlines", kwnames) || !check_positional("readlines", nargs, 0, 1)) {
    return nullptr;
  }
  ssize hint = -1;
  if (nargs == 1 && args[0] != None) {
    hint = number_as_ssize(args[0], &Exc_OverflowError);
    if (hint == -1 && err_occurred()) return nullptr;
  }
  Ref result = Ref::steal(list_new(0));
  if (!result) return nullptr;
  ssize total = 0;
  for (;;) {
    Ref line = Ref::steal(file_iternext(self));
    if (!line) break;
    if (list_append(result.get(), line.get()) < 0) return nullptr;
    total += object_length(line.get());
    if (hint > 0 && total > hint) break;
  }
  if (err_occurred()) return nullptr;
  return result.release();
}

Object* file_writelines(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("writelines", nargs, kwnames)) return nullptr;
  Ref it = Ref::steal(object_getiter(args[0]));
  if (!it) return nullptr;
  for (;;) {
    Ref line = Ref::steal(iter_next(it.get()));
    if (!line) break;
    Ref r = Ref::steal(call_method1(self, "write", line.get()));
    if (!r) return nullptr;
  }
  if (err_occurred()) return nullptr;
  return none_ref();
}

Object* file_get_closed(Object* self) { return bool_from(binary_of(self)->closed); }
Object* file_get_name(Object* self) { return newref(binary_of(self)->name); }

// -- binary-only methods

ssize size_arg(const char* fname, Object* const* args, ssize nargs, Object* kwnames, bool* ok) {
  *ok = check_no_kwargs(fname, kwnames) && check_positional(fname, nargs, 0, 1);
  if (!*ok || nargs == 0 || args[0] == None) return -1;
  if (!index_check(args[0])) {
    err_format(&Exc_TypeError, "argument should be integer or None, not '%T'", args[0]);
    *ok = false;
    return -1;
  }
  ssize n = number_as_ssize(args[0], &Exc_OverflowError);
  if (n == -1 && err_occurred()) *ok = false;
  return n;
}

Object* binary_read(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  bool ok;
  ssize n = size_arg("read", args, nargs, kwnames, &ok);
  if (!ok) return nullptr;
  BinaryFile* f = as_binary(self);
  if (!check_open(f)) return nullptr;
  if (!f->readable) return unsupported("read");
  std::string out;
  if (!binary_read_bytes(f, n, out)) return nullptr;
  return bytes_from(out);
}

Object* binary_readline_meth(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  bool ok;
  ssize n = size_arg("readline", args, nargs, kwnames, &ok);
  if (!ok) return nullptr;
  BinaryFile* f = as_binary(self);
  if (!check_open(f)) return nullptr;
  if (!f->readable) return unsupported("File not open for reading");
  std::string out;
  if (!binary_readline(f, n, out)) return nullptr;
  return bytes_from(out);
}

Object* binary_write(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("write", nargs, kwnames)) return nullptr;
  BinaryFile* f = as_binary(self);
  if (!check_open(f)) return nullptr;
  if (!f->writable) return unsupported("write");
  ByteView v;
  if (!get_byte_view(args[0], &v)) return nullptr;
  if (!binary_write_bytes(f, v.data, size_t(v.size))) return nullptr;
  return int_from_ssize(v.size);
}

Object* binary_flush_meth(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("flush", nargs, kwnames)) return nullptr;
  BinaryFile* f = binary_of(self);
  if (!check_open(f)) return nullptr;
  if (!binary_flush(f)) return nullptr;
  return none_ref();
}

Object* binary_close_meth(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("close", nargs, kwnames)) return nullptr;
  if (!binary_close(as_binary(self))) return nullptr;
  return none_ref();
}

bool seek_args(const char* fname, Object* const* args, ssize nargs, Object* kwnames, off_t* pos,
               int* whence) {
  if (!check_no_kwargs(fname, kwnames) || !check_positional(fname, nargs, 1, 2)) return false;
  if (!index_check(args[0])) {
    err_format(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", args[0]);
    return false;
  }
  *pos = off_t(number_as_ssize(args[0], &Exc_OverflowError));
  if (*pos == -1 && err_occurred()) return false;
  *whence = 0;
  if (nargs == 2) {
    ssize w = number_as_ssize(args[1], &Exc_OverflowError);
    if (w == -1 && err_occurred()) return false;
    *whence = int(w);
  }
  return true;
}

off_t binary_seek(BinaryFile* f, off_t pos, int whence) {
  if (!binary_flush(f)) return -1;
  if (whence == SEEK_CUR) pos -= off_t(available(f));
  f->rbuf->clear();
  f->rpos = 0;
  f->at_eof = false;
  off_t r = lseek(f->fd, pos, whence);
  if (r < 0) err_set_from_errno(&Exc_OSError);
  return r;
}

Object* binary_seek_meth(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  off_t pos;
  int whence;
  if (!seek_args("seek", args, nargs, kwnames, &pos, &whence)) return nullptr;
  BinaryFile* f = as_binary(self);
  if (!check_open(f)) return nullptr;
  if (whence < 0 || whence > 2) {
    return err_format(&Exc_ValueError, "whence value %d unsupported", whence);
  }
  off_t r = binary_seek(f, pos, whence);
  if (r < 0) return nullptr;
  return int_from_i64(r);
}

Object* file_tell(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("tell", nargs, kwnames)) return nullptr;
  BinaryFile* f = binary_of(self);
  if (!check_open(f)) return nullptr;
  off_t r = binary_tell(f);
  if (r < 0) return err_set_from_errno(&Exc_OSError);
  return int_from_i64(r);
}

Object* file_truncate(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("truncate", kwnames) || !check_positional("truncate", nargs, 0, 1)) {
    return nullptr;
  }
  BinaryFile* f = binary_of(self);
  if (!check_open(f)) return nullptr;
  if (!f->writable) return unsupported("truncate");
  if (!binary_flush(f)) return nullptr;
  off_t size = binary_tell(f);
  if (nargs == 1 && args[0] != None) {
    size = off_t(number_as_ssize(args[0], &Exc_OverflowError));
    if (size == -1 && err_occurred()) return nullptr;
  }
  if (sys_ftruncate(f->fd, size) < 0) return err_set_from_errno(&Exc_OSError);
  return int_from_i64(size);
}

Object* binary_repr(Object* self) {
  BinaryFile* f = as_binary(self);
  StrWriter w;
  w.append("<_io.");
  w.append(type_name(type_of(self)));
  if (f->closed && type_of(self) != &FileIOType) {
    w.append(">");
    return w.finish();
  }
  w.append(" name=");
  if (!w.append_repr(f->name)) return nullptr;
  if (type_of(self) == &FileIOType) {
    w.append(" mode=");
    if (!w.append_repr(f->mode)) return nullptr;
    w.append(f->closefd ? " closefd=True" : " closefd=False");
  }
  w.append(">");
  return w.finish();
}

Object* binary_get_mode(Object* self) { return newref(as_binary(self)->mode); }
Object* binary_get_raw(Object* self) { return newref(self); }

// ---- TextFile -----------------------------------------------------------------------------------

bool check_text_open(TextFile* t) { return check_open(t->buffer); }

Object* decode(TextFile* t, const std::string& bytes) {
  if (str_equal_cstr(t->encoding, "utf-8") || str_equal_cstr(t->encoding, "UTF-8")) {
    return str_decode_utf8(bytes.data(), ssize(bytes.size()), str_view(t->errors).data());
  }
  return str_decode(bytes.data(), ssize(bytes.size()), str_view(t->encoding).data(),
                    str_view(t->errors).data());
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

// Read one line's bytes according to the newline mode, translating when required.
bool text_readline_bytes(TextFile* t, ssize limit, std::string& out) {
  BinaryFile* f = t->buffer;
  f->at_eof = false;
  const bool universal = t->newline == Newline::Universal || t->newline == Newline::UniversalNoTranslate;
  for (;;) {
    const std::string& r = *f->rbuf;
    const char* start = r.data() + f->rpos;
    size_t avail = available(f);
    size_t end = avail;
    bool found = false;
    for (size_t i = 0; i < avail; ++i) {
      char c = start[i];
      if (c == '\n' && t->newline != Newline::CR) {
        end = i + 1;
        found = true;
        break;
      }
      if (c == '\r' && (universal || t->newline == Newline::CR || t->newline == Newline::CRLF)) {
        if (i + 1 == avail && !f->at_eof) break;  // need one more byte to decide
        bool crlf = i + 1 < avail && start[i + 1] == '\n';
        if (t->newline == Newline::CRLF && !crlf) continue;
        end = i + (crlf ? 2 : 1);
        found = true;
        break;
      }
    }
    if (found || f->at_eof) {
      out = take(f, end);
      if (t->newline == Newline::Universal) translate_newlines(out);
      if (limit >= 0) {
        // `limit` counts characters: keep the first `limit` code points, push back the rest.
        size_t chars = 0, i = 0;
        while (i < out.size() && chars < size_t(limit)) {
          ++i;
          while (i < out.size() && (static_cast<unsigned char>(out[i]) & 0xC0) == 0x80) ++i;
          ++chars;
        }
        if (i < out.size()) {
          f->rbuf->insert(f->rpos, out.substr(i));
          out.resize(i);
        }
      }
      return true;
    }
    if (!binary_fill(f)) return false;
  }
}

Object* text_readline(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  bool ok;
  ssize n = size_arg("readline", args, nargs, kwnames, &ok);
  if (!ok) return nullptr;
  TextFile* t = as_text(self);
  if (!check_text_open(t)) return nullptr;
  if (!t->buffer->readable) return unsupported("not readable");
  std::string out;
  if (n == 0) return str_from_cstr("");
  if (!text_readline_bytes(t, n, out)) return nullptr;
  return decode(t, out);
}

Object* text_read(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  bool ok;
  ssize n = size_arg("read", args, nargs, kwnames, &ok);
  if (!ok) return nullptr;
  TextFile* t = as_text(self);
  if (!check_text_open(t)) return nullptr;
  BinaryFile* f = t->buffer;
  if (!f->readable) return unsupported("not readable");
  std::string out;
  if (n < 0) {
    if (!binary_read_bytes(f, -1, out)) return nullptr;
  } else {
    // n characters: at most 4n bytes of UTF-8 (+1 to see a "\r\n" pair whole).
    f->at_eof = false;
    while (available(f) < size_t(n) * 4 + 1 && !f->at_eof) {
      if (!binary_fill(f)) return nullptr;
    }
    const char* s = f->rbuf->data() + f->rpos;
    size_t avail = available(f), i = 0, chars = 0;
    while (i < avail && chars < size_t(n)) {
      if (s[i] == '\r' && t->newline == Newline::Universal && i + 1 < avail && s[i + 1] == '\n') {
        ++i;
      }
      ++i;
      while (i < avail && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
      ++chars;
    }
    out = take(f, i);
  }
  if (t->newline == Newline::Universal) translate_newlines(out);
  return decode(t, out);
}

Object* text_write(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("write", nargs, kwnames)) return nullptr;
  TextFile* t = as_text(self);
  Object* s = args[0];
  if (!str_check(s)) {
    return err_format(&Exc_TypeError, "write() argument must be str, not %T", s);
  }
  if (!check_text_open(t)) return nullptr;
  BinaryFile* f = t->buffer;
  if (!f->writable) return unsupported("not writable");
  Ref encoded;
  const char* data;
  ssize size;
  if (str_equal_cstr(t->encoding, "utf-8") || str_equal_cstr(t->encoding, "UTF-8")) {
    data = str_as_utf8(s, &size);
    if (!data) {
      // Lone surrogates: let the codec apply the error handler.
      err_clear();
      encoded = Ref::steal(str_encode(s, "utf-8", str_view(t->errors).data()));
      if (!encoded) return nullptr;
      data = bytes_data(encoded.get());
      size = bytes_size(encoded.get());
    }
  } else {
    encoded = Ref::steal(str_encode(s, str_view(t->encoding).data(), str_view(t->errors).data()));
    if (!encoded) return nullptr;
    data = bytes_data(encoded.get());
    size = bytes_size(encoded.get());
  }
  std::string_view view(data, size_t(size));
  std::string translated;
  if ((t->newline == Newline::CR || t->newline == Newline::CRLF) &&
      view.find('\n') != std::string_view::npos) {
    for (char c : view) {
      if (c == '\n') {
        translated += t->newline == Newline::CR ? "\r" : "\r\n";
      } else {
        translated.push_back(c);
      }
    }
    view = translated;
  }
  if (!binary_write_bytes(f, view.data(), view.size())) return nullptr;
  if (t->line_buffering && view.find_first_of("\n\r") != std::string_view::npos &&
      !binary_flush(f)) {
    return nullptr;
  }
  return int_from_ssize(str_length(s));
}

Object* text_close(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("close", nargs, kwnames)) return nullptr;
  if (!binary_close(as_text(self)->buffer)) return nullptr;
  return none_ref();
}

Object* text_seek(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  off_t pos;
  int whence;
  if (!seek_args("seek", args, nargs, kwnames, &pos, &whence)) return nullptr;
  TextFile* t = as_text(self);
  if (!check_text_open(t)) return nullptr;
  if (whence == SEEK_CUR && pos != 0) {
    return unsupported("can't do nonzero cur-relative seeks");
  }
  if (whence == SEEK_END && pos != 0) {
    return unsupported("can't do nonzero end-relative seeks");
  }
  if (whence < 0 || whence > 2) {
    return err_format(&Exc_ValueError, "invalid whence (%d, should be 0, 1 or 2)", whence);
  }
  if (whence == SEEK_SET && pos < 0) {
    return err_format(&Exc_ValueError, "negative seek position %lld", (long long)pos);
  }
  off_t r = binary_seek(t->buffer, pos, whence);
  if (r < 0) return nullptr;
  return int_from_i64(r);
}

void text_dealloc(Object* self) {
  TextFile* t = as_text(self);
  xdecref(t->buffer);  // flushes and closes if still open
  xdecref(t->encoding);
  xdecref(t->errors);
  xdecref(t->mode);
  object_free(self);
}

Object* text_repr(Object* self) {
  TextFile* t = as_text(self);
  StrWriter w;
  w.append("<_io.TextIOWrapper");
  if (!t->buffer->closed) {
    w.append(" name=");
    if (!w.append_repr(t->buffer->name)) return nullptr;
    w.append(" mode=");
    if (!w.append_repr(t->mode)) return nullptr;
  }
  w.append(" encoding=");
  if (!w.append_repr(t->encoding)) return nullptr;
  w.append(">");
  return w.finish();
}

Object* text_get_encoding(Object* self) { return newref(as_text(self)->encoding); }
Object* text_get_errors(Object* self) { return newref(as_text(self)->errors); }
Object* text_get_mode(Object* self) { return newref(as_text(self)->mode); }
Object* text_get_buffer(Object* self) { return newref(as_text(self)->buffer); }
Object* text_get_line_buffering(Object* self) { return bool_from(as_text(self)->line_buffering); }
Object* text_get_newlines(Object*) { return none_ref(); }

TextFile* text_new(BinaryFile* buffer, const char* encoding, const char* errors, const char* mode,
                   Newline newline, bool line_buffering) {
  auto* t = alloc_object<TextFile>(&TextIOWrapperType);
  if (!t) return nullptr;
  t->buffer = buffer;  // steals
  t->encoding = str_from_cstr(encoding);
  t->errors = str_from_cstr(errors);
  t->mode = str_from_cstr(mode);
  t->newline = newline;
  t->line_buffering = line_buffering;
  if (!t->encoding || !t->errors || !t->mode) {
    decref(t);
    return nullptr;
  }
  return t;
}

// ---- open() -------------------------------------------------------------------------------------

bool known_encoding(const std::string& e) {
  std::string n;
  for (char c : e) n.push_back(c == '_' ? '-' : char(tolower(static_cast<unsigned char>(c))));
  return n == "utf-8" || n == "utf8" || n == "ascii" || n == "us-ascii" || n == "latin-1" ||
         n == "latin1" || n == "iso-8859-1" || n == "iso8859-1" || n == "l1";
}

}  // namespace

namespace {
bool io_types_ready();
}

Object* io_open(Object* const* args, ssize nargs, Object* kwnames) {
  if (!io_types_ready()) return nullptr;
  static const char* const names[] = {"file",    "mode",    "buffering", "encoding",
                                      "errors", "newline", "closefd",   "opener", nullptr};
  static const ArgSpec spec{"open", names, 1, 8};
  Object* a[8];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  Object* file = a[0];
  std::string mode = "r";
  if (a[1]) {
    if (!str_check(a[1])) {
      return err_format(&Exc_TypeError, "open() argument 'mode' must be str, not %T", a[1]);
    }
    mode = std::string(str_view(a[1]));
  }
  ssize buffering = -1;
  if (a[2]) {
    buffering = number_as_ssize(a[2], &Exc_OverflowError);
    if (buffering == -1 && err_occurred()) return nullptr;
  }
  auto opt_str = [&](Object* o, const char* what, std::string& out, bool& given) -> bool {
    given = o && o != None;
    if (!given) return true;
    if (!str_check(o)) {
      err_format(&Exc_TypeError, "open() argument '%s' must be str or None, not %T", what, o);
      return false;
    }
    out = std::string(str_view(o));
    return true;
  };
  std::string encoding, errors, newline;
  bool has_encoding, has_errors, has_newline;
  if (!opt_str(a[3], "encoding", encoding, has_encoding) ||
      !opt_str(a[4], "errors", errors, has_errors) ||
      !opt_str(a[5], "newline", newline, has_newline)) {
    return nullptr;
  }
  bool closefd = true;
  if (a[6]) {
    int t = object_is_true(a[6]);
    if (t < 0) return nullptr;
    closefd = t;
  }

  // Parse the mode string as CPython's _io.open does.
  bool creating = false, reading = false, writing = false, appending = false, updating = false,
       text = false, binary = false;
  for (size_t i = 0; i < mode.size(); ++i) {
    char c = mode[i];
    if (std::strchr("xrwa+tb", c) == nullptr || mode.find(c, i + 1) != std::string::npos) {
      return err_format(&Exc_ValueError, "invalid mode: '%s'", mode.c_str());
    }
    switch (c) {
      case 'x': creating = true; break;
      case 'r': reading = true; break;
      case 'w': writing = true; break;
      case 'a': appending = true; break;
      case '+': updating = true; break;
      case 't': text = true; break;
      case 'b': binary = true; break;
    }
  }
  if (text && binary) return err_format(&Exc_ValueError, "can't have text and binary mode at once");
  if (int(creating) + int(reading) + int(writing) + int(appending) > 1) {
    return err_format(&Exc_ValueError, "must have exactly one of create/read/write/append mode");
  }
  if (!(creating || reading || writing || appending)) {
    return err_format(&Exc_ValueError,
                      "Must have exactly one of create/read/write/append mode and at most one plus");
  }
  if (binary && has_encoding) {
    return err_format(&Exc_ValueError, "binary mode doesn't take an encoding argument");
  }
  if (binary && has_errors) {
    return err_format(&Exc_ValueError, "binary mode doesn't take an errors argument");
  }
  if (binary && has_newline) {
    return err_format(&Exc_ValueError, "binary mode doesn't take a newline argument");
  }
  if (binary && buffering == 1) {
    // CPython warns (RuntimeWarning) and uses the default buffer size.
    buffering = -1;
  }
  Newline nl = Newline::Universal;
  if (has_newline) {
    if (newline.empty()) {
      nl = Newline::UniversalNoTranslate;
    } else if (newline == "\n") {
      nl = Newline::LF;
    } else if (newline == "\r") {
      nl = Newline::CR;
    } else if (newline == "\r\n") {
      nl = Newline::CRLF;
    } else {
      return err_format(&Exc_ValueError, "illegal newline value: %s", newline.c_str());
    }
  }
  if (!binary && buffering == 0) return err_format(&Exc_ValueError, "can't have unbuffered text I/O");
  if (has_encoding && !known_encoding(encoding)) {
    return err_format(&Exc_LookupError, "unknown encoding: %s", encoding.c_str());
  }

  // The file: a path (str or bytes) or a file descriptor.
  int fd = -1;
  std::string path;
  if (int_check(file) && !bool_check(file)) {
    ssize v = int_as_ssize(file);
    if (v == -1 && err_occurred()) return nullptr;
    if (v < 0) return err_format(&Exc_ValueError, "negative file descriptor");
    fd = int(v);
  } else if (str_check(file)) {
    path = std::string(str_view(file));
  } else if (bytes_check(file)) {
    path = std::string(bytes_view(file));
  } else {
    return err_format(&Exc_TypeError, "expected str, bytes or os.PathLike object, not %T", file);
  }
  if (fd < 0) {
    if (!closefd) return err_format(&Exc_ValueError, "Cannot use closefd=False with file name");
    if (path.find('\0') != std::string::npos) {
      return err_format(&Exc_ValueError, "embedded null byte");
    }
    int flags = O_CLOEXEC;
    if (updating) {
      flags |= O_RDWR;
    } else if (reading) {
      flags |= O_RDONLY;
    } else {
      flags |= O_WRONLY;
    }
    if (creating) flags |= O_CREAT | O_EXCL;
    if (writing) flags |= O_CREAT | O_TRUNC;
    if (appending) flags |= O_CREAT | O_APPEND;
    fd = sys_open(path.c_str(), flags, 0666);
    if (fd < 0) return err_set_from_errno(&Exc_OSError, file);
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
      ::close(fd);
      errno = EISDIR;
      return err_set_from_errno(&Exc_OSError, file);
    }
  }
  if (appending) lseek(fd, 0, SEEK_END);

  std::string bmode = creating ? "xb" : reading ? "rb" : writing ? "wb" : "ab";
  if (updating) bmode = creating ? "xb+" : appending ? "ab+" : "rb+";  // as FileIO.mode
  TypeObject* btype = buffering == 0 ? &FileIOType
                      : updating     ? &BufferedRandomType
                      : reading      ? &BufferedReaderType
                                     : &BufferedWriterType;
  Ref buffer = Ref::steal(binary_new(btype, fd, file, bmode.c_str(), reading || updating,
                                     !reading || updating, appending, closefd));
  if (!buffer) {
    if (closefd) ::close(fd);
    return nullptr;
  }
  if (binary) return buffer.release();
  bool line_buffering = buffering == 1 || (buffering < 0 && ::isatty(fd));
  return text_new(as_binary(buffer.release()),
                  has_encoding ? encoding.c_str() : "UTF-8", has_errors ? errors.c_str() : "strict",
                  mode.c_str(), nl, line_buffering);
}

bool io_is_builtin_text_file(Object* file) { return type_of(file) == &TextIOWrapperType; }

bool io_file_set_name(Object* file, Object* name) {
  TypeObject* t = type_of(file);
  if (t != &TextIOWrapperType && !is_binary_type(t)) {
    err_format(&Exc_TypeError, "not a file object: %T", file);
    return false;
  }
  setref(&binary_of(file)->name, newref(name));
  return true;
}

TypeObject* io_unsupported_operation_type() {
  return reinterpret_cast<TypeObject*>(g_unsupported_operation);
}

// sys.stdin / stdout / stderr (and the __stdxxx__ originals) in the sys module's dict.
Object* io_make_std_streams(Object* sysdict) {
  if (!io_types_ready()) return nullptr;
  struct Std {
    int fd;
    const char* name;
    const char* attr;
    const char* dunder;
    bool write;
  };
  const Std streams[] = {{0, "<stdin>", "stdin", "__stdin__", false},
                         {1, "<stdout>", "stdout", "__stdout__", true},
                         {2, "<stderr>", "stderr", "__stderr__", true}};
  for (const Std& s : streams) {
    Ref name = Ref::steal(str_from_cstr(s.name));
    if (!name) return nullptr;
    BinaryFile* b = binary_new(s.write ? &BufferedWriterType : &BufferedReaderType, s.fd,
                               name.get(), s.write ? "wb" : "rb", !s.write, s.write, false, false);
    if (!b) return nullptr;
    // stderr is always line-buffered (as CPython 3.9+); stdout when it is a terminal.
    bool line_buffering = s.fd == 2 || (s.fd == 1 && ::isatty(1));
    Ref t = Ref::steal(text_new(b, "utf-8", s.fd == 2 ? "backslashreplace" : "strict",
                                s.write ? "w" : "r", Newline::Universal, line_buffering));
    if (!t || dict_setitem_str(sysdict, s.attr, t.get()) < 0 ||
        dict_setitem_str(sysdict, s.dunder, t.get()) < 0) {
      return nullptr;
    }
  }
  return None;
}

// Flush sys.stdout and sys.stderr (at exit, and before printing a traceback).
void io_flush_std_streams(Object* sysdict) {
  for (const char* name : {"stdout", "stderr"}) {
    Object* f = dict_get_str_borrowed(sysdict, name);
    if (!f || f == None) continue;
    Ref r = Ref::steal(call_method0(f, "flush"));
    if (!r) err_clear();
  }
}

namespace {

const MethodDef kBinaryMethods[] = {
    {"read", binary_read, METH_DEFAULT, nullptr},
    {"read1", binary_read, METH_DEFAULT, nullptr},
    {"readline", binary_readline_meth, METH_DEFAULT, nullptr},
    {"readlines", file_readlines, METH_DEFAULT, nullptr},
    {"write", binary_write, METH_DEFAULT, nullptr},
    {"writelines", file_writelines, METH_DEFAULT, nullptr},
    {"flush", binary_flush_meth, METH_DEFAULT, nullptr},
    {"close", binary_close_meth, METH_DEFAULT, nullptr},
    {"seek", binary_seek_meth, METH_DEFAULT, nullptr},
    {"tell", file_tell, METH_DEFAULT, nullptr},
    {"truncate", file_truncate, METH_DEFAULT, nullptr},
    {"fileno", file_fileno, METH_DEFAULT, nullptr},
    {"isatty", file_isatty, METH_DEFAULT, nullptr},
    {"readable", file_readable, METH_DEFAULT, nullptr},
    {"writable", file_writable, METH_DEFAULT, nullptr},
    {"seekable", file_seekable, METH_DEFAULT, nullptr},
    {"__enter__", file_enter, METH_DEFAULT, nullptr},
    {"__exit__", file_exit, METH_DEFAULT, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

const GetSetDef kBinaryGetSet[] = {
    {"closed", file_get_closed, nullptr, nullptr},
    {"name", file_get_name, nullptr, nullptr},
    {"mode", binary_get_mode, nullptr, nullptr},
    {"raw", binary_get_raw, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

const MethodDef kTextMethods[] = {
    {"read", text_read, METH_DEFAULT, nullptr},
    {"readline", text_readline, METH_DEFAULT, nullptr},
    {"readlines", file_readlines, METH_DEFAULT, nullptr},
    {"write", text_write, METH_DEFAULT, nullptr},
    {"writelines", file_writelines, METH_DEFAULT, nullptr},
    {"flush", binary_flush_meth, METH_DEFAULT, nullptr},
    {"close", text_close, METH_DEFAULT, nullptr},
    {"seek", text_seek, METH_DEFAULT, nullptr},
    {"tell", file_tell, METH_DEFAULT, nullptr},
    {"truncate", file_truncate, METH_DEFAULT, nullptr},
    {"fileno", file_fileno, METH_DEFAULT, nullptr},
    {"isatty", file_isatty, METH_DEFAULT, nullptr},
    {"readable", file_readable, METH_DEFAULT, nullptr},
    {"writable", file_writable, METH_DEFAULT, nullptr},
    {"seekable", file_seekable, METH_DEFAULT, nullptr},
    {"__enter__", file_enter, METH_DEFAULT, nullptr},
    {"__exit__", file_exit, METH_DEFAULT, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

const GetSetDef kTextGetSet[] = {
    {"closed", file_get_closed, nullptr, nullptr},
    {"name", file_get_name, nullptr, nullptr},
    {"mode", text_get_mode, nullptr, nullptr},
    {"encoding", text_get_encoding, nullptr, nullptr},
    {"errors", text_get_errors, nullptr, nullptr},
    {"buffer", text_get_buffer, nullptr, nullptr},
    {"line_buffering", text_get_line_buffering, nullptr, nullptr},
    {"newlines", text_get_newlines, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

void init_binary_type(TypeObject* t, const char* name) {
  t->name = name;
  t->basicsize = sizeof(BinaryFile);
  t->flags = TPFLAG_BASETYPE;
  t->dealloc = binary_dealloc;
  t->repr = binary_repr;
  t->iter = file_iter;
  t->iternext = file_iternext;
  t->methods = kBinaryMethods;
  t->getset = kBinaryGetSet;
  t->ob_type = &TypeType;
  make_immortal(t);
}

bool io_types_ready() {
  if (TextIOWrapperType.flags & TPFLAG_READY) return true;
  init_binary_type(&FileIOType, "_io.FileIO");
  init_binary_type(&BufferedReaderType, "_io.BufferedReader");
  init_binary_type(&BufferedWriterType, "_io.BufferedWriter");
  init_binary_type(&BufferedRandomType, "_io.BufferedRandom");
  TypeObject* t = &TextIOWrapperType;
  t->name = "_io.TextIOWrapper";
  t->basicsize = sizeof(TextFile);
  t->flags = TPFLAG_BASETYPE;
  t->dealloc = text_dealloc;
  t->repr = text_repr;
  t->iter = file_iter;
  t->iternext = file_iternext;
  t->methods = kTextMethods;
  t->getset = kTextGetSet;
  t->ob_type = &TypeType;
  make_immortal(t);
  for (TypeObject* type : {&FileIOType, &BufferedReaderType, &BufferedWriterType,
                           &BufferedRandomType, &TextIOWrapperType}) {
    if (type_ready(type) < 0) return false;
  }
  // io.UnsupportedOperation derives from both OSError and ValueError.
  Ref name = Ref::steal(str_from_cstr("UnsupportedOperation"));
  Ref bases = Ref::steal(tuple_pack(2, as_object(&Exc_OSError), as_object(&Exc_ValueError)));
  Ref dict = Ref::steal(dict_new());
  if (!name || !bases || !dict) return false;
  Ref module_name = Ref::steal(str_from_cstr("io"));
  if (!module_name || dict_setitem_str(dict.get(), "__module__", module_name.get()) < 0) return false;
  g_unsupported_operation = type_new_heap(&TypeType, name.get(), bases.get(), dict.get(), nullptr);
  return g_unsupported_operation != nullptr;
}

Object* io_open_meth(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  return io_open(args, nargs, kwnames);
}

const MethodDef kIoFunctions[] = {
    {"open", io_open_meth, METH_DEFAULT, "Open file and return a stream."},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

Object* io_module_init() {
  if (!io_types_ready()) return nullptr;
  Ref m = Ref::steal(module_new("io"));
  if (!m || module_add_functions(m.get(), kIoFunctions) < 0) return nullptr;
  const std::pair<const char*, TypeObject*> types[] = {
      {"FileIO", &FileIOType},
      {"BufferedReader", &BufferedReaderType},
      {"BufferedWriter", &BufferedWriterType},
      {"BufferedRandom", &BufferedRandomType},
      {"TextIOWrapper", &TextIOWrapperType},
  };
  for (auto& [name, type] : types) {
    if (module_add_object(m.get(), name, as_object(type)) < 0) return nullptr;
  }
  if (module_add_object(m.get(), "UnsupportedOperation", g_unsupported_operation) < 0 ||
      module_add_int(m.get(), "DEFAULT_BUFFER_SIZE", kBufferSize) < 0 ||
      module_add_int(m.get(), "SEEK_SET", 0) < 0 || module_add_int(m.get(), "SEEK_CUR", 1) < 0 ||
      module_add_int(m.get(), "SEEK_END", 2) < 0 || io_memory_add_types(m.get()) < 0) {
    return nullptr;
  }
  return m.release();
}

}  // namespace gilpy

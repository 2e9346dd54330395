// io's raw and buffered layers: FileIO and BufferedReader / BufferedWriter / BufferedRandom
// (CPython's Modules/_io/fileio.c and bufferedio.c; see modules/io.cpp for the whole stack).
//
// FileIO owns an OS file descriptor (-1 once closed). Its `name` lives in the instance dict, as
// in CPython (tempfile and the standard streams set it). Every read(2)/write(2)/open(2) goes
// through the blocking-call helpers of modules/os_syscalls.h (where the GIL will be released).
//
// A buffered object holds a reference to its raw object and two C++ buffers:
//   rbuf[rpos:]  read-ahead: bytes at raw positions [raw_pos - avail, raw_pos)
//   wbuf         pending writes, to be written at raw_pos
// Invariant: at most one of them is non-empty (writing after reading first seeks the raw stream
// back to the logical position; reading after writing first flushes). The raw object is reached
// directly when it is exactly a FileIO (the fast path), otherwise through its methods (readinto,
// write, seek, tell, ...), so any RawIOBase subclass written in Python works underneath.
//
// Threads: the GIL is released around every system call, so a buffered object has a lock of its
// own (CPython's ENTER_BUFFERED): taken without the GIL when contended, and a re-entrant call from
// the thread holding it raises RuntimeError("reentrant call inside ..."). Buffers read into (any
// writable exporter: WritableBufferArg) and bytearrays written from stay exported while the GIL is
// released, so no other thread can resize them.
// In a fork child, a lock held by a thread of the parent is replaced on first use (vm/fork.cpp).
//
// Error messages are CPython's, layer by layer: FileIO says "I/O operation on closed file" (no
// period) and "File not open for reading"; the buffered layer says "read of closed file",
// "readline of closed file", "write to closed file", "flush of closed file", ... and its
// closed checks pass while read-ahead remains (CPython's CHECK_CLOSED).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <pthread.h>

#include <cerrno>
#include <cstring>
#include <mutex>
#include <string>

#include "core/abstract.h"
#include "core/args.h"
#include "core/error.h"
#include "modules/io_internal.h"
#include "modules/os_internal.h"
#include "modules/os_syscalls.h"
#include "objects/bytesobject.h"
#include "objects/containers.h"
#include "objects/intobject.h"
#include "objects/memoryobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"
#include "vm/gil.h"

namespace gilpy {

TypeObject FileIOType, BufferedReaderType, BufferedWriterType, BufferedRandomType;

namespace {

// The name CPython prints in reprs (tp_name): "_io.FileIO", or a heap class's bare name.
const char* tp_name(TypeObject* t) {
  return type_has_flag(t, TPFLAG_HEAPTYPE) ? type_name(t) : t->name;
}

// While alive, a bytearray cannot be resized (its data pointer is used without the GIL).
struct ExportGuard {
  ByteArrayObject* b = nullptr;
  explicit ExportGuard(Object* o) {
    if (o && bytearray_check(o)) {
      b = static_cast<ByteArrayObject*>(o);
      ++b->exports;
    }
  }
  ~ExportGuard() {
    if (b) --b->exports;
  }
  ExportGuard(const ExportGuard&) = delete;
  ExportGuard& operator=(const ExportGuard&) = delete;
};

// ================================================================================================
// FileIO
// ================================================================================================

struct FileIOObject : IOBaseObject {
  int fd;
  bool created, readable, writable, appending, closefd;
  int seekable;  // -1: not known yet
  ssize blksize;
};

FileIOObject* as_fio(Object* o) { return static_cast<FileIOObject*>(o); }

Object* err_closed() {
  return err_format(&Exc_ValueError, "I/O operation on closed file");
}
Object* err_mode(const char* action) {
  err_set_string(io_unsupported_operation_type(),
                 (std::string("File not open for ") + action).c_str());
  return nullptr;
}

Object* fileio_new(TypeObject* type, Object* const*, ssize, Object*) {
  auto* f = static_cast<FileIOObject*>(object_alloc(type, size_t(type->basicsize)));
  if (!f) return nullptr;
  f->fd = -1;
  f->closefd = true;
  f->seekable = -1;
  f->blksize = kDefaultBufferSize;
  return f;
}

bool fileio_internal_close(FileIOObject* f) {
  int fd = f->fd;
  f->fd = -1;
  if (fd >= 0 && sys_close(fd) < 0) {
    err_set_from_errno(&Exc_OSError);
    return false;
  }
  return true;
}

const char* fileio_mode_string(FileIOObject* f) {
  if (f->created) return f->readable ? "xb+" : "xb";
  if (f->appending) return f->readable ? "ab+" : "ab";
  if (f->readable) return f->writable ? "rb+" : "rb";
  return "wb";
}

int fileio_init_impl(FileIOObject* self, Object* file, const char* mode, bool closefd,
                     Object* opener) {
  if (self->fd >= 0) {
    if (self->closefd) {
      if (!fileio_internal_close(self)) return -1;
    } else {
      self->fd = -1;
    }
  }
  self->created = self->readable = self->writable = self->appending = false;
  self->seekable = -1;
  int fd = -1;
  Ref path;
  if (int_check(file)) {
    ssize v = int_as_ssize(file);
    if (v == -1 && err_occurred()) return -1;
    if (v < 0) {
      err_format(&Exc_ValueError, "negative file descriptor");
      return -1;
    }
    fd = int(v);
  } else {
    path = Ref::steal(os_fspath(file));
    if (!path) return -1;
  }
  bool rwa = false, plus = false;
  int flags = 0;
  for (const char* s = mode; *s; ++s) {
    switch (*s) {
      case 'x':
        if (rwa) goto bad_mode;
        rwa = true;
        self->created = self->writable = true;
        flags |= O_EXCL | O_CREAT;
        break;
      case 'r':
        if (rwa) goto bad_mode;
        rwa = true;
        self->readable = true;
        break;
      case 'w':
        if (rwa) goto bad_mode;
        rwa = true;
        self->writable = true;
        flags |= O_CREAT | O_TRUNC;
        break;
      case 'a':
        if (rwa) goto bad_mode;
        rwa = true;
        self->writable = self->appending = true;
        flags |= O_APPEND | O_CREAT;
        break;
      case 'b':
        break;
      case '+':
        if (plus) goto bad_mode;
        self->readable = self->writable = true;
        plus = true;
        break;
      default:
        err_format(&Exc_ValueError, "invalid mode: %.200s", mode);
        return -1;
    }
  }
  if (!rwa) goto bad_mode;
  if (self->readable && self->writable) {
    flags |= O_RDWR;
  } else if (self->readable) {
    flags |= O_RDONLY;
  } else {
    flags |= O_WRONLY;
  }
  flags |= O_CLOEXEC;

  if (fd >= 0) {
    self->fd = fd;
    self->closefd = closefd;
  } else {
    self->closefd = true;
    if (!closefd) {
      err_format(&Exc_ValueError, "Cannot use closefd=False with file name");
      return -1;
    }
    std::string p = str_check(path.get()) ? std::string(str_view(path.get()))
                                          : std::string(bytes_view(path.get()));
    if (p.find('\0') != std::string::npos) {
      err_format(&Exc_ValueError, "embedded null byte");
      return -1;
    }
    if (!opener) {
      fd = sys_open(p.c_str(), flags, 0666);
      if (fd < 0) {
        err_set_from_errno(&Exc_OSError, file);
        return -1;
      }
    } else {
      Ref fl = Ref::steal(int_from_i64(flags));
      if (!fl) return -1;
      Ref r = Ref::steal(call2(opener, file, fl.get()));
      if (!r) return -1;
      if (!int_check(r.get())) {
        err_format(&Exc_TypeError, "expected integer from opener");
        return -1;
      }
      ssize v = int_as_ssize(r.get());
      if (v == -1 && err_occurred()) return -1;
      if (v < 0) {
        err_format(&Exc_ValueError, "opener returned %d", int(v));
        return -1;
      }
      fd = int(v);
    }
    self->fd = fd;
  }
  {
    struct stat st;
    if (fstat(self->fd, &st) < 0) {
      if (errno == EBADF) {
        err_set_from_errno(&Exc_OSError);
        goto error;
      }
    } else {
      if (S_ISDIR(st.st_mode)) {
        errno = EISDIR;
        err_set_from_errno(&Exc_OSError, file);
        goto error;
      }
      if (st.st_blksize > 1) self->blksize = st.st_blksize;
    }
  }
  if (!io_dict_set(self, "name", file)) goto error;
  if (self->appending) lseek(self->fd, 0, SEEK_END);
  return 0;

bad_mode:
  err_format(&Exc_ValueError,
             "Must have exactly one of create/read/write/append mode and at most one plus");
  return -1;
error:
  if (path) {
    Object* saved = err_fetch();
    if (self->fd >= 0) sys_close(self->fd);
    self->fd = -1;
    err_restore(saved);
  }
  return -1;
}

int fileio_init(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"file", "mode", "closefd", "opener", nullptr};
  static const ArgSpec spec{"FileIO", names, 1, 4};
  Object* a[4];
  if (!parse_args(spec, args, nargs, kwnames, a)) return -1;
  std::string mode = "r";
  if (a[1]) {
    if (!str_check(a[1])) {
      err_format(&Exc_TypeError, "FileIO() argument 'mode' must be str, not %T", a[1]);
      return -1;
    }
    mode = std::string(str_view(a[1]));
  }
  bool closefd;
  if (!bool_arg(a[2], true, &closefd)) return -1;
  return fileio_init_impl(as_fio(self), a[0], mode.c_str(), closefd,
                          a[3] && a[3] != None ? a[3] : nullptr);
}

void fileio_dealloc(Object* self) {
  FileIOObject* f = as_fio(self);
  if (f->fd >= 0 && f->closefd) sys_close(f->fd);
  io_clear_dict(self);
  object_free(self);
}

// read(2) into dst: bytes read, -1 error (set), -2 would block.
ssize fileio_read_into(FileIOObject* f, char* dst, size_t n) {
  if (f->fd < 0) {
    err_closed();
    return -1;
  }
  if (!f->readable) {
    err_mode("reading");
    return -1;
  }
  ssize r = sys_read(f->fd, dst, n);
  if (r < 0) {
    if (errno == EAGAIN) return -2;
    err_set_from_errno(&Exc_OSError);
    return -1;
  }
  return r;
}

ssize fileio_write_from(FileIOObject* f, const char* src, size_t n) {
  if (f->fd < 0) {
    err_closed();
    return -1;
  }
  if (!f->writable) {
    err_mode("writing");
    return -1;
  }
  ssize r = sys_write(f->fd, src, n);
  if (r < 0) {
    if (errno == EAGAIN) return -2;
    err_set_from_errno(&Exc_OSError);
    return -1;
  }
  return r;
}

// Read to EOF; false with an exception. `would_block` when nothing could be read (EAGAIN).
// A regular file is read in one read(2) of its remaining size + 1 (as CPython), the buffer sized
// once; other files grow the buffer geometrically.
bool fileio_read_all(FileIOObject* f, std::string& out, bool* would_block) {
  *would_block = false;
  size_t hint = 0;
  struct stat st;
  if (fstat(f->fd, &st) == 0 && S_ISREG(st.st_mode)) {
    off_t pos = lseek(f->fd, 0, SEEK_CUR);
    if (pos >= 0 && st.st_size > pos) {
      hint = size_t(st.st_size - pos) + 1;
      out.reserve(out.size() + hint + 65536);
    }
  }
  for (;;) {
    size_t old = out.size();
    size_t chunk = hint ? hint : old + 65536 <= out.capacity() ? 65536 : std::max<size_t>(old, 65536);
    hint = 0;
    out.resize(old + chunk);
    ssize r = sys_read(f->fd, out.data() + old, chunk);
    if (r < 0) {
      out.resize(old);
      if (errno == EAGAIN) {
        if (old == 0) *would_block = true;
        return true;
      }
      err_set_from_errno(&Exc_OSError);
      return false;
    }
    out.resize(old + size_t(r));
    if (r == 0) return true;
  }
}

Object* fileio_readall(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("readall", nargs, kwnames)) return nullptr;
  FileIOObject* f = as_fio(self);
  if (f->fd < 0) return err_closed();
  std::string out;
  bool wb;
  if (!fileio_read_all(f, out, &wb)) return nullptr;
  if (wb) return none_ref();
  return bytes_from(out);
}

Object* fileio_read(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("read", kwnames) || !check_positional("read", nargs, 0, 1)) return nullptr;
  ssize n;
  if (!io_size_arg(nargs ? args[0] : nullptr, &n)) return nullptr;
  FileIOObject* f = as_fio(self);
  if (f->fd < 0) return err_closed();
  if (!f->readable) return err_mode("reading");
  if (n < 0) return fileio_readall(self, nullptr, 0, nullptr);
  std::string buf(size_t(n), '\0');
  ssize r = fileio_read_into(f, buf.data(), size_t(n));
  if (r == -1) return nullptr;
  if (r == -2) return none_ref();
  return bytes_from(buf.data(), r);
}

Object* fileio_readinto(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("readinto", nargs, kwnames)) return nullptr;
  WritableBufferArg buf;
  if (!buf.get(args[0], "readinto", "1")) return nullptr;
  FileIOObject* f = as_fio(self);
  if (f->fd < 0) return err_closed();
  if (!f->readable) return err_mode("reading");
  ssize r = fileio_read_into(f, buf.data(), size_t(buf.size()));
  if (r == -1) return nullptr;
  if (r == -2) return none_ref();
  return int_from_ssize(r);
}

Object* fileio_write(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("write", nargs, kwnames)) return nullptr;
  ByteView v;
  if (!get_byte_view(args[0], &v)) return nullptr;
  FileIOObject* f = as_fio(self);
  ExportGuard guard(args[0]);
  ssize r = fileio_write_from(f, v.data, size_t(v.size));
  if (r == -1) return nullptr;
  if (r == -2) return none_ref();
  return int_from_ssize(r);
}

// lseek with FileIO's argument rules; -1 with an exception.
off_t fileio_lseek(FileIOObject* f, off_t pos, int whence) {
  off_t r;
  {
    BlockingSection section;
    r = ::lseek(f->fd, pos, whence);
  }
  if (f->seekable < 0) f->seekable = r >= 0;
  if (r < 0) err_set_from_errno(&Exc_OSError);
  return r;
}

bool off_arg(Object* o, off_t* out) {
  if (!index_check(o)) {
    err_format(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", o);
    return false;
  }
  ssize v = number_as_ssize(o, &Exc_OverflowError);
  if (v == -1 && err_occurred()) return false;
  *out = off_t(v);
  return true;
}

bool whence_arg(Object* const* args, ssize nargs, int* whence) {
  *whence = 0;
  if (nargs < 2) return true;
  if (!index_check(args[1])) {
    err_format(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", args[1]);
    return false;
  }
  ssize w = number_as_ssize(args[1], &Exc_OverflowError);
  if (w == -1 && err_occurred()) return false;
  *whence = int(w);
  return true;
}

Object* fileio_seek(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("seek", kwnames) || !check_positional("seek", nargs, 1, 2)) return nullptr;
  int whence;
  if (!whence_arg(args, nargs, &whence)) return nullptr;
  FileIOObject* f = as_fio(self);
  if (f->fd < 0) return err_closed();
  off_t pos;
  if (!off_arg(args[0], &pos)) return nullptr;
  off_t r = fileio_lseek(f, pos, whence);
  if (r < 0) return nullptr;
  return int_from_i64(r);
}

Object* fileio_tell(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("tell", nargs, kwnames)) return nullptr;
  FileIOObject* f = as_fio(self);
  if (f->fd < 0) return err_closed();
  off_t r = fileio_lseek(f, 0, SEEK_CUR);
  if (r < 0) return nullptr;
  return int_from_i64(r);
}

Object* fileio_truncate(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("truncate", kwnames) || !check_positional("truncate", nargs, 0, 1)) {
    return nullptr;
  }
  FileIOObject* f = as_fio(self);
  if (f->fd < 0) return err_closed();
  if (!f->writable) return err_mode("writing");
  off_t size;
  if (nargs == 0 || args[0] == None) {
    size = fileio_lseek(f, 0, SEEK_CUR);
    if (size < 0) return nullptr;
  } else if (!off_arg(args[0], &size)) {
    return nullptr;
  }
  if (sys_ftruncate(f->fd, size) < 0) return err_set_from_errno(&Exc_OSError);
  return int_from_i64(size);
}

Object* fileio_close(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("close", nargs, kwnames)) return nullptr;
  FileIOObject* f = as_fio(self);
  // _RawIOBase.close (flush, then the __IOBase_closed flag) first.
  Ref res;
  if (!f->iobase_closed) {
    res = Ref::steal(call_method0(self, "flush"));
    f->iobase_closed = true;
  } else {
    res = Ref::borrow(None);
  }
  Object* saved = res ? nullptr : err_fetch();
  if (!f->closefd) {
    f->fd = -1;
  } else if (f->fd >= 0) {
    if (!fileio_internal_close(f)) {
      io_chain_exception(saved);
      return nullptr;
    }
  }
  if (saved) {
    err_restore(saved);
    return nullptr;
  }
  return none_ref();
}

template <int Which>
Object* fileio_flag(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"readable", "writable", "seekable", "fileno", "isatty"};
  if (!check_no_args(names[Which], nargs, kwnames)) return nullptr;
  FileIOObject* f = as_fio(self);
  if (f->fd < 0) return err_closed();
  switch (Which) {
    case 0: return bool_from(f->readable);
    case 1: return bool_from(f->writable);
    case 2:
      if (f->seekable < 0) {
        BlockingSection section;
        f->seekable = ::lseek(f->fd, 0, SEEK_CUR) >= 0;
      }
      return bool_from(f->seekable);
    case 3: return int_from_i64(f->fd);
    default: {
      int r;
      {
        BlockingSection section;
        r = ::isatty(f->fd);
      }
      return bool_from(r);
    }
  }
}

Object* fileio_repr(Object* self) {
  FileIOObject* f = as_fio(self);
  const char* tn = tp_name(type_of(self));
  StrWriter w;
  w.append("<");
  w.append(tn);
  if (f->fd < 0) {
    w.append(" [closed]>");
    return w.finish();
  }
  Ref name = Ref::steal(object_getattr_str(self, "name"));
  if (!name) {
    if (!err_matches(&Exc_AttributeError)) return nullptr;
    err_clear();
    w.append(" fd=");
    w.append(std::to_string(f->fd));
  } else {
    w.append(" name=");
    if (!w.append_repr(name.get())) return nullptr;
  }
  w.append(" mode='");
  w.append(fileio_mode_string(f));
  w.append(f->closefd ? "' closefd=True>" : "' closefd=False>");
  return w.finish();
}

Object* fileio_get_closed(Object* self) { return bool_from(as_fio(self)->fd < 0); }
Object* fileio_get_closefd(Object* self) { return bool_from(as_fio(self)->closefd); }
Object* fileio_get_mode(Object* self) { return str_from_cstr(fileio_mode_string(as_fio(self))); }
Object* fileio_get_blksize(Object* self) { return int_from_ssize(as_fio(self)->blksize); }

const MethodDef kFileIOMethods[] = {
    {"read", fileio_read, METH_DEFAULT, nullptr},
    {"readall", fileio_readall, METH_DEFAULT, nullptr},
    {"readinto", fileio_readinto, METH_DEFAULT, nullptr},
    {"write", fileio_write, METH_DEFAULT, nullptr},
    {"seek", fileio_seek, METH_DEFAULT, nullptr},
    {"tell", fileio_tell, METH_DEFAULT, nullptr},
    {"truncate", fileio_truncate, METH_DEFAULT, nullptr},
    {"close", fileio_close, METH_DEFAULT, nullptr},
    {"readable", fileio_flag<0>, METH_DEFAULT, nullptr},
    {"writable", fileio_flag<1>, METH_DEFAULT, nullptr},
    {"seekable", fileio_flag<2>, METH_DEFAULT, nullptr},
    {"fileno", fileio_flag<3>, METH_DEFAULT, nullptr},
    {"isatty", fileio_flag<4>, METH_DEFAULT, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

const GetSetDef kFileIOGetSet[] = {
    {"closed", fileio_get_closed, nullptr, nullptr},
    {"closefd", fileio_get_closefd, nullptr, nullptr},
    {"mode", fileio_get_mode, nullptr, nullptr},
    {"_blksize", fileio_get_blksize, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

// ================================================================================================
// Buffered*
// ================================================================================================

struct BufferedObject : IOBaseObject {
  Object* raw;  // owned; null once detached
  bool ok, detached, readable, writable, fast;
  ssize buffer_size;
  std::string* rbuf;  // owned
  size_t rpos;
  std::string* wbuf;  // owned
  std::mutex* lock;   // owned
  pthread_t owner;    // valid while `lock` is held
  uint64_t owner_generation;  // fork_generation() when `owner` took it
  bool locked;
};

BufferedObject* as_buf(Object* o) { return static_cast<BufferedObject*>(o); }

// CPython's ENTER_BUFFERED / LEAVE_BUFFERED, as a scope guard.
class Enter {
 public:
  explicit Enter(BufferedObject* b) {
    if (b->locked && b->owner_generation != fork_generation()) {
      // Held by a thread of the parent process, which does not exist in this fork child: it can
      // never be released. Use a new lock (the old one is abandoned, never destroyed).
      b->lock = new std::mutex();
      b->locked = false;
    }
    if (b->locked && pthread_equal(b->owner, pthread_self())) {
      err_format(&Exc_RuntimeError, "reentrant call inside %R", b);
      return;
    }
    if (!b->lock->try_lock()) {
      BlockingSection section;
      b->lock->lock();
    }
    b->owner = pthread_self();
    b->owner_generation = fork_generation();
    b->locked = true;
    b_ = b;
  }
  ~Enter() { leave(); }
  void leave() {
    if (!b_) return;
    b_->locked = false;
    b_->lock->unlock();
    b_ = nullptr;
  }
  bool ok() const { return b_ != nullptr; }
  Enter(const Enter&) = delete;
  Enter& operator=(const Enter&) = delete;

 private:
  BufferedObject* b_ = nullptr;
};

#define ENTER(b)     \
  Enter entered(b);  \
  if (!entered.ok()) return nullptr

size_t avail(BufferedObject* b) { return b->rbuf ? b->rbuf->size() - b->rpos : 0; }

bool check_initialized(BufferedObject* b) {
  if (b->ok) return true;
  err_set_string(&Exc_ValueError, b->detached ? "raw stream has been detached"
                                              : "I/O operation on uninitialized object");
  return false;
}

// 1 / 0 / -1: is the raw stream closed?
int raw_closed(BufferedObject* b) {
  if (b->fast) return as_fio(b->raw)->fd < 0;
  Ref c = Ref::steal(object_getattr_str(b->raw, "closed"));
  if (!c) return -1;
  return object_is_true(c.get());
}

// CPython's CHECK_CLOSED: closed and no read-ahead left.
bool check_closed(BufferedObject* b, const char* msg) {
  int c = raw_closed(b);
  if (c < 0) return false;
  if (c && avail(b) == 0) {
    err_set_string(&Exc_ValueError, msg);
    return false;
  }
  return true;
}

// Raw operations: fast path for an exact FileIO, method calls otherwise.
ssize raw_read(BufferedObject* b, char* dst, size_t n) {
  if (b->fast) return fileio_read_into(as_fio(b->raw), dst, n);
  Ref ba = Ref::steal(bytearray_from(nullptr, ssize(n)));
  if (!ba) return -1;
  Object* a[1] = {ba.get()};
  Ref r = Ref::steal(io_call(b->raw, "readinto", a, 1));
  if (!r) return -1;
  if (r.get() == None) return -2;
  ssize got = number_as_ssize(r.get(), &Exc_ValueError);
  if (got == -1 && err_occurred()) return -1;
  if (got < 0 || size_t(got) > n) {
    err_format(&Exc_OSError,
               "raw readinto() returned invalid length %zd (should have been between 0 and %zd)",
               got, ssize(n));
    return -1;
  }
  if (got) std::memcpy(dst, static_cast<ByteArrayObject*>(ba.get())->data, size_t(got));
  return got;
}

ssize raw_write(BufferedObject* b, const char* src, size_t n) {
  if (b->fast) return fileio_write_from(as_fio(b->raw), src, n);
  Ref data = Ref::steal(bytes_from(src, ssize(n)));
  if (!data) return -1;
  Object* a[1] = {data.get()};
  Ref r = Ref::steal(io_call(b->raw, "write", a, 1));
  if (!r) return -1;
  if (r.get() == None) return -2;
  ssize w = number_as_ssize(r.get(), &Exc_ValueError);
  if (w == -1 && err_occurred()) return -1;
  if (w < 0 || size_t(w) > n) {
    err_format(&Exc_OSError,
               "raw write() returned invalid length %zd (should have been between 0 and %zd)", w,
               ssize(n));
    return -1;
  }
  return w;
}

off_t raw_seek(BufferedObject* b, off_t pos, int whence) {
  if (b->fast) {
    FileIOObject* f = as_fio(b->raw);
    if (f->fd < 0) {
      err_closed();
      return -1;
    }
    return fileio_lseek(f, pos, whence);
  }
  Ref p = Ref::steal(int_from_i64(pos));
  Ref w = Ref::steal(int_from_i64(whence));
  if (!p || !w) return -1;
  Object* a[2] = {p.get(), w.get()};
  Ref r = Ref::steal(io_call(b->raw, "seek", a, 2));
  if (!r) return -1;
  ssize v = number_as_ssize(r.get(), &Exc_ValueError);
  if (v == -1 && err_occurred()) return -1;
  if (v < 0) {
    err_format(&Exc_OSError, "Raw stream returned invalid position %lld", (long long)v);
    return -1;
  }
  return off_t(v);
}

off_t raw_tell(BufferedObject* b) {
  if (b->fast) return raw_seek(b, 0, SEEK_CUR);
  Ref r = Ref::steal(call_method0(b->raw, "tell"));
  if (!r) return -1;
  ssize v = number_as_ssize(r.get(), &Exc_ValueError);
  if (v == -1 && err_occurred()) return -1;
  if (v < 0) {
    err_format(&Exc_OSError, "Raw stream returned invalid position %lld", (long long)v);
    return -1;
  }
  return off_t(v);
}

bool flush_writes(BufferedObject* b) {
  std::string& w = *b->wbuf;
  size_t done = 0;
  while (done < w.size()) {
    ssize n = raw_write(b, w.data() + done, w.size() - done);
    if (n < 0) {
      w.erase(0, done);
      if (n == -2) err_format(&Exc_BlockingIOError, "write could not complete without blocking");
      return false;
    }
    done += size_t(n);
  }
  w.clear();
  return true;
}

// Move the raw position back to the logical one and drop the read-ahead.
bool rewind_readahead(BufferedObject* b) {
  size_t a = avail(b);
  if (a > 0 && raw_seek(b, -off_t(a), SEEK_CUR) < 0) return false;
  b->rbuf->clear();
  b->rpos = 0;
  return true;
}

bool flush_and_rewind(BufferedObject* b) {
  if (b->writable && !flush_writes(b)) return false;
  if (b->readable && !rewind_readahead(b)) return false;
  return true;
}

void reset_rbuf(BufferedObject* b) {
  b->rbuf->clear();
  b->rpos = 0;
}

// Append up to buffer_size - (size of rbuf) bytes to the read buffer: bytes read, -1, -2.
ssize fill_buffer(BufferedObject* b) {
  if (b->rpos > 0 && b->rpos == b->rbuf->size()) reset_rbuf(b);
  std::string& r = *b->rbuf;
  size_t old = r.size();
  size_t want = size_t(b->buffer_size) > old ? size_t(b->buffer_size) - old : size_t(b->buffer_size);
  r.resize(old + want);
  ssize n = raw_read(b, r.data() + old, want);
  r.resize(old + size_t(n > 0 ? n : 0));
  return n;
}

std::string take(BufferedObject* b, size_t n) {
  std::string out = b->rbuf->substr(b->rpos, n);
  b->rpos += n;
  return out;
}

Object* buffered_new(TypeObject* type, Object* const*, ssize, Object*) {
  auto* b = static_cast<BufferedObject*>(object_alloc(type, size_t(type->basicsize)));
  if (!b) return nullptr;
  b->rbuf = new std::string();
  b->wbuf = new std::string();
  b->lock = new std::mutex();
  return b;
}

int buffered_init_impl(BufferedObject* b, Object* raw, ssize buffer_size) {
  b->ok = false;
  b->detached = false;
  TypeObject* t = type_of(b);
  bool is_writer = type_is_subtype(t, &BufferedWriterType);
  bool is_random = type_is_subtype(t, &BufferedRandomType);
  if (is_random) {
    Ref r = Ref::steal(call_method0(raw, "seekable"));
    if (!r) return -1;
    if (r.get() != True) return io_unsupported("File or stream is not seekable.") ? 0 : -1;
  }
  if (!is_writer) {
    Ref r = Ref::steal(call_method0(raw, "readable"));
    if (!r) return -1;
    if (r.get() != True) return io_unsupported("File or stream is not readable.") ? 0 : -1;
  }
  if (is_writer || is_random) {
    Ref r = Ref::steal(call_method0(raw, "writable"));
    if (!r) return -1;
    if (r.get() != True) return io_unsupported("File or stream is not writable.") ? 0 : -1;
  }
  if (buffer_size <= 0) {
    err_format(&Exc_ValueError, "buffer size must be strictly positive");
    return -1;
  }
  setref(&b->raw, newref(raw));
  b->readable = !is_writer;
  b->writable = is_writer || is_random;
  b->fast = type_of(raw) == &FileIOType;
  b->buffer_size = buffer_size;
  reset_rbuf(b);
  b->wbuf->clear();
  b->ok = true;
  return 0;
}

int buffered_init(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"raw", "buffer_size", nullptr};
  const char* fname = type_is_subtype(type_of(self), &BufferedRandomType)   ? "BufferedRandom"
                      : type_is_subtype(type_of(self), &BufferedWriterType) ? "BufferedWriter"
                                                                            : "BufferedReader";
  ArgSpec spec{fname, names, 1, 2};
  Object* a[2];
  if (!parse_args(spec, args, nargs, kwnames, a)) return -1;
  ssize size = kDefaultBufferSize;
  if (a[1]) {
    size = number_as_ssize(a[1], &Exc_OverflowError);
    if (size == -1 && err_occurred()) return -1;
  }
  return buffered_init_impl(as_buf(self), a[0], size);
}

// Close: flush, then close the raw stream (the flush error, if any, is the context).
bool buffered_close_impl(BufferedObject* b, bool call_flush_method, Object* self) {
  int c = raw_closed(b);
  if (c < 0) return false;
  if (c) return true;
  bool ok = true;
  if (call_flush_method) {
    Ref r = Ref::steal(call_method0(self, "flush"));
    ok = bool(r);
  } else if (b->writable) {
    ok = flush_writes(b);
  }
  Object* saved = ok ? nullptr : err_fetch();
  Ref r;
  {
    Enter entered(b);
    if (entered.ok()) {
      r = Ref::steal(call_method0(b->raw, "close"));
      reset_rbuf(b);
    }
  }
  if (!r) {
    io_chain_exception(saved);
    return false;
  }
  if (saved) {
    err_restore(saved);
    return false;
  }
  return true;
}

void buffered_dealloc(Object* self) {
  BufferedObject* b = as_buf(self);
  if (b->ok && b->raw) {
    Object* saved = err_fetch();
    if (!buffered_close_impl(b, false, self)) err_clear();
    err_restore(saved);
  }
  xdecref(b->raw);
  delete b->rbuf;
  delete b->wbuf;
  delete b->lock;
  io_clear_dict(self);
  object_free(self);
}

#define CHECK_INIT(b) \
  if (!check_initialized(b)) return nullptr

Object* buffered_read(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("read", kwnames) || !check_positional("read", nargs, 0, 1)) return nullptr;
  ssize n;
  if (!io_size_arg(nargs ? args[0] : nullptr, &n)) return nullptr;
  BufferedObject* b = as_buf(self);
  CHECK_INIT(b);
  if (n < -1) return err_format(&Exc_ValueError, "read length must be non-negative or -1");
  ENTER(b);
  if (!check_closed(b, "read of closed file")) return nullptr;
  if (n == -1) {
    std::string data = take(b, avail(b));
    if (!flush_and_rewind(b)) return nullptr;
    reset_rbuf(b);
    if (b->fast) {
      if (as_fio(b->raw)->fd < 0) return err_closed();
      bool wb;
      if (!fileio_read_all(as_fio(b->raw), data, &wb)) return nullptr;
      if (wb && data.empty()) return none_ref();
      return bytes_from(data);
    }
    Ref tmp = Ref::steal(call_method0(b->raw, "readall"));
    if (!tmp) return nullptr;
    if (tmp.get() == None) {
      if (data.empty()) return none_ref();
      return bytes_from(data);
    }
    if (!bytes_check(tmp.get())) return err_format(&Exc_TypeError, "readall() should return bytes");
    data.append(bytes_view(tmp.get()));
    return bytes_from(data);
  }
  if (size_t(n) <= avail(b)) {
    std::string data = take(b, size_t(n));
    return bytes_from(data);
  }
  std::string out = take(b, avail(b));
  if (!flush_and_rewind(b)) return nullptr;
  reset_rbuf(b);
  size_t remaining = size_t(n) - out.size();
  // Large reads go straight to the caller's bytes, whole blocks at a time.
  while (remaining > 0) {
    size_t r = size_t(b->buffer_size) * (remaining / size_t(b->buffer_size));
    if (r == 0) break;
    size_t old = out.size();
    out.resize(old + r);
    ssize got = raw_read(b, out.data() + old, r);
    out.resize(old + size_t(got > 0 ? got : 0));
    if (got == -1) return nullptr;
    if (got == 0 || got == -2) {
      if (got == 0 || !out.empty()) return bytes_from(out);
      return none_ref();
    }
    remaining -= size_t(got);
  }
  while (remaining > 0 && b->rbuf->size() < size_t(b->buffer_size)) {
    ssize got = fill_buffer(b);
    if (got == -1) return nullptr;
    if (got == 0 || got == -2) {
      if (got == 0 || !out.empty()) return bytes_from(out);
      return none_ref();
    }
    size_t k = std::min(remaining, avail(b));
    out += take(b, k);
    remaining -= k;
  }
  return bytes_from(out);
}

Object* buffered_read1(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("read1", kwnames) || !check_positional("read1", nargs, 0, 1)) {
    return nullptr;
  }
  ssize n;
  if (!io_size_arg(nargs ? args[0] : nullptr, &n)) return nullptr;
  BufferedObject* b = as_buf(self);
  CHECK_INIT(b);
  if (n < 0) n = b->buffer_size;
  ENTER(b);
  if (!check_closed(b, "read of closed file")) return nullptr;
  if (n == 0) return bytes_from("", 0);
  size_t have = avail(b);
  if (have > 0) return bytes_from(take(b, std::min(have, size_t(n))));
  if (!flush_and_rewind(b)) return nullptr;
  reset_rbuf(b);
  std::string out(size_t(n), '\0');
  ssize got = raw_read(b, out.data(), size_t(n));
  if (got == -1) return nullptr;
  if (got == -2) return none_ref();
  return bytes_from(out.data(), got);
}

Object* buffered_peek(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("peek", kwnames) || !check_positional("peek", nargs, 0, 1)) return nullptr;
  if (nargs && !index_check(args[0])) {
    return err_format(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", args[0]);
  }
  BufferedObject* b = as_buf(self);
  CHECK_INIT(b);
  ENTER(b);
  if (!check_closed(b, "peek of closed file")) return nullptr;
  if (b->writable && !flush_writes(b)) return nullptr;
  if (avail(b) > 0) return bytes_from(b->rbuf->data() + b->rpos, ssize(avail(b)));
  reset_rbuf(b);
  ssize got = fill_buffer(b);
  if (got == -1) return nullptr;
  return bytes_from(b->rbuf->data(), ssize(b->rbuf->size()));
}

Object* readinto_impl(Object* self, Object* const* args, ssize nargs, Object* kwnames,
                      bool readinto1) {
  const char* fname = readinto1 ? "readinto1" : "readinto";
  if (!check_one_arg(fname, nargs, kwnames)) return nullptr;
  WritableBufferArg buf;  // held: `out` stays valid while the lock is awaited without the GIL
  if (!buf.get(args[0], fname)) return nullptr;
  char* out = buf.data();
  ssize len = buf.size();
  BufferedObject* b = as_buf(self);
  CHECK_INIT(b);
  ENTER(b);
  if (!check_closed(b, "readinto of closed file")) return nullptr;
  size_t written = 0;
  size_t have = avail(b);
  if (have > 0) {
    if (have >= size_t(len)) {
      std::memcpy(out, b->rbuf->data() + b->rpos, size_t(len));
      b->rpos += size_t(len);
      return int_from_ssize(len);
    }
    std::memcpy(out, b->rbuf->data() + b->rpos, have);
    b->rpos += have;
    written = have;
  }
  if (b->writable && !flush_writes(b)) return nullptr;
  reset_rbuf(b);
  size_t remaining = size_t(len) - written;
  while (remaining > 0) {
    ssize n;
    if (remaining > size_t(b->buffer_size)) {
      n = raw_read(b, out + written, remaining);
    } else if (!(readinto1 && written)) {
      n = fill_buffer(b);
      if (n > 0) {
        size_t k = std::min(size_t(n), remaining);
        std::memcpy(out + written, b->rbuf->data() + b->rpos, k);
        b->rpos += k;
        written += k;
        remaining -= k;
        continue;
      }
    } else {
      n = 0;
    }
    if (n == 0 || (n == -2 && written > 0)) break;
    if (n < 0) {
      if (n == -2) return none_ref();
      return nullptr;
    }
    written += size_t(n);
    remaining -= size_t(n);
    if (readinto1) break;
  }
  return int_from_ssize(ssize(written));
}

Object* buffered_readinto(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  return readinto_impl(self, args, nargs, kwnames, false);
}
Object* buffered_readinto1(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  return readinto_impl(self, args, nargs, kwnames, true);
}

// Read through the next b'\n' (or `limit` bytes, or EOF).
Object* buffered_readline_impl(BufferedObject* b, ssize limit) {
  if (!check_closed(b, "readline of closed file")) return nullptr;
  std::string out;
  for (;;) {
    size_t have = avail(b);
    size_t room = limit >= 0 ? size_t(limit) - out.size() : have;
    size_t scan = std::min(have, room);
    const char* start = b->rbuf->data() + b->rpos;
    const void* nl = std::memchr(start, '\n', scan);
    if (nl) {
      out += take(b, size_t(static_cast<const char*>(nl) - start) + 1);
      return bytes_from(out);
    }
    out += take(b, scan);
    if (limit >= 0 && out.size() >= size_t(limit)) return bytes_from(out);
    if (b->writable && !flush_and_rewind(b)) return nullptr;
    reset_rbuf(b);
    ssize got = fill_buffer(b);
    if (got == -1) return nullptr;
    if (got <= 0) return bytes_from(out);
  }
}

Object* buffered_readline(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("readline", kwnames) || !check_positional("readline", nargs, 0, 1)) {
    return nullptr;
  }
  ssize limit;
  if (!io_size_arg(nargs ? args[0] : nullptr, &limit)) return nullptr;
  BufferedObject* b = as_buf(self);
  CHECK_INIT(b);
  ENTER(b);
  return buffered_readline_impl(b, limit);
}

Object* buffered_iternext(Object* self) {
  BufferedObject* b = as_buf(self);
  if (!check_initialized(b)) return nullptr;
  Ref line;
  TypeObject* t = type_of(self);
  if (t == &BufferedReaderType || t == &BufferedRandomType) {
    Enter entered(b);
    if (!entered.ok()) return nullptr;
    line = Ref::steal(buffered_readline_impl(b, -1));
  } else {
    line = Ref::steal(call_method0(self, "readline"));
    if (line && !bytes_check(line.get())) {
      return err_format(&Exc_OSError, "readline() should have returned a bytes object, not '%s'",
                        type_name(type_of(line.get())));
    }
  }
  if (!line || bytes_size(line.get()) == 0) return nullptr;
  return line.release();
}

// write()'s work once the data is known (and exported when it is an object); false with an
// exception.
bool write_data(BufferedObject* b, const char* data, size_t n) {
  Enter entered(b);
  if (!entered.ok()) return false;
  int c = raw_closed(b);
  if (c < 0) return false;
  if (c) {
    err_format(&Exc_ValueError, "write to closed file");
    return false;
  }
  if (avail(b) > 0 && !rewind_readahead(b)) return false;
  reset_rbuf(b);
  b->wbuf->append(data, n);
  return b->wbuf->size() <= size_t(b->buffer_size) || flush_writes(b);
}

Object* buffered_write(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("write", nargs, kwnames)) return nullptr;
  BufferedObject* b = as_buf(self);
  CHECK_INIT(b);
  ByteView v;
  if (!get_byte_view(args[0], &v)) return nullptr;
  ExportGuard guard(args[0]);
  if (!write_data(b, v.data, size_t(v.size))) return nullptr;
  return int_from_ssize(v.size);
}

Object* buffered_flush(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("flush", nargs, kwnames)) return nullptr;
  BufferedObject* b = as_buf(self);
  CHECK_INIT(b);
  ENTER(b);
  if (!check_closed(b, "flush of closed file")) return nullptr;
  if (!flush_and_rewind(b)) return nullptr;
  return none_ref();
}

// BufferedReader.flush: the raw stream's flush.
Object* buffered_simple_flush(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("flush", nargs, kwnames)) return nullptr;
  BufferedObject* b = as_buf(self);
  CHECK_INIT(b);
  return call_method0(b->raw, "flush");
}

Object* buffered_close(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("close", nargs, kwnames)) return nullptr;
  BufferedObject* b = as_buf(self);
  CHECK_INIT(b);
  if (!buffered_close_impl(b, true, self)) return nullptr;
  return none_ref();
}

Object* buffered_detach(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("detach", nargs, kwnames)) return nullptr;
  BufferedObject* b = as_buf(self);
  CHECK_INIT(b);
  Ref r = Ref::steal(call_method0(self, "flush"));
  if (!r) return nullptr;
  Object* raw = b->raw;
  b->raw = nullptr;
  b->detached = true;
  b->ok = false;
  return raw;
}

Object* buffered_seek(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("seek", kwnames) || !check_positional("seek", nargs, 1, 2)) return nullptr;
  int whence;
  if (!whence_arg(args, nargs, &whence)) return nullptr;
  BufferedObject* b = as_buf(self);
  CHECK_INIT(b);
  // SEEK_DATA (3) and SEEK_HOLE (4) go to the OS, as CPython on Linux.
  if (whence < 0 || whence > 4) {
    return err_format(&Exc_ValueError, "whence value %d unsupported", whence);
  }
  ENTER(b);
  if (!check_closed(b, "seek of closed file")) return nullptr;
  Ref sk = Ref::steal(call_method0(b->raw, "seekable"));
  if (!sk) return nullptr;
  if (sk.get() != True) return io_unsupported("File or stream is not seekable.");
  if (!index_check(args[0])) {
    return err_format(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", args[0]);
  }
  ssize tv = number_as_ssize(args[0], &Exc_ValueError);
  if (tv == -1 && err_occurred()) return nullptr;
  off_t target = off_t(tv);
  if ((whence == 0 || whence == 1) && b->readable && avail(b) > 0) {
    off_t current = raw_tell(b);
    if (current < 0) return nullptr;
    off_t a = off_t(avail(b));
    off_t offset = whence == 0 ? target - (current - a) : target;
    if (offset >= -off_t(b->rpos) && offset <= a) {
      b->rpos = size_t(off_t(b->rpos) + offset);
      return int_from_i64(current - a + offset);
    }
  }
  if (b->writable && !flush_writes(b)) return nullptr;
  if (whence == 1) target -= off_t(avail(b));
  off_t n = raw_seek(b, target, whence);
  if (n < 0) return nullptr;
  reset_rbuf(b);
  return int_from_i64(n);
}

Object* buffered_tell(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("tell", nargs, kwnames)) return nullptr;
  BufferedObject* b = as_buf(self);
  CHECK_INIT(b);
  ENTER(b);
  off_t pos = raw_tell(b);
  if (pos < 0) return nullptr;
  pos = pos - off_t(avail(b)) + off_t(b->wbuf->size());
  if (pos < 0) pos = 0;
  return int_from_i64(pos);
}

Object* buffered_truncate(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("truncate", kwnames) || !check_positional("truncate", nargs, 0, 1)) {
    return nullptr;
  }
  BufferedObject* b = as_buf(self);
  CHECK_INIT(b);
  ENTER(b);
  if (!check_closed(b, "truncate of closed file")) return nullptr;
  if (!b->writable) return io_unsupported("truncate");
  if (!flush_and_rewind(b)) return nullptr;
  Object* a[1] = {nargs ? args[0] : None};
  Ref res = Ref::steal(io_call(b->raw, "truncate", a, 1));
  if (!res) return nullptr;
  if (raw_tell(b) < 0) return nullptr;
  return res.release();
}

template <int Which>
Object* buffered_forward(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"readable", "writable", "seekable", "fileno", "isatty"};
  if (!check_no_args(names[Which], nargs, kwnames)) return nullptr;
  BufferedObject* b = as_buf(self);
  CHECK_INIT(b);
  return call_method0(b->raw, names[Which]);
}

Object* buffered_repr(Object* self) {
  StrWriter w;
  w.append("<");
  w.append(tp_name(type_of(self)));
  Ref name = Ref::steal(object_getattr_str(self, "name"));
  if (!name) {
    if (!err_matches(&Exc_Exception)) return nullptr;
    err_clear();
  } else {
    w.append(" name=");
    if (!w.append_repr(name.get())) return nullptr;
  }
  w.append(">");
  return w.finish();
}

Object* buffered_get_raw(Object* self) {
  Object* raw = as_buf(self)->raw;
  return newref(raw ? raw : None);
}
Object* buffered_get_closed(Object* self) {
  BufferedObject* b = as_buf(self);
  CHECK_INIT(b);
  if (b->fast) return bool_from(as_fio(b->raw)->fd < 0);
  return object_getattr_str(b->raw, "closed");
}
Object* buffered_get_name(Object* self) {
  BufferedObject* b = as_buf(self);
  CHECK_INIT(b);
  return object_getattr_str(b->raw, "name");
}
Object* buffered_get_mode(Object* self) {
  BufferedObject* b = as_buf(self);
  CHECK_INIT(b);
  return object_getattr_str(b->raw, "mode");
}

#define M(name, fn) {name, fn, METH_DEFAULT, nullptr}
const MethodDef kReaderMethods[] = {
    M("detach", buffered_detach),
    M("flush", buffered_simple_flush),
    M("close", buffered_close),
    M("seekable", buffered_forward<2>),
    M("readable", buffered_forward<0>),
    M("fileno", buffered_forward<3>),
    M("isatty", buffered_forward<4>),
    M("read", buffered_read),
    M("peek", buffered_peek),
    M("read1", buffered_read1),
    M("readinto", buffered_readinto),
    M("readinto1", buffered_readinto1),
    M("readline", buffered_readline),
    M("seek", buffered_seek),
    M("tell", buffered_tell),
    M("truncate", buffered_truncate),
    {nullptr, nullptr, 0, nullptr},
};
const MethodDef kWriterMethods[] = {
    M("close", buffered_close),
    M("detach", buffered_detach),
    M("seekable", buffered_forward<2>),
    M("writable", buffered_forward<1>),
    M("fileno", buffered_forward<3>),
    M("isatty", buffered_forward<4>),
    M("write", buffered_write),
    M("truncate", buffered_truncate),
    M("flush", buffered_flush),
    M("seek", buffered_seek),
    M("tell", buffered_tell),
    {nullptr, nullptr, 0, nullptr},
};
const MethodDef kRandomMethods[] = {
    M("close", buffered_close),
    M("detach", buffered_detach),
    M("seekable", buffered_forward<2>),
    M("readable", buffered_forward<0>),
    M("writable", buffered_forward<1>),
    M("fileno", buffered_forward<3>),
    M("isatty", buffered_forward<4>),
    M("flush", buffered_flush),
    M("seek", buffered_seek),
    M("tell", buffered_tell),
    M("truncate", buffered_truncate),
    M("read", buffered_read),
    M("read1", buffered_read1),
    M("readinto", buffered_readinto),
    M("readinto1", buffered_readinto1),
    M("readline", buffered_readline),
    M("peek", buffered_peek),
    M("write", buffered_write),
    {nullptr, nullptr, 0, nullptr},
};
#undef M

const GetSetDef kBufferedGetSet[] = {
    {"raw", buffered_get_raw, nullptr, nullptr},
    {"closed", buffered_get_closed, nullptr, nullptr},
    {"name", buffered_get_name, nullptr, nullptr},
    {"mode", buffered_get_mode, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

void init_buffered(TypeObject* t, const char* name, const MethodDef* methods, bool iter) {
  io_init_type(t, name, sizeof(BufferedObject), &BufferedIOBaseType);
  t->new_ = buffered_new;
  t->init = buffered_init;
  t->dealloc = buffered_dealloc;
  t->repr = buffered_repr;
  t->methods = methods;
  t->getset = kBufferedGetSet;
  if (iter) t->iternext = buffered_iternext;
}

}  // namespace

bool io_file_types_ready() {
  io_init_type(&FileIOType, "_io.FileIO", sizeof(FileIOObject), &RawIOBaseType);
  FileIOType.new_ = fileio_new;
  FileIOType.init = fileio_init;
  FileIOType.dealloc = fileio_dealloc;
  FileIOType.repr = fileio_repr;
  FileIOType.methods = kFileIOMethods;
  FileIOType.getset = kFileIOGetSet;
  FileIOType.doc = "Open a file.";
  init_buffered(&BufferedReaderType, "_io.BufferedReader", kReaderMethods, true);
  init_buffered(&BufferedWriterType, "_io.BufferedWriter", kWriterMethods, false);
  init_buffered(&BufferedRandomType, "_io.BufferedRandom", kRandomMethods, true);
  for (TypeObject* t :
       {&FileIOType, &BufferedReaderType, &BufferedWriterType, &BufferedRandomType}) {
    if (type_ready(t) < 0) return false;
  }
  return true;
}

Object* fileio_create(Object* file, const char* mode, bool closefd, Object* opener) {
  Ref f = Ref::steal(fileio_new(&FileIOType, nullptr, 0, nullptr));
  if (!f) return nullptr;
  if (fileio_init_impl(as_fio(f.get()), file, mode, closefd, opener) < 0) return nullptr;
  return f.release();
}

ssize fileio_blksize(Object* raw) {
  return object_type_check(raw, &FileIOType) ? as_fio(raw)->blksize : kDefaultBufferSize;
}

Object* buffered_create(TypeObject* type, Object* raw, ssize buffer_size) {
  Ref b = Ref::steal(buffered_new(type, nullptr, 0, nullptr));
  if (!b) return nullptr;
  if (buffered_init_impl(as_buf(b.get()), raw, buffer_size) < 0) return nullptr;
  return b.release();
}

Object* buffered_raw_borrowed(Object* o) {
  if (!object_type_check(o, &BufferedIOBaseType) || !buffered_is_exact(o)) return nullptr;
  return as_buf(o)->raw;
}

bool buffered_is_exact(Object* o) {
  TypeObject* t = type_of(o);
  return (t == &BufferedReaderType || t == &BufferedWriterType || t == &BufferedRandomType) &&
         as_buf(o)->ok;
}

int buffered_closed(Object* o) { return raw_closed(as_buf(o)); }

int buffered_write_exact(Object* o, const char* data, size_t n) {
  TypeObject* t = type_of(o);
  if ((t != &BufferedWriterType && t != &BufferedRandomType) || !as_buf(o)->ok) return 0;
  return write_data(as_buf(o), data, n) ? 1 : -1;
}

}  // namespace gilpy

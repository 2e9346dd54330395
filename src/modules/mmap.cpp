// The `mmap` module (CPython's Modules/mmapmodule.c, Unix branch): memory-mapped files and
// anonymous shared memory, the storage under multiprocessing's heap (Value/Array) and
// shared_memory.SharedMemory.
//
// An mmap object owns one mapping [data, data + size) made by mmap(2), a file position `pos`
// (0 <= pos <= size) for the file-like methods, and a dup() of the file descriptor it maps
// (fd == -1 for an anonymous mapping). Everything is under the GIL: the methods touch the memory
// while holding it, and `exports` counts the buffer views lent out (memoryview(m), bytes(m) in
// progress, ...). While exports > 0 the mapping may not move or go away: close() raises
// BufferError "cannot close exported pointers exist" and resize() "mmap can't resize with extant
// buffers exported.". After close() data is null and every method raises ValueError
// "mmap closed or invalid".
//
// Access modes as CPython: ACCESS_READ (read-only: writes raise TypeError, buffers are
// read-only), ACCESS_WRITE (shared, writable), ACCESS_COPY (private copy-on-write), ACCESS_DEFAULT
// (flags/prot as given). Indexing with an int gives an int, a slice gives bytes, iteration gives
// 1-byte bytes objects (the sequence item), as in CPython.
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>

#include "core/abstract.h"
#include "core/args.h"
#include "core/error.h"
#include "modules/modules.h"
#include "modules/os_syscalls.h"
#include "objects/bytesobject.h"
#include "objects/containers.h"
#include "objects/floatobject.h"
#include "objects/intobject.h"
#include "objects/memoryobject.h"
#include "objects/moduleobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"
#include "objects/weakrefobject.h"

namespace gilpy {

namespace {

enum Access : int { ACCESS_DEFAULT = 0, ACCESS_READ = 1, ACCESS_WRITE = 2, ACCESS_COPY = 3 };

TypeObject MmapType;

struct MmapObject : Object {
  char* data;     // null once closed
  ssize size;
  ssize pos;
  int64_t offset;
  int fd;         // our own dup of the mapped file, -1 for anonymous maps
  int access;
  ssize exports;  // buffer views lent out
  Object* weakreflist;
};

MmapObject* as_mm(Object* o) { return static_cast<MmapObject*>(o); }

bool check_valid(MmapObject* m) {
  if (!m->data) {
    err_set_string(&Exc_ValueError, "mmap closed or invalid");
    return false;
  }
  return true;
}

bool check_writable(MmapObject* m) {
  if (m->access == ACCESS_READ) {
    err_set_string(&Exc_TypeError, "mmap can't modify a readonly memory map.");
    return false;
  }
  return true;
}

bool check_resizeable(MmapObject* m) {
  if (m->exports > 0) {
    err_set_string(&Exc_BufferError, "mmap can't resize with extant buffers exported.");
    return false;
  }
  if (m->access == ACCESS_WRITE || m->access == ACCESS_DEFAULT) return true;
  err_set_string(&Exc_TypeError, "mmap can't resize a readonly or copy-on-write memory map.");
  return false;
}

// An integer argument (ints and __index__ objects, never floats) into a ssize / int64.
bool i64_arg(Object* o, int64_t* out, const char* what = "C ssize_t") {
  if (float_check(o)) {
    err_set_string(&Exc_TypeError, "'float' object cannot be interpreted as an integer");
    return false;
  }
  Ref i = Ref::steal(number_index(o));
  if (!i) return false;
  bool overflow = false;
  *out = int_as_i64(i.get(), &overflow);
  if (overflow) {
    err_format(&Exc_OverflowError, "Python int too large to convert to %s", what);
    return false;
  }
  return true;
}

bool int_arg(Object* o, int* out) {
  int64_t v;
  if (!i64_arg(o, &v, "C int")) return false;
  if (v > INT_MAX || v < INT_MIN) {
    err_set_string(&Exc_OverflowError, "Python int too large to convert to C int");
    return false;
  }
  *out = int(v);
  return true;
}

Object* mmap_new(TypeObject* type, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"fileno", "length", "flags", "prot", "access", "offset",
                                      nullptr};
  static const ArgSpec spec{"mmap", names, 2, 6};
  Object* a[6];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  int fd, flags = MAP_SHARED, prot = PROT_WRITE | PROT_READ, access = ACCESS_DEFAULT;
  int64_t length, offset = 0;
  if (!int_arg(a[0], &fd) || !i64_arg(a[1], &length)) return nullptr;
  if ((a[2] && !int_arg(a[2], &flags)) || (a[3] && !int_arg(a[3], &prot)) ||
      (a[4] && !int_arg(a[4], &access)) || (a[5] && !i64_arg(a[5], &offset, "C long long"))) {
    return nullptr;
  }
  if (length < 0) return err_format(&Exc_OverflowError, "memory mapped length must be positive");
  if (offset < 0) return err_format(&Exc_OverflowError, "memory mapped offset must be positive");
  if (access != ACCESS_DEFAULT && (flags != MAP_SHARED || prot != (PROT_WRITE | PROT_READ))) {
    return err_format(&Exc_ValueError, "mmap can't specify both access and flags, prot.");
  }
  switch (access) {
    case ACCESS_READ:
      flags = MAP_SHARED;
      prot = PROT_READ;
      break;
    case ACCESS_WRITE:
      flags = MAP_SHARED;
      prot = PROT_READ | PROT_WRITE;
      break;
    case ACCESS_COPY:
      flags = MAP_PRIVATE;
      prot = PROT_READ | PROT_WRITE;
      break;
    case ACCESS_DEFAULT:
      // A map that cannot be written is treated as read-only by the methods.
      if (!((prot & PROT_READ) && (prot & PROT_WRITE))) access = (prot & PROT_WRITE) ? ACCESS_WRITE : ACCESS_READ;
      break;
    default:
      return err_format(&Exc_ValueError, "mmap invalid access parameter.");
  }
  if (fd != -1) {
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
      if (length == 0) {
        if (st.st_size == 0) return err_format(&Exc_ValueError, "cannot mmap an empty file");
        if (offset >= st.st_size) {
          return err_format(&Exc_ValueError, "mmap offset is greater than file size");
        }
        length = int64_t(st.st_size) - offset;
      } else if (offset > st.st_size || int64_t(st.st_size) - offset < length) {
        return err_format(&Exc_ValueError, "mmap length is greater than file size");
      }
    }
  }
  int own_fd = -1;
  if (fd == -1) {
    flags |= MAP_ANONYMOUS;
  } else {
    own_fd = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (own_fd < 0) return err_set_from_errno(&Exc_OSError);
  }
  void* data = ::mmap(nullptr, size_t(length), prot, flags, fd, off_t(offset));
  if (data == MAP_FAILED) {
    int saved = errno;
    if (own_fd >= 0) ::close(own_fd);
    errno = saved;
    return err_set_from_errno(&Exc_OSError);
  }
  auto* m = alloc_object<MmapObject>(type);
  if (!m) {
    ::munmap(data, size_t(length));
    if (own_fd >= 0) ::close(own_fd);
    return nullptr;
  }
  m->data = static_cast<char*>(data);
  m->size = ssize(length);
  m->pos = 0;
  m->offset = offset;
  m->fd = own_fd;
  m->access = access;
  m->exports = 0;
  m->weakreflist = nullptr;
  return m;
}

void mmap_unmap(MmapObject* m) {
  if (m->data) ::munmap(m->data, size_t(m->size));
  m->data = nullptr;
  if (m->fd >= 0) ::close(m->fd);
  m->fd = -1;
}

void mmap_dealloc(Object* self) {
  if (as_mm(self)->weakreflist) weakref_clear_all(self);
  mmap_unmap(as_mm(self));
  object_free(self);
}

Object* mmap_close(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("close", nargs, kwnames)) return nullptr;
  MmapObject* m = as_mm(self);
  if (m->exports > 0) return err_format(&Exc_BufferError, "cannot close exported pointers exist");
  mmap_unmap(m);
  return none_ref();
}

Object* mmap_get_closed(Object* self) { return bool_from(as_mm(self)->data == nullptr); }

Object* mmap_enter(Object* self, Object* const*, ssize, Object*) {
  if (!check_valid(as_mm(self))) return nullptr;
  return newref(self);
}

Object* mmap_exit(Object* self, Object* const*, ssize, Object*) {
  return mmap_close(self, nullptr, 0, nullptr);
}

// Optional [start[, end]] arguments, as slice indices relative to the map (defaults pos, size).
bool range_args(MmapObject* m, Object* const* args, ssize nargs, ssize* start, ssize* end) {
  *start = m->pos;
  *end = m->size;
  for (ssize k = 0; k < nargs; ++k) {
    if (args[k] == None) continue;
    int64_t v;
    if (!i64_arg(args[k], &v)) return false;
    if (v < 0) {
      v += m->size;
      if (v < 0) v = 0;
    } else if (v > m->size) {
      v = m->size;
    }
    (k == 0 ? *start : *end) = ssize(v);
  }
  return true;
}

Object* find_impl(Object* self, Object* const* args, ssize nargs, Object* kwnames,
                  const char* fname, bool reverse) {
  if (!check_no_kwargs(fname, kwnames) || !check_positional(fname, nargs, 1, 3)) return nullptr;
  MmapObject* m = as_mm(self);
  if (!check_valid(m)) return nullptr;
  ByteView sub;
  if (!get_byte_view(args[0], &sub)) return nullptr;
  ssize start, end;
  if (!range_args(m, args + 1, nargs - 1, &start, &end)) return nullptr;
  if (end - start < sub.size) return int_from_i64(-1);
  if (sub.size == 0) return int_from_i64(reverse ? end : start);
  ssize last = end - sub.size;
  if (!reverse) {
    for (ssize i = start; i <= last; ++i)
      if (std::memcmp(m->data + i, sub.data, size_t(sub.size)) == 0) return int_from_i64(i);
  } else {
    for (ssize i = last; i >= start; --i)
      if (std::memcmp(m->data + i, sub.data, size_t(sub.size)) == 0) return int_from_i64(i);
  }
  return int_from_i64(-1);
}

Object* mmap_find(Object* self, Object* const* a, ssize n, Object* k) {
  return find_impl(self, a, n, k, "find", false);
}
Object* mmap_rfind(Object* self, Object* const* a, ssize n, Object* k) {
  return find_impl(self, a, n, k, "rfind", true);
}

Object* mmap_flush(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("flush", kwnames) || !check_positional("flush", nargs, 0, 2)) return nullptr;
  MmapObject* m = as_mm(self);
  if (!check_valid(m)) return nullptr;
  int64_t offset = 0, size = m->size;
  if (nargs > 0 && !i64_arg(args[0], &offset)) return nullptr;
  if (nargs > 1) {
    if (!i64_arg(args[1], &size)) return nullptr;
  } else {
    size = m->size - offset;
  }
  if (size < 0 || offset < 0 || m->size - offset < size) {
    return err_format(&Exc_ValueError, "flush values out of range");
  }
  if (m->access == ACCESS_READ || m->access == ACCESS_COPY || size == 0) return none_ref();
  int r;
  {
    BlockingSection section;
    r = msync(m->data + offset, size_t(size), MS_SYNC);
  }
  if (r < 0) return err_set_from_errno(&Exc_OSError);
  return none_ref();
}

Object* mmap_madvise(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("madvise", kwnames) || !check_positional("madvise", nargs, 1, 3)) {
    return nullptr;
  }
  MmapObject* m = as_mm(self);
  if (!check_valid(m)) return nullptr;
  int option;
  int64_t start = 0, length;
  if (!int_arg(args[0], &option) || (nargs > 1 && !i64_arg(args[1], &start))) return nullptr;
  length = m->size;
  if (nargs > 2 && !i64_arg(args[2], &length)) return nullptr;
  if (start < 0 || start >= m->size) return err_format(&Exc_ValueError, "madvise start out of bounds");
  if (length < 0) return err_format(&Exc_ValueError, "madvise length invalid");
  if (length > m->size - start) length = m->size - start;
  if (::madvise(m->data + start, size_t(length), option) != 0) return err_set_from_errno(&Exc_OSError);
  return none_ref();
}

Object* mmap_move(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("move", kwnames) || !check_positional("move", nargs, 3, 3)) return nullptr;
  MmapObject* m = as_mm(self);
  int64_t dest, src, count;
  if (!i64_arg(args[0], &dest) || !i64_arg(args[1], &src) || !i64_arg(args[2], &count)) {
    return nullptr;
  }
  if (!check_valid(m) || !check_writable(m)) return nullptr;
  if (dest < 0 || src < 0 || count < 0 || m->size - dest < count || m->size - src < count) {
    return err_format(&Exc_ValueError, "source, destination, or count out of range");
  }
  std::memmove(m->data + dest, m->data + src, size_t(count));
  return none_ref();
}

Object* mmap_read(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("read", kwnames) || !check_positional("read", nargs, 0, 1)) return nullptr;
  MmapObject* m = as_mm(self);
  int64_t n = -1;
  if (nargs > 0 && args[0] != None) {
    if (!int_check(args[0]) && !index_check(args[0])) {
      return err_format(&Exc_TypeError, "argument should be integer or None, not '%s'",
                        type_of(args[0])->name);
    }
    if (!i64_arg(args[0], &n)) return nullptr;
  }
  if (!check_valid(m)) return nullptr;
  ssize avail = m->size > m->pos ? m->size - m->pos : 0;
  if (n < 0 || n > avail) n = avail;
  Object* r = bytes_from(m->data + m->pos, ssize(n));
  if (r) m->pos += ssize(n);
  return r;
}

Object* mmap_read_byte(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("read_byte", nargs, kwnames)) return nullptr;
  MmapObject* m = as_mm(self);
  if (!check_valid(m)) return nullptr;
  if (m->pos >= m->size) return err_format(&Exc_ValueError, "read byte out of range");
  return int_from_i64((unsigned char)m->data[m->pos++]);
}

Object* mmap_readline(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("readline", nargs, kwnames)) return nullptr;
  MmapObject* m = as_mm(self);
  if (!check_valid(m)) return nullptr;
  ssize remaining = m->pos < m->size ? m->size - m->pos : 0;
  if (remaining == 0) return bytes_from("", 0);
  const char* start = m->data + m->pos;
  const void* nl = std::memchr(start, '\n', size_t(remaining));
  ssize n = nl ? ssize(static_cast<const char*>(nl) - start) + 1 : remaining;
  Object* r = bytes_from(start, n);
  if (r) m->pos += n;
  return r;
}

Object* mmap_resize(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("resize", nargs, kwnames)) return nullptr;
  MmapObject* m = as_mm(self);
  int64_t new_size;
  if (!i64_arg(args[0], &new_size)) return nullptr;
  if (!check_valid(m) || !check_resizeable(m)) return nullptr;
  if (new_size < 0 || INT64_MAX - new_size < m->offset) {
    return err_format(&Exc_ValueError, "new size out of range");
  }
  if (m->fd != -1 && ftruncate(m->fd, off_t(m->offset + new_size)) == -1) {
    return err_set_from_errno(&Exc_OSError);
  }
  void* nm = mremap(m->data, size_t(m->size), size_t(new_size), MREMAP_MAYMOVE);
  if (nm == MAP_FAILED) return err_set_from_errno(&Exc_OSError);
  m->data = static_cast<char*>(nm);
  m->size = ssize(new_size);
  if (m->pos > m->size) m->pos = m->size;
  return none_ref();
}

Object* mmap_seek(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("seek", kwnames) || !check_positional("seek", nargs, 1, 2)) return nullptr;
  MmapObject* m = as_mm(self);
  int64_t dist;
  int how = 0;
  if (!i64_arg(args[0], &dist) || (nargs > 1 && !int_arg(args[1], &how))) return nullptr;
  if (!check_valid(m)) return nullptr;
  int64_t where;
  switch (how) {
    case 0:
      where = dist;
      break;
    case 1:
      where = m->pos + dist;
      break;
    case 2:
      where = m->size + dist;
      break;
    default:
      return err_format(&Exc_ValueError, "unknown seek type");
  }
  if (where > m->size || where < 0) return err_format(&Exc_ValueError, "seek out of range");
  m->pos = ssize(where);
  return none_ref();
}

Object* mmap_size(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("size", nargs, kwnames)) return nullptr;
  MmapObject* m = as_mm(self);
  if (!check_valid(m)) return nullptr;
  if (m->fd != -1) {
    struct stat st;
    if (fstat(m->fd, &st) < 0) return err_set_from_errno(&Exc_OSError);
    return int_from_i64(int64_t(st.st_size));
  }
  return int_from_i64(m->size);
}

Object* mmap_tell(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("tell", nargs, kwnames)) return nullptr;
  MmapObject* m = as_mm(self);
  if (!check_valid(m)) return nullptr;
  return int_from_i64(m->pos);
}

Object* mmap_write(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("write", nargs, kwnames)) return nullptr;
  MmapObject* m = as_mm(self);
  ByteView data;
  if (!get_byte_view(args[0], &data)) return nullptr;
  if (!check_valid(m) || !check_writable(m)) return nullptr;
  if (m->pos > m->size || m->size - m->pos < data.size) {
    return err_format(&Exc_ValueError, "data out of range");
  }
  std::memcpy(m->data + m->pos, data.data, size_t(data.size));
  m->pos += data.size;
  return int_from_i64(data.size);
}

Object* mmap_write_byte(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("write_byte", nargs, kwnames)) return nullptr;
  MmapObject* m = as_mm(self);
  int64_t v;
  if (!i64_arg(args[0], &v, "C unsigned char")) return nullptr;
  if (v < 0) {
    return err_format(&Exc_OverflowError, "unsigned byte integer is less than minimum");
  }
  if (v > 255) {
    return err_format(&Exc_OverflowError, "unsigned byte integer is greater than maximum");
  }
  if (!check_valid(m) || !check_writable(m)) return nullptr;
  if (m->pos >= m->size) return err_format(&Exc_ValueError, "write byte out of range");
  m->data[m->pos++] = char(v);
  return none_ref();
}

Object* mmap_repr(Object* self) {
  MmapObject* m = as_mm(self);
  if (!m->data) return str_from_format("<%s closed=True>", type_of(self)->name);
  static const char* const kAccess[] = {"ACCESS_DEFAULT", "ACCESS_READ", "ACCESS_WRITE",
                                        "ACCESS_COPY"};
  return str_from_format("<%s closed=False, access=%s, length=%zd, pos=%zd, offset=%lld>",
                         type_of(self)->name, kAccess[m->access], m->size, m->pos,
                         (long long)m->offset);
}

ssize mmap_length(Object* self) {
  MmapObject* m = as_mm(self);
  if (!check_valid(m)) return -1;
  return m->size;
}

// Iteration and sequence_getitem: a 1-byte bytes object (CPython's sq_item).
Object* mmap_item(Object* self, ssize i) {
  MmapObject* m = as_mm(self);
  if (!check_valid(m)) return nullptr;
  if (i < 0 || i >= m->size) return err_format(&Exc_IndexError, "mmap index out of range");
  return bytes_from(m->data + i, 1);
}

Object* mmap_subscript(Object* self, Object* key) {
  MmapObject* m = as_mm(self);
  if (!check_valid(m)) return nullptr;
  if (index_check(key)) {
    ssize i = number_as_ssize(key, &Exc_IndexError);
    if (i == -1 && err_occurred()) return nullptr;
    if (i < 0) i += m->size;
    if (i < 0 || i >= m->size) return err_format(&Exc_IndexError, "mmap index out of range");
    return int_from_i64((unsigned char)m->data[i]);
  }
  if (slice_check(key)) {
    ssize start, stop, step;
    if (slice_unpack(key, &start, &stop, &step) < 0) return nullptr;
    ssize n = slice_adjust_indices(m->size, &start, &stop, step);
    if (step == 1) return bytes_from(m->data + start, n);
    Ref r = Ref::steal(bytes_new_uninit(n));
    if (!r) return nullptr;
    char* out = bytes_data(r.get());
    for (ssize k = 0, i = start; k < n; ++k, i += step) out[k] = m->data[i];
    return r.release();
  }
  return err_format(&Exc_TypeError, "mmap indices must be integers");
}

int mmap_ass_subscript(Object* self, Object* key, Object* value) {
  MmapObject* m = as_mm(self);
  if (!check_valid(m)) return -1;
  if (index_check(key)) {
    ssize i = number_as_ssize(key, &Exc_IndexError);
    if (i == -1 && err_occurred()) return -1;
    if (i < 0) i += m->size;
    if (i < 0 || i >= m->size) {
      err_set_string(&Exc_IndexError, "mmap index out of range");
      return -1;
    }
    if (!value) {
      err_set_string(&Exc_TypeError, "mmap doesn't support item deletion");
      return -1;
    }
    if (!index_check(value)) {
      err_set_string(&Exc_TypeError, "mmap item value must be an int");
      return -1;
    }
    ssize v = number_as_ssize(value, &Exc_OverflowError);
    if (v == -1 && err_occurred()) return -1;
    if (v < 0 || v > 255) {
      err_set_string(&Exc_ValueError, "mmap item value must be in range(0, 256)");
      return -1;
    }
    if (!check_writable(m)) return -1;
    m->data[i] = char(v);
    return 0;
  }
  if (slice_check(key)) {
    ssize start, stop, step;
    if (slice_unpack(key, &start, &stop, &step) < 0) return -1;
    ssize n = slice_adjust_indices(m->size, &start, &stop, step);
    if (!value) {
      err_set_string(&Exc_TypeError, "mmap object doesn't support slice deletion");
      return -1;
    }
    BufferView v;
    if (get_buffer(value, &v, BUF_SIMPLE) < 0) return -1;
    int rc = 0;
    if (v.len != n) {
      err_set_string(&Exc_IndexError, "mmap slice assignment is wrong size");
      rc = -1;
    } else if (!check_writable(m)) {
      rc = -1;
    } else if (step == 1) {
      std::memcpy(m->data + start, v.buf, size_t(n));
    } else {
      for (ssize k = 0, i = start; k < n; ++k, i += step) m->data[i] = v.buf[k];
    }
    release_buffer(&v);
    return rc;
  }
  err_set_string(&Exc_TypeError, "mmap indices must be integer");
  return -1;
}

int mmap_getbuffer(Object* self, BufferView* view, int flags) {
  MmapObject* m = as_mm(self);
  if (!check_valid(m)) return -1;
  if (buffer_fill_bytes(view, self, m->data, m->size, m->access == ACCESS_READ, flags) < 0) {
    return -1;
  }
  ++m->exports;
  return 0;
}

void mmap_releasebuffer(Object* self, BufferView*) { --as_mm(self)->exports; }

const BufferProcs kMmapBufferProcs = {mmap_getbuffer, mmap_releasebuffer};

Object* mmap_reduce(Object* self, Object* const*, ssize, Object*) {
  return err_format(&Exc_TypeError, "cannot pickle '%s' object", type_of(self)->name);
}

const MethodDef kMmapMethods[] = {
    {"close", mmap_close, METH_DEFAULT, nullptr},
    {"find", mmap_find, METH_DEFAULT, nullptr},
    {"rfind", mmap_rfind, METH_DEFAULT, nullptr},
    {"flush", mmap_flush, METH_DEFAULT, nullptr},
    {"madvise", mmap_madvise, METH_DEFAULT, nullptr},
    {"move", mmap_move, METH_DEFAULT, nullptr},
    {"read", mmap_read, METH_DEFAULT, nullptr},
    {"read_byte", mmap_read_byte, METH_DEFAULT, nullptr},
    {"readline", mmap_readline, METH_DEFAULT, nullptr},
    {"resize", mmap_resize, METH_DEFAULT, nullptr},
    {"seek", mmap_seek, METH_DEFAULT, nullptr},
    {"size", mmap_size, METH_DEFAULT, nullptr},
    {"tell", mmap_tell, METH_DEFAULT, nullptr},
    {"write", mmap_write, METH_DEFAULT, nullptr},
    {"write_byte", mmap_write_byte, METH_DEFAULT, nullptr},
    {"__enter__", mmap_enter, METH_DEFAULT, nullptr},
    {"__exit__", mmap_exit, METH_DEFAULT, nullptr},
    {"__reduce__", mmap_reduce, METH_DEFAULT, nullptr},
    {"__reduce_ex__", mmap_reduce, METH_DEFAULT, nullptr},
    {"__buffer__", buffer_dunder_buffer, METH_DEFAULT, nullptr},
    {"__release_buffer__", buffer_dunder_release_buffer, METH_DEFAULT, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

const GetSetDef kMmapGetSet[] = {
    {"closed", mmap_get_closed, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

struct IntConst {
  const char* name;
  long long value;
};

const IntConst kConstants[] = {
    {"PROT_EXEC", PROT_EXEC}, {"PROT_READ", PROT_READ}, {"PROT_WRITE", PROT_WRITE},
    {"MAP_SHARED", MAP_SHARED}, {"MAP_PRIVATE", MAP_PRIVATE}, {"MAP_DENYWRITE", MAP_DENYWRITE},
    {"MAP_EXECUTABLE", MAP_EXECUTABLE}, {"MAP_ANON", MAP_ANONYMOUS},
    {"MAP_ANONYMOUS", MAP_ANONYMOUS}, {"MAP_POPULATE", MAP_POPULATE}, {"MAP_STACK", MAP_STACK},
    {"ACCESS_DEFAULT", ACCESS_DEFAULT}, {"ACCESS_READ", ACCESS_READ},
    {"ACCESS_WRITE", ACCESS_WRITE}, {"ACCESS_COPY", ACCESS_COPY},
    {"MADV_NORMAL", MADV_NORMAL}, {"MADV_RANDOM", MADV_RANDOM},
    {"MADV_SEQUENTIAL", MADV_SEQUENTIAL}, {"MADV_WILLNEED", MADV_WILLNEED},
    {"MADV_DONTNEED", MADV_DONTNEED}, {"MADV_REMOVE", MADV_REMOVE},
    {"MADV_DONTFORK", MADV_DONTFORK}, {"MADV_DOFORK", MADV_DOFORK},
    {"MADV_HWPOISON", MADV_HWPOISON}, {"MADV_MERGEABLE", MADV_MERGEABLE},
    {"MADV_UNMERGEABLE", MADV_UNMERGEABLE}, {"MADV_HUGEPAGE", MADV_HUGEPAGE},
    {"MADV_NOHUGEPAGE", MADV_NOHUGEPAGE}, {"MADV_DONTDUMP", MADV_DONTDUMP},
    {"MADV_DODUMP", MADV_DODUMP}, {"MADV_FREE", MADV_FREE},
    {nullptr, 0},
};

}  // namespace

Object* mmap_module_init() {
  if (!(MmapType.flags & TPFLAG_READY)) {
    MmapType.ob_type = &TypeType;
    make_immortal(&MmapType);
    MmapType.name = "mmap.mmap";
    MmapType.basicsize = sizeof(MmapObject);
    MmapType.flags = TPFLAG_BASETYPE;
    MmapType.dealloc = mmap_dealloc;
    MmapType.new_ = mmap_new;
    MmapType.repr = mmap_repr;
    MmapType.len = mmap_length;
    MmapType.sq_item = mmap_item;
    MmapType.getitem = mmap_subscript;
    MmapType.setitem = mmap_ass_subscript;
    MmapType.methods = kMmapMethods;
    MmapType.getset = kMmapGetSet;
    MmapType.weaklistoffset = ssize(offsetof(MmapObject, weakreflist));
    MmapType.doc = "Windows: mmap(fileno, length[, tagname[, access[, offset]]])\n\nUnix: mmap(fileno, length[, flags[, prot[, access[, offset]]]])";
    if (type_ready(&MmapType) < 0) return nullptr;
    buffer_register_type(&MmapType, &kMmapBufferProcs);
  }
  Ref m = Ref::steal(module_new("mmap"));
  if (!m) return nullptr;
  if (module_add_object(m.get(), "mmap", as_object(&MmapType)) < 0 ||
      module_add_object(m.get(), "error", as_object(&Exc_OSError)) < 0 ||
      module_add_int(m.get(), "PAGESIZE", sysconf(_SC_PAGESIZE)) < 0 ||
      module_add_int(m.get(), "ALLOCATIONGRANULARITY", sysconf(_SC_PAGESIZE)) < 0) {
    return nullptr;
  }
  for (const IntConst* c = kConstants; c->name; ++c) {
    if (module_add_int(m.get(), c->name, c->value) < 0) return nullptr;
  }
  return m.release();
}

}  // namespace gilpy

// The `os` module (CPython's `posix` + `os` in one built-in C++ module), and the pieces every part
// of it shares: path-argument conversion, OSError raising, os.stat_result, os.fspath, the
// constants (sep, O_* flags, ...). `os.path` is the built-in `posixpath` module (os_path.cpp),
// also registered as sys.modules['os.path'] so `import os.path` works.
//
// The module is split by concern (see modules/os_internal.h):
//   os.cpp          module init, constants, shared helpers, stat_result
//   os_fs.cpp       files and directories: stat, mkdir, rename, remove, links, chmod, utime, ...
//   os_proc.cpp     file descriptors, processes (fork/wait/kill), environ, urandom, ...
//   os_scandir.cpp  scandir / DirEntry / walk
//   os_path.cpp     posixpath
// Blocking system calls go through modules/os_syscalls.h (one place for the GIL release).
//
// stat_result is a struct sequence with CPython's layout: 10 items visible to tuple operations
// (the times as ints) and 9 more reachable only by name (float times, *_ns, st_blksize,
// st_blocks, st_rdev). The extra items live in the same allocation after the visible ones; the
// tuple code only ever sees ob_size == 10.
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "core/abstract.h"
#include "core/args.h"
#include "core/error.h"
#include "modules/modules.h"
#include "modules/os_internal.h"
#include "objects/bytesobject.h"
#include "objects/containers.h"
#include "objects/exceptions.h"
#include "objects/floatobject.h"
#include "objects/intobject.h"
#include "objects/moduleobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"
#include "objects/structseq.h"
#include "vm/state.h"

namespace gilpy {

// ---- paths --------------------------------------------------------------------------------------

Object* os_fspath(Object* o) {
  if (str_check(o) || bytes_check(o)) return newref(o);
  Ref name = Ref::steal(str_from_cstr("__fspath__"));
  if (!name) return nullptr;
  Object* m = type_lookup_borrowed(type_of(o), name.get());
  if (!m || m == None) {
    return err_format(&Exc_TypeError, "expected str, bytes or os.PathLike object, not %T", o);
  }
  Ref result = Ref::steal(call_method0(o, "__fspath__"));
  if (!result) return nullptr;
  if (!str_check(result.get()) && !bytes_check(result.get())) {
    return err_format(&Exc_TypeError, "expected %T.__fspath__() to return str or bytes, not %T", o,
                      result.get());
  }
  return result.release();
}

bool path_convert(const char* fname, const char* argname, Object* o, int flags, PathArg* out) {
  out->object = o;
  out->given = false;
  out->fd = -1;
  out->is_bytes = false;
  out->path.clear();
  if (!o || o == None) {
    if (flags & PATH_ALLOW_NONE) return true;
  } else if (int_check(o) && (flags & PATH_ALLOW_FD)) {
    if (!fd_convert(o, &out->fd)) return false;
    out->given = true;
    return true;
  }
  Ref value;
  if (o && (str_check(o) || bytes_check(o))) {
    value = Ref::borrow(o);
  } else if (o && o != None && !int_check(o)) {
    Ref name = Ref::steal(str_from_cstr("__fspath__"));
    if (!name) return false;
    Object* m = type_lookup_borrowed(type_of(o), name.get());
    if (m && m != None) {
      value = Ref::steal(os_fspath(o));
      if (!value) return false;
    }
  }
  if (!value) {
    const char* expected =
        (flags & PATH_ALLOW_FD) && (flags & PATH_ALLOW_NONE)
            ? "string, bytes, os.PathLike, integer or None"
        : (flags & PATH_ALLOW_FD)   ? "string, bytes, os.PathLike or integer"
        : (flags & PATH_ALLOW_NONE) ? "string, bytes, os.PathLike or None"
                                    : "string, bytes or os.PathLike";
    err_format(&Exc_TypeError, "%s: %s should be %s, not %T", fname, argname, expected,
               o ? o : None);
    return false;
  }
  if (bytes_check(value.get())) {
    out->path.assign(bytes_data(value.get()), size_t(bytes_size(value.get())));
    out->is_bytes = true;
  } else {
    ssize n = 0;
    const char* s = str_as_utf8(value.get(), &n);
    if (s) {
      out->path.assign(s, size_t(n));
    } else {
      err_clear();
      Ref enc = Ref::steal(str_encode(value.get(), "utf-8", "surrogateescape"));
      if (!enc) return false;
      out->path.assign(bytes_data(enc.get()), size_t(bytes_size(enc.get())));
    }
  }
  if (out->path.find('\0') != std::string::npos) {
    err_set_string(&Exc_ValueError, "embedded null byte");
    return false;
  }
  out->given = true;
  return true;
}

Object* fs_name_to_object(std::string_view name, bool as_bytes) {
  if (as_bytes) return bytes_from(name);
  return str_decode_utf8(name.data(), ssize(name.size()), "surrogateescape");
}

bool fd_convert(Object* o, int* fd) {
  if (float_check(o)) {
    err_format(&Exc_TypeError, "'float' object cannot be interpreted as an integer");
    return false;
  }
  Ref i = Ref::steal(number_index(o));
  if (!i) return false;
  bool overflow = false;
  int64_t v = int_as_i64(i.get(), &overflow);
  if (overflow || v > INT32_MAX) {
    err_set_string(&Exc_OverflowError, "signed integer is greater than maximum");
    return false;
  }
  if (v < INT32_MIN) {
    err_set_string(&Exc_OverflowError, "signed integer is less than minimum");
    return false;
  }
  *fd = int(v);
  return true;
}

Object* raise_errno() { return err_set_from_errno(&Exc_OSError); }

Object* raise_path_error(const PathArg& p) {
  if (p.fd >= 0 || !p.given) return err_set_from_errno(&Exc_OSError);
  return err_set_from_errno(&Exc_OSError, p.object);
}

Object* raise_path_error2(const PathArg& a, const PathArg& b) {
  int e = errno;
  Object* exc = os_error_new(&Exc_OSError, e, a.given && a.fd < 0 ? a.object : nullptr,
                             b.given && b.fd < 0 ? b.object : nullptr);
  if (!exc) return nullptr;
  err_set_object(exc);
  decref(exc);
  return nullptr;
}

// ---- stat_result --------------------------------------------------------------------------------

namespace {

TypeObject StatResultType;
TypeObject TerminalSizeType;
constexpr ssize kStatVisible = 10;
constexpr ssize kStatTotal = 19;

// Member i -> item index. Items 7..9 (int times) have no name; the names st_atime/... refer to
// the float items 10..12, as in CPython.
const char* const kStatNames[] = {"st_mode",     "st_ino",      "st_dev",     "st_nlink",
                                  "st_uid",      "st_gid",      "st_size",    "st_atime",
                                  "st_mtime",    "st_ctime",    "st_atime_ns", "st_mtime_ns",
                                  "st_ctime_ns", "st_blksize",  "st_blocks",  "st_rdev"};
const int kStatItem[] = {0, 1, 2, 3, 4, 5, 6, 10, 11, 12, 13, 14, 15, 16, 17, 18};
constexpr int kStatMembers = 16;

void stat_dealloc(Object* self) {
  for (ssize i = 0; i < kStatTotal; ++i) xdecref(tuple_items(self)[i]);
  object_free(self);
}

Object* stat_repr(Object* self) {
  StrWriter w;
  w.append("os.stat_result(");
  // CPython names the visible items after the first members: the int times print as st_atime...
  for (ssize i = 0; i < kStatVisible; ++i) {
    if (i > 0) w.append(", ");
    w.append(kStatNames[i]);
    w.append("=");
    if (!w.append_repr(tuple_items(self)[i])) return nullptr;
  }
  w.append(")");
  return w.finish();
}

MemberDef g_stat_members[kStatMembers + 1];

bool stat_type_init() {
  if (StatResultType.flags & TPFLAG_READY) return true;
  for (int i = 0; i < kStatMembers; ++i) {
    g_stat_members[i] =
        MemberDef{kStatNames[i], MEMBER_OBJECT,
                  ssize(offsetof(TupleObject, items) + size_t(kStatItem[i]) * sizeof(Object*)),
                  MEMBER_READONLY, nullptr};
  }
  g_stat_members[kStatMembers] = MemberDef{nullptr, MEMBER_OBJECT, 0, 0, nullptr};
  TypeObject* t = &StatResultType;
  t->ob_type = &TypeType;
  make_immortal(t);
  t->name = "os.stat_result";
  t->doc = "stat_result: Result from stat, fstat, or lstat.";
  t->base = &TupleType;
  t->basicsize = ssize(offsetof(TupleObject, items));
  t->itemsize = ssize(sizeof(Object*));
  t->dealloc = stat_dealloc;
  t->repr = stat_repr;
  t->members = g_stat_members;
  // 19 fields, 10 in the sequence of which 3 (the int times) are unnamed.
  if (type_ready(t) < 0 || structseq_set_counts(t, kStatTotal, kStatVisible, 3) < 0) return false;
  static const char* const ts_fields[] = {"columns", "lines", nullptr};
  return structseq_init_type(&TerminalSizeType, "os.terminal_size", ts_fields) >= 0;
}

}  // namespace

bool os_stat_types_ready() { return stat_type_init(); }

TypeObject* os_terminal_size_type() { return &TerminalSizeType; }

Object* make_stat_result(const struct stat& st) {
  if (!stat_type_init()) return nullptr;
  auto ns = [](const struct timespec& ts) {
    return int64_t(ts.tv_sec) * 1000000000 + int64_t(ts.tv_nsec);
  };
  auto fl = [](const struct timespec& ts) { return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9; };
  Object* items[kStatTotal] = {
      int_from_u64(st.st_mode),         int_from_u64(st.st_ino),
      int_from_u64(st.st_dev),          int_from_u64(st.st_nlink),
      int_from_u64(st.st_uid),          int_from_u64(st.st_gid),
      int_from_i64(st.st_size),         int_from_i64(st.st_atim.tv_sec),
      int_from_i64(st.st_mtim.tv_sec),  int_from_i64(st.st_ctim.tv_sec),
      float_from_double(fl(st.st_atim)), float_from_double(fl(st.st_mtim)),
      float_from_double(fl(st.st_ctim)), int_from_i64(ns(st.st_atim)),
      int_from_i64(ns(st.st_mtim)),     int_from_i64(ns(st.st_ctim)),
      int_from_i64(st.st_blksize),      int_from_i64(st.st_blocks),
      int_from_u64(st.st_rdev),
  };
  bool ok = true;
  for (Object* o : items) ok = ok && o;
  auto* t = ok ? static_cast<TupleObject*>(object_alloc(
                     &StatResultType, offsetof(TupleObject, items) + size_t(kStatTotal) * sizeof(Object*)))
               : nullptr;
  if (!t) {
    for (Object* o : items) xdecref(o);
    return nullptr;
  }
  t->ob_size = kStatVisible;
  for (ssize i = 0; i < kStatTotal; ++i) t->items[i] = items[i];
  return t;
}

// ---- module -------------------------------------------------------------------------------------

namespace {

Object* os_fspath_meth(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"path", nullptr};
  static const ArgSpec spec{"fspath", names, 1, 1};
  Object* a[1];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  return os_fspath(a[0]);
}

// os.fsencode / os.fsdecode: the file system encoding is UTF-8 with surrogateescape.
Object* os_fsencode(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("fsencode", nargs, kwnames)) return nullptr;
  Ref p = Ref::steal(os_fspath(args[0]));
  if (!p) return nullptr;
  if (bytes_check(p.get())) return p.release();
  return str_encode(p.get(), "utf-8", "surrogateescape");
}

Object* os_fsdecode(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("fsdecode", nargs, kwnames)) return nullptr;
  Ref p = Ref::steal(os_fspath(args[0]));
  if (!p) return nullptr;
  if (str_check(p.get())) return p.release();
  return str_decode_utf8(bytes_data(p.get()), bytes_size(p.get()), "surrogateescape");
}

const MethodDef kOsFunctions[] = {
    {"fspath", os_fspath_meth, METH_DEFAULT, "Return the file system path representation of the object."},
    {"fsencode", os_fsencode, METH_DEFAULT, "Encode filename (an os.PathLike, bytes, or str) to the filesystem encoding."},
    {"fsdecode", os_fsdecode, METH_DEFAULT, "Decode filename (an os.PathLike, bytes, or str) from the filesystem encoding."},
    {nullptr, nullptr, 0, nullptr},
};

int add_constants(Object* m) {
  struct IntConst {
    const char* name;
    long long value;
  };
  static const IntConst ints[] = {
      {"F_OK", F_OK}, {"R_OK", R_OK}, {"W_OK", W_OK}, {"X_OK", X_OK},
      {"O_RDONLY", O_RDONLY}, {"O_WRONLY", O_WRONLY}, {"O_RDWR", O_RDWR},
      {"O_APPEND", O_APPEND}, {"O_CREAT", O_CREAT}, {"O_EXCL", O_EXCL}, {"O_TRUNC", O_TRUNC},
      {"O_NONBLOCK", O_NONBLOCK}, {"O_NDELAY", O_NDELAY}, {"O_SYNC", O_SYNC},
      {"O_DSYNC", O_DSYNC}, {"O_NOCTTY", O_NOCTTY}, {"O_CLOEXEC", O_CLOEXEC},
      {"O_DIRECTORY", O_DIRECTORY}, {"O_NOFOLLOW", O_NOFOLLOW}, {"O_ACCMODE", O_ACCMODE},
#ifdef O_TMPFILE
      {"O_TMPFILE", O_TMPFILE},
#endif
#ifdef O_NOATIME
      {"O_NOATIME", O_NOATIME},
#endif
      {"SEEK_SET", SEEK_SET}, {"SEEK_CUR", SEEK_CUR}, {"SEEK_END", SEEK_END},
#ifdef SEEK_DATA
      {"SEEK_DATA", SEEK_DATA}, {"SEEK_HOLE", SEEK_HOLE},
#endif
      {"WNOHANG", WNOHANG}, {"WUNTRACED", WUNTRACED}, {"WCONTINUED", WCONTINUED},
      {"EX_OK", 0}, {"EX_USAGE", 64}, {"EX_DATAERR", 65}, {"EX_NOINPUT", 66},
      {"EX_SOFTWARE", 70}, {"EX_OSERR", 71}, {"EX_IOERR", 74}, {"EX_TEMPFAIL", 75},
      {"EX_NOPERM", 77}, {"EX_CONFIG", 78},
      {"P_PID", P_PID}, {"P_PGID", P_PGID}, {"P_ALL", P_ALL},
  };
  for (const IntConst& c : ints) {
    if (module_add_int(m, c.name, c.value) < 0) return -1;
  }
  struct StrConst {
    const char* name;
    const char* value;
  };
  static const StrConst strs[] = {
      {"name", "posix"}, {"sep", "/"},        {"altsep", nullptr}, {"extsep", "."},
      {"pathsep", ":"},  {"linesep", "\n"},   {"curdir", "."},     {"pardir", ".."},
      {"devnull", "/dev/null"}, {"defpath", "/bin:/usr/bin"},
  };
  for (const StrConst& c : strs) {
    if (c.value ? module_add_string(m, c.name, c.value) < 0
                : module_add_object(m, c.name, None) < 0) {
      return -1;
    }
  }
  return 0;
}

Object* g_os_module = nullptr;  // the one os module (lives in sys.modules for the process's life)

}  // namespace

Object* os_module_init() {
  if (g_os_module) return newref(g_os_module);
  if (!stat_type_init()) return nullptr;
  Ref m = Ref::steal(module_new("os"));
  if (!m) return nullptr;
  if (module_add_functions(m.get(), kOsFunctions) < 0 || add_constants(m.get()) < 0 ||
      os_fs_add(m.get()) < 0 || os_proc_add(m.get()) < 0 || os_scandir_add(m.get()) < 0 ||
      module_add_object(m.get(), "stat_result", as_object(&StatResultType)) < 0 ||
      module_add_object(m.get(), "terminal_size", as_object(&TerminalSizeType)) < 0 ||
      module_add_object(m.get(), "error", as_object(&Exc_OSError)) < 0) {
    return nullptr;
  }
  Ref path = Ref::steal(os_path_module_get());
  if (!path || module_add_object(m.get(), "path", path.get()) < 0) return nullptr;
  // `import os.path` finds the submodule in sys.modules, as CPython's os.py arranges.
  Interpreter* interp = main_interpreter();
  if (interp && interp->modules && dict_setitem_str(interp->modules, "os.path", path.get()) < 0) {
    return nullptr;
  }
  g_os_module = newref(m.get());
  return m.release();
}

// `posix`: the same module under CPython's low-level name.
Object* posix_module_init() { return os_module_init(); }

// Registered as "os.path" and "posixpath".
Object* posixpath_module_init() { return os_path_module_get(); }

}  // namespace gilpy

// The `tempfile` module, in C++ (no Python start-up cost, no dependency on the class machinery).
//
// Follows CPython 3.12's tempfile.py:
//  - names are dir + prefix + 8 random characters from "abcdefghijklmnopqrstuvwxyz0123456789_"
//    + suffix, created with O_CREAT|O_EXCL (mode 0o600; directories 0o700) and retried on
//    FileExistsError; mkstemp/mkdtemp return absolute paths; str or bytes results follow the
//    types of suffix/prefix/dir (mixing them is a TypeError, as _infer_return_type).
//  - gettempdir() honours `tempfile.tempdir`, then TMPDIR/TEMP/TMP, /tmp, /var/tmp, /usr/tmp and
//    the cwd, keeping the first directory where a file can actually be created; the result is
//    cached in `tempfile.tempdir`.
//  - TemporaryDirectory: a context manager whose __enter__ returns the name; cleanup() removes
//    the tree (also done when the object is freed, CPython's finalizer).
//  - NamedTemporaryFile returns a _TemporaryFileWrapper: attribute reads fall through to the
//    wrapped file object; close() / __exit__ / freeing delete the file (delete / delete_on_close).
//  - TemporaryFile is an unlinked mkstemp file; its `name` is the descriptor, as on Linux.
// The file objects come from io.open (modules/io_internal.h).
#include <dirent.h>
#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <random>
#include <vector>
#include <string>

#include "core/abstract.h"
#include "core/args.h"
#include "core/error.h"
#include "modules/io_internal.h"
#include "modules/modules.h"
#include "modules/os_internal.h"
#include "modules/os_syscalls.h"
#include "objects/bytesobject.h"
#include "objects/containers.h"
#include "objects/exceptions.h"
#include "objects/intobject.h"
#include "objects/moduleobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"

namespace gilpy {

namespace {

constexpr int kTmpMax = 10000;  // attempts before giving up (CPython's os.TMP_MAX on Linux)
Object* g_module_dict = nullptr;  // tempfile's namespace (borrowed: the module lives forever)

// ---- random names -------------------------------------------------------------------------------

std::string random_name() {
  static const char kChars[] = "abcdefghijklmnopqrstuvwxyz0123456789_";
  static std::mt19937_64 rng;
  static pid_t seeded_pid = 0;
  if (seeded_pid != ::getpid()) {  // reseed in a forked child, as CPython's _RandomNameSequence
    uint64_t seed = 0;
    if (::getrandom(&seed, sizeof seed, 0) != ssize_t(sizeof seed)) {
      seed = uint64_t(::getpid()) * 0x9E3779B97F4A7C15ULL ^ uint64_t(time(nullptr));
    }
    rng.seed(seed);
    seeded_pid = ::getpid();
  }
  std::string out;
  for (int i = 0; i < 8; ++i) out.push_back(kChars[rng() % (sizeof kChars - 1)]);
  return out;
}

// ---- gettempdir ---------------------------------------------------------------------------------

bool dir_is_usable(const std::string& dir) {
  for (int i = 0; i < 100; ++i) {
    std::string name = path_join(dir, random_name());
    int fd = sys_open(name.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) {
      bool ok = sys_write(fd, "blat", 4) == 4;
      ::close(fd);
      ::unlink(name.c_str());
      return ok;
    }
    if (errno == EEXIST) continue;
    return false;
  }
  return false;
}

// tempfile.tempdir as a str (computed and stored on first use). New reference.
Object* gettempdir_obj() {
  Object* cur = dict_get_str_borrowed(g_module_dict, "tempdir");
  if (cur && cur != None) return newref(cur);
  std::vector<std::string> candidates;
  for (const char* env : {"TMPDIR", "TEMP", "TMP"}) {
    const char* v = ::getenv(env);
    if (v && *v) candidates.push_back(v);
  }
  for (const char* d : {"/tmp", "/var/tmp", "/usr/tmp"}) candidates.push_back(d);
  char buf[PATH_MAX];
  candidates.push_back(::getcwd(buf, sizeof buf) ? buf : ".");
  for (const std::string& c : candidates) {
    std::string dir = c == "." ? c : path_abspath(c);
    if (dir_is_usable(dir)) {
      Ref s = Ref::steal(fs_name_to_object(dir, false));
      if (!s || dict_setitem_str(g_module_dict, "tempdir", s.get()) < 0) return nullptr;
      return s.release();
    }
  }
  std::string msg = "No usable temporary directory found in [";
  for (size_t i = 0; i < candidates.size(); ++i) {
    if (i) msg += ", ";
    msg += "'" + candidates[i] + "'";
  }
  msg += "]";
  errno = ENOENT;
  Ref m = Ref::steal(str_from_utf8(msg));
  Ref code = Ref::steal(int_from_i64(ENOENT));
  if (!m || !code) return nullptr;
  Object* args[2] = {code.get(), m.get()};
  Ref exc = Ref::steal(exception_new(&Exc_FileNotFoundError, args, 2));
  if (exc) err_set_object(exc.get());
  return nullptr;
}

Object* tf_gettempdir(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("gettempdir", nargs, kwnames)) return nullptr;
  return gettempdir_obj();
}

Object* tf_gettempdirb(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("gettempdirb", nargs, kwnames)) return nullptr;
  Ref d = Ref::steal(gettempdir_obj());
  if (!d) return nullptr;
  if (bytes_check(d.get())) return d.release();
  return str_encode(d.get(), "utf-8", "surrogateescape");
}

Object* tf_gettempprefix(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("gettempprefix", nargs, kwnames)) return nullptr;
  return str_from_cstr("tmp");
}

Object* tf_gettempprefixb(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("gettempprefixb", nargs, kwnames)) return nullptr;
  return bytes_from("tmp", 3);
}

// ---- parameters ---------------------------------------------------------------------------------

struct NameParams {
  std::string prefix, suffix, dir;
  bool bytes = false;
};

// _sanitize_params: suffix/prefix/dir (null/None = default), types must agree.
bool sanitize(Object* suffix, Object* prefix, Object* dir, NameParams* out) {
  int kind = -1;  // -1 unknown, 0 str, 1 bytes
  Ref dir_path;
  if (dir && dir != None) {
    dir_path = Ref::steal(os_fspath(dir));
    if (!dir_path) return false;
  }
  for (Object* o : {prefix, suffix, dir_path.get()}) {
    if (!o || o == None) continue;
    int k;
    if (bytes_check(o)) {
      k = 1;
    } else if (str_check(o)) {
      k = 0;
    } else {
      err_format(&Exc_TypeError, "can only concatenate str (not \"%s\") to str",
                 type_name(type_of(o)));
      return false;
    }
    if (kind >= 0 && k != kind) {
      err_set_string(&Exc_TypeError, "Can't mix bytes and non-bytes in path components.");
      return false;
    }
    kind = k;
  }
  out->bytes = kind == 1;
  auto narrow = [](Object* o, std::string& s) -> bool {
    if (bytes_check(o)) {
      s.assign(bytes_data(o), size_t(bytes_size(o)));
      return true;
    }
    PathArg p;
    if (!path_convert("tempfile", "path", o, 0, &p)) return false;
    s = p.path;
    return true;
  };
  if (prefix && prefix != None) {
    if (!narrow(prefix, out->prefix)) return false;
  } else {
    out->prefix = "tmp";
  }
  if (suffix && suffix != None && !narrow(suffix, out->suffix)) return false;
  if (dir_path) {
    if (!narrow(dir_path.get(), out->dir)) return false;
  } else {
    Ref d = Ref::steal(gettempdir_obj());
    if (!d || !narrow(d.get(), out->dir)) return false;
  }
  return true;
}

// Create the file (or directory) with a fresh random name. Returns the fd (0 for a directory) and
// the absolute path in *path, or -1 with an exception set.
int create_unique(const NameParams& p, bool directory, std::string* path) {
  for (int i = 0; i < kTmpMax; ++i) {
    std::string name = path_join(p.dir, p.prefix + random_name() + p.suffix);
    int r;
    if (directory) {
      r = ::mkdir(name.c_str(), 0700);
    } else {
      r = sys_open(name.c_str(), O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    }
    if (r >= 0) {
      *path = path_abspath(name);
      return directory ? 0 : r;
    }
    if (errno == EEXIST) continue;
    Ref fn = Ref::steal(fs_name_to_object(name, p.bytes));
    err_set_from_errno(&Exc_OSError, fn.get());
    return -1;
  }
  errno = EEXIST;
  err_format(&Exc_FileExistsError, "No usable temporary file name found");
  return -1;
}

Object* tf_mkstemp(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"suffix", "prefix", "dir", "text", nullptr};
  static const ArgSpec spec{"mkstemp", names, 0, 4};
  Object* a[4];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  NameParams p;
  if (!sanitize(a[0], a[1], a[2], &p)) return nullptr;
  std::string path;
  int fd = create_unique(p, false, &path);
  if (fd < 0) return nullptr;
  Ref fdo = Ref::steal(int_from_i64(fd));
  Ref name = Ref::steal(fs_name_to_object(path, p.bytes));
  if (!fdo || !name) return nullptr;
  return tuple_pack(2, fdo.get(), name.get());
}

Object* tf_mkdtemp(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"suffix", "prefix", "dir", nullptr};
  static const ArgSpec spec{"mkdtemp", names, 0, 3};
  Object* a[3];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  NameParams p;
  if (!sanitize(a[0], a[1], a[2], &p)) return nullptr;
  std::string path;
  if (create_unique(p, true, &path) < 0) return nullptr;
  return fs_name_to_object(path, p.bytes);
}

Object* tf_mktemp(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"suffix", "prefix", "dir", nullptr};
  static const ArgSpec spec{"mktemp", names, 0, 3};
  Object* a[3];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  NameParams p;
  if (!sanitize(a[0], a[1], a[2], &p)) return nullptr;
  for (int i = 0; i < kTmpMax; ++i) {
    std::string name = path_join(p.dir, p.prefix + random_name() + p.suffix);
    struct stat st;
    if (::lstat(name.c_str(), &st) < 0) return fs_name_to_object(name, p.bytes);
  }
  return err_format(&Exc_FileExistsError, "No usable temporary filename found");
}

// ---- recursive removal (shutil.rmtree for TemporaryDirectory) -----------------------------------

// Remove `path` and everything below it without following symlinks. On failure sets OSError
// (filename = the failing path) and returns false.
bool rmtree(const std::string& path) {
  DIR* dir = ::opendir(path.c_str());
  if (!dir) {
    if (errno == EACCES) {
      ::chmod(path.c_str(), 0700);
      dir = ::opendir(path.c_str());
    }
    if (!dir) {
      Ref fn = Ref::steal(fs_name_to_object(path, false));
      err_set_from_errno(&Exc_OSError, fn.get());
      return false;
    }
  }
  bool ok = true;
  while (struct dirent* ent = ::readdir(dir)) {
    const char* n = ent->d_name;
    if (n[0] == '.' && (n[1] == '\0' || (n[1] == '.' && n[2] == '\0'))) continue;
    std::string child = path_join(path, n);
    struct stat st;
    if (::lstat(child.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
      if (!rmtree(child)) {
        ok = false;
        break;
      }
    } else if (::unlink(child.c_str()) < 0 && errno != ENOENT) {
      Ref fn = Ref::steal(fs_name_to_object(child, false));
      err_set_from_errno(&Exc_OSError, fn.get());
      ok = false;
      break;
    }
  }
  ::closedir(dir);
  if (ok && ::rmdir(path.c_str()) < 0 && errno != ENOENT) {
    Ref fn = Ref::steal(fs_name_to_object(path, false));
    err_set_from_errno(&Exc_OSError, fn.get());
    ok = false;
  }
  return ok;
}

// ---- TemporaryDirectory -------------------------------------------------------------------------

TypeObject TemporaryDirectoryType, WrapperType;

struct TempDirObject : Object {
  Object* name;  // str or bytes
  bool delete_;
  bool ignore_errors;
  bool cleaned;
};

TempDirObject* as_tmpdir(Object* o) { return static_cast<TempDirObject*>(o); }

bool tmpdir_cleanup(TempDirObject* d) {
  if (!d->name) return true;
  PathArg p;
  if (!path_convert("rmtree", "path", d->name, 0, &p)) return false;
  struct stat st;
  if (d->cleaned && ::lstat(p.path.c_str(), &st) < 0) return true;
  d->cleaned = true;
  if (::lstat(p.path.c_str(), &st) < 0) return true;
  if (!rmtree(p.path)) {
    if (d->ignore_errors) {
      err_clear();
      return true;
    }
    return false;
  }
  return true;
}

Object* tmpdir_new(TypeObject* type, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"suffix", "prefix", "dir", "ignore_cleanup_errors",
                                      "delete", nullptr};
  static const ArgSpec spec{"TemporaryDirectory", names, 0, 4};
  Object* a[5];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  NameParams p;
  if (!sanitize(a[0], a[1], a[2], &p)) return nullptr;
  bool ignore, del;
  if (!bool_arg(a[3], false, &ignore) || !bool_arg(a[4], true, &del)) return nullptr;
  std::string path;
  if (create_unique(p, true, &path) < 0) return nullptr;
  auto* d = alloc_object<TempDirObject>(type);
  if (!d) return nullptr;
  d->name = fs_name_to_object(path, p.bytes);
  d->delete_ = del;
  d->ignore_errors = ignore;
  if (!d->name) {
    ::rmdir(path.c_str());
    decref(d);
    return nullptr;
  }
  return d;
}

void tmpdir_dealloc(Object* self) {
  TempDirObject* d = as_tmpdir(self);
  if (d->delete_ && !d->cleaned && d->name) {
    Object* saved = err_fetch();
    if (!tmpdir_cleanup(d)) err_clear();
    err_restore(saved);
  }
  xdecref(d->name);
  object_free(self);
}

Object* tmpdir_repr(Object* self) {
  StrWriter w;
  w.append("<");
  w.append(type_name(type_of(self)));
  w.append(" ");
  if (!w.append_repr(as_tmpdir(self)->name)) return nullptr;
  w.append(">");
  return w.finish();
}

Object* tmpdir_cleanup_meth(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("cleanup", nargs, kwnames)) return nullptr;
  if (!tmpdir_cleanup(as_tmpdir(self))) return nullptr;
  return none_ref();
}

Object* tmpdir_enter(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("__enter__", nargs, kwnames)) return nullptr;
  return newref(as_tmpdir(self)->name);
}

Object* tmpdir_exit(Object* self, Object* const*, ssize, Object*) {
  TempDirObject* d = as_tmpdir(self);
  if (d->delete_ && !tmpdir_cleanup(d)) return nullptr;
  return none_ref();
}

const MethodDef kTmpdirMethods[] = {
    {"cleanup", tmpdir_cleanup_meth, METH_DEFAULT, nullptr},
    {"__enter__", tmpdir_enter, METH_DEFAULT, nullptr},
    {"__exit__", tmpdir_exit, METH_DEFAULT, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

const MemberDef kTmpdirMembers[] = {
    {"name", MEMBER_OBJECT, ssize(offsetof(TempDirObject, name)), MEMBER_READONLY, nullptr},
    {nullptr, MEMBER_OBJECT, 0, 0, nullptr},
};

// ---- _TemporaryFileWrapper ----------------------------------------------------------------------

struct WrapperObject : Object {
  Object* file;
  Object* name;
  bool delete_;
  bool delete_on_close;
  bool close_called;
  bool cleanup_called;
};

WrapperObject* as_wrapper(Object* o) { return static_cast<WrapperObject*>(o); }

bool unlink_name(Object* name) {
  PathArg p;
  if (!path_convert("unlink", "path", name, 0, &p)) return false;
  if (::unlink(p.path.c_str()) < 0 && errno != ENOENT) {
    err_set_from_errno(&Exc_OSError, name);
    return false;
  }
  return true;
}

// _TemporaryFileCloser.close: close the file, unlink when delete and delete_on_close.
bool wrapper_close(WrapperObject* w, bool unlink) {
  if (w->close_called) return true;
  w->close_called = true;
  Ref r = Ref::steal(call_method0(w->file, "close"));
  bool ok = bool(r);
  if (unlink && w->delete_ && !w->cleanup_called) {
    w->cleanup_called = true;
    Object* saved = ok ? nullptr : err_fetch();
    bool unlinked = unlink_name(w->name);
    if (saved) {
      if (!unlinked) err_clear();
      err_restore(saved);
    }
    ok = ok && unlinked;
  }
  return ok;
}

// _TemporaryFileCloser.cleanup: close, then unlink when delete (whatever delete_on_close says).
bool wrapper_cleanup(WrapperObject* w) {
  bool ok = wrapper_close(w, w->delete_on_close);
  if (w->delete_ && !w->cleanup_called) {
    w->cleanup_called = true;
    Object* saved = ok ? nullptr : err_fetch();
    bool unlinked = unlink_name(w->name);
    if (saved) {
      if (!unlinked) err_clear();
      err_restore(saved);
    }
    ok = ok && unlinked;
  }
  return ok;
}

void wrapper_dealloc(Object* self) {
  WrapperObject* w = as_wrapper(self);
  if (w->file) {
    Object* saved = err_fetch();
    if (!wrapper_cleanup(w)) err_clear();
    err_restore(saved);
  }
  xdecref(w->file);
  xdecref(w->name);
  object_free(self);
}

Object* wrapper_getattro(Object* self, Object* name) {
  Object* r = generic_getattr(self, name);
  if (r || !err_matches(&Exc_AttributeError)) return r;
  err_clear();
  return object_getattr(as_wrapper(self)->file, name);
}

Object* wrapper_iter(Object* self) { return object_getiter(as_wrapper(self)->file); }

Object* wrapper_close_meth(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("close", nargs, kwnames)) return nullptr;
  WrapperObject* w = as_wrapper(self);
  if (!wrapper_close(w, w->delete_on_close)) return nullptr;
  return none_ref();
}

Object* wrapper_enter(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("__enter__", nargs, kwnames)) return nullptr;
  Ref r = Ref::steal(call_method0(as_wrapper(self)->file, "__enter__"));
  if (!r) return nullptr;
  return newref(self);
}

Object* wrapper_exit(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  WrapperObject* w = as_wrapper(self);
  Ref method = Ref::steal(object_getattr_str(w->file, "__exit__"));
  if (!method) return nullptr;
  Ref result = Ref::steal(call(method.get(), args, nargs, kwnames));
  if (!result) {
    Ref exc = Ref::steal(err_fetch());
    if (!wrapper_cleanup(w)) err_clear();
    err_restore(exc.release());
    return nullptr;
  }
  if (!wrapper_cleanup(w)) return nullptr;
  return result.release();
}

const MethodDef kWrapperMethods[] = {
    {"close", wrapper_close_meth, METH_DEFAULT, nullptr},
    {"__enter__", wrapper_enter, METH_DEFAULT, nullptr},
    {"__exit__", wrapper_exit, METH_DEFAULT, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

const MemberDef kWrapperMembers[] = {
    {"file", MEMBER_OBJECT, ssize(offsetof(WrapperObject, file)), MEMBER_READONLY, nullptr},
    {"name", MEMBER_OBJECT, ssize(offsetof(WrapperObject, name)), MEMBER_READONLY, nullptr},
    {nullptr, MEMBER_OBJECT, 0, 0, nullptr},
};

// io.open(fd, mode, buffering=, newline=, encoding=, errors=). On failure the fd is closed.
Object* open_fd(int fd, Object* mode, Object* buffering, Object* encoding, Object* newline,
                Object* errors) {
  Ref fdo = Ref::steal(int_from_i64(fd));
  Ref default_mode = Ref::steal(str_from_cstr("w+b"));
  Ref kw = Ref::steal(tuple_new(4));
  if (!fdo || !default_mode || !kw) {
    ::close(fd);
    return nullptr;
  }
  const char* kwn[] = {"buffering", "newline", "encoding", "errors"};
  for (int i = 0; i < 4; ++i) {
    Object* s = str_from_cstr(kwn[i]);
    if (!s) {
      for (int j = i; j < 4; ++j) tuple_set_steal(kw.get(), j, none_ref());
      ::close(fd);
      return nullptr;
    }
    tuple_set_steal(kw.get(), i, s);
  }
  Ref minus1 = Ref::steal(int_from_i64(-1));
  Object* argv[6] = {fdo.get(), mode ? mode : default_mode.get(),
                     buffering ? buffering : minus1.get(), newline ? newline : None,
                     encoding ? encoding : None, errors ? errors : None};
  Object* f = io_open(argv, 2, kw.get());
  if (!f) ::close(fd);
  return f;
}

Object* tf_named_temporary_file(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"mode",   "buffering", "encoding", "newline", "suffix",
                                      "prefix", "dir",       "delete",   "errors",
                                      "delete_on_close", nullptr};
  static const ArgSpec spec{"NamedTemporaryFile", names, 0, 8};
  Object* a[10];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  NameParams p;
  if (!sanitize(a[4], a[5], a[6], &p)) return nullptr;
  bool del, del_on_close;
  if (!bool_arg(a[7], true, &del) || !bool_arg(a[9], true, &del_on_close)) return nullptr;
  std::string path;
  int fd = create_unique(p, false, &path);
  if (fd < 0) return nullptr;
  Ref name = Ref::steal(fs_name_to_object(path, p.bytes));
  if (!name) {
    ::close(fd);
    ::unlink(path.c_str());
    return nullptr;
  }
  Ref file = Ref::steal(open_fd(fd, a[0], a[1], a[2], a[3], a[8]));
  if (!file || !io_file_set_name(file.get(), name.get())) {
    ::unlink(path.c_str());
    return nullptr;
  }
  auto* w = alloc_object<WrapperObject>(&WrapperType);
  if (!w) return nullptr;
  w->file = file.release();
  w->name = name.release();
  w->delete_ = del;
  w->delete_on_close = del_on_close;
  return w;
}

Object* tf_temporary_file(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"mode",   "buffering", "encoding", "newline", "suffix",
                                      "prefix", "dir",       "errors",   nullptr};
  static const ArgSpec spec{"TemporaryFile", names, 0, 7};
  Object* a[8];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  NameParams p;
  if (!sanitize(a[4], a[5], a[6], &p)) return nullptr;
  std::string path;
  int fd = create_unique(p, false, &path);
  if (fd < 0) return nullptr;
  ::unlink(path.c_str());
  return open_fd(fd, a[0], a[1], a[2], a[3], a[7]);
}

const MethodDef kTempfileFunctions[] = {
    {"gettempdir", tf_gettempdir, METH_DEFAULT, "Returns tempfile.tempdir as str."},
    {"gettempdirb", tf_gettempdirb, METH_DEFAULT, "Returns tempfile.tempdir as bytes."},
    {"gettempprefix", tf_gettempprefix, METH_DEFAULT, "The default prefix for temporary directories as string."},
    {"gettempprefixb", tf_gettempprefixb, METH_DEFAULT, "The default prefix for temporary directories as bytes."},
    {"mkstemp", tf_mkstemp, METH_DEFAULT, "User-callable function to create and return a unique temporary file."},
    {"mkdtemp", tf_mkdtemp, METH_DEFAULT, "User-callable function to create and return a unique temporary directory."},
    {"mktemp", tf_mktemp, METH_DEFAULT, "User-callable function to return a unique temporary file name."},
    {"NamedTemporaryFile", tf_named_temporary_file, METH_DEFAULT, "Create and return a temporary file."},
    {"TemporaryFile", tf_temporary_file, METH_DEFAULT, "Create and return a temporary file."},
    {nullptr, nullptr, 0, nullptr},
};

bool types_ready() {
  if (WrapperType.flags & TPFLAG_READY) return true;
  TypeObject* t = &TemporaryDirectoryType;
  t->ob_type = &TypeType;
  make_immortal(t);
  t->name = "tempfile.TemporaryDirectory";
  t->doc = "Create and return a temporary directory.";
  t->basicsize = sizeof(TempDirObject);
  t->dealloc = tmpdir_dealloc;
  t->repr = tmpdir_repr;
  t->new_ = tmpdir_new;
  t->methods = kTmpdirMethods;
  t->members = kTmpdirMembers;
  t = &WrapperType;
  t->ob_type = &TypeType;
  make_immortal(t);
  t->name = "tempfile._TemporaryFileWrapper";
  t->doc = "Temporary file wrapper";
  t->basicsize = sizeof(WrapperObject);
  t->dealloc = wrapper_dealloc;
  t->getattro = wrapper_getattro;
  t->iter = wrapper_iter;
  t->methods = kWrapperMethods;
  t->members = kWrapperMembers;
  if (type_ready(&TemporaryDirectoryType) < 0 || type_ready(&WrapperType) < 0) return false;
  WrapperType.new_ = nullptr;  // made by NamedTemporaryFile only
  return true;
}

}  // namespace

Object* tempfile_module_init() {
  if (!types_ready()) return nullptr;
  Ref m = Ref::steal(module_new("tempfile"));
  if (!m || module_add_functions(m.get(), kTempfileFunctions) < 0 ||
      module_add_object(m.get(), "TemporaryDirectory", as_object(&TemporaryDirectoryType)) < 0 ||
      module_add_object(m.get(), "_TemporaryFileWrapper", as_object(&WrapperType)) < 0 ||
      module_add_object(m.get(), "tempdir", None) < 0 ||
      module_add_string(m.get(), "template", "tmp") < 0 ||
      module_add_int(m.get(), "TMP_MAX", 238328) < 0) {
    return nullptr;
  }
  g_module_dict = module_get_dict_borrowed(m.get());
  return m.release();
}

}  // namespace gilpy

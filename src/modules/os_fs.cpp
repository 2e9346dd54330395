// os: files and directories (see modules/os.cpp for the module's layout).
//
// Each function binds its arguments with parse_args (CPython's Argument Clinic names and
// keyword-only parameters: dir_fd, follow_symlinks), converts paths with path_convert, makes the
// system call (the *at variant, so dir_fd works) and raises OSError with the path as filename.
// makedirs/removedirs are CPython's os.py algorithms written over these functions.
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cmath>
#include <cstring>
#include <string>

#include "core/abstract.h"
#include "core/args.h"
#include "core/error.h"
#include "modules/os_internal.h"
#include "modules/os_syscalls.h"
#include "objects/bytesobject.h"
#include "objects/containers.h"
#include "objects/floatobject.h"
#include "objects/intobject.h"
#include "objects/moduleobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"

namespace gilpy {

namespace {

// dir_fd=None|int -> AT_FDCWD|fd
bool dir_fd_arg(Object* o, int* out) {
  *out = AT_FDCWD;
  if (!o || o == None) return true;
  if (!int_check(o)) {
    err_format(&Exc_TypeError, "argument should be integer or None, not %T", o);
    return false;
  }
  return fd_convert(o, out);
}


bool int_arg(Object* o, long long dflt, long long* out) {
  *out = dflt;
  if (!o) return true;
  if (float_check(o)) {
    err_format(&Exc_TypeError, "'float' object cannot be interpreted as an integer");
    return false;
  }
  Ref i = Ref::steal(number_index(o));
  if (!i) return false;
  bool overflow = false;
  int64_t v = int_as_i64(i.get(), &overflow);
  if (overflow || v > INT_MAX || v < INT_MIN) {
    err_set_string(&Exc_OverflowError, "Python int too large to convert to C int");
    return false;
  }
  *out = v;
  return true;
}

Object* do_stat(const PathArg& p, int dir_fd, bool follow) {
  struct stat st;
  int r;
  if (p.fd >= 0) {
    r = ::fstat(p.fd, &st);
  } else {
    r = ::fstatat(dir_fd, p.path.c_str(), &st, follow ? 0 : AT_SYMLINK_NOFOLLOW);
  }
  if (r < 0) return raise_path_error(p);
  return make_stat_result(st);
}

Object* os_stat(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"path", "dir_fd", "follow_symlinks", nullptr};
  static const ArgSpec spec{"stat", names, 1, 1};
  Object* a[3];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  PathArg p;
  int dir_fd;
  bool follow;
  if (!path_convert("stat", "path", a[0], PATH_ALLOW_FD, &p) || !dir_fd_arg(a[1], &dir_fd) ||
      !bool_arg(a[2], true, &follow)) {
    return nullptr;
  }
  return do_stat(p, dir_fd, follow);
}

Object* os_lstat(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"path", "dir_fd", nullptr};
  static const ArgSpec spec{"lstat", names, 1, 1};
  Object* a[2];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  PathArg p;
  int dir_fd;
  if (!path_convert("lstat", "path", a[0], 0, &p) || !dir_fd_arg(a[1], &dir_fd)) return nullptr;
  return do_stat(p, dir_fd, false);
}

Object* os_fstat(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"fd", nullptr};
  static const ArgSpec spec{"fstat", names, 1, 1};
  Object* a[1];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  int fd;
  if (!fd_convert(a[0], &fd)) return nullptr;
  struct stat st;
  if (::fstat(fd, &st) < 0) return raise_errno();
  return make_stat_result(st);
}

Object* os_getcwd(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("getcwd", nargs, kwnames)) return nullptr;
  char buf[PATH_MAX];
  if (!::getcwd(buf, sizeof buf)) return raise_errno();
  return fs_name_to_object(buf, false);
}

Object* os_getcwdb(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("getcwdb", nargs, kwnames)) return nullptr;
  char buf[PATH_MAX];
  if (!::getcwd(buf, sizeof buf)) return raise_errno();
  return fs_name_to_object(buf, true);
}

Object* os_chdir(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"path", nullptr};
  static const ArgSpec spec{"chdir", names, 1, 1};
  Object* a[1];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  PathArg p;
  if (!path_convert("chdir", "path", a[0], PATH_ALLOW_FD, &p)) return nullptr;
  int r = p.fd >= 0 ? ::fchdir(p.fd) : ::chdir(p.path.c_str());
  if (r < 0) return raise_path_error(p);
  return none_ref();
}

Object* os_listdir(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"path", nullptr};
  static const ArgSpec spec{"listdir", names, 0, 1};
  Object* a[1];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  PathArg p;
  if (!path_convert("listdir", "path", a[0], PATH_ALLOW_FD | PATH_ALLOW_NONE, &p)) return nullptr;
  DIR* dir;
  if (p.fd >= 0) {
    int fd = ::dup(p.fd);
    if (fd < 0) return raise_errno();
    dir = ::fdopendir(fd);
    if (!dir) {
      int e = errno;
      ::close(fd);
      errno = e;
      return raise_errno();
    }
    ::rewinddir(dir);
  } else {
    dir = ::opendir(p.given ? p.path.c_str() : ".");
  }
  if (!dir) {
    if (!p.given) {
      int e = errno;
      Ref dot = Ref::steal(str_from_cstr("."));
      if (!dot) return nullptr;
      errno = e;
      return err_set_from_errno(&Exc_OSError, dot.get());
    }
    return raise_path_error(p);
  }
  Ref list = Ref::steal(list_new(0));
  if (!list) {
    ::closedir(dir);
    return nullptr;
  }
  for (;;) {
    errno = 0;
    struct dirent* ent = ::readdir(dir);
    if (!ent) {
      if (errno != 0) {
        int e = errno;
        ::closedir(dir);
        errno = e;
        return raise_path_error(p);
      }
      break;
    }
    const char* n = ent->d_name;
    if (n[0] == '.' && (n[1] == '\0' || (n[1] == '.' && n[2] == '\0'))) continue;
    Ref item = Ref::steal(fs_name_to_object(n, p.is_bytes));
    if (!item || list_append(list.get(), item.get()) < 0) {
      ::closedir(dir);
      return nullptr;
    }
  }
  ::closedir(dir);
  return list.release();
}

Object* os_mkdir(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"path", "mode", "dir_fd", nullptr};
  static const ArgSpec spec{"mkdir", names, 1, 2};
  Object* a[3];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  PathArg p;
  long long mode;
  int dir_fd;
  if (!path_convert("mkdir", "path", a[0], 0, &p) || !int_arg(a[1], 0777, &mode) ||
      !dir_fd_arg(a[2], &dir_fd)) {
    return nullptr;
  }
  if (::mkdirat(dir_fd, p.path.c_str(), mode_t(mode)) < 0) return raise_path_error(p);
  return none_ref();
}

// path.split on a narrow path (posixpath.split).
void split_path(std::string p, std::string& head, std::string& tail) {  // p by value: may alias
  size_t i = p.rfind('/');
  i = i == std::string::npos ? 0 : i + 1;
  head = p.substr(0, i);
  tail = p.substr(i);
  if (!head.empty() && head.find_first_not_of('/') != std::string::npos) {
    while (!head.empty() && head.back() == '/') head.pop_back();
  }
}

bool path_exists(const std::string& p) {
  struct stat st;
  return ::stat(p.c_str(), &st) == 0;
}

bool path_isdir(const std::string& p) {
  struct stat st;
  return ::stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

// os.makedirs on a narrow path; `original` is the filename for the final mkdir's error.
bool makedirs_impl(const std::string& name, mode_t mode, bool exist_ok, Object* original,
                   bool as_bytes) {
  std::string head, tail;
  split_path(name, head, tail);
  if (tail.empty()) split_path(head, head, tail);
  if (!head.empty() && !tail.empty() && !path_exists(head)) {
    Ref head_obj = Ref::steal(fs_name_to_object(head, as_bytes));
    if (!head_obj) return false;
    if (!makedirs_impl(head, 0777, exist_ok, head_obj.get(), as_bytes)) {
      if (!err_matches(&Exc_FileExistsError)) return false;
      err_clear();
    }
    if (tail == ".") return true;
  }
  if (::mkdir(name.c_str(), mode) < 0) {
    int e = errno;
    if (exist_ok && path_isdir(name)) return true;
    errno = e;
    err_set_from_errno(&Exc_OSError, original);
    return false;
  }
  return true;
}

Object* os_makedirs(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"name", "mode", "exist_ok", nullptr};
  static const ArgSpec spec{"makedirs", names, 1, 3};
  Object* a[3];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  PathArg p;
  long long mode;
  bool exist_ok;
  if (!path_convert("mkdir", "path", a[0], 0, &p) || !int_arg(a[1], 0777, &mode) ||
      !bool_arg(a[2], false, &exist_ok)) {
    return nullptr;
  }
  if (!makedirs_impl(p.path, mode_t(mode), exist_ok, a[0], p.is_bytes)) return nullptr;
  return none_ref();
}

Object* unlink_common(const char* fname, Object* const* args, ssize nargs, Object* kwnames,
                      int flags) {
  static const char* const names[] = {"path", "dir_fd", nullptr};
  const ArgSpec spec{fname, names, 1, 1};
  Object* a[2];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  PathArg p;
  int dir_fd;
  if (!path_convert(fname, "path", a[0], 0, &p) || !dir_fd_arg(a[1], &dir_fd)) return nullptr;
  if (::unlinkat(dir_fd, p.path.c_str(), flags) < 0) return raise_path_error(p);
  return none_ref();
}

Object* os_remove(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  return unlink_common("remove", args, nargs, kwnames, 0);
}
Object* os_unlink(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  return unlink_common("unlink", args, nargs, kwnames, 0);
}
Object* os_rmdir(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  return unlink_common("rmdir", args, nargs, kwnames, AT_REMOVEDIR);
}

Object* os_removedirs(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"name", nullptr};
  static const ArgSpec spec{"removedirs", names, 1, 1};
  Object* a[1];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  PathArg p;
  if (!path_convert("rmdir", "path", a[0], 0, &p)) return nullptr;
  if (::rmdir(p.path.c_str()) < 0) return raise_path_error(p);
  std::string head, tail;
  split_path(p.path, head, tail);
  if (tail.empty()) split_path(head, head, tail);
  while (!head.empty() && !tail.empty()) {
    if (::rmdir(head.c_str()) < 0) break;
    split_path(head, head, tail);
  }
  return none_ref();
}

Object* rename_common(const char* fname, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"src", "dst", "src_dir_fd", "dst_dir_fd", nullptr};
  const ArgSpec spec{fname, names, 2, 2};
  Object* a[4];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  PathArg src, dst;
  int sfd, dfd;
  if (!path_convert(fname, "src", a[0], 0, &src) || !path_convert(fname, "dst", a[1], 0, &dst) ||
      !dir_fd_arg(a[2], &sfd) || !dir_fd_arg(a[3], &dfd)) {
    return nullptr;
  }
  if (src.is_bytes != dst.is_bytes) {
    return err_format(&Exc_TypeError, "%s: src and dst must be the same type", fname);
  }
  if (::renameat(sfd, src.path.c_str(), dfd, dst.path.c_str()) < 0) {
    return raise_path_error2(src, dst);
  }
  return none_ref();
}

Object* os_rename(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  return rename_common("rename", args, nargs, kwnames);
}
Object* os_replace(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  return rename_common("replace", args, nargs, kwnames);
}

Object* os_link(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"src", "dst", "src_dir_fd", "dst_dir_fd",
                                      "follow_symlinks", nullptr};
  static const ArgSpec spec{"link", names, 2, 2};
  Object* a[5];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  PathArg src, dst;
  int sfd, dfd;
  bool follow;
  if (!path_convert("link", "src", a[0], 0, &src) || !path_convert("link", "dst", a[1], 0, &dst) ||
      !dir_fd_arg(a[2], &sfd) || !dir_fd_arg(a[3], &dfd) || !bool_arg(a[4], true, &follow)) {
    return nullptr;
  }
  if (::linkat(sfd, src.path.c_str(), dfd, dst.path.c_str(), follow ? AT_SYMLINK_FOLLOW : 0) < 0) {
    return raise_path_error2(src, dst);
  }
  return none_ref();
}

Object* os_symlink(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"src", "dst", "target_is_directory", "dir_fd", nullptr};
  static const ArgSpec spec{"symlink", names, 2, 3};
  Object* a[4];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  PathArg src, dst;
  int dir_fd;
  if (!path_convert("symlink", "src", a[0], 0, &src) ||
      !path_convert("symlink", "dst", a[1], 0, &dst) || !dir_fd_arg(a[3], &dir_fd)) {
    return nullptr;
  }
  if (::symlinkat(src.path.c_str(), dir_fd, dst.path.c_str()) < 0) {
    return raise_path_error2(src, dst);
  }
  return none_ref();
}

Object* os_readlink(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"path", "dir_fd", nullptr};
  static const ArgSpec spec{"readlink", names, 1, 1};
  Object* a[2];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  PathArg p;
  int dir_fd;
  if (!path_convert("readlink", "path", a[0], 0, &p) || !dir_fd_arg(a[1], &dir_fd)) return nullptr;
  std::string buf(PATH_MAX, '\0');
  ssize_t n = ::readlinkat(dir_fd, p.path.c_str(), buf.data(), buf.size());
  if (n < 0) return raise_path_error(p);
  buf.resize(size_t(n));
  return fs_name_to_object(buf, p.is_bytes);
}

Object* os_access(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"path", "mode", "dir_fd", "effective_ids", "follow_symlinks",
                                      nullptr};
  static const ArgSpec spec{"access", names, 2, 2};
  Object* a[5];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  PathArg p;
  long long mode;
  int dir_fd;
  bool effective, follow;
  if (!path_convert("access", "path", a[0], 0, &p) || !int_arg(a[1], 0, &mode) ||
      !dir_fd_arg(a[2], &dir_fd) || !bool_arg(a[3], false, &effective) ||
      !bool_arg(a[4], true, &follow)) {
    return nullptr;
  }
  int flags = (effective ? AT_EACCESS : 0) | (follow ? 0 : AT_SYMLINK_NOFOLLOW);
  return bool_from(::faccessat(dir_fd, p.path.c_str(), int(mode), flags) == 0);
}

Object* os_chmod(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"path", "mode", "dir_fd", "follow_symlinks", nullptr};
  static const ArgSpec spec{"chmod", names, 2, 2};
  Object* a[4];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  PathArg p;
  long long mode;
  int dir_fd;
  bool follow;
  if (!path_convert("chmod", "path", a[0], PATH_ALLOW_FD, &p) || !int_arg(a[1], 0, &mode) ||
      !dir_fd_arg(a[2], &dir_fd) || !bool_arg(a[3], true, &follow)) {
    return nullptr;
  }
  int r = p.fd >= 0 ? ::fchmod(p.fd, mode_t(mode))
                    : ::fchmodat(dir_fd, p.path.c_str(), mode_t(mode),
                                 follow ? 0 : AT_SYMLINK_NOFOLLOW);
  if (r < 0) return raise_path_error(p);
  return none_ref();
}

Object* os_fchmod(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"fd", "mode", nullptr};
  static const ArgSpec spec{"fchmod", names, 2, 2};
  Object* a[2];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  int fd;
  long long mode;
  if (!fd_convert(a[0], &fd) || !int_arg(a[1], 0, &mode)) return nullptr;
  if (::fchmod(fd, mode_t(mode)) < 0) return raise_errno();
  return none_ref();
}

Object* os_umask(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"mask", nullptr};
  static const ArgSpec spec{"umask", names, 1, 1};
  Object* a[1];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  long long mask;
  if (!int_arg(a[0], 0, &mask)) return nullptr;
  return int_from_i64(::umask(mode_t(mask)));
}

// A time value of utime's `times` tuple (int or float seconds) as a timespec.
bool time_to_timespec(Object* o, struct timespec* ts) {
  if (float_check(o)) {
    double d = float_value(o);
    if (std::isnan(d)) {
      err_set_string(&Exc_ValueError, "Invalid value NaN (not a number)");
      return false;
    }
    double secs = std::floor(d);
    ts->tv_sec = time_t(secs);
    ts->tv_nsec = long(std::round((d - secs) * 1e9));
    if (ts->tv_nsec >= 1000000000) {
      ts->tv_sec += 1;
      ts->tv_nsec -= 1000000000;
    }
    return true;
  }
  if (!int_check(o)) {
    err_format(&Exc_TypeError, "unsupported type for timestamp: '%T'", o);
    return false;
  }
  bool overflow = false;
  int64_t v = int_as_i64(o, &overflow);
  if (overflow) {
    err_set_string(&Exc_OverflowError, "timestamp out of range for platform time_t");
    return false;
  }
  ts->tv_sec = time_t(v);
  ts->tv_nsec = 0;
  return true;
}

Object* os_utime(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"path", "times", "ns", "dir_fd", "follow_symlinks", nullptr};
  static const ArgSpec spec{"utime", names, 1, 2};
  Object* a[5];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  PathArg p;
  int dir_fd;
  bool follow;
  if (!path_convert("utime", "path", a[0], PATH_ALLOW_FD, &p) || !dir_fd_arg(a[3], &dir_fd) ||
      !bool_arg(a[4], true, &follow)) {
    return nullptr;
  }
  Object* times = a[1] && a[1] != None ? a[1] : nullptr;
  Object* ns = a[2];
  if (times && ns) {
    return err_format(&Exc_ValueError,
                      "utime: you may specify either 'times' or 'ns' but not both");
  }
  struct timespec ts[2];
  struct timespec* tsp = nullptr;
  if (times) {
    if (!tuple_check(times) || tuple_size(times) != 2) {
      return err_format(&Exc_TypeError,
                        "utime: 'times' must be either a tuple of two ints or None");
    }
    if (!time_to_timespec(tuple_get_borrowed(times, 0), &ts[0]) ||
        !time_to_timespec(tuple_get_borrowed(times, 1), &ts[1])) {
      return nullptr;
    }
    tsp = ts;
  } else if (ns) {
    if (!tuple_check(ns) || tuple_size(ns) != 2) {
      return err_format(&Exc_TypeError, "utime: 'ns' must be a tuple of two ints");
    }
    for (int i = 0; i < 2; ++i) {
      Object* v = tuple_get_borrowed(ns, i);
      if (!int_check(v)) {
        return err_format(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", v);
      }
      bool overflow = false;
      int64_t n = int_as_i64(v, &overflow);
      if (overflow) return err_format(&Exc_OverflowError, "timestamp too large");
      int64_t sec = n / 1000000000, rem = n % 1000000000;
      if (rem < 0) {
        rem += 1000000000;
        sec -= 1;
      }
      ts[i].tv_sec = time_t(sec);
      ts[i].tv_nsec = long(rem);
    }
    tsp = ts;
  }
  int r = p.fd >= 0 ? ::futimens(p.fd, tsp)
                    : ::utimensat(dir_fd, p.path.c_str(), tsp, follow ? 0 : AT_SYMLINK_NOFOLLOW);
  if (r < 0) return raise_path_error(p);
  return none_ref();
}

Object* os_truncate(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"path", "length", nullptr};
  static const ArgSpec spec{"truncate", names, 2, 2};
  Object* a[2];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  PathArg p;
  if (!path_convert("truncate", "path", a[0], PATH_ALLOW_FD, &p)) return nullptr;
  ssize length = number_as_ssize(a[1], &Exc_OverflowError);
  if (length == -1 && err_occurred()) return nullptr;
  int r = p.fd >= 0 ? sys_ftruncate(p.fd, off_t(length))
                    : blocking_call([&] { return ::truncate(p.path.c_str(), off_t(length)); });
  if (r < 0) return raise_path_error(p);
  return none_ref();
}

const MethodDef kFsFunctions[] = {
    {"stat", os_stat, METH_DEFAULT, "Perform a stat system call on the given path."},
    {"lstat", os_lstat, METH_DEFAULT, "Perform a stat system call on the given path, without following symbolic links."},
    {"fstat", os_fstat, METH_DEFAULT, "Perform a stat system call on the given file descriptor."},
    {"getcwd", os_getcwd, METH_DEFAULT, "Return a unicode string representing the current working directory."},
    {"getcwdb", os_getcwdb, METH_DEFAULT, "Return a bytes string representing the current working directory."},
    {"chdir", os_chdir, METH_DEFAULT, "Change the current working directory to the specified path."},
    {"listdir", os_listdir, METH_DEFAULT, "Return a list containing the names of the files in the directory."},
    {"mkdir", os_mkdir, METH_DEFAULT, "Create a directory."},
    {"makedirs", os_makedirs, METH_DEFAULT, "Super-mkdir; create a leaf directory and all intermediate ones."},
    {"remove", os_remove, METH_DEFAULT, "Remove a file (same as unlink())."},
    {"unlink", os_unlink, METH_DEFAULT, "Remove a file (same as remove())."},
    {"rmdir", os_rmdir, METH_DEFAULT, "Remove a directory."},
    {"removedirs", os_removedirs, METH_DEFAULT, "Super-rmdir; remove a leaf directory and all empty intermediate ones."},
    {"rename", os_rename, METH_DEFAULT, "Rename a file or directory."},
    {"replace", os_replace, METH_DEFAULT, "Rename a file or directory, overwriting the destination."},
    {"link", os_link, METH_DEFAULT, "Create a hard link to a file."},
    {"symlink", os_symlink, METH_DEFAULT, "Create a symbolic link pointing to src named dst."},
    {"readlink", os_readlink, METH_DEFAULT, "Return a string representing the path to which the symbolic link points."},
    {"access", os_access, METH_DEFAULT, "Use the real uid/gid to test for access to a path."},
    {"chmod", os_chmod, METH_DEFAULT, "Change the access permissions of a file."},
    {"fchmod", os_fchmod, METH_DEFAULT, "Change the access permissions of the file given by file descriptor fd."},
    {"umask", os_umask, METH_DEFAULT, "Set the current numeric umask and return the previous umask."},
    {"utime", os_utime, METH_DEFAULT, "Set the access and modified time of path."},
    {"truncate", os_truncate, METH_DEFAULT, "Truncate a file, specified by path, to a specific length."},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

int os_fs_add(Object* module) { return module_add_functions(module, kFsFunctions); }

}  // namespace gilpy

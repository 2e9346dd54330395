// os: file descriptors, processes and the environment (see modules/os.cpp for the layout).
//
//  - The fd API (open/read/write/close/dup/dup2/pipe/lseek/fsync/isatty) is a thin layer over the
//    system calls; read/write/waitpid/fsync/open go through os_syscalls.h (GIL release point).
//    New descriptors are non-inheritable (O_CLOEXEC), as in CPython (PEP 446).
//  - fork runs the callables stored by register_at_fork: `before` in reverse registration order,
//    then `after_in_child` / `after_in_parent` in registration order; errors in them are reported
//    as unraisable and ignored, as CPython does.
//  - os.environ is an `os._Environ`: a str->str dict snapshot of the process environment taken
//    at import, whose mutations are mirrored to setenv/unsetenv (CPython's semantics: putenv does
//    not update os.environ). getenv reads os.environ.
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/random.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <string>
#include <vector>

#include "core/abstract.h"
#include "core/args.h"
#include "core/error.h"
#include "modules/os_internal.h"
#include "modules/os_syscalls.h"
#include "objects/bytesobject.h"
#include "objects/containers.h"
#include "objects/exceptions.h"
#include "objects/intobject.h"
#include "objects/moduleobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"
#include "objects/structseq.h"
#include "vm/gil.h"
#include "vm/import.h"
#include "vm/state.h"

extern char** environ;

namespace gilpy {

namespace {

bool i64_param(Object* o, int64_t* out) {
  Ref i = Ref::steal(number_index(o));
  if (!i) return false;
  bool overflow = false;
  *out = int_as_i64(i.get(), &overflow);
  if (overflow) {
    err_set_string(&Exc_OverflowError, "Python int too large to convert to C long");
    return false;
  }
  return true;
}

// ---- file descriptors ---------------------------------------------------------------------------

Object* os_open(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"path", "flags", "mode", "dir_fd", nullptr};
  static const ArgSpec spec{"open", names, 2, 3};
  Object* a[4];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  PathArg p;
  int flags, mode = 0777, dir_fd = AT_FDCWD;
  if (!path_convert("open", "path", a[0], 0, &p) || !index_as_int(a[1], &flags) ||
      (a[2] && !index_as_int(a[2], &mode)) || (a[3] && a[3] != None && !fd_convert(a[3], &dir_fd))) {
    return nullptr;
  }
  int fd = blocking_call(
      [&] { return ::openat(dir_fd, p.path.c_str(), flags | O_CLOEXEC, mode_t(mode)); });
  if (fd < 0) return raise_path_error(p);
  return int_from_i64(fd);
}

Object* os_read(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("read", kwnames) || !check_positional("read", nargs, 2, 2)) return nullptr;
  int fd;
  int64_t length;
  if (!index_as_int(args[0], &fd) || !i64_param(args[1], &length)) return nullptr;
  if (length < 0) {
    errno = EINVAL;
    return raise_errno();
  }
  Ref buf = Ref::steal(bytes_new_uninit(ssize(length)));
  if (!buf) return nullptr;
  ssize_t n = sys_read(fd, bytes_data(buf.get()), size_t(length));
  if (n < 0) return raise_errno();
  if (n == length) return buf.release();
  return bytes_from(bytes_data(buf.get()), ssize(n));
}

Object* os_write(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("write", kwnames) || !check_positional("write", nargs, 2, 2)) return nullptr;
  int fd;
  if (!index_as_int(args[0], &fd)) return nullptr;
  ByteView v;
  if (!get_byte_view(args[1], &v)) return nullptr;
  ssize_t n = sys_write(fd, v.data, size_t(v.size));
  if (n < 0) return raise_errno();
  return int_from_i64(n);
}

Object* os_close(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"fd", nullptr};
  static const ArgSpec spec{"close", names, 1, 1};
  Object* a[1];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  int fd;
  if (!index_as_int(a[0], &fd)) return nullptr;
  if (sys_close(fd) < 0) return raise_errno();
  return none_ref();
}

Object* os_closerange(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("closerange", kwnames) || !check_positional("closerange", nargs, 2, 2)) {
    return nullptr;
  }
  int lo, hi;
  if (!index_as_int(args[0], &lo) || !index_as_int(args[1], &hi)) return nullptr;
  for (int fd = lo < 0 ? 0 : lo; fd < hi; ++fd) ::close(fd);
  return none_ref();
}

Object* os_dup(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("dup", nargs, kwnames)) return nullptr;
  int fd;
  if (!index_as_int(args[0], &fd)) return nullptr;
  int r = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);
  if (r < 0) return raise_errno();
  return int_from_i64(r);
}

Object* os_dup2(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"fd", "fd2", "inheritable", nullptr};
  static const ArgSpec spec{"dup2", names, 2, 3};
  Object* a[3];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  int fd, fd2;
  if (!index_as_int(a[0], &fd) || !index_as_int(a[1], &fd2)) return nullptr;
  bool inheritable;
  if (!bool_arg(a[2], true, &inheritable)) return nullptr;
  int r = inheritable || fd == fd2 ? ::dup2(fd, fd2) : ::dup3(fd, fd2, O_CLOEXEC);
  if (r < 0) return raise_errno();
  return int_from_i64(r);
}

Object* os_pipe(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("pipe", nargs, kwnames)) return nullptr;
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) < 0) return raise_errno();
  Ref r = Ref::steal(int_from_i64(fds[0]));
  Ref w = Ref::steal(int_from_i64(fds[1]));
  if (!r || !w) return nullptr;
  return tuple_pack(2, r.get(), w.get());
}

Object* os_lseek(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("lseek", kwnames) || !check_positional("lseek", nargs, 3, 3)) return nullptr;
  int fd, how;
  int64_t pos;
  if (!index_as_int(args[0], &fd) || !i64_param(args[1], &pos) || !index_as_int(args[2], &how)) {
    return nullptr;
  }
  off_t r = ::lseek(fd, off_t(pos), how);
  if (r < 0) return raise_errno();
  return int_from_i64(r);
}

// fsync(fd): an int or an object with fileno().
bool fileno_arg(Object* o, int* fd) {
  if (int_check(o)) return index_as_int(o, fd);
  Ref name = Ref::steal(str_from_cstr("fileno"));
  if (!name) return false;
  if (!type_lookup_borrowed(type_of(o), name.get())) {
    err_set_string(&Exc_TypeError, "argument must be an int, or have a fileno() method.");
    return false;
  }
  Ref r = Ref::steal(call_method0(o, "fileno"));
  if (!r) return false;
  if (!int_check(r.get())) {
    err_format(&Exc_TypeError, "fileno() returned a non-integer");
    return false;
  }
  return index_as_int(r.get(), fd);
}

Object* os_fsync(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"fd", nullptr};
  static const ArgSpec spec{"fsync", names, 1, 1};
  Object* a[1];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  int fd;
  if (!fileno_arg(a[0], &fd)) return nullptr;
  if (sys_fsync(fd) < 0) return raise_errno();
  return none_ref();
}

Object* os_ftruncate(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("ftruncate", kwnames) || !check_positional("ftruncate", nargs, 2, 2)) {
    return nullptr;
  }
  int fd;
  int64_t length;
  if (!index_as_int(args[0], &fd) || !i64_param(args[1], &length)) return nullptr;
  if (sys_ftruncate(fd, off_t(length)) < 0) return raise_errno();
  return none_ref();
}

Object* os_isatty(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("isatty", nargs, kwnames)) return nullptr;
  int fd;
  if (!index_as_int(args[0], &fd)) return nullptr;
  return bool_from(::isatty(fd));
}

// The two per-descriptor flags that os exposes as booleans which are true when the bit is clear:
// inheritable (FD_CLOEXEC in F_GETFD/F_SETFD) and blocking (O_NONBLOCK in F_GETFL/F_SETFL).
struct FdFlag {
  int get_cmd, set_cmd, bit;
};
constexpr FdFlag kInheritableFlag{F_GETFD, F_SETFD, FD_CLOEXEC};
constexpr FdFlag kBlockingFlag{F_GETFL, F_SETFL, O_NONBLOCK};

Object* get_fd_flag(const FdFlag& f, Object* const* args, ssize nargs, Object* kwnames,
                    const char* fname) {
  if (!check_one_arg(fname, nargs, kwnames)) return nullptr;
  int fd;
  if (!index_as_int(args[0], &fd)) return nullptr;
  int flags = ::fcntl(fd, f.get_cmd);
  if (flags < 0) return raise_errno();
  return bool_from(!(flags & f.bit));
}

Object* set_fd_flag(const FdFlag& f, Object* const* args, ssize nargs, Object* kwnames,
                    const char* fname) {
  if (!check_no_kwargs(fname, kwnames) || !check_positional(fname, nargs, 2, 2)) return nullptr;
  int fd;
  if (!index_as_int(args[0], &fd)) return nullptr;
  int on = object_is_true(args[1]);
  if (on < 0) return nullptr;
  int flags = ::fcntl(fd, f.get_cmd);
  if (flags < 0) return raise_errno();
  int updated = on ? flags & ~f.bit : flags | f.bit;
  if (updated != flags && ::fcntl(fd, f.set_cmd, updated) < 0) return raise_errno();
  return none_ref();
}

Object* os_get_inheritable(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  return get_fd_flag(kInheritableFlag, args, nargs, kwnames, "posix.get_inheritable");
}
Object* os_set_inheritable(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  return set_fd_flag(kInheritableFlag, args, nargs, kwnames, "set_inheritable");
}
Object* os_get_blocking(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  return get_fd_flag(kBlockingFlag, args, nargs, kwnames, "posix.get_blocking");
}
Object* os_set_blocking(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  return set_fd_flag(kBlockingFlag, args, nargs, kwnames, "set_blocking");
}

Object* os_get_terminal_size(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("get_terminal_size", kwnames) ||
      !check_positional("get_terminal_size", nargs, 0, 1)) {
    return nullptr;
  }
  int fd = 1;
  if (nargs == 1 && !index_as_int(args[0], &fd)) return nullptr;
  struct winsize w;
  if (::ioctl(fd, TIOCGWINSZ, &w) < 0) return raise_errno();
  if (!os_stat_types_ready()) return nullptr;
  Ref cols = Ref::steal(int_from_i64(w.ws_col));
  Ref lines = Ref::steal(int_from_i64(w.ws_row));
  if (!cols || !lines) return nullptr;
  Object* values[2] = {cols.get(), lines.get()};
  return structseq_new(os_terminal_size_type(), values);
}

// ---- processes ----------------------------------------------------------------------------------

Object* g_fork_before = nullptr;    // list of callables
Object* g_fork_child = nullptr;
Object* g_fork_parent = nullptr;

Object* os_register_at_fork(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"before", "after_in_child", "after_in_parent", nullptr};
  static const ArgSpec spec{"register_at_fork", names, 0, 0};
  Object* a[3];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  if (!a[0] && !a[1] && !a[2]) {
    return err_format(&Exc_TypeError, "At least one argument is required.");
  }
  for (int i = 0; i < 3; ++i) {
    if (a[i] && !callable_check(a[i])) {
      return err_format(&Exc_TypeError, "'%s' must be callable, not %T", names[i], a[i]);
    }
  }
  Object** lists[3] = {&g_fork_before, &g_fork_child, &g_fork_parent};
  for (int i = 0; i < 3; ++i) {
    if (!a[i]) continue;
    if (!*lists[i]) {
      *lists[i] = list_new(0);
      if (!*lists[i]) return nullptr;
    }
    if (list_append(*lists[i], a[i]) < 0) return nullptr;
  }
  return none_ref();
}

void run_fork_hooks(Object* list, bool reverse) {
  if (!list) return;
  Ref snapshot = Ref::steal(list_get_slice(list, 0, list_size(list)));
  if (!snapshot) {
    err_write_unraisable(nullptr);
    return;
  }
  ssize n = list_size(snapshot.get());
  for (ssize k = 0; k < n; ++k) {
    Object* fn = list_get_borrowed(snapshot.get(), reverse ? n - 1 - k : k);
    Ref r = Ref::steal(call0(fn));
    if (!r) err_write_unraisable(fn);
  }
}

// CPython 3.12's DeprecationWarning in the parent when the process had other threads at fork.
// CPython counts the OS's threads (/proc/self/stat); gilpy counts the threads that have a thread
// state (every thread that runs Python code, including native threads attached through the
// extension API): the same figure for Python programs, but exact at once after a join (an OS thread
// lingers for a moment after releasing its join lock) and blind to a sanitizer's own threads.
// Its failures, even an error raised by an "error" warnings filter, are ignored, as in 3.12.
void warn_about_fork_with_threads(const char* name) {
  long n = 0;
  for (ThreadState* t = main_interpreter()->threads; t; t = t->next) ++n;
  if (n <= 1) return;
  Ref warnings = Ref::steal(import_module("warnings"));
  Ref warn = warnings ? Ref::steal(object_getattr_str(warnings.get(), "warn")) : Ref();
  std::string text = "This process (pid=" + std::to_string(::getpid()) +
                     ") is multi-threaded, use of " + name + "() may lead to deadlocks in the child.";
  Ref msg = Ref::steal(str_from_utf8(text));
  if (warn && msg) {
    Ref r = Ref::steal(call2(warn.get(), msg.get(), &Exc_DeprecationWarning));
  }
  err_clear();
}

Object* os_fork(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("fork", nargs, kwnames)) return nullptr;
  run_fork_hooks(g_fork_before, true);
  // The GIL stays held across fork(): no other thread touches objects while the child is copied,
  // and the child starts as the GIL's holder (runtime_after_fork_child).
  runtime_before_fork();
  pid_t pid = ::fork();
  int saved = errno;
  if (pid == 0) {
    runtime_after_fork_child(tstate());
    run_fork_hooks(g_fork_child, false);
  } else {
    runtime_after_fork_parent();
    warn_about_fork_with_threads("fork");
    run_fork_hooks(g_fork_parent, false);
  }
  if (pid < 0) {
    errno = saved;
    return raise_errno();
  }
  return int_from_i64(pid);
}

Object* status_pair(pid_t pid, int status) {
  Ref p = Ref::steal(int_from_i64(pid));
  Ref s = Ref::steal(int_from_i64(status));
  if (!p || !s) return nullptr;
  return tuple_pack(2, p.get(), s.get());
}

Object* os_waitpid(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("waitpid", kwnames) || !check_positional("waitpid", nargs, 2, 2)) {
    return nullptr;
  }
  int pid, options;
  if (!index_as_int(args[0], &pid) || !index_as_int(args[1], &options)) return nullptr;
  int status = 0;
  pid_t r = sys_waitpid(pid, &status, options);
  if (r < 0) return raise_errno();
  return status_pair(r, status);
}

Object* os_wait(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("wait", nargs, kwnames)) return nullptr;
  int status = 0;
  pid_t r = sys_waitpid(-1, &status, 0);
  if (r < 0) return raise_errno();
  return status_pair(r, status);
}

Object* os_waitstatus_to_exitcode(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"status", nullptr};
  static const ArgSpec spec{"waitstatus_to_exitcode", names, 1, 1};
  Object* a[1];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  int status;
  if (!index_as_int(a[0], &status)) return nullptr;
  if (WIFEXITED(status)) return int_from_i64(WEXITSTATUS(status));
  if (WIFSIGNALED(status)) return int_from_i64(-WTERMSIG(status));
  return err_format(&Exc_ValueError, "invalid wait status: %d", status);
}

// WIFEXITED & co: one function per macro, `status` may be given by keyword.
template <int (*F)(int), bool Bool>
Object* wait_macro(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"status", nullptr};
  static const ArgSpec spec{"W", names, 1, 1};
  Object* a[1];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  int status;
  if (!index_as_int(a[0], &status)) return nullptr;
  int v = F(status);
  return Bool ? bool_from(v) : int_from_i64(v);
}
int w_ifexited(int s) { return WIFEXITED(s); }
int w_exitstatus(int s) { return WEXITSTATUS(s); }
int w_ifsignaled(int s) { return WIFSIGNALED(s); }
int w_termsig(int s) { return WTERMSIG(s); }
int w_ifstopped(int s) { return WIFSTOPPED(s); }
int w_stopsig(int s) { return WSTOPSIG(s); }
int w_coredump(int s) { return WCOREDUMP(s); }
int w_ifcontinued(int s) { return WIFCONTINUED(s); }

Object* os__exit(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"status", nullptr};
  static const ArgSpec spec{"_exit", names, 1, 1};
  Object* a[1];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  int status;
  if (!index_as_int(a[0], &status)) return nullptr;
  ::_exit(status);
}

Object* os_kill(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("kill", kwnames) || !check_positional("kill", nargs, 2, 2)) return nullptr;
  int pid, sig;
  if (!index_as_int(args[0], &pid) || !index_as_int(args[1], &sig)) return nullptr;
  if (::kill(pid, sig) < 0) return raise_errno();
  return none_ref();
}

template <pid_t (*F)()>
Object* pid_getter(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("getpid", nargs, kwnames)) return nullptr;
  return int_from_i64(F());
}
pid_t get_pid() { return ::getpid(); }
pid_t get_ppid() { return ::getppid(); }
pid_t get_pgrp() { return ::getpgrp(); }
pid_t get_uid() { return pid_t(::getuid()); }
pid_t get_euid() { return pid_t(::geteuid()); }
pid_t get_gid() { return pid_t(::getgid()); }
pid_t get_egid() { return pid_t(::getegid()); }

Object* os_getpgid(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"pid", nullptr};
  static const ArgSpec spec{"getpgid", names, 1, 1};
  Object* a[1];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  int pid;
  if (!index_as_int(a[0], &pid)) return nullptr;
  pid_t r = ::getpgid(pid);
  if (r < 0) return raise_errno();
  return int_from_i64(r);
}

Object* os_system(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"command", nullptr};
  static const ArgSpec spec{"system", names, 1, 1};
  Object* a[1];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  PathArg cmd;
  if (!path_convert("system", "command", a[0], 0, &cmd)) return nullptr;
  int r;
  {
    BlockingSection section;
    r = ::system(cmd.path.c_str());
  }
  return int_from_i64(r);
}

// ---- misc ---------------------------------------------------------------------------------------

Object* os_strerror(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("strerror", nargs, kwnames)) return nullptr;
  int code;
  if (!index_as_int(args[0], &code)) return nullptr;
  return str_from_cstr(::strerror(code));
}

Object* os_urandom(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("urandom", nargs, kwnames)) return nullptr;
  int64_t size;
  if (!i64_param(args[0], &size)) return nullptr;
  if (size < 0) return err_format(&Exc_ValueError, "negative argument not allowed");
  Ref b = Ref::steal(bytes_new_uninit(ssize(size)));
  if (!b) return nullptr;
  char* p = bytes_data(b.get());
  size_t done = 0;
  while (done < size_t(size)) {
    ssize_t n = ::getrandom(p + done, size_t(size) - done, 0);
    if (n < 0) {
      if (errno == EINTR) continue;
      return raise_errno();
    }
    done += size_t(n);
  }
  return b.release();
}

Object* os_cpu_count(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("cpu_count", nargs, kwnames)) return nullptr;
  long n = ::sysconf(_SC_NPROCESSORS_ONLN);
  if (n < 1) return none_ref();
  return int_from_i64(n);
}

// ---- environ ------------------------------------------------------------------------------------

TypeObject EnvironType;

struct EnvironObject : Object {
  Object* data;  // dict str -> str
};

Object* g_environ = nullptr;

bool env_str(Object* o) {
  if (!str_check(o)) {
    err_format(&Exc_TypeError, "str expected, not %T", o);
    return false;
  }
  return true;
}

Object* env_data(Object* self) { return static_cast<EnvironObject*>(self)->data; }

Object* env_getitem(Object* self, Object* key) {
  if (!env_str(key)) return nullptr;
  Object* v = dict_get_borrowed(env_data(self), key);
  if (!v) {
    if (!err_occurred()) err_set_key_error(key);
    return nullptr;
  }
  return newref(v);
}

// putenv's checks: '=' in the name is a ValueError; an empty name reaches setenv (EINVAL).
bool env_validate_name(Object* key, std::string& name) {
  name = std::string(str_view(key));
  if (name.find('=') != std::string::npos) {
    err_set_string(&Exc_ValueError, "illegal environment variable name");
    return false;
  }
  if (name.find('\0') != std::string::npos) {
    err_set_string(&Exc_ValueError, "embedded null byte");
    return false;
  }
  return true;
}

int env_setitem(Object* self, Object* key, Object* value) {
  if (!env_str(key)) return -1;
  std::string name;
  if (!value) {
    // del environ[key]: unsetenv (EINVAL for '' or '='), then KeyError if it was not in the
    // mapping.
    name = std::string(str_view(key));
    if (name.find('\0') != std::string::npos) {
      err_set_string(&Exc_ValueError, "embedded null byte");
      return -1;
    }
    if (::unsetenv(name.c_str()) < 0) {
      raise_errno();
      return -1;
    }
    int has = dict_contains(env_data(self), key);
    if (has < 0) return -1;
    if (!has) {
      err_set_key_error(key);
      return -1;
    }
    return dict_delitem(env_data(self), key);
  }
  if (!env_str(value)) return -1;
  if (!env_validate_name(key, name)) return -1;
  std::string v(str_view(value));
  if (v.find('\0') != std::string::npos) {
    err_set_string(&Exc_ValueError, "embedded null byte");
    return -1;
  }
  if (::setenv(name.c_str(), v.c_str(), 1) < 0) {
    raise_errno();
    return -1;
  }
  return dict_setitem(env_data(self), key, value);
}

int env_contains(Object* self, Object* key) {
  if (!env_str(key)) return -1;
  return dict_contains(env_data(self), key);
}

ssize env_len(Object* self) { return dict_size(env_data(self)); }

Object* env_iter(Object* self) {
  Ref keys = Ref::steal(dict_keys_list(env_data(self)));
  if (!keys) return nullptr;
  return object_getiter(keys.get());
}

Object* env_repr(Object* self) {
  StrWriter w;
  w.append("environ(");
  if (!w.append_repr(env_data(self))) return nullptr;
  w.append(")");
  return w.finish();
}

void env_dealloc(Object* self) {
  xdecref(static_cast<EnvironObject*>(self)->data);
  object_free(self);
}

Object* env_get(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("get", kwnames) || !check_positional("get", nargs, 1, 2)) return nullptr;
  if (!env_str(args[0])) return nullptr;
  Object* v = dict_get_borrowed(env_data(self), args[0]);
  if (v) return newref(v);
  if (err_occurred()) return nullptr;
  return newref(nargs > 1 ? args[1] : None);
}

Object* env_setdefault(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("setdefault", kwnames) || !check_positional("setdefault", nargs, 1, 2)) {
    return nullptr;
  }
  if (!env_str(args[0])) return nullptr;
  Object* v = dict_get_borrowed(env_data(self), args[0]);
  if (v) return newref(v);
  if (err_occurred()) return nullptr;
  Object* dflt = nargs > 1 ? args[1] : None;
  if (env_setitem(self, args[0], dflt) < 0) return nullptr;
  return newref(dflt);
}

Object* env_pop(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("pop", kwnames) || !check_positional("pop", nargs, 1, 2)) return nullptr;
  if (!env_str(args[0])) return nullptr;
  Object* v = dict_get_borrowed(env_data(self), args[0]);
  if (!v) {
    if (err_occurred()) return nullptr;
    if (nargs > 1) return newref(args[1]);
    err_set_key_error(args[0]);
    return nullptr;
  }
  Ref value = Ref::borrow(v);
  if (env_setitem(self, args[0], nullptr) < 0) return nullptr;
  return value.release();
}

Object* env_keys(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("keys", nargs, kwnames)) return nullptr;
  return call_method0(env_data(self), "keys");
}
Object* env_values(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("values", nargs, kwnames)) return nullptr;
  return call_method0(env_data(self), "values");
}
Object* env_items(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("items", nargs, kwnames)) return nullptr;
  return call_method0(env_data(self), "items");
}
Object* env_copy(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("copy", nargs, kwnames)) return nullptr;
  return dict_copy(env_data(self));
}

Object* env_update(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_positional("update", nargs, 0, 1)) return nullptr;
  Ref tmp = Ref::steal(dict_new());
  if (!tmp) return nullptr;
  if (nargs == 1) {
    Ref keys_name = Ref::steal(str_from_cstr("keys"));
    if (!keys_name) return nullptr;
    int has_keys = object_hasattr(args[0], keys_name.get());
    if (has_keys < 0) return nullptr;
    if ((has_keys ? dict_merge(tmp.get(), args[0], true)
                  : dict_update_from_seq2(tmp.get(), args[0])) < 0) {
      return nullptr;
    }
  }
  ssize nkw = kwnames ? tuple_size(kwnames) : 0;
  for (ssize i = 0; i < nkw; ++i) {
    if (dict_setitem(tmp.get(), tuple_get_borrowed(kwnames, i), args[nargs + i]) < 0) return nullptr;
  }
  ssize pos = 0;
  Object *k, *v;
  while (dict_next(tmp.get(), &pos, &k, &v)) {
    if (env_setitem(self, k, v) < 0) return nullptr;
  }
  return none_ref();
}

Object* env_clear(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("clear", nargs, kwnames)) return nullptr;
  Ref keys = Ref::steal(dict_keys_list(env_data(self)));
  if (!keys) return nullptr;
  for (ssize i = 0; i < list_size(keys.get()); ++i) {
    if (env_setitem(self, list_get_borrowed(keys.get(), i), nullptr) < 0) return nullptr;
  }
  return none_ref();
}

const MethodDef kEnvironMethods[] = {
    {"get", env_get, METH_DEFAULT, nullptr},
    {"setdefault", env_setdefault, METH_DEFAULT, nullptr},
    {"pop", env_pop, METH_DEFAULT, nullptr},
    {"keys", env_keys, METH_DEFAULT, nullptr},
    {"values", env_values, METH_DEFAULT, nullptr},
    {"items", env_items, METH_DEFAULT, nullptr},
    {"copy", env_copy, METH_DEFAULT, nullptr},
    {"update", env_update, METH_DEFAULT, nullptr},
    {"clear", env_clear, METH_DEFAULT, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

Object* make_environ() {
  TypeObject* t = &EnvironType;
  if (!(t->flags & TPFLAG_READY)) {
    t->ob_type = &TypeType;
    make_immortal(t);
    t->name = "os._Environ";
    t->basicsize = sizeof(EnvironObject);
    t->dealloc = env_dealloc;
    t->repr = env_repr;
    t->getitem = env_getitem;
    t->setitem = env_setitem;
    t->contains = env_contains;
    t->len = env_len;
    t->iter = env_iter;
    t->methods = kEnvironMethods;
    if (type_ready(t) < 0) return nullptr;
    t->new_ = nullptr;  // not instantiable from Python
  }
  Ref data = Ref::steal(dict_new());
  if (!data) return nullptr;
  for (char** e = environ; e && *e; ++e) {
    const char* eq = std::strchr(*e, '=');
    if (!eq || eq == *e) continue;
    Ref k = Ref::steal(fs_name_to_object(std::string_view(*e, size_t(eq - *e)), false));
    Ref v = Ref::steal(fs_name_to_object(eq + 1, false));
    if (!k || !v) return nullptr;
    // The first definition wins, as getenv() would see it.
    int has = dict_contains(data.get(), k.get());
    if (has < 0 || (!has && dict_setitem(data.get(), k.get(), v.get()) < 0)) return nullptr;
  }
  auto* env = alloc_object<EnvironObject>(t);
  if (!env) return nullptr;
  env->data = data.release();
  return env;
}

Object* os_getenv(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"key", "default", nullptr};
  static const ArgSpec spec{"getenv", names, 1, 2};
  Object* a[2];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  if (!env_str(a[0])) return nullptr;
  Object* v = dict_get_borrowed(env_data(g_environ), a[0]);
  if (v) return newref(v);
  if (err_occurred()) return nullptr;
  return newref(a[1] ? a[1] : None);
}

Object* os_putenv(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("putenv", kwnames) || !check_positional("putenv", nargs, 2, 2)) return nullptr;
  PathArg name, value;
  if (!path_convert("putenv", "name", args[0], 0, &name) ||
      !path_convert("putenv", "value", args[1], 0, &value)) {
    return nullptr;
  }
  if (name.path.find('=') != std::string::npos) {
    return err_format(&Exc_ValueError, "illegal environment variable name");
  }
  if (::setenv(name.path.c_str(), value.path.c_str(), 1) < 0) return raise_errno();
  return none_ref();
}

Object* os_unsetenv(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("unsetenv", nargs, kwnames)) return nullptr;
  PathArg name;
  if (!path_convert("unsetenv", "name", args[0], 0, &name)) return nullptr;
  if (::unsetenv(name.path.c_str()) < 0) return raise_errno();
  return none_ref();
}

template <pid_t (*F)()>
constexpr MethodDef getter_def(const char* name, const char* doc) {
  return {name, pid_getter<F>, METH_DEFAULT, doc};
}

const MethodDef kProcFunctions[] = {
    {"open", os_open, METH_DEFAULT, "Open a file for low level IO.  Returns a file descriptor (integer)."},
    {"read", os_read, METH_DEFAULT, "Read from a file descriptor.  Returns a bytes object."},
    {"write", os_write, METH_DEFAULT, "Write a bytes object to a file descriptor."},
    {"close", os_close, METH_DEFAULT, "Close a file descriptor."},
    {"closerange", os_closerange, METH_DEFAULT, "Closes all file descriptors in [fd_low, fd_high), ignoring errors."},
    {"dup", os_dup, METH_DEFAULT, "Return a duplicate of a file descriptor."},
    {"dup2", os_dup2, METH_DEFAULT, "Duplicate file descriptor."},
    {"pipe", os_pipe, METH_DEFAULT, "Create a pipe."},
    {"lseek", os_lseek, METH_DEFAULT, "Set the position of a file descriptor.  Return the new position."},
    {"fsync", os_fsync, METH_DEFAULT, "Force write of fd to disk."},
    {"ftruncate", os_ftruncate, METH_DEFAULT, "Truncate a file, specified by file descriptor, to a specific length."},
    {"isatty", os_isatty, METH_DEFAULT, "Return True if the fd is connected to a terminal."},
    {"get_inheritable", os_get_inheritable, METH_DEFAULT, "Get the close-on-exe flag of the specified file descriptor."},
    {"set_inheritable", os_set_inheritable, METH_DEFAULT, "Set the inheritable flag of the specified file descriptor."},
    {"get_blocking", os_get_blocking, METH_DEFAULT, "Get the blocking mode of the file descriptor."},
    {"set_blocking", os_set_blocking, METH_DEFAULT, "Set the blocking mode of the specified file descriptor."},
    {"get_terminal_size", os_get_terminal_size, METH_DEFAULT, "Return the size of the terminal window as (columns, lines)."},
    {"register_at_fork", os_register_at_fork, METH_DEFAULT, "Register callables to be called when forking a new process."},
    {"fork", os_fork, METH_DEFAULT, "Fork a child process."},
    {"waitpid", os_waitpid, METH_DEFAULT, "Wait for completion of a given child process."},
    {"wait", os_wait, METH_DEFAULT, "Wait for completion of a child process."},
    {"waitstatus_to_exitcode", os_waitstatus_to_exitcode, METH_DEFAULT, "Convert a wait status to an exit code."},
    {"WIFEXITED", wait_macro<w_ifexited, true>, METH_DEFAULT, "Return True if the process returning status exited via the exit() system call."},
    {"WEXITSTATUS", wait_macro<w_exitstatus, false>, METH_DEFAULT, "Return the process return code from status."},
    {"WIFSIGNALED", wait_macro<w_ifsignaled, true>, METH_DEFAULT, "Return True if the process returning status was terminated by a signal."},
    {"WTERMSIG", wait_macro<w_termsig, false>, METH_DEFAULT, "Return the signal that terminated the process that provided the status value."},
    {"WIFSTOPPED", wait_macro<w_ifstopped, true>, METH_DEFAULT, "Return True if the process returning status was stopped."},
    {"WSTOPSIG", wait_macro<w_stopsig, false>, METH_DEFAULT, "Return the signal that stopped the process that provided the status value."},
    {"WCOREDUMP", wait_macro<w_coredump, true>, METH_DEFAULT, "Return True if the process returning status was dumped to a core file."},
    {"WIFCONTINUED", wait_macro<w_ifcontinued, true>, METH_DEFAULT, "Return True if a particular process was continued from a job control stop."},
    {"_exit", os__exit, METH_DEFAULT, "Exit to the system with specified status, without normal exit processing."},
    {"kill", os_kill, METH_DEFAULT, "Kill a process with a signal."},
    getter_def<get_pid>("getpid", "Return the current process id."),
    getter_def<get_ppid>("getppid", "Return the parent's process id."),
    getter_def<get_pgrp>("getpgrp", "Return the current process group id."),
    getter_def<get_uid>("getuid", "Return the current process's user id."),
    getter_def<get_euid>("geteuid", "Return the current process's effective user id."),
    getter_def<get_gid>("getgid", "Return the current process's group id."),
    getter_def<get_egid>("getegid", "Return the current process's effective group id."),
    {"getpgid", os_getpgid, METH_DEFAULT, "Call the system call getpgid(), and return the result."},
    {"system", os_system, METH_DEFAULT, "Execute the command in a subshell."},
    {"strerror", os_strerror, METH_DEFAULT, "Translate an error code to a message string."},
    {"urandom", os_urandom, METH_DEFAULT, "Return a bytes object containing random bytes suitable for cryptographic use."},
    {"cpu_count", os_cpu_count, METH_DEFAULT, "Return the number of CPUs in the system; return None if indeterminable."},
    {"getenv", os_getenv, METH_DEFAULT, "Get an environment variable, return None if it doesn't exist."},
    {"putenv", os_putenv, METH_DEFAULT, "Change or add an environment variable."},
    {"unsetenv", os_unsetenv, METH_DEFAULT, "Delete an environment variable."},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

int os_proc_add(Object* module) {
  if (module_add_functions(module, kProcFunctions) < 0) return -1;
  if (!g_environ) {
    g_environ = make_environ();
    if (!g_environ) return -1;
  }
  return module_add_object(module, "environ", g_environ);
}

}  // namespace gilpy

// The `_posixsubprocess` module: fork_exec(), the fork + exec of subprocess.Popen done in C++
// (CPython's Modules/_posixsubprocess.c), so that no Python code runs in the child: after fork()
// only async-signal-safe calls are made (dup2, chdir, umask, signal, setsid, fcntl, execv(e),
// write, _exit), which is safe with other threads running in the parent.
//
// fork_exec(args, executable_list, close_fds, pass_fds, cwd, env,
//           p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite,
//           errpipe_read, errpipe_write, restore_signals, call_setsid, pgid_to_set,
//           gid, extra_groups, uid, child_umask, preexec_fn[, allow_vfork]) -> pid
// (CPython 3.12's order; gid/extra_groups/uid must be None and preexec_fn None here).
// args, executable_list, env entries and cwd are bytes (subprocess.py encodes them with
// os.fsencode). On failure before or at exec, the child writes "OSError:<hex errno>:<where>" to
// errpipe_write (where = "noexec:chdir", "noexec" or "" for the exec itself) and exits with 255;
// subprocess.py turns that into the OSError CPython raises.
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <string>
#include <vector>

#include "core/abstract.h"
#include "core/args.h"
#include "core/error.h"
#include "modules/modules.h"
#include "modules/os_syscalls.h"
#include "objects/bytesobject.h"
#include "objects/containers.h"
#include "objects/intobject.h"
#include "objects/moduleobject.h"
#include "objects/singletons.h"

namespace gilpy {

namespace {

bool bytes_list(Object* seq, const char* what, std::vector<std::string>* out) {
  Ref list = Ref::steal(sequence_list(seq));
  if (!list) return false;
  for (ssize i = 0; i < list_size(list.get()); ++i) {
    Object* o = list_get_borrowed(list.get(), i);
    if (!bytes_check(o)) {
      err_format(&Exc_TypeError, "expected bytes in %s, %s found", what, type_name(type_of(o)));
      return false;
    }
    std::string s(bytes_data(o), size_t(bytes_size(o)));
    if (s.find('\0') != std::string::npos) {
      err_set_string(&Exc_ValueError, "embedded null byte");
      return false;
    }
    out->push_back(std::move(s));
  }
  return true;
}

// --- child side (async-signal-safe only) ---

void write_all(int fd, const char* s, size_t n) {
  while (n > 0) {
    ssize_t r = ::write(fd, s, n);
    if (r < 0) {
      if (errno == EINTR) continue;
      return;
    }
    s += r;
    n -= size_t(r);
  }
}

[[noreturn]] void child_fail(int errpipe_write, int err, const char* where) {
  char buf[64];
  size_t n = 0;
  const char* prefix = "OSError:";
  for (const char* p = prefix; *p; ++p) buf[n++] = *p;
  char hex[16];
  int h = 0;
  unsigned v = unsigned(err);
  do {
    hex[h++] = "0123456789abcdef"[v % 16];
    v /= 16;
  } while (v);
  while (h) buf[n++] = hex[--h];
  buf[n++] = ':';
  write_all(errpipe_write, buf, n);
  size_t wl = 0;
  while (where[wl]) ++wl;
  write_all(errpipe_write, where, wl);
  _exit(255);
}

void set_cloexec_from(int lowfd) {
#ifdef SYS_close_range
  // CLOSE_RANGE_CLOEXEC (Linux 5.11): mark instead of closing, so errpipe_write lives until exec.
  if (::syscall(SYS_close_range, lowfd, ~0U, 4 /* CLOSE_RANGE_CLOEXEC */) == 0) return;
#endif
  long maxfd = sysconf(_SC_OPEN_MAX);
  if (maxfd < 0 || maxfd > 65536) maxfd = 65536;
  for (int fd = lowfd; fd < maxfd; ++fd) {
    int flags = ::fcntl(fd, F_GETFD);
    if (flags >= 0 && !(flags & FD_CLOEXEC)) ::fcntl(fd, F_SETFD, flags | FD_CLOEXEC);
  }
}

int set_inheritable(int fd, bool inheritable) {
  int flags = ::fcntl(fd, F_GETFD);
  if (flags < 0) return -1;
  int nf = inheritable ? (flags & ~FD_CLOEXEC) : (flags | FD_CLOEXEC);
  if (nf == flags) return 0;
  return ::fcntl(fd, F_SETFD, nf);
}

[[noreturn]] void child_exec(char* const* argv, const std::vector<char*>& exes, char* const* envp,
                             const char* cwd, bool close_fds, const std::vector<int>& pass_fds,
                             int p2cread, int p2cwrite, int c2pread, int c2pwrite, int errread,
                             int errwrite, int errpipe_read, int errpipe_write,
                             bool restore_signals, bool call_setsid, int pgid_to_set,
                             int child_umask) {
  if (p2cwrite != -1) ::close(p2cwrite);
  if (c2pread != -1) ::close(c2pread);
  if (errread != -1) ::close(errread);
  ::close(errpipe_read);

  // Keep the new stdio fds out of the way of the dup2s below.
  if (c2pwrite == 0) {
    c2pwrite = ::fcntl(c2pwrite, F_DUPFD_CLOEXEC, 3);
    if (c2pwrite < 0) child_fail(errpipe_write, errno, "noexec");
  }
  while (errwrite == 0 || errwrite == 1) {
    errwrite = ::fcntl(errwrite, F_DUPFD_CLOEXEC, 3);
    if (errwrite < 0) child_fail(errpipe_write, errno, "noexec");
  }
  if (p2cread == 0) {
    if (set_inheritable(p2cread, true) < 0) child_fail(errpipe_write, errno, "noexec");
  } else if (p2cread != -1 && ::dup2(p2cread, 0) < 0) {
    child_fail(errpipe_write, errno, "noexec");
  }
  if (c2pwrite == 1) {
    if (set_inheritable(c2pwrite, true) < 0) child_fail(errpipe_write, errno, "noexec");
  } else if (c2pwrite != -1 && ::dup2(c2pwrite, 1) < 0) {
    child_fail(errpipe_write, errno, "noexec");
  }
  if (errwrite == 2) {
    if (set_inheritable(errwrite, true) < 0) child_fail(errpipe_write, errno, "noexec");
  } else if (errwrite != -1 && ::dup2(errwrite, 2) < 0) {
    child_fail(errpipe_write, errno, "noexec");
  }
  // dup2 clears close-on-exec on the target; the originals are CLOEXEC and vanish at exec.

  if (cwd && ::chdir(cwd) < 0) child_fail(errpipe_write, errno, "noexec:chdir");
  if (child_umask >= 0) ::umask(mode_t(child_umask));
  if (restore_signals) {
    ::signal(SIGPIPE, SIG_DFL);
    ::signal(SIGXFSZ, SIG_DFL);
  }
  if (call_setsid && ::setsid() < 0) child_fail(errpipe_write, errno, "noexec");
  if (pgid_to_set >= 0 && ::setpgid(0, pgid_to_set) < 0) child_fail(errpipe_write, errno, "noexec");
  // Handlers become SIG_DFL at exec by definition; the signal mask is inherited, as in CPython
  // (a program that blocks a signal with pthread_sigmask passes the block on).

  if (close_fds) set_cloexec_from(3);
  for (int fd : pass_fds) {
    if (fd == errpipe_write) continue;  // stays close-on-exec: EOF on it means exec succeeded
    if (fd >= 3 && set_inheritable(fd, true) < 0) child_fail(errpipe_write, errno, "noexec");
  }

  int saved_errno = 0;
  for (char* exe : exes) {
    if (envp) {
      ::execve(exe, argv, envp);
    } else {
      ::execv(exe, argv);
    }
    if (errno != ENOENT && errno != ENOTDIR && saved_errno == 0) saved_errno = errno;
  }
  child_fail(errpipe_write, saved_errno ? saved_errno : errno, "");
}

Object* fork_exec(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("fork_exec", kwnames) || !check_positional("fork_exec", nargs, 22, 23)) {
    return nullptr;
  }
  std::vector<std::string> argv_s, exes_s, env_s;
  if (args[0] != None && !bytes_list(args[0], "args", &argv_s)) return nullptr;
  if (!bytes_list(args[1], "executable_list", &exes_s)) return nullptr;
  int close_fds = object_is_true(args[2]);
  if (close_fds < 0) return nullptr;
  std::vector<int> pass_fds;
  {
    Ref l = Ref::steal(sequence_list(args[3]));
    if (!l) return nullptr;
    for (ssize i = 0; i < list_size(l.get()); ++i) {
      int fd;
      if (!index_as_int(list_get_borrowed(l.get(), i), &fd)) return nullptr;
      if (fd < 0) return err_format(&Exc_ValueError, "bad value(s) in fds_to_keep");
      pass_fds.push_back(fd);
    }
  }
  std::string cwd;
  bool has_cwd = args[4] != None;
  if (has_cwd) {
    if (!bytes_check(args[4])) {
      return err_format(&Exc_TypeError, "expected bytes cwd, %s found", type_name(type_of(args[4])));
    }
    cwd.assign(bytes_data(args[4]), size_t(bytes_size(args[4])));
  }
  bool has_env = args[5] != None;
  if (has_env && !bytes_list(args[5], "env", &env_s)) return nullptr;
  int fds[8];
  for (int i = 0; i < 8; ++i) {
    if (!index_as_int(args[6 + i], &fds[i])) return nullptr;
  }
  int restore_signals = object_is_true(args[14]);
  int call_setsid = object_is_true(args[15]);
  if (restore_signals < 0 || call_setsid < 0) return nullptr;
  int pgid_to_set = -1;
  if (args[16] != None && !index_as_int(args[16], &pgid_to_set)) return nullptr;
  if (args[17] != None || args[18] != None || args[19] != None) {
    return err_format(&Exc_NotImplementedError, "user, group and extra_groups are not supported");
  }
  int child_umask = -1;
  if (args[20] != None && !index_as_int(args[20], &child_umask)) return nullptr;
  if (args[21] != None) {
    return err_format(&Exc_NotImplementedError, "preexec_fn is not supported");
  }

  // Everything the child needs is prepared here: it must not allocate.
  std::vector<char*> argv;
  for (auto& s : argv_s) argv.push_back(s.data());
  argv.push_back(nullptr);
  std::vector<char*> exes;
  for (auto& s : exes_s) exes.push_back(s.data());
  std::vector<char*> envp;
  for (auto& s : env_s) envp.push_back(s.data());
  envp.push_back(nullptr);
  std::sort(pass_fds.begin(), pass_fds.end());

  pid_t pid = ::fork();
  if (pid == 0) {
    child_exec(argv.data(), exes, has_env ? envp.data() : nullptr, has_cwd ? cwd.c_str() : nullptr,
               close_fds != 0, pass_fds, fds[0], fds[1], fds[2], fds[3], fds[4], fds[5], fds[6],
               fds[7], restore_signals != 0, call_setsid != 0, pgid_to_set, child_umask);
  }
  if (pid < 0) return err_set_from_errno(&Exc_OSError);
  return int_from_i64(pid);
}

const MethodDef kMethods[] = {
    {"fork_exec", fork_exec, METH_DEFAULT, "Spawn a fresh new child process."},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

Object* posixsubprocess_module_init() {
  Ref m = Ref::steal(module_new("_posixsubprocess"));
  if (!m || module_add_functions(m.get(), kMethods) < 0) return nullptr;
  return m.release();
}

}  // namespace gilpy

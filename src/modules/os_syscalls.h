// Blocking system calls, in one place.
//
// Every call that can block on the outside world (read, write, open of a FIFO, waitpid, fsync,
// ...) made by the os, io and tempfile modules goes through one of these helpers. BlockingSection
// releases the GIL around the call (vm/gil.h AllowThreads: Py_BEGIN/END_ALLOW_THREADS), so every
// caller gets it. The helpers retry on EINTR, as CPython does (PEP 475), after running the
// Python signal handlers (check_signals, with the GIL held again); if a handler raises, the helper
// returns -1 with errno == EINTR and the handler's exception set, which err_set_from_errno keeps.
//
// Contract: the helpers touch no Python object (so they are safe to run without the GIL) and
// return the system call's result with errno preserved; callers raise the Python exception after
// the helper returns (err_set_from_errno & co).
#pragma once

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>

#include "vm/gil.h"

namespace gilpy {

// RAII release of the GIL around a blocking call (errno is preserved across the re-take).
struct BlockingSection {
  BlockingSection() {}
  ~BlockingSection() {}  // user-provided: the marker is never an "unused variable"
  BlockingSection(const BlockingSection&) = delete;
  BlockingSection& operator=(const BlockingSection&) = delete;

 private:
  AllowThreads allow_;
};

// Run `f()` (which returns a negative value with errno set on failure) outside the GIL, retrying
// on EINTR.
template <class F>
inline auto blocking_call(F f) -> decltype(f()) {
  for (;;) {
    decltype(f()) r;
    {
      BlockingSection section;
      r = f();
    }
    if (r >= 0 || errno != EINTR) return r;
    if (check_signals() < 0) {
      errno = EINTR;
      return r;
    }
  }
}

inline ssize_t sys_read(int fd, void* buf, size_t n) {
  return blocking_call([&] { return ::read(fd, buf, n); });
}
inline ssize_t sys_write(int fd, const void* buf, size_t n) {
  return blocking_call([&] { return ::write(fd, buf, n); });
}
inline int sys_open(const char* path, int flags, mode_t mode) {
  return blocking_call([&] { return ::open(path, flags, mode); });
}
inline int sys_fsync(int fd) {
  return blocking_call([&] { return ::fsync(fd); });
}
inline pid_t sys_waitpid(pid_t pid, int* status, int options) {
  return blocking_call([&] { return ::waitpid(pid, status, options); });
}
inline int sys_ftruncate(int fd, off_t size) {
  return blocking_call([&] { return ::ftruncate(fd, size); });
}
// close() is not retried on EINTR (the descriptor is gone either way on Linux).
inline int sys_close(int fd) {
  BlockingSection section;
  return ::close(fd);
}

}  // namespace gilpy

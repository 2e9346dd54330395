// The `_posixshmem` module: shm_open / shm_unlink, the two calls under
// multiprocessing.shared_memory.SharedMemory (CPython's Modules/_multiprocessing/posixshmem.c).
//
// shm_open(path, flags, mode=0o777) returns a new file descriptor (close-on-exec, as CPython's);
// shm_unlink(path) removes the name. Both retry on EINTR after running the signal handlers and
// raise OSError carrying the path as filename (FileNotFoundError, FileExistsError, ...).
#include <fcntl.h>
#include <sys/mman.h>

#include <cerrno>
#include <climits>

#include "core/abstract.h"
#include "core/args.h"
#include "core/error.h"
#include "modules/modules.h"
#include "modules/os_syscalls.h"
#include "objects/floatobject.h"
#include "objects/intobject.h"
#include "objects/moduleobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"

namespace gilpy {

namespace {

bool path_arg(const char* fname, Object* o, const char** out) {
  if (!str_check(o)) {
    err_format(&Exc_TypeError, "%s() argument 'path' must be str, not %T", fname, o);
    return false;
  }
  *out = str_as_utf8(o);
  return *out != nullptr;
}

Object* shm_open_fn(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"path", "flags", "mode", nullptr};
  static const ArgSpec spec{"shm_open", names, 2, 3};
  Object* a[3];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  const char* path;
  int flags, mode = 0777;
  if (!path_arg("shm_open", a[0], &path) || !index_as_int(a[1], &flags)) return nullptr;
  if (a[2] && !index_as_int(a[2], &mode)) return nullptr;
  int fd = blocking_call([&] { return ::shm_open(path, flags | O_CLOEXEC, mode_t(mode)); });
  if (fd < 0) return err_set_from_errno(&Exc_OSError, a[0]);
  return int_from_i64(fd);
}

Object* shm_unlink_fn(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"path", nullptr};
  static const ArgSpec spec{"shm_unlink", names, 1, 1};
  Object* a[1];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  const char* path;
  if (!path_arg("shm_unlink", a[0], &path)) return nullptr;
  int r = blocking_call([&] { return ::shm_unlink(path); });
  if (r < 0) return err_set_from_errno(&Exc_OSError, a[0]);
  return none_ref();
}

const MethodDef kModuleMethods[] = {
    {"shm_open", shm_open_fn, METH_DEFAULT, "Open a shared memory object.  Returns a file descriptor (integer)."},
    {"shm_unlink", shm_unlink_fn, METH_DEFAULT, "Remove a shared memory object (similar to unlink())."},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

Object* posixshmem_module_init() {
  Ref m = Ref::steal(module_new("_posixshmem"));
  if (!m || module_add_functions(m.get(), kModuleMethods) < 0) return nullptr;
  return m.release();
}

}  // namespace gilpy

// The `_multiprocessing` module: SemLock, the process-shared semaphore under every lock of
// lib/multiprocessing/synchronize.py, plus sem_unlink and `flags` (CPython's
// Modules/_multiprocessing/semaphore.c, POSIX branch).
//
// A SemLock owns one POSIX named semaphore (sem_open). The semaphore lives in the kernel /
// /dev/shm, so every process that opened it (or inherited the mapping through fork) shares its
// value. Each SemLock object also keeps per-process bookkeeping, protected by the GIL:
//   count     how many times this process holds it (RECURSIVE_MUTEX: the recursion depth;
//             SEMAPHORE: acquires minus releases made here, for Condition's _count());
//   last_tid  the thread that last acquired it; "is mine" = count > 0 && last_tid == this thread.
// After fork the child inherits the same sem_t* mapping, so `_rebuild(handle, ...)` with name None
// reuses the handle; with a name (spawned children) it re-opens the semaphore by name.
// `_after_fork()` zeroes `count` (the child's threads hold nothing).
//
// Waiting happens with the GIL released (sem_timedwait / sem_wait); on EINTR the Python signal
// handlers run with the GIL held and a raising handler ends the acquire with its exception.
// The semaphore is closed (sem_close) when the object dies; unlinking the name is the caller's
// job (resource_tracker / the `unlink` constructor argument).
#include <fcntl.h>
#include <pthread.h>
#include <semaphore.h>
#include <time.h>

#include <cerrno>
#include <climits>
#include <cmath>
#include <string>

#include "core/abstract.h"
#include "core/args.h"
#include "core/error.h"
#include "modules/modules.h"
#include "modules/os_syscalls.h"
#include "objects/containers.h"
#include "objects/floatobject.h"
#include "objects/intobject.h"
#include "objects/moduleobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"

namespace gilpy {

namespace {

enum : int { RECURSIVE_MUTEX = 0, SEMAPHORE = 1 };

TypeObject SemLockType;

struct SemLockObject : Object {
  sem_t* handle;
  unsigned long last_tid;
  int count;
  int maxvalue;
  int kind;
  Object* name;  // str or None (owned)
};

SemLockObject* as_sem(Object* o) { return static_cast<SemLockObject*>(o); }

unsigned long this_thread() { return (unsigned long)pthread_self(); }

bool is_mine(SemLockObject* s) { return s->count > 0 && s->last_tid == this_thread(); }

Object* semlock_create(TypeObject* type, sem_t* handle, int kind, int maxvalue, Object* name) {
  auto* s = alloc_object<SemLockObject>(type);
  if (!s) return nullptr;
  s->handle = handle;
  s->kind = kind;
  s->maxvalue = maxvalue;
  s->count = 0;
  s->last_tid = 0;
  s->name = newref(name);
  return s;
}

Object* semlock_new(TypeObject* type, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"kind", "value", "maxvalue", "name", "unlink", nullptr};
  static const ArgSpec spec{"SemLock", names, 5, 5};
  Object* a[5];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  int kind, value, maxvalue;
  if (!index_as_int(a[0], &kind) || !index_as_int(a[1], &value) || !index_as_int(a[2], &maxvalue)) return nullptr;
  if (!str_check(a[3])) {
    return err_format(&Exc_TypeError, "SemLock() argument 'name' must be str, not %T", a[3]);
  }
  bool unlink;
  if (!bool_arg(a[4], false, &unlink)) return nullptr;
  if (kind != RECURSIVE_MUTEX && kind != SEMAPHORE) {
    return err_format(&Exc_ValueError, "unrecognized kind");
  }
  if (value < 0 || (unsigned)value > SEM_VALUE_MAX) {
    errno = EINVAL;
    return err_set_from_errno(&Exc_OSError);
  }
  const char* cname = str_as_utf8(a[3]);
  if (!cname) return nullptr;
  sem_t* handle = sem_open(cname, O_CREAT | O_EXCL, 0600, (unsigned)value);
  if (handle == SEM_FAILED) return err_set_from_errno(&Exc_OSError);
  if (unlink && sem_unlink(cname) < 0) {
    int saved = errno;
    sem_close(handle);
    errno = saved;
    return err_set_from_errno(&Exc_OSError);
  }
  Object* s = semlock_create(type, handle, kind, maxvalue, unlink ? None : a[3]);
  if (!s) sem_close(handle);
  return s;
}

void semlock_dealloc(Object* self) {
  SemLockObject* s = as_sem(self);
  if (s->handle != SEM_FAILED && s->handle) sem_close(s->handle);
  xdecref(s->name);
  object_free(self);
}

// A deadline `timeout` seconds from now on the realtime clock (sem_timedwait's clock).
struct timespec deadline_after(double timeout) {
  struct timespec now;
  clock_gettime(CLOCK_REALTIME, &now);
  double whole = std::floor(timeout);
  long long sec = (long long)now.tv_sec + (long long)whole;
  long long nsec = (long long)now.tv_nsec + (long long)((timeout - whole) * 1e9);
  sec += nsec / 1000000000LL;
  nsec %= 1000000000LL;
  struct timespec d;
  d.tv_sec = time_t(sec);
  d.tv_nsec = long(nsec);
  return d;
}

Object* semlock_acquire(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"block", "timeout", nullptr};
  static const ArgSpec spec{"acquire", names, 0, 2};
  Object* a[2];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  SemLockObject* s = as_sem(self);
  bool blocking;
  if (!bool_arg(a[0], true, &blocking)) return nullptr;
  if (s->kind == RECURSIVE_MUTEX && is_mine(s)) {
    ++s->count;
    return bool_from(true);
  }
  bool has_timeout = false;
  double timeout = 0;
  if (blocking && a[1] && a[1] != None) {
    timeout = float_as_double(a[1]);
    if (timeout == -1.0 && err_occurred()) return nullptr;
    if (timeout < 0) timeout = 0;
    has_timeout = true;
  }
  struct timespec deadline = has_timeout ? deadline_after(timeout) : timespec{0, 0};
  // First a try without releasing the GIL: the uncontended case costs no GIL switch.
  int r;
  do {
    r = sem_trywait(s->handle);
  } while (r < 0 && errno == EINTR && check_signals() == 0);
  if (r < 0 && errno == EINTR) return nullptr;  // a signal handler raised
  if (r < 0 && errno == EAGAIN && blocking) {
    for (;;) {
      {
        BlockingSection section;
        r = has_timeout ? sem_timedwait(s->handle, &deadline) : sem_wait(s->handle);
      }
      if (r == 0 || errno != EINTR) break;
      if (check_signals() < 0) return nullptr;
    }
  }
  if (r < 0) {
    if (errno == EAGAIN || errno == ETIMEDOUT) return bool_from(false);
    return err_set_from_errno(&Exc_OSError);
  }
  ++s->count;
  s->last_tid = this_thread();
  return bool_from(true);
}

Object* semlock_release(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("release", nargs, kwnames)) return nullptr;
  SemLockObject* s = as_sem(self);
  if (s->kind == RECURSIVE_MUTEX) {
    if (!is_mine(s)) {
      return err_format(&Exc_AssertionError,
                        "attempt to release recursive lock not owned by thread");
    }
    if (s->count > 1) {
      --s->count;
      return none_ref();
    }
  } else {
    int sval;
    if (sem_getvalue(s->handle, &sval) < 0) return err_set_from_errno(&Exc_OSError);
    if (sval >= s->maxvalue) {
      return err_format(&Exc_ValueError, "semaphore or lock released too many times");
    }
  }
  if (sem_post(s->handle) < 0) return err_set_from_errno(&Exc_OSError);
  --s->count;
  return none_ref();
}

Object* semlock_enter(Object* self, Object* const*, ssize, Object*) {
  return semlock_acquire(self, nullptr, 0, nullptr);
}

Object* semlock_exit(Object* self, Object* const*, ssize, Object*) {
  return semlock_release(self, nullptr, 0, nullptr);
}

Object* semlock_count(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("_count", nargs, kwnames)) return nullptr;
  return int_from_i64(as_sem(self)->count);
}

Object* semlock_is_mine(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("_is_mine", nargs, kwnames)) return nullptr;
  return bool_from(is_mine(as_sem(self)));
}

bool semlock_value(SemLockObject* s, int* out) {
  if (sem_getvalue(s->handle, out) < 0) {
    err_set_from_errno(&Exc_OSError);
    return false;
  }
  if (*out < 0) *out = 0;  // some systems report minus the number of waiters
  return true;
}

Object* semlock_get_value(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("_get_value", nargs, kwnames)) return nullptr;
  int v;
  if (!semlock_value(as_sem(self), &v)) return nullptr;
  return int_from_i64(v);
}

Object* semlock_is_zero(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("_is_zero", nargs, kwnames)) return nullptr;
  int v;
  if (!semlock_value(as_sem(self), &v)) return nullptr;
  return bool_from(v == 0);
}

Object* semlock_after_fork(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("_after_fork", nargs, kwnames)) return nullptr;
  as_sem(self)->count = 0;
  return none_ref();
}

// _rebuild(handle, kind, maxvalue, name): a SemLock for a semaphore made by another process:
// re-opened by name, or (fork: name None) the inherited handle itself.
Object* semlock_rebuild(Object* cls, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("_rebuild", kwnames) || !check_positional("_rebuild", nargs, 4, 4)) {
    return nullptr;
  }
  Ref h = Ref::steal(number_index(args[0]));
  if (!h) return nullptr;
  bool overflow = false;
  int64_t addr = int_as_i64(h.get(), &overflow);
  if (overflow) return err_format(&Exc_OverflowError, "Python int too large to convert to C long");
  int kind, maxvalue;
  if (!index_as_int(args[1], &kind) || !index_as_int(args[2], &maxvalue)) return nullptr;
  Object* name = args[3];
  if (name != None && !str_check(name)) {
    return err_format(&Exc_TypeError, "_rebuild() argument 4 must be str or None, not %T", name);
  }
  sem_t* handle = reinterpret_cast<sem_t*>(intptr_t(addr));
  bool opened = false;
  if (name != None) {
    const char* cname = str_as_utf8(name);
    if (!cname) return nullptr;
    handle = sem_open(cname, 0);
    if (handle == SEM_FAILED) return err_set_from_errno(&Exc_OSError);
    opened = true;
  }
  Object* s = semlock_create(static_cast<TypeObject*>(cls), handle, kind, maxvalue, name);
  if (!s && opened) sem_close(handle);
  return s;
}

Object* semlock_get_handle(Object* self) {
  return int_from_u64(uint64_t(uintptr_t(as_sem(self)->handle)));
}
Object* semlock_get_kind(Object* self) { return int_from_i64(as_sem(self)->kind); }
Object* semlock_get_maxvalue(Object* self) { return int_from_i64(as_sem(self)->maxvalue); }
Object* semlock_get_name(Object* self) { return newref(as_sem(self)->name); }

const MethodDef kSemLockMethods[] = {
    {"acquire", semlock_acquire, METH_DEFAULT, "Acquire the semaphore/lock."},
    {"release", semlock_release, METH_DEFAULT, "Release the semaphore/lock."},
    {"__enter__", semlock_enter, METH_DEFAULT, "Enter the semaphore/lock."},
    {"__exit__", semlock_exit, METH_DEFAULT, "Exit the semaphore/lock."},
    {"_count", semlock_count, METH_DEFAULT, "Num of `acquire()`s minus num of `release()`s for this process."},
    {"_is_mine", semlock_is_mine, METH_DEFAULT, "Whether the lock is owned by this thread."},
    {"_get_value", semlock_get_value, METH_DEFAULT, "Get the value of the semaphore."},
    {"_is_zero", semlock_is_zero, METH_DEFAULT, "Return whether semaphore has value zero."},
    {"_rebuild", semlock_rebuild, METH_CLASS, nullptr},
    {"_after_fork", semlock_after_fork, METH_DEFAULT, "Rezero the net acquisition count after fork()."},
    {nullptr, nullptr, 0, nullptr},
};

const GetSetDef kSemLockGetSet[] = {
    {"handle", semlock_get_handle, nullptr, nullptr},
    {"kind", semlock_get_kind, nullptr, nullptr},
    {"maxvalue", semlock_get_maxvalue, nullptr, nullptr},
    {"name", semlock_get_name, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

Object* mp_sem_unlink(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("sem_unlink", nargs, kwnames)) return nullptr;
  if (!str_check(args[0])) {
    return err_format(&Exc_TypeError, "sem_unlink() argument must be str, not %T", args[0]);
  }
  const char* cname = str_as_utf8(args[0]);
  if (!cname) return nullptr;
  if (sem_unlink(cname) < 0) return err_set_from_errno(&Exc_OSError);
  return none_ref();
}

const MethodDef kModuleMethods[] = {
    {"sem_unlink", mp_sem_unlink, METH_DEFAULT, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

Object* multiprocessing_module_init() {
  if (!(SemLockType.flags & TPFLAG_READY)) {
    SemLockType.ob_type = &TypeType;
    make_immortal(&SemLockType);
    SemLockType.name = "_multiprocessing.SemLock";
    SemLockType.basicsize = sizeof(SemLockObject);
    SemLockType.flags = TPFLAG_BASETYPE;
    SemLockType.dealloc = semlock_dealloc;
    SemLockType.new_ = semlock_new;
    SemLockType.methods = kSemLockMethods;
    SemLockType.getset = kSemLockGetSet;
    SemLockType.doc = "Semaphore/Mutex type";
    if (type_ready(&SemLockType) < 0) return nullptr;
    Ref vmax = Ref::steal(int_from_i64(SEM_VALUE_MAX));
    if (!vmax || dict_setitem_str(SemLockType.dict, "SEM_VALUE_MAX", vmax.get()) < 0) {
      return nullptr;
    }
  }
  Ref m = Ref::steal(module_new("_multiprocessing"));
  if (!m) return nullptr;
  Ref flags = Ref::steal(dict_new());
  Ref one = Ref::steal(int_from_i64(1));
  if (!flags || !one || dict_setitem_str(flags.get(), "HAVE_SEM_OPEN", one.get()) < 0 ||
      dict_setitem_str(flags.get(), "HAVE_SEM_TIMEDWAIT", one.get()) < 0) {
    return nullptr;
  }
  if (module_add_functions(m.get(), kModuleMethods) < 0 ||
      module_add_object(m.get(), "SemLock", as_object(&SemLockType)) < 0 ||
      module_add_object(m.get(), "flags", flags.get()) < 0) {
    return nullptr;
  }
  return m.release();
}

}  // namespace gilpy

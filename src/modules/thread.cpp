// The `_thread` module: real OS threads under the GIL, locks, RLock (CPython's Modules/_threadmodule.c
// and Python/thread_pthread.h, re-implemented).
//
// Threads: start_new_thread creates the new thread's ThreadState in the calling thread (which
// holds the GIL), registers it with the GIL statistics, and starts a pthread (stack size from
// stack_size(), 8 MiB by default so the native recursion guard of config.h fits). The new thread
// sets current_tstate, takes the GIL, calls the function, reports an uncaught exception as
// CPython does ("Exception ignored in thread started by: ...", SystemExit is silent), then, still
// holding the GIL, clears its state (which releases the _set_sentinel lock that threading's join
// waits on), releases the GIL and frees its state.
//
// Locks: a lock is a POSIX semaphore (as CPython's USE_SEMAPHORES build) plus a `locked` flag
// read and written only by GIL holders. acquire() first tries without blocking and without
// releasing the GIL; otherwise it releases the GIL (AllowThreads) for the wait. A signal
// interrupts sem_wait / sem_clockwait with EINTR (the signal module redirects process signals to
// the main thread); the GIL is taken back, the Python handlers run (check_signals), and if one
// raised, acquire fails with its exception, else the wait resumes with the remaining timeout.
// No Python object is touched while the GIL is released.
#include <pthread.h>
#include <semaphore.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <string>

#include "core/abstract.h"
#include "core/args.h"
#include "core/error.h"
#include "modules/modules.h"
#include "objects/containers.h"
#include "objects/floatobject.h"
#include "objects/intobject.h"
#include "objects/moduleobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"
#include "objects/weakrefobject.h"
#include "vm/gil.h"
#include "vm/state.h"
#include "vm/traceback.h"

namespace gilpy {

void thread_lock_release_sentinel(Object* lock);  // below; also called by vm/state.cpp

namespace {

constexpr double kTimeoutMax = 9223372036.0;  // CPython's _thread.TIMEOUT_MAX on Linux
std::atomic<long> g_thread_count{0};          // threads started by _thread still running
size_t g_stack_size = 0;                      // stack_size(): 0 = the default below
constexpr size_t kDefaultStackSize = size_t(16) << 20;

// ---- Waiting on a semaphore with the GIL released ----------------------------------------------

enum class AcquireResult { Acquired, Failed, Interrupted };

// One wait (no retry): `deadline` null = forever.
AcquireResult sem_wait_once(sem_t* sem, const struct timespec* deadline) {
  int r;
  {
    AllowThreads allow;
    if (deadline) {
      r = sem_clockwait(sem, CLOCK_MONOTONIC, deadline);
    } else {
      r = sem_wait(sem);
    }
    if (r != 0) r = errno;
  }
  if (r == 0) return AcquireResult::Acquired;
  if (r == EINTR) return AcquireResult::Interrupted;
  return AcquireResult::Failed;  // ETIMEDOUT
}

// CPython's acquire_timed: timeout_s < 0 = forever, 0 = try once. Returns 1 acquired, 0 not,
// -1 exception (a signal handler raised).
int acquire_timed(sem_t* sem, double timeout_s) {
  if (sem_trywait(sem) == 0) return 1;
  if (timeout_s == 0) return 0;
  struct timespec deadline;
  if (timeout_s > 0) {
    clock_gettime(CLOCK_MONOTONIC, &deadline);
    double whole = std::floor(timeout_s);
    deadline.tv_sec += time_t(whole);
    deadline.tv_nsec += long((timeout_s - whole) * 1e9);
    if (deadline.tv_nsec >= 1000000000L) {
      deadline.tv_sec += 1;
      deadline.tv_nsec -= 1000000000L;
    }
  }
  for (;;) {
    AcquireResult r = sem_wait_once(sem, timeout_s > 0 ? &deadline : nullptr);
    if (r == AcquireResult::Acquired) return 1;
    if (r == AcquireResult::Failed) return 0;
    // Interrupted by a signal: run the handlers (main thread only), then wait again.
    if (check_signals() < 0) return -1;
  }
}

// acquire(blocking=True, timeout=-1) argument checks, CPython's messages. Returns false with an
// exception set.
bool parse_acquire_args(const char* fname, Object* const* args, ssize nargs, Object* kwnames,
                        double* timeout_out) {
  static const char* const names[] = {"blocking", "timeout", nullptr};
  ArgSpec spec{fname, names, 0, 2};
  Object* out[2] = {nullptr, nullptr};
  if (!parse_args(spec, args, nargs, kwnames, out)) return false;
  bool blocking;
  if (!bool_arg(out[0], true, &blocking)) return false;
  double timeout = -1;
  if (out[1]) {
    if (!float_check(out[1]) && !int_check(out[1])) {
      err_format(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", out[1]);
      return false;
    }
    timeout = float_as_double(out[1]);
    if (timeout == -1.0 && err_occurred()) return false;
    if (std::isnan(timeout)) {
      err_format(&Exc_ValueError, "Invalid value NaN (not a number)");
      return false;
    }
    if (std::fabs(timeout) > 9.2e18) {
      err_format(&Exc_OverflowError, "timestamp out of range for platform time_t");
      return false;
    }
  }
  if (!blocking && timeout != -1) {
    err_format(&Exc_ValueError, "can't specify a timeout for a non-blocking call");
    return false;
  }
  if (timeout < 0 && timeout != -1) {
    err_format(&Exc_ValueError, "timeout value must be positive");
    return false;
  }
  if (!blocking) {
    timeout = 0;
  } else if (timeout > kTimeoutMax) {
    err_format(&Exc_OverflowError, "timeout value is too large");
    return false;
  }
  *timeout_out = timeout;
  return true;
}

// ---- _thread.lock ------------------------------------------------------------------------------

TypeObject LockType;

struct LockObject : Object {
  sem_t sem;
  bool locked;  // read and written by GIL holders only
  Object* weakreflist;
};

LockObject* as_lock(Object* o) { return static_cast<LockObject*>(o); }

Object* lock_alloc() {
  auto* l = alloc_object<LockObject>(&LockType);
  if (!l) return nullptr;
  sem_init(&l->sem, 0, 1);
  l->locked = false;
  l->weakreflist = nullptr;
  return l;
}

void lock_dealloc(Object* self) {
  LockObject* l = as_lock(self);
  if (l->weakreflist) weakref_clear_all(self);
  sem_destroy(&l->sem);
  object_free(self);
}

Object* lock_new(TypeObject*, Object* const*, ssize, Object*) {
  return err_format(&Exc_TypeError, "cannot create '_thread.lock' instances");
}

Object* lock_acquire(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  double timeout;
  if (!parse_acquire_args("acquire", args, nargs, kwnames, &timeout)) return nullptr;
  LockObject* l = as_lock(self);
  int r = acquire_timed(&l->sem, timeout);
  if (r < 0) return nullptr;
  if (r) l->locked = true;
  return bool_from(r == 1);
}

Object* lock_enter(Object* self, Object* const*, ssize, Object*) {
  LockObject* l = as_lock(self);
  int r = acquire_timed(&l->sem, -1);
  if (r < 0) return nullptr;
  l->locked = true;
  return bool_from(true);
}

Object* lock_release(Object* self, Object* const*, ssize, Object*) {
  LockObject* l = as_lock(self);
  if (!l->locked) return err_format(&Exc_RuntimeError, "release unlocked lock");
  l->locked = false;
  sem_post(&l->sem);
  return none_ref();
}

Object* lock_locked(Object* self, Object* const*, ssize, Object*) {
  return bool_from(as_lock(self)->locked);
}

Object* lock_at_fork_reinit(Object* self, Object* const*, ssize, Object*) {
  LockObject* l = as_lock(self);
  sem_destroy(&l->sem);
  sem_init(&l->sem, 0, 1);
  l->locked = false;
  return none_ref();
}

Object* lock_repr(Object* self) {
  return str_from_format("<%s %s object at %p>", as_lock(self)->locked ? "locked" : "unlocked",
                         type_of(self)->name, static_cast<void*>(self));
}

const MethodDef kLockMethods[] = {
    {"acquire", lock_acquire, METH_DEFAULT, "Lock the lock."},
    {"acquire_lock", lock_acquire, METH_DEFAULT, "An obsolete synonym of acquire()."},
    {"release", lock_release, METH_DEFAULT, "Release the lock."},
    {"release_lock", lock_release, METH_DEFAULT, "An obsolete synonym of release()."},
    {"locked", lock_locked, METH_DEFAULT, "Test whether the lock is currently locked."},
    {"locked_lock", lock_locked, METH_DEFAULT, "An obsolete synonym of locked()."},
    {"__enter__", lock_enter, METH_DEFAULT, "Lock the lock."},
    {"__exit__", lock_release, METH_DEFAULT, "Release the lock."},
    {"_at_fork_reinit", lock_at_fork_reinit, METH_DEFAULT, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

// ---- _thread.RLock -----------------------------------------------------------------------------

TypeObject RLockType;

struct RLockObject : Object {
  sem_t sem;
  unsigned long owner;  // ident of the owner, 0 when unowned
  unsigned long count;
  Object* weakreflist;
};

RLockObject* as_rlock(Object* o) { return static_cast<RLockObject*>(o); }

unsigned long current_ident() { return (unsigned long)pthread_self(); }

Object* rlock_new(TypeObject* type, Object* const*, ssize, Object*) {
  auto* l = alloc_object<RLockObject>(type);
  if (!l) return nullptr;
  sem_init(&l->sem, 0, 1);
  l->owner = 0;
  l->count = 0;
  l->weakreflist = nullptr;
  return l;
}

void rlock_dealloc(Object* self) {
  RLockObject* l = as_rlock(self);
  if (l->weakreflist) weakref_clear_all(self);
  sem_destroy(&l->sem);
  object_free(self);
}

int rlock_do_acquire(RLockObject* l, double timeout) {
  unsigned long me = current_ident();
  if (l->count > 0 && l->owner == me) {
    if (l->count == ~0ul) {
      err_format(&Exc_OverflowError, "Internal lock count overflowed");
      return -1;
    }
    ++l->count;
    return 1;
  }
  int r = acquire_timed(&l->sem, timeout);
  if (r == 1) {
    l->owner = me;
    l->count = 1;
  }
  return r;
}

Object* rlock_acquire(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  double timeout;
  if (!parse_acquire_args("acquire", args, nargs, kwnames, &timeout)) return nullptr;
  int r = rlock_do_acquire(as_rlock(self), timeout);
  if (r < 0) return nullptr;
  return bool_from(r == 1);
}

Object* rlock_enter(Object* self, Object* const*, ssize, Object*) {
  int r = rlock_do_acquire(as_rlock(self), -1);
  if (r < 0) return nullptr;
  return bool_from(true);
}

Object* rlock_release(Object* self, Object* const*, ssize, Object*) {
  RLockObject* l = as_rlock(self);
  if (l->count == 0 || l->owner != current_ident()) {
    return err_format(&Exc_RuntimeError, "cannot release un-acquired lock");
  }
  if (--l->count == 0) {
    l->owner = 0;
    sem_post(&l->sem);
  }
  return none_ref();
}

Object* rlock_is_owned(Object* self, Object* const*, ssize, Object*) {
  RLockObject* l = as_rlock(self);
  return bool_from(l->count > 0 && l->owner == current_ident());
}

// Condition.wait support: release completely, returning (count, owner); restore later.
Object* rlock_release_save(Object* self, Object* const*, ssize, Object*) {
  RLockObject* l = as_rlock(self);
  if (l->count == 0) return err_format(&Exc_RuntimeError, "cannot release un-acquired lock");
  Ref count = Ref::steal(int_from_u64(l->count));
  Ref owner = Ref::steal(int_from_u64(l->owner));
  if (!count || !owner) return nullptr;
  l->count = 0;
  l->owner = 0;
  sem_post(&l->sem);
  Object* items[2] = {count.get(), owner.get()};
  Ref t = Ref::steal(tuple_new(2));
  if (!t) return nullptr;
  for (int i = 0; i < 2; ++i) tuple_set_steal(t.get(), i, newref(items[i]));
  return t.release();
}

Object* rlock_acquire_restore(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("_acquire_restore", nargs, kwnames)) return nullptr;
  Object* st = args[0];
  if (!tuple_check(st) || tuple_size(st) != 2) {
    return err_format(&Exc_TypeError, "_acquire_restore() argument 1 must be tuple");
  }
  bool ovf = false;
  int64_t count = int_as_i64(tuple_get_borrowed(st, 0), &ovf);
  uint64_t owner = uint64_t(int_as_i64(tuple_get_borrowed(st, 1), &ovf));
  RLockObject* l = as_rlock(self);
  int r = acquire_timed(&l->sem, -1);
  if (r < 0) return nullptr;
  l->owner = (unsigned long)owner;
  l->count = (unsigned long)count;
  return none_ref();
}

Object* rlock_recursion_count(Object* self, Object* const*, ssize, Object*) {
  RLockObject* l = as_rlock(self);
  return int_from_u64(l->owner == current_ident() ? l->count : 0);
}

Object* rlock_at_fork_reinit(Object* self, Object* const*, ssize, Object*) {
  RLockObject* l = as_rlock(self);
  sem_destroy(&l->sem);
  sem_init(&l->sem, 0, 1);
  l->owner = 0;
  l->count = 0;
  return none_ref();
}

Object* rlock_repr(Object* self) {
  RLockObject* l = as_rlock(self);
  return str_from_format("<%s %s object owner=%lu count=%lu at %p>",
                         l->count ? "locked" : "unlocked", type_of(self)->name, l->owner,
                         l->count, static_cast<void*>(self));
}

const MethodDef kRLockMethods[] = {
    {"acquire", rlock_acquire, METH_DEFAULT, "Lock the lock."},
    {"release", rlock_release, METH_DEFAULT, "Release the lock."},
    {"__enter__", rlock_enter, METH_DEFAULT, "Lock the lock."},
    {"__exit__", rlock_release, METH_DEFAULT, "Release the lock."},
    {"_is_owned", rlock_is_owned, METH_DEFAULT, nullptr},
    {"_release_save", rlock_release_save, METH_DEFAULT, nullptr},
    {"_acquire_restore", rlock_acquire_restore, METH_DEFAULT, nullptr},
    {"_recursion_count", rlock_recursion_count, METH_DEFAULT, nullptr},
    {"_at_fork_reinit", rlock_at_fork_reinit, METH_DEFAULT, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

// ---- Starting threads --------------------------------------------------------------------------

struct Bootstrap {
  ThreadState* ts;
  Object* func;    // owned
  Object* args;    // owned
  Object* kwargs;  // owned or null
};

void report_thread_exception(Object* func) {
  if (err_matches(&Exc_SystemExit)) {
    err_clear();
    return;
  }
  Object* exc = err_fetch();
  Object* file = sys_get_borrowed("stderr");
  std::string r;
  if (!repr_utf8(func, r)) {
    err_clear();
    r = "<object repr() failed>";
  }
  std::string head = "Exception ignored in thread started by: " + r + "\n";
  if (file && file != None) {
    Ref s = Ref::steal(str_from_utf8(head));
    if (s) {
      Ref w = Ref::steal(call_method1(file, "write", s.get()));
    }
    err_clear();
    traceback_print_exception(exc, file);
    Ref fl = Ref::steal(call_method0(file, "flush"));
    err_clear();
  } else {
    std::fputs(head.c_str(), stderr);
  }
  xdecref(exc);
}

void* thread_main(void* arg) {
  auto* boot = static_cast<Bootstrap*>(arg);
  ThreadState* ts = boot->ts;
  current_tstate = ts;
  Gil* gil = runtime_gil();
  gil->take(ts);
  ts->native_id = (unsigned long)::syscall(SYS_gettid);
  ts->ident = current_ident();
  {
    Ref res = Ref::steal(call_tuple_dict(boot->func, boot->args, boot->kwargs));
    if (!res) report_thread_exception(boot->func);
  }
  decref(boot->func);
  decref(boot->args);
  xdecref(boot->kwargs);
  delete boot;
  thread_state_clear(ts);  // releases the _set_sentinel lock: threading's join returns
  gil->unregister_thread(ts);
  g_thread_count.fetch_sub(1, std::memory_order_relaxed);
  current_tstate = nullptr;
  gil->drop(ts, false);
  delete ts;
  return nullptr;
}

Object* thread_start_new_thread(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("start_new_thread", kwnames)) return nullptr;
  if (!check_positional("start_new_thread", nargs, 2, 3)) return nullptr;
  Object* func = args[0];
  Object* fargs = args[1];
  Object* fkwargs = nargs > 2 ? args[2] : nullptr;
  if (!callable_check(func)) return err_format(&Exc_TypeError, "first arg must be callable");
  if (!tuple_check(fargs)) return err_format(&Exc_TypeError, "2nd arg must be a tuple");
  if (fkwargs && !dict_check(fkwargs)) {
    return err_format(&Exc_TypeError, "optional 3rd arg must be a dictionary");
  }
  Gil* gil = runtime_gil();
  if (!gil) return err_format(&Exc_RuntimeError, "can't start new thread");
  if (gil->finalizing()) {
    return err_format(&Exc_RuntimeError, "can't create new thread at interpreter shutdown");
  }
  ThreadState* ts = thread_state_create(main_interpreter());
  gil->register_thread(ts, "Thread-" + std::to_string(ts->thread_id - 1));
  auto* boot = new Bootstrap{ts, newref(func), newref(fargs), fkwargs ? newref(fkwargs) : nullptr};
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, g_stack_size ? g_stack_size : kDefaultStackSize);
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
  g_thread_count.fetch_add(1, std::memory_order_relaxed);
  pthread_t th;
  int rc = pthread_create(&th, &attr, thread_main, boot);
  pthread_attr_destroy(&attr);
  if (rc != 0) {
    g_thread_count.fetch_sub(1, std::memory_order_relaxed);
    decref(boot->func);
    decref(boot->args);
    xdecref(boot->kwargs);
    delete boot;
    gil->unregister_thread(ts);
    thread_state_delete(ts);
    return err_format(&Exc_RuntimeError, "can't start new thread");
  }
  // The new thread waits for the GIL we hold, so it cannot read ident before we set it.
  ts->ident = (unsigned long)th;
  return int_from_u64(ts->ident);
}

Object* thread_get_ident(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("get_ident", nargs, kwnames)) return nullptr;
  return int_from_u64(current_ident());
}

Object* thread_get_native_id(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("get_native_id", nargs, kwnames)) return nullptr;
  return int_from_u64((unsigned long)::syscall(SYS_gettid));
}

Object* thread_exit(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("exit", nargs, kwnames)) return nullptr;
  err_set(&Exc_SystemExit, None);
  return nullptr;
}

Object* thread_count(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("_count", nargs, kwnames)) return nullptr;
  return int_from_i64(g_thread_count.load(std::memory_order_relaxed));
}

Object* thread_allocate_lock(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("allocate_lock", nargs, kwnames)) return nullptr;
  return lock_alloc();
}

Object* thread_stack_size(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("stack_size", kwnames) || !check_positional("stack_size", nargs, 0, 1)) {
    return nullptr;
  }
  size_t old = g_stack_size;
  if (nargs == 1) {
    if (!int_check(args[0])) {
      return err_format(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", args[0]);
    }
    ssize n = int_as_ssize(args[0]);
    if (n == -1 && err_occurred()) return nullptr;
    if (n < 0) return err_format(&Exc_ValueError, "size must be 0 or a positive value");
    if (n != 0 && n < 32768) return err_format(&Exc_ValueError, "size not valid: %zd bytes", n);
    g_stack_size = size_t(n);
  }
  return int_from_u64(old);
}

// _set_sentinel(): a lock, released (if held) when the calling thread's state is deleted.
Object* thread_set_sentinel(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("_set_sentinel", nargs, kwnames)) return nullptr;
  ThreadState* ts = tstate();
  Ref lock = Ref::steal(lock_alloc());
  if (!lock) return nullptr;
  if (ts->on_delete_lock) {
    // A previous sentinel of this thread state: release it (CPython does the same).
    thread_lock_release_sentinel(ts->on_delete_lock);
    clear_ref(&ts->on_delete_lock);
  }
  // Returned unlocked, as CPython's: threading acquires it at once.
  ts->on_delete_lock = newref(lock.get());
  return lock.release();
}

Object* thread_interrupt_main(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"signum", nullptr};
  ArgSpec spec{"interrupt_main", names, 0, 1};
  Object* out[1] = {nullptr};
  if (!parse_args(spec, args, nargs, kwnames, out)) return nullptr;
  int signum = 2;
  if (out[0]) {
    ssize s = int_as_ssize(out[0]);
    if (s == -1 && err_occurred()) return nullptr;
    signum = int(s);
  }
  if (signal_simulate(signum) < 0) return nullptr;
  return none_ref();
}

Object* thread_daemon_threads_allowed(Object*, Object* const*, ssize, Object*) {
  return bool_from(true);
}

Object* thread_is_main_interpreter(Object*, Object* const*, ssize, Object*) {
  return bool_from(true);
}

// set_name(name): the statistics' name for the calling thread, and the OS thread name (15 bytes),
// as CPython 3.14's _thread.set_name.
Object* thread_set_name(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("set_name", nargs, kwnames)) return nullptr;
  if (!str_check(args[0])) {
    return err_format(&Exc_TypeError, "set_name() argument 'name' must be str, not %T", args[0]);
  }
  std::string name(str_view(args[0]));
  if (Gil* gil = runtime_gil()) gil->set_thread_name(tstate(), name);
  std::string os_name = name.substr(0, 15);
  pthread_setname_np(pthread_self(), os_name.c_str());
  return none_ref();
}

// _print_exception(exc, file): the traceback as sys.excepthook's default prints it, to `file`
// (threading.excepthook's "Exception in thread NAME:" report, as CPython's _thread._excepthook).
Object* thread_print_exception(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("_print_exception", kwnames) ||
      !check_positional("_print_exception", nargs, 2, 2)) {
    return nullptr;
  }
  traceback_print_exception(args[0], args[1]);
  if (err_occurred()) return nullptr;
  return none_ref();
}

const MethodDef kThreadFunctions[] = {
    {"_print_exception", thread_print_exception, METH_DEFAULT, nullptr},
    {"start_new_thread", thread_start_new_thread, METH_DEFAULT, "Start a new thread and return its identifier."},
    {"start_new", thread_start_new_thread, METH_DEFAULT, "An obsolete synonym of start_new_thread()."},
    {"allocate_lock", thread_allocate_lock, METH_DEFAULT, "Create a new lock object."},
    {"allocate", thread_allocate_lock, METH_DEFAULT, "An obsolete synonym of allocate_lock()."},
    {"get_ident", thread_get_ident, METH_DEFAULT, "Return a non-zero integer that uniquely identifies the current thread."},
    {"get_native_id", thread_get_native_id, METH_DEFAULT, "Return the native integral Thread ID of the current thread."},
    {"exit", thread_exit, METH_DEFAULT, "Raise SystemExit to exit the thread."},
    {"exit_thread", thread_exit, METH_DEFAULT, "An obsolete synonym of exit()."},
    {"_count", thread_count, METH_DEFAULT, "Return the number of currently running Python threads."},
    {"stack_size", thread_stack_size, METH_DEFAULT, "Return the thread stack size used when creating new threads."},
    {"_set_sentinel", thread_set_sentinel, METH_DEFAULT, "Set a sentinel lock that will be released when the thread state is deleted."},
    {"interrupt_main", thread_interrupt_main, METH_DEFAULT, "Simulate the arrival of the given signal in the main thread."},
    {"daemon_threads_allowed", thread_daemon_threads_allowed, METH_DEFAULT, nullptr},
    {"_is_main_interpreter", thread_is_main_interpreter, METH_DEFAULT, nullptr},
    {"set_name", thread_set_name, METH_DEFAULT, "Set the name of the current thread."},
    {nullptr, nullptr, 0, nullptr},
};

bool init_lock_types() {
  if (!(LockType.flags & TPFLAG_READY)) {
    LockType.ob_type = &TypeType;
    make_immortal(&LockType);
    LockType.name = "_thread.lock";
    LockType.basicsize = sizeof(LockObject);
    LockType.dealloc = lock_dealloc;
    LockType.new_ = lock_new;
    LockType.repr = lock_repr;
    LockType.methods = kLockMethods;
    LockType.weaklistoffset = ssize(offsetof(LockObject, weakreflist));
    LockType.doc = "A lock object is a synchronization primitive.";
    if (type_ready(&LockType) < 0) return false;
  }
  if (!(RLockType.flags & TPFLAG_READY)) {
    RLockType.ob_type = &TypeType;
    make_immortal(&RLockType);
    RLockType.name = "_thread.RLock";
    RLockType.basicsize = sizeof(RLockObject);
    RLockType.flags = TPFLAG_BASETYPE;
    RLockType.dealloc = rlock_dealloc;
    RLockType.new_ = rlock_new;
    RLockType.repr = rlock_repr;
    RLockType.methods = kRLockMethods;
    RLockType.weaklistoffset = ssize(offsetof(RLockObject, weakreflist));
    if (type_ready(&RLockType) < 0) return false;
  }
  return true;
}

}  // namespace

void thread_lock_release_sentinel(Object* lock) {
  LockObject* l = as_lock(lock);
  if (l->locked) {
    l->locked = false;
    sem_post(&l->sem);
  }
}

Object* thread_module_init() {
  if (!init_lock_types()) return nullptr;
  Ref m = Ref::steal(module_new("_thread"));
  if (!m || module_add_functions(m.get(), kThreadFunctions) < 0) return nullptr;
  Ref tmax = Ref::steal(float_from_double(kTimeoutMax));
  if (!tmax) return nullptr;
  if (module_add_object(m.get(), "LockType", as_object(&LockType)) < 0 ||
      module_add_object(m.get(), "RLock", as_object(&RLockType)) < 0 ||
      module_add_object(m.get(), "error", as_object(&Exc_RuntimeError)) < 0 ||
      module_add_object(m.get(), "TIMEOUT_MAX", tmax.get()) < 0) {
    return nullptr;
  }
  return m.release();
}

}  // namespace gilpy

// The `_signal` module (lib/signal.py wraps it with the Signals/Handlers enums, as CPython) and
// the machinery that turns OS signals into Python handler calls (CPython's Modules/signalmodule.c,
// re-implemented).
//
// Invariants:
//  - The C handler (signal_handler) does only async-signal-safe things: it sets tripped[sig] and
//    is_tripped (lock-free atomics), sets BREAKER_SIGNALS_PENDING in the MAIN thread's eval breaker,
//    writes the signal number to the wakeup fd if one is set, and, when the kernel delivered the
//    signal to another thread, re-sends it to the main thread (tgkill), so that a main thread
//    blocked in sleep / lock acquire / join gets EINTR and runs the handlers at once.
//  - Python handlers run only in the main thread, holding the GIL: at the next eval breaker check
//    (eval_signal_hook) or when a blocking wait of the main thread is interrupted
//    (check_signals(), CPython's PyErr_CheckSignals). A handler that raises makes the
//    interrupted operation raise.
//  - handlers[] (the Python-level handler objects) are read and written only by GIL holders.
//  - At start-up (signal_install_defaults, from runtime_initialize) SIGPIPE and SIGXFSZ are
//    ignored and SIGINT gets default_int_handler (KeyboardInterrupt), as CPython does.
//  - Signal masks are the OS's, per thread (pthread_sigmask); threads started by _thread inherit
//    their creator's mask (plain pthread_create). g_main_blocked mirrors the main thread's mask
//    (written only by the main thread, read by the C handler): a signal another thread caught is
//    not re-sent to a main thread that blocks it, which would make it pending there and run its
//    handler a second time once unblocked (or hand it to the main thread's sigwait as well). While
//    the main thread changes its mask the mirror holds the union of the old and new masks.
//  - sigwait/sigwaitinfo/sigtimedwait release the GIL; the waited signals are meant to be blocked,
//    so the C handler does not see them (the kernel hands them to the waiting thread).
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cmath>
#include <cstring>

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
#include "objects/structseq.h"
#include "vm/eval.h"
#include "vm/frame.h"
#include "vm/gil.h"
#include "vm/import.h"
#include "vm/state.h"

namespace gilpy {

namespace {

constexpr int kNSig = 65;  // NSIG on Linux (signals 1..64)

std::atomic<int> g_tripped[kNSig];
std::atomic<int> g_is_tripped{0};
std::atomic<int> g_wakeup_fd{-1};
pid_t g_main_tid = 0;
ThreadState* g_main_ts = nullptr;
Object* g_handlers[kNSig];  // owned; null = unknown (installed outside Python)
Object* g_default_handler = nullptr;  // int 0 (SIG_DFL)
Object* g_ignore_handler = nullptr;   // int 1 (SIG_IGN)
Object* g_default_int_handler = nullptr;
Object* g_itimer_error = nullptr;
std::atomic<uint64_t> g_main_blocked{0};  // bit sig-1: the main thread blocks sig
TypeObject SigInfoType;                   // signal.struct_siginfo

uint64_t sig_bit(int sig) { return uint64_t(1) << (sig - 1); }

uint64_t mask_bits(const sigset_t& set) {
  uint64_t bits = 0;
  for (int sig = 1; sig < kNSig; ++sig) {
    if (sigismember(&set, sig) == 1) bits |= sig_bit(sig);
  }
  return bits;
}

// The calling thread's mask, as bits.
uint64_t current_mask_bits() {
  sigset_t cur;
  sigemptyset(&cur);
  pthread_sigmask(SIG_BLOCK, nullptr, &cur);
  return mask_bits(cur);
}

void trip_signal(int sig) {
  g_tripped[sig].store(1, std::memory_order_relaxed);
  g_is_tripped.store(1, std::memory_order_release);
  if (g_main_ts) g_main_ts->eval_breaker.fetch_or(BREAKER_SIGNALS_PENDING, std::memory_order_relaxed);
  int fd = g_wakeup_fd.load(std::memory_order_relaxed);
  if (fd >= 0) {
    unsigned char byte = (unsigned char)sig;
    ssize_t r = ::write(fd, &byte, 1);
    (void)r;
  }
}

extern "C" void signal_handler(int sig) {
  int saved = errno;
  trip_signal(sig);
  if (g_main_tid && pid_t(::syscall(SYS_gettid)) != g_main_tid &&
      !(g_main_blocked.load(std::memory_order_relaxed) & sig_bit(sig))) {
    // Delivered to another thread: make the main thread see it (EINTR in its blocking wait).
    ::syscall(SYS_tgkill, ::getpid(), g_main_tid, sig);
  }
  errno = saved;
}

int set_os_handler(int sig, void (*func)(int)) {
  struct sigaction sa;
  std::memset(&sa, 0, sizeof sa);
  sa.sa_handler = func;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_ONSTACK;  // no SA_RESTART: blocking calls see EINTR (CPython's PyOS_setsig)
  return sigaction(sig, &sa, nullptr);
}

bool is_main(ThreadState* ts) { return ts && ts == g_main_ts; }

int run_handlers(ThreadState* ts) {
  if (!is_main(ts)) return 0;
  if (!g_is_tripped.load(std::memory_order_acquire)) return 0;
  g_is_tripped.store(0, std::memory_order_relaxed);
  Ref frame;
  for (int sig = 1; sig < kNSig; ++sig) {
    if (!g_tripped[sig].load(std::memory_order_relaxed)) continue;
    g_tripped[sig].store(0, std::memory_order_relaxed);
    Object* h = g_handlers[sig];
    if (!h || h == None || h == g_default_handler || h == g_ignore_handler || int_check(h)) continue;
    if (!frame) {
      frame = ts->frame ? Ref::steal(frame_get_object(ts->frame)) : Ref::borrow(None);
      if (!frame) {
        err_clear();
        frame = Ref::borrow(None);
      }
    }
    Ref num = Ref::steal(int_from_i64(sig));
    if (!num) return -1;
    Ref handler = Ref::borrow(h);
    Ref r = Ref::steal(call2(handler.get(), num.get(), frame.get()));
    if (!r) {
      g_is_tripped.store(1, std::memory_order_release);  // the others next time
      if (g_main_ts) g_main_ts->eval_breaker.fetch_or(BREAKER_SIGNALS_PENDING);
      return -1;
    }
  }
  return 0;
}

bool signum_arg(Object* o, int* out) {
  if (!int_check(o)) {
    err_format(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", o);
    return false;
  }
  bool ovf = false;
  int64_t v = int_as_i64(o, &ovf);
  if (ovf || v < 1 || v >= kNSig) {
    err_format(&Exc_ValueError, "signal number out of range");
    return false;
  }
  *out = int(v);
  return true;
}

bool handler_is(Object* h, Object* which) {
  if (h == which) return true;
  if (!int_check(h)) return false;
  int r = object_richcompare_bool(h, which, 2 /* EQ */);
  if (r < 0) err_clear();
  return r == 1;
}

// ---- module functions --------------------------------------------------------------------------

Object* signal_signal(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("signal", kwnames) || !check_positional("signal", nargs, 2, 2)) return nullptr;
  if (!is_main(tstate())) {
    return err_format(&Exc_ValueError, "signal only works in main thread of the main interpreter");
  }
  int sig;
  if (!signum_arg(args[0], &sig)) return nullptr;
  Object* handler = args[1];
  void (*func)(int);
  if (callable_check(handler)) {
    func = signal_handler;
  } else if (handler_is(handler, g_ignore_handler)) {
    func = SIG_IGN;
  } else if (handler_is(handler, g_default_handler)) {
    func = SIG_DFL;
  } else {
    return err_format(&Exc_TypeError,
                      "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
  }
  if (run_handlers(tstate()) < 0) return nullptr;
  if (set_os_handler(sig, func) < 0) return err_set_from_errno(&Exc_OSError);
  Object* old = g_handlers[sig];
  g_handlers[sig] = newref(handler);
  if (!old) return none_ref();
  return old;  // the reference g_handlers held
}

Object* signal_getsignal(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("getsignal", nargs, kwnames)) return nullptr;
  int sig;
  if (!signum_arg(args[0], &sig)) return nullptr;
  Object* h = g_handlers[sig];
  return newref(h ? h : None);
}

Object* signal_default_int_handler(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  err_set(&Exc_KeyboardInterrupt, nullptr);
  return nullptr;
}

Object* signal_raise_signal(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("raise_signal", nargs, kwnames)) return nullptr;
  int sig;
  if (!signum_arg(args[0], &sig)) return nullptr;
  int r;
  {
    // A signal ignored or with a default action may stop or kill us: nothing to hold.
    r = ::raise(sig);
  }
  if (r != 0) return err_set_from_errno(&Exc_OSError);
  if (run_handlers(tstate()) < 0) return nullptr;
  return none_ref();
}

Object* signal_alarm(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("alarm", nargs, kwnames)) return nullptr;
  if (!int_check(args[0])) {
    return err_format(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", args[0]);
  }
  ssize s = int_as_ssize(args[0]);
  if (s == -1 && err_occurred()) return nullptr;
  return int_from_i64(::alarm((unsigned)s));
}

Object* signal_pause(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("pause", nargs, kwnames)) return nullptr;
  {
    AllowThreads allow;
    ::pause();
  }
  if (run_handlers(tstate()) < 0) return nullptr;
  return none_ref();
}

Object* itimer_tuple(const struct itimerval& v) {
  Ref t = Ref::steal(tuple_new(2));
  if (!t) return nullptr;
  Object* a = float_from_double(double(v.it_value.tv_sec) + double(v.it_value.tv_usec) / 1e6);
  if (!a) return nullptr;
  tuple_set_steal(t.get(), 0, a);
  Object* b = float_from_double(double(v.it_interval.tv_sec) + double(v.it_interval.tv_usec) / 1e6);
  if (!b) return nullptr;
  tuple_set_steal(t.get(), 1, b);
  return t.release();
}

void to_timeval(double s, struct timeval* tv) {
  tv->tv_sec = time_t(std::floor(s));
  tv->tv_usec = suseconds_t((s - std::floor(s)) * 1e6);
  if (tv->tv_usec == 0 && s > 0 && tv->tv_sec == 0) tv->tv_usec = 1;
}

Object* signal_setitimer(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("setitimer", kwnames) || !check_positional("setitimer", nargs, 2, 3)) return nullptr;
  ssize which = int_as_ssize(args[0]);
  if (which == -1 && err_occurred()) return nullptr;
  double secs = float_as_double(args[1]);
  if (secs == -1.0 && err_occurred()) return nullptr;
  double interval = 0;
  if (nargs > 2) {
    interval = float_as_double(args[2]);
    if (interval == -1.0 && err_occurred()) return nullptr;
  }
  struct itimerval nv, ov;
  to_timeval(secs, &nv.it_value);
  to_timeval(interval, &nv.it_interval);
  if (setitimer(int(which), &nv, &ov) != 0) {
    int e = errno;
    err_format(reinterpret_cast<TypeObject*>(g_itimer_error), "[Errno %d] %s", e, strerror(e));
    return nullptr;
  }
  return itimer_tuple(ov);
}

Object* signal_getitimer(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("getitimer", nargs, kwnames)) return nullptr;
  ssize which = int_as_ssize(args[0]);
  if (which == -1 && err_occurred()) return nullptr;
  struct itimerval v;
  if (getitimer(int(which), &v) != 0) {
    int e = errno;
    err_format(reinterpret_cast<TypeObject*>(g_itimer_error), "[Errno %d] %s", e, strerror(e));
    return nullptr;
  }
  return itimer_tuple(v);
}

Object* signal_set_wakeup_fd(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"", "warn_on_full_buffer", nullptr};
  ArgSpec spec{"set_wakeup_fd", names, 1, 1};
  Object* out[2] = {nullptr, nullptr};
  if (!parse_args(spec, args, nargs, kwnames, out)) return nullptr;
  ssize fd = int_as_ssize(out[0]);
  if (fd == -1 && err_occurred()) return nullptr;
  if (!is_main(tstate())) {
    return err_format(&Exc_ValueError,
                      "set_wakeup_fd only works in main thread of the main interpreter");
  }
  return int_from_i64(g_wakeup_fd.exchange(int(fd)));
}

Object* signal_strsignal(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("strsignal", nargs, kwnames)) return nullptr;
  int sig;
  if (!signum_arg(args[0], &sig)) return nullptr;
  const char* s = sigdescr_np(sig);
  if (!s) return none_ref();
  return str_from_cstr(s);
}

Object* signal_valid_signals(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("valid_signals", nargs, kwnames)) return nullptr;
  sigset_t all;
  sigfillset(&all);
  Ref s = Ref::steal(set_new(nullptr));
  if (!s) return nullptr;
  for (int sig = 1; sig < kNSig; ++sig) {
    if (sigismember(&all, sig) != 1) continue;
    Ref n = Ref::steal(int_from_i64(sig));
    if (!n || set_add(s.get(), n.get()) < 0) return nullptr;
  }
  return s.release();
}

// A live thread of this interpreter (the main thread, _thread's threads, attached native
// threads): pthread_kill on any other pthread_t is undefined behaviour (glibc crashes on a
// made-up one), so those get ESRCH instead. Thread states leave the list before their OS thread
// ends. Needs the GIL.
bool is_live_thread(unsigned long ident) {
  for (ThreadState* t = main_interpreter()->threads; t; t = t->next) {
    if (t->ident == ident) return true;
  }
  return false;
}

Object* signal_pthread_kill(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("_signal.pthread_kill", kwnames) ||
      !check_positional("pthread_kill", nargs, 2, 2)) {
    return nullptr;
  }
  // The thread id as CPython's 'k' converter: an int, reduced modulo 2**64.
  if (!int_check(args[0])) {
    return err_format(&Exc_TypeError, "pthread_kill() argument 1 must be int, not %T", args[0]);
  }
  mpz_t z;
  mpz_init(z);
  int_to_mpz(args[0], z);
  mpz_fdiv_r_2exp(z, z, 64);
  unsigned long th = mpz_get_ui(z);
  mpz_clear(z);
  int sig;
  if (!index_as_int(args[1], &sig)) return nullptr;  // range checked by pthread_kill (0 probes)
  int e = is_live_thread(th) ? pthread_kill(pthread_t(th), sig) : ESRCH;
  if (e != 0) {
    errno = e;
    return err_set_from_errno(&Exc_OSError);
  }
  // The signal may have been sent to this thread.
  if (run_handlers(tstate()) < 0) return nullptr;
  return none_ref();
}

// ---- signal masks and synchronous waits ---------------------------------------------------------

// An iterable of signal numbers as a sigset_t, as CPython's _Py_Sigset_Converter: each item is
// an integer in [1; NSIG-1]; numbers the C library refuses (glibc's internal 32 and 33) are
// skipped with a RuntimeWarning, so that range(1, NSIG) works.
bool sigset_arg(Object* iterable, sigset_t* out) {
  sigemptyset(out);
  Ref it = Ref::steal(object_getiter(iterable));
  if (!it) return false;
  for (;;) {
    Ref item = Ref::steal(iter_next(it.get()));
    if (!item) {
      if (err_occurred()) return false;
      return true;
    }
    Ref num = Ref::steal(number_index(item.get()));
    if (!num) return false;
    bool overflow = false;
    int64_t sig = int_as_i64(num.get(), &overflow);
    if (overflow) sig = -1;
    if (sig < 1 || sig >= kNSig) {
      err_format(&Exc_ValueError, "signal number %lld out of range [1; %d]", (long long)sig,
                 kNSig - 1);
      return false;
    }
    if (sigaddset(out, int(sig)) != 0) {
      Ref warnings = Ref::steal(import_module("warnings"));
      Ref warn = warnings ? Ref::steal(object_getattr_str(warnings.get(), "warn")) : Ref();
      Ref text = Ref::steal(str_from_format("invalid signal number %lld, please use valid_signals()",
                                            (long long)sig));
      if (!warn || !text) return false;
      Ref r = Ref::steal(call2(warn.get(), text.get(), as_object(&Exc_RuntimeWarning)));
      if (!r) return false;
    }
  }
}

Object* sigset_to_set(const sigset_t& set) {
  Ref result = Ref::steal(set_new(nullptr));
  if (!result) return nullptr;
  for (int sig = 1; sig < kNSig; ++sig) {
    if (sigismember(&set, sig) != 1) continue;
    Ref n = Ref::steal(int_from_i64(sig));
    if (!n || set_add(result.get(), n.get()) < 0) return nullptr;
  }
  return result.release();
}

Object* signal_pthread_sigmask(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("_signal.pthread_sigmask", kwnames) ||
      !check_positional("pthread_sigmask", nargs, 2, 2)) {
    return nullptr;
  }
  int how;
  sigset_t mask, previous;
  if (!index_as_int(args[0], &how) || !sigset_arg(args[1], &mask)) return nullptr;
  bool main = is_main(tstate());
  if (main && (how == SIG_BLOCK || how == SIG_SETMASK)) {
    // Blocked from before the call on: the handler must not re-send these (see the top).
    g_main_blocked.fetch_or(mask_bits(mask), std::memory_order_relaxed);
  }
  int e = pthread_sigmask(how, &mask, &previous);
  if (main) g_main_blocked.store(current_mask_bits(), std::memory_order_relaxed);
  if (e != 0) {
    errno = e;
    return err_set_from_errno(&Exc_OSError);
  }
  // Signals just unblocked were delivered during the call: their handlers run now.
  if (run_handlers(tstate()) < 0) return nullptr;
  return sigset_to_set(previous);
}

Object* signal_sigpending(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("_signal.sigpending", nargs, kwnames)) return nullptr;
  sigset_t pending;
  if (sigpending(&pending) != 0) return err_set_from_errno(&Exc_OSError);
  return sigset_to_set(pending);
}

Object* signal_sigwait(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("_signal.sigwait", nargs, kwnames)) return nullptr;
  sigset_t set;
  if (!sigset_arg(args[0], &set)) return nullptr;
  int sig = 0, e;
  {
    AllowThreads allow;
    e = sigwait(&set, &sig);  // retries EINTR itself
  }
  if (e != 0) {
    errno = e;
    return err_set_from_errno(&Exc_OSError);
  }
  return int_from_i64(sig);
}

Object* siginfo_new(const siginfo_t& si) {
  Ref items[7];
  items[0] = Ref::steal(int_from_i64(si.si_signo));
  items[1] = Ref::steal(int_from_i64(si.si_code));
  items[2] = Ref::steal(int_from_i64(si.si_errno));
  items[3] = Ref::steal(int_from_i64(si.si_pid));
  // As CPython's _PyLong_FromUid: (uid_t)-1 is -1.
  items[4] = Ref::steal(si.si_uid == uid_t(-1) ? int_from_i64(-1) : int_from_u64(si.si_uid));
  items[5] = Ref::steal(int_from_i64(si.si_status));
  items[6] = Ref::steal(int_from_i64(si.si_band));
  Object* values[7];
  for (int i = 0; i < 7; ++i) {
    if (!items[i]) return nullptr;
    values[i] = items[i].get();
  }
  return structseq_new(&SigInfoType, values);
}

Object* signal_sigwaitinfo(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("_signal.sigwaitinfo", nargs, kwnames)) return nullptr;
  sigset_t set;
  if (!sigset_arg(args[0], &set)) return nullptr;
  siginfo_t si;
  for (;;) {
    int r, e;
    {
      AllowThreads allow;
      r = sigwaitinfo(&set, &si);
      e = errno;
    }
    if (r != -1) return siginfo_new(si);
    if (e != EINTR) {
      errno = e;
      return err_set_from_errno(&Exc_OSError);
    }
    // Interrupted by a handled signal: run its handler (which may raise), then wait on.
    if (run_handlers(tstate()) < 0) return nullptr;
  }
}

// sigtimedwait's timeout in nanoseconds, as CPython's _PyTime_FromSecondsObject (rounding up).
bool timeout_ns_arg(Object* o, int64_t* out) {
  constexpr double kLimit = 9223372036854775808.0;  // 2**63
  if (float_check(o)) {
    double d = float_value(o);
    if (std::isnan(d)) {
      err_format(&Exc_ValueError, "Invalid value NaN (not a number)");
      return false;
    }
    d = std::ceil(d * 1e9);
    if (!(d >= -kLimit && d < kLimit)) {
      err_format(&Exc_OverflowError, "timestamp out of range for platform time_t");
      return false;
    }
    *out = int64_t(d);
    return true;
  }
  Ref i = Ref::steal(number_index(o));
  if (!i) return false;
  bool overflow = false;
  int64_t secs = int_as_i64(i.get(), &overflow);
  if (overflow || __builtin_mul_overflow(secs, int64_t(1000000000), out)) {
    err_format(&Exc_OverflowError, "timestamp too large to convert to C _PyTime_t");
    return false;
  }
  return true;
}

Object* signal_sigtimedwait(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("_signal.sigtimedwait", kwnames) ||
      !check_positional("sigtimedwait", nargs, 2, 2)) {
    return nullptr;
  }
  sigset_t set;
  int64_t timeout;
  if (!sigset_arg(args[0], &set) || !timeout_ns_arg(args[1], &timeout)) return nullptr;
  if (timeout < 0) return err_format(&Exc_ValueError, "timeout must be non-negative");
  uint64_t deadline = monotonic_ns() + uint64_t(timeout);
  siginfo_t si;
  for (;;) {
    struct timespec ts;
    ts.tv_sec = time_t(timeout / 1000000000);
    ts.tv_nsec = long(timeout % 1000000000);
    int r, e;
    {
      AllowThreads allow;
      r = sigtimedwait(&set, &si, &ts);
      e = errno;
    }
    if (r != -1) return siginfo_new(si);
    if (e == EAGAIN) return none_ref();  // timed out
    if (e != EINTR) {
      errno = e;
      return err_set_from_errno(&Exc_OSError);
    }
    if (run_handlers(tstate()) < 0) return nullptr;
    uint64_t now = monotonic_ns();
    if (now >= deadline) return none_ref();
    timeout = int64_t(deadline - now);
  }
}

Object* signal_siginterrupt(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("siginterrupt", kwnames) || !check_positional("siginterrupt", nargs, 2, 2)) return nullptr;
  int sig;
  if (!signum_arg(args[0], &sig)) return nullptr;
  int flag = object_is_true(args[1]);
  if (flag < 0) return nullptr;
  struct sigaction sa;
  sigaction(sig, nullptr, &sa);
  if (flag) {
    sa.sa_flags &= ~SA_RESTART;
  } else {
    sa.sa_flags |= SA_RESTART;
  }
  if (sigaction(sig, &sa, nullptr) != 0) return err_set_from_errno(&Exc_OSError);
  return none_ref();
}

const MethodDef kSignalFunctions[] = {
    {"signal", signal_signal, METH_DEFAULT, "Set the action for the given signal."},
    {"getsignal", signal_getsignal, METH_DEFAULT, "Return the current action for the given signal."},
    {"default_int_handler", signal_default_int_handler, METH_DEFAULT, "The default handler for SIGINT installed by Python."},
    {"raise_signal", signal_raise_signal, METH_DEFAULT, "Send a signal to the executing process."},
    {"alarm", signal_alarm, METH_DEFAULT, "Arrange for SIGALRM to arrive after the given number of seconds."},
    {"pause", signal_pause, METH_DEFAULT, "Wait until a signal arrives."},
    {"setitimer", signal_setitimer, METH_DEFAULT, "Sets given itimer (one of ITIMER_REAL, ITIMER_VIRTUAL or ITIMER_PROF)."},
    {"getitimer", signal_getitimer, METH_DEFAULT, "Returns current value of given itimer."},
    {"set_wakeup_fd", signal_set_wakeup_fd, METH_DEFAULT, "Sets the fd to be written to (with the signal number) when a signal comes in."},
    {"strsignal", signal_strsignal, METH_DEFAULT, "Return the system description of the given signal."},
    {"valid_signals", signal_valid_signals, METH_DEFAULT, "Return a set of valid signal numbers on this platform."},
    {"pthread_kill", signal_pthread_kill, METH_DEFAULT, "Send a signal to a thread."},
    {"pthread_sigmask", signal_pthread_sigmask, METH_DEFAULT, "Fetch and/or change the signal mask of the calling thread."},
    {"sigpending", signal_sigpending, METH_DEFAULT,
     "Examine pending signals.\n\nReturns a set of signal numbers that are pending for delivery to\nthe calling thread."},
    {"sigwait", signal_sigwait, METH_DEFAULT,
     "Wait for a signal.\n\nSuspend execution of the calling thread until the delivery of one of the\nsignals specified in the signal set sigset.  The function accepts the signal\nand returns the signal number."},
    {"sigwaitinfo", signal_sigwaitinfo, METH_DEFAULT,
     "Wait synchronously until one of the signals in *sigset* is delivered.\n\nReturns a struct_siginfo containing information about the signal."},
    {"sigtimedwait", signal_sigtimedwait, METH_DEFAULT,
     "Like sigwaitinfo(), but with a timeout.\n\nThe timeout is specified in seconds, with floating point numbers allowed."},
    {"siginterrupt", signal_siginterrupt, METH_DEFAULT, "Change system call restart behaviour."},
    {nullptr, nullptr, 0, nullptr},
};

const MethodDef kDefaultIntHandlerDef = {"default_int_handler", signal_default_int_handler,
                                         METH_DEFAULT,
                                         "The default handler for SIGINT installed by Python."};

int eval_hook(ThreadState* ts) { return run_handlers(ts); }

struct NamedSignal {
  const char* name;
  int value;
};
const NamedSignal kSignals[] = {
    {"SIGHUP", SIGHUP},       {"SIGINT", SIGINT},       {"SIGQUIT", SIGQUIT},
    {"SIGILL", SIGILL},       {"SIGTRAP", SIGTRAP},     {"SIGABRT", SIGABRT},
    {"SIGIOT", SIGIOT},       {"SIGBUS", SIGBUS},       {"SIGFPE", SIGFPE},
    {"SIGKILL", SIGKILL},     {"SIGUSR1", SIGUSR1},     {"SIGSEGV", SIGSEGV},
    {"SIGUSR2", SIGUSR2},     {"SIGPIPE", SIGPIPE},     {"SIGALRM", SIGALRM},
    {"SIGTERM", SIGTERM},     {"SIGCHLD", SIGCHLD},     {"SIGCLD", SIGCHLD},
    {"SIGCONT", SIGCONT},     {"SIGSTOP", SIGSTOP},     {"SIGTSTP", SIGTSTP},
    {"SIGTTIN", SIGTTIN},     {"SIGTTOU", SIGTTOU},     {"SIGURG", SIGURG},
    {"SIGXCPU", SIGXCPU},     {"SIGXFSZ", SIGXFSZ},     {"SIGVTALRM", SIGVTALRM},
    {"SIGPROF", SIGPROF},     {"SIGWINCH", SIGWINCH},   {"SIGIO", SIGIO},
    {"SIGPOLL", SIGPOLL},     {"SIGPWR", SIGPWR},       {"SIGSYS", SIGSYS},
    {"SIGSTKFLT", SIGSTKFLT}, {nullptr, 0},
};

}  // namespace

int check_signals() { return run_handlers(tstate()); }

bool is_main_thread(const ThreadState* ts) { return ts && ts == g_main_ts; }

// The child of fork(): the forking thread is the main thread now, and signals that arrived in the
// parent are the parent's (CPython's _PySignal_AfterFork forgets them too).
void signal_after_fork(ThreadState* ts) {
  g_main_ts = ts;
  g_main_tid = pid_t(::syscall(SYS_gettid));
  g_main_blocked.store(current_mask_bits(), std::memory_order_relaxed);
  for (auto& t : g_tripped) t.store(0, std::memory_order_relaxed);
  g_is_tripped.store(0, std::memory_order_relaxed);
  ts->eval_breaker.fetch_and(~BREAKER_SIGNALS_PENDING, std::memory_order_relaxed);
}

int signal_simulate(int sig) {
  if (sig < 1 || sig >= kNSig) {
    err_format(&Exc_ValueError, "signal number out of range");
    return -1;
  }
  Object* h = g_handlers[sig];
  if (!h || h == g_default_handler || h == g_ignore_handler || int_check(h)) return 0;
  trip_signal(sig);
  return 0;
}

bool signal_install_defaults(ThreadState* main_ts) {
  g_main_ts = main_ts;
  g_main_tid = pid_t(::syscall(SYS_gettid));
  g_main_blocked.store(current_mask_bits());  // a mask inherited through exec
  for (auto& t : g_tripped) t.store(0);
  g_default_handler = int_from_i64(0);
  g_ignore_handler = int_from_i64(1);
  if (!g_default_handler || !g_ignore_handler) return false;
  g_default_int_handler = cfunction_new(&kDefaultIntHandlerDef, nullptr, nullptr);
  if (!g_default_int_handler) return false;
  // As CPython's _PySignal_Init / signal_install_handlers.
  ::signal(SIGPIPE, SIG_IGN);
  ::signal(SIGXFSZ, SIG_IGN);
  for (int sig = 1; sig < kNSig; ++sig) {
    struct sigaction sa;
    if (sigaction(sig, nullptr, &sa) != 0) {
      g_handlers[sig] = nullptr;
      continue;
    }
    if (sa.sa_handler == SIG_DFL) {
      g_handlers[sig] = newref(g_default_handler);
    } else if (sa.sa_handler == SIG_IGN) {
      g_handlers[sig] = newref(g_ignore_handler);
    } else {
      g_handlers[sig] = newref(None);
    }
  }
  if (g_handlers[SIGINT] == g_default_handler) {
    set_os_handler(SIGINT, signal_handler);
    setref(&g_handlers[SIGINT], newref(g_default_int_handler));
  }
  eval_signal_hook = eval_hook;
  return true;
}

Object* signal_module_init() {
  static const char* const siginfo_fields[] = {"si_signo", "si_code", "si_errno", "si_pid",
                                               "si_uid",   "si_status", "si_band", nullptr};
  if (!(SigInfoType.flags & TPFLAG_READY) &&
      structseq_init_type(&SigInfoType, "signal.struct_siginfo", siginfo_fields, -1,
                          "struct_siginfo: Result from sigwaitinfo or sigtimedwait.\n\n"
                          "This object may be accessed either as a tuple of\n"
                          "(si_signo, si_code, si_errno, si_pid, si_uid, si_status, si_band),\n"
                          "or via the attributes si_signo, si_code, and so on.") < 0) {
    return nullptr;
  }
  Ref m = Ref::steal(module_new("_signal"));
  if (!m || module_add_functions(m.get(), kSignalFunctions) < 0 ||
      module_add_object(m.get(), "struct_siginfo", as_object(&SigInfoType)) < 0) {
    return nullptr;
  }
  if (g_default_int_handler) {
    // The same object getsignal(SIGINT) returns.
    if (module_add_object(m.get(), "default_int_handler", g_default_int_handler) < 0) return nullptr;
  }
  for (const NamedSignal* s = kSignals; s->name; ++s) {
    if (module_add_int(m.get(), s->name, s->value) < 0) return nullptr;
  }
  if (module_add_int(m.get(), "SIGRTMIN", SIGRTMIN) < 0 ||
      module_add_int(m.get(), "SIGRTMAX", SIGRTMAX) < 0 ||
      module_add_int(m.get(), "SIG_DFL", 0) < 0 || module_add_int(m.get(), "SIG_IGN", 1) < 0 ||
      module_add_int(m.get(), "NSIG", kNSig) < 0 ||
      module_add_int(m.get(), "SIG_BLOCK", SIG_BLOCK) < 0 ||
      module_add_int(m.get(), "SIG_UNBLOCK", SIG_UNBLOCK) < 0 ||
      module_add_int(m.get(), "SIG_SETMASK", SIG_SETMASK) < 0 ||
      module_add_int(m.get(), "ITIMER_REAL", ITIMER_REAL) < 0 ||
      module_add_int(m.get(), "ITIMER_VIRTUAL", ITIMER_VIRTUAL) < 0 ||
      module_add_int(m.get(), "ITIMER_PROF", ITIMER_PROF) < 0) {
    return nullptr;
  }
  if (!g_itimer_error) g_itimer_error = newref(as_object(&Exc_OSError));
  if (module_add_object(m.get(), "ItimerError", g_itimer_error) < 0) return nullptr;
  return m.release();
}

}  // namespace gilpy

// The `_gil` module (gilpy only): the GIL's statistics for programs and tests, the -X gilstats
// report printed at exit, and the GIL's sys functions (sys.setswitchinterval/getswitchinterval,
// and sys.setcheckinterval/getcheckinterval under -X gil=ticks, where Python 2 had them).
//
//   _gil.policy()        -> 'cpython' | 'ticks'
//   _gil.counting()      -> True when bytecodes are counted (ticks policy, or -X gilstats)
//   _gil.stats()         -> dict: policy, switch_interval (s), check_interval (0 if none),
//                           switches, wall_time (s), held_time (s), held_share (0..1), threads:
//                           a list of dicts, one per thread ever started, in start order:
//                           name, alive, bytecodes, hold_time, wait_time, max_wait (s), takes,
//                           forced_drops, voluntary_releases, tick_releases, drop_requests
//   _gil.thread_stats()  -> the calling thread's dict (as in stats()['threads'])
//   _gil.report()        -> the -X gilstats table as a str
//
// Every figure is read through Gil::snapshot_stats(), holding the GIL (vm/gil.h explains why
// that makes the copy consistent). Bytecodes are counted only when counting() is True (the
// counting dispatch of vm/eval.cpp), otherwise they read 0.
#include <cinttypes>
#include <cstdarg>
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
#include "vm/gil.h"
#include "vm/state.h"

namespace gilpy {

namespace {

Gil* gil_or_error() {
  Gil* g = runtime_gil();
  if (!g) err_format(&Exc_RuntimeError, "the GIL is not initialised");
  return g;
}

bool put(Object* d, const char* key, Object* v) {
  if (!v) return false;
  int r = dict_setitem_str(d, key, v);
  decref(v);
  return r == 0;
}

Object* thread_dict(const GilThreadStats& s) {
  Ref d = Ref::steal(dict_new());
  if (!d) return nullptr;
  bool alive = s.ended_ns == 0;
  if (!put(d.get(), "name", str_from_utf8(s.name)) ||
      !put(d.get(), "alive", bool_from(alive)) ||
      !put(d.get(), "bytecodes", int_from_u64(s.bytecodes)) ||
      !put(d.get(), "hold_time", float_from_double(double(s.hold_ns) / 1e9)) ||
      !put(d.get(), "wait_time", float_from_double(double(s.wait_ns) / 1e9)) ||
      !put(d.get(), "max_wait", float_from_double(double(s.max_wait_ns) / 1e9)) ||
      !put(d.get(), "takes", int_from_u64(s.takes)) ||
      !put(d.get(), "forced_drops", int_from_u64(s.forced_drops)) ||
      !put(d.get(), "voluntary_releases", int_from_u64(s.voluntary_releases)) ||
      !put(d.get(), "tick_releases", int_from_u64(s.tick_releases)) ||
      !put(d.get(), "drop_requests", int_from_u64(s.drop_requests_made))) {
    return nullptr;
  }
  return d.release();
}

Object* gil_stats(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("stats", nargs, kwnames)) return nullptr;
  Gil* g = gil_or_error();
  if (!g) return nullptr;
  std::vector<GilThreadStats> all = g->snapshot_stats();
  uint64_t held = 0;
  for (const auto& s : all) held += s.hold_ns;
  double wall = double(monotonic_ns() - g->start_ns()) / 1e9;
  Ref d = Ref::steal(dict_new());
  Ref threads = Ref::steal(list_new(0));
  if (!d || !threads) return nullptr;
  for (const auto& s : all) {
    Ref t = Ref::steal(thread_dict(s));
    if (!t || list_append(threads.get(), t.get()) < 0) return nullptr;
  }
  if (!put(d.get(), "policy", str_from_cstr(g->policy().name())) ||
      !put(d.get(), "switch_interval", float_from_double(double(g->interval_us()) / 1e6)) ||
      !put(d.get(), "check_interval", int_from_i64(g->policy().check_interval())) ||
      !put(d.get(), "switches", int_from_u64(g->switch_number())) ||
      !put(d.get(), "wall_time", float_from_double(wall)) ||
      !put(d.get(), "held_time", float_from_double(double(held) / 1e9)) ||
      !put(d.get(), "held_share", float_from_double(wall > 0 ? double(held) / 1e9 / wall : 0)) ||
      dict_setitem_str(d.get(), "threads", threads.get()) < 0) {
    return nullptr;
  }
  return d.release();
}

Object* gil_thread_stats(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("thread_stats", nargs, kwnames)) return nullptr;
  Gil* g = gil_or_error();
  if (!g) return nullptr;
  auto* mine = static_cast<GilThreadStats*>(tstate()->gil_stats);
  if (!mine) return err_format(&Exc_RuntimeError, "thread not registered with the GIL");
  for (const auto& s : g->snapshot_stats()) {
    if (s.index == mine->index) return thread_dict(s);
  }
  return err_format(&Exc_RuntimeError, "thread not registered with the GIL");
}

Object* gil_policy(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("policy", nargs, kwnames)) return nullptr;
  Gil* g = gil_or_error();
  return g ? str_from_cstr(g->policy().name()) : nullptr;
}

Object* gil_counting(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("counting", nargs, kwnames)) return nullptr;
  Gil* g = gil_or_error();
  return g ? bool_from(g->counts_instructions()) : nullptr;
}

Object* gil_report_meth(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("report", nargs, kwnames)) return nullptr;
  Gil* g = gil_or_error();
  return g ? str_from_utf8(gil_report_text(*g)) : nullptr;
}

// _bench_release_take(n): n uncontended AllowThreads cycles (drop + take, statistics included);
// returns the mean cost of one cycle in nanoseconds (bench/gil/gil_handoff.py).
Object* gil_bench_release_take(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("_bench_release_take", nargs, kwnames)) return nullptr;
  ssize n = int_as_ssize(args[0]);
  if (n == -1 && err_occurred()) return nullptr;
  if (n <= 0) return err_format(&Exc_ValueError, "n must be positive");
  uint64_t t0 = monotonic_ns();
  for (ssize i = 0; i < n; ++i) {
    AllowThreads allow;
  }
  return float_from_double(double(monotonic_ns() - t0) / double(n));
}

const MethodDef kGilFunctions[] = {
    {"_bench_release_take", gil_bench_release_take, METH_DEFAULT, nullptr},
    {"stats", gil_stats, METH_DEFAULT, "The GIL statistics of the interpreter and of every thread."},
    {"thread_stats", gil_thread_stats, METH_DEFAULT, "The GIL statistics of the calling thread."},
    {"policy", gil_policy, METH_DEFAULT, "The GIL policy: 'cpython' or 'ticks'."},
    {"counting", gil_counting, METH_DEFAULT, "Whether bytecodes are counted."},
    {"report", gil_report_meth, METH_DEFAULT, "The -X gilstats report as a string."},
    {nullptr, nullptr, 0, nullptr},
};

// ---- sys functions -----------------------------------------------------------------------------

Object* sys_setswitchinterval(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("setswitchinterval", nargs, kwnames)) return nullptr;
  Object* v = args[0];
  double interval;
  if (float_check(v)) {
    interval = float_value(v);
  } else if (int_check(v) || type_of(v)->nb_float || type_of(v)->nb_index) {
    interval = float_as_double(v);
    if (interval == -1.0 && err_occurred()) return nullptr;
  } else {
    return err_format(&Exc_TypeError, "must be real number, not %T", v);
  }
  if (!(interval > 0.0)) {
    return err_format(&Exc_ValueError, "switch interval must be strictly positive");
  }
  Gil* g = gil_or_error();
  if (!g) return nullptr;
  g->set_interval_us(int64_t((unsigned long)(1e6 * interval)));
  return none_ref();
}

Object* sys_getswitchinterval(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("getswitchinterval", nargs, kwnames)) return nullptr;
  Gil* g = gil_or_error();
  if (!g) return nullptr;
  return float_from_double(1.0 * double(g->interval_us()) / 1e6);
}

Object* sys_setcheckinterval(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("setcheckinterval", nargs, kwnames)) return nullptr;
  if (!int_check(args[0])) {
    return err_format(&Exc_TypeError, "an integer is required");
  }
  bool ovf = false;
  int64_t n = int_as_i64(args[0], &ovf);
  if (ovf || n > INT32_MAX || n < INT32_MIN) {
    return err_format(&Exc_OverflowError, "signed integer is greater than maximum");
  }
  Gil* g = gil_or_error();
  if (!g) return nullptr;
  g->policy().set_check_interval(int(n));
  return none_ref();
}

Object* sys_getcheckinterval(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("getcheckinterval", nargs, kwnames)) return nullptr;
  Gil* g = gil_or_error();
  if (!g) return nullptr;
  return int_from_i64(g->policy().check_interval());
}

const MethodDef kSysSwitch[] = {
    {"setswitchinterval", sys_setswitchinterval, METH_DEFAULT, "Set the ideal thread switching delay inside the Python interpreter."},
    {"getswitchinterval", sys_getswitchinterval, METH_DEFAULT, "Return the current thread switch interval; see sys.setswitchinterval()."},
    {nullptr, nullptr, 0, nullptr},
};
const MethodDef kSysCheck[] = {
    {"setcheckinterval", sys_setcheckinterval, METH_DEFAULT, "Tell the Python interpreter to check for asynchronous events every n instructions (-X gil=ticks)."},
    {"getcheckinterval", sys_getcheckinterval, METH_DEFAULT, "Return the current check interval; see sys.setcheckinterval()."},
    {nullptr, nullptr, 0, nullptr},
};

bool add_to_dict(Object* d, const MethodDef* defs) {
  for (const MethodDef* m = defs; m->name; ++m) {
    Ref f = Ref::steal(cfunction_new(m, nullptr, nullptr));
    if (!f || dict_setitem_str(d, m->name, f.get()) < 0) return false;
  }
  return true;
}

std::string fmt(const char* f, ...) __attribute__((format(printf, 1, 2)));
std::string fmt(const char* f, ...) {
  char buf[512];
  va_list ap;
  va_start(ap, f);
  std::vsnprintf(buf, sizeof buf, f, ap);
  va_end(ap);
  return buf;
}

}  // namespace

std::string gil_report_text(Gil& g) {
  std::vector<GilThreadStats> all = g.snapshot_stats();
  uint64_t now = monotonic_ns();
  double wall = double(now - g.start_ns()) / 1e9;
  uint64_t held = 0;
  for (const auto& s : all) held += s.hold_ns;
  std::string out;
  out += fmt("GIL statistics: policy %s, switch interval %.3f ms", g.policy().name(),
             double(g.interval_us()) / 1000.0);
  if (g.policy().check_interval() > 0) {
    out += fmt(", check interval %d instructions", g.policy().check_interval());
  }
  out += fmt(", wall time %.3f s\n", wall);
  out += fmt("%-24s %12s %10s %10s %8s %8s %9s %8s %12s\n", "thread", "bytecodes", "held s",
             "waited s", "takes", "forced", "voluntary", "ticks", "max wait ms");
  for (const auto& s : all) {
    std::string name = s.name.size() > 24 ? s.name.substr(0, 21) + "..." : s.name;
    std::string codes = g.counts_instructions() ? fmt("%" PRIu64, s.bytecodes) : "-";
    out += fmt("%-24s %12s %10.3f %10.3f %8" PRIu64 " %8" PRIu64 " %9" PRIu64 " %8" PRIu64
               " %12.3f\n",
               name.c_str(), codes.c_str(), double(s.hold_ns) / 1e9, double(s.wait_ns) / 1e9,
               s.takes, s.forced_drops, s.voluntary_releases, s.tick_releases,
               double(s.max_wait_ns) / 1e6);
  }
  out += fmt("interpreter: %zu threads, %" PRIu64 " switches, GIL held %.1f%% of wall time\n",
             all.size(), g.switch_number(), wall > 0 ? 100.0 * double(held) / 1e9 / wall : 0.0);
  return out;
}

bool gil_install_sys_functions(Object* sysdict) {
  if (!add_to_dict(sysdict, kSysSwitch)) return false;
  Gil* g = runtime_gil();
  if (g && g->policy().check_interval() > 0 && !add_to_dict(sysdict, kSysCheck)) return false;
  return true;
}

Object* gil_module_init() {
  Ref m = Ref::steal(module_new("_gil"));
  if (!m || module_add_functions(m.get(), kGilFunctions) < 0) return nullptr;
  return m.release();
}

}  // namespace gilpy

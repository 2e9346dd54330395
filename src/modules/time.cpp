// The `time` module: clocks, sleep, and broken-down time (struct_time) over the C library.
// time.sleep is a blocking call: the GIL is released around it in sleep_for(), and signals
// interrupt it as in CPython (their handlers run; one that raises ends the sleep).
#include <sys/time.h>
#include <time.h>

#include <cerrno>
#include <cmath>
#include <string>

#include "core/abstract.h"
#include "core/args.h"
#include "core/error.h"
#include "modules/modules.h"
#include "objects/containers.h"
#include "objects/floatobject.h"
#include "objects/intobject.h"
#include "objects/moduleobject.h"
#include "objects/namespaceobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"
#include "objects/structseq.h"
#include "vm/gil.h"
#include "vm/import.h"

namespace gilpy {

namespace {

TypeObject StructTimeType;

int64_t clock_ns(clockid_t clock) {
  struct timespec ts;
  clock_gettime(clock, &ts);
  return int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

Object* clock_seconds(const char* fname, clockid_t clock, ssize nargs, Object* kwnames) {
  if (!check_no_args(fname, nargs, kwnames)) return nullptr;
  return float_from_double(double(clock_ns(clock)) * 1e-9);
}

Object* clock_nanoseconds(const char* fname, clockid_t clock, ssize nargs, Object* kwnames) {
  if (!check_no_args(fname, nargs, kwnames)) return nullptr;
  return int_from_i64(clock_ns(clock));
}

// time.NAME() and time.NAME_ns() over one clock.
#define GILPY_TIME_CLOCK(NAME, CLOCK)                                                 \
  Object* time_##NAME(Object*, Object* const*, ssize nargs, Object* kwnames) {        \
    return clock_seconds("time." #NAME, CLOCK, nargs, kwnames);                       \
  }                                                                                   \
  Object* time_##NAME##_ns(Object*, Object* const*, ssize nargs, Object* kwnames) {   \
    return clock_nanoseconds("time." #NAME "_ns", CLOCK, nargs, kwnames);             \
  }
GILPY_TIME_CLOCK(time, CLOCK_REALTIME)
GILPY_TIME_CLOCK(perf_counter, CLOCK_MONOTONIC)
GILPY_TIME_CLOCK(monotonic, CLOCK_MONOTONIC)
GILPY_TIME_CLOCK(process_time, CLOCK_PROCESS_CPUTIME_ID)
GILPY_TIME_CLOCK(thread_time, CLOCK_THREAD_CPUTIME_ID)
#undef GILPY_TIME_CLOCK

// time.get_clock_info(name): how each clock is implemented, as a namespace.
Object* time_get_clock_info(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("time.get_clock_info", nargs, kwnames)) return nullptr;
  if (!str_check(args[0])) {
    return err_format(&Exc_TypeError, "get_clock_info() argument must be str, not %T", args[0]);
  }
  struct Clock {
    const char* name;
    const char* implementation;
    clockid_t id;
    bool monotonic, adjustable;
  };
  static const Clock clocks[] = {
      {"time", "clock_gettime(CLOCK_REALTIME)", CLOCK_REALTIME, false, true},
      {"monotonic", "clock_gettime(CLOCK_MONOTONIC)", CLOCK_MONOTONIC, true, false},
      {"perf_counter", "clock_gettime(CLOCK_MONOTONIC)", CLOCK_MONOTONIC, true, false},
      {"process_time", "clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", CLOCK_PROCESS_CPUTIME_ID, true,
       false},
      {"thread_time", "clock_gettime(CLOCK_THREAD_CPUTIME_ID)", CLOCK_THREAD_CPUTIME_ID, true,
       false},
  };
  for (const Clock& c : clocks) {
    if (!str_equal_cstr(args[0], c.name)) continue;
    struct timespec res;
    clock_getres(c.id, &res);
    Ref kwargs = Ref::steal(dict_new());
    Ref impl = Ref::steal(str_from_cstr(c.implementation));
    Ref resolution =
        Ref::steal(float_from_double(double(res.tv_sec) + double(res.tv_nsec) * 1e-9));
    if (!kwargs || !impl || !resolution ||
        dict_setitem_str(kwargs.get(), "implementation", impl.get()) < 0 ||
        dict_setitem_str(kwargs.get(), "monotonic", c.monotonic ? True : False) < 0 ||
        dict_setitem_str(kwargs.get(), "adjustable", c.adjustable ? True : False) < 0 ||
        dict_setitem_str(kwargs.get(), "resolution", resolution.get()) < 0) {
      return nullptr;
    }
    return namespace_new(kwargs.get());
  }
  return err_format(&Exc_ValueError, "unknown clock");
}

// Sleep for `secs` seconds with the GIL released (vm/gil.h AllowThreads), as CPython 3.12's
// pysleep: an absolute deadline on the monotonic clock; a signal interrupts the sleep, its Python
// handler runs (with the GIL), and if it raises, the sleep ends with that exception (PEP 475),
// otherwise the sleep goes on until the deadline. Returns 0, or -1 with the exception set.
int sleep_for(double secs) {
  struct timespec deadline;
  clock_gettime(CLOCK_MONOTONIC, &deadline);
  double whole = std::floor(secs);
  deadline.tv_sec += time_t(whole);
  deadline.tv_nsec += long((secs - whole) * 1e9);
  if (deadline.tv_nsec >= 1000000000L) {
    deadline.tv_sec += 1;
    deadline.tv_nsec -= 1000000000L;
  }
  for (;;) {
    int err;
    {
      AllowThreads allow;
      err = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &deadline, nullptr);
    }
    if (err == 0) return 0;
    if (err != EINTR) {
      errno = err;
      err_set_from_errno(&Exc_OSError);
      return -1;
    }
    if (check_signals() < 0) return -1;
  }
}

Object* time_sleep(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("time.sleep", nargs, kwnames)) return nullptr;
  Object* v = args[0];
  double secs;
  if (float_check(v)) {
    secs = float_value(v);
    if (std::isnan(secs)) return err_format(&Exc_ValueError, "Invalid value NaN (not a number)");
  } else if (int_check(v)) {
    secs = int_as_double(v);
    if (secs == -1.0 && err_occurred()) return nullptr;
  } else {
    return err_format(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", v);
  }
  if (secs < 0) return err_format(&Exc_ValueError, "sleep length must be non-negative");
  if (sleep_for(secs) < 0) return nullptr;
  return none_ref();
}

Object* make_struct_time(const struct tm& t) {
  Ref items[11] = {
      Ref::steal(int_from_i64(t.tm_year + 1900)), Ref::steal(int_from_i64(t.tm_mon + 1)),
      Ref::steal(int_from_i64(t.tm_mday)),        Ref::steal(int_from_i64(t.tm_hour)),
      Ref::steal(int_from_i64(t.tm_min)),         Ref::steal(int_from_i64(t.tm_sec)),
      Ref::steal(int_from_i64((t.tm_wday + 6) % 7)), Ref::steal(int_from_i64(t.tm_yday + 1)),
      Ref::steal(int_from_i64(t.tm_isdst)),
      Ref::steal(str_from_cstr(t.tm_zone ? t.tm_zone : "")),
      Ref::steal(int_from_i64(t.tm_gmtoff)),
  };
  Object* raw[11];
  for (int i = 0; i < 11; ++i) {
    if (!items[i]) return nullptr;
    raw[i] = items[i].get();
  }
  return structseq_new(&StructTimeType, raw);
}

// The seconds argument of localtime/gmtime/ctime: None means now.
bool seconds_arg(const char* fname, Object* const* args, ssize nargs, Object* kwnames, time_t* out) {
  if (!check_no_kwargs(fname, kwnames) || !check_positional(fname, nargs, 0, 1)) return false;
  if (nargs == 0 || args[0] == None) {
    *out = time(nullptr);
    return true;
  }
  // As CPython's _PyTime_ObjectToTime_t: floats are floored, anything else must be an integer.
  Object* v = args[0];
  if (float_check(v)) {
    double d = float_value(v);
    if (std::isnan(d)) {
      err_format(&Exc_ValueError, "Invalid value NaN (not a number)");
      return false;
    }
    d = std::floor(d);
    if (!(d >= -9.2e18 && d <= 9.2e18)) {
      err_format(&Exc_OverflowError, "timestamp out of range for platform time_t");
      return false;
    }
    *out = time_t(d);
    return true;
  }
  Ref i = Ref::steal(number_index(v));
  if (!i) return false;
  bool overflow = false;
  int64_t secs = int_as_i64(i.get(), &overflow);
  if (overflow) {
    err_format(&Exc_OverflowError, "timestamp out of range for platform time_t");
    return false;
  }
  *out = time_t(secs);
  return true;
}

Object* time_localtime(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  time_t t;
  if (!seconds_arg("localtime", args, nargs, kwnames, &t)) return nullptr;
  struct tm tm;
  if (!localtime_r(&t, &tm)) return err_set_from_errno(&Exc_OSError);
  return make_struct_time(tm);
}

Object* time_gmtime(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  time_t t;
  if (!seconds_arg("gmtime", args, nargs, kwnames, &t)) return nullptr;
  struct tm tm;
  if (!gmtime_r(&t, &tm)) {
    if (errno == EOVERFLOW) return err_format(&Exc_OverflowError, "timestamp out of range for platform time_t");
    return err_set_from_errno(&Exc_OSError);
  }
  return make_struct_time(tm);
}

// A struct_time (or 9-tuple) to struct tm, with CPython's checks.
bool to_tm(const char* fname, Object* tuple, struct tm* out) {
  if (!tuple_check(tuple) || tuple_size(tuple) != 9) {
    if (tuple_check(tuple)) {
      err_format(&Exc_TypeError, "%s(): illegal time tuple argument", fname);
    } else {
      err_format(&Exc_TypeError, "Tuple or struct_time argument required");
    }
    return false;
  }
  int v[9];
  for (int i = 0; i < 9; ++i) {
    Object* item = tuple_get_borrowed(tuple, i);
    if (!int_check(item)) {
      err_format(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", item);
      return false;
    }
    ssize x = int_as_ssize(item);
    if (x == -1 && err_occurred()) return false;
    v[i] = int(x);
  }
  *out = {};
  out->tm_year = v[0] - 1900;
  out->tm_mon = v[1] - 1;
  out->tm_mday = v[2];
  out->tm_hour = v[3];
  out->tm_min = v[4];
  out->tm_sec = v[5];
  out->tm_wday = (v[6] + 1) % 7;
  out->tm_yday = v[7] - 1;
  out->tm_isdst = v[8];
  return true;
}

Object* time_mktime(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("time.mktime", nargs, kwnames)) return nullptr;
  struct tm tm;
  if (!to_tm("mktime", args[0], &tm)) return nullptr;
  tm.tm_wday = -1;
  time_t t = mktime(&tm);
  if (t == time_t(-1) && tm.tm_wday == -1) {
    return err_format(&Exc_OverflowError, "mktime argument out of range");
  }
  return float_from_double(double(t));
}

Object* time_strftime(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("strftime", kwnames) || !check_positional("strftime", nargs, 1, 2)) {
    return nullptr;
  }
  if (!str_check(args[0])) {
    return err_format(&Exc_TypeError, "strftime() argument 1 must be str, not %T", args[0]);
  }
  struct tm tm;
  if (nargs == 2) {
    if (!to_tm("strftime", args[1], &tm)) return nullptr;
    if (tm.tm_mon < 0 || tm.tm_mon > 11) return err_format(&Exc_ValueError, "month out of range");
    if (tm.tm_mday < 0 || tm.tm_mday > 31) {
      return err_format(&Exc_ValueError, "day of month out of range");
    }
  } else {
    time_t now = time(nullptr);
    localtime_r(&now, &tm);
  }
  std::string fmt(str_view(args[0]));
  if (fmt.empty()) return str_from_cstr("");
  std::string buf(256, '\0');
  for (;;) {
    size_t n = strftime(buf.data(), buf.size(), fmt.c_str(), &tm);
    if (n > 0 || buf.size() > fmt.size() * 256) {
      buf.resize(n);
      return str_from_utf8(buf);
    }
    buf.resize(buf.size() * 4);
  }
}

Object* format_asctime(const struct tm& tm) {
  static const char* const days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char buf[64];
  snprintf(buf, sizeof buf, "%s %s%3d %.2d:%.2d:%.2d %d", days[(tm.tm_wday % 7 + 7) % 7],
           months[(tm.tm_mon % 12 + 12) % 12], tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
           1900 + tm.tm_year);
  return str_from_cstr(buf);
}

Object* time_asctime(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("asctime", kwnames) || !check_positional("asctime", nargs, 0, 1)) {
    return nullptr;
  }
  struct tm tm;
  if (nargs == 1) {
    if (!to_tm("asctime", args[0], &tm)) return nullptr;
  } else {
    time_t now = time(nullptr);
    localtime_r(&now, &tm);
  }
  return format_asctime(tm);
}

Object* time_ctime(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  time_t t;
  if (!seconds_arg("ctime", args, nargs, kwnames, &t)) return nullptr;
  struct tm tm;
  if (!localtime_r(&t, &tm)) return err_set_from_errno(&Exc_OSError);
  return format_asctime(tm);
}

// time.strptime(string, format): implemented in Python by _strptime._strptime_time, imported lazily.
Object* time_strptime(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  Ref mod = Ref::steal(import_module("_strptime"));
  if (!mod) return nullptr;
  Ref func = Ref::steal(object_getattr_str(mod.get(), "_strptime_time"));
  if (!func) return nullptr;
  return call(func.get(), args, nargs, kwnames);
}

const MethodDef kTimeFunctions[] = {
    {"time", time_time, METH_DEFAULT, "Return the current time in seconds since the Epoch."},
    {"time_ns", time_time_ns, METH_DEFAULT, "Return the current time in nanoseconds since the Epoch."},
    {"perf_counter", time_perf_counter, METH_DEFAULT, "Performance counter for benchmarking."},
    {"perf_counter_ns", time_perf_counter_ns, METH_DEFAULT, "Performance counter for benchmarking as nanoseconds."},
    {"monotonic", time_monotonic, METH_DEFAULT, "Monotonic clock, cannot go backward."},
    {"monotonic_ns", time_monotonic_ns, METH_DEFAULT, "Monotonic clock, cannot go backward, as nanoseconds."},
    {"process_time", time_process_time, METH_DEFAULT, "Process time for profiling: sum of the kernel and user-space CPU time."},
    {"process_time_ns", time_process_time_ns, METH_DEFAULT, "Process time for profiling as nanoseconds."},
    {"thread_time", time_thread_time, METH_DEFAULT, "Thread time for profiling."},
    {"thread_time_ns", time_thread_time_ns, METH_DEFAULT, "Thread time for profiling as nanoseconds."},
    {"get_clock_info", time_get_clock_info, METH_DEFAULT, "Get information of the specified clock."},
    {"sleep", time_sleep, METH_DEFAULT, "Delay execution for a given number of seconds."},
    {"localtime", time_localtime, METH_DEFAULT, "Convert seconds since the Epoch to a time tuple expressing local time."},
    {"gmtime", time_gmtime, METH_DEFAULT, "Convert seconds since the Epoch to a time tuple expressing UTC."},
    {"mktime", time_mktime, METH_DEFAULT, "Convert a time tuple in local time to seconds since the Epoch."},
    {"strftime", time_strftime, METH_DEFAULT, "Convert a time tuple to a string according to a format specification."},
    {"asctime", time_asctime, METH_DEFAULT, "Convert a time tuple to a string."},
    {"strptime", time_strptime, METH_DEFAULT, "Parse a string to a time tuple according to a format specification."},
    {"ctime", time_ctime, METH_DEFAULT, "Convert a time in seconds since the Epoch to a string in local time."},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

Object* time_module_init() {
  static const char* const fields[] = {"tm_year", "tm_mon",   "tm_mday",  "tm_hour",
                                       "tm_min",  "tm_sec",   "tm_wday",  "tm_yday",
                                       "tm_isdst", "tm_zone", "tm_gmtoff", nullptr};
  if (!(StructTimeType.flags & TPFLAG_READY) &&
      structseq_init_type(&StructTimeType, "time.struct_time", fields, 9) < 0) {
    return nullptr;
  }
  Ref m = Ref::steal(module_new("time"));
  if (!m || module_add_functions(m.get(), kTimeFunctions) < 0 ||
      module_add_object(m.get(), "struct_time", as_object(&StructTimeType)) < 0) {
    return nullptr;
  }
  tzset();
  Ref tzname = Ref::steal(tuple_new(2));
  if (!tzname) return nullptr;
  for (int i = 0; i < 2; ++i) {
    Object* s = str_from_cstr(::tzname[i]);
    if (!s) return nullptr;
    tuple_set_steal(tzname.get(), i, s);
  }
  if (module_add_object(m.get(), "tzname", tzname.get()) < 0 ||
      module_add_int(m.get(), "timezone", ::timezone) < 0 ||
      module_add_int(m.get(), "altzone", ::timezone - 3600 * (::daylight ? 1 : 0)) < 0 ||
      module_add_int(m.get(), "daylight", ::daylight) < 0) {
    return nullptr;
  }
  return m.release();
}

}  // namespace gilpy

// Raising and inspecting Python exceptions from C++ (core/error.h).
//
// The exception being raised is one normalized instance owned by ThreadState::current_exception.
// err_set* create the instance right away (by calling the exception type, so Python subclasses and
// their __init__ behave), and, as CPython's _PyErr_SetObject does, chain the exception being handled
// (the topmost non-None entry of the thread's exc_info stack) as its __context__, breaking cycles.
// err_format implements printf conversions plus %R (repr), %S (str), %A (ascii), %T (type name of
// an object) and %U (a str object as is), building the message with StrWriter.
// Traceback printing is the eval engineer's (vm/traceback.cpp: traceback_print_exception).
#include "core/error.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include "core/abstract.h"
#include "objects/containers.h"
#include "objects/exceptions.h"
#include "objects/singletons.h"
#include "objects/strobject.h"
#include "vm/state.h"

namespace gilpy {

namespace {

// The exception currently being handled (sys.exception()), borrowed, or null.
Object* topmost_handled_exception() {
  ThreadState* ts = tstate();
  if (!ts) return nullptr;
  for (ThreadState::ExcInfo* ei = ts->exc_info; ei; ei = ei->previous) {
    if (ei->exc_value && ei->exc_value != None) return ei->exc_value;
  }
  return nullptr;
}

// Set `exc` (owned, an exception instance) as the current exception, chaining the handled one.
void set_current_steal(Object* exc) {
  ThreadState* ts = tstate();
  if (!ts) {
    std::string s;
    std::fprintf(stderr, "gilpy: exception raised with no thread state: %s\n",
                 type_name(type_of(exc)));
    decref(exc);
    return;
  }
  Object* handled = topmost_handled_exception();
  if (handled && handled != exc && exception_check(handled)) {
    // Avoid a cycle in the __context__ chain: cut it where `exc` appears (as CPython does).
    Object* o = handled;
    Object* ctx;
    while ((ctx = exception_context_borrowed(o)) != nullptr) {
      if (ctx == exc) {
        static_cast<BaseExceptionObject*>(o)->context = nullptr;
        decref(ctx);
        break;
      }
      o = ctx;
    }
    exception_set_context(exc, newref(handled));
  }
  setref(&ts->current_exception, exc);
}

}  // namespace

void err_set(TypeObject* type, Object* value) {
  if (!type_has_flag(type, TPFLAG_BASE_EXC_SUBCLASS)) {
    err_format(&Exc_SystemError, "_PyErr_SetObject: exception %R is not a BaseException subclass",
               as_object(type));
    return;
  }
  if (value && object_type_check(value, type)) {
    set_current_steal(newref(value));
    return;
  }
  Object* exc = value ? exception_new(type, &value, 1) : exception_new(type, nullptr, 0);
  if (!exc) return;  // the failure to instantiate is the exception now
  if (!exception_check(exc)) {
    decref(exc);
    err_format(&Exc_TypeError,
               "calling %R should have returned an instance of BaseException, not %T",
               as_object(type), exc);
    return;
  }
  set_current_steal(exc);
}

void err_set_string(TypeObject* type, const char* msg) {
  Object* s = str_from_utf8(msg, ssize(std::strlen(msg)));
  if (!s) return;
  err_set(type, s);
  decref(s);
}

namespace {

// Append one object conversion of err_format.
bool append_conversion(StrWriter& w, char conv, Object* o, int precision) {
  Ref s;
  switch (conv) {
    case 'R': s = Ref::steal(object_repr(o)); break;
    case 'S': s = Ref::steal(object_str(o)); break;
    case 'A': s = Ref::steal(object_ascii(o)); break;
    case 'U': s = Ref::borrow(o); break;
    case 'T': {
      w.append(type_of(o)->name);
      return true;
    }
    default: return false;
  }
  if (!s) return false;
  if (precision >= 0 && str_length(s.get()) > precision) {
    s = Ref::steal(str_substring(s.get(), 0, precision));
    if (!s) return false;
  }
  return w.append_str(s.get());
}

}  // namespace

Object* str_from_vformat(const char* fmt, va_list ap) {
  StrWriter w;
  const char* p = fmt;
  while (*p) {
    if (*p != '%') {
      const char* q = p;
      while (*q && *q != '%') ++q;
      w.append(std::string_view(p, size_t(q - p)));
      p = q;
      continue;
    }
    const char* start = p++;
    if (*p == '%') {
      w.append("%");
      ++p;
      continue;
    }
    // flags, width, precision
    while (*p == '-' || *p == '0' || *p == ' ' || *p == '+' || *p == '#') ++p;
    while (*p >= '0' && *p <= '9') ++p;
    int precision = -1;
    if (*p == '.') {
      ++p;
      precision = 0;
      while (*p >= '0' && *p <= '9') precision = precision * 10 + (*p++ - '0');
    }
    // length modifiers
    int longs = 0;
    bool size_t_mod = false;
    while (*p == 'l' || *p == 'z' || *p == 'h' || *p == 'j' || *p == 't') {
      if (*p == 'l') ++longs;
      if (*p == 'z' || *p == 'j' || *p == 't') size_t_mod = true;
      ++p;
    }
    char conv = *p;
    if (!conv) break;
    ++p;
    std::string spec(start, size_t(p - start));
    char buf[128];
    switch (conv) {
      case 'R': case 'S': case 'A': case 'U': case 'T': {
        Object* o = va_arg(ap, Object*);
        if (!append_conversion(w, conv, o, precision)) return nullptr;
        break;
      }
      case 'd': case 'i': {
        if (size_t_mod) std::snprintf(buf, sizeof buf, spec.c_str(), va_arg(ap, ssize));
        else if (longs >= 2) std::snprintf(buf, sizeof buf, spec.c_str(), va_arg(ap, long long));
        else if (longs == 1) std::snprintf(buf, sizeof buf, spec.c_str(), va_arg(ap, long));
        else std::snprintf(buf, sizeof buf, spec.c_str(), va_arg(ap, int));
        w.append(buf);
        break;
      }
      case 'u': case 'x': case 'X': case 'o': {
        if (size_t_mod) std::snprintf(buf, sizeof buf, spec.c_str(), va_arg(ap, size_t));
        else if (longs >= 2)
          std::snprintf(buf, sizeof buf, spec.c_str(), va_arg(ap, unsigned long long));
        else if (longs == 1) std::snprintf(buf, sizeof buf, spec.c_str(), va_arg(ap, unsigned long));
        else std::snprintf(buf, sizeof buf, spec.c_str(), va_arg(ap, unsigned));
        w.append(buf);
        break;
      }
      case 'c': {
        int c = va_arg(ap, int);
        w.append_char(uint32_t(c));
        break;
      }
      case 'p': {
        std::snprintf(buf, sizeof buf, "%p", va_arg(ap, void*));
        w.append(buf);
        break;
      }
      case 'f': case 'g': case 'e': {
        std::snprintf(buf, sizeof buf, spec.c_str(), va_arg(ap, double));
        w.append(buf);
        break;
      }
      case 's': {
        const char* s = va_arg(ap, const char*);
        if (!s) s = "(null)";
        size_t n = std::strlen(s);
        if (precision >= 0 && size_t(precision) < n) n = size_t(precision);
        w.append(std::string_view(s, n));
        break;
      }
      default:
        w.append(spec);
        break;
    }
  }
  return w.finish();
}

Object* str_from_format(const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  Object* r = str_from_vformat(fmt, ap);
  va_end(ap);
  return r;
}

Object* err_vformat(TypeObject* type, const char* fmt, va_list ap) {
  Object* msg = str_from_vformat(fmt, ap);
  if (!msg) return nullptr;
  err_set(type, msg);
  decref(msg);
  return nullptr;
}

Object* err_format(TypeObject* type, const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  err_vformat(type, fmt, ap);
  va_end(ap);
  return nullptr;
}

void err_set_object(Object* exc) {
  if (type_has_flag(type_of(exc), TPFLAG_TYPE_SUBCLASS) &&
      type_has_flag(static_cast<TypeObject*>(exc), TPFLAG_BASE_EXC_SUBCLASS)) {
    err_set(static_cast<TypeObject*>(exc), nullptr);
    return;
  }
  if (!exception_check(exc)) {
    err_set_string(&Exc_TypeError, "exceptions must derive from BaseException");
    return;
  }
  set_current_steal(newref(exc));
}

Object* err_set_from_errno(TypeObject* type, Object* filename) {
  int e = errno;
  // As CPython's PyErr_SetFromErrno: an EINTR whose signal handler raised keeps that exception
  // (the blocking helpers of modules/os_syscalls.h run the handlers, PEP 475).
  if (e == EINTR && err_occurred()) return nullptr;
  Object* exc = os_error_new(type, e, filename, nullptr);
  if (!exc) return nullptr;
  set_current_steal(exc);
  return nullptr;
}

bool err_occurred() {
  ThreadState* ts = tstate();
  return ts && ts->current_exception != nullptr;
}

Object* err_occurred_borrowed() {
  ThreadState* ts = tstate();
  return ts ? ts->current_exception : nullptr;
}

bool exception_matches(Object* exc, Object* type_or_tuple) {
  if (!exc || !type_or_tuple) return false;
  if (tuple_check(type_or_tuple)) {
    ssize n = tuple_size(type_or_tuple);
    for (ssize i = 0; i < n; ++i) {
      if (exception_matches(exc, tuple_get_borrowed(type_or_tuple, i))) return true;
    }
    return false;
  }
  Object* cls = exception_check(exc) ? as_object(type_of(exc)) : exc;
  if (exception_class_check(cls) && exception_class_check(type_or_tuple)) {
    return type_is_subtype(static_cast<TypeObject*>(cls), static_cast<TypeObject*>(type_or_tuple));
  }
  return cls == type_or_tuple;
}

bool err_matches(TypeObject* type) {
  Object* cur = err_occurred_borrowed();
  if (!cur) return false;
  return type_is_subtype(type_of(cur), type);
}

void err_clear() {
  ThreadState* ts = tstate();
  if (ts) clear_ref(&ts->current_exception);
}

Object* err_fetch() {
  ThreadState* ts = tstate();
  if (!ts) return nullptr;
  Object* e = ts->current_exception;
  ts->current_exception = nullptr;
  return e;
}

void err_restore(Object* exc) {
  ThreadState* ts = tstate();
  if (!ts) {
    xdecref(exc);
    return;
  }
  setref(&ts->current_exception, exc);
}

namespace {


// Write UTF-8 text to a file object (its write method); falls back to C stderr.
void write_text(Object* file, const char* text) {
  if (file && file != None) {
    Object* s = str_from_utf8(text, ssize(std::strlen(text)));
    if (s) {
      Object* r = call_method1(file, "write", s);
      decref(s);
      if (r) {
        decref(r);
        return;
      }
    }
    err_clear();
  }
  std::fputs(text, stderr);
}

void print_exception_fallback(Object* exc) {
  std::string line;
  if (!str_utf8(exc, line)) {
    err_clear();
    line = "<exception str() failed>";
  }
  std::fprintf(stderr, "%s%s%s\n", type_name(type_of(exc)), line.empty() ? "" : ": ",
               line.c_str());
}

}  // namespace

void err_print() {
  Object* exc = err_fetch();
  if (!exc) return;
  Interpreter* interp = tstate() ? tstate()->interp : nullptr;
  if (interp && interp->sysdict) {
    dict_setitem_str(interp->sysdict, "last_exc", exc);
    dict_setitem_str(interp->sysdict, "last_value", exc);
    dict_setitem_str(interp->sysdict, "last_type", as_object(type_of(exc)));
    Object* tb = exception_get_traceback_borrowed(exc);
    dict_setitem_str(interp->sysdict, "last_traceback", tb ? tb : None);
    if (err_occurred()) err_clear();
  }
  Object* hook = sys_get_borrowed("excepthook");
  Object* default_hook = sys_get_borrowed("__excepthook__");
  Object* file = sys_get_borrowed("stderr");
  if (hook && hook != default_hook && hook != None) {
    Object* tb = exception_get_traceback_borrowed(exc);
    Object* args[3] = {as_object(type_of(exc)), exc, tb ? tb : None};
    Object* r = call(hook, args, 3);
    if (r) {
      decref(r);
      decref(exc);
      return;
    }
    // The hook failed: report both, as CPython does.
    Object* hook_exc = err_fetch();
    write_text(file, "Error in sys.excepthook:\n");
    traceback_print_exception(hook_exc, file);
    write_text(file, "\nOriginal exception was:\n");
    xdecref(hook_exc);
  } else if (!hook) {
    write_text(file, "sys.excepthook is missing\n");
  }
  if (file && file != None) {
    traceback_print_exception(exc, file);
  } else {
    print_exception_fallback(exc);
  }
  if (err_occurred()) err_clear();
  decref(exc);
}

void err_write_unraisable(Object* context) {
  Object* exc = err_fetch();
  if (!exc) return;
  Object* file = sys_get_borrowed("stderr");
  if (context) {
    std::string r;
    if (!repr_utf8(context, r)) {
      err_clear();
      r = "<object repr() failed>";
    }
    write_text(file, ("Exception ignored in: " + r + "\n").c_str());
  }
  if (file && file != None) {
    traceback_print_exception(exc, file);
  } else {
    print_exception_fallback(exc);
  }
  if (err_occurred()) err_clear();
  decref(exc);
}

Object* err_bad_internal_call(const char* where) {
  return err_format(&Exc_SystemError, "%s: bad argument to internal function",
                    where ? where : "?");
}

void exception_set_context(Object* exc, Object* context) {
  if (context == exc) {  // never make an exception its own context
    xdecref(context);
    return;
  }
  setref(&static_cast<BaseExceptionObject*>(exc)->context, context);
}

void exception_set_cause(Object* exc, Object* cause) {
  auto* e = static_cast<BaseExceptionObject*>(exc);
  e->suppress_context = true;
  setref(&e->cause, cause);
}

Object* exception_get_args(Object* exc) {
  auto* e = static_cast<BaseExceptionObject*>(exc);
  return e->args ? newref(e->args) : tuple_empty();
}

Object* exception_get_traceback_borrowed(Object* exc) {
  return static_cast<BaseExceptionObject*>(exc)->traceback;
}

void exception_set_traceback(Object* exc, Object* tb) {
  if (tb == None) tb = nullptr;
  xincref(tb);
  setref(&static_cast<BaseExceptionObject*>(exc)->traceback, tb);
}

}  // namespace gilpy

// Slow paths of the eval loop (declared in vm/eval_internal.h): error formatting with CPython's
// messages, raise, unpacking, imports through __import__, the with statement, f-string values.
// Nothing here is on a fast path; clarity over speed.
#include <cstring>
#include <string>

#include "core/abstract.h"
#include "core/error.h"
#include "objects/codeobject.h"
#include "objects/containers.h"
#include "objects/exceptions.h"
#include "objects/funcobject.h"
#include "objects/intobject.h"
#include "objects/moduleobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"
#include "vm/eval_internal.h"
#include "vm/import.h"
#include "vm/state.h"

namespace gilpy {

namespace {

// The exception's __context__ (new reference) or nullptr.
Object* get_context(Object* exc) {
  Object* c = exception_context_borrowed(exc);
  return c && c != None ? newref(c) : nullptr;
}

bool is_exception_class(Object* o) {
  return type_has_flag(type_of(o), TPFLAG_TYPE_SUBCLASS) &&
         type_has_flag(static_cast<TypeObject*>(o), TPFLAG_BASE_EXC_SUBCLASS);
}
bool is_exception_instance(Object* o) { return type_has_flag(type_of(o), TPFLAG_BASE_EXC_SUBCLASS); }

bool is_sequence_like(Object* o) {
  TypeObject* t = type_of(o);
  return t->iter != nullptr || (t->getitem != nullptr && !dict_check(o));
}

// CPython's _PyObject_FunctionStr: "module.qualname()" (module omitted for builtins), "qualname()",
// or str(func).
bool function_str(Object* func, std::string& out) {
  Object* qualname = nullptr;
  if (object_lookup_attr(func, str_intern_cstr_borrowed("__qualname__"), &qualname) < 0)
    return false;
  if (!qualname) return str_utf8(func, out);
  Ref q = Ref::steal(qualname);
  Object* module = nullptr;
  if (object_lookup_attr(func, str_intern_cstr_borrowed("__module__"), &module) < 0) return false;
  Ref m = Ref::steal(module);
  std::string qs;
  if (!str_utf8(q.get(), qs)) return false;
  if (m && m.get() != None && !(str_check(m.get()) && str_equal_cstr(m.get(), "builtins"))) {
    std::string ms;
    if (!str_utf8(m.get(), ms)) return false;
    out = ms + "." + qs + "()";
  } else {
    out = qs + "()";
  }
  return true;
}

}  // namespace

void format_unbound(CodeObject* code, int idx) {
  Object* name = tuple_get_borrowed(code->localsplusnames, idx);
  uint8_t kind = code->localspluskinds[idx];
  if (kind & CO_FAST_FREE) {
    err_name_error(&Exc_NameError, name,
                   "cannot access free variable '%U' where it is not associated with a value in "
                   "enclosing scope",
                   name);
    return;
  }
  err_format(&Exc_UnboundLocalError,
             "cannot access local variable '%U' where it is not associated with a value", name);
}

void format_name_error(Object* name) {
  err_name_error(&Exc_NameError, name, "name '%U' is not defined", name);
}

void chain_exception_context(ThreadState* ts, Object* exc, bool only_if_unset) {
  Object* handled = handled_exception_borrowed(ts);
  if (!handled || handled == exc || !is_exception_instance(exc)) return;
  // Keep the exception being raised out of the way while we look at attributes.
  Object* saved = err_fetch();
  if (only_if_unset) {
    Object* c = get_context(exc);
    if (c) {
      decref(c);
      err_restore(saved);
      return;
    }
  }
  // Avoid creating a cycle through the context chain (Floyd's algorithm guards against
  // pre-existing cycles).
  Ref o = Ref::borrow(handled);
  Ref slow = Ref::borrow(handled);
  bool toggle = false;
  for (;;) {
    Object* c = get_context(o.get());
    if (!c) break;
    if (c == exc) {
      exception_set_context(o.get(), nullptr);
      decref(c);
      break;
    }
    o = Ref::steal(c);
    if (o.get() == slow.get()) break;
    if (toggle) {
      Object* sc = get_context(slow.get());
      if (!sc) break;
      slow = Ref::steal(sc);
    }
    toggle = !toggle;
  }
  exception_set_context(exc, newref(handled));
  err_restore(saved);
}

int do_raise(ThreadState* ts, Object* exc, Object* cause) {
  if (!exc) {
    Object* handled = handled_exception_borrowed(ts);
    if (!handled) {
      err_format(&Exc_RuntimeError, "No active exception to reraise");
      return 0;
    }
    err_restore(newref(handled));
    return 1;
  }
  Ref value;
  if (is_exception_class(exc)) {
    value = Ref::steal(call0(exc));
    if (!value) return 0;
    if (!is_exception_instance(value.get())) {
      err_format(&Exc_TypeError,
                 "calling %R should have returned an instance of BaseException, not %T", exc,
                 value.get());
      return 0;
    }
  } else if (is_exception_instance(exc)) {
    value = Ref::borrow(exc);
  } else {
    err_format(&Exc_TypeError, "exceptions must derive from BaseException");
    return 0;
  }
  if (cause) {
    Object* fixed_cause = nullptr;
    if (is_exception_class(cause)) {
      fixed_cause = call0(cause);
      if (!fixed_cause) return 0;
      if (!is_exception_instance(fixed_cause)) {
        err_format(&Exc_TypeError,
                   "calling %R should have returned an instance of BaseException, not %T", cause,
                   fixed_cause);
        decref(fixed_cause);
        return 0;
      }
    } else if (is_exception_instance(cause)) {
      fixed_cause = newref(cause);
    } else if (cause == None) {
      fixed_cause = nullptr;
    } else {
      err_format(&Exc_TypeError, "exception causes must derive from BaseException");
      return 0;
    }
    exception_set_cause(value.get(), fixed_cause);
  }
  chain_exception_context(ts, value.get(), false);
  err_restore(value.release());
  return 0;
}

int unpack_iterable(Object* v, int argcnt, int argcntafter, Object** top) {
  Ref it = Ref::steal(object_getiter(v));
  if (!it) {
    if (err_matches(&Exc_TypeError) && !is_sequence_like(v)) {
      err_clear();
      err_format(&Exc_TypeError, "cannot unpack non-iterable %T object", v);
    }
    return -1;
  }
  Object** sp = top;
  auto fail = [&]() {
    for (Object** p = sp; p < top; p++) decref(*p);
    return -1;
  };
  for (int i = 0; i < argcnt; i++) {
    Object* w = iter_next(it.get());
    if (!w) {
      if (!err_occurred()) {
        if (argcntafter == -1) {
          err_format(&Exc_ValueError, "not enough values to unpack (expected %d, got %d)", argcnt,
                     i);
        } else {
          err_format(&Exc_ValueError,
                     "not enough values to unpack (expected at least %d, got %d)",
                     argcnt + argcntafter, i);
        }
      }
      return fail();
    }
    *--sp = w;
  }
  if (argcntafter == -1) {
    Object* w = iter_next(it.get());
    if (!w) {
      if (err_occurred()) return fail();
      return 0;
    }
    decref(w);
    err_format(&Exc_ValueError, "too many values to unpack (expected %d)", argcnt);
    return fail();
  }
  Ref l = Ref::steal(sequence_list(it.get()));
  if (!l) return fail();
  ssize ll = list_size(l.get());
  if (ll < argcntafter) {
    err_format(&Exc_ValueError, "not enough values to unpack (expected at least %d, got %zd)",
               argcnt + argcntafter, ssize(argcnt) + ll);
    return fail();
  }
  Object* head = list_from_array(list_items(l.get()), ll - argcntafter);
  if (!head) return fail();
  *--sp = head;
  for (int j = argcntafter; j > 0; j--) *--sp = newref(list_get_borrowed(l.get(), ll - j));
  return 0;
}

Object* import_name(Frame* frame, Object* name, Object* fromlist, Object* level) {
  static Object* const import_str = str_intern_cstr_borrowed("__import__");
  Object* import_func = dict_get_borrowed(frame->builtins, import_str);
  if (!import_func) {
    if (!err_occurred()) err_format(&Exc_ImportError, "__import__ not found");
    return nullptr;
  }
  if (type_of(import_func) == &CFunctionType) {
    auto* cf = static_cast<CFunctionObject*>(import_func);
    if (cf->def && std::strcmp(cf->def->name, "__import__") == 0) {
      int ilevel = int(int_small_value(level));
      return import_module_level(name, frame->globals, fromlist, ilevel);
    }
  }
  Object* args[5] = {name, frame->globals, frame->locals ? frame->locals : None, fromlist, level};
  return call(import_func, args, 5, nullptr);
}

int check_except_type_valid(Object* type) {
  static const char* kMsg =
      "catching classes that do not inherit from BaseException is not allowed";
  if (tuple_check(type)) {
    ssize n = tuple_size(type);
    for (ssize i = 0; i < n; i++) {
      if (!is_exception_class(tuple_get_borrowed(type, i))) {
        err_format(&Exc_TypeError, "%s", kMsg);
        return -1;
      }
    }
    return 0;
  }
  if (!is_exception_class(type)) {
    err_format(&Exc_TypeError, "%s", kMsg);
    return -1;
  }
  return 0;
}

Object* stopiteration_error(CodeObject* code, Object* exc) {
  const char* msg = nullptr;
  if (object_type_check(exc, &Exc_StopIteration)) {
    msg = "generator raised StopIteration";
    if (code->flags & CO_ASYNC_GENERATOR) {
      msg = "async generator raised StopIteration";
    } else if (code->flags & CO_COROUTINE) {
      msg = "coroutine raised StopIteration";
    }
  } else if ((code->flags & CO_ASYNC_GENERATOR) &&
             object_type_check(exc, &Exc_StopAsyncIteration)) {
    msg = "async generator raised StopAsyncIteration";
  }
  if (!msg) return newref(exc);
  Ref m = Ref::steal(str_from_cstr(msg));
  if (!m) return nullptr;
  Object* error = call1(&Exc_RuntimeError, m.get());
  if (!error) return nullptr;
  exception_set_cause(error, newref(exc));
  exception_set_context(error, newref(exc));
  return error;
}

Object* ensure_call_args_tuple(Object* callable, Object* args) {
  if (!is_sequence_like(args)) {
    std::string fs;
    if (!function_str(callable, fs)) return nullptr;
    return err_format(&Exc_TypeError, "%s argument after * must be an iterable, not %T",
                      fs.c_str(), args);
  }
  return sequence_tuple(args);
}

int dict_merge_for_call(Object* callable, Object* dict, Object* update) {
  auto dup = [&](Object* key) {
    std::string fs;
    if (!function_str(callable, fs)) return -1;
    if (!str_check(key)) {
      err_format(&Exc_TypeError, "%s keywords must be strings", fs.c_str());
    } else {
      err_format(&Exc_TypeError, "%s got multiple values for keyword argument '%U'", fs.c_str(),
                 key);
    }
    return -1;
  };
  if (dict_check(update)) {
    ssize pos = 0;
    Object *k, *v;
    while (dict_next(update, &pos, &k, &v)) {
      int c = dict_contains(dict, k);
      if (c < 0) return -1;
      if (c) return dup(k);
      if (dict_setitem(dict, k, v) < 0) return -1;
    }
    return 0;
  }
  Object* keys_meth = nullptr;
  if (object_lookup_attr(update, str_intern_cstr_borrowed("keys"), &keys_meth) < 0) return -1;
  if (!keys_meth) {
    std::string fs;
    if (!function_str(callable, fs)) return -1;
    err_format(&Exc_TypeError, "%s argument after ** must be a mapping, not %T", fs.c_str(),
               update);
    return -1;
  }
  Ref km = Ref::steal(keys_meth);
  Ref keys = Ref::steal(call0(km.get()));
  if (!keys) return -1;
  Ref it = Ref::steal(object_getiter(keys.get()));
  if (!it) return -1;
  for (;;) {
    Ref k = Ref::steal(iter_next(it.get()));
    if (!k) {
      if (err_occurred()) return -1;
      break;
    }
    int c = dict_contains(dict, k.get());
    if (c < 0) return -1;
    if (c) return dup(k.get());
    Ref v = Ref::steal(object_getitem(update, k.get()));
    if (!v) return -1;
    if (dict_setitem(dict, k.get(), v.get()) < 0) return -1;
  }
  return 0;
}

int dict_update_for_display(Object* dict, Object* update) {
  if (!dict_check(update)) {
    Object* keys_meth = nullptr;
    if (object_lookup_attr(update, str_intern_cstr_borrowed("keys"), &keys_meth) < 0) return -1;
    if (!keys_meth) {
      err_format(&Exc_TypeError, "'%T' object is not a mapping", update);
      return -1;
    }
    decref(keys_meth);
  }
  if (dict_merge(dict, update, true) < 0) {
    if (err_matches(&Exc_AttributeError)) {
      err_clear();
      err_format(&Exc_TypeError, "'%T' object is not a mapping", update);
    }
    return -1;
  }
  return 0;
}

int list_extend_for_display(Object* list, Object* iterable) {
  if (!list_check(list)) {
    err_format(&Exc_SystemError, "LIST_EXTEND: the target is a '%T', not a list", list);
    return -1;
  }
  if (list_extend(list, iterable) < 0) {
    if (err_matches(&Exc_TypeError) && !is_sequence_like(iterable)) {
      err_clear();
      err_format(&Exc_TypeError, "Value after * must be an iterable, not %T", iterable);
    }
    return -1;
  }
  return 0;
}

Object* with_enter(Object* mgr, Object** exit) {
  Ref enter = Ref::steal(lookup_special(mgr, "__enter__"));
  if (!enter) {
    if (!err_occurred())
      err_format(&Exc_TypeError, "'%T' object does not support the context manager protocol",
                 mgr);
    return nullptr;
  }
  Ref ex = Ref::steal(lookup_special(mgr, "__exit__"));
  if (!ex) {
    if (!err_occurred())
      err_format(&Exc_TypeError,
                 "'%T' object does not support the context manager protocol (missed __exit__ "
                 "method)",
                 mgr);
    return nullptr;
  }
  Object* res = call0(enter.get());
  if (!res) return nullptr;
  *exit = ex.release();
  return res;
}

Object* call_displayhook(Object* value) {
  Object* hook = sys_get_borrowed("displayhook");
  if (!hook) {
    if (!err_occurred()) err_format(&Exc_RuntimeError, "lost sys.displayhook");
    return nullptr;
  }
  return call1(hook, value);
}

Object* load_build_class(Frame* frame) {
  Object* bc = dict_get_str_borrowed(frame->builtins, "__build_class__");
  if (!bc) {
    if (!err_occurred()) err_format(&Exc_NameError, "__build_class__ not found");
    return nullptr;
  }
  return newref(bc);
}

Object* format_value(Object* value, int conversion, Object* spec) {
  Ref v = Ref::borrow(value);
  switch (conversion) {
    case 1: v = Ref::steal(object_str(value)); break;
    case 2: v = Ref::steal(object_repr(value)); break;
    case 3: v = Ref::steal(object_ascii(value)); break;
    default: break;
  }
  if (!v) return nullptr;
  if (!spec && str_check_exact(v.get())) return v.release();
  return object_format(v.get(), spec);
}

}  // namespace gilpy

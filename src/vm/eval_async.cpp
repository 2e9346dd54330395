// The run-time side of `await`, `async for` and `async with` (CPython 3.12's GET_AWAITABLE,
// GET_AITER, GET_ANEXT and BEFORE_ASYNC_WITH, with their TypeError messages). The objects being
// awaited (coroutines, async generators and their awaitables) are in objects/genobject*.cpp.
#include "core/abstract.h"
#include "core/error.h"
#include "objects/genobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"
#include "vm/eval_internal.h"

namespace gilpy {

namespace {

bool has_special(Object* o, const char* name) {
  return type_lookup_borrowed(type_of(o), str_intern_cstr_borrowed(name)) != nullptr;
}

}  // namespace

Object* get_awaitable(Object* obj, int where) {
  Object* iter = coro_get_awaitable_iter(obj);
  if (!iter) {
    if (err_matches(&Exc_TypeError) && !has_special(obj, "__await__")) {
      if (where == 1) {
        err_clear();
        return err_format(&Exc_TypeError,
                          "'async with' received an object from __aenter__ that does not implement "
                          "__await__: %T",
                          obj);
      }
      if (where == 2) {
        err_clear();
        return err_format(&Exc_TypeError,
                          "'async with' received an object from __aexit__ that does not implement "
                          "__await__: %T",
                          obj);
      }
    }
    return nullptr;
  }
  if (coro_check(iter)) {
    if (Object* yf = gen_yf(static_cast<GenObject*>(iter))) {
      decref(yf);
      decref(iter);
      return err_format(&Exc_RuntimeError, "coroutine is being awaited already");
    }
  }
  return iter;
}

Object* get_aiter(Object* obj) {
  Ref getter = Ref::steal(lookup_special(obj, "__aiter__"));
  if (!getter) {
    if (err_occurred()) return nullptr;
    return err_format(&Exc_TypeError,
                      "'async for' requires an object with __aiter__ method, got %T",
                      obj);
  }
  Ref iter = Ref::steal(call0(getter.get()));
  if (!iter) return nullptr;
  if (!has_special(iter.get(), "__anext__")) {
    return err_format(&Exc_TypeError,
                      "'async for' received an object from __aiter__ that does not implement "
                      "__anext__: %T",
                      iter.get());
  }
  return iter.release();
}

Object* get_anext(Object* aiter) {
  if (async_gen_check(aiter)) return async_gen_anext(aiter);
  Ref getter = Ref::steal(lookup_special(aiter, "__anext__"));
  if (!getter) {
    if (err_occurred()) return nullptr;
    return err_format(&Exc_TypeError,
                      "'async for' requires an iterator with __anext__ method, got %T",
                      aiter);
  }
  Ref next_iter = Ref::steal(call0(getter.get()));
  if (!next_iter) return nullptr;
  Object* awaitable = coro_get_awaitable_iter(next_iter.get());
  if (!awaitable) {
    // _PyErr_FormatFromCause: the new TypeError has the old one as __cause__ and __context__.
    Object* cause = err_fetch();
    err_format(&Exc_TypeError, "'async for' received an invalid object from __anext__: %T",
               next_iter.get());
    if (cause) {
      Object* exc = err_fetch();
      exception_set_cause(exc, newref(cause));
      exception_set_context(exc, cause);
      err_restore(exc);
    }
    return nullptr;
  }
  return awaitable;
}

Object* async_with_enter(Object* mgr, Object** exit) {
  Ref enter = Ref::steal(lookup_special(mgr, "__aenter__"));
  if (!enter) {
    if (!err_occurred())
      err_format(&Exc_TypeError,
                 "'%T' object does not support the asynchronous context manager protocol", mgr);
    return nullptr;
  }
  Ref ex = Ref::steal(lookup_special(mgr, "__aexit__"));
  if (!ex) {
    if (!err_occurred())
      err_format(&Exc_TypeError,
                 "'%T' object does not support the asynchronous context manager protocol (missed "
                 "__aexit__ method)",
                 mgr);
    return nullptr;
  }
  Object* res = call0(enter.get());
  if (!res) return nullptr;
  *exit = ex.release();
  return res;
}

}  // namespace gilpy

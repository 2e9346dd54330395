// Coroutines and async generators (PEP 492, PEP 525): the parts that differ from generators.
// Ported from CPython 3.12's genobject.c. The objects themselves are GenObjects
// (objects/genobject.h) of type CoroType / AsyncGenType; this file holds:
//  * coroutine.__await__() and its "coroutine_wrapper" iterator;
//  * coro_get_awaitable_iter (`await o`: GET_AWAITABLE);
//  * the async generator methods asend / athrow / aclose / __aiter__ / __anext__ and their
//    awaitables ("async_generator_asend", "async_generator_athrow"): running one of them resumes
//    the generator; a value it yields with INTRINSIC_ASYNC_GEN_WRAP (an
//    "async_generator_wrapped_value") ends the awaitable with StopIteration(value), while any other
//    yielded value comes from an `await` inside the generator and is passed up to the event loop.
#include "core/abstract.h"
#include "core/error.h"
#include "core/gc.h"
#include "core/types_init.h"
#include "objects/containers.h"
#include "objects/codeobject.h"
#include "objects/genobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"

namespace gilpy {

namespace {

GenObject* G(Object* o) { return static_cast<GenObject*>(o); }

TypeObject CoroWrapperType;
TypeObject AsyncGenWrappedValueType;
TypeObject AsyncGenASendType;
TypeObject AsyncGenAThrowType;

// ---- coroutine.__await__() ---------------------------------------------------------------------
struct CoroWrapper : Object {
  Object* coro;
};

Object* coro_wrapper_new(Object* coro) {
  auto* w = static_cast<CoroWrapper*>(object_alloc(&CoroWrapperType, sizeof(CoroWrapper)));
  if (!w) return nullptr;
  w->coro = newref(coro);
  return w;
}
void coro_wrapper_dealloc(Object* o) {
  clear_ref(&static_cast<CoroWrapper*>(o)->coro);
  object_free(o);
}
int coro_wrapper_traverse(Object* o, visitproc visit, void* arg) {
  Object* c = static_cast<CoroWrapper*>(o)->coro;
  return c ? visit(c, arg) : 0;
}
Object* coro_wrapper_iternext(Object* o) {
  GenObject* gen = G(static_cast<CoroWrapper*>(o)->coro);
  Object* result;
  if (gen_send_ex2(gen, nullptr, &result, false, false) == SEND_RETURN) {
    if (result != None) {
      err_set_stop_iteration(result);
    }
    clear_ref(&result);
  }
  return result;
}
Object* coro_wrapper_send(Object* o, Object* const* args, ssize nargs, Object* kw) {
  return gen_send_meth(static_cast<CoroWrapper*>(o)->coro, args, nargs, kw);
}
Object* coro_wrapper_throw(Object* o, Object* const* args, ssize nargs, Object* kw) {
  return gen_throw_meth(static_cast<CoroWrapper*>(o)->coro, args, nargs, kw);
}
Object* coro_wrapper_close(Object* o, Object* const* args, ssize nargs, Object* kw) {
  return gen_close_meth(static_cast<CoroWrapper*>(o)->coro, args, nargs, kw);
}
Object* self_iter(Object* o) { return newref(o); }
Object* self_meth(Object* o, Object* const*, ssize, Object*) { return newref(o); }

Object* coro_await_meth(Object* self, Object* const*, ssize, Object*) {
  return coro_wrapper_new(self);
}

// ---- async generators --------------------------------------------------------------------------
struct WrappedValue : Object {
  Object* value;
};
void wrapped_dealloc(Object* o) {
  clear_ref(&static_cast<WrappedValue*>(o)->value);
  object_free(o);
}
int wrapped_traverse(Object* o, visitproc visit, void* arg) {
  Object* v = static_cast<WrappedValue*>(o)->value;
  return v ? visit(v, arg) : 0;
}
bool is_wrapped(Object* o) { return type_of(o) == &AsyncGenWrappedValueType; }

enum AwaitableState : uint8_t { STATE_INIT, STATE_ITER, STATE_CLOSED };

struct ASend : Object {
  Object* gen;
  Object* sendval;
  uint8_t state;
};

struct AThrow : Object {
  Object* gen;
  Object* args;  // tuple (athrow) or null (aclose)
  uint8_t state;
};

// A result of resuming the generator for an awaitable: a wrapped value ends the awaitable with
// StopIteration(value); the end of the generator becomes StopAsyncIteration.
Object* unwrap_value(GenObject* gen, Object* result) {
  if (!result) {
    if (!err_occurred()) err_set(&Exc_StopAsyncIteration, nullptr);
    if (err_matches(&Exc_StopAsyncIteration) || err_matches(&Exc_GeneratorExit)) gen->ag_closed = 1;
    gen->ag_running_async = 0;
    return nullptr;
  }
  if (is_wrapped(result)) {
    err_set_stop_iteration(static_cast<WrappedValue*>(result)->value);
    decref(result);
    gen->ag_running_async = 0;
    return nullptr;
  }
  return result;
}

Object* asend_send_impl(ASend* o, Object* arg) {
  if (o->state == STATE_CLOSED)
    return err_format(&Exc_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
  GenObject* gen = G(o->gen);
  if (o->state == STATE_INIT) {
    if (gen->ag_running_async)
      return err_format(&Exc_RuntimeError, "anext(): asynchronous generator is already running");
    if (!arg || arg == None) arg = o->sendval;
    o->state = STATE_ITER;
  }
  gen->ag_running_async = 1;
  Object* result = gen_send_ex(gen, arg ? arg : None, false, false);
  result = unwrap_value(gen, result);
  if (!result) o->state = STATE_CLOSED;
  return result;
}

Object* asend_iternext(Object* self) { return asend_send_impl(static_cast<ASend*>(self), nullptr); }
Object* asend_send(Object* self, Object* const* args, ssize nargs, Object*) {
  if (nargs != 1) return err_format(&Exc_TypeError, "send() takes exactly one argument (%zd given)", nargs);
  return asend_send_impl(static_cast<ASend*>(self), args[0]);
}
Object* asend_throw(Object* self, Object* const* args, ssize nargs, Object* kw) {
  auto* o = static_cast<ASend*>(self);
  if (o->state == STATE_CLOSED)
    return err_format(&Exc_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
  Object* result = gen_throw_meth(o->gen, args, nargs, kw);
  result = unwrap_value(G(o->gen), result);
  if (!result) o->state = STATE_CLOSED;
  return result;
}
Object* asend_close(Object* self, Object* const*, ssize, Object*) {
  static_cast<ASend*>(self)->state = STATE_CLOSED;
  return none_ref();
}
void asend_dealloc(Object* o) {
  auto* a = static_cast<ASend*>(o);
  clear_ref(&a->gen);
  clear_ref(&a->sendval);
  object_free(o);
}
int asend_traverse(Object* o, visitproc visit, void* arg) {
  auto* a = static_cast<ASend*>(o);
  if (a->gen) {
    int r = visit(a->gen, arg);
    if (r) return r;
  }
  return a->sendval ? visit(a->sendval, arg) : 0;
}

Object* asend_new(Object* gen, Object* sendval) {
  auto* a = static_cast<ASend*>(object_alloc(&AsyncGenASendType, sizeof(ASend)));
  if (!a) return nullptr;
  a->gen = newref(gen);
  a->sendval = sendval ? newref(sendval) : nullptr;
  a->state = STATE_INIT;
  return a;
}

Object* athrow_send_impl(AThrow* o, Object* arg) {
  GenObject* gen = G(o->gen);
  if (o->state == STATE_CLOSED)
    return err_format(&Exc_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
  if (gen->frame.state >= FRAME_COMPLETED) {
    o->state = STATE_CLOSED;
    err_set(&Exc_StopIteration, nullptr);
    return nullptr;
  }
  Object* retval;
  if (o->state == STATE_INIT) {
    if (gen->ag_running_async) {
      o->state = STATE_CLOSED;
      return err_format(&Exc_RuntimeError, "%s(): asynchronous generator is already running",
                        o->args ? "athrow" : "aclose");
    }
    if (gen->ag_closed) {
      o->state = STATE_CLOSED;
      err_set(&Exc_StopAsyncIteration, nullptr);
      return nullptr;
    }
    if (arg && arg != None)
      return err_format(&Exc_RuntimeError, "can't send non-None value to a just-started coroutine");
    o->state = STATE_ITER;
    gen->ag_running_async = 1;
    if (!o->args) {
      // aclose()
      gen->ag_closed = 1;
      retval = gen_throw_impl(gen, false, &Exc_GeneratorExit, nullptr, nullptr);
      if (retval && is_wrapped(retval)) {
        decref(retval);
        goto yield_close;
      }
    } else {
      ssize n = tuple_size(o->args);
      Object* typ = tuple_get_borrowed(o->args, 0);
      Object* val = n > 1 ? tuple_get_borrowed(o->args, 1) : nullptr;
      Object* tb = n > 2 ? tuple_get_borrowed(o->args, 2) : nullptr;
      retval = gen_throw_impl(gen, false, typ, val, tb);
      retval = unwrap_value(gen, retval);
    }
    if (!retval) goto check_error;
    return retval;
  }
  retval = gen_send_ex(gen, arg ? arg : None, false, false);
  if (o->args) return unwrap_value(gen, retval);
  if (retval) {
    if (is_wrapped(retval)) {
      decref(retval);
      goto yield_close;
    }
    return retval;
  }
  goto check_error;

yield_close:
  gen->ag_running_async = 0;
  o->state = STATE_CLOSED;
  return err_format(&Exc_RuntimeError, "async generator ignored GeneratorExit");

check_error:
  gen->ag_running_async = 0;
  o->state = STATE_CLOSED;
  if ((err_matches(&Exc_StopAsyncIteration) || err_matches(&Exc_GeneratorExit)) && !o->args) {
    // aclose() is done: StopIteration ends the awaitable.
    err_clear();
    err_set(&Exc_StopIteration, nullptr);
  }
  return nullptr;
}

Object* athrow_iternext(Object* self) { return athrow_send_impl(static_cast<AThrow*>(self), nullptr); }
Object* athrow_send(Object* self, Object* const* args, ssize nargs, Object*) {
  if (nargs != 1) return err_format(&Exc_TypeError, "send() takes exactly one argument (%zd given)", nargs);
  return athrow_send_impl(static_cast<AThrow*>(self), args[0]);
}
Object* athrow_throw(Object* self, Object* const* args, ssize nargs, Object* kw) {
  auto* o = static_cast<AThrow*>(self);
  if (o->state == STATE_CLOSED)
    return err_format(&Exc_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
  GenObject* gen = G(o->gen);
  Object* retval = gen_throw_meth(o->gen, args, nargs, kw);
  if (o->args) return unwrap_value(gen, retval);
  // aclose() mode
  if (retval && is_wrapped(retval)) {
    decref(retval);
    gen->ag_running_async = 0;
    o->state = STATE_CLOSED;
    return err_format(&Exc_RuntimeError, "async generator ignored GeneratorExit");
  }
  if (!retval && (err_matches(&Exc_StopAsyncIteration) || err_matches(&Exc_GeneratorExit))) {
    err_clear();
    err_set(&Exc_StopIteration, nullptr);
  }
  return retval;
}
Object* athrow_close(Object* self, Object* const*, ssize, Object*) {
  static_cast<AThrow*>(self)->state = STATE_CLOSED;
  return none_ref();
}
void athrow_dealloc(Object* o) {
  auto* a = static_cast<AThrow*>(o);
  clear_ref(&a->gen);
  clear_ref(&a->args);
  object_free(o);
}
int athrow_traverse(Object* o, visitproc visit, void* arg) {
  auto* a = static_cast<AThrow*>(o);
  if (a->gen) {
    int r = visit(a->gen, arg);
    if (r) return r;
  }
  return a->args ? visit(a->args, arg) : 0;
}
Object* athrow_new(Object* gen, Object* args) {
  auto* a = static_cast<AThrow*>(object_alloc(&AsyncGenAThrowType, sizeof(AThrow)));
  if (!a) return nullptr;
  a->gen = newref(gen);
  a->args = args ? newref(args) : nullptr;
  a->state = STATE_INIT;
  return a;
}

Object* ag_asend(Object* self, Object* const* args, ssize nargs, Object*) {
  if (nargs != 1)
    return err_format(&Exc_TypeError, "async_generator.asend() takes exactly one argument (%zd given)",
                      nargs);
  return asend_new(self, args[0]);
}
Object* ag_anext(Object* self, Object* const*, ssize, Object*) { return asend_new(self, nullptr); }
Object* ag_athrow(Object* self, Object* const* args, ssize nargs, Object*) {
  if (nargs < 1 || nargs > 3)
    return err_format(&Exc_TypeError, "athrow expected at least 1 argument, got %zd", nargs);
  Ref t = Ref::steal(tuple_new(nargs));
  if (!t) return nullptr;
  for (ssize i = 0; i < nargs; i++) tuple_set_steal(t.get(), i, newref(args[i]));
  return athrow_new(self, t.get());
}
Object* ag_aclose(Object* self, Object* const*, ssize, Object*) { return athrow_new(self, nullptr); }

void init_helper_type(TypeObject& t, const char* name, ssize size, destructor dealloc,
                      traverseproc traverse) {
  t.name = name;
  t.basicsize = size;
  t.flags = TPFLAG_HAVE_GC;
  t.dealloc = dealloc;
  t.traverse = traverse;
  t.getattro = generic_getattr;
  t.base = &ObjectType;
}

}  // namespace

Object* coro_get_awaitable_iter(Object* o) {
  if (coro_check(o)) return newref(o);
  if (gen_check(o) && (static_cast<CodeObject*>(G(o)->code)->flags & CO_ITERABLE_COROUTINE))
    return newref(o);
  Object* descr = type_lookup_borrowed(type_of(o), str_intern_cstr_borrowed("__await__"));
  if (!descr || descr == None)
    return err_format(&Exc_TypeError, "object %T can't be used in 'await' expression", o);
  Ref meth;
  if (descrgetfunc f = type_of(descr)->descr_get) {
    meth = Ref::steal(f(descr, o, type_of(o)));
  } else {
    meth = Ref::borrow(descr);
  }
  if (!meth) return nullptr;
  Ref res = Ref::steal(call0(meth.get()));
  if (!res) return nullptr;
  Object* r = res.get();
  if (coro_check(r) ||
      (gen_check(r) && (static_cast<CodeObject*>(G(r)->code)->flags & CO_ITERABLE_COROUTINE)))
    return err_format(&Exc_TypeError, "__await__() returned a coroutine");
  if (!type_of(r)->iternext)
    return err_format(&Exc_TypeError, "__await__() returned non-iterator of type '%T'", r);
  return res.release();
}

Object* async_gen_anext(Object* ag) { return asend_new(ag, nullptr); }

Object* async_gen_value_wrapper_new(Object* value) {
  auto* w = static_cast<WrappedValue*>(
      object_alloc(&AsyncGenWrappedValueType, sizeof(WrappedValue)));
  if (!w) return nullptr;
  w->value = newref(value);
  return w;
}

void init_async_gen_types() {
  static const MethodDef coro_methods[] = {
      {"send", gen_send_meth, METH_DEFAULT,
       "send(arg) -> send 'arg' into coroutine,\nreturn next iterated value or raise StopIteration."},
      {"throw", gen_throw_meth, METH_DEFAULT,
       "throw(value)\nthrow(type[,value[,traceback]])\n\nRaise exception in coroutine, return next "
       "iterated value or raise\nStopIteration."},
      {"close", gen_close_meth, METH_DEFAULT, "close() -> raise GeneratorExit inside coroutine."},
      {"__await__", coro_await_meth, METH_DEFAULT, "Return an iterator to be used in await expression."},
      {nullptr, nullptr, 0, nullptr},
  };
  CoroType.methods = coro_methods;

  static const MethodDef wrapper_methods[] = {
      {"send", coro_wrapper_send, METH_DEFAULT, nullptr},
      {"throw", coro_wrapper_throw, METH_DEFAULT, nullptr},
      {"close", coro_wrapper_close, METH_DEFAULT, nullptr},
      {nullptr, nullptr, 0, nullptr},
  };
  init_helper_type(CoroWrapperType, "coroutine_wrapper", sizeof(CoroWrapper), coro_wrapper_dealloc,
                   coro_wrapper_traverse);
  CoroWrapperType.iter = self_iter;
  CoroWrapperType.iternext = coro_wrapper_iternext;
  CoroWrapperType.methods = wrapper_methods;
  register_static_type(&CoroWrapperType);

  init_helper_type(AsyncGenWrappedValueType, "async_generator_wrapped_value", sizeof(WrappedValue),
                   wrapped_dealloc, wrapped_traverse);
  register_static_type(&AsyncGenWrappedValueType);

  static const MethodDef asend_methods[] = {
      {"send", asend_send, METH_DEFAULT, nullptr},
      {"throw", asend_throw, METH_DEFAULT, nullptr},
      {"close", asend_close, METH_DEFAULT, nullptr},
      {"__await__", self_meth, METH_DEFAULT, nullptr},
      {nullptr, nullptr, 0, nullptr},
  };
  init_helper_type(AsyncGenASendType, "async_generator_asend", sizeof(ASend), asend_dealloc,
                   asend_traverse);
  AsyncGenASendType.iter = self_iter;
  AsyncGenASendType.iternext = asend_iternext;
  AsyncGenASendType.methods = asend_methods;
  register_static_type(&AsyncGenASendType);

  static const MethodDef athrow_methods[] = {
      {"send", athrow_send, METH_DEFAULT, nullptr},
      {"throw", athrow_throw, METH_DEFAULT, nullptr},
      {"close", athrow_close, METH_DEFAULT, nullptr},
      {"__await__", self_meth, METH_DEFAULT, nullptr},
      {nullptr, nullptr, 0, nullptr},
  };
  init_helper_type(AsyncGenAThrowType, "async_generator_athrow", sizeof(AThrow), athrow_dealloc,
                   athrow_traverse);
  AsyncGenAThrowType.iter = self_iter;
  AsyncGenAThrowType.iternext = athrow_iternext;
  AsyncGenAThrowType.methods = athrow_methods;
  register_static_type(&AsyncGenAThrowType);

  static const MethodDef ag_methods[] = {
      {"asend", ag_asend, METH_DEFAULT, "asend(v) -> send 'v' in generator."},
      {"athrow", ag_athrow, METH_DEFAULT, "athrow(typ[,val[,tb]]) -> raise exception in generator."},
      {"aclose", ag_aclose, METH_DEFAULT, "aclose() -> raise GeneratorExit inside generator."},
      {"__aiter__", self_meth, METH_DEFAULT, "Return an awaitable, that resolves in asynchronous iterator."},
      {"__anext__", ag_anext, METH_DEFAULT, "Return a value or raise StopAsyncIteration."},
      {nullptr, nullptr, 0, nullptr},
  };
  AsyncGenType.methods = ag_methods;
}

}  // namespace gilpy

// Generators: creation from a call, send/throw/close, iteration, and the generator type
// (objects/genobject.h for the ownership rules). Ported from CPython 3.12's genobject.c.
#include "objects/genobject.h"

#include <cstdio>
#include <cstring>

#include "core/abstract.h"
#include "core/error.h"
#include "core/gc.h"
#include "core/types_init.h"
#include "objects/containers.h"
#include "objects/intobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"
#include "objects/weakrefobject.h"
#include "vm/eval.h"
#include "vm/eval_internal.h"
#include "vm/opcodes.h"
#include "vm/traceback.h"

namespace gilpy {

TypeObject GenType;
TypeObject CoroType;
TypeObject AsyncGenType;

Object* gen_new_from_call(FunctionObject* func, Object* const* args, ssize nargs,
                          Object* kwnames) {
  auto* code = static_cast<CodeObject*>(func->code);
  size_t extra = (frame_slots(code) - kFrameHeaderSlots - 1) * sizeof(Object*);
  TypeObject* type = (code->flags & CO_COROUTINE)         ? &CoroType
                     : (code->flags & CO_ASYNC_GENERATOR) ? &AsyncGenType
                                                          : &GenType;
  auto* gen = static_cast<GenObject*>(object_alloc(type, sizeof(GenObject) + extra));
  if (!gen) return nullptr;
  gen->ag_closed = 0;
  gen->ag_running_async = 0;
  gen->name = newref(func->name);
  gen->qualname = newref(func->qualname);
  gen->code = newref(code);
  gen->weaklist = nullptr;
  gen->exc_state.exc_value = nullptr;
  gen->exc_state.previous = nullptr;
  Frame* f = &gen->frame;
  frame_init(f, code, func, func->globals, func->builtins, nullptr);
  f->owner = FRAME_OWNED_BY_GENERATOR;
  if (bind_arguments(func, f->localsplus, args, nargs, kwnames) < 0) {
    decref(gen);  // dealloc clears the created frame
    return nullptr;
  }
  return gen;
}

int gen_send_ex2(GenObject* gen, Object* arg, Object** presult, bool exc, bool closing) {
  Frame* frame = &gen->frame;
  *presult = nullptr;
  if (frame->state == FRAME_CREATED && arg && arg != None) {
    err_format(&Exc_TypeError, "can't send non-None value to a just-started %s",
               coro_check(gen)       ? "coroutine"
               : async_gen_check(gen) ? "async generator"
                                      : "generator");
    return SEND_ERROR;
  }
  if (frame->state == FRAME_EXECUTING) {
    err_format(&Exc_ValueError, "%s already executing",
               coro_check(gen)       ? "coroutine"
               : async_gen_check(gen) ? "async generator"
                                      : "generator");
    return SEND_ERROR;
  }
  if (frame->state >= FRAME_COMPLETED) {
    if (coro_check(gen) && !closing) {
      // An exhausted coroutine: an error, except for close(), which is always silent.
      err_format(&Exc_RuntimeError, "cannot reuse already awaited coroutine");
    } else if (arg && !exc) {
      *presult = none_ref();
      return SEND_RETURN;
    }
    return SEND_ERROR;
  }
  ThreadState* ts = tstate();
  // Resuming after a yield: the sent value becomes the result of the yield expression.
  if (frame->state == FRAME_SUSPENDED) *frame->sp++ = newref(arg ? arg : None);

  ThreadState::ExcInfo* prev_exc_info = ts->exc_info;
  gen->exc_state.previous = prev_exc_info;
  ts->exc_info = &gen->exc_state;

  Object* result = eval_frame(ts, frame, exc);

  ts->exc_info = prev_exc_info;
  gen->exc_state.previous = nullptr;

  if (result) {
    if (frame->state == FRAME_SUSPENDED) {
      *presult = result;
      return SEND_NEXT;
    }
    if (result == None && !arg) {
      // Called by next(): exhausted without a value.
      clear_ref(&result);
    }
  } else if (err_matches(&Exc_StopIteration)) {
    // Safety net when the compiler did not wrap the body with INTRINSIC_STOPITERATION_ERROR.
    Object* e = err_fetch();
    Object* converted = stopiteration_error(static_cast<CodeObject*>(gen->code), e);
    decref(e);
    if (converted) err_restore(converted);
  }
  clear_ref(&gen->exc_state.exc_value);
  *presult = result;
  return result ? SEND_RETURN : SEND_ERROR;
}

static void set_stop_iteration_value(Object* value) {
  if (value == None) {
    err_set(&Exc_StopIteration, nullptr);
  } else {
    err_set_stop_iteration(value);  // a tuple or exception stays the single argument
  }
}

// gen_send_ex: like gen_send_ex2, but a return raises StopIteration(value).
Object* gen_send_ex(GenObject* gen, Object* arg, bool exc, bool closing) {
  Object* result;
  if (gen_send_ex2(gen, arg, &result, exc, closing) == SEND_RETURN) {
    if (async_gen_check(gen)) {
      err_set(&Exc_StopAsyncIteration, nullptr);
    } else {
      set_stop_iteration_value(result);
    }
    clear_ref(&result);
  }
  return result;
}

int iter_send(Object* iter, Object* arg, Object** presult) {
  if (gen_check(iter) || coro_check(iter)) return gen_send_ex2(static_cast<GenObject*>(iter), arg, presult, false, false);
  Object* res;
  if (arg == None && type_of(iter)->iternext) {
    res = type_of(iter)->iternext(iter);
  } else {
    res = call_method1(iter, "send", arg);
  }
  if (res) {
    *presult = res;
    return SEND_NEXT;
  }
  if (!err_occurred()) {
    *presult = none_ref();
    return SEND_RETURN;
  }
  if (err_matches(&Exc_StopIteration)) {
    Object* e = err_fetch();
    *presult = stop_iteration_value(e);
    decref(e);
    return SEND_RETURN;
  }
  *presult = nullptr;
  return SEND_ERROR;
}

static Object* gen_iternext(Object* self) {
  auto* gen = static_cast<GenObject*>(self);
  Object* result;
  if (gen_send_ex2(gen, nullptr, &result, false, false) == SEND_RETURN) {
    if (result != None) set_stop_iteration_value(result);
    clear_ref(&result);
  }
  return result;
}

// The iterator a suspended generator delegates to (yield from), or null. New reference.
Object* gen_yf(GenObject* gen) {
  Frame* f = &gen->frame;
  if (f->state != FRAME_SUSPENDED) return nullptr;
  uint32_t next = *f->ip;
  if (instr_op(next) != OP_RESUME || instr_arg(next) < 2) return nullptr;
  return newref(f->sp[-1]);
}

static int gen_close_iter(Object* yf);


Object* gen_close_meth(Object* self, Object* const*, ssize, Object*) {
  auto* gen = static_cast<GenObject*>(self);
  Frame* f = &gen->frame;
  if (f->state == FRAME_CREATED) {
    f->state = FRAME_COMPLETED;
    frame_clear(f);
    return none_ref();
  }
  if (f->state >= FRAME_COMPLETED) return none_ref();
  int err = 0;
  if (Object* yf = gen_yf(gen)) {
    uint8_t st = f->state;
    f->state = FRAME_EXECUTING;
    err = gen_close_iter(yf);
    f->state = st;
    decref(yf);
  }
  if (err == 0) err_set(&Exc_GeneratorExit, nullptr);
  Object* retval = gen_send_ex(gen, None, true, true);
  if (retval) {
    decref(retval);
    err_format(&Exc_RuntimeError, "%s ignored GeneratorExit",
               coro_check(gen)       ? "coroutine"
               : async_gen_check(gen) ? "async generator"
                                      : "generator");
    return nullptr;
  }
  if (err_matches(&Exc_StopIteration) || err_matches(&Exc_GeneratorExit)) {
    err_clear();
    return none_ref();
  }
  return nullptr;
}

static int gen_close_iter(Object* yf) {
  if (gen_check(yf) || coro_check(yf)) {
    Object* r = gen_close_meth(yf, nullptr, 0, nullptr);
    if (!r) return -1;
    decref(r);
    return 0;
  }
  Object* meth = nullptr;
  if (object_lookup_attr(yf, str_intern_cstr_borrowed("close"), &meth) < 0) {
    err_write_unraisable(yf);
  }
  if (meth) {
    Object* r = call0(meth);
    decref(meth);
    if (!r) return -1;
    decref(r);
  }
  return 0;
}

Object* gen_throw_impl(GenObject* gen, bool close_on_genexit, Object* typ, Object* val,
                       Object* tb) {
  Frame* f = &gen->frame;
  if (Object* yf = gen_yf(gen)) {
    Object* ret;
    if (exception_matches(typ, &Exc_GeneratorExit) ||
        (type_has_flag(type_of(typ), TPFLAG_TYPE_SUBCLASS) &&
         type_is_subtype(static_cast<TypeObject*>(typ), &Exc_GeneratorExit))) {
      if (close_on_genexit) {
        uint8_t st = f->state;
        f->state = FRAME_EXECUTING;
        int err = gen_close_iter(yf);
        f->state = st;
        decref(yf);
        if (err < 0) return gen_send_ex(gen, None, true, false);
        goto throw_here;
      }
    }
    if (gen_check(yf) || coro_check(yf)) {
      ThreadState* ts = tstate();
      Frame* prev = ts->frame;
      f->previous = prev;
      ts->frame = f;
      uint8_t st = f->state;
      f->state = FRAME_EXECUTING;
      ret = gen_throw_impl(static_cast<GenObject*>(yf), close_on_genexit, typ, val, tb);
      f->state = st;
      ts->frame = prev;
      f->previous = nullptr;
    } else {
      Object* meth = nullptr;
      if (object_lookup_attr(yf, str_intern_cstr_borrowed("throw"), &meth) < 0) {
        decref(yf);
        return nullptr;
      }
      if (!meth) {
        decref(yf);
        goto throw_here;
      }
      uint8_t st = f->state;
      f->state = FRAME_EXECUTING;
      Object* argv[3] = {typ, val ? val : None, tb ? tb : None};
      ssize n = tb ? 3 : (val ? 2 : 1);
      ret = call(meth, argv, n, nullptr);
      f->state = st;
      decref(meth);
    }
    decref(yf);
    if (!ret) ret = gen_send_ex(gen, None, true, false);
    return ret;
  }

throw_here:
  if (tb == None) tb = nullptr;
  if (tb && !traceback_check(tb)) {
    return err_format(&Exc_TypeError, "throw() third argument must be a traceback object");
  }
  {
    Ref value;
    if (type_has_flag(type_of(typ), TPFLAG_TYPE_SUBCLASS) &&
        type_has_flag(static_cast<TypeObject*>(typ), TPFLAG_BASE_EXC_SUBCLASS)) {
      // Normalize: instantiate the class with val (a tuple: the arguments).
      if (val && val != None && object_type_check(val, static_cast<TypeObject*>(typ))) {
        value = Ref::borrow(val);
      } else if (!val || val == None) {
        value = Ref::steal(call0(typ));
      } else if (tuple_check(val)) {
        value = Ref::steal(call(typ, tuple_items(val), tuple_size(val), nullptr));
      } else {
        value = Ref::steal(call1(typ, val));
      }
      if (!value) return nullptr;
    } else if (type_has_flag(type_of(typ), TPFLAG_BASE_EXC_SUBCLASS)) {
      if (val && val != None) {
        return err_format(&Exc_TypeError, "instance exception may not have a separate value");
      }
      value = Ref::borrow(typ);
      if (!tb) tb = exception_get_traceback_borrowed(typ);
    } else {
      return err_format(&Exc_TypeError,
                        "exceptions must be classes or instances deriving from BaseException, "
                        "not %T",
                        typ);
    }
    if (tb) exception_set_traceback(value.get(), tb);
    err_restore(value.release());
  }
  return gen_send_ex(gen, None, true, false);
}

Object* gen_throw_meth(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (kwnames && tuple_size(kwnames))
    return err_format(&Exc_TypeError, "throw() takes no keyword arguments");
  if (nargs < 1 || nargs > 3)
    return err_format(&Exc_TypeError, "throw expected at least 1 argument, got %zd", nargs);
  // (The 3-argument form is deprecated in 3.12 but still works.)
  return gen_throw_impl(static_cast<GenObject*>(self), true, args[0], nargs > 1 ? args[1] : nullptr,
                        nargs > 2 ? args[2] : nullptr);
}

Object* gen_send_meth(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if ((kwnames && tuple_size(kwnames)) || nargs != 1)
    return err_format(&Exc_TypeError, "generator.send() takes exactly one argument (%zd given)",
                      nargs);
  Object* result;
  if (gen_send_ex2(static_cast<GenObject*>(self), args[0], &result, false, false) ==
      SEND_RETURN) {
    set_stop_iteration_value(result);
    clear_ref(&result);
  }
  return result;
}

// tp_finalize (PEP 442): close a suspended generator, reporting errors as unraisable.
static void gen_finalize(Object* o) {
  auto* gen = static_cast<GenObject*>(o);
  if (gen->frame.state != FRAME_SUSPENDED) return;
  Object* saved = err_fetch();
  Object* r = gen_close_meth(o, nullptr, 0, nullptr);
  if (!r) {
    err_write_unraisable(o);
  } else {
    decref(r);
  }
  err_restore(saved);
}

static void gen_dealloc(Object* o) {
  auto* gen = static_cast<GenObject*>(o);
  Frame* f = &gen->frame;
  if (gen->weaklist) weakref_clear_all(o);
  if (f->state == FRAME_SUSPENDED && !gc_is_finalized(o)) {
    if (object_call_finalizer_from_dealloc(o) < 0) return;  // resurrected
  }
  if (f->state != FRAME_COMPLETED) {
    f->state = FRAME_COMPLETED;
    frame_clear(f);
  }
  clear_ref(&gen->name);
  clear_ref(&gen->qualname);
  clear_ref(&gen->code);
  clear_ref(&gen->exc_state.exc_value);
  object_free(o);
}

// What a generator owns (CPython's gen_traverse + _PyFrame_Traverse). Safe in every state of the
// frame, including while it runs (collections happen inside allocations made by the eval loop):
//  - CREATED (or still under construction: code may be null before frame_init): locals bound so
//    far (unbound slots are null) and an empty stack;
//  - SUSPENDED: locals and the value stack up to the `sp` saved by YIELD_VALUE;
//  - EXECUTING: the eval loop keeps `sp` in a register, so the saved one is stale: the value
//    stack is skipped (CPython sets stacktop = -1 for the same reason); those objects just look
//    referenced from outside. Local slots are always consistent (the eval loop stores the new
//    value before releasing the old one);
//  - COMPLETED: the frame's references are gone (or going: frame_clear nulls each slot before
//    releasing it, after the state changed), nothing is visited.
static int gen_traverse(Object* o, visitproc visit, void* arg) {
  auto* gen = static_cast<GenObject*>(o);
  auto visit_opt = [&](Object* v) { return v ? visit(v, arg) : 0; };
  int r;
  if ((r = visit_opt(gen->code)) != 0) return r;
  Frame* f = &gen->frame;
  if (f->code && f->state < FRAME_COMPLETED) {
    if ((r = visit_opt(f->frame_obj)) != 0) return r;
    if ((r = visit_opt(f->locals)) != 0) return r;
    if ((r = visit_opt(f->func)) != 0) return r;
    if ((r = visit_opt(f->globals)) != 0) return r;
    if ((r = visit_opt(f->builtins)) != 0) return r;
    for (int32_t i = 0; i < f->code->nlocalsplus; i++) {
      if ((r = visit_opt(f->localsplus[i])) != 0) return r;
    }
    if (f->state != FRAME_EXECUTING) {
      Object** base = f->stack_base();
      Object** top = f->sp;
      Object** limit = base + f->code->stacksize;
      if (top > limit) top = limit;  // never trust a corrupt sp beyond the frame
      for (Object** p = base; p < top; p++) {
        if ((r = visit_opt(*p)) != 0) return r;
      }
    }
  }
  return visit_opt(gen->exc_state.exc_value);
}

static Object* gen_repr(Object* o) {
  auto* gen = static_cast<GenObject*>(o);
  char buf[40];
  std::snprintf(buf, sizeof buf, " at %p>", static_cast<void*>(o));
  StrWriter w;
  w.append(coro_check(o)        ? "<coroutine object "
           : async_gen_check(o) ? "<async_generator object "
                                : "<generator object ");
  if (!w.append_str(gen->qualname)) return nullptr;
  w.append(buf);
  return w.finish();
}

static Object* gen_iter(Object* o) { return newref(o); }

static GenObject* G(Object* o) { return static_cast<GenObject*>(o); }
static Object* gen_get_name(Object* o) { return newref(G(o)->name); }
static int gen_set_name(Object* o, Object* v) {
  if (!v || !str_check(v)) {
    err_format(&Exc_TypeError, "__name__ must be set to a string object");
    return -1;
  }
  setref(&G(o)->name, newref(v));
  return 0;
}
static Object* gen_get_qualname(Object* o) { return newref(G(o)->qualname); }
static int gen_set_qualname(Object* o, Object* v) {
  if (!v || !str_check(v)) {
    err_format(&Exc_TypeError, "__qualname__ must be set to a string object");
    return -1;
  }
  setref(&G(o)->qualname, newref(v));
  return 0;
}
static Object* gen_get_frame(Object* o) {
  Frame* f = &G(o)->frame;
  if (f->state >= FRAME_COMPLETED) return none_ref();
  return frame_get_object(f);
}
static Object* gen_get_running(Object* o) { return bool_from(G(o)->frame.state == FRAME_EXECUTING); }
static Object* gen_get_suspended(Object* o) {
  return bool_from(G(o)->frame.state == FRAME_SUSPENDED);
}
static Object* gen_get_code(Object* o) { return newref(G(o)->code); }
static Object* gen_get_yieldfrom(Object* o) {
  Object* yf = gen_yf(G(o));
  return yf ? yf : none_ref();
}

static const GetSetDef gen_getset[] = {
    {"__name__", gen_get_name, gen_set_name, nullptr},
    {"__qualname__", gen_get_qualname, gen_set_qualname, nullptr},
    {"gi_frame", gen_get_frame, nullptr, nullptr},
    {"gi_running", gen_get_running, nullptr, nullptr},
    {"gi_suspended", gen_get_suspended, nullptr, nullptr},
    {"gi_code", gen_get_code, nullptr, nullptr},
    {"gi_yieldfrom", gen_get_yieldfrom, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

static const MethodDef gen_methods[] = {
    {"send", gen_send_meth, METH_DEFAULT,
     "send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration."},
    {"throw", gen_throw_meth, METH_DEFAULT,
     "throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator, return next yielded "
     "value or raise\nStopIteration."},
    {"close", gen_close_meth, METH_DEFAULT, "close() -> raise GeneratorExit inside generator."},
    {nullptr, nullptr, 0, nullptr},
};

void init_gen_types() {
  GenType.name = "generator";
  GenType.basicsize = sizeof(GenObject);
  GenType.flags = TPFLAG_HAVE_GC;
  GenType.dealloc = gen_dealloc;
  GenType.repr = gen_repr;
  GenType.iter = gen_iter;
  GenType.iternext = gen_iternext;
  GenType.getattro = generic_getattr;
  GenType.getset = gen_getset;
  GenType.methods = gen_methods;
  GenType.traverse = gen_traverse;
  GenType.finalize = gen_finalize;
  GenType.base = &ObjectType;
  static GenObject probe;
  GenType.weaklistoffset = reinterpret_cast<char*>(&probe.weaklist) - reinterpret_cast<char*>(&probe);
  register_static_type(&GenType);

  static const GetSetDef coro_getset[] = {
      {"__name__", gen_get_name, gen_set_name, nullptr},
      {"__qualname__", gen_get_qualname, gen_set_qualname, nullptr},
      {"cr_frame", gen_get_frame, nullptr, nullptr},
      {"cr_running", gen_get_running, nullptr, nullptr},
      {"cr_suspended", gen_get_suspended, nullptr, nullptr},
      {"cr_code", gen_get_code, nullptr, nullptr},
      {"cr_await", gen_get_yieldfrom, nullptr, nullptr},
      {"cr_origin", [](Object*) { return none_ref(); }, nullptr, nullptr},
      {nullptr, nullptr, nullptr, nullptr},
  };
  CoroType.name = "coroutine";
  CoroType.basicsize = sizeof(GenObject);
  CoroType.flags = TPFLAG_HAVE_GC;
  CoroType.dealloc = gen_dealloc;
  CoroType.repr = gen_repr;
  CoroType.getattro = generic_getattr;
  CoroType.getset = coro_getset;
  CoroType.traverse = gen_traverse;
  CoroType.finalize = gen_finalize;
  CoroType.base = &ObjectType;
  CoroType.weaklistoffset = GenType.weaklistoffset;
  register_static_type(&CoroType);

  static const GetSetDef async_gen_getset[] = {
      {"__name__", gen_get_name, gen_set_name, nullptr},
      {"__qualname__", gen_get_qualname, gen_set_qualname, nullptr},
      {"ag_frame", gen_get_frame, nullptr, nullptr},
      {"ag_running", [](Object* o) { return bool_from(G(o)->ag_running_async != 0); }, nullptr,
       nullptr},
      {"ag_suspended", gen_get_suspended, nullptr, nullptr},
      {"ag_code", gen_get_code, nullptr, nullptr},
      {"ag_await", gen_get_yieldfrom, nullptr, nullptr},
      {nullptr, nullptr, nullptr, nullptr},
  };
  AsyncGenType.name = "async_generator";
  AsyncGenType.basicsize = sizeof(GenObject);
  AsyncGenType.flags = TPFLAG_HAVE_GC;
  AsyncGenType.dealloc = gen_dealloc;
  AsyncGenType.repr = gen_repr;
  AsyncGenType.getattro = generic_getattr;
  AsyncGenType.getset = async_gen_getset;
  AsyncGenType.traverse = gen_traverse;
  AsyncGenType.finalize = gen_finalize;
  AsyncGenType.base = &ObjectType;
  AsyncGenType.weaklistoffset = GenType.weaklistoffset;
  init_async_gen_types();  // method tables and the helper types (objects/genobject_async.cpp)
  register_static_type(&AsyncGenType);
}

}  // namespace gilpy

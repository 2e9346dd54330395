// The eval loop: executes the instructions of vm/opcodes.h over frames (vm/frame.h).
//
// Dispatch: every opcode body is a `TARGET(NAME)` block generated in the order of the
// GILPY_OPCODES X-macro. With GILPY_COMPUTED_GOTO each body ends with its own indirect jump through
// a label table (GNU "labels as values"); otherwise a switch in a loop.
//
// Registers: `frame` (the executing Frame), `ip` (next instruction), `sp` (one past the stack top),
// `localsplus` (frame->localsplus), `consts`/`names` (the code's tuples' item arrays). They are
// written back to the frame (SAVE_FRAME) before anything that may look at the frame from outside:
// calls, raising (tracebacks read the instruction), yielding.
//
// Calls between Python functions do not recurse in C++: CALL pushes the callee's frame on the
// thread's frame stack, links it to the caller and continues in the same loop; RETURN_VALUE pops it
// and pushes the result on the caller's stack. Only the frame eval_frame() was entered with
// ("is_entry") returns to C++. Each Python frame counts one level of ThreadState::recursion_depth
// (RecursionError "maximum recursion depth exceeded" past the limit); each C++ entry counts one
// level of native_depth.
//
// Stack ownership: every non-null value on the stack is an owned reference. A stack slot may hold
// NULL only where the call protocol says so (PUSH_NULL / LOAD_METHOD's self slot).
//
// Exceptions: on error the loop adds a traceback entry for the frame (error:), then looks the
// failing instruction up in the code's exception table (exception_unwind:): the handler gets the
// stack popped to its depth, optionally the lasti, then the exception. Without a handler the frame
// is cleared and popped and the exception continues in the caller (adding its traceback entry).
// RERAISE and bare `raise` go straight to exception_unwind (no new traceback entry), as CPython.
//
// Inline cache of LOAD_GLOBAL: code->eval_cache (owned by this file; calloc'd on a code object's
// first cacheable LOAD_GLOBAL, freed with the code) is an array of GlobalCacheEntry, one per name
// of co_names (indexed by oparg, so all LOAD_GLOBALs of a name share one). An entry records the
// keys versions of the globals (and, for a builtin, of the builtins) and the entry index where the
// name was found; while the versions match, the value at that index is the answer
// (objects/dict_internal.h explains why). Like the dicts, caches are protected by the GIL.
#include "vm/eval.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "core/abstract.h"
#include "core/error.h"
#include "objects/cellobject.h"
#include "objects/codeobject.h"
#include "objects/containers.h"
#include "objects/dict_internal.h"
#include "objects/floatobject.h"
#include "objects/funcobject.h"
#include "objects/genobject.h"
#include "objects/intobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"
#include "vm/eval_internal.h"
#include "vm/gil.h"
#include "vm/import.h"
#include "vm/opcodes.h"
#include "vm/traceback.h"

#if GILPY_TRACE_EXEC
#include <cstdio>
#endif

namespace gilpy {

int (*eval_signal_hook)(ThreadState* ts) = nullptr;

namespace {

struct GlobalCacheEntry {
  uint32_t globals_version;   // 0: empty entry
  uint32_t builtins_version;  // 0: the name is in the globals
  uint32_t index;             // of the entry in the keys block that holds the name
};

// After a LOAD_GLOBAL of `name` (co_names[oparg]) found its value the slow way: record where.
void global_cache_fill(CodeObject* code, uint32_t oparg, Object* globals, Object* builtins,
                       Object* name) {
  if (!code->eval_cache) {
    code->eval_cache = std::calloc(size_t(tuple_size(code->names)), sizeof(GlobalCacheEntry));
    if (!code->eval_cache) return;  // no cache: LOAD_GLOBAL stays on the slow path
  }
  GlobalCacheEntry& e = static_cast<GlobalCacheEntry*>(code->eval_cache)[oparg];
  e.globals_version = 0;
  ssize ix = dict_index_of_key(globals, name);
  uint32_t builtins_version = 0;
  if (ix == -1) {  // surely not a global: a builtin
    ix = dict_index_of_key(builtins, name);
    if (ix < 0 || (builtins_version = dict_keys_version(builtins)) == 0) return;
  }
  if (ix < 0 || ix > ssize(UINT32_MAX)) return;
  e.builtins_version = builtins_version;
  e.index = uint32_t(ix);
  e.globals_version = dict_keys_version(globals);  // 0 (no caching) for an empty globals block
}

}  // namespace

int handle_eval_breaker(ThreadState* ts) {
  uint32_t bits = ts->eval_breaker.load(std::memory_order_relaxed);
  if (bits & (BREAKER_GIL_DROP_REQUEST | BREAKER_TICKS)) {
    // Another thread wants the GIL (or the ticks budget ran out): let it run, then continue.
    if (Gil* gil = runtime_gil()) {
      gil->yield_on_request(ts);
    } else {
      ts->eval_breaker.fetch_and(~(BREAKER_GIL_DROP_REQUEST | BREAKER_TICKS),
                                 std::memory_order_relaxed);
    }
  }
  if (bits & BREAKER_SIGNALS_PENDING) {
    ts->eval_breaker.fetch_and(~BREAKER_SIGNALS_PENDING, std::memory_order_relaxed);
    if (eval_signal_hook && eval_signal_hook(ts) < 0) return -1;
  }
  if (bits & BREAKER_ASYNC_EXC) {
    ts->eval_breaker.fetch_and(~BREAKER_ASYNC_EXC, std::memory_order_relaxed);
  }
  return 0;
}

Frame* eval_current_frame() {
  ThreadState* ts = tstate();
  return ts ? ts->frame : nullptr;
}
Object* eval_get_globals_borrowed() {
  Frame* f = eval_current_frame();
  return f ? f->globals : nullptr;
}
Object* eval_get_builtins_borrowed() {
  Frame* f = eval_current_frame();
  if (f) return f->builtins;
  Interpreter* interp = main_interpreter();
  return interp ? interp->builtins : nullptr;
}
Object* eval_get_locals() {
  Frame* f = eval_current_frame();
  if (!f) return err_format(&Exc_SystemError, "frame does not exist");
  return frame_get_locals(f);
}

namespace {

// Innermost handler covering instruction `lasti` (entries are sorted and don't overlap).
inline const ExceptionEntry* find_handler(CodeObject* code, int lasti) {
  if (lasti < 0) return nullptr;
  const ExceptionEntry* t = code->exception_table;
  int lo = 0, hi = code->nexception_entries;
  auto idx = uint32_t(lasti);
  while (lo < hi) {
    int mid = (lo + hi) / 2;
    if (t[mid].end <= idx) {
      lo = mid + 1;
    } else if (t[mid].start > idx) {
      hi = mid;
    } else {
      return &t[mid];
    }
  }
  return nullptr;
}

inline bool small_ints(Object* a, Object* b) {
  return type_of(a) == &IntType && type_of(b) == &IntType && int_is_small(a) && int_is_small(b);
}

// Small-int fast path of BINARY_OP; nullptr when it doesn't apply (no exception set).
inline Object* binary_op_fast(int op, Object* a, Object* b) {
  if (small_ints(a, b)) {
    int64_t x = int_small_value(a), y = int_small_value(b), r;
    switch (op) {
      case NB_ADD:
      case NB_INPLACE_ADD:
        if (!__builtin_add_overflow(x, y, &r)) return int_from_i64(r);
        return nullptr;
      case NB_SUBTRACT:
      case NB_INPLACE_SUBTRACT:
        if (!__builtin_sub_overflow(x, y, &r)) return int_from_i64(r);
        return nullptr;
      case NB_MULTIPLY:
      case NB_INPLACE_MULTIPLY:
        if (!__builtin_mul_overflow(x, y, &r)) return int_from_i64(r);
        return nullptr;
      case NB_FLOOR_DIVIDE:
      case NB_INPLACE_FLOOR_DIVIDE:
        if (y == 0 || (y == -1 && x == INT64_MIN)) return nullptr;
        r = x / y;
        if ((x % y != 0) && ((x < 0) != (y < 0))) r--;
        return int_from_i64(r);
      case NB_REMAINDER:
      case NB_INPLACE_REMAINDER:
        if (y == 0 || (y == -1 && x == INT64_MIN)) return nullptr;
        r = x % y;
        if (r != 0 && ((r < 0) != (y < 0))) r += y;
        return int_from_i64(r);
      case NB_AND:
      case NB_INPLACE_AND: return int_from_i64(x & y);
      case NB_OR:
      case NB_INPLACE_OR: return int_from_i64(x | y);
      case NB_XOR:
      case NB_INPLACE_XOR: return int_from_i64(x ^ y);
      case NB_RSHIFT:
      case NB_INPLACE_RSHIFT:
        if (y < 0) return nullptr;
        return int_from_i64(y >= 63 ? (x < 0 ? -1 : 0) : (x >> y));
      case NB_LSHIFT:
      case NB_INPLACE_LSHIFT:
        if (y < 0 || y >= 62) return nullptr;
        if (x > (INT64_MAX >> y) || x < (INT64_MIN >> y)) return nullptr;
        return int_from_i64(int64_t(uint64_t(x) << y));
      default: return nullptr;
    }
  }
  if (type_of(a) == &FloatType && type_of(b) == &FloatType) {
    double x = float_value(a), y = float_value(b);
    switch (op) {
      case NB_ADD:
      case NB_INPLACE_ADD: return float_from_double(x + y);
      case NB_SUBTRACT:
      case NB_INPLACE_SUBTRACT: return float_from_double(x - y);
      case NB_MULTIPLY:
      case NB_INPLACE_MULTIPLY: return float_from_double(x * y);
      default: return nullptr;
    }
  }
  return nullptr;
}

inline bool compare_i64(int op, int64_t x, int64_t y) {
  switch (op) {
    case CMP_LT: return x < y;
    case CMP_LE: return x <= y;
    case CMP_EQ: return x == y;
    case CMP_NE: return x != y;
    case CMP_GT: return x > y;
    default: return x >= y;
  }
}
inline bool compare_double(int op, double x, double y) {
  switch (op) {
    case CMP_LT: return x < y;
    case CMP_LE: return x <= y;
    case CMP_EQ: return x == y;
    case CMP_NE: return x != y;
    case CMP_GT: return x > y;
    default: return x >= y;
  }
}

// f(*args, **kwargs) with a tuple and an optional dict: unpack into a vectorcall.
Object* call_ex(Object* callable, Object* self_or_null, Object* args, Object* kwargs) {
  ssize nargs = tuple_size(args);
  ssize nkw = kwargs ? dict_size(kwargs) : 0;
  ssize extra = self_or_null ? 1 : 0;
  ssize total = extra + nargs + nkw;
  Object* small[16];
  Object** buf = small;
  if (total > 16) {
    buf = static_cast<Object**>(std::malloc(size_t(total) * sizeof(Object*)));
    if (!buf) return err_no_memory();
  }
  if (self_or_null) buf[0] = self_or_null;
  for (ssize i = 0; i < nargs; i++) buf[extra + i] = tuple_get_borrowed(args, i);
  Ref kwnames;
  if (nkw) {
    kwnames = Ref::steal(tuple_new(nkw));
    if (!kwnames) {
      if (buf != small) std::free(buf);
      return nullptr;
    }
    ssize pos = 0, i = 0;
    Object *k, *v;
    while (dict_next(kwargs, &pos, &k, &v)) {
      if (!str_check(k)) {
        // Fill the rest so the tuple can be freed safely.
        for (ssize j = i; j < nkw; j++) tuple_set_steal(kwnames.get(), j, none_ref());
        if (buf != small) std::free(buf);
        return err_format(&Exc_TypeError, "keywords must be strings");
      }
      tuple_set_steal(kwnames.get(), i, newref(k));
      buf[extra + nargs + i] = v;
      i++;
    }
  }
  Object* res = call(callable, buf, extra + nargs, nkw ? kwnames.get() : nullptr);
  if (buf != small) std::free(buf);
  return res;
}

}  // namespace

// GCC merges the indirect jumps ending every opcode body into one shared jump ("cross-jumping"),
// which defeats the point of computed goto (one branch-predictor entry per opcode): disable it.
#if GILPY_COMPUTED_GOTO && defined(__GNUC__) && !defined(__clang__)
__attribute__((optimize("no-crossjumping", "no-gcse")))
#endif
Object* eval_frame(ThreadState* ts, Frame* frame, bool throwflag) {
  if (GILPY_UNLIKELY(++ts->native_depth > GILPY_MAX_NATIVE_DEPTH)) {
    --ts->native_depth;
    err_format(&Exc_RecursionError, "maximum recursion depth exceeded");
    if (frame->owner == FRAME_OWNED_BY_THREAD) {
      frame_clear(frame);
      frame_stack_pop(ts, frame);
    } else {
      frame->state = FRAME_COMPLETED;
      frame_clear(frame);
    }
    return nullptr;
  }

  // Registers.
  CodeObject* code;
  const uint32_t* ip;
  Object** sp;
  Object** localsplus;
  Object* const* consts;
  Object* const* names;
  uint32_t word;
  uint32_t oparg;
  Object* retval = nullptr;
#if GILPY_COMPUTED_GOTO
  const void* const* targets;  // the dispatch table
  // Instruction counting (vm/gil.h): when the GIL asks for it (ticks policy, -X gilstats),
  // DISPATCH jumps through kCountTargets, whose every entry is the counting stub, which then jumps
  // through kTargets. The choice is made once per eval_frame entry into a register, so the
  // default configuration executes no extra instruction per bytecode.
  static const void* const kTargets[OP_COUNT_] = {
#define GILPY_OP_LABEL(name, flags, pop, push) &&TARGET_##name,
      GILPY_OPCODES(GILPY_OP_LABEL)
#undef GILPY_OP_LABEL
  };
#define GILPY_OP_COUNT_LABEL(name, flags, pop, push) &&count_instruction,
  static const void* const kCountTargets[OP_COUNT_] = {GILPY_OPCODES(GILPY_OP_COUNT_LABEL)};
#undef GILPY_OP_COUNT_LABEL
  static const bool counting = runtime_gil() && runtime_gil()->counts_instructions();
  targets = counting ? kCountTargets : kTargets;
#endif

#define LOAD_FRAME()                       \
  do {                                     \
    code = frame->code;                    \
    ip = frame->ip;                        \
    sp = frame->sp;                        \
    localsplus = frame->localsplus;        \
    consts = tuple_items(code->consts);    \
    names = tuple_items(code->names);      \
  } while (0)
#define SAVE_FRAME()   \
  do {                 \
    frame->ip = ip;    \
    frame->sp = sp;    \
  } while (0)
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define PEEK(n) (sp[-static_cast<ssize>(n)])
#define GETNAME(i) (names[(i)])

  frame->is_entry = 1;
  frame->previous = ts->frame;
  ts->frame = frame;
  frame->state = FRAME_EXECUTING;
  LOAD_FRAME();

  if (GILPY_UNLIKELY(++ts->recursion_depth > ts->interp->recursion_limit)) {
    err_format(&Exc_RecursionError, "maximum recursion depth exceeded");
    goto exit_unwind;
  }
  if (throwflag) goto error;

#if GILPY_COMPUTED_GOTO
#define TARGET(name) TARGET_##name:
#if GILPY_TRACE_EXEC
#define DISPATCH() goto dispatch
#else
#define DISPATCH()                \
  do {                            \
    word = *ip++;                 \
    oparg = word >> 8;            \
    goto* targets[word & 0xFF];   \
  } while (0)
#endif
#else
#define TARGET(name) case OP_##name:
#define DISPATCH() goto dispatch
  // The switch build's form of the counting dispatch (see kTargets above).
  static const bool gil_counting_dispatch = runtime_gil() && runtime_gil()->counts_instructions();
#endif

#if GILPY_COMPUTED_GOTO
  goto dispatch;
count_instruction:
  // The counting stub (vm/gil.h): count, and at the end of the budget let the GIL decide (the
  // ticks policy releases and re-takes it here, before the fetched instruction runs).
  ++ts->instructions;
  if (GILPY_UNLIKELY(--ts->ticks_left <= 0)) {
    SAVE_FRAME();
    runtime_gil()->ticks_exhausted(ts);
    word = ip[-1];
    oparg = word >> 8;
  }
  goto* kTargets[word & 0xFF];
#endif

dispatch:
  __attribute__((unused));
  word = *ip++;
  oparg = word >> 8;
#if !GILPY_COMPUTED_GOTO
  if (GILPY_UNLIKELY(gil_counting_dispatch)) {
    ++ts->instructions;
    if (GILPY_UNLIKELY(--ts->ticks_left <= 0)) {
      SAVE_FRAME();
      runtime_gil()->ticks_exhausted(ts);
      word = ip[-1];
      oparg = word >> 8;
    }
  }
#endif
#if GILPY_TRACE_EXEC
  std::fprintf(stderr, "%4d %s %u\n", int(ip - code->code) - 1, kOpcodeNames[word & 0xFF], oparg);
#endif
#if GILPY_COMPUTED_GOTO
  goto* targets[word & 0xFF];
#else
  switch (word & 0xFF) {
#endif

  TARGET(NOP) { DISPATCH(); }

  TARGET(RESUME) {
    if (GILPY_UNLIKELY(ts->eval_breaker.load(std::memory_order_relaxed))) {
      SAVE_FRAME();
      if (handle_eval_breaker(ts) < 0) goto error;
    }
    DISPATCH();
  }

  TARGET(POP_TOP) {
    Object* v = POP();
    xdecref(v);
    DISPATCH();
  }

  TARGET(PUSH_NULL) {
    PUSH(nullptr);
    DISPATCH();
  }

  TARGET(COPY) {
    Object* v = PEEK(oparg);
    xincref(v);
    PUSH(v);
    DISPATCH();
  }

  TARGET(SWAP) {
    Object* t = TOP();
    TOP() = PEEK(oparg);
    PEEK(oparg) = t;
    DISPATCH();
  }

  TARGET(LOAD_CONST) {
    Object* v = consts[oparg];
    incref(v);
    PUSH(v);
    DISPATCH();
  }

  TARGET(LOAD_FAST) {
    Object* v = localsplus[oparg];
    if (GILPY_UNLIKELY(!v)) {
      format_unbound(code, int(oparg));
      goto error;
    }
    incref(v);
    PUSH(v);
    DISPATCH();
  }

  TARGET(LOAD_FAST_CHECK) {
    Object* v = localsplus[oparg];
    if (GILPY_UNLIKELY(!v)) {
      format_unbound(code, int(oparg));
      goto error;
    }
    incref(v);
    PUSH(v);
    DISPATCH();
  }

  TARGET(STORE_FAST) {
    Object* v = POP();
    Object* old = localsplus[oparg];
    localsplus[oparg] = v;
    xdecref(old);
    DISPATCH();
  }

  TARGET(DELETE_FAST) {
    Object* v = localsplus[oparg];
    if (!v) {
      format_unbound(code, int(oparg));
      goto error;
    }
    clear_ref(&localsplus[oparg]);
    DISPATCH();
  }

  TARGET(MAKE_CELL) {
    Object* initial = localsplus[oparg];
    Object* cell = cell_new(initial);
    if (!cell) goto error;
    localsplus[oparg] = cell;
    xdecref(initial);
    DISPATCH();
  }

  TARGET(COPY_FREE_VARS) {
    auto* func = static_cast<FunctionObject*>(frame->func);
    Object* closure = func ? func->closure : nullptr;
    int offset = code->nlocalsplus - int(oparg);
    for (uint32_t i = 0; i < oparg; i++) {
      Object* c = closure && ssize(i) < tuple_size(closure) ? tuple_get_borrowed(closure, i)
                                                            : nullptr;
      localsplus[offset + int(i)] = c ? newref(c) : cell_new(nullptr);
    }
    DISPATCH();
  }

  TARGET(LOAD_DEREF) {
    Object* v = cell_get_borrowed(localsplus[oparg]);
    if (GILPY_UNLIKELY(!v)) {
      format_unbound(code, int(oparg));
      goto error;
    }
    incref(v);
    PUSH(v);
    DISPATCH();
  }

  TARGET(STORE_DEREF) {
    Object* v = POP();
    cell_set_steal(localsplus[oparg], v);
    DISPATCH();
  }

  TARGET(DELETE_DEREF) {
    Object* cell = localsplus[oparg];
    if (!cell_get_borrowed(cell)) {
      format_unbound(code, int(oparg));
      goto error;
    }
    cell_set_steal(cell, nullptr);
    DISPATCH();
  }

  TARGET(LOAD_CLOSURE) {
    Object* v = localsplus[oparg];
    if (!v) {
      format_unbound(code, int(oparg));
      goto error;
    }
    incref(v);
    PUSH(v);
    DISPATCH();
  }

  TARGET(LOAD_FROM_DICT_OR_DEREF) {
    Object* mapping = TOP();
    Object* name = tuple_get_borrowed(code->localsplusnames, ssize(oparg));
    Object* v;
    if (dict_check_exact(mapping)) {
      v = dict_get_borrowed(mapping, name);
      if (v) {
        incref(v);
      } else if (err_occurred()) {
        goto error;
      }
    } else {
      SAVE_FRAME();
      v = object_getitem(mapping, name);
      if (!v) {
        if (!err_matches(&Exc_KeyError)) goto error;
        err_clear();
      }
    }
    if (!v) {
      v = cell_get_borrowed(localsplus[oparg]);
      if (!v) {
        format_unbound(code, int(oparg));
        goto error;
      }
      incref(v);
    }
    decref(mapping);
    TOP() = v;
    DISPATCH();
  }

  TARGET(LOAD_NAME) {
    Object* name = GETNAME(oparg);
    Object* locals = frame->locals;
    if (!locals) {
      err_format(&Exc_SystemError, "no locals when loading %R", name);
      goto error;
    }
    Object* v;
    if (dict_check_exact(locals)) {
      v = dict_get_borrowed(locals, name);
      if (v) {
        incref(v);
      } else if (err_occurred()) {
        goto error;
      }
    } else {
      SAVE_FRAME();
      v = object_getitem(locals, name);
      if (!v) {
        if (!err_matches(&Exc_KeyError)) goto error;
        err_clear();
      }
    }
    if (!v) {
      v = dict_get_borrowed(frame->globals, name);
      if (!v) {
        if (err_occurred()) goto error;
        v = dict_get_borrowed(frame->builtins, name);
        if (!v) {
          if (!err_occurred()) format_name_error(name);
          goto error;
        }
      }
      incref(v);
    }
    PUSH(v);
    DISPATCH();
  }

  TARGET(STORE_NAME) {
    Object* name = GETNAME(oparg);
    Object* v = POP();
    Object* locals = frame->locals;
    int err;
    if (!locals) {
      err_format(&Exc_SystemError, "no locals found when storing %R", name);
      decref(v);
      goto error;
    }
    SAVE_FRAME();
    if (dict_check_exact(locals)) {
      err = dict_setitem(locals, name, v);
    } else {
      err = object_setitem(locals, name, v);
    }
    decref(v);
    if (err < 0) goto error;
    DISPATCH();
  }

  TARGET(DELETE_NAME) {
    Object* name = GETNAME(oparg);
    Object* locals = frame->locals;
    if (!locals) {
      err_format(&Exc_SystemError, "no locals when deleting %R", name);
      goto error;
    }
    SAVE_FRAME();
    if (object_delitem(locals, name) < 0) {
      if (err_matches(&Exc_KeyError)) {
        err_clear();
        format_name_error(name);
      }
      goto error;
    }
    DISPATCH();
  }

  TARGET(LOAD_GLOBAL) {
    Object* v;
    if (GILPY_LIKELY(code->eval_cache != nullptr)) {
      const GlobalCacheEntry& e = static_cast<const GlobalCacheEntry*>(code->eval_cache)[oparg];
      DictKeys* gk = static_cast<DictObject*>(frame->globals)->keys;
      if (e.globals_version != 0 && gk->version == e.globals_version) {
        if (e.builtins_version == 0) {
          v = dk_entries(gk)[e.index].value;
          goto load_global_push;
        }
        DictKeys* bk = static_cast<DictObject*>(frame->builtins)->keys;
        if (bk->version == e.builtins_version) {
          v = dk_entries(bk)[e.index].value;
          goto load_global_push;
        }
      }
    }
    if (dict_check_exact(frame->globals) && dict_check_exact(frame->builtins)) {
      Object* name = GETNAME(oparg);
      v = dict_get_borrowed(frame->globals, name);
      if (!v) {
        if (err_occurred()) goto error;
        v = dict_get_borrowed(frame->builtins, name);
        if (!v) {
          if (!err_occurred()) format_name_error(name);
          goto error;
        }
      }
      global_cache_fill(code, oparg, frame->globals, frame->builtins, name);
    } else {
      // Dict subclasses (exec accepts them): their __getitem__ decides, as in CPython. Not cached.
      Object* name = GETNAME(oparg);
      v = object_getitem(frame->globals, name);
      if (!v) {
        if (!err_matches(&Exc_KeyError)) goto error;
        err_clear();
        v = object_getitem(frame->builtins, name);
        if (!v) {
          if (err_matches(&Exc_KeyError)) {
            err_clear();
            format_name_error(name);
          }
          goto error;
        }
      }
      PUSH(v);
      DISPATCH();
    }
  load_global_push:
    incref(v);
    PUSH(v);
    DISPATCH();
  }

  TARGET(STORE_GLOBAL) {
    Object* v = POP();
    int err = dict_setitem(frame->globals, GETNAME(oparg), v);
    decref(v);
    if (err < 0) goto error;
    DISPATCH();
  }

  TARGET(DELETE_GLOBAL) {
    Object* name = GETNAME(oparg);
    if (dict_delitem(frame->globals, name) < 0) {
      if (err_matches(&Exc_KeyError)) {
        err_clear();
        format_name_error(name);
      }
      goto error;
    }
    DISPATCH();
  }

  TARGET(LOAD_LOCALS) {
    if (!frame->locals) {
      err_format(&Exc_SystemError, "no locals found");
      goto error;
    }
    PUSH(newref(frame->locals));
    DISPATCH();
  }

  TARGET(LOAD_ATTR) {
    Object* owner = TOP();
    SAVE_FRAME();
    Object* v = object_getattr(owner, GETNAME(oparg));
    if (!v) goto error;
    decref(owner);
    TOP() = v;
    DISPATCH();
  }

  TARGET(LOAD_METHOD) {
    Object* owner = TOP();
    Object* meth = nullptr;
    SAVE_FRAME();
    int r = object_get_method(owner, GETNAME(oparg), &meth);
    if (r < 0) goto error;
    if (r == 1) {
      // [meth owner]
      TOP() = meth;
      PUSH(owner);
    } else {
      decref(owner);
      TOP() = meth;
      PUSH(nullptr);
    }
    DISPATCH();
  }

  TARGET(STORE_ATTR) {
    Object* owner = TOP();
    Object* v = SECOND();
    SAVE_FRAME();
    int err = object_setattr(owner, GETNAME(oparg), v);
    sp -= 2;
    decref(owner);
    decref(v);
    if (err < 0) goto error;
    DISPATCH();
  }

  TARGET(DELETE_ATTR) {
    Object* owner = POP();
    SAVE_FRAME();
    int err = object_setattr(owner, GETNAME(oparg), nullptr);
    decref(owner);
    if (err < 0) goto error;
    DISPATCH();
  }

  TARGET(LOAD_SUPER_ATTR) {
    Object* self = POP();
    Object* cls = POP();
    Object* global_super = POP();
    SAVE_FRAME();
    Object* sup = call2(global_super, cls, self);
    decref(global_super);
    decref(cls);
    if (!sup) {
      decref(self);
      goto error;
    }
    Object* name = GETNAME(oparg >> 1);
    Object* attr = object_getattr(sup, name);
    decref(sup);
    decref(self);
    if (!attr) goto error;
    PUSH(attr);
    if (oparg & 1) PUSH(nullptr);
    DISPATCH();
  }

  TARGET(BINARY_OP) {
    Object* b = TOP();
    Object* a = SECOND();
    Object* res = binary_op_fast(int(oparg), a, b);
    if (!res) {
      SAVE_FRAME();
      res = number_binary_op(a, b, int(oparg));
      if (!res) goto error;
    }
    sp--;
    decref(a);
    decref(b);
    TOP() = res;
    DISPATCH();
  }

  TARGET(UNARY_NEGATIVE) {
    Object* v = TOP();
    Object* res;
    if (type_of(v) == &IntType && int_is_small(v) && int_small_value(v) != INT64_MIN) {
      res = int_from_i64(-int_small_value(v));
    } else {
      SAVE_FRAME();
      res = number_negative(v);
      if (!res) goto error;
    }
    decref(v);
    TOP() = res;
    DISPATCH();
  }

  TARGET(UNARY_NOT) {
    Object* v = TOP();
    int r;
    if (v == True) {
      r = 1;
    } else if (v == False || v == None) {
      r = 0;
    } else {
      SAVE_FRAME();
      r = object_is_true(v);
      if (r < 0) goto error;
    }
    decref(v);
    TOP() = newref(r ? False : True);
    DISPATCH();
  }

  TARGET(UNARY_INVERT) {
    Object* v = TOP();
    SAVE_FRAME();
    Object* res = number_invert(v);
    if (!res) goto error;
    decref(v);
    TOP() = res;
    DISPATCH();
  }

  TARGET(COMPARE_OP) {
    Object* b = TOP();
    Object* a = SECOND();
    Object* res;
    bool fast = true, r = false;
    if (small_ints(a, b)) {
      r = compare_i64(int(oparg), int_small_value(a), int_small_value(b));
    } else if (type_of(a) == &FloatType && type_of(b) == &FloatType) {
      r = compare_double(int(oparg), float_value(a), float_value(b));
    } else if ((oparg == CMP_EQ || oparg == CMP_NE) && type_of(a) == &StrType &&
               type_of(b) == &StrType) {
      r = str_equal(a, b) == (oparg == CMP_EQ);
    } else {
      fast = false;
    }
    if (fast) {
      // Fused with a following conditional jump: no bool is pushed.
      uint32_t next = *ip;
      Opcode nop = instr_op(next);
      if (nop == OP_POP_JUMP_IF_FALSE || nop == OP_POP_JUMP_IF_TRUE) {
        sp -= 2;
        decref(a);
        decref(b);
        ip++;
        if (r == (nop == OP_POP_JUMP_IF_TRUE)) ip = code->code + instr_arg(next);
        DISPATCH();
      }
      res = newref(r ? True : False);
    } else {
      SAVE_FRAME();
      res = object_richcompare(a, b, int(oparg));
      if (!res) goto error;
    }
    sp--;
    decref(a);
    decref(b);
    TOP() = res;
    DISPATCH();
  }

  TARGET(IS_OP) {
    Object* b = POP();
    Object* a = TOP();
    bool r = (a == b) != (oparg != 0);
    decref(a);
    decref(b);
    TOP() = newref(r ? True : False);
    DISPATCH();
  }

  TARGET(CONTAINS_OP) {
    Object* container = TOP();
    Object* item = SECOND();
    SAVE_FRAME();
    int r = sequence_contains(container, item);
    if (r < 0) goto error;
    sp--;
    decref(container);
    decref(item);
    TOP() = newref((r != 0) != (oparg != 0) ? True : False);
    DISPATCH();
  }

  TARGET(BINARY_SUBSCR) {
    Object* key = TOP();
    Object* container = SECOND();
    Object* res = nullptr;
    if (type_of(key) == &IntType && int_is_small(key)) {
      int64_t i = int_small_value(key);
      if (type_of(container) == &ListType) {
        ssize n = list_size(container);
        if (i < 0) i += n;
        if (i >= 0 && i < n) res = newref(list_get_borrowed(container, ssize(i)));
      } else if (type_of(container) == &TupleType) {
        ssize n = tuple_size(container);
        if (i < 0) i += n;
        if (i >= 0 && i < n) res = newref(tuple_get_borrowed(container, ssize(i)));
      }
    }
    if (!res) {
      SAVE_FRAME();
      res = object_getitem(container, key);
      if (!res) goto error;
    }
    sp--;
    decref(container);
    decref(key);
    TOP() = res;
    DISPATCH();
  }

  TARGET(STORE_SUBSCR) {
    Object* key = TOP();
    Object* container = SECOND();
    Object* v = PEEK(3);
    SAVE_FRAME();
    int err = object_setitem(container, key, v);
    sp -= 3;
    decref(key);
    decref(container);
    decref(v);
    if (err < 0) goto error;
    DISPATCH();
  }

  TARGET(DELETE_SUBSCR) {
    Object* key = POP();
    Object* container = POP();
    SAVE_FRAME();
    int err = object_delitem(container, key);
    decref(key);
    decref(container);
    if (err < 0) goto error;
    DISPATCH();
  }

  TARGET(BINARY_SLICE) {
    Object* stop = POP();
    Object* start = POP();
    Object* container = TOP();
    Object* slice = slice_new(start, stop, nullptr);
    decref(start);
    decref(stop);
    if (!slice) goto error;
    SAVE_FRAME();
    Object* res = object_getitem(container, slice);
    decref(slice);
    if (!res) goto error;
    decref(container);
    TOP() = res;
    DISPATCH();
  }

  TARGET(STORE_SLICE) {
    Object* stop = POP();
    Object* start = POP();
    Object* container = POP();
    Object* v = POP();
    Object* slice = slice_new(start, stop, nullptr);
    decref(start);
    decref(stop);
    int err = -1;
    if (slice) {
      SAVE_FRAME();
      err = object_setitem(container, slice, v);
      decref(slice);
    }
    decref(container);
    decref(v);
    if (err < 0) goto error;
    DISPATCH();
  }

  TARGET(BUILD_SLICE) {
    Object* step = oparg == 3 ? POP() : nullptr;
    Object* stop = POP();
    Object* start = TOP();
    Object* slice = slice_new(start, stop, step);
    decref(start);
    decref(stop);
    xdecref(step);
    TOP() = slice;
    if (!slice) {
      sp--;
      goto error;
    }
    DISPATCH();
  }

  TARGET(BUILD_TUPLE) {
    Object* t = tuple_new(ssize(oparg));
    if (!t) goto error;
    sp -= oparg;
    for (uint32_t i = 0; i < oparg; i++) tuple_set_steal(t, ssize(i), sp[i]);
    PUSH(t);
    DISPATCH();
  }

  TARGET(BUILD_LIST) {
    Object* l = list_new(ssize(oparg));
    if (!l) goto error;
    sp -= oparg;
    for (uint32_t i = 0; i < oparg; i++) list_set_steal(l, ssize(i), sp[i]);
    PUSH(l);
    DISPATCH();
  }

  TARGET(BUILD_SET) {
    Object* s = set_new(nullptr);
    int err = s ? 0 : -1;
    sp -= oparg;
    for (uint32_t i = 0; i < oparg; i++) {
      if (err == 0) {
        SAVE_FRAME();
        err = set_add(s, sp[i]);
      }
      decref(sp[i]);
    }
    if (err < 0) {
      xdecref(s);
      goto error;
    }
    PUSH(s);
    DISPATCH();
  }

  TARGET(BUILD_MAP) {
    Object* d = dict_new();
    int err = d ? 0 : -1;
    sp -= 2 * oparg;
    for (uint32_t i = 0; i < oparg; i++) {
      if (err == 0) {
        SAVE_FRAME();
        err = dict_setitem(d, sp[2 * i], sp[2 * i + 1]);
      }
      decref(sp[2 * i]);
      decref(sp[2 * i + 1]);
    }
    if (err < 0) {
      xdecref(d);
      goto error;
    }
    PUSH(d);
    DISPATCH();
  }

  TARGET(BUILD_CONST_KEY_MAP) {
    Object* keys = POP();
    Object* d = dict_new();
    int err = d ? 0 : -1;
    sp -= oparg;
    for (uint32_t i = 0; i < oparg; i++) {
      if (err == 0) {
        SAVE_FRAME();
        err = dict_setitem(d, tuple_get_borrowed(keys, ssize(i)), sp[i]);
      }
      decref(sp[i]);
    }
    decref(keys);
    if (err < 0) {
      xdecref(d);
      goto error;
    }
    PUSH(d);
    DISPATCH();
  }

  TARGET(BUILD_STRING) {
    // The writer lives in its own block: a computed-goto DISPATCH() leaving its scope would not
    // run its destructor.
    Object* s = nullptr;
    {
      StrWriter w;
      bool ok = true;
      sp -= oparg;
      for (uint32_t i = 0; i < oparg; i++) {
        if (ok) ok = w.append_str(sp[i]);
        decref(sp[i]);
      }
      if (ok) s = w.finish();
    }
    if (!s) goto error;
    PUSH(s);
    DISPATCH();
  }

  TARGET(LIST_APPEND) {
    Object* v = POP();
    int err = list_append(PEEK(oparg), v);
    decref(v);
    if (err < 0) goto error;
    DISPATCH();
  }

  TARGET(SET_ADD) {
    Object* v = POP();
    SAVE_FRAME();
    int err = set_add(PEEK(oparg), v);
    decref(v);
    if (err < 0) goto error;
    DISPATCH();
  }

  TARGET(MAP_ADD) {
    Object* v = POP();
    Object* k = POP();
    SAVE_FRAME();
    int err = dict_setitem(PEEK(oparg), k, v);
    decref(k);
    decref(v);
    if (err < 0) goto error;
    DISPATCH();
  }

  TARGET(LIST_EXTEND) {
    Object* it = POP();
    SAVE_FRAME();
    int err = list_extend_for_display(PEEK(oparg), it);
    decref(it);
    if (err < 0) goto error;
    DISPATCH();
  }

  TARGET(SET_UPDATE) {
    Object* it = POP();
    SAVE_FRAME();
    int err = set_update(PEEK(oparg), it);
    decref(it);
    if (err < 0) goto error;
    DISPATCH();
  }

  TARGET(DICT_UPDATE) {
    Object* update = POP();
    SAVE_FRAME();
    int err = dict_update_for_display(PEEK(oparg), update);
    decref(update);
    if (err < 0) goto error;
    DISPATCH();
  }

  TARGET(DICT_MERGE) {
    Object* update = POP();
    SAVE_FRAME();
    // Stack: [callable self_or_NULL args_tuple dict ... ] with dict at depth oparg.
    Object* callable = PEEK(oparg + 3);
    int err = dict_merge_for_call(callable, PEEK(oparg), update);
    decref(update);
    if (err < 0) goto error;
    DISPATCH();
  }

  TARGET(FORMAT_VALUE) {
    Object* spec = (oparg & 4) ? POP() : nullptr;
    Object* v = TOP();
    SAVE_FRAME();
    Object* res = format_value(v, int(oparg & 3), spec);
    xdecref(spec);
    if (!res) goto error;
    decref(v);
    TOP() = res;
    DISPATCH();
  }

  TARGET(UNPACK_SEQUENCE) {
    Object* seq = TOP();
    Object* t = nullptr;
    ssize n = -1;
    if (type_of(seq) == &TupleType) {
      n = tuple_size(seq);
      if (n == ssize(oparg)) t = seq;
    } else if (type_of(seq) == &ListType) {
      n = list_size(seq);
      if (n == ssize(oparg)) t = seq;
    }
    if (t) {
      Object** items = type_of(seq) == &TupleType ? tuple_items(seq) : list_items(seq);
      sp--;
      for (ssize i = n - 1; i >= 0; i--) PUSH(newref(items[i]));
      decref(seq);
      DISPATCH();
    }
    SAVE_FRAME();
    Object** top = sp - 1 + oparg;
    if (unpack_iterable(seq, int(oparg), -1, top) < 0) goto error;
    decref(seq);
    sp = top;
    DISPATCH();
  }

  TARGET(UNPACK_EX) {
    int before = int(oparg & 0xFF), after = int(oparg >> 8);
    Object* seq = TOP();
    Object** top = sp - 1 + before + after + 1;
    SAVE_FRAME();
    if (unpack_iterable(seq, before, after, top) < 0) goto error;
    decref(seq);
    sp = top;
    DISPATCH();
  }

  TARGET(GET_ITER) {
    Object* v = TOP();
    SAVE_FRAME();
    Object* it = object_getiter(v);
    if (!it) goto error;
    decref(v);
    TOP() = it;
    DISPATCH();
  }

  TARGET(FOR_ITER) {
    Object* it = TOP();
    unaryfunc next = type_of(it)->iternext;
    SAVE_FRAME();
    Object* v = next ? next(it) : iter_next(it);
    if (v) {
      PUSH(v);
      DISPATCH();
    }
    if (err_occurred()) {
      if (!err_matches(&Exc_StopIteration)) goto error;
      err_clear();
    }
    sp--;
    decref(it);
    ip = code->code + oparg;
    DISPATCH();
  }

  TARGET(JUMP_FORWARD) {
    ip = code->code + oparg;
    DISPATCH();
  }

  TARGET(JUMP_BACKWARD) {
    ip = code->code + oparg;
    if (GILPY_UNLIKELY(ts->eval_breaker.load(std::memory_order_relaxed))) {
      SAVE_FRAME();
      if (handle_eval_breaker(ts) < 0) goto error;
    }
    DISPATCH();
  }

  TARGET(JUMP_BACKWARD_NO_INTERRUPT) {
    ip = code->code + oparg;
    DISPATCH();
  }

  TARGET(POP_JUMP_IF_FALSE) {
    Object* v = POP();
    if (v == False) {
      ip = code->code + oparg;
    } else if (v != True) {
      SAVE_FRAME();
      int r = object_is_true(v);
      decref(v);
      if (r < 0) goto error;
      if (r == 0) ip = code->code + oparg;
    }
    DISPATCH();
  }

  TARGET(POP_JUMP_IF_TRUE) {
    Object* v = POP();
    if (v == True) {
      ip = code->code + oparg;
    } else if (v != False) {
      SAVE_FRAME();
      int r = object_is_true(v);
      decref(v);
      if (r < 0) goto error;
      if (r == 1) ip = code->code + oparg;
    }
    DISPATCH();
  }

  TARGET(POP_JUMP_IF_NONE) {
    Object* v = POP();
    if (v == None) {
      ip = code->code + oparg;
    } else {
      decref(v);
    }
    DISPATCH();
  }

  TARGET(POP_JUMP_IF_NOT_NONE) {
    Object* v = POP();
    if (v != None) {
      decref(v);
      ip = code->code + oparg;
    }
    DISPATCH();
  }

  TARGET(RETURN_VALUE) {
    retval = POP();
    goto return_value;
  }

  TARGET(RETURN_CONST) {
    retval = newref(consts[oparg]);
    goto return_value;
  }

  {
    Object* kwnames;
    ssize nargs;
  TARGET(CALL_KW)
    kwnames = POP();
    nargs = ssize(oparg) - tuple_size(kwnames);
    goto do_call;
  TARGET(CALL)
    kwnames = nullptr;
    nargs = ssize(oparg);
  do_call: {
    ssize nkw = ssize(oparg) - nargs;
    // base: the stack position of the callable (where the result goes).
    Object** base = sp - oparg - 2;
    Object** args = base + 2;
    Object* callable = base[0];
    if (base[1]) {
      args--;
      nargs++;
    } else if (type_of(callable) == &MethodType) {
      // Unpack a bound method in place: [func self args...].
      auto* m = static_cast<MethodObject*>(callable);
      base[1] = newref(m->self);
      base[0] = newref(m->func);
      decref(callable);
      callable = base[0];
      args--;
      nargs++;
    }
    if (type_of(callable) == &FunctionType) {
      auto* func = static_cast<FunctionObject*>(callable);
      auto* co = static_cast<CodeObject*>(func->code);
      if (!(co->flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR))) {
        SAVE_FRAME();
        Frame* nf = frame_push(ts, co, callable, func->globals, func->builtins, nullptr);
        if (!nf) {
          xdecref(kwnames);
          goto error;
        }
        if (!kwnames && nargs == co->argcount && co->kwonlyargcount == 0 &&
            !(co->flags & (CO_VARARGS | CO_VARKEYWORDS))) {
          // Move the arguments into the new frame.
          for (ssize i = 0; i < nargs; i++) nf->localsplus[i] = args[i];
        } else {
          int err = bind_arguments(func, nf->localsplus, args, nargs, kwnames);
          for (ssize i = 0; i < nargs + nkw; i++) decref(args[i]);
          xdecref(kwnames);
          if (err < 0) {
            frame_clear(nf);
            frame_stack_pop(ts, nf);
            // Pop the callable (and the NULL slot).
            for (Object** p = base; p < args; p++) xdecref(*p);
            sp = base;
            goto error;
          }
        }
        for (Object** p = base; p < args; p++) xdecref(*p);
        sp = base;
        frame->sp = sp;
        nf->previous = frame;
        nf->state = FRAME_EXECUTING;
        ts->frame = nf;
        frame = nf;
        LOAD_FRAME();
        if (GILPY_UNLIKELY(++ts->recursion_depth > ts->interp->recursion_limit)) {
          err_format(&Exc_RecursionError, "maximum recursion depth exceeded");
          goto exit_unwind;
        }
        DISPATCH();
      }
    }
    SAVE_FRAME();
    Object* res = call(callable, args, nargs, kwnames);
    for (ssize i = 0; i < nargs + nkw; i++) decref(args[i]);
    xdecref(kwnames);
    for (Object** p = base; p < args; p++) xdecref(*p);
    sp = base;
    if (!res) goto error;
    PUSH(res);
    DISPATCH();
  }
  }

  TARGET(CALL_FUNCTION_EX) {
    Object* kwargs = (oparg & 1) ? POP() : nullptr;
    Object* args = POP();
    Object* self_or_null = POP();
    Object* callable = TOP();
    SAVE_FRAME();
    Object* res = nullptr;
    if (!tuple_check_exact(args)) {
      Object* t = ensure_call_args_tuple(callable, args);
      decref(args);
      args = t;
    }
    if (args) {
      if (kwargs && !dict_check(kwargs)) {
        Object* d = dict_new();
        if (d && dict_merge_for_call(callable, d, kwargs) < 0) clear_ref(&d);
        decref(kwargs);
        kwargs = d;
        if (kwargs) res = call_ex(callable, self_or_null, args, kwargs);
      } else {
        res = call_ex(callable, self_or_null, args, kwargs);
      }
    }
    xdecref(args);
    xdecref(kwargs);
    xdecref(self_or_null);
    decref(callable);
    if (!res) {
      sp--;
      goto error;
    }
    TOP() = res;
    DISPATCH();
  }

  TARGET(CALL_INTRINSIC_1) {
    Object* v = TOP();
    Object* res = nullptr;
    SAVE_FRAME();
    switch (oparg) {
      case INTRINSIC_PRINT: res = call_displayhook(v); break;
      case INTRINSIC_IMPORT_STAR:
        if (!frame->locals) {
          err_format(&Exc_SystemError, "no locals found during 'import *'");
        } else if (import_all_from(frame->locals, v) == 0) {
          res = none_ref();
        }
        break;
      case INTRINSIC_STOPITERATION_ERROR: res = stopiteration_error(code, v); break;
      case INTRINSIC_UNARY_POSITIVE: res = number_positive(v); break;
      case INTRINSIC_LIST_TO_TUPLE: res = list_as_tuple(v); break;
      case INTRINSIC_ASYNC_GEN_WRAP: res = async_gen_value_wrapper_new(v); break;
      default: res = call_intrinsic_1_typing(oparg, v); break;
    }
    if (!res) goto error;
    decref(v);
    TOP() = res;
    DISPATCH();
  }

  TARGET(MAKE_FUNCTION) {
    Object* codeobj = POP();
    Object* func = function_new(codeobj, frame->globals);
    decref(codeobj);
    if (!func) goto error;
    auto* fo = static_cast<FunctionObject*>(func);
    if (oparg & 8) fo->closure = POP();
    if (oparg & 4) fo->annotations = POP();
    if (oparg & 2) fo->kwdefaults = POP();
    if (oparg & 1) fo->defaults = POP();
    PUSH(func);
    DISPATCH();
  }

  TARGET(LOAD_BUILD_CLASS) {
    Object* bc = load_build_class(frame);
    if (!bc) goto error;
    PUSH(bc);
    DISPATCH();
  }

  TARGET(IMPORT_NAME) {
    Object* fromlist = POP();
    Object* level = TOP();
    SAVE_FRAME();
    Object* res = import_name(frame, GETNAME(oparg), fromlist, level);
    decref(fromlist);
    if (!res) goto error;
    decref(level);
    TOP() = res;
    DISPATCH();
  }

  TARGET(IMPORT_FROM) {
    SAVE_FRAME();
    Object* res = import_from(TOP(), GETNAME(oparg));
    if (!res) goto error;
    PUSH(res);
    DISPATCH();
  }

  TARGET(RAISE_VARARGS) {
    Object* cause = nullptr;
    Object* exc = nullptr;
    if (oparg >= 2) cause = POP();
    if (oparg >= 1) exc = POP();
    SAVE_FRAME();
    int r = do_raise(ts, exc, cause);
    xdecref(exc);
    xdecref(cause);
    if (r) goto exception_unwind;
    goto error;
  }

  TARGET(RERAISE) {
    // [values..., exc]: only the exception is popped (as CPython's RERAISE); the unwinding pops
    // the rest. (The lasti among the values only serves CPython's f_lineno while re-raising;
    // the traceback entry for this frame was made where the exception was first raised.)
    Object* exc = POP();
    err_restore(exc);
    SAVE_FRAME();
    goto exception_unwind;
  }

  TARGET(PUSH_EXC_INFO) {
    Object* exc = TOP();
    ThreadState::ExcInfo* ei = ts->exc_info;
    Object* prev = ei->exc_value ? ei->exc_value : newref(None);
    ei->exc_value = newref(exc);
    TOP() = prev;
    PUSH(exc);
    DISPATCH();
  }

  TARGET(POP_EXCEPT) {
    Object* prev = POP();
    ThreadState::ExcInfo* ei = ts->exc_info;
    if (prev == None) {
      decref(prev);
      prev = nullptr;
    }
    setref(&ei->exc_value, prev);
    DISPATCH();
  }

  TARGET(CHECK_EXC_MATCH) {
    Object* type = TOP();
    Object* exc = SECOND();
    SAVE_FRAME();
    if (check_except_type_valid(type) < 0) goto error;
    bool m = exception_matches(exc, type);
    if (err_occurred()) goto error;
    decref(type);
    TOP() = newref(m ? True : False);
    DISPATCH();
  }

  TARGET(LOAD_ASSERTION_ERROR) {
    PUSH(newref(&Exc_AssertionError));
    DISPATCH();
  }

  TARGET(BEFORE_WITH) {
    Object* mgr = TOP();
    Object* exit = nullptr;
    SAVE_FRAME();
    Object* res = with_enter(mgr, &exit);
    if (!res) goto error;
    decref(mgr);
    TOP() = exit;
    PUSH(res);
    DISPATCH();
  }

  TARGET(WITH_EXCEPT_START) {
    Object* exc = TOP();
    Object* exit_func = PEEK(4);
    Object* tb = exception_get_traceback_borrowed(exc);
    Object* argv[3] = {type_of(exc), exc, tb ? tb : None};
    SAVE_FRAME();
    Object* res = call(exit_func, argv, 3, nullptr);
    if (!res) goto error;
    PUSH(res);
    DISPATCH();
  }

  TARGET(YIELD_VALUE) {
    retval = POP();
    SAVE_FRAME();
    frame->state = FRAME_SUSPENDED;
    --ts->recursion_depth;
    ts->frame = frame->previous;
    frame->previous = nullptr;
    --ts->native_depth;
    return retval;
  }

  TARGET(GET_YIELD_FROM_ITER) {
    Object* v = TOP();
    if (coro_check(v) && !(code->flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE))) {
      err_format(&Exc_TypeError, "cannot 'yield from' a coroutine object in a non-coroutine generator");
      goto error;
    }
    if (!gen_check(v) && !coro_check(v)) {
      SAVE_FRAME();
      Object* it = object_getiter(v);
      if (!it) goto error;
      decref(v);
      TOP() = it;
    }
    DISPATCH();
  }

  TARGET(SEND) {
    Object* v = TOP();
    Object* receiver = SECOND();
    Object* res = nullptr;
    SAVE_FRAME();
    int r = iter_send(receiver, v, &res);
    if (r == SEND_ERROR) goto error;
    decref(v);
    TOP() = res;
    if (r == SEND_RETURN) ip = code->code + oparg;
    DISPATCH();
  }

  TARGET(END_SEND) {
    Object* v = POP();
    Object* receiver = TOP();
    decref(receiver);
    TOP() = v;
    DISPATCH();
  }

  TARGET(CLEANUP_THROW) {
    Object* exc = TOP();
    if (object_type_check(exc, &Exc_StopIteration)) {
      Object* value = stop_iteration_value(exc);
      if (!value) goto error;
      Object* sub = PEEK(3);
      Object* last = PEEK(2);
      sp -= 3;
      decref(sub);
      decref(last);
      decref(exc);
      PUSH(none_ref());
      PUSH(value);
      DISPATCH();
    }
    sp--;
    err_restore(exc);
    SAVE_FRAME();
    goto exception_unwind;
  }

  TARGET(SETUP_ANNOTATIONS) {
    Object* locals = frame->locals;
    if (!locals) {
      err_format(&Exc_SystemError, "no locals found when setting up annotations");
      goto error;
    }
    Object* key = str_intern_cstr_borrowed("__annotations__");
    SAVE_FRAME();
    if (dict_check_exact(locals)) {
      Object* a = dict_get_borrowed(locals, key);
      if (!a) {
        if (err_occurred()) goto error;
        Object* d = dict_new();
        if (!d) goto error;
        int err = dict_setitem(locals, key, d);
        decref(d);
        if (err < 0) goto error;
      }
    } else {
      Object* a = object_getitem(locals, key);
      if (a) {
        decref(a);
      } else {
        if (!err_matches(&Exc_KeyError)) goto error;
        err_clear();
        Object* d = dict_new();
        if (!d) goto error;
        int err = object_setitem(locals, key, d);
        decref(d);
        if (err < 0) goto error;
      }
    }
    DISPATCH();
  }

  TARGET(GET_LEN) {
    SAVE_FRAME();
    ssize n = object_length(TOP());
    if (n < 0) goto error;
    Object* v = int_from_ssize(n);
    if (!v) goto error;
    PUSH(v);
    DISPATCH();
  }

  TARGET(MATCH_SEQUENCE) {
    Object* res = newref(match_is_sequence(TOP()) ? True : False);
    PUSH(res);
    DISPATCH();
  }

  TARGET(MATCH_MAPPING) {
    Object* res = newref(match_is_mapping(TOP()) ? True : False);
    PUSH(res);
    DISPATCH();
  }

  TARGET(MATCH_KEYS) {
    SAVE_FRAME();
    Object* values = match_keys(SECOND(), TOP());
    if (!values) goto error;
    PUSH(values);
    DISPATCH();
  }

  TARGET(MATCH_CLASS) {
    Object* names = POP();
    Object* type = POP();
    Object* subject = TOP();
    SAVE_FRAME();
    Object* attrs = match_class(subject, type, ssize(oparg), names);
    decref(names);
    decref(type);
    if (!attrs) goto error;
    decref(subject);
    TOP() = attrs;
    DISPATCH();
  }

  TARGET(CHECK_EG_MATCH) {
    Object* type = TOP();
    Object* exc = SECOND();
    Object *match, *rest;
    SAVE_FRAME();
    if (exception_group_match(frame, exc, type, &match, &rest) < 0) goto error;
    decref(type);
    decref(exc);
    SECOND() = rest;
    TOP() = match;
    if (match != None) setref(&ts->exc_info->exc_value, newref(match));
    DISPATCH();
  }

  TARGET(CALL_INTRINSIC_2) {
    Object* v2 = TOP();
    Object* v1 = SECOND();
    Object* res = nullptr;
    SAVE_FRAME();
    switch (oparg) {
      case INTRINSIC_PREP_RERAISE_STAR: res = prep_reraise_star(v1, v2); break;
      default: res = call_intrinsic_2_typing(oparg, v1, v2); break;
    }
    if (!res) goto error;
    sp--;
    decref(v1);
    decref(v2);
    TOP() = res;
    DISPATCH();
  }

  TARGET(GET_AWAITABLE) {
    Object* obj = TOP();
    SAVE_FRAME();
    Object* iter = get_awaitable(obj, int(oparg));
    if (!iter) goto error;
    decref(obj);
    TOP() = iter;
    DISPATCH();
  }

  TARGET(GET_AITER) {
    Object* obj = TOP();
    SAVE_FRAME();
    Object* iter = get_aiter(obj);
    if (!iter) goto error;
    decref(obj);
    TOP() = iter;
    DISPATCH();
  }

  TARGET(GET_ANEXT) {
    SAVE_FRAME();
    Object* awaitable = get_anext(TOP());
    if (!awaitable) goto error;
    PUSH(awaitable);
    DISPATCH();
  }

  TARGET(END_ASYNC_FOR) {
    Object* exc = POP();
    if (exception_matches(exc, &Exc_StopAsyncIteration)) {
      decref(exc);
      Object* aiter = POP();
      decref(aiter);
      DISPATCH();
    }
    err_restore(exc);
    SAVE_FRAME();
    goto exception_unwind;
  }

  TARGET(BEFORE_ASYNC_WITH) {
    Object* mgr = TOP();
    Object* exit = nullptr;
    SAVE_FRAME();
    Object* res = async_with_enter(mgr, &exit);
    if (!res) goto error;
    decref(mgr);
    TOP() = exit;
    PUSH(res);
    DISPATCH();
  }

#if !GILPY_COMPUTED_GOTO
  default:
    err_format(&Exc_SystemError, "unknown opcode %u", word & 0xFF);
    goto error;
  }  // switch
#endif

return_value:
  // `retval` is owned; the value stack of the frame is empty.
  --ts->recursion_depth;
  ts->frame = frame->previous;
  if (frame->is_entry) {
    frame->sp = sp;
    frame->state = FRAME_COMPLETED;
    frame_clear(frame);
    if (frame->owner == FRAME_OWNED_BY_THREAD) frame_stack_pop(ts, frame);
    --ts->native_depth;
    return retval;
  }
  {
    Frame* caller = frame->previous;
    frame->sp = sp;
    frame->state = FRAME_COMPLETED;
    frame_clear(frame);
    frame_stack_pop(ts, frame);
    frame = caller;
    LOAD_FRAME();
    PUSH(retval);
    DISPATCH();
  }

error:
  // An exception is set. Record this frame in its traceback, chain it to the exception being
  // handled, then unwind.
  SAVE_FRAME();
  if (Object* exc = ts->current_exception) {
    chain_exception_context(ts, exc, true);
    traceback_here(frame);
  } else {
    err_format(&Exc_SystemError, "error return without exception set");
  }

exception_unwind: {
  int lasti = int(ip - code->code) - 1;
  const ExceptionEntry* h = find_handler(code, lasti);
  if (h) {
    Object** target = frame->stack_base() + h->depth;
    while (sp > target) {
      Object* v = POP();
      xdecref(v);
    }
    if (h->push_lasti) {
      Object* li = int_from_i64(lasti);
      if (!li) goto exit_unwind;
      PUSH(li);
    }
    Object* exc = err_fetch();
    PUSH(exc);
    ip = code->code + h->target;
    DISPATCH();
  }
}

exit_unwind:
  // No handler in this frame: pop it and continue unwinding in the caller.
  {
    Object** base = frame->stack_base();
    while (sp > base) {
      Object* v = POP();
      xdecref(v);
    }
    frame->sp = sp;
    --ts->recursion_depth;
    ts->frame = frame->previous;
    frame->state = FRAME_COMPLETED;
    if (frame->is_entry) {
      frame_clear(frame);
      if (frame->owner == FRAME_OWNED_BY_THREAD) frame_stack_pop(ts, frame);
      --ts->native_depth;
      return nullptr;
    }
    Frame* caller = frame->previous;
    frame_clear(frame);
    frame_stack_pop(ts, frame);
    frame = caller;
    LOAD_FRAME();
    goto error;
  }

#undef LOAD_FRAME
#undef SAVE_FRAME
#undef PUSH
#undef POP
#undef TOP
#undef SECOND
#undef PEEK
#undef GETNAME
#undef TARGET
#undef DISPATCH
}

}  // namespace gilpy

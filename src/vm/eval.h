// The eval loop's internal interface (vm/eval.cpp, vm/call.cpp), for the rest of the runtime:
// builtins (globals(), locals(), exec), generators, sys._getframe.
#pragma once

#include "core/type.h"
#include "vm/frame.h"

namespace gilpy {

struct FunctionObject;

// Run `frame` (already initialised and holding its arguments) until it returns, yields or raises.
// The frame becomes the thread's current frame (linked to the previous one) for the duration.
// On return or exception the frame's references are cleared and, when it lives on the thread's
// frame stack, its space is popped; a generator frame that yields is left suspended (its `sp` and
// `ip` saved). `throwflag`: resume by raising the thread's current exception at the frame's
// current instruction (generator.throw()).
Object* eval_frame(ThreadState* ts, Frame* frame, bool throwflag);

// Bind call arguments to the parameters of `func` in `localsplus` (the new frame's slots, all
// null): positional, *args, keywords, **kwargs, defaults and keyword-only defaults, raising
// CPython's TypeErrors. `args` are borrowed (the slots get new references). 0 / -1.
int bind_arguments(FunctionObject* func, Object** localsplus, Object* const* args, ssize nargs,
                   Object* kwnames);

// Run the body of `func` (no arguments) with `locals` as its locals mapping: class bodies
// (builtins.__build_class__). New reference.
Object* function_call_with_locals(Object* func, Object* locals);

// The innermost Python frame's globals / builtins (borrowed; null when no frame runs), and its
// locals (new reference: the mapping, or a snapshot dict for a function frame).
Object* eval_get_globals_borrowed();
Object* eval_get_builtins_borrowed();
Object* eval_get_locals();
Frame* eval_current_frame();

// Slow path of the eval breaker (pending signals; the GIL drop request in issue 4). Called by the
// eval loop when ThreadState::eval_breaker is non-zero at a backward jump or a call. 0 / -1.
int handle_eval_breaker(ThreadState* ts);

// The bits of ThreadState::eval_breaker are vm/gil.h's BREAKER_*. Hook run by
// handle_eval_breaker when BREAKER_SIGNALS_PENDING is set (installed by the signal module; null:
// just clear the bit). Returns 0 / -1.
extern int (*eval_signal_hook)(ThreadState* ts);

}  // namespace gilpy

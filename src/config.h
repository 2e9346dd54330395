// gilpy build configuration: every compile-time knob lives here, each with the reason it exists.
// A knob is a macro that can be overridden from the compiler command line (-DGILPY_X=0).
#pragma once

// Computed-goto dispatch in the eval loop ("labels as values", a GNU extension supported by g++ and
// clang). It gives each opcode its own indirect branch, which branch predictors handle far better than
// the single indirect jump of a switch. Set to 0 to build the portable switch fallback.
#ifndef GILPY_COMPUTED_GOTO
#define GILPY_COMPUTED_GOTO 1
#endif

// Small integers in [GILPY_SMALL_INT_MIN, GILPY_SMALL_INT_MAX] are preallocated immortal objects, as in
// CPython (so `a is b` holds for them and arithmetic producing them allocates nothing).
#define GILPY_SMALL_INT_MIN (-5)
#define GILPY_SMALL_INT_MAX 1024

// Default recursion limit (sys.getrecursionlimit()), as in CPython.
#define GILPY_DEFAULT_RECURSION_LIMIT 1000

// The C++ stack has to survive Python recursion up to the limit *and* deep recursion in native code
// (repr of nested lists, the compiler on deeply nested expressions). Native recursion is bounded
// separately by this depth, raising RecursionError instead of overflowing the C++ stack.
#define GILPY_MAX_NATIVE_DEPTH 4000

// Size, in slots (Object*), of the per-thread contiguous stack on which frames are allocated.
// Frames that don't fit go to a heap-allocated overflow chunk, so this is a speed knob, not a limit.
#define GILPY_FRAME_STACK_SLOTS (1 << 18)

// Debug aids (all off in Release):
//  GILPY_DEBUG_REFS   - count live objects; report objects still alive at exit.
//  GILPY_TRACE_EXEC   - print every executed instruction to stderr.
#ifndef GILPY_DEBUG_REFS
#define GILPY_DEBUG_REFS 0
#endif
#ifndef GILPY_TRACE_EXEC
#define GILPY_TRACE_EXEC 0
#endif

#define GILPY_VERSION_STRING "3.12.1"
#define GILPY_IMPL_VERSION "gilpy 0.1.0"
#define GILPY_LIKELY(x) __builtin_expect(!!(x), 1)
#define GILPY_UNLIKELY(x) __builtin_expect(!!(x), 0)

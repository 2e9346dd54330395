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

// Object memory. Python programs allocate and free small objects at a furious rate (tuples, ints,
// frames' temporaries), so object memory comes from mimalloc when the build found it (CMake defines
// GILPY_HAVE_MIMALLOC; Debian's libmimalloc-dev): size classes 8 bytes apart with no per-block
// header cut the peak RSS of allocation-heavy programs by 10-20% against glibc malloc (whose chunks
// carry 8 bytes of header and round to 16), and its thread-local free lists are faster. Debian's
// shared libmimalloc also replaces malloc/free process-wide once linked, so C++ containers and
// native modules use it too (core/object.cpp sets its options). Without it everything uses malloc. Sanitizer builds always use malloc, so that ASan sees (and
// poisons) every object allocation and free.
#if defined(GILPY_HAVE_MIMALLOC) && !defined(GILPY_SANITIZER)
#define GILPY_MIMALLOC 1
#else
#define GILPY_MIMALLOC 0
#endif

// Per-type free lists (tuple by size, list, dict and keys blocks, int, float): a deallocated object
// is kept for reuse instead of being freed. They are plain globals protected by the GIL: only code
// holding the GIL allocates or deallocates objects, and native code running with the GIL released
// must not touch them (nor allocate objects). Off under sanitizers and GILPY_DEBUG_REFS, so that
// ASan sees every use after free and the live-object count stays exact.
#ifndef GILPY_CONTAINER_FREELISTS
#if defined(GILPY_SANITIZER) || GILPY_DEBUG_REFS
#define GILPY_CONTAINER_FREELISTS 0
#else
#define GILPY_CONTAINER_FREELISTS 1
#endif
#endif

#define GILPY_VERSION_STRING "3.12.1"
#define GILPY_IMPL_VERSION "gilpy 0.1.0"
#define GILPY_LIKELY(x) __builtin_expect(!!(x), 1)
#define GILPY_UNLIKELY(x) __builtin_expect(!!(x), 0)

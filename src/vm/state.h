// The interpreter state and the per-thread state.
//
// One Interpreter per process (its modules, builtins, interned strings, configuration); one
// ThreadState per OS thread that runs Python code. Nothing about "the current frame" or "the
// current exception" is global: it lives in the ThreadState of the thread that owns it, reached
// through the thread-local `current_tstate`. (Issue 4 adds the GIL: only the thread holding it may
// touch objects or the interpreter state; the thread state's fields are touched only by its own
// thread, except `eval_breaker`, which other threads set atomically.)
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "core/type.h"

namespace gilpy {

struct Frame;  // vm/frame.h
struct Interpreter;

struct ThreadState {
  Interpreter* interp = nullptr;
  ThreadState* next = nullptr;  // in the interpreter's list of threads

  Frame* frame = nullptr;          // innermost executing Python frame (null when none)
  Object* current_exception = nullptr;  // the exception being raised (owned), see core/error.h
  // The exceptions being handled (sys.exception()), a stack mirroring nested except blocks and
  // suspended generators (as CPython's exc_info chain). exc_info->exc_value may be null.
  struct ExcInfo {
    Object* exc_value = nullptr;  // owned
    ExcInfo* previous = nullptr;
  };
  ExcInfo base_exc_info;
  ExcInfo* exc_info = &base_exc_info;

  int recursion_depth = 0;   // Python-level calls
  int native_depth = 0;      // C++ recursion guard (repr of nested containers, compiler, ...)

  // Set asynchronously (other threads, signal handlers) to make the eval loop leave its fast path
  // at the next backward jump or call: GIL drop request, pending signals, async exceptions.
  std::atomic<uint32_t> eval_breaker{0};

  // Per-thread stack on which frames are allocated (vm/frame.cpp owns its management).
  Object** stack_base = nullptr;
  Object** stack_top = nullptr;
  Object** stack_limit = nullptr;
  void* stack_chunk = nullptr;  // the current chunk (vm/frame.cpp's StackChunk), null until first use

  uint64_t thread_id = 0;
  void* gil_stats = nullptr;  // issue 4
};

// The command-line flags Python code sees as sys.flags (set by src/cli from -B -E -s -S -I -q -v
// -b -O -i and the environment).
struct SysFlags {
  int debug = 0, inspect = 0, interactive = 0, optimize = 0, dont_write_bytecode = 0,
      no_user_site = 0, no_site = 0, ignore_environment = 0, verbose = 0, bytes_warning = 0,
      quiet = 0, isolated = 0, safe_path = 0, unbuffered = 0;
};

struct Interpreter {
  Object* modules = nullptr;    // dict: sys.modules
  Object* builtins = nullptr;   // dict: the builtins module's namespace
  Object* sysdict = nullptr;    // dict: the sys module's namespace
  Object* interned = nullptr;   // dict used as a set for interned strings
  ThreadState* threads = nullptr;
  int recursion_limit = GILPY_DEFAULT_RECURSION_LIMIT;

  // Configuration from the command line (src/cli): argv, -X options, flags.
  std::vector<std::string> argv;
  std::vector<std::string> xoptions;
  SysFlags flags;
  bool interactive = false;
  int optimize = 0;
  bool inspect = false;
};

extern thread_local ThreadState* current_tstate;
inline ThreadState* tstate() { return current_tstate; }
Interpreter* main_interpreter();

// Creation (vm/state.cpp). interpreter_create() makes the main interpreter the first time;
// thread_state_create() links a new thread state into interp->threads (it does not make it
// current: set current_tstate). thread_state_delete() frees its frame stack chunks.
Interpreter* interpreter_create();
ThreadState* thread_state_create(Interpreter* interp);
void thread_state_delete(ThreadState* ts);

// The exception being handled (sys.exception(), bare `raise`): the topmost non-None entry of the
// exc_info stack. BORROWED; nullptr when none.
Object* handled_exception_borrowed(ThreadState* ts);

// Guard for native recursion (repr of nested lists, deep expressions in the compiler): raises
// RecursionError "maximum recursion depth exceeded while getting the repr of an object" etc.
// Returns false (exception set) when the depth limit is reached.
bool enter_native_recursion(const char* where);
inline void leave_native_recursion() { --current_tstate->native_depth; }

}  // namespace gilpy

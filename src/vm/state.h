// The interpreter state and the per-thread state.
//
// One Interpreter per process (its modules, builtins, interned strings, configuration); one
// ThreadState per OS thread that runs Python code. Nothing about "the current frame" or "the
// current exception" is global: it lives in the ThreadState of the thread that owns it, reached
// through the thread-local `current_tstate`.
//
// Threads (issue 4): every OS thread that runs Python code has its own ThreadState, created by the
// thread that starts it (while holding the GIL, as CPython does) and linked into
// interp->threads; the list is read and changed only by a thread holding the GIL. Only the thread
// holding the GIL (vm/gil.h) may touch objects or the interpreter state. A thread state's fields
// are touched only by its own thread, except `eval_breaker`, which other threads and signal
// handlers set atomically, and `instructions`, which GIL holders read for the statistics.
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

  uint64_t thread_id = 0;       // 1, 2, 3, ... in creation order (the main thread is 1)
  unsigned long ident = 0;      // pthread_self() of the OS thread (_thread.get_ident())
  unsigned long native_id = 0;  // the kernel's thread id (_thread.get_native_id())
  void* gil_stats = nullptr;    // GilThreadStats* (vm/gil.h), registered when the thread starts
  // Instruction counting, used only when the counting dispatch is on (vm/gil.h): instructions
  // executed, and instructions left before Gil::ticks_exhausted().
  uint64_t instructions = 0;
  int64_t ticks_left = int64_t(1) << 62;
  // threading.Thread bookkeeping of the _thread module (owned references, may be null):
  // the lock released when the thread state is deleted (_thread._set_sentinel).
  Object* on_delete_lock = nullptr;
  // The thread's dict (CPython's PyThreadState_GetDict), made on first use, cleared with the
  // state: per-thread values of native modules (the decimal module's current context).
  Object* dict = nullptr;
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
  std::vector<std::string> warnoptions;  // sys.warnoptions (PYTHONWARNINGS, then -W options)
  SysFlags flags;
  bool interactive = false;
  int optimize = 0;
  bool inspect = false;
};

extern thread_local ThreadState* current_tstate;
inline ThreadState* tstate() { return current_tstate; }
Interpreter* main_interpreter();
// sys.NAME as Python code would see it (so `sys.stdout = f` redirects), BORROWED; nullptr when
// missing or before the sys module exists. Implemented in modules/sys.cpp.
Object* sys_get_borrowed(const char* name);

// Creation (vm/state.cpp). interpreter_create() makes the main interpreter the first time;
// thread_state_create() links a new thread state into interp->threads (it does not make it
// current: set current_tstate). thread_state_delete() frees its frame stack chunks.
Interpreter* interpreter_create();
ThreadState* thread_state_create(Interpreter* interp);
void thread_state_delete(ThreadState* ts);
// The first half of thread_state_delete: unlink from the interpreter and drop every reference the
// state owns (needs the GIL). thread_state_delete() = thread_state_clear() + freeing the memory.
void thread_state_clear(ThreadState* ts);
// After fork(), in the child (holding the GIL): unlink every thread state but `keep` from the
// interpreter. Their threads do not exist in this process; nothing of theirs runs. Only the
// _set_sentinel lock is released (as thread_state_clear does, so join() of such a thread cannot
// hang); their frames, exception stacks and the states themselves are left allocated, because
// objects may still point into them (frame objects of their frames, generators that were running
// in them), and nothing will ever free them.
void thread_states_forget_except(ThreadState* keep);
// The main thread's state (the one runtime_initialize created), or null.
ThreadState* main_thread_state();
void set_main_thread_state(ThreadState* ts);

// The exception being handled (sys.exception(), bare `raise`): the topmost non-None entry of the
// exc_info stack. BORROWED; nullptr when none.
Object* handled_exception_borrowed(ThreadState* ts);

// Guard for native recursion (repr of nested lists, deep expressions in the compiler): raises
// RecursionError "maximum recursion depth exceeded while getting the repr of an object" etc.
// Returns false (exception set) when the depth limit is reached.
bool enter_native_recursion(const char* where);
inline void leave_native_recursion() { --current_tstate->native_depth; }

}  // namespace gilpy

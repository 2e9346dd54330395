// Interpreter and thread state creation, the thread-local current thread state, and the native
// recursion guard (vm/state.h).
//
// Ownership: the main Interpreter is a process-lifetime singleton (never freed: modules may hold
// references to it until exit). Each ThreadState owns the chunks of its frame stack
// (vm/frame.cpp) and the references in its exception fields. Objects referenced from the
// Interpreter (modules, builtins, sysdict, interned) are owned by it.
#include "vm/state.h"

#include <cstring>

#include "core/error.h"
#include "objects/singletons.h"
#include "vm/frame.h"

namespace gilpy {

thread_local ThreadState* current_tstate = nullptr;

namespace {
Interpreter* g_main_interpreter = nullptr;
uint64_t g_next_thread_id = 1;  // changed only by a thread holding the GIL (or before threads)
ThreadState* g_main_tstate = nullptr;
}  // namespace

Interpreter* main_interpreter() { return g_main_interpreter; }
ThreadState* main_thread_state() { return g_main_tstate; }
void set_main_thread_state(ThreadState* ts) { g_main_tstate = ts; }

Interpreter* interpreter_create() {
  if (!g_main_interpreter) g_main_interpreter = new Interpreter();
  return g_main_interpreter;
}

ThreadState* thread_state_create(Interpreter* interp) {
  auto* ts = new ThreadState();
  ts->interp = interp;
  ts->thread_id = g_next_thread_id++;
  ts->next = interp->threads;
  interp->threads = ts;
  return ts;
}

void thread_state_delete(ThreadState* ts) {
  thread_state_clear(ts);
  if (current_tstate == ts) current_tstate = nullptr;
  delete ts;
}

void thread_state_clear(ThreadState* ts) {
  Interpreter* interp = ts->interp;
  if (interp) {
    for (ThreadState** p = &interp->threads; *p; p = &(*p)->next) {
      if (*p == ts) {
        *p = ts->next;
        break;
      }
    }
  }
  ts->interp = nullptr;
  ts->next = nullptr;
  clear_ref(&ts->current_exception);
  clear_ref(&ts->base_exc_info.exc_value);
  clear_ref(&ts->dict);
  frame_stack_free(ts);
  if (ts->on_delete_lock) {
    // _thread._set_sentinel(): the lock is released when the thread state goes away.
    extern void thread_lock_release_sentinel(Object* lock);  // modules/thread.cpp
    Object* lock = ts->on_delete_lock;
    ts->on_delete_lock = nullptr;
    thread_lock_release_sentinel(lock);
    decref(lock);
  }
}

void thread_states_forget_except(ThreadState* keep) {
  Interpreter* interp = keep->interp;
  ThreadState* ts = interp->threads;
  interp->threads = nullptr;
  while (ts) {
    ThreadState* next = ts->next;
    ts->next = nullptr;
    if (ts == keep) {
      interp->threads = ts;
    } else {
      ts->interp = nullptr;
      ts->gil_stats = nullptr;  // the Gil frees the statistics of the threads that are gone
      if (Object* lock = ts->on_delete_lock) {
        extern void thread_lock_release_sentinel(Object* lock);  // modules/thread.cpp
        ts->on_delete_lock = nullptr;
        thread_lock_release_sentinel(lock);
        decref(lock);
      }
    }
    ts = next;
  }
  if (main_thread_state() != keep) set_main_thread_state(keep);
}

Object* handled_exception_borrowed(ThreadState* ts) {
  for (ThreadState::ExcInfo* ei = ts->exc_info; ei; ei = ei->previous) {
    if (ei->exc_value && ei->exc_value != None) return ei->exc_value;
  }
  return nullptr;
}

bool enter_native_recursion(const char* where) {
  ThreadState* ts = current_tstate;
  if (GILPY_UNLIKELY(++ts->native_depth > GILPY_MAX_NATIVE_DEPTH)) {
    --ts->native_depth;
    const char* sep = (where && *where && *where != ' ') ? " " : "";
    err_format(&Exc_RecursionError, "maximum recursion depth exceeded%s%s", sep,
               where ? where : "");
    return false;
  }
  return true;
}

}  // namespace gilpy

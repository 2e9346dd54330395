// What the runtime does in the child of fork() (CPython's PyOS_AfterFork_Child).
//
// fork() copies the whole address space but only the calling thread. The forking thread held the
// GIL across the call (os.fork never releases it), so no other thread was running Python code or
// touching objects; but other threads may have been anywhere outside the GIL: inside a blocking
// system call, waiting for the GIL (holding or waiting on its mutex / condition variables), or
// waiting on a _thread lock's semaphore. In the child, before any Python code (the after_in_child
// hooks, threading's _after_fork) runs, runtime_after_fork_child():
//  1. rebuilds the GIL's mutexes and condition variables and makes the forking thread its holder
//     (Gil::reinit_after_fork; statistics restart with that thread alone);
//  2. unlinks the other threads' states from the interpreter (thread_states_forget_except), so
//     sys._current_frames(), threading and the finalizer see one thread;
//  3. makes the forking thread the main thread for signals (signal_after_fork: handlers run in it,
//     signals pending in the parent are dropped) and for the runtime (main_thread_state).
// (_thread._count() is not reset: CPython's child still counts the parent's threads.)
// Locks at Python level (threading's internal locks, Thread._tstate_lock, Event/Condition) are
// re-initialised by threading._after_fork, an after_in_child hook, through _at_fork_reinit, as in
// CPython. Per-object native mutexes (a hash object's, a decompressor's) belong to their objects and
// are not reset, as in CPython, with one exception: a buffered file's lock held by a thread of the
// parent (one blocked writing to sys.stdout at the time of the fork, say) is replaced on first use
// in the child (io_file.cpp, through fork_generation()), where CPython's child would deadlock.
// Import locks (vm/import_lock.h): os.fork holds the module-lock table's mutex across fork()
// (runtime_before_fork, as CPython's PyOS_BeforeFork takes the import lock); in the child the
// locks of the threads that are gone are freed and the modules they were executing leave
// sys.modules, so importing them runs them afresh (CPython's child would wait forever for them).
// -X giltrace: the child's trace (it restarts with the GIL statistics) goes to FILE.<child pid>
// when the child exits normally, so the parent's FILE is not overwritten (Gil::trace_path).
// gilpy has no allocator or GC lock, so nothing else can be held by a thread that is gone.
#include <sys/syscall.h>
#include <unistd.h>

#include "vm/gil.h"
#include "vm/import_lock.h"
#include "vm/state.h"

namespace gilpy {

namespace {
uint64_t g_fork_generation = 0;  // written in the child before any other thread exists
}  // namespace

uint64_t fork_generation() { return g_fork_generation; }

void runtime_before_fork() { import_locks_before_fork(); }

void runtime_after_fork_parent() { import_locks_after_fork_parent(); }

void runtime_after_fork_child(ThreadState* ts) {
  ++g_fork_generation;
  if (Gil* gil = runtime_gil()) gil->reinit_after_fork(ts);
  ts->native_id = (unsigned long)::syscall(SYS_gettid);
  thread_states_forget_except(ts);
  signal_after_fork(ts);
  import_locks_after_fork_child(ts);
}

}  // namespace gilpy

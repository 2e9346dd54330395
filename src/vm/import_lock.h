// Per-module import locks (vm/import_lock.cpp): importlib._bootstrap's _ModuleLock, _get_module_lock
// and _lock_unlock_module, so that a thread importing a module that another thread is executing
// waits until that thread has finished it, while circular imports across threads do not deadlock.
#pragma once

#include <string>

#include "core/object.h"

namespace gilpy {

struct ThreadState;
struct ModuleLock;

enum class ModuleLockResult {
  Acquired,  // the calling thread owns the lock (reentrant: once more if it owned it already)
  Deadlock,  // waiting would close a cycle of threads waiting for each other: not acquired
  Error,     // a signal handler raised while waiting (exception set): not acquired
};

// Acquire the lock of module `name` (created on demand), waiting with the GIL released while
// another thread owns it. Call it holding the GIL. `*lock` is set in every case; after Acquired
// it stays valid until module_lock_release(*lock), after Deadlock it is only an identity.
ModuleLockResult module_lock_acquire(const std::string& name, ModuleLock** lock);
void module_lock_release(ModuleLock* lock);
// importlib's _DeadlockError("deadlock detected by _ModuleLock('name') at ID"), ID being the
// lock's address (never dereferenced); returns null.
Object* module_lock_deadlock_error(const std::string& name, const ModuleLock* lock);

// _lock_unlock_module: wait until no other thread is initialising module `name`. A deadlock means
// a concurrent circular import, and the caller accepts the partially initialised module (0).
// 0, or -1 with a signal handler's exception set.
int module_lock_wait_until_initialized(const std::string& name);

// fork (vm/fork.cpp): the table's mutex is held across fork() so the child's copy is consistent.
void import_locks_before_fork();
void import_locks_after_fork_parent();
// In the child, holding the GIL: new mutex and condition variable; locks owned by the threads that
// did not survive the fork are freed, and the modules they were executing leave sys.modules (to
// the child, those imports failed: importing them again runs them afresh). The forking thread's
// own locks stay held.
void import_locks_after_fork_child(ThreadState* ts);

}  // namespace gilpy

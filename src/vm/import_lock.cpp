// Per-module import locks (see vm/import_lock.h), importlib._bootstrap's design in C++.
//
// Why: a module is in sys.modules while its body runs (circular imports need that), and its body
// may release the GIL (I/O, time.sleep, the 5 ms switch). Without a lock, a second thread importing
// the same module would take the half-executed module from sys.modules. vm/import.cpp holds a
// module's lock from before it looks the module up until the module is loaded, and a thread that
// finds a module whose __spec__._initializing is true waits for the lock (CPython's
// import_ensure_initialized / _lock_unlock_module) before using it.
//
// State and who protects it:
//  - The table (name -> ModuleLock, and thread -> the lock it is blocked on) and every ModuleLock's
//    fields are guarded by `Table::mutex`. It is held for a few instructions at a time, never while
//    running Python code, and never while taking the GIL: a thread that must wait releases the GIL
//    first (AllowThreads), then locks the mutex. So the order is GIL -> mutex, never the reverse.
//  - A ModuleLock lives in the table while it is owned (count > 0) or while threads are inside
//    module_lock_acquire for it (`users`); the last release erases it (importlib keeps its locks in a
//    WeakValueDictionary to the same effect).
//  - One condition variable, notified whenever a lock becomes free; waiters re-check their lock.
//    Module locks change hands once per module import, so waking every waiter is cheap.
//  - Deadlock detection (importlib's _has_deadlocked): before and while waiting, follow the chain
//    owner -> the lock that owner is blocked on -> its owner ...; reaching the calling thread means
//    waiting would never end, so acquire answers Deadlock instead. A thread blocks on at most one
//    lock at a time (it waits in C++, running no Python code), so the chain is a simple path.
//  - The main thread waits in slices of 20 ms so that a signal (Ctrl-C) interrupts the wait: the
//    Python handlers run with the GIL, and an exception they raise ends the import, as a
//    KeyboardInterrupt interrupts CPython's _ModuleLock.acquire.
//  - fork: os.fork holds the mutex across fork() (import_locks_before_fork, as CPython's
//    PyOS_BeforeFork takes the import lock), so the table is consistent in the child, where the
//    forking thread unlocks it and a new condition variable replaces the old one (threads that do
//    not exist there may have been waiting on it; it is abandoned, never destroyed).
#include "vm/import_lock.h"

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <memory>
#include <mutex>
#include <new>
#include <unordered_map>
#include <vector>

#include "core/abstract.h"
#include "core/error.h"
#include "core/type.h"
#include "objects/containers.h"
#include "objects/exceptions.h"
#include "objects/strobject.h"
#include "vm/gil.h"
#include "vm/import.h"
#include "vm/state.h"

namespace gilpy {

struct ModuleLock {
  std::string name;
  ThreadState* owner = nullptr;  // valid while count > 0
  int count = 0;                 // acquisitions by `owner` not yet released
  int users = 0;                 // threads inside module_lock_acquire for this lock
};

namespace {

struct Table {
  std::mutex mutex;
  std::condition_variable released;  // notified when a lock becomes free
  std::unordered_map<std::string, std::unique_ptr<ModuleLock>> locks;
  std::unordered_map<ThreadState*, ModuleLock*> blocking_on;
};

// Never destroyed: daemon threads may still wait in it while the process exits.
Table& table() {
  static Table* t = new Table;
  return *t;
}

bool try_take(ModuleLock* lock, ThreadState* me) {
  if (lock->count > 0 && lock->owner != me) return false;
  lock->owner = me;
  lock->count++;
  return true;
}

bool has_deadlock(Table& t, ModuleLock* lock, ThreadState* me) {
  ThreadState* th = lock->count > 0 ? lock->owner : nullptr;
  size_t steps = 0;
  while (th) {
    if (th == me) return true;
    // A cycle that does not pass through `me` is not ours to break (its members see it).
    if (++steps > t.blocking_on.size()) return false;
    auto it = t.blocking_on.find(th);
    if (it == t.blocking_on.end()) return false;
    th = it->second->count > 0 ? it->second->owner : nullptr;
  }
  return false;
}

void erase_if_unused(Table& t, ModuleLock* lock) {
  if (lock->count == 0 && lock->users == 0) t.locks.erase(lock->name);
}

bool signal_pending(ThreadState* me) {
  return is_main_thread(me) &&
         (me->eval_breaker.load(std::memory_order_relaxed) & BREAKER_SIGNALS_PENDING);
}

Object* g_deadlock_error = nullptr;  // _frozen_importlib._DeadlockError (a RuntimeError)

}  // namespace

ModuleLockResult module_lock_acquire(const std::string& name, ModuleLock** out) {
  Table& t = table();
  ThreadState* me = tstate();
  std::unique_lock<std::mutex> g(t.mutex);
  auto& slot = t.locks[name];
  if (!slot) {
    slot = std::make_unique<ModuleLock>();
    slot->name = name;
  }
  ModuleLock* lock = slot.get();
  *out = lock;
  if (try_take(lock, me)) return ModuleLockResult::Acquired;
  if (has_deadlock(t, lock, me)) return ModuleLockResult::Deadlock;  // owned: stays in the table
  lock->users++;
  for (;;) {
    ModuleLockResult result = ModuleLockResult::Acquired;
    bool interrupted = false;
    t.blocking_on[me] = lock;
    g.unlock();
    {
      AllowThreads allow;  // the GIL first, then the mutex (see the design notes)
      g.lock();
      for (;;) {
        if (try_take(lock, me)) break;
        if (has_deadlock(t, lock, me)) {
          result = ModuleLockResult::Deadlock;
          break;
        }
        if (signal_pending(me)) {
          interrupted = true;
          break;
        }
        if (is_main_thread(me)) {
          t.released.wait_for(g, std::chrono::milliseconds(20));
        } else {
          t.released.wait(g);
        }
      }
      t.blocking_on.erase(me);
      g.unlock();
    }
    if (interrupted) {
      // Run the signal handlers with the GIL; the lock stays pinned (users) meanwhile.
      me->eval_breaker.fetch_and(~BREAKER_SIGNALS_PENDING, std::memory_order_relaxed);
      if (check_signals() < 0) result = ModuleLockResult::Error;
    }
    g.lock();
    if (!interrupted || result == ModuleLockResult::Error) {
      lock->users--;
      erase_if_unused(t, lock);  // only after Error: otherwise the lock is owned
      return result;
    }
    if (try_take(lock, me)) {
      lock->users--;
      return ModuleLockResult::Acquired;
    }
  }
}

void module_lock_release(ModuleLock* lock) {
  Table& t = table();
  std::lock_guard<std::mutex> g(t.mutex);
  if (--lock->count > 0) return;
  lock->owner = nullptr;
  if (lock->users > 0) {
    t.released.notify_all();
  } else {
    t.locks.erase(lock->name);
  }
}

Object* module_lock_deadlock_error(const std::string& module, const ModuleLock* lock) {
  if (!g_deadlock_error) {
    Ref name = Ref::steal(str_from_cstr("_DeadlockError"));
    Ref bases = Ref::steal(tuple_pack(1, as_object(&Exc_RuntimeError)));
    Ref dict = Ref::steal(dict_new());
    Ref modname = Ref::steal(str_from_cstr("_frozen_importlib"));
    if (!name || !bases || !dict || !modname ||
        dict_setitem_str(dict.get(), "__module__", modname.get()) < 0)
      return nullptr;
    g_deadlock_error = type_new_heap(&TypeType, name.get(), bases.get(), dict.get(), nullptr);
    if (!g_deadlock_error) return nullptr;
  }
  // importlib's message: the lock's repr, "_ModuleLock('name') at <id>".
  Ref n = Ref::steal(str_from_utf8(module));
  std::string r;
  if (!n || !repr_utf8(n.get(), r)) return nullptr;
  char id[32];
  std::snprintf(id, sizeof id, "%llu", (unsigned long long)reinterpret_cast<uintptr_t>(lock));
  return err_format(reinterpret_cast<TypeObject*>(g_deadlock_error),
                    "deadlock detected by _ModuleLock(%s) at %s", r.c_str(), id);
}

int module_lock_wait_until_initialized(const std::string& name) {
  ModuleLock* lock = nullptr;
  switch (module_lock_acquire(name, &lock)) {
    case ModuleLockResult::Acquired:
      module_lock_release(lock);
      return 0;
    case ModuleLockResult::Deadlock:
      return 0;  // a concurrent circular import: the caller takes the partial module
    case ModuleLockResult::Error:
      break;
  }
  return -1;
}

void import_locks_before_fork() { table().mutex.lock(); }

void import_locks_after_fork_parent() { table().mutex.unlock(); }

void import_locks_after_fork_child(ThreadState* ts) {
  Table& t = table();
  // The forking thread locked the mutex before fork() (no other thread can hold it): it unlocks it.
  // Threads that vanished may have been waiting on the condition variable: a new one replaces it.
  t.mutex.unlock();
  new (&t.released) std::condition_variable();
  t.blocking_on.clear();
  std::vector<std::string> abandoned;
  for (auto it = t.locks.begin(); it != t.locks.end();) {
    ModuleLock* lock = it->second.get();
    lock->users = 0;  // the forking thread is running os.fork, not waiting for a lock
    if (lock->count > 0 && lock->owner != ts) {
      abandoned.push_back(lock->name);
      lock->count = 0;
      lock->owner = nullptr;
    }
    if (lock->count == 0) {
      it = t.locks.erase(it);
    } else {
      ++it;
    }
  }
  // The modules the vanished threads were executing can never finish: drop them from sys.modules
  // (as importlib drops a module whose body raised), so the child imports them afresh.
  Object* modules = main_interpreter() ? main_interpreter()->modules : nullptr;
  if (!modules) return;
  for (const std::string& name : abandoned) {
    Ref key = Ref::steal(str_from_utf8(name));
    if (!key) {
      err_clear();
      continue;
    }
    Object* mod = dict_get_borrowed(modules, key.get());
    if (mod && import_module_is_initializing(mod) && dict_delitem(modules, key.get()) < 0) {
      err_clear();
    }
  }
}

}  // namespace gilpy

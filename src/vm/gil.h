// The global interpreter lock.
//
// Only the thread holding the GIL runs Python bytecode or touches objects. The GIL is CPython's
// "new GIL" (3.2+, Python/ceval_gil.c), re-implemented; the design notes:
//
//  - State: `locked` and `last_holder` under `mutex`; `cond` is signalled when the GIL is released,
//    `switch_cond` when a thread has taken it. The mutex is held only for a few instructions.
//  - A thread that wants the GIL waits on `cond` for at most the switch interval (5 ms by default,
//    sys.setswitchinterval). If the wait times out, the GIL is still held, and no switch happened
//    meanwhile (`switch_number` unchanged), it sets a drop request in the HOLDER's eval breaker.
//  - The holder's eval loop tests its eval breaker on backward jumps and calls (vm/eval.cpp), so
//    no pure-Python loop keeps the GIL: it calls gil_yield_on_request(), which drops the GIL and,
//    with forced switching, waits on `switch_cond` until another thread has taken it, so that on a
//    multi-core machine the dropping thread cannot take it straight back.
//  - Blocking calls release the GIL voluntarily (AllowThreads below); those releases are counted
//    apart from forced drops, which is what makes the convoy effect visible in the statistics.
//
// Policies: how waiting and switching work is chosen once, at start-up (-X gil=cpython|ticks),
// and the eval loop never asks which policy runs: it calls the gil_* functions, which ask the
// policy. `ticks` is Python 2's scheme: no timed waits and no drop requests; the holder releases
// and re-takes the GIL every N instructions (sys.setcheckinterval, default 100), with no forced
// switching, so on a multi-core machine the releasing thread often wins the GIL straight back.
// A new policy is a new GilPolicy subclass and a line in gil_policy_from_name().
//
// Instruction counting (ticks policy, -X gilstats): the eval loop has a second dispatch table
// whose every entry is one counting stub (vm/eval.cpp); it is installed once, before any code
// runs, when Gil::counts_instructions() says so, and the default configuration never executes it
// (zero cost). The stub increments ThreadState::instructions and decrements ticks_left; at zero
// it calls Gil::ticks_exhausted(), which asks the policy: `ticks` releases and re-takes the GIL
// right there, between two instructions, so the release happens after exactly N instructions
// (as Python 2's ceval, which tested its ticker before every instruction); other policies just
// re-arm the counter.
//
// Who holds which lock (the invariants TSan checks):
//  - `mutex_` guards locked/holder/last_holder/switch_number and the condition variables; it is
//    held for a few instructions at a time, never while running Python code.
//  - The GIL itself (locked_ == true, holder_ == ts) guards every Python object and the
//    interpreter state. A thread's GilThreadStats and trace buffer are written by that thread
//    only, either while it holds the GIL or while it holds mutex_; so a reader that holds both
//    (snapshot_stats, write_trace, which lock mutex_ and are called with the GIL held or after
//    the other threads are done) sees consistent figures.
//  - `stats_mutex_` guards the vectors of stats/trace buffers (registration), taken after mutex_.
//  - fork (os.fork, vm/fork.cpp): in the child only the forking thread exists. Any of the mutexes
//    and condition variables above may have been held or waited on by a thread that is gone, so
//    Gil::reinit_after_fork(ts) constructs them afresh (the old ones are abandoned, never
//    destroyed: destroying a mutex a dead thread holds is undefined) and makes `ts` the holder;
//    the statistics start again with `ts` alone, as in a new process.
//  - Finalization: once begin_finalize(ts) has run, every other thread that tries to take the
//    GIL blocks forever (daemon threads must not run while the runtime is torn down; the process
//    exit ends them), as CPython 3.14 hangs daemon threads. The Gil object is never destroyed.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace gilpy {

struct ThreadState;

// Bits of ThreadState::eval_breaker.
enum : uint32_t {
  BREAKER_GIL_DROP_REQUEST = 1u << 0,  // another thread waits for the GIL: drop it
  BREAKER_SIGNALS_PENDING = 1u << 1,   // a signal arrived: run Python handlers (main thread)
  BREAKER_ASYNC_EXC = 1u << 2,         // an asynchronous exception was set for this thread
  BREAKER_TICKS = 1u << 3,             // ticks policy: the instruction budget ran out
};

// One GIL event for -X giltrace (Chrome trace-event format at exit).
enum class GilEvent : uint8_t { WaitStart, Take, DropRequest, ForcedDrop, Release, Tick };
struct GilTraceRecord {
  uint64_t ns;
  uint32_t thread;  // the trace's thread index
  GilEvent event;
};

// What one thread did with the GIL (-X gilstats, the _gil module).
struct GilThreadStats {
  std::string name;                // thread name at the time it ended (or now)
  uint64_t bytecodes = 0;          // instructions executed (when counting is on)
  uint64_t hold_ns = 0;            // total time holding the GIL
  uint64_t wait_ns = 0;            // total time waiting for it
  uint64_t max_wait_ns = 0;        // longest single wait
  uint64_t takes = 0;              // times it took the GIL
  uint64_t forced_drops = 0;       // times it dropped the GIL because another thread asked
  uint64_t voluntary_releases = 0; // times it released it around a blocking call
  uint64_t tick_releases = 0;      // ticks policy: periodic releases every N instructions
  uint64_t drop_requests_made = 0; // times it asked the holder to drop it
  uint64_t started_ns = 0;         // when the thread registered
  uint64_t ended_ns = 0;           // when it unregistered (0 while alive)
  const ThreadState* live = nullptr;  // the thread's state while it runs (bytecodes live there)
  uint64_t taken_at_ns = 0;        // when it last took the GIL (0 when not holding)
  uint32_t index = 0;              // registration order: the trace's thread id
  std::vector<GilTraceRecord>* trace = nullptr;  // this thread's trace buffer (owned by Gil)
};

class Gil;

class GilPolicy {
 public:
  virtual ~GilPolicy() = default;
  virtual const char* name() const = 0;
  // Wait (mutex held through `lock`) until the GIL is free, asking the holder to drop it when this
  // policy does that. Called with gil.locked == true.
  virtual void wait_until_free(Gil& gil, ThreadState* ts, std::unique_lock<std::mutex>& lock) = 0;
  // After dropping because of a request: wait until another thread has taken the GIL?
  virtual bool forced_switching() const = 0;
  // Instructions between periodic releases; 0 when the policy does not count instructions.
  virtual int check_interval() const { return 0; }
  // sys.setcheckinterval: false when the policy has no check interval.
  virtual bool set_check_interval(int) { return false; }
};

std::unique_ptr<GilPolicy> gil_policy_from_name(const std::string& name);  // null if unknown

class Gil {
 public:
  explicit Gil(std::unique_ptr<GilPolicy> policy);

  // Take the GIL for `ts` (blocking).
  void take(ThreadState* ts);
  // Release the GIL held by `ts`. `forced`: in answer to a drop request (else voluntary).
  enum class DropReason { Voluntary, Forced, Tick };
  void drop(ThreadState* ts, bool forced) {
    drop_for(ts, forced ? DropReason::Forced : DropReason::Voluntary);
  }
  void drop_for(ThreadState* ts, DropReason why);
  // Called by the holder when its eval breaker has BREAKER_GIL_DROP_REQUEST (or BREAKER_TICKS):
  // drop, let another thread run (forced switching per policy), take again.
  void yield_on_request(ThreadState* ts);
  // Called by the counting dispatch stub when ts->ticks_left reached 0 (see the design notes).
  void ticks_exhausted(ThreadState* ts);
  // Does the eval loop need the counting dispatch (ticks policy, or statistics asked for)?
  bool counts_instructions() const { return policy_->check_interval() > 0 || count_bytecodes_; }
  void set_count_bytecodes(bool on) { count_bytecodes_ = on; }
  // Initial instruction budget of a thread (ThreadState::ticks_left).
  int64_t initial_ticks() const;

  // Interpreter shutdown: after this, threads other than `ts` that try to take the GIL block
  // forever (see the design notes). Called by the main thread while it holds the GIL.
  void begin_finalize(ThreadState* ts);
  bool finalizing() const { return finalizing_.load(std::memory_order_relaxed) != nullptr; }

  // In the child of fork(), before anything else runs: `ts` (the forking thread, which held the GIL
  // across fork) is the only thread; see the design notes.
  void reinit_after_fork(ThreadState* ts);

  GilPolicy& policy() { return *policy_; }
  // Switch interval in microseconds (sys.setswitchinterval / getswitchinterval).
  // Stored as given (CPython keeps 0 for intervals under 1 µs and waits at least 1 µs).
  void set_interval_us(int64_t us) { interval_us_.store(us < 0 ? 0 : us); }
  int64_t interval_us() const { return interval_us_.load(); }
  uint64_t switch_number() const { return switch_number_.load(); }
  bool locked() const { return locked_.load(); }
  ThreadState* holder() const { return holder_.load(); }

  // Statistics: one GilThreadStats per thread ever registered (kept after the thread ends).
  GilThreadStats* register_thread(ThreadState* ts, const std::string& name);
  // The thread is ending (call it holding the GIL): fold its live counters into its stats.
  void unregister_thread(ThreadState* ts);
  // Rename a thread's statistics entry (threading.Thread.name); call it holding the GIL.
  void set_thread_name(ThreadState* ts, const std::string& name);
  // A copy of every thread's statistics (call it holding the GIL, or when the others are done).
  std::vector<GilThreadStats> snapshot_stats();
  uint64_t held_ns_total();  // sum over threads, including the current holding period
  uint64_t start_ns() const { return start_ns_; }

  // Tracing (-X giltrace=FILE; off unless enabled): events go to per-thread buffers, written at
  // exit to trace_path(): FILE, or FILE.<pid> in a child of os.fork (whose trace restarts at the
  // fork, with the statistics), so a child that exits normally does not overwrite its parent's.
  void enable_trace(const std::string& file) {
    trace_file_ = file;
    tracing_ = true;
  }
  bool tracing() const { return tracing_; }
  std::string trace_path() const;
  void trace(ThreadState* ts, GilEvent e);
  bool write_trace();

 private:
  friend class CPythonPolicy;
  friend class TicksPolicy;

  std::unique_ptr<GilPolicy> policy_;
  std::mutex mutex_;
  std::condition_variable cond_;         // signalled when the GIL is released
  std::condition_variable switch_cond_;  // signalled when a thread takes the GIL
  std::atomic<bool> locked_{false};
  std::atomic<ThreadState*> holder_{nullptr};
  ThreadState* last_holder_ = nullptr;   // under mutex_
  std::atomic<uint64_t> switch_number_{0};
  std::atomic<int64_t> interval_us_{5000};
  uint64_t start_ns_;
  bool count_bytecodes_ = false;
  std::atomic<ThreadState*> finalizing_{nullptr};
  std::condition_variable never_cond_;  // daemon threads blocked at finalization wait here

  std::mutex stats_mutex_;  // protects the two vectors below (not their elements)
  std::vector<std::unique_ptr<GilThreadStats>> stats_;
  // trace_buffers_[i] belongs to the thread of stats_[i]: only that thread appends to it.
  std::vector<std::unique_ptr<std::vector<GilTraceRecord>>> trace_buffers_;
  bool tracing_ = false;
  std::string trace_file_;  // as given to -X giltrace
};

// The process's GIL (one interpreter per process), used by AllowThreads; set at start-up.
void set_runtime_gil(Gil* gil);
Gil* runtime_gil();

uint64_t monotonic_ns();

// Run the Python-level handlers of pending signals (CPython's PyErr_CheckSignals): 0, or -1 with
// the handler's exception set. Does nothing outside the main thread. Call it holding the GIL.
// Defined in modules/signal.cpp.
int check_signals();
// Is `ts` the main thread (the one that started the interpreter)?
bool is_main_thread(const ThreadState* ts);
// _thread.interrupt_main: act as if signal `sig` arrived (when Python handles it). 0 / -1.
int signal_simulate(int sig);
// Interpreter shutdown, after the non-daemon threads were joined and atexit ran (vm/run.cpp,
// called from vm/finalize.cpp): the -X gilstats report, the -X giltrace file, then
// Gil::begin_finalize. Idempotent.
void gil_finalize_threads();
// The -X gilstats table (modules/gil_module.cpp); call it holding the GIL.
std::string gil_report_text(Gil& gil);

// Around fork() in os.fork (vm/fork.cpp), holding the GIL: take the runtime's own locks that other
// threads may hold without the GIL (the import-lock table), so the child's copy is consistent;
// the parent releases them after fork(), the child re-creates them (runtime_after_fork_child).
void runtime_before_fork();
void runtime_after_fork_parent();
// After fork(), in the child (vm/fork.cpp): everything the runtime needs so that the forking
// thread `ts` runs alone: the GIL, the thread states, the signal machinery, the _thread module.
// Called holding the GIL, before the after_in_child hooks run (CPython's PyOS_AfterFork_Child).
void runtime_after_fork_child(ThreadState* ts);
// How many times this process is a fork child of a gilpy process (0 in the original process):
// a lock that records the generation its owner took it in can tell, in a child, that its owner
// is a thread that does not exist there (modules/io_file.cpp's buffered objects do).
uint64_t fork_generation();
// The pieces, each defined by the subsystem whose state it resets:
void signal_after_fork(ThreadState* ts);  // modules/signal.cpp: `ts` is the main thread

// Release the GIL around a blocking call or long native work (CPython's Py_BEGIN_ALLOW_THREADS /
// Py_END_ALLOW_THREADS). Counted as a voluntary release. Nothing may touch Python objects while
// the GIL is released.
class AllowThreads {
 public:
  AllowThreads();
  ~AllowThreads();
  AllowThreads(const AllowThreads&) = delete;
  AllowThreads& operator=(const AllowThreads&) = delete;

 private:
  ThreadState* ts_;
};

}  // namespace gilpy

// The global interpreter lock: see vm/gil.h for the design notes.
#include "vm/gil.h"

#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <new>

#include "config.h"
#include "vm/state.h"

namespace gilpy {

uint64_t monotonic_ns() {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return uint64_t(t.tv_sec) * 1000000000u + uint64_t(t.tv_nsec);
}

namespace {

GilThreadStats* stats_of(ThreadState* ts) { return static_cast<GilThreadStats*>(ts->gil_stats); }

}  // namespace

// ---- Policies -----------------------------------------------------------------------------------

// CPython 3.2+: timed waits of one switch interval; a drop request when a whole interval passed
// without any switch; forced switching.
class CPythonPolicy final : public GilPolicy {
 public:
  const char* name() const override { return "cpython"; }
  bool forced_switching() const override { return true; }

  void wait_until_free(Gil& gil, ThreadState* ts, std::unique_lock<std::mutex>& lock) override {
    while (gil.locked_.load(std::memory_order_relaxed)) {
      uint64_t saved_switch = gil.switch_number_.load(std::memory_order_relaxed);
      auto interval = std::chrono::microseconds(
          std::max<int64_t>(1, gil.interval_us_.load(std::memory_order_relaxed)));
      bool released = gil.cond_.wait_for(lock, interval, [&] {
        return !gil.locked_.load(std::memory_order_relaxed);
      });
      if (released) break;
      // A whole interval without the GIL changing hands: ask the holder to drop it.
      if (gil.switch_number_.load(std::memory_order_relaxed) == saved_switch) {
        ThreadState* holder = gil.holder_.load(std::memory_order_relaxed);
        if (holder && holder != ts) {
          holder->eval_breaker.fetch_or(BREAKER_GIL_DROP_REQUEST, std::memory_order_relaxed);
          if (GilThreadStats* s = stats_of(ts)) ++s->drop_requests_made;
          gil.trace(ts, GilEvent::DropRequest);
        }
      }
    }
  }
};

// Python 2 (and 3.1): the holder releases and re-takes the GIL every `check_interval`
// instructions; waiters block until signalled; no drop requests, no forced switching.
class TicksPolicy final : public GilPolicy {
 public:
  explicit TicksPolicy(int interval) : interval_(interval) {}
  const char* name() const override { return "ticks"; }
  bool forced_switching() const override { return false; }
  int check_interval() const override { return interval_.load(std::memory_order_relaxed); }
  bool set_check_interval(int n) override {
    interval_.store(n < 1 ? 1 : n, std::memory_order_relaxed);
    return true;
  }

  void wait_until_free(Gil& gil, ThreadState*, std::unique_lock<std::mutex>& lock) override {
    gil.cond_.wait(lock, [&] { return !gil.locked_.load(std::memory_order_relaxed); });
  }

 private:
  std::atomic<int> interval_;
};

std::unique_ptr<GilPolicy> gil_policy_from_name(const std::string& name) {
  if (name == "cpython") return std::make_unique<CPythonPolicy>();
  if (name == "ticks") return std::make_unique<TicksPolicy>(100);
  return nullptr;
}

// ---- The lock -----------------------------------------------------------------------------------

Gil::Gil(std::unique_ptr<GilPolicy> policy) : policy_(std::move(policy)), start_ns_(monotonic_ns()) {}

void Gil::take(ThreadState* ts) {
  GilThreadStats* s = stats_of(ts);
  std::unique_lock<std::mutex> lock(mutex_);
  ThreadState* fin = finalizing_.load(std::memory_order_relaxed);
  if (GILPY_UNLIKELY(fin && fin != ts)) {
    // The interpreter is shutting down: this (daemon) thread must never run again.
    for (;;) never_cond_.wait(lock);
  }
  if (locked_.load(std::memory_order_relaxed)) {
    uint64_t wait_start = monotonic_ns();
    trace(ts, GilEvent::WaitStart);
    policy_->wait_until_free(*this, ts, lock);
    fin = finalizing_.load(std::memory_order_relaxed);
    if (GILPY_UNLIKELY(fin && fin != ts)) {
      for (;;) never_cond_.wait(lock);
    }
    if (s) {
      uint64_t waited = monotonic_ns() - wait_start;
      s->wait_ns += waited;
      s->max_wait_ns = std::max(s->max_wait_ns, waited);
    }
  }
  locked_.store(true, std::memory_order_relaxed);
  holder_.store(ts, std::memory_order_relaxed);
  if (ts != last_holder_) {
    last_holder_ = ts;
    switch_number_.fetch_add(1, std::memory_order_relaxed);
  }
  // Wake a thread waiting in forced switching for someone to take the GIL.
  switch_cond_.notify_one();
  // A drop request addressed to us before we held the GIL is stale.
  ts->eval_breaker.fetch_and(~BREAKER_GIL_DROP_REQUEST, std::memory_order_relaxed);
  lock.unlock();
  if (s) {
    ++s->takes;
    s->taken_at_ns = monotonic_ns();
  }
  trace(ts, GilEvent::Take);
}

void Gil::drop_for(ThreadState* ts, DropReason why) {
  bool forced = why == DropReason::Forced;
  if (GilThreadStats* s = stats_of(ts)) {
    if (s->taken_at_ns) s->hold_ns += monotonic_ns() - s->taken_at_ns;
    s->taken_at_ns = 0;
    switch (why) {
      case DropReason::Forced: ++s->forced_drops; break;
      case DropReason::Voluntary: ++s->voluntary_releases; break;
      case DropReason::Tick: ++s->tick_releases; break;
    }
  }
  trace(ts, forced ? GilEvent::ForcedDrop : why == DropReason::Tick ? GilEvent::Tick
                                                                    : GilEvent::Release);
  std::unique_lock<std::mutex> lock(mutex_);
  locked_.store(false, std::memory_order_relaxed);
  holder_.store(nullptr, std::memory_order_relaxed);
  cond_.notify_one();
  if (forced && policy_->forced_switching() && last_holder_ == ts) {
    // Forced switching: don't compete for the GIL until another thread has taken it. One wait, as
    // CPython's drop_gil: a spurious wake-up only means competing a little early.
    switch_cond_.wait(lock);
  }
}

void Gil::yield_on_request(ThreadState* ts) {
  uint32_t bits = ts->eval_breaker.fetch_and(~(BREAKER_GIL_DROP_REQUEST | BREAKER_TICKS),
                                             std::memory_order_relaxed);
  bool requested = bits & BREAKER_GIL_DROP_REQUEST;
  drop_for(ts, requested ? DropReason::Forced : DropReason::Tick);
  take(ts);
}

int64_t Gil::initial_ticks() const {
  int n = policy_->check_interval();
  return n > 0 ? n : (int64_t(1) << 62);
}

void Gil::ticks_exhausted(ThreadState* ts) {
  int n = policy_->check_interval();
  if (n <= 0) {
    ts->ticks_left = int64_t(1) << 62;  // only counting bytecodes for the statistics
    return;
  }
  ts->ticks_left = n;
  // Python 2: release and re-take at once, no drop request, no forced switching. A pending drop
  // request (none under this policy) would be answered at the next breaker check.
  drop_for(ts, DropReason::Tick);
  take(ts);
}

void Gil::begin_finalize(ThreadState* ts) {
  std::lock_guard<std::mutex> g(mutex_);
  finalizing_.store(ts, std::memory_order_relaxed);
}

void Gil::reinit_after_fork(ThreadState* ts) {
  // The forking thread held the GIL across fork(), so no other thread can be inside the eval loop
  // or between take() and drop() with objects; but one may have held mutex_ (briefly, in take or
  // drop) or stats_mutex_, or waited on a condition variable. New ones replace them.
  new (&mutex_) std::mutex();
  new (&cond_) std::condition_variable();
  new (&switch_cond_) std::condition_variable();
  new (&never_cond_) std::condition_variable();
  new (&stats_mutex_) std::mutex();
  locked_.store(true, std::memory_order_relaxed);
  holder_.store(ts, std::memory_order_relaxed);
  last_holder_ = ts;
  switch_number_.store(0, std::memory_order_relaxed);
  ts->eval_breaker.fetch_and(~(BREAKER_GIL_DROP_REQUEST | BREAKER_TICKS), std::memory_order_relaxed);

  // Statistics restart with the forking thread alone (the other entries described threads of the
  // parent process; their buffers are freed with them).
  GilThreadStats* old = stats_of(ts);
  std::string name = old ? old->name : std::string("MainThread");
  stats_.clear();
  trace_buffers_.clear();
  ts->gil_stats = nullptr;
  ts->instructions = 0;
  start_ns_ = monotonic_ns();
  GilThreadStats* s = register_thread(ts, name);
  s->takes = 1;
  s->taken_at_ns = start_ns_;
}

// ---- Statistics and tracing -----------------------------------------------------------------------

GilThreadStats* Gil::register_thread(ThreadState* ts, const std::string& name) {
  std::lock_guard<std::mutex> g(stats_mutex_);
  stats_.push_back(std::make_unique<GilThreadStats>());
  GilThreadStats* s = stats_.back().get();
  s->name = name;
  s->index = uint32_t(stats_.size() - 1);
  s->started_ns = monotonic_ns();
  s->live = ts;
  trace_buffers_.push_back(std::make_unique<std::vector<GilTraceRecord>>());
  s->trace = trace_buffers_.back().get();
  ts->gil_stats = s;
  ts->ticks_left = initial_ticks();
  return s;
}

void Gil::unregister_thread(ThreadState* ts) {
  GilThreadStats* s = stats_of(ts);
  if (!s) return;
  std::lock_guard<std::mutex> g(mutex_);
  s->bytecodes += ts->instructions;
  ts->instructions = 0;
  s->ended_ns = monotonic_ns();
  s->live = nullptr;
}

void Gil::set_thread_name(ThreadState* ts, const std::string& name) {
  if (GilThreadStats* s = stats_of(ts)) {
    std::lock_guard<std::mutex> g(mutex_);
    s->name = name;
  }
}

std::vector<GilThreadStats> Gil::snapshot_stats() {
  std::lock_guard<std::mutex> g0(mutex_);
  std::lock_guard<std::mutex> g(stats_mutex_);
  std::vector<GilThreadStats> out;
  uint64_t now = monotonic_ns();
  for (auto& s : stats_) {
    out.push_back(*s);
    GilThreadStats& c = out.back();
    if (c.taken_at_ns) c.hold_ns += now - c.taken_at_ns;
    if (c.live) c.bytecodes += c.live->instructions;
    c.live = nullptr;
    c.trace = nullptr;
  }
  return out;
}

uint64_t Gil::held_ns_total() {
  uint64_t total = 0;
  for (const GilThreadStats& s : snapshot_stats()) total += s.hold_ns;
  return total;
}

void Gil::trace(ThreadState* ts, GilEvent e) {
  if (!tracing_) return;
  GilThreadStats* s = stats_of(ts);
  if (!s) return;
  s->trace->push_back({monotonic_ns(), s->index, e});  // only this thread appends to it
}

std::string Gil::trace_path() const {
  if (fork_generation() == 0) return trace_file_;
  return trace_file_ + "." + std::to_string(::getpid());
}

bool Gil::write_trace() {
  std::FILE* f = std::fopen(trace_path().c_str(), "w");
  if (!f) return false;
  static const char* const names[] = {"wait", "take", "drop request", "forced drop", "release",
                                      "tick"};
  std::lock_guard<std::mutex> g0(mutex_);
  std::lock_guard<std::mutex> g(stats_mutex_);
  std::fprintf(f, "{\"traceEvents\":[\n");
  bool first = true;
  auto sep = [&] {
    std::fprintf(f, first ? "" : ",\n");
    first = false;
  };
  for (size_t t = 0; t < stats_.size(); ++t) {
    sep();
    std::fprintf(f,
                 "{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":1,\"tid\":%zu,"
                 "\"args\":{\"name\":\"%s\"}}",
                 t, stats_[t]->name.c_str());
    // Holding periods become complete ("X") slices; the rest are instant events.
    uint64_t held_since = 0;
    for (const GilTraceRecord& r : *trace_buffers_[t]) {
      double us = double(r.ns - start_ns_) / 1000.0;
      if (r.event == GilEvent::Take) {
        held_since = r.ns;
        continue;
      }
      if ((r.event == GilEvent::ForcedDrop || r.event == GilEvent::Release ||
           r.event == GilEvent::Tick) &&
          held_since) {
        sep();
        std::fprintf(f,
                     "{\"name\":\"holds GIL\",\"ph\":\"X\",\"pid\":1,\"tid\":%zu,\"ts\":%.3f,"
                     "\"dur\":%.3f}",
                     t, double(held_since - start_ns_) / 1000.0, double(r.ns - held_since) / 1000.0);
        held_since = 0;
      }
      sep();
      std::fprintf(f, "{\"name\":\"%s\",\"ph\":\"i\",\"s\":\"t\",\"pid\":1,\"tid\":%zu,\"ts\":%.3f}",
                   names[int(r.event)], t, us);
    }
  }
  std::fprintf(f, "\n]}\n");
  return std::fclose(f) == 0;
}

// ---- Releasing around blocking calls -------------------------------------------------------------

namespace {
Gil* g_runtime_gil = nullptr;
}  // namespace

void set_runtime_gil(Gil* gil) { g_runtime_gil = gil; }
Gil* runtime_gil() { return g_runtime_gil; }

AllowThreads::AllowThreads() : ts_(current_tstate) {
  if (g_runtime_gil && ts_) g_runtime_gil->drop(ts_, false);
}

AllowThreads::~AllowThreads() {
  if (g_runtime_gil && ts_) {
    int saved = errno;
    g_runtime_gil->take(ts_);
    errno = saved;
  }
}

}  // namespace gilpy

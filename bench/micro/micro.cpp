// gilpy_micro: Google Benchmark microbenchmarks of the runtime's hot C++ paths, to measure a change
// to one of them in isolation (tools/bench.py measures whole programs against CPython):
//   - dict lookups with str and int keys, hits and misses;
//   - reference counting: incref/decref pairs on a live object, creating and destroying small
//     objects (the allocator and the free lists);
//   - calls: a Python function called from C++ through the call API, and a call loop run by the
//     eval loop (per call);
//   - the GIL: an uncontended release + take (AllowThreads), and a contended hand-off between two
//     threads (a standalone Gil, as tests/unit/gil_test.cpp uses, so that the runtime's threads
//     are not involved).
// Build: GILPY_TESTS=ON or GILPY_BENCH=ON (target gilpy_micro); run a Release build:
//   build/bench/micro/gilpy_micro [--benchmark_filter=Dict]
// The runtime is initialised once in main() and the main thread holds its GIL throughout, except
// in the GIL benchmarks themselves.
#include <benchmark/benchmark.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "compiler/compile.h"
#include "core/abstract.h"
#include "core/error.h"
#include "objects/containers.h"
#include "objects/floatobject.h"
#include "objects/intobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"
#include "vm/gil.h"
#include "vm/run.h"
#include "vm/state.h"

using namespace gilpy;

namespace {

constexpr int kKeys = 1000;

// A dict of kKeys entries with keys made by `make`, and as many other keys that are not in it.
struct DictFixture {
  Ref dict = Ref::steal(dict_new());
  std::vector<Ref> present, absent;
  template <class Make>
  explicit DictFixture(Make make) {
    for (int i = 0; i < kKeys; ++i) {
      present.push_back(Ref::steal(make(i)));
      absent.push_back(Ref::steal(make(i + 10 * kKeys)));
      dict_setitem(dict.get(), present.back().get(), present.back().get());
    }
  }
};

Object* make_str_key(int i) {
  // Interned, as names and most program-made keys used repeatedly are; the hash is cached.
  return str_intern(str_from_cstr(("key_" + std::to_string(i)).c_str()));  // consumes its argument
}
Object* make_int_key(int i) { return int_from_i64(int64_t(i) * 7919); }

void lookup_loop(benchmark::State& state, DictFixture& f, std::vector<Ref>& keys) {
  size_t i = 0;
  for (auto _ : state) {
    Object* v = dict_get_borrowed(f.dict.get(), keys[i].get());
    benchmark::DoNotOptimize(v);
    if (++i == keys.size()) i = 0;
  }
}

void BM_DictLookupStrHit(benchmark::State& state) {
  DictFixture f(make_str_key);
  lookup_loop(state, f, f.present);
}
void BM_DictLookupStrMiss(benchmark::State& state) {
  DictFixture f(make_str_key);
  lookup_loop(state, f, f.absent);
}
void BM_DictLookupIntHit(benchmark::State& state) {
  DictFixture f(make_int_key);
  lookup_loop(state, f, f.present);
}
void BM_DictLookupIntMiss(benchmark::State& state) {
  DictFixture f(make_int_key);
  lookup_loop(state, f, f.absent);
}
BENCHMARK(BM_DictLookupStrHit);
BENCHMARK(BM_DictLookupStrMiss);
BENCHMARK(BM_DictLookupIntHit);
BENCHMARK(BM_DictLookupIntMiss);

void BM_IncrefDecref(benchmark::State& state) {
  Ref o = Ref::steal(list_new(0));
  for (auto _ : state) {
    incref(o.get());
    benchmark::ClobberMemory();
    decref(o.get());
    benchmark::ClobberMemory();
  }
}
BENCHMARK(BM_IncrefDecref);

void BM_NewDeleteTuple2(benchmark::State& state) {  // a GC object, through the tuple free list
  for (auto _ : state) {
    Object* t = tuple_pack(2, None, None);
    benchmark::DoNotOptimize(t);
    decref(t);
  }
}
void BM_NewDeleteFloat(benchmark::State& state) {  // a plain object
  double x = 0.5;
  for (auto _ : state) {
    Object* f = float_from_double(x);
    benchmark::DoNotOptimize(f);
    decref(f);
  }
}
void BM_NewDeleteList(benchmark::State& state) {  // an object and its item array
  for (auto _ : state) {
    Object* l = list_new(4);
    for (int i = 0; i < 4; ++i) list_set_steal(l, i, newref(None));
    benchmark::DoNotOptimize(l);
    decref(l);
  }
}
BENCHMARK(BM_NewDeleteTuple2);
BENCHMARK(BM_NewDeleteFloat);
BENCHMARK(BM_NewDeleteList);

// Run `src` in a fresh namespace and return it (aborting the benchmark on an error).
Ref run_source(const char* src) {
  Ref globals = Ref::steal(dict_new());
  Ref fname = Ref::steal(str_from_cstr("<micro>"));
  Ref code = Ref::steal(compile_source(src, fname.get(), CompileMode::Exec));
  Ref res = code ? Ref::steal(eval_code(code.get(), globals.get(), globals.get())) : Ref();
  if (!res) {
    err_clear();
    return Ref();
  }
  return globals;
}

void BM_CallFromCpp(benchmark::State& state) {
  Ref g = run_source("def f(a, b):\n    return a\n");
  Object* f = g ? dict_get_str_borrowed(g.get(), "f") : nullptr;
  if (!f) return state.SkipWithError("setup failed");
  Ref arg = Ref::steal(int_from_i64(7));
  for (auto _ : state) {
    Object* r = call2(f, arg.get(), arg.get());
    benchmark::DoNotOptimize(r);
    decref(r);
  }
}
BENCHMARK(BM_CallFromCpp);

void BM_CallInEvalLoop(benchmark::State& state) {  // per Python-level call
  constexpr int kCalls = 1000;
  Ref g = run_source(
      "def f(a, b):\n    return a\n"
      "def loop(n):\n    for i in range(n):\n        f(i, i)\n");
  Object* loop = g ? dict_get_str_borrowed(g.get(), "loop") : nullptr;
  if (!loop) return state.SkipWithError("setup failed");
  Ref n = Ref::steal(int_from_i64(kCalls));
  for (auto _ : state) {
    Object* r = call1(loop, n.get());
    benchmark::DoNotOptimize(r);
    decref(r);
  }
  state.SetItemsProcessed(state.iterations() * kCalls);
}
BENCHMARK(BM_CallInEvalLoop);

void BM_GilReleaseTakeUncontended(benchmark::State& state) {
  for (auto _ : state) {
    AllowThreads released;  // drop the runtime's GIL, take it back at the end of the scope
  }
}
BENCHMARK(BM_GilReleaseTakeUncontended);

// Two threads pass one (standalone) GIL back and forth with forced drops, which wait until the
// other thread has taken it: each iteration is two hand-offs.
void BM_GilHandoffContended(benchmark::State& state) {
  Gil gil(gil_policy_from_name("cpython"));
  ThreadState main_ts, partner_ts;
  gil.register_thread(&main_ts, "main");
  gil.register_thread(&partner_ts, "partner");
  gil.take(&main_ts);
  std::atomic<bool> stop{false};
  std::thread partner([&] {
    for (;;) {
      gil.take(&partner_ts);
      if (stop.load()) {
        gil.drop(&partner_ts, false);
        return;
      }
      gil.drop(&partner_ts, true);
    }
  });
  for (auto _ : state) {
    gil.drop(&main_ts, true);
    gil.take(&main_ts);
  }
  stop = true;
  gil.drop(&main_ts, false);
  partner.join();
  state.SetItemsProcessed(state.iterations() * 2);
}
BENCHMARK(BM_GilHandoffContended)->UseRealTime();

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  RuntimeConfig config;
  config.argv = {"gilpy_micro"};
  if (!runtime_initialize(config)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}

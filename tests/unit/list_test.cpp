// Unit tests for list and its Timsort (objects/listobject.cpp, objects/listsort.cpp): stability
// with a key function, stability with reverse=True, large random arrays (with runs, to exercise
// galloping) checked against std::stable_sort, "list modified during sort", and failing
// comparisons leaving every item in the list.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <utility>
#include <vector>

#include "core/abstract.h"
#include "core/error.h"
#include "objects/containers.h"
#include "objects/intobject.h"
#include "objects/moduleobject.h"
#include "objects/strobject.h"
#include "vm/run.h"

using namespace gilpy;

namespace {

class RuntimeEnv : public ::testing::Environment {
 public:
  void SetUp() override { ASSERT_TRUE(runtime_initialize(RuntimeConfig{})); }
};
const auto* const g_env = ::testing::AddGlobalTestEnvironment(new RuntimeEnv);

int64_t as_i64(Object* o) {
  bool overflow = false;
  return int_as_i64(o, &overflow);
}

// key=lambda t: t[0]
Object* first_item(Object*, Object* const* args, ssize nargs, Object*) {
  return newref(tuple_get_borrowed(args[0], 0));
}
const MethodDef first_item_def = {"first_item", first_item, METH_DEFAULT, nullptr};

// A key function that appends to the list being sorted.
Object* g_victim = nullptr;
Object* mutating_key(Object*, Object* const* args, ssize nargs, Object*) {
  if (list_append(g_victim, args[0]) < 0) return nullptr;
  return newref(args[0]);
}
const MethodDef mutating_key_def = {"mutating_key", mutating_key, METH_DEFAULT, nullptr};

// key returning ints for even values and strs for odd ones: comparisons fail.
Object* mixed_key(Object*, Object* const* args, ssize nargs, Object*) {
  if (as_i64(args[0]) % 2) return str_from_cstr("x");
  return newref(args[0]);
}
const MethodDef mixed_key_def = {"mixed_key", mixed_key, METH_DEFAULT, nullptr};

// (key, original index) records as a list of 2-tuples.
Ref make_records(const std::vector<std::pair<int64_t, int64_t>>& recs) {
  Ref l = Ref::steal(list_new(ssize(recs.size())));
  for (size_t i = 0; i < recs.size(); i++) {
    Ref a = Ref::steal(int_from_i64(recs[i].first));
    Ref b = Ref::steal(int_from_i64(recs[i].second));
    list_set_steal(l.get(), ssize(i), tuple_pack(2, a.get(), b.get()));
  }
  return l;
}

std::vector<std::pair<int64_t, int64_t>> read_records(Object* l) {
  std::vector<std::pair<int64_t, int64_t>> out;
  for (ssize i = 0; i < list_size(l); i++) {
    Object* t = list_get_borrowed(l, i);
    out.emplace_back(as_i64(tuple_get_borrowed(t, 0)), as_i64(tuple_get_borrowed(t, 1)));
  }
  return out;
}

// Random keys with optional structure: 0 random, 1 ascending runs, 2 descending runs,
// 3 nearly sorted, 4 few distinct values.
std::vector<int64_t> make_keys(size_t n, int shape, std::mt19937_64& rng) {
  std::vector<int64_t> k(n);
  std::uniform_int_distribution<int64_t> dist(-1000000, 1000000);
  for (auto& x : k) x = dist(rng);
  switch (shape) {
    case 1:
    case 2: {
      size_t pos = 0;
      while (pos < n) {
        size_t len = std::min(n - pos, size_t(rng() % 500 + 1));
        if (shape == 1) std::sort(k.begin() + long(pos), k.begin() + long(pos + len));
        else std::sort(k.begin() + long(pos), k.begin() + long(pos + len), std::greater<>());
        pos += len;
      }
      break;
    }
    case 3:
      std::sort(k.begin(), k.end());
      for (size_t i = 0; i < n / 50; i++) std::swap(k[rng() % n], k[rng() % n]);
      break;
    case 4:
      for (auto& x : k) x = int64_t(rng() % 7);
      break;
    default: break;
  }
  return k;
}

void check_stable_sort(const std::vector<int64_t>& keys, bool reverse) {
  std::vector<std::pair<int64_t, int64_t>> recs;
  for (size_t i = 0; i < keys.size(); i++) recs.emplace_back(keys[i], int64_t(i));
  Ref l = make_records(recs);
  Ref key = Ref::steal(cfunction_new(&first_item_def, nullptr, nullptr));
  ASSERT_TRUE(key);
  ASSERT_EQ(list_sort(l.get(), key.get(), reverse), 0);
  auto expect = recs;
  if (reverse)
    std::stable_sort(expect.begin(), expect.end(),
                     [](auto& a, auto& b) { return a.first > b.first; });
  else
    std::stable_sort(expect.begin(), expect.end(),
                     [](auto& a, auto& b) { return a.first < b.first; });
  ASSERT_EQ(read_records(l.get()), expect);
}

TEST(ListSort, StableWithKey) {
  std::vector<int64_t> keys = {3, 1, 2, 3, 1, 2, 3, 1, 2, 0, 0, 5, 3};
  check_stable_sort(keys, false);
}

TEST(ListSort, ReverseIsStable) {
  std::vector<int64_t> keys = {3, 1, 2, 3, 1, 2, 3, 1, 2, 0, 0, 5, 3};
  check_stable_sort(keys, true);
}

TEST(ListSort, LargeRandomAgainstStdStableSort) {
  std::mt19937_64 rng(12345);
  for (size_t n : {0, 1, 2, 31, 64, 65, 257, 1000, 5000, 40000}) {
    for (int shape = 0; shape < 5; shape++) {
      std::vector<int64_t> keys = make_keys(n, shape, rng);
      check_stable_sort(keys, false);
      check_stable_sort(keys, true);
    }
  }
}

TEST(ListSort, PlainIntsNoKey) {
  std::mt19937_64 rng(7);
  for (int shape = 0; shape < 5; shape++) {
    std::vector<int64_t> keys = make_keys(20000, shape, rng);
    Ref l = Ref::steal(list_new(0));
    for (int64_t k : keys) {
      Ref i = Ref::steal(int_from_i64(k));
      ASSERT_EQ(list_append(l.get(), i.get()), 0);
    }
    // A few big ints too.
    Ref big = Ref::steal(int_from_i64(INT64_MAX));
    ASSERT_EQ(list_append(l.get(), big.get()), 0);
    keys.push_back(INT64_MAX);
    ASSERT_EQ(list_sort(l.get(), nullptr, false), 0);
    std::sort(keys.begin(), keys.end());
    ASSERT_EQ(list_size(l.get()), ssize(keys.size()));
    for (size_t i = 0; i < keys.size(); i++) ASSERT_EQ(as_i64(list_get_borrowed(l.get(), ssize(i))), keys[i]);
  }
}

TEST(ListSort, ModifiedDuringSort) {
  Ref l = Ref::steal(list_new(0));
  for (int64_t i = 10; i > 0; i--) {
    Ref x = Ref::steal(int_from_i64(i));
    ASSERT_EQ(list_append(l.get(), x.get()), 0);
  }
  g_victim = l.get();
  Ref key = Ref::steal(cfunction_new(&mutating_key_def, nullptr, nullptr));
  EXPECT_EQ(list_sort(l.get(), key.get(), false), -1);
  EXPECT_TRUE(err_matches(&Exc_ValueError));
  err_clear();
  g_victim = nullptr;
  EXPECT_EQ(list_size(l.get()), 10);  // the appended items were discarded
}

TEST(ListSort, FailedComparisonKeepsAllItems) {
  Ref l = Ref::steal(list_new(0));
  std::vector<int64_t> vals;
  for (int64_t i = 0; i < 300; i++) vals.push_back((i * 37) % 101);
  for (int64_t v : vals) {
    Ref x = Ref::steal(int_from_i64(v));
    ASSERT_EQ(list_append(l.get(), x.get()), 0);
  }
  Ref key = Ref::steal(cfunction_new(&mixed_key_def, nullptr, nullptr));
  EXPECT_EQ(list_sort(l.get(), key.get(), false), -1);
  EXPECT_TRUE(err_matches(&Exc_TypeError));
  err_clear();
  std::vector<int64_t> got;
  for (ssize i = 0; i < list_size(l.get()); i++) got.push_back(as_i64(list_get_borrowed(l.get(), i)));
  std::sort(got.begin(), got.end());
  std::sort(vals.begin(), vals.end());
  EXPECT_EQ(got, vals);
}

TEST(List, GrowthAndSlices) {
  Ref l = Ref::steal(list_new(0));
  for (int64_t i = 0; i < 1000; i++) {
    Ref x = Ref::steal(int_from_i64(i));
    ASSERT_EQ(list_append(l.get(), x.get()), 0);
  }
  EXPECT_EQ(list_size(l.get()), 1000);
  Ref s = Ref::steal(list_get_slice(l.get(), 10, 20));
  ASSERT_EQ(list_size(s.get()), 10);
  EXPECT_EQ(as_i64(list_get_borrowed(s.get(), 0)), 10);
  Ref x = Ref::steal(int_from_i64(-1));
  ASSERT_EQ(list_insert(l.get(), -5000, x.get()), 0);
  EXPECT_EQ(as_i64(list_get_borrowed(l.get(), 0)), -1);
  list_reverse(l.get());
  EXPECT_EQ(as_i64(list_get_borrowed(l.get(), 0)), 999);
  Ref t = Ref::steal(list_as_tuple(l.get()));
  ASSERT_EQ(tuple_size(t.get()), 1001);
  // l[::2] = l[1::2] is rejected when sizes differ, accepted when equal.
  Ref sl = Ref::steal(slice_new(nullptr, nullptr, Ref::steal(int_from_i64(2)).get()));
  Ref half = Ref::steal(list_get_slice(l.get(), 0, 500));
  EXPECT_EQ(object_setitem(l.get(), sl.get(), half.get()), -1);
  EXPECT_TRUE(err_matches(&Exc_ValueError));
  err_clear();
  Ref half2 = Ref::steal(list_get_slice(l.get(), 0, 501));
  EXPECT_EQ(object_setitem(l.get(), sl.get(), half2.get()), 0);
  EXPECT_EQ(object_delitem(l.get(), sl.get()), 0);
  EXPECT_EQ(list_size(l.get()), 500);
}

TEST(Tuple, HashMatchesCPython) {
  // hash((1, 2)) and hash((1, 2, 3)) in CPython 3.12 (64-bit).
  Ref one = Ref::steal(int_from_i64(1)), two = Ref::steal(int_from_i64(2)),
      three = Ref::steal(int_from_i64(3));
  Ref t12 = Ref::steal(tuple_pack(2, one.get(), two.get()));
  Ref t123 = Ref::steal(tuple_pack(3, one.get(), two.get(), three.get()));
  EXPECT_EQ(object_hash(t12.get()), -3550055125485641917LL);
  EXPECT_EQ(object_hash(t123.get()), 529344067295497451LL);
  Ref e = Ref::steal(tuple_empty());
  EXPECT_EQ(object_hash(e.get()), 5740354900026072187LL);
}

}  // namespace

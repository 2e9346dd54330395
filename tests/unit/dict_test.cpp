// Unit tests for dict (objects/dictobject.cpp): insertion order, deletion and reinsertion,
// resizing with many keys, equal-but-not-identical keys, hash collisions (ints differing by
// 2**61-1 hash equal), dict_next, popitem order, copy/merge, KeyError.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/abstract.h"
#include "core/error.h"
#include "objects/containers.h"
#include "objects/floatobject.h"
#include "objects/intobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"
#include "vm/run.h"

using namespace gilpy;

namespace {

class RuntimeEnv : public ::testing::Environment {
 public:
  void SetUp() override { ASSERT_TRUE(runtime_initialize(RuntimeConfig{})); }
};
const auto* const g_env = ::testing::AddGlobalTestEnvironment(new RuntimeEnv);

constexpr int64_t M = (int64_t(1) << 61) - 1;

int64_t as_i64(Object* o) {
  bool overflow = false;
  int64_t v = int_as_i64(o, &overflow);
  EXPECT_FALSE(overflow);
  return v;
}

void set_int(Object* d, int64_t k, int64_t v) {
  Ref key = Ref::steal(int_from_i64(k));
  Ref val = Ref::steal(int_from_i64(v));
  ASSERT_EQ(dict_setitem(d, key.get(), val.get()), 0);
}

std::vector<int64_t> int_keys(Object* d) {
  std::vector<int64_t> out;
  ssize pos = 0;
  Object *k, *v;
  while (dict_next(d, &pos, &k, &v)) out.push_back(as_i64(k));
  return out;
}

TEST(Dict, InsertionOrderStrKeys) {
  Ref d = Ref::steal(dict_new());
  std::vector<std::string> names = {"zeta", "alpha", "mu", "beta", "omega", "pi", "a", "b"};
  for (size_t i = 0; i < names.size(); i++) {
    Ref v = Ref::steal(int_from_i64(int64_t(i)));
    ASSERT_EQ(dict_setitem_str(d.get(), names[i].c_str(), v.get()), 0);
  }
  ssize pos = 0;
  Object *k, *v;
  size_t i = 0;
  while (dict_next(d.get(), &pos, &k, &v)) {
    ASSERT_LT(i, names.size());
    EXPECT_EQ(std::string(str_view(k)), names[i]);
    EXPECT_EQ(as_i64(v), int64_t(i));
    i++;
  }
  EXPECT_EQ(i, names.size());
  // Overwriting keeps the position.
  Ref nv = Ref::steal(int_from_i64(99));
  ASSERT_EQ(dict_setitem_str(d.get(), "alpha", nv.get()), 0);
  pos = 0;
  ASSERT_TRUE(dict_next(d.get(), &pos, &k, &v));
  ASSERT_TRUE(dict_next(d.get(), &pos, &k, &v));
  EXPECT_EQ(std::string(str_view(k)), "alpha");
  EXPECT_EQ(as_i64(v), 99);
}

TEST(Dict, DeleteAndReinsert) {
  Ref d = Ref::steal(dict_new());
  for (int64_t i = 0; i < 10; i++) set_int(d.get(), i, i * 10);
  Ref k3 = Ref::steal(int_from_i64(3));
  Ref k5 = Ref::steal(int_from_i64(5));
  ASSERT_EQ(dict_delitem(d.get(), k3.get()), 0);
  ASSERT_EQ(dict_delitem(d.get(), k5.get()), 0);
  EXPECT_EQ(dict_size(d.get()), 8);
  EXPECT_EQ(dict_contains(d.get(), k3.get()), 0);
  set_int(d.get(), 3, 33);
  std::vector<int64_t> expect = {0, 1, 2, 4, 6, 7, 8, 9, 3};
  EXPECT_EQ(int_keys(d.get()), expect);
  // Deleting a missing key raises KeyError(key).
  EXPECT_EQ(dict_delitem(d.get(), k5.get()), -1);
  EXPECT_TRUE(err_matches(&Exc_KeyError));
  err_clear();
}

TEST(Dict, ManyKeysResize) {
  Ref d = Ref::steal(dict_new());
  const int64_t n = 100000;
  for (int64_t i = 0; i < n; i++) set_int(d.get(), i * 7919 % 1000003, i);
  EXPECT_EQ(dict_size(d.get()), n);
  for (int64_t i = 0; i < n; i += 997) {
    Ref key = Ref::steal(int_from_i64(i * 7919 % 1000003));
    Object* v = dict_get_borrowed(d.get(), key.get());
    ASSERT_NE(v, nullptr);
    EXPECT_EQ(as_i64(v), i);
  }
  // Order is insertion order even after many resizes.
  std::vector<int64_t> keys = int_keys(d.get());
  ASSERT_EQ(int64_t(keys.size()), n);
  for (int64_t i = 0; i < n; i += 1237) EXPECT_EQ(keys[size_t(i)], i * 7919 % 1000003);
  // Delete most, then iterate.
  for (int64_t i = 0; i < n; i++) {
    if (i % 10 == 0) continue;
    Ref key = Ref::steal(int_from_i64(i * 7919 % 1000003));
    ASSERT_EQ(dict_delitem(d.get(), key.get()), 0);
  }
  EXPECT_EQ(dict_size(d.get()), n / 10);
  keys = int_keys(d.get());
  ASSERT_EQ(int64_t(keys.size()), n / 10);
  EXPECT_EQ(keys[1], 10 * 7919 % 1000003);
  for (int64_t i = 0; i < 1000; i++) set_int(d.get(), -i - 1, i);
  EXPECT_EQ(dict_size(d.get()), n / 10 + 1000);
}

TEST(Dict, EqualButNotIdenticalKeys) {
  Ref d = Ref::steal(dict_new());
  // Two distinct str objects with the same text.
  Ref s1 = Ref::steal(str_from_cstr("not interned key text"));
  Ref s2 = Ref::steal(str_from_cstr("not interned key text"));
  ASSERT_NE(s1.get(), s2.get());
  Ref one = Ref::steal(int_from_i64(1));
  Ref two = Ref::steal(int_from_i64(2));
  ASSERT_EQ(dict_setitem(d.get(), s1.get(), one.get()), 0);
  ASSERT_EQ(dict_setitem(d.get(), s2.get(), two.get()), 0);
  EXPECT_EQ(dict_size(d.get()), 1);
  ssize pos = 0;
  Object *k, *v;
  ASSERT_TRUE(dict_next(d.get(), &pos, &k, &v));
  EXPECT_EQ(k, s1.get());  // the first key object is kept
  EXPECT_EQ(v, two.get());
  // 1, 1.0 and True are the same key.
  Ref d2 = Ref::steal(dict_new());
  Ref f = Ref::steal(float_from_double(1.0));
  ASSERT_EQ(dict_setitem(d2.get(), one.get(), one.get()), 0);
  ASSERT_EQ(dict_setitem(d2.get(), f.get(), two.get()), 0);
  ASSERT_EQ(dict_setitem(d2.get(), True, two.get()), 0);
  EXPECT_EQ(dict_size(d2.get()), 1);
  EXPECT_EQ(dict_get_borrowed(d2.get(), True), two.get());
  // Big ints built separately.
  Ref b1 = Ref::steal(int_from_i64(int64_t(1) << 62));
  Ref b2 = Ref::steal(int_from_i64(int64_t(1) << 62));
  ASSERT_EQ(dict_setitem(d2.get(), b1.get(), one.get()), 0);
  EXPECT_EQ(dict_get_borrowed(d2.get(), b2.get()), one.get());
}

TEST(Dict, HashCollisions) {
  Ref d = Ref::steal(dict_new());
  std::vector<int64_t> keys;
  // Ints of the same sign differing by a multiple of 2**61-1 have equal hashes.
  for (int64_t base : {5, 6, 13, -5}) {
    for (int64_t j = 0; j <= 3; j++) keys.push_back(base < 0 ? base - j * M : base + j * M);
  }
  for (size_t i = 0; i < keys.size(); i++) {
    Ref k = Ref::steal(int_from_i64(keys[i]));
    if (i > 0) {
      Ref k0 = Ref::steal(int_from_i64(keys[i / 4 * 4]));
      EXPECT_EQ(object_hash(k.get()), object_hash(k0.get()));
    }
    set_int(d.get(), keys[i], int64_t(i));
  }
  EXPECT_EQ(dict_size(d.get()), ssize(keys.size()));
  EXPECT_EQ(int_keys(d.get()), keys);
  // Delete from the middle of the chains; the others must stay reachable.
  for (size_t i = 1; i < keys.size(); i += 3) {
    Ref k = Ref::steal(int_from_i64(keys[i]));
    ASSERT_EQ(dict_delitem(d.get(), k.get()), 0);
  }
  for (size_t i = 0; i < keys.size(); i++) {
    Ref k = Ref::steal(int_from_i64(keys[i]));
    Object* v = dict_get_borrowed(d.get(), k.get());
    if (i % 3 == 1) {
      EXPECT_EQ(v, nullptr);
      EXPECT_FALSE(err_occurred());
    } else {
      ASSERT_NE(v, nullptr);
      EXPECT_EQ(as_i64(v), int64_t(i));
    }
  }
}

TEST(Dict, NextAndPopitemOrder) {
  Ref d = Ref::steal(dict_new());
  for (int64_t i = 0; i < 6; i++) set_int(d.get(), 100 - i, i);
  ssize pos = 0;
  Object *k, *v;
  int count = 0;
  while (dict_next(d.get(), &pos, &k, &v)) {
    EXPECT_EQ(as_i64(k), 100 - count);
    EXPECT_EQ(as_i64(v), count);
    count++;
  }
  EXPECT_EQ(count, 6);
  EXPECT_FALSE(dict_next(d.get(), &pos, &k, &v));
  // popitem is LIFO.
  for (int64_t i = 5; i >= 0; i--) {
    Ref item = Ref::steal(call_method0(d.get(), "popitem"));
    ASSERT_TRUE(item);
    ASSERT_TRUE(tuple_check(item.get()));
    EXPECT_EQ(as_i64(tuple_get_borrowed(item.get(), 0)), 100 - i);
    EXPECT_EQ(as_i64(tuple_get_borrowed(item.get(), 1)), i);
  }
  Ref none = Ref::steal(call_method0(d.get(), "popitem"));
  EXPECT_FALSE(none);
  EXPECT_TRUE(err_matches(&Exc_KeyError));
  err_clear();
  // A dict emptied by popitem is reusable.
  set_int(d.get(), 1, 2);
  EXPECT_EQ(int_keys(d.get()), std::vector<int64_t>{1});
}

TEST(Dict, CopyMergePop) {
  Ref d = Ref::steal(dict_new());
  for (int64_t i = 0; i < 20; i++) set_int(d.get(), i, i);
  Ref k = Ref::steal(int_from_i64(4));
  ASSERT_EQ(dict_delitem(d.get(), k.get()), 0);
  Ref c = Ref::steal(dict_copy(d.get()));
  ASSERT_TRUE(c);
  EXPECT_EQ(int_keys(c.get()), int_keys(d.get()));
  Ref other = Ref::steal(dict_new());
  set_int(other.get(), 4, 40);
  set_int(other.get(), 0, 1000);
  ASSERT_EQ(dict_merge(c.get(), other.get(), false), 0);
  Ref k0 = Ref::steal(int_from_i64(0));
  EXPECT_EQ(as_i64(dict_get_borrowed(c.get(), k0.get())), 0);
  EXPECT_EQ(as_i64(dict_get_borrowed(c.get(), k.get())), 40);
  ASSERT_EQ(dict_merge(c.get(), other.get(), true), 0);
  EXPECT_EQ(as_i64(dict_get_borrowed(c.get(), k0.get())), 1000);
  Ref popped = Ref::steal(dict_pop(c.get(), k.get(), nullptr));
  ASSERT_TRUE(popped);
  EXPECT_EQ(as_i64(popped.get()), 40);
  Ref dflt = Ref::steal(dict_pop(c.get(), k.get(), gilpy::None));
  EXPECT_EQ(dflt.get(), gilpy::None);
  Ref missing = Ref::steal(dict_pop(c.get(), k.get(), nullptr));
  EXPECT_FALSE(missing);
  EXPECT_TRUE(err_matches(&Exc_KeyError));
  err_clear();
  EXPECT_EQ(object_richcompare_bool(d.get(), d.get(), CMP_EQ), 1);
  dict_clear(c.get());
  EXPECT_EQ(dict_size(c.get()), 0);
}

TEST(Dict, UnhashableKey) {
  Ref d = Ref::steal(dict_new());
  Ref l = Ref::steal(list_new(0));
  EXPECT_EQ(dict_setitem(d.get(), l.get(), l.get()), -1);
  EXPECT_TRUE(err_matches(&Exc_TypeError));
  err_clear();
}

}  // namespace

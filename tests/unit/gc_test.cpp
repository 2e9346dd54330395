// Unit tests for the cycle collector (core/gc.cpp) and weak references (objects/weakrefobject.cpp):
// cycles of lists and dicts are collected with CPython's counts, reachable cycles survive,
// generation counts, finalizers run once (PEP 442), resurrection, weakref callbacks during a
// collection and on deallocation.
#include <gtest/gtest.h>

#include <string>

#include "core/abstract.h"
#include "core/error.h"
#include "core/gc.h"
#include "objects/cellobject.h"
#include "objects/containers.h"
#include "objects/intobject.h"
#include "objects/moduleobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"
#include "objects/weakrefobject.h"
#include "vm/run.h"
#include "vm/state.h"

using namespace gilpy;

namespace {

class RuntimeEnv : public ::testing::Environment {
 public:
  void SetUp() override { ASSERT_TRUE(runtime_initialize(RuntimeConfig{})); }
};
const auto* const g_env = ::testing::AddGlobalTestEnvironment(new RuntimeEnv);

// Run Python source with exec() in a fresh namespace; returns the namespace.
Ref run(const char* src) {
  Ref globals = Ref::steal(dict_new());
  Object* exec = dict_get_str_borrowed(main_interpreter()->builtins, "exec");
  EXPECT_NE(exec, nullptr);
  if (!exec) return Ref();
  dict_setitem_str(globals.get(), "__builtins__", main_interpreter()->builtins);
  dict_setitem_str(globals.get(), "__name__", Ref::steal(str_from_cstr("gc_test")).get());
  Ref code = Ref::steal(str_from_cstr(src));
  Object* r = call2(exec, code.get(), globals.get());
  if (!r) {
    err_print();
    ADD_FAILURE() << "exec failed: " << src;
    return Ref();
  }
  decref(r);
  return globals;
}

int64_t get_int(Object* ns, const char* name) {
  Object* v = dict_get_str_borrowed(ns, name);
  EXPECT_NE(v, nullptr) << name;
  if (!v) return -999;
  bool overflow = false;
  return int_as_i64(v, &overflow);
}

class GcTest : public ::testing::Test {
 protected:
  void SetUp() override { gc_collect(2); }
};

TEST_F(GcTest, ListCycleIsCollected) {
  Ref a = Ref::steal(list_new(0));
  Ref b = Ref::steal(list_new(0));
  ASSERT_EQ(list_append(a.get(), b.get()), 0);
  ASSERT_EQ(list_append(b.get(), a.get()), 0);
  ssize live = gc_live_count();
  a.reset();
  b.reset();
  EXPECT_EQ(gc_live_count(), live);  // still alive: only the collector can free them
  EXPECT_EQ(gc_collect(2), 2);
  EXPECT_EQ(gc_live_count(), live - 2);
}

TEST_F(GcTest, DictSelfCycleIsCollected) {
  Ref d = Ref::steal(dict_new());
  ASSERT_EQ(dict_setitem_str(d.get(), "self", d.get()), 0);
  d.reset();
  EXPECT_EQ(gc_collect(0), 1);
}

TEST_F(GcTest, ReachableCycleSurvives) {
  Ref a = Ref::steal(list_new(0));
  Ref b = Ref::steal(list_new(0));
  list_append(a.get(), b.get());
  list_append(b.get(), a.get());
  b.reset();  // a still held from outside: both reachable
  EXPECT_EQ(gc_collect(2), 0);
  EXPECT_EQ(list_size(a.get()), 1);
  EXPECT_EQ(list_size(list_get_borrowed(a.get(), 0)), 1);
  EXPECT_TRUE(gc_is_tracked(a.get()));
  a.reset();  // now garbage
  EXPECT_EQ(gc_collect(2), 2);
}

TEST_F(GcTest, NonGcObjectsAreNotTracked) {
  Ref i = Ref::steal(int_from_i64(123456789));
  Ref s = Ref::steal(str_from_cstr("abc"));
  EXPECT_FALSE(gc_is_tracked(i.get()));
  EXPECT_FALSE(gc_is_tracked(s.get()));
  EXPECT_FALSE(gc_is_tracked(as_object(&ListType)));  // static type: no header
  Ref l = Ref::steal(list_new(0));
  EXPECT_TRUE(gc_is_tracked(l.get()));
}

TEST_F(GcTest, CountsFollowAllocationsAndCollections) {
  int c[3];
  gc_collect(0);
  gc_get_counts(c);
  int before = c[0];
  int gen1 = c[1];
  {
    // Cells: GC objects without a freelist (a freed list or dict is parked in a freelist and, as
    // in CPython, does not count as a deallocation).
    Ref l1 = Ref::steal(cell_new(None));
    Ref l2 = Ref::steal(cell_new(None));
    Ref l3 = Ref::steal(cell_new(None));
    gc_get_counts(c);
    EXPECT_EQ(c[0], before + 3);
  }
  gc_get_counts(c);
  EXPECT_EQ(c[0], before);  // deallocations count down
  gc_collect(0);
  gc_get_counts(c);
  EXPECT_EQ(c[0], 0);
  EXPECT_EQ(c[1], gen1 + 1);
  int t[3];
  gc_get_thresholds(t);
  EXPECT_EQ(t[0], 700);
  EXPECT_EQ(t[1], 10);
  EXPECT_EQ(t[2], 10);
}

TEST_F(GcTest, InstanceCycleWithSlotsIsCollected) {
  Ref ns = run(
      "import gc\n"
      "class A:\n"
      "    __slots__ = ('other',)\n"
      "a = A(); b = A(); a.other = b; b.other = a\n"
      "del a, b\n"
      "n = gc.collect()\n");
  ASSERT_TRUE(ns);
  EXPECT_EQ(get_int(ns.get(), "n"), 2);
}

TEST_F(GcTest, FinalizerRunsOnceAndResurrectionIsHandled) {
  Ref ns = run(
      "import gc\n"
      "calls = 0\n"
      "saved = []\n"
      "class D:\n"
      "    def __del__(self):\n"
      "        global calls\n"
      "        calls += 1\n"
      "        saved.append(self)\n"
      "d = D(); d.me = d\n"
      "del d\n"
      "n1 = gc.collect()\n"      // finalizer resurrects: nothing freed
      "c1 = calls\n"
      "fin = int(gc.is_finalized(saved[0]))\n"
      "del saved[:]\n"
      "n2 = gc.collect()\n"      // collected now, __del__ not called again
      "c2 = calls\n");
  ASSERT_TRUE(ns);
  EXPECT_EQ(get_int(ns.get(), "n1"), 0);
  EXPECT_EQ(get_int(ns.get(), "c1"), 1);
  EXPECT_EQ(get_int(ns.get(), "fin"), 1);
  EXPECT_GT(get_int(ns.get(), "n2"), 0);
  EXPECT_EQ(get_int(ns.get(), "c2"), 1);
}

TEST_F(GcTest, WeakrefCallbackDuringCollection) {
  Ref ns = run(
      "import gc, _weakref\n"
      "log = []\n"
      "class N:\n"
      "    __slots__ = ('next', '__weakref__')\n"
      "a = N(); b = N(); a.next = b; b.next = a\n"
      "r = _weakref.ref(a, lambda wr: log.append(wr() is None))\n"
      "del a, b\n"
      "n = gc.collect()\n"
      "dead = int(r() is None)\n"
      "ncb = len(log)\n"
      "ok = int(log == [True])\n");
  ASSERT_TRUE(ns);
  EXPECT_EQ(get_int(ns.get(), "n"), 2);
  EXPECT_EQ(get_int(ns.get(), "dead"), 1);
  EXPECT_EQ(get_int(ns.get(), "ncb"), 1);
  EXPECT_EQ(get_int(ns.get(), "ok"), 1);
}

TEST_F(GcTest, WeakrefToFunctionClearedOnDealloc) {
  Ref ns = run(
      "import _weakref\n"
      "def f(): pass\n"
      "r = _weakref.ref(f)\n"
      "r2 = _weakref.ref(f)\n"
      "same = int(r is r2)\n"
      "alive = int(r() is f)\n"
      "count = _weakref.getweakrefcount(f)\n");
  ASSERT_TRUE(ns);
  EXPECT_EQ(get_int(ns.get(), "same"), 1);
  EXPECT_EQ(get_int(ns.get(), "alive"), 1);
  EXPECT_EQ(get_int(ns.get(), "count"), 1);
}

TEST_F(GcTest, WeakrefClearAllCallsCallbacks) {
  // Direct use of the C++ API on a function object (functions support weakrefs).
  Ref ns = run("def f(): pass\nhits = []\ndef cb(r): hits.append(r() is None)\n");
  ASSERT_TRUE(ns);
  Object* f = dict_get_str_borrowed(ns.get(), "f");
  Object* cb = dict_get_str_borrowed(ns.get(), "cb");
  Ref r = Ref::steal(weakref_new_ref(f, cb));
  ASSERT_TRUE(r);
  EXPECT_EQ(weakref_count(f), 1);
  weakref_clear_all(f);
  EXPECT_EQ(weakref_get_object_borrowed(r.get()), nullptr);
  EXPECT_EQ(weakref_count(f), 0);
  EXPECT_EQ(list_size(dict_get_str_borrowed(ns.get(), "hits")), 1);
}

TEST_F(GcTest, CannotWeakrefInt) {
  Ref i = Ref::steal(int_from_i64(5));
  EXPECT_EQ(weakref_new_ref(i.get(), nullptr), nullptr);
  ASSERT_TRUE(err_occurred());
  std::string msg;
  Ref exc = Ref::steal(err_fetch());
  ASSERT_TRUE(str_utf8(exc.get(), msg));
  EXPECT_EQ(msg, "cannot create weak reference to 'int' object");
}

TEST_F(GcTest, ProxyForwardsAndDies) {
  Ref ns = run(
      "import gc, _weakref\n"
      "class P:\n"
      "    __slots__ = ('x', 'me', '__weakref__')\n"
      "o = P(); o.x = 41; o.me = o\n"
      "p = _weakref.proxy(o)\n"
      "v = p.x + 1\n"
      "del o\n"
      "gc.collect()\n"
      "try:\n"
      "    p.x\n"
      "    err = 0\n"
      "except ReferenceError as e:\n"
      "    err = int(str(e) == 'weakly-referenced object no longer exists')\n");
  ASSERT_TRUE(ns);
  EXPECT_EQ(get_int(ns.get(), "v"), 42);
  EXPECT_EQ(get_int(ns.get(), "err"), 1);
}

TEST_F(GcTest, DisabledCollectorStillCollectsExplicitly) {
  gc_set_enabled(false);
  Ref a = Ref::steal(list_new(0));
  list_append(a.get(), a.get());
  a.reset();
  EXPECT_EQ(gc_collect(2), 1);
  gc_set_enabled(true);
  EXPECT_TRUE(gc_is_enabled());
}

TEST_F(GcTest, AutomaticCollectionReclaimsCycles) {
  ssize live = gc_live_count();
  for (int i = 0; i < 5000; ++i) {
    Ref a = Ref::steal(list_new(0));
    list_append(a.get(), a.get());
  }
  // Without automatic collections 5000 self-cycles would still be alive.
  EXPECT_LT(gc_live_count() - live, 1500);
  gc_collect(2);
  EXPECT_LE(gc_live_count(), live);
}

}  // namespace

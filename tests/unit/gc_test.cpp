// Unit tests for the cycle collector (core/gc.cpp) and weak references (objects/weakrefobject.cpp):
// cycles of lists and dicts are collected with CPython's counts, reachable cycles survive,
// generation counts, finalizers run once (PEP 442), resurrection, weakref callbacks during a
// collection and on deallocation.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/abstract.h"
#include "core/error.h"
#include "core/gc.h"
#include "core/descr.h"
#include "objects/cellobject.h"
#include "objects/containers.h"
#include "objects/intobject.h"
#include "objects/moduleobject.h"
#include "objects/singletons.h"
#include "objects/exceptions.h"
#include "objects/genobject.h"
#include "objects/strobject.h"
#include "objects/weakrefobject.h"
#include "vm/frame.h"
#include "vm/traceback.h"
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

// ---- classes, descriptors, exceptions, frames, generators ------------------------------------------

TEST_F(GcTest, DescriptorAndFrameTypesAreTraversable) {
  TypeObject* types[] = {&MethodDescrType,  &ClassMethodDescrType, &MemberDescrType,
                         &GetSetDescrType,  &WrapperDescrType,     &MethodWrapperType,
                         &CFunctionType,    &ClassMethodType,      &StaticMethodType,
                         &PropertyType,     &SuperType,            &MappingProxyType,
                         &FrameType,        &TracebackType,        &GenType,
                         &Exc_BaseException, &Exc_OSError,         &Exc_FileNotFoundError,
                         &Exc_ExceptionGroup, &Exc_UnicodeDecodeError, &Exc_StopIteration};
  for (TypeObject* t : types) {
    EXPECT_TRUE(t->flags & TPFLAG_HAVE_GC) << t->name;
    EXPECT_NE(t->traverse, nullptr) << t->name;
  }
  // The ones that can be the mutable link of a cycle also clear.
  TypeObject* clearing[] = {&ClassMethodType, &StaticMethodType, &PropertyType, &FrameType,
                            &TracebackType, &Exc_BaseException, &Exc_KeyError, &Exc_OSError};
  for (TypeObject* t : clearing) EXPECT_NE(t->clear, nullptr) << t->name;
}

TEST_F(GcTest, EmptyClassIsCollectedWithCPythonsCount) {
  Ref ns = run("class C: pass\n");
  ASSERT_TRUE(ns);
  Object* c = dict_get_str_borrowed(ns.get(), "C");
  ASSERT_NE(c, nullptr);
  Ref r = Ref::steal(weakref_new_ref(c, nullptr));
  ASSERT_TRUE(r);
  ASSERT_EQ(dict_delitem(ns.get(), Ref::steal(str_from_cstr("C")).get()), 0);
  EXPECT_NE(weakref_get_object_borrowed(r.get()), nullptr);  // kept alive by its own cycles
  // The type, its dict, mro and bases tuples, the __dict__ and __weakref__ descriptors.
  EXPECT_EQ(gc_collect(2), 6);
  EXPECT_EQ(weakref_get_object_borrowed(r.get()), nullptr);
}

TEST_F(GcTest, ClassWithMethodsPropertiesAndSuperIsCollected) {
  Ref ns = run(
      "import gc, _weakref\n"
      "class B:\n"
      "    def f(self): return 1\n"
      "class C(B):\n"
      "    def f(self): return super().f() + 1\n"
      "    @property\n"
      "    def p(self): return self.f()\n"
      "    @classmethod\n"
      "    def k(cls): return cls\n"
      "    @staticmethod\n"
      "    def s(): return C\n"
      "v = C().p\n"
      "r = _weakref.ref(C)\n"
      "rb = _weakref.ref(B)\n"
      "del B, C\n"
      "n = gc.collect()\n"
      "dead = int(r() is None and rb() is None)\n");
  ASSERT_TRUE(ns);
  EXPECT_EQ(get_int(ns.get(), "v"), 2);
  EXPECT_GT(get_int(ns.get(), "n"), 0);
  EXPECT_EQ(get_int(ns.get(), "dead"), 1);
}

TEST_F(GcTest, ClassWeakrefCallbackRunsWhenTheClassDies) {
  Ref ns = run(
      "import gc, _weakref\n"
      "log = []\n"
      "class K: pass\n"
      "r = _weakref.ref(K, lambda wr: log.append(wr() is None))\n"
      "del K\n"
      "gc.collect()\n"
      "ok = int(log == [True])\n");
  ASSERT_TRUE(ns);
  EXPECT_EQ(get_int(ns.get(), "ok"), 1);
}

TEST_F(GcTest, ExceptionTracebackFrameCycleIsCollected) {
  // The classic `except Exception as e: self.e = e`: instance -> exception -> traceback -> frame
  // (taken over by its frame object) -> local `self` -> instance.
  Ref ns = run(
      "import gc, _weakref\n"
      "class A:\n"
      "    __slots__ = ('e', '__weakref__')\n"
      "    def __init__(self):\n"
      "        try:\n"
      "            1 / 0\n"
      "        except Exception as e:\n"
      "            self.e = e\n"
      "a = A()\n"
      "r = _weakref.ref(a)\n"
      "del a\n"
      "alive = int(r() is not None)\n"
      "n = gc.collect()\n"
      "dead = int(r() is None)\n");
  ASSERT_TRUE(ns);
  EXPECT_EQ(get_int(ns.get(), "alive"), 1);
  EXPECT_EQ(get_int(ns.get(), "n"), 5);  // A, ZeroDivisionError, its args, traceback, frame
  EXPECT_EQ(get_int(ns.get(), "dead"), 1);
}

TEST_F(GcTest, ExceptionFieldsAreVisited) {
  // Cycles through __cause__/__context__, __notes__ and a subclass field (OSError.filename).
  Ref ns = run(
      "import gc\n"
      "e1 = ValueError('a'); e2 = KeyError('b')\n"
      "e1.__cause__ = e2; e2.__context__ = e1\n"
      "e3 = OSError(2, 'x', 'f'); e3.filename = [e3]\n"
      "e4 = TypeError('t'); e4.add_note('n'); e4.__notes__.append(e4)\n"
      "del e1, e2, e3, e4\n"
      "n = gc.collect()\n");
  ASSERT_TRUE(ns);
  // e1, e2 and their args; e3, its args, the list; e4, args, __dict__, __notes__.
  EXPECT_EQ(get_int(ns.get(), "n"), 11);
}

// Records what a traverse visits.
struct Visited {
  std::vector<Object*> objs;
  static int visit(Object* o, void* arg) {
    static_cast<Visited*>(arg)->objs.push_back(o);
    return 0;
  }
  bool has(Object* o) const {
    for (Object* v : objs) {
      if (v == o) return true;
    }
    return false;
  }
};

TEST_F(GcTest, SuspendedGeneratorVisitsLocalsAndStack) {
  Ref ns = run(
      "def g(items, marker):\n"
      "    for x in items:\n"
      "        yield x\n"
      "items = [1, 2, 3]\n"
      "marker = [0]\n"
      "it = g(items, marker)\n");
  ASSERT_TRUE(ns);
  Object* it = dict_get_str_borrowed(ns.get(), "it");
  Object* items = dict_get_str_borrowed(ns.get(), "items");
  Object* marker = dict_get_str_borrowed(ns.get(), "marker");
  ASSERT_TRUE(it && gen_check(it));
  {
    Visited v;  // not started: the bound arguments
    gc_traverse(it, Visited::visit, &v);
    EXPECT_TRUE(v.has(items));
    EXPECT_TRUE(v.has(marker));
  }
  Ref first = Ref::steal(iter_next(it));
  ASSERT_TRUE(first);
  {
    Visited v;  // suspended inside the for loop: the list iterator is on the stack
    gc_traverse(it, Visited::visit, &v);
    bool has_iter = false;
    for (Object* o : v.objs) has_iter = has_iter || std::string(type_of(o)->name) == "list_iterator";
    EXPECT_TRUE(has_iter);
    EXPECT_TRUE(v.has(marker));
  }
  Ref rest = Ref::steal(sequence_list(it));
  ASSERT_TRUE(rest);
  {
    Visited v;  // completed: the frame holds nothing any more
    gc_traverse(it, Visited::visit, &v);
    EXPECT_FALSE(v.has(marker));
    EXPECT_FALSE(v.has(items));
  }
}

TEST_F(GcTest, RunningGeneratorIsTraversedSafely) {
  // gc.get_referents(gen) from inside the generator traverses it while it executes (its saved
  // stack pointer is stale then); collections on nearly every allocation in nested generators.
  Ref ns = run(
      "import gc\n"
      "def g():\n"
      "    x = [1, 2]\n"
      "    for i in range(3):\n"
      "        yield (i, [len(gc.get_referents(me[0])) > 0, {i: [x]}])\n"
      "def outer(src):\n"
      "    for v in src:\n"
      "        yield [v, [v]]\n"
      "me = [None]\n"
      "old = gc.get_threshold()\n"
      "gc.set_threshold(1)\n"
      "keep = []\n"
      "total = 0\n"
      "for rep in range(30):\n"
      "    me[0] = gen = g()\n"
      "    for v in outer(gen):\n"
      "        keep.append(v)\n"
      "        total += v[0][0]\n"
      "gc.set_threshold(*old)\n"
      "del keep\n");
  ASSERT_TRUE(ns);
  EXPECT_EQ(get_int(ns.get(), "total"), 90);
}

TEST_F(GcTest, HeapTypeAndModuleDeallocClearWeakrefs) {
  Ref ns = run("hits = []\ndef cb(r): hits.append(r() is None)\n");
  ASSERT_TRUE(ns);
  Object* cb = dict_get_str_borrowed(ns.get(), "cb");
  Object* hits = dict_get_str_borrowed(ns.get(), "hits");
  {
    Ref m = Ref::steal(module_new("gc_test_mod"));
    ASSERT_TRUE(m);
    Ref r = Ref::steal(weakref_new_ref(m.get(), cb));
    ASSERT_TRUE(r);
    m.reset();  // no cycle: freed by reference counting, module_dealloc clears the weakref
    EXPECT_EQ(weakref_get_object_borrowed(r.get()), nullptr);
    EXPECT_EQ(list_size(hits), 1);
  }
  {
    Ref cls = Ref::steal(run("class T: pass\n").release());
    ASSERT_TRUE(cls);
    Object* t = dict_get_str_borrowed(cls.get(), "T");
    Ref r = Ref::steal(weakref_new_ref(t, cb));
    ASSERT_TRUE(r);
    cls.reset();
    gc_collect(2);  // a class is always in a cycle (its mro holds it)
    EXPECT_EQ(weakref_get_object_borrowed(r.get()), nullptr);
    EXPECT_EQ(list_size(hits), 2);
  }
}

TEST_F(GcTest, DelRunsBeforeWeakrefCallbacks) {
  Ref ns = run(
      "import _weakref\n"
      "log = []\n"
      "class A:\n"
      "    def __del__(self):\n"
      "        log.append('del:' + str(r() is self))\n"
      "a = A()\n"
      "r = _weakref.ref(a, lambda wr: log.append('cb:' + str(wr() is None)))\n"
      "del a\n"
      "ok = int(log == ['del:True', 'cb:True'])\n");
  ASSERT_TRUE(ns);
  EXPECT_EQ(get_int(ns.get(), "ok"), 1);
}

}  // namespace

// Unit tests of the eval loop from C++: argument binding errors of compiled functions (CPython's
// messages), the frame stack growing past one chunk and shrinking back, recursion limits,
// generators and exception unwinding.
#include <gtest/gtest.h>

#include <string>

#include "compiler/compile.h"
#include "core/abstract.h"
#include "core/error.h"
#include "objects/containers.h"
#include "objects/intobject.h"
#include "objects/strobject.h"
#include "vm/frame.h"
#include "vm/run.h"
#include "vm/state.h"

using namespace gilpy;

namespace {

class EvalTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    static bool done = false;
    if (!done) {
      RuntimeConfig config;
      config.argv = {"eval_test"};
      ASSERT_TRUE(runtime_initialize(config));
      done = true;
    }
  }

  // Run `src` in a fresh namespace; returns the namespace (or null, exception left set).
  Ref run(const std::string& src) {
    Ref globals = Ref::steal(dict_new());
    Ref fname = Ref::steal(str_from_cstr("<test>"));
    Ref code = Ref::steal(compile_source(src, fname.get(), CompileMode::Exec));
    if (!code) return Ref();
    Ref res = Ref::steal(eval_code(code.get(), globals.get(), globals.get()));
    if (!res) return Ref();
    return globals;
  }

  // The "Type: message" of the exception raised by running `src` ("" if none).
  std::string error_of(const std::string& src) {
    Ref g = run(src);
    if (g) return "";
    Object* exc = err_fetch();
    EXPECT_NE(exc, nullptr);
    if (!exc) return "";
    std::string msg;
    str_utf8(exc, msg);
    std::string out = std::string(type_name(type_of(exc))) + ": " + msg;
    decref(exc);
    err_clear();
    return out;
  }

  int64_t int_global(Object* g, const char* name) {
    Object* v = dict_get_str_borrowed(g, name);
    EXPECT_NE(v, nullptr);
    if (!v || !int_check(v)) return -999999;
    bool overflow = false;
    return int_as_i64(v, &overflow);
  }
};

TEST_F(EvalTest, MissingPositional) {
  EXPECT_EQ(error_of("def f(x): pass\nf()"),
            "TypeError: f() missing 1 required positional argument: 'x'");
  EXPECT_EQ(error_of("def f(a, b, c): pass\nf()"),
            "TypeError: f() missing 3 required positional arguments: 'a', 'b', and 'c'");
  EXPECT_EQ(error_of("def f(a, b, c=1): pass\nf()"),
            "TypeError: f() missing 2 required positional arguments: 'a' and 'b'");
}

TEST_F(EvalTest, TooManyPositional) {
  EXPECT_EQ(error_of("def f(a, b): pass\nf(1, 2, 3)"),
            "TypeError: f() takes 2 positional arguments but 3 were given");
  EXPECT_EQ(error_of("def f(a, b=2): pass\nf(1, 2, 3)"),
            "TypeError: f() takes from 1 to 2 positional arguments but 3 were given");
  EXPECT_EQ(error_of("def f(): pass\nf(1)"),
            "TypeError: f() takes 0 positional arguments but 1 was given");
  EXPECT_EQ(error_of("def f(a, *, k): pass\nf(1, 2, k=3)"),
            "TypeError: f() takes 1 positional argument but 2 positional arguments (and 1 "
            "keyword-only argument) were given");
}

TEST_F(EvalTest, KeywordErrors) {
  EXPECT_EQ(error_of("def f(x): pass\nf(z=1)"),
            "TypeError: f() got an unexpected keyword argument 'z'");
  EXPECT_EQ(error_of("def f(x): pass\nf(1, x=2)"),
            "TypeError: f() got multiple values for argument 'x'");
  EXPECT_EQ(error_of("def f(*, k): pass\nf()"),
            "TypeError: f() missing 1 required keyword-only argument: 'k'");
  EXPECT_EQ(error_of("def f(a, /): pass\nf(a=1)"),
            "TypeError: f() got some positional-only arguments passed as keyword arguments: 'a'");
  EXPECT_EQ(error_of("class C:\n def m(self, x): pass\nC().m()"),
            "TypeError: C.m() missing 1 required positional argument: 'x'");
}

TEST_F(EvalTest, BindingSucceeds) {
  Ref g = run(
      "def f(a, b=2, *args, c, d=4, **kw):\n"
      "    return a + b + len(args) * 100 + c + d + len(kw) * 1000\n"
      "r1 = f(1, c=3)\n"
      "r2 = f(1, 2, 3, 4, c=3, z=5)\n"
      "r3 = f(*[1, 2], **{'c': 3, 'd': 5})\n");
  ASSERT_TRUE(g) << "exception raised";
  EXPECT_EQ(int_global(g.get(), "r1"), 10);
  EXPECT_EQ(int_global(g.get(), "r2"), 1 + 2 + 200 + 3 + 4 + 1000);
  EXPECT_EQ(int_global(g.get(), "r3"), 11);
}

TEST_F(EvalTest, FrameStackGrowsPastOneChunk) {
  ThreadState* ts = tstate();
  // The first frame ever pushed allocates the base chunk, which then stays: warm up first so the
  // baseline is the base chunk whatever ran before this test in the process.
  ASSERT_TRUE(run("x = 1\n"));
  Object** top_before = ts->stack_top;
  void* chunk_before = ts->stack_chunk;
  int saved_limit = ts->interp->recursion_limit;
  ts->interp->recursion_limit = 100000;
  // Each frame holds ~40 slots; 20000 frames need more than GILPY_FRAME_STACK_SLOTS.
  Ref g = run(
      "def deep(n):\n"
      "    a0=a1=a2=a3=a4=a5=a6=a7=a8=a9=a10=a11=a12=a13=a14=a15=a16=a17=a18=a19=0\n"
      "    b0=b1=b2=b3=b4=b5=b6=b7=b8=b9=0\n"
      "    return 0 if n == 0 else 1 + deep(n - 1)\n"
      "r = deep(20000)\n");
  ts->interp->recursion_limit = saved_limit;
  ASSERT_TRUE(g) << "exception raised";
  EXPECT_EQ(int_global(g.get(), "r"), 20000);
  EXPECT_EQ(ts->stack_top, top_before);
  EXPECT_EQ(ts->stack_chunk, chunk_before);
  EXPECT_EQ(ts->frame, nullptr);
  EXPECT_EQ(ts->recursion_depth, 0);
}

TEST_F(EvalTest, RecursionLimit) {
  EXPECT_EQ(error_of("def f(n): return f(n + 1)\nf(0)"),
            "RecursionError: maximum recursion depth exceeded");
  EXPECT_EQ(tstate()->recursion_depth, 0);
  EXPECT_EQ(tstate()->frame, nullptr);
}

TEST_F(EvalTest, GeneratorsAndUnwinding) {
  Ref g = run(
      "def gen(n):\n"
      "    for i in range(n):\n"
      "        yield i\n"
      "    return 'done'\n"
      "s = sum(gen(10))\n"
      "def h():\n"
      "    try:\n"
      "        return 1\n"
      "    finally:\n"
      "        return 2\n"
      "t = h()\n"
      "def u():\n"
      "    try:\n"
      "        raise ValueError('x')\n"
      "    except ValueError as e:\n"
      "        return 3\n"
      "v = u()\n");
  ASSERT_TRUE(g) << "exception raised";
  EXPECT_EQ(int_global(g.get(), "s"), 45);
  EXPECT_EQ(int_global(g.get(), "t"), 2);
  EXPECT_EQ(int_global(g.get(), "v"), 3);
  EXPECT_EQ(error_of("def g():\n    yield 1\nx = g()\nx.send(5)"),
            "TypeError: can't send non-None value to a just-started generator");
  EXPECT_EQ(error_of("def g():\n    raise StopIteration\n    yield 1\nnext(g())"),
            "RuntimeError: generator raised StopIteration");
}

TEST_F(EvalTest, NameErrors) {
  EXPECT_EQ(error_of("print(undefined_name)"),
            "NameError: name 'undefined_name' is not defined");
  EXPECT_EQ(error_of("def f():\n    x\n    x = 1\nf()"),
            "UnboundLocalError: cannot access local variable 'x' where it is not associated "
            "with a value");
  EXPECT_EQ(error_of("a, b = [1, 2, 3]"), "ValueError: too many values to unpack (expected 2)");
  EXPECT_EQ(error_of("a, b, c = [1, 2]"),
            "ValueError: not enough values to unpack (expected 3, got 2)");
  EXPECT_EQ(error_of("a, b = 1"), "TypeError: cannot unpack non-iterable int object");
  EXPECT_EQ(error_of("raise"), "RuntimeError: No active exception to reraise");
}

}  // namespace

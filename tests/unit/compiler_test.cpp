// Unit tests for the compiler (src/compiler): symbol-table scopes, compile-time SyntaxErrors
// (messages and positions checked against CPython 3.12's compile()), constant folding, stack
// depth, LOAD_FAST vs LOAD_FAST_CHECK, RETURN_CONST, exception tables, qualnames and code flags.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "compiler/compile.h"
#include "compiler/symtable.h"
#include "core/abstract.h"
#include "core/error.h"
#include "objects/codeobject.h"
#include "objects/containers.h"
#include "objects/intobject.h"
#include "objects/strobject.h"
#include "parser/parser.h"
#include "vm/opcodes.h"
#include "vm/run.h"

using namespace gilpy;
using compiler::Scope;

namespace {

class RuntimeEnv : public ::testing::Environment {
 public:
  void SetUp() override { ASSERT_TRUE(runtime_initialize(RuntimeConfig{})); }
};
const auto* const g_env = ::testing::AddGlobalTestEnvironment(new RuntimeEnv);

// ---- helpers ------------------------------------------------------------------------------------
struct Symbols {
  parser::ParseResult pr;
  std::unique_ptr<compiler::SymTable> st;
  compiler::CompileErrorInfo err;
};

std::unique_ptr<Symbols> symbols(const char* src) {
  auto s = std::make_unique<Symbols>();
  s->pr = parser::parse(src, parser::Mode::Exec, "<test>");
  EXPECT_TRUE(s->pr.ok()) << src;
  if (!s->pr.ok()) return s;
  s->st = compiler::symtable_build(s->pr.mod, &s->err);
  return s;
}

// Depth-first search for the block named `name`.
compiler::SymTableEntry* block(compiler::SymTableEntry* e, const std::string& name) {
  if (e->name == name) return e;
  for (auto* c : e->children)
    if (auto* r = block(c, name)) return r;
  return nullptr;
}

Ref compile(const char* src, CompileMode mode = CompileMode::Exec) {
  Ref fname = Ref::steal(str_from_cstr("<string>"));
  return Ref::steal(compile_source(src, fname.get(), mode));
}

CodeObject* as_code(const Ref& r) { return static_cast<CodeObject*>(r.get()); }

// The first code object among `co`'s constants (a nested function / class body / comprehension).
CodeObject* nested(CodeObject* co, int which = 0) {
  for (ssize i = 0; i < tuple_size(co->consts); i++) {
    Object* c = tuple_get_borrowed(co->consts, i);
    if (code_check(c) && which-- == 0) return static_cast<CodeObject*>(c);
  }
  return nullptr;
}

int count_op(CodeObject* co, Opcode op) {
  int n = 0;
  for (int i = 0; i < co->ncode; i++)
    if (instr_op(co->code[i]) == op) n++;
  return n;
}

std::string str_of(Object* o) { return std::string(str_view(o)); }

int64_t int_attr(Object* o, const char* name) {
  Ref v = Ref::steal(object_getattr_str(o, name));
  if (!v || !int_check(v.get())) {
    err_clear();
    return -999;
  }
  bool ov = false;
  return int_as_i64(v.get(), &ov);
}

struct ExpectedError {
  const char* src;
  const char* msg;
  int lineno, offset, end_lineno, end_offset;
};

// ---- symbol tables ------------------------------------------------------------------------------
TEST(Symtable, LocalsCellsAndFrees) {
  auto s = symbols("def f(x):\n    y = 1\n    def g():\n        return x + z\n    return g\n");
  ASSERT_TRUE(s->st);
  auto* f = block(s->st->top, "f");
  auto* g = block(s->st->top, "g");
  ASSERT_TRUE(f && g);
  EXPECT_EQ(f->scope_of("x"), Scope::Cell);
  EXPECT_EQ(f->scope_of("y"), Scope::Local);
  EXPECT_EQ(g->scope_of("x"), Scope::Free);
  EXPECT_EQ(g->scope_of("z"), Scope::GlobalImplicit);
  EXPECT_EQ(s->st->top->scope_of("f"), Scope::Local);
  EXPECT_TRUE(g->nested);
  EXPECT_EQ(f->varnames, std::vector<std::string>{"x"});
}

TEST(Symtable, GlobalAndNonlocal) {
  auto s = symbols(
      "def f():\n    global a\n    a = 1\n    b = 2\n    def g():\n        nonlocal b\n        b = 3\n"
      "    return g\n");
  ASSERT_TRUE(s->st);
  auto* f = block(s->st->top, "f");
  auto* g = block(s->st->top, "g");
  EXPECT_EQ(f->scope_of("a"), Scope::GlobalExplicit);
  EXPECT_EQ(f->scope_of("b"), Scope::Cell);
  EXPECT_EQ(g->scope_of("b"), Scope::Free);
}

TEST(Symtable, ClassScopeAndSuper) {
  auto s = symbols(
      "class C:\n    x = 1\n    def m(self):\n        return super().m() + x\n"
      "    def n(self):\n        return 1\n");
  ASSERT_TRUE(s->st);
  auto* c = block(s->st->top, "C");
  auto* m = block(s->st->top, "m");
  auto* n = block(s->st->top, "n");
  EXPECT_TRUE(c->needs_class_closure);
  EXPECT_EQ(m->scope_of("__class__"), Scope::Free);
  // Class-level names are not visible in methods: x is a global there.
  EXPECT_EQ(m->scope_of("x"), Scope::GlobalImplicit);
  EXPECT_EQ(c->scope_of("x"), Scope::Local);
  EXPECT_EQ(n->scope_of("__class__"), Scope::None);
}

TEST(Symtable, ComprehensionsHaveTheirOwnScope) {
  auto s = symbols("def f(n):\n    return [i * n for i in range(n) if (last := i)]\n");
  ASSERT_TRUE(s->st);
  auto* f = block(s->st->top, "f");
  auto* lc = block(s->st->top, "listcomp");
  ASSERT_TRUE(lc);
  EXPECT_EQ(lc->comprehension, compiler::CompKind::List);
  EXPECT_EQ(lc->scope_of("i"), Scope::Local);
  EXPECT_EQ(lc->scope_of(".0"), Scope::Local);
  EXPECT_EQ(lc->scope_of("n"), Scope::Free);
  EXPECT_EQ(f->scope_of("n"), Scope::Cell);
  // The walrus target binds in the enclosing function.
  EXPECT_EQ(lc->scope_of("last"), Scope::Free);
  EXPECT_EQ(f->scope_of("last"), Scope::Cell);
  // `range` in the outermost iterator is evaluated in f.
  EXPECT_EQ(f->scope_of("range"), Scope::GlobalImplicit);
}

TEST(Symtable, Mangling) {
  EXPECT_EQ(compiler::symtable_mangle("Ham", "__spam"), "_Ham__spam");
  EXPECT_EQ(compiler::symtable_mangle("_Ham", "__spam"), "_Ham__spam");
  EXPECT_EQ(compiler::symtable_mangle("Ham", "__spam__"), "__spam__");
  EXPECT_EQ(compiler::symtable_mangle("Ham", "_spam"), "_spam");
  EXPECT_EQ(compiler::symtable_mangle("___", "__spam"), "__spam");
  EXPECT_EQ(compiler::symtable_mangle("", "__spam"), "__spam");
  auto s = symbols("class C:\n    __x = 1\n    def m(self):\n        return self.__x\n");
  ASSERT_TRUE(s->st);
  EXPECT_EQ(block(s->st->top, "C")->scope_of("_C__x"), Scope::Local);
}

// ---- compile-time errors (expectations from CPython 3.12's compile(src, '<string>', 'exec')) ----
TEST(CompileErrors, MessagesAndPositionsMatchCPython) {
  const ExpectedError cases[] = {
      {"def f():\n  nonlocal x\n", "no binding for nonlocal 'x' found", 2, 3, 2, 13},
      {"nonlocal x\n", "nonlocal declaration not allowed at module level", 1, 1, 1, 11},
      {"def f(a):\n  global a\n", "name 'a' is parameter and global", 2, 3, 2, 11},
      {"x=1\nglobal x\n", "name 'x' is assigned to before global declaration", 2, 1, 2, 9},
      {"def f():\n  x=1\n  nonlocal x\n", "name 'x' is assigned to before nonlocal declaration", 3,
       3, 3, 13},
      {"yield 1\n", "'yield' outside function", 1, 1, 1, 8},
      {"return 5\n", "'return' outside function", 1, 1, 1, 9},
      {"break\n", "'break' outside loop", 1, 1, 1, 6},
      {"continue\n", "'continue' not properly in loop", 1, 1, 1, 9},
      {"await x\n", "'await' outside function", 1, 1, 1, 8},
      {"class C:\n  [(y:=1) for i in range(3)]\n",
       "assignment expression within a comprehension cannot be used in a class body", 2, 5, 2, 6},
      {"[(i:=1) for i in range(3)]\n",
       "assignment expression cannot rebind comprehension iteration variable 'i'", 1, 3, 1, 4},
      {"def f():\n    x = 'e'; return 1\nreturn 2", "'return' outside function", 3, 1, 3, 9},
      {"a = '\xc3\xa9' + (yield)\n", "'yield' outside function", 1, 13, 1, 18},
      {"async def f():\n  yield from x\n", "'yield from' inside async function", 2, 3, 2, 15},
      {"for x in y:\n  def g():\n    continue\n", "'continue' not properly in loop", 3, 5, 3, 13},
      {"def f(x):\n  nonlocal x\n", "name 'x' is parameter and nonlocal", 2, 3, 2, 13},
      {"def f():\n  global x\n  nonlocal x\n", "name 'x' is nonlocal and global", 2, 3, 2, 11},
      {"def f():\n  print(x)\n  global x\n", "name 'x' is used prior to global declaration", 3, 3,
       3, 11},
      {"def f(a, a): pass\n", "duplicate argument 'a' in function definition", 1, 10, 1, 11},
      {"class A:\n  return 1\n", "'return' outside function", 2, 3, 2, 11},
      {"def f():\n  x: int\n  global x\n", "annotated name 'x' can't be global", 3, 3, 3, 11},
      {"def f():\n  from m import *\n", "import * only allowed at module level", 2, 17, 2, 18},
      {"class C:\n  yield 1\n", "'yield' outside function", 2, 3, 2, 10},
      {"def f():\n  [(yield) for x in y]\n", "'yield' inside list comprehension", 2, 5, 2, 10},
  };
  for (const auto& c : cases) {
    Ref code = compile(c.src);
    ASSERT_FALSE(code) << c.src;
    ASSERT_TRUE(err_matches(&Exc_SyntaxError)) << c.src;
    Ref exc = Ref::steal(err_fetch());
    Ref msg = Ref::steal(object_getattr_str(exc.get(), "msg"));
    ASSERT_TRUE(msg) << c.src;
    EXPECT_EQ(str_of(msg.get()), c.msg) << c.src;
    EXPECT_EQ(int_attr(exc.get(), "lineno"), c.lineno) << c.src;
    EXPECT_EQ(int_attr(exc.get(), "offset"), c.offset) << c.src;
    EXPECT_EQ(int_attr(exc.get(), "end_lineno"), c.end_lineno) << c.src;
    EXPECT_EQ(int_attr(exc.get(), "end_offset"), c.end_offset) << c.src;
  }
}

TEST(CompileErrors, ValidCodeCompiles) {
  const char* ok[] = {
      "def f():\n  [x for x in (yield)]\n",
      "lambda: (yield)\n",
      "while 1:\n  try:\n    pass\n  finally:\n    continue\n",
      "def f():\n  global x\n  x = 1\n",
      "def f():\n  def g():\n    nonlocal y\n    y = 2\n  y = 1\n",
  };
  for (const char* src : ok) {
    Ref code = compile(src);
    EXPECT_TRUE(code) << src;
    if (!code) err_clear();
  }
}

// ---- constant folding -----------------------------------------------------------------------------
TEST(Folding, SimpleArithmeticIsFolded) {
  Ref code = compile("x = 2 * 3 + 1\ny = -5\nz = (1, 2, (3, 'a'))\nw = 'ab' * 3\n");
  ASSERT_TRUE(code);
  CodeObject* co = as_code(code);
  EXPECT_EQ(count_op(co, OP_BINARY_OP), 0);
  EXPECT_EQ(count_op(co, OP_UNARY_NEGATIVE), 0);
  EXPECT_EQ(count_op(co, OP_BUILD_TUPLE), 0);
  Ref r = Ref::steal(object_repr(co->consts));
  EXPECT_EQ(str_of(r.get()), "(7, -5, (1, 2, (3, 'a')), 'ababab', None)");
}

TEST(Folding, HugeResultsAreNotFolded) {
  Ref code = compile("x = 2 ** 1000\ny = 'a' * 5000\nz = 1 / 0\nt = (1,) * 300\n");
  ASSERT_TRUE(code);
  EXPECT_EQ(count_op(as_code(code), OP_BINARY_OP), 4);
}

TEST(Folding, ConstantConditionsRemoveDeadCode) {
  Ref code = compile("def f():\n    if 0:\n        return g()\n    while True:\n        return 1\n");
  ASSERT_TRUE(code);
  CodeObject* f = nested(as_code(code));
  ASSERT_TRUE(f);
  EXPECT_EQ(count_op(f, OP_LOAD_GLOBAL), 0);
  EXPECT_EQ(count_op(f, OP_POP_JUMP_IF_FALSE), 0);
  EXPECT_EQ(count_op(f, OP_RETURN_CONST), 1);
}

// ---- instruction selection -------------------------------------------------------------------------
TEST(Codegen, LoadFastOnlyWhenProvablyBound) {
  Ref code = compile(
      "def f(a):\n    b = a\n    return b\n"
      "def g(a):\n    if a:\n        b = 1\n    return b\n"
      "def h(a):\n    del a\n    return a\n");
  ASSERT_TRUE(code);
  CodeObject* f = nested(as_code(code), 0);
  CodeObject* g = nested(as_code(code), 1);
  CodeObject* h = nested(as_code(code), 2);
  EXPECT_EQ(count_op(f, OP_LOAD_FAST_CHECK), 0);
  EXPECT_EQ(count_op(f, OP_LOAD_FAST), 2);
  EXPECT_EQ(count_op(g, OP_LOAD_FAST_CHECK), 1);
  EXPECT_EQ(count_op(h, OP_LOAD_FAST_CHECK), 1);
}

TEST(Codegen, ReturnConstAndAugAssign) {
  Ref code = compile("def f(x):\n    x += 1\n    return None\n");
  ASSERT_TRUE(code);
  CodeObject* f = nested(as_code(code));
  EXPECT_EQ(count_op(f, OP_RETURN_CONST), 1);
  EXPECT_EQ(count_op(f, OP_RETURN_VALUE), 0);
  EXPECT_EQ(count_op(f, OP_BINARY_OP), 1);
  for (int i = 0; i < f->ncode; i++)
    if (instr_op(f->code[i]) == OP_BINARY_OP) {
      EXPECT_EQ(instr_arg(f->code[i]), uint32_t(NB_INPLACE_ADD));
    }
}

TEST(Codegen, StackDepth) {
  struct Case {
    const char* src;
    int depth;
  } cases[] = {
      {"x = 1\n", 1},
      {"f(1, 2, 3)\n", 5},      // callable, NULL, 3 args
      {"a, b = b, a\n", 2},     // BUILD_TUPLE + UNPACK_SEQUENCE become a SWAP
      {"x = [1, 2, 3]\n", 2},   // BUILD_LIST 0; LOAD_CONST (1, 2, 3); LIST_EXTEND 1
      {"o.m(1, k=2)\n", 5},     // method, self, 1, 2, kwnames
  };
  for (const auto& c : cases) {
    Ref code = compile(c.src);
    ASSERT_TRUE(code) << c.src;
    EXPECT_EQ(as_code(code)->stacksize, c.depth) << c.src;
  }
  // Exception handlers: the depth at the handler is the entry depth + exception (+ lasti).
  Ref code = compile("for i in x:\n    try:\n        pass\n    except E as e:\n        pass\n");
  ASSERT_TRUE(code);
  EXPECT_GE(as_code(code)->stacksize, 4);
}

TEST(Codegen, ExceptionTable) {
  Ref code = compile("def f():\n    try:\n        g()\n    except E:\n        return 1\n");
  ASSERT_TRUE(code);
  CodeObject* f = nested(as_code(code));
  ASSERT_GE(f->nexception_entries, 2);
  // The body is covered by a handler at depth 0 without lasti, starting with PUSH_EXC_INFO.
  const ExceptionEntry& e = f->exception_table[0];
  EXPECT_EQ(e.depth, 0);
  EXPECT_EQ(e.push_lasti, 0);
  EXPECT_EQ(instr_op(f->code[e.target]), OP_PUSH_EXC_INFO);
  // The handler body is covered by the cleanup handler, which pushes lasti.
  EXPECT_EQ(f->exception_table[1].push_lasti, 1);
  for (int i = 1; i < f->nexception_entries; i++)
    EXPECT_GE(f->exception_table[i].start, f->exception_table[i - 1].end);
}

TEST(Codegen, QualnamesAndFlags) {
  Ref code = compile(
      "def f():\n    def g():\n        return [x for x in ()]\n    return g\n"
      "class C:\n    def m(self):\n        yield 1\n");
  ASSERT_TRUE(code);
  CodeObject* f = nested(as_code(code), 0);
  CodeObject* g = nested(f);
  CodeObject* lc = nested(g);
  CodeObject* c = nested(as_code(code), 1);
  CodeObject* m = nested(c);
  EXPECT_EQ(str_of(f->qualname), "f");
  EXPECT_EQ(str_of(g->qualname), "f.<locals>.g");
  EXPECT_EQ(str_of(lc->qualname), "f.<locals>.g.<locals>.<listcomp>");
  EXPECT_EQ(str_of(lc->name), "<listcomp>");
  EXPECT_EQ(str_of(m->qualname), "C.m");
  EXPECT_EQ(lc->argcount, 1);
  EXPECT_TRUE(m->flags & CO_GENERATOR);
  EXPECT_TRUE(g->flags & CO_NESTED);
  EXPECT_EQ(f->flags & (CO_OPTIMIZED | CO_NEWLOCALS), CO_OPTIMIZED | CO_NEWLOCALS);
  EXPECT_EQ(c->flags & CO_OPTIMIZED, 0);
}

TEST(Codegen, ClosuresUseCellsAndFreeVars) {
  Ref code = compile("def f(a):\n    b = 1\n    def g():\n        return a + b\n    return g\n");
  ASSERT_TRUE(code);
  CodeObject* f = nested(as_code(code));
  CodeObject* g = nested(f);
  EXPECT_EQ(f->ncellvars, 2);
  EXPECT_EQ(g->nfreevars, 2);
  EXPECT_EQ(count_op(f, OP_MAKE_CELL), 2);
  EXPECT_EQ(count_op(g, OP_COPY_FREE_VARS), 1);
  EXPECT_EQ(count_op(g, OP_LOAD_DEREF), 2);
  // The argument `a` is both a local and a cell, in its argument slot.
  EXPECT_EQ(f->localspluskinds[0], CO_FAST_LOCAL | CO_FAST_CELL);
}

TEST(Codegen, BackwardJumpsAreJumpBackward) {
  Ref code = compile("while x:\n    y()\n");
  ASSERT_TRUE(code);
  CodeObject* co = as_code(code);
  for (int i = 0; i < co->ncode; i++) {
    Opcode op = instr_op(co->code[i]);
    if (op == OP_POP_JUMP_IF_FALSE || op == OP_POP_JUMP_IF_TRUE || op == OP_JUMP_FORWARD) {
      EXPECT_GT(int(instr_arg(co->code[i])), i);
    }
  }
  EXPECT_EQ(count_op(co, OP_JUMP_BACKWARD), 1);
}

TEST(Codegen, LineNumbersOfMultiLineStatements) {
  Ref code = compile("x = f(1,\n      a.\n      b)\n");
  ASSERT_TRUE(code);
  CodeObject* co = as_code(code);
  for (int i = 0; i < co->ncode; i++) {
    Opcode op = instr_op(co->code[i]);
    if (op == OP_CALL) {
      EXPECT_EQ(co->positions[i].line, 1);
    }
    if (op == OP_LOAD_ATTR) {
      EXPECT_EQ(co->positions[i].line, 3);  // the attribute's own line
    }
  }
}

}  // namespace

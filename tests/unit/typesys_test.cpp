// Unit tests for the type system (core/typeobject.cpp, core/slots.cpp, core/descr.cpp,
// core/abstract.cpp, core/error.cpp, objects/exceptions.cpp, core/genericalias.cpp):
//  - C3 MRO computation and CPython's "Cannot create a consistent method resolution order" error;
//  - attribute lookup with data / non-data descriptors and the method cache invalidation;
//  - slots updated when a dunder is assigned to a class after creation, and reflected-operand
//    priority for subclasses;
//  - heap-type instance storage (prefix layout) for subclasses of var-sized built-ins;
//  - exception construction and str (OSError errno mapping, KeyError, SyntaxError, Unicode*);
//  - err_format conversions.
// Classes are made with type_new_heap (as the class statement does) or from Python source.
#include <gtest/gtest.h>

#include <string>

#include "compiler/compile.h"
#include "core/abstract.h"
#include "core/descr.h"
#include "core/error.h"
#include "objects/containers.h"
#include "objects/exceptions.h"
#include "objects/intobject.h"
#include "objects/moduleobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"
#include "vm/run.h"
#include "vm/state.h"

using namespace gilpy;

namespace {

class RuntimeEnv : public ::testing::Environment {
 public:
  void SetUp() override { ASSERT_TRUE(runtime_initialize(RuntimeConfig{})); }
};
const auto* const g_env = ::testing::AddGlobalTestEnvironment(new RuntimeEnv);

Object* S(const char* s) { return str_intern_cstr_borrowed(s); }

// The current exception's "TypeName: message", clearing it.
std::string take_error() {
  Ref exc = Ref::steal(err_fetch());
  if (!exc) return "<no exception>";
  std::string msg;
  if (!str_utf8(exc.get(), msg)) {
    err_clear();
    msg = "<str failed>";
  }
  return std::string(type_name(type_of(exc.get()))) + ": " + msg;
}

std::string repr_of(Object* o) {
  std::string s;
  if (!repr_utf8(o, s)) return "<error: " + take_error() + ">";
  return s;
}

// class <name>(*bases) with an empty namespace (plus __module__).
Ref make_class(const char* name, std::initializer_list<Object*> bases, Object* ns = nullptr) {
  Ref b = Ref::steal(tuple_new(ssize(bases.size())));
  ssize i = 0;
  for (Object* o : bases) tuple_set_steal(b.get(), i++, newref(o));
  Ref d = ns ? Ref::borrow(ns) : Ref::steal(dict_new());
  if (!dict_get_str_borrowed(d.get(), "__module__")) dict_setitem_str(d.get(), "__module__", S("m"));
  Ref n = Ref::steal(str_from_cstr(name));
  return Ref::steal(type_new_heap(&TypeType, n.get(), b.get(), d.get(), nullptr));
}

std::string mro_names(Object* type) {
  std::string out;
  Object* mro = static_cast<TypeObject*>(type)->mro;
  for (ssize i = 0; i < tuple_size(mro); ++i) {
    if (i) out += ",";
    out += type_name(static_cast<TypeObject*>(tuple_get_borrowed(mro, i)));
  }
  return out;
}

// Run Python source in a fresh namespace; returns the namespace.
Ref run_py(const char* src) {
  Ref fname = Ref::steal(str_from_cstr("<test>"));
  Ref code = Ref::steal(compile_source(src, fname.get(), CompileMode::Exec));
  if (!code) {
    ADD_FAILURE() << take_error();
    return nullptr;
  }
  Ref globals = Ref::steal(dict_new());
  dict_setitem_str(globals.get(), "__name__", S("__main__"));
  dict_setitem_str(globals.get(), "__builtins__", main_interpreter()->builtins);
  Ref r = Ref::steal(eval_code(code.get(), globals.get(), globals.get()));
  if (!r) {
    ADD_FAILURE() << take_error();
    return nullptr;
  }
  return globals;
}

Ref eval_py(Object* ns, const char* expr) {
  Ref fname = Ref::steal(str_from_cstr("<test>"));
  Ref code = Ref::steal(compile_source(expr, fname.get(), CompileMode::Eval));
  if (!code) return nullptr;
  return Ref::steal(eval_code(code.get(), ns, ns));
}

// ---- MRO -----------------------------------------------------------------------------------------
TEST(Mro, DiamondIsC3) {
  Ref O = make_class("O", {});
  Ref A = make_class("A", {O.get()});
  Ref B = make_class("B", {O.get()});
  Ref C = make_class("C", {A.get(), B.get()});
  ASSERT_TRUE(C) << take_error();
  EXPECT_EQ(mro_names(C.get()), "C,A,B,O,object");
}

TEST(Mro, ClassicExample) {
  // The example from the C3 paper (Python's MRO documentation).
  Ref O = Ref::borrow(&ObjectType);
  Ref F = make_class("F", {O.get()});
  Ref E = make_class("E", {O.get()});
  Ref D = make_class("D", {O.get()});
  Ref C = make_class("C", {D.get(), F.get()});
  Ref B = make_class("B", {D.get(), E.get()});
  Ref A = make_class("A", {B.get(), C.get()});
  ASSERT_TRUE(A) << take_error();
  EXPECT_EQ(mro_names(A.get()), "A,B,C,D,E,F,object");
}

TEST(Mro, InconsistentOrderError) {
  Ref A = make_class("A", {});
  Ref B = make_class("B", {A.get()});
  Ref C = make_class("C", {A.get(), B.get()});
  EXPECT_FALSE(C);
  EXPECT_EQ(take_error(),
            "TypeError: Cannot create a consistent method resolution\norder (MRO) for bases A, B");
}

TEST(Mro, DuplicateBaseAndLayoutErrors) {
  Ref A = make_class("A", {});
  Ref C = make_class("C", {A.get(), A.get()});
  EXPECT_FALSE(C);
  EXPECT_EQ(take_error(), "TypeError: duplicate base class A");
  Ref D = make_class("D", {&BoolType});
  EXPECT_FALSE(D);
  EXPECT_EQ(take_error(), "TypeError: type 'bool' is not an acceptable base type");
  Ref E = make_class("E", {&IntType, &StrType});
  EXPECT_FALSE(E);
  EXPECT_EQ(take_error(), "TypeError: multiple bases have instance lay-out conflict");
}

TEST(Mro, SubtypeChecks) {
  Ref A = make_class("A", {});
  Ref B = make_class("B", {A.get()});
  EXPECT_TRUE(type_is_subtype(static_cast<TypeObject*>(B.get()), static_cast<TypeObject*>(A.get())));
  EXPECT_FALSE(type_is_subtype(static_cast<TypeObject*>(A.get()), static_cast<TypeObject*>(B.get())));
  EXPECT_TRUE(type_is_subtype(&BoolType, &IntType));
  EXPECT_TRUE(type_is_subtype(&Exc_FileNotFoundError, &Exc_OSError));
  EXPECT_EQ(object_issubclass(B.get(), A.get()), 1);
}

// ---- Attribute lookup -------------------------------------------------------------------------------
TEST(Attributes, DataDescriptorBeatsInstanceDict) {
  Ref ns = run_py(
      "class P:\n"
      "    @property\n"
      "    def x(self): return 'prop'\n"
      "    def m(self): return 'method'\n"
      "p = P()\n"
      "p.__dict__['x'] = 'inst'\n"
      "p.__dict__['m'] = 'inst-m'\n");
  ASSERT_TRUE(ns);
  Object* p = dict_get_str_borrowed(ns.get(), "p");
  Ref x = Ref::steal(object_getattr(p, S("x")));
  EXPECT_EQ(repr_of(x.get()), "'prop'");
  Ref m = Ref::steal(object_getattr(p, S("m")));  // a non-data descriptor: the instance wins
  EXPECT_EQ(repr_of(m.get()), "'inst-m'");
  EXPECT_EQ(object_setattr(p, S("x"), None), -1);
  EXPECT_EQ(take_error(), "AttributeError: property 'x' of 'P' object has no setter");
}

TEST(Attributes, MissingAttributeMessagesAndContext) {
  Ref A = make_class("A", {});
  Ref a = Ref::steal(call0(A.get()));
  ASSERT_TRUE(a);
  EXPECT_FALSE(Ref::steal(object_getattr(a.get(), S("nope"))));
  Ref exc = Ref::steal(err_fetch());
  ASSERT_TRUE(object_type_check(exc.get(), &Exc_AttributeError));
  auto* ae = static_cast<AttributeErrorObject*>(exc.get());
  EXPECT_EQ(ae->obj, a.get());
  EXPECT_TRUE(str_equal_cstr(ae->name, "nope"));
  EXPECT_FALSE(Ref::steal(object_getattr(A.get(), S("nope"))));
  EXPECT_EQ(take_error(), "AttributeError: type object 'A' has no attribute 'nope'");
  EXPECT_EQ(object_setattr(&IntType, S("x"), None), -1);
  EXPECT_EQ(take_error(), "TypeError: cannot set 'x' attribute of immutable type 'int'");
  Ref o = Ref::steal(call0(&ObjectType));
  EXPECT_EQ(object_setattr(o.get(), S("x"), None), -1);
  EXPECT_EQ(take_error(), "AttributeError: 'object' object has no attribute 'x'");
}

TEST(Attributes, MethodCacheSeesClassChanges) {
  Ref A = make_class("A", {});
  Ref B = make_class("B", {A.get()});
  Ref one = Ref::steal(int_from_i64(1));
  Ref two = Ref::steal(int_from_i64(2));
  ASSERT_EQ(object_setattr(A.get(), S("v"), one.get()), 0);
  EXPECT_EQ(type_lookup_borrowed(static_cast<TypeObject*>(B.get()), S("v")), one.get());
  ASSERT_EQ(object_setattr(A.get(), S("v"), two.get()), 0);
  EXPECT_EQ(type_lookup_borrowed(static_cast<TypeObject*>(B.get()), S("v")), two.get());
  ASSERT_EQ(object_setattr(B.get(), S("v"), one.get()), 0);
  EXPECT_EQ(type_lookup_borrowed(static_cast<TypeObject*>(B.get()), S("v")), one.get());
  ASSERT_EQ(object_delattr(B.get(), S("v")), 0);
  ASSERT_EQ(object_delattr(A.get(), S("v")), 0);
  EXPECT_EQ(type_lookup_borrowed(static_cast<TypeObject*>(B.get()), S("v")), nullptr);
}

TEST(Attributes, GetMethodReturnsUnboundFunctions) {
  Ref ns = run_py("class K:\n    def f(self): return 7\nk = K()\n");
  ASSERT_TRUE(ns);
  Object* k = dict_get_str_borrowed(ns.get(), "k");
  Object* m = nullptr;
  ASSERT_EQ(object_get_method(k, S("f"), &m), 1);
  Ref meth = Ref::steal(m);
  Ref r = Ref::steal(call1(meth.get(), k));
  EXPECT_EQ(repr_of(r.get()), "7");
  Ref lst = Ref::steal(list_new(0));
  ASSERT_EQ(object_get_method(lst.get(), S("append"), &m), 1);  // a method descriptor
  decref(m);
}

TEST(Attributes, SlotsAndPrefixStorage) {
  Ref ns = run_py(
      "class S:\n"
      "    __slots__ = ('a', '__b')\n"
      "s = S(); s.a = 1; s._S__b = 2\n"
      "class T(tuple): pass\n"
      "t = T((1, 2, 3)); t.extra = 'x'\n"
      "class U(str): pass\n"
      "u = U('hello'); u.tag = 5\n");
  ASSERT_TRUE(ns);
  Ref r = eval_py(ns.get(), "(s.a, s._S__b, t, len(t), t.extra, t[2], u, u.tag, u.upper())");
  ASSERT_TRUE(r) << take_error();
  EXPECT_EQ(repr_of(r.get()), "(1, 2, (1, 2, 3), 3, 'x', 3, 'hello', 5, 'HELLO')");
  Ref e = eval_py(ns.get(), "setattr(s, 'c', 1)");
  EXPECT_FALSE(e);
  EXPECT_EQ(take_error(), "AttributeError: 'S' object has no attribute 'c'");
}

// ---- Slots and operators -----------------------------------------------------------------------------
TEST(Slots, AssigningDunderUpdatesSlots) {
  Ref ns = run_py("class D: pass\nclass E(D): pass\nd = E()\n");
  ASSERT_TRUE(ns);
  Object* d = dict_get_str_borrowed(ns.get(), "d");
  Ref one = Ref::steal(int_from_i64(1));
  EXPECT_FALSE(Ref::steal(number_add(d, one.get())));
  EXPECT_EQ(take_error(), "TypeError: unsupported operand type(s) for +: 'E' and 'int'");
  ASSERT_TRUE(eval_py(ns.get(), "setattr(D, '__add__', lambda self, o: 'added')"));
  Ref r = Ref::steal(number_add(d, one.get()));
  EXPECT_EQ(repr_of(r.get()), "'added'");
  ASSERT_TRUE(eval_py(ns.get(), "delattr(D, '__add__')"));
  EXPECT_FALSE(Ref::steal(number_add(d, one.get())));
  take_error();
  ASSERT_TRUE(eval_py(ns.get(), "setattr(D, '__len__', lambda self: 4)"));
  EXPECT_EQ(object_length(d), 4);
}

TEST(Slots, ReflectedOperandOfSubclassGoesFirst) {
  Ref ns = run_py(
      "class A:\n"
      "    def __add__(self, o): return 'A.add'\n"
      "    def __radd__(self, o): return 'A.radd'\n"
      "class B(A):\n"
      "    def __radd__(self, o): return 'B.radd'\n"
      "r1 = A() + B()\nr2 = B() + A()\nr3 = 1 + A()\n");
  ASSERT_TRUE(ns);
  EXPECT_EQ(repr_of(dict_get_str_borrowed(ns.get(), "r1")), "'B.radd'");
  EXPECT_EQ(repr_of(dict_get_str_borrowed(ns.get(), "r2")), "'A.add'");
  EXPECT_EQ(repr_of(dict_get_str_borrowed(ns.get(), "r3")), "'A.radd'");
}

TEST(Slots, RichCompareFallbacksAndErrors) {
  Ref one = Ref::steal(int_from_i64(1));
  Ref s = Ref::steal(str_from_cstr("a"));
  EXPECT_FALSE(Ref::steal(object_richcompare(one.get(), s.get(), CMP_LT)));
  EXPECT_EQ(take_error(), "TypeError: '<' not supported between instances of 'int' and 'str'");
  Ref eq = Ref::steal(object_richcompare(one.get(), s.get(), CMP_EQ));
  EXPECT_EQ(eq.get(), False);
  Ref o = Ref::steal(call0(&ObjectType));
  EXPECT_EQ(object_richcompare_bool(o.get(), o.get(), CMP_EQ), 1);
  Ref l = Ref::steal(list_new(0));
  EXPECT_EQ(object_hash(l.get()), -1);
  EXPECT_EQ(take_error(), "TypeError: unhashable type: 'list'");
}

TEST(Slots, SlotWrappersOfStaticTypes) {
  Ref ns = run_py("w = int.__add__\nb = (1).__add__\nr = int.__add__(2, 3)\n");
  ASSERT_TRUE(ns);
  EXPECT_EQ(repr_of(dict_get_str_borrowed(ns.get(), "w")), "<slot wrapper '__add__' of 'int' objects>");
  EXPECT_EQ(repr_of(dict_get_str_borrowed(ns.get(), "r")), "5");
  Ref e = eval_py(ns.get(), "int.__add__('a', 1)");
  EXPECT_FALSE(e);
  EXPECT_EQ(take_error(),
            "TypeError: descriptor '__add__' requires a 'int' object but received a 'str'");
}

TEST(Types, UnionAndGenericAlias) {
  Ref ns = run_py("u = int | None\ng = dict[str, list[int]]\nok = isinstance(3, int | str)\n");
  ASSERT_TRUE(ns);
  EXPECT_EQ(repr_of(dict_get_str_borrowed(ns.get(), "u")), "int | None");
  EXPECT_EQ(repr_of(dict_get_str_borrowed(ns.get(), "g")), "dict[str, list[int]]");
  EXPECT_EQ(dict_get_str_borrowed(ns.get(), "ok"), True);
}

// ---- Exceptions ---------------------------------------------------------------------------------------
std::string str_of(Object* o) {
  std::string s;
  if (!str_utf8(o, s)) return "<error: " + take_error() + ">";
  return s;
}

TEST(Exceptions, StrAndRepr) {
  Ref k = Ref::steal(str_from_cstr("k"));
  Object* args[1] = {k.get()};
  Ref ke = Ref::steal(exception_new(&Exc_KeyError, args, 1));
  EXPECT_EQ(str_of(ke.get()), "'k'");
  EXPECT_EQ(repr_of(ke.get()), "KeyError('k')");
  Ref ve = Ref::steal(exception_new(&Exc_ValueError, nullptr, 0));
  EXPECT_EQ(str_of(ve.get()), "");
  EXPECT_EQ(repr_of(ve.get()), "ValueError()");
  Ref one = Ref::steal(int_from_i64(1));
  Object* two_args[2] = {k.get(), one.get()};
  Ref ve2 = Ref::steal(exception_new(&Exc_ValueError, two_args, 2));
  EXPECT_EQ(str_of(ve2.get()), "('k', 1)");
  EXPECT_EQ(repr_of(ve2.get()), "ValueError('k', 1)");
}

TEST(Exceptions, OSErrorMapping) {
  Ref fname = Ref::steal(str_from_cstr("x"));
  Ref e = Ref::steal(os_error_new(&Exc_OSError, 2, fname.get(), nullptr));
  ASSERT_TRUE(e);
  EXPECT_EQ(type_of(e.get()), &Exc_FileNotFoundError);
  EXPECT_EQ(str_of(e.get()), "[Errno 2] No such file or directory: 'x'");
  Ref args = Ref::steal(exception_get_args(e.get()));
  EXPECT_EQ(repr_of(args.get()), "(2, 'No such file or directory')");
  Ref p = Ref::steal(os_error_new(&Exc_OSError, 13, nullptr, nullptr));
  EXPECT_EQ(type_of(p.get()), &Exc_PermissionError);
  EXPECT_EQ(str_of(p.get()), "[Errno 13] Permission denied");
}

TEST(Exceptions, SyntaxErrorStr) {
  Ref fname = Ref::steal(str_from_cstr("/tmp/dir/f.py"));
  Ref text = Ref::steal(str_from_cstr("x = (\n"));
  Ref e = Ref::steal(syntax_error_new(&Exc_SyntaxError, "'(' was never closed", fname.get(), 3,
                                      5, text.get(), 0, 0));
  ASSERT_TRUE(e);
  EXPECT_EQ(str_of(e.get()), "'(' was never closed (f.py, line 3)");
  Ref off = Ref::steal(object_getattr_str(e.get(), "offset"));
  EXPECT_EQ(repr_of(off.get()), "5");
  Ref eo = Ref::steal(object_getattr_str(e.get(), "end_offset"));
  EXPECT_EQ(eo.get(), None);
}

TEST(Exceptions, UnicodeErrors) {
  Ref d = Ref::steal(unicode_decode_error_new("utf-8", "\xff", 1, 0, 1, "invalid start byte"));
  EXPECT_EQ(str_of(d.get()), "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte");
  Ref s = Ref::steal(str_from_cstr("\xc3\xa9x"));
  Ref e = Ref::steal(unicode_encode_error_new("ascii", s.get(), 0, 1, "ordinal not in range(128)"));
  EXPECT_EQ(str_of(e.get()),
            "'ascii' codec can't encode character '\\xe9' in position 0: ordinal not in range(128)");
}

TEST(Exceptions, StopIterationValueAndKeyErrorTuple) {
  Ref t = Ref::steal(tuple_pack(2, None, None));
  err_set_stop_iteration(t.get());
  Ref exc = Ref::steal(err_fetch());
  Ref v = Ref::steal(stop_iteration_value(exc.get()));
  EXPECT_EQ(v.get(), t.get());
  err_set_key_error(t.get());
  EXPECT_EQ(take_error(), "KeyError: (None, None)");
}

TEST(Exceptions, ContextChainingFromHandledException) {
  Ref ns = run_py(
      "try:\n"
      "    try:\n"
      "        raise ValueError('a')\n"
      "    except ValueError:\n"
      "        {}['k']\n"
      "except KeyError as e:\n"
      "    r = (repr(e), repr(e.__context__), e.__suppress_context__)\n");
  ASSERT_TRUE(ns);
  EXPECT_EQ(repr_of(dict_get_str_borrowed(ns.get(), "r")),
            "(\"KeyError('k')\", \"ValueError('a')\", False)");
}

TEST(Exceptions, ExceptionGroupSplit) {
  Ref ns = run_py(
      "eg = ExceptionGroup('m', [ValueError(1), TypeError(2)])\n"
      "m, r = eg.split(ValueError)\n"
      "res = (repr(m), repr(r), type(BaseExceptionGroup('x', [KeyError()])).__name__)\n");
  ASSERT_TRUE(ns);
  EXPECT_EQ(repr_of(dict_get_str_borrowed(ns.get(), "res")),
            "(\"ExceptionGroup('m', [ValueError(1)])\", \"ExceptionGroup('m', [TypeError(2)])\", "
            "'ExceptionGroup')");
}

// ---- err_format -----------------------------------------------------------------------------------------
TEST(ErrFormat, Conversions) {
  Ref s = Ref::steal(str_from_cstr("h\xc3\xa9"));
  Ref l = Ref::steal(list_new(0));
  err_format(&Exc_ValueError, "%R|%S|%A|%T|%U|%d|%zd|%s|%.2s|%c|%x|%%|%lld", s.get(), s.get(),
             s.get(), l.get(), s.get(), -3, ssize(42), "abc", "xyz", 'Q', 255, 1234567890123LL);
  EXPECT_EQ(take_error(),
            "ValueError: 'h\xc3\xa9'|h\xc3\xa9|'h\\xe9'|list|h\xc3\xa9|-3|42|abc|xy|Q|ff|%|"
            "1234567890123");
  Ref str = Ref::steal(str_from_format("<%s:%d>", "a", 7));
  EXPECT_EQ(str_of(str.get()), "<a:7>");
}

TEST(ErrFormat, MatchesAndClear) {
  err_format(&Exc_FileNotFoundError, "x");
  EXPECT_TRUE(err_matches(&Exc_OSError));
  EXPECT_TRUE(err_matches(&Exc_Exception));
  EXPECT_FALSE(err_matches(&Exc_KeyError));
  Object* exc = err_occurred_borrowed();
  Ref tup = Ref::steal(tuple_pack(2, as_object(&Exc_KeyError), as_object(&Exc_OSError)));
  EXPECT_TRUE(exception_matches(exc, tup.get()));
  err_clear();
  EXPECT_FALSE(err_occurred());
}

// ---- Modules and builtin functions ---------------------------------------------------------------------
TEST(Modules, ReprAndMissingAttribute) {
  Ref m = Ref::steal(module_new("mymod"));
  EXPECT_EQ(repr_of(m.get()), "<module 'mymod'>");
  EXPECT_FALSE(Ref::steal(object_getattr_str(m.get(), "nope")));
  EXPECT_EQ(take_error(), "AttributeError: module 'mymod' has no attribute 'nope'");
  ASSERT_EQ(module_add_int(m.get(), "answer", 42), 0);
  Ref a = Ref::steal(object_getattr_str(m.get(), "answer"));
  EXPECT_EQ(repr_of(a.get()), "42");
}

}  // namespace

// The `operator` module (registered as both `operator` and `_operator`): Python's operators as
// functions, plus itemgetter / attrgetter / methodcaller (CPython's Modules/_operator.c semantics,
// written for gilpy).
//
// Design: the many two-operand functions are one template each over a dispatch function pointer
// (binary<number_add>, compare<CMP_LT>, inplace<NB_INPLACE_ADD>), so every entry of the MethodDef
// table is a single line. The dunder aliases (__add__ = add, ...) are added at module creation by
// looking the plain names up in the module dict. The three callable classes store their arguments
// in a tuple; attrgetter pre-splits dotted names into tuples of interned strings.
#include <cstring>
#include <string>

#include "core/abstract.h"
#include "core/args.h"
#include "core/error.h"
#include "core/gc.h"
#include "modules/modules.h"
#include "objects/containers.h"
#include "objects/intobject.h"
#include "objects/moduleobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"

namespace gilpy {

namespace {

bool two_args(const char* name, ssize nargs, Object* kwnames) {
  return check_no_kwargs(name, kwnames) && check_positional(name, nargs, 2, 2);
}

bool one_arg(const char* qualname, ssize nargs, Object* kwnames) {
  return check_one_arg(qualname, nargs, kwnames);
}

// The function names for the arity messages ("add expected 2 arguments, got 1").
#define BINOP(fname, op)                                                                   \
  Object* op_##fname(Object*, Object* const* args, ssize nargs, Object* kwnames) {          \
    if (!two_args(#fname, nargs, kwnames)) return nullptr;                                  \
    return number_binary_op(args[0], args[1], op);                                          \
  }
BINOP(add, NB_ADD)
BINOP(sub, NB_SUBTRACT)
BINOP(mul, NB_MULTIPLY)
BINOP(matmul, NB_MATRIX_MULTIPLY)
BINOP(truediv, NB_TRUE_DIVIDE)
BINOP(floordiv, NB_FLOOR_DIVIDE)
BINOP(mod, NB_REMAINDER)
BINOP(lshift, NB_LSHIFT)
BINOP(rshift, NB_RSHIFT)
BINOP(and_, NB_AND)
BINOP(or_, NB_OR)
BINOP(xor, NB_XOR)
BINOP(iadd, NB_INPLACE_ADD)
BINOP(isub, NB_INPLACE_SUBTRACT)
BINOP(imul, NB_INPLACE_MULTIPLY)
BINOP(imatmul, NB_INPLACE_MATRIX_MULTIPLY)
BINOP(itruediv, NB_INPLACE_TRUE_DIVIDE)
BINOP(ifloordiv, NB_INPLACE_FLOOR_DIVIDE)
BINOP(imod, NB_INPLACE_REMAINDER)
BINOP(ilshift, NB_INPLACE_LSHIFT)
BINOP(irshift, NB_INPLACE_RSHIFT)
BINOP(iand, NB_INPLACE_AND)
BINOP(ior, NB_INPLACE_OR)
BINOP(ixor, NB_INPLACE_XOR)
BINOP(ipow, NB_INPLACE_POWER)
#undef BINOP

Object* op_pow(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!two_args("pow", nargs, kwnames)) return nullptr;
  return number_power(args[0], args[1], None);
}

#define CMPOP(fname, op)                                                          \
  Object* op_##fname(Object*, Object* const* args, ssize nargs, Object* kwnames) { \
    if (!two_args(#fname, nargs, kwnames)) return nullptr;                         \
    return object_richcompare(args[0], args[1], op);                               \
  }
CMPOP(lt, CMP_LT)
CMPOP(le, CMP_LE)
CMPOP(eq, CMP_EQ)
CMPOP(ne, CMP_NE)
CMPOP(gt, CMP_GT)
CMPOP(ge, CMP_GE)
#undef CMPOP

#define UNOP(fname, fn)                                                           \
  Object* op_##fname(Object*, Object* const* args, ssize nargs, Object* kwnames) { \
    if (!one_arg("_operator." #fname, nargs, kwnames)) return nullptr;            \
    return fn(args[0]);                                                           \
  }
UNOP(neg, number_negative)
UNOP(pos, number_positive)
UNOP(abs, number_absolute)
UNOP(inv, number_invert)
UNOP(invert, number_invert)
UNOP(index, number_index)
#undef UNOP

Object* op_truth(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!one_arg("_operator.truth", nargs, kwnames)) return nullptr;
  int r = object_is_true(args[0]);
  if (r < 0) return nullptr;
  return bool_from(r);
}

Object* op_not_(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!one_arg("_operator.not_", nargs, kwnames)) return nullptr;
  int r = object_not(args[0]);
  if (r < 0) return nullptr;
  return bool_from(r);
}

Object* op_is_(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!two_args("is_", nargs, kwnames)) return nullptr;
  return bool_from(args[0] == args[1]);
}

Object* op_is_not(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!two_args("is_not", nargs, kwnames)) return nullptr;
  return bool_from(args[0] != args[1]);
}

bool is_sequence(Object* o) {
  if (dict_check(o)) return false;
  return type_of(o)->getitem != nullptr || type_of(o)->sq_item != nullptr;
}

Object* op_concat(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!two_args("concat", nargs, kwnames)) return nullptr;
  if (!is_sequence(args[0])) {
    return err_format(&Exc_TypeError, "'%T' object can't be concatenated", args[0]);
  }
  return number_add(args[0], args[1]);
}

Object* op_iconcat(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!two_args("iconcat", nargs, kwnames)) return nullptr;
  if (!is_sequence(args[0])) {
    return err_format(&Exc_TypeError, "'%T' object can't be concatenated", args[0]);
  }
  return number_binary_op(args[0], args[1], NB_INPLACE_ADD);
}

Object* op_contains(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!two_args("contains", nargs, kwnames)) return nullptr;
  int r = sequence_contains(args[0], args[1]);
  if (r < 0) return nullptr;
  return bool_from(r);
}

// countOf / indexOf: iterate comparing by identity, then ==.
Object* search(Object* seq, Object* item, bool count) {
  Ref it = Ref::steal(object_getiter(seq));
  if (!it) return nullptr;
  ssize n = 0, i = 0;
  for (;; ++i) {
    Ref x = Ref::steal(iter_next(it.get()));
    if (!x) break;
    int eq = x.get() == item ? 1 : object_richcompare_bool(x.get(), item, CMP_EQ);
    if (eq < 0) return nullptr;
    if (eq) {
      if (!count) return int_from_ssize(i);
      n++;
    }
  }
  if (err_occurred()) return nullptr;
  if (count) return int_from_ssize(n);
  return err_format(&Exc_ValueError, "sequence.index(x): x not in sequence");
}

Object* op_countOf(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!two_args("countOf", nargs, kwnames)) return nullptr;
  return search(args[0], args[1], true);
}

Object* op_indexOf(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!two_args("indexOf", nargs, kwnames)) return nullptr;
  return search(args[0], args[1], false);
}

Object* op_getitem(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!two_args("getitem", nargs, kwnames)) return nullptr;
  return object_getitem(args[0], args[1]);
}

Object* op_setitem(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("setitem", kwnames) || !check_positional("setitem", nargs, 3, 3)) {
    return nullptr;
  }
  if (object_setitem(args[0], args[1], args[2]) < 0) return nullptr;
  return none_ref();
}

Object* op_delitem(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!two_args("delitem", nargs, kwnames)) return nullptr;
  if (object_delitem(args[0], args[1]) < 0) return nullptr;
  return none_ref();
}

Object* op_length_hint(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("length_hint", kwnames) ||
      !check_positional("length_hint", nargs, 1, 2)) {
    return nullptr;
  }
  ssize dflt = 0;
  if (nargs == 2) {
    if (!int_check(args[1])) {
      return err_format(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", args[1]);
    }
    dflt = int_as_ssize(args[1]);
    if (dflt == -1 && err_occurred()) return nullptr;
  }
  ssize r = object_length_hint(args[0], dflt);
  if (r < 0 && err_occurred()) return nullptr;
  return int_from_ssize(r);
}

Object* op_call(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (nargs < 1) {
    return err_format(&Exc_TypeError, "call() missing 1 required positional argument: 'obj'");
  }
  return call(args[0], args + 1, nargs - 1, kwnames);
}

// ---- itemgetter / attrgetter / methodcaller ------------------------------------------------------
TypeObject ItemGetterType, AttrGetterType, MethodCallerType;

struct Getter : Object {
  Object* items;   // tuple: items / attribute paths (tuples of names) / (name, args...)
  Object* kwargs;  // methodcaller: dict or null
  Object* names;   // attrgetter: the original names (for repr)
};

void getter_dealloc(Object* o) {
  gc_untrack(o);
  auto* g = static_cast<Getter*>(o);
  clear_ref(&g->items);
  clear_ref(&g->kwargs);
  clear_ref(&g->names);
  object_free(o);
}

int getter_traverse(Object* o, visitproc visit, void* arg) {
  auto* g = static_cast<Getter*>(o);
  for (Object* x : {g->items, g->kwargs, g->names}) {
    if (x) {
      int r = visit(x, arg);
      if (r) return r;
    }
  }
  return 0;
}

int getter_clear(Object* o) {
  auto* g = static_cast<Getter*>(o);
  clear_ref(&g->items);
  clear_ref(&g->kwargs);
  clear_ref(&g->names);
  return 0;
}

Object* itemgetter_new(TypeObject* type, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("itemgetter", kwnames)) return nullptr;
  if (nargs < 1) return err_format(&Exc_TypeError, "itemgetter expected 1 argument, got 0");
  Ref items = Ref::steal(tuple_from_array(args, nargs));
  if (!items) return nullptr;
  auto* g = alloc_object<Getter>(type);
  if (!g) return nullptr;
  g->items = items.release();
  return g;
}

bool getter_call_args(const char* name, ssize nargs, Object* kwnames) {
  return check_no_kwargs(name, kwnames) && check_positional(name, nargs, 1, 1);
}

Object* itemgetter_call(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!getter_call_args("itemgetter", nargs, kwnames)) return nullptr;
  auto* g = static_cast<Getter*>(self);
  ssize n = tuple_size(g->items);
  if (n == 1) return object_getitem(args[0], tuple_get_borrowed(g->items, 0));
  Ref result = Ref::steal(tuple_new(n));
  if (!result) return nullptr;
  for (ssize i = 0; i < n; ++i) tuple_set_steal(result.get(), i, newref(None));
  for (ssize i = 0; i < n; ++i) {
    Object* v = object_getitem(args[0], tuple_get_borrowed(g->items, i));
    if (!v) return nullptr;
    setref(&tuple_items(result.get())[i], v);
  }
  return result.release();
}

// "operator.itemgetter(1, 'a')": the type's qualified name and the reprs of `items`.
Object* repr_with_args(Object* self, Object* items, ssize start, Object* kwargs) {
  int rc = repr_enter(self);
  if (rc != 0) {
    if (rc < 0) return nullptr;
    return str_from_format("%s(...)", type_of(self)->name);
  }
  StrWriter w;
  w.append(type_of(self)->name);
  w.append("(");
  bool ok = true;
  for (ssize i = 0; ok && i < tuple_size(items); ++i) {
    if (i) w.append(", ");
    ok = w.append_repr(tuple_get_borrowed(items, i));
  }
  if (ok && kwargs) {
    ssize pos = 0;
    Object *k, *v;
    bool first = tuple_size(items) == 0;
    while (ok && dict_next(kwargs, &pos, &k, &v)) {
      if (!first) w.append(", ");
      first = false;
      ok = w.append_str(k);
      w.append("=");
      if (ok) ok = w.append_repr(v);
    }
  }
  repr_leave(self);
  (void)start;
  if (!ok) return nullptr;
  w.append(")");
  return w.finish();
}

Object* itemgetter_repr(Object* self) {
  return repr_with_args(self, static_cast<Getter*>(self)->items, 0, nullptr);
}

Object* attrgetter_new(TypeObject* type, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("attrgetter", kwnames)) return nullptr;
  if (nargs < 1) return err_format(&Exc_TypeError, "attrgetter expected 1 argument, got 0");
  Ref names = Ref::steal(tuple_from_array(args, nargs));
  if (!names) return nullptr;
  Ref paths = Ref::steal(tuple_new(nargs));
  if (!paths) return nullptr;
  for (ssize i = 0; i < nargs; ++i) tuple_set_steal(paths.get(), i, newref(None));
  for (ssize i = 0; i < nargs; ++i) {
    Object* name = args[i];
    if (!str_check(name)) return err_format(&Exc_TypeError, "attribute name must be a string");
    std::string_view text = str_view(name);
    if (text.data() == nullptr && err_occurred()) return nullptr;
    Ref parts = Ref::steal(list_new(0));
    if (!parts) return nullptr;
    size_t startpos = 0;
    for (;;) {
      size_t dot = text.find('.', startpos);
      std::string_view part = text.substr(startpos, dot == std::string_view::npos
                                                        ? std::string_view::npos
                                                        : dot - startpos);
      Ref s = Ref::steal(str_from_utf8(part));
      if (!s) return nullptr;
      s = Ref::steal(str_intern(s.release()));
      if (!s || list_append(parts.get(), s.get()) < 0) return nullptr;
      if (dot == std::string_view::npos) break;
      startpos = dot + 1;
    }
    Object* t = list_as_tuple(parts.get());
    if (!t) return nullptr;
    setref(&tuple_items(paths.get())[i], t);
  }
  auto* g = alloc_object<Getter>(type);
  if (!g) return nullptr;
  g->items = paths.release();
  g->names = names.release();
  return g;
}

Object* dotted_getattr(Object* obj, Object* path) {
  Ref cur = Ref::borrow(obj);
  for (ssize i = 0; i < tuple_size(path); ++i) {
    cur = Ref::steal(object_getattr(cur.get(), tuple_get_borrowed(path, i)));
    if (!cur) return nullptr;
  }
  return cur.release();
}

Object* attrgetter_call(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!getter_call_args("attrgetter", nargs, kwnames)) return nullptr;
  auto* g = static_cast<Getter*>(self);
  ssize n = tuple_size(g->items);
  if (n == 1) return dotted_getattr(args[0], tuple_get_borrowed(g->items, 0));
  Ref result = Ref::steal(tuple_new(n));
  if (!result) return nullptr;
  for (ssize i = 0; i < n; ++i) tuple_set_steal(result.get(), i, newref(None));
  for (ssize i = 0; i < n; ++i) {
    Object* v = dotted_getattr(args[0], tuple_get_borrowed(g->items, i));
    if (!v) return nullptr;
    setref(&tuple_items(result.get())[i], v);
  }
  return result.release();
}

Object* attrgetter_repr(Object* self) {
  return repr_with_args(self, static_cast<Getter*>(self)->names, 0, nullptr);
}

Object* methodcaller_new(TypeObject* type, Object* const* args, ssize nargs, Object* kwnames) {
  if (nargs < 1) {
    return err_format(&Exc_TypeError, "methodcaller needs at least one argument, the method name");
  }
  if (!str_check(args[0])) return err_format(&Exc_TypeError, "method name must be a string");
  Ref items = Ref::steal(tuple_from_array(args, nargs));
  if (!items) return nullptr;
  Ref name = Ref::steal(str_intern(newref(args[0])));
  if (!name) return nullptr;
  setref(&tuple_items(items.get())[0], name.release());
  Ref kwargs;
  if (kwnames && tuple_size(kwnames) > 0) {
    kwargs = Ref::steal(dict_new());
    if (!kwargs) return nullptr;
    for (ssize i = 0; i < tuple_size(kwnames); ++i) {
      if (dict_setitem(kwargs.get(), tuple_get_borrowed(kwnames, i), args[nargs + i]) < 0) {
        return nullptr;
      }
    }
  }
  auto* g = alloc_object<Getter>(type);
  if (!g) return nullptr;
  g->items = items.release();
  g->kwargs = kwargs.release();
  return g;
}

Object* methodcaller_call(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!getter_call_args("methodcaller", nargs, kwnames)) return nullptr;
  auto* g = static_cast<Getter*>(self);
  Ref meth = Ref::steal(object_getattr(args[0], tuple_get_borrowed(g->items, 0)));
  if (!meth) return nullptr;
  ssize n = tuple_size(g->items) - 1;
  if (!g->kwargs) return call(meth.get(), tuple_items(g->items) + 1, n);
  Ref posargs = Ref::steal(tuple_get_slice(g->items, 1, n + 1));
  if (!posargs) return nullptr;
  return call_tuple_dict(meth.get(), posargs.get(), g->kwargs);
}

Object* methodcaller_repr(Object* self) {
  auto* g = static_cast<Getter*>(self);
  int rc = repr_enter(self);
  if (rc != 0) {
    if (rc < 0) return nullptr;
    return str_from_format("%s(...)", type_of(self)->name);
  }
  StrWriter w;
  w.append(type_of(self)->name);
  w.append("(");
  bool ok = w.append_repr(tuple_get_borrowed(g->items, 0));
  for (ssize i = 1; ok && i < tuple_size(g->items); ++i) {
    w.append(", ");
    ok = w.append_repr(tuple_get_borrowed(g->items, i));
  }
  if (ok && g->kwargs) {
    ssize pos = 0;
    Object *k, *v;
    while (ok && dict_next(g->kwargs, &pos, &k, &v)) {
      w.append(", ");
      ok = w.append_str(k);
      w.append("=");
      if (ok) ok = w.append_repr(v);
    }
  }
  repr_leave(self);
  if (!ok) return nullptr;
  w.append(")");
  return w.finish();
}

void init_getter_type(TypeObject& t, const char* name, newfunc new_, vectorcallfunc call,
                      unaryfunc repr, const char* doc) {
  t.ob_type = &TypeType;
  make_immortal(&t);
  t.name = name;
  t.basicsize = sizeof(Getter);
  t.flags = TPFLAG_HAVE_GC;
  t.dealloc = getter_dealloc;
  t.traverse = getter_traverse;
  t.clear = getter_clear;
  t.new_ = new_;
  t.call = call;
  t.repr = repr;
  t.doc = doc;
}

bool types_ready() {
  if (ItemGetterType.flags & TPFLAG_READY) return true;
  init_getter_type(ItemGetterType, "operator.itemgetter", itemgetter_new, itemgetter_call,
                   itemgetter_repr,
                   "Return a callable object that fetches the given item(s) from its operand.\n"
                   "After f = itemgetter(2), the call f(r) returns r[2].\nAfter g = "
                   "itemgetter(2, 5, 3), the call g(r) returns (r[2], r[5], r[3])");
  init_getter_type(AttrGetterType, "operator.attrgetter", attrgetter_new, attrgetter_call,
                   attrgetter_repr,
                   "Return a callable object that fetches the given attribute(s) from its "
                   "operand.\nAfter f = attrgetter('name'), the call f(r) returns r.name.\nAfter "
                   "g = attrgetter('name', 'date'), the call g(r) returns (r.name, r.date).\nAfter "
                   "h = attrgetter('name.first', 'name.last'), the call h(r) returns\n(r.name.first, "
                   "r.name.last).");
  init_getter_type(MethodCallerType, "operator.methodcaller", methodcaller_new, methodcaller_call,
                   methodcaller_repr,
                   "Return a callable object that calls the given method on its operand.\nAfter f "
                   "= methodcaller('name'), the call f(r) returns r.name().\nAfter g = "
                   "methodcaller('name', 'date', foo=1), the call g(r) returns\nr.name('date', "
                   "foo=1).");
  return type_ready(&ItemGetterType) >= 0 && type_ready(&AttrGetterType) >= 0 &&
         type_ready(&MethodCallerType) >= 0;
}

#define F(name, doc) {#name, op_##name, METH_DEFAULT, doc}
const MethodDef kOperatorFunctions[] = {
    F(abs, "Same as abs(a)."),
    F(add, "Same as a + b."),
    F(and_, "Same as a & b."),
    F(call, "Same as obj(*args, **kwargs)."),
    F(concat, "Same as a + b, for a and b sequences."),
    F(contains, "Same as b in a (note reversed operands)."),
    F(countOf, "Return the number of items in a which are, or which equal, b."),
    F(delitem, "Same as del a[b]."),
    F(eq, "Same as a == b."),
    F(floordiv, "Same as a // b."),
    F(ge, "Same as a >= b."),
    F(getitem, "Same as a[b]."),
    F(gt, "Same as a > b."),
    F(iadd, "Same as a += b."),
    F(iand, "Same as a &= b."),
    F(iconcat, "Same as a += b, for a and b sequences."),
    F(ifloordiv, "Same as a //= b."),
    F(ilshift, "Same as a <<= b."),
    F(imatmul, "Same as a @= b."),
    F(imod, "Same as a %= b."),
    F(imul, "Same as a *= b."),
    F(index, "Same as a.__index__()"),
    F(indexOf, "Return the first index of b in a."),
    F(inv, "Same as ~a."),
    F(invert, "Same as ~a."),
    F(ior, "Same as a |= b."),
    F(ipow, "Same as a **= b."),
    F(irshift, "Same as a >>= b."),
    F(is_, "Same as a is b."),
    F(is_not, "Same as a is not b."),
    F(isub, "Same as a -= b."),
    F(itruediv, "Same as a /= b."),
    F(ixor, "Same as a ^= b."),
    F(le, "Same as a <= b."),
    F(length_hint, "Return an estimate of the number of items in obj."),
    F(lshift, "Same as a << b."),
    F(lt, "Same as a < b."),
    F(matmul, "Same as a @ b."),
    F(mod, "Same as a % b."),
    F(mul, "Same as a * b."),
    F(ne, "Same as a != b."),
    F(neg, "Same as -a."),
    F(not_, "Same as not a."),
    F(or_, "Same as a | b."),
    F(pos, "Same as +a."),
    F(pow, "Same as a ** b."),
    F(rshift, "Same as a >> b."),
    F(setitem, "Same as a[b] = c."),
    F(sub, "Same as a - b."),
    F(truediv, "Same as a / b."),
    F(truth, "Return True if a is true, False otherwise."),
    F(xor, "Same as a ^ b."),
    {nullptr, nullptr, 0, nullptr},
};
#undef F

// (dunder alias, plain name) pairs: operator.__add__ is operator.add.
const char* const kDunders[][2] = {
    {"__lt__", "lt"},           {"__le__", "le"},           {"__eq__", "eq"},
    {"__ne__", "ne"},           {"__ge__", "ge"},           {"__gt__", "gt"},
    {"__not__", "not_"},        {"__abs__", "abs"},         {"__add__", "add"},
    {"__and__", "and_"},        {"__call__", "call"},       {"__floordiv__", "floordiv"},
    {"__index__", "index"},     {"__inv__", "inv"},         {"__invert__", "invert"},
    {"__lshift__", "lshift"},   {"__mod__", "mod"},         {"__mul__", "mul"},
    {"__matmul__", "matmul"},   {"__neg__", "neg"},         {"__or__", "or_"},
    {"__pos__", "pos"},         {"__pow__", "pow"},         {"__rshift__", "rshift"},
    {"__sub__", "sub"},         {"__truediv__", "truediv"}, {"__xor__", "xor"},
    {"__concat__", "concat"},   {"__contains__", "contains"}, {"__delitem__", "delitem"},
    {"__getitem__", "getitem"}, {"__setitem__", "setitem"}, {"__iadd__", "iadd"},
    {"__iand__", "iand"},       {"__iconcat__", "iconcat"}, {"__ifloordiv__", "ifloordiv"},
    {"__ilshift__", "ilshift"}, {"__imod__", "imod"},       {"__imul__", "imul"},
    {"__imatmul__", "imatmul"}, {"__ior__", "ior"},         {"__ipow__", "ipow"},
    {"__irshift__", "irshift"}, {"__isub__", "isub"},       {"__itruediv__", "itruediv"},
    {"__ixor__", "ixor"},
};

}  // namespace

Object* operator_module_init() {
  if (!types_ready()) return nullptr;
  Ref m = Ref::steal(module_new("operator"));
  if (!m || module_add_functions(m.get(), kOperatorFunctions) < 0) return nullptr;
  if (module_add_object(m.get(), "itemgetter", as_object(&ItemGetterType)) < 0 ||
      module_add_object(m.get(), "attrgetter", as_object(&AttrGetterType)) < 0 ||
      module_add_object(m.get(), "methodcaller", as_object(&MethodCallerType)) < 0) {
    return nullptr;
  }
  Object* d = module_get_dict_borrowed(m.get());
  Ref all = Ref::steal(list_new(0));
  if (!all) return nullptr;
  for (const MethodDef* def = kOperatorFunctions; def->name; ++def) {
    Ref s = Ref::steal(str_from_cstr(def->name));
    if (!s || list_append(all.get(), s.get()) < 0) return nullptr;
  }
  for (const char* extra : {"attrgetter", "itemgetter", "methodcaller"}) {
    Ref s = Ref::steal(str_from_cstr(extra));
    if (!s || list_append(all.get(), s.get()) < 0) return nullptr;
  }
  if (list_sort(all.get(), nullptr, false) < 0) return nullptr;
  if (module_add_object(m.get(), "__all__", all.get()) < 0) return nullptr;
  for (const auto& pair : kDunders) {
    Object* f = dict_get_str_borrowed(d, pair[1]);
    if (f && module_add_object(m.get(), pair[0], f) < 0) return nullptr;
  }
  if (module_add_string(m.get(), "__doc__",
                        "Operator interface.\n\nThis module exports a set of functions implemented "
                        "in C corresponding\nto the intrinsic operators of Python.  For example, "
                        "operator.add(x, y)\nis equivalent to the expression x+y.  The function "
                        "names are those\nused for special methods; variants without leading and "
                        "trailing\n'__' are also provided for convenience.") < 0) {
    return nullptr;
  }
  return m.release();
}

}  // namespace gilpy

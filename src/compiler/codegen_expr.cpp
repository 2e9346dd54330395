// Code generation, part 3: expressions.
//
// CPython 3.12's compile.c expression code (compiler_visit_expr1, compiler_jump_if,
// compiler_boolop, compiler_compare, compiler_call / compiler_call_helper /
// maybe_optimize_method_call, starunpack_helper, compiler_dict, compiler_subscript,
// compiler_joined_str, zero-argument super) adapted to gilpy's call protocol, where the callable
// is pushed BEFORE the self-or-NULL slot ([callable self_or_NULL args...], as CPython 3.13).
//
// Constant folding happens here (CPython does it in the AST optimizer): literals, tuples of
// constants, unary and binary operators on constants with CPython's size limits (results bigger
// than 128-bit ints, 4096-char strings or 256-item tuples are not folded), `in <list literal>`
// and `for x in <list literal>` become tuples / frozensets.
#include <gmp.h>

#include "compiler/codegen.h"
#include "core/abstract.h"
#include "core/error.h"
#include "objects/bytesobject.h"
#include "objects/containers.h"
#include "objects/floatobject.h"
#include "objects/intobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"

namespace gilpy {
Object* complex_from_doubles(double real, double imag);  // objects/complexobject.h
}

namespace gilpy::compiler {

using namespace gilpy::parser;

static constexpr size_t kStackUseGuideline = 30;

int binop_code(BinOperator op, bool inplace) {
  int code = NB_ADD;
  switch (op) {
    case BinOperator::Add: code = NB_ADD; break;
    case BinOperator::Sub: code = NB_SUBTRACT; break;
    case BinOperator::Mult: code = NB_MULTIPLY; break;
    case BinOperator::MatMult: code = NB_MATRIX_MULTIPLY; break;
    case BinOperator::Div: code = NB_TRUE_DIVIDE; break;
    case BinOperator::Mod: code = NB_REMAINDER; break;
    case BinOperator::Pow: code = NB_POWER; break;
    case BinOperator::LShift: code = NB_LSHIFT; break;
    case BinOperator::RShift: code = NB_RSHIFT; break;
    case BinOperator::BitOr: code = NB_OR; break;
    case BinOperator::BitXor: code = NB_XOR; break;
    case BinOperator::BitAnd: code = NB_AND; break;
    case BinOperator::FloorDiv: code = NB_FLOOR_DIVIDE; break;
  }
  return inplace ? code + (NB_INPLACE_ADD - NB_ADD) : code;
}

bool is_two_element_slice(Expr* s) {
  return s->kind == ExprKind::Slice && s->as<Slice>()->step == nullptr;
}

// ---- constants ----------------------------------------------------------------------------------
static bool all_name_chars(std::string_view s) {
  for (unsigned char c : s)
    if (!(c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
      return false;
  return true;
}

Object* Compiler::constant_value(Expr* e) {
  auto* c = e->as<Constant>();
  switch (c->value_kind) {
    case ConstantKind::None: return newref(None);
    case ConstantKind::True: return newref(True);
    case ConstantKind::False: return newref(False);
    case ConstantKind::Ellipsis: return newref(Ellipsis);
    case ConstantKind::Int:
      if (c->int_fits) return int_from_i64(c->int_value);
      return int_from_string(c->int_digits.data(), ssize(c->int_digits.size()), c->int_base);
    case ConstantKind::Float: return float_from_double(c->float_value);
    case ConstantKind::Complex: return complex_from_doubles(0.0, c->float_value);
    case ConstantKind::Str: {
      Object* s = str_from_utf8(c->str.data(), ssize(c->str.size()));
      if (s && all_name_chars(c->str)) s = str_intern(s);
      return s;
    }
    case ConstantKind::Bytes: return bytes_from(c->str.data(), ssize(c->str.size()));
  }
  return newref(None);
}

static constexpr int kMaxIntSize = 128;  // bits
static constexpr ssize kMaxCollectionSize = 256;
static constexpr ssize kMaxStrSize = 4096;
static constexpr ssize kMaxTotalItems = 1024;

static long int_bits(Object* o) {
  auto* i = static_cast<IntObject*>(o);
  if (!i->big) {
    uint64_t v = i->value < 0 ? uint64_t(0) - uint64_t(i->value) : uint64_t(i->value);
    return v ? 64 - __builtin_clzll(v) : 0;
  }
  return long(mpz_sizeinbase(i->big, 2));
}

static ssize const_len(Object* o) {
  if (str_check_exact(o)) return str_length(o);
  if (type_of(o) == &BytesType) return bytes_size(o);
  if (tuple_check_exact(o)) return tuple_size(o);
  return -1;
}

// Would folding `a op b` produce something too big to keep as a constant?
static bool fold_is_safe(Object* a, Object* b, BinOperator op) {
  bool ai = int_check_exact(a), bi = int_check_exact(b);
  switch (op) {
    case BinOperator::Mult: {
      if (ai && bi) return int_bits(a) + int_bits(b) <= kMaxIntSize;
      Object* seq = ai ? b : a;
      Object* n = ai ? a : b;
      if (!int_check_exact(n)) return true;
      ssize len = const_len(seq);
      if (len < 0) return true;
      bool ov = false;
      int64_t cnt = int_as_i64(n, &ov);
      if (ov) return false;
      if (cnt <= 0 || len == 0) return true;
      ssize limit = tuple_check_exact(seq) ? kMaxCollectionSize : kMaxStrSize;
      if (cnt > limit / len) return false;
      if (tuple_check_exact(seq) && cnt * len > kMaxTotalItems) return false;
      return true;
    }
    case BinOperator::Pow:
      if (ai && bi) {
        if (int_sign(b) < 0) return true;
        bool ov = false;
        int64_t w = int_as_i64(b, &ov);
        if (ov) return false;
        long vb = int_bits(a);
        return vb <= 1 || w <= kMaxIntSize / (vb ? vb : 1);
      }
      return true;
    case BinOperator::LShift:
      if (ai && bi) {
        bool ov = false;
        int64_t w = int_as_i64(b, &ov);
        if (ov || w < 0) return !ov && w < 0;  // negative shifts raise: fine to try
        if (w > kMaxIntSize) return int_sign(a) == 0;
        return int_bits(a) <= kMaxIntSize - w;
      }
      return true;
    case BinOperator::Mod:
      // str % args / bytes % args is formatting: not folded (as CPython).
      return !(str_check_exact(a) || type_of(a) == &BytesType);
    case BinOperator::Add: {
      ssize la = const_len(a), lb = const_len(b);
      if (la >= 0 && lb >= 0) {
        ssize limit = tuple_check_exact(a) ? kMaxCollectionSize : kMaxStrSize;
        return la + lb <= limit;
      }
      return true;
    }
    default: return true;
  }
}

Object* Compiler::fold_constant(Expr* e) {
  switch (e->kind) {
    case ExprKind::Constant: {
      Object* v = constant_value(e);
      if (!v) err_clear();
      return v;
    }
    case ExprKind::Name:
      if (e->ctx == ExprContext::Load && e->as<Name>()->id == "__debug__")
        return newref(optimize_ ? False : True);
      return nullptr;
    case ExprKind::Tuple: {
      if (e->ctx != ExprContext::Load) return nullptr;
      auto* t = e->as<Tuple>();
      for (Expr* x : t->elts)
        if (x->kind == ExprKind::Starred) return nullptr;
      Ref tup = Ref::steal(tuple_new(ssize(t->elts.size())));
      if (!tup) {
        err_clear();
        return nullptr;
      }
      for (size_t i = 0; i < t->elts.size(); i++) {
        Object* v = fold_constant(t->elts[i]);
        if (!v) {
          // Fill the rest so the tuple can be freed safely.
          for (size_t j = i; j < t->elts.size(); j++) tuple_set_steal(tup.get(), ssize(j), newref(None));
          return nullptr;
        }
        tuple_set_steal(tup.get(), ssize(i), v);
      }
      return tup.release();
    }
    case ExprKind::UnaryOp: {
      auto* u = e->as<UnaryOp>();
      Ref v = Ref::steal(fold_constant(u->operand));
      if (!v) return nullptr;
      Object* r = nullptr;
      switch (u->op) {
        case UnaryOperator::USub: r = number_negative(v.get()); break;
        case UnaryOperator::UAdd: r = number_positive(v.get()); break;
        case UnaryOperator::Invert:
          if (bool_check(v.get())) return nullptr;  // ~True warns at run time
          r = number_invert(v.get());
          break;
        case UnaryOperator::Not: {
          int t = object_is_true(v.get());
          if (t < 0) break;
          r = newref(t ? False : True);
          break;
        }
      }
      if (!r) err_clear();
      return r;
    }
    case ExprKind::BinOp: {
      auto* b = e->as<BinOp>();
      Ref l = Ref::steal(fold_constant(b->left));
      if (!l) return nullptr;
      Ref r = Ref::steal(fold_constant(b->right));
      if (!r) return nullptr;
      if (!fold_is_safe(l.get(), r.get(), b->op)) return nullptr;
      Object* res = number_binary_op(l.get(), r.get(), binop_code(b->op, false));
      if (!res) {
        err_clear();
        return nullptr;
      }
      return res;
    }
    default: return nullptr;
  }
}

bool Compiler::visit_iter(Expr* e) {
  if ((e->kind == ExprKind::List || e->kind == ExprKind::Set) && e->ctx == ExprContext::Load) {
    Span<Expr*> elts = e->kind == ExprKind::List ? e->as<List>()->elts : e->as<Set>()->elts;
    Ref tup = Ref::steal(tuple_new(ssize(elts.size())));
    if (!tup) return false;
    bool ok = true;
    for (size_t k = 0; k < elts.size(); k++) {
      Object* v = elts[k]->kind == ExprKind::Starred ? nullptr : fold_constant(elts[k]);
      if (!v) {
        ok = false;
        v = newref(None);
      }
      tuple_set_steal(tup.get(), ssize(k), v);
    }
    if (ok) {
      if (e->kind == ExprKind::List) return load_const(tup.release(), e->loc);
      Object* fs = frozenset_new(tup.get());
      if (fs) return load_const(fs, e->loc);
      err_clear();
    }
  }
  return visit_expr(e);
}

// ---- expressions --------------------------------------------------------------------------------
bool Compiler::visit_exprs(const Span<Expr*>& es) {
  for (Expr* e : es)
    if (!visit_expr(e)) return false;
  return true;
}

bool Compiler::visit_expr(Expr* e) { return visit_expr1(e); }

Loc Compiler::update_start_location_to_match_attr(Loc loc, Expr* attr) {
  auto* a = attr->as<Attribute>();
  if (loc.lineno != attr->loc.end_lineno) {
    loc.lineno = attr->loc.end_lineno;
    int len = int(a->attr.size());
    if (len <= attr->loc.end_col_offset) {
      loc.col_offset = attr->loc.end_col_offset - len;
    } else {
      loc.col_offset = -1;
      loc.end_col_offset = -1;
    }
    loc.end_lineno = std::max(loc.lineno, loc.end_lineno);
    if (loc.lineno == loc.end_lineno) loc.end_col_offset = std::max(loc.col_offset, loc.end_col_offset);
  }
  return loc;
}

bool Compiler::visit_expr1(Expr* e) {
  Loc loc = e->loc;
  switch (e->kind) {
    case ExprKind::NamedExpr: {
      auto* n = e->as<NamedExpr>();
      if (!visit_expr(n->value)) return false;
      emit(OP_COPY, 1, loc);
      return visit_expr(n->target);
    }
    case ExprKind::BoolOp: return boolop(e);
    case ExprKind::BinOp: {
      if (Object* folded = fold_constant(e)) return load_const(folded, loc);
      auto* b = e->as<BinOp>();
      if (!visit_expr(b->left) || !visit_expr(b->right)) return false;
      emit(OP_BINARY_OP, binop_code(b->op, false), loc);
      return true;
    }
    case ExprKind::UnaryOp: {
      if (Object* folded = fold_constant(e)) return load_const(folded, loc);
      auto* u = e->as<UnaryOp>();
      if (!visit_expr(u->operand)) return false;
      switch (u->op) {
        case UnaryOperator::USub: emit(OP_UNARY_NEGATIVE, 0, loc); break;
        case UnaryOperator::Invert: emit(OP_UNARY_INVERT, 0, loc); break;
        case UnaryOperator::Not: emit(OP_UNARY_NOT, 0, loc); break;
        case UnaryOperator::UAdd: emit(OP_CALL_INTRINSIC_1, INTRINSIC_UNARY_POSITIVE, loc); break;
      }
      return true;
    }
    case ExprKind::Lambda: return lambda(e);
    case ExprKind::IfExp: {
      auto* i = e->as<IfExp>();
      int end = new_label(), next = new_label();
      if (!jump_if(loc, i->test, next, false)) return false;
      if (!visit_expr(i->body)) return false;
      emit_jump(PSEUDO_JUMP, end, kNoLoc);
      use_label(next);
      if (!visit_expr(i->orelse)) return false;
      use_label(end);
      return true;
    }
    case ExprKind::Dict: return dict_display(e);
    case ExprKind::Set: return set_display(e);
    case ExprKind::GeneratorExp: {
      auto* g = e->as<GeneratorExp>();
      return comprehension(e, CompKind::Generator, g->generators, g->elt, nullptr);
    }
    case ExprKind::ListComp: {
      auto* g = e->as<ListComp>();
      return comprehension(e, CompKind::List, g->generators, g->elt, nullptr);
    }
    case ExprKind::SetComp: {
      auto* g = e->as<SetComp>();
      return comprehension(e, CompKind::Set, g->generators, g->elt, nullptr);
    }
    case ExprKind::DictComp: {
      auto* g = e->as<DictComp>();
      return comprehension(e, CompKind::Dict, g->generators, g->key, g->value);
    }
    case ExprKind::Yield: {
      if (!u_->ste->is_function_like()) return error("'yield' outside function", loc);
      auto* y = e->as<Yield>();
      if (y->value) {
        if (!visit_expr(y->value)) return false;
      } else {
        load_none(loc);
      }
      if (u_->scope_type == ScopeType::AsyncFunction)
        emit(OP_CALL_INTRINSIC_1, INTRINSIC_ASYNC_GEN_WRAP, loc);
      return add_yield(loc);
    }
    case ExprKind::YieldFrom: {
      if (!u_->ste->is_function_like()) return error("'yield' outside function", loc);
      if (u_->scope_type == ScopeType::AsyncFunction)
        return error("'yield from' inside async function", loc);
      if (!visit_expr(e->as<YieldFrom>()->value)) return false;
      emit(OP_GET_YIELD_FROM_ITER, 0, loc);
      load_none(loc);
      return add_yield_from(loc, false);
    }
    case ExprKind::Await: {
      if (!u_->ste->is_function_like()) return error("'await' outside function", loc);
      if (u_->scope_type != ScopeType::AsyncFunction && u_->scope_type != ScopeType::Comprehension)
        return error("'await' outside async function", loc);
      if (!visit_expr(e->as<Await>()->value)) return false;
      emit(OP_GET_AWAITABLE, 0, loc);
      load_none(loc);
      return add_yield_from(loc, true);
    }
    case ExprKind::Compare: return compare(e);
    case ExprKind::Call: return call(e);
    case ExprKind::FormattedValue: return formatted_value(e);
    case ExprKind::JoinedStr: return joined_str(e);
    case ExprKind::Constant: {
      Object* v = constant_value(e);
      return v && load_const(v, loc);
    }
    case ExprKind::Attribute: return attribute(e);
    case ExprKind::Subscript: return subscript(e);
    case ExprKind::Starred:
      if (e->ctx == ExprContext::Store)
        return error("starred assignment target must be in a list or tuple", loc);
      return error("can't use starred expression here", loc);
    case ExprKind::Slice: {
      int n = slice_parts(e);
      if (n < 0) return false;
      emit(OP_BUILD_SLICE, n, loc);
      return true;
    }
    case ExprKind::Name:
      if (e->ctx == ExprContext::Load && e->as<Name>()->id == "__debug__")
        return load_const_borrowed(optimize_ ? False : True, loc);
      return nameop(e->as<Name>()->id, e->ctx, loc);
    case ExprKind::List: return list_or_tuple(e, false);
    case ExprKind::Tuple: return list_or_tuple(e, true);
  }
  return true;
}

bool Compiler::attribute(Expr* e) {
  auto* a = e->as<Attribute>();
  Loc loc = e->loc;
  if (e->ctx == ExprContext::Load && can_optimize_super_call(e)) {
    if (!load_super_args(e)) return false;
    emit(OP_LOAD_SUPER_ATTR, add_name(a->attr) << 1, loc);
    loc = update_start_location_to_match_attr(loc, e);
    emit(OP_NOP, 0, loc);
    return true;
  }
  if (!visit_expr(a->value)) return false;
  loc = update_start_location_to_match_attr(loc, e);
  switch (e->ctx) {
    case ExprContext::Load: emit_name(OP_LOAD_ATTR, a->attr, loc); break;
    case ExprContext::Store:
      if (a->attr == "__debug__") return error("cannot assign to __debug__", loc);
      emit_name(OP_STORE_ATTR, a->attr, loc);
      break;
    case ExprContext::Del: emit_name(OP_DELETE_ATTR, a->attr, loc); break;
  }
  return true;
}

bool Compiler::can_optimize_super_call(Expr* attr) {
  auto* a = attr->as<Attribute>();
  Expr* e = a->value;
  if (e->kind != ExprKind::Call) return false;
  auto* c = e->as<Call>();
  if (c->func->kind != ExprKind::Name || c->func->as<Name>()->id != "super" ||
      a->attr == "__class__" || !c->keywords.empty() || !c->args.empty())
    return false;
  if (u_->ste->scope_of("super") != Scope::GlobalImplicit) return false;
  if (st_->top->scope_of("super") != Scope::None) return false;
  if (u_->argcount == 0 && u_->posonlyargcount == 0) return false;
  if (u_->ste->scope_of("__class__") != Scope::Free) return false;
  return true;
}

bool Compiler::load_super_args(Expr* attr) {
  Expr* e = attr->as<Attribute>()->value;
  auto* c = e->as<Call>();
  if (!nameop("super", ExprContext::Load, c->func->loc)) return false;
  if (!nameop("__class__", ExprContext::Load, e->loc)) return false;
  // The first argument (self), which may live in a cell.
  const std::string& first = u_->varnames.items[0];
  Scope sc = u_->ste->scope_of(first);
  if (sc == Scope::Cell) {
    emit(OP_LOAD_DEREF, u_->cellvars.add(first), e->loc);
  } else {
    emit(OP_LOAD_FAST, 0, e->loc);
  }
  return true;
}

int Compiler::slice_parts(Expr* s) {
  auto* sl = s->as<Slice>();
  int n = 2;
  if (sl->lower) {
    if (!visit_expr(sl->lower)) return -1;
  } else {
    load_none(s->loc);
  }
  if (sl->upper) {
    if (!visit_expr(sl->upper)) return -1;
  } else {
    load_none(s->loc);
  }
  if (sl->step) {
    n++;
    if (!visit_expr(sl->step)) return -1;
  }
  return n;
}

bool Compiler::subscript(Expr* e) {
  auto* s = e->as<Subscript>();
  Loc loc = e->loc;
  if (!visit_expr(s->value)) return false;
  if (is_two_element_slice(s->slice) && e->ctx != ExprContext::Del) {
    if (slice_parts(s->slice) < 0) return false;
    emit(e->ctx == ExprContext::Load ? OP_BINARY_SLICE : OP_STORE_SLICE, 0, loc);
    return true;
  }
  if (!visit_expr(s->slice)) return false;
  emit(e->ctx == ExprContext::Load    ? OP_BINARY_SUBSCR
       : e->ctx == ExprContext::Store ? OP_STORE_SUBSCR
                                      : OP_DELETE_SUBSCR,
       0, loc);
  return true;
}

bool Compiler::joined_str(Expr* e) {
  auto* j = e->as<JoinedStr>();
  Loc loc = e->loc;
  size_t n = j->values.size();
  if (n > kStackUseGuideline) {
    Object* empty = str_from_utf8("", 0);
    if (!empty || !load_const(empty, loc)) return false;
    emit(OP_LOAD_METHOD, add_name_unmangled("join"), loc);
    emit(OP_BUILD_LIST, 0, loc);
    for (Expr* v : j->values) {
      if (!visit_expr(v)) return false;
      emit(OP_LIST_APPEND, 1, loc);
    }
    emit(OP_CALL, 1, loc);
    return true;
  }
  if (n == 0) {
    Object* empty = str_from_utf8("", 0);
    return empty && load_const(empty, loc);
  }
  if (!visit_exprs(j->values)) return false;
  if (n != 1) emit(OP_BUILD_STRING, int(n), loc);
  return true;
}

bool Compiler::formatted_value(Expr* e) {
  auto* f = e->as<FormattedValue>();
  if (!visit_expr(f->value)) return false;
  int oparg = 0;
  switch (f->conversion) {
    case 's': oparg = 1; break;
    case 'r': oparg = 2; break;
    case 'a': oparg = 3; break;
    default: oparg = 0; break;
  }
  if (f->format_spec) {
    if (!visit_expr(f->format_spec)) return false;
    oparg |= 4;
  }
  emit(OP_FORMAT_VALUE, oparg, e->loc);
  return true;
}

// ---- boolean operators, comparisons, conditional jumps ------------------------------------------
bool Compiler::boolop(Expr* e) {
  auto* b = e->as<BoolOp>();
  Loc loc = e->loc;
  int jump = b->op == BoolOperator::And ? OP_POP_JUMP_IF_FALSE : OP_POP_JUMP_IF_TRUE;
  int end = new_label();
  size_t n = b->values.size() - 1;
  for (size_t i = 0; i < n; i++) {
    if (!visit_expr(b->values[i])) return false;
    emit(OP_COPY, 1, loc);
    emit_jump(jump, end, loc);
    emit(OP_POP_TOP, 0, loc);
  }
  if (!visit_expr(b->values[n])) return false;
  use_label(end);
  return true;
}

void Compiler::add_compare(CmpOperator op, const Loc& loc) {
  switch (op) {
    case CmpOperator::Eq: emit(OP_COMPARE_OP, CMP_EQ, loc); break;
    case CmpOperator::NotEq: emit(OP_COMPARE_OP, CMP_NE, loc); break;
    case CmpOperator::Lt: emit(OP_COMPARE_OP, CMP_LT, loc); break;
    case CmpOperator::LtE: emit(OP_COMPARE_OP, CMP_LE, loc); break;
    case CmpOperator::Gt: emit(OP_COMPARE_OP, CMP_GT, loc); break;
    case CmpOperator::GtE: emit(OP_COMPARE_OP, CMP_GE, loc); break;
    case CmpOperator::Is: emit(OP_IS_OP, 0, loc); break;
    case CmpOperator::IsNot: emit(OP_IS_OP, 1, loc); break;
    case CmpOperator::In: emit(OP_CONTAINS_OP, 0, loc); break;
    case CmpOperator::NotIn: emit(OP_CONTAINS_OP, 1, loc); break;
  }
}

// `x in [1, 2, 3]` / `x in {1, 2}`: the container is built once, as a constant.
static bool is_membership(CmpOperator op) { return op == CmpOperator::In || op == CmpOperator::NotIn; }

bool Compiler::compare(Expr* e) {
  auto* c = e->as<Compare>();
  Loc loc = e->loc;
  if (!visit_expr(c->left)) return false;
  size_t n = c->ops.size() - 1;
  auto visit_comparator = [&](size_t i) -> bool {
    Expr* x = c->comparators[i];
    if (is_membership(c->ops[i])) return visit_iter(x);
    return visit_expr(x);
  };
  if (n == 0) {
    if (!visit_comparator(0)) return false;
    add_compare(c->ops[0], loc);
    return true;
  }
  int cleanup = new_label();
  for (size_t i = 0; i < n; i++) {
    if (!visit_comparator(i)) return false;
    emit(OP_SWAP, 2, loc);
    emit(OP_COPY, 2, loc);
    add_compare(c->ops[i], loc);
    emit(OP_COPY, 1, loc);
    emit_jump(OP_POP_JUMP_IF_FALSE, cleanup, loc);
    emit(OP_POP_TOP, 0, loc);
  }
  if (!visit_comparator(n)) return false;
  add_compare(c->ops[n], loc);
  int end = new_label();
  emit_jump(PSEUDO_JUMP, end, kNoLoc);
  use_label(cleanup);
  emit(OP_SWAP, 2, loc);
  emit(OP_POP_TOP, 0, loc);
  use_label(end);
  return true;
}

bool Compiler::jump_if(const Loc& loc, Expr* e, int next, bool cond) {
  switch (e->kind) {
    case ExprKind::UnaryOp:
      if (e->as<UnaryOp>()->op == UnaryOperator::Not)
        return jump_if(loc, e->as<UnaryOp>()->operand, next, !cond);
      break;
    case ExprKind::BoolOp: {
      auto* b = e->as<BoolOp>();
      size_t n = b->values.size() - 1;
      bool cond2 = b->op == BoolOperator::Or;
      int next2 = next;
      if (cond2 != cond) next2 = new_label();
      for (size_t i = 0; i < n; i++)
        if (!jump_if(loc, b->values[i], next2, cond2)) return false;
      if (!jump_if(loc, b->values[n], next, cond)) return false;
      if (next2 != next) use_label(next2);
      return true;
    }
    case ExprKind::IfExp: {
      auto* i = e->as<IfExp>();
      int end = new_label(), next2 = new_label();
      if (!jump_if(loc, i->test, next2, false)) return false;
      if (!jump_if(loc, i->body, next, cond)) return false;
      emit_jump(PSEUDO_JUMP, end, kNoLoc);
      use_label(next2);
      if (!jump_if(loc, i->orelse, next, cond)) return false;
      use_label(end);
      return true;
    }
    case ExprKind::Compare: {
      auto* c = e->as<Compare>();
      size_t n = c->ops.size() - 1;
      if (n > 0) {
        int cleanup = new_label();
        if (!visit_expr(c->left)) return false;
        for (size_t i = 0; i < n; i++) {
          if (!visit_expr(c->comparators[i])) return false;
          emit(OP_SWAP, 2, e->loc);
          emit(OP_COPY, 2, e->loc);
          add_compare(c->ops[i], e->loc);
          emit_jump(OP_POP_JUMP_IF_FALSE, cleanup, e->loc);
        }
        if (!visit_expr(c->comparators[n])) return false;
        add_compare(c->ops[n], e->loc);
        emit_jump(cond ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, next, e->loc);
        int end = new_label();
        emit_jump(PSEUDO_JUMP, end, kNoLoc);
        use_label(cleanup);
        emit(OP_POP_TOP, 0, e->loc);
        if (!cond) emit_jump(PSEUDO_JUMP, next, kNoLoc);
        use_label(end);
        return true;
      }
      break;
    }
    default: break;
  }
  if (!visit_expr(e)) return false;
  emit_jump(cond ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, next, e->loc);
  return true;
}

// ---- displays -----------------------------------------------------------------------------------
bool Compiler::starunpack_helper(const Loc& loc, const Span<Expr*>& elts, int pushed, int build,
                                 int add, int extend, bool tuple) {
  size_t n = elts.size();
  if (n > 2) {
    // Every element a constant once folded (CPython's AST optimizer has folded -1, 2**64 and
    // ("a", 1) before the compiler looks): the display loads one constant.
    Ref folded = Ref::steal(tuple_new(ssize(n)));
    if (!folded) return false;
    size_t n_const = 0;
    for (; n_const < n; n_const++) {
      Object* v = fold_constant(elts[n_const]);
      if (!v) break;
      tuple_set_steal(folded.get(), ssize(n_const), v);
    }
    for (size_t j = n_const; j < n; j++) tuple_set_steal(folded.get(), ssize(j), newref(None));
    if (n_const == n) {
      if (tuple && !pushed) return load_const(folded.release(), loc);
      if (add == OP_SET_ADD) {
        // CPython's constant merging rebuilds the frozenset from its own iteration order, which
        // re-resolves hash collisions: do the same so the display iterates in CPython's order.
        Ref fs = Ref::steal(frozenset_new(folded.get()));
        Ref items = Ref::steal(fs ? sequence_tuple(fs.get()) : nullptr);
        if (!items) return false;
        folded.reset(frozenset_new(items.get()));
        if (!folded) return false;
      }
      emit(build, pushed, loc);
      if (!load_const(folded.release(), loc)) return false;
      emit(extend, 1, loc);
      if (tuple) emit(OP_CALL_INTRINSIC_1, INTRINSIC_LIST_TO_TUPLE, loc);
      return true;
    }
  }
  bool big = n + size_t(pushed) > kStackUseGuideline;
  bool seen_star = false;
  for (Expr* x : elts)
    if (x->kind == ExprKind::Starred) seen_star = true;
  if (!seen_star && !big) {
    if (!visit_exprs(elts)) return false;
    emit(tuple ? OP_BUILD_TUPLE : build, int(n) + pushed, loc);
    return true;
  }
  bool built = false;
  if (big) {
    emit(build, pushed, loc);
    built = true;
  }
  for (size_t i = 0; i < n; i++) {
    Expr* x = elts[i];
    if (x->kind == ExprKind::Starred) {
      if (!built) {
        emit(build, int(i) + pushed, loc);
        built = true;
      }
      if (!visit_expr(x->as<Starred>()->value)) return false;
      emit(extend, 1, loc);
    } else {
      if (!visit_expr(x)) return false;
      if (built) emit(add, 1, loc);
    }
  }
  if (tuple) emit(OP_CALL_INTRINSIC_1, INTRINSIC_LIST_TO_TUPLE, loc);
  return true;
}

bool Compiler::unpack_helper(const Loc& loc, const Span<Expr*>& elts) {
  size_t n = elts.size();
  bool seen_star = false;
  for (size_t i = 0; i < n; i++) {
    Expr* x = elts[i];
    if (x->kind == ExprKind::Starred && !seen_star) {
      if (i >= (1 << 8) || n - i - 1 >= (kMaxOparg >> 8))
        return error("too many expressions in star-unpacking assignment", loc);
      emit(OP_UNPACK_EX, int(i + ((n - i - 1) << 8)), loc);
      seen_star = true;
    } else if (x->kind == ExprKind::Starred) {
      return error("multiple starred expressions in assignment", loc);
    }
  }
  if (!seen_star) emit(OP_UNPACK_SEQUENCE, int(n), loc);
  return true;
}

bool Compiler::assignment_helper(const Loc& loc, const Span<Expr*>& elts) {
  if (!unpack_helper(loc, elts)) return false;
  for (Expr* x : elts)
    if (!visit_expr(x->kind == ExprKind::Starred ? x->as<Starred>()->value : x)) return false;
  return true;
}

bool Compiler::list_or_tuple(Expr* e, bool is_tuple) {
  Span<Expr*> elts = is_tuple ? e->as<Tuple>()->elts : e->as<List>()->elts;
  Loc loc = e->loc;
  switch (e->ctx) {
    case ExprContext::Store: return assignment_helper(loc, elts);
    case ExprContext::Load:
      if (is_tuple) {
        if (Object* folded = fold_constant(e)) return load_const(folded, loc);
      }
      return starunpack_helper(loc, elts, 0, OP_BUILD_LIST,
                               OP_LIST_APPEND, OP_LIST_EXTEND, is_tuple);
    case ExprContext::Del: return visit_exprs(elts);
  }
  return true;
}

bool Compiler::set_display(Expr* e) {
  return starunpack_helper(e->loc, e->as<Set>()->elts, 0, OP_BUILD_SET, OP_SET_ADD, OP_SET_UPDATE,
                           false);
}

bool Compiler::subdict(Expr* e, size_t begin, size_t end) {
  auto* d = e->as<Dict>();
  size_t n = end - begin;
  bool big = n * 2 > kStackUseGuideline;
  Loc loc = e->loc;
  if (n > 1 && !big) {
    bool all_const = true;
    for (size_t i = begin; i < end; i++)
      if (d->keys[i]->kind != ExprKind::Constant) all_const = false;
    if (all_const) {
      for (size_t i = begin; i < end; i++)
        if (!visit_expr(d->values[i])) return false;
      Ref keys = Ref::steal(tuple_new(ssize(n)));
      if (!keys) return false;
      for (size_t i = begin; i < end; i++) {
        Object* k = constant_value(d->keys[i]);
        if (!k) {
          for (size_t j = i; j < end; j++) tuple_set_steal(keys.get(), ssize(j - begin), newref(None));
          return false;
        }
        tuple_set_steal(keys.get(), ssize(i - begin), k);
      }
      if (!load_const(keys.release(), loc)) return false;
      emit(OP_BUILD_CONST_KEY_MAP, int(n), loc);
      return true;
    }
  }
  if (big) emit(OP_BUILD_MAP, 0, loc);
  for (size_t i = begin; i < end; i++) {
    if (!visit_expr(d->keys[i]) || !visit_expr(d->values[i])) return false;
    if (big) emit(OP_MAP_ADD, 1, loc);
  }
  if (!big) emit(OP_BUILD_MAP, int(n), loc);
  return true;
}

bool Compiler::dict_display(Expr* e) {
  auto* d = e->as<Dict>();
  Loc loc = e->loc;
  size_t n = d->values.size();
  bool have_dict = false;
  size_t elements = 0;
  for (size_t i = 0; i < n; i++) {
    bool is_unpacking = d->keys[i] == nullptr;
    if (is_unpacking) {
      if (elements) {
        if (!subdict(e, i - elements, i)) return false;
        if (have_dict) emit(OP_DICT_UPDATE, 1, loc);
        have_dict = true;
        elements = 0;
      }
      if (!have_dict) {
        emit(OP_BUILD_MAP, 0, loc);
        have_dict = true;
      }
      if (!visit_expr(d->values[i])) return false;
      emit(OP_DICT_UPDATE, 1, loc);
    } else {
      if (elements * 2 > kStackUseGuideline) {
        if (!subdict(e, i - elements, i + 1)) return false;
        if (have_dict) emit(OP_DICT_UPDATE, 1, loc);
        have_dict = true;
        elements = 0;
      } else {
        elements++;
      }
    }
  }
  if (elements) {
    if (!subdict(e, n - elements, n)) return false;
    if (have_dict) emit(OP_DICT_UPDATE, 1, loc);
    have_dict = true;
  }
  if (!have_dict) emit(OP_BUILD_MAP, 0, loc);
  return true;
}

// ---- calls --------------------------------------------------------------------------------------
bool Compiler::validate_keywords(const Span<Keyword*>& keywords) {
  for (size_t i = 0; i < keywords.size(); i++) {
    Keyword* k = keywords[i];
    if (!k->arg.data()) continue;
    if (k->arg == "__debug__") return error("cannot assign to __debug__", k->loc);
    for (size_t j = i + 1; j < keywords.size(); j++) {
      Keyword* o = keywords[j];
      if (o->arg.data() && o->arg == k->arg)
        return error("keyword argument repeated: " + std::string(k->arg), o->loc);
    }
  }
  return true;
}

static Object* kwnames_tuple(const Span<Keyword*>& keywords, size_t begin, size_t end) {
  Ref names = Ref::steal(tuple_new(ssize(end - begin)));
  if (!names) return nullptr;
  for (size_t i = begin; i < end; i++) {
    Object* s = str_from_utf8(keywords[i]->arg);
    if (!s) {
      for (size_t j = i; j < end; j++) tuple_set_steal(names.get(), ssize(j - begin), newref(None));
      return nullptr;
    }
    tuple_set_steal(names.get(), ssize(i - begin), str_intern(s));
  }
  return names.release();
}

bool Compiler::subkwargs(const Loc& loc, const Span<Keyword*>& keywords, size_t begin, size_t end) {
  size_t n = end - begin;
  bool big = n * 2 > kStackUseGuideline;
  if (n > 1 && !big) {
    for (size_t i = begin; i < end; i++)
      if (!visit_expr(keywords[i]->value)) return false;
    Object* keys = kwnames_tuple(keywords, begin, end);
    if (!keys || !load_const(keys, loc)) return false;
    emit(OP_BUILD_CONST_KEY_MAP, int(n), loc);
    return true;
  }
  if (big) emit(OP_BUILD_MAP, 0, kNoLoc);
  for (size_t i = begin; i < end; i++) {
    Object* k = str_from_utf8(keywords[i]->arg);
    if (!k || !load_const(str_intern(k), loc)) return false;
    if (!visit_expr(keywords[i]->value)) return false;
    if (big) emit(OP_MAP_ADD, 1, kNoLoc);
  }
  if (!big) emit(OP_BUILD_MAP, int(n), loc);
  return true;
}

bool Compiler::call_helper(const Loc& loc, int n, const Span<Expr*>& args,
                           const Span<Keyword*>& keywords) {
  if (!validate_keywords(keywords)) return false;
  size_t nelts = args.size(), nkw = keywords.size();
  bool ex_call = nelts + nkw * 2 > kStackUseGuideline;
  for (Expr* a : args)
    if (a->kind == ExprKind::Starred) ex_call = true;
  for (Keyword* k : keywords)
    if (!k->arg.data()) ex_call = true;
  if (!ex_call) {
    if (!visit_exprs(args)) return false;
    if (nkw) {
      for (Keyword* k : keywords)
        if (!visit_expr(k->value)) return false;
      Object* names = kwnames_tuple(keywords, 0, nkw);
      if (!names || !load_const(names, loc)) return false;
      emit(OP_CALL_KW, n + int(nelts + nkw), loc);
      return true;
    }
    emit(OP_CALL, n + int(nelts), loc);
    return true;
  }
  // f(*args, **kwargs): build the positional tuple and the keyword dict.
  if (n == 0 && nelts == 1 && args[0]->kind == ExprKind::Starred) {
    if (!visit_expr(args[0]->as<Starred>()->value)) return false;
  } else {
    if (!starunpack_helper(loc, args, n, OP_BUILD_LIST, OP_LIST_APPEND, OP_LIST_EXTEND, true))
      return false;
  }
  if (nkw) {
    bool have_dict = false;
    size_t nseen = 0;
    for (size_t i = 0; i < nkw; i++) {
      Keyword* k = keywords[i];
      if (!k->arg.data()) {
        if (nseen) {
          if (!subkwargs(loc, keywords, i - nseen, i)) return false;
          if (have_dict) emit(OP_DICT_MERGE, 1, loc);
          have_dict = true;
          nseen = 0;
        }
        if (!have_dict) {
          emit(OP_BUILD_MAP, 0, loc);
          have_dict = true;
        }
        if (!visit_expr(k->value)) return false;
        emit(OP_DICT_MERGE, 1, loc);
      } else {
        nseen++;
      }
    }
    if (nseen) {
      if (!subkwargs(loc, keywords, nkw - nseen, nkw)) return false;
      if (have_dict) emit(OP_DICT_MERGE, 1, loc);
    }
  }
  emit(OP_CALL_FUNCTION_EX, nkw > 0 ? 1 : 0, loc);
  return true;
}

bool Compiler::maybe_optimize_method_call(Expr* e, bool* done) {
  *done = false;
  auto* c = e->as<Call>();
  Expr* meth = c->func;
  if (meth->kind != ExprKind::Attribute || meth->ctx != ExprContext::Load) return true;
  size_t argsl = c->args.size(), kwdsl = c->keywords.size();
  if (argsl + kwdsl + (kwdsl != 0) >= kStackUseGuideline) return true;
  for (Expr* a : c->args)
    if (a->kind == ExprKind::Starred) return true;
  for (Keyword* k : c->keywords)
    if (!k->arg.data()) return true;
  if (!validate_keywords(c->keywords)) return false;
  auto* a = meth->as<Attribute>();
  Loc loc = meth->loc;
  if (can_optimize_super_call(meth)) {
    if (!load_super_args(meth)) return false;
    emit(OP_LOAD_SUPER_ATTR, (add_name(a->attr) << 1) | 1, loc);
    loc = update_start_location_to_match_attr(loc, meth);
    emit(OP_NOP, 0, loc);
  } else {
    if (!visit_expr(a->value)) return false;
    loc = update_start_location_to_match_attr(loc, meth);
    emit_name(OP_LOAD_METHOD, a->attr, loc);
  }
  if (!visit_exprs(c->args)) return false;
  Loc cloc = update_start_location_to_match_attr(e->loc, meth);
  if (kwdsl) {
    for (Keyword* k : c->keywords)
      if (!visit_expr(k->value)) return false;
    Object* names = kwnames_tuple(c->keywords, 0, kwdsl);
    if (!names || !load_const(names, cloc)) return false;
    emit(OP_CALL_KW, int(argsl + kwdsl), cloc);
  } else {
    emit(OP_CALL, int(argsl), cloc);
  }
  *done = true;
  return true;
}

bool Compiler::call(Expr* e) {
  auto* c = e->as<Call>();
  if (!validate_keywords(c->keywords)) return false;
  bool done = false;
  if (!maybe_optimize_method_call(e, &done)) return false;
  if (done) return true;
  if (!visit_expr(c->func)) return false;
  emit(OP_PUSH_NULL, 0, c->func->loc);
  return call_helper(e->loc, 0, c->args, c->keywords);
}

}  // namespace gilpy::compiler

// gilpy AST helpers: CPython names of node kinds/operators and `dump`, which prints exactly what
// CPython 3.12's `ast.dump(node)` prints (optional fields that are None are omitted, lists always
// printed, reprs of str/bytes/float/complex as Python's repr), optionally with positions
// (include_attributes=True).
#include <charconv>
#include <cmath>
#include <cstdio>
#include <string>

#include "parser/ast.h"

namespace gilpy::parser {

const char* name_of(ExprContext c) {
  static const char* n[] = {"Load", "Store", "Del"};
  return n[static_cast<int>(c)];
}
const char* name_of(BoolOperator o) { return o == BoolOperator::And ? "And" : "Or"; }
const char* name_of(BinOperator o) {
  static const char* n[] = {"Add", "Sub", "Mult", "MatMult", "Div", "Mod", "Pow", "LShift", "RShift", "BitOr", "BitXor", "BitAnd", "FloorDiv"};
  return n[static_cast<int>(o)];
}
const char* name_of(UnaryOperator o) {
  static const char* n[] = {"Invert", "Not", "UAdd", "USub"};
  return n[static_cast<int>(o)];
}
const char* name_of(CmpOperator o) {
  static const char* n[] = {"Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In", "NotIn"};
  return n[static_cast<int>(o)];
}
const char* name_of(ExprKind k) {
  static const char* n[] = {"BoolOp", "NamedExpr", "BinOp", "UnaryOp", "Lambda", "IfExp", "Dict", "Set", "ListComp",
                            "SetComp", "DictComp", "GeneratorExp", "Await", "Yield", "YieldFrom", "Compare", "Call",
                            "FormattedValue", "JoinedStr", "Constant", "Attribute", "Subscript", "Starred", "Name",
                            "List", "Tuple", "Slice"};
  return n[static_cast<int>(k)];
}
const char* name_of(StmtKind k) {
  static const char* n[] = {"FunctionDef", "AsyncFunctionDef", "ClassDef", "Return", "Delete", "Assign", "TypeAlias",
                            "AugAssign", "AnnAssign", "For", "AsyncFor", "While", "If", "With", "AsyncWith", "Match",
                            "Raise", "Try", "TryStar", "Assert", "Import", "ImportFrom", "Global", "Nonlocal", "Expr",
                            "Pass", "Break", "Continue"};
  return n[static_cast<int>(k)];
}
const char* name_of(PatternKind k) {
  static const char* n[] = {"MatchValue", "MatchSingleton", "MatchSequence", "MatchMapping", "MatchClass", "MatchStar", "MatchAs", "MatchOr"};
  return n[static_cast<int>(k)];
}

namespace {

uint32_t next_cp(std::string_view s, size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i++]);
  if (c < 0x80) return c;
  int n = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
  uint32_t cp = c & (0x3F >> n);
  for (int k = 0; k < n && i < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
  return cp;
}

bool printable(uint32_t cp) {
  if (cp < 0x20 || (cp >= 0x7F && cp <= 0xA0) || cp == 0xAD) return false;
  if ((cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) || (cp >= 0x205F && cp <= 0x206F)) return false;
  if (cp == 0x3000 || cp == 0xFEFF || (cp >= 0xD800 && cp <= 0xDFFF) || (cp >= 0xE000 && cp <= 0xF8FF)) return false;
  if (cp >= 0xF0000) return false;
  return true;
}

std::string repr_str(std::string_view s) {
  bool has_sq = s.find('\'') != std::string_view::npos, has_dq = s.find('"') != std::string_view::npos;
  char q = has_sq && !has_dq ? '"' : '\'';
  std::string out(1, q);
  size_t i = 0;
  while (i < s.size()) {
    size_t st = i;
    uint32_t cp = next_cp(s, i);
    char buf[16];
    if (cp == static_cast<uint32_t>(q) || cp == '\\') {
      out += '\\';
      out += static_cast<char>(cp);
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (cp == '\t') {
      out += "\\t";
    } else if (!printable(cp)) {
      if (cp < 0x100) snprintf(buf, sizeof buf, "\\x%02x", cp);
      else if (cp < 0x10000) snprintf(buf, sizeof buf, "\\u%04x", cp);
      else snprintf(buf, sizeof buf, "\\U%08x", cp);
      out += buf;
    } else {
      out.append(s.substr(st, i - st));
    }
  }
  out += q;
  return out;
}

std::string repr_bytes(std::string_view s) {
  bool has_sq = s.find('\'') != std::string_view::npos, has_dq = s.find('"') != std::string_view::npos;
  char q = has_sq && !has_dq ? '"' : '\'';
  std::string out = "b";
  out += q;
  for (unsigned char c : s) {
    char buf[8];
    if (c == q || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else if (c < 0x20 || c >= 0x7F) {
      snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else out += static_cast<char>(c);
  }
  out += q;
  return out;
}

// Python's float repr ('r' format, shortest round-trip). add_dot_0: float repr ("1.0") vs the
// imaginary part of a complex repr ("1j").
std::string repr_double(double d, bool add_dot_0) {
  if (std::isnan(d)) return "nan";
  if (std::isinf(d)) return d > 0 ? "inf" : "-inf";
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  std::string sci(buf, res.ptr);
  // sci: [-]D[.DDD]e[+-]XX
  bool neg = sci[0] == '-';
  if (neg) sci.erase(0, 1);
  size_t e = sci.find('e');
  std::string mant = sci.substr(0, e);
  int exp = std::stoi(sci.substr(e + 1));
  std::string digits;
  for (char c : mant)
    if (c != '.') digits += c;
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  int decpt = exp + 1;  // value = 0.DIGITS * 10^decpt
  std::string out;
  if (digits == "0") {
    out = add_dot_0 ? "0.0" : "0";
  } else if (decpt <= -4 || decpt > 16) {
    out = digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    char eb[16];
    snprintf(eb, sizeof eb, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    out += eb;
  } else if (decpt <= 0) {
    out = "0." + std::string(-decpt, '0') + digits;
  } else if (static_cast<size_t>(decpt) >= digits.size()) {
    out = digits + std::string(decpt - digits.size(), '0');
    if (add_dot_0) out += ".0";
  } else {
    out = digits.substr(0, decpt) + "." + digits.substr(decpt);
  }
  return neg ? "-" + out : out;
}

std::string int_repr(const Constant* c) {
  if (c->int_base == 10) return std::string(c->int_digits);
  if (c->int_fits) return std::to_string(c->int_value);
  // Convert arbitrary base to decimal (schoolbook, fine for dumps).
  std::vector<uint32_t> dec{0};  // little-endian base 1e9
  for (char ch : c->int_digits) {
    uint32_t d = ch <= '9' ? ch - '0' : ch - 'a' + 10;
    uint64_t carry = d;
    for (uint32_t& limb : dec) {
      uint64_t v = static_cast<uint64_t>(limb) * c->int_base + carry;
      limb = static_cast<uint32_t>(v % 1000000000u);
      carry = v / 1000000000u;
    }
    while (carry) {
      dec.push_back(static_cast<uint32_t>(carry % 1000000000u));
      carry /= 1000000000u;
    }
  }
  std::string out = std::to_string(dec.back());
  for (size_t i = dec.size() - 1; i-- > 0;) {
    char buf[16];
    snprintf(buf, sizeof buf, "%09u", dec[i]);
    out += buf;
  }
  return out;
}

struct Dumper {
  bool attrs;
  std::string out;

  void loc(const Loc& l) {
    if (!attrs) return;
    char buf[96];
    snprintf(buf, sizeof buf, ", lineno=%d, col_offset=%d, end_lineno=%d, end_col_offset=%d", l.lineno, l.col_offset,
             l.end_lineno, l.end_col_offset);
    out += buf;
  }
  void str(std::string_view s) { out += repr_str(s); }
  void ident_list(Span<std::string_view> v) {
    out += '[';
    for (size_t i = 0; i < v.size(); ++i) {
      if (i) out += ", ";
      str(v[i]);
    }
    out += ']';
  }
  template <class T, class F>
  void list(Span<T> v, F f) {
    out += '[';
    for (size_t i = 0; i < v.size(); ++i) {
      if (i) out += ", ";
      f(v[i]);
    }
    out += ']';
  }
  void exprs(Span<Expr*> v) {
    list(v, [&](Expr* e) { expr(e); });
  }
  void stmts(Span<Stmt*> v) {
    list(v, [&](Stmt* s) { stmt(s); });
  }
  void ctx(const Expr* e) {
    out += ", ctx=";
    out += name_of(e->ctx);
    out += "()";
  }
  void comps(Span<Comprehension*> gs) {
    list(gs, [&](Comprehension* c) {
      out += "comprehension(target=";
      expr(c->target);
      out += ", iter=";
      expr(c->iter);
      out += ", ifs=";
      exprs(c->ifs);
      out += c->is_async ? ", is_async=1)" : ", is_async=0)";
    });
  }
  void arg(const Arg* a) {
    out += "arg(arg=";
    str(a->arg);
    if (a->annotation) {
      out += ", annotation=";
      expr(a->annotation);
    }
    loc(a->loc);
    out += ')';
  }
  void arguments(const Arguments* a) {
    out += "arguments(posonlyargs=";
    list(a->posonlyargs, [&](Arg* x) { arg(x); });
    out += ", args=";
    list(a->args, [&](Arg* x) { arg(x); });
    if (a->vararg) {
      out += ", vararg=";
      arg(a->vararg);
    }
    out += ", kwonlyargs=";
    list(a->kwonlyargs, [&](Arg* x) { arg(x); });
    out += ", kw_defaults=";
    list(a->kw_defaults, [&](Expr* e) {
      if (e) expr(e);
      else out += "None";
    });
    if (a->kwarg) {
      out += ", kwarg=";
      arg(a->kwarg);
    }
    out += ", defaults=";
    exprs(a->defaults);
    out += ')';
  }
  void keywords(Span<Keyword*> ks) {
    list(ks, [&](Keyword* k) {
      out += "keyword(";
      if (k->arg.data()) {
        out += "arg=";
        str(k->arg);
        out += ", ";
      }
      out += "value=";
      expr(k->value);
      loc(k->loc);
      out += ')';
    });
  }
  void type_params(Span<TypeParam*> tps) {
    list(tps, [&](TypeParam* t) {
      out += t->kind == TypeParamKind::TypeVar ? "TypeVar(name=" : t->kind == TypeParamKind::ParamSpec ? "ParamSpec(name=" : "TypeVarTuple(name=";
      str(t->name);
      if (t->bound) {
        out += ", bound=";
        expr(t->bound);
      }
      loc(t->loc);
      out += ')';
    });
  }
  void constant_value(const Constant* c) {
    switch (c->value_kind) {
      case ConstantKind::None: out += "None"; break;
      case ConstantKind::True: out += "True"; break;
      case ConstantKind::False: out += "False"; break;
      case ConstantKind::Ellipsis: out += "Ellipsis"; break;
      case ConstantKind::Int: out += int_repr(c); break;
      case ConstantKind::Float: out += repr_double(c->float_value, true); break;
      case ConstantKind::Complex: out += repr_double(c->float_value, false) + "j"; break;
      case ConstantKind::Str: str(c->str); break;
      case ConstantKind::Bytes: out += repr_bytes(c->str); break;
    }
  }

  void expr(const Expr* e) {
    out += name_of(e->kind);
    out += '(';
    switch (e->kind) {
      case ExprKind::BoolOp: {
        auto* n = e->as<BoolOp>();
        out += "op=";
        out += name_of(n->op);
        out += "(), values=";
        exprs(n->values);
        break;
      }
      case ExprKind::NamedExpr: {
        auto* n = e->as<NamedExpr>();
        out += "target=";
        expr(n->target);
        out += ", value=";
        expr(n->value);
        break;
      }
      case ExprKind::BinOp: {
        auto* n = e->as<BinOp>();
        out += "left=";
        expr(n->left);
        out += ", op=";
        out += name_of(n->op);
        out += "(), right=";
        expr(n->right);
        break;
      }
      case ExprKind::UnaryOp: {
        auto* n = e->as<UnaryOp>();
        out += "op=";
        out += name_of(n->op);
        out += "(), operand=";
        expr(n->operand);
        break;
      }
      case ExprKind::Lambda: {
        auto* n = e->as<Lambda>();
        out += "args=";
        arguments(n->args);
        out += ", body=";
        expr(n->body);
        break;
      }
      case ExprKind::IfExp: {
        auto* n = e->as<IfExp>();
        out += "test=";
        expr(n->test);
        out += ", body=";
        expr(n->body);
        out += ", orelse=";
        expr(n->orelse);
        break;
      }
      case ExprKind::Dict: {
        auto* n = e->as<Dict>();
        out += "keys=";
        list(n->keys, [&](Expr* k) {
          if (k) expr(k);
          else out += "None";
        });
        out += ", values=";
        exprs(n->values);
        break;
      }
      case ExprKind::Set:
        out += "elts=";
        exprs(e->as<Set>()->elts);
        break;
      case ExprKind::ListComp:
        out += "elt=";
        expr(e->as<ListComp>()->elt);
        out += ", generators=";
        comps(e->as<ListComp>()->generators);
        break;
      case ExprKind::SetComp:
        out += "elt=";
        expr(e->as<SetComp>()->elt);
        out += ", generators=";
        comps(e->as<SetComp>()->generators);
        break;
      case ExprKind::GeneratorExp:
        out += "elt=";
        expr(e->as<GeneratorExp>()->elt);
        out += ", generators=";
        comps(e->as<GeneratorExp>()->generators);
        break;
      case ExprKind::DictComp: {
        auto* n = e->as<DictComp>();
        out += "key=";
        expr(n->key);
        out += ", value=";
        expr(n->value);
        out += ", generators=";
        comps(n->generators);
        break;
      }
      case ExprKind::Await:
        out += "value=";
        expr(e->as<Await>()->value);
        break;
      case ExprKind::Yield:
        if (e->as<Yield>()->value) {
          out += "value=";
          expr(e->as<Yield>()->value);
        }
        break;
      case ExprKind::YieldFrom:
        out += "value=";
        expr(e->as<YieldFrom>()->value);
        break;
      case ExprKind::Compare: {
        auto* n = e->as<Compare>();
        out += "left=";
        expr(n->left);
        out += ", ops=";
        list(n->ops, [&](CmpOperator o) {
          out += name_of(o);
          out += "()";
        });
        out += ", comparators=";
        exprs(n->comparators);
        break;
      }
      case ExprKind::Call: {
        auto* n = e->as<Call>();
        out += "func=";
        expr(n->func);
        out += ", args=";
        exprs(n->args);
        out += ", keywords=";
        keywords(n->keywords);
        break;
      }
      case ExprKind::FormattedValue: {
        auto* n = e->as<FormattedValue>();
        out += "value=";
        expr(n->value);
        out += ", conversion=" + std::to_string(n->conversion);
        if (n->format_spec) {
          out += ", format_spec=";
          expr(n->format_spec);
        }
        break;
      }
      case ExprKind::JoinedStr:
        out += "values=";
        exprs(e->as<JoinedStr>()->values);
        break;
      case ExprKind::Constant: {
        auto* n = e->as<Constant>();
        out += "value=";
        constant_value(n);
        if (n->u_prefix) out += ", kind='u'";
        break;
      }
      case ExprKind::Attribute: {
        auto* n = e->as<Attribute>();
        out += "value=";
        expr(n->value);
        out += ", attr=";
        str(n->attr);
        ctx(e);
        break;
      }
      case ExprKind::Subscript: {
        auto* n = e->as<Subscript>();
        out += "value=";
        expr(n->value);
        out += ", slice=";
        expr(n->slice);
        ctx(e);
        break;
      }
      case ExprKind::Starred:
        out += "value=";
        expr(e->as<Starred>()->value);
        ctx(e);
        break;
      case ExprKind::Name:
        out += "id=";
        str(e->as<Name>()->id);
        ctx(e);
        break;
      case ExprKind::List:
        out += "elts=";
        exprs(e->as<List>()->elts);
        ctx(e);
        break;
      case ExprKind::Tuple:
        out += "elts=";
        exprs(e->as<Tuple>()->elts);
        ctx(e);
        break;
      case ExprKind::Slice: {
        auto* n = e->as<Slice>();
        bool first = true;
        auto field = [&](const char* nm, Expr* x) {
          if (!x) return;
          if (!first) out += ", ";
          first = false;
          out += nm;
          out += '=';
          expr(x);
        };
        field("lower", n->lower);
        field("upper", n->upper);
        field("step", n->step);
        break;
      }
    }
    // Attributes: when there were no fields printed, CPython prints "Name(lineno=...)" without a
    // leading comma.
    if (attrs) {
      size_t before = out.size();
      loc(e->loc);
      if (out[before - 1] == '(') out.erase(before, 2);
    }
    out += ')';
  }

  void pattern(const Pattern* p) {
    out += name_of(p->kind);
    out += '(';
    size_t open = out.size();
    switch (p->kind) {
      case PatternKind::MatchValue:
        out += "value=";
        expr(p->as<MatchValue>()->value);
        break;
      case PatternKind::MatchSingleton: {
        ConstantKind k = p->as<MatchSingleton>()->value;
        out += k == ConstantKind::None ? "value=None" : k == ConstantKind::True ? "value=True" : "value=False";
        break;
      }
      case PatternKind::MatchSequence:
        out += "patterns=";
        list(p->as<MatchSequence>()->patterns, [&](Pattern* x) { pattern(x); });
        break;
      case PatternKind::MatchMapping: {
        auto* m = p->as<MatchMapping>();
        out += "keys=";
        exprs(m->keys);
        out += ", patterns=";
        list(m->patterns, [&](Pattern* x) { pattern(x); });
        if (m->rest.data()) {
          out += ", rest=";
          str(m->rest);
        }
        break;
      }
      case PatternKind::MatchClass: {
        auto* m = p->as<MatchClass>();
        out += "cls=";
        expr(m->cls);
        out += ", patterns=";
        list(m->patterns, [&](Pattern* x) { pattern(x); });
        out += ", kwd_attrs=";
        ident_list(m->kwd_attrs);
        out += ", kwd_patterns=";
        list(m->kwd_patterns, [&](Pattern* x) { pattern(x); });
        break;
      }
      case PatternKind::MatchStar:
        if (p->as<MatchStar>()->name.data()) {
          out += "name=";
          str(p->as<MatchStar>()->name);
        }
        break;
      case PatternKind::MatchAs: {
        auto* m = p->as<MatchAs>();
        bool any = false;
        if (m->pattern) {
          out += "pattern=";
          pattern(m->pattern);
          any = true;
        }
        if (m->name.data()) {
          if (any) out += ", ";
          out += "name=";
          str(m->name);
        }
        break;
      }
      case PatternKind::MatchOr:
        out += "patterns=";
        list(p->as<MatchOr>()->patterns, [&](Pattern* x) { pattern(x); });
        break;
    }
    if (attrs) {
      bool empty = out.size() == open;
      loc(p->loc);
      if (empty) out.erase(open, 2);
    }
    out += ')';
  }

  void body_field(const char* nm, Span<Stmt*> b) {
    out += nm;
    stmts(b);
  }

  void stmt(const Stmt* s) {
    out += name_of(s->kind);
    out += '(';
    size_t open = out.size();
    switch (s->kind) {
      case StmtKind::FunctionDef: case StmtKind::AsyncFunctionDef: {
        auto* f = s->as<FunctionDef>();
        out += "name=";
        str(f->name);
        out += ", args=";
        arguments(f->args);
        body_field(", body=", f->body);
        out += ", decorator_list=";
        exprs(f->decorator_list);
        if (f->returns) {
          out += ", returns=";
          expr(f->returns);
        }
        out += ", type_params=";
        type_params(f->type_params);
        break;
      }
      case StmtKind::ClassDef: {
        auto* c = s->as<ClassDef>();
        out += "name=";
        str(c->name);
        out += ", bases=";
        exprs(c->bases);
        out += ", keywords=";
        keywords(c->keywords);
        body_field(", body=", c->body);
        out += ", decorator_list=";
        exprs(c->decorator_list);
        out += ", type_params=";
        type_params(c->type_params);
        break;
      }
      case StmtKind::Return:
        if (s->as<Return>()->value) {
          out += "value=";
          expr(s->as<Return>()->value);
        }
        break;
      case StmtKind::Delete:
        out += "targets=";
        exprs(s->as<Delete>()->targets);
        break;
      case StmtKind::Assign:
        out += "targets=";
        exprs(s->as<Assign>()->targets);
        out += ", value=";
        expr(s->as<Assign>()->value);
        break;
      case StmtKind::TypeAlias: {
        auto* t = s->as<TypeAlias>();
        out += "name=";
        expr(t->name);
        out += ", type_params=";
        type_params(t->type_params);
        out += ", value=";
        expr(t->value);
        break;
      }
      case StmtKind::AugAssign: {
        auto* a = s->as<AugAssign>();
        out += "target=";
        expr(a->target);
        out += ", op=";
        out += name_of(a->op);
        out += "(), value=";
        expr(a->value);
        break;
      }
      case StmtKind::AnnAssign: {
        auto* a = s->as<AnnAssign>();
        out += "target=";
        expr(a->target);
        out += ", annotation=";
        expr(a->annotation);
        if (a->value) {
          out += ", value=";
          expr(a->value);
        }
        out += ", simple=" + std::to_string(a->simple);
        break;
      }
      case StmtKind::For: case StmtKind::AsyncFor: {
        auto* f = s->as<For>();
        out += "target=";
        expr(f->target);
        out += ", iter=";
        expr(f->iter);
        body_field(", body=", f->body);
        body_field(", orelse=", f->orelse);
        break;
      }
      case StmtKind::While: {
        auto* w = s->as<While>();
        out += "test=";
        expr(w->test);
        body_field(", body=", w->body);
        body_field(", orelse=", w->orelse);
        break;
      }
      case StmtKind::If: {
        auto* w = s->as<If>();
        out += "test=";
        expr(w->test);
        body_field(", body=", w->body);
        body_field(", orelse=", w->orelse);
        break;
      }
      case StmtKind::With: case StmtKind::AsyncWith: {
        auto* w = s->as<With>();
        out += "items=";
        list(w->items, [&](WithItem* it) {
          out += "withitem(context_expr=";
          expr(it->context_expr);
          if (it->optional_vars) {
            out += ", optional_vars=";
            expr(it->optional_vars);
          }
          out += ')';
        });
        body_field(", body=", w->body);
        break;
      }
      case StmtKind::Match: {
        auto* m = s->as<Match>();
        out += "subject=";
        expr(m->subject);
        out += ", cases=";
        list(m->cases, [&](MatchCase* c) {
          out += "match_case(pattern=";
          pattern(c->pattern);
          if (c->guard) {
            out += ", guard=";
            expr(c->guard);
          }
          body_field(", body=", c->body);
          out += ')';
        });
        break;
      }
      case StmtKind::Raise: {
        auto* r = s->as<Raise>();
        if (r->exc) {
          out += "exc=";
          expr(r->exc);
        }
        if (r->cause) {
          out += r->exc ? ", cause=" : "cause=";
          expr(r->cause);
        }
        break;
      }
      case StmtKind::Try: case StmtKind::TryStar: {
        auto* t = s->as<Try>();
        body_field("body=", t->body);
        out += ", handlers=";
        list(t->handlers, [&](ExceptHandler* h) {
          out += "ExceptHandler(";
          if (h->type) {
            out += "type=";
            expr(h->type);
            out += ", ";
          }
          if (h->name.data()) {
            out += "name=";
            str(h->name);
            out += ", ";
          }
          body_field("body=", h->body);
          loc(h->loc);
          out += ')';
        });
        body_field(", orelse=", t->orelse);
        body_field(", finalbody=", t->finalbody);
        break;
      }
      case StmtKind::Assert: {
        auto* a = s->as<Assert>();
        out += "test=";
        expr(a->test);
        if (a->msg) {
          out += ", msg=";
          expr(a->msg);
        }
        break;
      }
      case StmtKind::Import: case StmtKind::ImportFrom: {
        Span<Alias*> names;
        if (s->kind == StmtKind::Import) {
          names = s->as<Import>()->names;
        } else {
          auto* f = s->as<ImportFrom>();
          names = f->names;
          if (f->module.data()) {
            out += "module=";
            str(f->module);
            out += ", ";
          }
        }
        out += "names=";
        list(names, [&](Alias* a) {
          out += "alias(name=";
          str(a->name);
          if (a->asname.data()) {
            out += ", asname=";
            str(a->asname);
          }
          loc(a->loc);
          out += ')';
        });
        if (s->kind == StmtKind::ImportFrom) out += ", level=" + std::to_string(s->as<ImportFrom>()->level);
        break;
      }
      case StmtKind::Global:
        out += "names=";
        ident_list(s->as<Global>()->names);
        break;
      case StmtKind::Nonlocal:
        out += "names=";
        ident_list(s->as<Nonlocal>()->names);
        break;
      case StmtKind::Expr:
        out += "value=";
        expr(s->as<ExprStmt>()->value);
        break;
      case StmtKind::Pass: case StmtKind::Break: case StmtKind::Continue:
        break;
    }
    if (attrs) {
      bool empty = out.size() == open;
      loc(s->loc);
      if (empty) out.erase(open, 2);
    }
    out += ')';
  }

  void module(const Module& m) {
    switch (m.kind) {
      case ModKind::Module:
        out += "Module(body=";
        stmts(m.body);
        out += ", type_ignores=[])";
        break;
      case ModKind::Interactive:
        out += "Interactive(body=";
        stmts(m.body);
        out += ")";
        break;
      case ModKind::Expression:
        out += "Expression(body=";
        expr(m.expr);
        out += ")";
        break;
    }
  }
};

}  // namespace

std::string dump(const Module& m) {
  Dumper d{false, {}};
  d.module(m);
  return d.out;
}
std::string dump(const Stmt* s) {
  Dumper d{false, {}};
  d.stmt(s);
  return d.out;
}
std::string dump(const Expr* e) {
  Dumper d{false, {}};
  d.expr(e);
  return d.out;
}
std::string dump_with_positions(const Module& m) {
  Dumper d{true, {}};
  d.module(m);
  return d.out;
}

}  // namespace gilpy::parser

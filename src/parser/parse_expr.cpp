// gilpy parser: expressions, atoms, literals (numbers, strings, f-strings), call arguments, parameter
// lists, comprehensions and assignment-target checking. Mirrors the expression part of CPython 3.12's
// Grammar/python.gram; see parser_impl.h for the overall strategy and invariants.
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "parser/parser_impl.h"
#include "parser/unicode_names.h"

namespace gilpy::parser {

namespace {

void append_utf8(std::string& s, uint32_t cp) {
  if (cp < 0x80) {
    s += static_cast<char>(cp);
  } else if (cp < 0x800) {
    s += static_cast<char>(0xC0 | (cp >> 6));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {  // includes lone surrogates (WTF-8)
    s += static_cast<char>(0xE0 | (cp >> 12));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    s += static_cast<char>(0xF0 | (cp >> 18));
    s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

int hexval(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

bool decode_str_body(std::string_view b, bool raw, std::string& out, std::string& msg, size_t& bad_start,
                     size_t& bad_end) {
  if (raw) {
    out.append(b);
    return true;
  }
  size_t i = 0, n = b.size();
  out.reserve(out.size() + n);
  while (i < n) {
    char c = b[i];
    if (c != '\\' || i + 1 >= n) {
      out += c;
      ++i;
      continue;
    }
    size_t esc = i;
    char d = b[i + 1];
    i += 2;
    switch (d) {
      case '\n': break;
      case '\\': out += '\\'; break;
      case '\'': out += '\''; break;
      case '"': out += '"'; break;
      case 'a': out += '\a'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'v': out += '\v'; break;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        uint32_t v = d - '0';
        for (int k = 0; k < 2 && i < n && b[i] >= '0' && b[i] <= '7'; ++k) v = v * 8 + (b[i++] - '0');
        append_utf8(out, v);
        break;
      }
      case 'x': case 'u': case 'U': {
        int len = d == 'x' ? 2 : d == 'u' ? 4 : 8;
        uint32_t v = 0;
        int k = 0;
        for (; k < len && i < n && hexval(b[i]) >= 0; ++k) v = v * 16 + hexval(b[i++]);
        if (k < len) {
          msg = d == 'x' ? "truncated \\xXX escape" : d == 'u' ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape";
          bad_start = esc, bad_end = i;
          return false;
        }
        if (v > 0x10FFFF) {
          msg = "illegal Unicode character";
          bad_start = esc, bad_end = i;
          return false;
        }
        append_utf8(out, v);
        break;
      }
      case 'N': {
        bool ok = false;
        if (i < n && b[i] == '{') {
          size_t close = b.find('}', i);
          if (close != std::string_view::npos) {
            std::string_view nm = b.substr(i + 1, close - i - 1);
            UcdNameMatch m = nm.empty() ? UcdNameMatch() : ucd_name_lookup(nm.data(), nm.size());
            if (m.kind != UcdNameKind::None && m.kind != UcdNameKind::NamedSequence) {
              append_utf8(out, m.cp);
              ok = true;
              i = close + 1;
            } else if (!nm.empty()) {
              msg = "unknown Unicode character name";
              bad_start = esc, bad_end = close + 1;
              return false;
            } else {
              i = close;  // "\N{}": malformed, up to the brace
            }
          } else {
            i = n;  // no closing brace: malformed, to the end
          }
        }
        if (!ok) {
          msg = "malformed \\N character escape";
          bad_start = esc, bad_end = i;
          return false;
        }
        break;
      }
      default:
        // Invalid escape: kept verbatim (CPython emits a DeprecationWarning).
        out += '\\';
        out += d;
        break;
    }
  }
  return true;
}

const char* expr_name(const Expr* e) {
  switch (e->kind) {
    case ExprKind::Attribute: return "attribute";
    case ExprKind::Subscript: return "subscript";
    case ExprKind::Starred: return "starred";
    case ExprKind::Name: return "name";
    case ExprKind::List: return "list";
    case ExprKind::Tuple: return "tuple";
    case ExprKind::Lambda: return "lambda";
    case ExprKind::Call: return "function call";
    case ExprKind::BoolOp: case ExprKind::BinOp: case ExprKind::UnaryOp: return "expression";
    case ExprKind::GeneratorExp: return "generator expression";
    case ExprKind::Yield: case ExprKind::YieldFrom: return "yield expression";
    case ExprKind::Await: return "await expression";
    case ExprKind::ListComp: return "list comprehension";
    case ExprKind::SetComp: return "set comprehension";
    case ExprKind::DictComp: return "dict comprehension";
    case ExprKind::Dict: return "dict literal";
    case ExprKind::Set: return "set display";
    case ExprKind::JoinedStr: case ExprKind::FormattedValue: return "f-string expression";
    case ExprKind::Constant: {
      ConstantKind k = e->as<Constant>()->value_kind;
      if (k == ConstantKind::None) return "None";
      if (k == ConstantKind::True) return "True";
      if (k == ConstantKind::False) return "False";
      if (k == ConstantKind::Ellipsis) return "ellipsis";
      return "literal";
    }
    case ExprKind::Compare: return "comparison";
    case ExprKind::IfExp: return "conditional expression";
    case ExprKind::NamedExpr: return "named expression";
    case ExprKind::Slice: return "slice";
  }
  return "expression";
}

bool Parser::starts_expression(Tok t) const {
  switch (t) {
    case Tok::Name: case Tok::Number: case Tok::String: case Tok::FStringStart: case Tok::LPar:
    case Tok::LSqb: case Tok::LBrace: case Tok::Minus: case Tok::Plus: case Tok::Tilde: case Tok::KwNot:
    case Tok::KwLambda: case Tok::KwAwait: case Tok::KwNone: case Tok::KwTrue: case Tok::KwFalse:
    case Tok::Ellipsis:
      return true;
    default:
      return false;
  }
}

// ------------------------------------------------------------------------------------------------
// Expression rules
// ------------------------------------------------------------------------------------------------

Expr* Parser::expressions() {
  size_t s = pos_;
  Expr* e = expression();
  if (!at(Tok::Comma)) return e;
  std::vector<Expr*> elts{e};
  while (eat(Tok::Comma)) {
    if (!starts_expression(type())) break;
    elts.push_back(expression());
  }
  Tuple* t = mk<Tuple>(loc_from(s));
  t->elts = span(elts);
  return t;
}

Expr* Parser::expression() {
  if (at(Tok::KwLambda)) return lambdef();
  size_t s = pos_;
  Expr* a = disjunction();
  if (!at(Tok::KwIf)) return a;
  ++pos_;
  Expr* b = disjunction();
  if (!eat(Tok::KwElse)) {
    if (!at(Tok::Colon)) {
      Loc l = loc_from(s);
      fail_range("expected 'else' after 'if' expression", a->loc.lineno, a->loc.col_offset, l.end_lineno, l.end_col_offset);
    }
    fail_generic();
  }
  Expr* c = expression();
  IfExp* e = mk<IfExp>(loc_from(s));
  e->test = b, e->body = a, e->orelse = c;
  return e;
}

Expr* Parser::yield_expr() {
  size_t s = pos_;
  expect(Tok::KwYield);
  if (eat(Tok::KwFrom)) {
    Expr* v = expression();
    YieldFrom* y = mk<YieldFrom>(loc_from(s));
    y->value = v;
    return y;
  }
  Expr* v = nullptr;
  if (starts_expression(type()) || at(Tok::Star)) v = star_expressions();
  Yield* y = mk<Yield>(loc_from(s));
  y->value = v;
  return y;
}

Expr* Parser::star_expressions() {
  size_t s = pos_;
  Expr* e = star_expression();
  if (!at(Tok::Comma)) return e;
  std::vector<Expr*> elts{e};
  while (eat(Tok::Comma)) {
    if (!starts_expression(type()) && !at(Tok::Star)) break;
    elts.push_back(star_expression());
  }
  Tuple* t = mk<Tuple>(loc_from(s));
  t->elts = span(elts);
  return t;
}

Expr* Parser::star_expression() {
  if (at(Tok::Star)) {
    size_t s = pos_++;
    Expr* v = bitwise_or();
    Starred* st = mk<Starred>(loc_from(s));
    st->value = v;
    return st;
  }
  return expression();
}

Expr* Parser::star_named_expression() {
  if (at(Tok::Star)) {
    size_t s = pos_++;
    Expr* v = bitwise_or();
    Starred* st = mk<Starred>(loc_from(s));
    st->value = v;
    return st;
  }
  return named_expression();
}

Expr* Parser::named_expression() {
  size_t s = pos_;
  if (at(Tok::Name) && peek_type(1) == Tok::ColonEqual) {
    Name* n = mk<Name>(tok_loc(tok()));
    n->id = id(advance());
    n->ctx = ExprContext::Store;
    ++pos_;
    Expr* v = expression();
    NamedExpr* ne = mk<NamedExpr>(loc_from(s));
    ne->target = n, ne->value = v;
    return ne;
  }
  Expr* e = expression();
  if (at(Tok::Equal)) invalid_named_expression_check(s);
  if (at(Tok::ColonEqual)) {
    char buf[96];
    snprintf(buf, sizeof buf, "cannot use assignment expressions with %s", expr_name(e));
    fail_loc(buf, e->loc);
  }
  return e;
}

void Parser::invalid_named_expression_check(size_t start) {
  size_t save = pos_, save_max = max_pos_;
  std::string msg;
  Loc where{};
  try {
    pos_ = start;
    Tok ft = type();
    bool is_name = ft == Tok::Name && peek_type(1) == Tok::Equal;
    Expr* a = bitwise_or();
    if (!at(Tok::Equal)) throw ParseFail{};
    ++pos_;
    Expr* b = bitwise_or();
    if (at(Tok::Equal) || at(Tok::ColonEqual)) throw ParseFail{};
    if (is_name) {
      msg = "invalid syntax. Maybe you meant '==' or ':=' instead of '='?";
      where = Loc{a->loc.lineno, a->loc.col_offset, b->loc.end_lineno, b->loc.end_col_offset};
    } else if (!(ft == Tok::LSqb || ft == Tok::KwTrue || ft == Tok::KwFalse || ft == Tok::KwNone ||
                 (ft == Tok::LPar && (a->kind == ExprKind::Tuple || a->kind == ExprKind::GeneratorExp)))) {
      msg = std::string("cannot assign to ") + expr_name(a) + " here. Maybe you meant '==' instead of '='?";
      where = a->loc;
    }
  } catch (ParseFail&) {
  }
  pos_ = save;
  max_pos_ = save_max;
  err_ = SyntaxErrorInfo{};
  if (!msg.empty()) fail_loc(msg, where);
}

Expr* Parser::disjunction() {
  size_t s = pos_;
  Expr* a = conjunction();
  if (at(Tok::KwOr)) {
    std::vector<Expr*> vals{a};
    while (eat(Tok::KwOr)) vals.push_back(conjunction());
    BoolOp* b = mk<BoolOp>(loc_from(s));
    b->op = BoolOperator::Or;
    b->values = span(vals);
    a = b;
  }
  last_disj_start_ = s;
  last_disj_end_ = pos_;
  return a;
}

Expr* Parser::conjunction() {
  size_t s = pos_;
  Expr* a = inversion();
  if (!at(Tok::KwAnd)) return a;
  std::vector<Expr*> vals{a};
  while (eat(Tok::KwAnd)) vals.push_back(inversion());
  BoolOp* b = mk<BoolOp>(loc_from(s));
  b->op = BoolOperator::And;
  b->values = span(vals);
  return b;
}

Expr* Parser::inversion() {
  if (at(Tok::KwNot)) {
    size_t s = pos_++;
    Expr* v = inversion();
    UnaryOp* u = mk<UnaryOp>(loc_from(s));
    u->op = UnaryOperator::Not;
    u->operand = v;
    return u;
  }
  return comparison();
}

Expr* Parser::comparison() {
  size_t s = pos_;
  Expr* a = bitwise_or();
  std::vector<CmpOperator> ops;
  std::vector<Expr*> cmps;
  for (;;) {
    CmpOperator op;
    switch (type()) {
      case Tok::EqEqual: op = CmpOperator::Eq; break;
      case Tok::NotEqual:
        if (text(tok()) == "<>") fail_generic();
        op = CmpOperator::NotEq;
        break;
      case Tok::Less: op = CmpOperator::Lt; break;
      case Tok::LessEqual: op = CmpOperator::LtE; break;
      case Tok::Greater: op = CmpOperator::Gt; break;
      case Tok::GreaterEqual: op = CmpOperator::GtE; break;
      case Tok::KwIn: op = CmpOperator::In; break;
      case Tok::KwIs:
        if (peek_type(1) == Tok::KwNot) {
          ++pos_;
          op = CmpOperator::IsNot;
        } else {
          op = CmpOperator::Is;
        }
        break;
      case Tok::KwNot:
        if (peek_type(1) != Tok::KwIn) goto done;
        ++pos_;
        op = CmpOperator::NotIn;
        break;
      default:
        goto done;
    }
    ++pos_;
    ops.push_back(op);
    cmps.push_back(bitwise_or());
  }
done:
  if (ops.empty()) return a;
  Compare* c = mk<Compare>(loc_from(s));
  c->left = a;
  c->ops = span(ops);
  c->comparators = span(cmps);
  return c;
}

#define BINOP_LEVEL(fn, next, ...)                                   \
  Expr* Parser::fn() {                                               \
    size_t s = pos_;                                                 \
    Expr* a = next();                                                \
    for (;;) {                                                       \
      BinOperator op;                                                \
      switch (type()) {                                              \
        __VA_ARGS__                                                  \
        default: return a;                                           \
      }                                                              \
      ++pos_;                                                        \
      Expr* b = next();                                              \
      BinOp* e = mk<BinOp>(loc_from(s));                             \
      e->left = a, e->op = op, e->right = b;                         \
      a = e;                                                         \
    }                                                                \
  }

BINOP_LEVEL(bitwise_or, bitwise_xor, case Tok::VBar: op = BinOperator::BitOr; break;)
BINOP_LEVEL(bitwise_xor, bitwise_and, case Tok::Circumflex: op = BinOperator::BitXor; break;)
BINOP_LEVEL(bitwise_and, shift_expr, case Tok::Amper: op = BinOperator::BitAnd; break;)
BINOP_LEVEL(shift_expr, sum, case Tok::LeftShift: op = BinOperator::LShift; break;
            case Tok::RightShift: op = BinOperator::RShift; break;)
BINOP_LEVEL(sum, term, case Tok::Plus: op = BinOperator::Add; break;
            case Tok::Minus: op = BinOperator::Sub; break;)
BINOP_LEVEL(term, factor, case Tok::Star: op = BinOperator::Mult; break;
            case Tok::Slash: op = BinOperator::Div; break;
            case Tok::DoubleSlash: op = BinOperator::FloorDiv; break;
            case Tok::Percent: op = BinOperator::Mod; break;
            case Tok::At: op = BinOperator::MatMult; break;)
#undef BINOP_LEVEL

Expr* Parser::factor() {
  UnaryOperator op;
  switch (type()) {
    case Tok::Plus: op = UnaryOperator::UAdd; break;
    case Tok::Minus: op = UnaryOperator::USub; break;
    case Tok::Tilde: op = UnaryOperator::Invert; break;
    default: return power();
  }
  size_t s = pos_++;
  Expr* v = factor();
  UnaryOp* u = mk<UnaryOp>(loc_from(s));
  u->op = op, u->operand = v;
  return u;
}

Expr* Parser::power() {
  size_t s = pos_;
  Expr* a = await_primary();
  if (!eat(Tok::DoubleStar)) return a;
  Expr* b = factor();
  BinOp* e = mk<BinOp>(loc_from(s));
  e->left = a, e->op = BinOperator::Pow, e->right = b;
  return e;
}

Expr* Parser::await_primary() {
  if (at(Tok::KwAwait)) {
    size_t s = pos_++;
    Expr* v = primary();
    Await* a = mk<Await>(loc_from(s));
    a->value = v;
    return a;
  }
  return primary();
}

Expr* Parser::primary() {
  size_t s = pos_;
  Expr* e = atom();
  for (;;) {
    switch (type()) {
      case Tok::Dot: {
        ++pos_;
        if (!at(Tok::Name)) fail_generic();
        std::string_view nm = id(advance());
        Attribute* a = mk<Attribute>(loc_from(s));
        a->value = e, a->attr = nm;
        e = a;
        break;
      }
      case Tok::LPar: {
        ++pos_;
        std::vector<Expr*> args;
        std::vector<Keyword*> kws;
        size_t lp = pos_ - 1;
        call_arguments(args, kws);
        // A lone generator argument spans the call's parentheses.
        if (args.size() == 1 && kws.empty() && args[0]->kind == ExprKind::GeneratorExp &&
            args[0]->loc.lineno == -1) {
          args[0]->loc = loc_from(lp);
        }
        Call* c = mk<Call>(loc_from(s));
        c->func = e, c->args = span(args), c->keywords = span(kws);
        e = c;
        break;
      }
      case Tok::LSqb: {
        ++pos_;
        Expr* sl = slices();
        expect(Tok::RSqb);
        Subscript* sub = mk<Subscript>(loc_from(s));
        sub->value = e, sub->slice = sl;
        e = sub;
        break;
      }
      default:
        return e;
    }
  }
}

Expr* Parser::slices() {
  size_t s = pos_;
  Expr* first = at(Tok::Star) ? star_expression() : slice();
  if (!at(Tok::Comma) && first->kind != ExprKind::Starred) return first;
  std::vector<Expr*> elts{first};
  while (eat(Tok::Comma)) {
    if (at(Tok::RSqb)) break;
    elts.push_back(at(Tok::Star) ? star_expression() : slice());
  }
  Tuple* t = mk<Tuple>(loc_from(s));
  t->elts = span(elts);
  return t;
}

Expr* Parser::slice() {
  size_t s = pos_;
  Expr* lower = nullptr;
  if (!at(Tok::Colon)) {
    lower = named_expression();
    if (!at(Tok::Colon)) return lower;
  }
  ++pos_;  // ':'
  Expr* upper = nullptr;
  Expr* step = nullptr;
  if (starts_expression(type())) upper = expression();
  if (eat(Tok::Colon)) {
    if (starts_expression(type())) step = expression();
  }
  Slice* sl = mk<Slice>(loc_from(s));
  sl->lower = lower, sl->upper = upper, sl->step = step;
  return sl;
}

Expr* Parser::atom() {
  const Token& t = tok();
  switch (t.type) {
    case Tok::Name: {
      Name* n = mk<Name>(tok_loc(t));
      n->id = id(t);
      ++pos_;
      return n;
    }
    case Tok::KwNone: case Tok::KwTrue: case Tok::KwFalse: case Tok::Ellipsis: {
      Constant* c = mk<Constant>(tok_loc(t));
      c->value_kind = t.type == Tok::KwNone ? ConstantKind::None
                      : t.type == Tok::KwTrue ? ConstantKind::True
                      : t.type == Tok::KwFalse ? ConstantKind::False
                                               : ConstantKind::Ellipsis;
      ++pos_;
      return c;
    }
    case Tok::Number: {
      Constant* c = mk<Constant>(tok_loc(t));
      std::string_view raw = text(t);
      std::string clean;
      clean.reserve(raw.size());
      for (char ch : raw)
        if (ch != '_') clean += ch;
      ++pos_;
      if (clean.size() > 1 && clean[0] == '0' && (clean[1] == 'x' || clean[1] == 'X' || clean[1] == 'o' ||
                                                   clean[1] == 'O' || clean[1] == 'b' || clean[1] == 'B')) {
        char k = static_cast<char>(clean[1] | 0x20);
        c->value_kind = ConstantKind::Int;
        c->int_base = k == 'x' ? 16 : k == 'o' ? 8 : 2;
        std::string d = clean.substr(2);
        for (char& ch : d) ch = static_cast<char>(ch >= 'A' && ch <= 'F' ? ch + 32 : ch);
        size_t nz = d.find_first_not_of('0');
        d = nz == std::string::npos ? "0" : d.substr(nz);
        c->int_digits = a_.str(d);
      } else if (clean.back() == 'j' || clean.back() == 'J') {
        c->value_kind = ConstantKind::Complex;
        clean.pop_back();
        c->float_value = std::strtod(clean.c_str(), nullptr);
        return c;
      } else if (clean.find_first_of(".eE") != std::string::npos) {
        c->value_kind = ConstantKind::Float;
        c->float_value = std::strtod(clean.c_str(), nullptr);
        return c;
      } else {
        c->value_kind = ConstantKind::Int;
        c->int_base = 10;
        size_t nz = clean.find_first_not_of('0');
        c->int_digits = a_.str(nz == std::string::npos ? std::string("0") : clean.substr(nz));
      }
      // int64 fast path
      uint64_t v = 0;
      bool fits = true;
      for (char ch : c->int_digits) {
        int d = hexval(ch);
        if (v > (UINT64_MAX - d) / c->int_base) {
          fits = false;
          break;
        }
        v = v * c->int_base + d;
      }
      if (fits && v <= static_cast<uint64_t>(INT64_MAX)) {
        c->int_fits = true;
        c->int_value = static_cast<int64_t>(v);
      }
      if (c->int_digits.empty()) c->int_digits = a_.str("0");
      return c;
    }
    case Tok::String: case Tok::FStringStart:
      return strings();
    case Tok::LPar:
      return paren_atom();
    case Tok::LSqb:
      return list_atom();
    case Tok::LBrace:
      return brace_atom();
    default:
      fail_generic();
  }
}

Span<Comprehension*> Parser::for_if_clauses() {
  std::vector<Comprehension*> gens;
  while (at(Tok::KwFor) || (at(Tok::KwAsync) && peek_type(1) == Tok::KwFor)) {
    bool is_async = eat(Tok::KwAsync);
    ++pos_;  // for
    Expr* target = star_targets();
    if (!eat(Tok::KwIn)) fail_generic();
    Expr* iter = disjunction();
    std::vector<Expr*> ifs;
    while (eat(Tok::KwIf)) ifs.push_back(disjunction());
    Comprehension* c = a_.make<Comprehension>();
    c->target = target, c->iter = iter, c->ifs = span(ifs), c->is_async = is_async;
    gens.push_back(c);
  }
  return span(gens);
}

Expr* Parser::paren_atom() {
  size_t s = pos_++;
  if (eat(Tok::RPar)) {
    return mk<Tuple>(loc_from(s));
  }
  if (at(Tok::KwYield)) {
    Expr* y = yield_expr();
    expect(Tok::RPar);
    return y;
  }
  Expr* first = star_named_expression();
  if (at(Tok::KwFor) || (at(Tok::KwAsync) && peek_type(1) == Tok::KwFor)) {
    if (first->kind == ExprKind::Starred) fail_loc("iterable unpacking cannot be used in comprehension", first->loc);
    Span<Comprehension*> gens = for_if_clauses();
    expect(Tok::RPar);
    GeneratorExp* g = mk<GeneratorExp>(loc_from(s));
    g->elt = first, g->generators = gens;
    return g;
  }
  if (eat(Tok::RPar)) {
    if (first->kind == ExprKind::Starred) fail_loc("cannot use starred expression here", first->loc);
    return first;
  }
  if (!at(Tok::Comma)) {
    if (first->kind == ExprKind::NamedExpr || at(Tok::Equal)) {
      // (x = 1) etc.
    }
    fail_generic();
  }
  std::vector<Expr*> elts{first};
  while (eat(Tok::Comma)) {
    if (at(Tok::RPar)) break;
    elts.push_back(star_named_expression());
  }
  expect(Tok::RPar);
  Tuple* t = mk<Tuple>(loc_from(s));
  t->elts = span(elts);
  return t;
}

Expr* Parser::list_atom() {
  size_t s = pos_++;
  std::vector<Expr*> elts;
  if (!at(Tok::RSqb)) {
    Expr* first = star_named_expression();
    if (at(Tok::KwFor) || (at(Tok::KwAsync) && peek_type(1) == Tok::KwFor)) {
      if (first->kind == ExprKind::Starred) fail_loc("iterable unpacking cannot be used in comprehension", first->loc);
      Span<Comprehension*> gens = for_if_clauses();
      expect(Tok::RSqb);
      ListComp* l = mk<ListComp>(loc_from(s));
      l->elt = first, l->generators = gens;
      return l;
    }
    elts.push_back(first);
    while (eat(Tok::Comma)) {
      if (at(Tok::RSqb)) break;
      elts.push_back(star_named_expression());
    }
  }
  expect(Tok::RSqb);
  List* l = mk<List>(loc_from(s));
  l->elts = span(elts);
  return l;
}

Expr* Parser::brace_atom() {
  size_t s = pos_++;
  if (eat(Tok::RBrace)) return mk<Dict>(loc_from(s));
  std::vector<Expr*> keys, vals;
  // First item decides dict vs set.
  bool is_dict;
  if (at(Tok::DoubleStar)) {
    is_dict = true;
    ++pos_;
    keys.push_back(nullptr);
    vals.push_back(bitwise_or());
  } else {
    Expr* k = star_named_expression();
    if (at(Tok::Colon) && k->kind != ExprKind::Starred) {
      ++pos_;
      Expr* v = expression();
      if (at(Tok::KwFor) || (at(Tok::KwAsync) && peek_type(1) == Tok::KwFor)) {
        Span<Comprehension*> gens = for_if_clauses();
        expect(Tok::RBrace);
        DictComp* d = mk<DictComp>(loc_from(s));
        d->key = k, d->value = v, d->generators = gens;
        return d;
      }
      is_dict = true;
      keys.push_back(k);
      vals.push_back(v);
    } else {
      if (at(Tok::KwFor) || (at(Tok::KwAsync) && peek_type(1) == Tok::KwFor)) {
        if (k->kind == ExprKind::Starred) fail_loc("iterable unpacking cannot be used in comprehension", k->loc);
        Span<Comprehension*> gens = for_if_clauses();
        expect(Tok::RBrace);
        SetComp* sc = mk<SetComp>(loc_from(s));
        sc->elt = k, sc->generators = gens;
        return sc;
      }
      is_dict = false;
      vals.push_back(k);
    }
  }
  while (eat(Tok::Comma)) {
    if (at(Tok::RBrace)) break;
    if (is_dict) {
      if (eat(Tok::DoubleStar)) {
        keys.push_back(nullptr);
        vals.push_back(bitwise_or());
      } else {
        Expr* k = expression();
        if (!at(Tok::Colon)) {
          if (at(Tok::Comma) || at(Tok::RBrace)) {
            // invalid_double_starred_kvpairs / invalid_kvpair
            // RAISE_SYNTAX_ERROR_STARTING_FROM: no end position.
            try {
              fail_loc("':' expected after dictionary key", k->loc);
            } catch (ParseFail&) {
              err_.end_lineno = err_.lineno;
              err_.end_offset = 0;
              throw;
            }
          }
          fail_generic();
        }
        ++pos_;
        if (at(Tok::RBrace) || at(Tok::Comma)) {
          const Token& c = toks_[pos_ - 1];
          fail_range("expression expected after dictionary key and ':'", c.lineno, c.col, c.end_lineno, c.end_col);
        }
        keys.push_back(k);
        vals.push_back(expression());
      }
    } else {
      vals.push_back(star_named_expression());
    }
  }
  expect(Tok::RBrace);
  if (is_dict) {
    Dict* d = mk<Dict>(loc_from(s));
    d->keys = span(keys), d->values = span(vals);
    return d;
  }
  Set* st = mk<Set>(loc_from(s));
  st->elts = span(vals);
  return st;
}

Expr* Parser::lambdef() {
  size_t s = pos_++;
  Arguments* args = parameters(true, Tok::Colon);
  expect_forced(Tok::Colon);
  Expr* body = expression();
  Lambda* l = mk<Lambda>(loc_from(s));
  l->args = args, l->body = body;
  return l;
}

// ------------------------------------------------------------------------------------------------
// Parameters (def and lambda)
// ------------------------------------------------------------------------------------------------

Arg* Parser::param(bool lambda, bool allow_star_annotation) {
  if (!at(Tok::Name)) fail_generic();
  size_t s = pos_;
  Arg* a = a_.make<Arg>();
  a->arg = id(advance());
  a->annotation = nullptr;
  if (!lambda && eat(Tok::Colon)) {
    if (allow_star_annotation && at(Tok::Star)) a->annotation = star_expression();
    else a->annotation = expression();
  }
  a->loc = loc_from(s);
  return a;
}

Arguments* Parser::parameters(bool lambda, Tok closer) {
  Arguments* A = a_.make<Arguments>();
  std::vector<Arg*> posonly, args, kwonly;
  std::vector<Expr*> defaults, kw_defaults;
  bool seen_slash = false, seen_star = false, seen_default = false;
  while (!at(closer)) {
    if (at(Tok::Slash)) {
      const Token& sl = tok();
      if (seen_slash) fail_tok("/ may appear only once", sl);
      if (seen_star) fail_tok("/ must be ahead of *", sl);
      if (args.empty()) fail_tok("at least one argument must precede /", sl);
      ++pos_;
      seen_slash = true;
      posonly.insert(posonly.end(), args.begin(), args.end());
      args.clear();
    } else if (at(Tok::Star)) {
      const Token& st = tok();
      if (seen_star) fail_tok("* argument may appear only once", st);
      ++pos_;
      seen_star = true;
      if (at(Tok::Comma) || at(closer)) {
        if (at(closer) || peek_type(1) == Tok::DoubleStar)
          fail_tok("named arguments must follow bare *", st);
      } else {
        A->vararg = param(lambda, true);
        if (at(Tok::Equal)) fail_tok("var-positional argument cannot have default value", tok());
      }
    } else if (at(Tok::DoubleStar)) {
      ++pos_;
      A->kwarg = param(lambda);
      if (at(Tok::Equal)) fail_tok("var-keyword argument cannot have default value", tok());
      if (at(Tok::Comma) && peek_type(1) != closer) {
        ++pos_;
        fail_tok("arguments cannot follow var-keyword argument", tok());
      }
    } else {
      Arg* a = param(lambda);
      Expr* def = nullptr;
      if (eat(Tok::Equal)) {
        if (at(Tok::Comma) || at(closer)) fail_generic();
        def = expression();
      }
      if (seen_star) {
        kwonly.push_back(a);
        kw_defaults.push_back(def);
      } else {
        if (def) {
          seen_default = true;
          defaults.push_back(def);
        } else if (seen_default) {
          fail_loc("parameter without a default follows parameter with a default", a->loc);
        }
        args.push_back(a);
      }
    }
    if (!eat(Tok::Comma)) break;
  }
  if (!at(closer)) fail_generic();
  A->posonlyargs = span(posonly);
  A->args = span(args);
  A->kwonlyargs = span(kwonly);
  A->kw_defaults = span(kw_defaults);
  A->defaults = span(defaults);
  return A;
}

// ------------------------------------------------------------------------------------------------
// Call arguments
// ------------------------------------------------------------------------------------------------

void Parser::call_arguments(std::vector<Expr*>& args, std::vector<Keyword*>& kws) {
  bool seen_kw = false, seen_dstar = false;
  while (!at(Tok::RPar)) {
    size_t s = pos_;
    if (at(Tok::Star)) {
      ++pos_;
      Expr* v = expression();
      Starred* st = mk<Starred>(loc_from(s));
      st->value = v;
      if (seen_dstar) fail_loc("iterable argument unpacking follows keyword argument unpacking", st->loc);
      args.push_back(st);
    } else if (at(Tok::DoubleStar)) {
      ++pos_;
      Expr* v = expression();
      Keyword* k = a_.make<Keyword>();
      k->value = v;
      k->loc = loc_from(s);
      kws.push_back(k);
      seen_dstar = true;
    } else if (at(Tok::Name) && peek_type(1) == Tok::Equal) {
      std::string_view nm = id(advance());
      ++pos_;
      if (at(Tok::Comma) || at(Tok::RPar)) {
        const Token& eq = toks_[pos_ - 1];
        fail_range("expected argument value expression", toks_[s].lineno, toks_[s].col, eq.end_lineno, eq.end_col);
      }
      Expr* v = expression();
      Keyword* k = a_.make<Keyword>();
      k->arg = nm;
      k->value = v;
      k->loc = loc_from(s);
      kws.push_back(k);
      seen_kw = true;
    } else {
      Expr* e;
      if (at(Tok::Name) && peek_type(1) == Tok::ColonEqual) e = named_expression();
      else e = expression();
      if (at(Tok::KwFor) || (at(Tok::KwAsync) && peek_type(1) == Tok::KwFor)) {
        Span<Comprehension*> gens = for_if_clauses();
        GeneratorExp* g = mk<GeneratorExp>(loc_from(s));
        g->elt = e, g->generators = gens;
        if (!args.empty() || !kws.empty() || !at(Tok::RPar)) {
          if (!(args.empty() && kws.empty() && at(Tok::Comma) && peek_type(1) == Tok::RPar))
            fail_loc("Generator expression must be parenthesized", g->loc);
        }
        g->loc.lineno = -1;  // marker: primary() gives it the parentheses' span
        args.push_back(g);
      } else {
        if (at(Tok::Equal)) {
          const Token& eq = tok();
          if (e->kind == ExprKind::Constant) {
            ConstantKind ck = e->as<Constant>()->value_kind;
            if (ck == ConstantKind::True || ck == ConstantKind::False || ck == ConstantKind::None) {
              char buf[64];
              snprintf(buf, sizeof buf, "cannot assign to %s", expr_name(e));
              fail_range(buf, e->loc.lineno, e->loc.col_offset, eq.end_lineno, eq.end_col);
            }
          }
          fail_range("expression cannot contain assignment, perhaps you meant \"==\"?", e->loc.lineno,
                     e->loc.col_offset, eq.end_lineno, eq.end_col);
        }
        if (seen_kw || seen_dstar) {
          // CPython raises at the last token it looked at (the token after the argument).
          peek_type(0);
          const Token& t = toks_[max_pos_];
          fail_at_token_start(seen_dstar && !seen_kw ? "positional argument follows keyword argument unpacking"
                                                     : "positional argument follows keyword argument", t);
        }
        args.push_back(e);
      }
    }
    if (!eat(Tok::Comma)) break;
  }
  expect(Tok::RPar);
}

// ------------------------------------------------------------------------------------------------
// Targets
// ------------------------------------------------------------------------------------------------

Expr* Parser::star_targets() {
  size_t s = pos_;
  auto one = [&]() -> Expr* {
    if (at(Tok::Star)) {
      size_t ss = pos_++;
      Expr* v = bitwise_or();
      Starred* st = mk<Starred>(loc_from(ss));
      st->value = v;
      return st;
    }
    return bitwise_or();
  };
  Expr* first = one();
  Expr* result = first;
  if (at(Tok::Comma)) {
    std::vector<Expr*> elts{first};
    while (eat(Tok::Comma)) {
      if (!starts_expression(type()) && !at(Tok::Star)) break;
      elts.push_back(one());
    }
    Tuple* t = mk<Tuple>(loc_from(s));
    t->elts = span(elts);
    result = t;
  }
  if (invalid_target(result, TargetsType::For)) {
    // CPython's invalid_for_target parses star_expressions (which may swallow the 'in').
    size_t save = pos_;
    pos_ = s;
    Expr* full = star_expressions();
    (void)save;
    fail_invalid_target(full, TargetsType::For);
  }
  set_context(result, ExprContext::Store, TargetsType::For);
  return result;
}

const Expr* Parser::invalid_target(const Expr* e, TargetsType tt) const {
  switch (e->kind) {
    case ExprKind::List:
      for (Expr* x : e->as<List>()->elts)
        if (const Expr* r = invalid_target(x, tt)) return r;
      return nullptr;
    case ExprKind::Tuple:
      for (Expr* x : e->as<Tuple>()->elts)
        if (const Expr* r = invalid_target(x, tt)) return r;
      return nullptr;
    case ExprKind::Starred:
      if (tt == TargetsType::Del) return e;
      return invalid_target(e->as<Starred>()->value, tt);
    case ExprKind::Compare:
      if (tt == TargetsType::For) {
        const Compare* c = e->as<Compare>();
        if (c->ops[0] == CmpOperator::In) return invalid_target(c->left, tt);
        return nullptr;
      }
      return e;
    case ExprKind::Name: case ExprKind::Subscript: case ExprKind::Attribute:
      return nullptr;
    default:
      return e;
  }
}

void Parser::fail_invalid_target(const Expr* e, TargetsType tt) {
  const Expr* bad = invalid_target(e, tt);
  if (!bad) bad = e;
  char buf[96];
  snprintf(buf, sizeof buf, tt == TargetsType::Del ? "cannot delete %s" : "cannot assign to %s", expr_name(bad));
  fail_loc(buf, bad->loc);
}

void Parser::set_context(Expr* e, ExprContext ctx, TargetsType tt) {
  switch (e->kind) {
    case ExprKind::Name: case ExprKind::Attribute: case ExprKind::Subscript:
      e->ctx = ctx;
      return;
    case ExprKind::Starred:
      e->ctx = ctx;
      set_context(e->as<Starred>()->value, ctx, tt);
      return;
    case ExprKind::List:
      e->ctx = ctx;
      for (Expr* x : e->as<List>()->elts) set_context(x, ctx, tt);
      return;
    case ExprKind::Tuple:
      e->ctx = ctx;
      for (Expr* x : e->as<Tuple>()->elts) set_context(x, ctx, tt);
      return;
    default:
      fail_invalid_target(e, tt);
  }
}

bool Parser::is_bitwise_or_level(const Expr* e) const {
  switch (e->kind) {
    case ExprKind::BoolOp: case ExprKind::NamedExpr: case ExprKind::Lambda: case ExprKind::IfExp:
    case ExprKind::Compare: case ExprKind::Starred: case ExprKind::Yield: case ExprKind::YieldFrom:
    case ExprKind::Slice:
      return false;
    case ExprKind::UnaryOp:
      return e->as<UnaryOp>()->op != UnaryOperator::Not;
    case ExprKind::Tuple:
      // Only a parenthesized tuple is an atom; an unparenthesized one spans its first element.
      return false;
    default:
      return true;
  }
}

// ------------------------------------------------------------------------------------------------
// Strings and f-strings
// ------------------------------------------------------------------------------------------------

namespace {
struct Prefix {
  bool b = false, r = false, u = false, f = false;
  size_t len = 0;
};
Prefix read_prefix(std::string_view t) {
  Prefix p;
  while (p.len < t.size() && t[p.len] != '\'' && t[p.len] != '"') {
    char c = static_cast<char>(t[p.len] | 0x20);
    if (c == 'b') p.b = true;
    if (c == 'r') p.r = true;
    if (c == 'u') p.u = true;
    if (c == 'f') p.f = true;
    ++p.len;
  }
  return p;
}
}  // namespace

Expr* Parser::strings() {
  size_t s = pos_;
  bool any_f = false, any_bytes = false, any_str = false;
  for (size_t i = pos_; i < toks_.size() && (toks_[i].type == Tok::String || toks_[i].type == Tok::FStringStart); ) {
    Prefix p = read_prefix(text(toks_[i]));
    if (p.b) any_bytes = true;
    else any_str = true;
    if (toks_[i].type == Tok::FStringStart) {
      any_f = true;
      int depth = 0;
      for (; i < toks_.size(); ++i) {
        if (toks_[i].type == Tok::FStringStart) ++depth;
        else if (toks_[i].type == Tok::FStringEnd && --depth == 0) break;
      }
    }
    ++i;
  }
  if (any_bytes && any_str) {
    // CPython: RAISE_SYNTAX_ERROR_KNOWN_LOCATION on the whole strings range.
    size_t i = pos_;
    while (i < toks_.size() && (toks_[i].type == Tok::String || toks_[i].type == Tok::FStringStart)) {
      if (toks_[i].type == Tok::FStringStart) {
        int depth = 0;
        for (; i < toks_.size(); ++i) {
          if (toks_[i].type == Tok::FStringStart) ++depth;
          else if (toks_[i].type == Tok::FStringEnd && --depth == 0) break;
        }
      }
      ++i;
    }
    fail_at_token_start("cannot mix bytes and nonbytes literals", toks_[i]);
  }

  std::vector<Expr*> parts;
  std::string pending;
  Loc pending_loc{};
  bool have_pending = false;
  bool first_u = read_prefix(text(tok())).u;
  std::string msg;
  while (at(Tok::String) || at(Tok::FStringStart)) {
    if (at(Tok::String)) {
      const Token& t = advance();
      std::string_view tx = text(t);
      Prefix p = read_prefix(tx);
      size_t q = (tx.size() - p.len >= 6 && tx[p.len] == tx[p.len + 1] && tx[p.len] == tx[p.len + 2]) ? 3 : 1;
      std::string_view body = tx.substr(p.len + q, tx.size() - p.len - 2 * q);
      if (p.b) {
        for (unsigned char ch : body)
          if (ch >= 128) fail_tok("bytes can only contain ASCII literal characters", t);
      }
      size_t bs = 0, be = 0;
      size_t before = pending.size();
      if (!decode_str_body(body, p.r, pending, msg, bs, be)) {
        char buf[200];
        snprintf(buf, sizeof buf, "(unicode error) '%s' codec can't decode bytes in position %zu-%zu: %s",
                 p.b ? "unicodeescape" : "unicodeescape", bs, be - 1, msg.c_str());
        fail_tok(buf, t);
      }
      if (p.b) {
        // Bytes escapes produce raw bytes, not UTF-8: re-decode \x / octal as single bytes.
        if (!p.r) {
          pending.resize(before);
          for (size_t i = 0; i < body.size(); ++i) {
            char c = body[i];
            if (c != '\\' || i + 1 >= body.size()) {
              pending += c;
              continue;
            }
            char d = body[++i];
            if (d == 'x') {
              int v = hexval(body[i + 1]) * 16 + hexval(body[i + 2]);
              pending += static_cast<char>(v);
              i += 2;
            } else if (d >= '0' && d <= '7') {
              int v = d - '0';
              for (int k = 0; k < 2 && i + 1 < body.size() && body[i + 1] >= '0' && body[i + 1] <= '7'; ++k)
                v = v * 8 + (body[++i] - '0');
              pending += static_cast<char>(v & 0xFF);
            } else if (d == 'u' || d == 'U' || d == 'N') {
              pending += '\\';
              pending += d;
            } else {
              std::string one;
              std::string m2;
              size_t x1, x2;
              char esc[2] = {'\\', d};
              decode_str_body(std::string_view(esc, 2), false, one, m2, x1, x2);
              pending += one;
            }
          }
        }
      }
      Loc l = tok_loc(t);
      if (!have_pending) pending_loc = l;
      pending_loc.end_lineno = l.end_lineno, pending_loc.end_col_offset = l.end_col_offset;
      have_pending = true;
    } else {
      // f-string: flush is deferred; fstring() appends parts (merging with `pending`).
      size_t fs = pos_;
      ++pos_;
      for (;;) {
        if (at(Tok::FStringEnd)) {
          ++pos_;
          break;
        }
        if (at(Tok::FStringMiddle)) {
          const Token& t = advance();
          Prefix p = read_prefix(text(toks_[fs]));
          std::string_view raw = text(t);
          std::string unb;
          unb.reserve(raw.size());
          for (size_t i = 0; i < raw.size(); ++i) {
            unb += raw[i];
            if ((raw[i] == '{' || raw[i] == '}') && i + 1 < raw.size() && raw[i + 1] == raw[i]) ++i;
          }
          size_t bs = 0, be = 0;
          if (!decode_str_body(unb, p.r, pending, msg, bs, be)) {
            char buf[200];
            snprintf(buf, sizeof buf, "(unicode error) 'unicodeescape' codec can't decode bytes in position %zu-%zu: %s", bs, be - 1, msg.c_str());
            fail_tok(buf, t);
          }
          Loc l = tok_loc(t);
          if (!have_pending) pending_loc = l;
          pending_loc.end_lineno = l.end_lineno, pending_loc.end_col_offset = l.end_col_offset;
          have_pending = true;
          continue;
        }
        if (at(Tok::LBrace)) {
          Expr* fv = fstring_replacement_field();
          if (pending_debug_) {
            // The "x=" debug text merges with the literal text before it.
            Constant* d = pending_debug_->as<Constant>();
            pending_debug_ = nullptr;
            pending.append(d->str);
            if (!have_pending) pending_loc = d->loc;
            else pending_loc.end_lineno = d->loc.end_lineno, pending_loc.end_col_offset = d->loc.end_col_offset;
            have_pending = true;
          }
          if (have_pending) {
            if (!pending.empty()) {
              Constant* c = mk<Constant>(pending_loc);
              c->value_kind = ConstantKind::Str;
              c->str = a_.str(pending);
              parts.push_back(c);
            }
            pending.clear();
            have_pending = false;
          }
          parts.push_back(fv);
          continue;
        }
        if (at(Tok::EndMarker)) fail_generic();
        fail_generic();
      }
    }
  }
  Loc whole = loc_from(s);
  if (!any_f) {
    Constant* c = mk<Constant>(whole);
    c->value_kind = any_bytes ? ConstantKind::Bytes : ConstantKind::Str;
    c->u_prefix = first_u;
    c->str = a_.str(pending);
    return c;
  }
  if (have_pending && !pending.empty()) {
    Constant* c = mk<Constant>(pending_loc);
    c->value_kind = ConstantKind::Str;
    c->str = a_.str(pending);
    parts.push_back(c);
  }
  JoinedStr* j = mk<JoinedStr>(whole);
  j->values = span(parts);
  return j;
}

Expr* Parser::fstring_replacement_field() {
  size_t s = pos_;
  const Token& lb = advance();  // '{'
  if (at(Tok::RBrace)) {
    const Token& rb = tok();
    fail_range("f-string: valid expression required before '}'", rb.lineno, rb.col, rb.end_lineno, rb.end_col);
  }
  if (at(Tok::Exclamation) || at(Tok::Colon) || at(Tok::Equal)) {
    const Token& t = tok();
    char buf[80];
    snprintf(buf, sizeof buf, "f-string: valid expression required before '%s'", spelling_of(t.type));
    fail_tok(buf, t);
  }
  size_t es = pos_;
  Expr* value = at(Tok::KwYield) ? yield_expr() : star_expressions();
  Expr* debug = nullptr;
  if (at(Tok::Equal)) {
    ++pos_;
    // Debug text: source from after '{' up to the next token.
    const Token& nt = tok();
    const std::string& src = tz_.text();
    size_t from = lb.end, to = nt.start;
    Constant* c = mk<Constant>(Loc{lb.end_lineno, lb.end_col, nt.lineno, nt.col});
    (void)es;
    c->value_kind = ConstantKind::Str;
    c->str = a_.str(std::string_view(src).substr(from, to - from));
    debug = c;
  }
  int conversion = -1;
  if (at(Tok::Exclamation)) {
    const Token& ex = advance();
    if (!at(Tok::Name) || tok().start != ex.end) {
      const Token& t = tok();
      fail_range("f-string: missing conversion character", ex.lineno, ex.end_col, t.end_lineno, t.end_col);
    }
    const Token& nt = advance();
    std::string_view cv = text(nt);
    if (cv != "r" && cv != "s" && cv != "a") {
      std::string m = "f-string: invalid conversion character '" + std::string(cv) + "': expected 's', 'r', or 'a'";
      fail_tok(m, nt);
    }
    conversion = cv[0];
  }
  Expr* spec = nullptr;
  if (at(Tok::Colon)) {
    size_t cs = pos_++;
    std::vector<Expr*> parts;
    while (!at(Tok::RBrace)) {
      if (at(Tok::FStringMiddle)) {
        const Token& t = advance();
        std::string val;
        std::string m;
        size_t bs, be;
        decode_str_body(text(t), false, val, m, bs, be);
        Constant* c = mk<Constant>(tok_loc(t));
        c->value_kind = ConstantKind::Str;
        c->str = a_.str(val);
        parts.push_back(c);
      } else if (at(Tok::LBrace)) {
        Expr* fv = fstring_replacement_field();
        if (pending_debug_) {
          parts.push_back(pending_debug_);
          pending_debug_ = nullptr;
        }
        parts.push_back(fv);
      } else {
        fail_generic();
      }
    }
    const Token& rb = tok();
    JoinedStr* j = mk<JoinedStr>(Loc{toks_[cs].lineno, toks_[cs].col, rb.lineno, rb.col});
    j->values = span(parts);
    spec = j;
  }
  if (!at(Tok::RBrace)) {
    const Token& t = tok();
    fail_range("f-string: expecting '}'", t.lineno, t.col, t.end_lineno, t.end_col);
  }
  ++pos_;
  if (debug && conversion == -1 && !spec) conversion = 'r';
  FormattedValue* fv = mk<FormattedValue>(loc_from(s));
  fv->value = value, fv->conversion = conversion, fv->format_spec = spec;
  pending_debug_ = debug;  // the caller emits the debug text before fv
  return fv;
}

}  // namespace gilpy::parser

// gilpy parser: statements (simple and compound), blocks, decorators, imports, assignment forms and
// the match statement with its patterns. Mirrors the statement part of CPython 3.12's
// Grammar/python.gram; see parser_impl.h for strategy and invariants.
#include <cstring>

#include "parser/parser_impl.h"

namespace gilpy::parser {

namespace {
bool is_augassign(Tok t, BinOperator& op) {
  switch (t) {
    case Tok::PlusEqual: op = BinOperator::Add; return true;
    case Tok::MinEqual: op = BinOperator::Sub; return true;
    case Tok::StarEqual: op = BinOperator::Mult; return true;
    case Tok::AtEqual: op = BinOperator::MatMult; return true;
    case Tok::SlashEqual: op = BinOperator::Div; return true;
    case Tok::PercentEqual: op = BinOperator::Mod; return true;
    case Tok::AmperEqual: op = BinOperator::BitAnd; return true;
    case Tok::VBarEqual: op = BinOperator::BitOr; return true;
    case Tok::CircumflexEqual: op = BinOperator::BitXor; return true;
    case Tok::LeftShiftEqual: op = BinOperator::LShift; return true;
    case Tok::RightShiftEqual: op = BinOperator::RShift; return true;
    case Tok::DoubleStarEqual: op = BinOperator::Pow; return true;
    case Tok::DoubleSlashEqual: op = BinOperator::FloorDiv; return true;
    default: return false;
  }
}
}  // namespace

void Parser::statements_until(std::vector<Stmt*>& out, Tok end) {
  while (!at(end) && !at(Tok::EndMarker)) statement(out);
}

void Parser::statement(std::vector<Stmt*>& out) {
  if (Stmt* s = compound_stmt()) {
    out.push_back(s);
    return;
  }
  simple_stmts(out);
}

void Parser::simple_stmts(std::vector<Stmt*>& out) {
  for (;;) {
    out.push_back(simple_stmt());
    if (eat(Tok::Semi)) {
      if (at(Tok::Newline)) break;
      continue;
    }
    break;
  }
  if (!eat(Tok::Newline)) fail_generic();
}

// "expected ':'" when the line ends where the colon should be (CPython's invalid_*_stmt rules);
// otherwise a generic error.
static void colon_or_fail(Parser& p) {
  if (p.eat(Tok::Colon)) return;
  if (p.at(Tok::Newline)) p.fail_tok("expected ':'", p.tok());
  p.fail_generic();
}

Span<Stmt*> Parser::block(const char* what, const Token& kw) {
  std::vector<Stmt*> body;
  if (eat(Tok::Newline)) {
    if (!at(Tok::Indent)) {
      char buf[128];
      snprintf(buf, sizeof buf, "expected an indented block after %s on line %d", what, kw.lineno);
      const Token& t = tok();
      if (t.type == Tok::EndMarker) {
        // At end of input CPython points just past the header line (the NEWLINE), with no end.
        eof_error_ = true;
        const Token& nl = toks_[pos_ - 1];
        try {
          fail_range(buf, nl.lineno, nl.col, nl.lineno, nl.col, SyntaxErrorKind::IndentationError);
        } catch (ParseFail&) {
          err_.end_offset = -1;
          throw;
        }
      }
      fail_range(buf, t.lineno, t.col, t.end_lineno, t.end_col, SyntaxErrorKind::IndentationError);
    }
    ++pos_;
    statements_until(body, Tok::Dedent);
    expect(Tok::Dedent);
  } else {
    simple_stmts(body);
  }
  return span(body);
}

Stmt* Parser::compound_stmt() {
  size_t s = pos_;
  switch (type()) {
    case Tok::KwIf: return if_stmt(false);
    case Tok::KwWhile: return while_stmt();
    case Tok::KwFor: return for_stmt(s, false);
    case Tok::KwWith: return with_stmt(s, false);
    case Tok::KwTry: return try_stmt();
    case Tok::KwDef: return funcdef(s, nullptr, false);
    case Tok::KwClass: return classdef(s, nullptr);
    case Tok::At: return decorated();
    case Tok::KwAsync: {
      Tok n = peek_type(1);
      if (n == Tok::KwDef) { ++pos_; return funcdef(s, nullptr, true); }
      if (n == Tok::KwFor) { ++pos_; return for_stmt(s, true); }
      if (n == Tok::KwWith) { ++pos_; return with_stmt(s, true); }
      return nullptr;
    }
    case Tok::Name:
      if (at_name("match")) return match_stmt();
      return nullptr;
    default:
      return nullptr;
  }
}

Stmt* Parser::if_stmt(bool elif) {
  size_t s = pos_;
  const Token& kw = advance();
  Expr* test = named_expression();
  colon_or_fail(*this);
  Span<Stmt*> body = block(elif ? "'elif' statement" : "'if' statement", kw);
  std::vector<Stmt*> orelse;
  if (at(Tok::KwElif)) {
    orelse.push_back(if_stmt(true));
  } else if (at(Tok::KwElse)) {
    const Token& ekw = advance();
    expect_forced(Tok::Colon);
    Span<Stmt*> eb = block("'else' statement", ekw);
    orelse.assign(eb.begin(), eb.end());
  }
  If* st = mk<If>(loc_from(s));
  st->test = test, st->body = body, st->orelse = span(orelse);
  return st;
}

Stmt* Parser::while_stmt() {
  size_t s = pos_;
  const Token& kw = advance();
  Expr* test = named_expression();
  colon_or_fail(*this);
  Span<Stmt*> body = block("'while' statement", kw);
  Span<Stmt*> orelse;
  if (at(Tok::KwElse)) {
    const Token& ekw = advance();
    expect_forced(Tok::Colon);
    orelse = block("'else' statement", ekw);
  }
  While* st = mk<While>(loc_from(s));
  st->test = test, st->body = body, st->orelse = orelse;
  return st;
}

Stmt* Parser::for_stmt(size_t s, bool is_async) {
  const Token& kw = advance();  // for
  Expr* target = star_targets();
  if (!eat(Tok::KwIn)) fail_generic();
  Expr* iter = star_expressions();
  colon_or_fail(*this);
  Span<Stmt*> body = block("'for' statement", kw);
  Span<Stmt*> orelse;
  if (at(Tok::KwElse)) {
    const Token& ekw = advance();
    expect_forced(Tok::Colon);
    orelse = block("'else' statement", ekw);
  }
  For* st = mk<For>(loc_from(s));
  st->kind = is_async ? StmtKind::AsyncFor : StmtKind::For;
  st->target = target, st->iter = iter, st->body = body, st->orelse = orelse;
  return st;
}

Stmt* Parser::with_stmt(size_t s, bool is_async) {
  const Token& kw = advance();  // with
  std::vector<WithItem*> items;
  auto item = [&]() {
    WithItem* w = a_.make<WithItem>();
    w->context_expr = expression();
    w->optional_vars = nullptr;
    if (eat(Tok::KwAs)) {
      size_t ts = pos_;
      Expr* t;
      if (at(Tok::Star)) {
        ++pos_;
        Expr* v = bitwise_or();
        Starred* st = mk<Starred>(loc_from(ts));
        st->value = v;
        t = st;
      } else {
        t = bitwise_or();
      }
      if (!(at(Tok::Comma) || at(Tok::RPar) || at(Tok::Colon))) {
        // invalid_with_item: 'as' followed by a non-target expression.
        pos_ = ts;
        Expr* full = expression();
        fail_invalid_target(full, TargetsType::Star);
      }
      set_context(t, ExprContext::Store, TargetsType::Star);
      w->optional_vars = t;
    }
    items.push_back(w);
  };
  bool done = false;
  if (at(Tok::LPar)) {
    // Try the parenthesized form `with (a as b, c):` first; fall back to an expression.
    size_t save = pos_, save_max = max_pos_;
    try {
      ++pos_;
      item();
      while (eat(Tok::Comma)) {
        if (at(Tok::RPar)) break;
        item();
      }
      if (!eat(Tok::RPar) || !at(Tok::Colon)) throw ParseFail{};
      done = true;
    } catch (ParseFail&) {
      pos_ = save;
      max_pos_ = save_max;
      items.clear();
      err_ = SyntaxErrorInfo{};
    }
  }
  if (!done) {
    item();
    while (eat(Tok::Comma)) item();
  }
  colon_or_fail(*this);
  Span<Stmt*> body = block("'with' statement", kw);
  With* st = mk<With>(loc_from(s));
  st->kind = is_async ? StmtKind::AsyncWith : StmtKind::With;
  st->items = span(items), st->body = body;
  return st;
}

Stmt* Parser::try_stmt() {
  size_t s = pos_;
  const Token& kw = advance();
  expect_forced(Tok::Colon);
  Span<Stmt*> body = block("'try' statement", kw);
  std::vector<ExceptHandler*> handlers;
  int star_state = -1;  // -1 none yet, 0 plain, 1 star
  while (at(Tok::KwExcept)) {
    size_t hs = pos_;
    const Token& ekw = advance();
    bool star = eat(Tok::Star);
    if (star_state >= 0 && star_state != (star ? 1 : 0))
      fail_range("cannot have both 'except' and 'except*' on the same 'try'", ekw.lineno, ekw.col,
                 toks_[pos_ - 1].end_lineno, toks_[pos_ - 1].end_col);
    star_state = star ? 1 : 0;
    ExceptHandler* h = a_.make<ExceptHandler>();
    h->type = nullptr;
    if (!at(Tok::Colon)) {
      if (star && at(Tok::Newline)) fail_tok("expected ':'", tok());
      size_t ts = pos_;
      Expr* t = expression();
      if (at(Tok::Comma)) {
        // except A, B:
        while (eat(Tok::Comma)) expression();
        if (at(Tok::Colon) || at(Tok::KwAs)) {
          Loc l = loc_from(ts);
          fail_loc("multiple exception types must be parenthesized", l);
        }
        fail_generic();
      }
      h->type = t;
      if (eat(Tok::KwAs)) {
        if (!at(Tok::Name)) {
          size_t ns = pos_;
          if (starts_expression(type())) {
            Expr* e = expression();
            (void)ns;
            fail_loc("cannot use except statement with " + std::string(expr_name(e)), e->loc);
          }
          fail_generic();
        }
        h->name = id(advance());
      }
    } else if (star) {
      fail_tok("expected one or more exception types", tok());
    }
    colon_or_fail(*this);
    h->body = block(star ? "'except*' statement" : "'except' statement", ekw);
    h->loc = loc_from(hs);
    handlers.push_back(h);
  }
  Span<Stmt*> orelse, finalbody;
  if (at(Tok::KwElse)) {
    if (handlers.empty()) fail_generic();
    const Token& ekw = advance();
    expect_forced(Tok::Colon);
    orelse = block("'else' statement", ekw);
  }
  if (at(Tok::KwFinally)) {
    const Token& fkw = advance();
    expect_forced(Tok::Colon);
    finalbody = block("'finally' statement", fkw);
  }
  if (handlers.empty() && finalbody.empty()) {
    const Token& t = tok();
    fail_range("expected 'except' or 'finally' block", t.lineno, t.col, t.end_lineno, t.end_col);
  }
  Try* st = mk<Try>(loc_from(s));
  st->kind = star_state == 1 ? StmtKind::TryStar : StmtKind::Try;
  st->body = body, st->handlers = span(handlers), st->orelse = orelse, st->finalbody = finalbody;
  return st;
}

Span<TypeParam*> Parser::type_params() {
  std::vector<TypeParam*> out;
  if (!eat(Tok::LSqb)) return {};
  while (!at(Tok::RSqb)) {
    size_t s = pos_;
    TypeParam* tp = a_.make<TypeParam>();
    tp->bound = nullptr;
    if (eat(Tok::Star)) tp->kind = TypeParamKind::TypeVarTuple;
    else if (eat(Tok::DoubleStar)) tp->kind = TypeParamKind::ParamSpec;
    else tp->kind = TypeParamKind::TypeVar;
    if (!at(Tok::Name)) fail_generic();
    tp->name = id(advance());
    if (at(Tok::Colon)) {
      const Token& c = advance();
      Expr* b = expression();
      if (tp->kind != TypeParamKind::TypeVar)
        fail_range(tp->kind == TypeParamKind::TypeVarTuple ? "cannot use bound with TypeVarTuple" : "cannot use bound with ParamSpec",
                   c.lineno, c.col, b->loc.end_lineno, b->loc.end_col_offset);
      tp->bound = b;
    }
    tp->loc = loc_from(s);
    out.push_back(tp);
    if (!eat(Tok::Comma)) break;
  }
  expect(Tok::RSqb);
  return span(out);
}

Stmt* Parser::funcdef(size_t s, std::vector<Expr*>* decorators, bool is_async) {
  const Token& kw = advance();  // def
  if (!at(Tok::Name)) fail_generic();
  std::string_view name = id(advance());
  Span<TypeParam*> tps = type_params();
  expect_forced(Tok::LPar);
  Arguments* args = parameters(false, Tok::RPar);
  expect(Tok::RPar);
  Expr* returns = nullptr;
  if (eat(Tok::RArrow)) returns = expression();
  expect_forced(Tok::Colon);
  Span<Stmt*> body = block("function definition", kw);
  FunctionDef* f = mk<FunctionDef>(loc_from(s));
  f->kind = is_async ? StmtKind::AsyncFunctionDef : StmtKind::FunctionDef;
  f->name = name, f->args = args, f->body = body, f->returns = returns, f->type_params = tps;
  if (decorators) f->decorator_list = span(*decorators);
  return f;
}

Stmt* Parser::classdef(size_t s, std::vector<Expr*>* decorators) {
  const Token& kw = advance();  // class
  if (!at(Tok::Name)) fail_generic();
  std::string_view name = id(advance());
  Span<TypeParam*> tps = type_params();
  std::vector<Expr*> bases;
  std::vector<Keyword*> kws;
  if (eat(Tok::LPar)) call_arguments(bases, kws);
  colon_or_fail(*this);
  Span<Stmt*> body = block("class definition", kw);
  ClassDef* c = mk<ClassDef>(loc_from(s));
  c->name = name, c->bases = span(bases), c->keywords = span(kws), c->body = body, c->type_params = tps;
  if (decorators) c->decorator_list = span(*decorators);
  return c;
}

Stmt* Parser::decorated() {
  std::vector<Expr*> decs;
  while (eat(Tok::At)) {
    decs.push_back(named_expression());
    if (!eat(Tok::Newline)) fail_generic();
  }
  size_t s = pos_;
  if (at(Tok::KwDef)) return funcdef(s, &decs, false);
  if (at(Tok::KwAsync) && peek_type(1) == Tok::KwDef) {
    ++pos_;
    return funcdef(s, &decs, true);
  }
  if (at(Tok::KwClass)) return classdef(s, &decs);
  fail_generic();
}

// ------------------------------------------------------------------------------------------------
// Simple statements
// ------------------------------------------------------------------------------------------------

Stmt* Parser::simple_stmt() {
  size_t s = pos_;
  switch (type()) {
    case Tok::KwPass: ++pos_; return mk<Pass>(loc_from(s));
    case Tok::KwBreak: ++pos_; return mk<Break>(loc_from(s));
    case Tok::KwContinue: ++pos_; return mk<Continue>(loc_from(s));
    case Tok::KwReturn: {
      ++pos_;
      Expr* v = nullptr;
      if (starts_expression(type()) || at(Tok::Star)) v = star_expressions();
      Return* r = mk<Return>(loc_from(s));
      r->value = v;
      return r;
    }
    case Tok::KwRaise: {
      ++pos_;
      Expr* exc = nullptr;
      Expr* cause = nullptr;
      if (starts_expression(type())) {
        exc = expression();
        if (eat(Tok::KwFrom)) cause = expression();
      }
      Raise* r = mk<Raise>(loc_from(s));
      r->exc = exc, r->cause = cause;
      return r;
    }
    case Tok::KwGlobal: case Tok::KwNonlocal: {
      bool g = type() == Tok::KwGlobal;
      ++pos_;
      std::vector<std::string_view> names;
      do {
        if (!at(Tok::Name)) fail_generic();
        names.push_back(id(advance()));
      } while (eat(Tok::Comma));
      if (g) {
        Global* st = mk<Global>(loc_from(s));
        st->names = span(names);
        return st;
      }
      Nonlocal* st = mk<Nonlocal>(loc_from(s));
      st->names = span(names);
      return st;
    }
    case Tok::KwDel: {
      ++pos_;
      size_t ts = pos_;
      std::vector<Expr*> targets;
      for (;;) {
        Expr* t = at(Tok::Star) ? star_expression() : bitwise_or();
        targets.push_back(t);
        if (!eat(Tok::Comma)) break;
        if (at(Tok::Newline) || at(Tok::Semi)) break;
      }
      if (!(at(Tok::Newline) || at(Tok::Semi))) {
        // invalid_del_stmt: 'del' star_expressions
        pos_ = ts;
        Expr* e = star_expressions();
        fail_invalid_target(e, TargetsType::Del);
      }
      for (Expr* t : targets) set_context(t, ExprContext::Del, TargetsType::Del);
      Delete* d = mk<Delete>(loc_from(s));
      d->targets = span(targets);
      return d;
    }
    case Tok::KwAssert: {
      ++pos_;
      Expr* test = expression();
      Expr* msg = nullptr;
      if (eat(Tok::Comma)) msg = expression();
      Assert* a = mk<Assert>(loc_from(s));
      a->test = test, a->msg = msg;
      return a;
    }
    case Tok::KwImport: return import_stmt();
    case Tok::KwFrom: return from_stmt();
    case Tok::Name:
      if (at_name("type") && peek_type(1) == Tok::Name &&
          (peek_type(2) == Tok::Equal || peek_type(2) == Tok::LSqb))
        return type_alias_stmt();
      return assign_or_expr_stmt();
    default:
      return assign_or_expr_stmt();
  }
}

Stmt* Parser::type_alias_stmt() {
  size_t s = pos_++;
  Name* n = mk<Name>(tok_loc(tok()));
  n->id = id(advance());
  n->ctx = ExprContext::Store;
  Span<TypeParam*> tps = type_params();
  expect(Tok::Equal);
  Expr* v = expression();
  TypeAlias* t = mk<TypeAlias>(loc_from(s));
  t->name = n, t->type_params = tps, t->value = v;
  return t;
}

Stmt* Parser::import_stmt() {
  size_t s = pos_++;
  std::vector<Alias*> names;
  do {
    size_t as = pos_;
    if (!at(Tok::Name)) fail_generic();
    std::string dotted(text(advance()));
    while (at(Tok::Dot)) {
      ++pos_;
      if (!at(Tok::Name)) fail_generic();
      dotted += '.';
      dotted += text(advance());
    }
    Alias* a = a_.make<Alias>();
    a->name = a_.str(dotted);
    if (eat(Tok::KwAs)) {
      if (!at(Tok::Name)) fail_generic();
      a->asname = id(advance());
    }
    a->loc = loc_from(as);
    names.push_back(a);
  } while (eat(Tok::Comma));
  Import* st = mk<Import>(loc_from(s));
  st->names = span(names);
  return st;
}

Stmt* Parser::from_stmt() {
  size_t s = pos_++;
  int level = 0;
  for (;;) {
    if (eat(Tok::Dot)) ++level;
    else if (eat(Tok::Ellipsis)) level += 3;
    else break;
  }
  std::string module;
  bool have_module = false;
  if (at(Tok::Name)) {
    have_module = true;
    module = text(advance());
    while (at(Tok::Dot)) {
      ++pos_;
      if (!at(Tok::Name)) fail_generic();
      module += '.';
      module += text(advance());
    }
  } else if (level == 0) {
    fail_generic();
  }
  if (!eat(Tok::KwImport)) fail_generic();
  std::vector<Alias*> names;
  if (at(Tok::Star)) {
    const Token& t = advance();
    Alias* a = a_.make<Alias>();
    a->name = a_.str("*");
    a->loc = tok_loc(t);
    names.push_back(a);
  } else {
    bool paren = eat(Tok::LPar);
    for (;;) {
      size_t as = pos_;
      if (!at(Tok::Name)) fail_generic();
      Alias* a = a_.make<Alias>();
      a->name = id(advance());
      if (eat(Tok::KwAs)) {
        if (!at(Tok::Name)) fail_generic();
        a->asname = id(advance());
      }
      a->loc = loc_from(as);
      names.push_back(a);
      if (!eat(Tok::Comma)) break;
      if (paren && at(Tok::RPar)) break;
      if (!paren && (at(Tok::Newline) || at(Tok::Semi)))
        fail_at_token_start("trailing comma not allowed without surrounding parentheses", tok());
    }
    if (paren) expect(Tok::RPar);
  }
  ImportFrom* st = mk<ImportFrom>(loc_from(s));
  if (have_module) st->module = a_.str(module);
  st->names = span(names);
  st->level = level;
  return st;
}

Stmt* Parser::assign_or_expr_stmt() {
  size_t s = pos_;
  Expr* first = at(Tok::KwYield) ? yield_expr() : star_expressions();
  if (at(Tok::Colon)) {
    // Annotated assignment.
    if (first->kind == ExprKind::Tuple || first->kind == ExprKind::List) {
      std::string m = std::string("only single target (not ") + (first->kind == ExprKind::Tuple ? "tuple" : "list") + ") can be annotated";
      bool bare = first->kind == ExprKind::Tuple && toks_[s].type != Tok::LPar && !first->as<Tuple>()->elts.empty();
      fail_loc(m, bare ? first->as<Tuple>()->elts[0]->loc : first->loc);
    }
    if (!(first->kind == ExprKind::Name || first->kind == ExprKind::Attribute || first->kind == ExprKind::Subscript))
      fail_loc("illegal target for annotation", first->loc);
    int simple = first->kind == ExprKind::Name && toks_[s].type != Tok::LPar ? 1 : 0;
    ++pos_;
    Expr* ann = expression();
    Expr* value = nullptr;
    if (eat(Tok::Equal)) value = at(Tok::KwYield) ? yield_expr() : star_expressions();
    set_context(first, ExprContext::Store, TargetsType::Star);
    AnnAssign* a = mk<AnnAssign>(loc_from(s));
    a->target = first, a->annotation = ann, a->value = value, a->simple = simple;
    return a;
  }
  if (at(Tok::Equal)) {
    std::vector<Expr*> chain{first};
    std::vector<size_t> starts{s};
    while (eat(Tok::Equal)) {
      starts.push_back(pos_);
      chain.push_back(at(Tok::KwYield) ? yield_expr() : star_expressions());
    }
    Expr* value = chain.back();
    chain.pop_back();
    for (size_t i = 0; i < chain.size(); ++i) {
      Expr* t = chain[i];
      if (!invalid_target(t, TargetsType::Star)) continue;
      // CPython reaches invalid_named_expression only for the statement's first target.
      if (i == 0) invalid_named_expression_check(s);
      if (t->kind == ExprKind::Yield || t->kind == ExprKind::YieldFrom)
        fail_loc("assignment to yield expression not possible", t->loc);
      fail_invalid_target(t, TargetsType::Star);
    }
    for (Expr* t : chain) set_context(t, ExprContext::Store, TargetsType::Star);
    Assign* a = mk<Assign>(loc_from(s));
    a->targets = span(chain), a->value = value;
    return a;
  }
  BinOperator op;
  if (is_augassign(type(), op)) {
    if (!(first->kind == ExprKind::Name || first->kind == ExprKind::Attribute || first->kind == ExprKind::Subscript)) {
      char buf[128];
      snprintf(buf, sizeof buf, "'%s' is an illegal expression for augmented assignment", expr_name(first));
      fail_loc(buf, first->loc);
    }
    ++pos_;
    Expr* value = at(Tok::KwYield) ? yield_expr() : star_expressions();
    first->ctx = ExprContext::Store;
    AugAssign* a = mk<AugAssign>(loc_from(s));
    a->target = first, a->op = op, a->value = value;
    return a;
  }
  ExprStmt* e = mk<ExprStmt>(loc_from(s));
  e->value = first;
  return e;
}

// ------------------------------------------------------------------------------------------------
// match statement
// ------------------------------------------------------------------------------------------------

Stmt* Parser::match_stmt() {
  size_t s = pos_;
  size_t save_max = max_pos_;
  Expr* subject = nullptr;
  const Token& kw = tok();
  try {
    ++pos_;
    if (!starts_expression(type()) && !at(Tok::Star)) throw ParseFail{};
    size_t ss = pos_;
    Expr* first = star_named_expression();
    if (at(Tok::Comma)) {
      std::vector<Expr*> elts{first};
      while (eat(Tok::Comma)) {
        if (at(Tok::Colon)) break;
        elts.push_back(star_named_expression());
      }
      Tuple* t = mk<Tuple>(loc_from(ss));
      t->elts = span(elts);
      subject = t;
    } else {
      subject = first;
    }
    if (!at(Tok::Colon)) throw ParseFail{};
  } catch (ParseFail&) {
    pos_ = s;
    max_pos_ = save_max;
    err_ = SyntaxErrorInfo{};
    return nullptr;
  }
  ++pos_;  // ':'
  if (!eat(Tok::Newline)) fail_generic();
  if (!at(Tok::Indent)) {
    char buf[128];
    snprintf(buf, sizeof buf, "expected an indented block after 'match' statement on line %d", kw.lineno);
    const Token& t = tok();
    fail_range(buf, t.lineno, t.col, t.end_lineno, t.end_col, SyntaxErrorKind::IndentationError);
  }
  ++pos_;
  std::vector<MatchCase*> cases;
  while (at_name("case")) {
    const Token& ckw = advance();
    MatchCase* mc = a_.make<MatchCase>();
    mc->pattern = patterns();
    mc->guard = nullptr;
    if (eat(Tok::KwIf)) mc->guard = named_expression();
    colon_or_fail(*this);
    mc->body = block("'case' statement", ckw);
    cases.push_back(mc);
  }
  if (cases.empty()) fail_generic();
  expect(Tok::Dedent);
  Match* m = mk<Match>(loc_from(s));
  m->subject = subject, m->cases = span(cases);
  return m;
}

Pattern* Parser::patterns() {
  size_t s = pos_;
  Pattern* first = at(Tok::Star) ? closed_pattern() : pattern();
  if (!at(Tok::Comma)) {
    if (first->kind == PatternKind::MatchStar) {
      MatchSequence* seq = mk<MatchSequence>(loc_from(s));
      Pattern* one[] = {first};
      seq->patterns = span(std::vector<Pattern*>(one, one + 1));
      return seq;
    }
    return first;
  }
  std::vector<Pattern*> ps{first};
  while (eat(Tok::Comma)) {
    if (at(Tok::Colon) || at(Tok::KwIf)) break;
    ps.push_back(at(Tok::Star) ? closed_pattern() : pattern());
  }
  MatchSequence* seq = mk<MatchSequence>(loc_from(s));
  seq->patterns = span(ps);
  return seq;
}

Pattern* Parser::pattern() {
  size_t s = pos_;
  Pattern* p = or_pattern();
  if (eat(Tok::KwAs)) {
    if (!at(Tok::Name)) fail_generic();
    std::string_view nm = text(tok());
    if (nm == "_") fail_tok("cannot use '_' as a target", tok());
    ++pos_;
    MatchAs* a = mk<MatchAs>(loc_from(s));
    a->pattern = p;
    a->name = a_.str(nm);
    return a;
  }
  return p;
}

Pattern* Parser::or_pattern() {
  size_t s = pos_;
  Pattern* p = closed_pattern();
  if (!at(Tok::VBar)) return p;
  std::vector<Pattern*> ps{p};
  while (eat(Tok::VBar)) ps.push_back(closed_pattern());
  MatchOr* o = mk<MatchOr>(loc_from(s));
  o->patterns = span(ps);
  return o;
}

// Literal/value expressions allowed in patterns: signed numbers, complex literals, strings, dotted names.
Expr* Parser::pattern_value_expr() {
  size_t s = pos_;
  if (at(Tok::String) || at(Tok::FStringStart)) return strings();
  Expr* e;
  if (at(Tok::Minus)) {
    ++pos_;
    if (!at(Tok::Number)) fail_generic();
    Expr* n = atom();
    UnaryOp* u = mk<UnaryOp>(loc_from(s));
    u->op = UnaryOperator::USub, u->operand = n;
    e = u;
  } else if (at(Tok::Number)) {
    e = atom();
  } else {
    fail_generic();
  }
  if (at(Tok::Plus) || at(Tok::Minus)) {
    BinOperator op = at(Tok::Plus) ? BinOperator::Add : BinOperator::Sub;
    ++pos_;
    if (!at(Tok::Number)) fail_generic();
    Expr* im = atom();
    BinOp* b = mk<BinOp>(loc_from(s));
    b->left = e, b->op = op, b->right = im;
    e = b;
  }
  return e;
}

Pattern* Parser::closed_pattern() {
  size_t s = pos_;
  switch (type()) {
    case Tok::Star: {
      ++pos_;
      if (!at(Tok::Name)) fail_generic();
      std::string_view nm = text(advance());
      MatchStar* st = mk<MatchStar>(loc_from(s));
      if (nm != "_") st->name = a_.str(nm);
      return st;
    }
    case Tok::KwNone: case Tok::KwTrue: case Tok::KwFalse: {
      Tok t = advance().type;
      MatchSingleton* m = mk<MatchSingleton>(loc_from(s));
      m->value = t == Tok::KwNone ? ConstantKind::None : t == Tok::KwTrue ? ConstantKind::True : ConstantKind::False;
      return m;
    }
    case Tok::Number: case Tok::Minus: case Tok::String: case Tok::FStringStart: {
      Expr* v = pattern_value_expr();
      MatchValue* m = mk<MatchValue>(loc_from(s));
      m->value = v;
      return m;
    }
    case Tok::LPar: case Tok::LSqb: {
      bool paren = at(Tok::LPar);
      Tok close = paren ? Tok::RPar : Tok::RSqb;
      ++pos_;
      std::vector<Pattern*> ps;
      bool comma = false;
      while (!at(close)) {
        ps.push_back(at(Tok::Star) ? closed_pattern() : pattern());
        if (!eat(Tok::Comma)) break;
        comma = true;
      }
      expect(close);
      if (paren && ps.size() == 1 && !comma && ps[0]->kind != PatternKind::MatchStar) {
        return ps[0];  // group pattern
      }
      MatchSequence* seq = mk<MatchSequence>(loc_from(s));
      seq->patterns = span(ps);
      return seq;
    }
    case Tok::LBrace: {
      ++pos_;
      std::vector<Expr*> keys;
      std::vector<Pattern*> ps;
      std::string_view rest;
      while (!at(Tok::RBrace)) {
        if (eat(Tok::DoubleStar)) {
          if (!at(Tok::Name)) fail_generic();
          rest = id(advance());
          eat(Tok::Comma);
          break;
        }
        Expr* k;
        if (at(Tok::Name)) {
          size_t ks = pos_;
          Name* n = mk<Name>(tok_loc(tok()));
          n->id = id(advance());
          k = n;
          if (!at(Tok::Dot)) fail_generic();
          while (eat(Tok::Dot)) {
            if (!at(Tok::Name)) fail_generic();
            Attribute* a = mk<Attribute>(Loc{});
            a->value = k;
            a->attr = id(advance());
            a->loc = loc_from(ks);
            k = a;
          }
        } else if (at(Tok::KwNone) || at(Tok::KwTrue) || at(Tok::KwFalse)) {
          k = atom();
        } else {
          k = pattern_value_expr();
        }
        expect(Tok::Colon);
        keys.push_back(k);
        ps.push_back(pattern());
        if (!eat(Tok::Comma)) break;
      }
      expect(Tok::RBrace);
      MatchMapping* m = mk<MatchMapping>(loc_from(s));
      m->keys = span(keys), m->patterns = span(ps), m->rest = rest;
      return m;
    }
    case Tok::Name: {
      std::string_view nm = text(tok());
      Expr* e = nullptr;
      {
        Name* n = mk<Name>(tok_loc(tok()));
        n->id = id(advance());
        e = n;
      }
      bool dotted = false;
      while (eat(Tok::Dot)) {
        if (!at(Tok::Name)) fail_generic();
        Attribute* a = mk<Attribute>(Loc{});
        a->value = e;
        a->attr = id(advance());
        a->loc = loc_from(s);
        e = a;
        dotted = true;
      }
      if (at(Tok::LPar)) {
        ++pos_;
        std::vector<Pattern*> ps;
        std::vector<std::string_view> kwn;
        std::vector<Pattern*> kwp;
        while (!at(Tok::RPar)) {
          if (at(Tok::Name) && peek_type(1) == Tok::Equal) {
            kwn.push_back(id(advance()));
            ++pos_;
            kwp.push_back(pattern());
          } else {
            if (!kwn.empty()) {
              Pattern* bad = pattern();
              fail_loc("positional patterns follow keyword patterns", bad->loc);
            }
            ps.push_back(pattern());
          }
          if (!eat(Tok::Comma)) break;
        }
        expect(Tok::RPar);
        MatchClass* c = mk<MatchClass>(loc_from(s));
        c->cls = e, c->patterns = span(ps), c->kwd_attrs = span(kwn), c->kwd_patterns = span(kwp);
        return c;
      }
      if (dotted) {
        MatchValue* m = mk<MatchValue>(loc_from(s));
        m->value = e;
        return m;
      }
      MatchAs* a = mk<MatchAs>(loc_from(s));
      a->pattern = nullptr;
      if (nm != "_") a->name = a_.str(nm);
      return a;
    }
    default:
      fail_generic();
  }
}

}  // namespace gilpy::parser

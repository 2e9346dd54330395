// gilpy parser internals (not a public header): the recursive-descent Parser class shared by
// parse_expr.cpp (expressions, targets, strings, arguments), parse_stmt.cpp (statements, match) and
// parser.cpp (entry points, error finalization).
//
// Strategy: CPython's PEG grammar (Grammar/python.gram) re-expressed as hand-written recursive descent
// over the pre-tokenized input, with a "cover grammar" for assignment targets (parse an expression,
// then check/convert it to a target with Store/Del context) instead of PEG backtracking. The parser
// stops at the first error: it fills `err_` and throws `ParseFail` (internal only; parse() catches it).
// Generic "invalid syntax" errors are reported at the furthest token examined (`max_pos_`), like
// CPython's first-pass failure location. Node locations use token ranges as CPython's EXTRA does: from
// the first token of the rule to the last non-whitespace token consumed.
//
// Ownership: Parser borrows the Tokenizer (tokens + text) and the Arena; all nodes go to the Arena.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "parser/ast.h"
#include "parser/parser.h"
#include "parser/tokenizer.h"

namespace gilpy::parser {

struct ParseFail {};

enum class TargetsType { Star, Del, For };

class Parser {
 public:
  Parser(Tokenizer& tz, Arena& arena, Mode mode);

  Module* parse_top();  // throws ParseFail

  SyntaxErrorInfo err_;
  bool eof_error_ = false;  // the error was caused by reaching the end of input

  // ---- token access ----
  const std::vector<Token>& toks_;
  Tokenizer& tz_;
  Arena& a_;
  Mode mode_;
  size_t pos_ = 0;
  size_t max_pos_ = 0;
  std::vector<int16_t> level_;  // bracket depth *after* each token
  int fstring_depth_ = 0;
  // Token range of the most recently completed disjunction (for "Perhaps you forgot a comma?").
  size_t last_disj_start_ = SIZE_MAX, last_disj_end_ = SIZE_MAX;

  const Token& tok() {
    if (pos_ > max_pos_) max_pos_ = pos_;
    return toks_[pos_];
  }
  Tok type() { return tok().type; }
  Tok peek_type(size_t k) {
    size_t i = pos_ + k < toks_.size() ? pos_ + k : toks_.size() - 1;
    if (i > max_pos_) max_pos_ = i;
    return toks_[i].type;
  }
  bool at(Tok t) { return type() == t; }
  bool eat(Tok t) {
    if (type() == t) {
      ++pos_;
      return true;
    }
    return false;
  }
  const Token& advance() { return toks_[pos_++]; }
  std::string_view text(const Token& t) const { return tz_.token_text(t); }
  bool at_name(std::string_view s) { return type() == Tok::Name && text(tok()) == s; }

  // ---- locations ----
  // Loc from token index `start` to the last non-whitespace token consumed.
  Loc loc_from(size_t start) const;
  Loc tok_loc(const Token& t) const { return Loc{t.lineno, t.col, t.end_lineno, t.end_col}; }

  template <class T>
  T* mk(const Loc& l) {
    T* n = new (a_.alloc(sizeof(T), alignof(T))) T();
    n->kind = T::K;
    n->loc = l;
    return n;
  }
  template <class T>
  Span<T> span(const std::vector<T>& v) { return to_span(a_, v); }
  std::string_view id(const Token& t) { return a_.str(text(t)); }

  // ---- errors (all throw ParseFail) ----
  [[noreturn]] void fail_range(const std::string& msg, int lineno, int col, int end_lineno, int end_col,
                               SyntaxErrorKind kind = SyntaxErrorKind::SyntaxError);
  [[noreturn]] void fail_loc(const std::string& msg, const Loc& l) {
    fail_range(msg, l.lineno, l.col_offset, l.end_lineno, l.end_col_offset);
  }
  [[noreturn]] void fail_tok(const std::string& msg, const Token& t) {
    fail_range(msg, t.lineno, t.col, t.end_lineno, t.end_col);
  }
  // Generic "invalid syntax" at the furthest token examined (with CPython's refinements: unexpected
  // indent, forgotten comma, missing print parentheses, ...).
  [[noreturn]] void fail_generic();
  // CPython's RAISE_SYNTAX_ERROR without location: reported at the start of the last token read.
  [[noreturn]] void fail_at_token_start(const std::string& msg, const Token& t) {
    fail_range(msg, t.lineno, t.col, t.lineno, t.col + 1);
  }
  // CPython's invalid_named_expression (alternatives 2 and 3), tried at token `start` when an '='
  // follows an expression where no assignment is allowed. Returns if it does not apply.
  void invalid_named_expression_check(size_t start);
  [[noreturn]] void expect_fail(Tok t);
  void expect(Tok t) {
    if (!eat(t)) expect_fail(t);
  }
  void expect_forced(Tok t);  // CPython's &&'x': "expected 'x'" at the current token

  // ---- expressions (parse_expr.cpp) ----
  Expr* expressions();                 // expression (',' expression)* [','] -> Tuple
  Expr* expression();                  // IfExp / lambda / disjunction
  Expr* expression_opt();              // nullptr if the current token cannot start an expression
  Expr* yield_expr();
  Expr* star_expressions();
  Expr* star_expression();
  Expr* star_named_expression();
  Expr* named_expression();
  Expr* disjunction();
  Expr* conjunction();
  Expr* inversion();
  Expr* comparison();
  Expr* bitwise_or();
  Expr* bitwise_xor();
  Expr* bitwise_and();
  Expr* shift_expr();
  Expr* sum();
  Expr* term();
  Expr* factor();
  Expr* power();
  Expr* await_primary();
  Expr* primary();
  Expr* atom();
  Expr* slices();
  Expr* slice();
  Expr* paren_atom();
  Expr* list_atom();
  Expr* brace_atom();
  Expr* lambdef();
  Expr* strings();
  Expr* fstring_replacement_field();  // sets pending_debug_ for f"{x=}"
  Expr* pending_debug_ = nullptr;
  Span<Comprehension*> for_if_clauses();
  void call_arguments(std::vector<Expr*>& args, std::vector<Keyword*>& kws);
  Arguments* parameters(bool lambda, Tok closer);
  Arg* param(bool lambda, bool allow_star_annotation = false);

  bool starts_expression(Tok t) const;
  bool is_bitwise_or_level(const Expr* e) const;

  // targets
  Expr* star_targets();               // for `for` / comprehension targets: stops before 'in'
  void set_context(Expr* e, ExprContext ctx, TargetsType tt);
  const Expr* invalid_target(const Expr* e, TargetsType tt) const;
  [[noreturn]] void fail_invalid_target(const Expr* e, TargetsType tt);

  // ---- statements (parse_stmt.cpp) ----
  void statements_until(std::vector<Stmt*>& out, Tok end);
  void statement(std::vector<Stmt*>& out);
  void simple_stmts(std::vector<Stmt*>& out);
  Stmt* simple_stmt();
  Stmt* compound_stmt();
  Span<Stmt*> block(const char* what, const Token& kw);
  Stmt* if_stmt(bool elif);
  Stmt* while_stmt();
  Stmt* for_stmt(size_t start, bool is_async);
  Stmt* with_stmt(size_t start, bool is_async);
  Stmt* try_stmt();
  Stmt* funcdef(size_t start, std::vector<Expr*>* decorators, bool is_async);
  Stmt* classdef(size_t start, std::vector<Expr*>* decorators);
  Stmt* decorated();
  Stmt* import_stmt();
  Stmt* from_stmt();
  Stmt* assign_or_expr_stmt();
  Stmt* match_stmt();  // returns nullptr if `match` is not a match statement here
  Stmt* type_alias_stmt();
  Span<TypeParam*> type_params();
  Pattern* patterns();
  Pattern* pattern();
  Pattern* or_pattern();
  Pattern* closed_pattern();
  Expr* pattern_value_expr();
  std::string_view pattern_capture_name();
};

// String literal decoding (parse_expr.cpp). Appends the decoded body of a str literal (no prefix or
// quotes) to out; returns false with msg set on a bad escape. Lone surrogates are encoded WTF-8 style.
bool decode_str_body(std::string_view body, bool raw, std::string& out, std::string& msg, size_t& bad_start, size_t& bad_end);
// Human name of an expression for "cannot assign to %s" (CPython _PyPegen_get_expr_name).
const char* expr_name(const Expr* e);

}  // namespace gilpy::parser

// gilpy parser entry points and error finalization: runs the tokenizer, the recursive-descent Parser
// (parse_expr.cpp / parse_stmt.cpp), converts positions to CPython's SyntaxError conventions and
// applies CPython's error-priority rules (tokenizer errors win; unclosed brackets win over later
// errors), plus "incomplete input" detection for the REPL.
#include "parser/parser.h"

#include "parser/parser_impl.h"

namespace gilpy::parser {

namespace {
int chars_between(const char* s, const char* e) {
  int n = 0;
  for (; s < e; ++s)
    if ((static_cast<unsigned char>(*s) & 0xC0) != 0x80) ++n;
  return n;
}
int char_offset(std::string_view line, int byte_col) {
  if (byte_col < 0) return byte_col;
  size_t c = std::min<size_t>(static_cast<size_t>(byte_col), line.size());
  return chars_between(line.data(), line.data() + c) + 1 + (byte_col > static_cast<int>(line.size()) ? byte_col - static_cast<int>(line.size()) : 0);
}
}  // namespace

const char* name_of(SyntaxErrorKind k) {
  switch (k) {
    case SyntaxErrorKind::SyntaxError: return "SyntaxError";
    case SyntaxErrorKind::IndentationError: return "IndentationError";
    case SyntaxErrorKind::TabError: return "TabError";
  }
  return "SyntaxError";
}

Parser::Parser(Tokenizer& tz, Arena& arena, Mode mode) : toks_(tz.tokens()), tz_(tz), a_(arena), mode_(mode) {
  level_.resize(toks_.size());
  int depth = 0;
  for (size_t i = 0; i < toks_.size(); ++i) {
    Tok t = toks_[i].type;
    if (t == Tok::RPar || t == Tok::RSqb || t == Tok::RBrace) --depth;
    level_[i] = static_cast<int16_t>(depth);
    if (t == Tok::LPar || t == Tok::LSqb || t == Tok::LBrace) ++depth;
  }
}

Loc Parser::loc_from(size_t start) const {
  const Token& s = toks_[start];
  size_t e = pos_ > start ? pos_ - 1 : start;
  while (e > start && (toks_[e].type == Tok::Newline || toks_[e].type == Tok::Indent ||
                       toks_[e].type == Tok::Dedent || toks_[e].type == Tok::EndMarker))
    --e;
  const Token& t = toks_[e];
  return Loc{s.lineno, s.col, t.end_lineno, t.end_col};
}

void Parser::fail_range(const std::string& msg, int lineno, int col, int end_lineno, int end_col, SyntaxErrorKind kind) {
  err_.kind = kind;
  err_.msg = msg;
  err_.lineno = lineno;
  std::string_view l = tz_.line(lineno);
  err_.offset = char_offset(l, col);
  err_.end_lineno = end_lineno;
  err_.end_offset = char_offset(tz_.line(end_lineno), end_col);
  err_.text = std::string(l) + "\n";
  if (lineno > tz_.line_count()) err_.text.clear();
  throw ParseFail{};
}

void Parser::expect_fail(Tok) { fail_generic(); }

void Parser::expect_forced(Tok t) {
  if (eat(t)) return;
  std::string m = std::string("expected '") + spelling_of(t) + "'";
  fail_tok(m, tok());
}

void Parser::fail_generic() {
  if (max_pos_ >= toks_.size()) max_pos_ = toks_.size() - 1;
  const Token& t = toks_[max_pos_];
  if (t.type == Tok::Indent) {
    err_.kind = SyntaxErrorKind::IndentationError;
    err_.msg = "unexpected indent";
    err_.lineno = err_.end_lineno = t.lineno;
    std::string_view l = tz_.line(t.lineno);
    err_.offset = std::max(1, chars_between(l.data(), l.data() + t.end_col));
    err_.end_offset = -1;
    err_.text = std::string(l) + "\n";
    throw ParseFail{};
  }
  if (t.type == Tok::Dedent && t.lineno <= tz_.line_count()) {
    fail_range("unexpected unindent", t.lineno, t.col, t.end_lineno, t.end_col, SyntaxErrorKind::IndentationError);
  }
  if (t.type == Tok::EndMarker) eof_error_ = true;
  // Python 2 print/exec statement.
  if (max_pos_ > 0) {
    const Token& pt = toks_[max_pos_ - 1];
    if (pt.type == Tok::Name && (text(pt) == "print" || text(pt) == "exec") && starts_expression(t.type) &&
        (max_pos_ < 2 || toks_[max_pos_ - 2].type == Tok::Newline || toks_[max_pos_ - 2].type == Tok::Indent ||
         toks_[max_pos_ - 2].type == Tok::Dedent || toks_[max_pos_ - 2].type == Tok::Semi)) {
      size_t save = pos_;
      pos_ = max_pos_;
      bool ok = false;
      Loc l{};
      try {
        size_t s = pos_;
        star_expressions();
        l = loc_from(s);
        ok = true;
      } catch (ParseFail&) {
      }
      pos_ = save;
      if (ok) {
        std::string nm(text(pt));
        fail_range("Missing parentheses in call to '" + nm + "'. Did you mean " + nm + "(...)?", pt.lineno, pt.col,
                   l.end_lineno, l.end_col_offset);
      }
    }
  }
  // Forgotten comma inside brackets.
  if (last_disj_end_ == max_pos_ && level_[max_pos_] > 0 && starts_expression(t.type) &&
      last_disj_start_ < toks_.size()) {
    const Token& a0 = toks_[last_disj_start_];
    bool excluded = (a0.type == Tok::Name && last_disj_start_ + 1 < toks_.size() &&
                     toks_[last_disj_start_ + 1].type == Tok::String) ||
                    (a0.type == Tok::Name && (text(a0) == "match" || text(a0) == "case" || text(a0) == "_" || text(a0) == "type"));
    if (!excluded) {
      size_t save = pos_, save_max = max_pos_;
      size_t a_start = last_disj_start_;
      pos_ = max_pos_;
      bool ok = false;
      Loc l{};
      try {
        size_t s = pos_;
        expression();
        l = loc_from(s);
        ok = true;
      } catch (ParseFail&) {
      }
      pos_ = save;
      max_pos_ = save_max;
      if (ok) {
        const Token& as = toks_[a_start];
        fail_range("invalid syntax. Perhaps you forgot a comma?", as.lineno, as.col, l.end_lineno, l.end_col_offset);
      }
    }
  }
  fail_range("invalid syntax", t.lineno, t.col, t.end_lineno, t.end_col);
}

Module* Parser::parse_top() {
  Module* m = a_.make<Module>();
  std::vector<Stmt*> body;
  switch (mode_) {
    case Mode::Exec:
      m->kind = ModKind::Module;
      while (!at(Tok::EndMarker)) statement(body);
      break;
    case Mode::Single:
      m->kind = ModKind::Interactive;
      while (eat(Tok::Newline)) {
      }
      if (!at(Tok::EndMarker)) {
        if (Stmt* s = compound_stmt()) {
          body.push_back(s);
        } else {
          simple_stmts(body);
        }
        while (eat(Tok::Newline)) {
        }
        if (!at(Tok::EndMarker)) {
          // CPython: "multiple statements found while compiling a single statement"
          const Token& t = tok();
          fail_range("multiple statements found while compiling a single statement", t.lineno, t.col, t.end_lineno, t.end_col);
        }
      }
      break;
    case Mode::Eval: {
      m->kind = ModKind::Expression;
      while (eat(Tok::Newline)) {
      }
      m->expr = expressions();
      while (eat(Tok::Newline)) {
      }
      if (!at(Tok::EndMarker)) fail_generic();
      break;
    }
  }
  m->body = span(body);
  return m;
}

ParseResult parse(std::string_view source, Mode mode, std::string_view /*filename*/) {
  ParseResult r;
  r.arena = std::make_unique<Arena>();
  Tokenizer tz(source);
  bool tok_ok = tz.run();
  if (!tok_ok) {
    r.error = tz.error().info;
    r.incomplete = mode == Mode::Single && tz.error().eof_error;
    if (mode == Mode::Single && !tz.open_brackets().empty() && tz.error().info.msg.find("unterminated") == std::string::npos)
      r.incomplete = r.incomplete;  // tokenizer errors inside brackets are real errors
    return r;
  }
  Parser p(tz, *r.arena, mode);
  try {
    r.mod = p.parse_top();
  } catch (ParseFail&) {
    r.mod = nullptr;
    r.error = p.err_;
  }
  if (!r.mod) {
    const auto& ob = tz.open_brackets();
    if (!ob.empty()) {
      const Tokenizer::OpenBracket& b = ob.back();
      if (p.eof_error_ || r.error->lineno > b.lineno) {
        SyntaxErrorInfo e;
        e.msg = std::string("'") + b.ch + "' was never closed";
        e.lineno = e.end_lineno = b.lineno;
        std::string_view l = tz.line(b.lineno);
        e.offset = char_offset(l, b.col);
        e.end_offset = 0;
        e.text = std::string(l);
        if (e.text.empty() || e.text.back() != '\n') e.text += '\n';  // as CPython's parser errors
        r.error = e;
      }
      r.incomplete = mode == Mode::Single;
    } else if (p.eof_error_) {
      r.incomplete = mode == Mode::Single;
    }
    return r;
  }
  if (mode == Mode::Single && !r.mod->body.empty()) {
    // A compound statement in the REPL is complete only after an empty line.
    StmtKind k = r.mod->body[0]->kind;
    bool compound = k == StmtKind::FunctionDef || k == StmtKind::AsyncFunctionDef || k == StmtKind::ClassDef ||
                    k == StmtKind::For || k == StmtKind::AsyncFor || k == StmtKind::While || k == StmtKind::If ||
                    k == StmtKind::With || k == StmtKind::AsyncWith || k == StmtKind::Match ||
                    k == StmtKind::Try || k == StmtKind::TryStar;
    if (compound) {
      std::string_view s = source;
      while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
      bool blank_end = s.size() >= 2 && s[s.size() - 1] == '\n' && s[s.size() - 2] == '\n';
      if (!blank_end) {
        r.incomplete = true;
        r.mod = nullptr;
        SyntaxErrorInfo e;
        e.msg = "incomplete input";
        e.lineno = tz.line_count();
        r.error = e;
      }
    }
  }
  return r;
}

}  // namespace gilpy::parser

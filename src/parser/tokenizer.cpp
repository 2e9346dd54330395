// gilpy tokenizer implementation. See tokenizer.h for the design. The number/string/indentation logic
// and every error message + position follows CPython 3.12's Parser/tokenizer.c; the comments name
// the CPython behaviour being reproduced where it is not obvious.
#include "parser/tokenizer.h"

#include <cstring>

namespace gilpy::parser {

namespace {

inline bool is_digit(int c) { return c >= '0' && c <= '9'; }
inline bool is_xdigit(int c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
inline bool is_id_start(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128; }
inline bool is_id_char(int c) { return is_id_start(c) || is_digit(c); }

// Code points between two byte pointers of valid UTF-8.
int chars_between(const char* s, const char* e) {
  int n = 0;
  for (; s < e; ++s)
    if ((static_cast<unsigned char>(*s) & 0xC0) != 0x80) ++n;
  return n;
}

uint32_t decode_utf8(const char*& p, const char* end) {
  unsigned char c = static_cast<unsigned char>(*p++);
  if (c < 0x80) return c;
  int n = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
  uint32_t cp = c & (0x3F >> n);
  for (int i = 0; i < n && p < end; ++i) cp = (cp << 6) | (static_cast<unsigned char>(*p++) & 0x3F);
  return cp;
}

bool is_printable(uint32_t cp) {
  if (cp < 0x20 || (cp >= 0x7F && cp <= 0xA0) || cp == 0xAD) return false;
  if ((cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) || (cp >= 0x205F && cp <= 0x206F)) return false;
  if (cp == 0x3000 || cp == 0xFEFF || (cp >= 0xE000 && cp <= 0xF8FF) || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
  return true;
}

// Approximation of "not XID_Continue" for common symbol blocks (a full Unicode table is not worth
// its size here): Latin-1 symbols, general punctuation, currency, arrows, math, box drawing, dingbats,
// CJK punctuation, fullwidth ASCII punctuation, emoji.
bool is_invalid_id_char(uint32_t cp) {
  if (!is_printable(cp)) return true;
  if (cp < 0x80) return !is_id_char(static_cast<int>(cp));
  if (cp <= 0xBF) return !(cp == 0xAA || cp == 0xB5 || cp == 0xBA || cp == 0xB7);
  if (cp == 0xD7 || cp == 0xF7) return true;
  if (cp >= 0x2010 && cp <= 0x205E) return !(cp == 0x203F || cp == 0x2040 || cp == 0x2054);
  if (cp >= 0x20A0 && cp <= 0x20CF) return true;
  if (cp >= 0x2190 && cp <= 0x2BFF) return true;
  if (cp >= 0x3001 && cp <= 0x3004) return true;
  if (cp >= 0x3008 && cp <= 0x3020) return true;
  if (cp >= 0xFF01 && cp <= 0xFF0F) return true;
  if (cp >= 0xFF1A && cp <= 0xFF20) return true;
  if (cp >= 0x1F000 && cp <= 0x1FAFF) return true;
  return false;
}

std::string utf8_encode(uint32_t cp) {
  std::string s;
  if (cp < 0x80) {
    s += static_cast<char>(cp);
  } else if (cp < 0x800) {
    s += static_cast<char>(0xC0 | (cp >> 6));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    s += static_cast<char>(0xE0 | (cp >> 12));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    s += static_cast<char>(0xF0 | (cp >> 18));
    s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return s;
}

Tok keyword(std::string_view s) {
  struct KW { const char* s; Tok t; };
  static const KW kws[] = {
      {"False", Tok::KwFalse}, {"None", Tok::KwNone}, {"True", Tok::KwTrue}, {"and", Tok::KwAnd},
      {"as", Tok::KwAs}, {"assert", Tok::KwAssert}, {"async", Tok::KwAsync}, {"await", Tok::KwAwait},
      {"break", Tok::KwBreak}, {"class", Tok::KwClass}, {"continue", Tok::KwContinue}, {"def", Tok::KwDef},
      {"del", Tok::KwDel}, {"elif", Tok::KwElif}, {"else", Tok::KwElse}, {"except", Tok::KwExcept},
      {"finally", Tok::KwFinally}, {"for", Tok::KwFor}, {"from", Tok::KwFrom}, {"global", Tok::KwGlobal},
      {"if", Tok::KwIf}, {"import", Tok::KwImport}, {"in", Tok::KwIn}, {"is", Tok::KwIs},
      {"lambda", Tok::KwLambda}, {"nonlocal", Tok::KwNonlocal}, {"not", Tok::KwNot}, {"or", Tok::KwOr},
      {"pass", Tok::KwPass}, {"raise", Tok::KwRaise}, {"return", Tok::KwReturn}, {"try", Tok::KwTry},
      {"while", Tok::KwWhile}, {"with", Tok::KwWith}, {"yield", Tok::KwYield},
  };
  if (s.size() < 2 || s.size() > 8) return Tok::Name;
  for (const KW& k : kws)
    if (k.s[0] == s[0] && s == k.s) return k.t;
  return Tok::Name;
}

const char* const kTokNames[] = {
    "ENDMARKER", "NAME", "NUMBER", "STRING", "NEWLINE", "INDENT", "DEDENT", "FSTRING_START",
    "FSTRING_MIDDLE", "FSTRING_END", "LPAR", "RPAR", "LSQB", "RSQB", "COLON", "COMMA", "SEMI", "PLUS",
    "MINUS", "STAR", "SLASH", "VBAR", "AMPER", "LESS", "GREATER", "EQUAL", "DOT", "PERCENT", "LBRACE",
    "RBRACE", "EQEQUAL", "NOTEQUAL", "LESSEQUAL", "GREATEREQUAL", "TILDE", "CIRCUMFLEX", "LEFTSHIFT",
    "RIGHTSHIFT", "DOUBLESTAR", "PLUSEQUAL", "MINEQUAL", "STAREQUAL", "SLASHEQUAL", "PERCENTEQUAL",
    "AMPEREQUAL", "VBAREQUAL", "CIRCUMFLEXEQUAL", "LEFTSHIFTEQUAL", "RIGHTSHIFTEQUAL",
    "DOUBLESTAREQUAL", "DOUBLESLASH", "DOUBLESLASHEQUAL", "AT", "ATEQUAL", "RARROW", "ELLIPSIS",
    "COLONEQUAL", "EXCLAMATION",
};
const char* const kSpellings[] = {
    "(", ")", "[", "]", ":", ",", ";", "+", "-", "*", "/", "|", "&", "<", ">", "=", ".", "%", "{", "}",
    "==", "!=", "<=", ">=", "~", "^", "<<", ">>", "**", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=",
    "<<=", ">>=", "**=", "//", "//=", "@", "@=", "->", "...", ":=", "!",
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in",
    "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
};

}  // namespace

const char* name_of(Tok t) {
  size_t i = static_cast<size_t>(t);
  if (i < sizeof(kTokNames) / sizeof(kTokNames[0])) return kTokNames[i];
  return "NAME";  // keywords are NAME tokens in CPython
}

const char* spelling_of(Tok t) {
  size_t i = static_cast<size_t>(t);
  if (i < static_cast<size_t>(Tok::LPar)) return nullptr;
  return kSpellings[i - static_cast<size_t>(Tok::LPar)];
}

Tokenizer::Tokenizer(std::string_view source) {
  if (source.size() >= 3 && source.substr(0, 3) == "\xEF\xBB\xBF") source.remove_prefix(3);
  src_.reserve(source.size() + 2);
  for (size_t i = 0; i < source.size(); ++i) {
    char c = source[i];
    if (c == '\r') {
      src_ += '\n';
      if (i + 1 < source.size() && source[i + 1] == '\n') ++i;
    } else {
      src_ += c;
    }
  }
  if (src_.empty() || src_.back() != '\n') src_ += '\n';
  line_starts_.push_back(0);
  for (size_t i = 0; i + 1 < src_.size(); ++i)
    if (src_[i] == '\n') line_starts_.push_back(static_cast<uint32_t>(i + 1));
}

Tokenizer::~Tokenizer() = default;

std::string_view Tokenizer::line(int lineno) const {
  if (lineno < 1 || lineno > static_cast<int>(line_starts_.size())) return {};
  size_t s = line_starts_[lineno - 1];
  size_t e = src_.find('\n', s);
  if (e == std::string::npos) e = src_.size();
  return std::string_view(src_).substr(s, e - s);
}

// Tokenizer errors: CPython's `syntaxerror(tok, ...)` reports offset = number of code points between
// the line start and the cursor, end_offset the same (or an explicit range). `col`/`end_col` here are
// byte columns of that cursor; text is the line without its newline.
bool Tokenizer::fail(const std::string& msg, int lineno, int col, int end_lineno, int end_col) {
  SyntaxErrorInfo& e = err_.info;
  e.kind = SyntaxErrorKind::SyntaxError;
  e.msg = msg;
  e.lineno = lineno;
  std::string_view l = line(lineno);
  if (col > static_cast<int>(l.size())) col = static_cast<int>(l.size()) + 1;
  e.offset = chars_between(l.data(), l.data() + std::min<size_t>(col, l.size())) + (col > static_cast<int>(l.size()) ? 1 : 0);
  e.end_lineno = end_lineno < 0 ? lineno : end_lineno;
  if (end_col < 0) {
    e.end_offset = e.offset;
  } else {
    std::string_view el = line(e.end_lineno);
    e.end_offset = chars_between(el.data(), el.data() + std::min<size_t>(end_col, el.size()));
  }
  e.text = std::string(l);
  return false;
}

void Tokenizer::emit(Tok t, const char* s, const char* e, int lineno, int col, int end_lineno, int end_col) {
  toks_.push_back(Token{t, lineno, col, end_lineno, end_col, static_cast<uint32_t>(s - src_.data()),
                        static_cast<uint32_t>(e - src_.data())});
}

void Tokenizer::emit_here(Tok t, const char* s, const char* e) {
  emit(t, s, e, lineno_, col_of(s), lineno_, col_of(e));
}

bool Tokenizer::run() {
  p_ = src_.data();
  line_start_ = p_;
  lineno_ = 1;
  toks_.reserve(src_.size() / 4 + 16);
  for (;;) {
    if (!next()) return false;
    if (!toks_.empty() && toks_.back().type == Tok::EndMarker) return true;
  }
}

bool Tokenizer::next() {
  const char* end = src_.data() + src_.size();
  if (!fmodes_.empty() && !fmodes_.back().in_expr) return fstring_literal();

  bool blankline = false;
  if (atbol_) {
    atbol_ = false;
    int col = 0, altcol = 0;
    const char* q = p_;
    for (; q < end; ++q) {
      if (*q == ' ') {
        ++col, ++altcol;
      } else if (*q == '\t') {
        col = (col / 8 + 1) * 8;
        altcol = altcol + 1;
      } else if (*q == '\014') {
        col = altcol = 0;
      } else {
        break;
      }
    }
    if (q >= end || *q == '#' || *q == '\n' || (*q == '\\' && q + 1 < end && q[1] == '\n')) {
      // Blank lines, comment-only lines and lines that are only a continuation do not affect
      // indentation (CPython: blankline; the continuation case mirrors its "lines ending in \ are
      // joined before indentation is measured" behaviour only approximately).
      blankline = q >= end || *q != '\\';
    } else if (brackets_.empty()) {
      if (col == indents_.back()) {
        if (altcol != altindents_.back()) {
          fail("inconsistent use of tabs and spaces in indentation", lineno_, 0);
          err_.info.kind = SyntaxErrorKind::TabError;
          err_.info.offset = 1, err_.info.end_offset = 0;
          err_.info.text = std::string(line(lineno_)) + "\n";
          return false;
        }
      } else if (col > indents_.back()) {
        if (altcol <= altindents_.back()) {
          fail("inconsistent use of tabs and spaces in indentation", lineno_, 0);
          err_.info.kind = SyntaxErrorKind::TabError;
          err_.info.offset = 1, err_.info.end_offset = 0;
          err_.info.text = std::string(line(lineno_)) + "\n";
          return false;
        }
        indents_.push_back(col);
        altindents_.push_back(altcol);
        emit(Tok::Indent, line_start_, q, lineno_, 0, lineno_, static_cast<int>(q - line_start_));
      } else {
        while (indents_.size() > 1 && col < indents_.back()) {
          indents_.pop_back();
          altindents_.pop_back();
          emit(Tok::Dedent, q, q, lineno_, static_cast<int>(q - line_start_), lineno_, static_cast<int>(q - line_start_));
        }
        if (col != indents_.back()) {
          fail("unindent does not match any outer indentation level", lineno_, 0);
          err_.info.kind = SyntaxErrorKind::IndentationError;
          err_.info.offset = chars_between(line_start_, line_start_ + line(lineno_).size()) + 1;  // CPython: end of line
          err_.info.end_offset = -1;
          err_.info.text = std::string(line(lineno_)) + "\n";
          return false;
        }
        if (altcol != altindents_.back()) {
          fail("inconsistent use of tabs and spaces in indentation", lineno_, 0);
          err_.info.kind = SyntaxErrorKind::TabError;
          err_.info.offset = 1, err_.info.end_offset = 0;
          err_.info.text = std::string(line(lineno_)) + "\n";
          return false;
        }
      }
    }
  }

again:
  while (p_ < end && (*p_ == ' ' || *p_ == '\t' || *p_ == '\014')) ++p_;
  if (p_ < end && *p_ == '#') {
    while (p_ < end && *p_ != '\n') ++p_;
  }
  if (p_ >= end) {
    // End of input. (The source always ends with '\n', so a NEWLINE has normally been emitted.)
    if (!toks_.empty() && toks_.back().type != Tok::Newline && toks_.back().type != Tok::Dedent &&
        toks_.back().type != Tok::Indent) {
      emit(Tok::Newline, p_, p_, lineno_, col_of(p_), lineno_, col_of(p_) + 1);
    }
    if (!fmodes_.empty()) {
      // EOF inside a replacement field: CPython reports the unclosed '{'.
      const FMode& m = fmodes_.back();
      (void)m;
    }
    int last = static_cast<int>(line_starts_.size());
    int eline = last + 1;
    while (indents_.size() > 1) {
      indents_.pop_back();
      altindents_.pop_back();
      emit(Tok::Dedent, p_, p_, eline, 0, eline, 0);
    }
    emit(Tok::EndMarker, p_, p_, eline, 0, eline, 0);
    return true;
  }

  const char* s = p_;
  unsigned char c = static_cast<unsigned char>(*p_);

  if (c == '\n') {
    ++p_;
    if (blankline || !brackets_.empty()) {
      // Skipped newline (blank line or implicit line joining).
    } else {
      emit(Tok::Newline, s, p_, lineno_, col_of(s), lineno_, col_of(s) + 1);
    }
    ++lineno_;
    line_start_ = p_;
    if (brackets_.empty()) {
      atbol_ = true;
      return true;
    }
    blankline = false;
    goto again;
  }

  if (c == '\\') {
    if (p_ + 1 < end && p_[1] == '\n') {
      p_ += 2;
      ++lineno_;
      line_start_ = p_;
      if (p_ >= end) {
        eof_in_continuation_ = true;
        fail("unexpected EOF while parsing", lineno_ - 1, col_of(p_));
        err_.info.lineno = lineno_ - 1;
        err_.eof_error = true;
        return false;
      }
      blankline = false;
      goto again;
    }
    fail("unexpected character after line continuation character", lineno_, 0);
    err_.info.offset = chars_between(line_start_, p_) + 2;
    err_.info.end_offset = 0;
    return false;
  }

  // Identifiers, keywords, string prefixes.
  if (is_id_start(c)) {
    // String prefix? (combinations of b, r, u, f, at most one each; u only alone; no b with f/u)
    bool saw_b = false, saw_r = false, saw_u = false, saw_f = false;
    const char* q = p_;
    while (q < end) {
      char d = *q;
      if (!(saw_b || saw_u || saw_f) && (d == 'b' || d == 'B')) saw_b = true;
      else if (!(saw_b || saw_u || saw_r || saw_f) && (d == 'u' || d == 'U')) saw_u = true;
      else if (!(saw_r || saw_u) && (d == 'r' || d == 'R')) saw_r = true;
      else if (!(saw_f || saw_b || saw_u) && (d == 'f' || d == 'F')) saw_f = true;
      else break;
      ++q;
    }
    if (q > p_ && q < end && (*q == '"' || *q == '\'')) return string_or_fstring_start(s, static_cast<int>(q - s));
    bool nonascii = false;
    while (p_ < end && is_id_char(static_cast<unsigned char>(*p_))) {
      if (static_cast<unsigned char>(*p_) >= 128) nonascii = true;
      ++p_;
    }
    if (nonascii) {
      const char* r = s;
      bool first = true;
      while (r < p_) {
        const char* cs = r;
        uint32_t cp = decode_utf8(r, p_);
        bool bad = is_invalid_id_char(cp) || (first && cp < 128 && is_digit(static_cast<int>(cp)));
        first = false;
        if (bad) {
          char buf[96];
          if (!is_printable(cp))
            snprintf(buf, sizeof buf, "invalid non-printable character U+%04X", cp);
          else
            snprintf(buf, sizeof buf, "invalid character '%s' (U+%04X)", utf8_encode(cp).c_str(), cp);
          fail(buf, lineno_, 0);
          err_.info.offset = chars_between(line_start_, cs) + 1;
          err_.info.end_offset = err_.info.offset;
          return false;
        }
      }
    }
    emit_here(keyword(std::string_view(s, p_ - s)), s, p_);
    return true;
  }

  if (is_digit(c) || (c == '.' && p_ + 1 < end && is_digit(static_cast<unsigned char>(p_[1])))) return number(s);

  if (c == '"' || c == '\'') return string_or_fstring_start(s, 0);

  // Operators.
  ++p_;
  char c1 = p_ < end ? *p_ : 0;
  char c2 = p_ + 1 < end ? p_[1] : 0;
  Tok t;
  FMode* fm = fmodes_.empty() ? nullptr : &fmodes_.back();
  bool at_field_level = fm && fm->in_expr && !fm->fields.empty() && brackets_.size() == fm->fields.back();
  switch (c) {
    case '(': case '[': case '{': {
      if (brackets_.size() >= 200) return fail("too many nested parentheses", lineno_, col_of(p_));
      brackets_.push_back({static_cast<char>(c), lineno_, col_of(s)});
      t = c == '(' ? Tok::LPar : c == '[' ? Tok::LSqb : Tok::LBrace;
      break;
    }
    case ')': case ']': case '}': {
      if (brackets_.empty()) {
        char buf[64];
        snprintf(buf, sizeof buf, "unmatched '%c'", c);
        return fail(buf, lineno_, col_of(p_));
      }
      OpenBracket ob = brackets_.back();
      char want = ob.ch == '(' ? ')' : ob.ch == '[' ? ']' : '}';
      if (want != static_cast<char>(c)) {
        if (fm && fm->in_expr && c == '}' && !fm->fields.empty() && brackets_.size() > fm->fields.back()) {
          // f"{x(}": CPython reports the mismatch like any other.
        }
        char buf[128];
        if (ob.lineno != lineno_)
          snprintf(buf, sizeof buf, "closing parenthesis '%c' does not match opening parenthesis '%c' on line %d", c, ob.ch, ob.lineno);
        else
          snprintf(buf, sizeof buf, "closing parenthesis '%c' does not match opening parenthesis '%c'", c, ob.ch);
        return fail(buf, lineno_, col_of(p_));
      }
      brackets_.pop_back();
      t = c == ')' ? Tok::RPar : c == ']' ? Tok::RSqb : Tok::RBrace;
      if (c == '}' && at_field_level) {
        // End of a replacement field: back to literal mode of the enclosing f-string (a format spec if
        // this field was nested inside one).
        emit_here(Tok::RBrace, s, p_);
        fm->fields.pop_back();
        fm->in_expr = false;
        return true;
      }
      break;
    }
    case ':':
      if (c1 == '=' && !at_field_level) { ++p_; t = Tok::ColonEqual; break; }
      t = Tok::Colon;
      if (at_field_level) {
        emit_here(Tok::Colon, s, p_);
        fm->in_expr = false;  // format spec follows
        return true;
      }
      break;
    case ',': t = Tok::Comma; break;
    case ';': t = Tok::Semi; break;
    case '~': t = Tok::Tilde; break;
    case '.':
      if (c1 == '.' && c2 == '.') { p_ += 2; t = Tok::Ellipsis; } else t = Tok::Dot;
      break;
    case '+': if (c1 == '=') { ++p_; t = Tok::PlusEqual; } else t = Tok::Plus; break;
    case '-':
      if (c1 == '=') { ++p_; t = Tok::MinEqual; }
      else if (c1 == '>') { ++p_; t = Tok::RArrow; }
      else t = Tok::Minus;
      break;
    case '*':
      if (c1 == '*') { ++p_; if (c2 == '=') { ++p_; t = Tok::DoubleStarEqual; } else t = Tok::DoubleStar; }
      else if (c1 == '=') { ++p_; t = Tok::StarEqual; }
      else t = Tok::Star;
      break;
    case '/':
      if (c1 == '/') { ++p_; if (c2 == '=') { ++p_; t = Tok::DoubleSlashEqual; } else t = Tok::DoubleSlash; }
      else if (c1 == '=') { ++p_; t = Tok::SlashEqual; }
      else t = Tok::Slash;
      break;
    case '%': if (c1 == '=') { ++p_; t = Tok::PercentEqual; } else t = Tok::Percent; break;
    case '&': if (c1 == '=') { ++p_; t = Tok::AmperEqual; } else t = Tok::Amper; break;
    case '|': if (c1 == '=') { ++p_; t = Tok::VBarEqual; } else t = Tok::VBar; break;
    case '^': if (c1 == '=') { ++p_; t = Tok::CircumflexEqual; } else t = Tok::Circumflex; break;
    case '@': if (c1 == '=') { ++p_; t = Tok::AtEqual; } else t = Tok::At; break;
    case '=': if (c1 == '=') { ++p_; t = Tok::EqEqual; } else t = Tok::Equal; break;
    case '!':
      if (c1 == '=') { ++p_; t = Tok::NotEqual; }
      else if (fm && fm->in_expr) t = Tok::Exclamation;
      else {
        // CPython 3.12 tokenizes a lone '!' outside f-strings as an error token -> "invalid syntax".
        t = Tok::Exclamation;
      }
      break;
    case '<':
      if (c1 == '<') { ++p_; if (c2 == '=') { ++p_; t = Tok::LeftShiftEqual; } else t = Tok::LeftShift; }
      else if (c1 == '=') { ++p_; t = Tok::LessEqual; }
      else if (c1 == '>') { ++p_; t = Tok::NotEqual; }  // '<>' (only valid with barry_as_FLUFL; parser rejects)
      else t = Tok::Less;
      break;
    case '>':
      if (c1 == '>') { ++p_; if (c2 == '=') { ++p_; t = Tok::RightShiftEqual; } else t = Tok::RightShift; }
      else if (c1 == '=') { ++p_; t = Tok::GreaterEqual; }
      else t = Tok::Greater;
      break;
    default: {
      if (c < 128 && c >= 32 && c != 127) {
        // '$', '?', '`': CPython produces an ERRORTOKEN that the parser reports as "invalid syntax"
        // at the character.
        err_.info.kind = SyntaxErrorKind::SyntaxError;
        err_.info.msg = "invalid syntax";
        err_.info.lineno = err_.info.end_lineno = lineno_;
        err_.info.offset = chars_between(line_start_, s) + 1;
        err_.info.end_offset = err_.info.offset + 1;
        err_.info.text = std::string(line(lineno_)) + "\n";
        return false;
      }
      char buf[64];
      snprintf(buf, sizeof buf, "invalid non-printable character U+%04X", static_cast<unsigned>(c));
      fail(buf, lineno_, 0);
      err_.info.offset = err_.info.end_offset = chars_between(line_start_, s) + 1;
      return false;
    }
  }
  if (t == Tok::NotEqual && c == '<') {
    // '<>' is NOTEQUAL only under barry_as_FLUFL; report as CPython's parser does.
  }
  emit_here(t, s, p_);
  return true;
}

// NUMBER: see CPython tok_get_normal_mode (number part), verify_end_of_number and tok_decimal_tail.
bool Tokenizer::number(const char* s) {
  const char* end = src_.data() + src_.size();
  const char* q = s;
  auto nextc = [&]() -> int { return q < end ? static_cast<unsigned char>(*q++) : (++q, -1); };
  auto backup = [&]() { --q; };
  auto err_at = [&](const char* msg) {  // offset = code points up to the cursor
    fail(msg, lineno_, 0);
    err_.info.offset = err_.info.end_offset = chars_between(line_start_, q);
    return false;
  };
  // verify_end_of_number: c has been consumed.
  auto verify_end = [&](int c, const char* kind) -> bool {
    auto look = [&](const char* w) {
      size_t n = strlen(w);
      return static_cast<size_t>(end - q) >= n && memcmp(q, w, n) == 0;
    };
    bool r = false;
    if (c == 'a') r = look("nd");
    else if (c == 'e') r = look("lse");
    else if (c == 'f') r = look("or");
    else if (c == 'i') r = q < end && (*q == 'f' || *q == 'n' || *q == 's');
    else if (c == 'o') r = look("r");
    else if (c == 'n') r = look("ot");
    if (r) return true;
    if (c >= 0 && c < 128 && is_id_char(c)) {
      backup();
      char buf[64];
      snprintf(buf, sizeof buf, "invalid %s literal", kind);
      return err_at(buf);
    }
    return true;
  };
  auto decimal_tail = [&](int& c) -> bool {
    for (;;) {
      do c = nextc(); while (is_digit(c));
      if (c != '_') break;
      c = nextc();
      if (!is_digit(c)) {
        backup();
        return err_at("invalid decimal literal");
      }
    }
    return true;
  };

  int c = nextc();
  if (c == '0' && q < end && (*q == 'x' || *q == 'X' || *q == 'o' || *q == 'O' || *q == 'b' || *q == 'B')) {
    int k = nextc();
    if (k == 'x' || k == 'X') {
      c = nextc();
      do {
        if (c == '_') c = nextc();
        if (!is_xdigit(c)) {
          backup();
          return err_at("invalid hexadecimal literal");
        }
        do c = nextc(); while (is_xdigit(c));
      } while (c == '_');
      if (!verify_end(c, "hexadecimal")) return false;
    } else {
      bool octal = k == 'o' || k == 'O';
      const char* kind = octal ? "octal" : "binary";
      auto ok = [&](int d) { return octal ? (d >= '0' && d <= '7') : (d == '0' || d == '1'); };
      c = nextc();
      do {
        if (c == '_') c = nextc();
        if (!ok(c)) {
          char buf[64];
          if (is_digit(c)) {
            snprintf(buf, sizeof buf, "invalid digit '%c' in %s literal", c, kind);
            return err_at(buf);
          }
          backup();
          snprintf(buf, sizeof buf, "invalid %s literal", kind);
          return err_at(buf);
        }
        do c = nextc(); while (ok(c));
      } while (c == '_');
      if (is_digit(c)) {
        char buf[64];
        snprintf(buf, sizeof buf, "invalid digit '%c' in %s literal", c, kind);
        return err_at(buf);
      }
      if (!verify_end(c, kind)) return false;
    }
  } else {
    bool is_float_path = false;
    if (c == '0') {
      bool nonzero = false;
      c = nextc();
      for (;;) {
        if (c == '_') {
          c = nextc();
          if (!is_digit(c)) {
            backup();
            return err_at("invalid decimal literal");
          }
        }
        if (c != '0') break;
        c = nextc();
      }
      const char* zeros_end = q;
      if (is_digit(c)) {
        nonzero = true;
        if (!decimal_tail(c)) return false;
      }
      if (c == '.') {
        c = nextc();
        is_float_path = true;
        goto fraction;
      } else if (c == 'e' || c == 'E') {
        goto exponent;
      } else if (c == 'j' || c == 'J') {
        goto imaginary;
      } else if (nonzero) {
        backup();
        fail("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", lineno_, 0);
        err_.info.offset = chars_between(line_start_, s) + 1;
        err_.info.end_offset = chars_between(line_start_, zeros_end);
        return false;
      }
      if (!verify_end(c, "decimal")) return false;
      goto done;
    } else {
      // Decimal or float starting with a digit or '.'.
      if (c == '.') {
        c = nextc();
        is_float_path = true;
        goto fraction;
      }
      backup();
      if (!decimal_tail(c)) return false;
      if (c == '.') {
        c = nextc();
        is_float_path = true;
        goto fraction;
      }
      if (c == 'e' || c == 'E') goto exponent;
      if (c == 'j' || c == 'J') goto imaginary;
      if (!verify_end(c, "decimal")) return false;
      goto done;
    }
  fraction:
    (void)is_float_path;
    if (is_digit(c)) {
      backup();
      if (!decimal_tail(c)) return false;
    }
    if (c == 'e' || c == 'E') goto exponent;
    if (c == 'j' || c == 'J') goto imaginary;
    if (!verify_end(c, "decimal")) return false;
    goto done;
  exponent: {
    int e = c;
    c = nextc();
    if (c == '+' || c == '-') {
      c = nextc();
      if (!is_digit(c)) {
        backup();
        return err_at("invalid decimal literal");
      }
    } else if (!is_digit(c)) {
      backup();  // back to just after 'e'
      if (!verify_end(e, "decimal")) return false;
      // "1else": the number ends before the 'e'.
      backup();
      c = nextc();  // re-read e so the final backup below leaves q at 'e'
      goto done;
    }
    backup();
    if (!decimal_tail(c)) return false;
    if (c == 'j' || c == 'J') goto imaginary;
    if (!verify_end(c, "decimal")) return false;
    goto done;
  }
  imaginary:
    c = nextc();
    if (!verify_end(c, "imaginary")) return false;
  }
done:
  backup();
  p_ = q;
  emit_here(Tok::Number, s, p_);
  return true;
}

// STRING (non-f) or FSTRING_START. `prefix_len` bytes of prefix letters precede the quote at s+prefix_len.
bool Tokenizer::string_or_fstring_start(const char* s, int prefix_len) {
  const char* end = src_.data() + src_.size();
  bool is_f = false, is_raw = false;
  for (int i = 0; i < prefix_len; ++i) {
    char d = s[i];
    if (d == 'f' || d == 'F') is_f = true;
    if (d == 'r' || d == 'R') is_raw = true;
  }
  const char* q = s + prefix_len;
  char quote = *q;
  int quote_size = 1;
  if (q + 2 < end && q[1] == quote && q[2] == quote) quote_size = 3;
  q += quote_size;
  if (is_f) {
    p_ = q;
    emit_here(Tok::FStringStart, s, p_);
    FMode m{quote, static_cast<uint8_t>(quote_size), is_raw, false, lineno_, col_of(s), {}};
    fmodes_.push_back(std::move(m));
    return true;
  }
  if (quote_size == 1 && q < end && *q == quote) {  // empty string ''
    p_ = q + 1;
    emit_here(Tok::String, s, p_);
    return true;
  }
  int start_line = lineno_;
  const char* start_line_start = line_start_;
  int start_col = col_of(s);
  int end_quote = 0;
  while (end_quote != quote_size) {
    if (q >= end || (quote_size == 1 && *q == '\n')) {
      int detected = lineno_;
      if (q >= end && quote_size == 3) detected = static_cast<int>(line_starts_.size());
      // Report from the opening quote, on its line.
      if (!fmodes_.empty() && fmodes_.back().quote == quote && fmodes_.back().quote_size == quote_size) {
        fail("f-string: expecting '}'", start_line, 0);
        err_.info.offset = err_.info.end_offset = chars_between(start_line_start, s + prefix_len) + 1;
        err_.info.text = std::string(line(start_line));
        return false;
      }
      char buf[96];
      if (quote_size == 3)
        snprintf(buf, sizeof buf, "unterminated triple-quoted string literal (detected at line %d)", detected);
      else
        snprintf(buf, sizeof buf, "unterminated string literal (detected at line %d)", detected);
      fail(buf, start_line, 0);
      err_.info.offset = err_.info.end_offset = chars_between(start_line_start, s) + 1;
      err_.info.text = std::string(line(start_line));
      err_.eof_error = quote_size == 3;
      return false;
    }
    char c = *q++;
    if (c == quote) {
      ++end_quote;
      continue;
    }
    end_quote = 0;
    if (c == '\\') {
      if (q < end) {
        if (*q == '\n') {
          ++lineno_;
          line_start_ = q + 1;
        }
        ++q;
      }
    } else if (c == '\n') {
      ++lineno_;
      line_start_ = q;
    }
  }
  p_ = q;
  emit(Tok::String, s, p_, start_line, start_col, lineno_, col_of(p_));
  return true;
}

// Literal part of an f-string (or of a format spec): emits FSTRING_MIDDLE (possibly none), then
// either '{' (entering a replacement field), '}' (closing the field whose format spec this is) or
// FSTRING_END.
bool Tokenizer::fstring_literal() {
  const char* end = src_.data() + src_.size();
  FMode& m = fmodes_.back();
  bool in_spec = !m.fields.empty();
  const char* s = p_;
  int sl = lineno_, sc = col_of(s);
  auto emit_middle = [&](bool force) {
    if (p_ > s || force) emit(Tok::FStringMiddle, s, p_, sl, sc, lineno_, col_of(p_));
  };
  for (;;) {
    if (p_ >= end || (m.quote_size == 1 && *p_ == '\n')) {
      char buf[96];
      int detected = lineno_;
      if (m.quote_size == 3)
        snprintf(buf, sizeof buf, "unterminated triple-quoted f-string literal (detected at line %d)", detected - (p_ >= end ? 1 : 0));
      else
        snprintf(buf, sizeof buf, "unterminated f-string literal (detected at line %d)", detected);
      fail(buf, m.lineno, 0);
      std::string_view l = line(m.lineno);
      err_.info.offset = err_.info.end_offset = chars_between(l.data(), l.data() + m.col) + 1;
      err_.eof_error = m.quote_size == 3;
      return false;
    }
    char c = *p_;
    if (c == m.quote && (m.quote_size == 1 || (p_ + 2 < end && p_[1] == c && p_[2] == c))) {
      if (in_spec) {
        // Quote inside a format spec: the field was never closed.
        fail("f-string: expecting '}'", lineno_, col_of(p_) + 1);
        return false;
      }
      emit_middle(false);
      const char* qs = p_;
      p_ += m.quote_size;
      emit_here(Tok::FStringEnd, qs, p_);
      fmodes_.pop_back();
      return true;
    }
    if (c == '\n') {
      ++p_;
      ++lineno_;
      line_start_ = p_;
      continue;
    }
    if (c == '{') {
      if (!in_spec && p_ + 1 < end && p_[1] == '{') {
        p_ += 2;
        continue;
      }
      emit_middle(false);
      if (brackets_.size() >= 200) return fail("too many nested parentheses", lineno_, col_of(p_) + 1);
      brackets_.push_back({'{', lineno_, col_of(p_)});
      const char* bs = p_++;
      emit_here(Tok::LBrace, bs, p_);
      m.fields.push_back(static_cast<uint32_t>(brackets_.size()));
      m.in_expr = true;
      return true;
    }
    if (c == '}') {
      if (!in_spec) {
        if (p_ + 1 < end && p_[1] == '}') {
          p_ += 2;
          continue;
        }
        fail("f-string: single '}' is not allowed", lineno_, col_of(p_) + 1);
        return false;
      }
      // End of the format spec and of its replacement field. CPython 3.12 emits an (empty)
      // FSTRING_MIDDLE here when the spec ended with a nested replacement field.
      bool after_nested = !toks_.empty() && toks_.back().type == Tok::RBrace;
      emit_middle(after_nested);
      brackets_.pop_back();
      const char* bs = p_++;
      emit_here(Tok::RBrace, bs, p_);
      m.fields.pop_back();
      m.in_expr = false;
      return true;
    }
    if (c == '\\' && p_ + 1 < end) {
      if (m.raw) {
        ++p_;
        if (*p_ == m.quote || *p_ == '\\') ++p_;
        continue;
      }
      char d = p_[1];
      if (d == 'N' && p_ + 2 < end && p_[2] == '{') {
        const char* r = p_ + 3;
        while (r < end && *r != '}' && *r != '\n' && *r != m.quote) ++r;
        if (r < end && *r == '}') {
          p_ = r + 1;
          continue;
        }
      }
      if (d == '{' || d == '}') {
        ++p_;
        continue;
      }
      if (d == '\n') {
        p_ += 2;
        ++lineno_;
        line_start_ = p_;
        continue;
      }
      p_ += 2;
      continue;
    }
    ++p_;
  }
}

}  // namespace gilpy::parser

// gilpy tokenizer: Python 3.12 source -> token vector (the whole file at once).
//
// Modelled on CPython's Parser/tokenizer.c (3.12): INDENT/DEDENT from an indentation stack (tabs to
// multiples of 8, with a tabs-as-1 "alt" column to detect TabError), implicit line joining inside
// brackets, backslash continuation, PEP 701 f-strings (FSTRING_START / FSTRING_MIDDLE / FSTRING_END
// with the replacement fields tokenized as ordinary tokens, tracked by a mode stack), keywords as
// distinct token kinds (soft keywords match/case/_/type stay NAME).
//
// Tokenizing everything up front is equivalent to CPython's lazy tokenizer for error reporting, because
// CPython re-tokenizes the rest of the file after a parser error and lets tokenizer errors win
// (_PyPegen_tokenize_full_source_to_check_for_errors). Unclosed brackets at EOF are not an error here:
// `Tokenizer::open_brackets()` reports them and the parser decides (as CPython does).
//
// Ownership: the Tokenizer keeps a normalized copy of the source (BOM stripped, \r\n and \r turned
// into \n, a final \n appended if missing); tokens hold byte offsets into that copy (`text()`).
// Positions: lines are 1-based, columns are 0-based UTF-8 byte offsets (as CPython's AST).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parser/parser.h"

namespace gilpy::parser {

enum class Tok : uint8_t {
  EndMarker, Name, Number, String, Newline, Indent, Dedent, FStringStart, FStringMiddle, FStringEnd,
  // operators
  LPar, RPar, LSqb, RSqb, Colon, Comma, Semi, Plus, Minus, Star, Slash, VBar, Amper, Less, Greater,
  Equal, Dot, Percent, LBrace, RBrace, EqEqual, NotEqual, LessEqual, GreaterEqual, Tilde, Circumflex,
  LeftShift, RightShift, DoubleStar, PlusEqual, MinEqual, StarEqual, SlashEqual, PercentEqual,
  AmperEqual, VBarEqual, CircumflexEqual, LeftShiftEqual, RightShiftEqual, DoubleStarEqual,
  DoubleSlash, DoubleSlashEqual, At, AtEqual, RArrow, Ellipsis, ColonEqual, Exclamation,
  // keywords
  KwFalse, KwNone, KwTrue, KwAnd, KwAs, KwAssert, KwAsync, KwAwait, KwBreak, KwClass, KwContinue,
  KwDef, KwDel, KwElif, KwElse, KwExcept, KwFinally, KwFor, KwFrom, KwGlobal, KwIf, KwImport, KwIn,
  KwIs, KwLambda, KwNonlocal, KwNot, KwOr, KwPass, KwRaise, KwReturn, KwTry, KwWhile, KwWith, KwYield,
};
const char* name_of(Tok t);
// Source spelling of an operator/keyword token ("(", "if"), or nullptr.
const char* spelling_of(Tok t);

struct Token {
  Tok type;
  int32_t lineno, col;          // start (1-based line, 0-based byte column)
  int32_t end_lineno, end_col;  // end (exclusive)
  uint32_t start, end;          // byte range in Tokenizer::text()
};

// A tokenizer error: SyntaxErrorInfo with CPython's offsets, plus whether it was caused by reaching the
// end of the input (for the REPL's "incomplete input").
struct TokError {
  SyntaxErrorInfo info;
  bool eof_error = false;
};

class Tokenizer {
 public:
  explicit Tokenizer(std::string_view source);

  // Tokenizes everything. Returns false on error (see error()); the tokens produced before the error
  // are kept in tokens().
  bool run();

  const std::vector<Token>& tokens() const { return toks_; }
  const TokError& error() const { return err_; }
  const std::string& text() const { return src_; }
  std::string_view token_text(const Token& t) const { return std::string_view(src_).substr(t.start, t.end - t.start); }
  // Text of line `lineno` (1-based), without the newline.
  std::string_view line(int lineno) const;
  int line_count() const { return static_cast<int>(line_starts_.size()); }

  // Brackets still open at EOF (innermost last): char and position of the opening bracket.
  struct OpenBracket { char ch; int lineno, col; };
  const std::vector<OpenBracket>& open_brackets() const { return brackets_; }
  // True if input ended inside a backslash continuation.
  bool eof_in_continuation() const { return eof_in_continuation_; }

 private:
  struct FMode {
    char quote;
    uint8_t quote_size;
    bool raw;
    bool in_expr = false;  // inside a replacement field's expression
    int lineno, col;       // position of the f-string start (for errors)
    std::vector<uint32_t> fields;  // bracket depth (brackets_.size()) of each open replacement field
  };
  bool next();   // emits one or more tokens; false on error
  bool fstring_literal();
  bool string_or_fstring_start(const char* start, int quote_pos_prefix_len);
  bool number(const char* start);
  bool fail(const std::string& msg, int lineno, int col, int end_lineno = -1, int end_col = -1);
  void emit(Tok t, const char* s, const char* e, int lineno, int col, int end_lineno, int end_col);
  void emit_here(Tok t, const char* s, const char* e);  // s..e on the current line
  int col_of(const char* p) const { return static_cast<int>(p - line_start_); }

  std::string src_;
  std::vector<uint32_t> line_starts_;
  std::vector<Token> toks_;
  TokError err_;

  const char* p_ = nullptr;          // cursor
  const char* line_start_ = nullptr; // start of the current physical line
  int lineno_ = 1;
  bool atbol_ = true;
  bool eof_in_continuation_ = false;
  std::vector<int> indents_{0};
  std::vector<int> altindents_{0};
  int pending_dedents_ = 0;
  std::vector<OpenBracket> brackets_;
  std::vector<FMode> fmodes_;
 public:
  ~Tokenizer();
  Tokenizer(const Tokenizer&) = delete;
  Tokenizer& operator=(const Tokenizer&) = delete;
};

}  // namespace gilpy::parser

// gilpy parser public API: Python 3.12 source text -> AST (ast.h).
//
// Entry points never throw; on bad input they return a ParseResult whose `error` is set (and `mod` is
// null). The result owns the Arena that every AST node lives in: keep the ParseResult alive while the
// AST is in use. The source text is copied/decoded as needed; it need not outlive the call.
//
// Error reporting follows CPython 3.12: message text, kind (SyntaxError / IndentationError / TabError)
// and positions (lineno, 1-based `offset` and `end_offset` counted like CPython's SyntaxError: in
// characters (code points) of the line, plus one) for the common cases. Errors that CPython raises
// in the compiler / symbol table ('return' outside function, 'break' outside loop, nonlocal at module
// level, ...) are the compiler's job and are NOT reported here.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "parser/ast.h"

namespace gilpy::parser {

enum class SyntaxErrorKind : uint8_t { SyntaxError, IndentationError, TabError };
const char* name_of(SyntaxErrorKind);

struct SyntaxErrorInfo {
  SyntaxErrorKind kind = SyntaxErrorKind::SyntaxError;
  std::string msg;
  int lineno = 0;
  int offset = 0;       // 1-based column in code points, as CPython's SyntaxError.offset (0 if none)
  int end_lineno = 0;
  int end_offset = 0;
  std::string text;     // the offending source line (with trailing newline, as CPython), may be empty
};

enum class Mode : uint8_t { Exec, Single, Eval };

struct ParseResult {
  std::unique_ptr<Arena> arena;         // owns every node reachable from `mod`
  Module* mod = nullptr;                // null on error
  std::optional<SyntaxErrorInfo> error;
  // Mode::Single only: the input is an incomplete statement that may become valid with more lines
  // (the REPL should print "..." and read more). `error` is also set in that case.
  bool incomplete = false;

  bool ok() const { return mod != nullptr; }
};

// `filename` is only used for messages (currently unused; kept for the API).
ParseResult parse(std::string_view source, Mode mode, std::string_view filename = "<unknown>");

inline ParseResult parse_file(std::string_view source, std::string_view filename = "<unknown>") {
  return parse(source, Mode::Exec, filename);
}
inline ParseResult parse_single(std::string_view source) { return parse(source, Mode::Single, "<stdin>"); }
inline ParseResult parse_eval(std::string_view source) { return parse(source, Mode::Eval, "<string>"); }

}  // namespace gilpy::parser

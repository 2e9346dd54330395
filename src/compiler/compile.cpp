// compile_source (compiler/compile.h): parse, build the symbol table, generate code, assemble.
//
// Errors become SyntaxError / IndentationError / TabError with CPython's attributes:
//  * from the parser: its SyntaxErrorInfo as is (offsets already 1-based code-point columns);
//  * from the symbol table and the code generator: offset = node col_offset + 1 and
//    end_offset = end_col_offset + 1 (UTF-8 byte columns, exactly what CPython reports for these
//    errors), and `text` is the source line when the filename names a real file (CPython reads
//    it back from the file; for "<string>", "<stdin>"... it is None).
#include "compiler/compile.h"

#include "compiler/codegen.h"
#include "compiler/symtable.h"
#include "core/abstract.h"
#include "core/error.h"
#include "objects/containers.h"
#include "objects/exceptions.h"
#include "objects/strobject.h"
#include "parser/parser.h"
#include "vm/state.h"

namespace gilpy {

namespace {

// The `lineno`-th line of `source` (1-based), with its newline, or "" if out of range.
std::string source_line(std::string_view source, int lineno) {
  int line = 1;
  size_t pos = 0;
  while (line < lineno) {
    size_t nl = source.find('\n', pos);
    if (nl == std::string_view::npos) return std::string();
    pos = nl + 1;
    line++;
  }
  size_t nl = source.find('\n', pos);
  if (nl == std::string_view::npos) return std::string(source.substr(pos)) + "\n";
  return std::string(source.substr(pos, nl - pos + 1));
}

void raise_syntax_error(TypeObject* type, const std::string& msg, Object* filename, int lineno,
                        int offset, const std::string* text, int end_lineno, int end_offset,
                        bool args_msg_only = false) {
  Ref text_obj;
  if (text && !text->empty()) {
    text_obj = Ref::steal(str_decode_utf8(text->data(), ssize(text->size()), "replace"));
    if (!text_obj) err_clear();
  }
  Ref exc = Ref::steal(syntax_error_new(type, msg.c_str(), filename, lineno, offset, text_obj.get(),
                                        end_lineno, end_offset));
  if (!exc) return;  // the constructor's exception stays set
  if (args_msg_only) {
    Ref m = Ref::steal(str_from_utf8(msg));
    Ref args = m ? Ref::steal(tuple_pack(1, m.get())) : Ref();
    if (!args || object_setattr_str(exc.get(), "args", args.get()) < 0) err_clear();
  }
  err_set_object(exc.get());
}

}  // namespace

Object* compile_source(std::string_view source, Object* filename, CompileMode mode,
                       bool dont_inherit) {
  parser::Mode pmode = mode == CompileMode::Exec   ? parser::Mode::Exec
                       : mode == CompileMode::Eval ? parser::Mode::Eval
                                                   : parser::Mode::Single;
  std::string fname(str_view(filename));
  parser::ParseResult pr = parser::parse(source, pmode, fname);
  if (!pr.ok()) {
    if (!pr.error) {
      err_format(&Exc_SystemError, "parser failed without an error");
      return nullptr;
    }
    const parser::SyntaxErrorInfo& e = *pr.error;
    TypeObject* type = e.kind == parser::SyntaxErrorKind::TabError           ? &Exc_TabError
                       : e.kind == parser::SyntaxErrorKind::IndentationError ? &Exc_IndentationError
                                                                             : &Exc_SyntaxError;
    raise_syntax_error(type, e.msg, filename, e.lineno, e.offset, &e.text, e.end_lineno,
                       e.end_offset);
    return nullptr;
  }

  compiler::CompileErrorInfo err;
  auto report = [&]() -> Object* {
    if (!err.set) {
      if (!err_occurred()) err_format(&Exc_SystemError, "compiler failed without an error");
      return nullptr;
    }
    std::string text;
    if (!fname.empty() && fname[0] != '<') text = source_line(source, err.loc.lineno);
    int offset = err.loc.col_offset >= 0 ? err.loc.col_offset + 1 : 0;
    int end_offset = err.loc.end_col_offset >= 0 ? err.loc.end_col_offset + 1 : 0;
    raise_syntax_error(&Exc_SyntaxError, err.msg, filename, err.loc.lineno, offset, &text,
                       err.loc.end_lineno, end_offset, err.from_symtable);
    return nullptr;
  };

  auto st = compiler::symtable_build(pr.mod, &err);
  if (!st) return report();
  Interpreter* interp = main_interpreter();
  compiler::Compiler c(st.get(), filename, mode == CompileMode::Single, &err,
                       interp ? interp->optimize : 0);
  Object* code = c.compile_module(pr.mod);
  if (!code) return report();
  return code;
}

}  // namespace gilpy

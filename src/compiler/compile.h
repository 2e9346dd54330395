// The compiler's entry point: source text -> code object (src/compiler/compile.cpp).
#pragma once

#include <string_view>

#include "core/type.h"

namespace gilpy {

enum class CompileMode { Exec, Eval, Single };

// Parse and compile `source`. On a syntax error raises SyntaxError / IndentationError / TabError
// with CPython's attributes (msg, filename, lineno, offset, text, end_lineno, end_offset) and
// returns nullptr. `filename` is a str. Returns a CodeObject.
Object* compile_source(std::string_view source, Object* filename, CompileMode mode,
                       bool dont_inherit = true);

}  // namespace gilpy

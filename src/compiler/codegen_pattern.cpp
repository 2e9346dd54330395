// Code generation, part 4: `match` statements (PEP 634).
//
// Not implemented yet: the instruction set has no MATCH_CLASS / MATCH_MAPPING / MATCH_SEQUENCE /
// MATCH_KEYS opcodes. A match statement is reported as a SyntaxError naming the limitation.
#include "compiler/codegen.h"

namespace gilpy::compiler {

bool Compiler::match_stmt(parser::Stmt* s) {
  return error("'match' statements are not supported yet", s->loc);
}

}  // namespace gilpy::compiler

// Interpreter finalization (vm/finalize.cpp): threads joined, atexit callbacks, modules released
// in CPython's order, and the -X leaks report. Called once by runtime_finalize().
#pragma once

namespace gilpy {

void finalize_interpreter();

}  // namespace gilpy

// Running code: the eval loop's entry points used by the CLI, exec/eval and imports
// (src/vm/run.cpp, src/vm/eval.cpp).
#pragma once

#include <string>
#include <string_view>

#include "core/type.h"

namespace gilpy {

// Interpreter life cycle: create the main interpreter and thread state, the builtin types,
// builtins and sys. Must run before anything else; finalize flushes stdout/stderr and frees.
bool runtime_initialize(int argc, char** argv);
int runtime_finalize();

// Execute a code object with the given globals (dict) and locals (mapping; may equal globals).
Object* eval_code(Object* code, Object* globals, Object* locals);

// Run a program as __main__. Return the process exit status: 0, 1 after an uncaught exception
// (traceback printed), or the SystemExit code.
int run_file(const std::string& path);
int run_source(std::string_view source, const std::string& filename);  // -c and stdin
int run_module(const std::string& module_name);                         // -m
// Exit status for an uncaught SystemExit in the thread state's current exception (prints the
// message for non-int codes as CPython does); clears it.
int handle_system_exit();

}  // namespace gilpy

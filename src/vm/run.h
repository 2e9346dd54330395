// Running code: the eval loop's entry points used by the CLI, exec/eval and imports
// (src/vm/run.cpp, src/vm/eval.cpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/type.h"
#include "vm/state.h"

namespace gilpy {

// What the command line decided (src/cli): copied into the Interpreter before sys is created.
struct RuntimeConfig {
  std::vector<std::string> argv;      // sys.argv
  std::vector<std::string> xoptions;  // -X options, "key" or "key=value" (sys._xoptions)
  std::vector<std::string> warnoptions;  // sys.warnoptions
  SysFlags flags;                     // sys.flags
  bool interactive = false;
  bool inspect = false;
  int optimize = 0;
};

// Interpreter life cycle: create the main interpreter and thread state, the builtin types,
// builtins and sys. Must run before anything else; finalize flushes stdout/stderr and frees.
bool runtime_initialize(const RuntimeConfig& config);
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
// Flush sys.stdout and sys.stderr; a pending exception is kept.
void flush_std_streams();

// Frame access for builtins (globals(), locals(), vars(), exec/eval defaults, __build_class__).
// Implemented by the eval loop (vm/eval.cpp or vm/frame.cpp).
Object* eval_globals_borrowed();   // globals dict of the innermost Python frame, or nullptr
Object* eval_builtins_borrowed();  // builtins dict of the innermost frame (or the interpreter's)
Object* eval_locals();             // locals() of the innermost frame: new reference (a dict
                                   // snapshot for function frames, the mapping for module/class)
// Run a class body: call `func` (a function with no parameters) with `locals` as its local
// namespace (CPython's _PyEval_Vector with locals). Returns the body's return value (the
// __class__ cell, or None).
Object* eval_function_with_locals(Object* func, Object* locals);

}  // namespace gilpy

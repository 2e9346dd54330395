// The import system (vm/import.cpp): what IMPORT_NAME and builtins.__import__ do.
//
// Modules are cached in sys.modules (Interpreter::modules). A name is looked up as a built-in
// module (modules/registry.h) first, then as NAME.py or NAME/__init__.py on the parent package's
// __path__ (top-level: sys.path, whose first entry is the script's directory, followed by the
// gilpy `lib/` directory). A module is inserted into sys.modules before its body runs, so circular
// imports see the partially initialised module, as in CPython.
#pragma once

#include <string>
#include <vector>

#include "core/type.h"

namespace gilpy {

// __import__(name, globals, locals, fromlist, level): `name` a str, `globals` the importing
// module's namespace (for relative imports; may be null), `fromlist` null/None/a sequence.
// Returns the top-level package (no fromlist) or the module itself (fromlist given), new reference.
Object* import_module_level(Object* name, Object* globals, Object* fromlist, int level);
// import NAME (absolute, dotted allowed): the module itself. New reference.
Object* import_module(const char* name);
// from MODULE import NAME (the IMPORT_FROM opcode): attribute, else submodule, else ImportError
// with CPython's messages.
Object* import_from(Object* module, Object* name);
// from MODULE import * into `locals` (honours __all__, else skips names starting with '_').
int import_all_from(Object* locals, Object* module);

// Is `module.__spec__._initializing` true (its body still running)? Errors count as false.
bool import_module_is_initializing(Object* module);

// The directories added to sys.path after the script's: gilpy's lib/ (next to the executable:
// <exe dir>/../lib or <exe dir>/lib, and GILPY_SOURCE_LIB_DIR when defined at build time).
void import_default_lib_dirs(std::vector<std::string>& out);

void init_import_types();  // the ModuleSpec type used for __spec__

}  // namespace gilpy

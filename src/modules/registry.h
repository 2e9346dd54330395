// The table of modules built into the interpreter (written in C++). `import NAME` looks here before
// sys.path. Each entry's init function creates and returns the module (a new reference), or
// nullptr with an exception set. The table itself is in modules/registry.cpp: one line per module.
#pragma once

#include "core/type.h"

namespace gilpy {

struct BuiltinModuleDef {
  const char* name;
  Object* (*init)();
};

extern const BuiltinModuleDef kBuiltinModules[];  // terminated by {nullptr, nullptr}
const BuiltinModuleDef* find_builtin_module(const char* name);

}  // namespace gilpy

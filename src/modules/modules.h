// Init functions of the built-in modules (each returns a new module, or nullptr with an exception
// set). They are listed in the registry table (modules/registry.cpp) and called on first import.
#pragma once

#include "core/type.h"

namespace gilpy {

Object* builtins_module_init();  // modules/builtins.cpp
Object* sys_module_init();       // modules/sys.cpp
Object* io_module_init();        // modules/io.cpp (_io)
Object* math_module_init();      // modules/math.cpp
Object* time_module_init();      // modules/time.cpp
Object* dis_module_init();       // modules/dis.cpp

}  // namespace gilpy

// Loading C++ extension modules (shared libraries written against include/gilpy/): the one hook
// the import system calls (vm/import.cpp's find_and_load, before its search for source modules).
#pragma once

#include <string>

#include "core/type.h"

namespace gilpy {

// Look for the extension module `part` (the last component of `abs_name`) in the directories of
// `path` (sys.path or the parent package's __path__), in order. In each directory: a package
// directory part/__init__.py, or a part.py, means "a source module is found first" (returns null
// with *found false, leaving it to the source loader); part.gilpy.so or part.so is loaded.
// Top-level imports also look in <directory of the gilpy executable>/ext after sys.path (where
// gilpy_add_extension puts built extensions). Loading: dlopen, dlsym("gilpy_module_init_<part>"),
// call it, set __file__ and __spec__, insert into sys.modules. Returns the module (new
// reference) with *found true, or null with an exception set (ImportError for dlopen/dlsym
// failures) with *found true; or null, no exception, *found false when there is no extension.
Object* ext_find_and_load(Object* abs_name, const std::string& part, Object* path, bool* found);

}  // namespace gilpy

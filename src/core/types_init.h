// Start-up of the built-in types (core/types_init.cpp).
//
// Each subsystem has one init function that fills its static TypeObjects' slots and tables and
// registers each of them with register_static_type(). It must not allocate objects: at that point
// no type is ready. types_init() calls them all, then runs type_ready() on every registered type in
// registration order (so a type's base must be registered before it).
#pragma once

#include "core/type.h"

namespace gilpy {

void register_static_type(TypeObject* type);
bool types_init();  // false with an exception set (or a message on stderr) on failure

// Implemented by each subsystem (the file that owns the types):
void init_object_types();     // core: object, type, descriptors, cfunction, module, None & co (core/, objects/singletons.cpp, objects/moduleobject.cpp)
void init_exception_types();  // objects/exceptions.cpp
void init_int_types();        // objects/intobject.cpp: int, bool
void init_float_types();      // objects/floatobject.cpp: float (and complex)
void init_str_types();        // objects/strobject.cpp: str and its iterator
void init_bytes_types();      // objects/bytesobject.cpp: bytes, bytearray and their iterators
void init_container_types();  // objects/: tuple, list, dict (+views), set, frozenset, range, slice, iterators
void init_code_types();       // objects/codeobject.cpp: code
void init_vm_types();         // vm/: function, bound method, cell, generator, frame, traceback

}  // namespace gilpy

// Declarations shared by the files of the `io` module (modules/io.cpp: files and open();
// modules/io_memory.cpp: StringIO and BytesIO) and by tempfile.cpp. Not a contract header for other
// subsystems (they use io through sys.stdout & co or by importing it).
#pragma once

#include "core/type.h"

namespace gilpy {

// io.open(*args, **kwargs) (vectorcall arguments as builtins.open).
Object* io_open(Object* const* args, ssize nargs, Object* kwnames);
// Set the `name` reported by a file object returned by io_open (the underlying binary file's
// name): tempfile names its files after the path although they were opened from an fd.
bool io_file_set_name(Object* file, Object* name);
// io.UnsupportedOperation (borrowed; valid after io_types_ready()).
TypeObject* io_unsupported_operation_type();
// Ready the in-memory stream types and add StringIO / BytesIO to the module (io_memory.cpp).
int io_memory_add_types(Object* module);

}  // namespace gilpy

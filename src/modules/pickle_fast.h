// Shared declarations of `_pickle_accel`, the native half of gilpy's pickle (lib/_pickle.py holds
// the complete implementation; see the design note at the top of modules/pickle_fast.cpp).
#pragma once

#include "core/type.h"

namespace gilpy {

// What lib/_pickle.py hands the native entries once, at import (_pickle_accel._configure): the
// Python implementations they delegate unusual calls to and the factories of the Python
// Pickler/Unpickler that take over a native dump/load at the first object or opcode left to
// Python. Owned references, kept for the life of the process; set and read with the GIL held.
struct PickleAccelConfig {
  Object* dumps_py = nullptr;            // _pickle._dumps_py
  Object* loads_py = nullptr;            // _pickle._loads_py
  Object* pickler_factory = nullptr;     // Pickler._continue_native_dump(core, proto, fix_imports)
  Object* unpickler_factory = nullptr;   // _BytesUnpickler(data, fix_imports, encoding, errors, None)
  Object* default_tables = nullptr;      // (copyreg.dispatch_table,)
  Object* extension_registry = nullptr;  // copyreg._extension_registry
  Object* dispatch = nullptr;            // _pickle._dispatch: the 256 opcode handlers
};
extern PickleAccelConfig g_config;

// _pickle_accel.load(unpickler, dispatch): Unpickler.load's opcode loop
// (modules/pickle_fast_load.cpp).
Object* pickle_accel_load(Object* self, Object* const* args, ssize nargs, Object* kwnames);

// pickle.loads(data, /, *, fix_imports=True, encoding='ASCII', errors='strict', buffers=()): the
// native loop without a Python Unpickler until an opcode needs one (modules/pickle_fast_load.cpp).
Object* pickle_accel_loads(Object* self, Object* const* args, ssize nargs, Object* kwnames);

}  // namespace gilpy

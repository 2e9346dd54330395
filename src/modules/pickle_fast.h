// Shared declarations of `_pickle_accel`, the native half of gilpy's pickle (lib/_pickle.py holds
// the complete implementation; see the design note at the top of modules/pickle_fast.cpp).
#pragma once

#include "core/type.h"

namespace gilpy {

// _pickle_accel.load(unpickler, dispatch): Unpickler.load's opcode loop
// (modules/pickle_fast_load.cpp).
Object* pickle_accel_load(Object* self, Object* const* args, ssize nargs, Object* kwnames);

}  // namespace gilpy

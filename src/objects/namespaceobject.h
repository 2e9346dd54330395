// types.SimpleNamespace: an object whose attributes live in a plain __dict__, with the repr
// `namespace(a=1, b=2)` (objects/namespaceobject.cpp). sys.implementation and
// time.get_clock_info() return one, as in CPython.
#pragma once

#include "core/type.h"

namespace gilpy {

extern TypeObject NamespaceType;
void init_namespace_type();

// A namespace with the given attributes (kwargs: a dict of str keys, may be null).
Object* namespace_new(Object* kwargs);

}  // namespace gilpy

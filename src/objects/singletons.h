// None, NotImplemented and Ellipsis: immortal singletons (objects/singletons.cpp).
#pragma once

#include "core/type.h"

namespace gilpy {

extern TypeObject NoneType;
extern TypeObject NotImplementedType;
extern TypeObject EllipsisType;
extern Object NoneStruct, NotImplementedStruct, EllipsisStruct;

inline Object* const None = &NoneStruct;
inline Object* const NotImplemented = &NotImplementedStruct;
inline Object* const Ellipsis = &EllipsisStruct;

inline Object* none_ref() { return newref(None); }  // `return none_ref();` == Py_RETURN_NONE
inline Object* not_implemented_ref() { return newref(NotImplemented); }

}  // namespace gilpy

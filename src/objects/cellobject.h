// Cell objects (objects/cellobject.cpp): the boxes holding variables shared between a function and
// the functions nested in it (closures). A cell owns one reference to its content (null: empty).
#pragma once

#include "core/type.h"

namespace gilpy {

struct CellObject : Object {
  Object* ref;  // owned, null when empty
};
extern TypeObject CellType;
inline bool cell_check(Object* o) { return type_of(o) == &CellType; }
Object* cell_new(Object* value);  // value may be null (empty cell); increfs it
inline Object* cell_get_borrowed(Object* c) { return static_cast<CellObject*>(c)->ref; }
// Store a new value (stolen; may be null to empty the cell).
inline void cell_set_steal(Object* c, Object* v) { setref(&static_cast<CellObject*>(c)->ref, v); }

void init_cell_type();

}  // namespace gilpy

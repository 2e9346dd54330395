// Start-up of the built-in types: see core/types_init.h.
#include "core/types_init.h"

#include "objects/namespaceobject.h"

#include <vector>

#include "core/gc.h"

namespace gilpy {

namespace {
std::vector<TypeObject*>& registered_types() {
  static std::vector<TypeObject*> types;
  return types;
}
}  // namespace

void register_static_type(TypeObject* type) {
  if (!type->ob_type) type->ob_type = &TypeType;
  make_immortal(type);
  registered_types().push_back(type);
}

bool types_init() {
  init_object_types();
  init_exception_types();
  init_int_types();
  init_float_types();
  init_str_types();
  init_bytes_types();
  init_container_types();
  init_code_types();
  init_vm_types();
  init_namespace_type();
  gc_install_traverse_slots();  // core/gc_traverse.cpp: traverse/clear slots, weakref types
  for (TypeObject* t : registered_types()) {
    if (type_ready(t) < 0) return false;
  }
  return true;
}

}  // namespace gilpy

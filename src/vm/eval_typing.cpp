// PEP 695 (type parameters and `type` statements): the CALL_INTRINSIC_1 / CALL_INTRINSIC_2
// operations that create typing.TypeVar / ParamSpec / TypeVarTuple / TypeAliasType objects.
#include "core/error.h"
#include "vm/eval_internal.h"

namespace gilpy {

Object* call_intrinsic_1_typing(uint32_t which, Object* v) {
  return err_format(&Exc_SystemError, "bad intrinsic %u", which);
}

Object* call_intrinsic_2_typing(uint32_t which, Object* v1, Object* v2) {
  return err_format(&Exc_SystemError, "bad intrinsic %u", which);
}

}  // namespace gilpy

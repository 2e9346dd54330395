// Tables generated from the opcode X-macro (vm/opcodes.h).
#include "vm/opcodes.h"

namespace gilpy {

const char* const kOpcodeNames[OP_COUNT_] = {
#define GILPY_OP_NAME(name, flags, pop, push) #name,
    GILPY_OPCODES(GILPY_OP_NAME)
#undef GILPY_OP_NAME
};

const uint8_t kOpcodeFlags[OP_COUNT_] = {
#define GILPY_OP_FLAGS(name, flags, pop, push) uint8_t(flags),
    GILPY_OPCODES(GILPY_OP_FLAGS)
#undef GILPY_OP_FLAGS
};

int opcode_stack_effect(Opcode op, uint32_t oparg, bool jump) {
  if (jump) {
    switch (op) {
      case OP_FOR_ITER: return -1;  // the exhausted iterator is popped
      case OP_SEND: return 0;       // [receiver result]; END_SEND at the target pops the receiver
      default: break;
    }
  }
  switch (op) {
#define GILPY_OP_EFFECT(name, flags, pop, push) \
  case OP_##name: return int(push) - int(pop);
    GILPY_OPCODES(GILPY_OP_EFFECT)
#undef GILPY_OP_EFFECT
    default: return 0;
  }
}

}  // namespace gilpy

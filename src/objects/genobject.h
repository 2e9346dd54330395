// Generators (objects/genobject.cpp).
//
// A GenObject is created when a function whose code has CO_GENERATOR is called (there is no
// RETURN_GENERATOR opcode): the arguments are bound straight into the generator's own frame, which
// lives inline at the end of the object (owner FRAME_OWNED_BY_GENERATOR). The generator owns that
// frame's references until it completes (the eval loop clears the frame on return or exception)
// or is deallocated (closed first when suspended, then cleared). While it runs, the frame is linked
// into the thread's frame chain and `exc_state` (the exceptions handled inside the generator) is
// pushed on the thread's exc_info stack; both are unlinked again when it yields.
#pragma once

#include <cstddef>

#include "objects/exceptions.h"
#include "objects/funcobject.h"
#include "vm/frame.h"
#include "vm/state.h"

namespace gilpy {

struct GenObject : Object {
  Object* name;      // str, owned
  Object* qualname;  // str, owned
  Object* code;      // owned (gi_code stays valid after the frame is cleared)
  Object* weaklist;
  ThreadState::ExcInfo exc_state;  // exc_value owned
  Frame frame;  // variable size: must stay last
};

extern TypeObject GenType;
inline bool gen_check(Object* o) { return type_of(o) == &GenType; }
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"
inline constexpr size_t kGenFrameOffset = offsetof(GenObject, frame);
#pragma GCC diagnostic pop
inline GenObject* gen_from_frame(Frame* f) {
  return reinterpret_cast<GenObject*>(reinterpret_cast<char*>(f) - kGenFrameOffset);
}

Object* gen_new_from_call(FunctionObject* func, Object* const* args, ssize nargs, Object* kwnames);

// Resume a generator (CPython's gen_send_ex2): `arg` is the value sent (null: next()), `exc`
// resumes by raising the thread's current exception inside. Returns SEND_NEXT with *presult the
// yielded value, SEND_RETURN with *presult the return value, or SEND_ERROR (exception set, or not
// set when an exhausted generator is resumed by next()).
enum SendResult : int { SEND_ERROR = -1, SEND_RETURN = 0, SEND_NEXT = 1 };
int gen_send_ex2(GenObject* gen, Object* arg, Object** presult, bool exc, bool closing);
// send() for any iterator (the SEND opcode): generators directly, else __next__ / send().
int iter_send(Object* iter, Object* arg, Object** presult);

void init_gen_types();

}  // namespace gilpy

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
  uint8_t ag_closed;         // async generators: finished or aclose()d
  uint8_t ag_running_async;  // async generators: an asend()/athrow() awaitable is running it
  Frame frame;  // variable size: must stay last
};

// The same object layout serves generators, coroutines (CO_COROUTINE: `async def` without
// yield) and async generators (CO_ASYNC_GENERATOR); the type tells them apart. Coroutines and
// async generators live in objects/genobject_async.cpp.
extern TypeObject GenType;
extern TypeObject CoroType;
extern TypeObject AsyncGenType;
inline bool gen_check(Object* o) { return type_of(o) == &GenType; }
inline bool coro_check(Object* o) { return type_of(o) == &CoroType; }
inline bool async_gen_check(Object* o) { return type_of(o) == &AsyncGenType; }
inline bool gen_like_check(Object* o) { return gen_check(o) || coro_check(o) || async_gen_check(o); }
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

// As gen_send_ex2, but a return raises StopIteration(value) (StopAsyncIteration for async
// generators) and returns null.
Object* gen_send_ex(GenObject* gen, Object* arg, bool exc, bool closing);
// generator.throw(typ, val, tb) (val/tb may be null); close_on_genexit: close a delegated-to
// iterator when GeneratorExit is thrown (false for async generators' athrow/aclose).
Object* gen_throw_impl(GenObject* gen, bool close_on_genexit, Object* typ, Object* val, Object* tb);
// The iterator a suspended generator / coroutine delegates to (yield from / await), or null.
Object* gen_yf(GenObject* gen);
// Shared method bodies (send, throw, close) for the coroutine and async generator types.
Object* gen_send_meth(Object* self, Object* const* args, ssize nargs, Object* kwnames);
Object* gen_throw_meth(Object* self, Object* const* args, ssize nargs, Object* kwnames);
Object* gen_close_meth(Object* self, Object* const* args, ssize nargs, Object* kwnames);

// `await o`: o itself for coroutines (and generators flagged CO_ITERABLE_COROUTINE), else the
// iterator returned by o.__await__() (TypeError "object int can't be used in 'await' expression", "__await__()
// returned non-iterator of type 'int'"). New reference.
Object* coro_get_awaitable_iter(Object* o);
// The awaitable of `async for` over an async generator (its __anext__()).
Object* async_gen_anext(Object* ag);
// INTRINSIC_ASYNC_GEN_WRAP: mark a value yielded by an async generator (as opposed to a value
// an `await` inside it passes up to the event loop).
Object* async_gen_value_wrapper_new(Object* value);
void init_async_gen_types();  // called by init_gen_types

void init_gen_types();

}  // namespace gilpy

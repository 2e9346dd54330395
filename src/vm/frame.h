// Execution frames (vm/frame.cpp): the per-call record of the eval loop, and the Python-visible
// frame object materialized lazily from it.
//
// A Frame is a plain struct (not an object), allocated on the thread's contiguous frame stack
// (ThreadState::stack_base/top/limit, chunked: a frame that does not fit in the current chunk
// starts a new heap chunk), or inline in a generator object, as CPython's _PyInterpreterFrame.
// Layout: the header below, then `code->nlocalsplus` local slots (arguments, locals, cells, free
// variables), then `code->stacksize` value-stack slots, all in `localsplus[]`.
//
// Ownership: a live frame owns one reference to each of code, func (may be null), globals,
// builtins, locals (may be null), every non-null localsplus slot, every value on its stack
// (stack_base() .. sp), and its frame object (frame_obj, may be null). `previous` is a borrowed
// link to the calling frame (null for the outermost frame and for suspended generators).
//
// Frame objects (FrameObject, Python's `frame` type) are created only when Python code asks for
// one (tracebacks, sys._getframe, gi_frame). While the frame is live the frame object points at it;
// when the frame is cleared while its frame object is still referenced elsewhere, the frame's
// header and locals are copied into a heap block owned by the frame object (owner ==
// FRAME_OWNED_BY_FRAME_OBJECT) and f_back is materialized then, as CPython's take_ownership().
#pragma once

#include <cstddef>

#include "objects/codeobject.h"
#include "vm/state.h"

namespace gilpy {

enum FrameOwner : uint8_t {
  FRAME_OWNED_BY_THREAD = 0,
  FRAME_OWNED_BY_GENERATOR = 1,
  FRAME_OWNED_BY_FRAME_OBJECT = 2,
};

// Execution state of a frame (generators report it as gi_running / gi_suspended / gi_frame).
enum FrameState : uint8_t {
  FRAME_CREATED = 0,    // not started
  FRAME_SUSPENDED = 1,  // a generator suspended at a yield
  FRAME_EXECUTING = 2,
  FRAME_COMPLETED = 3,  // returned or raised; references cleared
};

struct FrameObject;

struct Frame {
  CodeObject* code;
  Object* func;      // FunctionObject or null (module / class / exec frames)
  Object* globals;   // dict
  Object* builtins;  // dict
  Object* locals;    // mapping for non-optimized frames, else null
  Frame* previous;
  FrameObject* frame_obj;
  const uint32_t* ip;  // next instruction; ip - 1 is the instruction being (or last) executed
  Object** sp;         // value stack top (one past the last item) while not executing
  uint8_t owner;       // FrameOwner
  uint8_t is_entry;    // returning from this frame returns from eval_frame()
  uint8_t state;       // FrameState (meaningful for generator frames)
  uint8_t padding_[5];
  Object* localsplus[1];  // nlocalsplus + stacksize slots (see above)

  Object** stack_base() { return localsplus + code->nlocalsplus; }
  int lasti() const { return int(ip - code->code) - 1; }
};

constexpr size_t kFrameHeaderSlots = offsetof(Frame, localsplus) / sizeof(Object*);
inline size_t frame_slots(const CodeObject* code) {
  return kFrameHeaderSlots + size_t(code->nlocalsplus) + size_t(code->stacksize);
}

// Initialise a frame in memory large enough for frame_slots(code): takes new references to code,
// func, globals, builtins, locals (func/locals may be null); localsplus all null.
inline void frame_init(Frame* f, CodeObject* code, Object* func, Object* globals,
                       Object* builtins, Object* locals) {
  f->code = code;
  incref(code);
  f->func = func;
  xincref(func);
  f->globals = globals;
  incref(globals);
  f->builtins = builtins;
  incref(builtins);
  f->locals = locals;
  xincref(locals);
  f->previous = nullptr;
  f->frame_obj = nullptr;
  f->ip = code->code;
  f->owner = FRAME_OWNED_BY_THREAD;
  f->is_entry = 0;
  f->state = FRAME_CREATED;
  int32_t n = code->nlocalsplus;
  for (int32_t i = 0; i < n; i++) f->localsplus[i] = nullptr;
  f->sp = f->localsplus + n;
}

// Allocate space for a frame of `code` on the thread's frame stack (uninitialised). Returns null
// with MemoryError set when out of memory.
Frame* frame_stack_alloc(ThreadState* ts, size_t slots);
// Release the space of the most recently allocated frame `f` (after frame_clear).
void frame_stack_pop_slow(ThreadState* ts, Frame* f);
inline void frame_stack_pop(ThreadState* ts, Frame* f) {
  Object** p = reinterpret_cast<Object**>(f);
  if (GILPY_LIKELY(p != ts->stack_base)) {
    ts->stack_top = p;
  } else {
    frame_stack_pop_slow(ts, f);
  }
}
void frame_stack_free(ThreadState* ts);  // at thread-state deletion

inline Frame* frame_push(ThreadState* ts, CodeObject* code, Object* func, Object* globals,
                         Object* builtins, Object* locals) {
  size_t n = frame_slots(code);
  Object** top = ts->stack_top;
  Frame* f;
  if (GILPY_LIKELY(top && top + n <= ts->stack_limit)) {
    f = reinterpret_cast<Frame*>(top);
    ts->stack_top = top + n;
  } else {
    f = frame_stack_alloc(ts, n);
    if (!f) return nullptr;
  }
  frame_init(f, code, func, globals, builtins, locals);
  return f;
}

// Drop every reference the frame owns (locals, stack, code, func, ...). If a frame object still
// refers to it from elsewhere, the frame object takes over a copy first. The memory itself is
// released by frame_stack_pop (thread frames) or by the owner.
void frame_clear_slow(Frame* f);  // the general case (a frame object exists)
inline void frame_clear(Frame* f) {
  if (GILPY_UNLIKELY(f->frame_obj != nullptr)) {
    frame_clear_slow(f);
    return;
  }
  Object** base = f->stack_base();
  while (f->sp > base) xdecref(*--f->sp);
  int32_t n = f->code->nlocalsplus;
  for (int32_t i = 0; i < n; i++) {
    Object* v = f->localsplus[i];
    if (v) {
      f->localsplus[i] = nullptr;
      decref(v);
    }
  }
  clear_ref(&f->locals);
  clear_ref(&f->func);
  Object* g = f->globals;
  Object* b = f->builtins;
  Object* c = f->code;
  f->globals = nullptr;
  f->builtins = nullptr;
  decref(g);
  decref(b);
  decref(c);
}

// Current line number of a frame (from its last instruction; the first line before it started).
int frame_lineno(Frame* f);

// The frame object for a frame, created on first request. New reference.
Object* frame_get_object(Frame* f);

// frame.f_locals / locals(): the locals mapping of a non-optimized frame (new reference to it),
// or a new dict snapshot of the fast locals and cells of an optimized one.
Object* frame_get_locals(Frame* f);

struct FrameObject : Object {
  Frame* frame;     // the live frame, or the copy owned by this object
  Object* f_back;   // owned; set when this object took the frame over
  Object* f_trace;  // owned; may be null
};
extern TypeObject FrameType;
inline bool frame_object_check(Object* o) { return type_of(o) == &FrameType; }

void init_frame_type();

}  // namespace gilpy

// Frames: the thread's frame stack, frame clearing, and the lazily created frame objects
// (see vm/frame.h for the layout and the ownership rules).
//
// Frame stack: a list of chunks, each a malloc'd block whose first slots hold a StackChunk header.
// ThreadState::stack_base/stack_top/stack_limit describe the current chunk; `stack_chunk` points
// at its header. A frame that does not fit starts a new chunk (at least GILPY_FRAME_STACK_SLOTS);
// popping the first frame of a chunk frees that chunk and returns to the previous one (whose top
// was saved in the new chunk's header). The first chunk is kept for the thread's lifetime.
#include "vm/frame.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "core/abstract.h"
#include "core/error.h"
#include "core/types_init.h"
#include "objects/cellobject.h"
#include "objects/intobject.h"
#include "objects/containers.h"
#include "objects/singletons.h"
#include "objects/strobject.h"

namespace gilpy {

namespace {

struct StackChunk {
  StackChunk* previous;
  size_t size_slots;    // total slots including this header
  Object** saved_top;   // the previous chunk's stack_top when this chunk was started
  Object** saved_base;
  Object** saved_limit;
};
constexpr size_t kChunkHeaderSlots = (sizeof(StackChunk) + sizeof(Object*) - 1) / sizeof(Object*);

}  // namespace

Frame* frame_stack_alloc(ThreadState* ts, size_t slots) {
  if (ts->stack_top && ts->stack_top + slots <= ts->stack_limit) {
    Frame* f = reinterpret_cast<Frame*>(ts->stack_top);
    ts->stack_top += slots;
    return f;
  }
  size_t size = GILPY_FRAME_STACK_SLOTS;
  if (size < slots + kChunkHeaderSlots) size = slots + kChunkHeaderSlots;
  auto* chunk = static_cast<StackChunk*>(std::malloc(size * sizeof(Object*)));
  if (!chunk) {
    err_no_memory();
    return nullptr;
  }
  chunk->previous = static_cast<StackChunk*>(ts->stack_chunk);
  chunk->size_slots = size;
  chunk->saved_top = ts->stack_top;
  chunk->saved_base = ts->stack_base;
  chunk->saved_limit = ts->stack_limit;
  Object** base = reinterpret_cast<Object**>(chunk) + kChunkHeaderSlots;
  ts->stack_chunk = chunk;
  ts->stack_base = base;
  ts->stack_limit = reinterpret_cast<Object**>(chunk) + size;
  ts->stack_top = base + slots;
  return reinterpret_cast<Frame*>(base);
}

void frame_stack_pop_slow(ThreadState* ts, Frame* f) {
  Object** p = reinterpret_cast<Object**>(f);
  ts->stack_top = p;
  if (p == ts->stack_base) {
    auto* chunk = static_cast<StackChunk*>(ts->stack_chunk);
    if (chunk && chunk->previous) {
      ts->stack_chunk = chunk->previous;
      ts->stack_top = chunk->saved_top;
      ts->stack_base = chunk->saved_base;
      ts->stack_limit = chunk->saved_limit;
      std::free(chunk);
    }
  }
}

void frame_stack_free(ThreadState* ts) {
  auto* chunk = static_cast<StackChunk*>(ts->stack_chunk);
  while (chunk) {
    StackChunk* prev = chunk->previous;
    std::free(chunk);
    chunk = prev;
  }
  ts->stack_chunk = nullptr;
  ts->stack_base = ts->stack_top = ts->stack_limit = nullptr;
}

// Move the frame into heap memory owned by its frame object (the frame is being cleared while the
// frame object lives on, e.g. referenced from a traceback).
static void take_ownership(FrameObject* fo, Frame* f) {
  // The value stack is not needed any more: drop it before copying.
  Object** base = f->stack_base();
  while (f->sp > base) {
    Object* v = *--f->sp;
    xdecref(v);
  }
  size_t n = kFrameHeaderSlots + size_t(f->code->nlocalsplus);
  auto* copy = static_cast<Frame*>(std::malloc(n * sizeof(Object*)));
  if (!copy) {
    // Can't copy: leave the frame object without a frame (it reports nothing useful then).
    std::fprintf(stderr, "gilpy: out of memory taking over a frame\n");
    std::abort();
  }
  std::memcpy(copy, f, n * sizeof(Object*));
  copy->owner = FRAME_OWNED_BY_FRAME_OBJECT;
  copy->previous = nullptr;
  copy->frame_obj = fo;  // borrowed in the copy (the frame object owns the copy)
  copy->sp = copy->stack_base();
  copy->is_entry = 0;
  Frame* prev = f->previous;
  // Skip frames that have not started running (as CPython's incomplete frames).
  if (prev && !fo->f_back) {
    fo->f_back = frame_get_object(prev);
    if (!fo->f_back) err_clear();
  }
  fo->frame = copy;
}

static void frame_clear_refs(Frame* f) {
  Object** base = f->stack_base();
  while (f->sp > base) {
    Object* v = *--f->sp;
    xdecref(v);
  }
  int32_t n = f->code->nlocalsplus;
  for (int32_t i = 0; i < n; i++) clear_ref(&f->localsplus[i]);
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

void frame_clear_slow(Frame* f) {
  if (FrameObject* fo = f->frame_obj) {
    f->frame_obj = nullptr;
    if (fo->refcnt > 1) {
      take_ownership(fo, f);
      decref(fo);
      return;  // the copy owns the references now
    }
    fo->frame = nullptr;
    decref(fo);
  }
  frame_clear_refs(f);
}

int frame_lineno(Frame* f) {
  int lasti = f->lasti();
  if (lasti < 0) return f->code->firstlineno;
  int line = code_line_of(f->code, lasti);
  return line < 0 ? f->code->firstlineno : line;
}

Object* frame_get_object(Frame* f) {
  if (f->frame_obj) return newref(f->frame_obj);
  auto* fo = alloc_object<FrameObject>(&FrameType);
  if (!fo) return nullptr;
  fo->frame = f;
  fo->f_back = nullptr;
  fo->f_trace = nullptr;
  f->frame_obj = fo;  // the frame's reference
  return newref(fo);
}

Object* frame_get_locals(Frame* f) {
  if (f->locals) return newref(f->locals);
  Ref d = Ref::steal(dict_new());
  if (!d) return nullptr;
  CodeObject* code = f->code;
  for (int32_t i = 0; i < code->nlocalsplus; i++) {
    Object* v = f->localsplus[i];
    if (!v) continue;
    uint8_t kind = code->localspluskinds[i];
    if (kind & (CO_FAST_CELL | CO_FAST_FREE)) {
      // Before MAKE_CELL ran, an argument slot still holds the plain value.
      if (cell_check(v)) {
        v = cell_get_borrowed(v);
        if (!v) continue;
      }
    }
    if (dict_setitem(d.get(), tuple_get_borrowed(code->localsplusnames, i), v) < 0)
      return nullptr;
  }
  return d.release();
}

// ---- frame objects -------------------------------------------------------------------------------

TypeObject FrameType;

static void frameobj_dealloc(Object* o) {
  auto* fo = static_cast<FrameObject*>(o);
  if (fo->frame && fo->frame->owner == FRAME_OWNED_BY_FRAME_OBJECT) {
    Frame* copy = fo->frame;
    fo->frame = nullptr;
    copy->frame_obj = nullptr;
    frame_clear_refs(copy);
    std::free(copy);
  }
  clear_ref(&fo->f_back);
  clear_ref(&fo->f_trace);
  object_free(o);
}

// The references a frame object owns: the taken-over frame's (a live frame's belong to the
// thread or generator running it) and f_back / f_trace.
static int frameobj_traverse(Object* o, visitproc visit, void* arg) {
  auto* fo = static_cast<FrameObject*>(o);
  Frame* f = fo->frame;
  if (f && f->owner == FRAME_OWNED_BY_FRAME_OBJECT) {
    for (int32_t i = 0; i < f->code->nlocalsplus; i++) {
      if (f->localsplus[i]) {
        int r = visit(f->localsplus[i], arg);
        if (r) return r;
      }
    }
    Object* refs[] = {f->func, f->globals, f->builtins, f->locals};
    for (Object* v : refs) {
      if (v) {
        int r = visit(v, arg);
        if (r) return r;
      }
    }
  }
  if (fo->f_back) {
    int r = visit(fo->f_back, arg);
    if (r) return r;
  }
  return fo->f_trace ? visit(fo->f_trace, arg) : 0;
}

static int frameobj_clear(Object* o) {
  auto* fo = static_cast<FrameObject*>(o);
  Frame* f = fo->frame;
  if (f && f->owner == FRAME_OWNED_BY_FRAME_OBJECT) {
    for (int32_t i = 0; i < f->code->nlocalsplus; i++) clear_ref(&f->localsplus[i]);
    clear_ref(&f->locals);
  }
  clear_ref(&fo->f_back);
  clear_ref(&fo->f_trace);
  return 0;
}

static Frame* live_frame(Object* o) { return static_cast<FrameObject*>(o)->frame; }

static Object* frameobj_repr(Object* o) {
  Frame* f = live_frame(o);
  if (!f || !f->code) return str_from_cstr("<frame>");
  char buf[64];
  std::snprintf(buf, sizeof buf, "%p", static_cast<void*>(o));
  StrWriter w;
  w.append("<frame at ");
  w.append(buf);
  w.append(", file ");
  if (!w.append_repr(f->code->filename)) return nullptr;
  std::snprintf(buf, sizeof buf, ", line %d, code ", frame_lineno(f));
  w.append(buf);
  if (!w.append_str(f->code->name)) return nullptr;
  w.append(">");
  return w.finish();
}

static Object* frame_f_lineno(Object* o) {
  Frame* f = live_frame(o);
  return int_from_i64(f ? frame_lineno(f) : 0);
}
static Object* frame_f_lasti(Object* o) {
  Frame* f = live_frame(o);
  // CPython reports byte offsets (2 bytes per code unit); keep the same scale for dis users.
  return int_from_i64(f ? f->lasti() * 2 : -1);
}
static Object* frame_f_code(Object* o) {
  Frame* f = live_frame(o);
  if (!f) return none_ref();
  return newref(f->code);
}
static Object* frame_f_globals(Object* o) {
  Frame* f = live_frame(o);
  if (!f || !f->globals) return none_ref();
  return newref(f->globals);
}
static Object* frame_f_builtins(Object* o) {
  Frame* f = live_frame(o);
  if (!f || !f->builtins) return none_ref();
  return newref(f->builtins);
}
static Object* frame_f_locals(Object* o) {
  Frame* f = live_frame(o);
  if (!f || !f->code) return dict_new();
  return frame_get_locals(f);
}
static Object* frame_f_back(Object* o) {
  auto* fo = static_cast<FrameObject*>(o);
  if (fo->f_back) return newref(fo->f_back);
  Frame* f = fo->frame;
  if (f && f->owner != FRAME_OWNED_BY_FRAME_OBJECT && f->previous)
    return frame_get_object(f->previous);
  return none_ref();
}
static Object* frame_f_trace(Object* o) {
  auto* fo = static_cast<FrameObject*>(o);
  return newref(fo->f_trace ? fo->f_trace : None);
}
static int frame_set_f_trace(Object* o, Object* v) {
  auto* fo = static_cast<FrameObject*>(o);
  setref(&fo->f_trace, (v && v != None) ? newref(v) : nullptr);
  return 0;
}

static Object* frame_clear_meth(Object* self, Object* const*, ssize, Object*) {
  auto* fo = static_cast<FrameObject*>(self);
  Frame* f = fo->frame;
  if (f && f->owner == FRAME_OWNED_BY_FRAME_OBJECT) {
    int32_t n = f->code->nlocalsplus;
    for (int32_t i = 0; i < n; i++) clear_ref(&f->localsplus[i]);
  } else if (f) {
    return err_format(&Exc_RuntimeError, "cannot clear an executing frame");
  }
  return none_ref();
}

static const GetSetDef frame_getset[] = {
    {"f_lineno", frame_f_lineno, nullptr, nullptr},
    {"f_lasti", frame_f_lasti, nullptr, nullptr},
    {"f_code", frame_f_code, nullptr, nullptr},
    {"f_globals", frame_f_globals, nullptr, nullptr},
    {"f_builtins", frame_f_builtins, nullptr, nullptr},
    {"f_locals", frame_f_locals, nullptr, nullptr},
    {"f_back", frame_f_back, nullptr, nullptr},
    {"f_trace", frame_f_trace, frame_set_f_trace, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

static const MethodDef frame_methods[] = {
    {"clear", frame_clear_meth, METH_DEFAULT, "Clear all references held by the frame."},
    {nullptr, nullptr, 0, nullptr},
};

void init_frame_type() {
  FrameType.name = "frame";
  FrameType.basicsize = sizeof(FrameObject);
  FrameType.flags = TPFLAG_HAVE_GC;
  FrameType.dealloc = frameobj_dealloc;
  FrameType.traverse = frameobj_traverse;
  FrameType.clear = frameobj_clear;
  FrameType.repr = frameobj_repr;
  FrameType.getattro = generic_getattr;
  FrameType.getset = frame_getset;
  FrameType.methods = frame_methods;
  FrameType.base = &ObjectType;
  register_static_type(&FrameType);
}

}  // namespace gilpy

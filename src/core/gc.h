// The cycle collector (core/gc.cpp, core/gc_traverse.cpp) and its per-object header.
//
// Objects whose type has TPFLAG_HAVE_GC are allocated by object_alloc with a GCHeader immediately
// in front of them: [heap-type prefix storage][GCHeader][Object ...]. object_alloc links every such
// object into the list gc_all_objects() -- which is the collector's YOUNGEST generation (generation
// 0); the collector moves survivors of a collection into the lists of generations 1 and 2 (and the
// permanent generation of gc.freeze()), all owned by core/gc.cpp. object_free unlinks an object
// from whatever list it is in (lists are doubly linked, so that works for every list) and the
// header's `next` is null for an untracked object.
//
// Header fields other than next/prev belong to core/gc.cpp:
//  - gc_refs: scratch during a collection only (refcount minus references from objects being
//    collected);
//  - gc_flags: GC_FLAG_FINALIZED is the PEP 442 "finalizer already called" bit (set once, never
//    cleared: __del__ runs at most once per object); the other bits exist only during a collection.
// Objects are 8-byte aligned (core/object.cpp rounds the front part up to 8).
//
// Which objects have a header: instances of types with TPFLAG_HAVE_GC, except static type objects
// (instances of `type` that are statics, not allocated by object_alloc: object_is_gc() is false
// for them). Immortal objects are never collected.
//
// Collections run inside object_alloc, i.e. in the middle of executing frames, half-built objects
// and deallocations: every traverse must be valid in every state of its object. Frames and
// generators: an executing frame's saved `sp` is stale (the eval loop keeps it in a register and
// saves it only before calls/raises/yields), so generator traversal skips the value stack while
// the frame is EXECUTING (objects/genobject.cpp, as CPython's stacktop = -1); frames owned by the
// thread are never traversed (only frame objects that took a cleared frame over are).
// Code objects are not GC objects (as CPython: their constants cannot form cycles).
//
// Collection never runs re-entrantly (a finalizer that allocates does not start another
// collection), never before the runtime is ready (builtins and a thread state exist), and never
// while an exception is set (automatic collections only; gc.collect() saves and restores it).
#pragma once

#include <cstdint>

#include "core/object.h"
#include "core/type.h"

namespace gilpy {

// 24 bytes: every tuple, list, dict and instance carries one, so it is kept as small as the fields
// allow. gc_refs is 32 bits: it starts from a refcount clamped to INT32_MAX (more than 2^31 real
// references cannot exist in memory; a clamped count can only look *more* reachable).
struct GCHeader {
  GCHeader* next;
  GCHeader* prev;
  int32_t gc_refs;    // collector scratch (see above)
  uint32_t gc_flags;  // GC_FLAG_*
};
static_assert(sizeof(GCHeader) == 24 && sizeof(GCHeader) % alignof(Object) == 0,
              "GCHeader must keep objects pointer-aligned");

enum : uint32_t {
  GC_FLAG_FINALIZED = 1u << 0,    // PEP 442: tp_finalize (__del__) has been called
  GC_FLAG_COLLECTING = 1u << 1,   // in the generation being collected (during a collection)
  GC_FLAG_UNREACHABLE = 1u << 2,  // tentatively unreachable (during a collection)
};

inline GCHeader* gc_header_of(Object* o) { return reinterpret_cast<GCHeader*>(o) - 1; }
inline Object* gc_object_of(GCHeader* h) { return reinterpret_cast<Object*>(h + 1); }

// The list head of generation 0 (new objects are appended here by object_alloc; a sentinel:
// empty list: head->next == head). Defined in core/object.cpp.
GCHeader* gc_all_objects();
// Number of live objects with a GC header (all generations, tracked or not).
ssize gc_live_count();

// Does `o` have a GC header? (type has HAVE_GC, and `o` is not a static type object.)
inline bool object_is_gc(Object* o) {
  TypeObject* t = type_of(o);
  if (!(t->flags & TPFLAG_HAVE_GC)) return false;
  if (t->flags & TPFLAG_TYPE_SUBCLASS) {
    return (static_cast<TypeObject*>(o)->flags & TPFLAG_HEAPTYPE) != 0;
  }
  return true;
}
// Is `o` in one of the collector's lists (gc.is_tracked)?
inline bool gc_is_tracked(Object* o) { return object_is_gc(o) && gc_header_of(o)->next != nullptr; }
// Track / untrack (CPython's PyObject_GC_Track / UnTrack): an untracked object is never examined
// by the collector. Objects are tracked from allocation; untracking is optional (e.g. a container
// that can only hold atomic values). Both are no-ops when already in that state.
void gc_track(Object* o);
void gc_untrack(Object* o);

// ---- The collector ------------------------------------------------------------------------------
// Called by object_alloc before allocating an object of a HAVE_GC type: runs an automatic
// collection when the generation-0 count (GC allocations minus deallocations since the last
// collection) exceeds its threshold and collection is enabled and possible.
void gc_maybe_collect();
// Collect generations 0..generation (0, 1 or 2). Returns the number of unreachable objects found
// (collected, plus weakrefs freed by their callbacks, plus uncollectable ones), as gc.collect().
// Returns 0 without collecting when a collection is already running.
ssize gc_collect(int generation);
// A full collection for interpreter finalization (ignores gc.disable()).
ssize gc_collect_no_fail();
bool gc_is_collecting();

// gc module state.
bool gc_is_enabled();
void gc_set_enabled(bool on);
void gc_get_thresholds(int out[3]);
void gc_set_thresholds(const int* values, int n);  // n in 1..3: the first n thresholds
void gc_get_counts(int out[3]);
// gc.freeze(): move every tracked object into the permanent generation (never collected);
// gc.unfreeze() moves them back into the oldest generation.
void gc_freeze();
void gc_unfreeze();
ssize gc_freeze_count();
// A new list of the tracked objects of `generation` (-1: all generations, not the permanent one).
Object* gc_get_objects(int generation);
// gc.garbage and gc.callbacks (lists owned by the collector; created on first use). Borrowed.
Object* gc_garbage_list_borrowed();
Object* gc_callbacks_list_borrowed();

// The effective traverse of `o`: the type's traverse slot, or for instances of heap types the
// storage the classes added (type, __slots__, __dict__) followed by the nearest static base's
// traverse. Returns 0 without visiting anything for opaque objects (no traverse).
int gc_traverse(Object* o, visitproc visit, void* arg);
// The effective clear of `o` (heap types: slots and __dict__, then the static base's clear).
void gc_clear(Object* o);
// Does the collector know how to traverse `o`? (Objects it cannot traverse are never collected.)
bool gc_can_traverse(Object* o);

// ---- PEP 442 ------------------------------------------------------------------------------------
// For deallocators of types with a `finalize` slot (heap types with __del__, generators): call
// the finalizer unless it already ran for this object (GC_FLAG_FINALIZED), with the object
// temporarily resurrected and the current exception saved. Returns 0 when the dealloc may go
// on, -1 when the finalizer resurrected the object (the dealloc must return at once). Requires
// refcnt == 0 on entry (the state inside a dealloc).
int object_call_finalizer_from_dealloc(Object* o);
// Has the object's finalizer run (GC objects only; false for others)?
inline bool gc_is_finalized(Object* o) {
  return object_is_gc(o) && (gc_header_of(o)->gc_flags & GC_FLAG_FINALIZED) != 0;
}
inline void gc_set_finalized(Object* o) {
  if (object_is_gc(o)) gc_header_of(o)->gc_flags |= GC_FLAG_FINALIZED;
}

// ---- Start-up and exit --------------------------------------------------------------------------
// Install traverse/clear slots (core/gc_traverse.cpp) on the built-in types whose owners have not
// set them yet. Called by types_init() after the init functions, before type_ready.
void gc_install_traverse_slots();
// `-X leaks`: at exit, print to stderr the GC objects still alive (count and a few type names)
// after a final collection; objects owned by static types (their dicts, mro tuples, ...) are not
// counted. Does nothing unless main_interpreter()->xoptions contains "leaks". Call it late in
// runtime finalization, after modules, builtins and sys were released.
void gc_report_live_objects();
// The same count without printing (for tests): live tracked GC objects not owned by static types.
ssize gc_count_leaked_objects();

}  // namespace gilpy

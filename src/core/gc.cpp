// The cycle collector: CPython 3.12's generational algorithm (Modules/gcmodule.c) over the GC
// headers that core/object.cpp puts in front of every object of a HAVE_GC type (core/gc.h).
//
// Owner: the gc engineer. Nothing else touches the generation lists 1, 2 and permanent, nor the
// gc_refs / gc_flags header fields (core/object.cpp appends new objects to generation 0 and
// unlinks freed ones from whatever list holds them).
//
// Generations: three lists (0 = core/object.cpp's list of new objects, 1, 2) plus the permanent
// generation of gc.freeze(). Thresholds (700, 10, 10). The generation-0 count is "GC allocations
// minus GC deallocations since the last collection, never below 0" and is derived from
// gc_live_count() (maintained by object_alloc/object_free) and a baseline; generation 1 and 2
// counts are numbers of collections of the younger generation, as in CPython.
//
// A collection of generation g (collect()):
//  1. merge generations 0..g-1 into g ("young"); "old" is g+1 (or young itself when g == 2);
//  2. update_refs: gc_refs = refcnt and GC_FLAG_COLLECTING for every object in young that can
//     take part: objects with refcnt 0 (being deallocated further up the C++ stack, or parked in a
//     freelist), immortal objects and objects the collector cannot traverse (their type has no
//     traverse slot: "opaque") are left out -- never collected, never subtracted;
//  3. subtract_refs: for every collecting object, traverse it and decrement gc_refs of each
//     collecting object it references. What remains is the number of references from outside;
//  4. move_unreachable: objects with gc_refs > 0 are roots; everything reachable from them (via
//     traverse) is reachable; the rest moves to the `unreachable` list (GC_FLAG_UNREACHABLE);
//     reachable objects move to "old"; surviving tuples of atomic items are untracked first
//     (untrack_atomic_tuples, as CPython; tuple_retrack undoes it when a tuple is refilled);
//  5. handle_weakrefs: weakrefs that are themselves garbage are cleared (their callbacks never
//     run); weakrefs to garbage are cleared, and the callbacks of those that are NOT garbage are
//     called afterwards (weakrefs freed by their own callback are counted, as in CPython);
//  6. finalize_garbage (PEP 442): call `finalize` (__del__) once per object (GC_FLAG_FINALIZED);
//  7. handle_resurrected_objects: rerun steps 2-4 on the unreachable set; whatever a finalizer
//     made reachable again moves to "old";
//  8. delete_garbage: call `clear` on each remaining unreachable object (held by a temporary
//     reference); survivors move to "old".
// The result (gc.collect()'s value) is step 5's count plus the size of step 8's set.
//
// Invariants: outside a collection no header has COLLECTING/UNREACHABLE set. Only one collection
// runs at a time (g_collecting); user code (finalizers, weakref callbacks, gc.callbacks) runs only
// in steps 5, 6, 8 and around the collection, and list manipulation there tolerates any object
// vanishing (object_free unlinks it) -- CPython's "move to a `seen` list first" discipline.
#include "core/gc.h"

#include <cstdio>
#include <cstring>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/abstract.h"
#include "core/error.h"
#include "core/internal.h"
#include "objects/containers.h"
#include "objects/dict_instance.h"
#include "objects/intobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"
#include "objects/weakrefobject.h"
#include "vm/state.h"

namespace gilpy {

namespace {

constexpr int kNumGenerations = 3;

GCHeader g_gen1 = {&g_gen1, &g_gen1, 0, 0};
GCHeader g_gen2 = {&g_gen2, &g_gen2, 0, 0};
GCHeader g_permanent = {&g_permanent, &g_permanent, 0, 0};

struct GCState {
  bool enabled = true;
  bool collecting = false;
  int threshold[kNumGenerations] = {700, 10, 10};
  int count[kNumGenerations] = {0, 0, 0};  // count[0] unused: derived from the baseline
  ssize baseline = 0;                      // gc_live_count() when generation 0's count was 0
  ssize long_lived_total = 0;
  ssize long_lived_pending = 0;
  int debug = 0;
  Object* garbage = nullptr;    // list (gc.garbage)
  Object* callbacks = nullptr;  // list (gc.callbacks)
  struct Stats {
    ssize collections = 0, collected = 0, uncollectable = 0;
  } stats[kNumGenerations];
};
GCState g_gc;

GCHeader* gen_head(int g) {
  switch (g) {
    case 0: return gc_all_objects();
    case 1: return &g_gen1;
    default: return &g_gen2;
  }
}

// ---- intrusive list operations --------------------------------------------------------------------
inline void gl_init(GCHeader* l) { l->next = l->prev = l; }
inline bool gl_empty(const GCHeader* l) { return l->next == l; }
inline void gl_remove(GCHeader* n) {
  n->prev->next = n->next;
  n->next->prev = n->prev;
}
inline void gl_append(GCHeader* n, GCHeader* l) {
  n->next = l;
  n->prev = l->prev;
  l->prev->next = n;
  l->prev = n;
}
inline void gl_move(GCHeader* n, GCHeader* l) {
  gl_remove(n);
  gl_append(n, l);
}
// Append all of `from` to `to`; `from` becomes empty.
void gl_merge(GCHeader* from, GCHeader* to) {
  if (!gl_empty(from)) {
    GCHeader* tail = to->prev;
    tail->next = from->next;
    from->next->prev = tail;
    to->prev = from->prev;
    from->prev->next = to;
  }
  gl_init(from);
}
ssize gl_size(const GCHeader* l) {
  ssize n = 0;
  for (GCHeader* h = l->next; h != l; h = h->next) ++n;
  return n;
}

// The header of `p` if p is in the set being collected (COLLECTING), else nullptr.
inline GCHeader* collecting_header(Object* p) {
  if (!p || is_immortal(p) || !object_is_gc(p)) return nullptr;
  GCHeader* h = gc_header_of(p);
  if (!h->next || !(h->gc_flags & GC_FLAG_COLLECTING)) return nullptr;
  return h;
}

// ---- steps 2-4: deduce_unreachable -----------------------------------------------------------------
void update_refs(GCHeader* young) {
  for (GCHeader* h = young->next; h != young; h = h->next) {
    Object* o = gc_object_of(h);
    h->gc_flags &= ~(GC_FLAG_COLLECTING | GC_FLAG_UNREACHABLE);
    h->gc_refs = 0;
    if (o->refcnt <= 0 || is_immortal(o) || !gc_can_traverse(o)) continue;
    h->gc_refs = o->refcnt > INT32_MAX ? INT32_MAX : int32_t(o->refcnt);  // see GCHeader
    h->gc_flags |= GC_FLAG_COLLECTING;
  }
}

int visit_decref(Object* p, void*) {
  if (GCHeader* h = collecting_header(p)) --h->gc_refs;
  return 0;
}

void subtract_refs(GCHeader* young) {
  for (GCHeader* h = young->next; h != young; h = h->next) {
    if (h->gc_flags & GC_FLAG_COLLECTING) gc_traverse(gc_object_of(h), visit_decref, nullptr);
  }
}

struct ReachCtx {
  std::vector<GCHeader*> stack;
};

int visit_reachable(Object* p, void* arg) {
  GCHeader* h = collecting_header(p);
  if (h && h->gc_refs == 0) {
    h->gc_refs = 1;  // now known reachable
    static_cast<ReachCtx*>(arg)->stack.push_back(h);
  }
  return 0;
}

// Leave reachable objects in `young`, move the others to `unreachable` (flagged UNREACHABLE, still
// COLLECTING). Reachable objects lose COLLECTING.
void move_unreachable(GCHeader* young, GCHeader* unreachable) {
  ReachCtx ctx;
  for (GCHeader* h = young->next; h != young; h = h->next) {
    if (!(h->gc_flags & GC_FLAG_COLLECTING)) continue;
    if (h->gc_refs < 0) {
#if GILPY_DEBUG_REFS
      std::fprintf(stderr, "gc: negative gc_refs for a '%s' object (traverse visits too much)\n",
                   type_of(gc_object_of(h))->name);
#endif
      h->gc_refs = 1;  // conservative: a traverse bug must never free a live object
    }
    if (h->gc_refs > 0) ctx.stack.push_back(h);
  }
  while (!ctx.stack.empty()) {
    GCHeader* h = ctx.stack.back();
    ctx.stack.pop_back();
    gc_traverse(gc_object_of(h), visit_reachable, &ctx);
  }
  for (GCHeader* h = young->next; h != young;) {
    GCHeader* next = h->next;
    if (h->gc_flags & GC_FLAG_COLLECTING) {
      if (h->gc_refs == 0) {
        h->gc_flags |= GC_FLAG_UNREACHABLE;
        gl_move(h, unreachable);
      } else {
        h->gc_flags &= ~GC_FLAG_COLLECTING;
      }
    }
    h = next;
  }
}

void deduce_unreachable(GCHeader* young, GCHeader* unreachable) {
  update_refs(young);
  subtract_refs(young);
  move_unreachable(young, unreachable);
}

// CPython's tuple untracking: a surviving exact tuple whose items are all atomic (not GC objects,
// or untracked exact tuples) can never be part of a cycle -- its items can't change -- so it
// leaves the collector's lists and later collections skip it. A null item means the tuple is
// still being filled in by its creator: it stays tracked.
void untrack_atomic_tuples(GCHeader* young) {
  for (GCHeader* h = young->next; h != young;) {
    GCHeader* next = h->next;
    Object* o = gc_object_of(h);
    if (type_of(o) == &TupleType && o->refcnt > 0) {  // refcnt 0: parked in the freelist
      bool atomic = true;
      for (ssize i = 0, n = tuple_size(o); i < n && atomic; ++i) {
        Object* item = tuple_items(o)[i];
        atomic = item && (!object_is_gc(item) ||
                          (type_of(item) == &TupleType && !gc_header_of(item)->next));
      }
      if (atomic) gc_untrack(o);
    }
    h = next;
  }
}

// ---- step 5 -----------------------------------------------------------------------------------------
ssize handle_weakrefs(GCHeader* unreachable, GCHeader* old) {
  GCHeader wrcb_to_call;
  gl_init(&wrcb_to_call);
  for (GCHeader* h = unreachable->next; h != unreachable; h = h->next) {
    Object* op = gc_object_of(h);
    // A weakref that is itself garbage is cleared: its callback must never run (it could see
    // objects already cleared, or resurrect garbage).
    if (weakref_check(op)) weakref_clear_ref(op);
    Object** wrlist = weakref_list_ptr_if_any(op);
    if (!wrlist) continue;
    while (Object* wr = *wrlist) {
      weakref_clear_ref(wr);  // unlinks wr: *wrlist advances
      if (!weakref_callback_borrowed(wr)) continue;
      // A weakref that is garbage too: no callback.
      if (object_is_gc(wr) && (gc_header_of(wr)->gc_flags & GC_FLAG_UNREACHABLE)) continue;
      if (!object_is_gc(wr) || !gc_header_of(wr)->next) continue;  // untracked: cannot queue it
      incref(wr);
      gl_move(gc_header_of(wr), &wrcb_to_call);
    }
  }
  ssize num_freed = 0;
  while (!gl_empty(&wrcb_to_call)) {
    GCHeader* h = wrcb_to_call.next;
    Object* wr = gc_object_of(h);
    Object* callback = weakref_callback_borrowed(wr);
    if (callback) {
      Object* r = call1(callback, wr);
      if (!r) err_write_unraisable(callback);
      else decref(r);
    }
    decref(wr);
    if (wrcb_to_call.next == h) {
      gl_move(h, old);  // still alive
    } else {
      ++num_freed;
    }
  }
  return num_freed;
}

// ---- step 6 -----------------------------------------------------------------------------------------
void finalize_garbage(GCHeader* collectable) {
  GCHeader seen;
  gl_init(&seen);
  while (!gl_empty(collectable)) {
    GCHeader* h = collectable->next;
    Object* op = gc_object_of(h);
    gl_move(h, &seen);
    destructor finalize = type_of(op)->finalize;
    // refcnt 0: already deallocated into a freelist (still linked) by an earlier finalizer.
    if (op->refcnt > 0 && !(h->gc_flags & GC_FLAG_FINALIZED) && finalize) {
      h->gc_flags |= GC_FLAG_FINALIZED;
      incref(op);
      finalize(op);
      if (err_occurred()) err_write_unraisable(op);
      decref(op);
    }
  }
  gl_merge(&seen, collectable);
}

// ---- step 7 -----------------------------------------------------------------------------------------
void handle_resurrected_objects(GCHeader* unreachable, GCHeader* still_unreachable,
                                GCHeader* old) {
  deduce_unreachable(unreachable, still_unreachable);
  // What remains in `unreachable` was resurrected (its flags are already cleared).
  gl_merge(unreachable, old);
}

// ---- step 8 -----------------------------------------------------------------------------------------
void delete_garbage(GCHeader* collectable, GCHeader* old) {
  while (!gl_empty(collectable)) {
    GCHeader* h = collectable->next;
    Object* op = gc_object_of(h);
    if (op->refcnt <= 0) {
      // Deallocated into a freelist as a side effect of clearing another object (freelisted
      // objects stay linked, with refcnt 0): not ours to touch any more.
      h->gc_flags &= ~(GC_FLAG_COLLECTING | GC_FLAG_UNREACHABLE);
      gl_move(h, old);
      continue;
    }
    if (g_gc.debug & 32 /* DEBUG_SAVEALL */) {
      if (Object* g = gc_garbage_list_borrowed()) {
        if (list_append(g, op) < 0) err_clear();
      }
    } else {
      incref(op);
      gc_clear(op);
      if (err_occurred()) err_write_unraisable(as_object(type_of(op)));
      decref(op);
    }
    if (collectable->next == h) {
      // Still alive (clear did not break the last reference to it): it may die later.
      h->gc_flags &= ~(GC_FLAG_COLLECTING | GC_FLAG_UNREACHABLE);
      gl_move(h, old);
    }
  }
}

bool runtime_ready() {
  if (!(ObjectType.flags & TPFLAG_READY) || !(TypeType.flags & TPFLAG_READY)) return false;
  if (!tstate()) return false;
  Interpreter* interp = main_interpreter();
  return interp && interp->builtins && interp->sysdict;
}

// The collection itself. Requires !g_gc.collecting. Returns the number of unreachable objects.
ssize collect_main(int generation) {
  if (generation < 0) generation = 0;
  if (generation >= kNumGenerations) generation = kNumGenerations - 1;
  g_gc.collecting = true;

  // Counts: a collection of g counts as one "allocation" of g+1; 0..g restart from zero.
  if (generation + 1 < kNumGenerations) ++g_gc.count[generation + 1];
  for (int i = 1; i <= generation; ++i) g_gc.count[i] = 0;
  g_gc.baseline = gc_live_count();

  GCHeader* young = gen_head(generation);
  for (int i = 0; i < generation; ++i) gl_merge(gen_head(i), young);
  GCHeader* old = generation + 1 < kNumGenerations ? gen_head(generation + 1) : young;

  GCHeader unreachable;
  gl_init(&unreachable);
  deduce_unreachable(young, &unreachable);
  untrack_atomic_tuples(young);

  if (young != old) {
    if (generation == kNumGenerations - 2) g_gc.long_lived_pending += gl_size(young);
    gl_merge(young, old);
  } else {
    g_gc.long_lived_pending = 0;
    g_gc.long_lived_total = gl_size(young);
  }

  // No legacy (tp_del) finalizers in gilpy: nothing is uncollectable.
  ssize m = handle_weakrefs(&unreachable, old);
  finalize_garbage(&unreachable);
  GCHeader final_unreachable;
  gl_init(&final_unreachable);
  handle_resurrected_objects(&unreachable, &final_unreachable, old);
  m += gl_size(&final_unreachable);
  delete_garbage(&final_unreachable, old);

  // Freelists are emptied only by full collections, as in CPython.
  if (generation == kNumGenerations - 1) container_freelists_clear();

  GCState::Stats& st = g_gc.stats[generation];
  ++st.collections;
  st.collected += m;
  g_gc.collecting = false;
  return m;
}

// gc.callbacks: call each with (phase, info).
void invoke_callbacks(const char* phase, int generation, ssize collected) {
  Object* cbs = g_gc.callbacks;
  if (!cbs || list_size(cbs) == 0) return;
  Object* saved = err_fetch();
  Ref info = Ref::steal(dict_new());
  Ref phase_s = Ref::steal(str_from_cstr(phase));
  Ref gen = Ref::steal(int_from_i64(generation));
  Ref coll = Ref::steal(int_from_i64(collected));
  Ref unc = Ref::steal(int_from_i64(0));
  if (!info || !phase_s || !gen || !coll || !unc ||
      dict_setitem_str(info.get(), "generation", gen.get()) < 0 ||
      dict_setitem_str(info.get(), "collected", coll.get()) < 0 ||
      dict_setitem_str(info.get(), "uncollectable", unc.get()) < 0) {
    err_write_unraisable(nullptr);
    err_restore(saved);
    return;
  }
  // Iterate over a copy: a callback may change the list.
  Ref copy = Ref::steal(list_get_slice(cbs, 0, list_size(cbs)));
  if (!copy) {
    err_write_unraisable(nullptr);
    err_restore(saved);
    return;
  }
  for (ssize i = 0; i < list_size(copy.get()); ++i) {
    Object* cb = list_get_borrowed(copy.get(), i);
    Object* args[2] = {phase_s.get(), info.get()};
    Object* r = call(cb, args, 2, nullptr);
    if (!r) err_write_unraisable(cb);
    else decref(r);
  }
  err_restore(saved);
}

ssize collect_with_callbacks(int generation) {
  invoke_callbacks("start", generation, 0);
  ssize n = collect_main(generation);
  invoke_callbacks("stop", generation, n);
  return n;
}

void collect_generations() {
  for (int i = kNumGenerations - 1; i >= 0; --i) {
    int c = i == 0 ? int(gc_live_count() + 1 - g_gc.baseline) : g_gc.count[i];
    if (c > g_gc.threshold[i]) {
      // Avoid quadratic behaviour: a full collection only when enough new long-lived objects
      // accumulated (CPython's long_lived_pending / long_lived_total rule).
      if (i == kNumGenerations - 1 && g_gc.long_lived_pending < g_gc.long_lived_total / 4) continue;
      collect_with_callbacks(i);
      break;
    }
  }
}

}  // namespace

// =====================================================================================================
// Public interface
// =====================================================================================================

void gc_track(Object* o) {
  if (!object_is_gc(o)) return;
  GCHeader* h = gc_header_of(o);
  if (h->next) return;
  gl_append(h, gc_all_objects());
}

void gc_untrack(Object* o) {
  if (!object_is_gc(o)) return;
  GCHeader* h = gc_header_of(o);
  if (!h->next) return;
  gl_remove(h);
  h->next = h->prev = nullptr;
}

int gc_traverse(Object* o, visitproc visit, void* arg) {
  TypeObject* t = type_of(o);
  if (t->flags & TPFLAG_HEAPTYPE) {
    // An instance of a class: the reference to its class (object_alloc took it), the __slots__ of
    // every class on the layout chain, the __dict__ a class added, then the static base's part.
    int r = visit(t, arg);
    if (r) return r;
    TypeObject* base = t;
    for (; base && (base->flags & TPFLAG_HEAPTYPE); base = base->base) {
      if (!base->members) continue;
      for (const MemberDef* m = base->members; m->name; ++m) {
        if (m->type != MEMBER_OBJECT_EX) continue;
        Object* v = *reinterpret_cast<Object**>(reinterpret_cast<char*>(o) + m->offset);
        if (v && (r = visit(v, arg)) != 0) return r;
      }
    }
    if (t->dictoffset < 0 && (r = instance_slot_traverse(*object_dict_slot(o), visit, arg)) != 0)
      return r;
    if (base && base->traverse) return base->traverse(o, visit, arg);
    return 0;
  }
  return t->traverse ? t->traverse(o, visit, arg) : 0;
}

bool gc_can_traverse(Object* o) {
  TypeObject* t = type_of(o);
  return (t->flags & TPFLAG_HEAPTYPE) || t->traverse != nullptr;
}

void gc_clear(Object* o) {
  TypeObject* t = type_of(o);
  if (t->flags & TPFLAG_HEAPTYPE) {
    TypeObject* base = t;
    for (; base && (base->flags & TPFLAG_HEAPTYPE); base = base->base) {
      if (!base->members) continue;
      for (const MemberDef* m = base->members; m->name; ++m) {
        if (m->type != MEMBER_OBJECT_EX) continue;
        clear_ref(reinterpret_cast<Object**>(reinterpret_cast<char*>(o) + m->offset));
      }
    }
    if (t->dictoffset < 0) instance_slot_set(object_dict_slot(o), nullptr);
    if (base && base->clear) base->clear(o);
    return;
  }
  if (t->clear) t->clear(o);
}

void gc_maybe_collect() {
  ssize live = gc_live_count();
  // Generation 0's count after this allocation; frees never take it below zero (CPython clamps
  // at each deallocation; clamping here, before each allocation, gives the same value).
  if (live + 1 - g_gc.baseline < 1) g_gc.baseline = live;
  if (live + 1 - g_gc.baseline <= g_gc.threshold[0]) return;
  if (!g_gc.enabled || g_gc.threshold[0] == 0 || g_gc.collecting) return;
  if (!runtime_ready() || err_occurred()) return;
  collect_generations();
}

ssize gc_collect(int generation) {
  if (g_gc.collecting) return 0;
  Object* saved = err_fetch();
  ssize n = collect_with_callbacks(generation);
  if (err_occurred()) err_write_unraisable(nullptr);
  err_restore(saved);
  return n;
}

ssize gc_collect_no_fail() {
  if (g_gc.collecting) return 0;
  Object* saved = err_fetch();
  ssize n = collect_main(kNumGenerations - 1);
  if (err_occurred()) err_clear();
  err_restore(saved);
  return n;
}

bool gc_is_collecting() { return g_gc.collecting; }
bool gc_is_enabled() { return g_gc.enabled; }
void gc_set_enabled(bool on) { g_gc.enabled = on; }

void gc_get_thresholds(int out[3]) {
  for (int i = 0; i < kNumGenerations; ++i) out[i] = g_gc.threshold[i];
}
void gc_set_thresholds(const int* values, int n) {
  for (int i = 0; i < n && i < kNumGenerations; ++i) g_gc.threshold[i] = values[i];
}
void gc_get_counts(int out[3]) {
  ssize c0 = gc_live_count() - g_gc.baseline;
  out[0] = c0 < 0 ? 0 : int(c0);
  out[1] = g_gc.count[1];
  out[2] = g_gc.count[2];
}

void gc_freeze() {
  for (int i = 0; i < kNumGenerations; ++i) {
    gl_merge(gen_head(i), &g_permanent);
    if (i > 0) g_gc.count[i] = 0;
  }
  g_gc.baseline = gc_live_count();
}
void gc_unfreeze() { gl_merge(&g_permanent, gen_head(kNumGenerations - 1)); }
ssize gc_freeze_count() { return gl_size(&g_permanent); }

Object* gc_get_objects(int generation) {
  Ref result = Ref::steal(list_new(0));
  if (!result) return nullptr;
  for (int g = 0; g < kNumGenerations; ++g) {
    if (generation >= 0 && g != generation) continue;
    GCHeader* l = gen_head(g);
    for (GCHeader* h = l->next; h != l; h = h->next) {
      Object* o = gc_object_of(h);
      if (o->refcnt <= 0 || o == result.get()) continue;
      if (list_append(result.get(), o) < 0) return nullptr;
    }
  }
  return result.release();
}

Object* gc_garbage_list_borrowed() {
  if (!g_gc.garbage) {
    g_gc.garbage = list_new(0);
    if (!g_gc.garbage) err_clear();
  }
  return g_gc.garbage;
}
Object* gc_callbacks_list_borrowed() {
  if (!g_gc.callbacks) {
    g_gc.callbacks = list_new(0);
    if (!g_gc.callbacks) err_clear();
  }
  return g_gc.callbacks;
}

// The gc module's get_debug/set_debug/get_stats helpers (modules/gc_module.cpp).
int gc_get_debug_flags() { return g_gc.debug; }
void gc_set_debug_flags(int flags) { g_gc.debug = flags; }
void gc_get_stats(int generation, ssize* collections, ssize* collected, ssize* uncollectable) {
  const GCState::Stats& s = g_gc.stats[generation];
  *collections = s.collections;
  *collected = s.collected;
  *uncollectable = s.uncollectable;
}

int object_call_finalizer_from_dealloc(Object* o) {
  destructor finalize = type_of(o)->finalize;
  if (!finalize) return 0;
  if (object_is_gc(o)) {
    GCHeader* h = gc_header_of(o);
    if (h->gc_flags & GC_FLAG_FINALIZED) return 0;
    h->gc_flags |= GC_FLAG_FINALIZED;
  }
  o->refcnt = 1;  // temporarily resurrect
  Object* saved = err_fetch();
  finalize(o);
  if (err_occurred()) err_write_unraisable(o);
  err_restore(saved);
  if (--o->refcnt == 0) return 0;
  return -1;  // resurrected
}

// =====================================================================================================
// -X leaks: live objects at exit
// =====================================================================================================
namespace {

// Marks (with gc_refs = -1) every tracked object reachable from `o` through traverse.
struct OwnedCtx {
  std::vector<Object*> stack;
};
int visit_mark_owned(Object* p, void* arg) {
  if (!p || !object_is_gc(p)) return 0;
  GCHeader* h = gc_header_of(p);
  if (!h->next || h->gc_refs == -1) return 0;
  h->gc_refs = -1;
  static_cast<OwnedCtx*>(arg)->stack.push_back(p);
  return 0;
}

void mark_from_static_types(OwnedCtx& ctx) {
  // Every type is found through the subclass records, starting from `object`. Static types are
  // immortal and not tracked; their dicts, mro and bases tuples (and what those own) belong to
  // the runtime, not leaked.
  std::vector<TypeObject*> todo = {&ObjectType};
  std::unordered_set<TypeObject*> seen;
  while (!todo.empty()) {
    TypeObject* t = todo.back();
    todo.pop_back();
    if (!seen.insert(t).second) continue;
    if (!(t->flags & TPFLAG_HEAPTYPE)) {
      Object* fields[] = {t->dict, t->mro, t->bases, t->subclasses};
      for (Object* f : fields) {
        if (f) visit_mark_owned(f, &ctx);
      }
    }
    ssize pos = 0;
    TypeObject* sub = nullptr;
    while (type_next_subclass(t, &pos, &sub)) todo.push_back(sub);
  }
}

// Live tracked objects (refcnt > 0) not owned by static types or immortal objects.
std::vector<Object*> find_leaked() {
  std::vector<GCHeader*> lists = {gen_head(0), gen_head(1), gen_head(2), &g_permanent};
  for (GCHeader* l : lists)
    for (GCHeader* h = l->next; h != l; h = h->next) h->gc_refs = 0;
  OwnedCtx ctx;
  mark_from_static_types(ctx);
  for (GCHeader* l : lists) {
    for (GCHeader* h = l->next; h != l; h = h->next) {
      Object* o = gc_object_of(h);
      if (is_immortal(o)) visit_mark_owned(o, &ctx);
    }
  }
  while (!ctx.stack.empty()) {
    Object* o = ctx.stack.back();
    ctx.stack.pop_back();
    gc_traverse(o, visit_mark_owned, &ctx);
    // A heap type's subclass record is owned but not visited by its traverse (core/gc_traverse.cpp).
    if (type_has_flag(type_of(o), TPFLAG_TYPE_SUBCLASS)) {
      if (Object* subs = static_cast<TypeObject*>(o)->subclasses) visit_mark_owned(subs, &ctx);
    }
  }
  std::vector<Object*> leaked;
  for (GCHeader* l : lists) {
    for (GCHeader* h = l->next; h != l; h = h->next) {
      Object* o = gc_object_of(h);
      if (o->refcnt > 0 && h->gc_refs != -1) leaked.push_back(o);
    }
  }
  for (GCHeader* l : lists)
    for (GCHeader* h = l->next; h != l; h = h->next) h->gc_refs = 0;
  return leaked;
}

}  // namespace

ssize gc_count_leaked_objects() {
  if (!g_gc.collecting) gc_collect_no_fail();
  return ssize(find_leaked().size());
}

void gc_report_live_objects() {
  Interpreter* interp = main_interpreter();
  if (!interp) return;
  bool on = false;
  for (const std::string& x : interp->xoptions) on = on || x == "leaks" || x.rfind("leaks=", 0) == 0;
  if (!on) return;
  if (!g_gc.collecting) gc_collect_no_fail();
  std::vector<Object*> leaked = find_leaked();
  std::fprintf(stderr, "[%zd live GC objects at exit]\n", ssize(leaked.size()));
  // A few type names with their counts, in order of first appearance.
  std::vector<std::pair<std::string, ssize>> counts;
  for (Object* o : leaked) {
    std::string n = type_of(o)->name ? type_of(o)->name : "?";
    bool found = false;
    for (auto& c : counts) {
      if (c.first == n) {
        ++c.second;
        found = true;
        break;
      }
    }
    if (!found) counts.emplace_back(n, 1);
  }
  for (size_t i = 0; i < counts.size() && i < 10; ++i) {
    std::fprintf(stderr, "  %s: %zd\n", counts[i].first.c_str(), counts[i].second);
  }
  if (counts.size() > 10) std::fprintf(stderr, "  ... (%zu more types)\n", counts.size() - 10);
}

}  // namespace gilpy

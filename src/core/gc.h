// The cycle collector's per-object header (issue 3 adds the collector itself).
//
// Objects whose type has TPFLAG_HAVE_GC are allocated by object_alloc with a GCHeader immediately
// in front of them: [heap-type prefix storage][GCHeader][Object ...]. object_alloc links every such
// object into one doubly linked list of all live GC objects (the "generation" list a collector will
// split); object_free unlinks it. Nothing else touches the header yet, so adding the collector
// does not change any caller of object_alloc.
#pragma once

#include <cstdint>

#include "core/object.h"

namespace gilpy {

struct alignas(16) GCHeader {
  GCHeader* next;
  GCHeader* prev;
};

inline GCHeader* gc_header_of(Object* o) { return reinterpret_cast<GCHeader*>(o) - 1; }
inline Object* gc_object_of(GCHeader* h) { return reinterpret_cast<Object*>(h + 1); }

// The list head of all live GC objects (a sentinel; empty list: head->next == head).
GCHeader* gc_all_objects();
// Number of live objects with a GC header.
ssize gc_live_count();

}  // namespace gilpy

// Object allocation and deallocation (core/object.h), and the generic MemoryError path.
//
// Memory layout of every heap object:
//
//     [ prefix storage (type->prefix_size bytes) ][ GCHeader (iff HAVE_GC) ][ Object header ... ]
//     ^ the malloc'd block                                                  ^ the Object* everyone sees
//
// The prefix holds what a heap type adds to its instances (__dict__, __weakref__, __slots__), at
// negative offsets from the object (see core/type.h `prefix_size`), so that base types allocate and
// free their own part only. The GC header is linked into the list of all GC objects (core/gc.h).
// Blocks are zero-filled and 8-byte aligned (no object field needs more). They come from mimalloc
// when the build has it, else from malloc (config.h, GILPY_MIMALLOC); the buffers objects own
// (mem_alloc & co.) come from the same allocator. mimalloc is thread-safe by itself; the GIL is
// what orders an object's free after its last use. object_alloc increfs heap types (instances
// keep their class alive); the heap type's dealloc (core/typeobject.cpp, subtype_dealloc) decrefs
// it after object_free.
// object_free must be called while the object's type is still the one it was allocated with (or
// a layout-compatible one: `__class__` assignment checks prefix sizes and GC flags match).
#include <cstdlib>
#include <cstring>

#include "core/error.h"
#include "core/gc.h"
#include "core/type.h"
#include "objects/singletons.h"

#if GILPY_MIMALLOC
#include <mimalloc.h>
#endif

namespace gilpy {

#if GILPY_DEBUG_REFS
ssize g_live_objects = 0;
#endif

namespace {
GCHeader g_gc_head = {&g_gc_head, &g_gc_head};
ssize g_gc_count = 0;

inline size_t round_up8(size_t n) { return (n + 7) & ~size_t(7); }

// Bytes in front of the Object header for objects of `type`.
inline size_t front_size(const TypeObject* type) {
  size_t front = size_t(type->prefix_size);
  if (type->flags & TPFLAG_HAVE_GC) front += sizeof(GCHeader);
  return round_up8(front);
}
}  // namespace

#if GILPY_MIMALLOC
// Freed pages go back to the OS at once instead of after mimalloc's default 25 ms: a buffer grown by
// realloc (a list being built) is copied to a new block each time, and with the delay every old
// copy stays resident, which costs short programs up to twice a big list's size in peak RSS.
namespace {
[[maybe_unused]] const bool g_mimalloc_configured = [] {
  mi_option_set(mi_option_decommit_delay, 0);
  return true;
}();
}  // namespace

void* mem_alloc(size_t n) { return mi_malloc(n); }
void* mem_calloc(size_t count, size_t size) { return mi_calloc(count, size); }
void* mem_realloc(void* p, size_t n) { return mi_realloc(p, n); }
void mem_free(void* p) { mi_free(p); }
#else
void* mem_alloc(size_t n) { return std::malloc(n); }
void* mem_calloc(size_t count, size_t size) { return std::calloc(count, size); }
void* mem_realloc(void* p, size_t n) { return std::realloc(p, n); }
void mem_free(void* p) { std::free(p); }
#endif

GCHeader* gc_all_objects() { return &g_gc_head; }
ssize gc_live_count() { return g_gc_count; }

Object* object_alloc(TypeObject* type, size_t size) {
  if (type->flags & TPFLAG_HAVE_GC) gc_maybe_collect();  // may run the cycle collector (core/gc.cpp)
  // Fixed-size types: never allocate less than the type's declared instance size (robust against a
  // caller that passes sizeof(its struct) for a subtype with a larger basicsize).
  if (type->itemsize == 0 && size < size_t(type->basicsize)) size = size_t(type->basicsize);
  if (size < sizeof(Object)) size = sizeof(Object);
  size_t front = front_size(type);
  char* block = static_cast<char*>(mem_calloc(1, front + size));
  if (!block) {
    err_no_memory();
    return nullptr;
  }
  Object* o = reinterpret_cast<Object*>(block + front);
  if (type->flags & TPFLAG_HAVE_GC) {
    GCHeader* h = gc_header_of(o);
    h->next = &g_gc_head;
    h->prev = g_gc_head.prev;
    g_gc_head.prev->next = h;
    g_gc_head.prev = h;
    ++g_gc_count;
  }
  o->refcnt = 1;
  o->ob_type = type;
  if (type->flags & TPFLAG_HEAPTYPE) incref(type);
#if GILPY_DEBUG_REFS
  ++g_live_objects;
#endif
  return o;
}

void object_free(Object* o) {
  if (!o) return;
  TypeObject* type = type_of(o);
  if (type->flags & TPFLAG_HAVE_GC) {
    GCHeader* h = gc_header_of(o);
    if (h->next) {  // still tracked: unlink from whatever collector list holds it
      h->prev->next = h->next;
      h->next->prev = h->prev;
      h->next = h->prev = nullptr;
    }
    --g_gc_count;  // counts every live object with a header, tracked or not
  }
#if GILPY_DEBUG_REFS
  --g_live_objects;
#endif
  mem_free(reinterpret_cast<char*>(o) - front_size(type));
}

void object_dealloc(Object* o) {
  TypeObject* type = type_of(o);
  if (GILPY_LIKELY(type->dealloc != nullptr)) {
    type->dealloc(o);
    return;
  }
  // A type without a dealloc slot (should not happen after type_ready: `object` provides one).
  object_free(o);
}

Object* err_no_memory() {
  // Raising MemoryError must not need memory when possible: reuse the args-less instance path.
  err_set(&Exc_MemoryError, nullptr);
  return nullptr;
}

}  // namespace gilpy

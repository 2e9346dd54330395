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
#include <sys/mman.h>

#include <atomic>
#include <mutex>
#include <unordered_set>
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
// Freed pages go back to the OS at once instead of after mimalloc's default 25 ms: with the
// delay, the old copies of a buffer grown by realloc stay resident for a while.
//
// Big growing buffers: mimalloc grows a block by copying it to a new one, so while a big list
// is being appended to, its old and new item arrays are both resident (peak RSS ~2x the array;
// glibc, which CPython uses for big blocks, moves them with mremap instead). So a block that
// mem_realloc grows to kMremapMin bytes or more leaves mimalloc for its own mapping, which
// later reallocs resize with mremap (the kernel moves the pages: no copy, no second copy
// resident). Such a block starts kMapHeader bytes into its mapping (the header holds the mapping
// size), and its address is recorded in g_mapped, which mem_free/mem_realloc consult for
// addresses at that page offset only (mimalloc blocks rarely are). Blocks allocated big at
// once stay in mimalloc (no system call per allocation for buffers that never grow). g_mapped
// has its own mutex: buffers may be freed by threads without the GIL.
namespace {
[[maybe_unused]] const bool g_mimalloc_configured = [] {
  mi_option_set(mi_option_decommit_delay, 0);
  return true;
}();

constexpr size_t kMremapMin = size_t(1) << 20;
constexpr size_t kPageSize = 4096;  // a multiple of the page size is all mremap needs
constexpr size_t kMapHeader = 64;   // keeps the block 64-byte aligned, like mimalloc's big blocks

struct MappedBlocks {
  std::mutex mutex;
  std::unordered_set<void*> blocks;
  std::atomic<size_t> count{0};
};
MappedBlocks& g_mapped() {
  static MappedBlocks* m = new MappedBlocks;  // never destroyed: frees may come during exit
  return *m;
}

inline size_t map_size_for(size_t n) { return (n + kMapHeader + kPageSize - 1) & ~(kPageSize - 1); }
inline size_t& map_size_of(void* p) {
  return *reinterpret_cast<size_t*>(static_cast<char*>(p) - kMapHeader);
}

bool is_mapped(void* p) {
  if ((reinterpret_cast<uintptr_t>(p) & (kPageSize - 1)) != kMapHeader) return false;
  MappedBlocks& m = g_mapped();
  if (m.count.load(std::memory_order_relaxed) == 0) return false;
  std::lock_guard<std::mutex> lock(m.mutex);
  return m.blocks.count(p) != 0;
}

// The registry changes under its mutex together with the mapping itself, so that no other
// thread's mimalloc block can appear at an address the registry still lists.
void* map_block(void* p, size_t old, size_t n) {  // p: a mimalloc block of `old` usable bytes
  size_t size = map_size_for(n);
  void* map = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (map == MAP_FAILED) return nullptr;
  char* q = static_cast<char*>(map) + kMapHeader;
  map_size_of(q) = size;
  std::memcpy(q, p, old < n ? old : n);
  MappedBlocks& m = g_mapped();
  {
    std::lock_guard<std::mutex> lock(m.mutex);
    m.blocks.insert(q);
    m.count.store(m.blocks.size(), std::memory_order_relaxed);
  }
  mi_free(p);
  return q;
}

void* remap_block(void* p, size_t n) {
  size_t old_size = map_size_of(p);
  size_t size = map_size_for(n);
  if (size == old_size) return p;
  MappedBlocks& m = g_mapped();
  std::lock_guard<std::mutex> lock(m.mutex);
  void* map = mremap(static_cast<char*>(p) - kMapHeader, old_size, size, MREMAP_MAYMOVE);
  if (map == MAP_FAILED) return nullptr;
  char* q = static_cast<char*>(map) + kMapHeader;
  map_size_of(q) = size;
  if (q != p) {
    m.blocks.erase(p);
    m.blocks.insert(q);
  }
  return q;
}

void unmap_block(void* p) {
  MappedBlocks& m = g_mapped();
  std::lock_guard<std::mutex> lock(m.mutex);
  m.blocks.erase(p);
  m.count.store(m.blocks.size(), std::memory_order_relaxed);
  munmap(static_cast<char*>(p) - kMapHeader, map_size_of(p));
}
}  // namespace

void* mem_alloc(size_t n) { return mi_malloc(n); }
void* mem_calloc(size_t count, size_t size) { return mi_calloc(count, size); }
void* mem_realloc(void* p, size_t n) {
  if (p && is_mapped(p)) return remap_block(p, n);
  if (p && n >= kMremapMin) {
    size_t old = mi_usable_size(p);
    if (n > old) return map_block(p, old, n);
  }
  return mi_realloc(p, n);
}
void mem_free(void* p) {
  if (p && is_mapped(p)) unmap_block(p);
  else mi_free(p);
}
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

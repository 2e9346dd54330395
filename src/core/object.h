// The object header, reference counting and object allocation.
//
// Every Python value is a heap object whose first fields are an `Object` header: a reference count
// and a pointer to its type. Objects are freed the moment their count reaches zero (as in CPython);
// reference cycles are left to the cycle collector (src/core/gc.*, issue 3).
//
// Ownership conventions (the same as CPython's C API, so they are familiar):
//  - A function returning `Object*` returns a NEW reference (the caller owns one count) unless its
//    name ends in `_borrowed` or its comment says "borrowed". nullptr means "an exception is set on
//    the current thread state" (see core/error.h).
//  - Parameters of type `Object*` are BORROWED: the callee increfs what it keeps.
//  - Inside function bodies hold owned references in `Ref` (RAII, move-only semantics with explicit
//    copies), so that early returns on error cannot leak. `Ref::release()` hands the reference out.
//  - Functions returning int: 0 or a count on success, -1 with an exception set on error.
//    Predicates that can fail (`object_is_true`) return 1 / 0 / -1.
//
// Every reference-count change goes through incref/decref below and nowhere else. The GIL
// (issue 4) is what makes these plain, non-atomic operations safe; a free-threaded build would
// change only these functions.
//
// Immortal objects (None, True, False, small ints, static types, interned identifier strings) start
// with a huge count that can never reach zero, so incref/decref need no branch for them;
// sys.getrefcount reports them as CPython 3.12 does (4294967295).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <utility>

#include "config.h"

namespace gilpy {

using ssize = std::ptrdiff_t;   // Py_ssize_t
using hash_t = std::int64_t;    // Py_hash_t: -1 is reserved for "error"

struct TypeObject;

struct Object {
  ssize refcnt;
  TypeObject* ob_type;
};

// Objects with a variable number of items stored inline (tuple, int digits, bytes).
struct VarObject : Object {
  ssize ob_size;
};

constexpr ssize kImmortalRefcnt = ssize(1) << 60;
constexpr ssize kImmortalThreshold = ssize(1) << 59;

inline TypeObject* type_of(const Object* o) { return o->ob_type; }
inline bool is_immortal(const Object* o) { return o->refcnt >= kImmortalThreshold; }
inline void make_immortal(Object* o) { o->refcnt = kImmortalRefcnt; }

// Runs the type's dealloc slot. Defined in core/object.cpp.
void object_dealloc(Object* o);

inline void incref(Object* o) { ++o->refcnt; }
inline void xincref(Object* o) {
  if (o) ++o->refcnt;
}
inline void decref(Object* o) {
  if (--o->refcnt == 0) object_dealloc(o);
}
inline void xdecref(Object* o) {
  if (o) decref(o);
}
// Returns `o` with one more reference: `return newref(x);` for returning a borrowed value.
inline Object* newref(Object* o) {
  ++o->refcnt;
  return o;
}
// Replace the reference held in *slot by `value` (already owned), decref'ing the old one afterwards,
// so that a destructor running during the decref never sees a dangling slot.
inline void setref(Object** slot, Object* value) {
  Object* old = *slot;
  *slot = value;
  xdecref(old);
}
inline void clear_ref(Object** slot) { setref(slot, nullptr); }

// An owning reference. Move-aware; copies incref explicitly. Converts implicitly to a borrowed
// `Object*` only through get().
class Ref {
 public:
  Ref() noexcept = default;
  Ref(std::nullptr_t) noexcept {}
  // Take ownership of a new reference (what every `Object*`-returning API function returns).
  static Ref steal(Object* o) noexcept { return Ref(o); }
  // Acquire a new reference to a borrowed object.
  static Ref borrow(Object* o) noexcept {
    xincref(o);
    return Ref(o);
  }
  Ref(const Ref& other) noexcept : p_(other.p_) { xincref(p_); }
  Ref(Ref&& other) noexcept : p_(other.p_) { other.p_ = nullptr; }
  Ref& operator=(const Ref& other) noexcept {
    Ref tmp(other);
    std::swap(p_, tmp.p_);
    return *this;
  }
  Ref& operator=(Ref&& other) noexcept {
    Ref tmp(std::move(other));
    std::swap(p_, tmp.p_);
    return *this;
  }
  ~Ref() { xdecref(p_); }

  Object* get() const noexcept { return p_; }
  Object* operator->() const noexcept { return p_; }
  explicit operator bool() const noexcept { return p_ != nullptr; }
  template <class T>
  T* as() const noexcept {
    return static_cast<T*>(p_);
  }
  // Give up ownership; the caller now owns the reference.
  [[nodiscard]] Object* release() noexcept {
    Object* p = p_;
    p_ = nullptr;
    return p;
  }
  // Replace with a new reference (stolen).
  void reset(Object* o = nullptr) noexcept {
    Object* old = p_;
    p_ = o;
    xdecref(old);
  }

 private:
  explicit Ref(Object* o) noexcept : p_(o) {}
  Object* p_ = nullptr;
};

// ---- Allocation --------------------------------------------------------------------------------
// All objects are allocated through object_alloc/object_free. Types with the HAVE_GC flag get a
// collector header in front of the object (core/gc.h); callers never see it. The memory is
// zero-filled, the refcount is 1 and the type is set (heap types are incref'd: instances keep their
// class alive; the instance's dealloc decrefs the type after object_free).
Object* object_alloc(TypeObject* type, size_t size);
void object_free(Object* o);

template <class T>
T* alloc_object(TypeObject* type, size_t extra_bytes = 0) {
  return static_cast<T*>(object_alloc(type, sizeof(T) + extra_bytes));
}

// Raw memory for the buffers objects own (list item arrays, dict key tables): the same allocator as
// objects (mimalloc or malloc, see config.h GILPY_MIMALLOC). A block from mem_* must be released by
// mem_free/mem_realloc, never by free(). No exception is set on failure (nullptr).
void* mem_alloc(size_t n);
void* mem_calloc(size_t count, size_t size);
void* mem_realloc(void* p, size_t n);
void mem_free(void* p);

// Generic "no memory" path: sets MemoryError, returns nullptr.
Object* err_no_memory();

#if GILPY_DEBUG_REFS
extern ssize g_live_objects;
#endif

}  // namespace gilpy

// References to Python objects: Handle (owning) and Borrowed (non-owning), and the operations
// every object supports. Part of gilpy's public extension API (see gilpy/gilpy.h).
//
// Ownership, in short (docs/extending.md has the long version):
//  - Handle owns one reference: copying it adds a reference, destroying it drops one, moving it
//    transfers it. Every API function that produces an object returns a Handle.
//  - Borrowed is a plain pointer that owns nothing: the arguments your function receives
//    (Args::operator[]) are Borrowed; they stay valid for the duration of the call. Keep one
//    beyond that by converting it to a Handle (Handle h = borrowed;).
//  - Handle::release() hands the reference out (to code that takes ownership), steal(p) adopts
//    one, borrow(p) adds one.
// All of this, like every other API call, requires holding the GIL (see gilpy/gil.h).
//
// Failure: operations that can fail in Python (attribute lookup, calls, item access, ...) throw
// gilpy::api::Error (gilpy/error.h), which carries the Python exception.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#define GILPY_EXPORT extern "C" __attribute__((visibility("default")))
#define GILPY_API __attribute__((visibility("default")))

namespace gilpy {

struct Object;  // the interpreter's object header; opaque to extensions

namespace api {

using ssize = std::ptrdiff_t;
class Handle;
class Borrowed;

namespace detail {
// Implemented by the interpreter (src/ext/api.cpp); extensions resolve them at load time.
GILPY_API void incref(Object* o);
GILPY_API void decref(Object* o);
GILPY_API Object* getattr(Object* o, std::string_view name);  // new ref; throws Error
GILPY_API void setattr(Object* o, std::string_view name, Object* v);
GILPY_API bool hasattr(Object* o, std::string_view name);
GILPY_API Object* call(Object* callable, Object* const* args, size_t nargs,
                       const std::vector<std::pair<std::string, Object*>>* kwargs);
GILPY_API std::string repr(Object* o);
GILPY_API std::string str(Object* o);
GILPY_API std::string type_name(Object* o);
GILPY_API Object* type_of(Object* o);  // borrowed
GILPY_API bool is_none(Object* o);
GILPY_API Object* none();  // borrowed (immortal)
GILPY_API bool truthy(Object* o);
GILPY_API ssize length(Object* o);
GILPY_API Object* getitem(Object* o, Object* key);
GILPY_API void setitem(Object* o, Object* key, Object* value);
GILPY_API void delitem(Object* o, Object* key);
GILPY_API bool contains(Object* o, Object* key);
GILPY_API bool isinstance(Object* o, Object* cls);
GILPY_API bool equals(Object* a, Object* b);
GILPY_API Object* iter(Object* o);
GILPY_API Object* next(Object* it);  // nullptr when exhausted (no exception)
GILPY_API Object* import(std::string_view name);
GILPY_API Object* builtin(std::string_view name);  // borrowed: builtins.NAME, throws if absent
}  // namespace detail

// The operations shared by Handle and Borrowed.
template <class D>
class ObjectApi {
 public:
  // Attribute access: obj.name, obj.name = v, hasattr(obj, name).
  Handle attr(std::string_view name) const;
  template <class V>
  void set_attr(std::string_view name, V&& v) const;
  bool has_attr(std::string_view name) const { return detail::hasattr(p(), name); }

  // Calls: obj(args...) converts each argument with to_python (gilpy/convert.h).
  template <class... A>
  Handle operator()(A&&... args) const;
  // obj.method(args...)
  template <class... A>
  Handle call_method(std::string_view name, A&&... args) const;
  // Calls with keyword arguments: obj.call({a, b}, {{"key", v}}).
  Handle call(const std::vector<Handle>& args,
              const std::vector<std::pair<std::string, Handle>>& kwargs = {}) const;

  // Items and sequences: obj[key], obj[key] = v, del obj[key], key in obj, len(obj).
  template <class K>
  Handle item(K&& key) const;
  template <class K, class V>
  void set_item(K&& key, V&& value) const;
  template <class K>
  void del_item(K&& key) const;
  template <class K>
  bool contains(K&& key) const;
  ssize len() const { return detail::length(p()); }

  // Iteration: for (gp::Handle x : obj.iter()) ...
  class Iterator;
  class Range;
  Range iter() const;

  std::string repr() const { return detail::repr(p()); }
  std::string str() const { return detail::str(p()); }
  std::string type_name() const { return detail::type_name(p()); }
  Borrowed type() const;
  bool is_none() const { return detail::is_none(p()); }
  bool truthy() const { return detail::truthy(p()); }
  bool is(Borrowed other) const;
  bool equals(Borrowed other) const;
  bool is_instance(Borrowed cls) const;

  // Convert to a C++ value (gilpy/convert.h): obj.cast<long>(), obj.cast<std::string>(), ...
  template <class T>
  T cast() const;

 private:
  Object* p() const { return static_cast<const D*>(this)->ptr(); }
};

// A non-owning reference (may be null). Cheap to copy; valid only while someone owns the object.
class Borrowed : public ObjectApi<Borrowed> {
 public:
  Borrowed() = default;
  Borrowed(Object* o) : p_(o) {}  // NOLINT: implicit by design
  Object* ptr() const { return p_; }
  explicit operator bool() const { return p_ != nullptr; }

 private:
  Object* p_ = nullptr;
};

// An owning reference (may be null).
class Handle : public ObjectApi<Handle> {
 public:
  Handle() = default;
  Handle(std::nullptr_t) {}
  // A new reference to a borrowed object.
  Handle(Borrowed b) : p_(b.ptr()) {  // NOLINT: implicit: keeping a borrowed object
    if (p_) detail::incref(p_);
  }
  static Handle steal(Object* o) {
    Handle h;
    h.p_ = o;
    return h;
  }
  static Handle borrow(Object* o) { return Handle(Borrowed(o)); }
  Handle(const Handle& o) : p_(o.p_) {
    if (p_) detail::incref(p_);
  }
  Handle(Handle&& o) noexcept : p_(o.p_) { o.p_ = nullptr; }
  Handle& operator=(Handle o) noexcept {
    std::swap(p_, o.p_);
    return *this;
  }
  ~Handle() {
    if (p_) detail::decref(p_);
  }
  Object* ptr() const { return p_; }
  explicit operator bool() const { return p_ != nullptr; }
  operator Borrowed() const { return Borrowed(p_); }  // NOLINT
  Borrowed borrowed() const { return Borrowed(p_); }
  // Give the reference away: the caller now owns it.
  [[nodiscard]] Object* release() {
    Object* o = p_;
    p_ = nullptr;
    return o;
  }

 private:
  Object* p_ = nullptr;
};

inline Borrowed none() { return Borrowed(detail::none()); }
// import NAME (dotted names allowed): the module.
inline Handle import(std::string_view name) { return Handle::steal(detail::import(name)); }
// A built-in: builtins.NAME (int, len, ValueError, ...).
inline Borrowed builtin(std::string_view name) { return Borrowed(detail::builtin(name)); }

template <class D>
class ObjectApi<D>::Iterator {
 public:
  Iterator() = default;
  explicit Iterator(Handle it) : it_(std::move(it)) { advance(); }
  const Handle& operator*() const { return cur_; }
  Iterator& operator++() {
    advance();
    return *this;
  }
  bool operator!=(const Iterator& o) const { return cur_.ptr() != o.cur_.ptr(); }

 private:
  void advance() { cur_ = Handle::steal(detail::next(it_.ptr())); }
  Handle it_;
  Handle cur_;
};

template <class D>
class ObjectApi<D>::Range {
 public:
  explicit Range(Handle it) : it_(std::move(it)) {}
  Iterator begin() { return Iterator(it_); }
  Iterator end() { return Iterator(); }

 private:
  Handle it_;
};

// ---- inline definitions that need both classes ----
template <class D>
Handle ObjectApi<D>::attr(std::string_view name) const {
  return Handle::steal(detail::getattr(p(), name));
}
template <class D>
Borrowed ObjectApi<D>::type() const {
  return Borrowed(detail::type_of(p()));
}
template <class D>
bool ObjectApi<D>::is(Borrowed other) const {
  return p() == other.ptr();
}
template <class D>
bool ObjectApi<D>::equals(Borrowed other) const {
  return detail::equals(p(), other.ptr());
}
template <class D>
bool ObjectApi<D>::is_instance(Borrowed cls) const {
  return detail::isinstance(p(), cls.ptr());
}
template <class D>
typename ObjectApi<D>::Range ObjectApi<D>::iter() const {
  return Range(Handle::steal(detail::iter(p())));
}
template <class D>
Handle ObjectApi<D>::call(const std::vector<Handle>& args,
                          const std::vector<std::pair<std::string, Handle>>& kwargs) const {
  std::vector<Object*> a;
  a.reserve(args.size());
  for (const Handle& h : args) a.push_back(h.ptr());
  std::vector<std::pair<std::string, Object*>> kw;
  for (const auto& [k, v] : kwargs) kw.emplace_back(k, v.ptr());
  return Handle::steal(detail::call(p(), a.data(), a.size(), kw.empty() ? nullptr : &kw));
}

}  // namespace api
}  // namespace gilpy

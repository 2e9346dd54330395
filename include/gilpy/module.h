// Defining a module: functions, arguments, constants and new types. Part of the public extension
// API (gilpy/gilpy.h).
//
//   static long add(gp::Args& args) {                  // add(a, b, /)
//     args.expect_positional(2, 2);
//     return args.get<long>(0) + args.get<long>(1);
//   }
//   static gp::Handle greet(gp::Args& args) {           // greet(name, *, punct='!')
//     static const gp::Signature sig("greet", {"name", "*", "punct"}, 1);
//     gp::Bound b = args.bind(sig);
//     return gp::str("hello " + b.get<std::string>(0) + b.get_or<std::string>(1, "!"));
//   }
//   GILPY_MODULE(demo, m) {
//     m.doc("A demo.");
//     m.def<add>("add", "Add two ints.");
//     m.def<greet>("greet");
//     m.add("ANSWER", 42);
//   }
//
// A function is `R fn(gp::Args&)`: R may be void (returns None), gp::Handle, or anything
// to_python converts. Methods of a class are `R fn(T& self, gp::Args&)` (see Class below).
// Functions are passed as template arguments (m.def<fn>), so each gets its own small entry point
// and calls cost no more than the interpreter's own built-ins.
#pragma once

#include <initializer_list>
#include <new>
#include <string>
#include <type_traits>
#include <vector>

#include "gilpy/convert.h"
#include "gilpy/error.h"
#include "gilpy/object.h"

namespace gilpy::api {

// The interpreter's calling convention (vectorcall): positional arguments, then the values of
// the keyword arguments whose names are in the tuple `kwnames` (null when none).
using RawFunction = Object* (*)(Object* self, Object* const* args, ssize nargs, Object* kwnames);
using RawGetter = Object* (*)(Object* self);
using RawSetter = int (*)(Object* self, Object* value);

class Signature;

namespace detail {
GILPY_API ssize kw_count(Object* kwnames);
GILPY_API std::string_view kw_name(Object* kwnames, ssize i);
GILPY_API void bind_args(const char* fname, const char* const* names, int required, int max_pos,
                         Object* const* args, ssize nargs, Object* kwnames, Object** out);
GILPY_API void check_positional(const char* fname, ssize nargs, Object* kwnames, ssize min,
                                ssize max);
// Modules
GILPY_API Object* module_create(const char* name, int api_version);  // new module; throws
GILPY_API void module_set_doc(Object* module, const char* doc);
GILPY_API void module_add_function(Object* module, const char* name, RawFunction fn,
                                   const char* doc);
GILPY_API void module_add_object(Object* module, const char* name, Object* value);
GILPY_API Object* new_exception_type(Object* module, const char* name, Object* base,
                                     const char* doc);
// Classes
struct MethodSpec {
  const char* name;
  RawFunction fn;
  const char* doc;
};
struct PropertySpec {
  const char* name;
  RawGetter get;
  RawSetter set;  // null: read-only
  const char* doc;
};
struct ClassSpec {
  const char* name;  // "Counter": the type is MODULE.Counter
  const char* doc;
  size_t size, align;
  // Construct the C++ value in `storage` from the call's arguments: 0, or -1 with an exception
  // set. Null: the type cannot be instantiated from Python.
  int (*construct)(void* storage, Object* const* args, ssize nargs, Object* kwnames);
  void (*destroy)(void* storage);
  std::vector<MethodSpec> methods;
  std::vector<PropertySpec> properties;
};
GILPY_API Object* class_create(Object* module, const ClassSpec& spec);  // borrowed type
GILPY_API void* instance_data(Object* self, Object* type);  // TypeError if not an instance
GILPY_API Object* instance_alloc(Object* type);             // new, unconstructed instance
GILPY_API void instance_constructed(Object* self);          // destroy() will run on dealloc
GILPY_API void set_current_error(Object* type, const char* msg);
GILPY_API void set_memory_error();
}  // namespace detail

// Parameter names of a function, with Python's markers: "/" ends the positional-only parameters,
// "*" starts the keyword-only ones. The first `required` parameters must be given.
// Signature("count_primes", {"lo", "hi"}, 2) is def count_primes(lo, hi).
class Signature {
 public:
  Signature(const char* fname, std::initializer_list<const char*> params, int required)
      : fname_(fname), required_(required) {
    bool kwonly = false;
    std::vector<const char*> ps;
    for (const char* p : params) {
      std::string_view s(p);
      if (s == "/") {
        for (auto& q : ps) q = "";  // positional-only: no name for keyword matching
        posonly_ = ps.size();
      } else if (s == "*") {
        kwonly = true;
        max_pos_ = int(ps.size());
      } else {
        ps.push_back(p);
        display_.push_back(p);
      }
    }
    if (!kwonly) max_pos_ = int(ps.size());
    names_ = ps;
    names_.push_back(nullptr);
  }
  size_t size() const { return display_.size(); }
  const char* name() const { return fname_; }
  const char* param(size_t i) const { return display_[i]; }

 private:
  friend class Args;
  const char* fname_;
  int required_;
  int max_pos_ = 0;
  size_t posonly_ = 0;
  std::vector<const char*> names_;    // "" for positional-only, null-terminated
  std::vector<const char*> display_;  // every name
};

// Arguments bound to a Signature: one slot per parameter, null when not given.
class Bound {
 public:
  Borrowed operator[](size_t i) const { return Borrowed(vals_[i]); }
  bool has(size_t i) const { return vals_[i] != nullptr; }
  template <class T>
  T get(size_t i) const {
    return cast<T>(Borrowed(vals_[i]));
  }
  template <class T>
  T get_or(size_t i, T dflt) const {
    return vals_[i] ? cast<T>(Borrowed(vals_[i])) : dflt;
  }

 private:
  friend class Args;
  std::vector<Object*> vals_;
};

// The arguments of a call (borrowed; valid during the call).
class Args {
 public:
  Args(const char* fname, Object* self, Object* const* args, ssize nargs, Object* kwnames)
      : fname_(fname), self_(self), args_(args), nargs_(nargs), kwnames_(kwnames) {}
  // Positional arguments.
  ssize size() const { return nargs_; }
  Borrowed operator[](ssize i) const { return Borrowed(args_[i]); }
  template <class T>
  T get(ssize i) const {
    return cast<T>(Borrowed(args_[i]));
  }
  // Keyword arguments, as given.
  ssize kw_size() const { return detail::kw_count(kwnames_); }
  std::string_view kw_name(ssize i) const { return detail::kw_name(kwnames_, i); }
  Borrowed kw_value(ssize i) const { return Borrowed(args_[nargs_ + i]); }
  Borrowed kw(std::string_view name) const {
    for (ssize i = 0; i < kw_size(); i++) {
      if (kw_name(i) == name) return kw_value(i);
    }
    return Borrowed();
  }
  // The module (functions) or the instance (methods).
  Borrowed self() const { return Borrowed(self_); }
  const char* function_name() const { return fname_; }

  // No keyword arguments and min..max positional ones, with CPython's messages
  // ("add expected 2 arguments, got 1", "add() takes no keyword arguments").
  void expect_positional(ssize min, ssize max) const {
    detail::check_positional(fname_, nargs_, kwnames_, min, max);
  }
  // Match positional and keyword arguments to `sig` (CPython's messages: "f() missing required
  // argument 'hi' (pos 2)", "'x' is an invalid keyword argument for f()", ...).
  Bound bind(const Signature& sig) const {
    Bound b;
    b.vals_.assign(sig.size(), nullptr);
    detail::bind_args(sig.fname_, sig.names_.data(), sig.required_, sig.max_pos_, args_, nargs_,
                      kwnames_, b.vals_.data());
    return b;
  }

 private:
  const char* fname_;
  Object* self_;
  Object* const* args_;
  ssize nargs_;
  Object* kwnames_;
};

namespace detail {
// Run `f` (returning anything convertible) and turn C++ exceptions into Python exceptions.
template <class F>
Object* guarded(const char* fname, F&& f) noexcept {
  try {
    using R = decltype(f());
    if constexpr (std::is_void_v<R>) {
      f();
      return Handle(none()).release();
    } else {
      Handle r = to_python(f());
      if (!r) return no_exception_error(fname);
      return r.release();
    }
  } catch (Error& e) {
    std::move(e).restore();
  } catch (const std::bad_alloc&) {
    set_memory_error();
  } catch (const std::exception& e) {
    try {
      set_current_error(exception_type(exc::kRuntimeError), e.what());
    } catch (...) {
    }
  } catch (...) {
    set_current_error(exception_type(exc::kSystemError), "unknown C++ exception");
  }
  return nullptr;
}

template <auto F>
struct FunctionName {
  static inline const char* name = "?";
};

template <auto F>
Object* function_trampoline(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  return guarded(FunctionName<F>::name, [&] {
    Args a(FunctionName<F>::name, self, args, nargs, kwnames);
    return F(a);
  });
}

template <class T>
struct ClassInfo {
  static inline Object* type = nullptr;     // set by Class<T>::finish
  static inline const char* name = "?";     // the class name, for error messages
};
}  // namespace detail

// The C++ object inside an instance of a Class<T> type (TypeError if `o` is not one).
template <class T>
T& unwrap(Borrowed o) {
  return *static_cast<T*>(detail::instance_data(o.ptr(), detail::ClassInfo<T>::type));
}
// A new Python instance holding `value` (the type must have been added with Class<T>).
template <class T>
Handle wrap(T value) {
  Handle h = Handle::steal(detail::instance_alloc(detail::ClassInfo<T>::type));
  new (detail::instance_data(h.ptr(), detail::ClassInfo<T>::type)) T(std::move(value));
  detail::instance_constructed(h.ptr());
  return h;
}

class Module;

// A new type whose instances hold a T:
//   struct Counter { long n = 0; };
//   static Counter counter_new(gp::Args& a) { a.expect_positional(0, 1);
//                                             return Counter{a.size() ? a.get<long>(0) : 0}; }
//   static long counter_incr(Counter& self, gp::Args&) { return ++self.n; }
//   static long counter_value(Counter& self) { return self.n; }
//   gp::Class<Counter>(m, "Counter", "A counter.")
//       .init<counter_new>()
//       .def<counter_incr>("incr")
//       .property<counter_value>("value")
//       .finish();
// Instances are not subclassable from Python and are not tracked by the cycle collector (a T
// holding Handles that form a cycle leaks).
template <class T>
class Class {
 public:
  Class(Module& m, const char* name, const char* doc = nullptr);
  // T make(Args&) constructs the value for T(...) calls; without it, T must be default
  // constructible (or the type cannot be instantiated from Python).
  template <auto Make>
  Class& init() {
    spec_.construct = [](void* storage, Object* const* args, ssize nargs, Object* kw) -> int {
      Object* r = detail::guarded(detail::FunctionName<Make>::name, [&] {
        Args a(detail::FunctionName<Make>::name, nullptr, args, nargs, kw);
        new (storage) T(Make(a));
      });
      if (!r) return -1;
      detail::decref(r);
      return 0;
    };
    detail::FunctionName<Make>::name = spec_.name;
    return *this;
  }
  // A method: R fn(T& self, Args&).
  template <auto F>
  Class& def(const char* name, const char* doc = nullptr) {
    detail::FunctionName<F>::name = name;
    spec_.methods.push_back({name, &method_trampoline<F>, doc});
    return *this;
  }
  // A property: R get(T& self) [, void set(T& self, Borrowed value)].
  template <auto Get, auto Set = nullptr>
  Class& property(const char* name, const char* doc = nullptr) {
    RawSetter setter = nullptr;
    if constexpr (Set != nullptr) setter = &setter_trampoline<Set>;
    spec_.properties.push_back({name, &getter_trampoline<Get>, setter, doc});
    return *this;
  }
  // Create the type and add it to the module. Returns the type object.
  Borrowed finish();

 private:
  template <auto F>
  static Object* method_trampoline(Object* self, Object* const* args, ssize nargs,
                                   Object* kwnames) {
    return detail::guarded(detail::FunctionName<F>::name, [&] {
      T& me = unwrap<T>(Borrowed(self));
      Args a(detail::FunctionName<F>::name, self, args, nargs, kwnames);
      return F(me, a);
    });
  }
  template <auto Get>
  static Object* getter_trampoline(Object* self) {
    return detail::guarded("getter", [&] { return Get(unwrap<T>(Borrowed(self))); });
  }
  template <auto Set>
  static int setter_trampoline(Object* self, Object* value) {
    Object* r = detail::guarded("setter", [&] {
      if (!value) raise(exc::AttributeError(), "can't delete attribute");
      Set(unwrap<T>(Borrowed(self)), Borrowed(value));
    });
    if (!r) return -1;
    detail::decref(r);
    return 0;
  }

  Module& module_;
  detail::ClassSpec spec_;
};

class Module {
 public:
  explicit Module(Object* m) : m_(m) {}
  Borrowed object() const { return Borrowed(m_); }
  void doc(const char* text) { detail::module_set_doc(m_, text); }
  // A function: R fn(Args&).
  template <auto F>
  Module& def(const char* name, const char* doc = nullptr) {
    detail::FunctionName<F>::name = name;
    detail::module_add_function(m_, name, &detail::function_trampoline<F>, doc);
    return *this;
  }
  // A module attribute (any convertible value).
  template <class V>
  Module& add(const char* name, V&& value) {
    detail::module_add_object(m_, name, to_python(value).ptr());
    return *this;
  }
  // A new exception class MODULE.name deriving from `base` (Exception by default).
  Handle add_exception(const char* name, Borrowed base = Borrowed(), const char* doc = nullptr) {
    return Handle(Borrowed(detail::new_exception_type(m_, name, base.ptr(), doc)));
  }

 private:
  Object* m_;  // borrowed: the module being initialised
};

template <class T>
Class<T>::Class(Module& m, const char* name, const char* doc) : module_(m) {
  spec_.name = name;
  spec_.doc = doc;
  detail::ClassInfo<T>::name = name;
  spec_.size = sizeof(T);
  spec_.align = alignof(T);
  spec_.construct = nullptr;
  if constexpr (std::is_default_constructible_v<T>) {
    spec_.construct = [](void* storage, Object* const*, ssize nargs, Object* kw) -> int {
      Object* r = detail::guarded("__init__", [&] {
        Args a(detail::ClassInfo<T>::name, nullptr, nullptr, nargs, kw);
        a.expect_positional(0, 0);
        new (storage) T();
      });
      if (!r) return -1;
      detail::decref(r);
      return 0;
    };
  }
  spec_.destroy = [](void* storage) { static_cast<T*>(storage)->~T(); };
}

template <class T>
Borrowed Class<T>::finish() {
  Object* t = detail::class_create(module_.object().ptr(), spec_);
  detail::ClassInfo<T>::type = t;
  return Borrowed(t);
}

namespace detail {
template <class F>
Object* module_init(const char* name, int api_version, F body) noexcept {
  Handle m;
  try {
    m = Handle::steal(module_create(name, api_version));
  } catch (Error& e) {
    std::move(e).restore();
    return nullptr;
  }
  Object* r = guarded(name, [&] {
    Module mod(m.ptr());
    body(mod);
  });
  if (!r) return nullptr;
  decref(r);
  return m.release();
}
}  // namespace detail

}  // namespace gilpy::api

// Define the module NAME: its init entry point `extern "C" gilpy_module_init_NAME()`, which the
// interpreter finds with dlsym when `import NAME` loads NAME.so, and the body that fills it.
#define GILPY_MODULE(NAME, m)                                                                 \
  static void gilpy_module_body_##NAME(::gilpy::api::Module& m);                              \
  GILPY_EXPORT ::gilpy::Object* gilpy_module_init_##NAME() {                                   \
    return ::gilpy::api::detail::module_init(#NAME, GILPY_API_VERSION,                         \
                                             &gilpy_module_body_##NAME);                       \
  }                                                                                           \
  static void gilpy_module_body_##NAME(::gilpy::api::Module& m)

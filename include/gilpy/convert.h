// Converting values between C++ and Python. Part of the public extension API (gilpy/gilpy.h).
//
//   C++                                   Python
//   bool                                  bool
//   signed/unsigned integers              int      (OverflowError when it does not fit)
//   float, double                         float    (cast<double> also accepts int)
//   std::string, std::string_view,        str      (UTF-8)
//     const char*
//   gp::Bytes                             bytes    (cast<Bytes> accepts bytes and bytearray)
//   std::vector<T>                        list     (cast accepts any iterable)
//   std::pair, std::tuple                 tuple    (cast accepts any sequence of that length)
//   std::map<K,V>, std::unordered_map     dict     (cast accepts dict)
//   std::optional<T>                      T or None
//   Handle / Borrowed                     the object itself
//
//   gp::Handle h = gp::to_python(std::vector<int>{1, 2, 3});   // [1, 2, 3]
//   auto v = h.cast<std::vector<long>>();
// A failed cast throws gp::Error with CPython's TypeError ("'str' object cannot be interpreted
// as an integer", ...). Add your own types by specialising gp::Converter<T> with
// `static Handle to(const T&)` and `static T from(Borrowed)`.
#pragma once

#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

#include "gilpy/error.h"
#include "gilpy/object.h"

namespace gilpy::api {

// bytes (std::string would be str).
struct Bytes {
  std::string data;
  Bytes() = default;
  explicit Bytes(std::string d) : data(std::move(d)) {}
  Bytes(const void* p, size_t n) : data(static_cast<const char*>(p), n) {}
};

namespace detail {
GILPY_API Object* from_i64(int64_t v);
GILPY_API Object* from_u64(uint64_t v);
GILPY_API int64_t to_i64(Object* o);   // __index__; OverflowError outside int64
GILPY_API uint64_t to_u64(Object* o);  // OverflowError for negatives
GILPY_API Object* from_double(double v);
GILPY_API double to_double(Object* o);
GILPY_API Object* from_bool(bool v);
GILPY_API Object* from_utf8(std::string_view s);
GILPY_API std::string_view to_utf8(Object* o);  // valid while o lives; TypeError if not str
GILPY_API Object* from_bytes(std::string_view s);
GILPY_API std::string_view to_bytes(Object* o);  // bytes, bytearray
GILPY_API Object* list_new();
GILPY_API void list_append(Object* list, Object* item);
GILPY_API Object* tuple_new(Object* const* items, size_t n);
GILPY_API Object* dict_new();
GILPY_API void check_type(Object* o, const char* python_type);  // TypeError unless isinstance
GILPY_API void overflow(const char* ctype);                      // throws OverflowError
}  // namespace detail

template <class T, class Enable = void>
struct Converter;  // specialise for your own types

template <class T>
Handle to_python(const T& v) {
  return Converter<std::decay_t<T>>::to(v);
}
inline Handle to_python(const char* s) { return Handle::steal(detail::from_utf8(s)); }
template <class T>
T cast(Borrowed o) {
  return Converter<std::decay_t<T>>::from(o);
}

template <>
struct Converter<Handle> {
  static Handle to(const Handle& h) { return h; }
  static Handle from(Borrowed o) { return Handle(o); }
};
template <>
struct Converter<Borrowed> {
  static Handle to(const Borrowed& b) { return Handle(b); }
  static Borrowed from(Borrowed o) { return o; }
};
template <>
struct Converter<bool> {
  static Handle to(bool v) { return Handle::steal(detail::from_bool(v)); }
  static bool from(Borrowed o) { return o.truthy(); }
};
template <class T>
struct Converter<T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>>> {
  static Handle to(T v) {
    if constexpr (std::is_signed_v<T>) {
      return Handle::steal(detail::from_i64(int64_t(v)));
    } else {
      return Handle::steal(detail::from_u64(uint64_t(v)));
    }
  }
  static T from(Borrowed o) {
    if constexpr (std::is_signed_v<T>) {
      int64_t v = detail::to_i64(o.ptr());
      if (v < int64_t(std::numeric_limits<T>::min()) ||
          v > int64_t(std::numeric_limits<T>::max()))
        detail::overflow("C integer");
      return T(v);
    } else {
      uint64_t v = detail::to_u64(o.ptr());
      if (v > uint64_t(std::numeric_limits<T>::max())) detail::overflow("C unsigned integer");
      return T(v);
    }
  }
};
template <class T>
struct Converter<T, std::enable_if_t<std::is_floating_point_v<T>>> {
  static Handle to(T v) { return Handle::steal(detail::from_double(double(v))); }
  static T from(Borrowed o) { return T(detail::to_double(o.ptr())); }
};
template <>
struct Converter<std::string> {
  static Handle to(const std::string& s) { return Handle::steal(detail::from_utf8(s)); }
  static std::string from(Borrowed o) { return std::string(detail::to_utf8(o.ptr())); }
};
template <>
struct Converter<std::string_view> {
  static Handle to(std::string_view s) { return Handle::steal(detail::from_utf8(s)); }
  // Valid while the str object lives.
  static std::string_view from(Borrowed o) { return detail::to_utf8(o.ptr()); }
};
template <>
struct Converter<const char*> {
  static Handle to(const char* s) { return Handle::steal(detail::from_utf8(s)); }
};
template <>
struct Converter<Bytes> {
  static Handle to(const Bytes& b) { return Handle::steal(detail::from_bytes(b.data)); }
  static Bytes from(Borrowed o) { return Bytes(std::string(detail::to_bytes(o.ptr()))); }
};
template <>
struct Converter<std::nullptr_t> {
  static Handle to(std::nullptr_t) { return Handle(none()); }
};
template <class T>
struct Converter<std::optional<T>> {
  static Handle to(const std::optional<T>& v) { return v ? to_python(*v) : Handle(none()); }
  static std::optional<T> from(Borrowed o) {
    if (o.is_none()) return std::nullopt;
    return cast<T>(o);
  }
};
template <class T>
struct Converter<std::vector<T>> {
  static Handle to(const std::vector<T>& v) {
    Handle l = Handle::steal(detail::list_new());
    for (const T& x : v) detail::list_append(l.ptr(), to_python(x).ptr());
    return l;
  }
  static std::vector<T> from(Borrowed o) {
    std::vector<T> out;
    for (const Handle& x : o.iter()) out.push_back(cast<T>(x));
    return out;
  }
};
template <class... Ts>
struct Converter<std::tuple<Ts...>> {
  static Handle to(const std::tuple<Ts...>& t) {
    return std::apply(
        [](const auto&... xs) {
          Handle hs[] = {Handle(), to_python(xs)...};
          Object* ps[sizeof...(Ts) + 1];
          for (size_t i = 0; i < sizeof...(Ts); i++) ps[i] = hs[i + 1].ptr();
          return Handle::steal(detail::tuple_new(ps, sizeof...(Ts)));
        },
        t);
  }
  static std::tuple<Ts...> from(Borrowed o) {
    detail::check_type(o.ptr(), "tuple");
    if (o.len() != ssize(sizeof...(Ts))) {
      raise(builtin("ValueError"), "expected a tuple of length " +
                                       std::to_string(sizeof...(Ts)) + ", got " +
                                       std::to_string(o.len()));
    }
    return unpack(o, std::index_sequence_for<Ts...>{});
  }

 private:
  template <size_t... I>
  static std::tuple<Ts...> unpack(Borrowed o, std::index_sequence<I...>) {
    return std::tuple<Ts...>(cast<Ts>(o.item(ssize(I)))...);
  }
};
template <class A, class B>
struct Converter<std::pair<A, B>> {
  static Handle to(const std::pair<A, B>& p) {
    return Converter<std::tuple<A, B>>::to(std::tuple<A, B>(p.first, p.second));
  }
  static std::pair<A, B> from(Borrowed o) {
    auto t = Converter<std::tuple<A, B>>::from(o);
    return {std::get<0>(t), std::get<1>(t)};
  }
};
template <class M>
struct MapConverter {
  using K = typename M::key_type;
  using V = typename M::mapped_type;
  static Handle to(const M& m) {
    Handle d = Handle::steal(detail::dict_new());
    for (const auto& [k, v] : m) d.set_item(k, v);
    return d;
  }
  static M from(Borrowed o) {
    detail::check_type(o.ptr(), "dict");
    M out;
    for (const Handle& k : o.iter()) out.emplace(cast<K>(k), cast<V>(o.item(k)));
    return out;
  }
};
template <class K, class V, class C, class A>
struct Converter<std::map<K, V, C, A>> : MapConverter<std::map<K, V, C, A>> {};
template <class K, class V, class H, class E, class A>
struct Converter<std::unordered_map<K, V, H, E, A>>
    : MapConverter<std::unordered_map<K, V, H, E, A>> {};

// Convenience constructors.
inline Handle str(std::string_view s) { return Handle::steal(detail::from_utf8(s)); }
inline Handle bytes(std::string_view s) { return Handle::steal(detail::from_bytes(s)); }
template <class... A>
Handle tuple(A&&... xs) {
  return to_python(std::tuple<std::decay_t<A>...>(std::forward<A>(xs)...));
}
inline Handle list() { return Handle::steal(detail::list_new()); }
inline Handle dict() { return Handle::steal(detail::dict_new()); }

// ---- ObjectApi members that convert arguments ----
template <class D>
template <class V>
void ObjectApi<D>::set_attr(std::string_view name, V&& v) const {
  detail::setattr(p(), name, to_python(v).ptr());
}
template <class D>
template <class... A>
Handle ObjectApi<D>::operator()(A&&... args) const {
  Handle hs[] = {Handle(), to_python(args)...};
  Object* ps[sizeof...(A) + 1];
  for (size_t i = 0; i < sizeof...(A); i++) ps[i] = hs[i + 1].ptr();
  return Handle::steal(detail::call(p(), ps, sizeof...(A), nullptr));
}
template <class D>
template <class... A>
Handle ObjectApi<D>::call_method(std::string_view name, A&&... args) const {
  return attr(name)(std::forward<A>(args)...);
}
template <class D>
template <class K>
Handle ObjectApi<D>::item(K&& key) const {
  return Handle::steal(detail::getitem(p(), to_python(key).ptr()));
}
template <class D>
template <class K, class V>
void ObjectApi<D>::set_item(K&& key, V&& value) const {
  detail::setitem(p(), to_python(key).ptr(), to_python(value).ptr());
}
template <class D>
template <class K>
void ObjectApi<D>::del_item(K&& key) const {
  detail::delitem(p(), to_python(key).ptr());
}
template <class D>
template <class K>
bool ObjectApi<D>::contains(K&& key) const {
  return detail::contains(p(), to_python(key).ptr());
}
template <class D>
template <class T>
T ObjectApi<D>::cast() const {
  return api::cast<T>(Borrowed(p()));
}

}  // namespace gilpy::api

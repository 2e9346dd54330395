// Python exceptions in C++: gilpy::api::Error. Part of the public extension API (gilpy/gilpy.h).
//
// Raising: throw an Error (or call raise()) from your function; gilpy turns it into the Python
// exception when your function returns to the interpreter:
//     throw gp::Error(gp::exc::ValueError(), "lo must be non-negative");
//     gp::raise(gp::exc::KeyError(), key);          // any value as the exception's argument
// Catching: every API call that fails in Python (a call, an attribute lookup, a conversion)
// throws Error carrying the Python exception; catch it to handle it:
//     try { obj.attr("x"); } catch (gp::Error& e) { if (!e.matches(gp::exc::AttributeError())) throw; }
// Any other C++ exception escaping your function becomes a Python exception too: std::bad_alloc
// -> MemoryError, other std::exception -> RuntimeError(what()).
//
// An Error owns a reference to the exception object: create, copy and destroy Errors only while
// holding the GIL (throwing from inside a ReleaseGil block is not allowed: reacquire first).
#pragma once

#include <exception>
#include <string>
#include <string_view>

#include "gilpy/object.h"

namespace gilpy::api {

namespace detail {
GILPY_API Object* fetch_error();                 // the pending exception (new ref) or null
GILPY_API void restore_error(Object* exc);       // steals exc; make it the pending exception
GILPY_API Object* new_exception(Object* type, std::string_view msg);  // new instance; throws
GILPY_API Object* new_exception_obj(Object* type, Object* arg);       // type(arg)
GILPY_API bool exception_matches(Object* exc, Object* type);
GILPY_API Object* exception_type(int which);     // borrowed; see exc:: below
GILPY_API std::string describe_exception(Object* exc);  // "ValueError: message"
GILPY_API Object* no_exception_error(const char* fname);  // SystemError for a null result
}  // namespace detail

class GILPY_API Error : public std::exception {
 public:
  // Take the exception pending in the interpreter (what API functions do on failure).
  static Error fetch() { return Error(Handle::steal(detail::fetch_error())); }
  // A new exception: type(message).
  Error(Borrowed type, std::string_view message)
      : exc_(Handle::steal(detail::new_exception(type.ptr(), message))) {}
  // Wrap an exception instance (or class: it is instantiated when raised).
  explicit Error(Handle exc) : exc_(std::move(exc)) {}

  // The exception instance and its class.
  const Handle& value() const { return exc_; }
  Borrowed type() const { return exc_.type(); }
  // isinstance(exception, type_or_tuple)
  bool matches(Borrowed type_or_tuple) const {
    return detail::exception_matches(exc_.ptr(), type_or_tuple.ptr());
  }
  const char* what() const noexcept override {
    if (what_.empty()) {
      try {
        what_ = detail::describe_exception(exc_.ptr());
      } catch (...) {
        what_ = "<exception>";
      }
    }
    return what_.c_str();
  }
  // Hand the exception back to the interpreter (the function trampolines do this).
  void restore() && { detail::restore_error(exc_.release()); }

 private:
  Handle exc_;
  mutable std::string what_;
};

// Raise type(message) / type(value).
[[noreturn]] inline void raise(Borrowed type, std::string_view message) {
  throw Error(type, message);
}
[[noreturn]] inline void raise(Borrowed type, Borrowed value) {
  throw Error(Handle::steal(detail::new_exception_obj(type.ptr(), value.ptr())));
}

// The built-in exception types (borrowed, immortal).
namespace exc {
enum Kind : int {
  kException, kArithmeticError, kAssertionError, kAttributeError, kBufferError, kEOFError,
  kImportError, kIndexError, kKeyError, kLookupError, kMemoryError, kNameError,
  kNotImplementedError, kOSError, kOverflowError, kRuntimeError, kStopIteration, kSystemError,
  kTypeError, kValueError, kZeroDivisionError, kKeyboardInterrupt, kBaseException,
  kUnicodeError, kTimeoutError, kCount
};
#define GILPY_API_EXC(Name) \
  inline Borrowed Name() { return Borrowed(detail::exception_type(k##Name)); }
GILPY_API_EXC(Exception)
GILPY_API_EXC(ArithmeticError)
GILPY_API_EXC(AssertionError)
GILPY_API_EXC(AttributeError)
GILPY_API_EXC(BufferError)
GILPY_API_EXC(EOFError)
GILPY_API_EXC(ImportError)
GILPY_API_EXC(IndexError)
GILPY_API_EXC(KeyError)
GILPY_API_EXC(LookupError)
GILPY_API_EXC(MemoryError)
GILPY_API_EXC(NameError)
GILPY_API_EXC(NotImplementedError)
GILPY_API_EXC(OSError)
GILPY_API_EXC(OverflowError)
GILPY_API_EXC(RuntimeError)
GILPY_API_EXC(StopIteration)
GILPY_API_EXC(SystemError)
GILPY_API_EXC(TypeError)
GILPY_API_EXC(ValueError)
GILPY_API_EXC(ZeroDivisionError)
GILPY_API_EXC(KeyboardInterrupt)
GILPY_API_EXC(BaseException)
GILPY_API_EXC(UnicodeError)
GILPY_API_EXC(TimeoutError)
#undef GILPY_API_EXC
}  // namespace exc

}  // namespace gilpy::api

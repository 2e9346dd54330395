// The GIL in extensions. Part of the public extension API (gilpy/gilpy.h).
//
// Your functions are called holding the GIL. Two RAII guards change that:
//
//  - ReleaseGil: release the GIL for long native work that touches no Python object, so that other
//    Python threads run meanwhile (CPython's Py_BEGIN_ALLOW_THREADS / Py_END_ALLOW_THREADS). Copy
//    what you need out of Python objects first; inside the block use only C++ data; the GIL is
//    taken back when the guard is destroyed:
//        long n = args.get<long>(0);
//        long result;
//        { gp::ReleaseGil nogil; result = heavy(n); }
//        return result;
//    Inside the block: no Handle copies or destructions, no API calls, no throwing gp::Error.
//
//  - AcquireGil: take the GIL on a thread the interpreter did not start (a thread of a C++
//    library calling back into Python), making it a Python thread for the guard's lifetime
//    (CPython's PyGILState_Ensure / PyGILState_Release). Nesting is allowed; on a thread that
//    already holds the GIL it does nothing; on a Python thread inside a ReleaseGil block it takes
//    the GIL back until it is destroyed.
//        std::thread t([cb] { gp::AcquireGil gil; (*cb)(42); });
//    Do not use it after the interpreter began to shut down: the thread blocks forever (as
//    CPython's daemon threads).
#pragma once

#include "gilpy/object.h"

namespace gilpy::api {

namespace detail {
GILPY_API void* release_gil();       // returns the thread's state
GILPY_API void restore_gil(void* state);
GILPY_API int ensure_gil();          // PyGILState_Ensure: returns a token for release_ensured
GILPY_API void release_ensured(int token);
GILPY_API bool holds_gil();          // does this thread hold the GIL?
}  // namespace detail

class ReleaseGil {
 public:
  ReleaseGil() : state_(detail::release_gil()) {}
  ~ReleaseGil() { detail::restore_gil(state_); }
  ReleaseGil(const ReleaseGil&) = delete;
  ReleaseGil& operator=(const ReleaseGil&) = delete;

 private:
  void* state_;
};

class AcquireGil {
 public:
  AcquireGil() : token_(detail::ensure_gil()) {}
  ~AcquireGil() { detail::release_ensured(token_); }
  AcquireGil(const AcquireGil&) = delete;
  AcquireGil& operator=(const AcquireGil&) = delete;

 private:
  int token_;
};

// Does the calling thread hold the GIL?
inline bool holds_gil() { return detail::holds_gil(); }

}  // namespace gilpy::api

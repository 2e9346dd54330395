// gilpy's public C++ extension API. Include this one header:
//
//     #include <gilpy/gilpy.h>
//     namespace gp = gilpy::api;
//
// An extension is a shared library NAME.so defining `extern "C" gilpy_module_init_NAME()`
// (written for you by GILPY_MODULE(NAME, m) { ... }); `import NAME` finds it on sys.path (or in
// <directory of the gilpy executable>/ext) and calls it. Build it with the CMake function
// gilpy_add_extension(NAME SOURCES...) (cmake/GilpyExtension.cmake). docs/extending.md is the
// guide; the headers are the reference:
//   gilpy/object.h   Handle (owning) / Borrowed (non-owning) references and operations on objects
//   gilpy/error.h    Error (a Python exception as a C++ exception), raise(), the exception types
//   gilpy/convert.h  to_python / cast<T>: int, float, bool, str, bytes, list, tuple, dict, None
//   gilpy/gil.h      ReleaseGil (around long native work), AcquireGil (native threads)
//   gilpy/module.h   GILPY_MODULE, Module::def, Args / Signature, Class<T> (new types)
//
// Versioning: GILPY_API_VERSION_MAJOR changes when the API or its binary interface changes
// incompatibly; the interpreter refuses (ImportError) an extension built for another major
// version. MINOR grows with additions. Extensions must be built with the same compiler and C++
// standard library as the interpreter (the API passes C++ types such as std::string).
#pragma once

#define GILPY_API_VERSION_MAJOR 1
#define GILPY_API_VERSION_MINOR 0
#define GILPY_API_VERSION (GILPY_API_VERSION_MAJOR * 1000 + GILPY_API_VERSION_MINOR)

#include "gilpy/object.h"
#include "gilpy/error.h"
#include "gilpy/convert.h"
#include "gilpy/gil.h"
#include "gilpy/module.h"

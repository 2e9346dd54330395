// Raising and inspecting exceptions from C++.
//
// The exception being raised lives on the current thread state (vm/state.h) as ONE normalized
// exception instance (as in CPython 3.12: no separate type/value/traceback triple). Every API
// function that fails sets it and returns nullptr / -1; callers propagate that failure up to the
// eval loop, which unwinds Python frames through the code object's exception table.
//
// C++ exceptions are never used for Python exceptions: raising and catching Python exceptions in
// loops must stay cheap, and the extension API must not depend on C++ unwinding.
#pragma once

#include <cstdarg>

#include "core/type.h"

namespace gilpy {

// The built-in exception types (objects/exceptions.cpp). Static, immortal.
#define GILPY_FOR_EACH_EXCEPTION(X)                      \
  X(BaseException, nullptr)                              \
  X(BaseExceptionGroup, BaseException)                   \
  X(SystemExit, BaseException)                           \
  X(KeyboardInterrupt, BaseException)                    \
  X(GeneratorExit, BaseException)                        \
  X(Exception, BaseException)                            \
  X(StopIteration, Exception)                            \
  X(StopAsyncIteration, Exception)                       \
  X(ArithmeticError, Exception)                          \
  X(FloatingPointError, ArithmeticError)                 \
  X(OverflowError, ArithmeticError)                      \
  X(ZeroDivisionError, ArithmeticError)                  \
  X(AssertionError, Exception)                           \
  X(AttributeError, Exception)                           \
  X(BufferError, Exception)                              \
  X(EOFError, Exception)                                 \
  X(ExceptionGroup, Exception)                           \
  X(ImportError, Exception)                              \
  X(ModuleNotFoundError, ImportError)                    \
  X(LookupError, Exception)                              \
  X(IndexError, LookupError)                             \
  X(KeyError, LookupError)                               \
  X(MemoryError, Exception)                              \
  X(NameError, Exception)                                \
  X(UnboundLocalError, NameError)                        \
  X(OSError, Exception)                                  \
  X(BlockingIOError, OSError)                            \
  X(ChildProcessError, OSError)                          \
  X(ConnectionError, OSError)                            \
  X(BrokenPipeError, ConnectionError)                    \
  X(ConnectionAbortedError, ConnectionError)             \
  X(ConnectionRefusedError, ConnectionError)             \
  X(ConnectionResetError, ConnectionError)               \
  X(FileExistsError, OSError)                            \
  X(FileNotFoundError, OSError)                          \
  X(InterruptedError, OSError)                           \
  X(IsADirectoryError, OSError)                          \
  X(NotADirectoryError, OSError)                         \
  X(PermissionError, OSError)                            \
  X(ProcessLookupError, OSError)                         \
  X(TimeoutError, OSError)                               \
  X(ReferenceError, Exception)                           \
  X(RuntimeError, Exception)                             \
  X(NotImplementedError, RuntimeError)                   \
  X(RecursionError, RuntimeError)                        \
  X(SyntaxError, Exception)                              \
  X(IndentationError, SyntaxError)                       \
  X(TabError, IndentationError)                          \
  X(SystemError, Exception)                              \
  X(TypeError, Exception)                                \
  X(ValueError, Exception)                               \
  X(UnicodeError, ValueError)                            \
  X(UnicodeDecodeError, UnicodeError)                    \
  X(UnicodeEncodeError, UnicodeError)                    \
  X(UnicodeTranslateError, UnicodeError)                 \
  X(Warning, Exception)                                  \
  X(DeprecationWarning, Warning)                         \
  X(PendingDeprecationWarning, Warning)                  \
  X(RuntimeWarning, Warning)                             \
  X(SyntaxWarning, Warning)                              \
  X(UserWarning, Warning)                                \
  X(FutureWarning, Warning)                              \
  X(ImportWarning, Warning)                              \
  X(UnicodeWarning, Warning)                             \
  X(BytesWarning, Warning)                               \
  X(ResourceWarning, Warning)                            \
  X(EncodingWarning, Warning)

#define GILPY_DECLARE_EXC(name, base) extern TypeObject Exc_##name;
GILPY_FOR_EACH_EXCEPTION(GILPY_DECLARE_EXC)
#undef GILPY_DECLARE_EXC

// ---- Raising ------------------------------------------------------------------------------------
// Set the current exception to a new instance of `type` with the given args (value may be null:
// no args; a tuple is NOT unpacked: it becomes the single argument, except via err_set_args).
void err_set(TypeObject* type, Object* value);
void err_set_string(TypeObject* type, const char* msg);
// printf-style formatting plus two gilpy conversions, both taking an Object*:
//   %R  repr(obj)      %S  str(obj)      %T  type name of obj (like CPython's %T / Py_TYPE()->tp_name)
// and %U for a str object inserted as is. Always returns nullptr so you can `return err_format(...)`.
Object* err_format(TypeObject* type, const char* fmt, ...);
Object* err_vformat(TypeObject* type, const char* fmt, va_list ap);
// Raise an existing exception instance (or class: it is instantiated). Steals nothing.
void err_set_object(Object* exc);
// OSError (or the errno-specific subclass) from errno, optionally with a filename.
Object* err_set_from_errno(TypeObject* type, Object* filename = nullptr);

// ---- Inspecting ---------------------------------------------------------------------------------
bool err_occurred();
Object* err_occurred_borrowed();  // the current exception instance, or nullptr
// Is the current exception an instance of `type` (or of one of the types in a tuple)?
bool err_matches(TypeObject* type);
bool exception_matches(Object* exc, Object* type_or_tuple);
void err_clear();
// Take the current exception out of the thread state (new reference; nullptr if none).
Object* err_fetch();
// Put an exception back (steals the reference; nullptr clears).
void err_restore(Object* exc);

// Print the current exception with its traceback to sys.stderr and clear it (like PyErr_Print).
void err_print();
// Report an exception that cannot be raised (e.g. in __del__): "Exception ignored in: ..."
void err_write_unraisable(Object* context);

// Raise SystemError for a "can't happen" situation in the interpreter; returns nullptr.
Object* err_bad_internal_call(const char* where);

// Chain: set exc.__context__ when raising while handling another exception (done by the eval loop).
void exception_set_context(Object* exc, Object* context);  // steals `context`
void exception_set_cause(Object* exc, Object* cause);      // steals `cause`
Object* exception_get_args(Object* exc);                    // new ref to args tuple
Object* exception_get_traceback_borrowed(Object* exc);
void exception_set_traceback(Object* exc, Object* tb);      // does not steal

// Print `exc` with its traceback (and its __cause__/__context__ chain) to the file object `file`
// (sys.stderr normally; null: the C stderr), as traceback.print_exception. Implemented by the eval
// engineer in vm/traceback.cpp; err_print and err_write_unraisable call it.
void traceback_print_exception(Object* exc, Object* file);

}  // namespace gilpy

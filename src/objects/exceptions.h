// The built-in exception hierarchy (objects/exceptions.cpp): instance layouts and the helpers the
// rest of the interpreter uses to create, raise and inspect exceptions. The type objects themselves
// (Exc_BaseException ... Exc_EncodingWarning) are declared by GILPY_FOR_EACH_EXCEPTION in
// core/error.h; raising goes through core/error.h (err_format & co).
//
// Every exception instance starts with BaseExceptionObject; subclasses with extra attributes
// (OSError, SyntaxError, ...) extend it and their Python subclasses inherit the layout. All fields
// are owned references or null. `args` is never null once the object is initialised (an empty
// tuple by default). `suppress_context` is set by `raise ... from ...`.
#pragma once

#include "core/error.h"

namespace gilpy {

struct BaseExceptionObject : Object {
  Object* dict;       // instance __dict__ (created lazily)
  Object* args;       // tuple
  Object* traceback;  // traceback object or null
  Object* context;
  Object* cause;
  bool suppress_context;
};

struct StopIterationObject : BaseExceptionObject {
  Object* value;
};
struct SystemExitObject : BaseExceptionObject {
  Object* code;
};
struct ImportErrorObject : BaseExceptionObject {
  Object* msg;
  Object* name;
  Object* path;
  Object* name_from;
};
struct OSErrorObject : BaseExceptionObject {
  Object* myerrno;
  Object* strerror;
  Object* filename;
  Object* filename2;
  Object* winerror;
  ssize written;  // BlockingIOError.characters_written; -1 when unset
};
struct SyntaxErrorObject : BaseExceptionObject {
  Object* msg;
  Object* filename;
  Object* lineno;
  Object* offset;
  Object* end_lineno;
  Object* end_offset;
  Object* text;
  Object* print_file_and_line;
};
struct NameErrorObject : BaseExceptionObject {
  Object* name;
};
struct AttributeErrorObject : BaseExceptionObject {
  Object* obj;
  Object* name;
};
struct UnicodeErrorObject : BaseExceptionObject {
  Object* encoding;
  Object* object;
  ssize start;
  ssize end;
  Object* reason;
};
struct BaseExceptionGroupObject : BaseExceptionObject {
  Object* msg;
  Object* excs;  // tuple
};

inline bool exception_check(Object* o) {
  return type_has_flag(type_of(o), TPFLAG_BASE_EXC_SUBCLASS);
}
inline bool exception_class_check(Object* o) {
  return type_has_flag(type_of(o), TPFLAG_TYPE_SUBCLASS) &&
         type_has_flag(static_cast<TypeObject*>(o), TPFLAG_BASE_EXC_SUBCLASS);
}

// Instantiate `type` (any BaseException subclass, Python subclasses included) with these args by
// calling it; new reference or nullptr.
Object* exception_new(TypeObject* type, Object* const* args, ssize nargs);

// Accessors (borrowed; null when unset).
inline Object* exception_context_borrowed(Object* exc) {
  return static_cast<BaseExceptionObject*>(exc)->context;
}
inline Object* exception_cause_borrowed(Object* exc) {
  return static_cast<BaseExceptionObject*>(exc)->cause;
}
inline bool exception_suppress_context(Object* exc) {
  return static_cast<BaseExceptionObject*>(exc)->suppress_context;
}
void exception_set_suppress_context(Object* exc, bool suppress);
// __notes__ (from the instance dict, as CPython keeps it) or null: borrowed.
Object* exception_notes_borrowed(Object* exc);

// StopIteration.value (new reference; None when the exception carries no value).
Object* stop_iteration_value(Object* exc);
// Raise StopIteration(value) (value is kept as the single argument even when it is a tuple).
void err_set_stop_iteration(Object* value);
// Raise KeyError(key) (key kept as the single argument even when it is a tuple).
void err_set_key_error(Object* key);
// Raise AttributeError with `name` and `obj` attributes set (for "Did you mean" suggestions).
// fmt as err_format. Returns nullptr.
Object* err_attribute_error(Object* obj, Object* name, const char* fmt, ...);
// Set .name and .obj on the current exception if it is an AttributeError without them.
void err_attribute_error_set_context(Object* obj, Object* name);
// Raise NameError / UnboundLocalError with the `name` attribute set. fmt as err_format.
Object* err_name_error(TypeObject* type, Object* name, const char* fmt, ...);

// SyntaxError(msg, (filename, lineno, offset, text, end_lineno, end_offset)) of the given type
// (SyntaxError, IndentationError, TabError). filename/text may be null (None). offsets 1-based as
// CPython's; 0 means unknown (None for end positions).
Object* syntax_error_new(TypeObject* type, const char* msg, Object* filename, int lineno,
                         int offset, Object* text, int end_lineno, int end_offset);

// OSError(errno, strerror[, filename[, winerror, filename2]]), mapped to the errno subclass
// (ENOENT -> FileNotFoundError, ...) when `type` is OSError.
Object* os_error_new(TypeObject* type, int errnum, Object* filename, Object* filename2);

// UnicodeDecodeError(encoding, object, start, end, reason); object is bytes.
Object* unicode_decode_error_new(const char* encoding, const char* data, ssize len, ssize start,
                                 ssize end, const char* reason);
// UnicodeEncodeError(encoding, object, start, end, reason); object is str.
Object* unicode_encode_error_new(const char* encoding, Object* str, ssize start, ssize end,
                                 const char* reason);

// SystemExit.code (borrowed; None when absent).
Object* system_exit_code_borrowed(Object* exc);

}  // namespace gilpy

// The built-in exception hierarchy (objects/exceptions.h; the types are declared by
// GILPY_FOR_EACH_EXCEPTION in core/error.h).
//
// Every exception type is a static, subclassable TypeObject `Exc_Xxx` whose instances start with
// BaseExceptionObject (args, traceback, context, cause, suppress_context, instance __dict__).
// Types with extra attributes use a larger layout (StopIterationObject, OSErrorObject, ...) and
// their own new/init/str; every other slot comes from BaseException. As in CPython:
//  - BaseException.__new__ stores args (keyword arguments are refused by __init__ only, so
//    subclasses whose __init__ takes keywords work);
//  - str(): '' / str(arg) / str(args); repr(): Name(args...); KeyError's str is repr(key);
//  - OSError(errno, strerror, ...) picks the errno subclass (ENOENT -> FileNotFoundError) when
//    called as OSError itself, and keeps (errno, strerror) as args;
//  - __notes__ lives in the instance dict (add_note appends to it).
// Instances own every field; dealloc clears them.
#include "objects/exceptions.h"

#include <cerrno>
#include <cstddef>
#include <cstring>
#include <string>

#include "core/abstract.h"
#include "core/args.h"
#include "core/descr.h"
#include "core/error.h"
#include "core/internal.h"
#include "core/types_init.h"
#include "objects/bytesobject.h"
#include "objects/containers.h"
#include "objects/intobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"

#pragma GCC diagnostic ignored "-Winvalid-offsetof"

namespace gilpy {

#define GILPY_DEFINE_EXC(name, base) TypeObject Exc_##name;
GILPY_FOR_EACH_EXCEPTION(GILPY_DEFINE_EXC)
#undef GILPY_DEFINE_EXC

namespace {

struct ExcDoc {
  const char* name;
  const char* doc;
};
const ExcDoc kExcDocs[] = {
    {"BaseException", "Common base class for all exceptions"},
    {"BaseExceptionGroup", "A combination of multiple unrelated exceptions."},
    {"SystemExit", "Request to exit from the interpreter."},
    {"KeyboardInterrupt", "Program interrupted by user."},
    {"GeneratorExit", "Request that a generator exit."},
    {"Exception", "Common base class for all non-exit exceptions."},
    {"StopIteration", "Signal the end from iterator.__next__()."},
    {"StopAsyncIteration", "Signal the end from iterator.__anext__()."},
    {"ArithmeticError", "Base class for arithmetic errors."},
    {"FloatingPointError", "Floating point operation failed."},
    {"OverflowError", "Result too large to be represented."},
    {"ZeroDivisionError", "Second argument to a division or modulo operation was zero."},
    {"AssertionError", "Assertion failed."},
    {"AttributeError", "Attribute not found."},
    {"BufferError", "Buffer error."},
    {"EOFError", "Read beyond end of file."},
    {"ExceptionGroup", nullptr},
    {"ImportError", "Import can't find module, or can't find name in module."},
    {"ModuleNotFoundError", "Module not found."},
    {"LookupError", "Base class for lookup errors."},
    {"IndexError", "Sequence index out of range."},
    {"KeyError", "Mapping key not found."},
    {"MemoryError", "Out of memory."},
    {"NameError", "Name not found globally."},
    {"UnboundLocalError", "Local name referenced but not bound to a value."},
    {"OSError", "Base class for I/O related errors."},
    {"BlockingIOError", "I/O operation would block."},
    {"ChildProcessError", "Child process error."},
    {"ConnectionError", "Connection error."},
    {"BrokenPipeError", "Broken pipe."},
    {"ConnectionAbortedError", "Connection aborted."},
    {"ConnectionRefusedError", "Connection refused."},
    {"ConnectionResetError", "Connection reset."},
    {"FileExistsError", "File already exists."},
    {"FileNotFoundError", "File not found."},
    {"InterruptedError", "Interrupted by signal."},
    {"IsADirectoryError", "Operation doesn't work on directories."},
    {"NotADirectoryError", "Operation only works on directories."},
    {"PermissionError", "Not enough permissions."},
    {"ProcessLookupError", "Process not found."},
    {"TimeoutError", "Timeout expired."},
    {"ReferenceError", "Weak ref proxy used after referent went away."},
    {"RuntimeError", "Unspecified run-time error."},
    {"NotImplementedError", "Method or function hasn't been implemented yet."},
    {"RecursionError", "Recursion limit exceeded."},
    {"SyntaxError", "Invalid syntax."},
    {"IndentationError", "Improper indentation."},
    {"TabError", "Improper mixture of spaces and tabs."},
    {"SystemError", "Internal error in the Python interpreter.\n\nPlease report this to the Python maintainer, along with the traceback,\nthe Python version, and the hardware/OS platform and version."},
    {"TypeError", "Inappropriate argument type."},
    {"ValueError", "Inappropriate argument value (of correct type)."},
    {"UnicodeError", "Unicode related error."},
    {"UnicodeDecodeError", "Unicode decoding error."},
    {"UnicodeEncodeError", "Unicode encoding error."},
    {"UnicodeTranslateError", "Unicode translation error."},
    {"Warning", "Base class for warning categories."},
    {"DeprecationWarning", "Base class for warnings about deprecated features."},
    {"PendingDeprecationWarning", "Base class for warnings about features which will be deprecated\nin the future."},
    {"RuntimeWarning", "Base class for warnings about dubious runtime behavior."},
    {"SyntaxWarning", "Base class for warnings about dubious syntax."},
    {"UserWarning", "Base class for warnings generated by user code."},
    {"FutureWarning", "Base class for warnings about constructs that will change semantically\nin the future."},
    {"ImportWarning", "Base class for warnings about probable mistakes in module imports"},
    {"UnicodeWarning", "Base class for warnings about Unicode related problems, mostly\nrelated to conversion problems."},
    {"BytesWarning", "Base class for warnings about bytes and buffer related problems, mostly\nrelated to conversion from str or comparing to str."},
    {"ResourceWarning", "Base class for warnings about resource usage."},
    {"EncodingWarning", "Base class for warnings about encodings."},
};

inline BaseExceptionObject* as_exc(Object* o) { return static_cast<BaseExceptionObject*>(o); }
inline Object* or_none(Object* o) { return newref(o ? o : None); }

// ---- BaseException -------------------------------------------------------------------------------------
Object* BaseException_new(TypeObject* type, Object* const* args, ssize nargs, Object* kwnames) {
  Ref self = Ref::steal(object_alloc(type, size_t(type->basicsize)));
  if (!self) return nullptr;
  as_exc(self.get())->args = tuple_from_array(args, nargs);
  if (!as_exc(self.get())->args) return nullptr;
  return self.release();
}

int BaseException_init(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (kwnames && tuple_size(kwnames)) {
    err_format(&Exc_TypeError, "%s() takes no keyword arguments", type_name(type_of(self)));
    return -1;
  }
  Object* t = tuple_from_array(args, nargs);
  if (!t) return -1;
  setref(&as_exc(self)->args, t);
  return 0;
}

void clear_base(BaseExceptionObject* e) {
  clear_ref(&e->dict);
  clear_ref(&e->args);
  clear_ref(&e->traceback);
  clear_ref(&e->context);
  clear_ref(&e->cause);
}

void BaseException_dealloc(Object* self) {
  clear_base(as_exc(self));
  object_free(self);
}

Object* BaseException_str(Object* self) {
  Object* args = as_exc(self)->args;
  ssize n = args ? tuple_size(args) : 0;
  if (n == 0) return str_from_utf8("", 0);
  if (n == 1) return object_str(tuple_get_borrowed(args, 0));
  return object_str(args);
}

Object* BaseException_repr(Object* self) {
  Object* args = as_exc(self)->args;
  StrWriter w;
  w.append(type_name(type_of(self)));
  if (args && tuple_size(args) == 1) {
    w.append("(");
    if (!w.append_repr(tuple_get_borrowed(args, 0))) return nullptr;
    w.append(")");
  } else if (args) {
    if (!w.append_repr(args)) return nullptr;
  } else {
    w.append("()");
  }
  return w.finish();
}

Object* exc_get_args(Object* self) { return exception_get_args(self); }
int exc_set_args(Object* self, Object* value) {
  if (!value) {
    err_format(&Exc_TypeError, "args may not be deleted");
    return -1;
  }
  Object* t = sequence_tuple(value);
  if (!t) return -1;
  setref(&as_exc(self)->args, t);
  return 0;
}
Object* exc_get_tb(Object* self) { return or_none(as_exc(self)->traceback); }
int exc_set_tb(Object* self, Object* value) {
  if (!value) {
    err_format(&Exc_TypeError, "__traceback__ may not be deleted");
    return -1;
  }
  if (value != None && std::strcmp(type_of(value)->name, "traceback") != 0) {
    err_format(&Exc_TypeError, "__traceback__ must be a traceback or None");
    return -1;
  }
  exception_set_traceback(self, value);
  return 0;
}
Object* exc_get_context(Object* self) { return or_none(as_exc(self)->context); }
int exc_set_context(Object* self, Object* value) {
  if (!value) {
    err_format(&Exc_TypeError, "__context__ may not be deleted");
    return -1;
  }
  if (value == None) {
    clear_ref(&as_exc(self)->context);
    return 0;
  }
  if (!exception_check(value)) {
    err_format(&Exc_TypeError, "exception context must be None or derive from BaseException");
    return -1;
  }
  setref(&as_exc(self)->context, newref(value));
  return 0;
}
Object* exc_get_cause(Object* self) { return or_none(as_exc(self)->cause); }
int exc_set_cause(Object* self, Object* value) {
  if (!value) {
    err_format(&Exc_TypeError, "__cause__ may not be deleted");
    return -1;
  }
  if (value == None) {
    as_exc(self)->suppress_context = true;
    clear_ref(&as_exc(self)->cause);
    return 0;
  }
  if (!exception_check(value)) {
    err_format(&Exc_TypeError, "exception cause must be None or derive from BaseException");
    return -1;
  }
  exception_set_cause(self, newref(value));
  return 0;
}
Object* exc_get_dict(Object* self) {
  auto* e = as_exc(self);
  if (!e->dict) {
    e->dict = dict_new();
    if (!e->dict) return nullptr;
  }
  return newref(e->dict);
}
int exc_set_dict(Object* self, Object* value) {
  if (!value) {
    err_format(&Exc_TypeError, "__dict__ may not be deleted");
    return -1;
  }
  if (!dict_check(value)) {
    err_format(&Exc_TypeError, "__dict__ must be a dictionary, not a '%T'", value);
    return -1;
  }
  setref(&as_exc(self)->dict, newref(value));
  return 0;
}

const GetSetDef kBaseExcGetSets[] = {
    {"__dict__", exc_get_dict, exc_set_dict, nullptr},
    {"args", exc_get_args, exc_set_args, nullptr},
    {"__traceback__", exc_get_tb, exc_set_tb, nullptr},
    {"__context__", exc_get_context, exc_set_context, "exception context"},
    {"__cause__", exc_get_cause, exc_set_cause, "exception cause"},
    {nullptr, nullptr, nullptr, nullptr},
};
const MemberDef kBaseExcMembers[] = {
    {"__suppress_context__", MEMBER_BOOL, ssize(offsetof(BaseExceptionObject, suppress_context)),
     0, nullptr},
    {nullptr, MEMBER_OBJECT, 0, 0, nullptr},
};

Object* exc_with_traceback(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("with_traceback", kwnames) ||
      !check_positional("with_traceback", nargs, 1, 1))
    return nullptr;
  if (exc_set_tb(self, args[0]) < 0) return nullptr;
  return newref(self);
}

Object* exc_add_note(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("add_note", kwnames) || !check_positional("add_note", nargs, 1, 1))
    return nullptr;
  Object* note = args[0];
  if (!str_check(note)) {
    return err_format(&Exc_TypeError, "note must be a str, not '%T'", note);
  }
  Object* notes = nullptr;
  if (object_lookup_attr(self, str_intern_cstr_borrowed("__notes__"), &notes) < 0) return nullptr;
  Ref n = Ref::steal(notes);
  if (!n) {
    n = Ref::steal(list_new(0));
    if (!n || object_setattr_str(self, "__notes__", n.get()) < 0) return nullptr;
  } else if (!list_check(n.get())) {
    return err_format(&Exc_TypeError, "Cannot add note: __notes__ is not a list");
  }
  if (list_append(n.get(), note) < 0) return nullptr;
  return none_ref();
}

Object* exc_reduce(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  auto* e = as_exc(self);
  Object* args = e->args ? e->args : nullptr;
  Ref a = args ? Ref::borrow(args) : Ref::steal(tuple_empty());
  if (e->dict && dict_size(e->dict) > 0) {
    return tuple_pack(3, as_object(type_of(self)), a.get(), e->dict);
  }
  return tuple_pack(2, as_object(type_of(self)), a.get());
}

Object* exc_setstate(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_positional("__setstate__", nargs, 1, 1)) return nullptr;
  Object* state = args[0];
  if (state != None) {
    if (!dict_check(state)) return err_format(&Exc_TypeError, "state is not a dictionary");
    ssize pos = 0;
    Object *k, *v;
    while (dict_next(state, &pos, &k, &v)) {
      if (object_setattr(self, k, v) < 0) return nullptr;
    }
  }
  return none_ref();
}

const MethodDef kBaseExcMethods[] = {
    {"__reduce__", exc_reduce, METH_DEFAULT, nullptr},
    {"__setstate__", exc_setstate, METH_DEFAULT, nullptr},
    {"with_traceback", exc_with_traceback, METH_DEFAULT,
     "Exception.with_traceback(tb) --\n    set self.__traceback__ to tb and return self."},
    {"add_note", exc_add_note, METH_DEFAULT,
     "Exception.add_note(note) --\n    add a note to the exception"},
    {nullptr, nullptr, 0, nullptr},
};

// Split vectorcall keyword arguments: only the names in `allowed` are accepted; values go to out.
// ImportError's keyword-only arguments. Unlike the other exceptions (core/args.h parse_args), CPython
// checks every name before counting them, and always names ImportError, even for subclasses.
bool parse_kw_only(const char* tname, Object* kwnames, Object* const* kwvalues,
                   const char* const* allowed, Object** out) {
  int n = 0;
  while (allowed[n]) out[n++] = nullptr;
  ssize nkw = kwnames ? tuple_size(kwnames) : 0;
  for (ssize k = 0; k < nkw; ++k) {
    Object* key = tuple_get_borrowed(kwnames, k);
    int idx = -1;
    for (int i = 0; i < n; ++i) {
      if (str_equal_cstr(key, allowed[i])) idx = i;
    }
    if (idx < 0) {
      err_format(&Exc_TypeError, "%R is an invalid keyword argument for %s()", key, tname);
      return false;
    }
    out[idx] = kwvalues[k];
  }
  return true;
}

// ---- StopIteration, SystemExit ---------------------------------------------------------------------------
int StopIteration_init(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (BaseException_init(self, args, nargs, kwnames) < 0) return -1;
  setref(&static_cast<StopIterationObject*>(self)->value, newref(nargs ? args[0] : None));
  return 0;
}
void StopIteration_dealloc(Object* self) {
  clear_ref(&static_cast<StopIterationObject*>(self)->value);
  BaseException_dealloc(self);
}
const MemberDef kStopIterationMembers[] = {
    {"value", MEMBER_OBJECT, ssize(offsetof(StopIterationObject, value)), 0,
     "generator return value"},
    {nullptr, MEMBER_OBJECT, 0, 0, nullptr},
};

int SystemExit_init(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (BaseException_init(self, args, nargs, kwnames) < 0) return -1;
  Object* code = nargs == 0 ? newref(None) : nargs == 1 ? newref(args[0]) : newref(as_exc(self)->args);
  setref(&static_cast<SystemExitObject*>(self)->code, code);
  return 0;
}
void SystemExit_dealloc(Object* self) {
  clear_ref(&static_cast<SystemExitObject*>(self)->code);
  BaseException_dealloc(self);
}
const MemberDef kSystemExitMembers[] = {
    {"code", MEMBER_OBJECT, ssize(offsetof(SystemExitObject, code)), 0, "exception code"},
    {nullptr, MEMBER_OBJECT, 0, 0, nullptr},
};

// ---- ImportError ------------------------------------------------------------------------------------------
int ImportError_init(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"name", "path", nullptr};
  Object* out[2];
  if (!parse_kw_only("ImportError", kwnames, args + nargs, kw, out)) return -1;
  if (BaseException_init(self, args, nargs, nullptr) < 0) return -1;
  auto* e = static_cast<ImportErrorObject*>(self);
  setref(&e->name, out[0] ? newref(out[0]) : nullptr);
  setref(&e->path, out[1] ? newref(out[1]) : nullptr);
  setref(&e->msg, nargs == 1 ? newref(args[0]) : nullptr);
  return 0;
}
void ImportError_dealloc(Object* self) {
  auto* e = static_cast<ImportErrorObject*>(self);
  clear_ref(&e->msg);
  clear_ref(&e->name);
  clear_ref(&e->path);
  clear_ref(&e->name_from);
  BaseException_dealloc(self);
}
Object* ImportError_str(Object* self) {
  auto* e = static_cast<ImportErrorObject*>(self);
  if (e->msg && str_check(e->msg)) return newref(e->msg);
  return BaseException_str(self);
}
const MemberDef kImportErrorMembers[] = {
    {"msg", MEMBER_OBJECT, ssize(offsetof(ImportErrorObject, msg)), 0, "exception message"},
    {"name", MEMBER_OBJECT, ssize(offsetof(ImportErrorObject, name)), 0, "module name"},
    {"path", MEMBER_OBJECT, ssize(offsetof(ImportErrorObject, path)), 0, "module path"},
    {"name_from", MEMBER_OBJECT, ssize(offsetof(ImportErrorObject, name_from)), 0, "name imported from module"},
    {nullptr, MEMBER_OBJECT, 0, 0, nullptr},
};

// ---- NameError, AttributeError -------------------------------------------------------------------------------
int NameError_init(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  // Keyword-only name=; messages name NameError even for subclasses, as CPython's.
  static const char* const kw[] = {"name", nullptr};
  static const ArgSpec spec{"NameError", kw, 0, 0};
  Object* out[1];
  if (!parse_args(spec, args + nargs, 0, kwnames, out)) return -1;
  if (BaseException_init(self, args, nargs, nullptr) < 0) return -1;
  setref(&static_cast<NameErrorObject*>(self)->name, out[0] ? newref(out[0]) : nullptr);
  return 0;
}
void NameError_dealloc(Object* self) {
  clear_ref(&static_cast<NameErrorObject*>(self)->name);
  BaseException_dealloc(self);
}
const MemberDef kNameErrorMembers[] = {
    {"name", MEMBER_OBJECT, ssize(offsetof(NameErrorObject, name)), 0, "name"},
    {nullptr, MEMBER_OBJECT, 0, 0, nullptr},
};

int AttributeError_init(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"name", "obj", nullptr};
  static const ArgSpec spec{"AttributeError", kw, 0, 0};
  Object* out[2];
  if (!parse_args(spec, args + nargs, 0, kwnames, out)) return -1;
  if (BaseException_init(self, args, nargs, nullptr) < 0) return -1;
  auto* e = static_cast<AttributeErrorObject*>(self);
  setref(&e->name, out[0] ? newref(out[0]) : nullptr);
  setref(&e->obj, out[1] ? newref(out[1]) : nullptr);
  return 0;
}
void AttributeError_dealloc(Object* self) {
  auto* e = static_cast<AttributeErrorObject*>(self);
  clear_ref(&e->name);
  clear_ref(&e->obj);
  BaseException_dealloc(self);
}
const MemberDef kAttributeErrorMembers[] = {
    {"name", MEMBER_OBJECT, ssize(offsetof(AttributeErrorObject, name)), 0, "attribute name"},
    {"obj", MEMBER_OBJECT, ssize(offsetof(AttributeErrorObject, obj)), 0, "object"},
    {nullptr, MEMBER_OBJECT, 0, 0, nullptr},
};

// ---- KeyError -------------------------------------------------------------------------------------------------
Object* KeyError_str(Object* self) {
  Object* args = as_exc(self)->args;
  if (args && tuple_size(args) == 1) return object_repr(tuple_get_borrowed(args, 0));
  return BaseException_str(self);
}

// ---- OSError --------------------------------------------------------------------------------------------------
TypeObject* errno_subclass(int e) {
  switch (e) {
    case EAGAIN:
#if EWOULDBLOCK != EAGAIN
    case EWOULDBLOCK:
#endif
    case EALREADY:
    case EINPROGRESS: return &Exc_BlockingIOError;
    case ECHILD: return &Exc_ChildProcessError;
    case EPIPE:
    case ESHUTDOWN: return &Exc_BrokenPipeError;
    case ECONNABORTED: return &Exc_ConnectionAbortedError;
    case ECONNREFUSED: return &Exc_ConnectionRefusedError;
    case ECONNRESET: return &Exc_ConnectionResetError;
    case EEXIST: return &Exc_FileExistsError;
    case ENOENT: return &Exc_FileNotFoundError;
    case EISDIR: return &Exc_IsADirectoryError;
    case ENOTDIR: return &Exc_NotADirectoryError;
    case EINTR: return &Exc_InterruptedError;
    case EACCES:
    case EPERM: return &Exc_PermissionError;
    case ESRCH: return &Exc_ProcessLookupError;
    case ETIMEDOUT: return &Exc_TimeoutError;
    default: return nullptr;
  }
}

void OSError_clear_fields(OSErrorObject* e) {
  clear_ref(&e->myerrno);
  clear_ref(&e->strerror);
  clear_ref(&e->filename);
  clear_ref(&e->filename2);
  clear_ref(&e->winerror);
  e->written = -1;
}

// Parse OSError's arguments into the fields; sets args to (errno, strerror) when a filename was
// given (as CPython).
int OSError_parse(Object* self, Object* const* args, ssize nargs) {
  auto* e = static_cast<OSErrorObject*>(self);
  OSError_clear_fields(e);
  Ref a = Ref::steal(tuple_from_array(args, nargs));
  if (!a) return -1;
  if (nargs >= 2 && nargs <= 5) {
    e->myerrno = newref(args[0]);
    e->strerror = newref(args[1]);
    if (nargs >= 3) {
      if (object_type_check(self, &Exc_BlockingIOError) && index_check(args[2])) {
        e->written = number_as_ssize(args[2], &Exc_ValueError);
        if (e->written == -1 && err_occurred()) return -1;
      } else {
        e->filename = newref(args[2]);
        if (nargs >= 5 && args[4] != None) e->filename2 = newref(args[4]);
        if (nargs >= 4 && args[3] != None) e->winerror = newref(args[3]);
        a = Ref::steal(tuple_pack(2, args[0], args[1]));
        if (!a) return -1;
      }
    }
  }
  setref(&as_exc(self)->args, a.release());
  return 0;
}

Object* OSError_new(TypeObject* type, Object* const* args, ssize nargs, Object* kwnames) {
  if (type == &Exc_OSError && nargs >= 2 && int_check(args[0])) {
    bool overflow = false;
    int64_t err = int_as_i64(args[0], &overflow);
    if (!overflow) {
      TypeObject* sub = errno_subclass(int(err));
      if (sub) type = sub;
    }
  }
  Ref self = Ref::steal(object_alloc(type, size_t(type->basicsize)));
  if (!self) return nullptr;
  static_cast<OSErrorObject*>(self.get())->written = -1;
  if (OSError_parse(self.get(), args, nargs) < 0) return nullptr;
  return self.release();
}

int OSError_init(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (kwnames && tuple_size(kwnames)) {
    err_format(&Exc_TypeError, "%s() takes no keyword arguments", type_name(type_of(self)));
    return -1;
  }
  return OSError_parse(self, args, nargs);
}

void OSError_dealloc(Object* self) {
  OSError_clear_fields(static_cast<OSErrorObject*>(self));
  BaseException_dealloc(self);
}

Object* OSError_str(Object* self) {
  auto* e = static_cast<OSErrorObject*>(self);
  Object* en = e->myerrno ? e->myerrno : None;
  Object* se = e->strerror ? e->strerror : None;
  if (e->filename) {
    if (e->filename2) {
      return str_from_format("[Errno %S] %S: %R -> %R", en, se, e->filename, e->filename2);
    }
    return str_from_format("[Errno %S] %S: %R", en, se, e->filename);
  }
  if (e->myerrno && e->strerror) return str_from_format("[Errno %S] %S", en, se);
  return BaseException_str(self);
}

Object* OSError_get_written(Object* self) {
  auto* e = static_cast<OSErrorObject*>(self);
  if (e->written == -1) return err_format(&Exc_AttributeError, "characters_written");
  return int_from_ssize(e->written);
}
int OSError_set_written(Object* self, Object* value) {
  auto* e = static_cast<OSErrorObject*>(self);
  if (!value) {
    if (e->written == -1) {
      err_format(&Exc_AttributeError, "characters_written");
      return -1;
    }
    e->written = -1;
    return 0;
  }
  ssize n = number_as_ssize(value, &Exc_ValueError);
  if (n == -1 && err_occurred()) return -1;
  e->written = n;
  return 0;
}

const MemberDef kOSErrorMembers[] = {
    {"errno", MEMBER_OBJECT, ssize(offsetof(OSErrorObject, myerrno)), 0, "POSIX exception code"},
    {"strerror", MEMBER_OBJECT, ssize(offsetof(OSErrorObject, strerror)), 0, "exception strerror"},
    {"filename", MEMBER_OBJECT, ssize(offsetof(OSErrorObject, filename)), 0, "exception filename"},
    {"filename2", MEMBER_OBJECT, ssize(offsetof(OSErrorObject, filename2)), 0,
     "second exception filename"},
    {nullptr, MEMBER_OBJECT, 0, 0, nullptr},
};
const GetSetDef kOSErrorGetSets[] = {
    {"characters_written", OSError_get_written, OSError_set_written, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

// ---- SyntaxError ----------------------------------------------------------------------------------------------
void SyntaxError_clear_fields(SyntaxErrorObject* e) {
  clear_ref(&e->msg);
  clear_ref(&e->filename);
  clear_ref(&e->lineno);
  clear_ref(&e->offset);
  clear_ref(&e->end_lineno);
  clear_ref(&e->end_offset);
  clear_ref(&e->text);
  clear_ref(&e->print_file_and_line);
}

int SyntaxError_init(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (BaseException_init(self, args, nargs, kwnames) < 0) return -1;
  auto* e = static_cast<SyntaxErrorObject*>(self);
  SyntaxError_clear_fields(e);
  if (nargs >= 1) e->msg = newref(args[0]);
  if (nargs == 2) {
    Ref info = Ref::steal(sequence_tuple(args[1]));
    if (!info) return -1;
    ssize n = tuple_size(info.get());
    if (n < 4) {
      err_format(&Exc_TypeError, "function takes at least 4 arguments (%zd given)", n);
      return -1;
    }
    if (n > 6) {
      err_format(&Exc_TypeError, "function takes at most 6 arguments (%zd given)", n);
      return -1;
    }
    Object** it = tuple_items(info.get());
    e->filename = newref(it[0]);
    e->lineno = newref(it[1]);
    e->offset = newref(it[2]);
    e->text = newref(it[3]);
    if (n > 4) e->end_lineno = newref(it[4]);
    if (n > 5) e->end_offset = newref(it[5]);
  }
  return 0;
}

void SyntaxError_dealloc(Object* self) {
  SyntaxError_clear_fields(static_cast<SyntaxErrorObject*>(self));
  BaseException_dealloc(self);
}

Object* SyntaxError_str(Object* self) {
  auto* e = static_cast<SyntaxErrorObject*>(self);
  Ref filename;
  if (e->filename && str_check(e->filename)) {
    std::string_view f = str_view(e->filename);
    size_t slash = f.rfind('/');
    if (slash != f.npos) {
      filename = Ref::steal(str_from_utf8(f.substr(slash + 1)));
      if (!filename) return nullptr;
    } else {
      filename = Ref::borrow(e->filename);
    }
  }
  bool have_lineno = e->lineno && int_check(e->lineno);
  Object* msg = e->msg ? e->msg : None;
  if (filename && have_lineno) {
    return str_from_format("%S (%U, line %lld)", msg, filename.get(),
                           (long long)int_as_ssize(e->lineno));
  }
  if (filename) return str_from_format("%S (%U)", msg, filename.get());
  if (have_lineno) return str_from_format("%S (line %lld)", msg, (long long)int_as_ssize(e->lineno));
  return object_str(msg);
}

const MemberDef kSyntaxErrorMembers[] = {
    {"msg", MEMBER_OBJECT, ssize(offsetof(SyntaxErrorObject, msg)), 0, "exception msg"},
    {"filename", MEMBER_OBJECT, ssize(offsetof(SyntaxErrorObject, filename)), 0, "exception filename"},
    {"lineno", MEMBER_OBJECT, ssize(offsetof(SyntaxErrorObject, lineno)), 0, "exception lineno"},
    {"offset", MEMBER_OBJECT, ssize(offsetof(SyntaxErrorObject, offset)), 0, "exception offset"},
    {"text", MEMBER_OBJECT, ssize(offsetof(SyntaxErrorObject, text)), 0, "exception text"},
    {"end_lineno", MEMBER_OBJECT, ssize(offsetof(SyntaxErrorObject, end_lineno)), 0, "exception end lineno"},
    {"end_offset", MEMBER_OBJECT, ssize(offsetof(SyntaxErrorObject, end_offset)), 0, "exception end offset"},
    {"print_file_and_line", MEMBER_OBJECT, ssize(offsetof(SyntaxErrorObject, print_file_and_line)), 0,
     "exception print_file_and_line"},
    {nullptr, MEMBER_OBJECT, 0, 0, nullptr},
};

// ---- UnicodeError family ---------------------------------------------------------------------------------------
void UnicodeError_dealloc(Object* self) {
  auto* e = static_cast<UnicodeErrorObject*>(self);
  clear_ref(&e->encoding);
  clear_ref(&e->object);
  clear_ref(&e->reason);
  BaseException_dealloc(self);
}

bool unicode_arg(Object* o, int pos, bool want_str, const char* what) {
  bool ok = want_str ? str_check(o) : int_check(o);
  if (!ok) {
    err_format(&Exc_TypeError, "argument %d must be %s, not %s", pos, what, type_name(type_of(o)));
    return false;
  }
  return true;
}

// kind: 0 decode, 1 encode, 2 translate
int unicode_error_init(Object* self, Object* const* args, ssize nargs, Object* kwnames, int kind) {
  if (BaseException_init(self, args, nargs, kwnames) < 0) return -1;
  auto* e = static_cast<UnicodeErrorObject*>(self);
  ssize want = kind == 2 ? 4 : 5;
  if (nargs != want) {
    err_format(&Exc_TypeError, "function takes exactly %zd arguments (%zd given)", want, nargs);
    return -1;
  }
  int i = 0;
  Ref encoding;
  if (kind != 2) {
    if (!unicode_arg(args[0], 1, true, "str")) return -1;
    encoding = Ref::borrow(args[0]);
    i = 1;
  }
  Object* object = args[i];
  Ref obj;
  if (kind == 0) {
    if (bytes_check(object)) {
      obj = Ref::borrow(object);
    } else if (bytearray_check(object)) {
      auto* ba = static_cast<ByteArrayObject*>(object);
      obj = Ref::steal(bytes_from(ba->data ? ba->data : "", ba->size));
      if (!obj) return -1;
    } else {
      err_format(&Exc_TypeError, "argument %d must be bytes-like object, not '%s'", i + 1,
                 type_name(type_of(object)));
      return -1;
    }
  } else {
    if (!unicode_arg(object, i + 1, true, "str")) return -1;
    obj = Ref::borrow(object);
  }
  if (!unicode_arg(args[i + 1], i + 2, false, "int") || !unicode_arg(args[i + 2], i + 3, false, "int") ||
      !unicode_arg(args[i + 3], i + 4, true, "str"))
    return -1;
  ssize start = int_as_ssize(args[i + 1]);
  if (start == -1 && err_occurred()) return -1;
  ssize end = int_as_ssize(args[i + 2]);
  if (end == -1 && err_occurred()) return -1;
  setref(&e->encoding, encoding.release());
  setref(&e->object, obj.release());
  e->start = start;
  e->end = end;
  setref(&e->reason, newref(args[i + 3]));
  return 0;
}
int UnicodeDecodeError_init(Object* s, Object* const* a, ssize n, Object* k) {
  return unicode_error_init(s, a, n, k, 0);
}
int UnicodeEncodeError_init(Object* s, Object* const* a, ssize n, Object* k) {
  return unicode_error_init(s, a, n, k, 1);
}
int UnicodeTranslateError_init(Object* s, Object* const* a, ssize n, Object* k) {
  return unicode_error_init(s, a, n, k, 2);
}

std::string char_escape(uint32_t ch) {
  char buf[16];
  if (ch <= 0xff) std::snprintf(buf, sizeof buf, "\\x%02x", ch);
  else if (ch <= 0xffff) std::snprintf(buf, sizeof buf, "\\u%04x", ch);
  else std::snprintf(buf, sizeof buf, "\\U%08x", ch);
  return buf;
}

Object* UnicodeDecodeError_str(Object* self) {
  auto* e = static_cast<UnicodeErrorObject*>(self);
  if (!e->object || !e->encoding || !e->reason) return str_from_utf8("", 0);
  ssize len = bytes_size(e->object);
  ssize start = e->start < 0 ? 0 : e->start;
  if (start >= len) start = len == 0 ? 0 : len - 1;
  ssize end = e->end < 1 ? 1 : e->end;
  if (end > len) end = len;
  if (start < len && end == start + 1) {
    unsigned byte = static_cast<unsigned char>(bytes_data(e->object)[start]);
    return str_from_format("'%U' codec can't decode byte 0x%02x in position %zd: %U", e->encoding,
                           byte, start, e->reason);
  }
  return str_from_format("'%U' codec can't decode bytes in position %zd-%zd: %U", e->encoding,
                         start, end - 1, e->reason);
}

Object* unicode_str_common(Object* self, bool translate) {
  auto* e = static_cast<UnicodeErrorObject*>(self);
  if (!e->object || !e->reason || (!translate && !e->encoding)) return str_from_utf8("", 0);
  ssize len = str_length(e->object);
  ssize start = e->start < 0 ? 0 : e->start;
  if (start >= len) start = len == 0 ? 0 : len - 1;
  ssize end = e->end < 1 ? 1 : e->end;
  if (end > len) end = len;
  const char* verb = translate ? "translate" : "encode";
  if (start < len && end == start + 1) {
    std::string esc = char_escape(str_read(e->object, start));
    if (translate) {
      return str_from_format("can't translate character '%s' in position %zd: %U", esc.c_str(),
                             start, e->reason);
    }
    return str_from_format("'%U' codec can't encode character '%s' in position %zd: %U",
                           e->encoding, esc.c_str(), start, e->reason);
  }
  if (translate) {
    return str_from_format("can't translate characters in position %zd-%zd: %U", start, end - 1,
                           e->reason);
  }
  (void)verb;
  return str_from_format("'%U' codec can't encode characters in position %zd-%zd: %U",
                         e->encoding, start, end - 1, e->reason);
}
Object* UnicodeEncodeError_str(Object* self) { return unicode_str_common(self, false); }
Object* UnicodeTranslateError_str(Object* self) { return unicode_str_common(self, true); }

const MemberDef kUnicodeErrorMembers[] = {
    {"encoding", MEMBER_OBJECT, ssize(offsetof(UnicodeErrorObject, encoding)), 0, "exception encoding"},
    {"object", MEMBER_OBJECT, ssize(offsetof(UnicodeErrorObject, object)), 0, "exception object"},
    {"start", MEMBER_SSIZE, ssize(offsetof(UnicodeErrorObject, start)), 0, "exception start"},
    {"end", MEMBER_SSIZE, ssize(offsetof(UnicodeErrorObject, end)), 0, "exception end"},
    {"reason", MEMBER_OBJECT, ssize(offsetof(UnicodeErrorObject, reason)), 0, "exception reason"},
    {nullptr, MEMBER_OBJECT, 0, 0, nullptr},
};

// ---- BaseExceptionGroup / ExceptionGroup -----------------------------------------------------------------------
inline BaseExceptionGroupObject* as_eg(Object* o) { return static_cast<BaseExceptionGroupObject*>(o); }

Object* BaseExceptionGroup_new(TypeObject* type, Object* const* args, ssize nargs,
                               Object* kwnames) {
  if (kwnames && tuple_size(kwnames)) {
    return err_format(&Exc_TypeError, "%s() takes no keyword arguments", type_name(type));
  }
  if (nargs != 2) {
    return err_format(&Exc_TypeError, "BaseExceptionGroup.__new__() takes exactly 2 arguments (%zd given)",
                      nargs);
  }
  Object* message = args[0];
  Object* exceptions = args[1];
  if (!str_check(message)) {
    return err_format(&Exc_TypeError, "BaseExceptionGroup.__new__() argument 1 must be str, not %s",
                      type_name(type_of(message)));
  }
  if (set_check(exceptions) || dict_check(exceptions) || str_check(exceptions) ||
      (!list_check(exceptions) && !tuple_check(exceptions) &&
       !type_lookup_borrowed(type_of(exceptions), str_intern_cstr_borrowed("__getitem__")))) {
    return err_format(&Exc_TypeError, "second argument (exceptions) must be a sequence");
  }
  Ref excs = Ref::steal(sequence_tuple(exceptions));
  if (!excs) return nullptr;
  ssize n = tuple_size(excs.get());
  if (n == 0) {
    return err_format(&Exc_ValueError, "second argument (exceptions) must be a non-empty sequence");
  }
  bool nested_base = false;
  for (ssize i = 0; i < n; ++i) {
    Object* e = tuple_get_borrowed(excs.get(), i);
    if (!exception_check(e)) {
      return err_format(&Exc_ValueError, "Item %zd of second argument (exceptions) is not an exception",
                        i);
    }
    if (!object_type_check(e, &Exc_Exception)) nested_base = true;
  }
  TypeObject* cls = type;
  if (cls == &Exc_BaseExceptionGroup) {
    if (!nested_base) cls = &Exc_ExceptionGroup;
  } else if (cls == &Exc_ExceptionGroup) {
    if (nested_base) return err_format(&Exc_TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
  } else if (nested_base && type_is_subtype(cls, &Exc_Exception)) {
    return err_format(&Exc_TypeError, "Cannot nest BaseExceptions in '%s'", cls->name);
  }
  Ref self = Ref::steal(BaseException_new(cls, args, nargs, nullptr));
  if (!self) return nullptr;
  as_eg(self.get())->msg = newref(message);
  as_eg(self.get())->excs = excs.release();
  return self.release();
}

int BaseExceptionGroup_init(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (kwnames && tuple_size(kwnames)) {
    err_format(&Exc_TypeError, "%s() takes no keyword arguments", type_name(type_of(self)));
    return -1;
  }
  return BaseException_init(self, args, nargs, nullptr);
}

void BaseExceptionGroup_dealloc(Object* self) {
  clear_ref(&as_eg(self)->msg);
  clear_ref(&as_eg(self)->excs);
  BaseException_dealloc(self);
}

Object* BaseExceptionGroup_str(Object* self) {
  auto* e = as_eg(self);
  ssize n = e->excs ? tuple_size(e->excs) : 0;
  return str_from_format("%S (%zd sub-exception%s)", e->msg ? e->msg : None, n, n > 1 ? "s" : "");
}

Object* eg_derive(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_positional("derive", nargs, 1, 1)) return nullptr;
  Object* a[2] = {as_eg(self)->msg, args[0]};
  return call(as_object(&Exc_BaseExceptionGroup), a, 2);
}

// Copy __traceback__, __cause__, __context__ and __notes__ from orig to a derived group.
int eg_copy_metadata(Object* orig, Object* eg) {
  auto* o = as_exc(orig);
  exception_set_traceback(eg, o->traceback);
  setref(&as_exc(eg)->context, o->context ? newref(o->context) : nullptr);
  setref(&as_exc(eg)->cause, o->cause ? newref(o->cause) : nullptr);
  as_exc(eg)->suppress_context = o->suppress_context;
  Object* notes = exception_notes_borrowed(orig);
  if (notes) {
    Ref copy = Ref::steal(sequence_list(notes));
    if (!copy || object_setattr_str(eg, "__notes__", copy.get()) < 0) return -1;
  }
  return 0;
}

// condition: an exception type, a tuple of them, or a predicate.
int eg_matches(Object* exc, Object* cond) {
  if (exception_class_check(cond) || tuple_check(cond)) return exception_matches(exc, cond);
  Ref r = Ref::steal(call1(cond, exc));
  if (!r) return -1;
  return object_is_true(r.get());
}

bool check_condition(Object* cond) {
  if (exception_class_check(cond)) return true;
  if (tuple_check(cond)) {
    for (ssize i = 0; i < tuple_size(cond); ++i) {
      if (!exception_class_check(tuple_get_borrowed(cond, i))) goto bad;
    }
    return true;
  }
  if (callable_check(cond)) return true;
bad:
  err_format(&Exc_TypeError, "expected a function, exception type or tuple of exception types");
  return false;
}

// split: *match and *rest get new references or nullptr (None).
int eg_split_impl(Object* self, Object* cond, bool want_rest, Object** match, Object** rest) {
  *match = *rest = nullptr;
  int full = eg_matches(self, cond);
  if (full < 0) return -1;
  if (full) {
    *match = newref(self);
    return 0;
  }
  if (!object_type_check(self, &Exc_BaseExceptionGroup)) {
    if (want_rest) *rest = newref(self);
    return 0;
  }
  Ref mlist = Ref::steal(list_new(0));
  Ref rlist = Ref::steal(list_new(0));
  if (!mlist || !rlist) return -1;
  Object* excs = as_eg(self)->excs;
  for (ssize i = 0; i < tuple_size(excs); ++i) {
    Object *m, *r;
    if (eg_split_impl(tuple_get_borrowed(excs, i), cond, want_rest, &m, &r) < 0) return -1;
    Ref mr = Ref::steal(m), rr = Ref::steal(r);
    if (mr && list_append(mlist.get(), mr.get()) < 0) return -1;
    if (rr && list_append(rlist.get(), rr.get()) < 0) return -1;
  }
  auto make = [&](Object* list, Object** out) -> int {
    if (list_size(list) == 0) return 0;
    Ref d = Ref::steal(call_method1(self, "derive", list));
    if (!d) return -1;
    if (!object_type_check(d.get(), &Exc_BaseExceptionGroup)) {
      err_format(&Exc_TypeError, "derive must return an instance of BaseExceptionGroup");
      return -1;
    }
    if (eg_copy_metadata(self, d.get()) < 0) return -1;
    *out = d.release();
    return 0;
  };
  if (make(mlist.get(), match) < 0) return -1;
  if (want_rest && make(rlist.get(), rest) < 0) {
    clear_ref(match);
    return -1;
  }
  return 0;
}

Object* eg_split(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_positional("split", nargs, 1, 1) || !check_condition(args[0])) return nullptr;
  Object *m, *r;
  if (eg_split_impl(self, args[0], true, &m, &r) < 0) return nullptr;
  Ref mr = Ref::steal(m), rr = Ref::steal(r);
  return tuple_pack(2, m ? m : None, r ? r : None);
}

Object* eg_subgroup(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_positional("subgroup", nargs, 1, 1) || !check_condition(args[0])) return nullptr;
  Object *m, *r;
  if (eg_split_impl(self, args[0], false, &m, &r) < 0) return nullptr;
  xdecref(r);
  return m ? m : none_ref();
}

Object* eg_get_message(Object* self) { return or_none(as_eg(self)->msg); }
Object* eg_get_exceptions(Object* self) { return or_none(as_eg(self)->excs); }

const MethodDef kExceptionGroupMethods[] = {
    {"derive", eg_derive, METH_DEFAULT, nullptr},
    {"split", eg_split, METH_DEFAULT, nullptr},
    {"subgroup", eg_subgroup, METH_DEFAULT, nullptr},
    {nullptr, nullptr, 0, nullptr},
};
const GetSetDef kExceptionGroupGetSets[] = {
    {"message", eg_get_message, nullptr, "exception message"},
    {"exceptions", eg_get_exceptions, nullptr, "nested exceptions"},
    {nullptr, nullptr, nullptr, nullptr},
};

}  // namespace

// =====================================================================================================
// Helpers (objects/exceptions.h)
// =====================================================================================================
Object* exception_new(TypeObject* type, Object* const* args, ssize nargs) {
  return call(as_object(type), args, nargs, nullptr);
}

void exception_set_suppress_context(Object* exc, bool suppress) {
  as_exc(exc)->suppress_context = suppress;
}

Object* exception_notes_borrowed(Object* exc) {
  Object* d = as_exc(exc)->dict;
  if (!d) return nullptr;
  Object* n = dict_get_str_borrowed(d, "__notes__");
  if (!n && err_occurred()) err_clear();
  return n;
}

Object* stop_iteration_value(Object* exc) {
  if (exc && object_type_check(exc, &Exc_StopIteration)) {
    Object* v = static_cast<StopIterationObject*>(exc)->value;
    return newref(v ? v : None);
  }
  return none_ref();
}

void err_set_stop_iteration(Object* value) {
  Object* exc = exception_new(&Exc_StopIteration, &value, 1);
  if (!exc) return;
  err_set_object(exc);
  decref(exc);
}

void err_set_key_error(Object* key) {
  Object* exc = exception_new(&Exc_KeyError, &key, 1);
  if (!exc) return;
  err_set_object(exc);
  decref(exc);
}

void err_attribute_error_set_context(Object* obj, Object* name) {
  Object* exc = err_occurred_borrowed();
  if (!exc || !object_type_check(exc, &Exc_AttributeError)) return;
  auto* e = static_cast<AttributeErrorObject*>(exc);
  if (!e->name && name) e->name = newref(name);
  if (!e->obj && obj) e->obj = newref(obj);
}

Object* err_attribute_error(Object* obj, Object* name, const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  err_vformat(&Exc_AttributeError, fmt, ap);
  va_end(ap);
  err_attribute_error_set_context(obj, name);
  return nullptr;
}

Object* err_name_error(TypeObject* type, Object* name, const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  err_vformat(type, fmt, ap);
  va_end(ap);
  Object* exc = err_occurred_borrowed();
  if (exc && object_type_check(exc, &Exc_NameError)) {
    auto* e = static_cast<NameErrorObject*>(exc);
    if (!e->name && name) e->name = newref(name);
  }
  return nullptr;
}

Object* syntax_error_new(TypeObject* type, const char* msg, Object* filename, int lineno,
                         int offset, Object* text, int end_lineno, int end_offset) {
  Ref m = Ref::steal(str_from_cstr(msg));
  Ref ln = Ref::steal(int_from_i64(lineno));
  Ref off = Ref::steal(offset > 0 ? int_from_i64(offset) : none_ref());
  Ref eln = Ref::steal(end_lineno > 0 ? int_from_i64(end_lineno) : none_ref());
  Ref eoff = Ref::steal(end_offset > 0 ? int_from_i64(end_offset) : none_ref());
  if (!m || !ln || !off || !eln || !eoff) return nullptr;
  Ref info = Ref::steal(tuple_pack(6, filename ? filename : None, ln.get(), off.get(),
                                   text ? text : None, eln.get(), eoff.get()));
  if (!info) return nullptr;
  Object* args[2] = {m.get(), info.get()};
  return exception_new(type ? type : &Exc_SyntaxError, args, 2);
}

Object* os_error_new(TypeObject* type, int errnum, Object* filename, Object* filename2) {
  Ref en = Ref::steal(int_from_i64(errnum));
  Ref msg = Ref::steal(str_from_cstr(std::strerror(errnum)));
  if (!en || !msg) return nullptr;
  if (!type) type = &Exc_OSError;
  if (filename2) {
    Object* args[5] = {en.get(), msg.get(), filename ? filename : None, None, filename2};
    return exception_new(type, args, 5);
  }
  if (filename) {
    Object* args[3] = {en.get(), msg.get(), filename};
    return exception_new(type, args, 3);
  }
  Object* args[2] = {en.get(), msg.get()};
  return exception_new(type, args, 2);
}

Object* unicode_decode_error_new(const char* encoding, const char* data, ssize len, ssize start,
                                 ssize end, const char* reason) {
  Ref enc = Ref::steal(str_from_cstr(encoding));
  Ref obj = Ref::steal(bytes_from(data, len));
  Ref s = Ref::steal(int_from_ssize(start));
  Ref e = Ref::steal(int_from_ssize(end));
  Ref r = Ref::steal(str_from_cstr(reason));
  if (!enc || !obj || !s || !e || !r) return nullptr;
  Object* args[5] = {enc.get(), obj.get(), s.get(), e.get(), r.get()};
  return exception_new(&Exc_UnicodeDecodeError, args, 5);
}

Object* unicode_encode_error_new(const char* encoding, Object* str, ssize start, ssize end,
                                 const char* reason) {
  Ref enc = Ref::steal(str_from_cstr(encoding));
  Ref s = Ref::steal(int_from_ssize(start));
  Ref e = Ref::steal(int_from_ssize(end));
  Ref r = Ref::steal(str_from_cstr(reason));
  if (!enc || !s || !e || !r) return nullptr;
  Object* args[5] = {enc.get(), str, s.get(), e.get(), r.get()};
  return exception_new(&Exc_UnicodeEncodeError, args, 5);
}

Object* system_exit_code_borrowed(Object* exc) {
  if (exc && object_type_check(exc, &Exc_SystemExit)) {
    Object* c = static_cast<SystemExitObject*>(exc)->code;
    return c ? c : None;
  }
  return None;
}

// =====================================================================================================
// Cycle collector support (core/gc.h): CPython's BaseException_traverse/_clear and the subclasses'
// versions. Every field of every layout is an owned reference (or null); __notes__ lives in the
// instance dict. clear leaves the object valid (args may be null afterwards: str/repr cope).
// =====================================================================================================
namespace {

int exc_base_traverse(Object* o, visitproc visit, void* arg) {
  auto* e = as_exc(o);
  Object* fields[] = {e->dict, e->args, e->traceback, e->context, e->cause};
  for (Object* v : fields) {
    if (v) {
      if (int r = visit(v, arg)) return r;
    }
  }
  return 0;
}
int exc_base_clear(Object* o) {
  clear_base(as_exc(o));
  return 0;
}

// A layout with extra owned fields: the base part, then the fields.
template <class T, Object* T::*... Fields>
int exc_layout_traverse(Object* o, visitproc visit, void* arg) {
  if (int r = exc_base_traverse(o, visit, arg)) return r;
  auto* e = static_cast<T*>(o);
  Object* fields[] = {(e->*Fields)...};
  for (Object* v : fields) {
    if (v) {
      if (int r = visit(v, arg)) return r;
    }
  }
  return 0;
}
template <class T, Object* T::*... Fields>
int exc_layout_clear(Object* o) {
  auto* e = static_cast<T*>(o);
  (clear_ref(&(e->*Fields)), ...);
  return exc_base_clear(o);
}

struct ExcLayoutSlots {
  TypeObject* root;
  traverseproc traverse;
  inquiry clear;
};

#define GILPY_EXC_LAYOUT(root, T, ...)                                            \
  ExcLayoutSlots {                                                               \
    &root, exc_layout_traverse<T, __VA_ARGS__>, exc_layout_clear<T, __VA_ARGS__> \
  }

// Every exception type gets the slots of the nearest layout on its static base chain.
void install_exception_gc_slots() {
  const ExcLayoutSlots layouts[] = {
      GILPY_EXC_LAYOUT(Exc_StopIteration, StopIterationObject, &StopIterationObject::value),
      GILPY_EXC_LAYOUT(Exc_SystemExit, SystemExitObject, &SystemExitObject::code),
      GILPY_EXC_LAYOUT(Exc_ImportError, ImportErrorObject, &ImportErrorObject::msg,
                       &ImportErrorObject::name, &ImportErrorObject::path,
                       &ImportErrorObject::name_from),
      GILPY_EXC_LAYOUT(Exc_NameError, NameErrorObject, &NameErrorObject::name),
      GILPY_EXC_LAYOUT(Exc_AttributeError, AttributeErrorObject, &AttributeErrorObject::obj,
                       &AttributeErrorObject::name),
      GILPY_EXC_LAYOUT(Exc_OSError, OSErrorObject, &OSErrorObject::myerrno,
                       &OSErrorObject::strerror, &OSErrorObject::filename,
                       &OSErrorObject::filename2, &OSErrorObject::winerror),
      GILPY_EXC_LAYOUT(Exc_SyntaxError, SyntaxErrorObject, &SyntaxErrorObject::msg,
                       &SyntaxErrorObject::filename, &SyntaxErrorObject::lineno,
                       &SyntaxErrorObject::offset, &SyntaxErrorObject::end_lineno,
                       &SyntaxErrorObject::end_offset, &SyntaxErrorObject::text,
                       &SyntaxErrorObject::print_file_and_line),
      GILPY_EXC_LAYOUT(Exc_UnicodeError, UnicodeErrorObject, &UnicodeErrorObject::encoding,
                       &UnicodeErrorObject::object, &UnicodeErrorObject::reason),
      GILPY_EXC_LAYOUT(Exc_BaseExceptionGroup, BaseExceptionGroupObject,
                       &BaseExceptionGroupObject::msg, &BaseExceptionGroupObject::excs),
  };
  TypeObject* const all[] = {
#define GILPY_EXC_ADDR(xname, xbase) &Exc_##xname,
      GILPY_FOR_EACH_EXCEPTION(GILPY_EXC_ADDR)
#undef GILPY_EXC_ADDR
  };
  for (TypeObject* t : all) {
    traverseproc tr = exc_base_traverse;
    inquiry cl = exc_base_clear;
    for (TypeObject* b = t; b && b != &ObjectType && tr == exc_base_traverse; b = b->base) {
      for (const ExcLayoutSlots& l : layouts) {
        if (l.root == b) {
          tr = l.traverse;
          cl = l.clear;
          break;
        }
      }
    }
    if (!t->traverse) t->traverse = tr;
    if (!t->clear) t->clear = cl;
  }
}
#undef GILPY_EXC_LAYOUT

}  // namespace

// =====================================================================================================
// Registration
// =====================================================================================================
namespace {
TypeObject* exc_by_name(const char* n) {
#define GILPY_EXC_BY_NAME(xname, xbase) \
  if (std::strcmp(n, #xname) == 0) return &Exc_##xname;
  GILPY_FOR_EACH_EXCEPTION(GILPY_EXC_BY_NAME)
#undef GILPY_EXC_BY_NAME
  return nullptr;
}
}  // namespace

void init_exception_types() {
  size_t doc_index = 0;
#define GILPY_INIT_EXC(xname, xbase)                     \
  Exc_##xname.name = #xname;                            \
  Exc_##xname.base = exc_by_name(#xbase);               \
  Exc_##xname.flags = TPFLAG_BASETYPE | TPFLAG_HAVE_GC; \
  Exc_##xname.doc = kExcDocs[doc_index++].doc;
  GILPY_FOR_EACH_EXCEPTION(GILPY_INIT_EXC)
#undef GILPY_INIT_EXC

  TypeObject& B = Exc_BaseException;
  B.base = &ObjectType;
  B.basicsize = sizeof(BaseExceptionObject);
  B.dealloc = BaseException_dealloc;
  B.new_ = BaseException_new;
  B.init = BaseException_init;
  B.repr = BaseException_repr;
  B.str = BaseException_str;
  B.getattro = generic_getattr;
  B.setattro = generic_setattr;
  B.methods = kBaseExcMethods;
  B.members = kBaseExcMembers;
  B.getset = kBaseExcGetSets;
  B.dictoffset = ssize(offsetof(BaseExceptionObject, dict));

  Exc_StopIteration.basicsize = sizeof(StopIterationObject);
  Exc_StopIteration.init = StopIteration_init;
  Exc_StopIteration.dealloc = StopIteration_dealloc;
  Exc_StopIteration.members = kStopIterationMembers;

  Exc_SystemExit.basicsize = sizeof(SystemExitObject);
  Exc_SystemExit.init = SystemExit_init;
  Exc_SystemExit.dealloc = SystemExit_dealloc;
  Exc_SystemExit.members = kSystemExitMembers;

  Exc_ImportError.basicsize = sizeof(ImportErrorObject);
  Exc_ImportError.init = ImportError_init;
  Exc_ImportError.dealloc = ImportError_dealloc;
  Exc_ImportError.str = ImportError_str;
  Exc_ImportError.members = kImportErrorMembers;

  Exc_NameError.basicsize = sizeof(NameErrorObject);
  Exc_NameError.init = NameError_init;
  Exc_NameError.dealloc = NameError_dealloc;
  Exc_NameError.members = kNameErrorMembers;

  Exc_AttributeError.basicsize = sizeof(AttributeErrorObject);
  Exc_AttributeError.init = AttributeError_init;
  Exc_AttributeError.dealloc = AttributeError_dealloc;
  Exc_AttributeError.members = kAttributeErrorMembers;

  Exc_KeyError.str = KeyError_str;

  Exc_OSError.basicsize = sizeof(OSErrorObject);
  Exc_OSError.new_ = OSError_new;
  Exc_OSError.init = OSError_init;
  Exc_OSError.dealloc = OSError_dealloc;
  Exc_OSError.str = OSError_str;
  Exc_OSError.members = kOSErrorMembers;
  Exc_OSError.getset = kOSErrorGetSets;

  Exc_SyntaxError.basicsize = sizeof(SyntaxErrorObject);
  Exc_SyntaxError.init = SyntaxError_init;
  Exc_SyntaxError.dealloc = SyntaxError_dealloc;
  Exc_SyntaxError.str = SyntaxError_str;
  Exc_SyntaxError.members = kSyntaxErrorMembers;

  Exc_UnicodeError.basicsize = sizeof(UnicodeErrorObject);
  Exc_UnicodeError.dealloc = UnicodeError_dealloc;
  Exc_UnicodeDecodeError.init = UnicodeDecodeError_init;
  Exc_UnicodeDecodeError.str = UnicodeDecodeError_str;
  Exc_UnicodeDecodeError.members = kUnicodeErrorMembers;
  Exc_UnicodeEncodeError.init = UnicodeEncodeError_init;
  Exc_UnicodeEncodeError.str = UnicodeEncodeError_str;
  Exc_UnicodeEncodeError.members = kUnicodeErrorMembers;
  Exc_UnicodeTranslateError.init = UnicodeTranslateError_init;
  Exc_UnicodeTranslateError.str = UnicodeTranslateError_str;
  Exc_UnicodeTranslateError.members = kUnicodeErrorMembers;

  Exc_BaseExceptionGroup.basicsize = sizeof(BaseExceptionGroupObject);
  Exc_BaseExceptionGroup.new_ = BaseExceptionGroup_new;
  Exc_BaseExceptionGroup.init = BaseExceptionGroup_init;
  Exc_BaseExceptionGroup.dealloc = BaseExceptionGroup_dealloc;
  Exc_BaseExceptionGroup.str = BaseExceptionGroup_str;
  Exc_BaseExceptionGroup.methods = kExceptionGroupMethods;
  Exc_BaseExceptionGroup.getset = kExceptionGroupGetSets;
  // ExceptionGroup(BaseExceptionGroup, Exception): the group layout comes first.
  Exc_ExceptionGroup.base = &Exc_BaseExceptionGroup;
  static TypeObject* const kEGBases[] = {&Exc_BaseExceptionGroup, &Exc_Exception};
  type_set_static_bases(&Exc_ExceptionGroup, kEGBases, 2);

  // As CPython's SimpleExtendsException & co: every exception type sets its own __init__ (so
  // `ValueError.__init__` is ValueError's slot wrapper), and types with the plain layout their
  // own __new__ too.
#define GILPY_EXPLICIT_SLOTS(xname, xbase)                                               \
  if (&Exc_##xname != &Exc_BaseException) {                                              \
    TypeObject* b = Exc_##xname.base;                                                    \
    if (!Exc_##xname.init) Exc_##xname.init = b->init;                                  \
    if (!Exc_##xname.new_ && !Exc_##xname.basicsize &&                                   \
        b->basicsize == ssize(sizeof(BaseExceptionObject)))                              \
      Exc_##xname.new_ = b->new_;                                                        \
  }
  GILPY_FOR_EACH_EXCEPTION(GILPY_EXPLICIT_SLOTS)
#undef GILPY_EXPLICIT_SLOTS
  install_exception_gc_slots();

#define GILPY_REGISTER_EXC(xname, xbase) register_static_type(&Exc_##xname);
  GILPY_FOR_EACH_EXCEPTION(GILPY_REGISTER_EXC)
#undef GILPY_REGISTER_EXC
}

}  // namespace gilpy

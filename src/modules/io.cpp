// The `_io` / `io` module: the abstract base classes, open(), and sys.stdin/stdout/stderr.
//
// The io stack is CPython's (Modules/_io), layer by layer, split over four files:
//  - io.cpp (this file): _IOBase, _RawIOBase, _BufferedIOBase, _TextIOBase with their default
//    methods (iteration via readline, readlines, writelines, __enter__/__exit__, close/flush on
//    the private "__IOBase_closed" flag, UnsupportedOperation for seek/fileno/truncate ...),
//    io.UnsupportedOperation, open() (which builds FileIO -> Buffered* -> TextIOWrapper exactly
//    as _io.open does), and the standard streams.
//  - io_file.cpp: FileIO (the raw layer, an OS descriptor) and BufferedReader / BufferedWriter /
//    BufferedRandom (a buffer over any raw object, with a fast path for FileIO).
//  - io_text.cpp: TextIOWrapper (decoding, newline handling, tell/seek cookies).
//  - io_memory.cpp: StringIO and BytesIO.
// The io module exports the _io base types themselves as IOBase, RawIOBase, BufferedIOBase and
// TextIOBase (CPython's are ABC subclasses of them; isinstance and subclassing behave the same).
//
// Each layer delegates to the one below through method calls, as CPython does, so that the
// observable behaviour (which layer raises which message, e.g. "read of closed file" from the
// buffered layer, "I/O operation on closed file" from FileIO, the trailing period from _IOBase)
// is CPython's by construction. Blocking system calls go through modules/os_syscalls.h.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <clocale>
#include <cstdlib>
#include <cstring>
#include <locale.h>
#include <string>

#include "core/abstract.h"
#include "core/args.h"
#include "core/error.h"
#include "modules/io_internal.h"
#include "modules/modules.h"
#include "modules/os_syscalls.h"
#include "objects/bytesobject.h"
#include "objects/containers.h"
#include "objects/intobject.h"
#include "objects/moduleobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"
#include "vm/state.h"

namespace gilpy {

TypeObject IOBaseType, RawIOBaseType, BufferedIOBaseType, TextIOBaseType;

namespace {
Object* g_unsupported_operation = nullptr;  // io.UnsupportedOperation (OSError, ValueError)
}

// ---- shared helpers -----------------------------------------------------------------------------

void io_init_type(TypeObject* t, const char* name, ssize basicsize, TypeObject* base) {
  t->ob_type = &TypeType;
  make_immortal(t);
  t->name = name;
  t->basicsize = basicsize;
  t->base = base;
  t->flags = TPFLAG_BASETYPE;
  t->dictoffset = ssize(offsetof(IOBaseObject, dict));
}

void io_clear_dict(Object* self) {
  auto* o = static_cast<IOBaseObject*>(self);
  Object* d = o->dict;
  o->dict = nullptr;
  xdecref(d);
}

bool io_dict_set(Object* self, const char* name, Object* value) {
  auto* o = static_cast<IOBaseObject*>(self);
  if (!o->dict) {
    o->dict = dict_new();
    if (!o->dict) return false;
  }
  return dict_setitem_str(o->dict, name, value) >= 0;
}

Object* io_dict_get_borrowed(Object* self, const char* name) {
  auto* o = static_cast<IOBaseObject*>(self);
  return o->dict ? dict_get_str_borrowed(o->dict, name) : nullptr;
}

Object* io_unsupported(const char* msg) {
  err_set_string(io_unsupported_operation_type(), msg);
  return nullptr;
}

bool io_check_closed(Object* self) {
  Ref closed = Ref::steal(object_getattr_str(self, "closed"));
  if (!closed) return false;
  int t = object_is_true(closed.get());
  if (t < 0) return false;
  if (t) {
    err_set_string(&Exc_ValueError, "I/O operation on closed file.");
    return false;
  }
  return true;
}

bool io_size_arg(Object* o, ssize* out) {
  *out = -1;
  if (!o || o == None) return true;
  if (!index_check(o)) {
    err_format(&Exc_TypeError, "argument should be integer or None, not '%s'",
               type_name(type_of(o)));
    return false;
  }
  *out = number_as_ssize(o, &Exc_OverflowError);
  return !(*out == -1 && err_occurred());
}

Object* io_call(Object* self, const char* name, Object* const* args, ssize nargs) {
  return call_method(self, name, args, nargs);
}

int io_call_bool(Object* self, const char* name) {
  Ref r = Ref::steal(call_method0(self, name));
  if (!r) return -1;
  return object_is_true(r.get());
}

void io_chain_exception(Object* saved) {
  if (!saved) return;
  if (err_occurred()) {
    Object* now = err_fetch();
    exception_set_context(now, saved);
    err_restore(now);
  } else {
    err_restore(saved);
  }
}

TypeObject* io_unsupported_operation_type() {
  return reinterpret_cast<TypeObject*>(g_unsupported_operation);
}

namespace {

// ---- _IOBase ------------------------------------------------------------------------------------

IOBaseObject* as_iobase(Object* o) { return static_cast<IOBaseObject*>(o); }

Object* iobase_new(TypeObject* type, Object* const*, ssize, Object*) {
  return object_alloc(type, size_t(type->basicsize));
}

void iobase_dealloc(Object* self) {
  io_clear_dict(self);
  object_free(self);
}

// The internal flag (CPython's __IOBase_closed), not the `closed` property.
bool iobase_is_closed(Object* self) {
  return object_type_check(self, &IOBaseType) && as_iobase(self)->iobase_closed;
}

Object* iobase_seek(Object*, Object* const*, ssize, Object*) { return io_unsupported("seek"); }
Object* iobase_truncate(Object*, Object* const*, ssize, Object*) {
  return io_unsupported("truncate");
}
Object* iobase_fileno(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("fileno", nargs, kwnames)) return nullptr;
  return io_unsupported("fileno");
}

Object* iobase_tell(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("tell", nargs, kwnames)) return nullptr;
  Ref zero = Ref::steal(int_from_i64(0));
  Ref one = Ref::steal(int_from_i64(1));
  Object* a[2] = {zero.get(), one.get()};
  return io_call(self, "seek", a, 2);
}

Object* iobase_flush(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("flush", nargs, kwnames)) return nullptr;
  if (iobase_is_closed(self)) {
    return err_format(&Exc_ValueError, "I/O operation on closed file.");
  }
  return none_ref();
}

Object* iobase_close(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("close", nargs, kwnames)) return nullptr;
  if (iobase_is_closed(self)) return none_ref();
  Ref r = Ref::steal(call_method0(self, "flush"));
  if (object_type_check(self, &IOBaseType)) as_iobase(self)->iobase_closed = true;
  if (!r) return nullptr;
  return none_ref();
}

Object* iobase_false(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("readable", nargs, kwnames)) return nullptr;
  return bool_from(false);
}

Object* iobase_check_closed_meth(Object* self, Object* const*, ssize, Object*) {
  if (!io_check_closed(self)) return nullptr;
  return none_ref();
}

Object* check_flag(Object* self, const char* method, const char* msg) {
  Ref r = Ref::steal(call_method0(self, method));
  if (!r) return nullptr;
  if (r.get() != True) return io_unsupported(msg);
  return none_ref();
}
Object* iobase_check_readable(Object* self, Object* const*, ssize, Object*) {
  return check_flag(self, "readable", "File or stream is not readable.");
}
Object* iobase_check_writable(Object* self, Object* const*, ssize, Object*) {
  return check_flag(self, "writable", "File or stream is not writable.");
}
Object* iobase_check_seekable(Object* self, Object* const*, ssize, Object*) {
  return check_flag(self, "seekable", "File or stream is not seekable.");
}

Object* iobase_isatty(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("isatty", nargs, kwnames)) return nullptr;
  if (!io_check_closed(self)) return nullptr;
  return bool_from(false);
}

Object* iobase_enter(Object* self, Object* const*, ssize, Object*) {
  if (!io_check_closed(self)) return nullptr;
  return newref(self);
}

Object* iobase_exit(Object* self, Object* const*, ssize, Object*) {
  return call_method0(self, "close");
}

Object* iobase_iter(Object* self) {
  if (!io_check_closed(self)) return nullptr;
  return newref(self);
}

Object* iobase_iternext(Object* self) {
  Ref line = Ref::steal(call_method0(self, "readline"));
  if (!line) return nullptr;
  ssize n = object_length(line.get());
  if (n < 0) return nullptr;
  if (n == 0) return nullptr;
  return line.release();
}

// _IOBase.readline: peek() when the object has it, else read(1) byte by byte.
Object* iobase_readline(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("readline", kwnames) || !check_positional("readline", nargs, 0, 1)) {
    return nullptr;
  }
  ssize limit;
  if (!io_size_arg(nargs ? args[0] : nullptr, &limit)) return nullptr;
  Ref peek;
  {
    Object* p = nullptr;
    Ref name = Ref::steal(str_from_cstr("peek"));
    if (!name || object_lookup_attr(self, name.get(), &p) < 0) return nullptr;
    peek = Ref::steal(p);
  }
  std::string buffer;
  while (limit < 0 || ssize(buffer.size()) < limit) {
    ssize nreadahead = 1;
    if (peek) {
      Ref one = Ref::steal(int_from_i64(1));
      Ref ra = Ref::steal(call1(peek.get(), one.get()));
      if (!ra) return nullptr;
      if (!bytes_check(ra.get())) {
        return err_format(&Exc_OSError, "peek() should have returned a bytes object, not '%s'",
                          type_name(type_of(ra.get())));
      }
      std::string_view v = bytes_view(ra.get());
      if (!v.empty()) {
        ssize n = 0;
        for (;;) {
          if (n >= ssize(v.size()) || (limit >= 0 && n >= limit)) break;
          if (v[size_t(n++)] == '\n') break;
        }
        nreadahead = n;
      }
    }
    Ref cnt = Ref::steal(int_from_i64(nreadahead));
    Object* a[1] = {cnt.get()};
    Ref b = Ref::steal(io_call(self, "read", a, 1));
    if (!b) return nullptr;
    if (!bytes_check(b.get())) {
      return err_format(&Exc_OSError, "read() should have returned a bytes object, not '%s'",
                        type_name(type_of(b.get())));
    }
    if (bytes_size(b.get()) == 0) break;
    buffer.append(bytes_view(b.get()));
    if (buffer.back() == '\n') break;
  }
  return bytes_from(buffer);
}

Object* iobase_readlines(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("readlines", kwnames) || !check_positional("readlines", nargs, 0, 1)) {
    return nullptr;
  }
  ssize hint;
  if (!io_size_arg(nargs ? args[0] : nullptr, &hint)) return nullptr;
  Ref result = Ref::steal(list_new(0));
  if (!result) return nullptr;
  Ref it = Ref::steal(object_getiter(self));
  if (!it) return nullptr;
  ssize total = 0;
  for (;;) {
    Ref line = Ref::steal(iter_next(it.get()));
    if (!line) break;
    if (list_append(result.get(), line.get()) < 0) return nullptr;
    if (hint > 0) {
      ssize n = object_length(line.get());
      if (n < 0) return nullptr;
      total += n;
      if (total > hint) break;
    }
  }
  if (err_occurred()) return nullptr;
  return result.release();
}

Object* iobase_writelines(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("writelines", nargs, kwnames)) return nullptr;
  if (!io_check_closed(self)) return nullptr;
  Ref it = Ref::steal(object_getiter(args[0]));
  if (!it) return nullptr;
  for (;;) {
    Ref line = Ref::steal(iter_next(it.get()));
    if (!line) break;
    Object* a[1] = {line.get()};
    Ref r = Ref::steal(io_call(self, "write", a, 1));
    if (!r) return nullptr;
  }
  if (err_occurred()) return nullptr;
  return none_ref();
}

Object* iobase_get_closed(Object* self) { return bool_from(as_iobase(self)->iobase_closed); }

Object* iobase_get_dict(Object* self) {
  IOBaseObject* o = as_iobase(self);
  if (!o->dict) {
    o->dict = dict_new();
    if (!o->dict) return nullptr;
  }
  return newref(o->dict);
}

// __del__: close a file that is still open (errors are ignored, as CPython outside dev mode).
void iobase_finalize(Object* self) {
  Object* saved = err_fetch();
  Ref closed = Ref::steal(object_getattr_str(self, "closed"));
  int t = closed ? object_is_true(closed.get()) : 1;
  if (t == 0) {
    Ref r = Ref::steal(call_method0(self, "close"));
  }
  err_clear();
  err_restore(saved);
}

const MethodDef kIOBaseMethods[] = {
    {"seek", iobase_seek, METH_DEFAULT, nullptr},
    {"tell", iobase_tell, METH_DEFAULT, nullptr},
    {"truncate", iobase_truncate, METH_DEFAULT, nullptr},
    {"flush", iobase_flush, METH_DEFAULT, nullptr},
    {"close", iobase_close, METH_DEFAULT, nullptr},
    {"seekable", iobase_false, METH_DEFAULT, nullptr},
    {"readable", iobase_false, METH_DEFAULT, nullptr},
    {"writable", iobase_false, METH_DEFAULT, nullptr},
    {"_checkClosed", iobase_check_closed_meth, METH_DEFAULT, nullptr},
    {"_checkSeekable", iobase_check_seekable, METH_DEFAULT, nullptr},
    {"_checkReadable", iobase_check_readable, METH_DEFAULT, nullptr},
    {"_checkWritable", iobase_check_writable, METH_DEFAULT, nullptr},
    {"fileno", iobase_fileno, METH_DEFAULT, nullptr},
    {"isatty", iobase_isatty, METH_DEFAULT, nullptr},
    {"__enter__", iobase_enter, METH_DEFAULT, nullptr},
    {"__exit__", iobase_exit, METH_DEFAULT, nullptr},
    {"readline", iobase_readline, METH_DEFAULT, nullptr},
    {"readlines", iobase_readlines, METH_DEFAULT, nullptr},
    {"writelines", iobase_writelines, METH_DEFAULT, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

const GetSetDef kIOBaseGetSet[] = {
    {"closed", iobase_get_closed, nullptr, nullptr},
    {"__dict__", iobase_get_dict, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

// ---- _RawIOBase ---------------------------------------------------------------------------------

Object* rawiobase_read(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("read", kwnames) || !check_positional("read", nargs, 0, 1)) return nullptr;
  ssize n;
  if (!io_size_arg(nargs ? args[0] : nullptr, &n)) return nullptr;
  if (n < 0) return call_method0(self, "readall");
  Ref b = Ref::steal(bytearray_from(nullptr, n));
  if (!b) return nullptr;
  Object* a[1] = {b.get()};
  Ref res = Ref::steal(io_call(self, "readinto", a, 1));
  if (!res) return nullptr;
  if (res.get() == None) return none_ref();
  ssize got = number_as_ssize(res.get(), &Exc_ValueError);
  if (got == -1 && err_occurred()) return nullptr;
  auto* ba = static_cast<ByteArrayObject*>(b.get());
  if (got < 0 || got > ba->size) {
    return err_format(&Exc_ValueError, "readinto returned %zd outside buffer size %zd", got,
                      ba->size);
  }
  return bytes_from(ba->data ? ba->data : "", got);
}

Object* rawiobase_readall(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("readall", nargs, kwnames)) return nullptr;
  std::string out;
  bool any = false;
  Ref size = Ref::steal(int_from_i64(kDefaultBufferSize));
  for (;;) {
    Object* a[1] = {size.get()};
    Ref data = Ref::steal(io_call(self, "read", a, 1));
    if (!data) return nullptr;
    if (data.get() == None) {
      if (!any) return none_ref();
      break;
    }
    if (!bytes_check(data.get())) return err_format(&Exc_TypeError, "read() should return bytes");
    if (bytes_size(data.get()) == 0) break;
    any = true;
    out.append(bytes_view(data.get()));
  }
  return bytes_from(out);
}

Object* not_implemented(Object*, Object* const*, ssize, Object*) {
  err_set(&Exc_NotImplementedError, nullptr);
  return nullptr;
}

const MethodDef kRawIOBaseMethods[] = {
    {"read", rawiobase_read, METH_DEFAULT, nullptr},
    {"readall", rawiobase_readall, METH_DEFAULT, nullptr},
    {"readinto", not_implemented, METH_DEFAULT, nullptr},
    {"write", not_implemented, METH_DEFAULT, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

// ---- _BufferedIOBase ----------------------------------------------------------------------------

Object* bufiobase_read(Object*, Object* const*, ssize, Object*) { return io_unsupported("read"); }
Object* bufiobase_read1(Object*, Object* const*, ssize, Object*) { return io_unsupported("read1"); }
Object* bufiobase_write(Object*, Object* const*, ssize, Object*) { return io_unsupported("write"); }
Object* bufiobase_detach(Object*, Object* const*, ssize, Object*) {
  return io_unsupported("detach");
}

Object* readinto_generic(Object* self, Object* const* args, ssize nargs, Object* kwnames,
                         const char* fname, const char* reader) {
  if (!check_one_arg(fname, nargs, kwnames)) return nullptr;
  if (!bytearray_check(args[0])) {
    return err_format(&Exc_TypeError, "%s() argument must be read-write bytes-like object, not %T",
                      fname, args[0]);
  }
  auto* ba = static_cast<ByteArrayObject*>(args[0]);
  Ref len = Ref::steal(int_from_i64(ba->size));
  Object* a[1] = {len.get()};
  Ref data = Ref::steal(io_call(self, reader, a, 1));
  if (!data) return nullptr;
  if (!bytes_check(data.get())) return err_format(&Exc_TypeError, "read() should return bytes");
  ssize n = bytes_size(data.get());
  if (n > ba->size) {
    return err_format(&Exc_ValueError, "read() returned too much data: %zd bytes requested, %zd returned",
                      ba->size, n);
  }
  if (n) std::memcpy(ba->data, bytes_data(data.get()), size_t(n));
  return int_from_ssize(n);
}
Object* bufiobase_readinto(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  return readinto_generic(self, args, nargs, kwnames, "readinto", "read");
}
Object* bufiobase_readinto1(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  return readinto_generic(self, args, nargs, kwnames, "readinto1", "read1");
}

const MethodDef kBufferedIOBaseMethods[] = {
    {"detach", bufiobase_detach, METH_DEFAULT, nullptr},
    {"read", bufiobase_read, METH_DEFAULT, nullptr},
    {"read1", bufiobase_read1, METH_DEFAULT, nullptr},
    {"readinto", bufiobase_readinto, METH_DEFAULT, nullptr},
    {"readinto1", bufiobase_readinto1, METH_DEFAULT, nullptr},
    {"write", bufiobase_write, METH_DEFAULT, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

// ---- _TextIOBase --------------------------------------------------------------------------------

Object* textiobase_readline(Object*, Object* const*, ssize, Object*) {
  return io_unsupported("readline");
}
Object* get_none(Object*) { return none_ref(); }

const MethodDef kTextIOBaseMethods[] = {
    {"detach", bufiobase_detach, METH_DEFAULT, nullptr},
    {"read", bufiobase_read, METH_DEFAULT, nullptr},
    {"readline", textiobase_readline, METH_DEFAULT, nullptr},
    {"write", bufiobase_write, METH_DEFAULT, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

const GetSetDef kTextIOBaseGetSet[] = {
    {"encoding", get_none, nullptr, nullptr},
    {"newlines", get_none, nullptr, nullptr},
    {"errors", get_none, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

bool g_ready = false;

}  // namespace

bool io_types_ready() {
  if (g_ready) return true;
  io_init_type(&IOBaseType, "_io._IOBase", sizeof(IOBaseObject), &ObjectType);
  IOBaseType.new_ = iobase_new;
  IOBaseType.dealloc = iobase_dealloc;
  IOBaseType.iter = iobase_iter;
  IOBaseType.iternext = iobase_iternext;
  IOBaseType.finalize = iobase_finalize;
  IOBaseType.methods = kIOBaseMethods;
  IOBaseType.getset = kIOBaseGetSet;
  IOBaseType.doc = "The abstract base class for all I/O classes.";
  io_init_type(&RawIOBaseType, "_io._RawIOBase", sizeof(IOBaseObject), &IOBaseType);
  RawIOBaseType.methods = kRawIOBaseMethods;
  RawIOBaseType.doc = "Base class for raw binary I/O.";
  io_init_type(&BufferedIOBaseType, "_io._BufferedIOBase", sizeof(IOBaseObject), &IOBaseType);
  BufferedIOBaseType.methods = kBufferedIOBaseMethods;
  BufferedIOBaseType.doc = "Base class for buffered IO objects.";
  io_init_type(&TextIOBaseType, "_io._TextIOBase", sizeof(IOBaseObject), &IOBaseType);
  TextIOBaseType.methods = kTextIOBaseMethods;
  TextIOBaseType.getset = kTextIOBaseGetSet;
  TextIOBaseType.doc = "Base class for text I/O.";
  for (TypeObject* t : {&IOBaseType, &RawIOBaseType, &BufferedIOBaseType, &TextIOBaseType}) {
    if (type_ready(t) < 0) return false;
  }
  // io.UnsupportedOperation derives from both OSError and ValueError.
  if (!g_unsupported_operation) {
    Ref name = Ref::steal(str_from_cstr("UnsupportedOperation"));
    Ref bases = Ref::steal(tuple_pack(2, as_object(&Exc_OSError), as_object(&Exc_ValueError)));
    Ref dict = Ref::steal(dict_new());
    if (!name || !bases || !dict) return false;
    Ref module_name = Ref::steal(str_from_cstr("io"));
    if (!module_name || dict_setitem_str(dict.get(), "__module__", module_name.get()) < 0) {
      return false;
    }
    g_unsupported_operation =
        type_new_heap(&TypeType, name.get(), bases.get(), dict.get(), nullptr);
    if (!g_unsupported_operation) return false;
  }
  if (!io_file_types_ready() || !io_text_types_ready()) return false;
  g_ready = true;
  return true;
}

// ---- open() -------------------------------------------------------------------------------------

Object* io_open(Object* const* args, ssize nargs, Object* kwnames) {
  if (!io_types_ready()) return nullptr;
  static const char* const names[] = {"file",    "mode",    "buffering", "encoding",
                                      "errors", "newline", "closefd",   "opener", nullptr};
  static const ArgSpec spec{"open", names, 1, 8};
  Object* a[8];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  Object* file = a[0];
  std::string mode = "r";
  if (a[1]) {
    if (!str_check(a[1])) {
      return err_format(&Exc_TypeError, "open() argument 'mode' must be str, not %T", a[1]);
    }
    mode = std::string(str_view(a[1]));
  }
  ssize buffering = -1;
  if (a[2]) {
    if (!index_check(a[2])) {
      return err_format(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", a[2]);
    }
    buffering = number_as_ssize(a[2], &Exc_OverflowError);
    if (buffering == -1 && err_occurred()) return nullptr;
  }
  for (int i = 3; i <= 5; ++i) {
    if (a[i] && a[i] != None && !str_check(a[i])) {
      return err_format(&Exc_TypeError, "open() argument '%s' must be str or None, not %T",
                        names[i], a[i]);
    }
  }
  bool has_encoding = a[3] && a[3] != None, has_errors = a[4] && a[4] != None,
       has_newline = a[5] && a[5] != None;
  bool closefd;
  if (!bool_arg(a[6], true, &closefd)) return nullptr;
  Object* opener = a[7] && a[7] != None ? a[7] : nullptr;

  // Parse the mode string as CPython's _io.open does.
  bool creating = false, reading = false, writing = false, appending = false, updating = false,
       text = false, binary = false;
  for (size_t i = 0; i < mode.size(); ++i) {
    char c = mode[i];
    if (c == '\0' || std::strchr("xrwa+tb", c) == nullptr ||
        mode.find(c, i + 1) != std::string::npos) {
      return err_format(&Exc_ValueError, "invalid mode: '%s'", mode.c_str());
    }
    switch (c) {
      case 'x': creating = true; break;
      case 'r': reading = true; break;
      case 'w': writing = true; break;
      case 'a': appending = true; break;
      case '+': updating = true; break;
      case 't': text = true; break;
      case 'b': binary = true; break;
    }
  }
  std::string rawmode;
  if (creating) rawmode += 'x';
  if (reading) rawmode += 'r';
  if (writing) rawmode += 'w';
  if (appending) rawmode += 'a';
  if (updating) rawmode += '+';
  if (text && binary) return err_format(&Exc_ValueError, "can't have text and binary mode at once");
  if (int(creating) + int(reading) + int(writing) + int(appending) > 1) {
    return err_format(&Exc_ValueError, "must have exactly one of create/read/write/append mode");
  }
  if (binary && has_encoding) {
    return err_format(&Exc_ValueError, "binary mode doesn't take an encoding argument");
  }
  if (binary && has_errors) {
    return err_format(&Exc_ValueError, "binary mode doesn't take an errors argument");
  }
  if (binary && has_newline) {
    return err_format(&Exc_ValueError, "binary mode doesn't take a newline argument");
  }
  // (CPython warns with a RuntimeWarning for binary buffering=1 and uses the default size.)

  Ref raw = Ref::steal(fileio_create(file, rawmode.c_str(), closefd, opener));
  if (!raw) return nullptr;
  // From here on, a failure closes the raw file (as _io.open does).
  auto fail = [&](Object* result) -> Object* {
    Object* saved = err_fetch();
    Ref r = Ref::steal(call_method0(result, "close"));
    io_chain_exception(saved);
    return nullptr;
  };
  bool line_buffering = false;
  if (buffering == 1 || buffering < 0) {
    int tty = io_call_bool(raw.get(), "isatty");
    if (tty < 0) return fail(raw.get());
    if (buffering == 1 || tty) {
      buffering = -1;
      line_buffering = true;
    }
  }
  if (buffering < 0) buffering = fileio_blksize(raw.get());
  if (buffering == 0) {
    if (binary) return raw.release();
    err_set_string(&Exc_ValueError, "can't have unbuffered text I/O");
    return fail(raw.get());
  }
  TypeObject* btype = updating ? &BufferedRandomType
                      : (creating || writing || appending) ? &BufferedWriterType
                                                            : &BufferedReaderType;
  Ref buffer = Ref::steal(buffered_create(btype, raw.get(), buffering));
  if (!buffer) return fail(raw.get());
  if (binary) return buffer.release();
  Ref wrapper = Ref::steal(text_create(buffer.get(), has_encoding ? a[3] : nullptr,
                                       has_errors ? a[4] : nullptr, has_newline ? a[5] : nullptr,
                                       line_buffering, false));
  if (!wrapper) return fail(buffer.get());
  Ref mode_str = Ref::steal(str_from_cstr(mode.c_str()));
  if (!mode_str || !io_dict_set(wrapper.get(), "mode", mode_str.get())) return fail(wrapper.get());
  return wrapper.release();
}

bool io_is_builtin_text_file(Object* file) { return type_of(file) == &TextIOWrapperType; }

bool io_file_set_name(Object* file, Object* name) {
  Object* o = file;
  if (object_type_check(o, &TextIOWrapperType)) o = text_buffer_borrowed(o);
  if (o && !object_type_check(o, &FileIOType)) o = buffered_raw_borrowed(o);
  if (!o || !object_type_check(o, &FileIOType)) {
    err_format(&Exc_TypeError, "not a file object: %T", file);
    return false;
  }
  return io_dict_set(o, "name", name);
}

// sys.stdin / stdout / stderr (and the __stdxxx__ originals) in the sys module's dict, as
// CPython's create_stdio: FileIO(fd, closefd=False) named "<stdout>", a buffered layer, and a
// TextIOWrapper with newline="\n" (no translation; stdin splits lines at "\n" only).
// The error handler of stdin/stdout as CPython chooses it: surrogateescape in the C and POSIX
// locales and in the UTF-8 locales Python coerces to (C.UTF-8, C.utf8, UTF-8), strict otherwise.
// The locale is the one setlocale(LC_CTYPE, "") would pick; an unknown locale means "C".
std::string default_stdio_errors() {
  const char* name = nullptr;
  for (const char* var : {"LC_ALL", "LC_CTYPE", "LANG"}) {
    const char* v = std::getenv(var);
    if (v && *v) {
      name = v;
      break;
    }
  }
  if (!name) return "surrogateescape";
  locale_t l = newlocale(LC_CTYPE_MASK, name, locale_t(0));
  if (!l) return "surrogateescape";  // an unknown locale means "C"
  freelocale(l);
  for (const char* lenient : {"C", "POSIX", "C.UTF-8", "C.utf8", "UTF-8"}) {
    if (std::strcmp(name, lenient) == 0) return "surrogateescape";
  }
  return "strict";
}

// A PYTHONIOENCODING encoding that needs the codec registry: the streams start in UTF-8 and
// io_finish_std_streams() switches them once sys.path lets `encodings` be imported.
static std::string g_deferred_stdio_encoding;

Object* io_make_std_streams(Object* sysdict) {
  if (!io_types_ready()) return nullptr;
  // PYTHONIOENCODING=encoding[:errors] overrides both (ignored with -E / -I).
  std::string encoding = "utf-8", errors = default_stdio_errors();
  const char* ioenc = std::getenv("PYTHONIOENCODING");
  if (ioenc && *ioenc && !main_interpreter()->flags.ignore_environment) {
    std::string v = ioenc;
    size_t colon = v.find(':');
    if (colon != 0) {
      encoding = v.substr(0, colon);
      errors = "strict";  // an encoding without an error handler means strict, as CPython
    }
    if (colon != std::string::npos && colon + 1 < v.size()) errors = v.substr(colon + 1);
  }
  g_deferred_stdio_encoding.clear();
  if (!text_encoding_is_native(encoding)) {
    g_deferred_stdio_encoding = encoding;
    encoding = "utf-8";
  }
  struct Std {
    int fd;
    const char* name;
    const char* attr;
    const char* dunder;
    bool write;
  };
  const Std streams[] = {{0, "<stdin>", "stdin", "__stdin__", false},
                         {1, "<stdout>", "stdout", "__stdout__", true},
                         {2, "<stderr>", "stderr", "__stderr__", true}};
  for (const Std& s : streams) {
    Ref fd = Ref::steal(int_from_i64(s.fd));
    if (!fd) return nullptr;
    Ref raw = Ref::steal(fileio_create(fd.get(), s.write ? "w" : "r", false, nullptr));
    if (!raw) {
      // A closed standard descriptor: the stream is None, as in CPython.
      err_clear();
      if (dict_setitem_str(sysdict, s.attr, None) < 0 ||
          dict_setitem_str(sysdict, s.dunder, None) < 0) {
        return nullptr;
      }
      continue;
    }
    Ref name = Ref::steal(str_from_cstr(s.name));
    if (!name || !io_dict_set(raw.get(), "name", name.get())) return nullptr;
    // -u / PYTHONUNBUFFERED: stdout and stderr write straight to the raw file.
    bool unbuffered = s.write && tstate() && tstate()->interp && tstate()->interp->flags.unbuffered;
    Ref buffer = unbuffered ? Ref::borrow(raw.get())
                            : Ref::steal(buffered_create(s.write ? &BufferedWriterType
                                                                 : &BufferedReaderType,
                                                         raw.get(), kDefaultBufferSize));
    if (!buffer) return nullptr;
    // stderr is always line-buffered (as CPython 3.9+); stdout when it is a terminal.
    bool line_buffering = s.fd == 2 || (s.fd == 1 && ::isatty(1));
    Ref enc = Ref::steal(str_from_utf8(encoding));
    Ref err = Ref::steal(str_from_utf8(s.fd == 2 ? std::string("backslashreplace") : errors));
    Ref nl = Ref::steal(str_from_cstr("\n"));
    if (!enc || !err || !nl) return nullptr;
    Ref t = Ref::steal(
        text_create(buffer.get(), enc.get(), err.get(), nl.get(), line_buffering, unbuffered));
    if (!t) return nullptr;
    Ref mode = Ref::steal(str_from_cstr(s.write ? "w" : "r"));
    if (!mode || !io_dict_set(t.get(), "mode", mode.get())) return nullptr;
    if (dict_setitem_str(sysdict, s.attr, t.get()) < 0 ||
        dict_setitem_str(sysdict, s.dunder, t.get()) < 0) {
      return nullptr;
    }
  }
  return None;
}

bool io_finish_std_streams(Object* sysdict) {
  if (g_deferred_stdio_encoding.empty()) return true;
  Ref enc = Ref::steal(str_from_utf8(g_deferred_stdio_encoding));
  if (!enc) return false;
  for (const char* attr : {"stdin", "stdout", "stderr"}) {
    Object* stream = dict_get_str_borrowed(sysdict, attr);
    if (!stream || stream == None) continue;
    Ref errors = Ref::steal(object_getattr_str(stream, "errors"));
    if (!errors) return false;
    Ref kw = Ref::steal(tuple_pack(2, str_intern_cstr_borrowed("encoding"),
                                   str_intern_cstr_borrowed("errors")));
    if (!kw) return false;
    Object* args[2] = {enc.get(), errors.get()};
    Ref f = Ref::steal(object_getattr_str(stream, "reconfigure"));
    if (!f) return false;
    Ref r = Ref::steal(call(f.get(), args, 0, kw.get()));
    if (!r) return false;
  }
  g_deferred_stdio_encoding.clear();
  return true;
}

// Flush sys.stdout and sys.stderr (at exit, and before printing a traceback).
namespace {

Object* io_open_meth(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  return io_open(args, nargs, kwnames);
}

// io.text_encoding(encoding, stacklevel=2): "locale" when encoding is None (UTF-8 mode off).
Object* io_text_encoding(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"encoding", "stacklevel", nullptr};
  static const ArgSpec spec{"text_encoding", names, 1, 2};
  Object* a[2];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  if (a[0] != None) return newref(a[0]);
  return str_from_cstr("locale");
}

const MethodDef kIoFunctions[] = {
    {"open", io_open_meth, METH_DEFAULT, "Open file and return a stream."},
    {"text_encoding", io_text_encoding, METH_DEFAULT,
     "A helper function to choose the text encoding."},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

Object* io_module_init() {
  if (!io_types_ready()) return nullptr;
  Ref m = Ref::steal(module_new("io"));
  if (!m || module_add_functions(m.get(), kIoFunctions) < 0) return nullptr;
  // `open is io.open`, as in CPython: share the builtin when it exists already.
  if (Interpreter* in = tstate() ? tstate()->interp : nullptr; in && in->builtins) {
    Object* builtin_open = dict_get_str_borrowed(in->builtins, "open");
    if (builtin_open && module_add_object(m.get(), "open", builtin_open) < 0) return nullptr;
  }
  const std::pair<const char*, TypeObject*> types[] = {
      {"_IOBase", &IOBaseType},
      {"_RawIOBase", &RawIOBaseType},
      {"_BufferedIOBase", &BufferedIOBaseType},
      {"_TextIOBase", &TextIOBaseType},
      {"IOBase", &IOBaseType},
      {"RawIOBase", &RawIOBaseType},
      {"BufferedIOBase", &BufferedIOBaseType},
      {"TextIOBase", &TextIOBaseType},
      {"FileIO", &FileIOType},
      {"BufferedReader", &BufferedReaderType},
      {"BufferedWriter", &BufferedWriterType},
      {"BufferedRandom", &BufferedRandomType},
      {"TextIOWrapper", &TextIOWrapperType},
  };
  for (auto& [name, type] : types) {
    if (module_add_object(m.get(), name, as_object(type)) < 0) return nullptr;
  }
  if (module_add_object(m.get(), "UnsupportedOperation", g_unsupported_operation) < 0 ||
      module_add_object(m.get(), "BlockingIOError", as_object(&Exc_BlockingIOError)) < 0 ||
      module_add_int(m.get(), "DEFAULT_BUFFER_SIZE", kDefaultBufferSize) < 0 ||
      module_add_int(m.get(), "SEEK_SET", 0) < 0 || module_add_int(m.get(), "SEEK_CUR", 1) < 0 ||
      module_add_int(m.get(), "SEEK_END", 2) < 0 || io_memory_add_types(m.get()) < 0) {
    return nullptr;
  }
  return m.release();
}

}  // namespace gilpy

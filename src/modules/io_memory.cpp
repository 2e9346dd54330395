// io.StringIO (a _TextIOBase) and io.BytesIO (a _BufferedIOBase): in-memory streams (part of the
// `io` module; see modules/io.cpp for the whole stack). Both allocate in __new__ and take their
// arguments in __init__, as CPython, so Python subclasses can define their own __init__.
//
// StringIO keeps its text as an array of code points (std::u32string) so positions, seek, tell
// and truncate are in characters, with CPython's newline semantics (Modules/_io/stringio.c):
//  - newline=None: on write, "\r\n" and "\r" become "\n" (an IncrementalNewlineDecoder with
//    translate=True, called with final=True per write); lines end at "\n";
//  - newline="": nothing is translated; lines end at "\n", "\r\n" or a lone "\r";
//  - newline="\n" (the default): nothing is translated; lines end at "\n";
//  - newline="\r" / "\r\n": "\n" is written as that string; lines end at it.
//  `newlines` reports the kinds of line endings seen by the decoder (universal modes only).
// BytesIO keeps a std::string; writing past the end pads with NULs, as both CPython classes do.
// Messages follow CPython's, including their small differences ("I/O operation on closed file"
// has no final period for StringIO, has one for BytesIO).
#include <cstring>
#include <string>

#include "core/abstract.h"
#include "core/args.h"
#include "core/error.h"
#include "modules/io_internal.h"
#include "objects/bytesobject.h"
#include "objects/containers.h"
#include "objects/intobject.h"
#include "objects/memoryobject.h"
#include "objects/moduleobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"

namespace gilpy {

namespace {

TypeObject StringIOType, BytesIOType;

// ---- shared helpers -----------------------------------------------------------------------------

Object* unsupported(const char* what) {
  err_set_string(io_unsupported_operation_type(), what);
  return nullptr;
}

// An optional size argument: None/absent -> -1; "argument should be integer or None, not 'str'".
bool size_arg(const char* fname, Object* const* args, ssize nargs, Object* kwnames, ssize* out) {
  *out = -1;
  if (!check_no_kwargs(fname, kwnames) || !check_positional(fname, nargs, 0, 1)) return false;
  if (nargs == 0 || args[0] == None) return true;
  if (!index_check(args[0])) {
    err_format(&Exc_TypeError, "argument should be integer or None, not '%s'",
               type_name(type_of(args[0])));
    return false;
  }
  *out = number_as_ssize(args[0], &Exc_OverflowError);
  return !(*out == -1 && err_occurred());
}

bool index_arg(Object* o, ssize* out) {
  if (!index_check(o)) {
    err_format(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", o);
    return false;
  }
  *out = number_as_ssize(o, &Exc_OverflowError);
  return !(*out == -1 && err_occurred());
}

// Collect lines from `next` until it is exhausted or the hint is reached: IOBase.readlines (used
// by StringIO) stops once more than `hint` characters were read, BytesIO once at least `hint`
// bytes were (`inclusive`).
Object* generic_readlines(Object* self, Object* const* args, ssize nargs, Object* kwnames,
                          unaryfunc next, bool inclusive) {
  ssize hint;
  if (!size_arg("readlines", args, nargs, kwnames, &hint)) return nullptr;
  Ref result = Ref::steal(list_new(0));
  if (!result) return nullptr;
  ssize total = 0;
  for (;;) {
    Ref line = Ref::steal(next(self));
    if (!line) break;
    if (list_append(result.get(), line.get()) < 0) return nullptr;
    total += object_length(line.get());
    if (hint > 0 && (inclusive ? total >= hint : total > hint)) break;
  }
  if (err_occurred()) return nullptr;
  return result.release();
}

Object* generic_writelines(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("writelines", nargs, kwnames)) return nullptr;
  Ref it = Ref::steal(object_getiter(args[0]));
  if (!it) return nullptr;
  for (;;) {
    Ref line = Ref::steal(iter_next(it.get()));
    if (!line) break;
    Ref r = Ref::steal(call_method1(self, "write", line.get()));
    if (!r) return nullptr;
  }
  if (err_occurred()) return nullptr;
  return none_ref();
}

Object* generic_exit(Object* self, Object* const*, ssize, Object*) {
  return call_method0(self, "close");
}

// ---- StringIO -----------------------------------------------------------------------------------

enum NewlineSeen : int { SEEN_CR = 1, SEEN_LF = 2, SEEN_CRLF = 4 };

struct StringIOObject : IOBaseObject {
  std::u32string* buf;  // owned
  ssize pos;
  bool closed;
  bool has_decoder;     // universal newline modes (newline None or "")
  bool readtranslate;   // newline None
  bool readuniversal;   // newline None or ""
  int seen;             // NewlineSeen bits (decoder's newlines)
  std::u32string* readnl;   // owned: the line terminator for non-universal modes
  std::u32string* writenl;  // owned: "\n" replacement on write ("" for none)
};

StringIOObject* as_sio(Object* o) { return static_cast<StringIOObject*>(o); }

bool sio_check_open(StringIOObject* s) {
  if (s->closed) {
    err_set_string(&Exc_ValueError, "I/O operation on closed file");
    return false;
  }
  return true;
}

Object* sio_make_str(const char32_t* data, size_t n) {
  return str_from_ucs4(reinterpret_cast<const uint32_t*>(data), ssize(n));
}

std::u32string str_to_u32(Object* s) {
  ssize n = str_length(s);
  std::u32string out;
  out.resize(size_t(n));
  for (ssize i = 0; i < n; ++i) out[size_t(i)] = char32_t(str_read(s, i));
  return out;
}

// The write path: decoder translation, writenl, then overwrite/extend at pos.
void sio_write_text(StringIOObject* s, std::u32string text) {
  if (s->has_decoder) {
    std::u32string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
      char32_t c = text[i];
      if (c == U'\r') {
        if (i + 1 < text.size() && text[i + 1] == U'\n') {
          s->seen |= SEEN_CRLF;
          if (s->readtranslate) {
            out.push_back(U'\n');
            ++i;
            continue;
          }
        } else {
          s->seen |= SEEN_CR;
          if (s->readtranslate) {
            out.push_back(U'\n');
            continue;
          }
        }
      } else if (c == U'\n') {
        s->seen |= SEEN_LF;
      }
      out.push_back(c);
    }
    text.swap(out);
  }
  if (!s->writenl->empty() && *s->writenl != U"\n" && text.find(U'\n') != std::u32string::npos) {
    std::u32string out;
    for (char32_t c : text) {
      if (c == U'\n') {
        out += *s->writenl;
      } else {
        out.push_back(c);
      }
    }
    text.swap(out);
  }
  std::u32string& b = *s->buf;
  size_t pos = size_t(s->pos);
  if (pos > b.size()) b.resize(pos, U'\0');
  size_t overlap = std::min(text.size(), b.size() - pos);
  b.replace(pos, overlap, text);
  s->pos = ssize(pos + text.size());
}

Object* sio_new(TypeObject* type, Object* const*, ssize, Object*) {
  auto* s = static_cast<StringIOObject*>(object_alloc(type, size_t(type->basicsize)));
  if (!s) return nullptr;
  s->buf = new std::u32string();
  s->readnl = new std::u32string(U"\n");
  s->writenl = new std::u32string();
  return s;
}

int sio_init(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"initial_value", "newline", nullptr};
  static const ArgSpec spec{"StringIO", names, 0, 2};
  Object* a[2];
  if (!parse_args(spec, args, nargs, kwnames, a)) return -1;
  Object* initial = a[0];
  Object* newline = a[1];
  if (initial && initial != None && !str_check(initial)) {
    err_format(&Exc_TypeError, "initial_value must be str or None, not %s",
               type_name(type_of(initial)));
    return -1;
  }
  std::u32string nl = U"\n";
  bool nl_none = false;
  if (newline) {
    if (newline == None) {
      nl_none = true;
    } else if (!str_check(newline)) {
      err_format(&Exc_TypeError, "newline must be str or None, not %s",
                 type_name(type_of(newline)));
      return -1;
    } else {
      nl = str_to_u32(newline);
      if (nl != U"" && nl != U"\n" && nl != U"\r" && nl != U"\r\n") {
        err_format(&Exc_ValueError, "illegal newline value: %R", newline);
        return -1;
      }
    }
  }
  StringIOObject* s = as_sio(self);
  s->buf->clear();
  s->pos = 0;
  s->closed = false;
  s->seen = 0;
  s->readuniversal = nl_none || nl.empty();
  s->readtranslate = nl_none;
  s->has_decoder = s->readuniversal;
  *s->readnl = nl_none ? U"" : nl;
  *s->writenl = !nl_none && !nl.empty() && nl[0] == U'\r' ? nl : U"";
  if (initial && initial != None && str_length(initial) > 0) {
    sio_write_text(s, str_to_u32(initial));
    s->pos = 0;
  }
  return 0;
}

void sio_dealloc(Object* self) {
  StringIOObject* s = as_sio(self);
  delete s->buf;
  delete s->readnl;
  delete s->writenl;
  io_clear_dict(self);
  object_free(self);
}

Object* sio_getvalue(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("getvalue", nargs, kwnames)) return nullptr;
  StringIOObject* s = as_sio(self);
  if (!sio_check_open(s)) return nullptr;
  return sio_make_str(s->buf->data(), s->buf->size());
}

Object* sio_read(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  ssize n;
  if (!size_arg("read", args, nargs, kwnames, &n)) return nullptr;
  StringIOObject* s = as_sio(self);
  if (!sio_check_open(s)) return nullptr;
  size_t len = s->buf->size();
  size_t pos = size_t(s->pos);
  if (pos >= len) return str_from_cstr("");
  size_t avail = len - pos;
  size_t take = n < 0 || size_t(n) > avail ? avail : size_t(n);
  s->pos += ssize(take);
  return sio_make_str(s->buf->data() + pos, take);
}

// The length of the next line from pos (limit: max characters, -1 none).
size_t sio_line_length(StringIOObject* s, ssize limit) {
  const std::u32string& b = *s->buf;
  size_t pos = size_t(s->pos);
  size_t end = b.size();
  if (limit >= 0 && pos + size_t(limit) < end) end = pos + size_t(limit);
  size_t i = pos;
  if (s->readtranslate) {
    while (i < end && b[i] != U'\n') ++i;
    return (i < end ? i + 1 : end) - pos;
  }
  if (s->readuniversal) {
    while (i < end) {
      if (b[i] == U'\n') return i + 1 - pos;
      if (b[i] == U'\r') {
        if (i + 1 < end && b[i + 1] == U'\n') return i + 2 - pos;
        return i + 1 - pos;
      }
      ++i;
    }
    return end - pos;
  }
  const std::u32string& nl = *s->readnl;
  size_t found = b.find(nl, pos);
  if (found == std::u32string::npos || found + nl.size() > end) return end - pos;
  return found + nl.size() - pos;
}

Object* sio_readline_impl(StringIOObject* s, ssize limit) {
  if (size_t(s->pos) >= s->buf->size() || limit == 0) return str_from_cstr("");
  size_t n = sio_line_length(s, limit);
  size_t pos = size_t(s->pos);
  s->pos += ssize(n);
  return sio_make_str(s->buf->data() + pos, n);
}

Object* sio_readline(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  ssize n;
  if (!size_arg("readline", args, nargs, kwnames, &n)) return nullptr;
  StringIOObject* s = as_sio(self);
  if (!sio_check_open(s)) return nullptr;
  return sio_readline_impl(s, n);
}

Object* sio_iternext(Object* self) {
  StringIOObject* s = as_sio(self);
  if (!sio_check_open(s)) return nullptr;
  Object* line = sio_readline_impl(s, -1);
  if (line && str_length(line) == 0) {
    decref(line);
    return nullptr;
  }
  return line;
}

// The checks inherited from IOBase (__iter__, readlines, __enter__) use IOBase's message, which
// ends with a period.
bool iobase_check_open(StringIOObject* s) {
  if (s->closed) {
    err_set_string(&Exc_ValueError, "I/O operation on closed file.");
    return false;
  }
  return true;
}

Object* sio_iter(Object* self) {
  if (!iobase_check_open(as_sio(self))) return nullptr;
  return newref(self);
}

Object* sio_readlines(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!iobase_check_open(as_sio(self))) return nullptr;
  return generic_readlines(self, args, nargs, kwnames, sio_iternext, false);
}

Object* sio_write(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("write", nargs, kwnames)) return nullptr;
  StringIOObject* s = as_sio(self);
  if (!str_check(args[0])) {
    return err_format(&Exc_TypeError, "string argument expected, got '%s'",
                      type_name(type_of(args[0])));
  }
  if (!sio_check_open(s)) return nullptr;
  ssize n = str_length(args[0]);
  if (n > 0) sio_write_text(s, str_to_u32(args[0]));
  return int_from_ssize(n);
}

Object* sio_seek(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("seek", kwnames) || !check_positional("seek", nargs, 1, 2)) return nullptr;
  ssize pos, whence = 0;
  if (!index_arg(args[0], &pos) || (nargs > 1 && !index_arg(args[1], &whence))) return nullptr;
  StringIOObject* s = as_sio(self);
  if (!sio_check_open(s)) return nullptr;
  if (whence < 0 || whence > 2) {
    return err_format(&Exc_ValueError, "Invalid whence (%zd, should be 0, 1 or 2)", whence);
  }
  if (pos < 0 && whence == 0) {
    return err_format(&Exc_ValueError, "Negative seek position %zd", pos);
  }
  if (whence != 0 && pos != 0) {
    err_set_string(&Exc_OSError, "Can't do nonzero cur-relative seeks");
    return nullptr;
  }
  if (whence == 1) {
    pos = s->pos;
  } else if (whence == 2) {
    pos = ssize(s->buf->size());
  }
  s->pos = pos;
  return int_from_ssize(pos);
}

Object* sio_tell(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("tell", nargs, kwnames)) return nullptr;
  StringIOObject* s = as_sio(self);
  if (!sio_check_open(s)) return nullptr;
  return int_from_ssize(s->pos);
}

Object* sio_truncate(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("truncate", kwnames) || !check_positional("truncate", nargs, 0, 1)) {
    return nullptr;
  }
  StringIOObject* s = as_sio(self);
  if (!sio_check_open(s)) return nullptr;
  ssize size = s->pos;
  if (nargs == 1 && args[0] != None) {
    if (!index_arg(args[0], &size)) return nullptr;
    if (size < 0) return err_format(&Exc_ValueError, "Negative size value %zd", size);
  }
  if (size_t(size) < s->buf->size()) s->buf->resize(size_t(size));
  return int_from_ssize(size);
}

Object* sio_close(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("close", nargs, kwnames)) return nullptr;
  StringIOObject* s = as_sio(self);
  s->closed = true;
  s->buf->clear();
  s->buf->shrink_to_fit();
  return none_ref();
}

template <bool Value>
Object* sio_flag(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("readable", nargs, kwnames)) return nullptr;
  if (!sio_check_open(as_sio(self))) return nullptr;
  return bool_from(Value);
}

Object* sio_flush(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("flush", nargs, kwnames)) return nullptr;
  return none_ref();  // no closed check, as CPython's StringIO
}

Object* sio_enter(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("__enter__", nargs, kwnames)) return nullptr;
  if (!iobase_check_open(as_sio(self))) return nullptr;
  return newref(self);
}

Object* sio_fileno(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("fileno", nargs, kwnames)) return nullptr;
  return unsupported("fileno");
}

Object* sio_detach(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("detach", nargs, kwnames)) return nullptr;
  return unsupported("detach");
}

Object* sio_get_closed(Object* self) { return bool_from(as_sio(self)->closed); }
Object* sio_get_line_buffering(Object* self) {
  if (!sio_check_open(as_sio(self))) return nullptr;
  return bool_from(false);
}
Object* get_none(Object*) { return none_ref(); }

Object* sio_get_newlines(Object* self) {
  StringIOObject* s = as_sio(self);
  if (!sio_check_open(s)) return nullptr;
  if (!s->has_decoder || s->seen == 0) return none_ref();
  const char* kinds[3];
  int n = 0;
  if (s->seen & SEEN_CR) kinds[n++] = "\r";
  if (s->seen & SEEN_LF) kinds[n++] = "\n";
  if (s->seen & SEEN_CRLF) kinds[n++] = "\r\n";
  if (n == 1) return str_from_cstr(kinds[0]);
  Ref t = Ref::steal(tuple_new(n));
  if (!t) return nullptr;
  for (int i = 0; i < n; ++i) {
    Object* k = str_from_cstr(kinds[i]);
    if (!k) {
      for (int j = i; j < n; ++j) tuple_set_steal(t.get(), j, none_ref());
      return nullptr;
    }
    tuple_set_steal(t.get(), i, k);
  }
  return t.release();
}

const MethodDef kStringIOMethods[] = {
    {"getvalue", sio_getvalue, METH_DEFAULT, "Retrieve the entire contents of the object."},
    {"read", sio_read, METH_DEFAULT, "Read at most size characters, returned as a string."},
    {"readline", sio_readline, METH_DEFAULT, "Read until newline or EOF."},
    {"readlines", sio_readlines, METH_DEFAULT, "Return a list of lines from the stream."},
    {"write", sio_write, METH_DEFAULT, "Write string to file."},
    {"writelines", generic_writelines, METH_DEFAULT, "Write a list of lines to stream."},
    {"seek", sio_seek, METH_DEFAULT, "Change stream position."},
    {"tell", sio_tell, METH_DEFAULT, "Tell the current file position."},
    {"truncate", sio_truncate, METH_DEFAULT, "Truncate size to pos."},
    {"close", sio_close, METH_DEFAULT, "Close the IO object."},
    {"flush", sio_flush, METH_DEFAULT, "Does nothing."},
    {"readable", sio_flag<true>, METH_DEFAULT, "Returns True if the IO object can be read."},
    {"writable", sio_flag<true>, METH_DEFAULT, "Returns True if the IO object can be written."},
    {"seekable", sio_flag<true>, METH_DEFAULT, "Returns True if the IO object can be seeked."},
    {"isatty", sio_flag<false>, METH_DEFAULT, "Return whether this is an 'interactive' stream."},
    {"fileno", sio_fileno, METH_DEFAULT, "Returns underlying file descriptor if one exists."},
    {"detach", sio_detach, METH_DEFAULT, "Separate the underlying buffer from the TextIOBase and return it."},
    {"__enter__", sio_enter, METH_DEFAULT, nullptr},
    {"__exit__", generic_exit, METH_DEFAULT, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

const GetSetDef kStringIOGetSet[] = {
    {"closed", sio_get_closed, nullptr, nullptr},
    {"line_buffering", sio_get_line_buffering, nullptr, nullptr},
    {"newlines", sio_get_newlines, nullptr, nullptr},
    {"encoding", get_none, nullptr, nullptr},
    {"errors", get_none, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

// ---- BytesIO ------------------------------------------------------------------------------------

struct BytesIOObject : IOBaseObject {
  std::string* buf;  // owned
  ssize pos;
  bool closed;
};

BytesIOObject* as_bio(Object* o) { return static_cast<BytesIOObject*>(o); }

bool bio_check_open(BytesIOObject* b) {
  if (b->closed) {
    err_set_string(&Exc_ValueError, "I/O operation on closed file.");
    return false;
  }
  return true;
}

Object* bio_new(TypeObject* type, Object* const*, ssize, Object*) {
  auto* b = static_cast<BytesIOObject*>(object_alloc(type, size_t(type->basicsize)));
  if (!b) return nullptr;
  b->buf = new std::string();
  return b;
}

int bio_init(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"initial_bytes", nullptr};
  static const ArgSpec spec{"BytesIO", names, 0, 1};
  Object* a[1];
  if (!parse_args(spec, args, nargs, kwnames, a)) return -1;
  ByteView v;
  if (a[0] && a[0] != None && !get_byte_view(a[0], &v)) return -1;
  BytesIOObject* b = as_bio(self);
  b->buf->assign(v.data ? v.data : "", size_t(v.size));
  b->pos = 0;
  b->closed = false;
  return 0;
}

void bio_dealloc(Object* self) {
  delete as_bio(self)->buf;
  io_clear_dict(self);
  object_free(self);
}

Object* bio_readinto(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("readinto", nargs, kwnames)) return nullptr;
  WritableBufferArg out;
  if (!out.get(args[0], "readinto")) return nullptr;
  BytesIOObject* b = as_bio(self);
  if (!bio_check_open(b)) return nullptr;
  size_t len = b->buf->size(), pos = size_t(b->pos);
  size_t n = pos >= len ? 0 : std::min(len - pos, size_t(out.size()));
  if (n) std::memcpy(out.data(), b->buf->data() + pos, n);
  b->pos += ssize(n);
  return int_from_ssize(ssize(n));
}

Object* bio_getvalue(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("getvalue", nargs, kwnames)) return nullptr;
  BytesIOObject* b = as_bio(self);
  if (!bio_check_open(b)) return nullptr;
  return bytes_from(*b->buf);
}

Object* bio_read(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  ssize n;
  if (!size_arg("read", args, nargs, kwnames, &n)) return nullptr;
  BytesIOObject* b = as_bio(self);
  if (!bio_check_open(b)) return nullptr;
  size_t len = b->buf->size(), pos = size_t(b->pos);
  if (pos >= len) return bytes_from("", 0);
  size_t avail = len - pos;
  size_t take = n < 0 || size_t(n) > avail ? avail : size_t(n);
  b->pos += ssize(take);
  return bytes_from(b->buf->data() + pos, ssize(take));
}

Object* bio_readline_impl(BytesIOObject* b, ssize limit) {
  size_t len = b->buf->size(), pos = size_t(b->pos);
  if (pos >= len) return bytes_from("", 0);
  size_t end = len;
  if (limit >= 0 && pos + size_t(limit) < end) end = pos + size_t(limit);
  const void* nl = std::memchr(b->buf->data() + pos, '\n', end - pos);
  size_t stop = nl ? size_t(static_cast<const char*>(nl) - b->buf->data()) + 1 : end;
  b->pos = ssize(stop);
  return bytes_from(b->buf->data() + pos, ssize(stop - pos));
}

Object* bio_readline(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  ssize n;
  if (!size_arg("readline", args, nargs, kwnames, &n)) return nullptr;
  BytesIOObject* b = as_bio(self);
  if (!bio_check_open(b)) return nullptr;
  return bio_readline_impl(b, n);
}

Object* bio_iternext(Object* self) {
  BytesIOObject* b = as_bio(self);
  if (!bio_check_open(b)) return nullptr;
  Object* line = bio_readline_impl(b, -1);
  if (line && bytes_size(line) == 0) {
    decref(line);
    return nullptr;
  }
  return line;
}

Object* bio_iter(Object* self) {
  if (!bio_check_open(as_bio(self))) return nullptr;
  return newref(self);
}

Object* bio_readlines(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!bio_check_open(as_bio(self))) return nullptr;
  return generic_readlines(self, args, nargs, kwnames, bio_iternext, true);
}

Object* bio_write(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("write", nargs, kwnames)) return nullptr;
  BytesIOObject* b = as_bio(self);
  if (!bio_check_open(b)) return nullptr;
  ByteView v;
  if (!get_byte_view(args[0], &v)) return nullptr;
  if (v.size > 0) {
    std::string data(v.data, size_t(v.size));  // copy first: v may alias our own buffer
    size_t pos = size_t(b->pos);
    if (pos > b->buf->size()) b->buf->resize(pos, '\0');
    size_t overlap = std::min(data.size(), b->buf->size() - pos);
    b->buf->replace(pos, overlap, data);
    b->pos = ssize(pos + data.size());
  }
  return int_from_ssize(v.size);
}

Object* bio_seek(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("seek", kwnames) || !check_positional("seek", nargs, 1, 2)) return nullptr;
  ssize pos, whence = 0;
  if (!index_arg(args[0], &pos) || (nargs > 1 && !index_arg(args[1], &whence))) return nullptr;
  BytesIOObject* b = as_bio(self);
  if (!bio_check_open(b)) return nullptr;
  if (whence < 0 || whence > 2) {
    return err_format(&Exc_ValueError, "invalid whence (%zd, should be 0, 1 or 2)", whence);
  }
  if (whence == 0 && pos < 0) return err_format(&Exc_ValueError, "negative seek value %zd", pos);
  if (whence == 1) pos += b->pos;
  if (whence == 2) pos += ssize(b->buf->size());
  if (pos < 0) pos = 0;
  b->pos = pos;
  return int_from_ssize(pos);
}

Object* bio_tell(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("tell", nargs, kwnames)) return nullptr;
  BytesIOObject* b = as_bio(self);
  if (!bio_check_open(b)) return nullptr;
  return int_from_ssize(b->pos);
}

Object* bio_truncate(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("truncate", kwnames) || !check_positional("truncate", nargs, 0, 1)) {
    return nullptr;
  }
  BytesIOObject* b = as_bio(self);
  if (!bio_check_open(b)) return nullptr;
  ssize size = b->pos;
  if (nargs == 1 && args[0] != None) {
    if (!index_arg(args[0], &size)) return nullptr;
    if (size < 0) return err_format(&Exc_ValueError, "negative size value %zd", size);
  }
  if (size_t(size) < b->buf->size()) b->buf->resize(size_t(size));
  return int_from_ssize(size);
}

Object* bio_close(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("close", nargs, kwnames)) return nullptr;
  BytesIOObject* b = as_bio(self);
  b->closed = true;
  b->buf->clear();
  b->buf->shrink_to_fit();
  return none_ref();
}

template <bool Value>
Object* bio_flag(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("readable", nargs, kwnames)) return nullptr;
  if (!bio_check_open(as_bio(self))) return nullptr;
  return bool_from(Value);
}

Object* bio_flush(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("flush", nargs, kwnames)) return nullptr;
  if (!bio_check_open(as_bio(self))) return nullptr;
  return none_ref();
}

Object* bio_enter(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("__enter__", nargs, kwnames)) return nullptr;
  if (!bio_check_open(as_bio(self))) return nullptr;
  return newref(self);
}

Object* bio_get_closed(Object* self) { return bool_from(as_bio(self)->closed); }

const MethodDef kBytesIOMethods[] = {
    {"getvalue", bio_getvalue, METH_DEFAULT, "Retrieve the entire contents of the BytesIO object."},
    {"read", bio_read, METH_DEFAULT, "Read at most size bytes, returned as a bytes object."},
    {"read1", bio_read, METH_DEFAULT, "Read at most size bytes, returned as a bytes object."},
    {"readline", bio_readline, METH_DEFAULT, "Next line from the file, as a bytes object."},
    {"readinto", bio_readinto, METH_DEFAULT, "Read bytes into buffer b."},
    {"readlines", bio_readlines, METH_DEFAULT, "List of bytes objects, each a line from the file."},
    {"write", bio_write, METH_DEFAULT, "Write bytes to file."},
    {"writelines", generic_writelines, METH_DEFAULT, "Write lines to the file."},
    {"seek", bio_seek, METH_DEFAULT, "Change stream position."},
    {"tell", bio_tell, METH_DEFAULT, "Current file position, an integer."},
    {"truncate", bio_truncate, METH_DEFAULT, "Truncate the file to at most size bytes."},
    {"close", bio_close, METH_DEFAULT, "Disable all I/O operations."},
    {"flush", bio_flush, METH_DEFAULT, "Does nothing."},
    {"readable", bio_flag<true>, METH_DEFAULT, "Returns True if the IO object can be read."},
    {"writable", bio_flag<true>, METH_DEFAULT, "Returns True if the IO object can be written."},
    {"seekable", bio_flag<true>, METH_DEFAULT, "Returns True if the IO object can be seeked."},
    {"isatty", bio_flag<false>, METH_DEFAULT, "Always returns False."},
    {"fileno", sio_fileno, METH_DEFAULT, "Returns underlying file descriptor if one exists."},
    {"__enter__", bio_enter, METH_DEFAULT, nullptr},
    {"__exit__", generic_exit, METH_DEFAULT, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

const GetSetDef kBytesIOGetSet[] = {
    {"closed", bio_get_closed, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

void init_type(TypeObject* t, const char* name, ssize size, destructor dealloc, newfunc new_,
               initproc init, TypeObject* base) {
  io_init_type(t, name, size, base);
  t->dealloc = dealloc;
  t->new_ = new_;
  t->init = init;
}

bool types_ready() {
  if (BytesIOType.flags & TPFLAG_READY) return true;
  init_type(&StringIOType, "_io.StringIO", sizeof(StringIOObject), sio_dealloc, sio_new,
            sio_init, &TextIOBaseType);
  StringIOType.doc = "Text I/O implementation using an in-memory buffer.";
  StringIOType.iter = sio_iter;
  StringIOType.iternext = sio_iternext;
  StringIOType.methods = kStringIOMethods;
  StringIOType.getset = kStringIOGetSet;
  init_type(&BytesIOType, "_io.BytesIO", sizeof(BytesIOObject), bio_dealloc, bio_new,
            bio_init, &BufferedIOBaseType);
  BytesIOType.doc = "Buffered I/O implementation using an in-memory bytes buffer.";
  BytesIOType.iter = bio_iter;
  BytesIOType.iternext = bio_iternext;
  BytesIOType.methods = kBytesIOMethods;
  BytesIOType.getset = kBytesIOGetSet;
  return type_ready(&StringIOType) >= 0 && type_ready(&BytesIOType) >= 0;
}

}  // namespace

int io_memory_add_types(Object* module) {
  if (!types_ready()) return -1;
  if (module_add_object(module, "StringIO", as_object(&StringIOType)) < 0 ||
      module_add_object(module, "BytesIO", as_object(&BytesIOType)) < 0) {
    return -1;
  }
  return 0;
}

}  // namespace gilpy

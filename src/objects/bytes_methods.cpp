// The methods bytes and bytearray share (CPython's bytes_methods.c and stringlib over bytes): search
// (find/index/count with an int or bytes-like needle), split/partition/strip/replace/join, ASCII
// case mapping and predicates, padding, hex/fromhex, translate/maketrans, decode.
//
// Every method reads self through self_view() (bytes or bytearray) and builds its result with
// bytes_new_like(), so bytearray methods return bytearrays. Searching uses memchr / memmem / memrchr
// (str_methods.cpp's bytes_find_raw & co). Character classes are ASCII only, as in CPython.
#include <cstring>
#include <string>
#include <vector>

#include "core/abstract.h"
#include "core/args.h"
#include "core/error.h"
#include "objects/bytes_internal.h"
#include "objects/containers.h"
#include "objects/intobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"

namespace gilpy {

namespace {

inline bool b_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\x0b' || c == '\x0c';
}
inline bool b_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
inline bool b_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
inline bool b_alpha(unsigned char c) { return b_lower(c) || b_upper(c); }
inline bool b_digit(unsigned char c) { return c >= '0' && c <= '9'; }
inline unsigned char b_tolower(unsigned char c) { return b_upper(c) ? c + 32 : c; }
inline unsigned char b_toupper(unsigned char c) { return b_lower(c) ? c - 32 : c; }

const char* tname(Object* self) {
  return self && bytearray_check(self) ? "bytearray" : "bytes";
}

// Keyword errors name the type: "bytes.find() takes no keyword arguments".
bool varargs(Object* self, const char* name, ssize nargs, Object* kwnames, ssize min, ssize max) {
  if (kwnames && tuple_size(kwnames)) {
    err_format(&Exc_TypeError, "%s.%s() takes no keyword arguments", tname(self), name);
    return false;
  }
  if (nargs < min) {
    err_format(&Exc_TypeError, "%s() takes at least %zd argument%s (%zd given)", name, min,
               min == 1 ? "" : "s", nargs);
    return false;
  }
  if (nargs > max) {
    err_format(&Exc_TypeError, "%s() takes at most %zd argument%s (%zd given)", name, max,
               max == 1 ? "" : "s", nargs);
    return false;
  }
  return true;
}

bool positional(Object* self, const char* name, ssize nargs, Object* kwnames, ssize min,
                ssize max) {
  if (kwnames && tuple_size(kwnames)) {
    err_format(&Exc_TypeError, "%s.%s() takes no keyword arguments", tname(self), name);
    return false;
  }
  return check_positional(name, nargs, min, max);
}


bool noargs(Object* self, const char* meth, ssize nargs, Object* kw) {
  std::string q = std::string(tname(self)) + "." + meth;
  if (!check_no_kwargs(q.c_str(), kw)) return false;
  return check_no_args(q.c_str(), nargs, kw);
}

bool one_arg(Object* self, const char* meth, ssize nargs, Object* kw) {
  std::string q = std::string(tname(self)) + "." + meth;
  return check_one_arg(q.c_str(), nargs, kw);
}

bool arg_ssize(Object* o, ssize* out) {
  ssize v = number_as_ssize(o, &Exc_OverflowError);
  if (v == -1 && err_occurred()) return false;
  *out = v;
  return true;
}

Object* same_or_copy(Object* self) {
  if (type_of(self) == &BytesType) return newref(self);
  ByteView v = self_view(self);
  return bytes_new_like(self, v.data, v.size);
}

// ---- find family --------------------------------------------------------------------------------

// The needle of find/count/index: an int byte or a bytes-like object.
struct ByteNeedle {
  char byte;
  ByteView view;
  bool parse(Object* o) {
    if (index_check(o)) {
      int b = byte_from_object(o);
      if (b < 0) return false;
      byte = char(b);
      view.data = &byte;
      view.size = 1;
      return true;
    }
    if (bytes_check(o) || bytearray_check(o)) {
      view = self_view(o);
      return true;
    }
    if (buffer_check(o)) return get_byte_view(o, &view);
    err_format(&Exc_TypeError, "argument should be integer or bytes-like object, not '%T'", o);
    return false;
  }
};

ssize find_impl(const char* name, Object* self, Object* const* args, ssize nargs, Object* kw,
                int direction, bool* ok) {
  *ok = false;
  if (!varargs(self, name, nargs, kw, 1, 3)) return -1;
  ByteNeedle nd;
  if (!nd.parse(args[0])) return -1;
  ssize start, end;
  if (!parse_start_end(args, nargs, 1, &start, &end)) return -1;
  ByteView v = self_view(self);
  adjust_start_end(v.size, &start, &end);
  *ok = true;
  if (end - start < nd.view.size) return -1;
  ssize r = direction > 0 ? bytes_find_raw(v.data + start, end - start, nd.view.data, nd.view.size)
                          : bytes_rfind_raw(v.data + start, end - start, nd.view.data, nd.view.size);
  return r < 0 ? -1 : r + start;
}

// ---- split helpers ------------------------------------------------------------------------------

// Owned pieces of split/splitlines, turned into a list at the end (list_new + list_set_steal).
struct Pieces {
  std::vector<Object*> v;
  ~Pieces() {
    for (Object* o : v) xdecref(o);
  }
  bool add(Object* self, const char* d, ssize n) {
    Object* p = bytes_new_like(self, d, n);
    if (!p) return false;
    v.push_back(p);
    return true;
  }
  Object* to_list(bool reverse) {
    ssize n = ssize(v.size());
    Object* list = list_new(n);
    if (!list) return nullptr;
    for (ssize i = 0; i < n; ++i) list_set_steal(list, i, v[size_t(reverse ? n - 1 - i : i)]);
    v.clear();
    return list;
  }
};

Object* split_impl(const char* name, Object* self, Object* const* args, ssize nargs,
                   Object* kwnames, int direction) {
  static const char* const names[] = {"sep", "maxsplit", nullptr};
  ArgSpec spec = {name, names, 0, 2};
  Object* a[2] = {nullptr, nullptr};
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  ssize maxsplit = -1;
  if (a[1] && !arg_ssize(a[1], &maxsplit)) return nullptr;
  if (maxsplit < 0) maxsplit = ssize(1) << 62;
  ByteView v = self_view(self);
  const char* d = v.data;
  ssize len = v.size;
  Pieces out;
  if (!a[0] || a[0] == None) {
    if (direction > 0) {
      ssize i = 0;
      while (maxsplit-- > 0) {
        while (i < len && b_space(static_cast<unsigned char>(d[i]))) ++i;
        if (i == len) break;
        ssize j = i;
        while (i < len && !b_space(static_cast<unsigned char>(d[i]))) ++i;
        if (!out.add(self, d + j, i - j)) return nullptr;
      }
      while (i < len && b_space(static_cast<unsigned char>(d[i]))) ++i;
      if (i < len && !out.add(self, d + i, len - i)) return nullptr;
      return out.to_list(false);
    } else {
      ssize i = len - 1;
      while (maxsplit-- > 0) {
        while (i >= 0 && b_space(static_cast<unsigned char>(d[i]))) --i;
        if (i < 0) break;
        ssize j = i;
        while (i >= 0 && !b_space(static_cast<unsigned char>(d[i]))) --i;
        if (!out.add(self, d + i + 1, j - i)) return nullptr;
      }
      while (i >= 0 && b_space(static_cast<unsigned char>(d[i]))) --i;
      if (i >= 0 && !out.add(self, d, i + 1)) return nullptr;
      return out.to_list(true);
    }
  }
  ByteView sep;
  if (!get_byte_view(a[0], &sep)) return nullptr;
  if (sep.size == 0) return err_format(&Exc_ValueError, "empty separator");
  std::string sepcopy(sep.data, size_t(sep.size));  // sep may alias a mutating bytearray
  if (direction > 0) {
    ssize pos = 0;
    while (maxsplit-- > 0) {
      ssize i = bytes_find_raw(d + pos, len - pos, sepcopy.data(), sep.size);
      if (i < 0) break;
      if (!out.add(self, d + pos, i)) return nullptr;
      pos += i + sep.size;
    }
    if (!out.add(self, d + pos, len - pos)) return nullptr;
    return out.to_list(false);
  }
  {
    ssize end = len;
    while (maxsplit-- > 0) {
      ssize i = bytes_rfind_raw(d, end, sepcopy.data(), sep.size);
      if (i < 0) break;
      if (!out.add(self, d + i + sep.size, end - i - sep.size)) return nullptr;
      end = i;
    }
    if (!out.add(self, d, end)) return nullptr;
    return out.to_list(true);
  }
}

Object* strip_impl(const char* name, Object* self, Object* const* args, ssize nargs, Object* kw,
                   int which) {
  if (!positional(self, name, nargs, kw, 0, 1)) return nullptr;
  ByteView v = self_view(self);
  const unsigned char* d = reinterpret_cast<const unsigned char*>(v.data);
  ssize i = 0, j = v.size;
  if (nargs == 0 || args[0] == None) {
    if (which & 1)
      while (i < j && b_space(d[i])) ++i;
    if (which & 2)
      while (j > i && b_space(d[j - 1])) --j;
  } else {
    ByteView chars;
    if (!get_byte_view(args[0], &chars)) return nullptr;
    bool set[256] = {};
    for (ssize k = 0; k < chars.size; ++k) set[static_cast<unsigned char>(chars.data[k])] = true;
    if (which & 1)
      while (i < j && set[d[i]]) ++i;
    if (which & 2)
      while (j > i && set[d[j - 1]]) --j;
  }
  if (i == 0 && j == v.size) return same_or_copy(self);
  return bytes_new_like(self, v.data + i, j - i);
}

int tailmatch(const ByteView& v, const ByteView& sub, ssize start, ssize end, int direction) {
  adjust_start_end(v.size, &start, &end);
  end -= sub.size;
  if (end < start) return 0;
  if (sub.size == 0) return 1;
  ssize off = direction > 0 ? end : start;
  return memcmp(v.data + off, sub.data, size_t(sub.size)) == 0;
}

Object* startsend(const char* name, Object* self, Object* const* args, ssize nargs, Object* kw,
                  int direction) {
  if (!varargs(self, name, nargs, kw, 1, 3)) return nullptr;
  ssize start, end;
  if (!parse_start_end(args, nargs, 1, &start, &end)) return nullptr;
  ByteView v = self_view(self);
  Object* x = args[0];
  if (tuple_check(x)) {
    for (ssize i = 0; i < tuple_size(x); ++i) {
      ByteView sub;
      if (!get_byte_view(tuple_get_borrowed(x, i), &sub)) return nullptr;
      if (tailmatch(v, sub, start, end, direction)) return bool_from(true);
    }
    return bool_from(false);
  }
  ByteView sub;
  if (buffer_check(x)) {
    if (!get_byte_view(x, &sub)) return nullptr;
  } else {
    return err_format(&Exc_TypeError, "%s first arg must be bytes or a tuple of bytes, not %T",
                      name, x);
  }
  return bool_from(tailmatch(v, sub, start, end, direction));
}

enum CaseOp { C_LOWER, C_UPPER, C_SWAP, C_TITLE, C_CAP };
Object* case_impl(Object* self, const char* meth, ssize nargs, Object* kw, CaseOp op) {
  if (!noargs(self, meth, nargs, kw)) return nullptr;
  ByteView v = self_view(self);
  std::string out(v.data, size_t(v.size));
  unsigned char* d = reinterpret_cast<unsigned char*>(out.data());
  ssize n = v.size;
  switch (op) {
    case C_LOWER: for (ssize i = 0; i < n; ++i) d[i] = b_tolower(d[i]); break;
    case C_UPPER: for (ssize i = 0; i < n; ++i) d[i] = b_toupper(d[i]); break;
    case C_SWAP:
      for (ssize i = 0; i < n; ++i) d[i] = b_upper(d[i]) ? b_tolower(d[i]) : b_toupper(d[i]);
      break;
    case C_TITLE: {
      bool prev = false;
      for (ssize i = 0; i < n; ++i) {
        unsigned char c = d[i];
        if (b_upper(c)) {
          if (prev) d[i] = b_tolower(c);
          prev = true;
        } else if (b_lower(c)) {
          if (!prev) d[i] = b_toupper(c);
          prev = true;
        } else {
          prev = false;
        }
      }
      break;
    }
    case C_CAP:
      if (n) d[0] = b_toupper(d[0]);
      for (ssize i = 1; i < n; ++i) d[i] = b_tolower(d[i]);
      break;
  }
  return bytes_new_like(self, out.data(), n);
}

template <bool (*P)(unsigned char)>
Object* all_bytes(Object* self, const char* meth, ssize nargs, Object* kw) {
  if (!noargs(self, meth, nargs, kw)) return nullptr;
  ByteView v = self_view(self);
  if (v.size == 0) return bool_from(false);
  for (ssize i = 0; i < v.size; ++i)
    if (!P(static_cast<unsigned char>(v.data[i]))) return bool_from(false);
  return bool_from(true);
}
bool b_alnum(unsigned char c) { return b_alpha(c) || b_digit(c); }

bool fillchar_arg(const char* name, Object* o, char* fill) {
  if ((bytes_check(o) || bytearray_check(o)) && self_view(o).size == 1) {
    *fill = self_view(o).data[0];
    return true;
  }
  err_format(&Exc_TypeError, "%s() argument 2 must be a byte string of length 1, not %T", name, o);
  return false;
}

Object* pad_impl(Object* self, ssize left, ssize right, char fill) {
  ByteView v = self_view(self);
  if (left < 0) left = 0;
  if (right < 0) right = 0;
  if (left == 0 && right == 0) return same_or_copy(self);
  std::string out;
  out.reserve(size_t(left + v.size + right));
  out.append(size_t(left), fill);
  out.append(v.data, size_t(v.size));
  out.append(size_t(right), fill);
  return bytes_new_like(self, out.data(), ssize(out.size()));
}

Object* just_impl(const char* name, Object* self, Object* const* args, ssize nargs, Object* kw,
                  int which) {
  if (!positional(self, name, nargs, kw, 1, 2)) return nullptr;
  ssize width;
  if (!arg_ssize(args[0], &width)) return nullptr;
  char fill = ' ';
  if (nargs > 1 && !fillchar_arg(name, args[1], &fill)) return nullptr;
  ssize len = self_view(self).size;
  if (len >= width) return same_or_copy(self);
  ssize marg = width - len;
  if (which == 0) return pad_impl(self, 0, marg, fill);
  if (which == 1) return pad_impl(self, marg, 0, fill);
  ssize left = marg / 2 + (marg & width & 1);
  return pad_impl(self, left, marg - left, fill);
}

Object* partition_impl(Object* self, Object* sepobj, int direction) {
  ByteView sep;
  if (!get_byte_view(sepobj, &sep)) return nullptr;
  if (sep.size == 0) return err_format(&Exc_ValueError, "empty separator");
  ByteView v = self_view(self);
  ssize i = direction > 0 ? bytes_find_raw(v.data, v.size, sep.data, sep.size)
                          : bytes_rfind_raw(v.data, v.size, sep.data, sep.size);
  Ref empty = Ref::steal(bytes_new_like(self, "", 0));
  if (!empty) return nullptr;
  if (i < 0) {
    Ref whole = Ref::steal(bytes_new_like(self, v.data, v.size));
    if (!whole) return nullptr;
    if (direction > 0) {
      Ref e2 = Ref::steal(bytes_new_like(self, "", 0));
      return tuple_pack(3, whole.get(), empty.get(), e2 ? e2.get() : empty.get());
    }
    Ref e2 = Ref::steal(bytes_new_like(self, "", 0));
    return tuple_pack(3, empty.get(), e2 ? e2.get() : empty.get(), whole.get());
  }
  Ref a = Ref::steal(bytes_new_like(self, v.data, i));
  Ref b = Ref::steal(bytes_new_like(self, sep.data, sep.size));
  Ref c = Ref::steal(bytes_new_like(self, v.data + i + sep.size, v.size - i - sep.size));
  if (!a || !b || !c) return nullptr;
  return tuple_pack(3, a.get(), b.get(), c.get());
}

int hexval(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

// ---- the methods --------------------------------------------------------------------------------

Object* bm_find(Object* self, Object* const* args, ssize nargs, Object* kw) {
  bool ok;
  ssize r = find_impl("find", self, args, nargs, kw, 1, &ok);
  return ok ? int_from_ssize(r) : nullptr;
}
Object* bm_rfind(Object* self, Object* const* args, ssize nargs, Object* kw) {
  bool ok;
  ssize r = find_impl("rfind", self, args, nargs, kw, -1, &ok);
  return ok ? int_from_ssize(r) : nullptr;
}
Object* bm_index(Object* self, Object* const* args, ssize nargs, Object* kw) {
  bool ok;
  ssize r = find_impl("index", self, args, nargs, kw, 1, &ok);
  if (!ok) return nullptr;
  if (r < 0) return err_format(&Exc_ValueError, "subsection not found");
  return int_from_ssize(r);
}
Object* bm_rindex(Object* self, Object* const* args, ssize nargs, Object* kw) {
  bool ok;
  ssize r = find_impl("rindex", self, args, nargs, kw, -1, &ok);
  if (!ok) return nullptr;
  if (r < 0) return err_format(&Exc_ValueError, "subsection not found");
  return int_from_ssize(r);
}
Object* bm_count(Object* self, Object* const* args, ssize nargs, Object* kw) {
  if (!varargs(self, "count", nargs, kw, 1, 3)) return nullptr;
  ByteNeedle nd;
  if (!nd.parse(args[0])) return nullptr;
  ssize start, end;
  if (!parse_start_end(args, nargs, 1, &start, &end)) return nullptr;
  ByteView v = self_view(self);
  adjust_start_end(v.size, &start, &end);
  if (end - start < nd.view.size) return int_from_ssize(0);
  return int_from_ssize(
      bytes_count_raw(v.data + start, end - start, nd.view.data, nd.view.size, ssize(1) << 62));
}

Object* bm_startswith(Object* self, Object* const* args, ssize nargs, Object* kw) {
  return startsend("startswith", self, args, nargs, kw, -1);
}
Object* bm_endswith(Object* self, Object* const* args, ssize nargs, Object* kw) {
  return startsend("endswith", self, args, nargs, kw, 1);
}

Object* bm_split(Object* self, Object* const* args, ssize nargs, Object* kw) {
  return split_impl("split", self, args, nargs, kw, 1);
}
Object* bm_rsplit(Object* self, Object* const* args, ssize nargs, Object* kw) {
  return split_impl("rsplit", self, args, nargs, kw, -1);
}

Object* bm_splitlines(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"keepends", nullptr};
  static const ArgSpec spec = {"splitlines", names, 0, 1};
  Object* a[1] = {nullptr};
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  bool keepends;
  if (!bool_arg(a[0], false, &keepends)) return nullptr;
  ByteView v = self_view(self);
  Pieces out;
  ssize i = 0, len = v.size;
  const char* d = v.data;
  while (i < len) {
    ssize j = i;
    while (i < len && d[i] != '\n' && d[i] != '\r') ++i;
    ssize eol = i;
    if (i < len) {
      if (d[i] == '\r' && i + 1 < len && d[i + 1] == '\n') i += 2;
      else ++i;
      if (keepends) eol = i;
    }
    if (!out.add(self, d + j, eol - j)) return nullptr;
  }
  return out.to_list(false);
}

Object* bm_partition(Object* self, Object* const* args, ssize nargs, Object* kw) {
  if (!one_arg(self, "partition", nargs, kw)) return nullptr;
  return partition_impl(self, args[0], 1);
}
Object* bm_rpartition(Object* self, Object* const* args, ssize nargs, Object* kw) {
  if (!one_arg(self, "rpartition", nargs, kw)) return nullptr;
  return partition_impl(self, args[0], -1);
}

Object* bm_join(Object* self, Object* const* args, ssize nargs, Object* kw) {
  if (!one_arg(self, "join", nargs, kw)) return nullptr;
  Object* iterable = args[0];
  Ref seq;
  if (list_check_exact(iterable) || tuple_check_exact(iterable)) {
    seq = Ref::borrow(iterable);
  } else {
    seq = Ref::steal(sequence_list(iterable));
    if (!seq) {
      if (err_matches(&Exc_TypeError)) {
        err_clear();
        return err_format(&Exc_TypeError, "can only join an iterable");
      }
      return nullptr;
    }
  }
  bool is_list = list_check(seq.get());
  ssize n = is_list ? list_size(seq.get()) : tuple_size(seq.get());
  Object** items = is_list ? list_items(seq.get()) : tuple_items(seq.get());
  ByteView sep = self_view(self);
  std::string sepcopy(sep.data, size_t(sep.size));
  std::string out;
  for (ssize i = 0; i < n; ++i) {
    Object* it = items[i];
    ByteView v;
    if (!get_byte_view_or_clear(it, &v))
      return err_format(&Exc_TypeError, "sequence item %zd: expected a bytes-like object, %T found",
                        i, it);
    if (i) out += sepcopy;
    out.append(v.data, size_t(v.size));
  }
  return bytes_new_like(self, out.data(), ssize(out.size()));
}

Object* bm_strip(Object* self, Object* const* args, ssize nargs, Object* kw) {
  return strip_impl("strip", self, args, nargs, kw, 3);
}
Object* bm_lstrip(Object* self, Object* const* args, ssize nargs, Object* kw) {
  return strip_impl("lstrip", self, args, nargs, kw, 1);
}
Object* bm_rstrip(Object* self, Object* const* args, ssize nargs, Object* kw) {
  return strip_impl("rstrip", self, args, nargs, kw, 2);
}

Object* bm_replace(Object* self, Object* const* args, ssize nargs, Object* kw) {
  if (!positional(self, "replace", nargs, kw, 2, 3)) return nullptr;
  ByteView oldv, newv;
  if (!get_byte_view(args[0], &oldv) || !get_byte_view(args[1], &newv)) return nullptr;
  ssize count = -1;
  if (nargs > 2 && !arg_ssize(args[2], &count)) return nullptr;
  if (count < 0) count = ssize(1) << 62;
  ByteView v = self_view(self);
  std::string o(oldv.data, size_t(oldv.size)), nw(newv.data, size_t(newv.size));
  std::string out;
  out.reserve(size_t(v.size));
  if (o.empty()) {
    ssize n = 0;
    for (ssize i = 0; i <= v.size; ++i) {
      if (n < count) {
        out += nw;
        ++n;
      } else {
        out.append(v.data + i, size_t(v.size - i));
        break;
      }
      if (i < v.size) out.push_back(v.data[i]);
    }
    return bytes_new_like(self, out.data(), ssize(out.size()));
  }
  ssize pos = 0, n = 0;
  while (n < count) {
    ssize i = bytes_find_raw(v.data + pos, v.size - pos, o.data(), ssize(o.size()));
    if (i < 0) break;
    out.append(v.data + pos, size_t(i));
    out += nw;
    pos += i + ssize(o.size());
    ++n;
  }
  if (n == 0) return same_or_copy(self);
  out.append(v.data + pos, size_t(v.size - pos));
  return bytes_new_like(self, out.data(), ssize(out.size()));
}

Object* bm_removeprefix(Object* self, Object* const* args, ssize nargs, Object* kw) {
  if (!one_arg(self, "removeprefix", nargs, kw)) return nullptr;
  ByteView p;
  if (!get_byte_view(args[0], &p)) return nullptr;
  ByteView v = self_view(self);
  if (p.size && p.size <= v.size && memcmp(v.data, p.data, size_t(p.size)) == 0)
    return bytes_new_like(self, v.data + p.size, v.size - p.size);
  return same_or_copy(self);
}
Object* bm_removesuffix(Object* self, Object* const* args, ssize nargs, Object* kw) {
  if (!one_arg(self, "removesuffix", nargs, kw)) return nullptr;
  ByteView p;
  if (!get_byte_view(args[0], &p)) return nullptr;
  ByteView v = self_view(self);
  if (p.size && p.size <= v.size && memcmp(v.data + v.size - p.size, p.data, size_t(p.size)) == 0)
    return bytes_new_like(self, v.data, v.size - p.size);
  return same_or_copy(self);
}

Object* bm_lower(Object* self, Object* const*, ssize nargs, Object* kw) {
  return case_impl(self, "lower", nargs, kw, C_LOWER);
}
Object* bm_upper(Object* self, Object* const*, ssize nargs, Object* kw) {
  return case_impl(self, "upper", nargs, kw, C_UPPER);
}
Object* bm_swapcase(Object* self, Object* const*, ssize nargs, Object* kw) {
  return case_impl(self, "swapcase", nargs, kw, C_SWAP);
}
Object* bm_title(Object* self, Object* const*, ssize nargs, Object* kw) {
  return case_impl(self, "title", nargs, kw, C_TITLE);
}
Object* bm_capitalize(Object* self, Object* const*, ssize nargs, Object* kw) {
  return case_impl(self, "capitalize", nargs, kw, C_CAP);
}

Object* bm_isalpha(Object* self, Object* const*, ssize nargs, Object* kw) {
  return all_bytes<b_alpha>(self, "isalpha", nargs, kw);
}
Object* bm_isalnum(Object* self, Object* const*, ssize nargs, Object* kw) {
  return all_bytes<b_alnum>(self, "isalnum", nargs, kw);
}
Object* bm_isdigit(Object* self, Object* const*, ssize nargs, Object* kw) {
  return all_bytes<b_digit>(self, "isdigit", nargs, kw);
}
Object* bm_isspace(Object* self, Object* const*, ssize nargs, Object* kw) {
  return all_bytes<b_space>(self, "isspace", nargs, kw);
}
Object* bm_isascii(Object* self, Object* const*, ssize nargs, Object* kw) {
  if (!noargs(self, "isascii", nargs, kw)) return nullptr;
  ByteView v = self_view(self);
  for (ssize i = 0; i < v.size; ++i)
    if (static_cast<unsigned char>(v.data[i]) >= 128) return bool_from(false);
  return bool_from(true);
}
Object* bm_islower(Object* self, Object* const*, ssize nargs, Object* kw) {
  if (!noargs(self, "islower", nargs, kw)) return nullptr;
  ByteView v = self_view(self);
  bool cased = false;
  for (ssize i = 0; i < v.size; ++i) {
    unsigned char c = static_cast<unsigned char>(v.data[i]);
    if (b_upper(c)) return bool_from(false);
    if (b_lower(c)) cased = true;
  }
  return bool_from(cased);
}
Object* bm_isupper(Object* self, Object* const*, ssize nargs, Object* kw) {
  if (!noargs(self, "isupper", nargs, kw)) return nullptr;
  ByteView v = self_view(self);
  bool cased = false;
  for (ssize i = 0; i < v.size; ++i) {
    unsigned char c = static_cast<unsigned char>(v.data[i]);
    if (b_lower(c)) return bool_from(false);
    if (b_upper(c)) cased = true;
  }
  return bool_from(cased);
}
Object* bm_istitle(Object* self, Object* const*, ssize nargs, Object* kw) {
  if (!noargs(self, "istitle", nargs, kw)) return nullptr;
  ByteView v = self_view(self);
  bool cased = false, prev = false;
  for (ssize i = 0; i < v.size; ++i) {
    unsigned char c = static_cast<unsigned char>(v.data[i]);
    if (b_upper(c)) {
      if (prev) return bool_from(false);
      prev = cased = true;
    } else if (b_lower(c)) {
      if (!prev) return bool_from(false);
      prev = cased = true;
    } else {
      prev = false;
    }
  }
  return bool_from(cased);
}

Object* bm_ljust(Object* self, Object* const* args, ssize nargs, Object* kw) {
  return just_impl("ljust", self, args, nargs, kw, 0);
}
Object* bm_rjust(Object* self, Object* const* args, ssize nargs, Object* kw) {
  return just_impl("rjust", self, args, nargs, kw, 1);
}
Object* bm_center(Object* self, Object* const* args, ssize nargs, Object* kw) {
  return just_impl("center", self, args, nargs, kw, 2);
}
Object* bm_zfill(Object* self, Object* const* args, ssize nargs, Object* kw) {
  if (!one_arg(self, "zfill", nargs, kw)) return nullptr;
  ssize width;
  if (!arg_ssize(args[0], &width)) return nullptr;
  ByteView v = self_view(self);
  if (v.size >= width) return same_or_copy(self);
  ssize fill = width - v.size;
  std::string out(size_t(fill), '0');
  out.append(v.data, size_t(v.size));
  if (out[size_t(fill)] == '+' || out[size_t(fill)] == '-') {
    out[0] = out[size_t(fill)];
    out[size_t(fill)] = '0';
  }
  return bytes_new_like(self, out.data(), ssize(out.size()));
}

Object* bm_expandtabs(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"tabsize", nullptr};
  static const ArgSpec spec = {"expandtabs", names, 0, 1};
  Object* a[1] = {nullptr};
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  ssize tabsize = 8;
  if (a[0] && !arg_ssize(a[0], &tabsize)) return nullptr;
  ByteView v = self_view(self);
  std::string out;
  ssize col = 0;
  for (ssize i = 0; i < v.size; ++i) {
    char c = v.data[i];
    if (c == '\t') {
      if (tabsize > 0) {
        ssize incr = tabsize - (col % tabsize);
        col += incr;
        out.append(size_t(incr), ' ');
      }
    } else {
      out.push_back(c);
      ++col;
      if (c == '\n' || c == '\r') col = 0;
    }
  }
  return bytes_new_like(self, out.data(), ssize(out.size()));
}

Object* bm_decode(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"encoding", "errors", nullptr};
  static const ArgSpec spec = {"decode", names, 0, 2};
  Object* a[2] = {nullptr, nullptr};
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  const char* enc = "utf-8";
  const char* errs = "strict";
  if (a[0]) {
    if (!str_check(a[0]))
      return err_format(&Exc_TypeError, "decode() argument 'encoding' must be str, not %T", a[0]);
    if (!(enc = str_as_utf8(a[0]))) return nullptr;
  }
  if (a[1]) {
    if (!str_check(a[1]))
      return err_format(&Exc_TypeError, "decode() argument 'errors' must be str, not %T", a[1]);
    if (!(errs = str_as_utf8(a[1]))) return nullptr;
  }
  ByteView v = self_view(self);
  return bytes_decode_with(v.data, v.size, enc, errs);
}

Object* bm_hex(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"sep", "bytes_per_sep", nullptr};
  static const ArgSpec spec = {"hex", names, 0, 2};
  Object* a[2] = {nullptr, nullptr};
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  char sep = 0;
  if (a[0]) {
    if (str_check(a[0])) {
      if (str_length(a[0]) != 1) return err_format(&Exc_ValueError, "sep must be length 1.");
      uint32_t c = str_read(a[0], 0);
      if (c > 127) return err_format(&Exc_ValueError, "sep must be ASCII.");
      sep = char(c);
    } else if (bytes_check(a[0]) || bytearray_check(a[0])) {
      ByteView s = self_view(a[0]);
      if (s.size != 1) return err_format(&Exc_ValueError, "sep must be length 1.");
      sep = s.data[0];
      if (static_cast<unsigned char>(sep) > 127)
        return err_format(&Exc_ValueError, "sep must be ASCII.");
    } else {
      ssize n = object_length(a[0]);
      if (n < 0) return nullptr;
      return err_format(&Exc_ValueError, "sep must be length 1.");
    }
  }
  ssize per = 1;
  if (a[1]) {
    if (!arg_ssize(a[1], &per)) return nullptr;
  }
  ByteView v = self_view(self);
  static const char hex[] = "0123456789abcdef";
  ssize absper = per < 0 ? -per : per;
  ssize nsep = (sep && absper && v.size) ? (v.size - 1) / absper : 0;
  Object* r = str_new_uninit(v.size * 2 + nsep, 0x7f);
  if (!r) return nullptr;
  char* out = static_cast<char*>(static_cast<StrObject*>(r)->data());
  for (ssize i = 0; i < v.size; ++i) {
    if (nsep && i > 0) {
      // group boundaries counted from the right when per > 0, from the left when per < 0
      bool boundary = per > 0 ? ((v.size - i) % absper == 0) : (i % absper == 0);
      if (boundary) *out++ = sep;
    }
    unsigned char c = static_cast<unsigned char>(v.data[i]);
    *out++ = hex[c >> 4];
    *out++ = hex[c & 15];
  }
  return r;
}

Object* bm_fromhex(Object* cls, Object* const* args, ssize nargs, Object* kw) {
  std::string q = std::string(type_name(reinterpret_cast<TypeObject*>(cls))) + ".fromhex";
  if (!check_one_arg(q.c_str(), nargs, kw)) return nullptr;
  Object* s = args[0];
  if (!str_check(s))
    return err_format(&Exc_TypeError, "fromhex() argument must be str, not %T", s);
  ssize n = str_length(s);
  std::string out;
  out.reserve(size_t(n / 2));
  ssize i = 0;
  for (;;) {
    while (i < n) {
      uint32_t c = str_read(s, i);
      if (c < 128 && b_space(static_cast<unsigned char>(c))) ++i;
      else break;
    }
    if (i >= n) break;
    uint32_t c1 = str_read(s, i);
    int top = c1 < 128 ? hexval(static_cast<unsigned char>(c1)) : -1;
    if (top < 0)
      return err_format(&Exc_ValueError,
                        "non-hexadecimal number found in fromhex() arg at position %zd", i);
    uint32_t c2 = i + 1 < n ? str_read(s, i + 1) : 0;
    int bot = c2 && c2 < 128 ? hexval(static_cast<unsigned char>(c2)) : -1;
    if (bot < 0)
      return err_format(&Exc_ValueError,
                        "non-hexadecimal number found in fromhex() arg at position %zd", i + 1);
    out.push_back(char(top * 16 + bot));
    i += 2;
  }
  TypeObject* type = reinterpret_cast<TypeObject*>(cls);
  bool ba = type_is_subtype(type, &ByteArrayType);
  Ref r = Ref::steal(ba ? bytearray_from(out.data(), ssize(out.size()))
                        : bytes_from(out.data(), ssize(out.size())));
  if (!r) return nullptr;
  if (type == &BytesType || type == &ByteArrayType) return r.release();
  return call1(cls, r.get());
}

Object* bm_translate(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"", "delete", nullptr};
  static const ArgSpec spec = {"translate", names, 1, 2};
  Object* a[2] = {nullptr, nullptr};
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  const char* table = nullptr;
  if (a[0] != None) {
    ByteView t;
    if (!get_byte_view(a[0], &t)) return nullptr;
    if (t.size != 256)
      return err_format(&Exc_ValueError, "translation table must be 256 characters long");
    table = t.data;
  }
  bool del[256] = {};
  if (a[1]) {
    ByteView d;
    if (!get_byte_view(a[1], &d)) return nullptr;
    for (ssize i = 0; i < d.size; ++i) del[static_cast<unsigned char>(d.data[i])] = true;
  }
  ByteView v = self_view(self);
  std::string out;
  out.reserve(size_t(v.size));
  for (ssize i = 0; i < v.size; ++i) {
    unsigned char c = static_cast<unsigned char>(v.data[i]);
    if (del[c]) continue;
    out.push_back(table ? table[c] : char(c));
  }
  return bytes_new_like(self, out.data(), ssize(out.size()));
}

Object* bm_maketrans(Object*, Object* const* args, ssize nargs, Object* kw) {
  if (!positional(nullptr, "maketrans", nargs, kw, 2, 2)) return nullptr;
  ByteView f, t;
  if (!get_byte_view(args[0], &f) || !get_byte_view(args[1], &t)) return nullptr;
  if (f.size != t.size)
    return err_format(&Exc_ValueError, "maketrans arguments must have same length");
  char table[256];
  for (int i = 0; i < 256; ++i) table[i] = char(i);
  for (ssize i = 0; i < f.size; ++i) table[static_cast<unsigned char>(f.data[i])] = t.data[i];
  return bytes_from(table, 256);
}

}  // namespace gilpy

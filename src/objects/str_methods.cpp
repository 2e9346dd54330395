// str methods (the MethodDef table kStrMethods used by StrType) and the substring search shared
// with bytes.
//
// Search: same-kind haystack/needle; a needle wider than the haystack can never match (canonical
// kinds), a narrower one is widened once. Kind 1 uses memchr / glibc memmem (two-way) and memrchr;
// kinds 2/4 scan for the first code unit and memcmp the rest.
//
// Results are built without per-character allocation: ASCII inputs take byte-level fast paths
// (case mapping, strip, split on whitespace); other results are assembled in a KindBuf (code units
// of the widest input kind) and narrowed once by str_from_kind_data, which keeps the canonical form.
// The split family appends its pieces straight to the result list (Pieces).
//
// Semantics and messages follow CPython 3.12's unicodeobject.c / stringlib (argument errors use the
// same style per method: "find() takes at least 1 argument (0 given)", "strip expected at most 1
// argument, got 2", "str.join() takes exactly one argument (0 given)").
#include <cstring>
#include <string>
#include <vector>

#include "core/abstract.h"
#include "core/args.h"
#include "core/error.h"
#include "objects/bytesobject.h"
#include "objects/containers.h"
#include "objects/format_spec.h"
#include "objects/intobject.h"
#include "objects/singletons.h"
#include "objects/str_internal.h"
#include "objects/strobject.h"

namespace gilpy {

// str_format.cpp
Object* str_format_meth(Object* self, Object* const* args, ssize nargs, Object* kwnames);
Object* str_format_map_meth(Object* self, Object* const* args, ssize nargs, Object* kwnames);

// ---- raw searching ------------------------------------------------------------------------------

ssize bytes_find_raw(const char* h, ssize hn, const char* n, ssize nn) {
  if (nn == 0) return 0;
  if (nn > hn) return -1;
  if (nn == 1) {
    const void* p = memchr(h, n[0], size_t(hn));
    return p ? static_cast<const char*>(p) - h : -1;
  }
  const void* p = memmem(h, size_t(hn), n, size_t(nn));
  return p ? static_cast<const char*>(p) - h : -1;
}

ssize bytes_rfind_raw(const char* h, ssize hn, const char* n, ssize nn) {
  if (nn == 0) return hn;
  if (nn > hn) return -1;
  if (nn == 1) {
    const void* p = memrchr(h, n[0], size_t(hn));
    return p ? static_cast<const char*>(p) - h : -1;
  }
  for (ssize i = hn - nn; i >= 0; --i) {
    const void* p = memrchr(h, n[0], size_t(i + 1));
    if (!p) return -1;
    i = static_cast<const char*>(p) - h;
    if (memcmp(h + i, n, size_t(nn)) == 0) return i;
  }
  return -1;
}

ssize bytes_count_raw(const char* h, ssize hn, const char* n, ssize nn, ssize maxcount) {
  if (nn == 0) return hn + 1 < maxcount ? hn + 1 : maxcount;
  ssize count = 0, pos = 0;
  while (count < maxcount) {
    ssize i = bytes_find_raw(h + pos, hn - pos, n, nn);
    if (i < 0) break;
    ++count;
    pos += i + nn;
  }
  return count;
}

namespace {

template <class T>
ssize find_t(const T* h, ssize hn, const T* n, ssize nn) {
  if (nn == 0) return 0;
  if (nn > hn) return -1;
  const T first = n[0];
  const T* end = h + (hn - nn) + 1;
  for (const T* p = h; p < end; ++p)
    if (*p == first && memcmp(p + 1, n + 1, size_t(nn - 1) * sizeof(T)) == 0) return p - h;
  return -1;
}

template <class T>
ssize rfind_t(const T* h, ssize hn, const T* n, ssize nn) {
  if (nn == 0) return hn;
  if (nn > hn) return -1;
  const T first = n[0];
  for (ssize i = hn - nn; i >= 0; --i)
    if (h[i] == first && memcmp(h + i + 1, n + 1, size_t(nn - 1) * sizeof(T)) == 0) return i;
  return -1;
}

// A needle's code units in the haystack's kind (widened copy when needed). `ok` false when the
// needle cannot occur (wider kind than the haystack).
struct Needle {
  std::string buf;
  const char* data = nullptr;
  ssize len = 0;
  bool ok = true;
  Needle(Object* sub, int kind) {
    len = str_length(sub);
    int sk = str_kind(sub);
    if (sk > kind) {
      ok = false;
      return;
    }
    if (sk == kind) {
      data = static_cast<const char*>(str_obj(sub)->data());
      return;
    }
    buf.resize(size_t(len) * size_t(kind));
    for (ssize i = 0; i < len; ++i) kind_write(kind, buf.data(), i, str_read(sub, i));
    data = buf.data();
  }
};

ssize find_kind(int kind, const char* h, ssize hn, const char* n, ssize nn, int direction) {
  switch (kind) {
    case 1:
      return direction > 0 ? bytes_find_raw(h, hn, n, nn) : bytes_rfind_raw(h, hn, n, nn);
    case 2:
      return direction > 0 ? find_t(reinterpret_cast<const uint16_t*>(h), hn,
                                    reinterpret_cast<const uint16_t*>(n), nn)
                           : rfind_t(reinterpret_cast<const uint16_t*>(h), hn,
                                     reinterpret_cast<const uint16_t*>(n), nn);
    default:
      return direction > 0 ? find_t(reinterpret_cast<const uint32_t*>(h), hn,
                                    reinterpret_cast<const uint32_t*>(n), nn)
                           : rfind_t(reinterpret_cast<const uint32_t*>(h), hn,
                                     reinterpret_cast<const uint32_t*>(n), nn);
  }
}

inline const char* sdata(Object* s) { return static_cast<const char*>(str_obj(s)->data()); }

}  // namespace

ssize str_find_sub(Object* s, ssize start, ssize end, Object* sub, int direction) {
  ssize len = str_length(s);
  adjust_start_end(len, &start, &end);
  ssize nn = str_length(sub);
  if (end - start < nn) return -1;
  int kind = str_kind(s);
  Needle nd(sub, kind);
  if (!nd.ok) return -1;
  ssize r = find_kind(kind, sdata(s) + start * kind, end - start, nd.data, nn, direction);
  return r < 0 ? -1 : r + start;
}

ssize str_count_sub(Object* s, ssize start, ssize end, Object* sub, ssize maxcount) {
  ssize len = str_length(s);
  adjust_start_end(len, &start, &end);
  ssize nn = str_length(sub);
  if (end - start < nn) return 0;
  if (nn == 0) return end - start + 1 < maxcount ? end - start + 1 : maxcount;
  int kind = str_kind(s);
  Needle nd(sub, kind);
  if (!nd.ok) return 0;
  const char* h = sdata(s) + start * kind;
  ssize hn = end - start;
  if (kind == 1) return bytes_count_raw(h, hn, nd.data, nn, maxcount);
  ssize count = 0, pos = 0;
  while (count < maxcount) {
    ssize i = find_kind(kind, h + pos * kind, hn - pos, nd.data, nn, 1);
    if (i < 0) break;
    ++count;
    pos += i + nn;
  }
  return count;
}

// ---- argument helpers ---------------------------------------------------------------------------

bool slice_index(Object* o, ssize* out) {
  if (o == None) return true;
  if (int_check(o) && int_is_small(o)) {
    *out = ssize(int_small_value(o));
    return true;
  }
  if (index_check(o)) {
    ssize v = number_as_ssize(o, nullptr);
    if (v == -1 && err_occurred()) return false;
    *out = v;
    return true;
  }
  err_set_string(&Exc_TypeError,
                 "slice indices must be integers or None or have an __index__ method");
  return false;
}

bool parse_start_end(Object* const* args, ssize nargs, ssize first, ssize* start, ssize* end) {
  *start = 0;
  *end = ssize(1) << 62;
  if (nargs > first && !slice_index(args[first], start)) return false;
  if (nargs > first + 1 && !slice_index(args[first + 1], end)) return false;
  return true;
}

namespace {

// "find() takes at least 1 argument (0 given)" (PyArg_ParseTuple style), no keywords.
bool varargs(const char* name, ssize nargs, Object* kwnames, ssize min, ssize max) {
  if (kwnames && tuple_size(kwnames)) {
    err_format(&Exc_TypeError, "str.%s() takes no keyword arguments", name);
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

// _PyArg_CheckPositional style ("strip expected at most 1 argument, got 2"), no keywords.
bool positional(const char* name, ssize nargs, Object* kwnames, ssize min, ssize max) {
  if (kwnames && tuple_size(kwnames)) {
    err_format(&Exc_TypeError, "str.%s() takes no keyword arguments", name);
    return false;
  }
  return check_positional(name, nargs, min, max);
}

// ssize from an int-like argument ("'str' object cannot be interpreted as an integer").
bool arg_ssize(Object* o, ssize* out) {
  if (int_check(o) && int_is_small(o)) {
    *out = ssize(int_small_value(o));
    return true;
  }
  ssize v = number_as_ssize(o, &Exc_OverflowError);
  if (v == -1 && err_occurred()) return false;
  *out = v;
  return true;
}

Object* noargs_check(const char* qual, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs(qual, kwnames)) return nullptr;
  if (!check_no_args(qual, nargs, kwnames)) return nullptr;
  return None;
}

// Builder of code units in a given kind; finish() narrows to the canonical kind.
struct KindBuf {
  int kind;
  std::string b;
  explicit KindBuf(int k, size_t reserve_units = 0) : kind(k) { b.reserve(reserve_units * k); }
  void push(uint32_t c) {
    size_t at = b.size();
    b.resize(at + size_t(kind));
    kind_write(kind, &b[at], 0, c);
  }
  void append(Object* s, ssize start, ssize n) {
    if (n <= 0) return;
    int sk = str_kind(s);
    if (sk == kind) {
      b.append(sdata(s) + start * sk, size_t(n) * sk);
      return;
    }
    size_t at = b.size();
    b.resize(at + size_t(n) * kind);
    for (ssize i = 0; i < n; ++i) kind_write(kind, &b[at], i, str_read(s, start + i));
  }
  ssize length() const { return ssize(b.size()) / kind; }
  Object* finish() { return str_from_kind_data(kind, b.data(), length()); }
};

inline int wider(Object* a, Object* b) { return str_kind(a) > str_kind(b) ? str_kind(a) : str_kind(b); }

Object* self_result(Object* self) { return str_exact_copy(self); }

// ---- find family --------------------------------------------------------------------------------

bool find_args(const char* name, Object* self, Object* const* args, ssize nargs, Object* kwnames,
               ssize* start, ssize* end) {
  if (!varargs(name, nargs, kwnames, 1, 3)) return false;
  if (!str_check(args[0])) {
    err_format(&Exc_TypeError, "must be str, not %T", args[0]);
    return false;
  }
  return parse_start_end(args, nargs, 1, start, end);
}

Object* str_find_m(Object* self, Object* const* args, ssize nargs, Object* kw) {
  ssize start, end;
  if (!find_args("find", self, args, nargs, kw, &start, &end)) return nullptr;
  return int_from_ssize(str_find_sub(self, start, end, args[0], 1));
}
Object* str_rfind_m(Object* self, Object* const* args, ssize nargs, Object* kw) {
  ssize start, end;
  if (!find_args("rfind", self, args, nargs, kw, &start, &end)) return nullptr;
  return int_from_ssize(str_find_sub(self, start, end, args[0], -1));
}
Object* str_index_m(Object* self, Object* const* args, ssize nargs, Object* kw) {
  ssize start, end;
  if (!find_args("index", self, args, nargs, kw, &start, &end)) return nullptr;
  ssize r = str_find_sub(self, start, end, args[0], 1);
  if (r < 0) return err_format(&Exc_ValueError, "substring not found");
  return int_from_ssize(r);
}
Object* str_rindex_m(Object* self, Object* const* args, ssize nargs, Object* kw) {
  ssize start, end;
  if (!find_args("rindex", self, args, nargs, kw, &start, &end)) return nullptr;
  ssize r = str_find_sub(self, start, end, args[0], -1);
  if (r < 0) return err_format(&Exc_ValueError, "substring not found");
  return int_from_ssize(r);
}
Object* str_count_m(Object* self, Object* const* args, ssize nargs, Object* kw) {
  ssize start, end;
  if (!find_args("count", self, args, nargs, kw, &start, &end)) return nullptr;
  return int_from_ssize(str_count_sub(self, start, end, args[0], ssize(1) << 62));
}

// startswith / endswith
int tailmatch(Object* self, Object* sub, ssize start, ssize end, int direction) {
  ssize len = str_length(self), sl = str_length(sub);
  adjust_start_end(len, &start, &end);
  end -= sl;
  if (end < start) return 0;
  if (sl == 0) return 1;
  int kind = str_kind(self);
  if (str_kind(sub) > kind) return 0;
  ssize off = direction > 0 ? end : start;
  if (str_kind(sub) == kind)
    return memcmp(sdata(self) + off * kind, sdata(sub), size_t(sl) * kind) == 0;
  for (ssize i = 0; i < sl; ++i)
    if (str_read(self, off + i) != str_read(sub, i)) return 0;
  return 1;
}

Object* startsend(const char* name, Object* self, Object* const* args, ssize nargs, Object* kw,
                  int direction) {
  if (!varargs(name, nargs, kw, 1, 3)) return nullptr;
  ssize start, end;
  if (!parse_start_end(args, nargs, 1, &start, &end)) return nullptr;
  Object* x = args[0];
  if (tuple_check(x)) {
    for (ssize i = 0; i < tuple_size(x); ++i) {
      Object* it = tuple_get_borrowed(x, i);
      if (!str_check(it))
        return err_format(&Exc_TypeError, "tuple for %s must only contain str, not %T", name, it);
      if (tailmatch(self, it, start, end, direction)) return bool_from(true);
    }
    return bool_from(false);
  }
  if (!str_check(x))
    return err_format(&Exc_TypeError, "%s first arg must be str or a tuple of str, not %T", name,
                      x);
  return bool_from(tailmatch(self, x, start, end, direction));
}
Object* str_startswith_m(Object* self, Object* const* args, ssize nargs, Object* kw) {
  return startsend("startswith", self, args, nargs, kw, -1);
}
Object* str_endswith_m(Object* self, Object* const* args, ssize nargs, Object* kw) {
  return startsend("endswith", self, args, nargs, kw, +1);
}

// ---- split family -------------------------------------------------------------------------------

// The pieces of the split family, appended straight to the result list (as CPython does: the
// list's 1/8 over-allocation keeps the transient memory of a big split small, where a vector plus a
// final copy would hold up to three times the pointers); rsplit's list is reversed at the end. A
// failed append drops the list, so that to_list() reports the error.
struct Pieces {
  Ref list = Ref::steal(list_new(0));
  bool add_steal(Object* piece) {
    Ref owned = Ref::steal(piece);
    if (!owned || !list) return false;
    if (list_append(list.get(), owned.get()) < 0) list.reset();
    return bool(list);
  }
  bool add_sub(Object* s, ssize start, ssize end) { return add_steal(str_substring(s, start, end)); }
  bool add(Object* o) { return add_steal(newref(o)); }
  Object* to_list(bool reverse) {
    if (list && reverse) list_reverse(list.get());
    return list.release();
  }
};

inline bool is_space(int kind, const char* d, ssize i) {
  uint32_t c = kind_read(kind, d, i);
  return c < 128 ? (kAsciiFlags[c] & AF_SPACE) != 0 : unicode_isspace(c);
}

template <class T>
inline bool space_at(const T* d, ssize i) {
  uint32_t c = d[i];
  return c < 128 ? (kAsciiFlags[c] & AF_SPACE) != 0 : unicode_isspace(c);
}

template <class T>
Object* split_whitespace_t(Object* s, const T* d, ssize len, ssize maxsplit) {
  Pieces out;
  ssize i = 0;
  while (maxsplit-- > 0) {
    while (i < len && space_at(d, i)) ++i;
    if (i == len) break;
    ssize j = i;
    while (i < len && !space_at(d, i)) ++i;
    if (j == 0 && i == len && str_check_exact(s)) {
      out.add(s);
      return out.to_list(false);
    }
    if (!out.add_sub(s, j, i)) return nullptr;
  }
  if (i < len) {
    while (i < len && space_at(d, i)) ++i;
    if (i != len && !out.add_sub(s, i, len)) return nullptr;
  }
  return out.to_list(false);
}

template <class T>
Object* rsplit_whitespace_t(Object* s, const T* d, ssize len, ssize maxsplit) {
  Pieces out;
  ssize i = len - 1;
  while (maxsplit-- > 0) {
    while (i >= 0 && space_at(d, i)) --i;
    if (i < 0) break;
    ssize j = i;
    while (i >= 0 && !space_at(d, i)) --i;
    if (i < 0 && j == len - 1 && str_check_exact(s)) {
      out.add(s);
      return out.to_list(true);
    }
    if (!out.add_sub(s, i + 1, j + 1)) return nullptr;
  }
  if (i >= 0) {
    while (i >= 0 && space_at(d, i)) --i;
    if (i >= 0 && !out.add_sub(s, 0, i + 1)) return nullptr;
  }
  return out.to_list(true);
}

Object* split_whitespace(Object* s, ssize maxsplit, int direction) {
  ssize len = str_length(s);
  switch (str_kind(s)) {
    case 1:
      return direction > 0 ? split_whitespace_t(s, str_data1(s), len, maxsplit)
                           : rsplit_whitespace_t(s, str_data1(s), len, maxsplit);
    case 2:
      return direction > 0 ? split_whitespace_t(s, str_data2(s), len, maxsplit)
                           : rsplit_whitespace_t(s, str_data2(s), len, maxsplit);
    default:
      return direction > 0 ? split_whitespace_t(s, str_data4(s), len, maxsplit)
                           : rsplit_whitespace_t(s, str_data4(s), len, maxsplit);
  }
}

Object* split_sep(Object* s, Object* sep, ssize maxsplit, int direction) {
  ssize len = str_length(s), sl = str_length(sep);
  if (sl == 0) return err_format(&Exc_ValueError, "empty separator");
  Pieces out;
  int kind = str_kind(s);
  Needle nd(sep, kind);
  if (!nd.ok || sl > len) {
    if (!out.add_steal(str_exact_copy(s))) return nullptr;
    return out.to_list(false);
  }
  const char* d = sdata(s);
  if (direction > 0) {
    ssize pos = 0;
    while (maxsplit-- > 0) {
      ssize i = find_kind(kind, d + pos * kind, len - pos, nd.data, sl, 1);
      if (i < 0) break;
      if (!out.add_sub(s, pos, pos + i)) return nullptr;
      pos += i + sl;
    }
    if (pos == 0 && str_check_exact(s)) out.add(s);
    else if (!out.add_sub(s, pos, len)) return nullptr;
    return out.to_list(false);
  }
  ssize end = len;
  while (maxsplit-- > 0) {
    ssize i = find_kind(kind, d, end, nd.data, sl, -1);
    if (i < 0) break;
    if (!out.add_sub(s, i + sl, end)) return nullptr;
    end = i;
  }
  if (end == len && str_check_exact(s)) out.add(s);
  else if (!out.add_sub(s, 0, end)) return nullptr;
  return out.to_list(true);
}

Object* split_common(const char* name, Object* self, Object* const* args, ssize nargs,
                     Object* kwnames, int direction) {
  static const char* const names[] = {"sep", "maxsplit", nullptr};
  ArgSpec spec = {name, names, 0, 2};
  Object* a[2] = {nullptr, nullptr};
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  ssize maxsplit = -1;
  if (a[1] && !arg_ssize(a[1], &maxsplit)) return nullptr;
  if (maxsplit < 0) maxsplit = ssize(1) << 62;
  Object* sep = a[0];
  if (!sep || sep == None) {
    return split_whitespace(self, maxsplit, direction);
  }
  if (!str_check(sep)) return err_format(&Exc_TypeError, "must be str or None, not %T", sep);
  return split_sep(self, sep, maxsplit, direction);
}

Object* str_split_m(Object* self, Object* const* args, ssize nargs, Object* kw) {
  return split_common("split", self, args, nargs, kw, 1);
}
Object* str_rsplit_m(Object* self, Object* const* args, ssize nargs, Object* kw) {
  return split_common("rsplit", self, args, nargs, kw, -1);
}

Object* str_splitlines_m(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"keepends", nullptr};
  static const ArgSpec spec = {"splitlines", names, 0, 1};
  Object* a[1] = {nullptr};
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  bool keepends;
  if (!bool_arg(a[0], false, &keepends)) return nullptr;
  Pieces out;
  ssize len = str_length(self);
  int kind = str_kind(self);
  const char* d = sdata(self);
  ssize i = 0;
  while (i < len) {
    ssize j = i;
    while (i < len && !unicode_is_linebreak(kind_read(kind, d, i))) ++i;
    ssize eol = i;
    if (i < len) {
      if (kind_read(kind, d, i) == '\r' && i + 1 < len && kind_read(kind, d, i + 1) == '\n')
        i += 2;
      else
        ++i;
      if (keepends) eol = i;
    }
    if (j == 0 && eol == len && str_check_exact(self)) {
      out.add(self);
      break;
    }
    if (!out.add_sub(self, j, eol)) return nullptr;
  }
  return out.to_list(false);
}

Object* partition_common(const char* name, Object* self, Object* sep, int direction) {
  if (!str_check(sep)) return err_format(&Exc_TypeError, "must be str, not %T", sep);
  if (str_length(sep) == 0) return err_format(&Exc_ValueError, "empty separator");
  ssize i = str_find_sub(self, 0, str_length(self), sep, direction);
  Ref empty = Ref::steal(str_empty());
  if (i < 0) {
    Ref whole = Ref::steal(str_exact_copy(self));
    if (!whole) return nullptr;
    return direction > 0 ? tuple_pack(3, whole.get(), empty.get(), empty.get())
                         : tuple_pack(3, empty.get(), empty.get(), whole.get());
  }
  Ref a = Ref::steal(str_substring(self, 0, i));
  Ref b = Ref::steal(str_exact_copy(sep));
  Ref c = Ref::steal(str_substring(self, i + str_length(sep), str_length(self)));
  if (!a || !b || !c) return nullptr;
  return tuple_pack(3, a.get(), b.get(), c.get());
}
Object* str_partition_m(Object* self, Object* const* args, ssize nargs, Object* kw) {
  if (!check_one_arg("str.partition", nargs, kw)) return nullptr;
  return partition_common("partition", self, args[0], 1);
}
Object* str_rpartition_m(Object* self, Object* const* args, ssize nargs, Object* kw) {
  if (!check_one_arg("str.rpartition", nargs, kw)) return nullptr;
  return partition_common("rpartition", self, args[0], -1);
}

Object* str_join_m(Object* self, Object* const* args, ssize nargs, Object* kw) {
  if (!check_one_arg("str.join", nargs, kw)) return nullptr;
  return str_join(self, args[0]);
}

// ---- strip --------------------------------------------------------------------------------------

Object* do_strip(const char* name, Object* self, Object* const* args, ssize nargs, Object* kw,
                 int which /* 1 left, 2 right, 3 both */) {
  if (!positional(name, nargs, kw, 0, 1)) return nullptr;
  ssize len = str_length(self);
  int kind = str_kind(self);
  const char* d = sdata(self);
  ssize i = 0, j = len;
  Object* chars = nargs ? args[0] : None;
  if (chars == None) {
    if (which & 1)
      while (i < j && is_space(kind, d, i)) ++i;
    if (which & 2)
      while (j > i && is_space(kind, d, j - 1)) --j;
  } else {
    if (!str_check(chars)) return err_format(&Exc_TypeError, "%s arg must be None or str", name);
    ssize cl = str_length(chars);
    bool latin[256] = {};
    bool all_latin = true;
    for (ssize k = 0; k < cl; ++k) {
      uint32_t c = str_read(chars, k);
      if (c < 256) latin[c] = true;
      else all_latin = false;
    }
    auto in_chars = [&](uint32_t c) {
      if (c < 256) return latin[c];
      if (all_latin) return false;
      for (ssize k = 0; k < cl; ++k)
        if (str_read(chars, k) == c) return true;
      return false;
    };
    if (which & 1)
      while (i < j && in_chars(kind_read(kind, d, i))) ++i;
    if (which & 2)
      while (j > i && in_chars(kind_read(kind, d, j - 1))) --j;
  }
  return str_substring(self, i, j);
}
Object* str_strip_m(Object* self, Object* const* args, ssize nargs, Object* kw) {
  return do_strip("strip", self, args, nargs, kw, 3);
}
Object* str_lstrip_m(Object* self, Object* const* args, ssize nargs, Object* kw) {
  return do_strip("lstrip", self, args, nargs, kw, 1);
}
Object* str_rstrip_m(Object* self, Object* const* args, ssize nargs, Object* kw) {
  return do_strip("rstrip", self, args, nargs, kw, 2);
}

// ---- replace ------------------------------------------------------------------------------------

Object* str_replace_m(Object* self, Object* const* args, ssize nargs, Object* kw) {
  if (!positional("replace", nargs, kw, 2, 3)) return nullptr;
  Object* old = args[0];
  Object* repl = args[1];
  if (!str_check(old))
    return err_format(&Exc_TypeError, "replace() argument 1 must be str, not %T", old);
  if (!str_check(repl))
    return err_format(&Exc_TypeError, "replace() argument 2 must be str, not %T", repl);
  ssize count = -1;
  if (nargs > 2 && !arg_ssize(args[2], &count)) return nullptr;
  if (count < 0) count = ssize(1) << 62;
  ssize len = str_length(self), ol = str_length(old), rl = str_length(repl);
  if (count == 0 || ol > len) return self_result(self);
  int kind = str_kind(self);
  const char* d = sdata(self);
  if (ol == 0) {
    // insert repl before every character and at the end, up to count times
    KindBuf out(wider(self, repl), size_t(len + (len + 1) * rl));
    ssize n = 0;
    for (ssize i = 0; i <= len; ++i) {
      if (n < count) {
        out.append(repl, 0, rl);
        ++n;
      } else {
        out.append(self, i, len - i);
        break;
      }
      if (i < len) out.append(self, i, 1);
    }
    return out.finish();
  }
  Needle nd(old, kind);
  if (!nd.ok) return self_result(self);
  // Same-length single-character replacement on kind 1 data: in place copy.
  ssize first = find_kind(kind, d, len, nd.data, ol, 1);
  if (first < 0) return self_result(self);
  KindBuf out(wider(self, repl), size_t(len));
  ssize pos = 0, n = 0, i = first;
  while (i >= 0 && n < count) {
    out.append(self, pos, i - pos);
    out.append(repl, 0, rl);
    pos = i + ol;
    ++n;
    if (n >= count) break;
    ssize r = find_kind(kind, d + pos * kind, len - pos, nd.data, ol, 1);
    i = r < 0 ? -1 : pos + r;
  }
  out.append(self, pos, len - pos);
  return out.finish();
}

Object* affix(const char* name, Object* self, Object* const* args, ssize nargs, Object* kw,
              int direction) {
  std::string q = std::string("str.") + name;
  if (!check_one_arg(q.c_str(), nargs, kw)) return nullptr;
  Object* a = args[0];
  if (!str_check(a)) return err_format(&Exc_TypeError, "%s() argument must be str, not %T", name, a);
  ssize len = str_length(self), al = str_length(a);
  if (direction < 0 ? tailmatch(self, a, 0, len, -1) : tailmatch(self, a, 0, len, 1)) {
    if (al == 0) return self_result(self);
    return direction < 0 ? str_substring(self, al, len) : str_substring(self, 0, len - al);
  }
  return self_result(self);
}
Object* str_removeprefix_m(Object* self, Object* const* args, ssize nargs, Object* kw) {
  return affix("removeprefix", self, args, nargs, kw, -1);
}
Object* str_removesuffix_m(Object* self, Object* const* args, ssize nargs, Object* kw) {
  return affix("removesuffix", self, args, nargs, kw, 1);
}

// ---- case mapping -------------------------------------------------------------------------------

uint32_t final_sigma(Object* s, ssize i) {
  ssize len = str_length(s);
  ssize j;
  uint32_t c = 0;
  for (j = i - 1; j >= 0; --j) {
    c = str_read(s, j);
    if (!unicode_is_case_ignorable(c)) break;
  }
  bool fin = j >= 0 && unicode_iscased(c);
  if (fin && i + 1 < len) {
    for (j = i + 1; j < len; ++j) {
      c = str_read(s, j);
      if (!unicode_is_case_ignorable(c)) break;
    }
    fin = j == len || !unicode_iscased(c);
  }
  return fin ? 0x3c2 : 0x3c3;
}

inline int lower_full_at(Object* s, ssize i, uint32_t c, uint32_t out[3]) {
  if (c == 0x3a3) {
    out[0] = final_sigma(s, i);
    return 1;
  }
  return unicode_to_lower_full(c, out);
}

enum CaseOp { C_LOWER, C_UPPER, C_SWAP, C_TITLE, C_CAPITALIZE, C_FOLD };

Object* ascii_case(Object* s, CaseOp op) {
  ssize len = str_length(s);
  if (len == 0) return str_empty();
  Object* r = str_new_uninit(len, 0x7f);
  if (!r) return nullptr;
  const uint8_t* src = str_data1(s);
  auto* dst = static_cast<uint8_t*>(str_obj(r)->data());
  auto lo = [](uint8_t c) { return uint8_t(c >= 'A' && c <= 'Z' ? c + 32 : c); };
  auto up = [](uint8_t c) { return uint8_t(c >= 'a' && c <= 'z' ? c - 32 : c); };
  auto alpha = [](uint8_t c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; };
  switch (op) {
    case C_LOWER:
    case C_FOLD:
      for (ssize i = 0; i < len; ++i) dst[i] = lo(src[i]);
      break;
    case C_UPPER:
      for (ssize i = 0; i < len; ++i) dst[i] = up(src[i]);
      break;
    case C_SWAP:
      for (ssize i = 0; i < len; ++i) dst[i] = uint8_t(alpha(src[i]) ? src[i] ^ 32 : src[i]);
      break;
    case C_TITLE: {
      bool prev = false;
      for (ssize i = 0; i < len; ++i) {
        dst[i] = prev ? lo(src[i]) : up(src[i]);
        prev = alpha(src[i]);
      }
      break;
    }
    case C_CAPITALIZE:
      dst[0] = up(src[0]);
      for (ssize i = 1; i < len; ++i) dst[i] = lo(src[i]);
      break;
  }
  if (len == 1) {
    Object* c = str_from_codepoint(dst[0]);
    decref(r);
    return c;
  }
  return r;
}

Object* do_case(Object* s, CaseOp op) {
  if (str_is_ascii(s)) return ascii_case(s, op);
  ssize len = str_length(s);
  std::vector<uint32_t> out;
  out.reserve(size_t(len) + 8);
  uint32_t m[3];
  bool prev_cased = false;
  for (ssize i = 0; i < len; ++i) {
    uint32_t c = str_read(s, i);
    int n = 1;
    switch (op) {
      case C_LOWER: n = lower_full_at(s, i, c, m); break;
      case C_UPPER: n = unicode_to_upper_full(c, m); break;
      case C_FOLD: n = unicode_to_folded_full(c, m); break;
      case C_SWAP:
        if (unicode_isupper(c)) n = lower_full_at(s, i, c, m);
        else if (unicode_islower(c)) n = unicode_to_upper_full(c, m);
        else m[0] = c;
        break;
      case C_TITLE:
        n = prev_cased ? lower_full_at(s, i, c, m) : unicode_to_title_full(c, m);
        prev_cased = unicode_iscased(c);
        break;
      case C_CAPITALIZE:
        n = i == 0 ? unicode_to_title_full(c, m) : lower_full_at(s, i, c, m);
        break;
    }
    for (int k = 0; k < n; ++k) out.push_back(m[k]);
  }
  return str_from_kind_data(4, out.data(), ssize(out.size()));
}

#define CASE_METHOD(fn, qual, op)                                          \
  Object* fn(Object* self, Object* const* args, ssize nargs, Object* kw) { \
    if (!noargs_check(qual, nargs, kw)) return nullptr;                    \
    return do_case(self, op);                                              \
  }
CASE_METHOD(str_lower_m, "str.lower", C_LOWER)
CASE_METHOD(str_upper_m, "str.upper", C_UPPER)
CASE_METHOD(str_swapcase_m, "str.swapcase", C_SWAP)
CASE_METHOD(str_title_m, "str.title", C_TITLE)
CASE_METHOD(str_capitalize_m, "str.capitalize", C_CAPITALIZE)
CASE_METHOD(str_casefold_m, "str.casefold", C_FOLD)
#undef CASE_METHOD

// ---- predicates ---------------------------------------------------------------------------------

template <bool (*Pred)(uint32_t)>
Object* all_chars(Object* s, bool empty_result) {
  ssize len = str_length(s);
  if (len == 0) return bool_from(empty_result);
  int kind = str_kind(s);
  const char* d = sdata(s);
  for (ssize i = 0; i < len; ++i)
    if (!Pred(kind_read(kind, d, i))) return bool_from(false);
  return bool_from(true);
}

#define PRED_METHOD(fn, qual, pred, empty)                                 \
  Object* fn(Object* self, Object* const* args, ssize nargs, Object* kw) { \
    if (!noargs_check(qual, nargs, kw)) return nullptr;                    \
    return all_chars<pred>(self, empty);                                   \
  }
PRED_METHOD(str_isalpha_m, "str.isalpha", unicode_isalpha, false)
PRED_METHOD(str_isalnum_m, "str.isalnum", unicode_isalnum, false)
PRED_METHOD(str_isdigit_m, "str.isdigit", unicode_isdigit, false)
PRED_METHOD(str_isdecimal_m, "str.isdecimal", unicode_isdecimal, false)
PRED_METHOD(str_isnumeric_m, "str.isnumeric", unicode_isnumeric, false)
PRED_METHOD(str_isspace_m, "str.isspace", unicode_isspace, false)
PRED_METHOD(str_isprintable_m, "str.isprintable", unicode_isprintable, true)
#undef PRED_METHOD

Object* str_isascii_m(Object* self, Object* const* args, ssize nargs, Object* kw) {
  if (!noargs_check("str.isascii", nargs, kw)) return nullptr;
  return bool_from(str_is_ascii(self));
}

Object* str_isupper_m(Object* self, Object* const* args, ssize nargs, Object* kw) {
  if (!noargs_check("str.isupper", nargs, kw)) return nullptr;
  bool cased = false;
  for (ssize i = 0, n = str_length(self); i < n; ++i) {
    uint32_t c = str_read(self, i);
    if (unicode_islower(c) || unicode_istitle(c)) return bool_from(false);
    if (!cased && unicode_isupper(c)) cased = true;
  }
  return bool_from(cased);
}
Object* str_islower_m(Object* self, Object* const* args, ssize nargs, Object* kw) {
  if (!noargs_check("str.islower", nargs, kw)) return nullptr;
  bool cased = false;
  for (ssize i = 0, n = str_length(self); i < n; ++i) {
    uint32_t c = str_read(self, i);
    if (unicode_isupper(c) || unicode_istitle(c)) return bool_from(false);
    if (!cased && unicode_islower(c)) cased = true;
  }
  return bool_from(cased);
}
Object* str_istitle_m(Object* self, Object* const* args, ssize nargs, Object* kw) {
  if (!noargs_check("str.istitle", nargs, kw)) return nullptr;
  bool cased = false, prev = false;
  for (ssize i = 0, n = str_length(self); i < n; ++i) {
    uint32_t c = str_read(self, i);
    if (unicode_isupper(c) || unicode_istitle(c)) {
      if (prev) return bool_from(false);
      prev = cased = true;
    } else if (unicode_islower(c)) {
      if (!prev) return bool_from(false);
      prev = cased = true;
    } else {
      prev = false;
    }
  }
  return bool_from(cased);
}
Object* str_isidentifier_m(Object* self, Object* const* args, ssize nargs, Object* kw) {
  if (!noargs_check("str.isidentifier", nargs, kw)) return nullptr;
  ssize n = str_length(self);
  if (n == 0) return bool_from(false);
  uint32_t c = str_read(self, 0);
  if (!unicode_is_xid_start(c) && c != '_') return bool_from(false);
  for (ssize i = 1; i < n; ++i)
    if (!unicode_is_xid_continue(str_read(self, i))) return bool_from(false);
  return bool_from(true);
}

// ---- padding ------------------------------------------------------------------------------------

bool fill_arg(Object* o, uint32_t* fill) {
  if (!str_check(o)) {
    err_format(&Exc_TypeError, "The fill character must be a unicode character, not %T", o);
    return false;
  }
  if (str_length(o) != 1) {
    err_set_string(&Exc_TypeError, "The fill character must be exactly one character long");
    return false;
  }
  *fill = str_read(o, 0);
  return true;
}

Object* pad(Object* s, ssize left, ssize right, uint32_t fill) {
  if (left < 0) left = 0;
  if (right < 0) right = 0;
  if (left == 0 && right == 0) return self_result(s);
  ssize len = str_length(s);
  uint32_t maxchar = str_find_max_char(s, 0, len);
  if (fill > maxchar) maxchar = fill;
  Object* r = str_new_uninit(left + len + right, maxchar);
  if (!r) return nullptr;
  int kind = str_kind(r);
  void* d = str_obj(r)->data();
  if (kind == 1) {
    memset(d, int(fill), size_t(left));
    memset(static_cast<char*>(d) + left + len, int(fill), size_t(right));
  } else {
    for (ssize i = 0; i < left; ++i) kind_write(kind, d, i, fill);
    for (ssize i = 0; i < right; ++i) kind_write(kind, d, left + len + i, fill);
  }
  str_copy_chars(r, left, s, 0, len);
  return r;
}

Object* just(const char* name, Object* self, Object* const* args, ssize nargs, Object* kw,
             int which) {
  if (!positional(name, nargs, kw, 1, 2)) return nullptr;
  ssize width;
  if (!arg_ssize(args[0], &width)) return nullptr;
  uint32_t fill = ' ';
  if (nargs > 1 && !fill_arg(args[1], &fill)) return nullptr;
  ssize len = str_length(self);
  if (len >= width) return self_result(self);
  ssize marg = width - len;
  switch (which) {
    case 0: return pad(self, 0, marg, fill);  // ljust
    case 1: return pad(self, marg, 0, fill);  // rjust
    default: {
      ssize left = marg / 2 + (marg & width & 1);
      return pad(self, left, marg - left, fill);
    }
  }
}
Object* str_ljust_m(Object* self, Object* const* args, ssize nargs, Object* kw) {
  return just("ljust", self, args, nargs, kw, 0);
}
Object* str_rjust_m(Object* self, Object* const* args, ssize nargs, Object* kw) {
  return just("rjust", self, args, nargs, kw, 1);
}
Object* str_center_m(Object* self, Object* const* args, ssize nargs, Object* kw) {
  return just("center", self, args, nargs, kw, 2);
}

Object* str_zfill_m(Object* self, Object* const* args, ssize nargs, Object* kw) {
  if (!check_one_arg("str.zfill", nargs, kw)) return nullptr;
  ssize width;
  if (!arg_ssize(args[0], &width)) return nullptr;
  ssize len = str_length(self);
  if (len >= width) return self_result(self);
  ssize fill = width - len;
  Object* r = pad(self, fill, 0, '0');
  if (!r) return nullptr;
  uint32_t c = str_read(r, fill);
  if (c == '+' || c == '-') {
    void* d = str_obj(r)->data();
    kind_write(str_kind(r), d, 0, c);
    kind_write(str_kind(r), d, fill, '0');
  }
  return r;
}

Object* str_expandtabs_m(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"tabsize", nullptr};
  static const ArgSpec spec = {"expandtabs", names, 0, 1};
  Object* a[1] = {nullptr};
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  ssize tabsize = 8;
  if (a[0] && !arg_ssize(a[0], &tabsize)) return nullptr;
  ssize len = str_length(self);
  int kind = str_kind(self);
  const char* d = sdata(self);
  bool has_tab = false;
  for (ssize i = 0; i < len; ++i)
    if (kind_read(kind, d, i) == '\t') {
      has_tab = true;
      break;
    }
  if (!has_tab) return self_result(self);
  KindBuf out(kind, size_t(len));
  ssize col = 0;
  for (ssize i = 0; i < len; ++i) {
    uint32_t c = kind_read(kind, d, i);
    if (c == '\t') {
      if (tabsize > 0) {
        ssize incr = tabsize - (col % tabsize);
        col += incr;
        for (ssize k = 0; k < incr; ++k) out.push(' ');
      }
    } else {
      out.push(c);
      ++col;
      if (c == '\n' || c == '\r') col = 0;
    }
  }
  return out.finish();
}

// ---- encode, translate, maketrans ---------------------------------------------------------------

Object* str_encode_m(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"encoding", "errors", nullptr};
  static const ArgSpec spec = {"encode", names, 0, 2};
  Object* a[2] = {nullptr, nullptr};
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  const char* enc = "utf-8";
  const char* errs = "strict";
  if (a[0]) {
    if (!str_check(a[0]))
      return err_format(&Exc_TypeError, "encode() argument 'encoding' must be str, not %T", a[0]);
    if (!(enc = str_as_utf8(a[0]))) return nullptr;
  }
  if (a[1]) {
    if (!str_check(a[1]))
      return err_format(&Exc_TypeError, "encode() argument 'errors' must be str, not %T", a[1]);
    if (!(errs = str_as_utf8(a[1]))) return nullptr;
  }
  return str_encode(self, enc, errs);
}

Object* str_translate_m(Object* self, Object* const* args, ssize nargs, Object* kw) {
  if (!check_one_arg("str.translate", nargs, kw)) return nullptr;
  Object* table = args[0];
  ssize len = str_length(self);
  std::vector<uint32_t> out;
  out.reserve(size_t(len));
  // cache for Latin-1 inputs: -2 unknown, -1 delete, -3 multi-char (not cached), else cp
  int32_t cache[256];
  for (int32_t& c : cache) c = -2;
  for (ssize i = 0; i < len; ++i) {
    uint32_t c = str_read(self, i);
    if (c < 256 && cache[c] != -2 && cache[c] != -3) {
      if (cache[c] >= 0) out.push_back(uint32_t(cache[c]));
      continue;
    }
    Ref key = Ref::steal(int_from_i64(c));
    if (!key) return nullptr;
    Ref v = Ref::steal(object_getitem(table, key.get()));
    if (!v) {
      if (err_matches(&Exc_LookupError)) {
        err_clear();
        out.push_back(c);
        if (c < 256) cache[c] = int32_t(c);
        continue;
      }
      return nullptr;
    }
    if (v.get() == None) {
      if (c < 256) cache[c] = -1;
      continue;
    }
    if (int_check(v.get())) {
      bool ovf = false;
      int64_t x = int_as_i64(v.get(), &ovf);
      if (ovf || x < 0 || x > 0x10ffff)
        return err_format(&Exc_ValueError, "character mapping must be in range(0x110000)");
      out.push_back(uint32_t(x));
      if (c < 256) cache[c] = int32_t(x);
      continue;
    }
    if (str_check(v.get())) {
      ssize n = str_length(v.get());
      for (ssize k = 0; k < n; ++k) out.push_back(str_read(v.get(), k));
      if (c < 256) cache[c] = n == 1 ? int32_t(str_read(v.get(), 0)) : n == 0 ? -1 : -3;
      continue;
    }
    return err_format(&Exc_TypeError, "character mapping must return integer, None or str");
  }
  return str_from_kind_data(4, out.data(), ssize(out.size()));
}

Object* str_maketrans_m(Object*, Object* const* args, ssize nargs, Object* kw) {
  if (!positional("maketrans", nargs, kw, 1, 3)) return nullptr;
  Ref d = Ref::steal(dict_new());
  if (!d) return nullptr;
  if (nargs == 1) {
    Object* x = args[0];
    if (!dict_check(x))
      return err_format(&Exc_TypeError,
                        "if you give only one argument to maketrans it must be a dict");
    ssize pos = 0;
    Object *k, *v;
    while (dict_next(x, &pos, &k, &v)) {
      if (str_check(k)) {
        if (str_length(k) != 1)
          return err_format(&Exc_ValueError, "string keys in translate table must be of length 1");
        Ref key = Ref::steal(int_from_i64(str_read(k, 0)));
        if (!key || dict_setitem(d.get(), key.get(), v) < 0) return nullptr;
      } else if (int_check(k)) {
        if (dict_setitem(d.get(), k, v) < 0) return nullptr;
      } else {
        return err_format(&Exc_TypeError, "keys in translate table must be strings or integers");
      }
    }
    return d.release();
  }
  Object* x = args[0];
  Object* y = args[1];
  if (!str_check(x))
    return err_format(&Exc_TypeError, "maketrans() argument 1 must be str, not %T", x);
  if (!str_check(y))
    return err_format(&Exc_TypeError, "maketrans() argument 2 must be str, not %T", y);
  if (nargs > 2 && !str_check(args[2]))
    return err_format(&Exc_TypeError, "maketrans() argument 3 must be str, not %T", args[2]);
  if (str_length(x) != str_length(y))
    return err_format(&Exc_ValueError,
                      "the first two maketrans arguments must have equal length");
  for (ssize i = 0; i < str_length(x); ++i) {
    Ref k = Ref::steal(int_from_i64(str_read(x, i)));
    Ref v = Ref::steal(int_from_i64(str_read(y, i)));
    if (!k || !v || dict_setitem(d.get(), k.get(), v.get()) < 0) return nullptr;
  }
  if (nargs > 2) {
    Object* z = args[2];
    for (ssize i = 0; i < str_length(z); ++i) {
      Ref k = Ref::steal(int_from_i64(str_read(z, i)));
      if (!k || dict_setitem(d.get(), k.get(), None) < 0) return nullptr;
    }
  }
  return d.release();
}

Object* str_format_dunder_m(Object* self, Object* const* args, ssize nargs, Object* kw) {
  if (!check_one_arg("str.__format__", nargs, kw)) return nullptr;
  if (!str_check(args[0]))
    return err_format(&Exc_TypeError, "__format__() argument must be str, not %T", args[0]);
  return format_str(self, args[0]);
}

Object* str_sizeof_m(Object* self, Object* const* args, ssize nargs, Object* kw) {
  if (!noargs_check("str.__sizeof__", nargs, kw)) return nullptr;
  ssize n = ssize(sizeof(StrObject)) + (str_length(self) + 1) * str_kind(self);
  ssize utf8_size;
  if (!str_is_ascii(self) && str_utf8_if_cached(self, &utf8_size)) n += utf8_size + 1;
  return int_from_ssize(n);
}

Object* str_getnewargs_m(Object* self, Object* const* args, ssize nargs, Object* kw) {
  if (!noargs_check("str.__getnewargs__", nargs, kw)) return nullptr;
  Ref c = Ref::steal(str_exact_copy(self));
  if (!c) return nullptr;
  return tuple_pack(1, c.get());
}

}  // namespace

extern const MethodDef kStrMethods[] = {
    {"encode", str_encode_m, METH_DEFAULT,
     "Encode the string using the codec registered for encoding."},
    {"replace", str_replace_m, METH_DEFAULT,
     "Return a copy with all occurrences of substring old replaced by new."},
    {"split", str_split_m, METH_DEFAULT,
     "Return a list of the substrings in the string, using sep as the separator string."},
    {"rsplit", str_rsplit_m, METH_DEFAULT,
     "Return a list of the substrings in the string, using sep as the separator string."},
    {"join", str_join_m, METH_DEFAULT, "Concatenate any number of strings."},
    {"capitalize", str_capitalize_m, METH_DEFAULT, "Return a capitalized version of the string."},
    {"casefold", str_casefold_m, METH_DEFAULT,
     "Return a version of the string suitable for caseless comparisons."},
    {"title", str_title_m, METH_DEFAULT, "Return a version of the string where each word is titlecased."},
    {"center", str_center_m, METH_DEFAULT, "Return a centered string of length width."},
    {"count", str_count_m, METH_DEFAULT,
     "Return the number of non-overlapping occurrences of substring sub in string S[start:end]."},
    {"expandtabs", str_expandtabs_m, METH_DEFAULT,
     "Return a copy where all tab characters are expanded using spaces."},
    {"find", str_find_m, METH_DEFAULT,
     "Return the lowest index in S where substring sub is found, such that sub is contained "
     "within S[start:end]."},
    {"partition", str_partition_m, METH_DEFAULT,
     "Partition the string into three parts using the given separator."},
    {"index", str_index_m, METH_DEFAULT,
     "Return the lowest index in S where substring sub is found, such that sub is contained "
     "within S[start:end]."},
    {"ljust", str_ljust_m, METH_DEFAULT, "Return a left-justified string of length width."},
    {"lower", str_lower_m, METH_DEFAULT, "Return a copy of the string converted to lowercase."},
    {"lstrip", str_lstrip_m, METH_DEFAULT,
     "Return a copy of the string with leading whitespace removed."},
    {"rfind", str_rfind_m, METH_DEFAULT,
     "Return the highest index in S where substring sub is found, such that sub is contained "
     "within S[start:end]."},
    {"rindex", str_rindex_m, METH_DEFAULT,
     "Return the highest index in S where substring sub is found, such that sub is contained "
     "within S[start:end]."},
    {"rjust", str_rjust_m, METH_DEFAULT, "Return a right-justified string of length width."},
    {"rstrip", str_rstrip_m, METH_DEFAULT,
     "Return a copy of the string with trailing whitespace removed."},
    {"rpartition", str_rpartition_m, METH_DEFAULT,
     "Partition the string into three parts using the given separator."},
    {"splitlines", str_splitlines_m, METH_DEFAULT,
     "Return a list of the lines in the string, breaking at line boundaries."},
    {"strip", str_strip_m, METH_DEFAULT,
     "Return a copy of the string with leading and trailing whitespace removed."},
    {"swapcase", str_swapcase_m, METH_DEFAULT,
     "Convert uppercase characters to lowercase and lowercase characters to uppercase."},
    {"translate", str_translate_m, METH_DEFAULT,
     "Replace each character in the string using the given translation table."},
    {"upper", str_upper_m, METH_DEFAULT, "Return a copy of the string converted to uppercase."},
    {"startswith", str_startswith_m, METH_DEFAULT,
     "Return True if S starts with the specified prefix, False otherwise."},
    {"endswith", str_endswith_m, METH_DEFAULT,
     "Return True if S ends with the specified suffix, False otherwise."},
    {"removeprefix", str_removeprefix_m, METH_DEFAULT,
     "Return a str with the given prefix string removed if present."},
    {"removesuffix", str_removesuffix_m, METH_DEFAULT,
     "Return a str with the given suffix string removed if present."},
    {"isascii", str_isascii_m, METH_DEFAULT, "Return True if all characters in the string are ASCII, False otherwise."},
    {"islower", str_islower_m, METH_DEFAULT, "Return True if the string is a lowercase string, False otherwise."},
    {"isupper", str_isupper_m, METH_DEFAULT, "Return True if the string is an uppercase string, False otherwise."},
    {"istitle", str_istitle_m, METH_DEFAULT, "Return True if the string is a title-cased string, False otherwise."},
    {"isspace", str_isspace_m, METH_DEFAULT, "Return True if the string is a whitespace string, False otherwise."},
    {"isdecimal", str_isdecimal_m, METH_DEFAULT, "Return True if the string is a decimal string, False otherwise."},
    {"isdigit", str_isdigit_m, METH_DEFAULT, "Return True if the string is a digit string, False otherwise."},
    {"isnumeric", str_isnumeric_m, METH_DEFAULT, "Return True if the string is a numeric string, False otherwise."},
    {"isalpha", str_isalpha_m, METH_DEFAULT, "Return True if the string is an alphabetic string, False otherwise."},
    {"isalnum", str_isalnum_m, METH_DEFAULT, "Return True if the string is an alpha-numeric string, False otherwise."},
    {"isidentifier", str_isidentifier_m, METH_DEFAULT,
     "Return True if the string is a valid Python identifier, False otherwise."},
    {"isprintable", str_isprintable_m, METH_DEFAULT,
     "Return True if the string is printable, False otherwise."},
    {"zfill", str_zfill_m, METH_DEFAULT,
     "Pad a numeric string with zeros on the left, to fill a field of the given width."},
    {"format", str_format_meth, METH_DEFAULT,
     "S.format(*args, **kwargs) -> str\n\nReturn a formatted version of S, using substitutions "
     "from args and kwargs.\nThe substitutions are identified by braces ('{' and '}')."},
    {"format_map", str_format_map_meth, METH_DEFAULT,
     "S.format_map(mapping) -> str\n\nReturn a formatted version of S, using substitutions from "
     "mapping.\nThe substitutions are identified by braces ('{' and '}')."},
    {"__format__", str_format_dunder_m, METH_DEFAULT,
     "Return a formatted version of the string as described by format_spec."},
    {"maketrans", str_maketrans_m, METH_STATIC,
     "Return a translation table usable for str.translate()."},
    {"__sizeof__", str_sizeof_m, METH_DEFAULT, "Return the size of the string in memory, in bytes."},
    {"__getnewargs__", str_getnewargs_m, METH_DEFAULT, nullptr},
    {nullptr, nullptr, 0, nullptr}};

}  // namespace gilpy

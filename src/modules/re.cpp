// `_re`: re.Pattern and the matching engine under lib/re/__init__.py, on PCRE2.
//
// Design: the Python layer (lib/re/_parser.py) parses Python's regex syntax itself (so re.error
// messages and positions are CPython's) and emits an equivalent PCRE2 pattern in which every
// construct is spelled unambiguously (literals as \x{..}, groups unnamed and referenced by number,
// \Z as \z, verbose mode already stripped, ...). lib/re then calls
//
//   _re.compile(pattern, flags, pcre_text, options, groups, groupindex, parents)
//       -> re.Pattern, or (message, offset) on a PCRE2 compile error (lib/re raises re.error);
//
// and everything after that is native: re.Pattern (this file: match/search/fullmatch, findall,
// split, sub/subn building their results directly from the match offsets, finditer/scanner via
// re_match.cpp's scanner), re.Match (re_match.cpp). Replacement templates with backslashes are
// parsed by re._compile_template (Python, cached) into a list of literals and group numbers, as
// CPython's _sre does; expansion is native.
//
// Widths (see re_internal.h): subjects are matched in their own code units with libpcre2-8/16/32
// in non-UTF mode (+ PCRE2_UCP for str patterns without re.ASCII), so offsets are code-point
// indices and there is no per-subject conversion. The newline convention is LF and
// PCRE2_ALT_CIRCUMFLEX is set so that '^' in MULTILINE mode also matches after a final newline, as
// in Python. Engines are JIT-compiled when possible and share one JIT stack per width (matching
// runs with the GIL held, never re-entrantly).
#include <cstring>
#include <limits>
#include <vector>

#include "core/abstract.h"
#include "core/args.h"
#include "core/descr.h"
#include "core/error.h"
#include "modules/modules.h"
#include "modules/re_internal.h"
#include "objects/bytes_internal.h"
#include "objects/bytesobject.h"
#include "objects/containers.h"
#include "objects/intobject.h"
#include "objects/moduleobject.h"
#include "objects/singletons.h"
#include "objects/str_internal.h"
#include "objects/strobject.h"
#include "objects/weakrefobject.h"

namespace gilpy::re {

TypeObject PatternType;

namespace {

// ---- PCRE2 by code-unit width -------------------------------------------------------------------

template <class T>
struct Pcre;

#define GILPY_RE_TRAITS(W, T)                                                                      \
  template <>                                                                                      \
  struct Pcre<T> {                                                                                 \
    using Code = pcre2_code_##W;                                                                   \
    using MatchData = pcre2_match_data_##W;                                                        \
    static Code* compile(const T* p, size_t n, uint32_t opts, int* err, PCRE2_SIZE* off) {        \
      pcre2_compile_context_##W* cc = pcre2_compile_context_create_##W(nullptr);                   \
      if (!cc) return nullptr;                                                                     \
      pcre2_set_newline_##W(cc, PCRE2_NEWLINE_LF);                                                 \
      pcre2_set_bsr_##W(cc, PCRE2_BSR_UNICODE);                                                    \
      Code* c = pcre2_compile_##W(reinterpret_cast<PCRE2_SPTR##W>(p), n, opts, err, off, cc);      \
      pcre2_compile_context_free_##W(cc);                                                          \
      return c;                                                                                    \
    }                                                                                              \
    static void jit(Code* c) { pcre2_jit_compile_##W(c, PCRE2_JIT_COMPLETE); }                     \
    static MatchData* match_data(Code* c) {                                                        \
      return pcre2_match_data_create_from_pattern_##W(c, nullptr);                                 \
    }                                                                                              \
    /* One match context per width, holding a JIT stack big enough for deep patterns. */           \
    static pcre2_match_context_##W* context() {                                                    \
      static pcre2_match_context_##W* ctx = nullptr;                                               \
      if (!ctx) {                                                                                  \
        ctx = pcre2_match_context_create_##W(nullptr);                                             \
        if (pcre2_jit_stack_##W* js = pcre2_jit_stack_create_##W(32 * 1024, 4 * 1024 * 1024, nullptr)) \
          pcre2_jit_stack_assign_##W(ctx, nullptr, js);                                            \
      }                                                                                            \
      return ctx;                                                                                  \
    }                                                                                              \
    static int match(void* c, const void* s, size_t n, size_t start, uint32_t opts, void* md) {    \
      return pcre2_match_##W(static_cast<Code*>(c), static_cast<PCRE2_SPTR##W>(s), n, start, opts, \
                             static_cast<MatchData*>(md), context());                              \
    }                                                                                              \
    static PCRE2_SIZE* ovector(void* md) {                                                         \
      return pcre2_get_ovector_pointer_##W(static_cast<MatchData*>(md));                           \
    }                                                                                              \
    static void release(Engine& e) {                                                               \
      if (e.md) pcre2_match_data_free_##W(static_cast<MatchData*>(e.md));                          \
      if (e.code) pcre2_code_free_##W(static_cast<Code*>(e.code));                                 \
    }                                                                                              \
  };
GILPY_RE_TRAITS(8, uint8_t)
GILPY_RE_TRAITS(16, uint16_t)
GILPY_RE_TRAITS(32, uint32_t)
#undef GILPY_RE_TRAITS

// Compile p's text for code units T. Returns 1 ready, 0 unavailable for this width (a code point
// too wide), -1 other compile error (*err / *off set).
template <class T>
int compile_width(PatternObject* p, Engine& e, int* err, PCRE2_SIZE* off) {
  std::vector<T> units(size_t(p->text_len) + 1);  // never empty: PCRE2 rejects a null pattern
  for (ssize i = 0; i < p->text_len; ++i) {
    if (p->text[i] > T(~T(0))) return 0;
    units[size_t(i)] = T(p->text[i]);
  }
  auto* code = Pcre<T>::compile(units.data(), size_t(p->text_len), p->options | PCRE2_ALT_CIRCUMFLEX, err, off);
  if (!code) return *err == PCRE2_ERROR_CODE_POINT_TOO_BIG ? 0 : -1;
  Pcre<T>::jit(code);
  e.code = code;
  e.md = Pcre<T>::match_data(code);
  if (!e.md) {
    err_no_memory();
    return -1;
  }
  return 1;
}

// Make engine `w` ready if possible. 1 ready, 0 unavailable, -1 error (exception set unless the
// compile error is reported through err/off).
int ensure_engine(PatternObject* p, int w, int* err = nullptr, PCRE2_SIZE* off = nullptr) {
  Engine& e = p->eng[w];
  if (e.state != 0) return e.state > 0 ? 1 : 0;
  int err_local = 0;
  PCRE2_SIZE off_local = 0;
  int r = w == 0   ? compile_width<uint8_t>(p, e, &err_local, &off_local)
          : w == 1 ? compile_width<uint16_t>(p, e, &err_local, &off_local)
                   : compile_width<uint32_t>(p, e, &err_local, &off_local);
  if (r < 0) {
    if (err) {
      *err = err_local;
      *off = off_local;
    } else if (!err_occurred()) {
      err_format(&Exc_RuntimeError, "internal error in regular expression engine");
    }
    return -1;
  }
  e.state = r > 0 ? 1 : -1;
  return r;
}

Object* raise_match_error(int rc) {
  if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT || rc == PCRE2_ERROR_HEAPLIMIT ||
      rc == PCRE2_ERROR_JIT_STACKLIMIT || rc == PCRE2_ERROR_NOMEMORY) {
    return err_format(&Exc_RecursionError, "maximum recursion limit exceeded");
  }
  PCRE2_UCHAR8 buf[256];
  pcre2_get_error_message_8(rc, buf, sizeof buf);
  return err_format(&Exc_RuntimeError, "internal error in regular expression engine: %s",
                    reinterpret_cast<const char*>(buf));
}

PatternObject* as_pattern(Object* o) { return static_cast<PatternObject*>(o); }

// Argument Clinic's Py_ssize_t converter.
bool ssize_arg(Object* o, ssize* out) {
  Ref idx = Ref::steal(number_index(o));
  if (!idx) return false;
  bool overflow = false;
  *out = ssize(int_as_i64(idx.get(), &overflow));
  if (overflow) {
    err_format(&Exc_OverflowError, "Python int too large to convert to C ssize_t");
    return false;
  }
  return true;
}

}  // namespace

// ---- Subjects ------------------------------------------------------------------------------------

Subject::~Subject() {
  release_buffer(&view);
  if (widened) mem_free(widened);
}

bool Subject::init(PatternObject* p, Object* s) {
  if (str_check(s)) {
    if (p->is_bytes) {
      err_format(&Exc_TypeError, "cannot use a bytes pattern on a string-like object");
      return false;
    }
    obj = s;
    length = str_length(s);
    data = str_obj(s)->data();
    int kind = str_kind(s);
    width = kind == 1 ? 0 : kind == 2 ? 1 : 2;
    int w = width;
    for (; w < 3; ++w) {
      int r = ensure_engine(p, w);
      if (r < 0) return false;
      if (r > 0) break;
    }
    if (w == 3) {  // cannot happen: every valid pattern compiles for 32-bit code units
      err_format(&Exc_RuntimeError, "internal error in regular expression engine");
      return false;
    }
    if (w != width) {  // widen once for this call
      size_t unit = w == 1 ? 2 : 4;
      widened = mem_alloc(size_t(length) * unit + unit);
      if (!widened) {
        err_no_memory();
        return false;
      }
      for (ssize i = 0; i < length; ++i) {
        uint32_t c = str_read(s, i);
        if (w == 1) static_cast<uint16_t*>(widened)[i] = uint16_t(c);
        else static_cast<uint32_t*>(widened)[i] = c;
      }
      data = widened;
      width = w;
    }
    return true;
  }
  is_bytes = true;
  if (bytes_check(s)) {
    data = bytes_data(s);
    length = bytes_size(s);
  } else {
    if (!buffer_check(s) || get_buffer(s, &view, BUF_SIMPLE) < 0) {
      err_clear();
      err_format(&Exc_TypeError, "expected string or bytes-like object, got '%T'", s);
      return false;
    }
    data = view.buf ? view.buf : "";
    length = view.len;
  }
  if (!p->is_bytes) {
    err_format(&Exc_TypeError, "cannot use a string pattern on a bytes-like object");
    return false;
  }
  obj = s;
  width = 0;
  int r = ensure_engine(p, 0);
  if (r == 0) err_format(&Exc_RuntimeError, "internal error in regular expression engine");
  return r > 0;
}

void clamp_range(ssize length, ssize* pos, ssize* endpos) {
  if (*pos < 0) *pos = 0;
  if (*pos > length) *pos = length;
  if (*endpos < 0) *endpos = 0;
  if (*endpos > length) *endpos = length;
}

int subject_exec(PatternObject* p, Subject& s, ssize start, ssize end, uint32_t opts) {
  Engine& e = p->eng[s.width];
  int rc = s.width == 0   ? Pcre<uint8_t>::match(e.code, s.data, size_t(end), size_t(start), opts, e.md)
           : s.width == 1 ? Pcre<uint16_t>::match(e.code, s.data, size_t(end), size_t(start), opts, e.md)
                          : Pcre<uint32_t>::match(e.code, s.data, size_t(end), size_t(start), opts, e.md);
  if (rc == PCRE2_ERROR_NOMATCH) return 0;
  if (rc < 0) {
    raise_match_error(rc);
    return -1;
  }
  return 1;
}

const PCRE2_SIZE* subject_ovector(PatternObject* p, Subject& s) {
  void* md = p->eng[s.width].md;
  return s.width == 0 ? Pcre<uint8_t>::ovector(md)
         : s.width == 1 ? Pcre<uint16_t>::ovector(md) : Pcre<uint32_t>::ovector(md);
}

Object* subject_slice(Subject& s, ssize a, ssize b) {
  if (!s.is_bytes) return str_substring(s.obj, a, b);
  if (a == 0 && b == s.length && (type_of(s.obj) == &BytesType)) return newref(s.obj);
  return bytes_from(static_cast<const char*>(s.data) + a, b - a);
}


// ---- Joiner ---------------------------------------------------------------------------------------

void Joiner::add_range(ssize a, ssize b) {
  if (a < b) {
    segs_.push_back({nullptr, a, b});
    total_ += b - a;
  }
}

void Joiner::add_object(Object* o) {
  ssize n = 0;
  if (s_.is_bytes) {
    if (!bytes_check(o)) {  // copy other bytes-like objects now (they could change later)
      ByteView v;
      if (!get_byte_view_or_clear(o, &v)) {
        bad(o);
        return;
      }
      Ref copy = Ref::steal(bytes_from(v.data, v.size));
      if (!copy) {
        failed_ = true;
        return;
      }
      o = copy.get();
      keep_.push_back(std::move(copy));
    }
    n = bytes_size(o);
  } else {
    if (!str_check(o)) {
      bad(o);
      return;
    }
    n = str_length(o);
  }
  if (n > 0) {
    segs_.push_back({o, 0, n});
    total_ += n;
  }
}

void Joiner::bad(Object* o) {
  if (bad_index_ < 0) {
    bad_index_ = items_;
    bad_obj_ = Ref::borrow(o);
  }
}

Object* Joiner::finish() {
  if (failed_) return nullptr;
  if (bad_index_ >= 0) {
    return err_format(&Exc_TypeError, "sequence item %zd: expected %s, %s found", bad_index_,
                      s_.is_bytes ? "a bytes-like object" : "str instance", type_name(type_of(bad_obj_.get())));
  }
  if (s_.is_bytes) {
    Object* r = bytes_new_uninit(total_);
    if (!r) return nullptr;
    char* d = bytes_data(r);
    for (const Seg& g : segs_) {
      const char* src = g.obj ? bytes_data(g.obj) : static_cast<const char*>(s_.data);
      memcpy(d, src + g.a, size_t(g.b - g.a));
      d += g.b - g.a;
    }
    return r;
  }
  uint32_t maxchar = 0;
  bool ascii_subject = str_is_ascii(s_.obj);
  for (const Seg& g : segs_) {
    uint32_t m = g.obj           ? str_max_char_bound(g.obj)
                 : ascii_subject ? 0x7f
                                 : str_find_max_char(s_.obj, g.a, g.b);
    if (m > maxchar) maxchar = m;
  }
  Object* r = str_new_uninit(total_, maxchar);
  if (!r) return nullptr;
  ssize at = 0;
  for (const Seg& g : segs_) {
    str_copy_chars(r, at, g.obj ? g.obj : s_.obj, g.a, g.b - g.a);
    at += g.b - g.a;
  }
  return r;
}

namespace {

// ---- Pattern: matching ---------------------------------------------------------------------------

// Parse (string, pos=0, endpos=maxsize) for match/search/fullmatch/findall/finditer/scanner.
bool parse_range_args(const char* fname, Object* const* args, ssize nargs, Object* kwnames,
                      Object** string, ssize* pos, ssize* endpos) {
  static const char* const names[] = {"string", "pos", "endpos", nullptr};
  ArgSpec spec{fname, names, 1, 3};
  Object* a[3] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return false;
  *string = a[0];
  *pos = 0;
  *endpos = std::numeric_limits<ssize>::max();
  return (!a[1] || ssize_arg(a[1], pos)) && (!a[2] || ssize_arg(a[2], endpos));
}

Object* pattern_run(Object* self, Object* const* args, ssize nargs, Object* kwnames,
                    const char* fname, uint32_t opts) {
  Object* string;
  ssize pos, endpos;
  if (!parse_range_args(fname, args, nargs, kwnames, &string, &pos, &endpos)) return nullptr;
  PatternObject* p = as_pattern(self);
  Subject s;
  if (!s.init(p, string)) return nullptr;
  clamp_range(s.length, &pos, &endpos);
  if (endpos < pos) return none_ref();
  int r = subject_exec(p, s, pos, endpos, opts);
  if (r <= 0) return r < 0 ? nullptr : none_ref();
  return match_new(p, s, pos, endpos);
}

Object* pattern_match(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  return pattern_run(self, args, nargs, kwnames, "match", PCRE2_ANCHORED);
}
Object* pattern_fullmatch(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  return pattern_run(self, args, nargs, kwnames, "fullmatch", PCRE2_ANCHORED | PCRE2_ENDANCHORED);
}
Object* pattern_search(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  return pattern_run(self, args, nargs, kwnames, "search", 0);
}

// The successive non-overlapping matches of a search over [pos, endpos) with Python 3.7+'s
// empty-match rule (after an empty match, the next one may not be empty at the same place:
// PCRE2_NOTEMPTY_ATSTART). `each(ov)` is called per match (offsets valid during the call only)
// and returns false to stop with an error; at most `limit` matches when limit > 0.
template <class F>
bool scan(PatternObject* p, Subject& s, ssize pos, ssize endpos, ssize limit, F each) {
  ssize start = pos, n = 0;
  bool last_empty = false;
  while (start <= endpos && (limit <= 0 || n < limit)) {
    int r = subject_exec(p, s, start, endpos, last_empty ? PCRE2_NOTEMPTY_ATSTART : 0);
    if (r < 0) return false;
    if (r == 0) break;
    const PCRE2_SIZE* ov = subject_ovector(p, s);
    ssize b = ssize(ov[0]), e = ssize(ov[1]);
    if (!each(ov)) return false;
    ++n;
    last_empty = b == e;
    start = e;
  }
  return true;
}

// Group i of the current match as findall reports it ("" for a group that did not take part).
Object* group_or_empty(Subject& s, const PCRE2_SIZE* ov, ssize i) {
  if (ov[2 * i] == PCRE2_UNSET) return subject_slice(s, 0, 0);
  return subject_slice(s, ssize(ov[2 * i]), ssize(ov[2 * i + 1]));
}

Object* pattern_findall(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  Object* string;
  ssize pos, endpos;
  if (!parse_range_args("findall", args, nargs, kwnames, &string, &pos, &endpos)) return nullptr;
  PatternObject* p = as_pattern(self);
  Subject s;
  if (!s.init(p, string)) return nullptr;
  clamp_range(s.length, &pos, &endpos);
  Ref result = Ref::steal(list_new(0));
  if (!result) return nullptr;
  ssize g = p->groups;
  bool ok = scan(p, s, pos, endpos, 0, [&](const PCRE2_SIZE* ov) {
    Ref item;
    if (g == 0) {
      item = Ref::steal(subject_slice(s, ssize(ov[0]), ssize(ov[1])));
    } else if (g == 1) {
      item = Ref::steal(group_or_empty(s, ov, 1));
    } else {
      item = Ref::steal(tuple_new(g));
      if (!item) return false;
      for (ssize i = 1; i <= g; ++i) {
        Object* v = group_or_empty(s, ov, i);
        if (!v) return false;
        tuple_set_steal(item.get(), i - 1, v);
      }
    }
    return item && list_append(result.get(), item.get()) >= 0;
  });
  return ok ? result.release() : nullptr;
}

Object* pattern_scanner(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  Object* string;
  ssize pos, endpos;
  if (!parse_range_args("scanner", args, nargs, kwnames, &string, &pos, &endpos)) return nullptr;
  return scanner_new(as_pattern(self), string, pos, endpos);
}

// finditer: iter(scanner.search, None), as CPython (type(...) is callable_iterator).
Object* pattern_finditer(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  Object* string;
  ssize pos, endpos;
  if (!parse_range_args("finditer", args, nargs, kwnames, &string, &pos, &endpos)) return nullptr;
  Ref scanner = Ref::steal(scanner_new(as_pattern(self), string, pos, endpos));
  if (!scanner) return nullptr;
  Ref search = Ref::steal(object_getattr_str(scanner.get(), "search"));
  if (!search) return nullptr;
  return callable_iter_new(search.get(), None);
}

Object* pattern_split(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"string", "maxsplit", nullptr};
  static const ArgSpec spec{"split", names, 1, 2};
  Object* a[2] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  ssize maxsplit = 0;
  if (a[1] && !ssize_arg(a[1], &maxsplit)) return nullptr;
  PatternObject* p = as_pattern(self);
  Subject s;
  if (!s.init(p, a[0])) return nullptr;
  Ref result = Ref::steal(list_new(0));
  if (!result) return nullptr;
  ssize last = 0;
  if (maxsplit >= 0) {
    bool ok = scan(p, s, 0, s.length, maxsplit, [&](const PCRE2_SIZE* ov) {
      Ref item = Ref::steal(subject_slice(s, last, ssize(ov[0])));
      if (!item || list_append(result.get(), item.get()) < 0) return false;
      for (ssize i = 1; i <= p->groups; ++i) {
        item = ov[2 * i] == PCRE2_UNSET
                   ? Ref::steal(none_ref())
                   : Ref::steal(subject_slice(s, ssize(ov[2 * i]), ssize(ov[2 * i + 1])));
        if (!item || list_append(result.get(), item.get()) < 0) return false;
      }
      last = ssize(ov[1]);
      return true;
    });
    if (!ok) return nullptr;
  }
  Ref tail = Ref::steal(subject_slice(s, last, s.length));
  if (!tail || list_append(result.get(), tail.get()) < 0) return nullptr;
  return result.release();
}

// ---- Pattern: sub/subn ---------------------------------------------------------------------------

// Whether a non-callable repl needs re._compile_template: it holds a backslash, or it is neither
// str nor bytes-like (then _compile_template raises CPython's TypeError).
bool needs_template(Object* repl) {
  if (str_check(repl)) {
    ssize n = str_length(repl);
    for (ssize i = 0; i < n; ++i) {
      if (str_read(repl, i) == '\\') return true;
    }
    return false;
  }
  ByteView v;
  if (get_byte_view_or_clear(repl, &v)) return memchr(v.data, '\\', size_t(v.size)) != nullptr;
  return true;
}

Object* subx(PatternObject* p, Object* repl, Object* string, ssize count, bool with_count) {
  enum { CALL, LITERAL, TEMPLATE } mode;
  Ref filter;
  if (callable_check(repl)) {
    mode = CALL;
    filter = Ref::borrow(repl);
  } else if (!needs_template(repl)) {
    mode = LITERAL;
    filter = Ref::borrow(repl);
  } else {
    filter = Ref::steal(compile_template(p, repl));
    if (!filter) return nullptr;
    mode = TEMPLATE;
    if (list_size(filter.get()) == 1 && !int_check(list_items(filter.get())[0])) {
      mode = LITERAL;
      filter = Ref::borrow(list_items(filter.get())[0]);
    }
  }
  Subject s;
  if (!s.init(p, string)) return nullptr;
  Joiner out(s);
  ssize last = 0, n = 0;
  std::vector<ssize> marks;
  if (count >= 0) {
    bool ok = scan(p, s, 0, s.length, count, [&](const PCRE2_SIZE* ov) {
      ssize b = ssize(ov[0]), e = ssize(ov[1]);
      if (last < b) {
        out.add_range(last, b);
        out.count_item();
      }
      if (mode == LITERAL) {
        out.add_object(filter.get());
        out.count_item();
      } else if (mode == TEMPLATE) {
        marks.assign(size_t(2 * (p->groups + 1)), -1);
        for (size_t i = 0; i < marks.size(); ++i) {
          if (ov[i] != PCRE2_UNSET) marks[i] = ssize(ov[i]);
        }
        if (!expand_template(out, p->groups, marks.data(), filter.get())) return false;
        out.count_item();
      } else {
        Ref m = Ref::steal(match_new(p, s, 0, s.length));
        if (!m) return false;
        Ref item = Ref::steal(call1(filter.get(), m.get()));
        if (!item) return false;
        if (item.get() != None) {
          out.add_object(item.get());
          out.count_item();
          out.keep(std::move(item));
        }
      }
      last = e;
      ++n;
      return true;
    });
    if (!ok) return nullptr;
  }
  Ref result;
  if (n == 0) {
    result = Ref::steal(subject_slice(s, 0, s.length));
  } else {
    out.add_range(last, s.length);
    result = Ref::steal(out.finish());
  }
  if (!result) return nullptr;
  if (!with_count) return result.release();
  Ref num = Ref::steal(int_from_ssize(n));
  if (!num) return nullptr;
  return tuple_pack(2, result.get(), num.get());
}

Object* sub_common(Object* self, Object* const* args, ssize nargs, Object* kwnames, const char* fname,
                   bool with_count) {
  static const char* const names[] = {"repl", "string", "count", nullptr};
  ArgSpec spec{fname, names, 2, 3};
  Object* a[3] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  ssize count = 0;
  if (a[2] && !ssize_arg(a[2], &count)) return nullptr;
  return subx(as_pattern(self), a[0], a[1], count, with_count);
}

Object* pattern_sub(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  return sub_common(self, args, nargs, kwnames, "sub", false);
}
Object* pattern_subn(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  return sub_common(self, args, nargs, kwnames, "subn", true);
}

// ---- Pattern: the object -------------------------------------------------------------------------

Object* pattern_copy(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("Pattern.__copy__", nargs, kwnames)) return nullptr;
  return newref(self);
}

Object* pattern_deepcopy(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_one_arg("Pattern.__deepcopy__", nargs, kwnames)) return nullptr;
  return newref(self);
}

const MethodDef kPatternMethods[] = {
    {"match", pattern_match, METH_DEFAULT,
     "Matches zero or more characters at the beginning of the string."},
    {"fullmatch", pattern_fullmatch, METH_DEFAULT, "Matches against all of the string."},
    {"search", pattern_search, METH_DEFAULT,
     "Scan through string looking for a match, and return a corresponding match object instance."},
    {"findall", pattern_findall, METH_DEFAULT,
     "Return a list of all non-overlapping matches of pattern in string."},
    {"finditer", pattern_finditer, METH_DEFAULT,
     "Return an iterator over all non-overlapping matches for the RE pattern in string."},
    {"scanner", pattern_scanner, METH_DEFAULT, nullptr},
    {"split", pattern_split, METH_DEFAULT, "Split string by the occurrences of pattern."},
    {"sub", pattern_sub, METH_DEFAULT,
     "Return the string obtained by replacing the leftmost non-overlapping occurrences of pattern "
     "in string by the replacement repl."},
    {"subn", pattern_subn, METH_DEFAULT,
     "Return the tuple (new_string, number_of_subs_made) found by replacing the leftmost "
     "non-overlapping occurrences of pattern with the replacement repl."},
    {"__copy__", pattern_copy, METH_DEFAULT, nullptr},
    {"__deepcopy__", pattern_deepcopy, METH_DEFAULT, nullptr},
    {"__class_getitem__", generic_alias_class_getitem, METH_CLASS,
     "See PEP 585"},
    {nullptr, nullptr, 0, nullptr},
};

Object* pattern_get_pattern(Object* self) { return newref(as_pattern(self)->pattern); }
Object* pattern_get_flags(Object* self) { return int_from_ssize(as_pattern(self)->flags); }
Object* pattern_get_groups(Object* self) { return int_from_ssize(as_pattern(self)->groups); }
Object* pattern_get_groupindex(Object* self) {
  return mappingproxy_new(as_pattern(self)->groupindex);
}

const GetSetDef kPatternGetSet[] = {
    {"pattern", pattern_get_pattern, nullptr, "The pattern string from which the RE object was compiled."},
    {"flags", pattern_get_flags, nullptr, "The regex matching flags."},
    {"groups", pattern_get_groups, nullptr, "The number of capturing groups in the pattern."},
    {"groupindex", pattern_get_groupindex, nullptr,
     "A dictionary mapping group names to group numbers."},
    {nullptr, nullptr, nullptr, nullptr},
};

// CPython's flag names, in its order (the rest is printed in hex).
const struct {
  const char* name;
  ssize value;
} kFlagNames[] = {{"re.TEMPLATE", 1},   {"re.IGNORECASE", 2}, {"re.LOCALE", 4},
                  {"re.MULTILINE", 8},  {"re.DOTALL", 16},    {"re.UNICODE", 32},
                  {"re.VERBOSE", 64},   {"re.DEBUG", 128},    {"re.ASCII", 256}};

Object* pattern_repr(Object* self) {
  PatternObject* p = as_pattern(self);
  Ref r = Ref::steal(object_repr(p->pattern));
  if (!r) return nullptr;
  if (str_length(r.get()) > 200) {
    r = Ref::steal(str_substring(r.get(), 0, 200));
    if (!r) return nullptr;
  }
  StrWriter w;
  w.append("re.compile(");
  if (!w.append_str(r.get())) return nullptr;
  ssize flags = p->flags;
  if ((flags & (4 | 32 | 256)) == 32) flags &= ~ssize(32);  // str default: not shown
  if (flags) {
    w.append(", ");
    const char* sep = "";
    for (const auto& f : kFlagNames) {
      if (flags & f.value) {
        w.append(sep);
        w.append(f.name);
        sep = "|";
        flags &= ~f.value;
      }
    }
    if (flags) {
      char buf[32];
      snprintf(buf, sizeof buf, "%s0x%zx", sep, size_t(flags));
      w.append(buf);
    }
  }
  w.append(")");
  return w.finish();
}

Object* pattern_richcompare(Object* a, Object* b, int op) {
  if ((op != CMP_EQ && op != CMP_NE) || type_of(b) != &PatternType) return newref(NotImplemented);
  PatternObject* x = as_pattern(a);
  PatternObject* y = as_pattern(b);
  bool eq = x == y;
  if (!eq && x->flags == y->flags && x->is_bytes == y->is_bytes) {
    int r = object_richcompare_bool(x->pattern, y->pattern, CMP_EQ);
    if (r < 0) return nullptr;
    eq = r > 0;
  }
  return bool_from(op == CMP_EQ ? eq : !eq);
}

hash_t pattern_hash(Object* self) {
  PatternObject* p = as_pattern(self);
  hash_t h = object_hash(p->pattern);
  if (h == -1) return -1;
  h ^= hash_t(p->flags) * 1000003 ^ hash_t(p->is_bytes);
  return h == -1 ? -2 : h;
}

void pattern_dealloc(Object* self) {
  PatternObject* p = as_pattern(self);
  weakref_clear_all(self);
  Pcre<uint8_t>::release(p->eng[0]);
  Pcre<uint16_t>::release(p->eng[1]);
  Pcre<uint32_t>::release(p->eng[2]);
  xdecref(p->pattern);
  xdecref(p->groupindex);
  if (p->text) mem_free(p->text);
  if (p->parents) mem_free(p->parents);
  object_free(self);
}

// _re.compile(pattern, flags, pcre_text, options, groups, groupindex, parents)
Object* re_compile(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("compile", kwnames) || !check_positional("compile", nargs, 7, 7)) {
    return nullptr;
  }
  Object* pattern = args[0];
  Object* text = args[2];
  Object* groupindex = args[5];
  Object* parents = args[6];
  ssize flags, options, groups;
  if (!ssize_arg(args[1], &flags) || !ssize_arg(args[3], &options) || !ssize_arg(args[4], &groups)) {
    return nullptr;
  }
  if (!(str_check(pattern) || bytes_check(pattern)) || !str_check(text) || !dict_check(groupindex) ||
      !list_check(parents) || list_size(parents) != groups + 1) {
    return err_format(&Exc_TypeError, "_re.compile: bad arguments");
  }
  auto* p = alloc_object<PatternObject>(&PatternType);
  if (!p) return nullptr;
  Ref owner = Ref::steal(p);
  p->pattern = newref(pattern);
  p->groupindex = newref(groupindex);
  p->flags = flags;
  p->groups = groups;
  p->is_bytes = bytes_check(pattern);
  p->options = uint32_t(options);
  p->text_len = str_length(text);
  p->text = static_cast<uint32_t*>(mem_alloc(size_t(p->text_len + 1) * sizeof(uint32_t)));
  p->parents = static_cast<int32_t*>(mem_alloc(size_t(groups + 1) * sizeof(int32_t)));
  if (!p->text || !p->parents) return err_no_memory();
  for (ssize i = 0; i < p->text_len; ++i) p->text[i] = str_read(text, i);
  for (ssize i = 0; i <= groups; ++i) {
    Object* v = list_items(parents)[i];
    ssize parent = -1;
    if (v != None && !ssize_arg(v, &parent)) return nullptr;
    p->parents[i] = int32_t(parent);
  }
  // Compile eagerly for the first width that can hold the pattern, to report errors now.
  int err = 0;
  PCRE2_SIZE off = 0;
  for (int w = 0; w < 3; ++w) {
    int r = ensure_engine(p, w, &err, &off);
    if (r > 0) return owner.release();
    if (r < 0) break;
  }
  if (err_occurred()) return nullptr;
  PCRE2_UCHAR8 buf[256];
  pcre2_get_error_message_8(err, buf, sizeof buf);
  Ref msg = Ref::steal(str_from_cstr(reinterpret_cast<const char*>(buf)));
  Ref offset = Ref::steal(int_from_i64(int64_t(off)));
  if (!msg || !offset) return nullptr;
  return tuple_pack(2, msg.get(), offset.get());
}

const MethodDef kReFunctions[] = {
    {"compile", re_compile, METH_DEFAULT,
     "compile(pattern, flags, pcre_text, options, groups, groupindex, parents) -> Pattern or "
     "(message, offset)"},
    {nullptr, nullptr, 0, nullptr},
};

bool pattern_type_ready() {
  if (PatternType.flags & TPFLAG_READY) return true;
  PatternType.ob_type = &TypeType;
  make_immortal(&PatternType);
  PatternType.name = "re.Pattern";
  PatternType.doc = "Compiled regular expression object.";
  PatternType.basicsize = sizeof(PatternObject);
  PatternType.dealloc = pattern_dealloc;
  PatternType.repr = pattern_repr;
  PatternType.hash = pattern_hash;
  PatternType.richcompare = pattern_richcompare;
  PatternType.methods = kPatternMethods;
  PatternType.getset = kPatternGetSet;
  PatternType.weaklistoffset = ssize(offsetof(PatternObject, weakreflist));
  return type_ready(&PatternType) >= 0;
}

}  // namespace
}  // namespace gilpy::re

namespace gilpy {

Object* re_module_init() {
  if (!re::pattern_type_ready() || !re::type_ready_match()) return nullptr;
  Ref m = Ref::steal(module_new("_re"));
  if (!m || module_add_functions(m.get(), re::kReFunctions) < 0 ||
      module_add_object(m.get(), "Pattern", as_object(&re::PatternType)) < 0 ||
      module_add_object(m.get(), "Match", as_object(&re::MatchType)) < 0 ||
      module_add_object(m.get(), "Scanner", as_object(&re::ScannerType)) < 0 ||
      module_add_int(m.get(), "UCP", PCRE2_UCP) < 0 ||
      module_add_int(m.get(), "CASELESS", PCRE2_CASELESS) < 0 ||
      module_add_int(m.get(), "MULTILINE", PCRE2_MULTILINE) < 0 ||
      module_add_int(m.get(), "DOTALL", PCRE2_DOTALL) < 0) {
    return nullptr;
  }
  return m.release();
}

}  // namespace gilpy

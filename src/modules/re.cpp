// `_re`: the matching engine under lib/re/__init__.py, on PCRE2 (8-bit library).
//
// Design: the Python layer (lib/re) parses Python's regex syntax itself (so the error messages
// and positions are CPython's) and emits an equivalent PCRE2 pattern in which every construct is
// spelled unambiguously (literals as \x{..}, groups unnamed and referenced by number, \Z as \z,
// verbose mode already stripped, ...). This module only compiles that pattern and runs it:
//
//   _re.compile(pcre_pattern: str|bytes, options: int) -> Code, or (message, offset) on a PCRE2
//       compile error (the Python layer turns it into re.error).
//   Code.match(subject, pos, endpos, mode) -> None or a tuple (s0, e0, s1, e1, ...) of code-point
//       (or byte) indices, -1 for groups that did not take part; mode 0 = search, 1 = match
//       (anchored at pos), 2 = fullmatch (anchored at both ends).
//   Code.scan(subject, pos, endpos, limit) -> list of such tuples: the successive non-overlapping
//       matches of a search with Python 3.7+'s empty-match rules (an empty match may not start
//       where the previous match ended if that one was empty, i.e. PCRE2_NOTEMPTY_ATSTART after an
//       empty match), at most `limit` of them (0 = all). Used by findall/finditer/sub/split.
//
// Subjects: str subjects are matched as UTF-8 (PCRE2_UTF, and PCRE2_UCP unless re.ASCII, chosen
// by the caller through `options`); offsets are converted between code points and bytes by walking
// the UTF-8 (ASCII strings need no conversion). bytes/bytearray subjects are matched byte-wise.
// The newline convention is fixed to LF and PCRE2_ALT_CIRCUMFLEX is set so that '^' in MULTILINE
// mode also matches after a final newline, as in Python. Patterns are JIT-compiled when possible.
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <string>
#include <vector>

#include "core/abstract.h"
#include "core/args.h"
#include "core/error.h"
#include "core/gc.h"
#include "modules/modules.h"
#include "objects/bytesobject.h"
#include "objects/containers.h"
#include "objects/intobject.h"
#include "objects/moduleobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"

namespace gilpy {

namespace {

TypeObject CodeType;

struct CodeObject : Object {
  pcre2_code* code;
  pcre2_match_data* md;
  pcre2_match_context* mctx;
  pcre2_jit_stack* jit_stack;
  bool is_bytes;
  uint32_t capture_count;
};

// The subject as bytes plus the mapping between code-point and byte offsets.
struct Subject {
  Ref owner;                // keeps the str/bytes alive
  const char* data = nullptr;
  size_t size = 0;          // bytes
  ssize length = 0;         // code points (== size for bytes and ASCII str)
  bool needs_map = false;   // non-ASCII str
  std::vector<uint32_t> byte_of_cp;  // built lazily for non-ASCII strings (length + 1 entries)

  bool init(CodeObject* c, Object* s) {
    if (str_check(s)) {
      if (c->is_bytes) {
        err_format(&Exc_TypeError, "cannot use a bytes pattern on a string-like object");
        return false;
      }
      ssize n = 0;
      data = str_as_utf8(s, &n);
      if (!data) return false;
      size = size_t(n);
      length = str_length(s);
      needs_map = !static_cast<StrObject*>(s)->ascii;
    } else {
      if (!c->is_bytes) {
        if (bytes_check(s) || bytearray_check(s)) {
          err_format(&Exc_TypeError, "cannot use a string pattern on a bytes-like object");
        } else {
          err_format(&Exc_TypeError, "expected string or bytes-like object, got '%T'", s);
        }
        return false;
      }
      ByteView v;
      if (!get_byte_view(s, &v)) {
        err_clear();
        err_format(&Exc_TypeError, "expected string or bytes-like object, got '%T'", s);
        return false;
      }
      data = v.data;
      size = size_t(v.size);
      length = ssize(v.size);
    }
    owner = Ref::borrow(s);
    return true;
  }
  void build_map() {
    if (!byte_of_cp.empty()) return;
    byte_of_cp.reserve(size_t(length) + 1);
    for (size_t i = 0; i < size; ++i) {
      if ((static_cast<unsigned char>(data[i]) & 0xC0) != 0x80) byte_of_cp.push_back(uint32_t(i));
    }
    byte_of_cp.push_back(uint32_t(size));
  }
  size_t to_byte(ssize cp) {
    if (!needs_map) return size_t(cp);
    build_map();
    return byte_of_cp[size_t(cp)];
  }
  ssize to_cp(size_t b) {
    if (!needs_map) return ssize(b);
    build_map();
    // binary search: byte offsets are strictly increasing
    size_t lo = 0, hi = byte_of_cp.size();
    while (lo < hi) {
      size_t mid = (lo + hi) / 2;
      if (byte_of_cp[mid] < b) lo = mid + 1; else hi = mid;
    }
    return ssize(lo);
  }
};

CodeObject* as_code(Object* o) { return static_cast<CodeObject*>(o); }

void code_dealloc(Object* self) {
  CodeObject* c = as_code(self);
  if (c->md) pcre2_match_data_free(c->md);
  if (c->mctx) pcre2_match_context_free(c->mctx);
  if (c->jit_stack) pcre2_jit_stack_free(c->jit_stack);
  if (c->code) pcre2_code_free(c->code);
  object_free(self);
}

Object* raise_match_error(int rc) {
  PCRE2_UCHAR buf[256];
  pcre2_get_error_message(rc, buf, sizeof buf);
  if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
      rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT || rc == PCRE2_ERROR_NOMEMORY) {
    return err_format(&Exc_RecursionError, "maximum recursion limit exceeded");
  }
  return err_format(&Exc_RuntimeError, "internal error in regular expression engine: %s",
                    reinterpret_cast<const char*>(buf));
}

// Clamp pos/endpos as CPython's state_init does.
void clamp(ssize length, ssize* pos, ssize* endpos) {
  if (*pos < 0) *pos = 0;
  if (*pos > length) *pos = length;
  if (*endpos < 0) *endpos = 0;
  if (*endpos > length) *endpos = length;
}

// One pcre2_match; returns 1 match / 0 none / -1 error.
int run(CodeObject* c, Subject& s, size_t start, size_t end, uint32_t opts) {
  int rc = pcre2_match(c->code, reinterpret_cast<PCRE2_SPTR>(s.data), end, start,
                       opts | (c->is_bytes ? 0 : PCRE2_NO_UTF_CHECK), c->md, c->mctx);
  if (rc == PCRE2_ERROR_NOMATCH) return 0;
  if (rc < 0) {
    raise_match_error(rc);
    return -1;
  }
  return 1;
}

Object* spans_tuple(CodeObject* c, Subject& s) {
  PCRE2_SIZE* ov = pcre2_get_ovector_pointer(c->md);
  uint32_t n = c->capture_count + 1;
  Ref t = Ref::steal(tuple_new(ssize(n) * 2));
  if (!t) return nullptr;
  for (uint32_t i = 0; i < n * 2; ++i) {
    Object* v;
    if (ov[i] == PCRE2_UNSET) {
      v = int_from_i64(-1);
    } else {
      v = int_from_i64(int64_t(s.to_cp(ov[i])));
    }
    if (!v) return nullptr;
    tuple_set_steal(t.get(), ssize(i), v);
  }
  // Only ints: never part of a cycle, so the collector need not examine it (CPython untracks
  // such tuples at their first collection; finditer/sub create one per match).
  gc_untrack(t.get());
  return t.release();
}

bool int_arg(Object* o, ssize* out) {
  *out = number_as_ssize(o, &Exc_OverflowError);
  return !(*out == -1 && err_occurred());
}

Object* code_match(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("match", kwnames) || !check_positional("match", nargs, 4, 4)) return nullptr;
  CodeObject* c = as_code(self);
  Subject s;
  if (!s.init(c, args[0])) return nullptr;
  ssize pos, endpos, mode;
  if (!int_arg(args[1], &pos) || !int_arg(args[2], &endpos) || !int_arg(args[3], &mode)) {
    return nullptr;
  }
  clamp(s.length, &pos, &endpos);
  if (endpos < pos) return none_ref();
  uint32_t opts = mode == 1 ? PCRE2_ANCHORED : mode == 2 ? (PCRE2_ANCHORED | PCRE2_ENDANCHORED) : 0;
  int r = run(c, s, s.to_byte(pos), s.to_byte(endpos), opts);
  if (r < 0) return nullptr;
  if (r == 0) return none_ref();
  return spans_tuple(c, s);
}

Object* code_scan(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("scan", kwnames) || !check_positional("scan", nargs, 4, 4)) return nullptr;
  CodeObject* c = as_code(self);
  Subject s;
  if (!s.init(c, args[0])) return nullptr;
  ssize pos, endpos, limit;
  if (!int_arg(args[1], &pos) || !int_arg(args[2], &endpos) || !int_arg(args[3], &limit)) {
    return nullptr;
  }
  clamp(s.length, &pos, &endpos);
  Ref result = Ref::steal(list_new(0));
  if (!result) return nullptr;
  if (endpos < pos) return result.release();
  size_t start = s.to_byte(pos), end = s.to_byte(endpos);
  bool last_empty = false;
  while (start <= end) {
    int r = run(c, s, start, end, last_empty ? PCRE2_NOTEMPTY_ATSTART : 0);
    if (r < 0) return nullptr;
    if (r == 0) break;
    Ref t = Ref::steal(spans_tuple(c, s));
    if (!t || list_append(result.get(), t.get()) < 0) return nullptr;
    if (limit > 0 && list_size(result.get()) >= limit) break;
    PCRE2_SIZE* ov = pcre2_get_ovector_pointer(c->md);
    last_empty = ov[0] == ov[1];
    start = ov[1];
  }
  return result.release();
}

Object* code_get_groups(Object* self) {
  return int_from_i64(as_code(self)->capture_count);
}

const MethodDef kCodeMethods[] = {
    {"match", code_match, METH_DEFAULT, "match(subject, pos, endpos, mode) -> spans or None"},
    {"scan", code_scan, METH_DEFAULT, "scan(subject, pos, endpos, limit) -> list of spans"},
    {nullptr, nullptr, 0, nullptr},
};

const GetSetDef kCodeGetSet[] = {
    {"groups", code_get_groups, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

// _re.compile(pattern, options): str patterns are UTF-8 (the caller passes PCRE2_UTF itself).
Object* re_compile(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("compile", kwnames) || !check_positional("compile", nargs, 2, 2)) {
    return nullptr;
  }
  Object* pat = args[0];
  ssize options;
  if (!int_arg(args[1], &options)) return nullptr;
  const char* data;
  ssize size;
  bool is_bytes;
  if (str_check(pat)) {
    data = str_as_utf8(pat, &size);
    if (!data) return nullptr;
    is_bytes = false;
  } else if (bytes_check(pat)) {
    data = bytes_data(pat);
    size = bytes_size(pat);
    is_bytes = true;
  } else {
    return err_format(&Exc_TypeError, "pattern must be str or bytes, not %T", pat);
  }
  pcre2_compile_context* cctx = pcre2_compile_context_create(nullptr);
  pcre2_set_newline(cctx, PCRE2_NEWLINE_LF);
  pcre2_set_bsr(cctx, PCRE2_BSR_UNICODE);
  int errcode = 0;
  PCRE2_SIZE erroff = 0;
  pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(data), PCRE2_SIZE(size),
                                   uint32_t(options) | PCRE2_ALT_CIRCUMFLEX, &errcode, &erroff, cctx);
  pcre2_compile_context_free(cctx);
  if (!code) {
    PCRE2_UCHAR buf[256];
    pcre2_get_error_message(errcode, buf, sizeof buf);
    Ref msg = Ref::steal(str_from_cstr(reinterpret_cast<const char*>(buf)));
    Ref off = Ref::steal(int_from_i64(int64_t(erroff)));
    if (!msg || !off) return nullptr;
    return tuple_pack(2, msg.get(), off.get());
  }
  auto* c = alloc_object<CodeObject>(&CodeType);
  if (!c) {
    pcre2_code_free(code);
    return nullptr;
  }
  c->code = code;
  c->is_bytes = is_bytes;
  c->jit_stack = nullptr;
  c->mctx = pcre2_match_context_create(nullptr);
  if (pcre2_jit_compile(code, PCRE2_JIT_COMPLETE) == 0) {
    c->jit_stack = pcre2_jit_stack_create(32 * 1024, 4 * 1024 * 1024, nullptr);
    if (c->jit_stack) pcre2_jit_stack_assign(c->mctx, nullptr, c->jit_stack);
  }
  pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &c->capture_count);
  c->md = pcre2_match_data_create_from_pattern(code, nullptr);
  return c;
}

const MethodDef kReFunctions[] = {
    {"compile", re_compile, METH_DEFAULT, "compile(pcre_pattern, options) -> Code or (msg, offset)"},
    {nullptr, nullptr, 0, nullptr},
};

bool code_type_ready() {
  if (CodeType.flags & TPFLAG_READY) return true;
  CodeType.ob_type = &TypeType;
  make_immortal(&CodeType);
  CodeType.name = "_re.Code";
  CodeType.basicsize = sizeof(CodeObject);
  CodeType.dealloc = code_dealloc;
  CodeType.methods = kCodeMethods;
  CodeType.getset = kCodeGetSet;
  return type_ready(&CodeType) >= 0;
}

}  // namespace

Object* re_module_init() {
  if (!code_type_ready()) return nullptr;
  Ref m = Ref::steal(module_new("_re"));
  if (!m || module_add_functions(m.get(), kReFunctions) < 0 ||
      module_add_object(m.get(), "Code", as_object(&CodeType)) < 0 ||
      module_add_int(m.get(), "UTF", PCRE2_UTF) < 0 || module_add_int(m.get(), "UCP", PCRE2_UCP) < 0 ||
      module_add_int(m.get(), "CASELESS", PCRE2_CASELESS) < 0 ||
      module_add_int(m.get(), "MULTILINE", PCRE2_MULTILINE) < 0 ||
      module_add_int(m.get(), "DOTALL", PCRE2_DOTALL) < 0) {
    return nullptr;
  }
  return m.release();
}

}  // namespace gilpy

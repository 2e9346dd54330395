// Traceback objects and the printing of uncaught exceptions in CPython 3.12's format (a port of
// Python/traceback.c's tb_printinternal / tb_displayline and Python/pythonrun.c's
// print_exception_recursive, plus Python/suggestions.c's "Did you mean" Levenshtein).
//
// Ownership: a TracebackObject owns tb_next and tb_frame. Printing builds the whole text in a
// std::string and writes it with one file.write() call (then flush()); source files are read once
// and cached by filename for the life of the process.
#include "vm/traceback.h"

#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/abstract.h"
#include "core/error.h"
#include "core/types_init.h"
#include "objects/bytesobject.h"
#include "objects/containers.h"
#include "objects/exceptions.h"
#include "objects/intobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"
#include "parser/parser.h"
#include "vm/state.h"

namespace gilpy {

TypeObject TracebackType;

Object* traceback_new(Object* next, Object* frame_obj, int lasti, int lineno) {
  auto* tb = alloc_object<TracebackObject>(&TracebackType);
  if (!tb) return nullptr;
  tb->tb_next = next && next != None ? newref(next) : nullptr;
  tb->tb_frame = newref(frame_obj);
  tb->tb_lasti = lasti;
  tb->tb_lineno = lineno;
  return tb;
}

int traceback_here(Frame* f) {
  ThreadState* ts = tstate();
  Object* exc = ts->current_exception;
  if (!exc) return 0;
  Object* fo = frame_get_object(f);
  if (!fo) return -1;
  Object* cur = exception_get_traceback_borrowed(exc);
  int lasti = f->lasti();
  Object* tb = traceback_new(cur, fo, lasti, frame_lineno(f));
  decref(fo);
  if (!tb) return -1;
  exception_set_traceback(exc, tb);
  decref(tb);
  return 0;
}

static void tb_dealloc(Object* o) {
  auto* tb = static_cast<TracebackObject*>(o);
  clear_ref(&tb->tb_next);
  clear_ref(&tb->tb_frame);
  object_free(o);
}

static int tb_traverse(Object* o, visitproc visit, void* arg) {
  auto* tb = static_cast<TracebackObject*>(o);
  if (tb->tb_next) {
    int r = visit(tb->tb_next, arg);
    if (r) return r;
  }
  return tb->tb_frame ? visit(tb->tb_frame, arg) : 0;
}

// CPython's tb_clear drops tb_next and tb_frame; tb_frame is kept here because the printing code
// below relies on it being non-null, and the cycles through a traceback are broken anyway by the
// frame object's clear (its locals) and the exception's clear (its __traceback__).
static int tb_clear(Object* o) {
  clear_ref(&static_cast<TracebackObject*>(o)->tb_next);
  return 0;
}

static TracebackObject* TB(Object* o) { return static_cast<TracebackObject*>(o); }
static Object* tb_get_next(Object* o) { return newref(TB(o)->tb_next ? TB(o)->tb_next : None); }
static int tb_set_next(Object* o, Object* v) {
  if (!v) {
    err_format(&Exc_TypeError, "can't delete tb_next attribute");
    return -1;
  }
  if (v == None) {
    clear_ref(&TB(o)->tb_next);
    return 0;
  }
  if (!traceback_check(v)) {
    err_format(&Exc_TypeError, "expected traceback object or None, got '%T'", v);
    return -1;
  }
  for (Object* c = v; c; c = TB(c)->tb_next) {
    if (c == o) {
      err_format(&Exc_ValueError, "traceback loop detected");
      return -1;
    }
  }
  setref(&TB(o)->tb_next, newref(v));
  return 0;
}
static Object* tb_get_frame(Object* o) { return newref(TB(o)->tb_frame ? TB(o)->tb_frame : None); }
static Object* tb_get_lasti(Object* o) { return int_from_i64(TB(o)->tb_lasti * 2); }
static Object* tb_get_lineno(Object* o) { return int_from_i64(TB(o)->tb_lineno); }

static const GetSetDef tb_getset[] = {
    {"tb_next", tb_get_next, tb_set_next, nullptr},
    {"tb_frame", tb_get_frame, nullptr, nullptr},
    {"tb_lasti", tb_get_lasti, nullptr, nullptr},
    {"tb_lineno", tb_get_lineno, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

// types.TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno)
static Object* tb_new(TypeObject*, Object* const* args, ssize nargs, Object* kwnames) {
  if ((kwnames && tuple_size(kwnames)) || nargs != 4)
    return err_format(&Exc_TypeError, "traceback() takes exactly 4 arguments (%zd given)", nargs);
  Object* next = args[0];
  if (next != None && !traceback_check(next))
    return err_format(&Exc_TypeError, "expected traceback object or None, got '%T'", next);
  if (!frame_object_check(args[1]))
    return err_format(&Exc_TypeError, "TracebackType() argument 'tb_frame' must be frame, not %T",
                      args[1]);
  ssize lasti = int_as_ssize(args[2]);
  if (lasti == -1 && err_occurred()) return nullptr;
  ssize lineno = int_as_ssize(args[3]);
  if (lineno == -1 && err_occurred()) return nullptr;
  return traceback_new(next, args[1], int(lasti / 2), int(lineno));
}

void init_traceback_type() {
  TracebackType.name = "traceback";
  TracebackType.basicsize = sizeof(TracebackObject);
  TracebackType.flags = TPFLAG_HAVE_GC;
  TracebackType.dealloc = tb_dealloc;
  TracebackType.traverse = tb_traverse;
  TracebackType.clear = tb_clear;
  TracebackType.getattro = generic_getattr;
  TracebackType.setattro = generic_setattr;
  TracebackType.getset = tb_getset;
  TracebackType.new_ = tb_new;
  TracebackType.base = &ObjectType;
  register_static_type(&TracebackType);
}

// ---- source lines --------------------------------------------------------------------------------

namespace {

const std::vector<std::string>* source_lines(const std::string& filename) {
  static std::unordered_map<std::string, std::vector<std::string>> cache;
  auto it = cache.find(filename);
  if (it != cache.end()) return it->second.empty() ? nullptr : &it->second;
  std::vector<std::string> lines;
  if (!filename.empty() && filename[0] != '<') {
    std::ifstream in(filename, std::ios::binary);
    if (in) {
      std::string line;
      while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(line);
      }
    }
  }
  auto& slot = cache[filename];
  slot = std::move(lines);
  return slot.empty() ? nullptr : &slot;
}

bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\f'; }

// Character (code point) offset of UTF-8 byte offset `byte_off` in `line`.
ssize byte_to_char_offset(const std::string& line, ssize byte_off) {
  if (byte_off > ssize(line.size())) byte_off = ssize(line.size());
  ssize n = 0;
  for (ssize i = 0; i < byte_off; i++) {
    if ((static_cast<unsigned char>(line[size_t(i)]) & 0xC0) != 0x80) n++;
  }
  return n;
}

// Character-indexed substring (UTF-8 in, UTF-8 out).
std::string char_substr(const std::string& s, ssize start, ssize end) {
  size_t b = 0, pos = 0;
  ssize ci = 0;
  size_t bs = s.size(), be = s.size();
  bool have_start = false;
  for (pos = 0; pos <= s.size(); pos++) {
    if (pos == s.size() || (static_cast<unsigned char>(s[pos]) & 0xC0) != 0x80) {
      if (ci == start && !have_start) {
        bs = pos;
        have_start = true;
      }
      if (ci == end) {
        be = pos;
        break;
      }
      if (pos < s.size()) ci++;
    }
  }
  (void)b;
  if (!have_start || be < bs) return std::string();
  return s.substr(bs, be - bs);
}

struct Anchors {
  ssize left = -1, right = -1;  // byte offsets in the segment
  char primary = '^', secondary = '^';
};

// CPython 3.12's extract_anchors_from_line: parse the segment; a BinOp or Subscript expression
// statement gets `~~~^^^~~~` anchors.
bool extract_anchors(const std::string& segment, Anchors& a) {
  using namespace gilpy::parser;
  ParseResult r = parse(segment, Mode::Exec, "<traceback>");
  if (!r.ok() || r.mod->body.size() != 1) return false;
  Stmt* st = r.mod->body[0];
  if (st->kind != StmtKind::Expr) return false;
  gilpy::parser::Expr* e = st->as<ExprStmt>()->value;
  const char* s = segment.c_str();
  ssize len = ssize(segment.size());
  if (e->kind == ExprKind::BinOp) {
    auto* b = e->as<BinOp>();
    ssize lend = b->left->loc.end_col_offset, rstart = b->right->loc.col_offset;
    bool found = false;
    for (ssize i = lend; i < rstart && i < len; i++) {
      if (is_ws(s[i]) || s[i] == '\n') continue;
      a.left = i;
      a.right = i + 1;
      if (i + 1 < rstart && !is_ws(s[i + 1]) && s[i + 1] != '\n') a.right++;
      if (i + 1 < rstart && s[i] == ')') continue;
      a.primary = '~';
      a.secondary = '^';
      found = true;
      break;
    }
    if (!found && a.left < 0) return false;
    return true;
  }
  if (e->kind == ExprKind::Subscript) {
    auto* sub = e->as<Subscript>();
    a.left = sub->value->loc.end_col_offset;
    a.right = sub->slice->loc.end_col_offset + 1;
    while (a.left < len && (is_ws(s[a.left]) || s[a.left] != '[')) a.left++;
    while (a.right < len && (is_ws(s[a.right]) || s[a.right] != ']')) a.right++;
    if (a.right < len) a.right++;
    a.primary = '~';
    a.secondary = '^';
    return true;
  }
  return false;
}

std::string utf8_of(Object* s) {
  if (!s || !str_check(s)) return std::string();
  ssize n = 0;
  const char* p = str_as_utf8(s, &n);
  if (!p) {
    err_clear();
    return std::string();
  }
  return std::string(p, size_t(n));
}

void display_line(std::string& out, TracebackObject* tb, const std::string& filename, int lineno,
                  const std::string& name) {
  char buf[64];
  out += "  File \"";
  out += filename;
  std::snprintf(buf, sizeof buf, "\", line %d, in ", lineno);
  out += buf;
  out += name;
  out += "\n";
  const std::vector<std::string>* lines = source_lines(filename);
  if (!lines || lineno < 1 || size_t(lineno) > lines->size()) return;
  const std::string& line = (*lines)[size_t(lineno - 1)];
  size_t lead = 0;
  while (lead < line.size() && is_ws(line[lead])) lead++;
  out += "    ";
  out += line.substr(lead);
  out += "\n";

  Frame* f = static_cast<FrameObject*>(tb->tb_frame)->frame;
  if (!f || !f->code) return;
  CodeObject* code = f->code;
  int lasti = tb->tb_lasti;
  if (lasti < 0 || lasti >= code->ncode || !code->positions) return;
  InstrPosition pos = code->positions[lasti];
  if (pos.line < 0 || pos.end_line < 0 || pos.col < 0 || pos.end_col < 0) return;
  // Character offsets in the full line.
  ssize start_offset = byte_to_char_offset(line, pos.col);
  ssize end_offset = byte_to_char_offset(line, pos.end_col);
  ssize lead_chars = byte_to_char_offset(line, ssize(lead));
  ssize line_chars = byte_to_char_offset(line, ssize(line.size()));
  ssize left_end = -1, right_start = -1;
  char primary = '^', secondary = '^';
  if (pos.line == pos.end_line) {
    std::string segment = char_substr(line, start_offset, end_offset);
    Anchors a;
    if (!segment.empty() && extract_anchors(segment, a) && a.left >= 0) {
      left_end = byte_to_char_offset(segment, a.left) + start_offset;
      right_start = byte_to_char_offset(segment, a.right) + start_offset;
      primary = a.primary;
      secondary = a.secondary;
    }
  } else {
    ssize i = ssize(line.size());
    while (--i >= 0) {
      if (!is_ws(line[size_t(i)])) break;
    }
    end_offset = byte_to_char_offset(line, i + 1);
  }
  ssize stripped_len = line_chars - lead_chars;
  bool has_secondary = left_end != -1 || right_start != -1;
  if (end_offset - start_offset == stripped_len && !has_secondary) return;
  // print_error_location_carets with offset = truncation = lead - 4.
  ssize offset = lead_chars - 4;
  while (++offset <= end_offset) {
    if (offset <= start_offset) {
      out += ' ';
    } else if (has_secondary && left_end < offset && offset <= right_start) {
      out += secondary;
    } else {
      out += primary;
    }
  }
  out += "\n";
}

constexpr long kRecursiveCutoff = 3;

void print_repeated(std::string& out, long cnt) {
  cnt -= kRecursiveCutoff;
  char buf[96];
  std::snprintf(buf, sizeof buf,
                cnt > 1 ? "  [Previous line repeated %ld more times]\n"
                        : "  [Previous line repeated %ld more time]\n",
                cnt);
  out += buf;
}

long traceback_limit() {
  Interpreter* interp = main_interpreter();
  if (!interp || !interp->sysdict) return 1000;
  Object* v = dict_get_str_borrowed(interp->sysdict, "tracebacklimit");
  if (!v) {
    err_clear();
    return 1000;
  }
  if (!int_check(v)) return 1000;
  bool overflow = false;
  int64_t n = int_as_i64(v, &overflow);
  if (overflow) return n < 0 ? 0 : 1000000000L;
  return long(n);
}

// The traceback entries (without the header line: the caller writes it with its margin).
void print_tb(std::string& out, Object* tbo) {
  long limit = traceback_limit();
  if (limit <= 0) return;
  long depth = 0;
  for (Object* t = tbo; t; t = TB(t)->tb_next) depth++;
  Object* t = tbo;
  while (t && depth > limit) {
    depth--;
    t = TB(t)->tb_next;
  }
  std::string last_file, last_name;
  int last_line = -1;
  bool have_last = false;
  long cnt = 0;
  for (; t; t = TB(t)->tb_next) {
    auto* tb = TB(t);
    Frame* f = static_cast<FrameObject*>(tb->tb_frame)->frame;
    std::string filename = f && f->code ? utf8_of(f->code->filename) : "???";
    std::string name = f && f->code ? utf8_of(f->code->name) : "???";
    if (!have_last || filename != last_file || last_line == -1 || tb->tb_lineno != last_line ||
        name != last_name) {
      if (cnt > kRecursiveCutoff) print_repeated(out, cnt);
      last_file = filename;
      last_line = tb->tb_lineno;
      last_name = name;
      have_last = true;
      cnt = 0;
    }
    cnt++;
    if (cnt <= kRecursiveCutoff) display_line(out, tb, filename, tb->tb_lineno, name);
  }
  if (cnt > kRecursiveCutoff) print_repeated(out, cnt);
}

// ---- suggestions (Python/suggestions.c) ---------------------------------------------------------

constexpr ssize kMaxCandidateItems = 750;
constexpr size_t kMaxStringSize = 40;
constexpr size_t kMoveCost = 2;
constexpr size_t kCaseCost = 1;

size_t substitution_cost(char a, char b) {
  if ((a & 31) != (b & 31)) return kMoveCost;
  if (a == b) return 0;
  if ('A' <= a && a <= 'Z') a += ('a' - 'A');
  if ('A' <= b && b <= 'Z') b += ('a' - 'A');
  if (a == b) return kCaseCost;
  return kMoveCost;
}

size_t levenshtein_distance(const char* a, size_t a_size, const char* b, size_t b_size,
                            size_t max_cost, size_t* buffer) {
  if (a == b) return 0;
  while (a_size && b_size && a[0] == b[0]) {
    a++;
    a_size--;
    b++;
    b_size--;
  }
  while (a_size && b_size && a[a_size - 1] == b[b_size - 1]) {
    a_size--;
    b_size--;
  }
  if (a_size == 0 || b_size == 0) return (a_size + b_size) * kMoveCost;
  if (a_size > kMaxStringSize || b_size > kMaxStringSize) return max_cost + 1;
  if (b_size < a_size) {
    std::swap(a, b);
    std::swap(a_size, b_size);
  }
  if ((b_size - a_size) * kMoveCost > max_cost) return max_cost + 1;
  size_t tmp = kMoveCost;
  for (size_t i = 0; i < a_size; i++) {
    buffer[i] = tmp;
    tmp += kMoveCost;
  }
  size_t result = 0;
  for (size_t b_index = 0; b_index < b_size; b_index++) {
    char code = b[b_index];
    size_t distance = result = b_index * kMoveCost;
    size_t minimum = SIZE_MAX;
    for (size_t index = 0; index < a_size; index++) {
      size_t substitute = distance + substitution_cost(code, a[index]);
      distance = buffer[index];
      size_t insert_delete = std::min(result, distance) + kMoveCost;
      result = std::min(insert_delete, substitute);
      buffer[index] = result;
      if (result < minimum) minimum = result;
    }
    if (minimum > max_cost) return max_cost + 1;
  }
  return result;
}

}  // namespace

Object* suggestion_from_candidates(Object* dir, Object* name) {
  if (!list_check(dir) || !str_check(name)) return nullptr;
  ssize dir_size = list_size(dir);
  if (dir_size >= kMaxCandidateItems) return nullptr;
  ssize suggestion_distance = SSIZE_MAX;
  Object* suggestion = nullptr;
  ssize name_size = 0;
  const char* name_str = str_as_utf8(name, &name_size);
  if (!name_str) {
    err_clear();
    return nullptr;
  }
  size_t buffer[kMaxStringSize];
  for (ssize i = 0; i < dir_size; ++i) {
    Object* item = list_get_borrowed(dir, i);
    if (!str_check(item)) continue;
    if (str_equal(name, item)) continue;
    ssize item_size = 0;
    const char* item_str = str_as_utf8(item, &item_size);
    if (!item_str) {
      err_clear();
      return nullptr;
    }
    ssize max_distance = (name_size + item_size + 3) * ssize(kMoveCost) / 6;
    max_distance = std::min(max_distance, suggestion_distance - 1);
    ssize current = ssize(levenshtein_distance(name_str, size_t(name_size), item_str,
                                               size_t(item_size), size_t(max_distance), buffer));
    if (current > max_distance) continue;
    if (!suggestion || current < suggestion_distance) {
      suggestion = item;
      suggestion_distance = current;
    }
  }
  return suggestion ? newref(suggestion) : nullptr;
}

namespace {

Object* getattr_or_null(Object* o, const char* name) {
  Object* v = nullptr;
  if (object_lookup_attr(o, str_intern_cstr_borrowed(name), &v) < 0) {
    err_clear();
    return nullptr;
  }
  return v;
}

Object* keys_list(Object* mapping) {
  if (!mapping) return nullptr;
  if (dict_check(mapping)) return dict_keys_list(mapping);
  Object* l = sequence_list(mapping);
  if (!l) err_clear();
  return l;
}

// Names of the standard library modules, for "Did you forget to import 'x'?".
bool is_stdlib_module_name(const std::string& n) {
  static const std::unordered_set<std::string> names = {
      "abc",       "argparse",  "array",     "ast",        "asyncio",   "base64",
      "bisect",    "builtins",  "calendar",  "cmath",      "collections", "contextlib",
      "copy",      "csv",       "ctypes",    "dataclasses", "datetime", "decimal",
      "difflib",   "dis",       "enum",      "errno",      "fractions", "functools",
      "gc",        "glob",      "hashlib",   "heapq",      "html",      "http",
      "importlib", "inspect",   "io",        "itertools",  "json",      "keyword",
      "linecache", "locale",    "logging",   "math",       "multiprocessing", "numbers",
      "operator",  "os",        "pathlib",   "pickle",     "platform",  "pprint",
      "queue",     "random",    "re",        "shutil",     "signal",    "socket",
      "sqlite3",   "statistics", "string",   "struct",     "subprocess", "sys",
      "tempfile",  "textwrap",  "threading", "time",       "timeit",    "token",
      "tokenize",  "traceback", "types",     "typing",     "unicodedata", "unittest",
      "urllib",    "uuid",      "warnings",  "weakref",    "xml",       "zipfile",
      "zlib",
  };
  return names.count(n) != 0;
}

Object* name_error_suggestion(Object* exc, Object* name) {
  Object* tbo = exception_get_traceback_borrowed(exc);
  if (!tbo || !traceback_check(tbo)) return nullptr;
  while (TB(tbo)->tb_next && traceback_check(TB(tbo)->tb_next)) tbo = TB(tbo)->tb_next;
  Frame* f = static_cast<FrameObject*>(TB(tbo)->tb_frame)->frame;
  if (!f || !f->code) return nullptr;
  CodeObject* code = f->code;
  Ref varnames = Ref::steal(list_new(0));
  if (!varnames) {
    err_clear();
    return nullptr;
  }
  bool has_self = false;
  for (int32_t i = 0; i < code->nlocalsplus; i++) {
    if (code->localspluskinds[i] & CO_FAST_LOCAL) {
      Object* n = tuple_get_borrowed(code->localsplusnames, i);
      list_append(varnames.get(), n);
      if (str_equal_cstr(n, "self")) has_self = true;
    }
  }
  Object* s = suggestion_from_candidates(varnames.get(), name);
  if (s) return s;
  if (has_self) {
    Ref locals = Ref::steal(frame_get_locals(f));
    if (locals && dict_check(locals.get())) {
      Object* self = dict_get_str_borrowed(locals.get(), "self");
      if (self) {
        int r = object_hasattr(self, name);
        if (r > 0) {
          StrWriter w;
          w.append("self.");
          w.append_str(name);
          return w.finish();
        }
      }
    }
    err_clear();
  }
  Ref g = Ref::steal(keys_list(f->globals));
  if (g) {
    s = suggestion_from_candidates(g.get(), name);
    if (s) return s;
  }
  Ref b = Ref::steal(keys_list(f->builtins));
  if (b) return suggestion_from_candidates(b.get(), name);
  return nullptr;
}

// The text after the message: ". Did you mean: 'x'?" and friends ("" when none).
std::string suggestion_text(Object* exc) {
  TypeObject* t = type_of(exc);
  std::string out;
  if (t == &Exc_AttributeError) {
    Ref name = Ref::steal(getattr_or_null(exc, "name"));
    Ref obj = Ref::steal(getattr_or_null(exc, "obj"));
    if (name && obj && name.get() != None && str_check_exact(name.get())) {
      Ref dir = Ref::steal(object_dir(obj.get()));
      if (!dir) {
        err_clear();
      } else {
        Ref s = Ref::steal(suggestion_from_candidates(dir.get(), name.get()));
        if (s) out = ". Did you mean: '" + utf8_of(s.get()) + "'?";
      }
    }
  } else if (t == &Exc_NameError) {
    Ref name = Ref::steal(getattr_or_null(exc, "name"));
    if (name && name.get() != None && str_check_exact(name.get())) {
      Ref s = Ref::steal(name_error_suggestion(exc, name.get()));
      if (s) out = ". Did you mean: '" + utf8_of(s.get()) + "'?";
      std::string n = utf8_of(name.get());
      if (is_stdlib_module_name(n)) {
        if (s) {
          out += " Or did you forget to import '" + n + "'?";
        } else {
          out = ". Did you forget to import '" + n + "'?";
        }
      }
    }
  } else if (t == &Exc_ImportError) {
    Ref mod_name = Ref::steal(getattr_or_null(exc, "name"));
    Ref name = Ref::steal(getattr_or_null(exc, "name_from"));
    Interpreter* interp = main_interpreter();
    if (mod_name && name && name.get() != None && str_check_exact(name.get()) &&
        str_check_exact(mod_name.get()) && interp && interp->modules) {
      Object* mod = dict_get_borrowed(interp->modules, mod_name.get());
      if (mod) {
        Ref dir = Ref::steal(object_dir(mod));
        if (dir) {
          Ref s = Ref::steal(suggestion_from_candidates(dir.get(), name.get()));
          if (s) out = ". Did you mean: '" + utf8_of(s.get()) + "'?";
        }
      }
    }
  }
  err_clear();
  return out;
}

void print_error_text(std::string& out, ssize offset, ssize end_offset, const std::string& text_in) {
  size_t caret_repetitions =
      (end_offset > 0 && end_offset > offset) ? size_t(end_offset - offset) : 1;
  const char* text = text_in.c_str();
  offset--;
  while (*text == ' ' || *text == '\t' || *text == '\f') {
    text++;
    offset--;
  }
  ssize len = ssize(std::strlen(text));
  if (len > 0 && text[len - 1] == '\n') len--;
  if (offset > len) offset = len;
  for (;;) {
    const char* nl = std::strchr(text, '\n');
    if (!nl) break;
    ssize inl = nl - text;
    if (inl >= offset) break;
    inl += 1;
    text += inl;
    len -= inl;
    offset -= inl;
  }
  out += "    ";
  out += text;
  if (text[len] != '\n') out += "\n";
  if (offset < 0) return;
  out += "    ";
  while (--offset >= 0) out += ' ';
  out.append(caret_repetitions, '^');
  out += "\n";
}

bool int_attr(Object* exc, const char* name, ssize* out, ssize none_value) {
  Ref v = Ref::steal(getattr_or_null(exc, name));
  if (!v || v.get() == None) {
    *out = none_value;
    return v.get() != nullptr;
  }
  if (!int_check(v.get())) return false;
  ssize n = int_as_ssize(v.get());
  if (n == -1 && err_occurred()) {
    err_clear();
    return false;
  }
  *out = n;
  return true;
}

// SyntaxError's "  File ..., line N" + text + carets; returns the message object to print
// instead of the exception (new reference) or nullptr when not a SyntaxError-like exception.
Object* print_file_and_line(std::string& out, Object* exc) {
  Object* marker = nullptr;
  if (object_lookup_attr(exc, str_intern_cstr_borrowed("print_file_and_line"), &marker) <= 0) {
    err_clear();
    return nullptr;
  }
  decref(marker);
  Ref msg = Ref::steal(getattr_or_null(exc, "msg"));
  if (!msg) return nullptr;
  Ref filename = Ref::steal(getattr_or_null(exc, "filename"));
  if (!filename) return nullptr;
  std::string fname = filename.get() == None ? "<string>" : "";
  if (filename.get() != None) {
    if (!str_utf8(filename.get(), fname)) {
      err_clear();
      return nullptr;
    }
  }
  ssize lineno = 0, offset = -1, end_lineno = 0, end_offset = -1;
  {
    Ref v = Ref::steal(getattr_or_null(exc, "lineno"));
    if (!v) return nullptr;
    if (int_check(v.get())) lineno = int_as_ssize(v.get());
  }
  if (!int_attr(exc, "offset", &offset, -1)) return nullptr;
  if (type_of(exc) == &Exc_SyntaxError) {
    if (!int_attr(exc, "end_lineno", &end_lineno, lineno)) end_lineno = lineno;
    if (!int_attr(exc, "end_offset", &end_offset, -1)) end_offset = -1;
  } else {
    end_lineno = lineno;
    end_offset = -1;
  }
  Ref text = Ref::steal(getattr_or_null(exc, "text"));
  char buf[64];
  out += "  File \"";
  out += fname;
  std::snprintf(buf, sizeof buf, "\", line %zd\n", lineno);
  out += buf;
  if (text && text.get() != None && str_check(text.get())) {
    std::string t = utf8_of(text.get());
    ssize line_size = ssize(t.size());
    if (end_lineno > lineno) end_offset = line_size;
    if (end_offset > line_size + 1) end_offset = line_size + 1;
    print_error_text(out, offset, end_offset, t);
  }
  err_clear();
  return msg.release();
}

void print_message(std::string& out, Object* exc, Object* value) {
  TypeObject* type = type_of(exc);
  Ref modulename = Ref::steal(getattr_or_null(type, "__module__"));
  if (!modulename || !str_check(modulename.get())) {
    out += "<unknown>.";
  } else if (!str_equal_cstr(modulename.get(), "builtins") &&
             !str_equal_cstr(modulename.get(), "__main__")) {
    out += utf8_of(modulename.get());
    out += ".";
  }
  Ref qualname = Ref::steal(getattr_or_null(type, "__qualname__"));
  if (!qualname || !str_check(qualname.get())) {
    out += "<unknown>";
  } else {
    out += utf8_of(qualname.get());
  }
  if (value == None) return;
  Ref s = Ref::steal(object_str(value));
  if (!s) {
    err_clear();
    out += ": <exception str() failed>";
    return;
  }
  std::string text;
  if (str_check(s.get())) {
    text = utf8_of(s.get());
    if (str_length(s.get()) != 0) out += ": ";
  } else {
    out += ": ";
  }
  out += text;
}

void print_notes(std::string& out, Object* exc) {
  Ref notes = Ref::borrow(exception_notes_borrowed(exc));
  if (!notes) return;
  Object* n = notes.get();
  bool seq = (list_check(n) || tuple_check(n) || type_of(n)->getitem) && !str_check(n) &&
             !bytes_check(n);
  if (!seq) {
    Ref r = Ref::steal(object_repr(n));
    if (!r) {
      err_clear();
      out += "<__notes__ repr() failed>";
    } else {
      out += utf8_of(r.get());
    }
    out += "\n";
    return;
  }
  ssize count = object_length(n);
  if (count < 0) {
    err_clear();
    return;
  }
  for (ssize i = 0; i < count; i++) {
    Ref note = Ref::steal(sequence_getitem(n, i));
    if (!note) {
      err_clear();
      continue;
    }
    if (str_check(note.get())) {
      out += utf8_of(note.get());
    } else {
      Ref s = Ref::steal(object_str(note.get()));
      if (!s) {
        err_clear();
        out += "<note str() failed>";
      } else {
        out += utf8_of(s.get());
      }
    }
    out += "\n";
  }
}

// Exception groups are printed boxed, as CPython 3.12's pythonrun.c (print_exception_group): each
// nesting level indents by 2 and prefixes its lines with "| "; sub-exceptions are numbered in
// "+---------------- N ----------------" separators, at most 15 per group and 10 levels deep.
struct PrintContext {
  std::unordered_set<Object*> seen;
  int group_depth = 0;
  bool need_close = false;
};
constexpr int kMaxGroupWidth = 15;
constexpr int kMaxGroupDepth = 10;

std::string indent_of(const PrintContext& ctx) { return std::string(size_t(2 * ctx.group_depth), ' '); }
std::string margin_of(const PrintContext& ctx) {
  return indent_of(ctx) + (ctx.group_depth ? "| " : "");
}

// Append every line of `text` to `out`, each prefixed with `margin`.
void add_lines(std::string& out, const std::string& text, const std::string& margin) {
  if (margin.empty()) {
    out += text;
    return;
  }
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    size_t end = nl == std::string::npos ? text.size() : nl + 1;
    out += margin;
    out.append(text, pos, end - pos);
    pos = end;
  }
}

bool is_exception_group(Object* exc) {
  return exception_check(exc) && object_type_check(exc, &Exc_BaseExceptionGroup);
}

void print_one(std::string& out, Object* exc, PrintContext& ctx) {
  std::string margin = margin_of(ctx);
  if (!type_has_flag(type_of(exc), TPFLAG_BASE_EXC_SUBCLASS)) {
    out += margin;
    out += "TypeError: print_exception(): Exception expected for value, ";
    out += type_name(type_of(exc));
    out += " found\n";
    return;
  }
  Object* tb = exception_get_traceback_borrowed(exc);
  if (tb && tb != None && traceback_check(tb) && traceback_limit() > 0) {
    bool group = is_exception_group(exc);
    out += group && ctx.group_depth == 1 ? indent_of(ctx) + "+ " : margin;
    out += group ? "Exception Group Traceback (most recent call last):\n"
                 : "Traceback (most recent call last):\n";
    std::string text;
    print_tb(text, tb);
    add_lines(out, text, margin);
  }
  std::string text;
  Ref value = Ref::steal(print_file_and_line(text, exc));
  add_lines(out, text, margin);
  out += margin;
  print_message(out, exc, value ? value.get() : exc);
  out += suggestion_text(exc);
  out += "\n";
  text.clear();
  print_notes(text, exc);
  add_lines(out, text, margin);
}

void print_recursive(std::string& out, Object* exc, PrintContext& ctx, int depth);

void print_chained(std::string& out, Object* exc, PrintContext& ctx, int depth, const char* msg) {
  bool need_close = ctx.need_close;
  print_recursive(out, exc, ctx, depth + 1);
  ctx.need_close = need_close;
  std::string margin = margin_of(ctx);
  out += margin + "\n";
  out += margin + msg;
  out += margin + "\n";
}

void print_group(std::string& out, Object* exc, PrintContext& ctx, int depth) {
  if (ctx.group_depth > kMaxGroupDepth) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "... (max_group_depth is %d)\n", kMaxGroupDepth);
    out += margin_of(ctx) + buf;
    return;
  }
  if (ctx.group_depth == 0) ctx.group_depth++;
  print_one(out, exc, ctx);
  Object* excs = static_cast<BaseExceptionGroupObject*>(exc)->excs;
  ssize num = excs ? tuple_size(excs) : 0;
  ssize n = num <= kMaxGroupWidth ? num : kMaxGroupWidth + 1;
  ctx.need_close = false;
  for (ssize i = 0; i < n; i++) {
    bool last = i == n - 1;
    if (last) ctx.need_close = true;
    bool truncated = i >= kMaxGroupWidth;
    char buf[96];
    if (!truncated) {
      std::snprintf(buf, sizeof buf, "%s+---------------- %zd ----------------\n",
                    i == 0 ? "+-" : "  ", i + 1);
    } else {
      std::snprintf(buf, sizeof buf, "%s+---------------- ... ----------------\n",
                    i == 0 ? "+-" : "  ");
    }
    out += indent_of(ctx) + buf;
    ctx.group_depth++;
    if (!truncated) {
      Object* sub = tuple_get_borrowed(excs, i);
      Ref keep = Ref::borrow(sub);
      print_recursive(out, sub, ctx, depth + 1);
    } else {
      ssize remaining = num - kMaxGroupWidth;
      std::snprintf(buf, sizeof buf, "and %zd more exception%s\n", remaining,
                    remaining > 1 ? "s" : "");
      out += margin_of(ctx) + buf;
    }
    if (last && ctx.need_close) {
      out += indent_of(ctx) + "+------------------------------------\n";
      ctx.need_close = false;
    }
    ctx.group_depth--;
  }
  if (ctx.group_depth == 1) ctx.group_depth--;
}

void print_recursive(std::string& out, Object* exc, PrintContext& ctx, int depth) {
  ctx.seen.insert(exc);
  if (depth < 200 && exception_check(exc)) {
    Object* cause = exception_cause_borrowed(exc);
    if (cause && cause != None) {
      if (!ctx.seen.count(cause)) {
        Ref keep = Ref::borrow(cause);
        print_chained(out, cause, ctx, depth,
                      "The above exception was the direct cause of the following exception:\n");
      }
    } else if (!exception_suppress_context(exc)) {
      Object* context = exception_context_borrowed(exc);
      if (context && context != None && !ctx.seen.count(context)) {
        Ref keep = Ref::borrow(context);
        print_chained(out, context, ctx, depth,
                      "During handling of the above exception, another exception occurred:\n");
      }
    }
  }
  if (depth < 200 && is_exception_group(exc)) {
    print_group(out, exc, ctx, depth);
  } else {
    print_one(out, exc, ctx);
  }
}

void write_to(Object* file, const std::string& text) {
  if (!file || file == None) {
    file = sys_get_borrowed("stderr");
  }
  if (file && file != None) {
    Ref s = Ref::steal(str_from_utf8(text));
    if (s) {
      Ref r = Ref::steal(call_method1(file, "write", s.get()));
      if (r) {
        Ref fl = Ref::steal(call_method0(file, "flush"));
        err_clear();
        return;
      }
    }
    err_clear();
  }
  std::fwrite(text.data(), 1, text.size(), stderr);
  std::fflush(stderr);
}

}  // namespace

void traceback_print_exception(Object* exc, Object* file) {
  if (!exc) return;
  Ref keep = Ref::borrow(exc);
  Object* saved = err_fetch();
  std::string out;
  PrintContext ctx;
  // Flush stdout first so that the output interleaves as CPython's does.
  Interpreter* interp = main_interpreter();
  if (interp && interp->sysdict) {
    Object* so = dict_get_str_borrowed(interp->sysdict, "stdout");
    if (so && so != None) {
      Ref r = Ref::steal(call_method0(so, "flush"));
    }
    err_clear();
  }
  print_recursive(out, exc, ctx, 0);
  err_clear();
  write_to(file, out);
  err_restore(saved);
}

}  // namespace gilpy

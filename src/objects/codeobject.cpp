// Code objects (objects/codeobject.h): construction from the compiler's CodeSpec, deallocation of
// the owned arrays, repr, and the Python-visible co_* attributes.
//
// Python-visible instruction offsets (co_lines(), co_positions() ordering, dis) are
// `instruction index * 2`, so they look like CPython's code-unit byte offsets for instructions
// without inline caches; co_code is the raw instruction words (4 bytes each, native order).
// co_lines() and co_positions() return lists (CPython returns iterators; iterating works the same).
// Code objects are not tracked by the cycle collector (they only reference constants, names and
// nested code objects, which cannot form cycles), as in CPython.
#include <cstdlib>
#include <cstring>

#include "core/abstract.h"
#include "core/error.h"
#include "core/types_init.h"
#include "objects/bytesobject.h"
#include "objects/codeobject.h"
#include "objects/containers.h"
#include "objects/intobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"

namespace gilpy {

TypeObject CodeType;

Object* code_new(CodeSpec& spec) {
  auto* co = alloc_object<CodeObject>(&CodeType);
  if (!co) {
    std::free(spec.code);
    std::free(spec.positions);
    std::free(spec.exception_table);
    std::free(spec.localspluskinds);
    xdecref(spec.consts);
    xdecref(spec.names);
    xdecref(spec.localsplusnames);
    xdecref(spec.filename);
    xdecref(spec.name);
    xdecref(spec.qualname);
    return nullptr;
  }
  co->code = spec.code;
  co->ncode = spec.ncode;
  co->positions = spec.positions;
  co->exception_table = spec.exception_table;
  co->nexception_entries = spec.nexception_entries;
  co->consts = spec.consts;
  co->names = spec.names;
  co->localsplusnames = spec.localsplusnames;
  co->localspluskinds = spec.localspluskinds;
  co->argcount = spec.argcount;
  co->posonlyargcount = spec.posonlyargcount;
  co->kwonlyargcount = spec.kwonlyargcount;
  co->stacksize = spec.stacksize;
  co->flags = spec.flags;
  co->firstlineno = spec.firstlineno;
  co->filename = spec.filename;
  co->name = spec.name;
  co->qualname = spec.qualname ? spec.qualname : newref(spec.name);
  co->eval_cache = nullptr;
  int n = int(tuple_size(co->localsplusnames));
  co->nlocalsplus = n;
  co->nlocals = co->ncellvars = co->nfreevars = 0;
  for (int i = 0; i < n; i++) {
    uint8_t k = co->localspluskinds[i];
    if (k & CO_FAST_LOCAL) {
      co->nlocals++;
      if (k & CO_FAST_CELL) co->ncellvars++;
    } else if (k & CO_FAST_CELL) {
      co->ncellvars++;
    } else if (k & CO_FAST_FREE) {
      co->nfreevars++;
    }
  }
  spec = CodeSpec{};
  return co;
}

int code_line_of(CodeObject* code, int index) {
  if (index < 0 || index >= code->ncode || !code->positions) return -1;
  return code->positions[index].line;
}

static void code_dealloc(Object* o) {
  auto* co = static_cast<CodeObject*>(o);
  std::free(co->code);
  std::free(co->positions);
  std::free(co->exception_table);
  std::free(co->localspluskinds);
  // eval_cache belongs to the eval loop; it is a plain malloc'ed block when set.
  std::free(co->eval_cache);
  xdecref(co->consts);
  xdecref(co->names);
  xdecref(co->localsplusnames);
  xdecref(co->filename);
  xdecref(co->name);
  xdecref(co->qualname);
  object_free(o);
}

static Object* code_repr(Object* o) {
  auto* co = static_cast<CodeObject*>(o);
  StrWriter w;
  w.append("<code object ");
  if (!w.append_str(co->name)) return nullptr;
  char buf[64];
  std::snprintf(buf, sizeof buf, " at %p, file \"", static_cast<void*>(o));
  w.append(buf);
  if (!w.append_str(co->filename)) return nullptr;
  std::snprintf(buf, sizeof buf, "\", line %d>", co->firstlineno);
  w.append(buf);
  return w.finish();
}

static CodeObject* as_code(Object* o) { return static_cast<CodeObject*>(o); }

// Names of the localsplus slots whose kind matches `mask` (and, for cells, CPython's rule: an
// argument that is also a cell is listed in both co_varnames and co_cellvars).
static Object* names_of_kind(CodeObject* co, uint8_t mask) {
  Ref list = Ref::steal(list_new(0));
  if (!list) return nullptr;
  for (int i = 0; i < co->nlocalsplus; i++) {
    if (co->localspluskinds[i] & mask) {
      if (list_append(list.get(), tuple_get_borrowed(co->localsplusnames, i)) < 0) return nullptr;
    }
  }
  return list_as_tuple(list.get());
}

static Object* get_varnames(Object* o) { return names_of_kind(as_code(o), CO_FAST_LOCAL); }
static Object* get_cellvars(Object* o) { return names_of_kind(as_code(o), CO_FAST_CELL); }
static Object* get_freevars(Object* o) { return names_of_kind(as_code(o), CO_FAST_FREE); }
static Object* get_name(Object* o) { return newref(as_code(o)->name); }
static Object* get_qualname(Object* o) { return newref(as_code(o)->qualname); }
static Object* get_filename(Object* o) { return newref(as_code(o)->filename); }
static Object* get_firstlineno(Object* o) { return int_from_i64(as_code(o)->firstlineno); }
static Object* get_argcount(Object* o) { return int_from_i64(as_code(o)->argcount); }
static Object* get_posonlyargcount(Object* o) { return int_from_i64(as_code(o)->posonlyargcount); }
static Object* get_kwonlyargcount(Object* o) { return int_from_i64(as_code(o)->kwonlyargcount); }
static Object* get_nlocals(Object* o) { return int_from_i64(as_code(o)->nlocals); }
static Object* get_names(Object* o) { return newref(as_code(o)->names); }
static Object* get_consts(Object* o) { return newref(as_code(o)->consts); }
static Object* get_flags(Object* o) { return int_from_i64(as_code(o)->flags); }
static Object* get_stacksize(Object* o) { return int_from_i64(as_code(o)->stacksize); }
static Object* get_code(Object* o) {
  auto* co = as_code(o);
  return bytes_from(reinterpret_cast<const char*>(co->code), ssize(co->ncode) * 4);
}

static GetSetDef code_getset[] = {
    {"co_name", get_name, nullptr, nullptr},
    {"co_qualname", get_qualname, nullptr, nullptr},
    {"co_filename", get_filename, nullptr, nullptr},
    {"co_firstlineno", get_firstlineno, nullptr, nullptr},
    {"co_argcount", get_argcount, nullptr, nullptr},
    {"co_posonlyargcount", get_posonlyargcount, nullptr, nullptr},
    {"co_kwonlyargcount", get_kwonlyargcount, nullptr, nullptr},
    {"co_nlocals", get_nlocals, nullptr, nullptr},
    {"co_varnames", get_varnames, nullptr, nullptr},
    {"co_cellvars", get_cellvars, nullptr, nullptr},
    {"co_freevars", get_freevars, nullptr, nullptr},
    {"co_names", get_names, nullptr, nullptr},
    {"co_consts", get_consts, nullptr, nullptr},
    {"co_flags", get_flags, nullptr, nullptr},
    {"co_stacksize", get_stacksize, nullptr, nullptr},
    {"co_code", get_code, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

static Object* int_or_none(int v) { return v < 0 ? none_ref() : int_from_i64(v); }

// co_lines(): (start, end, line) for each run of instructions with the same line.
static Object* code_co_lines(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  auto* co = as_code(self);
  Ref list = Ref::steal(list_new(0));
  if (!list) return nullptr;
  int i = 0;
  while (i < co->ncode) {
    int line = co->positions[i].line;
    int j = i + 1;
    while (j < co->ncode && co->positions[j].line == line) j++;
    Ref start = Ref::steal(int_from_i64(i * 2)), end = Ref::steal(int_from_i64(j * 2));
    Ref ln = Ref::steal(int_or_none(line));
    if (!start || !end || !ln) return nullptr;
    Ref t = Ref::steal(tuple_pack(3, start.get(), end.get(), ln.get()));
    if (!t || list_append(list.get(), t.get()) < 0) return nullptr;
    i = j;
  }
  return list.release();
}

// co_positions(): (line, end_line, col, end_col) for each instruction.
static Object* code_co_positions(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  auto* co = as_code(self);
  Ref list = Ref::steal(list_new(0));
  if (!list) return nullptr;
  for (int i = 0; i < co->ncode; i++) {
    const InstrPosition& p = co->positions[i];
    Ref a = Ref::steal(int_or_none(p.line)), b = Ref::steal(int_or_none(p.end_line));
    Ref c = Ref::steal(int_or_none(p.col)), d = Ref::steal(int_or_none(p.end_col));
    if (!a || !b || !c || !d) return nullptr;
    Ref t = Ref::steal(tuple_pack(4, a.get(), b.get(), c.get(), d.get()));
    if (!t || list_append(list.get(), t.get()) < 0) return nullptr;
  }
  return list.release();
}

static MethodDef code_methods[] = {
    {"co_lines", code_co_lines, METH_DEFAULT, nullptr},
    {"co_positions", code_co_positions, METH_DEFAULT, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

void init_code_types() {
  CodeType.name = "code";
  CodeType.basicsize = sizeof(CodeObject);
  CodeType.flags = TPFLAG_IMMUTABLETYPE;
  CodeType.doc = "Create a code object.  Not for the faint of heart.";
  CodeType.dealloc = code_dealloc;
  CodeType.repr = code_repr;
  CodeType.getattro = generic_getattr;
  CodeType.getset = code_getset;
  CodeType.methods = code_methods;
  CodeType.base = &ObjectType;
  register_static_type(&CodeType);
}

}  // namespace gilpy

// The `dis` module, in C++ (modules/dis.cpp).
//
// dis.dis(x) prints the disassembly of a function (its __code__), a method (its __func__), a code
// object, a class or module (every code-bearing attribute, sorted by name), or a source string
// (compiled as an expression if possible, else as statements, like CPython), followed by the
// nested code objects ("Disassembly of <code object ...>:"). The layout is CPython 3.12's:
//
//   line  marker  offset  OPNAME (20 wide)  arg (5 wide)  (meaning)
//
// Offsets are instruction index * 2 (gilpy has no inline caches, so they read like CPython's
// offsets of cache-less code). Jump arguments are absolute instruction indices; their meaning is
// printed as "to <offset>". Jump targets and exception handlers are marked ">>"; the
// "ExceptionTable:" section lists `start to end -> target [depth] lasti` as CPython does.
//
// Also: dis.opname (list of names indexed by opcode), dis.opmap, dis.disassemble(code),
// dis.get_instructions(x) (a list of Instruction objects with opname, opcode, arg, argval,
// argrepr, offset, starts_line, is_jump_target), dis.Bytecode(x) (the same list),
// dis.findlinestarts(code).
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "compiler/compile.h"
#include "core/abstract.h"
#include "core/args.h"
#include "core/error.h"
#include "vm/state.h"
#include "core/types_init.h"
#include "modules/modules.h"
#include "objects/codeobject.h"
#include "objects/containers.h"
#include "objects/intobject.h"
#include "objects/moduleobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"
#include "vm/opcodes.h"

namespace gilpy {


namespace {

const char* const kCompareSymbols[] = {"<", "<=", "==", "!=", ">", ">="};
const char* const kIntrinsic1Names[] = {
    "INTRINSIC_1_INVALID",      "INTRINSIC_PRINT",         "INTRINSIC_IMPORT_STAR",
    "INTRINSIC_STOPITERATION_ERROR", "INTRINSIC_ASYNC_GEN_WRAP", "INTRINSIC_UNARY_POSITIVE",
    "INTRINSIC_LIST_TO_TUPLE",  "INTRINSIC_TYPEVAR",       "INTRINSIC_PARAMSPEC",
    "INTRINSIC_TYPEVARTUPLE",   "INTRINSIC_SUBSCRIPT_GENERIC", "INTRINSIC_TYPEALIAS"};

struct InstrInfo {
  int offset;
  int opcode;
  bool has_arg;
  int arg;
  Ref argval;
  std::string argrepr;
  int starts_line;  // -1: none
  bool is_jump_target;
};

bool is_jump_op(int op) { return kOpcodeFlags[op] & OPF_JUMP; }

// Line starts as dis.findlinestarts: the first instruction of each run of a new line.
std::vector<int> line_starts(CodeObject* co) {
  std::vector<int> starts(size_t(co->ncode), -1);
  int last = -1;
  for (int i = 0; i < co->ncode; i++) {
    int line = co->positions[i].line;
    if (line >= 0 && line != last) {
      starts[size_t(i)] = line;
      last = line;
    }
  }
  return starts;
}

bool instructions_of(CodeObject* co, std::vector<InstrInfo>& out) {
  std::set<int> labels;
  for (int i = 0; i < co->ncode; i++) {
    uint32_t w = co->code[i];
    if (is_jump_op(instr_op(w))) labels.insert(int(instr_arg(w)));
  }
  for (int i = 0; i < co->nexception_entries; i++) labels.insert(int(co->exception_table[i].target));
  std::vector<int> starts = line_starts(co);
  for (int i = 0; i < co->ncode; i++) {
    uint32_t w = co->code[i];
    int op = instr_op(w);
    int arg = int(instr_arg(w));
    InstrInfo in;
    in.offset = i * 2;
    in.opcode = op;
    in.has_arg = kOpcodeFlags[op] & OPF_ARG;
    in.arg = arg;
    in.starts_line = starts[size_t(i)];
    in.is_jump_target = labels.count(i) != 0;
    uint8_t fl = kOpcodeFlags[op];
    if (!in.has_arg) {
      in.argval = Ref::borrow(None);
    } else if (fl & OPF_CONST) {
      in.argval = Ref::borrow(tuple_get_borrowed(co->consts, arg));
      if (!repr_utf8(in.argval.get(), in.argrepr)) return false;
    } else if (op == OP_LOAD_SUPER_ATTR) {
      Object* name = tuple_get_borrowed(co->names, arg >> 1);
      in.argval = Ref::borrow(name);
      in.argrepr = std::string((arg & 1) ? "NULL|self + " : "") + std::string(str_view(name));
    } else if (fl & OPF_NAME) {
      Object* name = tuple_get_borrowed(co->names, arg);
      in.argval = Ref::borrow(name);
      in.argrepr = std::string(str_view(name));
    } else if (fl & OPF_LOCAL) {
      if (arg < co->nlocalsplus) {
        Object* name = tuple_get_borrowed(co->localsplusnames, arg);
        in.argval = Ref::borrow(name);
        in.argrepr = std::string(str_view(name));
      } else {
        in.argval = Ref::steal(int_from_i64(arg));
      }
    } else if (fl & OPF_JUMP) {
      in.argval = Ref::steal(int_from_i64(arg * 2));
      in.argrepr = "to " + std::to_string(arg * 2);
    } else if (op == OP_COMPARE_OP && arg < 6) {
      in.argval = Ref::steal(str_from_cstr(kCompareSymbols[arg]));
      in.argrepr = kCompareSymbols[arg];
    } else if (op == OP_BINARY_OP) {
      in.argval = Ref::steal(int_from_i64(arg));
      in.argrepr = binary_op_symbol(arg);
    } else if (op == OP_FORMAT_VALUE) {
      static const char* const conv[] = {"", "str", "repr", "ascii"};
      in.argval = Ref::steal(int_from_i64(arg));
      in.argrepr = conv[arg & 3];
      if (arg & 4) {
        if (!in.argrepr.empty()) in.argrepr += ", ";
        in.argrepr += "with format";
      }
    } else if (op == OP_MAKE_FUNCTION) {
      static const char* const fl_names[] = {"defaults", "kwdefaults", "annotations", "closure"};
      in.argval = Ref::steal(int_from_i64(arg));
      for (int b = 0; b < 4; b++)
        if (arg & (1 << b)) {
          if (!in.argrepr.empty()) in.argrepr += ", ";
          in.argrepr += fl_names[b];
        }
    } else if (op == OP_CALL_INTRINSIC_1 && arg < 12) {
      in.argval = Ref::steal(int_from_i64(arg));
      in.argrepr = kIntrinsic1Names[arg];
    } else {
      in.argval = Ref::steal(int_from_i64(arg));
    }
    if (!in.argval) return false;
    out.push_back(std::move(in));
  }
  return true;
}

bool write(Object* file, const std::string& s) {
  Ref str = Ref::steal(str_from_utf8(s));
  if (!str) return false;
  Ref r = Ref::steal(call_method1(file, "write", str.get()));
  return bool(r);
}

std::string rjust(const std::string& s, size_t w) {
  return s.size() >= w ? s : std::string(w - s.size(), ' ') + s;
}
std::string ljust(const std::string& s, size_t w) {
  return s.size() >= w ? s : s + std::string(w - s.size(), ' ');
}

bool disassemble_code(CodeObject* co, Object* file) {
  std::vector<InstrInfo> ins;
  if (!instructions_of(co, ins)) return false;
  int maxline = 0;
  bool show_lineno = false;
  for (auto& i : ins)
    if (i.starts_line >= 0) {
      show_lineno = true;
      maxline = std::max(maxline, i.starts_line);
    }
  size_t lineno_width = show_lineno ? (maxline >= 1000 ? std::to_string(maxline).size() : 3) : 0;
  int maxoffset = std::max(0, co->ncode * 2 - 2);
  size_t offset_width = maxoffset >= 10000 ? std::to_string(maxoffset).size() : 4;
  std::string out;
  for (auto& i : ins) {
    if (show_lineno && i.starts_line >= 0 && i.offset > 0) out += "\n";
    std::vector<std::string> fields;
    if (lineno_width) {
      fields.push_back(i.starts_line >= 0 ? rjust(std::to_string(i.starts_line), lineno_width)
                                          : std::string(lineno_width, ' '));
    }
    fields.push_back("   ");
    fields.push_back(i.is_jump_target ? ">>" : "  ");
    fields.push_back(rjust(std::to_string(i.offset), offset_width));
    fields.push_back(ljust(kOpcodeNames[i.opcode], 20));
    if (i.has_arg) {
      fields.push_back(rjust(std::to_string(i.arg), 5));
      if (!i.argrepr.empty()) fields.push_back("(" + i.argrepr + ")");
    }
    std::string line;
    for (size_t k = 0; k < fields.size(); k++) {
      if (k) line += " ";
      line += fields[k];
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  if (co->nexception_entries) {
    out += "ExceptionTable:\n";
    for (int k = 0; k < co->nexception_entries; k++) {
      const ExceptionEntry& e = co->exception_table[k];
      out += "  " + std::to_string(e.start * 2) + " to " + std::to_string(e.end * 2 - 2) + " -> " +
             std::to_string(e.target * 2) + " [" + std::to_string(e.depth) + "]" +
             (e.push_lasti ? " lasti" : "") + "\n";
    }
  }
  return write(file, out);
}

bool disassemble_recursive(CodeObject* co, Object* file) {
  if (!disassemble_code(co, file)) return false;
  for (ssize i = 0; i < tuple_size(co->consts); i++) {
    Object* x = tuple_get_borrowed(co->consts, i);
    if (!code_check(x)) continue;
    std::string r;
    if (!repr_utf8(x, r)) return false;
    if (!write(file, "\nDisassembly of " + r + ":\n")) return false;
    if (!disassemble_recursive(static_cast<CodeObject*>(x), file)) return false;
  }
  return true;
}

Object* compile_for_dis(Object* source) {
  Ref name = Ref::steal(str_from_cstr("<dis>"));
  if (!name) return nullptr;
  std::string_view text = str_view(source);
  Object* code = compile_source(text, name.get(), CompileMode::Eval);
  if (code) return code;
  if (!err_matches(&Exc_SyntaxError)) return nullptr;
  err_clear();
  return compile_source(text, name.get(), CompileMode::Exec);
}

// The code object behind x (function, method, generator, code), new reference; nullptr without
// an exception when x has none.
Object* code_of(Object* x) {
  Ref cur = Ref::borrow(x);
  Object* attr = nullptr;
  if (object_lookup_attr(cur.get(), str_intern_cstr_borrowed("__func__"), &attr) < 0) return nullptr;
  if (attr) cur.reset(attr);
  if (object_lookup_attr(cur.get(), str_intern_cstr_borrowed("__code__"), &attr) < 0) return nullptr;
  if (attr) return attr;
  if (object_lookup_attr(cur.get(), str_intern_cstr_borrowed("gi_code"), &attr) < 0) return nullptr;
  if (attr) return attr;
  if (code_check(cur.get())) return cur.release();
  return nullptr;
}

bool dis_object(Object* x, Object* file);

bool dis_namespace(Object* dict, Object* file) {
  Ref items = Ref::steal(dict_items_list(dict));
  if (!items) return false;
  if (list_sort(items.get(), nullptr, false) < 0) {
    // Keys are str; sorting pairs only fails on equal keys with incomparable values.
    return false;
  }
  for (ssize i = 0; i < list_size(items.get()); i++) {
    Object* pair = list_get_borrowed(items.get(), i);
    Object* name = tuple_get_borrowed(pair, 0);
    Object* value = tuple_get_borrowed(pair, 1);
    bool has_code = object_type_check(value, &TypeType);
    if (!has_code) {
      Ref c = Ref::steal(code_of(value));
      if (!c && err_occurred()) return false;
      has_code = bool(c);
    }
    if (!has_code) continue;
    if (!write(file, "Disassembly of " + std::string(str_view(name)) + ":\n")) return false;
    if (!dis_object(value, file)) {
      if (!err_matches(&Exc_TypeError)) return false;
      Ref exc = Ref::steal(err_fetch());
      std::string msg;
      if (!str_utf8(exc.get(), msg)) return false;
      if (!write(file, "Sorry: " + msg + "\n")) return false;
    }
    if (!write(file, "\n")) return false;
  }
  return true;
}

bool dis_object(Object* x, Object* file) {
  Ref code = Ref::steal(code_of(x));
  if (!code && err_occurred()) return false;
  if (code) return disassemble_recursive(static_cast<CodeObject*>(code.get()), file);
  if (object_type_check(x, &TypeType)) {
    return dis_namespace(static_cast<TypeObject*>(x)->dict, file);
  }
  if (module_check(x)) return dis_namespace(module_get_dict_borrowed(x), file);
  if (str_check(x)) {
    Ref c = Ref::steal(compile_for_dis(x));
    if (!c) return false;
    return disassemble_recursive(static_cast<CodeObject*>(c.get()), file);
  }
  err_format(&Exc_TypeError, "don't know how to disassemble %s objects", type_name(type_of(x)));
  return false;
}

Object* resolve_file(Object* file) {
  if (file && file != None) return file;
  Object* out = sys_get_borrowed("stdout");
  if (!out) err_format(&Exc_RuntimeError, "lost sys.stdout");
  return out;
}

Object* dis_dis(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"x", "file", "depth", "show_caches", "adaptive", nullptr};
  static const ArgSpec spec{"dis", names, 0, 1};
  Object* a[5] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  Object* file = resolve_file(a[1]);
  if (!file) return nullptr;
  if (!a[0] || a[0] == None) {
    return err_format(&Exc_RuntimeError, "no last traceback to disassemble");
  }
  if (!dis_object(a[0], file)) return nullptr;
  return none_ref();
}

Object* dis_disassemble(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"co", "lasti", "file", "show_caches", "adaptive", nullptr};
  static const ArgSpec spec{"disassemble", names, 1, 2};
  Object* a[5] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  Object* file = resolve_file(a[2]);
  if (!file) return nullptr;
  Ref code = Ref::steal(code_of(a[0]));
  if (!code) {
    if (!err_occurred())
      err_format(&Exc_TypeError, "don't know how to disassemble %s objects", type_name(type_of(a[0])));
    return nullptr;
  }
  if (!disassemble_code(static_cast<CodeObject*>(code.get()), file)) return nullptr;
  return none_ref();
}

// ---- Instruction objects ------------------------------------------------------------------------
struct InstructionObject : Object {
  Object* opname;
  Object* opcode;
  Object* arg;
  Object* argval;
  Object* argrepr;
  Object* offset;
  Object* starts_line;
  Object* is_jump_target;
};

TypeObject InstructionType;

void instruction_dealloc(Object* o) {
  auto* in = static_cast<InstructionObject*>(o);
  xdecref(in->opname);
  xdecref(in->opcode);
  xdecref(in->arg);
  xdecref(in->argval);
  xdecref(in->argrepr);
  xdecref(in->offset);
  xdecref(in->starts_line);
  xdecref(in->is_jump_target);
  object_free(o);
}

Object* instruction_repr(Object* o) {
  auto* in = static_cast<InstructionObject*>(o);
  StrWriter w;
  w.append("Instruction(opname=");
  if (!w.append_repr(in->opname)) return nullptr;
  const char* labels[] = {", opcode=", ", arg=", ", argval=", ", argrepr=", ", offset=",
                          ", starts_line=", ", is_jump_target="};
  Object* vals[] = {in->opcode, in->arg, in->argval, in->argrepr, in->offset, in->starts_line,
                    in->is_jump_target};
  for (int i = 0; i < 7; i++) {
    w.append(labels[i]);
    if (!w.append_repr(vals[i])) return nullptr;
  }
  w.append(")");
  return w.finish();
}

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"
#define INSTR_MEMBER(n) \
  {#n, MEMBER_OBJECT, ssize(offsetof(InstructionObject, n)), MEMBER_READONLY, nullptr}
const MemberDef instruction_members[] = {
    INSTR_MEMBER(opname),  INSTR_MEMBER(opcode), INSTR_MEMBER(arg),
    INSTR_MEMBER(argval),  INSTR_MEMBER(argrepr), INSTR_MEMBER(offset),
    INSTR_MEMBER(starts_line), INSTR_MEMBER(is_jump_target),
    {nullptr, MEMBER_OBJECT, 0, 0, nullptr},
};
#undef INSTR_MEMBER
#pragma GCC diagnostic pop

bool init_instruction_type() {
  if (InstructionType.flags & TPFLAG_READY) return true;
  InstructionType.ob_type = &TypeType;
  make_immortal(&InstructionType);
  InstructionType.name = "dis.Instruction";
  InstructionType.basicsize = sizeof(InstructionObject);
  InstructionType.dealloc = instruction_dealloc;
  InstructionType.repr = instruction_repr;
  InstructionType.getattro = generic_getattr;
  InstructionType.members = instruction_members;
  InstructionType.base = &ObjectType;
  return type_ready(&InstructionType) == 0;
}

Object* dis_get_instructions(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"x", "first_line", "show_caches", "adaptive", nullptr};
  static const ArgSpec spec{"get_instructions", names, 1, 1};
  Object* a[4] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  Ref code;
  if (str_check(a[0])) {
    code = Ref::steal(compile_for_dis(a[0]));
  } else {
    code = Ref::steal(code_of(a[0]));
    if (!code && !err_occurred())
      err_format(&Exc_TypeError, "don't know how to disassemble %s objects", type_name(type_of(a[0])));
  }
  if (!code) return nullptr;
  std::vector<InstrInfo> ins;
  if (!instructions_of(static_cast<CodeObject*>(code.get()), ins)) return nullptr;
  Ref list = Ref::steal(list_new(0));
  if (!list) return nullptr;
  for (auto& i : ins) {
    auto* o = alloc_object<InstructionObject>(&InstructionType);
    if (!o) return nullptr;
    Ref obj = Ref::steal(o);
    o->opname = str_from_cstr(kOpcodeNames[i.opcode]);
    o->opcode = int_from_i64(i.opcode);
    o->arg = i.has_arg ? int_from_i64(i.arg) : none_ref();
    o->argval = i.argval.release();
    o->argrepr = str_from_utf8(i.argrepr);
    o->offset = int_from_i64(i.offset);
    o->starts_line = i.starts_line >= 0 ? int_from_i64(i.starts_line) : none_ref();
    o->is_jump_target = bool_from(i.is_jump_target);
    if (!o->opname || !o->opcode || !o->arg || !o->argrepr || !o->offset || !o->starts_line)
      return nullptr;
    if (list_append(list.get(), obj.get()) < 0) return nullptr;
  }
  return list.release();
}

Object* dis_findlinestarts(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("findlinestarts", nargs, kwnames)) return nullptr;
  Ref code = Ref::steal(code_of(args[0]));
  if (!code) {
    if (!err_occurred()) err_format(&Exc_TypeError, "expected a code object");
    return nullptr;
  }
  auto* co = static_cast<CodeObject*>(code.get());
  std::vector<int> starts = line_starts(co);
  Ref list = Ref::steal(list_new(0));
  if (!list) return nullptr;
  for (int i = 0; i < co->ncode; i++) {
    if (starts[size_t(i)] < 0) continue;
    Ref a = Ref::steal(int_from_i64(i * 2)), b = Ref::steal(int_from_i64(starts[size_t(i)]));
    if (!a || !b) return nullptr;
    Ref t = Ref::steal(tuple_pack(2, a.get(), b.get()));
    if (!t || list_append(list.get(), t.get()) < 0) return nullptr;
  }
  return list.release();
}

const MethodDef dis_methods[] = {
    {"dis", dis_dis, METH_DEFAULT, "Disassemble classes, methods, functions, code objects or source."},
    {"disassemble", dis_disassemble, METH_DEFAULT, "Disassemble a code object."},
    {"get_instructions", dis_get_instructions, METH_DEFAULT,
     "Return a list of the Instructions in the supplied code."},
    // Simplification: Bytecode(x) is the list of x's Instructions (iterable like CPython's
    // Bytecode object, without its .dis() / .info() methods).
    {"Bytecode", dis_get_instructions, METH_DEFAULT,
     "The list of Instructions of a function, code object or source string."},
    {"findlinestarts", dis_findlinestarts, METH_DEFAULT,
     "Find the offsets in a byte code which are start of lines in the source."},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

Object* dis_module_init() {
  if (!init_instruction_type()) return nullptr;
  Ref m = Ref::steal(module_new("dis"));
  if (!m) return nullptr;
  if (module_add_functions(m.get(), dis_methods) < 0) return nullptr;
  Ref opname = Ref::steal(list_new(0));
  Ref opmap = Ref::steal(dict_new());
  if (!opname || !opmap) return nullptr;
  for (int i = 0; i < OP_COUNT_; i++) {
    Ref s = Ref::steal(str_from_cstr(kOpcodeNames[i]));
    Ref n = Ref::steal(int_from_i64(i));
    if (!s || !n || list_append(opname.get(), s.get()) < 0 ||
        dict_setitem(opmap.get(), s.get(), n.get()) < 0)
      return nullptr;
  }
  for (int i = OP_COUNT_; i < 256; i++) {
    Ref s = Ref::steal(str_from_cstr(("<" + std::to_string(i) + ">").c_str()));
    if (!s || list_append(opname.get(), s.get()) < 0) return nullptr;
  }
  if (module_add_object(m.get(), "opname", opname.get()) < 0) return nullptr;
  if (module_add_object(m.get(), "opmap", opmap.get()) < 0) return nullptr;
  if (module_add_object(m.get(), "Instruction", &InstructionType) < 0) return nullptr;
  return m.release();
}

}  // namespace gilpy

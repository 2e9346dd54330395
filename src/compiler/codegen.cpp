// Code generation, part 1: code units, constants and names, name resolution (nameop), scopes,
// function / class / lambda definitions, comprehensions, generators' StopIteration wrapper, and
// the module entry point. See codegen.h for the overall design.
//
// Mirrors CPython 3.12's compile.c: compiler_enter_scope / compiler_exit_scope,
// compiler_set_qualname, compiler_nameop, compiler_make_closure, compiler_function,
// compiler_class, compiler_lambda, compiler_comprehension (3.11 style: a nested function called
// with the outermost iterator), wrap_in_stopiteration_handler.
#include <algorithm>
#include <cstring>

#include "compiler/codegen.h"
#include "core/abstract.h"
#include "core/error.h"
#include "objects/bytesobject.h"
#include "objects/codeobject.h"
#include "objects/containers.h"
#include "objects/floatobject.h"
#include "objects/intobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"

namespace gilpy {
Object* complex_from_doubles(double real, double imag);  // objects/complexobject.h
}

namespace gilpy::compiler {

using namespace gilpy::parser;

Unit::~Unit() {
  for (Object* o : consts) xdecref(o);
}

bool Compiler::error(const std::string& msg, const Loc& loc) {
  if (!err_->set) {
    err_->msg = msg;
    err_->loc = loc;
    err_->set = true;
  }
  return false;
}

// ---- emission -----------------------------------------------------------------------------------
int Compiler::new_label() {
  u_->label_pos.push_back(-1);
  return int(u_->label_pos.size()) - 1;
}
void Compiler::use_label(int label) { u_->label_pos[label] = int(u_->instrs.size()); }
void Compiler::emit(int op, int arg, const Loc& loc) { u_->instrs.push_back(Instr{op, arg, -1, loc}); }
void Compiler::emit_jump(int op, int label, const Loc& loc) {
  u_->instrs.push_back(Instr{op, 0, label, loc});
}

// A key identifying a constant by type and value (CPython's _PyCode_ConstantKey): 1, 1.0 and True
// are different constants, and so are 0.0 and -0.0.
static bool const_key(Object* o, std::string& out) {
  auto add = [&](char tag, std::string_view payload) {
    out.push_back(tag);
    out += std::to_string(payload.size());
    out.push_back(':');
    out.append(payload);
  };
  if (o == None) { out += "N"; return true; }
  if (o == True) { out += "T"; return true; }
  if (o == False) { out += "F"; return true; }
  if (o == Ellipsis) { out += "E"; return true; }
  if (int_check_exact(o)) {
    add('i', int_to_decimal(o));
    return true;
  }
  if (float_check_exact(o)) {
    double d = float_value(o);
    add('f', std::string_view(reinterpret_cast<const char*>(&d), sizeof d));
    return true;
  }
  if (str_check_exact(o)) {
    ssize n = 0;
    const char* p = str_as_utf8(o, &n);
    if (!p) {
      err_clear();
      std::string r;
      if (!repr_utf8(o, r)) return false;
      add('S', r);
      return true;
    }
    add('s', std::string_view(p, size_t(n)));
    return true;
  }
  if (type_of(o) == &BytesType) {
    add('b', bytes_view(o));
    return true;
  }
  if (tuple_check_exact(o)) {
    out += "t(";
    for (ssize i = 0; i < tuple_size(o); i++)
      if (!const_key(tuple_get_borrowed(o, i), out)) return false;
    out += ")";
    return true;
  }
  if (std::strcmp(type_of(o)->name, "complex") == 0) {
    std::string r;
    if (!repr_utf8(o, r)) return false;
    add('c', r);
    return true;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "o%p", static_cast<void*>(o));
  out += buf;
  return true;
}

int Compiler::add_const(Object* stolen) {
  if (!stolen) return -1;
  std::string key;
  if (!const_key(stolen, key)) {
    decref(stolen);
    return -1;
  }
  auto it = u_->const_index.find(key);
  if (it != u_->const_index.end()) {
    decref(stolen);
    return it->second;
  }
  int i = int(u_->consts.size());
  u_->consts.push_back(stolen);
  u_->const_index.emplace(std::move(key), i);
  return i;
}

bool Compiler::load_const(Object* stolen, const Loc& loc) {
  int i = add_const(stolen);
  if (i < 0) return false;
  emit(OP_LOAD_CONST, i, loc);
  return true;
}
bool Compiler::load_const_borrowed(Object* o, const Loc& loc) { return load_const(newref(o), loc); }
bool Compiler::load_none(const Loc& loc) { return load_const_borrowed(None, loc); }

std::string Compiler::mangle(std::string_view name) const { return symtable_mangle(u_->priv, name); }
int Compiler::add_name(std::string_view name) { return u_->names.add(mangle(name)); }
int Compiler::add_name_unmangled(std::string_view name) { return u_->names.add(std::string(name)); }
bool Compiler::emit_name(int op, std::string_view name, const Loc& loc) {
  emit(op, add_name(name), loc);
  return true;
}

int Compiler::deref_index(const std::string& mangled, bool cell) {
  if (cell) return u_->cellvars.add(mangled);
  return int(u_->cellvars.size()) + u_->freevars.add(mangled);
}

bool Compiler::nameop(std::string_view name, ExprContext ctx, const Loc& loc) {
  std::string mangled = mangle(name);
  if ((name == "__debug__") && ctx != ExprContext::Load) {
    return error(ctx == ExprContext::Del ? "cannot delete __debug__" : "cannot assign to __debug__",
                 loc);
  }
  enum { OP_NAMEK, OP_FASTK, OP_GLOBALK, OP_DEREFK } optype = OP_NAMEK;
  Scope scope = u_->ste->scope_of(mangled);
  bool fl = u_->ste->is_function_like();
  int arg = 0;
  switch (scope) {
    case Scope::Free:
      optype = OP_DEREFK;
      arg = int(u_->cellvars.size()) + u_->freevars.find(mangled);
      if (u_->freevars.find(mangled) < 0) arg = deref_index(mangled, false);
      break;
    case Scope::Cell:
      optype = OP_DEREFK;
      arg = u_->cellvars.add(mangled);
      break;
    case Scope::Local:
      if (fl) optype = OP_FASTK;
      break;
    case Scope::GlobalImplicit:
      if (fl) optype = OP_GLOBALK;
      break;
    case Scope::GlobalExplicit: optype = OP_GLOBALK; break;
    default: break;
  }
  switch (optype) {
    case OP_DEREFK:
      switch (ctx) {
        case ExprContext::Load:
          if (u_->ste->type == BlockType::Class) {
            emit(OP_LOAD_LOCALS, 0, loc);
            emit(OP_LOAD_FROM_DICT_OR_DEREF, arg, loc);
          } else {
            emit(OP_LOAD_DEREF, arg, loc);
          }
          break;
        case ExprContext::Store: emit(OP_STORE_DEREF, arg, loc); break;
        case ExprContext::Del: emit(OP_DELETE_DEREF, arg, loc); break;
      }
      return true;
    case OP_FASTK: {
      int i = u_->varnames.add(mangled);
      emit(ctx == ExprContext::Load ? OP_LOAD_FAST
                                    : ctx == ExprContext::Store ? OP_STORE_FAST : OP_DELETE_FAST,
           i, loc);
      return true;
    }
    case OP_GLOBALK: {
      int i = u_->names.add(mangled);
      emit(ctx == ExprContext::Load ? OP_LOAD_GLOBAL
                                    : ctx == ExprContext::Store ? OP_STORE_GLOBAL : OP_DELETE_GLOBAL,
           i, loc);
      return true;
    }
    case OP_NAMEK: {
      int i = u_->names.add(mangled);
      emit(ctx == ExprContext::Load ? OP_LOAD_NAME
                                    : ctx == ExprContext::Store ? OP_STORE_NAME : OP_DELETE_NAME,
           i, loc);
      return true;
    }
  }
  return true;
}

// ---- scopes -------------------------------------------------------------------------------------
bool Compiler::enter_scope(std::string_view name, ScopeType type, const void* key, int lineno) {
  auto unit = std::make_unique<Unit>();
  unit->ste = st_->lookup(key);
  if (!unit->ste) {
    err_bad_internal_call("compiler: no symbol table entry for a block");
    return false;
  }
  unit->scope_type = type;
  unit->name = std::string(name);
  unit->firstlineno = lineno;
  if (u_ && type != ScopeType::Module) unit->priv = u_->priv;
  // Parameters first, in order (co_varnames), then cells in sorted order (dictbytype).
  for (const std::string& v : unit->ste->varnames) unit->varnames.add(v);
  std::vector<std::string> cells, frees;
  for (auto& [n, sym] : unit->ste->symbols) {
    if (sym.scope == Scope::Cell) cells.push_back(n);
    if (sym.scope == Scope::Free || (sym.flags & DEF_FREE_CLASS)) frees.push_back(n);
  }
  std::sort(cells.begin(), cells.end());
  std::sort(frees.begin(), frees.end());
  for (auto& c : cells) unit->cellvars.add(c);
  if (unit->ste->needs_class_closure) unit->cellvars.add("__class__");
  for (auto& f : frees) unit->freevars.add(f);
  u_ = unit.get();
  units_.push_back(std::move(unit));
  nest_level_++;
  if (type != ScopeType::Module) set_qualname();
  // RESUME is emitted with the function's first line (module: line 0), as CPython.
  Loc loc{lineno, 0, lineno, 0};
  if (type == ScopeType::Module) loc = Loc{0, 0, 0, 0};
  emit(OP_RESUME, 0, loc);
  return true;
}

bool Compiler::abort_scope() {
  units_.pop_back();
  nest_level_--;
  u_ = units_.empty() ? nullptr : units_.back().get();
  return false;
}

void Compiler::set_qualname() {
  Unit* u = u_;
  std::string base;
  bool has_base = false;
  if (units_.size() > 1) {
    // The scope of a generic function's type parameters does not appear in qualified names.
    size_t pi = units_.size() - 2;
    while (pi > 0 && units_[pi]->scope_type == ScopeType::TypeParams) pi--;
    Unit* parent = units_[pi].get();
    bool force_global = false;
    if (u->scope_type == ScopeType::Function || u->scope_type == ScopeType::AsyncFunction ||
        u->scope_type == ScopeType::Class) {
      std::string mangled = symtable_mangle(parent->priv, u->name);
      if (parent->ste->scope_of(mangled) == Scope::GlobalExplicit) force_global = true;
    }
    if (!force_global && parent->scope_type != ScopeType::Module) {
      has_base = true;
      if (parent->scope_type == ScopeType::Function ||
          parent->scope_type == ScopeType::AsyncFunction || parent->scope_type == ScopeType::Lambda)
        base = parent->qualname + ".<locals>";
      else
        base = parent->qualname;
    }
  }
  u->qualname = has_base ? base + "." + u->name : u->name;
}

int Compiler::code_flags(const Unit& u) {
  int flags = 0;
  const SymTableEntry* ste = u.ste;
  if (ste->is_function_like()) {
    flags |= CO_NEWLOCALS | CO_OPTIMIZED;
    if (ste->nested) flags |= CO_NESTED;
    if (ste->generator && !ste->coroutine) flags |= CO_GENERATOR;
    if (!ste->generator && ste->coroutine) flags |= CO_COROUTINE;
    if (ste->generator && ste->coroutine) flags |= CO_ASYNC_GENERATOR;
    if (ste->varargs) flags |= CO_VARARGS;
    if (ste->varkeywords) flags |= CO_VARKEYWORDS;
  }
  return flags;
}

Object* Compiler::exit_scope(std::vector<std::string>* freevars, bool add_none_return) {
  // add_return_at_end: every path falling off the end returns None.
  if (add_none_return) load_none(kNoLoc);
  emit(OP_RETURN_VALUE, 0, kNoLoc);
  Unit& u = *u_;
  if (freevars) *freevars = u.freevars.items;
  Object* code = assemble_unit(u, code_flags(u), filename_);
  units_.pop_back();
  nest_level_--;
  u_ = units_.empty() ? nullptr : units_.back().get();
  return code;
}

bool Compiler::push_fblock(FBlockType t, int block, int exit, const void* datum, const Loc& loc,
                           std::string_view name) {
  if (u_->fblocks.size() >= 20) return error("too many statically nested blocks", loc);
  u_->fblocks.push_back(FBlock{t, block, exit, datum, name, loc});
  return true;
}
void Compiler::pop_fblock() { u_->fblocks.pop_back(); }

bool Compiler::make_closure(Object* code, const std::vector<std::string>& freevars, int flags,
                            const Loc& loc) {
  if (!code) return false;
  if (!freevars.empty()) {
    for (const std::string& name : freevars) {
      // A class's implicit __class__ cell, else the name's scope in this unit.
      int arg;
      bool is_cell;
      if (u_->scope_type == ScopeType::Class && name == "__class__")
        is_cell = true;
      else
        is_cell = u_->ste->scope_of(name) == Scope::Cell;
      if (is_cell) {
        arg = u_->cellvars.find(name);
        if (arg < 0) arg = u_->cellvars.add(name);
      } else {
        int f = u_->freevars.find(name);
        if (f < 0) {
          decref(code);
          err_format(&Exc_SystemError, "compiler_make_closure: cannot find free variable '%s'",
                     name.c_str());
          return false;
        }
        arg = int(u_->cellvars.size()) + f;
      }
      emit(OP_LOAD_CLOSURE, arg, loc);
    }
    flags |= 8;
    emit(OP_BUILD_TUPLE, int(freevars.size()), loc);
  }
  if (!load_const(code, loc)) return false;
  emit(OP_MAKE_FUNCTION, flags, loc);
  return true;
}

static bool find_ann(const Span<Stmt*>& stmts);
static bool find_ann_stmt(Stmt* s) {
  switch (s->kind) {
    case StmtKind::AnnAssign: return true;
    case StmtKind::For:
    case StmtKind::AsyncFor: return find_ann(s->as<For>()->body) || find_ann(s->as<For>()->orelse);
    case StmtKind::While: return find_ann(s->as<While>()->body) || find_ann(s->as<While>()->orelse);
    case StmtKind::If: return find_ann(s->as<If>()->body) || find_ann(s->as<If>()->orelse);
    case StmtKind::With:
    case StmtKind::AsyncWith: return find_ann(s->as<With>()->body);
    case StmtKind::Try:
    case StmtKind::TryStar: {
      auto* t = s->as<Try>();
      for (ExceptHandler* h : t->handlers)
        if (find_ann(h->body)) return true;
      return find_ann(t->body) || find_ann(t->finalbody) || find_ann(t->orelse);
    }
    case StmtKind::Match:
      for (MatchCase* c : s->as<Match>()->cases)
        if (find_ann(c->body)) return true;
      return false;
    default: return false;
  }
}
static bool find_ann(const Span<Stmt*>& stmts) {
  for (Stmt* s : stmts)
    if (find_ann_stmt(s)) return true;
  return false;
}

// The docstring of a body: its first statement when that is a string constant expression.
static Expr* get_docstring(const Span<Stmt*>& body) {
  if (body.empty()) return nullptr;
  Stmt* s = body[0];
  if (s->kind != StmtKind::Expr) return nullptr;
  Expr* v = s->as<ExprStmt>()->value;
  if (v->kind != ExprKind::Constant || v->as<Constant>()->value_kind != ConstantKind::Str)
    return nullptr;
  return v;
}

bool Compiler::body(const Loc& loc_in, const Span<Stmt*>& stmts) {
  Loc loc = loc_in;
  if (u_->scope_type == ScopeType::Module && !stmts.empty()) loc = stmts[0]->loc;
  if (find_ann(stmts)) emit(OP_SETUP_ANNOTATIONS, 0, loc);
  if (stmts.empty()) return true;
  size_t first = 0;
  if (Expr* doc = get_docstring(stmts)) {
    first = 1;
    if (!visit_expr(doc)) return false;
    if (!nameop("__doc__", ExprContext::Store, kNoLoc)) return false;
  }
  for (size_t i = first; i < stmts.size(); i++)
    if (!visit_stmt(stmts[i])) return false;
  return true;
}

Object* Compiler::compile_module(const Module* mod) {
  if (!enter_scope("<module>", ScopeType::Module, mod, 1)) return nullptr;
  u_->qualname = "<module>";
  bool ok = true;
  bool add_none = true;
  switch (mod->kind) {
    case ModKind::Module: ok = body(Loc{1, 0, 1, 0}, mod->body); break;
    case ModKind::Interactive:
      u_->in_interactive = true;
      ok = visit_stmts(mod->body);
      break;
    case ModKind::Expression:
      ok = visit_expr(mod->expr);
      add_none = false;
      break;
  }
  if (!ok) {
    units_.clear();
    u_ = nullptr;
    return nullptr;
  }
  return exit_scope(nullptr, add_none);
}

// ---- functions ----------------------------------------------------------------------------------
bool Compiler::decorators(const Span<Expr*>& decos) {
  for (Expr* d : decos)
    if (!visit_expr(d)) return false;
  return true;
}
bool Compiler::apply_decorators(const Span<Expr*>& decos) {
  for (size_t i = decos.size(); i-- > 0;) {
    // [decorator function] CALL 0: the function is passed as the `self` slot, i.e. decorator(f).
    emit(OP_CALL, 0, decos[i]->loc);
  }
  return true;
}

bool Compiler::default_arguments(Arguments* args, const Loc& loc, int* flags) {
  if (!args->defaults.empty()) {
    if (!visit_exprs(args->defaults)) return false;
    emit(OP_BUILD_TUPLE, int(args->defaults.size()), loc);
    *flags |= 1;
  }
  int count = 0;
  Ref keys;
  for (size_t i = 0; i < args->kwonlyargs.size(); i++) {
    Expr* d = args->kw_defaults[i];
    if (!d) continue;
    count++;
  }
  if (count) {
    keys = Ref::steal(tuple_new(count));
    if (!keys) return false;
    int k = 0;
    for (size_t i = 0; i < args->kwonlyargs.size(); i++) {
      Expr* d = args->kw_defaults[i];
      if (!d) continue;
      Object* name = str_from_utf8(mangle(args->kwonlyargs[i]->arg));
      if (!name) return false;
      tuple_set_steal(keys.get(), k++, str_intern(name));
      if (!visit_expr(d)) return false;
    }
    if (!load_const(keys.release(), loc)) return false;
    emit(OP_BUILD_CONST_KEY_MAP, count, loc);
    *flags |= 2;
  }
  return true;
}

bool Compiler::annotations(Arguments* args, Expr* returns, const Loc& loc, int* flags) {
  std::vector<std::string> names;
  auto one = [&](std::string_view name, Expr* ann) -> bool {
    if (!ann) return true;
    names.push_back(mangle(name));
    if (ann->kind == ExprKind::Starred) {
      if (!visit_expr(ann->as<Starred>()->value)) return false;
      emit(OP_UNPACK_SEQUENCE, 1, loc);
      return true;
    }
    return visit_expr(ann);
  };
  for (Arg* a : args->args)
    if (!one(a->arg, a->annotation)) return false;
  for (Arg* a : args->posonlyargs)
    if (!one(a->arg, a->annotation)) return false;
  if (args->vararg && !one(args->vararg->arg, args->vararg->annotation)) return false;
  for (Arg* a : args->kwonlyargs)
    if (!one(a->arg, a->annotation)) return false;
  if (args->kwarg && !one(args->kwarg->arg, args->kwarg->annotation)) return false;
  if (!one("return", returns)) return false;
  if (names.empty()) return true;
  Ref keys = Ref::steal(tuple_new(ssize(names.size())));
  if (!keys) return false;
  for (size_t i = 0; i < names.size(); i++) {
    Object* s = str_from_utf8(names[i]);
    if (!s) return false;
    tuple_set_steal(keys.get(), ssize(i), str_intern(s));
  }
  if (!load_const(keys.release(), loc)) return false;
  emit(OP_BUILD_CONST_KEY_MAP, int(names.size()), loc);
  *flags |= 4;
  return true;
}

bool Compiler::function_def(Stmt* s) {
  auto* f = s->as<FunctionDef>();
  bool is_async = s->kind == StmtKind::AsyncFunctionDef;
  if (!decorators(f->decorator_list)) return false;
  int firstlineno = s->loc.lineno;
  if (!f->decorator_list.empty()) firstlineno = f->decorator_list[0]->loc.lineno;
  int flags = 0;
  Loc loc = s->loc;
  if (!default_arguments(f->args, loc, &flags)) return false;
  // PEP 695 (CPython 3.12's compiler_function): a generic function is made inside a function of
  // its own that creates the type parameters, receives the defaults as arguments, sets
  // __type_params__ and returns the function; that function is called right away.
  bool generic = !f->type_params.empty();
  int ntp_args = ((flags & 1) ? 1 : 0) + ((flags & 2) ? 1 : 0);
  if (generic) {
    if (!enter_scope("<generic parameters of " + std::string(f->name) + ">",
                     ScopeType::TypeParams, &f->type_params, firstlineno))
      return false;
    u_->argcount = ntp_args;
    if (!type_params(f->type_params)) return abort_scope();
    for (int i = 0; i < ntp_args; i++) emit(OP_LOAD_FAST, i, loc);
  }
  if (!annotations(f->args, f->returns, loc, &flags)) return generic ? abort_scope() : false;

  if (!enter_scope(f->name, is_async ? ScopeType::AsyncFunction : ScopeType::Function, s,
                   firstlineno))
    return false;
  Expr* doc = get_docstring(f->body);
  Object* docobj = doc ? constant_value(doc) : newref(None);
  if (add_const(docobj) < 0) return false;
  u_->argcount = int(f->args->args.size() + f->args->posonlyargs.size());
  u_->posonlyargcount = int(f->args->posonlyargs.size());
  u_->kwonlyargcount = int(f->args->kwonlyargs.size());
  for (size_t i = doc ? 1 : 0; i < f->body.size(); i++) {
    if (!visit_stmt(f->body[i])) return abort_scope();
  }
  if (u_->ste->generator || u_->ste->coroutine) {
    if (!wrap_in_stopiteration_handler()) return false;
  }
  std::vector<std::string> freevars;
  Object* code = exit_scope(&freevars, true);
  if (!code) return false;
  if (!make_closure(code, freevars, flags, loc)) return false;
  if (generic) {
    // [type_params function] -> function with __type_params__, returned.
    emit(OP_SWAP, 2, loc);
    emit(OP_CALL_INTRINSIC_2, INTRINSIC_SET_FUNCTION_TYPE_PARAMS, loc);
    Object* gcode = exit_scope(&freevars, false);
    if (!gcode || !make_closure(gcode, freevars, 0, loc)) return false;
    // [defaults? kwdefaults? generic] -> [generic defaults? kwdefaults?] and call it.
    if (ntp_args == 0) {
      emit(OP_PUSH_NULL, 0, loc);
      emit(OP_CALL, 0, loc);
    } else if (ntp_args == 1) {
      emit(OP_SWAP, 2, loc);
      emit(OP_CALL, 0, loc);
    } else {
      emit(OP_SWAP, 3, loc);
      emit(OP_SWAP, 2, loc);
      emit(OP_CALL, 1, loc);
    }
  }
  if (!apply_decorators(f->decorator_list)) return false;
  return nameop(f->name, ExprContext::Store, loc);
}

bool Compiler::type_params(const Span<TypeParam*>& params) {
  for (TypeParam* tp : params) {
    Loc loc = tp->loc;
    Object* name = str_from_utf8(tp->name);
    if (!name || !load_const(str_intern(name), loc)) return false;
    switch (tp->kind) {
      case TypeParamKind::TypeVar:
        if (tp->bound) {
          if (tp->bound->kind == ExprKind::Tuple && tp->bound->as<Tuple>()->elts.size() >= 2) {
            if (!visit_expr(tp->bound)) return false;
            emit(OP_CALL_INTRINSIC_2, INTRINSIC_TYPEVAR_WITH_CONSTRAINTS, loc);
          } else {
            if (!visit_expr(tp->bound)) return false;
            emit(OP_CALL_INTRINSIC_2, INTRINSIC_TYPEVAR_WITH_BOUND, loc);
          }
        } else {
          emit(OP_CALL_INTRINSIC_1, INTRINSIC_TYPEVAR, loc);
        }
        break;
      case TypeParamKind::ParamSpec: emit(OP_CALL_INTRINSIC_1, INTRINSIC_PARAMSPEC, loc); break;
      case TypeParamKind::TypeVarTuple:
        emit(OP_CALL_INTRINSIC_1, INTRINSIC_TYPEVARTUPLE, loc);
        break;
    }
    emit(OP_COPY, 1, loc);
    if (!nameop(tp->name, ExprContext::Store, loc)) return false;
  }
  emit(OP_BUILD_TUPLE, int(params.size()), kNoLoc);
  return true;
}

// type X = value (CPython 3.12's compiler_typealias): TypeAliasType(name, None, compute_value),
// where compute_value is a function evaluating `value` on first access of __value__.
bool Compiler::type_alias(Stmt* s) {
  auto* t = s->as<TypeAlias>();
  Loc loc = s->loc;
  std::string_view name = t->name->as<Name>()->id;
  Object* n = str_from_utf8(name);
  if (!n || !load_const(str_intern(n), loc)) return false;
  load_none(loc);
  if (!enter_scope(name, ScopeType::TypeParams, s, loc.lineno)) return false;
  if (add_const(newref(None)) < 0) return abort_scope();
  if (!visit_expr(t->value)) return abort_scope();
  std::vector<std::string> freevars;
  Object* code = exit_scope(&freevars, false);
  if (!code || !make_closure(code, freevars, 0, loc)) return false;
  emit(OP_BUILD_TUPLE, 3, loc);
  emit(OP_CALL_INTRINSIC_1, INTRINSIC_TYPEALIAS, loc);
  return nameop(name, ExprContext::Store, loc);
}

bool Compiler::class_def(Stmt* s) {
  auto* c = s->as<ClassDef>();
  if (!decorators(c->decorator_list)) return false;
  int firstlineno = s->loc.lineno;
  if (!c->decorator_list.empty()) firstlineno = c->decorator_list[0]->loc.lineno;
  Loc loc = s->loc;
  if (!enter_scope(c->name, ScopeType::Class, s, firstlineno)) return false;
  u_->priv = std::string(c->name);
  Loc bloc{firstlineno, 0, firstlineno, 0};
  bool ok = nameop("__name__", ExprContext::Load, bloc) &&
            nameop("__module__", ExprContext::Store, bloc);
  if (ok) {
    Object* q = str_from_utf8(u_->qualname);
    ok = q && load_const(q, bloc) && nameop("__qualname__", ExprContext::Store, bloc);
  }
  ok = ok && body(bloc, c->body);
  if (!ok) return abort_scope();
  if (u_->ste->needs_class_closure) {
    int i = u_->cellvars.add("__class__");
    emit(OP_LOAD_CLOSURE, i, kNoLoc);
    emit(OP_COPY, 1, kNoLoc);
    emit(OP_STORE_NAME, add_name_unmangled("__classcell__"), kNoLoc);
  } else {
    load_none(kNoLoc);
  }
  std::vector<std::string> freevars;
  Object* code = exit_scope(&freevars, false);
  if (!code) return false;
  emit(OP_LOAD_BUILD_CLASS, 0, loc);
  emit(OP_PUSH_NULL, 0, loc);
  if (!make_closure(code, freevars, 0, loc)) return false;
  Object* name = str_from_utf8(c->name);
  if (!name || !load_const(str_intern(name), loc)) return false;
  if (!call_helper(loc, 2, c->bases, c->keywords)) return false;
  if (!apply_decorators(c->decorator_list)) return false;
  return nameop(c->name, ExprContext::Store, loc);
}

bool Compiler::lambda(Expr* e) {
  auto* l = e->as<Lambda>();
  int flags = 0;
  Loc loc = e->loc;
  if (!default_arguments(l->args, loc, &flags)) return false;
  if (!enter_scope("<lambda>", ScopeType::Lambda, e, e->loc.lineno)) return false;
  // None first, so a lambda never has a docstring.
  if (add_const(newref(None)) < 0) return false;
  u_->argcount = int(l->args->args.size() + l->args->posonlyargs.size());
  u_->posonlyargcount = int(l->args->posonlyargs.size());
  u_->kwonlyargcount = int(l->args->kwonlyargs.size());
  if (!visit_expr(l->body)) return abort_scope();
  Object* code;
  std::vector<std::string> freevars;
  if (u_->ste->generator) {
    emit(OP_POP_TOP, 0, kNoLoc);
    if (!wrap_in_stopiteration_handler()) return false;
    code = exit_scope(&freevars, true);
  } else {
    emit(OP_RETURN_VALUE, 0, Loc{e->loc.lineno, 0, e->loc.lineno, 0});
    code = exit_scope(&freevars, true);
  }
  if (!code) return false;
  return make_closure(code, freevars, flags, loc);
}

bool Compiler::wrap_in_stopiteration_handler() {
  int handler = new_label();
  // SETUP_CLEANUP at the very start (after nothing: the prefix is added by the assembler).
  u_->instrs.insert(u_->instrs.begin(), Instr{PSEUDO_SETUP_CLEANUP, 0, handler, kNoLoc});
  for (int& pos : u_->label_pos)
    if (pos >= 0) pos++;
  load_none(kNoLoc);
  emit(OP_RETURN_VALUE, 0, kNoLoc);
  use_label(handler);
  emit(OP_CALL_INTRINSIC_1, INTRINSIC_STOPITERATION_ERROR, kNoLoc);
  emit(OP_RERAISE, 1, kNoLoc);
  return true;
}

bool Compiler::add_yield(const Loc& loc) {
  emit(OP_YIELD_VALUE, 0, loc);
  emit(OP_RESUME, 1, loc);
  return true;
}

bool Compiler::add_yield_from(const Loc& loc, bool await) {
  int send = new_label(), fail = new_label(), exit = new_label();
  use_label(send);
  emit_jump(OP_SEND, exit, loc);
  emit_jump(PSEUDO_SETUP_FINALLY, fail, loc);
  emit(OP_YIELD_VALUE, 0, loc);
  emit(PSEUDO_POP_BLOCK, 0, kNoLoc);
  emit(OP_RESUME, await ? 3 : 2, loc);
  emit_jump(PSEUDO_JUMP_NO_INTERRUPT, send, loc);
  use_label(fail);
  emit(OP_CLEANUP_THROW, 0, loc);
  use_label(exit);
  emit(OP_END_SEND, 0, loc);
  return true;
}

// ---- comprehensions -----------------------------------------------------------------------------
bool Compiler::comprehension(Expr* e, CompKind kind, const Span<Comprehension*>& gens, Expr* elt,
                             Expr* val) {
  const char* name = kind == CompKind::List  ? "<listcomp>"
                     : kind == CompKind::Set ? "<setcomp>"
                     : kind == CompKind::Dict ? "<dictcomp>"
                                              : "<genexpr>";
  Comprehension* outermost = gens[0];
  for (Comprehension* g : gens)
    if (g->is_async) return error("asynchronous comprehensions are not supported yet", e->loc);
  if (!enter_scope(name, ScopeType::Comprehension, e, e->loc.lineno)) return false;
  Loc loc = e->loc;
  bool ok = true;
  if (kind != CompKind::Generator) {
    emit(kind == CompKind::List ? OP_BUILD_LIST : kind == CompKind::Set ? OP_BUILD_SET : OP_BUILD_MAP,
         0, loc);
  }
  ok = comprehension_generator(loc, gens, 0, 0, elt, val, kind);
  if (ok && kind != CompKind::Generator) emit(OP_RETURN_VALUE, 0, loc);
  if (ok && kind == CompKind::Generator) ok = wrap_in_stopiteration_handler();
  if (!ok) return abort_scope();
  u_->argcount = 1;
  std::vector<std::string> freevars;
  Object* code = exit_scope(&freevars, true);
  if (!code) return false;
  if (!make_closure(code, freevars, 0, loc)) return false;
  if (!visit_iter(outermost->iter)) return false;
  emit(OP_GET_ITER, 0, loc);
  // [function iterator] CALL 0: the iterator fills the `self` slot, i.e. function(iterator).
  emit(OP_CALL, 0, loc);
  return true;
}

bool Compiler::comprehension_generator(const Loc& loc, const Span<Comprehension*>& gens,
                                       size_t index, int depth, Expr* elt, Expr* val,
                                       CompKind kind) {
  int start = new_label(), if_cleanup = new_label(), anchor = new_label();
  bool has_start = true;
  Comprehension* gen = gens[index];
  if (index == 0) {
    emit(OP_LOAD_FAST, 0, loc);  // the outermost iterator, received as the argument ".0"
  } else {
    // Fast path for the temporary variable idiom: `for y in [f(x)]`.
    Span<Expr*> elts;
    if (gen->iter->kind == ExprKind::List) elts = gen->iter->as<List>()->elts;
    if (gen->iter->kind == ExprKind::Tuple) elts = gen->iter->as<Tuple>()->elts;
    if (elts.size() == 1 && elts[0]->kind != ExprKind::Starred) {
      if (!visit_expr(elts[0])) return false;
      has_start = false;
    }
    if (has_start) {
      if (!visit_iter(gen->iter)) return false;
      emit(OP_GET_ITER, 0, loc);
    }
  }
  if (has_start) {
    depth++;
    use_label(start);
    emit_jump(OP_FOR_ITER, anchor, loc);
  }
  if (!visit_expr(gen->target)) return false;
  for (Expr* cond : gen->ifs)
    if (!jump_if(loc, cond, if_cleanup, false)) return false;
  if (index + 1 < gens.size()) {
    if (!comprehension_generator(loc, gens, index + 1, depth, elt, val, kind)) return false;
  }
  Loc elt_loc = elt->loc;
  if (index + 1 >= gens.size()) {
    switch (kind) {
      case CompKind::Generator:
        if (!visit_expr(elt)) return false;
        add_yield(elt_loc);
        emit(OP_POP_TOP, 0, elt_loc);
        break;
      case CompKind::List:
        if (!visit_expr(elt)) return false;
        emit(OP_LIST_APPEND, depth + 1, elt_loc);
        break;
      case CompKind::Set:
        if (!visit_expr(elt)) return false;
        emit(OP_SET_ADD, depth + 1, elt_loc);
        break;
      case CompKind::Dict:
        if (!visit_expr(elt) || !visit_expr(val)) return false;
        elt_loc = Loc{elt->loc.lineno, elt->loc.col_offset, val->loc.end_lineno, val->loc.end_col_offset};
        emit(OP_MAP_ADD, depth + 1, elt_loc);
        break;
      default: break;
    }
  }
  use_label(if_cleanup);
  if (has_start) {
    emit_jump(PSEUDO_JUMP, start, elt_loc);
    use_label(anchor);
  }
  return true;
}

}  // namespace gilpy::compiler

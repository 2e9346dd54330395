// Symbol table construction and scope analysis: see symtable.h for the design.
//
// Structure follows CPython 3.12's Python/symtable.c function by function (symtable_visit_stmt,
// symtable_visit_expr, symtable_handle_comprehension, symtable_extend_namedexpr_scope,
// analyze_block, analyze_name, analyze_cells, update_symbols, drop_class_free), minus PEP 709
// inlining and PEP 695 type-parameter scopes. Error messages are CPython's, letter for letter.
#include "compiler/symtable.h"

#include <algorithm>
#include <unordered_set>

namespace gilpy::compiler {

using namespace gilpy::parser;

std::string symtable_mangle(std::string_view priv, std::string_view name) {
  if (priv.empty() || name.size() < 2 || name[0] != '_' || name[1] != '_') return std::string(name);
  size_t n = name.size();
  if ((name[n - 1] == '_' && name[n - 2] == '_') || name.find('.') != std::string_view::npos)
    return std::string(name);
  size_t i = 0;
  while (i < priv.size() && priv[i] == '_') ++i;
  if (i == priv.size()) return std::string(name);
  std::string out = "_";
  out.append(priv.substr(i));
  out.append(name);
  return out;
}

namespace {

using NameSet = std::unordered_set<std::string>;

struct Builder {
  SymTable* st;
  CompileErrorInfo* err;
  SymTableEntry* cur = nullptr;
  std::vector<SymTableEntry*> stack;
  std::string priv;  // current class name for mangling

  bool error(const std::string& msg, const Loc& loc) {
    if (!err->set) {
      err->msg = msg;
      err->loc = loc;
      err->set = true;
      err->from_symtable = true;
    }
    return false;
  }

  void enter_block(std::string name, BlockType type, const void* key, const Loc& loc) {
    auto e = std::make_unique<SymTableEntry>();
    e->type = type;
    e->name = std::move(name);
    e->key = key;
    e->loc = loc;
    e->parent = cur;
    if (cur && (cur->nested || cur->is_function_like())) e->nested = true;
    if (cur) cur->children.push_back(e.get());
    st->by_key[key] = e.get();
    if (type == BlockType::Module) st->top = e.get();
    stack.push_back(e.get());
    cur = e.get();
    st->entries.push_back(std::move(e));
  }
  void exit_block() {
    stack.pop_back();
    cur = stack.empty() ? nullptr : stack.back();
  }

  Symbol& sym_of(SymTableEntry* ste, const std::string& mangled) {
    auto it = ste->symbols.find(mangled);
    if (it != ste->symbols.end()) return it->second;
    ste->symbol_order.push_back(mangled);
    return ste->symbols[mangled];
  }

  uint32_t lookup(std::string_view name) {
    return cur->flags_of(symtable_mangle(priv, name));
  }

  bool add_def_helper(std::string_view name, uint32_t flag, SymTableEntry* ste, const Loc& loc) {
    std::string mangled = symtable_mangle(priv, name);
    bool existed = ste->symbols.count(mangled) != 0;
    Symbol& s = sym_of(ste, mangled);
    uint32_t val = existed ? s.flags : 0;
    if ((flag & DEF_PARAM) && (val & DEF_PARAM)) {
      return error("duplicate argument '" + std::string(name) + "' in function definition", loc);
    }
    val |= flag;
    if (ste->comp_iter_target) {
      if (val & (DEF_GLOBAL | DEF_NONLOCAL)) {
        return error("comprehension inner loop cannot rebind assignment expression target '" +
                         std::string(name) + "'",
                     loc);
      }
      val |= DEF_COMP_ITER;
    }
    s.flags = val;
    if (flag & DEF_PARAM) {
      ste->varnames.push_back(mangled);
    } else if (flag & DEF_GLOBAL) {
      Symbol& g = sym_of(st->top, mangled);
      g.flags |= flag;
    }
    return true;
  }
  bool add_def(std::string_view name, uint32_t flag, const Loc& loc) {
    return add_def_helper(name, flag, cur, loc);
  }
  void record_directive(std::string_view name, const Loc& loc) {
    cur->directives.push_back({symtable_mangle(priv, name), loc});
  }

  // ---- statements -------------------------------------------------------------------------------
  bool visit_stmts(const Span<Stmt*>& body) {
    for (Stmt* s : body)
      if (!visit_stmt(s)) return false;
    return true;
  }
  bool visit_exprs(const Span<Expr*>& v) {
    for (Expr* e : v)
      if (e && !visit_expr(e)) return false;
    return true;
  }

  bool visit_argannotations(const Span<Arg*>& args) {
    for (Arg* a : args)
      if (a->annotation && !visit_expr(a->annotation)) return false;
    return true;
  }
  bool visit_annotations(Arguments* a, Expr* returns) {
    if (!visit_argannotations(a->args)) return false;
    if (a->vararg && a->vararg->annotation && !visit_expr(a->vararg->annotation)) return false;
    if (a->kwarg && a->kwarg->annotation && !visit_expr(a->kwarg->annotation)) return false;
    if (!visit_argannotations(a->kwonlyargs)) return false;
    if (!visit_argannotations(a->posonlyargs)) return false;
    if (returns && !visit_expr(returns)) return false;
    return true;
  }
  bool visit_params(const Span<Arg*>& args) {
    for (Arg* a : args)
      if (!add_def(a->arg, DEF_PARAM, a->loc)) return false;
    return true;
  }
  bool visit_arguments(Arguments* a) {
    if (!visit_params(a->posonlyargs) || !visit_params(a->args) || !visit_params(a->kwonlyargs))
      return false;
    if (a->vararg) {
      if (!add_def(a->vararg->arg, DEF_PARAM, a->vararg->loc)) return false;
      cur->varargs = true;
    }
    if (a->kwarg) {
      if (!add_def(a->kwarg->arg, DEF_PARAM, a->kwarg->loc)) return false;
      cur->varkeywords = true;
    }
    return true;
  }

  bool visit_alias(Alias* a) {
    std::string_view name = a->asname.data() ? a->asname : a->name;
    size_t dot = name.find('.');
    std::string_view store = dot == std::string_view::npos ? name : name.substr(0, dot);
    if (name != "*") return add_def(store, DEF_IMPORT, a->loc);
    if (cur->type != BlockType::Module)
      return error("import * only allowed at module level", a->loc);
    return true;
  }

  bool visit_global_nonlocal(Stmt* s, const Span<std::string_view>& names, bool is_global) {
    for (std::string_view name : names) {
      uint32_t cur_flags = lookup(name);
      if (cur_flags & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT)) {
        std::string n(name);
        std::string kind = is_global ? "global" : "nonlocal";
        std::string msg;
        if (cur_flags & DEF_PARAM)
          msg = "name '" + n + "' is parameter and " + kind;
        else if (cur_flags & USE)
          msg = "name '" + n + "' is used prior to " + kind + " declaration";
        else if (cur_flags & DEF_ANNOT)
          msg = "annotated name '" + n + "' can't be " + kind;
        else
          msg = "name '" + n + "' is assigned to before " + kind + " declaration";
        return error(msg, s->loc);
      }
      if (!add_def(name, is_global ? DEF_GLOBAL : DEF_NONLOCAL, s->loc)) return false;
      record_directive(name, s->loc);
    }
    return true;
  }

  bool visit_stmt(Stmt* s) {
    switch (s->kind) {
      case StmtKind::FunctionDef:
      case StmtKind::AsyncFunctionDef: {
        auto* f = s->as<FunctionDef>();
        if (!add_def(f->name, DEF_LOCAL, s->loc)) return false;
        if (!visit_exprs(f->args->defaults) || !visit_exprs(f->args->kw_defaults)) return false;
        bool generic = !f->type_params.empty();
        if (generic) {
          // PEP 695: the type parameters live in a function-like scope of their own around the
          // function; it receives the evaluated defaults as arguments (CPython 3.12's layout).
          if (!visit_exprs(f->decorator_list)) return false;
          enter_block("<generic parameters of " + std::string(f->name) + ">", BlockType::Function,
                      &f->type_params, s->loc);
          bool has_kwdefaults = false;
          for (Expr* d : f->args->kw_defaults)
            if (d) has_kwdefaults = true;
          if (!f->args->defaults.empty() && !add_def(".defaults", DEF_PARAM, s->loc)) return false;
          if (has_kwdefaults && !add_def(".kwdefaults", DEF_PARAM, s->loc)) return false;
          if (!visit_type_params(f->type_params)) return false;
        }
        if (!visit_annotations(f->args, f->returns)) return false;
        if (!generic && !visit_exprs(f->decorator_list)) return false;
        enter_block(std::string(f->name), BlockType::Function, s, s->loc);
        if (s->kind == StmtKind::AsyncFunctionDef) cur->coroutine = true;
        if (!visit_arguments(f->args) || !visit_stmts(f->body)) return false;
        exit_block();
        if (generic) exit_block();
        return true;
      }
      case StmtKind::ClassDef: {
        auto* c = s->as<ClassDef>();
        if (!add_def(c->name, DEF_LOCAL, s->loc)) return false;
        if (!visit_exprs(c->bases)) return false;
        for (Keyword* k : c->keywords)
          if (!visit_expr(k->value)) return false;
        if (!visit_exprs(c->decorator_list)) return false;
        if (!c->type_params.empty())
          return error("generic classes (PEP 695) are not supported", s->loc);
        enter_block(std::string(c->name), BlockType::Class, s, s->loc);
        std::string saved = priv;
        priv = std::string(c->name);
        bool ok = visit_stmts(c->body);
        priv = saved;
        if (!ok) return false;
        exit_block();
        return true;
      }
      case StmtKind::Return: {
        auto* r = s->as<Return>();
        if (r->value) {
          if (!visit_expr(r->value)) return false;
          cur->returns_value = true;
        }
        return true;
      }
      case StmtKind::Delete: return visit_exprs(s->as<Delete>()->targets);
      case StmtKind::Assign: {
        auto* a = s->as<Assign>();
        return visit_exprs(a->targets) && visit_expr(a->value);
      }
      case StmtKind::TypeAlias: {
        // The value is evaluated lazily, by a function of its own.
        auto* t = s->as<TypeAlias>();
        if (t->name->kind != ExprKind::Name) return error("invalid type alias target", s->loc);
        std::string_view name = t->name->as<Name>()->id;
        if (!add_def(name, DEF_LOCAL, t->name->loc)) return false;
        if (!t->type_params.empty())
          return error("generic type aliases (PEP 695) are not supported", s->loc);
        enter_block(std::string(name), BlockType::Function, s, s->loc);
        if (!visit_expr(t->value)) return false;
        exit_block();
        return true;
      }
      case StmtKind::AnnAssign: {
        auto* a = s->as<AnnAssign>();
        if (a->target->kind == ExprKind::Name) {
          auto* n = a->target->as<Name>();
          uint32_t f = lookup(n->id);
          if ((f & (DEF_GLOBAL | DEF_NONLOCAL)) && cur != st->top && a->simple) {
            return error("annotated name '" + std::string(n->id) + "' can't be " +
                             ((f & DEF_GLOBAL) ? "global" : "nonlocal"),
                         s->loc);
          }
          if (a->simple) {
            if (!add_def(n->id, DEF_ANNOT | DEF_LOCAL, n->loc)) return false;
          } else if (a->value) {
            if (!add_def(n->id, DEF_LOCAL, n->loc)) return false;
          }
        } else {
          if (!visit_expr(a->target)) return false;
        }
        if (!visit_expr(a->annotation)) return false;
        return !a->value || visit_expr(a->value);
      }
      case StmtKind::AugAssign: {
        auto* a = s->as<AugAssign>();
        return visit_expr(a->target) && visit_expr(a->value);
      }
      case StmtKind::For:
      case StmtKind::AsyncFor: {
        auto* f = s->as<For>();
        return visit_expr(f->target) && visit_expr(f->iter) && visit_stmts(f->body) &&
               visit_stmts(f->orelse);
      }
      case StmtKind::While: {
        auto* w = s->as<While>();
        return visit_expr(w->test) && visit_stmts(w->body) && visit_stmts(w->orelse);
      }
      case StmtKind::If: {
        auto* i = s->as<If>();
        return visit_expr(i->test) && visit_stmts(i->body) && visit_stmts(i->orelse);
      }
      case StmtKind::Match: {
        auto* m = s->as<Match>();
        if (!visit_expr(m->subject)) return false;
        for (MatchCase* mc : m->cases) {
          if (!visit_pattern(mc->pattern)) return false;
          if (mc->guard && !visit_expr(mc->guard)) return false;
          if (!visit_stmts(mc->body)) return false;
        }
        return true;
      }
      case StmtKind::Raise: {
        auto* r = s->as<Raise>();
        if (r->exc && !visit_expr(r->exc)) return false;
        return !r->cause || visit_expr(r->cause);
      }
      case StmtKind::Try:
      case StmtKind::TryStar: {
        auto* t = s->as<Try>();
        if (!visit_stmts(t->body) || !visit_stmts(t->orelse)) return false;
        for (ExceptHandler* h : t->handlers) {
          if (h->type && !visit_expr(h->type)) return false;
          if (h->name.data() && !add_def(h->name, DEF_LOCAL, h->loc)) return false;
          if (!visit_stmts(h->body)) return false;
        }
        return visit_stmts(t->finalbody);
      }
      case StmtKind::Assert: {
        auto* a = s->as<Assert>();
        return visit_expr(a->test) && (!a->msg || visit_expr(a->msg));
      }
      case StmtKind::Import:
        for (Alias* a : s->as<Import>()->names)
          if (!visit_alias(a)) return false;
        return true;
      case StmtKind::ImportFrom:
        for (Alias* a : s->as<ImportFrom>()->names)
          if (!visit_alias(a)) return false;
        return true;
      case StmtKind::Global: return visit_global_nonlocal(s, s->as<Global>()->names, true);
      case StmtKind::Nonlocal: return visit_global_nonlocal(s, s->as<Nonlocal>()->names, false);
      case StmtKind::Expr: return visit_expr(s->as<ExprStmt>()->value);
      case StmtKind::Pass:
      case StmtKind::Break:
      case StmtKind::Continue: return true;
      case StmtKind::With:
      case StmtKind::AsyncWith: {
        auto* w = s->as<With>();
        for (WithItem* it : w->items) {
          if (!visit_expr(it->context_expr)) return false;
          if (it->optional_vars && !visit_expr(it->optional_vars)) return false;
        }
        return visit_stmts(w->body);
      }
    }
    return true;
  }

  bool visit_type_params(const Span<TypeParam*>& params) {
    for (TypeParam* tp : params) {
      if (!add_def(tp->name, DEF_LOCAL, tp->loc)) return false;
      if (tp->bound && !visit_expr(tp->bound)) return false;
    }
    return true;
  }

  bool visit_pattern(Pattern* p) {
    switch (p->kind) {
      case PatternKind::MatchValue: return visit_expr(p->as<MatchValue>()->value);
      case PatternKind::MatchSingleton: return true;
      case PatternKind::MatchSequence:
        for (Pattern* q : p->as<MatchSequence>()->patterns)
          if (!visit_pattern(q)) return false;
        return true;
      case PatternKind::MatchStar: {
        auto* m = p->as<MatchStar>();
        return !m->name.data() || add_def(m->name, DEF_LOCAL, p->loc);
      }
      case PatternKind::MatchAs: {
        auto* m = p->as<MatchAs>();
        if (m->pattern && !visit_pattern(m->pattern)) return false;
        return !m->name.data() || add_def(m->name, DEF_LOCAL, p->loc);
      }
      case PatternKind::MatchOr:
        for (Pattern* q : p->as<MatchOr>()->patterns)
          if (!visit_pattern(q)) return false;
        return true;
      case PatternKind::MatchClass: {
        auto* m = p->as<MatchClass>();
        if (!visit_expr(m->cls)) return false;
        for (Pattern* q : m->patterns)
          if (!visit_pattern(q)) return false;
        for (Pattern* q : m->kwd_patterns)
          if (!visit_pattern(q)) return false;
        return true;
      }
      case PatternKind::MatchMapping: {
        auto* m = p->as<MatchMapping>();
        if (!visit_exprs(m->keys)) return false;
        for (Pattern* q : m->patterns)
          if (!visit_pattern(q)) return false;
        return !m->rest.data() || add_def(m->rest, DEF_LOCAL, p->loc);
      }
    }
    return true;
  }

  // ---- expressions ------------------------------------------------------------------------------
  bool raise_if_comprehension(Expr* e) {
    const char* msg = "'yield' inside generator expression";
    switch (cur->comprehension) {
      case CompKind::List: msg = "'yield' inside list comprehension"; break;
      case CompKind::Set: msg = "'yield' inside set comprehension"; break;
      case CompKind::Dict: msg = "'yield' inside dict comprehension"; break;
      default: break;
    }
    return error(msg, e->loc);
  }

  bool extend_namedexpr_scope(Expr* target) {
    auto* n = target->as<Name>();
    std::string mangled = symtable_mangle(priv, n->id);
    for (size_t i = stack.size(); i-- > 0;) {
      SymTableEntry* ste = stack[i];
      if (ste->comprehension != CompKind::None) {
        uint32_t f = ste->flags_of(mangled);
        if ((f & DEF_COMP_ITER) && (f & DEF_LOCAL))
          return error("assignment expression cannot rebind comprehension iteration variable '" +
                           std::string(n->id) + "'",
                       target->loc);
        continue;
      }
      if (ste->type == BlockType::Function) {
        uint32_t f = ste->flags_of(mangled);
        if (!add_def(n->id, (f & DEF_GLOBAL) ? DEF_GLOBAL : DEF_NONLOCAL, target->loc)) return false;
        record_directive(n->id, target->loc);
        return add_def_helper(n->id, DEF_LOCAL, ste, target->loc);
      }
      if (ste->type == BlockType::Module) {
        if (!add_def(n->id, DEF_GLOBAL, target->loc)) return false;
        record_directive(n->id, target->loc);
        return add_def_helper(n->id, DEF_GLOBAL, ste, target->loc);
      }
      if (ste->type == BlockType::Class)
        return error("assignment expression within a comprehension cannot be used in a class body",
                     target->loc);
    }
    return true;
  }

  bool handle_comprehension(Expr* e, const char* scope_name, CompKind kind,
                            const Span<Comprehension*>& gens, Expr* elt, Expr* value) {
    Comprehension* outer = gens[0];
    cur->comp_iter_expr++;
    bool ok = visit_expr(outer->iter);
    cur->comp_iter_expr--;
    if (!ok) return false;
    enter_block(scope_name, BlockType::Function, e, e->loc);
    cur->comprehension = kind;
    if (outer->is_async) cur->coroutine = true;
    if (!add_def(".0", DEF_PARAM, e->loc)) return false;
    cur->comp_iter_target = true;
    ok = visit_expr(outer->target);
    cur->comp_iter_target = false;
    if (!ok || !visit_exprs(outer->ifs)) return false;
    for (size_t i = 1; i < gens.size(); i++) {
      Comprehension* g = gens[i];
      cur->comp_iter_target = true;
      ok = visit_expr(g->target);
      cur->comp_iter_target = false;
      if (!ok) return false;
      cur->comp_iter_expr++;
      ok = visit_expr(g->iter);
      cur->comp_iter_expr--;
      if (!ok || !visit_exprs(g->ifs)) return false;
      if (g->is_async) cur->coroutine = true;
    }
    if (value && !visit_expr(value)) return false;
    if (!visit_expr(elt)) return false;
    bool is_generator = kind == CompKind::Generator;
    cur->generator = is_generator;
    bool is_async = cur->coroutine && !is_generator;
    exit_block();
    if (is_async) cur->coroutine = true;
    return true;
  }

  bool visit_expr(Expr* e) {
    switch (e->kind) {
      case ExprKind::NamedExpr: {
        auto* n = e->as<NamedExpr>();
        if (cur->comp_iter_expr > 0)
          return error("assignment expression cannot be used in a comprehension iterable expression",
                       e->loc);
        if (cur->comprehension != CompKind::None && !extend_namedexpr_scope(n->target)) return false;
        return visit_expr(n->value) && visit_expr(n->target);
      }
      case ExprKind::BoolOp: return visit_exprs(e->as<BoolOp>()->values);
      case ExprKind::BinOp: {
        auto* b = e->as<BinOp>();
        return visit_expr(b->left) && visit_expr(b->right);
      }
      case ExprKind::UnaryOp: return visit_expr(e->as<UnaryOp>()->operand);
      case ExprKind::Lambda: {
        auto* l = e->as<Lambda>();
        if (!visit_exprs(l->args->defaults) || !visit_exprs(l->args->kw_defaults)) return false;
        enter_block("lambda", BlockType::Function, e, e->loc);
        cur->is_lambda = true;
        if (!visit_arguments(l->args) || !visit_expr(l->body)) return false;
        exit_block();
        return true;
      }
      case ExprKind::IfExp: {
        auto* i = e->as<IfExp>();
        return visit_expr(i->test) && visit_expr(i->body) && visit_expr(i->orelse);
      }
      case ExprKind::Dict: {
        auto* d = e->as<Dict>();
        return visit_exprs(d->keys) && visit_exprs(d->values);
      }
      case ExprKind::Set: return visit_exprs(e->as<Set>()->elts);
      case ExprKind::GeneratorExp: {
        auto* g = e->as<GeneratorExp>();
        return handle_comprehension(e, "genexpr", CompKind::Generator, g->generators, g->elt, nullptr);
      }
      case ExprKind::ListComp: {
        auto* g = e->as<ListComp>();
        return handle_comprehension(e, "listcomp", CompKind::List, g->generators, g->elt, nullptr);
      }
      case ExprKind::SetComp: {
        auto* g = e->as<SetComp>();
        return handle_comprehension(e, "setcomp", CompKind::Set, g->generators, g->elt, nullptr);
      }
      case ExprKind::DictComp: {
        auto* g = e->as<DictComp>();
        return handle_comprehension(e, "dictcomp", CompKind::Dict, g->generators, g->key, g->value);
      }
      case ExprKind::Yield: {
        auto* y = e->as<Yield>();
        if (y->value && !visit_expr(y->value)) return false;
        cur->generator = true;
        if (cur->comprehension != CompKind::None) return raise_if_comprehension(e);
        return true;
      }
      case ExprKind::YieldFrom: {
        if (!visit_expr(e->as<YieldFrom>()->value)) return false;
        cur->generator = true;
        if (cur->comprehension != CompKind::None) return raise_if_comprehension(e);
        return true;
      }
      case ExprKind::Await: {
        if (!visit_expr(e->as<Await>()->value)) return false;
        cur->coroutine = true;
        return true;
      }
      case ExprKind::Compare: {
        auto* c = e->as<Compare>();
        return visit_expr(c->left) && visit_exprs(c->comparators);
      }
      case ExprKind::Call: {
        auto* c = e->as<Call>();
        if (!visit_expr(c->func) || !visit_exprs(c->args)) return false;
        for (Keyword* k : c->keywords)
          if (!visit_expr(k->value)) return false;
        return true;
      }
      case ExprKind::FormattedValue: {
        auto* f = e->as<FormattedValue>();
        return visit_expr(f->value) && (!f->format_spec || visit_expr(f->format_spec));
      }
      case ExprKind::JoinedStr: return visit_exprs(e->as<JoinedStr>()->values);
      case ExprKind::Constant: return true;
      case ExprKind::Attribute: return visit_expr(e->as<Attribute>()->value);
      case ExprKind::Subscript: {
        auto* s = e->as<Subscript>();
        return visit_expr(s->value) && visit_expr(s->slice);
      }
      case ExprKind::Starred: return visit_expr(e->as<Starred>()->value);
      case ExprKind::Slice: {
        auto* s = e->as<Slice>();
        return (!s->lower || visit_expr(s->lower)) && (!s->upper || visit_expr(s->upper)) &&
               (!s->step || visit_expr(s->step));
      }
      case ExprKind::Name: {
        auto* n = e->as<Name>();
        if (!add_def(n->id, e->ctx == ExprContext::Load ? USE : DEF_LOCAL, e->loc)) return false;
        if (e->ctx == ExprContext::Load && cur->is_function_like() && n->id == "super") {
          if (!add_def("__class__", USE, e->loc)) return false;
        }
        return true;
      }
      case ExprKind::List: return visit_exprs(e->as<List>()->elts);
      case ExprKind::Tuple: return visit_exprs(e->as<Tuple>()->elts);
    }
    return true;
  }
};

// ---- analysis -----------------------------------------------------------------------------------
struct Analyzer {
  CompileErrorInfo* err;

  bool error_at_directive(SymTableEntry* ste, const std::string& name, const std::string& msg) {
    Loc loc = ste->loc;
    for (auto& d : ste->directives) {
      if (d.name == name) {
        loc = d.loc;
        break;
      }
    }
    if (!err->set) {
      err->msg = msg;
      err->loc = loc;
      err->set = true;
      err->from_symtable = true;
    }
    return false;
  }

  bool analyze_name(SymTableEntry* ste, std::unordered_map<std::string, Scope>& scopes,
                    const std::string& name, uint32_t flags, NameSet* bound, NameSet& local,
                    NameSet& free, NameSet& global) {
    if (flags & DEF_GLOBAL) {
      if (flags & DEF_NONLOCAL)
        return error_at_directive(ste, name, "name '" + name + "' is nonlocal and global");
      scopes[name] = Scope::GlobalExplicit;
      global.insert(name);
      if (bound) bound->erase(name);
      return true;
    }
    if (flags & DEF_NONLOCAL) {
      if (!bound)
        return error_at_directive(ste, name, "nonlocal declaration not allowed at module level");
      if (!bound->count(name))
        return error_at_directive(ste, name, "no binding for nonlocal '" + name + "' found");
      scopes[name] = Scope::Free;
      ste->free = true;
      free.insert(name);
      return true;
    }
    if (flags & DEF_BOUND) {
      scopes[name] = Scope::Local;
      local.insert(name);
      global.erase(name);
      return true;
    }
    if (bound && bound->count(name)) {
      scopes[name] = Scope::Free;
      ste->free = true;
      free.insert(name);
      return true;
    }
    if (global.count(name)) {
      scopes[name] = Scope::GlobalImplicit;
      return true;
    }
    if (ste->nested) ste->free = true;
    scopes[name] = Scope::GlobalImplicit;
    return true;
  }

  bool analyze_block(SymTableEntry* ste, NameSet* bound, NameSet& free, NameSet& global) {
    NameSet local, newglobal, newfree, newbound;
    std::unordered_map<std::string, Scope> scopes;
    bool is_class = ste->type == BlockType::Class;
    if (is_class) {
      newglobal = global;
      if (bound) newbound = *bound;
    }
    for (const std::string& name : ste->symbol_order) {
      if (!analyze_name(ste, scopes, name, ste->symbols[name].flags, bound, local, free, global))
        return false;
    }
    if (!is_class) {
      if (ste->is_function_like()) newbound.insert(local.begin(), local.end());
      if (bound) newbound.insert(bound->begin(), bound->end());
      newglobal.insert(global.begin(), global.end());
    } else {
      newbound.insert("__class__");
    }
    for (SymTableEntry* child : ste->children) {
      NameSet child_bound = newbound;
      NameSet child_free = newfree;
      NameSet child_global = newglobal;
      if (!analyze_block(child, &child_bound, child_free, child_global)) return false;
      newfree.insert(child_free.begin(), child_free.end());
      if (child->free || child->child_free) ste->child_free = true;
    }
    if (ste->is_function_like()) {
      // analyze_cells: locals captured by children become cells.
      for (auto& [name, scope] : scopes) {
        if (scope != Scope::Local) continue;
        if (!newfree.count(name)) continue;
        scope = Scope::Cell;
        newfree.erase(name);
      }
    } else if (is_class) {
      if (newfree.erase("__class__")) ste->needs_class_closure = true;
    }
    // update_symbols
    for (const std::string& name : ste->symbol_order) {
      ste->symbols[name].scope = scopes[name];
    }
    // Free variables of children not resolved here propagate up (sorted iteration is not needed:
    // symbol_order only affects error order, and these are never errors).
    std::vector<std::string> pending(newfree.begin(), newfree.end());
    std::sort(pending.begin(), pending.end());
    for (const std::string& name : pending) {
      auto it = ste->symbols.find(name);
      if (it != ste->symbols.end()) {
        if (is_class) it->second.flags |= DEF_FREE_CLASS;
        continue;
      }
      if (bound && !bound->count(name)) continue;  // a global
      ste->symbol_order.push_back(name);
      ste->symbols[name] = Symbol{DEF_FREE, Scope::Free};
    }
    free.insert(newfree.begin(), newfree.end());
    return true;
  }
};

}  // namespace

std::unique_ptr<SymTable> symtable_build(const Module* mod, CompileErrorInfo* err) {
  auto st = std::make_unique<SymTable>();
  Builder b{st.get(), err};
  b.enter_block("top", BlockType::Module, mod, Loc{1, 0, 1, 0});
  bool ok = true;
  if (mod->kind == ModKind::Expression) {
    ok = b.visit_expr(mod->expr);
  } else {
    ok = b.visit_stmts(mod->body);
  }
  if (!ok) return nullptr;
  b.exit_block();
  Analyzer a{err};
  NameSet free, global;
  if (!a.analyze_block(st->top, nullptr, free, global)) return nullptr;
  return st;
}

}  // namespace gilpy::compiler

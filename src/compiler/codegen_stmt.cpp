// Code generation, part 2: statements.
//
// Control flow follows CPython 3.12's compile.c exactly (compiler_if, compiler_while, compiler_for,
// compiler_try_except, compiler_try_finally, compiler_with, compiler_return/break/continue with
// the "frame block" stack that unwinds enclosing try/finally, with and except blocks), so the
// exception table and the stack layout at every handler are CPython's:
//   SETUP_FINALLY  handler receives [... exc]
//   SETUP_CLEANUP  handler receives [... lasti exc]
//   SETUP_WITH     handler receives [... __exit__ lasti exc]
#include "compiler/codegen.h"
#include "core/error.h"
#include "objects/containers.h"
#include "objects/intobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"

namespace gilpy::compiler {

using namespace gilpy::parser;

bool Compiler::visit_stmts(const Span<Stmt*>& stmts) {
  for (Stmt* s : stmts)
    if (!visit_stmt(s)) return false;
  return true;
}

bool Compiler::visit_stmt(Stmt* s) {
  Loc loc = s->loc;
  switch (s->kind) {
    case StmtKind::FunctionDef: return function_def(s);
    case StmtKind::AsyncFunctionDef: return function_def(s);
    case StmtKind::ClassDef: return class_def(s);
    case StmtKind::Return: return return_stmt(s);
    case StmtKind::Delete: return delete_stmt(s);
    case StmtKind::Assign: return assign(s);
    case StmtKind::AugAssign: return augassign(s);
    case StmtKind::AnnAssign: return annassign(s);
    case StmtKind::For: return for_stmt(s);
    case StmtKind::While: return while_stmt(s);
    case StmtKind::If: return if_stmt(s);
    case StmtKind::Match: return match_stmt(s);
    case StmtKind::Raise: return raise_stmt(s);
    case StmtKind::Try: return try_stmt(s);
    case StmtKind::TryStar: return try_stmt(s);
    case StmtKind::Assert: return assert_stmt(s);
    case StmtKind::Import: return import_stmt(s);
    case StmtKind::ImportFrom: return import_from(s);
    case StmtKind::Global:
    case StmtKind::Nonlocal: return true;
    case StmtKind::Expr: return stmt_expr(loc, s->as<ExprStmt>()->value);
    case StmtKind::Pass: emit(OP_NOP, 0, loc); return true;
    case StmtKind::Break: return break_stmt(loc);
    case StmtKind::Continue: return continue_stmt(loc);
    case StmtKind::With: return with_stmt(s, 0);
    case StmtKind::AsyncWith: return async_with_stmt(s, 0);
    case StmtKind::AsyncFor: return async_for_stmt(s);
    case StmtKind::TypeAlias: return type_alias(s);
  }
  return true;
}

bool Compiler::stmt_expr(const Loc& loc, Expr* value) {
  if (u_->in_interactive && nest_level_ <= 1) {
    if (!visit_expr(value)) return false;
    emit(OP_CALL_INTRINSIC_1, INTRINSIC_PRINT, loc);
    emit(OP_POP_TOP, 0, kNoLoc);
    return true;
  }
  if (value->kind == ExprKind::Constant) {
    emit(OP_NOP, 0, loc);  // a constant statement does nothing (but keeps its line)
    return true;
  }
  if (!visit_expr(value)) return false;
  emit(OP_POP_TOP, 0, kNoLoc);
  return true;
}

bool Compiler::assign(Stmt* s) {
  auto* a = s->as<Assign>();
  if (!visit_expr(a->value)) return false;
  size_t n = a->targets.size();
  for (size_t i = 0; i < n; i++) {
    if (i < n - 1) emit(OP_COPY, 1, s->loc);
    if (!visit_expr(a->targets[i])) return false;
  }
  return true;
}

int binop_code(BinOperator op, bool inplace);

bool Compiler::augassign(Stmt* s) {
  auto* a = s->as<AugAssign>();
  Expr* e = a->target;
  Loc loc = e->loc;
  switch (e->kind) {
    case ExprKind::Attribute: {
      auto* at = e->as<Attribute>();
      if (!visit_expr(at->value)) return false;
      emit(OP_COPY, 1, loc);
      loc = update_start_location_to_match_attr(loc, e);
      emit_name(OP_LOAD_ATTR, at->attr, loc);
      break;
    }
    case ExprKind::Subscript: {
      auto* sub = e->as<Subscript>();
      if (!visit_expr(sub->value)) return false;
      if (is_two_element_slice(sub->slice)) {
        if (slice_parts(sub->slice) < 0) return false;
        emit(OP_COPY, 3, loc);
        emit(OP_COPY, 3, loc);
        emit(OP_COPY, 3, loc);
        emit(OP_BINARY_SLICE, 0, loc);
      } else {
        if (!visit_expr(sub->slice)) return false;
        emit(OP_COPY, 2, loc);
        emit(OP_COPY, 2, loc);
        emit(OP_BINARY_SUBSCR, 0, loc);
      }
      break;
    }
    case ExprKind::Name:
      if (!nameop(e->as<Name>()->id, ExprContext::Load, loc)) return false;
      break;
    default: return error("'" + std::string(name_of(e->kind)) + "' is an illegal expression for augmented assignment", loc);
  }
  if (!visit_expr(a->value)) return false;
  emit(OP_BINARY_OP, binop_code(a->op, true), s->loc);
  loc = e->loc;
  switch (e->kind) {
    case ExprKind::Attribute:
      loc = update_start_location_to_match_attr(loc, e);
      emit(OP_SWAP, 2, loc);
      emit_name(OP_STORE_ATTR, e->as<Attribute>()->attr, loc);
      return true;
    case ExprKind::Subscript:
      if (is_two_element_slice(e->as<Subscript>()->slice)) {
        emit(OP_SWAP, 4, loc);
        emit(OP_SWAP, 3, loc);
        emit(OP_SWAP, 2, loc);
        emit(OP_STORE_SLICE, 0, loc);
      } else {
        emit(OP_SWAP, 3, loc);
        emit(OP_SWAP, 2, loc);
        emit(OP_STORE_SUBSCR, 0, loc);
      }
      return true;
    default: return nameop(e->as<Name>()->id, ExprContext::Store, loc);
  }
}

bool Compiler::annassign(Stmt* s) {
  auto* a = s->as<AnnAssign>();
  Loc loc = s->loc;
  Expr* targ = a->target;
  if (a->value) {
    if (!visit_expr(a->value) || !visit_expr(targ)) return false;
  }
  bool module_or_class = u_->scope_type == ScopeType::Module || u_->scope_type == ScopeType::Class;
  switch (targ->kind) {
    case ExprKind::Name:
      if (a->simple && module_or_class) {
        if (!visit_expr(a->annotation)) return false;
        emit(OP_LOAD_NAME, add_name_unmangled("__annotations__"), loc);
        Object* key = str_from_utf8(mangle(targ->as<Name>()->id));
        if (!key || !load_const(str_intern(key), loc)) return false;
        emit(OP_STORE_SUBSCR, 0, loc);
      }
      break;
    case ExprKind::Attribute:
      if (!a->value) {
        if (!visit_expr(targ->as<Attribute>()->value)) return false;
        emit(OP_POP_TOP, 0, loc);
      }
      break;
    case ExprKind::Subscript:
      if (!a->value) {
        auto* sub = targ->as<Subscript>();
        if (!visit_expr(sub->value)) return false;
        emit(OP_POP_TOP, 0, loc);
        if (!visit_expr(sub->slice)) return false;
        emit(OP_POP_TOP, 0, loc);
      }
      break;
    default: return error("invalid target for annotated assignment", loc);
  }
  if (!a->simple && module_or_class) {
    if (!visit_expr(a->annotation)) return false;
    emit(OP_POP_TOP, 0, loc);
  }
  return true;
}

bool Compiler::if_stmt(Stmt* s) {
  auto* i = s->as<If>();
  int end = new_label();
  int next = i->orelse.empty() ? end : new_label();
  if (!jump_if(s->loc, i->test, next, false)) return false;
  if (!visit_stmts(i->body)) return false;
  if (!i->orelse.empty()) {
    emit_jump(PSEUDO_JUMP, end, kNoLoc);
    use_label(next);
    if (!visit_stmts(i->orelse)) return false;
  }
  use_label(end);
  return true;
}

bool Compiler::while_stmt(Stmt* s) {
  auto* w = s->as<While>();
  int loop = new_label(), body = new_label(), end = new_label(), anchor = new_label();
  use_label(loop);
  if (!push_fblock(FBlockType::WhileLoop, loop, end, nullptr, s->loc)) return false;
  if (!jump_if(s->loc, w->test, anchor, false)) return false;
  use_label(body);
  if (!visit_stmts(w->body)) return false;
  if (!jump_if(s->loc, w->test, body, true)) return false;
  pop_fblock();
  use_label(anchor);
  if (!visit_stmts(w->orelse)) return false;
  use_label(end);
  return true;
}

bool Compiler::for_stmt(Stmt* s) {
  auto* f = s->as<For>();
  Loc loc = s->loc;
  int start = new_label(), body = new_label(), cleanup = new_label(), end = new_label();
  if (!push_fblock(FBlockType::ForLoop, start, end, nullptr, loc)) return false;
  if (!visit_iter(f->iter)) return false;
  emit(OP_GET_ITER, 0, loc);
  use_label(start);
  emit_jump(OP_FOR_ITER, cleanup, loc);
  use_label(body);
  if (!visit_expr(f->target)) return false;
  if (!visit_stmts(f->body)) return false;
  emit_jump(PSEUDO_JUMP, start, kNoLoc);
  use_label(cleanup);  // FOR_ITER has popped the exhausted iterator
  pop_fblock();
  if (!visit_stmts(f->orelse)) return false;
  use_label(end);
  return true;
}

bool Compiler::pop_except_and_reraise(const Loc& loc) {
  // [... prev_exc lasti exc] -> restore prev_exc as the handled exception, re-raise exc.
  emit(OP_COPY, 3, loc);
  emit(OP_POP_EXCEPT, 0, loc);
  emit(OP_RERAISE, 1, loc);
  return true;
}

bool Compiler::call_exit_with_nones(const Loc& loc) {
  // [__exit__] -> [__exit__ None None None] CALL 2: __exit__ fills the callable slot, the first
  // None the self slot: __exit__(None, None, None).
  load_none(loc);
  load_none(loc);
  load_none(loc);
  emit(OP_CALL, 2, loc);
  return true;
}

bool Compiler::unwind_fblock(const FBlock& info, bool preserve_tos, Loc* loc) {
  switch (info.type) {
    case FBlockType::WhileLoop:
    case FBlockType::ExceptionHandler:
    case FBlockType::ExceptionGroupHandler:
    case FBlockType::AsyncComprehensionGenerator: return true;
    case FBlockType::ForLoop:
      if (preserve_tos) emit(OP_SWAP, 2, *loc);
      emit(OP_POP_TOP, 0, *loc);  // the iterator
      return true;
    case FBlockType::TryExcept: emit(PSEUDO_POP_BLOCK, 0, *loc); return true;
    case FBlockType::FinallyTry: {
      emit(PSEUDO_POP_BLOCK, 0, *loc);
      if (preserve_tos && !push_fblock(FBlockType::PopValue, -1, -1, nullptr, *loc)) return false;
      auto* t = static_cast<const Try*>(info.datum);
      if (!visit_stmts(t->finalbody)) return false;
      if (preserve_tos) pop_fblock();
      return true;
    }
    case FBlockType::FinallyEnd:
      if (preserve_tos) emit(OP_SWAP, 2, *loc);
      emit(OP_POP_TOP, 0, *loc);  // exc_value
      if (preserve_tos) emit(OP_SWAP, 2, *loc);
      emit(PSEUDO_POP_BLOCK, 0, *loc);
      emit(OP_POP_EXCEPT, 0, *loc);
      return true;
    case FBlockType::With:
    case FBlockType::AsyncWith: {
      *loc = static_cast<const Stmt*>(info.datum)->loc;
      emit(PSEUDO_POP_BLOCK, 0, *loc);
      if (preserve_tos) emit(OP_SWAP, 2, *loc);
      call_exit_with_nones(*loc);
      if (info.type == FBlockType::AsyncWith) {
        emit(OP_GET_AWAITABLE, 2, *loc);
        load_none(*loc);
        add_yield_from(*loc, true);
      }
      emit(OP_POP_TOP, 0, *loc);
      *loc = kNoLoc;
      return true;
    }
    case FBlockType::HandlerCleanup:
      if (info.datum) emit(PSEUDO_POP_BLOCK, 0, *loc);
      if (preserve_tos) emit(OP_SWAP, 2, *loc);
      emit(PSEUDO_POP_BLOCK, 0, *loc);
      emit(OP_POP_EXCEPT, 0, *loc);
      if (info.datum) {
        load_none(*loc);
        if (!nameop(info.name, ExprContext::Store, *loc)) return false;
        if (!nameop(info.name, ExprContext::Del, *loc)) return false;
      }
      return true;
    case FBlockType::PopValue:
      if (preserve_tos) emit(OP_SWAP, 2, *loc);
      emit(OP_POP_TOP, 0, *loc);
      return true;
  }
  return true;
}

bool Compiler::unwind_fblock_stack(bool preserve_tos, int* loop, Loc* loc) {
  if (u_->fblocks.empty()) return true;
  FBlock& top = u_->fblocks.back();
  if (top.type == FBlockType::ExceptionGroupHandler)
    return error("'break', 'continue' and 'return' cannot appear in an except* block", *loc);
  if (loop && (top.type == FBlockType::WhileLoop || top.type == FBlockType::ForLoop)) {
    *loop = int(u_->fblocks.size()) - 1;
    return true;
  }
  FBlock copy = top;
  u_->fblocks.pop_back();
  if (!unwind_fblock(copy, preserve_tos, loc)) return false;
  if (!unwind_fblock_stack(preserve_tos, loop, loc)) return false;
  u_->fblocks.push_back(copy);
  return true;
}

bool Compiler::return_stmt(Stmt* s) {
  auto* r = s->as<Return>();
  Loc loc = s->loc;
  bool preserve_tos = r->value && r->value->kind != ExprKind::Constant;
  if (!u_->ste->is_function_like()) return error("'return' outside function", loc);
  if (r->value && u_->ste->coroutine && u_->ste->generator)
    return error("'return' with value in async generator", loc);
  if (preserve_tos) {
    if (!visit_expr(r->value)) return false;
  } else if (r->value) {
    emit(OP_NOP, 0, r->value->loc);
  }
  if (!r->value || r->value->loc.lineno != s->loc.lineno) {
    loc = s->loc;
    emit(OP_NOP, 0, loc);
  }
  if (!unwind_fblock_stack(preserve_tos, nullptr, &loc)) return false;
  if (!r->value) {
    load_none(loc);
  } else if (!preserve_tos) {
    Object* v = constant_value(r->value);
    if (!v || !load_const(v, loc)) return false;
  }
  emit(OP_RETURN_VALUE, 0, loc);
  return true;
}

bool Compiler::break_stmt(const Loc& origin) {
  Loc loc = origin;
  int loop = -1;
  emit(OP_NOP, 0, loc);
  if (!unwind_fblock_stack(false, &loop, &loc)) return false;
  if (loop < 0) return error("'break' outside loop", origin);
  FBlock l = u_->fblocks[size_t(loop)];
  if (!unwind_fblock(l, false, &loc)) return false;
  emit_jump(PSEUDO_JUMP, l.exit, loc);
  return true;
}

bool Compiler::continue_stmt(const Loc& origin) {
  Loc loc = origin;
  int loop = -1;
  emit(OP_NOP, 0, loc);
  if (!unwind_fblock_stack(false, &loop, &loc)) return false;
  if (loop < 0) return error("'continue' not properly in loop", origin);
  emit_jump(PSEUDO_JUMP, u_->fblocks[size_t(loop)].block, loc);
  return true;
}

bool Compiler::try_stmt(Stmt* s) {
  auto* t = s->as<Try>();
  if (!t->finalbody.empty()) return try_finally(s);
  if (s->kind == StmtKind::TryStar) return try_star_except(s);
  return try_except(s);
}

// try: ... except* T as e: ... (CPython 3.12's compiler_try_star_except). The handlers run in turn
// on what the previous ones left unmatched, each exception they raise is collected in a list, and
// CALL_INTRINSIC_2 PREP_RERAISE_STAR combines the unhandled rest and the raised ones into the
// exception group to re-raise (or None).
//   [prev orig]  -> BUILD_LIST, COPY 2 -> [prev orig list exc]
//   each handler: [... list exc type] CHECK_EG_MATCH -> [... list rest match]
bool Compiler::try_star_except(Stmt* s) {
  auto* t = s->as<Try>();
  Loc loc = s->loc;
  int body = new_label(), except = new_label(), orelse = new_label(), end = new_label(),
      cleanup = new_label(), reraise_star = new_label();
  emit_jump(PSEUDO_SETUP_FINALLY, except, loc);
  use_label(body);
  if (!push_fblock(FBlockType::TryExcept, body, -1, nullptr, loc)) return false;
  if (!visit_stmts(t->body)) return false;
  pop_fblock();
  emit(PSEUDO_POP_BLOCK, 0, kNoLoc);
  emit_jump(PSEUDO_JUMP, orelse, kNoLoc);
  size_t n = t->handlers.size();
  use_label(except);
  emit_jump(PSEUDO_SETUP_CLEANUP, cleanup, kNoLoc);
  emit(OP_PUSH_EXC_INFO, 0, kNoLoc);
  if (!push_fblock(FBlockType::ExceptionGroupHandler, -1, -1, nullptr, loc)) return false;
  for (size_t i = 0; i < n; i++) {
    ExceptHandler* h = t->handlers[i];
    Loc hloc = h->loc;
    int next_except = new_label();
    except = next_except;
    int except_with_error = new_label(), no_match = new_label();
    if (i == 0) {
      emit(OP_BUILD_LIST, 0, hloc);
      emit(OP_COPY, 2, hloc);
    }
    if (h->type) {
      if (!visit_expr(h->type)) return false;
      emit(OP_CHECK_EG_MATCH, 0, hloc);
      emit(OP_COPY, 1, hloc);
      emit_jump(OP_POP_JUMP_IF_NONE, no_match, hloc);
    }
    int cleanup_end = new_label(), cleanup_body = new_label();
    if (h->name.data()) {
      if (!nameop(h->name, ExprContext::Store, hloc)) return false;
    } else {
      emit(OP_POP_TOP, 0, hloc);  // match
    }
    emit_jump(PSEUDO_SETUP_CLEANUP, cleanup_end, hloc);
    use_label(cleanup_body);
    if (!push_fblock(FBlockType::HandlerCleanup, cleanup_body, -1, h->name.data() ? h : nullptr,
                     hloc, h->name))
      return false;
    if (!visit_stmts(h->body)) return false;
    pop_fblock();
    emit(PSEUDO_POP_BLOCK, 0, kNoLoc);
    if (h->name.data()) {
      load_none(kNoLoc);
      if (!nameop(h->name, ExprContext::Store, kNoLoc)) return false;
      if (!nameop(h->name, ExprContext::Del, kNoLoc)) return false;
    }
    emit_jump(PSEUDO_JUMP, except, kNoLoc);
    use_label(cleanup_end);
    if (h->name.data()) {
      load_none(kNoLoc);
      if (!nameop(h->name, ExprContext::Store, kNoLoc)) return false;
      if (!nameop(h->name, ExprContext::Del, kNoLoc)) return false;
    }
    emit(OP_LIST_APPEND, 3, kNoLoc);  // the exception raised by the handler
    emit(OP_POP_TOP, 0, kNoLoc);      // lasti
    emit_jump(PSEUDO_JUMP, except_with_error, kNoLoc);
    use_label(except);
    emit(OP_NOP, 0, kNoLoc);
    emit_jump(PSEUDO_JUMP, except_with_error, kNoLoc);
    use_label(no_match);
    emit(OP_POP_TOP, 0, hloc);  // match (None)
    use_label(except_with_error);
    if (i == n - 1) {
      emit(OP_LIST_APPEND, 1, kNoLoc);  // the unhandled rest (or None)
      emit_jump(PSEUDO_JUMP, reraise_star, kNoLoc);
    }
  }
  pop_fblock();
  int reraise = new_label();
  use_label(reraise_star);
  emit(OP_CALL_INTRINSIC_2, INTRINSIC_PREP_RERAISE_STAR, kNoLoc);
  emit(OP_COPY, 1, kNoLoc);
  emit_jump(OP_POP_JUMP_IF_NOT_NONE, reraise, kNoLoc);
  emit(OP_POP_TOP, 0, kNoLoc);
  emit(PSEUDO_POP_BLOCK, 0, kNoLoc);
  emit(OP_POP_EXCEPT, 0, kNoLoc);
  emit_jump(PSEUDO_JUMP, end, kNoLoc);
  use_label(reraise);
  emit(PSEUDO_POP_BLOCK, 0, kNoLoc);
  emit(OP_SWAP, 2, kNoLoc);
  emit(OP_POP_EXCEPT, 0, kNoLoc);
  emit(OP_RERAISE, 0, kNoLoc);
  use_label(cleanup);
  pop_except_and_reraise(kNoLoc);
  use_label(orelse);
  if (!visit_stmts(t->orelse)) return false;
  use_label(end);
  return true;
}

bool Compiler::try_finally(Stmt* s) {
  auto* t = s->as<Try>();
  Loc loc = s->loc;
  int body = new_label(), end = new_label(), exit = new_label(), cleanup = new_label();
  emit_jump(PSEUDO_SETUP_FINALLY, end, loc);
  use_label(body);
  if (!push_fblock(FBlockType::FinallyTry, body, end, t, loc)) return false;
  if (!t->handlers.empty()) {
    if (!(s->kind == StmtKind::TryStar ? try_star_except(s) : try_except(s))) return false;
  } else {
    if (!visit_stmts(t->body)) return false;
  }
  emit(PSEUDO_POP_BLOCK, 0, kNoLoc);
  pop_fblock();
  if (!visit_stmts(t->finalbody)) return false;
  emit_jump(PSEUDO_JUMP, exit, kNoLoc);
  // The `finally` block run when an exception escaped.
  use_label(end);
  emit_jump(PSEUDO_SETUP_CLEANUP, cleanup, kNoLoc);
  emit(OP_PUSH_EXC_INFO, 0, kNoLoc);
  if (!push_fblock(FBlockType::FinallyEnd, end, -1, nullptr, kNoLoc)) return false;
  if (!visit_stmts(t->finalbody)) return false;
  pop_fblock();
  emit(OP_RERAISE, 0, kNoLoc);
  use_label(cleanup);
  pop_except_and_reraise(kNoLoc);
  use_label(exit);
  return true;
}

bool Compiler::try_except(Stmt* s) {
  auto* t = s->as<Try>();
  Loc loc = s->loc;
  int body = new_label(), except = new_label(), end = new_label(), cleanup = new_label();
  emit_jump(PSEUDO_SETUP_FINALLY, except, loc);
  use_label(body);
  if (!push_fblock(FBlockType::TryExcept, body, -1, nullptr, loc)) return false;
  if (!visit_stmts(t->body)) return false;
  pop_fblock();
  emit(PSEUDO_POP_BLOCK, 0, kNoLoc);
  if (!visit_stmts(t->orelse)) return false;
  emit_jump(PSEUDO_JUMP, end, kNoLoc);
  size_t n = t->handlers.size();
  use_label(except);
  emit_jump(PSEUDO_SETUP_CLEANUP, cleanup, kNoLoc);
  emit(OP_PUSH_EXC_INFO, 0, kNoLoc);
  if (!push_fblock(FBlockType::ExceptionHandler, -1, -1, nullptr, loc)) return false;
  for (size_t i = 0; i < n; i++) {
    ExceptHandler* h = t->handlers[i];
    Loc hloc = h->loc;
    if (!h->type && i < n - 1) return error("default 'except:' must be last", hloc);
    int next_except = new_label();
    except = next_except;
    if (h->type) {
      if (!visit_expr(h->type)) return false;
      emit(OP_CHECK_EXC_MATCH, 0, hloc);
      emit_jump(OP_POP_JUMP_IF_FALSE, except, hloc);
    }
    if (h->name.data()) {
      int cleanup_end = new_label(), cleanup_body = new_label();
      if (!nameop(h->name, ExprContext::Store, hloc)) return false;
      // try: body  finally: name = None; del name
      emit_jump(PSEUDO_SETUP_CLEANUP, cleanup_end, hloc);
      use_label(cleanup_body);
      if (!push_fblock(FBlockType::HandlerCleanup, cleanup_body, -1, h, hloc, h->name)) return false;
      if (!visit_stmts(h->body)) return false;
      pop_fblock();
      emit(PSEUDO_POP_BLOCK, 0, kNoLoc);
      emit(PSEUDO_POP_BLOCK, 0, kNoLoc);
      emit(OP_POP_EXCEPT, 0, kNoLoc);
      load_none(kNoLoc);
      if (!nameop(h->name, ExprContext::Store, kNoLoc)) return false;
      if (!nameop(h->name, ExprContext::Del, kNoLoc)) return false;
      emit_jump(PSEUDO_JUMP, end, kNoLoc);
      use_label(cleanup_end);
      load_none(kNoLoc);
      if (!nameop(h->name, ExprContext::Store, kNoLoc)) return false;
      if (!nameop(h->name, ExprContext::Del, kNoLoc)) return false;
      emit(OP_RERAISE, 1, kNoLoc);
    } else {
      int cleanup_body = new_label();
      emit(OP_POP_TOP, 0, hloc);  // exc_value
      use_label(cleanup_body);
      if (!push_fblock(FBlockType::HandlerCleanup, cleanup_body, -1, nullptr, hloc)) return false;
      if (!visit_stmts(h->body)) return false;
      pop_fblock();
      emit(PSEUDO_POP_BLOCK, 0, kNoLoc);
      emit(OP_POP_EXCEPT, 0, kNoLoc);
      emit_jump(PSEUDO_JUMP, end, kNoLoc);
    }
    use_label(except);
  }
  pop_fblock();
  emit(OP_RERAISE, 0, kNoLoc);
  use_label(cleanup);
  pop_except_and_reraise(kNoLoc);
  use_label(end);
  return true;
}

bool Compiler::with_except_finish(int cleanup) {
  int suppress = new_label();
  emit_jump(OP_POP_JUMP_IF_TRUE, suppress, kNoLoc);
  emit(OP_RERAISE, 2, kNoLoc);
  use_label(suppress);
  emit(OP_POP_TOP, 0, kNoLoc);  // exc_value
  emit(PSEUDO_POP_BLOCK, 0, kNoLoc);
  emit(OP_POP_EXCEPT, 0, kNoLoc);
  emit(OP_POP_TOP, 0, kNoLoc);
  emit(OP_POP_TOP, 0, kNoLoc);
  int exit = new_label();
  emit_jump(PSEUDO_JUMP, exit, kNoLoc);
  use_label(cleanup);
  pop_except_and_reraise(kNoLoc);
  use_label(exit);
  return true;
}

bool Compiler::with_stmt(Stmt* s, size_t pos) {
  auto* w = s->as<With>();
  WithItem* item = w->items[pos];
  int block = new_label(), final = new_label(), exit = new_label(), cleanup = new_label();
  if (!visit_expr(item->context_expr)) return false;
  Loc loc = s->loc;
  emit(OP_BEFORE_WITH, 0, loc);
  emit_jump(PSEUDO_SETUP_WITH, final, loc);
  use_label(block);
  if (!push_fblock(FBlockType::With, block, final, s, loc)) return false;
  if (item->optional_vars) {
    if (!visit_expr(item->optional_vars)) return false;
  } else {
    emit(OP_POP_TOP, 0, loc);  // the result of __enter__()
  }
  pos++;
  if (pos == w->items.size()) {
    if (!visit_stmts(w->body)) return false;
  } else {
    if (!with_stmt(s, pos)) return false;
  }
  emit(PSEUDO_POP_BLOCK, 0, kNoLoc);
  pop_fblock();
  loc = s->loc;
  call_exit_with_nones(loc);
  emit(OP_POP_TOP, 0, loc);
  emit_jump(PSEUDO_JUMP, exit, loc);
  use_label(final);
  emit_jump(PSEUDO_SETUP_CLEANUP, cleanup, loc);
  emit(OP_PUSH_EXC_INFO, 0, loc);
  emit(OP_WITH_EXCEPT_START, 0, loc);
  if (!with_except_finish(cleanup)) return false;
  use_label(exit);
  return true;
}

// async for (CPython 3.12's compiler_async_for): StopAsyncIteration from the awaited __anext__()
// reaches END_ASYNC_FOR, which ends the loop.
bool Compiler::async_for_stmt(Stmt* s) {
  auto* f = s->as<For>();
  Loc loc = s->loc;
  if (u_->scope_type != ScopeType::AsyncFunction)
    return error("'async for' outside async function", loc);
  int start = new_label(), except = new_label(), end = new_label();
  if (!visit_expr(f->iter)) return false;
  emit(OP_GET_AITER, 0, loc);
  use_label(start);
  if (!push_fblock(FBlockType::ForLoop, start, end, nullptr, loc)) return false;
  emit_jump(PSEUDO_SETUP_FINALLY, except, loc);
  emit(OP_GET_ANEXT, 0, loc);
  load_none(loc);
  add_yield_from(loc, true);
  emit(PSEUDO_POP_BLOCK, 0, loc);
  if (!visit_expr(f->target)) return false;
  if (!visit_stmts(f->body)) return false;
  emit_jump(PSEUDO_JUMP, start, kNoLoc);
  pop_fblock();
  use_label(except);
  emit(OP_END_ASYNC_FOR, 0, f->iter->loc);
  if (!visit_stmts(f->orelse)) return false;
  use_label(end);
  return true;
}

// async with (CPython 3.12's compiler_async_with): with_stmt with awaits after __aenter__ and
// __aexit__.
bool Compiler::async_with_stmt(Stmt* s, size_t pos) {
  auto* w = s->as<With>();
  WithItem* item = w->items[pos];
  Loc loc = s->loc;
  if (u_->scope_type != ScopeType::AsyncFunction)
    return error("'async with' outside async function", loc);
  int block = new_label(), final = new_label(), exit = new_label(), cleanup = new_label();
  if (!visit_expr(item->context_expr)) return false;
  emit(OP_BEFORE_ASYNC_WITH, 0, loc);
  emit(OP_GET_AWAITABLE, 1, loc);
  load_none(loc);
  add_yield_from(loc, true);
  emit_jump(PSEUDO_SETUP_WITH, final, loc);
  use_label(block);
  if (!push_fblock(FBlockType::AsyncWith, block, final, s, loc)) return false;
  if (item->optional_vars) {
    if (!visit_expr(item->optional_vars)) return false;
  } else {
    emit(OP_POP_TOP, 0, loc);
  }
  pos++;
  if (pos == w->items.size()) {
    if (!visit_stmts(w->body)) return false;
  } else {
    if (!async_with_stmt(s, pos)) return false;
  }
  pop_fblock();
  emit(PSEUDO_POP_BLOCK, 0, loc);
  call_exit_with_nones(loc);
  emit(OP_GET_AWAITABLE, 2, loc);
  load_none(loc);
  add_yield_from(loc, true);
  emit(OP_POP_TOP, 0, loc);
  emit_jump(PSEUDO_JUMP, exit, loc);
  use_label(final);
  emit_jump(PSEUDO_SETUP_CLEANUP, cleanup, loc);
  emit(OP_PUSH_EXC_INFO, 0, loc);
  emit(OP_WITH_EXCEPT_START, 0, loc);
  emit(OP_GET_AWAITABLE, 2, loc);
  load_none(loc);
  add_yield_from(loc, true);
  if (!with_except_finish(cleanup)) return false;
  use_label(exit);
  return true;
}

bool Compiler::import_stmt(Stmt* s) {
  Loc loc = s->loc;
  for (Alias* a : s->as<Import>()->names) {
    if (!load_const_borrowed(int_from_i64(0), loc)) return false;  // small ints are immortal
    load_none(loc);
    emit(OP_IMPORT_NAME, add_name(a->name), loc);
    std::string_view name = a->name;
    size_t dot = name.find('.');
    if (a->asname.data()) {
      if (dot != std::string_view::npos) {
        // import a.b.c as d: walk the attributes from the top-level package.
        size_t pos = dot + 1;
        while (true) {
          size_t next = name.find('.', pos);
          std::string_view attr = name.substr(pos, next == std::string_view::npos ? std::string_view::npos : next - pos);
          emit(OP_IMPORT_FROM, add_name(attr), loc);
          if (next == std::string_view::npos) break;
          emit(OP_SWAP, 2, loc);
          emit(OP_POP_TOP, 0, loc);
          pos = next + 1;
        }
        if (!nameop(a->asname, ExprContext::Store, loc)) return false;
        emit(OP_POP_TOP, 0, loc);
      } else {
        if (!nameop(a->asname, ExprContext::Store, loc)) return false;
      }
    } else {
      std::string_view store = dot == std::string_view::npos ? name : name.substr(0, dot);
      if (!nameop(store, ExprContext::Store, loc)) return false;
    }
  }
  return true;
}

bool Compiler::import_from(Stmt* s) {
  auto* f = s->as<ImportFrom>();
  Loc loc = s->loc;
  size_t n = f->names.size();
  Object* level = int_from_i64(f->level);
  if (!level || !load_const(level, loc)) return false;
  Ref names = Ref::steal(tuple_new(ssize(n)));
  if (!names) return false;
  for (size_t i = 0; i < n; i++) {
    Object* nm = str_from_utf8(f->names[i]->name);
    if (!nm) return false;
    tuple_set_steal(names.get(), ssize(i), str_intern(nm));
  }
  if (!load_const(names.release(), loc)) return false;
  emit(OP_IMPORT_NAME, add_name(f->module.data() ? f->module : std::string_view("")), loc);
  for (size_t i = 0; i < n; i++) {
    Alias* a = f->names[i];
    if (i == 0 && a->name == "*") {
      emit(OP_CALL_INTRINSIC_1, INTRINSIC_IMPORT_STAR, loc);
      emit(OP_POP_TOP, 0, kNoLoc);
      return true;
    }
    emit(OP_IMPORT_FROM, add_name(a->name), loc);
    if (!nameop(a->asname.data() ? a->asname : a->name, ExprContext::Store, loc)) return false;
  }
  emit(OP_POP_TOP, 0, loc);  // the module
  return true;
}

bool Compiler::raise_stmt(Stmt* s) {
  auto* r = s->as<Raise>();
  int n = 0;
  if (r->exc) {
    if (!visit_expr(r->exc)) return false;
    n++;
    if (r->cause) {
      if (!visit_expr(r->cause)) return false;
      n++;
    }
  }
  emit(OP_RAISE_VARARGS, n, s->loc);
  return true;
}

bool Compiler::assert_stmt(Stmt* s) {
  auto* a = s->as<Assert>();
  if (optimize_) return true;
  int end = new_label();
  if (!jump_if(s->loc, a->test, end, true)) return false;
  emit(OP_LOAD_ASSERTION_ERROR, 0, s->loc);
  if (a->msg) {
    if (!visit_expr(a->msg)) return false;
    // [AssertionError msg] CALL 0 == AssertionError(msg)
    emit(OP_CALL, 0, s->loc);
  }
  emit(OP_RAISE_VARARGS, 1, s->loc);
  use_label(end);
  return true;
}

bool Compiler::delete_stmt(Stmt* s) {
  for (Expr* t : s->as<Delete>()->targets)
    if (!visit_expr(t)) return false;
  return true;
}

}  // namespace gilpy::compiler

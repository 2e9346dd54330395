// Code generation: AST + symbol table -> instruction sequences -> code objects (internal header of
// src/compiler; the public entry point is compile.h).
//
// Design (CPython 3.12's compile.c, with 3.13's separation of concerns):
//  * The Compiler walks the AST of one code unit (module, class body, function, lambda,
//    comprehension) at a time, keeping a stack of Units. A Unit accumulates a FLAT instruction
//    sequence with symbolic labels (Instr.target is a label id for jumps and for the pseudo
//    instructions SETUP_FINALLY / SETUP_CLEANUP / SETUP_WITH that name an exception handler), plus
//    the unit's constant, name and variable tables.
//  * Pseudo instructions (numbered >= 256, never in a code object): JUMP and JUMP_NO_INTERRUPT
//    (direction resolved by the assembler), SETUP_* / POP_BLOCK (they delimit the protected ranges
//    from which the assembler builds the exception table, as CPython's).
//  * Variable opargs: LOAD_FAST & co carry the index in `varnames`; the cell/free opargs (LOAD_DEREF,
//    STORE_DEREF, DELETE_DEREF, LOAD_CLOSURE, MAKE_CELL, LOAD_FROM_DICT_OR_DEREF) carry a "deref
//    index" (cellvars first, then freevars) that the assembler maps to the localsplus slot once the
//    number of locals is known.
//  * The assembler (assembler.cpp) turns a finished Unit into a CodeObject: basic blocks, exception
//    handler labelling, peephole optimisations, dead code removal, LOAD_FAST_CHECK analysis, stack
//    depth, jump resolution, positions and the exception table.
//  * Errors: functions return false. A compile-time SyntaxError is recorded in `err` (message and
//    node span); any other failure leaves a Python exception set (err.set stays false).
//
// Files: codegen.cpp (units, names/constants, scopes, functions, classes, lambdas,
// comprehensions), codegen_stmt.cpp (statements), codegen_expr.cpp (expressions, calls, constant
// folding), codegen_pattern.cpp (match statements), assembler.cpp.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "compiler/symtable.h"
#include "core/object.h"
#include "parser/ast.h"
#include "vm/opcodes.h"

namespace gilpy::compiler {

using parser::Loc;

// Pseudo opcodes (never emitted into a code object).
enum : int {
  PSEUDO_JUMP = 256,
  PSEUDO_JUMP_NO_INTERRUPT,
  PSEUDO_SETUP_FINALLY,  // handler gets [... exc]
  PSEUDO_SETUP_CLEANUP,  // handler gets [... lasti exc]
  PSEUDO_SETUP_WITH,     // as SETUP_CLEANUP, and pops the __enter__ result first
  PSEUDO_POP_BLOCK,
};

inline constexpr Loc kNoLoc{-1, -1, -1, -1};

struct Instr {
  int op;
  int arg;
  int target;  // label id (jumps and SETUP_*), -1 otherwise
  Loc loc;
};

enum class ScopeType : uint8_t {
  Module, Class, Function, AsyncFunction, Lambda, Comprehension,
  TypeParams,  // PEP 695: the scope of a generic function's type parameters / a type alias value
};

enum class FBlockType : uint8_t {
  WhileLoop, ForLoop, TryExcept, FinallyTry, FinallyEnd, With, AsyncWith, HandlerCleanup,
  PopValue, ExceptionHandler, ExceptionGroupHandler, AsyncComprehensionGenerator,
};

struct FBlock {
  FBlockType type;
  int block;  // label: loop start (continue target) ...
  int exit;   // label: loop exit (break target), or -1
  const void* datum;  // FinallyTry: Try*; With: With*; HandlerCleanup: the name's data or null
  std::string_view name;  // HandlerCleanup: the `as` name (empty when none)
  Loc loc;
};

// A string table with insertion-ordered indices.
struct NameTable {
  std::vector<std::string> items;
  std::unordered_map<std::string, int> index;
  int add(const std::string& s) {
    auto it = index.find(s);
    if (it != index.end()) return it->second;
    int i = int(items.size());
    items.push_back(s);
    index.emplace(s, i);
    return i;
  }
  int find(const std::string& s) const {
    auto it = index.find(s);
    return it == index.end() ? -1 : it->second;
  }
  size_t size() const { return items.size(); }
};

struct Unit {
  SymTableEntry* ste = nullptr;
  ScopeType scope_type = ScopeType::Module;
  std::string name, qualname;
  std::string priv;  // class name for mangling ("" when none)

  std::vector<Instr> instrs;
  std::vector<int> label_pos;  // label id -> instruction index (-1 until used)

  std::vector<Object*> consts;  // owned references
  std::unordered_map<std::string, int> const_index;
  NameTable names, varnames, cellvars, freevars;

  int argcount = 0, posonlyargcount = 0, kwonlyargcount = 0;
  int firstlineno = 1;
  std::vector<FBlock> fblocks;
  bool in_interactive = false;

  Unit() = default;
  Unit(const Unit&) = delete;
  Unit& operator=(const Unit&) = delete;
  ~Unit();
};

class Compiler {
 public:
  Compiler(SymTable* st, Object* filename, bool interactive, CompileErrorInfo* err,
           int optimize = 0)
      : st_(st), filename_(filename), interactive_(interactive), err_(err), optimize_(optimize) {}
  // Compile a whole module (exec / single / eval). Returns a new code object or nullptr.
  Object* compile_module(const parser::Module* mod);

  // ---- used by the assembler ----
  static int code_flags(const Unit& u);

 private:
  friend struct ExprCompiler;
  friend struct PatternCompiler;
  SymTable* st_;
  Object* filename_;  // borrowed str
  bool interactive_;
  CompileErrorInfo* err_;
  int optimize_;  // -O level: asserts are dropped and __debug__ is False when > 0
  std::vector<std::unique_ptr<Unit>> units_;
  Unit* u_ = nullptr;
  int nest_level_ = 0;

  // ---- errors ----
  bool error(const std::string& msg, const Loc& loc);

  // ---- emission (codegen.cpp) ----
  int new_label();
  void use_label(int label);
  void emit(int op, int arg, const Loc& loc);
  void emit(int op, const Loc& loc) { emit(op, 0, loc); }
  void emit_jump(int op, int label, const Loc& loc);
  int add_const(Object* stolen);  // -1 on error (stolen even then)
  bool load_const(Object* stolen, const Loc& loc);
  bool load_const_borrowed(Object* o, const Loc& loc);
  bool load_none(const Loc& loc);
  int add_name(std::string_view name);          // mangled with the unit's private name
  int add_name_unmangled(std::string_view name);
  bool emit_name(int op, std::string_view name, const Loc& loc);  // op with a (mangled) co_names arg
  std::string mangle(std::string_view name) const;
  bool nameop(std::string_view name, parser::ExprContext ctx, const Loc& loc);
  int deref_index(const std::string& mangled, bool cell);

  // ---- units / scopes (codegen.cpp) ----
  bool enter_scope(std::string_view name, ScopeType type, const void* key, int lineno);
  // Finish the current unit: assemble it and pop it. Returns the code object (new ref) and fills
  // `freevars` with the code's free variable names (for the closure).
  Object* exit_scope(std::vector<std::string>* freevars, bool add_none_return);
  void set_qualname();
  bool abort_scope();  // drop the current unit after an error; returns false
  bool push_fblock(FBlockType t, int block, int exit, const void* datum, const Loc& loc,
                   std::string_view name = {});
  void pop_fblock();
  bool make_closure(Object* code_stolen, const std::vector<std::string>& freevars, int flags,
                    const Loc& loc);
  bool body(const Loc& loc, const parser::Span<parser::Stmt*>& stmts);

  // ---- definitions (codegen.cpp) ----
  bool function_def(parser::Stmt* s);
  bool class_def(parser::Stmt* s);
  bool lambda(parser::Expr* e);
  bool type_params(const parser::Span<parser::TypeParam*>& params);  // pushes their tuple
  bool type_alias(parser::Stmt* s);
  bool default_arguments(parser::Arguments* args, const Loc& loc, int* flags);
  bool annotations(parser::Arguments* args, parser::Expr* returns, const Loc& loc, int* flags);
  bool decorators(const parser::Span<parser::Expr*>& decos);
  bool apply_decorators(const parser::Span<parser::Expr*>& decos);
  bool comprehension(parser::Expr* e, CompKind kind, const parser::Span<parser::Comprehension*>& gens,
                     parser::Expr* elt, parser::Expr* val);
  bool comprehension_generator(const Loc& loc, const parser::Span<parser::Comprehension*>& gens,
                               size_t index, int depth, parser::Expr* elt, parser::Expr* val,
                               CompKind kind);
  bool wrap_in_stopiteration_handler();
  bool add_yield(const Loc& loc);
  bool add_yield_from(const Loc& loc, bool await);

  // ---- statements (codegen_stmt.cpp) ----
  bool visit_stmts(const parser::Span<parser::Stmt*>& stmts);
  bool visit_stmt(parser::Stmt* s);
  bool stmt_expr(const Loc& loc, parser::Expr* value);
  bool assign(parser::Stmt* s);
  bool augassign(parser::Stmt* s);
  bool annassign(parser::Stmt* s);
  bool if_stmt(parser::Stmt* s);
  bool while_stmt(parser::Stmt* s);
  bool for_stmt(parser::Stmt* s);
  bool return_stmt(parser::Stmt* s);
  bool break_stmt(const Loc& loc);
  bool continue_stmt(const Loc& loc);
  bool try_stmt(parser::Stmt* s);
  bool try_except(parser::Stmt* s);
  bool try_star_except(parser::Stmt* s);
  bool try_finally(parser::Stmt* s);
  bool with_stmt(parser::Stmt* s, size_t pos);
  bool async_with_stmt(parser::Stmt* s, size_t pos);
  bool async_for_stmt(parser::Stmt* s);
  bool with_except_finish(int cleanup);
  bool call_exit_with_nones(const Loc& loc);
  bool import_stmt(parser::Stmt* s);
  bool import_from(parser::Stmt* s);
  bool raise_stmt(parser::Stmt* s);
  bool assert_stmt(parser::Stmt* s);
  bool delete_stmt(parser::Stmt* s);
  bool unwind_fblock(const FBlock& info, bool preserve_tos, Loc* loc);
  bool unwind_fblock_stack(bool preserve_tos, int* loop_index, Loc* loc);  // loop_index: -1 = none found
  bool pop_except_and_reraise(const Loc& loc);
  bool match_stmt(parser::Stmt* s);  // codegen_pattern.cpp

  // ---- expressions (codegen_expr.cpp) ----
  bool visit_expr(parser::Expr* e);
  bool visit_exprs(const parser::Span<parser::Expr*>& es);
  bool visit_expr1(parser::Expr* e);
  bool jump_if(const Loc& loc, parser::Expr* e, int label, bool cond);
  bool boolop(parser::Expr* e);
  bool compare(parser::Expr* e);
  void add_compare(parser::CmpOperator op, const Loc& loc);
  bool call(parser::Expr* e);
  bool maybe_optimize_method_call(parser::Expr* e, bool* done);
  bool call_helper(const Loc& loc, int n, const parser::Span<parser::Expr*>& args,
                   const parser::Span<parser::Keyword*>& keywords);
  bool validate_keywords(const parser::Span<parser::Keyword*>& keywords);
  bool subkwargs(const Loc& loc, const parser::Span<parser::Keyword*>& keywords, size_t begin,
                 size_t end);
  bool starunpack_helper(const Loc& loc, const parser::Span<parser::Expr*>& elts, int pushed,
                         int build, int add, int extend, bool tuple);
  bool unpack_helper(const Loc& loc, const parser::Span<parser::Expr*>& elts);
  bool assignment_helper(const Loc& loc, const parser::Span<parser::Expr*>& elts);
  bool list_or_tuple(parser::Expr* e, bool is_tuple);
  bool set_display(parser::Expr* e);
  bool dict_display(parser::Expr* e);
  bool subdict(parser::Expr* e, size_t begin, size_t end);
  bool subscript(parser::Expr* e);
  int slice_parts(parser::Expr* s);  // pushes 2 or 3 values; -1 on error
  bool attribute(parser::Expr* e);
  bool joined_str(parser::Expr* e);
  bool formatted_value(parser::Expr* e);
  bool can_optimize_super_call(parser::Expr* attr);
  bool load_super_args(parser::Expr* attr);
  Loc update_start_location_to_match_attr(Loc loc, parser::Expr* attr);
  // Constant folding: a new reference to the value of `e` if it is a compile-time constant
  // (literals, tuples of constants, foldable arithmetic), else nullptr without an exception.
  Object* fold_constant(parser::Expr* e);
  Object* constant_value(parser::Expr* e);  // Constant node -> object (exception on failure)
  // An iterable (for / comprehension / `in`): list and set literals of constants become a
  // constant tuple / frozenset (CPython's fold_iter).
  bool visit_iter(parser::Expr* e);
};

// The assembler: turn a finished unit into a code object (new reference) or nullptr.
Object* assemble_unit(Unit& u, int flags, Object* filename);

// Helpers shared between the code generator files.
bool is_two_element_slice(parser::Expr* s);

}  // namespace gilpy::compiler

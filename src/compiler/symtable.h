// Symbol tables: which scope every name of every block belongs to (src/compiler/symtable.cpp).
//
// Design: a faithful port of CPython 3.12's Python/symtable.c with one deliberate difference:
// comprehensions are NOT inlined (PEP 709); every list/set/dict comprehension and generator
// expression is its own function-like block with the implicit parameter ".0", as in CPython 3.11.
//
// Two passes, as CPython:
//  1. build: walk the AST, create one SymTableEntry per block (module, class, function, lambda,
//     comprehension) and record for each name the DEF_* flags of how it is used in that block.
//     Errors detected while walking (global/nonlocal misuse, duplicate arguments, walrus misuse,
//     import * in a function) are reported here.
//  2. analyze: resolve each name to a Scope (LOCAL, GLOBAL_EXPLICIT, GLOBAL_IMPLICIT, FREE, CELL)
//     by passing the sets of bound / global names down the block tree and collecting free names
//     up (analyze_block, analyze_name, analyze_cells, update_symbols in CPython).
//
// Names are mangled (`__x` in class C -> `_C__x`) before they are recorded, as CPython does; the
// code generator mangles with the same function (symtable_mangle) before lookups.
// The table keeps plain std::string names (no Python objects), so it is independent of the runtime.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "parser/ast.h"

namespace gilpy::compiler {

// Flags recorded while walking (CPython's values).
enum : uint32_t {
  DEF_GLOBAL = 1,        // global statement
  DEF_LOCAL = 2,         // assignment in code block
  DEF_PARAM = 4,         // formal parameter
  DEF_NONLOCAL = 8,      // nonlocal statement
  USE = 16,              // name is used
  DEF_FREE = 32,         // name used but not defined in nested block
  DEF_FREE_CLASS = 64,   // free variable from a method of a class that also binds the name
  DEF_IMPORT = 128,      // assignment by import
  DEF_ANNOT = 256,       // annotated name
  DEF_COMP_ITER = 512,   // comprehension iteration variable
  DEF_BOUND = DEF_LOCAL | DEF_PARAM | DEF_IMPORT,
};

enum class Scope : uint8_t { None = 0, Local = 1, GlobalExplicit = 2, GlobalImplicit = 3, Free = 4, Cell = 5 };

enum class BlockType : uint8_t { Module, Class, Function };

// What kind of comprehension a function block is (None for ordinary functions and lambdas).
enum class CompKind : uint8_t { None, List, Set, Dict, Generator };

struct Symbol {
  uint32_t flags = 0;
  Scope scope = Scope::None;
};

struct Directive {  // position of a global/nonlocal statement naming a symbol (for errors)
  std::string name;
  parser::Loc loc;
};

struct SymTableEntry {
  BlockType type = BlockType::Module;
  std::string name;  // block name: "top", function/class name, "lambda", "listcomp", "genexpr", ...
  const void* key = nullptr;  // the AST node that opened the block
  parser::Loc loc;
  SymTableEntry* parent = nullptr;
  std::vector<SymTableEntry*> children;

  std::unordered_map<std::string, Symbol> symbols;
  std::vector<std::string> symbol_order;  // names in order of first appearance
  std::vector<std::string> varnames;      // parameters, in order
  std::vector<Directive> directives;

  bool nested = false;
  bool generator = false;
  bool coroutine = false;
  bool varargs = false;
  bool varkeywords = false;
  bool returns_value = false;
  bool needs_class_closure = false;  // class block: methods use __class__ (zero-arg super)
  bool free = false;                 // block (or child) has free variables
  bool child_free = false;
  bool is_lambda = false;
  CompKind comprehension = CompKind::None;
  bool comp_inlined = false;  // always false: comprehensions are separate functions
  int comp_iter_expr = 0;         // > 0 while visiting a comprehension's iterable expression
  bool comp_iter_target = false;  // set while visiting a comprehension's target (walrus check)

  bool is_function_like() const { return type == BlockType::Function; }
  // Scope of `name` (already mangled) or Scope::None when the block doesn't know it.
  Scope scope_of(const std::string& name) const {
    auto it = symbols.find(name);
    return it == symbols.end() ? Scope::None : it->second.scope;
  }
  uint32_t flags_of(const std::string& name) const {
    auto it = symbols.find(name);
    return it == symbols.end() ? 0 : it->second.flags;
  }
};

// A compile-time error: the message and the node's span (col offsets are 0-based UTF-8 bytes).
struct CompileErrorInfo {
  std::string msg;
  parser::Loc loc;
  bool set = false;
  // CPython raises symbol-table errors with args == (msg,) and sets the location attributes
  // afterwards (PyErr_RangedSyntaxLocationObject); code generator errors pass them in args.
  bool from_symtable = false;
};

struct SymTable {
  std::vector<std::unique_ptr<SymTableEntry>> entries;
  std::unordered_map<const void*, SymTableEntry*> by_key;
  SymTableEntry* top = nullptr;

  SymTableEntry* lookup(const void* key) const {
    auto it = by_key.find(key);
    return it == by_key.end() ? nullptr : it->second;
  }
};

// Build and analyze the symbol table of a module. On error returns nullptr and fills `err`.
std::unique_ptr<SymTable> symtable_build(const parser::Module* mod, CompileErrorInfo* err);

// CPython's _Py_Mangle: `__spam` inside class `Ham` becomes `_Ham__spam`. `private_name` is the
// enclosing class name (empty when not in a class).
std::string symtable_mangle(std::string_view private_name, std::string_view name);

}  // namespace gilpy::compiler

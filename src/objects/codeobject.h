// Code objects: the compiler's output and the eval loop's input (objects/codeobject.cpp).
//
// Immutable once created. Owns its instruction array, its position table and its exception
// table (plain arrays, freed in dealloc) and references to its constant, name and variable-name
// tuples. Nested functions' code objects are constants of the enclosing code.
//
// Variables live in "localsplus": first the arguments and other locals (CO_FAST_LOCAL), then the
// cells of variables captured by inner functions (CO_FAST_CELL; an argument captured by an inner
// function is both, as in CPython), then free variables copied from the closure (CO_FAST_FREE).
// The value stack of a frame follows localsplus in the same contiguous array.
#pragma once

#include <cstdint>

#include "core/type.h"

namespace gilpy {

// co_flags, with CPython's values.
enum : int {
  CO_OPTIMIZED = 0x1,
  CO_NEWLOCALS = 0x2,
  CO_VARARGS = 0x4,
  CO_VARKEYWORDS = 0x8,
  CO_NESTED = 0x10,
  CO_GENERATOR = 0x20,
  CO_NOFREE = 0x40,
  CO_COROUTINE = 0x80,
  CO_ITERABLE_COROUTINE = 0x100,
  CO_ASYNC_GENERATOR = 0x200,
};

// Kinds of localsplus slots, with CPython's values.
enum : uint8_t {
  CO_FAST_LOCAL = 0x20,
  CO_FAST_CELL = 0x40,
  CO_FAST_FREE = 0x80,
};

// Source span of one instruction (for tracebacks, dis, and the `^^^` carets). -1: unknown.
struct InstrPosition {
  int32_t line;
  int32_t end_line;
  int32_t col;      // UTF-8 byte offset, 0-based, as CPython's co_positions()
  int32_t end_col;
};

// One exception-table entry (zero-cost exceptions, as CPython 3.11+): an exception raised by an
// instruction in [start, end) pops the value stack down to `depth` items (pushing the lasti first
// if `push_lasti`), pushes the exception and jumps to `target`. Entries don't overlap; the
// innermost handler is the one covering the instruction.
struct ExceptionEntry {
  uint32_t start;
  uint32_t end;
  uint32_t target;
  uint16_t depth;
  uint8_t push_lasti;
};

struct CodeObject : Object {
  uint32_t* code;  // owned; ncode instructions (see vm/opcodes.h for the encoding)
  int32_t ncode;
  InstrPosition* positions;  // owned; one per instruction
  ExceptionEntry* exception_table;  // owned; sorted by start
  int32_t nexception_entries;

  Object* consts;           // tuple
  Object* names;            // tuple of str (interned): globals, attributes, imports
  Object* localsplusnames;  // tuple of str (interned)
  uint8_t* localspluskinds; // owned; one per localsplus slot

  int32_t argcount;         // positional, including positional-only
  int32_t posonlyargcount;
  int32_t kwonlyargcount;
  int32_t nlocalsplus;
  int32_t nlocals;          // slots with CO_FAST_LOCAL
  int32_t ncellvars;        // slots with CO_FAST_CELL and not CO_FAST_LOCAL... as CPython counts
  int32_t nfreevars;
  int32_t stacksize;
  int32_t flags;
  int32_t firstlineno;

  Object* filename;  // str
  Object* name;      // str
  Object* qualname;  // str
  // Index of the first argument slot that is also a cell, etc. may be added by the eval loop's
  // owner; keep fields here derived only from the compiler's output.
  void* eval_cache;  // owned by the eval loop (quickening / inline caches); null until used
};

extern TypeObject CodeType;
inline bool code_check(Object* o) { return type_of(o) == &CodeType; }

// Everything needed to make a code object; the compiler fills it and code_new takes ownership of
// the arrays (allocated with std::malloc) and steals the object references.
struct CodeSpec {
  uint32_t* code = nullptr;
  int32_t ncode = 0;
  InstrPosition* positions = nullptr;
  ExceptionEntry* exception_table = nullptr;
  int32_t nexception_entries = 0;
  Object* consts = nullptr;
  Object* names = nullptr;
  Object* localsplusnames = nullptr;
  uint8_t* localspluskinds = nullptr;
  int32_t argcount = 0, posonlyargcount = 0, kwonlyargcount = 0;
  int32_t stacksize = 0, flags = 0, firstlineno = 1;
  Object* filename = nullptr;
  Object* name = nullptr;
  Object* qualname = nullptr;
};
Object* code_new(CodeSpec& spec);

// The line of instruction `index` (-1 if none).
int code_line_of(CodeObject* code, int index);

}  // namespace gilpy

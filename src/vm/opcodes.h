// The one opcode table. Everything about opcodes is generated from GILPY_OPCODES: the enum, the
// names, the flags used by the disassembler, the stack effects used by the compiler to size frames,
// and the eval loop's dispatch table. Add an opcode here and nowhere else.
//
// Encoding: an instruction is one 32-bit word, `op | (oparg << 8)`: 8 bits of opcode, 24 bits of
// argument (no EXTENDED_ARG). Jump arguments are ABSOLUTE instruction indices (not byte offsets);
// forward and backward jumps are distinct opcodes so that only backward jumps test the eval breaker.
//
// Semantics follow CPython 3.12's opcode of the same name unless the comment says otherwise.
// Stack notation: [... a b] -> [... c], top of stack rightmost. POP/PUSH below are the counts when
// the instruction falls through; jumps that change the stack differently say so (and
// opcode_stack_effect() knows it).
//
// The call protocol (as CPython 3.13's): a call site pushes the callable, then either the `self`
// for a method call (LOAD_METHOD) or NULL (PUSH_NULL), then the arguments:
//     [callable self_or_NULL arg1 ... argN] --CALL N--> [result]
// When self is not NULL it is passed as the first argument.
#pragma once

#include <cstdint>

// OPCODE(name, flags, pop, push). `oparg` may appear in pop/push.
#define GILPY_OPCODES(OPCODE)                                                                     \
  OPCODE(NOP, 0, 0, 0)                                                                            \
  /* Function or generator entry (oparg 0) / resumption after a yield (oparg 1, 2: after await or \
     yield from). Tests the eval breaker. */                                                      \
  OPCODE(RESUME, OPF_ARG, 0, 0)                                                                   \
  OPCODE(POP_TOP, 0, 1, 0)                                                                        \
  OPCODE(PUSH_NULL, 0, 0, 1)                                                                      \
  /* Push a copy of the oparg-th item from the top (1 = top). */                                  \
  OPCODE(COPY, OPF_ARG, (oparg), (oparg) + 1)                                                     \
  /* Swap the top with the oparg-th item (oparg >= 2). */                                         \
  OPCODE(SWAP, OPF_ARG, (oparg), (oparg))                                                         \
  OPCODE(LOAD_CONST, OPF_ARG | OPF_CONST, 0, 1)                                                   \
  /* Fast locals: oparg indexes localsplus. LOAD_FAST: the compiler proved the variable bound.    \
     LOAD_FAST_CHECK raises UnboundLocalError "cannot access local variable 'x' where it is not   \
     associated with a value". */                                                                 \
  OPCODE(LOAD_FAST, OPF_ARG | OPF_LOCAL, 0, 1)                                                    \
  OPCODE(LOAD_FAST_CHECK, OPF_ARG | OPF_LOCAL, 0, 1)                                              \
  OPCODE(STORE_FAST, OPF_ARG | OPF_LOCAL, 1, 0)                                                   \
  OPCODE(DELETE_FAST, OPF_ARG | OPF_LOCAL, 0, 0)                                                  \
  /* Cells and free variables (oparg indexes localsplus, whose kind says cell or free). */        \
  OPCODE(MAKE_CELL, OPF_ARG | OPF_LOCAL, 0, 0)                                                    \
  OPCODE(COPY_FREE_VARS, OPF_ARG, 0, 0)                                                           \
  OPCODE(LOAD_DEREF, OPF_ARG | OPF_LOCAL, 0, 1)                                                   \
  OPCODE(STORE_DEREF, OPF_ARG | OPF_LOCAL, 1, 0)                                                  \
  OPCODE(DELETE_DEREF, OPF_ARG | OPF_LOCAL, 0, 0)                                                 \
  OPCODE(LOAD_CLOSURE, OPF_ARG | OPF_LOCAL, 0, 1)                                                 \
  /* Class bodies: [mapping] -> [value]: mapping[name] if present, else the cell's content. */   \
  OPCODE(LOAD_FROM_DICT_OR_DEREF, OPF_ARG | OPF_LOCAL, 1, 1)                                      \
  /* Names (oparg indexes co_names). */                                                           \
  OPCODE(LOAD_NAME, OPF_ARG | OPF_NAME, 0, 1)                                                     \
  OPCODE(STORE_NAME, OPF_ARG | OPF_NAME, 1, 0)                                                    \
  OPCODE(DELETE_NAME, OPF_ARG | OPF_NAME, 0, 0)                                                   \
  /* Unlike CPython 3.12, LOAD_GLOBAL never pushes NULL: call sites use PUSH_NULL. */             \
  OPCODE(LOAD_GLOBAL, OPF_ARG | OPF_NAME, 0, 1)                                                   \
  OPCODE(STORE_GLOBAL, OPF_ARG | OPF_NAME, 1, 0)                                                  \
  OPCODE(DELETE_GLOBAL, OPF_ARG | OPF_NAME, 0, 0)                                                 \
  OPCODE(LOAD_LOCALS, 0, 0, 1)                                                                    \
  OPCODE(LOAD_ATTR, OPF_ARG | OPF_NAME, 1, 1)                                                     \
  /* [obj] -> [method obj] when obj.name is a plain method found on the type, else [attr NULL]. */\
  OPCODE(LOAD_METHOD, OPF_ARG | OPF_NAME, 1, 2)                                                   \
  /* [value obj] -> []: obj.name = value */                                                       \
  OPCODE(STORE_ATTR, OPF_ARG | OPF_NAME, 2, 0)                                                    \
  OPCODE(DELETE_ATTR, OPF_ARG | OPF_NAME, 1, 0)                                                   \
  /* Zero-argument super(): [global_super class self] -> [attr] (oparg bit 0 == 0) or             \
     [method self] / [attr NULL] (bit 0 == 1, a method call). Name index is oparg >> 1. */        \
  OPCODE(LOAD_SUPER_ATTR, OPF_ARG, 3, 1 + ((oparg) & 1))                                          \
  /* [a b] -> [a op b]; oparg is a BinaryOp (core/abstract.h), in-place variants included. */    \
  OPCODE(BINARY_OP, OPF_ARG, 2, 1)                                                                \
  OPCODE(UNARY_NEGATIVE, 0, 1, 1)                                                                 \
  OPCODE(UNARY_NOT, 0, 1, 1)                                                                      \
  OPCODE(UNARY_INVERT, 0, 1, 1)                                                                   \
  /* oparg is a CompareOp (core/type.h). */                                                       \
  OPCODE(COMPARE_OP, OPF_ARG, 2, 1)                                                               \
  /* oparg 1 inverts: `is not`, `not in`. CONTAINS_OP: [item container]. */                       \
  OPCODE(IS_OP, OPF_ARG, 2, 1)                                                                    \
  OPCODE(CONTAINS_OP, OPF_ARG, 2, 1)                                                              \
  /* [container key] -> [container[key]] */                                                       \
  OPCODE(BINARY_SUBSCR, 0, 2, 1)                                                                  \
  /* [value container key] -> [] */                                                               \
  OPCODE(STORE_SUBSCR, 0, 3, 0)                                                                   \
  OPCODE(DELETE_SUBSCR, 0, 2, 0)                                                                  \
  /* [container start stop] -> [container[start:stop]]; [value container start stop] -> [] */    \
  OPCODE(BINARY_SLICE, 0, 3, 1)                                                                   \
  OPCODE(STORE_SLICE, 0, 4, 0)                                                                    \
  OPCODE(BUILD_SLICE, OPF_ARG, (oparg), 1)                                                        \
  OPCODE(BUILD_TUPLE, OPF_ARG, (oparg), 1)                                                        \
  OPCODE(BUILD_LIST, OPF_ARG, (oparg), 1)                                                         \
  OPCODE(BUILD_SET, OPF_ARG, (oparg), 1)                                                          \
  /* [k1 v1 ... kN vN] -> [dict] */                                                               \
  OPCODE(BUILD_MAP, OPF_ARG, 2 * (oparg), 1)                                                      \
  /* [v1 ... vN keys_tuple] -> [dict] */                                                          \
  OPCODE(BUILD_CONST_KEY_MAP, OPF_ARG, (oparg) + 1, 1)                                            \
  /* Concatenate oparg strs (f-strings). */                                                       \
  OPCODE(BUILD_STRING, OPF_ARG, (oparg), 1)                                                       \
  /* Comprehension/display helpers: the container is the oparg-th item after popping the value  \
     (LIST_APPEND 1 appends to the item just below it). MAP_ADD pops [key value]. */            \
  OPCODE(LIST_APPEND, OPF_ARG, 1, 0)                                                              \
  OPCODE(SET_ADD, OPF_ARG, 1, 0)                                                                  \
  OPCODE(MAP_ADD, OPF_ARG, 2, 0)                                                                  \
  OPCODE(LIST_EXTEND, OPF_ARG, 1, 0)                                                              \
  OPCODE(SET_UPDATE, OPF_ARG, 1, 0)                                                               \
  /* {**x}: TypeError "'int' object is not a mapping". */                                         \
  OPCODE(DICT_UPDATE, OPF_ARG, 1, 0)                                                              \
  /* f(**x): the callable is at depth oparg + 2 for the messages ("f() got multiple values for  \
     keyword argument 'a'", "f() argument after ** must be a mapping, not int"). */              \
  OPCODE(DICT_MERGE, OPF_ARG, 1, 0)                                                               \
  /* f-strings: oparg & 3: conversion (0 none, 1 str, 2 repr, 3 ascii); oparg & 4: a format spec  \
     (str) is on top of the value. [value (spec)] -> [str] */                                     \
  OPCODE(FORMAT_VALUE, OPF_ARG, 1 + (((oparg) & 4) ? 1 : 0), 1)                                   \
  /* [seq] -> [item_N-1 ... item_0] (item 0 on top). */                                           \
  OPCODE(UNPACK_SEQUENCE, OPF_ARG, 1, (oparg))                                                    \
  /* a, *b, c = seq: oparg = before | (after << 8); pushes after + 1 + before items. */           \
  OPCODE(UNPACK_EX, OPF_ARG, 1, ((oparg) & 0xFF) + ((oparg) >> 8) + 1)                            \
  OPCODE(GET_ITER, 0, 1, 1)                                                                       \
  /* [iter] -> [iter next]; when exhausted: pops the iterator and jumps to oparg (net -1). */     \
  OPCODE(FOR_ITER, OPF_ARG | OPF_JUMP, 1, 2)                                                      \
  OPCODE(JUMP_FORWARD, OPF_ARG | OPF_JUMP, 0, 0)                                                  \
  /* Tests the eval breaker (GIL drop requests, signals) before jumping. */                       \
  OPCODE(JUMP_BACKWARD, OPF_ARG | OPF_JUMP, 0, 0)                                                 \
  /* Backward jump that does not test the eval breaker (yield from / await loops). */             \
  OPCODE(JUMP_BACKWARD_NO_INTERRUPT, OPF_ARG | OPF_JUMP, 0, 0)                                    \
  OPCODE(POP_JUMP_IF_FALSE, OPF_ARG | OPF_JUMP, 1, 0)                                             \
  OPCODE(POP_JUMP_IF_TRUE, OPF_ARG | OPF_JUMP, 1, 0)                                              \
  OPCODE(POP_JUMP_IF_NONE, OPF_ARG | OPF_JUMP, 1, 0)                                              \
  OPCODE(POP_JUMP_IF_NOT_NONE, OPF_ARG | OPF_JUMP, 1, 0)                                          \
  OPCODE(RETURN_VALUE, 0, 1, 0)                                                                   \
  OPCODE(RETURN_CONST, OPF_ARG | OPF_CONST, 0, 0)                                                 \
  /* [callable self_or_NULL arg1..argN] -> [result] */                                            \
  OPCODE(CALL, OPF_ARG, (oparg) + 2, 1)                                                           \
  /* [callable self_or_NULL v1..vN kwnames] -> [result]: oparg = N counts positional and keyword  \
     values; the tuple kwnames (a constant) names the last len(kwnames) of them. */               \
  OPCODE(CALL_KW, OPF_ARG, (oparg) + 3, 1)                                                        \
  /* [callable self_or_NULL args_tuple (kwargs_dict if oparg & 1)] -> [result] */                \
  OPCODE(CALL_FUNCTION_EX, OPF_ARG, 3 + ((oparg) & 1), 1)                                         \
  /* [value] -> [result]; oparg is an Intrinsic1 below. */                                        \
  OPCODE(CALL_INTRINSIC_1, OPF_ARG, 1, 1)                                                         \
  /* [defaults? kwdefaults? annotations? closure? code] -> [function]; oparg bits: 1 defaults      \
     tuple, 2 kwdefaults dict, 4 annotations dict, 8 closure tuple (pushed in that order). */     \
  OPCODE(MAKE_FUNCTION, OPF_ARG, 1 + __builtin_popcount((oparg) & 0xF), 1)                        \
  OPCODE(LOAD_BUILD_CLASS, 0, 0, 1)                                                               \
  /* [level fromlist] -> [module] */                                                              \
  OPCODE(IMPORT_NAME, OPF_ARG | OPF_NAME, 2, 1)                                                   \
  /* [module] -> [module attr] */                                                                 \
  OPCODE(IMPORT_FROM, OPF_ARG | OPF_NAME, 1, 2)                                                   \
  /* oparg 0: re-raise the exception being handled; 1: [exc]; 2: [exc cause]. */                  \
  OPCODE(RAISE_VARARGS, OPF_ARG, (oparg), 0)                                                      \
  /* [... exc] re-raise exc; if oparg, the item below exc is the lasti to restore. */             \
  OPCODE(RERAISE, OPF_ARG, 1, 0)                                                                  \
  /* [exc] -> [prev_handled exc]: exc becomes the exception being handled (sys.exception()). */   \
  OPCODE(PUSH_EXC_INFO, 0, 1, 2)                                                                  \
  /* [prev_handled] -> []: restore the exception being handled. */                                \
  OPCODE(POP_EXCEPT, 0, 1, 0)                                                                     \
  /* [exc type] -> [exc bool]: isinstance(exc, type), type a class or tuple of classes (TypeError \
     "catching classes that do not inherit from BaseException is not allowed"). */               \
  OPCODE(CHECK_EXC_MATCH, 0, 2, 2)                                                                \
  OPCODE(LOAD_ASSERTION_ERROR, 0, 0, 1)                                                           \
  /* [mgr] -> [bound __exit__, mgr.__enter__()] */                                                \
  OPCODE(BEFORE_WITH, 0, 1, 2)                                                                    \
  /* [exit lasti prev_exc exc] -> [exit lasti prev_exc exc result]: result = exit(type, exc, tb) */\
  OPCODE(WITH_EXCEPT_START, 0, 4, 5)                                                              \
  /* Generators: [value] -> [sent value]. oparg: exception-stack depth (as CPython 3.12). */      \
  OPCODE(YIELD_VALUE, OPF_ARG, 1, 1)                                                              \
  OPCODE(GET_YIELD_FROM_ITER, 0, 1, 1)                                                            \
  /* [receiver value] -> [receiver result]; when the receiver returns: result is its return       \
     value and control jumps to oparg (an END_SEND). */                                           \
  OPCODE(SEND, OPF_ARG | OPF_JUMP, 2, 2)                                                          \
  /* [receiver value] -> [value] */                                                               \
  OPCODE(END_SEND, 0, 2, 1)                                                                       \
  /* [sub_iter last_sent_val exc] -> [None value] or re-raise (as CPython 3.12). */               \
  OPCODE(CLEANUP_THROW, 0, 3, 2)                                                                  \
  OPCODE(SETUP_ANNOTATIONS, 0, 0, 0)                                                              \
  /* [obj] -> [obj len(obj)] (match statements) */                                                \
  OPCODE(GET_LEN, 0, 1, 2)                                                                        \
  /* Match statements (vm/eval_match.cpp). [subject] -> [subject bool]: is it a sequence for     \
     sequence patterns (list, tuple, range, deque, collections.abc.Sequence; not str/bytes). */    \
  OPCODE(MATCH_SEQUENCE, 0, 1, 2)                                                                 \
  /* [subject] -> [subject bool]: is it a mapping (dict, collections.abc.Mapping). */             \
  OPCODE(MATCH_MAPPING, 0, 1, 2)                                                                  \
  /* [subject keys] -> [subject keys values]: the tuple of subject.get(key) for the tuple of      \
     keys, or None when a key is missing. */                                                      \
  OPCODE(MATCH_KEYS, 0, 2, 3)                                                                     \
  /* [subject cls kwnames] -> [attrs]: isinstance check, then the tuple of oparg positional       \
     (__match_args__) and len(kwnames) keyword attributes, or None when it does not match. */     \
  OPCODE(MATCH_CLASS, OPF_ARG, 3, 1)                                                              \
  /* except*: [exc type] -> [rest match]: exc split by type (match None and rest exc when        \
     nothing matches; a naked exception that matches is wrapped in an ExceptionGroup("", ...)). */ \
  OPCODE(CHECK_EG_MATCH, 0, 2, 2)                                                                 \
  /* [value1 value2] -> [result]; oparg is an Intrinsic2 below. */                                \
  OPCODE(CALL_INTRINSIC_2, OPF_ARG, 2, 1)                                                         \
  /* Coroutines: [obj] -> [iterator of obj's __await__] (coroutines themselves); oparg 1 / 2:    \
     the object came from __aenter__ / __aexit__ (for the TypeError messages). */                 \
  OPCODE(GET_AWAITABLE, OPF_ARG, 1, 1)                                                            \
  /* async for: [obj] -> [obj.__aiter__()]; [aiter] -> [aiter awaitable of aiter.__anext__()]. */ \
  OPCODE(GET_AITER, 0, 1, 1)                                                                      \
  OPCODE(GET_ANEXT, 0, 1, 2)                                                                      \
  /* [aiter exc] -> []: the loop ends when exc is StopAsyncIteration, else re-raise exc. */       \
  OPCODE(END_ASYNC_FOR, 0, 2, 0)                                                                  \
  /* [mgr] -> [bound __aexit__, mgr.__aenter__()] */                                              \
  OPCODE(BEFORE_ASYNC_WITH, 0, 1, 2)

namespace gilpy {

enum OpFlags : uint8_t {
  OPF_ARG = 1,    // uses its argument
  OPF_JUMP = 2,   // argument is an absolute jump target
  OPF_CONST = 4,  // argument indexes co_consts
  OPF_NAME = 8,   // argument indexes co_names
  OPF_LOCAL = 16, // argument indexes localsplus (locals, cells, free vars)
};

enum Opcode : uint8_t {
#define GILPY_OP_ENUM(name, flags, pop, push) OP_##name,
  GILPY_OPCODES(GILPY_OP_ENUM)
#undef GILPY_OP_ENUM
      OP_COUNT_
};
static_assert(OP_COUNT_ <= 256, "opcodes must fit in 8 bits");

// CALL_INTRINSIC_1 arguments (CPython 3.12's numbering).
enum Intrinsic1 : uint32_t {
  INTRINSIC_PRINT = 1,               // REPL: sys.displayhook(value)
  INTRINSIC_IMPORT_STAR = 2,         // from module import *  ([module] -> [None])
  INTRINSIC_STOPITERATION_ERROR = 3, // StopIteration raised in a generator -> RuntimeError
  INTRINSIC_UNARY_POSITIVE = 5,
  INTRINSIC_ASYNC_GEN_WRAP = 4,      // async generators: mark a yielded value (not an await's)
  INTRINSIC_LIST_TO_TUPLE = 6,
  INTRINSIC_TYPEVAR = 7,             // PEP 695: [name] -> [typing.TypeVar(name)]
  INTRINSIC_PARAMSPEC = 8,
  INTRINSIC_TYPEVARTUPLE = 9,
  INTRINSIC_SUBSCRIPT_GENERIC = 10,  // [params tuple] -> [typing.Generic[*params]]
  INTRINSIC_TYPEALIAS = 11,          // [(name, type_params, compute_value)] -> [TypeAliasType]
};

// CALL_INTRINSIC_2 arguments (CPython 3.12's numbering): [value1 value2] -> [result].
enum Intrinsic2 : uint32_t {
  INTRINSIC_PREP_RERAISE_STAR = 1,       // [orig raised_list] -> exception to re-raise, or None
  INTRINSIC_TYPEVAR_WITH_BOUND = 2,      // [name bound_fn] -> TypeVar with a lazy bound
  INTRINSIC_TYPEVAR_WITH_CONSTRAINTS = 3,
  INTRINSIC_SET_FUNCTION_TYPE_PARAMS = 4,  // [func params] -> func with __type_params__
};

extern const char* const kOpcodeNames[OP_COUNT_];
extern const uint8_t kOpcodeFlags[OP_COUNT_];

inline uint32_t make_instr(Opcode op, uint32_t oparg) { return uint32_t(op) | (oparg << 8); }
inline Opcode instr_op(uint32_t w) { return Opcode(w & 0xFF); }
inline uint32_t instr_arg(uint32_t w) { return w >> 8; }
constexpr uint32_t kMaxOparg = (1u << 24) - 1;

// Net stack effect of an instruction; `jump` selects the effect when the jump is taken.
int opcode_stack_effect(Opcode op, uint32_t oparg, bool jump);

}  // namespace gilpy

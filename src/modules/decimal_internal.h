// The `_decimal` module's shared declarations (decimal_context.cpp, decimal_number.cpp).
//
// Decimal numbers and contexts are libmpdec values (mpd_t, mpd_context_t) inside gilpy objects,
// as in CPython's Modules/_decimal/_decimal.c; the code here is gilpy's own.
//  - DecObject: an immutable mpd_t whose coefficient lives inline (kDecInlineWords words,
//    MPD_STATIC|MPD_STATIC_DATA) until libmpdec needs more and switches it to malloc'd memory;
//    the object's dealloc releases that (mpd_del). The hash is cached (-1: not computed yet).
//  - ContextObject: an mpd_context_t plus `capitals`. Its `flags`/`traps` attributes are
//    SignalDict views made on each access, each holding a reference to the context (no cycle).
//  - The current context is per thread: ThreadState::dict["__decimal_context__"] (the thread's
//    dict is cleared with its state), as CPython does when built without contextvars.
// Everything runs with the GIL held; libmpdec calls take no locks and touch only their operands.
#pragma once

#include <mpdecimal.h>

#include "core/type.h"

namespace gilpy {

constexpr int kDecInlineWords = 4;

struct DecObject : Object {
  hash_t hash;
  mpd_t dec;
  mpd_uint_t data[kDecInlineWords];
};

struct ContextObject : Object {
  mpd_context_t ctx;
  int capitals;
};

extern TypeObject DecimalType;
extern TypeObject ContextType;

inline DecObject* as_dec(Object* o) { return static_cast<DecObject*>(o); }
inline mpd_t* MPD(Object* o) { return &static_cast<DecObject*>(o)->dec; }
inline ContextObject* as_ctx(Object* o) { return static_cast<ContextObject*>(o); }
inline mpd_context_t* CTX(Object* o) { return &static_cast<ContextObject*>(o)->ctx; }
inline bool dec_check(Object* o) { return object_type_check(o, &DecimalType); }
inline bool ctx_check(Object* o) { return object_type_check(o, &ContextType); }

// libmpdec's bit for FloatOperation (it reuses MPD_Not_implemented, as CPython does).
constexpr uint32_t kFloatOperation = MPD_Not_implemented;

// ---- decimal_context.cpp ----
// Bind keyword arguments with PyArg_ParseTupleAndKeywords' messages ("function missing required
// argument 'x' (pos 1)", "'y' is an invalid keyword argument for this function"); out[i] borrowed.
bool dec_kw_args(const char* const* names, int nmin, Object* const* args, ssize nargs,
                 Object* kwnames, Object** out);
// The current thread's context (BORROWED; created from DefaultContext on first use). nullptr on error.
Object* current_context_borrowed();
// `context` argument of a method: null/None -> current context, a Context, else TypeError
// "optional argument must be a context". Returns a BORROWED context or nullptr.
Object* context_arg(Object* context);
// Add `status` to the context's flags; if any of them is trapped, raise the signal (true).
bool dec_addstatus(Object* context, uint32_t status);
// ROUND_* string -> MPD_ROUND_*, or -1 with TypeError (CPython's message).
int rounding_from_object(Object* o);
Object* rounding_name(int round);  // new reference to the ROUND_* str
Object* context_new_from(const mpd_context_t& ctx, int capitals);  // a Context with these values
bool decimal_context_init_module(Object* module);  // types, signals, templates, functions

// ---- decimal_number.cpp ----
Object* dec_alloc(TypeObject* type = &DecimalType);  // a Decimal with value 0 (flags: static)
// Operand conversions: Decimal as is, int exactly; other types: NotImplemented (`raise` false)
// or TypeError "conversion from T to Decimal is not supported". New reference or nullptr.
Object* dec_convert_operand(Object* v, Object* context, bool raise);
// Decimal(v) with the constructor's rules; exact==false rounds to the context (create_decimal).
Object* dec_from_object(TypeObject* type, Object* v, Object* context, bool exact);
Object* dec_from_float_exact(TypeObject* type, Object* f, Object* context);
Object* dec_to_sci_string(Object* dec, Object* context, bool eng);  // str() / to_eng_string()
bool decimal_number_init_module(Object* module);
// Operations shared by Decimal methods and Context methods (decimal_number.cpp): each kind of
// operation is one table of {name, libmpdec function}; both classes' methods come from them.
extern const MethodDef kDecimalOpMethods[];  // Decimal methods (context keyword)
extern const MethodDef kContextOpMethods[];  // Context methods (positional operands)
Object* dec_format_with_context(Object* dec, Object* spec, Object* override_);

}  // namespace gilpy

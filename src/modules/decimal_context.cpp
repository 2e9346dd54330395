// `_decimal`, part 1: signals, decimal.Context, its SignalDict views, the per-thread current
// context (getcontext/setcontext/localcontext), the context templates and the module's assembly.
// Decimal itself and the arithmetic are in decimal_number.cpp; shared declarations and the
// ownership rules in decimal_internal.h.
//
// Signals are exception classes made at module creation with CPython's hierarchy; kSignals maps
// each to its libmpdec status bits in CPython's order (which is the order of SignalDict keys and
// of __reduce__'s lists), kConditions the InvalidOperation sub-conditions named in a trap's
// message ("[<class 'decimal.ConversionSyntax'>]").
#include <cstring>
#include <string>
#include <vector>

#include "core/abstract.h"
#include "core/args.h"
#include "core/error.h"
#include "modules/decimal_internal.h"
#include "modules/modules.h"
#include "objects/containers.h"
#include "objects/intobject.h"
#include "objects/moduleobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"
#include "objects/floatobject.h"
#include "vm/import.h"
#include "vm/state.h"

namespace gilpy {

TypeObject ContextType;

namespace {

TypeObject SignalDictMixinType, ContextManagerType;
Object* g_signal_dict_type = nullptr;  // SignalDict(SignalDictMixin, MutableMapping)

struct Signal {
  const char* name;
  uint32_t flag;
  Object* cls;  // made by make_signals()
};

Signal kSignals[] = {
    {"InvalidOperation", MPD_IEEE_Invalid_operation, nullptr},
    {"FloatOperation", kFloatOperation, nullptr},
    {"DivisionByZero", MPD_Division_by_zero, nullptr},
    {"Overflow", MPD_Overflow, nullptr},
    {"Underflow", MPD_Underflow, nullptr},
    {"Subnormal", MPD_Subnormal, nullptr},
    {"Inexact", MPD_Inexact, nullptr},
    {"Rounded", MPD_Rounded, nullptr},
    {"Clamped", MPD_Clamped, nullptr},
};
constexpr int kNumSignals = int(sizeof(kSignals) / sizeof(kSignals[0]));

Signal kConditions[] = {
    {"InvalidOperation", MPD_Invalid_operation, nullptr},  // the signal's own class
    {"ConversionSyntax", MPD_Conversion_syntax, nullptr},
    {"DivisionImpossible", MPD_Division_impossible, nullptr},
    {"DivisionUndefined", MPD_Division_undefined, nullptr},
    {"InvalidContext", MPD_Invalid_context, nullptr},
};

Object* g_decimal_exception = nullptr;
Object* g_templates[3] = {};  // DefaultContext, BasicContext, ExtendedContext
Object* g_round_names[MPD_ROUND_GUARD] = {};

const char* const kRoundNames[MPD_ROUND_GUARD] = {
    "ROUND_UP",      "ROUND_DOWN",      "ROUND_CEILING",   "ROUND_FLOOR", "ROUND_HALF_UP",
    "ROUND_HALF_DOWN", "ROUND_HALF_EVEN", "ROUND_05UP",    "ROUND_TRUNC"};

const char* const kInvalidRounding =
    "valid values for rounding are:\n"
    "  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n"
    "   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n"
    "   ROUND_05UP]";
const char* const kInvalidSignal =
    "valid values for signals are:\n"
    "  [InvalidOperation, FloatOperation, DivisionByZero,\n"
    "   Overflow, Underflow, Subnormal, Inexact, Rounded,\n"
    "   Clamped]";

// libmpdec's status bits by position -> the signal name printed in Context reprs.
const char* kSignalStrings[MPD_NUM_FLAGS] = {
    "Clamped",        "InvalidOperation", "DivisionByZero",   "InvalidOperation", "InvalidOperation",
    "InvalidOperation", "Inexact",        "InvalidOperation", "InvalidOperation", "InvalidOperation",
    "FloatOperation", "Overflow",         "Rounded",          "Subnormal",        "Underflow"};

mpd_context_t default_mpd_context() {
  mpd_context_t c{};
  c.prec = 28;
  c.emax = 999999;
  c.emin = -999999;
  c.round = MPD_ROUND_HALF_EVEN;
  c.traps = MPD_IEEE_Invalid_operation | MPD_Division_by_zero | MPD_Overflow;
  c.status = 0;
  c.newtrap = 0;
  c.clamp = 0;
  c.allcr = 1;
  return c;
}

Object* key_error_invalid_signal() {
  Ref msg = Ref::steal(str_from_cstr(kInvalidSignal));
  if (msg) err_set(&Exc_KeyError, msg.get());
  return nullptr;
}

// The status bits of a signal class; 0 with KeyError when `o` is not a signal.
uint32_t signal_flag(Object* o) {
  for (auto& s : kSignals) {
    if (s.cls == o) return s.flag;
  }
  key_error_invalid_signal();
  return 0;
}

// ---- SignalDict ---------------------------------------------------------------------------------
struct SignalDictObject : Object {
  ContextObject* owner;  // owned
  bool traps;            // a view of owner->ctx.traps (else .status)
};

uint32_t* sd_bits(Object* o) {
  auto* sd = static_cast<SignalDictObject*>(o);
  return sd->traps ? &sd->owner->ctx.traps : &sd->owner->ctx.status;
}

Object* sd_make(Object* owner, bool traps) {
  auto* sd = alloc_object<SignalDictObject>(reinterpret_cast<TypeObject*>(g_signal_dict_type));
  if (!sd) return nullptr;
  sd->owner = as_ctx(newref(owner));
  sd->traps = traps;
  return sd;
}

void sd_dealloc(Object* o) {
  auto* sd = static_cast<SignalDictObject*>(o);
  Object* owner = sd->owner;
  sd->owner = nullptr;
  object_free(o);  // a heap subclass's subtype_dealloc releases the class
  xdecref(owner);
}

Object* sd_new(TypeObject*, Object* const*, ssize, Object*) {
  return err_format(&Exc_TypeError, "cannot create 'decimal.SignalDict' instances");
}

ssize sd_len(Object*) { return kNumSignals; }

Object* sd_getitem(Object* self, Object* key) {
  uint32_t* bits = sd_bits(self);
  uint32_t f = signal_flag(key);
  if (!f) return nullptr;
  return bool_from((*bits & f) != 0);
}

int sd_setitem(Object* self, Object* key, Object* value) {
  if (!value) {
    err_format(&Exc_ValueError, "signal keys cannot be deleted");
    return -1;
  }
  uint32_t* bits = sd_bits(self);
  uint32_t f = signal_flag(key);
  if (!f) return -1;
  int t = object_is_true(value);
  if (t < 0) return -1;
  if (t) *bits |= f;
  else *bits &= ~f;
  return 0;
}

Object* signal_tuple() {
  Ref t = Ref::steal(tuple_new(kNumSignals));
  if (!t) return nullptr;
  for (int i = 0; i < kNumSignals; ++i) tuple_set_steal(t.get(), i, newref(kSignals[i].cls));
  return t.release();
}

Object* sd_iter(Object*) {
  Ref t = Ref::steal(signal_tuple());
  return t ? object_getiter(t.get()) : nullptr;
}

Object* sd_repr(Object* self) {
  uint32_t* bits = sd_bits(self);
  std::string s = "{";
  for (int i = 0; i < kNumSignals; ++i) {
    if (i) s += ", ";
    s += "<class 'decimal.";
    s += kSignals[i].name;
    s += "'>:";
    s += (*bits & kSignals[i].flag) ? "True" : "False";
  }
  s += "}";
  return str_from_utf8(s);
}

Object* flags_as_dict(uint32_t bits) {
  Ref d = Ref::steal(dict_new());
  if (!d) return nullptr;
  for (auto& s : kSignals) {
    if (dict_setitem(d.get(), s.cls, (bits & s.flag) ? True : False) < 0) return nullptr;
  }
  return d.release();
}

// A dict {signal: bool} holding every signal -> bits; false with CPython's errors.
bool dict_as_flags(Object* d, uint32_t* out) {
  if (!dict_check(d)) {
    err_format(&Exc_TypeError, "argument must be a signal dict");
    return false;
  }
  if (dict_size(d) != kNumSignals) {
    Ref msg = Ref::steal(str_from_cstr("invalid signal dict"));
    if (msg) err_set(&Exc_KeyError, msg.get());
    return false;
  }
  uint32_t bits = 0;
  for (auto& s : kSignals) {
    Object* v = dict_get_borrowed(d, s.cls);
    if (!v) {
      if (!err_occurred()) {
        Ref msg = Ref::steal(str_from_cstr("invalid signal dict"));
        if (msg) err_set(&Exc_KeyError, msg.get());
      }
      return false;
    }
    int t = object_is_true(v);
    if (t < 0) return false;
    if (t) bits |= s.flag;
  }
  *out = bits;
  return true;
}

Object* sd_richcompare(Object* a, Object* b, int op) {
  if (op != CMP_EQ && op != CMP_NE) return not_implemented_ref();
  uint32_t* bits = sd_bits(a);
  uint32_t other;
  if (object_type_check(b, &SignalDictMixinType)) {
    other = *sd_bits(b);
  } else if (dict_check(b)) {
    if (dict_size(b) != kNumSignals) return err_format(&Exc_ValueError, "invalid signal dict");
    if (!dict_as_flags(b, &other)) {
      if (err_matches(&Exc_KeyError)) {
        err_clear();
        return not_implemented_ref();
      }
      return nullptr;
    }
  } else {
    return not_implemented_ref();
  }
  return bool_from((*bits == other) == (op == CMP_EQ));
}

Object* sd_copy(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("copy", nargs, kwnames)) return nullptr;
  return flags_as_dict(*sd_bits(self));
}

const MethodDef kSignalDictMethods[] = {
    {"copy", sd_copy, METH_DEFAULT, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

// ---- Context ------------------------------------------------------------------------------------
Object* context_alloc(TypeObject* type) {
  auto* c = alloc_object<ContextObject>(type);
  if (!c) return nullptr;
  Ref self = Ref::steal(c);
  c->ctx = g_templates[0] ? as_ctx(g_templates[0])->ctx : default_mpd_context();
  c->capitals = 1;
  return self.release();
}

void context_dealloc(Object* o) {
  object_free(o);  // a heap subclass's subtype_dealloc releases the class
}

Object* context_new(TypeObject* type, Object* const*, ssize, Object*) { return context_alloc(type); }

// An ssize attribute value, as PyLong_AsSsize_t ("an integer is required").
bool ssize_value(Object* v, ssize* out) {
  if (!int_check(v)) {
    err_format(&Exc_TypeError, "an integer is required");
    return false;
  }
  *out = int_as_ssize(v);
  return !(*out == -1 && err_occurred());
}

int set_prec(Object* self, Object* v) {
  ssize x;
  if (!ssize_value(v, &x)) return -1;
  if (!mpd_qsetprec(CTX(self), x)) {
    err_format(&Exc_ValueError, "valid range for prec is [1, MAX_PREC]");
    return -1;
  }
  return 0;
}

int set_emin(Object* self, Object* v) {
  ssize x;
  if (!ssize_value(v, &x)) return -1;
  if (!mpd_qsetemin(CTX(self), x)) {
    err_format(&Exc_ValueError, "valid range for Emin is [MIN_EMIN, 0]");
    return -1;
  }
  return 0;
}

int set_emax(Object* self, Object* v) {
  ssize x;
  if (!ssize_value(v, &x)) return -1;
  if (!mpd_qsetemax(CTX(self), x)) {
    err_format(&Exc_ValueError, "valid range for Emax is [0, MAX_EMAX]");
    return -1;
  }
  return 0;
}

int set_rounding(Object* self, Object* v) {
  int r = rounding_from_object(v);
  if (r < 0) return -1;
  mpd_qsetround(CTX(self), r);
  return 0;
}

int set_capitals(Object* self, Object* v) {
  ssize x;
  if (!ssize_value(v, &x)) return -1;
  if (x != 0 && x != 1) {
    err_format(&Exc_ValueError, "valid values for capitals are 0 or 1");
    return -1;
  }
  as_ctx(self)->capitals = int(x);
  return 0;
}

int set_clamp(Object* self, Object* v) {
  ssize x;
  if (!ssize_value(v, &x)) return -1;
  if (!mpd_qsetclamp(CTX(self), int(x)) || (x != 0 && x != 1)) {
    err_format(&Exc_ValueError, "valid values for clamp are 0 or 1");
    return -1;
  }
  return 0;
}

// traps/flags from a list of signals, a {signal: bool} dict or a SignalDict.
int set_signal_bits(Object* self, Object* v, bool traps) {
  uint32_t bits = 0;
  if (list_check(v)) {
    for (ssize i = 0; i < list_size(v); ++i) {
      uint32_t f = signal_flag(list_get_borrowed(v, i));
      if (!f) return -1;
      bits |= f;
    }
  } else if (object_type_check(v, &SignalDictMixinType)) {
    bits = *sd_bits(v);
  } else if (!dict_as_flags(v, &bits)) {
    return -1;
  }
  if (traps) CTX(self)->traps = bits;
  else CTX(self)->status = bits;
  return 0;
}

int set_traps(Object* self, Object* v) { return set_signal_bits(self, v, true); }
int set_flags(Object* self, Object* v) { return set_signal_bits(self, v, false); }

// Context(...) / localcontext(...) keyword values: each non-None one is set in order.
int context_setattrs(Object* self, Object* const* vals) {
  using Setter = int (*)(Object*, Object*);
  static const Setter setters[] = {set_prec,     set_rounding, set_emin,  set_emax,
                                   set_capitals, set_clamp,    set_flags, set_traps};
  for (int i = 0; i < 8; ++i) {
    if (vals[i] && vals[i] != None && setters[i](self, vals[i]) < 0) return -1;
  }
  return 0;
}

const char* const kContextArgNames[] = {"prec", "rounding", "Emin",  "Emax",
                                        "capitals", "clamp", "flags", "traps", nullptr};

int context_init(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  Object* a[8] = {};
  if (!dec_kw_args(kContextArgNames, 0, args, nargs, kwnames, a)) return -1;
  return context_setattrs(self, a);
}

Object* get_prec(Object* self) { return int_from_i64(CTX(self)->prec); }
Object* get_emin(Object* self) { return int_from_i64(CTX(self)->emin); }
Object* get_emax(Object* self) { return int_from_i64(CTX(self)->emax); }
Object* get_rounding(Object* self) { return rounding_name(CTX(self)->round); }
Object* get_capitals(Object* self) { return int_from_i64(as_ctx(self)->capitals); }
Object* get_clamp(Object* self) { return int_from_i64(CTX(self)->clamp); }
Object* get_traps(Object* self) { return sd_make(self, true); }
Object* get_flags(Object* self) { return sd_make(self, false); }

template <int (*F)(Object*, Object*)>
int guarded_setter(Object* self, Object* v) {
  if (!v) {
    err_format(&Exc_AttributeError, "context attributes cannot be deleted");
    return -1;
  }
  return F(self, v);
}

const GetSetDef kContextGetSet[] = {
    {"prec", get_prec, guarded_setter<set_prec>, nullptr},
    {"Emax", get_emax, guarded_setter<set_emax>, nullptr},
    {"Emin", get_emin, guarded_setter<set_emin>, nullptr},
    {"rounding", get_rounding, guarded_setter<set_rounding>, nullptr},
    {"capitals", get_capitals, guarded_setter<set_capitals>, nullptr},
    {"clamp", get_clamp, guarded_setter<set_clamp>, nullptr},
    {"traps", get_traps, guarded_setter<set_traps>, nullptr},
    {"flags", get_flags, guarded_setter<set_flags>, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

std::string signals_list(uint32_t bits) {
  std::string s = "[";
  bool invalid_done = false, first = true;
  for (int j = 0; j < MPD_NUM_FLAGS; ++j) {
    uint32_t f = bits & (1u << j);
    if (!f) continue;
    if (f & MPD_IEEE_Invalid_operation) {
      if (invalid_done) continue;
      invalid_done = true;
    }
    if (!first) s += ", ";
    first = false;
    s += kSignalStrings[j];
  }
  return s + "]";
}

Object* context_repr(Object* self) {
  mpd_context_t* c = CTX(self);
  std::string s = "Context(prec=" + std::to_string(c->prec) + ", rounding=" + kRoundNames[c->round] +
                  ", Emin=" + std::to_string(c->emin) + ", Emax=" + std::to_string(c->emax) +
                  ", capitals=" + std::to_string(as_ctx(self)->capitals) +
                  ", clamp=" + std::to_string(c->clamp) + ", flags=" + signals_list(c->status) +
                  ", traps=" + signals_list(c->traps) + ")";
  return str_from_utf8(s);
}

Object* context_copy_of(Object* self) {
  Ref c = Ref::steal(context_alloc(&ContextType));
  if (!c) return nullptr;
  *CTX(c.get()) = *CTX(self);
  CTX(c.get())->newtrap = 0;
  as_ctx(c.get())->capitals = as_ctx(self)->capitals;
  return c.release();
}

Object* ctx_copy(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("Context.copy", nargs, kwnames)) return nullptr;
  return context_copy_of(self);
}

Object* ctx_dunder_copy(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("Context.__copy__", nargs, kwnames)) return nullptr;
  return context_copy_of(self);
}

Object* signals_as_list(uint32_t bits) {
  Ref l = Ref::steal(list_new(0));
  if (!l) return nullptr;
  for (auto& s : kSignals) {
    if ((bits & s.flag) && list_append(l.get(), s.cls) < 0) return nullptr;
  }
  return l.release();
}

Object* ctx_reduce(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("Context.__reduce__", nargs, kwnames)) return nullptr;
  mpd_context_t* c = CTX(self);
  Ref flags = Ref::steal(signals_as_list(c->status));
  Ref traps = Ref::steal(signals_as_list(c->traps));
  Ref prec = Ref::steal(int_from_i64(c->prec)), emin = Ref::steal(int_from_i64(c->emin)),
      emax = Ref::steal(int_from_i64(c->emax)), caps = Ref::steal(int_from_i64(as_ctx(self)->capitals)),
      clamp = Ref::steal(int_from_i64(c->clamp)), round = Ref::steal(rounding_name(c->round));
  if (!flags || !traps || !prec || !emin || !emax || !caps || !clamp || !round) return nullptr;
  Ref args = Ref::steal(tuple_pack(8, prec.get(), round.get(), emin.get(), emax.get(), caps.get(),
                                   clamp.get(), flags.get(), traps.get()));
  if (!args) return nullptr;
  return tuple_pack(2, as_object(type_of(self)), args.get());
}

Object* ctx_clear_flags(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("Context.clear_flags", nargs, kwnames)) return nullptr;
  CTX(self)->status = 0;
  return none_ref();
}

Object* ctx_clear_traps(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("Context.clear_traps", nargs, kwnames)) return nullptr;
  CTX(self)->traps = 0;
  return none_ref();
}

Object* ctx_etiny(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("Context.Etiny", nargs, kwnames)) return nullptr;
  return int_from_i64(mpd_etiny(CTX(self)));
}

Object* ctx_etop(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("Context.Etop", nargs, kwnames)) return nullptr;
  return int_from_i64(mpd_etop(CTX(self)));
}

Object* ctx_create_decimal(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("create_decimal", kwnames)) return nullptr;
  if (nargs > 1) {
    return err_format(&Exc_TypeError, "function takes at most 1 argument (%zd given)", nargs);
  }
  if (nargs == 0) {
    Ref zero = Ref::steal(int_from_i64(0));
    return dec_from_object(&DecimalType, zero.get(), self, false);
  }
  return dec_from_object(&DecimalType, args[0], self, false);
}

Object* ctx_create_decimal_from_float(Object* self, Object* const* args, ssize nargs,
                                      Object* kwnames) {
  if (!check_one_arg("Context.create_decimal_from_float", nargs, kwnames)) return nullptr;
  Object* v = args[0];
  if (!int_check(v) && !float_check(v)) {
    return err_format(&Exc_TypeError, "argument must be int or float");
  }
  Ref exact = Ref::steal(int_check(v) ? dec_convert_operand(v, self, true)
                                      : dec_from_float_exact(&DecimalType, v, self));
  if (!exact) return nullptr;
  // Round to the context (as create_decimal of the exact value).
  return dec_from_object(&DecimalType, exact.get(), self, false);
}

const MethodDef kContextOwnMethods[] = {
    {"Etiny", ctx_etiny, METH_DEFAULT, nullptr},
    {"Etop", ctx_etop, METH_DEFAULT, nullptr},
    {"copy", ctx_copy, METH_DEFAULT, nullptr},
    {"__copy__", ctx_dunder_copy, METH_DEFAULT, nullptr},
    {"__reduce__", ctx_reduce, METH_DEFAULT, nullptr},
    {"clear_flags", ctx_clear_flags, METH_DEFAULT, nullptr},
    {"clear_traps", ctx_clear_traps, METH_DEFAULT, nullptr},
    {"create_decimal", ctx_create_decimal, METH_DEFAULT, nullptr},
    {"create_decimal_from_float", ctx_create_decimal_from_float, METH_DEFAULT, nullptr},
};

std::vector<MethodDef> g_context_methods;  // kContextOwnMethods + kContextOpMethods

// ---- The current context ------------------------------------------------------------------------
Object* context_key() { return str_intern_cstr_borrowed("__decimal_context__"); }

Object* thread_dict() {
  ThreadState* ts = tstate();
  if (!ts->dict) ts->dict = dict_new();
  return ts->dict;
}

// Store `ctx` (a Context; the templates are copied, as CPython does) as the thread's context.
bool set_current_context(Object* ctx) {
  Ref v = Ref::borrow(ctx);
  for (Object* t : g_templates) {
    if (ctx == t) {
      v = Ref::steal(context_copy_of(ctx));
      if (!v) return false;
      CTX(v.get())->status = 0;
      break;
    }
  }
  Object* d = thread_dict();
  return d && dict_setitem(d, context_key(), v.get()) == 0;
}

Object* mod_getcontext(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("getcontext", nargs, kwnames)) return nullptr;
  Object* c = current_context_borrowed();
  return c ? newref(c) : nullptr;
}

Object* mod_setcontext(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("setcontext", nargs, kwnames)) return nullptr;
  if (!ctx_check(args[0])) return err_format(&Exc_TypeError, "argument must be a context");
  if (!set_current_context(args[0])) return nullptr;
  return none_ref();
}

// localcontext(): a ContextManager holding the context to install and the one to restore.
struct ContextManagerObject : Object {
  Object* local;
  Object* global;
};

Object* mod_localcontext(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"ctx",      "prec",  "rounding", "Emin",  "Emax",
                                      "capitals", "clamp", "flags",    "traps", nullptr};
  Object* a[9] = {};
  if (!dec_kw_args(names, 0, args, nargs, kwnames, a)) return nullptr;
  Object* global = current_context_borrowed();
  if (!global) return nullptr;
  Object* local = global;
  if (a[0] && a[0] != None) {
    if (!ctx_check(a[0])) return err_format(&Exc_TypeError, "optional argument must be a context");
    local = a[0];
  }
  Ref copy = Ref::steal(context_copy_of(local));
  if (!copy || context_setattrs(copy.get(), a + 1) < 0) return nullptr;
  auto* m = alloc_object<ContextManagerObject>(&ContextManagerType);
  if (!m) return nullptr;
  m->local = copy.release();
  m->global = newref(global);
  return m;
}

void ctxmanager_dealloc(Object* o) {
  auto* m = static_cast<ContextManagerObject*>(o);
  clear_ref(&m->local);
  clear_ref(&m->global);
  object_free(o);
}

Object* ctxmanager_enter(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("__enter__", nargs, kwnames)) return nullptr;
  auto* m = static_cast<ContextManagerObject*>(self);
  if (!set_current_context(m->local)) return nullptr;
  return newref(m->local);
}

Object* ctxmanager_exit(Object* self, Object* const*, ssize, Object*) {
  auto* m = static_cast<ContextManagerObject*>(self);
  if (!set_current_context(m->global)) return nullptr;
  return none_ref();
}

const MethodDef kContextManagerMethods[] = {
    {"__enter__", ctxmanager_enter, METH_DEFAULT, nullptr},
    {"__exit__", ctxmanager_exit, METH_DEFAULT, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

const MethodDef kModuleFunctions[] = {
    {"getcontext", mod_getcontext, METH_DEFAULT, "Get the current default context."},
    {"setcontext", mod_setcontext, METH_DEFAULT, "Set a new default context."},
    {"localcontext", mod_localcontext, METH_DEFAULT,
     "Return a context manager that will set the default context to a copy of ctx on entry to "
     "the with-statement and restore the previous default context when exiting the "
     "with-statement."},
    {nullptr, nullptr, 0, nullptr},
};

// ---- Signals as exception classes ---------------------------------------------------------------
Object* make_class(const char* name, std::initializer_list<Object*> bases) {
  Ref n = Ref::steal(str_from_cstr(name));
  Ref b = Ref::steal(tuple_new(ssize(bases.size())));
  Ref d = Ref::steal(dict_new());
  if (!n || !b || !d) return nullptr;
  ssize i = 0;
  for (Object* base : bases) tuple_set_steal(b.get(), i++, newref(base));
  Ref mod = Ref::steal(str_from_cstr("decimal"));
  if (!mod || dict_setitem_str(d.get(), "__module__", mod.get()) < 0) return nullptr;
  return type_new_heap(&TypeType, n.get(), b.get(), d.get(), nullptr);
}

Object* signal_cls(const char* name) {
  for (auto& s : kSignals) {
    if (std::strcmp(s.name, name) == 0) return s.cls;
  }
  return nullptr;
}

bool make_signals() {
  if (g_decimal_exception) return true;
  Object* base = as_object(&Exc_ArithmeticError);
  g_decimal_exception = make_class("DecimalException", {base});
  if (!g_decimal_exception) return false;
  Object* de = g_decimal_exception;
  struct Def {
    const char* name;
    std::initializer_list<const char*> bases;  // signal names; "" = DecimalException
    Object* extra;                              // a built-in base, or null
  };
  const Def defs[] = {
      {"Clamped", {""}, nullptr},          {"InvalidOperation", {""}, nullptr},
      {"DivisionByZero", {""}, as_object(&Exc_ZeroDivisionError)},
      {"Inexact", {""}, nullptr},          {"Rounded", {""}, nullptr},
      {"Subnormal", {""}, nullptr},        {"Overflow", {"Inexact", "Rounded"}, nullptr},
      {"Underflow", {"Inexact", "Rounded", "Subnormal"}, nullptr},
      {"FloatOperation", {""}, as_object(&Exc_TypeError)},
  };
  for (const Def& def : defs) {
    std::vector<Object*> bases;
    for (const char* b : def.bases) bases.push_back(*b ? signal_cls(b) : de);
    if (def.extra) bases.push_back(def.extra);
    Ref n = Ref::steal(str_from_cstr(def.name));
    Ref bt = Ref::steal(tuple_from_array(bases.data(), ssize(bases.size())));
    Ref d = Ref::steal(dict_new());
    Ref mod = Ref::steal(str_from_cstr("decimal"));
    if (!n || !bt || !d || !mod || dict_setitem_str(d.get(), "__module__", mod.get()) < 0) return false;
    Object* cls = type_new_heap(&TypeType, n.get(), bt.get(), d.get(), nullptr);
    if (!cls) return false;
    for (auto& s : kSignals) {
      if (std::strcmp(s.name, def.name) == 0) s.cls = cls;
    }
  }
  Object* invalid = signal_cls("InvalidOperation");
  kConditions[0].cls = invalid;
  kConditions[1].cls = make_class("ConversionSyntax", {invalid});
  kConditions[2].cls = make_class("DivisionImpossible", {invalid});
  kConditions[3].cls = make_class("DivisionUndefined", {invalid, as_object(&Exc_ZeroDivisionError)});
  kConditions[4].cls = make_class("InvalidContext", {invalid});
  for (auto& c : kConditions) {
    if (!c.cls) return false;
  }
  return true;
}

bool add_signals(Object* module) {
  if (module_add_object(module, "DecimalException", g_decimal_exception) < 0) return false;
  for (auto& s : kSignals) {
    if (module_add_object(module, s.name, s.cls) < 0) return false;
  }
  for (int i = 1; i < 5; ++i) {
    if (module_add_object(module, kConditions[i].name, kConditions[i].cls) < 0) return false;
  }
  return true;
}

bool make_signal_dict_type() {
  if (g_signal_dict_type) return true;
  Ref abc = Ref::steal(import_module("collections.abc"));
  if (!abc) return false;
  Ref mm = Ref::steal(object_getattr_str(abc.get(), "MutableMapping"));
  if (!mm) return false;
  Ref name = Ref::steal(str_from_cstr("SignalDict"));
  Ref bases = Ref::steal(tuple_pack(2, as_object(&SignalDictMixinType), mm.get()));
  Ref d = Ref::steal(dict_new());
  if (!name || !bases || !d) return false;
  Object* argv[3] = {name.get(), bases.get(), d.get()};
  g_signal_dict_type = call(as_object(type_of(mm.get())), argv, 3);
  return g_signal_dict_type != nullptr;
}

void base_init(TypeObject& t, const char* name, ssize size, uint32_t flags) {
  t.ob_type = &TypeType;
  make_immortal(&t);
  t.name = name;
  t.basicsize = size;
  t.flags = flags;
}

bool context_types_ready() {
  if (ContextType.flags & TPFLAG_READY) return true;
  base_init(SignalDictMixinType, "decimal.SignalDictMixin", sizeof(SignalDictObject), TPFLAG_BASETYPE);
  SignalDictMixinType.dealloc = sd_dealloc;
  SignalDictMixinType.new_ = sd_new;
  SignalDictMixinType.len = sd_len;
  SignalDictMixinType.getitem = sd_getitem;
  SignalDictMixinType.setitem = sd_setitem;
  SignalDictMixinType.iter = sd_iter;
  SignalDictMixinType.repr = sd_repr;
  SignalDictMixinType.richcompare = sd_richcompare;
  SignalDictMixinType.hash = object_hash_not_implemented;
  SignalDictMixinType.methods = kSignalDictMethods;

  base_init(ContextType, "decimal.Context", sizeof(ContextObject), TPFLAG_BASETYPE);
  ContextType.doc =
      "Context(prec=None, rounding=None, Emin=None, Emax=None, capitals=None, clamp=None, "
      "flags=None, traps=None)\n--\n\nThe context affects almost all operations and controls "
      "rounding, Over/Underflow, raising of exceptions and much more.";
  ContextType.dealloc = context_dealloc;
  ContextType.new_ = context_new;
  ContextType.init = context_init;
  ContextType.repr = context_repr;
  ContextType.getset = kContextGetSet;
  for (const MethodDef& m : kContextOwnMethods) g_context_methods.push_back(m);
  for (const MethodDef* m = kContextOpMethods; m->name; ++m) g_context_methods.push_back(*m);
  g_context_methods.push_back({nullptr, nullptr, 0, nullptr});
  ContextType.methods = g_context_methods.data();

  base_init(ContextManagerType, "decimal.ContextManager", sizeof(ContextManagerObject), 0);
  ContextManagerType.dealloc = ctxmanager_dealloc;
  ContextManagerType.methods = kContextManagerMethods;
  for (TypeObject* t : {&SignalDictMixinType, &ContextType, &ContextManagerType}) {
    if (type_ready(t) < 0) return false;
  }
  return true;
}

}  // namespace

// ---- Shared with decimal_number.cpp -------------------------------------------------------------
Object* current_context_borrowed() {
  Object* d = thread_dict();
  if (!d) return nullptr;
  Object* c = dict_get_borrowed(d, context_key());
  if (c) return c;
  if (err_occurred()) return nullptr;
  Ref fresh = Ref::steal(context_copy_of(g_templates[0]));
  if (!fresh) return nullptr;
  CTX(fresh.get())->status = 0;
  if (dict_setitem(d, context_key(), fresh.get()) < 0) return nullptr;
  return fresh.get();  // the thread dict holds it
}

Object* context_arg(Object* context) {
  if (!context || context == None) return current_context_borrowed();
  if (!ctx_check(context)) return err_format(&Exc_TypeError, "optional argument must be a context");
  return context;
}

bool dec_addstatus(Object* context, uint32_t status) {
  mpd_context_t* c = CTX(context);
  c->status |= status;
  uint32_t trapped = status & (c->traps | MPD_Malloc_error);
  if (!trapped) return false;
  if (trapped & MPD_Malloc_error) {
    err_no_memory();
    return true;
  }
  Object* exc = nullptr;
  for (auto& s : kSignals) {
    if (trapped & s.flag) {
      exc = s.cls;
      break;
    }
  }
  Ref list = Ref::steal(list_new(0));
  if (!list) return true;
  for (auto& cnd : kConditions) {
    if ((trapped & cnd.flag) && list_append(list.get(), cnd.cls) < 0) return true;
  }
  for (int i = 1; i < kNumSignals; ++i) {
    if ((trapped & kSignals[i].flag) && list_append(list.get(), kSignals[i].cls) < 0) return true;
  }
  err_set(reinterpret_cast<TypeObject*>(exc), list.get());
  return true;
}

int rounding_from_object(Object* o) {
  if (str_check(o)) {
    for (int i = 0; i < MPD_ROUND_TRUNC; ++i) {
      if (o == g_round_names[i] || str_equal(o, g_round_names[i])) return i;
    }
  }
  err_format(&Exc_TypeError, "%s", kInvalidRounding);
  return -1;
}

Object* rounding_name(int round) { return newref(g_round_names[round]); }

bool decimal_context_init_module(Object* module) {
  if (!context_types_ready() || !make_signals() || !make_signal_dict_type()) return false;
  for (int i = 0; i < MPD_ROUND_GUARD; ++i) {
    if (!g_round_names[i]) g_round_names[i] = str_intern(str_from_cstr(kRoundNames[i]));
  }
  if (!g_templates[0]) {
    for (int i = 0; i < 3; ++i) {
      g_templates[i] = context_alloc(&ContextType);
      if (!g_templates[i]) return false;
    }
    mpd_context_t basic = default_mpd_context();
    basic.prec = 9;
    basic.traps |= MPD_Underflow | MPD_Clamped;
    basic.round = MPD_ROUND_HALF_UP;
    *CTX(g_templates[1]) = basic;
    mpd_context_t extended = default_mpd_context();
    extended.prec = 9;
    extended.traps = 0;
    *CTX(g_templates[2]) = extended;
  }
  if (module_add_functions(module, kModuleFunctions) < 0 || !add_signals(module) ||
      module_add_object(module, "Context", as_object(&ContextType)) < 0 ||
      module_add_object(module, "DefaultContext", g_templates[0]) < 0 ||
      module_add_object(module, "BasicContext", g_templates[1]) < 0 ||
      module_add_object(module, "ExtendedContext", g_templates[2]) < 0) {
    return false;
  }
  for (int i = 0; i < MPD_ROUND_TRUNC; ++i) {
    if (module_add_object(module, kRoundNames[i], g_round_names[i]) < 0) return false;
  }
  return true;
}

Object* decimal_module_init() {
  static bool minalloc_set = false;
  if (!minalloc_set) {
    mpd_setminalloc(kDecInlineWords);
    minalloc_set = true;
  }
  Ref m = Ref::steal(module_new("_decimal"));
  if (!m || !decimal_context_init_module(m.get()) || !decimal_number_init_module(m.get())) {
    return nullptr;
  }
  return m.release();
}

}  // namespace gilpy

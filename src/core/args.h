// Binding the arguments of built-in functions, with CPython's error messages.
//
// Built-ins take vectorcall arguments (args, nargs, kwnames). Simple arities use the check_*
// helpers; functions with keyword parameters describe them in an ArgSpec and call parse_args,
// which reproduces Argument Clinic's messages (getargs.c): "round() missing required argument
// 'number' (pos 1)", "'x' is an invalid keyword argument for round()", "sum() takes at least 1
// positional argument (0 given)", ...
#pragma once

#include "core/type.h"

namespace gilpy {

// "len() takes exactly one argument (2 given)" (METH_O functions).
bool check_one_arg(const char* fname, ssize nargs, Object* kwnames);
// "locals() takes no arguments (1 given)" (METH_NOARGS functions).
bool check_no_args(const char* fname, ssize nargs, Object* kwnames);
// "divmod expected 2 arguments, got 1" / "getattr expected at least 2 arguments, got 1" /
// "input expected at most 1 argument, got 2" (_PyArg_CheckPositional).
bool check_positional(const char* fname, ssize nargs, ssize min, ssize max);
// "print() takes no keyword arguments" (the name is printed with "()" appended).
bool check_no_kwargs(const char* fname, Object* kwnames);

struct ArgSpec {
  const char* fname;           // without "()"
  const char* const* names;    // parameter names, nullptr-terminated; "" marks positional-only
  int min_args;                // the first min_args parameters are required
  int max_pos;                 // parameters [0, max_pos) may be given positionally; the rest are
                               // keyword-only
};
// Fill out[i] (BORROWED, nullptr when not given) for each parameter. Returns false with TypeError.
bool parse_args(const ArgSpec& spec, Object* const* args, ssize nargs, Object* kwnames,
                Object** out);

// The truth value of an optional argument, as Argument Clinic's `p` converter: *out = dflt when
// `arg` is null (not given), else bool(arg). False with the exception set when bool() raises.
bool bool_arg(Object* arg, bool dflt, bool* out);

// An integer argument (through __index__) that must fit a C int, as CPython's _PyLong_AsInt:
// TypeError from __index__, OverflowError "Python int too large to convert to C int".
bool index_as_int(Object* o, int* out);

// Number of parameters in spec.names.
int argspec_count(const ArgSpec& spec);

}  // namespace gilpy

// Binding the arguments of built-in functions: see core/args.h. The messages are CPython 3.12's
// (Python/getargs.c, _PyArg_UnpackKeywords and friends), word for word.
#include "core/args.h"

#include <climits>
#include <cstring>

#include "core/abstract.h"
#include "core/error.h"
#include "objects/containers.h"
#include "objects/intobject.h"
#include "objects/strobject.h"

namespace gilpy {

bool check_one_arg(const char* fname, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs(fname, kwnames)) return false;
  if (nargs != 1) {
    err_format(&Exc_TypeError, "%s() takes exactly one argument (%zd given)", fname, nargs);
    return false;
  }
  return true;
}

bool check_no_args(const char* fname, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs(fname, kwnames)) return false;
  if (nargs != 0) {
    err_format(&Exc_TypeError, "%s() takes no arguments (%zd given)", fname, nargs);
    return false;
  }
  return true;
}

bool check_positional(const char* fname, ssize nargs, ssize min, ssize max) {
  if (nargs < min) {
    err_format(&Exc_TypeError, "%s expected %s%zd argument%s, got %zd", fname,
               min == max ? "" : "at least ", min, min == 1 ? "" : "s", nargs);
    return false;
  }
  if (nargs > max) {
    err_format(&Exc_TypeError, "%s expected %s%zd argument%s, got %zd", fname,
               min == max ? "" : "at most ", max, max == 1 ? "" : "s", nargs);
    return false;
  }
  return true;
}

bool check_no_kwargs(const char* fname, Object* kwnames) {
  if (kwnames && tuple_size(kwnames) > 0) {
    err_format(&Exc_TypeError, "%s() takes no keyword arguments", fname);
    return false;
  }
  return true;
}

bool bool_arg(Object* arg, bool dflt, bool* out) {
  *out = dflt;
  if (!arg) return true;
  int t = object_is_true(arg);
  if (t < 0) return false;
  *out = t;
  return true;
}

int argspec_count(const ArgSpec& spec) {
  int n = 0;
  while (spec.names[n]) ++n;
  return n;
}

bool parse_args(const ArgSpec& spec, Object* const* args, ssize nargs, Object* kwnames,
                Object** out) {
  const int nparams = argspec_count(spec);
  int posonly = 0;
  while (posonly < nparams && spec.names[posonly][0] == '\0') ++posonly;
  const ssize nkw = kwnames ? tuple_size(kwnames) : 0;
  const int maxpos = spec.max_pos;
  const int minpos = spec.min_args < maxpos ? spec.min_args : maxpos;
  const int minposonly = spec.min_args < posonly ? spec.min_args : posonly;

  if (nargs + nkw > nparams) {
    err_format(&Exc_TypeError, "%s() takes at most %d %sargument%s (%zd given)", spec.fname,
               nparams, nargs == 0 ? "keyword " : "", nparams == 1 ? "" : "s", nargs + nkw);
    return false;
  }
  if (nargs > maxpos) {
    if (maxpos == 0) {
      err_format(&Exc_TypeError, "%s() takes no positional arguments", spec.fname);
    } else {
      err_format(&Exc_TypeError, "%s() takes %s %d positional argument%s (%zd given)",
                 spec.fname, minpos < maxpos ? "at most" : "exactly", maxpos,
                 maxpos == 1 ? "" : "s", nargs);
    }
    return false;
  }
  if (nargs < minposonly) {
    err_format(&Exc_TypeError, "%s() takes %s %d positional argument%s (%zd given)", spec.fname,
               minposonly < maxpos ? "at least" : "exactly", minposonly,
               minposonly == 1 ? "" : "s", nargs);
    return false;
  }
  for (int i = 0; i < nparams; ++i) out[i] = i < nargs ? args[i] : nullptr;

  // Keyword arguments: match by name; positional-only parameters are not matched.
  for (ssize k = 0; k < nkw; ++k) {
    Object* key = tuple_get_borrowed(kwnames, k);
    int found = -1;
    for (int i = posonly; i < nparams; ++i) {
      if (str_equal_cstr(key, spec.names[i])) {
        found = i;
        break;
      }
    }
    if (found < 0) {
      err_format(&Exc_TypeError, "'%S' is an invalid keyword argument for %s()", key, spec.fname);
      return false;
    }
    if (out[found]) {
      err_format(&Exc_TypeError, "argument for %s() given by name ('%s') and position (%d)",
                 spec.fname, spec.names[found], found + 1);
      return false;
    }
    out[found] = args[nargs + k];
  }
  for (int i = 0; i < spec.min_args; ++i) {
    if (!out[i]) {
      if (i < posonly) {
        err_format(&Exc_TypeError, "%s() takes %s %d positional argument%s (%zd given)",
                   spec.fname, minposonly < maxpos ? "at least" : "exactly", minposonly,
                   minposonly == 1 ? "" : "s", nargs);
      } else {
        err_format(&Exc_TypeError, "%s() missing required argument '%s' (pos %d)", spec.fname,
                   spec.names[i], i + 1);
      }
      return false;
    }
  }
  return true;
}

bool index_as_int(Object* o, int* out) {
  Ref i = Ref::steal(number_index(o));
  if (!i) return false;
  bool overflow = false;
  int64_t v = int_as_i64(i.get(), &overflow);
  if (overflow || v > INT_MAX || v < INT_MIN) {
    err_set_string(&Exc_OverflowError, "Python int too large to convert to C int");
    return false;
  }
  *out = int(v);
  return true;
}

}  // namespace gilpy

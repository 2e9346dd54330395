// Calling Python functions: argument binding with CPython's error messages (the port of
// ceval.c's initialize_locals and its helpers) and the FunctionType call slot.
//
// Ownership: bind_arguments fills a fresh frame's localsplus with NEW references (arguments are
// borrowed from the caller); on failure the slots filled so far stay in the frame and are released
// by frame_clear. function_vectorcall pushes the frame on the thread's frame stack; eval_frame
// clears and pops it. Generator functions allocate their frame inside the generator object.
#include <string>
#include <vector>

#include "core/abstract.h"
#include "core/error.h"
#include "objects/codeobject.h"
#include "objects/containers.h"
#include "objects/funcobject.h"
#include "objects/genobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"
#include "vm/eval.h"
#include "vm/frame.h"

namespace gilpy {

namespace {

// "'a', 'b', and 'c'" from the repr of the given names.
bool join_names(Object* names_list, std::string& out) {
  ssize n = list_size(names_list);
  std::vector<std::string> parts;
  for (ssize i = 0; i < n; i++) {
    std::string r;
    if (!repr_utf8(list_get_borrowed(names_list, i), r)) return false;
    parts.push_back(std::move(r));
  }
  if (n == 1) {
    out = parts[0];
  } else if (n == 2) {
    out = parts[0] + " and " + parts[1];
  } else {
    out.clear();
    for (ssize i = 0; i < n - 2; i++) {
      if (i) out += ", ";
      out += parts[size_t(i)];
    }
    out += ", " + parts[size_t(n - 2)] + ", and " + parts[size_t(n - 1)];
  }
  return true;
}

void missing_arguments(CodeObject* co, ssize missing, ssize defcount, Object** localsplus,
                       Object* qualname) {
  bool positional = defcount != -1;
  ssize start, end;
  if (positional) {
    start = 0;
    end = co->argcount - defcount;
  } else {
    start = co->argcount;
    end = start + co->kwonlyargcount;
  }
  Ref names = Ref::steal(list_new(0));
  if (!names) return;
  for (ssize i = start; i < end; i++) {
    if (!localsplus[i]) {
      if (list_append(names.get(), tuple_get_borrowed(co->localsplusnames, i)) < 0) return;
    }
  }
  std::string joined;
  if (!join_names(names.get(), joined)) return;
  ssize len = list_size(names.get());
  err_format(&Exc_TypeError, "%U() missing %d required %s argument%s: %s", qualname, int(len),
             positional ? "positional" : "keyword-only", len == 1 ? "" : "s", joined.c_str());
  (void)missing;
}

void too_many_positional(CodeObject* co, ssize given, Object* defaults, Object** localsplus,
                         Object* qualname) {
  ssize kwonly_given = 0;
  for (ssize i = co->argcount; i < co->argcount + co->kwonlyargcount; i++) {
    if (localsplus[i]) kwonly_given++;
  }
  ssize defcount = defaults ? tuple_size(defaults) : 0;
  std::string sig;
  bool plural;
  if (defcount) {
    plural = true;
    sig = "from " + std::to_string(co->argcount - defcount) + " to " + std::to_string(co->argcount);
  } else {
    plural = co->argcount != 1;
    sig = std::to_string(co->argcount);
  }
  std::string kwonly_sig;
  if (kwonly_given) {
    kwonly_sig = std::string(" positional argument") + (given != 1 ? "s" : "") + " (and " +
                 std::to_string(kwonly_given) + " keyword-only argument" +
                 (kwonly_given != 1 ? "s" : "") + ")";
  }
  err_format(&Exc_TypeError, "%U() takes %s positional argument%s but %zd%s %s given", qualname,
             sig.c_str(), plural ? "s" : "", given, kwonly_sig.c_str(),
             given == 1 && !kwonly_given ? "was" : "were");
}

// 1 (error raised) if some positional-only parameters were passed by keyword.
int positional_only_passed_as_keyword(CodeObject* co, ssize kwcount, Object* kwnames,
                                      Object* qualname) {
  std::string names;
  int conflicts = 0;
  for (int k = 0; k < co->posonlyargcount; k++) {
    Object* posonly_name = tuple_get_borrowed(co->localsplusnames, k);
    for (ssize k2 = 0; k2 < kwcount; k2++) {
      Object* kwname = tuple_get_borrowed(kwnames, k2);
      bool match = kwname == posonly_name;
      if (!match) {
        int cmp = object_richcompare_bool(posonly_name, kwname, CMP_EQ);
        if (cmp < 0) return -1;
        match = cmp == 1;
      }
      if (match) {
        if (conflicts++) names += ", ";
        names += str_view(kwname);
      }
    }
  }
  if (!conflicts) return 0;
  err_format(&Exc_TypeError,
             "%U() got some positional-only arguments passed as keyword arguments: '%s'", qualname,
             names.c_str());
  return 1;
}

}  // namespace

int bind_arguments(FunctionObject* func, Object** localsplus, Object* const* args, ssize argcount,
                   Object* kwnames) {
  auto* co = static_cast<CodeObject*>(func->code);
  const ssize total_args = co->argcount + co->kwonlyargcount;
  Object* kwdict = nullptr;
  ssize i;
  if (co->flags & CO_VARKEYWORDS) {
    kwdict = dict_new();
    if (!kwdict) return -1;
    i = total_args;
    if (co->flags & CO_VARARGS) i++;
    localsplus[i] = kwdict;
  }

  // Copy the positional arguments.
  ssize n = argcount < co->argcount ? argcount : co->argcount;
  for (ssize j = 0; j < n; j++) localsplus[j] = newref(args[j]);

  // Pack the other positional arguments into *args.
  if (co->flags & CO_VARARGS) {
    Object* u = argcount > n ? tuple_from_array(args + n, argcount - n) : tuple_empty();
    if (!u) return -1;
    localsplus[total_args] = u;
  }

  // Keyword arguments.
  if (kwnames) {
    ssize kwcount = tuple_size(kwnames);
    Object** names = tuple_items(co->localsplusnames);
    for (ssize k = 0; k < kwcount; k++) {
      Object* keyword = tuple_get_borrowed(kwnames, k);
      Object* value = args[argcount + k];
      if (!str_check(keyword)) {
        err_format(&Exc_TypeError, "%U() keywords must be strings", func->qualname);
        return -1;
      }
      ssize j;
      // Pointer comparison first (interned names), then equality.
      for (j = co->posonlyargcount; j < total_args; j++) {
        if (names[j] == keyword) goto kw_found;
      }
      for (j = co->posonlyargcount; j < total_args; j++) {
        int cmp = object_richcompare_bool(keyword, names[j], CMP_EQ);
        if (cmp > 0) goto kw_found;
        if (cmp < 0) return -1;
      }
      if (!kwdict) {
        if (co->posonlyargcount &&
            positional_only_passed_as_keyword(co, kwcount, kwnames, func->qualname))
          return -1;
        err_format(&Exc_TypeError, "%U() got an unexpected keyword argument '%U'",
                   func->qualname, keyword);
        return -1;
      }
      if (dict_setitem(kwdict, keyword, value) < 0) return -1;
      continue;
    kw_found:
      if (localsplus[j]) {
        err_format(&Exc_TypeError, "%U() got multiple values for argument '%U'", func->qualname,
                   keyword);
        return -1;
      }
      localsplus[j] = newref(value);
    }
  }

  // Too many positional arguments?
  if (argcount > co->argcount && !(co->flags & CO_VARARGS)) {
    too_many_positional(co, argcount, func->defaults, localsplus, func->qualname);
    return -1;
  }

  // Missing positional arguments: defaults.
  if (argcount < co->argcount) {
    ssize defcount = func->defaults ? tuple_size(func->defaults) : 0;
    ssize m = co->argcount - defcount;
    ssize missing = 0;
    for (i = argcount; i < m; i++) {
      if (!localsplus[i]) missing++;
    }
    if (missing) {
      missing_arguments(co, missing, defcount, localsplus, func->qualname);
      return -1;
    }
    i = n > m ? n - m : 0;
    if (defcount) {
      Object** defs = tuple_items(func->defaults);
      for (; i < defcount; i++) {
        if (!localsplus[m + i]) localsplus[m + i] = newref(defs[i]);
      }
    }
  }

  // Keyword-only arguments: kwdefaults.
  if (co->kwonlyargcount > 0) {
    ssize missing = 0;
    for (i = co->argcount; i < total_args; i++) {
      if (localsplus[i]) continue;
      Object* varname = tuple_get_borrowed(co->localsplusnames, i);
      if (func->kwdefaults) {
        Object* def = dict_get_borrowed(func->kwdefaults, varname);
        if (def) {
          localsplus[i] = newref(def);
          continue;
        }
        if (err_occurred()) return -1;
      }
      missing++;
    }
    if (missing) {
      missing_arguments(co, missing, -1, localsplus, func->qualname);
      return -1;
    }
  }
  return 0;
}

Object* function_vectorcall(Object* callable, Object* const* args, ssize nargs, Object* kwnames) {
  auto* func = static_cast<FunctionObject*>(callable);
  auto* code = static_cast<CodeObject*>(func->code);
  if (code->flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR))
    return gen_new_from_call(func, args, nargs, kwnames);
  ThreadState* ts = tstate();
  Frame* f = frame_push(ts, code, func, func->globals, func->builtins, nullptr);
  if (!f) return nullptr;
  if (bind_arguments(func, f->localsplus, args, nargs, kwnames) < 0) {
    frame_clear(f);
    frame_stack_pop(ts, f);
    return nullptr;
  }
  return eval_frame(ts, f, false);
}

}  // namespace gilpy

namespace gilpy {

Object* function_call_with_locals(Object* callable, Object* locals) {
  if (!function_check(callable)) return err_format(&Exc_TypeError, "expected a function, got %T", callable);
  auto* func = static_cast<FunctionObject*>(callable);
  auto* code = static_cast<CodeObject*>(func->code);
  ThreadState* ts = tstate();
  Frame* f = frame_push(ts, code, func, func->globals, func->builtins, locals);
  if (!f) return nullptr;
  if (code->argcount || code->kwonlyargcount || (code->flags & (CO_VARARGS | CO_VARKEYWORDS))) {
    if (bind_arguments(func, f->localsplus, nullptr, 0, nullptr) < 0) {
      frame_clear(f);
      frame_stack_pop(ts, f);
      return nullptr;
    }
  }
  return eval_frame(ts, f, false);
}

}  // namespace gilpy

// The `atexit` module: functions run at interpreter exit, last registered first (called from
// vm/finalize.cpp). A callback that raises is reported ("Exception ignored in atexit callback:")
// and the others still run, as in CPython.
#include <vector>

#include "core/abstract.h"
#include "core/args.h"
#include "core/error.h"
#include "vm/state.h"
#include "modules/modules.h"
#include "objects/containers.h"
#include "objects/intobject.h"
#include "objects/moduleobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"

namespace gilpy {

void traceback_print_exception(Object* exc, Object* file);  // vm/traceback.cpp

namespace {

struct Callback {
  Ref func, args, kwargs;  // args: tuple; kwargs: dict or null
};
std::vector<Callback>& callbacks() {
  static std::vector<Callback> all;  // lives until exit: references released by atexit_clear()
  return all;
}

Object* atexit_register(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (nargs == 0) {
    return err_format(&Exc_TypeError, "register() takes at least 1 argument (0 given)");
  }
  if (!callable_check(args[0])) {
    return err_format(&Exc_TypeError, "the first argument must be callable");
  }
  Callback cb;
  cb.func = Ref::borrow(args[0]);
  cb.args = Ref::steal(tuple_from_array(args + 1, nargs - 1));
  if (!cb.args) return nullptr;
  if (kwnames && tuple_size(kwnames) > 0) {
    cb.kwargs = Ref::steal(dict_new());
    if (!cb.kwargs) return nullptr;
    for (ssize i = 0; i < tuple_size(kwnames); ++i) {
      if (dict_setitem(cb.kwargs.get(), tuple_get_borrowed(kwnames, i), args[nargs + i]) < 0) {
        return nullptr;
      }
    }
  }
  callbacks().push_back(std::move(cb));
  return newref(args[0]);
}

Object* atexit_unregister(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("atexit.unregister", nargs, kwnames)) return nullptr;
  auto& all = callbacks();
  for (size_t i = 0; i < all.size();) {
    int eq = object_richcompare_bool(all[i].func.get(), args[0], CMP_EQ);
    if (eq < 0) return nullptr;
    if (eq) {
      all.erase(all.begin() + ssize(i));
    } else {
      ++i;
    }
  }
  return none_ref();
}

Object* atexit_run_exitfuncs_meth(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("atexit._run_exitfuncs", nargs, kwnames)) return nullptr;
  atexit_run_callbacks();
  return none_ref();
}

Object* atexit_clear(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("atexit._clear", nargs, kwnames)) return nullptr;
  callbacks().clear();
  return none_ref();
}

Object* atexit_ncallbacks(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("atexit._ncallbacks", nargs, kwnames)) return nullptr;
  return int_from_ssize(ssize(callbacks().size()));
}

const MethodDef kAtexitFunctions[] = {
    {"register", atexit_register, METH_DEFAULT, "Register a function to be executed upon normal program termination."},
    {"unregister", atexit_unregister, METH_DEFAULT, "Unregister an exit function which was previously registered."},
    {"_run_exitfuncs", atexit_run_exitfuncs_meth, METH_DEFAULT, "Run all registered exit functions."},
    {"_clear", atexit_clear, METH_DEFAULT, "Clear the list of previously registered exit functions."},
    {"_ncallbacks", atexit_ncallbacks, METH_DEFAULT, "Return the number of registered exit functions."},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

void atexit_run_callbacks() {
  auto& all = callbacks();
  while (!all.empty()) {
    Callback cb = std::move(all.back());
    all.pop_back();
    Ref r = Ref::steal(call_tuple_dict(cb.func.get(), cb.args.get(), cb.kwargs.get()));
    if (r) continue;
    Ref exc = Ref::steal(err_fetch());
    if (!exc || exception_matches(exc.get(), as_object(&Exc_SystemExit))) continue;
    Object* err = sys_get_borrowed("stderr");
    if (!err || err == None) continue;
    Ref text = Ref::steal(str_from_format("Exception ignored in atexit callback: %R\n",
                                          cb.func.get()));
    Ref w = text ? Ref::steal(call_method1(err, "write", text.get())) : Ref();
    if (w) traceback_print_exception(exc.get(), err);
    err_clear();
  }
}

Object* atexit_module_init() {
  Ref m = Ref::steal(module_new("atexit"));
  if (!m || module_add_functions(m.get(), kAtexitFunctions) < 0) return nullptr;
  return m.release();
}

}  // namespace gilpy

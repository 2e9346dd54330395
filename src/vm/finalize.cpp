// Interpreter finalization: what happens between the end of the program and the process exit.
//
// The order follows CPython's Py_FinalizeEx, because parts of it are observable (output of
// atexit callbacks and of __del__ methods of objects still alive at exit):
//   1. threading._shutdown(): join the non-daemon threads (if threading was imported);
//   2. atexit callbacks, last registered first;
//   3. modules: removed from sys.modules and released in insertion order; after a collection,
//      the module dicts still alive (kept alive by cycles such as dict -> function ->
//      __globals__, which CPython's collector breaks by clearing the dict) are wiped, the module
//      imported last first (so a module's __del__ methods still find the modules it imported).
//      Wiping a dict sets its values to None in two passes, as CPython's _PyModule_ClearDict:
//      names with a single leading underscore first, then the rest except __builtins__. Another
//      collection runs after. builtins and sys stay, so that __del__ methods running here can
//      still print.
//   4. with -X leaks only: sys and builtins are released too and the objects still alive are
//      reported (core/gc.h). Without it they are left to the process exit, as CPython leaves
//      much of its state.
// The standard streams are flushed between the steps (__del__ methods may write).
#include "vm/finalize.h"

#include <string>

#include "core/abstract.h"
#include "core/error.h"
#include "core/gc.h"
#include "modules/modules.h"
#include "objects/containers.h"
#include "objects/moduleobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"
#include "objects/weakrefobject.h"
#include "vm/gil.h"
#include "vm/run.h"
#include "vm/state.h"

namespace gilpy {

namespace {

bool xoption_set(const char* name) {
  for (const std::string& opt : main_interpreter()->xoptions) {
    if (opt == name || opt.rfind(std::string(name) + "=", 0) == 0) return true;
  }
  return false;
}

void report_and_clear_error() {
  if (err_occurred()) err_write_unraisable(nullptr);
}

void flush_streams() {
  flush_std_streams();
  err_clear();
}

void shutdown_threading() {
  Object* threading = dict_get_str_borrowed(main_interpreter()->modules, "threading");
  if (!threading) return;
  Object* shutdown = nullptr;
  if (object_lookup_attr(threading, str_intern_cstr_borrowed("_shutdown"), &shutdown) <= 0) {
    err_clear();
    return;
  }
  Ref f = Ref::steal(shutdown);
  Ref r = Ref::steal(call0(f.get()));
  if (!r) report_and_clear_error();
}

// Set a module's globals to None: first the names with one leading underscore ("_private"), then
// every other name except __builtins__, which __del__ methods running meanwhile still need.
bool is_single_underscore_name(Object* key) {
  return str_check(key) && str_length(key) > 0 && str_read(key, 0) == '_' &&
         (str_length(key) == 1 || str_read(key, 1) != '_');
}

void clear_module_dict(Object* dict) {
  for (int pass = 0; pass < 2; ++pass) {
    ssize pos = 0;
    Object *key, *value;
    while (dict_next(dict, &pos, &key, &value)) {
      if (value == None || (str_check(key) && str_equal_cstr(key, "__builtins__"))) continue;
      if (pass == 0 && !is_single_underscore_name(key)) continue;
      if (dict_setitem(dict, key, None) < 0) report_and_clear_error();
    }
  }
}

void finalize_modules() {
  Interpreter* interp = main_interpreter();
  Object* modules = interp->modules;
  Ref names = Ref::steal(list_new(0));
  Ref weak_modules = Ref::steal(list_new(0));  // weak references, in sys.modules order
  if (!names || !weak_modules) return report_and_clear_error();
  ssize pos = 0;
  Object *name, *module;
  while (dict_next(modules, &pos, &name, &module)) {
    if (str_check(name) && (str_equal_cstr(name, "builtins") || str_equal_cstr(name, "sys"))) {
      continue;
    }
    if (list_append(names.get(), name) < 0) return report_and_clear_error();
    if (!module_check(module)) continue;
    Ref ref = Ref::steal(weakref_new_ref(module, nullptr));
    if (!ref || list_append(weak_modules.get(), ref.get()) < 0) return report_and_clear_error();
  }
  // Removing them from sys.modules frees the modules nothing else references; the collection
  // then frees the module dicts that only cycles (dict -> function -> __globals__) keep alive.
  for (ssize i = 0; i < list_size(names.get()); ++i) {
    if (dict_delitem(modules, list_get_borrowed(names.get(), i)) < 0) err_clear();
  }
  flush_streams();
  gc_collect_no_fail();
  for (ssize i = list_size(weak_modules.get()) - 1; i >= 0; --i) {  // imported last, wiped first
    Object* m = weakref_get_object_borrowed(list_get_borrowed(weak_modules.get(), i));
    if (!m) continue;
    Ref keep = Ref::borrow(m);  // wiping may release the last reference to the module
    clear_module_dict(module_get_dict_borrowed(m));
  }
  weak_modules.reset();
  gc_collect_no_fail();
  flush_streams();
}

// -X leaks: release what the interpreter owns so that only leaked objects remain.
void release_interpreter_state() {
  Interpreter* interp = main_interpreter();
  Object* builtins = dict_get_str_borrowed(interp->modules, "builtins");
  if (builtins) clear_module_dict(module_get_dict_borrowed(builtins));
  // Keep the sys module's dict alive (and reachable as interp->sysdict) until it is emptied:
  // clearing sys.modules may free the module itself.
  Ref sysdict = Ref::borrow(interp->sysdict);
  dict_clear(interp->modules);
  if (sysdict) {
    flush_streams();
    interp->sysdict = nullptr;  // nothing may reach sys from here on
    dict_clear(sysdict.get());
  }
  sysdict.reset();
  gc_collect_no_fail();
}

}  // namespace

void finalize_interpreter() {
  shutdown_threading();
  flush_streams();
  atexit_run_callbacks();
  flush_streams();
  gil_finalize_threads();  // -X gilstats/giltrace output; daemon threads never run again
  finalize_modules();
  if (xoption_set("leaks")) {
    release_interpreter_state();
    gc_report_live_objects();
  }
}

}  // namespace gilpy

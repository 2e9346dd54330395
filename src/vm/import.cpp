// The import system (see vm/import.h): a C++ port of the parts of importlib._bootstrap that
// Python programs observe: sys.modules caching, built-in modules, source modules and packages on
// sys.path / a package's __path__, relative imports, fromlist handling, circular imports (the
// module is in sys.modules, with __spec__._initializing true, while its body runs) and CPython's
// error messages.
//
// Ownership: sys.modules owns the modules; functions here return new references. A module whose
// body raises is removed from sys.modules again (as importlib does).
//
// Threads (importlib's module locks, vm/import_lock.h): a module's body may release the GIL, so
// find_and_load holds the module's lock while it looks the module up, loads and executes it;
// a thread that finds a module whose __spec__._initializing is true (it is in sys.modules but its
// body is still running) waits for that lock first. _initializing is set before the module enters
// sys.modules, so no thread can see it there unmarked. A cross-thread circular import is a
// deadlock the lock detects: the thread that would close the cycle gets the partial module, as a
// single-threaded circular import does.
#include "vm/import.h"

#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <sys/stat.h>

#include "compiler/compile.h"
#include "core/abstract.h"
#include "core/error.h"
#include "core/types_init.h"
#include "ext/loader.h"
#include "modules/registry.h"
#include "objects/containers.h"
#include "objects/exceptions.h"
#include "objects/intobject.h"
#include "objects/moduleobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"
#include "vm/import_lock.h"
#include "vm/run.h"
#include "vm/state.h"

namespace gilpy {

// ---- ModuleSpec: a plain attribute bag (name, origin, parent, submodule_search_locations, ...) --

namespace {

struct SpecObject : Object {
  Object* dict;
};
TypeObject ModuleSpecType;

void spec_dealloc(Object* o) {
  clear_ref(&static_cast<SpecObject*>(o)->dict);
  object_free(o);
}

Object* spec_repr(Object* o) {
  Object* d = static_cast<SpecObject*>(o)->dict;
  StrWriter w;
  w.append("ModuleSpec(name=");
  Object* name = d ? dict_get_str_borrowed(d, "name") : nullptr;
  if (!w.append_repr(name ? name : None)) return nullptr;
  w.append(", loader=None");
  Object* origin = d ? dict_get_str_borrowed(d, "origin") : nullptr;
  if (origin && origin != None) {
    w.append(", origin=");
    if (!w.append_repr(origin)) return nullptr;
  }
  Object* locs = d ? dict_get_str_borrowed(d, "submodule_search_locations") : nullptr;
  if (locs && locs != None) {
    w.append(", submodule_search_locations=");
    if (!w.append_repr(locs)) return nullptr;
  }
  w.append(")");
  return w.finish();
}

Object* new_spec(Object* name, Object* origin, Object* search_locations) {
  auto* s = alloc_object<SpecObject>(&ModuleSpecType);
  if (!s) return nullptr;
  Ref spec = Ref::steal(s);
  s->dict = dict_new();
  if (!s->dict) return nullptr;
  Ref parent;
  std::string_view n = str_view(name);
  if (search_locations) {
    parent = Ref::borrow(name);
  } else {
    size_t dot = n.rfind('.');
    parent = Ref::steal(str_from_utf8(dot == std::string_view::npos ? std::string_view()
                                                                    : n.substr(0, dot)));
    if (!parent) return nullptr;
  }
  if (dict_setitem_str(s->dict, "name", name) < 0 ||
      dict_setitem_str(s->dict, "loader", None) < 0 ||
      dict_setitem_str(s->dict, "origin", origin ? origin : None) < 0 ||
      dict_setitem_str(s->dict, "parent", parent.get()) < 0 ||
      dict_setitem_str(s->dict, "submodule_search_locations",
                       search_locations ? search_locations : None) < 0 ||
      dict_setitem_str(s->dict, "has_location", origin ? True : False) < 0 ||
      dict_setitem_str(s->dict, "cached", None) < 0 ||
      dict_setitem_str(s->dict, "_initializing", False) < 0)
    return nullptr;
  return spec.release();
}

Object* sys_modules() {
  Interpreter* interp = main_interpreter();
  return interp ? interp->modules : nullptr;
}

Object* sys_path_list() {
  Interpreter* interp = main_interpreter();
  if (!interp || !interp->sysdict) return nullptr;
  Object* p = dict_get_str_borrowed(interp->sysdict, "path");
  return p && list_check(p) ? p : nullptr;
}

Object* import_error(TypeObject* type, Object* msg, Object* name, Object* path, Object* name_from) {
  Ref kw = Ref::steal(tuple_pack(2, str_intern_cstr_borrowed("name"),
                                 str_intern_cstr_borrowed("path")));
  if (!kw) return nullptr;
  Object* args[3] = {msg, name ? name : None, path ? path : None};
  Ref exc = Ref::steal(call(type, args, 1, kw.get()));
  if (!exc) return nullptr;
  if (name_from && object_type_check(exc.get(), &Exc_ImportError)) {
    setref(&static_cast<ImportErrorObject*>(exc.get())->name_from, newref(name_from));
  }
  err_set_object(exc.get());
  return nullptr;
}

Object* module_not_found(Object* name) {
  Ref msg = Ref::steal(str_from_utf8("No module named '" + std::string(str_view(name)) + "'"));
  if (!msg) return nullptr;
  return import_error(&Exc_ModuleNotFoundError, msg.get(), name, nullptr, nullptr);
}

bool is_file(const std::string& p) {
  struct stat st;
  return ::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}
bool is_dir(const std::string& p) {
  struct stat st;
  return ::stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

std::string join_path(const std::string& dir, const std::string& name) {
  if (dir.empty()) return name;
  if (dir.back() == '/') return dir + name;
  return dir + "/" + name;
}

struct Found {
  std::string file;  // the .py to execute (empty: a namespace package)
  std::string pkg_dir;  // non-empty for packages
  std::vector<std::string> ns_dirs;  // namespace package portions
};

// Search `path` (a list of directory strs) for `part` as part.py or part/__init__.py.
bool find_in_path(Object* path, const std::string& part, Found& out) {
  if (!path) return false;
  Ref items = Ref::steal(sequence_list(path));
  if (!items) {
    err_clear();
    return false;
  }
  std::vector<std::string> ns;
  for (ssize i = 0; i < list_size(items.get()); i++) {
    Object* entry = list_get_borrowed(items.get(), i);
    if (!str_check(entry)) continue;
    std::string dir(str_view(entry));
    std::string pkg = join_path(dir, part);
    std::string init = join_path(pkg, "__init__.py");
    bool pkg_is_dir = is_dir(pkg);
    if (pkg_is_dir && is_file(init)) {
      out.file = init;
      out.pkg_dir = pkg;
      return true;
    }
    std::string file = join_path(dir, part + ".py");
    if (is_file(file)) {
      out.file = file;
      out.pkg_dir.clear();
      return true;
    }
    if (pkg_is_dir) ns.push_back(pkg);
  }
  if (!ns.empty()) {
    // A namespace package (PEP 420): every directory portion, no __init__.py.
    out.file.clear();
    out.pkg_dir = ns[0];
    out.ns_dirs = ns;
    return true;
  }
  return false;
}

bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return true;
}

void set_initializing(Object* spec, bool v) {
  if (!spec || type_of(spec) != &ModuleSpecType) return;
  dict_setitem_str(static_cast<SpecObject*>(spec)->dict, "_initializing", v ? True : False);
}

// Load the source module `abs_name` found at `f` into sys.modules and run it.
Object* load_namespace_package(Object* abs_name, const Found& f) {
  std::string name(str_view(abs_name));
  Ref mod = Ref::steal(module_new(name.c_str()));
  if (!mod) return nullptr;
  Object* d = module_get_dict_borrowed(mod.get());
  Ref search = Ref::steal(list_new(0));
  if (!search) return nullptr;
  for (const std::string& dir : f.ns_dirs) {
    Ref s = Ref::steal(str_from_utf8(dir));
    if (!s || list_append(search.get(), s.get()) < 0) return nullptr;
  }
  Ref spec = Ref::steal(new_spec(abs_name, nullptr, search.get()));
  if (!spec) return nullptr;
  if (dict_setitem_str(d, "__file__", None) < 0 ||
      dict_setitem_str(d, "__package__", abs_name) < 0 ||
      dict_setitem_str(d, "__spec__", spec.get()) < 0 ||
      dict_setitem_str(d, "__loader__", None) < 0 ||
      dict_setitem_str(d, "__path__", search.get()) < 0 ||
      dict_setitem(sys_modules(), abs_name, mod.get()) < 0)
    return nullptr;
  return mod.release();
}

Object* load_source_module(Object* abs_name, const Found& f) {
  if (f.file.empty()) return load_namespace_package(abs_name, f);
  Object* modules = sys_modules();
  std::string name(str_view(abs_name));
  Ref mod = Ref::steal(module_new(name.c_str()));
  if (!mod) return nullptr;
  Object* d = module_get_dict_borrowed(mod.get());
  Ref file = Ref::steal(str_from_utf8(f.file));
  if (!file) return nullptr;
  Ref search;
  Ref package;
  if (!f.pkg_dir.empty()) {
    Ref dir = Ref::steal(str_from_utf8(f.pkg_dir));
    if (!dir) return nullptr;
    search = Ref::steal(list_from_array(reinterpret_cast<Object* const*>(&dir), 1));
    if (!search) return nullptr;
    package = Ref::borrow(abs_name);
  } else {
    size_t dot = name.rfind('.');
    package = Ref::steal(str_from_utf8(dot == std::string::npos ? std::string() : name.substr(0, dot)));
    if (!package) return nullptr;
  }
  Ref spec = Ref::steal(new_spec(abs_name, file.get(), search.get()));
  if (!spec) return nullptr;
  Interpreter* interp = main_interpreter();
  Object* builtins_mod = dict_get_str_borrowed(interp->modules, "builtins");
  if (dict_setitem_str(d, "__file__", file.get()) < 0 ||
      dict_setitem_str(d, "__package__", package.get()) < 0 ||
      dict_setitem_str(d, "__spec__", spec.get()) < 0 ||
      dict_setitem_str(d, "__loader__", None) < 0 || dict_setitem_str(d, "__cached__", None) < 0 ||
      (builtins_mod && dict_setitem_str(d, "__builtins__", builtins_mod) < 0) ||
      (search && dict_setitem_str(d, "__path__", search.get()) < 0))
    return nullptr;
  std::string source;
  if (!read_file(f.file, source)) {
    return err_set_from_errno(&Exc_OSError, file.get());
  }
  Ref code = Ref::steal(compile_source(source, file.get(), CompileMode::Exec));
  if (!code) return nullptr;
  set_initializing(spec.get(), true);
  if (dict_setitem(modules, abs_name, mod.get()) < 0) {
    set_initializing(spec.get(), false);
    return nullptr;
  }
  Ref res = Ref::steal(eval_code(code.get(), d, d));
  set_initializing(spec.get(), false);
  if (!res) {
    Object* saved = err_fetch();
    if (dict_get_borrowed(modules, abs_name)) dict_delitem(modules, abs_name);
    err_clear();
    err_restore(saved);
    return nullptr;
  }
  Object* final_mod = dict_get_borrowed(modules, abs_name);
  if (!final_mod) {
    if (!err_occurred())
      err_format(&Exc_ImportError, "Loaded module %U not found in sys.modules", abs_name);
    return nullptr;
  }
  return newref(final_mod);
}

Object* load_builtin_module(Object* abs_name, const BuiltinModuleDef* def) {
  Ref mod = Ref::steal(def->init());
  if (!mod) return nullptr;
  if (module_check(mod.get())) {
    Object* d = module_get_dict_borrowed(mod.get());
    if (!dict_get_str_borrowed(d, "__spec__") || dict_get_str_borrowed(d, "__spec__") == None) {
      Ref spec = Ref::steal(new_spec(abs_name, nullptr, nullptr));
      if (spec) {
        dict_setitem_str(static_cast<SpecObject*>(spec.get())->dict, "origin",
                         str_intern_cstr_borrowed("built-in"));
        dict_setitem_str(d, "__spec__", spec.get());
      }
      err_clear();
    }
  }
  if (dict_setitem(sys_modules(), abs_name, mod.get()) < 0) return nullptr;
  return mod.release();
}

// importlib._bootstrap._find_and_load_unlocked (called holding the module's lock)
Object* find_and_load_unlocked(Object* abs_name) {
  Object* modules = sys_modules();
  std::string name(str_view(abs_name));
  size_t dot = name.rfind('.');
  Object* path = nullptr;
  Ref parent_module;
  std::string child = name;
  if (dot != std::string::npos) {
    Ref parent = Ref::steal(str_from_utf8(name.substr(0, dot)));
    if (!parent) return nullptr;
    child = name.substr(dot + 1);
    Object* pm = dict_get_borrowed(modules, parent.get());
    if (!pm) {
      Ref p = Ref::steal(import_module_level(parent.get(), nullptr, nullptr, 0));
      if (!p) return nullptr;
    }
    // The parent's import may have imported this module.
    if (Object* m = dict_get_borrowed(modules, abs_name)) return newref(m);
    pm = dict_get_borrowed(modules, parent.get());
    if (!pm) {
      return err_format(&Exc_KeyError, "%R", parent.get());
    }
    parent_module = Ref::borrow(pm);
    Object* p = nullptr;
    if (object_lookup_attr(pm, str_intern_cstr_borrowed("__path__"), &p) < 0) return nullptr;
    if (!p) {
      Ref msg = Ref::steal(str_from_utf8("No module named '" + name + "'; '" +
                                         std::string(str_view(parent.get())) +
                                         "' is not a package"));
      if (!msg) return nullptr;
      return import_error(&Exc_ModuleNotFoundError, msg.get(), abs_name, nullptr, nullptr);
    }
    path = p;
  }
  Ref path_ref = Ref::steal(path);
  Ref mod;
  if (!path) {
    if (const BuiltinModuleDef* def = find_builtin_module(name.c_str())) {
      mod = Ref::steal(load_builtin_module(abs_name, def));
      if (!mod) return nullptr;
    }
  }
  if (!mod) {
    // C++ extension modules (NAME.so on the path, ext/loader.h: the extension API's one hook).
    bool ext_found = false;
    mod = Ref::steal(ext_find_and_load(abs_name, child, path ? path : sys_path_list(), &ext_found));
    if (ext_found && !mod) return nullptr;
  }
  if (!mod) {
    Found f;
    if (!find_in_path(path ? path : sys_path_list(), child, f)) return module_not_found(abs_name);
    mod = Ref::steal(load_source_module(abs_name, f));
    if (!mod) return nullptr;
  }
  if (parent_module) {
    Ref c = Ref::steal(str_from_utf8(child));
    if (!c || object_setattr(parent_module.get(), c.get(), mod.get()) < 0) return nullptr;
  }
  return mod.release();
}

Object* none_in_sys_modules(Object* abs_name) {
  Ref msg = Ref::steal(str_from_utf8("import of " + std::string(str_view(abs_name)) +
                                     " halted; None in sys.modules"));
  if (!msg) return nullptr;
  return import_error(&Exc_ModuleNotFoundError, msg.get(), abs_name, nullptr, nullptr);
}

// importlib._bootstrap._find_and_load, for a name that was not in sys.modules: under the module's
// lock, look again (another thread may have imported it meanwhile) and load it if still absent.
Object* find_and_load(Object* abs_name) {
  std::string name(str_view(abs_name));
  ModuleLock* lock = nullptr;
  switch (module_lock_acquire(name, &lock)) {
    case ModuleLockResult::Acquired: break;
    case ModuleLockResult::Deadlock: return module_lock_deadlock_error(name, lock);
    case ModuleLockResult::Error: return nullptr;
  }
  Object* found = dict_get_borrowed(sys_modules(), abs_name);
  if (!found) {
    Object* mod = err_occurred() ? nullptr : find_and_load_unlocked(abs_name);
    module_lock_release(lock);
    return mod;
  }
  Ref mod = Ref::borrow(found);
  module_lock_release(lock);
  if (module_lock_wait_until_initialized(name) < 0) return nullptr;
  if (mod.get() == None) return none_in_sys_modules(abs_name);
  return mod.release();
}

// importlib._bootstrap._calc___package__ + _resolve_name
Object* resolve_name(Object* name, Object* globals, int level) {
  if (!globals || !dict_check(globals)) return err_format(&Exc_KeyError, "'__name__' not in globals");
  Ref package;
  Object* pkg = dict_get_str_borrowed(globals, "__package__");
  Object* spec = dict_get_str_borrowed(globals, "__spec__");
  if (pkg && pkg != None) {
    if (!str_check(pkg)) return err_format(&Exc_TypeError, "package must be a string");
    package = Ref::borrow(pkg);
  } else if (spec && spec != None) {
    Object* p = object_getattr_str(spec, "parent");
    if (!p) return nullptr;
    package = Ref::steal(p);
    if (!str_check(package.get())) return err_format(&Exc_TypeError, "__spec__.parent must be a string");
  } else {
    Object* n = dict_get_str_borrowed(globals, "__name__");
    if (!n) return err_format(&Exc_KeyError, "'__name__' not in globals");
    if (!str_check(n)) return err_format(&Exc_TypeError, "__name__ must be a string");
    if (dict_get_str_borrowed(globals, "__path__")) {
      package = Ref::borrow(n);
    } else {
      std::string_view nv = str_view(n);
      size_t dot = nv.rfind('.');
      package = Ref::steal(str_from_utf8(dot == std::string_view::npos ? std::string_view()
                                                                       : nv.substr(0, dot)));
      if (!package) return nullptr;
    }
  }
  std::string pk(str_view(package.get()));
  if (pk.empty()) {
    return err_format(&Exc_ImportError, "attempted relative import with no known parent package");
  }
  // rsplit('.', level - 1)
  std::string base = pk;
  for (int i = 1; i < level; i++) {
    size_t dot = base.rfind('.');
    if (dot == std::string::npos) {
      return err_format(&Exc_ImportError, "attempted relative import beyond top-level package");
    }
    base = base.substr(0, dot);
  }
  std::string_view nv = str_view(name);
  if (!nv.empty()) base += "." + std::string(nv);
  return str_from_utf8(base);
}

int handle_fromlist(Object* module, Object* fromlist, bool recursive) {
  Ref items = Ref::steal(sequence_list(fromlist));
  if (!items) return -1;
  for (ssize i = 0; i < list_size(items.get()); i++) {
    Object* x = list_get_borrowed(items.get(), i);
    if (!str_check(x)) {
      Ref mname = Ref::steal(object_getattr_str(module, "__name__"));
      err_clear();
      err_format(&Exc_TypeError, "Item in %s must be str, not %T",
                 recursive ? "``from list''" : "``from list''", x);
      return -1;
    }
    if (str_equal_cstr(x, "*")) {
      if (!recursive) {
        Object* all = nullptr;
        if (object_lookup_attr(module, str_intern_cstr_borrowed("__all__"), &all) < 0) return -1;
        if (all) {
          int r = handle_fromlist(module, all, true);
          decref(all);
          if (r < 0) return -1;
        }
      }
      continue;
    }
    int has = object_hasattr(module, x);
    if (has < 0) return -1;
    if (has) continue;
    Ref mname = Ref::steal(object_getattr_str(module, "__name__"));
    if (!mname) return -1;
    Ref full = Ref::steal(str_from_utf8(std::string(str_view(mname.get())) + "." +
                                        std::string(str_view(x))));
    if (!full) return -1;
    Ref sub = Ref::steal(import_module_level(full.get(), nullptr, nullptr, 0));
    if (!sub) {
      // Ignore "No module named" for exactly this submodule (as importlib does).
      if (err_matches(&Exc_ModuleNotFoundError)) {
        // Take the exception out while reading its name (the lookup may not run with an
        // exception set), then put it back unless it is the one to ignore.
        Ref exc = Ref::steal(err_fetch());
        Ref n = Ref::steal(object_getattr_str(exc.get(), "name"));
        if (n && str_check(n.get()) && str_equal(n.get(), full.get())) continue;
        err_clear();
        err_restore(exc.release());
      }
      return -1;
    }
  }
  return 0;
}

}  // namespace

Object* import_module_level(Object* name, Object* globals, Object* fromlist, int level) {
  if (!str_check(name)) return err_format(&Exc_TypeError, "module name must be str, not %T", name);
  if (level < 0) return err_format(&Exc_ValueError, "level must be >= 0");
  Object* modules = sys_modules();
  if (!modules) return err_format(&Exc_ImportError, "sys.modules is not available");
  Ref abs_name;
  if (level > 0) {
    abs_name = Ref::steal(resolve_name(name, globals, level));
    if (!abs_name) return nullptr;
  } else {
    if (str_length(name) == 0) return err_format(&Exc_ValueError, "Empty module name");
    abs_name = Ref::borrow(name);
  }
  Ref mod;
  Object* cached = dict_get_borrowed(modules, abs_name.get());
  if (cached == None) return none_in_sys_modules(abs_name.get());
  if (cached) {
    mod = Ref::borrow(cached);
    // CPython's import_ensure_initialized: another thread may still be running its body.
    if (import_module_is_initializing(cached) &&
        module_lock_wait_until_initialized(std::string(str_view(abs_name.get()))) < 0)
      return nullptr;
  } else {
    if (err_occurred()) return nullptr;
    mod = Ref::steal(find_and_load(abs_name.get()));
    if (!mod) return nullptr;
  }
  bool has_from = false;
  if (fromlist && fromlist != None) {
    int t = object_is_true(fromlist);
    if (t < 0) return nullptr;
    has_from = t == 1;
  }
  if (!has_from) {
    std::string_view n = str_view(name);
    if (level == 0 || !n.empty()) {
      size_t dot = n.find('.');
      if (dot == std::string_view::npos) return mod.release();
      if (level == 0) {
        Ref front = Ref::steal(str_from_utf8(n.substr(0, dot)));
        if (!front) return nullptr;
        return import_module_level(front.get(), nullptr, nullptr, 0);
      }
      size_t cut_off = n.size() - dot;
      std::string_view an = str_view(abs_name.get());
      Ref to_return = Ref::steal(str_from_utf8(an.substr(0, an.size() - cut_off)));
      if (!to_return) return nullptr;
      Object* m = dict_get_borrowed(modules, to_return.get());
      if (!m) return err_format(&Exc_KeyError, "%R not in sys.modules as expected", to_return.get());
      return newref(m);
    }
    return mod.release();
  }
  // `from m import x`: only a package (one with __path__) may need submodules imported.
  static Object* const path_name = str_intern_cstr_borrowed("__path__");
  Object* p = nullptr;
  if (object_lookup_attr(mod.get(), path_name, &p) < 0) return nullptr;
  if (p) {
    decref(p);
    if (handle_fromlist(mod.get(), fromlist, false) < 0) return nullptr;
  }
  return mod.release();
}

bool import_module_is_initializing(Object* module) {
  // _PyModuleSpec_IsInitializing(module.__spec__), any error meaning "no". This runs on every
  // import of a cached module: the (immortal) interned names are looked up once.
  static Object* const spec_name = str_intern_cstr_borrowed("__spec__");
  static Object* const name = str_intern_cstr_borrowed("_initializing");
  Object* spec = nullptr;
  Ref spec_ref;
  if (type_of(module) == &ModuleType) {
    spec = dict_get_borrowed(module_get_dict_borrowed(module), spec_name);
  } else {
    spec_ref = Ref::steal(object_getattr(module, spec_name));
    spec = spec_ref.get();
  }
  if (!spec || spec == None) {
    err_clear();
    return false;
  }
  if (type_of(spec) == &ModuleSpecType) {  // the usual case: a bool in the spec's dict
    Object* flag = dict_get_borrowed(static_cast<SpecObject*>(spec)->dict, name);
    if (!flag || flag == True || flag == False) return flag == True;
  }
  Object* flag = nullptr;
  int t = object_lookup_attr(spec, name, &flag);
  if (t > 0) {
    t = object_is_true(flag);
    decref(flag);
  }
  if (t < 0) err_clear();
  return t == 1;
}

Object* import_module(const char* name) {
  Ref n = Ref::steal(str_from_cstr(name));
  if (!n) return nullptr;
  Ref top = Ref::steal(import_module_level(n.get(), nullptr, nullptr, 0));
  if (!top) return nullptr;
  Object* m = dict_get_borrowed(sys_modules(), n.get());
  if (!m) return err_format(&Exc_KeyError, "%R not in sys.modules as expected", n.get());
  return newref(m);
}

Object* import_from(Object* v, Object* name) {
  Object* x = nullptr;
  int r = object_lookup_attr(v, name, &x);
  if (r != 0) return x;  // found, or an error other than AttributeError
  Ref pkgname = Ref::steal(object_getattr_str(v, "__name__"));
  if (!pkgname) err_clear();
  if (pkgname && str_check(pkgname.get())) {
    Ref full = Ref::steal(str_from_utf8(std::string(str_view(pkgname.get())) + "." +
                                        std::string(str_view(name))));
    if (!full) return nullptr;
    if (Object* m = dict_get_borrowed(sys_modules(), full.get())) return newref(m);
    if (err_occurred()) return nullptr;
  } else {
    pkgname.reset();
  }
  Ref pkgname_or_unknown =
      pkgname ? pkgname : Ref::steal(str_from_cstr("<unknown module name>"));
  Ref pkgpath = Ref::steal(object_getattr_str(v, "__file__"));
  if (!pkgpath) err_clear();
  std::string nrepr, prepr;
  if (!repr_utf8(name, nrepr) || !repr_utf8(pkgname_or_unknown.get(), prepr)) return nullptr;
  Ref msg;
  if (!pkgpath || !str_check(pkgpath.get())) {
    msg = Ref::steal(str_from_utf8("cannot import name " + nrepr + " from " + prepr +
                                   " (unknown location)"));
    if (!msg) return nullptr;
    return import_error(&Exc_ImportError, msg.get(), pkgname.get(), nullptr, name);
  }
  bool initializing = false;
  Ref spec = Ref::steal(object_getattr_str(v, "__spec__"));
  if (spec) {
    Object* flag = nullptr;
    if (object_lookup_attr(spec.get(), str_intern_cstr_borrowed("_initializing"), &flag) > 0) {
      initializing = object_is_true(flag) == 1;
      decref(flag);
    }
  }
  err_clear();
  std::string path(str_view(pkgpath.get()));
  if (initializing) {
    msg = Ref::steal(str_from_utf8("cannot import name " + nrepr +
                                   " from partially initialized module " + prepr +
                                   " (most likely due to a circular import) (" + path + ")"));
  } else {
    msg = Ref::steal(str_from_utf8("cannot import name " + nrepr + " from " + prepr + " (" +
                                   path + ")"));
  }
  if (!msg) return nullptr;
  return import_error(&Exc_ImportError, msg.get(), pkgname.get(), pkgpath.get(), name);
}

int import_all_from(Object* locals, Object* v) {
  Object* all = nullptr;
  bool skip_leading_underscores = false;
  if (object_lookup_attr(v, str_intern_cstr_borrowed("__all__"), &all) < 0) return -1;
  if (!all) {
    Object* dict = nullptr;
    if (object_lookup_attr(v, str_intern_cstr_borrowed("__dict__"), &dict) < 0) return -1;
    if (!dict) {
      err_format(&Exc_ImportError, "from-import-* object has no __dict__ and no __all__");
      return -1;
    }
    all = dict_check(dict) ? dict_keys_list(dict) : sequence_list(dict);
    decref(dict);
    if (!all) return -1;
    skip_leading_underscores = true;
  }
  Ref all_ref = Ref::steal(all);
  Ref items = Ref::steal(sequence_list(all));
  if (!items) return -1;
  for (ssize i = 0; i < list_size(items.get()); i++) {
    Object* name = list_get_borrowed(items.get(), i);
    if (!str_check(name)) {
      Ref modname = Ref::steal(object_getattr_str(v, "__name__"));
      err_clear();
      if (skip_leading_underscores) {
        err_format(&Exc_TypeError, "Key in %U.__dict__ must be str, not %T",
                   modname ? modname.get() : str_intern_cstr_borrowed("?"), name);
      } else {
        err_format(&Exc_TypeError, "Item in %U.__all__ must be str, not %T",
                   modname ? modname.get() : str_intern_cstr_borrowed("?"), name);
      }
      return -1;
    }
    if (skip_leading_underscores && str_length(name) > 0 && str_read(name, 0) == '_') continue;
    Ref value = Ref::steal(object_getattr(v, name));
    if (!value) return -1;
    int err = dict_check_exact(locals) ? dict_setitem(locals, name, value.get())
                                       : object_setitem(locals, name, value.get());
    if (err < 0) return -1;
  }
  return 0;
}

void import_default_lib_dirs(std::vector<std::string>& out) {
  char buf[PATH_MAX];
  ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n > 0) {
    buf[n] = 0;
    std::string exe(buf);
    size_t slash = exe.rfind('/');
    std::string dir = slash == std::string::npos ? "." : exe.substr(0, slash);
    for (const std::string& cand : {dir + "/../lib", dir + "/lib"}) {
      char real[PATH_MAX];
      if (is_dir(cand) && ::realpath(cand.c_str(), real)) {
        out.emplace_back(real);
        break;
      }
    }
  }
#ifdef GILPY_SOURCE_LIB_DIR
  {
    std::string src = GILPY_SOURCE_LIB_DIR;
    char real[PATH_MAX];
    if (is_dir(src) && ::realpath(src.c_str(), real)) {
      bool dup = false;
      for (auto& s : out) dup = dup || s == real;
      if (!dup) out.emplace_back(real);
    }
  }
#endif
}

void init_import_types() {
  ModuleSpecType.name = "ModuleSpec";
  ModuleSpecType.basicsize = sizeof(SpecObject);
  ModuleSpecType.dealloc = spec_dealloc;
  ModuleSpecType.repr = spec_repr;
  ModuleSpecType.getattro = generic_getattr;
  ModuleSpecType.setattro = generic_setattr;
  static SpecObject probe;
  ModuleSpecType.dictoffset =
      reinterpret_cast<char*>(&probe.dict) - reinterpret_cast<char*>(&probe);
  ModuleSpecType.base = &ObjectType;
  register_static_type(&ModuleSpecType);
}

}  // namespace gilpy

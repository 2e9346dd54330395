// Loading C++ extension modules: see ext/loader.h.
//
// Libraries are opened RTLD_NOW | RTLD_LOCAL: undefined symbols (the gilpy::api::detail
// functions, src/ext/api.cpp) resolve against the gilpy executable, which exports its symbols
// (ENABLE_EXPORTS in CMakeLists.txt). A library is never closed (CPython never unloads
// extensions either): its functions and types live until the process exits.
#include "ext/loader.h"

#include <dlfcn.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include <vector>

#include "core/abstract.h"
#include "core/error.h"
#include "objects/containers.h"
#include "objects/moduleobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"
#include "vm/state.h"

namespace gilpy {

extern const int kGilpyApiAnchor;  // ext/api.cpp: keeps the API in the executable

namespace {

bool is_file(const std::string& p) {
  struct stat st;
  return ::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}
bool is_dir(const std::string& p) {
  struct stat st;
  return ::stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}
std::string join(const std::string& dir, const std::string& name) {
  if (dir.empty()) return name;
  return dir.back() == '/' ? dir + name : dir + "/" + name;
}

std::string exe_ext_dir() {
  char buf[PATH_MAX];
  ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return {};
  buf[n] = 0;
  std::string exe(buf);
  size_t slash = exe.rfind('/');
  return (slash == std::string::npos ? std::string(".") : exe.substr(0, slash)) + "/ext";
}

Object* import_error_msg(const std::string& msg, Object* name, const std::string& file) {
  Ref m = Ref::steal(str_from_utf8(msg));
  Ref p = Ref::steal(str_from_utf8(file));
  if (!m || !p) return nullptr;
  Ref kw = Ref::steal(tuple_pack(2, str_intern_cstr_borrowed("name"),
                                 str_intern_cstr_borrowed("path")));
  if (!kw) return nullptr;
  Object* args[3] = {m.get(), name, p.get()};
  Ref exc = Ref::steal(call(as_object(&Exc_ImportError), args, 1, kw.get()));
  if (exc) err_set_object(exc.get());
  return nullptr;
}

Object* load(Object* abs_name, const std::string& part, const std::string& file) {
  volatile int keep_api = kGilpyApiAnchor;  // a real reference: links ext/api.cpp in
  (void)keep_api;
  void* lib = ::dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!lib) {
    const char* e = ::dlerror();
    return import_error_msg(e ? e : "dlopen failed", abs_name, file);
  }
  std::string sym = "gilpy_module_init_" + part;
  auto init = reinterpret_cast<Object* (*)()>(::dlsym(lib, sym.c_str()));
  if (!init) {
    return import_error_msg("dynamic module does not define module export function (" + sym + ")",
                            abs_name, file);
  }
  Ref mod = Ref::steal(init());
  if (!mod) {
    if (!err_occurred()) {
      err_format(&Exc_SystemError, "initialization of %s failed without raising an exception",
                 part.c_str());
    }
    return nullptr;
  }
  if (!module_check(mod.get())) {
    return err_format(&Exc_SystemError, "initialization of %s did not return a module",
                      part.c_str());
  }
  Object* d = module_get_dict_borrowed(mod.get());
  Ref f = Ref::steal(str_from_utf8(file));
  if (!f || dict_setitem_str(d, "__file__", f.get()) < 0) return nullptr;
  if (dict_setitem_str(d, "__name__", abs_name) < 0) return nullptr;
  // __spec__: the module's origin is the library, as CPython's ExtensionFileLoader reports.
  Object* spec = dict_get_str_borrowed(d, "__spec__");
  if (spec && spec != None) {
    if (object_setattr_str(spec, "origin", f.get()) < 0) err_clear();
  }
  Object* modules = main_interpreter()->modules;
  if (dict_setitem(modules, abs_name, mod.get()) < 0) return nullptr;
  return mod.release();
}

}  // namespace

Object* ext_find_and_load(Object* abs_name, const std::string& part, Object* path, bool* found) {
  *found = false;
  std::vector<std::string> dirs;
  bool top_level = false;
  if (path) {
    Object* sys_path = sys_get_borrowed("path");
    top_level = path == sys_path;
    Ref items = Ref::steal(sequence_list(path));
    if (!items) {
      err_clear();
      return nullptr;
    }
    for (ssize i = 0; i < list_size(items.get()); i++) {
      Object* e = list_get_borrowed(items.get(), i);
      if (str_check(e)) dirs.emplace_back(str_view(e));
    }
  }
  if (top_level) dirs.push_back(exe_ext_dir());
  for (const std::string& dir : dirs) {
    std::string pkg = join(dir, part);
    if (is_dir(pkg) && is_file(join(pkg, "__init__.py"))) return nullptr;  // a package first
    for (const char* suffix : {".gilpy.so", ".so"}) {
      std::string file = join(dir, part + suffix);
      if (is_file(file)) {
        *found = true;
        return load(abs_name, part, file);
      }
    }
    if (is_file(join(dir, part + ".py"))) return nullptr;  // a source module first
  }
  return nullptr;
}

}  // namespace gilpy

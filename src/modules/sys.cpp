// The `sys` module: the interpreter's configuration and state as Python sees it.
//
// The module's dict is the interpreter's `sysdict`; C++ code reads sys attributes through
// sys_get_borrowed() (so `sys.stdout = f` redirects print, as in CPython). Values that describe
// the build (version, maxsize, byteorder, ...) are created once here. Functions are in the
// kSysFunctions table.
#include <unistd.h>

#include <climits>
#include <cstring>
#include <string>

#include "core/abstract.h"
#include "core/args.h"
#include "core/error.h"
#include "core/pyhash.h"
#include "modules/modules.h"
#include "modules/registry.h"
#include "objects/containers.h"
#include "objects/floatobject.h"
#include "objects/intobject.h"
#include "objects/moduleobject.h"
#include "objects/namespaceobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"
#include "objects/structseq.h"
#include "vm/frame.h"
#include "vm/state.h"

namespace gilpy {

void traceback_print_exception(Object* exc, Object* file);  // vm/traceback.cpp
Object* io_make_std_streams(Object* sysdict);               // modules/io.cpp

Object* sys_get_borrowed(const char* name) {
  Interpreter* interp = main_interpreter();
  if (!interp || !interp->sysdict) return nullptr;
  Object* v = dict_get_str_borrowed(interp->sysdict, name);
  if (!v && err_occurred()) err_clear();
  return v;
}

namespace {

TypeObject VersionInfoType, FlagsType, FloatInfoType, IntInfoType, HashInfoType;

Object* sys_exit(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("exit", kwnames) || !check_positional("exit", nargs, 0, 1)) return nullptr;
  err_set(&Exc_SystemExit, nargs ? args[0] : nullptr);
  return nullptr;
}

Object* sys_getrefcount(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("sys.getrefcount", nargs, kwnames)) return nullptr;
  if (is_immortal(args[0])) return int_from_i64(4294967295LL);  // CPython 3.12's immortal count
  return int_from_ssize(args[0]->refcnt);
}

Object* sys_getrecursionlimit(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("sys.getrecursionlimit", nargs, kwnames)) return nullptr;
  return int_from_i64(main_interpreter()->recursion_limit);
}

Object* sys_setrecursionlimit(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("sys.setrecursionlimit", nargs, kwnames)) return nullptr;
  if (float_check(args[0])) {
    return err_format(&Exc_TypeError, "'float' object cannot be interpreted as an integer");
  }
  Ref i = Ref::steal(number_index(args[0]));
  if (!i) return nullptr;
  bool overflow = false;
  int64_t limit = int_as_i64(i.get(), &overflow);
  if (overflow || limit > INT_MAX || limit < INT_MIN) {
    return err_format(&Exc_OverflowError, "Python int too large to convert to C int");
  }
  if (limit < 1) return err_format(&Exc_ValueError, "recursion limit must be greater or equal than 1");
  int depth = tstate()->recursion_depth;
  if (depth >= limit) {
    return err_format(&Exc_RecursionError,
                      "cannot set the recursion limit to %d at the recursion depth %d: the limit "
                      "is too low",
                      int(limit), depth);
  }
  main_interpreter()->recursion_limit = int(limit);
  return none_ref();
}

Object* sys_intern(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("sys.intern", nargs, kwnames)) return nullptr;
  if (!str_check_exact(args[0])) {
    return err_format(&Exc_TypeError, "intern() argument must be str, not %T", args[0]);
  }
  return str_intern(newref(args[0]));
}

Object* sys_exception(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("sys.exception", nargs, kwnames)) return nullptr;
  Object* e = handled_exception_borrowed(tstate());
  return newref(e ? e : None);
}

Object* sys_exc_info(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("sys.exc_info", nargs, kwnames)) return nullptr;
  Object* e = handled_exception_borrowed(tstate());
  if (!e) return tuple_pack(3, None, None, None);
  Object* tb = exception_get_traceback_borrowed(e);
  return tuple_pack(3, as_object(type_of(e)), e, tb ? tb : None);
}

Object* sys_getdefaultencoding(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("sys.getdefaultencoding", nargs, kwnames)) return nullptr;
  return str_from_cstr("utf-8");
}

Object* sys_getfilesystemencoding(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("sys.getfilesystemencoding", nargs, kwnames)) return nullptr;
  return str_from_cstr("utf-8");
}

// sys.displayhook: what the REPL calls with the value of each expression statement.
Object* sys_displayhook(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("sys.displayhook", nargs, kwnames)) return nullptr;
  Object* value = args[0];
  if (value == None) return none_ref();
  Object* builtins = main_interpreter()->builtins;
  if (dict_setitem_str(builtins, "_", None) < 0) return nullptr;
  Object* out = sys_get_borrowed("stdout");
  if (!out || out == None) return err_format(&Exc_RuntimeError, "lost sys.stdout");
  Ref text = Ref::steal(object_repr(value));
  if (!text) return nullptr;
  Ref r = Ref::steal(call_method1(out, "write", text.get()));
  if (!r) return nullptr;
  Ref nl = Ref::steal(str_from_cstr("\n"));
  r = Ref::steal(call_method1(out, "write", nl.get()));
  if (!r) return nullptr;
  if (dict_setitem_str(builtins, "_", value) < 0) return nullptr;
  return none_ref();
}

Object* sys_excepthook(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("excepthook", kwnames) || !check_positional("excepthook", nargs, 3, 3)) {
    return nullptr;
  }
  Object* err = sys_get_borrowed("stderr");
  if (!err || err == None) return none_ref();
  Object* exc = args[1];
  if (exc == None) return none_ref();
  if (args[2] != None) exception_set_traceback(exc, args[2]);
  traceback_print_exception(exc, err);
  if (err_occurred()) return nullptr;
  return none_ref();
}

Object* sys_getsizeof(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("getsizeof", kwnames) || !check_positional("getsizeof", nargs, 1, 2)) {
    return nullptr;
  }
  TypeObject* t = type_of(args[0]);
  ssize size = t->basicsize;
  if (t->itemsize) {
    ssize n = object_length(args[0]);
    if (n < 0) {
      err_clear();
      n = 0;
    }
    size += n * t->itemsize;
  }
  return int_from_ssize(size);
}

Object* sys_is_finalizing(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("sys.is_finalizing", nargs, kwnames)) return nullptr;
  return bool_from(false);
}

Object* sys_get_int_max_str_digits(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("sys.get_int_max_str_digits", nargs, kwnames)) return nullptr;
  return int_from_i64(int_max_str_digits());
}

Object* sys_set_int_max_str_digits(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"maxdigits", nullptr};
  static const ArgSpec spec{"set_int_max_str_digits", names, 1, 1};
  Object* arg;
  if (!parse_args(spec, args, nargs, kwnames, &arg)) return nullptr;
  Ref i = Ref::steal(number_index(arg));
  if (!i) return nullptr;
  bool overflow = false;
  int64_t n = int_as_i64(i.get(), &overflow);
  if (overflow || n > INT_MAX || n < INT_MIN) {
    return err_format(&Exc_OverflowError, "Python int too large to convert to C int");
  }
  if (n != 0 && n < 640) return err_format(&Exc_ValueError, "maxdigits must be 0 or larger than 640");
  int_set_max_str_digits(int(n));
  return none_ref();
}

// sys._getframe([depth]): the frame object `depth` calls below the caller's.
Object* sys_getframe(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("_getframe", kwnames) || !check_positional("_getframe", nargs, 0, 1)) {
    return nullptr;
  }
  ssize depth = 0;
  if (nargs == 1) {
    depth = number_as_ssize(args[0], &Exc_OverflowError);
    if (depth == -1 && err_occurred()) return nullptr;
  }
  Frame* f = tstate()->frame;
  for (; f && depth > 0; --depth) f = f->previous;
  if (!f) return err_format(&Exc_ValueError, "call stack is not deep enough");
  return frame_get_object(f);
}

const MethodDef kSysFunctions[] = {
    {"_getframe", sys_getframe, METH_DEFAULT, "Return a frame object from the call stack."},
    {"get_int_max_str_digits", sys_get_int_max_str_digits, METH_DEFAULT, "Return the maximum string digits limit for non-binary int<->str conversions."},
    {"set_int_max_str_digits", sys_set_int_max_str_digits, METH_DEFAULT, "Set the maximum string digits limit for non-binary int<->str conversions."},
    {"exit", sys_exit, METH_DEFAULT, "Exit the interpreter by raising SystemExit(status)."},
    {"getrefcount", sys_getrefcount, METH_DEFAULT, "Return the reference count of object."},
    {"getrecursionlimit", sys_getrecursionlimit, METH_DEFAULT, "Return the current value of the recursion limit."},
    {"setrecursionlimit", sys_setrecursionlimit, METH_DEFAULT, "Set the maximum depth of the Python interpreter stack to n."},
    {"intern", sys_intern, METH_DEFAULT, "``Intern'' the given string."},
    {"exception", sys_exception, METH_DEFAULT, "Return the current exception."},
    {"exc_info", sys_exc_info, METH_DEFAULT, "Return current exception information: (type, value, traceback)."},
    {"getdefaultencoding", sys_getdefaultencoding, METH_DEFAULT, "Return the current default encoding used by the Unicode implementation."},
    {"getfilesystemencoding", sys_getfilesystemencoding, METH_DEFAULT, "Return the encoding used to convert Unicode filenames to OS filenames."},
    {"displayhook", sys_displayhook, METH_DEFAULT, "Print an object to sys.stdout and also save it in builtins._"},
    {"excepthook", sys_excepthook, METH_DEFAULT, "Handle an exception by displaying it with a traceback on sys.stderr."},
    {"getsizeof", sys_getsizeof, METH_DEFAULT, "Return the size of object in bytes."},
    {"is_finalizing", sys_is_finalizing, METH_DEFAULT, "Return True if Python is exiting."},
    {nullptr, nullptr, 0, nullptr},
};

Object* make_str_list(const std::vector<std::string>& items) {
  Ref list = Ref::steal(list_new(0));
  if (!list) return nullptr;
  for (const std::string& s : items) {
    Ref item = Ref::steal(str_from_utf8(s));
    if (!item || list_append(list.get(), item.get()) < 0) return nullptr;
  }
  return list.release();
}

// Add a struct sequence built from C++ values to the module.
int add_structseq(Object* m, const char* attr, TypeObject* type, const char* name,
                  const char* const* fields, std::initializer_list<Object*> owned_values) {
  std::vector<Ref> values;
  for (Object* v : owned_values) values.push_back(Ref::steal(v));
  std::vector<Object*> raw;
  for (Ref& v : values) {
    if (!v) return -1;
    raw.push_back(v.get());
  }
  if (!(type->flags & TPFLAG_READY) && structseq_init_type(type, name, fields) < 0) return -1;
  Ref obj = Ref::steal(structseq_new(type, raw.data()));
  if (!obj) return -1;
  return module_add_object(m, attr, obj.get());
}

}  // namespace

Object* sys_module_init() {
  Interpreter* interp = main_interpreter();
  Ref m = Ref::steal(module_new("sys"));
  if (!m) return nullptr;
  Object* d = module_get_dict_borrowed(m.get());
  if (module_add_functions(m.get(), kSysFunctions) < 0) return nullptr;
  // The pristine hooks, as CPython keeps them.
  for (const char* name : {"displayhook", "excepthook"}) {
    std::string dunder = std::string("__") + name + "__";
    if (dict_setitem_str(d, dunder.c_str(), dict_get_str_borrowed(d, name)) < 0) return nullptr;
  }

  static const char* const version_fields[] = {"major", "minor", "micro", "releaselevel", "serial",
                                               nullptr};
  static const char* const flags_fields[] = {
      "debug",   "inspect",  "interactive", "optimize", "dont_write_bytecode", "no_user_site",
      "no_site", "ignore_environment", "verbose", "bytes_warning", "quiet", "hash_randomization",
      "isolated", "dev_mode", "utf8_mode", "warn_default_encoding", "safe_path",
      "int_max_str_digits", nullptr};
  static const char* const float_fields[] = {"max", "max_exp", "max_10_exp", "min", "min_exp",
                                             "min_10_exp", "dig", "mant_dig", "epsilon", "radix",
                                             "rounds", nullptr};
  static const char* const int_fields[] = {"bits_per_digit", "sizeof_digit",
                                           "default_max_str_digits", "str_digits_check_threshold",
                                           nullptr};
  static const char* const hash_fields[] = {"width", "modulus", "inf", "nan", "imag", "algorithm",
                                            "hash_bits", "seed_bits", "cutoff", nullptr};
  auto I = [](long long v) { return int_from_i64(v); };
  const SysFlags& f = interp->flags;
  if (add_structseq(m.get(), "version_info", &VersionInfoType, "sys.version_info", version_fields,
                    {I(3), I(12), I(1), str_from_cstr("final"), I(0)}) < 0 ||
      add_structseq(m.get(), "flags", &FlagsType, "sys.flags", flags_fields,
                    {I(f.debug), I(f.inspect), I(f.interactive), I(f.optimize),
                     I(f.dont_write_bytecode), I(f.no_user_site), I(f.no_site),
                     I(f.ignore_environment), I(f.verbose), I(f.bytes_warning), I(f.quiet),
                     I(hash_randomization()),
                     I(f.isolated), bool_from(false), I(0), I(0), bool_from(f.safe_path),
                     I(4300)}) < 0 ||
      add_structseq(m.get(), "float_info", &FloatInfoType, "sys.float_info", float_fields,
                    {float_from_double(1.7976931348623157e+308), I(1024), I(308),
                     float_from_double(2.2250738585072014e-308), I(-1021), I(-307), I(15), I(53),
                     float_from_double(2.220446049250313e-16), I(2), I(1)}) < 0 ||
      add_structseq(m.get(), "int_info", &IntInfoType, "sys.int_info", int_fields,
                    {I(30), I(4), I(4300), I(640)}) < 0 ||
      add_structseq(m.get(), "hash_info", &HashInfoType, "sys.hash_info", hash_fields,
                    {I(64), I(2305843009213693951LL), I(314159), I(0), I(1000003),
                     str_from_cstr("siphash13"), I(64), I(128), I(0)}) < 0) {
    return nullptr;
  }

  // sys.implementation: a types.SimpleNamespace, as CPython's.
  {
    Ref kwargs = Ref::steal(dict_new());
    Ref name = Ref::steal(str_from_cstr("gilpy"));
    Ref tag = Ref::steal(str_from_cstr("gilpy-312"));
    Ref hexversion = Ref::steal(int_from_i64(0x030C01F0));
    if (!kwargs || !name || !tag || !hexversion ||
        dict_setitem_str(kwargs.get(), "name", name.get()) < 0 ||
        dict_setitem_str(kwargs.get(), "cache_tag", tag.get()) < 0 ||
        dict_setitem_str(kwargs.get(), "version", dict_get_str_borrowed(d, "version_info")) < 0 ||
        dict_setitem_str(kwargs.get(), "hexversion", hexversion.get()) < 0) {
      return nullptr;
    }
    Ref impl = Ref::steal(namespace_new(kwargs.get()));
    if (!impl || module_add_object(m.get(), "implementation", impl.get()) < 0) return nullptr;
  }

  std::string version = std::string(GILPY_VERSION_STRING) + " (" GILPY_IMPL_VERSION ") [GCC " __VERSION__ "]";
  Ref argv = Ref::steal(make_str_list(interp->argv.empty() ? std::vector<std::string>{""}
                                                           : interp->argv));
  Ref xoptions = Ref::steal(dict_new());
  if (!argv || !xoptions) return nullptr;
  for (const std::string& opt : interp->xoptions) {
    size_t eq = opt.find('=');
    Ref key = Ref::steal(str_from_utf8(opt.substr(0, eq)));
    Ref value = eq == std::string::npos ? Ref::borrow(True)
                                        : Ref::steal(str_from_utf8(opt.substr(eq + 1)));
    if (!key || !value || dict_setitem(xoptions.get(), key.get(), value.get()) < 0) return nullptr;
  }
  Ref builtin_names;
  {
    Ref names = Ref::steal(list_new(0));
    if (!names) return nullptr;
    for (const BuiltinModuleDef* def = kBuiltinModules; def->name; ++def) {
      Ref s = Ref::steal(str_from_cstr(def->name));
      if (!s || list_append(names.get(), s.get()) < 0) return nullptr;
    }
    if (list_sort(names.get(), nullptr, false) < 0) return nullptr;
    builtin_names = Ref::steal(list_as_tuple(names.get()));
    if (!builtin_names) return nullptr;
  }
  char exe[4096];
  ssize_t exe_len = readlink("/proc/self/exe", exe, sizeof exe - 1);
  std::string executable = exe_len > 0 ? std::string(exe, size_t(exe_len)) : std::string();

  if (module_add_string(m.get(), "version", version.c_str()) < 0 ||
      module_add_int(m.get(), "hexversion", 0x030C01F0) < 0 ||
      module_add_int(m.get(), "api_version", 1013) < 0 ||
      module_add_int(m.get(), "maxsize", PTRDIFF_MAX) < 0 ||
      module_add_int(m.get(), "maxunicode", 0x10FFFF) < 0 ||
      module_add_string(m.get(), "byteorder",
                        __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ ? "little" : "big") < 0 ||
      module_add_string(m.get(), "platform", "linux") < 0 ||
      module_add_string(m.get(), "copyright", "Copyright (c) gilpy authors.") < 0 ||
      module_add_string(m.get(), "executable", executable.c_str()) < 0 ||
      module_add_string(m.get(), "prefix", "") < 0 ||
      module_add_string(m.get(), "exec_prefix", "") < 0 ||
      module_add_string(m.get(), "float_repr_style", "short") < 0 ||
      module_add_object(m.get(), "argv", argv.get()) < 0 ||
      module_add_object(m.get(), "orig_argv", argv.get()) < 0 ||
      module_add_object(m.get(), "_xoptions", xoptions.get()) < 0 ||
      module_add_object(m.get(), "builtin_module_names", builtin_names.get()) < 0 ||
      module_add_object(m.get(), "dont_write_bytecode", f.dont_write_bytecode ? True : False) < 0 ||
      module_add_object(m.get(), "modules", interp->modules) < 0) {
    return nullptr;
  }
  Ref warnoptions = Ref::steal(make_str_list(interp->warnoptions));
  if (!warnoptions || module_add_object(m.get(), "warnoptions", warnoptions.get()) < 0) {
    return nullptr;
  }
  for (const char* list_name : {"path", "meta_path", "path_hooks"}) {
    Ref l = Ref::steal(list_new(0));
    if (!l || module_add_object(m.get(), list_name, l.get()) < 0) return nullptr;
  }
  Ref cache = Ref::steal(dict_new());
  if (!cache || module_add_object(m.get(), "path_importer_cache", cache.get()) < 0) return nullptr;

  interp->sysdict = d;  // borrowed: the module lives in sys.modules for the process's life
  if (!io_make_std_streams(d)) return nullptr;
  return m.release();
}

}  // namespace gilpy

// Interpreter life cycle and running programs (vm/run.h): runtime_initialize creates the types,
// the interpreter, the main thread state, builtins and sys; run_file / run_source / run_module
// execute code as __main__ and turn uncaught exceptions into an exit status (printing the
// traceback, or handling SystemExit as CPython's _Py_HandleSystemExit does).
//
// Threads (issue 4): runtime_initialize creates the process's GIL (-X gil=cpython|ticks, statistics
// for -X gilstats, tracing for -X giltrace=FILE) before anything runs, and the main thread takes
// it and holds it except around blocking calls and when asked to drop it. At exit,
// finalize_interpreter (vm/finalize.cpp) joins the non-daemon threads (threading._shutdown),
// runs the atexit callbacks and calls gil_finalize_threads(), which prints the statistics /
// writes the trace and then marks the GIL finalizing: daemon threads that try to take it again block until
// the process exits. The Gil object is never freed (daemon threads may still wait on it).
//
// Ownership: the Interpreter owns sys.modules (which owns builtins, sys, __main__ and every
// imported module) and borrowed pointers to the builtins / sys namespaces kept alive by those
// modules. Nothing is freed at exit except by the OS (objects may be shared in cycles).
#include "vm/run.h"
#include "vm/finalize.h"

#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <csignal>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include "compiler/compile.h"
#include "core/abstract.h"
#include "core/error.h"
#include "core/types_init.h"
#include "modules/modules.h"
#include "objects/cellobject.h"
#include "objects/containers.h"
#include "objects/funcobject.h"
#include "objects/genobject.h"
#include "objects/intobject.h"
#include "objects/moduleobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"
#include "vm/eval.h"
#include "vm/frame.h"
#include "vm/gil.h"
#include "vm/import.h"
#include "vm/state.h"
#include "vm/traceback.h"

namespace gilpy {

void init_vm_types() {
  init_function_types();
  init_cell_type();
  init_frame_type();
  init_gen_types();
  init_traceback_type();
  init_import_types();
}

// Flush sys.stdout and sys.stderr (and the C streams), keeping any exception being raised.
void flush_std_streams() {
  Interpreter* interp = main_interpreter();
  Object* saved = err_fetch();
  if (interp && interp->sysdict) {
    for (const char* name : {"stdout", "stderr"}) {
      Object* f = dict_get_str_borrowed(interp->sysdict, name);
      if (f && f != None) {
        Object* r = call_method0(f, "flush");
        xdecref(r);
      }
      err_clear();
    }
  }
  std::fflush(stdout);
  std::fflush(stderr);
  err_restore(saved);
}

namespace {

Object* builtins_module_borrowed() {
  Interpreter* interp = main_interpreter();
  return interp && interp->modules ? dict_get_str_borrowed(interp->modules, "builtins") : nullptr;
}

void set_sys_path0(const std::string& dir) {
  Interpreter* interp = main_interpreter();
  if (!interp->sysdict) return;
  Object* path = dict_get_str_borrowed(interp->sysdict, "path");
  if (!path || !list_check(path)) return;
  Ref d = Ref::steal(str_from_utf8(dir));
  if (!d) {
    err_clear();
    return;
  }
  if (list_insert(path, 0, d.get()) < 0) err_clear();
}

// An uncaught KeyboardInterrupt makes the process die of SIGINT at exit (as CPython).
bool g_unhandled_keyboard_interrupt = false;

// Exit status for the current exception: SystemExit handling or print it.
int report_exception() {
  if (err_matches(&Exc_SystemExit)) return handle_system_exit();
  if (err_matches(&Exc_KeyboardInterrupt)) g_unhandled_keyboard_interrupt = true;
  err_print();
  return 1;
}

Object* new_main_module(const char* file) {
  Interpreter* interp = main_interpreter();
  Ref main = Ref::steal(module_new("__main__"));
  if (!main) return nullptr;
  Object* d = module_get_dict_borrowed(main.get());
  if (Object* b = builtins_module_borrowed()) {
    if (dict_setitem_str(d, "__builtins__", b) < 0) return nullptr;
  }
  if (file) {
    Ref f = Ref::steal(str_from_cstr(file));
    if (!f || dict_setitem_str(d, "__file__", f.get()) < 0) return nullptr;
    if (dict_setitem_str(d, "__cached__", None) < 0) return nullptr;
  }
  if (dict_setitem_str(interp->modules, "__main__", main.get()) < 0) return nullptr;
  return main.release();
}

// `package`: the __package__ of the module run with -m (null for scripts, -c and stdin).
int run_code_as_main(std::string_view source, const std::string& filename, const char* file_attr,
                     const char* package = nullptr) {
  Ref main = Ref::steal(new_main_module(file_attr));
  if (!main) return report_exception();
  if (package) {
    Ref pkg = Ref::steal(str_from_cstr(package));
    if (!pkg || dict_setitem_str(module_get_dict_borrowed(main.get()), "__package__", pkg.get()) < 0) {
      return report_exception();
    }
  }
  Ref fname = Ref::steal(str_from_utf8(filename));
  if (!fname) return report_exception();
  Ref code = Ref::steal(compile_source(source, fname.get(), CompileMode::Exec));
  if (!code) {
    int status = report_exception();
    flush_std_streams();
    return status;
  }
  Object* d = module_get_dict_borrowed(main.get());
  Ref res = Ref::steal(eval_code(code.get(), d, d));
  int status = 0;
  if (!res) status = report_exception();
  flush_std_streams();
  return status;
}

std::string program_name() {
  char exe[PATH_MAX];
  ssize_t n = ::readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n <= 0) return "gilpy";
  exe[n] = 0;
  return exe;
}

std::string abs_dirname(const std::string& path) {
  char real[PATH_MAX];
  std::string p = path;
  if (::realpath(path.c_str(), real)) p = real;
  size_t slash = p.rfind('/');
  if (slash == std::string::npos) {
    char cwd[PATH_MAX];
    return ::getcwd(cwd, sizeof cwd) ? std::string(cwd) : std::string();
  }
  return slash == 0 ? "/" : p.substr(0, slash);
}

// -X options of the GIL (validated before anything else starts, as CPython's config reading).
struct GilOptions {
  std::string policy = "cpython";
  bool stats = false;
  std::string trace_file;
};
GilOptions g_gil_options;

bool read_gil_options(const std::vector<std::string>& xoptions) {
  for (const std::string& x : xoptions) {
    if (x.rfind("gil=", 0) == 0) {
      g_gil_options.policy = x.substr(4);
    } else if (x == "gil") {
      g_gil_options.policy = "";
    } else if (x == "gilstats" || x == "gilstats=1" || x == "gilstats=on") {
      g_gil_options.stats = true;
    } else if (x.rfind("giltrace=", 0) == 0) {
      g_gil_options.trace_file = x.substr(9);
    }
  }
  if (!gil_policy_from_name(g_gil_options.policy)) {
    std::fprintf(stderr,
                 "Fatal Python error: config_read_gil: -X gil must be \"cpython\" or \"ticks\"\n"
                 "Python runtime state: preinitialized\n\n");
    return false;
  }
  if (g_gil_options.trace_file.empty()) {
    for (const std::string& x : xoptions) {
      if (x == "giltrace" || x == "giltrace=") {
        std::fprintf(stderr,
                     "Fatal Python error: config_read_gil: -X giltrace needs a file name "
                     "(-X giltrace=FILE)\nPython runtime state: preinitialized\n\n");
        return false;
      }
    }
  }
  return true;
}

// The GIL and the main thread's place in it: before any Python code runs.
void gil_initialize(ThreadState* ts) {
  Gil* gil = new Gil(gil_policy_from_name(g_gil_options.policy));  // never freed (see above)
  if (g_gil_options.stats) gil->set_count_bytecodes(true);
  if (!g_gil_options.trace_file.empty()) gil->enable_trace(g_gil_options.trace_file);
  set_runtime_gil(gil);
  set_main_thread_state(ts);
  ts->ident = (unsigned long)pthread_self();
  ts->native_id = (unsigned long)::syscall(SYS_gettid);
  gil->register_thread(ts, "MainThread");
  gil->take(ts);
}

}  // namespace

bool runtime_initialize(const RuntimeConfig& config) {
  if (!read_gil_options(config.xoptions)) std::exit(1);
  if (!types_init()) {
    if (current_tstate && err_occurred()) err_print();
    std::fprintf(stderr, "gilpy: failed to initialise the built-in types\n");
    return false;
  }
  Interpreter* interp = interpreter_create();
  if (!current_tstate) current_tstate = thread_state_create(interp);
  if (!runtime_gil()) gil_initialize(current_tstate);
  interp->argv = config.argv;
  interp->xoptions = config.xoptions;
  interp->flags = config.flags;
  interp->warnoptions = config.warnoptions;
  interp->interactive = config.interactive;
  interp->inspect = config.inspect;
  interp->optimize = config.optimize;
  interp->modules = dict_new();
  if (!interp->modules) return false;

  Ref builtins = Ref::steal(builtins_module_init());
  if (!builtins) {
    err_print();
    return false;
  }
  interp->builtins = module_get_dict_borrowed(builtins.get());
  if (dict_setitem_str(interp->modules, "builtins", builtins.get()) < 0) return false;

  Ref sys = Ref::steal(sys_module_init());
  if (!sys) {
    err_print();
    return false;
  }
  interp->sysdict = module_get_dict_borrowed(sys.get());
  if (dict_setitem_str(interp->modules, "sys", sys.get()) < 0) return false;
  if (!gil_install_sys_functions(interp->sysdict) || !signal_install_defaults(current_tstate)) {
    err_print();
    return false;
  }
  if (!dict_get_str_borrowed(interp->sysdict, "modules"))
    dict_setitem_str(interp->sysdict, "modules", interp->modules);
  Object* path = dict_get_str_borrowed(interp->sysdict, "path");
  if (!path) {
    Ref p = Ref::steal(list_new(0));
    if (!p || dict_setitem_str(interp->sysdict, "path", p.get()) < 0) return false;
    path = p.get();
  }
  if (list_check(path)) {
    // sys.path: PYTHONPATH entries (unless -E / -I), then gilpy's lib/ directories; the
    // script's directory is inserted in front when the program starts.
    std::vector<std::string> dirs;
    const char* pythonpath = std::getenv("PYTHONPATH");
    if (pythonpath && !interp->flags.ignore_environment) {
      std::string entries = pythonpath;
      size_t start = 0;
      while (start <= entries.size()) {
        size_t end = entries.find(':', start);
        if (end == std::string::npos) end = entries.size();
        if (end > start) dirs.push_back(entries.substr(start, end - start));
        start = end + 1;
      }
    }
    import_default_lib_dirs(dirs);
    for (const std::string& d : dirs) {
      Ref s = Ref::steal(str_from_utf8(d));
      if (!s) return false;
      int c = sequence_contains(path, s.get());
      if (c == 0) list_append(path, s.get());
    }
  }
  err_clear();
  if (!io_finish_std_streams(interp->sysdict)) {
    std::fputs("Fatal Python error: init_sys_streams: can't initialize sys standard streams\n"
               "Python runtime state: core initialized\n", stderr);
    err_print();
    return false;
  }
  return true;
}

// Called by finalize_interpreter() once the non-daemon threads are joined and the atexit
// callbacks ran: the -X gilstats report, the -X giltrace file, then daemon threads are frozen.
void gil_finalize_threads() {
  Gil* gil = runtime_gil();
  if (!gil || gil->finalizing()) return;
  flush_std_streams();
  if (g_gil_options.stats) {
    std::string report = gil_report_text(*gil);
    std::fputs(report.c_str(), stderr);
    std::fflush(stderr);
  }
  if (gil->tracing() && !gil->write_trace()) {
    std::fprintf(stderr, "gilpy: cannot write the GIL trace to %s: %s\n",
                 gil->trace_path().c_str(), std::strerror(errno));
  }
  // From here on, daemon threads never run again (they block in Gil::take).
  gil->begin_finalize(current_tstate);
}

Object* eval_globals_borrowed() { return eval_get_globals_borrowed(); }
Object* eval_builtins_borrowed() { return eval_get_builtins_borrowed(); }
Object* eval_locals() { return eval_get_locals(); }
Object* eval_function_with_locals(Object* func, Object* locals) {
  return function_call_with_locals(func, locals);
}

int runtime_finalize() {
  finalize_interpreter();
  gil_finalize_threads();  // normally done inside finalize_interpreter already
  flush_std_streams();
  if (g_unhandled_keyboard_interrupt) {
    std::signal(SIGINT, SIG_DFL);
    ::kill(::getpid(), SIGINT);
  }
  return 0;
}

Object* eval_code(Object* code, Object* globals, Object* locals) {
  if (!code_check(code)) return err_format(&Exc_TypeError, "expected a code object, got %T", code);
  if (!dict_check(globals)) return err_format(&Exc_TypeError, "globals must be a dict");
  Object* b = dict_get_str_borrowed(globals, "__builtins__");
  if (!b) {
    if (err_occurred()) return nullptr;
    Object* bm = builtins_module_borrowed();
    if (bm && dict_setitem_str(globals, "__builtins__", bm) < 0) return nullptr;
    b = bm;
  }
  Object* builtins = nullptr;
  if (b && module_check(b)) {
    builtins = module_get_dict_borrowed(b);
  } else if (b && dict_check(b)) {
    builtins = b;
  } else {
    builtins = main_interpreter()->builtins;
  }
  auto* co = static_cast<CodeObject*>(code);
  ThreadState* ts = tstate();
  Frame* f = frame_push(ts, co, nullptr, globals, builtins, locals);
  if (!f) return nullptr;
  return eval_frame(ts, f, false);
}

int handle_system_exit() {
  Object* exc = err_fetch();
  if (!exc) return 0;
  Ref value = Ref::steal(exc);
  flush_std_streams();
  int exitcode = 0;
  if (type_has_flag(type_of(value.get()), TPFLAG_BASE_EXC_SUBCLASS)) {
    Object* code = object_getattr_str(value.get(), "code");
    if (code) {
      value = Ref::steal(code);
      if (value.get() == None) return 0;
    } else {
      err_clear();
    }
  }
  if (value.get() == None) return 0;
  if (int_check(value.get())) {
    bool overflow = false;
    int64_t v = int_as_i64(value.get(), &overflow);
    exitcode = overflow ? -1 : int(v);
    err_clear();
    return exitcode;
  }
  Object* err = sys_get_borrowed("stderr");
  err_clear();
  Ref s = Ref::steal(object_str(value.get()));
  if (!s) {
    err_clear();
    s = Ref::steal(object_repr(value.get()));
    err_clear();
  }
  std::string text = s ? std::string(str_view(s.get())) : std::string();
  err_clear();
  text += "\n";
  bool written = false;
  if (err && err != None) {
    Ref t = Ref::steal(str_from_utf8(text));
    if (t) {
      Ref r = Ref::steal(call_method1(err, "write", t.get()));
      written = bool(r);
      Ref fl = Ref::steal(call_method0(err, "flush"));
    }
    err_clear();
  }
  if (!written) {
    std::fwrite(text.data(), 1, text.size(), stderr);
    std::fflush(stderr);
  }
  return 1;
}

int run_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    int e = errno;
    char real[PATH_MAX];
    std::string shown = path;
    if (path.empty() || path[0] != '/') {
      char cwd[PATH_MAX];
      if (::getcwd(cwd, sizeof cwd)) shown = std::string(cwd) + "/" + path;
    }
    (void)real;
    std::fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", program_name().c_str(),
                 shown.c_str(), e, std::strerror(e));
    return 2;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  std::string source = ss.str();
  set_sys_path0(abs_dirname(path));
  // As CPython 3.9+: the script's __file__ and code filename are absolute (cwd joined, not
  // normalised); sys.argv[0] stays as given.
  std::string abs = path;
  if (!path.empty() && path[0] != '/') {
    char cwd[PATH_MAX];
    if (::getcwd(cwd, sizeof cwd)) abs = std::string(cwd) + "/" + path;
  }
  return run_code_as_main(source, abs, abs.c_str());
}

int run_source(std::string_view source, const std::string& filename) {
  set_sys_path0("");
  return run_code_as_main(source, filename, nullptr);
}

int run_module(const std::string& module_name) {
  char cwd[PATH_MAX];
  set_sys_path0(::getcwd(cwd, sizeof cwd) ? cwd : "");
  // Find the module's file without executing it: import its parent package (if any), then look
  // for NAME.py / NAME/__main__.py on the search path.
  Interpreter* interp = main_interpreter();
  std::string name = module_name;
  size_t dot = name.rfind('.');
  Ref search;
  if (dot != std::string::npos) {
    Ref parent = Ref::steal(import_module(name.substr(0, dot).c_str()));
    if (!parent) return report_exception();
    Object* p = nullptr;
    if (object_lookup_attr(parent.get(), str_intern_cstr_borrowed("__path__"), &p) <= 0) {
      err_clear();
      std::fprintf(stderr, "%s: No module named %s\n", program_name().c_str(),
                   name.c_str());
      return 1;
    }
    search = Ref::steal(p);
  } else {
    Object* p = dict_get_str_borrowed(interp->sysdict, "path");
    search = Ref::borrow(p);
  }
  std::string child = dot == std::string::npos ? name : name.substr(dot + 1);
  Ref items = Ref::steal(search ? sequence_list(search.get()) : list_new(0));
  if (!items) return report_exception();
  for (ssize i = 0; i < list_size(items.get()); i++) {
    Object* e = list_get_borrowed(items.get(), i);
    if (!str_check(e)) continue;
    std::string dir(str_view(e));
    std::string base = dir.empty() ? child : dir + "/" + child;
    std::string file = base + ".py";
    // __package__ of the code run: the package itself for a package's __main__, else the
    // parent package ('' at top level), as CPython's runpy sets it.
    std::string package = dot == std::string::npos ? "" : name.substr(0, dot);
    if (std::ifstream(base + "/__init__.py")) {
      // A package: import it (runs __init__), then run its __main__ submodule.
      Ref pkg = Ref::steal(import_module(name.c_str()));
      if (!pkg) return report_exception();
      file = base + "/__main__.py";
      package = name;
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) continue;
    std::ostringstream ss;
    ss << in.rdbuf();
    // sys.argv[0] is the module's file.
    Object* argv = dict_get_str_borrowed(interp->sysdict, "argv");
    if (argv && list_check(argv) && list_size(argv) > 0) {
      Ref f = Ref::steal(str_from_utf8(file));
      Ref zero = Ref::steal(int_from_i64(0));
      if (f && zero) object_setitem(argv, zero.get(), f.get());
      err_clear();
    }
    return run_code_as_main(ss.str(), file, file.c_str(), package.c_str());
  }
  std::fprintf(stderr, "%s: No module named %s\n", program_name().c_str(),
               name.c_str());
  return 1;
}

}  // namespace gilpy

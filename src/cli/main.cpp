// gilpy's command line, shaped like python's:
//   gilpy [option] ... [-c cmd | -m mod | file | -] [arg] ...
// Options are parsed here (CPython's messages and exit status 2 for usage errors); what to run is
// handed to vm/run.h. The interactive loop is in cli/repl.cpp.
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "cli/repl.h"
#include "core/error.h"
#include "core/pyhash.h"
#include "vm/import.h"
#include "vm/run.h"
#include "vm/state.h"

namespace {

const char* g_program = "gilpy";

int usage_error(const std::string& message) {
  std::fprintf(stderr, "%s\n", message.c_str());
  std::fprintf(stderr, "usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n",
               g_program);
  std::fprintf(stderr, "Try `python -h' for more information.\n");
  return 2;
}

void print_help() {
  std::printf(
      "usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
      "Options (and corresponding environment variables):\n"
      "-c cmd : program passed in as string (terminates option list)\n"
      "-h     : print this help message and exit (also -? or --help)\n"
      "-i     : inspect interactively after running script\n"
      "-m mod : run library module as a script (terminates option list)\n"
      "-q     : don't print version and copyright messages on interactive startup\n"
      "-u     : force the stdout and stderr streams to be unbuffered\n"
      "-V     : print the Python version number and exit (also --version)\n"
      "-X opt : set implementation-specific option:\n"
      "         -X gil=cpython|ticks   the GIL policy (CPython 3.2+ or Python 2 check interval)\n"
      "         -X gilstats            print GIL statistics at exit\n"
      "         -X giltrace=FILE       write a Chrome trace of GIL events to FILE\n"
      "Accepted and ignored for compatibility: -b -B -d -E -I -O -OO -P -s -S -v -W arg\n"
      "file   : program read from script file\n"
      "-      : program read from stdin (default; interactive mode if a tty)\n"
      "arg ...: arguments passed to program in sys.argv[1:]\n",
      g_program);
}

// python's checks before running a script path: exit status 2 when it cannot be opened, 1 for a
// directory (gilpy does not run directories or zip files yet). Returns -1 when the path is fine.
// The script path made absolute without resolving links, as CPython 3.9+ does for __file__ and
// tracebacks of the main script (sys.argv[0] keeps the path as typed).
std::string absolute_path(const std::string& path) {
  if (path.empty() || path[0] == '/') return path;
  char cwd[4096];
  if (!getcwd(cwd, sizeof cwd)) return path;
  return std::string(cwd) + "/" + path;
}

int check_script(const std::string& path) {
  std::string abs = absolute_path(path);
  struct stat st;
  if (stat(path.c_str(), &st) != 0) {
    int e = errno;
    std::fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", g_program, abs.c_str(), e,
                 std::strerror(e));
    return 2;
  }
  if (S_ISDIR(st.st_mode)) {
    std::fprintf(stderr, "%s: can't find '__main__' module in '%s'\n", g_program, abs.c_str());
    return 1;
  }
  return -1;
}

}  // namespace

int main(int argc, char** argv) {
  g_program = argv[0];
  std::vector<std::string> xoptions, warnoptions;
  gilpy::SysFlags flags;
  std::string command, module, script;
  bool have_command = false, have_module = false, inspect = false, quiet = false;
  bool random_hash = false;  // -R: randomised hashing whatever PYTHONHASHSEED says
  int optimize = 0;
  int i = 1;
  for (; i < argc; ++i) {
    const char* arg = argv[i];
    if (arg[0] != '-' || arg[1] == '\0') break;  // a script path, or "-" (stdin)
    if (std::strcmp(arg, "--") == 0) {
      ++i;
      break;
    }
    if (std::strcmp(arg, "--version") == 0) {
      std::printf("Python %s\n", GILPY_VERSION_STRING);
      return 0;
    }
    if (std::strcmp(arg, "--help") == 0) {
      print_help();
      return 0;
    }
    if (arg[1] == '-') return usage_error(std::string("unknown option ") + arg);
    // A cluster of one-letter options: -iq, -c CODE, -cCODE, -X opt, -Xopt.
    for (const char* p = arg + 1; *p; ++p) {
      char c = *p;
      if (c == 'c' || c == 'm' || c == 'X' || c == 'W') {
        std::string value;
        if (p[1]) {
          value = p + 1;
        } else if (i + 1 < argc) {
          value = argv[++i];
        } else {
          return usage_error(std::string("Argument expected for the -") + c + " option");
        }
        if (c == 'c') {
          command = value, have_command = true;
        } else if (c == 'm') {
          module = value, have_module = true;
        } else if (c == 'X') {
          xoptions.push_back(value);
        } else {
          warnoptions.push_back(value);
        }
        break;
      }
      switch (c) {
        case 'h':
        case '?':
          print_help();
          return 0;
        case 'V':
          std::printf("Python %s\n", GILPY_VERSION_STRING);
          return 0;
        case 'i': inspect = true; flags.inspect = flags.interactive = 1; break;
        case 'q': quiet = true; flags.quiet = 1; break;
        case 'O': ++optimize; ++flags.optimize; break;
        case 'B': flags.dont_write_bytecode = 1; break;
        case 'E': flags.ignore_environment = 1; break;
        case 's': flags.no_user_site = 1; break;
        case 'S': flags.no_site = 1; break;
        case 'I': flags.isolated = flags.ignore_environment = flags.no_user_site = flags.safe_path = 1; break;
        case 'P': flags.safe_path = 1; break;
        case 'v': ++flags.verbose; break;
        case 'b': ++flags.bytes_warning; break;
        case 'd': ++flags.debug; break;
        case 'u': flags.unbuffered = 1; break;
        case 'R': random_hash = true; break;
        case 'x': break;
        default:
          return usage_error(std::string("Unknown option: -") + c);
      }
    }
    if (have_command || have_module) {
      ++i;
      break;
    }
  }

  // The hash secret, before any object exists (CPython checks PYTHONHASHSEED after the options,
  // before the script).
  const char* hash_seed = flags.ignore_environment ? nullptr : std::getenv("PYTHONHASHSEED");
  const char* hash_error = nullptr;
  if (!gilpy::hash_seed_init(hash_seed, random_hash, &hash_error)) {
    std::fprintf(stderr, "Fatal Python error: %s\nPython runtime state: preinitialized\n\n",
                 hash_error);
    return 1;
  }

  // sys.argv as python builds it.
  std::vector<std::string> args;
  bool from_stdin = false;
  if (have_command) {
    args.push_back("-c");
  } else if (have_module) {
    args.push_back("-m");  // replaced by the module's path once found
  } else if (i < argc) {
    script = argv[i++];
    if (script == "-") from_stdin = true;
    args.push_back(script);
  } else {
    from_stdin = true;
    args.push_back("");
  }
  for (; i < argc; ++i) args.push_back(argv[i]);

  if (!from_stdin && !have_command && !have_module) {
    int status = check_script(script);
    if (status >= 0) return status;
  }
  bool interactive_stdin = from_stdin && script.empty() && isatty(0);
  gilpy::RuntimeConfig config;
  config.argv = args;
  config.xoptions = xoptions;
  config.interactive = interactive_stdin;
  config.inspect = inspect;
  config.optimize = optimize;
  // The environment variables python reads for these flags (unless -E / -I).
  auto env_flag = [&](const char* name, int& flag) {
    const char* v = std::getenv(name);
    if (!flags.ignore_environment && v && *v && flag == 0) flag = 1;
  };
  env_flag("PYTHONDONTWRITEBYTECODE", flags.dont_write_bytecode);
  env_flag("PYTHONNOUSERSITE", flags.no_user_site);
  env_flag("PYTHONUNBUFFERED", flags.unbuffered);
  env_flag("PYTHONSAFEPATH", flags.safe_path);
  config.flags = flags;
  // sys.warnoptions: PYTHONWARNINGS (comma-separated, unless -E) before the -W options.
  const char* env_warnings = std::getenv("PYTHONWARNINGS");
  if (env_warnings && *env_warnings && !flags.ignore_environment) {
    std::string all = env_warnings;
    for (size_t start = 0; start <= all.size();) {
      size_t end = all.find(',', start);
      if (end == std::string::npos) end = all.size();
      if (end > start) config.warnoptions.push_back(all.substr(start, end - start));
      start = end + 1;
    }
  }
  config.warnoptions.insert(config.warnoptions.end(), warnoptions.begin(), warnoptions.end());
  if (!gilpy::runtime_initialize(config)) {
    std::fprintf(stderr, "gilpy: failed to initialize the runtime\n");
    return 1;
  }
  // With warning options, the warnings module is imported at start-up (as CPython does), so
  // that it applies them, and reports invalid ones, whatever the program imports.
  if (!config.warnoptions.empty()) {
    gilpy::Object* warnings = gilpy::import_module("warnings");
    if (warnings) {
      gilpy::decref(warnings);
    } else {
      gilpy::err_print();
    }
  }

  int status;
  if (have_command) {
    status = gilpy::run_source(command, "<string>");
  } else if (have_module) {
    status = gilpy::run_module(module);
  } else if (!from_stdin) {
    status = gilpy::run_file(absolute_path(script));
  } else if (interactive_stdin) {
    status = gilpy::repl_run(quiet);
  } else {
    std::string source;
    char buf[65536];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, stdin)) > 0) source.append(buf, n);
    status = gilpy::run_source(source, "<stdin>");
  }
  if (inspect && !interactive_stdin && isatty(0)) status = gilpy::repl_run(true);
  int final_status = gilpy::runtime_finalize();
  return final_status != 0 && status == 0 ? final_status : status;
}

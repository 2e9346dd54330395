// The interactive loop: `>>>` / `...` prompts (sys.ps1 / sys.ps2), line editing and history through
// GNU readline, statements compiled in 'single' mode in the __main__ module, so that expression
// values are echoed through sys.displayhook, exceptions printed as tracebacks, and SystemExit
// ends the session with its status.
//
// Whether a statement needs more lines is the parser's call (ParseResult::incomplete): an open
// bracket, an unterminated triple-quoted string, or a compound statement not yet ended by a blank
// line, as in CPython's REPL.
#include "cli/repl.h"

#include <readline/history.h>
#include <readline/readline.h>
#include <unistd.h>

#include <csetjmp>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <string>

#include "compiler/compile.h"
#include "core/abstract.h"
#include "core/error.h"
#include "objects/containers.h"
#include "objects/moduleobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"
#include "parser/parser.h"
#include "vm/run.h"
#include "vm/state.h"

namespace gilpy {


namespace {

sigjmp_buf g_interrupt;
volatile sig_atomic_t g_in_readline = 0;

void on_sigint(int) {
  if (g_in_readline) siglongjmp(g_interrupt, 1);
}

std::string prompt_text(const char* name, const char* dflt) {
  Object* p = sys_get_borrowed(name);
  if (!p) return dflt;
  std::string out;
  if (!str_utf8(p, out)) {
    err_clear();
    return dflt;
  }
  return out;
}

bool is_blank(const std::string& line) {
  return line.find_first_not_of(" \t\f\r") == std::string::npos;
}

Object* main_globals() {
  Object* modules = main_interpreter()->modules;
  Object* main = dict_get_str_borrowed(modules, "__main__");
  if (!main) {
    Ref m = Ref::steal(module_new("__main__"));
    if (!m || dict_setitem_str(modules, "__main__", m.get()) < 0) return nullptr;
    main = m.get();
  }
  Object* globals = module_get_dict_borrowed(main);
  if (!dict_get_str_borrowed(globals, "__builtins__") &&
      dict_setitem_str(globals, "__builtins__", main_interpreter()->builtins) < 0) {
    return nullptr;
  }
  return globals;
}

// Read one line (without its newline). false at EOF.
bool read_line(const std::string& prompt, std::string& line) {
  if (isatty(0)) {
    char* raw = readline(prompt.c_str());
    if (!raw) return false;
    line = raw;
    if (*raw) add_history(raw);
    std::free(raw);
    return true;
  }
  std::fputs(prompt.c_str(), stderr);
  std::fflush(stderr);
  line.clear();
  int c;
  while ((c = std::fgetc(stdin)) != EOF && c != '\n') line.push_back(char(c));
  return c != EOF || !line.empty();
}

}  // namespace

int repl_run(bool quiet) {
  Object* sysdict = main_interpreter()->sysdict;
  Ref ps1 = Ref::steal(str_from_cstr(">>> "));
  Ref ps2 = Ref::steal(str_from_cstr("... "));
  if (!dict_get_str_borrowed(sysdict, "ps1")) dict_setitem_str(sysdict, "ps1", ps1.get());
  if (!dict_get_str_borrowed(sysdict, "ps2")) dict_setitem_str(sysdict, "ps2", ps2.get());
  Object* globals = main_globals();
  if (!globals) {
    err_print();
    return 1;
  }
  if (!quiet) {
    std::fprintf(stderr,
                 "Python %s on linux\n"
                 "Type \"help\", \"copyright\", \"credits\" or \"license\" for more information.\n",
                 GILPY_VERSION_STRING);
  }
  Ref filename = Ref::steal(str_from_cstr("<stdin>"));
  std::string source;
  for (;;) {
    flush_std_streams();
    std::string prompt = source.empty() ? prompt_text("ps1", ">>> ") : prompt_text("ps2", "... ");
    std::string line;
    struct sigaction sa = {}, old = {};
    sa.sa_handler = on_sigint;
    sigaction(SIGINT, &sa, &old);
    if (sigsetjmp(g_interrupt, 1)) {
      g_in_readline = 0;
      sigaction(SIGINT, &old, nullptr);
      if (isatty(0)) {
        rl_free_line_state();
        rl_cleanup_after_signal();
        RL_UNSETSTATE(RL_STATE_ISEARCH | RL_STATE_NSEARCH | RL_STATE_VIMOTION |
                      RL_STATE_NUMERICARG | RL_STATE_MULTIKEY);
        rl_done = 1;
      }
      std::fputs("\nKeyboardInterrupt\n", stderr);
      source.clear();
      continue;
    }
    g_in_readline = 1;
    bool got = read_line(prompt, line);
    g_in_readline = 0;
    sigaction(SIGINT, &old, nullptr);
    if (!got) {
      if (source.empty()) {
        std::fputs("\n", stderr);
        break;
      }
      line.clear();  // EOF inside a statement ends it
    }
    if (source.empty() && is_blank(line)) continue;
    source += line;
    source += '\n';
    if (got && parser::parse(source, parser::Mode::Single, "<stdin>").incomplete) continue;

    Ref code = Ref::steal(compile_source(source, filename.get(), CompileMode::Single));
    if (!code) {
      err_print();
      source.clear();
      continue;
    }
    source.clear();
    Ref result = Ref::steal(eval_code(code.get(), globals, globals));
    if (!result) {
      if (err_matches(&Exc_SystemExit)) return handle_system_exit();
      err_print();
    }
  }
  return 0;
}

}  // namespace gilpy

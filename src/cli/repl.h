// The interactive loop (cli/repl.cpp).
#pragma once

namespace gilpy {

// Run the read-eval-print loop on stdin until EOF or SystemExit; returns the exit status.
int repl_run(bool quiet);

}  // namespace gilpy

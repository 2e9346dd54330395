// Traceback objects and printing exceptions (vm/traceback.cpp).
//
// A TracebackObject is one entry of an exception's __traceback__ chain: it owns its tb_frame (a
// FrameObject) and tb_next. The eval loop prepends an entry each time an exception propagates
// through a frame (traceback_here), so the chain runs from the outermost frame to the one that
// raised, as in CPython.
//
// traceback_print_exception prints CPython 3.12's format exactly (chained exceptions, source lines
// with `~~~^^^` position carets, SyntaxError's layout, "Did you mean" suggestions for NameError /
// AttributeError / ImportError, `[Previous line repeated N more times]`, __notes__).
#pragma once

#include "core/type.h"
#include "vm/frame.h"

namespace gilpy {

struct TracebackObject : Object {
  Object* tb_next;   // owned TracebackObject or null
  Object* tb_frame;  // owned FrameObject
  int tb_lasti;      // instruction index
  int tb_lineno;
};
extern TypeObject TracebackType;
inline bool traceback_check(Object* o) { return type_of(o) == &TracebackType; }

Object* traceback_new(Object* next, Object* frame_obj, int lasti, int lineno);

// Prepend an entry for frame `f` (at its current instruction) to the traceback of the thread's
// current exception. 0 / -1.
int traceback_here(Frame* f);

// Print `exc` (an exception instance) with its traceback and chained exceptions to `file` (an
// object with write(); null or None: sys.stderr) in CPython's format. Errors while printing are
// cleared (as CPython's fallback printing does).
void traceback_print_exception(Object* exc, Object* file);

// The suggestion CPython's traceback adds for `name` among the str items of `candidates` (a list),
// or nullptr (no exception) when none is close enough. New reference.
Object* suggestion_from_candidates(Object* candidates, Object* name);

void init_traceback_type();

}  // namespace gilpy

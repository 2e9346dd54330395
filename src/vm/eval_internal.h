// Slow paths of the eval loop (vm/eval_helpers.cpp), kept out of vm/eval.cpp so the loop stays
// small. Same conventions as everywhere: Object* results are new references, nullptr / -1 means
// an exception is set. Stack arguments are borrowed unless a comment says "steals".
#pragma once

#include "core/type.h"
#include "vm/frame.h"

namespace gilpy {

// UnboundLocalError / NameError for localsplus slot `idx` of `code` (local, cell or free var).
void format_unbound(CodeObject* code, int idx);
// NameError "name 'x' is not defined" with its `name` attribute set (for the suggestions).
void format_name_error(Object* name);

// Implicit exception chaining: if an exception is being handled, make it `exc.__context__`
// (CPython's _PyErr_SetObject rules, avoiding cycles). `only_if_unset`: leave an existing context.
void chain_exception_context(ThreadState* ts, Object* exc, bool only_if_unset);

// RAISE_VARARGS: 1 when a bare `raise` re-raised the handled exception (no new traceback entry),
// 0 when an exception was set (a new one, or the error raising it).
int do_raise(ThreadState* ts, Object* exc, Object* cause);

// UNPACK_SEQUENCE / UNPACK_EX: iterate `v` and store the items so that item 0 ends on top: writes
// argcnt + (argcntafter >= 0 ? argcntafter + 1 : 0) items ending at `top` (exclusive). 0 / -1.
int unpack_iterable(Object* v, int argcnt, int argcntafter, Object** top);

// IMPORT_NAME through builtins.__import__ (or directly when it is the built-in one).
Object* import_name(Frame* frame, Object* name, Object* fromlist, Object* level);

// CHECK_EXC_MATCH's validation: -1 with TypeError when `type` is not an exception class or a
// tuple of them.
int check_except_type_valid(Object* type);

// INTRINSIC_STOPITERATION_ERROR: StopIteration raised in a generator becomes RuntimeError
// (cause and context set to the StopIteration); otherwise `exc` itself. New reference.
Object* stopiteration_error(CodeObject* code, Object* exc);

// CALL_FUNCTION_EX helpers: make `args` a tuple ("f() argument after * must be an iterable, not
// int"); make `kwargs` a dict ("argument after ** must be a mapping").
Object* ensure_call_args_tuple(Object* callable, Object* args);
// DICT_MERGE: merge `update` into `dict` raising CPython's messages naming `callable`.
int dict_merge_for_call(Object* callable, Object* dict, Object* update);
// DICT_UPDATE / LIST_EXTEND / SET_UPDATE slow errors.
int dict_update_for_display(Object* dict, Object* update);
int list_extend_for_display(Object* list, Object* iterable);

// BEFORE_WITH: [mgr] -> *exit (bound __exit__), returns mgr.__enter__().
Object* with_enter(Object* mgr, Object** exit);

// INTRINSIC_PRINT: sys.displayhook(value).
Object* call_displayhook(Object* value);

// LOAD_BUILD_CLASS.
Object* load_build_class(Frame* frame);

// FORMAT_VALUE conversions.
Object* format_value(Object* value, int conversion, Object* spec);

// except* (vm/eval_excgroup.cpp). CHECK_EG_MATCH: split `exc` by `type` into *match and *rest
// (new references; None when empty); `frame` gives a wrapped naked exception its traceback. 0 / -1.
int exception_group_match(Frame* frame, Object* exc, Object* type, Object** match, Object** rest);
// INTRINSIC_PREP_RERAISE_STAR: what a try-except* re-raises given the original exception and the
// list of exceptions raised / not handled by its clauses (None: nothing).
Object* prep_reraise_star(Object* orig, Object* excs);

// PEP 695 intrinsics (vm/eval_typing.cpp): CALL_INTRINSIC_1 / _2 with a typing oparg.
Object* call_intrinsic_1_typing(uint32_t which, Object* v);
Object* call_intrinsic_2_typing(uint32_t which, Object* v1, Object* v2);

// Coroutines (vm/eval_async.cpp). GET_AWAITABLE: the iterator to await for `obj` (`where` 1 / 2:
// obj came from __aenter__ / __aexit__).
Object* get_awaitable(Object* obj, int where);
// GET_AITER / GET_ANEXT.
Object* get_aiter(Object* obj);
Object* get_anext(Object* aiter);
// BEFORE_ASYNC_WITH: *exit = bound __aexit__; returns mgr.__aenter__().
Object* async_with_enter(Object* mgr, Object** exit);

// Match statements (vm/eval_match.cpp). MATCH_SEQUENCE / MATCH_MAPPING tests (1 / 0).
int match_is_sequence(Object* subject);
int match_is_mapping(Object* subject);
// MATCH_KEYS: the tuple of subject values for the tuple `keys`, None when a key is missing.
Object* match_keys(Object* subject, Object* keys);
// MATCH_CLASS: the tuple of matched attributes, None when the subject does not match.
Object* match_class(Object* subject, Object* type, ssize nargs, Object* kwnames);

}  // namespace gilpy

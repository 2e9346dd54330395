// The run-time side of `except*` (PEP 654): CHECK_EG_MATCH and CALL_INTRINSIC_2
// PREP_RERAISE_STAR, ported from CPython 3.12 (ceval.c _PyEval_ExceptionGroupMatch,
// check_except_star_type_valid; exceptions.c _PyExc_PrepReraiseStar).
//
// The projection of the original group onto the leaves to re-raise uses the group's own
// subgroup() with a predicate on the leaves' identities, so derive() and the copy of
// __traceback__ / __cause__ / __context__ / __notes__ are exactly those of split().
#include "core/abstract.h"
#include "core/error.h"
#include "objects/containers.h"
#include "objects/exceptions.h"
#include "objects/intobject.h"
#include "objects/moduleobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"
#include "vm/eval_internal.h"
#include "vm/traceback.h"

namespace gilpy {

namespace {

bool is_eg(Object* o) { return object_type_check(o, &Exc_BaseExceptionGroup); }

int check_except_star_type_valid(Object* right) {
  if (check_except_type_valid(right) < 0) return -1;
  bool is_subclass = false;
  if (tuple_check(right)) {
    for (ssize i = 0; i < tuple_size(right) && !is_subclass; i++) {
      int r = object_issubclass(tuple_get_borrowed(right, i), &Exc_BaseExceptionGroup);
      if (r < 0) return -1;
      is_subclass = r != 0;
    }
  } else {
    int r = object_issubclass(right, &Exc_BaseExceptionGroup);
    if (r < 0) return -1;
    is_subclass = r != 0;
  }
  if (is_subclass) {
    err_format(&Exc_TypeError,
               "catching ExceptionGroup with except* is not allowed. Use except instead.");
    return -1;
  }
  return 0;
}

Object* identity_key(Object* o) { return int_from_i64(int64_t(reinterpret_cast<intptr_t>(o))); }

int collect_leaf_ids(Object* exc, Object* ids) {
  if (exc == None) return 0;
  if (!is_eg(exc)) {
    Ref key = Ref::steal(identity_key(exc));
    if (!key) return -1;
    return set_add(ids, key.get());
  }
  Object* excs = static_cast<BaseExceptionGroupObject*>(exc)->excs;
  for (ssize i = 0; excs && i < tuple_size(excs); i++)
    if (collect_leaf_ids(tuple_get_borrowed(excs, i), ids) < 0) return -1;
  return 0;
}

// The subgroup() predicate: is this exception one of the leaves (self: a set of identities)?
Object* leaf_predicate(Object* self, Object* const* args, ssize nargs, Object*) {
  if (nargs != 1) return err_format(&Exc_TypeError, "predicate takes one argument");
  Ref key = Ref::steal(identity_key(args[0]));
  if (!key) return nullptr;
  int r = set_contains(self, key.get());
  if (r < 0) return nullptr;
  return newref(r ? True : False);
}
const MethodDef kLeafPredicate = {"_leaf_predicate", leaf_predicate, METH_DEFAULT, nullptr};

// The subgroup of `eg` holding only the leaves of the exceptions in `keep` (a list), or None.
Object* exception_group_projection(Object* eg, Object* keep) {
  Ref ids = Ref::steal(set_new(nullptr));
  if (!ids) return nullptr;
  for (ssize i = 0; i < list_size(keep); i++)
    if (collect_leaf_ids(list_get_borrowed(keep, i), ids.get()) < 0) return nullptr;
  if (set_size(ids.get()) == 0) return none_ref();
  Ref pred = Ref::steal(cfunction_new(&kLeafPredicate, ids.get(), nullptr));
  if (!pred) return nullptr;
  return call_method1(eg, "subgroup", pred.get());
}

bool same_exception_metadata(Object* a, Object* b) {
  auto* e1 = static_cast<BaseExceptionObject*>(a);
  auto* e2 = static_cast<BaseExceptionObject*>(b);
  return exception_notes_borrowed(a) == exception_notes_borrowed(b) &&
         e1->traceback == e2->traceback && e1->cause == e2->cause && e1->context == e2->context;
}

}  // namespace

int exception_group_match(Frame* frame, Object* exc, Object* type, Object** match, Object** rest) {
  *match = *rest = nullptr;
  if (check_except_star_type_valid(type) < 0) return -1;
  if (exc == None) {
    *match = none_ref();
    *rest = none_ref();
    return 0;
  }
  if (exception_matches(exc, type)) {
    if (is_eg(exc)) {
      *match = newref(exc);
    } else {
      // A naked exception: wrap it in ExceptionGroup("", (exc,)) with a traceback of this frame.
      Ref excs = Ref::steal(tuple_pack(1, exc));
      if (!excs) return -1;
      Object* args[2] = {str_intern_cstr_borrowed(""), excs.get()};
      Ref wrapped = Ref::steal(call(as_object(&Exc_BaseExceptionGroup), args, 2));
      if (!wrapped) return -1;
      Ref fobj = Ref::steal(frame_get_object(frame));
      if (!fobj) return -1;
      Ref tb = Ref::steal(traceback_new(nullptr, fobj.get(), frame->lasti(), frame_lineno(frame)));
      if (!tb) return -1;
      exception_set_traceback(wrapped.get(), tb.get());
      *match = wrapped.release();
    }
    *rest = none_ref();
    return 0;
  }
  if (err_occurred()) return -1;
  if (is_eg(exc)) {
    Ref pair = Ref::steal(call_method1(exc, "split", type));
    if (!pair) return -1;
    if (!tuple_check_exact(pair.get())) {
      err_format(&Exc_TypeError, "%s.split must return a tuple, not %s", type_of(exc)->name,
                 type_of(pair.get())->name);
      return -1;
    }
    if (tuple_size(pair.get()) != 2) {
      err_format(&Exc_TypeError, "%s.split must return a 2-tuple, got tuple of size %zd",
                 type_of(exc)->name, tuple_size(pair.get()));
      return -1;
    }
    *match = newref(tuple_get_borrowed(pair.get(), 0));
    *rest = newref(tuple_get_borrowed(pair.get(), 1));
    return 0;
  }
  *match = none_ref();
  *rest = newref(exc);
  return 0;
}

Object* prep_reraise_star(Object* orig, Object* excs) {
  ssize numexcs = list_size(excs);
  if (numexcs == 0) return none_ref();
  if (!is_eg(orig)) {
    // A naked exception was caught and wrapped: at most one except* clause ran.
    return newref(list_get_borrowed(excs, 0));
  }
  Ref raised = Ref::steal(list_new(0));
  Ref reraised = Ref::steal(list_new(0));
  if (!raised || !reraised) return nullptr;
  for (ssize i = 0; i < numexcs; i++) {
    Object* e = list_get_borrowed(excs, i);
    if (e == None) continue;
    bool is_reraise = same_exception_metadata(e, orig);
    if (list_append(is_reraise ? reraised.get() : raised.get(), e) < 0) return nullptr;
  }
  Ref reraised_eg = Ref::steal(exception_group_projection(orig, reraised.get()));
  if (!reraised_eg) return nullptr;
  if (list_size(raised.get()) == 0) return reraised_eg.release();
  if (reraised_eg.get() != None && list_append(raised.get(), reraised_eg.get()) < 0) return nullptr;
  if (list_size(raised.get()) > 1) {
    Object* args[2] = {str_intern_cstr_borrowed(""), raised.get()};
    return call(as_object(&Exc_BaseExceptionGroup), args, 2);
  }
  return newref(list_get_borrowed(raised.get(), 0));
}

}  // namespace gilpy

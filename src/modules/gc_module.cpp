// The `gc` module: the Python interface to the cycle collector (core/gc.h, core/gc.cpp).
//
// Owner: the gc engineer. Stateless: every value lives in core/gc.cpp (enabled flag, thresholds,
// counts, gc.garbage and gc.callbacks lists, debug flags, statistics). Messages are CPython
// 3.12's (Modules/gcmodule.c with its Argument Clinic wrappers).
#include "core/abstract.h"
#include "core/args.h"
#include "core/error.h"
#include "core/gc.h"
#include "modules/modules.h"
#include "objects/containers.h"
#include "objects/intobject.h"
#include "objects/moduleobject.h"
#include "objects/singletons.h"

namespace gilpy {

// core/gc.cpp (not in gc.h: only this module needs them).
int gc_get_debug_flags();
void gc_set_debug_flags(int flags);
void gc_get_stats(int generation, ssize* collections, ssize* collected, ssize* uncollectable);

namespace {

Object* gc_collect_meth(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kNames[] = {"generation", nullptr};
  static const ArgSpec kSpec = {"collect", kNames, 0, 1};
  Object* a[1] = {nullptr};
  if (!parse_args(kSpec, args, nargs, kwnames, a)) return nullptr;
  ssize gen = 2;
  if (a[0]) {
    gen = number_as_ssize(a[0], &Exc_OverflowError);
    if (gen == -1 && err_occurred()) return nullptr;
  }
  if (gen < 0 || gen > 2) return err_format(&Exc_ValueError, "invalid generation");
  if (gc_is_collecting()) return int_from_i64(0);
  return int_from_ssize(gc_collect(int(gen)));
}

Object* gc_enable_meth(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("gc.enable", nargs, kwnames)) return nullptr;
  gc_set_enabled(true);
  return none_ref();
}

Object* gc_disable_meth(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("gc.disable", nargs, kwnames)) return nullptr;
  gc_set_enabled(false);
  return none_ref();
}

Object* gc_isenabled_meth(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("gc.isenabled", nargs, kwnames)) return nullptr;
  return bool_from(gc_is_enabled());
}

Object* int_triple(const int v[3]) {
  return tuple_pack(3, Ref::steal(int_from_i64(v[0])).get(), Ref::steal(int_from_i64(v[1])).get(),
                    Ref::steal(int_from_i64(v[2])).get());
}

Object* gc_get_count_meth(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("gc.get_count", nargs, kwnames)) return nullptr;
  int c[3];
  gc_get_counts(c);
  return int_triple(c);
}

Object* gc_get_threshold_meth(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("gc.get_threshold", nargs, kwnames)) return nullptr;
  int t[3];
  gc_get_thresholds(t);
  return int_triple(t);
}

Object* gc_set_threshold_meth(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("set_threshold", kwnames)) return nullptr;
  if (nargs < 1) {
    return err_format(&Exc_TypeError, "set_threshold() takes at least 1 argument (%zd given)",
                      nargs);
  }
  if (nargs > 3) {
    return err_format(&Exc_TypeError, "set_threshold() takes at most 3 arguments (%zd given)",
                      nargs);
  }
  int values[3];
  for (ssize i = 0; i < nargs; ++i) {
    ssize v = number_as_ssize(args[i], &Exc_OverflowError);
    if (v == -1 && err_occurred()) return nullptr;
    if (v > 0x7fffffff || v < -0x7fffffffLL - 1) {
      return err_format(&Exc_OverflowError, "signed integer is greater than maximum");
    }
    values[i] = int(v);
  }
  gc_set_thresholds(values, int(nargs));
  return none_ref();
}

Object* gc_get_objects_meth(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kNames[] = {"generation", nullptr};
  static const ArgSpec kSpec = {"get_objects", kNames, 0, 1};
  Object* a[1] = {nullptr};
  if (!parse_args(kSpec, args, nargs, kwnames, a)) return nullptr;
  ssize gen = -1;
  if (a[0] && a[0] != None) {
    gen = number_as_ssize(a[0], &Exc_OverflowError);
    if (gen == -1 && err_occurred()) return nullptr;
    if (gen >= 3) {
      return err_format(&Exc_ValueError,
                        "generation parameter must be less than the number of available "
                        "generations (%i)",
                        3);
    }
    if (gen < 0) return err_format(&Exc_ValueError, "generation parameter cannot be negative");
  }
  return gc_get_objects(int(gen));
}

Object* gc_is_tracked_meth(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("gc.is_tracked", nargs, kwnames)) return nullptr;
  Object* o = args[0];
  return bool_from(!is_immortal(o) && gc_is_tracked(o));
}

Object* gc_is_finalized_meth(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("gc.is_finalized", nargs, kwnames)) return nullptr;
  return bool_from(gc_is_finalized(args[0]));
}

Object* gc_freeze_meth(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("gc.freeze", nargs, kwnames)) return nullptr;
  gc_freeze();
  return none_ref();
}

Object* gc_unfreeze_meth(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("gc.unfreeze", nargs, kwnames)) return nullptr;
  gc_unfreeze();
  return none_ref();
}

Object* gc_get_freeze_count_meth(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("gc.get_freeze_count", nargs, kwnames)) return nullptr;
  return int_from_ssize(gc_freeze_count());
}

Object* gc_get_debug_meth(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("gc.get_debug", nargs, kwnames)) return nullptr;
  return int_from_i64(gc_get_debug_flags());
}

Object* gc_set_debug_meth(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("gc.set_debug", nargs, kwnames)) return nullptr;
  ssize v = number_as_ssize(args[0], &Exc_OverflowError);
  if (v == -1 && err_occurred()) return nullptr;
  gc_set_debug_flags(int(v));
  return none_ref();
}

Object* gc_get_stats_meth(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("gc.get_stats", nargs, kwnames)) return nullptr;
  Ref result = Ref::steal(list_new(0));
  if (!result) return nullptr;
  for (int g = 0; g < 3; ++g) {
    ssize a, b, c;
    gc_get_stats(g, &a, &b, &c);
    Ref d = Ref::steal(dict_new());
    Ref va = Ref::steal(int_from_ssize(a)), vb = Ref::steal(int_from_ssize(b)),
        vc = Ref::steal(int_from_ssize(c));
    if (!d || !va || !vb || !vc || dict_setitem_str(d.get(), "collections", va.get()) < 0 ||
        dict_setitem_str(d.get(), "collected", vb.get()) < 0 ||
        dict_setitem_str(d.get(), "uncollectable", vc.get()) < 0 ||
        list_append(result.get(), d.get()) < 0) {
      return nullptr;
    }
  }
  return result.release();
}

int visit_append(Object* o, void* arg) {
  if (list_append(static_cast<Object*>(arg), o) < 0) return -1;
  return 0;
}

Object* gc_get_referents_meth(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("get_referents", kwnames)) return nullptr;
  Ref result = Ref::steal(list_new(0));
  if (!result) return nullptr;
  for (ssize i = 0; i < nargs; ++i) {
    Object* o = args[i];
    if (!object_is_gc(o)) continue;
    if (gc_traverse(o, visit_append, result.get()) < 0) return nullptr;
  }
  return result.release();
}

struct ReferrersCtx {
  Object* const* targets;
  ssize n;
  bool found;
};
int visit_find(Object* o, void* arg) {
  auto* c = static_cast<ReferrersCtx*>(arg);
  for (ssize i = 0; i < c->n; ++i) {
    if (c->targets[i] == o) {
      c->found = true;
      return 1;
    }
  }
  return 0;
}

Object* gc_get_referrers_meth(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("get_referrers", kwnames)) return nullptr;
  Ref all = Ref::steal(gc_get_objects(-1));
  if (!all) return nullptr;
  Ref result = Ref::steal(list_new(0));
  if (!result) return nullptr;
  for (ssize i = 0; i < list_size(all.get()); ++i) {
    Object* o = list_get_borrowed(all.get(), i);
    ReferrersCtx c{args, nargs, false};
    gc_traverse(o, visit_find, &c);
    if (c.found && list_append(result.get(), o) < 0) return nullptr;
  }
  return result.release();
}

const MethodDef kGcFunctions[] = {
    {"collect", gc_collect_meth, METH_DEFAULT,
     "Run the garbage collector.\n\nWith no arguments, run a full collection.  The optional "
     "argument\nmay be an integer specifying which generation to collect.  A ValueError\nis "
     "raised if the generation number is invalid.\n\nThe number of unreachable objects is "
     "returned."},
    {"enable", gc_enable_meth, METH_DEFAULT, "Enable automatic garbage collection."},
    {"disable", gc_disable_meth, METH_DEFAULT, "Disable automatic garbage collection."},
    {"isenabled", gc_isenabled_meth, METH_DEFAULT,
     "Returns true if automatic garbage collection is enabled."},
    {"get_count", gc_get_count_meth, METH_DEFAULT,
     "Return a three-tuple of the current collection counts."},
    {"get_threshold", gc_get_threshold_meth, METH_DEFAULT,
     "Return the current collection thresholds."},
    {"set_threshold", gc_set_threshold_meth, METH_DEFAULT,
     "set_threshold(threshold0, [threshold1, threshold2]) -> None\n\nSets the collection "
     "thresholds.  Setting threshold0 to zero disables\ncollection.\n"},
    {"get_objects", gc_get_objects_meth, METH_DEFAULT,
     "Return a list of objects tracked by the collector (excluding the list returned)."},
    {"is_tracked", gc_is_tracked_meth, METH_DEFAULT,
     "Returns true if the object is tracked by the garbage collector."},
    {"is_finalized", gc_is_finalized_meth, METH_DEFAULT,
     "Returns true if the object has been already finalized by the GC."},
    {"freeze", gc_freeze_meth, METH_DEFAULT,
     "Freeze all current tracked objects and ignore them for future collections."},
    {"unfreeze", gc_unfreeze_meth, METH_DEFAULT,
     "Unfreeze all objects in the permanent generation."},
    {"get_freeze_count", gc_get_freeze_count_meth, METH_DEFAULT,
     "Return the number of objects in the permanent generation."},
    {"get_debug", gc_get_debug_meth, METH_DEFAULT, "Get the garbage collection debugging flags."},
    {"set_debug", gc_set_debug_meth, METH_DEFAULT, "Set the garbage collection debugging flags."},
    {"get_stats", gc_get_stats_meth, METH_DEFAULT,
     "Return a list of dictionaries containing per-generation statistics."},
    {"get_referents", gc_get_referents_meth, METH_DEFAULT,
     "Return the list of objects that are directly referred to by 'objs'."},
    {"get_referrers", gc_get_referrers_meth, METH_DEFAULT,
     "Return the list of objects that directly refer to any of 'objs'."},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

Object* gc_module_init() {
  Ref m = Ref::steal(module_new("gc"));
  if (!m || module_add_functions(m.get(), kGcFunctions) < 0) return nullptr;
  Object* garbage = gc_garbage_list_borrowed();
  Object* callbacks = gc_callbacks_list_borrowed();
  if (!garbage || !callbacks || module_add_object(m.get(), "garbage", garbage) < 0 ||
      module_add_object(m.get(), "callbacks", callbacks) < 0 ||
      module_add_int(m.get(), "DEBUG_STATS", 1) < 0 ||
      module_add_int(m.get(), "DEBUG_COLLECTABLE", 2) < 0 ||
      module_add_int(m.get(), "DEBUG_UNCOLLECTABLE", 4) < 0 ||
      module_add_int(m.get(), "DEBUG_SAVEALL", 32) < 0 ||
      module_add_int(m.get(), "DEBUG_LEAK", 38) < 0) {
    return nullptr;
  }
  return m.release();
}

}  // namespace gilpy

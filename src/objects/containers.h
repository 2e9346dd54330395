// The built-in containers: tuple, list, dict, set/frozenset, range, slice, and the iterators over
// them (objects/tupleobject.cpp, listobject.cpp, dictobject.cpp, setobject.cpp, rangeobject.cpp,
// sliceobject.cpp, iterobject.cpp). Mutating a container goes through these functions (never by
// poking at fields from outside the owning file), so that a later free-threaded build can add
// per-object locking in one place.
//
// dict is CPython's compact dict: a sparse index table into a dense, insertion-ordered entry array;
// keys' hashes are stored in the entries. set uses CPython's open addressing (linear probes then
// perturbation) and the same table sizes, so iteration order of int sets matches CPython's.
#pragma once

#include "core/type.h"

namespace gilpy {

// ---- tuple --------------------------------------------------------------------------------------
struct TupleObject : VarObject {  // ob_size = number of items
  Object* items[1];
};
extern TypeObject TupleType;
inline bool tuple_check(Object* o) { return type_has_flag(type_of(o), TPFLAG_TUPLE_SUBCLASS); }
inline bool tuple_check_exact(Object* o) { return type_of(o) == &TupleType; }
inline ssize tuple_size(Object* o) { return static_cast<TupleObject*>(o)->ob_size; }
inline Object** tuple_items(Object* o) { return static_cast<TupleObject*>(o)->items; }
inline Object* tuple_get_borrowed(Object* o, ssize i) { return tuple_items(o)[i]; }
// New tuple of n null items; fill every slot with tuple_set_steal before it escapes.
Object* tuple_new(ssize n);
inline void tuple_set_steal(Object* t, ssize i, Object* v) { tuple_items(t)[i] = v; }
Object* tuple_from_array(Object* const* items, ssize n);  // increfs the items
Object* tuple_pack(ssize n, ...);                          // increfs the items
Object* tuple_empty();                                     // the () singleton (new reference)
// Call before refilling a tuple in place (the result tuple zip/enumerate/dict.items() iterators
// reuse while nobody else holds it): the collector untracks tuples whose items are all atomic
// (core/gc.cpp), and the new items may not be.
void tuple_retrack(Object* t);

// ---- list ---------------------------------------------------------------------------------------
struct ListObject : Object {
  ssize size;
  ssize allocated;
  Object** items;  // owned array of owned references
};
extern TypeObject ListType;
inline bool list_check(Object* o) { return type_has_flag(type_of(o), TPFLAG_LIST_SUBCLASS); }
inline bool list_check_exact(Object* o) { return type_of(o) == &ListType; }
inline ssize list_size(Object* o) { return static_cast<ListObject*>(o)->size; }
inline Object** list_items(Object* o) { return static_cast<ListObject*>(o)->items; }
inline Object* list_get_borrowed(Object* o, ssize i) { return list_items(o)[i]; }
Object* list_new(ssize n);  // n null items: fill with list_set_steal
inline void list_set_steal(Object* l, ssize i, Object* v) { list_items(l)[i] = v; }
Object* list_from_array(Object* const* items, ssize n);
int list_append(Object* list, Object* item);   // increfs item
int list_extend(Object* list, Object* iterable);
int list_insert(Object* list, ssize index, Object* item);
Object* list_as_tuple(Object* list);
// In-place stable sort (Timsort) as list.sort(key=key, reverse=reverse); key may be null.
int list_sort(Object* list, Object* key, bool reverse);

// ---- dict ---------------------------------------------------------------------------------------
struct DictObject;
extern TypeObject DictType;
inline bool dict_check(Object* o) { return type_has_flag(type_of(o), TPFLAG_DICT_SUBCLASS); }
inline bool dict_check_exact(Object* o) { return type_of(o) == &DictType; }
Object* dict_new();
ssize dict_size(Object* d);
// Lookups return BORROWED references; nullptr means missing, or an error if err_occurred()
// (hashing the key can fail).
Object* dict_get_borrowed(Object* d, Object* key);
Object* dict_get_str_borrowed(Object* d, const char* key);
Object* dict_get_known_hash_borrowed(Object* d, Object* key, hash_t hash);
int dict_setitem(Object* d, Object* key, Object* value);  // increfs both
int dict_setitem_str(Object* d, const char* key, Object* value);
int dict_delitem(Object* d, Object* key);  // KeyError if missing
int dict_contains(Object* d, Object* key);  // 1/0/-1
// Iterate: `ssize pos = 0; Object *k, *v; while (dict_next(d, &pos, &k, &v)) ...` (borrowed).
bool dict_next(Object* d, ssize* pos, Object** key, Object** value);
Object* dict_copy(Object* d);
// Merge a mapping (dict or anything with keys()/__getitem__) or, when `allow_seq`, an iterable of
// pairs into d; existing keys are overwritten iff `override`.
int dict_merge(Object* d, Object* other, bool override);
int dict_update_from_seq2(Object* d, Object* pairs);
void dict_clear(Object* d);
Object* dict_keys_list(Object* d);
Object* dict_values_list(Object* d);
Object* dict_items_list(Object* d);
// Pop: new reference to the value, or nullptr (KeyError raised iff `dflt` is null).
Object* dict_pop(Object* d, Object* key, Object* dflt);

// ---- set / frozenset ----------------------------------------------------------------------------
extern TypeObject SetType;
extern TypeObject FrozenSetType;
bool set_check(Object* o);        // set, frozenset or subclasses
bool frozenset_check(Object* o);
Object* set_new(Object* iterable);        // iterable may be null
Object* frozenset_new(Object* iterable);  // iterable may be null
ssize set_size(Object* s);
int set_add(Object* s, Object* key);
int set_discard(Object* s, Object* key);  // 1 removed, 0 absent, -1 error
int set_contains(Object* s, Object* key);
bool set_next(Object* s, ssize* pos, Object** key);  // borrowed key
int set_update(Object* s, Object* iterable);

// ---- range, slice -------------------------------------------------------------------------------
extern TypeObject RangeType;
extern TypeObject SliceType;
struct SliceObject : Object {
  Object* start;  // never null (None when absent)
  Object* stop;
  Object* step;
};
inline bool slice_check(Object* o) { return type_of(o) == &SliceType; }
Object* slice_new(Object* start, Object* stop, Object* step);  // null -> None
// CPython's PySlice_Unpack + PySlice_AdjustIndices: clamps to [0, length], returns the slice length.
int slice_unpack(Object* slice, ssize* start, ssize* stop, ssize* step);  // ValueError for step 0
ssize slice_adjust_indices(ssize length, ssize* start, ssize* stop, ssize step);

// ---- iterators ----------------------------------------------------------------------------------
Object* seq_iter_new(Object* seq);                       // iter() over __getitem__
Object* callable_iter_new(Object* callable, Object* sentinel);  // iter(callable, sentinel)
extern TypeObject EnumerateType, ZipType, MapType, FilterType, ReversedType;

// ---- shared helpers (added by the containers owner) ---------------------------------------------
// Cycle detection for reprs of containers (CPython's Py_ReprEnter / Py_ReprLeave): repr_enter
// returns 1 if `o` is already being repr'd on this thread (print "[...]" then), 0 after recording
// it (call repr_leave(o) when done). Per-thread.
int repr_enter(Object* o);
void repr_leave(Object* o);
// Release the objects cached in the tuple/list/dict freelists (they hold refcount-0 objects that
// are still linked in the GC list; the collector calls this before a collection).
void container_freelists_clear();
// list[lo:hi] (clamped) as a new list; tuple[lo:hi] as a new tuple.
Object* list_get_slice(Object* list, ssize lo, ssize hi);
Object* tuple_get_slice(Object* tuple, ssize lo, ssize hi);
// list.reverse() in place.
void list_reverse(Object* list);
// d.setdefault(key, dflt): BORROWED result, nullptr on error.
Object* dict_setdefault_borrowed(Object* d, Object* key, Object* dflt);
// The range object for range(start, stop, step) with int arguments (step != 0).
Object* range_new(Object* start, Object* stop, Object* step);

}  // namespace gilpy

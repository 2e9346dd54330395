// Private helpers shared by the container implementations (objects/tupleobject.cpp,
// listobject.cpp, listsort.cpp, dictobject.cpp, setobject.cpp, rangeobject.cpp, sliceobject.cpp,
// iterobject.cpp). Not part of the contract: other subsystems use objects/containers.h.
//
// - The xxHash-derived constants CPython uses for tuple and slice hashes.
// - Freelists are switched by GILPY_CONTAINER_FREELISTS (config.h).
// - The type objects of the iterators and views, so init_container_types() (iterobject.cpp) can
//   register them all in one place, in base-before-subclass order.
#pragma once

#include <cstdint>

#include "core/abstract.h"
#include "core/args.h"
#include "core/error.h"
#include "objects/containers.h"

namespace gilpy {

using uhash_t = uint64_t;
constexpr uhash_t kXXPrime1 = 11400714785074694791ULL;
constexpr uhash_t kXXPrime2 = 14029467366897019727ULL;
constexpr uhash_t kXXPrime5 = 2870177450012600261ULL;
inline uhash_t xx_rotate(uhash_t x) { return (x << 31) | (x >> 33); }

// Iterator / view types owned by the container files (registered by init_container_types()).
extern TypeObject TupleIterType;
extern TypeObject ListIterType, ListRevIterType;
extern TypeObject DictKeysType, DictValuesType, DictItemsType;
extern TypeObject DictKeyIterType, DictValueIterType, DictItemIterType;
extern TypeObject DictRevKeyIterType, DictRevValueIterType, DictRevItemIterType;
extern TypeObject SetIterType;
extern TypeObject RangeIterType, LongRangeIterType;
extern TypeObject SeqIterType, CallIterType;

// Per-file init functions called by init_container_types() (they fill the TypeObjects; the
// registration happens in iterobject.cpp).
void init_tuple_types();
void init_list_types();
void init_dict_types();
void init_set_types();
void init_range_types();
void init_slice_types();
void init_iter_types();

// Freelist release (container_freelists_clear() in iterobject.cpp calls them).
void tuple_freelist_clear();
void list_freelist_clear();
void dict_freelist_clear();

// CPython's _PySlice_GetLongIndices (sliceobject.cpp): clamp a slice to an int `length` (any
// size); the results are new references.
bool slice_get_long_indices(Object* slice, Object* length, Object** start, Object** stop,
                            Object** step);

// list_iterator over any list (used by tuple/list iteration fast paths of other files).
Object* list_iter_new(Object* list);

// Lexicographic rich comparison of two arrays (the list/tuple comparison algorithm). The arrays
// are re-read after each comparison through the size pointers (lists may change under us).
Object* seq_richcompare(Object* const* (*items)(Object*), ssize (*size)(Object*), Object* v,
                        Object* w, int op);

// `dict_next` that also reports the stored hash (set updates from dicts use it).
bool dict_next_hash(Object* d, ssize* pos, Object** key, Object** value, hash_t* hash);
int dict_contains_known_hash(Object* d, Object* key, hash_t hash);
int dict_setitem_known_hash(Object* d, Object* key, Object* value, hash_t hash);

// Normalise an index object for sequence indexing: "list indices must be integers or slices, not
// str" when not an index. Returns false with an exception set.
bool index_from_object(Object* key, ssize* out, const char* tname);

}  // namespace gilpy

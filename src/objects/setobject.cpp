// set and frozenset: CPython's open-addressing hash table (Objects/setobject.c), reproduced
// closely enough that iteration order (the table order) equals CPython 3.12's for the same
// sequence of operations on keys with the same hashes (ints, strs with equal hashes, tuples...).
//
// Table: `mask + 1` slots (a power of two, minimum 8, the first 8 inline in `smalltable`), each
// {key, hash}: key null = never used, key == dummy (hash -1) = deleted, otherwise active (owned
// reference, `hash` the key's hash).
// Probing (set_lookkey / set_add_entry): start at hash & mask, look at LINEAR_PROBES = 9 following
// slots when they fit before the end of the table, then jump with perturbation:
// perturb >>= 5; i = (i * 5 + 1 + perturb) & mask.
// Fill policy: `fill` counts active + dummy slots, `used` active ones. After an insertion into a
// never-used slot, when fill*5 >= mask*3 the table is resized to the smallest power of two
// > used*4 (used*2 above 50000 entries); bulk updates presize (set_merge, dict updates).
// Comparisons of keys may run Python code that mutates the set: lookups restart when the table or
// the entry changed (as CPython does).
// frozenset caches its hash (-1 until computed) with CPython's algorithm (shuffle_bits xor, etc).
//
// Ownership: a set owns one reference per active key; `dummy` is a static sentinel that is never
// exposed or reference counted.
#include <cstdlib>
#include <cstring>

#include "core/abstract.h"
#include "core/args.h"
#include "core/error.h"
#include "objects/containers.h"
#include "objects/containers_internal.h"
#include "objects/intobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"
#include "vm/state.h"

namespace gilpy {

TypeObject SetType;
TypeObject FrozenSetType;
TypeObject SetIterType;

namespace {

constexpr ssize kMinSize = 8;
constexpr ssize kLinearProbes = 9;
constexpr int kPerturbShift = 5;

struct SetEntry {
  Object* key;
  hash_t hash;
};

struct SetObject : Object {
  ssize fill;
  ssize used;
  ssize mask;
  SetEntry* table;
  hash_t hash;
  ssize finger;
  SetEntry smalltable[kMinSize];
};

Object g_dummy_struct = {kImmortalRefcnt, nullptr};
Object* const dummy = &g_dummy_struct;

inline SetObject* as_set(Object* o) { return static_cast<SetObject*>(o); }
inline bool any_set_check(Object* o) {
  return object_type_check(o, &SetType) || object_type_check(o, &FrozenSetType);
}
inline bool any_set_check_exact(Object* o) {
  return type_of(o) == &SetType || type_of(o) == &FrozenSetType;
}

inline hash_t key_hash(Object* key) {
  if (str_check_exact(key)) {
    hash_t h = static_cast<StrObject*>(key)->hash;
    if (h != -1) return h;
    return str_hash(key);
  }
  return object_hash(key);
}

SetEntry* set_lookkey(SetObject* so, Object* key, hash_t hash) {
  size_t perturb = size_t(hash);
  size_t mask = size_t(so->mask);
  size_t i = size_t(hash) & mask;
  for (;;) {
    SetEntry* entry = &so->table[i];
    ssize probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    do {
      if (entry->hash == 0 && entry->key == nullptr) return entry;
      if (entry->hash == hash) {
        Object* startkey = entry->key;
        if (startkey == key) return entry;
        if (str_check_exact(startkey) && str_check_exact(key) && str_equal(startkey, key))
          return entry;
        SetEntry* table = so->table;
        incref(startkey);
        int cmp = object_richcompare_bool(startkey, key, CMP_EQ);
        decref(startkey);
        if (cmp < 0) return nullptr;
        if (table != so->table || entry->key != startkey) return set_lookkey(so, key, hash);
        if (cmp > 0) return entry;
        mask = size_t(so->mask);
      }
      entry++;
    } while (probes--);
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

void set_insert_clean(SetEntry* table, size_t mask, Object* key, hash_t hash) {
  size_t perturb = size_t(hash);
  size_t i = size_t(hash) & mask;
  for (;;) {
    SetEntry* entry = &table[i];
    if (entry->key == nullptr) goto found_null;
    if (i + kLinearProbes <= mask) {
      for (ssize j = 0; j < kLinearProbes; j++) {
        entry++;
        if (entry->key == nullptr) goto found_null;
      }
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
    continue;
  found_null:
    entry->key = key;
    entry->hash = hash;
    return;
  }
}

int set_table_resize(SetObject* so, ssize minused) {
  SetEntry small_copy[kMinSize];
  ssize oldmask = so->mask;
  size_t newsize = kMinSize;
  while (newsize <= size_t(minused)) newsize <<= 1;
  SetEntry* oldtable = so->table;
  bool is_oldtable_malloced = oldtable != so->smalltable;
  SetEntry* newtable;
  if (newsize == size_t(kMinSize)) {
    newtable = so->smalltable;
    if (newtable == oldtable) {
      if (so->fill == so->used) return 0;  // no dummies: nothing to do
      std::memcpy(small_copy, oldtable, sizeof(small_copy));
      oldtable = small_copy;
    }
  } else {
    if (newsize > size_t(PTRDIFF_MAX) / sizeof(SetEntry)) {
      err_no_memory();
      return -1;
    }
    newtable = static_cast<SetEntry*>(std::malloc(newsize * sizeof(SetEntry)));
    if (!newtable) {
      err_no_memory();
      return -1;
    }
  }
  std::memset(newtable, 0, sizeof(SetEntry) * newsize);
  so->mask = ssize(newsize) - 1;
  so->table = newtable;
  size_t newmask = size_t(so->mask);
  if (so->fill == so->used) {
    for (SetEntry* entry = oldtable; entry <= oldtable + oldmask; entry++)
      if (entry->key != nullptr) set_insert_clean(newtable, newmask, entry->key, entry->hash);
  } else {
    so->fill = so->used;
    for (SetEntry* entry = oldtable; entry <= oldtable + oldmask; entry++)
      if (entry->key != nullptr && entry->key != dummy)
        set_insert_clean(newtable, newmask, entry->key, entry->hash);
  }
  if (is_oldtable_malloced) std::free(oldtable);
  return 0;
}

// Add `key` (borrowed) with its hash.
int set_add_entry(SetObject* so, Object* key, hash_t hash) {
  SetEntry* freeslot;
  SetEntry* entry;
  size_t perturb, mask, i;
  ssize probes;
  incref(key);  // a comparison could otherwise free it before the insertion
restart:
  mask = size_t(so->mask);
  i = size_t(hash) & mask;
  freeslot = nullptr;
  perturb = size_t(hash);
  for (;;) {
    entry = &so->table[i];
    probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    do {
      if (entry->hash == 0 && entry->key == nullptr) goto found_unused_or_dummy;
      if (entry->hash == hash) {
        Object* startkey = entry->key;
        if (startkey == key) goto found_active;
        if (str_check_exact(startkey) && str_check_exact(key) && str_equal(startkey, key))
          goto found_active;
        SetEntry* table = so->table;
        incref(startkey);
        int cmp = object_richcompare_bool(startkey, key, CMP_EQ);
        decref(startkey);
        if (cmp > 0) goto found_active;
        if (cmp < 0) goto comparison_error;
        if (table != so->table || entry->key != startkey) goto restart;
        mask = size_t(so->mask);
      } else if (entry->hash == -1) {
        if (freeslot == nullptr) freeslot = entry;
      }
      entry++;
    } while (probes--);
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
found_unused_or_dummy:
  if (freeslot == nullptr) goto found_unused;
  so->used++;
  freeslot->key = key;
  freeslot->hash = hash;
  return 0;
found_unused:
  so->fill++;
  so->used++;
  entry->key = key;
  entry->hash = hash;
  if (size_t(so->fill) * 5 < mask * 3) return 0;
  return set_table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
found_active:
  decref(key);
  return 0;
comparison_error:
  decref(key);
  return -1;
}

int set_contains_entry(SetObject* so, Object* key, hash_t hash) {
  SetEntry* entry = set_lookkey(so, key, hash);
  if (!entry) return -1;
  return entry->key != nullptr;
}

constexpr int kDiscardNotFound = 0;
constexpr int kDiscardFound = 1;

int set_discard_entry(SetObject* so, Object* key, hash_t hash) {
  SetEntry* entry = set_lookkey(so, key, hash);
  if (!entry) return -1;
  if (entry->key == nullptr) return kDiscardNotFound;
  Object* old_key = entry->key;
  entry->key = dummy;
  entry->hash = -1;
  so->used--;
  decref(old_key);
  return kDiscardFound;
}

int set_add_key(SetObject* so, Object* key) {
  hash_t hash = key_hash(key);
  if (hash == -1) return -1;
  return set_add_entry(so, key, hash);
}

int set_contains_key(SetObject* so, Object* key) {
  hash_t hash = key_hash(key);
  if (hash == -1) return -1;
  return set_contains_entry(so, key, hash);
}

int set_discard_key(SetObject* so, Object* key) {
  hash_t hash = key_hash(key);
  if (hash == -1) return -1;
  return set_discard_entry(so, key, hash);
}

void set_empty_to_minsize(SetObject* so) {
  std::memset(so->smalltable, 0, sizeof(so->smalltable));
  so->fill = 0;
  so->used = 0;
  so->mask = kMinSize - 1;
  so->table = so->smalltable;
  so->hash = -1;
}

void set_clear_internal(SetObject* so) {
  SetEntry* table = so->table;
  ssize used = so->used;
  bool table_is_malloced = table != so->smalltable;
  SetEntry small_copy[kMinSize];
  // Empty the set before decref'ing anything (a decref may run code that uses the set).
  if (table_is_malloced) {
    set_empty_to_minsize(so);
  } else if (so->fill > 0) {
    std::memcpy(small_copy, table, sizeof(small_copy));
    table = small_copy;
    set_empty_to_minsize(so);
  }
  for (SetEntry* entry = table; used > 0; entry++) {
    if (entry->key && entry->key != dummy) {
      used--;
      decref(entry->key);
    }
  }
  if (table_is_malloced) std::free(table);
}

bool set_next_entry(SetObject* so, ssize* pos, SetEntry** entry_ptr) {
  ssize i = *pos;
  ssize mask = so->mask;
  SetEntry* entry = &so->table[i];
  while (i <= mask && (entry->key == nullptr || entry->key == dummy)) {
    i++;
    entry++;
  }
  *pos = i + 1;
  if (i > mask) return false;
  *entry_ptr = entry;
  return true;
}

int set_merge(SetObject* so, Object* otherset) {
  SetObject* other = as_set(otherset);
  if (other == so || other->used == 0) return 0;
  if ((so->fill + other->used) * 5 >= so->mask * 3) {
    if (set_table_resize(so, (so->used + other->used) * 2) != 0) return -1;
  }
  SetEntry* so_entry = so->table;
  SetEntry* other_entry = other->table;
  // Empty target, same size, no dummies in the source: copy slot by slot.
  if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
    for (ssize i = 0; i <= other->mask; i++, so_entry++, other_entry++) {
      Object* key = other_entry->key;
      if (key != nullptr) {
        so_entry->key = newref(key);
        so_entry->hash = other_entry->hash;
      }
    }
    so->fill = other->fill;
    so->used = other->used;
    return 0;
  }
  // Empty target: set_insert_clean.
  if (so->fill == 0) {
    SetEntry* newtable = so->table;
    size_t newmask = size_t(so->mask);
    so->fill = other->used;
    so->used = other->used;
    for (ssize i = other->mask + 1; i > 0; i--, other_entry++) {
      Object* key = other_entry->key;
      if (key != nullptr && key != dummy)
        set_insert_clean(newtable, newmask, newref(key), other_entry->hash);
    }
    return 0;
  }
  for (ssize i = 0; i <= other->mask; i++) {
    other_entry = &other->table[i];
    Object* key = other_entry->key;
    if (key != nullptr && key != dummy) {
      if (set_add_entry(so, key, other_entry->hash)) return -1;
    }
  }
  return 0;
}

int set_update_internal(SetObject* so, Object* other) {
  if (any_set_check(other)) return set_merge(so, other);
  if (dict_check_exact(other)) {
    ssize dictsize = dict_size(other);
    if ((so->fill + dictsize) * 5 >= so->mask * 3) {
      if (set_table_resize(so, (so->used + dictsize) * 2) != 0) return -1;
    }
    ssize pos = 0;
    Object* key;
    hash_t hash;
    while (dict_next_hash(other, &pos, &key, nullptr, &hash))
      if (set_add_entry(so, key, hash)) return -1;
    return 0;
  }
  Ref it = Ref::steal(object_getiter(other));
  if (!it) return -1;
  unaryfunc next = type_of(it.get())->iternext;
  for (;;) {
    Object* key = next ? next(it.get()) : iter_next(it.get());
    if (!key) {
      if (err_occurred()) {
        if (!err_matches(&Exc_StopIteration)) return -1;
        err_clear();
      }
      return 0;
    }
    int r = set_add_key(so, key);
    decref(key);
    if (r) return -1;
  }
}

Object* make_new_set(TypeObject* type, Object* iterable) {
  auto* so = alloc_object<SetObject>(type);
  if (!so) return nullptr;
  so->fill = 0;
  so->used = 0;
  so->mask = kMinSize - 1;
  so->table = so->smalltable;
  so->hash = -1;
  so->finger = 0;
  if (iterable && set_update_internal(so, iterable)) {
    decref(so);
    return nullptr;
  }
  return so;
}

Object* make_new_set_basetype(TypeObject* type, Object* iterable) {
  if (type != &SetType && type != &FrozenSetType) {
    type = type_is_subtype(type, &SetType) ? &SetType : &FrozenSetType;
  }
  return make_new_set(type, iterable);
}

void set_swap_bodies(SetObject* a, SetObject* b) {
  ssize t;
  SetEntry tab[kMinSize];
  t = a->fill; a->fill = b->fill; b->fill = t;
  t = a->used; a->used = b->used; b->used = t;
  t = a->mask; a->mask = b->mask; b->mask = t;
  SetEntry* u = a->table;
  if (a->table == a->smalltable) u = b->smalltable;
  a->table = b->table;
  if (b->table == b->smalltable) a->table = a->smalltable;
  b->table = u;
  if (a->table == a->smalltable || b->table == b->smalltable) {
    std::memcpy(tab, a->smalltable, sizeof(tab));
    std::memcpy(a->smalltable, b->smalltable, sizeof(tab));
    std::memcpy(b->smalltable, tab, sizeof(tab));
  }
  if (object_type_check(a, &FrozenSetType) && object_type_check(b, &FrozenSetType)) {
    hash_t h = a->hash;
    a->hash = b->hash;
    b->hash = h;
  } else {
    a->hash = -1;
    b->hash = -1;
  }
}

Object* set_copy_impl(SetObject* so) {
  Ref copy = Ref::steal(make_new_set_basetype(type_of(so), nullptr));
  if (!copy) return nullptr;
  if (set_merge(as_set(copy.get()), so) < 0) return nullptr;
  return copy.release();
}

Object* set_intersection(SetObject* so, Object* other) {
  if (so == other) return set_copy_impl(so);
  Ref result = Ref::steal(make_new_set_basetype(type_of(so), nullptr));
  if (!result) return nullptr;
  SetObject* res = as_set(result.get());
  if (any_set_check(other)) {
    ssize pos = 0;
    SetEntry* entry;
    if (as_set(other)->used > so->used) {
      Object* tmp = so;
      so = as_set(other);
      other = tmp;
    }
    while (set_next_entry(as_set(other), &pos, &entry)) {
      Ref key = Ref::borrow(entry->key);
      hash_t hash = entry->hash;
      int rv = set_contains_entry(so, key.get(), hash);
      if (rv < 0) return nullptr;
      if (rv && set_add_entry(res, key.get(), hash)) return nullptr;
    }
    return result.release();
  }
  Ref it = Ref::steal(object_getiter(other));
  if (!it) return nullptr;
  for (;;) {
    Ref key = Ref::steal(iter_next(it.get()));
    if (!key) {
      if (err_occurred()) return nullptr;
      break;
    }
    hash_t hash = object_hash(key.get());
    if (hash == -1) return nullptr;
    int rv = set_contains_entry(so, key.get(), hash);
    if (rv < 0) return nullptr;
    if (rv) {
      if (set_add_entry(res, key.get(), hash)) return nullptr;
      if (res->used >= so->used) break;
    }
  }
  return result.release();
}

int set_difference_update_internal(SetObject* so, Object* other) {
  if (so == other) {
    set_clear_internal(so);
    return 0;
  }
  if (any_set_check(other)) {
    Ref hold = Ref::borrow(other);
    SetEntry* entry;
    ssize pos = 0;
    while (set_next_entry(as_set(other), &pos, &entry)) {
      Ref key = Ref::borrow(entry->key);
      if (set_discard_entry(so, key.get(), entry->hash) < 0) return -1;
    }
  } else {
    Ref it = Ref::steal(object_getiter(other));
    if (!it) return -1;
    for (;;) {
      Ref key = Ref::steal(iter_next(it.get()));
      if (!key) {
        if (err_occurred()) return -1;
        break;
      }
      if (set_discard_key(so, key.get()) < 0) return -1;
    }
  }
  // If more than 1/4th are dummies, resize them away.
  if (size_t(so->fill - so->used) <= size_t(so->mask) / 4) return 0;
  return set_table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

Object* set_copy_and_difference(SetObject* so, Object* other) {
  Ref result = Ref::steal(set_copy_impl(so));
  if (!result) return nullptr;
  if (set_difference_update_internal(as_set(result.get()), other) < 0) return nullptr;
  return result.release();
}

Object* set_difference(SetObject* so, Object* other) {
  ssize other_size;
  if (any_set_check(other)) other_size = as_set(other)->used;
  else if (dict_check_exact(other)) other_size = dict_size(other);
  else return set_copy_and_difference(so, other);
  if ((so->used >> 2) > other_size) return set_copy_and_difference(so, other);
  Ref result = Ref::steal(make_new_set_basetype(type_of(so), nullptr));
  if (!result) return nullptr;
  SetObject* res = as_set(result.get());
  ssize pos = 0;
  SetEntry* entry;
  bool is_dict = dict_check_exact(other);
  while (set_next_entry(so, &pos, &entry)) {
    Ref key = Ref::borrow(entry->key);
    hash_t hash = entry->hash;
    int rv = is_dict ? dict_contains_known_hash(other, key.get(), hash)
                     : set_contains_entry(as_set(other), key.get(), hash);
    if (rv < 0) return nullptr;
    if (!rv && set_add_entry(res, key.get(), hash)) return nullptr;
  }
  return result.release();
}

int set_symmetric_difference_update_impl(SetObject* so, Object* other) {
  if (so == other) {
    set_clear_internal(so);
    return 0;
  }
  if (dict_check_exact(other)) {
    ssize pos = 0;
    Object* k;
    hash_t hash;
    while (dict_next_hash(other, &pos, &k, nullptr, &hash)) {
      Ref key = Ref::borrow(k);
      int rv = set_discard_entry(so, key.get(), hash);
      if (rv < 0) return -1;
      if (rv == kDiscardNotFound && set_add_entry(so, key.get(), hash)) return -1;
    }
    return 0;
  }
  Ref otherset;
  if (any_set_check(other)) {
    otherset = Ref::borrow(other);
  } else {
    otherset = Ref::steal(make_new_set_basetype(type_of(so), other));
    if (!otherset) return -1;
  }
  ssize pos = 0;
  SetEntry* entry;
  while (set_next_entry(as_set(otherset.get()), &pos, &entry)) {
    Ref key = Ref::borrow(entry->key);
    hash_t hash = entry->hash;
    int rv = set_discard_entry(so, key.get(), hash);
    if (rv < 0) return -1;
    if (rv == kDiscardNotFound && set_add_entry(so, key.get(), hash)) return -1;
  }
  return 0;
}

Object* set_symmetric_difference_impl(SetObject* so, Object* other) {
  Ref otherset = Ref::steal(make_new_set_basetype(type_of(so), other));
  if (!otherset) return nullptr;
  if (set_symmetric_difference_update_impl(as_set(otherset.get()), so) < 0) return nullptr;
  return otherset.release();
}

// 1/0/-1
int set_issubset_impl(SetObject* so, Object* other) {
  if (!any_set_check(other)) {
    Ref tmp = Ref::steal(set_intersection(so, other));
    if (!tmp) return -1;
    return as_set(tmp.get())->used == so->used;
  }
  if (so->used > as_set(other)->used) return 0;
  ssize pos = 0;
  SetEntry* entry;
  while (set_next_entry(so, &pos, &entry)) {
    Ref key = Ref::borrow(entry->key);
    int rv = set_contains_entry(as_set(other), key.get(), entry->hash);
    if (rv <= 0) return rv;
  }
  return 1;
}

int set_issuperset_impl(SetObject* so, Object* other) {
  if (any_set_check(other)) return set_issubset_impl(as_set(other), so);
  Ref it = Ref::steal(object_getiter(other));
  if (!it) return -1;
  for (;;) {
    Ref key = Ref::steal(iter_next(it.get()));
    if (!key) return err_occurred() ? -1 : 1;
    int rv = set_contains_key(so, key.get());
    if (rv <= 0) return rv;
  }
}

hash_t frozenset_hash_impl(SetObject* so) {
  auto shuffle_bits = [](uhash_t h) -> uhash_t {
    return ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL;
  };
  uhash_t hash = 0;
  for (SetEntry* entry = so->table; entry <= &so->table[so->mask]; entry++)
    hash ^= shuffle_bits(uhash_t(entry->hash));
  if ((so->mask + 1 - so->fill) & 1) hash ^= shuffle_bits(0);
  if ((so->fill - so->used) & 1) hash ^= shuffle_bits(uhash_t(-1));
  hash ^= (uhash_t(so->used) + 1) * 1927868237UL;
  hash ^= (hash >> 11) ^ (hash >> 25);
  hash = hash * 69069U + 907133923UL;
  if (hash == uhash_t(-1)) hash = 590923713UL;
  return hash_t(hash);
}

// `key in so` with the set-as-key retry (a set is looked up as the equal frozenset).
int set_contains_with_retry(SetObject* so, Object* key) {
  int rv = set_contains_key(so, key);
  if (rv < 0) {
    if (!object_type_check(key, &SetType) || !err_matches(&Exc_TypeError)) return -1;
    err_clear();
    rv = set_contains_entry(so, key, frozenset_hash_impl(as_set(key)));
  }
  return rv;
}

}  // namespace

// ---- public C++ API -----------------------------------------------------------------------------
bool set_check(Object* o) { return any_set_check(o); }
bool frozenset_check(Object* o) { return object_type_check(o, &FrozenSetType); }
Object* set_new(Object* iterable) { return make_new_set(&SetType, iterable); }
Object* frozenset_new(Object* iterable) { return make_new_set(&FrozenSetType, iterable); }
ssize set_size(Object* s) { return as_set(s)->used; }
int set_add(Object* s, Object* key) { return set_add_key(as_set(s), key); }
int set_discard(Object* s, Object* key) { return set_discard_key(as_set(s), key); }
int set_contains(Object* s, Object* key) { return set_contains_key(as_set(s), key); }
int set_update(Object* s, Object* iterable) { return set_update_internal(as_set(s), iterable); }
bool set_next(Object* s, ssize* pos, Object** key) {
  SetEntry* entry;
  if (!set_next_entry(as_set(s), pos, &entry)) return false;
  *key = entry->key;
  return true;
}

// ---- object protocol ----------------------------------------------------------------------------
static void set_dealloc(Object* o) {
  SetObject* so = as_set(o);
  ssize used = so->used;
  for (SetEntry* entry = so->table; used > 0; entry++) {
    if (entry->key && entry->key != dummy) {
      used--;
      decref(entry->key);
    }
  }
  if (so->table != so->smalltable) std::free(so->table);
  object_free(o);
}

static int set_traverse(Object* o, visitproc visit, void* arg) {
  ssize pos = 0;
  SetEntry* entry;
  while (set_next_entry(as_set(o), &pos, &entry)) {
    int r = visit(entry->key, arg);
    if (r) return r;
  }
  return 0;
}

static int set_clear_slot(Object* o) {
  set_clear_internal(as_set(o));
  return 0;
}

static Object* set_repr(Object* o) {
  SetObject* so = as_set(o);
  const char* tname = type_name(type_of(o));
  StrWriter w;
  if (repr_enter(o) != 0) {
    w.append(tname);
    w.append("(...)");
    return w.finish();
  }
  if (!so->used) {
    repr_leave(o);
    w.append(tname);
    w.append("()");
    return w.finish();
  }
  Ref keys = Ref::steal(list_new(so->used));
  if (!keys) {
    repr_leave(o);
    return nullptr;
  }
  ssize pos = 0, idx = 0;
  SetEntry* entry;
  while (set_next_entry(so, &pos, &entry)) list_set_steal(keys.get(), idx++, newref(entry->key));
  Ref listrepr = Ref::steal(object_repr(keys.get()));
  repr_leave(o);
  if (!listrepr) return nullptr;
  std::string_view inner = str_view(listrepr.get());
  if (inner.size() >= 2) inner = inner.substr(1, inner.size() - 2);
  bool exact = type_of(o) == &SetType;
  if (!exact) {
    w.append(tname);
    w.append("(");
  }
  w.append("{");
  w.append(inner);
  w.append("}");
  if (!exact) w.append(")");
  return w.finish();
}

static ssize set_len(Object* o) { return as_set(o)->used; }

static int set_sq_contains(Object* o, Object* key) { return set_contains_with_retry(as_set(o), key); }

static hash_t frozenset_hash(Object* o) {
  SetObject* so = as_set(o);
  if (so->hash != -1) return so->hash;
  so->hash = frozenset_hash_impl(so);
  return so->hash;
}

static Object* set_richcompare(Object* self, Object* w, int op) {
  SetObject* v = as_set(self);
  if (!any_set_check(w)) return not_implemented_ref();
  int r;
  switch (op) {
    case CMP_EQ:
    case CMP_NE: {
      if (v->used != as_set(w)->used) return bool_from(op == CMP_NE);
      hash_t vh = v->hash, wh = as_set(w)->hash;
      if (vh != -1 && wh != -1 && vh != wh) return bool_from(op == CMP_NE);
      r = set_issubset_impl(v, w);
      if (r < 0) return nullptr;
      return bool_from((r != 0) == (op == CMP_EQ));
    }
    case CMP_LE: r = set_issubset_impl(v, w); break;
    case CMP_GE: r = set_issuperset_impl(v, w); break;
    case CMP_LT:
      if (v->used >= as_set(w)->used) return bool_from(false);
      r = set_issubset_impl(v, w);
      break;
    case CMP_GT:
      if (v->used <= as_set(w)->used) return bool_from(false);
      r = set_issuperset_impl(v, w);
      break;
    default: return not_implemented_ref();
  }
  if (r < 0) return nullptr;
  return bool_from(r != 0);
}

// ---- number slots -------------------------------------------------------------------------------
static Object* set_or(Object* self, Object* other) {
  if (!any_set_check(self) || !any_set_check(other)) return not_implemented_ref();
  Ref result = Ref::steal(set_copy_impl(as_set(self)));
  if (!result) return nullptr;
  if (self == other) return result.release();
  if (set_update_internal(as_set(result.get()), other)) return nullptr;
  return result.release();
}

static Object* set_and(Object* self, Object* other) {
  if (!any_set_check(self) || !any_set_check(other)) return not_implemented_ref();
  return set_intersection(as_set(self), other);
}

static Object* set_sub(Object* self, Object* other) {
  if (!any_set_check(self) || !any_set_check(other)) return not_implemented_ref();
  return set_difference(as_set(self), other);
}

static Object* set_xor(Object* self, Object* other) {
  if (!any_set_check(self) || !any_set_check(other)) return not_implemented_ref();
  return set_symmetric_difference_impl(as_set(self), other);
}

static Object* set_ior(Object* self, Object* other) {
  if (!any_set_check(other)) return not_implemented_ref();
  if (set_update_internal(as_set(self), other)) return nullptr;
  return newref(self);
}

static Object* set_iand(Object* self, Object* other) {
  if (!any_set_check(other)) return not_implemented_ref();
  Ref tmp = Ref::steal(set_intersection(as_set(self), other));
  if (!tmp) return nullptr;
  set_swap_bodies(as_set(self), as_set(tmp.get()));
  return newref(self);
}

static Object* set_isub(Object* self, Object* other) {
  if (!any_set_check(other)) return not_implemented_ref();
  if (set_difference_update_internal(as_set(self), other) < 0) return nullptr;
  return newref(self);
}

static Object* set_ixor(Object* self, Object* other) {
  if (!any_set_check(other)) return not_implemented_ref();
  if (set_symmetric_difference_update_impl(as_set(self), other) < 0) return nullptr;
  return newref(self);
}

// ---- methods ------------------------------------------------------------------------------------
static Object* set_add_meth(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("set.add", nargs, kwnames)) return nullptr;
  if (set_add_key(as_set(self), args[0])) return nullptr;
  return none_ref();
}

static Object* set_remove_meth(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("set.remove", nargs, kwnames)) return nullptr;
  Object* key = args[0];
  int rv = set_discard_key(as_set(self), key);
  if (rv < 0) {
    if (!object_type_check(key, &SetType) || !err_matches(&Exc_TypeError)) return nullptr;
    err_clear();
    rv = set_discard_entry(as_set(self), key, frozenset_hash_impl(as_set(key)));
    if (rv < 0) return nullptr;
  }
  if (rv == kDiscardNotFound) {
    err_set(&Exc_KeyError, key);
    return nullptr;
  }
  return none_ref();
}

static Object* set_discard_meth(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("set.discard", nargs, kwnames)) return nullptr;
  Object* key = args[0];
  int rv = set_discard_key(as_set(self), key);
  if (rv < 0) {
    if (!object_type_check(key, &SetType) || !err_matches(&Exc_TypeError)) return nullptr;
    err_clear();
    rv = set_discard_entry(as_set(self), key, frozenset_hash_impl(as_set(key)));
    if (rv < 0) return nullptr;
  }
  return none_ref();
}

static Object* set_pop_meth(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("set.pop", nargs, kwnames)) return nullptr;
  SetObject* so = as_set(self);
  SetEntry* entry = so->table + (so->finger & so->mask);
  SetEntry* limit = so->table + so->mask;
  if (so->used == 0) {
    Ref msg = Ref::steal(str_from_cstr("pop from an empty set"));
    if (msg) err_set(&Exc_KeyError, msg.get());
    return nullptr;
  }
  while (entry->key == nullptr || entry->key == dummy) {
    entry++;
    if (entry > limit) entry = so->table;
  }
  Object* key = entry->key;
  entry->key = dummy;
  entry->hash = -1;
  so->used--;
  so->finger = entry - so->table + 1;
  return key;
}

static Object* set_clear_meth(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("set.clear", nargs, kwnames)) return nullptr;
  set_clear_internal(as_set(self));
  return none_ref();
}

static Object* set_copy_meth(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("set.copy", nargs, kwnames)) return nullptr;
  return set_copy_impl(as_set(self));
}

static Object* frozenset_copy_meth(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("frozenset.copy", nargs, kwnames)) return nullptr;
  if (type_of(self) == &FrozenSetType) return newref(self);
  return set_copy_impl(as_set(self));
}

static const char* qual(Object* self, const char* set_name, const char* frozen_name) {
  return object_type_check(self, &SetType) ? set_name : frozen_name;
}

static Object* set_union_meth(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs(qual(self, "set.union", "frozenset.union"), kwnames)) return nullptr;
  Ref result = Ref::steal(set_copy_impl(as_set(self)));
  if (!result) return nullptr;
  for (ssize i = 0; i < nargs; i++) {
    if (args[i] == self) continue;
    if (set_update_internal(as_set(result.get()), args[i])) return nullptr;
  }
  return result.release();
}

static Object* set_update_meth(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("set.update", kwnames)) return nullptr;
  for (ssize i = 0; i < nargs; i++)
    if (set_update_internal(as_set(self), args[i])) return nullptr;
  return none_ref();
}

static Object* set_intersection_multi(Object* self, Object* const* args, ssize nargs) {
  if (nargs == 0) return set_copy_impl(as_set(self));
  Ref result = Ref::borrow(self);
  for (ssize i = 0; i < nargs; i++) {
    Object* nr = set_intersection(as_set(result.get()), args[i]);
    if (!nr) return nullptr;
    result.reset(nr);
  }
  return result.release();
}

static Object* set_intersection_meth(Object* self, Object* const* args, ssize nargs,
                                     Object* kwnames) {
  if (!check_no_kwargs(qual(self, "set.intersection", "frozenset.intersection"), kwnames))
    return nullptr;
  return set_intersection_multi(self, args, nargs);
}

static Object* set_intersection_update_meth(Object* self, Object* const* args, ssize nargs,
                                            Object* kwnames) {
  if (!check_no_kwargs("set.intersection_update", kwnames)) return nullptr;
  Ref tmp = Ref::steal(set_intersection_multi(self, args, nargs));
  if (!tmp) return nullptr;
  if (tmp.get() != self) set_swap_bodies(as_set(self), as_set(tmp.get()));
  return none_ref();
}

static Object* set_difference_meth(Object* self, Object* const* args, ssize nargs,
                                   Object* kwnames) {
  if (!check_no_kwargs(qual(self, "set.difference", "frozenset.difference"), kwnames))
    return nullptr;
  if (nargs == 0) return set_copy_impl(as_set(self));
  Ref result = Ref::steal(set_difference(as_set(self), args[0]));
  if (!result) return nullptr;
  for (ssize i = 1; i < nargs; i++)
    if (set_difference_update_internal(as_set(result.get()), args[i]) < 0) return nullptr;
  return result.release();
}

static Object* set_difference_update_meth(Object* self, Object* const* args, ssize nargs,
                                          Object* kwnames) {
  if (!check_no_kwargs("set.difference_update", kwnames)) return nullptr;
  for (ssize i = 0; i < nargs; i++)
    if (set_difference_update_internal(as_set(self), args[i]) < 0) return nullptr;
  return none_ref();
}

static Object* set_symdiff_meth(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg(qual(self, "set.symmetric_difference", "frozenset.symmetric_difference"),
                     nargs, kwnames))
    return nullptr;
  return set_symmetric_difference_impl(as_set(self), args[0]);
}

static Object* set_symdiff_update_meth(Object* self, Object* const* args, ssize nargs,
                                       Object* kwnames) {
  if (!check_one_arg("set.symmetric_difference_update", nargs, kwnames)) return nullptr;
  if (set_symmetric_difference_update_impl(as_set(self), args[0]) < 0) return nullptr;
  return none_ref();
}

static Object* set_issubset_meth(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg(qual(self, "set.issubset", "frozenset.issubset"), nargs, kwnames))
    return nullptr;
  int r = set_issubset_impl(as_set(self), args[0]);
  if (r < 0) return nullptr;
  return bool_from(r);
}

static Object* set_issuperset_meth(Object* self, Object* const* args, ssize nargs,
                                   Object* kwnames) {
  if (!check_one_arg(qual(self, "set.issuperset", "frozenset.issuperset"), nargs, kwnames))
    return nullptr;
  int r = set_issuperset_impl(as_set(self), args[0]);
  if (r < 0) return nullptr;
  return bool_from(r);
}

static Object* set_isdisjoint_meth(Object* self, Object* const* args, ssize nargs,
                                   Object* kwnames) {
  if (!check_one_arg(qual(self, "set.isdisjoint", "frozenset.isdisjoint"), nargs, kwnames))
    return nullptr;
  SetObject* so = as_set(self);
  Object* other = args[0];
  if (self == other) return bool_from(so->used == 0);
  if (any_set_check_exact(other)) {
    if (as_set(other)->used > so->used) {
      Object* tmp = so;
      so = as_set(other);
      other = tmp;
    }
    ssize pos = 0;
    SetEntry* entry;
    while (set_next_entry(as_set(other), &pos, &entry)) {
      Ref key = Ref::borrow(entry->key);
      int rv = set_contains_entry(so, key.get(), entry->hash);
      if (rv < 0) return nullptr;
      if (rv) return bool_from(false);
    }
    return bool_from(true);
  }
  Ref it = Ref::steal(object_getiter(other));
  if (!it) return nullptr;
  for (;;) {
    Ref key = Ref::steal(iter_next(it.get()));
    if (!key) {
      if (err_occurred()) return nullptr;
      return bool_from(true);
    }
    int rv = set_contains_key(so, key.get());
    if (rv < 0) return nullptr;
    if (rv) return bool_from(false);
  }
}

static Object* set_contains_meth(Object* self, Object* const* args, ssize nargs,
                                 Object* kwnames) {
  if (!check_one_arg(qual(self, "set.__contains__", "frozenset.__contains__"), nargs, kwnames))
    return nullptr;
  int r = set_contains_with_retry(as_set(self), args[0]);
  if (r < 0) return nullptr;
  return bool_from(r);
}

static Object* set_sizeof_meth(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("set.__sizeof__", nargs, kwnames)) return nullptr;
  SetObject* so = as_set(self);
  ssize res = 200;
  if (so->table != so->smalltable) res += (so->mask + 1) * ssize(sizeof(SetEntry));
  return int_from_ssize(res);
}

static const MethodDef set_methods[] = {
    {"add", set_add_meth, METH_DEFAULT, "Add an element to a set.\n\nThis has no effect if the element is already present."},
    {"clear", set_clear_meth, METH_DEFAULT, "Remove all elements from this set."},
    {"__contains__", set_contains_meth, METH_DEFAULT, "x.__contains__(y) <==> y in x."},
    {"copy", set_copy_meth, METH_DEFAULT, "Return a shallow copy of a set."},
    {"discard", set_discard_meth, METH_DEFAULT, "Remove an element from a set if it is a member.\n\nUnlike set.remove(), the discard() method does not raise\nan exception when an element is missing from the set."},
    {"difference", set_difference_meth, METH_DEFAULT, "Return a new set with elements in the set that are not in the others."},
    {"difference_update", set_difference_update_meth, METH_DEFAULT, "Update the set, removing elements found in others."},
    {"intersection", set_intersection_meth, METH_DEFAULT, "Return a new set with elements common to the set and all others."},
    {"intersection_update", set_intersection_update_meth, METH_DEFAULT, "Update the set, keeping only elements found in it and all others."},
    {"isdisjoint", set_isdisjoint_meth, METH_DEFAULT, "Return True if two sets have a null intersection."},
    {"issubset", set_issubset_meth, METH_DEFAULT, "Report whether another set contains this set."},
    {"issuperset", set_issuperset_meth, METH_DEFAULT, "Report whether this set contains another set."},
    {"pop", set_pop_meth, METH_DEFAULT, "Remove and return an arbitrary set element.\n\nRaises KeyError if the set is empty."},
    {"remove", set_remove_meth, METH_DEFAULT, "Remove an element from a set; it must be a member.\n\nIf the element is not a member, raise a KeyError."},
    {"__sizeof__", set_sizeof_meth, METH_DEFAULT, "S.__sizeof__() -> size of S in memory, in bytes."},
    {"symmetric_difference", set_symdiff_meth, METH_DEFAULT, "Return a new set with elements in either the set or other but not both."},
    {"symmetric_difference_update", set_symdiff_update_meth, METH_DEFAULT, "Update the set, keeping only elements found in either set, but not in both."},
    {"union", set_union_meth, METH_DEFAULT, "Return a new set with elements from the set and all others."},
    {"update", set_update_meth, METH_DEFAULT, "Update the set, adding elements from all others."},
    {nullptr, nullptr, 0, nullptr}};

static const MethodDef frozenset_methods[] = {
    {"__contains__", set_contains_meth, METH_DEFAULT, "x.__contains__(y) <==> y in x."},
    {"copy", frozenset_copy_meth, METH_DEFAULT, "Return a shallow copy of a set."},
    {"difference", set_difference_meth, METH_DEFAULT, "Return a new set with elements in the set that are not in the others."},
    {"intersection", set_intersection_meth, METH_DEFAULT, "Return a new set with elements common to the set and all others."},
    {"isdisjoint", set_isdisjoint_meth, METH_DEFAULT, "Return True if two sets have a null intersection."},
    {"issubset", set_issubset_meth, METH_DEFAULT, "Report whether another set contains this set."},
    {"issuperset", set_issuperset_meth, METH_DEFAULT, "Report whether this set contains another set."},
    {"__sizeof__", set_sizeof_meth, METH_DEFAULT, "S.__sizeof__() -> size of S in memory, in bytes."},
    {"symmetric_difference", set_symdiff_meth, METH_DEFAULT, "Return a new set with elements in either the set or other but not both."},
    {"union", set_union_meth, METH_DEFAULT, "Return a new set with elements from the set and all others."},
    {nullptr, nullptr, 0, nullptr}};

// ---- construction from Python -------------------------------------------------------------------
static Object* set_new_slot(TypeObject* type, Object* const*, ssize, Object*) {
  return make_new_set(type, nullptr);
}

static int set_init(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (type_of(self) == &SetType && !check_no_kwargs("set", kwnames)) return -1;
  if (!check_positional(type_name(type_of(self)), nargs, 0, 1)) return -1;
  SetObject* so = as_set(self);
  if (so->fill) set_clear_internal(so);
  so->hash = -1;
  if (nargs == 0) return 0;
  return set_update_internal(so, args[0]);
}

static Object* set_vectorcall(Object* callable, Object* const* args, ssize nargs,
                              Object* kwnames) {
  auto* type = static_cast<TypeObject*>(callable);
  if (type == &SetType) {
    if (!check_no_kwargs("set", kwnames) || !check_positional("set", nargs, 0, 1)) return nullptr;
    return make_new_set(type, nargs ? args[0] : nullptr);
  }
  Ref obj = Ref::steal(type->new_(type, args, nargs, kwnames));
  if (!obj) return nullptr;
  if (object_type_check(obj.get(), type) && type_of(obj.get())->init &&
      type_of(obj.get())->init(obj.get(), args, nargs, kwnames) < 0)
    return nullptr;
  return obj.release();
}

static Object* frozenset_new_slot(TypeObject* type, Object* const* args, ssize nargs,
                                  Object* kwnames) {
  if (type == &FrozenSetType && !check_no_kwargs("frozenset", kwnames)) return nullptr;
  if (!check_positional(type_name(type), nargs, 0, 1)) return nullptr;
  Object* iterable = nargs ? args[0] : nullptr;
  if (type == &FrozenSetType && iterable && type_of(iterable) == &FrozenSetType)
    return newref(iterable);
  return make_new_set(type, iterable);
}

static Object* frozenset_vectorcall(Object* callable, Object* const* args, ssize nargs,
                                    Object* kwnames) {
  auto* type = static_cast<TypeObject*>(callable);
  Ref obj = Ref::steal(frozenset_new_slot(type, args, nargs, kwnames));
  if (!obj) return nullptr;
  if (type != &FrozenSetType && object_type_check(obj.get(), type) && type_of(obj.get())->init &&
      type_of(obj.get())->init != ObjectType.init &&
      type_of(obj.get())->init(obj.get(), args, nargs, kwnames) < 0)
    return nullptr;
  return obj.release();
}

// ---- set_iterator -------------------------------------------------------------------------------
namespace {
struct SetIterObject : Object {
  Object* set;  // owned; null when exhausted
  ssize used;
  ssize pos;
  ssize len;
};
}  // namespace

static Object* set_iter(Object* o) {
  auto* si = alloc_object<SetIterObject>(&SetIterType);
  if (!si) return nullptr;
  si->set = newref(o);
  si->used = as_set(o)->used;
  si->pos = 0;
  si->len = si->used;
  return si;
}

static void setiter_dealloc(Object* o) {
  xdecref(static_cast<SetIterObject*>(o)->set);
  object_free(o);
}

static int setiter_traverse(Object* o, visitproc visit, void* arg) {
  Object* s = static_cast<SetIterObject*>(o)->set;
  return s ? visit(s, arg) : 0;
}

static Object* setiter_next(Object* o) {
  auto* si = static_cast<SetIterObject*>(o);
  Object* s = si->set;
  if (!s) return nullptr;
  SetObject* so = as_set(s);
  if (si->used != so->used) {
    err_format(&Exc_RuntimeError, "Set changed size during iteration");
    si->used = -1;
    return nullptr;
  }
  ssize i = si->pos;
  SetEntry* entry = so->table;
  ssize mask = so->mask;
  while (i <= mask && (entry[i].key == nullptr || entry[i].key == dummy)) i++;
  si->pos = i + 1;
  if (i > mask) {
    si->set = nullptr;
    decref(s);
    return nullptr;
  }
  si->len--;
  return newref(entry[i].key);
}

static Object* setiter_length_hint(Object* self, Object* const*, ssize, Object*) {
  auto* si = static_cast<SetIterObject*>(self);
  ssize len = 0;
  if (si->set && si->used == as_set(si->set)->used) len = si->len;
  return int_from_ssize(len);
}

static const MethodDef setiter_methods[] = {
    {"__length_hint__", setiter_length_hint, METH_DEFAULT, nullptr},
    {nullptr, nullptr, 0, nullptr}};

static Object* iter_self(Object* o) { return newref(o); }

// ---- type objects -------------------------------------------------------------------------------
void init_set_types() {
  TypeObject& s = SetType;
  s.name = "set";
  s.basicsize = sizeof(SetObject);
  s.flags = TPFLAG_BASETYPE | TPFLAG_HAVE_GC | TPFLAG_IMMUTABLETYPE;
  s.doc = "set() -> new empty set object\nset(iterable) -> new set object\n\nBuild an unordered collection of unique elements.";
  s.dealloc = set_dealloc;
  s.repr = set_repr;
  s.hash = object_hash_not_implemented;
  s.richcompare = set_richcompare;
  s.iter = set_iter;
  s.new_ = set_new_slot;
  s.init = set_init;
  s.vectorcall = set_vectorcall;
  s.traverse = set_traverse;
  s.clear = set_clear_slot;
  s.len = set_len;
  s.contains = set_sq_contains;
  s.nb_subtract = set_sub;
  s.nb_and = set_and;
  s.nb_or = set_or;
  s.nb_xor = set_xor;
  s.nb_inplace_subtract = set_isub;
  s.nb_inplace_and = set_iand;
  s.nb_inplace_or = set_ior;
  s.nb_inplace_xor = set_ixor;
  s.methods = set_methods;

  TypeObject& f = FrozenSetType;
  f.name = "frozenset";
  f.basicsize = sizeof(SetObject);
  f.flags = TPFLAG_BASETYPE | TPFLAG_HAVE_GC | TPFLAG_IMMUTABLETYPE;
  f.doc = "frozenset() -> empty frozenset object\nfrozenset(iterable) -> frozenset object\n\nBuild an immutable unordered collection of unique elements.";
  f.dealloc = set_dealloc;
  f.repr = set_repr;
  f.hash = frozenset_hash;
  f.richcompare = set_richcompare;
  f.iter = set_iter;
  f.new_ = frozenset_new_slot;
  f.vectorcall = frozenset_vectorcall;
  f.traverse = set_traverse;
  f.clear = set_clear_slot;
  f.len = set_len;
  f.contains = set_sq_contains;
  f.nb_subtract = set_sub;
  f.nb_and = set_and;
  f.nb_or = set_or;
  f.nb_xor = set_xor;
  f.methods = frozenset_methods;

  TypeObject& it = SetIterType;
  it.name = "set_iterator";
  it.basicsize = sizeof(SetIterObject);
  it.flags = TPFLAG_HAVE_GC | TPFLAG_IMMUTABLETYPE;
  it.dealloc = setiter_dealloc;
  it.traverse = setiter_traverse;
  it.iter = iter_self;
  it.iternext = setiter_next;
  it.methods = setiter_methods;
}

}  // namespace gilpy

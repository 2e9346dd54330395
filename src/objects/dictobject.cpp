// dict: CPython's compact, insertion-ordered hash table (Objects/dictobject.c, 3.6+ layout).
//
// Layout: a DictObject points to one DictKeys block holding
//   [header][indices: 2**log2_size slots of 1/2/4/8 bytes][entries: usable_fraction(size) slots]
// `indices` is the open-addressing table (CPython's probe sequence: i = (i*5 + perturb + 1) & mask,
// perturb >>= 5); each slot holds EMPTY (-1), DUMMY (-2, a deleted entry) or the position of an
// entry in the dense `entries` array, which is in insertion order: {hash, key, value}. Iteration
// walks entries; deleted entries have key == value == null and are compacted by the next resize.
//
// Invariants:
//  - used == number of live entries; nentries <= usable_fraction(size) is the first never-used
//    entry; `usable` counts entries that may still be appended before a resize.
//  - A live entry owns one reference to its key and one to its value; `hash` is the key's hash.
//  - An empty dict shares the static, immutable empty keys block (usable 0, so the first insert
//    resizes); nothing writes to it.
//  - Lookups compare by pointer first; exact-str keys with equal hashes compare with str_equal
//    (no Python code runs). Other keys use ==, which may run Python code that mutates the dict:
//    the lookup restarts if the keys block or the entry changed under it (as CPython does).
//  - Values are decref'd only after the dict is consistent again (decref may run __del__).
// Growth: on a full table the dict resizes to the smallest power of two >= used*3 (GROWTH_RATE).
// Exact dicts and minimum-size keys blocks are recycled through freelists.
//
// Also here: the views (dict_keys / dict_values / dict_items with set operations on keys and items
// views), their forward and reverse iterators, and dict's Python methods.
#include <cstdlib>
#include <cstring>

#include "core/abstract.h"
#include "core/args.h"
#include "core/error.h"
#include "objects/containers.h"
#include "objects/containers_internal.h"
#include "objects/dict_internal.h"
#include "objects/intobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"
#include "vm/state.h"

namespace gilpy {

TypeObject DictType;
TypeObject DictKeysType, DictValuesType, DictItemsType;
TypeObject DictKeyIterType, DictValueIterType, DictItemIterType;
TypeObject DictRevKeyIterType, DictRevValueIterType, DictRevItemIterType;

namespace {

constexpr ssize DKIX_EMPTY = -1;
constexpr ssize DKIX_DUMMY = -2;
constexpr ssize DKIX_ERROR = -3;
constexpr int kLog2MinSize = 3;
constexpr int kPerturbShift = 5;

inline ssize usable_fraction(ssize n) { return (n << 1) / 3; }
inline ssize dk_size(const DictKeys* k) { return ssize(1) << k->log2_size; }

inline ssize dk_get_index(DictKeys* k, size_t i) {
  char* ix = dk_indices(k);
  switch (k->log2_index_bytes - k->log2_size) {
    case 0: return reinterpret_cast<int8_t*>(ix)[i];
    case 1: return reinterpret_cast<int16_t*>(ix)[i];
    case 2: return reinterpret_cast<int32_t*>(ix)[i];
    default: return ssize(reinterpret_cast<int64_t*>(ix)[i]);
  }
}

inline void dk_set_index(DictKeys* k, size_t i, ssize v) {
  char* ix = dk_indices(k);
  switch (k->log2_index_bytes - k->log2_size) {
    case 0: reinterpret_cast<int8_t*>(ix)[i] = int8_t(v); break;
    case 1: reinterpret_cast<int16_t*>(ix)[i] = int16_t(v); break;
    case 2: reinterpret_cast<int32_t*>(ix)[i] = int32_t(v); break;
    default: reinterpret_cast<int64_t*>(ix)[i] = int64_t(v); break;
  }
}

struct EmptyKeysBlock {
  DictKeys hdr;
  int8_t indices[8];
  DictEntry entries[1];
};
EmptyKeysBlock g_empty_keys = {{kLog2MinSize, kLog2MinSize, 0, 0, 0},
                               {-1, -1, -1, -1, -1, -1, -1, -1},
                               {{0, nullptr, nullptr}}};
inline DictKeys* empty_keys() { return &g_empty_keys.hdr; }

#if GILPY_CONTAINER_FREELISTS
constexpr int kMaxFreeList = 80;
DictKeys* g_keys_free[kMaxFreeList];
int g_keys_numfree = 0;
DictObject* g_dict_free[kMaxFreeList];
int g_dict_numfree = 0;
#endif

int calculate_log2_keysize(ssize minsize) {
  int log2 = kLog2MinSize;
  while ((ssize(1) << log2) < minsize) log2++;
  return log2;
}

int estimate_log2_keysize(ssize n) { return calculate_log2_keysize((n * 3 + 1) / 2); }

DictKeys* new_keys_object(int log2_size) {
  int log2_bytes;
  if (log2_size < 8) log2_bytes = log2_size;
  else if (log2_size < 16) log2_bytes = log2_size + 1;
  else if (log2_size >= 32) log2_bytes = log2_size + 3;
  else log2_bytes = log2_size + 2;
  ssize usable = usable_fraction(ssize(1) << log2_size);
  DictKeys* k = nullptr;
#if GILPY_CONTAINER_FREELISTS
  if (log2_size == kLog2MinSize && g_keys_numfree > 0) k = g_keys_free[--g_keys_numfree];
#endif
  if (!k) {
    if (log2_size >= 60) {
      err_no_memory();
      return nullptr;
    }
    size_t bytes = sizeof(DictKeys) + (size_t(1) << log2_bytes) + size_t(usable) * sizeof(DictEntry);
    k = static_cast<DictKeys*>(mem_alloc(bytes));
    if (!k) {
      err_no_memory();
      return nullptr;
    }
  }
  k->log2_size = uint8_t(log2_size);
  k->log2_index_bytes = uint8_t(log2_bytes);
  k->version = 0;
  k->usable = usable;
  k->nentries = 0;
  std::memset(dk_indices(k), 0xff, size_t(1) << log2_bytes);
  std::memset(dk_entries(k), 0, size_t(usable) * sizeof(DictEntry));
  return k;
}

void free_keys_object(DictKeys* k) {
  if (k == empty_keys()) return;
#if GILPY_CONTAINER_FREELISTS
  if (k->log2_size == kLog2MinSize && g_keys_numfree < kMaxFreeList) {
    g_keys_free[g_keys_numfree++] = k;
    return;
  }
#endif
  mem_free(k);
}

inline hash_t key_hash(Object* key) {
  if (str_check_exact(key)) {
    hash_t h = static_cast<StrObject*>(key)->hash;
    if (h != -1) return h;
    return str_hash(key);
  }
  return object_hash(key);
}

}  // namespace

namespace {

inline DictObject* as_dict(Object* o) { return static_cast<DictObject*>(o); }

// Find the index slot holding entry `ix` (used when deleting).
size_t lookup_index_slot(DictKeys* k, hash_t hash, ssize ix) {
  size_t mask = size_t(dk_size(k)) - 1;
  size_t perturb = size_t(hash);
  size_t i = size_t(hash) & mask;
  for (;;) {
    ssize idx = dk_get_index(k, i);
    if (idx == ix) return i;
    perturb >>= kPerturbShift;
    i = mask & (i * 5 + perturb + 1);
  }
}

// The first EMPTY index slot for `hash` (for inserting a key known to be absent).
size_t find_empty_slot(DictKeys* k, hash_t hash) {
  size_t mask = size_t(dk_size(k)) - 1;
  size_t i = size_t(hash) & mask;
  size_t perturb = size_t(hash);
  ssize ix = dk_get_index(k, i);
  while (ix >= 0 || ix == DKIX_DUMMY) {
    perturb >>= kPerturbShift;
    i = (i * 5 + perturb + 1) & mask;
    ix = dk_get_index(k, i);
  }
  return i;
}

// Look `key` up. Returns the entry index, DKIX_EMPTY when absent, DKIX_ERROR on error.
// *value_addr receives the (borrowed) value or null.
ssize dict_lookup(DictObject* mp, Object* key, hash_t hash, Object** value_addr) {
  bool key_is_str = str_check_exact(key);
restart:
  DictKeys* dk = mp->keys;
  size_t mask = size_t(dk_size(dk)) - 1;
  size_t perturb = size_t(hash);
  size_t i = size_t(hash) & mask;
  DictEntry* ep0 = dk_entries(dk);
  for (;;) {
    ssize ix = dk_get_index(dk, i);
    if (ix >= 0) {
      DictEntry* ep = &ep0[ix];
      if (ep->key == key) {
        *value_addr = ep->value;
        return ix;
      }
      if (ep->hash == hash) {
        Object* startkey = ep->key;
        if (key_is_str && str_check_exact(startkey)) {
          if (str_equal(startkey, key)) {
            *value_addr = ep->value;
            return ix;
          }
        } else {
          incref(startkey);
          int cmp = object_richcompare_bool(startkey, key, CMP_EQ);
          decref(startkey);
          if (cmp < 0) {
            *value_addr = nullptr;
            return DKIX_ERROR;
          }
          if (dk != mp->keys || ep->key != startkey) goto restart;
          if (cmp > 0) {
            *value_addr = ep->value;
            return ix;
          }
        }
      }
    } else if (ix == DKIX_EMPTY) {
      *value_addr = nullptr;
      return DKIX_EMPTY;
    }
    perturb >>= kPerturbShift;
    i = mask & (i * 5 + perturb + 1);
  }
}

// Rebuild the table with 2**log2_newsize slots, compacting the entries.
int dictresize(DictObject* mp, int log2_newsize) {
  DictKeys* oldkeys = mp->keys;
  DictKeys* newkeys = new_keys_object(log2_newsize);
  if (!newkeys) return -1;
  ssize numentries = mp->used;
  DictEntry* oldentries = dk_entries(oldkeys);
  DictEntry* newentries = dk_entries(newkeys);
  if (oldkeys->nentries == numentries) {
    std::memcpy(newentries, oldentries, size_t(numentries) * sizeof(DictEntry));
  } else {
    DictEntry* ep = oldentries;
    for (ssize i = 0; i < numentries; i++) {
      while (ep->value == nullptr) ep++;
      newentries[i] = *ep++;
    }
  }
  size_t mask = size_t(dk_size(newkeys)) - 1;
  for (ssize ix = 0; ix < numentries; ix++) {
    hash_t hash = newentries[ix].hash;
    size_t i = size_t(hash) & mask;
    size_t perturb = size_t(hash);
    while (dk_get_index(newkeys, i) != DKIX_EMPTY) {
      perturb >>= kPerturbShift;
      i = mask & (i * 5 + perturb + 1);
    }
    dk_set_index(newkeys, i, ix);
  }
  newkeys->usable -= numentries;
  newkeys->nentries = numentries;
  mp->keys = newkeys;
  free_keys_object(oldkeys);
  return 0;
}

inline int insertion_resize(DictObject* mp) {
  return dictresize(mp, calculate_log2_keysize(mp->used * 3));
}

// Insert or replace; steals references to key and value. Returns -1 on error (references
// released).
int insertdict(DictObject* mp, Object* key, hash_t hash, Object* value) {
  Object* old_value;
  ssize ix = dict_lookup(mp, key, hash, &old_value);
  if (ix == DKIX_ERROR) {
    decref(key);
    decref(value);
    return -1;
  }
  if (ix == DKIX_EMPTY) {
    if (mp->keys->usable <= 0) {
      if (insertion_resize(mp) < 0) {
        decref(key);
        decref(value);
        return -1;
      }
    }
    DictKeys* dk = mp->keys;
    dk->version = 0;  // the key set changes (dict_internal.h)
    size_t hashpos = find_empty_slot(dk, hash);
    dk_set_index(dk, hashpos, dk->nentries);
    DictEntry* ep = &dk_entries(dk)[dk->nentries];
    ep->key = key;
    ep->hash = hash;
    ep->value = value;
    mp->used++;
    dk->usable--;
    dk->nentries++;
    return 0;
  }
  if (old_value != value) {
    dk_entries(mp->keys)[ix].value = value;
    decref(key);
    decref(old_value);
  } else {
    decref(key);
    decref(value);
  }
  return 0;
}

// Insert into an empty dict (keys == empty): allocate a minimum-size table.
int insert_to_emptydict(DictObject* mp, Object* key, hash_t hash, Object* value) {
  DictKeys* newkeys = new_keys_object(kLog2MinSize);
  if (!newkeys) {
    decref(key);
    decref(value);
    return -1;
  }
  mp->keys = newkeys;
  size_t hashpos = size_t(hash) & (size_t(dk_size(newkeys)) - 1);
  dk_set_index(newkeys, hashpos, 0);
  DictEntry* ep = dk_entries(newkeys);
  ep->key = key;
  ep->hash = hash;
  ep->value = value;
  mp->used++;
  newkeys->usable--;
  newkeys->nentries++;
  return 0;
}

inline int setitem_take2(DictObject* mp, Object* key, hash_t hash, Object* value) {
  if (mp->keys == empty_keys()) return insert_to_emptydict(mp, key, hash, value);
  return insertdict(mp, key, hash, value);
}

// Delete entry ix (whose index slot is found by hash); the old key/value are decref'd last.
void delitem_common(DictObject* mp, hash_t hash, ssize ix, Object* old_value) {
  DictKeys* dk = mp->keys;
  dk->version = 0;  // the key set changes (dict_internal.h)
  size_t hashpos = lookup_index_slot(dk, hash, ix);
  mp->used--;
  dk_set_index(dk, hashpos, DKIX_DUMMY);
  DictEntry* ep = &dk_entries(dk)[ix];
  Object* old_key = ep->key;
  ep->key = nullptr;
  ep->value = nullptr;
  decref(old_value);
  decref(old_key);
}

Object* new_dict_of_type(TypeObject* type) {
  DictObject* mp = nullptr;
#if GILPY_CONTAINER_FREELISTS
  if (type == &DictType && g_dict_numfree > 0) {
    mp = g_dict_free[--g_dict_numfree];
    mp->refcnt = 1;
  }
#endif
  if (!mp) {
    mp = alloc_object<DictObject>(type);
    if (!mp) return nullptr;
  }
  mp->used = 0;
  mp->keys = empty_keys();
  return mp;
}

// Decref every live entry of a detached keys block and free it.
void free_keys_and_entries(DictKeys* k) {
  if (k == empty_keys()) return;
  DictEntry* ep = dk_entries(k);
  for (ssize i = 0, n = k->nentries; i < n; i++) {
    if (ep[i].value) {
      Object* key = ep[i].key;
      Object* value = ep[i].value;
      decref(value);
      decref(key);
    }
  }
  free_keys_object(k);
}

}  // namespace

// ---- public C++ API -----------------------------------------------------------------------------
Object* dict_new() { return new_dict_of_type(&DictType); }

ssize dict_size(Object* d) { return as_dict(d)->used; }

Object* dict_new_presized(ssize n) {
  Ref d = Ref::steal(dict_new());
  if (d && n > usable_fraction(ssize(1) << kLog2MinSize) &&
      dictresize(as_dict(d.get()), estimate_log2_keysize(n)) < 0)
    return nullptr;
  return d.release();
}

// ---- keys versions (dict_internal.h) --------------------------------------------------------------
uint32_t dict_keys_version(Object* d) {
  static uint32_t next_version = 1;  // 0 once exhausted: no more versions, caches stay empty
  DictKeys* k = as_dict(d)->keys;
  if (k == empty_keys()) return 0;
  if (k->version == 0 && next_version != 0) k->version = next_version++;
  return k->version;
}

ssize dict_index_of_key(Object* d, Object* key) {
  if (!str_check_exact(key)) return -2;
  hash_t hash = static_cast<StrObject*>(key)->hash;
  if (hash == -1) return -2;
  DictKeys* k = as_dict(d)->keys;
  size_t mask = size_t(dk_size(k)) - 1;
  size_t perturb = size_t(hash);
  for (size_t i = size_t(hash) & mask;; i = mask & (i * 5 + perturb + 1)) {
    ssize ix = dk_get_index(k, i);
    if (ix == DKIX_EMPTY) return -1;
    if (ix >= 0) {
      DictEntry* e = &dk_entries(k)[ix];
      if (e->key == key) return ix;
      // Maybe an equal key that is another object: undecided without running ==.
      if (e->hash == hash) return -2;
    }
    perturb >>= kPerturbShift;
  }
}

Object* dict_get_known_hash_borrowed(Object* d, Object* key, hash_t hash) {
  Object* value;
  ssize ix = dict_lookup(as_dict(d), key, hash, &value);
  if (ix < 0) return nullptr;
  return value;
}

Object* dict_get_borrowed(Object* d, Object* key) {
  hash_t hash = key_hash(key);
  if (hash == -1) return nullptr;
  return dict_get_known_hash_borrowed(d, key, hash);
}

Object* dict_get_str_borrowed(Object* d, const char* key) {
  Object* k = str_intern_cstr_borrowed(key);
  if (!k) return nullptr;
  return dict_get_borrowed(d, k);
}

int dict_setitem_known_hash(Object* d, Object* key, Object* value, hash_t hash) {
  return setitem_take2(as_dict(d), newref(key), hash, newref(value));
}

int dict_setitem(Object* d, Object* key, Object* value) {
  hash_t hash = key_hash(key);
  if (hash == -1) return -1;
  return setitem_take2(as_dict(d), newref(key), hash, newref(value));
}

int dict_setitem_str(Object* d, const char* key, Object* value) {
  Object* k = str_intern_cstr_borrowed(key);
  if (!k) return -1;
  return dict_setitem(d, k, value);
}

static int dict_delitem_known_hash(DictObject* mp, Object* key, hash_t hash) {
  Object* old_value;
  ssize ix = dict_lookup(mp, key, hash, &old_value);
  if (ix == DKIX_ERROR) return -1;
  if (ix == DKIX_EMPTY || old_value == nullptr) {
    err_set(&Exc_KeyError, key);
    return -1;
  }
  delitem_common(mp, hash, ix, old_value);
  return 0;
}

int dict_delitem(Object* d, Object* key) {
  hash_t hash = key_hash(key);
  if (hash == -1) return -1;
  return dict_delitem_known_hash(as_dict(d), key, hash);
}

int dict_contains_known_hash(Object* d, Object* key, hash_t hash) {
  Object* value;
  ssize ix = dict_lookup(as_dict(d), key, hash, &value);
  if (ix == DKIX_ERROR) return -1;
  return ix != DKIX_EMPTY && value != nullptr;
}

int dict_contains(Object* d, Object* key) {
  hash_t hash = key_hash(key);
  if (hash == -1) return -1;
  return dict_contains_known_hash(d, key, hash);
}

bool dict_next_hash(Object* d, ssize* pos, Object** key, Object** value, hash_t* hash) {
  DictObject* mp = as_dict(d);
  ssize i = *pos;
  if (i < 0) return false;
  DictKeys* dk = mp->keys;
  ssize n = dk->nentries;
  DictEntry* ep = dk_entries(dk);
  while (i < n && ep[i].value == nullptr) i++;
  if (i >= n) return false;
  *pos = i + 1;
  if (key) *key = ep[i].key;
  if (value) *value = ep[i].value;
  if (hash) *hash = ep[i].hash;
  return true;
}

bool dict_next(Object* d, ssize* pos, Object** key, Object** value) {
  return dict_next_hash(d, pos, key, value, nullptr);
}

void dict_clear(Object* d) {
  DictObject* mp = as_dict(d);
  DictKeys* oldkeys = mp->keys;
  if (oldkeys == empty_keys()) return;
  mp->keys = empty_keys();
  mp->used = 0;
  free_keys_and_entries(oldkeys);
}

Object* dict_copy(Object* d) {
  DictObject* src = as_dict(d);
  Ref copy = Ref::steal(dict_new());
  if (!copy) return nullptr;
  if (src->used == 0) return copy.release();
  DictObject* mp = as_dict(copy.get());
  // Fast path: a compact table is cloned as is (same order, same layout).
  if (src->keys->nentries == src->used || src->used * 3 >= src->keys->nentries * 2) {
    DictKeys* sk = src->keys;
    DictKeys* k = new_keys_object(sk->log2_size);
    if (!k) return nullptr;
    std::memcpy(dk_indices(k), dk_indices(sk), size_t(1) << sk->log2_index_bytes);
    DictEntry* se = dk_entries(sk);
    DictEntry* de = dk_entries(k);
    for (ssize i = 0; i < sk->nentries; i++) {
      de[i] = se[i];
      if (se[i].value) {
        incref(se[i].key);
        incref(se[i].value);
      }
    }
    k->usable = sk->usable;
    k->nentries = sk->nentries;
    mp->keys = k;
    mp->used = src->used;
    return copy.release();
  }
  if (dict_merge(copy.get(), d, true) < 0) return nullptr;
  return copy.release();
}

static int dict_merge_dict(DictObject* mp, DictObject* other, int override) {
  if (other == mp || other->used == 0) return 0;
  if (mp->used == 0 && override) {
    // Presize to hold everything.
    int log2 = estimate_log2_keysize(other->used);
    if (log2 > mp->keys->log2_size || mp->keys == empty_keys()) {
      if (dictresize(mp, log2) < 0) return -1;
    }
  } else if (usable_fraction(dk_size(mp->keys)) < other->used) {
    if (dictresize(mp, estimate_log2_keysize(mp->used + other->used)) < 0) return -1;
  }
  DictKeys* okeys = other->keys;
  ssize n = okeys->nentries;
  for (ssize i = 0; i < n; i++) {
    DictEntry* entry = &dk_entries(okeys)[i];
    Object* value = entry->value;
    if (!value) continue;
    Object* key = entry->key;
    hash_t hash = entry->hash;
    incref(key);
    incref(value);
    int err = 0;
    if (override == 1) {
      err = setitem_take2(mp, key, hash, value);
    } else {
      int c = dict_contains_known_hash(mp, key, hash);
      if (c < 0) err = -1;
      else if (c == 0) {
        err = setitem_take2(mp, newref(key), hash, newref(value));
      } else if (override == 2) {
        err_set(&Exc_KeyError, key);
        err = -1;
      }
      decref(key);
      decref(value);
    }
    if (err < 0) return -1;
    if (n != other->keys->nentries || okeys != other->keys) {
      err_format(&Exc_RuntimeError, "dict mutated during update");
      return -1;
    }
  }
  return 0;
}

int dict_merge(Object* d, Object* other, bool override) {
  if (dict_check(other) && type_of(other)->iter == DictType.iter)
    return dict_merge_dict(as_dict(d), as_dict(other), override ? 1 : 0);
  // A generic mapping: keys() then __getitem__.
  Ref keys = Ref::steal(call_method0(other, "keys"));
  if (!keys) return -1;
  Ref it = Ref::steal(object_getiter(keys.get()));
  if (!it) return -1;
  for (;;) {
    Ref key = Ref::steal(iter_next(it.get()));
    if (!key) {
      if (err_occurred()) return -1;
      break;
    }
    if (!override) {
      int c = dict_contains(d, key.get());
      if (c < 0) return -1;
      if (c) continue;
    }
    Ref value = Ref::steal(object_getitem(other, key.get()));
    if (!value) return -1;
    if (dict_setitem(d, key.get(), value.get()) < 0) return -1;
  }
  return 0;
}

int dict_update_from_seq2(Object* d, Object* pairs) {
  Ref it = Ref::steal(object_getiter(pairs));
  if (!it) return -1;
  for (ssize i = 0;; i++) {
    Ref item = Ref::steal(iter_next(it.get()));
    if (!item) {
      if (err_occurred()) return -1;
      return 0;
    }
    Ref fast;
    if (list_check(item.get()) || tuple_check(item.get())) {
      fast = item;
    } else {
      Ref iit = Ref::steal(object_getiter(item.get()));
      if (!iit) {
        if (err_matches(&Exc_TypeError)) {
          err_clear();
          err_format(&Exc_TypeError,
                     "cannot convert dictionary update sequence element #%zd to a sequence", i);
        }
        return -1;
      }
      fast = Ref::steal(list_new(0));
      if (!fast || list_extend(fast.get(), iit.get()) < 0) return -1;
    }
    ssize n = list_check(fast.get()) ? list_size(fast.get()) : tuple_size(fast.get());
    if (n != 2) {
      err_format(&Exc_ValueError,
                 "dictionary update sequence element #%zd has length %zd; 2 is required", i, n);
      return -1;
    }
    Object* const* items = list_check(fast.get()) ? list_items(fast.get()) : tuple_items(fast.get());
    Ref key = Ref::borrow(items[0]);
    Ref value = Ref::borrow(items[1]);
    if (dict_setitem(d, key.get(), value.get()) < 0) return -1;
  }
}

Object* dict_pop(Object* d, Object* key, Object* dflt) {
  DictObject* mp = as_dict(d);
  if (mp->used == 0) {
    if (dflt) return newref(dflt);
    err_set(&Exc_KeyError, key);
    return nullptr;
  }
  hash_t hash = key_hash(key);
  if (hash == -1) return nullptr;
  Object* old_value;
  ssize ix = dict_lookup(mp, key, hash, &old_value);
  if (ix == DKIX_ERROR) return nullptr;
  if (ix == DKIX_EMPTY || !old_value) {
    if (dflt) return newref(dflt);
    err_set(&Exc_KeyError, key);
    return nullptr;
  }
  incref(old_value);
  delitem_common(mp, hash, ix, old_value);
  return old_value;
}

Object* dict_setdefault_borrowed(Object* d, Object* key, Object* dflt) {
  DictObject* mp = as_dict(d);
  hash_t hash = key_hash(key);
  if (hash == -1) return nullptr;
  Object* value;
  ssize ix = dict_lookup(mp, key, hash, &value);
  if (ix == DKIX_ERROR) return nullptr;
  if (ix >= 0 && value) return value;
  if (setitem_take2(mp, newref(key), hash, newref(dflt)) < 0) return nullptr;
  return dflt;
}

static Object* dict_collect(Object* d, int what) {  // 0 keys, 1 values, 2 items
  DictObject* mp = as_dict(d);
  ssize n = mp->used;
  Object* l = list_new(n);
  if (!l) return nullptr;
  DictEntry* ep = dk_entries(mp->keys);
  ssize j = 0;
  for (ssize i = 0; i < mp->keys->nentries && j < n; i++) {
    if (!ep[i].value) continue;
    Object* x;
    if (what == 0) x = newref(ep[i].key);
    else if (what == 1) x = newref(ep[i].value);
    else {
      x = tuple_pack(2, ep[i].key, ep[i].value);
      if (!x) {
        decref(l);
        return nullptr;
      }
    }
    list_set_steal(l, j++, x);
  }
  return l;
}

Object* dict_keys_list(Object* d) { return dict_collect(d, 0); }
Object* dict_values_list(Object* d) { return dict_collect(d, 1); }
Object* dict_items_list(Object* d) {
  // Allocating the tuples can run the collector (later) but never Python code; still, build the
  // tuples first to keep the loop simple.
  return dict_collect(d, 2);
}

void dict_freelist_clear() {
#if GILPY_CONTAINER_FREELISTS
  while (g_dict_numfree > 0) object_free(g_dict_free[--g_dict_numfree]);
  while (g_keys_numfree > 0) mem_free(g_keys_free[--g_keys_numfree]);
#endif
}

// ---- object protocol ----------------------------------------------------------------------------
static void dict_dealloc(Object* o) {
  DictObject* mp = as_dict(o);
  DictKeys* k = mp->keys;
  mp->keys = empty_keys();
  mp->used = 0;
  free_keys_and_entries(k);
#if GILPY_CONTAINER_FREELISTS
  if (type_of(o) == &DictType && g_dict_numfree < kMaxFreeList) {
    g_dict_free[g_dict_numfree++] = mp;
    return;
  }
#endif
  object_free(o);
}

static int dict_traverse(Object* o, visitproc visit, void* arg) {
  DictObject* mp = as_dict(o);
  DictEntry* ep = dk_entries(mp->keys);
  for (ssize i = 0; i < mp->keys->nentries; i++) {
    if (ep[i].value) {
      int r = visit(ep[i].key, arg);
      if (r) return r;
      r = visit(ep[i].value, arg);
      if (r) return r;
    }
  }
  return 0;
}

static int dict_clear_slot(Object* o) {
  dict_clear(o);
  return 0;
}

static Object* dict_repr(Object* o) {
  DictObject* mp = as_dict(o);
  if (mp->used == 0) return str_from_cstr("{}");
  if (repr_enter(o) != 0) return str_from_cstr("{...}");
  if (!enter_native_recursion(" while getting the repr of an object")) {
    repr_leave(o);
    return nullptr;
  }
  StrWriter w;
  w.append("{");
  bool ok = true;
  bool first = true;
  ssize pos = 0;
  Object *k, *v;
  while (dict_next(o, &pos, &k, &v)) {
    Ref key = Ref::borrow(k);
    Ref value = Ref::borrow(v);
    if (!first) w.append(", ");
    first = false;
    if (!w.append_repr(key.get())) {
      ok = false;
      break;
    }
    w.append(": ");
    if (!w.append_repr(value.get())) {
      ok = false;
      break;
    }
  }
  leave_native_recursion();
  repr_leave(o);
  if (!ok) return nullptr;
  w.append("}");
  return w.finish();
}

static int dict_equal(DictObject* a, DictObject* b) {
  if (a->used != b->used) return 0;
  for (ssize i = 0; i < a->keys->nentries; i++) {
    DictEntry* ep = &dk_entries(a->keys)[i];
    Object* aval = ep->value;
    if (!aval) continue;
    Ref key = Ref::borrow(ep->key);
    Ref av = Ref::borrow(aval);
    Object* bval;
    ssize ix = dict_lookup(b, key.get(), ep->hash, &bval);
    if (ix == DKIX_ERROR) return -1;
    if (ix == DKIX_EMPTY || !bval) return 0;
    Ref bv = Ref::borrow(bval);
    int cmp = object_richcompare_bool(av.get(), bv.get(), CMP_EQ);
    if (cmp <= 0) return cmp;
  }
  return 1;
}

static Object* dict_richcompare(Object* v, Object* w, int op) {
  if (!dict_check(v) || !dict_check(w) || (op != CMP_EQ && op != CMP_NE))
    return not_implemented_ref();
  int cmp = dict_equal(as_dict(v), as_dict(w));
  if (cmp < 0) return nullptr;
  return bool_from((cmp == 1) == (op == CMP_EQ));
}

static ssize dict_length(Object* o) { return as_dict(o)->used; }

static Object* dict_subscript(Object* o, Object* key) {
  hash_t hash = key_hash(key);
  if (hash == -1) return nullptr;
  Object* value;
  ssize ix = dict_lookup(as_dict(o), key, hash, &value);
  if (ix == DKIX_ERROR) return nullptr;
  if (ix == DKIX_EMPTY || !value) {
    if (!dict_check_exact(o)) {
      Object* missing = type_lookup_borrowed(type_of(o), str_intern_cstr_borrowed("__missing__"));
      if (missing) return call2(missing, o, key);
    }
    err_set(&Exc_KeyError, key);
    return nullptr;
  }
  return newref(value);
}

static int dict_ass_subscript(Object* o, Object* key, Object* value) {
  if (value) return dict_setitem(o, key, value);
  return dict_delitem(o, key);
}

static int dict_sq_contains(Object* o, Object* key) { return dict_contains(o, key); }

// ---- iterators ----------------------------------------------------------------------------------
namespace {
struct DictIterObject : Object {
  Object* dict;  // owned; null when exhausted
  ssize used;    // dict size when the iterator was created
  ssize pos;
  ssize len;     // items left to yield
  Object* result;  // items iterators: a reusable 2-tuple
};
}  // namespace

static Object* dictiter_new(Object* d, TypeObject* type) {
  auto* di = alloc_object<DictIterObject>(type);
  if (!di) return nullptr;
  DictObject* mp = as_dict(d);
  di->dict = newref(d);
  di->used = mp->used;
  di->len = mp->used;
  bool reverse = type == &DictRevKeyIterType || type == &DictRevValueIterType ||
                 type == &DictRevItemIterType;
  di->pos = reverse ? mp->keys->nentries - 1 : 0;
  if (type == &DictItemIterType || type == &DictRevItemIterType) {
    di->result = tuple_pack(2, None, None);
    if (!di->result) {
      decref(di);
      return nullptr;
    }
  } else {
    di->result = nullptr;
  }
  return di;
}

static void dictiter_dealloc(Object* o) {
  auto* di = static_cast<DictIterObject*>(o);
  xdecref(di->dict);
  xdecref(di->result);
  object_free(o);
}

static int dictiter_traverse(Object* o, visitproc visit, void* arg) {
  auto* di = static_cast<DictIterObject*>(o);
  if (di->dict) {
    int r = visit(di->dict, arg);
    if (r) return r;
  }
  return di->result ? visit(di->result, arg) : 0;
}

// Advance a forward or reverse iterator; *entry set to the next live entry. false when done or
// on error (exception set).
static bool dictiter_advance(DictIterObject* di, bool reverse, DictEntry** entry) {
  DictObject* d = as_dict(di->dict);
  if (di->used != d->used) {
    err_format(&Exc_RuntimeError, "dictionary changed size during iteration");
    di->used = -1;
    return false;
  }
  ssize i = di->pos;
  DictEntry* ep0 = dk_entries(d->keys);
  if (reverse) {
    while (i >= 0 && ep0[i].value == nullptr) i--;
    if (i < 0) goto done;
    di->pos = i - 1;
  } else {
    ssize n = d->keys->nentries;
    while (i < n && ep0[i].value == nullptr) i++;
    if (i >= n) goto done;
    di->pos = i + 1;
  }
  if (di->len == 0) {
    err_format(&Exc_RuntimeError, "dictionary keys changed during iteration");
    goto done;
  }
  di->len--;
  *entry = &ep0[i];
  return true;
done:
  di->len = 0;
  Object* dd = di->dict;
  di->dict = nullptr;
  decref(dd);
  return false;
}

static Object* dictiter_item_result(DictIterObject* di, DictEntry* e) {
  Object* r = di->result;
  if (r->refcnt == 1) {
    tuple_retrack(r);
    Object* oldk = tuple_items(r)[0];
    Object* oldv = tuple_items(r)[1];
    tuple_items(r)[0] = newref(e->key);
    tuple_items(r)[1] = newref(e->value);
    incref(r);
    decref(oldk);
    decref(oldv);
    return r;
  }
  return tuple_pack(2, e->key, e->value);
}

static Object* dictiter_next_key(Object* o) {
  auto* di = static_cast<DictIterObject*>(o);
  DictEntry* e;
  if (!di->dict || !dictiter_advance(di, false, &e)) return nullptr;
  return newref(e->key);
}
static Object* dictiter_next_value(Object* o) {
  auto* di = static_cast<DictIterObject*>(o);
  DictEntry* e;
  if (!di->dict || !dictiter_advance(di, false, &e)) return nullptr;
  return newref(e->value);
}
static Object* dictiter_next_item(Object* o) {
  auto* di = static_cast<DictIterObject*>(o);
  DictEntry* e;
  if (!di->dict || !dictiter_advance(di, false, &e)) return nullptr;
  return dictiter_item_result(di, e);
}
static Object* dictreviter_next_key(Object* o) {
  auto* di = static_cast<DictIterObject*>(o);
  DictEntry* e;
  if (!di->dict || !dictiter_advance(di, true, &e)) return nullptr;
  return newref(e->key);
}
static Object* dictreviter_next_value(Object* o) {
  auto* di = static_cast<DictIterObject*>(o);
  DictEntry* e;
  if (!di->dict || !dictiter_advance(di, true, &e)) return nullptr;
  return newref(e->value);
}
static Object* dictreviter_next_item(Object* o) {
  auto* di = static_cast<DictIterObject*>(o);
  DictEntry* e;
  if (!di->dict || !dictiter_advance(di, true, &e)) return nullptr;
  return dictiter_item_result(di, e);
}

static Object* dictiter_length_hint(Object* self, Object* const*, ssize, Object*) {
  auto* di = static_cast<DictIterObject*>(self);
  ssize n = 0;
  if (di->dict && di->used == as_dict(di->dict)->used) n = di->len;
  return int_from_ssize(n);
}

static const MethodDef dictiter_methods[] = {
    {"__length_hint__", dictiter_length_hint, METH_DEFAULT, nullptr},
    {nullptr, nullptr, 0, nullptr}};

static Object* iter_self(Object* o) { return newref(o); }

static Object* dict_iter(Object* o) { return dictiter_new(o, &DictKeyIterType); }

// ---- views --------------------------------------------------------------------------------------
namespace {
struct DictViewObject : Object {
  Object* dict;  // owned
};
inline bool is_keys_view(Object* o) { return object_type_check(o, &DictKeysType); }
inline bool is_items_view(Object* o) { return object_type_check(o, &DictItemsType); }
inline bool is_set_view(Object* o) { return is_keys_view(o) || is_items_view(o); }
inline Object* view_dict(Object* v) { return static_cast<DictViewObject*>(v)->dict; }
}  // namespace

static Object* dictview_new(Object* d, TypeObject* type) {
  auto* v = alloc_object<DictViewObject>(type);
  if (!v) return nullptr;
  v->dict = newref(d);
  return v;
}

static void dictview_dealloc(Object* o) {
  xdecref(static_cast<DictViewObject*>(o)->dict);
  object_free(o);
}

static int dictview_traverse(Object* o, visitproc visit, void* arg) {
  Object* d = static_cast<DictViewObject*>(o)->dict;
  return d ? visit(d, arg) : 0;
}

static ssize dictview_len(Object* o) { return as_dict(view_dict(o))->used; }

static Object* dictkeys_iter(Object* o) { return dictiter_new(view_dict(o), &DictKeyIterType); }
static Object* dictvalues_iter(Object* o) {
  return dictiter_new(view_dict(o), &DictValueIterType);
}
static Object* dictitems_iter(Object* o) { return dictiter_new(view_dict(o), &DictItemIterType); }

static int dictkeys_contains(Object* o, Object* key) { return dict_contains(view_dict(o), key); }

static int dictitems_contains(Object* o, Object* obj) {
  if (!tuple_check(obj) || tuple_size(obj) != 2) return 0;
  Object* key = tuple_items(obj)[0];
  Object* value = tuple_items(obj)[1];
  Object* found = dict_get_borrowed(view_dict(o), key);
  if (!found) return err_occurred() ? -1 : 0;
  Ref hold = Ref::borrow(found);
  return object_richcompare_bool(hold.get(), value, CMP_EQ);
}

static Object* dictview_repr(Object* o) {
  if (repr_enter(o) != 0) return str_from_cstr("...");
  Ref seq = Ref::steal(sequence_list(o));
  Object* result = nullptr;
  if (seq) {
    StrWriter w;
    w.append(type_of(o)->name);
    w.append("(");
    if (w.append_repr(seq.get())) {
      w.append(")");
      result = w.finish();
    }
  }
  repr_leave(o);
  return result;
}

// Is every element of `self` in `other`? 1/0/-1.
static int all_contained_in(Object* self, Object* other) {
  Ref it = Ref::steal(object_getiter(self));
  if (!it) return -1;
  for (;;) {
    Ref x = Ref::steal(iter_next(it.get()));
    if (!x) return err_occurred() ? -1 : 1;
    int ok = sequence_contains(other, x.get());
    if (ok <= 0) return ok;
  }
}

static Object* dictview_richcompare(Object* self, Object* other, int op) {
  if (!set_check(other) && !is_set_view(other)) return not_implemented_ref();
  ssize len_self = object_length(self);
  if (len_self < 0) return nullptr;
  ssize len_other = object_length(other);
  if (len_other < 0) return nullptr;
  int ok = 0;
  switch (op) {
    case CMP_NE:
    case CMP_EQ:
      if (len_self == len_other) ok = all_contained_in(self, other);
      if (op == CMP_NE && ok >= 0) ok = !ok;
      break;
    case CMP_LT:
      if (len_self < len_other) ok = all_contained_in(self, other);
      break;
    case CMP_LE:
      if (len_self <= len_other) ok = all_contained_in(self, other);
      break;
    case CMP_GT:
      if (len_self > len_other) ok = all_contained_in(other, self);
      break;
    case CMP_GE:
      if (len_self >= len_other) ok = all_contained_in(other, self);
      break;
  }
  if (ok < 0) return nullptr;
  return bool_from(ok != 0);
}

// set(view) — for a keys view, built straight from the dict (CPython's dictviews_to_set).
static Object* dictviews_to_set(Object* self) {
  Object* left = self;
  if (object_type_check(self, &DictKeysType)) left = view_dict(self);
  return set_new(left);
}

static Object* dictviews_sub(Object* self, Object* other) {
  Ref result = Ref::steal(dictviews_to_set(self));
  if (!result) return nullptr;
  Ref r = Ref::steal(call_method1(result.get(), "difference_update", other));
  if (!r) return nullptr;
  return result.release();
}

static Object* dictviews_and(Object* self, Object* other) {
  if (!is_set_view(self)) std::swap(self, other);
  ssize len_self = dictview_len(self);
  if (type_of(other) == &SetType && len_self <= set_size(other))
    return call_method1(other, "intersection", self);
  if (is_set_view(other)) {
    ssize len_other = dictview_len(other);
    if (len_other > len_self) std::swap(self, other);
  }
  Ref result = Ref::steal(set_new(nullptr));
  if (!result) return nullptr;
  Ref it = Ref::steal(object_getiter(other));
  if (!it) return nullptr;
  bool keys = is_keys_view(self);
  for (;;) {
    Ref key = Ref::steal(iter_next(it.get()));
    if (!key) {
      if (err_occurred()) return nullptr;
      break;
    }
    int rv = keys ? dictkeys_contains(self, key.get()) : dictitems_contains(self, key.get());
    if (rv < 0) return nullptr;
    if (rv && set_add(result.get(), key.get()) < 0) return nullptr;
  }
  return result.release();
}

static Object* dictviews_or(Object* self, Object* other) {
  Ref result = Ref::steal(dictviews_to_set(self));
  if (!result) return nullptr;
  if (set_update(result.get(), other) < 0) return nullptr;
  return result.release();
}

static Object* dictviews_xor(Object* self, Object* other) {
  Ref result = Ref::steal(dictviews_to_set(self));
  if (!result) return nullptr;
  Ref r = Ref::steal(call_method1(result.get(), "symmetric_difference_update", other));
  if (!r) return nullptr;
  return result.release();
}

static Object* dictviews_isdisjoint(Object* self, Object* const* args, ssize nargs,
                                    Object* kwnames) {
  if (!check_one_arg("isdisjoint", nargs, kwnames)) return nullptr;
  Object* other = args[0];
  if (self == other) return bool_from(dictview_len(self) == 0);
  // Iterate over the shorter object (only if other is a set or a view, because PySequence_Contains
  // may be expensive otherwise).
  if (set_check(other) || is_set_view(other)) {
    ssize len_self = dictview_len(self);
    ssize len_other = object_length(other);
    if (len_other < 0) return nullptr;
    if (len_other > len_self) std::swap(self, other);
  }
  Ref it = Ref::steal(object_getiter(other));
  if (!it) return nullptr;
  for (;;) {
    Ref item = Ref::steal(iter_next(it.get()));
    if (!item) {
      if (err_occurred()) return nullptr;
      return bool_from(true);
    }
    int c = sequence_contains(self, item.get());
    if (c < 0) return nullptr;
    if (c) return bool_from(false);
  }
}

static Object* dictkeys_reversed(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("dict_keys.__reversed__", nargs, kwnames)) return nullptr;
  return dictiter_new(view_dict(self), &DictRevKeyIterType);
}
static Object* dictvalues_reversed(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("dict_values.__reversed__", nargs, kwnames)) return nullptr;
  return dictiter_new(view_dict(self), &DictRevValueIterType);
}
static Object* dictitems_reversed(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("dict_items.__reversed__", nargs, kwnames)) return nullptr;
  return dictiter_new(view_dict(self), &DictRevItemIterType);
}

static const MethodDef dictkeys_methods[] = {
    {"isdisjoint", dictviews_isdisjoint, METH_DEFAULT,
     "Return True if the view and the given iterable have a null intersection."},
    {"__reversed__", dictkeys_reversed, METH_DEFAULT,
     "Return a reverse iterator over the dict keys."},
    {nullptr, nullptr, 0, nullptr}};
static const MethodDef dictitems_methods[] = {
    {"isdisjoint", dictviews_isdisjoint, METH_DEFAULT,
     "Return True if the view and the given iterable have a null intersection."},
    {"__reversed__", dictitems_reversed, METH_DEFAULT,
     "Return a reverse iterator over the dict items."},
    {nullptr, nullptr, 0, nullptr}};
static const MethodDef dictvalues_methods[] = {
    {"__reversed__", dictvalues_reversed, METH_DEFAULT,
     "Return a reverse iterator over the dict values."},
    {nullptr, nullptr, 0, nullptr}};

// ---- dict methods -------------------------------------------------------------------------------
static Object* dict_keys_meth(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("dict.keys", nargs, kwnames)) return nullptr;
  return dictview_new(self, &DictKeysType);
}
static Object* dict_values_meth(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("dict.values", nargs, kwnames)) return nullptr;
  return dictview_new(self, &DictValuesType);
}
static Object* dict_items_meth(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("dict.items", nargs, kwnames)) return nullptr;
  return dictview_new(self, &DictItemsType);
}

static Object* dict_get_meth(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("get", kwnames) || !check_positional("get", nargs, 1, 2)) return nullptr;
  Object* v = dict_get_borrowed(self, args[0]);
  if (v) return newref(v);
  if (err_occurred()) return nullptr;
  return newref(nargs > 1 ? args[1] : None);
}

static Object* dict_setdefault_meth(Object* self, Object* const* args, ssize nargs,
                                    Object* kwnames) {
  if (!check_no_kwargs("setdefault", kwnames) || !check_positional("setdefault", nargs, 1, 2))
    return nullptr;
  Object* v = dict_setdefault_borrowed(self, args[0], nargs > 1 ? args[1] : None);
  return v ? newref(v) : nullptr;
}

static Object* dict_pop_meth(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("pop", kwnames) || !check_positional("pop", nargs, 1, 2)) return nullptr;
  return dict_pop(self, args[0], nargs > 1 ? args[1] : nullptr);
}

static Object* dict_popitem_meth(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("dict.popitem", nargs, kwnames)) return nullptr;
  DictObject* mp = as_dict(self);
  Ref res = Ref::steal(tuple_new(2));
  if (!res) return nullptr;
  if (mp->used == 0) {
    Ref msg = Ref::steal(str_from_cstr("popitem(): dictionary is empty"));
    if (msg) err_set(&Exc_KeyError, msg.get());
    return nullptr;
  }
  DictKeys* dk = mp->keys;
  DictEntry* ep0 = dk_entries(dk);
  ssize i = dk->nentries - 1;
  while (i >= 0 && ep0[i].value == nullptr) i--;
  DictEntry* ep = &ep0[i];
  size_t j = lookup_index_slot(dk, ep->hash, i);
  dk->version = 0;  // the key set changes (dict_internal.h)
  dk_set_index(dk, j, DKIX_DUMMY);
  tuple_set_steal(res.get(), 0, ep->key);
  tuple_set_steal(res.get(), 1, ep->value);
  ep->key = nullptr;
  ep->value = nullptr;
  dk->nentries = i;
  mp->used--;
  return res.release();
}

static int dict_update_arg(Object* self, Object* arg) {
  if (dict_check_exact(arg)) return dict_merge(self, arg, true);
  Object* keys_fn = nullptr;
  Object* name = str_intern_cstr_borrowed("keys");
  int r = object_lookup_attr(arg, name, &keys_fn);
  if (r < 0) return -1;
  if (r > 0) {
    decref(keys_fn);
    return dict_merge(self, arg, true);
  }
  return dict_update_from_seq2(self, arg);
}

// dict.update / dict.__init__: one optional positional argument plus keyword arguments.
static int dict_update_common(Object* self, Object* const* args, ssize nargs, Object* kwnames,
                              const char* fname) {
  if (!check_positional(fname, nargs, 0, 1)) return -1;
  if (nargs == 1 && dict_update_arg(self, args[0]) < 0) return -1;
  if (kwnames) {
    ssize nk = tuple_size(kwnames);
    for (ssize i = 0; i < nk; i++)
      if (dict_setitem(self, tuple_items(kwnames)[i], args[nargs + i]) < 0) return -1;
  }
  return 0;
}

static Object* dict_update_meth(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (dict_update_common(self, args, nargs, kwnames, "update") < 0) return nullptr;
  return none_ref();
}

static Object* dict_clear_meth(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("dict.clear", nargs, kwnames)) return nullptr;
  dict_clear(self);
  return none_ref();
}

static Object* dict_copy_meth(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("dict.copy", nargs, kwnames)) return nullptr;
  return dict_copy(self);
}

static Object* dict_fromkeys_meth(Object* cls, Object* const* args, ssize nargs,
                                  Object* kwnames) {
  if (!check_no_kwargs("fromkeys", kwnames) || !check_positional("fromkeys", nargs, 1, 2))
    return nullptr;
  Object* iterable = args[0];
  Object* value = nargs > 1 ? args[1] : None;
  Ref d = Ref::steal(call0(cls));
  if (!d) return nullptr;
  if (dict_check_exact(d.get())) {
    DictObject* mp = as_dict(d.get());
    if (dict_check_exact(iterable) || set_check(iterable)) {
      ssize n = dict_check_exact(iterable) ? dict_size(iterable) : set_size(iterable);
      if (n > 0 && dictresize(mp, estimate_log2_keysize(n)) < 0) return nullptr;
      if (dict_check_exact(iterable)) {
        ssize pos = 0;
        Object* k;
        hash_t h;
        while (dict_next_hash(iterable, &pos, &k, nullptr, &h))
          if (setitem_take2(mp, newref(k), h, newref(value)) < 0) return nullptr;
        return d.release();
      }
    }
    Ref it = Ref::steal(object_getiter(iterable));
    if (!it) return nullptr;
    for (;;) {
      Ref key = Ref::steal(iter_next(it.get()));
      if (!key) {
        if (err_occurred()) return nullptr;
        break;
      }
      if (dict_setitem(d.get(), key.get(), value) < 0) return nullptr;
    }
    return d.release();
  }
  Ref it = Ref::steal(object_getiter(iterable));
  if (!it) return nullptr;
  for (;;) {
    Ref key = Ref::steal(iter_next(it.get()));
    if (!key) {
      if (err_occurred()) return nullptr;
      break;
    }
    if (object_setitem(d.get(), key.get(), value) < 0) return nullptr;
  }
  return d.release();
}

static Object* dict_contains_meth(Object* self, Object* const* args, ssize nargs,
                                  Object* kwnames) {
  if (!check_one_arg("dict.__contains__", nargs, kwnames)) return nullptr;
  int c = dict_contains(self, args[0]);
  if (c < 0) return nullptr;
  return bool_from(c);
}

static Object* dict_reversed_meth(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("dict.__reversed__", nargs, kwnames)) return nullptr;
  return dictiter_new(self, &DictRevKeyIterType);
}

static Object* dict_sizeof_meth(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("dict.__sizeof__", nargs, kwnames)) return nullptr;
  DictKeys* k = as_dict(self)->keys;
  ssize res = 48;
  if (k != empty_keys())
    res += ssize(sizeof(DictKeys)) + (ssize(1) << k->log2_index_bytes) +
           usable_fraction(dk_size(k)) * ssize(sizeof(DictEntry));
  return int_from_ssize(res);
}

static Object* dict_getitem_meth(Object* self, Object* const* args, ssize nargs,
                                 Object* kwnames) {
  if (!check_one_arg("dict.__getitem__", nargs, kwnames)) return nullptr;
  return dict_subscript(self, args[0]);
}

static const MethodDef dict_methods[] = {
    {"__contains__", dict_contains_meth, METH_DEFAULT,
     "True if the dictionary has the specified key, else False."},
    {"__getitem__", dict_getitem_meth, METH_DEFAULT, "x.__getitem__(y) <==> x[y]"},
    {"__sizeof__", dict_sizeof_meth, METH_DEFAULT, "D.__sizeof__() -> size of D in memory, in bytes"},
    {"get", dict_get_meth, METH_DEFAULT,
     "Return the value for key if key is in the dictionary, else default."},
    {"setdefault", dict_setdefault_meth, METH_DEFAULT,
     "Insert key with a value of default if key is not in the dictionary.\n\nReturn the value for "
     "key if key is in the dictionary, else default."},
    {"pop", dict_pop_meth, METH_DEFAULT,
     "D.pop(k[,d]) -> v, remove specified key and return the corresponding value.\n\nIf the key "
     "is not found, return the default if given; otherwise,\nraise a KeyError."},
    {"popitem", dict_popitem_meth, METH_DEFAULT,
     "Remove and return a (key, value) pair as a 2-tuple.\n\nPairs are returned in LIFO (last-in, "
     "first-out) order.\nRaises KeyError if the dict is empty."},
    {"keys", dict_keys_meth, METH_DEFAULT, "D.keys() -> a set-like object providing a view on D's keys"},
    {"items", dict_items_meth, METH_DEFAULT, "D.items() -> a set-like object providing a view on D's items"},
    {"values", dict_values_meth, METH_DEFAULT, "D.values() -> an object providing a view on D's values"},
    {"update", dict_update_meth, METH_DEFAULT,
     "D.update([E, ]**F) -> None.  Update D from dict/iterable E and F."},
    {"fromkeys", dict_fromkeys_meth, METH_CLASS,
     "Create a new dictionary with keys from iterable and values set to value."},
    {"clear", dict_clear_meth, METH_DEFAULT, "D.clear() -> None.  Remove all items from D."},
    {"copy", dict_copy_meth, METH_DEFAULT, "D.copy() -> a shallow copy of D"},
    {"__reversed__", dict_reversed_meth, METH_DEFAULT,
     "Return a reverse iterator over the dict keys."},
    {nullptr, nullptr, 0, nullptr}};

// `|`, `|=`
static Object* dict_or(Object* self, Object* other) {
  if (!dict_check(self) || !dict_check(other)) return not_implemented_ref();
  Ref n = Ref::steal(dict_copy(self));
  if (!n) return nullptr;
  if (dict_update_arg(n.get(), other) < 0) return nullptr;
  return n.release();
}

static Object* dict_ior(Object* self, Object* other) {
  if (dict_update_arg(self, other) < 0) return nullptr;
  return newref(self);
}

// ---- construction from Python -------------------------------------------------------------------
static Object* dict_new_slot(TypeObject* type, Object* const*, ssize, Object*) {
  return new_dict_of_type(type);
}

static int dict_init(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  return dict_update_common(self, args, nargs, kwnames, "dict");
}

static Object* dict_vectorcall(Object* callable, Object* const* args, ssize nargs,
                               Object* kwnames) {
  auto* type = static_cast<TypeObject*>(callable);
  Ref self = Ref::steal(type->new_(type, args, nargs, kwnames));
  if (!self) return nullptr;
  if (type == &DictType) {
    if (dict_init(self.get(), args, nargs, kwnames) < 0) return nullptr;
    return self.release();
  }
  if (object_type_check(self.get(), type) && type_of(self.get())->init &&
      type_of(self.get())->init(self.get(), args, nargs, kwnames) < 0)
    return nullptr;
  return self.release();
}

// ---- type objects -------------------------------------------------------------------------------
static void init_view_type(TypeObject& t, const char* name, unaryfunc iter, objobjproc contains,
                           const MethodDef* methods, bool setlike) {
  t.name = name;
  t.basicsize = sizeof(DictViewObject);
  t.flags = TPFLAG_HAVE_GC | TPFLAG_IMMUTABLETYPE;
  t.dealloc = dictview_dealloc;
  t.traverse = dictview_traverse;
  t.repr = dictview_repr;
  t.len = dictview_len;
  t.iter = iter;
  t.contains = contains;
  t.methods = methods;
  if (setlike) {
    t.richcompare = dictview_richcompare;
    t.nb_subtract = dictviews_sub;
    t.nb_and = dictviews_and;
    t.nb_or = dictviews_or;
    t.nb_xor = dictviews_xor;
  }
}

static void init_iter_type(TypeObject& t, const char* name, unaryfunc next) {
  t.name = name;
  t.basicsize = sizeof(DictIterObject);
  t.flags = TPFLAG_HAVE_GC | TPFLAG_IMMUTABLETYPE;
  t.dealloc = dictiter_dealloc;
  t.traverse = dictiter_traverse;
  t.iter = iter_self;
  t.iternext = next;
  t.methods = dictiter_methods;
}

void init_dict_types() {
  TypeObject& t = DictType;
  t.name = "dict";
  t.basicsize = sizeof(DictObject);
  t.flags = TPFLAG_BASETYPE | TPFLAG_HAVE_GC | TPFLAG_IMMUTABLETYPE | TPFLAG_DICT_SUBCLASS;
  t.doc =
      "dict() -> new empty dictionary\ndict(mapping) -> new dictionary initialized from a mapping "
      "object's\n    (key, value) pairs\ndict(iterable) -> new dictionary initialized as if via:\n  "
      "  d = {}\n    for k, v in iterable:\n        d[k] = v\ndict(**kwargs) -> new dictionary "
      "initialized with the name=value pairs\n    in the keyword argument list.  For example:  "
      "dict(one=1, two=2)";
  t.dealloc = dict_dealloc;
  t.repr = dict_repr;
  t.hash = object_hash_not_implemented;
  t.richcompare = dict_richcompare;
  t.iter = dict_iter;
  t.new_ = dict_new_slot;
  t.init = dict_init;
  t.vectorcall = dict_vectorcall;
  t.traverse = dict_traverse;
  t.clear = dict_clear_slot;
  t.len = dict_length;
  t.getitem = dict_subscript;
  t.setitem = dict_ass_subscript;
  t.contains = dict_sq_contains;
  t.nb_or = dict_or;
  t.nb_inplace_or = dict_ior;
  t.methods = dict_methods;

  init_view_type(DictKeysType, "dict_keys", dictkeys_iter, dictkeys_contains, dictkeys_methods,
                 true);
  init_view_type(DictItemsType, "dict_items", dictitems_iter, dictitems_contains,
                 dictitems_methods, true);
  init_view_type(DictValuesType, "dict_values", dictvalues_iter, nullptr, dictvalues_methods,
                 false);

  init_iter_type(DictKeyIterType, "dict_keyiterator", dictiter_next_key);
  init_iter_type(DictValueIterType, "dict_valueiterator", dictiter_next_value);
  init_iter_type(DictItemIterType, "dict_itemiterator", dictiter_next_item);
  init_iter_type(DictRevKeyIterType, "dict_reversekeyiterator", dictreviter_next_key);
  init_iter_type(DictRevValueIterType, "dict_reversevalueiterator", dictreviter_next_value);
  init_iter_type(DictRevItemIterType, "dict_reverseitemiterator", dictreviter_next_item);
}

}  // namespace gilpy

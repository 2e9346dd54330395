// Key-sharing instance attributes (objects/dict_instance.h has the design and the invariants).
//
// Memory: an instance of `class P: def __init__(s): s.x = s.y = s.z = 0` holds one values
// block of 8 + 3 * 8 bytes instead of a dict object (64 bytes with its GC header) plus a keys
// table (160 bytes); its class holds the names once, in a SharedKeys.
//
// SharedKeys is a small open-addressing table over at most kSharedKeysMax keys: `index` maps a
// hash slot to a key position (-1: empty), probed linearly (at most 30 of 64 slots are used, so
// every probe sequence reaches an empty slot). Keys are interned strs (immortal: no refcounts)
// in the order classes' instances first stored them; a key's position is its values slot, forever.
#include "objects/dict_instance.h"

#include <algorithm>
#include <cstring>

#include "core/error.h"
#include "objects/containers.h"
#include "objects/containers_internal.h"
#include "objects/dict_internal.h"
#include "objects/strobject.h"

namespace gilpy {

namespace {

constexpr int kSharedKeysMax = 30;    // as CPython's SHARED_KEYS_MAX_SIZE
constexpr int kSharedIndexSize = 64;  // > 2 * kSharedKeysMax: probes always end

}  // namespace

struct SharedKeys {
  int nkeys;
  Object* keys[kSharedKeysMax];    // interned strs, in order of first use
  int8_t index[kSharedIndexSize];  // hash slot -> position in keys, -1 empty
};

namespace {

struct InstanceValues {
  uint32_t capacity;  // slots allocated
  uint32_t end;       // 1 + the highest index set (0: none)
  // Object* slots[capacity] follow
};

inline Object** value_slots(InstanceValues* v) {
  return reinterpret_cast<Object**>(v + 1);
}
inline InstanceValues* untag(Object* slot_value) {
  return reinterpret_cast<InstanceValues*>(reinterpret_cast<uintptr_t>(slot_value) & ~uintptr_t(1));
}
inline Object* tag(InstanceValues* v) {
  return reinterpret_cast<Object*>(reinterpret_cast<uintptr_t>(v) | 1);
}

inline hash_t str_hash_of(Object* s) {
  hash_t h = static_cast<StrObject*>(s)->hash;
  return h != -1 ? h : str_hash(s);
}

// Position of the exact str `name` in sk, or -1.
int shared_keys_lookup(const SharedKeys* sk, Object* name) {
  hash_t h = str_hash_of(name);
  for (size_t i = size_t(h) & (kSharedIndexSize - 1);; i = (i + 1) & (kSharedIndexSize - 1)) {
    int ix = sk->index[i];
    if (ix < 0) return -1;
    Object* k = sk->keys[ix];
    if (k == name || (static_cast<StrObject*>(k)->hash == h && str_equal(k, name))) return ix;
  }
}

// Append the interned `key` (absent, and sk not full); its position.
int shared_keys_add(SharedKeys* sk, Object* key) {
  size_t i = size_t(str_hash_of(key)) & (kSharedIndexSize - 1);
  while (sk->index[i] >= 0) i = (i + 1) & (kSharedIndexSize - 1);
  int ix = sk->nkeys++;
  sk->keys[ix] = key;
  sk->index[i] = int8_t(ix);
  return ix;
}

SharedKeys* shared_keys_of(TypeObject* tp) {
  if (!tp->cached_keys) {
    auto* sk = static_cast<SharedKeys*>(mem_alloc(sizeof(SharedKeys)));
    if (!sk) {
      err_no_memory();
      return nullptr;
    }
    sk->nkeys = 0;
    std::memset(sk->index, 0xff, sizeof sk->index);
    tp->cached_keys = sk;
  }
  return tp->cached_keys;
}

// Release a detached values block: its references in index order (as a dict's), then the block.
void values_free(InstanceValues* v) {
  Object** slots = value_slots(v);
  for (uint32_t i = 0; i < v->end; i++) xdecref(slots[i]);
  mem_free(v);
}

// Make room in the values of *dp for index ix (allocating them when *dp is null); null on error.
InstanceValues* values_reserve(Object** dp, const SharedKeys* sk, int ix) {
  InstanceValues* v = *dp ? untag(*dp) : nullptr;
  if (v && uint32_t(ix) < v->capacity) return v;
  // Room for every key the class's instances have used so far: the next ones probably will too.
  uint32_t capacity = uint32_t(std::max(ix + 1, sk->nkeys));
  uint32_t old = v ? v->capacity : 0;
  auto* nv = static_cast<InstanceValues*>(
      mem_realloc(v, sizeof(InstanceValues) + capacity * sizeof(Object*)));
  if (!nv) {
    err_no_memory();
    return nullptr;
  }
  std::memset(value_slots(nv) + old, 0, (capacity - old) * sizeof(Object*));
  if (!v) nv->end = 0;
  nv->capacity = capacity;
  *dp = tag(nv);
  return nv;
}

// Store or delete through the values (or start them when *dp is null). 0 done, -1 error, 1 when
// the change needs a dict (order, or a full SharedKeys).
int values_set(TypeObject* tp, Object** dp, Object* name, Object* value) {
  SharedKeys* sk = shared_keys_of(tp);
  if (!sk) return -1;
  int ix = shared_keys_lookup(sk, name);
  InstanceValues* v = *dp ? untag(*dp) : nullptr;
  if (!value) {
    Object* old = v && ix >= 0 && uint32_t(ix) < v->end ? value_slots(v)[ix] : nullptr;
    if (!old) {
      err_set(&Exc_KeyError, name);
      return -1;
    }
    value_slots(v)[ix] = nullptr;
    while (v->end > 0 && !value_slots(v)[v->end - 1]) v->end--;
    decref(old);
    return 0;
  }
  if (ix < 0) {
    if (sk->nkeys == kSharedKeysMax) return 1;
    Object* key = str_intern(newref(name));
    if (!key) return -1;
    ix = shared_keys_add(sk, key);
    decref(key);  // interned: immortal
  }
  if (v && uint32_t(ix) < v->end) {
    Object* old = value_slots(v)[ix];
    if (!old) return 1;  // re-adding a deleted key puts it last: order needs a dict
    value_slots(v)[ix] = newref(value);
    decref(old);
    return 0;
  }
  v = values_reserve(dp, sk, ix);
  if (!v) return -1;
  value_slots(v)[ix] = newref(value);
  v->end = uint32_t(ix) + 1;
  return 0;
}

}  // namespace

int instance_dict_materialize(Object* o, Object** dp) {
  Object* sv = *dp;
  if (!instance_slot_has_values(sv)) return 0;
  InstanceValues* v = untag(sv);
  const SharedKeys* sk = type_of(o)->cached_keys;
  Object** slots = value_slots(v);
  ssize n = 0;
  for (uint32_t i = 0; i < v->end; i++) n += slots[i] != nullptr;
  Ref d = Ref::steal(dict_new_presized(n));
  if (!d) return -1;
  for (uint32_t i = 0; i < v->end; i++) {
    if (slots[i] &&
        dict_setitem_known_hash(d.get(), sk->keys[i], slots[i], str_hash_of(sk->keys[i])) < 0)
      return -1;
  }
  *dp = d.release();
  values_free(v);  // the dict holds its own references now: nothing dies here
  return 0;
}

int instance_attr_get(Object* o, Object** dp, Object* name, Object** value) {
  if (instance_slot_has_values(*dp)) {
    if (str_check_exact(name)) {
      InstanceValues* v = untag(*dp);
      int ix = shared_keys_lookup(type_of(o)->cached_keys, name);
      Object* found = ix >= 0 && uint32_t(ix) < v->end ? value_slots(v)[ix] : nullptr;
      if (!found) return 0;
      *value = newref(found);
      return 1;
    }
    if (instance_dict_materialize(o, dp) < 0) return -1;
  }
  Ref dict = Ref::borrow(*dp);  // a key's __eq__ may replace the instance's __dict__
  Object* found = dict_get_borrowed(dict.get(), name);
  if (!found) return err_occurred() ? -1 : 0;
  *value = newref(found);
  return 1;
}

int instance_attr_set(Object* o, Object** dp, Object* name, Object* value) {
  TypeObject* tp = type_of(o);
  if (str_check_exact(name) && tp->dictoffset < 0 && (!*dp || instance_slot_has_values(*dp))) {
    int r = values_set(tp, dp, name, value);
    if (r <= 0) return r;
  }
  if (!*dp) {
    if (!value) {
      err_set(&Exc_KeyError, name);
      return -1;
    }
    *dp = dict_new();
    if (!*dp) return -1;
  } else if (instance_dict_materialize(o, dp) < 0) {
    return -1;
  }
  Ref dict = Ref::borrow(*dp);
  if (!value) return dict_delitem(dict.get(), name);
  if (str_check_exact(name) && !static_cast<StrObject*>(name)->interned) {
    Ref key = Ref::steal(str_intern(newref(name)));
    if (!key) return -1;
    return dict_setitem(dict.get(), key.get(), value);
  }
  return dict_setitem(dict.get(), name, value);
}

void instance_slot_set(Object** dp, Object* dict) {
  Object* old = *dp;
  *dp = dict;
  if (instance_slot_has_values(old))
    values_free(untag(old));
  else
    xdecref(old);
}

int instance_slot_traverse(Object* slot_value, visitproc visit, void* arg) {
  if (!instance_slot_has_values(slot_value)) return slot_value ? visit(slot_value, arg) : 0;
  InstanceValues* v = untag(slot_value);
  Object** slots = value_slots(v);
  for (uint32_t i = 0; i < v->end; i++) {
    if (slots[i]) {
      int r = visit(slots[i], arg);
      if (r) return r;
    }
  }
  return 0;
}

void shared_keys_free(SharedKeys* keys) {
  mem_free(keys);
}

}  // namespace gilpy

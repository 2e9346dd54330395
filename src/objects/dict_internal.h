// The dict layout, owned by objects/dictobject.cpp (its design comment describes the table), shared
// only with the eval loop's inline caches (vm/eval.cpp); objects/dict_instance.cpp uses
// dict_new_presized. Everyone else uses objects/containers.h and never reads these fields.
//
// Keys versions (as CPython's dk_version) make caches of global-name lookups cheap to validate:
//  - a keys block's `version` is 0 until a cache asks for one (dict_keys_version assigns the next
//    value of a process-wide 32-bit counter, so a version is never reused); adding a key to the
//    block or removing one resets it to 0, and a new block (resize, clear, copy) starts at 0;
//  - so while a block still has the version a cache recorded, the set of keys and the position of
//    each entry are those the cache saw: the entry at a recorded index still holds the same key,
//    and its `value` is the key's current value (replacing a value does not change the version);
//  - one keys block belongs to one dict, so a matching version also identifies the dict.
// Versions, like everything in a dict, are protected by the GIL.
#pragma once

#include <cstdint>

#include "objects/containers.h"

namespace gilpy {

struct DictEntry {
  hash_t hash;
  Object* key;
  Object* value;
};

struct DictKeys {
  uint8_t log2_size;
  uint8_t log2_index_bytes;
  uint32_t version;  // see above; 0: none assigned
  ssize usable;
  ssize nentries;
  // indices, then entries, follow
};

struct DictObject : Object {
  ssize used;
  DictKeys* keys;
};

inline char* dk_indices(DictKeys* k) { return reinterpret_cast<char*>(k + 1); }
inline DictEntry* dk_entries(DictKeys* k) {
  return reinterpret_cast<DictEntry*>(dk_indices(k) + (size_t(1) << k->log2_index_bytes));
}

// A new empty dict whose table holds n entries without resizing.
Object* dict_new_presized(ssize n);

// The version of d's keys block, assigning one if it has none; 0 when no version can be given
// (the shared empty block, or the counter is exhausted): don't cache then.
uint32_t dict_keys_version(Object* d);
// For a str `key`: the index of the live entry whose key is `key` itself (pointer-equal, as
// interned names are); -1 if d has no such key; -2 if undecided (an entry with the same hash holds
// another object, or `key` is no str with a cached hash). Runs no Python code, raises nothing.
ssize dict_index_of_key(Object* d, Object* key);

}  // namespace gilpy

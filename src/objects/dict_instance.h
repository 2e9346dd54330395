// Instance attributes without a dict: key-sharing storage for the instances of classes
// (PEP 412's split tables, stored as CPython 3.12 does: values only, dict made on demand).
// Owned by objects/dict_instance.cpp; used by core/typeobject.cpp (attribute access, __dict__,
// __class__, deallocation) and core/gc.cpp (traverse, clear).
//
// Applies to instances of heap types whose __dict__ slot lives in the instance prefix
// (type->dictoffset < 0, see core/type.h). That slot ("the dict slot") holds one of:
//   - nullptr: no attribute yet;
//   - a dict (an ordinary, combined dict: the instance's __dict__);
//   - tagged values (an InstanceValues* with its low bit set): attributes without a dict.
// Values are interpreted through the class's SharedKeys (type->cached_keys): an append-only
// table of at most kSharedKeysMax interned str keys, created on the first attribute stored on an
// instance of that class. values->slots[i] is the value of shared key i, or null (absent).
//
// Invariants of tagged values:
//  - keys are set in increasing index order: `end` is 1 + the highest index set, and a key is
//    stored only at an index >= end or into an occupied slot (replacement), so walking the slots
//    in index order gives the insertion order. Anything else (setting an absent key below `end`,
//    a non-str name, a full SharedKeys) turns the values into a dict first ("materialising");
//    so does every request for the dict itself (__dict__, vars(), getstate, __class__
//    assignment). A dict never turns back into values.
//  - deleting sets a slot to null (and lowers `end` past trailing nulls), so delete and re-add of
//    the last key keeps order; re-adding an earlier key materialises.
//  - a values block is owned by its instance alone (never shared), so it may be reallocated to
//    grow; it owns a reference to every non-null slot; SharedKeys keys are immortal interned strs.
//  - the values belong to the instance's class: __class__ assignment materialises first.
// All of it is protected by the GIL.
#pragma once

#include <cstdint>

#include "core/type.h"

namespace gilpy {

// The dict slot of `o` as it is (core/typeobject.cpp; object_dict_ptr in core/abstract.h is the
// materialising one): null if o's type has no instance dict.
Object** object_dict_slot(Object* o);

inline bool instance_slot_has_values(Object* slot_value) {
  return (reinterpret_cast<uintptr_t>(slot_value) & 1) != 0;
}

// Attribute lookup in a non-null dict slot: 1 and a new reference in *value when found, 0 when
// absent, -1 on error (a dict lookup with a non-str name may run __eq__).
int instance_attr_get(Object* o, Object** dp, Object* name, Object** value);

// Store (value non-null) or delete (value null) attribute `name` in o's dict slot `dp`, creating
// the storage if needed. Deleting an absent name raises KeyError (callers turn it into
// AttributeError). -1 on error.
int instance_attr_set(Object* o, Object** dp, Object* name, Object* value);

// Turn tagged values in *dp into a dict stored there (*dp is then null or a dict). -1 on failure
// (no memory), the values left as they were.
int instance_dict_materialize(Object* o, Object** dp);

// Replace the slot's content by `dict` (a new reference, or null), releasing the old dict or
// values after the slot is updated.
void instance_slot_set(Object** dp, Object* dict);

// Visit what the slot holds (the dict, or each value).
int instance_slot_traverse(Object* slot_value, visitproc visit, void* arg);

// A class's SharedKeys, freed with the class.
void shared_keys_free(SharedKeys* keys);

}  // namespace gilpy

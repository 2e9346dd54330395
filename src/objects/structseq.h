// Struct sequences: tuples whose items also have names (sys.version_info, sys.flags,
// os.stat_result, time.struct_time), as CPython's structseq.c. The type is a subclass of tuple
// with one read-only member per field reading the item in place; repr is
// `name(field=value, ...)`. (objects/structseq.cpp)
#pragma once

#include "core/type.h"

namespace gilpy {

// Fill and ready a static type (zero-initialised storage) named `name` ("sys.version_info")
// with the given fields (nullptr-terminated). The first `n_in_sequence` fields are the tuple's
// items (all of them when -1); the others are reachable by name only (struct_time.tm_zone).
// The type can be called with a sequence, as CPython's: time.struct_time((2024, 1, ...)).
// Returns -1 on error.
int structseq_init_type(TypeObject* type, const char* name, const char* const* fields,
                        int n_in_sequence = -1, const char* doc = nullptr);
// A new instance; `values` has one item per field (borrowed, increfed).
Object* structseq_new(TypeObject* type, Object* const* values);
// The class attributes n_fields, n_sequence_fields and n_unnamed_fields (set by
// structseq_init_type; for hand-built struct sequences such as os.stat_result).
int structseq_set_counts(TypeObject* type, ssize fields, ssize in_sequence, ssize unnamed);

}  // namespace gilpy

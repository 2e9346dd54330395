// The byte-string hash shared by str, bytes, memoryview (and datetime through bytes): CPython
// 3.12's _Py_HashBytes — SipHash-1-3 keyed by the process's hash secret — and the secret's
// initialisation from PYTHONHASHSEED / -R / -E at start-up. See pyhash.cpp for the design.
#pragma once

#include <cstddef>
#include <cstdint>

#include "core/object.h"

namespace gilpy {

// hash() of a byte string: 0 for the empty string, otherwise SipHash-1-3 of the bytes under the
// secret key, with -1 mapped to -2. A str hashes its PEP 393 code units (length * kind bytes).
hash_t hash_bytes(const void* data, size_t len);

// Sets the hash secret, once, before any str/bytes is hashed (cli/main.cpp calls it after option
// parsing; embedders that never call it hash with seed 0). `seed_text` is PYTHONHASHSEED's value,
// nullptr when unset or ignored (-E / -I); empty means unset. `force_random` is -R (the variable
// is then not read at all, as in CPython 3.12). Returns false, with the secret untouched and
// *error set to the text CPython's fatal error prints after "Fatal Python error: ", when the text
// is neither "random" nor an integer in [0; 4294967295], or when the OS random source fails.
bool hash_seed_init(const char* seed_text, bool force_random, const char** error);

// sys.flags.hash_randomization: 0 when PYTHONHASHSEED=0 disabled randomisation, else 1.
int hash_randomization();

}  // namespace gilpy

// The table of built-in modules: one line per module. See modules/registry.h.
#include "modules/registry.h"

#include <cstring>

#include "modules/modules.h"

namespace gilpy {

const BuiltinModuleDef kBuiltinModules[] = {
    {"atexit", atexit_module_init},
    {"builtins", builtins_module_init},
    {"sys", sys_module_init},
    {"_io", io_module_init},
    {"math", math_module_init},
    {"time", time_module_init},
    {"dis", dis_module_init},
    {"io", io_module_init},
    {"os", os_module_init},
    {"posix", posix_module_init},
    {"os.path", posixpath_module_init},
    {"posixpath", posixpath_module_init},
    {"errno", errno_module_init},
    {"tempfile", tempfile_module_init},
    {"gc", gc_module_init},
    {"_weakref", weakref_module_init},
    {"_re", re_module_init},
    {"_random", random_module_init},
    {"itertools", itertools_module_init},
    {"operator", operator_module_init},
    {"_operator", operator_module_init},
    {"_functools", functools_module_init},
    {"_collections", collections_module_init},
    {"_thread", thread_module_init},
    {"_signal", signal_module_init},
    {"_gil", gil_module_init},
    {"_hashlib", hashlib_module_init},
    {"zlib", zlib_module_init},
    {"_json", json_module_init},
    {"_pickle_accel", pickle_accel_module_init},
    {"_socket", socket_module_init},
    {"select", select_module_init},
    {"_posixsubprocess", posixsubprocess_module_init},
    {"_struct", struct_module_init},
    {"_codecs", codecs_module_init},
    {"binascii", binascii_module_init},
    {"_multiprocessing", multiprocessing_module_init},
    {"mmap", mmap_module_init},
    {"_posixshmem", posixshmem_module_init},
    {"array", array_module_init},
    {"_decimal", decimal_module_init},
    {"unicodedata", unicodedata_module_init},
    {nullptr, nullptr},
};

const BuiltinModuleDef* find_builtin_module(const char* name) {
  for (const BuiltinModuleDef* d = kBuiltinModules; d->name; ++d) {
    if (std::strcmp(d->name, name) == 0) return d;
  }
  return nullptr;
}

}  // namespace gilpy

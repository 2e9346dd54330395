// Init functions of the built-in modules (each returns a new module, or nullptr with an exception
// set). They are listed in the registry table (modules/registry.cpp) and called on first import.
#pragma once

#include "core/type.h"

namespace gilpy {

Object* builtins_module_init();  // modules/builtins.cpp
Object* sys_module_init();       // modules/sys.cpp
// Switch the standard streams to a PYTHONIOENCODING codec from the registry, once sys.path is
// set (modules/io.cpp). False with the exception set.
bool io_finish_std_streams(Object* sysdict);
Object* io_module_init();        // modules/io.cpp (_io)
Object* math_module_init();      // modules/math.cpp
Object* time_module_init();      // modules/time.cpp
Object* dis_module_init();       // modules/dis.cpp
Object* os_module_init();        // modules/os.cpp (os; also registered as posix)
Object* posix_module_init();     // modules/os.cpp
Object* posixpath_module_init(); // modules/os.cpp (posixpath, os.path)
Object* errno_module_init();     // modules/errno.cpp
Object* tempfile_module_init();  // modules/tempfile.cpp

Object* gc_module_init();       // modules/gc_module.cpp
Object* weakref_module_init();  // modules/weakref_module.cpp (_weakref)
Object* re_module_init();       // modules/re.cpp (_re: PCRE2 engine under lib/re)
Object* random_module_init();   // modules/random.cpp (_random: Mersenne Twister)

Object* itertools_module_init();    // modules/itertools.cpp
Object* operator_module_init();     // modules/operator.cpp (operator and _operator)
Object* functools_module_init();    // modules/functools.cpp (_functools)
Object* decimal_module_init();      // modules/decimal_context.cpp (_decimal, on libmpdec)
Object* collections_module_init();  // modules/collections.cpp (_collections)

// Threads, signals and the GIL (issue 4).
Object* thread_module_init();  // modules/thread.cpp (_thread)
Object* signal_module_init();  // modules/signal.cpp (_signal; lib/signal.py wraps it)
Object* gil_module_init();     // modules/gil_module.cpp (_gil: GIL statistics)
struct ThreadState;
// Start-up (vm/run.cpp): CPython's default signal dispositions (SIGINT -> KeyboardInterrupt,
// SIGPIPE/SIGXFSZ ignored) and the eval breaker hook; `main_ts` is the only thread that runs
// Python signal handlers.
bool signal_install_defaults(ThreadState* main_ts);
// sys.setswitchinterval/getswitchinterval (+ setcheckinterval/getcheckinterval under ticks).
bool gil_install_sys_functions(Object* sysdict);

// Sockets, select and subprocess (issue 5).
Object* socket_module_init();           // modules/socket.cpp (_socket; lib/socket.py wraps it)
Object* select_module_init();           // modules/select.cpp (select, poll, epoll)
Object* posixsubprocess_module_init();  // modules/posixsubprocess.cpp (fork_exec for subprocess)

// Native work that releases the GIL (issue 5).
Object* hashlib_module_init();  // modules/hashlib.cpp (_hashlib: OpenSSL EVP; lib/hashlib.py wraps it)
Object* zlib_module_init();     // modules/zlib.cpp
Object* unicodedata_module_init();  // modules/unicodedata.cpp
Object* json_module_init();     // modules/json.cpp (_json)
Object* pickle_accel_module_init();  // modules/pickle_fast.cpp (_pickle_accel)

Object* struct_module_init();    // modules/struct.cpp (_struct; lib/struct.py wraps it)
Object* codecs_module_init();    // modules/codecs_module.cpp (_codecs: encode/decode, escapes)
Object* binascii_module_init();  // modules/binascii.cpp

Object* atexit_module_init();    // modules/atexit.cpp
// Run (and forget) the atexit callbacks, last registered first (at interpreter exit).
void atexit_run_callbacks();

// multiprocessing's native parts (issue 8).
Object* multiprocessing_module_init();  // modules/multiprocessing.cpp (_multiprocessing: SemLock)
Object* mmap_module_init();             // modules/mmap.cpp
Object* posixshmem_module_init();       // modules/posixshmem.cpp (_posixshmem)

Object* array_module_init();  // modules/array.cpp (array)

}  // namespace gilpy

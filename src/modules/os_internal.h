// Declarations shared by the files of the `os` module (modules/os.cpp, os_fs.cpp, os_proc.cpp,
// os_scandir.cpp, os_path.cpp) and tempfile.cpp. Not a contract header for other subsystems.
//
// Paths: every function taking a path accepts str, bytes or an os.PathLike (and, where CPython
// does, an int file descriptor or None); PathArg holds the converted byte string plus the original
// object (the `filename` of an OSError is the object the caller passed, as in CPython). Results
// derived from a bytes path are bytes, from anything else str (decoded with surrogateescape).
#pragma once

#include <string>
#include <string_view>
#include <sys/stat.h>

#include "core/type.h"

namespace gilpy {

struct PathArg {
  std::string path;        // the file system path (narrow); empty when fd >= 0 or none given
  Object* object = nullptr;  // BORROWED: the argument as given (filename of errors); may be null
  bool is_bytes = false;   // the argument (after __fspath__) was bytes: return bytes
  int fd = -1;             // an int was given (and allowed)
  bool given = false;      // false: the argument was omitted or None (and allowed)
};

enum PathFlags : int {
  PATH_ALLOW_FD = 1,    // an int is a file descriptor
  PATH_ALLOW_NONE = 2,  // None / omitted means "no path" (listdir's default '.')
};

// Convert `o` for function `fname` (for the messages: "stat: path should be string, bytes,
// os.PathLike or integer, not float"). `argname` is "path" normally, "src"/"dst" for rename.
bool path_convert(const char* fname, const char* argname, Object* o, int flags, PathArg* out);

// os.fspath(o): str or bytes (new reference) or TypeError "expected str, bytes or os.PathLike
// object, not int".
Object* os_fspath(Object* o);

// A file system name (from readdir, readlink, getcwd) as str (surrogateescape) or bytes.
Object* fs_name_to_object(std::string_view name, bool as_bytes);

// Raise OSError (errno subclass) from errno with the path argument as filename (none when the
// PathArg was an fd or absent); returns nullptr.
Object* raise_path_error(const PathArg& p);
Object* raise_path_error2(const PathArg& a, const PathArg& b);
// OSError from errno with no filename. Returns nullptr.
Object* raise_errno();

// os.stat_result from a struct stat (new reference).
Object* make_stat_result(const struct stat& st);
bool os_stat_types_ready();
TypeObject* os_terminal_size_type();  // os.terminal_size (ready after os_stat_types_ready)

// Parse an fd argument (an int, via __index__). Returns false with an exception set.
bool fd_convert(Object* o, int* fd);

// Split-out parts of the module: each adds its functions/types to the `os` module.
int os_fs_add(Object* module);       // os_fs.cpp: files, directories, stat, links, permissions
int os_proc_add(Object* module);     // os_proc.cpp: fds, processes, environ, misc
int os_scandir_add(Object* module);  // os_scandir.cpp: scandir, DirEntry, walk
Object* os_path_module_get();        // os_path.cpp: the posixpath module (new reference)

// os.scandir(path) as a C++ call for walk (new reference).
Object* os_scandir_open(Object* path_object);

// Internal path helpers shared with tempfile (operate on UTF-8/narrow strings).
std::string path_join(std::string_view a, std::string_view b);
std::string path_normpath(std::string_view p);
std::string path_abspath(std::string_view p);

}  // namespace gilpy

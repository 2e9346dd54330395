// os.scandir, os.DirEntry and os.walk (see modules/os.cpp for the module's layout).
//
// scandir returns a ScandirIterator owning an open DIR*; it is closed when exhausted, by close()
// / __exit__, or when the iterator is freed. Each DirEntry remembers the d_type readdir reported,
// so is_dir()/is_file()/is_symlink() need no system call unless the file system reports
// DT_UNKNOWN (or a symlink must be followed); stat() results are cached per entry, as in CPython.
//
// os.walk is CPython 3.12's iterative algorithm (a stack of paths, bottom-up results pushed as
// tuples) written as a C++ iterator. In top-down mode the children of a directory are pushed
// only when the caller asks for the next item, after it had the chance to prune `dirnames` in
// place, which is what the generator version does.
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

#include "core/abstract.h"
#include "core/args.h"
#include "core/error.h"
#include "modules/os_internal.h"
#include "objects/bytesobject.h"
#include "objects/containers.h"
#include "objects/exceptions.h"
#include "objects/intobject.h"
#include "objects/moduleobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"

namespace gilpy {

namespace {

TypeObject DirEntryType, ScandirIteratorType, WalkIteratorType;

// ---- DirEntry -----------------------------------------------------------------------------------

struct DirEntryObject : Object {
  Object* name;   // str or bytes
  Object* path;   // str or bytes
  Object* stat;   // cached stat (follow symlinks), or null
  Object* lstat;  // cached lstat, or null
  std::string* narrow_path;  // owned
  unsigned char d_type;
  ino_t ino;
};

DirEntryObject* as_entry(Object* o) { return static_cast<DirEntryObject*>(o); }

void entry_dealloc(Object* self) {
  DirEntryObject* e = as_entry(self);
  xdecref(e->name);
  xdecref(e->path);
  xdecref(e->stat);
  xdecref(e->lstat);
  delete e->narrow_path;
  object_free(self);
}

Object* entry_repr(Object* self) {
  StrWriter w;
  w.append("<DirEntry ");
  if (!w.append_repr(as_entry(self)->name)) return nullptr;
  w.append(">");
  return w.finish();
}

// The cached stat / lstat result (borrowed), or nullptr with an exception.
Object* entry_fetch_stat(DirEntryObject* e, bool follow) {
  bool is_link = e->d_type == DT_LNK;
  if (e->d_type == DT_UNKNOWN) {
    // Need lstat to know whether following matters.
    if (!e->lstat) {
      struct stat st;
      if (::lstat(e->narrow_path->c_str(), &st) < 0) return err_set_from_errno(&Exc_OSError, e->path);
      e->lstat = make_stat_result(st);
      if (!e->lstat) return nullptr;
    }
    Object* mode = tuple_get_borrowed(e->lstat, 0);
    is_link = S_ISLNK(int_small_value(mode));
  }
  if (follow && is_link) {
    if (!e->stat) {
      struct stat st;
      if (::stat(e->narrow_path->c_str(), &st) < 0) return err_set_from_errno(&Exc_OSError, e->path);
      e->stat = make_stat_result(st);
      if (!e->stat) return nullptr;
    }
    return e->stat;
  }
  if (!e->lstat) {
    struct stat st;
    if (::lstat(e->narrow_path->c_str(), &st) < 0) return err_set_from_errno(&Exc_OSError, e->path);
    e->lstat = make_stat_result(st);
    if (!e->lstat) return nullptr;
  }
  return e->lstat;
}

bool follow_arg(const char* fname, Object* const* args, ssize nargs, Object* kwnames, bool* follow) {
  static const char* const names[] = {"follow_symlinks", nullptr};
  const ArgSpec spec{fname, names, 0, 0};
  Object* a[1];
  if (!parse_args(spec, args, nargs, kwnames, a)) return false;
  if (!bool_arg(a[0], true, follow)) return false;
  return true;
}

// is_dir / is_file test: 1, 0, -1 (error). A vanished file is "not a dir / not a file".
int entry_test_mode(DirEntryObject* e, bool follow, unsigned char dtype, unsigned mode_bits) {
  if (e->d_type != DT_UNKNOWN && !(follow && e->d_type == DT_LNK)) return e->d_type == dtype;
  Object* st = entry_fetch_stat(e, follow);
  if (!st) {
    if (err_matches(&Exc_FileNotFoundError)) {
      err_clear();
      return 0;
    }
    return -1;
  }
  ssize m = int_small_value(tuple_get_borrowed(st, 0));
  return (m & S_IFMT) == ssize(mode_bits);
}

int entry_is_dir(DirEntryObject* e, bool follow) { return entry_test_mode(e, follow, DT_DIR, S_IFDIR); }
int entry_is_symlink(DirEntryObject* e) {
  if (e->d_type != DT_UNKNOWN) return e->d_type == DT_LNK;
  return entry_test_mode(e, false, DT_LNK, S_IFLNK);
}

Object* entry_is_dir_meth(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  bool follow;
  if (!follow_arg("is_dir", args, nargs, kwnames, &follow)) return nullptr;
  int r = entry_is_dir(as_entry(self), follow);
  return r < 0 ? nullptr : bool_from(r);
}

Object* entry_is_file_meth(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  bool follow;
  if (!follow_arg("is_file", args, nargs, kwnames, &follow)) return nullptr;
  int r = entry_test_mode(as_entry(self), follow, DT_REG, S_IFREG);
  return r < 0 ? nullptr : bool_from(r);
}

Object* entry_is_symlink_meth(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("is_symlink", nargs, kwnames)) return nullptr;
  int r = entry_is_symlink(as_entry(self));
  return r < 0 ? nullptr : bool_from(r);
}

Object* entry_is_junction_meth(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("is_junction", nargs, kwnames)) return nullptr;
  return bool_from(false);
}

Object* entry_stat_meth(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  bool follow;
  if (!follow_arg("stat", args, nargs, kwnames, &follow)) return nullptr;
  Object* st = entry_fetch_stat(as_entry(self), follow);
  return st ? newref(st) : nullptr;
}

Object* entry_inode_meth(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("inode", nargs, kwnames)) return nullptr;
  return int_from_u64(as_entry(self)->ino);
}

Object* entry_fspath_meth(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("__fspath__", nargs, kwnames)) return nullptr;
  return newref(as_entry(self)->path);
}

Object* entry_get_name(Object* self) { return newref(as_entry(self)->name); }
Object* entry_get_path(Object* self) { return newref(as_entry(self)->path); }

const MethodDef kEntryMethods[] = {
    {"is_dir", entry_is_dir_meth, METH_DEFAULT, "Return True if the entry is a directory; cached per entry."},
    {"is_file", entry_is_file_meth, METH_DEFAULT, "Return True if the entry is a file; cached per entry."},
    {"is_symlink", entry_is_symlink_meth, METH_DEFAULT, "Return True if the entry is a symbolic link; cached per entry."},
    {"is_junction", entry_is_junction_meth, METH_DEFAULT, "Return True if the entry is a junction; cached per entry."},
    {"stat", entry_stat_meth, METH_DEFAULT, "Return stat_result object for the entry; cached per entry."},
    {"inode", entry_inode_meth, METH_DEFAULT, "Return inode of the entry; cached per entry."},
    {"__fspath__", entry_fspath_meth, METH_DEFAULT, "Returns the path for the entry."},
    {nullptr, nullptr, 0, nullptr},
};

const GetSetDef kEntryGetSet[] = {
    {"name", entry_get_name, nullptr, "the entry's base filename, relative to scandir() \"path\" argument"},
    {"path", entry_get_path, nullptr, "the entry's full path name; equivalent to os.path.join(scandir_path, entry.name)"},
    {nullptr, nullptr, nullptr, nullptr},
};

// ---- ScandirIterator ----------------------------------------------------------------------------

struct ScandirObject : Object {
  DIR* dir;
  std::string* prefix;  // owned: the directory path with a trailing '/' ("" for an fd)
  bool is_bytes;
};

ScandirObject* as_scandir(Object* o) { return static_cast<ScandirObject*>(o); }

void scandir_close(ScandirObject* s) {
  if (s->dir) {
    ::closedir(s->dir);
    s->dir = nullptr;
  }
}

void scandir_dealloc(Object* self) {
  scandir_close(as_scandir(self));
  delete as_scandir(self)->prefix;
  object_free(self);
}

Object* scandir_iternext(Object* self) {
  ScandirObject* s = as_scandir(self);
  if (!s->dir) return nullptr;
  for (;;) {
    errno = 0;
    struct dirent* ent = ::readdir(s->dir);
    if (!ent) {
      int e = errno;
      scandir_close(s);
      if (e != 0) {
        errno = e;
        return raise_errno();
      }
      return nullptr;
    }
    const char* n = ent->d_name;
    if (n[0] == '.' && (n[1] == '\0' || (n[1] == '.' && n[2] == '\0'))) continue;
    auto* e = alloc_object<DirEntryObject>(&DirEntryType);
    if (!e) return nullptr;
    e->narrow_path = new std::string(*s->prefix + n);
    e->d_type = ent->d_type;
    e->ino = ent->d_ino;
    e->name = fs_name_to_object(n, s->is_bytes);
    if (e->name) {
      e->path = !s->prefix->empty() ? fs_name_to_object(*e->narrow_path, s->is_bytes)
                                    : newref(e->name);
    }
    if (!e->name || !e->path) {
      decref(e);
      return nullptr;
    }
    return e;
  }
}

Object* scandir_close_meth(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("close", nargs, kwnames)) return nullptr;
  scandir_close(as_scandir(self));
  return none_ref();
}

Object* scandir_enter(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("__enter__", nargs, kwnames)) return nullptr;
  return newref(self);
}

Object* scandir_exit(Object* self, Object* const*, ssize, Object*) {
  scandir_close(as_scandir(self));
  return bool_from(false);
}

Object* scandir_iter(Object* self) { return newref(self); }

const MethodDef kScandirMethods[] = {
    {"close", scandir_close_meth, METH_DEFAULT, nullptr},
    {"__enter__", scandir_enter, METH_DEFAULT, nullptr},
    {"__exit__", scandir_exit, METH_DEFAULT, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

Object* scandir_from(const PathArg& p) {
  DIR* dir;
  std::string prefix;
  if (p.fd >= 0) {
    int fd = ::dup(p.fd);
    if (fd < 0) return raise_errno();
    dir = ::fdopendir(fd);
    if (!dir) {
      int e = errno;
      ::close(fd);
      errno = e;
      return raise_errno();
    }
    ::rewinddir(dir);
  } else {
    const std::string& path = p.given ? p.path : std::string(".");
    dir = ::opendir(path.c_str());
    if (!dir) {
      if (p.given) return raise_path_error(p);
      int e = errno;
      Ref dot = Ref::steal(str_from_cstr("."));
      if (!dot) return nullptr;
      errno = e;
      return err_set_from_errno(&Exc_OSError, dot.get());
    }
    prefix = path;
    if (prefix.empty() || prefix.back() != '/') prefix.push_back('/');
  }
  auto* s = alloc_object<ScandirObject>(&ScandirIteratorType);
  if (!s) {
    ::closedir(dir);
    return nullptr;
  }
  s->dir = dir;
  s->prefix = new std::string(std::move(prefix));
  s->is_bytes = p.is_bytes;
  return s;
}

Object* os_scandir(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"path", nullptr};
  static const ArgSpec spec{"scandir", names, 0, 1};
  Object* a[1];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  PathArg p;
  if (!path_convert("scandir", "path", a[0], PATH_ALLOW_FD | PATH_ALLOW_NONE, &p)) return nullptr;
  return scandir_from(p);
}

// ---- walk ---------------------------------------------------------------------------------------

struct WalkObject : Object {
  std::vector<Object*>* stack;  // owned refs: paths (str/bytes) and result tuples (bottom-up)
  Object* pending_top;   // top-down: the last yielded top and its dirnames, expanded on next()
  Object* pending_dirs;
  Object* onerror;       // callable or null
  bool topdown;
  bool followlinks;
};

WalkObject* as_walk(Object* o) { return static_cast<WalkObject*>(o); }

void walk_dealloc(Object* self) {
  WalkObject* w = as_walk(self);
  if (w->stack) {
    for (Object* o : *w->stack) decref(o);
    delete w->stack;
  }
  xdecref(w->pending_top);
  xdecref(w->pending_dirs);
  xdecref(w->onerror);
  object_free(self);
}

// posixpath.join(a, b) for two str or two bytes (b relative).
Object* join2(Object* a, Object* b) {
  if (bytes_check(a)) {
    std::string s(bytes_view(a));
    if (!s.empty() && s.back() != '/') s.push_back('/');
    s.append(bytes_view(b));
    return bytes_from(s);
  }
  ssize n = str_length(a);
  if (n == 0 || str_read(a, n - 1) == '/') return str_concat(a, b);
  Ref slash = Ref::steal(str_from_cstr("/"));
  if (!slash) return nullptr;
  Ref tmp = Ref::steal(str_concat(a, slash.get()));
  if (!tmp) return nullptr;
  return str_concat(tmp.get(), b);
}

bool is_link(Object* path) {
  PathArg p;
  if (!path_convert("walk", "path", path, 0, &p)) {
    err_clear();
    return false;
  }
  struct stat st;
  return ::lstat(p.path.c_str(), &st) == 0 && S_ISLNK(st.st_mode);
}

// Report an OSError to onerror (or swallow it). Returns false if another error must propagate.
bool walk_handle_error(WalkObject* w) {
  if (!err_matches(&Exc_OSError)) return false;
  Ref exc = Ref::steal(err_fetch());
  if (w->onerror) {
    Ref r = Ref::steal(call1(w->onerror, exc.get()));
    if (!r) return false;
  }
  return true;
}

Object* walk_iternext(Object* self) {
  WalkObject* w = as_walk(self);
  if (w->pending_top) {
    Ref top = Ref::steal(w->pending_top);
    Ref dirs = Ref::steal(w->pending_dirs);
    w->pending_top = w->pending_dirs = nullptr;
    Ref snapshot = Ref::steal(sequence_list(dirs.get()));
    if (!snapshot) return nullptr;
    for (ssize i = list_size(snapshot.get()) - 1; i >= 0; --i) {
      Ref new_path = Ref::steal(join2(top.get(), list_get_borrowed(snapshot.get(), i)));
      if (!new_path) return nullptr;
      if (w->followlinks || !is_link(new_path.get())) {
        w->stack->push_back(new_path.release());
      }
    }
  }
  while (!w->stack->empty()) {
    Ref top = Ref::steal(w->stack->back());
    w->stack->pop_back();
    if (tuple_check(top.get())) return top.release();
    Ref it = Ref::steal(os_scandir_open(top.get()));
    if (!it) {
      if (!walk_handle_error(w)) return nullptr;
      continue;
    }
    Ref dirs = Ref::steal(list_new(0));
    Ref nondirs = Ref::steal(list_new(0));
    Ref walk_dirs = Ref::steal(list_new(0));
    if (!dirs || !nondirs || !walk_dirs) return nullptr;
    bool cont = false;
    for (;;) {
      Ref entry = Ref::steal(scandir_iternext(it.get()));
      if (!entry) {
        if (err_occurred()) {
          if (!walk_handle_error(w)) return nullptr;
          cont = true;
        }
        break;
      }
      DirEntryObject* e = as_entry(entry.get());
      int is_dir = entry_is_dir(e, true);
      if (is_dir < 0) {
        if (!err_matches(&Exc_OSError)) return nullptr;
        err_clear();
        is_dir = 0;
      }
      if (list_append(is_dir ? dirs.get() : nondirs.get(), e->name) < 0) return nullptr;
      if (!w->topdown && is_dir) {
        bool walk_into = true;
        if (!w->followlinks) {
          int link = entry_is_symlink(e);
          if (link < 0) {
            if (!err_matches(&Exc_OSError)) return nullptr;
            err_clear();
            link = 0;
          }
          walk_into = !link;
        }
        if (walk_into && list_append(walk_dirs.get(), e->path) < 0) return nullptr;
      }
    }
    scandir_close(as_scandir(it.get()));
    if (cont) continue;
    Ref result = Ref::steal(tuple_pack(3, top.get(), dirs.get(), nondirs.get()));
    if (!result) return nullptr;
    if (w->topdown) {
      w->pending_top = top.release();
      w->pending_dirs = dirs.release();
      return result.release();
    }
    w->stack->push_back(result.release());
    for (ssize i = list_size(walk_dirs.get()) - 1; i >= 0; --i) {
      w->stack->push_back(newref(list_get_borrowed(walk_dirs.get(), i)));
    }
  }
  return nullptr;
}

Object* walk_iter(Object* self) { return newref(self); }

Object* os_walk(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"top", "topdown", "onerror", "followlinks", nullptr};
  static const ArgSpec spec{"walk", names, 1, 4};
  Object* a[4];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  Ref top = Ref::steal(os_fspath(a[0]));
  if (!top) return nullptr;
  bool topdown, followlinks;
  if (!bool_arg(a[1], true, &topdown) || !bool_arg(a[3], false, &followlinks)) return nullptr;
  auto* w = alloc_object<WalkObject>(&WalkIteratorType);
  if (!w) return nullptr;
  w->stack = new std::vector<Object*>{top.release()};
  w->topdown = topdown;
  w->followlinks = followlinks;
  w->onerror = a[2] && a[2] != None ? newref(a[2]) : nullptr;
  return w;
}

const MethodDef kScandirFunctions[] = {
    {"scandir", os_scandir, METH_DEFAULT, "Return an iterator of DirEntry objects for given path."},
    {"walk", os_walk, METH_DEFAULT, "Directory tree generator."},
    {nullptr, nullptr, 0, nullptr},
};

void init_type(TypeObject* t, const char* name, ssize size, destructor dealloc) {
  t->ob_type = &TypeType;
  make_immortal(t);
  t->name = name;
  t->basicsize = size;
  t->dealloc = dealloc;
}

bool types_ready() {
  if (WalkIteratorType.flags & TPFLAG_READY) return true;
  init_type(&DirEntryType, "posix.DirEntry", sizeof(DirEntryObject), entry_dealloc);
  DirEntryType.repr = entry_repr;
  DirEntryType.methods = kEntryMethods;
  DirEntryType.getset = kEntryGetSet;
  init_type(&ScandirIteratorType, "posix.ScandirIterator", sizeof(ScandirObject), scandir_dealloc);
  ScandirIteratorType.iter = scandir_iter;
  ScandirIteratorType.iternext = scandir_iternext;
  ScandirIteratorType.methods = kScandirMethods;
  init_type(&WalkIteratorType, "os.walk_iterator", sizeof(WalkObject), walk_dealloc);
  WalkIteratorType.iter = walk_iter;
  WalkIteratorType.iternext = walk_iternext;
  if (type_ready(&DirEntryType) < 0 || type_ready(&ScandirIteratorType) < 0 ||
      type_ready(&WalkIteratorType) < 0) {
    return false;
  }
  // Not instantiable from Python: "cannot create 'posix.DirEntry' instances".
  DirEntryType.new_ = ScandirIteratorType.new_ = WalkIteratorType.new_ = nullptr;
  return true;
}

}  // namespace

Object* os_scandir_open(Object* path_object) {
  if (!types_ready()) return nullptr;
  PathArg p;
  if (!path_convert("scandir", "path", path_object, PATH_ALLOW_FD | PATH_ALLOW_NONE, &p)) {
    return nullptr;
  }
  return scandir_from(p);
}

int os_scandir_add(Object* module) {
  if (!types_ready()) return -1;
  if (module_add_functions(module, kScandirFunctions) < 0) return -1;
  return module_add_object(module, "DirEntry", as_object(&DirEntryType));
}

}  // namespace gilpy

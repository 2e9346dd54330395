// os.path: the built-in `posixpath` module (also sys.modules['os.path']).
//
// The pure functions (join, split, normpath, relpath, ...) are CPython's posixpath algorithms
// over narrow strings: a str argument is handled as its UTF-8 (surrogateescape) bytes and the
// result decoded back, a bytes argument stays bytes. Every separator and dot is ASCII, so
// working on UTF-8 bytes gives the same results as working on code points. The predicates
// (exists, isdir, ...) stat the path and answer False on OSError/ValueError, as genericpath.
// realpath is posixpath._joinrealpath (resolving symlinks component by component, keeping the
// non-existent rest) so it agrees with CPython for paths that do not exist.
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/abstract.h"
#include "core/args.h"
#include "core/error.h"
#include "modules/os_internal.h"
#include "objects/bytesobject.h"
#include "objects/containers.h"
#include "objects/exceptions.h"
#include "objects/floatobject.h"
#include "objects/intobject.h"
#include "objects/moduleobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"

namespace gilpy {

// ---- narrow-string algorithms (shared with tempfile.cpp) ----------------------------------------

std::string path_join(std::string_view a, std::string_view b) {
  if (!b.empty() && b[0] == '/') return std::string(b);
  std::string out(a);
  if (!out.empty() && out.back() != '/') out.push_back('/');
  out.append(b);
  return out;
}

std::string path_normpath(std::string_view path) {
  if (path.empty()) return ".";
  int initial = path[0] == '/' ? 1 : 0;
  if (initial && path.size() >= 2 && path[1] == '/' && !(path.size() >= 3 && path[2] == '/')) {
    initial = 2;
  }
  std::vector<std::string_view> comps;
  size_t i = 0;
  while (i <= path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    std::string_view comp = path.substr(i, j - i);
    i = j + 1;
    if (comp.empty() || comp == ".") continue;
    if (comp != ".." || (!initial && comps.empty()) || (!comps.empty() && comps.back() == "..")) {
      comps.push_back(comp);
    } else if (!comps.empty()) {
      comps.pop_back();
    }
  }
  std::string out(size_t(initial), '/');
  for (size_t k = 0; k < comps.size(); ++k) {
    if (k) out.push_back('/');
    out.append(comps[k]);
  }
  return out.empty() ? "." : out;
}

std::string path_abspath(std::string_view p) {
  if (!p.empty() && p[0] == '/') return path_normpath(p);
  char buf[PATH_MAX];
  std::string cwd = ::getcwd(buf, sizeof buf) ? buf : "";
  return path_normpath(path_join(cwd, p));
}

namespace {

void split_narrow(std::string_view p, std::string& head, std::string& tail) {
  size_t i = p.rfind('/');
  i = i == std::string_view::npos ? 0 : i + 1;
  head = std::string(p.substr(0, i));
  tail = std::string(p.substr(i));
  if (!head.empty() && head.find_first_not_of('/') != std::string::npos) {
    while (!head.empty() && head.back() == '/') head.pop_back();
  }
}

// ---- argument conversion ------------------------------------------------------------------------

struct PText {
  std::string s;
  bool bytes = false;
};

bool narrow_of(Object* v, PText* out) {
  out->bytes = bytes_check(v);
  if (out->bytes) {
    out->s.assign(bytes_data(v), size_t(bytes_size(v)));
    return true;
  }
  ssize n = 0;
  const char* s = str_as_utf8(v, &n);
  if (s) {
    out->s.assign(s, size_t(n));
    return true;
  }
  err_clear();
  Ref enc = Ref::steal(str_encode(v, "utf-8", "surrogateescape"));
  if (!enc) return false;
  out->s.assign(bytes_data(enc.get()), size_t(bytes_size(enc.get())));
  return true;
}

// os.fspath(o) as narrow text.
bool text_arg(Object* o, PText* out) {
  Ref v = Ref::steal(os_fspath(o));
  if (!v) return false;
  return narrow_of(v.get(), out);
}

Object* result(const std::string& s, bool bytes) { return fs_name_to_object(s, bytes); }

bool one_arg(const char* fname, Object* const* args, ssize nargs, Object* kwnames, PText* out) {
  if (!check_one_arg(fname, nargs, kwnames)) return false;
  return text_arg(args[0], out);
}

// ---- pure functions -----------------------------------------------------------------------------

Object* pp_join(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("join", kwnames)) return nullptr;
  if (nargs == 0) {
    return err_format(&Exc_TypeError, "join() missing 1 required positional argument: 'a'");
  }
  PText acc;
  if (!text_arg(args[0], &acc)) return nullptr;
  for (ssize i = 1; i < nargs; ++i) {
    Object* o = args[i];
    Ref v;
    if (str_check(o) || bytes_check(o)) {
      v = Ref::borrow(o);
    } else {
      v = Ref::steal(os_fspath(o));
      if (!v) {
        if (!err_matches(&Exc_TypeError)) return nullptr;
        err_clear();
        return err_format(&Exc_TypeError,
                          "join() argument must be str, bytes, or os.PathLike object, not '%s'",
                          type_name(type_of(o)));
      }
    }
    PText b;
    if (!narrow_of(v.get(), &b)) return nullptr;
    if (b.bytes != acc.bytes) {
      return err_format(&Exc_TypeError, "Can't mix strings and bytes in path components");
    }
    acc.s = path_join(acc.s, b.s);
  }
  return result(acc.s, acc.bytes);
}

Object* pp_split(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  PText p;
  if (!one_arg("split", args, nargs, kwnames, &p)) return nullptr;
  std::string head, tail;
  split_narrow(p.s, head, tail);
  Ref h = Ref::steal(result(head, p.bytes));
  Ref t = Ref::steal(result(tail, p.bytes));
  if (!h || !t) return nullptr;
  return tuple_pack(2, h.get(), t.get());
}

Object* pp_basename(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  PText p;
  if (!one_arg("basename", args, nargs, kwnames, &p)) return nullptr;
  size_t i = p.s.rfind('/');
  return result(i == std::string::npos ? p.s : p.s.substr(i + 1), p.bytes);
}

Object* pp_dirname(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  PText p;
  if (!one_arg("dirname", args, nargs, kwnames, &p)) return nullptr;
  std::string head, tail;
  split_narrow(p.s, head, tail);
  return result(head, p.bytes);
}

Object* pp_splitext(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  PText p;
  if (!one_arg("splitext", args, nargs, kwnames, &p)) return nullptr;
  const std::string& s = p.s;
  size_t sep = s.rfind('/');
  size_t dot = s.rfind('.');
  std::string root = s, ext;
  if (dot != std::string::npos && (sep == std::string::npos || dot > sep)) {
    size_t fi = sep == std::string::npos ? 0 : sep + 1;
    for (; fi < dot; ++fi) {
      if (s[fi] != '.') {
        root = s.substr(0, dot);
        ext = s.substr(dot);
        break;
      }
    }
  }
  Ref r = Ref::steal(result(root, p.bytes));
  Ref e = Ref::steal(result(ext, p.bytes));
  if (!r || !e) return nullptr;
  return tuple_pack(2, r.get(), e.get());
}

Object* pp_splitdrive(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  PText p;
  if (!one_arg("splitdrive", args, nargs, kwnames, &p)) return nullptr;
  Ref d = Ref::steal(result("", p.bytes));
  Ref r = Ref::steal(result(p.s, p.bytes));
  if (!d || !r) return nullptr;
  return tuple_pack(2, d.get(), r.get());
}

Object* pp_isabs(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  PText p;
  if (!one_arg("isabs", args, nargs, kwnames, &p)) return nullptr;
  return bool_from(!p.s.empty() && p.s[0] == '/');
}

Object* pp_normcase(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("normcase", nargs, kwnames)) return nullptr;
  return os_fspath(args[0]);
}

Object* pp_normpath(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  PText p;
  if (!one_arg("normpath", args, nargs, kwnames, &p)) return nullptr;
  return result(path_normpath(p.s), p.bytes);
}

Object* pp_abspath(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  PText p;
  if (!one_arg("abspath", args, nargs, kwnames, &p)) return nullptr;
  return result(path_abspath(p.s), p.bytes);
}

// posixpath._joinrealpath. Returns false with an exception (strict mode only).
bool join_realpath(std::string& path, std::string_view rest, bool strict,
                   std::map<std::string, std::optional<std::string>>& seen, bool* ok,
                   bool as_bytes) {
  *ok = true;
  if (!rest.empty() && rest[0] == '/') {
    rest.remove_prefix(1);
    path = "/";
  }
  while (!rest.empty()) {
    size_t j = rest.find('/');
    std::string name(rest.substr(0, j));
    rest = j == std::string_view::npos ? std::string_view() : rest.substr(j + 1);
    if (name.empty() || name == ".") continue;
    if (name == "..") {
      if (!path.empty()) {
        std::string head, tail;
        split_narrow(path, head, tail);
        path = head;
        if (tail == "..") path = path_join(path_join(path, ".."), "..");
      } else {
        path = "..";
      }
      continue;
    }
    std::string newpath = path_join(path, name);
    struct stat st;
    bool is_link = false;
    if (::lstat(newpath.c_str(), &st) < 0) {
      if (strict) {
        Ref fn = Ref::steal(result(newpath, as_bytes));
        err_set_from_errno(&Exc_OSError, fn.get());
        return false;
      }
    } else {
      is_link = S_ISLNK(st.st_mode);
    }
    if (!is_link) {
      path = newpath;
      continue;
    }
    auto it = seen.find(newpath);
    if (it != seen.end()) {
      if (it->second) {
        path = *it->second;
        continue;
      }
      if (strict) {
        if (::stat(newpath.c_str(), &st) < 0) {
          Ref fn = Ref::steal(result(newpath, as_bytes));
          err_set_from_errno(&Exc_OSError, fn.get());
          return false;
        }
      }
      path = path_join(newpath, rest);
      *ok = false;
      return true;
    }
    seen[newpath] = std::nullopt;
    char buf[PATH_MAX];
    ssize_t n = ::readlink(newpath.c_str(), buf, sizeof buf);
    if (n < 0) {
      Ref fn = Ref::steal(result(newpath, as_bytes));
      err_set_from_errno(&Exc_OSError, fn.get());
      return false;
    }
    bool sub_ok;
    if (!join_realpath(path, std::string_view(buf, size_t(n)), strict, seen, &sub_ok, as_bytes)) {
      return false;
    }
    if (!sub_ok) {
      path = path_join(path, rest);
      *ok = false;
      return true;
    }
    seen[newpath] = path;
  }
  return true;
}

Object* pp_realpath(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"filename", "strict", nullptr};
  static const ArgSpec spec{"realpath", names, 1, 1};
  Object* a[2];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  PText p;
  if (!text_arg(a[0], &p)) return nullptr;
  bool strict;
  if (!bool_arg(a[1], false, &strict)) return nullptr;
  std::string path;
  std::map<std::string, std::optional<std::string>> seen;
  bool ok;
  if (!join_realpath(path, p.s, strict, seen, &ok, p.bytes)) return nullptr;
  return result(path_abspath(path), p.bytes);
}

Object* pp_relpath(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"path", "start", nullptr};
  static const ArgSpec spec{"relpath", names, 1, 2};
  Object* a[2];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  PText p, start;
  if (!text_arg(a[0], &p)) return nullptr;
  if (p.s.empty()) return err_format(&Exc_ValueError, "no path specified");
  if (a[1] && a[1] != None) {
    if (!text_arg(a[1], &start)) return nullptr;
    if (start.bytes != p.bytes) {
      return err_format(&Exc_TypeError, "Can't mix strings and bytes in path components");
    }
  } else {
    start.s = ".";
  }
  auto components = [](const std::string& s) {
    std::vector<std::string> out;
    std::string abs = path_abspath(s);
    size_t i = 0;
    while (i <= abs.size()) {
      size_t j = abs.find('/', i);
      if (j == std::string::npos) j = abs.size();
      if (j > i) out.push_back(abs.substr(i, j - i));
      i = j + 1;
    }
    return out;
  };
  std::vector<std::string> sl = components(start.s), pl = components(p.s);
  size_t i = 0;
  while (i < sl.size() && i < pl.size() && sl[i] == pl[i]) ++i;
  std::vector<std::string> rel(sl.size() - i, "..");
  rel.insert(rel.end(), pl.begin() + ssize(i), pl.end());
  if (rel.empty()) return result(".", p.bytes);
  std::string out;
  for (const std::string& c : rel) out = out.empty() ? c : path_join(out, c);
  return result(out, p.bytes);
}

Object* pp_expanduser(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  PText p;
  if (!one_arg("expanduser", args, nargs, kwnames, &p)) return nullptr;
  if (p.s.empty() || p.s[0] != '~') return os_fspath(args[0]);
  size_t i = p.s.find('/', 1);
  if (i == std::string::npos) i = p.s.size();
  std::string home;
  if (i == 1) {
    const char* h = ::getenv("HOME");
    if (h) {
      home = h;
    } else {
      struct passwd* pw = ::getpwuid(::getuid());
      if (!pw) return os_fspath(args[0]);
      home = pw->pw_dir;
    }
  } else {
    std::string name = p.s.substr(1, i - 1);
    struct passwd* pw = ::getpwnam(name.c_str());
    if (!pw) return os_fspath(args[0]);
    home = pw->pw_dir;
  }
  while (!home.empty() && home.back() == '/') home.pop_back();
  std::string out = home + p.s.substr(i);
  return result(out.empty() ? "/" : out, p.bytes);
}

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

Object* pp_expandvars(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  PText p;
  if (!one_arg("expandvars", args, nargs, kwnames, &p)) return nullptr;
  const std::string& s = p.s;
  if (s.find('$') == std::string::npos) return os_fspath(args[0]);
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] != '$') {
      out.push_back(s[i++]);
      continue;
    }
    size_t start = i + 1, end;
    std::string name;
    if (start < s.size() && s[start] == '{') {
      end = s.find('}', start + 1);
      if (end == std::string::npos) {
        out.push_back(s[i++]);
        continue;
      }
      name = s.substr(start + 1, end - start - 1);
      ++end;
    } else {
      end = start;
      while (end < s.size() && is_word_char(s[end])) ++end;
      if (end == start) {
        out.push_back(s[i++]);
        continue;
      }
      name = s.substr(start, end - start);
    }
    const char* v = ::getenv(name.c_str());
    if (v) {
      out.append(v);
    } else {
      out.append(s, i, end - i);
    }
    i = end;
  }
  return result(out, p.bytes);
}

Object* pp_commonprefix(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("commonprefix", nargs, kwnames)) return nullptr;
  Ref m = Ref::steal(sequence_list(args[0]));
  if (!m) return nullptr;
  ssize n = list_size(m.get());
  if (n == 0) return str_from_cstr("");
  Object* first = list_get_borrowed(m.get(), 0);
  if (!list_check(first) && !tuple_check(first)) {
    for (ssize i = 0; i < n; ++i) {
      Object* v = os_fspath(list_get_borrowed(m.get(), i));
      if (!v) return nullptr;
      Object* old = list_get_borrowed(m.get(), i);
      list_set_steal(m.get(), i, v);
      decref(old);
    }
  }
  Object* s1 = list_get_borrowed(m.get(), 0);
  Object* s2 = s1;
  for (ssize i = 1; i < n; ++i) {
    Object* v = list_get_borrowed(m.get(), i);
    int lt = object_richcompare_bool(v, s1, CMP_LT);
    if (lt < 0) return nullptr;
    if (lt) s1 = v;
    int gt = object_richcompare_bool(v, s2, CMP_GT);
    if (gt < 0) return nullptr;
    if (gt) s2 = v;
  }
  ssize len1 = object_length(s1);
  if (len1 < 0) return nullptr;
  for (ssize i = 0; i < len1; ++i) {
    Ref c1 = Ref::steal(sequence_getitem(s1, i));
    Ref c2 = Ref::steal(sequence_getitem(s2, i));
    if (!c1 || !c2) return nullptr;
    int eq = object_richcompare_bool(c1.get(), c2.get(), CMP_EQ);
    if (eq < 0) return nullptr;
    if (!eq) {
      Ref stop = Ref::steal(int_from_ssize(i));
      Ref sl = Ref::steal(slice_new(nullptr, stop.get(), nullptr));
      if (!stop || !sl) return nullptr;
      return object_getitem(s1, sl.get());
    }
  }
  return newref(s1);
}

Object* pp_commonpath(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("commonpath", nargs, kwnames)) return nullptr;
  Ref m = Ref::steal(sequence_tuple(args[0]));
  if (!m) return nullptr;
  ssize n = tuple_size(m.get());
  if (n == 0) return err_format(&Exc_ValueError, "commonpath() arg is an empty sequence");
  std::vector<std::vector<std::string>> splits;
  int abs_kind = -1;
  bool bytes = false;
  for (ssize i = 0; i < n; ++i) {
    PText p;
    if (!text_arg(tuple_get_borrowed(m.get(), i), &p)) return nullptr;
    if (i == 0) {
      bytes = p.bytes;
    } else if (p.bytes != bytes) {
      return err_format(&Exc_TypeError, "Can't mix strings and bytes in path components");
    }
    int is_abs = !p.s.empty() && p.s[0] == '/';
    if (abs_kind >= 0 && abs_kind != is_abs) {
      return err_format(&Exc_ValueError, "Can't mix absolute and relative paths");
    }
    abs_kind = is_abs;
    std::vector<std::string> comps;
    size_t k = 0;
    while (k <= p.s.size()) {
      size_t j = p.s.find('/', k);
      if (j == std::string::npos) j = p.s.size();
      std::string c = p.s.substr(k, j - k);
      if (!c.empty() && c != ".") comps.push_back(c);
      k = j + 1;
    }
    splits.push_back(std::move(comps));
  }
  const auto& s1 = *std::min_element(splits.begin(), splits.end());
  const auto& s2 = *std::max_element(splits.begin(), splits.end());
  size_t common = 0;
  while (common < s1.size() && s1[common] == s2[common]) ++common;
  std::string out = abs_kind ? "/" : "";
  for (size_t i = 0; i < common; ++i) {
    if (i) out.push_back('/');
    out.append(s1[i]);
  }
  return result(out, bytes);
}

// ---- predicates and stat-based functions --------------------------------------------------------

// stat the path (fds allowed); returns 1 ok, 0 OSError/ValueError (cleared), -1 other error.
int try_stat(Object* o, bool follow, struct stat* st) {
  PathArg p;
  if (!path_convert(follow ? "stat" : "lstat", "path", o, follow ? PATH_ALLOW_FD : 0, &p)) {
    if (err_matches(&Exc_ValueError)) {
      err_clear();
      return 0;
    }
    return -1;
  }
  int r = p.fd >= 0 ? ::fstat(p.fd, st) : follow ? ::stat(p.path.c_str(), st)
                                                 : ::lstat(p.path.c_str(), st);
  return r == 0 ? 1 : 0;
}

template <int Kind>  // 0 exists, 1 isfile, 2 isdir, 3 islink, 4 lexists
Object* pp_predicate(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const fnames[] = {"exists", "isfile", "isdir", "islink", "lexists"};
  if (!check_one_arg(fnames[Kind], nargs, kwnames)) return nullptr;
  struct stat st;
  int r = try_stat(args[0], Kind != 3 && Kind != 4, &st);
  if (r < 0) return nullptr;
  if (r == 0) return bool_from(false);
  switch (Kind) {
    case 1: return bool_from(S_ISREG(st.st_mode));
    case 2: return bool_from(S_ISDIR(st.st_mode));
    case 3: return bool_from(S_ISLNK(st.st_mode));
    default: return bool_from(true);
  }
}

Object* pp_isjunction(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("isjunction", nargs, kwnames)) return nullptr;
  Ref v = Ref::steal(os_fspath(args[0]));
  if (!v) return nullptr;
  return bool_from(false);
}

Object* pp_ismount(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  PText p;
  if (!one_arg("ismount", args, nargs, kwnames, &p)) return nullptr;
  struct stat s1, s2;
  if (::lstat(p.s.c_str(), &s1) < 0 || S_ISLNK(s1.st_mode)) return bool_from(false);
  std::string parent = path_join(p.s, "..");
  if (::lstat(parent.c_str(), &s2) < 0) return bool_from(false);
  return bool_from(s1.st_dev != s2.st_dev || s1.st_ino == s2.st_ino);
}

// getsize/getmtime/...: os.stat(path).field (errors propagate with the filename).
template <int Field>  // 0 size, 1 mtime, 2 atime, 3 ctime
Object* pp_stat_field(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const fnames[] = {"getsize", "getmtime", "getatime", "getctime"};
  if (!check_one_arg(fnames[Field], nargs, kwnames)) return nullptr;
  PathArg p;
  if (!path_convert("stat", "path", args[0], PATH_ALLOW_FD, &p)) return nullptr;
  struct stat st;
  int r = p.fd >= 0 ? ::fstat(p.fd, &st) : ::stat(p.path.c_str(), &st);
  if (r < 0) return raise_path_error(p);
  auto fl = [](const struct timespec& ts) { return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9; };
  switch (Field) {
    case 0: return int_from_i64(st.st_size);
    case 1: return float_from_double(fl(st.st_mtim));
    case 2: return float_from_double(fl(st.st_atim));
    default: return float_from_double(fl(st.st_ctim));
  }
}

Object* pp_samefile(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("samefile", kwnames) || !check_positional("samefile", nargs, 2, 2)) {
    return nullptr;
  }
  struct stat st[2];
  for (int i = 0; i < 2; ++i) {
    PathArg p;
    if (!path_convert("stat", "path", args[i], PATH_ALLOW_FD, &p)) return nullptr;
    int r = p.fd >= 0 ? ::fstat(p.fd, &st[i]) : ::stat(p.path.c_str(), &st[i]);
    if (r < 0) return raise_path_error(p);
  }
  return bool_from(st[0].st_ino == st[1].st_ino && st[0].st_dev == st[1].st_dev);
}

const MethodDef kPathFunctions[] = {
    {"join", pp_join, METH_DEFAULT, "Join two or more pathname components, inserting '/' as needed."},
    {"split", pp_split, METH_DEFAULT, "Split a pathname into (head, tail)."},
    {"basename", pp_basename, METH_DEFAULT, "Returns the final component of a pathname"},
    {"dirname", pp_dirname, METH_DEFAULT, "Returns the directory component of a pathname"},
    {"splitext", pp_splitext, METH_DEFAULT, "Split the extension from a pathname."},
    {"splitdrive", pp_splitdrive, METH_DEFAULT, "Split a pathname into drive and path (drive is always empty on posix)."},
    {"isabs", pp_isabs, METH_DEFAULT, "Test whether a path is absolute"},
    {"normcase", pp_normcase, METH_DEFAULT, "Normalize case of pathname.  Has no effect under Posix"},
    {"normpath", pp_normpath, METH_DEFAULT, "Normalize path, eliminating double slashes, etc."},
    {"abspath", pp_abspath, METH_DEFAULT, "Return an absolute path."},
    {"realpath", pp_realpath, METH_DEFAULT, "Return the canonical path of the specified filename."},
    {"relpath", pp_relpath, METH_DEFAULT, "Return a relative version of a path"},
    {"expanduser", pp_expanduser, METH_DEFAULT, "Expand ~ and ~user constructions."},
    {"expandvars", pp_expandvars, METH_DEFAULT, "Expand shell variables of form $var and ${var}."},
    {"commonprefix", pp_commonprefix, METH_DEFAULT, "Given a list of pathnames, returns the longest common leading component"},
    {"commonpath", pp_commonpath, METH_DEFAULT, "Given a sequence of path names, returns the longest common sub-path."},
    {"exists", pp_predicate<0>, METH_DEFAULT, "Test whether a path exists.  Returns False for broken symbolic links"},
    {"isfile", pp_predicate<1>, METH_DEFAULT, "Test whether a path is a regular file"},
    {"isdir", pp_predicate<2>, METH_DEFAULT, "Return true if the pathname refers to an existing directory."},
    {"islink", pp_predicate<3>, METH_DEFAULT, "Test whether a path is a symbolic link"},
    {"lexists", pp_predicate<4>, METH_DEFAULT, "Test whether a path exists.  Returns True for broken symbolic links"},
    {"isjunction", pp_isjunction, METH_DEFAULT, "Test whether a path is a junction"},
    {"ismount", pp_ismount, METH_DEFAULT, "Test whether a path is a mount point"},
    {"getsize", pp_stat_field<0>, METH_DEFAULT, "Return the size of a file, reported by os.stat()."},
    {"getmtime", pp_stat_field<1>, METH_DEFAULT, "Return the last modification time of a file, reported by os.stat()."},
    {"getatime", pp_stat_field<2>, METH_DEFAULT, "Return the last access time of a file, reported by os.stat()."},
    {"getctime", pp_stat_field<3>, METH_DEFAULT, "Return the metadata change time of a file, reported by os.stat()."},
    {"samefile", pp_samefile, METH_DEFAULT, "Test whether two pathnames reference the same actual file or directory"},
    {nullptr, nullptr, 0, nullptr},
};

Object* g_path_module = nullptr;

}  // namespace

Object* os_path_module_get() {
  if (g_path_module) return newref(g_path_module);
  Ref m = Ref::steal(module_new("posixpath"));
  if (!m || module_add_functions(m.get(), kPathFunctions) < 0) return nullptr;
  struct StrConst {
    const char* name;
    const char* value;
  };
  static const StrConst strs[] = {
      {"sep", "/"},     {"extsep", "."},         {"pathsep", ":"},
      {"curdir", "."},  {"pardir", ".."},        {"devnull", "/dev/null"},
      {"defpath", "/bin:/usr/bin"},
  };
  for (const StrConst& c : strs) {
    if (module_add_string(m.get(), c.name, c.value) < 0) return nullptr;
  }
  if (module_add_object(m.get(), "altsep", None) < 0 ||
      module_add_object(m.get(), "supports_unicode_filenames", False) < 0) {
    return nullptr;
  }
  g_path_module = newref(m.get());
  return m.release();
}

}  // namespace gilpy

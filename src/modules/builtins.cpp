// The `builtins` module: the built-in functions, and the built-in types and constants under their
// Python names.
//
// Every function is declared in the kBuiltinFunctions table at the bottom (name, implementation,
// docstring); the types and constants are in kBuiltinTypes / the init function. Implementations
// stay thin: they bind arguments (core/args.h) and call the abstract protocols (core/abstract.h)
// or the owning type's functions, so behaviour lives in one place. Error messages are CPython
// 3.12's, to the letter.
#include <cmath>
#include <cstring>
#include <string>

#include "compiler/compile.h"
#include "core/abstract.h"
#include "core/args.h"
#include "core/descr.h"
#include "core/error.h"
#include "modules/modules.h"
#include "objects/bytesobject.h"
#include "objects/codeobject.h"
#include "objects/complexobject.h"
#include "objects/containers.h"
#include "objects/floatobject.h"
#include "objects/intobject.h"
#include "objects/moduleobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"
#include "vm/import.h"
#include "vm/run.h"
#include "vm/state.h"

namespace gilpy {

// From the io module (modules/io.cpp).
Object* io_open(Object* const* args, ssize nargs, Object* kwnames);
bool io_is_builtin_text_file(Object* file);


namespace {

// ---- printing and I/O -----------------------------------------------------------------------------

Object* builtin_print(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"sep", "end", "file", "flush", nullptr};
  static const ArgSpec spec{"print", names, 0, 0};
  Object* opt[4];
  if (!parse_args(spec, args + nargs, 0, kwnames, opt)) return nullptr;
  Object *sep = opt[0], *end = opt[1], *file = opt[2], *flush = opt[3];
  if (sep == None) sep = nullptr;
  if (end == None) end = nullptr;
  if (sep && !str_check(sep)) {
    return err_format(&Exc_TypeError, "sep must be None or a string, not %T", sep);
  }
  if (end && !str_check(end)) {
    return err_format(&Exc_TypeError, "end must be None or a string, not %T", end);
  }
  if (!file || file == None) {
    file = sys_get_borrowed("stdout");
    if (!file || file == None) return none_ref();  // sys.stdout is None: print nothing
  }
  Ref keep_file = Ref::borrow(file);
  if (io_is_builtin_text_file(file)) {
    // One write for the whole line: same output, a fraction of the calls.
    StrWriter w;
    for (ssize i = 0; i < nargs; ++i) {
      if (i > 0) {
        if (sep ? !w.append_str(sep) : (w.append(" "), false)) return nullptr;
      }
      if (!w.append_strof(args[i])) return nullptr;
    }
    if (end ? !w.append_str(end) : (w.append("\n"), false)) return nullptr;
    Ref line = Ref::steal(w.finish());
    if (!line) return nullptr;
    Ref r = Ref::steal(call_method1(file, "write", line.get()));
    if (!r) return nullptr;
  } else {
    Ref write = Ref::steal(object_getattr_str(file, "write"));
    if (!write) return nullptr;
    Ref space, newline;
    for (ssize i = 0; i < nargs; ++i) {
      if (i > 0) {
        Object* s = sep;
        if (!s) {
          if (!space) space = Ref::borrow(str_intern_cstr_borrowed(" "));
          s = space.get();
        }
        Ref r = Ref::steal(call1(write.get(), s));
        if (!r) return nullptr;
      }
      Ref text = Ref::steal(object_str(args[i]));
      if (!text) return nullptr;
      Ref r = Ref::steal(call1(write.get(), text.get()));
      if (!r) return nullptr;
    }
    Object* e = end;
    if (!e) {
      newline = Ref::borrow(str_intern_cstr_borrowed("\n"));
      e = newline.get();
    }
    Ref r = Ref::steal(call1(write.get(), e));
    if (!r) return nullptr;
  }
  if (flush) {
    int t = object_is_true(flush);
    if (t < 0) return nullptr;
    if (t) {
      Ref r = Ref::steal(call_method0(file, "flush"));
      if (!r) return nullptr;
    }
  }
  return none_ref();
}

Object* builtin_input(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("input", kwnames) || !check_positional("input", nargs, 0, 1)) {
    return nullptr;
  }
  Object* out = sys_get_borrowed("stdout");
  Object* in = sys_get_borrowed("stdin");
  if (!in || in == None) return err_format(&Exc_RuntimeError, "input(): lost sys.stdin");
  if (nargs == 1 && out && out != None) {
    Ref prompt = Ref::steal(object_str(args[0]));
    if (!prompt) return nullptr;
    Ref r = Ref::steal(call_method1(out, "write", prompt.get()));
    if (!r) return nullptr;
  }
  if (out && out != None) {
    Ref r = Ref::steal(call_method0(out, "flush"));
    if (!r) err_clear();
  }
  Ref line = Ref::steal(call_method0(in, "readline"));
  if (!line) return nullptr;
  if (!str_check(line.get())) {
    return err_format(&Exc_TypeError, "object.readline() returned non-string");
  }
  ssize n = str_length(line.get());
  if (n == 0) return err_format(&Exc_EOFError, "EOF when reading a line");
  if (str_read(line.get(), n - 1) == '\n') return str_substring(line.get(), 0, n - 1);
  return line.release();
}

Object* builtin_open(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  return io_open(args, nargs, kwnames);
}

// ---- simple one-argument functions ------------------------------------------------------------------

Object* builtin_len(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("len", nargs, kwnames)) return nullptr;
  ssize n = object_length(args[0]);
  if (n < 0) return nullptr;
  return int_from_ssize(n);
}

Object* builtin_abs(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("abs", nargs, kwnames)) return nullptr;
  return number_absolute(args[0]);
}

Object* builtin_repr(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("repr", nargs, kwnames)) return nullptr;
  return object_repr(args[0]);
}

Object* builtin_ascii(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("ascii", nargs, kwnames)) return nullptr;
  return object_ascii(args[0]);
}

Object* builtin_callable(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("callable", nargs, kwnames)) return nullptr;
  return bool_from(callable_check(args[0]));
}

Object* builtin_id(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("id", nargs, kwnames)) return nullptr;
  return int_from_u64(reinterpret_cast<uintptr_t>(args[0]));
}

Object* builtin_hash(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("hash", nargs, kwnames)) return nullptr;
  hash_t h = object_hash(args[0]);
  if (h == -1) return nullptr;
  return int_from_i64(h);
}

Object* to_base(const char* fname, Object* const* args, ssize nargs, Object* kwnames, int base) {
  if (!check_one_arg(fname, nargs, kwnames)) return nullptr;
  Ref i = Ref::steal(number_index(args[0]));
  if (!i) return nullptr;
  return int_to_base_string(i.get(), base);
}
Object* builtin_bin(Object*, Object* const* a, ssize n, Object* k) { return to_base("bin", a, n, k, 2); }
Object* builtin_oct(Object*, Object* const* a, ssize n, Object* k) { return to_base("oct", a, n, k, 8); }
Object* builtin_hex(Object*, Object* const* a, ssize n, Object* k) { return to_base("hex", a, n, k, 16); }

Object* builtin_chr(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("chr", nargs, kwnames)) return nullptr;
  Ref i = Ref::steal(number_index(args[0]));
  if (!i) return nullptr;
  bool overflow = false;
  int64_t v = int_as_i64(i.get(), &overflow);
  if (overflow) {
    return err_format(&Exc_OverflowError, "Python int too large to convert to C int");
  }
  if (v < INT32_MIN || v > INT32_MAX) {
    return err_format(&Exc_OverflowError, "signed integer is %s than maximum",
                      v < 0 ? "less" : "greater");
  }
  if (v < 0 || v > 0x10FFFF) return err_format(&Exc_ValueError, "chr() arg not in range(0x110000)");
  return str_from_codepoint(uint32_t(v));
}

Object* builtin_ord(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("ord", nargs, kwnames)) return nullptr;
  Object* c = args[0];
  if (str_check(c)) {
    if (str_length(c) == 1) return int_from_i64(str_read(c, 0));
    return err_format(&Exc_TypeError,
                      "ord() expected a character, but string of length %zd found",
                      str_length(c));
  }
  if (bytes_check(c) || bytearray_check(c)) {
    ByteView v;
    if (!get_byte_view(c, &v)) return nullptr;
    if (v.size == 1) return int_from_i64(static_cast<unsigned char>(v.data[0]));
    return err_format(&Exc_TypeError,
                      "ord() expected a character, but string of length %zd found", v.size);
  }
  return err_format(&Exc_TypeError, "ord() expected string of length 1, but %T found", c);
}

// ---- attributes --------------------------------------------------------------------------------

bool check_attr_name(Object* name) {
  if (!str_check(name)) {
    err_format(&Exc_TypeError, "attribute name must be string, not '%T'", name);
    return false;
  }
  return true;
}

Object* builtin_getattr(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("getattr", kwnames) || !check_positional("getattr", nargs, 2, 3)) {
    return nullptr;
  }
  if (!check_attr_name(args[1])) return nullptr;
  if (nargs == 2) return object_getattr(args[0], args[1]);
  Object* result = nullptr;
  int found = object_lookup_attr(args[0], args[1], &result);
  if (found < 0) return nullptr;
  return found ? result : newref(args[2]);
}

Object* builtin_setattr(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("setattr", kwnames) || !check_positional("setattr", nargs, 3, 3)) {
    return nullptr;
  }
  if (!check_attr_name(args[1])) return nullptr;
  if (object_setattr(args[0], args[1], args[2]) < 0) return nullptr;
  return none_ref();
}

Object* builtin_delattr(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("delattr", kwnames) || !check_positional("delattr", nargs, 2, 2)) {
    return nullptr;
  }
  if (!check_attr_name(args[1])) return nullptr;
  if (object_setattr(args[0], args[1], nullptr) < 0) return nullptr;
  return none_ref();
}

Object* builtin_hasattr(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("hasattr", kwnames) || !check_positional("hasattr", nargs, 2, 2)) {
    return nullptr;
  }
  if (!check_attr_name(args[1])) return nullptr;
  Object* result = nullptr;
  int found = object_lookup_attr(args[0], args[1], &result);
  if (found < 0) return nullptr;
  xdecref(result);
  return bool_from(found);
}

Object* builtin_isinstance(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("isinstance", kwnames) || !check_positional("isinstance", nargs, 2, 2)) {
    return nullptr;
  }
  int r = object_isinstance(args[0], args[1]);
  return r < 0 ? nullptr : bool_from(r);
}

Object* builtin_issubclass(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("issubclass", kwnames) || !check_positional("issubclass", nargs, 2, 2)) {
    return nullptr;
  }
  int r = object_issubclass(args[0], args[1]);
  return r < 0 ? nullptr : bool_from(r);
}

// ---- namespaces ---------------------------------------------------------------------------------

Object* builtin_globals(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("globals", nargs, kwnames)) return nullptr;
  Object* g = eval_globals_borrowed();
  return g ? newref(g) : none_ref();
}

Object* builtin_locals(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("locals", nargs, kwnames)) return nullptr;
  return eval_locals();
}

Object* builtin_vars(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("vars", kwnames) || !check_positional("vars", nargs, 0, 1)) return nullptr;
  if (nargs == 0) return eval_locals();
  Object* d = nullptr;
  int found = object_lookup_attr(args[0], str_intern_cstr_borrowed("__dict__"), &d);
  if (found < 0) return nullptr;
  if (!found) return err_format(&Exc_TypeError, "vars() argument must have __dict__ attribute");
  return d;
}

Object* builtin_dir(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("dir", kwnames) || !check_positional("dir", nargs, 0, 1)) return nullptr;
  if (nargs == 1) return object_dir(args[0]);
  Ref locals = Ref::steal(eval_locals());
  if (!locals) return nullptr;
  Ref names = Ref::steal(sequence_list(locals.get()));
  if (!names) return nullptr;
  if (list_sort(names.get(), nullptr, false) < 0) return nullptr;
  return names.release();
}

// ---- iteration ----------------------------------------------------------------------------------

Object* builtin_iter(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("iter", kwnames) || !check_positional("iter", nargs, 1, 2)) return nullptr;
  if (nargs == 1) return object_getiter(args[0]);
  if (!callable_check(args[0])) {
    return err_format(&Exc_TypeError, "iter(object, sentinel): object must be callable");
  }
  return callable_iter_new(args[0], args[1]);
}

Object* builtin_next(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("next", kwnames) || !check_positional("next", nargs, 1, 2)) return nullptr;
  Object* it = args[0];
  if (!iter_check(it)) return err_format(&Exc_TypeError, "'%T' object is not an iterator", it);
  Object* item = type_of(it)->iternext(it);
  if (item) return item;
  if (err_occurred()) {
    if (nargs == 1 || !err_matches(&Exc_StopIteration)) return nullptr;
    err_clear();
  }
  if (nargs == 2) return newref(args[1]);
  err_set(&Exc_StopIteration, nullptr);
  return nullptr;
}

Object* builtin_any_all(const char* fname, Object* const* args, ssize nargs, Object* kwnames,
                        bool want) {
  if (!check_one_arg(fname, nargs, kwnames)) return nullptr;
  Ref it = Ref::steal(object_getiter(args[0]));
  if (!it) return nullptr;
  for (;;) {
    Ref item = Ref::steal(iter_next(it.get()));
    if (!item) break;
    int t = object_is_true(item.get());
    if (t < 0) return nullptr;
    if (bool(t) == want) return bool_from(want);
  }
  if (err_occurred()) return nullptr;
  return bool_from(!want);
}
Object* builtin_any(Object*, Object* const* a, ssize n, Object* k) { return builtin_any_all("any", a, n, k, true); }
Object* builtin_all(Object*, Object* const* a, ssize n, Object* k) { return builtin_any_all("all", a, n, k, false); }

Object* builtin_sorted(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_positional("sorted", nargs, 1, 1)) return nullptr;
  static const char* const names[] = {"key", "reverse", nullptr};
  static const ArgSpec spec{"sort", names, 0, 0};
  Object* opt[2];
  if (!parse_args(spec, args + nargs, 0, kwnames, opt)) return nullptr;
  Ref list = Ref::steal(sequence_list(args[0]));
  if (!list) return nullptr;
  bool reverse;
  if (!bool_arg(opt[1], false, &reverse)) return nullptr;
  Object* key = opt[0] == None ? nullptr : opt[0];
  if (list_sort(list.get(), key, reverse) < 0) return nullptr;
  return list.release();
}

Object* min_max(const char* fname, Object* const* args, ssize nargs, Object* kwnames, int op) {
  static const char* const names[] = {"key", "default", nullptr};
  const ArgSpec spec{fname, names, 0, 0};
  Object* opt[2];
  if (!parse_args(spec, args + nargs, 0, kwnames, opt)) return nullptr;
  if (nargs == 0) {
    return err_format(&Exc_TypeError, "%s expected at least 1 argument, got 0", fname);
  }
  Object* key = opt[0] == None ? nullptr : opt[0];
  Object* dflt = opt[1];
  if (nargs > 1 && dflt) {
    return err_format(&Exc_TypeError,
                      "Cannot specify a default for %s() with multiple positional arguments",
                      fname);
  }
  Ref it;
  if (nargs == 1) {
    it = Ref::steal(object_getiter(args[0]));
  } else {
    Ref t = Ref::steal(tuple_from_array(args, nargs));
    if (!t) return nullptr;
    it = Ref::steal(object_getiter(t.get()));
  }
  if (!it) return nullptr;
  Ref best, best_key;
  for (;;) {
    Ref item = Ref::steal(iter_next(it.get()));
    if (!item) break;
    Ref k = key ? Ref::steal(call1(key, item.get())) : item;
    if (!k) return nullptr;
    if (!best) {
      best = std::move(item);
      best_key = std::move(k);
      continue;
    }
    int better = object_richcompare_bool(k.get(), best_key.get(), op);
    if (better < 0) return nullptr;
    if (better) {
      best = std::move(item);
      best_key = std::move(k);
    }
  }
  if (err_occurred()) return nullptr;
  if (!best) {
    if (dflt) return newref(dflt);
    return err_format(&Exc_ValueError, "%s() iterable argument is empty", fname);
  }
  return best.release();
}
Object* builtin_min(Object*, Object* const* a, ssize n, Object* k) { return min_max("min", a, n, k, CMP_LT); }
Object* builtin_max(Object*, Object* const* a, ssize n, Object* k) { return min_max("max", a, n, k, CMP_GT); }

// Neumaier's compensated summation, as CPython 3.12's sum() does for floats.
struct FloatSum {
  double sum, c = 0.0;
  void add(double x) {
    double t = sum + x;
    if (std::fabs(sum) >= std::fabs(x)) {
      c += (sum - t) + x;
    } else {
      c += (x - t) + sum;
    }
    sum = t;
  }
  double result() const { return (c != 0.0 && std::isfinite(c)) ? sum + c : sum; }
};

Object* builtin_sum(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"", "start", nullptr};
  static const ArgSpec spec{"sum", names, 1, 2};
  Object* a[2];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  Object* start = a[1];
  if (start) {
    if (str_check(start)) {
      return err_format(&Exc_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    }
    if (bytes_check(start)) {
      return err_format(&Exc_TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
    }
    if (bytearray_check(start)) {
      return err_format(&Exc_TypeError,
                        "sum() can't sum bytearray [use b''.join(seq) instead]");
    }
  }
  Ref it = Ref::steal(object_getiter(a[0]));
  if (!it) return nullptr;
  Ref result = start ? Ref::borrow(start) : Ref::steal(int_from_i64(0));
  Ref item;

  // Fast path: exact ints that fit in int64.
  if (int_check_exact(result.get()) && int_is_small(result.get())) {
    int64_t acc = int_small_value(result.get());
    for (;;) {
      item = Ref::steal(iter_next(it.get()));
      if (!item) {
        if (err_occurred()) return nullptr;
        return int_from_i64(acc);
      }
      if ((int_check_exact(item.get()) || bool_check(item.get())) && int_is_small(item.get())) {
        int64_t r;
        if (!__builtin_add_overflow(acc, int_small_value(item.get()), &r)) {
          acc = r;
          continue;
        }
      }
      result = Ref::steal(int_from_i64(acc));
      result = Ref::steal(number_add(result.get(), item.get()));
      if (!result) return nullptr;
      break;
    }
  }
  // Fast path: exact floats (and small ints mixed in), compensated.
  if (float_check_exact(result.get())) {
    FloatSum fs{float_value(result.get())};
    for (;;) {
      item = Ref::steal(iter_next(it.get()));
      if (!item) {
        if (err_occurred()) return nullptr;
        return float_from_double(fs.result());
      }
      if (float_check_exact(item.get())) {
        fs.add(float_value(item.get()));
        continue;
      }
      if (int_check(item.get()) && int_is_small(item.get())) {
        fs.add(double(int_small_value(item.get())));
        continue;
      }
      result = Ref::steal(float_from_double(fs.result()));
      result = Ref::steal(number_add(result.get(), item.get()));
      if (!result) return nullptr;
      break;
    }
  }
  for (;;) {
    item = Ref::steal(iter_next(it.get()));
    if (!item) break;
    result = Ref::steal(number_add(result.get(), item.get()));
    if (!result) return nullptr;
  }
  if (err_occurred()) return nullptr;
  return result.release();
}

// ---- numbers ------------------------------------------------------------------------------------

Object* builtin_divmod(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("divmod", kwnames) || !check_positional("divmod", nargs, 2, 2)) {
    return nullptr;
  }
  return number_divmod(args[0], args[1]);
}

Object* builtin_pow(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"base", "exp", "mod", nullptr};
  static const ArgSpec spec{"pow", names, 2, 3};
  Object* a[3];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  return number_power(a[0], a[1], a[2] ? a[2] : None);
}

Object* builtin_round(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"number", "ndigits", nullptr};
  static const ArgSpec spec{"round", names, 1, 2};
  Object* a[2];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  Object* round = type_lookup_borrowed(type_of(a[0]), str_intern_cstr_borrowed("__round__"));
  if (!round) {
    return err_format(&Exc_TypeError, "type %s doesn't define __round__ method",
                      type_name(type_of(a[0])));
  }
  Object* call_args[2] = {a[0], a[1]};
  // `round` is an unbound method or function found on the type: bind explicitly.
  if (type_of(round)->descr_get) {
    Ref bound = Ref::steal(type_of(round)->descr_get(round, a[0], as_object(type_of(a[0]))));
    if (!bound) return nullptr;
    return call(bound.get(), call_args + 1, (a[1] && a[1] != None) ? 1 : 0);
  }
  return call(round, call_args, (a[1] && a[1] != None) ? 2 : 1);
}

Object* builtin_format(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("format", kwnames) || !check_positional("format", nargs, 1, 2)) {
    return nullptr;
  }
  Object* spec = nargs == 2 ? args[1] : nullptr;
  if (spec && !str_check(spec)) {
    return err_format(&Exc_TypeError, "format() argument 2 must be str, not %T", spec);
  }
  return object_format(args[0], spec);
}

// ---- code: compile, exec, eval --------------------------------------------------------------------

// The source of compile/exec/eval as UTF-8 text; `fname` for the message. Returns false with
// TypeError for other types.
bool source_text(Object* src, const char* fname, const char* what, std::string& out) {
  if (str_check(src)) {
    ssize n;
    const char* p = str_as_utf8(src, &n);
    if (!p) return false;
    out.assign(p, size_t(n));
  } else if (bytes_check(src) || bytearray_check(src)) {
    ByteView v;
    if (!get_byte_view(src, &v)) return false;
    out.assign(v.data, size_t(v.size));
  } else {
    err_format(&Exc_TypeError, "%s() arg 1 must be a %s object", fname, what);
    return false;
  }
  if (out.find('\0') != std::string::npos) {
    err_format(&Exc_SyntaxError, "source code string cannot contain null bytes");
    return false;
  }
  return true;
}

Object* builtin_compile(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"source", "filename",     "mode",     "flags",
                                      "dont_inherit", "optimize", "_feature_version", nullptr};
  static const ArgSpec spec{"compile", names, 3, 6};
  Object* a[7];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  if (!str_check(a[2])) {
    return err_format(&Exc_TypeError, "compile() argument 'mode' must be str, not %T", a[2]);
  }
  CompileMode mode;
  if (str_equal_cstr(a[2], "exec")) {
    mode = CompileMode::Exec;
  } else if (str_equal_cstr(a[2], "eval")) {
    mode = CompileMode::Eval;
  } else if (str_equal_cstr(a[2], "single")) {
    mode = CompileMode::Single;
  } else {
    return err_format(&Exc_ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
  }
  Ref filename;
  if (str_check(a[1])) {
    filename = Ref::borrow(a[1]);
  } else if (bytes_check(a[1])) {
    filename = Ref::steal(str_decode_utf8(bytes_data(a[1]), bytes_size(a[1]), "surrogateescape"));
    if (!filename) return nullptr;
  } else {
    return err_format(&Exc_TypeError,
                      "compile() argument 'filename' must be str, bytes or os.PathLike, not %T",
                      a[1]);
  }
  if (a[3]) {
    bool overflow = false;
    if (!int_check(a[3])) {
      return err_format(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", a[3]);
    }
    int64_t flags = int_as_i64(a[3], &overflow);
    if (flags & 0x400) {  // ast.PyCF_ONLY_AST
      return err_format(&Exc_NotImplementedError, "gilpy: compile() to an AST is not supported yet");
    }
    if (overflow || (flags & ~int64_t(0x3FFFFF))) {
      return err_format(&Exc_ValueError, "compile(): unrecognised flags");
    }
  }
  std::string text;
  if (!source_text(a[0], "compile", "string, bytes or AST", text)) return nullptr;
  return compile_source(text, filename.get(), mode);
}

// Resolve the globals/locals of exec/eval like CPython: defaults from the calling frame; a
// globals dict without __builtins__ gets the builtins module's dict.
bool resolve_namespaces(const char* fname, Object*& globals, Object*& locals, Ref& locals_owner) {
  if (globals == None) globals = nullptr;
  if (locals == None) locals = nullptr;
  if (globals && !dict_check(globals)) {
    err_format(&Exc_TypeError,
               strcmp(fname, "exec") == 0 ? "exec() globals must be a dict, not %T"
                                          : "globals must be a dict",
               globals);
    return false;
  }
  if (locals && !type_of(locals)->getitem) {
    err_format(&Exc_TypeError,
               strcmp(fname, "exec") == 0 ? "locals must be a mapping"
                                          : "locals must be a mapping",
               locals);
    return false;
  }
  if (!globals) {
    globals = eval_globals_borrowed();
    if (!globals) {
      err_format(&Exc_SystemError, "%s(): no globals", fname);
      return false;
    }
    if (!locals) {
      locals_owner = Ref::steal(eval_locals());
      if (!locals_owner) return false;
      locals = locals_owner.get();
    }
  } else if (!locals) {
    locals = globals;
  }
  Object* builtins_key = str_intern_cstr_borrowed("__builtins__");
  int has = dict_contains(globals, builtins_key);
  if (has < 0) return false;
  if (!has && dict_setitem(globals, builtins_key, eval_builtins_borrowed()) < 0) return false;
  return true;
}

Object* exec_or_eval(const char* fname, Object* const* args, ssize nargs, Object* kwnames,
                     CompileMode mode) {
  Object* a[3] = {nullptr, nullptr, nullptr};
  if (mode == CompileMode::Exec) {
    static const char* const names[] = {"", "", "", "closure", nullptr};
    static const ArgSpec spec{"exec", names, 1, 3};
    Object* b[4];
    if (!parse_args(spec, args, nargs, kwnames, b)) return nullptr;
    a[0] = b[0], a[1] = b[1], a[2] = b[2];
  } else {
    if (!check_no_kwargs(fname, kwnames) || !check_positional(fname, nargs, 1, 3)) return nullptr;
    for (ssize i = 0; i < nargs; ++i) a[i] = args[i];
  }
  Object* globals = a[1] ? a[1] : None;
  Object* locals = a[2] ? a[2] : None;
  Ref locals_owner;
  if (!resolve_namespaces(fname, globals, locals, locals_owner)) return nullptr;
  Ref code;
  if (code_check(a[0])) {
    code = Ref::borrow(a[0]);
  } else {
    std::string text;
    if (!source_text(a[0], fname, "string, bytes or code", text)) return nullptr;
    if (mode == CompileMode::Eval) {
      size_t i = text.find_first_not_of(" \t");
      text.erase(0, i == std::string::npos ? text.size() : i);
    }
    Ref filename = Ref::steal(str_from_cstr("<string>"));
    code = Ref::steal(compile_source(text, filename.get(), mode));
    if (!code) return nullptr;
  }
  Ref result = Ref::steal(eval_code(code.get(), globals, locals));
  if (!result) return nullptr;
  if (mode == CompileMode::Exec) return none_ref();
  return result.release();
}

Object* builtin_exec(Object*, Object* const* a, ssize n, Object* k) { return exec_or_eval("exec", a, n, k, CompileMode::Exec); }
Object* builtin_eval(Object*, Object* const* a, ssize n, Object* k) { return exec_or_eval("eval", a, n, k, CompileMode::Eval); }

// ---- classes and imports ------------------------------------------------------------------------

// The most derived metaclass of `meta` and the bases' metaclasses (CPython's
// _PyType_CalculateMetaclass); TypeError on a conflict.
TypeObject* calculate_metaclass(TypeObject* meta, Object* bases) {
  TypeObject* winner = meta;
  for (ssize i = 0; i < tuple_size(bases); ++i) {
    TypeObject* t = type_of(tuple_get_borrowed(bases, i));
    if (type_is_subtype(winner, t)) continue;
    if (type_is_subtype(t, winner)) {
      winner = t;
      continue;
    }
    err_format(&Exc_TypeError,
               "metaclass conflict: the metaclass of a derived class must be a (non-strict) "
               "subclass of the metaclasses of all its bases");
    return nullptr;
  }
  return winner;
}

// __build_class__(func, name, /, *bases, metaclass=None, **kwds): what a class statement calls.
Object* builtin_build_class(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (nargs < 2) {
    return err_format(&Exc_TypeError, "__build_class__: not enough arguments");
  }
  Object* func = args[0];
  Object* name = args[1];
  if (!str_check(name)) return err_format(&Exc_TypeError, "__build_class__: name is not a string");
  Ref orig_bases = Ref::steal(tuple_from_array(args + 2, nargs - 2));
  if (!orig_bases) return nullptr;

  // PEP 560: bases that are not classes may stand for other bases through __mro_entries__.
  Ref bases = orig_bases;
  Ref rebuilt;  // created at the first base that has __mro_entries__
  for (ssize i = 0; i < tuple_size(orig_bases.get()); ++i) {
    Object* base = tuple_get_borrowed(orig_bases.get(), i);
    Object* meth = nullptr;
    int found = object_type_check(base, &TypeType)
                    ? 0
                    : object_lookup_attr(base, str_intern_cstr_borrowed("__mro_entries__"), &meth);
    if (found < 0) return nullptr;
    if (!found) {
      if (rebuilt && list_append(rebuilt.get(), base) < 0) return nullptr;
      continue;
    }
    Ref m = Ref::steal(meth);
    Ref entries = Ref::steal(call1(m.get(), orig_bases.get()));
    if (!entries) return nullptr;
    if (!tuple_check(entries.get())) {
      return err_format(&Exc_TypeError, "__mro_entries__ must return a tuple");
    }
    if (!rebuilt) {
      rebuilt = Ref::steal(list_from_array(tuple_items(orig_bases.get()), i));
      if (!rebuilt) return nullptr;
    }
    if (list_extend(rebuilt.get(), entries.get()) < 0) return nullptr;
  }
  if (rebuilt) {
    bases = Ref::steal(list_as_tuple(rebuilt.get()));
    if (!bases) return nullptr;
  }

  // Keyword arguments: metaclass=, the rest go to the metaclass and __init_subclass__.
  Object* meta = nullptr;
  Ref kwds;
  if (kwnames) {
    for (ssize i = 0; i < tuple_size(kwnames); ++i) {
      Object* key = tuple_get_borrowed(kwnames, i);
      if (str_equal_cstr(key, "metaclass")) {
        meta = args[nargs + i];
        continue;
      }
      if (!kwds) kwds = Ref::steal(dict_new());
      if (!kwds || dict_setitem(kwds.get(), key, args[nargs + i]) < 0) return nullptr;
    }
  }
  bool meta_is_class = false;
  if (!meta) {
    meta = tuple_size(bases.get()) ? as_object(type_of(tuple_get_borrowed(bases.get(), 0)))
                                   : as_object(&TypeType);
    meta_is_class = true;
  } else {
    meta_is_class = object_type_check(meta, &TypeType);
  }
  if (meta_is_class) {
    TypeObject* winner = calculate_metaclass(static_cast<TypeObject*>(meta), bases.get());
    if (!winner) return nullptr;
    meta = winner;
  }
  Ref meta_ref = Ref::borrow(meta);

  // The namespace: meta.__prepare__(name, bases, **kwds) or a dict.
  Ref ns;
  Object* prepare = nullptr;
  int found = object_lookup_attr(meta, str_intern_cstr_borrowed("__prepare__"), &prepare);
  if (found < 0) return nullptr;
  if (found) {
    Ref p = Ref::steal(prepare);
    Object* pargs[2] = {name, bases.get()};
    ns = Ref::steal(kwds ? nullptr : call(p.get(), pargs, 2));
    if (kwds) {
      Ref t = Ref::steal(tuple_from_array(pargs, 2));
      if (!t) return nullptr;
      ns = Ref::steal(call_tuple_dict(p.get(), t.get(), kwds.get()));
    }
    if (!ns) return nullptr;
    if (!type_of(ns.get())->getitem) {
      return err_format(&Exc_TypeError, "%s.__prepare__() must return a mapping, not %T",
                        meta_is_class ? type_name(static_cast<TypeObject*>(meta)) : "<metaclass>",
                        ns.get());
    }
  } else {
    ns = Ref::steal(dict_new());
    if (!ns) return nullptr;
  }

  Ref cell = Ref::steal(eval_function_with_locals(func, ns.get()));
  if (!cell) return nullptr;
  if (bases.get() != orig_bases.get()) {
    if (object_setitem(ns.get(), str_intern_cstr_borrowed("__orig_bases__"), orig_bases.get()) < 0) {
      return nullptr;
    }
  }
  Ref margs = Ref::steal(tuple_pack(3, name, bases.get(), ns.get()));
  if (!margs) return nullptr;
  return call_tuple_dict(meta, margs.get(), kwds.get());
}

Object* builtin_import(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"name", "globals", "locals", "fromlist", "level", nullptr};
  static const ArgSpec spec{"__import__", names, 1, 5};
  Object* a[5];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  int level = 0;
  if (a[4]) {
    ssize l = int_check(a[4]) ? int_as_ssize(a[4]) : -1;
    if (l == -1 && err_occurred()) return nullptr;
    if (!int_check(a[4])) {
      return err_format(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", a[4]);
    }
    if (l < 0) return err_format(&Exc_ValueError, "level must be >= 0");
    level = int(l);
  }
  if (!str_check(a[0])) {
    return err_format(&Exc_TypeError, "__import__() argument 1 must be str, not %T", a[0]);
  }
  return import_module_level(a[0], a[1], a[3], level);
}

// exit() and quit(), which CPython's site module adds: raise SystemExit(code).
Object* builtin_exit(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"code", nullptr};
  static const ArgSpec spec{"exit", names, 0, 1};
  Object* code;
  if (!parse_args(spec, args, nargs, kwnames, &code)) return nullptr;
  err_set(&Exc_SystemExit, code);
  return nullptr;
}

// ---- the tables ---------------------------------------------------------------------------------

const MethodDef kBuiltinFunctions[] = {
    {"__build_class__", builtin_build_class, METH_DEFAULT,
     "__build_class__(func, name, /, *bases, [metaclass], **kwds) -> class"},
    {"__import__", builtin_import, METH_DEFAULT, "Import a module."},
    {"abs", builtin_abs, METH_DEFAULT, "Return the absolute value of the argument."},
    {"all", builtin_all, METH_DEFAULT, "Return True if bool(x) is True for all values x in the iterable."},
    {"any", builtin_any, METH_DEFAULT, "Return True if bool(x) is True for any x in the iterable."},
    {"ascii", builtin_ascii, METH_DEFAULT, "Return an ASCII-only representation of an object."},
    {"bin", builtin_bin, METH_DEFAULT, "Return the binary representation of an integer."},
    {"callable", builtin_callable, METH_DEFAULT, "Return whether the object is callable."},
    {"chr", builtin_chr, METH_DEFAULT, "Return a Unicode string of one character with ordinal i."},
    {"compile", builtin_compile, METH_DEFAULT, "Compile source into a code object."},
    {"delattr", builtin_delattr, METH_DEFAULT, "Deletes the named attribute from the given object."},
    {"dir", builtin_dir, METH_DEFAULT, "Show attributes of an object."},
    {"divmod", builtin_divmod, METH_DEFAULT, "Return the tuple (x//y, x%y)."},
    {"eval", builtin_eval, METH_DEFAULT, "Evaluate the given source in the context of globals and locals."},
    {"exit", builtin_exit, METH_DEFAULT, "Exit the interpreter (raise SystemExit)."},
    {"exec", builtin_exec, METH_DEFAULT, "Execute the given source in the context of globals and locals."},
    {"format", builtin_format, METH_DEFAULT, "Return type(value).__format__(value, format_spec)"},
    {"getattr", builtin_getattr, METH_DEFAULT, "Get a named attribute from an object."},
    {"globals", builtin_globals, METH_DEFAULT, "Return the dictionary containing the current scope's global variables."},
    {"hasattr", builtin_hasattr, METH_DEFAULT, "Return whether the object has an attribute with the given name."},
    {"hash", builtin_hash, METH_DEFAULT, "Return the hash value for the given object."},
    {"hex", builtin_hex, METH_DEFAULT, "Return the hexadecimal representation of an integer."},
    {"id", builtin_id, METH_DEFAULT, "Return the identity of an object."},
    {"input", builtin_input, METH_DEFAULT, "Read a string from standard input."},
    {"isinstance", builtin_isinstance, METH_DEFAULT, "Return whether an object is an instance of a class or of a subclass thereof."},
    {"issubclass", builtin_issubclass, METH_DEFAULT, "Return whether 'cls' is derived from another class or is the same class."},
    {"iter", builtin_iter, METH_DEFAULT, "Get an iterator from an object."},
    {"len", builtin_len, METH_DEFAULT, "Return the number of items in a container."},
    {"locals", builtin_locals, METH_DEFAULT, "Return a dictionary containing the current scope's local variables."},
    {"max", builtin_max, METH_DEFAULT, "With a single iterable argument, return its biggest item."},
    {"min", builtin_min, METH_DEFAULT, "With a single iterable argument, return its smallest item."},
    {"next", builtin_next, METH_DEFAULT, "Return the next item from the iterator."},
    {"oct", builtin_oct, METH_DEFAULT, "Return the octal representation of an integer."},
    {"open", builtin_open, METH_DEFAULT, "Open file and return a stream."},
    {"ord", builtin_ord, METH_DEFAULT, "Return the Unicode code point for a one-character string."},
    {"pow", builtin_pow, METH_DEFAULT, "Equivalent to base**exp with 2 arguments or base**exp % mod with 3 arguments"},
    {"quit", builtin_exit, METH_DEFAULT, "Exit the interpreter (raise SystemExit)."},
    {"print", builtin_print, METH_DEFAULT, "Prints the values to a stream, or to sys.stdout by default."},
    {"repr", builtin_repr, METH_DEFAULT, "Return the canonical string representation of the object."},
    {"round", builtin_round, METH_DEFAULT, "Round a number to a given precision in decimal digits."},
    {"setattr", builtin_setattr, METH_DEFAULT, "Sets the named attribute on the given object to the specified value."},
    {"sorted", builtin_sorted, METH_DEFAULT, "Return a new list containing all items from the iterable in ascending order."},
    {"sum", builtin_sum, METH_DEFAULT, "Return the sum of a 'start' value (default: 0) plus an iterable of numbers"},
    {"vars", builtin_vars, METH_DEFAULT, "Show vars."},
    {nullptr, nullptr, 0, nullptr},
};

struct NamedType {
  const char* name;
  TypeObject* type;
};

}  // namespace

Object* builtins_module_init() {
  Ref m = Ref::steal(module_new("builtins"));
  if (!m) return nullptr;
  if (module_add_functions(m.get(), kBuiltinFunctions) < 0) return nullptr;
  const NamedType types[] = {
      {"object", &ObjectType},     {"type", &TypeType},           {"int", &IntType},
      {"bool", &BoolType},         {"float", &FloatType},         {"complex", &ComplexType},
      {"str", &StrType},           {"bytes", &BytesType},         {"bytearray", &ByteArrayType},
      {"list", &ListType},         {"tuple", &TupleType},         {"dict", &DictType},
      {"set", &SetType},           {"frozenset", &FrozenSetType}, {"range", &RangeType},
      {"slice", &SliceType},       {"enumerate", &EnumerateType}, {"zip", &ZipType},
      {"memoryview", &MemoryViewType},
      {"map", &MapType},           {"filter", &FilterType},       {"reversed", &ReversedType},
      {"property", &PropertyType}, {"classmethod", &ClassMethodType},
      {"staticmethod", &StaticMethodType}, {"super", &SuperType},
  };
  for (const NamedType& t : types) {
    if (module_add_object(m.get(), t.name, as_object(t.type)) < 0) return nullptr;
  }
#define GILPY_ADD_EXC(name, base) \
  if (module_add_object(m.get(), #name, as_object(&Exc_##name)) < 0) return nullptr;
  GILPY_FOR_EACH_EXCEPTION(GILPY_ADD_EXC)
#undef GILPY_ADD_EXC
  if (module_add_object(m.get(), "EnvironmentError", as_object(&Exc_OSError)) < 0 ||
      module_add_object(m.get(), "IOError", as_object(&Exc_OSError)) < 0 ||
      module_add_object(m.get(), "None", None) < 0 ||
      module_add_object(m.get(), "True", True) < 0 ||
      module_add_object(m.get(), "False", False) < 0 ||
      module_add_object(m.get(), "Ellipsis", Ellipsis) < 0 ||
      module_add_object(m.get(), "NotImplemented", NotImplemented) < 0 ||
      module_add_object(m.get(), "__debug__", True) < 0) {
    return nullptr;
  }
  return m.release();
}

}  // namespace gilpy

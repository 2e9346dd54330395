// `_pickle_accel`: the native half of gilpy's pickle. lib/_pickle.py is the complete
// implementation (every opcode, protocol 0, reduce, globals, persistent ids, PickleBuffer, the
// error messages); this module takes over its hot paths and keeps its output byte-for-byte.
//
// Dumping. `PicklerCore` is the state of one Pickler that every save_* method shares: the output
// buffer with protocol-4 framing (a frame opens at the first write after PROTO, is committed at
// an opcode boundary once it holds 64 KiB and dropped when it holds fewer than 4 bytes; payloads
// of 64 KiB or more go outside frames), and the memo (object identity -> index, holding a strong
// reference to each object so identities stay unique while the memo lives). The Python Pickler
// writes through it (write, write_large, memoize, memo_get). Its `save(pickler, obj, pers)` is
// the dispatcher: for protocols >= 1 it encodes the common exact types natively (None, bool,
// int, float, str, bytes >= 3, bytearray >= 5, tuple, list, dict, set/frozenset >= 4; list and
// dict not in "fast" mode), recursing natively, with the Python pickler's opcode choices,
// memoization order and 1000-item batches; any other object (and every object at protocol 0) goes
// to `pickler._save_py(obj)`, the complete Python dispatcher, which shares this memo and buffer
// and re-enters `save` for sub-objects. Persistent ids go through `pickler._save_pers(obj)`.
//
// With no Python hooks (reducer_override, persistent_id, fast mode) and protocol >= 4, `save` also
// pickles classes and functions by reference (STACK_GLOBAL) and plain instances (NEWOBJ + BUILD
// of their __dict__) natively, consulting the Pickler's dispatch tables first (save_global,
// save_instance below); anything less plain goes to Python as before.
//
// The native entries `dumps` (pickle.dumps, made by _configure so that it is a function of
// _pickle) and `dump_with` (ForkingPickler.dumps) run a whole dump on a PicklerCore made
// natively, with no Python Pickler: the first object left to Python makes one over that core
// (Pickler._continue_native_dump), which pickles it and every later such object; unusual
// arguments go to _pickle._dumps_py. Output is the same as the Python Pickler's either way.
//
// Loading: modules/pickle_fast_load.cpp (Unpickler.load's loop, and the native loads).
//
// Ownership: a PicklerCore owns its buffer, memo entries (strong references), the file's write
// method, the persistent_id callable and dispatch tables of the running dump and the Pickler a
// native dumps adopted (all traversed by the GC; the last three are dropped when the dump ends).
// g_config (pickle_fast.h) holds what _pickle hands over at import, for the process's life. Everything runs with the GIL held; callbacks may run arbitrary
// code, so containers are re-read after every save and their items held by owned references.
#include "modules/pickle_fast.h"

#include <gmp.h>

#include <cstring>
#include <string>
#include <vector>

#include "core/abstract.h"
#include "core/args.h"
#include "core/error.h"
#include "core/gc.h"
#include "modules/modules.h"
#include "objects/bytesobject.h"
#include "objects/containers.h"
#include "objects/dict_instance.h"
#include "objects/floatobject.h"
#include "objects/funcobject.h"
#include "objects/intobject.h"
#include "objects/moduleobject.h"
#include "objects/singletons.h"
#include "objects/str_internal.h"
#include "vm/state.h"

namespace gilpy {

PickleAccelConfig g_config;

namespace {

TypeObject PicklerCoreType;

constexpr ssize kBatchSize = 1000;
constexpr ssize kFrameSizeMin = 4;
constexpr ssize kFrameSizeTarget = 64 * 1024;
constexpr size_t kFrameHeader = 9;

// ---- the memo: open addressing on the object's address ----------------------------------------
class MemoTable {
 public:
  struct Entry {
    Object* key;  // owned; null = empty slot
    ssize index;
  };

  ~MemoTable() { clear(); }
  ssize size() const { return count_; }
  const std::vector<Entry>& slots() const { return slots_; }

  const Entry* find(Object* key) const {
    if (count_ == 0) return nullptr;
    for (size_t i = hash(key) & mask();; i = (i + 1) & mask()) {
      const Entry& e = slots_[i];
      if (e.key == key) return &e;
      if (!e.key) return nullptr;
    }
  }

  // Enter key -> index (a new entry, or a new index for an existing one).
  void set(Object* key, ssize index) {
    if (size_t(count_ + 1) * 3 >= slots_.size() * 2) grow();
    for (size_t i = hash(key) & mask();; i = (i + 1) & mask()) {
      Entry& e = slots_[i];
      if (e.key == key) {
        e.index = index;
        return;
      }
      if (!e.key) {
        e.key = newref(key);
        e.index = index;
        ++count_;
        return;
      }
    }
  }

  // Drop every entry; the references are released after the table is empty (a __del__ run by
  // the release may use the pickler).
  void clear() {
    std::vector<Entry> old;
    old.swap(slots_);
    count_ = 0;
    for (Entry& e : old) xdecref(e.key);
  }

 private:
  static size_t hash(Object* key) {
    uintptr_t p = reinterpret_cast<uintptr_t>(key) >> 4;
    return size_t(p * 0x9E3779B97F4A7C15ull >> 16);
  }
  size_t mask() const { return slots_.size() - 1; }
  void grow() {
    std::vector<Entry> old;
    old.swap(slots_);
    slots_.assign(old.empty() ? 64 : old.size() * 2, Entry{nullptr, 0});
    for (const Entry& e : old) {
      if (!e.key) continue;
      size_t i = hash(e.key) & mask();
      while (slots_[i].key) i = (i + 1) & mask();
      slots_[i] = e;
    }
  }

  std::vector<Entry> slots_;
  ssize count_ = 0;
};

// ---- the dumper state ---------------------------------------------------------------------------
struct Dumper {
  std::string out;
  ssize frame_start = -1;  // offset of the open frame's 9 reserved bytes, or -1
  bool framing = false;
  bool fast = false;  // Pickler.fast: no memoization, Python savers for list/dict
  int proto = 0;
  Object* file_write = nullptr;     // owned; null for dumps()
  Object* persistent_id = nullptr;  // owned while a dump runs, else null
  MemoTable memo;
  // Plain instances pickled natively (no reducer_override, persistent_id or fast mode): the
  // dispatch tables to consult (a tuple of dicts, owned), or null.
  Object* instance_tables = nullptr;
  // The native dumps entry (dump_native): there is no Python Pickler until the first object
  // left to Python, when `factory(core, proto, fix_imports)` makes one over this core. `core` and
  // `factory` are borrowed for the duration of the dump; `adopted` (owned) is dropped at its end.
  Object* core = nullptr;
  Object* factory = nullptr;
  Object* adopted = nullptr;
  bool fix_imports = true;

  // -- output
  void write(const char* data, size_t n) {
    if (framing && frame_start < 0) {
      frame_start = ssize(out.size());
      out.append(kFrameHeader, '\0');
    }
    out.append(data, n);
  }
  void write(char c) { write(&c, 1); }

  void commit_frame() {
    if (!framing || frame_start < 0) return;
    size_t start = size_t(frame_start);
    uint64_t frame_len = out.size() - start - kFrameHeader;
    if (frame_len >= uint64_t(kFrameSizeMin)) {
      out[start] = '\x95';
      for (int i = 0; i < 8; ++i) out[start + 1 + i] = char(frame_len >> (8 * i));
    } else {
      out.erase(start, kFrameHeader);
    }
    frame_start = -1;
  }

  bool flush() {
    if (out.empty()) return true;
    Ref data = Ref::steal(bytes_from(out.data(), ssize(out.size())));
    if (!data) return false;
    out.clear();
    Ref r = Ref::steal(call1(file_write, data.get()));
    return bool(r);
  }

  bool opcode_boundary() {
    if (frame_start < 0 || !framing ||
        ssize(out.size()) - frame_start - ssize(kFrameHeader) < kFrameSizeTarget) {
      return true;
    }
    commit_frame();
    return !file_write || flush();
  }

  // header + payload; payloads of 64 KiB or more go outside any frame. `payload_obj` (may be
  // null) is handed to file.write as is when it is a bytes object.
  bool write_large(const char* header, size_t hn, const char* payload, size_t n,
                   Object* payload_obj) {
    if (ssize(n) < kFrameSizeTarget) {
      write(header, hn);
      write(payload, n);
      return true;
    }
    commit_frame();
    bool saved = framing;
    framing = false;
    write(header, hn);
    bool ok = true;
    if (file_write) {
      ok = flush();
      if (ok) {
        Ref data = payload_obj && bytes_check(payload_obj)
                       ? Ref::borrow(payload_obj)
                       : Ref::steal(bytes_from(payload, ssize(n)));
        ok = data && Ref::steal(call1(file_write, data.get()));
      }
    } else {
      out.append(payload, n);
    }
    framing = saved;
    return ok;
  }

  // -- memo
  bool memoize(Object* obj) {
    if (fast) return true;
    ssize idx = memo.size();
    memo.set(obj, idx);
    if (proto >= 4) {
      write('\x94');  // MEMOIZE
    } else if (proto >= 1) {
      if (idx < 256) {
        char op[2] = {'q', char(idx)};  // BINPUT
        write(op, 2);
      } else if (uint64_t(idx) <= 0xffffffffu) {
        write_u32_op('r', uint32_t(idx));  // LONG_BINPUT
      } else {
        err_set_string(picklingerror(), "memo id too large for LONG_BINPUT");
        return false;
      }
    } else {
      std::string s = "p" + std::to_string(idx) + "\n";
      write(s.data(), s.size());
    }
    return true;
  }

  bool write_get(ssize idx) {
    if (proto == 0) {
      std::string s = "g" + std::to_string(idx) + "\n";
      write(s.data(), s.size());
    } else if (idx >= 0 && idx < 256) {
      char op[2] = {'h', char(idx)};  // BINGET
      write(op, 2);
    } else if (idx >= 0 && uint64_t(idx) <= 0xffffffffu) {
      write_u32_op('j', uint32_t(idx));  // LONG_BINGET
    } else {
      err_set_string(picklingerror(), "memo id too large for LONG_BINGET");
      return false;
    }
    return true;
  }

  void write_u32_op(char op, uint32_t v) {
    char buf[5] = {op, char(v), char(v >> 8), char(v >> 16), char(v >> 24)};
    write(buf, 5);
  }

  static TypeObject* picklingerror();

  // -- the native savers
  bool save(Object* pickler, Object* obj, bool pers);
  bool save_py(Object* pickler, Object* obj) {
    if (!pickler && !(pickler = adopt())) return false;
    return bool(Ref::steal(call_method1(pickler, "_save_py", obj)));
  }
  // The Python Pickler of a native dumps, made on first use.
  [[gnu::noinline]] Object* adopt() {
    if (adopted) return adopted;
    if (!factory) {
      err_set_string(&Exc_SystemError, "pickle: native dump without a Pickler");
      return nullptr;
    }
    Ref p = Ref::steal(int_from_i64(proto));
    Object* args[3] = {core, p.get(), fix_imports ? True : False};
    if (!p) return nullptr;
    adopted = call(factory, args, 3);
    return adopted;
  }
  // Out of line: their locals must not grow the frame of the recursive save().
  [[gnu::noinline]] int save_instance(Object* pickler, Object* obj);
  [[gnu::noinline]] int save_global(Object* pickler, Object* obj);
  bool save_int(Object* obj);
  bool save_str(Object* obj);
  bool save_bytes_like(char op8, Object* obj, const char* data, ssize n);
  bool save_tuple(Object* pickler, Object* obj);
  bool save_list(Object* pickler, Object* obj);
  bool save_dict(Object* pickler, Object* obj);
  bool save_set(Object* pickler, Object* obj);
  bool save_frozenset(Object* pickler, Object* obj);
};

struct PicklerCoreObject : Object {
  Dumper* d;
};

inline Dumper& dumper(Object* o) {
  return *static_cast<PicklerCoreObject*>(o)->d;
}

// PicklingError lives in lib/_pickle.py; the few native errors that need it fetch it there.
TypeObject* Dumper::picklingerror() {
  Object* mods = sys_get_borrowed("modules");
  Object* m = mods && dict_check(mods) ? dict_get_str_borrowed(mods, "_pickle") : nullptr;
  Object* cls = m ? dict_get_str_borrowed(module_get_dict_borrowed(m), "PicklingError") : nullptr;
  if (cls && type_has_flag(type_of(cls), TPFLAG_TYPE_SUBCLASS)) {
    return static_cast<TypeObject*>(cls);
  }
  return &Exc_ValueError;
}

bool Dumper::save_int(Object* obj) {
  if (int_is_small(obj)) {
    int64_t v = int_small_value(obj);
    if (v >= -0x80000000LL && v <= 0x7fffffffLL) {
      if (v >= 0 && v <= 0xff) {
        char op[2] = {'K', char(v)};  // BININT1
        write(op, 2);
      } else if (v >= 0 && v <= 0xffff) {
        char op[3] = {'M', char(v), char(v >> 8)};  // BININT2
        write(op, 3);
      } else {
        write_u32_op('J', uint32_t(int32_t(v)));  // BININT
      }
      return true;
    }
  }
  // LONG1/LONG4: two's complement, little-endian, in (bit_length >> 3) + 1 bytes, dropping a
  // redundant 0xff sign byte of a negative number (encode_long).
  mpz_t v, t;
  mpz_init(v);
  int_to_mpz(obj, v);
  size_t nbytes = (mpz_sizeinbase(v, 2) >> 3) + 1;
  std::string buf(nbytes, '\0');
  mpz_init(t);
  if (mpz_sgn(v) < 0) {
    mpz_ui_pow_ui(t, 2, 8 * nbytes);
    mpz_add(t, t, v);
  } else {
    mpz_set(t, v);
  }
  size_t count = 0;
  mpz_export(buf.data(), &count, -1, 1, 0, 0, t);
  bool negative = mpz_sgn(v) < 0;
  mpz_clear(v);
  mpz_clear(t);
  if (negative && nbytes > 1 && uint8_t(buf[nbytes - 1]) == 0xff &&
      (uint8_t(buf[nbytes - 2]) & 0x80)) {
    --nbytes;
  }
  if (nbytes < 256) {
    char op[2] = {'\x8a', char(nbytes)};  // LONG1
    write(op, 2);
  } else if (nbytes <= 0x7fffffff) {
    write_u32_op('\x8b', uint32_t(nbytes));  // LONG4
  } else {
    err_format(&Exc_OverflowError, "int too large to pickle");
    return false;
  }
  write(buf.data(), nbytes);
  return true;
}

bool Dumper::save_str(Object* obj) {
  ssize n = 0;
  const char* data = str_as_utf8(obj, &n);
  std::string lenient;
  if (!data) {  // lone surrogates: encoded as 'surrogatepass' does
    err_clear();
    str_append_utf8_lenient(lenient, obj);
    data = lenient.data();
    n = ssize(lenient.size());
  }
  char header[9];
  size_t hn;
  if (n <= 0xff && proto >= 4) {
    header[0] = '\x8c';  // SHORT_BINUNICODE
    header[1] = char(n);
    hn = 2;
  } else if (uint64_t(n) <= 0xffffffffu) {
    header[0] = 'X';  // BINUNICODE
    for (int i = 0; i < 4; ++i) header[1 + i] = char(uint64_t(n) >> (8 * i));
    hn = 5;
  } else if (proto >= 4) {
    header[0] = '\x8d';  // BINUNICODE8
    for (int i = 0; i < 8; ++i) header[1 + i] = char(uint64_t(n) >> (8 * i));
    hn = 9;
  } else {
    err_set_string(&Exc_OverflowError,
                   "serializing a string larger than 4 GiB requires pickle protocol 4 or higher");
    return false;
  }
  return write_large(header, hn, data, size_t(n), nullptr) && memoize(obj);
}

// bytes (SHORT_BINBYTES/BINBYTES/BINBYTES8, op8 = '\x8e') or bytearray (BYTEARRAY8, op8 = '\x96').
bool Dumper::save_bytes_like(char op8, Object* obj, const char* data, ssize n) {
  char header[9];
  size_t hn;
  if (op8 == '\x8e' && n <= 0xff) {
    header[0] = 'C';
    header[1] = char(n);
    hn = 2;
  } else if (op8 == '\x8e' && uint64_t(n) <= 0xffffffffu) {
    header[0] = 'B';
    for (int i = 0; i < 4; ++i) header[1 + i] = char(uint64_t(n) >> (8 * i));
    hn = 5;
  } else {
    header[0] = op8;
    for (int i = 0; i < 8; ++i) header[1 + i] = char(uint64_t(n) >> (8 * i));
    hn = 9;
  }
  return write_large(header, hn, data, size_t(n), obj) && memoize(obj);
}

// Recursion guard for the container savers (the C pickler's Py_EnterRecursiveCall).
struct Nesting {
  bool ok;
  Nesting() : ok(enter_native_recursion(" while pickling an object")) {}
  ~Nesting() {
    if (ok) leave_native_recursion();
  }
};

bool Dumper::save_tuple(Object* pickler, Object* obj) {
  ssize n = tuple_size(obj);
  if (n == 0) {
    write(')');  // EMPTY_TUPLE
    return true;
  }
  Nesting guard;
  if (!guard.ok) return false;
  bool small = n <= 3 && proto >= 2;
  if (!small) write('(');  // MARK
  for (ssize i = 0; i < n; ++i) {
    if (!save(pickler, tuple_items(obj)[i], true)) return false;
  }
  // A recursive tuple was memoized while its items were saved: drop them, fetch it.
  if (const MemoTable::Entry* e = memo.find(obj)) {
    ssize idx = e->index;
    if (small) {
      for (ssize i = 0; i < n; ++i) write('0');  // POP * n
    } else {
      write('1');  // POP_MARK
    }
    return write_get(idx);
  }
  write(small ? char(0x84 + n) : 't');  // TUPLE1..3 / TUPLE
  return memoize(obj);
}

bool Dumper::save_list(Object* pickler, Object* obj) {
  Nesting guard;
  if (!guard.ok) return false;
  write(']');  // EMPTY_LIST
  if (!memoize(obj)) return false;
  ssize n = list_size(obj);
  if (n == 0) return true;
  if (n == 1) {
    Ref item = Ref::borrow(list_items(obj)[0]);
    if (!save(pickler, item.get(), true)) return false;
    write('a');  // APPEND
    return true;
  }
  ssize total = 0;
  for (;;) {
    write('(');  // MARK
    ssize batch = 0;
    while (total < list_size(obj)) {
      Ref item = Ref::borrow(list_items(obj)[total]);
      if (!save(pickler, item.get(), true)) return false;
      ++total;
      if (++batch == kBatchSize) break;
    }
    write('e');  // APPENDS
    if (total >= list_size(obj)) return true;
  }
}

bool Dumper::save_dict(Object* pickler, Object* obj) {
  Nesting guard;
  if (!guard.ok) return false;
  write('}');  // EMPTY_DICT
  if (!memoize(obj)) return false;
  ssize size = dict_size(obj);
  if (size == 0) return true;
  auto changed = [&] {
    if (dict_size(obj) == size) return false;
    err_set_string(&Exc_RuntimeError, "dictionary changed size during iteration");
    return true;
  };
  ssize pos = 0;
  Object *k, *v;
  if (size == 1) {
    if (dict_next(obj, &pos, &k, &v)) {
      Ref key = Ref::borrow(k), value = Ref::borrow(v);
      if (!save(pickler, key.get(), true) || !save(pickler, value.get(), true)) return false;
    }
    write('s');  // SETITEM
    return !changed();
  }
  for (;;) {
    write('(');  // MARK
    ssize i = 0;
    while (dict_next(obj, &pos, &k, &v)) {
      Ref key = Ref::borrow(k), value = Ref::borrow(v);
      if (!save(pickler, key.get(), true) || !save(pickler, value.get(), true)) return false;
      if (changed()) return false;
      if (++i == kBatchSize) break;
    }
    write('u');  // SETITEMS
    if (changed()) return false;
    if (i != kBatchSize) return true;
  }
}

bool Dumper::save_set(Object* pickler, Object* obj) {
  Nesting guard;
  if (!guard.ok) return false;
  write('\x8f');  // EMPTY_SET
  if (!memoize(obj)) return false;
  ssize size = set_size(obj);
  if (size == 0) return true;
  auto changed = [&] {
    if (set_size(obj) == size) return false;
    err_set_string(&Exc_RuntimeError, "set changed size during iteration");
    return true;
  };
  ssize pos = 0;
  Object* k;
  for (;;) {
    write('(');  // MARK
    ssize i = 0;
    while (set_next(obj, &pos, &k)) {
      Ref item = Ref::borrow(k);
      if (!save(pickler, item.get(), true)) return false;
      if (changed()) return false;
      if (++i == kBatchSize) break;
    }
    write('\x90');  // ADDITEMS
    if (changed()) return false;
    if (i != kBatchSize) return true;
  }
}

bool Dumper::save_frozenset(Object* pickler, Object* obj) {
  Nesting guard;
  if (!guard.ok) return false;
  write('(');  // MARK
  ssize pos = 0;
  Object* k;
  while (set_next(obj, &pos, &k)) {
    if (!save(pickler, k, true)) return false;
  }
  if (const MemoTable::Entry* e = memo.find(obj)) {
    ssize idx = e->index;
    write('1');  // POP_MARK
    return write_get(idx);
  }
  write('\x91');  // FROZENSET
  return memoize(obj);
}

bool Dumper::save(Object* pickler, Object* obj, bool pers) {
  if (framing && !opcode_boundary()) return false;
  if (pers && persistent_id) {
    Ref r = Ref::steal(call_method1(pickler, "_save_pers", obj));
    if (!r) return false;
    if (r.get() == True) return true;
  }
  if (proto == 0) return save_py(pickler, obj);
  TypeObject* t = type_of(obj);
  // Atoms: never memoized.
  if (obj == None) {
    write('N');
    return true;
  }
  if (t == &BoolType) {
    if (proto >= 2) {
      write(obj == True ? '\x88' : '\x89');  // NEWTRUE / NEWFALSE
    } else {
      write(obj == True ? "I01\n" : "I00\n", 4);
    }
    return true;
  }
  if (t == &IntType) {
    if (proto < 2 && !(int_is_small(obj) && int_small_value(obj) >= -0x80000000LL &&
                       int_small_value(obj) <= 0x7fffffffLL)) {
      return save_py(pickler, obj);  // protocol 1's LONG is text
    }
    return save_int(obj);
  }
  if (t == &FloatType) {
    double d = float_value(obj);
    uint64_t bits;
    std::memcpy(&bits, &d, 8);
    char buf[9] = {'G'};  // BINFLOAT, big-endian
    for (int i = 0; i < 8; ++i) buf[1 + i] = char(bits >> (8 * (7 - i)));
    write(buf, 9);
    return true;
  }
  if (const MemoTable::Entry* e = memo.find(obj)) return write_get(e->index);
  if (t == &StrType) return save_str(obj);
  if (t == &TupleType) return save_tuple(pickler, obj);
  if (t == &ListType && !fast) return save_list(pickler, obj);
  if (t == &DictType && !fast) return save_dict(pickler, obj);
  if (t == &BytesType && proto >= 3) {
    return save_bytes_like('\x8e', obj, bytes_data(obj), bytes_size(obj));
  }
  if (proto >= 4) {
    if (t == &SetType) return save_set(pickler, obj);
    if (t == &FrozenSetType) return save_frozenset(pickler, obj);
  }
  if ((t == &TypeType || t == &FunctionType) && instance_tables && proto >= 4) {
    int r = save_global(pickler, obj);
    if (r != 0) return r > 0;
  }
  if (t == &ByteArrayType && proto >= 5) {
    auto* ba = static_cast<ByteArrayObject*>(obj);
    return save_bytes_like('\x96', obj, ba->data ? ba->data : "", ba->size);
  }
  if (instance_tables && proto >= 4 && (t->flags & TPFLAG_HEAPTYPE)) {
    int r = save_instance(pickler, obj);
    if (r != 0) return r > 0;
  }
  return save_py(pickler, obj);
}

// ---- classes and plain instances (protocol >= 4, no Python hooks in the Pickler) --------------
// save_global is Pickler.save_global for a class of metaclass `type` or a function found under
// its __module__ and undotted __qualname__ (STACK_GLOBAL). save_instance is the copyreg.__newobj__
// path of object.__reduce_ex__(proto) + save_reduce, for an instance of a class whose only
// built-in base is object, without __slots__ and with object's own __reduce_ex__, __reduce__,
// __getstate__, __getattribute__ and __class__ (NEWOBJ, then BUILD with the instance __dict__
// itself when it is not empty). Both return 0 without writing anything when the object is not
// that plain (the Python dispatcher then pickles it, raising the errors), 1 when done, -1 on error.
// The module is the one in sys.modules (CPython's save_global imports it, which for a module in
// sys.modules only returns it unless builtins.__import__ was replaced).

int Dumper::save_global(Object* pickler, Object* obj) {
  Ref name = Ref::steal(object_getattr(obj, str_intern_cstr_borrowed("__qualname__")));
  Ref module_name = Ref::steal(object_getattr(obj, str_intern_cstr_borrowed("__module__")));
  if (!name || !module_name || type_of(name.get()) != &StrType ||
      type_of(module_name.get()) != &StrType) {
    err_clear();  // Python looks them up again and raises
    return 0;
  }
  ssize n = 0;
  const char* text = str_as_utf8(name.get(), &n);
  if (!text || std::memchr(text, '.', size_t(n))) {
    err_clear();
    return 0;
  }
  Object* modules = sys_get_borrowed("modules");
  Object* module = modules && dict_check_exact(modules)
                       ? dict_get_borrowed(modules, module_name.get())
                       : nullptr;
  if (!module || type_of(module) != &ModuleType) {
    err_clear();
    return 0;
  }
  Object* found = dict_get_borrowed(module_get_dict_borrowed(module), name.get());
  if (found != obj || !g_config.extension_registry ||
      !dict_check_exact(g_config.extension_registry) ||
      dict_size(g_config.extension_registry) != 0) {
    err_clear();
    return 0;
  }
  if (!save(pickler, module_name.get(), true) || !save(pickler, name.get(), true)) return -1;
  write('\x93');  // STACK_GLOBAL
  return memoize(obj) ? 1 : -1;
}

int Dumper::save_instance(Object* pickler, Object* obj) {
  TypeObject* t = type_of(obj);
  if (type_of(as_object(t)) != &TypeType || t->itemsize || !t->new_) return 0;
  for (TypeObject* b = t; b != &ObjectType; b = b->base) {
    if (!b || !(b->flags & TPFLAG_HEAPTYPE)) return 0;  // a built-in base with its own state
    if (b->members && b->members[0].name) return 0;      // __slots__
  }
  for (const char* name : {"__reduce_ex__", "__reduce__", "__getstate__", "__getattribute__",
                           "__class__"}) {
    if (type_lookup_borrowed(t, str_intern_cstr_borrowed(name)) !=
        dict_get_str_borrowed(ObjectType.dict, name)) {
      return 0;
    }
  }
  for (const char* name : {"__getnewargs_ex__", "__getnewargs__"}) {
    if (type_lookup_borrowed(t, str_intern_cstr_borrowed(name))) return 0;
  }
  for (ssize i = 0; i < tuple_size(instance_tables); ++i) {
    Object* table = tuple_items(instance_tables)[i];
    if (!dict_check_exact(table) || dict_get_borrowed(table, as_object(t))) return 0;
  }
  // getattr(obj, '__reduce_ex__') and getattr(obj, '__getstate__') could find instance attributes.
  Object** slot = object_dict_slot(obj);
  if (slot && *slot) {
    for (const char* name : {"__reduce_ex__", "__getstate__"}) {
      Object* v = nullptr;
      int r = instance_attr_get(obj, slot, str_intern_cstr_borrowed(name), &v);
      if (r < 0) return -1;
      if (r > 0) {
        decref(v);
        return 0;
      }
    }
  }
  Nesting guard;
  if (!guard.ok) return -1;
  // The state: the instance __dict__ itself (object.__getstate__), None when empty.
  Object** dp = object_dict_ptr(obj);
  if (!dp && err_occurred()) return -1;
  Ref state = dp && *dp && dict_size(*dp) > 0 ? Ref::borrow(*dp) : Ref();
  Ref empty = Ref::steal(tuple_empty());
  if (!save(pickler, as_object(t), true) || !save(pickler, empty.get(), true)) return -1;
  write('\x81');  // NEWOBJ
  if (const MemoTable::Entry* e = memo.find(obj)) {
    ssize idx = e->index;
    write('0');  // POP
    return write_get(idx) ? 1 : -1;
  }
  if (!memoize(obj)) return -1;
  if (state) {
    if (!save(pickler, state.get(), true)) return -1;
    write('b');  // BUILD
  }
  return 1;
}

// ---- PicklerCore: the Python-facing methods
// ------------------------------------------------------- PicklerCore(proto, file_write):
// file_write is None for dumps().
Object* core_new(TypeObject* type, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("PicklerCore", kwnames) || !check_positional("PicklerCore", nargs, 2, 2)) {
    return nullptr;
  }
  ssize proto = int_as_ssize(args[0]);
  if (proto == -1 && err_occurred()) return nullptr;
  auto* self = alloc_object<PicklerCoreObject>(type);
  if (!self) return nullptr;
  self->d = new Dumper();
  self->d->proto = int(proto);
  if (args[1] != None) self->d->file_write = newref(args[1]);
  return self;
}

int core_clear(Object* o) {
  Dumper& d = dumper(o);
  clear_ref(&d.file_write);
  clear_ref(&d.persistent_id);
  clear_ref(&d.instance_tables);
  clear_ref(&d.adopted);
  d.memo.clear();
  return 0;
}

void core_dealloc(Object* o) {
  gc_untrack(o);
  core_clear(o);
  delete static_cast<PicklerCoreObject*>(o)->d;
  object_free(o);
}

int core_traverse(Object* o, visitproc visit, void* arg) {
  Dumper& d = dumper(o);
  for (Object* x : {d.file_write, d.persistent_id, d.instance_tables, d.adopted}) {
    if (x) {
      if (int r = visit(x, arg)) return r;
    }
  }
  for (const MemoTable::Entry& e : d.memo.slots()) {
    if (e.key) {
      if (int r = visit(e.key, arg)) return r;
    }
  }
  return 0;
}

Object* none_or_null(bool ok) {
  return ok ? newref(None) : nullptr;
}

// write(data)
Object* core_write(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("write", nargs, kwnames)) return nullptr;
  ByteView v;
  if (!get_byte_view(args[0], &v)) return nullptr;
  dumper(self).write(v.data, size_t(v.size));
  return newref(None);
}

// write_large(header, payload)
Object* core_write_large(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("write_large", kwnames) || !check_positional("write_large", nargs, 2, 2)) {
    return nullptr;
  }
  ByteView h, p;
  if (!get_byte_view(args[0], &h) || !get_byte_view(args[1], &p)) return nullptr;
  std::string header(h.data, size_t(h.size));
  return none_or_null(
      dumper(self).write_large(header.data(), header.size(), p.data, size_t(p.size), args[1]));
}

// memoize(obj)
Object* core_memoize(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("memoize", nargs, kwnames)) return nullptr;
  return none_or_null(dumper(self).memoize(args[0]));
}

// memo_get(obj, prefix) -> bool: if obj is memoized, write prefix then its GET and return True.
Object* core_memo_get(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("memo_get", kwnames) || !check_positional("memo_get", nargs, 2, 2)) {
    return nullptr;
  }
  Dumper& d = dumper(self);
  const MemoTable::Entry* e = d.memo.find(args[0]);
  if (!e) return newref(False);
  ssize idx = e->index;
  ByteView prefix;
  if (!get_byte_view(args[1], &prefix)) return nullptr;
  d.write(prefix.data, size_t(prefix.size));
  if (!d.write_get(idx)) return nullptr;
  return newref(True);
}

// memo_copy() -> {id(obj): (index, obj)}
Object* core_memo_copy(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("memo_copy", nargs, kwnames)) return nullptr;
  Ref result = Ref::steal(dict_new());
  if (!result) return nullptr;
  for (const MemoTable::Entry& e : dumper(self).memo.slots()) {
    if (!e.key) continue;
    Ref key = Ref::steal(int_from_u64(uint64_t(reinterpret_cast<uintptr_t>(e.key))));
    Ref idx = Ref::steal(int_from_ssize(e.index));
    if (!key || !idx) return nullptr;
    Ref value = Ref::steal(tuple_pack(2, idx.get(), e.key));
    if (!value || dict_setitem(result.get(), key.get(), value.get()) < 0) return nullptr;
  }
  return result.release();
}

// memo_clear()
Object* core_memo_clear(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("memo_clear", nargs, kwnames)) return nullptr;
  dumper(self).memo.clear();
  return newref(None);
}

// memo_load(pairs): replace the memo by a list of (index, obj) pairs (validated by the caller).
Object* core_memo_load(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("memo_load", nargs, kwnames)) return nullptr;
  Object* pairs = args[0];
  if (!list_check_exact(pairs)) return err_format(&Exc_TypeError, "memo_load() expects a list");
  MemoTable fresh;
  for (ssize i = 0; i < list_size(pairs); ++i) {
    Object* pair = list_items(pairs)[i];
    if (!tuple_check_exact(pair) || tuple_size(pair) != 2) {
      return err_format(&Exc_TypeError, "memo_load() expects (index, obj) pairs");
    }
    ssize idx = int_as_ssize(tuple_items(pair)[0]);
    if (idx == -1 && err_occurred()) return nullptr;
    fresh.set(tuple_items(pair)[1], idx);
  }
  Dumper& d = dumper(self);
  d.memo.clear();
  std::swap(d.memo, fresh);
  return newref(None);
}

void start_dump(Dumper& d) {
  d.out.clear();
  d.frame_start = -1;
  d.framing = false;
  if (d.proto >= 2) {
    char op[2] = {'\x80', char(d.proto)};  // PROTO
    d.write(op, 2);
    d.framing = d.proto >= 4;
  }
}

// begin(persistent_id, fast, instance_tables): start a dump: empty buffer, PROTO, framing from
// protocol 4. instance_tables: a tuple of the dispatch tables when plain instances may be pickled
// natively (no reducer_override, persistent_id or fast mode), else None.
Object* core_begin(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("begin", kwnames) || !check_positional("begin", nargs, 3, 3)) {
    return nullptr;
  }
  int fast = object_is_true(args[1]);
  if (fast < 0) return nullptr;
  if (args[2] != None && !tuple_check_exact(args[2])) {
    return err_format(&Exc_TypeError, "begin() expects a tuple of dispatch tables or None");
  }
  Dumper& d = dumper(self);
  d.fast = fast;
  setref(&d.persistent_id, args[0] == None ? nullptr : newref(args[0]));
  setref(&d.instance_tables, args[2] == None ? nullptr : newref(args[2]));
  start_dump(d);
  return newref(None);
}

// end(): STOP, then commit the open frame.
Object* core_end(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("end", nargs, kwnames)) return nullptr;
  Dumper& d = dumper(self);
  d.write('.');
  d.commit_frame();
  return newref(None);
}

// finish(): after a dump, successful or not: framing off, persistent_id dropped.
Object* core_finish(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("finish", nargs, kwnames)) return nullptr;
  Dumper& d = dumper(self);
  d.framing = false;
  clear_ref(&d.persistent_id);
  clear_ref(&d.instance_tables);
  return newref(None);
}

// flush(): hand the buffered output to file.write.
Object* core_flush(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("flush", nargs, kwnames)) return nullptr;
  Dumper& d = dumper(self);
  if (!d.file_write) return err_format(&Exc_ValueError, "flush() without a file");
  return none_or_null(d.flush());
}

// getvalue() -> bytes: the output of a dumps().
Object* core_getvalue(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("getvalue", nargs, kwnames)) return nullptr;
  Dumper& d = dumper(self);
  return bytes_from(d.out.data(), ssize(d.out.size()));
}

// save(pickler, obj, save_persistent_id)
Object* core_save(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("save", kwnames) || !check_positional("save", nargs, 3, 3)) return nullptr;
  int pers = object_is_true(args[2]);
  if (pers < 0) return nullptr;
  // Hold the core: a callback could drop the pickler's reference to it.
  Ref keep = Ref::borrow(self);
  return none_or_null(dumper(self).save(args[0], args[1], pers));
}

// ---- the native dumps entries -------------------------------------------------------------------
// A whole dump without a Python Pickler: a PicklerCore is made natively and the dispatcher runs
// with no pickler; the first object it leaves to Python makes one over that core
// (Dumper::adopt), which pickles it and every later such object, sharing the buffer and memo, so
// the output is the Python Pickler's.
Object* dump_native(Object* obj, int proto, bool fix_imports, Object* tables, Object* factory) {
  auto* core = alloc_object<PicklerCoreObject>(&PicklerCoreType);
  if (!core) return nullptr;
  core->d = new Dumper();
  Ref keep = Ref::steal(core);
  Dumper& d = *core->d;
  d.proto = proto;
  d.fix_imports = fix_imports;
  d.core = core;
  d.factory = factory;
  d.instance_tables = newref(tables);
  start_dump(d);
  Ref result;
  if (d.save(nullptr, obj, true)) {
    d.write('.');  // STOP
    d.commit_frame();
    result = Ref::steal(bytes_from(d.out.data(), ssize(d.out.size())));
  }
  d.framing = false;
  d.core = nullptr;
  d.factory = nullptr;
  clear_ref(&d.instance_tables);
  clear_ref(&d.adopted);
  return result.release();
}

// The protocol of a dumps() call when it is None or a plain int, else -1 (then the Python
// implementation validates it).
int plain_protocol(Object* p) {
  if (!p || p == None) return 4;  // DEFAULT_PROTOCOL
  if (type_of(p) != &IntType || !int_is_small(p)) return -1;
  int64_t v = int_small_value(p);
  if (v < 0) return 5;  // HIGHEST_PROTOCOL
  return v <= 5 ? int(v) : -1;
}

bool configured() {
  if (g_config.dumps_py) return true;
  err_set_string(&Exc_RuntimeError, "_pickle_accel is not configured");
  return false;
}

// dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None): pickle.dumps.
Object* accel_dumps(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kNames[] = {"obj", "protocol", "fix_imports", "buffer_callback",
                                       nullptr};
  static const ArgSpec kSpec{"dumps", kNames, 1, 2};
  Object* a[4];
  if (!configured() || !parse_args(kSpec, args, nargs, kwnames, a)) return nullptr;
  int proto = plain_protocol(a[1]);
  if (proto < 0 || (a[2] && type_of(a[2]) != &BoolType) || (a[3] && a[3] != None)) {
    return call(g_config.dumps_py, args, nargs, kwnames);
  }
  return dump_native(a[0], proto, a[2] != False, g_config.default_tables,
                     g_config.pickler_factory);
}

// dump_with(obj, protocol, tables, factory): dumps for a Pickler class without hooks whose
// dispatch tables are `tables`; factory(core, proto, fix_imports) makes the Pickler at the first
// object left to Python. NotImplemented when protocol is not None or a plain int.
Object* accel_dump_with(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("dump_with", kwnames) || !check_positional("dump_with", nargs, 4, 4)) {
    return nullptr;
  }
  if (!tuple_check_exact(args[2])) {
    return err_format(&Exc_TypeError, "dump_with() expects a tuple of dispatch tables");
  }
  int proto = plain_protocol(args[1]);
  if (proto < 0) return newref(NotImplemented);
  return dump_native(args[0], proto, true, args[2], args[3]);
}

const MethodDef kEntryMethods[] = {
    {"dumps", accel_dumps, METH_DEFAULT,
     "Return the pickled representation of the object as a bytes object.\n\n"
     "The optional *protocol* argument tells the pickler to use the given\n"
     "protocol; supported protocols are 0, 1, 2, 3, 4 and 5.  The default\n"
     "protocol is 4. It was introduced in Python 3.4, and is incompatible\n"
     "with previous versions.\n\n"
     "Specifying a negative protocol version selects the highest protocol\n"
     "version supported.  The higher the protocol used, the more recent the\n"
     "version of Python needed to read the pickle produced.\n\n"
     "If *fix_imports* is True and *protocol* is less than 3, pickle will\n"
     "try to map the new Python 3 names to the old module names used in\n"
     "Python 2, so that the pickle data stream is readable with Python 2.\n\n"
     "If *buffer_callback* is None (the default), buffer views are serialized\n"
     "into *file* as part of the pickle stream.  It is an error if\n"
     "*buffer_callback* is not None and *protocol* is None or smaller than 5."},
    {"loads", pickle_accel_loads, METH_DEFAULT,
     "Read and return an object from the given pickle data.\n\n"
     "The protocol version of the pickle is detected automatically, so no\n"
     "protocol argument is needed.  Bytes past the pickled object's\n"
     "representation are ignored.\n\n"
     "Optional keyword arguments are *fix_imports*, *encoding* and *errors*,\n"
     "which are used to control compatibility support for pickle stream\n"
     "generated by Python 2.  If *fix_imports* is True, pickle will try to\n"
     "map the old Python 2 names to the new names used in Python 3.  The\n"
     "*encoding* and *errors* tell pickle how to decode 8-bit string\n"
     "instances pickled by Python 2; these default to 'ASCII' and 'strict',\n"
     "respectively.  The *encoding* can be 'bytes' to read these 8-bit\n"
     "string instances as bytes objects."},
    {nullptr, nullptr, 0, nullptr},
};

// _configure(dumps_py, loads_py, pickler_factory, unpickler_factory, dispatch_table,
//            extension_registry, dispatch) -> (dumps, loads): the public entries, as functions
// of _pickle.
Object* accel_configure(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("_configure", kwnames) || !check_positional("_configure", nargs, 7, 7)) {
    return nullptr;
  }
  Ref tables = Ref::steal(tuple_pack(1, args[4]));
  if (!tables) return nullptr;
  Object** slots[] = {&g_config.dumps_py, &g_config.loads_py, &g_config.pickler_factory,
                      &g_config.unpickler_factory};
  for (int i = 0; i < 4; ++i) setref(slots[i], newref(args[i]));
  setref(&g_config.default_tables, tables.release());
  setref(&g_config.extension_registry, newref(args[5]));
  setref(&g_config.dispatch, newref(args[6]));
  Ref modname = Ref::steal(str_from_cstr("_pickle"));
  if (!modname) return nullptr;
  Ref dumps = Ref::steal(cfunction_new(&kEntryMethods[0], self, modname.get()));
  Ref loads = Ref::steal(cfunction_new(&kEntryMethods[1], self, modname.get()));
  if (!dumps || !loads) return nullptr;
  return tuple_pack(2, dumps.get(), loads.get());
}

const MethodDef kCoreMethods[] = {
    {"write", core_write, METH_DEFAULT, "Write bytes, opening a frame when framing."},
    {"write_large", core_write_large, METH_DEFAULT,
     "Write an opcode header and its payload; large payloads go outside frames."},
    {"memoize", core_memoize, METH_DEFAULT, "Enter obj in the memo and write its PUT."},
    {"memo_get", core_memo_get, METH_DEFAULT,
     "If obj is memoized, write prefix and its GET; return whether it was."},
    {"memo_copy", core_memo_copy, METH_DEFAULT, "The memo as {id(obj): (index, obj)}."},
    {"memo_clear", core_memo_clear, METH_DEFAULT, "Empty the memo."},
    {"memo_load", core_memo_load, METH_DEFAULT, "Replace the memo by (index, obj) pairs."},
    {"begin", core_begin, METH_DEFAULT, "Start a dump."},
    {"end", core_end, METH_DEFAULT, "Write STOP and commit the open frame."},
    {"finish", core_finish, METH_DEFAULT, "Leave the dump state."},
    {"flush", core_flush, METH_DEFAULT, "Write the buffered output to the file."},
    {"getvalue", core_getvalue, METH_DEFAULT, "The buffered output as bytes."},
    {"save", core_save, METH_DEFAULT, "Pickle obj (the Pickler's dispatcher)."},
    {nullptr, nullptr, 0, nullptr},
};

const MethodDef kAccelMethods[] = {
    {"load", pickle_accel_load, METH_DEFAULT,
     "load(unpickler, dispatch): run the Unpickler's opcode loop."},
    {"dump_with", accel_dump_with, METH_DEFAULT,
     "dump_with(obj, protocol, tables, factory): dumps for a Pickler class without hooks."},
    {"_configure", accel_configure, METH_DEFAULT,
     "_configure(dumps_py, loads_py, pickler_factory, unpickler_factory, dispatch_table, "
     "extension_registry, dispatch) -> (dumps, loads)"},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

Object* pickle_accel_module_init() {
  if (!(PicklerCoreType.flags & TPFLAG_READY)) {
    TypeObject* t = &PicklerCoreType;
    t->ob_type = &TypeType;
    make_immortal(t);
    t->name = "_pickle_accel.PicklerCore";
    t->basicsize = sizeof(PicklerCoreObject);
    t->flags = TPFLAG_HAVE_GC;
    t->dealloc = core_dealloc;
    t->traverse = core_traverse;
    t->clear = core_clear;
    t->new_ = core_new;
    t->methods = kCoreMethods;
    t->doc = "PicklerCore(proto, file_write): a Pickler's output buffer, framing and memo";
    if (type_ready(t) < 0) return nullptr;
  }
  Ref m = Ref::steal(module_new("_pickle_accel"));
  if (!m || module_add_functions(m.get(), kAccelMethods) < 0 ||
      module_add_object(m.get(), "PicklerCore", as_object(&PicklerCoreType)) < 0) {
    return nullptr;
  }
  return m.release();
}

}  // namespace gilpy

// `_pickle_accel.load(unpickler, dispatch)`: the opcode loop of lib/_pickle.py's Unpickler.load.
//
// The Unpickler's state stays in its Python attributes, which the Python opcode handlers use:
// `_data` (bytes; anything else is left to Python) and `_pos` (the read position in it), `_stack`
// (the object stack, a list), `_marks` (list of stack lengths at MARK) and `_fence` (the top mark,
// or 0),
// `_memo` (dict int -> object). The loop reads `_data`/`_pos`/`_fence`/`_memo` into locals and
// runs the common opcodes natively while their whole argument is in `_data` and the stack is as
// the opcode expects (the data types' opcodes, containers built from the stack, memo GET/PUT,
// MARK/POP/DUP, FRAME of an in-memory pickle). Anything else, including every irregular case
// (short data, stack underflow, a missing memo entry, non-exact container targets, undecodable
// strings), is left to the Python handler `dispatch[key](unpickler)`: the locals are written
// back, the handler runs (reading more input from the file, raising the loader's exact errors)
// and the locals are re-read. A native step either completes or changes nothing, so the Python
// handler always sees the state the opcode started from.
//
// NEWOBJ of a class using object.__new__ with no arguments and BUILD of a str-keyed dict into a
// plain instance (no __setstate__/__getattr__/__getattribute__) also run natively.
//
// pickle.loads (pickle_accel_loads) runs the same loop with its state in locals and no Python
// Unpickler: STACK_GLOBAL of an undotted attribute of a module in sys.modules runs natively
// (Unpickler.find_class's result), and the first opcode left to Python makes a _BytesUnpickler
// (Loader::adopt), hands it the stack, marks, memo and protocol, and the loop goes on as above.
// Unusual arguments (non-bytes data, buffers) go to _pickle._loads_py.
//
// The stack list is only ever truncated (del stack[k:]) or appended to here; items moved into a
// new container are held by the container before they leave the stack. GIL held throughout.
#include <cstring>
#include <string_view>

#include "core/abstract.h"
#include "core/args.h"
#include "core/error.h"
#include "modules/pickle_fast.h"
#include "objects/bytesobject.h"
#include "objects/containers.h"
#include "objects/dict_instance.h"
#include "objects/moduleobject.h"
#include "objects/floatobject.h"
#include "objects/intobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"
#include "vm/state.h"

namespace gilpy {

namespace {

struct Loader {
  Object* u;         // the Unpickler (borrowed from the caller, or owned_u), null until adopt()
  Object* dispatch;  // list of 256 handlers or None
  Ref stack, marks, memo, data;
  const uint8_t* buf = nullptr;
  ssize len = 0, pos = 0, fence = 0;
  bool in_memory = false;  // no file: FRAME can be skipped natively
  // Native loads (pickle_accel_loads): find_class is Unpickler's own, so STACK_GLOBAL of a
  // loaded module's attribute runs natively; the protocol is tracked here; the Unpickler made by
  // adopt() (owned_u) takes the state over at the first opcode left to Python.
  bool native_globals = false;
  int proto = 0;
  Ref owned_u;
  Object* fix_imports = nullptr;  // the loads() arguments for adopt() (borrowed; null: default)
  Object* encoding = nullptr;
  Object* errors = nullptr;

  bool get_ssize_attr(const char* name, ssize* out) {
    Ref v = Ref::steal(object_getattr_str(u, name));
    if (!v) return false;
    *out = int_as_ssize(v.get());
    return !(*out == -1 && err_occurred());
  }
  bool set_ssize_attr(const char* name, ssize v) {
    Ref o = Ref::steal(int_from_ssize(v));
    return o && object_setattr_str(u, name, o.get()) >= 0;
  }

  // Re-read the state a Python handler may have changed.
  bool sync_in() {
    if (!u) return true;
    data = Ref::steal(object_getattr_str(u, "_data"));
    if (!data) return false;
    if (type_of(data.get()) == &BytesType) {
      buf = reinterpret_cast<const uint8_t*>(bytes_data(data.get()));
      len = bytes_size(data.get());
    } else {  // a bytearray from a file's read(): the Python handlers read it
      buf = nullptr;
      len = 0;
    }
    memo = Ref::steal(object_getattr_str(u, "_memo"));
    return memo && get_ssize_attr("_pos", &pos) && get_ssize_attr("_fence", &fence);
  }
  bool sync_out() {
    return !u || (set_ssize_attr("_pos", pos) && set_ssize_attr("_fence", fence));
  }

  // Native loads: the Python Unpickler (lib/_pickle.py's _BytesUnpickler), made over the state
  // so far.
  bool adopt() {
    if (u) return true;
    Ref enc = Ref::borrow(encoding), err = Ref::borrow(errors);
    if (!enc) enc = Ref::steal(str_from_cstr("ASCII"));
    if (!err) err = Ref::steal(str_from_cstr("strict"));
    if (!enc || !err) return false;
    Object* args[5] = {data.get(), fix_imports ? fix_imports : True, enc.get(), err.get(), None};
    owned_u = Ref::steal(call(g_config.unpickler_factory, args, 5));
    if (!owned_u) return false;
    Ref p = Ref::steal(int_from_i64(proto));
    if (!p) return false;
    Object* o = owned_u.get();
    if (object_setattr_str(o, "_stack", stack.get()) < 0 ||
        object_setattr_str(o, "_marks", marks.get()) < 0 ||
        object_setattr_str(o, "_memo", memo.get()) < 0 ||
        object_setattr_str(o, "proto", p.get()) < 0 ||
        object_setattr_str(o, "_persistent_load", None) < 0) {
      return false;
    }
    u = o;
    return true;
  }

  ssize size() const { return list_size(stack.get()); }
  Object* top() const { return list_items(stack.get())[size() - 1]; }
  bool push_steal(Object* o) {
    if (!o) return false;
    int r = list_append(stack.get(), o);
    decref(o);
    return r >= 0;
  }
  // del stack[k:]
  bool truncate(ssize k) {
    if (k >= size()) return true;
    Ref start = Ref::steal(int_from_ssize(k));
    if (!start) return false;
    Ref sl = Ref::steal(slice_new(start.get(), nullptr, nullptr));
    return sl && object_delitem(stack.get(), sl.get()) >= 0;
  }
  // Pop the top mark (the caller checked there is one).
  ssize pop_mark() {
    Object* ml = marks.get();
    ssize n = list_size(ml);
    ssize mark = int_small_value(list_items(ml)[n - 1]);
    ssize prev = n >= 2 ? int_small_value(list_items(ml)[n - 2]) : 0;
    Ref k = Ref::steal(int_from_ssize(n - 1));
    Ref sl = Ref::steal(slice_new(k.get(), nullptr, nullptr));
    if (!sl || object_delitem(ml, sl.get()) < 0) return -1;
    fence = prev;
    return mark;
  }
  // The top mark and the one below it, when the marks are plain ints (always, unless a handler
  // was replaced); false sends the opcode to Python.
  bool peek_marks(ssize* mark, ssize* below) {
    Object* ml = marks.get();
    ssize n = list_size(ml);
    if (n == 0) return false;
    for (ssize i = n >= 2 ? n - 2 : n - 1; i < n; ++i) {
      Object* m = list_items(ml)[i];
      if (type_of(m) != &IntType || !int_is_small(m)) return false;
    }
    *mark = int_small_value(list_items(ml)[n - 1]);
    *below = n >= 2 ? int_small_value(list_items(ml)[n - 2]) : 0;
    return *mark >= 0 && *mark <= size();
  }

  uint32_t u32(ssize at) const {
    return uint32_t(buf[at]) | uint32_t(buf[at + 1]) << 8 | uint32_t(buf[at + 2]) << 16 |
           uint32_t(buf[at + 3]) << 24;
  }
  bool have(ssize n) const { return pos + n <= len; }

  bool memo_get(ssize idx) {
    Ref key = Ref::steal(int_from_ssize(idx));
    if (!key) return false;
    Object* v = dict_get_borrowed(memo.get(), key.get());
    if (!v) return false;
    return push_steal(newref(v));
  }
  bool memo_put(ssize idx) {
    Ref key = Ref::steal(int_from_ssize(idx));
    return key && dict_setitem(memo.get(), key.get(), top()) >= 0;
  }

  // The items stack[start:] as a new tuple, removed from the stack.
  Object* pop_tuple(ssize start) {
    ssize n = size() - start;
    Ref t = Ref::steal(tuple_from_array(list_items(stack.get()) + start, n));
    if (!t || !truncate(start)) return nullptr;
    return t.release();
  }

  // One opcode natively: 1 = done, 0 = leave it to Python (nothing changed), -1 = error.
  int step(uint8_t key);
  int stack_global();
  int newobj();
  int build();
  Object* run();
  bool loop();
  Object* pop_result();
};

// object's own methods, compared by identity with what a class resolves.
bool resolves_to_object(TypeObject* t, const char* name) {
  return type_lookup_borrowed(t, str_intern_cstr_borrowed(name)) ==
         dict_get_str_borrowed(ObjectType.dict, name);
}

// STACK_GLOBAL (protocol >= 4, Unpickler.find_class): an undotted attribute of a module already
// in sys.modules.
int Loader::stack_global() {
  if (!native_globals || proto < 4 || size() - 2 < fence) return 0;
  Object* module_name = list_items(stack.get())[size() - 2];
  Object* name = list_items(stack.get())[size() - 1];
  if (type_of(module_name) != &StrType || type_of(name) != &StrType) return 0;
  ssize n = 0;
  const char* text = str_as_utf8(name, &n);
  if (!text || std::memchr(text, '.', size_t(n)) || std::string_view(text, size_t(n)) == "<locals>") {
    err_clear();
    return 0;
  }
  Object* modules = sys_get_borrowed("modules");
  Object* module =
      modules && dict_check_exact(modules) ? dict_get_borrowed(modules, module_name) : nullptr;
  Object* found = module && type_of(module) == &ModuleType
                      ? dict_get_borrowed(module_get_dict_borrowed(module), name)
                      : nullptr;
  if (!found) {
    err_clear();
    return 0;
  }
  Ref keep = Ref::borrow(found);
  if (!truncate(size() - 2)) return -1;
  return push_steal(keep.release()) ? 1 : -1;
}

// NEWOBJ with no arguments of a class whose __new__ is object's.
int Loader::newobj() {
  if (size() - 2 < fence) return 0;
  Object* cls = list_items(stack.get())[size() - 2];
  Object* args = list_items(stack.get())[size() - 1];
  if (type_of(args) != &TupleType || tuple_size(args) != 0 || type_of(cls) != &TypeType ||
      !resolves_to_object(static_cast<TypeObject*>(cls), "__new__")) {
    return 0;
  }
  Ref obj = Ref::steal(call1(dict_get_str_borrowed(ObjectType.dict, "__new__"), cls));
  if (!obj || !truncate(size() - 2)) return -1;
  return push_steal(obj.release()) ? 1 : -1;
}

// BUILD of a dict of str keys into the instance attributes of a class without __setstate__,
// __getattr__ or its own __getattribute__.
int Loader::build() {
  if (size() - 2 < fence) return 0;
  Object* inst = list_items(stack.get())[size() - 2];
  Object* state = list_items(stack.get())[size() - 1];
  TypeObject* t = type_of(inst);
  if (!(t->flags & TPFLAG_HEAPTYPE) || type_of(as_object(t)) != &TypeType ||
      type_lookup_borrowed(t, str_intern_cstr_borrowed("__setstate__")) ||
      type_lookup_borrowed(t, str_intern_cstr_borrowed("__getattr__")) ||
      !resolves_to_object(t, "__getattribute__")) {
    return 0;
  }
  Object** dp = object_dict_slot(inst);
  if (!dp || (state != None && type_of(state) != &DictType)) return 0;
  if (*dp) {
    Object* v = nullptr;
    int r = instance_attr_get(inst, dp, str_intern_cstr_borrowed("__setstate__"), &v);
    if (r < 0) return -1;
    if (r > 0) {
      decref(v);
      return 0;
    }
  }
  ssize pos = 0;
  Object *k, *v;
  if (state != None) {
    while (dict_next(state, &pos, &k, &v)) {
      if (type_of(k) != &StrType) return 0;
    }
  }
  Ref keep_inst = Ref::borrow(inst), keep_state = Ref::borrow(state);
  if (!truncate(size() - 1)) return -1;
  if (state == None) return 1;
  pos = 0;
  while (dict_next(state, &pos, &k, &v)) {
    Ref key = Ref::steal(str_intern(newref(k)));
    Ref value = Ref::borrow(v);
    if (!key || instance_attr_set(inst, dp, key.get(), value.get()) < 0) return -1;
  }
  return 1;
}

int Loader::step(uint8_t key) {
  switch (key) {
    case '(': {  // MARK
      Ref m = Ref::steal(int_from_ssize(size()));
      if (!m || list_append(marks.get(), m.get()) < 0) return -1;
      fence = size();
      return 1;
    }
    case '0':  // POP (a pop that removes a mark is Python's)
      if (size() <= fence || (list_size(marks.get()) && fence == size())) return 0;
      return truncate(size() - 1) ? 1 : -1;
    case '1': {  // POP_MARK
      ssize mark, below;
      if (!peek_marks(&mark, &below)) return 0;
      if (pop_mark() < 0 || !truncate(mark)) return -1;
      return 1;
    }
    case '2':  // DUP
      if (size() <= fence) return 0;
      return list_append(stack.get(), top()) >= 0 ? 1 : -1;
    case 'N':
      return push_steal(newref(None)) ? 1 : -1;
    case 0x88:
      return push_steal(newref(True)) ? 1 : -1;
    case 0x89:
      return push_steal(newref(False)) ? 1 : -1;
    case 'K':  // BININT1
      if (!have(1)) return 0;
      pos += 1;
      return push_steal(int_from_i64(buf[pos - 1])) ? 1 : -1;
    case 'M':  // BININT2
      if (!have(2)) return 0;
      pos += 2;
      return push_steal(int_from_i64(buf[pos - 2] | buf[pos - 1] << 8)) ? 1 : -1;
    case 'J':  // BININT
      if (!have(4)) return 0;
      pos += 4;
      return push_steal(int_from_i64(int32_t(u32(pos - 4)))) ? 1 : -1;
    case 0x8a: {  // LONG1 of at most 8 bytes
      if (!have(1) || buf[pos] > 8 || !have(1 + buf[pos])) return 0;
      ssize n = buf[pos];
      uint64_t v = 0;
      for (ssize i = 0; i < n; ++i) v |= uint64_t(buf[pos + 1 + i]) << (8 * i);
      if (n > 0 && n < 8 && (buf[pos + n] & 0x80)) v |= ~uint64_t(0) << (8 * n);
      pos += 1 + n;
      return push_steal(int_from_i64(int64_t(v))) ? 1 : -1;
    }
    case 'G': {  // BINFLOAT
      if (!have(8)) return 0;
      uint64_t bits = 0;
      for (int i = 0; i < 8; ++i) bits = bits << 8 | buf[pos + i];
      double d;
      std::memcpy(&d, &bits, 8);
      pos += 8;
      return push_steal(float_from_double(d)) ? 1 : -1;
    }
    case 0x8c:   // SHORT_BINUNICODE
    case 'X': {  // BINUNICODE
      ssize hn = key == 'X' ? 4 : 1;
      if (!have(hn)) return 0;
      ssize n = key == 'X' ? ssize(u32(pos)) : buf[pos];
      if (!have(hn + n)) return 0;
      Object* s = str_decode_utf8(reinterpret_cast<const char*>(buf + pos + hn), n, "strict");
      if (!s) {  // surrogates (surrogatepass) or invalid data: Python decodes or raises
        err_clear();
        return 0;
      }
      pos += hn + n;
      return push_steal(s) ? 1 : -1;
    }
    case 'C':    // SHORT_BINBYTES
    case 'B': {  // BINBYTES
      ssize hn = key == 'B' ? 4 : 1;
      if (!have(hn)) return 0;
      ssize n = key == 'B' ? ssize(u32(pos)) : buf[pos];
      if (!have(hn + n)) return 0;
      pos += hn + n;
      return push_steal(bytes_from(reinterpret_cast<const char*>(buf + pos - n), n)) ? 1 : -1;
    }
    case ')':
      return push_steal(tuple_empty()) ? 1 : -1;
    case ']':
      return push_steal(list_new(0)) ? 1 : -1;
    case '}':
      return push_steal(dict_new()) ? 1 : -1;
    case 0x8f:
      return push_steal(set_new(nullptr)) ? 1 : -1;
    case 0x85:
    case 0x86:
    case 0x87: {  // TUPLE1..3
      ssize n = key - 0x84;
      if (size() - n < fence) return 0;
      return push_steal(pop_tuple(size() - n)) ? 1 : -1;
    }
    case 't':     // TUPLE
    case 0x91: {  // FROZENSET
      ssize mark, below;
      if (!peek_marks(&mark, &below)) return 0;
      if (pop_mark() < 0) return -1;
      Ref items = Ref::steal(pop_tuple(mark));
      if (!items) return -1;
      return push_steal(key == 't' ? items.release() : frozenset_new(items.get())) ? 1 : -1;
    }
    case 'a': {  // APPEND onto an exact list
      ssize x = size() - 1;
      if (x <= fence || !list_check_exact(list_items(stack.get())[x - 1])) return 0;
      Ref item = Ref::borrow(top());
      if (list_append(list_items(stack.get())[x - 1], item.get()) < 0) return -1;
      return truncate(x) ? 1 : -1;
    }
    case 'e':     // APPENDS onto an exact list
    case 0x90: {  // ADDITEMS into an exact set
      ssize mark, below;
      if (!peek_marks(&mark, &below) || mark <= below) return 0;
      Object* target = list_items(stack.get())[mark - 1];
      if (key == 'e' ? !list_check_exact(target) : type_of(target) != &SetType) return 0;
      Ref keep = Ref::borrow(target);
      if (pop_mark() < 0) return -1;
      Ref items = Ref::steal(pop_tuple(mark));
      if (!items) return -1;
      for (ssize i = 0; i < tuple_size(items.get()); ++i) {
        Object* it = tuple_items(items.get())[i];
        if ((key == 'e' ? list_append(target, it) : set_add(target, it)) < 0) return -1;
      }
      return 1;
    }
    case 's':    // SETITEM into an exact dict
    case 'u': {  // SETITEMS
      ssize x, below = fence;
      if (key == 's') {
        x = size() - 2;
      } else if (!peek_marks(&x, &below)) {
        return 0;
      }
      if (x <= below || (size() - x) % 2 || !dict_check_exact(list_items(stack.get())[x - 1])) {
        return 0;
      }
      if (key == 'u' && pop_mark() < 0) return -1;
      Ref target = Ref::borrow(list_items(stack.get())[x - 1]);
      Ref items = Ref::steal(pop_tuple(x));
      if (!items) return -1;
      for (ssize i = 0; i + 1 < tuple_size(items.get()); i += 2) {
        if (dict_setitem(target.get(), tuple_items(items.get())[i],
                         tuple_items(items.get())[i + 1]) < 0) {
          return -1;
        }
      }
      return 1;
    }
    case 'h':  // BINGET
      if (!have(1) || !memo_get(buf[pos])) return err_occurred() ? -1 : 0;
      pos += 1;
      return 1;
    case 'j':  // LONG_BINGET
      if (!have(4) || !memo_get(ssize(u32(pos)))) return err_occurred() ? -1 : 0;
      pos += 4;
      return 1;
    case 'q':  // BINPUT
      if (!have(1) || size() <= fence) return 0;
      pos += 1;
      return memo_put(buf[pos - 1]) ? 1 : -1;
    case 'r':  // LONG_BINPUT
      if (!have(4) || size() <= fence) return 0;
      pos += 4;
      return memo_put(ssize(u32(pos - 4))) ? 1 : -1;
    case 0x94: {  // MEMOIZE
      if (size() <= fence) return 0;
      ssize n = dict_size(memo.get());
      return memo_put(n) ? 1 : -1;
    }
    case 0x80: {  // PROTO
      if (!have(1) || buf[pos] > 5) return 0;
      if (u) {
        Ref p = Ref::steal(int_from_i64(buf[pos]));
        if (!p || object_setattr_str(u, "proto", p.get()) < 0) return -1;
      }
      proto = buf[pos];
      pos += 1;
      return 1;
    }
    case 0x93:  // STACK_GLOBAL
      return stack_global();
    case 0x81:  // NEWOBJ
      return newobj();
    case 'b':  // BUILD
      return build();
    case 0x95: {  // FRAME of an in-memory pickle: only checked for presence
      if (!in_memory || !have(8)) return 0;
      uint64_t n = uint64_t(u32(pos)) | uint64_t(u32(pos + 4)) << 32;
      if (n > uint64_t(len - pos - 8)) return 0;
      pos += 8;
      return 1;
    }
    default:
      return 0;
  }
}

// Unpickler.load's loop over the Unpickler's state.
Object* Loader::run() {
  stack = Ref::steal(object_getattr_str(u, "_stack"));
  marks = Ref::steal(object_getattr_str(u, "_marks"));
  if (!stack || !marks || !sync_in()) return nullptr;
  if (!list_check_exact(stack.get()) || !list_check_exact(marks.get())) {
    return err_format(&Exc_TypeError, "load() needs the Unpickler's lists");
  }
  {
    Ref fr = Ref::steal(object_getattr_str(u, "_file_read"));
    if (!fr) return nullptr;
    in_memory = fr.get() == None;
  }
  return loop() ? newref(None) : nullptr;
}

// The opcodes up to STOP.
bool Loader::loop() {
  if (!list_check_exact(dispatch) || list_size(dispatch) != 256) {
    err_format(&Exc_TypeError, "load() needs the dispatch list");
    return false;
  }
  for (;;) {
    uint8_t key;
    if (pos < len) {
      key = buf[pos++];
    } else {  // more input from the file, or EOFError
      if (!adopt() || !sync_out()) return false;
      Ref k = Ref::steal(call_method0(u, "_next_key"));
      if (!k || !sync_in()) return false;
      key = uint8_t(int_small_value(k.get()));
    }
    if (key == '.') break;  // STOP
    if (dict_check_exact(memo.get())) {
      int r = step(key);
      if (r < 0) return false;
      if (r > 0) continue;
    }
    if (!adopt() || !sync_out()) return false;
    Object* handler = list_items(dispatch)[key];
    Ref r;
    if (handler == None) {
      Ref k = Ref::steal(int_from_i64(key));
      if (!k) return false;
      r = Ref::steal(call_method1(u, "_invalid_key", k.get()));
    } else {
      Ref h = Ref::borrow(handler);
      r = Ref::steal(call1(h.get(), u));
    }
    if (!r || !sync_in()) return false;
  }
  return sync_out();
}

// After STOP: the top of the stack (Unpickler._pop raises the underflow errors).
Object* Loader::pop_result() {
  if (size() > fence) {
    Ref result = Ref::borrow(top());
    return truncate(size() - 1) ? result.release() : nullptr;
  }
  if (!adopt() || !sync_out()) return nullptr;
  return call_method0(u, "_pop");
}

}  // namespace

Object* pickle_accel_load(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("load", kwnames) || !check_positional("load", nargs, 2, 2)) return nullptr;
  Loader l{args[0], args[1]};
  return l.run();
}

Object* pickle_accel_loads(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kNames[] = {"", "fix_imports", "encoding", "errors", "buffers",
                                       nullptr};
  static const ArgSpec kSpec{"loads", kNames, 1, 1};
  Object* a[5];
  if (!parse_args(kSpec, args, nargs, kwnames, a)) return nullptr;
  if (!g_config.loads_py) return err_format(&Exc_RuntimeError, "_pickle_accel is not configured");
  if (type_of(a[0]) != &BytesType || (a[1] && type_of(a[1]) != &BoolType) ||
      (a[2] && type_of(a[2]) != &StrType) || (a[3] && type_of(a[3]) != &StrType) ||
      (a[4] && a[4] != None)) {
    return call(g_config.loads_py, args, nargs, kwnames);
  }
  Loader l{nullptr, g_config.dispatch};
  l.native_globals = true;
  l.in_memory = true;
  l.fix_imports = a[1];
  l.encoding = a[2];
  l.errors = a[3];
  l.data = Ref::borrow(a[0]);
  l.buf = reinterpret_cast<const uint8_t*>(bytes_data(a[0]));
  l.len = bytes_size(a[0]);
  l.stack = Ref::steal(list_new(0));
  l.marks = Ref::steal(list_new(0));
  l.memo = Ref::steal(dict_new());
  if (!l.stack || !l.marks || !l.memo || !l.loop()) return nullptr;
  return l.pop_result();
}

}  // namespace gilpy

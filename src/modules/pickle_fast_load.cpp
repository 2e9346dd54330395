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
// The stack list is only ever truncated (del stack[k:]) or appended to here; items moved into a
// new container are held by the container before they leave the stack. GIL held throughout.
#include <cstring>

#include "core/abstract.h"
#include "core/args.h"
#include "core/error.h"
#include "modules/pickle_fast.h"
#include "objects/bytesobject.h"
#include "objects/containers.h"
#include "objects/floatobject.h"
#include "objects/intobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"

namespace gilpy {

namespace {

struct Loader {
  Object* u;         // the Unpickler (borrowed from the caller)
  Object* dispatch;  // list of 256 handlers or None
  Ref stack, marks, memo, data;
  const uint8_t* buf = nullptr;
  ssize len = 0, pos = 0, fence = 0;
  bool in_memory = false;  // no file: FRAME can be skipped natively

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
  bool sync_out() { return set_ssize_attr("_pos", pos) && set_ssize_attr("_fence", fence); }

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
  Object* run();
};

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
      Ref proto = Ref::steal(int_from_i64(buf[pos]));
      if (!proto || object_setattr_str(u, "proto", proto.get()) < 0) return -1;
      pos += 1;
      return 1;
    }
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

Object* Loader::run() {
  stack = Ref::steal(object_getattr_str(u, "_stack"));
  marks = Ref::steal(object_getattr_str(u, "_marks"));
  if (!stack || !marks || !sync_in()) return nullptr;
  if (!list_check_exact(stack.get()) || !list_check_exact(marks.get()) ||
      !list_check_exact(dispatch) || list_size(dispatch) != 256) {
    return err_format(&Exc_TypeError, "load() needs the Unpickler's lists");
  }
  {
    Ref fr = Ref::steal(object_getattr_str(u, "_file_read"));
    if (!fr) return nullptr;
    in_memory = fr.get() == None;
  }
  for (;;) {
    uint8_t key;
    if (pos < len) {
      key = buf[pos++];
    } else {  // more input from the file, or EOFError
      if (!sync_out()) return nullptr;
      Ref k = Ref::steal(call_method0(u, "_next_key"));
      if (!k || !sync_in()) return nullptr;
      key = uint8_t(int_small_value(k.get()));
    }
    if (key == '.') break;  // STOP
    if (dict_check_exact(memo.get())) {
      int r = step(key);
      if (r < 0) return nullptr;
      if (r > 0) continue;
    }
    if (!sync_out()) return nullptr;
    Object* handler = list_items(dispatch)[key];
    Ref r;
    if (handler == None) {
      Ref k = Ref::steal(int_from_i64(key));
      if (!k) return nullptr;
      r = Ref::steal(call_method1(u, "_invalid_key", k.get()));
    } else {
      Ref h = Ref::borrow(handler);
      r = Ref::steal(call1(h.get(), u));
    }
    if (!r || !sync_in()) return nullptr;
  }
  if (!sync_out()) return nullptr;
  return newref(None);
}

}  // namespace

Object* pickle_accel_load(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("load", kwnames) || !check_positional("load", nargs, 2, 2)) return nullptr;
  Loader l{args[0], args[1]};
  return l.run();
}

}  // namespace gilpy

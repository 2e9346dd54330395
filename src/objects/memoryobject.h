// The buffer protocol and memoryview (objects/memoryobject.cpp).
//
// BUFFER PROTOCOL. An "exporter" lends the memory it owns to a "consumer" through a BufferView,
// as CPython's Py_buffer / PyObject_GetBuffer / PyBuffer_Release (the flag values are CPython's
// PyBUF_* values, so the future C extension API can pass them through unchanged):
//
//   BufferView v;
//   if (get_buffer(obj, &v, BUF_SIMPLE) < 0) return nullptr;   // TypeError / BufferError set
//   ... read v.buf[0 .. v.len) ...
//   release_buffer(&v);
//
// While a view is held the exporter keeps the memory where it is: bytearray counts its exports
// and refuses to resize ("BufferError: Existing exports of data: object cannot be re-sized"), a
// memoryview refuses release() ("memoryview has 1 exported buffer"). A filled BufferView must not
// be copied or moved (shape/strides may point into the view itself); release it exactly once.
//
// Exporters are found through a registry keyed by type, not a TypeObject slot:
// buffer_register_type(&MyType, &kMyBufferProcs) at type-init time; subclasses inherit it (the
// lookup walks the `base` chain). bytes and bytearray register theirs in their own init
// functions, memoryview in init_memoryview_type() (called from init_bytes_types()). The extension API can expose this as
// a `bf_getbuffer`/`bf_releasebuffer` pair on its type spec, calling buffer_register_type when
// the type is created. Python classes defining __buffer__ (PEP 688) are exporters too: their
// __buffer__(flags) must return a memoryview, whose buffer is exported.
//
// For the common case "give me the bytes" (contiguous, no lifetime beyond the current call)
// bytesobject.h's get_byte_view() also accepts every exporter.
//
// MEMORYVIEW follows CPython 3.12 for 1-D and C-contiguous N-D views: indexing, slicing (views,
// with steps), item/slice assignment, tobytes/tolist/hex/cast/toreadonly/release, the context
// manager, comparisons and hashing. All views created from one export (slices, casts,
// memoryview(mv)) share one "managed buffer", released when the last of them is released.
#pragma once

#include "core/type.h"

namespace gilpy {

// Request flags (CPython's PyBUF_* values).
enum : int {
  BUF_SIMPLE = 0,
  BUF_WRITABLE = 0x0001,
  BUF_FORMAT = 0x0004,
  BUF_ND = 0x0008,
  BUF_STRIDES = 0x0010 | BUF_ND,
  BUF_C_CONTIGUOUS = 0x0020 | BUF_STRIDES,
  BUF_F_CONTIGUOUS = 0x0040 | BUF_STRIDES,
  BUF_ANY_CONTIGUOUS = 0x0080 | BUF_STRIDES,
  BUF_INDIRECT = 0x0100 | BUF_STRIDES,
  BUF_CONTIG = BUF_ND | BUF_WRITABLE,
  BUF_CONTIG_RO = BUF_ND,
  BUF_STRIDED = BUF_STRIDES | BUF_WRITABLE,
  BUF_STRIDED_RO = BUF_STRIDES,
  BUF_RECORDS = BUF_STRIDES | BUF_WRITABLE | BUF_FORMAT,
  BUF_RECORDS_RO = BUF_STRIDES | BUF_FORMAT,
  BUF_FULL = BUF_INDIRECT | BUF_WRITABLE | BUF_FORMAT,
  BUF_FULL_RO = BUF_INDIRECT | BUF_FORMAT,
};
constexpr int kBufferMaxNdim = 64;

struct BufferView {
  Object* obj = nullptr;     // owned reference to the exporter; null when empty / released
  char* buf = nullptr;       // start of the memory (first item)
  ssize len = 0;             // bytes: product(shape) * itemsize
  ssize itemsize = 1;
  bool readonly = true;
  int ndim = 1;
  const char* format = "B";  // struct-module syntax; owned by the exporter (valid until release)
  ssize* shape = nullptr;    // ndim entries (always filled; may point at shape1)
  ssize* strides = nullptr;  // ndim entries, in bytes (always filled; may point at stride1)
  void* internal = nullptr;  // for the exporter's own use
  ssize shape1 = 0, stride1 = 1;  // storage for 1-D exporters (buffer_fill_bytes)
};

struct BufferProcs {
  // Fill `view` (set view->obj = newref(exporter)); 0, or -1 with an exception (BufferError for
  // a request that cannot be met, e.g. BUF_WRITABLE on read-only memory).
  int (*get)(Object* exporter, BufferView* view, int flags);
  // Undo `get` (view->obj is still set; release_buffer drops it afterwards). May be null.
  void (*release)(Object* exporter, BufferView* view);
};

// Register the exporter functions of `type` (and its subclasses). Call at init, under the GIL.
void buffer_register_type(TypeObject* type, const BufferProcs* procs);
// Does `o` export buffers (PyObject_CheckBuffer)?
bool buffer_check(Object* o);
// PyObject_GetBuffer: 0, or -1 with TypeError "a bytes-like object is required, not 'X'" (for
// non-exporters) or the exporter's error.
int get_buffer(Object* o, BufferView* view, int flags);
// PyBuffer_Release: no-op on an empty view.
void release_buffer(BufferView* view);
// For exporters of plain byte memory (PyBuffer_FillInfo): a 1-D unsigned-byte view.
// BufferError "Object is not writable." for BUF_WRITABLE on read-only memory.
int buffer_fill_bytes(BufferView* view, Object* exporter, char* buf, ssize len, bool readonly,
                      int flags);
// order: 'C', 'F' or 'A' (either).
bool buffer_is_contiguous(const BufferView* view, char order);
// Copy the items of `view` into dst (view->len bytes) in C ('C'/'A') or Fortran ('F') order.
void buffer_copy_to(char* dst, const BufferView* view, char order = 'C');
// The contents of any exporter as a new bytes object (copies; handles strided views).
Object* buffer_to_bytes(Object* o);

// A read-write, C-contiguous buffer argument (CPython's "w*" format, Py_buffer(accept={rwbuffer})),
// held until the scope ends: its memory stays where it is (a bytearray cannot be resized) while
// the GIL is released around the system call that fills it. On failure (not an exporter,
// read-only, not contiguous) the TypeError reads "FNAME() argument[ N] must be read-write
// bytes-like object, not T" (argnum "" or e.g. "1", as CPython words it for that function).
class WritableBufferArg {
 public:
  WritableBufferArg() = default;
  ~WritableBufferArg() { release_buffer(&view_); }
  WritableBufferArg(const WritableBufferArg&) = delete;
  WritableBufferArg& operator=(const WritableBufferArg&) = delete;
  bool get(Object* o, const char* fname, const char* argnum = "");
  char* data() const { return view_.buf; }
  ssize size() const { return view_.len; }

 private:
  BufferView view_;
};

// ---- memoryview ---------------------------------------------------------------------------------
extern TypeObject MemoryViewType;
inline bool memoryview_check(Object* o) { return type_of(o) == &MemoryViewType; }
Object* memoryview_from_object(Object* o);  // memoryview(o)
// A memoryview over memory the caller keeps alive as long as the view (no exporter object).
Object* memoryview_from_memory(char* mem, ssize size, bool readonly);
void init_memoryview_type();  // memoryview + its iterator; registers memoryview's exporter
// The Python-level __buffer__(flags) / __release_buffer__(view) methods of built-in exporters
// (PEP 688), for their MethodDef tables.
Object* buffer_dunder_buffer(Object* self, Object* const* args, ssize nargs, Object* kwnames);
Object* buffer_dunder_release_buffer(Object* self, Object* const* args, ssize nargs,
                                     Object* kwnames);

}  // namespace gilpy

// The interpreter side of the public extension API (include/gilpy/*.h): every
// gilpy::api::detail function the headers declare. Extensions call these through the dynamic
// symbol table of the gilpy executable (linked with ENABLE_EXPORTS), so this file is the binary
// interface of the API: change a signature here only with GILPY_API_VERSION_MAJOR.
//
// Errors: the internal API reports failures CPython-style (nullptr / -1 with the exception set
// on the thread state); the public API throws gilpy::api::Error instead. `check(x)` below does
// that conversion: it fetches the pending exception into an Error and throws it. The function
// trampolines in gilpy/module.h catch it again before returning to the interpreter, so no C++
// exception ever crosses the eval loop.
//
// The GIL: ReleaseGil wraps vm/gil.h's AllowThreads protocol (drop/take on the runtime GIL,
// counted as a voluntary release); AcquireGil is PyGILState_Ensure/Release: a thread without a
// thread state gets one for the guard's lifetime (see ensure_gil).
#include <sys/syscall.h>
#include <pthread.h>
#include <unistd.h>

#include <gmp.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <new>

#include "gilpy/gilpy.h"

#include "core/abstract.h"
#include "core/args.h"
#include "core/error.h"
#include "objects/bytesobject.h"
#include "objects/containers.h"
#include "objects/exceptions.h"
#include "objects/floatobject.h"
#include "objects/intobject.h"
#include "objects/moduleobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"
#include "vm/gil.h"
#include "vm/import.h"
#include "vm/state.h"

namespace gilpy {

// Referenced by the extension loader so that the linker keeps this file in the executable (it
// lives in the static runtime library, and only extensions call into it).
extern const int kGilpyApiAnchor;
const int kGilpyApiAnchor = GILPY_API_VERSION;

namespace api::detail {

namespace {

[[noreturn]] void throw_pending() {
  Object* e = err_fetch();
  if (!e) {
    err_format(&Exc_SystemError, "error return without exception set");
    e = err_fetch();
  }
  throw Error(Handle::steal(e));
}

Object* check(Object* o) {
  if (!o) throw_pending();
  return o;
}
int check(int r) {
  if (r < 0) throw_pending();
  return r;
}

Object* str_obj(std::string_view s) { return check(str_from_utf8(s)); }

}  // namespace

// ---- object.h ---------------------------------------------------------------------------------

void incref(Object* o) { gilpy::incref(o); }
void decref(Object* o) { gilpy::decref(o); }

Object* getattr(Object* o, std::string_view name) {
  Ref n = Ref::steal(str_obj(name));
  return check(object_getattr(o, n.get()));
}
void setattr(Object* o, std::string_view name, Object* v) {
  Ref n = Ref::steal(str_obj(name));
  check(object_setattr(o, n.get(), v));
}
bool hasattr(Object* o, std::string_view name) {
  Ref n = Ref::steal(str_obj(name));
  return check(object_hasattr(o, n.get())) == 1;
}
Object* call(Object* callable, Object* const* args, size_t nargs,
             const std::vector<std::pair<std::string, Object*>>* kwargs) {
  if (!kwargs || kwargs->empty()) return check(gilpy::call(callable, args, ssize(nargs)));
  std::vector<Object*> all(args, args + nargs);
  Ref names = Ref::steal(check(gilpy::tuple_new(ssize(kwargs->size()))));
  for (size_t i = 0; i < kwargs->size(); i++) {
    tuple_set_steal(names.get(), ssize(i), str_obj((*kwargs)[i].first));
    all.push_back((*kwargs)[i].second);
  }
  return check(gilpy::call(callable, all.data(), ssize(nargs), names.get()));
}
std::string repr(Object* o) {
  std::string s;
  if (!repr_utf8(o, s)) throw_pending();
  return s;
}
std::string str(Object* o) {
  std::string s;
  if (!str_utf8(o, s)) throw_pending();
  return s;
}
std::string type_name(Object* o) { return gilpy::type_name(gilpy::type_of(o)); }
Object* type_of(Object* o) { return gilpy::type_of(o); }
bool is_none(Object* o) { return o == None; }
Object* none() { return None; }
bool truthy(Object* o) { return check(object_is_true(o)) == 1; }
ssize length(Object* o) {
  ssize n = object_length(o);
  if (n < 0) throw_pending();
  return n;
}
Object* getitem(Object* o, Object* key) { return check(object_getitem(o, key)); }
void setitem(Object* o, Object* key, Object* value) { check(object_setitem(o, key, value)); }
void delitem(Object* o, Object* key) { check(object_delitem(o, key)); }
bool contains(Object* o, Object* key) { return check(sequence_contains(o, key)) == 1; }
bool isinstance(Object* o, Object* cls) { return check(object_isinstance(o, cls)) == 1; }
bool equals(Object* a, Object* b) { return check(object_richcompare_bool(a, b, CMP_EQ)) == 1; }
Object* iter(Object* o) { return check(object_getiter(o)); }
Object* next(Object* it) {
  if (!it) return nullptr;
  Object* r = iter_next(it);
  if (!r && err_occurred()) throw_pending();
  return r;
}
Object* import(std::string_view name) { return check(import_module(std::string(name).c_str())); }
Object* builtin(std::string_view name) {
  Interpreter* interp = main_interpreter();
  Object* v = interp && interp->builtins
                  ? dict_get_str_borrowed(interp->builtins, std::string(name).c_str())
                  : nullptr;
  if (!v) {
    err_format(&Exc_NameError, "name '%s' is not defined", std::string(name).c_str());
    throw_pending();
  }
  return v;
}

// ---- error.h ----------------------------------------------------------------------------------

Object* fetch_error() { return err_fetch(); }
void restore_error(Object* exc) {
  if (!exc) {
    err_format(&Exc_SystemError, "error return without exception set");
    return;
  }
  if (exception_class_check(exc)) {  // a class: instantiate it, as `raise Class` does
    err_set_object(exc);
    gilpy::decref(exc);
    return;
  }
  err_restore(exc);
}
Object* new_exception(Object* type, std::string_view msg) {
  Ref m = Ref::steal(str_obj(msg));
  return new_exception_obj(type, m.get());
}
Object* new_exception_obj(Object* type, Object* arg) {
  if (!exception_class_check(type)) {
    err_format(&Exc_TypeError, "exceptions must derive from BaseException");
    throw_pending();
  }
  return check(call1(type, arg));
}
bool exception_matches(Object* exc, Object* type) {
  return exc && gilpy::exception_matches(exc, type);
}
Object* exception_type(int which) {
  static TypeObject* const table[] = {
      &Exc_Exception,      &Exc_ArithmeticError,   &Exc_AssertionError, &Exc_AttributeError,
      &Exc_BufferError,    &Exc_EOFError,          &Exc_ImportError,    &Exc_IndexError,
      &Exc_KeyError,       &Exc_LookupError,       &Exc_MemoryError,    &Exc_NameError,
      &Exc_NotImplementedError, &Exc_OSError,      &Exc_OverflowError,  &Exc_RuntimeError,
      &Exc_StopIteration,  &Exc_SystemError,       &Exc_TypeError,      &Exc_ValueError,
      &Exc_ZeroDivisionError, &Exc_KeyboardInterrupt, &Exc_BaseException, &Exc_UnicodeError,
      &Exc_TimeoutError,
  };
  static_assert(sizeof(table) / sizeof(table[0]) == exc::kCount);
  if (which < 0 || which >= exc::kCount) return &Exc_SystemError;
  return table[which];
}
std::string describe_exception(Object* exc) {
  if (!exc) return "<no exception>";
  std::string out = gilpy::type_name(gilpy::type_of(exc));
  std::string msg;
  if (str_utf8(exc, msg)) {
    if (!msg.empty()) out += ": " + msg;
  } else {
    err_clear();
  }
  return out;
}
Object* no_exception_error(const char* fname) {
  return err_format(&Exc_SystemError, "%s returned a null result without setting an exception",
                    fname);
}
void set_current_error(Object* type, const char* msg) {
  err_set_string(reinterpret_cast<TypeObject*>(type), msg);
}
void set_memory_error() { err_no_memory(); }

// ---- convert.h --------------------------------------------------------------------------------

Object* from_i64(int64_t v) { return check(int_from_i64(v)); }
Object* from_u64(uint64_t v) { return check(int_from_u64(v)); }
int64_t to_i64(Object* o) {
  Ref i = Ref::steal(check(number_index(o)));
  bool ovf = false;
  int64_t v = int_as_i64(i.get(), &ovf);
  if (ovf) {
    err_format(&Exc_OverflowError, "Python int too large to convert to C long");
    throw_pending();
  }
  return v;
}
uint64_t to_u64(Object* o) {
  Ref i = Ref::steal(check(number_index(o)));
  if (int_sign(i.get()) < 0) {
    err_format(&Exc_OverflowError, "can't convert negative int to unsigned");
    throw_pending();
  }
  bool ovf = false;
  int64_t v = int_as_i64(i.get(), &ovf);
  if (!ovf) return uint64_t(v);
  Ref max = Ref::steal(check(int_from_u64(UINT64_MAX)));
  if (int_compare(i.get(), max.get()) > 0) {
    err_format(&Exc_OverflowError, "Python int too large to convert to C unsigned long");
    throw_pending();
  }
  mpz_t z;
  mpz_init(z);
  int_to_mpz(i.get(), z);
  uint64_t r = 0;
  mpz_export(&r, nullptr, -1, sizeof r, 0, 0, z);
  mpz_clear(z);
  return r;
}
Object* from_double(double v) { return check(float_from_double(v)); }
double to_double(Object* o) {
  double d = float_as_double(o);
  if (d == -1.0 && err_occurred()) throw_pending();
  return d;
}
Object* from_bool(bool v) { return bool_from(v); }
Object* from_utf8(std::string_view s) { return str_obj(s); }
std::string_view to_utf8(Object* o) {
  if (!str_check(o)) {
    err_format(&Exc_TypeError, "expected str, got %T", o);
    throw_pending();
  }
  ssize n = 0;
  const char* p = str_as_utf8(o, &n);
  if (!p) throw_pending();
  return {p, size_t(n)};
}
Object* from_bytes(std::string_view s) { return check(bytes_from(s)); }
std::string_view to_bytes(Object* o) {
  ByteView v;
  if (!get_byte_view(o, &v)) throw_pending();
  return {v.data, size_t(v.size)};
}
Object* list_new() { return check(gilpy::list_new(0)); }
void list_append(Object* list, Object* item) {
  if (!list_check(list)) {
    err_format(&Exc_TypeError, "expected list, got %T", list);
    throw_pending();
  }
  check(gilpy::list_append(list, item));
}
Object* tuple_new(Object* const* items, size_t n) { return check(tuple_from_array(items, ssize(n))); }
Object* dict_new() { return check(gilpy::dict_new()); }
void check_type(Object* o, const char* python_type) {
  Object* t = builtin(python_type);
  if (check(object_isinstance(o, t)) != 1) {
    err_format(&Exc_TypeError, "expected %s, got %T", python_type, o);
    throw_pending();
  }
}
void overflow(const char* ctype) {
  err_format(&Exc_OverflowError, "Python int too large to convert to %s", ctype);
  throw_pending();
}

// ---- gil.h ------------------------------------------------------------------------------------

void* release_gil() {
  ThreadState* ts = current_tstate;
  Gil* gil = runtime_gil();
  if (gil && ts) gil->drop(ts, false);
  return ts;
}
void restore_gil(void* state) {
  auto* ts = static_cast<ThreadState*>(state);
  Gil* gil = runtime_gil();
  if (gil && ts) {
    int saved = errno;
    gil->take(ts);
    errno = saved;
  }
}
bool holds_gil() {
  Gil* gil = runtime_gil();
  ThreadState* ts = current_tstate;
  if (!gil) return ts != nullptr;
  return ts && gil->holder() == ts;
}

namespace {
// Per-thread AcquireGil bookkeeping.
thread_local int t_ensure_depth = 0;          // nesting of AcquireGil guards that created ts
thread_local ThreadState* t_created = nullptr;  // the thread state ensure_gil made
std::atomic<int> g_dummy_counter{0};
enum : int { kTokenLocked = 1, kTokenUnlocked = 2, kTokenCreated = 3 };
}  // namespace

int ensure_gil() {
  Gil* gil = runtime_gil();
  ThreadState* ts = current_tstate;
  if (ts) {
    if (!gil || gil->holder() == ts) return kTokenLocked;  // already ours: nothing to do
    gil->take(ts);  // a Python thread inside ReleaseGil
    return kTokenUnlocked;
  }
  if (t_created) {  // nested inside an AcquireGil of this thread that released (can't happen)
    gil->take(t_created);
    return kTokenUnlocked;
  }
  // A foreign thread. The thread list is changed only by a GIL holder, and taking the GIL needs
  // a thread state: take it for a bootstrap state, create and register the real one, then hand
  // the GIL over to it (so drop requests reach the state the eval loop checks).
  ThreadState boot;
  gil->take(&boot);
  ts = thread_state_create(main_interpreter());
  gil->register_thread(ts, "Dummy-" + std::to_string(++g_dummy_counter));
  ts->ident = (unsigned long)pthread_self();
  ts->native_id = (unsigned long)::syscall(SYS_gettid);
  gil->drop(&boot, false);
  current_tstate = ts;
  gil->take(ts);
  t_created = ts;
  t_ensure_depth = 1;
  return kTokenCreated;
}

void release_ensured(int token) {
  Gil* gil = runtime_gil();
  ThreadState* ts = current_tstate;
  switch (token) {
    case kTokenLocked:
      return;
    case kTokenUnlocked:
      if (gil && ts) gil->drop(ts, false);
      return;
    case kTokenCreated:
      if (--t_ensure_depth > 0) return;
      // As thread_main's epilogue (modules/thread.cpp): clear with the GIL, then release it.
      thread_state_clear(ts);
      gil->unregister_thread(ts);
      current_tstate = nullptr;
      t_created = nullptr;
      gil->drop(ts, false);
      delete ts;
      return;
  }
}

// ---- module.h ---------------------------------------------------------------------------------

ssize kw_count(Object* kwnames) { return kwnames ? tuple_size(kwnames) : 0; }
std::string_view kw_name(Object* kwnames, ssize i) {
  return str_view(tuple_get_borrowed(kwnames, i));
}
void bind_args(const char* fname, const char* const* names, int required, int max_pos,
               Object* const* args, ssize nargs, Object* kwnames, Object** out) {
  ArgSpec spec{fname, names, required, max_pos};
  if (!parse_args(spec, args, nargs, kwnames, out)) throw_pending();
}
void check_positional(const char* fname, ssize nargs, Object* kwnames, ssize min, ssize max) {
  if (!check_no_kwargs(fname, kwnames)) throw_pending();
  if (!gilpy::check_positional(fname, nargs, min, max)) throw_pending();
}

Object* module_create(const char* name, int api_version) {
  if (api_version / 1000 != GILPY_API_VERSION_MAJOR) {
    err_format(&Exc_ImportError,
               "extension module '%s' was built for gilpy API version %d.%d, this interpreter "
               "provides %d.%d",
               name, api_version / 1000, api_version % 1000, GILPY_API_VERSION_MAJOR,
               GILPY_API_VERSION_MINOR);
    throw_pending();
  }
  return check(module_new(name));
}
void module_set_doc(Object* module, const char* doc) {
  Ref d = Ref::steal(str_obj(doc ? doc : ""));
  check(gilpy::module_add_object(module, "__doc__", d.get()));
}
void module_add_function(Object* module, const char* name, RawFunction fn, const char* doc) {
  // Process lifetime, as CPython's static PyMethodDef tables (extensions are never unloaded).
  auto* defs = new MethodDef[2]{{name, fn, METH_DEFAULT, doc}, {nullptr, nullptr, 0, nullptr}};
  check(module_add_functions(module, defs));
}
void module_add_object(Object* module, const char* name, Object* value) {
  check(gilpy::module_add_object(module, name, value));
}
Object* new_exception_type(Object* module, const char* name, Object* base, const char* doc) {
  Ref n = Ref::steal(str_obj(name));
  Ref bases = Ref::steal(check(tuple_pack(1, base ? base : as_object(&Exc_Exception))));
  Ref dict = Ref::steal(check(gilpy::dict_new()));
  Object* modname = dict_get_str_borrowed(module_get_dict_borrowed(module), "__name__");
  if (modname) check(dict_setitem_str(dict.get(), "__module__", modname));
  if (doc) {
    Ref d = Ref::steal(str_obj(doc));
    check(dict_setitem_str(dict.get(), "__doc__", d.get()));
  }
  Ref t = Ref::steal(check(type_new_heap(&TypeType, n.get(), bases.get(), dict.get(), nullptr)));
  check(gilpy::module_add_object(module, name, t.get()));
  return t.get();  // borrowed: the module holds it
}

// ---- classes ----------------------------------------------------------------------------------

namespace {

// A type made by class_create: a TypeObject plus the C++ hooks. Instances are the object header,
// a "constructed" flag, then the C++ value at kDataOffset (16-byte aligned).
struct ExtType : TypeObject {
  ClassSpec spec;
  std::vector<MethodDef> method_defs;
  std::vector<GetSetDef> getset_defs;
  std::string qualified_name;
};
struct ExtInstance : Object {
  uint64_t constructed;
};
constexpr size_t kDataOffset = (sizeof(ExtInstance) + 15) & ~size_t(15);

void* data_of(Object* o) { return reinterpret_cast<char*>(o) + kDataOffset; }

void ext_dealloc(Object* o) {
  auto* t = static_cast<ExtType*>(gilpy::type_of(o));
  if (static_cast<ExtInstance*>(o)->constructed && t->spec.destroy) t->spec.destroy(data_of(o));
  object_free(o);
}

Object* ext_new(TypeObject* type, Object* const* args, ssize nargs, Object* kwnames) {
  auto* t = static_cast<ExtType*>(type);
  if (!t->spec.construct) {
    return err_format(&Exc_TypeError, "cannot create '%s' instances", type->name);
  }
  Object* o = object_alloc(type, t->basicsize);
  if (!o) return nullptr;
  Ref r = Ref::steal(o);
  if (t->spec.construct(data_of(o), args, nargs, kwnames) < 0) return nullptr;
  static_cast<ExtInstance*>(o)->constructed = 1;
  return r.release();
}

}  // namespace

Object* class_create(Object* module, const ClassSpec& spec) {
  if (spec.align > 16) {
    err_format(&Exc_SystemError, "gilpy extension types support alignment up to 16");
    throw_pending();
  }
  auto* t = new ExtType();  // process lifetime (a static type in all but storage)
  t->spec = spec;
  Object* modname = dict_get_str_borrowed(module_get_dict_borrowed(module), "__name__");
  t->qualified_name = (modname && str_check(modname) ? std::string(str_view(modname)) + "." : "") +
                      spec.name;
  t->ob_type = &TypeType;
  make_immortal(t);
  t->name = t->qualified_name.c_str();
  t->doc = spec.doc;
  t->basicsize = ssize(kDataOffset + spec.size);
  t->dealloc = ext_dealloc;
  t->new_ = ext_new;
  t->base = &ObjectType;
  for (const MethodSpec& m : spec.methods) t->method_defs.push_back({m.name, m.fn, METH_DEFAULT, m.doc});
  t->method_defs.push_back({nullptr, nullptr, 0, nullptr});
  for (const PropertySpec& p : spec.properties) t->getset_defs.push_back({p.name, p.get, p.set, p.doc});
  t->getset_defs.push_back({nullptr, nullptr, nullptr, nullptr});
    t->methods = t->method_defs.data();
  t->getset = t->getset_defs.data();
  check(type_ready(t));
  check(gilpy::module_add_object(module, spec.name, t));
  return t;
}

void* instance_data(Object* self, Object* type) {
  if (!type || !self || !object_type_check(self, reinterpret_cast<TypeObject*>(type))) {
    err_format(&Exc_TypeError, "expected %s, got %T",
               type ? reinterpret_cast<TypeObject*>(type)->name : "an extension type",
               self ? self : None);
    throw_pending();
  }
  return data_of(self);
}
Object* instance_alloc(Object* type) {
  auto* t = reinterpret_cast<TypeObject*>(type);
  if (!t) {
    err_format(&Exc_SystemError, "gilpy::api::wrap: the class was not added (Class<T>::finish)");
    throw_pending();
  }
  return check(object_alloc(t, t->basicsize));
}
void instance_constructed(Object* self) { static_cast<ExtInstance*>(self)->constructed = 1; }

}  // namespace api::detail
}  // namespace gilpy

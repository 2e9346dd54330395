// `_hashlib`: message digests on OpenSSL libcrypto's EVP API (CPython's Modules/_hashopenssl.c,
// re-implemented); lib/hashlib.py is the public layer, as in CPython.
//
// Objects: HASH (fixed-size digests) and HASHXOF (shake_128/256: digest(length)). Each owns an
// EVP_MD_CTX and a std::mutex. update() with data of HASHLIB_GIL_MINSIZE (2048) bytes or more
// releases the GIL (vm/gil.h AllowThreads) around EVP_DigestUpdate, as CPython does; the mutex
// serialises threads that update/copy/digest the same object meanwhile. The mutex is never held
// while waiting for the GIL: a thread holding the GIL first try-locks it and, if another thread
// is hashing, releases the GIL before blocking on it (CPython's ENTER_HASHLIB).
//
// Data: bytes are immutable, so their buffer is hashed in place with the GIL released; other
// bytes-like objects (bytearray, memoryview) could be resized by another thread meanwhile, so large ones are
// copied first. str raises "Strings must be encoded before hashing"; any other non-buffer object
// "object supporting the buffer API required" (CPython's messages).
//
// Names: Python names (md5, sha3_256, shake_128, blake2b, ...) map to OpenSSL names; hashlib.new
// accepts any OpenSSL digest name (case-insensitive, as EVP_get_digestbyname). blake2b/blake2s are
// OpenSSL's BLAKE2b512/BLAKE2s256: the default digest size only (CPython's _blake2 module also
// takes key/salt/person/digest_size; OpenSSL 3.0's EVP cannot).
#include <dlfcn.h>
#include <openssl/err.h>
#include <openssl/objects.h>
#include <openssl/evp.h>

#include <cctype>
#include <cstring>
#include <mutex>
#include <string>

#include "core/abstract.h"
#include "core/args.h"
#include "core/error.h"
#include "modules/modules.h"
#include "objects/bytesobject.h"
#include "objects/containers.h"
#include "objects/intobject.h"
#include "objects/moduleobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"
#include "vm/gil.h"

namespace gilpy {

namespace {

// libcrypto is opened when _hashlib is first imported, not linked: programs that never hash do
// not pay for loading and relocating it (about 1.4 MB of resident memory at start-up), as
// CPython's _hashlib extension module is loaded on demand too. The functions used are listed
// once here; `crypto.NAME(...)` calls them.
#define GILPY_CRYPTO_FUNCTIONS(X) \
  X(EVP_get_digestbyname) \
  X(EVP_MD_CTX_free) \
  X(EVP_DigestUpdate) \
  X(ERR_clear_error) \
  X(EVP_MD_get_size) \
  X(EVP_MD_CTX_new) \
  X(PKCS5_PBKDF2_HMAC) \
  X(OBJ_nid2sn) \
  X(EVP_MD_get_type) \
  X(EVP_MD_get_flags) \
  X(EVP_MD_get_block_size) \
  X(EVP_MD_free) \
  X(EVP_MD_fetch) \
  X(EVP_MD_CTX_get0_md) \
  X(EVP_MD_CTX_copy_ex) \
  X(EVP_DigestInit_ex) \
  X(EVP_DigestFinal_ex) \
  X(EVP_DigestFinalXOF) \
  X(ERR_reason_error_string) \
  X(ERR_peek_last_error) \
  X(ERR_lib_error_string)

struct CryptoApi {
#define X(name) decltype(&::name) name = nullptr;
  GILPY_CRYPTO_FUNCTIONS(X)
#undef X
};
CryptoApi crypto;

// dlopen libcrypto (GILPY_LIBCRYPTO_SONAME, from the build) and resolve the functions; false
// with ImportError.
bool load_crypto() {
  static bool loaded = false;
  if (loaded) return true;
  void* lib = ::dlopen(GILPY_LIBCRYPTO_SONAME, RTLD_NOW | RTLD_LOCAL);
  if (!lib) {
    err_format(&Exc_ImportError, "_hashlib: cannot load %s: %s", GILPY_LIBCRYPTO_SONAME,
               ::dlerror());
    return false;
  }
#define X(name)                                                                          \
  crypto.name = reinterpret_cast<decltype(&::name)>(::dlsym(lib, #name));               \
  if (!crypto.name) {                                                                    \
    err_format(&Exc_ImportError, "_hashlib: %s has no %s", GILPY_LIBCRYPTO_SONAME, #name); \
    return false;                                                                        \
  }
  GILPY_CRYPTO_FUNCTIONS(X)
#undef X
  loaded = true;  // the library stays open for the life of the process
  return true;
}

}  // namespace

namespace {

constexpr ssize kGilMinSize = 2048;  // CPython's HASHLIB_GIL_MINSIZE

TypeObject HashType;
TypeObject HashXofType;
Object* g_unsupported_error = nullptr;  // _hashlib.UnsupportedDigestmodError (ValueError subclass)

struct HashObject : Object {
  EVP_MD_CTX* ctx;
  std::mutex* lock;
};

HashObject* as_hash(Object* o) { return static_cast<HashObject*>(o); }

// Python name <-> OpenSSL name.
struct NameMap {
  const char* py;
  const char* ossl;
};
const NameMap kNames[] = {
    {"md5", "MD5"},           {"sha1", "SHA1"},
    {"sha224", "SHA224"},     {"sha256", "SHA256"},
    {"sha384", "SHA384"},     {"sha512", "SHA512"},
    {"sha512_224", "SHA512-224"}, {"sha512_256", "SHA512-256"},
    {"sha3_224", "SHA3-224"}, {"sha3_256", "SHA3-256"},
    {"sha3_384", "SHA3-384"}, {"sha3_512", "SHA3-512"},
    {"shake_128", "SHAKE128"}, {"shake_256", "SHAKE256"},
    {"blake2b", "BLAKE2B512"}, {"blake2s", "BLAKE2S256"},
    {"md5-sha1", "MD5-SHA1"}, {"ripemd160", "RIPEMD160"},
    {"sm3", "SM3"},
};

std::string lower(std::string_view s) {
  std::string r(s);
  for (char& c : r) c = char(std::tolower(static_cast<unsigned char>(c)));
  return r;
}

// The Python-facing name of a digest (lowercase, CPython's py_digest_name).
std::string py_name_of(const EVP_MD* md) {
  int nid = crypto.EVP_MD_get_type(md);
  const char* sn = crypto.OBJ_nid2sn(nid);
  std::string l = lower(sn ? sn : "");
  for (const NameMap& m : kNames) {
    if (lower(m.ossl) == l) return m.py;
  }
  // OpenSSL's long names for a few (e.g. "sha3-256" short names are "SHA3-256").
  for (char& c : l) {
    if (c == '-') c = '_';
  }
  return l;
}

const EVP_MD* digest_by_name(std::string_view name) {
  std::string l = lower(name);
  for (const NameMap& m : kNames) {
    if (l == m.py) {
      return crypto.EVP_get_digestbyname(m.ossl);
    }
  }
  return crypto.EVP_get_digestbyname(std::string(name).c_str());
}

bool is_xof(const EVP_MD* md) { return (crypto.EVP_MD_get_flags(md) & EVP_MD_FLAG_XOF) != 0; }

Object* raise_openssl_error(TypeObject* type) {
  unsigned long e = crypto.ERR_peek_last_error();
  crypto.ERR_clear_error();
  if (!e) return err_format(type, "no reason supplied");
  const char* lib = crypto.ERR_lib_error_string(e);
  const char* reason = crypto.ERR_reason_error_string(e);
  if (lib && reason) return err_format(type, "[%s] %s", lib, reason);
  if (reason) return err_format(type, "%s", reason);
  return err_format(type, "no reason supplied");
}

Object* raise_unsupported(const char* what) {
  crypto.ERR_clear_error();
  Ref msg = Ref::steal(str_from_cstr(what));
  if (!msg) return nullptr;
  err_set(reinterpret_cast<TypeObject*>(g_unsupported_error), msg.get());
  return nullptr;
}

// Lock the object's mutex; if another thread holds it, wait with the GIL released.
void enter_hashlib(HashObject* h) {
  if (!h->lock->try_lock()) {
    AllowThreads allow;
    h->lock->lock();
  }
}

// A buffer to hash. str -> TypeError as CPython's GET_BUFFER_VIEW_OR_ERROUT.
bool get_data(Object* o, ByteView* view) {
  if (str_check(o)) {
    err_format(&Exc_TypeError, "Strings must be encoded before hashing");
    return false;
  }
  if (!buffer_check(o)) {
    err_format(&Exc_TypeError, "object supporting the buffer API required");
    return false;
  }
  return get_byte_view(o, view);
}

// Hash `data` into h: with the GIL released for large buffers.
int hash_update(HashObject* h, Object* data) {
  ByteView v;
  if (!get_data(data, &v)) return -1;
  int ok;
  if (v.size >= kGilMinSize) {
    std::string copy;
    const char* p = v.data;
    if (!bytes_check(data)) {  // mutable: another thread could resize it meanwhile
      copy.assign(v.data, size_t(v.size));
      p = copy.data();
    }
    AllowThreads allow;
    std::lock_guard<std::mutex> g(*h->lock);
    ok = crypto.EVP_DigestUpdate(h->ctx, p, size_t(v.size));
  } else {
    enter_hashlib(h);
    ok = crypto.EVP_DigestUpdate(h->ctx, v.data, size_t(v.size));
    h->lock->unlock();
  }
  if (!ok) {
    raise_openssl_error(&Exc_ValueError);
    return -1;
  }
  return 0;
}

Object* hash_alloc(const EVP_MD* md) {
  TypeObject* t = is_xof(md) ? &HashXofType : &HashType;
  auto* h = alloc_object<HashObject>(t);
  if (!h) return nullptr;
  h->ctx = crypto.EVP_MD_CTX_new();
  h->lock = new std::mutex();
  if (!h->ctx) {
    decref(h);
    return err_no_memory();
  }
  return h;
}

void hash_dealloc(Object* o) {
  HashObject* h = as_hash(o);
  if (h->ctx) crypto.EVP_MD_CTX_free(h->ctx);
  delete h->lock;
  object_free(o);
}

// Create a HASH for `md` and feed it `data` (may be null).
Object* hash_create(const EVP_MD* md, Object* data) {
  ByteView v;
  if (data && !get_data(data, &v)) return nullptr;
  Ref h = Ref::steal(hash_alloc(md));
  if (!h) return nullptr;
  if (!crypto.EVP_DigestInit_ex(as_hash(h.get())->ctx, md, nullptr)) {
    return raise_openssl_error(&Exc_ValueError);
  }
  if (data && hash_update(as_hash(h.get()), data) < 0) return nullptr;
  return h.release();
}

// data / string: CPython 3.12 accepts `string=` (the old keyword) as an alias of the data.
bool pick_data(const char* fname, Object* data, Object* string, Object** out) {
  if (data && string) {
    err_format(&Exc_TypeError,
               "'data' and 'string' are mutually exclusive and support for 'string' keyword "
               "parameter is slated for removal in a future version.");
    return false;
  }
  *out = data ? data : string;
  return true;
}

// ---- HASH methods ---------------------------------------------------------------------------------

const EVP_MD* hash_md(HashObject* h) { return crypto.EVP_MD_CTX_get0_md(h->ctx); }

Object* hash_update_meth(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("update", nargs, kwnames)) return nullptr;
  if (hash_update(as_hash(self), args[0]) < 0) return nullptr;
  return none_ref();
}

// Copy the context (under the object's lock).
EVP_MD_CTX* ctx_copy(HashObject* h) {
  EVP_MD_CTX* c = crypto.EVP_MD_CTX_new();
  if (!c) return nullptr;
  enter_hashlib(h);
  int ok = crypto.EVP_MD_CTX_copy_ex(c, h->ctx);
  h->lock->unlock();
  if (!ok) {
    crypto.EVP_MD_CTX_free(c);
    return nullptr;
  }
  return c;
}

Object* hash_copy_meth(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_args("HASH.copy", nargs, kwnames)) return nullptr;
  HashObject* h = as_hash(self);
  auto* n = alloc_object<HashObject>(type_of(self));
  if (!n) return nullptr;
  Ref r = Ref::steal(n);
  n->lock = new std::mutex();
  n->ctx = ctx_copy(h);
  if (!n->ctx) return raise_openssl_error(&Exc_ValueError);
  return r.release();
}

// Final digest of a copy (the object stays usable), `len` bytes for XOFs.
bool final_digest(HashObject* h, ssize len, std::string& out) {
  EVP_MD_CTX* c = ctx_copy(h);
  if (!c) {
    raise_openssl_error(&Exc_ValueError);
    return false;
  }
  bool ok;
  if (is_xof(hash_md(h))) {
    out.assign(size_t(len), '\0');
    ok = len == 0 || crypto.EVP_DigestFinalXOF(c, reinterpret_cast<unsigned char*>(out.data()),
                                        size_t(len));
  } else {
    unsigned char buf[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    ok = crypto.EVP_DigestFinal_ex(c, buf, &n);
    out.assign(reinterpret_cast<char*>(buf), n);
  }
  crypto.EVP_MD_CTX_free(c);
  if (!ok) {
    raise_openssl_error(&Exc_ValueError);
    return false;
  }
  return true;
}

Object* to_hex(const std::string& d) {
  static const char hex[] = "0123456789abcdef";
  std::string s;
  s.reserve(d.size() * 2);
  for (unsigned char c : d) {
    s.push_back(hex[c >> 4]);
    s.push_back(hex[c & 15]);
  }
  return str_from_utf8(s);
}

Object* hash_digest_meth(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_args("HASH.digest", nargs, kwnames)) return nullptr;
  std::string d;
  if (!final_digest(as_hash(self), 0, d)) return nullptr;
  return bytes_from(d);
}

Object* hash_hexdigest_meth(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_args("HASH.hexdigest", nargs, kwnames)) return nullptr;
  std::string d;
  if (!final_digest(as_hash(self), 0, d)) return nullptr;
  return to_hex(d);
}

bool xof_length(const char* fname, Object* const* args, ssize nargs, Object* kwnames,
                ssize* len) {
  static const char* const names[] = {"length", nullptr};
  ArgSpec spec{fname, names, 1, 1};
  Object* a[1];
  if (!parse_args(spec, args, nargs, kwnames, a)) return false;
  if (!int_check(a[0])) {
    err_format(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", a[0]);
    return false;
  }
  *len = int_as_ssize(a[0]);
  if (*len == -1 && err_occurred()) return false;
  if (*len < 0) {
    err_format(&Exc_SystemError, "Negative size passed to PyBytes_FromStringAndSize");
    return false;
  }
  return true;
}

Object* xof_digest_meth(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  ssize len;
  if (!xof_length("digest", args, nargs, kwnames, &len)) return nullptr;
  std::string d;
  if (!final_digest(as_hash(self), len, d)) return nullptr;
  return bytes_from(d);
}

Object* xof_hexdigest_meth(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  ssize len;
  if (!xof_length("hexdigest", args, nargs, kwnames, &len)) return nullptr;
  std::string d;
  if (!final_digest(as_hash(self), len, d)) return nullptr;
  return to_hex(d);
}

Object* hash_get_name(Object* self) { return str_from_utf8(py_name_of(hash_md(as_hash(self)))); }
Object* hash_get_digest_size(Object* self) {
  const EVP_MD* md = hash_md(as_hash(self));
  return int_from_i64(is_xof(md) ? 0 : crypto.EVP_MD_get_size(md));
}
Object* hash_get_block_size(Object* self) {
  return int_from_i64(crypto.EVP_MD_get_block_size(hash_md(as_hash(self))));
}

Object* hash_repr(Object* self) {
  std::string n = py_name_of(hash_md(as_hash(self)));
  return str_from_format("<%s %s object @ %p>", n.c_str(), type_of(self)->name,
                         static_cast<void*>(self));
}

const MethodDef kHashMethods[] = {
    {"update", hash_update_meth, METH_DEFAULT, "Update this hash object's state with the provided string."},
    {"digest", hash_digest_meth, METH_DEFAULT, "Return the digest value as a bytes object."},
    {"hexdigest", hash_hexdigest_meth, METH_DEFAULT, "Return the digest value as a string of hexadecimal digits."},
    {"copy", hash_copy_meth, METH_DEFAULT, "Return a copy of the hash object."},
    {nullptr, nullptr, 0, nullptr},
};

const MethodDef kXofMethods[] = {
    {"digest", xof_digest_meth, METH_DEFAULT, "Return the digest value as a bytes object."},
    {"hexdigest", xof_hexdigest_meth, METH_DEFAULT, "Return the digest value as a string of hexadecimal digits."},
    {nullptr, nullptr, 0, nullptr},
};

const GetSetDef kHashGetSet[] = {
    {"name", hash_get_name, nullptr, nullptr},
    {"digest_size", hash_get_digest_size, nullptr, nullptr},
    {"block_size", hash_get_block_size, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

// ---- module functions -------------------------------------------------------------------------------

// new(name, data=b'', *, usedforsecurity=True, string=None)
Object* hashlib_new(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"name", "data", "usedforsecurity", "string", nullptr};
  static const ArgSpec spec{"new", names, 1, 2};
  Object* a[4] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  if (!str_check(a[0])) {
    return err_format(&Exc_TypeError, "new() argument 'name' must be str, not %T", a[0]);
  }
  Object* data;
  if (!pick_data("new", a[1], a[3], &data)) return nullptr;
  const EVP_MD* md = digest_by_name(str_view(a[0]));
  if (!md) return raise_unsupported("[digital envelope routines] unsupported");
  return hash_create(md, data);
}

// openssl_<name>(data=b'', *, usedforsecurity=True, string=None): one per guaranteed digest.
template <int I>
Object* hashlib_named(Object*, Object* const* args, ssize nargs, Object* kwnames);

struct Named {
  const char* fname;  // "openssl_md5"
  const char* py;     // "md5"
};
constexpr Named kNamed[] = {
    {"openssl_md5", "md5"},           {"openssl_sha1", "sha1"},
    {"openssl_sha224", "sha224"},     {"openssl_sha256", "sha256"},
    {"openssl_sha384", "sha384"},     {"openssl_sha512", "sha512"},
    {"openssl_sha3_224", "sha3_224"}, {"openssl_sha3_256", "sha3_256"},
    {"openssl_sha3_384", "sha3_384"}, {"openssl_sha3_512", "sha3_512"},
    {"openssl_shake_128", "shake_128"}, {"openssl_shake_256", "shake_256"},
    {"openssl_blake2b", "blake2b"},   {"openssl_blake2s", "blake2s"},
};

template <int I>
Object* hashlib_named(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"", "usedforsecurity", "string", nullptr};
  // CPython: the data parameter is positional-only (openssl_md5(data=...) is refused).
  static const ArgSpec spec{kNamed[I].fname, names, 0, 1};
  Object* a[3] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  Object* data;
  if (!pick_data(kNamed[I].fname, a[0], a[2], &data)) return nullptr;
  const EVP_MD* md = digest_by_name(kNamed[I].py);
  if (!md) return raise_unsupported("[digital envelope routines] unsupported");
  return hash_create(md, data);
}

// pbkdf2_hmac(hash_name, password, salt, iterations, dklen=None)
Object* hashlib_pbkdf2_hmac(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"hash_name", "password", "salt", "iterations", "dklen",
                                      nullptr};
  static const ArgSpec spec{"pbkdf2_hmac", names, 4, 5};
  Object* a[5] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  if (!str_check(a[0])) {
    return err_format(&Exc_TypeError, "pbkdf2_hmac() argument 'hash_name' must be str, not %T",
                      a[0]);
  }
  const EVP_MD* md = digest_by_name(str_view(a[0]));
  if (!md) return raise_unsupported("unsupported hash type");
  ByteView pw, salt;
  if (!get_byte_view(a[1], &pw) || !get_byte_view(a[2], &salt)) return nullptr;
  if (!int_check(a[3])) {
    return err_format(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", a[3]);
  }
  ssize iters = int_as_ssize(a[3]);
  if (iters == -1 && err_occurred()) return nullptr;
  if (iters < 1) return err_format(&Exc_ValueError, "iteration value must be greater than 0.");
  if (iters > 0x7fffffff) return err_format(&Exc_OverflowError, "iteration value is too great.");
  ssize dklen = crypto.EVP_MD_get_size(md);
  if (a[4] && a[4] != None) {
    if (!int_check(a[4])) {
      return err_format(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", a[4]);
    }
    dklen = int_as_ssize(a[4]);
    if (dklen == -1 && err_occurred()) return nullptr;
    if (dklen < 1) return err_format(&Exc_ValueError, "key length must be greater than 0.");
    if (dklen > 0x7fffffff) return err_format(&Exc_OverflowError, "key length is too great.");
  }
  std::string pws(pw.data, size_t(pw.size)), salts(salt.data, size_t(salt.size));
  std::string out(size_t(dklen), '\0');
  int ok;
  {
    AllowThreads allow;  // CPython releases the GIL for the whole derivation
    ok = crypto.PKCS5_PBKDF2_HMAC(pws.data(), int(pws.size()),
                           reinterpret_cast<const unsigned char*>(salts.data()), int(salts.size()),
                           int(iters), md, int(dklen), reinterpret_cast<unsigned char*>(out.data()));
  }
  if (!ok) return raise_openssl_error(&Exc_ValueError);
  return bytes_from(out);
}

Object* hashlib_get_fips_mode(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("get_fips_mode", nargs, kwnames)) return nullptr;
  return int_from_i64(0);
}

// The OpenSSL digests available under their Python names (openssl_md_meth_names).
Object* md_meth_names() {
  Ref s = Ref::steal(set_new(nullptr));
  if (!s) return nullptr;
  for (const NameMap& m : kNames) {
    EVP_MD* md = crypto.EVP_MD_fetch(nullptr, m.ossl, nullptr);
    if (!md) continue;
    crypto.EVP_MD_free(md);
    Ref n = Ref::steal(str_from_cstr(m.py));
    if (!n || set_add(s.get(), n.get()) < 0) return nullptr;
  }
  crypto.ERR_clear_error();
  return frozenset_new(s.get());
}

#define GILPY_NAMED(i) {kNamed[i].fname, hashlib_named<i>, METH_DEFAULT, nullptr}
const MethodDef kModuleMethods[] = {
    {"new", hashlib_new, METH_DEFAULT, "Return a new hash object using the named algorithm."},
    {"pbkdf2_hmac", hashlib_pbkdf2_hmac, METH_DEFAULT, "Password based key derivation function 2 (PKCS #5 v2.0) with HMAC as pseudorandom function."},
    {"get_fips_mode", hashlib_get_fips_mode, METH_DEFAULT, "Determine the OpenSSL FIPS mode of operation."},
    GILPY_NAMED(0), GILPY_NAMED(1), GILPY_NAMED(2), GILPY_NAMED(3), GILPY_NAMED(4),
    GILPY_NAMED(5), GILPY_NAMED(6), GILPY_NAMED(7), GILPY_NAMED(8), GILPY_NAMED(9),
    GILPY_NAMED(10), GILPY_NAMED(11), GILPY_NAMED(12), GILPY_NAMED(13),
    {nullptr, nullptr, 0, nullptr},
};
#undef GILPY_NAMED
static_assert(sizeof(kNamed) / sizeof(kNamed[0]) == 14);

void init_hash_type(TypeObject* t, const char* name, const MethodDef* methods, TypeObject* base) {
  t->ob_type = &TypeType;
  make_immortal(t);
  t->name = name;
  t->basicsize = sizeof(HashObject);
  t->dealloc = hash_dealloc;
  t->repr = hash_repr;
  t->methods = methods;
  t->getset = base ? nullptr : kHashGetSet;
  t->base = base;
  if (base) t->flags |= 0;
  t->doc = "A hash is an object used to calculate a checksum of a string of information.";
}

}  // namespace

Object* hashlib_module_init() {
  if (!load_crypto()) return nullptr;
  if (!(HashType.flags & TPFLAG_READY)) {
    init_hash_type(&HashType, "_hashlib.HASH", kHashMethods, nullptr);
    HashType.flags = TPFLAG_BASETYPE;  // HASHXOF derives from it
    if (type_ready(&HashType) < 0) return nullptr;
    init_hash_type(&HashXofType, "_hashlib.HASHXOF", kXofMethods, &HashType);
    if (type_ready(&HashXofType) < 0) return nullptr;
  }
  if (!g_unsupported_error) {
    Ref name = Ref::steal(str_from_cstr("UnsupportedDigestmodError"));
    Ref bases = Ref::steal(tuple_pack(1, as_object(&Exc_ValueError)));
    Ref dict = Ref::steal(dict_new());
    Ref modname = Ref::steal(str_from_cstr("_hashlib"));
    if (!name || !bases || !dict || !modname ||
        dict_setitem_str(dict.get(), "__module__", modname.get()) < 0)
      return nullptr;
    g_unsupported_error = type_new_heap(&TypeType, name.get(), bases.get(), dict.get(), nullptr);
    if (!g_unsupported_error) return nullptr;
  }
  Ref m = Ref::steal(module_new("_hashlib"));
  if (!m || module_add_functions(m.get(), kModuleMethods) < 0 ||
      module_add_object(m.get(), "HASH", as_object(&HashType)) < 0 ||
      module_add_object(m.get(), "HASHXOF", as_object(&HashXofType)) < 0 ||
      module_add_object(m.get(), "UnsupportedDigestmodError", g_unsupported_error) < 0)
    return nullptr;
  Ref names = Ref::steal(md_meth_names());
  if (!names || module_add_object(m.get(), "openssl_md_meth_names", names.get()) < 0) {
    return nullptr;
  }
  return m.release();
}

}  // namespace gilpy

// Unit tests for str, bytes and the codecs (objects/strobject.cpp, str_methods.cpp, codecs.cpp,
// unicode_db.cpp, bytesobject.cpp, bytearrayobject.cpp).
//
// Two kinds of tests:
//  - the C++ API (construction and canonical kinds, UTF-8 round trips and caching, interning,
//    hashing, comparison, StrWriter, the Unicode predicates and case tables, codecs);
//  - the whole Unicode database against digests of CPython 3.12's answers for every code point
//    (unicode_digests.inc);
//  - a table of Python expressions (str_cases.inc) evaluated by the runtime, whose expected repr /
//    "ExcType: message" were computed by CPython 3.12 (tests/unit/str_cases.py regenerates it).
#include <gtest/gtest.h>

#include <cstring>
#include <string>

#include "compiler/compile.h"
#include "core/abstract.h"
#include "core/error.h"
#include "objects/bytesobject.h"
#include "objects/containers.h"
#include "objects/intobject.h"
#include "objects/str_internal.h"
#include "objects/strobject.h"
#include "vm/run.h"
#include "vm/state.h"

using namespace gilpy;

namespace {

class RuntimeEnv : public ::testing::Environment {
 public:
  void SetUp() override { ASSERT_TRUE(runtime_initialize(RuntimeConfig{})); }
};
const auto* const g_env = ::testing::AddGlobalTestEnvironment(new RuntimeEnv);

std::string exc_text() {
  Ref exc = Ref::steal(err_fetch());
  if (!exc) return "<no exception>";
  std::string msg;
  Ref s = Ref::steal(object_str(exc.get()));
  if (s) msg = std::string(str_view(s.get()));
  else err_clear();
  return std::string(type_name(type_of(exc.get()))) + ": " + msg;
}

// repr(result) or "ExcType: message".
std::string eval_repr(const char* expr) {
  Ref filename = Ref::steal(str_from_cstr("<test>"));
  Ref code = Ref::steal(compile_source(expr, filename.get(), CompileMode::Eval));
  if (!code) return "compile error: " + exc_text();
  Ref globals = Ref::steal(dict_new());
  dict_setitem_str(globals.get(), "__builtins__", main_interpreter()->builtins);
  Ref r = Ref::steal(eval_code(code.get(), globals.get(), globals.get()));
  if (!r) return exc_text();
  std::string out;
  if (!repr_utf8(r.get(), out)) return "repr failed: " + exc_text();
  return out;
}

std::string repr_of(Object* o) {
  std::string out;
  EXPECT_TRUE(repr_utf8(o, out));
  return out;
}

struct Case {
  const char* expr;
  const char* expected;
};
const Case kCases[] = {
#include "str_cases.inc"
};

TEST(StrCases, MatchCPython) {
  int failures = 0;
  for (const Case& c : kCases) {
    std::string got = eval_repr(c.expr);
    if (got != c.expected) {
      ++failures;
      ADD_FAILURE() << c.expr << "\n  expected: " << c.expected << "\n  got:      " << got;
    }
  }
  EXPECT_EQ(failures, 0);
}

TEST(StrApi, CanonicalKinds) {
  Ref a = Ref::steal(str_from_cstr("abc"));
  EXPECT_EQ(str_kind(a.get()), 1);
  EXPECT_EQ(static_cast<StrObject*>(a.get())->ascii, 1);
  Ref b = Ref::steal(str_from_cstr("caf\xc3\xa9"));
  EXPECT_EQ(str_kind(b.get()), 1);
  EXPECT_EQ(static_cast<StrObject*>(b.get())->ascii, 0);
  EXPECT_EQ(str_length(b.get()), 4);
  Ref c = Ref::steal(str_from_cstr("\xe2\x82\xac"));  // U+20AC
  EXPECT_EQ(str_kind(c.get()), 2);
  Ref d = Ref::steal(str_from_cstr("\xf0\x9f\x98\x80"));  // U+1F600
  EXPECT_EQ(str_kind(d.get()), 4);
  EXPECT_EQ(str_read(d.get(), 0), 0x1F600u);
  // data is NUL-terminated
  auto* so = static_cast<StrObject*>(a.get());
  EXPECT_EQ(static_cast<const char*>(so->data())[3], '\0');
  // narrowing: ucs4 input with only latin-1 code points gives kind 1
  const uint32_t cps[] = {0x61, 0xe9};
  Ref e = Ref::steal(str_from_ucs4(cps, 2));
  EXPECT_EQ(str_kind(e.get()), 1);
  EXPECT_TRUE(str_equal(e.get(), b.get()) == false);
}

TEST(StrApi, Utf8RoundTripAndCache) {
  const char* text = "h\xc3\xa9llo \xe2\x82\xac \xf0\x9f\x98\x80";
  Ref s = Ref::steal(str_from_cstr(text));
  ssize n = 0;
  const char* u = str_as_utf8(s.get(), &n);
  ASSERT_NE(u, nullptr);
  EXPECT_EQ(std::string(u, size_t(n)), text);
  EXPECT_EQ(str_as_utf8(s.get()), u);  // cached
  EXPECT_EQ(str_view(s.get()), text);
  EXPECT_TRUE(str_equal_cstr(s.get(), text));
  EXPECT_FALSE(str_equal_cstr(s.get(), "hello"));
}

TEST(StrApi, LoneSurrogateUtf8Fails) {
  Ref s = Ref::steal(str_from_codepoint(0xD800));
  ssize n = 0;
  EXPECT_EQ(str_as_utf8(s.get(), &n), nullptr);
  EXPECT_EQ(exc_text(),
            "UnicodeEncodeError: 'utf-8' codec can't encode character '\\ud800' in position 0: "
            "surrogates not allowed");
  // StrWriter keeps lone surrogates
  StrWriter w;
  w.append("a");
  ASSERT_TRUE(w.append_str(s.get()));
  w.append_char('b');
  Ref r = Ref::steal(w.finish());
  ASSERT_TRUE(r);
  EXPECT_EQ(str_length(r.get()), 3);
  EXPECT_EQ(str_read(r.get(), 1), 0xD800u);
}

TEST(StrApi, SingleCharsAndEmptyAreCached) {
  Ref a = Ref::steal(str_from_codepoint('a'));
  Ref b = Ref::steal(str_from_cstr("a"));
  EXPECT_EQ(a.get(), b.get());
  Ref e1 = Ref::steal(str_from_cstr(""));
  Ref e2 = Ref::steal(str_from_utf8("", 0));
  EXPECT_EQ(e1.get(), e2.get());
  Ref x1 = Ref::steal(str_from_codepoint(0xe9));
  Ref x2 = Ref::steal(str_from_cstr("\xc3\xa9"));
  EXPECT_EQ(x1.get(), x2.get());
  EXPECT_EQ(str_from_codepoint(0x110000), nullptr);
  err_clear();
}

TEST(StrApi, Interning) {
  Object* a = str_intern_cstr_borrowed("some_identifier");
  Object* b = str_intern_cstr_borrowed("some_identifier");
  EXPECT_EQ(a, b);
  EXPECT_TRUE(is_immortal(a));
  Object* fresh = str_from_cstr("some_identifier");
  EXPECT_NE(fresh, a);
  Object* interned = str_intern(fresh);  // consumes fresh
  EXPECT_EQ(interned, a);
  decref(interned);
  Object* other = str_intern(str_from_cstr("caf\xc3\xa9_name"));
  EXPECT_EQ(other, str_intern_cstr_borrowed("caf\xc3\xa9_name"));
  decref(other);
}

TEST(StrApi, HashEqualityAndCompare) {
  Ref a = Ref::steal(str_from_cstr("hello world"));
  Ref b = Ref::steal(str_from_cstr("hello world"));
  Ref c = Ref::steal(str_from_cstr("hello worle"));
  EXPECT_NE(a.get(), b.get());
  EXPECT_EQ(str_hash(a.get()), str_hash(b.get()));
  EXPECT_NE(str_hash(a.get()), -1);
  EXPECT_TRUE(str_equal(a.get(), b.get()));
  EXPECT_FALSE(str_equal(a.get(), c.get()));
  EXPECT_EQ(str_compare(a.get(), c.get()), -1);
  EXPECT_EQ(str_compare(c.get(), a.get()), 1);
  EXPECT_EQ(str_compare(a.get(), b.get()), 0);
  Ref wide = Ref::steal(str_from_cstr("\xe2\x82\xac"));
  Ref narrow = Ref::steal(str_from_cstr("\xc3\xbf"));
  EXPECT_EQ(str_compare(narrow.get(), wide.get()), -1);
  // hash(b'abc') == hash('abc'), as in CPython
  Ref by = Ref::steal(bytes_from("hello world", 11));
  EXPECT_EQ(object_hash(by.get()), str_hash(a.get()));
}

TEST(StrApi, ConcatJoinSubstringRepr) {
  Ref a = Ref::steal(str_from_cstr("ab"));
  Ref e = Ref::steal(str_from_cstr("\xe2\x82\xac"));
  Ref c = Ref::steal(str_concat(a.get(), e.get()));
  EXPECT_EQ(repr_of(c.get()), "'ab\xe2\x82\xac'");
  EXPECT_EQ(str_kind(c.get()), 2);
  Ref sub = Ref::steal(str_substring(c.get(), 0, 2));
  EXPECT_EQ(str_kind(sub.get()), 1);  // narrowed back
  Ref sep = Ref::steal(str_from_cstr(", "));
  Ref items = Ref::steal(list_new(0));
  list_append(items.get(), a.get());
  list_append(items.get(), e.get());
  Ref j = Ref::steal(str_join(sep.get(), items.get()));
  EXPECT_EQ(repr_of(j.get()), "'ab, \xe2\x82\xac'");
  Ref q = Ref::steal(str_from_cstr("it's"));
  Ref r = Ref::steal(str_repr(q.get()));
  EXPECT_EQ(std::string(str_view(r.get())), "\"it's\"");
}

TEST(StrApi, UnicodePredicatesAndTables) {
  EXPECT_TRUE(unicode_isspace(0x3000));
  EXPECT_TRUE(unicode_isspace(0x1c));
  EXPECT_FALSE(unicode_isspace(0x200b));
  EXPECT_TRUE(unicode_isalpha(0x4e00));
  EXPECT_FALSE(unicode_isalpha('1'));
  EXPECT_TRUE(unicode_isdecimal(0x0663));
  EXPECT_EQ(unicode_decimal_value(0x0663), 3);
  EXPECT_EQ(unicode_decimal_value(0x1D7D9), 1);  // MATHEMATICAL DOUBLE-STRUCK DIGIT ONE
  EXPECT_EQ(unicode_decimal_value('x'), -1);
  EXPECT_TRUE(unicode_isdigit(0xb2));
  EXPECT_FALSE(unicode_isdecimal(0xb2));
  EXPECT_TRUE(unicode_isnumeric(0xbd));
  EXPECT_TRUE(unicode_isupper(0x391));
  EXPECT_TRUE(unicode_islower(0x3b1));
  EXPECT_FALSE(unicode_isprintable(0xad));
  EXPECT_TRUE(unicode_isprintable(0xe9));
  EXPECT_TRUE(unicode_is_xid_start(0x2115));
  EXPECT_FALSE(unicode_is_xid_start('_'));
  EXPECT_TRUE(unicode_is_xid_continue('_'));
  EXPECT_TRUE(unicode_is_xid_continue(0xb7));
  EXPECT_FALSE(unicode_is_xid_continue('-'));
}

// Every predicate and case mapping over all 0x110000 code points, against digests computed by
// CPython 3.12 from the corresponding str methods (unicode_digests.inc).
struct UnicodeDigest {
  const char* name;
  bool (*pred)(uint32_t);
  int (*map)(uint32_t, uint32_t*);
  uint64_t digest;
};
const UnicodeDigest kUnicodeDigests[] = {
#include "unicode_digests.inc"
};

TEST(UnicodeDb, AllCodePointsMatchCPython) {
  for (const UnicodeDigest& d : kUnicodeDigests) {
    uint64_t acc = 0;
    uint32_t out[3];
    for (uint32_t c = 0; c < 0x110000; ++c) {
      if (d.pred) {
        if (d.pred(c)) acc = (acc * 31 + c) % 1000000007u;
      } else {
        int n = d.map(c, out);
        for (int i = 0; i < n; ++i) acc = (acc * 31 + out[i]) % 1000000007u;
      }
    }
    EXPECT_EQ(acc, d.digest) << d.name;
  }
}

TEST(StrApi, Codecs) {
  Ref s = Ref::steal(str_decode("caf\xc3\xa9", 5, "utf-8", "strict"));
  ASSERT_TRUE(s);
  EXPECT_EQ(str_length(s.get()), 4);
  Ref b = Ref::steal(str_encode(s.get(), "latin-1", "strict"));
  ASSERT_TRUE(b);
  EXPECT_EQ(std::string(bytes_view(b.get())), "caf\xe9");
  EXPECT_EQ(str_decode_utf8("\xff", 1, "strict"), nullptr);
  EXPECT_EQ(exc_text(),
            "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid "
            "start byte");
  EXPECT_EQ(str_encode(s.get(), "xyz", "strict"), nullptr);
  EXPECT_EQ(exc_text(), "LookupError: unknown encoding: xyz");
  Ref r = Ref::steal(str_decode_utf8("a\xff", 2, "replace"));
  ASSERT_TRUE(r);
  EXPECT_EQ(str_read(r.get(), 1), 0xFFFDu);
}

TEST(BytesApi, Basics) {
  Ref b = Ref::steal(bytes_from("a'b\"\x00\xff", 6));
  EXPECT_EQ(repr_of(b.get()), "b'a\\'b\"\\x00\\xff'");
  Ref ba = Ref::steal(bytearray_from("xy", 2));
  EXPECT_EQ(repr_of(ba.get()), "bytearray(b'xy')");
  ByteView v;
  ASSERT_TRUE(get_byte_view(ba.get(), &v));
  EXPECT_EQ(std::string(v.data, size_t(v.size)), "xy");
  Ref s = Ref::steal(str_from_cstr("x"));
  EXPECT_FALSE(get_byte_view(s.get(), &v));
  EXPECT_EQ(exc_text(), "TypeError: a bytes-like object is required, not 'str'");
}

}  // namespace

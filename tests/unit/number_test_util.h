// Helpers shared by the numbers unit tests (int_test.cpp, float_test.cpp, format_number_test.cpp):
// decoding the values of the generated case tables (*_cases.inc, see gen_number_cases.py),
// applying an operator by name, and describing a result the way the generator does (repr, or
// "!ExcType: message" for an exception).
#pragma once

#include <gtest/gtest.h>

#include <bit>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/abstract.h"
#include "core/error.h"
#include "objects/complexobject.h"
#include "objects/containers.h"
#include "objects/floatobject.h"
#include "objects/intobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"
#include "vm/run.h"

namespace gilpy::numtest {

struct BinCase {
  const char* a;
  const char* op;
  const char* b;
  const char* expected;
};
struct UnaryCase {
  const char* value;
  const char* fn;
  const char* expected;
};
struct ReprCase {
  uint64_t bits;
  const char* expected;
};
struct RoundCase {
  uint64_t bits;
  int ndigits;
  const char* expected;
};
struct ParseCase {
  const char* text;
  int base;
  const char* expected;
};
struct FormatCase {
  const char* value;
  const char* spec;
  const char* expected;
};

class RuntimeEnv : public ::testing::Environment {
 public:
  void SetUp() override { ASSERT_TRUE(runtime_initialize(RuntimeConfig{})); }
};

inline double bits_to_double(std::string_view hex) {
  return std::bit_cast<double>(uint64_t(std::strtoull(std::string(hex).c_str(), nullptr, 16)));
}

// "i:123", "f:<bits>", "c:<bits>:<bits>" -> new reference.
inline Object* make_value(std::string_view enc) {
  std::string_view body = enc.substr(2);
  switch (enc[0]) {
    case 'i':
      return int_from_string(body.data(), ssize(body.size()), 10);
    case 'f':
      return float_from_double(bits_to_double(body));
    default: {
      size_t colon = body.find(':');
      return complex_from_doubles(bits_to_double(body.substr(0, colon)),
                                  bits_to_double(body.substr(colon + 1)));
    }
  }
}

// repr(result) or "!Type: message" (consumes the pending exception when result is null).
inline std::string describe(Object* result, bool hex_big = false) {
  if (!result) {
    Ref exc = Ref::steal(err_fetch());
    if (!exc) return "<null without exception>";
    std::string msg;
    if (!str_utf8(exc.get(), msg)) {
      err_clear();
      msg = "<str failed>";
    }
    return std::string("!") + type_name(type_of(exc.get())) + ": " + msg;
  }
  Ref owned = Ref::steal(result);
  if (hex_big && int_check(result)) {
    Ref h = Ref::steal(int_to_base_string(result, 16));
    return "hex=" + std::string(str_view(h.get()));
  }
  std::string out;
  if (!repr_utf8(result, out)) {
    err_clear();
    return "<repr failed>";
  }
  return out;
}

inline Object* apply_binary(Object* a, std::string_view op, Object* b) {
  struct {
    const char* name;
    int code;
  } static const kOps[] = {
      {"+", NB_ADD},           {"-", NB_SUBTRACT},  {"*", NB_MULTIPLY}, {"/", NB_TRUE_DIVIDE},
      {"//", NB_FLOOR_DIVIDE}, {"%", NB_REMAINDER}, {"**", NB_POWER},   {"<<", NB_LSHIFT},
      {">>", NB_RSHIFT},       {"&", NB_AND},       {"|", NB_OR},       {"^", NB_XOR}};
  for (const auto& o : kOps) {
    if (op == o.name) return number_binary_op(a, b, o.code);
  }
  struct {
    const char* name;
    int code;
  } static const kCmp[] = {{"<", CMP_LT},  {"<=", CMP_LE}, {"==", CMP_EQ},
                           {"!=", CMP_NE}, {">", CMP_GT},  {">=", CMP_GE}};
  for (const auto& o : kCmp) {
    if (op == o.name) return object_richcompare(a, b, o.code);
  }
  if (op == "divmod") return number_divmod(a, b);
  ADD_FAILURE() << "unknown operator " << op;
  return nullptr;
}

inline Object* apply_unary(Object* v, std::string_view fn) {
  if (fn == "repr") return object_repr(v);
  if (fn == "hash") {
    hash_t h = object_hash(v);
    if (h == -1 && err_occurred()) return nullptr;
    return int_from_i64(h);
  }
  if (fn == "neg") return number_negative(v);
  if (fn == "pos") return number_positive(v);
  if (fn == "abs") return number_absolute(v);
  if (fn == "invert") return number_invert(v);
  if (fn == "int") return call1(as_object(&IntType), v);
  if (fn == "float") return call1(as_object(&FloatType), v);
  if (fn == "bool") {
    int t = object_is_true(v);
    if (t < 0) return nullptr;
    return bool_from(t);
  }
  if (fn == "round") return call_method0(v, "__round__");
  if (fn == "trunc") return call_method0(v, "__trunc__");
  if (fn == "floor") return call_method0(v, "__floor__");
  if (fn == "ceil") return call_method0(v, "__ceil__");
  ADD_FAILURE() << "unknown function " << fn;
  return nullptr;
}

inline std::string run_binary(const BinCase& c) {
  Ref a = Ref::steal(make_value(c.a));
  Ref b = Ref::steal(make_value(c.b));
  if (!a || !b) return describe(nullptr);
  return describe(apply_binary(a.get(), c.op, b.get()));
}

inline std::string run_unary(const UnaryCase& c) {
  Ref v = Ref::steal(make_value(c.value));
  if (!v) return describe(nullptr);
  return describe(apply_unary(v.get(), c.fn));
}

}  // namespace gilpy::numtest

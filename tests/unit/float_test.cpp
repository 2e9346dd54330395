// Unit tests for float and complex (objects/floatobject.cpp, objects/complexobject.cpp).
//
// Table-driven against CPython 3.12 (float_cases.inc from gen_number_cases.py): repr of ~5000
// doubles (random bit patterns, powers of ten, classic cases such as 0.1+0.2 and 2.675),
// arithmetic and comparisons mixing float, int (including values beyond 2**63 and 2**1024) and
// complex, special values (inf, nan, -0.0), unary operations and hashes, round(x, n) for
// n from -400 to 400, float(str) and complex(str) parsing. Plus hex/fromhex and the C++ API.
#include <cmath>

#include "number_test_util.h"
#include "objects/bytesobject.h"
#include "objects/number_impl.h"

using namespace gilpy;
using namespace gilpy::numtest;

namespace {

const auto* const g_env = ::testing::AddGlobalTestEnvironment(new RuntimeEnv);

#include "float_cases.inc"

TEST(FloatTable, Repr) {
  int failures = 0;
  for (const ReprCase& c : kFloatReprCases) {
    double v = std::bit_cast<double>(c.bits);
    std::string got = float_repr_string(v);
    if (got != c.expected && ++failures <= 40) {
      ADD_FAILURE() << std::hex << c.bits << ": got " << got << ", expected " << c.expected;
    }
  }
  EXPECT_EQ(failures, 0);
}

TEST(FloatTable, ReprThroughObject) {
  Ref f = Ref::steal(float_from_double(1e16));
  EXPECT_EQ(describe(object_repr(f.get())), "'1e+16'");
  EXPECT_EQ(describe(object_str(f.get())), "'1e+16'");
  EXPECT_EQ(float_repr_string(-0.0), "-0.0");
  EXPECT_EQ(float_repr_string(INFINITY), "inf");
  EXPECT_EQ(float_repr_string(-INFINITY), "-inf");
  EXPECT_EQ(float_repr_string(NAN), "nan");
  EXPECT_EQ(float_repr_string(1e-5), "1e-05");
  EXPECT_EQ(float_repr_string(0.0001), "0.0001");
  EXPECT_EQ(float_repr_string(1e15), "1000000000000000.0");
}

TEST(FloatTable, BinaryOperators) {
  int failures = 0;
  for (const BinCase& c : kFloatBinCases) {
    std::string got = run_binary(c);
    if (got != c.expected && ++failures <= 40) {
      ADD_FAILURE() << c.a << " " << c.op << " " << c.b << ": got " << got << ", expected "
                    << c.expected;
    }
  }
  EXPECT_EQ(failures, 0);
}

TEST(FloatTable, UnaryAndConversions) {
  int failures = 0;
  for (const UnaryCase& c : kUnaryCases) {
    std::string got = run_unary(c);
    if (got != c.expected && ++failures <= 40) {
      ADD_FAILURE() << c.fn << "(" << c.value << "): got " << got << ", expected " << c.expected;
    }
  }
  EXPECT_EQ(failures, 0);
}

TEST(FloatTable, RoundNdigits) {
  int failures = 0;
  for (const RoundCase& c : kFloatRoundCases) {
    Ref v = Ref::steal(float_from_double(std::bit_cast<double>(c.bits)));
    Ref n = Ref::steal(int_from_i64(c.ndigits));
    std::string got = describe(call_method1(v.get(), "__round__", n.get()));
    if (got != c.expected && ++failures <= 40) {
      ADD_FAILURE() << "round(" << std::bit_cast<double>(c.bits) << ", " << c.ndigits << "): got "
                    << got << ", expected " << c.expected;
    }
  }
  EXPECT_EQ(failures, 0);
}

TEST(FloatTable, ParseFloat) {
  for (const ParseCase& c : kFloatParseCases) {
    Ref text = Ref::steal(str_from_cstr(c.text));
    EXPECT_EQ(describe(call1(as_object(&FloatType), text.get())), c.expected)
        << "float(" << c.text << ")";
  }
  Ref b = Ref::steal(bytes_from(" 2.5 ", 5));
  EXPECT_EQ(describe(float_from_string(b.get())), "2.5");
  Ref bad = Ref::steal(bytes_from("x", 1));
  EXPECT_EQ(describe(float_from_string(bad.get())),
            "!ValueError: could not convert string to float: b'x'");
}

TEST(FloatTable, ParseComplex) {
  for (const ParseCase& c : kComplexParseCases) {
    Ref text = Ref::steal(str_from_cstr(c.text));
    EXPECT_EQ(describe(call1(as_object(&ComplexType), text.get())), c.expected)
        << "complex(" << c.text << ")";
  }
}

TEST(Float, HexAndFromhex) {
  struct {
    double v;
    const char* hex;
  } cases[] = {{1.5, "'0x1.8000000000000p+0'"},
               {3.0, "'0x1.8000000000000p+1'"},
               {0.1, "'0x1.999999999999ap-4'"},
               {-0.0, "'-0x0.0p+0'"},
               {5e-324, "'0x0.0000000000001p-1022'"},
               {1e-310, "'0x0.012688b70e62bp-1022'"},
               {INFINITY, "'inf'"}};
  for (const auto& c : cases) {
    Ref f = Ref::steal(float_from_double(c.v));
    EXPECT_EQ(describe(call_method0(f.get(), "hex")), c.hex);
  }
  struct {
    const char* text;
    const char* expected;
  } parse[] = {{"0x1.8p1", "3.0"},
               {" -0X.8P-1 ", "-0.25"},
               {"1.8p1", "3.0"},
               {"inf", "inf"},
               {"-Infinity", "-inf"},
               {"0x1.p3", "8.0"},
               {"0x1p-1080", "0.0"},
               {"0x1.0000000000001p-1074", "5e-324"},
               {"0x1.fffffffffffff8p1023",
                "!OverflowError: hexadecimal value too large to "
                "represent as a float"},
               {"0x1p99999", "!OverflowError: hexadecimal value too large to represent as a float"},
               {"zz", "!ValueError: invalid hexadecimal floating-point string"},
               {"0x", "!ValueError: invalid hexadecimal floating-point string"},
               {"1e5", "485.0"}};
  Ref fromhex = Ref::steal(object_getattr_str(as_object(&FloatType), "fromhex"));
  ASSERT_TRUE(fromhex);
  for (const auto& c : parse) {
    Ref s = Ref::steal(str_from_cstr(c.text));
    EXPECT_EQ(describe(call1(fromhex.get(), s.get())), c.expected) << c.text;
  }
}

TEST(Float, Methods) {
  Ref f = Ref::steal(float_from_double(0.1));
  EXPECT_EQ(describe(call_method0(f.get(), "as_integer_ratio")),
            "(3602879701896397, 36028797018963968)");
  Ref g = Ref::steal(float_from_double(-0.75));
  EXPECT_EQ(describe(call_method0(g.get(), "as_integer_ratio")), "(-3, 4)");
  Ref inf = Ref::steal(float_from_double(INFINITY));
  EXPECT_EQ(describe(call_method0(inf.get(), "as_integer_ratio")),
            "!OverflowError: cannot convert Infinity to integer ratio");
  EXPECT_EQ(describe(call_method0(inf.get(), "is_integer")), "False");
  Ref three = Ref::steal(float_from_double(3.0));
  EXPECT_EQ(describe(call_method0(three.get(), "is_integer")), "True");
  EXPECT_EQ(describe(call_method0(three.get(), "conjugate")), "3.0");
}

TEST(Float, CppApi) {
  EXPECT_EQ(float_hash_value(1.0), 1);
  EXPECT_EQ(float_hash_value(-1.0), -2);
  EXPECT_EQ(float_hash_value(0.5), 1152921504606846976);
  EXPECT_EQ(float_hash_value(INFINITY), 314159);
  Ref i = Ref::steal(int_from_i64(7));
  EXPECT_EQ(float_as_double(i.get()), 7.0);
  Ref s = Ref::steal(str_from_cstr("x"));
  EXPECT_EQ(float_as_double(s.get()), -1.0);
  EXPECT_EQ(describe(nullptr), "!TypeError: must be real number, not str");
  EXPECT_EQ(double_to_string(2.5, 'f', 0, 0), "2");
  EXPECT_EQ(double_to_string(0.125, 'f', 2, 0), "0.12");
  EXPECT_EQ(double_to_string(-0.001, 'f', 1, DTSF_NO_NEG_0), "0.0");
  EXPECT_EQ(double_to_string(1.0, 'g', 6, DTSF_ALT), "1.00000");
  EXPECT_EQ(double_to_string(123456789.0, 'e', 6, 0), "1.234568e+08");
  Ref c = Ref::steal(complex_from_doubles(0.0, 2.0));
  EXPECT_EQ(describe(newref(c.get())), "2j");
  Ref p = Ref::steal(complex_pow_doubles(-8.0, 0.0, 1.0 / 3, 0.0));
  EXPECT_EQ(describe(newref(p.get())), "(1.0000000000000002+1.7320508075688772j)");
}

}  // namespace

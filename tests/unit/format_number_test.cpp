// Unit tests for the format mini-language on numbers (objects/format_number.cpp): format(value,
// spec) for ints (b c d o x X n, '#', ',' and '_' grouping, sign, '=' and zero padding, errors),
// floats (e E f F g G n %, the no-type default, precision, 'z', '#') and complex, compared with
// CPython 3.12 (format_number_cases.inc from gen_number_cases.py).
#include "number_test_util.h"
#include "objects/format_spec.h"

using namespace gilpy;
using namespace gilpy::numtest;

namespace {

const auto* const g_env = ::testing::AddGlobalTestEnvironment(new RuntimeEnv);

#include "format_number_cases.inc"

TEST(FormatNumber, Table) {
  int failures = 0;
  for (const FormatCase& c : kFormatCases) {
    Ref v = Ref::steal(make_value(c.value));
    Ref spec = Ref::steal(str_from_cstr(c.spec));
    std::string got = describe(call_method1(v.get(), "__format__", spec.get()));
    if (got != c.expected && ++failures <= 60) {
      ADD_FAILURE() << "format(" << c.value << ", '" << c.spec << "'): got " << got << ", expected "
                    << c.expected;
    }
  }
  EXPECT_EQ(failures, 0);
}

TEST(FormatNumber, DirectCalls) {
  Ref i = Ref::steal(int_from_i64(1234));
  Ref spec = Ref::steal(str_from_cstr("08,"));
  EXPECT_EQ(describe(format_int(i.get(), spec.get())), "'0,001,234'");
  Ref fspec = Ref::steal(str_from_cstr(",.2f"));
  EXPECT_EQ(describe(format_float(1234567.891, fspec.get())), "'1,234,567.89'");
  Ref empty = Ref::steal(str_from_cstr(""));
  EXPECT_EQ(describe(format_float(1e16, empty.get())), "'1e+16'");
  EXPECT_EQ(describe(format_int(True, empty.get())), "'True'");
  Ref d = Ref::steal(str_from_cstr("d"));
  EXPECT_EQ(describe(format_int(True, d.get())), "'1'");
}

}  // namespace

// Unit tests for string formatting: the format-spec parser and format_pad (objects/format_spec.cpp),
// str.__format__, printf-style `%` formatting and str.format / format_map (objects/str_format.cpp).
//
// The Python-level cases (str_format_cases.inc) are expressions whose expected repr or
// "ExcType: message" were computed by CPython 3.12 (tests/unit/str_cases.py regenerates them); the
// parser tests check the fields CPython's parse_internal_render_format_spec produces.
#include <gtest/gtest.h>

#include <string>

#include "compiler/compile.h"
#include "core/abstract.h"
#include "core/error.h"
#include "objects/containers.h"
#include "objects/format_spec.h"
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

struct Case {
  const char* expr;
  const char* expected;
};
const Case kCases[] = {
#include "str_format_cases.inc"
};

TEST(FormatCases, MatchCPython) {
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

bool parse(const char* spec, FormatSpec* out, const char* type = "int") {
  Ref s = Ref::steal(str_from_cstr(spec));
  return parse_format_spec(s.get(), type, out);
}

TEST(ParseFormatSpec, Fields) {
  FormatSpec f;
  ASSERT_TRUE(parse("", &f));
  EXPECT_EQ(f.fill, uint32_t(' '));
  EXPECT_EQ(f.align, 0);
  EXPECT_EQ(f.width, -1);
  EXPECT_EQ(f.precision, -1);
  EXPECT_EQ(f.type, 0u);

  ASSERT_TRUE(parse("*^+z#012,.3f", &f));
  EXPECT_EQ(f.fill, uint32_t('*'));
  EXPECT_EQ(f.align, '^');
  EXPECT_EQ(f.sign, '+');
  EXPECT_TRUE(f.no_neg_zero);
  EXPECT_TRUE(f.alternate);
  EXPECT_EQ(f.width, 12);  // '0' after an explicit fill is part of the width
  EXPECT_EQ(f.grouping, ',');
  EXPECT_EQ(f.precision, 3);
  EXPECT_EQ(f.type, uint32_t('f'));

  ASSERT_TRUE(parse("08_x", &f));
  EXPECT_EQ(f.fill, uint32_t('0'));
  EXPECT_EQ(f.align, 0);  // bare '0': numbers use '='
  EXPECT_EQ(format_spec_align(f, '>'), '=');
  EXPECT_EQ(format_spec_align(f, '<'), '<');
  EXPECT_EQ(f.width, 8);
  EXPECT_EQ(f.grouping, '_');
  EXPECT_EQ(f.type, uint32_t('x'));

  ASSERT_TRUE(parse("<08", &f));
  EXPECT_EQ(f.align, '<');
  EXPECT_EQ(f.fill, uint32_t('0'));
  EXPECT_EQ(f.width, 8);

  ASSERT_TRUE(parse("\xe2\x82\xac>10", &f));  // non-ASCII fill
  EXPECT_EQ(f.fill, 0x20ACu);
  EXPECT_EQ(f.align, '>');
  EXPECT_EQ(f.width, 10);

  ASSERT_TRUE(parse("\xd9\xa3", &f));  // ARABIC-INDIC DIGIT THREE as width
  EXPECT_EQ(f.width, 3);

  ASSERT_TRUE(parse("<", &f));  // a lone alignment character
  EXPECT_EQ(f.align, '<');
  EXPECT_EQ(f.type, 0u);
}

TEST(ParseFormatSpec, Errors) {
  FormatSpec f;
  EXPECT_FALSE(parse("5.", &f));
  EXPECT_EQ(exc_text(), "ValueError: Format specifier missing precision");
  EXPECT_FALSE(parse("5.2xx", &f, "float"));
  EXPECT_EQ(exc_text(), "ValueError: Invalid format specifier '5.2xx' for object of type 'float'");
  EXPECT_FALSE(parse(",_", &f));
  EXPECT_EQ(exc_text(), "ValueError: Cannot specify both ',' and '_'.");
  EXPECT_FALSE(parse("_,", &f));
  EXPECT_EQ(exc_text(), "ValueError: Cannot specify both ',' and '_'.");
  EXPECT_FALSE(parse(",x", &f));
  EXPECT_EQ(exc_text(), "ValueError: Cannot specify ',' with 'x'.");
  EXPECT_FALSE(parse(",\x01", &f));
  EXPECT_EQ(exc_text(), "ValueError: Cannot specify ',' with '\\x1'.");
  EXPECT_FALSE(parse("99999999999999999999", &f));
  EXPECT_EQ(exc_text(), "ValueError: Too many decimal digits in format string");
  EXPECT_TRUE(parse("_b", &f));
}

std::string pad(const char* spec, const char* body, ssize len, char dflt) {
  FormatSpec f;
  EXPECT_TRUE(parse(spec, &f));
  Ref r = Ref::steal(format_pad(f, body, len, dflt));
  if (!r) return exc_text();
  return std::string(str_view(r.get()));
}

TEST(FormatPad, Alignment) {
  EXPECT_EQ(pad("", "42", 2, '>'), "42");
  EXPECT_EQ(pad("6", "42", 2, '>'), "    42");
  EXPECT_EQ(pad("<6", "42", 2, '>'), "42    ");
  EXPECT_EQ(pad("^6", "42", 2, '>'), "  42  ");
  EXPECT_EQ(pad("^7", "42", 2, '>'), "  42   ");
  EXPECT_EQ(pad("*>5", "-1", 2, '>'), "***-1");
  EXPECT_EQ(pad("06", "-42", 3, '>'), "-00042");
  EXPECT_EQ(pad("=+8", "+0x1f", 5, '>'), "+0x   1f");  // format(31, "=+#8x")
  EXPECT_EQ(pad("0=8", "-0b101", 6, '>'), "-0b00101");
  EXPECT_EQ(pad("\xe2\x82\xac^5", "\xc3\xa9", 1, '<'),
            "\xe2\x82\xac\xe2\x82\xac\xc3\xa9\xe2\x82\xac\xe2\x82\xac");
  EXPECT_EQ(pad("2", "abc", 3, '<'), "abc");
}

TEST(FormatStr, Direct) {
  Ref s = Ref::steal(str_from_cstr("abc"));
  Ref spec = Ref::steal(str_from_cstr("*^7.2"));
  Ref r = Ref::steal(format_str(s.get(), spec.get()));
  ASSERT_TRUE(r);
  EXPECT_EQ(std::string(str_view(r.get())), "**ab***");
  Ref empty = Ref::steal(format_str(s.get(), nullptr));
  EXPECT_EQ(empty.get(), s.get());  // exact str with an empty spec: itself
}

}  // namespace

// Tokenizer tests: token kinds and positions compared with CPython 3.12.1 `tokenize` (exact_type),
// ignoring the tokens CPython emits for comments/blank lines (COMMENT, NL) and ENCODING.
#include <gtest/gtest.h>
#include <string>
#include "parser/tokenizer.h"

using namespace gilpy::parser;

namespace {
std::string tokens_of(const std::string& src) {
  Tokenizer t(src);
  if (!t.run()) return "ERROR " + t.error().info.msg;
  std::string out;
  for (const Token& k : t.tokens()) {
    if (k.type == Tok::Dedent || k.type == Tok::EndMarker) continue;
    out += name_of(k.type);
    out += " " + std::to_string(k.lineno) + "," + std::to_string(k.col) + "-" + std::to_string(k.end_lineno) + "," + std::to_string(k.end_col) + ";";
  }
  return out;
}
}  // namespace

TEST(Tokenizer, MatchesCPython0) {
  EXPECT_EQ(tokens_of("x = 1\n"),
            R"PYX(NAME 1,0-1,1;EQUAL 1,2-1,3;NUMBER 1,4-1,5;NEWLINE 1,5-1,6;)PYX");
}

TEST(Tokenizer, MatchesCPython1) {
  EXPECT_EQ(tokens_of("if a:\n    b += 2  # c\n\nc **= 3\n"),
            R"PYX(NAME 1,0-1,2;NAME 1,3-1,4;COLON 1,4-1,5;NEWLINE 1,5-1,6;INDENT 2,0-2,4;NAME 2,4-2,5;PLUSEQUAL 2,6-2,8;NUMBER 2,9-2,10;NEWLINE 2,15-2,16;NAME 4,0-4,1;DOUBLESTAREQUAL 4,2-4,5;NUMBER 4,6-4,7;NEWLINE 4,7-4,8;)PYX");
}

TEST(Tokenizer, MatchesCPython2) {
  EXPECT_EQ(tokens_of("f(a,\n  b)\n"),
            R"PYX(NAME 1,0-1,1;LPAR 1,1-1,2;NAME 1,2-1,3;COMMA 1,3-1,4;NAME 2,2-2,3;RPAR 2,3-2,4;NEWLINE 2,4-2,5;)PYX");
}

TEST(Tokenizer, MatchesCPython3) {
  EXPECT_EQ(tokens_of("x = 0x1F + 1_000 + 1.5e-3j + .5\n"),
            R"PYX(NAME 1,0-1,1;EQUAL 1,2-1,3;NUMBER 1,4-1,8;PLUS 1,9-1,10;NUMBER 1,11-1,16;PLUS 1,17-1,18;NUMBER 1,19-1,26;PLUS 1,27-1,28;NUMBER 1,29-1,31;NEWLINE 1,31-1,32;)PYX");
}

TEST(Tokenizer, MatchesCPython4) {
  EXPECT_EQ(tokens_of("s = rb'a' + F'{x!r:>{w}}' + '''t\n'''\n"),
            R"PYX(NAME 1,0-1,1;EQUAL 1,2-1,3;STRING 1,4-1,9;PLUS 1,10-1,11;FSTRING_START 1,12-1,14;LBRACE 1,14-1,15;NAME 1,15-1,16;EXCLAMATION 1,16-1,17;NAME 1,17-1,18;COLON 1,18-1,19;FSTRING_MIDDLE 1,19-1,20;LBRACE 1,20-1,21;NAME 1,21-1,22;RBRACE 1,22-1,23;FSTRING_MIDDLE 1,23-1,23;RBRACE 1,23-1,24;FSTRING_END 1,24-1,25;PLUS 1,26-1,27;STRING 1,28-2,3;NEWLINE 2,3-2,4;)PYX");
}

TEST(Tokenizer, MatchesCPython5) {
  EXPECT_EQ(tokens_of("a := b -> c ... @= //= != <= >= << >>= ~ ^\n"),
            R"PYX(NAME 1,0-1,1;COLONEQUAL 1,2-1,4;NAME 1,5-1,6;RARROW 1,7-1,9;NAME 1,10-1,11;ELLIPSIS 1,12-1,15;ATEQUAL 1,16-1,18;DOUBLESLASHEQUAL 1,19-1,22;NOTEQUAL 1,23-1,25;LESSEQUAL 1,26-1,28;GREATEREQUAL 1,29-1,31;LEFTSHIFT 1,32-1,34;RIGHTSHIFTEQUAL 1,35-1,38;TILDE 1,39-1,40;CIRCUMFLEX 1,41-1,42;NEWLINE 1,42-1,43;)PYX");
}

TEST(Tokenizer, MatchesCPython6) {
  EXPECT_EQ(tokens_of("x = \\\n  1\n"),
            R"PYX(NAME 1,0-1,1;EQUAL 1,2-1,3;NUMBER 2,2-2,3;NEWLINE 2,3-2,4;)PYX");
}

TEST(Tokenizer, MatchesCPython7) {
  EXPECT_EQ(tokens_of("\303\251\346\227\245\346\234\254 = 1\n"),
            R"PYX(NAME 1,0-1,8;EQUAL 1,9-1,10;NUMBER 1,11-1,12;NEWLINE 1,12-1,13;)PYX");
}

TEST(Tokenizer, MatchesCPython8) {
  EXPECT_EQ(tokens_of("f\"{x:{y}}\" f\"a\"\n"),
            R"PYX(FSTRING_START 1,0-1,2;LBRACE 1,2-1,3;NAME 1,3-1,4;COLON 1,4-1,5;LBRACE 1,5-1,6;NAME 1,6-1,7;RBRACE 1,7-1,8;FSTRING_MIDDLE 1,8-1,8;RBRACE 1,8-1,9;FSTRING_END 1,9-1,10;FSTRING_START 1,11-1,13;FSTRING_MIDDLE 1,13-1,14;FSTRING_END 1,14-1,15;NEWLINE 1,15-1,16;)PYX");
}

TEST(Tokenizer, MatchesCPython9) {
  EXPECT_EQ(tokens_of("def f():\n\tif x:\n\t\treturn\n"),
            R"PYX(NAME 1,0-1,3;NAME 1,4-1,5;LPAR 1,5-1,6;RPAR 1,6-1,7;COLON 1,7-1,8;NEWLINE 1,8-1,9;INDENT 2,0-2,1;NAME 2,1-2,3;NAME 2,4-2,5;COLON 2,5-2,6;NEWLINE 2,6-2,7;INDENT 3,0-3,2;NAME 3,2-3,8;NEWLINE 3,8-3,9;)PYX");
}

TEST(Tokenizer, MatchesCPython10) {
  EXPECT_EQ(tokens_of("x = f\"a{b=}c\"\n"),
            R"PYX(NAME 1,0-1,1;EQUAL 1,2-1,3;FSTRING_START 1,4-1,6;FSTRING_MIDDLE 1,6-1,7;LBRACE 1,7-1,8;NAME 1,8-1,9;EQUAL 1,9-1,10;RBRACE 1,10-1,11;FSTRING_MIDDLE 1,11-1,12;FSTRING_END 1,12-1,13;NEWLINE 1,13-1,14;)PYX");
}

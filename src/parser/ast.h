// gilpy AST — the parser's output, mirroring CPython 3.12's Parser/Python.asdl (the `ast` module).
//
// Design
// ------
// * Every node lives in one `Arena` owned by the parse result (see parser.h `ParseResult`). Nodes are
//   trivially destructible: the arena frees its blocks in one go and never runs destructors. Nothing
//   in this file owns memory; all pointers/spans/string_views point into the arena (or are null).
//   Consequently a node must not outlive the `Arena` (i.e. the `ParseResult`) it came from.
// * Node kinds and field names follow CPython exactly (`BinOp{left, op, right}`, `arguments{posonlyargs,
//   args, vararg, kwonlyargs, kw_defaults, kwarg, defaults}`, ...). Abstract sums are a base struct with
//   a tag (`Expr`/`ExprKind`, `Stmt`/`StmtKind`, `Pattern`/`PatternKind`, `TypeParam`/`TypeParamKind`);
//   each constructor is a struct deriving from the base. Downcast with `node->as<BinOp>()` (asserts the
//   tag) after switching on `node->kind`.
//   Name clashes: the statement `Expr` is `ExprStmt` (kind StmtKind::Expr); `arguments` is `Arguments`,
//   `arg` is `Arg`, `keyword` is `Keyword`, `alias` is `Alias`, `withitem` is `WithItem`,
//   `comprehension` is `Comprehension`, `excepthandler` is `ExceptHandler`, `match_case` is `MatchCase`.
// * Optional fields (`expr?`) are nullptr when absent. Sequences (`expr*`) are `Span<T*>` (pointer +
//   length, arena-backed, possibly empty). `Dict.keys` contains nullptr for `**d` entries and
//   `Arguments.kw_defaults` contains nullptr for keyword-only args without default, as in CPython.
// * `Expr::ctx` (Load/Store/Del) is meaningful only for Attribute, Subscript, Starred, Name, List and
//   Tuple (the kinds that carry `ctx` in CPython); it is Load for every other kind.
// * Positions: every node with attributes in the ASDL carries `Loc{lineno, col_offset, end_lineno,
//   end_col_offset}` exactly as CPython computes them: lines 1-based, columns 0-based UTF-8 *byte*
//   offsets. Nodes without attributes in the ASDL (Arguments, Comprehension, WithItem, MatchCase) have
//   no Loc.
// * Identifiers and string data are `std::string_view` into the arena (UTF-8; identifiers are NFKC-
//   normalized only for ASCII — non-ASCII identifiers are kept as written). Str constants have escapes
//   decoded; lone surrogates (from "\ud800") are encoded WTF-8 style (3-byte sequence ED A0 80..).
// * Integer constants keep their digits: `Constant::int_digits` holds the digits in base `int_base`
//   (2/8/10/16) without prefix or underscores (lower-case hex), e.g. "0x_FF" -> digits "ff", base 16.
//   If the value fits in int64, `int_fits` is true and `int_value` holds it (fast path for the compiler).
// * type_comment fields are not represented (always None in CPython without type_comments=True).
#pragma once

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace gilpy::parser {

// ---------------------------------------------------------------------------------------------------
// Arena: bump allocator. Only trivially destructible objects may be placed in it.
// ---------------------------------------------------------------------------------------------------
struct Arena {
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  ~Arena() {
    Block* b = head_;
    while (b) {
      Block* next = b->next;
      ::operator delete(b);
      b = next;
    }
  }

  void* alloc(size_t size, size_t align = alignof(std::max_align_t)) {
    uintptr_t p = (reinterpret_cast<uintptr_t>(cur_) + (align - 1)) & ~(uintptr_t)(align - 1);
    if (cur_ == nullptr || p + size > reinterpret_cast<uintptr_t>(end_)) {
      grow(size + align);
      p = (reinterpret_cast<uintptr_t>(cur_) + (align - 1)) & ~(uintptr_t)(align - 1);
    }
    cur_ = reinterpret_cast<char*>(p + size);
    return reinterpret_cast<void*>(p);
  }

  template <class T, class... A>
  T* make(A&&... a) {
    static_assert(std::is_trivially_destructible_v<T>, "arena objects must be trivially destructible");
    return new (alloc(sizeof(T), alignof(T))) T{std::forward<A>(a)...};
  }

  // Copies bytes into the arena; the result is not NUL-terminated.
  std::string_view str(std::string_view s) {
    if (s.empty()) return std::string_view();
    char* p = static_cast<char*>(alloc(s.size(), 1));
    std::memcpy(p, s.data(), s.size());
    return std::string_view(p, s.size());
  }

  size_t bytes_allocated() const { return total_; }

 private:
  struct Block {
    Block* next;
    size_t size;
  };
  void grow(size_t need) {
    size_t sz = next_size_;
    if (sz < need + sizeof(Block) + 16) sz = need + sizeof(Block) + 16;
    if (next_size_ < (1u << 20)) next_size_ *= 2;
    Block* b = static_cast<Block*>(::operator new(sz));
    b->next = head_;
    b->size = sz;
    head_ = b;
    cur_ = reinterpret_cast<char*>(b + 1);
    end_ = reinterpret_cast<char*>(b) + sz;
    total_ += sz;
  }
  Block* head_ = nullptr;
  char* cur_ = nullptr;
  char* end_ = nullptr;
  size_t next_size_ = 16 * 1024;
  size_t total_ = 0;
};

// Arena-backed immutable sequence.
template <class T>
struct Span {
  T* ptr = nullptr;
  uint32_t len = 0;
  T* begin() const { return ptr; }
  T* end() const { return ptr + len; }
  size_t size() const { return len; }
  bool empty() const { return len == 0; }
  T& operator[](size_t i) const {
    assert(i < len);
    return ptr[i];
  }
};

template <class T>
Span<T> to_span(Arena& a, const std::vector<T>& v) {
  Span<T> s;
  if (v.empty()) return s;
  s.ptr = static_cast<T*>(a.alloc(sizeof(T) * v.size(), alignof(T)));
  std::memcpy(static_cast<void*>(s.ptr), v.data(), sizeof(T) * v.size());
  s.len = static_cast<uint32_t>(v.size());
  return s;
}

struct Loc {
  int32_t lineno = 0;
  int32_t col_offset = 0;  // UTF-8 byte offset, 0-based
  int32_t end_lineno = 0;
  int32_t end_col_offset = 0;
};

// ---------------------------------------------------------------------------------------------------
// Small enums
// ---------------------------------------------------------------------------------------------------
enum class ExprContext : uint8_t { Load, Store, Del };
enum class BoolOperator : uint8_t { And, Or };
enum class BinOperator : uint8_t { Add, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd, FloorDiv };
enum class UnaryOperator : uint8_t { Invert, Not, UAdd, USub };
enum class CmpOperator : uint8_t { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };

// CPython spellings of the above (for dump / diagnostics).
const char* name_of(ExprContext);
const char* name_of(BoolOperator);
const char* name_of(BinOperator);
const char* name_of(UnaryOperator);
const char* name_of(CmpOperator);

// ---------------------------------------------------------------------------------------------------
// Expressions
// ---------------------------------------------------------------------------------------------------
enum class ExprKind : uint8_t {
  BoolOp, NamedExpr, BinOp, UnaryOp, Lambda, IfExp, Dict, Set, ListComp, SetComp, DictComp,
  GeneratorExp, Await, Yield, YieldFrom, Compare, Call, FormattedValue, JoinedStr, Constant,
  Attribute, Subscript, Starred, Name, List, Tuple, Slice,
};
const char* name_of(ExprKind);

struct Expr {
  ExprKind kind;
  ExprContext ctx = ExprContext::Load;  // only for Attribute/Subscript/Starred/Name/List/Tuple
  Loc loc;
  template <class T>
  T* as() {
    assert(kind == T::K);
    return static_cast<T*>(this);
  }
  template <class T>
  const T* as() const {
    assert(kind == T::K);
    return static_cast<const T*>(this);
  }
};

struct Arg;
struct Arguments;
struct Keyword;
struct Comprehension;

struct BoolOp : Expr { static constexpr ExprKind K = ExprKind::BoolOp; BoolOperator op; Span<Expr*> values; };
struct NamedExpr : Expr { static constexpr ExprKind K = ExprKind::NamedExpr; Expr* target; Expr* value; };
struct BinOp : Expr { static constexpr ExprKind K = ExprKind::BinOp; Expr* left; BinOperator op; Expr* right; };
struct UnaryOp : Expr { static constexpr ExprKind K = ExprKind::UnaryOp; UnaryOperator op; Expr* operand; };
struct Lambda : Expr { static constexpr ExprKind K = ExprKind::Lambda; Arguments* args; Expr* body; };
struct IfExp : Expr { static constexpr ExprKind K = ExprKind::IfExp; Expr* test; Expr* body; Expr* orelse; };
// keys[i] == nullptr means `**values[i]`.
struct Dict : Expr { static constexpr ExprKind K = ExprKind::Dict; Span<Expr*> keys; Span<Expr*> values; };
struct Set : Expr { static constexpr ExprKind K = ExprKind::Set; Span<Expr*> elts; };
struct ListComp : Expr { static constexpr ExprKind K = ExprKind::ListComp; Expr* elt; Span<Comprehension*> generators; };
struct SetComp : Expr { static constexpr ExprKind K = ExprKind::SetComp; Expr* elt; Span<Comprehension*> generators; };
struct DictComp : Expr { static constexpr ExprKind K = ExprKind::DictComp; Expr* key; Expr* value; Span<Comprehension*> generators; };
struct GeneratorExp : Expr { static constexpr ExprKind K = ExprKind::GeneratorExp; Expr* elt; Span<Comprehension*> generators; };
struct Await : Expr { static constexpr ExprKind K = ExprKind::Await; Expr* value; };
struct Yield : Expr { static constexpr ExprKind K = ExprKind::Yield; Expr* value; /* may be null */ };
struct YieldFrom : Expr { static constexpr ExprKind K = ExprKind::YieldFrom; Expr* value; };
struct Compare : Expr { static constexpr ExprKind K = ExprKind::Compare; Expr* left; Span<CmpOperator> ops; Span<Expr*> comparators; };
struct Call : Expr { static constexpr ExprKind K = ExprKind::Call; Expr* func; Span<Expr*> args; Span<Keyword*> keywords; };
// conversion: -1 (none), 's', 'r' or 'a' (the character code, as in CPython). format_spec: JoinedStr or null.
struct FormattedValue : Expr { static constexpr ExprKind K = ExprKind::FormattedValue; Expr* value; int conversion; Expr* format_spec; };
// values: Constant(str) and FormattedValue nodes.
struct JoinedStr : Expr { static constexpr ExprKind K = ExprKind::JoinedStr; Span<Expr*> values; };

enum class ConstantKind : uint8_t { None, True, False, Ellipsis, Int, Float, Complex, Str, Bytes };
struct Constant : Expr {
  static constexpr ExprKind K = ExprKind::Constant;
  ConstantKind value_kind;
  bool u_prefix = false;       // CPython's `kind='u'` for u"..." strings
  bool int_fits = false;       // Int: int_value is valid
  uint8_t int_base = 10;       // Int: base of int_digits (2, 8, 10, 16)
  int64_t int_value = 0;       // Int (if int_fits)
  std::string_view int_digits; // Int: digits without prefix/underscores, lower-case
  double float_value = 0.0;    // Float: the value; Complex: the imaginary part (real part is 0)
  std::string_view str;        // Str (UTF-8/WTF-8, decoded) or Bytes (raw bytes)
};

struct Attribute : Expr { static constexpr ExprKind K = ExprKind::Attribute; Expr* value; std::string_view attr; };
struct Subscript : Expr { static constexpr ExprKind K = ExprKind::Subscript; Expr* value; Expr* slice; };
struct Starred : Expr { static constexpr ExprKind K = ExprKind::Starred; Expr* value; };
struct Name : Expr { static constexpr ExprKind K = ExprKind::Name; std::string_view id; };
struct List : Expr { static constexpr ExprKind K = ExprKind::List; Span<Expr*> elts; };
struct Tuple : Expr { static constexpr ExprKind K = ExprKind::Tuple; Span<Expr*> elts; };
struct Slice : Expr { static constexpr ExprKind K = ExprKind::Slice; Expr* lower; Expr* upper; Expr* step; /* each may be null */ };

// ---------------------------------------------------------------------------------------------------
// Helper records
// ---------------------------------------------------------------------------------------------------
struct Comprehension { Expr* target; Expr* iter; Span<Expr*> ifs; bool is_async; };
struct Arg { std::string_view arg; Expr* annotation; /* may be null */ Loc loc; };
struct Arguments {
  Span<Arg*> posonlyargs;
  Span<Arg*> args;
  Arg* vararg = nullptr;
  Span<Arg*> kwonlyargs;
  Span<Expr*> kw_defaults;  // same length as kwonlyargs; nullptr = no default
  Arg* kwarg = nullptr;
  Span<Expr*> defaults;     // defaults for the last len(defaults) of posonlyargs+args
};
// arg is empty (data()==nullptr) for `**kwargs` keywords.
struct Keyword { std::string_view arg; Expr* value; Loc loc; };
// asname empty (data()==nullptr) when absent. name may be dotted ("a.b.c") or "*".
struct Alias { std::string_view name; std::string_view asname; Loc loc; };
struct WithItem { Expr* context_expr; Expr* optional_vars; /* may be null */ };

// ---------------------------------------------------------------------------------------------------
// Patterns (match statement)
// ---------------------------------------------------------------------------------------------------
enum class PatternKind : uint8_t { MatchValue, MatchSingleton, MatchSequence, MatchMapping, MatchClass, MatchStar, MatchAs, MatchOr };
const char* name_of(PatternKind);

struct Pattern {
  PatternKind kind;
  Loc loc;
  template <class T>
  T* as() {
    assert(kind == T::K);
    return static_cast<T*>(this);
  }
  template <class T>
  const T* as() const {
    assert(kind == T::K);
    return static_cast<const T*>(this);
  }
};
struct MatchValue : Pattern { static constexpr PatternKind K = PatternKind::MatchValue; Expr* value; };
// value: ConstantKind None, True or False.
struct MatchSingleton : Pattern { static constexpr PatternKind K = PatternKind::MatchSingleton; ConstantKind value; };
struct MatchSequence : Pattern { static constexpr PatternKind K = PatternKind::MatchSequence; Span<Pattern*> patterns; };
// rest empty (data()==nullptr) when absent.
struct MatchMapping : Pattern { static constexpr PatternKind K = PatternKind::MatchMapping; Span<Expr*> keys; Span<Pattern*> patterns; std::string_view rest; };
struct MatchClass : Pattern { static constexpr PatternKind K = PatternKind::MatchClass; Expr* cls; Span<Pattern*> patterns; Span<std::string_view> kwd_attrs; Span<Pattern*> kwd_patterns; };
// name empty (data()==nullptr) for `*_`.
struct MatchStar : Pattern { static constexpr PatternKind K = PatternKind::MatchStar; std::string_view name; };
// pattern null and name empty for `_`; name empty (data()==nullptr) when absent.
struct MatchAs : Pattern { static constexpr PatternKind K = PatternKind::MatchAs; Pattern* pattern; std::string_view name; };
struct MatchOr : Pattern { static constexpr PatternKind K = PatternKind::MatchOr; Span<Pattern*> patterns; };

struct Stmt;
struct MatchCase { Pattern* pattern; Expr* guard; /* may be null */ Span<Stmt*> body; };

// ---------------------------------------------------------------------------------------------------
// Type parameters (PEP 695)
// ---------------------------------------------------------------------------------------------------
enum class TypeParamKind : uint8_t { TypeVar, ParamSpec, TypeVarTuple };
struct TypeParam {
  TypeParamKind kind;
  std::string_view name;
  Expr* bound;  // TypeVar only; may be null
  Loc loc;
};

// ---------------------------------------------------------------------------------------------------
// Exception handler (the only `excepthandler` constructor)
// ---------------------------------------------------------------------------------------------------
// type null for bare `except:`; name empty (data()==nullptr) when absent.
struct ExceptHandler { Expr* type; std::string_view name; Span<Stmt*> body; Loc loc; };

// ---------------------------------------------------------------------------------------------------
// Statements
// ---------------------------------------------------------------------------------------------------
enum class StmtKind : uint8_t {
  FunctionDef, AsyncFunctionDef, ClassDef, Return, Delete, Assign, TypeAlias, AugAssign, AnnAssign,
  For, AsyncFor, While, If, With, AsyncWith, Match, Raise, Try, TryStar, Assert, Import, ImportFrom,
  Global, Nonlocal, Expr, Pass, Break, Continue,
};
const char* name_of(StmtKind);

struct Stmt {
  StmtKind kind;
  Loc loc;
  template <class T>
  T* as() {
    assert(T::matches(kind));
    return static_cast<T*>(this);
  }
  template <class T>
  const T* as() const {
    assert(T::matches(kind));
    return static_cast<const T*>(this);
  }
};

#define GILPY_STMT_KIND(k) \
  static constexpr StmtKind K = StmtKind::k; \
  static bool matches(StmtKind x) { return x == K; }

// FunctionDef and AsyncFunctionDef share one struct (kind tells them apart); same for For/AsyncFor,
// With/AsyncWith, Try/TryStar.
struct FunctionDef : Stmt {
  static constexpr StmtKind K = StmtKind::FunctionDef;  // default; the Async/Star variant sets kind explicitly
  static bool matches(StmtKind x) { return x == StmtKind::FunctionDef || x == StmtKind::AsyncFunctionDef; }
  std::string_view name;
  Arguments* args;
  Span<Stmt*> body;
  Span<Expr*> decorator_list;
  Expr* returns;  // may be null
  Span<TypeParam*> type_params;
};
struct ClassDef : Stmt {
  GILPY_STMT_KIND(ClassDef)
  std::string_view name;
  Span<Expr*> bases;
  Span<Keyword*> keywords;
  Span<Stmt*> body;
  Span<Expr*> decorator_list;
  Span<TypeParam*> type_params;
};
struct Return : Stmt { GILPY_STMT_KIND(Return) Expr* value; /* may be null */ };
struct Delete : Stmt { GILPY_STMT_KIND(Delete) Span<Expr*> targets; };
struct Assign : Stmt { GILPY_STMT_KIND(Assign) Span<Expr*> targets; Expr* value; };
struct TypeAlias : Stmt { GILPY_STMT_KIND(TypeAlias) Expr* name; Span<TypeParam*> type_params; Expr* value; };
struct AugAssign : Stmt { GILPY_STMT_KIND(AugAssign) Expr* target; BinOperator op; Expr* value; };
// simple: 1 if target is a bare Name not in parentheses.
struct AnnAssign : Stmt { GILPY_STMT_KIND(AnnAssign) Expr* target; Expr* annotation; Expr* value; /* may be null */ int simple; };
struct For : Stmt {
  static constexpr StmtKind K = StmtKind::For;  // default; the Async/Star variant sets kind explicitly
  static bool matches(StmtKind x) { return x == StmtKind::For || x == StmtKind::AsyncFor; }
  Expr* target; Expr* iter; Span<Stmt*> body; Span<Stmt*> orelse;
};
struct While : Stmt { GILPY_STMT_KIND(While) Expr* test; Span<Stmt*> body; Span<Stmt*> orelse; };
struct If : Stmt { GILPY_STMT_KIND(If) Expr* test; Span<Stmt*> body; Span<Stmt*> orelse; };
struct With : Stmt {
  static constexpr StmtKind K = StmtKind::With;  // default; the Async/Star variant sets kind explicitly
  static bool matches(StmtKind x) { return x == StmtKind::With || x == StmtKind::AsyncWith; }
  Span<WithItem*> items; Span<Stmt*> body;
};
struct Match : Stmt { GILPY_STMT_KIND(Match) Expr* subject; Span<MatchCase*> cases; };
struct Raise : Stmt { GILPY_STMT_KIND(Raise) Expr* exc; Expr* cause; /* both may be null */ };
struct Try : Stmt {
  static constexpr StmtKind K = StmtKind::Try;  // default; the Async/Star variant sets kind explicitly
  static bool matches(StmtKind x) { return x == StmtKind::Try || x == StmtKind::TryStar; }
  Span<Stmt*> body; Span<ExceptHandler*> handlers; Span<Stmt*> orelse; Span<Stmt*> finalbody;
};
struct Assert : Stmt { GILPY_STMT_KIND(Assert) Expr* test; Expr* msg; /* may be null */ };
struct Import : Stmt { GILPY_STMT_KIND(Import) Span<Alias*> names; };
// module empty (data()==nullptr) for `from . import x`.
struct ImportFrom : Stmt { GILPY_STMT_KIND(ImportFrom) std::string_view module; Span<Alias*> names; int level; };
struct Global : Stmt { GILPY_STMT_KIND(Global) Span<std::string_view> names; };
struct Nonlocal : Stmt { GILPY_STMT_KIND(Nonlocal) Span<std::string_view> names; };
struct ExprStmt : Stmt { GILPY_STMT_KIND(Expr) gilpy::parser::Expr* value; };
struct Pass : Stmt { GILPY_STMT_KIND(Pass) };
struct Break : Stmt { GILPY_STMT_KIND(Break) };
struct Continue : Stmt { GILPY_STMT_KIND(Continue) };

#undef GILPY_STMT_KIND

// ---------------------------------------------------------------------------------------------------
// Module (the `mod` sum): Module(body) for exec, Interactive(body) for single, Expression(body=expr)
// for eval.
// ---------------------------------------------------------------------------------------------------
enum class ModKind : uint8_t { Module, Interactive, Expression };
struct Module {
  ModKind kind = ModKind::Module;
  Span<Stmt*> body;       // Module, Interactive
  Expr* expr = nullptr;   // Expression
};

// CPython `ast.dump(node)` format (no attributes, indent=None), e.g.
// "Module(body=[Expr(value=Constant(value=1))], type_ignores=[])".
std::string dump(const Module& m);
std::string dump(const Stmt* s);
std::string dump(const Expr* e);
// Same, with include_attributes=True.
std::string dump_with_positions(const Module& m);

}  // namespace gilpy::parser

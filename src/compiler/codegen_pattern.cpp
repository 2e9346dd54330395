// Code generation, part 4: `match` statements (PEP 634).
//
// A port of CPython 3.12's compile.c pattern code (compiler_match, compiler_pattern_*,
// pattern_helper_*), so the stack discipline is CPython's:
//  * the subject stays on the stack while a pattern tests it; sub-subjects (sequence items, class
//    attributes, mapping values) are pushed above it and consumed by their sub-patterns;
//  * captured values are NOT stored while matching: each is rotated underneath the items still
//    needed (`on_top`) and stored only once the whole pattern matched (so a failed case binds
//    nothing), in the order recorded in `stores`;
//  * a failing test jumps to fail_pop[n], where n = the number of stack items to discard (on_top +
//    captures so far); the fail_pop blocks are a chain of POP_TOPs emitted after the case body.
// The run-time work is done by MATCH_SEQUENCE, MATCH_MAPPING, MATCH_KEYS, MATCH_CLASS and GET_LEN
// (vm/eval_match.cpp).
#include <algorithm>

#include "compiler/codegen.h"
#include "core/abstract.h"
#include "core/error.h"
#include "objects/containers.h"
#include "objects/intobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"

namespace gilpy::compiler {

using namespace gilpy::parser;

struct PatternContext {
  std::vector<std::string> stores;  // names captured so far, in stack order
  bool allow_irrefutable = false;
  std::vector<int> fail_pop;  // labels: fail_pop[n] pops n items then fails
  int on_top = 0;             // items on top of the stack that must survive a capture
};

static bool is_wildcard(Pattern* p) {
  return p->kind == PatternKind::MatchAs && !p->as<MatchAs>()->pattern &&
         !p->as<MatchAs>()->name.data();
}
static bool is_wildcard_star(Pattern* p) {
  return p->kind == PatternKind::MatchStar && !p->as<MatchStar>()->name.data();
}

struct PatternCompiler {
  Compiler& c;
  explicit PatternCompiler(Compiler& comp) : c(comp) {}

  static std::string quoted(std::string_view name) { return "'" + std::string(name) + "'"; }

  void ensure_fail_pop(PatternContext* pc, size_t n) {
    while (pc->fail_pop.size() < n + 1) pc->fail_pop.push_back(c.new_label());
  }

  void jump_to_fail_pop(const Loc& loc, PatternContext* pc, int op) {
    size_t pops = size_t(pc->on_top) + pc->stores.size();
    ensure_fail_pop(pc, pops);
    c.emit_jump(op, pc->fail_pop[pops], loc);
  }

  void emit_and_reset_fail_pop(const Loc& loc, PatternContext* pc) {
    if (pc->fail_pop.empty()) return;
    for (size_t i = pc->fail_pop.size() - 1; i > 0; i--) {
      c.use_label(pc->fail_pop[i]);
      c.emit(OP_POP_TOP, 0, loc);
    }
    c.use_label(pc->fail_pop[0]);
    pc->fail_pop.clear();
  }

  void rotate(const Loc& loc, int count) {
    while (1 < count) c.emit(OP_SWAP, count--, loc);
  }

  bool store_name(const Loc& loc, std::string_view name, PatternContext* pc) {
    if (!name.data()) {
      c.emit(OP_POP_TOP, 0, loc);
      return true;
    }
    if (name == "__debug__") return c.error("cannot assign to __debug__", loc);
    if (std::find(pc->stores.begin(), pc->stores.end(), name) != pc->stores.end())
      return c.error("multiple assignments to name " + quoted(name) + " in pattern", loc);
    rotate(loc, pc->on_top + int(pc->stores.size()) + 1);
    pc->stores.emplace_back(name);
    return true;
  }

  bool unpack_helper(const Loc& loc, const Span<Pattern*>& elts) {
    size_t n = elts.size();
    bool seen_star = false;
    for (size_t i = 0; i < n; i++) {
      Pattern* elt = elts[i];
      if (elt->kind == PatternKind::MatchStar && !seen_star) {
        if (i >= (1 << 8) || n - i - 1 >= (kMaxOparg >> 8))
          return c.error("too many expressions in star-unpacking sequence pattern", loc);
        c.emit(OP_UNPACK_EX, int(i + ((n - i - 1) << 8)), loc);
        seen_star = true;
      } else if (elt->kind == PatternKind::MatchStar) {
        return c.error("multiple starred expressions in sequence pattern", loc);
      }
    }
    if (!seen_star) c.emit(OP_UNPACK_SEQUENCE, int(n), loc);
    return true;
  }

  bool sequence_unpack(const Loc& loc, const Span<Pattern*>& patterns, PatternContext* pc) {
    if (!unpack_helper(loc, patterns)) return false;
    int size = int(patterns.size());
    pc->on_top += size;
    for (int i = 0; i < size; i++) {
      pc->on_top--;
      if (!subpattern(patterns[size_t(i)], pc)) return false;
    }
    return true;
  }

  // [first, *_, last]: index the subject instead of unpacking it.
  bool sequence_subscr(const Loc& loc, const Span<Pattern*>& patterns, int star,
                       PatternContext* pc) {
    pc->on_top++;
    int size = int(patterns.size());
    for (int i = 0; i < size; i++) {
      Pattern* p = patterns[size_t(i)];
      if (is_wildcard(p) || i == star) continue;
      c.emit(OP_COPY, 1, loc);
      if (i < star) {
        if (!c.load_const(int_from_i64(i), loc)) return false;
      } else {
        c.emit(OP_GET_LEN, 0, loc);
        if (!c.load_const(int_from_i64(size - i), loc)) return false;
        c.emit(OP_BINARY_OP, NB_SUBTRACT, loc);
      }
      c.emit(OP_BINARY_SUBSCR, 0, loc);
      if (!subpattern(p, pc)) return false;
    }
    pc->on_top--;
    c.emit(OP_POP_TOP, 0, loc);
    return true;
  }

  bool subpattern(Pattern* p, PatternContext* pc) {
    bool saved = pc->allow_irrefutable;
    pc->allow_irrefutable = true;
    if (!pattern(p, pc)) return false;
    pc->allow_irrefutable = saved;
    return true;
  }

  bool pattern_as(Pattern* p, PatternContext* pc) {
    auto* m = p->as<MatchAs>();
    if (!m->pattern) {
      if (!pc->allow_irrefutable) {
        if (m->name.data())
          return c.error("name capture " + quoted(m->name) + " makes remaining patterns unreachable",
                         p->loc);
        return c.error("wildcard makes remaining patterns unreachable", p->loc);
      }
      return store_name(p->loc, m->name, pc);
    }
    pc->on_top++;
    c.emit(OP_COPY, 1, p->loc);
    if (!pattern(m->pattern, pc)) return false;
    pc->on_top--;
    return store_name(p->loc, m->name, pc);
  }

  bool pattern_class(Pattern* p, PatternContext* pc) {
    auto* m = p->as<MatchClass>();
    size_t nargs = m->patterns.size(), nattrs = m->kwd_attrs.size();
    for (size_t i = 0; i < nattrs; i++) {
      std::string_view attr = m->kwd_attrs[i];
      if (attr == "__debug__") return c.error("cannot assign to __debug__", m->kwd_patterns[i]->loc);
      for (size_t j = i + 1; j < nattrs; j++)
        if (m->kwd_attrs[j] == attr)
          return c.error("attribute name repeated in class pattern: " + std::string(attr),
                         m->kwd_patterns[j]->loc);
    }
    if (!c.visit_expr(m->cls)) return false;
    Ref names = Ref::steal(tuple_new(ssize(nattrs)));
    if (!names) return false;
    for (size_t i = 0; i < nattrs; i++) {
      Object* s = str_from_utf8(m->kwd_attrs[i]);
      if (!s) {
        for (size_t j = i; j < nattrs; j++) tuple_set_steal(names.get(), ssize(j), newref(None));
        return false;
      }
      tuple_set_steal(names.get(), ssize(i), str_intern(s));
    }
    if (!c.load_const(names.release(), p->loc)) return false;
    c.emit(OP_MATCH_CLASS, int(nargs), p->loc);
    c.emit(OP_COPY, 1, p->loc);
    c.load_none(p->loc);
    c.emit(OP_IS_OP, 1, p->loc);
    pc->on_top++;
    jump_to_fail_pop(p->loc, pc, OP_POP_JUMP_IF_FALSE);
    c.emit(OP_UNPACK_SEQUENCE, int(nargs + nattrs), p->loc);
    pc->on_top += int(nargs + nattrs) - 1;
    for (size_t i = 0; i < nargs + nattrs; i++) {
      pc->on_top--;
      Pattern* sub = i < nargs ? m->patterns[i] : m->kwd_patterns[i - nargs];
      if (is_wildcard(sub)) {
        c.emit(OP_POP_TOP, 0, p->loc);
        continue;
      }
      if (!subpattern(sub, pc)) return false;
    }
    return true;
  }

  bool pattern_mapping(Pattern* p, PatternContext* pc) {
    auto* m = p->as<MatchMapping>();
    size_t size = m->keys.size();
    std::string_view star_target = m->rest;
    Loc loc = p->loc;
    pc->on_top++;
    c.emit(OP_MATCH_MAPPING, 0, loc);
    jump_to_fail_pop(loc, pc, OP_POP_JUMP_IF_FALSE);
    if (!size && !star_target.data()) {
      pc->on_top--;
      c.emit(OP_POP_TOP, 0, loc);
      return true;
    }
    if (size) {
      c.emit(OP_GET_LEN, 0, loc);
      if (!c.load_const(int_from_i64(int64_t(size)), loc)) return false;
      c.emit(OP_COMPARE_OP, CMP_GE, loc);
      jump_to_fail_pop(loc, pc, OP_POP_JUMP_IF_FALSE);
    }
    Ref seen = Ref::steal(set_new(nullptr));
    if (!seen) return false;
    for (size_t i = 0; i < size; i++) {
      Expr* key = m->keys[i];
      Object* folded = key->kind == ExprKind::Attribute ? nullptr : c.fold_constant(key);
      if (folded) {
        Ref v = Ref::steal(folded);
        int in = set_contains(seen.get(), v.get());
        if (in < 0) return false;
        if (in) {
          std::string r;
          if (!repr_utf8(v.get(), r)) return false;
          return c.error("mapping pattern checks duplicate key (" + r + ")", loc);
        }
        if (set_add(seen.get(), v.get()) < 0) return false;
        if (!c.load_const(v.release(), key->loc)) return false;
        continue;
      }
      if (key->kind != ExprKind::Attribute)
        return c.error("mapping pattern keys may only match literals and attribute lookups", loc);
      if (!c.visit_expr(key)) return false;
    }
    c.emit(OP_BUILD_TUPLE, int(size), loc);
    c.emit(OP_MATCH_KEYS, 0, loc);
    pc->on_top += 2;
    c.emit(OP_COPY, 1, loc);
    c.load_none(loc);
    c.emit(OP_IS_OP, 1, loc);
    jump_to_fail_pop(loc, pc, OP_POP_JUMP_IF_FALSE);
    c.emit(OP_UNPACK_SEQUENCE, int(size), loc);
    pc->on_top += int(size) - 1;
    for (size_t i = 0; i < size; i++) {
      pc->on_top--;
      if (!subpattern(m->patterns[i], pc)) return false;
    }
    pc->on_top -= 2;
    if (star_target.data()) {
      // rest = dict(subject); for key in keys: del rest[key]
      c.emit(OP_BUILD_MAP, 0, loc);           // [subject keys {}]
      c.emit(OP_SWAP, 3, loc);                // [{} keys subject]
      c.emit(OP_DICT_UPDATE, 2, loc);         // [copy keys]
      c.emit(OP_UNPACK_SEQUENCE, int(size), loc);  // [copy keys...]
      int n = int(size);
      while (n) {
        c.emit(OP_COPY, 1 + n--, loc);  // [copy keys... copy]
        c.emit(OP_SWAP, 2, loc);        // [copy keys... copy key]
        c.emit(OP_DELETE_SUBSCR, 0, loc);
      }
      return store_name(loc, star_target, pc);
    }
    c.emit(OP_POP_TOP, 0, loc);  // the keys
    c.emit(OP_POP_TOP, 0, loc);  // the subject
    return true;
  }

  bool pattern_or(Pattern* p, PatternContext* pc) {
    auto* m = p->as<MatchOr>();
    int end = c.new_label();
    size_t size = m->patterns.size();
    PatternContext old_pc = *pc;
    std::vector<std::string> control;
    bool have_control = false;
    for (size_t i = 0; i < size; i++) {
      Pattern* alt = m->patterns[i];
      pc->stores.clear();
      pc->allow_irrefutable = (i == size - 1) && old_pc.allow_irrefutable;
      pc->fail_pop.clear();
      pc->on_top = 0;
      c.emit(OP_COPY, 1, alt->loc);
      if (!pattern(alt, pc)) return false;
      size_t nstores = pc->stores.size();
      if (!have_control) {
        control = pc->stores;
        have_control = true;
      } else if (nstores != control.size()) {
        return c.error("alternative patterns bind different names", p->loc);
      } else if (nstores) {
        // Reorder the captures on the stack to match the first alternative's order.
        for (size_t icontrol = nstores; icontrol-- > 0;) {
          const std::string& name = control[icontrol];
          auto it = std::find(pc->stores.begin(), pc->stores.end(), name);
          if (it == pc->stores.end())
            return c.error("alternative patterns bind different names", p->loc);
          size_t istores = size_t(it - pc->stores.begin());
          if (icontrol != istores) {
            size_t rotations = istores + 1;
            std::vector<std::string> rotated(pc->stores.begin(),
                                             pc->stores.begin() + long(rotations));
            pc->stores.erase(pc->stores.begin(), pc->stores.begin() + long(rotations));
            pc->stores.insert(pc->stores.begin() + long(icontrol - istores), rotated.begin(),
                              rotated.end());
            while (rotations--) rotate(alt->loc, int(icontrol) + 1);
          }
        }
      }
      c.emit_jump(PSEUDO_JUMP, end, alt->loc);
      emit_and_reset_fail_pop(alt->loc, pc);
    }
    *pc = old_pc;
    // No alternative matched: pop the copy of the subject and fail.
    c.emit(OP_POP_TOP, 0, p->loc);
    jump_to_fail_pop(p->loc, pc, PSEUDO_JUMP);
    c.use_label(end);
    int nstores = int(control.size());
    int nrots = nstores + 1 + pc->on_top + int(pc->stores.size());
    for (int i = 0; i < nstores; i++) {
      rotate(p->loc, nrots);
      const std::string& name = control[size_t(i)];
      if (std::find(pc->stores.begin(), pc->stores.end(), name) != pc->stores.end())
        return c.error("multiple assignments to name " + quoted(name) + " in pattern", p->loc);
      pc->stores.push_back(name);
    }
    c.emit(OP_POP_TOP, 0, p->loc);  // the copy of the subject
    return true;
  }

  bool pattern_sequence(Pattern* p, PatternContext* pc) {
    auto* m = p->as<MatchSequence>();
    Span<Pattern*> patterns = m->patterns;
    int size = int(patterns.size());
    int star = -1;
    bool only_wildcard = true, star_wildcard = false;
    for (int i = 0; i < size; i++) {
      Pattern* q = patterns[size_t(i)];
      if (q->kind == PatternKind::MatchStar) {
        if (star >= 0) return c.error("multiple starred names in sequence pattern", p->loc);
        star_wildcard = is_wildcard_star(q);
        only_wildcard = only_wildcard && star_wildcard;
        star = i;
        continue;
      }
      only_wildcard = only_wildcard && is_wildcard(q);
    }
    Loc loc = p->loc;
    pc->on_top++;
    c.emit(OP_MATCH_SEQUENCE, 0, loc);
    jump_to_fail_pop(loc, pc, OP_POP_JUMP_IF_FALSE);
    if (star < 0) {
      c.emit(OP_GET_LEN, 0, loc);
      if (!c.load_const(int_from_i64(size), loc)) return false;
      c.emit(OP_COMPARE_OP, CMP_EQ, loc);
      jump_to_fail_pop(loc, pc, OP_POP_JUMP_IF_FALSE);
    } else {
      c.emit(OP_GET_LEN, 0, loc);
      if (!c.load_const(int_from_i64(size - 1), loc)) return false;
      c.emit(OP_COMPARE_OP, CMP_GE, loc);
      jump_to_fail_pop(loc, pc, OP_POP_JUMP_IF_FALSE);
    }
    pc->on_top--;
    if (only_wildcard) {
      c.emit(OP_POP_TOP, 0, loc);
      return true;
    }
    if (star_wildcard) return sequence_subscr(loc, patterns, star, pc);
    return sequence_unpack(loc, patterns, pc);
  }

  bool pattern_value(Pattern* p, PatternContext* pc) {
    Expr* value = p->as<MatchValue>()->value;
    if (value->kind == ExprKind::Attribute) {
      if (!c.visit_expr(value)) return false;
    } else {
      // Literals, including the negative numbers and complex literals (`-1`, `1+2j`) that
      // CPython's AST optimizer folds into constants.
      Object* folded = c.fold_constant(value);
      if (!folded) return c.error("patterns may only match literals and attribute lookups", p->loc);
      if (!c.load_const(folded, value->loc)) return false;
    }
    c.emit(OP_COMPARE_OP, CMP_EQ, p->loc);
    jump_to_fail_pop(p->loc, pc, OP_POP_JUMP_IF_FALSE);
    return true;
  }

  bool pattern_singleton(Pattern* p, PatternContext* pc) {
    Object* v = None;
    switch (p->as<MatchSingleton>()->value) {
      case ConstantKind::True: v = True; break;
      case ConstantKind::False: v = False; break;
      default: break;
    }
    if (!c.load_const_borrowed(v, p->loc)) return false;
    c.emit(OP_IS_OP, 0, p->loc);
    jump_to_fail_pop(p->loc, pc, OP_POP_JUMP_IF_FALSE);
    return true;
  }

  bool pattern(Pattern* p, PatternContext* pc) {
    switch (p->kind) {
      case PatternKind::MatchValue: return pattern_value(p, pc);
      case PatternKind::MatchSingleton: return pattern_singleton(p, pc);
      case PatternKind::MatchSequence: return pattern_sequence(p, pc);
      case PatternKind::MatchMapping: return pattern_mapping(p, pc);
      case PatternKind::MatchClass: return pattern_class(p, pc);
      case PatternKind::MatchStar: return store_name(p->loc, p->as<MatchStar>()->name, pc);
      case PatternKind::MatchAs: return pattern_as(p, pc);
      case PatternKind::MatchOr: return pattern_or(p, pc);
    }
    return true;
  }

  bool match(Stmt* s) {
    auto* m = s->as<Match>();
    if (!c.visit_expr(m->subject)) return false;
    int end = c.new_label();
    size_t cases = m->cases.size();
    MatchCase* last = m->cases[cases - 1];
    bool has_default = is_wildcard(last->pattern) && 1 < cases;
    PatternContext pc;
    for (size_t i = 0; i < cases - (has_default ? 1 : 0); i++) {
      MatchCase* mc = m->cases[i];
      Loc ploc = mc->pattern->loc;
      bool last_tested = i == cases - (has_default ? 1 : 0) - 1;
      // Only copy the subject if this is not the last case tested.
      if (!last_tested) c.emit(OP_COPY, 1, ploc);
      pc.stores.clear();
      // Irrefutable cases must be either guarded, last, or both.
      pc.allow_irrefutable = mc->guard != nullptr || i == cases - 1;
      pc.fail_pop.clear();
      pc.on_top = 0;
      if (!pattern(mc->pattern, &pc)) return false;
      // A match: store the captured names (they are on the stack).
      for (const std::string& name : pc.stores)
        if (!c.nameop(name, ExprContext::Store, ploc)) return false;
      if (mc->guard) {
        ensure_fail_pop(&pc, 0);
        if (!c.jump_if(ploc, mc->guard, pc.fail_pop[0], false)) return false;
      }
      if (!last_tested) c.emit(OP_POP_TOP, 0, ploc);
      if (!c.visit_stmts(mc->body)) return false;
      c.emit_jump(PSEUDO_JUMP, end, kNoLoc);
      emit_and_reset_fail_pop(ploc, &pc);
    }
    if (has_default) {
      Loc ploc = last->pattern->loc;
      if (cases == 1) {
        c.emit(OP_POP_TOP, 0, ploc);
      } else {
        c.emit(OP_NOP, 0, ploc);
      }
      if (last->guard && !c.jump_if(ploc, last->guard, end, false)) return false;
      if (!c.visit_stmts(last->body)) return false;
    }
    c.use_label(end);
    return true;
  }
};

bool Compiler::match_stmt(parser::Stmt* s) {
  PatternCompiler pcomp(*this);
  return pcomp.match(s);
}

}  // namespace gilpy::compiler

// The assembler: a finished code unit (flat instruction sequence with labels) -> CodeObject.
//
// Pipeline (CPython 3.12's flowgraph.c + assemble.c, in the same order):
//   1. prefix: MAKE_CELL for every cell, COPY_FREE_VARS for closures (before everything)
//   2. basic blocks: split at labels and after jumps / scope exits; labels -> block indices
//   3. exception handlers: walk the CFG with a stack of active handlers (SETUP_* pushes,
//      POP_BLOCK pops) and record on every instruction the handler covering it; YIELD_VALUE's
//      oparg becomes the handler-stack depth (as CPython)
//   4. optimisation: inline small exit blocks, remove unreachable code, per-block peepholes
//      (LOAD_CONST+RETURN_VALUE -> RETURN_CONST, constant tuples, BUILD_TUPLE+UNPACK_SEQUENCE ->
//      SWAP, constant conditions, `is None` jumps, jump threading), redundant NOPs and jumps
//   5. unused constants removed; LOAD_FAST -> LOAD_FAST_CHECK where a local may be unbound
//      (data-flow over the CFG, exception edges included)
//   6. line numbers propagated to artificial instructions; backward conditional jumps rewritten
//      as forward conditional + JUMP_BACKWARD (only backward jumps check the eval breaker)
//   7. stack depth (handlers start at their entry depth + 1, + 1 more when they push lasti)
//   8. pseudo ops -> real ones, jumps resolved to absolute instruction indices, the exception
//      table built from runs of instructions with the same handler, localsplus laid out and
//      deref opargs mapped to slots.
#include <algorithm>
#include <climits>
#include <cstdlib>
#include <cstring>

#include "compiler/codegen.h"
#include "core/abstract.h"
#include "core/error.h"
#include "objects/codeobject.h"
#include "objects/containers.h"
#include "objects/singletons.h"
#include "objects/strobject.h"

namespace gilpy::compiler {

namespace {

struct BInstr {
  int op;
  int arg;
  int target;   // block index for jumps / SETUP_*
  Loc loc;
  int handler;  // block index of the covering exception handler, -1 if none
};

struct Block {
  std::vector<BInstr> ins;
  int next = -1;
  int startdepth = INT_MIN;
  int predecessors = 0;
  int offset = 0;
  bool visited = false;
  bool except_handler = false;
  bool preserve_lasti = false;
  uint64_t unsafe = 0;
};

bool is_setup(int op) {
  return op == PSEUDO_SETUP_FINALLY || op == PSEUDO_SETUP_CLEANUP || op == PSEUDO_SETUP_WITH;
}
bool is_uncond_jump(int op) { return op == PSEUDO_JUMP || op == PSEUDO_JUMP_NO_INTERRUPT; }
bool is_cond_jump(int op) {
  return op == OP_POP_JUMP_IF_FALSE || op == OP_POP_JUMP_IF_TRUE || op == OP_POP_JUMP_IF_NONE ||
         op == OP_POP_JUMP_IF_NOT_NONE;
}
bool is_jump(int op) {
  return is_uncond_jump(op) || is_cond_jump(op) || op == OP_FOR_ITER || op == OP_SEND || is_setup(op);
}
bool is_scope_exit(int op) {
  return op == OP_RETURN_VALUE || op == OP_RETURN_CONST || op == OP_RAISE_VARARGS || op == OP_RERAISE;
}
bool is_deref_op(int op) {
  return op == OP_MAKE_CELL || op == OP_LOAD_DEREF || op == OP_STORE_DEREF || op == OP_DELETE_DEREF ||
         op == OP_LOAD_CLOSURE || op == OP_LOAD_FROM_DICT_OR_DEREF;
}

int stack_effect(int op, int arg, bool jump) {
  switch (op) {
    case PSEUDO_SETUP_FINALLY: return jump ? 1 : 0;
    case PSEUDO_SETUP_CLEANUP: return jump ? 2 : 0;
    case PSEUDO_SETUP_WITH: return jump ? 1 : 0;
    case PSEUDO_POP_BLOCK:
    case PSEUDO_JUMP:
    case PSEUDO_JUMP_NO_INTERRUPT: return 0;
    default: return opcode_stack_effect(Opcode(op), uint32_t(arg), jump);
  }
}

struct Assembler {
  Unit& u;
  int flags;
  std::vector<Block> blocks;
  int entry = 0;

  explicit Assembler(Unit& unit, int f) : u(unit), flags(f) {}

  const BInstr* last(const Block& b) const { return b.ins.empty() ? nullptr : &b.ins.back(); }
  bool has_fallthrough(const Block& b) const {
    if (b.ins.empty()) return true;
    int op = b.ins.back().op;
    return !(is_uncond_jump(op) || is_scope_exit(op));
  }
  int new_block() {
    blocks.emplace_back();
    return int(blocks.size()) - 1;
  }

  // ---- 1 + 2 ------------------------------------------------------------------------------------
  void insert_prefix() {
    std::vector<Instr> prefix;
    int ncells = int(u.cellvars.size());
    for (int i = 0; i < ncells; i++) prefix.push_back(Instr{OP_MAKE_CELL, i, -1, kNoLoc});
    if (!u.freevars.items.empty())
      prefix.push_back(Instr{OP_COPY_FREE_VARS, int(u.freevars.size()), -1, kNoLoc});
    if (prefix.empty()) return;
    u.instrs.insert(u.instrs.begin(), prefix.begin(), prefix.end());
    for (int& pos : u.label_pos)
      if (pos >= 0) pos += int(prefix.size());
  }

  void build_blocks() {
    size_t n = u.instrs.size();
    std::vector<std::vector<int>> labels_at(n + 1);
    for (size_t l = 0; l < u.label_pos.size(); l++)
      if (u.label_pos[l] >= 0) labels_at[size_t(u.label_pos[l])].push_back(int(l));
    std::vector<int> label_block(u.label_pos.size(), -1);
    int cur = new_block();
    entry = cur;
    bool need_new = false;
    for (size_t i = 0; i <= n; i++) {
      if ((need_new || !labels_at[i].empty()) && !blocks[size_t(cur)].ins.empty()) {
        int nb = new_block();
        blocks[size_t(cur)].next = nb;
        cur = nb;
      }
      need_new = false;
      for (int l : labels_at[i]) label_block[size_t(l)] = cur;
      if (i == n) break;
      const Instr& in = u.instrs[i];
      blocks[size_t(cur)].ins.push_back(BInstr{in.op, in.arg, in.target, in.loc, -1});
      if (is_jump(in.op) || is_scope_exit(in.op)) need_new = true;
    }
    for (Block& b : blocks)
      for (BInstr& in : b.ins)
        if (in.target >= 0) in.target = label_block[size_t(in.target)];
  }

  // ---- 3 ----------------------------------------------------------------------------------------
  void label_exception_targets() {
    for (Block& b : blocks)
      for (BInstr& in : b.ins)
        if (is_setup(in.op)) {
          blocks[size_t(in.target)].except_handler = true;
          if (in.op != PSEUDO_SETUP_FINALLY) blocks[size_t(in.target)].preserve_lasti = true;
        }
    std::vector<std::vector<int>> stacks(blocks.size());
    std::vector<int> todo;
    for (Block& b : blocks) b.visited = false;
    todo.push_back(entry);
    blocks[size_t(entry)].visited = true;
    while (!todo.empty()) {
      int bi = todo.back();
      todo.pop_back();
      std::vector<int> stack = std::move(stacks[size_t(bi)]);
      Block& b = blocks[size_t(bi)];
      int handler = stack.empty() ? -1 : stack.back();
      for (BInstr& in : b.ins) {
        if (is_setup(in.op)) {
          Block& t = blocks[size_t(in.target)];
          if (!t.visited) {
            t.visited = true;
            stacks[size_t(in.target)] = stack;
            todo.push_back(in.target);
          }
          stack.push_back(in.target);
          handler = in.target;
          in.handler = -1;
        } else if (in.op == PSEUDO_POP_BLOCK) {
          if (!stack.empty()) stack.pop_back();
          handler = stack.empty() ? -1 : stack.back();
        } else if (is_jump(in.op)) {
          in.handler = handler;
          Block& t = blocks[size_t(in.target)];
          if (!t.visited) {
            t.visited = true;
            stacks[size_t(in.target)] = stack;
            todo.push_back(in.target);
          }
        } else {
          if (in.op == OP_YIELD_VALUE) in.arg = int(stack.size());
          in.handler = handler;
        }
      }
      if (has_fallthrough(b) && b.next >= 0 && !blocks[size_t(b.next)].visited) {
        blocks[size_t(b.next)].visited = true;
        stacks[size_t(b.next)] = std::move(stack);
        todo.push_back(b.next);
      }
    }
  }

  // ---- 4 ----------------------------------------------------------------------------------------
  void remove_unreachable() {
    for (Block& b : blocks) {
      b.predecessors = 0;
      b.visited = false;
    }
    std::vector<int> stack{entry};
    blocks[size_t(entry)].predecessors = 1;
    blocks[size_t(entry)].visited = true;
    while (!stack.empty()) {
      int bi = stack.back();
      stack.pop_back();
      Block& b = blocks[size_t(bi)];
      if (b.next >= 0 && has_fallthrough(b)) {
        Block& n = blocks[size_t(b.next)];
        if (!n.visited) {
          n.visited = true;
          stack.push_back(b.next);
        }
        n.predecessors++;
      }
      for (BInstr& in : b.ins) {
        if (in.target >= 0 && is_jump(in.op)) {
          Block& t = blocks[size_t(in.target)];
          if (!t.visited) {
            t.visited = true;
            stack.push_back(in.target);
          }
          t.predecessors++;
        }
      }
    }
    for (Block& b : blocks) {
      if (b.predecessors == 0) {
        b.ins.clear();
        b.except_handler = false;
      }
    }
  }

  // The first non-empty block at or after `bi` in layout order (-1 if none).
  int skip_empty(int bi) const {
    while (bi >= 0 && blocks[size_t(bi)].ins.empty()) bi = blocks[size_t(bi)].next;
    return bi;
  }

  void eliminate_empty_blocks() {
    for (Block& b : blocks)
      for (BInstr& in : b.ins)
        if (in.target >= 0) {
          int t = skip_empty(in.target);
          if (t >= 0) in.target = t;
        }
    int e = skip_empty(entry);
    if (e >= 0) entry = e;
    for (int bi = entry; bi >= 0; bi = blocks[size_t(bi)].next) {
      blocks[size_t(bi)].next = skip_empty(blocks[size_t(bi)].next);
    }
  }

  void inline_small_exit_blocks(Block& b) {
    if (b.ins.empty()) return;
    BInstr& l = b.ins.back();
    if (!is_uncond_jump(l.op)) return;
    int ti = skip_empty(l.target);
    if (ti < 0) return;
    Block& t = blocks[size_t(ti)];
    if (&t == &b || t.ins.empty() || t.ins.size() > 4 || !is_scope_exit(t.ins.back().op)) return;
    std::vector<BInstr> copy = t.ins;
    b.ins.pop_back();
    b.ins.insert(b.ins.end(), copy.begin(), copy.end());
  }

  static bool const_truth(Object* c, int* result) {
    int t = object_is_true(c);
    if (t < 0) {
      err_clear();
      return false;
    }
    *result = t;
    return true;
  }

  bool optimize_basic_block(Block& b) {
    auto& ins = b.ins;
    for (size_t i = 0; i < ins.size(); i++) {
      BInstr& in = ins[i];
      BInstr* nxt = i + 1 < ins.size() ? &ins[i + 1] : nullptr;
      switch (in.op) {
        case OP_LOAD_CONST:
          if (!nxt) break;
          if (nxt->op == OP_RETURN_VALUE) {
            nxt->op = OP_RETURN_CONST;
            nxt->arg = in.arg;
            in.op = OP_NOP;
          } else if (nxt->op == OP_POP_JUMP_IF_FALSE || nxt->op == OP_POP_JUMP_IF_TRUE) {
            int truth;
            if (!const_truth(u.consts[size_t(in.arg)], &truth)) break;
            bool jump_if_true = nxt->op == OP_POP_JUMP_IF_TRUE;
            in.op = OP_NOP;
            if (bool(truth) == jump_if_true) {
              nxt->op = PSEUDO_JUMP;
            } else {
              nxt->op = OP_NOP;
              nxt->target = -1;
            }
          } else if (nxt->op == OP_POP_JUMP_IF_NONE || nxt->op == OP_POP_JUMP_IF_NOT_NONE) {
            bool is_none = u.consts[size_t(in.arg)] == None;
            in.op = OP_NOP;
            if (is_none == (nxt->op == OP_POP_JUMP_IF_NONE)) {
              nxt->op = PSEUDO_JUMP;
            } else {
              nxt->op = OP_NOP;
              nxt->target = -1;
            }
          } else if (nxt->op == OP_IS_OP && i + 2 < ins.size() && u.consts[size_t(in.arg)] == None &&
                     (ins[i + 2].op == OP_POP_JUMP_IF_FALSE || ins[i + 2].op == OP_POP_JUMP_IF_TRUE)) {
            bool inverted = nxt->arg == 1;
            bool jump_if_true = ins[i + 2].op == OP_POP_JUMP_IF_TRUE;
            in.op = OP_NOP;
            nxt->op = OP_NOP;
            ins[i + 2].op = (!inverted == jump_if_true) ? OP_POP_JUMP_IF_NONE : OP_POP_JUMP_IF_NOT_NONE;
          }
          break;
        case OP_BUILD_TUPLE: {
          if (nxt && (nxt->op == OP_UNPACK_SEQUENCE) && nxt->arg == in.arg && in.arg >= 1 &&
              in.arg <= 3) {
            if (in.arg == 1) {
              in.op = OP_NOP;
              nxt->op = OP_NOP;
            } else if (in.arg == 2) {
              in.op = OP_NOP;
              nxt->op = OP_SWAP;
              nxt->arg = 2;
            } else {
              in.op = OP_SWAP;
              in.arg = 3;
              nxt->op = OP_NOP;
            }
            break;
          }
          // Fold LOAD_CONST x n; BUILD_TUPLE n into one constant tuple.
          int n = in.arg;
          if (size_t(n) > i) break;
          bool all = true;
          for (int k = 0; k < n; k++)
            if (ins[i - size_t(n) + size_t(k)].op != OP_LOAD_CONST) all = false;
          if (!all) break;
          Object* t = tuple_new(n);
          if (!t) return false;
          for (int k = 0; k < n; k++) {
            BInstr& c = ins[i - size_t(n) + size_t(k)];
            tuple_set_steal(t, k, newref(u.consts[size_t(c.arg)]));
            c.op = OP_NOP;
          }
          int idx = add_const(t);
          if (idx < 0) return false;
          in.op = OP_LOAD_CONST;
          in.arg = idx;
          break;
        }
        case PSEUDO_JUMP:
        case OP_POP_JUMP_IF_FALSE:
        case OP_POP_JUMP_IF_TRUE:
        case OP_POP_JUMP_IF_NONE:
        case OP_POP_JUMP_IF_NOT_NONE: {
          // Jump threading: a jump to an unconditional jump goes straight to its target.
          for (int guard = 0; guard < 10; guard++) {
            int ti = skip_empty(in.target);
            if (ti < 0) break;
            const BInstr& first = blocks[size_t(ti)].ins[0];
            if (first.op != PSEUDO_JUMP || first.target == in.target || first.target == ti) break;
            in.target = first.target;
          }
          break;
        }
        default: break;
      }
    }
    return true;
  }

  int add_const(Object* stolen) {
    // Constants created by the optimiser (tuples) are appended without deduplication.
    u.consts.push_back(stolen);
    return int(u.consts.size()) - 1;
  }

  int remove_redundant_nops(Block& b) {
    int dest = 0, prev_lineno = -1;
    int n = int(b.ins.size());
    for (int src = 0; src < n; src++) {
      BInstr in = b.ins[size_t(src)];
      int lineno = in.loc.lineno;
      if (in.op == OP_NOP) {
        if (lineno < 0) continue;
        if (prev_lineno == lineno) continue;
        if (src < n - 1) {
          int next_lineno = b.ins[size_t(src + 1)].loc.lineno;
          if (next_lineno == lineno) continue;
          if (next_lineno < 0) {
            b.ins[size_t(src + 1)].loc = in.loc;
            continue;
          }
        } else {
          int nb = skip_empty(b.next);
          if (nb >= 0 && blocks[size_t(nb)].ins[0].loc.lineno == lineno) continue;
        }
      }
      b.ins[size_t(dest++)] = in;
      prev_lineno = lineno;
    }
    int removed = n - dest;
    b.ins.resize(size_t(dest));
    return removed;
  }

  int remove_redundant_jumps() {
    int changes = 0;
    for (int bi = entry; bi >= 0; bi = blocks[size_t(bi)].next) {
      Block& b = blocks[size_t(bi)];
      if (b.ins.empty()) continue;
      BInstr& l = b.ins.back();
      if (is_uncond_jump(l.op) && skip_empty(l.target) == skip_empty(b.next)) {
        l.op = OP_NOP;
        l.target = -1;
        changes++;
      }
    }
    return changes;
  }

  bool optimize_cfg() {
    for (Block& b : blocks) inline_small_exit_blocks(b);
    remove_unreachable();
    for (Block& b : blocks)
      if (!optimize_basic_block(b)) return false;
    for (Block& b : blocks) inline_small_exit_blocks(b);
    remove_unreachable();
    eliminate_empty_blocks();
    for (int iter = 0; iter < 100; iter++) {
      int changes = 0;
      for (int bi = entry; bi >= 0; bi = blocks[size_t(bi)].next)
        changes += remove_redundant_nops(blocks[size_t(bi)]);
      eliminate_empty_blocks();
      changes += remove_redundant_jumps();
      if (!changes) break;
    }
    remove_unreachable();
    eliminate_empty_blocks();
    return true;
  }

  // ---- 5 ----------------------------------------------------------------------------------------
  void remove_unused_consts() {
    size_t n = u.consts.size();
    if (n == 0) return;
    std::vector<int> map(n, -1);
    map[0] = 0;  // may be the docstring: always kept
    for (Block& b : blocks)
      for (BInstr& in : b.ins)
        if (in.op == OP_LOAD_CONST || in.op == OP_RETURN_CONST) map[size_t(in.arg)] = 1;
    std::vector<Object*> kept;
    for (size_t i = 0; i < n; i++) {
      if (map[i] >= 0) {
        map[i] = int(kept.size());
        kept.push_back(u.consts[i]);
      } else {
        decref(u.consts[i]);
      }
    }
    u.consts = std::move(kept);
    for (Block& b : blocks)
      for (BInstr& in : b.ins)
        if (in.op == OP_LOAD_CONST || in.op == OP_RETURN_CONST) in.arg = map[size_t(in.arg)];
  }

  void maybe_push(int bi, uint64_t mask, std::vector<int>& stack) {
    Block& b = blocks[size_t(bi)];
    uint64_t both = b.unsafe | mask;
    if (b.unsafe != both) {
      b.unsafe = both;
      if (!b.visited) {
        stack.push_back(bi);
        b.visited = true;
      }
    }
  }

  void scan_block_for_locals(int bi, std::vector<int>& stack) {
    Block& b = blocks[size_t(bi)];
    uint64_t unsafe = b.unsafe;
    for (BInstr& in : b.ins) {
      if (in.handler >= 0) maybe_push(in.handler, unsafe, stack);
      if (in.arg >= 64 || in.arg < 0) continue;
      uint64_t bit = uint64_t(1) << in.arg;
      switch (in.op) {
        case OP_DELETE_FAST: unsafe |= bit; break;
        case OP_STORE_FAST: unsafe &= ~bit; break;
        case OP_LOAD_FAST_CHECK: unsafe &= ~bit; break;
        case OP_LOAD_FAST:
          if (unsafe & bit) in.op = OP_LOAD_FAST_CHECK;
          unsafe &= ~bit;
          break;
        default: break;
      }
    }
    if (b.next >= 0 && has_fallthrough(b)) maybe_push(b.next, unsafe, stack);
    if (!b.ins.empty() && is_jump(b.ins.back().op) && b.ins.back().target >= 0)
      maybe_push(b.ins.back().target, unsafe, stack);
  }

  void add_checks_for_loads_of_uninitialized_variables(int nlocals, int nparams) {
    if (nlocals == 0) return;
    // Locals beyond 64: conservatively checked unless stored earlier in the same block.
    if (nlocals > 64) {
      for (Block& b : blocks) {
        std::vector<bool> stored(size_t(nlocals), false);
        for (BInstr& in : b.ins) {
          if (in.arg < 64) continue;
          if (in.op == OP_STORE_FAST) stored[size_t(in.arg)] = true;
          if (in.op == OP_DELETE_FAST) stored[size_t(in.arg)] = false;
          if (in.op == OP_LOAD_FAST && !stored[size_t(in.arg)] && in.arg >= nparams)
            in.op = OP_LOAD_FAST_CHECK;
        }
      }
    }
    std::vector<int> stack;
    for (Block& b : blocks) {
      b.visited = false;
      b.unsafe = 0;
    }
    uint64_t start_mask = 0;
    for (int i = nparams; i < nlocals && i < 64; i++) start_mask |= uint64_t(1) << i;
    maybe_push(entry, start_mask, stack);
    for (int bi = entry; bi >= 0; bi = blocks[size_t(bi)].next) scan_block_for_locals(bi, stack);
    while (!stack.empty()) {
      int bi = stack.back();
      stack.pop_back();
      blocks[size_t(bi)].visited = false;
      scan_block_for_locals(bi, stack);
    }
  }

  // ---- 6 ----------------------------------------------------------------------------------------
  void propagate_line_numbers() {
    for (int bi = entry; bi >= 0; bi = blocks[size_t(bi)].next) {
      Block& b = blocks[size_t(bi)];
      if (b.ins.empty()) continue;
      Loc prev = kNoLoc;
      for (BInstr& in : b.ins) {
        if (in.loc.lineno < 0)
          in.loc = prev;
        else
          prev = in.loc;
      }
      if (has_fallthrough(b) && b.next >= 0) {
        Block& n = blocks[size_t(b.next)];
        if (n.predecessors == 1 && !n.ins.empty() && n.ins[0].loc.lineno < 0) n.ins[0].loc = prev;
      }
      const BInstr& l = b.ins.back();
      if (is_jump(l.op) && l.target >= 0) {
        Block& t = blocks[size_t(l.target)];
        if (t.predecessors == 1 && !t.ins.empty() && t.ins[0].loc.lineno < 0) t.ins[0].loc = prev;
      }
    }
  }

  void normalize_jumps() {
    // Layout position of every block.
    std::vector<int> pos(blocks.size(), -1);
    int p = 0;
    for (int bi = entry; bi >= 0; bi = blocks[size_t(bi)].next) pos[size_t(bi)] = p++;
    for (int bi = entry; bi >= 0; bi = blocks[size_t(bi)].next) {
      Block& b = blocks[size_t(bi)];
      if (b.ins.empty()) continue;
      BInstr l = b.ins.back();
      if (!is_cond_jump(l.op)) continue;
      if (pos[size_t(l.target)] > pos[size_t(bi)]) continue;  // forward
      int reversed = l.op == OP_POP_JUMP_IF_FALSE  ? OP_POP_JUMP_IF_TRUE
                     : l.op == OP_POP_JUMP_IF_TRUE ? OP_POP_JUMP_IF_FALSE
                     : l.op == OP_POP_JUMP_IF_NONE ? OP_POP_JUMP_IF_NOT_NONE
                                                   : OP_POP_JUMP_IF_NONE;
      int nb = new_block();  // invalidates references into `blocks`
      Block& cur = blocks[size_t(bi)];
      Block& back = blocks[size_t(nb)];
      back.ins.push_back(BInstr{PSEUDO_JUMP, 0, l.target, l.loc, l.handler});
      back.next = cur.next;
      back.predecessors = 1;
      cur.ins.back().op = reversed;
      cur.ins.back().target = cur.next;
      cur.next = nb;
      pos.push_back(pos[size_t(bi)]);
      bi = nb;  // continue after the new block
    }
  }

  // ---- 7 ----------------------------------------------------------------------------------------
  bool stackdepth(int* maxdepth_out) {
    for (Block& b : blocks) b.startdepth = INT_MIN;
    std::vector<int> stack;
    int maxdepth = 0;
    auto push = [&](int bi, int depth) -> bool {
      Block& b = blocks[size_t(bi)];
      if (b.startdepth != INT_MIN && b.startdepth != depth) {
        err_format(&Exc_SystemError, "compiler: inconsistent stack depth (%d vs %d) in '%s' line %d",
                   b.startdepth, depth, u.qualname.c_str(),
                   b.ins.empty() ? -1 : b.ins[0].loc.lineno);
        return false;
      }
      if (b.startdepth == INT_MIN) {
        b.startdepth = depth;
        stack.push_back(bi);
      }
      return true;
    };
    if (!push(entry, 0)) return false;
    while (!stack.empty()) {
      int bi = stack.back();
      stack.pop_back();
      Block& b = blocks[size_t(bi)];
      int depth = b.startdepth;
      bool falls = true;
      for (const BInstr& in : b.ins) {
        int eff = stack_effect(in.op, in.arg, false);
        int new_depth = depth + eff;
        if (new_depth < 0) {
          err_format(&Exc_SystemError, "compiler: negative stack depth at %s in '%s' line %d",
                     in.op < OP_COUNT_ ? kOpcodeNames[in.op] : "pseudo-op", u.qualname.c_str(),
                     in.loc.lineno);
          return false;
        }
        maxdepth = std::max(maxdepth, new_depth);
        if (is_jump(in.op) && in.target >= 0) {
          int target_depth = depth + stack_effect(in.op, in.arg, true);
          maxdepth = std::max(maxdepth, target_depth);
          if (!push(in.target, target_depth)) return false;
        }
        depth = new_depth;
        if (is_uncond_jump(in.op) || is_scope_exit(in.op)) {
          falls = false;
          break;
        }
      }
      if (falls && b.next >= 0) {
        if (!push(b.next, depth)) return false;
      }
    }
    *maxdepth_out = maxdepth;
    return true;
  }

  // ---- 8 ----------------------------------------------------------------------------------------
  Object* make_code(Object* filename) {
    int maxdepth = 0;
    if (!stackdepth(&maxdepth)) return nullptr;
    // Pseudo SETUP_* / POP_BLOCK become NOPs, then NOPs are cleaned up again.
    for (Block& b : blocks)
      for (BInstr& in : b.ins)
        if (is_setup(in.op) || in.op == PSEUDO_POP_BLOCK) {
          in.op = OP_NOP;
          in.target = -1;
        }
    for (int bi = entry; bi >= 0; bi = blocks[size_t(bi)].next) remove_redundant_nops(blocks[size_t(bi)]);
    // A block emptied by the NOP removal must not be a jump target: retarget.
    eliminate_empty_blocks();

    // Offsets.
    int ninstr = 0;
    for (int bi = entry; bi >= 0; bi = blocks[size_t(bi)].next) {
      blocks[size_t(bi)].offset = ninstr;
      ninstr += int(blocks[size_t(bi)].ins.size());
    }
    // Handlers that became unreachable/empty still need an offset: skip_empty guarantees targets
    // are non-empty, and exception handlers are kept reachable by remove_unreachable.

    // Localsplus layout.
    int nlocals = int(u.varnames.size());
    int ncells = int(u.cellvars.size());
    int nfree = int(u.freevars.size());
    std::vector<int> deref_slot(size_t(ncells + nfree));
    std::vector<std::string> lp_names = u.varnames.items;
    std::vector<uint8_t> lp_kinds(size_t(nlocals), CO_FAST_LOCAL);
    for (int i = 0; i < ncells; i++) {
      int v = u.varnames.find(u.cellvars.items[size_t(i)]);
      if (v >= 0) {
        lp_kinds[size_t(v)] |= CO_FAST_CELL;
        deref_slot[size_t(i)] = v;
      } else {
        deref_slot[size_t(i)] = int(lp_names.size());
        lp_names.push_back(u.cellvars.items[size_t(i)]);
        lp_kinds.push_back(CO_FAST_CELL);
      }
    }
    for (int i = 0; i < nfree; i++) {
      deref_slot[size_t(ncells + i)] = int(lp_names.size());
      lp_names.push_back(u.freevars.items[size_t(i)]);
      lp_kinds.push_back(CO_FAST_FREE);
    }

    CodeSpec spec;
    spec.ncode = ninstr;
    spec.code = static_cast<uint32_t*>(std::malloc(sizeof(uint32_t) * size_t(std::max(ninstr, 1))));
    spec.positions =
        static_cast<InstrPosition*>(std::malloc(sizeof(InstrPosition) * size_t(std::max(ninstr, 1))));
    std::vector<ExceptionEntry> table;
    int idx = 0;
    int cur_handler = -1, run_start = 0;
    auto close_run = [&](int end) {
      if (cur_handler >= 0 && end > run_start) {
        // Depth and lasti come from the handler block the SETUP named; the code offset from the
        // first non-empty block at or after it (the SETUP_CLEANUP starting it may be gone).
        Block& h = blocks[size_t(cur_handler)];
        int target = skip_empty(cur_handler);
        int depth = h.startdepth - 1 - (h.preserve_lasti ? 1 : 0);
        table.push_back(ExceptionEntry{uint32_t(run_start), uint32_t(end),
                                       uint32_t(blocks[size_t(target)].offset),
                                       uint16_t(std::max(depth, 0)), uint8_t(h.preserve_lasti)});
      }
    };
    for (int bi = entry; bi >= 0; bi = blocks[size_t(bi)].next) {
      for (BInstr& in : blocks[size_t(bi)].ins) {
        int op = in.op, arg = in.arg;
        if (in.target >= 0) arg = blocks[size_t(in.target)].offset;
        if (op == PSEUDO_JUMP) {
          op = arg > idx ? OP_JUMP_FORWARD : OP_JUMP_BACKWARD;
        } else if (op == PSEUDO_JUMP_NO_INTERRUPT) {
          op = arg > idx ? OP_JUMP_FORWARD : OP_JUMP_BACKWARD_NO_INTERRUPT;
        }
        if (is_deref_op(op)) arg = deref_slot[size_t(arg)];
        if (op >= OP_COUNT_) {
          std::free(spec.code);
          std::free(spec.positions);
          err_format(&Exc_SystemError, "compiler: unresolved pseudo-op %d", op);
          return nullptr;
        }
        if (op == OP_COPY_FREE_VARS) arg = nfree;
        int handler = in.handler;
        if (handler >= 0 &&
            (blocks[size_t(handler)].startdepth == INT_MIN || skip_empty(handler) < 0))
          handler = -1;
        if (handler != cur_handler) {
          close_run(idx);
          cur_handler = handler;
          run_start = idx;
        }
        spec.code[idx] = make_instr(Opcode(op), uint32_t(arg));
        spec.positions[idx] = InstrPosition{in.loc.lineno, in.loc.end_lineno, in.loc.col_offset,
                                            in.loc.end_col_offset};
        idx++;
      }
    }
    close_run(idx);
    spec.nexception_entries = int(table.size());
    if (!table.empty()) {
      spec.exception_table =
          static_cast<ExceptionEntry*>(std::malloc(sizeof(ExceptionEntry) * table.size()));
      std::memcpy(spec.exception_table, table.data(), sizeof(ExceptionEntry) * table.size());
    }

    auto make_str_tuple = [](const std::vector<std::string>& v) -> Object* {
      Object* t = tuple_new(ssize(v.size()));
      if (!t) return nullptr;
      for (size_t i = 0; i < v.size(); i++) {
        Object* s = str_from_utf8(v[i]);
        if (!s) {
          for (size_t j = i; j < v.size(); j++) tuple_set_steal(t, ssize(j), newref(None));
          decref(t);
          return nullptr;
        }
        tuple_set_steal(t, ssize(i), str_intern(s));
      }
      return t;
    };
    Object* consts = tuple_new(ssize(u.consts.size()));
    if (consts) {
      for (size_t i = 0; i < u.consts.size(); i++) tuple_set_steal(consts, ssize(i), newref(u.consts[i]));
    }
    spec.consts = consts;
    spec.names = make_str_tuple(u.names.items);
    spec.localsplusnames = make_str_tuple(lp_names);
    spec.localspluskinds = static_cast<uint8_t*>(std::malloc(std::max<size_t>(lp_kinds.size(), 1)));
    if (!lp_kinds.empty()) std::memcpy(spec.localspluskinds, lp_kinds.data(), lp_kinds.size());
    spec.argcount = u.argcount;
    spec.posonlyargcount = u.posonlyargcount;
    spec.kwonlyargcount = u.kwonlyargcount;
    spec.stacksize = std::max(maxdepth, 1);
    spec.flags = flags;
    spec.firstlineno = u.firstlineno;
    spec.filename = newref(filename);
    spec.name = str_from_utf8(u.name);
    if (spec.name) spec.name = str_intern(spec.name);
    spec.qualname = str_from_utf8(u.qualname);
    if (!spec.consts || !spec.names || !spec.localsplusnames || !spec.name || !spec.qualname) {
      std::free(spec.code);
      std::free(spec.positions);
      std::free(spec.exception_table);
      std::free(spec.localspluskinds);
      xdecref(spec.consts);
      xdecref(spec.names);
      xdecref(spec.localsplusnames);
      xdecref(spec.filename);
      xdecref(spec.name);
      xdecref(spec.qualname);
      return nullptr;
    }
    return code_new(spec);
  }

  Object* run(Object* filename) {
    insert_prefix();
    build_blocks();
    label_exception_targets();
    if (!optimize_cfg()) return nullptr;
    remove_unused_consts();
    int nparams = u.argcount + u.kwonlyargcount + ((flags & CO_VARARGS) ? 1 : 0) +
                  ((flags & CO_VARKEYWORDS) ? 1 : 0);
    add_checks_for_loads_of_uninitialized_variables(int(u.varnames.size()), nparams);
    propagate_line_numbers();
    normalize_jumps();
    return make_code(filename);
  }
};

}  // namespace

Object* assemble_unit(Unit& u, int flags, Object* filename) {
  Assembler a(u, flags);
  return a.run(filename);
}

}  // namespace gilpy::compiler

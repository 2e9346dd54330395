// re.Match and the scanner (_sre.SRE_Scanner) of gilpy's `_re` (see re.cpp for the whole design).
//
// A Match owns its subject and pattern and copies the match offsets (code-point or byte indices,
// -1 for groups that did not take part) inline after the object, so it stays valid whatever the
// pattern matches next. Groups are sliced from the subject on demand, as CPython does (for a
// bytes-like subject the slice re-reads its current contents, clamped to its current size).
// Match.lastindex is derived from the offsets and the group nesting recorded by the parser (the
// matched group that closed last), since PCRE2 does not report closing order; it is computed on
// first use.
//
// A scanner owns its subject, pattern and prepared Subject (held buffer, widened copy if any) and
// produces the successive matches of finditer/Pattern.scanner lazily with Python 3.7+'s
// empty-match rule. Both types take part in cycle collection only when the subject could (an
// exact str/bytes subject cannot, and a pattern never refers back to a match).
#include <new>
#include <string>

#include "core/abstract.h"
#include "core/args.h"
#include "core/descr.h"
#include "core/error.h"
#include "core/gc.h"
#include "modules/re_internal.h"
#include "objects/bytes_internal.h"
#include "objects/bytesobject.h"
#include "objects/containers.h"
#include "objects/intobject.h"
#include "objects/singletons.h"
#include "objects/str_internal.h"
#include "objects/strobject.h"
#include "vm/import.h"

namespace gilpy::re {

TypeObject MatchType;
TypeObject ScannerType;

namespace {

MatchObject* as_match(Object* o) { return static_cast<MatchObject*>(o); }

// An int known to be small (group numbers); -1 when it does not fit.
ssize int_value(Object* o) {
  bool overflow = false;
  int64_t v = int_as_i64(o, &overflow);
  return overflow ? -1 : ssize(v);
}

bool untrackable(Object* string) { return str_check_exact(string) || (type_of(string) == &BytesType); }

}  // namespace

Object* match_new(PatternObject* p, Subject& s, ssize pos, ssize endpos) {
  ssize n = p->groups + 1;
  auto* m = alloc_object<MatchObject>(&MatchType, size_t(2 * n) * sizeof(ssize));
  if (!m) return nullptr;
  m->string = newref(s.obj);
  m->pattern = static_cast<PatternObject*>(newref(p));
  m->pos = pos;
  m->endpos = endpos;
  m->lastindex = -2;
  m->ngroups = n;
  const PCRE2_SIZE* ov = subject_ovector(p, s);
  ssize* marks = match_marks(m);
  for (ssize i = 0; i < 2 * n; ++i) marks[i] = ov[i] == PCRE2_UNSET ? -1 : ssize(ov[i]);
  if (untrackable(s.obj)) gc_untrack(m);
  return m;
}

// The template list for `repl` from re._compile_template(pattern, repl). A str subclass or a
// bytes-like object other than bytes is first turned into its exact type (CPython retries so when
// the cache cannot hash it).
Object* compile_template(PatternObject* p, Object* repl) {
  Ref arg;
  ByteView v;
  if (str_check(repl)) {
    arg = Ref::steal(str_exact_copy(repl));
  } else if (!(type_of(repl) == &BytesType) && get_byte_view_or_clear(repl, &v)) {
    arg = Ref::steal(bytes_from(v.data, v.size));
  } else {
    arg = Ref::borrow(repl);
  }
  if (!arg) return nullptr;
  Ref mod = Ref::steal(import_module("re"));
  if (!mod) return nullptr;
  Ref fn = Ref::steal(object_getattr_str(mod.get(), "_compile_template"));
  if (!fn) return nullptr;
  Ref t = Ref::steal(call2(fn.get(), p, arg.get()));
  if (t && !list_check(t.get())) {
    return err_format(&Exc_TypeError, "re._compile_template must return a list");
  }
  return t.release();
}

bool expand_template(Joiner& out, ssize groups, const ssize* marks, Object* tmpl) {
  ssize n = list_size(tmpl);
  for (ssize k = 0; k < n; ++k) {
    Object* item = list_items(tmpl)[k];
    if (!int_check(item)) {
      out.add_object(item);
      continue;
    }
    ssize g = ssize(int_value(item));
    if (g < 0 || g > groups) {
      err_format(&Exc_IndexError, "no such group");
      return false;
    }
    if (marks[2 * g] >= 0) out.add_range(marks[2 * g], marks[2 * g + 1]);
  }
  return true;
}

namespace {

// ---- Match ---------------------------------------------------------------------------------------

// string[a:b] as CPython's getslice (bytes for every bytes-like subject; clamped to its size).
Object* match_slice(MatchObject* m, ssize a, ssize b) {
  Object* s = m->string;
  if (str_check(s)) return str_substring(s, a, b);
  if ((type_of(s) == &BytesType) && a == 0 && b == bytes_size(s)) return newref(s);
  ByteView v;
  if (!get_byte_view(s, &v)) return nullptr;
  if (a > v.size) a = v.size;
  if (b > v.size) b = v.size;
  return bytes_from(v.data + a, b > a ? b - a : 0);
}

// Group `i` (valid), or `dflt` when it did not take part.
Object* match_group_at(MatchObject* m, ssize i, Object* dflt) {
  ssize* marks = match_marks(m);
  if (marks[2 * i] < 0) return newref(dflt);
  return match_slice(m, marks[2 * i], marks[2 * i + 1]);
}

// CPython's match_getindex: an index (clipped), or a group name; IndexError "no such group".
ssize match_index(MatchObject* m, Object* g) {
  ssize i = -1;
  if (int_check(g) || index_check(g)) {
    Ref idx = Ref::steal(number_index(g));
    if (!idx) return -1;
    bool overflow = false;
    i = ssize(int_as_i64(idx.get(), &overflow));
    if (overflow) i = -1;
  } else {
    Object* v = dict_get_borrowed(m->pattern->groupindex, g);
    if (!v && err_occurred()) return -1;
    if (v && int_check(v)) i = ssize(int_value(v));
  }
  if (i < 0 || i >= m->ngroups) {
    err_format(&Exc_IndexError, "no such group");
    return -1;
  }
  return i;
}

Object* match_group_obj(MatchObject* m, Object* g) {
  ssize i = match_index(m, g);
  if (i < 0) return nullptr;
  return match_group_at(m, i, None);
}

Object* match_group(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("Match.group", kwnames)) return nullptr;
  MatchObject* m = as_match(self);
  if (nargs == 0) return match_group_at(m, 0, None);
  if (nargs == 1) return match_group_obj(m, args[0]);
  Ref t = Ref::steal(tuple_new(nargs));
  if (!t) return nullptr;
  for (ssize k = 0; k < nargs; ++k) {
    Object* v = match_group_obj(m, args[k]);
    if (!v) return nullptr;
    tuple_set_steal(t.get(), k, v);
  }
  return t.release();
}

Object* match_getitem(Object* self, Object* key) { return match_group_obj(as_match(self), key); }

bool default_arg(const char* fname, Object* const* args, ssize nargs, Object* kwnames, Object** dflt) {
  static const char* const names[] = {"default", nullptr};
  ArgSpec spec{fname, names, 0, 1};
  Object* a[1] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return false;
  *dflt = a[0] ? a[0] : None;
  return true;
}

Object* match_groups(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  Object* dflt;
  if (!default_arg("groups", args, nargs, kwnames, &dflt)) return nullptr;
  MatchObject* m = as_match(self);
  Ref t = Ref::steal(tuple_new(m->ngroups - 1));
  if (!t) return nullptr;
  for (ssize i = 1; i < m->ngroups; ++i) {
    Object* v = match_group_at(m, i, dflt);
    if (!v) return nullptr;
    tuple_set_steal(t.get(), i - 1, v);
  }
  return t.release();
}

Object* match_groupdict(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  Object* dflt;
  if (!default_arg("groupdict", args, nargs, kwnames, &dflt)) return nullptr;
  MatchObject* m = as_match(self);
  Ref d = Ref::steal(dict_new());
  if (!d) return nullptr;
  ssize pos = 0;
  Object *name, *index;
  while (dict_next(m->pattern->groupindex, &pos, &name, &index)) {
    Ref v = Ref::steal(match_group_at(m, ssize(int_value(index)), dflt));
    if (!v || dict_setitem(d.get(), name, v.get()) < 0) return nullptr;
  }
  return d.release();
}

// start/end/span(group=0, /): the group's index or -1 when it did not take part.
ssize group_arg(const char* fname, MatchObject* m, Object* const* args, ssize nargs, Object* kwnames) {
  std::string qualified = std::string("Match.") + fname;
  if (!check_no_kwargs(qualified.c_str(), kwnames) || !check_positional(fname, nargs, 0, 1)) return -1;
  return nargs == 0 ? 0 : match_index(m, args[0]);
}

Object* match_start(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  MatchObject* m = as_match(self);
  ssize i = group_arg("start", m, args, nargs, kwnames);
  return i < 0 ? nullptr : int_from_ssize(match_marks(m)[2 * i]);
}

Object* match_end(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  MatchObject* m = as_match(self);
  ssize i = group_arg("end", m, args, nargs, kwnames);
  return i < 0 ? nullptr : int_from_ssize(match_marks(m)[2 * i + 1]);
}

Object* pair(ssize a, ssize b) {
  Ref x = Ref::steal(int_from_ssize(a));
  Ref y = Ref::steal(int_from_ssize(b));
  if (!x || !y) return nullptr;
  return tuple_pack(2, x.get(), y.get());
}

Object* match_span(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  MatchObject* m = as_match(self);
  ssize i = group_arg("span", m, args, nargs, kwnames);
  return i < 0 ? nullptr : pair(match_marks(m)[2 * i], match_marks(m)[2 * i + 1]);
}

Object* match_expand(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"template", nullptr};
  static const ArgSpec spec{"expand", names, 1, 1};
  Object* a[1] = {};
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  MatchObject* m = as_match(self);
  Ref tmpl = Ref::steal(compile_template(m->pattern, a[0]));
  if (!tmpl) return nullptr;
  Subject s;
  if (!s.init(m->pattern, m->string)) return nullptr;
  Joiner out(s);
  if (!expand_template(out, m->pattern->groups, match_marks(m), tmpl.get())) return nullptr;
  out.count_item();
  return out.finish();
}

Object* match_copy(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("Match.__copy__", nargs, kwnames)) return nullptr;
  return newref(self);
}

Object* match_deepcopy(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_one_arg("Match.__deepcopy__", nargs, kwnames)) return nullptr;
  return newref(self);
}

const MethodDef kMatchMethods[] = {
    {"group", match_group, METH_DEFAULT,
     "group([group1, ...]) -> str or tuple.\n    Return subgroup(s) of the match by indices or names.\n"
     "    For 0 returns the entire match."},
    {"start", match_start, METH_DEFAULT, "Return index of the start of the substring matched by group."},
    {"end", match_end, METH_DEFAULT, "Return index of the end of the substring matched by group."},
    {"span", match_span, METH_DEFAULT, "For match object m, return the 2-tuple (m.start(group), m.end(group))."},
    {"groups", match_groups, METH_DEFAULT,
     "Return a tuple containing all the subgroups of the match, from 1."},
    {"groupdict", match_groupdict, METH_DEFAULT,
     "Return a dictionary containing all the named subgroups of the match, keyed by the subgroup name."},
    {"expand", match_expand, METH_DEFAULT,
     "Return the string obtained by doing backslash substitution on the string template, as done by the sub() method."},
    {"__copy__", match_copy, METH_DEFAULT, nullptr},
    {"__deepcopy__", match_deepcopy, METH_DEFAULT, nullptr},
    {"__class_getitem__", generic_alias_class_getitem, METH_CLASS, "See PEP 585"},
    {nullptr, nullptr, 0, nullptr},
};

Object* match_get_string(Object* self) { return newref(as_match(self)->string); }
Object* match_get_re(Object* self) { return newref(as_match(self)->pattern); }
Object* match_get_pos(Object* self) { return int_from_ssize(as_match(self)->pos); }
Object* match_get_endpos(Object* self) { return int_from_ssize(as_match(self)->endpos); }

// The matched group that closed last: the one ending last; at equal ends an enclosing group closes
// after the groups inside it, otherwise the later group closes last.
ssize compute_lastindex(MatchObject* m) {
  const ssize* s = match_marks(m);
  const int32_t* parents = m->pattern->parents;
  ssize best = -1;
  for (ssize i = 1; i < m->ngroups; ++i) {
    if (s[2 * i] < 0) continue;
    if (best < 0 || s[2 * i + 1] > s[2 * best + 1]) {
      best = i;
    } else if (s[2 * i + 1] == s[2 * best + 1]) {
      bool i_encloses_best = false;
      for (ssize q = parents[best]; q >= 0; q = parents[q]) {
        if (q == i) {
          i_encloses_best = true;
          break;
        }
      }
      bool best_encloses_i = false;
      for (ssize q = parents[i]; q >= 0; q = parents[q]) {
        if (q == best) {
          best_encloses_i = true;
          break;
        }
      }
      if (i_encloses_best || !best_encloses_i) best = i;
    }
  }
  return best;
}

ssize lastindex_of(MatchObject* m) {
  if (m->lastindex == -2) m->lastindex = compute_lastindex(m);
  return m->lastindex;
}

Object* match_get_lastindex(Object* self) {
  ssize i = lastindex_of(as_match(self));
  return i < 0 ? none_ref() : int_from_ssize(i);
}

Object* match_get_lastgroup(Object* self) {
  MatchObject* m = as_match(self);
  ssize li = lastindex_of(m);
  if (li < 0) return none_ref();
  ssize pos = 0;
  Object *name, *index;
  while (dict_next(m->pattern->groupindex, &pos, &name, &index)) {
    if (int_value(index) == li) return newref(name);
  }
  return none_ref();
}

Object* match_get_regs(Object* self) {
  MatchObject* m = as_match(self);
  if (m->regs) return newref(m->regs);
  Ref t = Ref::steal(tuple_new(m->ngroups));
  if (!t) return nullptr;
  for (ssize i = 0; i < m->ngroups; ++i) {
    Object* p = pair(match_marks(m)[2 * i], match_marks(m)[2 * i + 1]);
    if (!p) return nullptr;
    tuple_set_steal(t.get(), i, p);
  }
  m->regs = newref(t.get());
  return t.release();
}

const GetSetDef kMatchGetSet[] = {
    {"string", match_get_string, nullptr, "The string passed to match() or search()."},
    {"re", match_get_re, nullptr, "The regular expression object."},
    {"pos", match_get_pos, nullptr, "The index into the string at which the RE engine started looking for a match."},
    {"endpos", match_get_endpos, nullptr, "The index into the string beyond which the RE engine will not go."},
    {"lastindex", match_get_lastindex, nullptr, "The integer index of the last matched capturing group."},
    {"lastgroup", match_get_lastgroup, nullptr, "The name of the last matched capturing group."},
    {"regs", match_get_regs, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

Object* match_repr(Object* self) {
  MatchObject* m = as_match(self);
  Ref g = Ref::steal(match_group_at(m, 0, None));
  if (!g) return nullptr;
  Ref r = Ref::steal(object_repr(g.get()));
  if (!r) return nullptr;
  if (str_length(r.get()) > 50) {  // CPython's %.50R
    r = Ref::steal(str_substring(r.get(), 0, 50));
    if (!r) return nullptr;
  }
  return str_from_format("<re.Match object; span=(%zd, %zd), match=%U>", match_marks(m)[0],
                         match_marks(m)[1], r.get());
}

int match_traverse(Object* self, visitproc visit, void* arg) {
  MatchObject* m = as_match(self);
  for (Object* o : {m->string, m->regs}) {
    if (o) {
      if (int r = visit(o, arg)) return r;
    }
  }
  return 0;
}

void match_dealloc(Object* self) {
  MatchObject* m = as_match(self);
  gc_untrack(self);
  xdecref(m->string);
  xdecref(m->regs);
  xdecref(m->pattern);
  object_free(self);
}

// ---- Scanner -------------------------------------------------------------------------------------

struct ScannerObject : Object {
  PatternObject* pattern;  // owned
  Object* string;          // owned
  Subject* subject;        // owned (C++ heap): the prepared subject
  ssize pos, endpos;       // clamped range (the matches' pos/endpos)
  ssize start;             // where the next attempt starts; -1 once exhausted
  bool must_advance;       // the previous match was empty: the next may not be empty at `start`
};

ScannerObject* as_scanner(Object* o) { return static_cast<ScannerObject*>(o); }

Object* scanner_next(Object* self, uint32_t opts) {
  ScannerObject* sc = as_scanner(self);
  if (sc->start < 0 || sc->start > sc->endpos) {
    sc->start = -1;
    return none_ref();
  }
  int r = subject_exec(sc->pattern, *sc->subject, sc->start, sc->endpos,
                       opts | (sc->must_advance ? PCRE2_NOTEMPTY_ATSTART : 0));
  if (r < 0) return nullptr;
  if (r == 0) {
    sc->start = -1;
    return none_ref();
  }
  const PCRE2_SIZE* ov = subject_ovector(sc->pattern, *sc->subject);
  sc->must_advance = ov[0] == ov[1];
  sc->start = ssize(ov[1]);
  return match_new(sc->pattern, *sc->subject, sc->pos, sc->endpos);
}

Object* scanner_match(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (nargs || (kwnames && tuple_size(kwnames))) {
    return err_format(&Exc_TypeError, "match() takes no arguments");
  }
  return scanner_next(self, PCRE2_ANCHORED);
}

Object* scanner_search(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (nargs || (kwnames && tuple_size(kwnames))) {
    return err_format(&Exc_TypeError, "search() takes no arguments");
  }
  return scanner_next(self, 0);
}

const MethodDef kScannerMethods[] = {
    {"match", scanner_match, METH_DEFAULT, nullptr},
    {"search", scanner_search, METH_DEFAULT, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

Object* scanner_get_pattern(Object* self) { return newref(as_scanner(self)->pattern); }

const GetSetDef kScannerGetSet[] = {
    {"pattern", scanner_get_pattern, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

int scanner_traverse(Object* self, visitproc visit, void* arg) {
  ScannerObject* sc = as_scanner(self);
  if (sc->string) {
    if (int r = visit(sc->string, arg)) return r;
  }
  return 0;
}

void scanner_dealloc(Object* self) {
  ScannerObject* sc = as_scanner(self);
  gc_untrack(self);
  delete sc->subject;
  xdecref(sc->string);
  xdecref(sc->pattern);
  object_free(self);
}

}  // namespace

Object* scanner_new(PatternObject* p, Object* string, ssize pos, ssize endpos) {
  auto* subject = new (std::nothrow) Subject;
  if (!subject) return err_no_memory();
  if (!subject->init(p, string)) {
    delete subject;
    return nullptr;
  }
  clamp_range(subject->length, &pos, &endpos);
  auto* sc = alloc_object<ScannerObject>(&ScannerType);
  if (!sc) {
    delete subject;
    return nullptr;
  }
  sc->pattern = static_cast<PatternObject*>(newref(p));
  sc->string = newref(string);
  sc->subject = subject;
  sc->pos = pos;
  sc->endpos = endpos;
  sc->start = pos;
  if (untrackable(string)) gc_untrack(sc);
  return sc;
}

bool type_ready_match() {
  if (!(MatchType.flags & TPFLAG_READY)) {
    MatchType.ob_type = &TypeType;
    make_immortal(&MatchType);
    MatchType.name = "re.Match";
    MatchType.doc = "The result of re.match() and re.search().\nMatch objects always have a boolean value of True.";
    MatchType.basicsize = sizeof(MatchObject);
    MatchType.flags = TPFLAG_HAVE_GC;
    MatchType.dealloc = match_dealloc;
    MatchType.traverse = match_traverse;
    MatchType.repr = match_repr;
    MatchType.getitem = match_getitem;
    MatchType.methods = kMatchMethods;
    MatchType.getset = kMatchGetSet;
    if (type_ready(&MatchType) < 0) return false;
  }
  if (!(ScannerType.flags & TPFLAG_READY)) {
    ScannerType.ob_type = &TypeType;
    make_immortal(&ScannerType);
    ScannerType.name = "_sre.SRE_Scanner";
    ScannerType.basicsize = sizeof(ScannerObject);
    ScannerType.flags = TPFLAG_HAVE_GC;
    ScannerType.dealloc = scanner_dealloc;
    ScannerType.traverse = scanner_traverse;
    ScannerType.methods = kScannerMethods;
    ScannerType.getset = kScannerGetSet;
    if (type_ready(&ScannerType) < 0) return false;
  }
  return true;
}

}  // namespace gilpy::re

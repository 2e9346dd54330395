// list.sort(): Tim Peters's Timsort, as described in CPython's Objects/listsort.txt, with the
// powersort merge policy CPython 3.11+ uses.
//
// Algorithm outline (see listsort.txt for the full story):
//  - Split the array into natural runs (count_run: non-descending, or strictly descending and then
//    reversed in place, which keeps the sort stable). Runs shorter than `minrun` are extended with
//    a binary insertion sort.
//  - Runs are pushed on a stack; the powersort "power" of the boundary between the top two runs
//    decides which merges happen (found_new_run), keeping the stack O(log n) deep and merges
//    balanced. At the end everything is merged (merge_force_collapse).
//  - merge_lo / merge_hi merge two adjacent runs using a temp copy of the smaller one, switching
//    to "galloping" (exponential then binary search) when one run keeps winning; min_gallop adapts.
//
// Keys and values: with a key function, keys are computed once per item into a separate array and
// every move of a key moves the corresponding value (struct SortSlice carries both pointers).
// reverse=True reverses the input before and the output after sorting, so equal elements keep
// their original order (stability as CPython's).
//
// The comparison is chosen once per sort after scanning the keys' types (CPython's "unsafe"
// specialisations): all exact small ints, all exact floats, all exact strs, all exact tuples (the
// first differing element decides), a single common type (its richcompare slot called directly),
// or the generic object_richcompare(<).
//
// Safety: during the sort the list is emptied (items null, allocated -1); if Python code (a key
// function or __lt__) mutates the list, "list modified during sort" is raised and the mutated
// contents are discarded, the sorted (or partially sorted) original items are restored. On a
// comparison error the list still holds every item exactly once (in some order).
#include <cstdlib>
#include <cstring>

#include "core/abstract.h"
#include "core/error.h"
#include "objects/containers.h"
#include "objects/containers_internal.h"
#include "objects/floatobject.h"
#include "objects/intobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"

namespace gilpy {

namespace {

constexpr ssize kMaxMergePending = 85;
constexpr ssize kMinGallop = 7;
constexpr ssize kTempSize = 256;

struct SortSlice {
  Object** keys;
  Object** values;  // null when there is no key function
};

struct RunSlice {
  SortSlice base;
  ssize len;
  int power;
};

struct MergeState;
using CompareFn = int (*)(Object* a, Object* b, MergeState* ms);

struct MergeState {
  ssize min_gallop;
  ssize listlen;
  Object** basekeys;
  SortSlice a;  // temp storage
  ssize alloced;
  ssize n;  // pending runs
  RunSlice pending[kMaxMergePending];
  Object* temparray[kTempSize];
  CompareFn compare;
  CompareFn tuple_elem_compare;
  richcmpfunc key_richcompare;  // for the single-type specialisation
};

inline void ss_copy(SortSlice* s1, ssize i, SortSlice* s2, ssize j) {
  s1->keys[i] = s2->keys[j];
  if (s1->values) s1->values[i] = s2->values[j];
}
inline void ss_copy_incr(SortSlice* dst, SortSlice* src) {
  *dst->keys++ = *src->keys++;
  if (dst->values) *dst->values++ = *src->values++;
}
inline void ss_copy_decr(SortSlice* dst, SortSlice* src) {
  *dst->keys-- = *src->keys--;
  if (dst->values) *dst->values-- = *src->values--;
}
inline void ss_memcpy(SortSlice* s1, ssize i, SortSlice* s2, ssize j, ssize n) {
  std::memcpy(&s1->keys[i], &s2->keys[j], sizeof(Object*) * size_t(n));
  if (s1->values) std::memcpy(&s1->values[i], &s2->values[j], sizeof(Object*) * size_t(n));
}
inline void ss_memmove(SortSlice* s1, ssize i, SortSlice* s2, ssize j, ssize n) {
  std::memmove(&s1->keys[i], &s2->keys[j], sizeof(Object*) * size_t(n));
  if (s1->values) std::memmove(&s1->values[i], &s2->values[j], sizeof(Object*) * size_t(n));
}
inline void ss_advance(SortSlice* s, ssize n) {
  s->keys += n;
  if (s->values) s->values += n;
}

void reverse_slice(Object** lo, Object** hi) {
  --hi;
  while (lo < hi) {
    Object* t = *lo;
    *lo = *hi;
    *hi = t;
    ++lo;
    --hi;
  }
}

void reverse_sortslice(SortSlice* s, ssize n) {
  reverse_slice(s->keys, s->keys + n);
  if (s->values) reverse_slice(s->values, s->values + n);
}

// ---- comparisons: 1 if a < b, 0 if not, -1 on error ---------------------------------------------
int generic_compare(Object* a, Object* b, MergeState*) {
  Object* r = object_richcompare(a, b, CMP_LT);
  if (!r) return -1;
  int k;
  if (r == True) k = 1;
  else if (r == False) k = 0;
  else k = object_is_true(r);
  decref(r);
  return k;
}

int same_type_compare(Object* a, Object* b, MergeState* ms) {
  Object* r = ms->key_richcompare(a, b, CMP_LT);
  if (r == NotImplemented) {
    decref(r);
    return generic_compare(a, b, ms);
  }
  if (!r) return -1;
  int k;
  if (r == True) k = 1;
  else if (r == False) k = 0;
  else k = object_is_true(r);
  decref(r);
  return k;
}

int int_lt_compare(Object* a, Object* b, MergeState*) {
  if (int_is_small(a) && int_is_small(b)) return int_small_value(a) < int_small_value(b);
  return int_compare(a, b) < 0;
}

int float_lt_compare(Object* a, Object* b, MergeState*) { return float_value(a) < float_value(b); }

int str_lt_compare(Object* a, Object* b, MergeState*) { return str_compare(a, b) < 0; }

int tuple_lt_compare(Object* a, Object* b, MergeState* ms) {
  ssize na = tuple_size(a), nb = tuple_size(b);
  ssize n = na < nb ? na : nb;
  ssize i = 0;
  for (; i < n; i++) {
    Object* x = tuple_items(a)[i];
    Object* y = tuple_items(b)[i];
    if (x == y) continue;
    int k = object_richcompare_bool(x, y, CMP_EQ);
    if (k < 0) return -1;
    if (!k) break;
  }
  if (i >= n) return na < nb;
  if (i == 0) return ms->tuple_elem_compare(tuple_items(a)[0], tuple_items(b)[0], ms);
  return object_richcompare_bool(tuple_items(a)[i], tuple_items(b)[i], CMP_LT);
}

// Choose the compare for an array of keys: returns the function for elements of `keys`.
CompareFn choose_compare(Object** keys, ssize n, MergeState* ms) {
  if (n < 2) return generic_compare;
  TypeObject* t = type_of(keys[0]);
  bool same = true;
  for (ssize i = 1; i < n; i++) {
    if (type_of(keys[i]) != t) {
      same = false;
      break;
    }
  }
  if (!same) return generic_compare;
  if (t == &IntType) return int_lt_compare;
  if (t == &FloatType) return float_lt_compare;
  if (t == &StrType) return str_lt_compare;
  if (t->richcompare && t != &TupleType) {
    ms->key_richcompare = t->richcompare;
    return same_type_compare;
  }
  return generic_compare;
}

// ---- the sort -----------------------------------------------------------------------------------
#define ISLT(X, Y) (ms->compare((X), (Y), ms))
#define IFLT(X, Y)                 \
  if ((k = ISLT(X, Y)) < 0) goto fail; \
  if (k)

int binarysort(MergeState* ms, SortSlice lo, Object** hi, Object** start) {
  int k;
  Object **l, **p, **r;
  Object* pivot;
  if (lo.keys == start) ++start;
  for (; start < hi; ++start) {
    l = lo.keys;
    r = start;
    pivot = *r;
    do {
      p = l + ((r - l) >> 1);
      IFLT(pivot, *p) r = p;
      else l = p + 1;
    } while (l < r);
    for (p = start; p > l; --p) *p = *(p - 1);
    *l = pivot;
    if (lo.values) {
      ssize offset = lo.values - lo.keys;
      p = start + offset;
      pivot = *p;
      l += offset;
      for (p = start + offset; p > l; --p) *p = *(p - 1);
      *l = pivot;
    }
  }
  return 0;
fail:
  return -1;
}

// Length of the run beginning at lo; *descending set for a strictly descending run.
ssize count_run(MergeState* ms, Object** lo, Object** hi, int* descending) {
  int k;
  ssize n;
  *descending = 0;
  ++lo;
  if (lo == hi) return 1;
  n = 2;
  IFLT(*lo, *(lo - 1)) {
    *descending = 1;
    for (lo = lo + 1; lo < hi; ++lo, ++n) {
      IFLT(*lo, *(lo - 1));
      else break;
    }
  }
  else {
    for (lo = lo + 1; lo < hi; ++lo, ++n) {
      IFLT(*lo, *(lo - 1)) break;
    }
  }
  return n;
fail:
  return -1;
}

// Leftmost position in sorted a[0:n] where key belongs (a[k-1] < key <= a[k]).
ssize gallop_left(MergeState* ms, Object* key, Object** a, ssize n, ssize hint) {
  ssize ofs, lastofs, k;
  a += hint;
  lastofs = 0;
  ofs = 1;
  IFLT(*a, key) {
    const ssize maxofs = n - hint;
    while (ofs < maxofs) {
      IFLT(a[ofs], key) {
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
        if (ofs <= 0) ofs = maxofs;
      }
      else break;
    }
    if (ofs > maxofs) ofs = maxofs;
    lastofs += hint;
    ofs += hint;
  }
  else {
    const ssize maxofs = hint + 1;
    while (ofs < maxofs) {
      IFLT(*(a - ofs), key) break;
      lastofs = ofs;
      ofs = (ofs << 1) + 1;
      if (ofs <= 0) ofs = maxofs;
    }
    if (ofs > maxofs) ofs = maxofs;
    k = lastofs;
    lastofs = hint - ofs;
    ofs = hint - k;
  }
  a -= hint;
  ++lastofs;
  while (lastofs < ofs) {
    ssize m = lastofs + ((ofs - lastofs) >> 1);
    IFLT(a[m], key) lastofs = m + 1;
    else ofs = m;
  }
  return ofs;
fail:
  return -1;
}

// Rightmost position in sorted a[0:n] where key belongs (a[k-1] <= key < a[k]).
ssize gallop_right(MergeState* ms, Object* key, Object** a, ssize n, ssize hint) {
  ssize ofs, lastofs, k;
  a += hint;
  lastofs = 0;
  ofs = 1;
  IFLT(key, *a) {
    const ssize maxofs = hint + 1;
    while (ofs < maxofs) {
      IFLT(key, *(a - ofs)) {
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
        if (ofs <= 0) ofs = maxofs;
      }
      else break;
    }
    if (ofs > maxofs) ofs = maxofs;
    k = lastofs;
    lastofs = hint - ofs;
    ofs = hint - k;
  }
  else {
    const ssize maxofs = n - hint;
    while (ofs < maxofs) {
      IFLT(key, a[ofs]) break;
      lastofs = ofs;
      ofs = (ofs << 1) + 1;
      if (ofs <= 0) ofs = maxofs;
    }
    if (ofs > maxofs) ofs = maxofs;
    lastofs += hint;
    ofs += hint;
  }
  a -= hint;
  ++lastofs;
  while (lastofs < ofs) {
    ssize m = lastofs + ((ofs - lastofs) >> 1);
    IFLT(key, a[m]) ofs = m;
    else lastofs = m + 1;
  }
  return ofs;
fail:
  return -1;
}

void merge_init(MergeState* ms, ssize list_size, bool has_keyfunc, SortSlice* lo) {
  if (has_keyfunc) {
    ms->alloced = (list_size + 1) / 2;
    if (kTempSize / 2 < ms->alloced) ms->alloced = kTempSize / 2;
    ms->a.values = &ms->temparray[ms->alloced];
  } else {
    ms->alloced = kTempSize;
    ms->a.values = nullptr;
  }
  ms->a.keys = ms->temparray;
  ms->n = 0;
  ms->min_gallop = kMinGallop;
  ms->listlen = list_size;
  ms->basekeys = lo->keys;
}

void merge_freemem(MergeState* ms) {
  if (ms->a.keys != ms->temparray) {
    std::free(ms->a.keys);
    ms->a.keys = nullptr;
  }
}

int merge_getmem(MergeState* ms, ssize need) {
  if (need <= ms->alloced) return 0;
  bool multiplier = ms->a.values != nullptr;
  merge_freemem(ms);
  size_t count = size_t(need) * (multiplier ? 2 : 1);
  if (size_t(need) > size_t(PTRDIFF_MAX) / sizeof(Object*) / 2) {
    err_no_memory();
    return -1;
  }
  ms->a.keys = static_cast<Object**>(std::malloc(count * sizeof(Object*)));
  if (!ms->a.keys) {
    err_no_memory();
    return -1;
  }
  ms->alloced = need;
  if (multiplier) ms->a.values = &ms->a.keys[need];
  return 0;
}

int merge_lo(MergeState* ms, SortSlice ssa, ssize na, SortSlice ssb, ssize nb) {
  ssize k;
  SortSlice dest;
  int result = -1;
  ssize min_gallop;
  if (merge_getmem(ms, na) < 0) return -1;
  ss_memcpy(&ms->a, 0, &ssa, 0, na);
  dest = ssa;
  ssa = ms->a;

  ss_copy_incr(&dest, &ssb);
  --nb;
  if (nb == 0) goto succeed;
  if (na == 1) goto copy_b;

  min_gallop = ms->min_gallop;
  for (;;) {
    ssize acount = 0, bcount = 0;
    for (;;) {
      k = ISLT(ssb.keys[0], ssa.keys[0]);
      if (k) {
        if (k < 0) goto fail;
        ss_copy_incr(&dest, &ssb);
        ++bcount;
        acount = 0;
        --nb;
        if (nb == 0) goto succeed;
        if (bcount >= min_gallop) break;
      } else {
        ss_copy_incr(&dest, &ssa);
        ++acount;
        bcount = 0;
        --na;
        if (na == 1) goto copy_b;
        if (acount >= min_gallop) break;
      }
    }
    ++min_gallop;
    do {
      min_gallop -= min_gallop > 1;
      ms->min_gallop = min_gallop;
      k = gallop_right(ms, ssb.keys[0], ssa.keys, na, 0);
      acount = k;
      if (k) {
        if (k < 0) goto fail;
        ss_memcpy(&dest, 0, &ssa, 0, k);
        ss_advance(&dest, k);
        ss_advance(&ssa, k);
        na -= k;
        if (na == 1) goto copy_b;
        if (na == 0) goto succeed;  // inconsistent comparison
      }
      ss_copy_incr(&dest, &ssb);
      --nb;
      if (nb == 0) goto succeed;

      k = gallop_left(ms, ssa.keys[0], ssb.keys, nb, 0);
      bcount = k;
      if (k) {
        if (k < 0) goto fail;
        ss_memmove(&dest, 0, &ssb, 0, k);
        ss_advance(&dest, k);
        ss_advance(&ssb, k);
        nb -= k;
        if (nb == 0) goto succeed;
      }
      ss_copy_incr(&dest, &ssa);
      --na;
      if (na == 1) goto copy_b;
    } while (acount >= kMinGallop || bcount >= kMinGallop);
    ++min_gallop;
    ms->min_gallop = min_gallop;
  }
succeed:
  result = 0;
fail:
  if (na) ss_memcpy(&dest, 0, &ssa, 0, na);
  return result;
copy_b:
  // The last element of ssa belongs at the end of the merge.
  ss_memmove(&dest, 0, &ssb, 0, nb);
  ss_copy(&dest, nb, &ssa, 0);
  return 0;
}

int merge_hi(MergeState* ms, SortSlice ssa, ssize na, SortSlice ssb, ssize nb) {
  ssize k;
  SortSlice dest, basea, baseb;
  int result = -1;
  ssize min_gallop;
  if (merge_getmem(ms, nb) < 0) return -1;
  dest = ssb;
  ss_advance(&dest, nb - 1);
  ss_memcpy(&ms->a, 0, &ssb, 0, nb);
  basea = ssa;
  baseb = ms->a;
  ssb.keys = ms->a.keys + nb - 1;
  if (ssb.values) ssb.values = ms->a.values + nb - 1;
  ss_advance(&ssa, na - 1);

  ss_copy_decr(&dest, &ssa);
  --na;
  if (na == 0) goto succeed;
  if (nb == 1) goto copy_a;

  min_gallop = ms->min_gallop;
  for (;;) {
    ssize acount = 0, bcount = 0;
    for (;;) {
      k = ISLT(ssb.keys[0], ssa.keys[0]);
      if (k) {
        if (k < 0) goto fail;
        ss_copy_decr(&dest, &ssa);
        ++acount;
        bcount = 0;
        --na;
        if (na == 0) goto succeed;
        if (acount >= min_gallop) break;
      } else {
        ss_copy_decr(&dest, &ssb);
        ++bcount;
        acount = 0;
        --nb;
        if (nb == 1) goto copy_a;
        if (bcount >= min_gallop) break;
      }
    }
    ++min_gallop;
    do {
      min_gallop -= min_gallop > 1;
      ms->min_gallop = min_gallop;
      k = gallop_right(ms, ssb.keys[0], basea.keys, na, na - 1);
      if (k < 0) goto fail;
      k = na - k;
      acount = k;
      if (k) {
        ss_advance(&dest, -k);
        ss_advance(&ssa, -k);
        ss_memmove(&dest, 1, &ssa, 1, k);
        na -= k;
        if (na == 0) goto succeed;
      }
      ss_copy_decr(&dest, &ssb);
      --nb;
      if (nb == 1) goto copy_a;

      k = gallop_left(ms, ssa.keys[0], baseb.keys, nb, nb - 1);
      if (k < 0) goto fail;
      k = nb - k;
      bcount = k;
      if (k) {
        ss_advance(&dest, -k);
        ss_advance(&ssb, -k);
        ss_memcpy(&dest, 1, &ssb, 1, k);
        nb -= k;
        if (nb == 1) goto copy_a;
        if (nb == 0) goto succeed;  // inconsistent comparison
      }
      ss_copy_decr(&dest, &ssa);
      --na;
      if (na == 0) goto succeed;
    } while (acount >= kMinGallop || bcount >= kMinGallop);
    ++min_gallop;
    ms->min_gallop = min_gallop;
  }
succeed:
  result = 0;
fail:
  if (nb) ss_memcpy(&dest, -(nb - 1), &baseb, 0, nb);
  return result;
copy_a:
  // The first element of ssb belongs at the front of the merge.
  ss_memmove(&dest, 1 - na, &ssa, 1 - na, na);
  ss_advance(&dest, -na);
  ss_advance(&ssa, -na);
  ss_copy(&dest, 0, &ssb, 0);
  return 0;
}

int merge_at(MergeState* ms, ssize i) {
  SortSlice ssa = ms->pending[i].base;
  ssize na = ms->pending[i].len;
  SortSlice ssb = ms->pending[i + 1].base;
  ssize nb = ms->pending[i + 1].len;

  ms->pending[i].len = na + nb;
  if (i == ms->n - 3) ms->pending[i + 1] = ms->pending[i + 2];
  --ms->n;

  // Where does b start in a? Elements in a before that are already in place.
  ssize k = gallop_right(ms, *ssb.keys, ssa.keys, na, 0);
  if (k < 0) return -1;
  ss_advance(&ssa, k);
  na -= k;
  if (na == 0) return 0;
  // Where does a end in b? Elements in b after that are already in place.
  nb = gallop_left(ms, ssa.keys[na - 1], ssb.keys, nb, nb - 1);
  if (nb <= 0) return int(nb);
  if (na <= nb) return merge_lo(ms, ssa, na, ssb, nb);
  return merge_hi(ms, ssa, na, ssb, nb);
}

// The powersort "power" of the boundary between runs [s1, s1+n1) and [s1+n1, s1+n1+n2) in an
// array of n elements.
int powerloop(ssize s1, ssize n1, ssize n2, ssize n) {
  int result = 0;
  ssize a = 2 * s1 + n1;
  ssize b = a + n1 + n2;
  for (;;) {
    ++result;
    if (a >= n) {
      a -= n;
      b -= n;
    } else if (b >= n) {
      break;
    }
    a <<= 1;
    b <<= 1;
  }
  return result;
}

int found_new_run(MergeState* ms, ssize n2) {
  if (ms->n) {
    RunSlice* p = ms->pending;
    ssize s1 = p[ms->n - 1].base.keys - ms->basekeys;
    ssize n1 = p[ms->n - 1].len;
    int power = powerloop(s1, n1, n2, ms->listlen);
    while (ms->n > 1 && p[ms->n - 2].power > power) {
      if (merge_at(ms, ms->n - 2) < 0) return -1;
    }
    p[ms->n - 1].power = power;
  }
  return 0;
}

int merge_force_collapse(MergeState* ms) {
  RunSlice* p = ms->pending;
  while (ms->n > 1) {
    ssize n = ms->n - 2;
    if (n > 0 && p[n - 1].len < p[n + 1].len) --n;
    if (merge_at(ms, n) < 0) return -1;
  }
  return 0;
}

ssize merge_compute_minrun(ssize n) {
  ssize r = 0;
  while (n >= 64) {
    r |= n & 1;
    n >>= 1;
  }
  return n + r;
}

#undef IFLT
#undef ISLT

// Sort keys[0:n] (and values alongside). -1 on a comparison error.
int timsort(MergeState* ms, SortSlice lo, ssize nremaining) {
  if (nremaining < 2) return 0;
  ssize minrun = merge_compute_minrun(nremaining);
  do {
    int descending;
    ssize n = count_run(ms, lo.keys, lo.keys + nremaining, &descending);
    if (n < 0) return -1;
    if (descending) reverse_sortslice(&lo, n);
    if (n < minrun) {
      const ssize force = nremaining <= minrun ? nremaining : minrun;
      if (binarysort(ms, lo, lo.keys + force, lo.keys + n) < 0) return -1;
      n = force;
    }
    if (found_new_run(ms, n) < 0) return -1;
    ms->pending[ms->n].base = lo;
    ms->pending[ms->n].len = n;
    ++ms->n;
    ss_advance(&lo, n);
    nremaining -= n;
  } while (nremaining);
  return merge_force_collapse(ms);
}

}  // namespace

int list_sort(Object* list, Object* keyfunc, bool reverse) {
  auto* self = static_cast<ListObject*>(list);
  if (keyfunc == None) keyfunc = nullptr;

  // Take the items out of the list so that mutations during the sort are detectable.
  ssize saved_size = self->size;
  Object** saved_items = self->items;
  ssize saved_allocated = self->allocated;
  self->size = 0;
  self->items = nullptr;
  self->allocated = -1;

  int result = -1;
  MergeState* ms = static_cast<MergeState*>(std::malloc(sizeof(MergeState)));
  Object** keys = nullptr;
  Object* small_keys[64];
  SortSlice lo;
  if (!ms) {
    err_no_memory();
    goto restore;
  }
  if (keyfunc) {
    keys = saved_size <= 64 ? small_keys
                            : static_cast<Object**>(std::malloc(size_t(saved_size) * sizeof(Object*)));
    if (!keys) {
      err_no_memory();
      goto restore;
    }
    for (ssize i = 0; i < saved_size; i++) {
      keys[i] = call1(keyfunc, saved_items[i]);
      if (!keys[i]) {
        for (ssize j = 0; j < i; j++) decref(keys[j]);
        if (keys != small_keys) std::free(keys);
        keys = nullptr;
        goto restore;
      }
    }
    lo.keys = keys;
    lo.values = saved_items;
  } else {
    lo.keys = saved_items;
    lo.values = nullptr;
  }

  {
    ms->tuple_elem_compare = generic_compare;
    ms->key_richcompare = nullptr;
    ms->compare = choose_compare(lo.keys, saved_size, ms);
    if (ms->compare == generic_compare && saved_size >= 2 && type_of(lo.keys[0]) == &TupleType) {
      // All keys exact non-empty tuples? Then compare tuples specially, by their first items.
      bool ok = true;
      for (ssize i = 0; i < saved_size; i++) {
        if (type_of(lo.keys[i]) != &TupleType || tuple_size(lo.keys[i]) == 0) {
          ok = false;
          break;
        }
      }
      if (ok) {
        TypeObject* t0 = type_of(tuple_items(lo.keys[0])[0]);
        bool same = true;
        for (ssize i = 1; i < saved_size && same; i++)
          same = type_of(tuple_items(lo.keys[i])[0]) == t0;
        if (same) {
          if (t0 == &IntType) ms->tuple_elem_compare = int_lt_compare;
          else if (t0 == &FloatType) ms->tuple_elem_compare = float_lt_compare;
          else if (t0 == &StrType) ms->tuple_elem_compare = str_lt_compare;
          else if (t0->richcompare && t0 != &TupleType) {
            ms->key_richcompare = t0->richcompare;
            ms->tuple_elem_compare = same_type_compare;
          }
        }
        ms->compare = tuple_lt_compare;
      }
    }

    merge_init(ms, saved_size, keyfunc != nullptr, &lo);
    if (reverse && saved_size > 1) reverse_sortslice(&lo, saved_size);
    result = timsort(ms, lo, saved_size);
    if (reverse && saved_size > 1) reverse_sortslice(&lo, saved_size);
    merge_freemem(ms);
  }

  if (keys) {
    for (ssize i = 0; i < saved_size; i++) decref(keys[i]);
    if (keys != small_keys) std::free(keys);
  }

restore:
  std::free(ms);
  {
    // Whatever was put into the list during the sort is discarded.
    Object** final_items = self->items;
    ssize final_size = self->size;
    bool mutated = self->allocated != -1;
    self->size = saved_size;
    self->items = saved_items;
    self->allocated = saved_allocated;
    if (mutated && result == 0) {
      err_format(&Exc_ValueError, "list modified during sort");
      result = -1;
    }
    if (final_items) {
      for (ssize i = final_size; --i >= 0;) xdecref(final_items[i]);
      mem_free(final_items);
    }
  }
  return result;
}

}  // namespace gilpy

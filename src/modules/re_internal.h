// Internal interface between the two halves of `_re` (gilpy's regular-expression engine on PCRE2):
// re.cpp (re.Pattern: compilation, the scanning loops findall/split/sub, module init) and
// re_match.cpp (re.Match and the scanner behind finditer/Pattern.scanner).
//
// Code units, not UTF: a str subject is matched in its own PEP 393 storage, with the PCRE2 library
// of the same width (kind 1 -> libpcre2-8, kind 2 -> libpcre2-16, kind 4 -> libpcre2-32), in
// non-UTF mode with PCRE2_UCP (Unicode properties and case folding on code-point values), so match
// offsets ARE code-point indices and nothing is ever converted or cached per subject. bytes-like
// subjects use libpcre2-8 without UCP. A pattern is compiled lazily once per width it meets; a
// width is "unavailable" when the pattern holds a code point wider than it (e.g. '\u2013' against
// a Latin-1 subject): such subjects are widened once per call into a temporary buffer
// (Subject::widened) of the narrowest available width.
//
// All state lives under the GIL (matching never releases it). Each Engine owns one match-data
// block; every caller copies the offsets it needs out of it before running Python code (a sub()
// callback may search with the same pattern again).
#pragma once

#define PCRE2_CODE_UNIT_WIDTH 0
#include <pcre2.h>

#include <vector>

#include "core/object.h"
#include "objects/memoryobject.h"

namespace gilpy::re {

// One compiled variant of a pattern (code-unit width 8, 16 or 32).
struct Engine {
  void* code;     // pcre2_code_{8,16,32}*
  void* md;       // match data sized for the pattern
  int8_t state;   // 0: not compiled yet, 1: ready, -1: unavailable for this width
};

struct PatternObject : Object {
  Object* pattern;      // the source: str or bytes (owned)
  Object* groupindex;   // dict name -> group number (owned; exposed only through a mappingproxy)
  Object* weakreflist;
  ssize flags;          // re flags after parsing (UNICODE added for str patterns)
  ssize groups;         // capturing groups
  bool is_bytes;
  uint32_t options;     // PCRE2 compile options (CASELESS, MULTILINE, DOTALL, UCP)
  uint32_t* text;       // the PCRE2 pattern as code points (mem_alloc'd)
  ssize text_len;
  int32_t* parents;     // groups + 1 entries: enclosing group of each group, -1 at top level
  Engine eng[3];        // widths 8, 16, 32
};

struct MatchObject : Object {
  Object* string;          // the subject as passed (owned)
  PatternObject* pattern;  // owned
  Object* regs;            // cached .regs (owned) or null
  ssize pos, endpos;
  ssize lastindex;         // -2: not computed yet, -1: None
  ssize ngroups;           // groups + 1; 2 * ngroups marks follow the object
};
inline ssize* match_marks(MatchObject* m) { return reinterpret_cast<ssize*>(m + 1); }

extern TypeObject PatternType;
extern TypeObject MatchType;
extern TypeObject ScannerType;

// A subject prepared for matching against one pattern: which engine, which code units.
struct Subject {
  Object* obj = nullptr;  // borrowed: the caller holds the subject for the Subject's lifetime
  const void* data = nullptr;
  ssize length = 0;       // code units == code points (bytes for bytes-like)
  int width = 0;          // index into PatternObject::eng (0: 8-bit, 1: 16-bit, 2: 32-bit)
  bool is_bytes = false;
  BufferView view;        // held for bytes-like subjects other than bytes (so they cannot resize)
  void* widened = nullptr;  // mem_alloc'd wider copy of a str whose own width is unavailable

  Subject() = default;
  Subject(const Subject&) = delete;
  Subject& operator=(const Subject&) = delete;
  ~Subject();
  // Type checks with CPython's messages, buffer export, engine choice (compiling it if needed).
  bool init(PatternObject* p, Object* s);
};

// Clamp pos/endpos to the subject as CPython's state_init does.
void clamp_range(ssize length, ssize* pos, ssize* endpos);
// One pcre2_match on `s` from `start` within [0, end): 1 match, 0 none, -1 error set.
// opts: PCRE2_ANCHORED / PCRE2_ENDANCHORED / PCRE2_NOTEMPTY_ATSTART.
int subject_exec(PatternObject* p, Subject& s, ssize start, ssize end, uint32_t opts);
// The offsets of the last successful subject_exec on `s` (2 * (groups + 1) entries, PCRE2_UNSET
// for groups that did not take part). Valid until the next match with this pattern and width.
const PCRE2_SIZE* subject_ovector(PatternObject* p, Subject& s);
// s[a:b] as CPython's getslice: an exact str, or bytes (the subject itself when it is a bytes
// object and the range is all of it).
Object* subject_slice(Subject& s, ssize a, ssize b);

// A Match for the last successful subject_exec.
Object* match_new(PatternObject* p, Subject& s, ssize pos, ssize endpos);
// Pattern.scanner(string, pos, endpos) (already clamped by the caller).
Object* scanner_new(PatternObject* p, Object* string, ssize pos, ssize endpos);
// The template list for `repl` from re._compile_template(pattern, repl): literals and group
// numbers (ints). New reference or nullptr.
Object* compile_template(PatternObject* p, Object* repl);

// The pieces of a sub() result or of a template expansion, joined once at the end: ranges of the
// subject and whole objects (replacement strings, template literals, callback results; borrowed:
// the caller keeps them alive, or hands them over with keep()). Reproduces CPython's list + join,
// including its error for the first bad item ("sequence item 1: expected str instance, int
// found"), raised by finish() (items are counted by the caller with count_item()).
class Joiner {
 public:
  explicit Joiner(Subject& s) : s_(s) {}
  void add_range(ssize a, ssize b);
  void add_object(Object* o);
  void count_item() { ++items_; }
  void keep(Ref o) { keep_.push_back(std::move(o)); }
  Object* finish();  // new str/bytes, or nullptr with the exception set

 private:
  struct Seg {
    Object* obj;  // null: the subject
    ssize a, b;
  };
  void bad(Object* o);
  Subject& s_;
  std::vector<Seg> segs_;
  std::vector<Ref> keep_;
  ssize total_ = 0;
  ssize items_ = 0;
  ssize bad_index_ = -1;
  Ref bad_obj_;
  bool failed_ = false;
};

// Append the expansion of a compiled template (list of literals and group numbers) for a match
// with these marks (2 * (groups + 1) entries, -1 when unset); unmatched groups expand to nothing.
bool expand_template(Joiner& out, ssize groups, const ssize* marks, Object* tmpl);

bool type_ready_match();

}  // namespace gilpy::re

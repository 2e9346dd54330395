// The Unicode name database (see unicode_names.h). Layout of the generated tables
// (parser/unicode_names_tables.inc, tools/gen_unicodedata.py):
//
//   entries      every stored name gets an entry index: first the kNamedCount code-point names in
//                code-point order, then the kAliasCount aliases, then the kSeqCount named sequences.
//   kNameRuns    {start, count, first}: code points start..start+count-1 are entries first.. (the
//                named code points come in long consecutive runs; binary search by start).
//   kPhrasebook  entry i is a length byte and that many bytes of tokens; kPhraseOffsets[i / 32] is
//                where entry i & ~31 starts, the others are reached by skipping length bytes.
//                Token t < kOneByteCodes takes one byte, larger ones two (prefix, low byte).
//                Token 0 is a hyphen (joins without a space), 1 the code point in hex (%04X,
//                for CJK COMPATIBILITY IDEOGRAPH-F900 and the like), t >= 2 is lexicon word t - 2
//                (kLexicon[kWordOffsets[t-2] .. kWordOffsets[t-1]]); words are separated by a space.
//   kNameHash    entry index + 1 (0: empty slot) at the FNV-1a hash of its name, linear probing:
//                a lookup hashes the upper-cased name and decodes the entries it probes.
//   kAliasTargets / kSeqOffsets+kSeqPool: what an alias or named sequence stands for (a sequence
//                offset holds pool index | length << 12).
//   kCjkRanges   the CJK unified ideograph blocks (named CJK UNIFIED IDEOGRAPH-XXXX).
// Hangul syllables U+AC00..U+D7A3 are named from their jamo (Unicode 15.0, section 3.12).
#include "parser/unicode_names.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace gilpy {

namespace {
struct CpRange {
  uint32_t first, last;
};
struct NameRun {
  uint32_t start, count, first;
};

#include "parser/unicode_names_tables.inc"

static_assert(kMaxNameLen < kUcdNameBufSize, "name buffer too small");

constexpr uint32_t kSBase = 0xAC00, kSCount = 11172, kVCount = 21, kTCount = 28;
const char* const kJamoL[19] = {"G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S",
                                "SS", "",  "J", "JJ", "C", "K", "T", "P", "H"};
const char* const kJamoV[21] = {"A",  "AE", "YA", "YAE", "EO", "E",  "YEO", "YE", "O",  "WA", "WAE",
                                "OE", "YO", "U",  "WEO", "WE", "WI", "YU",  "EU", "YI", "I"};
const char* const kJamoT[28] = {"",   "G",  "GG", "GS", "N",  "NJ", "NH", "D",  "L", "LG",
                                "LM", "LB", "LS", "LT", "LP", "LH", "M",  "B",  "BS", "S",
                                "SS", "NG", "J",  "C",  "K",  "T",  "P",  "H"};

bool is_cjk_unified(uint32_t cp) {
  const CpRange* end = kCjkRanges + sizeof(kCjkRanges) / sizeof(kCjkRanges[0]);
  const CpRange* it = std::upper_bound(kCjkRanges, end, cp,
                                       [](uint32_t c, const CpRange& r) { return c < r.first; });
  return it != kCjkRanges && cp <= (it - 1)->last;
}

// Decodes entry i into buf (cp is the code point for the hex token); returns the length.
int decode_entry(uint32_t i, uint32_t cp, char* buf) {
  const uint8_t* p = kPhrasebook + kPhraseOffsets[i / 32];
  for (uint32_t k = i % 32; k; --k) p += 1 + *p;
  const uint8_t* end = p + 1 + *p;
  ++p;
  int len = 0;
  bool after_word = false;
  while (p < end) {
    uint32_t t = *p++;
    if (t >= uint32_t(kOneByteCodes)) t = kOneByteCodes + ((t - kOneByteCodes) << 8) + *p++;
    if (t == 0) {
      buf[len++] = '-';
      after_word = false;
      continue;
    }
    if (after_word) buf[len++] = ' ';
    if (t == 1) {
      len += snprintf(buf + len, size_t(kUcdNameBufSize - len), "%04X", unsigned(cp));
    } else {
      uint32_t a = kWordOffsets[t - 2], b = kWordOffsets[t - 1];
      memcpy(buf + len, kLexicon + a, b - a);
      len += int(b - a);
    }
    after_word = true;
  }
  buf[len] = '\0';
  return len;
}

// The code point an entry names (for the hex token); aliases and sequences have none.
uint32_t entry_cp(uint32_t i) {
  if (i >= kNamedCount) return 0;
  const NameRun* end = kNameRuns + sizeof(kNameRuns) / sizeof(kNameRuns[0]);
  const NameRun* it =
      std::upper_bound(kNameRuns, end, i, [](uint32_t x, const NameRun& r) { return x < r.first; });
  --it;
  return it->start + (i - it->first);
}

// The longest jamo name of `table` that starts `s` (the first of equal lengths), as CPython's
// find_syllable; an empty jamo name matches anything. Returns the index or -1.
int find_jamo(const char* s, size_t n, const char* const* table, int count, size_t* used) {
  int best = -1;
  size_t best_len = 0;
  for (int i = 0; i < count; ++i) {
    size_t l = strlen(table[i]);
    if (best >= 0 && l <= best_len) continue;
    if (l <= n && memcmp(s, table[i], l) == 0) {
      best = i;
      best_len = l;
    }
  }
  *used = best >= 0 ? best_len : 0;
  return best;
}

bool lookup_hangul(const char* s, size_t n, uint32_t* cp) {
  size_t used;
  int l = find_jamo(s, n, kJamoL, 19, &used);
  s += used, n -= used;
  int v = find_jamo(s, n, kJamoV, 21, &used);
  s += used, n -= used;
  int t = find_jamo(s, n, kJamoT, 28, &used);
  n -= used;
  if (l < 0 || v < 0 || t < 0 || n != 0) return false;
  *cp = kSBase + (uint32_t(l) * kVCount + uint32_t(v)) * kTCount + uint32_t(t);
  return true;
}

bool lookup_cjk(const char* s, size_t n, uint32_t* cp) {
  if (n != 4 && n != 5) return false;
  uint32_t v = 0;
  for (size_t i = 0; i < n; ++i) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      v = v * 16 + uint32_t(c - '0');
    } else if (c >= 'A' && c <= 'F') {
      v = v * 16 + uint32_t(c - 'A' + 10);
    } else {
      return false;
    }
  }
  if (!is_cjk_unified(v)) return false;
  *cp = v;
  return true;
}

}  // namespace

int ucd_name_of(uint32_t cp, char buf[kUcdNameBufSize]) {
  if (cp >= kSBase && cp < kSBase + kSCount) {
    uint32_t s = cp - kSBase;
    return snprintf(buf, kUcdNameBufSize, "HANGUL SYLLABLE %s%s%s", kJamoL[s / (kVCount * kTCount)],
                    kJamoV[(s % (kVCount * kTCount)) / kTCount], kJamoT[s % kTCount]);
  }
  if (is_cjk_unified(cp)) return snprintf(buf, kUcdNameBufSize, "CJK UNIFIED IDEOGRAPH-%X", cp);
  const NameRun* end = kNameRuns + sizeof(kNameRuns) / sizeof(kNameRuns[0]);
  const NameRun* it =
      std::upper_bound(kNameRuns, end, cp, [](uint32_t c, const NameRun& r) { return c < r.start; });
  if (it == kNameRuns || cp - (it - 1)->start >= (it - 1)->count) {
    buf[0] = '\0';
    return 0;
  }
  --it;
  return decode_entry(it->first + (cp - it->start), cp, buf);
}

UcdNameMatch ucd_name_lookup(const char* name, size_t len) {
  UcdNameMatch m;
  static const char kHangul[] = "HANGUL SYLLABLE ";
  static const char kCjk[] = "CJK UNIFIED IDEOGRAPH-";
  if (len >= sizeof(kHangul) - 1 && memcmp(name, kHangul, sizeof(kHangul) - 1) == 0) {
    if (lookup_hangul(name + sizeof(kHangul) - 1, len - (sizeof(kHangul) - 1), &m.cp))
      m.kind = UcdNameKind::Hangul;
    return m;
  }
  if (len >= sizeof(kCjk) - 1 && memcmp(name, kCjk, sizeof(kCjk) - 1) == 0) {
    if (lookup_cjk(name + sizeof(kCjk) - 1, len - (sizeof(kCjk) - 1), &m.cp))
      m.kind = UcdNameKind::CjkUnified;
    return m;
  }
  if (len == 0 || len > size_t(kMaxNameLen)) return m;
  char want[kUcdNameBufSize];
  for (size_t i = 0; i < len; ++i) {
    char c = name[i];
    want[i] = c >= 'a' && c <= 'z' ? char(c - 'a' + 'A') : c;
  }
  uint32_t h = 0x811C9DC5u;  // FNV-1a, as tools/gen_unicodedata.py
  for (size_t i = 0; i < len; ++i) h = (h ^ uint8_t(want[i])) * 0x01000193u;
  char buf[kUcdNameBufSize];
  for (uint32_t slot = h & kNameHashMask; kNameHash[slot]; slot = (slot + 1) & kNameHashMask) {
    uint32_t e = kNameHash[slot] - 1u;
    int n = decode_entry(e, entry_cp(e), buf);
    if (size_t(n) != len || memcmp(buf, want, len) != 0) continue;
    if (e < kNamedCount) {
      m.kind = UcdNameKind::Stored;
      m.cp = entry_cp(e);
    } else if (e < kNamedCount + kAliasCount) {
      m.kind = UcdNameKind::Alias;
      m.cp = kAliasTargets[e - kNamedCount];
    } else {
      uint16_t off = kSeqOffsets[e - kNamedCount - kAliasCount];
      m.kind = UcdNameKind::NamedSequence;
      m.seq = kSeqPool + (off & 0xFFF);
      m.seq_len = off >> 12;
    }
    return m;
  }
  return m;
}

}  // namespace gilpy

#!/usr/bin/env python3
"""Generate the tables of the `unicodedata` module and of the Unicode name database.

Run with CPython 3.12 (the oracle; its Unicode database is 15.0.0):
    PYENV_VERSION=3.12.1 python3 tools/gen_unicodedata.py

Writes
  src/parser/unicode_names_tables.inc   character names, aliases, named sequences (used by the
                                        tokenizer's \\N{...} and by unicodedata.name/lookup)
  src/modules/unicodedata_tables.inc    per-character properties, decompositions, composition
                                        pairs, numeric values, the 3.2.0 differences

Like tools/gen_unicode_db.py, everything is read back from CPython's own `unicodedata`, so gilpy
agrees with CPython 3.12 by construction. Name aliases and named sequences are not enumerable
through the Python API; they are read with CPython's `_ucnhash_CAPI` capsule (its getname() with
with_named_seq=1 answers for the private-use code points U+F0000.. where CPython keeps them).

Name encoding: a name is split into words at spaces and hyphens; each word becomes a token from a
lexicon sorted by frequency (the most frequent in one byte, the rest in two bytes), a hyphen is a
token of its own, and a word equal to the code point in hex (CJK COMPATIBILITY IDEOGRAPH-F900,
NUSHU CHARACTER-1B170, ...) is the token HEXCP. CJK unified ideographs and Hangul syllables are
named algorithmically and not stored. Lookups hash the name (FNV-1a) into an open-addressing table
of entry numbers. The script checks every table against CPython before writing.
"""
import bisect
import ctypes
import os
import random
import sys
import unicodedata as U

assert sys.version_info[:2] == (3, 12), "run with CPython 3.12"
MAXCP = 0x110000
ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
OLD = U.ucd_3_2_0
chars = [chr(c) for c in range(MAXCP)]


def c_bytes(data, per_line=24):
    lines = []
    for i in range(0, len(data), per_line):
        lines.append("    " + ",".join(str(x) for x in data[i:i + per_line]) + ",")
    return "\n".join(lines)


def c_array(ctype, name, data, per_line=16):
    return "static const %s %s[%d] = {\n%s\n};\n" % (ctype, name, max(1, len(data)),
                                                      c_bytes(data or [0], per_line))


def ranges_of(cps):
    out = []
    for c in cps:
        if out and out[-1][1] == c - 1:
            out[-1][1] = c
        else:
            out.append([c, c])
    return out


# ---------------------------------------------------------------------------------------------
# Names
# ---------------------------------------------------------------------------------------------
def read_aliases_and_sequences():
    get_ptr = ctypes.pythonapi.PyCapsule_GetPointer
    get_ptr.restype = ctypes.c_void_p
    get_ptr.argtypes = [ctypes.py_object, ctypes.c_char_p]
    api = ctypes.cast(get_ptr(U._ucnhash_CAPI, b"unicodedata._ucnhash_CAPI"),
                      ctypes.POINTER(ctypes.c_void_p))
    getname = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_uint32, ctypes.c_char_p, ctypes.c_int,
                               ctypes.c_int)(api[0])
    buf = ctypes.create_string_buffer(300)
    aliases, seqs = [], []
    for c in range(0xF0000, 0xF0800):
        if getname(c, buf, 300, 1):
            name = buf.value.decode("ascii")
            if c < 0xF0200:
                aliases.append((name, ord(U.lookup(name))))
            else:
                seqs.append((name, [ord(x) for x in U.lookup(name)]))
    assert len(aliases) > 400 and len(seqs) > 400
    return aliases, seqs


HANGUL_L = ["G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K",
            "T", "P", "H"]
HANGUL_V = ["A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U",
            "WEO", "WE", "WI", "YU", "EU", "YI", "I"]
HANGUL_T = ["", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP",
            "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H"]


def hangul_name(c):
    s = c - 0xAC00
    return "HANGUL SYLLABLE " + HANGUL_L[s // 588] + HANGUL_V[(s % 588) // 28] + HANGUL_T[s % 28]


def tokenize(name, cp):
    """Tokens: ('w', word) / ('-',) / ('x',) for the hex code point."""
    toks = []
    for wi, word in enumerate(name.split(" ")):
        for pi, part in enumerate(word.split("-")):
            if pi:
                toks.append(("-",))
            if cp is not None and part == "%04X" % cp:
                toks.append(("x",))
            else:
                toks.append(("w", part))
    return toks


def detokenize(toks, cp):
    out = ""
    prev_word = False
    for t in toks:
        if t[0] == "-":
            out += "-"
            prev_word = False
            continue
        if prev_word:
            out += " "
        out += "%04X" % cp if t[0] == "x" else t[1]
        prev_word = True
    return out


def fnv1a(name):
    h = 0x811C9DC5
    for b in name.encode("ascii"):
        h = ((h ^ b) * 0x01000193) & 0xFFFFFFFF
    return h


def gen_names():
    aliases, seqs = read_aliases_and_sequences()
    cjk, hangul, named = [], [], []
    for c in range(MAXCP):
        n = U.name(chars[c], None)
        if n is None:
            continue
        if n == "CJK UNIFIED IDEOGRAPH-%X" % c:
            cjk.append(c)
        elif 0xAC00 <= c <= 0xD7A3:
            assert n == hangul_name(c)
            hangul.append(c)
        else:
            named.append((c, n))
    assert hangul == list(range(0xAC00, 0xD7A4))
    cjk_ranges = ranges_of(cjk)
    entries = [(n, c) for c, n in named] + [(n, None) for n, _ in aliases] + \
              [(n, None) for n, _ in seqs]
    assert len(entries) < 65536
    tokenized = []
    freq = {}
    for n, c in entries:
        toks = tokenize(n, c)
        assert detokenize(toks, c) == n, n
        tokenized.append(toks)
        for t in toks:
            if t[0] == "w":
                freq[t[1]] = freq.get(t[1], 0) + 1
    # token ids: 0 = hyphen, 1 = hex code point, 2.. = words by decreasing frequency
    words = sorted(freq, key=lambda w: (-freq[w], w))
    ntok = len(words) + 2
    one = 256
    while one + (256 - one) * 256 < ntok:
        one -= 1
    # a good split: as many one-byte codes as the two-byte range allows
    word_id = {w: i + 2 for i, w in enumerate(words)}

    def enc(tid):
        if tid < one:
            return [tid]
        tid -= one
        return [one + (tid >> 8), tid & 0xFF]

    phrase = bytearray()
    offsets = []
    for i, toks in enumerate(tokenized):
        if i % 32 == 0:
            offsets.append(len(phrase))
        body = []
        for t in toks:
            body += enc(0 if t[0] == "-" else 1 if t[0] == "x" else word_id[t[1]])
        assert len(body) < 256
        phrase.append(len(body))
        phrase += bytes(body)
    lexicon = "".join(words)
    word_off = [0]
    for w in words:
        word_off.append(word_off[-1] + len(w))
    assert word_off[-1] < (1 << 32)
    # code point -> entry index: runs of consecutive named code points
    runs = []  # (start, count, first index)
    for i, (c, _) in enumerate(named):
        if runs and runs[-1][0] + runs[-1][1] == c and runs[-1][1] < 0xFFFF:
            runs[-1][1] += 1
        else:
            runs.append([c, 1, i])
    # name -> entry: open addressing (linear probing) on the FNV-1a hash of the name
    assert len({n for n, _ in entries}) == len(entries)
    hash_size = 1 << 16
    assert len(entries) < hash_size * 2 // 3
    name_hash = [0] * hash_size
    for i, (n, _) in enumerate(entries):
        h = fnv1a(n) & (hash_size - 1)
        while name_hash[h]:
            h = (h + 1) & (hash_size - 1)
        name_hash[h] = i + 1
    seq_pool, seq_off = [], []
    for _, s in seqs:
        seq_off.append(len(seq_pool) | (len(s) << 12))
        seq_pool += s
    assert len(seq_pool) < 4096 and max(len(s) for _, s in seqs) < 16
    maxlen = max(len(n) for n, _ in entries)

    # self-check: decode every entry like the C++ code does
    def decode(i, cp):
        p = offsets[i // 32]
        for _ in range(i % 32):
            p += 1 + phrase[p]
        n = phrase[p]
        body = phrase[p + 1:p + 1 + n]
        toks, k = [], 0
        while k < n:
            b = body[k]
            k += 1
            if b >= one:
                b = one + ((b - one) << 8) + body[k]
                k += 1
            toks.append(("-",) if b == 0 else ("x",) if b == 1 else
                        ("w", lexicon[word_off[b - 2]:word_off[b - 1]]))
        return detokenize(toks, cp)

    for i, (n, c) in enumerate(entries):
        assert decode(i, c) == n, (i, n)

    w = []
    w.append("// GENERATED by tools/gen_unicodedata.py from CPython %s (Unicode %s). DO NOT EDIT.\n"
             "// Included by parser/unicode_names.cpp only; the layout is described there.\n\n"
             % (sys.version.split()[0], U.unidata_version))
    w.append("constexpr int kMaxNameLen = %d;\n" % maxlen)
    w.append("constexpr int kOneByteCodes = %d;\n" % one)
    w.append("constexpr uint32_t kNamedCount = %d;  // entries naming a code point\n" % len(named))
    w.append("constexpr uint32_t kAliasCount = %d;\n" % len(aliases))
    w.append("constexpr uint32_t kSeqCount = %d;\n\n" % len(seqs))
    w.append("static const CpRange kCjkRanges[%d] = {\n" % len(cjk_ranges))
    w.append("".join("    {0x%X, 0x%X},\n" % tuple(r) for r in cjk_ranges) + "};\n")
    w.append("static const NameRun kNameRuns[%d] = {\n" % len(runs))
    w.append("".join("    {0x%X, %d, %d},\n" % tuple(r) for r in runs) + "};\n")
    w.append(c_array("uint32_t", "kAliasTargets", [c for _, c in aliases], 12))
    w.append(c_array("uint16_t", "kSeqOffsets", seq_off, 12))
    w.append(c_array("uint32_t", "kSeqPool", seq_pool, 12))
    w.append(c_array("uint32_t", "kPhraseOffsets", offsets, 12))
    w.append(c_array("uint8_t", "kPhrasebook", list(phrase), 32))
    w.append(c_array("uint32_t", "kWordOffsets", word_off, 12))
    w.append("static const char kLexicon[] =\n")
    for i in range(0, len(lexicon), 96):
        w.append('    "%s"\n' % lexicon[i:i + 96])
    w.append("    ;\n")
    w.append("constexpr uint32_t kNameHashMask = 0x%X;\n" % (hash_size - 1))
    w.append(c_array("uint16_t", "kNameHash", name_hash, 14))
    write("src/parser/unicode_names_tables.inc", "".join(w))
    size = (len(phrase) + 4 * len(offsets) + len(lexicon) + 4 * len(word_off) + 2 * hash_size
            + 12 * len(runs) + 4 * len(aliases) + 2 * len(seq_off) + 4 * len(seq_pool))
    print("names: %d stored names, %d aliases, %d sequences, %d words (%d one-byte codes), "
          "%d runs, %d bytes of tables" % (len(named), len(aliases), len(seqs), len(words), one,
                                            len(runs), size))


# ---------------------------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------------------------
def decomp_of(db, c):
    s = db.decomposition(chars[c])
    if not s:
        return None, []
    parts = s.split()
    tag = parts.pop(0) if parts[0].startswith("<") else ""
    return tag, [int(x, 16) for x in parts]


def gen_props():
    cats, bidis, eaws, tags = [], [], [], [""]

    def idx(lst, v):
        if v not in lst:
            lst.append(v)
        return lst.index(v)

    # decompositions and composition pairs
    decomp = {}
    for c in range(MAXCP):
        tag, d = decomp_of(U, c)
        if d:
            decomp[c] = (idx(tags, tag), d)
    comp = {}
    for c, (t, d) in decomp.items():
        if t == 0 and len(d) == 2 and U.combining(chars[d[0]]) == 0 and \
                U.normalize("NFC", chars[c]) == chars[c]:
            comp[(d[0], d[1])] = c
    comp_first = {a for (a, _) in comp}
    comp_last = {b for (_, b) in comp}
    comp_last |= set(range(0x1161, 0x1176)) | set(range(0x11A8, 0x11C3))

    def qc(c):
        ch = chars[c]
        bits = 0
        if U.normalize("NFD", ch) != ch:
            bits |= 1
        if U.normalize("NFKD", ch) != ch:
            bits |= 2
        for shift, form in ((2, "NFC"), (4, "NFKC")):
            if U.normalize(form, ch) != ch:
                bits |= 2 << shift  # No
            elif c in comp_last:
                bits |= 1 << shift  # Maybe
        if c in comp_first:
            bits |= 64  # starts a primary composite
        return bits

    recs, rec_index, per_cp = [], {}, []
    for c in range(MAXCP):
        ch = chars[c]
        r = (idx(cats, U.category(ch)), idx(bidis, U.bidirectional(ch)), U.combining(ch),
             idx(eaws, U.east_asian_width(ch)), U.mirrored(ch), qc(c))
        if r not in rec_index:
            rec_index[r] = len(recs)
            recs.append(r)
        per_cp.append(rec_index[r])
    assert len(recs) < 65536
    SHIFT = 7
    blocks, block_index, index1 = [], {}, []
    for b in range(0, MAXCP, 1 << SHIFT):
        blk = tuple(per_cp[b:b + (1 << SHIFT)])
        if blk not in block_index:
            block_index[blk] = len(blocks)
            blocks.append(blk)
        index1.append(block_index[blk])
    index2 = [x for blk in blocks for x in blk]
    t1 = "uint8_t" if len(blocks) <= 256 else "uint16_t"
    t2 = "uint8_t" if len(recs) <= 256 else "uint16_t"

    # numeric values
    values, numeric = [], []
    for c in range(MAXCP):
        v = U.numeric(chars[c], None)
        if v is None:
            assert U.digit(chars[c], None) is None
            continue
        numeric.append((c, idx(values, v), U.decimal(chars[c], 255), U.digit(chars[c], 255)))
    assert len(values) < 65536

    # decomposition table
    dpool, dents = [], []
    for c in sorted(decomp):
        t, d = decomp[c]
        assert len(d) < 32 and t < 32 and len(dpool) < (1 << 16)
        dents.append((c, len(dpool), t | (len(d) << 5)))
        dpool += d

    # the deepest the decomposition stack of modules/unicodedata.cpp gets (compatibility mode)
    def stack_depth(c):
        stack, deepest = [c], 1
        while stack:
            x = stack.pop()
            if x in decomp and not 0xAC00 <= x <= 0xD7A3:
                stack += reversed(decomp[x][1])
                deepest = max(deepest, len(stack))
        return deepest

    max_stack = max(stack_depth(c) for c in decomp)

    # ---- the 3.2.0 database: which code points it does not know, and other differences -----
    def old_props(db, c):
        ch = chars[c]
        return (db.category(ch), db.bidirectional(ch), db.combining(ch), db.east_asian_width(ch),
                db.mirrored(ch), db.decimal(ch, None), db.numeric(ch, None))

    unassigned32, changed32 = [], []
    for c in range(MAXCP):
        ch = chars[c]
        now, old = old_props(U, c), old_props(OLD, c)
        assert OLD.digit(ch, None) == U.digit(ch, None)  # CPython's 3.2.0 digit() is current
        unknown = OLD.category(ch) == "Cn" and U.category(ch) != "Cn"
        if unknown:
            # CPython answers from an all-default record and knows no name or decomposition
            assert old == ("Cn", "", 0, "N", 0, None, None), (hex(c), old)
            assert OLD.name(ch, None) is None and OLD.decomposition(ch) == ""
            unassigned32.append(c)
            continue
        assert OLD.name(ch, None) == U.name(ch, None), hex(c)
        assert OLD.decomposition(ch) == U.decomposition(ch), hex(c)
        if old != now:
            changed32.append((c, old))
    un32 = ranges_of(unassigned32)
    # changed records: category, bidi, eaw, mirrored, decimal, numeric (combining never changes)
    ch_recs = []
    for c, old in changed32:
        assert old[2] == U.combining(chars[c])
        ch_recs.append((c, idx(cats, old[0]), idx(bidis, old[1]), idx(eaws, old[3]), old[4],
                        255 if old[5] is None else old[5],
                        0xFFFF if old[6] is None else idx(values, old[6])))

    # normalization corrections of 3.2.0: NFD of a single assigned character differs
    def nfd_sim(c, k):
        if 0xAC00 <= c <= 0xD7A3:
            return None
        t, d = decomp.get(c, (0, []))
        return d if d and (t == 0 or k) else None

    corrections = []
    for c, (t, d) in decomp.items():
        if t == 0 and len(d) == 1 and c not in set(unassigned32):
            want = OLD.normalize("NFD", chars[c])
            if want != U.normalize("NFD", chars[c]):
                assert len(want) == 1
                corrections.append((c, ord(want)))
    assert 0 < len(corrections) < 20

    w = []
    w.append("// GENERATED by tools/gen_unicodedata.py from CPython %s (Unicode %s). DO NOT EDIT.\n"
             "// Included by modules/unicodedata.cpp only; the layout is described there.\n\n"
             % (sys.version.split()[0], U.unidata_version))
    w.append('static const char kUnidataVersion[] = "%s";\n' % U.unidata_version)

    def strs(name, lst):
        w.append("static const char* const %s[%d] = {%s};\n" %
                 (name, len(lst), ", ".join('"%s"' % s for s in lst)))

    strs("kCategoryNames", cats)
    strs("kBidiNames", bidis)
    strs("kEawNames", eaws)
    strs("kDecompTags", tags)
    w.append("constexpr int kIndexShift = %d;\n" % SHIFT)
    w.append("constexpr int kMaxDecompStack = %d;  // the deepest full decomposition\n" % max_stack)
    w.append("static const Record kRecords[%d] = {\n" % len(recs))
    w.append("".join("    {%d, %d, %d, %d, %d, %d},\n" % r for r in recs) + "};\n")
    w.append(c_array(t1, "kIndex1", index1, 32))
    w.append(c_array(t2, "kIndex2", index2, 32))
    w.append("static const double kNumericValues[%d] = {\n" % len(values))
    w.append("".join("    %r,\n" % float(v) for v in values) + "};\n")
    w.append("static const NumericEntry kNumeric[%d] = {\n" % len(numeric))
    w.append("".join("    {0x%X, %d, %d, %d},\n" % e for e in numeric) + "};\n")
    w.append("static const DecompEntry kDecomp[%d] = {\n" % len(dents))
    w.append("".join("    {0x%X, %d, %d},\n" % e for e in dents) + "};\n")
    w.append(c_array("uint32_t", "kDecompPool", dpool, 12))
    pairs = sorted(comp.items())
    w.append("static const CompPair kComp[%d] = {\n" % len(pairs))
    w.append("".join("    {0x%X, 0x%X, 0x%X},\n" % (a, b, c) for (a, b), c in pairs) + "};\n")
    w.append("static const CpRange kUnassigned32[%d] = {\n" % len(un32))
    w.append("".join("    {0x%X, 0x%X},\n" % tuple(r) for r in un32) + "};\n")
    w.append("static const Change32 kChanged32[%d] = {\n" % len(ch_recs))
    w.append("".join("    {0x%X, %d, %d, %d, %d, %d, %d},\n" % r for r in ch_recs) + "};\n")
    w.append("static const Correction32 kCorrections32[%d] = {\n" % len(corrections))
    w.append("".join("    {0x%X, 0x%X},\n" % r for r in corrections) + "};\n")
    write("src/modules/unicodedata_tables.inc", "".join(w))
    size = (len(recs) * 6 + len(index1) * (1 if t1 == "uint8_t" else 2) +
            len(index2) * (1 if t2 == "uint8_t" else 2) + 8 * len(values) + 8 * len(numeric) +
            8 * len(dents) + 4 * len(dpool) + 12 * len(pairs) + 8 * len(un32) +
            12 * len(ch_recs) + 8 * len(corrections))
    print("props: %d records, %d blocks, %d numeric, %d decompositions (pool %d), %d pairs, "
          "3.2.0: %d unassigned ranges, %d changed, %d corrections; %d bytes of tables"
          % (len(recs), len(blocks), len(numeric), len(dents), len(dpool), len(pairs), len(un32),
             len(ch_recs), len(corrections), size))
    return decomp, comp, per_cp, recs, set(unassigned32), dict(corrections)


# ---------------------------------------------------------------------------------------------
# A Python model of the C++ normalizer over the generated tables, checked against CPython.
# ---------------------------------------------------------------------------------------------
def check_normalizer(decomp, comp, unassigned32, corrections):
    first = {a for (a, _) in comp}
    comb = lambda c: U.combining(chars[c])

    def nfd(s, k, old):
        out = []
        for ch in s:
            stack = [ord(ch)]
            while stack:
                c = stack.pop()
                if 0xAC00 <= c <= 0xD7A3:
                    si = c - 0xAC00
                    out += [0x1100 + si // 588, 0x1161 + (si % 588) // 28]
                    if si % 28:
                        out.append(0x11A7 + si % 28)
                    continue
                if old and c in corrections:
                    stack.append(corrections[c])
                    continue
                t, d = decomp.get(c, (0, []))
                if not d or (t and not k) or (old and c in unassigned32):
                    out.append(c)
                    continue
                stack += reversed(d)
        for i in range(1, len(out)):  # stable insertion by combining class
            j = i
            while j > 0 and comb(out[j]) and comb(out[j - 1]) > comb(out[j]):
                out[j], out[j - 1] = out[j - 1], out[j]
                j -= 1
        return out

    def nfc(s, k, old):
        d = nfd(s, k, old)
        out, skipped, i = [], set(), 0
        while i < len(d):
            if i in skipped:
                i += 1
                continue
            c = d[i]
            if 0x1100 <= c < 0x1113 and i + 1 < len(d) and 0x1161 <= d[i + 1] < 0x1176:
                c = 0xAC00 + ((c - 0x1100) * 21 + d[i + 1] - 0x1161) * 28
                i += 2
                if i < len(d) and 0x11A7 < d[i] < 0x11C3:
                    c += d[i] - 0x11A7
                    i += 1
                out.append(c)
                continue
            if c not in first:
                out.append(c)
                i += 1
                continue
            j, last = i + 1, 0
            while j < len(d):
                c1 = d[j]
                k1 = comb(c1)
                if last:
                    if k1 == 0:
                        break
                    if last >= k1:
                        j += 1
                        continue
                r = comp.get((c, c1))
                if r is None:
                    if k1 == 0:
                        break
                    last = k1
                    j += 1
                    continue
                c = r
                skipped.add(j)
                j += 1
                if c not in first:
                    break
            out.append(c)
            i += 1
        return out

    forms = {"NFD": (nfd, 0), "NFKD": (nfd, 1), "NFC": (nfc, 0), "NFKC": (nfc, 1)}
    rnd = random.Random(5)
    interesting = [c for c in range(MAXCP) if c in decomp or comb(c) or c in first or
                   0x1100 <= c < 0x1200 or 0xAC00 <= c <= 0xD7A3 and c % 97 == 0]
    samples = [chars[c] for c in interesting]
    samples += ["".join(rnd.choice(samples) for _ in range(rnd.randint(2, 6)))
                for _ in range(20000)]
    for db, old in ((U, False), (OLD, True)):
        for form, (fn, k) in forms.items():
            for s in samples:
                got = "".join(map(chr, fn(s, k, old)))
                assert got == db.normalize(form, s), (form, old, ascii(s))
    print("normalizer model agrees with CPython on %d strings" % len(samples))


def write(rel, text):
    path = os.path.join(ROOT, rel)
    with open(path, "w") as f:
        f.write(text)
    print("wrote", rel, len(text), "bytes")


if __name__ == "__main__":
    gen_names()
    decomp, comp, per_cp, recs, un32, corr = gen_props()
    check_normalizer(decomp, comp, un32, corr)

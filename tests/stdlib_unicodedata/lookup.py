# lookup(): names, aliases, named sequences, algorithmic names, the 3.2.0 database, errors.
import unicodedata as u


def t(fn, *args):
    try:
        r = fn(*args)
        print(ascii(r))
    except Exception as e:
        print(type(e).__name__, e)


for name in ["LATIN SMALL LETTER A", "latin small letter a", "Bullet", "SNOWMAN", "GRINNING FACE",
             "NULL", "NUL", "LINE FEED", "LF", "BYTE ORDER MARK", "BOM", "ZWNBSP", "VS1", "VS256",
             "LATIN CAPITAL LETTER GHA", "HANGUL JONGSEONG YESIEUNG-KIYEOK",
             "KEYCAP NUMBER SIGN", "keycap digit zero", "LATIN SMALL LETTER R WITH TILDE",
             "MODIFIER LETTER EXTRA-LOW EXTRA-HIGH CONTOUR TONE BAR", "TAMIL SYLLABLE SSA",
             "HANGUL SYLLABLE GA", "HANGUL SYLLABLE A", "HANGUL SYLLABLE GGAEGG", "HANGUL SYLLABLE HIH",
             "hangul syllable ga", "HANGUL SYLLABLE ", "HANGUL SYLLABLE GAX",
             "CJK UNIFIED IDEOGRAPH-4E00", "CJK UNIFIED IDEOGRAPH-04E00", "CJK UNIFIED IDEOGRAPH-4e00",
             "cjk unified ideograph-4E00", "CJK UNIFIED IDEOGRAPH-323AF", "CJK UNIFIED IDEOGRAPH-2A6E0",
             "CJK UNIFIED IDEOGRAPH-4E0", "CJK UNIFIED IDEOGRAPH-004E00",
             "CJK COMPATIBILITY IDEOGRAPH-F900", "cjk compatibility ideograph-2f800",
             "NUSHU CHARACTER-1B170", "KHITAN SMALL SCRIPT CHARACTER-18B00", "TANGUT IDEOGRAPH-17000",
             "TIBETAN MARK TSA -PHRU", "TIBETAN MARK TSA-PHRU", "", " ", "LATIN SMALL LETTER A ",
             " LATIN SMALL LETTER A", "LATIN  SMALL LETTER A", "LATIN SMALL LETTER", "É", "x" * 256,
             "x" * 257, "BULLET\0", "LATIN SMALL LETTER A WITH ACUTE"]:
    t(u.lookup, name)
t(u.lookup, b"BULLET")
t(u.lookup, b"bullet\xff")
t(u.lookup, bytearray(b"BULLET"))
t(u.lookup, memoryview(b"BULLET"))
t(u.lookup, 5)
t(u.lookup, None)
t(u.lookup, "\udc80")
print("3.2.0")
for name in ["LATIN SMALL LETTER A", "GRINNING FACE", "NUL", "KEYCAP NUMBER SIGN", "HANGUL SYLLABLE GA",
             "CJK UNIFIED IDEOGRAPH-9FA5", "CJK UNIFIED IDEOGRAPH-9FFF", "EURO SIGN", "NKO DIGIT ZERO",
             "CJK COMPATIBILITY IDEOGRAPH-F900", "CJK COMPATIBILITY IDEOGRAPH-FA70"]:
    t(u.ucd_3_2_0.lookup, name)

# Argument errors of every function, as CPython words them.
import unicodedata as u


def t(fn):
    try:
        print(ascii(fn()))
    except Exception as e:
        print(type(e).__name__, e)


for db, label in ((u, "module"), (u.ucd_3_2_0, "ucd_3_2_0")):
    print(label)
    for f in ("category", "bidirectional", "combining", "east_asian_width", "mirrored", "decomposition"):
        fn = getattr(db, f)
        t(lambda: fn("ab"))
        t(lambda: fn(""))
        t(lambda: fn(65))
        t(lambda: fn(b"a"))
        t(lambda: fn())
        t(lambda: fn("a", "b"))
        t(lambda: fn(chr="a"))
    for f in ("name", "decimal", "digit", "numeric"):
        fn = getattr(db, f)
        t(lambda: fn("ab"))
        t(lambda: fn(None, 1))
        t(lambda: fn())
        t(lambda: fn("a", 1, 2))
        t(lambda: fn("a", default=1))
    for f in ("normalize", "is_normalized"):
        fn = getattr(db, f)
        t(lambda: fn("NFX", "a"))
        t(lambda: fn("nfc", "a"))
        t(lambda: fn("NFC", 5))
        t(lambda: fn(5, "a"))
        t(lambda: fn(b"NFC", "a"))
        t(lambda: fn("NFC"))
        t(lambda: fn())
        t(lambda: fn("NFC", "a", "b"))
        t(lambda: fn(form="NFC", unistr="a"))
    t(lambda: db.lookup())
    t(lambda: db.lookup("a", "b"))
    t(lambda: db.lookup(name="a"))
    t(lambda: db.name("\U000F0000"))
    t(lambda: db.name("\u0378"))
t(lambda: u.UCD())
t(lambda: type(u.ucd_3_2_0).__name__)
t(lambda: type(u.ucd_3_2_0).__module__)
t(lambda: isinstance(u.ucd_3_2_0, u.UCD))
t(lambda: u.ucd_3_2_0.unidata_version)
t(lambda: u.unidata_version)
t(lambda: setattr(u.ucd_3_2_0, "unidata_version", "x"))
t(lambda: setattr(u.ucd_3_2_0, "foo", 1))
t(lambda: sorted(n for n in dir(u) if not n.startswith("_")))
t(lambda: sorted(n for n in dir(u.ucd_3_2_0) if not n.startswith("_")))

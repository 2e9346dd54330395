# ord and chr.
print(ord("a"), ord("€"), ord("😀"), ord(b"A"), ord(bytearray(b"z")), chr(97), chr(8364), chr(0x1F600), repr(chr(0)), chr(0x10FFFF) == "\U0010ffff")
for bad in ("chr(0x110000)", "chr(-1)", "ord('')", "ord('ab')", "ord(1)", "chr('a')"):
    try:
        eval(bad)
    except (ValueError, TypeError) as e:
        print(bad, "->", type(e).__name__, e)

# decode with encodings and error handlers.
print(b"h\xc3\xa9llo".decode(), b"h\xc3\xa9llo".decode("utf-8"), b"h\xe9".decode("latin-1"))
print(b"a\xffb".decode("utf-8", "replace"), b"a\xffb".decode("utf-8", "ignore"), b"a\xffb".decode("utf-8", "backslashreplace"))
print(b"\xff\xfeA\x00".decode("utf-16"), repr(b"a\xffb".decode("utf-8", "surrogateescape")))
for data in (b"\xff", b"\xc3", b"\xe2\x82", b"\xed\xa0\x80"):
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as e:
        print(type(e).__name__, e)
try:
    b"\x80".decode("ascii")
except UnicodeDecodeError as e:
    print(type(e).__name__, e, e.start, e.end, e.reason)

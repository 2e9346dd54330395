# hex() and fromhex() on bytes and bytearray.
print(b"\x00\x01\xab\xff".hex(), b"\xde\xad\xbe\xef".hex(":"), b"\xde\xad\xbe\xef".hex("-", 2), b"".hex())
print(bytes.fromhex("deadbeef"), bytes.fromhex("de ad  be ef"), bytearray.fromhex("41 42"))
for bad in ("abc", "zz", "0x12"):
    try:
        bytes.fromhex(bad)
    except ValueError as e:
        print(type(e).__name__, e)

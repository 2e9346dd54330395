# bytearray is mutable.
ba = bytearray(b"hello")
ba[0] = 72
ba.append(33)
ba.extend(b" ok")
ba += b"!"
print(ba, len(ba))
ba[1:3] = b"EY"
print(ba)
del ba[0]
ba.insert(0, 74)
print(ba, ba.pop(), ba.pop(0), ba)
ba.remove(ord("E"))
ba.reverse()
print(ba, ba.hex())
ba[::2] = b"-----"[: len(ba[::2])]
print(ba)
ba.clear()
print(ba, bytearray(3), bytearray(b"x") * 3, bytearray("é", "utf-8"))
for bad in (lambda: ba.append(256), lambda: ba.pop(), lambda: ba.remove(1), lambda: bytearray(b"a").__setitem__(0, b"x")):
    try:
        bad()
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__, e)

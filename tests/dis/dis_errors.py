# dis.dis rejects objects it cannot disassemble, with CPython's message.
import dis
for obj in (5, 1.5, [1, 2]):
    try:
        dis.dis(obj)
    except TypeError as e:
        print(type(e).__name__, e)

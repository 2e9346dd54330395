# secrets: tokens of the requested size and alphabet, randbelow/randbits/choice ranges and
# errors, compare_digest, SystemRandom; shared_memory names its blocks with secrets.token_hex.
import random
import re
import secrets
from multiprocessing import shared_memory

print(sorted(secrets.__all__), secrets.DEFAULT_ENTROPY, secrets.SystemRandom is random.SystemRandom)
print(type(secrets.token_bytes()).__name__, len(secrets.token_bytes()), len(secrets.token_bytes(5)),
      secrets.token_bytes(0))
print(len(secrets.token_hex()), len(secrets.token_hex(7)), secrets.token_hex(0),
      bool(re.fullmatch("[0-9a-f]{14}", secrets.token_hex(7))))
for n in (0, 1, 2, 3, 4, 16, 31, 32, None):
    tok = secrets.token_urlsafe(n)
    print(n, len(tok), bool(re.fullmatch("[A-Za-z0-9_-]*", tok)))
print(len({secrets.token_hex(16) for _ in range(50)}))
print(all(0 <= secrets.randbelow(7) < 7 for _ in range(200)), {secrets.randbelow(1) for _ in range(5)},
      sorted({secrets.randbelow(3) for _ in range(300)}))
print(all(0 <= secrets.randbits(5) < 32 for _ in range(200)), secrets.randbits(0))
print(secrets.choice("x"), secrets.choice([7, 7]), secrets.choice("abc") in "abc")
for f, args in ((secrets.randbelow, (0,)), (secrets.randbelow, (-3,)), (secrets.randbelow, ("a",)),
                (secrets.randbits, (-1,)), (secrets.choice, ([],)), (secrets.token_bytes, (-1,)),
                (secrets.token_hex, ("a",)), (secrets.compare_digest, ("a", b"a")),
                (secrets.compare_digest, ("\xe9", "\xe9")), (secrets.compare_digest, (1, 2))):
    try:
        print(f.__name__, f(*args))
    except Exception as e:
        print(f.__name__, type(e).__name__, e)
print(secrets.compare_digest(b"abc", b"abc"), secrets.compare_digest(b"abc", b"abd"),
      secrets.compare_digest("abc", "abc"), secrets.compare_digest(bytearray(b"a"), memoryview(b"a")))
shm = shared_memory.SharedMemory(create=True, size=16)
try:
    print(bool(re.fullmatch("psm_[0-9a-f]{8}", shm.name)), shm.size >= 16)
finally:
    shm.close()
    shm.unlink()

# hmac (used by the Listener/Client challenge): HMAC digests against known values,
# copy/update, and compare_digest's rules.
import hashlib
import hmac

for a, b in [("a", "b"), ("a", "a"), (b"a", "b"), ("é", "é"), (1, 2), (b"ab", b"ab"),
             (b"ab", bytearray(b"ab")), (b"a", b"ab"), (memoryview(b"xy"), b"xy")]:
    try:
        print(hmac.compare_digest(a, b))
    except TypeError as e:
        print("TypeError", e)
for args in [(b"k",), ("k", b"", "sha256"), (b"k", b"", "nope")]:
    try:
        hmac.new(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
h = hmac.new(b"key", b"The quick brown fox jumps over the lazy dog", "sha256")
print(h.name, h.digest_size, h.block_size, h.hexdigest())
print(hmac.new(b"key", b"The quick brown fox jumps over the lazy dog", hashlib.md5).hexdigest())
print(hmac.digest(b"k" * 200, b"long key is hashed first", "sha512").hex()[:32])
h2 = h.copy()
h2.update(b"!")
print(h.hexdigest() != h2.hexdigest(), h2.digest() == hmac.new(b"key", b"The quick brown fox jumps over the lazy dog!", "sha256").digest())
print(hmac.new(b"", digestmod="sha3_256").hexdigest())

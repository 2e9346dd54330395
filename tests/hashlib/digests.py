# hashlib: every guaranteed algorithm, known vectors, attributes, copy, update in pieces.
import hashlib

for name in ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'blake2b', 'blake2s',
             'sha3_224', 'sha3_256', 'sha3_384', 'sha3_512']:
    ctor = getattr(hashlib, name)
    h = ctor(b'abc')
    print(name, h.name, h.digest_size, h.block_size, h.hexdigest())
    assert h.digest() == bytes.fromhex(h.hexdigest())
    assert hashlib.new(name, b'abc').hexdigest() == h.hexdigest()
    if '_' not in name and not name.startswith('blake'):
        assert hashlib.new(name.upper(), b'abc').hexdigest() == h.hexdigest()
    # update in pieces == one update
    p = ctor()
    for chunk in (b'a', b'', b'bc'):
        p.update(chunk)
    assert p.hexdigest() == h.hexdigest()
    # copy is independent
    c = h.copy()
    c.update(b'd')
    assert h.hexdigest() == ctor(b'abc').hexdigest()
    assert c.hexdigest() == ctor(b'abcd').hexdigest()

for name in ['shake_128', 'shake_256']:
    h = getattr(hashlib, name)(b'abc')
    print(name, h.name, h.digest_size, h.block_size, h.hexdigest(10), len(h.digest(33)))
    print(h.copy().hexdigest(0) == '', type(h).__name__)

print(hashlib.sha256(bytearray(b'abc')).hexdigest() == hashlib.sha256(b'abc').hexdigest())
print(hashlib.md5(string=b'abc').hexdigest())
print(hashlib.sha1(usedforsecurity=False).hexdigest())
print(hashlib.new('sha256', data=b'x').hexdigest())
print(hashlib.sha512(b'x' * 100000).hexdigest()[:32])
print(sorted(hashlib.algorithms_guaranteed))
print(hashlib.algorithms_guaranteed <= hashlib.algorithms_available)
print(type(hashlib.md5()).__name__, type(hashlib.sha3_256()).__name__)
print(hashlib.pbkdf2_hmac('sha256', b'password', b'salt', 1000).hex())
print(hashlib.pbkdf2_hmac('sha1', b'password', b'salt', 2, dklen=10).hex())
import io
print(hashlib.file_digest(io.BytesIO(b'abc'), 'sha256').hexdigest()[:16])

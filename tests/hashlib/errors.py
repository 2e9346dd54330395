# hashlib: CPython's errors for bad names, str data, non-buffers, bad arguments.
import hashlib


def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


show(lambda: hashlib.new('foo'))
show(lambda: hashlib.new('foo', b'data'))
show(lambda: hashlib.new(5))
show(lambda: hashlib.md5('abc'))
show(lambda: hashlib.sha256().update('abc'))
show(lambda: hashlib.md5(1))
show(lambda: hashlib.md5(None).hexdigest())
show(lambda: hashlib.sha1().update(None))
show(lambda: hashlib.md5(b'a', b'b'))
show(lambda: hashlib.md5(x=1))
show(lambda: hashlib.md5(data=b'x'))
show(lambda: hashlib.md5().digest(3))
show(lambda: hashlib.md5().hexdigest(3))
show(lambda: hashlib.md5().copy(1))
show(lambda: hashlib.shake_128().hexdigest())
show(lambda: hashlib.shake_128().digest())
show(lambda: hashlib.shake_128().digest('x'))
show(lambda: hashlib.pbkdf2_hmac('sha256', b'pw', b'salt', 0))
show(lambda: hashlib.pbkdf2_hmac('sha256', b'pw', b'salt', 1, dklen=0))
show(lambda: hashlib.pbkdf2_hmac('sha256', 'pw', b'salt', 1))
try:
    hashlib.new('nope')
except ValueError as e:
    print('ValueError caught', e.__context__ is None, e.__suppress_context__)

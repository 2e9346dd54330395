# User exception subclasses: extra attributes, args, str() with 0/1/many args, repr.
class HTTPError(Exception):
    def __init__(self, status, reason):
        super().__init__(status, reason)
        self.status = status
        self.reason = reason
    def __str__(self):
        return f"{self.status} {self.reason}"
class NotFound(HTTPError):
    def __init__(self, path):
        super().__init__(404, "Not Found")
        self.path = path
try:
    raise NotFound("/index.html")
except HTTPError as e:
    print(type(e).__name__, e, e.args, e.status, e.path, repr(e))
class Plain(Exception): pass
for args in ((), ("one",), ("a", 2), ([1],)):
    e = Plain(*args)
    print(repr(str(e)), e.args, repr(e))
class NoSuper(Exception):
    def __init__(self, code):
        self.code = code
e = NoSuper(7)
print(e.args, repr(str(e)), e.code, repr(e))
class KwOnly(Exception):
    def __init__(self, *, detail):
        super().__init__(f"detail={detail}")
print(KwOnly(detail="x"), KwOnly(detail="y").args)
e = Plain("x")
e.args = ("replaced", "args")
print(e, e.args)
e.args = "ab"
print(e.args)
class CustomKey(KeyError): pass
print(str(CustomKey("k")), str(KeyError("k")), str(CustomKey()), str(CustomKey("a", "b")))
try:
    Plain(x=1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    raise NotFound
except TypeError as e:
    print(type(e).__name__, e)

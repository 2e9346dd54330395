# APPENDS/SETITEMS/ADDITEMS batches of 1000 items; exact lists/dicts versus subclasses (which go
# through __reduce_ex__ and the generic batchers).
import hashlib
import pickle


def digest(obj, p):
    d = pickle.dumps(obj, p)
    return len(d), hashlib.sha256(d).hexdigest()[:16], d.count(b'e'), d.count(b'u'), d[-20:]


class L(list):
    pass


class D(dict):
    pass


for n in (999, 1000, 1001, 2000, 2001):
    lst = list(range(n))
    d = dict.fromkeys(range(n), 0)
    s = set(range(n))
    for p in (0, 1, 2, 4, 5):
        print(n, p, 'list', digest(lst, p))
        print(n, p, 'dict', digest(d, p))
        print(n, p, 'set', digest(s, p))
        print(n, p, 'frozenset', digest(frozenset(s), p))
        print(n, p, 'L', digest(L(lst), p))
        print(n, p, 'D', digest(D(d), p))
        assert pickle.loads(pickle.dumps(L(lst), p)) == lst
        assert pickle.loads(pickle.dumps(D(d), p)) == d
        assert pickle.loads(pickle.dumps(s, p)) == s
for p in range(6):
    print(p, pickle.dumps(L([7]), p), pickle.dumps(D({1: 2}), p))

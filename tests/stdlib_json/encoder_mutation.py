# The C encoder re-reads lists and dicts after each callback: a default hook that empties or
# refills the container being encoded neither crashes nor reads freed items.
import json
class X: pass
lst = [X(), 1, 2, 3]
def dflt(o):
    lst.clear(); return 'gone'
print(json.dumps(lst, default=dflt))
lst = [X(), 1, 2, 3]
print(json.dumps(lst, default=dflt, indent=1))
d = {'a': X(), 'b': 1}
def dflt2(o):
    d.clear(); d.update({str(i): i for i in range(100)}); return 1
try:
    print(len(json.dumps(d, default=dflt2)))
except RuntimeError as e:
    print('RuntimeError', e)
d = {'a': X(), 'b': 1}
try:
    print(len(json.dumps(d, default=dflt2, sort_keys=True)))
except RuntimeError as e:
    print('RuntimeError', e)

# The C encoder: every value kind, separators, sort_keys, skipkeys, indent (int, str, 0), the
# default hook, circular references, allow_nan, key types, subclasses, custom string encoders,
# errors of make_encoder, deep nesting (RecursionError).
import json
import json.encoder
from collections import OrderedDict
from enum import IntEnum

class Color(IntEnum):
    RED = 1

class MyFloat(float):
    def __repr__(self):
        return 'MyFloat(%s)' % float.__repr__(self)

class MyStr(str):
    def __str__(self):
        return 'changed'

class ItemsDict(dict):
    def items(self):
        return [('z', 1), ('a', 2)]

class BadItems(dict):
    def items(self):
        return [('a', 1, 2)]

value = {'s': 'é\u20ac\U0001f600"\\\n\x00\x7f', 'i': [0, -1, 10**30, Color.RED, True, False],
         'f': [0.1, -0.0, 1e300, 1e-300, 3.0, MyFloat(2.5), float('inf'), float('-inf')],
         'n': None, 't': (1, (2,)), 'e': [[], {}, ()], 'nested': {'x': {'y': [{'z': 'w'}]}}}
print(json.dumps(value))
print(json.dumps(value, ensure_ascii=False))
print(json.dumps(value, indent=2, sort_keys=True))
print(json.dumps(value, indent='\t', separators=(';', '=')))
print(json.dumps(value, indent=0, separators=(',', ':')))
print(json.dumps([1, [2, {'a': []}]], indent=-1), json.dumps([1, [2]], indent=True))
print(json.dumps({MyStr('k'): MyStr('v')}), json.dumps(OrderedDict([('b', 1), ('a', 2)])))
print(json.dumps(ItemsDict(q=1)), json.dumps(ItemsDict(q=1), sort_keys=True))
print(json.dumps({2: 'a', 1.5: 'b', True: 'c', None: 'd', Color.RED: 'e', -0.0: 'f'}))
print(json.dumps({'b': 1, 'a': {'d': 2, 'c': 3}}, sort_keys=True))
print(json.dumps({'a': 1, (1,): 2, 3: 4}, skipkeys=True), json.dumps({(1,): 2}, skipkeys=True))
print(repr(json.dumps({(1,): 2}, skipkeys=True, indent=2)))
print(json.dumps([1, {1, 2}, b'x'], default=lambda o: sorted(o) if isinstance(o, set) else str(o)))
print(json.dumps(json.encoder.JSONEncoder(sort_keys=True).encode({'b': 1, 'a': 2})))
print(json.encoder.JSONEncoder(indent=1).encode([1, 'x']))
errors = [
    lambda: json.dumps(BadItems(a=1)),
    lambda: json.dumps({'a': 1, 2: 3}, sort_keys=True),
    lambda: json.dumps({(1,): 2}),
    lambda: json.dumps({(1,): 2}, indent=2),
    lambda: json.dumps({object(): 2}),
    lambda: json.dumps([object()]),
    lambda: json.dumps([object()], indent=2),
    lambda: json.dumps({'k': float('nan')}, allow_nan=False),
    lambda: json.dumps({float('inf'): 1}, allow_nan=False),
    lambda: json.dumps([MyFloat('-inf')], allow_nan=False),
    lambda: json.dumps(10 ** 5000),
    lambda: json.dumps({10 ** 5000: 1}),
    lambda: json.dumps([1], default=lambda o: 1 / 0),
    lambda: json.dumps(object(), default=lambda o: 1 / 0),
    lambda: json.dumps(1, indent=2.0),
]
for f in errors:
    try:
        print(f())
    except (TypeError, ValueError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
# circular references
lst = [1]
lst.append(lst)
dct = {}
dct['self'] = dct
class Node:
    pass
node = Node()
for obj, kw in [(lst, {}), (dct, {}), (lst, {'indent': 2}), (node, {'default': lambda o: [o]})]:
    try:
        json.dumps(obj, **kw)
    except ValueError as e:
        print('ValueError', e)
try:
    json.dumps(lst, check_circular=False)
except RecursionError as e:
    print('RecursionError', e)
shared = [1]
print(json.dumps([shared, shared, {'a': shared}]))
# deep nesting
deep = []
cur = deep
for _ in range(100000):
    cur.append([])
    cur = cur[0]
for kw in [{}, {'indent': 1}]:
    try:
        json.dumps(deep, **kw)
    except RecursionError as e:
        print('RecursionError', e)
# make_encoder directly
enc = json.encoder.c_make_encoder(None, None, json.encoder.encode_basestring_ascii, None, ':', ',',
                                  False, False, True)
print(enc([1, {'a': 2.5}], 0), enc('x', 0), enc(None, 3))
print(enc.markers, enc.default, enc.indent, enc.key_separator, enc.item_separator, enc.sort_keys,
      enc.skipkeys)
enc2 = json.encoder.c_make_encoder({}, str, lambda s: '<' + s + '>', None, '=', ';', True, True,
                                   False)
print(enc2({'b': [1, 'x'], 'a': object}, 0))
enc3 = json.encoder.c_make_encoder(None, None, json.encoder.encode_basestring, None, ':', ',',
                                   False, True, True)
print(enc3({'b': [1, 'x'], (1,): 2, 'é': 'ü'}, 0))
bad = json.encoder.c_make_encoder(None, None, lambda s: 5, None, ':', ',', False, False, True)
for args in [([], None, json.encoder.encode_basestring, None, ':', ',', False, False, True),
             (None, None, json.encoder.encode_basestring, None, 1, ',', False, False, True),
             (None, None, json.encoder.encode_basestring, None, ':', b',', False, False, True),
             (None, None, json.encoder.encode_basestring, None, ':', ',', False, False)]:
    try:
        json.encoder.c_make_encoder(*args)
    except TypeError as e:
        print('TypeError', e)
for f in [lambda: bad(['a'], 0), lambda: enc([1]), lambda: enc([1], 'x'),
          lambda: json.encoder.encode_basestring_ascii(1), lambda: json.encoder.encode_basestring(b'x')]:
    try:
        print(f())
    except TypeError as e:
        print('TypeError', e)

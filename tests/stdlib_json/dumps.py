# json: dumps options (indent, sort_keys, separators, ensure_ascii, default, allow_nan, skipkeys)
import json

print(json.dumps({'a': [1, 2.5, None, True, {'b': 'é\n'}], 2: 1e100, 1.5: float('inf')}, indent=2))
print(json.dumps([1, [], {}], indent=0))
print(json.dumps('\U0001f600é'), json.dumps('\U0001f600é', ensure_ascii=False))
print(json.dumps({'b': 1, 'a': [0.1, 1/3, 1e-7, 10**20, -0.0]}, sort_keys=True, separators=(',', ':')))
print(json.dumps({'a': 1}, indent='\t'), json.dumps(set(), default=list))
print(json.dumps({1: 2, True: 3, None: 4, 2.5: 5}), json.dumps((1, 'two', [3])))
print(json.dumps('quote " backslash \\ tab \t ctrl \x07'))
print(json.dumps({'a': 1}, skipkeys=True), json.dumps({(1,): 1, 'b': 2}, skipkeys=True))
print(json.dumps([float('nan'), float('-inf')]), json.dumps(12345678901234567890), json.dumps(3.0))
for bad in [float('nan'), float('inf')]:
    try:
        json.dumps(bad, allow_nan=False)
    except ValueError as e:
        print('ValueError', e)
try:
    json.dumps({(1, 2): 3})
except TypeError as e:
    print('TypeError', e)
try:
    json.dumps(object())
except TypeError as e:
    print('TypeError', e)
l = []
l.append(l)
try:
    json.dumps(l)
except ValueError as e:
    print('ValueError', e)
d = {}
d['self'] = d
try:
    json.dumps(d)
except ValueError as e:
    print('ValueError', e)

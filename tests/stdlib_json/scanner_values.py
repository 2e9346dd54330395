# The C scanner's values: numbers (int/float edge forms, big ints and the digit limit, overflow),
# strings in every str width, surrogate pairs, hooks (object_hook, object_pairs_hook, parse_*),
# key memoisation, and deep nesting (RecursionError).
import json
import sys
from collections import OrderedDict

for doc in ['0', '-0', '-0.0', '12', '-12', '1.5', '1e5', '1E+5', '1e-5', '2.5e-3', '-1.25E2',
            '123456789012345678', '1234567890123456789', '-99999999999999999999999',
            '1e400', '-1e400', '1e-400', '0.1', '3.141592653589793', '1.7976931348623157e308',
            '5e-324', '[0,1,-1]', 'NaN', 'Infinity', '-Infinity', 'true', 'false', 'null']:
    v = json.loads(doc)
    print(doc, type(v).__name__, repr(v))
print(json.loads('1' * 4300) % 1000)
try:
    json.loads('1' * 4301)
except ValueError as e:
    print('ValueError', e)
# strings: latin-1, BMP and astral documents, escapes, surrogates
for doc in ['"caf\u00e9"', '"\u20ac \\u20ac"', '"\U0001f600 \\ud83d\\ude00"', '"\\ud83d"',
            '"\\ude00\\ud83d"', '"\\ud83d\\u0041"', '"\\ud83dx"', '"\\u0000\\u001f\\u007f"',
            '"\\/\\\\\\"\\b\\f\\n\\r\\t"', '["\u00e9", "a", "\u20ac", "\U0001f600", "\\u00e9"]',
            '{"\u00e9": "\U0001f600", "k": "\u20ac"}']:
    print(ascii(json.loads(doc)))
print(json.loads('"' + 'x' * 10000 + '\\n"')[-3:] == 'xx\n')
# hooks
doc = '{"a": 1.5, "b": [2, {"c": NaN}], "d": {}, "e": -Infinity, "f": 10}'
print(json.loads(doc, object_hook=lambda d: sorted(d.items())))
print(json.loads(doc, object_pairs_hook=OrderedDict))
print(json.loads(doc, object_pairs_hook=lambda p: p, object_hook=dict))
print(json.loads(doc, parse_float=lambda s: ('float', s), parse_int=lambda s: 'int:' + s))
print(json.loads(doc, parse_constant=lambda s: 'const:' + s))
print(json.loads('[1.0, 2]', parse_float=str, parse_int=float))
try:
    json.loads('[1, 2.5]', parse_int=lambda s: 1 / 0)
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
try:
    json.loads('{"a": {}}', object_hook=lambda d: d['missing'])
except KeyError as e:
    print('KeyError', e)
try:
    json.loads('NaN', parse_constant=lambda s: [][1])
except IndexError as e:
    print('IndexError', e)
# keys are memoised: equal keys in different objects are the same object
rows = json.loads('[{"name": 1, "id": 2}, {"name": 3, "id": 4}]')
print(all(a is b for a, b in zip(rows[0], rows[1])))
# duplicate keys: the last one wins; object_pairs_hook sees them all
print(json.loads('{"a": 1, "a": 2}'), json.loads('{"a": 1, "a": 2}', object_pairs_hook=list))
# whitespace everywhere
print(json.loads(' \t\n\r{ "a" : [ 1 , 2 ] , "b" : { } } \n'))
# deep nesting is a RecursionError, not a crash
for doc in ['[' * 100000 + ']' * 100000, '{"a":' * 100000 + '1' + '}' * 100000]:
    try:
        json.loads(doc)
    except RecursionError as e:
        print('RecursionError', e)
print(len(json.dumps(json.loads('[' * 500 + ']' * 500))))

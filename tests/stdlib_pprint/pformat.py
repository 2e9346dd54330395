# pprint: pformat/pprint of nested containers, width/indent/depth/compact/sort_dicts, strings, bytes
import pprint
from dataclasses import dataclass, field

data = {'name': 'gilpy', 'versions': list(range(30)), 'nested': {'z': [1, 2, {'deep': ('a', 'b')}],
        'a': {'x': 1.5, 'y': None}}, 'tags': {3, 1, 2}, 'empty': [], 't': (1,)}
pprint.pprint(data)
pprint.pprint(data, width=40)
pprint.pprint(data, indent=4, width=60)
pprint.pprint(data, depth=2)
pprint.pprint(data, compact=True, width=50)
pprint.pprint(data, sort_dicts=False, width=50)
pprint.pp({'b': 1, 'a': [2] * 40})
print(pprint.pformat(list(range(100)), compact=True))
long = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.'
pprint.pprint(long, width=40)
pprint.pprint({'text': long, 'b': b'\x00\x01' * 30}, width=50)
pprint.pprint([bytearray(b'abcdefgh' * 8)], width=40)
pprint.pprint(frozenset(range(30)), width=30)
rec = [1, 2]
rec.append(rec)
print(pprint.saferepr(rec).split(' with id=')[0], pprint.isrecursive(rec), pprint.isreadable(rec), pprint.isreadable([1, 'a']))
print(pprint.saferepr({'b': 1, 'a': 2}), pprint.pformat(12345678, underscore_numbers=True))


@dataclass
class Item:
    name: str
    values: list = field(default_factory=list)
    note: str = 'n'


pprint.pprint([Item('first', list(range(20))), Item('second')], width=50)
try:
    pprint.PrettyPrinter(indent=-1)
except ValueError as e:
    print('ValueError', e)

# json: loads hooks, bytes input, raw_decode, dump/load to files, JSONEncoder subclass
import io
import json

print(json.loads('{"a": {"b": [1, "x\\u00e9\\ud83d\\ude00", null, true, false]}, "c": 0.1}'))
print(json.loads(b'[1]'), json.loads(bytearray(b'{"k": "v"}')), json.loads('[1e5, -0.0, 1E-2, 12345678901234567890]'))
print(json.loads('[NaN, Infinity, -Infinity]'), json.loads('1.5', parse_float=str))
print(json.loads('{"a": 1, "b": 2}', object_pairs_hook=list), json.loads('{"a": 1}', object_hook=lambda d: sorted(d)))
print(json.loads('42', parse_int=lambda s: int(s) * 2), json.loads('NaN', parse_constant=lambda c: c))
print(json.loads(' \t\n[ 1 , 2 ]\r\n '), json.loads('"\\"\\\\\\/\\b\\f\\n\\r\\t"'))
print(json.decoder.JSONDecoder().raw_decode('[1] x'))


class E(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, complex):
            return [o.real, o.imag]
        return super().default(o)


print(json.dumps([1 + 2j], cls=E), E(indent=1).encode({'x': 1j}))
f = io.StringIO()
json.dump({'k': [1, 2], 'n': None}, f, indent=1)
print(f.getvalue())
f.seek(0)
print(json.load(f))
data = {'name': 'gilpy', 'tags': ['a', 'b'], 'nested': {'x': [1.5, {'y': None}]}, 'n': -3}
print(json.loads(json.dumps(data)) == data, json.loads(json.dumps(data, indent=4)) == data)

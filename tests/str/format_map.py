# format_map uses the mapping directly.
d = {"name": "Ann", "age": 7}
print("{name} is {age}".format_map(d))
try:
    "{missing}".format_map(d)
except KeyError as e:
    print(type(e).__name__, e)

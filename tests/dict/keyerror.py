# KeyError messages (the repr of the key).
d = {"a": 1}
for k in ("missing", 42, (1, 2), None, ""):
    try:
        d[k]
    except KeyError as e:
        print(type(e).__name__, e, repr(e), e.args)
try:
    del d["nope"]
except KeyError as e:
    print("del", type(e).__name__, e)

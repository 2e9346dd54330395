# get, setdefault, pop, popitem, update, fromkeys, copy, clear.
d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("a", 9), d.setdefault("c", 3), d)
print(d.pop("a"), d.pop("zz", "dflt"), d)
d.update({"x": 1}, y=2); d.update([("z", 3)]); print(d)
print(d.popitem(), d.popitem(), d)
print(dict.fromkeys("abc"), dict.fromkeys(range(3), 0), dict.fromkeys([], 1))
e = d.copy(); e["new"] = 1; print(d, e)
e.clear(); print(e, len(e))
for f in (lambda: {}.popitem(), lambda: d.pop("missing"), lambda: d.update(5), lambda: d.update([1]), lambda: dict([(1, 2, 3)])):
    try:
        f()
    except (KeyError, TypeError, ValueError) as e:
        print(type(e).__name__, e)

# match inside loops (break/continue), generators (yield as subject), walrus guards; dis names.
def f(items):
    out = []
    for it in items:
        match it:
            case "stop":
                break
            case "skip":
                continue
            case [x, *rest] if (n := len(rest)) > 1:
                out.append(("long", x, n))
            case {"a": [1, *_, z]}:
                out.append(("deep", z))
            case _:
                out.append(it)
    return out
print(f([1, "skip", [1, 2, 3], {"a": [1, 5, 6]}, {"a": [2]}, "stop", 5]))
def g():
    try:
        match (yield):
            case int(v):
                yield v * 2
            case other:
                raise ValueError(other)
    finally:
        print("cleanup")
gen = g(); next(gen); print(gen.send(21))
gen = g(); next(gen)
try: gen.send("x")
except ValueError as e: print("VE", e)
import dis
def h(p):
    match p:
        case [1, *_]: return 1
        case {"k": v}: return v
        case C(x=1): return 3
ops = {i.opname for i in dis.get_instructions(h)}
print(sorted(o for o in ops if o.startswith("MATCH")))

# match/case with literals, captures, sequences, mappings, guards and or-patterns.
def describe(obj):
    match obj:
        case 0 | 1:
            return "zero or one"
        case int(n) if n < 0:
            return f"negative {n}"
        case int():
            return "other int"
        case "hello":
            return "greeting"
        case [x, y]:
            return f"pair {x},{y}"
        case [first, *rest]:
            return f"seq starting {first} with {len(rest)} more"
        case {"type": "point", "x": x, "y": y}:
            return f"point at {x},{y}"
        case {"type": t, **others}:
            return f"type {t} others={others}"
        case str() as s:
            return f"string {s!r}"
        case None:
            return "none"
        case _:
            return "something else"
for v in (0, 1, -5, 7, "hello", [1, 2], [1, 2, 3], (9,), {"type": "point", "x": 1, "y": 2}, {"type": "box", "w": 3}, "bye", None, 2.5):
    print(repr(v), "->", describe(v))

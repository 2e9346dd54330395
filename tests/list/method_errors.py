# Errors raised by list methods.
a = [1, 2, 3]
for f in (lambda: a.remove(9), lambda: a.index(9), lambda: [].pop(), lambda: a.pop(5), lambda: a.index(1, 1), lambda: a[3], lambda: a.insert("x", 1), lambda: a["0"], lambda: a.append()):
    try:
        f()
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__, e)

# finally runs on return/break/continue; a return in finally overrides.
def f():
    try:
        return "try"
    finally:
        print("finally runs before return")
def g():
    try:
        return "try"
    finally:
        return "finally wins"
def h():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
def loop():
    out = []
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
            out.append(i)
        finally:
            out.append(f"fin{i}")
    return out
print(f(), g(), h(), loop())

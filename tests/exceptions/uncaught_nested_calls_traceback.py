# A traceback through several function calls.
def level3(x):
    raise ValueError(f"bad value {x}")
def level2(x):
    return level3(x * 2)
def level1():
    return level2(21)
print("start")
level1()

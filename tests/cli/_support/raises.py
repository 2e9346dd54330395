def fail():
    raise ValueError("raised in a module run with -m")
print("module starting")
fail()

# Uncaught AssertionError with a message.
def check(v):
    assert v > 0, f"value must be positive, got {v}"
check(1)
check(-3)

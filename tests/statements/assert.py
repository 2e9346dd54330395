# assert with and without messages.
assert True
assert 1 == 1, "never shown"
try:
    assert 1 == 2
except AssertionError as e:
    print(type(e).__name__, repr(e), e.args)
try:
    assert [], "list was empty: %d" % 0
except AssertionError as e:
    print(type(e).__name__, e)
try:
    assert False, ("tuple", "msg")
except AssertionError as e:
    print(e.args)

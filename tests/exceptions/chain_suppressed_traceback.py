# raise ... from None hides the context in the traceback.
try:
    [][0]
except IndexError:
    raise LookupError("nothing there") from None

# Traceback for an exception raised while handling another.
data = {}
try:
    data["missing"]
except KeyError:
    raise ValueError("lookup failed")

# A bare raise re-raises the exception being handled.
def risky():
    raise KeyError("inner")
try:
    try:
        risky()
    except KeyError:
        print("logging and re-raising")
        raise
except KeyError as e:
    print("outer caught", repr(e))

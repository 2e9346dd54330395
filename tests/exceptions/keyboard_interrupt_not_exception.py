# except Exception does not catch BaseException subclasses like SystemExit.
try:
    try:
        raise SystemExit(5)
    except Exception:
        print("not here")
except BaseException as e:
    print("caught by BaseException:", type(e).__name__, e.code)
try:
    raise KeyboardInterrupt
except Exception:
    print("not here")
except KeyboardInterrupt:
    print("KeyboardInterrupt is not an Exception")

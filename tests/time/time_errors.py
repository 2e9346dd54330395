# Argument errors of time functions.
import time
for f, args in ((time.sleep, (-1,)), (time.sleep, ("1",)), (time.sleep, (None,)), (time.sleep, ()),
                (time.gmtime, ("0",)), (time.gmtime, (float("nan"),)), (time.gmtime, (10 ** 30,)),
                (time.strftime, (5,)), (time.asctime, ("x",)), (time.ctime, ("x",)),
                (time.get_clock_info, ("nope",)), (time.monotonic, (1,))):
    try:
        f(*args)
        print(f.__name__, args, "no error")
    except (TypeError, ValueError, OverflowError, OSError) as e:
        print(f.__name__, args, type(e).__name__, e)
